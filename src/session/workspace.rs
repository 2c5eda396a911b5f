//! The workspace: the corpus, its index and the review laid over it, kept consistent with one
//! another. Every change goes through a method here that says what moved ([`Change`]), so the
//! browser updates its lists from that rather than keeping the invariants itself:
//! `review.reviews` is as long as `index.mentions`, and a mention is in the entity its label and
//! text name after review (a relabel or a boundary move relinks it).

use crate::corpus::{Corpus, DocId, LoadWarning};
use crate::index::{Before, Index, MentionId};
use crate::model::{Label, Mention, Status};
use crate::review::link::relinked;
use crate::review::{review_after, Decision, MentionReview, Place, Store, StoreError, Verdict};
use crate::session::stream::Loaded;
use crate::snapshot::Restored;
use std::sync::Arc;

/// The review state: the store, each mention's review, and the mentions before review.
pub struct ReviewState {
    /// The database, or why there is none (then no decision is accepted).
    pub store: Result<Store, StoreError>,
    /// Each mention's review, by mention id.
    pub reviews: Vec<MentionReview>,
    /// Decisions in the database whose mention is no longer there.
    pub orphans: usize,
    /// How many mentions are reviewed (counted when decisions change, not every frame).
    pub reviewed: usize,
    /// For each document whose mentions in the index differ from those before review (a
    /// boundary moved, a mention added, one relabelled), its mentions before review: what the
    /// decisions are laid over again. Browsing without reviewing holds no copy of any mention.
    pub originals: std::collections::BTreeMap<DocId, Vec<Mention>>,
    /// The documents some decision in force names (laid again when decisions change).
    pub decided: std::collections::BTreeSet<DocId>,
    /// The name each entity a reviewer renamed had before (given back when the rename is
    /// undone).
    pub renamed: std::collections::BTreeMap<(Label, Arc<str>), Arc<str>>,
    /// The documents a reviewer ignored (left out of the review and the export).
    pub ignored: std::collections::BTreeSet<DocId>,
}

impl ReviewState {
    /// No database yet: `mentions` mentions, all unreviewed, the index's own; decisions refused
    /// with `why` until a store is attached.
    pub fn without_store(mentions: usize, why: &str) -> Self {
        ReviewState {
            store: Err(StoreError(why.into())),
            reviews: with_room(mentions),
            orphans: 0,
            reviewed: 0,
            originals: Default::default(),
            decided: Default::default(),
            renamed: Default::default(),
            ignored: Default::default(),
        }
    }
}

/// `n` unreviewed mentions' reviews, with room for the mentions a reviewer adds (growing a list
/// of millions by one would copy it whole).
fn with_room(n: usize) -> Vec<MentionReview> {
    let mut reviews = Vec::with_capacity(n + crate::index::ADDED_ROOM);
    reviews.resize(n, MentionReview::default());
    reviews
}

/// Why a change to the workspace was not made.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum WorkspaceError {
    /// A decision about a document whose file is gone or changed would be about a notice.
    #[error("not recorded — {doc}: {why}; reopen the corpus to read it again")]
    Unavailable { doc: String, why: String },
    #[error("not recorded — cannot store decisions: {0}")]
    NotStored(StoreError),
    #[error("cannot read decisions: {0}")]
    Unreadable(StoreError),
    #[error("cannot store decisions: {0}")]
    Undo(StoreError),
}

/// What a change to the workspace moved, for the views to follow.
#[derive(Debug)]
pub enum Change {
    /// Only some mentions' reviews changed; every id and every entity is as it was.
    Reviews,
    /// Mentions moved between entities (relabelled): mention ids are unchanged, but entity
    /// lists, counts and which documents an entity is in may differ.
    Relinked,
    /// Mentions were moved or added (boundaries moved, a mention added, decisions laid again):
    /// mention ids, and after a full rebuild entity ids, may differ. `previous` finds the
    /// selections again.
    Rebuilt { previous: Before },
}

/// Corpus, index and review, kept in step, and the texts read for the screen.
pub struct Workspace {
    pub corpus: Corpus,
    pub index: Index,
    pub review: ReviewState,
    pub texts: super::TextCache,
    /// The snapshot of the corpus taken as it loads (see [`crate::snapshot::Draft`]).
    snapshot_draft: Option<crate::snapshot::Draft>,
    /// The thread writing the corpus's snapshot.
    snapshot_writer: Option<std::thread::JoinHandle<()>>,
    /// The gold annotation compared with (compare mode), scored again after every change.
    pub compare: Option<super::Compare>,
}

