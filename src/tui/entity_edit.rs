//! Decisions about entities in the browser: marking entities, merging the marked ones into the
//! current one, renaming it, and moving the current mention to another entity or a new one.

use super::app::{App, Effect, Mode, Overlay};
use super::keymap::{Action, Context};
use super::layout::Pane;
use crate::index::EntityId;
use crate::model::Label;
use crate::review::link::added_key;
use crate::review::{decision, Decision, Verdict};
use crossterm::event::KeyEvent;
use std::sync::Arc;

/// An entity as marks and decisions hold it: by label and key, which survive a rebuilt index.
pub type Marked = (Label, Arc<str>);

impl App {
    /// The entity the entity keys act on: the entity pane's selected one when it has the focus,
    /// else the current entity, else the current mention's.
    pub fn entity_in_hand(&self) -> Option<EntityId> {
        if self.focus == Pane::Entities {
            let doc = self.current_doc()?;
            let row = self.ws.index.doc_entities(doc).get(self.entities.selected);
            if let Some(&(e, _)) = row {
                return Some(e);
            }
        }
        (self.current_entity).or_else(|| self.current_mention.map(|m| self.ws.index.entity_of(m)))
    }

    /// The marked entities still in the index with mentions, in the order marked.
    pub fn marked_entities(&self) -> Vec<EntityId> {
        (self.marked.iter())
            .filter_map(|(label, key)| self.ws.index.find_entity(label, key))
            .filter(|&e| !self.ws.index.entity(e).mentions.is_empty())
            .collect()
    }

    /// Whether `entity` is marked.
    pub fn is_marked(&self, entity: EntityId) -> bool {
        let e = self.ws.index.entity(entity);
        (self.marked.iter()).any(|(l, k)| *l == e.label && *k == e.key)
    }

    /// Marks `entity`, or unmarks it when it is marked.
    pub fn toggle_mark(&mut self, entity: EntityId) {
        let e = self.ws.index.entity(entity);
        let key = (e.label.clone(), e.key.clone());
        let name = e.name.clone();
        match self.marked.iter().position(|m| *m == key) {
            Some(i) => {
                self.marked.remove(i);
                self.message = Some(format!("unmarked {name} ({} marked)", self.marked.len()));
            }
            None => {
                self.marked.push(key);
                self.message = Some(format!(
                    "marked {name} ({} marked): {} merges the marked into the current entity, {} moves the current mention to it",
                    self.marked.len(),
                    self.keymap.key(Context::Global, Action::MergeMarked),
                    self.keymap.key(Context::Global, Action::MoveToMarked),
                ));
            }
        }
    }

    /// Marks every entity the filter prompt's query matches (in its scope).
    pub fn mark_all_candidates(&mut self) {
        let Some(p) = self.prompt() else {
            return;
        };
        let all = super::filter::rank(&self.ws.index, &p.query, p.scope);
        let mut added = 0;
        for c in all {
            if !self.is_marked(c.entity) {
                let e = self.ws.index.entity(c.entity);
                self.marked.push((e.label.clone(), e.key.clone()));
                added += 1;
            }
        }
        self.message = Some(format!(
            "{added} more marked ({} marked): {} merges them into the current entity",
            self.marked.len(),
            self.keymap.key(Context::Global, Action::MergeMarked),
        ));
    }

    /// `M`: asks to merge the marked entities into the one in hand.
    pub fn merge_marked(&mut self) {
        let Some(into) = self.entity_in_hand() else {
            self.message = Some(
                "no current entity to merge into: choose one with / or in the entity pane".into(),
            );
            return;
        };
        let from: Vec<EntityId> = (self.marked_entities().into_iter())
            .filter(|&e| e != into)
            .collect();
        if from.is_empty() {
            self.message = Some(format!(
                "mark the entities to merge into this one first: {} in the entity pane, {} or {} in the filter",
                self.keymap.key(Context::Entities, Action::MarkEntity),
                self.keymap.key(Context::Prompt, Action::MarkEntity),
                self.keymap.key(Context::Prompt, Action::MarkAll),
            ));
            return;
        }
        let index = &self.ws.index;
        let target = index.entity(into);
        if let Some(other) =
            (from.iter().map(|&e| index.entity(e))).find(|e| e.label != target.label)
        {
            self.message = Some(format!(
                "{} is {} and {} is {}: relabel its mentions (B) before merging",
                other.name,
                other.label.as_str(),
                target.name,
                target.label.as_str()
            ));
            return;
        }
        let verdict = Verdict::Merge {
            into: target.key.to_string(),
            name: target.canonical.to_string(),
        };
        let decisions: Vec<Decision> = (from.iter())
            .map(|&e| {
                let e = index.entity(e);
                Decision::about_entity(&e.label, &e.key, verdict.clone())
            })
            .collect();
        let mentions: usize = from.iter().map(|&e| index.entity(e).mentions.len()).sum();
        let mut docs: Vec<_> = (from.iter())
            .flat_map(|&e| index.entity(e).docs.iter().copied())
            .collect();
        docs.sort_unstable();
        docs.dedup();
        let names: Vec<&str> = from
            .iter()
            .map(|&e| index.entity(e).name.as_str())
            .collect();
        let what = format!(
            "{} into {} ({mentions} mention{} in {} document{})",
            names.join(", "),
            target.name,
            if mentions == 1 { "" } else { "s" },
            docs.len(),
            if docs.len() == 1 { "" } else { "s" },
        );
        self.mode = Mode::Overlay(Overlay::EntityConfirm { decisions, what });
    }

