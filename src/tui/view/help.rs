//! The help overlay, generated from the key table, with the highlight legend and load warnings.

use super::popup;
use crate::model::Label;
use crate::tui::app::App;
use crate::tui::keymap::{Action, CONTEXTS};
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
    // Keys in a column as wide as the longest binding's (up to 14 columns: a longer one pushes its text right).
    let labels: Vec<String> = app.keymap.bindings.iter().map(|b| b.label()).collect();
    let column = labels
        .iter()
        .map(|l| l.chars().count())
        .max()
        .unwrap_or(0)
        .min(14)
        + 2;
    // The keys anywhere first: they fit the first screen.
    for (i, context) in CONTEXTS.into_iter().enumerate() {
        if i > 0 {
            out.push(Line::raw(""));
        }
        out.push(heading(context.title()));
        let bindings = app.keymap.bindings.iter().zip(&labels);
        for (b, label) in bindings.filter(|(b, _)| b.context == context) {
            out.push(Line::from(vec![
                Span::styled(format!("  {label:<column$}"), t.matched()),
                Span::raw(b.help),
            ]));
        }
    }
    out.push(Line::raw(""));
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
    out.push(Line::raw(""));
    out.push(heading("Mouse"));
    out.push(Line::raw(
        "  click a pane to focus it, a document to open it,",
    ));
    out.push(Line::raw(
        "  a mention or an entity to make it current; the wheel scrolls",
    ));
    if !app.ws.corpus.warnings.is_empty() {
        out.push(Line::raw(""));
        out.push(Line::styled(
            format!(
                "  {} problem(s) while loading: {} lists them",
                app.ws.corpus.warnings.len(),
                app.keymap.key(
                    crate::tui::keymap::Context::Global,
                    crate::tui::keymap::Action::Problems
                )
            ),
            t.warning(),
        ));
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
        .title_bottom(app.keymap.legend(
            crate::tui::keymap::Context::HelpOverlay,
            &[
                (&[Action::Down, Action::Up], "scroll"),
                (&[Action::Close], "close"),
            ],
        ));
    let shown: Vec<Line> = all.into_iter().skip(scroll).collect();
    frame.render_widget(Paragraph::new(shown).block(block), area);
}
