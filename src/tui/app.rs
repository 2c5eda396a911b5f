//! Application state: everything drawing needs, changed only by `update`.

use super::filter::FilterPrompt;
use super::layout::{inner, layout, Layout, Pane};
pub use super::listing::{ListOrder, Only};
use super::theme::Theme;
use crate::corpus::{Corpus, DocId};
use crate::index::{EntityId, Index, MentionId};
use crate::session::Workspace;
use crate::text::{wrap, Wrapped};
use ratatui::layout::Rect;

/// How wide the reader's review marks are: two marks and a space.
pub const REVIEW_GUTTER: u16 = 3;

/// What takes the keys: the panes, the filter prompt, or one popup over them. One field, so
/// a prompt and a popup can never both be open.
#[derive(Debug, Clone, Default)]
pub enum Mode {
    #[default]
    Normal,
    Filter(FilterPrompt),
    Overlay(Overlay),
}

/// Work an event asks for outside the browser's state — the review database — done by the
/// loop right after the event ([`App::run_effects`]); its outcome is the next state.
#[derive(Debug, Clone)]
pub enum Effect {
    /// Store `decisions` as one and show them (`what`, then with `advance` on to the next
    /// unreviewed mention; with `select`, make the mention at that span current).
    Record {
        decisions: Vec<crate::review::Decision>,
        targets: Vec<MentionId>,
        what: String,
        advance: bool,
        select: Option<(DocId, std::ops::Range<usize>)>,
    },
    /// Take back this browser's latest decision, or restore it (`redo`).
    UndoRedo { redo: bool },
    /// Compute this browser's reviewer's agreement with `other` (by default the reviewer with
    /// most decisions) and show it.
    Agreement { other: Option<String> },
    /// Search the text for what was typed (it may read every text) and show the first hit.
    Search { typed: String },
    /// List the current search's hits in context (it reads their texts).
    HitList,
    /// Write the open list or pane to a file.
    WriteOut,
    /// Save the filters in force under `name` in the config file.
    SaveFilters { name: String },
    /// Compute an entity's profile (it reads texts) and show it.
    Profile { entity: EntityId },
    /// Compute who appears with whom in the listed documents and show it.
    Cooc {
        rows: crate::model::Label,
        cols: crate::model::Label,
        together: crate::explore::Together,
    },
}

/// A popup over the panes.
#[derive(Debug, Clone)]
pub enum Overlay {
    Help {
        scroll: usize,
    },
    /// The problems while loading (files skipped or repaired, annotation files, the config).
    Problems {
        scroll: usize,
    },
    Mentions(MentionList),
    /// Choosing the new label of the current mention (`bulk`: of many, chosen next).
    Relabel {
        bulk: bool,
    },
    /// The disagreements with the gold, filtered (compare mode).
    Errors(super::compare::ErrorsList),
    /// Moving a mention's boundaries, or marking a new mention.
    SpanEdit(super::span_edit::SpanEdit),
    /// Choosing which mentions a bulk decision covers.
    BulkScope(crate::review::Verdict),
    /// Confirming a bulk decision: what it does and to which mentions.
    BulkConfirm {
        verdict: crate::review::Verdict,
        targets: Vec<crate::index::MentionId>,
        what: String,
    },
    /// Confirming a decision about entities (a merge): what it does.
    EntityConfirm {
        decisions: Vec<crate::review::Decision>,
        what: String,
    },
    /// Typing an entity's new name.
    Rename {
        entity: EntityId,
        name: String,
    },
    /// This reviewer's agreement with another.
    Agreement(Box<super::agreement::AgreementPane>),
    /// Typing a text to search for.
    SearchPrompt {
        query: String,
    },
    /// Typing the name to save the filters in force under.
    SaveFilters {
        name: String,
    },
    /// The current search's hits in context.
    Hits(Box<super::search::HitList>),
    /// An entity's profile.
    Profile(Box<super::explore::ProfilePane>),
    /// Who appears with whom.
    Cooc(Box<super::explore::CoocPane>),
}

/// The keyword-in-context list of every mention of one entity.
#[derive(Debug, Clone)]
pub struct MentionList {
    pub entity: EntityId,
    pub selected: usize,
}

/// The document list's state.
pub struct ListPane {
    /// Documents in the list (ascending ids, or by what is left to review): all of them, or
    /// those matching the filters.
    pub docs: super::listing::Listing,
    /// Selected row.
    pub selected: usize,
    /// Ordered by mentions left to review, not by corpus order.
    pub order: ListOrder,
}

