//! A document's text: held in memory, or read again from its file the first time it is needed.
//! A large corpus's texts need not all be held (the index, the list and the filter never read
//! them), and a corpus restored from its snapshot is usable before a single text is read.

use std::ops::Deref;

/// The key of a file's content.
pub type ContentHash = [u8; 16];

/// Hashes a file's bytes.
pub fn content_hash(bytes: &[u8]) -> ContentHash {
    xxhash_rust::xxh3::xxh3_128(bytes).to_le_bytes()
}
use std::path::PathBuf;
use std::sync::OnceLock;

/// When a file was read: its size and modification time (nanoseconds since the epoch), and what
/// a user cannot set back — its status-change time, inode and device (zero where the system has
/// none). A file with the same stamp is taken to be unchanged; one rewritten and `touch`ed back
/// to its old size and time has a new change time. Its content hash is still checked whenever
/// its text is read again.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct FileStamp {
    pub size: u64,
    pub modified_ns: i128,
    pub changed_ns: i128,
    pub inode: u64,
    pub device: u64,
}

impl FileStamp {
    /// The stamp of file metadata (None where the system keeps no modification time).
    pub fn of(meta: &std::fs::Metadata) -> Option<FileStamp> {
        let modified = meta.modified().ok()?;
        let since = modified.duration_since(std::time::UNIX_EPOCH);
        let modified_ns = match since {
            Ok(d) => d.as_nanos() as i128,
            Err(e) => -(e.duration().as_nanos() as i128),
        };
        #[cfg(unix)]
        let (changed_ns, inode, device) = {
            use std::os::unix::fs::MetadataExt;
            let changed = i128::from(meta.ctime()) * 1_000_000_000 + i128::from(meta.ctime_nsec());
            (changed, meta.ino(), meta.dev())
        };
        #[cfg(not(unix))]
        let (changed_ns, inode, device) = (0, 0, 0);
        Some(FileStamp {
            size: meta.len(),
            modified_ns,
            changed_ns,
            inode,
            device,
        })
    }
}

/// Where a text can be read again, and how to know it is the same text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Origin {
    pub file: PathBuf,
    /// The hash of the file's bytes when it was first read.
    pub hash: ContentHash,
    /// The decoded text's length in bytes.
    pub len: usize,
    pub stamp: FileStamp,
}

/// A document's text. Dereferences to `str`, reading the file if the text is not held.
#[derive(Clone)]
pub struct Text {
    held: OnceLock<String>,
    origin: Option<Box<Origin>>,
    /// Why the file could not be read again, once a read failed (the text is then a notice).
    failed: OnceLock<String>,
}

impl Text {
    /// A text read from its file when first needed.
    pub fn unread(origin: Origin) -> Text {
        Text {
            held: OnceLock::new(),
            origin: Some(Box::new(origin)),
            failed: OnceLock::new(),
        }
    }

    /// A text already read from `origin`: it can be let go and read again.
    pub fn read_from(text: String, origin: Origin) -> Text {
        Text {
            held: OnceLock::from(text),
            origin: Some(Box::new(origin)),
            failed: OnceLock::new(),
        }
    }

    /// Where the text can be read again, if anywhere.
    pub fn origin(&self) -> Option<&Origin> {
        self.origin.as_deref()
    }

    /// The text's length in bytes, known without reading the file.
    pub fn byte_len(&self) -> usize {
        match (self.held.get(), &self.origin) {
            (None, Some(origin)) => origin.len,
            _ => self.len(),
        }
    }

    /// Whether the text is in memory.
    pub fn is_held(&self) -> bool {
        self.held.get().is_some()
    }

    /// The text if it is in memory and is the document's; never reads the file.
    pub fn held(&self) -> Option<&str> {
        match self.failed.get() {
            Some(_) => None,
            None => self.held.get().map(String::as_str),
        }
    }

    /// Reads the text from its file if it is not in memory; why not, when the file is gone or
    /// changed (the text is then a notice).
    pub fn load(&self) -> Result<(), String> {
        match self.unavailable() {
            Some(why) => Err(why.to_string()),
            None => Ok(()),
        }
    }

    /// The text, from memory if held, else read from its file without keeping it (for a pass
    /// over many documents that must not hold them all); why not when the file is gone or
    /// changed.
    pub fn read_unheld(&self) -> Result<std::borrow::Cow<'_, str>, String> {
        if let Some(why) = self.failed.get() {
            return Err(why.clone());
        }
        match (self.held.get(), &self.origin) {
            (Some(text), _) => Ok(std::borrow::Cow::Borrowed(text)),
            (None, Some(origin)) => read_again(origin).map(std::borrow::Cow::Owned),
            (None, None) => Ok(std::borrow::Cow::Borrowed("")),
        }
    }

    /// Lets go of the text when it can be read again from its file.
    pub fn release(&mut self) {
        if self.origin.is_some() {
            self.held.take();
            self.failed.take();
        }
    }

    fn text(&self) -> &str {
        self.held.get_or_init(|| match &self.origin {
            Some(origin) => read_again(origin).unwrap_or_else(|why| {
                let text = notice(origin.len, &why);
                let _ = self.failed.set(why);
                text
            }),
            None => String::new(),
        })
    }

    /// Why the text is not the document's (its file is gone or changed since it was opened),
    /// reading it if it is not held: the text is then a notice, and no mention may be shown,
    /// decided or written over it. None for a text that is the document's.
    pub fn unavailable(&self) -> Option<&str> {
        self.text();
        self.failed.get().map(String::as_str)
    }
}

