//! Short forms linked to the full names a document gives first: abbreviations it defines ('…
//! Zone (THT for short)'), companies without their legal suffix, zones without their kind, a
//! district's bare name, a body's initials.

use super::link::link_short_forms;
use super::Candidate;
use crate::corpus::Document;
use crate::model::Label;
use regex::Regex;
use std::collections::HashSet;
use std::sync::LazyLock;

static ABBREVIATION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"^\s*[(（]\s*(?:hereinafter referred to as |referred to as |简称)?["“]?([A-Z][A-Z0-9]{1,9}|[\p{Han}]{2,6})["”]?(?: for short)?\s*[)）]"#).expect("static regex")
});

/// 佛山市南海区 … 南海要对标深圳: a district or county named in full is named again by its bare
/// name (too ambiguous to take anywhere else), where that stands as a word of its own.
pub(super) fn place_short_names(doc: &Document, mentions: &mut Vec<Candidate>) {
    let text: &str = &doc.text;
    let mut shorts: Vec<(String, String, String)> = Vec::new();
    // Each place once: a district is mentioned many times, and reading its bare name takes jieba.
    let mut seen: rustc_hash::FxHashSet<(&str, &str)> = Default::default();
    let mut add = |key: &str, surface: &str, canonical: &str| {
        if let Some(bare) = super::regions::bare_name_of(key, surface) {
            if !shorts.iter().any(|(s, ..)| s == bare) {
                shorts.push((bare.to_string(), key.to_string(), canonical.to_string()));
            }
        }
    };
    for m in &mentions[..] {
        let surface = &text[m.span.clone()];
        if !seen.insert((m.key.as_str(), surface)) {
            continue;
        }
        match m.label {
            // 平潭综合实验区 … 平潭: a zone named after a county names the county, where no
            // other has that name.
            Label::Region if m.key.starts_with("region:zone:") => {
                let county = super::zones::division_name_len(surface)
                    .filter(|&len| len < surface.len())
                    .and_then(|len| {
                        let bare = &surface[..len];
                        super::counties::only_county_by_bare_name(bare).map(|c| (bare, c))
                    });
                if let Some((bare, (key, canonical))) = county {
                    add(&key, bare, &canonical);
                }
            }
            Label::Region => add(&m.key, surface, &m.canonical),
            // 'the Xinjin District committee of the CPC': the district named inside a body's
            // name (English only; a Chinese body's name reads the district in place).
            Label::Org if surface.is_ascii() => {
                let words: Vec<&str> = surface.split(' ').collect();
                for pair in words.windows(2) {
                    if matches!(pair[1], "District" | "County") {
                        let name = format!("{} {}", pair[0], pair[1]);
                        if let Some((key, canonical)) = super::regions::english_place(&name) {
                            add(&key, &name, &canonical);
                        }
                    }
                }
            }
            // 深圳市福田区委 … 福田将…: likewise a district named inside a Chinese body's name.
            Label::Org => {
                for (key, canonical, name) in super::regions::chinese_places_inside(surface) {
                    add(&key, name, &canonical);
                }
            }
            _ => {}
        }
    }
    // A "person" named just like the district the document names in full is the district (武进
    // of 武进区, which jieba reads as a name).
    mentions.retain(|m| {
        m.label != Label::Person || !shorts.iter().any(|(s, ..)| *s == text[m.span.clone()])
    });
    let stands_alone = |span: &std::ops::Range<usize>| {
        if text[span.clone()].is_ascii() {
            // 'Yuhang Road', 'Yuhang-made': part of a longer name or word.
            let next = text[span.end..].strip_prefix(' ').unwrap_or("");
            let capitalized = next.starts_with(|c: char| c.is_ascii_uppercase());
            return !capitalized && !text[span.end..].starts_with(['-', '\'', '’']);
        }
        // 津南园, 南海路: the start of a park's or a road's name.
        if super::counties::starts_a_longer_name(text, span.end) {
            return false;
        }
        // Read in a few characters of context: 南海 of 东南海岸 is no word of its own.
        let from = text.floor_char_boundary(span.start.saturating_sub(12));
        let to = text.ceil_char_boundary((span.end + 12).min(text.len()));
        let tokens = super::segment::tag(&text[from..to]);
        // jieba may read a preposition into an unknown name (至来安 of 南京至来安).
        let before = text[..span.start].chars().next_back();
        let preposition_start = before
            .filter(|c| "至到在赴从往与和及".contains(*c))
            .map(|c| span.start - c.len_utf8());
        let starts = tokens.iter().any(|t| {
            let start = t.range.start + from;
            start == span.start || Some(start) == preposition_start
        });
        let ends = tokens.iter().any(|t| t.range.end + from == span.end);
        starts && ends
    };
    link_short_forms(
        doc,
        mentions,
        shorts,
        Label::Region,
        "link-place",
        stands_alone,
    );
}

