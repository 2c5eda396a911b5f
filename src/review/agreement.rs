//! How far two reviewers agree over the same mentions: Cohen's kappa on what they decided about
//! the mentions both decided, the F1 of one reviewed annotation against the other (per label and
//! per document), and every mention they decided differently. `gazette agree` prints it; the
//! browser's agreement pane shows it.

use super::layer::{by_document, layer_doc};
use super::{ignored_paths, Decision, Verdict};
use crate::corpus::{Corpus, DocId};
use crate::eval::{align, Scores, Span};
use crate::model::{Mention, Status};
use std::collections::BTreeMap;

/// A mention as decisions name it: document, span in code points, label as extracted.
type MentionKey = (String, usize, usize, String);

/// What a reviewer decided about a mention, as a category, and the mention's text.
type Decided = (String, String);

/// A mention the two reviewers decided differently.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Difference {
    /// The document's path.
    pub doc: String,
    /// The mention's span in code points.
    pub start: usize,
    pub end: usize,
    /// Its label as extracted.
    pub label: String,
    /// Its text.
    pub text: String,
    /// What each decided: "accept", "reject", "relabel as ORG", "boundaries to 3–9", "add".
    pub first: String,
    pub second: String,
}

/// Two reviewers' agreement.
#[derive(Debug, Clone, Default)]
pub struct Agreement {
    /// How many mentions each decided.
    pub first_decided: usize,
    pub second_decided: usize,
    /// How many mentions both decided.
    pub both: usize,
    /// Cohen's kappa over the mentions both decided, with the observed and the chance
    /// agreement; None when there are none.
    pub kappa: Option<(f64, f64, f64)>,
    /// The second's reviewed annotation scored against the first's (strict), over every
    /// document neither ignored.
    pub total: Scores,
    /// The same, per document (those with a mention in either annotation).
    pub per_doc: Vec<(DocId, Scores)>,
    /// The mentions both decided, differently, in document and span order.
    pub differ: Vec<Difference>,
}

/// Each mention's final decision in `decisions` (the last one about it), as a category, and
/// the mention's text. Decisions about entities and documents are about no one mention.
fn final_decisions(decisions: &[Decision]) -> BTreeMap<MentionKey, Decided> {
    let mut out = BTreeMap::new();
    for d in decisions.iter().filter(|d| !d.is_about_entity()) {
        let key = (d.doc.clone(), d.start.0, d.end.0, d.label.clone());
        let category = match &d.verdict {
            Verdict::Accept => "accept".to_string(),
            Verdict::Reject => "reject".to_string(),
            Verdict::Relabel(l) => format!("relabel as {}", l.as_str()),
            Verdict::Adjust { start, end } => format!("boundaries to {}–{}", start.0, end.0),
            Verdict::Add => "add".to_string(),
            // Putting a mention in another entity keeps the mention: an accept, unless it was
            // already decided otherwise.
            Verdict::Link { .. } if out.contains_key(&key) => continue,
            Verdict::Link { .. } => "accept".to_string(),
            Verdict::Merge { .. } | Verdict::Rename(_) | Verdict::Ignore(_) => continue,
        };
        out.insert(key, (category, d.text.clone()));
    }
    out
}

/// Cohen's kappa of two raters' categories over the same items, with the observed and the
/// chance agreement; None without items.
pub fn cohen_kappa(pairs: &[(&str, &str)]) -> Option<(f64, f64, f64)> {
    if pairs.is_empty() {
        return None;
    }
    let n = pairs.len() as f64;
    let observed = pairs.iter().filter(|(a, b)| a == b).count() as f64 / n;
    let mut first: BTreeMap<&str, f64> = BTreeMap::new();
    let mut second: BTreeMap<&str, f64> = BTreeMap::new();
    for (a, b) in pairs {
        *first.entry(a).or_default() += 1.0 / n;
        *second.entry(b).or_default() += 1.0 / n;
    }
    let chance: f64 = (first.iter())
        .map(|(k, p)| p * second.get(k).copied().unwrap_or(0.0))
        .sum();
    let kappa = match chance < 1.0 {
        true => (observed - chance) / (1.0 - chance),
        false => 1.0,
    };
    Some((kappa, observed, chance))
}

