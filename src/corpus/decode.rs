//! Turning a file's bytes into text: UTF-8 (with or without BOM), UTF-16 with BOM, GB18030/GBK.

use encoding_rs::{Encoding, GB18030, UTF_16BE, UTF_16LE, UTF_8};

/// The encoding a file was decoded from, for messages and tests.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum SourceEncoding {
    Utf8,
    Utf8Bom,
    /// UTF-8 with a few invalid bytes, each shown as U+FFFD.
    Utf8Repaired {
        invalid_bytes: usize,
    },
    Utf16Le,
    Utf16Be,
    Gb18030,
}

/// Why a file could not be turned into text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DecodeError {
    /// NUL bytes or other signs of a binary file (an image, an archive).
    Binary,
    /// Not valid in any encoding gazette reads.
    Undecodable,
}

impl std::fmt::Display for DecodeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            DecodeError::Binary => write!(f, "binary file, not text"),
            DecodeError::Undecodable => {
                write!(f, "not valid UTF-8, UTF-16 (with BOM) or GB18030 text")
            }
        }
    }
}

/// Decodes a file's bytes. Invalid sequences are not replaced silently: a file that is neither
/// valid UTF-8 nor valid GB18030 is an error, so offsets always refer to the file's real text.
pub fn decode(bytes: &[u8]) -> Result<(String, SourceEncoding), DecodeError> {
    decode_owned(bytes.to_vec())
}

/// [`decode`], taking the bytes: UTF-8 (by far the commonest) becomes the text without a copy.
pub fn decode_owned(bytes: Vec<u8>) -> Result<(String, SourceEncoding), DecodeError> {
    if let Some((encoding, bom_len)) = Encoding::for_bom(&bytes) {
        let body = &bytes[bom_len..];
        let kind = if encoding == UTF_8 {
            SourceEncoding::Utf8Bom
        } else if encoding == UTF_16LE {
            SourceEncoding::Utf16Le
        } else {
            debug_assert!(encoding == UTF_16BE);
            SourceEncoding::Utf16Be
        };
        let text = encoding
            .decode_without_bom_handling_and_without_replacement(body)
            .ok_or(DecodeError::Undecodable)?;
        return Ok((text.into_owned(), kind));
    }
    if looks_binary(&bytes) {
        return Err(DecodeError::Binary);
    }
    let bytes = match String::from_utf8(bytes) {
        Ok(text) => return Ok((text, SourceEncoding::Utf8)),
        Err(e) => e.into_bytes(),
    };
    // A UTF-8 article with a stray bad byte is far likelier than a GB18030 one that happens to
    // contain valid UTF-8; decoding it as GB18030 would turn the whole article into mojibake.
    let invalid_bytes: usize = bytes.utf8_chunks().map(|c| c.invalid().len()).sum();
    if invalid_bytes * 100 <= bytes.len() {
        let text = String::from_utf8_lossy(&bytes).into_owned();
        return Ok((text, SourceEncoding::Utf8Repaired { invalid_bytes }));
    }
    GB18030
        .decode_without_bom_handling_and_without_replacement(&bytes)
        .map(|text| (text.into_owned(), SourceEncoding::Gb18030))
        .ok_or(DecodeError::Undecodable)
}

/// How many bytes of a file decide whether it is binary (see [`binary_head`]).
pub const HEAD: usize = 8192;

/// Whether a file starting with `head` (its first [`HEAD`] bytes, or all of it) is binary:
/// decided before the rest is read, so a huge binary file costs one small read.
pub fn binary_head(head: &[u8]) -> bool {
    Encoding::for_bom(head).is_none() && looks_binary(head)
}

/// A NUL byte in the first 8 KiB, or a known image/archive signature, marks a binary file.
fn looks_binary(bytes: &[u8]) -> bool {
    const SIGNATURES: [&[u8]; 6] = [
        b"\x89PNG",
        b"GIF8",
        b"\xFF\xD8\xFF",
        b"PK\x03\x04",
        b"%PDF",
        b"\x1F\x8B",
    ];
    // `contains` on bytes is a vectorised search.
    SIGNATURES.iter().any(|sig| bytes.starts_with(sig))
        || bytes[..bytes.len().min(HEAD)].contains(&0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_with_and_without_bom() {
        assert_eq!(
            decode("天津".as_bytes()).unwrap(),
            ("天津".into(), SourceEncoding::Utf8)
        );
        let mut bom = vec![0xEF, 0xBB, 0xBF];
        bom.extend_from_slice("天津".as_bytes());
        assert_eq!(
            decode(&bom).unwrap(),
            ("天津".into(), SourceEncoding::Utf8Bom)
        );
    }

    #[test]
    fn utf16_with_bom_both_orders() {
        let mut le = vec![0xFF, 0xFE];
        le.extend("Li 李".encode_utf16().flat_map(|u| u.to_le_bytes()));
        assert_eq!(
            decode(&le).unwrap(),
            ("Li 李".into(), SourceEncoding::Utf16Le)
        );
        let mut be = vec![0xFE, 0xFF];
        be.extend("Li 李".encode_utf16().flat_map(|u| u.to_be_bytes()));
        assert_eq!(
            decode(&be).unwrap(),
            ("Li 李".into(), SourceEncoding::Utf16Be)
        );
    }

    #[test]
    fn gbk_chinese_article() {
        let (bytes, _, _) = GB18030.encode("滨海新区召开会议。习近平总书记");
        let (text, enc) = decode(&bytes).unwrap();
        assert_eq!(text, "滨海新区召开会议。习近平总书记");
        assert_eq!(enc, SourceEncoding::Gb18030);
    }

    #[test]
    fn binary_and_garbage_are_errors() {
        assert_eq!(decode(b"\x89PNG\r\n\x1a\n\0\0"), Err(DecodeError::Binary));
        assert_eq!(decode(b"text\0with nul"), Err(DecodeError::Binary));
        // 0xFF is invalid in both UTF-8 and GB18030.
        assert_eq!(decode(b"abc \xFF\xFF def"), Err(DecodeError::Undecodable));
    }

    #[test]
    fn a_stray_bad_byte_in_long_utf8_text_is_repaired_not_misdecoded() {
        let mut bytes = "天津滨海新区。".repeat(40).into_bytes();
        bytes.insert(30, 0xFF);
        let (text, enc) = decode(&bytes).unwrap();
        assert_eq!(enc, SourceEncoding::Utf8Repaired { invalid_bytes: 1 });
        assert!(text.starts_with("天津滨海新区。"));
        assert_eq!(text.matches('\u{FFFD}').count(), 1);
    }

    #[test]
    fn empty_file_is_empty_text() {
        assert_eq!(decode(b"").unwrap().0, "");
    }
}
