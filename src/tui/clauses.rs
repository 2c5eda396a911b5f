//! The filters a prompt's query makes: an entity (Enter), any of several (`A | B`), not one
//! (`! A`), or a clause about the documents themselves (`date:2020-05..2022-07`, `lang:zh`,
//! `source:NAME`).

use super::app::App;
use super::filter::{rank, Scope};
use crate::index::EntityId;
use crate::session::select::Clause;

impl App {
    /// Applies the prompt's `query` (in `scope`, with `chosen` the highlighted candidate) as a
    /// filter, saying how many documents it leaves or why it cannot.
    pub(super) fn apply_prompt(&mut self, query: &str, scope: Scope, chosen: Option<EntityId>) {
        if self.apply_saved(query) {
            return;
        }
        if let Some(parsed) = Clause::parse_meta(query) {
            match parsed {
                Ok(clause) => self.push_clause(clause),
                Err(why) => self.message = Some(why),
            }
            return;
        }
        let parts: Vec<&str> = query.split('|').collect();
        if let [first @ .., _last] = parts.as_slice() {
            if !first.is_empty() {
                let mut any = Vec::new();
                for part in first {
                    let q = part.trim().trim_start_matches('!').trim();
                    match rank(&self.ws.index, q, scope).first() {
                        Some(c) => any.push(c.entity),
                        None => {
                            self.message =
                                Some(format!("no {} matches {q:?}", scope.name().to_lowercase()));
                            return;
                        }
                    }
                }
                any.extend(chosen);
                any.dedup();
                let clause = match any.as_slice() {
                    [one] => Clause::Entity(*one),
                    _ => Clause::AnyOf(any),
                };
                return self.push_clause(clause);
            }
        }
        let Some(entity) = chosen else {
            return;
        };
        if query.trim_start().starts_with('!') {
            return self.push_clause(Clause::Not(entity));
        }
        self.add_filter(entity);
    }

    /// Adds `clause` to the filters (unless there already) and says what the list shows.
    fn push_clause(&mut self, clause: Clause) {
        let said = clause.describe(&self.ws.index);
        if !self.filters.contains(&clause) {
            self.filters.push(clause);
        }
        self.apply_filters();
        self.message = Some(format!("{} documents: {said}", self.list.docs.len()));
    }

    /// Narrows the list to documents that also mention `entity`, makes it current, and opens
    /// the first listed document at the top, ready for n.
    pub fn add_filter(&mut self, entity: crate::index::EntityId) {
        let clause = crate::session::select::Clause::Entity(entity);
        if !self.filters.contains(&clause) {
            self.filters.push(clause);
        }
        self.apply_filters();
        self.current_entity = Some(entity);
        self.current_mention = None;
        let name = &self.ws.index.entity(entity).name;
        self.message = Some(format!(
            "{} documents mention {name}; n / N walk its mentions",
            self.list.docs.len()
        ));
    }

    /// Drops the last filter.
    pub(super) fn remove_last_filter(&mut self) {
        if let Some(clause) = self.filters.pop() {
            let said = clause.describe(&self.ws.index);
            self.message = Some(format!("filter removed: {said}"));
            self.apply_filters();
        }
    }
}

impl App {
    /// `@NAME` in the filter prompt: the filter set saved as NAME, each clause applied as if
    /// typed; false when `query` names none.
    pub(super) fn apply_saved(&mut self, query: &str) -> bool {
        let Some(name) = query.trim().strip_prefix('@') else {
            return false;
        };
        let Some((_, clauses)) = (self.saved_filters.iter())
            .find(|(n, _)| n.eq_ignore_ascii_case(name.trim()))
            .cloned()
        else {
            self.message = Some(format!(
                "no filter set is saved as {name:?} (W saves the filters in force)"
            ));
            return true;
        };
        for typed in &clauses {
            if let Some(text) = typed.strip_prefix("text:") {
                self.run_search(text);
                continue;
            }
            let chosen = super::filter::searched(typed).and_then(|q| {
                rank(&self.ws.index, q, Scope::Any)
                    .first()
                    .map(|c| c.entity)
            });
            self.apply_prompt(typed, Scope::Any, chosen);
        }
        self.message = Some(format!(
            "{} documents: the filters saved as {name} ({})",
            self.list.docs.len(),
            self.filters_described()
        ));
        true
    }

    /// `W`: asks for the name to save the filters in force under.
    pub(super) fn open_save_filters(&mut self) {
        if self.filters.is_empty() {
            self.message = Some("no filter to save: / and f make them".into());
            return;
        }
        self.mode = super::app::Mode::Overlay(super::app::Overlay::SaveFilters {
            name: String::new(),
        });
    }

    /// A key in the save prompt.
    pub(super) fn save_filters_key(&mut self, key: crossterm::event::KeyEvent) {
        use super::app::{Effect, Mode, Overlay};
        use super::keymap::{Action, Context};
        let Mode::Overlay(Overlay::SaveFilters { name }) = &mut self.mode else {
            return;
        };
        match self.keymap.lookup(Context::SavePrompt, key) {
            Some(Action::Close) => self.mode = Mode::Normal,
            Some(Action::DeleteChar) => {
                name.pop();
            }
            Some(Action::Select) => {
                let name = name.trim().to_string();
                self.mode = Mode::Normal;
                if !name.is_empty() {
                    self.effects.push(Effect::SaveFilters { name });
                }
            }
            _ => name.extend(super::update::typed(&key)),
        }
    }

    /// Appends the filters in force, as typed, to the config file under `name`.
    pub(super) fn save_filters(&mut self, name: &str) {
        let Some(path) = self.config_path.clone() else {
            self.message = Some("no config file to save to (--config FILE)".into());
            return;
        };
        if (self.saved_filters.iter()).any(|(n, _)| n.eq_ignore_ascii_case(name)) {
            self.message = Some(format!(
                "a filter set is saved as {name} already: choose another name"
            ));
            return;
        }
        let clauses: Vec<String> = (self.filters.iter())
            .map(|c| c.as_typed(&self.ws.index))
            .collect();
        let section = super::config::filters_section(name, &clauses);
        let written = path
            .parent()
            .map_or(Ok(()), std::fs::create_dir_all)
            .and_then(|()| {
                use std::io::Write;
                let mut file = std::fs::OpenOptions::new()
                    .create(true)
                    .append(true)
                    .open(&path)?;
                file.write_all(section.as_bytes())
            });
        self.message = Some(match written {
            Ok(()) => {
                self.saved_filters.push((name.to_string(), clauses));
                format!(
                    "saved as {name} in {}: @{name} in the filter prompt applies it",
                    path.display()
                )
            }
            Err(e) => format!("{}: not saved: {e}", path.display()),
        });
    }
}
