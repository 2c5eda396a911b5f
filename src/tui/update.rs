//! Turning terminal events into state changes. No drawing and no IO: testable without a terminal.

use super::app::{App, MentionList, Mode, Overlay};
use super::filter::FilterPrompt;
use super::keymap::{Action, Context};
use super::layout::{inner, Pane};
use super::nav::Dir;
use crate::index::MentionId;
use crate::review::Verdict;
use crate::text::display_width;
use crossterm::event::{
    Event, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};
use unicode_segmentation::UnicodeSegmentation;

impl App {
    /// Applies one terminal event.
    pub fn handle(&mut self, event: Event) {
        match event {
            Event::Key(key) if key.kind != KeyEventKind::Release => {
                self.message = None;
                self.key(key);
            }
            Event::Mouse(mouse) => self.mouse(mouse),
            Event::Resize(w, h) => self.resize(w, h),
            Event::Paste(text) => {
                if let Mode::Filter(p) = &mut self.mode {
                    p.query.extend(text.chars().filter(|c| !c.is_control()));
                    p.refresh(&self.ws.index);
                }
                self.paste_into_rename(&text);
                self.paste_into_search(&text);
            }
            _ => {}
        }
        self.sync();
    }

    fn key(&mut self, key: KeyEvent) {
        if self.prompt().is_some() {
            return self.prompt_key(key);
        }
        if self.overlay().is_some() {
            return self.overlay_key(key);
        }
        let pane_context = match self.focus {
            Pane::List => Context::List,
            Pane::Reader => Context::Reader,
            Pane::Entities => Context::Entities,
        };
        if let Some(a) = self.keymap.lookup(pane_context, key) {
            return self.pane_action(a);
        }
        if let Some(a) = self.keymap.lookup(Context::Global, key) {
            self.global_action(a);
        }
    }

