//! Full-text search in the browser: `f` and words, a phrase or `re:PATTERN`. The documents with
//! a hit become a filter (combined with the others, removed like them); the reader marks every
//! hit, `n`/`N` walk them across the listed documents, `m` lists them in context. The corpus's
//! full-text index is built on a thread of its own after loading; until it is ready, a search
//! reads the texts instead, and says so.

use super::app::{App, Effect, Mode, Overlay};
use super::keymap::{Action, Context};
use super::nav::Dir;
use crate::corpus::DocId;
use crate::search::index::{inputs, IndexError};
use crate::search::{documents_with, TextIndex, TextQuery};
use crate::session::select::Clause;
use crossterm::event::KeyEvent;
use std::ops::Range;
use std::sync::mpsc::{Receiver, TryRecvError};
use std::sync::Arc;

/// Where the corpus's full-text index is.
#[derive(Default)]
pub enum IndexState {
    /// None is kept (the bundled corpus, or no cache folder): searches read the texts.
    #[default]
    Off,
    /// Being built or brought up to date: documents done of how many.
    Building {
        updates: Receiver<IndexUpdate>,
        done: usize,
        total: usize,
    },
    Ready(Arc<TextIndex>),
    /// It could not be built (why); searches read the texts.
    Failed(String),
}

/// What the thread building the index reports.
pub enum IndexUpdate {
    Progress(usize, usize),
    Done(Result<TextIndex, IndexError>),
}

/// The search the reader marks and `n`/`N` walk.
#[derive(Debug, Clone)]
pub struct Search {
    pub query: TextQuery,
    /// The documents with a hit, ascending.
    pub docs: Arc<Vec<DocId>>,
}

/// One hit in the list (`m` while a search is walked).
#[derive(Debug, Clone)]
pub struct HitRow {
    pub doc: DocId,
    pub span: Range<usize>,
    pub left: String,
    pub text: String,
    pub right: String,
}

/// The list of hits in context.
#[derive(Debug, Clone)]
pub struct HitList {
    pub rows: Vec<HitRow>,
    /// More hits than listed (the list stops at [`HIT_LIST_MAX`]).
    pub more: bool,
    pub selected: usize,
}

/// At most this many hits are listed (each document's text is read for them).
pub const HIT_LIST_MAX: usize = 2_000;

impl App {
    /// Starts building (or bringing up to date) the corpus's full-text index in `dir`, on a
    /// thread of its own.
    pub fn start_text_index(&mut self, dir: std::path::PathBuf) {
        let docs = inputs(&self.ws.corpus);
        let (tx, rx) = std::sync::mpsc::channel();
        let total = docs.len();
        let build = move || {
            let progress = |done, total| {
                let _ = tx.send(IndexUpdate::Progress(done, total));
            };
            let built = TextIndex::open(&dir, &docs, &progress);
            let _ = tx.send(IndexUpdate::Done(built));
        };
        match std::thread::Builder::new()
            .name("gazette-search-index".into())
            .spawn(build)
        {
            Ok(_) => {
                self.text_index = IndexState::Building {
                    updates: rx,
                    done: 0,
                    total,
                }
            }
            Err(e) => self.text_index = IndexState::Failed(e.to_string()),
        }
    }

    /// Takes what the index builder reported; true when something changed on screen.
    pub fn poll_text_index(&mut self) -> bool {
        let IndexState::Building {
            updates,
            done,
            total,
        } = &mut self.text_index
        else {
            return false;
        };
        let mut changed = false;
        loop {
            match updates.try_recv() {
                Ok(IndexUpdate::Progress(d, t)) => {
                    (*done, *total) = (d, t);
                    changed = true;
                }
                Ok(IndexUpdate::Done(Ok(index))) => {
                    crate::debug_log::log(format_args!("search index ready"));
                    self.text_index = IndexState::Ready(Arc::new(index));
                    return true;
                }
                Ok(IndexUpdate::Done(Err(e))) => {
                    self.text_index = IndexState::Failed(e.to_string());
                    return true;
                }
                Err(TryRecvError::Empty) => return changed,
                Err(TryRecvError::Disconnected) => {
                    self.text_index = IndexState::Failed("the index builder stopped".into());
                    return true;
                }
            }
        }
    }

