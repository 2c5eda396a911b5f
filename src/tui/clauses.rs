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
