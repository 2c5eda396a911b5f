//! The co-occurrence pane: the strongest pairs of two labels' entities in the listed
//! documents, as a ranked list or a matrix.

use super::{escape_str, fit, popup};
use crate::explore::Together;
use crate::index::EntityId;
use crate::tui::app::App;
use crate::tui::explore::CoocPane;
use crate::tui::keymap::{Action, Context};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};
use ratatui::Frame;
use unicode_width::UnicodeWidthStr;

/// Draws the pane.
pub fn draw(frame: &mut Frame, app: &App, pane: &CoocPane) {
    let t = &app.theme;
    let area = popup(frame, 120, frame.area().height.saturating_sub(2), false);
    let width = usize::from(area.width.saturating_sub(2));
    let height = usize::from(area.height.saturating_sub(2));
    let unit = match pane.together {
        Together::Document => "documents",
        Together::Sentence => "sentences",
    };
    let block = Block::bordered()
        .border_style(t.border(true))
        .title(fit(
            &format!(
                " {} × {} · {} pairs by {unit} in the {} listed documents ",
                pane.rows.tag(),
                pane.cols.tag(),
                pane.pairs.len(),
                pane.docs
            ),
            width,
        ))
        .title_bottom(app.keymap.legend(
            Context::CoocOverlay,
            &[
                (&[Action::Down, Action::Up], "pick"),
                (&[Action::NextReviewer], "documents/sentences"),
                (&[Action::CycleKind, Action::CycleLabel], "labels"),
                (&[Action::ToggleMatrix], "matrix"),
                (&[Action::Select], "filter"),
                (&[Action::Close], "close"),
            ],
        ));
    let name = |e: EntityId| escape_str(&app.ws.index.entity(e).name).into_owned();
    let mut lines: Vec<Line> = Vec::new();
    if pane.pairs.is_empty() {
        lines.push(Line::styled(
            format!(
                " no {} appears with a {} in these documents",
                pane.rows.as_str(),
                pane.cols.as_str()
            ),
            t.muted(),
        ));
    } else if pane.matrix {
        lines.extend(matrix(app, pane, width, height));
    } else {
        let first = pane.selected.saturating_sub(height.saturating_sub(1));
        let half = width.saturating_sub(8) / 2;
        for (i, p) in pane.pairs.iter().enumerate().skip(first).take(height) {
            let (r, c) = (fit(&name(p.row), half), fit(&name(p.col), half));
            let pad_r = half.saturating_sub(r.width());
            let mut line = Line::from(vec![
                Span::styled(format!(" {r}{}", " ".repeat(pad_r)), t.label(&pane.rows)),
                Span::styled(format!(" {c}"), t.label(&pane.cols)),
                Span::raw(" ".repeat(half.saturating_sub(c.width()))),
                Span::styled(format!("{:>5}", p.count), t.muted()),
            ]);
            if i == pane.selected {
                line = line.style(t.selected(true));
            }
            lines.push(line);
        }
    }
    frame.render_widget(Paragraph::new(lines).block(block), area);
}

/// The strongest rows and columns as a table of counts; the picked pair's cell reversed.
fn matrix<'a>(app: &App, pane: &CoocPane, width: usize, height: usize) -> Vec<Line<'a>> {
    let t = &app.theme;
    let mut rows: Vec<EntityId> = Vec::new();
    let mut cols: Vec<EntityId> = Vec::new();
    const CELL: usize = 8;
    let name_w = 22;
    let max_cols = (width.saturating_sub(name_w) / CELL).max(1);
    let max_rows = height.saturating_sub(1).max(1);
    for p in &pane.pairs {
        if !rows.contains(&p.row) && rows.len() < max_rows {
            rows.push(p.row);
        }
        if !cols.contains(&p.col) && cols.len() < max_cols {
            cols.push(p.col);
        }
    }
    let name = |e: EntityId, w: usize| fit(&escape_str(&app.ws.index.entity(e).name), w);
    let picked = pane.pairs.get(pane.selected);
    let mut header = vec![Span::raw(" ".repeat(name_w))];
    for &c in &cols {
        let n = name(c, CELL - 1);
        header.push(Span::styled(
            format!("{n}{} ", " ".repeat((CELL - 1).saturating_sub(n.width()))),
            t.label(&pane.cols),
        ));
    }
    let mut out = vec![Line::from(header)];
    for &r in &rows {
        let n = name(r, name_w - 1);
        let mut spans = vec![Span::styled(
            format!("{n}{} ", " ".repeat((name_w - 1).saturating_sub(n.width()))),
            t.label(&pane.rows),
        )];
        for &c in &cols {
            let count = (pane.pairs.iter())
                .find(|p| p.row == r && p.col == c)
                .map_or(String::from("·"), |p| p.count.to_string());
            let cell = format!("{count:>width$} ", width = CELL - 1);
            let here = picked.is_some_and(|p| p.row == r && p.col == c);
            spans.push(match here {
                true => Span::styled(cell, t.selected(true)),
                false => Span::raw(cell),
            });
        }
        out.push(Line::from(spans));
    }
    out
}
