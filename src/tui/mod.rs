//! The terminal UI: state (`app`), transitions (`update`, `nav`), drawing (`view`), and the
//! terminal itself (`terminal`).

pub mod app;
pub mod compare;
pub mod filter;
pub mod keymap;
pub mod layout;
pub mod nav;
mod overlay_keys;
pub mod review;
pub mod span_edit;
pub mod terminal;
pub mod theme;
pub mod update;
pub mod view;

use crate::cli::{annotate, as_warnings, default_store, open_corpus, Sources};
use crate::corpus::LoadWarning;
use crate::review::Store;
use app::App;
use std::path::{Path, PathBuf};
use terminal::TerminalGuard;
use theme::Theme;

/// Opens the browser on `paths` (the bundled corpus when empty), with mentions from `sources`
/// and review decisions in `store` (or the corpus's default database), and runs until the user
/// quits. Problems in annotation files and with the database show as warnings; the browser opens
/// regardless, and refuses decisions it cannot store.
pub fn run(
    paths: &[PathBuf],
    sources: &Sources,
    store: Option<&Path>,
    gold: Option<&Path>,
) -> std::io::Result<()> {
    let mut corpus = open_corpus(paths);
    let (index, problems) = annotate(&corpus, sources);
    corpus.warnings.extend(as_warnings(&problems));
    let gold = gold.map(|g| load_gold(&mut corpus, g, sources.unit));
    let store_path = store.map_or_else(|| default_store(&corpus), Path::to_path_buf);
    let opened = Store::open(&store_path);
    if let Err(e) = &opened {
        let message = format!("decisions cannot be stored: {e}");
        corpus.warnings.push(LoadWarning {
            path: store_path.display().to_string(),
            message,
        });
    }
    let mut guard = TerminalGuard::enter()?;
    let size = guard.terminal.size()?;
    let area = ratatui::layout::Rect::new(0, 0, size.width, size.height);
    let mut app = App::new(corpus, index, Theme::from_env(), area);
    app.compare = gold.map(|g| compare::Compare::new(app.corpus.docs.len(), &g));
    app.attach_store(opened);
    while !app.quit {
        guard.terminal.draw(|frame| view::draw(frame, &app))?;
        let event = crossterm::event::read()?;
        app.handle(event);
    }
    app.save_place();
    Ok(())
}

/// The gold annotation's mentions; problems in the file become warnings.
fn load_gold(
    corpus: &mut crate::corpus::Corpus,
    path: &Path,
    unit: crate::formats::Unit,
) -> Vec<crate::model::Mention> {
    let (raw, mut problems) = crate::formats::import::read_file(path);
    let resolved = crate::formats::import::resolve(corpus, &raw, &path.display().to_string(), unit);
    problems.extend(resolved.errors);
    corpus.warnings.extend(as_warnings(&problems));
    resolved.mentions
}
