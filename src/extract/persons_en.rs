//! Romanized Chinese person names in English text, and other names found by title cues.

use super::tables::{Tables, TABLES};
use super::tokens::{case_of, cue_after, last_word_start, title_before, words, Case, Word};
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
            .filter(|r| !ends_in_a_date(text, r.end))
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
        // Two-syllable given names, for the person called by it alone ('Xiaomei says').
        let mut by_given: HashMap<String, Vec<(usize, String, String)>> = HashMap::new();
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
            if r.given.len() == 2 {
                let given = r.given.concat();
                by_given
                    .entry(given)
                    .or_default()
                    .push((r.start, key.clone(), canonical.clone()));
            }
            out.push(person(r.start..r.end, key, canonical));
        }
        // The full names read above (`out[ours..]`) are disjoint.
        let taken: BTreeMap<usize, usize> = out[ours..]
            .iter()
            .map(|c| (c.span.start, c.span.end))
            .collect();
        given_name_back_references(t, &ws, &by_given, &taken, out);
        surname_back_references(text, &ws, &by_surname, &taken, out);
        surnames_after_an_honorific(t, text, &ws, &by_surname, &taken, out);
    }
}

/// 'Mr. Zhou, a villager': a capitalized surname alone after Mr., Mrs., Ms. or Miss — the person
/// named in full earlier with that surname where there is one, else a person of that surname.
fn surnames_after_an_honorific(
    t: &Tables,
    text: &str,
    ws: &[Word],
    by_surname: &HashMap<String, Vec<(usize, String, String)>>,
    taken: &BTreeMap<usize, usize>,
    out: &mut Vec<Candidate>,
) {
    const HONORIFICS: &[&str] = &["Mr. ", "Mrs. ", "Ms. ", "Miss ", "Mr ", "Mrs ", "Ms "];
    let mut lower = [0; 32];
    for (k, w) in ws.iter().enumerate() {
        // Most words stand after no honorific: the cheapest test first.
        if !HONORIFICS.iter().any(|h| text[..w.start].ends_with(h))
            || case_of(w.text) != Case::Capitalized
        {
            continue;
        }
        let Some(surname) = lower_in(w.text, &mut lower) else {
            continue;
        };
        // 'Mr. Zhou Ming': a full name, read as one where it reads.
        let next_capitalized = ws
            .get(k + 1)
            .is_some_and(|n| text[w.end..n.start] == *" " && case_of(n.text) == Case::Capitalized);
        if !t.surnames_roman.contains(surname)
            || next_capitalized
            || super::overlaps(taken, &(w.start..w.end))
        {
            continue;
        }
        let named = by_surname.get(surname).and_then(|names| {
            let first = names.first()?;
            names.iter().all(|n| n.1 == first.1).then_some(first)
        });
        let (key, canonical) = match named {
            Some((_, key, canonical)) => (key.clone(), canonical.clone()),
            None => (format!("person:{surname}|"), capitalize(surname)),
        };
        out.push(person(w.start..w.end, key, canonical));
    }
}

