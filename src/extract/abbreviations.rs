//! Regions named by one-character abbreviations in compounds: provinces (京津冀, 沪苏浙皖, 港澳
//! — the official abbreviations, assets/province_abbreviations.tsv), cities of one province by a
//! character of each name (长株潭, 苏锡常, 成德眉资) and countries beside China (中法关系,
//! 中日韩合作: each character its own country).

use super::segment::{self, Token};
use super::tables::{Level, TABLES};
use super::{Candidate, Recognizer, Words};
use crate::corpus::meta::is_han;
use crate::corpus::{Document, Lang};
use crate::model::Label;
use rustc_hash::FxHashMap;
use std::ops::Range;
use std::sync::LazyLock;

/// Provinces by their abbreviations.
pub struct Abbreviations;

/// Abbreviation → the province's division code, from the table.
pub(super) static PROVINCES: LazyLock<FxHashMap<char, &'static str>> = LazyLock::new(|| {
    let code_of: FxHashMap<&str, &str> = TABLES
        .places
        .iter()
        .filter(|p| p.level == Level::Province)
        .map(|p| (p.zh.as_str(), p.code.as_str()))
        .collect();
    include_str!("../../assets/province_abbreviations.tsv")
        .lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| {
            let mut cols = l.split('\t');
            let code = *code_of.get(cols.next()?)?;
            Some(
                cols.filter_map(|a| a.chars().next())
                    .map(move |c| (c, code)),
            )
        })
        .flatten()
        .collect()
});

/// Abbreviations that are also everyday characters (新, 青, 云…): a compound needs a
/// distinctive one, or a word after it that speaks of regions.
pub(super) const EVERYDAY: &str = "吉黑新青宁台云贵甘秦川蒙";

/// Words after a compound that make it a reference to places (京津两地, 川渝地区, 中法关系).
const PLACE_CONTEXT: &[&str] = &[
    "地区",
    "两地",
    "三地",
    "四地",
    "等地",
    "一体化",
    "协同",
    "合作",
    "同胞",
    "边界",
    "交界",
    "之间",
    "区域",
    "经济圈",
    "都市圈",
    "城市群",
    "毗邻",
    "两省",
    "三省",
    "两国",
    "关系",
    "双方",
    "友好",
    "建交",
    "经贸",
    "贸易",
    "战略",
    "对话",
    "峰会",
    "元首",
    "外长",
    "领导人",
    "人民",
    "交流",
    "融合",
    "友谊",
    "边境",
    "边贸",
    "同城化",
    "同城",
    "文旅",
    "青年",
    "居民",
    "市民",
    "游客",
];

/// The first characters of `PLACE_CONTEXT`'s words.
static CONTEXT_FIRSTS: LazyLock<rustc_hash::FxHashSet<char>> = LazyLock::new(|| {
    PLACE_CONTEXT
        .iter()
        .filter_map(|w| w.chars().next())
        .collect()
});

/// A country's abbreviation beside 中 (中法, 中日): the first character of a country's Chinese
/// name — the country named that character and 国 (法国), or else the only country whose name
/// starts with it (日本).
static COUNTRIES: LazyLock<FxHashMap<char, &'static str>> = LazyLock::new(|| {
    COUNTRIES_BY_FIRST
        .iter()
        .filter(|(c, _)| **c != '中')
        .filter_map(|(&c, countries)| {
            let named = countries
                .iter()
                .find(|(zh, _)| zh.strip_prefix(c) == Some("国"));
            let only = (countries.len() == 1).then(|| &countries[0]);
            named.or(only).map(|(_, code)| (c, *code))
        })
        .collect()
});

/// Whether `pair` is 中 and one to three countries' first characters (中新, 中德; 中吉乌): China
/// and its partners naming a joint zone or a railway (中新广州知识城, 中吉乌铁路).
pub(super) fn is_china_and_partner(pair: &str) -> bool {
    let Some(partners) = pair.strip_prefix('中') else {
        return false;
    };
    (1..=3).contains(&partners.chars().count())
        && partners
            .chars()
            .all(|c| COUNTRIES_BY_FIRST.contains_key(&c))
}

/// Every country by the first character of its Chinese name (新 → 新加坡, 新西兰): where the
/// character alone is ambiguous, the document names the one it stands for.
static COUNTRIES_BY_FIRST: LazyLock<FxHashMap<char, Vec<(&'static str, &'static str)>>> =
    LazyLock::new(|| {
        let mut by_first: FxHashMap<char, Vec<(&str, &str)>> = FxHashMap::default();
        for p in TABLES.places.iter().filter(|p| p.level == Level::Country) {
            if let Some(c) = p.zh.chars().next() {
                by_first
                    .entry(c)
                    .or_default()
                    .push((p.zh.as_str(), p.code.as_str()));
            }
        }
        by_first
    });

