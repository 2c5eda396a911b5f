//! Helpers shared by the integration tests: an app on the bundled corpus, key presses, and a
//! plain-text picture of a rendered screen.
#![allow(dead_code)]

use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use gazette::corpus::Corpus;
use gazette::session::analyze;
use gazette::tui::app::App;
use gazette::tui::theme::Theme;
use gazette::tui::view;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::Terminal;
use unicode_width::UnicodeWidthStr;

/// The browser on the bundled corpus, colour on, in a `width`×`height` terminal.
pub fn app(width: u16, height: u16) -> App {
    app_with(Corpus::bundled(), Theme::new(true), width, height)
}

/// The browser on `corpus`.
pub fn app_with(corpus: Corpus, theme: Theme, width: u16, height: u16) -> App {
    let index = analyze(&corpus);
    App::new(corpus, index, theme, Rect::new(0, 0, width, height))
}

/// Presses keys: each char is a key, except the names in `<…>` (Enter, Tab, BackTab, Esc, Bs,
/// Down, Up, PgDn, and Lt for a literal `<`).
pub fn keys(app: &mut App, keys: &str) {
    let mut rest = keys;
    while let Some(c) = rest.chars().next() {
        let (code, len) = if c == '<' {
            let end = rest.find('>').expect("closing >");
            let code = match &rest[1..end] {
                "Enter" => KeyCode::Enter,
                "Tab" => KeyCode::Tab,
                "BackTab" => KeyCode::BackTab,
                "Esc" => KeyCode::Esc,
                "Bs" => KeyCode::Backspace,
                "Down" => KeyCode::Down,
                "Up" => KeyCode::Up,
                "PgDn" => KeyCode::PageDown,
                "Lt" => KeyCode::Char('<'),
                other => panic!("unknown key {other}"),
            };
            (code, end + 1)
        } else {
            (KeyCode::Char(c), c.len_utf8())
        };
        let mods = if c.is_ascii_uppercase() {
            KeyModifiers::SHIFT
        } else {
            KeyModifiers::NONE
        };
        app.handle(Event::Key(KeyEvent::new(code, mods)));
        // As the loop does after every event.
        app.run_effects();
        rest = &rest[len..];
    }
}

/// Renders the app and returns the buffer.
pub fn render(app: &App) -> Buffer {
    let mut terminal =
        Terminal::new(TestBackend::new(app.area.width, app.area.height)).expect("test terminal");
    terminal.draw(|f| view::draw(f, app)).expect("draw");
    terminal.backend().buffer().clone()
}

/// The screen as text, one line per row (a wide character's second cell is not repeated).
pub fn screen(app: &App) -> String {
    text_of(&render(app))
}

/// A buffer as text.
pub fn text_of(buffer: &Buffer) -> String {
    let area = buffer.area;
    let mut out = String::new();
    for y in 0..area.height {
        let mut x = 0;
        while x < area.width {
            let symbol = buffer[(x, y)].symbol();
            out.push_str(symbol);
            x += (symbol.width() as u16).max(1);
        }
        out.push('\n');
    }
    out
}

/// Runs the real binary with `args`, its data folder a test folder (never the user's, where the
/// bundled corpus keeps its review database).
pub fn gazette(args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_gazette"))
        .args(args)
        .env(
            "XDG_DATA_HOME",
            std::env::temp_dir().join("gazette-tests-data"),
        )
        .env(
            "GAZETTE_CACHE_DIR",
            std::env::temp_dir().join("gazette-tests-cache"),
        )
        .output()
        .expect("run gazette")
}

/// Every entity as (label, key, documents, mention places), entities without mentions left out:
/// what the entity pane, the filter, `n`/`N` and the export read.
pub fn entity_lists(a: &App) -> Vec<String> {
    let index = &a.ws.index;
    let mut out: Vec<String> = (index.entities.iter())
        .filter(|e| !e.mentions.is_empty())
        .map(|e| {
            let places: Vec<_> = (e.mentions.iter())
                .map(|&m| {
                    (
                        index.mentions[m.index()].doc,
                        index.mentions[m.index()].span.clone(),
                    )
                })
                .collect();
            format!("{:?} {} {:?} {places:?}", e.label, e.key, e.docs)
        })
        .collect();
    out.sort();
    out
}

/// The first document's entities in `gazette export --store STORE --out OUT` (the bundled
/// corpus, JSONL), each as the export writes it.
pub fn exported_first(store: &std::path::Path, out: &std::path::Path) -> Vec<serde_json::Value> {
    let status = gazette(&[
        "export",
        "--store",
        store.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ]);
    assert!(status.status.success(), "{status:?}");
    let first = std::fs::read_to_string(out).unwrap();
    let line: serde_json::Value = serde_json::from_str(first.lines().next().unwrap()).unwrap();
    line["entities"].as_array().unwrap().clone()
}
