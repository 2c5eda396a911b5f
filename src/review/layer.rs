//! Laying decisions over the mentions: each mention's status and label after every decision in
//! force, in the order they were made.

use super::{Decision, Verdict};
use crate::corpus::{Corpus, DocId};
use crate::formats::offsets::OffsetMap;
use crate::index::{Index, MentionId};
use crate::model::{CodePoint, Label, Mention, Source, Status};
use std::collections::HashMap;

/// A mention's review: its status, and its new label if it was relabelled.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct MentionReview {
    pub status: Status,
    pub relabel: Option<Label>,
}

/// The mentions after review, each with its review, in index order (document, then position),
/// and the decisions whose mention is no longer there (its document changed, or the extraction).
#[derive(Debug, Clone, Default)]
pub struct Layered {
    pub mentions: Vec<Mention>,
    pub reviews: Vec<MentionReview>,
    pub orphans: Vec<Decision>,
}

/// A mention's review after `verdict`, for the verdicts that leave the mentions as they are
/// (accept, reject, relabel); None for those that move or add one.
pub fn review_after(review: &MentionReview, verdict: &Verdict) -> Option<MentionReview> {
    Some(match verdict {
        Verdict::Accept => MentionReview {
            status: Status::Accepted,
            relabel: review.relabel.clone(),
        },
        Verdict::Reject => MentionReview {
            status: Status::Rejected,
            relabel: None,
        },
        Verdict::Relabel(l) => MentionReview {
            status: Status::Accepted,
            relabel: Some(l.clone()),
        },
        // Put in the right entity: the mention itself is right.
        Verdict::Link { .. } => MentionReview {
            status: Status::Accepted,
            relabel: review.relabel.clone(),
        },
        Verdict::Adjust { .. }
        | Verdict::Add
        | Verdict::Merge { .. }
        | Verdict::Rename(_)
        | Verdict::Ignore(_) => return None,
    })
}

/// Lays `decisions`, in the order they were made, over the `base` mentions (in corpus order):
/// statuses and labels change, boundaries move, added mentions join, merged entities' mentions
/// take the key of the entity they joined. Only the documents some decision names are looked
/// at, unless entities were merged or renamed.
pub fn layer(corpus: &Corpus, base: &[Mention], decisions: &[Decision]) -> Layered {
    let mut layered = layer_mentions(corpus, base, decisions);
    let rules = super::EntityRules::of(decisions);
    if !rules.is_empty() {
        for m in &mut layered.mentions {
            rules.apply(m);
        }
    }
    layered
}

/// [`layer`] for the decisions about mentions.
fn layer_mentions(corpus: &Corpus, base: &[Mention], decisions: &[Decision]) -> Layered {
    let (by_doc, mut orphans) = by_document(corpus, decisions);
    let mut mentions = Vec::with_capacity(base.len());
    let mut reviews = Vec::with_capacity(base.len());
    let mut rest = base;
    for (&doc, decided) in &by_doc {
        // Every document before this one as it is.
        let before = rest.partition_point(|m| m.doc < doc);
        mentions.extend_from_slice(&rest[..before]);
        reviews.resize(mentions.len(), MentionReview::default());
        rest = &rest[before..];
        let own = rest.partition_point(|m| m.doc == doc);
        let l = layer_doc(corpus, doc, &rest[..own], decided);
        rest = &rest[own..];
        mentions.extend(l.mentions);
        reviews.extend(l.reviews);
        orphans.extend(l.orphans);
    }
    mentions.extend_from_slice(rest);
    reviews.resize(mentions.len(), MentionReview::default());
    Layered {
        mentions,
        reviews,
        orphans,
    }
}

/// `decisions` about mentions by the document they name, in the order made; those naming no
/// document of the corpus apart (decisions about entities are neither).
pub fn by_document<'a>(
    corpus: &Corpus,
    decisions: &'a [Decision],
) -> (
    std::collections::BTreeMap<DocId, Vec<&'a Decision>>,
    Vec<Decision>,
) {
    let mut by_doc: std::collections::BTreeMap<DocId, Vec<&Decision>> = Default::default();
    let mut orphans = Vec::new();
    let doc_of: HashMap<&str, DocId> = (corpus.docs.iter())
        .map(|d| (d.path.as_str(), d.id))
        .collect();
    for d in decisions.iter().filter(|d| !d.is_about_entity()) {
        match doc_of.get(d.doc.as_str()) {
            Some(&doc) => by_doc.entry(doc).or_default().push(d),
            None => orphans.push(d.clone()),
        }
    }
    (by_doc, orphans)
}

