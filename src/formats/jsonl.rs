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

/// A span read from a file: code-point offsets, as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SpanRecord {
    pub start: usize,
    pub end: usize,
    pub label: crate::model::Label,
    pub text: Option<String>,
    pub entity: Option<String>,
    /// Line of the file it came from (1-based), for messages.
    pub line: usize,
}

/// One document's spans as read from a gazette JSONL file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocRecord {
    pub doc: String,
    pub spans: Vec<SpanRecord>,
}

/// A problem in an input file, located by file and line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InputError {
    pub file: String,
    pub line: usize,
    pub message: String,
}

impl std::fmt::Display for InputError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}: {}", self.file, self.line, self.message)
    }
}

#[derive(serde::Deserialize)]
struct RawLine {
    doc: String,
    #[serde(default)]
    entities: Vec<RawEntity>,
}

#[derive(serde::Deserialize)]
struct RawEntity {
    start: usize,
    end: usize,
    label: String,
    text: Option<String>,
    entity: Option<String>,
}

/// Reads gazette JSONL. Lines that cannot be read, and spans that are reversed or whose `text`
/// has not the length of their range, are reported and left out; everything else is kept.
/// Several lines for the same document are merged.
pub fn read(file: &str, content: &str) -> (Vec<DocRecord>, Vec<InputError>) {
    let mut docs: Vec<DocRecord> = Vec::new();
    let mut errors = Vec::new();
    for (i, raw) in content.lines().enumerate() {
        let line = i + 1;
        if raw.trim().is_empty() {
            continue;
        }
        let parsed: RawLine = match serde_json::from_str(raw) {
            Ok(p) => p,
            Err(e) => {
                errors.push(InputError {
                    file: file.into(),
                    line,
                    message: format!("not a gazette JSONL line: {e}"),
                });
                continue;
            }
        };
        let mut spans = Vec::new();
        for e in parsed.entities {
            let shown = format!("span {}..{} {}", e.start, e.end, e.label);
            if e.start >= e.end {
                errors.push(InputError {
                    file: file.into(),
                    line,
                    message: format!("{shown}: empty or reversed"),
                });
                continue;
            }
            if let Some(t) = &e.text {
                if t.chars().count() != e.end - e.start {
                    let message = format!(
                        "{shown}: text {t:?} is {} characters, the span {}",
                        t.chars().count(),
                        e.end - e.start
                    );
                    errors.push(InputError {
                        file: file.into(),
                        line,
                        message,
                    });
                    continue;
                }
            }
            let label = crate::model::Label::from_name(&e.label);
            spans.push(SpanRecord {
                start: e.start,
                end: e.end,
                label,
                text: e.text,
                entity: e.entity,
                line,
            });
        }
        match docs.iter_mut().find(|d| d.doc == parsed.doc) {
            Some(d) => d.spans.extend(spans),
            None => docs.push(DocRecord {
                doc: parsed.doc,
                spans,
            }),
        }
    }
    (docs, errors)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Label;

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
        assert_eq!(docs[0].spans[0].label, Label::Person);
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
