//! Linking within a document: a given name alone joins the full name it belongs to, a familiar
//! form (老贾) its person, short forms (`short_forms`) their full names; generic bodies stay
//! in their document.

/// The names linking records as a mention's source.
pub(crate) const SOURCES: &[&str] = &[
    "link-abbreviation",
    "link-company",
    "link-zone",
    "link-familiar",
    "link-place",
    "link-acronym",
];

use super::{overlaps, short_forms, Candidate};
use crate::corpus::Document;
use crate::model::Label;
use aho_corasick::AhoCorasick;
use std::collections::{BTreeMap, HashMap};

/// Applies both links to the resolved candidates of one document.
pub fn link(doc: &Document, mentions: &mut Vec<Candidate>) {
    given_names(mentions);
    familiar_names(doc, mentions);
    short_forms::abbreviations(doc, mentions);
    short_forms::company_short_names(doc, mentions);
    short_forms::zone_short_names(doc, mentions);
    short_forms::place_short_names(doc, mentions);
    short_forms::acronyms(doc, mentions);
    generic_bodies_stay_in_document(doc, mentions);
}

/// Words an organization's name can be made of without naming any particular one ('the
/// District Party Committee', 'Municipal Bureau of Commerce').
const GENERIC_WORDS: &[&str] = &[
    "the",
    "of",
    "and",
    "for",
    "municipal",
    "district",
    "county",
    "provincial",
    "city",
    "town",
    "township",
    "village",
    "party",
    "cpc",
    "committee",
    "standing",
    "working",
    "government",
    "people's",
    "bureau",
    "commission",
    "department",
    "office",
    "general",
    "administration",
    "management",
    "congress",
    "development",
    "reform",
    "commerce",
    "affairs",
    "civil",
    "finance",
    "education",
    "science",
    "technology",
    "industry",
    "information",
    "housing",
    "urban-rural",
    "construction",
    "transport",
    "culture",
    "tourism",
    "health",
    "agriculture",
    "rural",
    "resources",
    "natural",
    "ecology",
    "environment",
    "public",
    "security",
    "justice",
    "water",
    "emergency",
    "market",
    "supervision",
    "regulation",
    "statistics",
    "audit",
    "discipline",
    "inspection",
    "organization",
    "propaganda",
    "united",
    "front",
    "area",
    "zone",
    "new",
];

