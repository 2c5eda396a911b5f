//! gazette JSONL: one line per document, offsets in code points (see shared notes/formats.md).

use super::import::{check_shape, span_fields, DocRef, InputError, RawDoc};
use super::offsets::{OffsetMap, Unit};
use crate::corpus::Document;
use crate::model::{Mention, Status};
use serde::Serialize;

/// One document's line; its entities are made one at a time as they are written.
#[derive(Serialize)]
struct DocLine<'a, E: Serialize> {
    doc: &'a str,
    lang: &'a str,
    title: &'a str,
    entities: E,
}

/// The records an iterator makes, serialized as a JSON array without being collected.
struct Records<I>(std::cell::Cell<Option<I>>);

impl<'a, I: Iterator<Item = EntityRecord<'a>>> Serialize for Records<I> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.0.take().into_iter().flatten())
    }
}

/// One mention, with offsets in the chosen unit.
#[derive(Debug, Serialize)]
pub struct EntityRecord<'a> {
    pub start: usize,
    pub end: usize,
    pub label: &'a str,
    pub text: &'a str,
    pub entity: &'a str,
    /// The review decision, in exports with statuses.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<&'static str>,
}

/// Writes the JSONL line (without newline) for a document, its mentions (sorted by position) and the
/// canonical entity name of each, offsets in `unit`.
pub fn write_doc_line(
    out: &mut dyn std::io::Write,
    doc: &Document,
    mentions: &[Mention],
    names: &[&str],
    statuses: Option<&[Status]>,
    unit: Unit,
) -> std::io::Result<()> {
    let map = OffsetMap::new(&doc.text);
    let entities = mentions
        .iter()
        .zip(names)
        .enumerate()
        .map(|(i, (m, name))| EntityRecord {
            start: map.from_byte(m.span.start, unit),
            end: map.from_byte(m.span.end, unit),
            label: m.label.as_str(),
            text: &doc.text[m.span.clone()],
            entity: name,
            status: statuses.and_then(|s| s.get(i)).map(|s| s.as_str()),
        });
    let entities = Records(std::cell::Cell::new(Some(entities)));
    let line = DocLine {
        doc: &doc.path,
        lang: doc.lang.code(),
        title: &doc.meta.title,
        entities,
    };
    // Written as it is made, with raw controls escaped (`json_safe`): a 200 MB document's line
    // is never held whole.
    let mut ser = serde_json::Serializer::with_formatter(out, crate::text::sanitize::SafeJson);
    line.serialize(&mut ser).map_err(std::io::Error::other)
}

/// Reads one parsed line of gazette JSONL.
pub fn parse(value: &serde_json::Value, line: usize) -> Result<Option<RawDoc>, String> {
    let doc = value
        .get("doc")
        .and_then(|d| d.as_str())
        .ok_or("not a gazette JSONL line: no \"doc\"")?;
    let mut spans = Vec::new();
    for e in value
        .get("entities")
        .and_then(|e| e.as_array())
        .map_or(&[][..], Vec::as_slice)
    {
        spans.push(span_fields(e, "start", "end", line)?);
    }
    Ok(Some(RawDoc {
        doc: DocRef::Path(doc.to_string()),
        spans,
        line,
        counts_utf16: false,
        brat: None,
        problems: Vec::new(),
    }))
}

/// Reads gazette JSONL without its documents (for scoring): lines that cannot be read, and spans
/// that are reversed or whose `text` has not the length of their range, are reported and left
/// out; everything else is kept. Several lines for the same document are merged.
pub fn read(file: &str, content: &str) -> (Vec<RawDoc>, Vec<InputError>) {
    let mut docs: Vec<RawDoc> = Vec::new();
    let mut errors = Vec::new();
    let err = |line: usize, message: String| InputError {
        file: file.into(),
        line,
        message,
    };
    for (i, raw) in content.lines().enumerate() {
        let line = i + 1;
        if raw.trim().is_empty() {
            continue;
        }
        let parsed = serde_json::from_str::<serde_json::Value>(raw)
            .map_err(|e| format!("not a gazette JSONL line: {e}"))
            .and_then(|v| parse(&v, line));
        let mut doc = match parsed {
            Ok(Some(doc)) => doc,
            Ok(None) => continue,
            Err(message) => {
                errors.push(err(line, message));
                continue;
            }
        };
        doc.spans
            .retain(|s| match check_shape(s, Unit::Codepoints) {
                Ok(()) => true,
                Err(message) => {
                    errors.push(err(line, message));
                    false
                }
            });
        match docs.iter_mut().find(|d| d.doc == doc.doc) {
            Some(d) => d.spans.extend(doc.spans),
            None => docs.push(doc),
        }
    }
    (docs, errors)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_lines_and_reports_bad_ones_by_line() {
        let input = concat!(
            r#"{"doc": "a.txt", "entities": [{"start": 0, "end": 2, "label": "PER", "text": "王宁"}]}"#,
            "\n",
            "not json\n",
            r#"{"doc": "b.txt", "entities": [{"start": 5, "end": 3, "label": "ORG"}, {"start": 0, "end": 3, "label": "GPE", "text": "天津"}]}"#,
            "\n",
            "\n",
            r#"{"doc": "a.txt", "entities": [{"start": 3, "end": 5, "label": "REGION"}]}"#,
            "\n",
        );
        let (docs, errors) = read("gold.jsonl", input);
        assert_eq!(docs.len(), 2);
        assert_eq!(docs[0].spans.len(), 2, "lines of one document merge");
        assert_eq!(docs[0].spans[0].label, "PER");
        assert_eq!(docs[1].spans.len(), 0);
        let messages: Vec<String> = errors.iter().map(|e| e.to_string()).collect();
        assert_eq!(messages.len(), 3, "{messages:?}");
        assert!(messages[0].starts_with("gold.jsonl:2: not a gazette JSONL line"));
        assert_eq!(
            messages[1],
            "gold.jsonl:3: span 5..3 ORG: empty or reversed"
        );
        assert_eq!(
            messages[2],
            "gold.jsonl:3: span 0..3 GPE: text \"天津\" is 2 characters, the span 3"
        );
    }
}
