//! The index in a compact form for storing in a corpus snapshot: each string once, mentions as
//! numbers. Restoring it is a few passes over arrays, with no text read and no entity looked up
//! by name, which is what makes reopening a large corpus fast.

use super::order::EntityOrder;
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
    /// In corpus order (document, then position), packed (see [`pack`]).
    #[serde(with = "serde_bytes")]
    mentions: Vec<u8>,
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
#[derive(Debug, Clone, Copy, PartialEq)]
struct StoredMention {
    start: u32,
    end: u32,
    entity: EntityId,
    canonical: u32,
    recognizer: u32,
    /// As in [`Index::surface`].
    surface: u32,
}

/// Bytes per packed mention.
const PACKED: usize = 24;

/// Appends a mention as six little-endian numbers: read back at the speed of memory, where a
/// list of structures would be decoded number by number (two million of them in a large corpus).
fn pack(m: &StoredMention, bytes: &mut Vec<u8>) {
    for n in [
        m.start,
        m.end,
        m.entity.0,
        m.canonical,
        m.recognizer,
        m.surface,
    ] {
        bytes.extend_from_slice(&n.to_le_bytes());
    }
}

/// The mentions [`pack`] made (a partial one at the end is left out, and counted as missing).
fn unpack(bytes: &[u8]) -> impl ExactSizeIterator<Item = StoredMention> + '_ {
    bytes.chunks_exact(PACKED).map(|c| {
        let n = |i: usize| u32::from_le_bytes([c[i], c[i + 1], c[i + 2], c[i + 3]]);
        StoredMention {
            start: n(0),
            end: n(4),
            entity: EntityId(n(8)),
            canonical: n(12),
            recognizer: n(16),
            surface: n(20),
        }
    })
}

/// Numbers strings in the order they are first seen.
#[derive(Debug, Default)]
struct Strings {
    list: Vec<Arc<str>>,
    numbers: FxHashMap<Arc<str>, u32>,
}

impl Strings {
    fn number(&mut self, s: &Arc<str>) -> u32 {
        if let Some(&n) = self.numbers.get(s) {
            return n;
        }
        let n = self.list.len() as u32;
        self.list.push(s.clone());
        self.numbers.insert(s.clone(), n);
        n
    }

    fn number_str(&mut self, s: &str) -> u32 {
        match self.numbers.get(s) {
            Some(&n) => n,
            None => self.number(&Arc::from(s)),
        }
    }
}

/// Builds the stored form of an index document by document, as the index grows, so that
/// storing a large index at the end of a load costs no pause.
#[derive(Debug, Default)]
pub struct StoredIndexBuilder {
    strings: Strings,
    /// The number of each entity's canonical name, in entity order.
    entity_canonical: Vec<u32>,
    /// A handful of recognizers name millions of mentions: numbered by address, not hashed.
    recognizers: Vec<(&'static str, u32)>,
    packed: Vec<u8>,
    doc_mentions: Vec<u32>,
}

impl StoredIndexBuilder {
    /// Adds the next document of `index` (the one after those added so far); false when it
    /// cannot be stored (a mention not the built-in extractor's, a span past 4 GB).
    pub fn add_doc(&mut self, index: &Index) -> bool {
        let doc = DocId(self.doc_mentions.len() as u32);
        for e in &index.entities[self.entity_canonical.len()..] {
            let n = self.strings.number(&e.canonical);
            self.entity_canonical.push(n);
        }
        let ids = index.doc_mention_ids(doc);
        let numbers =
            (index.mention_entity[ids.clone()].iter()).zip(&index.mention_surface[ids.clone()]);
        for (m, (&entity, &surface)) in index.mentions[ids.clone()].iter().zip(numbers) {
            let Source::Builtin(recognizer) = m.source else {
                return false;
            };
            let recognizer = match self
                .recognizers
                .iter()
                .find(|(r, _)| std::ptr::eq(*r, recognizer))
            {
                Some(&(_, n)) => n,
                None => {
                    let n = self.strings.number_str(recognizer);
                    self.recognizers.push((recognizer, n));
                    n
                }
            };
            let canonical =
                match Arc::ptr_eq(&m.canonical, &index.entities[entity.index()].canonical) {
                    true => self.entity_canonical[entity.index()],
                    false => self.strings.number(&m.canonical),
                };
            let (Ok(start), Ok(end)) = (u32::try_from(m.span.start), u32::try_from(m.span.end))
            else {
                return false;
            };
            let stored = StoredMention {
                start,
                end,
                entity,
                canonical,
                recognizer,
                surface,
            };
            pack(&stored, &mut self.packed);
        }
        self.doc_mentions.push(ids.len() as u32);
        true
    }

