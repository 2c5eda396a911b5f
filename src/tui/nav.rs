//! Moving between mentions: of the current entity across the listed documents (n / N), of any
//! entity within the document ([ / ]), and to a chosen mention (from the list or the filter).

use super::app::App;
use crate::index::{EntityId, MentionId};

/// A mention's place in reading order across the list: (row, start byte, id).
type Place = (usize, usize, MentionId);

/// The listed mentions of one entity in reading order, for the listing it was made from.
#[derive(Debug, Clone)]
pub struct Walk {
    entity: EntityId,
    generation: u64,
    places: Vec<Place>,
}

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
        let m = &self.ws.index.mentions[mention.index()];
        let (doc, start) = (m.doc, m.span.start);
        if !self.list.docs.contains(doc) {
            self.filters.clear();
            self.apply_filters();
            self.message = Some("filters cleared to show that document".into());
        }
        if let Some(row) = self.list.docs.row_of(doc) {
            self.select_row(row);
        }
        self.current_entity = Some(self.ws.index.entity_of(mention));
        self.current_mention = Some(mention);
        self.reveal(start);
    }

    /// n / N: the next or previous mention of the current entity in reading order, within the
    /// document and then on into the next listed document that mentions it, wrapping around.
    pub fn jump(&mut self, dir: Dir) {
        let Some(entity) = self.current_entity else {
            self.message =
                Some("no current entity: choose one with / or in the entity pane".into());
            return;
        };
        let current = self
            .current_mention
            .filter(|&c| self.ws.index.entity_of(c) == entity)
            .and_then(|c| self.listed_place(c));
        let here = self.reader_place();
        let places = self.walk(entity);
        if places.is_empty() {
            self.message = Some("no mention of it in the listed documents".into());
            return;
        }
        let n = places.len();
        // From the current mention, or else from the top of the reader.
        let (i, wrapped) = match (current.map(|c| places.binary_search(&c)), dir) {
            (Some(Ok(i)), Dir::Next) => ((i + 1) % n, i + 1 == n),
            (Some(Ok(i)), Dir::Prev) => ((i + n - 1) % n, i == 0),
            (_, Dir::Next) => (places.partition_point(|&p| p < here) % n, false),
            (_, Dir::Prev) => match places.partition_point(|&p| p < here) {
                0 => (n - 1, false),
                i => (i - 1, false),
            },
        };
        let target = places[i].2;
        self.go_to_mention(target);
        let name = &self.ws.index.entity(entity).name;
        let wrap_note = if wrapped { " (wrapped around)" } else { "" };
        self.message = Some(format!("{name}: mention {} of {n}{wrap_note}", i + 1));
    }

    /// The listed mentions of `entity` in reading order across the list. Worked out once per
    /// entity and listing (the first n after a change), so each further press is a binary search;
    /// in corpus order the entity's mentions are already in reading order and need no sort.
    fn walk(&mut self, entity: EntityId) -> &[Place] {
        let generation = self.list.docs.generation();
        let fresh =
            matches!(&self.walk, Some(w) if w.entity == entity && w.generation == generation);
        if !fresh {
            let mut places: Vec<Place> = self
                .ws
                .index
                .entity(entity)
                .mentions
                .iter()
                .filter_map(|&m| self.listed_place(m))
                .collect();
            if !self.list.docs.in_id_order() {
                places.sort_unstable();
            }
            self.walk = Some(Walk {
                entity,
                generation,
                places,
            });
        }
        self.walk.as_ref().map_or(&[], |w| &w.places)
    }

    /// A mention's place in reading order across the list, if its document is listed.
    fn listed_place(&self, mention: MentionId) -> Option<Place> {
        let m = &self.ws.index.mentions[mention.index()];
        Some((self.list.docs.row_of(m.doc)?, m.span.start, mention))
    }

    /// The top of the reader as a place in reading order (row, start byte of the top line).
    fn reader_place(&self) -> Place {
        let offset = match &self.reader.wrapped {
            Some((_, w)) => w.lines.get(self.reader.top).map_or(0, |l| l.start),
            None => 0,
        };
        (self.list.selected, offset, MentionId(0))
    }

    /// ] / [: the next or previous mention of any entity in the current document; it becomes
    /// the current mention and its entity the current entity.
    pub fn step_in_doc(&mut self, dir: Dir) {
        let Some(doc) = self.current_doc() else {
            return;
        };
        let ids = self.ws.index.doc_mention_ids(doc);
        if ids.is_empty() {
            self.message = Some("no entities in this document".into());
            return;
        }
        let here = self.current_mention.filter(|m| ids.contains(&m.index()));
        let top = match &self.reader.wrapped {
            Some((_, w)) => w.lines.get(self.reader.top).map_or(0, |l| l.start),
            None => 0,
        };
        // Only the mentions the view admits (all of them unless `v`/`V` narrowed it).
        let ok = |i: &usize| self.admitted(MentionId(*i as u32));
        let admitted: Vec<usize> = ids.clone().filter(ok).collect();
        let (Some(&first), Some(&last)) = (admitted.first(), admitted.last()) else {
            let only = self.only.describe().unwrap_or_default();
            self.message = Some(format!("no mention in this document ({only})"));
            return;
        };
        let target = match (here, dir) {
            (Some(m), Dir::Next) => admitted
                .iter()
                .copied()
                .find(|&i| i > m.index())
                .unwrap_or(last),
            (Some(m), Dir::Prev) => admitted
                .iter()
                .rev()
                .copied()
                .find(|&i| i < m.index())
                .unwrap_or(first),
            (None, Dir::Next) => (admitted.iter().copied())
                .find(|&i| self.ws.index.mentions[i].span.start >= top)
                .unwrap_or(last),
            (None, Dir::Prev) => (admitted.iter().rev().copied())
                .find(|&i| self.ws.index.mentions[i].span.start < top)
                .unwrap_or(first),
        };
        self.go_to_mention(MentionId(target as u32));
    }

    /// Makes `entity` current and shows its first mention in the current document, if any.
    pub fn choose_entity(&mut self, entity: EntityId) {
        self.current_entity = Some(entity);
        self.current_mention = None;
        let Some(doc) = self.current_doc() else {
            return;
        };
        let first = self
            .ws
            .index
            .doc_mention_ids(doc)
            .find(|&i| self.ws.index.entity_of(MentionId(i as u32)) == entity);
        if let Some(first) = first {
            self.go_to_mention(MentionId(first as u32));
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
    /// The text could not be read: `keyword` says why, and is shown whole.
    pub unavailable: bool,
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

/// How a list row names a document: its date and title, so identical titles are told apart;
/// its path when it has no date.
pub fn doc_label(doc: &crate::corpus::Document) -> String {
    match &doc.meta.date {
        Some(d) => format!("{} {}", d.get(..10).unwrap_or(d), doc.display_title()),
        None => format!("{} {}", doc.path, doc.display_title()),
    }
}

/// Characters of context each side of a keyword.
const CONTEXT_CHARS: usize = 40;

/// A mention with its context (whitespace folded to spaces). Made only for the rows on screen,
/// from the texts read for them before drawing (see `App::sync`): an entity of a large corpus
/// has tens of thousands of mentions, each in a document whose text may have to be read.
pub fn kwic_row(app: &App, id: MentionId) -> KwicRow {
    let m = &app.ws.index.mentions[id.index()];
    let doc = &app.ws.corpus.docs[m.doc.index()];
    // Drawn from the texts read for the screen (none is read here): a file gone or changed has
    // no context to show, only why.
    let text = match app.ws.text(m.doc) {
        Some(Ok(text)) => text,
        failed => {
            let why = match failed {
                Some(Err(why)) => why,
                _ => "not read yet".to_string(),
            };
            return KwicRow {
                mention: id,
                title: doc_label(doc),
                left: String::new(),
                keyword: format!("[cannot show: {why}]"),
                right: String::new(),
                unavailable: true,
            };
        }
    };
    let piece = |range: std::ops::Range<usize>| text.get(range).unwrap_or_default();
    let left: String = piece(0..m.span.start)
        .chars()
        .rev()
        .take(CONTEXT_CHARS)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    let right: String = piece(m.span.end..text.len())
        .chars()
        .take(CONTEXT_CHARS)
        .collect();
    KwicRow {
        mention: id,
        title: doc_label(doc),
        left: fold(&left),
        keyword: piece(m.span.clone()).to_string(),
        right: fold(&right),
        unavailable: false,
    }
}
