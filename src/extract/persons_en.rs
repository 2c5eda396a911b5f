//! Romanized Chinese person names in English text, and other names found by title cues.

use super::tables::{Tables, TABLES};
use super::tokens::{case_of, cue_after, title_before, words, Case, Word, STOP_CAPITALS};
use super::{Candidate, Recognizer, Words};
use crate::corpus::{Document, Lang};
use crate::model::Label;
use std::collections::{BTreeMap, HashMap, HashSet};

/// Person names in English text (machine-translated Chinese names in all their disguises).
pub struct PersonsEn;

/// How sure a reading is before its context is weighed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Strength {
    /// Accepted only with a cue: a title before, a speech verb after, or a strong name beside it.
    Weak,
    Strong,
}

struct Reading {
    start: usize,
    end: usize,
    surname: String,
    given: Vec<String>,
    strength: Strength,
}

impl Recognizer for PersonsEn {
    fn name(&self) -> &'static str {
        "persons-en"
    }

    fn handles(&self, lang: Lang) -> bool {
        lang == Lang::En
    }

    fn recognize(&self, doc: &Document, _: &Words, out: &mut Vec<Candidate>) {
        let text: &str = &doc.text;
        let ws = words(text);
        let t = &*TABLES;
        let ours = out.len();
        let readings: Vec<Reading> = (0..ws.len())
            .filter_map(|i| read_name(t, text, &ws, i))
            .collect();

        // Accept strong readings and weak ones with a cue; a weak one next to an accepted one
        // (", " or " and " between) is accepted in a second round: lists of officials.
        let mut accepted: Vec<bool> = readings
            .iter()
            .map(|r| {
                r.strength == Strength::Strong
                    || title_before(text, r.start)
                    || cue_after(text, r.end)
            })
            .collect();
        for _ in 0..2 {
            for i in 0..readings.len() {
                if accepted[i] {
                    continue;
                }
                let near = |j: usize| {
                    accepted[j] && {
                        let (a, b) = if j < i {
                            (&readings[j], &readings[i])
                        } else {
                            (&readings[i], &readings[j])
                        };
                        a.end <= b.start
                            && matches!(&text[a.end..b.start], ", " | "," | " and " | "、")
                    }
                };
                accepted[i] = (i > 0 && near(i - 1)) || (i + 1 < readings.len() && near(i + 1));
            }
        }
        // Another spelling of a name already read ('li wenjun' after 'Li Wenjun') is that name.
        let known: HashSet<String> = readings
            .iter()
            .zip(&accepted)
            .filter(|(_, &a)| a)
            .map(|(r, _)| identity(&r.surname, &r.given).0)
            .collect();
        for (r, a) in readings.iter().zip(accepted.iter_mut()) {
            *a = *a || known.contains(&identity(&r.surname, &r.given).0);
        }
        let mut by_surname: HashMap<String, Vec<(usize, String, String)>> = HashMap::new();
        let mut last_end = 0;
        for (r, _) in readings.iter().zip(&accepted).filter(|(_, &a)| a) {
            if r.start < last_end {
                continue; // overlapping readings: the first one stands
            }
            last_end = r.end;
            let (key, canonical) = identity(&r.surname, &r.given);
            by_surname.entry(r.surname.clone()).or_default().push((
                r.start,
                key.clone(),
                canonical.clone(),
            ));
            out.push(person(r.start..r.end, key, canonical));
        }
        surname_back_references(text, &ws, &by_surname, ours, out);
        titled_foreign_names(t, text, &ws, out);
    }
}

fn person(span: std::ops::Range<usize>, key: String, canonical: String) -> Candidate {
    Candidate {
        span,
        label: Label::Person,
        key,
        canonical,
        recognizer: "persons-en",
    }
}

/// Key and display name of a romanized name: surname first, given name joined ('Liao Guoxun').
pub(crate) fn identity(surname: &str, given: &[String]) -> (String, String) {
    let given_joined: String = given.concat();
    // 'Lv' and 'Lu' both write 吕 (ü); Chinese names are keyed with u too.
    let key = format!(
        "person:{}|{}",
        surname.replace('v', "u"),
        given_joined.replace('v', "u")
    );
    (
        key,
        format!("{} {}", capitalize(surname), capitalize(&given_joined)),
    )
}

