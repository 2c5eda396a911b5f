//! What the model sees of each character of a line: the character and its neighbours, their
//! classes in the name tables (surname, given-name, transliteration, province abbreviation),
//! jieba's word around it and the words beside that, and the place gazetteer. Every feature is
//! a hash, so the weights are one flat table.

use super::super::abbreviations::PROVINCES;
use super::super::persons_foreign::CHARS as TRANSLITERATION;
use super::super::regions::places_in;
use super::super::segment::Token;
use super::super::tables::TABLES;
use crate::corpus::meta::is_han;
use rustc_hash::FxHashMap;
use std::sync::LazyLock;

/// Features per character (every template gives one, so positions are fixed-width chunks).
pub const WIDTH: usize = 30;

/// A character's classes in the name tables, as bits: kind (3), surname frequency (2),
/// given-name frequency (2), transliteration (1), province abbreviation (1).
fn shape(c: char) -> u64 {
    let kind = if is_han(c) {
        0
    } else if c.is_numeric() {
        1
    } else if c.is_alphabetic() {
        2
    } else if c.is_whitespace() {
        3
    } else {
        4
    };
    kind | table_classes(c)
}

/// A character's classes in the name tables (the bits of `shape` above its kind). Looked up
/// thirty times a character of text: for the Basic Multilingual Plane an array, not a hash map.
fn table_classes(c: char) -> u64 {
    static CLASSES: LazyLock<FxHashMap<char, u16>> = LazyLock::new(|| {
        let mut map: FxHashMap<char, u16> = FxHashMap::default();
        for (s, ppm) in &TABLES.surnames_zh {
            let mut chars = s.chars();
            if let (Some(c), None) = (chars.next(), chars.next()) {
                let bucket = if *ppm >= 10_000.0 {
                    3
                } else if *ppm >= 500.0 {
                    2
                } else {
                    1
                };
                *map.entry(c).or_default() |= bucket << 3;
            }
        }
        for (c, ppm) in &TABLES.given_chars {
            let bucket = if *ppm >= 1000.0 {
                3
            } else if *ppm >= 100.0 {
                2
            } else {
                1
            };
            *map.entry(*c).or_default() |= bucket << 5;
        }
        for c in TRANSLITERATION.iter() {
            *map.entry(*c).or_default() |= 1 << 7;
        }
        for c in PROVINCES.keys() {
            *map.entry(*c).or_default() |= 1 << 8;
        }
        map
    });
    static BMP: LazyLock<Vec<u16>> = LazyLock::new(|| {
        let mut bmp = vec![0u16; 0x1_0000];
        for (&c, &classes) in CLASSES.iter() {
            if let Some(slot) = bmp.get_mut(c as usize) {
                *slot = classes;
            }
        }
        bmp
    });
    let classes = BMP
        .get(c as usize)
        .copied()
        .or_else(|| CLASSES.get(&c).copied());
    u64::from(classes.unwrap_or(0))
}

/// Two-character surnames (欧阳), as character pairs.
static COMPOUND_SURNAMES: LazyLock<rustc_hash::FxHashSet<(char, char)>> = LazyLock::new(|| {
    TABLES
        .surnames_zh
        .keys()
        .filter_map(|s| {
            let mut c = s.chars();
            match (c.next(), c.next(), c.next()) {
                (Some(a), Some(b), None) => Some((a, b)),
                _ => None,
            }
        })
        .collect()
});

/// Where a character stands in its word.
#[derive(Clone, Copy)]
struct InWord {
    /// jieba's tag of the word, as a small number.
    tag: u64,
    /// 0 alone, 1 first, 2 middle, 3 last.
    at: u64,
    len: u64,
    word: u64,
    before: u64,
    after: u64,
    tag_before: u64,
    tag_after: u64,
}

const NONE: InWord = InWord {
    tag: 0,
    at: 0,
    len: 0,
    word: 0,
    before: 0,
    after: 0,
    tag_before: 0,
    tag_after: 0,
};

fn tag_number(tag: &str) -> u64 {
    tag.bytes().fold(0u64, |h, b| h << 8 | u64::from(b))
}

fn word_hash(word: &str) -> u64 {
    xxhash_rust::xxh3::xxh3_64(word.as_bytes())
}