/// Lays `decisions` (all about document `doc`, in the order made) over its `base` mentions
/// (in reading order): its mentions after review in reading order, each with its review, and
/// the decisions whose mention is not there.
pub fn layer_doc(
    corpus: &Corpus,
    doc: DocId,
    base: &[Mention],
    decisions: &[&Decision],
) -> Layered {
    let mut mentions: Vec<Mention> = base.to_vec();
    let mut reviews = vec![MentionReview::default(); mentions.len()];
    let mut orphans = Vec::new();
    // A document laid again only for an entity decision: its text is not needed (reading it
    // would cost a file read per document of a merged entity).
    if decisions
        .iter()
        .all(|d| matches!(d.verdict, Verdict::Ignore(_)))
    {
        return Layered {
            mentions,
            reviews,
            orphans,
        };
    }
    let Some(document) = corpus.docs.get(doc.index()) else {
        orphans.extend(decisions.iter().map(|d| (*d).clone()));
        return Layered {
            mentions,
            reviews,
            orphans,
        };
    };
    let text: &str = &document.text;
    let map = OffsetMap::new(text);
    let span = |start: CodePoint, end: CodePoint| match (map.byte_of(start), map.byte_of(end)) {
        (Ok(a), Ok(b)) if a < b => Some(a..b),
        _ => None,
    };
    let mut at: HashMap<(usize, usize, String), usize> = (mentions.iter().enumerate())
        .map(|(i, m)| ((m.span.start, m.span.end, m.label.as_str().to_string()), i))
        .collect();
    // Moves mention i to the entity its label and text now name.
    let relink = |mentions: &mut Vec<Mention>, i: usize, label: &Label| {
        let others: Vec<(&Mention, &str)> = (mentions.iter().enumerate())
            .filter(|&(j, _)| j != i)
            .map(|(_, m)| (m, text.get(m.span.clone()).unwrap_or("")))
            .collect();
        let m = &mentions[i];
        let surface = text.get(m.span.clone()).unwrap_or("");
        mentions[i] = super::link::relinked(m, label, surface, &others);
    };
    for &d in decisions
        .iter()
        .filter(|d| !matches!(d.verdict, Verdict::Ignore(_)))
    {
        let Some(range) = span(d.start, d.end).filter(|r| text[r.clone()] == d.text) else {
            orphans.push(d.clone());
            continue;
        };
        let key = (range.start, range.end, d.label.clone());
        if d.verdict == Verdict::Add {
            if at.contains_key(&key) {
                continue; // already there (added twice, or extracted since)
            }
            at.insert(key, mentions.len());
            let canonical = text[range.clone()]
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ");
            mentions.push(Mention {
                doc,
                span: range,
                label: Label::from_name(&d.label),
                key: super::link::added_key(&canonical),
                canonical: canonical.into(),
                source: Source::Reviewer,
            });
            reviews.push(MentionReview {
                status: Status::Accepted,
                relabel: None,
            });
            continue;
        }
        let Some(&i) = at.get(&key) else {
            orphans.push(d.clone());
            continue;
        };
        if let Some(review) = review_after(&reviews[i], &d.verdict) {
            reviews[i] = review;
            match &d.verdict {
                Verdict::Relabel(label) => {
                    relink(&mut mentions, i, label);
                    // Later decisions name the mention by its new label (as the browser shows it).
                    at.insert((range.start, range.end, label.as_str().to_string()), i);
                }
                Verdict::Link { key, name } => {
                    mentions[i].key = key.as_str().into();
                    mentions[i].canonical = name.as_str().into();
                }
                _ => {}
            }
            continue;
        }
        let Verdict::Adjust { start, end } = &d.verdict else {
            continue; // by_document keeps decisions about entities apart
        };
        let Some(new) = span(*start, *end) else {
            orphans.push(d.clone());
            continue;
        };
        at.remove(&key);
        let label = mentions[i].label.clone();
        at.insert((new.start, new.end, d.label.clone()), i);
        at.insert((new.start, new.end, label.as_str().to_string()), i);
        mentions[i].span = new;
        relink(&mut mentions, i, &label);
        reviews[i] = MentionReview {
            status: Status::Accepted,
            relabel: reviews[i].relabel.clone(),
        };
    }
    let mut both: Vec<(Mention, MentionReview)> = mentions.into_iter().zip(reviews).collect();
    both.sort_by_key(|(m, _)| (m.span.start, m.span.end));
    let (mentions, reviews) = both.into_iter().unzip();
    Layered {
        mentions,
        reviews,
        orphans,
    }
}

