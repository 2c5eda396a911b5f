//! The loader: lists the files, then reads, decodes and analyses them on worker threads (from
//! the extraction cache when it knows the content), and hands the documents over in file order
//! as they are ready, so the browser can show the first ones while the rest are still being read.

use super::worker::{Item, Outcome, Work};
use crate::cache::{Analysis, Cache};
use crate::corpus::{plan, ContentHash, Corpus, Document, LoadWarning};
use crate::extract::Extractor;
use crate::index::Index;
use crate::model::Mention;
use crate::snapshot::{Restored, Snapshot};
use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc::{sync_channel, Receiver, SyncSender};
use std::sync::Arc;
use std::time::Instant;

/// What to open.
#[derive(Debug, Clone)]
pub enum Input {
    /// Folders and files.
    Paths(Vec<PathBuf>),
    /// The articles embedded in the binary.
    Bundled,
}

impl Input {
    /// The bundled corpus when no path is given.
    pub fn from_paths(paths: &[PathBuf]) -> Input {
        if paths.is_empty() {
            Input::Bundled
        } else {
            Input::Paths(paths.to_vec())
        }
    }
}

/// How to load.
#[derive(Debug, Clone)]
pub struct Options {
    /// Run the built-in extractor (or take its results from the cache).
    pub extract: bool,
    /// The extraction cache's folder; None for no cache.
    pub cache_dir: Option<PathBuf>,
}

/// One document, read and analysed.
#[derive(Debug)]
pub struct Loaded {
    /// Its id is set when it joins a corpus.
    pub doc: Document,
    /// The built-in extractor's mentions (empty unless extracting).
    pub mentions: Vec<Mention>,
    /// A brat `.ann` file beside it.
    pub sidecar: Option<PathBuf>,
    /// Something worth saying about the file that did not stop it loading.
    pub warning: Option<LoadWarning>,
    /// Whether the analysis came from the cache.
    pub cached: bool,
}

/// What the loader reports, in this order: `Planned`, then `Doc`/`Skipped` in file order, then
/// `Finished`.
#[derive(Debug)]
pub enum Event {
    /// The files are listed.
    Planned {
        label: String,
        root: Option<PathBuf>,
        total: usize,
        warnings: Vec<LoadWarning>,
    },
    Doc(Box<Loaded>),
    /// Every document at once, from the corpus's snapshot (in place of `Doc`s).
    Restored(Box<Restored>),
    Skipped(LoadWarning),
    /// Every file is read. `cache_problem`: why the cache could not be used or written.
    /// `snapshot`: where to write a snapshot of the corpus now loaded, when one is worth taking.
    Finished {
        cached: usize,
        extracted: usize,
        cache_problem: Option<String>,
        seconds: f64,
        snapshot: Option<PathBuf>,
        /// Where the corpus's full-text index lives (opened corpora with a cache folder).
        search: Option<PathBuf>,
    },
}

/// A load in progress. Dropping it stops the workers.
pub struct Loader {
    /// Events in batches (one message per batch: waking a thread costs more than a document).
    pub events: Receiver<Vec<Event>>,
    stop: Arc<AtomicBool>,
}

impl Drop for Loader {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
    }
}

impl Corpus {
    /// Takes the documents of a corpus restored from its snapshot (in place of any it has);
    /// returns its index.
    pub fn absorb_restored(&mut self, restored: Restored) -> Index {
        let Restored {
            docs,
            index,
            warnings,
            sidecars,
        } = restored;
        self.docs = docs;
        self.sidecars = sidecars;
        self.warnings.extend(warnings);
        index
    }

    /// Adds a loaded document, giving it (and its mentions) the next id; returns its mentions.
    pub fn absorb(&mut self, loaded: Loaded) -> Vec<Mention> {
        let Loaded {
            mut doc,
            mut mentions,
            sidecar,
            warning,
            ..
        } = loaded;
        let id = crate::corpus::DocId(self.docs.len() as u32);
        doc.id = id;
        for m in &mut mentions {
            m.doc = id;
        }
        if let Some(ann) = sidecar {
            self.sidecars.push((id, ann));
        }
        self.warnings.extend(warning);
        self.docs.push(doc);
        mentions
    }
}

/// Starts loading on background threads.
pub fn start(input: Input, options: Options) -> Loader {
    // Bounded: when the browser takes documents more slowly than they are read, the readers
    // wait rather than pile up documents in memory.
    let (tx, events) = sync_channel(BATCHES_AHEAD);
    let stop = Arc::new(AtomicBool::new(false));
    let (coordinator_tx, coordinator_stop) = (tx.clone(), stop.clone());
    let spawned = std::thread::Builder::new()
        .name("gazette-load".into())
        .spawn(move || coordinate(input, options, coordinator_tx, coordinator_stop));
    if let Err(e) = spawned {
        // No thread: the caller sees a load that finished with nothing, and why.
        let _ = tx.send(vec![
            Event::Skipped(LoadWarning {
                path: "(loader)".into(),
                message: format!("cannot start reading: {e}"),
            }),
            Event::Finished {
                cached: 0,
                extracted: 0,
                cache_problem: None,
                seconds: 0.0,
                snapshot: None,
                search: None,
            },
        ]);
    }
    Loader { events, stop }
}

