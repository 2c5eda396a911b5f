//! Tests of import: validation messages, offset units, unknown documents.
use super::*;
use crate::corpus::SourceEncoding;

fn corpus() -> Corpus {
    let mut c = Corpus::default();
    c.docs.push(crate::corpus::Document::new(
        DocId(0),
        "a.txt".into(),
        "王𠮷在杭州市调研".to_string(),
        SourceEncoding::Utf8,
    ));
    c
}

fn span(start: usize, end: usize, text: Option<&str>, line: usize) -> RawSpan {
    RawSpan {
        start,
        end,
        label: "GPE".into(),
        text: text.map(String::from),
        entity: None,
        line,
    }
}

#[test]
fn every_validation_error_names_file_line_and_span() {
    let raw = vec![RawDoc {
        doc: DocRef::Path("a.txt".into()),
        spans: vec![
            span(3, 6, Some("杭州市"), 1),
            span(6, 3, None, 2),
            span(3, 12, None, 3),
            span(3, 6, Some("杭州"), 4),
            span(0, 1, Some("李"), 5),
        ],
        line: 1,
        counts_utf16: false,
        brat: None,
        problems: Vec::new(),
    }];
    let Resolved {
        mentions, errors, ..
    } = resolve(&corpus(), &raw, "x.jsonl", Unit::Codepoints);
    assert_eq!(mentions.len(), 1, "the good span still loads");
    assert_eq!(mentions[0].label, Label::Region, "GPE maps onto REGION");
    let messages: Vec<String> = errors.iter().map(|e| e.to_string()).collect();
    assert_eq!(
        messages,
        [
            "x.jsonl:2: span 6..3 GPE: empty or reversed",
            "x.jsonl:3: span 3..12 GPE: out of range (the document has 8 characters)",
            "x.jsonl:4: span 3..6 GPE: text \"杭州\" is 2 characters, the span 3",
            "x.jsonl:5: span 0..1 GPE: text \"李\" disagrees with the document's \"王\"",
        ]
    );
}

#[test]
fn utf16_and_byte_offsets_that_split_a_character_are_refused() {
    let raw = |start, end| {
        vec![RawDoc {
            doc: DocRef::Path("a.txt".into()),
            spans: vec![span(start, end, None, 7)],
            line: 7,
            counts_utf16: false,
            brat: None,
            problems: Vec::new(),
        }]
    };
    let ok = resolve(&corpus(), &raw(4, 7), "d.jsonl", Unit::Utf16).mentions;
    assert_eq!(&corpus().docs[0].text[ok[0].span.clone()], "杭州市");
    let errors = resolve(&corpus(), &raw(2, 4), "d.jsonl", Unit::Utf16).errors;
    assert_eq!(
        errors[0].to_string(),
        "d.jsonl:7: span 2..4 GPE: not on a character boundary in UTF-16 units"
    );
    let errors = resolve(&corpus(), &raw(1, 3), "d.jsonl", Unit::Bytes).errors;
    assert_eq!(
        errors[0].to_string(),
        "d.jsonl:7: span 1..3 GPE: not on a character boundary in bytes"
    );
}

#[test]
fn unknown_documents_are_reported() {
    let raw = vec![
        RawDoc {
            doc: DocRef::Path("b.txt".into()),
            spans: vec![],
            line: 3,
            counts_utf16: false,
            brat: None,
            problems: Vec::new(),
        },
        RawDoc {
            doc: DocRef::Text("other".into()),
            spans: vec![],
            line: 4,
            counts_utf16: false,
            brat: None,
            problems: Vec::new(),
        },
    ];
    let errors = resolve(&corpus(), &raw, "f.jsonl", Unit::Codepoints).errors;
    assert_eq!(
        errors[0].to_string(),
        "f.jsonl:3: document \"b.txt\" is not in the corpus"
    );
    assert!(errors[1]
        .to_string()
        .starts_with("f.jsonl:4: no document of the corpus has this text"));
}

#[test]
fn annotation_files_are_decoded_like_texts_and_bad_lines_and_items_reported() {
    let dir = tempfile::tempdir().expect("temp dir");
    let ann = "T1\tPERSON 0 2\t王宁\nT2\tREGION 3 5\nT3\tREGION 3 5\t杭州\n";
    // A BOM before T1, and the same file in UTF-16: T1 loads in both.
    let with_bom = dir.path().join("bom.ann");
    std::fs::write(&with_bom, format!("\u{feff}{ann}")).expect("write");
    let utf16 = dir.path().join("utf16.ann");
    let bytes: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain(ann.encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    std::fs::write(&utf16, bytes).expect("write");
    for path in [&with_bom, &utf16] {
        let text = read_text(path).expect("decoded");
        let (docs, errors) = read_str("x.ann", &text, Some("a.txt".into()));
        let labels: Vec<&str> = docs[0].spans.iter().map(|s| s.label.as_str()).collect();
        assert_eq!(labels, ["PERSON", "REGION"], "{}", path.display());
        let kept = &docs[0].brat.as_ref().expect("brat").lines;
        assert!(kept.iter().all(|l| !l.contains('\u{feff}')), "{kept:?}");
        assert_eq!(errors.len(), 1, "the T line without text is reported");
        assert!(errors[0]
            .to_string()
            .starts_with("x.ann:2: T2 REGION 3 5: no text column"));
    }

    let jsonl = "\u{feff}{\"doc\": \"a.txt\", \"entities\": [{\"start\": 0, \"end\": 1, \"label\": \"PER\"}]}\n\
        {\"text\": \"王宁\", \"spans\": \"notalist\"}\n\
        {\"text\": \"王𠮷在杭州市调研\", \"label\": [[0, 1, \"PER\"], [\"x\"], [3, 6, \"GPE\"]]}\n";
    let (docs, errors) = read_str("m.jsonl", jsonl, None);
    assert_eq!(docs.len(), 2, "the BOM line and the doccano record load");
    assert_eq!(
        docs[1].spans.len(),
        2,
        "the doccano record keeps its good items"
    );
    let messages: Vec<String> = errors.iter().map(|e| e.to_string()).collect();
    assert!(
        messages[0].starts_with("m.jsonl:2: \"spans\" is not a list"),
        "{messages:?}"
    );
    assert!(
        messages[1].starts_with("m.jsonl:3: a doccano label that is not"),
        "{messages:?}"
    );
}

#[test]
fn a_document_named_ambiguously_is_an_error_naming_every_candidate() {
    let mut c = Corpus::default();
    for (id, path) in ["north/report.txt", "south/report.txt"].iter().enumerate() {
        c.docs.push(crate::corpus::Document::new(
            DocId(id as u32),
            (*path).into(),
            "王宁在杭州".to_string(),
            SourceEncoding::Utf8,
        ));
    }
    let raw = vec![RawDoc {
        doc: DocRef::Path("report.txt".into()),
        spans: vec![span(0, 2, None, 1)],
        line: 1,
        counts_utf16: false,
        brat: None,
        problems: Vec::new(),
    }];
    let r = resolve(&c, &raw, "g.jsonl", Unit::Codepoints);
    assert!(r.mentions.is_empty(), "attached to neither");
    assert_eq!(
        r.errors[0].to_string(),
        "g.jsonl:1: document \"report.txt\" matches 2 documents (\"north/report.txt\", \"south/report.txt\"): name one by its whole path"
    );
}
