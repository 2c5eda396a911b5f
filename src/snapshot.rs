//! The corpus snapshot: what a whole load yielded (each file's stamp, metadata and chrome, and
//! the extractor's index), in one file in the cache folder. When every file of a corpus still
//! has the size and modification time it had, reopening restores the snapshot instead of
//! reading, looking up and indexing 100,000 files one by one; the texts are then read only when
//! a document is shown (see [`crate::corpus::Text`]). Any change, and the load takes the usual
//! way (the extraction cache still spares unchanged files their extraction).

use crate::cache::{ContentHash, EXTRACTOR_VERSION};
use crate::corpus::{
    repair_warning, Corpus, DocId, Document, FileStamp, Lang, LoadWarning, Meta, Origin,
    SourceEncoding, Text,
};
use crate::index::{Index, StoredIndex};
use serde::{Deserialize, Serialize};
use std::ops::Range;
use std::path::{Path, PathBuf};

/// The start of every snapshot file: a name and the format's version.
const MAGIC: &[u8; 8] = b"GZSNAP01";

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

/// Whether a file in the cache folder is a snapshot of another extractor version's.
pub fn is_stale(name: &str) -> bool {
    name.starts_with("snapshot-") && !name.starts_with(&format!("snapshot-{EXTRACTOR_VERSION}-"))
}

impl Snapshot {
    /// The snapshot of a loaded corpus with the extractor's `index`; None when a document's
    /// text cannot be read again from a file (or a mention is not the extractor's).
    pub fn take(corpus: &Corpus, index: &Index) -> Option<Snapshot> {
        let files = corpus
            .docs
            .iter()
            .map(|doc| {
                let origin = doc.text.origin()?;
                Some(StoredFile {
                    shown: doc.path.clone(),
                    file: origin.file.clone(),
                    stamp: origin.stamp,
                    hash: origin.hash,
                    len: origin.len,
                    encoding: doc.encoding,
                    lang: doc.lang,
                    meta: doc.meta.clone(),
                    chrome: doc.chrome.clone(),
                })
            })
            .collect::<Option<Vec<_>>>()?;
        Some(Snapshot {
            version: EXTRACTOR_VERSION.to_string(),
            files,
            index: index.to_stored()?,
        })
    }

    /// Writes the snapshot to `path`, whole or not at all (a new file renamed over the old).
    pub fn write(&self, path: &Path) -> Result<(), String> {
        let named = |e: &dyn std::fmt::Display| format!("{}: {e}", path.display());
        let payload = postcard::to_stdvec(self).map_err(|e| named(&e))?;
        let mut bytes = Vec::with_capacity(payload.len() + 24);
        bytes.extend_from_slice(MAGIC);
        bytes.extend_from_slice(&xxhash_rust::xxh3::xxh3_128(&payload).to_le_bytes());
        bytes.extend_from_slice(&payload);
        let partial = path.with_extension("partial");
        std::fs::write(&partial, bytes).map_err(|e| named(&e))?;
        std::fs::rename(&partial, path).map_err(|e| named(&e))
    }

    /// Reads the snapshot at `path`: an error when it is missing, damaged or another
    /// extractor's.
    pub fn read(path: &Path) -> Result<Snapshot, String> {
        let bytes = std::fs::read(path).map_err(|e| e.to_string())?;
        let (magic, rest) = bytes.split_at_checked(MAGIC.len()).ok_or("too short")?;
        let (sum, payload) = rest.split_at_checked(16).ok_or("too short")?;
        if magic != MAGIC {
            return Err("not a snapshot of this format".into());
        }
        if sum != xxhash_rust::xxh3::xxh3_128(payload).to_le_bytes() {
            return Err("damaged (checksum differs)".into());
        }
        let snapshot: Snapshot = postcard::from_bytes(payload).map_err(|e| e.to_string())?;
        if snapshot.version != EXTRACTOR_VERSION {
            return Err(format!("made by extractor {}", snapshot.version));
        }
        Ok(snapshot)
    }

    /// The corpus, when `files` (what opening it lists now: path, name shown, brat file beside)
    /// are the files it was taken from, each with the same stamp; otherwise why not.
    pub fn restore(
        self,
        files: &[(PathBuf, String, Option<PathBuf>)],
        recognizer: impl Fn(&str) -> &'static str,
    ) -> Result<Restored, String> {
        if files.len() != self.files.len() {
            return Err(format!("{} files then, {} now", self.files.len(), files.len()));
        }
        let renamed = files
            .iter()
            .zip(&self.files)
            .find(|((file, shown, _), stored)| *file != stored.file || *shown != stored.shown);
        if let Some(((_, shown, _), _)) = renamed {
            return Err(format!("{shown} is new"));
        }
        if let Some(changed) = first_changed(&self.files) {
            return Err(format!("{changed} changed"));
        }
        let lens: Vec<usize> = self.files.iter().map(|f| f.len).collect();
        let index = Index::from_stored(self.index, &lens, recognizer)?;
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
                    id: id as DocId,
                    path: f.shown,
                    text: Text::unread(origin),
                    lang: f.lang,
                    meta: f.meta,
                    chrome: f.chrome,
                    encoding: f.encoding,
                }
            })
            .collect();
        let sidecars = (files.iter().enumerate())
            .filter_map(|(id, (_, _, ann))| Some((id as DocId, ann.clone()?)))
            .collect();
        Ok(Restored {
            docs,
            index,
            warnings,
            sidecars,
        })
    }
}

/// The name of a file whose stamp is not the stored one, if any. Files are looked at on every
/// core: a system call each, 100,000 of them.
fn first_changed(files: &[StoredFile]) -> Option<String> {
    let unchanged = |f: &StoredFile| {
        let meta = std::fs::metadata(&f.file).ok();
        meta.as_ref().and_then(FileStamp::of) == Some(f.stamp)
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
            Ok(changed) => changed.map(|f| f.shown.clone()),
            Err(_) => Some("a file".to_string()),
        })
    })
}
