//! `gazette profile NAME` and `gazette cooc`: an entity's profile as JSON, and who appears with
//! whom as CSV or JSONL, over the corpus's annotation (extracted or imported).

use crate::corpus::{Corpus, DocId};
pub use crate::explore::export::TableFormat;
use crate::explore::export::{places_table, search_places};
use crate::explore::{cooc, profile, Together};
use crate::index::{fold, EntityId, Index};
use crate::model::Label;
use crate::session::{annotate_keeping, load_extracted, Sources};
use std::io::Write;
use std::path::PathBuf;

/// What `cooc` counts.
#[derive(Debug, Clone)]
pub struct CoocArgs<'a> {
    pub paths: &'a [PathBuf],
    pub sources: &'a Sources,
    pub rows: &'a str,
    pub cols: &'a str,
    pub by_sentence: bool,
    pub format: TableFormat,
    /// At most this many pairs (0: all).
    pub limit: usize,
}

/// The corpus and its annotation, problems written to `err`.
fn load(
    paths: &[PathBuf],
    sources: &Sources,
    err: &mut dyn Write,
) -> std::io::Result<(Corpus, Index)> {
    let (corpus, extracted) = load_extracted(paths, sources);
    for w in &corpus.warnings {
        writeln!(err, "gazette: {w}")?;
    }
    let annotated = annotate_keeping(&corpus, sources, extracted, None);
    for p in annotated.problems.iter().chain(&annotated.notes) {
        writeln!(err, "gazette: {p}")?;
    }
    Ok((corpus, annotated.index))
}

/// The entity `name` names: one of whose names is `name` (ignoring case and accents), else one
/// whose name contains it; of several, the most mentioned.
pub fn find_named(index: &Index, name: &str) -> Result<EntityId, String> {
    let wanted = fold(name.trim());
    let most = |found: &mut dyn Iterator<Item = EntityId>| {
        found
            .filter(|&e| !index.entity(e).mentions.is_empty())
            .max_by_key(|&e| index.entity(e).mentions.len())
    };
    let names = index.search_names();
    let exact = most(
        &mut (names.iter())
            .filter(|n| *n.folded == *wanted)
            .map(|n| n.entity),
    );
    exact
        .or_else(|| {
            most(
                &mut (names.iter())
                    .filter(|n| n.folded.contains(&wanted))
                    .map(|n| n.entity),
            )
        })
        .ok_or_else(|| format!("no entity is named {name:?} in this corpus"))
}

/// Writes the profile of the entity named `name` as JSON.
pub fn run_profile(
    name: &str,
    paths: &[PathBuf],
    sources: &Sources,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> std::io::Result<()> {
    let (corpus, index) = load(paths, sources, err)?;
    let entity = find_named(&index, name).map_err(std::io::Error::other)?;
    let p = profile(&corpus, &index, entity);
    writeln!(
        out,
        "{}",
        crate::explore::export::profile_json(&corpus, &index, &p)
    )
}

/// Writes the pairs of entities that appear together.
pub fn run_cooc(args: &CoocArgs, out: &mut dyn Write, err: &mut dyn Write) -> std::io::Result<()> {
    let (rows, cols) = (Label::from_name(args.rows), Label::from_name(args.cols));
    let (corpus, index) = load(args.paths, args.sources, err)?;
    let docs: Vec<DocId> = DocId::all(corpus.docs.len()).collect();
    let together = match args.by_sentence {
        true => Together::Sentence,
        false => Together::Document,
    };
    let pairs = cooc(&corpus, &index, &docs, &rows, &cols, together);
    let limit = if args.limit == 0 {
        usize::MAX
    } else {
        args.limit
    };
    let shown = &pairs[..pairs.len().min(limit)];
    let table = crate::explore::export::pairs_table(&index, shown, together, args.format);
    out.write_all(table.as_bytes())
}

/// What `search` looks for and how it writes the hits.
#[derive(Debug, Clone)]
pub struct SearchArgs<'a> {
    pub query: &'a str,
    pub paths: &'a [PathBuf],
    pub format: TableFormat,
    /// At most this many hits (0: all).
    pub limit: usize,
    /// The cache folder the full-text index lives in (None: search by reading every text).
    pub cache_dir: Option<PathBuf>,
}

/// Writes every place `query` occurs: document path and date, offsets in code points, the text
/// found and its context.
pub fn run_search(
    args: &SearchArgs,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> std::io::Result<()> {
    use crate::search::{documents_with, TextIndex, TextQuery};
    let query = TextQuery::parse(args.query).map_err(std::io::Error::other)?;
    let corpus = crate::session::open_corpus(args.paths);
    for w in &corpus.warnings {
        writeln!(err, "gazette: {w}")?;
    }
    let index = match &args.cache_dir {
        Some(dir) if !args.paths.is_empty() => {
            let at = crate::search::index::dir_for(dir, args.paths);
            match TextIndex::open(&at, &crate::search::index::inputs(&corpus), &|_, _| {}) {
                Ok(index) => Some(index),
                Err(e) => {
                    writeln!(err, "gazette: {e}; searching by reading every text")?;
                    None
                }
            }
        }
        _ => None,
    };
    let all: Vec<DocId> = DocId::all(corpus.docs.len()).collect();
    let docs =
        documents_with(&corpus, index.as_ref(), &all, &query).map_err(std::io::Error::other)?;
    let limit = if args.limit == 0 {
        usize::MAX
    } else {
        args.limit
    };
    let places = search_places(&corpus, &docs, &query, limit);
    out.write_all(places_table(&places, args.format).as_bytes())?;
    let written = places.len();
    writeln!(
        err,
        "gazette: {written} hit{}",
        if written == 1 { "" } else { "s" }
    )
}
