//! Speed of the paths a user waits on: extraction, wrapping, drawing a frame, a filter
//! keystroke and a mention jump. Results and the machine are in the README.

// The browser's allocator, so that the figures are the browser's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use gazette::corpus::{Corpus, Document, SourceEncoding};
use gazette::extract::Extractor;
use gazette::session::analyze;
use gazette::session::stream::{load_all, Input, Options};
use gazette::text::wrap;
use gazette::tui::app::App;
use gazette::tui::filter::{rank, FilterPrompt, Scope};
use gazette::tui::nav::Dir;
use gazette::tui::theme::Theme;
use ratatui::backend::TestBackend;
use ratatui::layout::Rect;
use ratatui::Terminal;
use std::hint::black_box;

/// About `size` bytes of the bundled articles in one language, as one document.
fn big_doc(zh: bool, size: usize) -> Document {
    let seeds = Corpus::bundled();
    let body: String = seeds
        .docs
        .iter()
        .filter(|d| (d.lang.code() == "zh") == zh)
        .map(|d| &*d.text)
        .collect::<Vec<_>>()
        .join("\n\n");
    let mut text = String::with_capacity(size + body.len());
    while text.len() < size {
        text.push_str(&body);
        text.push_str("\n\n");
    }
    let mut doc = Document::new(
        gazette::corpus::DocId(0),
        "big.txt".into(),
        text,
        SourceEncoding::Utf8,
    );
    // The first article's footer would make the rest chrome, which extraction skips: the
    // whole text is read here, as an article of this size would be.
    doc.chrome.clear();
    doc
}

/// About `size` bytes dense with distinct names, companies and their short forms (English) or
/// titled names met again later (Chinese): the worst case for work per name.
fn dense_doc(zh: bool, size: usize) -> Document {
    const SYLLABLES: [&str; 16] = [
        "an", "bo", "dong", "fei", "gang", "hui", "kai", "lin", "ning", "rui", "song", "tao",
        "wei", "xin", "yong", "zhi",
    ];
    const SURNAMES: [&str; 8] = [
        "Wang", "Zhang", "Liu", "Chen", "Yang", "Huang", "Zhao", "Zhou",
    ];
    let (zh_surnames, zh_given): (Vec<char>, Vec<char>) = (
        "王李张刘陈杨黄赵".chars().collect(),
        "伟芳娜敏静丽强磊军洋勇杰涛明超平".chars().collect(),
    );
    let mut first = String::new();
    let mut again = String::new();
    for i in 0.. {
        if first.len() + again.len() >= size {
            break;
        }
        let (s, a, b) = (i % 8, (i / 8) % 16, (i / 128) % 16);
        if zh {
            let name: String = [zh_surnames[s], zh_given[a], zh_given[b]].iter().collect();
            first += &format!("局长{name}表示，第{i}项工作顺利。");
            again += &format!("会后{name}参加座谈。");
        } else {
            let name = format!("{} {}{}", SURNAMES[s], SYLLABLES[a], SYLLABLES[b]);
            first += &format!("Mayor {name} said Fengxiang{i} Technology Co., Ltd. grew. ");
            again += &format!("Later {name} visited Fengxiang{i} Technology again. ");
        }
    }
    Document::new(
        gazette::corpus::DocId(0),
        "dense.txt".into(),
        first + &again,
        SourceEncoding::Utf8,
    )
}

