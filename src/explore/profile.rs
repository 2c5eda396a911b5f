//! An entity's profile: every name it goes by, its documents and their date range, its mentions
//! per month, the entities that appear with it most (in the same document, in the same
//! sentence), and the roles written next to a person's name with their dates.

use super::roles::roles_at;
use crate::corpus::{Corpus, DocId};
use crate::index::{EntityId, Index, MentionId};
use crate::model::Label;
use std::collections::{BTreeMap, HashMap};

/// At most this many documents are read for roles and sentences (the newest): reading every
/// document of an entity mentioned in tens of thousands would take seconds.
pub const TEXTS_READ: usize = 2_000;

/// A role found next to a person's name.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Role {
    pub role: String,
    /// How many times it was found.
    pub count: usize,
    /// The dates of the first and last documents it was found in.
    pub first: Option<String>,
    pub last: Option<String>,
}

/// An entity that appears with the profiled one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct With {
    pub entity: EntityId,
    /// Documents (or sentences) both appear in.
    pub count: usize,
}

/// What the profile shows.
#[derive(Debug, Clone)]
pub struct Profile {
    pub entity: EntityId,
    /// Every name it goes by in the text, with how many mentions use it, most used first.
    pub names: Vec<(String, usize)>,
    pub mentions: usize,
    pub docs: usize,
    /// The dates of its first and last dated documents.
    pub first_date: Option<String>,
    pub last_date: Option<String>,
    /// Mentions per month (`YYYY-MM`), every month from the first to the last.
    pub months: Vec<(String, usize)>,
    /// Mentions in documents without a date.
    pub undated: usize,
    /// The entities in most of its documents, most first.
    pub with_by_doc: Vec<With>,
    /// The entities in most of the sentences that mention it, most first.
    pub with_by_sentence: Vec<With>,
    /// Roles next to its name (persons), most found first.
    pub roles: Vec<Role>,
    /// How many documents were read for roles and sentences, and whether that is fewer than
    /// its documents (the newest [`TEXTS_READ`]).
    pub texts_read: usize,
    pub texts_capped: bool,
}

/// The profile of `entity`.
pub fn profile(corpus: &Corpus, index: &Index, entity: EntityId) -> Profile {
    let e = index.entity(entity);
    let date = |d: DocId| corpus.docs[d.index()].meta.date.as_deref();
    // Names as written: counted by which of the entity's names each mention reads.
    let mut per_name = vec![0usize; e.aliases.len() + 1];
    for &m in &e.mentions {
        if let Some(slot) = index.surface_index(m).and_then(|n| per_name.get_mut(n)) {
            *slot += 1;
        }
    }
    let all_names = std::iter::once(&*e.canonical).chain(e.aliases.iter().map(String::as_str));
    let mut names: Vec<(String, usize)> = (all_names.zip(per_name))
        .filter(|(_, c)| *c > 0)
        .map(|(n, c)| (n.to_string(), c))
        .collect();
    names.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    // Mentions per month.
    let mut per_month: BTreeMap<&str, usize> = BTreeMap::new();
    let mut undated = 0;
    // Its mentions are in document order: one date looked up per document.
    let same_doc = |a: &MentionId, b: &MentionId| {
        index.mentions[a.index()].doc == index.mentions[b.index()].doc
    };
    for run in e.mentions.chunk_by(same_doc) {
        let doc = index.mentions[run[0].index()].doc;
        match date(doc).and_then(|d| d.get(..7)) {
            Some(month) => *per_month.entry(month).or_default() += run.len(),
            None => undated += run.len(),
        }
    }
    let months = every_month(&per_month);
    let mut dates: Vec<&str> = e.docs.iter().filter_map(|&d| date(d)).collect();
    dates.sort_unstable();
    // Entities in the same documents.
    // A slot per entity, not a hash map: tens of thousands of documents' entities are counted.
    let mut slots = vec![0u32; index.entities.len()];
    let mut touched: Vec<EntityId> = Vec::new();
    for &d in &e.docs {
        for &(other, _) in index.doc_entities(d) {
            if other != entity {
                if slots[other.index()] == 0 {
                    touched.push(other);
                }
                slots[other.index()] += 1;
            }
        }
    }
    let by_doc: HashMap<EntityId, usize> = (touched.into_iter())
        .map(|o| (o, slots[o.index()] as usize))
        .collect();
    // Roles and sentences: the newest documents' texts.
    let mut newest = e.docs.clone();
    newest.sort_by(|a, b| date(*b).cmp(&date(*a)));
    newest.truncate(TEXTS_READ);
    let mut by_sentence: HashMap<EntityId, usize> = HashMap::new();
    let mut roles: HashMap<String, Role> = HashMap::new();
    let mut texts_read = 0;
    for &d in &newest {
        let Ok(text) = corpus.docs[d.index()].text.read_unheld() else {
            continue;
        };
        texts_read += 1;
        let ids = index.doc_mention_ids(d);
        let mentions = &index.mentions[ids.clone()];
        let sentences = sentence_ends(&text);
        let sentence_of = |at: usize| sentences.partition_point(|&end| end <= at);
        let mut own_sentences: Vec<usize> = Vec::new();
        for (k, m) in mentions.iter().enumerate() {
            let id = MentionId((ids.start + k) as u32);
            if index.entity_of(id) != entity {
                continue;
            }
            own_sentences.push(sentence_of(m.span.start));
            if e.label == Label::Person {
                for role in roles_at(&text, m.span.clone()) {
                    let when = date(d).map(|x| x.get(..10).unwrap_or(x).to_string());
                    let r = roles.entry(role.to_lowercase()).or_insert_with(|| Role {
                        role: role.clone(),
                        count: 0,
                        first: when.clone(),
                        last: when.clone(),
                    });
                    r.count += 1;
                    if when.is_some() && (r.first.is_none() || when < r.first) {
                        r.first = when.clone();
                    }
                    if when > r.last {
                        r.last = when;
                    }
                }
            }
        }
        own_sentences.dedup();
        let mut seen: Vec<(usize, EntityId)> = Vec::new();
        for (k, m) in mentions.iter().enumerate() {
            let other = index.entity_of(MentionId((ids.start + k) as u32));
            let s = sentence_of(m.span.start);
            if other != entity && own_sentences.binary_search(&s).is_ok() {
                seen.push((s, other));
            }
        }
        seen.sort_unstable();
        seen.dedup();
        for (_, other) in seen {
            *by_sentence.entry(other).or_default() += 1;
        }
    }
    let ranked = |counts: HashMap<EntityId, usize>| {
        let mut v: Vec<With> = (counts.into_iter())
            .map(|(entity, count)| With { entity, count })
            .collect();
        v.sort_by(|a, b| {
            (b.count.cmp(&a.count)).then_with(|| {
                index
                    .entity(a.entity)
                    .name
                    .cmp(&index.entity(b.entity).name)
            })
        });
        v
    };
    let mut roles: Vec<Role> = roles.into_values().collect();
    roles.sort_by(|a, b| {
        (b.count.cmp(&a.count))
            .then_with(|| a.first.cmp(&b.first))
            .then_with(|| a.role.cmp(&b.role))
    });
    Profile {
        entity,
        names,
        mentions: e.mentions.len(),
        docs: e.docs.len(),
        first_date: dates.first().map(|d| d.to_string()),
        last_date: dates.last().map(|d| d.to_string()),
        months,
        undated,
        with_by_doc: ranked(by_doc),
        with_by_sentence: ranked(by_sentence),
        roles,
        texts_read,
        texts_capped: texts_read < e.docs.len() && newest.len() == TEXTS_READ,
    }
}

