//! The headless commands, run as a user runs them: the real binary, its stdout, stderr and exit.

mod support;

use support::gazette;

use serde_json::Value;
use std::path::Path;
use std::process::Output;

fn lines(out: &Output) -> Vec<Value> {
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("valid JSON line"))
        .collect()
}

/// Every span's `text` equals the document's characters at its code-point offsets.
fn assert_offsets_agree(root: &Path, docs: &[Value]) {
    for d in docs {
        let path = root.join(d["doc"].as_str().unwrap());
        let text = gazette::corpus::decode::decode(&std::fs::read(&path).unwrap())
            .unwrap()
            .0;
        let chars: Vec<char> = text.chars().collect();
        for e in d["entities"].as_array().unwrap() {
            let (s, t) = (
                e["start"].as_u64().unwrap() as usize,
                e["end"].as_u64().unwrap() as usize,
            );
            let slice: String = chars[s..t].iter().collect();
            assert_eq!(slice, e["text"].as_str().unwrap(), "{} {s}..{t}", d["doc"]);
            assert!(["PERSON", "REGION", "ORG"].contains(&e["label"].as_str().unwrap()));
            assert!(!e["entity"].as_str().unwrap().is_empty());
        }
    }
}

#[test]
fn extract_seeds_writes_a_valid_line_per_document() {
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let out = gazette(&["extract", seeds.to_str().unwrap(), "--format", "jsonl"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let docs = lines(&out);
    assert_eq!(docs.len(), 5);
    assert_eq!(
        docs[0]["doc"], "000_2ebd1f36031c8542.txt",
        "paths are relative to the corpus root"
    );
    assert_eq!(docs[2]["lang"], "zh");
    assert_eq!(docs[0]["lang"], "en");
    assert_eq!(
        docs[0]["title"],
        "Lian Maojun went to THT for investigation"
    );
    assert_offsets_agree(&seeds, &docs);
    let lian = docs[0]["entities"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["entity"] == "Lian Maojun")
        .count();
    assert_eq!(lian, 5);
}

#[test]
fn extract_without_a_path_reads_the_bundled_corpus() {
    let out = gazette(&["extract"]);
    assert!(out.status.success());
    assert_eq!(lines(&out).len(), 5);
}

#[test]
fn extract_reads_legacy_encodings_and_names_what_it_skips() {
    let dir = tempfile::tempdir().unwrap();
    let (gbk, _, _) = encoding_rs::GBK.encode("市长张立新表示,合肥市将加快建设。\n");
    std::fs::write(dir.path().join("gbk.txt"), &gbk).unwrap();
    let mut utf16 = vec![0xFF, 0xFE];
    utf16.extend(
        "Mayor Zhang Lixin said Hefei 𠮷 will grow.\n"
            .encode_utf16()
            .flat_map(|u| u.to_le_bytes()),
    );
    std::fs::write(dir.path().join("utf16.txt"), &utf16).unwrap();
    std::fs::write(
        dir.path().join("logo.txt"),
        b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR",
    )
    .unwrap();
    let out = gazette(&["extract", dir.path().to_str().unwrap()]);
    assert!(out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("logo.txt: skipped: binary file"),
        "{stderr}"
    );
    let docs = lines(&out);
    assert_eq!(docs.len(), 2);
    let texts: Vec<&str> = docs
        .iter()
        .flat_map(|d| d["entities"].as_array().unwrap())
        .map(|e| e["text"].as_str().unwrap())
        .collect();
    assert!(texts.contains(&"张立新"), "{texts:?}");
    assert!(
        texts.contains(&"Hefei"),
        "offsets after an astral character: {texts:?}"
    );
    assert_offsets_agree(dir.path(), &docs);
}

#[test]
fn extract_of_nothing_readable_fails_with_a_message() {
    let out = gazette(&["extract", "/no/such/folder"]);
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("/no/such/folder: skipped: no such file or folder"),
        "{stderr}"
    );
    assert!(stderr.contains("no document could be read"));
}

#[test]
fn help_and_version() {
    let help = gazette(&["--help"]);
    assert!(help.status.success());
    let text = String::from_utf8_lossy(&help.stdout);
    assert!(
        text.contains("extract") && text.contains("[PATHS]"),
        "{text}"
    );
    let version = gazette(&["--version"]);
    assert_eq!(
        String::from_utf8_lossy(&version.stdout).trim(),
        format!("gazette {}", env!("CARGO_PKG_VERSION"))
    );
    let bad = gazette(&["extract", "--format", "xml"]);
    assert!(!bad.status.success());
    assert!(String::from_utf8_lossy(&bad.stderr).contains("jsonl"));
}

#[test]
fn eval_reports_figures_and_names_bad_lines() {
    let dir = tempfile::tempdir().unwrap();
    let gold = dir.path().join("gold.jsonl");
    let pred = dir.path().join("pred.jsonl");
    std::fs::write(&gold, concat!(
        r#"{"doc": "a.txt", "entities": [{"start": 0, "end": 5, "label": "PERSON"}, {"start": 10, "end": 15, "label": "REGION"}]}"#, "\n",
        r#"{"doc": "b.txt", "entities": [{"start": 0, "end": 4, "label": "ORG"}]}"#, "\n",
    )).unwrap();
    std::fs::write(&pred, concat!(
        r#"{"doc": "a.txt", "entities": [{"start": 0, "end": 5, "label": "PER"}, {"start": 10, "end": 14, "label": "REGION"}]}"#, "\n",
        "{broken\n",
        r#"{"doc": "c.txt", "entities": [{"start": 1, "end": 3, "label": "ORG"}]}"#, "\n",
    )).unwrap();
    let out = gazette(&[
        "eval",
        "--gold",
        gold.to_str().unwrap(),
        "--pred",
        pred.to_str().unwrap(),
        "--per-doc",
        "--errors",
    ]);
    assert!(out.status.success());
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("pred.jsonl:2: not a gazette JSONL line"),
        "{stderr}"
    );
    // 1 correct of 3 gold and 3 predicted (PER maps onto PERSON).
    assert!(
        stdout.contains("micro             3      3        1      0.333   0.333   0.333"),
        "{stdout}"
    );
    assert!(
        stdout
            .contains("SemEval-2013: correct 1 · incorrect 0 · partial 1 · missed 1 · spurious 1"),
        "{stdout}"
    );
    assert!(stdout.contains("b.txt  missed"), "{stdout}");
    assert!(stdout.contains("c.txt  spurious"), "{stdout}");
    let missing = gazette(&[
        "eval",
        "--gold",
        "/no/gold.jsonl",
        "--pred",
        pred.to_str().unwrap(),
    ]);
    assert!(!missing.status.success());
    assert!(String::from_utf8_lossy(&missing.stderr).contains("/no/gold.jsonl"));
}

