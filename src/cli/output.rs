//! Where `extract` and `export` may write: never over, into or around the corpus they read, and
//! over an existing file or into a non-empty folder only when asked to (`--force`).

use std::path::{Path, PathBuf};

/// Checks `out` against the input paths; the error names the path and why.
pub fn check_output(out: &Path, inputs: &[PathBuf], force: bool) -> std::io::Result<()> {
    let refuse = |why: String| Err(std::io::Error::other(why));
    let target = resolved(out);
    for input in inputs {
        let input = resolved(input);
        if target == input || target.starts_with(&input) || input.starts_with(&target) {
            let relation = if target == input {
                "is"
            } else if input.starts_with(&target) {
                "contains"
            } else {
                "lies inside"
            };
            return refuse(format!(
                "{}: the output {relation} the input {}; write somewhere else",
                crate::text::sanitize::escape_str(&out.display().to_string()),
                crate::text::sanitize::escape_str(&input.display().to_string())
            ));
        }
    }
    let shown = crate::text::sanitize::escape_str(&out.display().to_string()).into_owned();
    match std::fs::metadata(out) {
        Ok(m) if m.is_dir() => {
            let empty = std::fs::read_dir(out)
                .map(|mut d| d.next().is_none())
                .unwrap_or(false);
            if !empty && !force {
                return refuse(format!(
                    "{shown}: the folder is not empty (--force writes into it, replacing files of the same names)"
                ));
            }
        }
        Ok(_) if !force => {
            return refuse(format!("{shown}: the file exists (--force replaces it)"));
        }
        _ => {}
    }
    Ok(())
}

/// `path` made absolute with its symbolic links resolved as far as it exists (the rest joined
/// as written), so that two spellings of one place compare equal.
fn resolved(path: &Path) -> PathBuf {
    let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    let mut existing = absolute.as_path();
    let mut rest = Vec::new();
    loop {
        if let Ok(real) = existing.canonicalize() {
            return rest.iter().rev().fold(real, |p, part| p.join(part));
        }
        match (existing.parent(), existing.file_name()) {
            (Some(parent), Some(name)) => {
                rest.push(name.to_os_string());
                existing = parent;
            }
            _ => return absolute,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::check_output;
    use std::path::PathBuf;

    #[test]
    fn output_over_inside_or_around_the_input_is_refused() {
        let dir = tempfile::tempdir().expect("temp dir");
        let corpus = dir.path().join("corpus");
        std::fs::create_dir_all(corpus.join("sub")).expect("corpus folders");
        std::fs::write(corpus.join("a.txt"), "text").expect("a file");
        let inputs = [corpus.clone()];
        for out in [
            corpus.clone(),
            corpus.join("sub"),
            corpus.join("new"),
            dir.path().to_path_buf(),
        ] {
            let err = check_output(&out, &inputs, true).expect_err("refused even with --force");
            assert!(
                err.to_string().contains(&out.display().to_string()),
                "{err}"
            );
        }
        let file = dir.path().join("out.jsonl");
        std::fs::write(&file, "old").expect("an old output");
        assert!(
            check_output(&file, &inputs, false).is_err(),
            "an existing file"
        );
        assert!(
            check_output(&file, &inputs, true).is_ok(),
            "replaced with --force"
        );
        let full = dir.path().join("full");
        std::fs::create_dir(&full).expect("a folder");
        std::fs::write(full.join("x"), "x").expect("a file in it");
        assert!(
            check_output(&full, &inputs, false).is_err(),
            "a non-empty folder"
        );
        assert!(check_output(&dir.path().join("fresh"), &inputs, false).is_ok());
        assert!(check_output(&PathBuf::from("relative-out"), &[], false).is_ok());
    }
}
