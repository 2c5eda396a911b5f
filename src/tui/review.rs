//! Reviewing in the browser: decisions on the current mention, undo and redo, stepping to what
//! is still unreviewed. Every decision is stored before the screen shows it; one that cannot be
//! stored is refused.

use super::app::App;
use super::nav::Dir;
use crate::index::{EntityId, Index, MentionId};
use crate::review::{
    decision, decisions, layer, review_after, Decision, MentionReview, Status, Store, StoreError,
    Verdict,
};

/// The review state of a session.
pub struct ReviewState {
    /// The database, or why there is none (then no decision is accepted).
    pub store: Result<Store, StoreError>,
    /// Each mention's review, by mention id.
    pub reviews: Vec<MentionReview>,
    /// Decisions in the database whose mention is no longer there.
    pub orphans: usize,
    /// How many mentions are reviewed (counted when decisions change, not every frame).
    pub reviewed: usize,
    /// The mentions before review (from extraction or import), which decisions are laid over;
    /// None while they are the index's own (no decision has changed them), so that browsing
    /// without reviewing never holds a second copy of every mention.
    pub base: Option<Vec<crate::model::Mention>>,
}

impl ReviewState {
    /// No database yet: `mentions` mentions, all unreviewed, the index's own; decisions refused
    /// with `why` until a store is attached.
    pub fn without_store(mentions: usize, why: &str) -> Self {
        ReviewState {
            store: Err(StoreError(why.into())),
            reviews: vec![MentionReview::default(); mentions],
            orphans: 0,
            reviewed: 0,
            base: None,
        }
    }
}

impl App {
    /// Uses `store` for decisions: lays the decisions it holds over the mentions and returns to
    /// the place the reviewer was.
    pub fn attach_store(&mut self, store: Result<Store, StoreError>) {
        self.review.store = store;
        self.relayer();
        if self.review.orphans > 0 {
            let path = self
                .review
                .store
                .as_ref()
                .map(|s| s.path().display().to_string())
                .unwrap_or_default();
            self.corpus.warnings.push(crate::corpus::LoadWarning {
                path,
                message: format!("{} decision(s) no longer match a mention (the document or the extraction changed) and are not applied", self.review.orphans),
            });
        }
        // The reader's place is restored unless the user has already moved (while loading).
        let untouched = self.list_selected == 0 && self.reader_top == 0;
        let place = self.review.store.as_ref().ok().and_then(Store::place);
        if let Some((doc, offset)) = place.filter(|_| untouched) {
            if let Some(row) = self
                .visible
                .iter()
                .position(|&d| self.corpus.docs[d as usize].path == doc)
            {
                self.select_row(row);
                self.reveal(offset);
            }
        }
    }

    /// Recomputes every mention's review from the decisions in force; when boundaries moved or
    /// mentions were added, rebuilds the index, keeping the filters, the current entity and the
    /// current mention (found again by key and position).
    fn relayer(&mut self) {
        let decisions = match &self.review.store {
            Ok(s) => s.decisions(),
            Err(_) => Ok(Vec::new()),
        };
        let decisions = match decisions {
            Ok(d) => d,
            Err(e) => {
                self.message = Some(format!("cannot read decisions: {e}"));
                return;
            }
        };
        let (reviews, orphans) = if decisions.is_empty() {
            // Nothing to lay: the base mentions become the index's again (no copy is kept).
            if let Some(base) = self.review.base.take() {
                self.replace_index(self.index.rebuild(&self.corpus, base));
            }
            (vec![MentionReview::default(); self.index.mentions.len()], 0)
        } else {
            // The first decision keeps the mentions as they were before review.
            let base = self
                .review
                .base
                .get_or_insert_with(|| self.index.mentions.clone());
            let l = layer(&self.corpus, base, &decisions);
            let same = l.mentions.len() == self.index.mentions.len()
                && l.mentions
                    .iter()
                    .zip(&self.index.mentions)
                    .all(|(a, b)| a.doc == b.doc && a.span == b.span);
            if !same {
                self.replace_index(self.index.rebuild(&self.corpus, l.mentions));
            }
            (l.reviews, l.orphans.len())
        };
        self.review.reviewed = reviews
            .iter()
            .filter(|r| r.status != Status::Unreviewed)
            .count();
        self.review.reviews = reviews;
        self.review.orphans = orphans;
        self.refresh_compare();
    }

