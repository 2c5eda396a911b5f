//! The index in a compact form for storing in a corpus snapshot: each string once, mentions as
//! numbers. Restoring it is a few passes over arrays, with no text read and no entity looked up
//! by name, which is what makes reopening a large corpus fast.

use super::{bilingual_name, Entity, EntityId, Index};
use crate::corpus::DocId;
use crate::model::{Label, Mention, Source};
use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};
use std::sync::Arc;

/// An index as stored.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StoredIndex {
    strings: Vec<String>,
    entities: Vec<StoredEntity>,
    /// In corpus order (document, then position).
    mentions: Vec<StoredMention>,
    /// How many mentions each document has, in document order.
    doc_mentions: Vec<u32>,
}

/// An entity as stored: indices into [`StoredIndex::strings`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct StoredEntity {
    label: u32,
    key: u32,
    canonical: u32,
    aliases: Vec<u32>,
}

/// A mention as stored: its span, its entity, and indices into [`StoredIndex::strings`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct StoredMention {
    start: usize,
    end: usize,
    entity: EntityId,
    canonical: u32,
    recognizer: u32,
}

/// Numbers strings in the order they are first seen.
#[derive(Default)]
struct Strings<'a> {
    list: Vec<&'a str>,
    numbers: FxHashMap<&'a str, u32>,
}

impl<'a> Strings<'a> {
    fn number(&mut self, s: &'a str) -> u32 {
        *self.numbers.entry(s).or_insert_with(|| {
            self.list.push(s);
            (self.list.len() - 1) as u32
        })
    }
}

impl Index {
    /// The index in stored form; None when a mention is not the built-in extractor's (only the
    /// extractor's results are worth keeping between sessions: the rest are read from files).
    pub fn to_stored(&self) -> Option<StoredIndex> {
        let mut strings = Strings::default();
        let entities: Vec<StoredEntity> = self
            .entities
            .iter()
            .map(|e| StoredEntity {
                label: strings.number(e.label.as_str()),
                key: strings.number(&e.key),
                canonical: strings.number(&e.canonical),
                aliases: e.aliases.iter().map(|a| strings.number(a)).collect(),
            })
            .collect();
        let mut mentions = Vec::with_capacity(self.mentions.len());
        for (m, &entity) in self.mentions.iter().zip(&self.mention_entity) {
            let Source::Builtin(recognizer) = m.source else {
                return None;
            };
            let e = &entities[entity as usize];
            let canonical = match Arc::ptr_eq(&m.canonical, &self.entities[entity as usize].canonical) {
                true => e.canonical,
                false => strings.number(&m.canonical),
            };
            mentions.push(StoredMention {
                start: m.span.start,
                end: m.span.end,
                entity,
                canonical,
                recognizer: strings.number(recognizer),
            });
        }
        let doc_mentions = self.doc_ranges.iter().map(|r| r.len() as u32).collect();
        Some(StoredIndex {
            strings: strings.list.into_iter().map(str::to_string).collect(),
            entities,
            mentions,
            doc_mentions,
        })
    }

