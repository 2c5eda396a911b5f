//! The filter prompt: the query, the scope, and the ranked candidates with matched characters.

use super::{fit, popup};
use crate::tui::app::App;
use crate::tui::filter::{match_positions, names, FilterPrompt};
use crate::tui::keymap::{Action, Context};
use crate::tui::theme::label_tag;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};
use ratatui::Frame;
use unicode_width::UnicodeWidthStr;

/// Draws the prompt popup.
pub fn draw(frame: &mut Frame, app: &App, p: &FilterPrompt) {
    let t = &app.theme;
    let area = popup(frame, 72, 18, true);
    let width = usize::from(area.width.saturating_sub(2));
    let block = Block::bordered()
        .border_style(t.border(true))
        .title(format!(" Filter · scope: {} (Tab) ", p.scope.name()))
        .title_bottom(app.keymap.legend(
            Context::Prompt,
            &[
                (&[Action::Select], "apply"),
                (&[Action::MarkEntity, Action::MarkAll], "mark, all"),
                (&[Action::Close], "close"),
            ],
        ));
    let mut lines = vec![Line::from(vec![
        Span::styled("/ ", t.muted()),
        Span::raw(fit(&p.query, width.saturating_sub(3))),
        Span::raw("▏"),
    ])];
    let rows = usize::from(area.height.saturating_sub(3));
    let first = p.selected.saturating_sub(rows.saturating_sub(1));
    if let Some(name) = p.query.trim().strip_prefix('@') {
        // Saved filter sets: those whose name starts with what is typed.
        let sets = (app.saved_filters.iter())
            .filter(|(n, _)| n.to_lowercase().starts_with(&name.to_lowercase()));
        let mut any = false;
        for (n, clauses) in sets {
            any = true;
            let text = format!("@{n}: {}", clauses.join(" ∧ "));
            lines.push(Line::raw(fit(&text, width)));
        }
        if !any {
            lines.push(Line::styled(
                "no filter set saved by that name (W saves one)",
                t.muted(),
            ));
        }
    } else if let Some(clause) = crate::session::select::Clause::parse_meta(&p.query) {
        let said = match clause {
            Ok(c) => format!("Enter: only the documents of {}", c.describe(&app.ws.index)),
            Err(why) => why,
        };
        lines.push(Line::styled(fit(&said, width), t.muted()));
    } else if p.candidates.is_empty() {
        // While documents or names are still coming, an empty list is not an answer yet.
        let searching = app.loading.is_some() || p.pending(&app.ws.index);
        let note = if searching { " yet: still reading" } else { "" };
        lines.push(Line::styled(
            format!("no {} matches{note}", p.scope.name().to_lowercase()),
            t.muted(),
        ));
    }
    for (i, c) in p.candidates.iter().enumerate().skip(first).take(rows) {
        let e = app.ws.index.entity(c.entity);
        let matched_name = names(&app.ws.index, c.entity)
            .nth(c.name_index)
            .unwrap_or(&e.name);
        let docs = format!(
            " {} · {} doc{}",
            label_tag(&e.label),
            e.docs.len(),
            if e.docs.len() == 1 { "" } else { "s" }
        );
        let room = width.saturating_sub(docs.width() + 3);
        let mark = match app.is_marked(c.entity) {
            true => Span::styled("* ", t.matched()),
            false => Span::raw("  "),
        };
        let mut spans = highlighted(app, matched_name, &p.query, room);
        if c.name_index != 0 {
            let used: usize = spans.iter().map(|s| s.content.width()).sum();
            spans.push(Span::styled(
                fit(&format!(" → {}", e.name), room.saturating_sub(used)),
                t.label(&e.label),
            ));
        }
        let used: usize = spans.iter().map(|s| s.content.width()).sum();
        spans.push(Span::raw(" ".repeat(room.saturating_sub(used) + 1)));
        spans.push(Span::styled(docs, t.muted()));
        spans.insert(0, mark);
        let mut line = Line::from(spans);
        if i == p.selected {
            line = line.style(t.selected(true));
        }
        lines.push(line);
    }
    frame.render_widget(Paragraph::new(lines).block(block), area);
}

/// `name` with the characters the query matched emphasized.
fn highlighted<'a>(app: &App, name: &str, query: &str, room: usize) -> Vec<Span<'a>> {
    let name = fit(name, room);
    let positions = match_positions(&name, query);
    let label_style = ratatui::style::Style::new();
    name.chars()
        .enumerate()
        .map(|(i, c)| {
            let style = if positions.contains(&i) {
                app.theme.matched()
            } else {
                label_style
            };
            Span::styled(c.to_string(), style)
        })
        .collect()
}