impl Workspace {
    /// A workspace over `corpus` and its `index`, with no review database yet (decisions are
    /// refused with `why`).
    pub fn new(corpus: Corpus, index: Index, why: &str) -> Workspace {
        let review = ReviewState::without_store(index.mentions.len(), why);
        Workspace {
            corpus,
            index,
            review,
            texts: Default::default(),
            snapshot_draft: None,
            snapshot_writer: None,
            compare: None,
        }
    }

    /// Adds a loaded document to the corpus, the index and the reviews; returns its id.
    pub fn absorb(&mut self, loaded: Loaded) -> Option<DocId> {
        let mentions = self.corpus.absorb(loaded);
        let doc = self.corpus.docs.last()?;
        // Decisions wait for the end of the load, so the mentions have no separate base yet.
        debug_assert!(self.review.originals.is_empty());
        let n = mentions.len();
        self.review
            .reviews
            .extend((0..n).map(|_| Default::default()));
        self.index.push_doc(&doc.text, mentions);
        if let Some(draft) = &mut self.snapshot_draft {
            draft.add(doc, &self.index);
        }
        Some(doc.id)
    }

    /// Takes the corpus's snapshot as its documents come in (written by
    /// [`Workspace::write_snapshot`] once they are all in).
    pub fn take_snapshot_as_loaded(&mut self) {
        self.snapshot_draft = Some(Default::default());
    }

    /// Takes no snapshot (the corpus came from one, or there is nowhere to write it).
    pub fn forget_snapshot(&mut self) {
        self.snapshot_draft = None;
    }

    /// Starts writing the snapshot of the corpus just loaded (with the extractor's index, so
    /// before annotation files replace it) to `path`, on a thread of its own.
    pub fn write_snapshot(&mut self, path: std::path::PathBuf) {
        let started = std::time::Instant::now();
        let Some(snapshot) = (self.snapshot_draft.take()).and_then(|d| d.finish(&self.index))
        else {
            return;
        };
        let taken = started.elapsed().as_secs_f64() * 1e3;
        let write = move || {
            let outcome = snapshot.write(&path);
            let seconds = started.elapsed().as_secs_f64();
            match outcome {
                Ok(()) => crate::debug_log::log(format_args!(
                    "snapshot: taken in {taken:.1} ms, written in {seconds:.2} s: {}",
                    path.display()
                )),
                Err(e) => crate::debug_log::log(format_args!("snapshot not written: {e}")),
            }
        };
        self.snapshot_writer = (std::thread::Builder::new())
            .name("gazette-snapshot".into())
            .spawn(write)
            .ok();
    }

    /// Waits until the corpus's snapshot is written: one half written is never used, and the
    /// next open is fast only with it. False if the writer failed outright (a bug).
    pub fn wait_for_snapshot(&mut self) -> bool {
        match self.snapshot_writer.take() {
            Some(writer) => writer.join().is_ok(),
            None => true,
        }
    }

    /// Takes a whole corpus restored from its snapshot, in place of what there is.
    pub fn absorb_restored(&mut self, restored: Restored) -> Change {
        let index = self.corpus.absorb_restored(restored);
        self.texts.clear();
        self.review.reviews.clear();
        self.replace_index(index)
    }

    /// Puts `index` (the same corpus's mentions from another source) in place of the current
    /// one, every mention unreviewed until decisions are laid again.
    pub fn replace_index(&mut self, index: Index) -> Change {
        self.review.reviews = with_room(index.mentions.len());
        self.review.reviewed = 0;
        self.review.originals.clear();
        self.review.decided.clear();
        self.review.renamed.clear();
        self.review.ignored.clear();
        let previous = std::mem::replace(&mut self.index, index);
        self.refresh_compare();
        Change::Rebuilt {
            previous: Before::Whole(Box::new(previous)),
        }
    }

    /// Makes room for `docs` more documents and `mentions` more mentions.
    pub fn reserve(&mut self, docs: usize, mentions: usize) {
        self.corpus.docs.reserve(docs);
        self.index.reserve(mentions);
        self.review.reviews.reserve(mentions);
    }

    /// Uses `store` for decisions and lays the decisions it holds over the mentions. Decisions
    /// that no longer match a mention are counted and named in the corpus's warnings.
    pub fn attach_store(
        &mut self,
        store: Result<Store, StoreError>,
    ) -> Result<Change, WorkspaceError> {
        self.review.store = store;
        let change = self.relayer();
        if self.review.orphans > 0 {
            let path = (self.review.store.as_ref())
                .map(|s| s.path().display().to_string())
                .unwrap_or_default();
            self.corpus.warnings.push(LoadWarning {
                path,
                message: format!("{} decision(s) no longer match a mention (the document or the extraction changed) and are not applied", self.review.orphans),
            });
        }
        change
    }