/// The agreement of the reviewers who made `first` and `second` over `corpus`, whose mentions
/// before review are `base` (in corpus order). Only the documents some decision names are laid
/// again; the others count as they are, the same in both annotations.
pub fn agreement(
    corpus: &Corpus,
    base: &[Mention],
    first: &[Decision],
    second: &[Decision],
) -> Agreement {
    let (fa, fb) = (final_decisions(first), final_decisions(second));
    let both: Vec<(&MentionKey, &Decided, &Decided)> = (fa.iter())
        .filter_map(|(k, da)| fb.get(k).map(|db| (k, da, db)))
        .collect();
    let pairs: Vec<(&str, &str)> = (both.iter())
        .map(|(_, x, y)| (x.0.as_str(), y.0.as_str()))
        .collect();
    let differ = (both.iter())
        .filter(|(_, x, y)| x.0 != y.0)
        .map(|((doc, start, end, label), x, y)| Difference {
            doc: doc.clone(),
            start: *start,
            end: *end,
            label: label.clone(),
            text: x.1.clone(),
            first: x.0.clone(),
            second: y.0.clone(),
        })
        .collect();
    let (by_first, _) = by_document(corpus, first);
    let (by_second, _) = by_document(corpus, second);
    let ignored = ignored_paths(first);
    let ignored_too = ignored_paths(second);
    let mut total = Scores::default();
    let mut per_doc = Vec::new();
    let mut rest = base;
    for doc in &corpus.docs {
        let own = rest.partition_point(|m| m.doc == doc.id);
        let (mentions, after) = rest.split_at(own);
        rest = after;
        let path = doc.path.as_str();
        if ignored.contains(path) || ignored_too.contains(path) {
            continue;
        }
        let spans = |by: &BTreeMap<DocId, Vec<&Decision>>| match by.get(&doc.id) {
            Some(decided) => reviewed_spans(&layer_doc(corpus, doc.id, mentions, decided)),
            None => plain_spans(mentions),
        };
        let pairs = align(&spans(&by_first), &spans(&by_second));
        let mut scores = Scores::default();
        scores.add(&pairs);
        total.add(&pairs);
        if scores.micro.gold + scores.micro.pred > 0 {
            per_doc.push((doc.id, scores));
        }
    }
    Agreement {
        first_decided: fa.len(),
        second_decided: fb.len(),
        both: both.len(),
        kappa: cohen_kappa(&pairs),
        total,
        per_doc,
        differ,
    }
}

/// The spans of mentions as they are.
fn plain_spans(mentions: &[Mention]) -> Vec<Span> {
    (mentions.iter())
        .map(|m| Span {
            range: m.span.clone(),
            label: m.label.clone(),
        })
        .collect()
}

/// The spans a document's annotation has after review: rejected mentions left out, relabelled
/// ones under their new label.
fn reviewed_spans(laid: &super::Layered) -> Vec<Span> {
    (laid.mentions.iter().zip(&laid.reviews))
        .filter(|(_, r)| r.status != Status::Rejected)
        .map(|(m, r)| Span {
            range: m.span.clone(),
            label: r.relabel.clone().unwrap_or_else(|| m.label.clone()),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::cohen_kappa;

    #[test]
    fn kappa_as_computed_by_hand() {
        // Four mentions: agreed on three; the first rater 1 reject, 2 accept, 1 relabel, the
        // second 2 reject, 1 accept, 1 relabel. Observed 0.75; by chance
        // 0.25·0.5 + 0.5·0.25 + 0.25·0.25 = 0.3125; kappa 0.4375 / 0.6875.
        let pairs = [
            ("reject", "reject"),
            ("accept", "reject"),
            ("relabel as ORG", "relabel as ORG"),
            ("accept", "accept"),
        ];
        let (kappa, observed, chance) = cohen_kappa(&pairs).unwrap();
        assert!((observed - 0.75).abs() < 1e-9);
        assert!((chance - 0.3125).abs() < 1e-9);
        assert!((kappa - 0.4375 / 0.6875).abs() < 1e-9);
        assert_eq!(cohen_kappa(&[]), None);
        assert_eq!(cohen_kappa(&[("accept", "accept")]).unwrap().0, 1.0);
    }
}