    /// Whether `n`, `N` and `m` go through the search's hits: a search is on and no entity is
    /// current.
    pub fn walks_search(&self) -> bool {
        self.search.is_some() && self.current_entity.is_none()
    }

    /// `f`: opens the search prompt.
    pub(super) fn open_search(&mut self) {
        self.mode = Mode::Overlay(Overlay::SearchPrompt {
            query: String::new(),
        });
    }

    /// A key in the search prompt.
    pub(super) fn search_key(&mut self, key: KeyEvent) {
        let Mode::Overlay(Overlay::SearchPrompt { query }) = &mut self.mode else {
            return;
        };
        match self.keymap.lookup(Context::SearchPrompt, key) {
            Some(Action::Close) => self.mode = Mode::Normal,
            Some(Action::DeleteChar) => {
                query.pop();
            }
            Some(Action::Select) => {
                let typed = std::mem::take(query);
                self.mode = Mode::Normal;
                self.effects.push(Effect::Search { typed });
            }
            _ => query.extend(super::update::typed(&key)),
        }
    }

    /// Text pasted into the search prompt.
    pub(super) fn paste_into_search(&mut self, text: &str) {
        if let Mode::Overlay(Overlay::SearchPrompt { query }) = &mut self.mode {
            query.extend(text.chars().filter(|c| !c.is_control()));
        }
    }

    /// Searches every document for `typed`, makes the documents with a hit a filter and goes
    /// to the first hit.
    pub(super) fn run_search(&mut self, typed: &str) {
        let query = match TextQuery::parse(typed) {
            Ok(q) => q,
            Err(why) => {
                self.message = Some(why);
                return;
            }
        };
        let all: Vec<DocId> = DocId::all(self.ws.corpus.docs.len()).collect();
        let index = match &self.text_index {
            IndexState::Ready(index) => Some(index.clone()),
            _ => None,
        };
        let how = match (&self.text_index, &query) {
            (_, TextQuery::Regex(_)) => "read every text (a regular expression)".to_string(),
            (IndexState::Ready(_), _) => "by the index".to_string(),
            (IndexState::Building { done, total, .. }, _) => {
                format!("read every text: the index is being built ({done}/{total})")
            }
            (IndexState::Failed(why), _) => format!("read every text: no index ({why})"),
            (IndexState::Off, _) => "read every text".to_string(),
        };
        let docs = match documents_with(&self.ws.corpus, index.as_deref(), &all, &query) {
            Ok(docs) => docs,
            Err(e) => {
                self.message = Some(e.to_string());
                return;
            }
        };
        let docs = Arc::new(docs);
        let described = query.describe();
        self.filters.retain(|c| !matches!(c, Clause::Text { .. }));
        self.filters.push(Clause::Text {
            query: described.clone(),
            docs: docs.clone(),
        });
        self.search = Some(Search { query, docs });
        self.current_entity = None;
        self.current_mention = None;
        self.hit = None;
        self.apply_filters();
        self.next_hit(Dir::Next);
        self.message = Some(format!(
            "{} documents contain {described} ({how}); n / N walk the hits, m lists them",
            self.list.docs.len()
        ));
    }

    /// Where the current search occurs in the current document as the reader found it (bytes;
    /// kept by [`App::sync`]).
    pub fn reader_hits(&self) -> &[Range<usize>] {
        match (&self.reader.hits, self.current_doc()) {
            (Some((d, _, hits)), Some(doc)) if *d == doc => hits,
            _ => &[],
        }
    }

    /// Where the current search occurs in the current document (bytes), found afresh (what
    /// [`App::sync`] keeps for [`App::reader_hits`]).
    pub(super) fn hits_here(&self) -> Vec<Range<usize>> {
        let (Some(search), Some(doc)) = (&self.search, self.current_doc()) else {
            return Vec::new();
        };
        match self.ws.text(doc) {
            Some(Ok(text)) => search.query.hits_in(text),
            _ => Vec::new(),
        }
    }

