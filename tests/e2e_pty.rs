//! End to end: the real binary in a pseudo-terminal, driven by keystrokes, read back from an
//! emulated screen. Waits have a generous deadline only so that a broken build fails instead of
//! hanging; nothing here measures speed.

use portable_pty::{native_pty_system, CommandBuilder, MasterPty, PtySize};
use std::io::{Read, Write};
use std::sync::mpsc::{channel, Receiver};
use std::time::{Duration, Instant};

const ROWS: u16 = 40;
const COLS: u16 = 140;
const DEADLINE: Duration = Duration::from_secs(30);

struct Session {
    parser: vt100::Parser,
    output: Receiver<Vec<u8>>,
    writer: Box<dyn Write + Send>,
    /// Kept for resizing; dropping it would hang up the child.
    master: Box<dyn MasterPty + Send>,
    child: Box<dyn portable_pty::Child + Send + Sync>,
}

impl Session {
    fn start(args: &[&str]) -> Session {
        let pair = native_pty_system()
            .openpty(PtySize {
                rows: ROWS,
                cols: COLS,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("open a pty");
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_gazette"));
        cmd.args(args);
        cmd.env("TERM", "xterm-256color");
        // The bundled corpus's review database goes to the user's data folder: keep it in a
        // folder of the test's own.
        // Each session its own, so that tests running side by side never share a place or a
        // decision.
        static SESSIONS: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
        let n = SESSIONS.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        cmd.env(
            "XDG_DATA_HOME",
            std::env::temp_dir().join(format!("gazette-e2e-{}-{n}", std::process::id())),
        );
        cmd.env(
            "GAZETTE_CACHE_DIR",
            std::env::temp_dir().join(format!("gazette-e2e-cache-{}", std::process::id())),
        );
        // No user's config file changes the keys under test.
        cmd.env(
            "XDG_CONFIG_HOME",
            std::env::temp_dir().join(format!("gazette-e2e-config-{}", std::process::id())),
        );
        // From an unrelated folder: the bundled corpus is embedded in the binary.
        cmd.cwd(std::env::temp_dir());
        let child = pair.slave.spawn_command(cmd).expect("spawn gazette");
        drop(pair.slave);
        let mut reader = pair.master.try_clone_reader().expect("pty reader");
        let writer = pair.master.take_writer().expect("pty writer");
        let (tx, output) = channel();
        std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 || tx.send(buf[..n].to_vec()).is_err() {
                    break;
                }
            }
        });
        Session {
            parser: vt100::Parser::new(ROWS, COLS, 0),
            output,
            writer,
            master: pair.master,
            child,
        }
    }

    fn pump(&mut self) {
        while let Ok(bytes) = self.output.recv_timeout(Duration::from_millis(50)) {
            self.parser.process(&bytes);
        }
    }

    fn screen(&self) -> String {
        self.parser.screen().contents()
    }

    /// Waits until the screen shows `needle`, or fails with the screen as it is.
    fn wait_for(&mut self, needle: &str) {
        self.wait_until(&format!("showing {needle:?}"), |s| s.contains(needle));
    }

    fn wait_until(&mut self, what: &str, done: impl Fn(&str) -> bool) {
        let start = Instant::now();
        while start.elapsed() < DEADLINE {
            self.pump();
            if done(&self.screen()) {
                return;
            }
        }
        panic!("screen never ended up {what}:\n{}", self.screen());
    }

    fn resize(&mut self, rows: u16, cols: u16) {
        self.master
            .resize(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("resize");
        self.parser.screen_mut().set_size(rows, cols);
    }

    fn send(&mut self, keys: &str) {
        self.writer.write_all(keys.as_bytes()).expect("type");
        self.writer.flush().expect("flush");
    }
}