    fn global_action(&mut self, action: Action) {
        match action {
            Action::Quit => self.quit = true,
            Action::Help => self.mode = Mode::Overlay(Overlay::Help { scroll: 0 }),
            Action::Problems => match self.ws.corpus.warnings.is_empty() {
                true => self.message = Some("no problems while loading".into()),
                false => self.mode = Mode::Overlay(Overlay::Problems { scroll: 0 }),
            },
            Action::OpenFilter => self.mode = Mode::Filter(FilterPrompt::open(&self.ws.index)),
            Action::FocusNext => self.cycle_focus(1),
            Action::FocusPrev => self.cycle_focus(2),
            Action::NextMention if self.walks_search() => self.next_hit(Dir::Next),
            Action::PrevMention if self.walks_search() => self.next_hit(Dir::Prev),
            Action::NextMention => self.jump(Dir::Next),
            Action::PrevMention => self.jump(Dir::Prev),
            Action::MentionList if self.walks_search() => self.open_hit_list(),
            Action::Search => self.open_search(),
            Action::SaveFilters => self.open_save_filters(),
            Action::NextInDoc => self.step_in_doc(Dir::Next),
            Action::PrevInDoc => self.step_in_doc(Dir::Prev),
            Action::MentionList => match self.current_entity {
                Some(entity) => {
                    let selected = self
                        .current_mention
                        .and_then(|m| {
                            self.ws
                                .index
                                .entity(entity)
                                .mentions
                                .iter()
                                .position(|&x| x == m)
                        })
                        .unwrap_or(0);
                    self.mode = Mode::Overlay(Overlay::Mentions(MentionList { entity, selected }));
                }
                None => {
                    self.message =
                        Some("no current entity: choose one with / or in the entity pane".into())
                }
            },
            Action::RemoveLastFilter => self.remove_last_filter(),
            Action::ClearFilters => {
                self.filters.clear();
                self.apply_filters();
            }
            Action::Close => {
                // Esc forgets the current entity; with none, the search's marks.
                if self.current_entity.is_none() && self.current_mention.is_none() {
                    self.search = None;
                    self.hit = None;
                }
                self.current_entity = None;
                self.current_mention = None;
            }
            Action::Accept => self.decide(Verdict::Accept),
            Action::Reject => self.decide(Verdict::Reject),
            Action::Relabel => match self.current_mention {
                Some(_) => self.mode = Mode::Overlay(Overlay::Relabel { bulk: false }),
                None => self.message = Some("no current mention: step onto one with ] or n".into()),
            },
            Action::BulkRelabel => match self.current_mention {
                Some(_) => self.mode = Mode::Overlay(Overlay::Relabel { bulk: true }),
                None => self.message = Some("no current mention: step onto one with ] or n".into()),
            },
            Action::BulkAccept | Action::BulkReject => match self.current_mention {
                Some(_) => {
                    let verdict = if action == Action::BulkReject {
                        Verdict::Reject
                    } else {
                        Verdict::Accept
                    };
                    self.mode = Mode::Overlay(Overlay::BulkScope(verdict));
                }
                None => self.message = Some("no current mention: step onto one with ] or n".into()),
            },
            Action::NextDisagreement => self.step_disagreement(true),
            Action::PrevDisagreement => self.step_disagreement(false),
            Action::ErrorsList => match self.ws.compare {
                Some(_) => self.mode = Mode::Overlay(Overlay::Errors(Default::default())),
                None => self.message = Some("no gold annotation: open with --gold FILE".into()),
            },
            Action::DocumentDone => self.document_done(),
            Action::OnlyStatus => self.cycle_only(false),
            Action::OnlyLabel => self.cycle_only(true),
            Action::TakeGold => self.take_gold(false),
            Action::TakeGoldAll => self.take_gold(true),
            Action::AdjustSpan => self.start_adjust(),
            Action::AddMention => self.start_add(),
            Action::Undo => self.undo_redo(false),
            Action::Redo => self.undo_redo(true),
            Action::NextUnreviewed => self.step_unreviewed(Dir::Next),
            Action::PrevUnreviewed => self.step_unreviewed(Dir::Prev),
            Action::MergeMarked => self.merge_marked(),
            Action::IgnoreDocument => self.toggle_ignored(),
            Action::Profile => self.open_profile(),
            Action::Cooc => self.open_cooc(
                crate::model::Label::Person,
                crate::model::Label::Region,
                crate::explore::Together::Document,
            ),
            Action::Agreement => self
                .effects
                .push(super::app::Effect::Agreement { other: None }),
            Action::RenameEntity => self.start_rename(),
            Action::SplitMention => self.split_mention(),
            Action::MoveToMarked => self.move_to_marked(),
            _ => {}
        }
    }

    fn cycle_focus(&mut self, step: usize) {
        let i = Pane::ORDER
            .iter()
            .position(|&p| p == self.focus)
            .unwrap_or(0);
        self.focus = Pane::ORDER[(i + step) % Pane::ORDER.len()];
    }

    fn page(&self) -> usize {
        let l = self.layout();
        let r = l.rect(self.focus).map(inner);
        r.map_or(1, |r| usize::from(r.height).max(1))
    }

