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

/// Every pair of an entity of `rows` and one of `cols` (another) appearing together in the
/// documents `docs`, most often first (ties by the entities' names).
pub fn cooc(
    corpus: &Corpus,
    index: &Index,
    docs: &[DocId],
    rows: &Label,
    cols: &Label,
    together: Together,
) -> Vec<Pair> {
    let mut counts: FxHashMap<(EntityId, EntityId), usize> = FxHashMap::default();
    for &d in docs {
        match together {
            Together::Document => {
                let entities = index.doc_entities(d);
                let of = |l: &Label| -> Vec<EntityId> {
                    (entities.iter())
                        .filter(|(e, _)| index.entity(*e).label == *l)
                        .map(|(e, _)| *e)
                        .collect()
                };
                let cs = of(cols);
                for r in of(rows) {
                    for &c in cs.iter().filter(|&&c| c != r) {
                        *counts.entry((r, c)).or_default() += 1;
                    }
                }
            }
            Together::Sentence => {
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
        }
    }
    let mut out: Vec<Pair> = (counts.into_iter())
        .map(|((row, col), count)| Pair { row, col, count })
        .collect();
    out.sort_by(|a, b| {
        (b.count.cmp(&a.count))
            .then_with(|| index.entity(a.row).name.cmp(&index.entity(b.row).name))
            .then_with(|| index.entity(a.col).name.cmp(&index.entity(b.col).name))
    });
    out
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
