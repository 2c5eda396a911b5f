//! Laying the review decisions again — after undo or redo, a boundary move, an addition, or
//! another browser's decisions — document by document: only the documents some decision names
//! now or named before are laid, and only those whose mentions changed are edited in the index.
//! At 100,000 articles a decision costs what its documents cost, not what the corpus does.

use super::workspace::{Change, Workspace, WorkspaceError};
use crate::corpus::DocId;
use crate::index::{Before, Index, MentionId};
use crate::model::{Mention, Status};
use crate::review::{by_document, layer_doc, EntityRules, Layered, MentionReview};

/// Past how many documents whose number of mentions changes the index is rebuilt whole (each
/// such document moves every later mention id).
const RESIZED_IN_PLACE: usize = 64;

/// Whether two lists of a document's mentions are the same mentions of the same entities.
fn same_mentions(a: &[Mention], b: &[Mention]) -> bool {
    a.len() == b.len()
        && (a.iter().zip(b)).all(|(a, b)| a.span == b.span && a.label == b.label && a.key == b.key)
}

impl Workspace {
    /// Recomputes the reviews from the decisions in force, editing the index where mentions
    /// moved, were added or changed entity.
    pub fn relayer(&mut self) -> Result<Change, WorkspaceError> {
        let decisions = match &self.review.store {
            Ok(s) => s.decisions(),
            Err(_) => Ok(Vec::new()),
        };
        let decisions = decisions.map_err(WorkspaceError::Unreadable)?;
        let (by_doc, mut orphans) = by_document(&self.corpus, &decisions);
        let rules = EntityRules::of(&decisions);
        self.review.ignored = self.ignored_docs(&decisions);
        let mut touched = std::mem::take(&mut self.review.decided);
        touched.extend(by_doc.keys().copied());
        touched.extend(self.review.originals.keys().copied());
        // The documents of every entity merged or merged into.
        for (label, key) in rules.entities() {
            if let Some(id) = self.index.find_entity(label, key) {
                touched.extend(self.index.entity(id).docs.iter().copied());
            }
        }
        // Each document laid over its mentions before review.
        let mut laid: Vec<(DocId, Layered)> = Vec::with_capacity(touched.len());
        for doc in touched {
            let original = match self.review.originals.get(&doc) {
                Some(original) => original.clone(),
                None => self.index.doc_mentions(doc).to_vec(),
            };
            let decided = by_doc.get(&doc).map_or(&[][..], Vec::as_slice);
            let mut l = layer_doc(&self.corpus, doc, &original, decided);
            for m in &mut l.mentions {
                rules.apply(m);
            }
            if same_mentions(&l.mentions, &original) {
                self.review.originals.remove(&doc);
            } else {
                self.review.originals.entry(doc).or_insert(original);
            }
            orphans.extend(l.orphans.iter().cloned());
            laid.push((doc, l));
        }
        self.review.decided = by_doc.keys().copied().collect();
        self.review.orphans = orphans.len();
        let resized = (laid.iter())
            .filter(|(doc, l)| l.mentions.len() != self.index.doc_mention_ids(*doc).len())
            .count();
        if resized > RESIZED_IN_PLACE {
            let change = self.rebuild_with(laid);
            self.apply_renames(&rules);
            self.refresh_compare();
            return Ok(change);
        }
        let mut change = Change::Reviews;
        let mut replaced = Vec::new();
        // Mentions that only change entity, moved together once every document is laid.
        let mut moves = Vec::new();
        let mut shift: isize = 0;
        for (doc, l) in laid {
            let Layered {
                mentions, reviews, ..
            } = l;
            let ids = self.index.doc_mention_ids(doc);
            let was = (self
                .review
                .reviews
                .get(ids.clone())
                .unwrap_or_default()
                .iter())
            .filter(|r| r.status != Status::Unreviewed)
            .count();
            let now = reviews
                .iter()
                .filter(|r| r.status != Status::Unreviewed)
                .count();
            self.review.reviewed = self.review.reviewed.saturating_sub(was) + now;
            let same_places = mentions.len() == ids.len()
                && (mentions.iter().zip(&self.index.mentions[ids.clone()]))
                    .all(|(a, b)| a.span == b.span);
            if same_places {
                for (j, m) in mentions.into_iter().enumerate() {
                    let i = ids.start + j;
                    let b = &self.index.mentions[i];
                    if m.label != b.label || m.key != b.key {
                        moves.push((MentionId(i as u32), m.label, m.key, m.canonical));
                    }
                }
                self.review.reviews.splice(ids, reviews);
                continue;
            }
            // Ids move with the document's new mentions: the moves so far are made first.
            if !moves.is_empty() {
                self.index.relink_all(std::mem::take(&mut moves));
                if matches!(change, Change::Reviews) {
                    change = Change::Relinked;
                }
            }
            let text: &str = &self.corpus.docs[doc.index()].text;
            let mut r = self.index.replace_doc(doc, text, mentions);
            self.review.reviews.splice(ids, reviews);
            // Told in the numbering from before any document changed.
            let unshift = |i: usize| (i as isize - shift) as usize;
            let grew = r.new_len as isize - r.old_ids.len() as isize;
            r.old_ids = unshift(r.old_ids.start)..unshift(r.old_ids.end);
            shift += grew;
            replaced.push(r);
        }
        if !moves.is_empty() {
            self.index.relink_all(moves);
            if matches!(change, Change::Reviews) {
                change = Change::Relinked;
            }
        }
        if !replaced.is_empty() {
            change = Change::Rebuilt {
                previous: Before::Docs(replaced),
            };
        }
        if !rules.renames().is_empty() || !self.review.renamed.is_empty() {
            self.apply_renames(&rules);
            if matches!(change, Change::Reviews) {
                change = Change::Relinked;
            }
        }
        self.refresh_compare();
        Ok(change)
    }

    /// The index rebuilt whole with the `laid` documents' mentions in place of theirs (when so
    /// many documents changed size that editing each would cost more).
    fn rebuild_with(&mut self, laid: Vec<(DocId, Layered)>) -> Change {
        let mut mentions = Vec::with_capacity(self.index.mentions.len());
        let mut laid = laid.into_iter().peekable();
        let mut reviews_of = std::collections::BTreeMap::new();
        for doc in DocId::all(self.index.doc_count()) {
            match laid.next_if(|(d, _)| *d == doc) {
                Some((_, l)) => {
                    mentions.extend(l.mentions);
                    reviews_of.insert(doc, l.reviews);
                }
                None => mentions.extend_from_slice(self.index.doc_mentions(doc)),
            }
        }
        let rebuilt: Index = self.index.rebuild(&self.corpus, mentions);
        let previous = std::mem::replace(&mut self.index, rebuilt);
        let mut reviews = vec![MentionReview::default(); self.index.mentions.len()];
        for (doc, r) in reviews_of {
            let ids = self.index.doc_mention_ids(doc);
            if ids.len() == r.len() {
                reviews.splice(ids, r);
            }
        }
        self.review.reviewed = (reviews.iter())
            .filter(|r| r.status != Status::Unreviewed)
            .count();
        self.review.reviews = reviews;
        Change::Rebuilt {
            previous: Before::Whole(Box::new(previous)),
        }
    }
}
