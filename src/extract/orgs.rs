//! Organizations by the words that end their names: 'Co., Ltd.', 'Committee', 'Bureau'; in
//! Chinese (有限公司, 委员会, 局, the ministries, companies without a legal form) by `orgs_zh.rs`.
//! A region inside an organization's name belongs to the organization.

use super::orgs_zh;
use super::regions::is_place_word;
use super::tokens::{case_of, is_title_word, last_word_start, Case, STOP_CAPITALS};
use super::{Candidate, Recognizer, Words};
use crate::corpus::{Document, Lang};
use crate::model::Label;
use regex::Regex;
use std::sync::LazyLock;

/// Organizations in either language.
pub struct Orgs;

static HEAD_EN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:co\.?,? ?ltd\.|(?:co\.?,? ?ltd|company|corporation|group|committee|commission|bureau|academy|university|institute|association|congress|administration|ministry|department|council|federation|organization|organisation|chamber of commerce|bank|procuratorate|government|people's government|cppcc|daily|times|news agency|agency|television|radio|embassy|consulate|hospital|exchange|customs|corps)(?-u:\b))").expect("static regex")
});

/// Lower-case words allowed inside an organization's name in machine translations
/// ('the CPC municipal committee', 'BONDED area management Committee').
const INNER_LOWER: &[&str] = &[
    "municipal",
    "party",
    "district",
    "provincial",
    "standing",
    "management",
    "working",
    "administrative",
    "area",
    "zone",
    "county",
    "city",
    "people's",
    "high-tech",
    "steering",
    "national",
];

/// Heads that name a newspaper, a broadcaster or an organization only when capitalized
/// ('Suzhou Daily', not 'three times'; 'World Health Organization', not 'Party organization').
const CAPITALIZED_HEADS: &[&str] = &[
    "agency",
    "embassy",
    "consulate",
    "hospital",
    "exchange",
    "customs",
    "corps",
    "daily",
    "times",
    "news agency",
    "television",
    "radio",
    "organization",
    "organisation",
];

/// Heads that take an 'of …' complement ('Academy of Aerospace').
const OF_HEADS: &[&str] = &[
    "academy",
    "hospital",
    "organization",
    "administration",
    "university",
    "institute",
    "ministry",
    "bureau",
    "department",
    "chamber of commerce",
    "bank",
    "commission",
    "committee",
];

impl Recognizer for Orgs {
    fn name(&self) -> &'static str {
        "orgs"
    }

    fn handles(&self, _lang: Lang) -> bool {
        true
    }

    fn recognize(&self, doc: &Document, words: &Words, out: &mut Vec<Candidate>) {
        let text: &str = &doc.text;
        // Each finds only its own script, and either script can appear in either language.
        orgs_en(text, out);
        orgs_zh::orgs_zh(text, out);
        orgs_zh::ministries_zh(text, words.non_ascii(), out);
        if text.contains("公司") {
            super::companies_zh::companies_zh(text, words.han(), out);
        }
    }
}

/// An organization's candidate, keyed by its name in lower case and single spaces.
pub(super) fn org(span: std::ops::Range<usize>, name: &str) -> Candidate {
    let key = format!(
        "org:{}",
        name.to_lowercase()
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    );
    Candidate {
        span,
        label: Label::Org,
        key,
        canonical: name.to_string(),
        recognizer: "orgs",
    }
}

/// What a word left of an organization's head word is to the name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Left {
    /// A proper noun: capitalized, an acronym, or a place name however written.
    Name,
    /// A lower-case word that names of the genre contain ('municipal', 'party').
    Modifier,
    /// 'of' or 'and' between parts of one name.
    Connector,
}

