//! Command-line interface: `gazette [PATH…]` opens the browser; subcommands work headless.

mod annotate;
mod eval;
mod extract;
mod output;

pub use annotate::{annotate, annotate_keeping, as_warnings, extract_all, Sources};
pub use eval::{run_eval, EvalArgs};
pub use extract::{run_write, ReviewArgs};
pub use output::check_output;

use crate::corpus::stream::{load_all, Input, Options};
use crate::corpus::{open_paths, Corpus};
use crate::formats::export::Format;
use crate::formats::Unit;
use crate::index::Index;
use clap::{Args, Parser, Subcommand};
use std::path::PathBuf;

/// Browse a corpus of news articles: people, regions and organizations highlighted, filtered
/// as you type, every mention one key away.
#[derive(Debug, Parser)]
#[command(
    name = "gazette",
    version,
    about,
    args_conflicts_with_subcommands = true
)]
pub struct Cli {
    /// Folders (read recursively: .txt and .md) or files to open. Default: the bundled corpus.
    pub paths: Vec<PathBuf>,
    #[command(flatten)]
    pub sources: SourceArgs,
    /// The review database. Default: CORPUS/.gazette/review.db (for the bundled corpus, in the
    /// user's data folder).
    #[arg(long, value_name = "FILE")]
    pub store: Option<PathBuf>,
    /// Compare with a gold annotation (any format --annotations reads, offsets as --offsets):
    /// the reader marks every disagreement and a pane shows the figures.
    #[arg(long, value_name = "FILE")]
    pub gold: Option<PathBuf>,
    /// Who makes the decisions, recorded with each (default: the login name). Several
    /// browsers may review one corpus: each undoes only its own decisions and shows the
    /// others' within a second.
    #[arg(long, value_name = "NAME")]
    pub reviewer: Option<String>,
    /// Extract every document afresh, neither reading nor writing the extraction cache
    /// (default: $XDG_CACHE_HOME/gazette, or $GAZETTE_CACHE_DIR).
    #[arg(long, global = true)]
    pub no_cache: bool,
    /// Write timings (loading, extraction, filtering, drawing) to FILE; also GAZETTE_LOG=FILE.
    #[arg(long, value_name = "FILE", global = true)]
    pub log: Option<PathBuf>,
    #[command(subcommand)]
    pub command: Option<Command>,
}

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

/// Where mentions come from.
#[derive(Debug, Clone, Args)]
pub struct SourceArgs {
    /// Load mentions from another tool's files (gazette JSONL, brat .ann, doccano or spaCy/Prodigy
    /// JSONL; a folder is searched) instead of the built-in extractor. brat .ann files beside the
    /// .txt files are found without this.
    #[arg(long, value_name = "FILE_OR_DIR")]
    pub annotations: Vec<PathBuf>,
    /// Keep the built-in extractor's mentions beside the imported ones.
    #[arg(long)]
    pub merge: bool,
    /// The unit the annotation files' offsets count in (doccano and Label Studio: utf16).
    #[arg(long, value_enum, default_value_t = Unit::Codepoints)]
    pub offsets: Unit,
}

impl SourceArgs {
    /// As the library takes them, with the cache unless `no_cache`.
    pub fn sources(&self, no_cache: bool) -> Sources {
        Sources {
            annotations: self.annotations.clone(),
            merge: self.merge,
            unit: self.offsets,
            cache_dir: cache_dir(no_cache),
        }
    }
}

/// Headless commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Extract entities with the built-in extractor and write them (standard output by default).
    Extract {
        /// Folders or files (default: the bundled corpus).
        paths: Vec<PathBuf>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Jsonl)]
        format: Format,
        /// Output file (JSONL formats) or folder (brat). Default: standard output.
        #[arg(long)]
        out: Option<PathBuf>,
        /// The unit offsets are written in.
        #[arg(long, value_enum, default_value_t = Unit::Codepoints)]
        offsets: Unit,
        /// Replace an existing output file, or write into a folder that is not empty.
        #[arg(long)]
        force: bool,
    },
    /// Write the corpus's annotation (imported, extracted, or both) in another format.
    Export {
        /// Folders or files (default: the bundled corpus).
        paths: Vec<PathBuf>,
        #[command(flatten)]
        sources: SourceArgs,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Jsonl)]
        format: Format,
        /// Output file (JSONL formats) or folder (brat).
        #[arg(long)]
        out: PathBuf,
        /// The unit offsets are written in (doccano itself counts utf16).
        #[arg(long, value_enum, default_value_t = Unit::Codepoints)]
        out_offsets: Unit,
        /// The review database whose decisions are applied (default: the corpus's).
        #[arg(long, value_name = "FILE")]
        store: Option<PathBuf>,
        /// Keep every mention, rejected ones too, each with its review status.
        #[arg(long)]
        with_status: bool,
        /// Replace an existing output file, or write into a folder that is not empty.
        #[arg(long)]
        force: bool,
    },
    /// Score predicted mentions against gold ones (both gazette JSONL): precision, recall and F1
    /// per label, strict and SemEval-2013.
    Eval {
        /// The reference annotation.
        #[arg(long)]
        gold: PathBuf,
        /// The annotation to score.
        #[arg(long)]
        pred: PathBuf,
        /// Add a table per document.
        #[arg(long)]
        per_doc: bool,
        /// List every disagreement with its context.
        #[arg(long)]
        errors: bool,
        /// The corpus the files annotate, for context in --errors (default: the bundled corpus).
        paths: Vec<PathBuf>,
    },
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
