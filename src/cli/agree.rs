//! `gazette agree`: how far two reviewers agree, each with a review database over the same
//! corpus. Over the mentions both decided: Cohen's kappa on what they decided (accept, reject,
//! relabel as each label, move the boundaries), and the F1 of one reviewed annotation against the
//! other, per label and per document; then every mention they decided differently.

use crate::review::agreement::agreement;
use crate::review::{Decision, Store};
use crate::session::{annotate_keeping, load_extracted, Sources};
use std::io::Write;
use std::path::PathBuf;

/// What `agree` compares.
pub struct AgreeArgs<'a> {
    pub first: &'a PathBuf,
    pub second: &'a PathBuf,
    pub paths: &'a [PathBuf],
    pub sources: &'a Sources,
}

/// Writes the agreement of the two databases' reviewers to `out`.
pub fn run_agree(
    args: &AgreeArgs,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> std::io::Result<()> {
    let (corpus, extracted) = load_extracted(args.paths, args.sources);
    for w in &corpus.warnings {
        writeln!(err, "gazette: {w}")?;
    }
    let annotated = annotate_keeping(&corpus, args.sources, extracted, None);
    for p in annotated.problems.iter().chain(&annotated.notes) {
        writeln!(err, "gazette: {p}")?;
    }
    let index = annotated.index;
    let read = |path: &PathBuf| -> std::io::Result<Vec<Decision>> {
        if !path.exists() {
            return Err(std::io::Error::other(format!(
                "{}: no such review database",
                path.display()
            )));
        }
        Store::open(path)
            .and_then(|s| s.decisions())
            .map_err(|e| std::io::Error::other(e.to_string()))
    };
    let (a, b) = (read(args.first)?, read(args.second)?);
    let agreed = agreement(&corpus, &index.mentions, &a, &b);
    let name = |p: &PathBuf| p.display().to_string();
    writeln!(
        out,
        "first:  {} ({} mentions decided)",
        name(args.first),
        agreed.first_decided
    )?;
    writeln!(
        out,
        "second: {} ({} mentions decided)",
        name(args.second),
        agreed.second_decided
    )?;
    writeln!(out, "decided by both: {}", agreed.both)?;
    match agreed.kappa {
        Some((kappa, observed, chance)) => writeln!(
            out,
            "Cohen's kappa: {kappa:.3} (observed agreement {observed:.3}, by chance {chance:.3})"
        )?,
        None => writeln!(out, "Cohen's kappa: — (no mention decided by both)")?,
    }
    writeln!(out)?;
    writeln!(
        out,
        "The second reviewer's annotation scored against the first's (strict)"
    )?;
    writeln!(
        out,
        "{:<12} {:>6} {:>6} {:>8} {:>10} {:>7} {:>7}",
        "label", "first", "second", "both", "precision", "recall", "F1"
    )?;
    let total = &agreed.total;
    for (label, c) in total.rows("micro") {
        let p = c.prf();
        writeln!(
            out,
            "{:<12} {:>6} {:>6} {:>8} {:>10.3} {:>7.3} {:>7.3}",
            label, c.gold, c.pred, c.correct, p.precision, p.recall, p.f1
        )?;
    }
    writeln!(out)?;
    writeln!(out, "Per document (strict F1)")?;
    for (doc, s) in &agreed.per_doc {
        writeln!(
            out,
            "{:.3}  {}",
            s.micro.prf().f1,
            corpus.docs[doc.index()].path
        )?;
    }
    writeln!(out)?;
    writeln!(out, "Decided differently ({})", agreed.differ.len())?;
    for d in &agreed.differ {
        writeln!(
            out,
            "{} {}–{} {} {:?}: first {}, second {}",
            d.doc, d.start, d.end, d.label, d.text, d.first, d.second
        )?;
    }
    Ok(())
}