/// The country `c` abbreviates beside 中: the one the table gives it, or else the only country
/// starting with it that `text` names in full (中新关系 in an article about 新加坡).
fn country_of(c: char, text: &str) -> Option<&'static str> {
    COUNTRIES.get(&c).copied().or_else(|| {
        let named: Vec<&str> = COUNTRIES_BY_FIRST
            .get(&c)?
            .iter()
            .filter(|(zh, _)| text.contains(zh))
            .map(|(_, code)| *code)
            .collect();
        match named[..] {
            [one] => Some(one),
            _ => None,
        }
    })
}

impl Recognizer for Abbreviations {
    fn name(&self) -> &'static str {
        "abbreviations"
    }

    fn handles(&self, lang: Lang) -> bool {
        lang == Lang::Zh
    }

    fn recognize(&self, doc: &Document, words: &Words, out: &mut Vec<Candidate>) {
        let text: &str = &doc.text;
        let mut at = 0;
        while let Some(c) = text[at..].chars().next() {
            // The run of abbreviations starting here (read in place: no copy of the text).
            let mut end = at
                + text[at..]
                    .chars()
                    .take_while(|c| PROVINCES.contains_key(c))
                    .map(char::len_utf8)
                    .sum::<usize>();
            // 港澳青年: an everyday character that starts a word with the next one (青年) is
            // not the compound's (台胞, Taiwan's compatriots, is Taiwan's). Asked of compounds
            // only: jieba's dictionary is not consulted at every 新 of the text.
            let mut run = text[at..end].chars();
            if let (Some(_), Some(last), Some(next)) =
                (run.next(), run.next_back(), text[end..].chars().next())
            {
                let word: String = [last, next].iter().collect();
                if EVERYDAY.contains(last) && next != '胞' && segment::common_word(&word) {
                    end -= last.len_utf8();
                }
            }
            if text[at..end].chars().nth(1).is_some()
                && (province_compound(&text[at..end], &text[end..])
                    || distinctive_pair(text, at..end))
            {
                let compound = &text[at..end];
                out.push(Candidate {
                    span: at..end,
                    label: Label::Region,
                    key: format!("region:abbr:{compound}"),
                    canonical: compound.to_string(),
                    recognizer: "abbreviations",
                });
            }
            if c == '中' {
                // 中新关系 is China and Singapore, not 台中 and 新竹 (a compound of cities).
                let before = out.len();
                countries_beside_china(text, at, out);
                if out.len() > before {
                    at = end.max(at + c.len_utf8());
                    continue;
                }
            }
            if let Some(len) = city_compound_at(text, at, words) {
                let span = with_area_word(text, at..at + len);
                let compound = &text[span.clone()];
                out.push(Candidate {
                    span,
                    label: Label::Region,
                    key: format!("region:abbr:{compound}"),
                    canonical: compound.to_string(),
                    recognizer: "abbreviations",
                });
                at += len;
                continue;
            }
            at = end.max(at + c.len_utf8());
        }
    }
}

/// Whether `name` is three or more distinct province abbreviations (苏浙皖, 京津冀), or three
/// or four cities of one province by a character each (苏锡常): places named together, never a
/// person's name, whatever its surname-like first character.
pub(super) fn is_place_compound(name: &str) -> bool {
    let chars: Vec<char> = name.chars().collect();
    let mut distinct = chars.clone();
    distinct.sort_unstable();
    distinct.dedup();
    let provinces = chars.len() >= 3
        && distinct.len() == chars.len()
        && chars.iter().all(|c| PROVINCES.contains_key(c));
    provinces || (chars.len() >= 3 && cities_of_one_province(&chars))
}

/// Prefecture-level cities by each character of their names without suffix, with their
/// province: 长 and 沙 of 长沙 both stand for 长沙 in a compound (长株潭, 苏锡常 use either).
static CITY_CHARS: LazyLock<FxHashMap<char, Vec<(&'static str, &'static str)>>> =
    LazyLock::new(|| {
        let mut map: FxHashMap<char, Vec<(&str, &str)>> = FxHashMap::default();
        for p in TABLES.places.iter().filter(|p| p.level == Level::City) {
            for c in p.zh_short.chars() {
                map.entry(c)
                    .or_default()
                    .push((p.zh.as_str(), p.province.as_str()));
            }
        }
        map
    });

