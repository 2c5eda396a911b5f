//! Extracts a large document (the bundled articles of one language, `PROFILE_LANG`, `en` by
//! default) repeatedly, for profiling (`perf record`).
use gazette::corpus::{Corpus, Document, SourceEncoding};
use gazette::extract::Extractor;

fn main() {
    let lang = std::env::var("PROFILE_LANG").unwrap_or_else(|_| "en".into());
    let seeds = Corpus::bundled();
    let body: String = seeds
        .docs
        .iter()
        .filter(|d| d.lang.code() == lang)
        .map(|d| &*d.text)
        .collect::<Vec<_>>()
        .join("\n\n");
    let text = body.repeat(30);
    let doc = Document::new(
        gazette::corpus::DocId(0),
        "big.txt".into(),
        text,
        SourceEncoding::Utf8,
    );
    let extractor = Extractor::default();
    let n: usize = (0..3).map(|_| extractor.extract(&doc).len()).sum();
    println!("{n}");
}
