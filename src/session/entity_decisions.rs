//! Decisions about more than one mention, applied to the workspace in place: about entities
//! (a merge moves every mention of one entity to another; a rename shows an entity by a new
//! name) and about whole documents (ignored ones).

use super::workspace::Workspace;
use crate::corpus::DocId;
use crate::model::Label;
use crate::review::{Decision, Verdict};
use std::sync::Arc;

impl Workspace {
    /// The documents ignored after `decisions`, when they are all about ignoring documents.
    pub(super) fn ignored_in_place(
        &self,
        decisions: &[Decision],
    ) -> Option<std::collections::BTreeSet<DocId>> {
        let mut ignored = self.review.ignored.clone();
        for d in decisions {
            let Verdict::Ignore(ignore) = d.verdict else {
                return None;
            };
            let doc = self.corpus.docs.iter().find(|doc| doc.path == d.doc)?;
            match ignore {
                true => ignored.insert(doc.id),
                false => ignored.remove(&doc.id),
            };
        }
        Some(ignored)
    }

    /// The documents the ignoring decisions among `decisions` leave out.
    pub(super) fn ignored_docs(&self, decisions: &[Decision]) -> std::collections::BTreeSet<DocId> {
        let paths = crate::review::ignored_paths(decisions);
        if paths.is_empty() {
            return Default::default();
        }
        (self.corpus.docs.iter())
            .filter(|d| paths.contains(d.path.as_str()))
            .map(|d| d.id)
            .collect()
    }

    /// Whether a reviewer ignored document `doc`.
    pub fn is_ignored(&self, doc: DocId) -> bool {
        self.review.ignored.contains(&doc)
    }

    /// Applies a decision about an entity to the index in place (as laying the decisions again
    /// would): a merge moves every mention of the entity to the one it joins; a rename shows
    /// the entity by its new name.
    pub(super) fn decide_entity(&mut self, d: &Decision) {
        let label = Label::from_name(&d.label);
        let Some(id) = self.index.find_entity(&label, &d.text) else {
            return;
        };
        match &d.verdict {
            Verdict::Merge { into, name } => {
                let mentions = self.index.entity(id).mentions.clone();
                for doc in self.index.entity(id).docs.clone() {
                    self.keep_original(doc);
                }
                let into: Arc<str> = into.as_str().into();
                let name: Arc<str> = name.as_str().into();
                let moves = (mentions.into_iter())
                    .map(|m| (m, label.clone(), into.clone(), name.clone()))
                    .collect();
                self.index.relink_all(moves);
            }
            Verdict::Rename(name) => self.rename(id, name),
            _ => {}
        }
    }

    /// Shows each entity by the name the rules give it, and every entity renamed before but
    /// no longer (its rename undone) by its own again.
    pub(super) fn apply_renames(&mut self, rules: &crate::review::EntityRules) {
        let wanted = rules.renames();
        let undone: Vec<(Label, Arc<str>)> = (self.review.renamed.keys())
            .filter(|k| !wanted.contains_key(*k))
            .cloned()
            .collect();
        for k in undone {
            if let Some(original) = self.review.renamed.remove(&k) {
                if let Some(id) = self.index.find_entity(&k.0, &k.1) {
                    self.index.rename(id, &original);
                }
            }
        }
        for ((label, key), name) in wanted {
            if let Some(id) = self.index.find_entity(label, key) {
                self.rename(id, name);
            }
        }
    }

    /// Shows entity `id` as `name`, keeping the name it had before any rename (to give it back
    /// when the rename is undone).
    fn rename(&mut self, id: crate::index::EntityId, name: &str) {
        let e = self.index.entity(id);
        let before = e.canonical.clone();
        (self.review.renamed)
            .entry((e.label.clone(), e.key.clone()))
            .or_insert(before);
        self.index.rename(id, name);
    }
}