/// Words after a compound of cities that make one name of an area with it (长株潭都市圈), and
/// the word before that may open it (环长株潭城市群).
const AREA_WORDS: &[&str] = &["都市圈", "城市群", "经济圈"];

/// A compound's span, with the area word after it and the 环 before that, if any.
fn with_area_word(text: &str, span: Range<usize>) -> Range<usize> {
    let Some(word) = AREA_WORDS.iter().find(|w| text[span.end..].starts_with(*w)) else {
        return span;
    };
    let start = if text[..span.start].ends_with('环') {
        span.start - '环'.len_utf8()
    } else {
        span.start
    };
    start..span.end + word.len()
}

/// Whether `span` cuts a word of jieba's dictionary or holds one it does not tag as a proper
/// noun (苏锡常 is in it as a name, a stray entry).
fn holds_or_cuts_a_word(text: &str, span: &Range<usize>, tokens: &[Token]) -> bool {
    let first = tokens.partition_point(|t| t.range.start < span.start);
    let holds_a_common_word = tokens[first..]
        .iter()
        .take_while(|t| t.range.end <= span.end)
        .any(|t| {
            let word = &text[t.range.clone()];
            word.chars().nth(1).is_some()
                && segment::is_word(word)
                && !matches!(t.tag, "ns" | "nr" | "nz" | "j")
        });
    holds_a_common_word || super::learned::cuts_a_word(text, span, tokens)
}

/// Whether `chars` join Hong Kong or Macao (港, 澳) to cities of Guangdong beside them (深港,
/// 珠澳, 穗港澳): the Bay Area's pairs, across the border of a province.
fn bay_area_compound(chars: &[char]) -> bool {
    let (special, cities): (Vec<char>, Vec<char>) =
        chars.iter().partition(|c| "港澳".contains(**c));
    let guangdong = |c: &char| {
        CITY_CHARS
            .get(c)
            .is_some_and(|cities| cities.iter().any(|(_, p)| *p == "广东省"))
    };
    !special.is_empty() && !cities.is_empty() && cities.iter().all(guangdong)
}

/// Whether each of `chars` can stand for a different city of one province.
fn cities_of_one_province(chars: &[char]) -> bool {
    let Some(first) = chars.first().and_then(|c| CITY_CHARS.get(c)) else {
        return false;
    };
    let mut provinces: Vec<&str> = first.iter().map(|(_, p)| *p).collect();
    provinces.dedup();
    provinces.iter().any(|province| {
        let options: Vec<Vec<&str>> = chars
            .iter()
            .map(|c| {
                CITY_CHARS.get(c).map_or_else(Vec::new, |cities| {
                    cities
                        .iter()
                        .filter(|(_, p)| p == province)
                        .map(|(city, _)| *city)
                        .collect()
                })
            })
            .collect();
        distinct_choice(&options, &mut Vec::new())
    })
}

/// Whether one item of each list can be chosen, no two the same (a compound names each city once).
fn distinct_choice<'a>(options: &[Vec<&'a str>], chosen: &mut Vec<&'a str>) -> bool {
    let Some((first, rest)) = options.split_first() else {
        return true;
    };
    first.iter().any(|city| {
        if chosen.contains(city) {
            return false;
        }
        chosen.push(city);
        let found = distinct_choice(rest, chosen);
        chosen.pop();
        found
    })
}

