//! Places in English text that the gazetteer cannot list: towns, townships, villages,
//! subdistricts, streets and communities by a pinyin name and their kind (`Dongba Town`,
//! `Jinshan Subdistrict`), and the place and news agency of a dateline (`HARBIN, Sept. 8
//! (Xinhua) --`).

use super::tables::TABLES;
use super::tokens::STOP_CAPITALS;
use super::{Candidate, Recognizer, Words};
use crate::corpus::{Document, Lang};
use crate::model::Label;
use regex::Regex;
use std::sync::LazyLock;

/// Towns and datelines in English text.
pub struct PlacesEn;

/// One or two capitalized words, then the kind of place (in lower case too, as machine
/// translation writes it: `Wulin village`).
static TOWN: LazyLock<Regex> = LazyLock::new(|| {
    // ASCII word boundaries: Unicode ones would need a slower engine.
    Regex::new(r"(?-u:\b)((?:[A-Z][a-z]+(?:['’-][a-z]+)? ){1,2})(Town|Township|Village|Subdistrict|Sub-[Dd]istrict|Street|Community|town|township|village|subdistrict|sub-district|community)(?-u:\b)")
        .expect("static regex")
});

/// Places of one kind listed before their kind in the plural (`Hengcun and Jiangnan towns`,
/// `Fuyang, Tonglu and Chun'an counties`): the names, then the kind.
static LISTED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)((?:[A-Z][a-z]+(?:['’-][a-z]+)?, )*[A-Z][a-z]+(?:['’-][a-z]+)?,? and [A-Z][a-z]+(?:['’-][a-z]+)?) (towns|townships|villages|subdistricts|sub-districts|streets|communities|counties|districts)(?-u:\b)")
        .expect("static regex")
});

/// One run-together capitalized word after a preposition of place ("a farm in Jiansanjiang,").
static AFTER_PREPOSITION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)(?:in|at|near|from) ([A-Z][a-z]{5,})(?-u:\b)").expect("static regex")
});

/// Three-syllable pinyin words that name no place (the common language, the currency), and a
/// district's bare name that is the news agency's.
const NOT_PLACES: &[&str] = &["Putonghua", "Renminbi", "Xinhua"];

/// A capitalized word after a word that places stand after (`in Pudong`, `officials of
/// Yuhang`, `and Nansha`).
static AFTER_A_PLACE_WORD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)(?:in|at|near|from|of|to|and|between|including|visited|visit) ([A-Z][a-z]+(?:['’][a-z]+)?)(?-u:\b)")
        .expect("static regex")
});

/// A capitalized word before `and` (`Pudong and Nansha`); what follows is checked apart.
static BEFORE_AND: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)([A-Z][a-z]+(?:['’][a-z]+)?) and ").expect("static regex")
});

/// An autonomous division with its nationalities written out ('Xiangxi Tujia and Miao
/// Autonomous Prefecture', 'Guangxi Zhuang Autonomous Region'): the place's name, then one to
/// three nationalities.
static AUTONOMOUS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)([A-Z][a-z]+(?:'[a-z]{2,})?) (?:[A-Z][a-z]+(?:, | and | ))*?Autonomous (Prefecture|County|Region|Banner)(?-u:\b)")
        .expect("static regex")
});

/// A division abroad by its name and its kind in lower case, as Xinhua writes them ('Central
/// Java province', 'Banjarnegara regency', 'Kherson oblast').
static DIVISION_ABROAD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)((?:[A-Z][a-z]+ ){1,2})(province|regency|oblast|governorate)(?-u:\b)")
        .expect("static regex")
});

/// A dateline: the place in capitals, a date, the agency in brackets.
static DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?m)^([A-Z][A-Z'’. -]{1,30}[A-Z]), [A-Z][a-z]{2,8}\.? \d{1,2} \(([A-Z][A-Za-z]+)\) ",
    )
    .expect("static regex")
});

