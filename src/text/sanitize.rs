//! Control characters are shown escaped, never sent to the terminal: a document cannot clear,
//! retitle or move the user's terminal, nor reorder text with bidirectional controls.

use std::borrow::Cow;
use unicode_width::UnicodeWidthStr;

/// Spaces a tab is shown as.
pub const TAB: &str = "    ";

/// What the terminal is sent for one grapheme cluster: itself, or a visible escape.
pub fn escape(grapheme: &str) -> Cow<'_, str> {
    if !grapheme.chars().any(needs_escape) {
        return Cow::Borrowed(grapheme);
    }
    let mut out = String::new();
    for c in grapheme.chars() {
        match c {
            '\t' => out.push_str(TAB),
            c if (c as u32) < 0x20 => {
                out.push('^');
                out.push((b'@' + c as u8) as char);
            }
            '\u{7F}' => out.push_str("^?"),
            c if needs_escape(c) => out.push_str(&format!("<U+{:04X}>", c as u32)),
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// C0 and C1 controls (tab included: it is expanded), DEL, and the bidirectional controls.
pub fn needs_escape(c: char) -> bool {
    matches!(c as u32, 0x00..=0x1F | 0x7F..=0x9F | 0x061C | 0x200E | 0x200F | 0x202A..=0x202E | 0x2066..=0x2069)
}

/// Columns a grapheme takes once escaped.
pub fn display_width(grapheme: &str) -> usize {
    escape(grapheme).width()
}

/// A whole string made safe for the terminal (titles, names, status messages).
pub fn escape_str(text: &str) -> Cow<'_, str> {
    if !text.chars().any(needs_escape) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(
        text.chars()
            .map(|c| escape(c.encode_utf8(&mut [0; 4])).into_owned())
            .collect(),
    )
}

/// A line of JSON with the control characters JSON leaves raw (C1, bidirectional controls)
/// written as `\uXXXX` escapes: the same JSON value, safe to print. Such characters can stand
/// only inside JSON strings, where the escape means the same character.
pub fn json_safe(line: &str) -> Cow<'_, str> {
    if !line.chars().any(|c| needs_escape(c) && (c as u32) >= 0x20) {
        return Cow::Borrowed(line);
    }
    let mut out = String::with_capacity(line.len() + 16);
    for c in line.chars() {
        if needs_escape(c) && (c as u32) >= 0x20 {
            out.push_str(&format!("\\u{:04x}", c as u32));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// A serde_json formatter that writes what [`json_safe`] makes of its output, while writing:
/// a long document's line need not be held in memory to be made safe.
pub struct SafeJson;

impl serde_json::ser::Formatter for SafeJson {
    fn write_string_fragment<W: ?Sized + std::io::Write>(
        &mut self,
        writer: &mut W,
        fragment: &str,
    ) -> std::io::Result<()> {
        let mut rest = fragment;
        while let Some(i) = rest.find(|c| needs_escape(c) && (c as u32) >= 0x20) {
            writer.write_all(&rest.as_bytes()[..i])?;
            let c = rest[i..].chars().next().unwrap_or(' ');
            write!(writer, "\\u{:04x}", c as u32)?;
            rest = &rest[i + c.len_utf8()..];
        }
        writer.write_all(rest.as_bytes())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_safe_formatter_writes_what_json_safe_makes() {
        let value = serde_json::json!({"text": "a\u{202E}b\u{85}c\u{1b}\u{7f}杭州", "n": [1, 2]});
        let mut out = Vec::new();
        let mut ser = serde_json::Serializer::with_formatter(&mut out, SafeJson);
        serde::Serialize::serialize(&value, &mut ser).expect("writes to memory");
        let out = String::from_utf8(out).expect("UTF-8");
        assert_eq!(out, json_safe(&value.to_string()));
        assert!(!out.chars().any(needs_escape), "{out}");
    }

    #[test]
    fn json_keeps_its_value_and_loses_raw_controls() {
        let line = serde_json::json!({"text": "a\u{202E}b\u{85}c\u{1b}"}).to_string();
        let safe = json_safe(&line);
        assert!(!safe.chars().any(needs_escape), "{safe}");
        let back: serde_json::Value = serde_json::from_str(&safe).expect("still JSON");
        assert_eq!(back["text"], "a\u{202E}b\u{85}c\u{1b}");
    }

    #[test]
    fn terminal_sequences_are_shown_not_sent() {
        assert_eq!(escape_str("a\x1b[2Jb"), "a^[[2Jb");
        assert_eq!(escape_str("\x1b]2;pwned\x07"), "^[]2;pwned^G");
        assert_eq!(escape_str("x\u{202E}y"), "x<U+202E>y");
        assert_eq!(escape_str("\u{9B}1A"), "<U+009B>1A");
        assert_eq!(escape_str("tab\there"), "tab    here");
        assert_eq!(escape_str("天津"), "天津");
    }

    #[test]
    fn widths_count_the_escape() {
        assert_eq!(display_width("\x1b"), 2);
        assert_eq!(display_width("天"), 2);
        assert_eq!(display_width("\t"), 4);
        assert_eq!(display_width("e\u{301}"), 1);
    }
}