fn capitalize(s: &str) -> String {
    let mut cs = s.chars();
    cs.next()
        .map(|c| c.to_uppercase().chain(cs).collect())
        .unwrap_or_default()
}

/// Reads a name starting at word `i`: run-together ('YanLianGang'), surname first
/// ('Lian Maojun', 'xi jinping', 'CAI Jiang') or given name first ('guo-xun liao').
fn read_name(t: &Tables, text: &str, ws: &[Word], i: usize) -> Option<Reading> {
    let a = ws[i];
    if case_of(a.text) == Case::Camel {
        return read_camel(t, a);
    }
    let b = *ws.get(i + 1)?;
    if &text[a.end..b.start] != " " {
        return None;
    }
    // Every reading has a surname in one of the two words: most word pairs are ruled out here,
    // without allocating (this runs for every word of every English article).
    let (mut a_buf, mut b_buf) = ([0; 32], [0; 32]);
    let surname = |word: &str, buf: &mut [u8; 32]| {
        lower_in(word, buf).is_some_and(|w| {
            let w = w.trim_end_matches("’s").trim_end_matches("'s");
            t.surnames_roman.contains(w)
        })
    };
    if !surname(a.text, &mut a_buf) && !surname(b.text, &mut b_buf) {
        return None;
    }
    let (ca, cb) = (case_of(a.text), case_of(b.text));
    let a_lower = a.text.to_ascii_lowercase();
    let b_lower = b.text.to_ascii_lowercase();
    let b_lower = b_lower.trim_end_matches("’s").trim_end_matches("'s");
    let b_end = b.start + b_lower.len();

    // A spelling that is not pinyin ('To', 'Man') counts only when capitalized.
    let known = if ca == Case::Lower {
        &t.surnames_pinyin
    } else {
        &t.surnames_roman
    };
    // A place with a name like a person's (Hong Kong) is the place.
    if super::regions::english_place(&text[a.start..b_end]).is_some() {
        return None;
    }
    if known.contains(&a_lower) {
        if let Some(given) = t.pinyin_syllables(b_lower).filter(|g| g.len() <= 2) {
            let strength = match (ca, cb) {
                (Case::Capitalized | Case::Upper, Case::Capitalized) => Strength::Strong,
                (Case::Upper, Case::Lower) => Strength::Strong,
                _ => Strength::Weak,
            };
            return Some(Reading {
                start: a.start,
                end: b_end,
                surname: a_lower,
                given,
                strength,
            });
        }
    }
    // Given name first, as older translations write it ('Qichen Qian'): two capitalized words,
    // the first a two-syllable given name and no surname; needs a cue like any weak reading.
    if ca == Case::Capitalized
        && cb == Case::Capitalized
        && !t.surnames_roman.contains(&a_lower)
        && t.surnames_roman.contains(b_lower)
    {
        if let Some(given) = t.pinyin_syllables(&a_lower).filter(|g| g.len() == 2) {
            return Some(Reading {
                start: a.start,
                end: b_end,
                surname: b_lower.to_string(),
                given,
                strength: Strength::Weak,
            });
        }
    }
    // Given name first in lower case ('xiaoyun luo'): taken only where the document names the
    // same person surname first, or with a cue.
    if ca == Case::Lower
        && cb == Case::Lower
        && !a.text.contains('-')
        && t.surnames_pinyin.contains(b_lower)
    {
        if let Some(given) = t.pinyin_syllables(&a_lower).filter(|g| g.len() == 2) {
            return Some(Reading {
                start: a.start,
                end: b_end,
                surname: b_lower.to_string(),
                given,
                strength: Strength::Weak,
            });
        }
    }
    // Given name first and hyphenated ('guo-xun liao'), a form English words do not take.
    if a.text.contains('-') && t.surnames_roman.contains(b_lower) {
        if let Some(given) = t.pinyin_syllables(&a_lower).filter(|g| g.len() == 2) {
            let strength = if ca == cb {
                Strength::Strong
            } else {
                Strength::Weak
            };
            return Some(Reading {
                start: a.start,
                end: b_end,
                surname: b_lower.to_string(),
                given,
                strength,
            });
        }
    }
    None
}

/// `word` in ASCII lower case, written into `buf`, if it fits (surnames are short).
fn lower_in<'b>(word: &str, buf: &'b mut [u8; 32]) -> Option<&'b str> {
    let out = buf.get_mut(..word.len())?;
    out.copy_from_slice(word.as_bytes());
    out.make_ascii_lowercase();
    std::str::from_utf8(out).ok()
}