#[test]
fn filter_by_a_person_and_jump_to_his_mentions() {
    let mut s = Session::start(&[]);
    s.wait_for("Documents 5/5");
    assert!(
        s.parser.screen().alternate_screen(),
        "runs on the alternate screen"
    );
    s.send("/");
    s.wait_for("scope: Person");
    s.send("lian");
    s.wait_for("Lian Maojun");
    s.send("\r");
    s.wait_for("Documents 2/5");
    s.send("n");
    s.wait_for("mention 1 of 6");
    s.send("n");
    s.wait_for("mention 2 of 6");

    // The current mention is drawn reversed: find "Lian Maojun" in the reader with inverse video.
    let screen = s.parser.screen();
    let reversed = (0..ROWS).any(|row| {
        let line: String = (0..COLS)
            .filter_map(|col| screen.cell(row, col))
            .map(|c| c.contents())
            .collect();
        line.match_indices("Lian Maojun").any(|(i, _)| {
            let col = line[..i].chars().count() as u16;
            screen.cell(row, col + 1).is_some_and(|c| c.inverse())
        })
    });
    assert!(
        reversed,
        "the current mention is emphasized:\n{}",
        s.screen()
    );

    s.send("q");
    let start = Instant::now();
    let status = loop {
        if let Some(status) = s.child.try_wait().expect("wait") {
            break status;
        }
        assert!(start.elapsed() < DEADLINE, "gazette did not quit");
        s.pump();
    };
    s.pump();
    assert!(status.success());
    let screen = s.parser.screen();
    assert!(
        !screen.alternate_screen(),
        "the alternate screen is left on quit"
    );
    assert_eq!(
        screen.mouse_protocol_mode(),
        vt100::MouseProtocolMode::None,
        "mouse capture is released"
    );
    assert!(!screen.hide_cursor(), "the cursor is shown again");
}

#[test]
fn a_resize_redraws_at_the_new_size() {
    let mut s = Session::start(&[]);
    s.wait_for("Entities");
    // Below 60 columns only the focused pane (the list) is drawn.
    s.resize(20, 50);
    s.wait_until("without the entity pane", |screen| {
        !screen.contains("Entities") && screen.contains("Documents 5/5")
    });
    s.resize(30, 100);
    s.wait_for("Entities");
    s.resize(5, 18);
    s.wait_for("gazette: enlarge");
    s.send("q");
    let start = Instant::now();
    while s.child.try_wait().expect("wait").is_none() {
        assert!(start.elapsed() < DEADLINE, "gazette did not quit");
        s.pump();
    }
}

fn wait_exit(s: &mut Session) -> portable_pty::ExitStatus {
    let start = Instant::now();
    loop {
        if let Some(status) = s.child.try_wait().expect("wait") {
            return status;
        }
        assert!(start.elapsed() < DEADLINE, "gazette did not quit");
        s.pump();
    }
}

#[test]
fn a_rejection_survives_quitting_and_reopening() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("review.db");
    let store = store.to_str().unwrap();
    let mut s = Session::start(&["--store", store]);
    s.wait_for("Documents 5/5");
    s.send("]");
    s.wait_for("unreviewed · reviewed 0/");
    s.send("x");
    s.wait_for("rejected \"Lian Maojun\" · saved (1 reviewed)");
    s.send("q");
    assert!(wait_exit(&mut s).success());

    let mut s = Session::start(&["--store", store]);
    s.wait_for("reviewed 1/");
    // Back where the reviewer was: on the mention after the rejected one.
    s.wait_for("unreviewed · reviewed 1/");
    s.send("[");
    s.wait_for("● PER Lian Maojun · rejected · reviewed 1/");
    s.send("q");
    wait_exit(&mut s);
}

#[test]
fn killing_the_process_loses_no_acknowledged_decision() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("review.db");
    let mut s = Session::start(&["--store", store.to_str().unwrap()]);
    s.wait_for("Documents 5/5");
    // A stream of decisions: each x rejects the current mention and moves to the next.
    s.send("]");
    s.send(&"x".repeat(60));
    // Wait until the screen has acknowledged some, then kill without warning.
    let acknowledged = |screen: &str| {
        screen
            .split("saved (")
            .nth(1)
            .and_then(|r| r.split(' ').next())
            .and_then(|n| n.parse::<usize>().ok())
            .unwrap_or(0)
    };
    s.wait_until("acknowledging five decisions", |screen| {
        acknowledged(screen) >= 5
    });
    let seen = acknowledged(&s.screen());
    let pid = s.child.process_id().expect("child pid");
    let killed = std::process::Command::new("kill")
        .args(["-9", &pid.to_string()])
        .status()
        .expect("kill");
    assert!(killed.success());
    wait_exit(&mut s);
    let stored = gazette::review::Store::open(&store)
        .unwrap()
        .decisions()
        .unwrap();
    assert!(
        stored.len() >= seen,
        "{} stored, {seen} acknowledged on screen",
        stored.len()
    );
}

