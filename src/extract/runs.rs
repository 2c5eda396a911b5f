//! The stretches of a text that each script's patterns can match in. A Chinese name or word
//! holds no ASCII character, an English one (Cancún, St. John’s) no character of the scripts
//! of East Asia: so an automaton of Chinese names reads an English article's Chinese byline,
//! not its whole body, and the English gazetteer a Chinese article's few Latin words, not its
//! ideographs.

use std::ops::Range;

/// The maximal runs of non-ASCII characters in `text`.
pub fn non_ascii(text: &str) -> Vec<Range<usize>> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut at = 0;
    while let Some(start) = bytes[at..].iter().position(|b| !b.is_ascii()) {
        let start = at + start;
        let end = bytes[start..]
            .iter()
            .position(u8::is_ascii)
            .map_or(bytes.len(), |i| start + i);
        out.push(start..end);
        at = end;
    }
    out
}

/// The first character of the scripts of East Asia (CJK punctuation, kana, ideographs, Hangul,
/// full-width forms): no English name holds one.
const EAST_ASIAN: char = '\u{3000}';

/// The maximal runs of `text` without East Asian characters that hold an ASCII letter.
pub fn latin(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    for (i, c) in text.char_indices().chain([(text.len(), EAST_ASIAN)]) {
        match (c < EAST_ASIAN, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                if text[s..i].bytes().any(|b| b.is_ascii_alphabetic()) {
                    out.push(s..i);
                }
                start = None;
            }
            _ => {}
        }
    }
    out
}

/// An automaton's leftmost non-overlapping matches within `runs` of `text`, with offsets in
/// `text`: the matches of a search of the whole text when none of its patterns can cross the
/// edge of a run.
pub fn matches_in<'a>(
    automaton: &'a aho_corasick::AhoCorasick,
    text: &'a str,
    runs: &'a [Range<usize>],
) -> impl Iterator<Item = aho_corasick::Match> + 'a {
    runs.iter()
        .flat_map(move |run| automaton.find_iter(aho_corasick::Input::new(text).range(run.clone())))
}

/// Whether no pattern holds an ASCII character: what a search of `non_ascii` runs needs.
pub fn none_ascii<S: AsRef<str>>(patterns: impl IntoIterator<Item = S>) -> bool {
    patterns
        .into_iter()
        .all(|p| p.as_ref().bytes().all(|b| !b.is_ascii()))
}

/// Whether no pattern holds an East Asian character: what a search of `latin` runs needs.
pub fn none_east_asian<S: AsRef<str>>(patterns: impl IntoIterator<Item = S>) -> bool {
    patterns
        .into_iter()
        .all(|p| p.as_ref().chars().all(|c| c < EAST_ASIAN))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_and_latin_stretches_are_found_apart() {
        let text = "Mayor 王明 visited 2023 年 Cancún.";
        let han: Vec<&str> = non_ascii(text).into_iter().map(|r| &text[r]).collect();
        assert_eq!(han, ["王明", "年", "ú"]);
        let latin: Vec<&str> = latin(text).into_iter().map(|r| &text[r]).collect();
        assert_eq!(latin, ["Mayor ", " visited 2023 ", " Cancún."]);
        assert!(super::latin("２０２３年，100人").is_empty());
    }

    #[test]
    fn matches_in_runs_are_those_of_the_whole_text() {
        let automaton = aho_corasick::AhoCorasick::new(["王明", "明", "浦东"]).expect("builds");
        let text = "王明 met 明 in 浦东新区 and Pudong";
        let whole: Vec<_> = automaton.find_iter(text).collect();
        let runs = non_ascii(text);
        let in_runs: Vec<_> = matches_in(&automaton, text, &runs).collect();
        assert_eq!(in_runs, whole);
        assert_eq!(in_runs.len(), 3);
    }
}