    /// Stores a confirmed merge: the filters and the current entity that named a merged entity
    /// name the one it joined.
    pub fn confirm_entity_decisions(&mut self, decisions: Vec<Decision>, what: String) {
        if let Some(Verdict::Merge { into, .. }) = decisions.first().map(|d| &d.verdict) {
            let label = Label::from_name(&decisions[0].label);
            if let Some(target) = self.ws.index.find_entity(&label, into) {
                let merged: Vec<EntityId> = (decisions.iter())
                    .filter_map(|d| self.ws.index.find_entity(&label, &d.text))
                    .collect();
                for f in &mut self.filters {
                    let moved =
                        f.map_entities(|e| Some(if merged.contains(&e) { target } else { e }));
                    if let Some(moved) = moved {
                        *f = moved;
                    }
                }
                self.filters.dedup();
                if self.current_entity.is_some_and(|e| merged.contains(&e)) {
                    self.current_entity = Some(target);
                }
            }
            self.marked.clear();
        }
        self.record(decisions, &[], format!("merged {what}"), false);
    }

    /// `r`: opens the prompt for the name of the entity in hand.
    pub fn start_rename(&mut self) {
        match self.entity_in_hand() {
            Some(entity) => {
                let name = self.ws.index.entity(entity).canonical.to_string();
                self.mode = Mode::Overlay(Overlay::Rename { entity, name });
            }
            None => {
                self.message =
                    Some("no current entity: choose one with / or in the entity pane".into())
            }
        }
    }

    /// A key in the rename prompt.
    pub(super) fn rename_key(&mut self, key: KeyEvent) {
        let Mode::Overlay(Overlay::Rename { entity, name }) = &mut self.mode else {
            return;
        };
        match self.keymap.lookup(Context::RenamePrompt, key) {
            Some(Action::Close) => {
                self.mode = Mode::Normal;
                self.message = Some("name kept".into());
            }
            Some(Action::DeleteChar) => {
                name.pop();
            }
            Some(Action::Select) => {
                let (entity, name) = (*entity, name.split_whitespace().collect::<Vec<_>>());
                let name = name.join(" ");
                self.mode = Mode::Normal;
                self.save_rename(entity, name);
            }
            _ => name.extend(super::update::typed(&key)),
        }
    }

    /// Text pasted into the rename prompt.
    pub(super) fn paste_into_rename(&mut self, text: &str) {
        if let Mode::Overlay(Overlay::Rename { name, .. }) = &mut self.mode {
            name.extend(text.chars().filter(|c| !c.is_control()));
        }
    }

    /// Stores entity `entity`'s new name.
    fn save_rename(&mut self, entity: EntityId, name: String) {
        let e = self.ws.index.entity(entity);
        if name.is_empty() || *name == *e.canonical {
            self.message = Some("name kept".into());
            return;
        }
        let what = format!("renamed {} to {name}", e.name);
        let d = Decision::about_entity(&e.label, &e.key, Verdict::Rename(name));
        self.record(vec![d], &[], what, false);
    }

    /// `S`: the current mention leaves its entity for a new one, named by its text.
    pub fn split_mention(&mut self) {
        let Some(m) = self.current_mention else {
            self.message = Some("no current mention: step onto one with ] or n".into());
            return;
        };
        let text = self.ws.index.surface(m).unwrap_or("");
        let name = text.split_whitespace().collect::<Vec<_>>().join(" ");
        let key = added_key(&name);
        let entity = self.ws.index.entity(self.ws.index.entity_of(m));
        if entity.key == key {
            self.message = Some(format!("{name} is an entity of its own already"));
            return;
        }
        let what = format!("split {name:?} off {} into a new entity", entity.name);
        let verdict = Verdict::Link {
            key: key.to_string(),
            name,
        };
        self.record_link(m, verdict, what);
    }

    /// `J`: the current mention joins the marked entity.
    pub fn move_to_marked(&mut self) {
        let Some(m) = self.current_mention else {
            self.message = Some("no current mention: step onto one with ] or n".into());
            return;
        };
        let label = self.ws.index.mentions[m.index()].label.clone();
        let marked: Vec<EntityId> = (self.marked_entities().into_iter())
            .filter(|&e| self.ws.index.entity(e).label == label)
            .collect();
        let [target] = marked[..] else {
            self.message = Some(format!(
                "mark the one {} entity to move this mention to ({} in the entity pane, {} in the filter); {} are marked",
                label.as_str(),
                self.keymap.key(Context::Entities, Action::MarkEntity),
                self.keymap.key(Context::Prompt, Action::MarkEntity),
                marked.len()
            ));
            return;
        };
        if self.ws.index.entity_of(m) == target {
            self.message = Some("the mention is in that entity already".into());
            return;
        }
        let e = self.ws.index.entity(target);
        let text = self.ws.index.surface(m).unwrap_or("").to_string();
        let what = format!("moved {text:?} to {}", e.name);
        let verdict = Verdict::Link {
            key: e.key.to_string(),
            name: e.canonical.to_string(),
        };
        self.record_link(m, verdict, what);
    }

    /// Stores a move of mention `m` to another entity and keeps it current, in its new entity.
    fn record_link(&mut self, m: crate::index::MentionId, verdict: Verdict, what: String) {
        let d = decision(&self.ws.corpus, &self.ws.index, m, verdict);
        let mention = &self.ws.index.mentions[m.index()];
        let select = Some((mention.doc, mention.span.clone()));
        self.effects.push(Effect::Record {
            decisions: vec![d],
            targets: vec![m],
            what,
            advance: false,
            select,
        });
    }
}
