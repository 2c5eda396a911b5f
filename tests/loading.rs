//! The loader: documents arrive in file order while the browser is open, and the extraction
//! cache spares reopening an unchanged corpus.

mod support;

use gazette::corpus::Corpus;
use gazette::session::stream::{self, Event, Input, Options};
use gazette::tui::app::App;
use gazette::tui::loading::{AfterLoad, LoadProgress};
use gazette::tui::theme::Theme;
use ratatui::layout::Rect;
use std::path::Path;
use std::time::Duration;

fn write_corpus(dir: &Path) {
    let seeds = Corpus::bundled();
    for (i, d) in seeds.docs.iter().enumerate() {
        std::fs::write(dir.join(format!("{i}.txt")), &d.text).unwrap();
    }
    std::fs::write(dir.join("broken.txt"), b"\x89PNG\r\n\x1a\n\0\0").unwrap();
}

/// A load of the folder `dir` with extraction, through `cache` if given.
fn extracting(dir: &Path, cache: Option<&Path>) -> stream::Loader {
    stream::start(
        Input::Paths(vec![dir.to_path_buf()]),
        Options {
            extract: true,
            cache_dir: cache.map(Path::to_path_buf),
        },
    )
}

/// (documents read from the cache, documents extracted) by one load.
fn load_counts(dir: &Path, cache: &Path) -> (usize, usize, Vec<String>) {
    let loader = extracting(dir, Some(cache));
    let mut names = Vec::new();
    for event in loader.events.iter().flatten() {
        match event {
            Event::Doc(d) => names.push(d.doc.path.clone()),
            Event::Finished {
                cached,
                extracted,
                cache_problem,
                ..
            } => {
                assert_eq!(cache_problem, None);
                return (cached, extracted, names);
            }
            _ => {}
        }
    }
    panic!("the loader stopped without finishing");
}

#[test]
fn reopening_takes_extraction_from_the_cache_and_redoes_a_changed_file_alone() {
    let dir = tempfile::tempdir().unwrap();
    let cache = tempfile::tempdir().unwrap();
    write_corpus(dir.path());
    let (cached, extracted, names) = load_counts(dir.path(), cache.path());
    assert_eq!((cached, extracted), (0, 5));
    assert_eq!(
        names,
        ["0.txt", "1.txt", "2.txt", "3.txt", "4.txt"],
        "file order"
    );
    let fresh = gazette::session::load_extracted(
        &[dir.path().to_path_buf()],
        &gazette::session::Sources::default(),
    );
    let (cached, extracted, _) = load_counts(dir.path(), cache.path());
    assert_eq!((cached, extracted), (5, 0));
    // What the cache gives back is what extraction gives.
    let from_cache = gazette::session::load_extracted(
        &[dir.path().to_path_buf()],
        &gazette::session::Sources {
            cache_dir: Some(cache.path().to_path_buf()),
            ..Default::default()
        },
    );
    assert_eq!(from_cache.1, fresh.1);
    let docs = |c: &Corpus| {
        c.docs
            .iter()
            .map(|d| (d.path.clone(), d.meta.clone(), d.lang, d.chrome.clone()))
            .collect::<Vec<_>>()
    };
    assert_eq!(docs(&from_cache.0), docs(&fresh.0));
    let edited = dir.path().join("3.txt");
    let text = std::fs::read_to_string(&edited).unwrap();
    std::fs::write(&edited, text.replace("Yingtan", "Nanchang")).unwrap();
    let (cached, extracted, _) = load_counts(dir.path(), cache.path());
    assert_eq!((cached, extracted), (4, 1));
}

