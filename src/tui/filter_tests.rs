//! Tests of the filter's ranking.

use super::*;
use crate::corpus::Corpus;
use crate::session::analyze;

fn names_for(query: &str, scope: Scope) -> Vec<String> {
    let corpus = Corpus::bundled();
    let index = analyze(&corpus);
    rank(&index, query, scope)
        .iter()
        .map(|c| index.entity(c.entity).name.clone())
        .collect()
}

#[test]
fn a_few_letters_find_a_person_first() {
    assert_eq!(
        names_for("lian", Scope::Person).first().map(String::as_str),
        Some("Lian Maojun")
    );
}

#[test]
fn the_place_itself_ranks_above_zones_named_after_it() {
    let regions = names_for("yingtan", Scope::Region);
    assert!(regions[0].starts_with("Yingtan 鹰潭"), "{regions:?}");
    assert!(regions.iter().any(|n| n.contains("High-Tech Zone")));
}

#[test]
fn scope_restricts_the_labels() {
    assert!(names_for("yingtan", Scope::Person).is_empty());
    let any = names_for("lian", Scope::Any);
    assert!(any.len() >= names_for("lian", Scope::Person).len());
    assert_eq!(Scope::Person.next().next().next().next(), Scope::Person);
    assert_eq!(Scope::Region.prev(), Scope::Person);
}

#[test]
fn a_long_scan_shows_results_as_it_goes_and_ends_as_a_full_ranking() {
    use crate::corpus::Document;
    use crate::model::{Mention, Source};
    // 120,000 names: more than one step of the scan.
    let mut corpus = Corpus::default();
    let mut mentions = Vec::new();
    for d in 0..1_200u32 {
        // Only the last document's names have a 'z'.
        let word = if d == 1_199 { "Zeta" } else { "Name" };
        let names: Vec<String> = (0..100)
            .map(|i| format!("{word}{:06}", d * 100 + i))
            .collect();
        let text = names.join(" ");
        let mut at = 0;
        for n in &names {
            mentions.push(Mention {
                doc: crate::corpus::DocId(d),
                span: at..at + n.len(),
                label: crate::model::Label::Person,
                key: n.to_lowercase().into(),
                canonical: n.as_str().into(),
                source: Source::Builtin("test"),
            });
            at += n.len() + 1;
        }
        corpus.docs.push(Document::new(
            crate::corpus::DocId(d),
            format!("{d}.txt"),
            text,
            crate::corpus::SourceEncoding::Utf8,
        ));
    }
    let index = crate::index::Index::build(&corpus, mentions);
    let mut p = FilterPrompt::open(&index);
    p.query = "zeta".into();
    p.restart();
    p.advance(&index, Duration::ZERO);
    assert!(p.pending(&index), "one step ranks part of the names");
    assert!(p.candidates.is_empty(), "the matches are at the end");
    while p.pending(&index) {
        p.advance(&index, Duration::ZERO);
    }
    assert_eq!(p.candidates.len(), 100);
    assert_eq!(p.candidates, rank(&index, "zeta", Scope::Person));
}

#[test]
fn one_letter_puts_names_with_a_word_starting_with_it_first() {
    let regions = names_for("y", Scope::Region);
    let starts = |n: &String| {
        n.split_whitespace()
            .any(|w| w.to_lowercase().starts_with('y'))
    };
    let first_inner = regions.iter().position(|n| !starts(n));
    let last_start = regions.iter().rposition(starts);
    assert!(last_start.is_some(), "{regions:?}");
    if let (Some(inner), Some(start)) = (first_inner, last_start) {
        assert!(start < inner, "{regions:?}");
    }
}

#[test]
fn accents_and_pinyin_find_names() {
    assert_eq!(crate::index::fold("Hóngzhōng"), "hongzhong");
    // 马珊珊 is written only in characters in the Chinese article.
    let found = names_for("ma shanshan", Scope::Person);
    assert!(found.iter().any(|n| n.contains("马珊珊")), "{found:?}");
}

#[test]
fn chinese_names_and_gazetteer_aliases_are_searchable() {
    // 天津 appears in the Chinese article; its English name is an alias from the gazetteer.
    let by_pinyin = names_for("tianjin", Scope::Region);
    assert!(
        by_pinyin.iter().any(|n| n == "Tianjin 天津市"),
        "{by_pinyin:?}"
    );
    let by_hanzi = names_for("天津", Scope::Region);
    assert_eq!(by_hanzi.first().map(String::as_str), Some("Tianjin 天津市"));
}
