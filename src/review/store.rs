//! The review database: SQLite (bundled), one row per decision, committed before the decision
//! is acknowledged (WAL, synchronous=FULL), so a killed process loses nothing it showed as done.

use super::{Decision, Verdict};
use crate::model::{CodePoint, Label};
use rusqlite::{params, Connection, OptionalExtension};
use std::path::{Path, PathBuf};

/// Why decisions cannot be stored (what the database said, naming its file).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct StoreError(pub String);

/// An open review database.
pub struct Store {
    conn: Connection,
    path: PathBuf,
    /// Who makes this browser's decisions (`--reviewer`, or the login name).
    reviewer: String,
    /// This running browser: its decisions are the ones its undo and redo touch.
    session: String,
    /// SQLite's data_version when this browser last read the decisions: another connection's
    /// commit changes it.
    seen_version: i64,
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
    new_key TEXT,
    new_name TEXT,
    batch INTEGER NOT NULL,
    reviewer TEXT NOT NULL DEFAULT '',
    session TEXT NOT NULL DEFAULT '',
    undone INTEGER NOT NULL DEFAULT 0,
    made_at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE TABLE IF NOT EXISTS sessions (
    session TEXT PRIMARY KEY,
    reviewer TEXT NOT NULL,
    pid INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS place (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    doc TEXT NOT NULL,
    offset INTEGER NOT NULL
);";

/// Brings a database made by an earlier gazette up to the current schema: columns added since,
/// each old decision its own batch.
fn migrate(conn: &Connection) -> rusqlite::Result<()> {
    add_missing(
        conn,
        "decisions",
        &[
            ("new_start", "INTEGER"),
            ("new_end", "INTEGER"),
            ("batch", "INTEGER NOT NULL DEFAULT 0"),
            ("reviewer", "TEXT NOT NULL DEFAULT ''"),
            ("session", "TEXT NOT NULL DEFAULT ''"),
            ("new_key", "TEXT"),
            ("new_name", "TEXT"),
        ],
    )?;
    conn.execute("UPDATE decisions SET batch = id WHERE batch = 0", [])?;
    add_missing(
        conn,
        "place",
        &[
            ("mention_start", "INTEGER"),
            ("mention_end", "INTEGER"),
            ("focus", "TEXT"),
        ],
    )
}

/// Adds to `table` those of `columns` (name, type) it lacks.
fn add_missing(conn: &Connection, table: &str, columns: &[(&str, &str)]) -> rusqlite::Result<()> {
    let have: Vec<String> = conn
        .prepare(&format!("PRAGMA table_info({table})"))?
        .query_map([], |r| r.get(1))?
        .collect::<Result<_, _>>()?;
    for (column, kind) in columns {
        if !have.iter().any(|c| c == column) {
            conn.execute_batch(&format!("ALTER TABLE {table} ADD COLUMN {column} {kind}"))?;
        }
    }
    Ok(())
}

/// Where the reviewer was: the document, the first character the reader showed (a byte
/// offset), the current mention's span and the focused pane.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Place {
    pub doc: String,
    pub offset: usize,
    pub mention: Option<std::ops::Range<usize>>,
    pub focus: Option<String>,
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
        let started = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos());
        let mut store = Store {
            conn,
            path: path.to_path_buf(),
            reviewer: login_name(),
            session: format!("{}-{started}", std::process::id()),
            seen_version: 0,
        };
        store.seen_version = store.data_version().unwrap_or(0);
        store
            .join_sessions()
            .map_err(|e| fail("cannot write", &e))?;
        Ok(store)
    }

    /// Records this browser as running (and forgets browsers whose process has ended), so that
    /// another browser leaves its decisions to it.
    fn join_sessions(&mut self) -> rusqlite::Result<()> {
        let running: Vec<(String, i64)> = self
            .conn
            .prepare("SELECT session, pid FROM sessions")?
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<Result<_, _>>()?;
        for (session, pid) in running {
            if !process_alive(pid) {
                self.conn
                    .execute("DELETE FROM sessions WHERE session = ?1", params![session])?;
            }
        }
        self.conn.execute(
            "INSERT OR REPLACE INTO sessions (session, reviewer, pid) VALUES (?1, ?2, ?3)",
            params![self.session, self.reviewer, i64::from(std::process::id())],
        )?;
        Ok(())
    }

    /// Makes `name` the reviewer of this browser's decisions from now on.
    pub fn set_reviewer(&mut self, name: &str) {
        self.reviewer = name.to_string();
        let _ = self.conn.execute(
            "UPDATE sessions SET reviewer = ?2 WHERE session = ?1",
            params![self.session, self.reviewer],
        );
    }

    /// The reviewer this browser records.
    pub fn reviewer(&self) -> &str {
        &self.reviewer
    }

    /// Whether another browser (another connection, another process) has committed since this
    /// one last asked: its decisions are then to be read again.
    pub fn changed_elsewhere(&mut self) -> bool {
        match self.data_version() {
            Ok(v) if v != self.seen_version => {
                self.seen_version = v;
                true
            }
            _ => false,
        }
    }

    fn data_version(&self) -> rusqlite::Result<i64> {
        self.conn.query_row("PRAGMA data_version", [], |r| r.get(0))
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
        // A new decision ends what this browser could redo (not another's).
        tx.execute(
            &format!("DELETE FROM decisions WHERE undone = 1 AND {OWNED}"),
            params![self.session, self.reviewer],
        )
        .map_err(fail)?;
        let batch: i64 = tx
            .query_row(
                "SELECT COALESCE(MAX(batch), 0) + 1 FROM decisions",
                [],
                |r| r.get(0),
            )
            .map_err(fail)?;
        for d in decisions {
            let (mut new_label, mut new_span, mut new_key, mut new_name) = (None, None, None, None);
            let verdict = match &d.verdict {
                Verdict::Accept => "accept",
                Verdict::Reject => "reject",
                Verdict::Relabel(l) => {
                    new_label = Some(l.as_str().to_string());
                    "relabel"
                }
                Verdict::Adjust { start, end } => {
                    new_span = Some((start.0 as i64, end.0 as i64));
                    "adjust"
                }
                Verdict::Add => "add",
                Verdict::Link { key, name } => {
                    (new_key, new_name) = (Some(key), Some(name));
                    "link"
                }
                Verdict::Merge { into, name } => {
                    (new_key, new_name) = (Some(into), Some(name));
                    "merge"
                }
                Verdict::Rename(name) => {
                    new_name = Some(name);
                    "rename"
                }
                Verdict::Ignore(true) => "ignore",
                Verdict::Ignore(false) => "include",
            };
            tx.execute(
                "INSERT INTO decisions (doc, start, end, label, text, verdict, new_label, new_start, new_end, new_key, new_name, batch, reviewer, session) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
                params![d.doc, d.start.0 as i64, d.end.0 as i64, d.label, d.text, verdict, new_label, new_span.map(|s| s.0), new_span.map(|s| s.1), new_key, new_name, batch, self.reviewer, self.session],
            )
            .map_err(fail)?;
        }
        tx.commit().map_err(fail)?;
        // This browser's own commit is not news from elsewhere.
        self.seen_version = self.data_version().unwrap_or(self.seen_version);
        Ok(())
    }

    /// Takes back this browser's latest decision (or bulk decision) still in force — never
    /// another browser's; false when there is none.
    pub fn undo(&mut self) -> Result<bool, StoreError> {
        let n = self
            .conn
            .execute(
                &format!("UPDATE decisions SET undone = 1 WHERE {OWNED} AND batch = (SELECT MAX(batch) FROM decisions WHERE undone = 0 AND {OWNED})"),
                params![self.session, self.reviewer],
            )
            .map_err(|e| self.err(&e))?;
        self.seen_version = self.data_version().unwrap_or(self.seen_version);
        Ok(n > 0)
    }

    /// Restores the earliest decision this browser took back; false when there is none.
    pub fn redo(&mut self) -> Result<bool, StoreError> {
        let n = self
            .conn
            .execute(
                &format!("UPDATE decisions SET undone = 0 WHERE {OWNED} AND batch = (SELECT MIN(batch) FROM decisions WHERE undone = 1 AND {OWNED})"),
                params![self.session, self.reviewer],
            )
            .map_err(|e| self.err(&e))?;
        self.seen_version = self.data_version().unwrap_or(self.seen_version);
        Ok(n > 0)
    }

    /// Every decision in force, oldest first.
    pub fn decisions(&self) -> Result<Vec<Decision>, StoreError> {
        self.select("WHERE undone = 0 ORDER BY id", [])
    }

    /// The decisions in force that `reviewer` made, oldest first.
    pub fn decisions_of(&self, reviewer: &str) -> Result<Vec<Decision>, StoreError> {
        self.select(
            "WHERE undone = 0 AND reviewer = ?1 ORDER BY id",
            params![reviewer],
        )
    }

    /// Every reviewer with decisions in force, with how many, most first.
    pub fn reviewers(&self) -> Result<Vec<(String, usize)>, StoreError> {
        let sql = "SELECT reviewer, COUNT(*) FROM decisions WHERE undone = 0 GROUP BY reviewer ORDER BY COUNT(*) DESC, reviewer";
        let mut stmt = self.conn.prepare(sql).map_err(|e| self.err(&e))?;
        let rows = stmt
            .query_map([], |r| Ok((r.get(0)?, r.get::<_, i64>(1)? as usize)))
            .map_err(|e| self.err(&e))?;
        rows.collect::<Result<_, _>>().map_err(|e| self.err(&e))
    }

    /// This browser's decisions `undo` would take back (the latest batch in force), oldest
    /// first; `redo` false. With `redo`, those `redo` would restore.
    pub fn next_undo(&self, redo: bool) -> Result<Vec<Decision>, StoreError> {
        let (flag, pick) = if redo { (1, "MIN") } else { (0, "MAX") };
        let filter = format!("WHERE {OWNED} AND batch = (SELECT {pick}(batch) FROM decisions WHERE undone = {flag} AND {OWNED}) ORDER BY id");
        self.select(&filter, params![self.session, self.reviewer])
    }

    /// The decisions `filter` (a WHERE clause and order) selects.
    fn select(
        &self,
        filter: &str,
        args: impl rusqlite::Params,
    ) -> Result<Vec<Decision>, StoreError> {
        let sql = format!("SELECT doc, start, end, label, text, verdict, new_label, new_start, new_end, new_key, new_name FROM decisions {filter}");
        let mut stmt = self.conn.prepare(&sql).map_err(|e| self.err(&e))?;
        let rows = stmt
            .query_map(args, |r| {
                let verdict: String = r.get(5)?;
                let new_label: Option<String> = r.get(6)?;
                let new_span: (Option<i64>, Option<i64>) = (r.get(7)?, r.get(8)?);
                let new_key: Option<String> = r.get(9)?;
                let new_name: Option<String> = r.get(10)?;
                let verdict = match (verdict.as_str(), new_label, new_span) {
                    ("reject", ..) => Verdict::Reject,
                    ("ignore", ..) => Verdict::Ignore(true),
                    ("include", ..) => Verdict::Ignore(false),
                    ("link", ..) | ("merge", ..) if new_key.is_some() => {
                        let key = new_key.unwrap_or_default();
                        let name = new_name.unwrap_or_default();
                        match verdict.as_str() {
                            "link" => Verdict::Link { key, name },
                            _ => Verdict::Merge { into: key, name },
                        }
                    }
                    ("rename", ..) if new_name.is_some() => {
                        Verdict::Rename(new_name.unwrap_or_default())
                    }
                    ("relabel", Some(l), _) => Verdict::Relabel(Label::from_name(&l)),
                    ("adjust", _, (Some(s), Some(e))) => Verdict::Adjust {
                        start: CodePoint(s as usize),
                        end: CodePoint(e as usize),
                    },
                    ("add", ..) => Verdict::Add,
                    _ => Verdict::Accept,
                };
                Ok(Decision {
                    doc: r.get(0)?,
                    start: CodePoint(r.get::<_, i64>(1)? as usize),
                    end: CodePoint(r.get::<_, i64>(2)? as usize),
                    label: r.get(3)?,
                    text: r.get(4)?,
                    verdict,
                })
            })
            .map_err(|e| self.err(&e))?;
        rows.collect::<Result<_, _>>().map_err(|e| self.err(&e))
    }

    /// Remembers where the reviewer is.
    pub fn set_place(&mut self, place: &Place) -> Result<(), StoreError> {
        let (start, end) = match &place.mention {
            Some(m) => (Some(m.start as i64), Some(m.end as i64)),
            None => (None, None),
        };
        self.conn
            .execute(
                "INSERT OR REPLACE INTO place (id, doc, offset, mention_start, mention_end, focus) VALUES (1, ?1, ?2, ?3, ?4, ?5)",
                params![place.doc, place.offset as i64, start, end, place.focus],
            )
            .map(|_| ())
            .map_err(|e| self.err(&e))
    }

    /// Where the reviewer was.
    pub fn place(&self) -> Option<Place> {
        let sql = "SELECT doc, offset, mention_start, mention_end, focus FROM place WHERE id = 1";
        self.conn
            .query_row(sql, [], |r| {
                let span: (Option<i64>, Option<i64>) = (r.get(2)?, r.get(3)?);
                Ok(Place {
                    doc: r.get(0)?,
                    offset: r.get::<_, i64>(1)? as usize,
                    mention: match span {
                        (Some(a), Some(b)) => Some(a as usize..b as usize),
                        _ => None,
                    },
                    focus: r.get(4)?,
                })
            })
            .optional()
            .ok()
            .flatten()
    }

    fn err(&self, e: &rusqlite::Error) -> StoreError {
        StoreError(format!("{}: {e}", self.path.display()))
    }
}

/// The decisions a browser may undo and redo (?1 its session, ?2 its reviewer): its own, and
/// those of its reviewer (or of no one, from before reviewers were recorded) whose browser has
/// closed — never those of another browser still running.
const OWNED: &str =
    "(session = ?1 OR (session NOT IN (SELECT session FROM sessions) AND reviewer IN (?2, '')))";

impl Drop for Store {
    /// A closed browser hands its decisions back to its reviewer's next one.
    fn drop(&mut self) {
        let _ = self.conn.execute(
            "DELETE FROM sessions WHERE session = ?1",
            params![self.session],
        );
    }
}

/// Whether process `pid` still runs (where the system says; elsewhere, taken to run).
fn process_alive(pid: i64) -> bool {
    if cfg!(target_os = "linux") {
        std::path::Path::new(&format!("/proc/{pid}")).exists()
    } else {
        true
    }
}

/// The login name of whoever runs gazette, the default reviewer.
fn login_name() -> String {
    ["USER", "LOGNAME", "USERNAME"]
        .iter()
        .find_map(|v| std::env::var(v).ok().filter(|n| !n.is_empty()))
        .unwrap_or_else(|| "unknown".to_string())
}

#[cfg(test)]
#[path = "store_tests.rs"]
mod tests;
