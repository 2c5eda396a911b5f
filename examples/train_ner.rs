//! Trains the learned recognizer (assets/ner_zh.bin): an averaged perceptron over the
//! characters of Chinese lines, from
//! - sentences of Universal Dependencies treebanks (CoNLL-U), labelled by distant supervision:
//!   the rules' mentions, and the treebank's proper nouns (PROPN) typed by jieba's dictionary
//!   tags or by the name tables (a surname and given-name characters);
//! - hand-annotated articles of the development set's tuning half (gazette JSONL and the folder
//!   of texts it annotates).
//!
//! `cargo run --release --example train_ner -- --out assets/ner_zh.bin \
//!     --conllu FILE.conllu … --gold tests/gold/devtune.jsonl=tests/gold/devtune …`
//! (assets/SOURCES.md names the files). The same inputs give the same weights.

use clap::Parser;
use gazette::corpus::{DocId, Document, SourceEncoding};
use gazette::extract::learned::{training_line, Tag, Trainer, WIDTH};
use gazette::extract::script::simplified;
use gazette::extract::segment;
use gazette::extract::tables::TABLES;
use gazette::extract::Extractor;
use gazette::model::Label;
use std::ops::Range;
use std::process::ExitCode;

#[derive(Parser)]
struct Args {
    /// Where to write the weights.
    #[arg(long)]
    out: String,
    /// A CoNLL-U treebank in Chinese.
    #[arg(long)]
    conllu: Vec<String>,
    /// A gold annotation and its texts, `FILE.jsonl=DIR`.
    #[arg(long)]
    gold: Vec<String>,
    /// Passes over the training lines.
    #[arg(long, default_value_t = 10)]
    epochs: usize,
    /// Feature buckets, as a power of two.
    #[arg(long, default_value_t = 18)]
    bits: u32,
    /// Copies of each line with persons, their names replaced by names made from the tables.
    #[arg(long, default_value_t = 6)]
    copies: usize,
}

/// A line to learn from: its text (simplified script) and its labelled spans (bytes).
type Example = (String, Vec<(Range<usize>, Label)>);

fn main() -> ExitCode {
    let args = Args::parse();
    let mut examples: Vec<Example> = Vec::new();
    for path in &args.conllu {
        match std::fs::read_to_string(path) {
            Ok(text) => {
                let before = examples.len();
                examples.extend(treebank_lines(&text));
                eprintln!("{path}: {} sentences", examples.len() - before);
            }
            Err(e) => {
                eprintln!("train_ner: {path}: {e}");
                return ExitCode::FAILURE;
            }
        }
    }
    for spec in &args.gold {
        let Some((jsonl, dir)) = spec.split_once('=') else {
            eprintln!("train_ner: --gold wants FILE.jsonl=DIR, not {spec}");
            return ExitCode::FAILURE;
        };
        match gold_lines(jsonl, dir) {
            Ok(lines) => {
                eprintln!("{jsonl}: {} Chinese lines", lines.len());
                examples.extend(lines);
            }
            Err(e) => {
                eprintln!("train_ner: {e}");
                return ExitCode::FAILURE;
            }
        }
    }
    let mut names = NameMaker::new();
    let copies: Vec<Example> = examples
        .iter()
        .filter(|(_, gold)| gold.iter().any(|(_, l)| *l == Label::Person))
        .flat_map(|e| {
            (0..args.copies)
                .map(|_| names.replace_persons(e))
                .collect::<Vec<_>>()
        })
        .collect();
    eprintln!("{} lines with made-up names", copies.len());
    examples.extend(copies);
    let prepared: Vec<(Vec<u32>, Vec<Tag>)> = examples
        .iter()
        .map(|(line, gold)| training_line(line, gold))
        .filter(|(_, tags)| !tags.is_empty())
        .collect();
    let mut trainer = Trainer::new(1 << args.bits);
    let mut order: Vec<usize> = (0..prepared.len()).collect();
    let mut rng = Xorshift(0x2545_F491_4F6C_DD1D);
    for epoch in 0..args.epochs {
        // Fisher–Yates with a fixed seed: the same order on every run.
        for i in (1..order.len()).rev() {
            order.swap(i, rng.below(i + 1));
        }
        let right = order
            .iter()
            .filter(|&&i| trainer.learn(&prepared[i].0, WIDTH, &prepared[i].1))
            .count();
        eprintln!(
            "epoch {}: {right} of {} lines already right",
            epoch + 1,
            prepared.len()
        );
    }
    if let Err(e) = std::fs::write(&args.out, trainer.to_bytes()) {
        eprintln!("train_ner: {}: {e}", args.out);
        return ExitCode::FAILURE;
    }
    ExitCode::SUCCESS
}

