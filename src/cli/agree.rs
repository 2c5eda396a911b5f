//! `gazette agree`: how far two reviewers agree, each with a review database over the same
//! corpus. Over the mentions both decided: Cohen's kappa on what they decided (accept, reject,
//! relabel as each label, move the boundaries), and the F1 of one reviewed annotation against the
//! other, per label and per document; then every mention they decided differently.

use crate::corpus::DocId;
use crate::eval::{align, Scores, Span};
use crate::review::{layer, reviewed, Decision, Store, Verdict};
use crate::session::{annotate_keeping, load_extracted, Sources};
use std::collections::BTreeMap;
use std::io::Write;
use std::path::PathBuf;

/// What `agree` compares.
pub struct AgreeArgs<'a> {
    pub first: &'a PathBuf,
    pub second: &'a PathBuf,
    pub paths: &'a [PathBuf],
    pub sources: &'a Sources,
}

/// A mention as decisions name it: document, span in code points, label as extracted.
type MentionKey = (String, usize, usize, String);

/// A reviewer's final decision about a mention, as a category, and the mention's text.
type Decided = (String, String);

/// Each mention's final decision in `decisions` (the last one about it), as a category.
fn final_decisions(decisions: &[Decision]) -> BTreeMap<MentionKey, Decided> {
    let mut out = BTreeMap::new();
    // Entity decisions are about no one mention: their agreement is not measured here.
    for d in decisions.iter().filter(|d| !d.is_about_entity()) {
        let key = (d.doc.clone(), d.start.0, d.end.0, d.label.clone());
        let category = match &d.verdict {
            // Putting a mention in another entity keeps the mention: an accept, unless it was
            // already decided otherwise.
            Verdict::Link { .. } if out.contains_key(&key) => continue,
            Verdict::Link { .. } => "accept".to_string(),
            Verdict::Merge { .. } | Verdict::Rename(_) | Verdict::Ignore(_) => continue,
            Verdict::Accept => "accept".to_string(),
            Verdict::Reject => "reject".to_string(),
            Verdict::Relabel(l) => format!("relabel as {}", l.as_str()),
            Verdict::Adjust { start, end } => format!("boundaries to {}–{}", start.0, end.0),
            Verdict::Add => "add".to_string(),
        };
        out.insert(key, (category, d.text.clone()));
    }
    out
}

/// Cohen's kappa of two raters' categories over the same items, with the observed and the
/// chance agreement; None without items.
pub fn cohen_kappa(pairs: &[(&str, &str)]) -> Option<(f64, f64, f64)> {
    if pairs.is_empty() {
        return None;
    }
    let n = pairs.len() as f64;
    let observed = pairs.iter().filter(|(a, b)| a == b).count() as f64 / n;
    let mut first: BTreeMap<&str, f64> = BTreeMap::new();
    let mut second: BTreeMap<&str, f64> = BTreeMap::new();
    for (a, b) in pairs {
        *first.entry(a).or_default() += 1.0 / n;
        *second.entry(b).or_default() += 1.0 / n;
    }
    let chance: f64 = (first.iter())
        .map(|(k, p)| p * second.get(k).copied().unwrap_or(0.0))
        .sum();
    let kappa = match chance < 1.0 {
        true => (observed - chance) / (1.0 - chance),
        false => 1.0,
    };
    Some((kappa, observed, chance))
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
    let (fa, fb) = (final_decisions(&a), final_decisions(&b));
    let both: Vec<(&MentionKey, &Decided, &Decided)> = (fa.iter())
        .filter_map(|(k, da)| fb.get(k).map(|db| (k, da, db)))
        .collect();
    let name = |p: &PathBuf| p.display().to_string();
    writeln!(
        out,
        "first:  {} ({} mentions decided)",
        name(args.first),
        fa.len()
    )?;
    writeln!(
        out,
        "second: {} ({} mentions decided)",
        name(args.second),
        fb.len()
    )?;
    writeln!(out, "decided by both: {}", both.len())?;
    let pairs: Vec<(&str, &str)> = both
        .iter()
        .map(|(_, x, y)| (x.0.as_str(), y.0.as_str()))
        .collect();
    match cohen_kappa(&pairs) {
        Some((kappa, observed, chance)) => writeln!(
            out,
            "Cohen's kappa: {kappa:.3} (observed agreement {observed:.3}, by chance {chance:.3})"
        )?,
        None => writeln!(out, "Cohen's kappa: — (no mention decided by both)")?,
    }
    // Each reviewer's annotation after review; the second scored against the first.
    let annotation = |decisions: &[Decision]| {
        reviewed(&corpus, &layer(&corpus, &index.mentions, decisions), false).0
    };
    let (first, second) = (annotation(&a), annotation(&b));
    let spans = |index: &crate::index::Index, doc: DocId| -> Vec<Span> {
        (index.doc_mentions(doc).iter())
            .map(|m| Span {
                range: m.span.clone(),
                label: m.label.clone(),
            })
            .collect()
    };
    let mut total = Scores::default();
    let mut per_doc = Vec::new();
    for doc in &corpus.docs {
        let pairs = align(&spans(&first, doc.id), &spans(&second, doc.id));
        let mut s = Scores::default();
        s.add(&pairs);
        total.add(&pairs);
        per_doc.push((doc, s));
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
    for (label, c) in total.by_label.iter().chain(std::iter::once((
        &crate::model::Label::Other("micro".into()),
        &total.micro,
    ))) {
        let p = c.prf();
        writeln!(
            out,
            "{:<12} {:>6} {:>6} {:>8} {:>10.3} {:>7.3} {:>7.3}",
            label.as_str(),
            c.gold,
            c.pred,
            c.correct,
            p.precision,
            p.recall,
            p.f1
        )?;
    }
    writeln!(out)?;
    writeln!(out, "Per document (strict F1)")?;
    for (doc, s) in &per_doc {
        if s.micro.gold + s.micro.pred > 0 {
            writeln!(out, "{:.3}  {}", s.micro.prf().f1, doc.path)?;
        }
    }
    let differ: Vec<_> = both.iter().filter(|(_, x, y)| x.0 != y.0).collect();
    writeln!(out)?;
    writeln!(out, "Decided differently ({})", differ.len())?;
    for ((doc, start, end, label), x, y) in differ {
        writeln!(
            out,
            "{doc} {start}–{end} {label} {:?}: first {}, second {}",
            x.1, x.0, y.0
        )?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::cohen_kappa;

    #[test]
    fn kappa_as_computed_by_hand() {
        // Four mentions: agreed on three; the first rater 1 reject, 2 accept, 1 relabel, the
        // second 2 reject, 1 accept, 1 relabel. Observed 0.75; by chance
        // 0.25·0.5 + 0.5·0.25 + 0.25·0.25 = 0.3125; kappa 0.4375 / 0.6875.
        let pairs = [
            ("reject", "reject"),
            ("accept", "reject"),
            ("relabel as ORG", "relabel as ORG"),
            ("accept", "accept"),
        ];
        let (kappa, observed, chance) = cohen_kappa(&pairs).unwrap();
        assert!((observed - 0.75).abs() < 1e-9);
        assert!((chance - 0.3125).abs() < 1e-9);
        assert!((kappa - 0.4375 / 0.6875).abs() < 1e-9);
        assert_eq!(cohen_kappa(&[]), None);
        assert_eq!(cohen_kappa(&[("accept", "accept")]).unwrap().0, 1.0);
    }
}