    /// Stores `decisions` as one and lays them over the mentions; refuses them, changing
    /// nothing, when they cannot be stored or are about a document whose file is gone or changed.
    /// `targets` are the mentions they are about, one per decision, when known.
    pub fn record(
        &mut self,
        decisions: &[Decision],
        targets: &[MentionId],
    ) -> Result<Change, WorkspaceError> {
        // A decision about a document whose file is gone or changed would be about a notice.
        let paths: std::collections::HashSet<&str> =
            decisions.iter().map(|d| d.doc.as_str()).collect();
        let unavailable = (self.corpus.docs.iter())
            .filter(|doc| paths.contains(doc.path.as_str()))
            .find_map(|doc| Some((doc, doc.text.unavailable()?)));
        if let Some((doc, why)) = unavailable {
            return Err(WorkspaceError::Unavailable {
                doc: doc.path.clone(),
                why: why.to_string(),
            });
        }
        let stored = match &mut self.review.store {
            Ok(store) => store.append_all(decisions),
            Err(e) => Err(e.clone()),
        };
        stored.map_err(WorkspaceError::NotStored)?;
        if let Some(ignored) = self.ignored_in_place(decisions) {
            self.review.ignored = ignored;
            return Ok(Change::Reviews);
        }
        if decisions.iter().all(Decision::is_about_entity) {
            for d in decisions {
                self.decide_entity(d);
            }
            self.refresh_compare();
            return Ok(Change::Relinked);
        }
        // Accepting, rejecting or relabelling changes only those mentions (their reviews, and
        // a relabelled one's entity): laid on them alone, as laying every decision would
        // (which costs seconds at 100,000 articles).
        let in_place = targets.len() == decisions.len()
            && decisions.iter().all(|d| d.verdict.keeps_mentions());
        if !in_place {
            return self.relayer();
        }
        let mut change = Change::Reviews;
        for (&m, d) in targets.iter().zip(decisions) {
            self.review
                .decided
                .insert(self.index.mentions[m.index()].doc);
            let before = &self.review.reviews[m.index()];
            if let Some(after) = review_after(before, &d.verdict) {
                if before.status == Status::Unreviewed && after.status != Status::Unreviewed {
                    self.review.reviewed += 1;
                }
                self.review.reviews[m.index()] = after;
            }
            match &d.verdict {
                Verdict::Relabel(label) => {
                    self.relink(m, label);
                    change = Change::Relinked;
                }
                Verdict::Link { key, name } => {
                    self.keep_original(self.index.mentions[m.index()].doc);
                    let label = self.index.mentions[m.index()].label.clone();
                    let (key, name) = (key.as_str().into(), name.as_str().into());
                    self.index.relink(m, label, key, name);
                    change = Change::Relinked;
                }
                _ => {}
            }
        }
        self.refresh_compare();
        Ok(change)
    }

    /// Keeps document `doc`'s mentions as they are before the index's own change (what the
    /// decisions are laid over again), unless kept already.
    pub(super) fn keep_original(&mut self, doc: DocId) {
        if !self.review.originals.contains_key(&doc) {
            let before = self.index.doc_mentions(doc).to_vec();
            self.review.originals.insert(doc, before);
        }
    }

    /// Moves mention `m`, now labelled `label`, to the entity its text names (as laying the
    /// decisions again would).
    fn relink(&mut self, m: MentionId, label: &crate::model::Label) {
        let doc = self.index.mentions[m.index()].doc;
        self.keep_original(doc);
        let index = &self.index;
        let mention = &index.mentions[m.index()];
        let doc_mentions: Vec<(&Mention, &str)> = (index.doc_mention_ids(mention.doc))
            .filter(|&j| j != m.index())
            .map(|j| {
                (
                    &index.mentions[j],
                    index.surface(MentionId(j as u32)).unwrap_or(""),
                )
            })
            .collect();
        let surface = index.surface(m).unwrap_or("");
        let to = relinked(mention, label, surface, &doc_mentions);
        self.index.relink(m, to.label, to.key, to.canonical);
    }

    /// Takes back this browser's latest decision (`redo` false) or restores the one taken back,
    /// returning what changed and the decisions concerned; None when there is none.
    pub fn undo_redo(
        &mut self,
        redo: bool,
    ) -> Result<Option<(Change, Vec<Decision>)>, WorkspaceError> {
        let done = match &mut self.review.store {
            Ok(store) => store.next_undo(redo).and_then(|batch| {
                let done = if redo { store.redo() } else { store.undo() };
                done.map(|done| done.then_some(batch))
            }),
            Err(e) => Err(e.clone()),
        };
        match done {
            Ok(Some(batch)) => self.relayer().map(|change| Some((change, batch))),
            Ok(None) => Ok(None),
            Err(e) => Err(WorkspaceError::Undo(e)),
        }
    }

