//! Command-line interface: `gazette [PATH…]` opens the browser; subcommands work headless.

use crate::corpus::{open_paths, Corpus};
use crate::extract::Extractor;
use crate::formats::jsonl;
use crate::index::Index;
use clap::{Parser, Subcommand, ValueEnum};
use std::io::Write;
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

/// `gazette extract`: JSONL on `out`, a warning per skipped file on `err`.
pub fn run_extract(
    paths: &[PathBuf],
    _format: Format,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> std::io::Result<()> {
    let corpus = open_corpus(paths);
    for w in &corpus.warnings {
        writeln!(err, "gazette: {w}")?;
    }
    if corpus.docs.is_empty() && !corpus.warnings.is_empty() {
        return Err(std::io::Error::other("no document could be read"));
    }
    let index = analyze(&corpus);
    for doc in &corpus.docs {
        let names: Vec<&str> = index
            .doc_mention_ids(doc.id)
            .map(|i| index.entity(index.entity_of(i as u32)).name.as_str())
            .collect();
        let line = jsonl::doc_line(doc, index.doc_mentions(doc.id), &names);
        writeln!(out, "{line}")?;
    }
    Ok(())
}
