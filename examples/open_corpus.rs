//! Opens a corpus the way the browser does, without a terminal, and reports how long it took to
//! be fully loaded and filterable, and the memory it holds:
//! `cargo run --release --example open_corpus -- PATH [--no-cache]`.
//! The cache is the browser's (`GAZETTE_CACHE_DIR` to choose another).

use crossterm::event::{Event, KeyCode, KeyEvent};
use gazette::tui::app::App;
use gazette::tui::event_loop::{run_on, Launch, Script};
use gazette::tui::filter::{rank, Scope};
use gazette::tui::loading::AfterLoad;
use std::path::PathBuf;
use std::time::{Duration, Instant};

// The browser's allocator, so that time and memory are the browser's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// A line of /proc/self/status, such as "VmRSS:   123456 kB".
fn status(field: &str) -> String {
    std::fs::read_to_string("/proc/self/status")
        .unwrap_or_default()
        .lines()
        .find(|l| l.starts_with(field))
        .map_or_else(
            || "?".into(),
            |l| l.split_whitespace().skip(1).collect::<Vec<_>>().join(" "),
        )
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let no_cache = args.iter().any(|a| a == "--no-cache");
    let paths: Vec<PathBuf> = args
        .iter()
        .filter(|a| !a.starts_with("--"))
        .map(PathBuf::from)
        .collect();
    if let Some(log) = std::env::var_os("GAZETTE_LOG") {
        if let Err(e) = gazette::debug_log::init(std::path::Path::new(&log)) {
            eprintln!("{e}");
        }
    }
    let cache_dir = gazette::session::cache_dir(no_cache);
    let started = Instant::now();
    // The browser's own loop on an off-screen terminal: q as soon as the corpus is in.
    let quit = Event::Key(KeyEvent::from(KeyCode::Char('q')));
    let mut script = Script::new(160, 45, [quit]);
    let launch = Launch {
        paths: paths.clone(),
        after: AfterLoad {
            sources: gazette::session::Sources {
                cache_dir: cache_dir.clone(),
                ..Default::default()
            },
            ..Default::default()
        },
        ..Default::default()
    };
    let mut app = match run_on(&mut script, launch, true) {
        Ok(app) => app,
        Err(e) => return eprintln!("{e}"),
    };
    app.quit = false;
    let frames = script.frames;
    let loaded = started.elapsed();
    let filter_started = Instant::now();
    let found = rank(&app.ws.index, "z", Scope::Any).len();
    // Known without reading the texts (those of a restored corpus are read when shown).
    let bytes: usize = app.ws.corpus.docs.iter().map(|d| d.text.byte_len()).sum();
    println!(
        "loaded in {:.2} s ({frames} frames): {} documents, {:.0} MB of text, {} mentions, {} entities, {} search names",
        loaded.as_secs_f64(),
        app.ws.corpus.docs.len(),
        bytes as f64 / 1e6,
        app.ws.index.mentions.len(),
        app.ws.index.entities.len(),
        app.ws.index.search_names().len(),
    );
    println!(
        "filter \"z\" over everything: {found} entities in {:.1} ms",
        filter_started.elapsed().as_secs_f64() * 1e3
    );
    println!(
        "memory: VmRSS {} (peak {})",
        status("VmRSS"),
        status("VmHWM")
    );
    // The allocator returns freed pages after a moment: what stays while the user reads.
    std::thread::sleep(Duration::from_secs(2));
    println!("memory after 2 s idle: VmRSS {}", status("VmRSS"));
    if args.iter().any(|a| a == "--search") {
        // The full-text index, built (or brought up to date) on its thread after the load.
        let started = Instant::now();
        while matches!(
            app.text_index,
            gazette::tui::search::IndexState::Building { .. }
        ) {
            app.poll_text_index();
            std::thread::sleep(Duration::from_millis(20));
        }
        println!(
            "full-text index ready {:.1} s after the load; memory: VmRSS {} (peak {})",
            started.elapsed().as_secs_f64(),
            status("VmRSS"),
            status("VmHWM")
        );
        if let gazette::tui::search::IndexState::Ready(index) = &app.text_index {
            for q in [
                "party committee",
                "qingdao",
                "high-tech zone committee",
                "科创园",
                "新区",
            ] {
                let started = Instant::now();
                let found = index.search(q).and_then(Result::ok).map_or(0, |d| d.len());
                println!(
                    "search {q:?}: {found} documents in {:.1} ms",
                    started.elapsed().as_secs_f64() * 1e3
                );
            }
        }
    }
    if args.iter().any(|a| a == "--decide") {
        // One review decision and its undo, as keys: how long a reviewer waits at this size.
        let key = |app: &mut App, c: char| {
            let started = Instant::now();
            app.handle(crossterm::event::Event::Key(
                crossterm::event::KeyEvent::from(crossterm::event::KeyCode::Char(c)),
            ));
            app.run_effects();
            started.elapsed().as_secs_f64() * 1e3
        };
        key(&mut app, ']');
        let accept = key(&mut app, 'a');
        let undo = key(&mut app, 'u');
        println!("accept: {accept:.0} ms, undo: {undo:.0} ms");
        key(&mut app, ']');
        key(&mut app, 'R');
        let relabel = key(&mut app, 'o');
        let undo = key(&mut app, 'u');
        println!(
            "relabel (the mention moves to another entity): {relabel:.0} ms, undo: {undo:.0} ms"
        );
        key(&mut app, ']');
        key(&mut app, 'b');
        key(&mut app, '>');
        let enter = |app: &mut App| {
            let started = Instant::now();
            app.handle(crossterm::event::Event::Key(
                crossterm::event::KeyEvent::from(crossterm::event::KeyCode::Enter),
            ));
            app.run_effects();
            started.elapsed().as_secs_f64() * 1e3
        };
        let moved = enter(&mut app);
        let undo = key(&mut app, 'u');
        println!("boundary moved (its document's mentions replaced in the index): {moved:.0} ms, undo: {undo:.0} ms");
        key(&mut app, '+');
        key(&mut app, '>');
        let added = key(&mut app, 'p');
        let undo = key(&mut app, 'u');
        println!("mention added: {added:.0} ms, undo: {undo:.0} ms");
        // Entity decisions on the two persons with most mentions: a merge moves every mention
        // of one to the other.
        let mut persons: Vec<_> = (0..app.ws.index.entities.len() as u32)
            .map(gazette::index::EntityId)
            .filter(|&e| app.ws.index.entity(e).label == gazette::model::Label::Person)
            .collect();
        persons.sort_by_key(|&e| std::cmp::Reverse(app.ws.index.entity(e).mentions.len()));
        if let [into, from, ..] = persons[..] {
            let moving = app.ws.index.entity(from).mentions.len();
            app.toggle_mark(from);
            app.current_entity = Some(into);
            key(&mut app, 'M');
            let merged = key(&mut app, 'y');
            let undo = key(&mut app, 'u');
            println!("merge ({moving} mentions move): {merged:.0} ms, undo: {undo:.0} ms");
            key(&mut app, 'r');
            let renamed = enter(&mut app);
            let renamed_again = {
                app.current_entity = Some(into);
                key(&mut app, 'r');
                key(&mut app, 'z');
                enter(&mut app)
            };
            let undo = key(&mut app, 'u');
            println!("rename: {renamed_again:.0} ms (unchanged name: {renamed:.0} ms), undo: {undo:.0} ms");
        }
        // Exploring: the most mentioned person's profile, and who appears with whom.
        if let Some(&top) = persons.first() {
            let started = Instant::now();
            let p = gazette::explore::profile(&app.ws.corpus, &app.ws.index, top);
            println!(
                "profile of the most mentioned person ({} mentions, {} documents, {} read): {:.0} ms",
                p.mentions,
                p.docs,
                p.texts_read,
                started.elapsed().as_secs_f64() * 1e3
            );
        }
        let all: Vec<gazette::corpus::DocId> =
            gazette::corpus::DocId::all(app.ws.corpus.docs.len()).collect();
        for together in [
            gazette::explore::Together::Document,
            gazette::explore::Together::Sentence,
        ] {
            let started = Instant::now();
            let pairs = gazette::explore::cooc(
                &app.ws.corpus,
                &app.ws.index,
                &all,
                &gazette::model::Label::Person,
                &gazette::model::Label::Region,
                together,
            );
            println!(
                "person × region pairs by {together:?} over every document: {} pairs in {:.0} ms",
                pairs.len(),
                started.elapsed().as_secs_f64() * 1e3
            );
        }
        let started = Instant::now();
        let clause = gazette::session::select::Clause::parse_meta("date:2021-01..2021-06");
        if let Some(Ok(clause)) = clause {
            let docs =
                gazette::session::select::docs_matching(&app.ws.corpus, &app.ws.index, &[clause]);
            println!(
                "a date filter over every document: {} documents in {:.1} ms",
                docs.len(),
                started.elapsed().as_secs_f64() * 1e3
            );
        }
        // What rebuilding the whole index costs (decisions from elsewhere touching many documents).
        let mentions = app.ws.index.mentions.clone();
        let started = Instant::now();
        let rebuilt = app.ws.index.rebuild(&app.ws.corpus, mentions);
        let held = app.ws.corpus.texts_held();
        println!(
            "a whole index rebuilt (when many documents change at once): {:.0} ms, {} mentions, {held} texts held",
            started.elapsed().as_secs_f64() * 1e3,
            rebuilt.mentions.len()
        );
    }
    // As on quitting the browser: the next open restores what this one wrote.
    let started = Instant::now();
    app.wait_for_snapshot();
    println!(
        "snapshot written (waited {:.2} s); memory: VmRSS {}",
        started.elapsed().as_secs_f64(),
        status("VmRSS")
    );
    drop(app);
}