fn read_camel(t: &Tables, w: Word) -> Option<Reading> {
    let mut parts: Vec<String> = Vec::new();
    for c in w.text.chars() {
        if c.is_ascii_uppercase() || parts.is_empty() {
            parts.push(String::new());
        }
        parts.last_mut()?.push(c.to_ascii_lowercase());
    }
    let (surname, given_parts) = parts.split_first()?;
    if !(1..=2).contains(&given_parts.len()) || !t.surnames_roman.contains(surname) {
        return None;
    }
    let given: Option<Vec<String>> = given_parts
        .iter()
        .map(|p| t.syllables.contains(p).then(|| p.clone()))
        .collect();
    Some(Reading {
        start: w.start,
        end: w.end,
        surname: surname.clone(),
        given: given?,
        strength: Strength::Strong,
    })
}

/// 'Liao stressed', 'Secretary Liao': a capitalized surname alone, with a cue, after a full name
/// with that surname earlier in the document (and only one such name, or it is ambiguous).
fn surname_back_references(
    text: &str,
    ws: &[Word],
    by_surname: &HashMap<String, Vec<(usize, String, String)>>,
    ours: usize,
    out: &mut Vec<Candidate>,
) {
    // Per surname: the first full name, and where a name with another key first appears (from
    // there on the surname alone is ambiguous). Names are listed in text order.
    let firsts: HashMap<&str, (&(usize, String, String), usize)> = by_surname
        .iter()
        .filter_map(|(surname, names)| {
            let first = names.first()?;
            let ambiguous_from = names
                .iter()
                .find(|(_, k, _)| *k != first.1)
                .map_or(usize::MAX, |(at, ..)| *at);
            Some((surname.as_str(), (first, ambiguous_from)))
        })
        .collect();
    // The full names read above (`out[ours..]`) are disjoint.
    let taken: BTreeMap<usize, usize> = out[ours..]
        .iter()
        .map(|c| (c.span.start, c.span.end))
        .collect();
    let mut lower = [0; 32];
    for w in ws {
        if !matches!(case_of(w.text), Case::Capitalized | Case::Upper) {
            continue;
        }
        let Some(surname) = lower_in(w.text, &mut lower) else {
            continue;
        };
        let Some(&((first_at, key, canonical), ambiguous_from)) = firsts.get(surname) else {
            continue;
        };
        if *first_at >= w.start || ambiguous_from < w.start {
            continue;
        }
        if super::overlaps(&taken, &(w.start..w.end)) {
            continue;
        }
        if cue_after(text, w.end) || title_before(text, w.start) || past_tense_after(text, w.end) {
            out.push(person(w.start..w.end, key.clone(), canonical.clone()));
        }
    }
}

/// Whether the next word is a past-tense verb ('Li listened'): a subject, so a person here.
fn past_tense_after(text: &str, at: usize) -> bool {
    let next = text[at..]
        .strip_prefix(' ')
        .and_then(|r| r.split([' ', ',', '.']).next())
        .unwrap_or("");
    next.len() > 4 && next.ends_with("ed") && case_of(next) == Case::Lower
}

