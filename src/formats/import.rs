//! Loading mentions made by other tools: reading each format into raw records, then checking
//! every span against its document. A span that does not fit is reported with its file, line and
//! offsets, never shifted, clamped or dropped silently; the other spans still load.

use super::offsets::{OffsetError, OffsetMap, Unit};
use super::{brat, doccano, jsonl, spacy};
use crate::corpus::{Corpus, DocId};
use crate::model::{Label, Mention, Source};
use std::path::{Path, PathBuf};

/// A span as a file gives it, before it is checked against its document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawSpan {
    pub start: usize,
    pub end: usize,
    pub label: String,
    /// The covered text, when the format records it.
    pub text: Option<String>,
    /// The entity it belongs to, when the format records one.
    pub entity: Option<String>,
    /// Line of the file it came from (1-based).
    pub line: usize,
}

/// How a record names its document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DocRef {
    /// A path relative to the corpus root.
    Path(String),
    /// The document's whole text (doccano and spaCy records carry it).
    Text(String),
}

impl DocRef {
    /// By path when the record names one, else by its text.
    pub fn path_or_text(path: Option<&str>, text: &str) -> DocRef {
        match path {
            Some(p) => DocRef::Path(p.into()),
            None => DocRef::Text(text.into()),
        }
    }
}

/// One document's spans from a file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawDoc {
    pub doc: DocRef,
    pub spans: Vec<RawSpan>,
    pub line: usize,
    /// The format counts UTF-16 units by default (doccano).
    pub counts_utf16: bool,
    /// For brat: each span's id, and the lines gazette does not interpret (kept for export).
    pub brat: Option<BratKeep>,
    /// Items of the record that could not be read (the others load), reported with its line.
    pub problems: Vec<String>,
}

/// What a brat file holds beyond its spans, kept so that an export gives it back.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct BratKeep {
    /// The T id of each span, in the order of the spans.
    pub ids: Vec<String>,
    /// Attribute, relation, equivalence, note and other normalization lines, as written.
    pub lines: Vec<String>,
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

/// A span object's offsets and label (`start_key`, `end_key`, "label"), with its "text" and
/// "entity" when present; an error naming the object when one of the three is missing.
pub fn span_fields(
    obj: &serde_json::Value,
    start_key: &str,
    end_key: &str,
    line: usize,
) -> Result<RawSpan, String> {
    let num = |k: &str| {
        obj.get(k)
            .and_then(serde_json::Value::as_u64)
            .map(|n| n as usize)
    };
    let field = |k: &str| obj.get(k).and_then(|v| v.as_str()).map(String::from);
    match (num(start_key), num(end_key), field("label")) {
        (Some(start), Some(end), Some(label)) => Ok(RawSpan {
            start,
            end,
            label,
            text: field("text"),
            entity: field("entity"),
            line,
        }),
        _ => Err(format!(
            "a span without {start_key}, {end_key} and label: {obj}"
        )),
    }
}

/// The span as messages show it: `span 3..7 PERSON`.
pub fn describe(s: &RawSpan) -> String {
    format!("span {}..{} {}", s.start, s.end, s.label)
}

/// Checks that need no document: an empty or reversed span, a `text` whose length cannot be the
/// span's (in code points only; other units are checked against the document).
pub fn check_shape(s: &RawSpan, unit: Unit) -> Result<(), String> {
    if s.start >= s.end {
        return Err(format!("{}: empty or reversed", describe(s)));
    }
    if let (Some(t), Unit::Codepoints) = (&s.text, unit) {
        // Text with whitespace may be a discontinuous span's fragments: the document decides.
        if !t.contains(char::is_whitespace) && t.chars().count() != s.end - s.start {
            return Err(format!(
                "{}: text {t:?} is {} characters, the span {}",
                describe(s),
                t.chars().count(),
                s.end - s.start
            ));
        }
    }
    Ok(())
}

/// An annotation file's text, decoded as the documents are: a byte-order mark (UTF-8 or UTF-16)
/// read and removed, GB18030 where it is not UTF-8. The error says why it cannot be read.
pub fn read_text(path: &Path) -> Result<String, String> {
    let bytes = std::fs::read(path).map_err(|e| format!("cannot read: {e}"))?;
    crate::corpus::decode::decode_owned(bytes)
        .map(|(text, _)| text)
        .map_err(|e| format!("cannot read: {e}"))
}

