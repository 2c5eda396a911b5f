//! `gazette extract` and `gazette export`: a corpus's mentions written in a chosen format.

use crate::formats::export::{write, Destination, Extras, Format};
use crate::formats::Unit;
use crate::review::{layer, reviewed, Store};
use crate::session::{annotate_keeping, default_store, load_extracted, Sources};
use std::io::Write;
use std::path::{Path, PathBuf};

/// Which review decisions an export applies.
#[derive(Debug, Clone, Default)]
pub struct ReviewArgs {
    /// The review database (None: the corpus's default one, if it exists).
    pub store: Option<PathBuf>,
    /// Apply the decisions at all (`export` does, `extract` does not).
    pub apply: bool,
    /// Keep every mention, rejected ones too, with its status.
    pub with_status: bool,
    /// Only this reviewer's decisions.
    pub reviewer: Option<String>,
}

/// Opens `paths`, gathers mentions from `sources`, applies the review decisions `review` asks
/// for, and writes them as `format` to `out` (standard output when None). Skipped files and
/// problems in annotation files go to `err`.
#[allow(clippy::too_many_arguments)]
pub fn run_write(
    paths: &[PathBuf],
    sources: &Sources,
    review: &ReviewArgs,
    format: Format,
    unit: Unit,
    out_path: Option<&Path>,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> std::io::Result<()> {
    let (corpus, extracted) = load_extracted(paths, sources);
    for w in &corpus.warnings {
        writeln!(err, "gazette: {w}")?;
    }
    if corpus.docs.is_empty() {
        let why = if corpus.warnings.is_empty() {
            " (no .txt or .md file in it)"
        } else {
            ""
        };
        let paths: Vec<String> = paths.iter().map(|p| p.display().to_string()).collect();
        return Err(std::io::Error::other(format!(
            "no document could be read from {}{why}",
            paths.join(", ")
        )));
    }
    let annotated = annotate_keeping(&corpus, sources, extracted, None);
    for p in annotated.problems.iter().chain(&annotated.notes) {
        writeln!(err, "gazette: {p}")?;
    }
    let (index, kept) = (annotated.index, annotated.brat);
    let destination = match out_path {
        Some(path) => Destination::Path(path),
        None => Destination::Stdout(out),
    };
    let mut ignored = std::collections::BTreeSet::new();
    let (index, statuses) = if review.apply {
        let path = review
            .store
            .clone()
            .unwrap_or_else(|| default_store(&corpus));
        let decisions = if path.exists() {
            Store::open(&path)
                .and_then(|s| match &review.reviewer {
                    Some(name) => s.decisions_of(name),
                    None => s.decisions(),
                })
                .map_err(|e| std::io::Error::other(e.to_string()))?
        } else if review.store.is_some() {
            return Err(std::io::Error::other(format!(
                "{}: no such review database",
                path.display()
            )));
        } else {
            Vec::new()
        };
        let ignored_paths = crate::review::ignored_paths(&decisions);
        ignored = (corpus.docs.iter())
            .filter(|d| ignored_paths.contains(d.path.as_str()))
            .map(|d| d.id)
            .collect();
        if !ignored.is_empty() {
            writeln!(
                err,
                "gazette: {} document(s) ignored in review left out",
                ignored.len()
            )?;
        }
        let layered = layer(&corpus, &index.mentions, &decisions);
        let orphans = &layered.orphans;
        if !orphans.is_empty() {
            writeln!(
                err,
                "gazette: {} decision(s) in {} no longer match a mention and were not applied",
                orphans.len(),
                path.display()
            )?;
        }
        let (reviewed_index, statuses) = reviewed(&corpus, &layered, review.with_status);
        (reviewed_index, review.with_status.then_some(statuses))
    } else {
        (index, None)
    };
    let written = write(
        &corpus,
        &index,
        Extras {
            statuses: statuses.as_deref(),
            brat: Some(&kept),
            ignored: Some(&ignored),
        },
        format,
        unit,
        destination,
    )?;
    if !written.is_empty() {
        writeln!(
            err,
            "gazette: wrote {} file{}",
            written.len(),
            if written.len() == 1 { "" } else { "s" }
        )?;
    }
    Ok(())
}
