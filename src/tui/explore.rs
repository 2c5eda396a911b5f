//! The profile (`P`) and co-occurrence (`C`) panes: computed as effects (they read texts), then
//! shown over the panes; Enter turns what is picked into filters.

use super::app::{App, Effect, Mode, Overlay};
use super::keymap::Action;
use super::update::moved;
use crate::corpus::DocId;
use crate::explore::{cooc, profile, Pair, Profile, Together};
use crate::index::EntityId;
use crate::model::Label;
use crate::session::select::Clause;

/// The profile pane's state.
#[derive(Debug, Clone)]
pub struct ProfilePane {
    pub profile: Profile,
    /// Which list is picked from: by document (false) or by sentence (true).
    pub by_sentence: bool,
    pub selected: usize,
}

/// The co-occurrence pane's state.
#[derive(Debug, Clone)]
pub struct CoocPane {
    pub rows: Label,
    pub cols: Label,
    pub together: Together,
    /// Over the listed documents (how many).
    pub docs: usize,
    pub pairs: Vec<Pair>,
    pub selected: usize,
    /// Shown as a matrix of the strongest rows and columns instead of a ranked list.
    pub matrix: bool,
}

impl ProfilePane {
    /// The list picked from.
    pub fn list(&self) -> &[crate::explore::With] {
        match self.by_sentence {
            true => &self.profile.with_by_sentence,
            false => &self.profile.with_by_doc,
        }
    }
}

impl App {
    /// Filters to the documents that mention both `a` (made current) and `b`.
    fn filter_by_both(&mut self, a: EntityId, b: EntityId) {
        for e in [a, b] {
            let clause = Clause::Entity(e);
            if !self.filters.contains(&clause) {
                self.filters.push(clause);
            }
        }
        self.apply_filters();
        self.current_entity = Some(a);
        self.current_mention = None;
        let (x, y) = (&self.ws.index.entity(a).name, &self.ws.index.entity(b).name);
        self.message = Some(format!(
            "{} documents mention {x} and {y}",
            self.list.docs.len()
        ));
    }

    /// `P`: asks for the profile of the entity in hand.
    pub(super) fn open_profile(&mut self) {
        match self.entity_in_hand() {
            Some(entity) => self.effects.push(Effect::Profile { entity }),
            None => {
                self.message =
                    Some("no current entity: choose one with / or in the entity pane".into())
            }
        }
    }

    /// Computes and shows the profile of `entity`.
    pub(super) fn show_profile(&mut self, entity: EntityId) {
        let profile = profile(&self.ws.corpus, &self.ws.index, entity);
        let pane = ProfilePane {
            profile,
            by_sentence: false,
            selected: 0,
        };
        self.mode = Mode::Overlay(Overlay::Profile(Box::new(pane)));
    }

    /// A key in the profile pane.
    pub(super) fn profile_action(&mut self, action: Action) {
        let Mode::Overlay(Overlay::Profile(pane)) = &mut self.mode else {
            return;
        };
        let last = pane.list().len().saturating_sub(1);
        match action {
            Action::Close => self.mode = Mode::Normal,
            Action::WriteOut => self.ask_write_out(),
            Action::NextReviewer => {
                pane.by_sentence = !pane.by_sentence;
                pane.selected = 0;
            }
            Action::Select => {
                let Some(with) = pane.list().get(pane.selected).map(|w| w.entity) else {
                    return;
                };
                let own = pane.profile.entity;
                self.mode = Mode::Normal;
                self.filter_by_both(own, with);
            }
            _ => pane.selected = moved(pane.selected, action, 10, last),
        }
    }

    /// `C`: asks for who appears with whom in the listed documents (persons × regions first).
    pub(super) fn open_cooc(&mut self, rows: Label, cols: Label, together: Together) {
        self.effects.push(Effect::Cooc {
            rows,
            cols,
            together,
        });
    }

    /// Computes and shows the co-occurrence pane.
    pub(super) fn show_cooc(&mut self, rows: Label, cols: Label, together: Together) {
        let docs: Vec<DocId> = self.list.docs.iter().copied().collect();
        let pairs = cooc(
            &self.ws.corpus,
            &self.ws.index,
            &docs,
            &rows,
            &cols,
            together,
        );
        let matrix = matches!(self.overlay(), Some(Overlay::Cooc(p)) if p.matrix);
        let pane = CoocPane {
            rows,
            cols,
            together,
            docs: docs.len(),
            pairs,
            selected: 0,
            matrix,
        };
        self.mode = Mode::Overlay(Overlay::Cooc(Box::new(pane)));
    }

    /// A key in the co-occurrence pane.
    pub(super) fn cooc_action(&mut self, action: Action) {
        let Mode::Overlay(Overlay::Cooc(pane)) = &mut self.mode else {
            return;
        };
        let last = pane.pairs.len().saturating_sub(1);
        let labels = self.ws.index.labels().to_vec();
        let next_label = |l: &Label| {
            let i = labels.iter().position(|x| x == l).map_or(0, |i| i + 1);
            labels
                .get(i % labels.len().max(1))
                .cloned()
                .unwrap_or(Label::Person)
        };
        match action {
            Action::Close => self.mode = Mode::Normal,
            Action::WriteOut => self.ask_write_out(),
            Action::NextReviewer => {
                let together = match pane.together {
                    Together::Document => Together::Sentence,
                    Together::Sentence => Together::Document,
                };
                let (rows, cols) = (pane.rows.clone(), pane.cols.clone());
                self.open_cooc(rows, cols, together);
            }
            Action::CycleKind => {
                let (rows, cols, together) =
                    (next_label(&pane.rows), pane.cols.clone(), pane.together);
                self.open_cooc(rows, cols, together);
            }
            Action::CycleLabel => {
                let (rows, cols, together) =
                    (pane.rows.clone(), next_label(&pane.cols), pane.together);
                self.open_cooc(rows, cols, together);
            }
            Action::ToggleMatrix => pane.matrix = !pane.matrix,
            Action::Select => {
                let Some(p) = pane.pairs.get(pane.selected).copied() else {
                    return;
                };
                self.mode = Mode::Normal;
                self.filter_by_both(p.row, p.col);
            }
            _ => pane.selected = moved(pane.selected, action, 10, last),
        }
    }
}
