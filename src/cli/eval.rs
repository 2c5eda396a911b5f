//! `gazette eval`: scores a predicted annotation against a gold one and prints the report.

use crate::corpus::Corpus;
use crate::eval::{align, Outcome, Pair, Prf, Scheme, Scores, Span};
use crate::formats::import::{DocRef, RawDoc};
use crate::formats::jsonl;
use crate::formats::offsets::byte_of_code_point;
use crate::session::open_corpus;
use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};

/// Options of `gazette eval`.
pub struct EvalArgs<'a> {
    pub gold: &'a Path,
    pub pred: &'a Path,
    pub per_doc: bool,
    pub errors: bool,
    pub paths: &'a [PathBuf],
}

/// Reads both files, scores, prints. Problems in the files go to `err`, naming file and line.
pub fn run_eval(args: &EvalArgs, out: &mut dyn Write, err: &mut dyn Write) -> std::io::Result<()> {
    let gold = read(args.gold, err)?;
    let pred = read(args.pred, err)?;
    // Figures that would mislead without a word: nothing to score, or two files about different
    // documents; and a corpus for --errors that is not there.
    if args.errors {
        if let Some(missing) = args.paths.iter().find(|p| !p.exists()) {
            return Err(std::io::Error::new(
                std::io::ErrorKind::NotFound,
                format!("{}: no such corpus for --errors", missing.display()),
            ));
        }
    }
    let mentions = |m: &BTreeMap<String, Vec<Span>>| m.values().map(Vec::len).sum::<usize>();
    if mentions(&gold) == 0 && mentions(&pred) == 0 {
        writeln!(
            err,
            "gazette: warning: neither {} nor {} has a mention: there is nothing to score",
            args.gold.display(),
            args.pred.display()
        )?;
    } else if !gold.is_empty() && !pred.is_empty() && gold.keys().all(|d| !pred.contains_key(d)) {
        writeln!(
            err,
            "gazette: warning: {} and {} have no document in common (is one of them for another corpus?)",
            args.gold.display(),
            args.pred.display()
        )?;
    }
    let mut docs: Vec<&str> = gold.keys().chain(pred.keys()).map(String::as_str).collect();
    docs.sort_unstable();
    docs.dedup();
    let mut total = Scores::default();
    let mut per_doc: Vec<(&str, Scores, Vec<Pair>)> = Vec::new();
    for doc in docs {
        let pairs = align(
            gold.get(doc).map_or(&[], Vec::as_slice),
            pred.get(doc).map_or(&[], Vec::as_slice),
        );
        let mut scores = Scores::default();
        scores.add(&pairs);
        total.add(&pairs);
        per_doc.push((doc, scores, pairs));
    }
    writeln!(
        out,
        "gold {} · predicted {}",
        args.gold.display(),
        args.pred.display()
    )?;
    writeln!(
        out,
        "{} documents · {} gold mentions · {} predicted\n",
        per_doc.len(),
        total.micro.gold,
        total.micro.pred
    )?;
    write_strict(out, &total)?;
    write_semeval(out, &total)?;
    if args.per_doc {
        write_per_doc(out, &per_doc)?;
    }
    if args.errors {
        let corpus = open_corpus(args.paths);
        write_errors(out, &per_doc, &corpus)?;
    }
    Ok(())
}

fn read(path: &Path, err: &mut dyn Write) -> std::io::Result<BTreeMap<String, Vec<Span>>> {
    let content = crate::formats::import::read_text(path)
        .map_err(|why| std::io::Error::other(format!("{}: {why}", path.display())))?;
    let (records, problems) = jsonl::read(&path.display().to_string(), &content);
    for p in problems {
        writeln!(err, "gazette: {p}")?;
    }
    Ok(records
        .into_iter()
        .filter_map(|RawDoc { doc, spans, .. }| {
            let DocRef::Path(doc) = doc else { return None };
            let spans = spans
                .into_iter()
                .map(|s| Span {
                    range: s.start..s.end,
                    label: crate::model::Label::from_name(&s.label),
                })
                .collect();
            Some((doc, spans))
        })
        .collect())
}

fn row(
    out: &mut dyn Write,
    name: &str,
    gold: usize,
    pred: usize,
    correct: usize,
    prf: Prf,
) -> std::io::Result<()> {
    writeln!(
        out,
        "{name:<12} {gold:>6} {pred:>6} {correct:>8} {:>10.3} {:>7.3} {:>7.3}",
        prf.precision, prf.recall, prf.f1
    )
}

fn write_strict(out: &mut dyn Write, s: &Scores) -> std::io::Result<()> {
    writeln!(out, "Strict: exact span and label")?;
    writeln!(
        out,
        "{:<12} {:>6} {:>6} {:>8} {:>10} {:>7} {:>7}",
        "label", "gold", "pred", "correct", "precision", "recall", "F1"
    )?;
    for (label, c) in &s.by_label {
        row(out, label.as_str(), c.gold, c.pred, c.correct, c.prf())?;
    }
    let m = &s.micro;
    row(out, "micro", m.gold, m.pred, m.correct, m.prf())?;
    writeln!(out)
}

