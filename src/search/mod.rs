//! Full-text search: words and phrases in both languages through an index kept in the cache
//! folder (`index.rs`), or by scanning the texts (a regular expression, or before the index is
//! ready); where a query occurs in a text, for the hit list and the reader.

pub mod index;
pub mod tokens;

pub use index::{IndexError, TextIndex};

use crate::corpus::{Corpus, DocId};
use std::ops::Range;

/// What is searched for.
#[derive(Debug, Clone)]
pub enum TextQuery {
    /// Words one after another, in any case (`party committee`, `科创园`).
    Words(String),
    /// A regular expression (`re:` before it in the prompt).
    Regex(regex::Regex),
}

impl TextQuery {
    /// Reads a query as typed: `re:PATTERN` is a regular expression, anything else words.
    pub fn parse(typed: &str) -> Result<TextQuery, String> {
        let typed = typed.trim();
        match typed.strip_prefix("re:") {
            Some(pattern) => regex::Regex::new(pattern.trim())
                .map(TextQuery::Regex)
                .map_err(|e| format!("re:{}: {e}", pattern.trim())),
            None if tokens::words(typed).is_empty() => {
                Err(format!("{typed:?} has no word to search for"))
            }
            None => Ok(TextQuery::Words(typed.to_string())),
        }
    }

    /// As typed.
    pub fn describe(&self) -> String {
        match self {
            TextQuery::Words(w) => format!("\"{w}\""),
            TextQuery::Regex(r) => format!("re:{}", r.as_str()),
        }
    }

    /// Where it occurs in `text` (bytes), in order.
    pub fn hits_in(&self, text: &str) -> Vec<Range<usize>> {
        match self {
            TextQuery::Words(w) => tokens::phrase_in(text, w),
            TextQuery::Regex(r) => (r.find_iter(text))
                .filter(|m| !m.is_empty())
                .map(|m| m.range())
                .collect(),
        }
    }
}

/// The documents of `docs` where `query` occurs: through `index` when it can answer, else by
/// reading each text (without keeping it).
pub fn documents_with(
    corpus: &Corpus,
    index: Option<&TextIndex>,
    docs: &[DocId],
    query: &TextQuery,
) -> Result<Vec<DocId>, IndexError> {
    if let (Some(index), TextQuery::Words(w)) = (index, query) {
        if let Some(found) = index.search(w) {
            let found = found?;
            return Ok(docs
                .iter()
                .copied()
                .filter(|d| found.binary_search(d).is_ok())
                .collect());
        }
    }
    Ok((docs.iter().copied())
        .filter(|d| {
            (corpus.docs[d.index()].text.read_unheld()).is_ok_and(|t| !query.hits_in(&t).is_empty())
        })
        .collect())
}

/// Up to `chars` characters of `text` either side of `hit`, on one line.
pub fn context(text: &str, hit: Range<usize>, chars: usize) -> (String, String) {
    let flat = |s: &str| s.replace(['\n', '\r', '\t'], " ");
    let before = text.get(..hit.start).unwrap_or("");
    let after = text.get(hit.end..).unwrap_or("");
    let skip = before.chars().count().saturating_sub(chars);
    let left: String = before.chars().skip(skip).collect();
    let right: String = after.chars().take(chars).collect();
    (flat(&left), flat(&right))
}
