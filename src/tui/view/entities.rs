//! The entity pane: the current document's entities grouped by type, with mention counts.

use super::fit;
use crate::corpus::DocId;
use crate::model::Label;
use crate::tui::app::App;
use crate::tui::layout::{inner, Pane};
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};
use ratatui::Frame;

/// A row: a type heading (entity_index None) or an entity (its index in `doc_entities`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    pub entity_index: Option<usize>,
    pub label: Label,
    pub text: String,
    pub count: usize,
}

/// The rows of the pane for `doc`.
pub fn rows(app: &App, doc: DocId) -> Vec<Row> {
    let entities = app.ws.index.doc_entities(doc);
    let mut out: Vec<Row> = Vec::new();
    for (i, &(e, count)) in entities.iter().enumerate() {
        let entity = app.ws.index.entity(e);
        if out
            .iter()
            .rev()
            .find(|r| r.entity_index.is_none())
            .is_none_or(|h| h.label != entity.label)
        {
            let n = entities
                .iter()
                .filter(|(x, _)| app.ws.index.entity(*x).label == entity.label)
                .count();
            out.push(Row {
                entity_index: None,
                label: entity.label.clone(),
                text: entity.label.heading().to_string(),
                count: n,
            });
        }
        out.push(Row {
            entity_index: Some(i),
            label: entity.label.clone(),
            text: entity.name.clone(),
            count,
        });
    }
    out
}

/// First row shown, so that the selected entity is in view.
pub fn offset(app: &App, rows: &[Row]) -> usize {
    let height = app
        .layout()
        .entities
        .map_or(1, |r| usize::from(inner(r).height).max(1));
    let selected_row = rows
        .iter()
        .position(|r| r.entity_index == Some(app.entities.selected))
        .unwrap_or(0);
    selected_row
        .saturating_sub(height - 1)
        .min(rows.len().saturating_sub(1))
}

/// Draws the pane into `area`.
pub fn draw(frame: &mut Frame, area: Rect, app: &App) {
    let t = &app.theme;
    let focused = app.focus == Pane::Entities;
    let title = match app.marked.len() {
        0 => " Entities ".to_string(),
        n => format!(" Entities · {n} marked "),
    };
    let block = Block::bordered()
        .border_style(t.border(focused))
        .title(title);
    let Some(doc) = app.current_doc() else {
        frame.render_widget(block, area);
        return;
    };
    let body = inner(area);
    let width = usize::from(body.width);
    let all = rows(app, doc);
    let first = offset(app, &all);
    let entities = app.ws.index.doc_entities(doc);
    let lines: Vec<Line> = all
        .iter()
        .skip(first)
        .take(usize::from(body.height))
        .map(|row| match row.entity_index {
            None => Line::from(vec![
                Span::styled(fit(&row.text, width.saturating_sub(6)), t.label(&row.label)),
                Span::styled(format!(" ({})", row.count), t.muted()),
            ]),
            Some(i) => {
                let count = format!(" {:>3}", row.count);
                let name_width = width.saturating_sub(count.len() + 2);
                let name = fit(&row.text, name_width);
                let pad =
                    name_width.saturating_sub(unicode_width::UnicodeWidthStr::width(name.as_str()));
                let entity = entities.get(i).map(|(e, _)| *e);
                // Marked for a merge: a mark, not only a colour.
                let mark = match entity.is_some_and(|e| app.is_marked(e)) {
                    true => Span::styled("* ", t.matched()),
                    false => Span::raw("  "),
                };
                let mut line = Line::from(vec![
                    mark,
                    Span::styled(name, t.label(&row.label)),
                    Span::raw(" ".repeat(pad)),
                    Span::styled(count, t.muted()),
                ]);
                if i == app.entities.selected && (focused || entity == app.current_entity) {
                    line = line.style(t.selected(focused));
                }
                line
            }
        })
        .collect();
    frame.render_widget(Paragraph::new(lines).block(block), area);
}
