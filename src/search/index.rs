//! The full-text index (tantivy), kept in the cache folder beside the corpus's snapshot: every
//! document's words with their positions, so a word or a phrase is answered without reading a
//! text. Brought up to date on opening: only documents whose file changed are indexed again.

use super::tokens::{words, Tokenizer};
use crate::corpus::{Corpus, DocId};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use tantivy::collector::DocSetCollector;
use tantivy::query::{PhraseQuery, Query, TermQuery};
use tantivy::schema::{
    Field, IndexRecordOption, Schema, TextFieldIndexing, TextOptions, FAST, INDEXED, STORED,
};
use tantivy::{doc, Index, IndexReader, Term};

/// The tokenizer's name in the index.
const TOKENIZER: &str = "gazette";

/// Bumped when the words or the schema change: an index of another version is built afresh.
const VERSION: u32 = 1;

/// Why the index cannot be used (what tantivy or the file system said).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("full-text index {path}: {why}")]
pub struct IndexError {
    pub path: String,
    pub why: String,
}

/// An open full-text index of one corpus.
pub struct TextIndex {
    reader: IndexReader,
    path: PathBuf,
    text: Field,
    /// Each document's key (a hash of its path), for mapping hits back to documents.
    docs_by_key: HashMap<u64, DocId>,
}

/// A document's key in the index: a hash of its path.
fn key_of(path: &str) -> u64 {
    xxhash_rust::xxh3::xxh3_64(path.as_bytes())
}

/// A document as the index takes it: what it needs to index it, away from the corpus (the
/// index is built on a thread of its own while the browser goes on).
#[derive(Clone)]
pub struct IndexInput {
    pub id: DocId,
    pub path: String,
    /// What identifies its content: the hash of its file's bytes, or of its text.
    pub content: u64,
    /// Its text, read from its file when indexed (not kept).
    pub text: crate::corpus::text::Text,
}

/// Every document of `corpus` as the index takes it.
pub fn inputs(corpus: &Corpus) -> Vec<IndexInput> {
    (corpus.docs.iter())
        .map(|doc| IndexInput {
            id: doc.id,
            path: doc.path.clone(),
            content: match doc.text.origin() {
                Some(origin) => xxhash_rust::xxh3::xxh3_64(&origin.hash),
                None => xxhash_rust::xxh3::xxh3_64(doc.text.as_bytes()),
            },
            text: doc.text.clone(),
        })
        .collect()
}

/// Where the index of a corpus opened from `paths` lives in the cache folder `dir`.
pub fn dir_for(dir: &Path, paths: &[PathBuf]) -> PathBuf {
    let snapshot = crate::snapshot::file_for(dir, paths);
    let stem = (snapshot.file_stem())
        .map(|s| s.to_string_lossy().replace("snapshot-", "search-"))
        .unwrap_or_else(|| "search".to_string());
    dir.join(format!("{stem}-v{VERSION}"))
}

/// Removes the indexes of the same corpus that an earlier gazette made (another version of the
/// extractor or of the index) beside `ours`: each is as large as a third of the corpus.
pub fn remove_stale(ours: &Path) {
    let (Some(dir), Some(name)) = (ours.parent(), ours.file_name().and_then(|n| n.to_str())) else {
        return;
    };
    // search-VERSION-HASH-vN: the corpus is the part before the index's version.
    let corpus_of = |n: &str| n.rsplit('-').nth(1).map(str::to_string);
    let Some(corpus) = corpus_of(name) else {
        return;
    };
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let other = entry.file_name().to_string_lossy().into_owned();
        if other != name
            && other.starts_with("search-")
            && corpus_of(&other) == Some(corpus.clone())
        {
            let _ = std::fs::remove_dir_all(entry.path());
        }
    }
}

