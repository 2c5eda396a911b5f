//! The corpus snapshot: what a whole load yielded (each file's stamp, metadata and chrome, and
//! the extractor's index), in one file in the cache folder. When every file of a corpus still
//! has the size and modification time it had, reopening restores the snapshot instead of
//! reading, looking up and indexing 100,000 files one by one; the texts are then read only when
//! a document is shown (see [`crate::corpus::Text`]). Any change, and the load takes the usual
//! way (the extraction cache still spares unchanged files their extraction).

use crate::corpus::{
    repair_warning, ContentHash, Corpus, DocId, Document, FileStamp, Lang, LoadWarning, Meta,
    Origin, SourceEncoding, Text,
};
use crate::extract::VERSION as EXTRACTOR_VERSION;
use crate::index::{Index, StoredIndex, StoredIndexBuilder};
use serde::{Deserialize, Serialize};
use std::io::{Seek, SeekFrom, Write};
use std::ops::Range;
use std::path::{Path, PathBuf};

/// The start of every snapshot file: a name and the format's version.
const MAGIC: &[u8; 8] = b"GZSNAP02";

/// Why a snapshot is not used (the corpus is then read from its files).
#[derive(Debug, thiserror::Error)]
pub enum SnapshotError {
    #[error("{}: {source}", path.display())]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("cannot be written: {0}")]
    Write(#[from] std::io::Error),
    #[error("not a regular file")]
    NotRegular,
    #[error("too short")]
    TooShort,
    #[error("not a snapshot of this format")]
    Format,
    #[error("damaged (checksum differs)")]
    Damaged,
    #[error("undecodable: {0}")]
    Decode(#[from] postcard::Error),
    #[error("made by extractor {0}")]
    OtherExtractor(String),
    #[error("its index is damaged: {0}")]
    Index(String),
    #[error("the corpus changed since: {0}")]
    Changed(String),
    #[error("the snapshot could not be read")]
    Reader,
}

/// A corpus as stored.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Snapshot {
    /// The extractor that made the index.
    version: String,
    files: Vec<StoredFile>,
    index: StoredIndex,
}

/// One document as stored: where its text is and what is known about it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct StoredFile {
    shown: String,
    file: PathBuf,
    stamp: FileStamp,
    hash: ContentHash,
    len: usize,
    encoding: SourceEncoding,
    lang: Lang,
    meta: Meta,
    chrome: Vec<Range<usize>>,
}

/// A corpus brought back from its snapshot.
#[derive(Debug)]
pub struct Restored {
    /// Documents in order, ids set, texts unread.
    pub docs: Vec<Document>,
    /// The built-in extractor's index.
    pub index: Index,
    /// What the files' encodings are worth saying (repaired bytes), as on a first load.
    pub warnings: Vec<LoadWarning>,
    /// brat `.ann` files beside the documents.
    pub sidecars: Vec<(DocId, PathBuf)>,
}

/// Where the snapshot of a corpus opened from `paths` lives in the cache folder `dir`.
pub fn file_for(dir: &Path, paths: &[PathBuf]) -> PathBuf {
    let mut key = Vec::new();
    for p in paths {
        let absolute = std::path::absolute(p).unwrap_or_else(|_| p.clone());
        key.extend_from_slice(absolute.as_os_str().as_encoded_bytes());
        key.push(0);
    }
    let hash = xxhash_rust::xxh3::xxh3_64(&key);
    dir.join(format!("snapshot-{EXTRACTOR_VERSION}-{hash:016x}.bin"))
}

/// Whether a file in the cache folder is a snapshot of another extractor version's, or one
/// another process left half written.
pub fn is_stale(name: &str) -> bool {
    let ours = name.starts_with(&format!("snapshot-{EXTRACTOR_VERSION}-"));
    name.starts_with("snapshot-") && (!ours || name.contains(".partial-"))
}

/// A snapshot taken document by document while a corpus loads: taking a large one at the end
/// would hold the browser up for most of a second.
#[derive(Debug, Default)]
pub struct Draft {
    files: Vec<StoredFile>,
    index: StoredIndexBuilder,
    /// A document could not be stored: there will be no snapshot.
    abandoned: bool,
}

impl Draft {
    /// Adds the next document, which `index` has just indexed.
    pub fn add(&mut self, doc: &Document, index: &Index) {
        if self.abandoned {
            return;
        }
        let Some(origin) = doc.text.origin() else {
            self.abandoned = true;
            return;
        };
        self.files.push(StoredFile {
            shown: doc.path.clone(),
            file: origin.file.clone(),
            stamp: origin.stamp,
            hash: origin.hash,
            len: origin.len,
            encoding: doc.encoding,
            lang: doc.lang,
            meta: doc.meta.clone(),
            chrome: doc.chrome.clone(),
        });
        self.abandoned = !self.index.add_doc(index);
    }

