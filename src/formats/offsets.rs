//! Converting offsets between UTF-8 bytes (inside gazette) and the units files count in:
//! Unicode code points (gazette JSONL, brat, spaCy) or UTF-16 code units (doccano, Label Studio).

use crate::model::CodePoint;
use clap::ValueEnum;

/// The unit a file's offsets count in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, ValueEnum)]
pub enum Unit {
    /// Unicode code points (characters).
    #[default]
    Codepoints,
    /// UTF-16 code units: characters outside the Basic Multilingual Plane count twice.
    Utf16,
    /// UTF-8 bytes.
    Bytes,
}

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

/// Why an offset from a file does not fit a document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OffsetError {
    /// Past the end of the document, whose length in the unit is given.
    PastEnd(usize),
    /// Inside a character (a UTF-8 sequence or a UTF-16 surrogate pair).
    InsideCharacter,
}

/// An index of one document's character boundaries, for converting many offsets.
pub struct OffsetMap<'a> {
    text: &'a str,
    /// Byte offset of each character boundary (one more than the characters).
    bytes: Vec<usize>,
    /// UTF-16 offset of each character boundary.
    utf16: Vec<usize>,
}

impl<'a> OffsetMap<'a> {
    /// Indexes `text`.
    pub fn new(text: &'a str) -> Self {
        let mut bytes = Vec::with_capacity(text.len() / 2 + 1);
        let mut utf16 = Vec::with_capacity(text.len() / 2 + 1);
        let mut u = 0;
        for (i, c) in text.char_indices() {
            bytes.push(i);
            utf16.push(u);
            u += c.len_utf16();
        }
        bytes.push(text.len());
        utf16.push(u);
        OffsetMap { text, bytes, utf16 }
    }

    /// Length of the document in `unit`.
    pub fn len(&self, unit: Unit) -> usize {
        match unit {
            Unit::Codepoints => self.bytes.len() - 1,
            Unit::Utf16 => self.utf16.last().copied().unwrap_or(0),
            Unit::Bytes => self.text.len(),
        }
    }

    /// Whether the document is empty.
    pub fn is_empty(&self) -> bool {
        self.text.is_empty()
    }

    /// Byte offset of `offset` counted in `unit`.
    pub fn to_byte(&self, offset: usize, unit: Unit) -> Result<usize, OffsetError> {
        if offset > self.len(unit) {
            return Err(OffsetError::PastEnd(self.len(unit)));
        }
        match unit {
            Unit::Codepoints => Ok(self.bytes[offset]),
            Unit::Bytes => self
                .text
                .is_char_boundary(offset)
                .then_some(offset)
                .ok_or(OffsetError::InsideCharacter),
            Unit::Utf16 => self
                .utf16
                .binary_search(&offset)
                .map(|i| self.bytes[i])
                .map_err(|_| OffsetError::InsideCharacter),
        }
    }

    /// Byte offset of code point `offset`.
    pub fn byte_of(&self, offset: CodePoint) -> Result<usize, OffsetError> {
        self.to_byte(offset.0, Unit::Codepoints)
    }

    /// Code point of byte offset `byte` (a character boundary).
    pub fn code_point_of(&self, byte: usize) -> CodePoint {
        CodePoint(self.from_byte(byte, Unit::Codepoints))
    }

    /// Offset in `unit` of byte offset `byte` (a character boundary).
    pub fn from_byte(&self, byte: usize, unit: Unit) -> usize {
        let i = self.bytes.partition_point(|&b| b < byte);
        match unit {
            Unit::Codepoints => i,
            Unit::Utf16 => self.utf16.get(i).copied().unwrap_or(0),
            Unit::Bytes => byte,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn astral_characters_count_once_in_code_points_twice_in_utf16() {
        // The example from the format notes: 杭州市 is code points 3–6, UTF-16 units 4–7,
        // UTF-8 bytes 10–19.
        let text = "王𠮷在杭州市调研";
        let start = text.find("杭州市").unwrap();
        assert_eq!(start, 10);
        let mut cp = CodePoints::new(text);
        assert_eq!(cp.at(start), 3);
        assert_eq!(cp.at(start + "杭州市".len()), 6);
        assert_eq!(byte_of_code_point(text, 3), Some(10));
        assert_eq!(byte_of_code_point(text, 9), None);
        let map = OffsetMap::new(text);
        assert_eq!(map.to_byte(3, Unit::Codepoints), Ok(10));
        assert_eq!(map.to_byte(4, Unit::Utf16), Ok(10));
        assert_eq!(map.to_byte(7, Unit::Utf16), Ok(19));
        assert_eq!(map.to_byte(10, Unit::Bytes), Ok(10));
        assert_eq!(map.from_byte(19, Unit::Utf16), 7);
        assert_eq!(map.from_byte(19, Unit::Codepoints), 6);
    }

    #[test]
    fn offsets_that_do_not_fit_are_errors() {
        let map = OffsetMap::new("王𠮷");
        assert_eq!(
            map.to_byte(3, Unit::Codepoints),
            Err(OffsetError::PastEnd(2))
        );
        assert_eq!(
            map.to_byte(2, Unit::Utf16),
            Err(OffsetError::InsideCharacter),
            "inside the surrogate pair"
        );
        assert_eq!(
            map.to_byte(1, Unit::Bytes),
            Err(OffsetError::InsideCharacter)
        );
        assert_eq!(map.to_byte(3, Unit::Utf16), Ok(7));
    }
}
