//! Decisions about entities — merges and renames — as rules over mention keys: which entity a
//! mention's key now leads to, and the name an entity is shown by. Keys come from names, so the
//! rules hold after extracting again.

use super::{Decision, Verdict};
use crate::model::{Label, Mention};
use std::collections::HashMap;
use std::sync::Arc;

/// An entity as decisions name it: its label and key.
type EntityKey = (Label, Arc<str>);

/// What the entity decisions in force say, in the order they were made.
#[derive(Debug, Clone, Default)]
pub struct EntityRules {
    /// The entity a merged entity's mentions now belong to (chains followed: A into B, then B
    /// into C, leads A to C).
    merged_into: HashMap<EntityKey, Arc<str>>,
    /// The name a merge target was shown by when the merge was made.
    target_names: HashMap<EntityKey, Arc<str>>,
    /// Names reviewers gave entities.
    renamed: HashMap<EntityKey, Arc<str>>,
}

impl EntityRules {
    /// The rules of the entity decisions among `decisions` (others are passed over).
    pub fn of(decisions: &[Decision]) -> EntityRules {
        let mut rules = EntityRules::default();
        for d in decisions.iter().filter(|d| d.is_about_entity()) {
            let label = Label::from_name(&d.label);
            let key: Arc<str> = d.text.as_str().into();
            match &d.verdict {
                Verdict::Merge { into, name } => {
                    let target = rules.resolve(&label, into);
                    if target == key {
                        continue; // merged into itself by way of a chain
                    }
                    for t in rules.merged_into.values_mut() {
                        if *t == key {
                            *t = target.clone();
                        }
                    }
                    (rules.target_names)
                        .entry((label.clone(), target.clone()))
                        .or_insert_with(|| name.as_str().into());
                    rules.merged_into.insert((label, key), target);
                }
                Verdict::Rename(name) => {
                    let target = rules.resolve(&label, &key);
                    rules.renamed.insert((label, target), name.as_str().into());
                }
                _ => {}
            }
        }
        rules
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.merged_into.is_empty() && self.renamed.is_empty()
    }

    /// The key of the entity that `key` (of `label`) leads to now: itself unless merged.
    fn resolve(&self, label: &Label, key: &str) -> Arc<str> {
        let key: Arc<str> = key.into();
        (self.merged_into.get(&(label.clone(), key.clone())))
            .cloned()
            .unwrap_or(key)
    }

    /// Puts a mention in the entity the rules lead it to, under that entity's name (for
    /// building an index of reviewed mentions afresh). True when it changed.
    pub fn apply(&self, m: &mut Mention) -> bool {
        let (key, name) = self.target(&m.label, &m.key);
        let name = name.unwrap_or_else(|| m.canonical.clone());
        let changed = key != m.key || name != m.canonical;
        m.key = key;
        m.canonical = name;
        changed
    }

    /// The entity a mention of `label` and `key` belongs to under the rules, and the name it
    /// is shown by when a rule says so.
    pub fn target(&self, label: &Label, key: &Arc<str>) -> (Arc<str>, Option<Arc<str>>) {
        let entity = (label.clone(), key.clone());
        let key = self.merged_into.get(&entity).unwrap_or(key).clone();
        let entity = (label.clone(), key.clone());
        let name = (self.renamed.get(&entity))
            .or_else(|| self.target_names.get(&entity))
            .cloned();
        (key, name)
    }

    /// Every entity a rule names (merged, merged into, renamed): the documents to lay again.
    pub fn entities(&self) -> impl Iterator<Item = &EntityKey> {
        (self.merged_into.keys())
            .chain(self.target_names.keys())
            .chain(self.renamed.keys())
    }

    /// Names reviewers gave entities, by entity.
    pub fn renames(&self) -> &HashMap<EntityKey, Arc<str>> {
        &self.renamed
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn merge(from: &str, into: &str, name: &str) -> Decision {
        let verdict = Verdict::Merge {
            into: into.into(),
            name: name.into(),
        };
        Decision::about_entity(&Label::Person, from, verdict)
    }

    fn mention(key: &str, canonical: &str) -> Mention {
        Mention {
            doc: crate::corpus::DocId(0),
            span: 0..1,
            label: Label::Person,
            key: key.into(),
            canonical: canonical.into(),
            source: crate::model::Source::Builtin("test"),
        }
    }

    #[test]
    fn merges_follow_chains_and_renames_name_the_entity_merged_into() {
        let rename = Decision::about_entity(&Label::Person, "c", Verdict::Rename("Cee".into()));
        let rules = EntityRules::of(&[merge("a", "b", "Bee"), merge("b", "c", "C"), rename]);
        let mut a = mention("a", "A");
        assert!(rules.apply(&mut a));
        assert_eq!((&*a.key, &*a.canonical), ("c", "Cee"), "a → b → c, renamed");
        let mut other = mention("d", "D");
        assert!(!rules.apply(&mut other), "an entity no rule names");
        // Another label's entity of the same key is another entity.
        let mut region = Mention {
            label: Label::Region,
            ..mention("a", "A")
        };
        assert!(!rules.apply(&mut region));
    }

    #[test]
    fn a_merge_back_into_itself_by_a_chain_is_passed_over() {
        let rules = EntityRules::of(&[merge("a", "b", "B"), merge("b", "a", "A")]);
        let (a, _) = rules.target(&Label::Person, &Arc::from("a"));
        let (b, _) = rules.target(&Label::Person, &Arc::from("b"));
        assert_eq!((&*a, &*b), ("b", "b"), "b into b is no merge");
    }
}
