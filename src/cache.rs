//! The on-disk extraction cache: what a file's bytes yield (language, metadata, chrome and the
//! built-in extractor's mentions), keyed by a hash of those bytes, in a SQLite database named after
//! the extractor's version. Reopening an unchanged corpus skips extraction; a changed file has a
//! new hash and is redone alone. A cache that cannot be opened or read is only slower, never wrong.

use crate::corpus::{ContentHash, Document, Lang, Meta};
use crate::extract::Extractor;
use crate::extract::VERSION as EXTRACTOR_VERSION;
use crate::model::{Label, Mention, Source};
use rusqlite::{params, Connection, OpenFlags, OptionalExtension};
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// What extraction yields for one document, as stored.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Analysis {
    pub lang: Lang,
    pub meta: Meta,
    pub chrome: Vec<std::ops::Range<usize>>,
    /// Every string the mentions name (labels, keys, canonical names, recognizers), once each:
    /// most entities are mentioned several times in a document.
    pub strings: Vec<String>,
    pub mentions: Vec<StoredMention>,
}

/// A mention without its document, as stored: a span and indices into [`Analysis::strings`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StoredMention {
    pub start: usize,
    pub end: usize,
    pub label: u32,
    pub key: u32,
    pub canonical: u32,
    pub recognizer: u32,
}

impl Analysis {
    /// Runs metadata, chrome and the extractor over `doc`.
    pub fn of(doc: &Document, extractor: &Extractor) -> (Analysis, Vec<Mention>) {
        let mentions = extractor.extract(doc);
        let mut strings: Vec<String> = Vec::new();
        // Borrowed keys and a fast hash: four lookups a mention, half a million mentions in a
        // dense document.
        let mut numbers: rustc_hash::FxHashMap<&str, u32> = Default::default();
        fn numbered<'m>(
            numbers: &mut rustc_hash::FxHashMap<&'m str, u32>,
            strings: &mut Vec<String>,
            s: &'m str,
        ) -> u32 {
            *numbers.entry(s).or_insert_with(|| {
                strings.push(s.to_string());
                (strings.len() - 1) as u32
            })
        }
        let mut number = |s| numbered(&mut numbers, &mut strings, s);
        let stored = mentions
            .iter()
            .map(|m| StoredMention {
                start: m.span.start,
                end: m.span.end,
                label: number(m.label.as_str()),
                key: number(&m.key),
                canonical: number(&m.canonical),
                recognizer: number(match m.source {
                    Source::Builtin(name) => name,
                    _ => "",
                }),
            })
            .collect();
        let analysis = Analysis {
            lang: doc.lang,
            meta: doc.meta.clone(),
            chrome: doc.chrome.clone(),
            strings,
            mentions: stored,
        };
        (analysis, mentions)
    }

    /// The mentions of document `doc`, or None when a stored span does not fit its text or a
    /// string is missing (a damaged entry: the document is then extracted again).
    pub fn mentions(&self, doc: &Document, extractor: &Extractor) -> Option<Vec<Mention>> {
        let text: &str = &doc.text;
        let fits = |s: usize, e: usize| {
            s < e && e <= text.len() && text.is_char_boundary(s) && text.is_char_boundary(e)
        };
        // Each string once per document; the mentions share it.
        let shared: Vec<Arc<str>> = self.strings.iter().map(|s| Arc::from(s.as_str())).collect();
        let string = |i: u32| shared.get(i as usize);
        // A document uses two or three labels: each is read once.
        let mut labels: Vec<(u32, Label)> = Vec::new();
        let mut mentions = Vec::with_capacity(self.mentions.len());
        for m in &self.mentions {
            if !fits(m.start, m.end) {
                return None;
            }
            let label = match labels.iter().find(|(i, _)| *i == m.label) {
                Some((_, label)) => label.clone(),
                None => {
                    let label = Label::from_name(self.strings.get(m.label as usize)?);
                    labels.push((m.label, label.clone()));
                    label
                }
            };
            mentions.push(Mention {
                doc: doc.id,
                span: m.start..m.end,
                label,
                key: string(m.key)?.clone(),
                canonical: string(m.canonical)?.clone(),
                source: Source::Builtin(extractor.recognizer_name(string(m.recognizer)?)),
            });
        }
        Some(mentions)
    }

    /// Whether the stored metadata and chrome fit `text`.
    pub fn fits(&self, text: &str) -> bool {
        let ok = |r: &std::ops::Range<usize>| {
            r.start <= r.end
                && r.end <= text.len()
                && text.is_char_boundary(r.start)
                && text.is_char_boundary(r.end)
        };
        self.chrome.iter().all(ok) && self.meta.title_range.as_ref().is_none_or(ok)
    }
}