/// 'municipal Party committee' → 'Municipal Party Committee' (small words stay small,
/// acronyms as they are).
fn title_case(name: &str) -> String {
    name.split_whitespace()
        .map(|w| match w.to_ascii_lowercase().as_str() {
            _ if w.len() > 1 && w.bytes().all(|b| b.is_ascii_uppercase()) => w.to_string(),
            small @ ("the" | "of" | "and" | "for") => small.to_string(),
            lower => {
                let mut cs = lower.chars();
                cs.next()
                    .map(|c| c.to_ascii_uppercase().to_string() + cs.as_str())
                    .unwrap_or_default()
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Administrative levels a Chinese body's name may start with instead of a place (市科技局,
/// 区委): the city's or district's of the article, whichever that is.
const LEVEL_CHARS: &str = "市区县省镇乡村";

/// An organization named only by kind and level ('the District Party Committee', 市科技局) is a
/// different body in every article: it is linked within its document, never across the corpus.
fn generic_bodies_stay_in_document(doc: &Document, mentions: &mut [Candidate]) {
    // The document by its text, not its id: extraction results are cached by content.
    let mut this_document = None;
    for m in mentions.iter_mut().filter(|m| m.label == Label::Org) {
        let name = &m.canonical;
        let generic = if name.is_ascii() {
            name.split_whitespace()
                .all(|w| GENERIC_WORDS.contains(&w.to_ascii_lowercase().as_str()))
        } else {
            name.starts_with(|c| LEVEL_CHARS.contains(c)) && name.chars().count() <= 8
        };
        if generic {
            if name.is_ascii() {
                // One spelling for the kind everywhere ('municipal Party Committee' in one
                // article, 'Municipal Party Committee' in another).
                m.canonical = title_case(name);
            }
            let id = this_document
                .get_or_insert_with(|| xxhash_rust::xxh3::xxh3_64(doc.text.as_bytes()));
            m.key = format!("{}@{id:016x}", m.key);
        }
    }
}

/// 'hong zhong' read as surname Hong + given Zhong, in a document that names Li Hongzhong, is
/// Li Hongzhong.
fn given_names(mentions: &mut [Candidate]) {
    let mut full_by_given: HashMap<String, (String, String)> = HashMap::new();
    for m in mentions.iter() {
        if let Some((_, given)) = m
            .key
            .strip_prefix("person:")
            .and_then(|k| k.split_once('|'))
        {
            if given.len() > 3 {
                full_by_given
                    .entry(given.to_string())
                    .or_insert((m.key.clone(), m.canonical.clone()));
            }
        }
    }
    for m in mentions.iter_mut() {
        let Some((surname, given)) = m
            .key
            .strip_prefix("person:")
            .and_then(|k| k.split_once('|'))
        else {
            continue;
        };
        if let Some((key, canonical)) = full_by_given.get(&format!("{surname}{given}")) {
            m.key = key.clone();
            m.canonical = canonical.clone();
        }
    }
}

/// What may follow a surname standing alone for a person named in full earlier (刘说, 熊师傅).
const AFTER_SURNAME: &[&str] = &[
    "说", "表示", "指出", "强调", "介绍", "认为", "师傅", "老师", "同志",
];

/// A Chinese person called by the surname alone — familiarly (老贾, 小孔), or before a speech
/// verb or a form of address (刘说, 熊师傅) — where the document names exactly one person of that
/// surname in full; the familiar forms are a person of their own name where it names two.
pub(super) fn familiar_names(doc: &Document, mentions: &mut Vec<Candidate>) {
    let text: &str = &doc.text;
    let mut by_surname: BTreeMap<char, Option<(String, String)>> = BTreeMap::new();
    // People named by surname and kinship (贾师傅) or familiarly (老贾, linked by a first
    // pass) are the surname's, not other persons of it.
    let by_surname_alone = |m: &Candidate| matches!(m.recognizer, "persons-kin" | "link-familiar");
    for m in mentions
        .iter()
        .filter(|m| m.label == Label::Person && !by_surname_alone(m))
    {
        let name = &text[m.span.clone()];
        let n = name.chars().count();
        if !(2..=4).contains(&n) || !name.chars().all(crate::corpus::meta::is_han) {
            continue;
        }
        let Some(surname) = name.chars().next() else {
            continue;
        };
        let entity = Some((m.key.clone(), m.canonical.clone()));
        by_surname
            .entry(surname)
            .and_modify(|e| {
                if e.as_ref().map(|e| &e.0) != entity.as_ref().map(|e| &e.0) {
                    *e = None; // two people of one surname: a surname alone is ambiguous
                }
            })
            .or_insert(entity);
    }
    // 贾师傅 is 贾永福 where he is the one 贾 named in full. Where the learned model found a
    // second 贾 after a first pass linked these, 老贾 and 贾师傅 are of their own names and
    // 贾 alone (贾说) is nobody in particular.
    let mut ambiguous_surnames = Vec::new();
    for (k, m) in mentions
        .iter_mut()
        .enumerate()
        .filter(|(_, m)| by_surname_alone(m))
    {
        let surface = &text[m.span.clone()];
        let familiar = m.recognizer == "link-familiar" && surface.starts_with(['老', '小']);
        let surname = if familiar {
            surface.chars().nth(1)
        } else {
            surface.chars().next()
        };
        match surname.and_then(|c| by_surname.get(&c)) {
            Some(Some((key, canonical))) => (m.key, m.canonical) = (key.clone(), canonical.clone()),
            Some(None) if familiar || m.recognizer == "persons-kin" => {
                (m.key, m.canonical) = (super::name_key::pinyin_key(surface), surface.to_string());
            }
            Some(None) => ambiguous_surnames.push(k),
            None => {}
        }
    }
    let mut index = 0;
    mentions.retain(|_| {
        index += 1;
        // Pushed in order: a binary search, so a dense document stays linear.
        ambiguous_surnames.binary_search(&(index - 1)).is_err()
    });
    let mut shorts = Vec::new();
    for (surname, entity) in &by_surname {
        for prefix in ['老', '小'] {
            let short = format!("{prefix}{surname}");
            // Two people of the surname: 小覃 is still a person, of its own name.
            let (key, canonical) = match entity {
                Some((key, canonical)) => (key.clone(), canonical.clone()),
                None => (super::name_key::pinyin_key(&short), short.clone()),
            };
            shorts.push((short, key, canonical));
        }
    }
    // One pass over the text for every surname, so dense text stays linear; none where no
    // surname stands for one person (an English article).
    let alone: rustc_hash::FxHashMap<char, &(String, String)> = by_surname
        .iter()
        .filter_map(|(c, e)| Some((*c, e.as_ref()?)))
        .collect();
    let mut taken: BTreeMap<usize, usize> = mentions
        .iter()
        .map(|m| (m.span.start, m.span.end))
        .collect();
    let mut before = None;
    for (start, c) in text.char_indices().take_while(|_| !alone.is_empty()) {
        let after_han = before.is_some_and(crate::corpus::meta::is_han);
        before = Some(c);
        let Some((key, canonical)) = alone.get(&c) else {
            continue;
        };
        let span = start..start + c.len_utf8();
        if after_han
            || !AFTER_SURNAME
                .iter()
                .any(|w| text[span.end..].starts_with(w))
            || overlaps(&taken, &span)
            || doc.in_chrome(&span)
        {
            continue;
        }
        taken.insert(span.start, span.end);
        mentions.push(Candidate {
            span,
            label: Label::Person,
            key: key.clone(),
            canonical: canonical.clone(),
            recognizer: "link-familiar",
        });
    }
    link_short_forms(
        doc,
        mentions,
        shorts,
        Label::Person,
        "link-familiar",
        |_| true,
    );
}

/// Adds a mention for every free occurrence (not overlapping a mention, not in chrome, and for
/// Latin script at word boundaries) of each (short form, key, canonical name). Earlier short
/// forms claim their occurrences first. One pass over the text finds every short form's
/// occurrences, so the time stays linear however many short forms a long document defines.
pub(super) fn link_short_forms(
    doc: &Document,
    mentions: &mut Vec<Candidate>,
    shorts: Vec<(String, String, String)>,
    label: Label,
    recognizer: &'static str,
    accept: impl Fn(&std::ops::Range<usize>) -> bool,
) {
    if shorts.is_empty() {
        return;
    }
    let text: &str = &doc.text;
    // Built for each document: an NFA builds far faster than a DFA (see `every_occurrence`).
    let Ok(matcher) = AhoCorasick::builder()
        .kind(Some(aho_corasick::AhoCorasickKind::ContiguousNFA))
        .build(shorts.iter().map(|(s, ..)| s.as_str()))
    else {
        return; // too many patterns for the automaton's limits: no short forms linked
    };
    // (short form, start) in the order the short forms were defined, then by position.
    let mut found: Vec<(usize, usize)> = matcher
        .find_overlapping_iter(text)
        .map(|m| (m.pattern().as_usize(), m.start()))
        .collect();
    found.sort_unstable();
    let mut taken: BTreeMap<usize, usize> = mentions
        .iter()
        .map(|m| (m.span.start, m.span.end))
        .collect();
    for (index, start) in found {
        let (short, key, canonical) = &shorts[index];
        let span = start..start + short.len();
        let word = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphanumeric());
        if short.is_ascii()
            && (word(text[..start].chars().next_back()) || word(text[span.end..].chars().next()))
        {
            continue;
        }
        if overlaps(&taken, &span) || doc.in_chrome(&span) || !accept(&span) {
            continue;
        }
        taken.insert(span.start, span.end);
        mentions.push(Candidate {
            span,
            label: label.clone(),
            key: key.clone(),
            canonical: canonical.clone(),
            recognizer,
        });
    }
}