impl Recognizer for PlacesEn {
    fn name(&self) -> &'static str {
        "places-en"
    }

    fn handles(&self, lang: Lang) -> bool {
        lang == Lang::En
    }

    fn recognize(&self, doc: &Document, _: &Words, out: &mut Vec<Candidate>) {
        let text: &str = &doc.text;
        for c in TOWN.captures_iter(text) {
            let (Some(all), Some(name)) = (c.get(0), c.get(1)) else {
                continue;
            };
            // A Chinese place name: every word reads as pinyin (not `Main Street`); a first
            // word that does not is left out (`In Guihua Community`, `Near Dongshan Village`).
            let words: Vec<&str> = name.as_str().split_whitespace().collect();
            let is_pinyin = |w: &&str| TABLES.pinyin_syllables(&w.to_ascii_lowercase()).is_some();
            let pinyin = match words.as_slice() {
                [first, second] if !is_pinyin(first) => {
                    is_pinyin(second).then(|| name.start() + first.len() + 1)
                }
                _ => words.iter().all(is_pinyin).then_some(name.start()),
            };
            if let Some(start) = pinyin {
                let span = start..all.end();
                out.push(candidate(span.clone(), &text[span], Label::Region));
            }
        }
        for c in LISTED.captures_iter(text) {
            if let (Some(names), Some(kind)) = (c.get(1), c.get(2)) {
                listed_places(text, names.range(), kind.as_str(), out);
            }
        }
        for c in AFTER_PREPOSITION.captures_iter(text) {
            if let Some(word) = c.get(1) {
                if unlisted_place(text, word.range()) {
                    let mut c = candidate(word.range(), word.as_str(), Label::Region);
                    // A district's or county's bare name: the division (Mentougou District).
                    if let Some((key, canonical)) =
                        [" District", " County", " Banner"].iter().find_map(|kind| {
                            super::regions::english_place(&format!("{}{kind}", word.as_str()))
                        })
                    {
                        (c.key, c.canonical) = (key, canonical);
                    }
                    out.push(c);
                }
            }
        }
        let after_a_place_word = AFTER_A_PLACE_WORD
            .captures_iter(text)
            .filter_map(|c| c.get(1));
        let before_and = BEFORE_AND.captures_iter(text).filter_map(|c| {
            let next = text[c.get(0)?.end()..].chars().next();
            c.get(1)
                .filter(|_| next.is_some_and(|n| n.is_ascii_uppercase()))
        });
        for word in after_a_place_word.chain(before_and) {
            if let Some((key, canonical)) = division_by_bare_name(text, word.range()) {
                out.push(Candidate {
                    key,
                    canonical,
                    ..candidate(word.range(), word.as_str(), Label::Region)
                });
            }
        }
        for c in AUTONOMOUS.captures_iter(text) {
            if let (Some(all), Some(name), Some(kind)) = (c.get(0), c.get(1), c.get(2)) {
                let formal = format!("{} Autonomous {}", name.as_str(), kind.as_str());
                if let Some((key, canonical)) = super::regions::english_place(&formal) {
                    out.push(Candidate {
                        key,
                        canonical,
                        ..candidate(all.range(), all.as_str(), Label::Region)
                    });
                }
            }
        }
        for c in DIVISION_ABROAD.captures_iter(text) {
            let (Some(all), Some(name)) = (c.get(0), c.get(1)) else {
                continue;
            };
            // A sentence's first word is no name's ('In Central Java province': Central Java).
            let start = match name.as_str().split_once(' ') {
                Some((first, rest)) if !rest.is_empty() && STOP_CAPITALS.contains(&first) => {
                    name.start() + first.len() + 1
                }
                _ => name.start(),
            };
            // The gazetteer's provinces are its own ('Hunan province'); 'The province' none.
            let own = text[start..name.end()].trim_end();
            if !STOP_CAPITALS.contains(&own)
                && super::regions::english_place(own).is_none()
                && !super::regions::is_place_word(&own.to_ascii_lowercase())
            {
                out.push(candidate(
                    start..all.end(),
                    &text[start..all.end()],
                    Label::Region,
                ));
            }
        }
        for c in DATELINE.captures_iter(text) {
            if let (Some(place), Some(agency)) = (c.get(1), c.get(2)) {
                out.push(candidate(
                    place.range(),
                    &title_case(place.as_str()),
                    Label::Region,
                ));
                out.push(candidate(agency.range(), agency.as_str(), Label::Org));
            }
        }
    }
}