/// Mixes a template number and a value into a feature (a 32-bit hash).
fn feature(template: u64, value: u64) -> u32 {
    let mut x = value ^ template.wrapping_mul(0x9E37_79B9_7F4A_7C15);
    x = (x ^ (x >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    (x ^ (x >> 31)) as u32
}

/// The features of a line's characters, `WIDTH` per character, and each character's byte
/// offset in the line. `tokens` are jieba's words of the line, with ranges in it.
pub fn line_features(line: &str, tokens: &[Token]) -> (Vec<usize>, Vec<u32>) {
    let offsets: Vec<usize> = line.char_indices().map(|(i, _)| i).collect();
    let chars: Vec<char> = line.chars().collect();
    let n = chars.len();
    let shapes: Vec<u64> = chars.iter().map(|&c| shape(c)).collect();
    // The character at or after each byte of the line (and its end): token and place ranges
    // become character ranges by lookup, not by search.
    let mut char_at = vec![0u32; line.len() + 1];
    for (k, &o) in offsets.iter().enumerate() {
        let end = offsets.get(k + 1).copied().unwrap_or(line.len());
        char_at[o..end].fill(k as u32);
    }
    char_at[line.len()] = n as u32;
    let index_of = |byte: usize| char_at.get(byte).map_or(n, |&k| k as usize);

    let mut words = vec![NONE; n];
    // Each word's hash and tag, once (a word is also its neighbours' neighbour).
    let hashed: Vec<(u64, u64)> = tokens
        .iter()
        .map(|t| {
            let word = line.get(t.range.clone()).unwrap_or("");
            (word_hash(word), tag_number(t.tag))
        })
        .collect();
    for (k, t) in tokens.iter().enumerate() {
        let (start, end) = (index_of(t.range.start), index_of(t.range.end));
        let neighbour = |j: Option<usize>| j.and_then(|j| hashed.get(j)).copied().unwrap_or((0, 0));
        let (before, tag_before) = neighbour(k.checked_sub(1));
        let (after, tag_after) = neighbour(Some(k + 1));
        let len = (end - start) as u64;
        let word = hashed[k].0;
        for (i, w) in words.iter_mut().enumerate().take(end.min(n)).skip(start) {
            *w = InWord {
                tag: tag_number(t.tag),
                at: match (i == start, i + 1 == end) {
                    (true, true) => 0,
                    (true, false) => 1,
                    (false, false) => 2,
                    (false, true) => 3,
                },
                len: len.min(5),
                word,
                before,
                after,
                tag_before,
                tag_after,
            };
        }
    }

    // The gazetteer's places, longest first from the left: 1 first character, 2 inside, 3 last.
    let mut places = vec![0u64; n];
    for place in places_in(line) {
        let (i, end) = (index_of(place.start), index_of(place.end));
        for (j, p) in places.iter_mut().enumerate().take(end).skip(i) {
            *p = if j == i {
                1
            } else if j + 1 == end {
                3
            } else {
                2
            };
        }
    }

    // Past either end of the line: a value no character or shape has. Two of them each side,
    // so that a neighbour is read by index, without a bounds test per feature.
    let padded = |values: Vec<u64>, pad: u64| -> Vec<u64> {
        let mut out = vec![pad; values.len() + 4];
        out[2..2 + values.len()].copy_from_slice(&values);
        out
    };
    let codes = padded(chars.iter().map(|&c| c as u64).collect(), 0x11_0000);
    let shapes = padded(shapes, 0x3ff);
    // `i` is the position in the line, from -2 to n + 1.
    let ch = |i: isize| codes[(i + 2) as usize];
    let sh = |i: isize| shapes[(i + 2) as usize];
    let pair = |a: u64, b: u64| a << 21 | b;
    let compound_surname = |i: usize| -> u64 {
        let next = chars.get(i + 1).copied().unwrap_or(' ');
        u64::from(COMPOUND_SURNAMES.contains(&(chars[i], next)))
    };

    let mut out = Vec::with_capacity(n * WIDTH);
    for i in 0..n {
        let s = i as isize;
        let w = words[i];
        let values: [u64; WIDTH] = [
            ch(s),
            ch(s - 1),
            ch(s + 1),
            ch(s - 2),
            ch(s + 2),
            pair(ch(s - 1), ch(s)),
            pair(ch(s), ch(s + 1)),
            pair(ch(s - 2), ch(s - 1)),
            pair(ch(s + 1), ch(s + 2)),
            sh(s),
            sh(s - 1),
            sh(s + 1),
            sh(s - 2),
            sh(s + 2),
            pair(sh(s - 1), sh(s)),
            pair(sh(s), sh(s + 1)),
            sh(s - 1) << 20 | sh(s) << 10 | sh(s + 1),
            sh(s) << 20 | sh(s + 1) << 10 | sh(s + 2),
            sh(s - 2) << 20 | sh(s - 1) << 10 | sh(s),
            w.tag << 8 | w.at << 4 | w.len,
            w.word ^ w.at,
            w.before ^ w.at,
            w.after ^ w.at,
            w.tag_before << 24 ^ w.tag << 12 ^ w.tag_after ^ w.at << 60,
            places[i],
            places[i] << 10 | sh(s),
            compound_surname(i),
            0,
            pair(ch(s), w.at),
            w.tag << 12 | sh(s) << 2 | w.at,
        ];
        // One at a time: vectorized, the 64-bit multiplications of the hash are emulated in
        // 32-bit lanes (SSE2 has no 64-bit multiply), slower than scalar ones.
        for (t, v) in values.iter().enumerate() {
            out.push(feature(t as u64, *v));
        }
    }
    (offsets, out)
}