/// Every month from the first counted to the last, with its count (0 for a month without).
fn every_month(counts: &BTreeMap<&str, usize>) -> Vec<(String, usize)> {
    let parse = |m: &str| -> Option<(i32, u32)> {
        let (y, mo) = m.split_once('-')?;
        Some((y.parse().ok()?, mo.parse().ok()?))
    };
    let (Some(first), Some(last)) = (
        counts.keys().next().and_then(|m| parse(m)),
        counts.keys().next_back().and_then(|m| parse(m)),
    ) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let (mut y, mut m) = first;
    while (y, m) <= last && out.len() < 1200 {
        let key = format!("{y:04}-{m:02}");
        let n = counts.get(key.as_str()).copied().unwrap_or(0);
        out.push((key, n));
        (y, m) = if m == 12 { (y + 1, 1) } else { (y, m + 1) };
    }
    out
}

/// The byte offsets where the sentences of `text` end (after each terminator or line break).
pub fn sentence_ends(text: &str) -> Vec<usize> {
    let mut ends = Vec::new();
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let end = i + c.len_utf8();
        let ends_here = match c {
            '。' | '！' | '？' | '；' | '\n' => true,
            // A full stop in English ends a sentence when a space or the end follows.
            '.' | '!' | '?' => chars.peek().is_none_or(|&(_, n)| n.is_whitespace()),
            _ => false,
        };
        if ends_here {
            ends.push(end);
        }
    }
    ends
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_are_counted_without_gaps_and_sentences_end_at_terminators() {
        let counts: BTreeMap<&str, usize> = [("2020-11", 2), ("2021-02", 1)].into_iter().collect();
        assert_eq!(
            every_month(&counts),
            [
                ("2020-11".to_string(), 2),
                ("2020-12".to_string(), 0),
                ("2021-01".to_string(), 0),
                ("2021-02".to_string(), 1)
            ]
        );
        let text = "Mr. A met B. Then C。D";
        let ends = sentence_ends(text);
        assert_eq!(ends, [3, 12, text.find('。').unwrap() + '。'.len_utf8()]);
    }
}
