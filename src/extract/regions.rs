//! Regions: the gazetteer of Chinese divisions and countries (both languages), and development
//! zones, parks and new areas by pattern.

use super::tables::{Place, TABLES};
use super::tokens::{case_of, last_word_start, Case};
use super::{Candidate, Recognizer};
use crate::corpus::meta::is_han;
use crate::corpus::{Document, Lang};
use crate::model::Label;
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use regex::Regex;
use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

/// Regions and zones in either language.
pub struct Regions;

/// A dictionary of surface forms and the places each may name.
struct Gazetteer {
    matcher: AhoCorasick,
    places_of: Vec<Vec<usize>>,
    /// Whether the form is a single word, which must then be capitalized in English text.
    single_word: Vec<bool>,
}

fn build(forms: HashMap<String, Vec<usize>>, case_insensitive: bool) -> Gazetteer {
    let mut forms: Vec<(String, Vec<usize>)> = forms.into_iter().collect();
    forms.sort();
    let matcher = AhoCorasickBuilder::new()
        .ascii_case_insensitive(case_insensitive)
        .match_kind(MatchKind::LeftmostLongest)
        .start_kind(aho_corasick::StartKind::Both)
        .build(forms.iter().map(|(f, _)| f))
        .unwrap_or_else(|_| {
            AhoCorasick::new(Vec::<String>::new()).expect("empty automaton builds")
        });
    let single_word = forms.iter().map(|(f, _)| !f.contains(' ')).collect();
    Gazetteer {
        matcher,
        places_of: forms.into_iter().map(|(_, p)| p).collect(),
        single_word,
    }
}

static ENGLISH: LazyLock<Gazetteer> = LazyLock::new(|| {
    let mut forms: HashMap<String, Vec<usize>> = HashMap::new();
    for (i, p) in TABLES.places.iter().enumerate() {
        for f in &p.english {
            if f.contains(' ') || p.level.bare_name_used() {
                forms.entry(f.to_ascii_lowercase()).or_default().push(i);
            }
        }
    }
    build(forms, true)
});

static CHINESE: LazyLock<Gazetteer> = LazyLock::new(|| {
    let mut forms: HashMap<String, Vec<usize>> = HashMap::new();
    for (i, p) in TABLES.places.iter().enumerate() {
        if p.zh.chars().count() >= 2 {
            forms.entry(p.zh.clone()).or_default().push(i);
        }
        if p.level.bare_name_used() && p.zh_short.chars().count() >= 2 {
            forms.entry(p.zh_short.clone()).or_default().push(i);
        }
    }
    build(forms, false)
});

/// The last words of a zone's English name.
static ZONE_EN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:high-tech(?: industrial)?(?: development)? zone|new area|(?:economic|free trade|development|pilot|bonded|demonstration|industrial|economic and technological development) zone|industrial park|science(?: and technology)? park|technology park|eco-city|free trade port)(?-u:\b)").expect("static regex")
});

/// Chinese zone suffixes, longest first.
static ZONE_ZH: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"高新技术产业开发区|经济技术开发区|高新区|新区|开发区|自贸区|保税区|工业园区|产业园区|产业园|科创园|园区|商务区|示范区|试验区").expect("static regex")
});

impl Recognizer for Regions {
    fn name(&self) -> &'static str {
        "regions"
    }

    fn handles(&self, _lang: Lang) -> bool {
        true
    }

    fn recognize(&self, doc: &Document, out: &mut Vec<Candidate>) {
        let text = &doc.text;
        let mut found: Vec<(std::ops::Range<usize>, &Vec<usize>)> = Vec::new();
        for (gaz, english) in [(&*ENGLISH, true), (&*CHINESE, false)] {
            for m in gaz.matcher.find_iter(text) {
                let span = m.start()..m.end();
                if english
                    && !english_match_ok(text, &span, gaz.single_word[m.pattern().as_usize()])
                {
                    continue;
                }
                found.push((span, &gaz.places_of[m.pattern().as_usize()]));
            }
        }
        // Places sharing a name: prefer one in a province the document names unambiguously.
        let provinces: HashSet<&str> = found
            .iter()
            .filter(|(_, ps)| ps.len() == 1)
            .map(|(_, ps)| TABLES.places[ps[0]].province.as_str())
            .collect();
        for (span, places) in found {
            let place = choose(places, &provinces);
            out.push(Candidate {
                span,
                label: Label::Region,
                key: format!("region:{}", place.code),
                canonical: place_name(place),
                recognizer: "regions",
            });
        }
        zones_en(text, out);
        zones_zh(text, out);
    }
}

/// Display name of a gazetteer place: English and Chinese ('Tianjin 天津市').
pub(crate) fn place_name(p: &Place) -> String {
    format!("{} {}", p.english.first().map_or("", String::as_str), p.zh)
}

