//! doccano JSONL (sequence labelling), all three variants: `label: [[s, e, L]]`, the older
//! `labels`, and `entities: [{start_offset, end_offset, label}]`. doccano counts UTF-16 units:
//! read and write it with `--offsets utf16` for doccano itself.

use super::import::{span_fields, DocRef, RawDoc, RawSpan};
use super::offsets::{OffsetMap, Unit};
use crate::corpus::Document;
use crate::model::Mention;

/// Reads one parsed doccano line. The document is named by `doc` (as gazette writes it) or
/// found by its `text`.
pub fn parse(value: &serde_json::Value, line: usize) -> Result<Option<RawDoc>, String> {
    let text = value
        .get("text")
        .and_then(|t| t.as_str())
        .ok_or("a doccano line without \"text\"")?;
    let mut spans = Vec::new();
    // A bad item is reported and the record's other items still load.
    let mut problems = Vec::new();
    let pairs = value
        .get("label")
        .or_else(|| value.get("labels"))
        .and_then(|l| l.as_array());
    for item in pairs.map_or(&[][..], Vec::as_slice) {
        let triple = item.as_array().map(Vec::as_slice).unwrap_or_default();
        let fields = match triple {
            [s, e, l, ..] => (s.as_u64(), e.as_u64(), l.as_str()),
            _ => (None, None, None),
        };
        let (Some(start), Some(end), Some(label)) = fields else {
            problems.push(format!(
                "a doccano label that is not [start, end, label]: {item}; not loaded"
            ));
            continue;
        };
        spans.push(RawSpan {
            start: start as usize,
            end: end as usize,
            label: label.into(),
            text: None,
            entity: None,
            line,
        });
    }
    for e in value
        .get("entities")
        .and_then(|e| e.as_array())
        .map_or(&[][..], Vec::as_slice)
    {
        match span_fields(e, "start_offset", "end_offset", line) {
            Ok(span) => spans.push(span),
            Err(why) => problems.push(format!("{why}; not loaded")),
        }
    }
    let doc = DocRef::path_or_text(value.get("doc").and_then(|d| d.as_str()), text);
    Ok(Some(RawDoc {
        doc,
        spans,
        line,
        counts_utf16: true,
        brat: None,
        problems,
    }))
}

/// The doccano line for a document (the `label` variant, with gazette's `doc` beside it).
pub fn doc_line(doc: &Document, mentions: &[Mention], unit: Unit) -> String {
    let map = OffsetMap::new(&doc.text);
    let labels: Vec<serde_json::Value> = mentions
        .iter()
        .map(|m| {
            serde_json::json!([
                map.from_byte(m.span.start, unit),
                map.from_byte(m.span.end, unit),
                m.label.as_str()
            ])
        })
        .collect();
    serde_json::json!({"doc": doc.path, "text": &*doc.text, "label": labels}).to_string()
}
