//! Times the extractor alone on one file (`cargo run --release --example time_extract -- FILE`).
use gazette::corpus::{Document, SourceEncoding};
use gazette::extract::Extractor;
use std::time::Instant;

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: time_extract FILE");
        std::process::exit(2);
    };
    let text = match std::fs::read_to_string(&path) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("{path}: {e}");
            std::process::exit(1);
        }
    };
    let started = Instant::now();
    let extractor = Extractor::default();
    let doc = Document::new(
        gazette::corpus::DocId(0),
        path.clone(),
        text,
        SourceEncoding::Utf8,
    );
    let ready = started.elapsed();
    let mentions = extractor.extract(&doc);
    let took = started.elapsed() - ready;
    let mb = doc.text.len() as f64 / 1e6;
    // Again, with every table and automaton already built.
    let again = Instant::now();
    extractor.extract(&doc);
    let warm = again.elapsed().as_secs_f64();
    println!(
        "{path}: {} mentions, setup {:.2} s, extraction {:.2} s ({:.1} MB/s), again {warm:.2} s ({:.1} MB/s)",
        mentions.len(),
        ready.as_secs_f64(),
        took.as_secs_f64(),
        mb / took.as_secs_f64(),
        mb / warm
    );
}
