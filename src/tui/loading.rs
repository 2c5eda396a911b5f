//! Filling the browser while the loader reads: documents join the list as they arrive, the
//! status line shows a gauge, and once every file is in, annotation files, the gold and the
//! review database are read.

use super::app::{App, Mode};
use super::theme::Theme;
use crate::corpus::{Corpus, LoadWarning};
use crate::index::Index;
use crate::review::Store;
use crate::session::stream::{Event, Loaded};
use crate::session::Workspace;
use crate::session::{annotate_keeping, as_warnings, default_store, Sources};
use ratatui::layout::Rect;
use std::path::PathBuf;
use std::sync::mpsc::{Receiver, TryRecvError};
use std::time::{Duration, Instant};

/// Why decisions wait while the corpus loads.
pub const STILL_LOADING: &str = "still loading: decisions are taken once every document is read";

/// How far the load has come.
#[derive(Debug, Clone)]
pub struct LoadProgress {
    /// Files to read (None until they are listed).
    pub total: Option<usize>,
    /// Files read so far (documents and skipped files).
    pub read: usize,
    pub started: Instant,
}

impl LoadProgress {
    /// A load that has just started.
    pub fn new() -> Self {
        LoadProgress {
            total: None,
            read: 0,
            started: Instant::now(),
        }
    }

    /// The share of files read, 0 to 1.
    pub fn ratio(&self) -> f64 {
        match self.total {
            Some(0) | None => 0.0,
            Some(t) => (self.read as f64 / t as f64).min(1.0),
        }
    }
}

impl Default for LoadProgress {
    fn default() -> Self {
        LoadProgress::new()
    }
}

/// After this many documents, room is made for the rest (see [`App::reserve_for`]).
const SAMPLE_FOR_SIZES: usize = 500;

/// What is read once the documents are in.
#[derive(Debug, Clone, Default)]
pub struct AfterLoad {
    pub sources: Sources,
    /// The review database (None: the corpus's default).
    pub store: Option<PathBuf>,
    /// The gold annotation to compare with.
    pub gold: Option<PathBuf>,
    /// Who makes the decisions (None: the login name).
    pub reviewer: Option<String>,
}

impl App {
    /// A browser with nothing loaded yet, for a terminal of `area`: documents come through
    /// [`App::receive`], decisions wait for [`App::finish_loading`].
    pub fn loading(theme: Theme, area: Rect) -> App {
        let mut app = App::new(Corpus::default(), Index::default(), theme, area);
        app.ws = Workspace::new(Corpus::default(), Index::default(), STILL_LOADING);
        app.loading = Some(LoadProgress::new());
        app.ws.take_snapshot_as_loaded();
        app
    }

    /// Takes what the loader has ready, for at most `budget`; true once it has finished.
    pub fn receive(&mut self, events: &Receiver<Vec<Event>>, budget: Duration) -> bool {
        let started = Instant::now();
        let before = self.ws.corpus.docs.len();
        let mut finished = false;
        while started.elapsed() < budget {
            match events.try_recv() {
                Ok(batch) => {
                    for event in batch {
                        finished |= self.take_event(event);
                    }
                    if finished {
                        break;
                    }
                }
                Err(TryRecvError::Empty) => break,
                Err(TryRecvError::Disconnected) => {
                    finished = true;
                    break;
                }
            }
        }
        if self.ws.corpus.docs.len() > before {
            if let Mode::Filter(p) = &mut self.mode {
                p.advance(&self.ws.index, super::filter::FRAME_BUDGET);
            }
            self.sync();
        }
        finished
    }

    /// Applies one loader event; true when it says the load is over.
    fn take_event(&mut self, event: Event) -> bool {
        let progress = self.loading.get_or_insert_with(LoadProgress::new);
        match event {
            Event::Planned {
                label,
                root,
                total,
                warnings,
            } => {
                progress.total = Some(total);
                self.ws.corpus.label = label;
                self.ws.corpus.root = root;
                self.ws.corpus.warnings.extend(warnings);
            }
            Event::Doc(loaded) => {
                progress.read += 1;
                let (read, total) = (progress.read, progress.total);
                self.absorb(*loaded);
                if read == SAMPLE_FOR_SIZES {
                    self.reserve_for(total.unwrap_or(read));
                }
            }
            Event::Restored(restored) => {
                progress.read = restored.docs.len();
                self.ws.forget_snapshot();
                let change = self.ws.absorb_restored(*restored);
                self.follow(Ok(change));
            }
            Event::Skipped(w) => {
                progress.read += 1;
                self.ws.corpus.warnings.push(w);
            }
            Event::Finished {
                cache_problem,
                snapshot,
                search,
                ..
            } => {
                if let Some(dir) = search {
                    self.start_text_index(dir);
                }
                if let Some(problem) = cache_problem {
                    crate::debug_log::log(format_args!("cache not used: {problem}"));
                }
                match snapshot {
                    Some(path) => self.ws.write_snapshot(path),
                    None => self.ws.forget_snapshot(),
                }
                return true;
            }
        }
        false
    }