    /// The snapshot, once every document is added.
    pub fn finish(self, index: &Index) -> Option<Snapshot> {
        if self.abandoned {
            return None;
        }
        Some(Snapshot {
            version: EXTRACTOR_VERSION.to_string(),
            files: self.files,
            index: self.index.finish(index)?,
        })
    }
}

impl Snapshot {
    /// The snapshot of a loaded corpus with the extractor's `index`; None when a document's
    /// text cannot be read again from a file (or a mention is not the extractor's).
    pub fn take(corpus: &Corpus, index: &Index) -> Option<Snapshot> {
        let mut draft = Draft::default();
        for doc in &corpus.docs {
            draft.add(doc, index);
        }
        draft.finish(index)
    }

    /// Writes the snapshot to `path`, whole or not at all (a new file renamed over the old).
    pub fn write(&self, path: &Path) -> Result<(), SnapshotError> {
        let named = |source| SnapshotError::Io {
            path: path.to_path_buf(),
            source,
        };
        // Named for this process: two browsers on one corpus never write into one file.
        let partial = path.with_extension(format!("partial-{}", std::process::id()));
        let file = std::fs::File::create(&partial).map_err(named)?;
        self.write_to(file).map_err(named)?;
        std::fs::rename(&partial, path).map_err(named)
    }

    /// Writes the snapshot as a file holds it (see [`Snapshot::to_bytes`]) without a copy of
    /// it in memory: the checksum is worked out as the bytes go, and written last.
    fn write_to<W: Write + Seek>(&self, out: W) -> std::io::Result<W> {
        let mut hashing = Hashing {
            inner: out,
            hasher: xxhash_rust::xxh3::Xxh3::new(),
        };
        hashing.inner.write_all(MAGIC)?;
        hashing.inner.write_all(&[0; 16])?;
        let mut buffered = std::io::BufWriter::with_capacity(1 << 16, hashing);
        postcard::to_io(self, &mut buffered).map_err(std::io::Error::other)?;
        let Hashing { mut inner, hasher } = buffered.into_inner().map_err(|e| e.into_error())?;
        inner.seek(SeekFrom::Start(MAGIC.len() as u64))?;
        inner.write_all(&hasher.digest128().to_le_bytes())?;
        inner.flush()?;
        Ok(inner)
    }

    /// Reads the snapshot at `path`: an error when it is missing, damaged or another
    /// extractor's.
    pub fn read(path: &Path) -> Result<Snapshot, SnapshotError> {
        let started = std::time::Instant::now();
        let named = |source| SnapshotError::Io {
            path: path.to_path_buf(),
            source,
        };
        // A FIFO or a device in its place is never read (it could block or never end).
        let meta = std::fs::metadata(path).map_err(named)?;
        if !meta.is_file() {
            return Err(SnapshotError::NotRegular);
        }
        let bytes = std::fs::read(path).map_err(named)?;
        let snapshot = Snapshot::from_bytes(&bytes)?;
        crate::debug_log::log(format_args!(
            "snapshot: {} MB read in {:.0} ms",
            bytes.len() / 1_000_000,
            started.elapsed().as_secs_f64() * 1e3
        ));
        Ok(snapshot)
    }

    /// The snapshot as a file holds it: a name, a checksum of the rest, the rest.
    pub fn to_bytes(&self) -> Result<Vec<u8>, SnapshotError> {
        let written = self.write_to(std::io::Cursor::new(Vec::new()))?;
        Ok(written.into_inner())
    }

    /// The snapshot [`Snapshot::to_bytes`] made: an error when the bytes are damaged or another
    /// extractor's.
    pub fn from_bytes(bytes: &[u8]) -> Result<Snapshot, SnapshotError> {
        let (magic, rest) = (bytes.split_at_checked(MAGIC.len())).ok_or(SnapshotError::TooShort)?;
        let (sum, payload) = rest.split_at_checked(16).ok_or(SnapshotError::TooShort)?;
        if magic != MAGIC {
            return Err(SnapshotError::Format);
        }
        if sum != xxhash_rust::xxh3::xxh3_128(payload).to_le_bytes() {
            return Err(SnapshotError::Damaged);
        }
        let snapshot: Snapshot = postcard::from_bytes(payload)?;
        if snapshot.version != EXTRACTOR_VERSION {
            return Err(SnapshotError::OtherExtractor(snapshot.version));
        }
        Ok(snapshot)
    }

