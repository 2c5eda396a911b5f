//! State transitions of the browser, driven by key and mouse events, without a terminal.

mod support;

use crossterm::event::{Event, KeyModifiers, MouseButton, MouseEvent, MouseEventKind};
use gazette::tui::app::Overlay;
use gazette::tui::layout::{inner, Pane};
use support::{app, keys};

fn listed_titles(a: &gazette::tui::app::App) -> Vec<String> {
    a.list
        .docs
        .iter()
        .map(|&d| a.ws.corpus.docs[d.index()].display_title().to_string())
        .collect()
}

fn current_text(a: &gazette::tui::app::App) -> String {
    let m = &a.ws.index.mentions[(a.current_mention.expect("a current mention")).index()];
    a.ws.corpus.docs[m.doc.index()].text[m.span.clone()].to_string()
}

#[test]
fn lian_narrows_to_the_two_articles_and_n_walks_every_mention_then_wraps() {
    let mut a = app(160, 45);
    keys(&mut a, "/lian<Enter>");
    assert_eq!(a.list.docs.len(), 2, "{:?}", listed_titles(&a));
    assert!(a.prompt().is_none());
    let entity = a.current_entity.expect("the filter's entity is current");
    assert_eq!(a.ws.index.entity(entity).name, "Lian Maojun");
    let total = a.ws.index.entity(entity).mentions.len();
    let mut seen = Vec::new();
    for _ in 0..total {
        keys(&mut a, "n");
        let m = a.current_mention.unwrap();
        assert_eq!(a.ws.index.entity_of(m), entity);
        assert_eq!(current_text(&a), "Lian Maojun");
        assert_eq!(
            a.current_doc(),
            Some(a.ws.index.mentions[m.index()].doc),
            "the reader shows the mention's document"
        );
        seen.push(m);
    }
    let mut sorted = seen.clone();
    sorted.sort();
    assert_eq!(seen, sorted, "mentions are visited in reading order");
    sorted.dedup();
    assert_eq!(sorted.len(), total, "every mention visited once");
    let docs: std::collections::BTreeSet<_> = seen
        .iter()
        .map(|&m| a.ws.index.mentions[m.index()].doc)
        .collect();
    assert_eq!(docs.len(), 2, "the walk crossed into the second article");
    keys(&mut a, "n");
    assert_eq!(
        a.current_mention,
        Some(seen[0]),
        "wraps around to the first"
    );
    assert!(a.message.as_deref().unwrap_or("").contains("wrapped"));
    keys(&mut a, "N");
    assert_eq!(
        a.current_mention,
        Some(seen[total - 1]),
        "N goes back across the wrap"
    );
}

#[test]
fn region_scope_yingtan_narrows_to_the_yingtan_article() {
    let mut a = app(160, 45);
    keys(&mut a, "/<Tab>yingtan<Enter>");
    assert_eq!(a.list.docs.len(), 1);
    assert!(listed_titles(&a)[0].starts_with("Xu Nanji"));
    let e = a.ws.index.entity(a.filters[0].entities()[0]);
    assert_eq!(e.label, gazette::model::Label::Region);
}

#[test]
fn filters_combine_with_and_and_backspace_removes_the_last() {
    let mut a = app(160, 45);
    keys(&mut a, "/<Tab>binhai<Enter>");
    assert_eq!(
        a.ws.index.entity(a.filters[0].entities()[0]).name,
        "Binhai 滨海新区"
    );
    let with_binhai = a.list.docs.len();
    assert_eq!(with_binhai, 2, "{:?}", listed_titles(&a));
    keys(&mut a, "/yang maorong<Enter>");
    assert_eq!(a.filters.len(), 2);
    assert_eq!(
        a.list.docs.len(),
        1,
        "a person in a region: {:?}",
        listed_titles(&a)
    );
    for &d in a.list.docs.iter() {
        for f in a.filters.iter().flat_map(|c| c.entities()) {
            assert!(a.ws.index.entity(f).docs.contains(&d));
        }
    }
    keys(&mut a, "/<Bs>");
    assert_eq!(
        a.filters.len(),
        1,
        "Backspace on an empty prompt removes the last filter"
    );
    assert_eq!(a.list.docs.len(), with_binhai);
    keys(&mut a, "<Esc>");
    assert!(a.prompt().is_none(), "Esc closes the prompt");
    assert_eq!(a.filters.len(), 1, "Esc keeps the filters");
    keys(&mut a, "c");
    assert_eq!(a.list.docs.len(), 5);
}

