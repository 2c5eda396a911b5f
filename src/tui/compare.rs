//! Compare mode (`--gold FILE`): the reviewed mentions against a gold annotation, scored as
//! `gazette eval` scores them and recomputed after every decision.

use super::app::App;
use crate::eval::{Outcome, Pair, Span};
use crate::index::MentionId;

pub use crate::session::Compare;

impl App {
    /// Scores the current mentions against the gold again (see [`Workspace::refresh_compare`]).
    pub fn refresh_compare(&mut self) {
        self.ws.refresh_compare();
    }

    /// A mention's label after review.
    pub fn effective_label(&self, m: MentionId) -> crate::model::Label {
        self.ws.effective_label(m)
    }

    /// How a mention fares against the gold (None outside compare mode). A rejected mention is
    /// not predicted: missed when the gold has its span, else None.
    pub fn outcome_of(&self, m: MentionId) -> Option<Outcome> {
        let compare = self.ws.compare.as_ref()?;
        let mention = &self.ws.index.mentions[m.index()];
        let pairs = compare.pairs.get(mention.doc.index())?;
        if self.review_of(m).status == crate::review::Status::Rejected {
            return (pairs.iter())
                .find(|p| {
                    p.pred.is_none() && p.gold.as_ref().is_some_and(|g| g.range == mention.span)
                })
                .map(|p| p.outcome);
        }
        let label = self.effective_label(m);
        pairs
            .iter()
            .find(|p| {
                p.pred
                    .as_ref()
                    .is_some_and(|s| s.range == mention.span && s.label == label)
            })
            .map(|p| p.outcome)
    }

    /// ) / (: the next or previous disagreement with the gold, in reading order across the
    /// listed documents.
    pub fn step_disagreement(&mut self, forward: bool) {
        let Some(compare) = &self.ws.compare else {
            self.message = Some("no gold annotation: open with --gold FILE".into());
            return;
        };
        let mut places: Vec<(usize, usize, usize)> = Vec::new(); // (list rank, start, end)
        for (rank, &doc) in self.list.docs.iter().enumerate() {
            for p in compare
                .pairs
                .get(doc.index())
                .into_iter()
                .flatten()
                .filter(|p| p.outcome != Outcome::Correct)
            {
                let r = p
                    .pred
                    .as_ref()
                    .or(p.gold.as_ref())
                    .map_or(0..0, |s| s.range.clone());
                places.push((rank, r.start, r.end));
            }
        }
        if places.is_empty() {
            self.message = Some("no disagreement in the listed documents".into());
            return;
        }
        let here = (
            self.list.selected,
            self.reader
                .wrapped
                .as_ref()
                .and_then(|(_, w)| w.lines.get(self.reader.top))
                .map_or(0, |l| l.start),
        );
        // From the last disagreement visited (strictly after it), or from the top of the reader
        // (at or after it).
        let (here, strictly) = self.disagreement_at.map_or((here, false), |at| (at, true));
        let target = if forward {
            places
                .iter()
                .find(|p| (p.0, p.1) > here || (!strictly && (p.0, p.1) == here))
                .or(places.first())
        } else {
            places
                .iter()
                .rev()
                .find(|p| (p.0, p.1) < here)
                .or(places.last())
        };
        let Some(&(rank, start, end)) = target else {
            return;
        };
        let total = places.len();
        let index = places
            .iter()
            .position(|p| (p.0, p.1) == (rank, start))
            .map_or(0, |i| i + 1);
        self.select_row(rank);
        self.disagreement_at = Some((rank, start));
        let doc = self.list.docs[rank];
        self.current_mention = self
            .ws
            .index
            .doc_mention_ids(doc)
            .find(|&i| self.ws.index.mentions[i].span == (start..end))
            .map(|i| MentionId(i as u32));
        self.current_entity = self.current_mention.map(|m| self.ws.index.entity_of(m));
        self.reveal(start);
        let kind = compare_kind(self, doc.0, start..end);
        self.message = Some(format!("disagreement {index} of {total}: {kind}"));
    }
}