fn choose<'a>(places: &[usize], provinces: &HashSet<&str>) -> &'a Place {
    let all = &TABLES.places;
    places
        .iter()
        .map(|&i| &all[i])
        .min_by_key(|p| {
            (
                !provinces.contains(p.province.as_str()),
                p.level,
                p.code.clone(),
            )
        })
        .unwrap_or(&all[places[0]])
}

fn english_match_ok(text: &str, span: &std::ops::Range<usize>, single_word: bool) -> bool {
    let before = text[..span.start].chars().next_back();
    let after = text[span.end..].chars().next();
    let boundary = |c: Option<char>| c.is_none_or(|c| !c.is_alphanumeric() || is_han(c));
    if !boundary(before) || !boundary(after) || after == Some('-') {
        return false;
    }
    !single_word
        || matches!(
            case_of(&text[span.clone()]),
            Case::Capitalized | Case::Upper | Case::Camel
        )
}

/// 'Qingdao High-tech Zone', 'Tianjin Port Free Trade Zone', 'Sino-Singapore Tianjin Eco-City':
/// the zone words and the capitalized words before them (at least one).
fn zones_en(text: &str, out: &mut Vec<Candidate>) {
    for m in ZONE_EN.find_iter(text) {
        let mut start = m.start();
        let mut modifiers = 0;
        loop {
            let before = &text[..start];
            let trimmed = before.trim_end_matches(' ');
            if trimmed.len() + 1 != before.len() {
                break; // exactly one space between words
            }
            let word_start = last_word_start(trimmed);
            let word = &trimmed[word_start..];
            let capitalized =
                matches!(case_of(word), Case::Capitalized | Case::Upper | Case::Camel);
            if word.is_empty() || !capitalized || STOP_CAPITALS.contains(&word) {
                break;
            }
            start = word_start;
            modifiers += 1;
        }
        if modifiers == 0 {
            continue;
        }
        let name = &text[start..m.end()];
        let key = format!(
            "region:zone:{}",
            name.to_ascii_lowercase().replace(['-', ' '], "")
        );
        out.push(Candidate {
            span: start..m.end(),
            label: Label::Region,
            key,
            canonical: title_case(name),
            recognizer: "regions",
        });
    }
}

/// Capitalized words that start sentences rather than names.
const STOP_CAPITALS: &[&str] = &[
    "The", "A", "An", "In", "At", "On", "Of", "To", "And", "This", "That", "Its", "Our", "Later",
    "Located", "By", "From", "With", "For",
];

fn title_case(name: &str) -> String {
    name.split(' ')
        .map(|w| {
            if w.chars().all(|c| !c.is_ascii_lowercase()) {
                return w.to_string();
            }
            w.split('-')
                .map(|p| {
                    let mut cs = p.chars();
                    cs.next()
                        .map(|c| c.to_ascii_uppercase().to_string() + cs.as_str())
                        .unwrap_or_default()
                })
                .collect::<Vec<_>>()
                .join("-")
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// 天津滨海高新区: a zone suffix after a run of ideographs that begins with a known place.
fn zones_zh(text: &str, out: &mut Vec<Candidate>) {
    for m in ZONE_ZH.find_iter(text) {
        let prefix: Vec<(usize, char)> = text[..m.start()]
            .char_indices()
            .rev()
            .take_while(|(_, c)| is_han(*c))
            .take(8)
            .collect();
        // Try the longest prefix that starts with a gazetteer name.
        let found = prefix.iter().rev().find_map(|&(i, _)| {
            let run = &text[i..m.start()];
            place_at_start(run).map(|_| i)
        });
        if let Some(start) = found {
            let name = &text[start..m.end()];
            out.push(Candidate {
                span: start..m.end(),
                label: Label::Region,
                key: format!("region:zone:{name}"),
                canonical: name.to_string(),
                recognizer: "regions",
            });
        }
    }
}

/// Every name of the gazetteer place behind an entity key ('region:120000' → 天津市, 天津,
/// Tianjin, Tianjin City, …), so the filter finds a place by any of its names.
pub fn gazetteer_aliases(key: &str) -> Vec<String> {
    static BY_CODE: LazyLock<HashMap<&'static str, &'static Place>> =
        LazyLock::new(|| TABLES.places.iter().map(|p| (p.code.as_str(), p)).collect());
    let Some(place) = key
        .strip_prefix("region:")
        .and_then(|code| BY_CODE.get(code))
    else {
        return Vec::new();
    };
    let mut names = vec![place.zh.clone(), place.zh_short.clone()];
    names.extend(place.english.iter().cloned());
    names.dedup();
    names
}

/// Length in bytes of the gazetteer place name that `text` starts with (南开区…), if any.
pub(crate) fn place_at_start(text: &str) -> Option<usize> {
    // Anchored: a search from here on would scan the rest of the document.
    let input = aho_corasick::Input::new(text).anchored(aho_corasick::Anchored::Yes);
    CHINESE.matcher.find(input).map(|m| m.end())
}
