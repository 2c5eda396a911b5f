//! Lists the mentions the extractor finds in one file, each with its label and the recognizer
//! that found it (`cargo run --release --example mentions -- FILE`): for reading why a name was
//! found, or found cut short.
use gazette::corpus::{Document, SourceEncoding};
use gazette::extract::Extractor;

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: mentions FILE");
        std::process::exit(2);
    };
    let text = match std::fs::read_to_string(&path) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("{path}: {e}");
            std::process::exit(1);
        }
    };
    let doc = Document::new(
        gazette::corpus::DocId(0),
        path.clone(),
        text,
        SourceEncoding::Utf8,
    );
    for m in Extractor::default().extract(&doc) {
        let surface = doc.text.get(m.span.clone()).unwrap_or("");
        println!(
            "{}..{}\t{:?}\t{surface}\t{:?}",
            m.span.start, m.span.end, m.label, m.source
        );
    }
}
