//! The list of disagreements with the gold (compare mode), filterable by kind and label.

use super::{fit, popup};
use crate::formats::offsets::{OffsetMap, Unit};
use crate::tui::app::App;
use crate::tui::compare::ErrorsList;
use crate::tui::keymap::{Action, Context};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};
use ratatui::Frame;

/// Draws the list popup.
pub fn draw(frame: &mut Frame, app: &App, list: &ErrorsList) {
    let t = &app.theme;
    let rows = app.error_rows(list);
    let area = popup(frame, 130, super::list_popup_height(rows.len(), 4), false);
    let width = usize::from(area.width.saturating_sub(2));
    let kind = list.kind.map_or("every kind", |k| k.name());
    let label = list
        .label
        .as_ref()
        .map_or("every label".to_string(), |l| l.as_str().to_string());
    let block = Block::bordered()
        .border_style(t.border(true))
        .title(fit(
            &format!(" {} disagreements · {kind} · {label} ", rows.len()),
            width,
        ))
        .title_bottom(app.keymap.legend(
            Context::ErrorsOverlay,
            &[
                (&[Action::CycleKind], "kind"),
                (&[Action::CycleLabel], "label"),
                (&[Action::Select], "show"),
                (&[Action::Close], "close"),
            ],
        ));
    let shown = super::list_window(frame.area().height, rows.len(), 4, list.selected);
    let title_w = (width / 4).clamp(8, 30);
    let lines: Vec<Line> = rows
        .iter()
        .enumerate()
        .skip(shown.start)
        .take(shown.len())
        .map(|(i, row)| {
            let doc = &app.ws.corpus.docs[app.list.docs[row.rank].index()];
            // The text as read for the screen before drawing; one offset map per row, for
            // the rows shown only.
            let text = app.ws.text(doc.id);
            let map = match &text {
                Some(Ok(text)) => Some(OffsetMap::new(text)),
                _ => None,
            };
            let side = |s: &Option<crate::eval::Span>| match (s, &text, &map) {
                (Some(s), Some(Ok(text)), Some(map)) => format!(
                    "{} {:?} {}",
                    s.label.as_str(),
                    text.get(s.range.clone()).unwrap_or(""),
                    map.from_byte(s.range.start, Unit::Codepoints)
                ),
                (Some(s), Some(Err(why)), _) => {
                    format!("{} [cannot show: {why}]", s.label.as_str())
                }
                (Some(s), _, _) => format!("{} [not read yet]", s.label.as_str()),
                (None, _, _) => "—".to_string(),
            };
            let title = fit(doc.display_title(), title_w);
            let pad = title_w.saturating_sub(unicode_width::UnicodeWidthStr::width(title.as_str()));
            let mut line = Line::from(vec![
                Span::styled(format!("{title}{} ", " ".repeat(pad)), t.muted()),
                Span::styled(
                    format!("{:<15}", row.pair.outcome.name()),
                    t.outcome(row.pair.outcome),
                ),
                Span::raw(fit(
                    &format!(
                        " gold {} · predicted {}",
                        side(&row.pair.gold),
                        side(&row.pair.pred)
                    ),
                    width.saturating_sub(title_w + 17),
                )),
            ]);
            if i == list.selected {
                line = line.style(t.selected(true));
            }
            line
        })
        .collect();
    frame.render_widget(Paragraph::new(lines).block(block), area);
}
