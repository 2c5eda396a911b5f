//! The document list: title, date, language and entity count, with the active filters on top.

use super::fit;
use crate::tui::app::App;
use crate::tui::layout::{inner, Pane};
use crate::tui::theme::label_tag;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};
use ratatui::Frame;

/// Draws the list into `area`.
pub fn draw(frame: &mut Frame, area: Rect, app: &App) {
    let focused = app.focus == Pane::List;
    let t = &app.theme;
    let filters: Vec<String> = app
        .filters
        .iter()
        .map(|&e| {
            let e = app.index.entity(e);
            format!("{} {}", label_tag(&e.label), e.name)
        })
        .collect();
    let mut title = format!(
        " Documents {}/{} ",
        app.visible.len(),
        app.corpus.docs.len()
    );
    if !filters.is_empty() {
        title.push_str(&format!("· {} ", filters.join(" ∧ ")));
    }
    let block = Block::bordered()
        .border_style(t.border(focused))
        .title(fit(&title, usize::from(area.width.saturating_sub(2))));
    let body = inner(area);
    let width = usize::from(body.width);
    let offset = app.list_offset();
    let mut lines: Vec<Line> = Vec::new();
    if app.visible.is_empty() {
        lines.push(Line::styled(
            fit(
                "no document matches the filters (Backspace removes the last)",
                width,
            ),
            t.muted(),
        ));
    }
    for (row, &doc_id) in app
        .visible
        .iter()
        .enumerate()
        .skip(offset)
        .take(usize::from(body.height))
    {
        let doc = &app.corpus.docs[doc_id as usize];
        let date = doc
            .meta
            .date
            .as_deref()
            .map_or("          ".to_string(), |d| {
                format!("{:<10}", &d[..d.len().min(10)])
            });
        let (reviewed, mentions) = app.doc_reviewed(doc_id);
        let review = if mentions > 0 && reviewed == mentions {
            "   ✓ ".to_string()
        } else {
            format!("{:>4} ", mentions - reviewed)
        };
        let meta = if width >= 44 {
            format!(
                "{} {} {:>3}{review}",
                doc.lang.code(),
                date,
                app.index.entity_count(doc_id)
            )
        } else {
            format!("{} {:>3} ", doc.lang.code(), app.index.entity_count(doc_id))
        };
        let title_width = width.saturating_sub(meta.chars().count());
        let mut line = Line::from(vec![
            Span::styled(meta, t.muted()),
            Span::raw(fit(doc.display_title(), title_width)),
        ]);
        if row == app.list_selected {
            line = line.style(t.selected(focused));
        }
        lines.push(line);
    }
    frame.render_widget(Paragraph::new(lines).block(block), area);
}
