//! Drawing: a pure function of the application state.

pub mod agreement;
pub mod cooc;
pub mod doc_list;
pub mod entities;
pub mod errors;
pub mod filter;
pub mod help;
pub mod hits;
pub mod mentions;
pub mod metrics;
pub mod problems;
pub mod profile;
pub mod reader;
pub mod status;

use super::app::{App, Overlay};
use super::keymap::{Action, Context};
use crate::text::sanitize::escape_str;
use ratatui::layout::Rect;
use ratatui::widgets::{Clear, Paragraph, Wrap};
use ratatui::Frame;
use std::ops::Range;
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

/// Draws the whole screen.
pub fn draw(frame: &mut Frame, app: &App) {
    let layout = app.layout();
    if layout.too_small {
        let notice =
            Paragraph::new("gazette: enlarge the terminal to 20×6").wrap(Wrap { trim: true });
        frame.render_widget(notice, frame.area());
        return;
    }
    if let Some(r) = layout.list {
        doc_list::draw(frame, r, app);
    }
    if let Some(r) = layout.reader {
        reader::draw(frame, r, app);
    }
    if let Some(r) = layout.entities {
        if app.ws.compare.is_some() {
            metrics::draw(frame, r, app);
        } else {
            entities::draw(frame, r, app);
        }
    }
    status::draw(frame, layout.status, app);
    match app.overlay() {
        Some(Overlay::Help { scroll }) => help::draw(frame, app, *scroll),
        Some(Overlay::Problems { scroll }) => problems::draw(frame, app, *scroll),
        Some(Overlay::Mentions(list)) => mentions::draw(frame, app, list),
        Some(Overlay::Relabel { .. }) => relabel_prompt(frame, app),
        Some(Overlay::SpanEdit(edit)) => span_prompt(frame, app, edit),
        Some(Overlay::Errors(list)) => errors::draw(frame, app, list),
        Some(Overlay::BulkScope(verdict)) => bulk_scope(frame, app, verdict),
        Some(Overlay::BulkConfirm { verdict, what, .. }) => bulk_confirm(frame, app, verdict, what),
        Some(Overlay::EntityConfirm { decisions, what }) => {
            if let Some(d) = decisions.first() {
                bulk_confirm(frame, app, &d.verdict, what)
            }
        }
        Some(Overlay::Rename { name, .. }) => text_prompt(
            frame,
            app,
            " Rename the entity ",
            name,
            Context::RenamePrompt,
        ),
        Some(Overlay::SearchPrompt { query }) => {
            let title = match &app.text_index {
                crate::tui::search::IndexState::Building { done, total, .. } => format!(
                    " Search the text (words, a phrase, re:PATTERN) · index {done}/{total}: reads every text meanwhile "
                ),
                _ => " Search the text (words, a phrase, re:PATTERN) ".to_string(),
            };
            text_prompt(frame, app, &title, query, Context::SearchPrompt)
        }
        Some(Overlay::Hits(list)) => hits::draw(frame, app, list),
        Some(Overlay::SaveFilters { name }) => text_prompt(
            frame,
            app,
            " Save the filters in force as (then @NAME in the filter prompt) ",
            name,
            Context::SavePrompt,
        ),
        Some(Overlay::Agreement(pane)) => agreement::draw(frame, app, pane),
        Some(Overlay::Profile(pane)) => profile::draw(frame, app, pane),
        Some(Overlay::Cooc(pane)) => cooc::draw(frame, app, pane),
        None => {}
    }
    if let Some(p) = app.prompt() {
        filter::draw(frame, app, p);
    }
}

/// `text` made safe for the terminal and cut to `width` columns, with '…' when cut.
pub fn fit(text: &str, width: usize) -> String {
    let safe = escape_str(text);
    if safe.width() <= width {
        return safe.into_owned();
    }
    let mut out = String::new();
    let mut used = 0;
    for g in safe.graphemes(true) {
        let w = g.width();
        if used + w + 1 > width {
            break;
        }
        out.push_str(g);
        used += w;
    }
    if width > 0 {
        out.push('…');
    }
    out
}

/// A centred popup rectangle, cleared, of at most `width`×`height` inside the screen.
/// The tallest a list popup grows (border included).
const LIST_POPUP_MAX: u16 = 30;

/// The height of a list popup of `count` rows (border included, at least `min`), before the
/// terminal's own limit.
fn list_popup_height(count: usize, min: u16) -> u16 {
    (u16::try_from(count).unwrap_or(u16::MAX))
        .saturating_add(2)
        .clamp(min, LIST_POPUP_MAX)
}