/// The length in bytes of a compound of cities starting `text` (长株潭一体化, 厦漳泉同城化, 广佛同城化):
/// three or four characters — or two before a word of places — each standing for a different
/// city of one province, the compound neither a word of jieba's dictionary nor cutting one
/// (苏锡 of 江苏锡 is no compound: 江苏 is a word), no place of the gazetteer starting in it
/// (上赣州 of 上赣州市场 is 赣州), and no suffix of a place after it (江南镇 is a town).
fn city_compound_at(text: &str, at: usize, words: &Words) -> Option<usize> {
    let in_compound = |c: char| CITY_CHARS.contains_key(&c) || "港澳".contains(c);
    // Asked at every character: most start no run of two, and those are left without a list.
    let mut first_two = text[at..].chars();
    if !first_two.next().is_some_and(in_compound) || !first_two.next().is_some_and(in_compound) {
        return None;
    }
    let run: Vec<(usize, char)> = text[at..]
        .char_indices()
        .take(4)
        .take_while(|(_, c)| in_compound(*c))
        .collect();
    (2..=run.len()).rev().find_map(|n| {
        let len = run
            .get(n)
            .map_or_else(|| run[n - 1].0 + run[n - 1].1.len_utf8(), |(i, _)| *i);
        let (compound, after) = text[at..].split_at(len);
        let chars: Vec<char> = compound.chars().collect();
        // Asked only of pairs (this runs at every character of the text), and by the first
        // character before any word is compared.
        let context = || {
            after
                .chars()
                .next()
                .is_some_and(|c| CONTEXT_FIRSTS.contains(&c))
                && PLACE_CONTEXT.iter().any(|w| after.starts_with(w))
        };
        // 江南镇: the name of one place and its suffix, or one before its suffix.
        let suffix = |c: char| "镇乡村县区市省州旗".contains(c);
        let suffix_after =
            after.starts_with(suffix) || after.starts_with("街道") || compound.ends_with(suffix);
        let distinct = {
            let mut d = chars.clone();
            d.sort_unstable();
            d.dedup();
            d.len() == chars.len()
        };
        (distinct
            && !suffix_after
            && (n >= 3 || context())
            && (cities_of_one_province(&chars) || bay_area_compound(&chars))
            && compound
                .char_indices()
                .all(|(i, _)| super::regions::place_at_start(&text[at + i..]).is_none())
            && !holds_or_cuts_a_word(text, &(at..at + len), words.han()))
        .then_some(len)
    })
}

/// Whether a run of province abbreviations names those provinces together.
/// Two distinctive abbreviations standing alone (京津产业转移, 与港澳的合作): a compound without
/// a word of places after it — unless a word of the dictionary runs into either end (香港澳门:
/// 港澳 of 香港 and 澳门).
fn distinctive_pair(text: &str, run: Range<usize>) -> bool {
    let pair: Vec<char> = text[run.clone()].chars().collect();
    let [first, last] = pair[..] else {
        return false;
    };
    let joined = |a: Option<char>, b: Option<char>| match (a, b) {
        (Some(a), Some(b)) => segment::is_word(&[a, b].iter().collect::<String>()),
        _ => false,
    };
    first != last
        && !EVERYDAY.contains(first)
        && !EVERYDAY.contains(last)
        && !joined(text[..run.start].chars().next_back(), Some(first))
        && !joined(Some(last), text[run.end..].chars().next())
}

fn province_compound(run: &str, after: &str) -> bool {
    let n = run.chars().count();
    let mut seen: Vec<char> = run.chars().collect();
    seen.sort_unstable();
    seen.dedup();
    let distinctive = run.chars().filter(|c| !EVERYDAY.contains(*c)).count();
    let context = PLACE_CONTEXT.iter().any(|w| after.starts_with(w))
        || !after.chars().next().is_some_and(is_han);
    seen.len() == n
        && n <= 6
        && ((distinctive >= 2 && (n >= 3 || context)) || (n >= 2 && context && distinctive >= 1))
}

/// 中 and one to three country abbreviations, followed by a word of relations (中法关系,
/// 中日韩合作): each character a mention of its country.
fn countries_beside_china(text: &str, at: usize, out: &mut Vec<Candidate>) {
    // 中 and what follows it: at most three abbreviations and the word after them.
    let from: Vec<(usize, char)> = text[at..]
        .char_indices()
        .take(5)
        .map(|(i, c)| (at + i, c))
        .collect();
    let most = from[1..]
        .iter()
        .take(3)
        .take_while(|(_, c)| COUNTRIES_BY_FIRST.contains_key(c))
        .count();
    // The longest run followed by a word of relations (关 in 中法关系 starts 关岛 too).
    let Some(others) = (1..=most).rev().find(|&n| {
        let end = from.get(n + 1).map_or(text.len(), |(at, _)| *at);
        PLACE_CONTEXT.iter().any(|w| text[end..].starts_with(w))
    }) else {
        return;
    };
    // Resolved only now: an ambiguous character searches the document for the country.
    let Some(codes) = from[1..=others]
        .iter()
        .map(|(_, c)| country_of(*c, text))
        .collect::<Option<Vec<&str>>>()
    else {
        return;
    };
    let codes = std::iter::once("CHN").chain(codes);
    for (&(at, c), code) in from.iter().zip(codes) {
        if let Some((key, canonical)) = super::regions::place_by_code(code) {
            out.push(Candidate {
                span: at..at + c.len_utf8(),
                label: Label::Region,
                key,
                canonical,
                recognizer: "abbreviations",
            });
        }
    }
}
