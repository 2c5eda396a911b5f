//! The corpus: documents decoded from files, with metadata and chrome ranges.

pub mod chrome;
pub mod decode;
pub mod load;
pub mod meta;

pub mod text;

pub use decode::SourceEncoding;
pub use load::{plan, LoadWarning, Plan};
pub use meta::{Lang, Meta};
pub use text::{content_hash, ContentHash, FileStamp, Origin, Text};

use std::ops::Range;

/// A document, by its place in its corpus: a type of its own, so it is never taken for a
/// mention or an entity.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Default,
    serde::Serialize,
    serde::Deserialize,
)]
#[serde(transparent)]
pub struct DocId(pub u32);

impl DocId {
    /// Its place in [`Corpus::docs`].
    pub fn index(self) -> usize {
        self.0 as usize
    }

    /// The ids of `n` documents, in corpus order.
    pub fn all(n: usize) -> impl Iterator<Item = DocId> {
        (0..n as u32).map(DocId)
    }
}

impl std::fmt::Display for DocId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.fmt(f)
    }
}

/// Tests and tables compare ids with plain numbers; nothing takes a number for an id.
impl PartialEq<u32> for DocId {
    fn eq(&self, other: &u32) -> bool {
        self.0 == *other
    }
}

/// One article. `text` is exactly the decoded file: every offset in gazette refers to it. It may
/// be read from the file only when first needed (see [`Text`]).
#[derive(Debug, Clone)]
pub struct Document {
    pub id: DocId,
    /// Path relative to the corpus root, with `/` separators (what JSONL's `doc` holds).
    pub path: String,
    pub text: Text,
    pub lang: Lang,
    pub meta: Meta,
    /// Byte ranges of page chrome, sorted and disjoint.
    pub chrome: Vec<Range<usize>>,
    pub encoding: SourceEncoding,
}

impl Document {
    /// Decodes metadata, language and chrome for a text.
    pub fn new(id: DocId, path: String, text: impl Into<Text>, encoding: SourceEncoding) -> Self {
        let text = text.into();
        let meta = meta::read_meta(&text);
        let chrome = chrome::find_chrome(&text, &meta);
        let lang = meta::detect_lang(&text);
        Document {
            id,
            path,
            text,
            lang,
            meta,
            chrome,
            encoding,
        }
    }

    /// A document whose metadata, language and chrome are already known (from the cache).
    pub fn with_analysis(
        id: DocId,
        path: String,
        text: Text,
        encoding: SourceEncoding,
        (lang, meta, chrome): (Lang, Meta, Vec<Range<usize>>),
    ) -> Self {
        Document {
            id,
            path,
            text,
            lang,
            meta,
            chrome,
            encoding,
        }
    }

    /// Whether a byte range touches page chrome.
    pub fn in_chrome(&self, range: &Range<usize>) -> bool {
        self.chrome
            .iter()
            .any(|c| c.start < range.end && range.start < c.end)
    }

    /// The title, or the file name for a document without one.
    pub fn display_title(&self) -> &str {
        if self.meta.title.is_empty() {
            self.path.rsplit('/').next().unwrap_or(&self.path)
        } else {
            &self.meta.title
        }
    }
}

/// A set of documents and what went wrong reading the rest.
#[derive(Debug, Clone, Default)]
pub struct Corpus {
    /// What was opened, for the title bar: a folder, a file list, or "bundled corpus".
    pub label: String,
    pub docs: Vec<Document>,
    pub warnings: Vec<LoadWarning>,
    /// The folder document paths are relative to (None for the bundled corpus).
    pub root: Option<std::path::PathBuf>,
    /// brat `.ann` files found beside the documents' `.txt` files.
    pub sidecars: Vec<(DocId, std::path::PathBuf)>,
}

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/seeds.rs"));
}

/// The bundled corpus's files (name, bytes), compiled in.
pub use embedded::SEEDS;

impl Corpus {
    /// How many documents' texts are in memory.
    pub fn texts_held(&self) -> usize {
        self.docs.iter().filter(|d| d.text.is_held()).count()
    }

    /// Decodes `bytes` and adds the document, or records a warning naming `path`.
    pub fn push_bytes(&mut self, path: String, bytes: &[u8]) {
        match decode_text(&path, bytes.to_vec()) {
            Ok((text, encoding, warning)) => {
                let id = DocId(self.docs.len() as u32);
                self.docs.push(Document::new(id, path, text, encoding));
                self.warnings.extend(warning);
            }
            Err(warning) => self.warnings.push(warning),
        }
    }
}

/// What is worth saying about a file decoded from `encoding`: bytes that had to be repaired.
pub fn repair_warning(path: &str, encoding: SourceEncoding) -> Option<LoadWarning> {
    match encoding {
        SourceEncoding::Utf8Repaired { invalid_bytes } => Some(LoadWarning {
            path: path.to_string(),
            message: format!("{invalid_bytes} invalid UTF-8 byte(s) shown as �"),
        }),
        _ => None,
    }
}

/// A file's text and encoding, with a warning when bytes had to be repaired; or why it is
/// skipped.
pub fn decode_text(
    path: &str,
    bytes: Vec<u8>,
) -> Result<(String, SourceEncoding, Option<LoadWarning>), LoadWarning> {
    match decode::decode_owned(bytes) {
        Ok((text, encoding)) => Ok((text, encoding, repair_warning(path, encoding))),
        Err(e) => Err(LoadWarning {
            path: path.to_string(),
            message: format!("skipped: {e}"),
        }),
    }
}
