//! The review database: SQLite (bundled), one row per decision, committed before the decision
//! is acknowledged (WAL, synchronous=FULL), so a killed process loses nothing it showed as done.

use super::{Decision, Verdict};
use crate::model::Label;
use rusqlite::{params, Connection, OptionalExtension};
use std::path::{Path, PathBuf};

/// Why decisions cannot be stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoreError(pub String);

impl std::fmt::Display for StoreError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// An open review database.
pub struct Store {
    conn: Connection,
    path: PathBuf,
}

const SCHEMA: &str = "
CREATE TABLE IF NOT EXISTS decisions (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    doc TEXT NOT NULL,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    label TEXT NOT NULL,
    text TEXT NOT NULL,
    verdict TEXT NOT NULL,
    new_label TEXT,
    new_start INTEGER,
    new_end INTEGER,
    batch INTEGER NOT NULL,
    undone INTEGER NOT NULL DEFAULT 0,
    made_at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE TABLE IF NOT EXISTS place (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    doc TEXT NOT NULL,
    offset INTEGER NOT NULL
);";

/// Brings a database made by an earlier gazette up to the current schema: columns added since,
/// each old decision its own batch.
fn migrate(conn: &Connection) -> rusqlite::Result<()> {
    let columns: Vec<String> = conn
        .prepare("PRAGMA table_info(decisions)")?
        .query_map([], |r| r.get(1))?
        .collect::<Result<_, _>>()?;
    for (column, kind) in [
        ("new_start", "INTEGER"),
        ("new_end", "INTEGER"),
        ("batch", "INTEGER NOT NULL DEFAULT 0"),
    ] {
        if !columns.iter().any(|c| c == column) {
            conn.execute_batch(&format!("ALTER TABLE decisions ADD COLUMN {column} {kind}"))?;
        }
    }
    conn.execute("UPDATE decisions SET batch = id WHERE batch = 0", [])?;
    Ok(())
}

impl Store {
    /// Opens (creating if needed) the database at `path`. Fails, saying why and where, if the
    /// folder cannot be written, the file is not a gazette database or is damaged, or another
    /// program holds it locked.
    pub fn open(path: &Path) -> Result<Store, StoreError> {
        let fail = |what: &str, e: &dyn std::fmt::Display| {
            StoreError(format!("{}: {what}: {e}", path.display()))
        };
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(|e| fail("cannot create its folder", &e))?;
        }
        let conn = Connection::open(path).map_err(|e| fail("cannot open", &e))?;
        conn.busy_timeout(std::time::Duration::from_secs(2))
            .map_err(|e| fail("cannot open", &e))?;
        let check: String = conn
            .query_row("PRAGMA quick_check", [], |r| r.get(0))
            .map_err(|e| fail("not a usable database", &e))?;
        if check != "ok" {
            return Err(fail("damaged", &check));
        }
        conn.pragma_update(None, "journal_mode", "WAL")
            .map_err(|e| fail("cannot write", &e))?;
        conn.pragma_update(None, "synchronous", "FULL")
            .map_err(|e| fail("cannot write", &e))?;
        conn.execute_batch(SCHEMA)
            .map_err(|e| fail("cannot write", &e))?;
        migrate(&conn).map_err(|e| fail("cannot upgrade", &e))?;
        Ok(Store {
            conn,
            path: path.to_path_buf(),
        })
    }

    /// Where the database is.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Records a decision; it is on disk when this returns Ok. A new decision ends what could be
    /// redone.
    pub fn append(&mut self, d: &Decision) -> Result<(), StoreError> {
        self.append_all(std::slice::from_ref(d))
    }

    /// Records several decisions as one (a bulk decision): all or none are stored, and undo takes
    /// them back together.
    pub fn append_all(&mut self, decisions: &[Decision]) -> Result<(), StoreError> {
        let where_ = self.path.display().to_string();
        let fail = |e: rusqlite::Error| StoreError(format!("{where_}: {e}"));
        let tx = self.conn.transaction().map_err(fail)?;
        tx.execute("DELETE FROM decisions WHERE undone = 1", [])
            .map_err(fail)?;
        let batch: i64 = tx
            .query_row(
                "SELECT COALESCE(MAX(batch), 0) + 1 FROM decisions",
                [],
                |r| r.get(0),
            )
            .map_err(fail)?;
        for d in decisions {
            let (verdict, new_label, new_span) = match &d.verdict {
                Verdict::Accept => ("accept", None, None),
                Verdict::Reject => ("reject", None, None),
                Verdict::Relabel(l) => ("relabel", Some(l.as_str().to_string()), None),
                Verdict::Adjust { start, end } => {
                    ("adjust", None, Some((*start as i64, *end as i64)))
                }
                Verdict::Add => ("add", None, None),
            };
            tx.execute(
                "INSERT INTO decisions (doc, start, end, label, text, verdict, new_label, new_start, new_end, batch) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
                params![d.doc, d.start as i64, d.end as i64, d.label, d.text, verdict, new_label, new_span.map(|s| s.0), new_span.map(|s| s.1), batch],
            )
            .map_err(fail)?;
        }
        tx.commit().map_err(fail)
    }

    /// Takes back the latest decision (or bulk decision) still in force; false when there is none.
    pub fn undo(&mut self) -> Result<bool, StoreError> {
        let n = self
            .conn
            .execute("UPDATE decisions SET undone = 1 WHERE batch = (SELECT MAX(batch) FROM decisions WHERE undone = 0)", [])
            .map_err(|e| self.err(&e))?;
        Ok(n > 0)
    }

    /// Restores the earliest decision taken back; false when there is none.
    pub fn redo(&mut self) -> Result<bool, StoreError> {
        let n = self
            .conn
            .execute("UPDATE decisions SET undone = 0 WHERE batch = (SELECT MIN(batch) FROM decisions WHERE undone = 1)", [])
            .map_err(|e| self.err(&e))?;
        Ok(n > 0)
    }

    /// Every decision in force, oldest first.
    pub fn decisions(&self) -> Result<Vec<Decision>, StoreError> {
        let mut stmt = self
            .conn
            .prepare("SELECT doc, start, end, label, text, verdict, new_label, new_start, new_end FROM decisions WHERE undone = 0 ORDER BY id")
            .map_err(|e| self.err(&e))?;
        let rows = stmt
            .query_map([], |r| {
                let verdict: String = r.get(5)?;
                let new_label: Option<String> = r.get(6)?;
                let new_span: (Option<i64>, Option<i64>) = (r.get(7)?, r.get(8)?);
                let verdict = match (verdict.as_str(), new_label, new_span) {
                    ("reject", ..) => Verdict::Reject,
                    ("relabel", Some(l), _) => Verdict::Relabel(Label::from_name(&l)),
                    ("adjust", _, (Some(s), Some(e))) => Verdict::Adjust {
                        start: s as usize,
                        end: e as usize,
                    },
                    ("add", ..) => Verdict::Add,
                    _ => Verdict::Accept,
                };
                Ok(Decision {
                    doc: r.get(0)?,
                    start: r.get::<_, i64>(1)? as usize,
                    end: r.get::<_, i64>(2)? as usize,
                    label: r.get(3)?,
                    text: r.get(4)?,
                    verdict,
                })
            })
            .map_err(|e| self.err(&e))?;
        rows.collect::<Result<_, _>>().map_err(|e| self.err(&e))
    }

    /// Remembers where the reviewer is: a document and a byte offset in it.
    pub fn set_place(&mut self, doc: &str, offset: usize) -> Result<(), StoreError> {
        self.conn
            .execute(
                "INSERT OR REPLACE INTO place (id, doc, offset) VALUES (1, ?1, ?2)",
                params![doc, offset as i64],
            )
            .map(|_| ())
            .map_err(|e| self.err(&e))
    }

    /// Where the reviewer was.
    pub fn place(&self) -> Option<(String, usize)> {
        self.conn
            .query_row("SELECT doc, offset FROM place WHERE id = 1", [], |r| {
                Ok((r.get(0)?, r.get::<_, i64>(1)? as usize))
            })
            .optional()
            .ok()
            .flatten()
    }

    fn err(&self, e: &rusqlite::Error) -> StoreError {
        StoreError(format!("{}: {e}", self.path.display()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decision(start: usize, verdict: Verdict) -> Decision {
        Decision {
            doc: "a.txt".into(),
            start,
            end: start + 2,
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
            s.set_place("a.txt", 42).unwrap();
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
        assert_eq!(s.place(), Some(("a.txt".into(), 42)));
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
            .err()
            .expect("refused while locked");
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
}
