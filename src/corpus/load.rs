//! Reading a corpus from disk: folders (recursively, `.txt` and `.md`) and explicit files.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use walkdir::WalkDir;

/// A file that could not be read, and why. Shown in the status area and on stderr.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoadWarning {
    pub path: String,
    pub message: String,
}

impl std::fmt::Display for LoadWarning {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.path, self.message)
    }
}

/// What opening some paths will read: the files, in order, and what could not be listed.
#[derive(Debug, Clone, Default)]
pub struct Plan {
    /// What was opened, for the title bar.
    pub label: String,
    /// The folder document paths are relative to.
    pub root: Option<PathBuf>,
    /// Files to read, sorted, each with the name shown for it (relative to `root`) and the brat
    /// `.ann` file beside it, if any.
    pub files: Vec<(PathBuf, String, Option<PathBuf>)>,
    pub warnings: Vec<LoadWarning>,
}

/// Lists what opening `paths` reads: folders recursively (`.txt` and `.md`), files named
/// explicitly whatever their extension. Never fails: what cannot be listed becomes a warning.
pub fn plan(paths: &[PathBuf]) -> Plan {
    let root = corpus_root(paths);
    let label = match paths {
        [one] => one.display().to_string(),
        _ => format!("{} paths", paths.len()),
    };
    let mut plan = Plan {
        label,
        root: root.clone(),
        ..Plan::default()
    };
    let mut files: Vec<PathBuf> = Vec::new();
    // `.ann` files seen while listing folders: no file is looked for one by one.
    let mut ann: HashSet<PathBuf> = HashSet::new();
    for path in paths {
        if path.is_dir() {
            collect_dir(path, &mut files, &mut ann, &mut plan.warnings);
        } else if std::fs::symlink_metadata(path).is_err() {
            // Named as the user typed it: there is nothing to make it relative to.
            let message = "skipped: no such file or folder".to_string();
            plan.warnings.push(LoadWarning {
                path: path.display().to_string(),
                message,
            });
        } else if std::fs::metadata(path).is_ok_and(|m| !m.is_file()) {
            // A FIFO or a device named on the command line: reading it would wait or never end.
            plan.warnings.push(LoadWarning {
                path: path.display().to_string(),
                message: format!("skipped: {}", NOT_REGULAR),
            });
        } else {
            let beside = path.with_extension("ann");
            if beside.is_file() {
                ann.insert(beside);
            }
            files.push(path.clone());
        }
    }
    files.sort();
    files.dedup();
    // Byte prefixes a listed file's name follows (see `relative_name`).
    let trimmed = |p: &Path| -> Vec<u8> {
        let bytes = p.as_os_str().as_encoded_bytes();
        let end = bytes.iter().rposition(|&b| b != b'/').map_or(0, |i| i + 1);
        bytes[..end].to_vec()
    };
    let mut prefixes: Vec<Vec<u8>> = root.iter().map(|r| trimmed(r)).collect();
    if let [dir] = paths {
        if root.as_deref() == std::path::absolute(dir).ok().as_deref() {
            prefixes.push(trimmed(dir));
        }
    }
    let prefixes: Vec<&[u8]> = prefixes
        .iter()
        .map(Vec::as_slice)
        .filter(|p| !p.is_empty())
        .collect();
    plan.files = files
        .into_iter()
        .map(|f| {
            let shown = relative_name(&f, root.as_deref(), &prefixes);
            let sidecar = Some(f.with_extension("ann")).filter(|a| ann.contains(a));
            (f, shown, sidecar)
        })
        .collect();
    plan
}

fn collect_dir(
    dir: &Path,
    files: &mut Vec<PathBuf>,
    ann: &mut HashSet<PathBuf>,
    warnings: &mut Vec<LoadWarning>,
) {
    // Not sorted here: the plan sorts every file at once.
    for entry in WalkDir::new(dir).follow_links(true) {
        match entry {
            Ok(e) if e.file_type().is_file() && has_text_extension(e.path()) => {
                files.push(e.into_path())
            }
            Ok(e) if e.file_type().is_file() && e.path().extension() == Some("ann".as_ref()) => {
                ann.insert(e.into_path());
            }
            Ok(e) if !e.file_type().is_dir() && has_text_extension(e.path()) => {
                warnings.push(LoadWarning {
                    path: e.path().display().to_string(),
                    message: format!("skipped: {}", NOT_REGULAR),
                });
            }
            Ok(_) => {}
            Err(e) => {
                let path = e.path().unwrap_or(dir).display().to_string();
                let message = if e.loop_ancestor().is_some() {
                    "skipped: symbolic link loop".to_string()
                } else {
                    match e.io_error() {
                        Some(io) => io_reason(io),
                        None => format!("skipped: {e}"),
                    }
                };
                warnings.push(LoadWarning { path, message });
            }
        }
    }
}

