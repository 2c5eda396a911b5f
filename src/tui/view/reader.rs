//! The reader: only the visible wrapped lines are drawn, each split where a mention or a chrome
//! range begins or ends.

use super::fit;
use crate::corpus::Document;
use crate::index::MentionId;
use crate::text::sanitize::escape_str;
use crate::tui::app::App;
use crate::tui::layout::{inner, Pane};
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};
use ratatui::Frame;
use std::ops::Range;

/// Draws the reader into `area`.
pub fn draw(frame: &mut Frame, area: Rect, app: &App) {
    let t = &app.theme;
    let focused = app.focus == Pane::Reader;
    let width = usize::from(area.width.saturating_sub(2));
    let block = Block::bordered().border_style(t.border(focused));
    let (Some(doc_id), Some((_, wrapped))) = (app.current_doc(), &app.reader.wrapped) else {
        frame.render_widget(
            Paragraph::new("no document").block(block.title(" Reader ")),
            area,
        );
        return;
    };
    let doc = &app.ws.corpus.docs[doc_id.index()];
    let body = inner(area);
    let total = wrapped.lines.len();
    let shown_end = (app.reader.top + usize::from(body.height)).min(total);
    let mut info: Vec<String> = Vec::new();
    info.extend(doc.meta.date.clone());
    info.extend(doc.meta.source.clone());
    info.push(doc.lang.code().to_string());
    info.push(doc.path.clone());
    info.push(format!(
        "{}–{}/{}",
        (app.reader.top + 1).min(total),
        shown_end,
        total
    ));
    let block = block
        .title(format!(
            " {} ",
            fit(doc.display_title(), width.saturating_sub(2))
        ))
        .title_bottom(
            Line::from(format!(
                " {} ",
                fit(&info.join(" · "), width.saturating_sub(2))
            ))
            .right_aligned(),
        );
    let lines: Vec<Line> = match app.ws.text(doc_id) {
        Some(Ok(_)) => wrapped.lines[app.reader.top.min(total)..shown_end]
            .iter()
            .map(|range| styled_line(app, doc, range.clone()))
            .collect(),
        Some(Err(why)) => vec![Line::styled(
            fit(
                &escape_str(&format!(
                    "Cannot show this file ({why}): reopen the corpus to read it again."
                )),
                width,
            ),
            t.warning(),
        )],
        None => vec![Line::styled("reading…", t.muted())],
    };
    frame.render_widget(block, area);
    // The review marks of each line's mentions in a gutter left of the text, once anything is
    // decided: ✓ accepted, ≠ relabelled, + added, ✗ rejected (unreviewed ones have none).
    let gutter = app.review_gutter().min(body.width);
    let text_area = Rect {
        x: body.x + gutter,
        width: body.width - gutter,
        ..body
    };
    frame.render_widget(Paragraph::new(lines), text_area);
    if gutter > 0 && matches!(app.ws.text(doc_id), Some(Ok(_))) {
        let marks: Vec<Line> = wrapped.lines[app.reader.top.min(total)..shown_end]
            .iter()
            .map(|range| Line::styled(review_marks(app, doc_id, range.clone()), t.review_mark()))
            .collect();
        frame.render_widget(
            Paragraph::new(marks),
            Rect {
                width: gutter,
                ..body
            },
        );
    }
}

/// The marks of the decided mentions that start in `range` of document `doc`: two at most,
/// the second `…` when there are more.
fn review_marks(app: &App, doc: crate::corpus::DocId, range: Range<usize>) -> String {
    use crate::review::Status;
    let ids = app.ws.index.doc_mention_ids(doc);
    let mentions = &app.ws.index.mentions[ids.clone()];
    let first = mentions.partition_point(|m| m.span.start < range.start);
    let marks: Vec<char> = (mentions[first..].iter().enumerate())
        .take_while(|(_, m)| m.span.start < range.end)
        .filter_map(|(i, m)| {
            let review = app.review_of(MentionId((ids.start + first + i) as u32));
            match review.status {
                Status::Unreviewed => None,
                Status::Rejected => Some('✗'),
                Status::Accepted if m.source == crate::model::Source::Reviewer => Some('+'),
                Status::Accepted if review.relabel.is_some() => Some('≠'),
                Status::Accepted => Some('✓'),
            }
        })
        .collect();
    match marks.as_slice() {
        [] => String::new(),
        [one] => one.to_string(),
        [a, b] => format!("{a}{b}"),
        [a, ..] => format!("{a}…"),
    }
}

