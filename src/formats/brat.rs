//! brat standoff: `DOC.txt` beside `DOC.ann`. Offsets in code points. A span that crosses a line
//! break is written as fragments (brat allows none across one) and read back as one span when only
//! whitespace lies between its fragments. The entity travels as a normalization line
//! (`N1<TAB>Reference T1 gazette:KEY<TAB>name`).

use super::import::{BratKeep, DocBrat, DocRef, InputError, RawDoc, RawSpan};
use super::offsets::{OffsetMap, Unit};
use crate::corpus::Document;
use crate::model::{Mention, Status};
use std::collections::HashMap;

/// Reads an `.ann` file annotating the document `doc` (the `.txt` beside it). Lines other than
/// text-bound annotations (T) and normalizations (N) are left alone.
pub fn read(file: &str, content: &str, doc: String) -> (Vec<RawDoc>, Vec<InputError>) {
    let mut spans: Vec<(String, RawSpan)> = Vec::new();
    let mut entities: HashMap<String, String> = HashMap::new();
    let mut kept: Vec<String> = Vec::new();
    let mut errors = Vec::new();
    for (i, raw) in content.lines().enumerate() {
        let line = i + 1;
        let fields: Vec<&str> = raw.split('\t').collect();
        match fields.as_slice() {
            [id, spec] if id.starts_with('T') => errors.push(InputError {
                file: file.into(),
                line,
                message: format!(
                    "{id} {spec}: no text column (brat writes the covered text after a tab); not loaded"
                ),
            }),
            [id, spec, text, ..] if id.starts_with('T') => match parse_spec(spec) {
                Some((label, fragments)) => {
                    let (start, end) = (
                        fragments.iter().map(|f| f.0).min().unwrap_or(0),
                        fragments.iter().map(|f| f.1).max().unwrap_or(0),
                    );
                    spans.push((
                        id.to_string(),
                        RawSpan {
                            start,
                            end,
                            label,
                            text: Some(text.to_string()),
                            entity: None,
                            line,
                        },
                    ));
                }
                None => errors.push(InputError {
                    file: file.into(),
                    line,
                    message: format!("not a brat text-bound annotation: {raw:?}"),
                }),
            },
            [id, spec, name, ..] if id.starts_with('N') => {
                let mut parts = spec.split(' ');
                match (parts.next(), parts.next(), parts.next()) {
                    (Some("Reference"), Some(target), Some(reference))
                        if reference.starts_with("gazette:") =>
                    {
                        entities.insert(target.to_string(), name.to_string());
                    }
                    _ => kept.push(raw.to_string()),
                }
            }
            _ if !raw.trim().is_empty() => kept.push(raw.to_string()),
            _ => {}
        }
    }
    let ids: Vec<String> = spans.iter().map(|(id, _)| id.clone()).collect();
    let spans = spans
        .into_iter()
        .map(|(id, mut s)| {
            s.entity = entities.remove(&id);
            s
        })
        .collect();
    (
        vec![RawDoc {
            doc: DocRef::Path(doc),
            spans,
            line: 1,
            counts_utf16: false,
            brat: Some(BratKeep { ids, lines: kept }),
            problems: Vec::new(),
        }],
        errors,
    )
}

/// `LABEL 0 5;16 23` → the label and its fragments.
fn parse_spec(spec: &str) -> Option<(String, Vec<(usize, usize)>)> {
    let (label, ranges) = spec.split_once(' ')?;
    let fragments: Option<Vec<(usize, usize)>> = ranges
        .split(';')
        .map(|r| {
            let (a, b) = r.trim().split_once(' ')?;
            Some((a.parse().ok()?, b.parse().ok()?))
        })
        .collect();
    Some((label.to_string(), fragments?)).filter(|(_, f)| !f.is_empty())
}