impl TextIndex {
    /// Opens the index at `path` (creating it if needed) and brings it up to date with
    /// `corpus`: documents that are new or whose file changed are indexed, those gone are
    /// removed. `progress` is told how many documents of how many are done.
    pub fn open(
        path: &Path,
        docs: &[IndexInput],
        progress: &dyn Fn(usize, usize),
    ) -> Result<TextIndex, IndexError> {
        let fail = |e: &dyn std::fmt::Display| IndexError {
            path: path.display().to_string(),
            why: e.to_string(),
        };
        std::fs::create_dir_all(path).map_err(|e| fail(&e))?;
        remove_stale(path);
        let mut schema = Schema::builder();
        let key = schema.add_u64_field("key", INDEXED | FAST);
        let content = schema.add_u64_field("content", FAST | STORED);
        let indexing = TextFieldIndexing::default()
            .set_tokenizer(TOKENIZER)
            .set_index_option(IndexRecordOption::WithFreqsAndPositions);
        let text = schema.add_text_field(
            "text",
            TextOptions::default().set_indexing_options(indexing),
        );
        let schema = schema.build();
        let dir = tantivy::directory::MmapDirectory::open(path).map_err(|e| fail(&e))?;
        let index = Index::open_or_create(dir, schema).map_err(|e| fail(&e))?;
        index.tokenizers().register(TOKENIZER, Tokenizer);
        let reader = index.reader().map_err(|e| fail(&e))?;
        // What the index holds: each document's key and content.
        let mut held: HashMap<u64, u64> = HashMap::new();
        let searcher = reader.searcher();
        for segment in searcher.segment_readers() {
            let fast = segment.fast_fields();
            let (Ok(keys), Ok(contents)) = (fast.u64("key"), fast.u64("content")) else {
                continue;
            };
            for d in 0..segment.max_doc() {
                if segment.is_deleted(d) {
                    continue;
                }
                if let (Some(k), Some(c)) = (keys.first(d), contents.first(d)) {
                    held.insert(k, c);
                }
            }
        }
        let mut docs_by_key = HashMap::with_capacity(docs.len());
        let mut stale: Vec<&IndexInput> = Vec::new();
        for doc in docs {
            let k = key_of(&doc.path);
            docs_by_key.insert(k, doc.id);
            if held.remove(&k) != Some(doc.content) {
                stale.push(doc);
            }
        }
        // Left in `held`: documents no longer in the corpus.
        if !stale.is_empty() || !held.is_empty() {
            let mut writer: tantivy::IndexWriter =
                index.writer(64_000_000).map_err(|e| fail(&e))?;
            for gone in held.keys() {
                writer.delete_term(Term::from_field_u64(key, *gone));
            }
            let total = stale.len();
            for (n, doc) in stale.iter().enumerate() {
                let k = key_of(&doc.path);
                writer.delete_term(Term::from_field_u64(key, k));
                // A file that cannot be read again is left out (it has no text to find).
                let Ok(body) = doc.text.read_unheld() else {
                    continue;
                };
                writer
                    .add_document(doc!(key => k, content => doc.content, text => &*body))
                    .map_err(|e| fail(&e))?;
                if n % 1000 == 999 {
                    progress(n + 1, total);
                }
            }
            writer.commit().map_err(|e| fail(&e))?;
            writer.wait_merging_threads().map_err(|e| fail(&e))?;
            reader.reload().map_err(|e| fail(&e))?;
            progress(total, total);
        }
        Ok(TextIndex {
            reader,
            path: path.to_path_buf(),
            text,
            docs_by_key,
        })
    }

