//! Converting offsets between UTF-8 bytes (inside gazette) and Unicode code points or UTF-16
//! units (what files from other tools count).

/// Converts ascending byte offsets of `text` to code-point offsets in one pass.
pub struct CodePoints<'a> {
    text: &'a str,
    byte: usize,
    chars: usize,
}

impl<'a> CodePoints<'a> {
    /// A converter positioned at the start of `text`.
    pub fn new(text: &'a str) -> Self {
        CodePoints {
            text,
            byte: 0,
            chars: 0,
        }
    }

    /// Code-point offset of byte offset `byte` (which must be on a character boundary).
    /// Cheap when called with ascending offsets; restarts from the beginning otherwise.
    pub fn at(&mut self, byte: usize) -> usize {
        if byte < self.byte {
            self.byte = 0;
            self.chars = 0;
        }
        let byte = byte.min(self.text.len());
        self.chars += self.text[self.byte..byte].chars().count();
        self.byte = byte;
        self.chars
    }
}

/// Byte offset of code-point offset `cp` in `text`, or None past the end.
pub fn byte_of_code_point(text: &str, cp: usize) -> Option<usize> {
    if cp == 0 {
        return Some(0);
    }
    text.char_indices()
        .map(|(i, _)| i)
        .chain(std::iter::once(text.len()))
        .nth(cp)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn astral_characters_count_once() {
        // The example from the format notes: 杭州市 is code points 3–6, bytes 10–19.
        let text = "王𠮷在杭州市调研";
        let start = text.find("杭州市").unwrap();
        assert_eq!(start, 10);
        let mut cp = CodePoints::new(text);
        assert_eq!(cp.at(start), 3);
        assert_eq!(cp.at(start + "杭州市".len()), 6);
        assert_eq!(byte_of_code_point(text, 3), Some(10));
        assert_eq!(byte_of_code_point(text, 8), Some(text.len()));
        assert_eq!(byte_of_code_point(text, 9), None);
    }
}
