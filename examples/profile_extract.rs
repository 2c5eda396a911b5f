//! Extracts a large document (the bundled articles of one language, `PROFILE_LANG`, `en` by
//! default) repeatedly, for profiling (`perf record`); prints the speed of the passes after the first.
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
    let text = body.repeat(1_000_000 / body.len().max(1) + 1);
    let mut doc = Document::new(
        gazette::corpus::DocId(0),
        "big.txt".into(),
        text,
        SourceEncoding::Utf8,
    );
    // As in the benchmark: the first footer would make the rest chrome, which is skipped.
    doc.chrome.clear();
    let extractor = Extractor::default();
    let mentions = extractor.extract(&doc).len();
    // Every pass after the first, which also builds the tables.
    let started = std::time::Instant::now();
    for _ in 0..9 {
        extractor.extract(&doc);
    }
    let mb = 9.0 * doc.text.len() as f64 / 1e6;
    println!(
        "{mentions} mentions; {:.1} MB/s after the first pass",
        mb / started.elapsed().as_secs_f64()
    );
}