fn compare_kind(app: &App, doc: u32, range: std::ops::Range<usize>) -> String {
    let pairs = app
        .ws
        .compare
        .as_ref()
        .and_then(|c| c.pairs.get(doc as usize));
    let pair = pairs.into_iter().flatten().find(|p| {
        p.pred
            .as_ref()
            .or(p.gold.as_ref())
            .is_some_and(|s| s.range == range)
    });
    match pair {
        Some(p) => {
            let label = |s: &Option<Span>| {
                s.as_ref()
                    .map_or("-".to_string(), |s| s.label.as_str().to_string())
            };
            format!(
                "{} (gold {}, predicted {})",
                p.outcome.name(),
                label(&p.gold),
                label(&p.pred)
            )
        }
        None => String::new(),
    }
}

/// The kinds of disagreement the errors list filters by.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Missed,
    Spurious,
    WrongLabel,
    WrongBoundary,
}

impl Kind {
    /// Filter order for `t`: None (all) first.
    pub const CYCLE: [Option<Kind>; 5] = [
        None,
        Some(Kind::Missed),
        Some(Kind::Spurious),
        Some(Kind::WrongLabel),
        Some(Kind::WrongBoundary),
    ];

    /// Whether a pair's outcome is of this kind.
    /// The kind a disagreement is of (None for an agreement).
    pub fn of(outcome: Outcome) -> Option<Kind> {
        (Kind::CYCLE.into_iter().flatten()).find(|k| k.admits(outcome))
    }

    pub fn admits(self, outcome: Outcome) -> bool {
        matches!(
            (self, outcome),
            (Kind::Missed, Outcome::Missed)
                | (Kind::Spurious, Outcome::Spurious)
                | (Kind::WrongLabel, Outcome::WrongLabel)
                | (
                    Kind::WrongBoundary,
                    Outcome::WrongBoundary | Outcome::WrongBoth
                )
        )
    }

    /// Name in the list's title.
    pub fn name(self) -> &'static str {
        match self {
            Kind::Missed => "missed",
            Kind::Spurious => "spurious",
            Kind::WrongLabel => "wrong label",
            Kind::WrongBoundary => "wrong boundary",
        }
    }
}

/// The state of the errors list.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ErrorsList {
    pub kind: Option<Kind>,
    /// Only disagreements where gold or prediction has this label.
    pub label: Option<crate::model::Label>,
    pub selected: usize,
}

/// One row of the errors list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ErrorRow {
    pub rank: usize,
    pub pair: Pair,
}

impl App {
    /// The disagreements in the listed documents that pass the list's filters, in list order.
    pub fn error_rows(&self, list: &ErrorsList) -> Vec<ErrorRow> {
        let Some(compare) = &self.ws.compare else {
            return Vec::new();
        };
        let mut rows = Vec::new();
        for (rank, &doc) in self.list.docs.iter().enumerate() {
            for p in compare.pairs.get(doc.index()).into_iter().flatten() {
                let kind_ok =
                    p.outcome != Outcome::Correct && list.kind.is_none_or(|k| k.admits(p.outcome));
                let label_ok = list.label.as_ref().is_none_or(|l| {
                    [&p.gold, &p.pred]
                        .iter()
                        .any(|s| s.as_ref().is_some_and(|s| &s.label == l))
                });
                if kind_ok && label_ok {
                    rows.push(ErrorRow {
                        rank,
                        pair: p.clone(),
                    });
                }
            }
        }
        rows
    }

    /// The labels that occur in disagreements, for cycling the label filter.
    pub fn error_labels(&self) -> Vec<crate::model::Label> {
        let mut labels: Vec<crate::model::Label> = self
            .error_rows(&ErrorsList::default())
            .iter()
            .flat_map(|r| [r.pair.gold.as_ref(), r.pair.pred.as_ref()])
            .flatten()
            .map(|s| s.label.clone())
            .collect();
        labels.sort();
        labels.dedup();
        labels
    }

    /// Shows a disagreement in the reader.
    pub fn go_to_error(&mut self, row: &ErrorRow) {
        let Some(span) = row
            .pair
            .pred
            .as_ref()
            .or(row.pair.gold.as_ref())
            .map(|s| s.range.clone())
        else {
            return;
        };
        self.select_row(row.rank);
        let doc = self.list.docs[row.rank];
        self.disagreement_at = Some((row.rank, span.start));
        self.current_mention = self
            .ws
            .index
            .doc_mention_ids(doc)
            .find(|&i| self.ws.index.mentions[i].span == span)
            .map(|i| MentionId(i as u32));
        self.current_entity = self.current_mention.map(|m| self.ws.index.entity_of(m));
        self.reveal(span.start);
    }
}
