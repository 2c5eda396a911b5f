//! Moving between mentions: of the current entity across the listed documents (n / N), of any
//! entity within the document ([ / ]), and to a chosen mention (from the list or the filter).

use super::app::App;
use crate::index::{EntityId, MentionId};

/// A mention's place in reading order across the list: (row, start byte, id).
type Place = (usize, usize, MentionId);

/// Direction of a jump.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dir {
    Next,
    Prev,
}

impl App {
    /// Makes `mention` current: its document is selected, its entity current, and it is scrolled
    /// into view. A document hidden by the filters brings the filters down with a notice.
    pub fn go_to_mention(&mut self, mention: MentionId) {
        let m = &self.index.mentions[mention as usize];
        let (doc, start) = (m.doc, m.span.start);
        if !self.visible.contains(doc) {
            self.filters.clear();
            self.apply_filters();
            self.message = Some("filters cleared to show that document".into());
        }
        if let Some(row) = self.visible.row_of(doc) {
            self.select_row(row);
        }
        self.current_entity = Some(self.index.entity_of(mention));
        self.current_mention = Some(mention);
        self.reveal(start);
    }

    /// n / N: the next or previous mention of the current entity in reading order, within the
    /// document and then on into the next listed document that mentions it, wrapping around.
    /// One pass over the entity's mentions, without sorting or allocating: list order comes from
    /// each document's row.
    pub fn jump(&mut self, dir: Dir) {
        let Some(entity) = self.current_entity else {
            self.message =
                Some("no current entity: choose one with / or in the entity pane".into());
            return;
        };
        let current = self
            .current_mention
            .and_then(|c| self.listed_key(c))
            .filter(|_| self.current_mention.map(|c| self.index.entity_of(c)) == Some(entity));
        // Where to start from: the current mention, or else the top of the reader.
        let here = current.unwrap_or_else(|| self.reader_place());
        let (mut first, mut last, mut after, mut before) = (None, None, None, None);
        let mut total = 0;
        for key in self.listed_keys(entity) {
            total += 1;
            first = Some(first.map_or(key, |f: Place| f.min(key)));
            last = last.max(Some(key));
            let beyond = match current {
                Some(_) => key > here,
                None => key >= here,
            };
            if beyond {
                after = Some(after.map_or(key, |a: Place| a.min(key)));
            } else if key < here {
                before = before.max(Some(key));
            }
        }
        let (Some(first), Some(last)) = (first, last) else {
            self.message = Some("no mention of it in the listed documents".into());
            return;
        };
        let (target, wrapped) = match dir {
            Dir::Next => after.map_or((first, current.is_some()), |k| (k, false)),
            Dir::Prev => before.map_or((last, current.is_some()), |k| (k, false)),
        };
        let pos = self
            .listed_keys(entity)
            .filter(|&key| key <= target)
            .count();
        self.go_to_mention(target.2);
        let name = &self.index.entity(entity).name;
        let wrap_note = if wrapped { " (wrapped around)" } else { "" };
        self.message = Some(format!("{name}: mention {pos} of {total}{wrap_note}"));
    }

    /// A mention's place in reading order across the list, if its document is listed.
    fn listed_key(&self, mention: MentionId) -> Option<Place> {
        let m = &self.index.mentions[mention as usize];
        Some((self.visible.row_of(m.doc)?, m.span.start, mention))
    }

    /// The places of an entity's mentions in listed documents.
    fn listed_keys(
        &self,
        entity: EntityId,
    ) -> impl Iterator<Item = Place> + '_ {
        self.index
            .entity(entity)
            .mentions
            .iter()
            .filter_map(|&m| self.listed_key(m))
    }

    /// The top of the reader as a place in reading order (row, start byte of the top line).
    fn reader_place(&self) -> Place {
        let offset = match &self.wrapped {
            Some((_, w)) => w.lines.get(self.reader_top).map_or(0, |l| l.start),
            None => 0,
        };
        (self.list_selected, offset, 0)
    }

    /// ] / [: the next or previous mention of any entity in the current document; it becomes
    /// the current mention and its entity the current entity.
    pub fn step_in_doc(&mut self, dir: Dir) {
        let Some(doc) = self.current_doc() else {
            return;
        };
        let ids = self.index.doc_mention_ids(doc);
        if ids.is_empty() {
            self.message = Some("no entities in this document".into());
            return;
        }
        let here = self
            .current_mention
            .filter(|m| ids.contains(&(*m as usize)));
        let top = match &self.wrapped {
            Some((_, w)) => w.lines.get(self.reader_top).map_or(0, |l| l.start),
            None => 0,
        };
        let target = match (here, dir) {
            (Some(m), Dir::Next) => (m as usize + 1).min(ids.end - 1),
            (Some(m), Dir::Prev) => (m as usize).saturating_sub(1).max(ids.start),
            (None, Dir::Next) => ids
                .clone()
                .find(|&i| self.index.mentions[i].span.start >= top)
                .unwrap_or(ids.end - 1),
            (None, Dir::Prev) => ids
                .clone()
                .rev()
                .find(|&i| self.index.mentions[i].span.start < top)
                .unwrap_or(ids.start),
        };
        self.go_to_mention(target as MentionId);
    }

    /// Makes `entity` current and shows its first mention in the current document, if any.
    pub fn choose_entity(&mut self, entity: EntityId) {
        self.current_entity = Some(entity);
        self.current_mention = None;
        let Some(doc) = self.current_doc() else {
            return;
        };
        let first = self
            .index
            .doc_mention_ids(doc)
            .find(|&i| self.index.entity_of(i as MentionId) == entity);
        if let Some(first) = first {
            self.go_to_mention(first as MentionId);
        }
    }
}

/// One row of the keyword-in-context list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KwicRow {
    pub mention: MentionId,
    pub title: String,
    pub left: String,
    pub keyword: String,
    pub right: String,
}

/// Each run of whitespace (newlines included) as one space, so context stays on one row.
fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if !c.is_whitespace() {
            out.push(c);
        } else if !out.ends_with(' ') {
            out.push(' ');
        }
    }
    out
}

/// Characters of context each side of a keyword.
const CONTEXT_CHARS: usize = 40;

/// Every mention of `entity` across the corpus with its context (whitespace folded to spaces).
pub fn kwic_rows(app: &App, entity: EntityId) -> Vec<KwicRow> {
    app.index
        .entity(entity)
        .mentions
        .iter()
        .map(|&id| {
            let m = &app.index.mentions[id as usize];
            let doc = &app.corpus.docs[m.doc as usize];
            let text = &doc.text;
            let left: String = text[..m.span.start]
                .chars()
                .rev()
                .take(CONTEXT_CHARS)
                .collect::<Vec<_>>()
                .into_iter()
                .rev()
                .collect();
            let right: String = text[m.span.end..].chars().take(CONTEXT_CHARS).collect();
            KwicRow {
                mention: id,
                title: doc.display_title().to_string(),
                left: fold(&left),
                keyword: text[m.span.clone()].to_string(),
                right: fold(&right),
            }
        })
        .collect()
}
