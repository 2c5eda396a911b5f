//! A corpus of bad input — legacy encodings, invalid bytes, binary files, empty and huge files,
//! terminal escape sequences, bidirectional controls, a symbolic-link loop, a folder named like
//! a file — opened by the browser and by every subcommand: what can be read is read, what cannot
//! is named, nothing reaches the terminal raw, nothing panics.

mod support;

use gazette::index::Index;
use gazette::session::open_paths;
use gazette::tui::app::App;
use gazette::tui::theme::Theme;
use ratatui::layout::Rect;
use std::path::Path;
use support::{gazette, render};

/// The fixture corpus (tests/fixtures/bad, described in tests/fixtures/README.md) copied into
/// `dir`, with a file its owner cannot read added (git cannot keep one).
fn bad_corpus(dir: &Path) {
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/bad");
    copy_tree(&fixtures, dir);
    let locked = dir.join("locked.txt");
    std::fs::write(&locked, "Li Qiang visited Hefei.\n").unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).unwrap();
    }
}

/// Copies a folder, keeping symbolic links as links.
fn copy_tree(from: &Path, to: &Path) {
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        let kind = entry.file_type().unwrap();
        if kind.is_symlink() {
            #[cfg(unix)]
            std::os::unix::fs::symlink(std::fs::read_link(entry.path()).unwrap(), &target).unwrap();
        } else if kind.is_dir() {
            std::fs::create_dir(&target).unwrap();
            copy_tree(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

/// Whether this process can read `locked.txt` anyway (root can).
fn locked_is_readable(dir: &Path) -> bool {
    std::fs::File::open(dir.join("locked.txt")).is_ok()
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
    // Unreadable for a normal user (named, with the reason); root reads it regardless.
    if locked_is_readable(dir.path()) {
        assert!(names.contains(&"locked.txt"), "{names:?}");
    } else {
        assert!(
            warnings
                .iter()
                .any(|w| w == "locked.txt: skipped: permission denied"),
            "{warnings:?}"
        );
    }
    let gbk = corpus.docs.iter().find(|d| d.path == "gbk.txt").unwrap();
    assert!(gbk.text.starts_with("鹰潭市长张子建"));

    let index = gazette::session::analyze(&corpus);
    assert!(index
        .mentions
        .iter()
        .any(|m| corpus.docs[m.doc.index()].text[m.span.clone()] == *"张子建"));
    let mut app = App::new(corpus, index, Theme::new(true), Rect::new(0, 0, 120, 30));
    for row in 0..app.list.docs.len() {
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
    let readable = 6 + usize::from(locked_is_readable(dir.path()));
    assert_eq!(lines, readable, "one line per readable document");
    // Exports go outside the corpus: writing into it is refused (tests/formats_cli.rs).
    let elsewhere = tempfile::tempdir().unwrap();
    for format in ["jsonl", "brat", "doccano", "spacy"] {
        let to = elsewhere.path().join(format!("export-{format}"));
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
    let mut app = App::new(corpus, index, Theme::new(false), Rect::new(0, 0, 160, 45));
    let (_, w) = app.reader.wrapped.as_ref().unwrap();
    assert!(w.lines.len() > 100_000);
    app.reader.top = w.lines.len() / 2;
    let _ = render(&app);
    app.resize(80, 24);
    let (_, w) = app.reader.wrapped.as_ref().unwrap();
    assert!(w.width == app.reader_size().0 && w.lines.len() > 200_000);
    let _ = render(&app);
}

/// File names and annotation values with terminal sequences are shown escaped on every output of
/// the command line, never sent raw (a name with `ESC ] 2 ;` would retitle the terminal).
#[test]
fn hostile_names_never_reach_the_terminal_raw() {
    let dir = tempfile::tempdir().unwrap();
    let hostile = "\x1b]2;pwned\x07\x1b[2J";
    std::fs::write(
        dir.path().join(format!("{hostile}.txt")),
        [0u8, 1, 2, 0, 0xff],
    )
    .unwrap();
    std::fs::write(
        dir.path().join("ok.txt"),
        "A title\n\nMayor Li Ming visited Hefei.",
    )
    .unwrap();
    let d = dir.path().to_str().unwrap();
    let raw = |bytes: &[u8]| bytes.contains(&0x1b) || bytes.contains(&0x07);
    let extract = gazette(&["extract", d]);
    assert!(extract.status.success());
    let stderr = String::from_utf8_lossy(&extract.stderr);
    assert!(
        stderr.contains("^[]2;pwned^G^[[2J.txt: skipped"),
        "{stderr}"
    );
    assert!(!raw(&extract.stderr) && !raw(&extract.stdout));

    let doc = format!("{hostile}.txt");
    let line = serde_json::json!({"doc": doc, "entities": [
        {"start": 0, "end": 1, "label": format!("X{hostile}")}]});
    let gold = dir.path().join("gold.jsonl");
    std::fs::write(&gold, format!("{line}\n")).unwrap();
    let eval = gazette(&[
        "eval",
        "--gold",
        gold.to_str().unwrap(),
        "--pred",
        gold.to_str().unwrap(),
        "--per-doc",
    ]);
    assert!(
        !raw(&eval.stdout) && !raw(&eval.stderr),
        "eval prints names escaped"
    );
    assert!(String::from_utf8_lossy(&eval.stdout).contains("^[]2;pwned"));
}

/// Runs gazette with `args`, killing it (and failing) if it has not finished in 60 seconds: a
/// load that waits on a FIFO must fail the test, not hang it.
#[cfg(unix)]
fn gazette_within_a_minute(args: &[&str]) -> std::process::Output {
    use std::time::{Duration, Instant};
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_gazette"))
        .args(args)
        .env(
            "GAZETTE_CACHE_DIR",
            std::env::temp_dir().join("gazette-tests-cache"),
        )
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let started = Instant::now();
    while child.try_wait().unwrap().is_none() {
        if started.elapsed() > Duration::from_secs(60) {
            child.kill().unwrap();
            panic!("gazette {args:?} did not finish: it waits on something it should not read");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    child.wait_with_output().unwrap()
}

/// FIFOs, devices and a huge binary file are never read: each is named and skipped, quickly, and
/// the rest of the corpus loads.
#[cfg(unix)]
#[test]
fn fifos_devices_and_huge_binary_files_are_skipped_by_name() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("pipe.txt");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status();
    assert!(made.is_ok_and(|s| s.success()), "mkfifo makes the FIFO");
    // A sparse gigabyte of zeros: binary from its first bytes.
    let huge = std::fs::File::create(dir.path().join("huge.txt")).unwrap();
    huge.set_len(1 << 30).unwrap();
    std::fs::write(
        dir.path().join("ok.txt"),
        "A title\n\nMayor Li Ming visited Hefei.",
    )
    .unwrap();
    let d = dir.path().to_str().unwrap();
    let o = gazette_within_a_minute(&["extract", d]);
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(o.status.success(), "{stderr}");
    assert!(
        stderr.contains("pipe.txt: skipped: not a regular file"),
        "{stderr}"
    );
    assert!(
        stderr.contains("huge.txt: skipped: binary file"),
        "{stderr}"
    );
    assert!(String::from_utf8_lossy(&o.stdout).contains("Li Ming"));

    for explicit in [fifo.to_str().unwrap(), "/dev/zero"] {
        let o = gazette_within_a_minute(&["extract", explicit]);
        let stderr = String::from_utf8_lossy(&o.stderr);
        assert!(
            stderr.contains(&format!("{explicit}: skipped: not a regular file")),
            "{stderr}"
        );
        assert!(!o.status.success(), "nothing readable: {stderr}");
    }
}

/// A FIFO where the extraction cache or the corpus snapshot would be is ignored, never read: the
/// load goes on without them.
#[cfg(unix)]
#[test]
fn a_fifo_in_place_of_the_cache_or_the_snapshot_is_not_read() {
    let (dir, cache) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    std::fs::write(
        dir.path().join("ok.txt"),
        "A title\n\nMayor Li Ming visited Hefei.",
    )
    .unwrap();
    let fifo = |path: &std::path::Path| {
        let made = std::process::Command::new("mkfifo").arg(path).status();
        assert!(made.is_ok_and(|s| s.success()), "mkfifo {}", path.display());
    };
    fifo(&gazette::cache::file_in(cache.path()));
    fifo(&gazette::snapshot::file_for(
        cache.path(),
        &[dir.path().to_path_buf()],
    ));
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_gazette"))
        .args(["extract", dir.path().to_str().unwrap()])
        .env("GAZETTE_CACHE_DIR", cache.path())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let started = std::time::Instant::now();
    while child.try_wait().unwrap().is_none() {
        if started.elapsed() > std::time::Duration::from_secs(60) {
            child.kill().unwrap();
            panic!("the load waited on a FIFO in the cache folder");
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    let o = child.wait_with_output().unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(String::from_utf8_lossy(&o.stdout).contains("Li Ming"));
}

/// The annotation fixtures (tests/fixtures/annotations): brat files with a byte-order mark, in
/// UTF-16 and with a T line missing its text, a JSONL file with a byte-order mark naming one
/// document well and another ambiguously. What loads, loads; what cannot is named by line.
#[test]
fn annotation_files_with_marks_encodings_and_ambiguous_documents() {
    let fixtures =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/annotations");
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    copy_dir(&fixtures, &corpus);
    let out = dir.path().join("out.jsonl");
    let o = gazette(&[
        "export",
        corpus.to_str().unwrap(),
        "--annotations",
        corpus.join("extra.jsonl").to_str().unwrap(),
        "--merge",
        "--out",
        out.to_str().unwrap(),
    ]);
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(o.status.success(), "{stderr}");
    let written = std::fs::read_to_string(&out).unwrap();
    let texts: Vec<String> = written
        .lines()
        .flat_map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).unwrap();
            let doc = v["doc"].as_str().unwrap().to_string();
            v["entities"]
                .as_array()
                .unwrap()
                .iter()
                .map(move |e| {
                    format!(
                        "{doc} {} {}",
                        e["label"].as_str().unwrap(),
                        e["text"].as_str().unwrap()
                    )
                })
                .collect::<Vec<_>>()
        })
        .collect();
    for expected in [
        "bom.txt PERSON Li Ming",
        "utf16.txt PERSON Wang Fang",
        "utf16.txt REGION Tianjin",
        "notext.txt PERSON Zhao Lei",
        "bom.txt REGION Hefei",
    ] {
        assert!(texts.iter().any(|t| t == expected), "{expected}: {texts:?}");
    }
    assert!(
        stderr.contains("notext.ann:2: T2 REGION 39 44: no text column"),
        "{stderr}"
    );
    assert!(
        stderr.contains("extra.jsonl:2: document \"report.txt\" matches 2 documents"),
        "{stderr}"
    );
    assert!(
        !written.contains('\u{feff}'),
        "no stray byte-order mark is written back"
    );
}

fn copy_dir(from: &std::path::Path, to: &std::path::Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

/// Problems while loading have an overlay of their own (`!`), each wrapped whole; help only
/// says how many there are.
#[test]
fn problems_are_listed_whole_behind_their_own_key() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("good.txt"),
        "A title\n\nMayor Li Ming visited Hefei.",
    )
    .unwrap();
    let long = format!("{}.txt", "a-very-long-file-name-".repeat(6));
    std::fs::write(dir.path().join(&long), [0u8, 159, 146, 150, 0, 0, 1, 2]).unwrap();
    let corpus = open_paths(&[dir.path().to_path_buf()]);
    assert_eq!(corpus.warnings.len(), 1);
    let mut a = support::app_with(corpus, Theme::new(false), 80, 24);
    support::keys(&mut a, "?");
    let help = gazette::tui::view::help::lines(&a);
    let help: String = help.iter().map(|l| l.to_string() + "\n").collect();
    assert!(
        help.contains("1 problem(s) while loading: ! lists them"),
        "{help}"
    );
    assert!(!help.contains("a-very-long"), "help no longer lists them");
    support::keys(&mut a, "<Esc>!");
    let lines = gazette::tui::view::problems::lines(&a, 80);
    assert!(lines.len() > 1, "a long problem wraps: {lines:?}");
    let joined: String = (lines.iter())
        .map(|l| l.to_string().trim_start_matches(['•', ' ']).to_string())
        .collect();
    assert!(joined.contains(&long), "the whole name: {joined}");
    let screen = support::screen(&a);
    assert!(screen.contains("1 problem(s) while loading"), "{screen}");
    let first = lines[0].to_string();
    assert!(screen.contains(first.trim_end()), "shown:\n{screen}");
    support::keys(&mut a, "!");
    assert!(a.overlay().is_none(), "! closes it again");
}
