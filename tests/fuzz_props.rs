//! Arbitrary input never panics any parser, the extractor, the wrapper or the highlighter, and
//! what they return keeps its invariants. (The same targets run under cargo-fuzz: see fuzz/.)

mod support;

use gazette::corpus::{decode::decode, Corpus, Document, SourceEncoding};
use gazette::extract::Extractor;
use gazette::formats::import::{read_str, resolve};
use gazette::formats::Unit;
use gazette::text::wrap;
use gazette::tui::theme::Theme;
use proptest::prelude::*;

/// Text with what news files hold: Latin and Chinese words, punctuation, dates, line breaks,
/// control and bidi characters, astral characters.
fn newsy() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("Li Qiang ".to_string()),
        Just("习近平".to_string()),
        Just("天津市".to_string()),
        Just("Secretary ".to_string()),
        Just("2024-02-07 13:52\n".to_string()),
        Just("稿源:津滨网 ".to_string()),
        Just("\r\n".to_string()),
        Just("\n\n".to_string()),
        Just("\t".to_string()),
        Just("\u{1b}[2J".to_string()),
        Just("\u{202e}".to_string()),
        Just("𠀀😀".to_string()),
        "[a-zA-Z ]{0,12}",
        "\\PC{0,6}",
        any::<char>().prop_map(String::from),
    ];
    prop::collection::vec(piece, 0..40).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    #[test]
    fn decoding_any_bytes_gives_text_or_a_reason(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        if let Ok((text, encoding)) = decode(&bytes) {
            if encoding == SourceEncoding::Utf8 {
                prop_assert_eq!(text.as_bytes(), &bytes[..]);
            }
        }
    }

    #[test]
    fn metadata_chrome_and_extraction_keep_to_the_text(text in newsy()) {
        let doc = Document::new(gazette::corpus::DocId(0), "x.txt".into(), text.clone(), SourceEncoding::Utf8);
        let ok = |r: &std::ops::Range<usize>| {
            r.start <= r.end && r.end <= text.len()
                && text.is_char_boundary(r.start) && text.is_char_boundary(r.end)
        };
        prop_assert!(doc.chrome.iter().all(ok));
        prop_assert!(doc.chrome.windows(2).all(|w| w[0].end <= w[1].start), "sorted, disjoint");
        prop_assert!(doc.meta.title_range.as_ref().is_none_or(ok));
        let mentions = Extractor::default().extract(&doc);
        prop_assert!(mentions.iter().all(|m| ok(&m.span) && !m.span.is_empty()));
        prop_assert!(mentions.windows(2).all(|w| w[0].span.end <= w[1].span.start), "no overlaps");
    }

    #[test]
    fn annotation_files_of_any_content_load_or_say_where_they_are_wrong(
        content in prop_oneof![
            "\\PC{0,200}",
            newsy(),
            Just(r#"{"doc":"0.txt","entities":[{"start":0,"end":3,"label":"PERSON"}]}"#.to_string()),
            Just(r#"{"text":"Li Qiang","label":[[0,99,"PER"]]}"#.to_string()),
            Just(r#"{"text":"Li","spans":[{"start":5,"end":2,"label":"X"}]}"#.to_string()),
            Just("T1\tPERSON 0 5\tLi Qi\nT2\tORG 9 2\tx\n#1\tNote T1\tok\n".to_string()),
        ],
        brat in any::<bool>(),
        unit in prop_oneof![Just(Unit::Codepoints), Just(Unit::Utf16), Just(Unit::Bytes)],
    ) {
        let mut corpus = Corpus::default();
        corpus.push_bytes("0.txt".into(), "Li Qiang met 习近平 in 天津.".as_bytes());
        let doc = brat.then(|| "0.txt".to_string());
        let (raw, errors) = read_str("a.jsonl", &content, doc);
        prop_assert!(errors.iter().all(|e| e.file == "a.jsonl"));
        let resolved = resolve(&corpus, &raw, "a.jsonl", unit);
        let text = &corpus.docs[0].text;
        for m in &resolved.mentions {
            prop_assert!(m.span.end <= text.len() && text.is_char_boundary(m.span.start)
                && text.is_char_boundary(m.span.end) && m.span.start < m.span.end);
        }
    }

    #[test]
    fn any_document_wraps_and_draws_without_raw_control_characters(
        text in newsy(),
        width in 20u16..120,
        height in 6u16..30,
    ) {
        let w = wrap(&text, width);
        prop_assert!(w.lines.iter().all(|l| l.start <= l.end && l.end <= text.len()));
        let mut corpus = Corpus::default();
        corpus.push_bytes("x.txt".into(), text.as_bytes());
        let mut app = support::app_with(corpus, Theme::new(true), width, height);
        support::keys(&mut app, "\t]]n");
        let buf = support::render(&app);
        for cell in buf.content() {
            prop_assert!(!cell.symbol().chars().any(|c| c.is_control()), "{:?}", cell.symbol());
        }
    }
}

/// A snapshot of a small corpus on disk, as bytes (taken once).
fn snapshot_bytes() -> &'static [u8] {
    static BYTES: std::sync::OnceLock<Vec<u8>> = std::sync::OnceLock::new();
    BYTES.get_or_init(|| {
        let dir = tempfile::tempdir().unwrap().keep();
        let seeds = Corpus::bundled();
        for (i, d) in seeds.docs.iter().enumerate() {
            std::fs::write(dir.join(format!("{i}.txt")), &d.text).unwrap();
        }
        let options = gazette::session::stream::Options {
            extract: true,
            cache_dir: None,
        };
        let input = gazette::session::stream::Input::Paths(vec![dir]);
        let (corpus, mentions) = gazette::session::stream::load_all(input, options);
        let index = gazette::index::Index::build(&corpus, mentions);
        let snapshot = gazette::snapshot::Snapshot::take(&corpus, &index).unwrap();
        snapshot.to_bytes().unwrap()
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    /// Bytes changed anywhere in a snapshot (its checksum made to agree, so that the damage
    /// reaches the decoder): refused or restored, never a panic; what is restored fits its
    /// documents.
    #[test]
    fn a_snapshot_damaged_anywhere_is_refused_or_restored_whole(
        changes in prop::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..6),
        cut in any::<prop::sample::Index>(),
        shorten in any::<bool>(),
    ) {
        let mut bytes = snapshot_bytes().to_vec();
        for (at, value) in changes {
            let at = 24 + at.index(bytes.len() - 24);
            bytes[at] = value;
        }
        if shorten {
            bytes.truncate(24 + cut.index(bytes.len() - 24));
        }
        let sum = xxhash_rust::xxh3::xxh3_128(&bytes[24..]).to_le_bytes();
        bytes[8..24].copy_from_slice(&sum);
        let extractor = Extractor::default();
        let restored = gazette::snapshot::Snapshot::from_bytes(&bytes)
            .and_then(|s| s.restore(|n| extractor.recognizer_name(n)));
        if let Ok(r) = restored {
            prop_assert_eq!(r.index.doc_count(), r.docs.len());
            for m in &r.index.mentions {
                let len = r.docs[m.doc.index()].text.byte_len();
                prop_assert!(m.span.start < m.span.end && m.span.end <= len);
            }
            for e in &r.index.entities {
                prop_assert!(e.mentions.iter().all(|&m| m.index() < r.index.mentions.len()));
            }
        }
    }
}
