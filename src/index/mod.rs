//! The entity index: which documents mention an entity, all its mentions in corpus order, and
//! the entities of each document. Built once; every query is a slice lookup or a merge.

use crate::corpus::{Corpus, DocId};
use crate::extract::gazetteer_aliases;
use crate::model::{Label, Mention};
use rustc_hash::FxHashMap;
use std::ops::Range;
use std::sync::Arc;

mod edit;
mod order;
mod stored;
pub use edit::{Before, ReplacedDoc};
use order::EntityOrder;
pub use stored::{StoredIndex, StoredIndexBuilder};

/// An entity, by its place in [`Index::entities`]: a type of its own, so it is never taken for
/// a mention or a document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct EntityId(pub u32);

impl EntityId {
    /// Its place in [`Index::entities`].
    pub fn index(self) -> usize {
        self.0 as usize
    }
}

/// A mention, by its place in [`Index::mentions`]: a type of its own, so it is never taken
/// for an entity or a document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct MentionId(pub u32);

impl MentionId {
    /// Its place in [`Index::mentions`].
    pub fn index(self) -> usize {
        self.0 as usize
    }
}

/// How many mentions a reviewer can add before the index's lists must grow (and be copied).
pub const ADDED_ROOM: usize = 4096;

/// See [`Index::surface`].
const NO_SURFACE: u32 = u32::MAX;

/// An entity: every mention sharing a label and a key.
#[derive(Debug, Clone)]
pub struct Entity {
    pub label: Label,
    /// Shared with its mentions (one copy per entity, however many mentions).
    pub key: Arc<str>,
    /// The name the extractor or the file gave it (shared like the key).
    pub canonical: Arc<str>,
    /// The name shown in lists: the canonical one, with its Chinese or Latin form beside it for
    /// a person known in both scripts.
    pub name: String,
    /// Every other name it goes by: spellings found in the text, gazetteer names.
    pub aliases: Vec<String>,
    /// Documents that mention it, ascending.
    pub docs: Vec<DocId>,
    /// Its mentions in corpus order (document, then position).
    pub mentions: Vec<MentionId>,
}

/// A person known in both scripts is named in both ('Xi Jinping 习近平'), as places are.
fn bilingual_name(e: &Entity) -> String {
    let han = |s: &str| s.chars().any(crate::corpus::meta::is_han);
    let names = || std::iter::once(&*e.canonical).chain(e.aliases.iter().map(String::as_str));
    // Only the built-in recognizers' persons: an imported entity keeps the name its file gives.
    let builtin = e.key.starts_with("person:");
    if !builtin || e.label != Label::Person || !names().any(&han) || names().all(&han) {
        return e.canonical.to_string();
    }
    let capitals = |s: &&str| s.chars().filter(char::is_ascii_uppercase).count();
    let aliases = || e.aliases.iter().map(String::as_str);
    let (latin, chinese) = if han(&e.canonical) {
        (
            aliases().filter(|a| !han(a)).max_by_key(capitals),
            Some(&*e.canonical),
        )
    } else {
        (Some(&*e.canonical), aliases().find(|a| han(a)))
    };
    match (latin, chinese) {
        (Some(l), Some(c)) => format!("{l} {c}"),
        _ => e.canonical.to_string(),
    }
}

/// Mentions of a corpus grouped into entities.
#[derive(Debug, Clone, Default)]
pub struct Index {
    /// Sorted by document, then start.
    pub mentions: Vec<Mention>,
    /// The entity of each mention.
    pub mention_entity: Vec<EntityId>,
    /// The text of each mention: 0 for the entity's canonical name, n for its alias n - 1,
    /// [`NO_SURFACE`] when the span did not fit the text.
    mention_surface: Vec<u32>,
    pub entities: Vec<Entity>,
    /// For each document, its range in `mentions`.
    doc_ranges: Vec<Range<usize>>,
    /// For each document, its entities with mention counts, grouped by label, most mentioned
    /// first (computed once: the entity pane and the list read it every frame).
    doc_entities: Vec<Vec<(EntityId, usize)>>,
    /// Entities by key (a key may name entities of several labels). Looked up once per
    /// mention while loading: a fast hash, not a DoS-resistant one.
    by_key: FxHashMap<Arc<str>, Vec<EntityId>>,
    /// See [`Index::search_names`].
    search: Vec<SearchName>,
    /// Every label an entity has been given, in label order (kept as entities are added: the
    /// relabel prompt reads it every frame).
    labels: Vec<Label>,
}

