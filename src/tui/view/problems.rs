//! The problems while loading (`!`): files skipped or repaired, problems in annotation files and
//! the config file, each wrapped whole to the popup's width.

use super::popup;
use crate::text::sanitize::escape_str;
use crate::tui::app::App;
use crate::tui::keymap::{Action, Context};
use ratatui::text::Line;
use ratatui::widgets::{Block, Paragraph};
use ratatui::Frame;

/// The popup's width in a terminal `columns` wide.
fn width(columns: u16) -> u16 {
    columns.saturating_sub(4).clamp(1, 120)
}

/// Every line of the overlay, for a terminal `columns` wide.
pub fn lines(app: &App, columns: u16) -> Vec<Line<'static>> {
    let width = width(columns);
    let mut lines: Vec<Line> = Vec::new();
    for w in &app.ws.corpus.warnings {
        let text = escape_str(&w.to_string()).into_owned();
        let wrapped = crate::text::wrap(&text, width.saturating_sub(4).max(1));
        for (i, range) in wrapped.lines.iter().enumerate() {
            let lead = if i == 0 { "• " } else { "  " };
            lines.push(Line::styled(
                format!("{lead}{}", text[range.clone()].trim_end()),
                app.theme.warning(),
            ));
        }
    }
    lines
}

/// Draws the overlay, scrolled by `scroll` lines.
pub fn draw(frame: &mut Frame, app: &App, scroll: usize) {
    let t = &app.theme;
    let lines = lines(app, frame.area().width);
    let area = popup(
        frame,
        width(frame.area().width) + 2,
        lines.len() as u16 + 2,
        false,
    );
    let height = usize::from(area.height.saturating_sub(2));
    let scroll = scroll.min(lines.len().saturating_sub(height));
    let block = Block::bordered()
        .border_style(t.warning())
        .title(format!(
            " {} problem(s) while loading ",
            app.ws.corpus.warnings.len()
        ))
        .title_bottom(app.keymap.legend(
            Context::ProblemsOverlay,
            &[
                (&[Action::Down, Action::Up], "scroll"),
                (&[Action::Close], "close"),
            ],
        ));
    let shown: Vec<Line> = lines.into_iter().skip(scroll).collect();
    frame.render_widget(Paragraph::new(shown).block(block), area);
}
