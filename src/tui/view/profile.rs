//! The profile pane: names, documents and dates, mentions per month as a sparkline, roles with
//! their dates, and the entities appearing with it (by document and by sentence).

use super::{escape_str, fit, popup};
use crate::tui::app::App;
use crate::tui::explore::ProfilePane;
use crate::tui::keymap::{Action, Context};
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Sparkline};
use ratatui::Frame;

/// Draws the pane.
pub fn draw(frame: &mut Frame, app: &App, pane: &ProfilePane) {
    let t = &app.theme;
    let p = &pane.profile;
    let e = app.ws.index.entity(p.entity);
    let area = popup(frame, 120, frame.area().height.saturating_sub(2), false);
    let block = Block::bordered()
        .border_style(t.border(true))
        .title(fit(
            &format!(" Profile: {} {} ", e.label.tag(), escape_str(&e.name)),
            usize::from(area.width.saturating_sub(2)),
        ))
        .title_bottom(app.keymap.legend(
            Context::ProfileOverlay,
            &[
                (&[Action::Down, Action::Up], "pick"),
                (&[Action::NextReviewer], "documents/sentences"),
                (&[Action::Select], "filter by both"),
                (&[Action::Close], "close"),
            ],
        ));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let width = usize::from(inner.width);
    let [head, timeline, axis, rest] = Layout::vertical([
        Constraint::Length(4),
        Constraint::Length(3),
        Constraint::Length(1),
        Constraint::Min(1),
    ])
    .areas(inner);
    // Who, how much, when.
    let span = match (&p.first_date, &p.last_date) {
        (Some(a), Some(b)) => format!(" · {} to {}", day(a), day(b)),
        _ => " · no dated document".to_string(),
    };
    let undated = match p.undated {
        0 => String::new(),
        n => format!(" ({n} in undated documents)"),
    };
    let names: Vec<String> = (p.names.iter().take(8))
        .map(|(n, c)| format!("{} ({c})", escape_str(n)))
        .collect();
    let roles: Vec<String> = (p.roles.iter().take(4))
        .map(|r| {
            let when = match (&r.first, &r.last) {
                (Some(a), Some(b)) if a == b => format!(" {a}"),
                (Some(a), Some(b)) => format!(" {a}–{b}"),
                _ => String::new(),
            };
            format!("{} ×{}{when}", escape_str(&r.role), r.count)
        })
        .collect();
    let capped = match p.texts_capped {
        true => format!(" (roles from the newest {} documents)", p.texts_read),
        false => String::new(),
    };
    let lines = vec![
        Line::raw(fit(
            &format!(
                " {} mentions in {} documents{span}{undated}",
                p.mentions, p.docs
            ),
            width,
        )),
        Line::from(vec![
            Span::styled(" names  ", t.muted()),
            Span::raw(fit(&names.join(" · "), width.saturating_sub(8))),
        ]),
        Line::from(vec![
            Span::styled(" roles  ", t.muted()),
            Span::raw(fit(
                &match roles.is_empty() {
                    true => "none found beside the name".to_string(),
                    false => roles.join(" · ") + &capped,
                },
                width.saturating_sub(8),
            )),
        ]),
        Line::styled(" mentions per month", t.heading()),
    ];
    frame.render_widget(Paragraph::new(lines), head);
    // The timeline: one bar per month (the newest months when there are more than fit).
    let shown = usize::from(timeline.width.saturating_sub(2)).max(1);
    let months = &p.months[p.months.len().saturating_sub(shown)..];
    let data: Vec<u64> = months.iter().map(|(_, n)| *n as u64).collect();
    let bars = Rect {
        x: timeline.x + 1,
        width: timeline.width.saturating_sub(2),
        ..timeline
    };
    frame.render_widget(Sparkline::default().data(&data).style(t.matched()), bars);
    let axis_text = match (months.first(), months.last()) {
        (Some((a, _)), Some((b, _))) => {
            let peak = months.iter().map(|(_, n)| *n).max().unwrap_or(0);
            let middle = format!("peak {peak} a month");
            let pad = width.saturating_sub(a.len() + b.len() + middle.len() + 2) / 2;
            format!(" {a}{}{middle}{}{b}", " ".repeat(pad), " ".repeat(pad))
        }
        _ => " no dated mention".to_string(),
    };
    frame.render_widget(
        Paragraph::new(Line::styled(fit(&axis_text, width), t.muted())),
        axis,
    );
    // Who appears with it: documents on the left, sentences on the right.
    let [left, right] =
        Layout::horizontal([Constraint::Percentage(50), Constraint::Percentage(50)]).areas(rest);
    for (area, by_sentence, title) in [
        (left, false, "with it in the same documents"),
        (right, true, "with it in the same sentences"),
    ] {
        let list = match by_sentence {
            true => &p.with_by_sentence,
            false => &p.with_by_doc,
        };
        let picking = pane.by_sentence == by_sentence;
        let rows = usize::from(area.height.saturating_sub(2));
        let first = match picking {
            true => pane.selected.saturating_sub(rows.saturating_sub(1)),
            false => 0,
        };
        let w = usize::from(area.width).saturating_sub(2);
        let mut lines = vec![
            Line::raw(""),
            Line::styled(
                format!(" {title}{}", if picking { " ◂" } else { "" }),
                t.heading(),
            ),
        ];
        for (i, with) in list.iter().enumerate().skip(first).take(rows) {
            let other = app.ws.index.entity(with.entity);
            let count = format!(" {:>5}", with.count);
            let name = fit(
                &format!(" {} {}", other.label.tag(), escape_str(&other.name)),
                w.saturating_sub(count.len()),
            );
            let pad = w
                .saturating_sub(unicode_width::UnicodeWidthStr::width(name.as_str()) + count.len());
            let mut line = Line::from(vec![
                Span::styled(name, t.label(&other.label)),
                Span::raw(" ".repeat(pad)),
                Span::styled(count, t.muted()),
            ]);
            if picking && i == pane.selected {
                line = line.style(t.selected(true));
            }
            lines.push(line);
        }
        if list.is_empty() {
            lines.push(Line::styled(" none", t.muted()));
        }
        frame.render_widget(Paragraph::new(lines), area);
    }
}

/// The day of a date with a time (`2020-05-09 15:37` → `2020-05-09`).
fn day(d: &str) -> &str {
    d.get(..10).unwrap_or(d)
}