    fn pane_action(&mut self, action: Action) {
        let page = self.page();
        match self.focus {
            Pane::List => {
                let last = self.list.docs.len().saturating_sub(1);
                let row = moved(self.list.selected, action, page, last);
                match action {
                    Action::Select => self.focus = Pane::Reader,
                    Action::SortByReview => {
                        self.list.order = self.list.order.next();
                        self.apply_filters();
                        self.message = Some(self.list.order.describe().into());
                    }
                    _ => self.select_row(row),
                }
            }
            Pane::Reader => {
                let lines = self
                    .reader
                    .wrapped
                    .as_ref()
                    .map_or(0, |(_, w)| w.lines.len());
                self.reader.top = moved(self.reader.top, action, page, lines.saturating_sub(page));
            }
            Pane::Entities => {
                let Some(doc) = self.current_doc() else {
                    return;
                };
                let entities = self.ws.index.doc_entities(doc);
                if action == Action::Select {
                    if let Some(&(e, _)) = entities.get(self.entities.selected) {
                        self.choose_entity(e);
                    }
                } else if action == Action::MarkEntity {
                    if let Some(&(e, _)) = entities.get(self.entities.selected) {
                        self.toggle_mark(e);
                    }
                } else {
                    self.entities.selected = moved(
                        self.entities.selected,
                        action,
                        page,
                        entities.len().saturating_sub(1),
                    );
                    if let Some(&(e, _)) = entities.get(self.entities.selected) {
                        self.current_entity = Some(e);
                    }
                }
            }
        }
    }

    fn prompt_key(&mut self, key: KeyEvent) {
        let Mode::Filter(p) = &mut self.mode else {
            return;
        };
        match self.keymap.lookup(Context::Prompt, key) {
            Some(Action::Close) => self.mode = Mode::Normal,
            Some(Action::Select) => {
                let (query, scope, chosen) = (p.query.clone(), p.scope, p.selected_entity());
                self.mode = Mode::Normal;
                self.apply_prompt(&query, scope, chosen);
            }
            Some(Action::ScopeNext) => {
                p.scope = p.scope.next();
                p.refresh(&self.ws.index);
            }
            Some(Action::ScopePrev) => {
                p.scope = p.scope.prev();
                p.refresh(&self.ws.index);
            }
            Some(Action::Down) => {
                p.selected = (p.selected + 1).min(p.candidates.len().saturating_sub(1))
            }
            Some(Action::Up) => p.selected = p.selected.saturating_sub(1),
            Some(Action::MarkEntity) => {
                if let Some(e) = p.selected_entity() {
                    self.toggle_mark(e);
                }
            }
            Some(Action::MarkAll) => self.mark_all_candidates(),
            Some(Action::DeleteChar) => {
                if p.query.pop().is_some() {
                    p.refresh(&self.ws.index);
                } else {
                    self.remove_last_filter();
                }
            }
            _ => {
                if let Some(c) = typed(&key) {
                    p.query.push(c);
                    p.refresh(&self.ws.index);
                }
            }
        }
    }

    fn mouse(&mut self, mouse: MouseEvent) {
        if self.prompt().is_some() || self.overlay().is_some() {
            return;
        }
        let layout = self.layout();
        let Some(pane) = layout.pane_at(mouse.column, mouse.row) else {
            return;
        };
        let Some(area) = layout.rect(pane).map(inner) else {
            return;
        };
        match mouse.kind {
            MouseEventKind::Down(MouseButton::Left) => {
                self.focus = pane;
                if mouse.row < area.y || mouse.row >= area.y + area.height {
                    return;
                }
                let row = usize::from(mouse.row - area.y);
                match pane {
                    Pane::List => {
                        // The header's row selects nothing.
                        let above = usize::from(self.list_header()) + self.filter_lines().len();
                        if let Some(row) = row.checked_sub(above) {
                            self.select_row(self.list_offset() + row)
                        }
                    }
                    Pane::Entities => self.click_entity(row),
                    Pane::Reader => {
                        if let Some(m) =
                            self.mention_at_cell(row, mouse.column.saturating_sub(area.x))
                        {
                            self.go_to_mention(m);
                        }
                    }
                }
            }
            MouseEventKind::ScrollDown | MouseEventKind::ScrollUp => {
                let saved = self.focus;
                self.focus = pane;
                let action = if mouse.kind == MouseEventKind::ScrollDown {
                    Action::Down
                } else {
                    Action::Up
                };
                for _ in 0..3 {
                    self.pane_action(action);
                }
                self.focus = saved;
            }
            _ => {}
        }
    }

