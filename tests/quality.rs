//! The extractor against the hand-made gold annotation of the bundled articles
//! (tests/gold/README.md). The floors are the figures it reaches; a change that lowers one fails.

use gazette::cli::analyze;
use gazette::corpus::Corpus;
use gazette::eval::{align, Scores, Span};
use gazette::formats::jsonl;
use gazette::formats::offsets::CodePoints;
use gazette::model::Label;
use std::collections::BTreeMap;

/// Strict F1 floors by label.
const FLOORS: [(Label, f64); 3] = [
    (Label::Person, 0.98),
    (Label::Region, 0.71),
    (Label::Org, 0.77),
];

fn scores() -> (Scores, BTreeMap<String, Scores>) {
    let content = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/gold/seeds.jsonl"
    ))
    .expect("gold file");
    let (gold, errors) = jsonl::read("seeds.jsonl", &content);
    assert!(errors.is_empty(), "{errors:?}");
    let corpus = Corpus::bundled();
    let index = analyze(&corpus);
    let mut total = Scores::default();
    let mut per_doc = BTreeMap::new();
    for doc in &corpus.docs {
        let mut cp = CodePoints::new(&doc.text);
        let pred: Vec<Span> = index
            .doc_mentions(doc.id)
            .iter()
            .map(|m| Span {
                range: cp.at(m.span.start)..cp.at(m.span.end),
                label: m.label.clone(),
            })
            .collect();
        let gold: Vec<Span> = gold
            .iter()
            .find(|g| g.doc == doc.path)
            .map(|g| {
                g.spans
                    .iter()
                    .map(|s| Span {
                        range: s.start..s.end,
                        label: s.label.clone(),
                    })
                    .collect()
            })
            .unwrap_or_default();
        let pairs = align(&gold, &pred);
        let mut s = Scores::default();
        s.add(&pairs);
        total.add(&pairs);
        per_doc.insert(doc.path.clone(), s);
    }
    (total, per_doc)
}

#[test]
fn extractor_stays_at_or_above_its_figures_on_the_gold() {
    let (total, _) = scores();
    for (label, floor) in FLOORS {
        let f1 = total.by_label.get(&label).map_or(0.0, |c| c.prf().f1);
        assert!(
            f1 >= floor,
            "{} strict F1 {f1:.3} fell below {floor}",
            label.as_str()
        );
    }
}

#[test]
fn both_languages_are_covered_by_the_gold() {
    let (_, per_doc) = scores();
    let chinese = &per_doc["002_c9ee5c7def9b2ae7.txt"];
    assert!(chinese.micro.gold > 100, "the Chinese article is annotated");
    assert!(per_doc.values().all(|s| s.micro.gold > 20));
}