fn extraction(c: &mut Criterion) {
    let extractor = Extractor::default();
    let mut group = c.benchmark_group("extract");
    group.sample_size(10);
    for (name, zh) in [("en", false), ("zh", true)] {
        let doc = big_doc(zh, 1 << 20);
        extractor.extract(&doc); // tables and automata built before timing
        group.throughput(Throughput::Bytes(doc.text.len() as u64));
        group.bench_function(BenchmarkId::new("1MB", name), |b| {
            b.iter(|| black_box(extractor.extract(&doc)))
        });
    }
    for (name, zh) in [("en", false), ("zh", true)] {
        let doc = dense_doc(zh, 2 << 20);
        group.throughput(Throughput::Bytes(doc.text.len() as u64));
        group.bench_function(
            BenchmarkId::new("2MB dense with distinct names", name),
            |b| b.iter(|| black_box(extractor.extract(&doc))),
        );
    }
    // What the loader does per file on a first open: metadata, page chrome, extraction and the
    // cache entry, article by article (per-article costs included).
    let seeds = Corpus::bundled();
    let bytes: usize = seeds.docs.iter().map(|d| d.text.len()).sum();
    group.throughput(Throughput::Bytes(bytes as u64));
    group.bench_function("bundled articles, each as on first open", |b| {
        b.iter(|| {
            for d in &seeds.docs {
                let doc = Document::new(
                    gazette::corpus::DocId(0),
                    d.path.clone(),
                    d.text.clone(),
                    SourceEncoding::Utf8,
                );
                black_box(gazette::cache::Analysis::of(&doc, &extractor));
            }
        })
    });
    group.finish();
}

fn wrapping(c: &mut Criterion) {
    let mut group = c.benchmark_group("wrap");
    for (name, zh) in [("en", false), ("zh", true)] {
        let doc = big_doc(zh, 1 << 20);
        group.throughput(Throughput::Bytes(doc.text.len() as u64));
        group.bench_function(BenchmarkId::new("1MB at 200 columns", name), |b| {
            b.iter(|| black_box(wrap(&doc.text, 200)))
        });
    }
    group.finish();
}

fn frame(c: &mut Criterion) {
    let mut corpus = Corpus::default();
    let doc = big_doc(true, 1 << 20);
    corpus.push_bytes("big.txt".into(), doc.text.as_bytes());
    let index = analyze(&corpus);
    let mut app = App::new(corpus, index, Theme::new(true), Rect::new(0, 0, 260, 62));
    app.reader.top = app
        .reader
        .wrapped
        .as_ref()
        .map_or(0, |(_, w)| w.lines.len() / 2);
    let mut terminal = Terminal::new(TestBackend::new(260, 62)).expect("test terminal");
    c.bench_function(
        "draw a frame, 1MB Chinese article, scrolled to the middle",
        |b| {
            b.iter(|| {
                terminal
                    .draw(|f| gazette::tui::view::draw(f, &app))
                    .map(|_| ())
            })
        },
    );
}

/// An index of `n` distinct romanized names (one entity each), 100 to a document.
fn names_index(n: usize) -> gazette::index::Index {
    let syllables: Vec<&str> = include_str!("../assets/pinyin_syllables.txt")
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .collect();
    let k = syllables.len();
    let cap = |s: &str| s[..1].to_uppercase() + &s[1..];
    let mut corpus = Corpus::default();
    let mut mentions = Vec::new();
    let mut text = String::new();
    let mut spans = Vec::new();
    for i in 0..n {
        let name = format!(
            "{} {}{}",
            cap(syllables[i % k]),
            cap(syllables[(i / k) % k]),
            syllables[(i / k / k) % k]
        );
        spans.push((text.len()..text.len() + name.len(), name.clone()));
        text.push_str(&name);
        text.push_str(". ");
        if spans.len() == 100 || i + 1 == n {
            let doc = corpus.docs.len() as u32;
            corpus.push_bytes(format!("{doc}.txt"), text.as_bytes());
            for (span, name) in spans.drain(..) {
                mentions.push(gazette::model::Mention {
                    doc: gazette::corpus::DocId(doc),
                    span,
                    label: gazette::model::Label::Person,
                    key: format!("person:{}", name.to_lowercase()).into(),
                    canonical: name.into(),
                    source: gazette::model::Source::Builtin("bench"),
                });
            }
            text.clear();
        }
    }
    gazette::index::Index::build(&corpus, mentions)
}