/// The reader's state.
#[derive(Default)]
pub struct ReaderPane {
    /// First visual line shown.
    pub top: usize,
    /// The document shown, wrapped at the reader's width.
    pub wrapped: Option<(DocId, Wrapped)>,
    /// Where the current search occurs in the document shown: (document, query, hits).
    pub hits: Option<(DocId, String, Vec<std::ops::Range<usize>>)>,
}

/// The entity pane's state.
#[derive(Default)]
pub struct EntityPane {
    /// Selected row (an index into the document's entities).
    pub selected: usize,
}

/// The whole state of the browser.
pub struct App {
    /// The corpus, its index and the review, kept consistent by their own methods.
    pub ws: Workspace,
    pub theme: Theme,
    /// The key table in force (the built-in one, with the config file's rebindings).
    pub keymap: super::keymap::Keymap,
    pub area: Rect,
    pub focus: Pane,
    /// What every listed document must be: mention an entity (or any of several, or not), be
    /// of a date range, a language, a source.
    pub filters: Vec<crate::session::select::Clause>,
    /// The document list.
    pub list: ListPane,
    /// The reader.
    pub reader: ReaderPane,
    pub current_entity: Option<EntityId>,
    pub current_mention: Option<MentionId>,
    /// The entity pane.
    pub entities: EntityPane,
    /// The text search the reader marks (and `n`/`N` walk while no entity is current).
    pub search: Option<super::search::Search>,
    /// The current hit of that search in the current document (bytes).
    pub hit: Option<std::ops::Range<usize>>,
    /// Filter sets saved by name in the config file (`@NAME` in the filter prompt).
    pub saved_filters: Vec<(String, Vec<String>)>,
    /// The config file, where `W` saves the filters in force.
    pub config_path: Option<std::path::PathBuf>,
    /// Where `w` writes what a list or pane shows (the working folder).
    pub export_dir: std::path::PathBuf,
    /// The corpus's full-text index: off, being built, ready.
    pub text_index: super::search::IndexState,
    /// Entities marked for merging (`M`) or for moving a mention to (`J`), by label and key.
    pub marked: Vec<super::entity_edit::Marked>,
    /// The prompt or popup taking the keys, if any.
    pub mode: Mode,
    /// The review status and label the list and `]`/`[` are narrowed to.
    pub only: Only,
    /// What the last events asked for outside the state, for the loop to run.
    pub effects: Vec<Effect>,
    /// A one-off message for the status line (cleared by the next key).
    pub message: Option<String>,
    pub quit: bool,
    /// The disagreement ) and ( last went to: (list row, start byte).
    pub disagreement_at: Option<(usize, usize)>,
    /// The current entity's listed mentions in reading order, kept between presses of n.
    pub walk: Option<super::nav::Walk>,
    /// How far loading has come (None once every document is in).
    pub loading: Option<super::loading::LoadProgress>,
}

impl App {
    /// A browser on `corpus` with its `index`, for a terminal of `area`.
    pub fn new(corpus: Corpus, index: Index, theme: Theme, area: Rect) -> App {
        let visible = super::listing::Listing::new(DocId::all(corpus.docs.len()).collect());
        let mut app = App {
            ws: Workspace::new(corpus, index, "no review database is open"),
            theme,
            keymap: Default::default(),
            area,
            focus: Pane::List,
            filters: Vec::new(),
            list: ListPane {
                docs: visible,
                selected: 0,
                order: ListOrder::Corpus,
            },
            reader: ReaderPane::default(),
            current_entity: None,
            current_mention: None,
            entities: EntityPane::default(),
            marked: Vec::new(),
            search: None,
            hit: None,
            text_index: Default::default(),
            export_dir: std::path::PathBuf::from("."),
            saved_filters: Vec::new(),
            config_path: None,
            mode: Mode::Normal,
            only: Only::default(),
            effects: Vec::new(),
            message: None,
            quit: false,
            disagreement_at: None,
            walk: None,
            loading: None,
        };
        app.sync();
        app
    }

    /// The filter prompt, when it is open.
    pub fn prompt(&self) -> Option<&FilterPrompt> {
        match &self.mode {
            Mode::Filter(p) => Some(p),
            _ => None,
        }
    }

