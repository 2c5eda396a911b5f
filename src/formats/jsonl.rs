//! gazette JSONL: one line per document, offsets in code points (see shared notes/formats.md).

use super::offsets::CodePoints;
use crate::corpus::Document;
use crate::model::Mention;
use serde::Serialize;

/// One document's line.
#[derive(Debug, Serialize)]
pub struct DocLine<'a> {
    pub doc: &'a str,
    pub lang: &'a str,
    pub title: &'a str,
    pub entities: Vec<EntityRecord<'a>>,
}

/// One mention, with code-point offsets.
#[derive(Debug, Serialize)]
pub struct EntityRecord<'a> {
    pub start: usize,
    pub end: usize,
    pub label: &'a str,
    pub text: &'a str,
    pub entity: &'a str,
}

/// The JSONL line (without newline) for a document, its mentions (sorted by position) and the
/// canonical entity name of each.
pub fn doc_line(doc: &Document, mentions: &[Mention], names: &[&str]) -> String {
    let mut cp = CodePoints::new(&doc.text);
    let entities = mentions
        .iter()
        .zip(names)
        .map(|(m, name)| EntityRecord {
            start: cp.at(m.span.start),
            end: cp.at(m.span.end),
            label: m.label.as_str(),
            text: &doc.text[m.span.clone()],
            entity: *name,
        })
        .collect();
    let line = DocLine {
        doc: &doc.path,
        lang: doc.lang.code(),
        title: &doc.meta.title,
        entities,
    };
    serde_json::to_string(&line).unwrap_or_default()
}