fn filtering(c: &mut Criterion) {
    let index = names_index(200_000);
    let mut group = c.benchmark_group("filter keystroke, 200,000 names");
    group.sample_size(20);
    for query in ["z", "zh", "zhang", "xiao ming"] {
        group.bench_function(format!("{query:?}"), |b| {
            b.iter(|| black_box(rank(&index, query, Scope::Any)))
        });
    }
    group.finish();
    let index = names_index(1_000_000);
    let mut group = c.benchmark_group("filter, 1,000,000 names");
    group.sample_size(10);
    group.bench_function("one step of a progressive scan, \"z\"", |b| {
        let mut prompt = FilterPrompt::open(&index);
        prompt.query = "z".into();
        b.iter(|| {
            prompt.restart();
            prompt.advance(&index, std::time::Duration::ZERO);
        })
    });
    group.finish();
}

/// The bundled articles repeated `copies` times, with their mentions, as one corpus.
fn repeated_seeds(copies: usize) -> (Corpus, gazette::index::Index) {
    let seeds = Corpus::bundled();
    let mentions = gazette::session::extract_all(&seeds);
    let mut corpus = Corpus::default();
    let mut all = Vec::new();
    for copy in 0..copies {
        for d in &seeds.docs {
            let id = corpus.docs.len() as u32;
            corpus.push_bytes(format!("{copy}/{}", d.path), d.text.as_bytes());
            all.extend(mentions.iter().filter(|m| m.doc == d.id).map(|m| {
                let mut m = m.clone();
                m.doc = gazette::corpus::DocId(id);
                m
            }));
        }
    }
    let index = gazette::index::Index::build(&corpus, all);
    (corpus, index)
}

fn jumping(c: &mut Criterion) {
    // 10,000 documents; Xi Jinping is mentioned in 4,000 of them.
    let (corpus, index) = repeated_seeds(2_000);
    let mut app = App::new(corpus, index, Theme::new(true), Rect::new(0, 0, 160, 45));
    let xi = app
        .ws
        .index
        .entities
        .iter()
        .position(|e| &*e.key == "person:xi|jinping")
        .unwrap_or(0) as u32;
    app.add_filter(gazette::index::EntityId(xi));
    c.bench_function("jump to the next mention, 10,000 documents", |b| {
        b.iter(|| app.jump(Dir::Next))
    });
    // The first press after the list changed works out the entity's walk.
    c.bench_function("first jump after a filter change, 10,000 documents", |b| {
        b.iter(|| {
            app.walk = None;
            app.jump(Dir::Next)
        })
    });
}

fn exploring(c: &mut Criterion) {
    // 100,000 documents (the bundled five, 20,000 times); Xi Jinping is in 60,000 of them.
    let (corpus, index) = repeated_seeds(20_000);
    let xi = (index.entities.iter())
        .position(|e| &*e.key == "person:xi|jinping")
        .unwrap_or(0) as u32;
    let all: Vec<gazette::corpus::DocId> = gazette::corpus::DocId::all(corpus.docs.len()).collect();
    let mut group = c.benchmark_group("exploring 100,000 documents");
    group.sample_size(10);
    group.bench_function("profile of the most mentioned person", |b| {
        b.iter(|| gazette::explore::profile(&corpus, &index, gazette::index::EntityId(xi)))
    });
    group.bench_function("person × region pairs by document", |b| {
        b.iter(|| {
            gazette::explore::cooc(
                &corpus,
                &index,
                &all,
                &gazette::model::Label::Person,
                &gazette::model::Label::Region,
                gazette::explore::Together::Document,
            )
        })
    });
    use gazette::session::select::{docs_matching, Clause};
    let filters = [
        Clause::AnyOf(vec![
            gazette::index::EntityId(xi),
            gazette::index::EntityId(0),
        ]),
        Clause::Date {
            from: "2020".into(),
            to: "2022-12".into(),
        },
        Clause::Lang("en".into()),
    ];
    group.bench_function("a filter change: OR, a date range and a language", |b| {
        b.iter(|| docs_matching(&corpus, &index, &filters))
    });
    // The full-text index of the same 100,000 documents (built once, outside the timing).
    let dir = tempfile::tempdir().expect("temp dir");
    let inputs = gazette::search::index::inputs(&corpus);
    let text_index =
        gazette::search::TextIndex::open(dir.path(), &inputs, &|_, _| {}).expect("full-text index");
    for query in ["party committee", "科创园", "high-tech zone"] {
        group.bench_function(format!("search {query:?}"), |b| {
            b.iter(|| text_index.search(query))
        });
    }
    group.finish();
}