#[test]
fn eval_of_the_extractor_on_the_gold_matches_the_quality_test() {
    let extracted = gazette(&["extract"]);
    let dir = tempfile::tempdir().unwrap();
    let pred = dir.path().join("pred.jsonl");
    std::fs::write(&pred, &extracted.stdout).unwrap();
    let gold = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/gold/seeds.jsonl");
    let out = gazette(&["eval", "--gold", gold, "--pred", pred.to_str().unwrap()]);
    assert!(out.status.success());
    let stdout = String::from_utf8_lossy(&out.stdout);
    for label in ["PERSON", "REGION", "ORG", "micro"] {
        assert!(
            stdout.lines().any(|l| l.starts_with(label)),
            "{label} row missing:\n{stdout}"
        );
    }
    assert!(
        String::from_utf8_lossy(&out.stderr).is_empty(),
        "the extractor's own JSONL reads cleanly"
    );
}

#[test]
fn an_empty_folder_and_misleading_scores_are_said_plainly() {
    let dir = tempfile::tempdir().unwrap();
    let empty = dir.path().join("empty");
    std::fs::create_dir(&empty).unwrap();
    let out = gazette(&["extract", empty.to_str().unwrap()]);
    assert!(!out.status.success(), "nothing to extract is an error");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("no document could be read from") && stderr.contains("empty"));

    let nothing = dir.path().join("nothing.jsonl");
    std::fs::write(&nothing, "").unwrap();
    let n = nothing.to_str().unwrap();
    let eval = gazette(&["eval", "--gold", n, "--pred", n]);
    assert!(String::from_utf8_lossy(&eval.stderr).contains("nothing to score"));

    let (gold, pred) = (dir.path().join("gold.jsonl"), dir.path().join("pred.jsonl"));
    let line = |doc: &str| {
        format!(
            "{{\"doc\":\"{doc}\",\"entities\":[{{\"start\":0,\"end\":2,\"label\":\"PERSON\"}}]}}\n"
        )
    };
    std::fs::write(&gold, line("a.txt")).unwrap();
    std::fs::write(&pred, line("b.txt")).unwrap();
    let (g, p) = (gold.to_str().unwrap(), pred.to_str().unwrap());
    let eval = gazette(&["eval", "--gold", g, "--pred", p]);
    assert!(String::from_utf8_lossy(&eval.stderr).contains("no document in common"));
    let eval = gazette(&[
        "eval",
        "--gold",
        g,
        "--pred",
        g,
        "--errors",
        "/no/such/corpus",
    ]);
    assert!(!eval.status.success());
    assert!(String::from_utf8_lossy(&eval.stderr).contains("/no/such/corpus: no such corpus"));
}

