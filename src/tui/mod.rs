//! The terminal UI: state (`app`), transitions (`update`, `nav`), drawing (`view`), and the
//! terminal itself (`terminal`).

pub mod agreement;
pub mod app;
pub mod bulk;
mod clauses;
pub mod compare;
pub mod config;
mod curate;
pub mod entity_edit;
pub mod event_loop;
pub mod explore;
pub mod filter;
pub mod keymap;
pub mod layout;
pub mod listing;
pub mod loading;
pub mod nav;
mod overlay_keys;
pub mod review;
pub mod search;
pub mod span_edit;
pub mod terminal;
pub mod theme;
pub mod update;
pub mod view;
mod write_out;

use crate::session::as_warnings;
pub use event_loop::Launch;
use std::path::Path;
use terminal::TerminalGuard;
use theme::Theme;

/// Opens the browser on the terminal with `launch` (documents join it as worker threads read
/// them; problems in annotation files, the config file and the database show as warnings) and
/// runs until the user quits. The terminal is restored however it ends.
pub fn run(launch: Launch) -> std::io::Result<()> {
    let mut guard = TerminalGuard::enter()?;
    let mut app = event_loop::run_on(&mut guard.terminal, launch, Theme::from_env().color)?;
    // The terminal first, then the snapshot's last bytes.
    drop(guard);
    app.wait_for_snapshot();
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
