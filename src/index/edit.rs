//! Changing an index in place after review: one mention moved to another entity (a relabel),
//! or one document's mentions replaced (boundaries moved, a mention added) — a part of the
//! index, not all of it, so a decision at 100,000 articles costs milliseconds, not a rebuild.

use super::{bilingual_name, EntityId, Index, MentionId, SearchName};
use crate::corpus::DocId;
use crate::model::{Label, Mention};
use std::ops::Range;
use std::sync::Arc;

/// One document's mentions replaced: where they were (ids), their spans then, and how many
/// there are now. Every other mention after them moved by the difference.
#[derive(Debug, Clone)]
pub struct ReplacedDoc {
    pub doc: DocId,
    pub old_ids: Range<usize>,
    pub old_spans: Vec<Range<usize>>,
    pub new_len: usize,
}

/// How to find again, in the index as it is now, what an id named before a change.
#[derive(Debug)]
pub enum Before {
    /// The whole index as it was (it was rebuilt: any id may differ).
    Whole(Box<Index>),
    /// Only these documents' mentions were replaced (in id order): every entity id stands,
    /// and other mentions moved by the difference in count.
    Docs(Vec<ReplacedDoc>),
}

impl Before {
    /// The (label, key) entity `e` had.
    pub fn entity_key(&self, now: &Index, e: EntityId) -> Option<(Label, Arc<str>)> {
        let index = match self {
            Before::Whole(old) => old,
            Before::Docs(_) => now,
        };
        let e = index.entities.get(e.index())?;
        Some((e.label.clone(), e.key.clone()))
    }

    /// The document and span mention `m` had.
    pub fn mention_place(&self, now: &Index, m: MentionId) -> Option<(DocId, Range<usize>)> {
        match self {
            Before::Whole(old) => old.mentions.get(m.index()).map(|m| (m.doc, m.span.clone())),
            Before::Docs(replaced) => {
                let mut shift: isize = 0;
                for r in replaced {
                    if r.old_ids.contains(&m.index()) {
                        let span = r.old_spans.get(m.index() - r.old_ids.start)?;
                        return Some((r.doc, span.clone()));
                    }
                    if m.index() >= r.old_ids.end {
                        shift += r.new_len as isize - r.old_ids.len() as isize;
                    }
                }
                let now_id = (m.index() as isize + shift) as usize;
                now.mentions.get(now_id).map(|m| (m.doc, m.span.clone()))
            }
        }
    }
}

impl Index {
    /// Moves a mention to the entity of `label` and `key` (created, named `canonical`, when there
    /// is none): a relabelled or re-bounded mention leaves its old entity. Every list that names
    /// the two entities (their documents and mentions, the document's entity pane, the names
    /// searched) follows; the old entity stays, empty, when this was its last mention.
    pub fn relink(&mut self, mention: MentionId, label: Label, key: Arc<str>, canonical: Arc<str>) {
        self.relink_all(vec![(mention, label, key, canonical)]);
    }

    /// [`Index::relink`] for many mentions at once (a merge, an undone merge): each entity's
    /// lists are edited once, not once per mention, so moving tens of thousands of mentions
    /// costs what the lists' lengths do.
    pub fn relink_all(&mut self, moves: Vec<(MentionId, Label, Arc<str>, Arc<str>)>) {
        use std::collections::{BTreeMap, BTreeSet};
        let mut left: BTreeMap<EntityId, Vec<MentionId>> = BTreeMap::new();
        let mut joined: BTreeMap<EntityId, Vec<MentionId>> = BTreeMap::new();
        let mut docs = BTreeSet::new();
        for (mention, label, key, canonical) in moves {
            let i = mention.index();
            let Some(m) = self.mentions.get(i) else {
                continue;
            };
            // Read before the move: the old entity still knows the mention's text.
            let surface = self.surface(mention).map(str::to_string);
            let old = self.mention_entity[i];
            let moved = Mention {
                label,
                key,
                canonical,
                ..m.clone()
            };
            let new = self.entity_for(&moved);
            if new == old {
                continue;
            }
            left.entry(old).or_default().push(mention);
            joined.entry(new).or_default().push(mention);
            docs.insert(moved.doc);
            let (number, _) = self.surface_number(new, surface.as_deref());
            self.mention_surface[i] = number;
            self.mention_entity[i] = new;
            let e = &self.entities[new.index()];
            self.mentions[i] = Mention {
                label: e.label.clone(),
                key: e.key.clone(),
                canonical: e.canonical.clone(),
                ..moved
            };
        }
        for (e, mut gone) in left {
            gone.sort_unstable();
            let list = &mut self.entities[e.index()].mentions;
            list.retain(|m| gone.binary_search(m).is_err());
            self.redo_docs(e);
        }
        for (e, came) in joined {
            let list = &mut self.entities[e.index()].mentions;
            list.extend(came);
            list.sort_unstable();
            list.dedup();
            self.redo_docs(e);
        }
        for doc in docs {
            self.relist(doc);
        }
    }