/// 'Food and Agriculture Organization of the United Nations' … 'FAO': an English body's name
/// (before any 'of', or whole) is named again by its initials, the capitalized words' first
/// letters, where they stand as a word in capitals.
pub(super) fn acronyms(doc: &Document, mentions: &mut Vec<Candidate>) {
    let text: &str = &doc.text;
    let mut shorts: Vec<(String, String, String)> = Vec::new();
    for m in mentions.iter().filter(|m| m.label == Label::Org) {
        let name = &text[m.span.clone()];
        if !name.is_ascii() {
            continue;
        }
        let before_of = name.split(" of ").next().unwrap_or(name);
        for part in [before_of, name] {
            let initials: String = part
                .split(' ')
                .filter(|w| w.starts_with(|c: char| c.is_ascii_uppercase()))
                .filter_map(|w| w.chars().next())
                .collect();
            if initials.len() >= 3 && !shorts.iter().any(|(s, ..)| *s == initials) {
                shorts.push((initials, m.key.clone(), m.canonical.clone()));
            }
        }
    }
    let as_a_word = |span: &std::ops::Range<usize>| {
        let letter = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphanumeric());
        !letter(text[..span.start].chars().next_back()) && !letter(text[span.end..].chars().next())
    };
    link_short_forms(doc, mentions, shorts, Label::Org, "link-acronym", as_a_word);
}

pub(super) fn abbreviations(doc: &Document, mentions: &mut Vec<Candidate>) {
    let text: &str = &doc.text;
    for label in [Label::Region, Label::Org] {
        let defined: Vec<(String, String, String)> = mentions
            .iter()
            .filter(|m| m.label == label)
            .filter_map(|m| {
                let c = ABBREVIATION.captures(&text[m.span.end..])?;
                let short = &c[1];
                // A Chinese short form is made of its name's characters (天开园 of 天开高教科创
                // 园), unless called one (简称): 粤港澳（国际）青年 brackets a word of another name.
                let name = &text[m.span.clone()];
                let drawn = short.is_ascii()
                    || c[0].contains("简称")
                    || short.chars().all(|ch| name.contains(ch));
                drawn.then(|| (short.to_string(), m.key.clone(), m.canonical.clone()))
            })
            .collect();
        link_short_forms(doc, mentions, defined, label, "link-abbreviation", |_| true);
    }
}

/// Legal suffixes of company names, longest first: the name without one is the short name
/// the article goes on to use (麒麟软件有限公司 … 麒麟软件).
const COMPANY_SUFFIXES: &[&str] = &[
    "股份有限公司",
    "有限责任公司",
    "集团有限公司",
    "有限公司",
    " Co., Ltd.",
    " Co., Ltd",
    " Co. Ltd.",
    " Corporation",
    " Company",
];

pub(super) fn company_short_names(doc: &Document, mentions: &mut Vec<Candidate>) {
    let text: &str = &doc.text;
    let mut shorts: Vec<(String, String, String)> = Vec::new();
    let mut seen: HashSet<&str> = HashSet::new();
    for m in mentions.iter().filter(|m| m.label == Label::Org) {
        let name = &text[m.span.clone()];
        let Some(stem) = COMPANY_SUFFIXES.iter().find_map(|s| name.strip_suffix(s)) else {
            continue;
        };
        let long_enough = if stem.is_ascii() {
            stem.len() >= 4
        } else {
            stem.chars().count() >= 2
        };
        if long_enough && seen.insert(stem) {
            shorts.push((stem.to_string(), m.key.clone(), m.canonical.clone()));
        }
    }
    link_short_forms(doc, mentions, shorts, Label::Org, "link-company", |_| true);
}

/// 天开高教科创园 … 天开园: a Chinese zone's short name is its first two characters and its
/// last one.
pub(super) fn zone_short_names(doc: &Document, mentions: &mut Vec<Candidate>) {
    let text: &str = &doc.text;
    let mut shorts: Vec<(String, String, String)> = Vec::new();
    let mut seen: HashSet<String> = HashSet::new();
    for m in mentions
        .iter()
        .filter(|m| m.label == Label::Region && m.key.starts_with("region:zone:"))
    {
        let chars: Vec<char> = text[m.span.clone()].chars().collect();
        let han = chars.iter().all(|c| crate::corpus::meta::is_han(*c));
        if chars.len() >= 5 && han && matches!(chars[chars.len() - 1], '园' | '区') {
            let short: String = [chars[0], chars[1], chars[chars.len() - 1]]
                .iter()
                .collect();
            if seen.insert(short.clone()) {
                shorts.push((short, m.key.clone(), m.canonical.clone()));
            }
        }
    }
    link_short_forms(doc, mentions, shorts, Label::Region, "link-zone", |_| true);
}
