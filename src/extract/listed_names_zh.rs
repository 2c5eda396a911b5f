//! Officials' names in lists (出席会议的有黄金龙、郭庆、黄云、王亚青等): items between 、 read
//! as names where the list vouches for them.

use super::offices_zh::before_name;
use super::persons_zh::{plausible, plausible_after_title, tagged_person, WORD_SUFFIXES};
use crate::corpus::meta::is_han;
use std::collections::BTreeSet;
use std::sync::LazyLock;

/// Lists of officials (出席会议的有黄金龙、郭庆、黄云、王亚青等): items between 、 read as
/// names. A list counts when two of its items are names by other evidence (a cue elsewhere, or
/// jieba reading the item as a person's name), and then every item that reads as a name is one.
/// `runs`: the text's runs of non-ASCII characters, which hold every list.
pub(super) fn names_in_lists<'t>(
    text: &'t str,
    runs: &[std::ops::Range<usize>],
    known: &BTreeSet<&str>,
) -> Vec<&'t str> {
    static LIST: LazyLock<regex::Regex> = LazyLock::new(|| {
        regex::Regex::new(r"\p{Han}{2,4}(?:、\p{Han}{2,4})+").expect("static regex")
    });
    let mut found = Vec::new();
    for (run_start, m) in runs
        .iter()
        .flat_map(|run| LIST.find_iter(&text[run.clone()]).map(|m| (run.start, m)))
    {
        let items: Vec<&str> = m.as_str().split('、').collect();
        let last = items.len() - 1;
        // The first item may carry words before the list (…的有黄金龙), the last words after it
        // (王亚青等): keep the name at the list's side of each.
        // The last item before punctuation is whole (刘国中， — 中 is missing from the
        // given-name table, and 刘国 would be taken for it).
        let ends_the_clause = !text[run_start + m.end()..].starts_with(is_han);
        let whole_last =
            (ends_the_clause && reads_as_name_after_title(items[last])).then_some(items[last]);
        let items: Vec<&str> = items
            .iter()
            .enumerate()
            .map(|(i, item)| match i {
                0 => name_at_edge(item, false),
                i if i == last && whole_last.is_some() => item,
                // 彭国平等出席: 等 ends the list (not 彭国 + 平等 "equality").
                i if i == last => {
                    let listed = item
                        .strip_suffix('等')
                        .filter(|n| n.chars().nth(1).is_some());
                    name_at_edge(listed.unwrap_or(item), true)
                }
                _ => item,
            })
            .collect();
        let name_like: Vec<&str> = items
            .iter()
            .copied()
            .filter(|item| reads_as_name(item) || Some(*item) == whole_last)
            .collect();
        let evidenced = name_like
            .iter()
            .filter(|n| known.contains(*n) || tagged_person(n))
            .count();
        // 青浦、吴江、嘉善: districts and counties by their bare names, whatever jieba makes
        // of them, are a list of places; so are towns of the register (洛带、黄龙溪).
        let places = items
            .iter()
            .filter(|item| {
                super::zones::is_division_name(item) || super::listed_zh::town_item(item)
            })
            .count();
        if evidenced >= 2 && name_like.len() * 2 >= items.len() && places * 2 < items.len() {
            found.extend(name_like);
        }
    }
    found
}

/// The two- or three-character name at the start (`at_start`) or end of an item, or the item.
fn name_at_edge(item: &str, at_start: bool) -> &str {
    if reads_as_name(item) {
        return item;
    }
    let bounds: Vec<usize> = item
        .char_indices()
        .map(|(i, _)| i)
        .chain([item.len()])
        .collect();
    let n = bounds.len() - 1;
    // 周建参加: where the last item's rest is a word (参加 "attend"), the name is the shorter one.
    let rest_is_word = n > 3 && at_start && super::segment::is_word(&item[bounds[2]..]);
    // 副主席李东: where a title ends before the last two characters, they are the name.
    let title_before =
        n > 3 && !at_start && before_name().any(|t| item[..bounds[n - 2]].ends_with(t));
    let lens = if rest_is_word || title_before {
        [2, 3]
    } else {
        [3, 2]
    };
    for len in lens {
        if n > len {
            let part = if at_start {
                &item[..bounds[len]]
            } else {
                &item[bounds[n - len]..]
            };
            if reads_as_name(part) {
                return part;
            }
        }
    }
    item
}

/// A surname and a one- or two-character given name from the tables, not a place, not a
/// derived word.
fn reads_as_name(item: &str) -> bool {
    let chars = item.chars().count();
    (2..=4).contains(&chars)
        && !item.ends_with(|c| WORD_SUFFIXES.contains(c))
        && [1, 2].into_iter().any(|surname_chars| {
            chars > surname_chars && plausible(item, surname_chars, item).is_some()
        })
}

/// `reads_as_name` with any given-name character that is no office's or function word's, as
/// after a title: for an item whose list vouches for it.
fn reads_as_name_after_title(item: &str) -> bool {
    let chars = item.chars().count();
    (2..=4).contains(&chars)
        && [1, 2].into_iter().any(|surname_chars| {
            chars > surname_chars && plausible_after_title(item, surname_chars, item).is_some()
        })
}