/// Each name of a list before a plural kind, where every name reads as pinyin (not `Smith and
/// Jones streets`); a county or district is the gazetteer's where it knows one so named.
fn listed_places(text: &str, names: std::ops::Range<usize>, kind: &str, out: &mut Vec<Candidate>) {
    let is_pinyin = |w: &str| TABLES.pinyin_syllables(&w.to_ascii_lowercase()).is_some();
    let list = &text[names.clone()];
    let items: Vec<(usize, &str)> = list
        .split([',', ' '])
        .scan(0, |at, w| {
            let start = *at;
            *at += w.len() + 1;
            Some((start, w))
        })
        .filter(|(_, w)| !w.is_empty() && *w != "and")
        .collect();
    if !items.iter().all(|(_, w)| is_pinyin(w)) {
        return;
    }
    let singular = match kind.strip_suffix("ies") {
        Some(stem) => format!("{stem}y"),
        None => kind.trim_end_matches('s').to_string(),
    };
    let kind = singular[..1].to_uppercase() + &singular[1..];
    for (at, name) in items {
        let span = names.start + at..names.start + at + name.len();
        // Keyed as the place written out would be (Hengcun Town, Tonglu County).
        out.push(candidate(span, &format!("{name} {kind}"), Label::Region));
    }
}

/// The district, county or new area the word at `span` names by its bare name (Pudong of
/// Pudong New Area, Yuhang of Yuhang District): two pinyin syllables or more, standing alone —
/// no capitalized word right before or after it (a person's name), no possessive.
fn division_by_bare_name(text: &str, span: std::ops::Range<usize>) -> Option<(String, String)> {
    let word = &text[span.clone()];
    let rest = &text[span.end..];
    let capitalized_after = rest
        .strip_prefix(' ')
        .is_some_and(|r| r.starts_with(|c: char| c.is_ascii_uppercase()));
    let before = text[..span.start].trim_end_matches(' ');
    let capitalized_before = before[super::tokens::last_word_start(before)..]
        .starts_with(|c: char| c.is_ascii_uppercase());
    if capitalized_after
        || capitalized_before
        || rest.starts_with(['\'', '’', '-'])
        || NOT_PLACES.contains(&word)
    {
        return None;
    }
    let syllables = TABLES
        .pinyin_syllables(&word.to_ascii_lowercase())
        .map_or(0, |s| s.len());
    if syllables < 2 {
        return None;
    }
    [" District", " County", " New Area"]
        .iter()
        .find_map(|kind| super::regions::english_place(&format!("{word}{kind}")))
}

/// Whether the word at `span`, after a preposition of place, is a place the tables do not list:
/// three pinyin syllables run together (names of people run two together at most), standing
/// alone — no possessive, no capitalized word after it (Jiansanjiang, not Xinhua's or
/// Jiansanjiang Farm, which other recognizers read).
fn unlisted_place(text: &str, span: std::ops::Range<usize>) -> bool {
    let word = &text[span.clone()];
    let rest = &text[span.end..];
    let next_word_capitalized = rest
        .strip_prefix(' ')
        .is_some_and(|r| r.starts_with(|c: char| c.is_ascii_uppercase()));
    !rest.starts_with(['\'', '’', '-'])
        && !next_word_capitalized
        && !NOT_PLACES.contains(&word)
        && TABLES
            .pinyin_syllables(&word.to_ascii_lowercase())
            .is_some_and(|s| s.len() == 3)
}

fn candidate(span: std::ops::Range<usize>, name: &str, label: Label) -> Candidate {
    let (key, canonical) = match label {
        Label::Region => super::regions::english_place(name).unwrap_or_else(|| {
            (
                format!("region:en:{}", name.to_lowercase()),
                name.to_string(),
            )
        }),
        _ => (format!("org:{}", name.to_lowercase()), name.to_string()),
    };
    Candidate {
        span,
        label,
        key,
        canonical,
        recognizer: "places-en",
    }
}

/// `HONG KONG` → `Hong Kong`.
fn title_case(upper: &str) -> String {
    upper
        .split(' ')
        .map(|w| {
            let mut cs = w.chars();
            cs.next()
                .map(|c| c.to_string() + &cs.as_str().to_lowercase())
                .unwrap_or_default()
        })
        .collect::<Vec<_>>()
        .join(" ")
}
