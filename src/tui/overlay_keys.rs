//! Keys while a popup is open: help, the mention list, relabel, span editing, bulk decisions,
//! the disagreements list. A popup takes every key before the panes do.

use super::app::{App, Mode, Overlay};
use super::bulk::BulkScope;
use super::compare::Kind;
use super::keymap::{Action, Context};
use super::update::moved;
use crate::model::Label;
use crate::review::Verdict;
use crossterm::event::KeyEvent;

impl App {
    /// Handles a key for the open popup.
    pub(super) fn overlay_key(&mut self, key: KeyEvent) {
        match self.overlay() {
            Some(Overlay::Help { .. }) => {
                if let Some(a) = self.keymap.lookup(Context::HelpOverlay, key) {
                    self.help_action(a);
                }
            }
            Some(Overlay::Problems { .. }) => {
                if let Some(a) = self.keymap.lookup(Context::ProblemsOverlay, key) {
                    self.help_action(a);
                }
            }
            Some(Overlay::Mentions(_)) => {
                if let Some(a) = self.keymap.lookup(Context::Mentions, key) {
                    self.mentions_action(a);
                }
            }
            Some(Overlay::Errors(list)) => {
                let mut list = list.clone();
                let action = self.keymap.lookup(Context::ErrorsOverlay, key);
                let rows = self.error_rows(&list);
                match action {
                    Some(Action::Close) => {
                        self.mode = Mode::Normal;
                        return;
                    }
                    Some(Action::Select) => {
                        self.mode = Mode::Normal;
                        if let Some(row) = rows.get(list.selected) {
                            self.go_to_error(row);
                        }
                        return;
                    }
                    Some(Action::Down) => {
                        list.selected = (list.selected + 1).min(rows.len().saturating_sub(1))
                    }
                    Some(Action::Up) => list.selected = list.selected.saturating_sub(1),
                    Some(Action::Top) => list.selected = 0,
                    Some(Action::Bottom) => list.selected = rows.len().saturating_sub(1),
                    Some(Action::CycleKind) => {
                        let i = Kind::CYCLE
                            .iter()
                            .position(|k| *k == list.kind)
                            .unwrap_or(0);
                        list.kind = Kind::CYCLE[(i + 1) % Kind::CYCLE.len()];
                        list.selected = 0;
                    }
                    Some(Action::CycleLabel) => {
                        let labels = self.error_labels();
                        list.label = match &list.label {
                            None => labels.first().cloned(),
                            Some(l) => labels.iter().skip_while(|x| *x != l).nth(1).cloned(),
                        };
                        list.selected = 0;
                    }
                    _ => {}
                }
                self.mode = Mode::Overlay(Overlay::Errors(list));
            }
            Some(Overlay::SpanEdit(_)) => match self.keymap.lookup(Context::SpanPrompt, key) {
                Some(Action::Close) => self.mode = Mode::Normal,
                Some(Action::Select) => self.save_span(None),
                Some(Action::RelabelPerson) => self.save_span(Some(Label::Person)),
                Some(Action::RelabelRegion) => self.save_span(Some(Label::Region)),
                Some(Action::RelabelOrg) => self.save_span(Some(Label::Org)),
                None => {
                    // One of the other labels, by its key.
                    if let Some(label) = self.other_label_of(key) {
                        self.save_span(Some(label))
                    }
                }
                Some(a) => self.move_span_end(a),
            },
            Some(Overlay::BulkScope(verdict)) => {
                let verdict = verdict.clone();
                let scope = match self.keymap.lookup(Context::BulkPrompt, key) {
                    Some(Action::ScopeStringHere) => BulkScope::String { everywhere: false },
                    Some(Action::ScopeStringEverywhere) => BulkScope::String { everywhere: true },
                    Some(Action::ScopeEntityHere) => BulkScope::Entity { everywhere: false },
                    Some(Action::ScopeEntityEverywhere) => BulkScope::Entity { everywhere: true },
                    Some(Action::Close) => {
                        self.mode = Mode::Normal;
                        return;
                    }
                    _ => return,
                };
                self.mode = match self.bulk_targets(scope) {
                    Some((targets, what)) => Mode::Overlay(Overlay::BulkConfirm {
                        verdict,
                        targets,
                        what,
                    }),
                    None => Mode::Normal,
                };
            }
            Some(Overlay::Rename { .. }) => self.rename_key(key),
            Some(Overlay::SearchPrompt { .. }) => self.search_key(key),
            Some(Overlay::SaveFilters { .. }) => self.save_filters_key(key),
            Some(Overlay::Hits(_)) => {
                if let Some(a) = self.keymap.lookup(Context::HitsOverlay, key) {
                    self.hits_action(a);
                }
            }
            Some(Overlay::Profile(_)) => {
                if let Some(a) = self.keymap.lookup(Context::ProfileOverlay, key) {
                    self.profile_action(a);
                }
            }
            Some(Overlay::Cooc(_)) => {
                if let Some(a) = self.keymap.lookup(Context::CoocOverlay, key) {
                    self.cooc_action(a);
                }
            }
            Some(Overlay::Agreement(_)) => {
                if let Some(a) = self.keymap.lookup(Context::AgreementOverlay, key) {
                    self.agreement_action(a);
                }
            }
            Some(Overlay::EntityConfirm { decisions, what }) => {
                let (decisions, what) = (decisions.clone(), what.clone());
                match self.keymap.lookup(Context::ConfirmPrompt, key) {
                    Some(Action::Confirm) => {
                        self.mode = Mode::Normal;
                        self.confirm_entity_decisions(decisions, what);
                    }
                    Some(Action::Close) => {
                        self.mode = Mode::Normal;
                        self.message = Some("merge cancelled".into());
                    }
                    _ => {}
                }
            }
            Some(Overlay::BulkConfirm {
                verdict, targets, ..
            }) => {
                let (verdict, targets) = (verdict.clone(), targets.clone());
                match self.keymap.lookup(Context::ConfirmPrompt, key) {
                    Some(Action::Confirm) => {
                        self.mode = Mode::Normal;
                        self.decide_all(verdict, &targets);
                    }
                    Some(Action::Close) => {
                        self.mode = Mode::Normal;
                        self.message = Some("bulk decision cancelled".into());
                    }
                    _ => {}
                }
            }
            Some(Overlay::Relabel { bulk }) => {
                let bulk = *bulk;
                let label = match self.keymap.lookup(Context::RelabelPrompt, key) {
                    Some(Action::RelabelPerson) => Some(Label::Person),
                    Some(Action::RelabelRegion) => Some(Label::Region),
                    Some(Action::RelabelOrg) => Some(Label::Org),
                    Some(Action::Close) => None,
                    None => match self.other_label_of(key) {
                        Some(label) => Some(label),
                        None => return,
                    },
                    _ => return,
                };
                self.mode = Mode::Normal;
                match (label, bulk) {
                    (Some(label), true) => {
                        self.mode = Mode::Overlay(Overlay::BulkScope(Verdict::Relabel(label)))
                    }
                    (Some(label), false) => self.decide(Verdict::Relabel(label)),
                    (None, _) => {}
                }
            }
            None => {}
        }
    }

