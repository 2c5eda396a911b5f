//! The help overlay, generated from the key table, with the highlight legend and load warnings.

use super::popup;
use crate::model::Label;
use crate::tui::app::App;
use crate::tui::keymap::{Context, KEYMAP};
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};
use ratatui::Frame;

/// Every line of the help text.
pub fn lines(app: &App) -> Vec<Line<'static>> {
    let t = &app.theme;
    let mut out: Vec<Line> = Vec::new();
    let heading = |s: &str| {
        Line::styled(
            s.to_string(),
            ratatui::style::Style::new().add_modifier(Modifier::BOLD),
        )
    };
    out.push(heading("Highlights"));
    out.push(Line::from(vec![
        Span::raw("  "),
        Span::styled("person (bold)", t.label(&Label::Person)),
        Span::raw("  "),
        Span::styled("region (underlined)", t.label(&Label::Region)),
        Span::raw("  "),
        Span::styled("organization (italic)", t.label(&Label::Org)),
        Span::raw("  "),
        Span::styled("current mention", t.current_mention()),
        Span::raw("  "),
        Span::styled("page chrome", t.chrome()),
    ]));
    for context in [
        Context::Global,
        Context::List,
        Context::Reader,
        Context::Entities,
        Context::Prompt,
        Context::Mentions,
        Context::RelabelPrompt,
        Context::BulkPrompt,
        Context::ConfirmPrompt,
        Context::SpanPrompt,
        Context::ErrorsOverlay,
        Context::HelpOverlay,
    ] {
        out.push(Line::raw(""));
        out.push(heading(context.title()));
        for b in KEYMAP.iter().filter(|b| b.context == context) {
            out.push(Line::from(vec![
                Span::styled(format!("  {:<12}", b.label), t.matched()),
                Span::raw(b.help),
            ]));
        }
    }
    out.push(Line::raw(""));
    out.push(heading("Mouse"));
    out.push(Line::raw("  click a pane to focus it, a document to open it, a mention or entity to make it current; wheel scrolls"));
    if !app.ws.corpus.warnings.is_empty() {
        out.push(Line::raw(""));
        out.push(heading("Files skipped or repaired while loading"));
        for w in &app.ws.corpus.warnings {
            out.push(Line::styled(
                format!("  {}", crate::text::sanitize::escape_str(&w.to_string())),
                t.warning(),
            ));
        }
    }
    out
}

/// Draws the overlay, scrolled by `scroll` lines.
pub fn draw(frame: &mut Frame, app: &App, scroll: usize) {
    let all = lines(app);
    let area = popup(frame, 100, all.len() as u16 + 2, false);
    let height = usize::from(area.height.saturating_sub(2));
    let scroll = scroll.min(all.len().saturating_sub(height));
    let block = Block::bordered()
        .border_style(app.theme.border(true))
        .title(" gazette help ")
        .title_bottom(" j/k scroll · Esc close ");
    let shown: Vec<Line> = all.into_iter().skip(scroll).collect();
    frame.render_widget(Paragraph::new(shown).block(block), area);
}