    /// Puts `index` in place of the current one, keeping the filters, the current entity and
    /// the current mention (found again by key, and by position).
    pub fn replace_index(&mut self, index: Index) {
        let entity_key = |app: &App, e: EntityId| {
            let e = app.index.entity(e);
            (e.label.clone(), e.key.clone())
        };
        let filters: Vec<_> = self.filters.iter().map(|&e| entity_key(self, e)).collect();
        let current_entity = self.current_entity.map(|e| entity_key(self, e));
        let current = self
            .current_mention
            .map(|m| self.index.mentions[m as usize].clone());
        self.index = index;
        // Mention ids may have changed.
        self.walk = None;
        let find = |index: &Index, key: &(crate::model::Label, std::sync::Arc<str>)| {
            index.find_entity(&key.0, &key.1)
        };
        self.filters = filters
            .iter()
            .filter_map(|k| find(&self.index, k))
            .collect();
        self.current_entity = current_entity.and_then(|k| find(&self.index, &k));
        self.current_mention = current.and_then(|c| {
            let ids = self.index.doc_mention_ids(c.doc);
            ids.clone()
                .find(|&i| self.index.mentions[i].span == c.span)
                .or_else(|| {
                    ids.clone().find(|&i| {
                        self.index.mentions[i].span.start < c.span.end
                            && c.span.start < self.index.mentions[i].span.end
                    })
                })
                .map(|i| i as MentionId)
        });
        self.apply_filters();
    }

    /// Lays again the decisions when another browser has stored some on the same database
    /// (another terminal, another reviewer); true when it did. Cheap when nothing changed: one
    /// query of SQLite's data version.
    pub fn take_decisions_from_elsewhere(&mut self) -> bool {
        let changed = match &mut self.review.store {
            Ok(store) => store.changed_elsewhere(),
            Err(_) => false,
        };
        if changed {
            self.relayer();
            self.message = Some(format!(
                "decisions from another browser on this database shown ({} reviewed)",
                self.reviewed_count().0
            ));
        }
        changed
    }

    /// The review of a mention.
    pub fn review_of(&self, m: MentionId) -> &MentionReview {
        &self.review.reviews[m as usize]
    }

    /// Accepts, rejects or relabels the current mention, then moves to the next unreviewed one.
    pub fn decide(&mut self, verdict: Verdict) {
        let Some(m) = self.current_mention else {
            self.message = Some("no current mention: step onto one with ] or n".into());
            return;
        };
        let d = decision(&self.corpus, &self.index, m, verdict.clone());
        let what = match &verdict {
            Verdict::Accept => format!("accepted {:?}", d.text),
            Verdict::Reject => format!("rejected {:?}", d.text),
            Verdict::Relabel(l) => format!("relabelled {:?} {}", d.text, l.as_str()),
            Verdict::Adjust { .. } => format!("boundaries of {:?} moved", d.text),
            Verdict::Add => format!("added {:?}", d.text),
        };
        let advance = matches!(
            verdict,
            Verdict::Accept | Verdict::Reject | Verdict::Relabel(_)
        );
        self.record(vec![d], &[m], what, advance);
    }

    /// Stores `decisions` as one, then shows them (and, with `advance`, moves on to the next
    /// unreviewed mention); refuses them, changing nothing, when they cannot be stored.
    /// `targets` are the mentions they are about, one per decision, when known.
    pub fn record(
        &mut self,
        decisions: Vec<Decision>,
        targets: &[MentionId],
        what: String,
        advance: bool,
    ) {
        // A decision about a document whose file is gone or changed would be about a notice.
        let paths: std::collections::HashSet<&str> =
            decisions.iter().map(|d| d.doc.as_str()).collect();
        let unavailable = (self.corpus.docs.iter())
            .filter(|doc| paths.contains(doc.path.as_str()))
            .find_map(|doc| (doc.text.unavailable()).map(|why| format!("{}: {why}", doc.path)));
        if let Some(why) = unavailable {
            self.message = Some(format!(
                "not recorded — {why}; reopen the corpus to read it again"
            ));
            return;
        }
        let stored = match &mut self.review.store {
            Ok(store) => store.append_all(&decisions),
            Err(e) => Err(e.clone()),
        };
        if let Err(e) = stored {
            self.message = Some(format!("not recorded — cannot store decisions: {e}"));
            return;
        }
        // Accepting, rejecting or relabelling changes only those mentions' reviews: laid on them
        // alone, as laying every decision would (which costs seconds at 100,000 articles).
        let in_place = targets.len() == decisions.len()
            && decisions.iter().all(|d| d.verdict.keeps_mentions());
        if in_place {
            for (&m, d) in targets.iter().zip(&decisions) {
                let before = &self.review.reviews[m as usize];
                if let Some(after) = review_after(before, &d.verdict) {
                    if before.status == Status::Unreviewed && after.status != Status::Unreviewed {
                        self.review.reviewed += 1;
                    }
                    self.review.reviews[m as usize] = after;
                }
            }
            self.refresh_compare();
        } else {
            self.relayer();
        }
        self.save_place();
        if advance {
            self.step_unreviewed(Dir::Next);
        }
        self.message = Some(format!(
            "{what} · saved ({} reviewed)",
            self.reviewed_count().0
        ));
    }

    /// Takes back the latest decision (`redo` false) or restores the one taken back.
    pub fn undo_redo(&mut self, redo: bool) {
        let done = match &mut self.review.store {
            Ok(store) if redo => store.redo(),
            Ok(store) => store.undo(),
            Err(e) => Err(e.clone()),
        };
        self.message = Some(match done {
            Ok(true) => {
                self.relayer();
                if redo {
                    "redone".into()
                } else {
                    "undone".into()
                }
            }
            Ok(false) => {
                if redo {
                    "nothing to redo".into()
                } else {
                    "nothing to undo".into()
                }
            }
            Err(e) => format!("cannot store decisions: {e}"),
        });
    }