/// A fixed-seed xorshift generator: the same numbers on every run, so training is reproducible.
struct Xorshift(u64);

impl Xorshift {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    /// A number in 0..n.
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    /// A number in [0, 1).
    fn uniform(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }

    /// One of `items`, drawn in proportion to its weight.
    fn weighted<'i, T>(&mut self, items: &'i [(T, f64)]) -> &'i T {
        let total: f64 = items.iter().map(|i| i.1).sum();
        let mut at = self.uniform() * total;
        for (item, w) in items {
            if at < *w {
                return item;
            }
            at -= w;
        }
        &items[items.len() - 1].0
    }
}

/// Makes up names: Chinese ones from the surname and given-name tables (drawn by frequency),
/// foreign ones from the transliteration characters — so that the model learns what a name
/// looks like, not the names of its training text.
struct NameMaker {
    rng: Xorshift,
    surnames: Vec<(String, f64)>,
    given: Vec<(char, f64)>,
    foreign: Vec<char>,
}

impl NameMaker {
    fn new() -> Self {
        let mut surnames: Vec<(String, f64)> = TABLES
            .surnames_zh
            .iter()
            .map(|(s, p)| (s.clone(), *p))
            .collect();
        surnames.sort_by(|a, b| a.0.cmp(&b.0));
        let mut given: Vec<(char, f64)> =
            TABLES.given_chars.iter().map(|(c, p)| (*c, *p)).collect();
        given.sort_by_key(|g| g.0);
        let foreign = include_str!("../assets/transliteration_chars.txt")
            .lines()
            .filter(|l| !l.starts_with('#'))
            .flat_map(str::chars)
            .collect();
        NameMaker {
            rng: Xorshift(0x9E37_79B9_7F4A_7C15),
            surnames,
            given,
            foreign,
        }
    }

    fn name(&mut self) -> String {
        let rng = &mut self.rng;
        if rng.uniform() < 0.15 {
            let len = 2 + rng.below(3);
            return (0..len)
                .map(|_| self.foreign[rng.below(self.foreign.len())])
                .collect();
        }
        let mut name = rng.weighted(&self.surnames).clone();
        let len = if rng.uniform() < 0.3 { 1 } else { 2 };
        for _ in 0..len {
            name.push(*rng.weighted(&self.given));
        }
        name
    }

    /// `example` with every person's name replaced by a made-up one.
    fn replace_persons(&mut self, (line, gold): &Example) -> Example {
        let mut spans = gold.clone();
        spans.sort_by_key(|(s, _)| s.start);
        let mut text = String::new();
        let mut out = Vec::new();
        let mut at = 0;
        for (span, label) in spans {
            if span.start < at {
                continue;
            }
            text.push_str(&line[at..span.start]);
            let start = text.len();
            if label == Label::Person && !line[span.clone()].is_ascii() {
                text.push_str(&self.name());
            } else {
                text.push_str(&line[span.clone()]);
            }
            out.push((start..text.len(), label));
            at = span.end;
        }
        text.push_str(&line[at..]);
        (text, out)
    }
}

/// The sentences of a CoNLL-U file, labelled by distant supervision.
fn treebank_lines(conllu: &str) -> Vec<Example> {
    let rules = Extractor::rules_only();
    let mut out = Vec::new();
    for block in conllu.split("\n\n") {
        let Some(text) = block
            .lines()
            .find_map(|l| l.strip_prefix("# text = "))
            .map(str::trim)
        else {
            continue;
        };
        let text = simplified(text).unwrap_or_else(|| text.to_string());
        // Word forms in order, found in the text (Chinese treebanks write no spaces).
        let mut words: Vec<(Range<usize>, bool)> = Vec::new();
        let mut at = 0;
        for cols in block
            .lines()
            .filter(|l| !l.starts_with('#'))
            .map(|l| l.split('\t').collect::<Vec<_>>())
        {
            if cols.len() < 4 || cols[0].contains(['-', '.']) {
                continue;
            }
            let form = simplified(cols[1]).unwrap_or_else(|| cols[1].to_string());
            let Some(i) = text[at..].find(&form) else {
                continue;
            };
            let start = at + i;
            at = start + form.len();
            words.push((start..at, cols[3] == "PROPN" || (cols[1] == "·")));
        }
        let doc = Document::new(
            DocId(0),
            "ud.txt".into(),
            text.clone(),
            SourceEncoding::Utf8,
        );
        let mut gold: Vec<(Range<usize>, Label)> = rules
            .extract(&doc)
            .into_iter()
            .map(|m| (m.span, m.label))
            .collect();
        for span in proper_noun_runs(&words) {
            if gold
                .iter()
                .any(|(g, _)| g.start < span.end && span.start < g.end)
            {
                continue;
            }
            if let Some(label) = proper_noun_label(&text[span.clone()]) {
                gold.push((span, label));
            }
        }
        out.push((text, gold));
    }
    out
}