fn orgs_en(text: &str, out: &mut Vec<Candidate>) {
    for m in HEAD_EN.find_iter(text) {
        let head = m.as_str().to_ascii_lowercase();
        let mut words: Vec<(usize, Left, bool)> = Vec::new(); // (start, kind, counts as a name)
        let mut at = m.start();
        while let Some((ws, word)) = word_before(text, at) {
            let Some(kind) = classify_left(text, ws, word, words.last().map(|w| w.1)) else {
                break;
            };
            let counts = kind == Left::Name
                && !(case_of(word) == Case::Capitalized && sentence_initial(text, ws));
            words.push((ws, kind, counts));
            at = ws;
        }
        while words.last().is_some_and(|w| {
            w.1 != Left::Name && !(w.1 == Left::Modifier && words.iter().any(|x| x.2))
        }) {
            words.pop(); // a name does not begin with a connector, nor with modifiers alone
        }
        // 'Bureau of Commerce and Suzhou University': an organization before an 'and' is
        // another one; the name starts after the 'and'.
        if let Some(i) = words.iter().position(|&(ws, kind, _)| {
            kind == Left::Connector
                && text[ws..].starts_with("and ")
                && HEAD_EN.is_match(&text[words.last().map_or(ws, |w| w.0)..ws])
        }) {
            words.truncate(i);
        }
        let mut names = words.iter().filter(|w| w.2).count();
        let start = words.last().map_or(m.start(), |w| w.0);
        let mut end = m.end();
        if OF_HEADS.contains(&head.as_str()) {
            if let Some(rest) = of_complement(&text[end..]) {
                end += rest;
                names += 1;
            }
        }
        // 'Chinese Embassy in Tanzania': a mission is named with the country it is in.
        if matches!(head.as_str(), "embassy" | "consulate") {
            end += place_after_in(&text[end..]);
        }
        // 'Kashgar Comprehensive Bonded Zone management committee': a zone's body in lower case
        // is a description (the zone is the name).
        let zone_before = text[..m.start()]
            .strip_suffix("management ")
            .is_some_and(|t| t.ends_with("Zone ") || t.ends_with("Park ") || t.ends_with("Area "));
        if zone_before && !m.as_str().starts_with(|c: char| c.is_ascii_uppercase()) {
            continue;
        }
        let head_capitalized = m.as_str().starts_with(|c: char| c.is_ascii_uppercase());
        if names > 0 && (head_capitalized || !CAPITALIZED_HEADS.contains(&head.as_str())) {
            out.push(org(start..end, &text[start..end]));
        }
    }
}

/// The word that ends one space before `at`, with its start.
fn word_before(text: &str, at: usize) -> Option<(usize, &str)> {
    let before = text[..at].strip_suffix(' ')?;
    let ws = last_word_start(before);
    (ws < before.len()).then(|| (ws, &before[ws..]))
}

/// Classifies a word left of a head word; None ends the name. `nearer` is the kind of the word
/// just right of it.
fn classify_left(text: &str, ws: usize, word: &str, nearer: Option<Left>) -> Option<Left> {
    // 'Indonesia's National Disaster Management Agency': the possessor is not in the name
    // (the People's of 'People's Government' is).
    let possessive = word.ends_with("'s") || word.ends_with("’s");
    let peoples = word.eq_ignore_ascii_case("people's") || word.eq_ignore_ascii_case("people’s");
    // 'a Shenzhen-based company': where a firm is, not its name.
    let based = word.ends_with("-based");
    if is_title_word(word) || STOP_CAPITALS.contains(&word) || (possessive && !peoples) || based {
        return None;
    }
    let lower = word.to_ascii_lowercase();
    let left_word = word_before(text, ws).map(|(_, w)| w.trim_start_matches("the "));
    match (case_of(word), lower.as_str()) {
        (Case::Capitalized | Case::Upper | Case::Camel, _) => Some(Left::Name),
        (Case::Lower, "of" | "the") => {
            // 'Standing Committee of the Municipal Party Committee': only between two names
            // whose left one is itself an organization ('Branch of Academy' is not).
            let left = if lower == "the" {
                word_before(text, ws)
                    .filter(|(_, w)| *w == "of")
                    .and_then(|(s, _)| word_before(text, s))
            } else {
                word_before(text, ws)
            };
            let joins = left.is_some_and(|(_, w)| HEAD_EN.is_match(w)) && nearer.is_some();
            joins.then_some(Left::Connector)
        }
        (Case::Lower, "and") => {
            // 'Development and Reform Commission', but not 'Committee and Municipal Government'
            // nor 'Ding Xuexiang and European Commission'.
            let person_before = word_before(text, ws).is_some_and(|(given_at, given)| {
                word_before(text, given_at)
                    .is_some_and(|(_, surname)| starts_chinese_name(surname, Some(given)))
            });
            let joins = !person_before
                && left_word.is_some_and(|w| {
                    matches!(case_of(w), Case::Capitalized | Case::Upper) && !HEAD_EN.is_match(w)
                });
            (joins && nearer == Some(Left::Name)).then_some(Left::Connector)
        }
        (Case::Lower, _) if INNER_LOWER.contains(&lower.as_str()) => Some(Left::Modifier),
        (Case::Lower, _) if is_place_word(&lower) => Some(Left::Name),
        _ => None,
    }
}

