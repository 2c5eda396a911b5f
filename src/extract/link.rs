//! Linking within a document: a given name alone joins the full name it belongs to, and an
//! abbreviation defined in the text ('… Zone (THT for short)') joins what it abbreviates.

use super::{overlaps, Candidate};
use crate::corpus::Document;
use crate::model::Label;
use regex::Regex;
use std::collections::{BTreeMap, HashMap};
use std::sync::LazyLock;

static ABBREVIATION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"^\s*[(（]\s*(?:hereinafter referred to as |referred to as |简称)?["“]?([A-Z][A-Z0-9]{1,9}|[\p{Han}]{2,6})["”]?(?: for short)?\s*[)）]"#).expect("static regex")
});

/// Applies both links to the resolved candidates of one document.
pub fn link(doc: &Document, mentions: &mut Vec<Candidate>) {
    given_names(mentions);
    abbreviations(doc, mentions);
    company_short_names(doc, mentions);
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

fn abbreviations(doc: &Document, mentions: &mut Vec<Candidate>) {
    let text = &doc.text;
    let mut defined: Vec<(String, Label, String, String)> = Vec::new();
    for m in mentions
        .iter()
        .filter(|m| matches!(m.label, Label::Region | Label::Org))
    {
        if let Some(c) = ABBREVIATION.captures(&text[m.span.end..]) {
            defined.push((
                c[1].to_string(),
                m.label.clone(),
                m.key.clone(),
                m.canonical.clone(),
            ));
        }
    }
    if defined.is_empty() {
        return;
    }
    let mut taken: BTreeMap<usize, usize> = mentions
        .iter()
        .map(|m| (m.span.start, m.span.end))
        .collect();
    for (short, label, key, canonical) in defined {
        for (start, _) in text.match_indices(short.as_str()) {
            let span = start..start + short.len();
            let ascii = short.is_ascii();
            let boundary = |c: Option<char>| c.is_none_or(|c| !c.is_ascii_alphanumeric());
            if ascii
                && !(boundary(text[..start].chars().next_back())
                    && boundary(text[span.end..].chars().next()))
            {
                continue;
            }
            if overlaps(&taken, &span) {
                continue;
            }
            taken.insert(span.start, span.end);
            mentions.push(Candidate {
                span,
                label: label.clone(),
                key: key.clone(),
                canonical: canonical.clone(),
                recognizer: "link-abbreviation",
            });
        }
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

fn company_short_names(doc: &Document, mentions: &mut Vec<Candidate>) {
    let text = &doc.text;
    let mut shorts: Vec<(String, String, String)> = Vec::new();
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
        if long_enough && !shorts.iter().any(|(s, ..)| s == stem) {
            shorts.push((stem.to_string(), m.key.clone(), m.canonical.clone()));
        }
    }
    let mut taken: BTreeMap<usize, usize> = mentions
        .iter()
        .map(|m| (m.span.start, m.span.end))
        .collect();
    for (stem, key, canonical) in shorts {
        for (start, _) in text.match_indices(stem.as_str()) {
            let span = start..start + stem.len();
            let word = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphanumeric());
            if stem.is_ascii()
                && (word(text[..start].chars().next_back())
                    || word(text[span.end..].chars().next()))
            {
                continue;
            }
            if overlaps(&taken, &span) || doc.in_chrome(&span) {
                continue;
            }
            taken.insert(span.start, span.end);
            mentions.push(Candidate {
                span,
                label: Label::Org,
                key: key.clone(),
                canonical: canonical.clone(),
                recognizer: "link-company",
            });
        }
    }
}
