//! The agreement pane: this browser's reviewer against another reviewer of the same database —
//! Cohen's kappa, the F1 of one reviewed annotation against the other per label, the documents
//! they agree on least, and the mentions they decided differently, to step through.

use super::app::{App, Effect, Mode, Overlay};
use super::keymap::Action;
use super::update::moved;
use crate::review::agreement::{Agreement, Difference};
use crate::review::{Decision, Verdict};

/// What the pane shows.
#[derive(Debug, Clone)]
pub struct AgreementPane {
    /// This browser's reviewer.
    pub me: String,
    /// The reviewer compared with.
    pub other: String,
    /// Every other reviewer of the database, with how many decisions, most first.
    pub others: Vec<(String, usize)>,
    pub agreement: Agreement,
    /// The selected difference.
    pub selected: usize,
}

impl App {
    /// Computes the agreement with `other` (by default the other reviewer with most
    /// decisions) and opens the pane; says why not when there is no other reviewer.
    pub(super) fn show_agreement(&mut self, other: Option<String>) {
        let me = (self.ws.review.store.as_ref())
            .map(|s| s.reviewer().to_string())
            .unwrap_or_default();
        match self.ws.agreement_with(other.as_deref()) {
            Err(e) => self.message = Some(e.to_string()),
            Ok((_, None)) => {
                self.message = Some(format!(
                    "no reviewer but {me} has decided anything in this database; gazette agree --store A --store B compares two databases"
                ))
            }
            Ok((others, Some(agreement))) => {
                let other = other
                    .or_else(|| others.first().map(|(r, _)| r.clone()))
                    .unwrap_or_default();
                let pane = AgreementPane {
                    me,
                    other,
                    others,
                    agreement,
                    selected: 0,
                };
                self.mode = Mode::Overlay(Overlay::Agreement(Box::new(pane)));
            }
        }
    }

    /// A key in the agreement pane.
    pub(super) fn agreement_action(&mut self, action: Action) {
        let Mode::Overlay(Overlay::Agreement(pane)) = &mut self.mode else {
            return;
        };
        let last = pane.agreement.differ.len().saturating_sub(1);
        match action {
            Action::Close => self.mode = Mode::Normal,
            Action::NextReviewer => {
                let at = (pane.others.iter()).position(|(r, _)| *r == pane.other);
                let next = at.map_or(0, |i| (i + 1) % pane.others.len().max(1));
                if let Some((r, _)) = pane.others.get(next) {
                    let other = Some(r.clone());
                    self.effects.push(Effect::Agreement { other });
                }
            }
            Action::Select => {
                let Some(d) = pane.agreement.differ.get(pane.selected).cloned() else {
                    return;
                };
                self.mode = Mode::Normal;
                self.show_difference(&d);
            }
            _ => pane.selected = moved(pane.selected, action, 10, last),
        }
    }

    /// Shows the mention of a difference in the reader.
    fn show_difference(&mut self, d: &Difference) {
        let decision = Decision {
            doc: d.doc.clone(),
            start: crate::model::CodePoint(d.start),
            end: crate::model::CodePoint(d.end),
            label: d.label.clone(),
            text: d.text.clone(),
            verdict: Verdict::Accept,
        };
        match self.ws.mention_of(&decision, true) {
            Some(m) => self.go_to_mention(m),
            None => {
                self.message = Some(format!(
                    "{:?} in {} is not a mention now (a boundary moved or it was added)",
                    d.text, d.doc
                ))
            }
        }
    }
}
