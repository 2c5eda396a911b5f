//! The central government's zones (and Hong Kong's Northern Metropolis) by their full and short
//! names, from assets/zones_zh.tsv: the names the suffix patterns of `zones.rs` cannot read back.

use super::zones::is_division_name;
use super::Candidate;
use crate::model::Label;
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use std::sync::LazyLock;

/// The central government's new areas, cooperation zones and free trade port, by full and
/// short name (assets/zones_zh.tsv): 前海深港现代服务业合作区 and 前海, whose names the suffix
/// patterns cannot read back (jieba splits 前海 as 前 + 海).
pub(super) fn named_zones_zh(
    text: &str,
    runs: &[std::ops::Range<usize>],
    tokens: &[super::segment::Token],
    out: &mut Vec<Candidate>,
) {
    /// Each pattern's full name, and whether the pattern is a short name.
    type Names = Vec<(&'static str, bool)>;
    /// Every name and short name, and the full name each stands for — not those the gazetteer
    /// has as a division (浦东新区, 南沙 of 南沙区), which are the division's mentions.
    static NAMES: LazyLock<Option<(AhoCorasick, Names)>> = LazyLock::new(|| {
        let mut patterns = Vec::new();
        let mut names = Vec::new();
        let division = |name: &str| {
            super::regions::place_at_start(name) == Some(name.len()) || is_division_name(name)
        };
        for line in include_str!("../../assets/zones_zh.tsv").lines() {
            let Some((full, shorts)) = line.split_once('\t') else {
                continue;
            };
            if line.starts_with('#') || division(full) {
                continue;
            }
            patterns.push(full);
            names.push((full, false));
            for short in shorts.split(',').filter(|s| !s.is_empty() && !division(s)) {
                patterns.push(short);
                names.push((full, true));
            }
        }
        debug_assert!(super::runs::none_ascii(&patterns));
        // A DFA: it reads every Chinese run of every document.
        let automaton = AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .kind(Some(aho_corasick::AhoCorasickKind::DFA))
            .build(&patterns)
            .ok()?;
        Some((automaton, names))
    });
    let Some((automaton, names)) = NAMES.as_ref() else {
        return;
    };
    for m in super::runs::matches_in(automaton, text, runs) {
        let (full, short) = names[m.pattern().as_usize()];
        // A short name inside a word (眼前海景: 眼前 + 海景) is no mention.
        if short && super::learned::cuts_a_word(text, &m.range(), tokens) {
            continue;
        }
        out.push(Candidate {
            span: m.range(),
            label: Label::Region,
            key: format!("region:zone:{full}"),
            canonical: full.to_string(),
            recognizer: "regions",
        });
    }
}
