//! The metrics pane of compare mode: precision, recall and F1 against the gold per label and
//! micro-averaged (strict and partial), per document, and the legend of the reader's marks.

use super::fit;
use crate::eval::{Outcome, Prf, Scheme};
use crate::tui::app::App;
use crate::tui::layout::{inner, Pane};
use crate::tui::theme::label_tag;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};
use ratatui::Frame;

/// Draws the pane into `area`.
pub fn draw(frame: &mut Frame, area: Rect, app: &App) {
    let t = &app.theme;
    let block = Block::bordered()
        .border_style(t.border(app.focus == Pane::Entities))
        .title(" Metrics vs gold ");
    let Some(compare) = &app.ws.compare else {
        frame.render_widget(block, area);
        return;
    };
    let width = usize::from(inner(area).width);
    let row = |name: &str, p: Prf| {
        format!(
            "{:<8} {:>5.3} {:>5.3} {:>5.3}",
            name, p.precision, p.recall, p.f1
        )
    };
    let mut lines = vec![Line::styled(
        format!("{:<8} {:>5} {:>5} {:>5}", "strict", "P", "R", "F1"),
        t.muted(),
    )];
    for (label, counts) in &compare.total.by_label {
        lines.push(Line::raw(row(label_tag(label), counts.prf())));
    }
    lines.push(Line::raw(row("micro", compare.total.micro.prf())));
    lines.push(Line::raw(row(
        "partial",
        compare.total.scheme(Scheme::Partial),
    )));
    let c = &compare.total.semeval;
    lines.push(Line::styled(
        fit(
            &format!(
                "✓{} ~{} ≠{} −{} +{}",
                c.correct, c.partial, c.incorrect, c.missed, c.spurious
            ),
            width,
        ),
        t.muted(),
    ));
    lines.push(Line::raw(""));
    lines.push(Line::styled("document          F1", t.muted()));
    // Only the rows the pane can show: the list may hold a hundred thousand documents.
    let room = usize::from(inner(area).height).saturating_sub(lines.len() + 8);
    for &doc in app.list.docs.iter().take(room) {
        if let Some(s) = compare.per_doc.get(doc.index()) {
            let name = fit(
                app.ws.corpus.docs[doc.index()].display_title(),
                width.saturating_sub(7),
            );
            let pad =
                width.saturating_sub(unicode_width::UnicodeWidthStr::width(name.as_str()) + 6);
            lines.push(Line::raw(format!(
                "{name}{} {:.3}",
                " ".repeat(pad),
                s.micro.prf().f1
            )));
        }
    }
    lines.push(Line::raw(""));
    lines.push(Line::from(vec![
        Span::raw("  agreed: "),
        Span::styled("PER", t.label(&crate::model::Label::Person)),
        Span::raw(" "),
        Span::styled("REG", t.label(&crate::model::Label::Region)),
        Span::raw(" "),
        Span::styled("ORG", t.label(&crate::model::Label::Org)),
    ]));
    lines.push(Line::from(vec![
        Span::raw("  "),
        Span::styled("rejected, not in gold", t.rightly_rejected()),
    ]));
    for (outcome, name) in [
        (Outcome::WrongLabel, "wrong label"),
        (Outcome::WrongBoundary, "wrong boundary"),
        (Outcome::Spurious, "spurious"),
        (Outcome::Missed, "missed"),
    ] {
        lines.push(Line::from(vec![
            Span::raw("  "),
            Span::styled(name, t.outcome(outcome)),
        ]));
    }
    lines.push(Line::styled(
        fit(") ( step through disagreements", width),
        t.muted(),
    ));
    frame.render_widget(Paragraph::new(lines).block(block), area);
}