    /// The stored index, once every document of `index` is added (None otherwise).
    pub fn finish(mut self, index: &Index) -> Option<StoredIndex> {
        if self.doc_mentions.len() != index.doc_count() {
            return None;
        }
        let mut entities = Vec::with_capacity(index.entities.len());
        for (e, &canonical) in index.entities.iter().zip(&self.entity_canonical) {
            let label = self.strings.number_str(e.label.as_str());
            let key = self.strings.number(&e.key);
            let aliases = e
                .aliases
                .iter()
                .map(|a| self.strings.number_str(a))
                .collect();
            entities.push(StoredEntity {
                label,
                key,
                canonical,
                aliases,
            });
        }
        Some(StoredIndex {
            strings: self.strings.list.iter().map(|s| s.to_string()).collect(),
            entities,
            mentions: self.packed,
            doc_mentions: self.doc_mentions,
        })
    }
}

impl Index {
    /// The index in stored form; None when a mention is not the built-in extractor's (only the
    /// extractor's results are worth keeping between sessions: the rest are read from files).
    pub fn to_stored(&self) -> Option<StoredIndex> {
        let mut builder = StoredIndexBuilder::default();
        for _ in 0..self.doc_count() {
            if !builder.add_doc(self) {
                return None;
            }
        }
        builder.finish(self)
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
            mentions: packed,
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
            Ok(shared[i as usize]
                .get_or_insert_with(|| Arc::from(s.as_str()))
                .clone())
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
        let alias_counts: Vec<usize> = index.entities.iter().map(|e| e.aliases.len()).collect();
        let sizes = check_mentions(&alias_counts, &packed, &doc_mentions, doc_lens, &strings)?;
        for (e, (mentions, docs)) in index.entities.iter_mut().zip(sizes) {
            e.mentions.reserve_exact(mentions);
            e.docs.reserve_exact(docs);
        }
        index.reserve(packed.len() / PACKED);
        // Each recognizer's name, looked up once.
        let mut recognizers: Vec<Option<&'static str>> = vec![None; strings.len()];
        let order = EntityOrder::of(&index.entities);
        let mention_entity: Vec<EntityId> = unpack(&packed).map(|m| m.entity).collect();
        let sizes = || doc_mentions.iter().map(|&n| n as usize);
        let doc_entities = std::thread::scope(|scope| {
            // The entity pane's lists, on another core meanwhile.
            let doc_entities = scope.spawn(|| order.doc_entities(&mention_entity, sizes()));
            let mut next = unpack(&packed);
            for (doc, &count) in doc_mentions.iter().enumerate() {
                let doc = DocId(doc as u32);
                let start = index.mentions.len();
                for m in next.by_ref().take(count as usize) {
                    let id = index.mentions.len() as u32;
                    let e = &mut index.entities[m.entity.index()];
                    let span = m.start as usize..m.end as usize;
                    if e.docs.last() != Some(&doc) {
                        e.docs.push(doc);
                    }
                    e.mentions.push(super::MentionId(id));
                    let canonical = match m.canonical == stored_entities[m.entity.index()].canonical
                    {
                        true => e.canonical.clone(),
                        false => share(m.canonical)?,
                    };
                    let source = *recognizers[m.recognizer as usize]
                        .get_or_insert_with(|| recognizer(&strings[m.recognizer as usize]));
                    index.mentions.push(Mention {
                        doc,
                        span,
                        label: e.label.clone(),
                        key: e.key.clone(),
                        canonical,
                        source: Source::Builtin(source),
                    });
                    index.mention_surface.push(m.surface);
                }
                index.doc_ranges.push(start..index.mentions.len());
            }
            doc_entities
                .join()
                .map_err(|_| "the entity lists could not be made".to_string())
        })?;
        index.mention_entity = mention_entity;
        index.doc_entities = doc_entities;
        Ok(index)
    }
}

/// Checks that every stored mention names an entity, strings and an alias that exist and fits
/// its document; returns how many mentions and documents each entity has.
fn check_mentions(
    alias_counts: &[usize],
    packed: &[u8],
    doc_mentions: &[u32],
    doc_lens: &[usize],
    strings: &[String],
) -> Result<Vec<(usize, usize)>, String> {
    if doc_mentions.len() != doc_lens.len() {
        let (indexed, listed) = (doc_mentions.len(), doc_lens.len());
        return Err(format!("{indexed} documents indexed, {listed} listed"));
    }
    let total: usize = doc_mentions.iter().map(|&n| n as usize).sum();
    let stored = packed.len() / PACKED;
    if total != stored || !packed.len().is_multiple_of(PACKED) {
        return Err(format!("{total} mentions counted, {stored} stored"));
    }
    let entities = alias_counts.len();
    let mut sizes = vec![(0, 0); entities];
    let mut last_doc = vec![u32::MAX; entities];
    let mut next = unpack(packed);
    for (doc, (&count, &len)) in doc_mentions.iter().zip(doc_lens).enumerate() {
        for m in next.by_ref().take(count as usize) {
            if m.start >= m.end || m.end as usize > len {
                return Err(format!(
                    "span {}..{} does not fit document {doc}",
                    m.start, m.end
                ));
            }
            let e = m.entity.index();
            if e >= entities {
                return Err(format!("entity {e} of {entities} is missing"));
            }
            if m.canonical as usize >= strings.len() || m.recognizer as usize >= strings.len() {
                return Err(format!(
                    "a mention of document {doc} names a missing string"
                ));
            }
            if m.surface != super::NO_SURFACE && m.surface as usize > alias_counts[e] {
                return Err(format!("a mention of document {doc} names a missing alias"));
            }
            sizes[e].0 += 1;
            if last_doc[e] != doc as u32 {
                last_doc[e] = doc as u32;
                sizes[e].1 += 1;
            }
        }
    }
    Ok(sizes)
}

#[cfg(test)]
mod tests {
    use crate::corpus::Corpus;
    use crate::extract::Extractor;
    use crate::index::{EntityId, Index};

