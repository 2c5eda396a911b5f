//! What the exploring views show, as files: places in context (mentions, search hits) as CSV or
//! JSONL, a profile as JSON, pairs as CSV or JSONL. The command line and the browser's `w`
//! write the same rows.

use super::{Pair, Profile, Together};
use crate::corpus::Corpus;
use crate::index::Index;
use serde_json::json;

/// One place in a document, with its context: a mention or a search hit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    pub path: String,
    pub date: Option<String>,
    /// Offsets in code points.
    pub start: usize,
    pub end: usize,
    pub text: String,
    /// The mention's label and entity (empty for a search hit).
    pub label: String,
    pub entity: String,
    pub left: String,
    pub right: String,
}

/// How a table is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum TableFormat {
    Csv,
    Jsonl,
}

/// `places` as CSV (with a header) or JSONL.
pub fn places_table(places: &[Place], format: TableFormat) -> String {
    let with_entities = places.iter().any(|p| !p.entity.is_empty());
    match format {
        TableFormat::Csv => {
            let mut w = csv::Writer::from_writer(Vec::new());
            let mut header = vec!["path", "date", "start", "end", "text"];
            if with_entities {
                header.extend(["label", "entity"]);
            }
            header.extend(["left", "right"]);
            let _ = w.write_record(&header);
            for p in places {
                let (start, end) = (p.start.to_string(), p.end.to_string());
                let date = p.date.as_deref().unwrap_or("");
                let mut row = vec![&*p.path, date, &*start, &*end, &*p.text];
                if with_entities {
                    row.extend([&*p.label, &*p.entity]);
                }
                row.extend([&*p.left, &*p.right]);
                let _ = w.write_record(&row);
            }
            String::from_utf8_lossy(&w.into_inner().unwrap_or_default()).into_owned()
        }
        TableFormat::Jsonl => {
            let mut out = String::new();
            for p in places {
                let mut line = json!({
                    "path": p.path, "date": p.date, "start": p.start, "end": p.end,
                    "text": p.text, "left": p.left, "right": p.right,
                });
                if with_entities {
                    line["label"] = json!(p.label);
                    line["entity"] = json!(p.entity);
                }
                out.push_str(&crate::text::sanitize::json_safe(&line.to_string()));
                out.push('\n');
            }
            out
        }
    }
}

/// Pairs as CSV (with a header) or JSONL, each count in `together`'s unit.
pub fn pairs_table(
    index: &Index,
    pairs: &[Pair],
    together: Together,
    format: TableFormat,
) -> String {
    let unit = match together {
        Together::Document => "documents",
        Together::Sentence => "sentences",
    };
    match format {
        TableFormat::Csv => {
            let mut w = csv::Writer::from_writer(Vec::new());
            let _ = w.write_record(["row", "row_label", "col", "col_label", unit]);
            for p in pairs {
                let (r, c) = (index.entity(p.row), index.entity(p.col));
                let count = p.count.to_string();
                let _ = w.write_record([
                    &*r.name,
                    r.label.as_str(),
                    &*c.name,
                    c.label.as_str(),
                    &*count,
                ]);
            }
            String::from_utf8_lossy(&w.into_inner().unwrap_or_default()).into_owned()
        }
        TableFormat::Jsonl => {
            let mut out = String::new();
            for p in pairs {
                let (r, c) = (index.entity(p.row), index.entity(p.col));
                let line = json!({
                    "row": r.name, "row_label": r.label.as_str(),
                    "col": c.name, "col_label": c.label.as_str(),
                    unit: p.count,
                });
                out.push_str(&crate::text::sanitize::json_safe(&line.to_string()));
                out.push('\n');
            }
            out
        }
    }
}

/// A profile as JSON: the entity, its names, dates, months, companions and roles, and its
/// documents (the first thousand) with their paths and dates.
pub fn profile_json(corpus: &Corpus, index: &Index, p: &Profile) -> String {
    let e = index.entity(p.entity);
    let with = |list: &[super::With], unit: &str| -> Vec<serde_json::Value> {
        (list.iter().take(50))
            .map(|w| {
                let other = index.entity(w.entity);
                json!({"entity": other.name, "label": other.label.as_str(), unit: w.count})
            })
            .collect()
    };
    let docs: Vec<serde_json::Value> = (e.docs.iter().take(1000))
        .map(|&d| {
            let doc = &corpus.docs[d.index()];
            json!({"path": doc.path, "date": doc.meta.date})
        })
        .collect();
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
        "documents_listed": docs,
    });
    let text = serde_json::to_string_pretty(&value).unwrap_or_default();
    crate::text::sanitize::json_safe(&text).into_owned()
}

/// `mentions` as places in context (each document's text read once, without keeping it).
pub fn mention_places(
    corpus: &Corpus,
    index: &Index,
    mentions: &[crate::index::MentionId],
) -> Vec<Place> {
    let mut out = Vec::with_capacity(mentions.len());
    let mut i = 0;
    while i < mentions.len() {
        let doc = index.mentions[mentions[i].index()].doc;
        let run = mentions[i..]
            .iter()
            .take_while(|m| index.mentions[m.index()].doc == doc)
            .count();
        let d = &corpus.docs[doc.index()];
        if let Ok(text) = d.text.read_unheld() {
            let map = crate::formats::offsets::OffsetMap::new(&text);
            for &m in &mentions[i..i + run] {
                let mention = &index.mentions[m.index()];
                let (left, right) = crate::search::context(&text, mention.span.clone(), 40);
                let entity = index.entity(index.entity_of(m));
                out.push(Place {
                    path: d.path.clone(),
                    date: d.meta.date.clone(),
                    start: map.code_point_of(mention.span.start).0,
                    end: map.code_point_of(mention.span.end).0,
                    text: text.get(mention.span.clone()).unwrap_or("").to_string(),
                    label: entity.label.as_str().to_string(),
                    entity: entity.name.clone(),
                    left,
                    right,
                });
            }
        }
        i += run;
    }
    out
}

/// Every place `query` occurs in `docs`, in context (each text read once, without keeping it),
/// at most `limit`.
pub fn search_places(
    corpus: &Corpus,
    docs: &[crate::corpus::DocId],
    query: &crate::search::TextQuery,
    limit: usize,
) -> Vec<Place> {
    let mut out = Vec::new();
    for &d in docs {
        let doc = &corpus.docs[d.index()];
        let Ok(text) = doc.text.read_unheld() else {
            continue;
        };
        let map = crate::formats::offsets::OffsetMap::new(&text);
        for hit in query.hits_in(&text) {
            if out.len() == limit {
                return out;
            }
            let (left, right) = crate::search::context(&text, hit.clone(), 40);
            out.push(Place {
                path: doc.path.clone(),
                date: doc.meta.date.clone(),
                start: map.code_point_of(hit.start).0,
                end: map.code_point_of(hit.end).0,
                text: text[hit].to_string(),
                label: String::new(),
                entity: String::new(),
                left,
                right,
            });
        }
    }
    out
}
