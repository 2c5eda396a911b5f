//! `gazette profile NAME` and `gazette cooc`: an entity's profile as JSON, and who appears with
//! whom as CSV or JSONL, over the corpus's annotation (extracted or imported).

use crate::corpus::{Corpus, DocId};
use crate::explore::{cooc, profile, Together};
use crate::index::{fold, EntityId, Index};
use crate::model::Label;
use crate::session::{annotate_keeping, load_extracted, Sources};
use serde_json::json;
use std::io::Write;
use std::path::PathBuf;

/// How `cooc` writes its pairs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum TableFormat {
    Csv,
    Jsonl,
}

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
    let e = index.entity(entity);
    let with = |list: &[crate::explore::With], unit: &str| -> Vec<serde_json::Value> {
        (list.iter().take(50))
            .map(|w| {
                let other = index.entity(w.entity);
                json!({"entity": other.name, "label": other.label.as_str(), unit: w.count})
            })
            .collect()
    };
    let value = json!({
        "entity": e.name,
        "label": e.label.as_str(),
        "key": &*e.key,
        "mentions": p.mentions,
        "documents": p.docs,
        "first_date": p.first_date,
        "last_date": p.last_date,
        "names": p.names.iter().map(|(n, c)| json!({"name": n, "mentions": c})).collect::<Vec<_>>(),
        "months": p.months.iter().map(|(m, c)| json!({"month": m, "mentions": c})).collect::<Vec<_>>(),
        "undated_mentions": p.undated,
        "with_by_document": with(&p.with_by_doc, "documents"),
        "with_by_sentence": with(&p.with_by_sentence, "sentences"),
        "roles": p.roles,
        "texts_read": p.texts_read,
        "texts_capped": p.texts_capped,
        "documents_listed": (e.docs.iter().take(1000)).map(|&d| doc_json(&corpus, d)).collect::<Vec<_>>(),
    });
    let text = serde_json::to_string_pretty(&value).map_err(std::io::Error::other)?;
    writeln!(out, "{}", crate::text::sanitize::json_safe(&text))
}

/// A document as the JSON outputs name it: its path and date.
fn doc_json(corpus: &Corpus, d: DocId) -> serde_json::Value {
    let doc = &corpus.docs[d.index()];
    json!({"path": doc.path, "date": doc.meta.date})
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
    let unit = if args.by_sentence {
        "sentences"
    } else {
        "documents"
    };
    let limit = if args.limit == 0 {
        usize::MAX
    } else {
        args.limit
    };
    match args.format {
        TableFormat::Csv => {
            let mut w = csv::Writer::from_writer(Vec::new());
            let header = ["row", "row_label", "col", "col_label", unit];
            w.write_record(header).map_err(std::io::Error::other)?;
            for p in pairs.iter().take(limit) {
                let (r, c) = (index.entity(p.row), index.entity(p.col));
                let count = p.count.to_string();
                let record = [
                    &*r.name,
                    r.label.as_str(),
                    &*c.name,
                    c.label.as_str(),
                    &*count,
                ];
                w.write_record(record).map_err(std::io::Error::other)?;
            }
            let bytes = w
                .into_inner()
                .map_err(|e| std::io::Error::other(e.to_string()))?;
            out.write_all(&bytes)
        }
        TableFormat::Jsonl => {
            for p in pairs.iter().take(limit) {
                let (r, c) = (index.entity(p.row), index.entity(p.col));
                let line = json!({
                    "row": r.name, "row_label": r.label.as_str(),
                    "col": c.name, "col_label": c.label.as_str(),
                    unit: p.count,
                });
                writeln!(
                    out,
                    "{}",
                    crate::text::sanitize::json_safe(&line.to_string())
                )?;
            }
            Ok(())
        }
    }
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
    let mut csv = csv::Writer::from_writer(Vec::new());
    if args.format == TableFormat::Csv {
        let header = ["path", "date", "start", "end", "text", "left", "right"];
        csv.write_record(header).map_err(std::io::Error::other)?;
    }
    let mut written = 0;
    'docs: for d in docs {
        let doc = &corpus.docs[d.index()];
        let Ok(text) = doc.text.read_unheld() else {
            continue;
        };
        let map = crate::formats::offsets::OffsetMap::new(&text);
        for hit in query.hits_in(&text) {
            if written == limit {
                break 'docs;
            }
            written += 1;
            let (left, right) = crate::search::context(&text, hit.clone(), 40);
            let (start, end) = (map.code_point_of(hit.start).0, map.code_point_of(hit.end).0);
            let found = &text[hit];
            match args.format {
                TableFormat::Csv => {
                    let (start, end) = (start.to_string(), end.to_string());
                    let date = doc.meta.date.as_deref().unwrap_or("");
                    let record = [&*doc.path, date, &*start, &*end, found, &*left, &*right];
                    csv.write_record(record).map_err(std::io::Error::other)?;
                }
                TableFormat::Jsonl => {
                    let line = json!({
                        "path": doc.path, "date": doc.meta.date, "start": start, "end": end,
                        "text": found, "left": left, "right": right,
                    });
                    writeln!(
                        out,
                        "{}",
                        crate::text::sanitize::json_safe(&line.to_string())
                    )?;
                }
            }
        }
    }
    if args.format == TableFormat::Csv {
        let bytes = csv
            .into_inner()
            .map_err(|e| std::io::Error::other(e.to_string()))?;
        out.write_all(&bytes)?;
    }
    writeln!(
        err,
        "gazette: {written} hit{}",
        if written == 1 { "" } else { "s" }
    )
}
