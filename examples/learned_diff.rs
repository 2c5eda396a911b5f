//! What the learned model adds to the rules, document by document:
//! `cargo run --release --example learned_diff -- DIR` prints each mention only one of the two
//! extractors (rules alone, rules and model) finds, `+` for the model's, `-` for the rules'.
//! With `RAW=1` it also prints every span the model tags, before the checks a person passes.

use gazette::corpus::{DocId, Document, SourceEncoding};
use gazette::extract::Extractor;
use std::collections::BTreeSet;

fn main() {
    let Some(dir) = std::env::args().nth(1) else {
        eprintln!("usage: learned_diff DIR");
        return;
    };
    let (rules, full) = (Extractor::rules_only(), Extractor::default());
    let mut paths: Vec<_> = walkdir::WalkDir::new(&dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| e.into_path())
        .collect();
    paths.sort();
    for path in paths {
        let Ok(text) = std::fs::read_to_string(&path) else {
            continue;
        };
        let doc = Document::new(
            DocId(0),
            path.display().to_string(),
            text.clone(),
            SourceEncoding::Utf8,
        );
        let found = |e: &Extractor| -> BTreeSet<(usize, String, String)> {
            e.extract(&doc)
                .into_iter()
                .map(|m| {
                    (
                        m.span.start,
                        m.label.as_str().to_string(),
                        text[m.span].to_string(),
                    )
                })
                .collect()
        };
        if std::env::var_os("RAW").is_some() {
            if let Some(w) = gazette::extract::learned::shipped() {
                let tokens = gazette::extract::segment::tag_han_lines(&text);
                for (span, label) in gazette::extract::learned::find(w, &text, &tokens) {
                    println!("raw {} {}", label.as_str(), &text[span]);
                }
            }
        }
        let (a, b) = (found(&rules), found(&full));
        for m in b.difference(&a) {
            println!("{} + {} {} @{}", path.display(), m.1, m.2, m.0);
        }
        for m in a.difference(&b) {
            println!("{} - {} {} @{}", path.display(), m.1, m.2, m.0);
        }
    }
}
