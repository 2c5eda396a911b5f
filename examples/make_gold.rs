//! Materializes a hand-made gold spec into gazette JSONL beside it (tests/gold/NAME.spec →
//! tests/gold/NAME.jsonl). See tests/gold/README.md for the spec's rules.
//!
//! `cargo run --example make_gold -- [NAME [CORPUS_DIR]]` — default: `seeds`, the bundled
//! corpus. Fails, naming the line, if a spec line matches nothing.

use gazette::corpus::Corpus;
use gazette::formats::offsets::CodePoints;
use std::collections::BTreeMap;
use std::process::ExitCode;

struct Entry {
    label: String,
    surface: String,
    entity: String,
    line: usize,
}

/// A surface written with its context, `[中]法关系`: the text to find (中法关系) and the part of
/// it that is the mention (the bytes of 中). A plain surface is all mention.
fn in_context(surface: &str) -> (String, std::ops::Range<usize>) {
    match (surface.find('['), surface.find(']')) {
        (Some(open), Some(close)) if open < close => {
            let context = surface.replace(['[', ']'], "");
            (context, open..close - 1)
        }
        _ => (surface.to_string(), 0..surface.len()),
    }
}

fn main() -> ExitCode {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/gold");
    let args: Vec<String> = std::env::args().skip(1).collect();
    let name = args.first().map_or("seeds", String::as_str);
    let spec = match std::fs::read_to_string(format!("{dir}/{name}.spec")) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("make_gold: {dir}/{name}.spec: {e}");
            return ExitCode::FAILURE;
        }
    };
    let mut docs: BTreeMap<String, Vec<Entry>> = BTreeMap::new();
    let mut current = None;
    for (i, line) in spec.lines().enumerate() {
        if let Some(doc) = line.strip_prefix("# doc: ") {
            current = Some(doc.trim().to_string());
            continue;
        }
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        let (Some(doc), [label, surface, rest @ ..]) = (&current, cols.as_slice()) else {
            eprintln!("make_gold: {name}.spec:{}: expected LABEL<TAB>SURFACE[<TAB>ENTITY] after a '# doc:' line", i + 1);
            return ExitCode::FAILURE;
        };
        let entity = rest.first().unwrap_or(surface).to_string();
        docs.entry(doc.clone()).or_default().push(Entry {
            label: label.to_string(),
            surface: surface.to_string(),
            entity,
            line: i + 1,
        });
    }
    let corpus = match args.get(1) {
        Some(folder) => gazette::session::open_paths(&[std::path::PathBuf::from(folder)]),
        None => Corpus::bundled(),
    };
    let mut out = String::new();
    let mut failed = false;
    for doc in &corpus.docs {
        let mut entries = docs.remove(&doc.path).unwrap_or_default();
        entries.sort_by_key(|e| std::cmp::Reverse(in_context(&e.surface).0.chars().count()));
        let mut claimed: Vec<(std::ops::Range<usize>, Option<usize>)> = Vec::new();
        for (n, e) in entries.iter().enumerate() {
            let mut found = 0;
            let (context, inner) = in_context(&e.surface);
            for (at, _) in doc.text.match_indices(context.as_str()) {
                let start = at + inner.start;
                let span = start..at + inner.end;
                let word = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphanumeric());
                let latin_edges = (word(context.chars().next())
                    && word(doc.text[..at].chars().next_back()))
                    || (word(context.chars().last())
                        && word(doc.text[at + context.len()..].chars().next()));
                if latin_edges
                    || doc.in_chrome(&span)
                    || claimed
                        .iter()
                        .any(|(c, _)| c.start < span.end && span.start < c.end)
                {
                    continue;
                }
                found += 1;
                claimed.push((span, (e.label != "!").then_some(n)));
            }
            if found == 0 {
                eprintln!("make_gold: {name}.spec:{}: {:?} occurs nowhere in {} outside chrome and longer entries", e.line, e.surface, doc.path);
                failed = true;
            }
        }
        claimed.sort_by_key(|(r, _)| r.start);
        let mut cp = CodePoints::new(&doc.text);
        let entities: Vec<serde_json::Value> = claimed
            .iter()
            .filter_map(|(r, n)| n.map(|n| (r, &entries[n])))
            .map(|(r, e)| {
                serde_json::json!({"start": cp.at(r.start), "end": cp.at(r.end), "label": e.label, "text": &doc.text[r.clone()], "entity": e.entity})
            })
            .collect();
        let line = serde_json::json!({"doc": doc.path, "lang": doc.lang.code(), "title": doc.meta.title, "entities": entities});
        out.push_str(&line.to_string());
        out.push('\n');
    }
    for doc in docs.keys() {
        eprintln!("make_gold: {name}.spec names {doc}, which is not in the corpus");
        failed = true;
    }
    if failed {
        return ExitCode::FAILURE;
    }
    if let Err(e) = std::fs::write(format!("{dir}/{name}.jsonl"), out) {
        eprintln!("make_gold: {dir}/{name}.jsonl: {e}");
        return ExitCode::FAILURE;
    }
    ExitCode::SUCCESS
}