fn write_semeval(out: &mut dyn Write, s: &Scores) -> std::io::Result<()> {
    let c = &s.semeval;
    writeln!(
        out,
        "SemEval-2013: correct {} · incorrect {} · partial {} · missed {} · spurious {}",
        c.correct, c.incorrect, c.partial, c.missed, c.spurious
    )?;
    writeln!(
        out,
        "{:<12} {:>10} {:>7} {:>7}",
        "scheme", "precision", "recall", "F1"
    )?;
    for scheme in Scheme::ALL {
        let p = s.scheme(scheme);
        writeln!(
            out,
            "{:<12} {:>10.3} {:>7.3} {:>7.3}",
            scheme.name(),
            p.precision,
            p.recall,
            p.f1
        )?;
    }
    writeln!(out)
}

fn write_per_doc(out: &mut dyn Write, docs: &[(&str, Scores, Vec<Pair>)]) -> std::io::Result<()> {
    writeln!(out, "Per document (strict)")?;
    let width = docs
        .iter()
        .map(|(d, ..)| d.chars().count())
        .max()
        .unwrap_or(8)
        .max(8);
    writeln!(
        out,
        "{:<width$} {:>6} {:>6} {:>8} {:>10} {:>7} {:>7}",
        "document", "gold", "pred", "correct", "precision", "recall", "F1"
    )?;
    for (doc, s, _) in docs {
        let m = &s.micro;
        let p = m.prf();
        writeln!(
            out,
            "{doc:<width$} {:>6} {:>6} {:>8} {:>10.3} {:>7.3} {:>7.3}",
            m.gold, m.pred, m.correct, p.precision, p.recall, p.f1
        )?;
    }
    writeln!(out)
}

/// Characters of context shown each side of a disagreement.
const CONTEXT: usize = 30;

fn write_errors(
    out: &mut dyn Write,
    docs: &[(&str, Scores, Vec<Pair>)],
    corpus: &Corpus,
) -> std::io::Result<()> {
    let disagreements: usize = docs
        .iter()
        .map(|(_, _, p)| p.iter().filter(|p| p.outcome != Outcome::Correct).count())
        .sum();
    writeln!(out, "Disagreements ({disagreements})")?;
    for (doc, _, pairs) in docs {
        let text = corpus
            .docs
            .iter()
            .find(|d| d.path == *doc)
            .map(|d| &*d.text);
        for p in pairs.iter().filter(|p| p.outcome != Outcome::Correct) {
            let describe = |who: &str, s: &Option<Span>| match s {
                Some(s) => format!("{who} {} {}", s.label.as_str(), quote(text, &s.range)),
                None => String::new(),
            };
            let sides = [describe("gold", &p.gold), describe("predicted", &p.pred)]
                .into_iter()
                .filter(|s| !s.is_empty())
                .collect::<Vec<_>>()
                .join(" · ");
            let range = p
                .gold
                .as_ref()
                .or(p.pred.as_ref())
                .map_or(0..0, |s| s.range.clone());
            let union = match (&p.gold, &p.pred) {
                (Some(g), Some(s)) => {
                    g.range.start.min(s.range.start)..g.range.end.max(s.range.end)
                }
                _ => range,
            };
            writeln!(out, "{doc}  {:<24} {sides}", p.outcome.name())?;
            if let Some(context) = text.and_then(|t| in_context(t, &union)) {
                writeln!(out, "    {context}")?;
            }
        }
    }
    Ok(())
}

/// The characters of a code-point range, quoted; the range alone without the document.
fn quote(text: Option<&str>, range: &std::ops::Range<usize>) -> String {
    match text.and_then(|t| {
        Some((
            byte_of_code_point(t, range.start)?,
            byte_of_code_point(t, range.end)?,
            t,
        ))
    }) {
        Some((a, b, t)) => format!("{:?} {}..{}", &t[a..b], range.start, range.end),
        None => format!("{}..{}", range.start, range.end),
    }
}

/// `…left [[span]] right…` on one line.
fn in_context(text: &str, range: &std::ops::Range<usize>) -> Option<String> {
    let a = byte_of_code_point(text, range.start)?;
    let b = byte_of_code_point(text, range.end)?;
    let left: String = text[..a]
        .chars()
        .rev()
        .take(CONTEXT)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    let right: String = text[b..].chars().take(CONTEXT).collect();
    let one_line =
        |s: &str| crate::text::sanitize::escape_str(&s.replace(['\n', '\r'], " ")).into_owned();
    Some(format!(
        "…{}[[{}]]{}…",
        one_line(&left),
        one_line(&text[a..b]),
        one_line(&right)
    ))
}