/// The rows a list popup of `count` rows (at least `min` tall) shows in a terminal
/// `area_height` tall with row `selected` in view: drawing shows these, and the texts they need
/// are read before drawing.
pub fn list_window(area_height: u16, count: usize, min: u16, selected: usize) -> Range<usize> {
    let h = list_popup_height(count, min)
        .min(area_height.saturating_sub(2))
        .max(1);
    let rows = usize::from(h.saturating_sub(2));
    let first = selected.saturating_sub(rows.saturating_sub(1));
    first..(first + rows).min(count)
}

pub fn popup(frame: &mut Frame, width: u16, height: u16, top: bool) -> Rect {
    let area = frame.area();
    let w = width.min(area.width.saturating_sub(2)).max(1);
    let h = height.min(area.height.saturating_sub(2)).max(1);
    let x = area.x + (area.width - w) / 2;
    let y = if top {
        area.y + 1.min(area.height - h)
    } else {
        area.y + (area.height - h) / 2
    };
    let r = Rect::new(x, y, w, h);
    clear(frame, r);
    r
}

/// Clears `r`, and a wide character (Chinese) that starts just left of it: its second half
/// lies under the popup's edge, and a terminal would keep drawing it over the border.
pub fn clear(frame: &mut Frame, r: Rect) {
    frame.render_widget(Clear, r);
    if r.x == 0 {
        return;
    }
    let buf = frame.buffer_mut();
    for y in r.y..r.y + r.height {
        let cell = &mut buf[(r.x - 1, y)];
        if unicode_width::UnicodeWidthStr::width(cell.symbol()) > 1 {
            cell.set_symbol(" ");
        }
    }
}

/// The small popup that asks for the current mention's new label.
fn relabel_prompt(frame: &mut Frame, app: &App) {
    use crate::model::Label;
    use ratatui::text::{Line, Span};
    use ratatui::widgets::Block;
    let t = &app.theme;
    let key = |a| app.keymap.key(Context::RelabelPrompt, a);
    let choice = |key: String, label: Label| {
        vec![
            Span::styled(key, t.matched()),
            Span::raw(" "),
            Span::styled(label.as_str().to_string(), t.label(&label)),
            Span::raw("   "),
        ]
    };
    let mut spans = choice(key(Action::RelabelPerson), Label::Person);
    spans.extend(choice(key(Action::RelabelRegion), Label::Region));
    spans.extend(choice(key(Action::RelabelOrg), Label::Org));
    let mut lines = vec![Line::raw(""), Line::from(spans)];
    // The config file's labels and those imported files use, three to a row.
    let others = app.other_labels();
    for chunk in others.chunks(3) {
        let mut spans = Vec::new();
        for (key, label) in chunk {
            spans.extend(choice(key.clone(), label.clone()));
        }
        lines.push(Line::from(spans));
    }
    let area = popup(frame, 46, lines.len() as u16 + 3, false);
    let block = Block::bordered()
        .border_style(t.border(true))
        .title(" Relabel as ")
        .title_bottom(format!(" {} keep ", key(Action::Close)));
    frame.render_widget(Paragraph::new(lines).block(block), area);
}

fn verb(verdict: &crate::review::Verdict) -> String {
    match verdict {
        crate::review::Verdict::Reject => "Reject".into(),
        crate::review::Verdict::Relabel(l) => format!("Relabel as {}", l.as_str()),
        crate::review::Verdict::Merge { .. } => "Merge".into(),
        _ => "Accept".into(),
    }
}

/// Which mentions a bulk decision covers.
fn bulk_scope(frame: &mut Frame, app: &App, verdict: &crate::review::Verdict) {
    use ratatui::text::{Line, Span};
    use ratatui::widgets::Block;
    let t = &app.theme;
    let area = popup(frame, 60, 8, false);
    let key = |a| app.keymap.key(Context::BulkPrompt, a);
    let row = |action: Action, text: &'static str| {
        let key = key(action);
        Line::from(vec![
            Span::styled(format!(" {key}  "), t.matched()),
            Span::raw(text),
        ])
    };
    let lines = vec![
        row(
            Action::ScopeStringHere,
            "this exact string, in this document",
        ),
        row(
            Action::ScopeStringEverywhere,
            "this exact string, in the whole corpus",
        ),
        row(Action::ScopeEntityHere, "this entity, in this document"),
        row(
            Action::ScopeEntityEverywhere,
            "this entity, in the whole corpus",
        ),
    ];
    let block = Block::bordered()
        .border_style(t.border(true))
        .title(format!(" {} many: which mentions? ", verb(verdict)))
        .title_bottom(format!(" {} cancel ", key(Action::Close)));
    frame.render_widget(Paragraph::new(lines).block(block), area);
}

