//! Import and export through the command line, as a reviewer moves annotations between tools.

mod support;

use support::gazette;

use serde_json::Value;
use std::path::Path;

fn jsonl(path: &Path) -> Vec<Value> {
    std::fs::read_to_string(path)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

/// (doc, start, end, label, text, entity) of every span, for comparing exports.
fn spans(lines: &[Value]) -> Vec<(String, u64, u64, String, String, String)> {
    lines
        .iter()
        .flat_map(|d| {
            d["entities"].as_array().unwrap().iter().map(move |e| {
                (
                    d["doc"].as_str().unwrap().to_string(),
                    e["start"].as_u64().unwrap(),
                    e["end"].as_u64().unwrap(),
                    e["label"].as_str().unwrap().to_string(),
                    e["text"].as_str().unwrap().to_string(),
                    e["entity"].as_str().unwrap().to_string(),
                )
            })
        })
        .collect()
}

#[test]
fn brat_export_reopens_as_the_same_annotation() {
    let dir = tempfile::tempdir().unwrap();
    let original = dir.path().join("original.jsonl");
    let brat = dir.path().join("brat");
    let again = dir.path().join("again.jsonl");
    assert!(gazette(&["extract", "--out", original.to_str().unwrap()])
        .status
        .success());
    let out = gazette(&[
        "export",
        "--format",
        "brat",
        "--out",
        brat.to_str().unwrap(),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(brat.join("002_c9ee5c7def9b2ae7.ann").is_file());
    // The brat folder is a corpus whose .ann files are read without being named.
    let out = gazette(&[
        "export",
        brat.to_str().unwrap(),
        "--out",
        again.to_str().unwrap(),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(spans(&jsonl(&again)), spans(&jsonl(&original)));
}

#[test]
fn doccano_with_utf16_offsets_round_trips() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    std::fs::create_dir(&corpus).unwrap();
    std::fs::write(
        corpus.join("a.txt"),
        "王𠮷在杭州市调研。市长张立新表示,合肥将加快发展。\n",
    )
    .unwrap();
    let doccano = dir.path().join("doccano.jsonl");
    let back = dir.path().join("back.jsonl");
    let direct = dir.path().join("direct.jsonl");
    let c = corpus.to_str().unwrap();
    assert!(gazette(&[
        "extract",
        c,
        "--format",
        "doccano",
        "--offsets",
        "utf16",
        "--out",
        doccano.to_str().unwrap()
    ])
    .status
    .success());
    let line: Value = serde_json::from_str(
        std::fs::read_to_string(&doccano)
            .unwrap()
            .lines()
            .next()
            .unwrap(),
    )
    .unwrap();
    let first = &line["label"][0];
    assert_eq!(
        (first[0].as_u64(), first[1].as_u64()),
        (Some(4), Some(7)),
        "杭州市 at UTF-16 units 4–7: {line}"
    );
    let out = gazette(&[
        "export",
        c,
        "--annotations",
        doccano.to_str().unwrap(),
        "--offsets",
        "utf16",
        "--out",
        back.to_str().unwrap(),
    ]);
    assert!(out.status.success() && out.stderr.iter().all(|_| true));
    assert!(gazette(&["extract", c, "--out", direct.to_str().unwrap()])
        .status
        .success());
    let strip_entity = |v: Vec<(String, u64, u64, String, String, String)>| {
        v.into_iter()
            .map(|s| (s.0, s.1, s.2, s.3, s.4))
            .collect::<Vec<_>>()
    };
    assert_eq!(
        strip_entity(spans(&jsonl(&back))),
        strip_entity(spans(&jsonl(&direct)))
    );
    // Read as code points (the default), the spans after 𠮷 would be off by one: without span
    // text nothing proves it, so the reviewer is told.
    let wrong = gazette(&[
        "export",
        c,
        "--annotations",
        doccano.to_str().unwrap(),
        "--out",
        back.to_str().unwrap(),
        "--force",
    ]);
    let stderr = String::from_utf8_lossy(&wrong.stderr);
    assert!(
        stderr.contains("doccano.jsonl:1: this tool counts UTF-16 units"),
        "{stderr}"
    );
}

#[test]
fn bad_spans_are_reported_and_the_rest_loads() {
    let dir = tempfile::tempdir().unwrap();
    let (stderr, out_file) = export_spacy(
        dir.path(),
        "Li Qiang visited Hefei.",
        concat!(
            r#"{"text": "Li Qiang visited Hefei.", "spans": [{"start": 0, "end": 8, "label": "PER"}, {"start": 17, "end": 40, "label": "GPE"}, {"start": 9, "end": 16, "label": "EVENT", "text": "visitor"}]}"#,
            "\n",
            r#"{"text": "Li Qiang visited Hefei.", "spans": [], "answer": "reject"}"#,
            "\n",
        ),
    );
    assert!(
        stderr.contains(
            "spacy.jsonl:1: span 17..40 GPE: out of range (the document has 23 characters)"
        ),
        "{stderr}"
    );
    assert!(stderr.contains("spacy.jsonl:1: span 9..16 EVENT: text \"visitor\" disagrees with the document's \"visited\""), "{stderr}");
    assert!(
        stderr.contains("spacy.jsonl:2: example answered \"reject\""),
        "{stderr}"
    );
    let got = spans(&jsonl(&out_file));
    assert_eq!(got.len(), 1);
    assert_eq!(
        (got[0].3.as_str(), got[0].4.as_str()),
        ("PERSON", "Li Qiang"),
        "PER maps onto PERSON"
    );
}

#[test]
fn unknown_labels_are_kept_and_merge_keeps_the_extractor_too() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    std::fs::create_dir(&corpus).unwrap();
    std::fs::write(
        corpus.join("a.txt"),
        "Mayor Zhang Lixin visited the Hefei Grand Theatre.",
    )
    .unwrap();
    std::fs::write(
        corpus.join("a.ann"),
        "T1\tFACILITY 30 49\tHefei Grand Theatre\n",
    )
    .unwrap();
    let only = dir.path().join("only.jsonl");
    let merged = dir.path().join("merged.jsonl");
    let c = corpus.to_str().unwrap();
    assert!(gazette(&["export", c, "--out", only.to_str().unwrap()])
        .status
        .success());
    let labels: Vec<String> = spans(&jsonl(&only)).into_iter().map(|s| s.3).collect();
    assert_eq!(
        labels,
        ["FACILITY"],
        "the .ann beside the text replaces the extractor"
    );
    assert!(
        gazette(&["export", c, "--merge", "--out", merged.to_str().unwrap()])
            .status
            .success()
    );
    let labels: Vec<String> = spans(&jsonl(&merged)).into_iter().map(|s| s.3).collect();
    assert_eq!(
        labels,
        ["PERSON", "FACILITY"],
        "with --merge the extractor's person is kept"
    );
}

#[test]
fn brat_needs_a_folder() {
    let out = gazette(&["extract", "--format", "brat"]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("--out FOLDER"));
}

#[test]
fn brat_lines_gazette_does_not_interpret_survive_the_round_trip() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    std::fs::create_dir(&corpus).unwrap();
    std::fs::write(corpus.join("a.txt"), "Li Qiang visited Hefei.").unwrap();
    let ann = "T1\tPERSON 0 8\tLi Qiang\nT4\tGPE 17 22\tHefei\nA1\tStatus T1 Checked\nR1\tVisited Arg1:T1 Arg2:T4\n*\tEquiv T4 T4\n#1\tAnnotatorNotes T4\tcapital of Anhui\nN1\tReference T1 Wikidata:Q123\tLi Qiang\n";
    std::fs::write(corpus.join("a.ann"), ann).unwrap();
    let out = dir.path().join("out");
    let c = corpus.to_str().unwrap();
    assert!(gazette(&[
        "export",
        c,
        "--format",
        "brat",
        "--out",
        out.to_str().unwrap()
    ])
    .status
    .success());
    let written = std::fs::read_to_string(out.join("a.ann")).unwrap();
    for line in [
        "T1\tPERSON 0 8\tLi Qiang",
        "T4\tREGION 17 22\tHefei",
        "A1\tStatus T1 Checked",
        "R1\tVisited Arg1:T1 Arg2:T4",
        "*\tEquiv T4 T4",
        "#1\tAnnotatorNotes T4\tcapital of Anhui",
        "N1\tReference T1 Wikidata:Q123\tLi Qiang",
    ] {
        assert!(
            written.lines().any(|l| l == line),
            "{line:?} missing from\n{written}"
        );
    }
    assert!(
        written
            .lines()
            .any(|l| l.starts_with("N2\tReference T1 gazette:")),
        "gazette's own lines are numbered after the file's:\n{written}"
    );

    // Reject Hefei: the lines that point at T4 go, the others stay.
    let store = dir.path().join("review.db");
    let mut s = gazette::review::Store::open(&store).unwrap();
    s.append(&gazette::review::Decision {
        doc: "a.txt".into(),
        start: gazette::model::CodePoint(17),
        end: gazette::model::CodePoint(22),
        label: "REGION".into(),
        text: "Hefei".into(),
        verdict: gazette::review::Verdict::Reject,
    })
    .unwrap();
    let out2 = dir.path().join("out2");
    assert!(gazette(&[
        "export",
        c,
        "--store",
        store.to_str().unwrap(),
        "--format",
        "brat",
        "--out",
        out2.to_str().unwrap()
    ])
    .status
    .success());
    let written = std::fs::read_to_string(out2.join("a.ann")).unwrap();
    assert!(
        !written.contains("T4") && !written.contains("R1") && !written.contains("#1"),
        "{written}"
    );
    assert!(
        written.contains("A1\tStatus T1 Checked") && written.contains("Wikidata:Q123"),
        "{written}"
    );
}

/// An export never writes over the corpus it reads, nor over earlier work unless told to.
#[test]
fn export_refuses_to_write_over_its_input_or_an_existing_output() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    std::fs::create_dir(&corpus).unwrap();
    let gbk = [0xc4, 0xe3, 0xba, 0xc3, b'\n']; // 你好 in GBK: would be rewritten as UTF-8
    std::fs::write(corpus.join("a.txt"), gbk).unwrap();
    let corpus_arg = corpus.to_str().unwrap();
    for out in [corpus.clone(), corpus.join("out")] {
        let o = gazette(&[
            "export",
            corpus_arg,
            "--format",
            "brat",
            "--out",
            out.to_str().unwrap(),
            "--force",
        ]);
        assert!(!o.status.success(), "writing into the corpus is refused");
        let stderr = String::from_utf8_lossy(&o.stderr);
        assert!(
            stderr.contains(out.to_str().unwrap()),
            "names the path: {stderr}"
        );
    }
    assert_eq!(
        std::fs::read(corpus.join("a.txt")).unwrap(),
        gbk,
        "the source is untouched"
    );
    assert!(!corpus.join("a.ann").exists() && !corpus.join("out").exists());

    let out = dir.path().join("out.jsonl");
    std::fs::write(&out, "earlier work\n").unwrap();
    let o = gazette(&["extract", corpus_arg, "--out", out.to_str().unwrap()]);
    assert!(!o.status.success(), "an existing file is kept");
    assert!(String::from_utf8_lossy(&o.stderr).contains("--force"));
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "earlier work\n");
    let o = gazette(&[
        "extract",
        corpus_arg,
        "--out",
        out.to_str().unwrap(),
        "--force",
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(std::fs::read_to_string(&out)
        .unwrap()
        .contains("\"doc\":\"a.txt\""));
}

/// A document whose file changed since it was opened is never written with its mentions over
/// the notice that stands for it: the export names it and fails, and writes the others.
#[test]
fn a_document_whose_file_changed_is_not_exported_over_a_notice() {
    use gazette::corpus::{Corpus, Document, FileStamp, Origin, SourceEncoding, Text};
    use gazette::formats::export::{write, Destination, Extras, Format};
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("b.txt");
    let original = "Mayor Li Ming visited Hefei on Monday.";
    std::fs::write(&path, original).unwrap();
    let origin = Origin {
        file: path.clone(),
        hash: gazette::corpus::content_hash(original.as_bytes()),
        len: original.len(),
        stamp: FileStamp::of(&std::fs::metadata(&path).unwrap()).unwrap(),
    };
    std::fs::write(&path, original.replace("Monday", "Friday")).unwrap();
    let mut corpus = Corpus::default();
    let good = "Mayor Wang Fang visited Tianjin.".to_string();
    corpus.docs.push(Document::new(
        gazette::corpus::DocId(0),
        "a.txt".into(),
        good,
        SourceEncoding::Utf8,
    ));
    corpus.docs.push(Document::new(
        gazette::corpus::DocId(1),
        "b.txt".into(),
        Text::unread(origin),
        SourceEncoding::Utf8,
    ));
    let index = gazette::index::Index::build(&corpus, Vec::new());
    let mut out = Vec::new();
    let result = write(
        &corpus,
        &index,
        Extras::default(),
        Format::Jsonl,
        gazette::formats::Unit::Codepoints,
        Destination::Stdout(&mut out),
    );
    let err = result.expect_err("the changed document is an error");
    assert!(err
        .to_string()
        .contains("b.txt: changed since it was opened; not written"));
    let written = String::from_utf8(out).unwrap();
    assert!(
        written.contains("\"doc\":\"a.txt\"") && !written.contains("b.txt"),
        "{written}"
    );
}

/// A label none of the three maps onto is kept as its own, and said once per file.
#[test]
fn a_label_of_another_schema_is_kept_and_said_once() {
    let dir = tempfile::tempdir().unwrap();
    let (stderr, out_file) = export_spacy(
        dir.path(),
        "Li Qiang visited the Hefei Expo.",
        concat!(
            r#"{"text": "Li Qiang visited the Hefei Expo.", "spans": [{"start": 0, "end": 8, "label": "PER"}, {"start": 21, "end": 31, "label": "EVENT"}, {"start": 27, "end": 31, "label": "EVENT"}]}"#,
            "\n",
        ),
    );
    let said =
        "spacy.jsonl:1: label \"EVENT\" is none of PERSON, REGION, ORG: kept as a label of its own";
    assert_eq!(stderr.matches(said).count(), 1, "{stderr}");
    let written = std::fs::read_to_string(&out_file).unwrap();
    assert_eq!(
        written.matches("\"EVENT\"").count(),
        2,
        "both EVENT spans kept: {written}"
    );
}

/// Exports a corpus of one article `text` (`a.txt`) with the spaCy lines `spacy` as its
/// annotation: the export must succeed; its standard error and the file written.
fn export_spacy(dir: &std::path::Path, text: &str, spacy: &str) -> (String, std::path::PathBuf) {
    let corpus = dir.join("corpus");
    std::fs::create_dir(&corpus).unwrap();
    std::fs::write(corpus.join("a.txt"), text).unwrap();
    let annotations = dir.join("spacy.jsonl");
    std::fs::write(&annotations, spacy).unwrap();
    let out_file = dir.join("out.jsonl");
    let out = gazette(&[
        "export",
        corpus.to_str().unwrap(),
        "--annotations",
        annotations.to_str().unwrap(),
        "--out",
        out_file.to_str().unwrap(),
    ]);
    assert!(out.status.success(), "{out:?}");
    (String::from_utf8_lossy(&out.stderr).into_owned(), out_file)
}
