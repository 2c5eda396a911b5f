//! The keyword-in-context list of every mention of the current entity across the corpus.

use super::{fit, popup};
use crate::tui::app::{App, MentionList};
use crate::tui::keymap::{Action, Context};
use crate::tui::nav::kwic_row;
use crate::tui::theme::label_tag;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};
use ratatui::Frame;
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

/// Draws the list popup.
pub fn draw(frame: &mut Frame, app: &App, list: &MentionList) {
    let t = &app.theme;
    let e = app.ws.index.entity(list.entity);
    let count = e.mentions.len();
    let area = popup(frame, 150, super::list_popup_height(count, 1), false);
    let block = Block::bordered()
        .border_style(t.border(true))
        .title(fit(
            &format!(
                " {} {} · {} mentions in {} documents ",
                label_tag(&e.label),
                e.name,
                count,
                e.docs.len()
            ),
            usize::from(area.width.saturating_sub(2)),
        ))
        .title_bottom(app.keymap.legend(
            Context::Mentions,
            &[
                (&[Action::Select], "jump"),
                (&[Action::Down, Action::Up], "move"),
                (&[Action::Close], "close"),
            ],
        ));
    let width = usize::from(area.width.saturating_sub(2));
    let title_w = (width / 5).clamp(6, 28);
    // Every keyword is one of the entity's names: their widths, not every row's, set the column.
    let names = std::iter::once(&*e.canonical).chain(e.aliases.iter().map(String::as_str));
    let kw_w = names
        .map(UnicodeWidthStr::width)
        .max()
        .unwrap_or(0)
        .min(width / 4);
    let side = width.saturating_sub(title_w + kw_w + 4) / 2;
    let shown = super::list_window(frame.area().height, count, 1, list.selected);
    let lines: Vec<Line> = (e.mentions.iter().enumerate())
        .skip(shown.start)
        .take(shown.len())
        .map(|(i, &id)| {
            let r = kwic_row(app, id);
            // No context to show: why, across the row.
            let kw_w = if r.unavailable { 2 * side + kw_w } else { kw_w };
            let title = fit(&r.title, title_w);
            let left = fit_left(&r.left, side);
            let mut line = Line::from(vec![
                Span::styled(
                    format!(
                        "{title}{} ",
                        " ".repeat(title_w.saturating_sub(title.width()))
                    ),
                    t.muted(),
                ),
                Span::raw(format!(
                    "{}{left} ",
                    " ".repeat(side.saturating_sub(left.width()))
                )),
                Span::styled(fit(&r.keyword, kw_w.max(1)), t.label(&e.label)),
                Span::raw(format!(" {}", fit(&r.right, side))),
            ]);
            if i == list.selected {
                line = line.style(t.selected(true));
            }
            line
        })
        .collect();
    frame.render_widget(Paragraph::new(lines).block(block), area);
}

/// The end of `text` that fits `width` columns (left context is cut at its start).
fn fit_left(text: &str, width: usize) -> String {
    let safe = crate::text::sanitize::escape_str(text);
    let mut kept: Vec<&str> = Vec::new();
    let mut used = 0;
    for g in safe.graphemes(true).rev() {
        if used + g.width() > width {
            break;
        }
        used += g.width();
        kept.push(g);
    }
    kept.reverse();
    kept.concat()
}
