//! The hits of a text search in context: document, then the text around each hit.

use super::{escape_str, fit, popup};
use crate::tui::app::App;
use crate::tui::keymap::{Action, Context};
use crate::tui::search::{HitList, HIT_LIST_MAX};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};
use ratatui::Frame;
use unicode_width::UnicodeWidthStr;

/// Draws the list.
pub fn draw(frame: &mut Frame, app: &App, list: &HitList) {
    let t = &app.theme;
    let area = popup(
        frame,
        130,
        super::list_popup_height(list.rows.len(), 4),
        false,
    );
    let width = usize::from(area.width.saturating_sub(2));
    let query = app
        .search
        .as_ref()
        .map(|s| s.query.describe())
        .unwrap_or_default();
    let count = match list.more {
        true => format!("the first {HIT_LIST_MAX} hits"),
        false => format!("{} hits", list.rows.len()),
    };
    let block = Block::bordered()
        .border_style(t.border(true))
        .title(fit(&format!(" {count} of {} ", escape_str(&query)), width))
        .title_bottom(app.keymap.legend(
            Context::HitsOverlay,
            &[
                (&[Action::Down, Action::Up], "step"),
                (&[Action::Select], "show"),
                (&[Action::Close], "close"),
            ],
        ));
    let shown = super::list_window(frame.area().height, list.rows.len(), 4, list.selected);
    // Each row: the document (its date, else its path), the left context right-aligned, the
    // hit, the right context.
    let doc_w = (width / 5).clamp(10, 28);
    let side = width.saturating_sub(doc_w + 2) / 2;
    let lines: Vec<Line> = (list.rows.iter().enumerate())
        .skip(shown.start)
        .take(shown.len())
        .map(|(i, row)| {
            let doc = &app.ws.corpus.docs[row.doc.index()];
            let name = fit(&escape_str(&crate::tui::nav::doc_label(doc)), doc_w);
            let hit = fit(&escape_str(&row.text), side);
            let left_room = side.saturating_sub(hit.width() / 2);
            let left = escape_str(&row.left);
            // The left context's end, as much as fits.
            let mut start = 0;
            while left[start..].width() > left_room {
                start += left[start..].chars().next().map_or(1, char::len_utf8);
            }
            let left = &left[start..];
            let right = fit(
                &escape_str(&row.right),
                side.saturating_sub(hit.width() - hit.width() / 2),
            );
            let mut line = Line::from(vec![
                Span::styled(
                    format!("{name}{} ", " ".repeat(doc_w.saturating_sub(name.width()))),
                    t.muted(),
                ),
                Span::raw(format!(
                    "{}{left}",
                    " ".repeat(left_room.saturating_sub(left.width()))
                )),
                Span::styled(hit, t.search_hit()),
                Span::raw(right),
            ]);
            if i == list.selected {
                line = line.style(t.selected(true));
            }
            line
        })
        .collect();
    frame.render_widget(Paragraph::new(lines).block(block), area);
}