#[test]
fn the_browser_fills_in_while_loading_and_decisions_wait_until_it_is_done() {
    let dir = tempfile::tempdir().unwrap();
    write_corpus(dir.path());
    let data = tempfile::tempdir().unwrap();
    let mut app = App::loading(Theme::new(false), Rect::new(0, 0, 120, 30));
    let loader = extracting(dir.path(), None);
    assert!(support::screen(&app).contains("listing files"));
    support::keys(&mut app, "/zh");
    assert!(
        support::screen(&app).contains("no person matches yet: still reading"),
        "{}",
        support::screen(&app)
    );
    support::keys(&mut app, "<Esc>");
    app.loading = Some(LoadProgress {
        total: Some(6),
        read: 3,
        ..LoadProgress::new()
    });
    assert!(
        support::screen(&app).contains("loading ▕██████░░░░░░▏ 3/6 files"),
        "{}",
        support::screen(&app)
    );
    while !app.receive(&loader.events, Duration::from_millis(50)) {}
    assert_eq!(app.ws.corpus.docs.len(), 5);
    assert_eq!(&app.list.docs[..], [0, 1, 2, 3, 4]);
    assert!(app
        .ws
        .corpus
        .warnings
        .iter()
        .any(|w| w.path == "broken.txt"));
    support::keys(&mut app, "]a");
    assert!(
        app.message
            .as_deref()
            .unwrap_or("")
            .contains("still loading"),
        "{:?}",
        app.message
    );
    app.finish_loading(&AfterLoad {
        store: Some(data.path().join("review.db")),
        ..AfterLoad::default()
    });
    assert!(app.loading.is_none());
    assert!(!support::screen(&app).contains("loading ▕"));
    support::keys(&mut app, "a");
    assert!(
        app.message.as_deref().unwrap_or("").contains("saved"),
        "{:?}",
        app.message
    );
}

#[test]
fn a_corpus_larger_than_the_size_sample_arrives_whole_and_in_order() {
    // More documents than the loader samples before making room for the rest.
    let dir = tempfile::tempdir().unwrap();
    for i in 0..700 {
        let text = format!("Visit {i}\n\nLi Qiang visited Hefei and Tianjin on day {i}.\n");
        std::fs::write(dir.path().join(format!("{i:04}.txt")), text).unwrap();
    }
    let mut app = App::loading(Theme::new(false), Rect::new(0, 0, 120, 30));
    let loader = extracting(dir.path(), None);
    while !app.receive(&loader.events, Duration::from_millis(50)) {}
    assert_eq!(app.ws.corpus.docs.len(), 700);
    assert_eq!(app.ws.corpus.docs[699].path, "0699.txt");
    let li = app
        .ws
        .index
        .entities
        .iter()
        .position(|e| e.name.starts_with("Li Qiang"))
        .expect("Li Qiang is an entity");
    assert_eq!(
        app.ws
            .index
            .entity(gazette::index::EntityId(li as u32))
            .docs
            .len(),
        700
    );
    assert_eq!(app.ws.review.reviews.len(), app.ws.index.mentions.len());
}

/// An empty list says what is happening: files being listed or read, or why none could be read
/// (every reason whole, wrapped to the pane) — never "no document matches the filters".
#[test]
fn an_empty_list_says_what_the_load_is_doing_or_why_nothing_was_read() {
    let mut app = App::loading(Theme::new(false), Rect::new(0, 0, 60, 20));
    assert!(support::screen(&app).contains("listing files…"));
    app.loading = Some(LoadProgress {
        total: Some(5),
        ..LoadProgress::new()
    });
    if let Some(loading) = &mut app.loading {
        loading.read = 3;
    }
    assert!(support::screen(&app).contains("reading 3/5 files…"));

    let corpus = Corpus {
        label: "/no/such/folder".into(),
        warnings: vec![gazette::corpus::LoadWarning {
            path: "/no/such/folder".into(),
            message: "skipped: no such file or folder".into(),
        }],
        ..Corpus::default()
    };
    let app = support::app_with(corpus, Theme::new(false), 60, 20);
    let screen = support::screen(&app);
    // The list pane's lines, read as one text.
    let said: String = (screen.lines())
        .filter_map(|l| l.strip_prefix('│')?.split('│').next())
        .flat_map(str::split_whitespace)
        .collect::<Vec<_>>()
        .join(" ");
    assert!(
        said.contains("no readable article in /no/such/folder"),
        "{screen}"
    );
    assert!(
        said.contains("no such file or"),
        "the reason, wrapped not cut: {screen}"
    );
    assert!(!said.contains("matches the filters"), "{screen}");
}
