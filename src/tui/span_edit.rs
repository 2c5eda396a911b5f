//! Editing a span by keyboard: moving a mention's boundaries (b), or marking a mention the
//! extraction missed (+). Each end moves by a character or by a word; Chinese text moves one
//! character per word step.

use super::app::{App, Effect, Mode, Overlay};
use super::keymap::Action;
use crate::corpus::DocId;
use crate::formats::offsets::OffsetMap;
use crate::index::MentionId;
use crate::model::Label;
use crate::review::{Decision, Verdict};
use std::ops::Range;

/// A span being edited: of an existing mention (adjust) or a new one (add).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SpanEdit {
    pub doc: DocId,
    /// Byte range in the document.
    pub span: Range<usize>,
    /// The mention whose boundaries move; None when adding.
    pub mention: Option<MentionId>,
}

impl App {
    /// b: edit the current mention's boundaries.
    pub fn start_adjust(&mut self) {
        let Some(m) = self.current_mention else {
            self.message = Some("no current mention: step onto one with ] or n".into());
            return;
        };
        let mention = &self.ws.index.mentions[m.index()];
        self.mode = Mode::Overlay(Overlay::SpanEdit(SpanEdit {
            doc: mention.doc,
            span: mention.span.clone(),
            mention: Some(m),
        }));
    }

    /// +: mark a new mention, starting with the word after the current mention (or at the top of
    /// the reader).
    pub fn start_add(&mut self) {
        let Some(doc) = self.current_doc() else {
            return;
        };
        let text: &str = &self.ws.corpus.docs[doc.index()].text;
        let from = match self.current_mention {
            Some(m) if self.ws.index.mentions[m.index()].doc == doc => {
                self.ws.index.mentions[m.index()].span.end
            }
            _ => self
                .reader
                .wrapped
                .as_ref()
                .and_then(|(_, w)| w.lines.get(self.reader.top))
                .map_or(0, |l| l.start),
        };
        let start = skip_spaces(text, from);
        let end = next_word(text, start);
        if start >= end {
            self.message = Some("nothing to mark here".into());
            return;
        }
        self.mode = Mode::Overlay(Overlay::SpanEdit(SpanEdit {
            doc,
            span: start..end,
            mention: None,
        }));
    }

    /// Moves one end of the span being edited; a move that would empty it is ignored.
    pub fn move_span_end(&mut self, action: Action) {
        let Mode::Overlay(Overlay::SpanEdit(edit)) = &mut self.mode else {
            return;
        };
        let text: &str = &self.ws.corpus.docs[edit.doc.index()].text;
        let Range { start, end } = edit.span.clone();
        let moved = match action {
            Action::StartLeft => prev_char(text, start)..end,
            Action::StartRight => next_char(text, start)..end,
            Action::StartWordLeft => prev_word(text, start)..end,
            Action::StartWordRight => skip_spaces(text, next_word(text, start))..end,
            Action::EndLeft => start..prev_char(text, end),
            Action::EndRight => start..next_char(text, end),
            Action::EndWordLeft => start..trim_spaces_left(text, prev_word(text, end)),
            Action::EndWordRight => start..next_word(text, end),
            _ => start..end,
        };
        if moved.start < moved.end && !text[moved.clone()].trim().is_empty() {
            edit.span = moved;
        }
    }

    /// Saves the span being edited: the mention's new boundaries, or a new mention with `label`.
    pub fn save_span(&mut self, label: Option<Label>) {
        let Some(Overlay::SpanEdit(edit)) = self.overlay().cloned() else {
            return;
        };
        let doc = &self.ws.corpus.docs[edit.doc.index()];
        let map = OffsetMap::new(&doc.text);
        let (start, end) = (
            map.code_point_of(edit.span.start),
            map.code_point_of(edit.span.end),
        );
        let covered = doc.text[edit.span.clone()].to_string();
        match (edit.mention, label) {
            (Some(m), _) if self.ws.index.mentions[m.index()].span == edit.span => {
                // Nothing moved: nothing to decide.
                self.mode = Mode::Normal;
                self.current_mention = Some(m);
                self.message = Some("boundaries unchanged".into());
            }
            (Some(m), _) => {
                self.mode = Mode::Normal;
                self.current_mention = Some(m);
                self.decide(Verdict::Adjust { start, end });
            }
            (None, Some(label)) => {
                self.mode = Mode::Normal;
                let d = Decision {
                    doc: doc.path.clone(),
                    start,
                    end,
                    label: label.as_str().to_string(),
                    text: covered.clone(),
                    verdict: Verdict::Add,
                };
                // Stored, it becomes the current mention.
                self.effects.push(Effect::Record {
                    decisions: vec![d],
                    targets: Vec::new(),
                    what: format!("added {covered:?} as {}", label.as_str()),
                    advance: false,
                    select: Some((edit.doc, edit.span.clone())),
                });
            }
            (None, None) => {
                self.message = Some("choose its label: p person, r region, o organization".into())
            }
        }
    }
}

fn next_char(text: &str, at: usize) -> usize {
    text[at..].chars().next().map_or(at, |c| at + c.len_utf8())
}

fn prev_char(text: &str, at: usize) -> usize {
    text[..at]
        .chars()
        .next_back()
        .map_or(at, |c| at - c.len_utf8())
}

fn skip_spaces(text: &str, at: usize) -> usize {
    at + text[at..].len() - text[at..].trim_start().len()
}

fn trim_spaces_left(text: &str, at: usize) -> usize {
    text[..at].trim_end().len()
}

/// A word is a run of letters and digits (with - and '); any other character is a word alone.
fn is_word_char(c: char) -> bool {
    (c.is_alphanumeric() && !crate::corpus::meta::is_han(c)) || c == '-' || c == '\''
}

/// The end of the word at or after `at` (spaces before it skipped).
pub fn next_word(text: &str, at: usize) -> usize {
    let start = skip_spaces(text, at);
    let mut chars = text[start..].char_indices();
    match chars.next() {
        Some((_, c)) if is_word_char(c) => {
            start
                + text[start..]
                    .find(|c: char| !is_word_char(c))
                    .unwrap_or(text.len() - start)
        }
        Some((_, c)) => start + c.len_utf8(),
        None => start,
    }
}

/// The start of the word at or before `at` (spaces after it skipped).
pub fn prev_word(text: &str, at: usize) -> usize {
    let end = trim_spaces_left(text, at);
    match text[..end].chars().next_back() {
        Some(c) if is_word_char(c) => text[..end]
            .rfind(|c: char| !is_word_char(c))
            .map_or(0, |i| {
                i + text[i..].chars().next().map_or(1, char::len_utf8)
            }),
        Some(c) => end - c.len_utf8(),
        None => end,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_move_over_latin_runs_and_single_ideographs() {
        let text = "Mayor Li Qiang visited 天津市 today.";
        assert_eq!(&text[..next_word(text, 0)], "Mayor");
        assert_eq!(&text[..next_word(text, 5)], "Mayor Li");
        let tianjin = text.find('天').unwrap();
        assert_eq!(next_word(text, tianjin), tianjin + '天'.len_utf8());
        assert_eq!(
            prev_word(text, text.find("visited").unwrap()),
            text.find("Qiang").unwrap()
        );
        assert_eq!(prev_word(text, 0), 0);
        assert_eq!(next_word(text, text.len()), text.len());
    }
}
