//! Foreign names transliterated into Chinese (马克龙, 默克尔-style): a run of the characters
//! transliteration uses (assets/transliteration_chars.txt), next to a title or a speech verb.

use super::tables::{Level, TABLES};
use super::{Candidate, Recognizer, Words};
use crate::corpus::meta::is_han;
use crate::corpus::{Document, Lang};
use crate::model::Label;
use aho_corasick::AhoCorasick;
use rustc_hash::FxHashSet;
use std::collections::BTreeSet;
use std::sync::LazyLock;

/// Transliterated foreign names in Chinese text.
pub struct PersonsForeign;

/// The characters of transliterated foreign names (assets/transliteration_chars.txt).
pub(super) static CHARS: LazyLock<FxHashSet<char>> = LazyLock::new(|| {
    include_str!("../../assets/transliteration_chars.txt")
        .lines()
        .filter(|l| !l.starts_with('#'))
        .flat_map(str::chars)
        .collect()
});

/// Every beginning of a country's Chinese name (俄罗斯 of 俄罗斯联邦): not a name.
static COUNTRY_PREFIXES: LazyLock<FxHashSet<&'static str>> = LazyLock::new(|| {
    TABLES
        .places
        .iter()
        .filter(|p| p.level == Level::Country)
        .flat_map(|p| {
            let zh = p.zh.as_str();
            zh.char_indices()
                .skip(1)
                .map(move |(at, _)| &zh[..at])
                .chain([zh])
        })
        .collect()
});

/// Titles that stand before a foreign name (法国总统马克龙).
const BEFORE: &[&str] = &[
    "总统",
    "首相",
    "总理",
    "国务卿",
    "外长",
    "外交部长",
    "大使",
    "议员",
    "议长",
    "国王",
    "女王",
    "王储",
    "秘书长",
    "部长",
    "主席",
    "总干事",
    "首席执行官",
];

/// Words that follow one (默克尔表示, 布林肯一行).
const AFTER: &[&str] = &[
    "总统",
    "首相",
    "总理",
    "国务卿",
    "外长",
    "大使",
    "议长",
    "先生",
    "女士",
    "表示",
    "说",
    "指出",
    "强调",
    "认为",
    "称",
    "一行",
];

static BEFORE_MATCHER: LazyLock<AhoCorasick> = LazyLock::new(|| {
    debug_assert!(super::runs::none_ascii(BEFORE));
    AhoCorasick::new(BEFORE).expect("titles build an automaton")
});
static AFTER_MATCHER: LazyLock<AhoCorasick> = LazyLock::new(|| {
    debug_assert!(super::runs::none_ascii(AFTER));
    AhoCorasick::new(AFTER).expect("cues build an automaton")
});

/// Function words that transliteration uses too (和 in 共和): a name's run stops at them
/// (默克尔和约翰逊 is two names).
const STOPS: &str = "和与及同跟的在对向等";

/// Characters of grammar that never start a name, even after a title that vouches for one.
const NEVER_FIRST: &str = "的了在是和与及等对向把被将为从以于也就都还又再所之其此该这那个们着过一";

/// Characters looked at beside a title or verb: a name and its dots, no more (a long run of such
/// characters is not scanned whole at every cue).
const MAX_RUN: usize = 12;

/// A name is two to six characters (besides the · between its parts).
const NAME_CHARS: std::ops::RangeInclusive<usize> = 2..=6;

impl Recognizer for PersonsForeign {
    fn name(&self) -> &'static str {
        "persons-foreign"
    }

    fn handles(&self, _lang: Lang) -> bool {
        true
    }

    fn recognize(&self, doc: &Document, words: &Words, out: &mut Vec<Candidate>) {
        let text: &str = &doc.text;
        let is_name_char = |c: char| (CHARS.contains(&c) || c == '·') && !STOPS.contains(c);
        let mut names: BTreeSet<&str> = BTreeSet::new();
        for m in super::runs::matches_in(&BEFORE_MATCHER, text, words.non_ascii()) {
            let rest = &text[m.end()..];
            // After a title of a country whose names Chinese transliterates (德国总理朔尔茨), the
            // name may start with a character the table lacks.
            let vouched = super::regions::transliterating_country_before(text, m.start());
            let first = rest
                .chars()
                .next()
                .filter(|&c| is_name_char(c) || (vouched && is_han(c) && !NEVER_FIRST.contains(c)));
            let first_len = first.map_or(0, char::len_utf8);
            let len: usize = first_len
                + rest[first_len..]
                    .chars()
                    .take_while(|c| first.is_some() && is_name_char(*c))
                    .take(MAX_RUN)
                    .map(char::len_utf8)
                    .sum::<usize>();
            names.extend(accept(&rest[..without_word_after(rest, len)]));
        }
        for m in super::runs::matches_in(&AFTER_MATCHER, text, words.non_ascii()) {
            let before = &text[..m.start()];
            let len: usize = before
                .chars()
                .rev()
                .take_while(|c| is_name_char(*c))
                .take(MAX_RUN)
                .map(char::len_utf8)
                .sum();
            let run_start = before.len() - len;
            // 吴海波认为: 海波 is the given name of a Chinese name whose surname the run stopped at.
            let surname_before = before[..run_start]
                .chars()
                .next_back()
                .is_some_and(|c| TABLES.surnames_zh.contains_key(c.encode_utf8(&mut [0; 4])));
            if surname_before && before[run_start..].chars().count() <= 2 {
                continue;
            }
            names.extend(accept(&before[run_start..]));
        }
        let names: Vec<&str> = names.into_iter().collect();
        let key = |name: &str| format!("person:zh:{name}");
        let identity = |name: &str| (key(name), name.to_string());
        super::every_occurrence(
            text,
            &names,
            identity,
            Label::Person,
            "persons-foreign",
            out,
        );
    }
}

/// The run `rest[..len]` without its last character where that character and the next make a
/// word (布林肯日前: 日前 "recently"), if three remain.
fn without_word_after(rest: &str, len: usize) -> usize {
    let Some(last) = rest[..len].chars().next_back() else {
        return len;
    };
    let Some(next) = rest[len..].chars().next() else {
        return len;
    };
    let word_end = len + next.len_utf8();
    let cut = len - last.len_utf8();
    if rest[..cut].chars().count() >= 3 && super::segment::is_word(&rest[cut..word_end]) {
        cut
    } else {
        len
    }
}

/// The run as a name: the right length, not starting or ending with ·, not a place, not a
/// title itself, not a common word.
fn accept(run: &str) -> Option<&str> {
    let run = run.trim_matches('·');
    // A place inside the run ends it (约翰逊英国…: the name stops where 英国 starts).
    let run = run
        .char_indices()
        .skip(1)
        .find(|(at, _)| super::regions::place_at_start(&run[*at..]).is_some())
        .map_or(run, |(at, _)| &run[..at]);
    let n = run.chars().filter(|c| *c != '·').count();
    let is_place = super::regions::place_at_start(run).is_some_and(|len| len >= run.len())
        || COUNTRY_PREFIXES.contains(run);
    let is_title = BEFORE
        .iter()
        .chain(AFTER)
        .any(|t| run.ends_with(t) || run.starts_with(t));
    // 大哥说: a common word of the dictionary ("elder brother") is no transliteration.
    let common = super::segment::common_word(run);
    (NAME_CHARS.contains(&n) && !is_place && !is_title && !common).then_some(run)
}