    /// The index a stored one describes, with each recognizer's name resolved by `recognizer`;
    /// an error when a number points nowhere or a span does not fit its document (`doc_lens`:
    /// each document's text length).
    pub fn from_stored(
        stored: StoredIndex,
        doc_lens: &[usize],
        recognizer: impl Fn(&str) -> &'static str,
    ) -> Result<Index, String> {
        let StoredIndex {
            strings,
            entities: stored_entities,
            mentions: stored_mentions,
            doc_mentions,
        } = stored;
        let string = |i: u32| {
            strings
                .get(i as usize)
                .ok_or_else(|| format!("string {i} of {} is missing", strings.len()))
        };
        // One shared copy of each string the mentions name.
        let mut shared: Vec<Option<Arc<str>>> = vec![None; strings.len()];
        let mut share = |i: u32| -> Result<Arc<str>, String> {
            let s = string(i)?;
            Ok(shared[i as usize].get_or_insert_with(|| Arc::from(s.as_str())).clone())
        };
        let mut index = Index::default();
        for e in &stored_entities {
            let aliases = e.aliases.iter().map(|&a| string(a).cloned());
            let mut entity = Entity {
                label: Label::from_name(string(e.label)?),
                key: share(e.key)?,
                canonical: share(e.canonical)?,
                name: String::new(),
                aliases: aliases.collect::<Result<_, _>>()?,
                docs: Vec::new(),
                mentions: Vec::new(),
            };
            entity.name = bilingual_name(&entity);
            index.add_entity(entity);
        }
        if doc_mentions.len() != doc_lens.len() {
            return Err(format!(
                "{} documents indexed, {} listed",
                doc_mentions.len(),
                doc_lens.len()
            ));
        }
        let total: usize = doc_mentions.iter().map(|&n| n as usize).sum();
        if total != stored_mentions.len() {
            return Err(format!("{total} mentions counted, {} stored", stored_mentions.len()));
        }
        index.reserve(total);
        let mut recognizers: FxHashMap<u32, &'static str> = FxHashMap::default();
        let mut next = stored_mentions.into_iter();
        for (doc, (&count, &len)) in doc_mentions.iter().zip(doc_lens).enumerate() {
            let doc = doc as DocId;
            let start = index.mentions.len();
            for m in next.by_ref().take(count as usize) {
                let id = index.mentions.len() as u32;
                let e = index
                    .entities
                    .get_mut(m.entity as usize)
                    .ok_or_else(|| format!("entity {} is missing", m.entity))?;
                if m.start >= m.end || m.end > len {
                    return Err(format!("span {}..{} does not fit document {doc}", m.start, m.end));
                }
                if e.docs.last() != Some(&doc) {
                    e.docs.push(doc);
                }
                e.mentions.push(id);
                let canonical = match m.canonical == stored_entities[m.entity as usize].canonical {
                    true => e.canonical.clone(),
                    false => share(m.canonical)?,
                };
                let source = match recognizers.get(&m.recognizer) {
                    Some(&name) => name,
                    None => {
                        let name = recognizer(string(m.recognizer)?);
                        recognizers.insert(m.recognizer, name);
                        name
                    }
                };
                index.mentions.push(Mention {
                    doc,
                    span: m.start..m.end,
                    label: e.label.clone(),
                    key: e.key.clone(),
                    canonical,
                    source: Source::Builtin(source),
                });
                index.mention_entity.push(m.entity);
            }
            index.doc_ranges.push(start..index.mentions.len());
            let counts = index.count_doc_entities(doc);
            index.doc_entities.push(counts);
        }
        Ok(index)
    }
}

#[cfg(test)]
mod tests {
    use crate::corpus::Corpus;
    use crate::extract::Extractor;
    use crate::index::Index;

    fn names(index: &Index) -> Vec<(u32, u32, String)> {
        let mut names: Vec<_> = index
            .search_names()
            .iter()
            .map(|n| (n.entity, n.name, n.folded.to_string()))
            .collect();
        names.sort();
        names
    }

    #[test]
    fn a_restored_index_answers_as_the_one_built() {
        let corpus = Corpus::bundled();
        let extractor = Extractor::default();
        let mentions = corpus.docs.iter().flat_map(|d| extractor.extract(d)).collect();
        let built = Index::build(&corpus, mentions);
        let lens: Vec<usize> = corpus.docs.iter().map(|d| d.text.len()).collect();
        let stored = built.to_stored().unwrap();
        let restored = Index::from_stored(stored, &lens, |n| extractor.recognizer_name(n)).unwrap();
        assert_eq!(restored.mentions, built.mentions);
        assert_eq!(restored.mention_entity, built.mention_entity);
        assert_eq!(names(&restored), names(&built));
        for (a, b) in restored.entities.iter().zip(&built.entities) {
            assert_eq!((&a.name, &a.aliases, &a.docs), (&b.name, &b.aliases, &b.docs));
            assert_eq!(a.mentions, b.mentions);
        }
        for doc in 0..corpus.docs.len() as u32 {
            assert_eq!(restored.doc_entities(doc), built.doc_entities(doc));
        }
        let xi = built.entities.iter().find(|e| e.name.contains("Xi Jinping")).unwrap();
        assert_eq!(restored.find_entity(&xi.label, &xi.key).map(|e| restored.entity(e).docs.clone()), Some(xi.docs.clone()));
    }

    #[test]
    fn a_damaged_stored_index_is_refused() {
        let corpus = Corpus::bundled();
        let extractor = Extractor::default();
        let mentions = corpus.docs.iter().flat_map(|d| extractor.extract(d)).collect();
        let built = Index::build(&corpus, mentions);
        let lens: Vec<usize> = corpus.docs.iter().map(|d| d.text.len()).collect();
        let name = |n: &str| extractor.recognizer_name(n);
        let mut stored = built.to_stored().unwrap();
        stored.mentions[3].entity = 1_000_000;
        assert!(Index::from_stored(stored, &lens, name).is_err());
        let mut stored = built.to_stored().unwrap();
        stored.mentions[0].end = usize::MAX;
        stored.doc_mentions.insert(0, 0);
        assert!(Index::from_stored(stored.clone(), &lens, name).is_err(), "one document too many");
        stored.doc_mentions.remove(0);
        assert!(Index::from_stored(stored, &lens, name).is_err(), "span past the end");
        let mut stored = built.to_stored().unwrap();
        stored.entities[0].aliases.push(u32::MAX);
        assert!(Index::from_stored(stored, &lens, name).is_err());
    }
}