/// Runs of proper nouns (a foreign name's parts joined by ·), as byte ranges.
fn proper_noun_runs(words: &[(Range<usize>, bool)]) -> Vec<Range<usize>> {
    let mut runs: Vec<Range<usize>> = Vec::new();
    let mut open: Option<Range<usize>> = None;
    for (range, proper) in words {
        match (&mut open, proper) {
            (Some(r), true) if r.end == range.start => r.end = range.end,
            (_, true) => {
                if let Some(r) = open.take() {
                    runs.push(r);
                }
                open = Some(range.clone());
            }
            (_, false) => runs.extend(open.take()),
        }
    }
    runs.extend(open);
    runs.retain(|r| r.end > r.start);
    runs
}

/// The label of a proper noun the rules did not find: jieba's dictionary tag for it as one
/// word, else a surname and given-name characters; None when neither says.
fn proper_noun_label(name: &str) -> Option<Label> {
    let name = name.trim_matches('·');
    if name.contains('·') {
        return Some(Label::Person);
    }
    if let [t] = segment::tag(name).as_slice() {
        match t.tag {
            "nr" | "nrt" | "nrfg" => return Some(Label::Person),
            "ns" => return Some(Label::Region),
            "nt" => return Some(Label::Org),
            _ => {}
        }
    }
    let chars: Vec<char> = name.chars().collect();
    let surname = chars.first().map(|c| c.to_string());
    let name_shaped = (2..=3).contains(&chars.len())
        && surname.is_some_and(|s| TABLES.surnames_zh.contains_key(&s))
        && chars[1..]
            .iter()
            .all(|c| TABLES.given_chars.contains_key(c));
    name_shaped.then_some(Label::Person)
}

/// The Chinese lines of hand-annotated articles, with their gold spans.
fn gold_lines(jsonl: &str, dir: &str) -> Result<Vec<Example>, String> {
    let content = std::fs::read_to_string(jsonl).map_err(|e| format!("{jsonl}: {e}"))?;
    let mut out = Vec::new();
    for (n, line) in content.lines().enumerate() {
        let value: serde_json::Value =
            serde_json::from_str(line).map_err(|e| format!("{jsonl}:{}: {e}", n + 1))?;
        let Some(doc) = value["doc"].as_str() else {
            continue;
        };
        let path = format!("{dir}/{doc}");
        let raw = std::fs::read_to_string(&path).map_err(|e| format!("{path}: {e}"))?;
        let text = simplified(&raw).unwrap_or(raw);
        // Gold offsets are in code points.
        let bytes: Vec<usize> = text
            .char_indices()
            .map(|(i, _)| i)
            .chain([text.len()])
            .collect();
        let spans: Vec<(Range<usize>, Label)> = value["entities"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|e| {
                let start = *bytes.get(e["start"].as_u64()? as usize)?;
                let end = *bytes.get(e["end"].as_u64()? as usize)?;
                Some((start..end, Label::from_name(e["label"].as_str()?)))
            })
            .collect();
        let mut at = 0;
        for l in text.split_inclusive('\n') {
            let range = at..at + l.len();
            at = range.end;
            if !l.chars().any(gazette::corpus::meta::is_han) {
                continue;
            }
            let inside: Vec<(Range<usize>, Label)> = spans
                .iter()
                .filter(|(s, _)| s.start >= range.start && s.end <= range.end)
                .map(|(s, l)| (s.start - range.start..s.end - range.start, l.clone()))
                .collect();
            out.push((l.to_string(), inside));
        }
    }
    Ok(out)
}
