//! The browser's loop, the same for the terminal and for a script: draw when something changed
//! (while loading, at most every 50 ms), take events, rank filter names a frame at a time, take
//! loaded documents between keys and other browsers' decisions between those. The binary runs it
//! on the terminal; benchmarks and `examples/open_corpus` run it on a [`Script`], so they measure
//! the loop itself and not a copy.

use super::app::{App, Mode};
use super::config::Config;
use super::loading::AfterLoad;
use super::theme::Theme;
use super::{filter, view};
use crate::corpus::LoadWarning;
use crate::session::stream::{self, Input, Options};
use crossterm::event::Event;
use ratatui::backend::{Backend, CrosstermBackend, TestBackend};
use ratatui::layout::Rect;
use ratatui::Terminal;
use std::collections::VecDeque;
use std::io::{self, Stdout};
use std::path::PathBuf;
use std::time::{Duration, Instant};

/// What the loop draws on and takes events from.
pub trait Frontend {
    /// The screen's size.
    fn area(&self) -> io::Result<Rect>;
    /// Draws the app.
    fn draw(&mut self, app: &App) -> io::Result<()>;
    /// The next event, waiting at most `timeout`.
    fn event(&mut self, timeout: Duration, app: &App) -> io::Result<Option<Event>>;
}

/// What to open, and how.
#[derive(Debug, Clone, Default)]
pub struct Launch {
    /// Folders or files (none: the bundled corpus).
    pub paths: Vec<PathBuf>,
    /// Annotation files, review database, gold and reviewer, read once the documents are in.
    pub after: AfterLoad,
    /// Keys and colours.
    pub config: Config,
    /// Where the config file is (read, and written to when a filter set is saved).
    pub config_path: Option<PathBuf>,
    /// Problems in the config file, shown with the load's warnings.
    pub problems: Vec<LoadWarning>,
}

/// Opens `launch` on `frontend` and runs until the user quits; returns the browser as it was
/// then, its snapshot perhaps still being written ([`App::wait_for_snapshot`]).
pub fn run_on(frontend: &mut impl Frontend, launch: Launch, color: bool) -> io::Result<App> {
    let options = Options {
        extract: true,
        cache_dir: launch.after.sources.cache_dir.clone(),
    };
    let loader = stream::start(Input::from_paths(&launch.paths), options);
    let theme = Theme {
        colors: launch.config.colors,
        labels: std::sync::Arc::new(launch.config.labels.clone()),
        ..Theme::new(color)
    };
    let mut app = App::loading(theme, frontend.area()?);
    app.keymap = launch.config.keymap;
    app.saved_filters = launch.config.filters;
    app.config_path = launch.config_path;
    // Problems in the config file show with the load's: in the status line and in help.
    app.ws.corpus.warnings.extend(launch.problems);
    let mut drawn = Instant::now();
    let mut dirty = true;
    while !app.quit {
        if dirty || (app.loading.is_some() && drawn.elapsed() >= Duration::from_millis(50)) {
            let frame_started = Instant::now();
            frontend.draw(&app)?;
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
        let ranking = (app.prompt()).is_some_and(|p| p.pending(&app.ws.index));
        let timeout = if ranking {
            Duration::ZERO
        } else if app.loading.is_some() {
            Duration::from_millis(2)
        } else {
            // Decisions another browser stores on the same database show within a second.
            Duration::from_millis(500)
        };
        if let Some(event) = frontend.event(timeout, &app)? {
            app.handle(event);
            app.run_effects();
            // Keys typed while drawing are all handled before the next frame.
            while !app.quit {
                match frontend.event(Duration::ZERO, &app)? {
                    Some(event) => {
                        app.handle(event);
                        app.run_effects();
                    }
                    None => break,
                }
            }
            dirty = true;
        }
        if let Mode::Filter(p) = &mut app.mode {
            if p.pending(&app.ws.index) {
                p.advance(&app.ws.index, filter::FRAME_BUDGET);
                dirty = true;
            }
        }
        if app.loading.is_none() && app.take_decisions_from_elsewhere() {
            dirty = true;
        }
        if app.poll_text_index() {
            dirty = true;
        }
        if app.loading.is_some() && app.receive(&loader.events, Duration::from_millis(30)) {
            app.finish_loading(&launch.after);
            crate::release_freed_memory();
            dirty = true;
        }
    }
    app.save_place();
    Ok(app)
}

/// The terminal the binary runs on.
impl Frontend for Terminal<CrosstermBackend<Stdout>> {
    fn area(&self) -> io::Result<Rect> {
        let size = self.size()?;
        Ok(Rect::new(0, 0, size.width, size.height))
    }

    fn draw(&mut self, app: &App) -> io::Result<()> {
        Terminal::draw(self, |frame| view::draw(frame, app)).map(|_| ())
    }

    fn event(&mut self, timeout: Duration, _: &App) -> io::Result<Option<Event>> {
        if crossterm::event::poll(timeout)? {
            crossterm::event::read().map(Some)
        } else {
            Ok(None)
        }
    }
}

/// A frontend for measuring: an off-screen terminal and events given in advance, each handed
/// over once loading is done (a key typed while loading would wait for it anyway).
pub struct Script {
    pub terminal: Terminal<TestBackend>,
    pub events: VecDeque<Event>,
    /// Frames drawn.
    pub frames: usize,
}

impl Script {
    /// An off-screen terminal of `width`×`height` that will receive `events`.
    pub fn new(width: u16, height: u16, events: impl IntoIterator<Item = Event>) -> Script {
        Script {
            terminal: Terminal::new(TestBackend::new(width, height))
                .unwrap_or_else(|never| match never {}),
            events: events.into_iter().collect(),
            frames: 0,
        }
    }
}

impl Frontend for Script {
    fn area(&self) -> io::Result<Rect> {
        let size = self.terminal.backend().size().map_err(io::Error::other)?;
        Ok(Rect::new(0, 0, size.width, size.height))
    }

    fn draw(&mut self, app: &App) -> io::Result<()> {
        self.frames += 1;
        (self.terminal.draw(|frame| view::draw(frame, app)))
            .map(|_| ())
            .map_err(io::Error::other)
    }

    fn event(&mut self, timeout: Duration, app: &App) -> io::Result<Option<Event>> {
        if app.loading.is_some() {
            std::thread::sleep(timeout);
            return Ok(None);
        }
        Ok(self.events.pop_front())
    }
}