    /// The corpus as it was when the snapshot was taken; before it is used, [`Restored::check`]
    /// must find its files unchanged.
    pub fn restore(
        self,
        recognizer: impl Fn(&str) -> &'static str,
    ) -> Result<Restored, SnapshotError> {
        let started = std::time::Instant::now();
        let lens: Vec<usize> = self.files.iter().map(|f| f.len).collect();
        let index =
            Index::from_stored(self.index, &lens, recognizer).map_err(SnapshotError::Index)?;
        let mut warnings = Vec::new();
        let docs = (self.files.into_iter().enumerate())
            .map(|(id, f)| {
                warnings.extend(repair_warning(&f.shown, f.encoding));
                let origin = Origin {
                    file: f.file,
                    hash: f.hash,
                    len: f.len,
                    stamp: f.stamp,
                };
                Document {
                    id: DocId(id as u32),
                    path: f.shown,
                    text: Text::unread(origin),
                    lang: f.lang,
                    meta: f.meta,
                    chrome: f.chrome,
                    encoding: f.encoding,
                }
            })
            .collect();
        crate::debug_log::log(format_args!(
            "snapshot: index and documents restored in {:.0} ms",
            started.elapsed().as_secs_f64() * 1e3
        ));
        Ok(Restored {
            docs,
            index,
            warnings,
            sidecars: Vec::new(),
        })
    }
}

impl Restored {
    /// Whether `files` (what opening the corpus lists now: path, name shown, brat file beside)
    /// are the files the snapshot was taken from, each with the same stamp; if not, why not.
    /// Takes note of the brat files.
    pub fn check(&mut self, files: &[(&Path, &str, Option<&Path>)]) -> Result<(), SnapshotError> {
        let started = std::time::Instant::now();
        if files.len() != self.docs.len() {
            let (then, now) = (self.docs.len(), files.len());
            return Err(SnapshotError::Changed(format!(
                "{then} files then, {now} now"
            )));
        }
        let mut origins = Vec::with_capacity(self.docs.len());
        for ((file, shown, _), doc) in files.iter().zip(&self.docs) {
            // Paths compared as bytes: comparing them as paths parses every component.
            match doc.text.origin() {
                Some(o) if o.file.as_os_str() == file.as_os_str() && **shown == doc.path => {
                    origins.push((o, shown))
                }
                _ => return Err(SnapshotError::Changed(format!("{shown} is new"))),
            }
        }
        if let Some(changed) = first_changed(&origins) {
            return Err(SnapshotError::Changed(format!("{changed} changed")));
        }
        self.sidecars = (files.iter().enumerate())
            .filter_map(|(id, (_, _, ann))| Some((DocId(id as u32), (*ann)?.to_path_buf())))
            .collect();
        crate::debug_log::log(format_args!(
            "snapshot: {} files unchanged in {:.0} ms",
            files.len(),
            started.elapsed().as_secs_f64() * 1e3
        ));
        Ok(())
    }
}

/// Writes through, hashing what passes.
struct Hashing<W> {
    inner: W,
    hasher: xxhash_rust::xxh3::Xxh3,
}

impl<W: Write> Write for Hashing<W> {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        let n = self.inner.write(bytes)?;
        self.hasher.update(&bytes[..n]);
        Ok(n)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.inner.flush()
    }
}

/// The name of a file whose stamp is not the stored one, if any. Files are looked at on every
/// core: a system call each, 100,000 of them.
fn first_changed(files: &[(&Origin, &&str)]) -> Option<String> {
    let unchanged = |(origin, _): &(&Origin, &&str)| {
        let meta = std::fs::metadata(&origin.file).ok();
        meta.as_ref().and_then(FileStamp::of) == Some(origin.stamp)
    };
    let threads = std::thread::available_parallelism().map_or(2, |n| n.get().min(8));
    let chunk = files.len().div_ceil(threads).max(1);
    std::thread::scope(|scope| {
        let handles: Vec<_> = files
            .chunks(chunk)
            .map(|part| scope.spawn(move || part.iter().find(|f| !unchanged(f))))
            .collect();
        // A thread that failed counts as a change: nothing is restored unchecked.
        handles.into_iter().find_map(|h| match h.join() {
            Ok(changed) => changed.map(|(_, shown)| shown.to_string()),
            Err(_) => Some("a file".to_string()),
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snapshots_of_other_versions_and_half_written_ones_are_stale() {
        let ours = file_for(Path::new("/cache"), &[PathBuf::from("/corpus")]);
        let name = ours.file_name().unwrap().to_string_lossy().into_owned();
        assert!(!is_stale(&name));
        assert!(is_stale(
            &format!("{name}.partial-1234").replace(".bin", "")
        ));
        assert!(is_stale("snapshot-0.0.1-0000000000000000-1234abcd.bin"));
        assert!(
            !is_stale("extraction-0.0.1-0000000000000000.db"),
            "not a snapshot"
        );
        let other = file_for(Path::new("/cache"), &[PathBuf::from("/elsewhere")]);
        assert_ne!(ours, other, "one snapshot per corpus");
    }
}