/// The decision `verdict` about mention `id`, keyed as [`layer`] finds it again.
pub fn decision(corpus: &Corpus, index: &Index, id: MentionId, verdict: Verdict) -> Decision {
    decisions(corpus, index, &[id], &verdict).remove(0)
}

/// The same `verdict` about each of `ids` (a bulk decision), each document's offsets indexed
/// once however many of its mentions are decided.
pub fn decisions(
    corpus: &Corpus,
    index: &Index,
    ids: &[MentionId],
    verdict: &Verdict,
) -> Vec<Decision> {
    let mut maps: HashMap<DocId, OffsetMap> = HashMap::new();
    ids.iter()
        .map(|&id| {
            let m = &index.mentions[id.index()];
            let doc = &corpus.docs[m.doc.index()];
            let map = maps
                .entry(m.doc)
                .or_insert_with(|| OffsetMap::new(&doc.text));
            Decision {
                doc: doc.path.clone(),
                start: map.code_point_of(m.span.start),
                end: map.code_point_of(m.span.end),
                label: m.label.as_str().to_string(),
                text: doc.text[m.span.clone()].to_string(),
                verdict: verdict.clone(),
            }
        })
        .collect()
}

/// The annotation after review: rejected mentions removed (kept when `keep_rejected`, for an
/// export with statuses), relabelled ones under their new label, with each kept mention's status.
pub fn reviewed(corpus: &Corpus, layered: &Layered, keep_rejected: bool) -> (Index, Vec<Status>) {
    let mut kept: Vec<(Mention, Status)> = Vec::new();
    for (m, r) in layered.mentions.iter().zip(&layered.reviews) {
        if r.status == Status::Rejected && !keep_rejected {
            continue;
        }
        let mut m = m.clone();
        if let Some(l) = &r.relabel {
            m.label = l.clone();
        }
        kept.push((m, r.status));
    }
    // Index::build sorts mentions by position, as they already are: statuses stay aligned.
    let statuses = kept.iter().map(|(_, s)| *s).collect();
    (
        Index::build(corpus, kept.into_iter().map(|(m, _)| m).collect()),
        statuses,
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::session::analyze;

    #[test]
    fn decisions_apply_in_order_and_orphans_are_kept_apart() {
        let corpus = Corpus::bundled();
        let index = analyze(&corpus);
        let d0 = decision(&corpus, &index, MentionId(0), Verdict::Reject);
        let d1 = decision(&corpus, &index, MentionId(1), Verdict::Relabel(Label::Org));
        let d1b = decision(&corpus, &index, MentionId(1), Verdict::Accept);
        let mut gone = decision(&corpus, &index, MentionId(2), Verdict::Accept);
        gone.text = "a different text".into();
        let Layered {
            reviews, orphans, ..
        } = layer(&corpus, &index.mentions, &[d0, d1, d1b, gone.clone()]);
        assert_eq!(reviews[0].status, Status::Rejected);
        assert_eq!(
            reviews[1],
            MentionReview {
                status: Status::Accepted,
                relabel: Some(Label::Org)
            },
            "accepting keeps the new label"
        );
        assert_eq!(reviews[2].status, Status::Unreviewed);
        assert_eq!(orphans, [gone]);
    }
}