/// Opens `dir` as the browser does, to a usable, fully filterable state (cache in `cache`,
/// review database in `data`), waiting for a snapshot to be written as quitting does.
fn open_in_browser(dir: &std::path::Path, cache: &std::path::Path, data: &std::path::Path) -> App {
    // The browser's own loop, on an off-screen terminal: q as soon as the corpus is in.
    let quit = crossterm::event::Event::Key(crossterm::event::KeyEvent::from(
        crossterm::event::KeyCode::Char('q'),
    ));
    let mut script = gazette::tui::event_loop::Script::new(160, 45, [quit]);
    let launch = gazette::tui::Launch {
        paths: vec![dir.to_path_buf()],
        after: gazette::tui::loading::AfterLoad {
            sources: gazette::session::Sources {
                cache_dir: Some(cache.to_path_buf()),
                ..Default::default()
            },
            store: Some(data.join("review.db")),
            ..Default::default()
        },
        ..Default::default()
    };
    let mut app = gazette::tui::event_loop::run_on(&mut script, launch, true).expect("the loop");
    app.wait_for_snapshot();
    app
}

/// Writes `n` articles recombined from the bundled ones into `dir`, 1,000 to a folder.
fn write_articles(dir: &std::path::Path, n: usize) {
    let seeds = Corpus::bundled();
    for i in 0..n {
        let d = &seeds.docs[i % seeds.docs.len()];
        let sub = dir.join(format!("{:03}", i / 1000));
        std::fs::create_dir_all(&sub).expect("folder");
        let text = format!("{}\n\nArticle {i}.\n", d.text);
        std::fs::write(sub.join(format!("{i:06}.txt")), text).expect("write");
    }
}

fn reopening(c: &mut Criterion) {
    let mut group = c.benchmark_group("reopen");
    group.sample_size(10);
    // An unchanged corpus, as the browser reopens it (from its snapshot). The corpus of
    // $GAZETTE_BENCH_CORPUS (such as 100,000 articles from examples/gen_corpus), else 10,000
    // articles written here.
    let written = tempfile::tempdir().expect("temp dir");
    let corpus = match std::env::var_os("GAZETTE_BENCH_CORPUS") {
        Some(dir) => std::path::PathBuf::from(dir),
        None => {
            write_articles(written.path(), 10_000);
            written.path().to_path_buf()
        }
    };
    let (cache, data) = (
        tempfile::tempdir().expect("temp dir"),
        tempfile::tempdir().expect("temp dir"),
    );
    let first = open_in_browser(&corpus, cache.path(), data.path());
    let articles = first.ws.corpus.docs.len();
    drop(first);
    group.throughput(Throughput::Elements(articles as u64));
    group.bench_function(
        format!("{articles} unchanged articles to a filterable browser"),
        |b| b.iter(|| black_box(open_in_browser(&corpus, cache.path(), data.path()))),
    );
    // After a change the snapshot is not used: each file is read and its extraction looked up
    // in the per-file cache (which this load never gives a snapshot).
    let dir = tempfile::tempdir().expect("temp dir");
    let cache = tempfile::tempdir().expect("temp dir");
    write_articles(dir.path(), 2_000);
    let options = Options {
        extract: true,
        cache_dir: Some(cache.path().to_path_buf()),
    };
    let input = Input::Paths(vec![dir.path().to_path_buf()]);
    load_all(input.clone(), options.clone());
    group.throughput(Throughput::Elements(2_000));
    group.bench_function(
        "2,000 changed articles, extraction cached, to a filterable index",
        |b| {
            b.iter(|| {
                let (corpus, mentions) = load_all(input.clone(), options.clone());
                black_box(gazette::index::Index::build(&corpus, mentions))
            })
        },
    );
    group.finish();
}

criterion_group!(benches, extraction, wrapping, frame, filtering, jumping, exploring, reopening);
criterion_main!(benches);
