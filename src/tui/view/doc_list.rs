//! The document list: title, date, language and entity count, with the active filters on top.

use super::fit;
use crate::tui::app::App;
use crate::tui::layout::{inner, Pane};
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};
use ratatui::Frame;

/// Draws the list into `area`.
pub fn draw(frame: &mut Frame, area: Rect, app: &App) {
    let focused = app.focus == Pane::List;
    let t = &app.theme;
    let mut title = format!(
        " Documents {}/{} ",
        app.list.docs.len(),
        app.ws.corpus.docs.len()
    );
    // The filters in the title when they fit it, else whole in rows of their own below it.
    let filter_lines = app.filter_lines();
    if !app.filters.is_empty() && filter_lines.is_empty() {
        title.push_str(&format!("· {} ", app.filters_described()));
    }
    let block = Block::bordered()
        .border_style(t.border(focused))
        .title(fit(&title, usize::from(area.width.saturating_sub(2))));
    let body = inner(area);
    let width = usize::from(body.width);
    let offset = app.list_offset();
    let mut lines: Vec<Line> = (filter_lines.iter())
        .map(|l| Line::styled(l.clone(), t.heading()))
        .collect();
    if app.list.docs.is_empty() {
        // Said whole, wrapped to the pane: what the load is doing, or why nothing is listed.
        let why = empty_list_reason(app);
        let wrapped = crate::text::wrap(&why, body.width);
        for range in wrapped.lines.iter().take(usize::from(body.height)) {
            lines.push(Line::styled(
                fit(why[range.clone()].trim_end(), width),
                t.muted(),
            ));
        }
    }
    // The columns, as wide as the pane allows: language, date, entities, mentions left to review.
    let columns = Columns::for_width(width);
    if app.list_header() && !app.list.docs.is_empty() {
        lines.push(Line::styled(fit(columns.header(), width), t.heading()));
    }
    for (row, &doc_id) in app
        .list
        .docs
        .iter()
        .enumerate()
        .skip(offset)
        .take(app.list_rows())
    {
        let doc = &app.ws.corpus.docs[doc_id.index()];
        let date = doc
            .meta
            .date
            .as_deref()
            .map_or("          ".to_string(), |d| {
                format!("{:<10}", &d[..d.len().min(10)])
            });
        let (reviewed, mentions) = app.doc_reviewed(doc_id);
        // Mentions left to review; ✓ when every one is reviewed.
        let left = match mentions > 0 && reviewed == mentions {
            _ if app.ws.is_ignored(doc_id) => "ign".to_string(),
            true => "✓".to_string(),
            false => (mentions - reviewed).to_string(),
        };
        let entities = app.ws.index.entity_count(doc_id);
        let meta = columns.row(doc.lang.code(), &date, entities, &left);
        let title_width = width.saturating_sub(meta.chars().count());
        let mut line = Line::from(vec![
            Span::styled(meta, t.muted()),
            Span::raw(fit(doc.display_title(), title_width)),
        ]);
        if row == app.list.selected {
            line = line.style(t.selected(focused));
        }
        lines.push(line);
    }
    frame.render_widget(Paragraph::new(lines).block(block), area);
}

/// Why the document list is empty, as the user should read it.
fn empty_list_reason(app: &App) -> String {
    if let Some(loading) = &app.loading {
        return match loading.total {
            Some(total) => format!("reading {}/{total} files…", loading.read),
            None => "listing files…".to_string(),
        };
    }
    if app.ws.corpus.docs.is_empty() {
        let why: Vec<String> = (app.ws.corpus.warnings.iter().take(3))
            .map(|w| crate::text::sanitize::escape_str(&w.to_string()).into_owned())
            .collect();
        let label = crate::text::sanitize::escape_str(&app.ws.corpus.label).into_owned();
        return match why.as_slice() {
            [] => format!("no readable article in {label} (no .txt or .md file in it)"),
            _ => format!("no readable article in {label} ({})", why.join("; ")),
        };
    }
    "no document matches the filters (Backspace removes the last)".to_string()
}

/// Which columns the list shows before the title, by the pane's width.
#[derive(Debug, Clone, Copy)]
enum Columns {
    /// Language, date, entities, mentions left to review.
    Wide,
    /// Language, entities, mentions left.
    Medium,
    /// Language and mentions left (✓ when done).
    Compact,
}

impl Columns {
    fn for_width(width: usize) -> Columns {
        match width {
            w if w >= 50 => Columns::Wide,
            w if w >= 30 => Columns::Medium,
            _ => Columns::Compact,
        }
    }

    /// The header naming the columns.
    fn header(self) -> &'static str {
        match self {
            Columns::Wide => "   date        ent left title",
            Columns::Medium => "    ent left title",
            Columns::Compact => "   left title",
        }
    }

    /// One document's columns, before its title.
    fn row(self, lang: &str, date: &str, entities: usize, left: &str) -> String {
        match self {
            Columns::Wide => format!("{lang} {date} {entities:>4} {left:>4} "),
            Columns::Medium => format!("{lang} {entities:>4} {left:>4} "),
            Columns::Compact => format!("{lang} {left:>4} "),
        }
    }
}
