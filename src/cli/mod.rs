//! Command-line interface: `gazette [PATH…]` opens the browser; subcommands work headless.

mod eval;
mod extract;

pub use eval::{run_eval, EvalArgs};
pub use extract::run_extract;

use crate::corpus::{open_paths, Corpus};
use crate::extract::Extractor;
use crate::index::Index;
use clap::{Parser, Subcommand, ValueEnum};
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
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// Headless commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Extract entities and write them to standard output.
    Extract {
        /// Folders or files (default: the bundled corpus).
        paths: Vec<PathBuf>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Jsonl)]
        format: Format,
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

/// Output formats of `extract`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// gazette JSONL: one line per document, offsets in code points.
    Jsonl,
}

/// Opens the given paths, or the bundled corpus when there are none.
pub fn open_corpus(paths: &[PathBuf]) -> Corpus {
    if paths.is_empty() {
        Corpus::bundled()
    } else {
        open_paths(paths)
    }
}

/// Runs extraction over a whole corpus and indexes the result.
pub fn analyze(corpus: &Corpus) -> Index {
    let extractor = Extractor::default();
    let mentions = corpus
        .docs
        .iter()
        .flat_map(|d| extractor.extract(d))
        .collect();
    Index::build(corpus, mentions)
}
