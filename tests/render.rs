//! Rendering on ratatui's TestBackend: snapshots of whole screens (insta), and the styles a
//! user relies on to tell entity types apart.

mod support;

use gazette::corpus::Corpus;
use gazette::tui::theme::Theme;
use insta::assert_snapshot;
use ratatui::style::{Color, Modifier};
use support::{app, app_with, keys, render, screen};

#[test]
fn start_screen_shows_the_five_seed_articles() {
    let a = app(120, 30);
    let s = screen(&a);
    assert!(s.contains("Documents 5/5"));
    assert_snapshot!(s);
}

#[test]
fn chinese_article_reads_cleanly() {
    let mut a = app(120, 36);
    keys(&mut a, "jj");
    assert_snapshot!(screen(&a));
}

#[test]
fn filter_prompt_with_candidates() {
    let mut a = app(120, 24);
    keys(&mut a, "/lian");
    assert_snapshot!(screen(&a));
}

#[test]
fn after_filter_and_first_jump() {
    let mut a = app(120, 30);
    keys(&mut a, "/lian<Enter>n");
    assert_snapshot!(screen(&a));
}

#[test]
fn mention_list_overlay() {
    let mut a = app(120, 24);
    keys(&mut a, "/lian<Enter>nm");
    assert_snapshot!(screen(&a));
}

#[test]
fn help_overlay_comes_from_the_key_table() {
    let mut a = app(120, 40);
    keys(&mut a, "?");
    let s = screen(&a);
    // The global keys, scrolled through.
    let mut seen = s.clone();
    for _ in 0..12 {
        keys(&mut a, "j");
        seen.push_str(&screen(&a));
    }
    for b in gazette::tui::keymap::DEFAULTS
        .iter()
        .filter(|b| b.context == gazette::tui::keymap::Context::Global)
    {
        assert!(seen.contains(b.help), "help lacks {:?}", b.help);
    }
    assert_snapshot!(s);
}

#[test]
fn narrow_terminal_shows_one_pane_at_a_time() {
    let mut a = app(40, 12);
    let list = screen(&a);
    assert!(list.contains("Documents 5/5"));
    keys(&mut a, "<Tab>");
    assert_snapshot!(screen(&a));
}

#[test]
fn tiny_terminal_degrades_to_a_notice() {
    for (w, h) in [(19, 6), (20, 5), (1, 1), (0, 0)] {
        let a = app(w, h);
        let s = screen(&a);
        if w >= 7 {
            assert!(s.starts_with("gazette"), "{w}×{h}: {s:?}");
        }
    }
    // The smallest supported size draws panes without panicking, in every focus.
    let mut a = app(20, 6);
    for _ in 0..3 {
        assert!(screen(&a).contains('┌'));
        keys(&mut a, "<Tab>jG");
    }
}

#[test]
fn every_size_from_tiny_to_wide_renders_without_panic() {
    let mut a = app(20, 6);
    keys(&mut a, "jj");
    for w in (1..=200).step_by(7) {
        for h in [1, 3, 6, 9, 24, 50] {
            a.resize(w, h);
            let _ = render(&a);
        }
    }
}

/// Finds the first cell of `needle` on screen (by row text), for style checks.
fn cell_of(buffer: &ratatui::buffer::Buffer, needle: &str) -> (u16, u16) {
    let text = support::text_of(buffer);
    for (y, line) in text.lines().enumerate() {
        if let Some(byte) = line.find(needle) {
            let x = unicode_width::UnicodeWidthStr::width(&line[..byte]);
            return (x as u16, y as u16);
        }
    }
    panic!("{needle:?} not on screen:\n{text}");
}

#[test]
fn entity_types_differ_by_attribute_even_without_colour() {
    let mut a = app_with(Corpus::bundled(), Theme::new(false), 120, 30);
    keys(&mut a, "<Tab>");
    let buf = render(&a);
    let person = cell_of(&buf, "On May 7, Lian");
    let person = &buf[(person.0 + 10, person.1)];
    assert!(person.modifier.contains(Modifier::BOLD));
    assert_eq!(person.fg, Color::Reset, "no colour under NO_COLOR");
    let region = cell_of(&buf, "Binhai High-tech");
    let region = &buf[region];
    assert!(region.modifier.contains(Modifier::UNDERLINED));
    assert!(!region.modifier.contains(Modifier::BOLD));
    let org = cell_of(&buf, "Standing Committee");
    assert!(buf[org].modifier.contains(Modifier::ITALIC));
}

#[test]
fn the_current_mention_is_reversed_and_chrome_is_dim() {
    let mut a = app(120, 36);
    // The first n lands on the headline's mention, the second on the first paragraph's.
    keys(&mut a, "/lian<Enter>nn");
    let buf = render(&a);
    let (x, y) = cell_of(&buf, "On May 7, Lian");
    assert!(
        buf[(x + 10, y)].modifier.contains(Modifier::REVERSED),
        "current mention emphasized"
    );
    assert!(
        !buf[(x, y - 4)].modifier.contains(Modifier::REVERSED),
        "the headline's mention no longer is"
    );
    assert!(
        buf[(x, y - 4)].modifier.contains(Modifier::BOLD),
        "it is still a person"
    );
    let mut zh = app(120, 36);
    keys(&mut zh, "jj");
    let buf = render(&zh);
    let nav = cell_of(&buf, "切换城市");
    assert!(
        buf[nav].modifier.contains(Modifier::DIM),
        "navigation is dimmed"
    );
    let body = cell_of(&buf, "看望慰问");
    assert!(
        !buf[body].modifier.contains(Modifier::DIM),
        "body is not dimmed"
    );
}

#[test]
fn control_characters_in_a_document_are_shown_escaped() {
    let mut corpus = Corpus::default();
    corpus.push_bytes(
        "evil.txt".into(),
        b"Evil title here\n\nclear\x1b[2J bell\x07 title\x1b]2;pwned\x07 rlo\xe2\x80\xaeend",
    );
    let a = app_with(corpus, Theme::new(true), 100, 12);
    let buf = render(&a);
    for cell in buf.content() {
        assert!(
            !cell
                .symbol()
                .chars()
                .any(|c| c.is_control() || c == '\u{202E}'),
            "raw control {:?}",
            cell.symbol()
        );
    }
    let s = support::text_of(&buf);
    assert!(
        s.contains("clear^[[2J bell^G title^[]2;pwned^G rlo<U+202E>end"),
        "{s}"
    );
}

#[test]
fn a_popup_over_chinese_text_keeps_its_border() {
    // The list's Chinese title runs under the filter popup's left edge.
    let mut a = app(150, 36);
    keys(&mut a, "jj/罗");
    let buf = render(&a);
    let top = (0..buf.area.height)
        .find(|&y| {
            support::text_of(&buf)
                .lines()
                .nth(y as usize)
                .is_some_and(|l| l.contains("Filter · scope"))
        })
        .unwrap();
    let left = (0..buf.area.width)
        .find(|&x| buf[(x, top)].symbol() == "┌")
        .unwrap();
    for y in top + 1..top + 4 {
        assert_eq!(buf[(left, y)].symbol(), "│", "border at row {y}");
        let before = buf[(left - 1, y)].symbol();
        assert!(
            unicode_width::UnicodeWidthStr::width(before) < 2,
            "a wide character {before:?} would cover the border at row {y}"
        );
    }
}