/// Where the cache lives: `$GAZETTE_CACHE_DIR`, else `$XDG_CACHE_HOME/gazette`, else
/// `~/.cache/gazette`.
pub fn default_dir() -> Option<PathBuf> {
    let var = |name| {
        std::env::var_os(name)
            .filter(|v| !v.is_empty())
            .map(PathBuf::from)
    };
    var("GAZETTE_CACHE_DIR")
        .or_else(|| var("XDG_CACHE_HOME").map(|d| d.join("gazette")))
        .or_else(|| var("HOME").map(|h| h.join(".cache").join("gazette")))
}

/// The database file for this extractor version in `dir`.
pub fn file_in(dir: &Path) -> PathBuf {
    dir.join(format!("extraction-{EXTRACTOR_VERSION}.db"))
}

/// Why the cache cannot be used (the load goes on without it, only slower).
#[derive(Debug, thiserror::Error)]
pub enum CacheError {
    #[error("{}: {source}", path.display())]
    Folder {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{}: not a regular file", path.display())]
    NotRegular { path: PathBuf },
    #[error("{}: {source}", path.display())]
    Open {
        path: PathBuf,
        source: rusqlite::Error,
    },
    #[error("cannot store entries: {0}")]
    Write(#[from] rusqlite::Error),
    #[error("cannot encode an entry: {0}")]
    Encode(#[from] postcard::Error),
}

/// A connection to the cache, for one thread.
pub struct Cache {
    conn: Connection,
}

impl Cache {
    /// Opens (creating if needed) the cache in `dir`, removing caches of other extractor versions.
    pub fn create(dir: &Path) -> Result<Cache, CacheError> {
        std::fs::create_dir_all(dir).map_err(|source| CacheError::Folder {
            path: dir.to_path_buf(),
            source,
        })?;
        let path = file_in(dir);
        refuse_unless_regular(&path)?;
        remove_other_versions(dir, &path);
        let opened = |source| CacheError::Open {
            path: path.clone(),
            source,
        };
        let conn = Connection::open(&path).map_err(opened)?;
        // A rowid table with the hash indexed apart: the index holds only the small keys, and
        // an entry of many megabytes (one huge article) sits in its own pages instead of in
        // the B-tree every lookup and insert walks (that made 10,000 small inserts take minutes).
        let setup = "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;
             CREATE TABLE IF NOT EXISTS analysis (hash BLOB PRIMARY KEY, data BLOB NOT NULL);";
        conn.execute_batch(setup).map_err(opened)?;
        Ok(Cache { conn })
    }

    /// Opens the existing cache in `dir` for reading.
    pub fn open_read(dir: &Path) -> Result<Cache, CacheError> {
        let path = file_in(dir);
        refuse_unless_regular(&path)?;
        let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn =
            Connection::open_with_flags(&path, flags).map_err(|source| CacheError::Open {
                path: path.clone(),
                source,
            })?;
        // Reading through a memory map saves a system call per page, and one read transaction
        // for the whole load saves taking a lock per lookup.
        let _ = conn.execute_batch("PRAGMA mmap_size=4294967296; BEGIN;");
        Ok(Cache { conn })
    }

    /// The stored analysis of content `hash`, if any and readable.
    pub fn get(&self, hash: &ContentHash) -> Option<Analysis> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT data FROM analysis WHERE hash = ?1")
            .ok()?;
        let data: Option<Vec<u8>> = stmt
            .query_row(params![&hash[..]], |row| row.get(0))
            .optional()
            .ok()?;
        postcard::from_bytes(&data?).ok()
    }

    /// Stores analyses in one transaction.
    pub fn put_all(&mut self, entries: &[(ContentHash, Analysis)]) -> Result<(), CacheError> {
        let tx = self.conn.transaction()?;
        {
            let mut stmt =
                tx.prepare_cached("INSERT OR REPLACE INTO analysis (hash, data) VALUES (?1, ?2)")?;
            for (hash, analysis) in entries {
                let data = postcard::to_stdvec(analysis)?;
                stmt.execute(params![&hash[..], data])?;
            }
        }
        Ok(tx.commit()?)
    }
}

/// A cache path taken by something other than a regular file (a FIFO, a device, a folder) is
/// never opened: SQLite could block on it or misread it.
fn refuse_unless_regular(path: &Path) -> Result<(), CacheError> {
    match std::fs::metadata(path) {
        Ok(meta) if !meta.is_file() => Err(CacheError::NotRegular {
            path: path.to_path_buf(),
        }),
        _ => Ok(()),
    }
}

/// Caches and snapshots written by other versions of the extractor can never be used again.
fn remove_other_versions(dir: &Path, keep: &Path) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.filter_map(Result::ok) {
        let path = entry.path();
        let name = entry.file_name().to_string_lossy().into_owned();
        // The database and its -wal and -shm companions.
        let ours = name.starts_with("extraction-") && name.contains(".db");
        let stale =
            ours && !name.starts_with(&*keep.file_name().unwrap_or_default().to_string_lossy());
        if stale || crate::snapshot::is_stale(&name) {
            let _ = std::fs::remove_file(&path);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::content_hash;
    use crate::corpus::Corpus;

    #[test]
    fn an_analysis_comes_back_as_it_was_stored() {
        let dir = tempfile::tempdir().unwrap();
        let corpus = Corpus::bundled();
        let extractor = Extractor::default();
        let doc = &corpus.docs[2];
        let (analysis, mentions) = Analysis::of(doc, &extractor);
        let hash = content_hash(doc.text.as_bytes());
        let mut cache = Cache::create(dir.path()).unwrap();
        assert_eq!(cache.get(&hash), None);
        cache.put_all(&[(hash, analysis.clone())]).unwrap();
        let read = Cache::open_read(dir.path()).unwrap();
        let back = read.get(&hash).unwrap();
        assert_eq!(back, analysis);
        assert_eq!(back.mentions(doc, &extractor), Some(mentions));
    }

    /// One entry of many megabytes beside thousands of small ones: every one comes back (and,
    /// with the payloads out of the key's B-tree, the small inserts stay fast — see README).
    #[test]
    fn a_huge_entry_beside_many_small_ones_all_come_back() {
        let dir = tempfile::tempdir().unwrap();
        let corpus = Corpus::bundled();
        let (small, _) = Analysis::of(&corpus.docs[0], &Extractor::default());
        let mut huge = small.clone();
        huge.strings = vec!["x".repeat(1 << 20); 16];
        let mut cache = Cache::create(dir.path()).unwrap();
        cache.put_all(&[([0xAA; 16], huge.clone())]).unwrap();
        let entries: Vec<(ContentHash, Analysis)> = (0..2000u32)
            .map(|i| {
                let mut hash = [0u8; 16];
                hash[..4].copy_from_slice(&i.to_le_bytes());
                (hash, small.clone())
            })
            .collect();
        cache.put_all(&entries).unwrap();
        let read = Cache::open_read(dir.path()).unwrap();
        assert_eq!(read.get(&[0xAA; 16]).as_ref(), Some(&huge));
        assert!(entries.iter().all(|(h, a)| read.get(h).as_ref() == Some(a)));
    }

    #[test]
    fn a_stored_span_that_does_not_fit_the_text_is_not_used() {
        let corpus = Corpus::bundled();
        let extractor = Extractor::default();
        let doc = &corpus.docs[2];
        let (mut analysis, _) = Analysis::of(doc, &extractor);
        let mut wrong_span = analysis.clone();
        wrong_span.mentions[0].end = doc.text.len() + 5;
        assert_eq!(wrong_span.mentions(doc, &extractor), None);
        analysis.mentions[0].key = analysis.strings.len() as u32;
        assert_eq!(analysis.mentions(doc, &extractor), None, "no such string");
    }

    #[test]
    fn caches_of_other_extractor_versions_are_removed() {
        let dir = tempfile::tempdir().unwrap();
        let old = dir.path().join("extraction-0.0.1-0000000000000000.db");
        std::fs::write(&old, b"old").unwrap();
        std::fs::write(dir.path().join("notes.txt"), b"mine").unwrap();
        Cache::create(dir.path()).unwrap();
        assert!(!old.exists());
        assert!(dir.path().join("notes.txt").exists());
        assert!(file_in(dir.path()).exists());
    }
}
