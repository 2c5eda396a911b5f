//! Scoring predicted mentions against gold ones, on character spans so that English and Chinese
//! are scored alike. Strict (exact span and label, the CoNLL headline figure) per label and
//! micro-averaged, and the SemEval-2013 view (as in nervaluate): each gold and predicted span is
//! correct, incorrect (right span, wrong label), partial (overlap), missed or spurious, scored
//! under the strict, exact, partial and type schemes.

use crate::model::Label;
use std::collections::BTreeMap;
use std::ops::Range;

/// A labelled span (offsets in any one unit, as long as gold and prediction agree).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Span {
    pub range: Range<usize>,
    pub label: Label,
}

/// How a gold span and a predicted span relate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Outcome {
    /// Same span, same label.
    Correct,
    /// Same span, another label.
    WrongLabel,
    /// Overlapping spans, same label.
    WrongBoundary,
    /// Overlapping spans, another label.
    WrongBoth,
    Missed,
    Spurious,
}

impl Outcome {
    /// Name used in reports.
    pub fn name(self) -> &'static str {
        match self {
            Outcome::Correct => "correct",
            Outcome::WrongLabel => "wrong label",
            Outcome::WrongBoundary => "wrong boundary",
            Outcome::WrongBoth => "wrong label and boundary",
            Outcome::Missed => "missed",
            Outcome::Spurious => "spurious",
        }
    }
}

/// One decision of the alignment: a gold span, a predicted span, or both.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pair {
    pub gold: Option<Span>,
    pub pred: Option<Span>,
    pub outcome: Outcome,
}

/// Aligns the spans of one document: exact spans first, then the largest overlaps, each span
/// used once; what is left is missed (gold) or spurious (predicted). Sorted by position.
pub fn align(gold: &[Span], pred: &[Span]) -> Vec<Pair> {
    let mut gold_used = vec![false; gold.len()];
    let mut pred_used = vec![false; pred.len()];
    let mut pairs = Vec::new();
    for (gi, g) in gold.iter().enumerate() {
        let exact = (0..pred.len())
            .filter(|&pi| !pred_used[pi] && pred[pi].range == g.range)
            .min_by_key(|&pi| pred[pi].label != g.label);
        if let Some(pi) = exact {
            gold_used[gi] = true;
            pred_used[pi] = true;
            let outcome = if pred[pi].label == g.label {
                Outcome::Correct
            } else {
                Outcome::WrongLabel
            };
            pairs.push(Pair {
                gold: Some(g.clone()),
                pred: Some(pred[pi].clone()),
                outcome,
            });
        }
    }
    let overlap =
        |a: &Range<usize>, b: &Range<usize>| a.end.min(b.end).saturating_sub(a.start.max(b.start));
    let mut candidates: Vec<(usize, usize, usize)> = Vec::new();
    for (gi, g) in gold.iter().enumerate().filter(|(i, _)| !gold_used[*i]) {
        for (pi, p) in pred.iter().enumerate().filter(|(i, _)| !pred_used[*i]) {
            let o = overlap(&g.range, &p.range);
            if o > 0 {
                candidates.push((o, gi, pi));
            }
        }
    }
    candidates.sort_by(|a, b| b.0.cmp(&a.0).then((a.1, a.2).cmp(&(b.1, b.2))));
    for (_, gi, pi) in candidates {
        if gold_used[gi] || pred_used[pi] {
            continue;
        }
        gold_used[gi] = true;
        pred_used[pi] = true;
        let outcome = if gold[gi].label == pred[pi].label {
            Outcome::WrongBoundary
        } else {
            Outcome::WrongBoth
        };
        pairs.push(Pair {
            gold: Some(gold[gi].clone()),
            pred: Some(pred[pi].clone()),
            outcome,
        });
    }
    for (_, g) in gold.iter().enumerate().filter(|(i, _)| !gold_used[*i]) {
        pairs.push(Pair {
            gold: Some(g.clone()),
            pred: None,
            outcome: Outcome::Missed,
        });
    }
    for (_, p) in pred.iter().enumerate().filter(|(i, _)| !pred_used[*i]) {
        pairs.push(Pair {
            gold: None,
            pred: Some(p.clone()),
            outcome: Outcome::Spurious,
        });
    }
    pairs.sort_by_key(|p| {
        let r = p
            .gold
            .as_ref()
            .or(p.pred.as_ref())
            .map_or(0..0, |s| s.range.clone());
        (r.start, r.end, p.outcome)
    });
    pairs
}

