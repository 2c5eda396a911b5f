//! `gazette extract` and `gazette export`: a corpus's mentions written in a chosen format.

use super::{annotate, open_corpus, Sources};
use crate::formats::export::{write, Destination, Format};
use crate::formats::Unit;
use std::io::Write;
use std::path::{Path, PathBuf};

/// Opens `paths`, gathers mentions from `sources`, and writes them as `format` to `out` (standard
/// output when None). Skipped files and problems in annotation files go to `err`.
pub fn run_write(
    paths: &[PathBuf],
    sources: &Sources,
    format: Format,
    unit: Unit,
    out_path: Option<&Path>,
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
    let (index, problems) = annotate(&corpus, sources);
    for p in &problems {
        writeln!(err, "gazette: {p}")?;
    }
    let destination = match out_path {
        Some(path) => Destination::Path(path),
        None => Destination::Stdout(out),
    };
    let written = write(&corpus, &index, format, unit, destination)?;
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
