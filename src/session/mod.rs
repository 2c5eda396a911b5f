//! The session layer: what opening a corpus takes, composed from the layers below it. Loading on
//! worker threads through the extraction cache and the snapshot (`stream`, `worker`), reading
//! annotation files beside or instead of the extractor (`annotate`), and where a corpus keeps its
//! review database; the [`Workspace`] that keeps corpus, index and review consistent, and the
//! texts read for the screen (`texts`). The browser (`tui`) and the headless commands (`cli`) both stand on this;
//! neither calls the other.

mod annotate;
mod compare;
mod entity_decisions;
mod relayer;
pub mod select;
pub mod stream;
mod texts;
mod worker;
mod workspace;

pub use annotate::{annotate, annotate_keeping, as_warnings, extract_all, Annotated, Sources};
pub use compare::Compare;
pub use texts::{TextCache, TextReader};
pub use workspace::{Change, ReviewState, Workspace, WorkspaceError};

use crate::corpus::Corpus;
use crate::index::Index;
use std::path::PathBuf;
use stream::{load_all, Input, Options};

/// Where review decisions for `corpus` are kept unless the user says otherwise.
pub fn default_store(corpus: &Corpus) -> PathBuf {
    match &corpus.root {
        Some(root) => root.join(".gazette").join("review.db"),
        None => {
            let data = std::env::var_os("XDG_DATA_HOME")
                .map(PathBuf::from)
                .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".local/share")))
                .unwrap_or_else(std::env::temp_dir);
            data.join("gazette").join("bundled-review.db")
        }
    }
}

/// The extraction cache's folder, unless the user turned it off.
pub fn cache_dir(no_cache: bool) -> Option<PathBuf> {
    if no_cache {
        None
    } else {
        crate::cache::default_dir()
    }
}

/// Opens the given paths, or the bundled corpus when there are none.
pub fn open_corpus(paths: &[PathBuf]) -> Corpus {
    if paths.is_empty() {
        Corpus::bundled()
    } else {
        open_paths(paths)
    }
}

/// Opens the given paths (the bundled corpus when there are none) with the built-in extractor's
/// mentions, read on every core and taken from the cache where it knows a file.
pub fn load_extracted(
    paths: &[PathBuf],
    sources: &Sources,
) -> (Corpus, Vec<crate::model::Mention>) {
    let options = Options {
        extract: true,
        cache_dir: sources.cache_dir.clone(),
    };
    load_all(Input::from_paths(paths), options)
}

/// Runs the built-in extractor over a whole corpus (and reads any brat files beside it) and
/// indexes the result.
pub fn analyze(corpus: &Corpus) -> Index {
    annotate(corpus, &Sources::default()).0
}

/// Opens folders and files without extracting anything (see [`stream`] for the loader
/// that extracts). Never fails: what cannot be read becomes a warning.
pub fn open_paths(paths: &[PathBuf]) -> Corpus {
    let options = stream::Options {
        extract: false,
        cache_dir: None,
    };
    stream::load_all(stream::Input::Paths(paths.to_vec()), options).0
}

impl Corpus {
    /// The five bundled articles, embedded in the binary.
    pub fn bundled() -> Corpus {
        let options = stream::Options {
            extract: false,
            cache_dir: None,
        };
        stream::load_all(stream::Input::Bundled, options).0
    }
}
