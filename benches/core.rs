//! Speed of the paths a user waits on: extraction, wrapping, drawing a frame, a filter
//! keystroke and a mention jump. Results and the machine are in the README.

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use gazette::cli::analyze;
use gazette::corpus::{Corpus, Document, SourceEncoding};
use gazette::extract::Extractor;
use gazette::text::wrap;
use gazette::tui::app::App;
use gazette::tui::filter::{rank, Scope};
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
        .map(|d| d.text.as_str())
        .collect::<Vec<_>>()
        .join("\n\n");
    let mut text = String::with_capacity(size + body.len());
    while text.len() < size {
        text.push_str(&body);
        text.push_str("\n\n");
    }
    Document::new(0, "big.txt".into(), text, SourceEncoding::Utf8)
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
    let mut app = App::new(
        corpus,
        index,
        Theme { color: true },
        Rect::new(0, 0, 260, 62),
    );
    app.reader_top = app.wrapped.as_ref().map_or(0, |(_, w)| w.lines.len() / 2);
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

fn filtering(c: &mut Criterion) {
    let corpus = Corpus::bundled();
    let index = analyze(&corpus);
    for query in ["l", "lian", "天津"] {
        c.bench_function(&format!("filter keystroke, seeds, {query:?}"), |b| {
            b.iter(|| black_box(rank(&index, query, Scope::Any)))
        });
    }
    let mut app = App::new(
        corpus,
        analyze(&Corpus::bundled()),
        Theme { color: true },
        Rect::new(0, 0, 160, 45),
    );
    let xi = app
        .index
        .entities
        .iter()
        .position(|e| e.name == "习近平")
        .unwrap_or(0) as u32;
    app.add_filter(xi);
    c.bench_function("jump to the next mention", |b| {
        b.iter(|| app.jump(Dir::Next))
    });
}

criterion_group!(benches, extraction, wrapping, frame, filtering);
criterion_main!(benches);