    /// Entity `e`'s documents again, from its mentions (in corpus order).
    fn redo_docs(&mut self, e: EntityId) {
        let mentions = &self.entities[e.index()].mentions;
        let mut docs: Vec<DocId> = (mentions.iter())
            .map(|m| self.mentions[m.index()].doc)
            .collect();
        docs.dedup();
        self.entities[e.index()].docs = docs;
    }

    /// Puts `mentions` (with their texts, from `text`) in place of document `doc`'s: the
    /// document's mention ids are reused and every later mention's id moves by the difference
    /// in count, in every list that holds it.
    pub fn replace_doc(
        &mut self,
        doc: DocId,
        text: &str,
        mut mentions: Vec<Mention>,
    ) -> ReplacedDoc {
        mentions.sort_by_key(|m| (m.span.start, m.span.end));
        let old_ids = self.doc_mention_ids(doc);
        let old_spans: Vec<Range<usize>> = self.mentions[old_ids.clone()]
            .iter()
            .map(|m| m.span.clone())
            .collect();
        let new_len = mentions.len();
        // The document's mentions leave their entities.
        let mut left: Vec<EntityId> = self.mention_entity[old_ids.clone()].to_vec();
        left.sort_unstable();
        left.dedup();
        for e in left {
            let e = &mut self.entities[e.index()];
            e.mentions.retain(|m| !old_ids.contains(&m.index()));
            e.docs.retain(|&d| d != doc);
        }
        // Later mentions move by the difference.
        let delta = new_len as isize - old_ids.len() as isize;
        if delta != 0 {
            let moved = |m: &mut MentionId| {
                if m.index() >= old_ids.end {
                    m.0 = (m.0 as isize + delta) as u32;
                }
            };
            for e in &mut self.entities {
                e.mentions.iter_mut().for_each(moved);
            }
            for r in self.doc_ranges.iter_mut().skip(doc.index() + 1) {
                *r = (r.start as isize + delta) as usize..(r.end as isize + delta) as usize;
            }
        }
        let start = old_ids.start;
        // The new mentions join their entities (created when new).
        let mut placed = Vec::with_capacity(new_len);
        let mut renamed = Vec::new();
        for (k, m) in mentions.into_iter().enumerate() {
            let id = self.entity_for(&m);
            let (number, new_name) = self.surface_number(id, text.get(m.span.clone()));
            if new_name {
                renamed.push(id);
            }
            let e = &mut self.entities[id.index()];
            let mention = MentionId((start + k) as u32);
            if let Err(at) = e.mentions.binary_search(&mention) {
                e.mentions.insert(at, mention);
            }
            if let Err(at) = e.docs.binary_search(&doc) {
                e.docs.insert(at, doc);
            }
            let m = Mention {
                doc,
                key: e.key.clone(),
                canonical: match m.canonical == e.canonical {
                    true => e.canonical.clone(),
                    false => m.canonical,
                },
                ..m
            };
            placed.push((m, id, number));
        }
        for id in renamed {
            let name = bilingual_name(&self.entities[id.index()]);
            self.entities[id.index()].name = name;
        }
        let (ms, rest): (Vec<Mention>, Vec<(EntityId, u32)>) =
            placed.into_iter().map(|(m, e, n)| (m, (e, n))).unzip();
        let (es, ns): (Vec<EntityId>, Vec<u32>) = rest.into_iter().unzip();
        self.mentions.splice(old_ids.clone(), ms);
        self.mention_entity.splice(old_ids.clone(), es);
        self.mention_surface.splice(old_ids.clone(), ns);
        if let Some(r) = self.doc_ranges.get_mut(doc.index()) {
            *r = start..start + new_len;
        }
        self.relist(doc);
        ReplacedDoc {
            doc,
            old_ids,
            old_spans,
            new_len,
        }
    }

