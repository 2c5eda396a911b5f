//! Reviewing in the browser: decisions on the current mention, undo and redo, stepping to what
//! is still unreviewed. Every decision is stored before the screen shows it; one that cannot be
//! stored is refused.

use super::app::App;
use super::app::Effect;
use super::layout::Pane;
use super::nav::Dir;
use crate::index::{Before, EntityId, Index, MentionId};
use crate::review::{decision, Decision, MentionReview, Place, Status, Store, StoreError, Verdict};
use crate::session::{Change, WorkspaceError};

impl App {
    /// Uses `store` for decisions: lays the decisions it holds over the mentions and returns to
    /// the place the reviewer was.
    pub fn attach_store(&mut self, store: Result<Store, StoreError>) {
        let change = self.ws.attach_store(store);
        self.follow(change);
        // The reviewer's place is restored unless the user has already moved (while loading):
        // the document, the exact scroll, the current mention and the focused pane.
        let untouched = self.list.selected == 0 && self.reader.top == 0;
        if let Some((doc, place)) = self.ws.saved_place().filter(|_| untouched) {
            if let Some(row) = self.list.docs.iter().position(|&d| d == doc) {
                self.select_row(row);
                if let Some((_, w)) = &self.reader.wrapped {
                    self.reader.top = w.line_of(place.offset);
                }
                let ids = self.ws.index.doc_mention_ids(doc);
                self.current_mention = (place.mention.as_ref())
                    .and_then(|span| {
                        ids.clone()
                            .find(|&i| self.ws.index.mentions[i].span == *span)
                    })
                    .map(|i| MentionId(i as u32));
                self.current_entity = self.current_mention.map(|m| self.ws.index.entity_of(m));
                if let Some(pane) = place.focus.as_deref().and_then(Pane::named) {
                    self.focus = pane;
                }
                self.sync();
            }
        }
    }

    /// Brings the views in line with a change to the workspace (or shows why it failed).
    pub fn follow(&mut self, change: Result<Change, WorkspaceError>) {
        match change {
            Err(e) => self.message = Some(e.to_string()),
            // The workspace has scored the compare figures again already; a view narrowed to
            // one review status lists other documents now.
            Ok(Change::Reviews) if self.only.is_on() => self.apply_filters(),
            Ok(Change::Reviews) => {}
            Ok(Change::Relinked) => {
                // Entity lists and counts changed; ids did not.
                self.walk = None;
                self.apply_filters();
            }
            Ok(Change::Rebuilt { previous }) => self.find_selections_again(&previous),
        }
    }

    /// Puts `index` in place of the current one (every mention unreviewed until decisions are
    /// laid again), keeping the filters, the current entity and the current mention.
    pub fn replace_index(&mut self, index: Index) {
        let change = self.ws.replace_index(index);
        self.follow(Ok(change));
    }

    /// After mentions moved: the filters, the current entity and the current mention found
    /// again (by key, and by position) in the index as it is now.
    fn find_selections_again(&mut self, previous: &Before) {
        let index = &self.ws.index;
        let key = |e: EntityId| previous.entity_key(index, e);
        // Each filter's entities by key, to be found again.
        let filters: Vec<_> = (self.filters.iter())
            .map(|c| {
                (
                    c.clone(),
                    c.entities()
                        .into_iter()
                        .map(|e| (e, key(e)))
                        .collect::<Vec<_>>(),
                )
            })
            .collect();
        let current_entity = self.current_entity.and_then(key);
        let current = self
            .current_mention
            .and_then(|m| previous.mention_place(index, m));
        // Mention ids may have changed.
        self.walk = None;
        let find =
            |key: &(crate::model::Label, std::sync::Arc<str>)| index.find_entity(&key.0, &key.1);
        self.filters = (filters.iter())
            .filter_map(|(clause, keys)| {
                clause.map_entities(|e| {
                    let (_, k) = keys.iter().find(|(x, _)| *x == e)?;
                    find(k.as_ref()?)
                })
            })
            .collect();
        self.current_entity = current_entity.and_then(|k| find(&k));
        self.current_mention = current.and_then(|(doc, span)| {
            let ids = index.doc_mention_ids(doc);
            (ids.clone())
                .find(|&i| index.mentions[i].span == span)
                .or_else(|| {
                    ids.clone().find(|&i| {
                        index.mentions[i].span.start < span.end
                            && span.start < index.mentions[i].span.end
                    })
                })
                .map(|i| MentionId(i as u32))
        });
        self.apply_filters();
    }

    /// Lays again the decisions when another browser has stored some on the same database
    /// (another terminal, another reviewer); true when it did. Cheap when nothing changed: one
    /// query of SQLite's data version.
    pub fn take_decisions_from_elsewhere(&mut self) -> bool {
        let Some(change) = self.ws.decisions_from_elsewhere() else {
            return false;
        };
        self.follow(change);
        self.message = Some(format!(
            "decisions from another browser on this database shown ({} reviewed)",
            self.reviewed_count().0
        ));
        true
    }