    /// The popup, when one is open.
    pub fn overlay(&self) -> Option<&Overlay> {
        match &self.mode {
            Mode::Overlay(o) => Some(o),
            _ => None,
        }
    }

    /// The layout for the current size and focus.
    pub fn layout(&self) -> Layout {
        layout(self.area, self.focus, super::view::status::rows(self))
    }

    /// The document shown in the reader.
    pub fn current_doc(&self) -> Option<DocId> {
        self.list.docs.get(self.list.selected).copied()
    }

    /// Inner size (columns, rows) of the reader; of the whole body when it is hidden, so that a
    /// jump made while another pane fills a narrow screen scrolls sensibly.
    pub fn reader_size(&self) -> (u16, u16) {
        let l = self.layout();
        let r = l.reader.or(l.list).unwrap_or(self.area);
        let i = inner(r);
        let width = i.width.saturating_sub(self.review_gutter());
        (width.max(1), i.height.max(1))
    }

    /// The columns left of the reader's text that mark each line's decided mentions: none until
    /// something is decided (browsing without reviewing keeps the whole width).
    pub fn review_gutter(&self) -> u16 {
        match self.reviewed_count().0 > 0 {
            true => REVIEW_GUTTER,
            false => 0,
        }
    }

    /// Keeps derived state consistent after any change: the wrap cache matches the document and
    /// width, and selections and scroll offsets are within bounds.
    pub fn sync(&mut self) {
        self.list.selected = self
            .list
            .selected
            .min(self.list.docs.len().saturating_sub(1));
        let Some(doc) = self.current_doc() else {
            self.reader.wrapped = None;
            return;
        };
        let (width, height) = self.reader_size();
        // Every text the screen will show is read here, before drawing; a failed read is kept
        // with its reason, for the screen to say.
        let read_before = self.ws.text(doc).is_some_and(|t| t.is_ok());
        let _ = self.ws.load_text(doc);
        self.load_overlay_texts();
        let read_now = self.ws.text(doc).is_some_and(|t| t.is_ok());
        let stale = read_before != read_now
            || !matches!(&self.reader.wrapped, Some((d, w)) if *d == doc && w.width == width);
        if stale {
            // A text that cannot be read wraps as nothing; the reader shows why instead.
            let text = match self.ws.text(doc) {
                Some(Ok(text)) => text,
                _ => "",
            };
            // Keep the first visible character in view across a re-wrap.
            let anchor = match &self.reader.wrapped {
                Some((d, w)) if *d == doc => w.lines.get(self.reader.top).map(|l| l.start),
                _ => None,
            };
            let w = wrap(text, width);
            self.reader.top = anchor.map_or(0, |a| w.line_of(a));
            self.reader.wrapped = Some((doc, w));
        }
        let lines = self
            .reader
            .wrapped
            .as_ref()
            .map_or(0, |(_, w)| w.lines.len());
        self.reader.top = self
            .reader
            .top
            .min(lines.saturating_sub(usize::from(height)));
        // The search's hits in this document, found again only when either changed.
        let wanted = self.search.as_ref().map(|s| (doc, s.query.describe()));
        let have = (self.reader.hits.as_ref()).map(|(d, q, _)| (*d, q.clone()));
        if wanted != have {
            self.reader.hits = wanted.map(|(d, q)| (d, q, self.hits_here()));
        }
        let entities = self.ws.index.doc_entities(doc);
        // The entity pane follows the current entity when this document mentions it.
        if let Some(i) = self
            .current_entity
            .and_then(|c| entities.iter().position(|(e, _)| *e == c))
        {
            self.entities.selected = i;
        }
        self.entities.selected = self.entities.selected.min(entities.len().saturating_sub(1));
    }

    /// Reads the texts of the rows an open list shows (the mention list, the disagreements).
    fn load_overlay_texts(&mut self) {
        use super::view::list_window;
        let height = self.area.height;
        let docs: Vec<DocId> = match self.overlay() {
            Some(Overlay::Mentions(list)) => {
                let mentions = &self.ws.index.entity(list.entity).mentions;
                let shown = list_window(height, mentions.len(), 1, list.selected);
                (mentions.get(shown).unwrap_or_default().iter())
                    .map(|&m| self.ws.index.mentions[m.index()].doc)
                    .collect()
            }
            Some(Overlay::Errors(list)) => {
                let rows = self.error_rows(list);
                let shown = list_window(height, rows.len(), 4, list.selected);
                (rows.get(shown).unwrap_or_default().iter())
                    .filter_map(|r| self.list.docs.get(r.rank).copied())
                    .collect()
            }
            _ => Vec::new(),
        };
        for doc in docs {
            let _ = self.ws.load_text(doc);
        }
    }