/// `gazette profile NAME` on the bundled corpus: names with counts, the monthly timeline, a role
/// read beside the name, and who appears with the person.
#[test]
fn profile_of_a_person_on_the_seeds() {
    let out = support::gazette(&["profile", "lian maojun"]);
    assert!(out.status.success(), "{out:?}");
    let p: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(p["entity"], "Lian Maojun");
    assert_eq!(p["documents"], 2);
    assert_eq!(p["names"][0]["name"], "Lian Maojun");
    assert_eq!(p["names"][0]["mentions"], p["mentions"]);
    // One of the two articles is dated (May 2020): its mentions make the one month.
    assert_eq!(p["months"].as_array().unwrap().len(), 1);
    assert_eq!(p["months"][0]["month"], "2020-05");
    let undated = p["undated_mentions"].as_u64().unwrap();
    assert_eq!(
        p["months"][0]["mentions"].as_u64().unwrap() + undated,
        p["mentions"].as_u64().unwrap()
    );
    let roles: Vec<&str> = (p["roles"].as_array().unwrap().iter())
        .map(|r| r["role"].as_str().unwrap())
        .collect();
    assert!(
        roles.contains(&"Secretary of the Binhai New Area District Party Committee"),
        "{roles:?}"
    );
    assert!((p["with_by_document"].as_array().unwrap().iter())
        .any(|w| w["entity"] == "Binhai 滨海新区" && w["documents"] == 2));
    let missing = support::gazette(&["profile", "nobody at all"]);
    assert!(!missing.status.success());
    assert!(String::from_utf8_lossy(&missing.stderr).contains("no entity is named"));
}

/// `gazette cooc`: person × region pairs as CSV, each count the documents with both; by
/// sentence as JSONL.
#[test]
fn cooc_ranks_person_region_pairs() {
    let out = support::gazette(&["cooc", "--limit", "5"]);
    assert!(out.status.success(), "{out:?}");
    let text = String::from_utf8(out.stdout).unwrap();
    let mut lines = text.lines();
    assert_eq!(lines.next(), Some("row,row_label,col,col_label,documents"));
    let rows: Vec<Vec<&str>> = lines.map(|l| l.split(',').collect()).collect();
    assert_eq!(rows.len(), 5);
    assert!(rows.iter().all(|r| r[1] == "PERSON" && r[3] == "REGION"));
    assert_eq!(
        rows[0][..],
        ["Lian Maojun", "PERSON", "Binhai 滨海新区", "REGION", "2"]
    );
    let counts: Vec<usize> = rows.iter().map(|r| r[4].parse().unwrap()).collect();
    assert!(counts.windows(2).all(|w| w[0] >= w[1]));
    let out = support::gazette(&["cooc", "--by-sentence", "--format", "jsonl", "--limit", "1"]);
    let first: serde_json::Value =
        serde_json::from_slice(out.stdout.split(|&b| b == b'\n').next().unwrap()).unwrap();
    assert_eq!(first["row"], "Xi Jinping 习近平");
    assert_eq!(first["col"], "Tianjin 天津市");
    assert!(first["sentences"].as_u64().unwrap() > 1);
}

/// `gazette search`: a Chinese word inside longer names and an English phrase, each hit with
/// its document's path and date, offsets in code points and context; a corpus folder is
/// searched through its full-text index, built in the cache folder.
#[test]
fn search_finds_words_and_phrases_with_offsets_and_context() {
    let out = support::gazette(&["search", "科创园", "--limit", "2"]);
    assert!(out.status.success(), "{out:?}");
    let hits: Vec<serde_json::Value> = (String::from_utf8(out.stdout).unwrap().lines())
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(hits.len(), 2);
    for h in &hits {
        assert_eq!(h["text"], "科创园");
        assert_eq!(h["date"], "2024-02-07 13:52:00");
        let (start, end) = (h["start"].as_u64().unwrap(), h["end"].as_u64().unwrap());
        assert_eq!(end - start, 3, "offsets in code points");
    }
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    std::fs::create_dir(&corpus).unwrap();
    std::fs::write(
        corpus.join("a.txt"),
        "A title\n\nThe District Party Committee met.\n",
    )
    .unwrap();
    std::fs::write(corpus.join("b.txt"), "B title\n\nA party; a committee.\n").unwrap();
    let path = corpus.to_str().unwrap();
    let out = support::gazette(&["search", "party committee", path, "--format", "csv"]);
    assert!(out.status.success(), "{out:?}");
    let text = String::from_utf8(out.stdout).unwrap();
    let rows: Vec<&str> = text.lines().collect();
    assert_eq!(rows[0], "path,date,start,end,text,left,right");
    assert_eq!(rows.len(), 2, "the phrase, not the two words apart: {text}");
    assert!(
        rows[1].starts_with("a.txt,,22,37,Party Committee,"),
        "{}",
        rows[1]
    );
}