    /// Shows entity `id` as `name` from now on: its old name becomes an alias (still found by
    /// the filter), and its mentions carry the new one.
    pub fn rename(&mut self, id: EntityId, name: &str) {
        let Some(e) = self.entities.get_mut(id.index()) else {
            return;
        };
        if *e.canonical == *name {
            return;
        }
        let old = e.canonical.clone();
        // Mentions that read the old name read it as an alias from now on.
        let old_number = match e.aliases.iter().position(|a| **a == *old) {
            Some(n) => n as u32 + 1,
            None => {
                e.aliases.push(old.to_string());
                e.aliases.len() as u32
            }
        };
        let new_number = (e.aliases.iter().position(|a| a == name)).map(|n| n as u32 + 1);
        e.canonical = name.into();
        e.name = bilingual_name(e);
        let canonical = e.canonical.clone();
        let mentions = e.mentions.clone();
        let mut docs = e.docs.clone();
        for m in mentions {
            let surface = &mut self.mention_surface[m.index()];
            if *surface == 0 {
                *surface = old_number;
            } else if Some(*surface) == new_number {
                *surface = 0;
            }
            self.mentions[m.index()].canonical = canonical.clone();
        }
        self.search.push(SearchName::new(id, old_number, &old));
        self.search.push(SearchName::new(id, 0, name));
        // The entity pane orders a document's entities by name.
        docs.dedup();
        for doc in docs {
            self.relist(doc);
        }
    }

    /// Makes document `doc`'s entity list again (the entity pane reads it).
    fn relist(&mut self, doc: DocId) {
        let counts = self.count_doc_entities(doc);
        if let Some(list) = self.doc_entities.get_mut(doc.index()) {
            *list = counts;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::MentionId;
    use crate::corpus::Corpus;
    use crate::session::analyze;
    use std::sync::Arc;

    /// Every list as a plain value, to compare an index edited in place with one built afresh.
    fn lists(index: &super::Index) -> String {
        let entities: Vec<_> = (index.entities.iter())
            .filter(|e| !e.mentions.is_empty())
            .map(|e| {
                let spans: Vec<_> = (e.mentions.iter())
                    .map(|&m| {
                        (
                            index.mentions[m.index()].doc,
                            index.mentions[m.index()].span.clone(),
                        )
                    })
                    .collect();
                (e.label.clone(), e.key.to_string(), e.docs.clone(), spans)
            })
            .collect();
        let mut entities = entities;
        entities.sort_by(|a, b| (&a.0, &a.1).cmp(&(&b.0, &b.1)));
        let surfaces: Vec<_> = index.mention_ids().map(|m| index.surface(m)).collect();
        let docs: Vec<_> = (0..index.doc_count() as u32)
            .map(|d| {
                let d = crate::corpus::DocId(d);
                let mut names: Vec<_> = (index.doc_entities(d).iter())
                    .map(|&(e, n)| (index.entity(e).key.to_string(), n))
                    .collect();
                names.sort();
                names
            })
            .collect();
        format!("{entities:?}\n{surfaces:?}\n{docs:?}\n{:?}", index.mentions)
    }

    #[test]
    fn moving_many_mentions_at_once_equals_building_afresh() {
        let corpus = Corpus::bundled();
        let mut index = analyze(&corpus);
        // Every other mention of the corpus to one entity of its label.
        let moves: Vec<(MentionId, crate::model::Label, Arc<str>, Arc<str>)> =
            (index.mention_ids().step_by(2))
                .map(|m| {
                    let label = index.mentions[m.index()].label.clone();
                    (m, label, "added:everyone".into(), "Everyone".into())
                })
                .collect();
        let mut moved = index.mentions.clone();
        for (m, _, key, canonical) in &moves {
            moved[m.index()].key = key.clone();
            moved[m.index()].canonical = canonical.clone();
        }
        let fresh = super::Index::build(&corpus, moved);
        index.relink_all(moves);
        assert_eq!(lists(&index), lists(&fresh));
    }

    #[test]
    fn replacing_one_documents_mentions_equals_building_afresh() {
        let corpus = Corpus::bundled();
        let mut index = analyze(&corpus);
        let doc = crate::corpus::DocId(1);
        let text: &str = &corpus.docs[1].text;
        let mut mentions = index.doc_mentions(doc).to_vec();
        // Two mentions gone, one moved and renamed, one added: the count changes.
        mentions.remove(0);
        mentions.remove(0);
        mentions[0].span.end += 1;
        mentions[0].key = "added:elsewhere".into();
        let mut extra = mentions[1].clone();
        extra.span = 0..text.char_indices().nth(3).map_or(1, |(i, _)| i);
        extra.key = "added:start".into();
        mentions.push(extra);
        let mut all: Vec<_> = index.mentions.clone();
        all.retain(|m| m.doc != doc);
        all.extend(mentions.iter().cloned());
        let fresh = super::Index::build(&corpus, all);
        let before = index.mentions.len();
        index.replace_doc(doc, text, mentions);
        assert_eq!(index.mentions.len(), before - 1, "one fewer");
        assert_eq!(lists(&index), lists(&fresh));
    }
}