impl From<String> for Text {
    fn from(text: String) -> Text {
        Text {
            held: OnceLock::from(text),
            origin: None,
            failed: OnceLock::new(),
        }
    }
}

impl Deref for Text {
    type Target = str;
    fn deref(&self) -> &str {
        self.text()
    }
}

impl AsRef<str> for Text {
    fn as_ref(&self) -> &str {
        self
    }
}

impl AsRef<[u8]> for Text {
    fn as_ref(&self) -> &[u8] {
        self.as_bytes()
    }
}

impl std::fmt::Display for Text {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self)
    }
}

/// Texts are equal when their contents are.
impl PartialEq for Text {
    fn eq(&self, other: &Text) -> bool {
        **self == **other
    }
}

impl std::fmt::Debug for Text {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match (self.held.get(), &self.origin) {
            (Some(text), _) => text.fmt(f),
            (None, Some(origin)) => write!(f, "<unread: {}>", origin.file.display()),
            (None, None) => write!(f, "<empty>"),
        }
    }
}

/// The text of `origin`'s file, or why not, when the file is gone or no longer holds the same
/// bytes (the text is then a notice of the same length: every stored offset stays valid, and
/// nothing pretends to be the article).
fn read_again(origin: &Origin) -> Result<String, String> {
    let outcome = std::fs::read(&origin.file)
        .map_err(|e| super::load::io_reason(&e).replace("skipped: ", ""))
        .and_then(|bytes| {
            if content_hash(&bytes) != origin.hash {
                return Err("changed since it was opened".to_string());
            }
            super::decode::decode_owned(bytes)
                .map(|(text, _)| text)
                .map_err(|e| e.to_string())
        })
        .and_then(|text| match text.len() == origin.len {
            true => Ok(text),
            false => Err("changed since it was opened".to_string()),
        });
    outcome.inspect_err(|why| {
        crate::debug_log::log(format_args!("{}: {why}", origin.file.display()));
    })
}

/// `len` bytes of ASCII saying why the text cannot be shown.
fn notice(len: usize, why: &str) -> String {
    let mut text: String =
        format!("[Cannot show this file ({why}): reopen the corpus to read it again.] ")
            .chars()
            .map(|c| {
                if c.is_ascii() && !c.is_ascii_control() {
                    c
                } else {
                    '?'
                }
            })
            .take(len)
            .collect();
    text.extend(std::iter::repeat_n(' ', len - text.len()));
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    fn origin_of(path: &std::path::Path, text: &str) -> Origin {
        let meta = std::fs::metadata(path).unwrap();
        Origin {
            file: path.to_path_buf(),
            hash: content_hash(text.as_bytes()),
            len: text.len(),
            stamp: FileStamp::of(&meta).unwrap(),
        }
    }

    #[test]
    fn an_unread_text_is_read_from_its_file_when_needed_and_again_after_release() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.txt");
        std::fs::write(&path, "天津滨海新区").unwrap();
        let mut text = Text::unread(origin_of(&path, "天津滨海新区"));
        assert!(!text.is_held());
        assert_eq!(&*text, "天津滨海新区");
        assert!(text.is_held());
        text.release();
        assert!(!text.is_held());
        assert_eq!(text.len(), "天津滨海新区".len());
    }

    #[test]
    fn a_file_changed_or_gone_reads_as_a_notice_of_the_same_length() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.txt");
        let original = "Li Qiang visited the Binhai New Area on Monday to inspect the port.";
        std::fs::write(&path, original).unwrap();
        let origin = origin_of(&path, original);
        std::fs::write(&path, original.replace("Monday", "Friday")).unwrap();
        let changed = Text::unread(origin.clone());
        assert_eq!(changed.unavailable(), Some("changed since it was opened"));
        assert_eq!(changed.len(), original.len());
        assert!(changed.starts_with("[Cannot show this file (changed since it was opened)"));
        std::fs::remove_file(&path).unwrap();
        let gone = Text::unread(origin);
        assert!(gone
            .unavailable()
            .is_some_and(|why| why.contains("no such file")));
        assert_eq!(gone.len(), original.len());
        assert!(gone.contains("no such file"), "{gone:?}");
        // Shorter than the notice: cut, still ASCII, still the same length.
        assert_eq!(notice(7, "changed"), "[Cannot");
    }

    #[test]
    fn a_text_without_a_file_is_never_let_go() {
        let mut text = Text::from("bundled".to_string());
        text.release();
        assert_eq!(&*text, "bundled");
    }
}