    /// The mention a decision is about as the index now has it (after `undone` it was taken
    /// back, else it is in force), if it is there.
    pub fn mention_of(&self, d: &Decision, undone: bool) -> Option<MentionId> {
        let doc = self.corpus.docs.iter().find(|doc| doc.path == d.doc)?;
        let text: &str = &doc.text;
        let map = crate::formats::offsets::OffsetMap::new(text);
        let (start, end) = match (&d.verdict, undone) {
            (Verdict::Adjust { start, end }, false) => (*start, *end),
            _ => (d.start, d.end),
        };
        let span = map.byte_of(start).ok()?..map.byte_of(end).ok()?;
        (self.index.doc_mention_ids(doc.id))
            .find(|&i| self.index.mentions[i].span == span)
            .map(|i| MentionId(i as u32))
    }

    /// Lays the decisions again when another browser has stored some on the same database;
    /// None when nothing changed (one query of SQLite's data version).
    pub fn decisions_from_elsewhere(&mut self) -> Option<Result<Change, WorkspaceError>> {
        let changed = match &mut self.review.store {
            Ok(store) => store.changed_elsewhere(),
            Err(_) => false,
        };
        changed.then(|| self.relayer())
    }

    /// Reads document `doc`'s text for the screen (IO: while handling events, not drawing).
    pub fn load_text(&mut self, doc: DocId) -> Result<(), String> {
        self.texts.load(&mut self.corpus, doc)
    }

    /// Document `doc`'s text as read for the screen, or why it cannot be shown; None when it
    /// was not read. Never reads a file: what drawing calls.
    pub fn text(&self, doc: DocId) -> Option<Result<&str, String>> {
        self.texts.get(&self.corpus, doc)
    }

    /// Scores the current mentions (rejected ones left out, relabels applied) against the gold
    /// again, in compare mode. Every change to mentions or reviews calls it.
    pub fn refresh_compare(&mut self) {
        let Some(mut compare) = self.compare.take() else {
            return;
        };
        compare.total = Default::default();
        compare.per_doc.clear();
        compare.pairs.clear();
        for (doc, gold) in compare.gold.iter().enumerate() {
            let predicted: Vec<crate::eval::Span> = (self.index.doc_mention_ids(DocId(doc as u32)))
                .filter(|&i| self.review.reviews[i].status != Status::Rejected)
                .map(|i| crate::eval::Span {
                    range: self.index.mentions[i].span.clone(),
                    label: self.effective_label(MentionId(i as u32)),
                })
                .collect();
            let pairs = crate::eval::align(gold, &predicted);
            let mut scores = crate::eval::Scores::default();
            scores.add(&pairs);
            compare.total.add(&pairs);
            compare.per_doc.push(scores);
            compare.pairs.push(pairs);
        }
        self.compare = Some(compare);
    }

    /// Every mention as it was before review (what `annotate` merges imported files with).
    pub fn mentions_before_review(&self) -> Vec<Mention> {
        let mut out = Vec::with_capacity(self.index.mentions.len());
        for doc in DocId::all(self.index.doc_count()) {
            match self.review.originals.get(&doc) {
                Some(original) => out.extend_from_slice(original),
                None => out.extend_from_slice(self.index.doc_mentions(doc)),
            }
        }
        out
    }

    /// The review of a mention.
    pub fn review_of(&self, m: MentionId) -> &MentionReview {
        &self.review.reviews[m.index()]
    }

    /// (reviewed, total) mentions in the corpus.
    pub fn reviewed_count(&self) -> (usize, usize) {
        (self.review.reviewed, self.review.reviews.len())
    }

    /// (reviewed, total) mentions in a document.
    pub fn doc_reviewed(&self, doc: DocId) -> (usize, usize) {
        let ids = self.index.doc_mention_ids(doc);
        let reviewed = (ids.clone())
            .filter(|&i| self.review.reviews[i].status != Status::Unreviewed)
            .count();
        (reviewed, ids.len())
    }

    /// A mention's label after review.
    pub fn effective_label(&self, m: MentionId) -> crate::model::Label {
        (self.review.reviews[m.index()].relabel.clone())
            .unwrap_or_else(|| self.index.mentions[m.index()].label.clone())
    }

    /// Remembers the reviewer's place in the database (best effort: a place is not a
    /// decision).
    pub fn save_place(&mut self, place: &Place) {
        if let Ok(store) = &mut self.review.store {
            let _ = store.set_place(place);
        }
    }

    /// The place last saved, with its document's id, if that document is in the corpus.
    pub fn saved_place(&self) -> Option<(DocId, Place)> {
        let place = self.review.store.as_ref().ok().and_then(Store::place)?;
        let doc = self.corpus.docs.iter().position(|d| d.path == place.doc)?;
        Some((DocId(doc as u32), place))
    }
}
