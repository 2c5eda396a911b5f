//! A corpus snapshot with fuzz bytes written over part of it (the checksum made to agree, so
//! that the damage reaches the decoder): refused or restored, never a panic; what is restored
//! fits its documents. The first four bytes choose where the rest goes.
#![no_main]
use gazette::corpus::stream::{load_all, Input, Options};
use gazette::corpus::Corpus;
use gazette::extract::Extractor;
use gazette::index::Index;
use gazette::snapshot::Snapshot;
use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

/// A snapshot of the bundled articles written to a folder of their own.
fn valid() -> &'static [u8] {
    static BYTES: OnceLock<Vec<u8>> = OnceLock::new();
    BYTES.get_or_init(|| {
        let dir = std::env::temp_dir().join(format!("gazette-fuzz-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("folder");
        for (i, d) in Corpus::bundled().docs.iter().enumerate() {
            std::fs::write(dir.join(format!("{i}.txt")), &d.text).expect("write");
        }
        let options = Options { extract: true, cache_dir: None };
        let (corpus, mentions) = load_all(Input::Paths(vec![dir]), options);
        let index = Index::build(&corpus, mentions);
        let snapshot = Snapshot::take(&corpus, &index).expect("a snapshot");
        snapshot.to_bytes().expect("bytes")
    })
}

fuzz_target!(|data: &[u8]| {
    let Some((at, patch)) = data.split_first_chunk::<4>() else { return };
    let mut bytes = valid().to_vec();
    let at = 24 + u32::from_le_bytes(*at) as usize % (bytes.len() - 24);
    let end = (at + patch.len()).min(bytes.len());
    bytes[at..end].copy_from_slice(&patch[..end - at]);
    let sum = xxhash_rust::xxh3::xxh3_128(&bytes[24..]).to_le_bytes();
    bytes[8..24].copy_from_slice(&sum);
    let extractor = Extractor::default();
    let restored = Snapshot::from_bytes(&bytes).and_then(|s| s.restore(|n| extractor.recognizer_name(n)));
    if let Ok(r) = restored {
        assert_eq!(r.index.doc_count(), r.docs.len());
        for m in &r.index.mentions {
            assert!(m.span.end <= r.docs[m.doc as usize].text.byte_len());
        }
    }
});
