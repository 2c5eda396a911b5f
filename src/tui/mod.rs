//! The terminal UI: state (`app`), transitions (`update`, `nav`), drawing (`view`), and the
//! terminal itself (`terminal`).

pub mod app;
pub mod compare;
pub mod config;
pub mod filter;
pub mod keymap;
pub mod layout;
pub mod listing;
pub mod loading;
pub mod nav;
mod overlay_keys;
pub mod review;
pub mod span_edit;
pub mod terminal;
pub mod theme;
pub mod update;
pub mod view;

use crate::session::stream::{self, Input, Options};
use crate::session::{as_warnings, Sources};
use app::App;
use loading::AfterLoad;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};
use terminal::TerminalGuard;
use theme::Theme;

/// Opens the browser with the config file's keys and colours (its problems shown as warnings)
/// on `paths` (the bundled corpus when empty), with mentions from `sources`
/// and review decisions in `store` (or the corpus's default database), and runs until the user
/// quits. The window appears at once: documents join it as worker threads read them. Problems in
/// annotation files and with the database show as warnings; the browser opens regardless, and
/// refuses decisions it cannot store.
pub fn run(
    (config, problems): (config::Config, Vec<crate::corpus::LoadWarning>),
    paths: &[PathBuf],
    sources: &Sources,
    store: Option<&Path>,
    gold: Option<&Path>,
    reviewer: Option<&str>,
) -> std::io::Result<()> {
    let options = Options {
        extract: true,
        cache_dir: sources.cache_dir.clone(),
    };
    let loader = stream::start(Input::from_paths(paths), options);
    let after = AfterLoad {
        sources: sources.clone(),
        store: store.map(Path::to_path_buf),
        gold: gold.map(Path::to_path_buf),
        reviewer: reviewer.map(str::to_string),
    };
    let mut guard = TerminalGuard::enter()?;
    let size = guard.terminal.size()?;
    let area = ratatui::layout::Rect::new(0, 0, size.width, size.height);
    let mut app = App::loading(
        Theme {
            colors: config.colors,
            ..Theme::from_env()
        },
        area,
    );
    app.keymap = config.keymap;
    // Problems in the config file show with the load's: in the status line and in help.
    app.ws.corpus.warnings.extend(problems);
    // While loading, documents are taken between keys and the screen is redrawn at most every
    // 50 ms for them; a key is always answered by the next frame.
    let mut drawn = Instant::now();
    let mut dirty = true;
    while !app.quit {
        if dirty || (app.loading.is_some() && drawn.elapsed() >= Duration::from_millis(50)) {
            let frame_started = Instant::now();
            guard.terminal.draw(|frame| view::draw(frame, &app))?;
            if crate::debug_log::enabled() {
                crate::debug_log::log(format_args!(
                    "frame: {:.2} ms",
                    frame_started.elapsed().as_secs_f64() * 1e3
                ));
            }
            drawn = Instant::now();
            dirty = false;
        }
        // A filter still ranking names goes on between keys, a frame's worth at a time.
        let ranking = app
            .prompt
            .as_ref()
            .is_some_and(|p| p.pending(&app.ws.index));
        let timeout = if ranking {
            Duration::ZERO
        } else if app.loading.is_some() {
            Duration::from_millis(2)
        } else {
            // Decisions another browser stores on the same database show within a second.
            Duration::from_millis(500)
        };
        if crossterm::event::poll(timeout)? {
            app.handle(crossterm::event::read()?);
            // Keys typed while drawing are all handled before the next frame.
            while !app.quit && crossterm::event::poll(Duration::ZERO)? {
                app.handle(crossterm::event::read()?);
            }
            dirty = true;
        }
        if let Some(p) = app.prompt.as_mut().filter(|p| p.pending(&app.ws.index)) {
            p.advance(&app.ws.index, filter::FRAME_BUDGET);
            dirty = true;
        }
        if app.loading.is_none() && app.take_decisions_from_elsewhere() {
            dirty = true;
        }
        if app.loading.is_some() && app.receive(&loader.events, Duration::from_millis(30)) {
            app.finish_loading(&after);
            crate::release_freed_memory();
            dirty = true;
        }
    }
    app.save_place();
    drop(guard);
    // A snapshot half written is never used; waiting for it makes the next open fast.
    if let Some(writer) = app.snapshot_writer.take() {
        let _ = writer.join();
    }
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
