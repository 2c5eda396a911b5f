//! Wrapping a document once per width into visual lines that know their byte ranges.
//!
//! Breaks follow UAX #14 (so Chinese breaks between ideographs and never inside a word of Latin
//! script when it can be helped); a run wider than the pane is cut between grapheme clusters, so
//! a wide character is never split. Drawing then renders only the visible lines.

use super::sanitize::{display_width, needs_escape};
use std::ops::Range;
use unicode_linebreak::{linebreaks, BreakOpportunity};
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

/// A document wrapped at one width.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Wrapped {
    pub width: u16,
    /// Byte ranges of the visual lines, in order. Line terminators belong to no line; trailing
    /// spaces at a soft break stay on the line they end (and may hang past the width).
    pub lines: Vec<Range<usize>>,
}

impl Wrapped {
    /// The visual line holding byte `offset` (the last line for an offset past the end).
    pub fn line_of(&self, offset: usize) -> usize {
        self.lines
            .partition_point(|l| l.start <= offset)
            .saturating_sub(1)
    }
}

/// Wraps `text` to `width` columns (at least 2, so a wide character always fits).
pub fn wrap(text: &str, width: u16) -> Wrapped {
    let max = usize::from(width.max(2));
    let mut lines = Vec::new();
    let mut start = 0;
    for raw in text.split_inclusive('\n') {
        let content = raw.trim_end_matches('\n');
        let content = content.strip_suffix('\r').unwrap_or(content);
        wrap_line(content, start, max, &mut lines);
        start += raw.len();
    }
    if text.is_empty() || text.ends_with('\n') {
        lines.push(text.len()..text.len());
    }
    Wrapped { width, lines }
}

fn wrap_line(line: &str, base: usize, max: usize, out: &mut Vec<Range<usize>>) {
    if line.is_empty() {
        out.push(base..base);
        return;
    }
    let mut line_start = 0;
    let mut line_width = 0;
    let mut seg_start = 0;
    for (brk, kind) in linebreaks(line) {
        // linebreaks() ends with a mandatory break at the end of the string.
        let segment = &line[seg_start..brk];
        let full = width_of(segment);
        let trimmed = width_of(segment.trim_end());
        if line_width + trimmed > max && line_start < seg_start {
            out.push(base + line_start..base + seg_start);
            line_start = seg_start;
            line_width = 0;
        }
        if line_width + trimmed > max {
            // A single segment wider than the line: cut it between grapheme clusters.
            for (offset, g) in segment.grapheme_indices(true) {
                let w = display_width(g);
                let at = seg_start + offset;
                if line_width + w > max && line_start < at && !g.trim().is_empty() {
                    out.push(base + line_start..base + at);
                    line_start = at;
                    line_width = 0;
                }
                line_width += w;
            }
        } else {
            line_width += full;
        }
        seg_start = brk;
        if kind == BreakOpportunity::Mandatory && brk < line.len() {
            // Other mandatory breaks (vertical tab, form feed, U+2028) end the visual line too.
            out.push(base + line_start..base + brk);
            line_start = brk;
            line_width = 0;
        }
    }
    out.push(base + line_start..base + line.len());
}

fn width_of(s: &str) -> usize {
    if s.bytes().all(|b| (0x20..0x7F).contains(&b)) {
        return s.len();
    }
    if !s.chars().any(needs_escape) {
        return s.width();
    }
    s.graphemes(true).map(display_width).sum()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn shown<'a>(text: &'a str, w: &Wrapped) -> Vec<&'a str> {
        w.lines.iter().map(|r| &text[r.clone()]).collect()
    }

    #[test]
    fn english_breaks_at_spaces() {
        let text = "Lian Maojun went to THT for investigation";
        assert_eq!(
            shown(text, &wrap(text, 13)),
            ["Lian Maojun ", "went to THT ", "for ", "investigation"]
        );
        // A word wider than the pane is cut.
        assert_eq!(shown(text, &wrap(text, 12))[3..], ["investigatio", "n"]);
    }

    #[test]
    fn chinese_breaks_between_ideographs_and_keeps_punctuation_attached() {
        let text = "习近平总书记亲临天津视察指导。";
        let w = wrap(text, 8);
        assert_eq!(
            shown(text, &w),
            ["习近平总", "书记亲临", "天津视察", "指导。"]
        );
    }

    #[test]
    fn long_word_is_cut_between_graphemes() {
        let text = "YanLianGangYanLianGang";
        assert_eq!(
            shown(text, &wrap(text, 10)),
            ["YanLianGan", "gYanLianGa", "ng"]
        );
    }

    #[test]
    fn blank_lines_and_crlf() {
        let text = "a\r\n\r\nb\n";
        assert_eq!(shown(text, &wrap(text, 10)), ["a", "", "b", ""]);
    }

    #[test]
    fn line_of_finds_the_visual_line() {
        let text = "习近平总书记亲临天津视察指导。";
        let w = wrap(text, 8);
        assert_eq!(w.line_of(0), 0);
        assert_eq!(w.line_of("习近平总书记".len()), 1);
        assert_eq!(w.line_of(text.len()), 3);
    }

    fn rejoin(text: &str, w: &Wrapped) -> String {
        let mut out = String::new();
        let mut prev_end = 0;
        for r in &w.lines {
            out.push_str(&text[prev_end..r.start]); // the terminators between lines
            out.push_str(&text[r.clone()]);
            prev_end = r.end;
        }
        out.push_str(&text[prev_end..]);
        out
    }

    proptest! {
        #[test]
        fn lines_fit_and_give_back_the_text(
            text in "([a-zA-Z]{1,12}|[ \t]|天津|习近平|。|,|\n|\r\n|\u{1b}\\[2J|🇨🇳|e\u{301}|𠮷){0,60}",
            width in 2u16..40,
        ) {
            let w = wrap(&text, width);
            for r in &w.lines {
                let line = &text[r.clone()];
                prop_assert!(!line.contains('\n'));
                prop_assert!(width_of(line.trim_end()) <= usize::from(width), "{line:?} wider than {width}");
            }
            prop_assert_eq!(rejoin(&text, &w), text.clone());
            // Lines are in order and never overlap.
            for pair in w.lines.windows(2) {
                prop_assert!(pair[0].end <= pair[1].start);
            }
        }
    }
}
