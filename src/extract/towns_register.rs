//! The register of towns, townships and subdistricts (assets/towns_zh.tsv, 38,000 names): looked
//! up where a name can end, for `towns_zh.rs` and the recognizers that ask whether a word runs
//! into a registered town.

use rustc_hash::FxHashSet;
use std::ops::Range;
use std::sync::LazyLock;

/// The names of the register's towns, townships and subdistricts (分水镇, 东华门街道): a set,
/// looked up where a suffix ends — an automaton of its 38,000 names would take the first open
/// some 50 ms to build.
static REGISTER: LazyLock<FxHashSet<&'static str>> = LazyLock::new(|| {
    include_str!("../../assets/towns_zh.tsv")
        .lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| l.split('\t').next())
        .collect()
});

/// The most characters a name of the register has.
const LONGEST_REGISTERED: usize = 16;

/// The last characters of the register's names.
const REGISTER_ENDINGS: &str = "镇乡道区市县";

/// The register's names in `text`, left to right and not overlapping: where a name can end,
/// the longest ending there that starts after the last one found.
pub(super) fn register_matches(text: &str) -> Vec<Range<usize>> {
    // The endings found by an automaton: it skips text without them (English) at memory speed.
    static ENDINGS: LazyLock<Option<aho_corasick::AhoCorasick>> = LazyLock::new(|| {
        aho_corasick::AhoCorasick::new(REGISTER_ENDINGS.chars().map(String::from)).ok()
    });
    let Some(endings) = ENDINGS.as_ref() else {
        return Vec::new();
    };
    let mut found: Vec<Range<usize>> = Vec::new();
    for m in endings.find_iter(text) {
        let (i, end) = (m.start(), m.end());
        let after_last = found.last().map_or(0, |r| r.end);
        // Starts of a name of three characters or more ending here, longest first.
        let starts: Vec<usize> = text[after_last..i]
            .char_indices()
            .rev()
            .take(LONGEST_REGISTERED - 1)
            .skip(1)
            .map(|(j, _)| after_last + j)
            .collect();
        if let Some(&start) = starts
            .iter()
            .rev()
            .find(|&&s| REGISTER.contains(&text[s..end]))
        {
            found.push(start..end);
        }
    }
    found
}

/// Whether `name` is a town, township or subdistrict of the register (林园区, 分水镇).
pub(super) fn is_registered(name: &str) -> bool {
    REGISTER.contains(name)
}

/// Whether a town of the register starts before `word` and ends inside it (分水镇 of 分水 +
/// 镇新龙村): the word is jieba's guess across the town's suffix, no name.
pub(super) fn register_town_ends_inside(text: &str, word: &Range<usize>) -> bool {
    let ends: Vec<usize> = text[word.clone()]
        .char_indices()
        .skip(1)
        .map(|(i, _)| word.start + i)
        .collect();
    text[..word.start]
        .char_indices()
        .rev()
        .take(LONGEST_REGISTERED)
        .any(|(from, _)| ends.iter().any(|&end| REGISTER.contains(&text[from..end])))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_registered_name_is_found_where_it_stands() {
        for name in REGISTER.iter() {
            assert!(name.chars().count() <= LONGEST_REGISTERED, "{name}");
            assert!(name.ends_with(|c| REGISTER_ENDINGS.contains(c)), "{name}");
        }
    }
}
