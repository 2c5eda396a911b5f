//! Traditional script read as simplified: the tables and recognizers are simplified, so a
//! traditional article (廣州, 長沙, 臺灣) is looked up through a character table, without moving
//! any offset — every pair in the table has the same UTF-8 length.

use crate::corpus::meta::is_han;
use rustc_hash::FxHashMap;
use std::sync::LazyLock;

/// Traditional → simplified, one character each (assets/traditional_chars.tsv, from OpenCC).
static TABLE: LazyLock<FxHashMap<char, char>> = LazyLock::new(|| {
    include_str!("../../assets/traditional_chars.tsv")
        .lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| {
            let (t, s) = l.split_once('\t')?;
            let (mut t, mut s) = (t.chars(), s.chars());
            let (t, s) = (t.next()?, s.next()?);
            (t.len_utf8() == s.len_utf8()).then_some((t, s))
        })
        .collect()
});

/// A text in traditional script has at least this share of its ideographs in the table (a few
/// such characters also occur in simplified text: 乾隆, 著作).
const TRADITIONAL_SHARE: f64 = 0.05;

/// `text` in simplified characters, byte for byte the same length, when it is written in
/// traditional script; None for a simplified (or non-Chinese) text.
pub fn simplified(text: &str) -> Option<String> {
    let table = &*TABLE;
    let (mut han, mut traditional) = (0usize, 0usize);
    for c in text.chars().filter(|c| is_han(*c)) {
        han += 1;
        traditional += usize::from(table.contains_key(&c));
    }
    if traditional == 0 || (traditional as f64) < han as f64 * TRADITIONAL_SHARE {
        return None;
    }
    let out: String = text
        .chars()
        .map(|c| table.get(&c).copied().unwrap_or(c))
        .collect();
    debug_assert_eq!(out.len(), text.len());
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::simplified;

    #[test]
    fn traditional_text_reads_as_simplified_at_the_same_offsets() {
        let text = "市長在廣州參觀，臺灣同胞出席。";
        let s = simplified(text).expect("traditional");
        assert_eq!(s, "市长在广州参观，台湾同胞出席。");
        assert_eq!(s.len(), text.len());
    }

    #[test]
    fn simplified_text_is_left_alone() {
        assert_eq!(simplified("市长在广州参观乾隆时期的著作。"), None);
        assert_eq!(simplified("The mayor visited Guangzhou."), None);
    }
}