/// Whether the word at `at` begins a sentence (its capital says nothing about being a name).
fn sentence_initial(text: &str, at: usize) -> bool {
    let before = text[..at].trim_end_matches(' ');
    before.is_empty() || before.ends_with(['.', '!', '?', '\n', '”', '"'])
}

/// Length of ' of [the] Capitalized Words' at the start of `rest`, if any. An 'and' joins
/// two fields of one name ('Bureau of Industry and Information Technology') unless another
/// organization follows it ('Bureau of Commerce and Suzhou University').
fn of_complement(rest: &str) -> Option<usize> {
    let after_of = rest.strip_prefix(" of ")?;
    let after_the = after_of.strip_prefix("the ").unwrap_or(after_of);
    let base = rest.len() - after_the.len();
    let mut end = None;
    let mut offset = 0;
    // Lazily: the rest of the document follows.
    let mut words = after_the.split(' ').peekable();
    while let Some(word) = words.next() {
        let clean = word.trim_end_matches(|c: char| !c.is_ascii_alphanumeric());
        // A person's name after the organization's (… Bureau of Commerce Xu Gang) is not in it.
        if starts_chinese_name(clean, words.peek().copied()) {
            break;
        }
        let capital = !clean.is_empty()
            && matches!(case_of(clean), Case::Capitalized | Case::Upper)
            && !is_title_word(clean);
        if capital {
            end = Some(base + offset + clean.len());
            if clean.len() != word.len() {
                break; // punctuation ends the name
            }
        } else if clean == "and" && word == "and" && end.is_some() {
            // '… of Commerce and the General Administration of Customs': two bodies, where the
            // capitalized words after `and` end in a head word of their own.
            let after = &after_the[offset + word.len()..];
            let after = after.strip_prefix(" the").unwrap_or(after);
            let conjunct: Vec<&str> = after
                .split(' ')
                .skip(1)
                .take_while(|w| {
                    let w = w.trim_end_matches(|c: char| !c.is_ascii_alphanumeric());
                    matches!(case_of(w), Case::Capitalized | Case::Upper)
                })
                .collect();
            if HEAD_EN.is_match(&conjunct.join(" ")) {
                break;
            }
        } else if clean == "of" && word == "of" && end.is_some() {
            // '… Development of Kazakhstan': a place after a second `of` is the body's.
            let next = words.peek().map_or("", |w| {
                w.trim_end_matches(|c: char| !c.is_ascii_alphanumeric())
            });
            if super::regions::english_place(next).is_none() {
                break;
            }
        } else {
            break;
        }
        offset += word.len() + 1;
    }
    end
}

/// The length of ` in <Place>` (a country or city of the gazetteer) at the start of `rest`, or 0.
fn place_after_in(rest: &str) -> usize {
    let Some(after) = rest.strip_prefix(" in ") else {
        return 0;
    };
    let word = after
        .split(' ')
        .next()
        .unwrap_or("")
        .trim_end_matches(|c: char| !c.is_ascii_alphanumeric());
    if super::regions::english_place(word).is_some() {
        " in ".len() + word.len()
    } else {
        0
    }
}

/// Whether `word` and `next` read as a romanized Chinese name, surname first (`Xu Gang`).
fn starts_chinese_name(word: &str, next: Option<&str>) -> bool {
    let t = &*super::tables::TABLES;
    let next = next.map(|n| n.trim_end_matches(|c: char| !c.is_ascii_alphanumeric()));
    t.surnames_pinyin.contains(&word.to_ascii_lowercase())
        && next.is_some_and(|n| {
            case_of(n) == Case::Capitalized
                && t.pinyin_syllables(&n.to_ascii_lowercase())
                    .is_some_and(|s| s.len() <= 2)
        })
}
