//! People named by a surname and a word of kinship or respect, as people's stories name
//! neighbours and elders (谭大爷, 黄伯, 韦姐, 王老师): a person the article names no other way.

use super::name_key::pinyin_key;
use super::segment::Token;
use super::tables::TABLES;
use super::{Candidate, Recognizer, Words};
use crate::corpus::{Document, Lang};
use crate::model::Label;

/// Surname-and-kinship names in Chinese text.
pub struct KinNamesZh;

/// Words of kinship or respect after a surname, longest first.
const KIN_WORDS: &[&str] = &[
    "大爷", "大妈", "大娘", "大叔", "大婶", "大姐", "大哥", "阿姨", "奶奶", "爷爷", "婆婆", "叔叔",
    "师傅", "老师", "伯", "姐", "哥", "叔", "婶", "嫂",
];

/// The first characters of `KIN_WORDS`.
const KIN_STARTS: &str = "大阿奶爷婆叔师老伯姐哥婶嫂";

/// Surnames common enough (in parts per million of people) to stand alone before a kin word:
/// rarer ones are more often a word's character (大 of 大哥).
const SURNAME_PPM: f64 = 500.0;

impl Recognizer for KinNamesZh {
    fn name(&self) -> &'static str {
        "persons-kin"
    }

    fn handles(&self, _lang: Lang) -> bool {
        true
    }

    fn recognize(&self, doc: &Document, words: &Words, out: &mut Vec<Candidate>) {
        let text: &str = &doc.text;
        let tokens = words.han();
        for i in 0..tokens.len() {
            if let Some(span) = kin_name_at(text, tokens, i) {
                let name = &text[span.clone()];
                out.push(Candidate {
                    key: pinyin_key(name),
                    canonical: name.to_string(),
                    span,
                    label: Label::Person,
                    recognizer: "persons-kin",
                });
            }
        }
    }
}

/// The surname-and-kinship name that starts at word `i`, if any: a common surname starting a
/// word, the kin word right after it and ending a word (谭 + 大爷, 黄伯 read as one) — not 大哥
/// alone, nor a word ending in a surname's character (立叔 of 成立叔…).
fn kin_name_at(text: &str, tokens: &[Token], i: usize) -> Option<std::ops::Range<usize>> {
    let t = &tokens[i];
    let rest = &text[t.range.start..];
    let mut chars = rest.chars();
    let surname = chars.next()?;
    // Cheapest first: this runs for every word, and few have a kin word's character after one.
    if !chars.next().is_some_and(|c| KIN_STARTS.contains(c)) {
        return None;
    }
    let common = TABLES
        .surnames_zh
        .get(surname.encode_utf8(&mut [0; 4]) as &str)
        .is_some_and(|&ppm| ppm >= SURNAME_PPM);
    if !common {
        return None;
    }
    let after = &rest[surname.len_utf8()..];
    let kin = KIN_WORDS.iter().find(|k| after.starts_with(*k))?;
    let end = t.range.start + surname.len_utf8() + kin.len();
    // The kin word ends a word of jieba's reading (黄伯说, not 黄伯伯 "uncle Huang" cut short).
    let ends_a_word = tokens[i..].iter().take(3).any(|w| w.range.end == end);
    ends_a_word.then_some(t.range.start..end)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kin_words_first_character_is_listed() {
        for word in KIN_WORDS {
            let first = word.chars().next().unwrap_or(' ');
            assert!(KIN_STARTS.contains(first), "{word}");
        }
    }
}
