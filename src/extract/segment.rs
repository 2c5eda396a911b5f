//! Chinese word segmentation and part-of-speech tags (jieba-rs and its bundled dictionary),
//! loaded on first use.

use jieba_rs::Jieba;
use std::ops::Range;
use std::sync::LazyLock;

static JIEBA: LazyLock<Jieba> = LazyLock::new(Jieba::new);

/// A word of segmented text: its byte range in the text given and its jieba tag
/// (ns place, nr person, nt organization, nz other proper noun, j abbreviation, v verb, …).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    pub range: Range<usize>,
    pub tag: String,
}

impl Token {
    /// Tags jieba gives proper nouns other than persons: the evidence that a run names something.
    pub fn is_proper(&self) -> bool {
        matches!(self.tag.as_str(), "ns" | "nz" | "nt" | "j")
    }
}

/// Segments and tags `text` (HMM on, so unknown names come out as words).
pub fn tag(text: &str) -> Vec<Token> {
    let mut at = 0;
    JIEBA
        .tag(text, true)
        .into_iter()
        .map(|t| {
            let start = text[at..].find(t.word).map_or(at, |i| at + i);
            at = start + t.word.len();
            Token {
                range: start..at,
                tag: t.tag.to_string(),
            }
        })
        .collect()
}