    /// Scrolling the help or the problems (drawing keeps the scroll within the text).
    pub(super) fn help_action(&mut self, action: Action) {
        // How far the text can scroll: its lines less the popup's (drawing keeps it in range).
        let total = match self.overlay() {
            Some(Overlay::Problems { .. }) => {
                super::view::problems::lines(self, self.area.width).len()
            }
            _ => super::view::help::lines(self).len(),
        };
        let end = total.saturating_sub(usize::from(self.area.height.saturating_sub(4)));
        let (Mode::Overlay(Overlay::Help { scroll }) | Mode::Overlay(Overlay::Problems { scroll })) =
            &mut self.mode
        else {
            return;
        };
        match action {
            Action::Close => self.mode = Mode::Normal,
            Action::Down => *scroll = (*scroll + 1).min(end),
            Action::Up => *scroll = scroll.saturating_sub(1),
            Action::Top => *scroll = 0,
            Action::Bottom => *scroll = end,
            _ => {}
        }
    }

    pub(super) fn mentions_action(&mut self, action: Action) {
        let Mode::Overlay(Overlay::Mentions(list)) = &mut self.mode else {
            return;
        };
        let count = self.ws.index.entity(list.entity).mentions.len();
        match action {
            Action::Close => self.mode = Mode::Normal,
            Action::WriteOut => self.ask_write_out(),
            Action::Select => {
                let target = self
                    .ws
                    .index
                    .entity(list.entity)
                    .mentions
                    .get(list.selected)
                    .copied();
                self.mode = Mode::Normal;
                if let Some(m) = target {
                    self.go_to_mention(m);
                }
            }
            other => list.selected = moved(list.selected, other, 10, count.saturating_sub(1)),
        }
    }
}