#[test]
fn tab_cycles_the_scope_in_the_prompt_and_panes_outside_it() {
    let mut a = app(160, 45);
    keys(&mut a, "/");
    let scopes: Vec<&str> = (0..4)
        .map(|_| {
            let s = a.prompt().unwrap().scope.name();
            keys(&mut a, "<Tab>");
            s
        })
        .collect();
    assert_eq!(scopes, ["Person", "Region", "Organization", "Any"]);
    keys(&mut a, "<Esc>");
    assert_eq!(a.focus, Pane::List);
    keys(&mut a, "<Tab>");
    assert_eq!(a.focus, Pane::Reader);
    keys(&mut a, "<Tab>");
    assert_eq!(a.focus, Pane::Entities);
    keys(&mut a, "<BackTab>");
    assert_eq!(a.focus, Pane::Reader);
}

#[test]
fn picking_in_the_entity_pane_makes_it_current_and_shows_its_first_mention() {
    let mut a = app(160, 45);
    keys(&mut a, "<Tab><Tab>j<Enter>");
    let e = a.current_entity.unwrap();
    let m = a.current_mention.unwrap();
    assert_eq!(a.ws.index.entity_of(m), e);
    assert_eq!(a.ws.index.mentions[m.index()].doc, a.current_doc().unwrap());
    let entities = a.ws.index.doc_entities(a.current_doc().unwrap());
    assert_eq!(entities[1].0, e, "the second entity of the pane");
}

#[test]
fn brackets_step_through_every_mention_of_the_document() {
    let mut a = app(160, 45);
    let doc = a.current_doc().unwrap();
    let count = a.ws.index.doc_mentions(doc).len();
    let mut seen = Vec::new();
    for _ in 0..count {
        keys(&mut a, "]");
        seen.push(a.current_mention.unwrap());
    }
    let expected: Vec<gazette::index::MentionId> = (a.ws.index.doc_mention_ids(doc))
        .map(|i| gazette::index::MentionId(i as u32))
        .collect();
    assert_eq!(seen, expected);
    keys(&mut a, "[");
    assert_eq!(a.current_mention, Some(expected[count - 2]));
    assert_eq!(a.current_doc(), Some(doc), "stays in the document");
}

#[test]
fn the_mention_list_jumps_to_the_chosen_mention() {
    let mut a = app(160, 45);
    keys(&mut a, "/lian<Enter>m");
    assert!(matches!(a.overlay(), Some(Overlay::Mentions(_))));
    keys(&mut a, "G<Enter>");
    assert!(a.overlay().is_none());
    let e = a.current_entity.unwrap();
    assert_eq!(
        a.current_mention,
        a.ws.index.entity(e).mentions.last().copied()
    );
    assert!(listed_titles(&a)[a.list.selected].starts_with("Seize"));
}

#[test]
fn jumping_keeps_the_mention_on_screen_in_a_long_document() {
    let mut a = app(100, 20);
    keys(&mut a, "/xi jinping<Enter>");
    for _ in 0..40 {
        keys(&mut a, "n");
        let m = &a.ws.index.mentions[(a.current_mention.unwrap()).index()];
        let (_, w) = a.reader.wrapped.as_ref().unwrap();
        let line = w.line_of(m.span.start);
        let (_, height) = a.reader_size();
        assert!(
            line >= a.reader.top && line < a.reader.top + usize::from(height),
            "line {line} not in view at {}",
            a.reader.top
        );
    }
}

#[test]
fn resizing_rewraps_and_keeps_the_place() {
    let mut a = app(160, 45);
    keys(&mut a, "jj<Tab>");
    keys(&mut a, "<PgDn><PgDn>");
    let (_, w) = a.reader.wrapped.as_ref().unwrap();
    let first_char = w.lines[a.reader.top].start;
    a.handle(Event::Resize(70, 30));
    let (_, w) = a.reader.wrapped.as_ref().unwrap();
    assert_eq!(w.width, a.reader_size().0);
    let line = &w.lines[a.reader.top];
    assert!(
        line.start <= first_char && first_char <= line.end + 4,
        "the first visible character stays in view"
    );
}