/// A name an entity is searched by, folded for matching.
#[derive(Debug, Clone)]
pub struct SearchName {
    pub entity: EntityId,
    /// Which name: 0 for the name shown, then each alias (1 = the first).
    pub name: u32,
    /// Lower case, accents removed: 'Hóngzhōng' is found by 'hongzhong'.
    pub folded: Box<str>,
    /// Which characters `folded` has (see [`char_set`]): a name lacking one of the query's
    /// cannot match it, which rules out most names at the cost of an AND.
    pub chars: u64,
}

impl SearchName {
    fn new(entity: EntityId, name: u32, text: &str) -> Self {
        let folded = fold(text);
        SearchName {
            entity,
            name,
            chars: char_set(&folded),
            folded: folded.into(),
        }
    }
}

/// The set of characters in `text` as bits: one per ASCII letter and digit, one for everything
/// else. Whitespace is left out (queries' spaces match anything).
pub fn char_set(text: &str) -> u64 {
    text.chars().fold(0, |set, c| {
        set | match c {
            'a'..='z' => 1 << (c as u32 - 'a' as u32),
            '0'..='9' => 1 << (26 + c as u32 - '0' as u32),
            c if c.is_whitespace() => 0,
            _ => 1 << 63,
        }
    })
}

/// `text` in lower case without accents, for matching.
pub fn fold(text: &str) -> String {
    use unicode_normalization::char::is_combining_mark;
    use unicode_normalization::UnicodeNormalization;
    if text.is_ascii() {
        return text.to_ascii_lowercase();
    }
    text.nfd()
        .filter(|c| !is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .collect()
}

impl Index {
    /// Groups `mentions` of `corpus` into entities.
    pub fn build(corpus: &Corpus, mentions: Vec<Mention>) -> Index {
        Index::build_over(corpus, mentions, None)
    }

    /// The index of `mentions` of `corpus` again, after a few of them changed: the text of each
    /// mention this index has at the same place is known without reading its document (so a
    /// large corpus's texts are not all read again); the documents of the others are read.
    pub fn rebuild(&self, corpus: &Corpus, mentions: Vec<Mention>) -> Index {
        Index::build_over(corpus, mentions, Some(self))
    }

    /// [`Index::build`], taking what texts it can from an `old` index.
    fn build_over(corpus: &Corpus, mut mentions: Vec<Mention>, old: Option<&Index>) -> Index {
        mentions.sort_by_key(|m| (m.doc, m.span.start, m.span.end));
        let mut index = Index::default();
        index.reserve(mentions.len());
        let mut rest = mentions.into_iter().peekable();
        for doc in &corpus.docs {
            while rest.next_if(|m| m.doc < doc.id).is_some() {}
            let own = std::iter::from_fn(|| rest.next_if(|m| m.doc == doc.id));
            let Some(old) = old else {
                // A first build: each mention goes in as it comes (no copy of the document's).
                let with_text = own.map(|m| {
                    let surface = doc.text.get(m.span.clone());
                    (m, surface)
                });
                index.push_doc_with(with_text, false);
                continue;
            };
            let own: Vec<Mention> = own.collect();
            match old.known_surfaces(doc.id, &own) {
                Some(surfaces) => {
                    index.push_doc_with(own.into_iter().zip(surfaces.into_iter().map(Some)), false)
                }
                None => {
                    let with_text = own.into_iter().map(|m| {
                        let surface = doc.text.get(m.span.clone());
                        (m, surface)
                    });
                    index.push_doc_with(with_text, false);
                }
            }
        }
        // The entity pane's lists, all at once: names are ranked once instead of compared.
        let sizes = index.doc_ranges.iter().map(|r| r.len());
        index.doc_entities =
            EntityOrder::of(&index.entities).doc_entities(&index.mention_entity, sizes);
        index
    }

    /// The texts of `mentions` (sorted, of document `doc`), when this index has a mention at
    /// each of their places.
    fn known_surfaces(&self, doc: DocId, mentions: &[Mention]) -> Option<Vec<&str>> {
        let ids = self.doc_mention_ids(doc);
        let before = &self.mentions[ids.clone()];
        let id = |i: usize| MentionId((ids.start + i) as u32);
        // Most documents keep their mentions where they were.
        let unmoved = mentions.len() == before.len()
            && mentions.iter().zip(before).all(|(a, b)| a.span == b.span);
        if unmoved {
            return (0..mentions.len()).map(|i| self.surface(id(i))).collect();
        }
        (mentions.iter())
            .map(|m| {
                let place = |b: &Mention| (b.span.start, b.span.end);
                let i = before.binary_search_by_key(&place(m), place).ok()?;
                self.surface(id(i))
            })
            .collect()
    }

    /// The text a mention covers, known without reading its document (None when its span
    /// did not fit the text).
    pub fn surface(&self, mention: MentionId) -> Option<&str> {
        let e = self.entity(self.entity_of(mention));
        match self.mention_surface.get(mention.index())? {
            0 => Some(&e.canonical),
            &n => e.aliases.get(n as usize - 1).map(String::as_str),
        }
    }

    /// Which of its entity's names a mention's text is: 0 for the canonical name, n for alias
    /// n - 1 (as [`Index::surface`] reads it); None when its span did not fit the text.
    pub fn surface_index(&self, mention: MentionId) -> Option<usize> {
        match *self.mention_surface.get(mention.index())? {
            NO_SURFACE => None,
            n => Some(n as usize),
        }
    }

    /// Adds the next document (its id is the number of documents indexed so far) and its
    /// mentions. Documents come in corpus order, so every list stays sorted.
    pub fn push_doc(&mut self, text: &str, mut mentions: Vec<Mention>) {
        mentions.sort_by_key(|m| (m.span.start, m.span.end));
        let with_text = mentions.into_iter().map(|m| {
            let surface = text.get(m.span.clone());
            (m, surface)
        });
        self.push_doc_with(with_text, true)
    }

    /// [`Index::push_doc`], with the text of each mention beside it; the document's entity list
    /// is made when `list_entities` (else the caller makes every list at the end).
    /// `mentions` come sorted by position; taken one at a time, so that a document of millions
    /// of mentions is not copied on the way in.
    fn push_doc_with<'t>(
        &mut self,
        mentions: impl IntoIterator<Item = (Mention, Option<&'t str>)>,
        list_entities: bool,
    ) {
        let doc = DocId(self.doc_ranges.len() as u32);
        let start = self.mentions.len();
        let mut renamed: Vec<EntityId> = Vec::new();
        for (m, surface) in mentions {
            let id = self.entity_for(&m);
            let i = MentionId(self.mentions.len() as u32);
            let e = &mut self.entities[id.index()];
            if e.docs.last() != Some(&doc) {
                e.docs.push(doc);
            }
            e.mentions.push(i);
            let (number, new_name) = self.surface_number(id, surface);
            if new_name {
                renamed.push(id);
            }
            let e = &self.entities[id.index()];
            self.mention_surface.push(number);
            self.mention_entity.push(id);
            // The entity's copies of the strings stand in for the document's own.
            let canonical = if m.canonical == e.canonical {
                e.canonical.clone()
            } else {
                m.canonical
            };
            let key = e.key.clone();
            self.mentions.push(Mention {
                doc,
                key,
                canonical,
                ..m
            });
        }
        for id in renamed {
            let e = &self.entities[id.index()];
            let name = bilingual_name(e);
            self.entities[id.index()].name = name;
        }
        self.doc_ranges.push(start..self.mentions.len());
        if list_entities {
            let counts = self.count_doc_entities(doc);
            self.doc_entities.push(counts);
        }
    }

    /// The number [`Index::surface`] knows `surface` by for entity `id` (an alias is added when
    /// it is a new name; then true).
    fn surface_number(&mut self, id: EntityId, surface: Option<&str>) -> (u32, bool) {
        let e = &mut self.entities[id.index()];
        match surface {
            None => (NO_SURFACE, false),
            Some(s) if s == &*e.canonical => (0, false),
            Some(s) => match e.aliases.iter().position(|a| a == s) {
                Some(n) => (n as u32 + 1, false),
                None => {
                    e.aliases.push(s.to_string());
                    let n = e.aliases.len() as u32;
                    self.search.push(SearchName::new(id, n, s));
                    (n, true)
                }
            },
        }
    }

    /// The entity of `label` and `key`, if there is one.
    pub fn find_entity(&self, label: &Label, key: &str) -> Option<EntityId> {
        self.by_key.get(key).and_then(|ids| {
            ids.iter()
                .copied()
                .find(|&id| self.entities[id.index()].label == *label)
        })
    }

    /// The entity a mention belongs to, created when it is the first of its label and key.
    fn entity_for(&mut self, m: &Mention) -> EntityId {
        if let Some(id) = self.find_entity(&m.label, &m.key) {
            return id;
        }
        let mut entity = Entity {
            label: m.label.clone(),
            key: m.key.clone(),
            canonical: m.canonical.clone(),
            name: String::new(),
            aliases: gazetteer_aliases(&m.key),
            docs: Vec::new(),
            mentions: Vec::new(),
        };
        entity.name = bilingual_name(&entity);
        self.add_entity(entity)
    }

    /// Adds an entity, with the names it is searched by: its own, its aliases and, for a Chinese
    /// person, the pinyin of the name ('wang nazhao' finds 王娜照).
    fn add_entity(&mut self, entity: Entity) -> EntityId {
        let id = EntityId(self.entities.len() as u32);
        self.search.push(SearchName::new(id, 0, &entity.canonical));
        for (i, alias) in entity.aliases.iter().enumerate() {
            self.search.push(SearchName::new(id, i as u32 + 1, alias));
        }
        if let Some(pinyin) = entity
            .key
            .strip_prefix("person:")
            .filter(|k| k.contains('|'))
        {
            self.search
                .push(SearchName::new(id, 0, &pinyin.replace('|', " ")));
        }
        if let Err(at) = self.labels.binary_search(&entity.label) {
            self.labels.insert(at, entity.label.clone());
        }
        self.by_key.entry(entity.key.clone()).or_default().push(id);
        self.entities.push(entity);
        id
    }

    /// Makes room for `mentions` more mentions.
    pub fn reserve(&mut self, mentions: usize) {
        // Room for the mentions a reviewer adds, besides: growing a list of millions by one
        // would copy it whole.
        let mentions = mentions + ADDED_ROOM;
        self.mentions.reserve(mentions);
        self.mention_entity.reserve(mentions);
        self.mention_surface.reserve(mentions);
    }

    /// Every name entities are searched by, in the order they were found: the filter reads
    /// this list.
    pub fn search_names(&self) -> &[SearchName] {
        &self.search
    }

    /// Number of documents indexed.
    pub fn doc_count(&self) -> usize {
        self.doc_ranges.len()
    }

    /// The range of `mentions` (ids) that belong to `doc`, in reading order.
    pub fn doc_mention_ids(&self, doc: DocId) -> Range<usize> {
        self.doc_ranges.get(doc.index()).cloned().unwrap_or(0..0)
    }

    /// Mentions of `doc`, in reading order.
    pub fn doc_mentions(&self, doc: DocId) -> &[Mention] {
        &self.mentions[self.doc_mention_ids(doc)]
    }

    /// Every label an entity has been given, in label order: those of the extractor and of
    /// imported files, and any a reviewer gave (it stays on offer once used).
    pub fn labels(&self) -> &[Label] {
        &self.labels
    }

    /// Every mention's id, in corpus order.
    pub fn mention_ids(&self) -> impl Iterator<Item = MentionId> {
        (0..self.mentions.len() as u32).map(MentionId)
    }

    /// The entity a mention belongs to.
    pub fn entity_of(&self, mention: MentionId) -> EntityId {
        self.mention_entity[mention.index()]
    }

    /// The entity record.
    pub fn entity(&self, id: EntityId) -> &Entity {
        &self.entities[id.index()]
    }

    /// Entities of a document with their mention counts, grouped by label, most mentioned first.
    pub fn doc_entities(&self, doc: DocId) -> &[(EntityId, usize)] {
        self.doc_entities
            .get(doc.index())
            .map_or(&[], Vec::as_slice)
    }

    fn count_doc_entities(&self, doc: DocId) -> Vec<(EntityId, usize)> {
        let mut ids: Vec<EntityId> = self.mention_entity[self.doc_mention_ids(doc)].to_vec();
        let mut out = order::entity_counts(&mut ids);
        out.sort_by(|a, b| {
            let (ea, eb) = (self.entity(a.0), self.entity(b.0));
            (&ea.label, std::cmp::Reverse(a.1), &ea.name).cmp(&(
                &eb.label,
                std::cmp::Reverse(b.1),
                &eb.name,
            ))
        });
        out
    }

    /// Number of distinct entities in a document.
    pub fn entity_count(&self, doc: DocId) -> usize {
        self.doc_entities(doc).len()
    }

    /// Documents that mention every entity in `filters` (all documents when empty).
    pub fn docs_with_all(&self, filters: &[EntityId], doc_count: usize) -> Vec<DocId> {
        let Some((first, rest)) = filters.split_first() else {
            return DocId::all(doc_count).collect();
        };
        let mut docs = self.entity(*first).docs.clone();
        for f in rest {
            let other = &self.entity(*f).docs;
            docs.retain(|d| other.binary_search(d).is_ok());
        }
        docs
    }

    /// The mention of `doc` whose span contains byte `offset`, if any.
    pub fn mention_at(&self, doc: DocId, offset: usize) -> Option<MentionId> {
        let range = self.doc_mention_ids(doc);
        let ms = &self.mentions[range.clone()];
        let i = ms.partition_point(|m| m.span.end <= offset);
        ms.get(i)
            .filter(|m| m.span.start <= offset)
            .map(|_| MentionId((range.start + i) as u32))
    }
}

#[cfg(test)]
mod tests;
