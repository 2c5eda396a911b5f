//! English development zones, parks and new areas by their last words (`Qingdao High-tech Zone`,
//! `Longgang Science Park`), and groupings of places joined by hyphens (`Beijing-Tianjin-Hebei`).

use super::regions::is_place_word;
use super::tokens::{case_of, last_word_start, Case, STOP_CAPITALS};
use super::Candidate;
use crate::model::Label;
use regex::Regex;
use std::sync::LazyLock;

/// Capitalized words joined by hyphens ('Beijing-Tianjin-Hebei', 'Sino-German').
static HYPHENATED_EN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)[A-Z][a-z']+(?:-[A-Z][a-z']+)+(?-u:\b)").expect("static regex")
});

/// Places joined by hyphens ('Beijing-Tianjin-Hebei', 'Chengdu-Chongqing'): one region, as a
/// compound of province abbreviations is (京津冀) — not 'Sino-German', nor a compound before
/// a zone's name ('Chengdu-Chongqing Economic Circle' is the zone's) or a facility's ('China-Laos
/// Railway').
pub(super) fn place_compounds_en(text: &str, out: &mut Vec<Candidate>) {
    for m in HYPHENATED_EN.find_iter(text) {
        // 'China-Laos Railway': a facility's name.
        let next_word = text[m.end()..]
            .strip_prefix(' ')
            .and_then(|r| r.split([' ', ',', '.']).next());
        if text[m.end()..].starts_with('-')
            || next_word.is_some_and(|w| super::regions::FACILITIES.contains(&w))
        {
            continue;
        }
        let all_places = m
            .as_str()
            .split('-')
            .all(|part| super::regions::english_place(part).is_some());
        if all_places {
            out.push(Candidate {
                span: m.range(),
                label: Label::Region,
                key: format!("region:abbr:{}", m.as_str().to_ascii_lowercase()),
                canonical: m.as_str().to_string(),
                recognizer: "regions",
            });
        }
    }
}

/// The last words of a zone's English name.
static ZONE_EN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:high-tech(?: industrial)?(?: development)? zone|new area|(?:economic|free trade|development|pilot|bonded|demonstration|industrial|economic and technological development) zone|(?:economic-technological |economic and technological )?development area|industrial park|science(?: and technology)? park|technology park|eco-city|free trade port|river delta|river basin|economic belt|economic circle|bay area|special area|sci-tech city|science city|science and technology city|technology city|metropolitan area|urban agglomeration|golden triangle)(?-u:\b)").expect("static regex")
});

/// 'Qingdao High-tech Zone', 'Tianjin Port Free Trade Zone', 'Sino-Singapore Tianjin Eco-City':
/// the zone words and the capitalized words before them (at least one).
pub(super) fn zones_en(text: &str, out: &mut Vec<Candidate>) {
    let heads = ZONE_EN.find_iter(text).map(|m| (m.range(), true));
    let capitalized_heads = ZONE_HEAD_EN.find_iter(text).map(|m| (m.range(), false));
    for (m, lower_allowed) in heads.chain(capitalized_heads) {
        // 'Park Geun-hye', 'Zone B': a capitalized word after a bare head makes it no zone's.
        let next_capitalized = text[m.end..]
            .strip_prefix(' ')
            .is_some_and(|r| r.starts_with(|c: char| c.is_ascii_uppercase()));
        if !lower_allowed && (next_capitalized || text[m.end..].starts_with('-')) {
            continue;
        }
        if let Some(start) = zone_name_start(text, m.start, lower_allowed) {
            push_zone_en(text, start..m.end, out);
        }
    }
}

/// A capitalized head word that names a zone, park or area after a name in capitals (`Longgang
/// Science Park`, `Sino-German Ecopark`, `Pingshan Comprehensive Reform Zone`, `Northern
/// Metropolis`); lower case it is a common noun.
static ZONE_HEAD_EN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)(?:Zone|Park|Ecopark|Eco-park|Metropolis|Corridor|Valley)(?-u:\b)")
        .expect("static regex")
});

/// Where a zone's name starts before its head words at `head`: the capitalized words (or a
/// place name however written) before them; with `lower_allowed`, up to three lower-case words
/// in between when a place stands before them ('Qingdao green transformation pilot zone').
fn zone_name_start(text: &str, head: usize, lower_allowed: bool) -> Option<usize> {
    let mut start = head; // start of the name accepted so far
    let mut at = head;
    let mut lower_run = 0;
    let mut anchored = false;
    while let Some(before) = text[..at].strip_suffix(' ') {
        // 'China (Shanghai) Pilot Free Trade Zone': a place in brackets is part of the name.
        let ws = match before.strip_suffix(')') {
            Some(inner) if inner[last_word_start(inner)..].len() > 1 => {
                let ws = last_word_start(inner);
                if inner[..ws].ends_with('(') {
                    ws - 1
                } else {
                    last_word_start(before)
                }
            }
            _ => last_word_start(before),
        };
        let word = &before[ws..];
        // 'Wuhan's Optics Valley': the possessor is not part of the name.
        if word.is_empty()
            || STOP_CAPITALS.contains(&word)
            || word.ends_with("'s")
            || word.ends_with("’s")
        {
            break;
        }
        let word = word
            .strip_prefix('(')
            .and_then(|w| w.strip_suffix(')'))
            .unwrap_or(word);
        let capitalized = matches!(case_of(word), Case::Capitalized | Case::Upper | Case::Camel);
        let place = is_place_word(&word.to_ascii_lowercase());
        if lower_run > 0 && !place {
            break; // across lower-case words only a place anchors the name
        }
        if capitalized || place {
            anchored = true;
            start = ws;
            lower_run = 0;
        } else if lower_allowed
            && case_of(word) == Case::Lower
            && lower_run < 3
            && !ZONE_STOP.contains(&word)
        {
            lower_run += 1; // kept only if a place comes before it
        } else {
            break;
        }
        at = ws;
    }
    anchored.then_some(start)
}

fn push_zone_en(text: &str, span: std::ops::Range<usize>, out: &mut Vec<Candidate>) {
    let name = &text[span.clone()];
    let key = format!(
        "region:zone:{}",
        name.to_ascii_lowercase().replace(['-', ' '], "")
    );
    out.push(Candidate {
        span,
        label: Label::Region,
        key,
        canonical: title_case(name),
        recognizer: "regions",
    });
}

/// Lower-case words that end a zone's name on the left ('to build the … zone').
const ZONE_STOP: &[&str] = &[
    "the",
    "a",
    "an",
    "of",
    "in",
    "to",
    "and",
    "for",
    "build",
    "building",
    "this",
    "that",
    "its",
    "our",
    "national",
    "provincial",
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