/// Precision, recall and F1 from counts.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Prf {
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
}

impl Prf {
    /// From credited matches over predicted (actual) and gold (possible) totals. An empty side
    /// scores 1 when the other is empty too, else 0.
    pub fn new(credit: f64, actual: usize, possible: usize) -> Prf {
        let ratio = |n: f64, d: usize| {
            if d == 0 {
                if n == 0.0 && actual == possible {
                    1.0
                } else {
                    0.0
                }
            } else {
                n / d as f64
            }
        };
        let precision = ratio(credit, actual);
        let recall = ratio(credit, possible);
        let f1 = if precision + recall == 0.0 {
            0.0
        } else {
            2.0 * precision * recall / (precision + recall)
        };
        Prf {
            precision,
            recall,
            f1,
        }
    }
}

/// Strict counts for one label (or all).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct StrictCounts {
    pub gold: usize,
    pub pred: usize,
    pub correct: usize,
}

impl StrictCounts {
    /// Strict precision, recall, F1.
    pub fn prf(&self) -> Prf {
        Prf::new(self.correct as f64, self.pred, self.gold)
    }
}

/// The SemEval-2013 counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct SemEvalCounts {
    pub correct: usize,
    pub incorrect: usize,
    pub partial: usize,
    pub missed: usize,
    pub spurious: usize,
}

/// A SemEval-2013 scheme.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scheme {
    /// Exact boundary and type.
    Strict,
    /// Exact boundary, any type.
    Exact,
    /// Overlap counts half, any type.
    Partial,
    /// Overlap with the right type.
    Type,
}

impl Scheme {
    /// All four, in report order.
    pub const ALL: [Scheme; 4] = [Scheme::Strict, Scheme::Exact, Scheme::Partial, Scheme::Type];

    /// Name used in reports.
    pub fn name(self) -> &'static str {
        match self {
            Scheme::Strict => "strict",
            Scheme::Exact => "exact",
            Scheme::Partial => "partial",
            Scheme::Type => "type",
        }
    }
}

/// Every figure for a set of aligned pairs.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Scores {
    /// Strict counts by label.
    pub by_label: BTreeMap<Label, StrictCounts>,
    /// Strict counts over all labels (micro average).
    pub micro: StrictCounts,
    /// Counts by outcome, as listed in SemEval-2013.
    pub semeval: SemEvalCounts,
    /// Pairs by outcome, for the schemes.
    outcomes: BTreeMap<Outcome, usize>,
}