fn has_text_extension(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("txt") || e.eq_ignore_ascii_case("md"))
}

/// Why a file could not be read, as shown.
/// Why a path that is not a regular file is never read.
pub const NOT_REGULAR: &str = "not a regular file (a FIFO, device or socket)";

pub(crate) fn io_reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "skipped: no such file or folder".into(),
        std::io::ErrorKind::PermissionDenied => "skipped: permission denied".into(),
        _ => format!("skipped: {e}"),
    }
}

/// The folder that `doc` paths are relative to: the folder itself when one folder is opened,
/// otherwise the deepest folder containing every path that exists.
fn corpus_root(paths: &[PathBuf]) -> Option<PathBuf> {
    let absolute: Vec<PathBuf> = paths
        .iter()
        .filter(|p| p.exists())
        .map(|p| std::path::absolute(p).unwrap_or(p.clone()))
        .collect();
    let mut dirs = absolute.iter().map(|p| {
        if p.is_dir() {
            p.clone()
        } else {
            p.parent().map(Path::to_path_buf).unwrap_or_default()
        }
    });
    let mut root = dirs.next()?;
    for dir in dirs {
        while !dir.starts_with(&root) {
            root = root.parent()?.to_path_buf();
        }
    }
    Some(root)
}

fn relative_name(file: &Path, root: Option<&Path>, prefixes: &[&[u8]]) -> String {
    // Most files are listed under a folder as given or the root, as plain names: the name is
    // the rest of the path's bytes, without parsing it.
    let bytes = file.as_os_str().as_encoded_bytes();
    fn plain(rest: &[u8]) -> Option<&str> {
        let odd = rest.starts_with(b"/")
            || rest.starts_with(b"./")
            || rest.starts_with(b"../")
            || (rest.windows(2)).any(|w| w == b"//")
            || (rest.windows(3)).any(|w| w == b"/./")
            || (rest.windows(4)).any(|w| w == b"/../");
        (cfg!(unix) && !odd)
            .then(|| std::str::from_utf8(rest).ok())
            .flatten()
    }
    let fast = prefixes.iter().find_map(|prefix| {
        let rest = bytes.strip_prefix(*prefix)?.strip_prefix(b"/")?;
        plain(rest)
    });
    if let Some(name) = fast {
        return name.to_string();
    }
    let absolute = std::path::absolute(file).unwrap_or(file.to_path_buf());
    let rel = root
        .and_then(|r| absolute.strip_prefix(r).ok())
        .unwrap_or(file);
    rel.components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::Corpus;
    use crate::session::open_paths;

    #[test]
    fn folder_recursively_txt_and_md_only_with_relative_names() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("sub/deeper")).unwrap();
        std::fs::write(dir.path().join("a.txt"), "Title A\n\nBody of a.").unwrap();
        std::fs::write(dir.path().join("sub/deeper/b.md"), "Title B\n\nBody.").unwrap();
        std::fs::write(dir.path().join("sub/c.json"), "{}").unwrap();
        let corpus = open_paths(&[dir.path().to_path_buf()]);
        let names: Vec<&str> = corpus.docs.iter().map(|d| d.path.as_str()).collect();
        assert_eq!(names, ["a.txt", "sub/deeper/b.md"]);
        assert!(corpus.warnings.is_empty());
    }

    #[test]
    fn unreadable_and_missing_files_are_warnings_naming_them() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("img.txt"), b"\x89PNG\r\n\x1a\n\0\0\0").unwrap();
        std::fs::write(dir.path().join("ok.txt"), "Fine title\n\nText.").unwrap();
        let missing = Path::new("nope.txt").to_path_buf();
        let corpus = open_paths(&[
            dir.path().join("img.txt"),
            dir.path().join("ok.txt"),
            missing,
        ]);
        assert_eq!(corpus.docs.len(), 1);
        assert_eq!(corpus.docs[0].path, "ok.txt");
        let warned: Vec<String> = corpus.warnings.iter().map(|w| w.to_string()).collect();
        assert!(
            warned.contains(&"img.txt: skipped: binary file, not text".to_string()),
            "{warned:?}"
        );
        assert!(
            warned.contains(&"nope.txt: skipped: no such file or folder".to_string()),
            "{warned:?}"
        );
    }

    #[test]
    fn bundled_corpus_is_the_seeds_folder() {
        let bundled = Corpus::bundled();
        let on_disk = open_paths(&[Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds")]);
        assert_eq!(bundled.docs.len(), 5);
        for (a, b) in bundled.docs.iter().zip(&on_disk.docs) {
            assert_eq!((&a.path, &a.text), (&b.path, &b.text));
        }
    }
}