    /// `n` / `N` while a search is walked: the next or previous hit, on into the next listed
    /// document with one.
    pub(super) fn next_hit(&mut self, dir: Dir) {
        let Some(search) = self.search.clone() else {
            return;
        };
        let docs: Vec<DocId> = (self.list.docs.iter().copied())
            .filter(|d| search.docs.binary_search(d).is_ok())
            .collect();
        if docs.is_empty() {
            self.message = Some(format!(
                "no listed document contains {}",
                search.query.describe()
            ));
            return;
        }
        let here = self.current_doc();
        let at = here.and_then(|d| docs.iter().position(|&x| x == d));
        // In this document, past the current hit.
        if at.is_some() {
            let hits = self.reader_hits().to_vec();
            let next = match (dir, &self.hit) {
                (Dir::Next, Some(h)) => hits.iter().find(|r| r.start > h.start),
                (Dir::Next, None) => hits.first(),
                (Dir::Prev, Some(h)) => hits.iter().rev().find(|r| r.start < h.start),
                (Dir::Prev, None) => hits.last(),
            };
            if let Some(r) = next.cloned() {
                return self.show_hit(r);
            }
        }
        // On into the next (or previous) document with a hit, wrapping around.
        let n = docs.len();
        let target = match (dir, at) {
            (Dir::Next, Some(i)) => docs[(i + 1) % n],
            (Dir::Prev, Some(i)) => docs[(i + n - 1) % n],
            (Dir::Next, None) => docs[0],
            (Dir::Prev, None) => docs[n - 1],
        };
        if let Some(row) = self.list.docs.row_of(target) {
            self.select_row(row);
        }
        self.hit = None;
        let hits = self.reader_hits().to_vec();
        let first = match dir {
            Dir::Next => hits.first(),
            Dir::Prev => hits.last(),
        };
        if let Some(r) = first.cloned() {
            self.show_hit(r);
        }
    }

    /// Makes the hit at `span` of the current document current and scrolls to it.
    fn show_hit(&mut self, span: Range<usize>) {
        let start = span.start;
        self.hit = Some(span);
        self.current_mention = None;
        self.reveal(start);
        let hits = self.reader_hits().to_vec();
        let k = hits
            .iter()
            .position(|h| Some(h) == self.hit.as_ref())
            .map_or(0, |k| k + 1);
        self.message = Some(format!("hit {k} of {} in this document", hits.len()));
    }

    /// `m` while a search is walked: asks for its hits in context.
    pub(super) fn open_hit_list(&mut self) {
        self.effects.push(Effect::HitList);
    }

    /// Lists the current search's hits in the listed documents, in context (reads their texts).
    pub(super) fn show_hit_list(&mut self) {
        let Some(search) = self.search.clone() else {
            return;
        };
        let mut rows = Vec::new();
        let mut more = false;
        let docs: Vec<DocId> = (self.list.docs.iter().copied())
            .filter(|d| search.docs.binary_search(d).is_ok())
            .collect();
        'docs: for d in docs {
            let Ok(text) = self.ws.corpus.docs[d.index()].text.read_unheld() else {
                continue;
            };
            for span in search.query.hits_in(&text) {
                if rows.len() == HIT_LIST_MAX {
                    more = true;
                    break 'docs;
                }
                let (left, right) = crate::search::context(&text, span.clone(), 40);
                rows.push(HitRow {
                    doc: d,
                    text: text[span.clone()].to_string(),
                    span,
                    left,
                    right,
                });
            }
        }
        let here = (self.current_doc(), self.hit.clone());
        let selected = (rows.iter())
            .position(|r| Some(r.doc) == here.0 && Some(&r.span) == here.1.as_ref())
            .unwrap_or(0);
        self.mode = Mode::Overlay(Overlay::Hits(Box::new(HitList {
            rows,
            more,
            selected,
        })));
    }

    /// A key in the hit list.
    pub(super) fn hits_action(&mut self, action: Action) {
        let Mode::Overlay(Overlay::Hits(list)) = &mut self.mode else {
            return;
        };
        let last = list.rows.len().saturating_sub(1);
        match action {
            Action::Close => self.mode = Mode::Normal,
            Action::WriteOut => self.ask_write_out(),
            Action::Select => {
                let Some(row) = list.rows.get(list.selected).cloned() else {
                    return;
                };
                self.mode = Mode::Normal;
                if let Some(r) = self.list.docs.row_of(row.doc) {
                    self.select_row(r);
                }
                self.show_hit(row.span);
            }
            _ => list.selected = super::update::moved(list.selected, action, 10, last),
        }
    }
}
