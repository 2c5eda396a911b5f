//! Drawing reads no file: every view is drawn from the texts read for the screen before
//! drawing. With a text cache that refuses every read, each view still draws, shows why it
//! cannot show the text, and shows none of it.

mod support;

use gazette::formats::import::{read_file, resolve};
use gazette::formats::Unit;
use gazette::session::TextCache;
use gazette::tui::app::App;
use gazette::tui::compare::Compare;
use support::{app, keys, screen};

const REFUSED: &str = "test: every read refused";

/// The browser on the bundled corpus, compared with its gold, every text read refused.
fn refusing_app() -> App {
    let mut a = app(150, 44);
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/gold/seeds.jsonl");
    let (raw, _) = read_file(&path);
    let gold = resolve(&a.ws.corpus, &raw, "seeds.jsonl", Unit::Codepoints);
    a.ws.compare = Some(Compare::new(a.ws.corpus.docs.len(), &gold.mentions));
    a.refresh_compare();
    a.ws.texts = TextCache::with_reader(|_| Err(REFUSED.into()));
    a.sync();
    a
}

/// A phrase from the body of the first article (not its title, which the list shows).
const BODY: &str = "went to Binhai High-tech Industrial Zone";

#[test]
fn every_view_draws_without_its_text_and_says_why() {
    let views: &[(&str, &str, &str)] = &[
        (
            "list, reader and entities",
            "",
            "Cannot show this file (test: every read refused",
        ),
        ("reader focused", "<Tab>", "Cannot show this file"),
        ("filter prompt", "/lian", "scope: Person"),
        ("help", "?", "Anywhere"),
        (
            "mention list",
            "/lian<Enter>nm",
            "[cannot show: test: every read refused]",
        ),
        ("relabel", "]R", "Relabel as"),
        ("bulk scope", "]A", "which mentions?"),
        ("bulk confirm", "]As", "Accept every"),
        (
            "boundaries",
            "]b",
            "[cannot show: test: every read refused]",
        ),
        ("new mention", "+", "New mention"),
        (
            "disagreements",
            "e",
            "[cannot show: test: every read refused]",
        ),
    ];
    for (name, typed, shown) in views {
        let mut a = refusing_app();
        keys(&mut a, typed);
        let s = screen(&a);
        assert!(s.contains(shown), "{name}: {shown:?} not shown:\n{s}");
        assert!(
            !s.contains(BODY),
            "{name}: the article's text was drawn:\n{s}"
        );
    }
}

#[test]
fn the_same_views_show_the_text_when_reads_succeed() {
    // The control: what the refusing cache hides is there when reads work.
    let mut a = app(150, 44);
    assert!(screen(&a).contains(BODY));
    keys(&mut a, "/lian<Enter>nm");
    assert!(screen(&a).contains("a member of the"), "{}", screen(&a));
}