    /// The review of a mention.
    pub fn review_of(&self, m: MentionId) -> &MentionReview {
        self.ws.review_of(m)
    }

    /// Accepts, rejects or relabels the current mention, then moves to the next unreviewed one.
    pub fn decide(&mut self, verdict: Verdict) {
        let Some(m) = self.current_mention else {
            self.message = Some("no current mention: step onto one with ] or n".into());
            return;
        };
        let d = decision(&self.ws.corpus, &self.ws.index, m, verdict.clone());
        let what = said(&d);
        let advance = matches!(
            verdict,
            Verdict::Accept | Verdict::Reject | Verdict::Relabel(_)
        );
        self.record(vec![d], &[m], what, advance);
    }

    /// Asks for `decisions` to be stored as one (the loop does it right after the key, see
    /// [`App::run_effects`]), then shown — and, with `advance`, for a move to the next
    /// unreviewed mention. `targets` are the mentions they are about, one per decision, when
    /// known.
    pub fn record(
        &mut self,
        decisions: Vec<Decision>,
        targets: &[MentionId],
        what: String,
        advance: bool,
    ) {
        self.effects.push(Effect::Record {
            decisions,
            targets: targets.to_vec(),
            what,
            advance,
            select: None,
        });
    }

    /// Runs what the last events asked for outside the browser's state (storing decisions,
    /// undoing them) and shows the outcome. The loop calls it after every event.
    pub fn run_effects(&mut self) {
        for effect in std::mem::take(&mut self.effects) {
            match effect {
                Effect::Record {
                    decisions,
                    targets,
                    what,
                    advance,
                    select,
                } => {
                    self.store_decisions(decisions, &targets, what, advance);
                    if let Some((doc, span)) = select {
                        self.select_mention_at(doc, span);
                    }
                }
                Effect::UndoRedo { redo } => self.store_undo_redo(redo),
                Effect::Agreement { other } => self.show_agreement(other),
                Effect::Profile { entity } => self.show_profile(entity),
                Effect::Search { typed } => self.run_search(&typed),
                Effect::HitList => self.show_hit_list(),
                Effect::WriteOut => self.write_out(),
                Effect::SaveFilters { name } => self.save_filters(&name),
                Effect::Cooc {
                    rows,
                    cols,
                    together,
                } => self.show_cooc(rows, cols, together),
            }
        }
        self.sync();
    }

    /// Makes the mention of `doc` at `span` current, with its entity.
    fn select_mention_at(&mut self, doc: crate::corpus::DocId, span: std::ops::Range<usize>) {
        let ids = self.ws.index.doc_mention_ids(doc);
        self.current_mention = (ids.clone())
            .find(|&i| self.ws.index.mentions[i].span == span)
            .map(|i| MentionId(i as u32));
        self.current_entity = self.current_mention.map(|m| self.ws.index.entity_of(m));
    }

    /// Stores `decisions` as one, then shows them (and, with `advance`, moves on to the next
    /// unreviewed mention); refuses them, changing nothing, when they cannot be stored.
    fn store_decisions(
        &mut self,
        decisions: Vec<Decision>,
        targets: &[MentionId],
        what: String,
        advance: bool,
    ) {
        let change = self.ws.record(&decisions, targets);
        if let Err(e) = change {
            self.message = Some(e.to_string());
            return;
        }
        self.follow(change);
        self.save_place();
        if advance {
            self.step_unreviewed(Dir::Next);
        }
        self.message = Some(format!(
            "{what} · saved ({} reviewed)",
            self.reviewed_count().0
        ));
    }

    /// Asks for the latest decision to be taken back (`redo` false) or the one taken back to be
    /// restored (done by [`App::run_effects`]).
    pub fn undo_redo(&mut self, redo: bool) {
        self.effects.push(Effect::UndoRedo { redo });
    }

    /// Takes back the latest decision (`redo` false) or restores the one taken back.
    fn store_undo_redo(&mut self, redo: bool) {
        let message = match self.ws.undo_redo(redo) {
            Ok(Some((change, batch))) => {
                self.follow(Ok(change));
                // Back on the mention the decision was about, saying what was taken back.
                if let Some(first) = batch.first() {
                    if let Some(m) = self.ws.mention_of(first, !redo) {
                        self.go_to_mention(m);
                    }
                }
                let what = match batch.as_slice() {
                    [one] => said(one),
                    [first, rest @ ..] => {
                        format!("{} and {} more, as one", said(first), rest.len())
                    }
                    [] => String::new(),
                };
                format!("{}: {what}", if redo { "redone" } else { "undone" })
            }
            Ok(None) => if redo {
                "nothing to redo"
            } else {
                "nothing to undo"
            }
            .to_string(),
            Err(e) => e.to_string(),
        };
        self.message = Some(message);
    }