    /// } / {: the next or previous unreviewed mention in reading order across the listed
    /// documents, wrapping around.
    pub fn step_unreviewed(&mut self, dir: Dir) {
        let order: Vec<MentionId> = self
            .visible
            .iter()
            .flat_map(|&d| self.index.doc_mention_ids(d).map(|i| i as MentionId))
            .collect();
        if order.is_empty() {
            return;
        }
        let here = self
            .current_mention
            .and_then(|c| order.iter().position(|&m| m == c));
        let n = order.len();
        let start = here.unwrap_or(match dir {
            Dir::Next => n - 1,
            Dir::Prev => 0,
        });
        let found = (1..=n)
            .map(|k| match dir {
                Dir::Next => order[(start + k) % n],
                Dir::Prev => order[(start + n - k % n) % n],
            })
            .find(|&m| self.review_of(m).status == Status::Unreviewed);
        match found {
            Some(m) => self.go_to_mention(m),
            None => self.message = Some("every mention in the listed documents is reviewed".into()),
        }
    }

    /// (reviewed, total) mentions in the corpus.
    pub fn reviewed_count(&self) -> (usize, usize) {
        (self.review.reviewed, self.review.reviews.len())
    }

    /// (reviewed, total) mentions in a document.
    pub fn doc_reviewed(&self, doc: crate::corpus::DocId) -> (usize, usize) {
        let ids = self.index.doc_mention_ids(doc);
        let reviewed = ids
            .clone()
            .filter(|&i| self.review.reviews[i].status != Status::Unreviewed)
            .count();
        (reviewed, ids.len())
    }

    /// Remembers the reader's place in the database (best effort: a place is not a decision).
    pub fn save_place(&mut self) {
        let Some(doc) = self.current_doc() else {
            return;
        };
        let offset = self
            .wrapped
            .as_ref()
            .and_then(|(_, w)| w.lines.get(self.reader_top))
            .map_or(0, |l| l.start);
        let path = self.corpus.docs[doc as usize].path.clone();
        if let Ok(store) = &mut self.review.store {
            let _ = store.set_place(&path, offset);
        }
    }
}

/// Which mentions a bulk decision covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BulkScope {
    /// The current mention's exact string, in its document or in the corpus.
    String { everywhere: bool },
    /// The current mention's entity, in its document or in the corpus.
    Entity { everywhere: bool },
}

impl App {
    /// The mentions a bulk decision in `scope` covers, and how to say so; None without a current
    /// mention.
    pub fn bulk_targets(&self, scope: BulkScope) -> Option<(Vec<MentionId>, String)> {
        let current = self.current_mention?;
        let m = &self.index.mentions[current as usize];
        // Known from the index: no document's text is read to compare.
        let surface = self.index.surface(current).unwrap_or_default().to_string();
        let entity = self.index.entity_of(current);
        let everywhere = matches!(
            scope,
            BulkScope::String { everywhere: true } | BulkScope::Entity { everywhere: true }
        );
        let targets: Vec<MentionId> = (0..self.index.mentions.len() as MentionId)
            .filter(|&i| {
                let other = &self.index.mentions[i as usize];
                (everywhere || other.doc == m.doc)
                    && match scope {
                        BulkScope::String { .. } => self.index.surface(i) == Some(surface.as_str()),
                        BulkScope::Entity { .. } => self.index.entity_of(i) == entity,
                    }
            })
            .collect();
        let docs = {
            let mut d: Vec<_> = targets
                .iter()
                .map(|&i| self.index.mentions[i as usize].doc)
                .collect();
            d.dedup();
            d.len()
        };
        let what = match scope {
            BulkScope::String { .. } => format!("every {surface:?}"),
            BulkScope::Entity { .. } => {
                format!("every mention of {}", self.index.entity(entity).name)
            }
        };
        let place = if everywhere {
            format!("in {docs} document{}", if docs == 1 { "" } else { "s" })
        } else {
            "in this document".into()
        };
        Some((
            targets.clone(),
            format!(
                "{what} {place}: {} mention{}",
                targets.len(),
                if targets.len() == 1 { "" } else { "s" }
            ),
        ))
    }

    /// Applies `verdict` to every mention of `targets` as one decision (undone as one).
    pub fn decide_all(&mut self, verdict: Verdict, targets: &[MentionId]) {
        let decisions = decisions(&self.corpus, &self.index, targets, &verdict);
        let did = match &verdict {
            Verdict::Reject => "rejected".to_string(),
            Verdict::Relabel(l) => format!("relabelled {}", l.as_str()),
            _ => "accepted".to_string(),
        };
        self.record(
            decisions,
            targets,
            format!(
                "{did} {} mention{} as one decision (u undoes it)",
                targets.len(),
                if targets.len() == 1 { "" } else { "s" }
            ),
            false,
        );
    }
}
