//! Who appears with whom: the pairs of entities of two labels (person × region, or any two)
//! found in the same document or the same sentence, ranked by how often.

use super::profile::sentence_ends;
use crate::corpus::{Corpus, DocId};
use crate::index::{EntityId, Index, MentionId};
use crate::model::Label;
use rustc_hash::FxHashMap;

/// What counts as appearing together.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Together {
    /// In the same document (known without reading any text).
    Document,
    /// In the same sentence (every document's text is read).
    Sentence,
}

/// Two entities and how many documents (or sentences) have both.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Pair {
    pub row: EntityId,
    pub col: EntityId,
    pub count: usize,
}

/// [`cooc`] by document: for each entity of `rows`, its documents among `docs`, and in each the
/// entities of `cols` counted in a slot per entity (no hashing: tens of millions of counts at
/// 100,000 articles).
fn by_document(
    corpus: &Corpus,
    index: &Index,
    docs: &[DocId],
    rows: &Label,
    cols: &Label,
) -> Vec<Pair> {
    let mut listed = vec![false; corpus.docs.len()];
    for &d in docs {
        if let Some(x) = listed.get_mut(d.index()) {
            *x = true;
        }
    }
    // Each listed document's column entities, in one flat list (read once, in order): the
    // rows' loop below reads these instead of every document's whole entity list.
    let mut col_start = vec![0u32; corpus.docs.len() + 1];
    let mut col_ids: Vec<u32> = Vec::new();
    for d in 0..corpus.docs.len() {
        if listed[d] {
            let doc = DocId(d as u32);
            col_ids.extend(
                (index.doc_entities(doc).iter())
                    .filter(|(c, _)| index.entity(*c).label == *cols)
                    .map(|(c, _)| c.0),
            );
        }
        col_start[d + 1] = col_ids.len() as u32;
    }
    let mut slots = vec![0u32; index.entities.len()];
    let mut touched: Vec<u32> = Vec::new();
    let mut out = Vec::new();
    for (i, e) in index.entities.iter().enumerate() {
        if e.label != *rows {
            continue;
        }
        for &d in &e.docs {
            let span = col_start[d.index()] as usize..col_start[d.index() + 1] as usize;
            for &c in &col_ids[span] {
                if c != i as u32 {
                    if slots[c as usize] == 0 {
                        touched.push(c);
                    }
                    slots[c as usize] += 1;
                }
            }
        }
        let row = EntityId(i as u32);
        for c in touched.drain(..) {
            let count = std::mem::take(&mut slots[c as usize]) as usize;
            out.push(Pair {
                row,
                col: EntityId(c),
                count,
            });
        }
    }
    most_first(out)
}

/// `pairs` with the largest counts first, in the order they came within one count: a counting
/// sort (counts are small; a comparison sort of a million pairs would take longer than counting
/// them).
fn most_first(pairs: Vec<Pair>) -> Vec<Pair> {
    let max = pairs.iter().map(|p| p.count).max().unwrap_or(0);
    let mut starts = vec![0usize; max + 2];
    for p in &pairs {
        starts[max - p.count + 1] += 1;
    }
    for i in 1..starts.len() {
        starts[i] += starts[i - 1];
    }
    let mut out = vec![
        Pair {
            row: EntityId(0),
            col: EntityId(0),
            count: 0
        };
        pairs.len()
    ];
    for p in pairs {
        let slot = &mut starts[max - p.count];
        out[*slot] = p;
        *slot += 1;
    }
    out
}