impl Scores {
    /// Each label's counts by name, then the counts over all labels named `total`: the rows of
    /// a per-label table.
    pub fn rows<'a>(&'a self, total: &'a str) -> impl Iterator<Item = (&'a str, &'a StrictCounts)> {
        (self.by_label.iter())
            .map(|(l, c)| (l.as_str(), c))
            .chain(std::iter::once((total, &self.micro)))
    }

    /// Adds the pairs of one document.
    pub fn add(&mut self, pairs: &[Pair]) {
        for p in pairs {
            *self.outcomes.entry(p.outcome).or_default() += 1;
            if let Some(g) = &p.gold {
                self.by_label.entry(g.label.clone()).or_default().gold += 1;
                self.micro.gold += 1;
            }
            if let Some(s) = &p.pred {
                self.by_label.entry(s.label.clone()).or_default().pred += 1;
                self.micro.pred += 1;
            }
            if p.outcome == Outcome::Correct {
                if let Some(g) = &p.gold {
                    self.by_label.entry(g.label.clone()).or_default().correct += 1;
                }
                self.micro.correct += 1;
            }
            let s = &mut self.semeval;
            match p.outcome {
                Outcome::Correct => s.correct += 1,
                Outcome::WrongLabel => s.incorrect += 1,
                Outcome::WrongBoundary | Outcome::WrongBoth => s.partial += 1,
                Outcome::Missed => s.missed += 1,
                Outcome::Spurious => s.spurious += 1,
            }
        }
    }

    /// Precision, recall and F1 under a SemEval-2013 scheme.
    pub fn scheme(&self, scheme: Scheme) -> Prf {
        let n = |o: Outcome| *self.outcomes.get(&o).unwrap_or(&0);
        let (cor, inc, par) = match scheme {
            Scheme::Strict => (
                n(Outcome::Correct),
                n(Outcome::WrongLabel) + n(Outcome::WrongBoundary) + n(Outcome::WrongBoth),
                0,
            ),
            Scheme::Exact => (
                n(Outcome::Correct) + n(Outcome::WrongLabel),
                n(Outcome::WrongBoundary) + n(Outcome::WrongBoth),
                0,
            ),
            Scheme::Partial => (
                n(Outcome::Correct) + n(Outcome::WrongLabel),
                0,
                n(Outcome::WrongBoundary) + n(Outcome::WrongBoth),
            ),
            Scheme::Type => (
                n(Outcome::Correct) + n(Outcome::WrongBoundary),
                n(Outcome::WrongLabel) + n(Outcome::WrongBoth),
                0,
            ),
        };
        let possible = cor + inc + par + n(Outcome::Missed);
        let actual = cor + inc + par + n(Outcome::Spurious);
        Prf::new(cor as f64 + 0.5 * par as f64, actual, possible)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn span(start: usize, end: usize, label: Label) -> Span {
        Span {
            range: start..end,
            label,
        }
    }

    #[test]
    fn every_outcome_once() {
        use Label::*;
        let gold = [
            span(0, 5, Person),
            span(10, 15, Region),
            span(20, 30, Org),
            span(40, 45, Person),
            span(50, 55, Region),
        ];
        let pred = [
            span(0, 5, Person),
            span(10, 15, Org),
            span(20, 28, Org),
            span(40, 47, Region),
            span(60, 62, Person),
        ];
        let pairs = align(&gold, &pred);
        let outcomes: Vec<Outcome> = pairs.iter().map(|p| p.outcome).collect();
        use Outcome::*;
        assert_eq!(
            outcomes,
            [
                Correct,
                WrongLabel,
                WrongBoundary,
                WrongBoth,
                Missed,
                Spurious
            ]
        );
        let mut s = Scores::default();
        s.add(&pairs);
        assert_eq!(
            s.semeval,
            SemEvalCounts {
                correct: 1,
                incorrect: 1,
                partial: 2,
                missed: 1,
                spurious: 1
            }
        );
        assert_eq!(
            s.micro,
            StrictCounts {
                gold: 5,
                pred: 5,
                correct: 1
            }
        );
        assert_eq!(
            s.by_label[&Person],
            StrictCounts {
                gold: 2,
                pred: 2,
                correct: 1
            }
        );
        // nervaluate's figures for this case: strict 1/5; exact 2/5; partial (2 + 0.5·2)/5; type 2/5.
        assert!((s.scheme(Scheme::Strict).precision - 0.2).abs() < 1e-9);
        assert!((s.scheme(Scheme::Exact).recall - 0.4).abs() < 1e-9);
        assert!((s.scheme(Scheme::Partial).f1 - 0.6).abs() < 1e-9);
        assert!((s.scheme(Scheme::Type).precision - 0.4).abs() < 1e-9);
        assert!((s.micro.prf().f1 - 0.2).abs() < 1e-9);
    }

    #[test]
    fn one_prediction_covering_two_gold_spans_pairs_once() {
        use Label::*;
        let gold = [span(0, 4, Region), span(5, 9, Region)];
        let pred = [span(0, 9, Region)];
        let pairs = align(&gold, &pred);
        let outcomes: Vec<Outcome> = pairs.iter().map(|p| p.outcome).collect();
        assert_eq!(outcomes, [Outcome::WrongBoundary, Outcome::Missed]);
    }

    #[test]
    fn empty_sides() {
        assert_eq!(
            Prf::new(0.0, 0, 0).f1,
            1.0,
            "nothing to find, nothing found"
        );
        assert_eq!(Prf::new(0.0, 3, 0).precision, 0.0);
        assert_eq!(Prf::new(0.0, 0, 3).recall, 0.0);
    }
}