    /// Changes the terminal size.
    pub fn resize(&mut self, width: u16, height: u16) {
        self.area = Rect::new(0, 0, width, height);
        self.sync();
    }

    /// Recomputes the document list from the filters, keeping the selected document if it is
    /// still listed.
    pub fn apply_filters(&mut self) {
        let keep = self.current_doc();
        let mut visible =
            crate::session::select::docs_matching(&self.ws.corpus, &self.ws.index, &self.filters);
        if self.only.is_on() {
            visible.retain(|&d| {
                let ids = self.ws.index.doc_mention_ids(d);
                ids.map(|i| MentionId(i as u32)).any(|m| self.admitted(m))
            });
        }
        // Ties keep corpus order (the sorts are stable).
        let docs = &self.ws.corpus.docs;
        match self.list.order {
            ListOrder::Corpus => {}
            ListOrder::Review => visible.sort_by_key(|&d| {
                let (reviewed, total) = self.doc_reviewed(d);
                std::cmp::Reverse(total - reviewed)
            }),
            ListOrder::Date => visible.sort_by(|a, b| {
                let date = |d: &DocId| docs[d.index()].meta.date.as_deref();
                match (date(a), date(b)) {
                    (Some(x), Some(y)) => y.cmp(x),
                    (x, y) => y.is_some().cmp(&x.is_some()),
                }
            }),
            ListOrder::Title => {
                visible.sort_by_cached_key(|d| docs[d.index()].display_title().to_lowercase())
            }
            ListOrder::Entities => {
                visible.sort_by_key(|&d| std::cmp::Reverse(self.ws.index.entity_count(d)))
            }
        }
        self.list.docs.set(visible);
        self.list.selected = keep.and_then(|d| self.list.docs.row_of(d)).unwrap_or(0);
        if self.current_doc() != keep {
            self.reader.top = 0;
            self.current_mention = None;
        }
        self.sync();
    }

    /// Whether mention `m` is of the status and label the view is narrowed to.
    pub fn admitted(&self, m: MentionId) -> bool {
        let status = self
            .only
            .status
            .is_none_or(|s| self.review_of(m).status == s);
        status && (self.only.label.as_ref()).is_none_or(|l| self.effective_label(m) == *l)
    }

    /// `v` / `V`: the next review status, or the next label, to narrow the view to.
    pub fn cycle_only(&mut self, by_label: bool) {
        use crate::model::Status;
        if by_label {
            let labels = self.ws.index.labels();
            self.only.label = match &self.only.label {
                None => labels.first().cloned(),
                Some(l) => labels.iter().skip_while(|x| *x != l).nth(1).cloned(),
            };
        } else {
            self.only.status = match self.only.status {
                None => Some(Status::Unreviewed),
                Some(Status::Unreviewed) => Some(Status::Rejected),
                Some(Status::Rejected) => Some(Status::Accepted),
                Some(Status::Accepted) => None,
            };
        }
        self.apply_filters();
        self.message = Some(match self.only.describe() {
            Some(d) => format!(
                "{d}: the list and ] [ show these mentions ({} documents)",
                self.list.docs.len()
            ),
            None => "every mention again".into(),
        });
    }

    /// Selects a document in the list (by row), resetting the reader.
    pub fn select_row(&mut self, row: usize) {
        let row = row.min(self.list.docs.len().saturating_sub(1));
        if row != self.list.selected {
            self.list.selected = row;
            self.reader.top = 0;
            self.entities.selected = 0;
            self.current_mention = None;
            self.sync();
        }
    }

    /// Scrolls the reader so that byte `offset` of the current document is in view, a third of
    /// the way down when it has to move.
    pub fn reveal(&mut self, offset: usize) {
        let (_, height) = self.reader_size();
        let Some((_, w)) = &self.reader.wrapped else {
            return;
        };
        let line = w.line_of(offset);
        let height = usize::from(height);
        if line < self.reader.top || line >= self.reader.top + height {
            self.reader.top = line.saturating_sub(height / 3);
        }
        self.sync();
    }

    /// Number of warnings from loading (files skipped).
    pub fn warning_count(&self) -> usize {
        self.ws.corpus.warnings.len()
    }
}