/// Names that are not Chinese, found by capitalization and a title before them ('Mayor John
/// Smith said', 'Prime Minister Anthony Albanese met') or an appositive after them ('Klaus Weber,
/// member of …'); then the last word alone is the same person where it is a subject ('Albanese
/// said').
fn titled_foreign_names(t: &Tables, text: &str, ws: &[Word], out: &mut Vec<Candidate>) {
    const HONORIFICS: &[&str] = &[
        "Mr",
        "Mrs",
        "Ms",
        "Dr",
        "Mayor",
        "President",
        "Minister",
        "Governor",
        "Premier",
        "Professor",
        "Secretary",
        "Executive",
        "Chancellor",
        "Chairman",
        "Chairwoman",
        "Ambassador",
        "Senator",
        "King",
        "Queen",
        "Prince",
        "Envoy",
        "Spokesperson",
    ];
    let mut found: Vec<(usize, usize)> = Vec::new();
    for i in 0..ws.len() {
        let titled = i > 0 && HONORIFICS.contains(&ws[i - 1].text);
        let j = capitalized_run_end(t, text, ws, i);
        let n = j - i;
        if !(2..=3).contains(&n) || found.last().is_some_and(|&(_, end)| end > ws[i].start) {
            continue;
        }
        let (start, end) = (ws[i].start, ws[j - 1].end);
        let next = &text[end..];
        let next_word = next
            .strip_prefix(' ')
            .and_then(|r| r.split([' ', ',', '.']).next());
        let subject = next_word.is_some_and(|w| !w.is_empty() && case_of(w) == Case::Lower);
        let punctuation = next.starts_with([',', '.', ';', ')']) || next.is_empty();
        if (titled && (cue_after(text, end) || punctuation || subject))
            || (!titled && cue_after(text, end) && next.starts_with(','))
        {
            found.push((start, end));
        }
    }
    // Every occurrence of a name found once is the person ('Klaus Weber said').
    let names: Vec<&str> = found.iter().map(|&(s, e)| &text[s..e]).collect();
    let mut last_words: HashMap<String, (String, String)> = HashMap::new();
    for name in &names {
        let key = format!("person:{}", name.to_lowercase());
        let last = name.rsplit(' ').next().unwrap_or(name);
        last_words.insert(last.to_string(), (key, name.to_string()));
    }
    let mut all = Vec::new();
    super::every_occurrence(
        text,
        &names,
        |n| format!("person:{}", n.to_lowercase()),
        "persons-en",
        &mut all,
    );
    let word_char = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphanumeric());
    all.retain(|c| {
        !word_char(text[..c.span.start].chars().next_back())
            && !word_char(text[c.span.end..].chars().next())
    });
    let found: Vec<(usize, usize)> = all.iter().map(|c| (c.span.start, c.span.end)).collect();
    out.extend(all);
    // The last word alone, after the full name, as a subject or after a title.
    let first_at = found.first().map_or(usize::MAX, |&(start, _)| start);
    for (i, w) in ws.iter().enumerate() {
        let Some((key, canonical)) = last_words.get(w.text) else {
            continue;
        };
        if w.start <= first_at || found.iter().any(|&(s, e)| s <= w.start && w.end <= e) {
            continue;
        }
        let next_lower = ws
            .get(i + 1)
            .is_some_and(|n| &text[w.end..n.start] == " " && case_of(n.text) == Case::Lower);
        let titled = i > 0 && HONORIFICS.contains(&ws[i - 1].text);
        if next_lower || titled || cue_after(text, w.end) {
            out.push(person(w.start..w.end, key.clone(), canonical.clone()));
        }
    }
}

/// Words of an organization's or a place's name, which a person's name does not contain.
const NOT_IN_NAMES: &[&str] = &[
    "Committee",
    "Commission",
    "Bureau",
    "Government",
    "Council",
    "Congress",
    "Department",
    "Ministry",
    "Office",
    "Group",
    "Company",
    "Zone",
    "Park",
    "District",
    "County",
    "City",
    "Province",
    "Town",
    "Village",
    "Street",
    "Area",
    "Region",
    "Party",
    "University",
    "Center",
    "Centre",
    "Association",
    "Chamber",
    "Administration",
    "Republic",
    "State",
    "National",
    "International",
    "Municipal",
    "Provincial",
    "People's",
    "Daily",
    "News",
];

/// The end (exclusive word index) of a run of two or three capitalized words starting at `i`
/// that can be a foreign name: not a romanized Chinese name (read by the rules above), not a
/// sentence-opening word, not a place or an organization's words. `i` itself when none.
fn capitalized_run_end(t: &Tables, text: &str, ws: &[Word], i: usize) -> usize {
    let first = ws[i].text;
    if t.surnames_roman.contains(&first.to_ascii_lowercase()) || STOP_CAPITALS.contains(&first) {
        return i;
    }
    let mut j = i;
    while j < ws.len()
        && j < i + 3
        && case_of(ws[j].text) == Case::Capitalized
        && !NOT_IN_NAMES.contains(&ws[j].text)
        && (j == i || &text[ws[j - 1].end..ws[j].start] == " ")
    {
        j += 1;
    }
    if j < i + 2 {
        return i; // one word is no name here
    }
    let name_end = ws[j - 1].end;
    let is_place = super::regions::english_place(&text[ws[i].start..name_end]).is_some()
        || ws[i..j]
            .iter()
            .any(|w| super::regions::is_place_word(&w.text.to_ascii_lowercase()));
    if is_place {
        i
    } else {
        j
    }
}
