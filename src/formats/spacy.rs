//! spaCy / Prodigy JSONL: `{"text", "spans": [{"start", "end", "label"}], "answer"}`, and
//! displaCy's manual `{"text", "ents": [...]}`. Offsets in code points.

use super::import::{span_fields, DocRef, RawDoc};
use super::offsets::{OffsetMap, Unit};
use crate::corpus::Document;
use crate::model::{Mention, Status};

/// Reads one parsed spaCy/Prodigy line. A Prodigy example answered `reject` or `ignore` is
/// reported and its spans are not loaded: the annotator said they are not the annotation.
pub fn parse(value: &serde_json::Value, line: usize) -> Result<Option<RawDoc>, String> {
    let text = value
        .get("text")
        .and_then(|t| t.as_str())
        .ok_or("a spaCy line without \"text\"")?;
    if let Some(answer) = value.get("answer").and_then(|a| a.as_str()) {
        if answer != "accept" {
            return Err(format!(
                "example answered {answer:?}: its spans are not loaded"
            ));
        }
    }
    let (key, list) = match value.get("spans") {
        Some(list) => ("spans", list),
        None => (
            "ents",
            value.get("ents").unwrap_or(&serde_json::Value::Null),
        ),
    };
    let list = match list {
        serde_json::Value::Array(items) => items.as_slice(),
        serde_json::Value::Null => &[],
        other => return Err(format!("{key:?} is not a list: {other}")),
    };
    let mut spans = Vec::new();
    // A bad span is reported and the example's other spans still load.
    let mut problems = Vec::new();
    for s in list {
        match span_fields(s, "start", "end", line) {
            Ok(span) => spans.push(span),
            Err(why) => problems.push(format!("{why}; not loaded")),
        }
    }
    let doc = DocRef::path_or_text(
        value
            .get("meta")
            .and_then(|m| m.get("doc"))
            .and_then(|d| d.as_str()),
        text,
    );
    Ok(Some(RawDoc {
        doc,
        spans,
        line,
        counts_utf16: false,
        brat: None,
        problems,
    }))
}

/// The spaCy/Prodigy line for a document (`meta.doc` holds gazette's path).
pub fn doc_line(
    doc: &Document,
    mentions: &[Mention],
    statuses: Option<&[Status]>,
    unit: Unit,
) -> String {
    let map = OffsetMap::new(&doc.text);
    let spans: Vec<serde_json::Value> = mentions
        .iter()
        .enumerate()
        .map(|(i, m)| {
            let mut span = serde_json::json!({"start": map.from_byte(m.span.start, unit), "end": map.from_byte(m.span.end, unit), "label": m.label.as_str(), "text": &doc.text[m.span.clone()]});
            if let Some(status) = statuses.and_then(|s| s.get(i)) {
                span["status"] = status.as_str().into();
            }
            span
        })
        .collect();
    serde_json::json!({"text": &*doc.text, "spans": spans, "meta": {"doc": doc.path}, "answer": "accept"}).to_string()
}
