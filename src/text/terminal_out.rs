//! A writer for what the command line prints: every string from a file or a file name passes
//! through it, so that a name holding `ESC ] 2 ; … BEL` or `ESC [ 2 J` is shown, never obeyed.
//! Line breaks are kept; every other control character is escaped as the browser shows it.

use std::io::Write;

/// Wraps standard error or output; escapes control characters in everything written.
pub struct Escaping<W: Write> {
    inner: W,
    /// The start of a character split between two writes.
    pending: Vec<u8>,
}

impl<W: Write> Escaping<W> {
    /// Escapes what is written to `inner`.
    pub fn new(inner: W) -> Self {
        Escaping {
            inner,
            pending: Vec::new(),
        }
    }
}

impl<W: Write> Write for Escaping<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.pending.extend_from_slice(buf);
        let mut out = String::new();
        let mut rest: &[u8] = &self.pending;
        loop {
            match std::str::from_utf8(rest) {
                Ok(text) => {
                    push_escaped(&mut out, text);
                    rest = &[];
                    break;
                }
                Err(e) => {
                    let (good, bad) = rest.split_at(e.valid_up_to());
                    push_escaped(&mut out, std::str::from_utf8(good).unwrap_or_default());
                    match e.error_len() {
                        Some(n) => {
                            for b in &bad[..n] {
                                out.push_str(&format!("\\x{b:02X}"));
                            }
                            rest = &bad[n..];
                        }
                        // An incomplete character at the end: wait for the rest of it.
                        None => {
                            rest = bad;
                            break;
                        }
                    }
                }
            }
        }
        self.pending = rest.to_vec();
        self.inner.write_all(out.as_bytes())?;
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.inner.flush()
    }
}

fn push_escaped(out: &mut String, text: &str) {
    for line in text.split_inclusive('\n') {
        let (body, newline) = match line.strip_suffix('\n') {
            Some(body) => (body, "\n"),
            None => (line, ""),
        };
        out.push_str(&super::sanitize::escape_str(body));
        out.push_str(newline);
    }
}

#[cfg(test)]
mod tests {
    use super::Escaping;
    use std::io::Write;

    #[test]
    fn control_sequences_are_shown_and_lines_kept() {
        let mut out = Escaping::new(Vec::new());
        write!(
            out,
            "gazette: \x1b]2;pwned\x07.txt: skipped\nnext \u{202E}line\n"
        )
        .unwrap();
        let text = String::from_utf8(out.inner).unwrap();
        assert_eq!(
            text,
            "gazette: ^[]2;pwned^G.txt: skipped\nnext <U+202E>line\n"
        );
    }

    #[test]
    fn a_character_split_between_writes_arrives_whole() {
        let mut out = Escaping::new(Vec::new());
        let bytes = "天津\x1b".as_bytes();
        out.write_all(&bytes[..2]).unwrap();
        out.write_all(&bytes[2..]).unwrap();
        out.write_all(b"\xff!").unwrap();
        assert_eq!(String::from_utf8(out.inner).unwrap(), "天津^[\\xFF!");
    }
}
