//! The corpus snapshot: an unchanged corpus reopens from it exactly as it was loaded, any change
//! takes the usual load, and a damaged snapshot is only slower, never wrong.

mod support;

use gazette::corpus::Corpus;
use gazette::session::stream::{self, Event, Input, Options};
use gazette::tui::app::App;
use gazette::tui::filter::{rank, Scope};
use gazette::tui::loading::AfterLoad;
use gazette::tui::theme::Theme;
use ratatui::layout::Rect;
use std::path::{Path, PathBuf};
use std::sync::mpsc::sync_channel;
use std::time::Duration;

/// The five bundled articles, one in GBK and one with a stray invalid byte, and a brat file.
fn write_corpus(dir: &Path) {
    let seeds = Corpus::bundled();
    for (i, d) in seeds.docs.iter().enumerate() {
        std::fs::write(dir.join(format!("{i}.txt")), &d.text).unwrap();
    }
    let (gbk, _, _) = encoding_rs::GB18030.encode("天津滨海新区召开会议。习近平总书记强调。");
    std::fs::write(dir.join("5-gbk.txt"), gbk).unwrap();
    let mut repaired = "Li Qiang visited Hefei. ".repeat(20).into_bytes();
    repaired.insert(40, 0xFF);
    std::fs::write(dir.join("6-repaired.txt"), repaired).unwrap();
    let first: String = seeds.docs[0].text.chars().take(5).collect();
    std::fs::write(dir.join("0.ann"), format!("T1\tPERSON 0 5\t{first}\n")).unwrap();
}

/// What one open of `dir` gave the browser, and whether it came from the snapshot.
struct Opened {
    app: App,
    restored: bool,
}

/// Opens `dir` as the browser does (cache in `cache`, review database in `data`), waiting for
/// the snapshot to be written as quitting does.
fn open(dir: &Path, cache: &Path, data: &Path) -> Opened {
    let loader = stream::start(
        Input::Paths(vec![dir.to_path_buf()]),
        Options {
            extract: true,
            cache_dir: Some(cache.to_path_buf()),
        },
    );
    // The loader's events pass through here on their way to the browser, to be looked at.
    let (tx, rx) = sync_channel(1024);
    let mut restored = false;
    for batch in loader.events.iter() {
        let finished = batch.iter().any(|e| matches!(e, Event::Finished { .. }));
        restored |= batch.iter().any(|e| matches!(e, Event::Restored(_)));
        tx.send(batch).unwrap();
        if finished {
            break;
        }
    }
    let mut app = App::loading(Theme::new(false), Rect::new(0, 0, 140, 40));
    while !app.receive(&rx, Duration::from_millis(50)) {}
    app.finish_loading(&AfterLoad {
        store: Some(data.join("review.db")),
        ..AfterLoad::default()
    });
    assert!(app.wait_for_snapshot(), "the snapshot writer ended well");
    Opened { app, restored }
}

/// Everything about the documents a user can see, but their texts.
fn documents(app: &App) -> Vec<String> {
    app.ws
        .corpus
        .docs
        .iter()
        .map(|d| {
            let entities: Vec<_> = (app.ws.index.doc_entities(d.id).iter())
                .map(|&(e, n)| (app.ws.index.entity(e).name.clone(), n))
                .collect();
            format!(
                "{} {:?} {:?} {:?} {:?} {:?}",
                d.path, d.meta, d.lang, d.chrome, d.encoding, entities
            )
        })
        .collect()
}

/// A corpus folder, a cache folder and a data folder, all empty.
fn folders() -> (tempfile::TempDir, tempfile::TempDir, tempfile::TempDir) {
    let new = || tempfile::tempdir().unwrap();
    (new(), new(), new())
}

fn snapshot_files(cache: &Path) -> Vec<PathBuf> {
    std::fs::read_dir(cache)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.to_string_lossy().contains("snapshot-"))
        .collect()
}