#[test]
fn keys_rebound_in_a_config_file_work_and_show_in_help() {
    let dir = tempfile::tempdir().expect("temp dir");
    let config = dir.path().join("gazette.toml");
    // Filter on F2 instead of /; quit on Ctrl-x only; a mistake on line 4 is reported.
    std::fs::write(
        &config,
        "[keys.global]\nopen_filter = \"F2\"\nquit = [\"Ctrl-x\"]\nfly = \"z\"\n",
    )
    .expect("write config");
    let mut s = Session::start(&["--config", config.to_str().expect("utf-8 path")]);
    s.wait_for("Documents 5/5");
    s.wait_for("F2 filter");
    s.wait_for("gazette.toml:4: \"fly\" is not an action");
    s.send("/");
    s.send("\x1bOQ"); // F2
    s.wait_for("scope: Person");
    s.send("lian\r");
    s.wait_for("Documents 2/5");
    s.send("?");
    s.wait_until("listing F2 in help", |screen| {
        screen
            .lines()
            .any(|l| l.contains("F2") && l.contains("filter documents by an entity"))
    });
    s.send("q"); // closes the help; q no longer quits
    s.send("q");
    s.pump();
    assert!(s.child.try_wait().expect("wait").is_none(), "q was unbound");
    s.send("\x18"); // Ctrl-x
    assert!(wait_exit(&mut s).success());
}

/// Issue 14's "done when": two entities merged, a mention split off and its entity renamed, a
/// mention relabelled with a label only an imported spaCy file uses — then quit, reopened, and
/// all of it found in the entity pane, the filter and the export.
#[test]
fn entity_decisions_and_an_imported_label_survive_reopening() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    std::fs::create_dir(&corpus).unwrap();
    let seeds = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    for entry in std::fs::read_dir(&seeds).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "txt") {
            std::fs::copy(&path, corpus.join(path.file_name().unwrap())).unwrap();
        }
    }
    // A spaCy file giving the second article one NORP mention: NORP joins the label schema.
    let second = "001_cdb4b5fdbd235da2.txt";
    let text = std::fs::read_to_string(corpus.join(second)).unwrap();
    let at = text.find("CPC").expect("CPC in the second article");
    let start = text[..at].chars().count();
    let spacy = dir.path().join("spacy.jsonl");
    let line = serde_json::json!({
        "text": text,
        "meta": {"doc": second},
        "spans": [{"start": start, "end": start + 3, "label": "NORP"}],
    });
    std::fs::write(&spacy, format!("{line}\n")).unwrap();
    let store = dir.path().join("review.db");
    let args = [
        corpus.to_str().unwrap(),
        "--annotations",
        spacy.to_str().unwrap(),
        "--store",
        store.to_str().unwrap(),
    ];
    let esc = |s: &mut Session| {
        s.send("\x1b");
        std::thread::sleep(Duration::from_millis(150));
        s.pump();
    };

    let mut s = Session::start(&args);
    s.wait_for("Documents 5/5");
    // Mark Yin Liangang in the filter, then merge it into Yan Liangang.
    s.send("/yin liangang");
    s.wait_for("Yin Liangang");
    s.send("\x14"); // Ctrl-t
    s.wait_for("* Yin Liangang");
    esc(&mut s);
    s.send("/yan liangang");
    s.wait_for("Yan Liangang");
    s.send("\r");
    s.wait_for("Documents 1/5");
    s.send("M");
    s.wait_for("Yin Liangang into Yan Liangang (1 mention in 1 document)");
    s.send("y");
    s.wait_for("merged Yin Liangang into Yan Liangang");
    // Split the first mention off into an entity of its own, and rename that one.
    s.send("n");
    s.wait_for("Yan Liangang: mention 1 of 3");
    s.send("S");
    s.wait_for("split \"YanLianGang\" off Yan Liangang into a new entity");
    s.send("r");
    s.wait_for("Rename the entity");
    s.send(&"\x7f".repeat(20));
    s.send("Y. L. Gang\r");
    s.wait_for("renamed YanLianGang to Y. L. Gang");
    // Relabel the next mention with the imported label, offered on 1.
    s.send("]R");
    s.wait_for("1 NORP");
    s.send("1");
    s.wait_for("NORP · saved");
    s.send("q");
    assert!(wait_exit(&mut s).success());

    let mut s = Session::start(&args);
    // Back in the same article: the entity pane lists the renamed and the merged entity.
    s.wait_for("Y. L. Gang");
    s.wait_until("the merged entity with both mentions left", |screen| {
        screen
            .lines()
            .any(|l| l.contains("Yan Liangang") && l.trim_end().ends_with("2│"))
    });
    s.wait_for("NORP (1)");
    // The filter finds the merged entity by the other's name.
    s.send("/yin liangang");
    s.wait_for("Yin Liangang → Yan Liangang");
    esc(&mut s);
    s.send("q");
    assert!(wait_exit(&mut s).success());

    let out = dir.path().join("out.jsonl");
    let export = std::process::Command::new(env!("CARGO_BIN_EXE_gazette"))
        .args(["export", "--out", out.to_str().unwrap()])
        .args(args)
        .env("GAZETTE_CACHE_DIR", dir.path().join("cache"))
        .output()
        .unwrap();
    assert!(export.status.success(), "{export:?}");
    let exported = std::fs::read_to_string(&out).unwrap();
    let last: serde_json::Value = serde_json::from_str(exported.lines().last().unwrap()).unwrap();
    let entities: Vec<(String, String, String)> = (last["entities"].as_array().unwrap().iter())
        .map(|e| {
            let s = |k: &str| e[k].as_str().unwrap().to_string();
            (s("text"), s("label"), s("entity"))
        })
        .collect();
    let entity_of = |text: &str| {
        (entities.iter())
            .filter(|(t, _, _)| t == text)
            .map(|(_, l, e)| (l.as_str(), e.as_str()))
            .collect::<Vec<_>>()
    };
    assert_eq!(
        entity_of("YanLianGang"),
        [("PERSON", "Y. L. Gang"), ("PERSON", "Yan Liangang")]
    );
    assert_eq!(entity_of("Yin Liangang"), [("PERSON", "Yan Liangang")]);
    assert_eq!(
        (entities.iter()).filter(|(_, l, _)| l == "NORP").count(),
        1,
        "{entities:?}"
    );
}

