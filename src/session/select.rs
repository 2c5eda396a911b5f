//! Which documents a set of filters lists: entities mentioned (all of them, any of several, or
//! not), a date range, a language, a source. Every clause must hold.

use crate::corpus::{Corpus, DocId};
use crate::index::{EntityId, Index};

/// One condition a listed document must meet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Clause {
    /// Mentions this entity.
    Entity(EntityId),
    /// Mentions at least one of these ("A | B" in the prompt).
    AnyOf(Vec<EntityId>),
    /// Does not mention this entity ("! A").
    Not(EntityId),
    /// Dated from `from` to `to`, both inclusive and either a year, a month or a day
    /// (`date:2020-05..2022-07`; an open end is empty). Undated documents are left out.
    Date { from: String, to: String },
    /// Written in this language (`lang:zh`).
    Lang(String),
    /// From a source whose name contains this, in any case (`source:津滨网`).
    Source(String),
    /// Containing a text searched for (`f`): the query as shown, and the documents found
    /// (ascending), searched once when the filter was made.
    Text {
        query: String,
        docs: std::sync::Arc<Vec<DocId>>,
    },
}

impl Clause {
    /// The entities the clause names.
    pub fn entities(&self) -> Vec<EntityId> {
        match self {
            Clause::Entity(e) | Clause::Not(e) => vec![*e],
            Clause::AnyOf(es) => es.clone(),
            _ => Vec::new(),
        }
    }

    /// The same clause with each entity replaced by `map`'s answer (None drops the entity; a
    /// clause left without one is dropped).
    pub fn map_entities(&self, map: impl Fn(EntityId) -> Option<EntityId>) -> Option<Clause> {
        Some(match self {
            Clause::Entity(e) => Clause::Entity(map(*e)?),
            Clause::Not(e) => Clause::Not(map(*e)?),
            Clause::AnyOf(es) => {
                let es: Vec<EntityId> = es.iter().filter_map(|&e| map(e)).collect();
                match es.as_slice() {
                    [] => return None,
                    [one] => Clause::Entity(*one),
                    _ => Clause::AnyOf(es),
                }
            }
            other => other.clone(),
        })
    }

    /// How the list's title and the status line name it: `PER Lian Maojun`, `¬ REG Binhai`,
    /// `PER A | PER B`, `date 2020-05..2022-07`, `lang zh`, `source 津滨网`.
    pub fn describe(&self, index: &Index) -> String {
        let name = |e: &EntityId| {
            let e = index.entity(*e);
            format!("{} {}", e.label.tag(), e.name)
        };
        match self {
            Clause::Entity(e) => name(e),
            Clause::Not(e) => format!("¬ {}", name(e)),
            Clause::AnyOf(es) => es.iter().map(name).collect::<Vec<_>>().join(" | "),
            Clause::Date { from, to } => format!("date {from}..{to}"),
            Clause::Lang(l) => format!("lang {l}"),
            Clause::Source(s) => format!("source {s}"),
            Clause::Text { query, .. } => format!("text {query}"),
        }
    }

    /// The clause as typed in the filter prompt (what a saved filter set keeps): entities by
    /// their canonical names, `a | b`, `! a`, `date:…`, `lang:…`, `source:…`, `text:…`.
    pub fn as_typed(&self, index: &Index) -> String {
        let name = |e: &EntityId| index.entity(*e).canonical.to_string();
        match self {
            Clause::Entity(e) => name(e),
            Clause::AnyOf(es) => es.iter().map(name).collect::<Vec<_>>().join(" | "),
            Clause::Not(e) => format!("! {}", name(e)),
            Clause::Date { from, to } => format!("date:{from}..{to}"),
            Clause::Lang(l) => format!("lang:{l}"),
            Clause::Source(s) => format!("source:{s}"),
            Clause::Text { query, .. } => {
                let bare = query.strip_prefix('"').and_then(|q| q.strip_suffix('"'));
                format!("text:{}", bare.unwrap_or(query))
            }
        }
    }

