//! The terminal UI: state (`app`), transitions (`update`, `nav`), drawing (`view`), and the
//! terminal itself (`terminal`).

pub mod app;
pub mod filter;
pub mod keymap;
pub mod layout;
pub mod nav;
pub mod terminal;
pub mod theme;
pub mod update;
pub mod view;

use crate::cli::{annotate, as_warnings, open_corpus, Sources};
use app::App;
use std::path::PathBuf;
use terminal::TerminalGuard;
use theme::Theme;

/// Opens the browser on `paths` (the bundled corpus when empty), with mentions from `sources`,
/// and runs until the user quits. Problems in annotation files show as warnings.
pub fn run(paths: &[PathBuf], sources: &Sources) -> std::io::Result<()> {
    let mut corpus = open_corpus(paths);
    let (index, problems) = annotate(&corpus, sources);
    corpus.warnings.extend(as_warnings(&problems));
    let mut guard = TerminalGuard::enter()?;
    let size = guard.terminal.size()?;
    let mut app = App::new(
        corpus,
        index,
        Theme::from_env(),
        ratatui::layout::Rect::new(0, 0, size.width, size.height),
    );
    while !app.quit {
        guard.terminal.draw(|frame| view::draw(frame, &app))?;
        let event = crossterm::event::read()?;
        app.handle(event);
    }
    Ok(())
}
