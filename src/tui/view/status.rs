//! The status line: the current entity, key hints or the last message, and load warnings.

use super::fit;
use crate::tui::app::App;
use crate::tui::theme::label_tag;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;
use unicode_width::UnicodeWidthStr;

/// How many rows the status needs: one, or more for a message too long for the line beside
/// what it shows already (up to three more).
pub fn rows(app: &App) -> u16 {
    let Some(message) = &app.message else {
        return 1;
    };
    let width = usize::from(app.area.width.max(1));
    let line = Parts::of(app, width);
    if line.gauge.width() + line.left.width() + message.width() + line.warning.width() <= width {
        return 1;
    }
    let wrapped = crate::text::wrap(message, app.area.width.max(1));
    (1 + wrapped.lines.len()).min(4) as u16
}

/// What the status line shows besides a message or the key hint.
struct Parts {
    /// How far loading has come.
    gauge: String,
    /// The current entity, the narrowed view, the mention's status, the review count.
    left: String,
    /// The first problem while loading, and how many more.
    warning: String,
}

impl Parts {
    fn of(app: &App, width: usize) -> Parts {
        let warning = match app.ws.corpus.warnings.as_slice() {
            [] => String::new(),
            [one] => format!("⚠ {one} "),
            [first, rest @ ..] => format!(
                "⚠ {first} (+{} more, see {}) ",
                rest.len(),
                app.keymap.key(
                    crate::tui::keymap::Context::Global,
                    crate::tui::keymap::Action::Problems
                )
            ),
        };
        let warning = fit(&warning, width / 2);
        let mut left = String::new();
        let gauge = (app.loading.as_ref())
            .map(|p| loading_gauge(p, app.ws.corpus.docs.len()))
            .unwrap_or_default();
        if let Some(e) = app.current_entity {
            let e = app.ws.index.entity(e);
            left.push_str(&format!("● {} {} · ", label_tag(&e.label), e.name));
        }
        if let Some(only) = app.only.describe() {
            left.push_str(&format!("{only} · "));
        }
        let (reviewed, total) = app.reviewed_count();
        if let Some(m) = app.current_mention {
            let status = match app.review_of(m).status {
                crate::review::Status::Unreviewed => "unreviewed",
                crate::review::Status::Accepted => "accepted",
                crate::review::Status::Rejected => "rejected",
            };
            left.push_str(&format!("{status} · "));
        }
        left.push_str(&format!("reviewed {reviewed}/{total} · "));
        Parts {
            gauge,
            left,
            warning,
        }
    }
}

/// Draws the status line into `area`.
pub fn draw(frame: &mut Frame, area: Rect, app: &App) {
    let t = &app.theme;
    let width = usize::from(area.width);
    let Parts {
        gauge,
        mut left,
        warning,
    } = Parts::of(app, width);
    // A message too long for the line gets the rows below it, wrapped whole.
    let below = area.height > 1;
    match &app.message {
        Some(m) if below => {
            let wrapped = crate::text::wrap(m, area.width.max(1));
            let lines: Vec<Line> = (wrapped.lines.iter())
                .map(|r| Line::styled(m[r.clone()].trim_end().to_string(), t.muted()))
                .collect();
            let rest = Rect {
                y: area.y + 1,
                height: area.height - 1,
                ..area
            };
            frame.render_widget(Paragraph::new(lines), rest);
        }
        Some(m) => left.push_str(m),
        None if app.walks_search() && app.current_mention.is_none() => {
            left.push_str(&search_hint(&app.keymap))
        }
        None => left.push_str(&hint(&app.keymap, app.current_mention.is_some())),
    }
    let area = Rect { height: 1, ..area };
    let gauge = fit(&gauge, width.saturating_sub(warning.width() + 1));
    let left = fit(
        &left,
        width.saturating_sub(gauge.width() + warning.width() + 1),
    );
    let pad = width.saturating_sub(gauge.width() + left.width() + warning.width());
    let line = Line::from(vec![
        Span::styled(gauge, t.progress()),
        Span::styled(left, t.muted()),
        Span::raw(" ".repeat(pad)),
        Span::styled(warning, t.warning()),
    ]);
    frame.render_widget(Paragraph::new(line), area);
}

/// "loading ▕████░░░░▏ 1,234/5,000 files · ": how far the loader has come.
fn loading_gauge(p: &crate::tui::loading::LoadProgress, docs: usize) -> String {
    const CELLS: usize = 12;
    let filled = (p.ratio() * CELLS as f64).round() as usize;
    let bar: String = "█".repeat(filled) + &"░".repeat(CELLS - filled.min(CELLS));
    match p.total {
        None => "listing files… · ".to_string(),
        Some(total) => format!(
            "loading ▕{bar}▏ {}/{} files, {} documents · ",
            thousands(p.read),
            thousands(total),
            thousands(docs)
        ),
    }
}

/// 12345 → "12,345".
fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// The keys of a text search being walked, as bound.
fn search_hint(keymap: &crate::tui::keymap::Keymap) -> String {
    use crate::tui::keymap::{Action::*, Context::Global};
    let key = |a| keymap.key(Global, a);
    format!(
        "{}/{} next/prev hit  {} hits in context  {} forget the search's marks  {} search again  {} help",
        key(NextMention),
        key(PrevMention),
        key(MentionList),
        key(Close),
        key(Search),
        key(Help)
    )
}

/// The keys worth knowing first, as bound: the review keys when a mention is current.
fn hint(keymap: &crate::tui::keymap::Keymap, on_a_mention: bool) -> String {
    use crate::tui::keymap::{Action::*, Context::Global};
    let key = |a| keymap.key(Global, a);
    if on_a_mention {
        return format!(
            "{} accept  {} reject  {} relabel  {} bounds  {} undo  {}/{} unreviewed  {} help",
            key(Accept),
            key(Reject),
            key(Relabel),
            key(AdjustSpan),
            key(Undo),
            key(NextUnreviewed),
            key(PrevUnreviewed),
            key(Help)
        );
    }
    format!(
        "{} filter  {}/{} next/prev mention  {} {} step  {} mentions  {} pane  {} help  {} quit",
        key(OpenFilter),
        key(NextMention),
        key(PrevMention),
        key(PrevInDoc),
        key(NextInDoc),
        key(MentionList),
        key(FocusNext),
        key(Help),
        key(Quit)
    )
}