    /// Parses a clause about the document itself: `date:FROM..TO` (or `date:DAY`), `lang:CODE`,
    /// `source:TEXT`. None when `text` is none of these; an error says what is wrong.
    pub fn parse_meta(text: &str) -> Option<Result<Clause, String>> {
        let text = text.trim();
        let (field, value) = text.split_once(':')?;
        let value = value.trim();
        Some(match field.trim().to_lowercase().as_str() {
            "date" => parse_dates(value),
            "lang" => match value.to_lowercase().as_str() {
                l @ ("en" | "zh") => Ok(Clause::Lang(l.to_string())),
                other => Err(format!("lang:{other}: the languages are en and zh")),
            },
            "source" if !value.is_empty() => Ok(Clause::Source(value.to_string())),
            "source" => Err("source: needs a name (source:津滨网)".to_string()),
            _ => return None,
        })
    }
}

/// `2020-05..2022-07`, `2020..`, `..2021-12-31`, or one date.
fn parse_dates(value: &str) -> Result<Clause, String> {
    let (from, to) = match value.split_once("..") {
        Some((a, b)) => (a.trim(), b.trim()),
        None => (value, value),
    };
    for d in [from, to] {
        if !d.is_empty() && !is_date_prefix(d) {
            return Err(format!(
                "date:{value}: {d:?} is not a year, a month or a day (2020, 2020-05, 2020-05-09)"
            ));
        }
    }
    if from.is_empty() && to.is_empty() {
        return Err("date: needs a range (date:2020-05..2022-07)".to_string());
    }
    if !from.is_empty() && !to.is_empty() && from > to {
        return Err(format!("date:{value}: the range ends before it starts"));
    }
    Ok(Clause::Date {
        from: from.to_string(),
        to: to.to_string(),
    })
}

/// Whether `d` is `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
fn is_date_prefix(d: &str) -> bool {
    let parts: Vec<&str> = d.split('-').collect();
    let digits = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_digit());
    match parts.as_slice() {
        [y] => digits(y, 4),
        [y, m] => digits(y, 4) && digits(m, 2),
        [y, m, day] => digits(y, 4) && digits(m, 2) && digits(day, 2),
        _ => false,
    }
}

/// Whether `date` (`YYYY-MM-DD…`) lies in the range, each end compared at its own precision.
fn in_range(date: &str, from: &str, to: &str) -> bool {
    let at = |n: usize| date.get(..n).unwrap_or(date);
    (from.is_empty() || at(from.len()) >= from) && (to.is_empty() || at(to.len()) <= to)
}

/// Whether every clause admits document `doc`.
pub fn admits(corpus: &Corpus, index: &Index, clauses: &[Clause], doc: DocId) -> bool {
    let mentions = |e: &EntityId| index.entity(*e).docs.binary_search(&doc).is_ok();
    let Some(d) = corpus.docs.get(doc.index()) else {
        return false;
    };
    clauses.iter().all(|c| match c {
        Clause::Entity(e) => mentions(e),
        Clause::AnyOf(es) => es.iter().any(mentions),
        Clause::Not(e) => !mentions(e),
        Clause::Date { from, to } => {
            (d.meta.date.as_deref()).is_some_and(|x| in_range(x, from, to))
        }
        Clause::Lang(l) => d.lang.code() == l,
        Clause::Source(s) => {
            (d.meta.source.as_deref()).is_some_and(|x| x.to_lowercase().contains(&s.to_lowercase()))
        }
        Clause::Text { docs, .. } => docs.binary_search(&doc).is_ok(),
    })
}

