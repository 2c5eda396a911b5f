//! Laying decisions over the mentions: each mention's status and label after every decision in
//! force, in the order they were made.

use super::{Decision, Verdict};
use crate::corpus::{Corpus, DocId};
use crate::formats::offsets::{OffsetMap, Unit};
use crate::index::{Index, MentionId};
use crate::model::Label;
use std::collections::HashMap;

/// Where a mention stands in review.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Status {
    #[default]
    Unreviewed,
    Accepted,
    Rejected,
}

/// A mention's review: its status, and its new label if it was relabelled.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct MentionReview {
    pub status: Status,
    pub relabel: Option<Label>,
}

/// The review of every mention (indexed by mention id) and the decisions whose mention is no
/// longer there (its document changed, or the extraction did).
pub fn layer(
    corpus: &Corpus,
    index: &Index,
    decisions: &[Decision],
) -> (Vec<MentionReview>, Vec<Decision>) {
    let mut reviews = vec![MentionReview::default(); index.mentions.len()];
    let mut orphans = Vec::new();
    let doc_of: HashMap<&str, DocId> = corpus
        .docs
        .iter()
        .map(|d| (d.path.as_str(), d.id))
        .collect();
    let mut maps: HashMap<DocId, OffsetMap> = HashMap::new();
    for d in decisions {
        let Some(&doc) = doc_of.get(d.doc.as_str()) else {
            orphans.push(d.clone());
            continue;
        };
        let text = &corpus.docs[doc as usize].text;
        let map = maps.entry(doc).or_insert_with(|| OffsetMap::new(text));
        let found = match (
            map.to_byte(d.start, Unit::Codepoints),
            map.to_byte(d.end, Unit::Codepoints),
        ) {
            (Ok(a), Ok(b)) if text[a..b] == d.text => index.doc_mention_ids(doc).find(|&i| {
                index.mentions[i].span == (a..b) && index.mentions[i].label.as_str() == d.label
            }),
            _ => None,
        };
        let Some(i) = found else {
            orphans.push(d.clone());
            continue;
        };
        reviews[i] = match &d.verdict {
            Verdict::Accept => MentionReview {
                status: Status::Accepted,
                relabel: reviews[i].relabel.clone(),
            },
            Verdict::Reject => MentionReview {
                status: Status::Rejected,
                relabel: None,
            },
            Verdict::Relabel(l) => MentionReview {
                status: Status::Accepted,
                relabel: Some(l.clone()),
            },
        };
    }
    (reviews, orphans)
}

/// The decision `verdict` about mention `id`, keyed as [`layer`] finds it again.
pub fn decision(corpus: &Corpus, index: &Index, id: MentionId, verdict: Verdict) -> Decision {
    let m = &index.mentions[id as usize];
    let doc = &corpus.docs[m.doc as usize];
    let map = OffsetMap::new(&doc.text);
    Decision {
        doc: doc.path.clone(),
        start: map.from_byte(m.span.start, Unit::Codepoints),
        end: map.from_byte(m.span.end, Unit::Codepoints),
        label: m.label.as_str().to_string(),
        text: doc.text[m.span.clone()].to_string(),
        verdict,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cli::analyze;

    #[test]
    fn decisions_apply_in_order_and_orphans_are_kept_apart() {
        let corpus = Corpus::bundled();
        let index = analyze(&corpus);
        let d0 = decision(&corpus, &index, 0, Verdict::Reject);
        let d1 = decision(&corpus, &index, 1, Verdict::Relabel(Label::Org));
        let d1b = decision(&corpus, &index, 1, Verdict::Accept);
        let mut gone = decision(&corpus, &index, 2, Verdict::Accept);
        gone.text = "a different text".into();
        let (reviews, orphans) = layer(&corpus, &index, &[d0, d1, d1b, gone.clone()]);
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

/// The annotation after review: rejected mentions removed (kept when `keep_rejected`, for an
/// export with statuses), relabelled ones under their new label, with each kept mention's status.
pub fn reviewed(
    corpus: &Corpus,
    index: &Index,
    reviews: &[MentionReview],
    keep_rejected: bool,
) -> (Index, Vec<Status>) {
    let mut kept: Vec<(crate::model::Mention, Status)> = Vec::new();
    for (m, r) in index.mentions.iter().zip(reviews) {
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

impl Status {
    /// The name written in exported files.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Unreviewed => "unreviewed",
            Status::Accepted => "accepted",
            Status::Rejected => "rejected",
        }
    }
}