/// One visual line as styled spans: mentions by type (the current one reversed, others of the
/// current entity marked), chrome dimmed, control characters escaped.
pub fn styled_line<'a>(app: &'a App, doc: &'a Document, range: Range<usize>) -> Line<'a> {
    let t = &app.theme;
    let ids = app.ws.index.doc_mention_ids(doc.id);
    // Only a text read for the screen is drawn (drawing reads no file); a document whose file
    // is gone or changed has no text to draw, and no mention is drawn over anything else.
    let Some(Ok(text)) = app.ws.text(doc.id) else {
        return Line::styled("[cannot show this file]", t.warning());
    };
    let mentions = &app.ws.index.mentions[ids.clone()];
    let first = mentions.partition_point(|m| m.span.end <= range.start);
    let mut cuts = vec![range.start, range.end];
    let in_line = mentions[first..]
        .iter()
        .take_while(|m| m.span.start < range.end);
    for m in in_line {
        cuts.extend([m.span.start, m.span.end]);
    }
    for c in doc
        .chrome
        .iter()
        .filter(|c| c.start < range.end && range.start < c.end)
    {
        cuts.extend([c.start, c.end]);
    }
    let editing = match app.overlay() {
        Some(crate::tui::app::Overlay::SpanEdit(e)) if e.doc == doc.id => Some(e.span.clone()),
        _ => None,
    };
    if let Some(e) = &editing {
        cuts.extend([e.start, e.end]);
    }
    // The text searched for, where it occurs in this line.
    let hits = app.reader_hits();
    let from = hits.partition_point(|h| h.end <= range.start);
    let hits = &hits[from..hits[from..].partition_point(|h| h.start < range.end) + from];
    for h in hits {
        cuts.extend([h.start, h.end]);
    }
    // In compare mode, gold spans nothing predicted overlaps are drawn as missed.
    let missed: Vec<Range<usize>> = app
        .ws
        .compare
        .as_ref()
        .and_then(|c| c.pairs.get(doc.id.index()))
        .into_iter()
        .flatten()
        .filter(|p| p.outcome == crate::eval::Outcome::Missed)
        .filter_map(|p| p.gold.as_ref().map(|g| g.range.clone()))
        .filter(|g| g.start < range.end && range.start < g.end)
        .collect();
    for g in &missed {
        cuts.extend([g.start, g.end]);
    }
    cuts.retain(|&c| c >= range.start && c <= range.end);
    cuts.sort_unstable();
    cuts.dedup();
    let mut spans = Vec::new();
    for pair in cuts.windows(2) {
        let (a, b) = (pair[0], pair[1]);
        let mut style = Style::new();
        if doc.chrome.iter().any(|c| c.start <= a && b <= c.end) {
            style = style.patch(t.chrome());
        }
        let hit = mentions[first..]
            .iter()
            .position(|m| m.span.start <= a && b <= m.span.end);
        if let Some(i) = hit {
            let id = MentionId((ids.start + first + i) as u32);
            let m = &mentions[first + i];
            let review = app.review_of(id);
            let label = t.label(review.relabel.as_ref().unwrap_or(&m.label));
            let rejected = review.status == crate::review::Status::Rejected;
            // In compare mode each mention shows how it fares against the gold; an agreed one
            // keeps its label's style, a rejected one the gold wants shows as missed.
            match (app.outcome_of(id), app.ws.compare.is_some(), rejected) {
                (Some(crate::eval::Outcome::Correct), ..) => style = style.patch(label),
                (Some(outcome), ..) => style = style.patch(t.outcome(outcome)),
                (None, true, true) => style = style.patch(t.rightly_rejected()),
                (None, false, true) => style = style.patch(label).patch(t.rejected()),
                (None, _, false) => style = style.patch(label),
            }
            // While a span is edited, only it is reversed: the mention it started from is not.
            if Some(id) == app.current_mention && editing.is_none() {
                style = style.patch(t.current_mention());
            } else if Some(app.ws.index.entity_of(id)) == app.current_entity {
                style = style.patch(t.current_entity());
            }
        }
        if hit.is_none() && missed.iter().any(|g| g.start <= a && b <= g.end) {
            style = style.patch(t.outcome(crate::eval::Outcome::Missed));
        }
        if hits.iter().any(|h| h.start <= a && b <= h.end) {
            style = style.patch(t.search_hit());
            if app.hit.as_ref().is_some_and(|h| h.start <= a && b <= h.end) {
                style = style.patch(t.current_mention());
            }
        }
        if editing.as_ref().is_some_and(|e| e.start <= a && b <= e.end) {
            style = style
                .patch(t.current_mention())
                .add_modifier(ratatui::style::Modifier::UNDERLINED);
        }
        spans.push(Span::styled(
            escape_str(text.get(a..b).unwrap_or("")),
            style,
        ));
    }
    Line::from(spans)
}