/// Reads an annotation file in whichever format it is: brat by its `.ann` extension, the JSONL
/// formats line by line by their keys.
pub fn read_file(path: &Path) -> (Vec<RawDoc>, Vec<InputError>) {
    let file = path.display().to_string();
    let content = match read_text(path) {
        Ok(c) => c,
        Err(message) => {
            return (
                Vec::new(),
                vec![InputError {
                    file,
                    line: 0,
                    message,
                }],
            )
        }
    };
    let brat_doc = path.extension().is_some_and(|e| e == "ann").then(|| {
        path.with_extension("txt")
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default()
    });
    read_str(&file, &content, brat_doc)
}

/// Reads annotations from `content` (named `file` in messages): brat when `brat_doc` names the
/// document the `.ann` file annotates, otherwise the JSONL formats line by line by their keys.
pub fn read_str(
    file: &str,
    content: &str,
    brat_doc: Option<String>,
) -> (Vec<RawDoc>, Vec<InputError>) {
    // A byte-order mark is not part of the first line (files are decoded without one already).
    let content = content.strip_prefix('\u{feff}').unwrap_or(content);
    if let Some(doc) = brat_doc {
        return brat::read(file, content, doc);
    }
    let file = file.to_string();
    let mut docs = Vec::new();
    let mut errors = Vec::new();
    for (i, raw) in content.lines().enumerate() {
        let line = i + 1;
        if raw.trim().is_empty() {
            continue;
        }
        let value: serde_json::Value = match serde_json::from_str(raw) {
            Ok(v) => v,
            Err(e) => {
                errors.push(InputError {
                    file: file.clone(),
                    line,
                    message: format!("not a JSON line: {e}"),
                });
                continue;
            }
        };
        let parsed = if value.get("spans").is_some() || value.get("ents").is_some() {
            spacy::parse(&value, line)
        } else if value.get("text").is_some()
            && (value.get("label").is_some()
                || value.get("labels").is_some()
                || value.get("entities").is_some())
        {
            doccano::parse(&value, line)
        } else {
            jsonl::parse(&value, line)
        };
        match parsed {
            Ok(Some(mut doc)) => {
                errors.extend(doc.problems.drain(..).map(|message| InputError {
                    file: file.clone(),
                    line,
                    message,
                }));
                docs.push(doc)
            }
            Ok(None) => {}
            Err(message) => errors.push(InputError {
                file: file.clone(),
                line,
                message,
            }),
        }
    }
    (docs, errors)
}

/// Every annotation file under `path` (a file, or a folder searched recursively for `.ann`,
/// `.jsonl` and `.json`).
pub fn annotation_files(path: &Path) -> Vec<PathBuf> {
    if !path.is_dir() {
        return vec![path.to_path_buf()];
    }
    let mut files: Vec<PathBuf> = walkdir::WalkDir::new(path)
        .follow_links(true)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| e.into_path())
        .filter(|p| {
            p.extension()
                .is_some_and(|e| e == "ann" || e == "jsonl" || e == "json")
        })
        .collect();
    files.sort();
    files
}

/// Mentions from raw records, each span checked against its document. `file` names the source in
/// messages and in each mention's [`Source`].
pub fn resolve(corpus: &Corpus, docs: &[RawDoc], file: &str, unit: Unit) -> Resolved {
    let mut mentions = Vec::new();
    let mut errors = Vec::new();
    let mut matched = Vec::new();
    let by_path: std::collections::HashMap<&str, DocId> = corpus
        .docs
        .iter()
        .map(|d| (d.path.as_str(), d.id))
        .collect();
    let mut brat: std::collections::HashMap<DocId, DocBrat> = std::collections::HashMap::new();
    let err = |line: usize, message: String| InputError {
        file: file.to_string(),
        line,
        message,
    };
    for raw in docs {
        let doc_id = match find_doc(corpus, &by_path, &raw.doc) {
            Ok(id) => id,
            Err(what) => {
                errors.push(err(raw.line, what));
                continue;
            }
        };
        matched.push(doc_id);
        let text: &str = &corpus.docs[doc_id.index()].text;
        if raw.counts_utf16
            && unit == Unit::Codepoints
            && !raw.spans.is_empty()
            && text.chars().any(|c| c.len_utf16() == 2)
        {
            let message = "this tool counts UTF-16 units and the document has characters outside the Basic Multilingual Plane: read with --offsets utf16 if its spans look shifted".to_string();
            errors.push(err(raw.line, message));
        }
        let map = OffsetMap::new(text);
        if let Some(keep) = &raw.brat {
            brat.entry(doc_id)
                .or_default()
                .lines
                .extend(keep.lines.iter().cloned());
        }
        for (n, s) in raw.spans.iter().enumerate() {
            if let Err(message) = check_shape(s, unit) {
                errors.push(err(s.line, message));
                continue;
            }
            let range = match (map.to_byte(s.start, unit), map.to_byte(s.end, unit)) {
                (Ok(a), Ok(b)) => a..b,
                (Err(e), _) | (_, Err(e)) => {
                    let why = match e {
                        OffsetError::PastEnd(len) => {
                            format!("out of range (the document has {len} {})", unit_name(unit))
                        }
                        OffsetError::InsideCharacter => {
                            format!("not on a character boundary in {}", unit_name(unit))
                        }
                    };
                    errors.push(err(s.line, format!("{}: {why}", describe(s))));
                    continue;
                }
            };
            let covered = &text[range.clone()];
            if let Some(t) = &s.text {
                if !text_agrees(t, covered) {
                    errors.push(err(
                        s.line,
                        format!(
                            "{}: text {t:?} disagrees with the document's {covered:?}",
                            describe(s)
                        ),
                    ));
                    continue;
                }
            }
            let label = Label::from_name(&s.label);
            let entity = s
                .entity
                .clone()
                .unwrap_or_else(|| covered.split_whitespace().collect::<Vec<_>>().join(" "));
            let key = format!("imported:{}", entity.to_lowercase());
            if let Some(id) = raw.brat.as_ref().and_then(|k| k.ids.get(n)) {
                brat.entry(doc_id).or_default().ids.insert(
                    (
                        range.clone(),
                        Label::from_name(&s.label).as_str().to_string(),
                    ),
                    id.clone(),
                );
            }
            mentions.push(Mention {
                doc: doc_id,
                span: range,
                label,
                key: key.into(),
                canonical: entity.into(),
                source: Source::Imported(file.to_string()),
            });
        }
    }
    Resolved {
        mentions,
        errors,
        docs: matched,
        brat,
    }
}