#[test]
fn an_unchanged_corpus_reopens_from_its_snapshot_exactly_as_it_was_loaded() {
    let (dir, cache, data) = folders();
    write_corpus(dir.path());
    let first = open(dir.path(), cache.path(), data.path());
    assert!(!first.restored);
    assert_eq!(
        snapshot_files(cache.path()).len(),
        1,
        "written on the first open"
    );
    let again = open(dir.path(), cache.path(), data.path());
    assert!(again.restored);
    let (a, b) = (&first.app, &again.app);
    assert_eq!(documents(b), documents(a));
    assert_eq!(
        b.ws.index.mentions, a.ws.index.mentions,
        "with the brat file's mention"
    );
    assert_eq!(b.ws.corpus.warnings, a.ws.corpus.warnings);
    assert!(b
        .ws
        .corpus
        .warnings
        .iter()
        .any(|w| w.path == "6-repaired.txt"));
    assert_eq!(b.ws.review.reviews.len(), b.ws.index.mentions.len());
    let names = |app: &App, q: &str| -> Vec<String> {
        (rank(&app.ws.index, q, Scope::Any).iter())
            .map(|m| app.ws.index.entity(m.entity).name.clone())
            .collect()
    };
    assert_eq!(names(b, "xi"), names(a, "xi"));
    assert!(!names(b, "xi").is_empty());
    // No text is held (the brat file's document was read, and let go); each is read from its
    // file when shown, GBK included.
    assert!(b.ws.corpus.docs.iter().skip(1).all(|d| !d.text.is_held()));
    let gbk = &b.ws.corpus.docs[5];
    assert_eq!(&*gbk.text, "天津滨海新区召开会议。习近平总书记强调。");
    let (mut a, mut b) = (first.app, again.app);
    support::keys(&mut a, "jjjjj");
    support::keys(&mut b, "jjjjj");
    assert_eq!(support::screen(&b), support::screen(&a));
    assert!(
        support::screen(&b).contains("滨海新区"),
        "{}",
        support::screen(&b)
    );
}

#[test]
fn a_changed_new_or_removed_file_takes_the_usual_load_and_a_fresh_snapshot() {
    let (dir, cache, data) = folders();
    write_corpus(dir.path());
    open(dir.path(), cache.path(), data.path());
    // Same length, other place: only the content tells.
    let edited = dir.path().join("3.txt");
    let text = std::fs::read_to_string(&edited).unwrap();
    assert!(text.contains("Yingtan"));
    std::fs::write(&edited, text.replace("Yingtan", "Nanzhan")).unwrap();
    let changed = open(dir.path(), cache.path(), data.path());
    assert!(!changed.restored);
    let has = |app: &App, name: &str| app.ws.index.entities.iter().any(|e| e.name == name);
    assert!(!has(&changed.app, "Yingtan"), "the edit is seen");
    let after_edit = open(dir.path(), cache.path(), data.path());
    assert!(after_edit.restored, "the snapshot was taken again");
    assert!(!has(&after_edit.app, "Yingtan"));
    std::fs::write(dir.path().join("7-new.txt"), "Wang Yi visited Tianjin.").unwrap();
    let added = open(dir.path(), cache.path(), data.path());
    assert!(!added.restored);
    assert_eq!(added.app.ws.corpus.docs.len(), 8);
    std::fs::remove_file(dir.path().join("7-new.txt")).unwrap();
    let removed = open(dir.path(), cache.path(), data.path());
    assert!(!removed.restored);
    assert_eq!(removed.app.ws.corpus.docs.len(), 7);
    assert_eq!(
        snapshot_files(cache.path()).len(),
        1,
        "one snapshot per corpus"
    );
}