/// Issue 15's "done when": the real binary searches a Chinese word and an English phrase and
/// walks the hits; opens a profile and finds its names, its months and a role; picks the
/// strongest pair and gets its documents; applies OR, NOT and a date range.
#[test]
fn search_profile_pairs_and_richer_filters_on_the_bundled_articles() {
    let mut s = Session::start(&[]);
    s.wait_for("Documents 5/5");
    let esc = |s: &mut Session| {
        s.send("\x1b");
        std::thread::sleep(Duration::from_millis(150));
        s.pump();
    };
    // A Chinese word inside longer names, then its hits.
    s.send("f科创园\r");
    s.wait_for("1 documents contain \"科创园\"");
    s.wait_for("Documents 1/5 · text \"科创园\"");
    s.send("n");
    s.wait_for("hit 2 of 13 in this document");
    s.send("m");
    s.wait_for("13 hits of \"科创园\"");
    esc(&mut s);
    // An English phrase, walked on into the next document.
    s.send("c");
    s.send("fparty committee\r");
    s.wait_for("documents contain \"party committee\"");
    for _ in 0..12 {
        s.send("n");
    }
    s.wait_for("hit ");
    esc(&mut s);
    s.send("c");
    // A profile: names with counts, the months, a role with its date.
    s.send("/xi jinping\r");
    s.wait_for("Documents 3/5");
    s.send("P");
    s.wait_for("Profile: PER Xi Jinping 习近平");
    s.wait_for("names  习近平 (25)");
    s.wait_for("总书记 ×25 2024-02-07");
    s.wait_for("2020-05");
    s.wait_for("peak 25 a month");
    esc(&mut s);
    // The strongest person × region pair, and its documents.
    s.send("c");
    s.send("C");
    s.wait_for("PER × REG");
    s.send("\r");
    s.wait_for("2 documents mention Lian Maojun and Binhai 滨海新区");
    s.wait_for("Documents 2/5");
    // OR, NOT, a date range.
    s.send("c");
    s.send("/lian maojun | yin liangang\r");
    s.wait_for("Documents 3/5");
    // Too long for the list's title: shown whole above the list.
    s.wait_for("filters: PER Lian Maojun | PER Yin");
    s.send("c");
    s.send("/!lian maojun\r");
    s.wait_for("Documents 3/5 · ¬ PER Lian Maojun");
    s.wait_for("Documents 3/5");
    s.send("c");
    s.send("/date:2020..2022\r");
    s.wait_for("date 2020..2022");
    s.send("q");
    assert!(wait_exit(&mut s).success());
}