    /// } / {: the next or previous unreviewed mention in reading order across the listed
    /// documents, wrapping around.
    pub fn step_unreviewed(&mut self, dir: Dir) {
        let order: Vec<MentionId> = self
            .list
            .docs
            .iter()
            .filter(|&&d| !self.ws.is_ignored(d))
            .flat_map(|&d| {
                self.ws
                    .index
                    .doc_mention_ids(d)
                    .map(|i| MentionId(i as u32))
            })
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
        self.ws.reviewed_count()
    }

    /// (reviewed, total) mentions in a document.
    pub fn doc_reviewed(&self, doc: crate::corpus::DocId) -> (usize, usize) {
        self.ws.doc_reviewed(doc)
    }

    /// Remembers the reviewer's place in the database: the document, the first character the
    /// reader shows, the current mention and the focused pane (best effort: a place is not a
    /// decision).
    pub fn save_place(&mut self) {
        let Some(doc) = self.current_doc() else {
            return;
        };
        let offset = (self.reader.wrapped.as_ref())
            .and_then(|(_, w)| w.lines.get(self.reader.top))
            .map_or(0, |l| l.start);
        let mention = (self.current_mention)
            .map(|m| &self.ws.index.mentions[m.index()])
            .filter(|m| m.doc == doc)
            .map(|m| m.span.clone());
        let place = Place {
            doc: self.ws.corpus.docs[doc.index()].path.clone(),
            offset,
            mention,
            focus: Some(self.focus.name().to_string()),
        };
        self.ws.save_place(&place);
    }
}

impl App {
    /// The labels offered besides PERSON, REGION and ORG when relabelling and saving a new
    /// mention, each with the key that chooses it: the config file's labels on their own keys,
    /// then the other labels in use (from imported files) on 1–9, then on the letters the
    /// relabel and span prompts leave free.
    pub fn other_labels(&self) -> Vec<(String, crate::model::Label)> {
        use crate::model::Label;
        let schema = &self.theme.labels;
        let mut out: Vec<(String, Label)> = (schema.iter())
            .filter_map(|s| Some((s.key?.label(), s.label.clone())))
            .collect();
        let mut in_use = self.ws.index.labels().to_vec();
        in_use.retain(|l| matches!(l, Label::Other(_)) && !out.iter().any(|(_, o)| o == l));
        // A schema label without a key is numbered with those in use.
        let unkeyed: Vec<Label> = (schema.iter())
            .filter(|s| s.key.is_none() && !in_use.contains(&s.label))
            .map(|s| s.label.clone())
            .collect();
        in_use.extend(unkeyed);
        use crate::tui::keymap::Context::{RelabelPrompt, SpanPrompt};
        let taken: Vec<String> = (self.keymap.bindings.iter())
            .filter(|b| matches!(b.context, RelabelPrompt | SpanPrompt))
            .flat_map(|b| b.keys.iter().map(|k| k.label()))
            .chain(out.iter().map(|(k, _)| k.clone()))
            .collect();
        let free = ('1'..='9')
            .chain('a'..='z')
            .map(String::from)
            .filter(|k| !taken.contains(k));
        out.extend(free.zip(in_use));
        out
    }

    /// The label a key chooses among [`App::other_labels`], if any.
    pub fn other_label_of(&self, key: crossterm::event::KeyEvent) -> Option<crate::model::Label> {
        let mods = key.modifiers & !crossterm::event::KeyModifiers::SHIFT;
        let pressed = crate::tui::keymap::Key(key.code, mods).label();
        (self.other_labels().into_iter()).find_map(|(k, l)| (k == pressed).then_some(l))
    }
}

/// A decision as the status line tells it: `rejected "Lian Maojun"`.
fn said(d: &Decision) -> String {
    match &d.verdict {
        Verdict::Accept => format!("accepted {:?}", d.text),
        Verdict::Reject => format!("rejected {:?}", d.text),
        Verdict::Relabel(l) => format!("relabelled {:?} {}", d.text, l.as_str()),
        Verdict::Adjust { .. } => format!("boundaries of {:?} moved", d.text),
        Verdict::Add => format!("added {:?} as {}", d.text, d.label),
        Verdict::Link { name, .. } => format!("moved {:?} to {name}", d.text),
        Verdict::Merge { name, .. } => format!("merged into {name}"),
        Verdict::Rename(name) => format!("renamed {name}"),
        Verdict::Ignore(true) => format!("{} ignored", d.doc),
        Verdict::Ignore(false) => format!("{} taken back into the review", d.doc),
    }
}