    /// Adds one document: to the corpus, the index, the review state and, when it passes the
    /// filters, the list.
    pub fn absorb(&mut self, loaded: Loaded) {
        let Some(id) = self.ws.absorb(loaded) else {
            return;
        };
        if id == crate::corpus::DocId(0) {
            crate::debug_log::log(format_args!("load: first document in"));
        }
        // Indexed: the text is read again from its file when the document is shown.
        if let Some(doc) = self.ws.corpus.docs.last_mut() {
            doc.text.release();
        }
        let passes =
            crate::session::select::admits(&self.ws.corpus, &self.ws.index, &self.filters, id);
        if passes {
            self.list.docs.push(id);
        }
    }

    /// Waits until the corpus's snapshot is written (see [`Workspace::wait_for_snapshot`]).
    pub fn wait_for_snapshot(&mut self) -> bool {
        self.ws.wait_for_snapshot()
    }

    /// Makes room at once for `total` documents and the mentions they will likely have (judged
    /// from those in so far): growing by doubling would copy every mention a dozen times and,
    /// at the last doubling, hold two copies at once.
    fn reserve_for(&mut self, total: usize) {
        let docs = self.ws.corpus.docs.len().max(1);
        let per_doc = self.ws.index.mentions.len().div_ceil(docs);
        let expected = total.saturating_sub(docs) * per_doc * 11 / 10;
        self.ws.reserve(total.saturating_sub(docs), expected);
    }

    /// Once every document is in: annotation files (and brat files found beside the texts)
    /// replace or join the extractor's mentions, the gold is read, and the review database is
    /// opened and laid over the mentions.
    pub fn finish_loading(&mut self, after: &AfterLoad) {
        let started = Instant::now();
        if !after.sources.annotations.is_empty() || !self.ws.corpus.sidecars.is_empty() {
            // The index is replaced below; its mentions are the extractor's, and it knows their
            // texts: only the documents the annotation files cover are read.
            let extracted = self.ws.mentions_before_review();
            let annotated = annotate_keeping(
                &self.ws.corpus,
                &after.sources,
                extracted,
                Some(&self.ws.index),
            );
            let index = annotated.index;
            self.ws
                .corpus
                .warnings
                .extend(as_warnings(&annotated.problems));
            self.ws
                .corpus
                .warnings
                .extend(as_warnings(&annotated.notes));
            // The texts read are let go again, as after loading.
            for doc in &mut self.ws.corpus.docs {
                doc.text.release();
            }
            self.replace_index(index);
        }
        if let Some(path) = &after.gold {
            let gold = super::load_gold(&mut self.ws.corpus, path, after.sources.unit);
            self.ws.compare = Some(super::compare::Compare::new(
                self.ws.corpus.docs.len(),
                &gold,
            ));
        }
        let store_path = after
            .store
            .clone()
            .unwrap_or_else(|| default_store(&self.ws.corpus));
        let mut opened = Store::open(&store_path);
        if let (Ok(store), Some(name)) = (&mut opened, &after.reviewer) {
            store.set_reviewer(name);
        }
        if let Err(e) = &opened {
            self.ws.corpus.warnings.push(LoadWarning {
                path: store_path.display().to_string(),
                message: format!("decisions cannot be stored: {e}"),
            });
        }
        self.loading = None;
        self.attach_store(opened);
        if self.list.order != super::app::ListOrder::Corpus {
            self.apply_filters();
        }
        crate::debug_log::log(format_args!(
            "load: annotations, gold and review read in {:.1} ms ({} documents, {} mentions, {} entities)",
            started.elapsed().as_secs_f64() * 1e3,
            self.ws.corpus.docs.len(),
            self.ws.index.mentions.len(),
            self.ws.index.entities.len()
        ));
    }
}
