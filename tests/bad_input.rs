//! A corpus of bad input — legacy encodings, invalid bytes, binary files, empty and huge files,
//! terminal escape sequences, bidirectional controls, a symbolic-link loop, a folder named like
//! a file — opened by the browser and by every subcommand: what can be read is read, what cannot
//! is named, nothing reaches the terminal raw, nothing panics.

mod support;

use gazette::corpus::open_paths;
use gazette::index::Index;
use gazette::tui::app::App;
use gazette::tui::theme::Theme;
use ratatui::layout::Rect;
use std::path::Path;
use support::{gazette, render};

/// Writes the bad corpus into `dir`.
fn bad_corpus(dir: &Path) {
    let w = |name: &str, bytes: &[u8]| std::fs::write(dir.join(name), bytes).unwrap();
    let (gbk, _, _) = encoding_rs::GBK.encode("鹰潭市长张子建表示,要加快发展。\n");
    w("gbk.txt", &gbk);
    let mut utf16 = vec![0xFF, 0xFE];
    utf16.extend(
        "Mayor Zhang Zijian visited Yingtan.\r\n"
            .encode_utf16()
            .flat_map(|u| u.to_le_bytes()),
    );
    w("utf16.txt", &utf16);
    let mut invalid = "Li Qiang visited Hefei. ".repeat(20).into_bytes();
    invalid.insert(100, 0xFF);
    w("invalid-byte.txt", &invalid);
    w("image.txt", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01");
    w("empty.txt", b"");
    w(
        "crlf-tabs.txt",
        b"A title with tabs\r\n\r\n\tMayor\tLi Qiang\tsaid the zone grew.\r\n",
    );
    w("escapes.txt", b"Clear \x1b[2J title \x1b]2;pwned\x07 move \x1b[10;10H bell \x07 done\n\nLi Qiang said rlo \xe2\x80\xae reversed \xe2\x80\xac ok.\n");
    std::fs::create_dir(dir.join("folder.txt")).unwrap();
    std::fs::create_dir(dir.join("loop")).unwrap();
    #[cfg(unix)]
    std::os::unix::fs::symlink("..", dir.join("loop/up")).unwrap();
}

#[test]
fn the_browser_reads_what_it_can_and_names_the_rest() {
    let dir = tempfile::tempdir().unwrap();
    bad_corpus(dir.path());
    let corpus = open_paths(&[dir.path().to_path_buf()]);
    let names: Vec<&str> = corpus.docs.iter().map(|d| d.path.as_str()).collect();
    for readable in [
        "gbk.txt",
        "utf16.txt",
        "invalid-byte.txt",
        "empty.txt",
        "crlf-tabs.txt",
        "escapes.txt",
    ] {
        assert!(names.contains(&readable), "{readable} not read: {names:?}");
    }
    assert!(
        !names.iter().any(|n| n.contains("folder.txt")),
        "a folder is not a document"
    );
    let warnings: Vec<String> = corpus.warnings.iter().map(|w| w.to_string()).collect();
    assert!(
        warnings
            .iter()
            .any(|w| w.starts_with("image.txt: skipped: binary file")),
        "{warnings:?}"
    );
    assert!(
        warnings
            .iter()
            .any(|w| w.starts_with("invalid-byte.txt: 1 invalid UTF-8 byte")),
        "{warnings:?}"
    );
    assert!(
        warnings.iter().any(|w| w.contains("symbolic link loop")),
        "{warnings:?}"
    );
    let gbk = corpus.docs.iter().find(|d| d.path == "gbk.txt").unwrap();
    assert!(gbk.text.starts_with("鹰潭市长张子建"));

    let index = gazette::cli::analyze(&corpus);
    assert!(index
        .mentions
        .iter()
        .any(|m| corpus.docs[m.doc as usize].text[m.span.clone()] == *"张子建"));
    let mut app = App::new(
        corpus,
        index,
        Theme { color: true },
        Rect::new(0, 0, 120, 30),
    );
    for row in 0..app.visible.len() {
        app.select_row(row);
        for (w, h) in [(120, 30), (20, 6), (61, 9), (200, 50)] {
            app.resize(w, h);
            let buf = render(&app);
            for cell in buf.content() {
                assert!(
                    !cell
                        .symbol()
                        .chars()
                        .any(|c| c.is_control() || ('\u{202A}'..='\u{202E}').contains(&c)),
                    "raw control character on screen: {:?}",
                    cell.symbol()
                );
            }
        }
    }
}

#[test]
fn every_subcommand_survives_it() {
    let dir = tempfile::tempdir().unwrap();
    bad_corpus(dir.path());
    let d = dir.path().to_str().unwrap();
    let out = dir.path().join("out.jsonl");
    let extract = gazette(&["extract", d]);
    assert!(extract.status.success());
    assert!(String::from_utf8_lossy(&extract.stderr).contains("image.txt: skipped: binary file"));
    let lines = String::from_utf8_lossy(&extract.stdout).lines().count();
    assert_eq!(lines, 6, "one line per readable document");
    for format in ["jsonl", "brat", "doccano", "spacy"] {
        let to = dir.path().join(format!("export-{format}"));
        let r = gazette(&[
            "export",
            d,
            "--format",
            format,
            "--out",
            to.to_str().unwrap(),
            "--store",
            dir.path().join("none-yet.db").to_str().unwrap(),
        ]);
        // No review database yet at that path: export says so instead of inventing one.
        assert!(
            !r.status.success()
                && String::from_utf8_lossy(&r.stderr).contains("no such review database")
        );
        let r = gazette(&[
            "export",
            d,
            "--format",
            format,
            "--out",
            to.to_str().unwrap(),
        ]);
        assert!(
            r.status.success(),
            "{format}: {}",
            String::from_utf8_lossy(&r.stderr)
        );
    }
    std::fs::write(&out, &extract.stdout).unwrap();
    let eval = gazette(&[
        "eval",
        "--gold",
        out.to_str().unwrap(),
        "--pred",
        out.to_str().unwrap(),
        "--errors",
        d,
    ]);
    assert!(eval.status.success());
    assert!(String::from_utf8_lossy(&eval.stdout).contains("Disagreements (0)"));
}

#[test]
fn a_huge_single_line_wraps_and_draws() {
    // 20 MB on one line, as scraped pages sometimes are; drawn without extraction (which the
    // benchmarks time), wrapped at two widths, every visual line within the width.
    let dir = tempfile::tempdir().unwrap();
    let line = "天津滨海新区 Li Qiang visited Hefei, ".repeat(20 * 1024 * 1024 / 45);
    std::fs::write(dir.path().join("huge.txt"), &line).unwrap();
    let corpus = open_paths(&[dir.path().to_path_buf()]);
    assert_eq!(corpus.docs.len(), 1);
    let index = Index::build(&corpus, Vec::new());
    let mut app = App::new(
        corpus,
        index,
        Theme { color: false },
        Rect::new(0, 0, 160, 45),
    );
    let (_, w) = app.wrapped.as_ref().unwrap();
    assert!(w.lines.len() > 100_000);
    app.reader_top = w.lines.len() / 2;
    let _ = render(&app);
    app.resize(80, 24);
    let (_, w) = app.wrapped.as_ref().unwrap();
    assert!(w.width == app.reader_size().0 && w.lines.len() > 200_000);
    let _ = render(&app);
}
