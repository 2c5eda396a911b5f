//! Command-line interface: `gazette [PATH…]` opens the browser; subcommands work headless.

mod agree;
mod eval;
mod explore;
mod extract;
mod output;

pub use agree::{run_agree, AgreeArgs};
pub use eval::{run_eval, EvalArgs};
pub use explore::{
    find_named, run_cooc, run_profile, run_search, CoocArgs, SearchArgs, TableFormat,
};
pub use extract::{run_write, ReviewArgs};
pub use output::check_output;

use crate::formats::export::Format;
use crate::formats::Unit;
use crate::session::{cache_dir, Sources};
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
    /// Key bindings and colours (TOML). Default: $XDG_CONFIG_HOME/gazette/config.toml, when
    /// there is one.
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Write the default configuration (every key binding and colour) to standard output.
    #[arg(long)]
    pub print_config: bool,
    #[command(subcommand)]
    pub command: Option<Command>,
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

/// How `profile` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ProfileFormat {
    Json,
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
        /// Apply only this reviewer's decisions (one reviewer's view of the corpus).
        #[arg(long, value_name = "NAME")]
        reviewer: Option<String>,
        /// Replace an existing output file, or write into a folder that is not empty.
        #[arg(long)]
        force: bool,
    },
    /// How far two reviewers agree (two review databases over the same corpus): Cohen's kappa
    /// over the mentions both decided, F1 of one reviewed annotation against the other, and the
    /// mentions decided differently.
    Agree {
        /// The two review databases: --store A --store B.
        #[arg(long, value_name = "FILE", num_args = 1, required = true)]
        store: Vec<PathBuf>,
        /// Folders or files (default: the bundled corpus).
        paths: Vec<PathBuf>,
        #[command(flatten)]
        sources: SourceArgs,
    },
    /// An entity's profile as JSON: its names with counts, documents and dates, mentions per
    /// month, the entities that appear with it most (by document and by sentence), a person's
    /// roles with their dates.
    Profile {
        /// The entity: one of its names (ignoring case and accents), or part of one.
        name: String,
        /// Folders or files (default: the bundled corpus).
        paths: Vec<PathBuf>,
        #[command(flatten)]
        sources: SourceArgs,
        /// Output format (JSON only).
        #[arg(long, value_enum, default_value_t = ProfileFormat::Json)]
        format: ProfileFormat,
    },
    /// Who appears with whom: pairs of entities of two labels in the same document (or
    /// sentence), most often first.
    Cooc {
        /// Folders or files (default: the bundled corpus).
        paths: Vec<PathBuf>,
        #[command(flatten)]
        sources: SourceArgs,
        /// The label of the first entity of each pair.
        #[arg(long, default_value = "person")]
        rows: String,
        /// The label of the second.
        #[arg(long, default_value = "region")]
        cols: String,
        /// Count sentences with both instead of documents (reads every text).
        #[arg(long)]
        by_sentence: bool,
        /// Output format.
        #[arg(long, value_enum, default_value_t = TableFormat::Csv)]
        format: TableFormat,
        /// At most this many pairs (0: all).
        #[arg(long, default_value_t = 0)]
        limit: usize,
    },
    /// Every place words, a phrase or a regular expression (`re:PATTERN`) occur, with the
    /// document's path and date, offsets and context. Chinese is matched inside longer words.
    Search {
        /// What to find: words one after another in any case, or re:PATTERN.
        query: String,
        /// Folders or files (default: the bundled corpus).
        paths: Vec<PathBuf>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = TableFormat::Jsonl)]
        format: TableFormat,
        /// At most this many hits (0: all).
        #[arg(long, default_value_t = 0)]
        limit: usize,
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