    fn names(index: &Index) -> Vec<(EntityId, u32, String)> {
        let mut names: Vec<_> = index
            .search_names()
            .iter()
            .map(|n| (n.entity, n.name, n.folded.to_string()))
            .collect();
        names.sort();
        names
    }

    /// The bundled articles, the extractor, the index of its mentions, and each text's length.
    fn bundled_index() -> (Corpus, Extractor, Index, Vec<usize>) {
        let corpus = Corpus::bundled();
        let extractor = Extractor::default();
        let mentions = (corpus.docs.iter())
            .flat_map(|d| extractor.extract(d))
            .collect();
        let built = Index::build(&corpus, mentions);
        let lens = corpus.docs.iter().map(|d| d.text.len()).collect();
        (corpus, extractor, built, lens)
    }

    #[test]
    fn a_restored_index_answers_as_the_one_built() {
        let (corpus, extractor, built, lens) = bundled_index();
        let stored = built.to_stored().unwrap();
        let restored = Index::from_stored(stored, &lens, |n| extractor.recognizer_name(n)).unwrap();
        assert_eq!(restored.mentions, built.mentions);
        assert_eq!(restored.mention_surface, built.mention_surface);
        assert_eq!(restored.mention_entity, built.mention_entity);
        assert_eq!(names(&restored), names(&built));
        for (a, b) in restored.entities.iter().zip(&built.entities) {
            assert_eq!(
                (&a.name, &a.aliases, &a.docs),
                (&b.name, &b.aliases, &b.docs)
            );
            assert_eq!(a.mentions, b.mentions);
        }
        for doc in 0..corpus.docs.len() as u32 {
            assert_eq!(
                restored.doc_entities(crate::corpus::DocId(doc)),
                built.doc_entities(crate::corpus::DocId(doc))
            );
        }
        let xi = built
            .entities
            .iter()
            .find(|e| e.name.contains("Xi Jinping"))
            .unwrap();
        assert_eq!(
            restored
                .find_entity(&xi.label, &xi.key)
                .map(|e| restored.entity(e).docs.clone()),
            Some(xi.docs.clone())
        );
    }

    #[test]
    fn a_damaged_stored_index_is_refused() {
        let (_, extractor, built, lens) = bundled_index();
        let name = |n: &str| extractor.recognizer_name(n);
        let mut stored = built.to_stored().unwrap();
        let change =
            |stored: &mut super::StoredIndex, i: usize, f: &dyn Fn(&mut super::StoredMention)| {
                let mut all: Vec<_> = super::unpack(&stored.mentions).collect();
                f(&mut all[i]);
                stored.mentions.clear();
                for m in &all {
                    super::pack(m, &mut stored.mentions);
                }
            };
        change(&mut stored, 3, &|m| m.entity = EntityId(1_000_000));
        assert!(Index::from_stored(stored, &lens, name).is_err());
        let mut stored = built.to_stored().unwrap();
        change(&mut stored, 0, &|m| m.end = u32::MAX);
        stored.doc_mentions.insert(0, 0);
        assert!(
            Index::from_stored(stored.clone(), &lens, name).is_err(),
            "one document too many"
        );
        stored.doc_mentions.remove(0);
        assert!(
            Index::from_stored(stored, &lens, name).is_err(),
            "span past the end"
        );
        let mut stored = built.to_stored().unwrap();
        stored.entities[0].aliases.push(u32::MAX);
        assert!(Index::from_stored(stored, &lens, name).is_err());
        let mut stored = built.to_stored().unwrap();
        stored.mentions.pop();
        assert!(
            Index::from_stored(stored, &lens, name).is_err(),
            "cut short"
        );
    }
}
