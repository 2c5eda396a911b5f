//! Organizations by the words that end their names: 'Co., Ltd.', 'Committee', 'Bureau';
//! 有限公司, 委员会, 局. A region inside an organization's name belongs to the organization.

use super::tokens::{case_of, last_word_start, Case};
use super::{Candidate, Recognizer};
use crate::corpus::meta::is_han;
use crate::corpus::{Document, Lang};
use crate::model::Label;
use regex::Regex;
use std::sync::LazyLock;

/// Organizations in either language.
pub struct Orgs;

static HEAD_EN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:co\.?,? ?ltd\.|(?:co\.?,? ?ltd|company|corporation|group|committee|commission|bureau|academy|university|institute|association|congress|administration|ministry|department|council|federation|chamber of commerce|bank|procuratorate)(?-u:\b))").expect("static regex")
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

/// Heads that take an 'of …' complement ('Academy of Aerospace').
const OF_HEADS: &[&str] = &[
    "academy",
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

static HEAD_ZH: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"股份有限公司|有限责任公司|有限公司|集团|委员会|管委会|党工委|党委|党组|区委|市委|省委|县委|工商联|联合会|商会|协会|科协|大学|学院|研究院|研究所|人民政府|办公室|局").expect("static regex")
});

/// Characters that make 局 part of a word rather than a bureau (布局 layout, 大局 overall situation).
const NOT_BUREAU: [char; 14] = [
    '布', '大', '格', '结', '开', '全', '当', '时', '骗', '僵', '残', '终', '棋', '赌',
];

/// Characters that end the words before an organization's name in Chinese.
const STOP_ZH: &str = "的在是了对为将把等由向从到于兼并以让使被请称和与及、";

impl Recognizer for Orgs {
    fn name(&self) -> &'static str {
        "orgs"
    }

    fn handles(&self, _lang: Lang) -> bool {
        true
    }

    fn recognize(&self, doc: &Document, out: &mut Vec<Candidate>) {
        let text = &doc.text;
        // Each finds only its own script, and either script can appear in either language.
        orgs_en(text, out);
        orgs_zh(text, out);
    }
}

fn org(span: std::ops::Range<usize>, name: &str) -> Candidate {
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

fn orgs_en(text: &str, out: &mut Vec<Candidate>) {
    for m in HEAD_EN.find_iter(text) {
        let head = m.as_str().to_ascii_lowercase();
        let mut start = m.start();
        let mut capitalized = 0;
        // Extend left over capitalized words, allowed lower-case words, and 'of'/'and' between
        // capitalized words ('Standing Committee of the Municipal Party Committee').
        loop {
            let before = &text[..start];
            let trimmed = before.trim_end_matches(' ');
            if trimmed.len() + 1 != before.len() {
                break;
            }
            let ws = last_word_start(trimmed);
            let word = &trimmed[ws..];
            match case_of(word) {
                Case::Capitalized | Case::Upper | Case::Camel if !is_title_word(word) => {
                    capitalized += 1;
                    start = ws;
                }
                Case::Lower if INNER_LOWER.contains(&word) => start = ws,
                Case::Lower if matches!(word, "of" | "and" | "the") && capitalized > 0 => {
                    // Only if a capitalized non-title word stands before the connector.
                    let prev = trimmed[..ws]
                        .trim_end_matches(' ')
                        .trim_end_matches(" of")
                        .trim_end_matches(" the");
                    let pw = prev.rsplit(' ').next().unwrap_or("");
                    if matches!(case_of(pw), Case::Capitalized | Case::Upper)
                        && !is_title_word(pw)
                        && !pw.is_empty()
                    {
                        start = ws;
                    } else {
                        break;
                    }
                }
                _ => break,
            }
        }
        // Drop leading lower-case words: a name starts with a capital.
        while let Some(first) = text[start..m.start()]
            .split(' ')
            .next()
            .filter(|w| !w.is_empty())
        {
            if matches!(case_of(first), Case::Lower) {
                start += first.len() + 1;
            } else {
                break;
            }
        }
        let mut end = m.end();
        if OF_HEADS.contains(&head.as_str()) {
            if let Some(rest) = of_complement(&text[end..]) {
                end += rest;
                capitalized += 1;
            }
        }
        let head_capitalized = m
            .as_str()
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_uppercase());
        if capitalized == 0 || (!head_capitalized && start == m.start()) {
            continue;
        }
        out.push(org(start..end, &text[start..end]));
    }
}

fn is_title_word(w: &str) -> bool {
    matches!(
        w.to_ascii_lowercase().as_str(),
        "secretary"
            | "director"
            | "mayor"
            | "member"
            | "chairman"
            | "deputy"
            | "vice"
            | "head"
            | "governor"
    )
}

/// Length of ' of [the] Capitalized Words' at the start of `rest`, if any.
fn of_complement(rest: &str) -> Option<usize> {
    let after_of = rest.strip_prefix(" of ")?;
    let after_the = after_of.strip_prefix("the ").unwrap_or(after_of);
    let mut len = rest.len() - after_the.len();
    let mut words = 0;
    for word in after_the.split(' ') {
        let clean = word.trim_end_matches(|c: char| !c.is_ascii_alphanumeric());
        if clean.is_empty()
            || !matches!(case_of(clean), Case::Capitalized | Case::Upper)
            || is_title_word(clean)
        {
            if clean == "and" && words > 0 {
                len += word.len() + 1;
                continue;
            }
            break;
        }
        len += clean.len();
        words += 1;
        if clean.len() != word.len() {
            break;
        }
        len += 1;
    }
    // Trailing ' and' or space not followed by a word is not part of the name.
    let taken = rest[..len].trim_end().trim_end_matches(" and").len();
    (words > 0).then_some(taken)
}

fn orgs_zh(text: &str, out: &mut Vec<Candidate>) {
    for m in HEAD_ZH.find_iter(text) {
        let single = m.as_str() == "局";
        if single
            && (text[m.end()..].starts_with(['长', '面', '势', '部'])
                || text[..m.start()].ends_with(NOT_BUREAU))
        {
            continue; // 局长, 局面; 布局, 大局: words, not bureaus
        }
        let prefix: Vec<(usize, char)> = text[..m.start()]
            .char_indices()
            .rev()
            .take_while(|(_, c)| is_han(*c) && !STOP_ZH.contains(*c))
            .take(12)
            .collect();
        let start = prefix.last().map_or(m.start(), |(i, _)| *i);
        let min_prefix = if single { 2 } else { 1 };
        if prefix.len() < min_prefix {
            continue;
        }
        out.push(org(start..m.end(), &text[start..m.end()]));
    }
}