/// The `.ann` content for a document: one T line per mention (fragments where it crosses a
/// line break), an N line carrying its entity, an A line with its review status when given, and
/// the lines of an imported `.ann` that gazette does not interpret, as they were — with the
/// imported spans keeping their ids so those lines still point at them (a line pointing at a
/// mention no longer there is left out).
pub fn ann(
    doc: &Document,
    mentions: &[Mention],
    names: &[&str],
    statuses: Option<&[Status]>,
    kept: Option<&DocBrat>,
) -> String {
    let map = OffsetMap::new(&doc.text);
    let number = |id: &str, letter: char| {
        id.strip_prefix(letter)
            .and_then(|n| n.parse::<usize>().ok())
    };
    let kept_lines: &[String] = kept.map_or(&[], |k| &k.lines);
    let highest = |letter: char| {
        let in_lines = kept_lines
            .iter()
            .filter_map(|l| number(l.split('\t').next().unwrap_or(""), letter));
        let in_ids = kept
            .into_iter()
            .flat_map(|k| k.ids.values())
            .filter_map(|id| number(id, letter));
        in_lines.chain(in_ids).max().unwrap_or(0)
    };
    let (mut next_t, mut next_n, mut next_a) = (highest('T'), highest('N'), highest('A'));
    let mut out = String::new();
    let mut written: std::collections::HashSet<String> = std::collections::HashSet::new();
    for (i, (m, name)) in mentions.iter().zip(names).enumerate() {
        let t = match kept.and_then(|k| k.ids.get(&(m.span.clone(), m.label.as_str().to_string())))
        {
            Some(id) => id.clone(),
            None => {
                next_t += 1;
                format!("T{next_t}")
            }
        };
        let mut fragments = Vec::new();
        let mut start = m.span.start;
        for (offset, _) in doc.text[m.span.clone()].match_indices('\n') {
            let at = m.span.start + offset;
            let end = doc.text[start..at].trim_end_matches('\r').len() + start;
            if end > start {
                fragments.push(start..end);
            }
            start = at + 1;
        }
        if m.span.end > start {
            fragments.push(start..m.span.end);
        }
        let spec: Vec<String> = fragments
            .iter()
            .map(|f| {
                format!(
                    "{} {}",
                    map.from_byte(f.start, Unit::Codepoints),
                    map.from_byte(f.end, Unit::Codepoints)
                )
            })
            .collect();
        let text: Vec<&str> = fragments.iter().map(|f| &doc.text[f.clone()]).collect();
        out.push_str(&format!(
            "{t}\t{} {}\t{}\n",
            m.label.as_str(),
            spec.join(";"),
            text.join(" ")
        ));
        next_n += 1;
        out.push_str(&format!(
            "N{next_n}\tReference {t} gazette:{}\t{name}\n",
            m.key.replace(['\t', '\n', ' '], "_")
        ));
        if let Some(status) = statuses.and_then(|s| s.get(i)) {
            next_a += 1;
            out.push_str(&format!("A{next_a}\tStatus {t} {}\n", status.as_str()));
        }
        written.insert(t);
    }
    for line in kept_lines {
        let mut fields = line.split('\t');
        fields.next();
        let refers: Vec<&str> = fields
            .next()
            .unwrap_or("")
            .split([' ', ':'])
            .filter(|w| {
                w.starts_with('T') && w[1..].chars().all(|c| c.is_ascii_digit()) && w.len() > 1
            })
            .collect();
        if refers.iter().all(|r| written.contains(*r)) {
            out.push_str(line);
            out.push('\n');
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_spans_discontinuous_fragments_and_entities() {
        let ann = "T1\tPERSON 0 11\tLian Maojun\nT2\tREGION 0 5;16 23\tNorth America\nA1\tStatus T1 Reviewed\nN1\tReference T1 gazette:person:lian|maojun\tLian Maojun\nR1\tLocated_in Arg1:T2 Arg2:T1\nT3\tORG x y\tbad\n";
        let (docs, errors) = read("a.ann", ann, "a.txt".into());
        let spans = &docs[0].spans;
        assert_eq!(spans.len(), 2);
        assert_eq!(
            (spans[0].start, spans[0].end, spans[0].entity.as_deref()),
            (0, 11, Some("Lian Maojun"))
        );
        assert_eq!(
            (spans[1].start, spans[1].end),
            (0, 23),
            "fragments cover one span"
        );
        assert_eq!(errors.len(), 1);
        assert_eq!(
            errors[0].to_string(),
            "a.ann:6: not a brat text-bound annotation: \"T3\\tORG x y\\tbad\""
        );
    }
}