/// Loads everything before returning: the corpus and the built-in extractor's mentions.
pub fn load_all(input: Input, options: Options) -> (Corpus, Vec<Mention>) {
    let loader = start(input, options);
    let mut corpus = Corpus::default();
    let mut mentions = Vec::new();
    for event in loader.events.iter().flatten() {
        match event {
            Event::Planned {
                label,
                root,
                warnings,
                ..
            } => {
                corpus.label = label;
                corpus.root = root;
                corpus.warnings.extend(warnings);
            }
            Event::Doc(loaded) => mentions.extend(corpus.absorb(*loaded)),
            Event::Restored(restored) => {
                mentions.extend(corpus.absorb_restored(*restored).mentions)
            }
            Event::Skipped(w) => corpus.warnings.push(w),
            Event::Finished { .. } => break,
        }
    }
    (corpus, mentions)
}

/// Sends the corpus `restoring` brings back from its snapshot, when none of the files to read
/// (`items`) changed: every document, then the end of the load; false (having sent nothing)
/// when it cannot.
fn restore(
    restoring: std::thread::JoinHandle<Result<Restored, crate::snapshot::SnapshotError>>,
    items: &[Item],
    tx: &SyncSender<Vec<Event>>,
    started: Instant,
    search: Option<PathBuf>,
) -> bool {
    let files: Vec<_> = items.iter().filter_map(Item::file).collect();
    let restored = (restoring.join())
        .unwrap_or(Err(crate::snapshot::SnapshotError::Reader))
        .and_then(|mut restored| restored.check(&files).map(|()| restored));
    let restored = match restored {
        Ok(restored) => restored,
        Err(why) => {
            crate::debug_log::log(format_args!("load: snapshot not used: {why}"));
            return false;
        }
    };
    let total = restored.docs.len();
    let seconds = started.elapsed().as_secs_f64();
    crate::debug_log::log(format_args!(
        "load: {total} documents restored from the snapshot in {seconds:.2} s"
    ));
    let _ = tx.send(vec![
        Event::Restored(Box::new(restored)),
        Event::Finished {
            cached: total,
            extracted: 0,
            cache_problem: None,
            seconds,
            snapshot: None,
            search,
        },
    ]);
    true
}

/// Batches of documents read ahead of the browser at most.
const BATCHES_AHEAD: usize = 64;

/// Files a worker takes at a time, at most.
const CHUNK: usize = 32;

/// The ranges of `items` workers take in turn: one file, then two, four… up to `CHUNK`, so the
/// first documents reach the browser at once and later ones in batches that keep overhead low.
fn chunks(items: usize) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let (mut start, mut size) = (0, 1);
    while start < items {
        let end = (start + size).min(items);
        out.push(start..end);
        start = end;
        size = (size * 2).min(CHUNK);
    }
    out
}

