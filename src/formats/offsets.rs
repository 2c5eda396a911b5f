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

/// An index of one document's character boundaries, for converting many offsets: a mark every
/// `BLOCK` characters, so that it takes a quarter of a byte per character (a 200 MB document
/// must not need gigabytes) and a conversion reads at most `BLOCK` characters.
pub struct OffsetMap<'a> {
    text: &'a str,
    /// (byte, UTF-16) offsets of characters 0, `BLOCK`, 2 × `BLOCK`, …
    marks: Vec<(usize, usize)>,
    /// Characters in the text.
    chars: usize,
    /// UTF-16 code units in the text.
    utf16: usize,
}

/// Characters between two marks of an `OffsetMap`.
const BLOCK: usize = 64;

impl<'a> OffsetMap<'a> {
    /// Indexes `text`.
    pub fn new(text: &'a str) -> Self {
        let mut marks = Vec::with_capacity(text.len() / BLOCK + 1);
        let (mut chars, mut utf16) = (0, 0);
        for (i, c) in text.char_indices() {
            if chars % BLOCK == 0 {
                marks.push((i, utf16));
            }
            chars += 1;
            utf16 += c.len_utf16();
        }
        if marks.is_empty() {
            marks.push((0, 0));
        }
        OffsetMap {
            text,
            marks,
            chars,
            utf16,
        }
    }

    /// Length of the document in `unit`.
    pub fn len(&self, unit: Unit) -> usize {
        match unit {
            Unit::Codepoints => self.chars,
            Unit::Utf16 => self.utf16,
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
            Unit::Codepoints if offset == self.chars => Ok(self.text.len()),
            Unit::Codepoints => {
                let (byte, _) = self.marks[offset / BLOCK];
                Ok(self.text[byte..]
                    .char_indices()
                    .nth(offset % BLOCK)
                    .map_or(self.text.len(), |(i, _)| byte + i))
            }
            Unit::Bytes => self
                .text
                .is_char_boundary(offset)
                .then_some(offset)
                .ok_or(OffsetError::InsideCharacter),
            Unit::Utf16 => {
                let k = self
                    .marks
                    .partition_point(|m| m.1 <= offset)
                    .saturating_sub(1);
                let (byte, mut u) = self.marks[k];
                for (i, c) in self.text[byte..].char_indices() {
                    if u >= offset {
                        return if u == offset {
                            Ok(byte + i)
                        } else {
                            Err(OffsetError::InsideCharacter)
                        };
                    }
                    u += c.len_utf16();
                }
                if u == offset {
                    Ok(self.text.len())
                } else {
                    Err(OffsetError::InsideCharacter)
                }
            }
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

    /// Offset in `unit` of byte offset `byte` (a character boundary; inside a character, the
    /// next one).
    pub fn from_byte(&self, byte: usize, unit: Unit) -> usize {
        if unit == Unit::Bytes {
            return byte;
        }
        let k = self.marks.partition_point(|m| m.0 < byte).saturating_sub(1);
        let (start, mut u) = self.marks[k];
        let mut chars = k * BLOCK;
        for (i, c) in self.text[start..].char_indices() {
            if start + i >= byte {
                break;
            }
            chars += 1;
            u += c.len_utf16();
        }
        match unit {
            Unit::Codepoints => chars,
            _ => u,
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

    #[test]
    fn every_offset_converts_as_counting_from_the_start_would() {
        // Longer than a few marks, with one-, two-, three- and four-byte characters.
        let text: String = "a é 杭州市𠮷\n".repeat(40);
        let map = OffsetMap::new(&text);
        let (mut cp, mut u) = (0, 0);
        for (byte, c) in text.char_indices().chain([(text.len(), ' ')]) {
            assert_eq!(map.to_byte(cp, Unit::Codepoints), Ok(byte));
            assert_eq!(map.to_byte(u, Unit::Utf16), Ok(byte));
            assert_eq!(map.from_byte(byte, Unit::Codepoints), cp);
            assert_eq!(map.from_byte(byte, Unit::Utf16), u);
            if c.len_utf16() == 2 && byte < text.len() {
                assert_eq!(
                    map.to_byte(u + 1, Unit::Utf16),
                    Err(OffsetError::InsideCharacter)
                );
            }
            cp += 1;
            u += c.len_utf16();
        }
        assert_eq!(map.len(Unit::Codepoints), text.chars().count());
        assert_eq!(map.len(Unit::Utf16), text.encode_utf16().count());
        let block = "字".repeat(BLOCK);
        let map = OffsetMap::new(&block);
        assert_eq!(map.to_byte(BLOCK, Unit::Codepoints), Ok(block.len()));
        assert_eq!(map.to_byte(BLOCK, Unit::Utf16), Ok(block.len()));
        assert_eq!(map.from_byte(block.len(), Unit::Codepoints), BLOCK);
        assert_eq!(OffsetMap::new("").to_byte(0, Unit::Utf16), Ok(0));
        assert_eq!(OffsetMap::new("").to_byte(0, Unit::Codepoints), Ok(0));
    }
}
