//! Writing a corpus's mentions in any of the formats: one JSONL file (or standard output), or a
//! brat folder of `.txt` and `.ann` pairs.

use super::offsets::Unit;
use super::{brat, doccano, jsonl, spacy};
use crate::corpus::Corpus;
use crate::corpus::DocId;
use crate::formats::import::DocBrat;
use crate::index::Index;
use crate::model::Status;
use clap::ValueEnum;
use std::collections::HashMap;
use std::io::Write;
use std::path::{Path, PathBuf};

/// The formats gazette writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// gazette JSONL: one line per document.
    Jsonl,
    /// brat standoff: a folder of DOC.txt and DOC.ann.
    Brat,
    /// doccano JSONL (`label` variant).
    Doccano,
    /// spaCy / Prodigy JSONL (`spans`).
    Spacy,
}

/// Where output goes.
pub enum Destination<'a> {
    /// Standard output (JSONL formats only).
    Stdout(&'a mut dyn Write),
    /// A file (JSONL formats) or a folder (brat).
    Path(&'a Path),
}

/// What an export may carry beside the mentions.
#[derive(Debug, Clone, Copy, Default)]
pub struct Extras<'a> {
    /// Each mention's review status (aligned with the index's mentions).
    pub statuses: Option<&'a [Status]>,
    /// brat material read on import, given back to brat exports.
    pub brat: Option<&'a HashMap<DocId, DocBrat>>,
    /// Documents a reviewer ignored: not written.
    pub ignored: Option<&'a std::collections::BTreeSet<DocId>>,
}

/// Writes every document's mentions. Returns the files written.
pub fn write(
    corpus: &Corpus,
    index: &Index,
    extras: Extras,
    format: Format,
    unit: Unit,
    to: Destination,
) -> std::io::Result<Vec<PathBuf>> {
    let statuses = extras.statuses;
    if statuses.is_some() && format == Format::Doccano {
        return Err(std::io::Error::other("doccano's labels cannot carry a review status: use jsonl, brat or spacy with --with-status"));
    }
    let statuses_of = |doc: crate::corpus::DocId| statuses.map(|s| &s[index.doc_mention_ids(doc)]);
    // A document whose file is gone or changed since it was opened is not written: its mentions
    // would be written over a notice, not over its text.
    let unavailable: Vec<String> = (corpus.docs.iter())
        .filter_map(|d| {
            d.text
                .unavailable()
                .map(|why| format!("{}: {why}; not written", d.path))
        })
        .collect();
    let written = write_available(corpus, index, extras, format, unit, to, &statuses_of)?;
    if unavailable.is_empty() {
        Ok(written)
    } else {
        Err(std::io::Error::other(unavailable.join("\n")))
    }
}

/// [`write`] for the documents whose text is theirs.
fn write_available<'s>(
    corpus: &Corpus,
    index: &Index,
    extras: Extras,
    format: Format,
    unit: Unit,
    to: Destination,
    statuses_of: &impl Fn(crate::corpus::DocId) -> Option<&'s [Status]>,
) -> std::io::Result<Vec<PathBuf>> {
    if format == Format::Brat {
        let Destination::Path(dir) = to else {
            return Err(std::io::Error::other(
                "brat writes a folder of files: give --out FOLDER",
            ));
        };
        return write_brat(corpus, index, statuses_of, extras, dir);
    }
    let ignored = extras.ignored;
    // Each line goes out as it is made: a corpus's output is never held whole in memory.
    let (mut sink, path): (Box<dyn Write + '_>, Option<&Path>) = match to {
        Destination::Stdout(out) => (Box::new(std::io::BufWriter::new(out)), None),
        Destination::Path(path) => {
            if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
                std::fs::create_dir_all(parent)?;
            }
            let file = std::fs::File::create(path).map_err(|e| named(path, e))?;
            (Box::new(std::io::BufWriter::new(file)), Some(path))
        }
    };
    let named_error = |e: std::io::Error| match path {
        Some(path) => named(path, e),
        None => e,
    };
    for doc in corpus
        .docs
        .iter()
        .filter(|d| d.text.unavailable().is_none())
        .filter(|d| ignored.is_none_or(|i| !i.contains(&d.id)))
    {
        let mentions = index.doc_mentions(doc.id);
        let names: Vec<&str> = index
            .doc_mention_ids(doc.id)
            .map(|i| {
                index
                    .entity(index.entity_of(crate::index::MentionId(i as u32)))
                    .name
                    .as_str()
            })
            .collect();
        let line = match format {
            Format::Jsonl => {
                let statuses = statuses_of(doc.id);
                (jsonl::write_doc_line(&mut sink, doc, mentions, &names, statuses, unit))
                    .and_then(|()| sink.write_all(b"\n"))
                    .map_err(named_error)?;
                continue;
            }
            Format::Doccano => doccano::doc_line(doc, mentions, unit),
            Format::Spacy => spacy::doc_line(doc, mentions, statuses_of(doc.id), unit),
            Format::Brat => unreachable!("handled above"),
        };
        let line = crate::text::sanitize::json_safe(&line);
        (sink.write_all(line.as_bytes()))
            .and_then(|()| sink.write_all(b"\n"))
            .map_err(named_error)?;
    }
    sink.flush().map_err(named_error)?;
    Ok(path.map(Path::to_path_buf).into_iter().collect())
}

fn write_brat<'s>(
    corpus: &Corpus,
    index: &Index,
    statuses_of: impl Fn(crate::corpus::DocId) -> Option<&'s [Status]>,
    extras: Extras,
    dir: &Path,
) -> std::io::Result<Vec<PathBuf>> {
    let (kept, ignored) = (extras.brat, extras.ignored);
    let mut written = Vec::new();
    for doc in corpus
        .docs
        .iter()
        .filter(|d| d.text.unavailable().is_none())
        .filter(|d| ignored.is_none_or(|i| !i.contains(&d.id)))
    {
        let txt = dir.join(&doc.path).with_extension("txt");
        if let Some(parent) = txt.parent() {
            std::fs::create_dir_all(parent).map_err(|e| named(parent, e))?;
        }
        let names: Vec<&str> = index
            .doc_mention_ids(doc.id)
            .map(|i| {
                index
                    .entity(index.entity_of(crate::index::MentionId(i as u32)))
                    .name
                    .as_str()
            })
            .collect();
        let ann = txt.with_extension("ann");
        // The text is written as decoded, so brat's offsets and gazette's agree on every byte.
        std::fs::write(&txt, doc.text.as_bytes()).map_err(|e| named(&txt, e))?;
        std::fs::write(
            &ann,
            brat::ann(
                doc,
                index.doc_mentions(doc.id),
                &names,
                statuses_of(doc.id),
                kept.and_then(|k| k.get(&doc.id)),
            ),
        )
        .map_err(|e| named(&ann, e))?;
        written.extend([txt, ann]);
    }
    Ok(written)
}

fn named(path: &Path, e: std::io::Error) -> std::io::Error {
    std::io::Error::new(e.kind(), format!("{}: {e}", path.display()))
}