fn coordinate(input: Input, options: Options, tx: SyncSender<Vec<Event>>, stop: Arc<AtomicBool>) {
    let started = Instant::now();
    let extractor = Arc::new(Extractor::default());
    let mut snapshot = None;
    let mut restoring = None;
    let mut search = None;
    let (items, planned) = match input {
        Input::Bundled => {
            let items: Vec<Item> = crate::corpus::SEEDS
                .iter()
                .map(|(name, bytes)| Item::Embedded(name, bytes))
                .collect();
            let planned = Event::Planned {
                label: "bundled corpus".into(),
                root: None,
                total: items.len(),
                warnings: Vec::new(),
            };
            (items, planned)
        }
        Input::Paths(paths) => {
            snapshot = (options.cache_dir.as_deref())
                .filter(|_| options.extract)
                .map(|dir| crate::snapshot::file_for(dir, &paths));
            search = (options.cache_dir.as_deref())
                .map(|dir| crate::search::index::dir_for(dir, &paths));
            // The snapshot is read while the files are listed: each takes a core.
            restoring = snapshot.clone().and_then(|path| {
                let extractor = extractor.clone();
                let restore = move || {
                    Snapshot::read(&path)
                        .and_then(|s| s.restore(|name| extractor.recognizer_name(name)))
                };
                std::thread::Builder::new()
                    .name("gazette-snapshot".into())
                    .spawn(restore)
                    .ok()
            });
            let p = plan(&paths);
            let planned = Event::Planned {
                label: p.label,
                root: p.root,
                total: p.files.len(),
                warnings: p.warnings,
            };
            let items = (p.files.into_iter())
                .map(|(path, shown, sidecar)| Item::File(path, shown, sidecar))
                .collect();
            (items, planned)
        }
    };
    crate::debug_log::log(format_args!(
        "load: listed {} files in {:.1} ms",
        items.len(),
        started.elapsed().as_secs_f64() * 1e3
    ));
    if tx.send(vec![planned]).is_err() {
        return;
    }
    if let Some(restoring) = restoring {
        if restore(restoring, &items, &tx, started, search.clone()) {
            return;
        }
    }
    let mut cache_problem = None;
    let mut writer = match (&options.cache_dir, options.extract) {
        (Some(dir), true) => match Cache::create(dir) {
            Ok(c) => Some(c),
            Err(e) => {
                cache_problem = Some(e.to_string());
                None
            }
        },
        _ => None,
    };
    let reads_cache = writer.is_some();
    let items = Arc::new(items);
    let next = Arc::new(AtomicUsize::new(0));
    let chunks = Arc::new(chunks(items.len()));
    let workers = std::thread::available_parallelism()
        .map_or(2, |n| n.get())
        .clamp(1, 8)
        .min(items.len().max(1));
    let (done_tx, done_rx) = sync_channel::<(usize, Vec<Outcome>)>(workers * 2);
    for _ in 0..workers {
        let (items, chunks, next, stop, done_tx) = (
            items.clone(),
            chunks.clone(),
            next.clone(),
            stop.clone(),
            done_tx.clone(),
        );
        let (extractor, options) = (extractor.clone(), options.clone());
        let spawned = std::thread::Builder::new()
            .name("gazette-read".into())
            .spawn(move || {
                let cache = match (&options.cache_dir, reads_cache) {
                    (Some(dir), true) => Cache::open_read(dir).ok(),
                    _ => None,
                };
                let work = Work {
                    extractor: &extractor,
                    cache: cache.as_ref(),
                    extract: options.extract,
                };
                loop {
                    let k = next.fetch_add(1, Ordering::Relaxed);
                    let Some(range) = chunks.get(k).cloned() else {
                        break;
                    };
                    if stop.load(Ordering::Relaxed) {
                        break;
                    }
                    let start = range.start;
                    let done = items[range].iter().map(|i| work.process(i)).collect();
                    if done_tx.send((start, done)).is_err() {
                        break;
                    }
                }
            });
        if spawned.is_err() {
            break;
        }
    }
    drop(done_tx);
    // Workers finish out of order; documents are handed over in file order.
    let mut pending: BTreeMap<usize, Vec<Outcome>> = BTreeMap::new();
    let mut expected = 0;
    let mut to_store: Vec<(ContentHash, Analysis)> = Vec::new();
    let (mut cached, mut extracted, mut skipped) = (0, 0, 0);
    for (start, outcomes) in done_rx.iter() {
        pending.insert(start, outcomes);
        while let Some(outcomes) = pending.remove(&expected) {
            expected += outcomes.len();
            let mut batch = Vec::with_capacity(outcomes.len());
            for outcome in outcomes {
                batch.push(match outcome {
                    Outcome::Doc(loaded, fresh) => {
                        if loaded.cached {
                            cached += 1;
                        } else if options.extract {
                            extracted += 1;
                        }
                        to_store.extend(fresh);
                        Event::Doc(loaded)
                    }
                    Outcome::Skipped(w) => {
                        skipped += 1;
                        Event::Skipped(w)
                    }
                });
            }
            if tx.send(batch).is_err() {
                stop.store(true, Ordering::Relaxed);
            }
        }
        if to_store.len() >= 500 {
            store(&mut writer, &mut to_store, &mut cache_problem);
        }
    }
    store(&mut writer, &mut to_store, &mut cache_problem);
    let seconds = started.elapsed().as_secs_f64();
    crate::debug_log::log(format_args!(
        "load: {expected} files in {seconds:.2} s ({cached} from the cache, {extracted} extracted, {workers} workers)"
    ));
    // A snapshot is worth taking when every file was read and something had to be looked up
    // (a skipped file is tried again next time, so there is no snapshot to restore).
    let complete = skipped == 0 && expected == items.len() && !stop.load(Ordering::Relaxed);
    let snapshot = snapshot.filter(|_| complete && reads_cache && cache_problem.is_none());
    let _ = tx.send(vec![Event::Finished {
        cached,
        extracted,
        cache_problem,
        seconds,
        snapshot,
        search,
    }]);
}

fn store(
    writer: &mut Option<Cache>,
    entries: &mut Vec<(ContentHash, Analysis)>,
    problem: &mut Option<String>,
) {
    if let Some(cache) = writer {
        if let Err(e) = cache.put_all(entries) {
            problem.get_or_insert(e.to_string());
            *writer = None;
        }
    }
    entries.clear();
}
