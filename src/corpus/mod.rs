//! The corpus: documents decoded from files, with metadata and chrome ranges.

pub mod chrome;
pub mod decode;
pub mod load;
pub mod meta;

pub use decode::SourceEncoding;
pub use load::{open_paths, LoadWarning};
pub use meta::{Lang, Meta};

use std::ops::Range;

/// Index of a document in its corpus.
pub type DocId = u32;

/// One article. `text` is exactly the decoded file: every offset in gazette refers to it.
#[derive(Debug, Clone)]
pub struct Document {
    pub id: DocId,
    /// Path relative to the corpus root, with `/` separators (what JSONL's `doc` holds).
    pub path: String,
    pub text: String,
    pub lang: Lang,
    pub meta: Meta,
    /// Byte ranges of page chrome, sorted and disjoint.
    pub chrome: Vec<Range<usize>>,
    pub encoding: SourceEncoding,
}

impl Document {
    /// Decodes metadata, language and chrome for a text.
    pub fn new(id: DocId, path: String, text: String, encoding: SourceEncoding) -> Self {
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

impl Corpus {
    /// The five bundled articles, embedded in the binary.
    pub fn bundled() -> Corpus {
        let mut corpus = Corpus {
            label: "bundled corpus".into(),
            ..Corpus::default()
        };
        for (name, bytes) in embedded::SEEDS {
            corpus.push_bytes(name.to_string(), bytes);
        }
        corpus
    }

    /// Decodes `bytes` and adds the document, or records a warning naming `path`.
    pub fn push_bytes(&mut self, path: String, bytes: &[u8]) {
        match decode::decode(bytes) {
            Ok((text, encoding)) => {
                if let SourceEncoding::Utf8Repaired { invalid_bytes } = encoding {
                    self.warnings.push(LoadWarning {
                        path: path.clone(),
                        message: format!("{invalid_bytes} invalid UTF-8 byte(s) shown as �"),
                    });
                }
                let id = self.docs.len() as DocId;
                self.docs.push(Document::new(id, path, text, encoding));
            }
            Err(e) => self.warnings.push(LoadWarning {
                path,
                message: format!("skipped: {e}"),
            }),
        }
    }
}
