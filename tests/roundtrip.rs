//! Export then import gives back exactly the same mentions, in every format and offset unit,
//! for text with Chinese, characters outside the Basic Multilingual Plane, and line breaks.

use gazette::corpus::Corpus;
use gazette::formats::export::{write, Destination, Extras, Format};
use gazette::formats::Unit;
use gazette::index::Index;
use gazette::model::{Label, Mention, Source};
use gazette::session::open_paths;
use gazette::session::{annotate, Sources};
use proptest::prelude::*;
use std::path::Path;

/// A corpus written to `dir` and read back, as users open one.
fn corpus_on_disk(dir: &Path, texts: &[String]) -> Corpus {
    for (i, t) in texts.iter().enumerate() {
        std::fs::create_dir_all(dir.join("sub")).unwrap();
        std::fs::write(dir.join(format!("sub/doc{i}.txt")), t).unwrap();
    }
    open_paths(&[dir.to_path_buf()])
}

fn label_of(n: u8) -> Label {
    match n % 4 {
        0 => Label::Person,
        1 => Label::Region,
        2 => Label::Org,
        _ => Label::Other("FACILITY".into()),
    }
}

/// Non-overlapping mentions at character boundaries, from (start char, length, label) picks.
fn mentions_for(corpus: &Corpus, picks: &[(usize, usize, u8)]) -> Vec<Mention> {
    let mut out = Vec::new();
    for doc in &corpus.docs {
        let bounds: Vec<usize> = doc
            .text
            .char_indices()
            .map(|(i, _)| i)
            .chain([doc.text.len()])
            .collect();
        let mut next_free = 0;
        for &(start, len, label) in picks {
            let n = bounds.len() - 1;
            if n == 0 {
                break;
            }
            let s = start % n;
            let e = (s + 1 + len % 6).min(n);
            let (a, b) = (bounds[s], bounds[e]);
            // Annotations start and end on text, never on spaces or line breaks (which brat
            // could not represent); breaks inside a span are kept.
            let inner = doc.text[a..b].trim();
            if a < next_free || inner.is_empty() || inner.len() != b - a {
                continue;
            }
            next_free = b;
            let entity = format!("entity {label}");
            out.push(Mention {
                doc: doc.id,
                span: a..b,
                label: label_of(label),
                key: format!("k{label}").into(),
                canonical: entity.into(),
                source: Source::Builtin("test"),
            });
        }
    }
    out
}

fn summary(index: &Index) -> Vec<(gazette::corpus::DocId, std::ops::Range<usize>, Label)> {
    index
        .mentions
        .iter()
        .map(|m| (m.doc, m.span.clone(), m.label.clone()))
        .collect()
}

fn round_trip(
    texts: &[String],
    picks: &[(usize, usize, u8)],
    format: Format,
    unit: Unit,
) -> Result<(), TestCaseError> {
    let dir = tempfile::tempdir().unwrap();
    let corpus = corpus_on_disk(&dir.path().join("corpus"), texts);
    let index = Index::build(&corpus, mentions_for(&corpus, picks));
    let out = dir.path().join(if format == Format::Brat {
        "out".to_string()
    } else {
        "out.jsonl".to_string()
    });
    write(
        &corpus,
        &index,
        Extras::default(),
        format,
        unit,
        Destination::Path(&out),
    )
    .unwrap();
    let sources = Sources {
        annotations: vec![out.clone()],
        merge: false,
        unit,
        cache_dir: None,
    };
    let (back, errors) = annotate(&corpus, &sources);
    prop_assert!(errors.is_empty(), "{errors:?}");
    prop_assert_eq!(summary(&back), summary(&index));
    if matches!(format, Format::Jsonl | Format::Brat) {
        // These formats carry the entity too.
        let names = |i: &Index| {
            i.mentions
                .iter()
                .enumerate()
                .map(|(n, _)| {
                    i.entity(i.entity_of(gazette::index::MentionId(n as u32)))
                        .name
                        .clone()
                })
                .collect::<Vec<_>>()
        };
        prop_assert_eq!(names(&back), names(&index));
    }
    Ok(())
}

fn texts() -> impl Strategy<Value = Vec<String>> {
    prop::collection::vec(
        "(习近平|天津|𠮷|🇨🇳|Li Qiang|Hefei|\n|\r\n| |,|。|[a-z]{1,5}|e\u{301}){1,30}",
        1..4,
    )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    #[test]
    fn jsonl_round_trips(t in texts(), p in prop::collection::vec((0usize..200, 0usize..10, 0u8..4), 0..12)) {
        round_trip(&t, &p, Format::Jsonl, Unit::Codepoints)?;
        round_trip(&t, &p, Format::Jsonl, Unit::Utf16)?;
    }

    #[test]
    fn brat_round_trips(t in texts(), p in prop::collection::vec((0usize..200, 0usize..10, 0u8..4), 0..12)) {
        round_trip(&t, &p, Format::Brat, Unit::Codepoints)?;
    }

    #[test]
    fn doccano_round_trips(t in texts(), p in prop::collection::vec((0usize..200, 0usize..10, 0u8..4), 0..12)) {
        round_trip(&t, &p, Format::Doccano, Unit::Utf16)?;
        round_trip(&t, &p, Format::Doccano, Unit::Bytes)?;
    }

    #[test]
    fn spacy_round_trips(t in texts(), p in prop::collection::vec((0usize..200, 0usize..10, 0u8..4), 0..12)) {
        round_trip(&t, &p, Format::Spacy, Unit::Codepoints)?;
    }
}

#[test]
fn a_span_across_a_line_break_and_astral_characters_in_every_format() {
    let text = "王𠮷在杭州市调研\r\n北京 and Li Qiang".to_string();
    let find = |s: &str| {
        let start = text.find(s).unwrap();
        (text[..start].chars().count(), s.chars().count())
    };
    let picks: Vec<(usize, usize, u8)> = [
        ("𠮷", 0u8),
        ("杭州市", 1),
        ("调研\r\n北京", 2),
        ("Li Qiang", 3),
    ]
    .iter()
    .map(|(s, l)| {
        let (start, len) = find(s);
        (start, len - 1, *l)
    })
    .collect();
    for (format, unit) in [
        (Format::Jsonl, Unit::Codepoints),
        (Format::Brat, Unit::Codepoints),
        (Format::Doccano, Unit::Utf16),
        (Format::Spacy, Unit::Codepoints),
    ] {
        let dir = tempfile::tempdir().unwrap();
        let corpus = corpus_on_disk(&dir.path().join("corpus"), std::slice::from_ref(&text));
        assert_eq!(
            mentions_for(&corpus, &picks).len(),
            4,
            "all four spans are made"
        );
        round_trip(std::slice::from_ref(&text), &picks, format, unit)
            .unwrap_or_else(|e| panic!("{format:?}: {e}"));
    }
}