#[test]
fn a_damaged_snapshot_is_read_past_and_written_again() {
    let (dir, cache, data) = folders();
    write_corpus(dir.path());
    let first = open(dir.path(), cache.path(), data.path());
    let [snapshot] = &snapshot_files(cache.path())[..] else {
        panic!("one snapshot");
    };
    let mut bytes = std::fs::read(snapshot).unwrap();
    let middle = bytes.len() / 2;
    bytes[middle] ^= 0x55;
    std::fs::write(snapshot, &bytes).unwrap();
    let damaged = open(dir.path(), cache.path(), data.path());
    assert!(!damaged.restored);
    assert_eq!(documents(&damaged.app), documents(&first.app));
    std::fs::write(snapshot, b"GZSNAP02 too short").unwrap();
    assert!(!open(dir.path(), cache.path(), data.path()).restored);
    assert!(
        open(dir.path(), cache.path(), data.path()).restored,
        "written again"
    );
}

#[test]
fn subcommands_reading_the_snapshot_give_what_extraction_gives() {
    let (dir, cache, data) = folders();
    write_corpus(dir.path());
    open(dir.path(), cache.path(), data.path());
    let paths = [dir.path().to_path_buf()];
    let fresh = gazette::session::load_extracted(&paths, &gazette::session::Sources::default());
    let sources = gazette::session::Sources {
        cache_dir: Some(cache.path().to_path_buf()),
        ..Default::default()
    };
    let (corpus, mentions) = gazette::session::load_extracted(&paths, &sources);
    assert_eq!(mentions, fresh.1);
    let texts = |c: &Corpus| {
        c.docs
            .iter()
            .map(|d| d.text.to_string())
            .collect::<Vec<_>>()
    };
    assert_eq!(texts(&corpus), texts(&fresh.0));
}

#[test]
fn the_mention_list_of_a_large_entity_reads_only_the_documents_on_screen() {
    let (dir, cache, data) = folders();
    for i in 0..120 {
        let text = format!("Visit {i}\n\nLi Qiang visited Hefei on day {i}, then Tianjin.\n");
        std::fs::write(dir.path().join(format!("{i:03}.txt")), text).unwrap();
    }
    open(dir.path(), cache.path(), data.path());
    let mut app = open(dir.path(), cache.path(), data.path()).app;
    support::keys(&mut app, "/li qiang<Enter>m");
    let screen = support::screen(&app);
    assert!(screen.contains("120 mentions in 120 documents"), "{screen}");
    assert!(screen.contains("on day 3, then"), "{screen}");
    let held = app.ws.corpus.texts_held();
    assert!(held <= 40, "{held} texts read for one screen of the list");
}

/// A file rewritten and set back to its old size and modification time (`touch -d`, a restore
/// from backup) is still seen to have changed: the reopen reads it, never the old entities.
#[test]
fn a_file_rewritten_with_its_old_size_and_time_is_read_again() {
    let (dir, cache, data) = folders();
    write_corpus(dir.path());
    open(dir.path(), cache.path(), data.path());
    let edited = dir.path().join("3.txt");
    let text = std::fs::read_to_string(&edited).unwrap();
    let modified = std::fs::metadata(&edited).unwrap().modified().unwrap();
    // Let the clock move on, so that the change time differs whatever its resolution.
    std::thread::sleep(Duration::from_millis(1100));
    std::fs::write(&edited, text.replace("Yingtan", "Nanzhan")).unwrap();
    let file = std::fs::File::options().write(true).open(&edited).unwrap();
    file.set_modified(modified).unwrap();
    drop(file);
    let meta = std::fs::metadata(&edited).unwrap();
    assert_eq!(
        (meta.len() as usize, meta.modified().unwrap()),
        (text.len(), modified)
    );
    let reopened = open(dir.path(), cache.path(), data.path());
    assert!(
        !reopened.restored,
        "the snapshot is not taken for the changed file"
    );
    let has = |name: &str| {
        reopened
            .app
            .ws
            .index
            .entities
            .iter()
            .any(|e| e.name == name)
    };
    assert!(!has("Yingtan"), "the old entities are gone");
}