/// The documents of `corpus` every clause admits, ascending.
pub fn docs_matching(corpus: &Corpus, index: &Index, clauses: &[Clause]) -> Vec<DocId> {
    let all: Vec<EntityId> = (clauses.iter())
        .filter_map(|c| match c {
            Clause::Entity(e) => Some(*e),
            _ => None,
        })
        .collect();
    let mut docs = index.docs_with_all(&all, corpus.docs.len());
    for clause in clauses {
        match clause {
            Clause::Entity(_) => {}
            Clause::AnyOf(es) => {
                let mut any: Vec<DocId> = (es.iter())
                    .flat_map(|&e| index.entity(e).docs.iter().copied())
                    .collect();
                any.sort_unstable();
                any.dedup();
                docs.retain(|d| any.binary_search(d).is_ok());
            }
            Clause::Not(e) => {
                let not = &index.entity(*e).docs;
                docs.retain(|d| not.binary_search(d).is_err());
            }
            Clause::Date { from, to } => docs.retain(|d| {
                (corpus.docs[d.index()].meta.date.as_deref()).is_some_and(|x| in_range(x, from, to))
            }),
            Clause::Lang(l) => docs.retain(|d| corpus.docs[d.index()].lang.code() == l),
            Clause::Source(s) => {
                let s = s.to_lowercase();
                docs.retain(|d| {
                    (corpus.docs[d.index()].meta.source.as_deref())
                        .is_some_and(|x| x.to_lowercase().contains(&s))
                })
            }
            Clause::Text { docs: found, .. } => docs.retain(|d| found.binary_search(d).is_ok()),
        }
    }
    docs
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn date_ranges_parse_at_any_precision_and_say_what_is_wrong() {
        assert_eq!(
            Clause::parse_meta("date:2020-05..2022-07"),
            Some(Ok(Clause::Date {
                from: "2020-05".into(),
                to: "2022-07".into()
            }))
        );
        assert!(in_range("2022-07-11 10:00", "2020-05", "2022-07"));
        assert!(!in_range("2022-08-01", "2020-05", "2022-07"));
        assert!(in_range("2020-05-09 15:37", "2020-05-09", "2020-05-09"));
        assert!(in_range("2019-01-01", "", "2019"));
        assert!(Clause::parse_meta("date:2020-5").unwrap().is_err());
        assert!(Clause::parse_meta("date:2022..2020").unwrap().is_err());
        assert_eq!(Clause::parse_meta("Lian Maojun"), None);
        assert_eq!(
            Clause::parse_meta("lang: ZH"),
            Some(Ok(Clause::Lang("zh".into())))
        );
    }

    #[test]
    fn clauses_combine_or_not_and_the_documents_own_fields() {
        let corpus = Corpus::bundled();
        let index = crate::session::analyze(&corpus);
        // Two persons each in one document only: OR lists both documents, NOT leaves them out.
        let persons: Vec<EntityId> = (0..index.entities.len() as u32)
            .map(EntityId)
            .filter(|&e| index.entity(e).label == crate::model::Label::Person)
            .filter(|&e| index.entity(e).docs.len() == 1)
            .collect();
        let (a, b) = (
            persons[0],
            (persons.iter().copied())
                .find(|&p| index.entity(p).docs != index.entity(persons[0]).docs)
                .unwrap(),
        );
        let (da, db) = (index.entity(a).docs[0], index.entity(b).docs[0]);
        let mut both = vec![da, db];
        both.sort();
        assert_eq!(
            docs_matching(&corpus, &index, &[Clause::AnyOf(vec![a, b])]),
            both
        );
        let not = docs_matching(&corpus, &index, &[Clause::Not(a)]);
        assert_eq!(not.len(), corpus.docs.len() - 1);
        assert!(!not.contains(&da));
        let zh = docs_matching(&corpus, &index, &[Clause::Lang("zh".into())]);
        assert!(zh
            .iter()
            .all(|d| corpus.docs[d.index()].lang.code() == "zh"));
        assert!(!zh.is_empty() && zh.len() < corpus.docs.len());
        let dated = |from: &str, to: &str| {
            let c = Clause::Date {
                from: from.into(),
                to: to.into(),
            };
            docs_matching(&corpus, &index, &[c]).len()
        };
        assert_eq!(
            dated("1900", "2100"),
            (corpus.docs.iter())
                .filter(|d| d.meta.date.is_some())
                .count()
        );
        assert_eq!(dated("2100", ""), 0);
    }
}