/// Every pair of an entity of `rows` and one of `cols` (another) appearing together in the
/// documents `docs`, most often first (ties in the order the entities were first found).
pub fn cooc(
    corpus: &Corpus,
    index: &Index,
    docs: &[DocId],
    rows: &Label,
    cols: &Label,
    together: Together,
) -> Vec<Pair> {
    if together == Together::Document {
        return by_document(corpus, index, docs, rows, cols);
    }
    // Every text is read: two threads, each counting half the documents.
    let half = docs.len() / 2;
    let (first, second) = docs.split_at(half);
    let mut counts = std::thread::scope(|s| {
        let other = s.spawn(|| sentence_counts(corpus, index, second, rows, cols));
        let mut counts = sentence_counts(corpus, index, first, rows, cols);
        // A panic in the other half would be a bug in the counting; count that half here.
        let more = other
            .join()
            .unwrap_or_else(|_| sentence_counts(corpus, index, second, rows, cols));
        for (pair, n) in more {
            *counts.entry(pair).or_default() += n;
        }
        counts
    });
    let mut out: Vec<Pair> = (counts.drain())
        .map(|((row, col), count)| Pair { row, col, count })
        .collect();
    out.sort_unstable_by_key(|p| (p.row, p.col));
    most_first(out)
}

/// The pairs found in the same sentence in `docs`, with how many sentences have each.
fn sentence_counts(
    corpus: &Corpus,
    index: &Index,
    docs: &[DocId],
    rows: &Label,
    cols: &Label,
) -> FxHashMap<(EntityId, EntityId), usize> {
    let mut counts: FxHashMap<(EntityId, EntityId), usize> = FxHashMap::default();
    for &d in docs {
        let Ok(text) = corpus.docs[d.index()].text.read_unheld() else {
            continue;
        };
        let ends = sentence_ends(&text);
        let ids = index.doc_mention_ids(d);
        // (sentence, entity) of each mention of the two labels.
        let mut found: Vec<(usize, EntityId, bool)> = Vec::new();
        for (k, m) in index.mentions[ids.clone()].iter().enumerate() {
            let e = index.entity_of(MentionId((ids.start + k) as u32));
            let label = &index.entity(e).label;
            let s = ends.partition_point(|&end| end <= m.span.start);
            if label == rows {
                found.push((s, e, true));
            }
            if label == cols {
                found.push((s, e, false));
            }
        }
        found.sort_unstable();
        found.dedup();
        let mut pairs: Vec<(EntityId, EntityId, usize)> = Vec::new();
        for &(s, r, is_row) in &found {
            if !is_row {
                continue;
            }
            // The sentence's entries are together in `found` (sorted by sentence).
            let from = found.partition_point(|x| x.0 < s);
            let to = found.partition_point(|x| x.0 <= s);
            for &(_, c, is_row2) in &found[from..to] {
                if !is_row2 && c != r {
                    pairs.push((r, c, s));
                }
            }
        }
        pairs.sort_unstable();
        pairs.dedup();
        for (r, c, _) in pairs {
            *counts.entry((r, c)).or_default() += 1;
        }
    }
    counts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pairs_by_document_count_each_document_once_and_sentences_are_stricter() {
        let corpus = Corpus::bundled();
        let index = crate::session::analyze(&corpus);
        let all: Vec<DocId> = DocId::all(corpus.docs.len()).collect();
        let by_doc = cooc(
            &corpus,
            &index,
            &all,
            &Label::Person,
            &Label::Region,
            Together::Document,
        );
        assert!(!by_doc.is_empty());
        for p in by_doc.iter().take(20) {
            let (r, c) = (&index.entity(p.row).docs, &index.entity(p.col).docs);
            let both = r.iter().filter(|d| c.contains(d)).count();
            assert_eq!(p.count, both, "documents with both");
        }
        assert!(by_doc.windows(2).all(|w| w[0].count >= w[1].count));
        let by_sentence = cooc(
            &corpus,
            &index,
            &all,
            &Label::Person,
            &Label::Region,
            Together::Sentence,
        );
        assert!(!by_sentence.is_empty());
        let total = |v: &[Pair]| v.iter().map(|p| p.count).sum::<usize>();
        assert!(total(&by_sentence) > 0);
        // A pair in one sentence is in one document: sentence pairs are document pairs.
        for p in &by_sentence {
            assert!(by_doc.iter().any(|q| q.row == p.row && q.col == p.col));
        }
    }
}
