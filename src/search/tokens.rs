//! The words a text is searched by: runs of letters and digits in lower case, and in Chinese
//! every two characters side by side (a bigram: 科创园 is 科创 创园, so it is found inside
//! 天开高教科创园 without a dictionary). The index and the search read text the same way.

use crate::corpus::meta::is_han;
use std::ops::Range;

/// One word of a text, with where it is (bytes).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word {
    pub text: String,
    pub span: Range<usize>,
}

/// The words of `text`, in order.
pub fn words(text: &str) -> Vec<Word> {
    let mut out = Vec::new();
    let mut chars = text.char_indices().peekable();
    while let Some(&(start, c)) = chars.peek() {
        if is_han(c) {
            // A run of Chinese characters: its bigrams (one character alone is a word).
            let mut run: Vec<(usize, char)> = Vec::new();
            while let Some(&(i, c)) = chars.peek().filter(|(_, c)| is_han(*c)) {
                run.push((i, c));
                chars.next();
            }
            let end_of = |k: usize| run[k].0 + run[k].1.len_utf8();
            if run.len() == 1 {
                out.push(Word {
                    text: run[0].1.to_string(),
                    span: run[0].0..end_of(0),
                });
            }
            for k in 1..run.len() {
                out.push(Word {
                    text: [run[k - 1].1, run[k].1].iter().collect(),
                    span: run[k - 1].0..end_of(k),
                });
            }
        } else if c.is_alphanumeric() {
            let mut end = start;
            let mut word = String::new();
            while let Some(&(i, c)) = chars
                .peek()
                .filter(|(_, c)| c.is_alphanumeric() && !is_han(*c))
            {
                word.extend(c.to_lowercase());
                end = i + c.len_utf8();
                chars.next();
            }
            out.push(Word {
                text: word,
                span: start..end,
            });
        } else {
            chars.next();
        }
    }
    out
}

/// Where the words of `query` occur one after another in `text` (bytes, from the first word's
/// start to the last one's end).
pub fn phrase_in(text: &str, query: &str) -> Vec<Range<usize>> {
    let wanted: Vec<String> = words(query).into_iter().map(|w| w.text).collect();
    if wanted.is_empty() {
        return Vec::new();
    }
    let have = words(text);
    (0..have.len().saturating_sub(wanted.len() - 1))
        .filter(|&i| (have[i..i + wanted.len()].iter().zip(&wanted)).all(|(h, w)| h.text == *w))
        .map(|i| have[i].span.start..have[i + wanted.len() - 1].span.end)
        .collect()
}

/// The tokenizer the full-text index reads with: [`words`], as tantivy tokens.
#[derive(Debug, Clone, Default)]
pub struct Tokenizer;

/// The words of one text, handed out one at a time.
pub struct Tokens {
    words: std::vec::IntoIter<Word>,
    token: tantivy::tokenizer::Token,
    position: usize,
}

impl tantivy::tokenizer::Tokenizer for Tokenizer {
    type TokenStream<'a> = Tokens;
    fn token_stream<'a>(&'a mut self, text: &'a str) -> Tokens {
        Tokens {
            words: words(text).into_iter(),
            token: Default::default(),
            position: 0,
        }
    }
}

impl tantivy::tokenizer::TokenStream for Tokens {
    fn advance(&mut self) -> bool {
        let Some(w) = self.words.next() else {
            return false;
        };
        self.token = tantivy::tokenizer::Token {
            offset_from: w.span.start,
            offset_to: w.span.end,
            position: self.position,
            text: w.text,
            position_length: 1,
        };
        self.position += 1;
        true
    }

    fn token(&self) -> &tantivy::tokenizer::Token {
        &self.token
    }

    fn token_mut(&mut self) -> &mut tantivy::tokenizer::Token {
        &mut self.token
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_is_read_in_bigrams_and_found_inside_longer_words() {
        let texts: Vec<String> = words("助力天开高教科创园, Party Committee")
            .into_iter()
            .map(|w| w.text)
            .collect();
        assert_eq!(
            texts,
            [
                "助力",
                "力天",
                "天开",
                "开高",
                "高教",
                "教科",
                "科创",
                "创园",
                "party",
                "committee"
            ]
        );
        let text = "助力天开高教科创园建设";
        let found = phrase_in(text, "科创园");
        assert_eq!(found.len(), 1);
        assert_eq!(&text[found[0].clone()], "科创园");
        let english = "The District Party\nCommittee met; party committees did not.";
        let found = phrase_in(english, "party committee");
        assert_eq!(found.len(), 1, "across a line break, whole words only");
    }
}
