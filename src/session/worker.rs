//! What a loader's worker thread does with one file: read it (with its stamp), decode it, and
//! analyse it, from the extraction cache when it knows the content.

use super::stream::Loaded;
use crate::cache::{Analysis, Cache};
use crate::corpus::decode;
use crate::corpus::load::{io_reason, NOT_REGULAR};
use crate::corpus::{
    content_hash, decode_text, ContentHash, Document, FileStamp, LoadWarning, Origin,
    SourceEncoding, Text,
};
use crate::extract::Extractor;
use crate::model::Mention;
use std::path::{Path, PathBuf};

/// A file to read: a path on disk or embedded bytes, with the name shown for it.
pub(super) enum Item {
    File(PathBuf, String, Option<PathBuf>),
    Embedded(&'static str, &'static [u8]),
}

impl Item {
    /// The file to read (path, name shown, brat file beside), if it is one.
    pub(super) fn file(&self) -> Option<(&Path, &str, Option<&Path>)> {
        match self {
            Item::File(path, shown, ann) => Some((path, shown, ann.as_deref())),
            Item::Embedded(..) => None,
        }
    }
}

/// A file's bytes and its stamp, taken when it was opened. Only a regular file is read (a FIFO
/// or a device would block or never end), and one whose first bytes are binary is not read on.
fn read_stamped(path: &std::path::Path) -> std::io::Result<(Vec<u8>, Option<FileStamp>)> {
    use std::io::Read;
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    // Opening a FIFO for reading would wait for a writer: never wait, check what it is first.
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::custom_flags(&mut options, libc_nonblock());
    let mut file = options.open(path)?;
    let meta = file.metadata()?;
    if !meta.is_file() {
        return Err(std::io::Error::other(NOT_REGULAR));
    }
    let mut head = Vec::with_capacity(decode::HEAD);
    (&mut file)
        .take(decode::HEAD as u64)
        .read_to_end(&mut head)?;
    if decode::binary_head(&head) {
        return Err(std::io::Error::other(
            decode::DecodeError::Binary.to_string(),
        ));
    }
    let mut bytes = head;
    // A file that claims more bytes than there is memory for is an error, not an abort.
    bytes
        .try_reserve_exact((meta.len() as usize).saturating_sub(bytes.len()))
        .map_err(|e| std::io::Error::new(std::io::ErrorKind::OutOfMemory, e))?;
    file.read_to_end(&mut bytes)?;
    Ok((bytes, FileStamp::of(&meta)))
}

/// O_NONBLOCK, which the standard library does not name: opening never waits; reading a regular
/// file is unaffected.
#[cfg(unix)]
fn libc_nonblock() -> i32 {
    #[cfg(any(target_os = "linux", target_os = "android"))]
    return 0o4000;
    #[cfg(not(any(target_os = "linux", target_os = "android")))]
    return 0x0004;
}

/// A worker's result for one file: the document (and its analysis, to store when it is new),
/// or why it was skipped.
pub(super) enum Outcome {
    Doc(Box<Loaded>, Option<(ContentHash, Analysis)>),
    Skipped(LoadWarning),
}

/// What a worker needs.
pub(super) struct Work<'a> {
    pub(super) extractor: &'a Extractor,
    pub(super) cache: Option<&'a Cache>,
    pub(super) extract: bool,
}

impl Work<'_> {
    pub(super) fn process(&self, item: &Item) -> Outcome {
        let (shown, bytes, sidecar, stamp) = match item {
            Item::File(path, shown, sidecar) => match read_stamped(path) {
                Ok((bytes, stamp)) => (shown.clone(), bytes, sidecar.clone(), stamp),
                Err(e) => {
                    return Outcome::Skipped(LoadWarning {
                        path: shown.clone(),
                        message: io_reason(&e),
                    })
                }
            },
            Item::Embedded(name, bytes) => (name.to_string(), bytes.to_vec(), None, None),
        };
        // The cache is keyed by the file's bytes, hashed before decoding takes them.
        let hash = self.extract.then(|| content_hash(&bytes));
        let (text, encoding, warning) = match decode_text(&shown, bytes) {
            Ok(decoded) => decoded,
            Err(w) => return Outcome::Skipped(w),
        };
        // A file whose bytes are known by hash can be read again: its text need not be held.
        let text = match (item, hash, stamp) {
            (Item::File(file, ..), Some(hash), Some(stamp)) => {
                let len = text.len();
                let file = file.clone();
                Text::read_from(
                    text,
                    Origin {
                        file,
                        hash,
                        len,
                        stamp,
                    },
                )
            }
            _ => Text::from(text),
        };
        let (doc, mentions, fresh) = match hash {
            Some(hash) => self.analyse(hash, shown, text, encoding),
            None => (
                Document::new(crate::corpus::DocId(0), shown, text, encoding),
                Vec::new(),
                None,
            ),
        };
        // Extracting and nothing new to store: the analysis came from the cache.
        let cached = self.extract && fresh.is_none();
        Outcome::Doc(
            Box::new(Loaded {
                doc,
                mentions,
                sidecar,
                warning,
                cached,
            }),
            fresh,
        )
    }

    /// The document with its mentions: from the cache when it holds this content, else computed
    /// (and returned for storing).
    fn analyse(
        &self,
        hash: ContentHash,
        mut path: String,
        mut text: Text,
        mut encoding: SourceEncoding,
    ) -> (Document, Vec<Mention>, Option<(ContentHash, Analysis)>) {
        let hit = self
            .cache
            .and_then(|c| c.get(&hash))
            .filter(|a| a.fits(&text));
        if let Some(analysis) = hit {
            let doc = Document::with_analysis(
                crate::corpus::DocId(0),
                path,
                text,
                encoding,
                (
                    analysis.lang,
                    analysis.meta.clone(),
                    analysis.chrome.clone(),
                ),
            );
            if let Some(mentions) = analysis.mentions(&doc, self.extractor) {
                return (doc, mentions, None);
            }
            // A damaged entry: the document is analysed afresh and the entry replaced.
            (path, text, encoding) = (doc.path, doc.text, doc.encoding);
        }
        let doc = Document::new(crate::corpus::DocId(0), path, text, encoding);
        let (analysis, mentions) = Analysis::of(&doc, self.extractor);
        (doc, mentions, Some((hash, analysis)))
    }
}