/// The confirmation that says how many mentions a bulk decision touches, wrapped whole.
fn bulk_confirm(frame: &mut Frame, app: &App, verdict: &crate::review::Verdict, what: &str) {
    use ratatui::text::Line;
    use ratatui::widgets::Block;
    let t = &app.theme;
    let width = 72.min(frame.area().width.saturating_sub(2)).max(3);
    let sentence = escape_str(&format!("{} {what}?", verb(verdict))).into_owned();
    let wrapped = crate::text::wrap(&sentence, width.saturating_sub(4).max(1));
    let mut lines = vec![Line::raw("")];
    lines.extend(
        (wrapped.lines.iter()).map(|r| Line::raw(format!(" {}", sentence[r.clone()].trim_end()))),
    );
    let area = popup(frame, width, lines.len() as u16 + 3, false);
    let block = Block::bordered()
        .border_style(t.warning())
        .title(format!(" {} ", verb(verdict)))
        .title_bottom(format!(
            " {} apply · {} cancel ",
            app.keymap.key(Context::ConfirmPrompt, Action::Confirm),
            app.keymap.key(Context::ConfirmPrompt, Action::Close)
        ));
    frame.render_widget(Paragraph::new(lines).block(block), area);
}

/// The bottom `rows` rows of the frame (fewer on a short terminal), cleared for a prompt.
fn bottom_rows(frame: &mut Frame, rows: u16) -> Rect {
    let area = frame.area();
    let h = rows.min(area.height);
    let r = Rect::new(area.x, area.y + area.height - h, area.width, h);
    clear(frame, r);
    r
}

/// A text being typed (an entity's new name, a search), in a line at the bottom, with the
/// keys of `context` that save and cancel it.
fn text_prompt(frame: &mut Frame, app: &App, title: &str, typed: &str, context: Context) {
    use ratatui::text::{Line, Span};
    use ratatui::widgets::Block;
    let t = &app.theme;
    let r = bottom_rows(frame, 3);
    let width = usize::from(r.width.saturating_sub(2));
    let key = |a| app.keymap.key(context, a);
    let keys = format!(
        " {} done · {} cancel ",
        key(Action::Select),
        key(Action::Close)
    );
    let block = Block::bordered()
        .border_style(t.border(true))
        .title(fit(title, width))
        .title_bottom(fit(&keys, width));
    // Keep the end of a long text in view: that is where the typing is.
    let shown = escape_str(typed);
    let room = width.saturating_sub(3);
    let mut start = 0;
    while crate::text::display_width(&shown[start..]) > room {
        start += shown[start..].chars().next().map_or(1, char::len_utf8);
    }
    let line = Line::from(vec![
        Span::raw(" "),
        Span::raw(shown[start..].to_string()),
        Span::styled("▏", t.matched()),
    ]);
    frame.render_widget(Paragraph::new(line).block(block), r);
}

/// The span being edited, shown in a line at the bottom with the keys that move it.
fn span_prompt(frame: &mut Frame, app: &App, edit: &super::span_edit::SpanEdit) {
    use ratatui::text::{Line, Span};
    use ratatui::widgets::Block;
    let t = &app.theme;
    let r = bottom_rows(frame, 4);
    let width = usize::from(r.width.saturating_sub(2));
    let text = match app.ws.text(edit.doc) {
        Some(Ok(text)) => text.get(edit.span.clone()).unwrap_or("").to_string(),
        Some(Err(why)) => format!("[cannot show: {why}]"),
        None => "[not read yet]".to_string(),
    };
    let key = |a| app.keymap.key(Context::SpanPrompt, a);
    let moves = format!(
        " {} {} {} {} start · {} {} {} {} end",
        key(Action::StartLeft),
        key(Action::StartRight),
        key(Action::StartWordLeft),
        key(Action::StartWordRight),
        key(Action::EndLeft),
        key(Action::EndRight),
        key(Action::EndWordLeft),
        key(Action::EndWordRight)
    );
    let cancel = key(Action::Close);
    let (title, keys) = match edit.mention {
        Some(_) => (
            " Boundaries ",
            format!("{moves} · {} save · {cancel} cancel ", key(Action::Select)),
        ),
        None => (
            " New mention ",
            format!(
                "{moves} · {} {} {} save as PERSON REGION ORG · {cancel} cancel ",
                key(Action::RelabelPerson),
                key(Action::RelabelRegion),
                key(Action::RelabelOrg)
            ),
        ),
    };
    let block = Block::bordered()
        .border_style(t.border(true))
        .title(title)
        .title_bottom(fit(&keys, width));
    let line = Line::from(vec![
        Span::raw(" "),
        Span::styled(
            fit(&text.replace(['\n', '\r'], " "), width.saturating_sub(2)),
            t.current_mention(),
        ),
    ]);
    frame.render_widget(Paragraph::new(line).block(block), r);
}