/// A brat document's material beyond spans, tied to the spans by their byte ranges.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DocBrat {
    /// Original T id of each imported span: (byte range, label) → id.
    pub ids: std::collections::HashMap<(std::ops::Range<usize>, String), String>,
    /// The lines gazette does not interpret, as written.
    pub lines: Vec<String>,
}

/// What [`resolve`] made of a file.
#[derive(Debug, Default)]
pub struct Resolved {
    pub mentions: Vec<Mention>,
    pub errors: Vec<InputError>,
    /// brat material per document, for giving it back on export.
    pub brat: std::collections::HashMap<DocId, DocBrat>,
    /// The documents the file annotates (even with no span: the tool found nothing there).
    pub docs: Vec<DocId>,
}

/// A `text` field agrees with the covered text when equal, or (brat's discontinuous spans) equal
/// once every run of whitespace is one space.
fn text_agrees(given: &str, covered: &str) -> bool {
    let fold = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    given == covered || fold(given) == fold(covered)
}

fn unit_name(unit: Unit) -> &'static str {
    match unit {
        Unit::Codepoints => "characters",
        Unit::Utf16 => "UTF-16 units",
        Unit::Bytes => "bytes",
    }
}

/// The corpus document a record refers to: by path (exact, or the same trailing components),
/// or by identical text.
/// The document a record names: by its exact path, by a path that ends like one of the corpus's
/// (a root written differently) — an error naming every candidate when several do — or by its
/// text. The error says why none was found.
fn find_doc(
    corpus: &Corpus,
    by_path: &std::collections::HashMap<&str, DocId>,
    doc: &DocRef,
) -> Result<DocId, String> {
    match doc {
        DocRef::Path(p) => {
            let p = p.replace('\\', "/");
            if let Some(&id) = by_path.get(p.as_str()) {
                return Ok(id);
            }
            // Only a path relative to another root needs the scan.
            let candidates: Vec<&crate::corpus::Document> = (corpus.docs.iter())
                .filter(|d| {
                    d.path.ends_with(&format!("/{p}")) || p.ends_with(&format!("/{}", d.path))
                })
                .collect();
            match candidates.as_slice() {
                [one] => Ok(one.id),
                [] => Err(format!("document {p:?} is not in the corpus")),
                several => Err(format!(
                    "document {p:?} matches {} documents ({}): name one by its whole path",
                    several.len(),
                    several
                        .iter()
                        .map(|d| format!("{:?}", d.path))
                        .collect::<Vec<_>>()
                        .join(", ")
                )),
            }
        }
        DocRef::Text(t) => corpus
            .docs
            .iter()
            .find(|d| d.text.byte_len() == t.len() && *d.text == **t)
            .map(|d| d.id)
            .ok_or_else(|| {
                format!(
                    "no document of the corpus has this text ({:?}…)",
                    t.chars().take(30).collect::<String>()
                )
            }),
    }
}

#[cfg(test)]
#[path = "import_tests.rs"]
mod tests;