    /// The documents where the words of `query` occur one after another, ascending; None when
    /// the query has no word the index can look up (a single Chinese character is read only as
    /// part of a pair).
    pub fn search(&self, query: &str) -> Option<Result<Vec<DocId>, IndexError>> {
        let terms: Vec<Term> = (words(query).into_iter())
            .map(|w| Term::from_field_text(self.text, &w.text))
            .collect();
        let single_han = query.trim().chars().count() == 1
            && query.trim().chars().all(crate::corpus::meta::is_han);
        if terms.is_empty() || single_han {
            return None;
        }
        let q: Box<dyn Query> = match terms.len() {
            1 => Box::new(TermQuery::new(terms[0].clone(), IndexRecordOption::Basic)),
            _ => Box::new(PhraseQuery::new(terms)),
        };
        let fail = |e: &dyn std::fmt::Display| IndexError {
            path: self.path.display().to_string(),
            why: e.to_string(),
        };
        let searcher = self.reader.searcher();
        let found = match searcher.search(&*q, &DocSetCollector) {
            Ok(found) => found,
            Err(e) => return Some(Err(fail(&e))),
        };
        let mut docs: Vec<DocId> = Vec::with_capacity(found.len());
        let mut columns = HashMap::new();
        for address in found {
            let column = columns.entry(address.segment_ord).or_insert_with(|| {
                (searcher.segment_reader(address.segment_ord).fast_fields())
                    .u64("key")
                    .ok()
            });
            let k = column.as_ref().and_then(|c| c.first(address.doc_id));
            if let Some(&d) = k.and_then(|k| self.docs_by_key.get(&k)) {
                docs.push(d);
            }
        }
        docs.sort_unstable();
        docs.dedup();
        Some(Ok(docs))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_earlier_versions_index_of_the_same_corpus_is_removed() {
        let dir = tempfile::tempdir().unwrap();
        let ours = dir.path().join("search-0.2.0-aaaa-0123456789abcdef-v2");
        let old = dir.path().join("search-0.1.0-bbbb-0123456789abcdef-v1");
        let other_corpus = dir.path().join("search-0.1.0-bbbb-fedcba9876543210-v1");
        for d in [&ours, &old, &other_corpus] {
            std::fs::create_dir_all(d).unwrap();
        }
        remove_stale(&ours);
        assert!(ours.exists() && other_corpus.exists());
        assert!(!old.exists());
    }

    #[test]
    fn words_and_phrases_in_both_languages_and_only_changed_files_indexed_again() {
        let dir = tempfile::tempdir().unwrap();
        let corpus_dir = dir.path().join("corpus");
        std::fs::create_dir(&corpus_dir).unwrap();
        std::fs::write(
            corpus_dir.join("a.txt"),
            "Title A\n\nThe District Party Committee met in the 天开高教科创园.",
        )
        .unwrap();
        std::fs::write(
            corpus_dir.join("b.txt"),
            "Title B\n\nA party was held; the committee did not come.",
        )
        .unwrap();
        let corpus = crate::session::open_corpus(std::slice::from_ref(&corpus_dir));
        let at = dir.path().join("index");
        let index = TextIndex::open(&at, &inputs(&corpus), &|_, _| {}).unwrap();
        let find = |index: &TextIndex, q: &str| {
            let docs = index.search(q).unwrap().unwrap();
            docs.iter()
                .map(|d| corpus.docs[d.index()].path.clone())
                .collect::<Vec<_>>()
        };
        assert_eq!(
            find(&index, "party committee"),
            ["a.txt"],
            "a phrase, not two words"
        );
        assert_eq!(find(&index, "committee"), ["a.txt", "b.txt"]);
        assert_eq!(
            find(&index, "科创园"),
            ["a.txt"],
            "inside a longer Chinese name"
        );
        assert!(
            index.search("园").is_none(),
            "one Chinese character is not looked up"
        );
        drop(index);
        // Reopened unchanged: nothing indexed again; after a change, the changed file only.
        let counted = std::cell::Cell::new(0);
        let index = TextIndex::open(&at, &inputs(&corpus), &|_, total| counted.set(total)).unwrap();
        assert_eq!(counted.get(), 0);
        drop(index);
        std::fs::write(
            corpus_dir.join("b.txt"),
            "Title B\n\nThe Party Committee came after all.",
        )
        .unwrap();
        let corpus = crate::session::open_corpus(&[corpus_dir]);
        let index = TextIndex::open(&at, &inputs(&corpus), &|_, total| counted.set(total)).unwrap();
        assert_eq!(counted.get(), 1, "one document indexed again");
        let docs = index.search("party committee").unwrap().unwrap();
        assert_eq!(docs.len(), 2);
    }
}
