//! Tests of import: validation messages, offset units, unknown documents.
use super::*;
use crate::corpus::SourceEncoding;

fn corpus() -> Corpus {
    let mut c = Corpus::default();
    c.docs.push(crate::corpus::Document::new(
        0,
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
        },
        RawDoc {
            doc: DocRef::Text("other".into()),
            spans: vec![],
            line: 4,
            counts_utf16: false,
            brat: None,
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
