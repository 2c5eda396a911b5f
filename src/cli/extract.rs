//! `gazette extract`: the built-in extractor's mentions as gazette JSONL.

use super::{analyze, open_corpus, Format};
use crate::formats::jsonl;
use std::io::Write;
use std::path::PathBuf;

/// `gazette extract`: JSONL on `out`, a warning per skipped file on `err`.
pub fn run_extract(
    paths: &[PathBuf],
    _format: Format,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> std::io::Result<()> {
    let corpus = open_corpus(paths);
    for w in &corpus.warnings {
        writeln!(err, "gazette: {w}")?;
    }
    if corpus.docs.is_empty() && !corpus.warnings.is_empty() {
        return Err(std::io::Error::other("no document could be read"));
    }
    let index = analyze(&corpus);
    for doc in &corpus.docs {
        let names: Vec<&str> = index
            .doc_mention_ids(doc.id)
            .map(|i| index.entity(index.entity_of(i as u32)).name.as_str())
            .collect();
        let line = jsonl::doc_line(doc, index.doc_mentions(doc.id), &names);
        writeln!(out, "{line}")?;
    }
    Ok(())
}
