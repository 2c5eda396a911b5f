//! Any annotation file (JSONL formats, or brat with a leading 0 byte): parsed and resolved against
//! a small corpus in every offset unit without a panic; every mention inside its document.
#![no_main]
use gazette::corpus::Corpus;
use gazette::formats::import::{read_str, resolve};
use gazette::formats::Unit;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&kind, rest)) = data.split_first() else { return };
    let content = String::from_utf8_lossy(rest);
    let mut corpus = Corpus::default();
    corpus.push_bytes("0.txt".into(), "Li Qiang met 习近平 in 天津 𠀀.".as_bytes());
    let brat = (kind == 0).then(|| "0.txt".to_string());
    let (raw, _) = read_str("fuzz", &content, brat);
    for unit in [Unit::Codepoints, Unit::Utf16, Unit::Bytes] {
        for m in resolve(&corpus, &raw, "fuzz", unit).mentions {
            assert!(corpus.docs[0].text.get(m.span.clone()).is_some());
        }
    }
});