#[test]
fn a_mouse_click_selects_a_document_and_a_mention() {
    let mut a = app(160, 45);
    let list = inner(a.layout().list.unwrap());
    // The list's first row names its columns; the fourth document is on the fifth row.
    a.handle(Event::Mouse(MouseEvent {
        kind: MouseEventKind::Down(MouseButton::Left),
        column: list.x + 3,
        row: list.y + 4,
        modifiers: KeyModifiers::NONE,
    }));
    assert_eq!(a.list.selected, 3);
    assert_eq!(a.focus, Pane::List);
    // Click on the reader's first line: the headline "Xu Nanji: ..." starts with a person.
    let reader = inner(a.layout().reader.unwrap());
    a.handle(Event::Mouse(MouseEvent {
        kind: MouseEventKind::Down(MouseButton::Left),
        column: reader.x + 1,
        row: reader.y,
        modifiers: KeyModifiers::NONE,
    }));
    assert_eq!(a.focus, Pane::Reader);
    assert_eq!(current_text(&a), "Xu Nanji");
}

#[test]
fn n_without_a_current_entity_says_what_to_do() {
    let mut a = app(160, 45);
    keys(&mut a, "n");
    assert!(a.message.as_deref().unwrap().contains("no current entity"));
    assert!(a.current_mention.is_none());
}

#[test]
fn q_quits_and_question_mark_toggles_help() {
    let mut a = app(160, 45);
    keys(&mut a, "?");
    assert!(matches!(a.overlay(), Some(Overlay::Help { .. })));
    keys(&mut a, "?");
    assert!(a.overlay().is_none());
    keys(&mut a, "q");
    assert!(a.quit);
}

#[test]
fn one_entity_across_languages_and_spellings() {
    let mut a = app(160, 45);
    keys(&mut a, "/xi jinping<Enter>");
    let e = a.ws.index.entity(a.filters[0].entities()[0]).clone();
    let titles = listed_titles(&a);
    assert!(
        titles.iter().any(|t| t.starts_with("牢记嘱托")),
        "the Chinese article mentions 习近平: {titles:?}"
    );
    assert!(
        titles.iter().any(|t| t.starts_with("Seize")),
        "'xi jinping' in lower case: {titles:?}"
    );
    assert!(e.aliases.iter().any(|a| a == "习近平"), "{:?}", e.aliases);
    keys(&mut a, "c/习近平<Enter>");
    assert_eq!(
        a.ws.index.entity(a.filters[0].entities()[0]).key,
        e.key,
        "found by its Chinese name too"
    );
}

#[test]
fn a_key_rebound_in_the_config_file_dispatches_and_shows_in_help() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("config.toml");
    std::fs::write(
        &path,
        "[keys.global]\naccept = [\"y\"]\n\n[keys.relabel]\nrelabel_org = \"g\"\n",
    )
    .unwrap();
    let (config, problems) = gazette::tui::config::load(&path, true);
    assert!(problems.is_empty(), "{problems:?}");
    let mut a = app(160, 45);
    a.keymap = config.keymap;
    keys(&mut a, "]");
    let m = a.current_mention.unwrap();
    keys(&mut a, "a");
    assert_eq!(
        a.ws.review_of(m).status,
        gazette::review::Status::Unreviewed,
        "a no longer accepts (and no store is open anyway)"
    );
    keys(&mut a, "y");
    assert!(
        a.message.as_deref().unwrap_or("").contains("not recorded"),
        "y now tries to accept: {:?}",
        a.message
    );
    let help = gazette::tui::view::help::lines(&a);
    let text: Vec<String> = help.iter().map(|l| l.to_string()).collect();
    assert!(
        text.iter()
            .any(|l| l.trim_start().starts_with("y ") && l.contains("accept the current mention")),
        "{text:#?}"
    );
    assert!(text
        .iter()
        .any(|l| l.trim_start().starts_with("g ") && l.contains("relabel as ORG")));
    keys(&mut a, "R");
    let screen = support::screen(&a);
    assert!(
        screen.contains("g ORG"),
        "the relabel popup names the new key:\n{screen}"
    );
}

#[test]
fn a_long_message_is_wrapped_whole_below_the_status_line() {
    let mut a = app(80, 24);
    let long = "not recorded — /a/very/long/path/to/a/review/database/that/cannot/be/written/review.db: cannot create its folder: Permission denied";
    a.message = Some(long.to_string());
    a.sync();
    let screen = support::screen(&a);
    let joined: String = screen
        .lines()
        .rev()
        .take(4)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect::<Vec<_>>()
        .join(" ");
    let words: String = joined.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(words.contains("Permission denied"), "{screen}");
    assert!(words.contains("cannot create its folder"), "{screen}");
    assert!(a.layout().status.height > 1);
}

