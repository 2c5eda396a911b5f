//! The agreement pane: kappa and F1 of this reviewer against another, the documents agreed on
//! least, and the mentions decided differently.

use super::{escape_str, fit, popup};
use crate::tui::agreement::AgreementPane;
use crate::tui::app::App;
use crate::tui::keymap::{Action, Context};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};
use ratatui::Frame;

/// How many of the documents agreed on least are listed.
const WORST_DOCS: usize = 3;

/// Draws the pane.
pub fn draw(frame: &mut Frame, app: &App, pane: &AgreementPane) {
    let t = &app.theme;
    let a = &pane.agreement;
    let area = popup(frame, 110, frame.area().height.saturating_sub(4), false);
    let width = usize::from(area.width.saturating_sub(2));
    let height = usize::from(area.height.saturating_sub(2));
    let mut lines: Vec<Line> = Vec::new();
    let (me, other) = (escape_str(&pane.me), escape_str(&pane.other));
    lines.push(Line::raw(fit(
        &format!(
            " decided: {me} {}, {other} {}, both {}",
            a.first_decided, a.second_decided, a.both
        ),
        width,
    )));
    lines.push(Line::raw(match a.kappa {
        Some((kappa, observed, chance)) => format!(
            " Cohen's kappa {kappa:.3} (observed agreement {observed:.3}, by chance {chance:.3}) over the mentions both decided"
        ),
        None => " Cohen's kappa: — (no mention decided by both)".to_string(),
    }));
    lines.push(Line::raw(""));
    lines.push(Line::styled(
        fit(
            &format!(" {other}'s reviewed annotation scored against {me}'s (strict)"),
            width,
        ),
        t.heading(),
    ));
    lines.push(Line::styled(
        format!(
            " {:<14} {:>6} {:>6} {:>6} {:>9} {:>7} {:>6}",
            "label",
            fit(&me, 6),
            fit(&other, 6),
            "both",
            "precision",
            "recall",
            "F1"
        ),
        t.muted(),
    ));
    for (label, c) in a.total.rows("all") {
        let p = c.prf();
        lines.push(Line::raw(format!(
            " {:<14} {:>6} {:>6} {:>6} {:>9.3} {:>7.3} {:>6.3}",
            fit(label, 14),
            c.gold,
            c.pred,
            c.correct,
            p.precision,
            p.recall,
            p.f1
        )));
    }
    let mut worst: Vec<_> = a
        .per_doc
        .iter()
        .filter(|(_, s)| s.micro.prf().f1 < 1.0)
        .collect();
    worst.sort_by(|x, y| x.1.micro.prf().f1.total_cmp(&y.1.micro.prf().f1));
    if !worst.is_empty() {
        lines.push(Line::raw(""));
        lines.push(Line::styled(" agreed on least (F1)", t.heading()));
        for (doc, s) in worst.into_iter().take(WORST_DOCS) {
            let title = app.ws.corpus.docs[doc.index()].display_title();
            lines.push(Line::raw(fit(
                &format!(" {:.3}  {title}", s.micro.prf().f1),
                width,
            )));
        }
    }
    lines.push(Line::raw(""));
    lines.push(Line::styled(
        format!(" decided differently ({})", a.differ.len()),
        t.heading(),
    ));
    let room = height.saturating_sub(lines.len()).max(1);
    let first = pane.selected.saturating_sub(room - 1);
    for (i, d) in a.differ.iter().enumerate().skip(first).take(room) {
        let row = format!(
            " {} {:?} {} · {me} {}, {other} {}",
            d.label,
            escape_str(&d.text),
            escape_str(&d.doc),
            d.first,
            d.second
        );
        let mut line = Line::from(Span::raw(fit(&row, width)));
        if i == pane.selected {
            line = line.style(t.selected(true));
        }
        lines.push(line);
    }
    let block = Block::bordered()
        .border_style(t.border(true))
        .title(fit(
            &format!(" Agreement: {me} (this browser) and {other} "),
            width,
        ))
        .title_bottom(app.keymap.legend(
            Context::AgreementOverlay,
            &[
                (&[Action::Down, Action::Up], "step"),
                (&[Action::Select], "show"),
                (&[Action::NextReviewer], "next reviewer"),
                (&[Action::Close], "close"),
            ],
        ));
    frame.render_widget(Paragraph::new(lines).block(block), area);
}