/// Whether a reading ending at `end` ends with a month and a day ('On June 3': 'June' reads
/// as the given name Jun'e).
fn ends_in_a_date(text: &str, end: usize) -> bool {
    const MONTHS: &[&str] = &[
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let day_after = text[end..]
        .strip_prefix(' ')
        .is_some_and(|r| r.starts_with(|c: char| c.is_ascii_digit()));
    day_after && MONTHS.iter().any(|m| text[..end].ends_with(m))
}

pub(super) fn person(span: std::ops::Range<usize>, key: String, canonical: String) -> Candidate {
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

/// A word without its possessive endings ('Lian’s' → 'Lian'). Suffixes are compared, not
/// searched for: this runs for every pair of words.
fn without_possessive(mut word: &str) -> &str {
    while let Some(w) = word.strip_suffix("’s") {
        word = w;
    }
    while let Some(w) = word.strip_suffix("'s") {
        word = w;
    }
    word
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
        lower_in(word, buf).is_some_and(|w| t.surnames_roman.contains(without_possessive(w)))
    };
    if !surname(a.text, &mut a_buf) && !surname(b.text, &mut b_buf) {
        return None;
    }
    let (ca, cb) = (case_of(a.text), case_of(b.text));
    let a_lower = a.text.to_ascii_lowercase();
    let b_lower = b.text.to_ascii_lowercase();
    let b_lower = without_possessive(&b_lower);
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
    // Given name first, as older translations write it: two capitalized words ('Qichen Qian'),
    // the first a two-syllable given name and no surname, or two lower-case ones ('xiaoyun
    // luo'). Weak: taken with a cue, or where the document names the person surname first.
    let capitalized = ca == Case::Capitalized
        && cb == Case::Capitalized
        && !t.surnames_roman.contains(&a_lower)
        && t.surnames_roman.contains(b_lower);
    let lower = ca == Case::Lower
        && cb == Case::Lower
        && !a.text.contains('-')
        && t.surnames_pinyin.contains(b_lower);
    if capitalized || lower {
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
    taken: &BTreeMap<usize, usize>,
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
    let mut lower = [0; 32];
    let headline_end = text.find('\n').unwrap_or(text.len());
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
        // Before the full name only in the headline, and only where no other person has the
        // surname ("Xi stresses …" above "President Xi Jinping").
        let one_person = ambiguous_from == usize::MAX;
        let in_headline = w.start < headline_end;
        if (*first_at >= w.start && !(one_person && in_headline)) || ambiguous_from < w.start {
            continue;
        }
        if super::overlaps(taken, &(w.start..w.end)) {
            continue;
        }
        let cue =
            cue_after(text, w.end) || title_before(text, w.start) || past_tense_after(text, w.end);
        let after_full_name = *first_at < w.start;
        if (cue && after_full_name) || (one_person && stands_alone_as_a_name(text, w)) {
            out.push(person(w.start..w.end, key.clone(), canonical.clone()));
        }
    }
}

/// 'Xiaomei says', after 'Liu Xiaomei': a capitalized two-syllable given name alone, after the
/// full name, where one person of the document has it and it names no place nor surname.
fn given_name_back_references(
    t: &Tables,
    ws: &[Word],
    by_given: &HashMap<String, Vec<(usize, String, String)>>,
    taken: &BTreeMap<usize, usize>,
    out: &mut Vec<Candidate>,
) {
    let mut lower = [0; 32];
    for w in ws {
        if case_of(w.text) != Case::Capitalized {
            continue;
        }
        let Some(given) = lower_in(w.text, &mut lower) else {
            continue;
        };
        let Some([(first_at, key, canonical)]) = by_given.get(given).map(Vec::as_slice) else {
            continue;
        };
        let names_other = t.surnames_roman.contains(given)
            || super::regions::is_place_word(given)
            || super::regions::english_place(w.text).is_some();
        if *first_at < w.start && !names_other && !super::overlaps(taken, &(w.start..w.end)) {
            out.push(person(w.start..w.end, key.clone(), canonical.clone()));
        }
    }
}

/// Surnames that are also English words or name a dynasty, people or currency (He, Song, Han,
/// Yuan): alone they need a cue.
const WORDLIKE_SURNAMES: &[&str] = &[
    "He", "Long", "Young", "Fan", "Man", "Sun", "Song", "Han", "Tang", "Qin", "Yuan", "You", "Ma",
    "Mao", "Bo", "Lu", "Hong", "Kong", "Li", "Ming", "Shang", "Zhou", "Jin", "Sui",
];

/// Whether a surname alone, in a document that names one person of that surname, reads as
/// that person without a cue ("According to Liu,", "accompanied Xi"): not a word-like surname,
/// not before another capitalized word (Han Chinese), not after "the".
fn stands_alone_as_a_name(text: &str, w: &Word) -> bool {
    let next = text[w.end..]
        .strip_prefix(' ')
        .and_then(|r| r.split([' ', ',', '.', ';', ':']).next())
        .unwrap_or("");
    let before = text[..w.start].trim_end_matches(' ');
    let word_before = &before[last_word_start(before)..];
    !WORDLIKE_SURNAMES.contains(&w.text)
        && !matches!(case_of(next), Case::Capitalized | Case::Upper)
        && !word_before.eq_ignore_ascii_case("the")
        && !text[w.end..].starts_with(['-', '\''])
}

/// Whether the next word is a past-tense verb ('Li listened'): a subject, so a person here.
fn past_tense_after(text: &str, at: usize) -> bool {
    let next = text[at..]
        .strip_prefix(' ')
        .and_then(|r| r.split([' ', ',', '.']).next())
        .unwrap_or("");
    next.len() > 4 && next.ends_with("ed") && case_of(next) == Case::Lower
}