#[test]
fn a_bulk_confirmation_is_shown_whole() {
    // Narrower than the sentence: it wraps instead of being cut.
    let mut a = app(60, 30);
    keys(&mut a, "]XE");
    let screen = support::screen(&a);
    let words: String = screen.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        words.contains("mentions?") || words.contains("mention?"),
        "{screen}"
    );
}

/// The prompt's richer filters: `A | B` lists the documents of either, `! A` those without it,
/// `date:`, `lang:` and `source:` the documents' own fields; a bad date says why and changes
/// nothing.
#[test]
fn or_not_date_and_language_filters_from_the_prompt() {
    let mut a = app(160, 45);
    let docs_of = |a: &gazette::tui::app::App, q: &str| {
        let found = gazette::tui::filter::rank(&a.ws.index, q, gazette::tui::filter::Scope::Any);
        a.ws.index.entity(found[0].entity).docs.clone()
    };
    let (lian, yin) = (docs_of(&a, "lian maojun"), docs_of(&a, "yin liangang"));
    let mut either: Vec<_> = lian.iter().chain(&yin).copied().collect();
    either.sort();
    either.dedup();
    keys(&mut a, "/lian maojun | yin liangang<Enter>");
    assert_eq!(a.list.docs.iter().copied().collect::<Vec<_>>(), either);
    assert!(
        either.len() > lian.len(),
        "more than one person's documents"
    );
    assert!(
        support::screen(&a).contains("PER Lian Maojun | PER Yin Liangang"),
        "the list's title names both"
    );
    keys(&mut a, "c/!lian maojun<Enter>");
    assert_eq!(a.list.docs.len(), 5 - lian.len());
    assert!(a.list.docs.iter().all(|d| !lian.contains(d)));

    keys(&mut a, "c/date:2020..2022<Enter>");
    let dated: Vec<_> = (a.ws.corpus.docs.iter())
        .filter(|d| {
            d.meta
                .date
                .as_deref()
                .is_some_and(|x| ("2020".."2023").contains(&x))
        })
        .map(|d| d.id)
        .collect();
    assert!(!dated.is_empty() && dated.len() < 5);
    assert_eq!(a.list.docs.iter().copied().collect::<Vec<_>>(), dated);
    keys(&mut a, "/date:2020-5<Enter>");
    assert!(a
        .message
        .as_deref()
        .unwrap_or("")
        .contains("not a year, a month or a day"));
    assert_eq!(a.filters.len(), 1, "a bad date adds no filter");

    keys(&mut a, "c/lang:zh<Enter>");
    assert!(!a.list.docs.is_empty());
    assert!((a.list.docs.iter()).all(|d| a.ws.corpus.docs[d.index()].lang.code() == "zh"));
}

/// `W` saves the filters in force by name in the config file; `@NAME` in the filter prompt of a
/// browser opened with that file applies them again.
#[test]
fn a_filter_set_saved_by_name_comes_back_from_the_config_file() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("config.toml");
    std::fs::write(&config, "[colors]\n").unwrap();
    let mut a = app(160, 45);
    a.config_path = Some(config.clone());
    keys(&mut a, "/lian maojun | yin liangang<Enter>");
    keys(&mut a, "/date:2020..2022<Enter>");
    let listed: Vec<_> = a.list.docs.iter().copied().collect();
    keys(&mut a, "Wleaders<Enter>");
    assert!(
        a.message
            .as_deref()
            .unwrap_or("")
            .starts_with("saved as leaders"),
        "{:?}",
        a.message
    );
    let (read, problems) = gazette::tui::config::load(&config, true);
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(
        read.filters,
        [(
            "leaders".to_string(),
            vec![
                "Lian Maojun | Yin Liangang".to_string(),
                "date:2020..2022".to_string()
            ]
        )]
    );
    let mut b = app(160, 45);
    b.saved_filters = read.filters;
    keys(&mut b, "/@leaders<Enter>");
    assert_eq!(
        b.list.docs.iter().copied().collect::<Vec<_>>(),
        listed,
        "{:?}",
        b.message
    );
    assert_eq!(b.filters, a.filters);
    // The same name again is refused; the file keeps one set.
    keys(&mut a, "Wleaders<Enter>");
    assert!(a.message.as_deref().unwrap_or("").contains("already"));
}
