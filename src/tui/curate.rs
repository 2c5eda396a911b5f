//! Curation from a gold set (compare mode): taking the gold's version of a disagreement into
//! the review — a missed mention added (or a rejected one taken back), the gold's label or
//! boundaries taken, a spurious mention rejected — for the current disagreement (`t`) or every
//! disagreement of its kind in the document (`T`), as one decision `u` undoes.

use super::app::App;
use super::compare::Kind;
use crate::corpus::DocId;
use crate::eval::{Outcome, Pair};
use crate::formats::offsets::OffsetMap;
use crate::index::MentionId;
use crate::review::{decision, Decision, Status, Verdict};

impl App {
    /// `t` / `T`: the gold's version of the current disagreement, or of every disagreement of
    /// its kind in the document.
    pub fn take_gold(&mut self, every_of_its_kind: bool) {
        let Some(compare) = &self.ws.compare else {
            self.message = Some("no gold annotation: open with --gold FILE".into());
            return;
        };
        let Some(doc) = self.current_doc() else {
            return;
        };
        let pairs: Vec<Pair> = compare.pairs.get(doc.index()).cloned().unwrap_or_default();
        let Some(current) = self.current_pair(doc, &pairs) else {
            self.message = Some(
                "no current disagreement: step onto one with ) or (, or onto a mention the gold disagrees with".into(),
            );
            return;
        };
        let kind = Kind::of(current.outcome);
        let chosen: Vec<&Pair> = match every_of_its_kind {
            true => pairs
                .iter()
                .filter(|p| Kind::of(p.outcome) == kind)
                .collect(),
            false => vec![&current],
        };
        let decisions: Vec<Decision> = (chosen.iter())
            .flat_map(|p| self.gold_decisions(doc, p))
            .collect();
        let what = match (every_of_its_kind, chosen.len()) {
            (false, _) => format!("the gold's version taken ({})", current.outcome.name()),
            (true, n) => format!(
                "the gold's version of {n} disagreement{} taken ({}; u undoes them as one)",
                if n == 1 { "" } else { "s" },
                current.outcome.name()
            ),
        };
        self.record(decisions, &[], what, false);
    }

    /// The disagreement the reviewer is on in document `doc`: the current mention's, or the
    /// one `)` / `(` last went to.
    fn current_pair(&self, doc: DocId, pairs: &[Pair]) -> Option<Pair> {
        let index = &self.ws.index;
        let disagreeing = pairs.iter().filter(|p| p.outcome != Outcome::Correct);
        if let Some(m) = self
            .current_mention
            .filter(|m| index.mentions[m.index()].doc == doc)
        {
            let span = index.mentions[m.index()].span.clone();
            let label = self.effective_label(m);
            let rejected = self.review_of(m).status == Status::Rejected;
            let found = disagreeing.clone().find(|p| match (&p.pred, &p.gold) {
                (Some(s), _) => !rejected && s.range == span && s.label == label,
                (None, Some(g)) => rejected && g.range == span,
                (None, None) => false,
            });
            if found.is_some() {
                return found.cloned();
            }
        }
        let (row, start) = self.disagreement_at?;
        if row != self.list.selected {
            return None;
        }
        let at = |p: &&Pair| p.pred.as_ref().or(p.gold.as_ref()).map(|s| s.range.start);
        disagreeing.clone().find(|p| at(p) == Some(start)).cloned()
    }

    /// The decisions that make the review agree with the gold on `pair` of document `doc`.
    fn gold_decisions(&self, doc: DocId, pair: &Pair) -> Vec<Decision> {
        let (corpus, index) = (&self.ws.corpus, &self.ws.index);
        let document = &corpus.docs[doc.index()];
        let text: &str = &document.text;
        // The mention the pair predicts (a rejected one is not predicted).
        let predicted = |span: &std::ops::Range<usize>, label: &crate::model::Label| {
            (index.doc_mention_ids(doc))
                .map(|i| MentionId(i as u32))
                .find(|&m| {
                    index.mentions[m.index()].span == *span
                        && self.effective_label(m) == *label
                        && self.review_of(m).status != Status::Rejected
                })
        };
        let map = OffsetMap::new(text);
        match (&pair.pred, &pair.gold) {
            (Some(p), None) => predicted(&p.range, &p.label)
                .map(|m| decision(corpus, index, m, Verdict::Reject))
                .into_iter()
                .collect(),
            (None, Some(g)) => {
                // A rejected mention at the gold's span is taken back; else the gold's is added.
                let rejected = (index.doc_mention_ids(doc))
                    .map(|i| MentionId(i as u32))
                    .find(|&m| index.mentions[m.index()].span == g.range);
                match rejected {
                    Some(m) if self.effective_label(m) == g.label => {
                        vec![decision(corpus, index, m, Verdict::Accept)]
                    }
                    Some(m) => vec![decision(
                        corpus,
                        index,
                        m,
                        Verdict::Relabel(g.label.clone()),
                    )],
                    None => vec![Decision {
                        doc: document.path.clone(),
                        start: map.code_point_of(g.range.start),
                        end: map.code_point_of(g.range.end),
                        label: g.label.as_str().to_string(),
                        text: text.get(g.range.clone()).unwrap_or("").to_string(),
                        verdict: Verdict::Add,
                    }],
                }
            }
            (Some(p), Some(g)) => {
                let Some(m) = predicted(&p.range, &p.label) else {
                    return Vec::new();
                };
                let relabel = Verdict::Relabel(g.label.clone());
                if p.range == g.range {
                    return vec![decision(corpus, index, m, relabel)];
                }
                let adjust = Verdict::Adjust {
                    start: map.code_point_of(g.range.start),
                    end: map.code_point_of(g.range.end),
                };
                let moved = decision(corpus, index, m, adjust);
                if p.label == g.label {
                    return vec![moved];
                }
                // The relabel names the mention where the move put it.
                let relabelled = Decision {
                    start: map.code_point_of(g.range.start),
                    end: map.code_point_of(g.range.end),
                    text: text.get(g.range.clone()).unwrap_or("").to_string(),
                    verdict: relabel,
                    ..moved.clone()
                };
                vec![moved, relabelled]
            }
            (None, None) => Vec::new(),
        }
    }
}
