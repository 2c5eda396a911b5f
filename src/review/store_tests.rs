//! The review database: decisions, undo and redo, places, upgrades.
use super::*;

fn decision(start: usize, verdict: Verdict) -> Decision {
    Decision {
        doc: "a.txt".into(),
        start: CodePoint(start),
        end: CodePoint(start + 2),
        label: "PERSON".into(),
        text: "王宁".into(),
        verdict,
    }
}

#[test]
fn decisions_survive_reopening_with_undo_and_redo() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(".gazette/review.db");
    {
        let mut s = Store::open(&path).unwrap();
        s.append(&decision(0, Verdict::Reject)).unwrap();
        s.append(&decision(5, Verdict::Relabel(Label::Org)))
            .unwrap();
        s.append(&decision(9, Verdict::Accept)).unwrap();
        assert!(s.undo().unwrap());
        s.set_place(&Place {
            doc: "a.txt".into(),
            offset: 42,
            mention: Some(50..56),
            focus: Some("reader".into()),
        })
        .unwrap();
    }
    let mut s = Store::open(&path).unwrap();
    let d = s.decisions().unwrap();
    assert_eq!(
        d,
        [
            decision(0, Verdict::Reject),
            decision(5, Verdict::Relabel(Label::Org))
        ]
    );
    assert_eq!(
        s.place(),
        Some(Place {
            doc: "a.txt".into(),
            offset: 42,
            mention: Some(50..56),
            focus: Some("reader".into()),
        })
    );
    assert!(s.redo().unwrap());
    assert_eq!(s.decisions().unwrap().len(), 3);
    assert!(s.undo().unwrap() && s.undo().unwrap());
    s.append(&decision(20, Verdict::Accept)).unwrap();
    assert!(
        !s.redo().unwrap(),
        "a new decision ends what could be redone"
    );
    assert_eq!(s.decisions().unwrap().len(), 2);
}

#[test]
fn a_bulk_decision_is_undone_as_one() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = Store::open(&dir.path().join("r.db")).unwrap();
    s.append(&decision(0, Verdict::Accept)).unwrap();
    s.append_all(&[
        decision(5, Verdict::Reject),
        decision(9, Verdict::Reject),
        decision(12, Verdict::Reject),
    ])
    .unwrap();
    assert_eq!(s.decisions().unwrap().len(), 4);
    assert!(s.undo().unwrap());
    assert_eq!(s.decisions().unwrap(), [decision(0, Verdict::Accept)]);
    assert!(s.redo().unwrap());
    assert_eq!(s.decisions().unwrap().len(), 4);
}

#[test]
fn a_database_from_an_earlier_version_is_upgraded() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("old.db");
    {
        let conn = Connection::open(&path).unwrap();
        conn.execute_batch("CREATE TABLE decisions (id INTEGER PRIMARY KEY AUTOINCREMENT, doc TEXT NOT NULL, start INTEGER NOT NULL, end INTEGER NOT NULL, label TEXT NOT NULL, text TEXT NOT NULL, verdict TEXT NOT NULL, new_label TEXT, undone INTEGER NOT NULL DEFAULT 0, made_at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP);
            INSERT INTO decisions (doc, start, end, label, text, verdict) VALUES ('a.txt', 0, 2, 'PERSON', '王宁', 'reject'), ('a.txt', 5, 7, 'PERSON', '王宁', 'accept');").unwrap();
    }
    let mut s = Store::open(&path).unwrap();
    assert_eq!(s.decisions().unwrap().len(), 2);
    assert!(s.undo().unwrap());
    assert_eq!(
        s.decisions().unwrap().len(),
        1,
        "old decisions undo one at a time"
    );
}

#[test]
fn a_database_locked_by_another_program_refuses_the_decision_then_recovers() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("r.db");
    let mut s = Store::open(&path).unwrap();
    let other = Connection::open(&path).unwrap();
    other.execute_batch("BEGIN EXCLUSIVE").unwrap();
    let e = s
        .append(&decision(0, Verdict::Accept))
        .expect_err("refused while locked");
    assert!(
        e.0.contains("locked") && e.0.starts_with(&path.display().to_string()),
        "{e}"
    );
    other.execute_batch("COMMIT").unwrap();
    s.append(&decision(0, Verdict::Accept)).unwrap();
    assert_eq!(
        s.decisions().unwrap().len(),
        1,
        "the refused decision was not half-stored"
    );
}

#[test]
fn a_file_that_is_not_a_database_is_refused_with_its_path() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("review.db");
    std::fs::write(
        &path,
        "this is not sqlite, just text that happens to be here ........",
    )
    .unwrap();
    let e = Store::open(&path).err().unwrap();
    assert!(e.0.starts_with(&path.display().to_string()), "{e}");
}

#[test]
fn an_unwritable_folder_is_refused() {
    let e = Store::open(Path::new("/proc/gazette-cannot-write-here/review.db"))
        .err()
        .unwrap();
    assert!(e.0.contains("cannot create its folder"), "{e}");
}
