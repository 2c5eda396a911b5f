//! Names that are not Chinese in English text ('Prime Minister Anthony Albanese', 'Klaus Weber,
//! member of …'), found by capitalization and a title or an appositive, then met again.

use super::persons_en::person;
use super::tables::{Tables, TABLES};
use super::tokens::{case_of, cue_after, is_title_word, words, Case, Word, STOP_CAPITALS};
use super::{Candidate, Recognizer, Words};
use crate::corpus::{Document, Lang};
use crate::model::Label;
use std::collections::HashMap;

/// Foreign names in English text.
pub struct PersonsForeignEn;

impl Recognizer for PersonsForeignEn {
    fn name(&self) -> &'static str {
        "persons-foreign-en"
    }

    fn handles(&self, lang: Lang) -> bool {
        lang == Lang::En
    }

    fn recognize(&self, doc: &Document, _: &Words, out: &mut Vec<Candidate>) {
        let text: &str = &doc.text;
        titled_foreign_names(&TABLES, text, &words(text), out);
    }
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
        let j = capitalized_run_end(t, text, ws, i);
        let titled = i > 0 && HONORIFICS.contains(&ws[i - 1].text)
            || (j == i + 2 && after_a_portfolio(ws, i, HONORIFICS));
        let particles = ws[i..j]
            .iter()
            .filter(|w| PARTICLES.contains(&w.text))
            .count();
        let n = j - i - particles;
        let words_ok = (2..=3).contains(&n) || (particles > 0 && n == 4);
        if !words_ok || found.last().is_some_and(|&(_, end)| end > ws[i].start) {
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
        |n: &str| (format!("person:{}", n.to_lowercase()), n.to_string()),
        Label::Person,
        "persons-en",
        &mut all,
    );
    let word_char = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphanumeric());
    all.retain(|c| {
        !word_char(text[..c.span.start].chars().next_back())
            && !word_char(text[c.span.end..].chars().next())
    });
    let mut found: Vec<(usize, usize)> = all.iter().map(|c| (c.span.start, c.span.end)).collect();
    found.sort_unstable();
    out.extend(all);
    // The last word alone, after the full name, as a subject or after a title.
    let first_at = found.first().map_or(usize::MAX, |&(start, _)| start);
    for (i, w) in ws.iter().enumerate() {
        let Some((key, canonical)) = last_words.get(w.text) else {
            continue;
        };
        if w.start <= first_at || within(&found, w.start, w.end) {
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

/// Whether the words before word `i` are a title with its portfolio, ending in a capitalized
/// word ('Minister of Agriculture and Livestock Carlos Favaro', 'Ambassador to China Marcos
/// Galvao'): capitalized words and connectives back to an honorific, six words at most.
fn after_a_portfolio(ws: &[Word], i: usize, honorifics: &[&str]) -> bool {
    let ends_capitalized = i > 0 && case_of(ws[i - 1].text) == Case::Capitalized;
    ends_capitalized
        && ws[..i - 1]
            .iter()
            .rev()
            .take(6)
            .take_while(|w| {
                matches!(w.text, "of" | "to" | "and" | "for" | "the")
                    || case_of(w.text) == Case::Capitalized
            })
            .any(|w| honorifics.contains(&w.text))
}

/// Whether `start..end` lies inside one of `spans` (sorted by start): a binary search, so that a
/// document with thousands of names is read in time proportional to it.
fn within(spans: &[(usize, usize)], start: usize, end: usize) -> bool {
    let i = spans.partition_point(|&(s, _)| s <= start);
    spans[..i].iter().rev().take(4).any(|&(_, e)| end <= e)
}

/// Lower-case particles inside names of Portuguese, Spanish, Dutch, German and Arabic origin.
const PARTICLES: &[&str] = &[
    "da", "de", "do", "dos", "das", "del", "van", "von", "der", "bin", "al",
];

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
    let spaced = |j: usize| j == i || &text[ws[j - 1].end..ws[j].start] == " ";
    // Words of titles are no name's ('Mayor, Deputy Secretary of …').
    let capitalized = |j: usize| {
        case_of(ws[j].text) == Case::Capitalized
            && !NOT_IN_NAMES.contains(&ws[j].text)
            && !is_title_word(ws[j].text)
    };
    let particle = |j: usize| {
        j > i
            && PARTICLES.contains(&ws[j].text)
            && j + 1 < ws.len()
            && capitalized(j + 1)
            && spaced(j + 1)
    };
    // Three capitalized words, or four with particles among them ('Luiz Inacio Lula da Silva').
    let (mut j, mut names, mut particles) = (i, 0, 0);
    while j < ws.len() && spaced(j) {
        if particle(j) {
            particles += 1;
        } else if capitalized(j) && names < if particles > 0 { 4 } else { 3 } {
            names += 1;
        } else {
            break;
        }
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