    /// First row of the document list on screen (the list scrolls to keep the selection in view).
    pub fn list_offset(&self) -> usize {
        let height = self.list_rows().max(1);
        self.list.selected.saturating_sub(height - 1)
    }

    /// The filters in force, in full, as rows at the top of the document list when they do not
    /// fit its title (wrapped to the pane; none when they fit).
    pub fn filter_lines(&self) -> Vec<String> {
        if self.filters.is_empty() {
            return Vec::new();
        }
        let width = self
            .layout()
            .list
            .map_or(0, |r| usize::from(inner(r).width));
        let all = self.filters_described();
        let title = format!(
            " Documents {}/{} · {all} ",
            self.list.docs.len(),
            self.ws.corpus.docs.len()
        );
        if width == 0 || display_width(&title) <= width {
            return Vec::new();
        }
        let text = format!("filters: {all}");
        let wrapped = crate::text::wrap(&text, width as u16);
        (wrapped.lines.iter())
            .map(|r| text[r.clone()].trim_end().to_string())
            .collect()
    }

    /// Every filter in force, as the list names them: `PER A ∧ date 2020..2022`.
    pub fn filters_described(&self) -> String {
        let all: Vec<String> = self
            .filters
            .iter()
            .map(|c| c.describe(&self.ws.index))
            .collect();
        all.join(" ∧ ")
    }

    /// Whether the document list has a header naming its columns (from 100 columns up).
    pub fn list_header(&self) -> bool {
        self.area.width >= 100
    }

    /// How many documents the list shows at once (below its header, if any).
    pub fn list_rows(&self) -> usize {
        let body = self
            .layout()
            .list
            .map_or(1, |r| usize::from(inner(r).height));
        body.saturating_sub(usize::from(self.list_header()) + self.filter_lines().len())
    }

    fn click_entity(&mut self, row: usize) {
        let Some(doc) = self.current_doc() else {
            return;
        };
        let rows = super::view::entities::rows(self, doc);
        let offset = super::view::entities::offset(self, &rows);
        if let Some(Some(i)) = rows.get(offset + row).map(|r| r.entity_index) {
            self.entities.selected = i;
            let entities = self.ws.index.doc_entities(doc);
            if let Some(&(e, _)) = entities.get(i) {
                self.choose_entity(e);
            }
        }
    }

    /// The mention drawn at (row, column) inside the reader.
    fn mention_at_cell(&self, row: usize, column: u16) -> Option<MentionId> {
        // Right of the review marks, if any.
        let column = column.checked_sub(self.review_gutter())?;
        let doc = self.current_doc()?;
        let (_, w) = self.reader.wrapped.as_ref()?;
        let line = w.lines.get(self.reader.top + row)?;
        let text: &str = &self.ws.corpus.docs[doc.index()].text;
        let mut x = 0usize;
        for (offset, g) in text[line.clone()].grapheme_indices(true) {
            x += display_width(g);
            if x > usize::from(column) {
                return self.ws.index.mention_at(doc, line.start + offset);
            }
        }
        None
    }
}

/// A selection or scroll position after a motion, within 0..=last.
pub(super) fn moved(at: usize, action: Action, page: usize, last: usize) -> usize {
    match action {
        Action::Down => (at + 1).min(last),
        Action::Up => at.saturating_sub(1),
        Action::PageDown => (at + page).min(last),
        Action::PageUp => at.saturating_sub(page),
        Action::Top => 0,
        Action::Bottom => last,
        _ => at,
    }
}

/// The character a key types into a prompt: a plain character, not a control or a key held
/// with Ctrl or Alt.
pub(super) fn typed(key: &KeyEvent) -> Option<char> {
    let crossterm::event::KeyCode::Char(c) = key.code else {
        return None;
    };
    let plain = !(key.modifiers).intersects(KeyModifiers::CONTROL | KeyModifiers::ALT);
    (plain && !c.is_control()).then_some(c)
}
