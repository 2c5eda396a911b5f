//! Decisions about entities: merging marked entities, splitting a mention off into an entity of
//! its own, moving a mention to a marked entity, renaming. Each shows at once in the entity
//! pane, the filter and `n`; is undone by `u`; is laid again on reopening; and reaches the
//! export's `entity` field.

mod support;

use gazette::index::{EntityId, MentionId};
use gazette::model::Label;
use gazette::review::Store;
use gazette::tui::app::App;
use gazette::tui::filter::{rank, Scope};
use gazette::tui::layout::Pane;
use support::{app, entity_lists, keys};

/// The entity pane's rows for the current document: (entity, name, mentions).
fn pane(a: &App) -> Vec<(EntityId, String, usize)> {
    let doc = a.current_doc().unwrap();
    (a.ws.index.doc_entities(doc).iter())
        .map(|&(e, n)| (e, a.ws.index.entity(e).name.clone(), n))
        .collect()
}

/// Selects row `row` of the entity pane (which has the focus).
fn select_in_pane(a: &mut App, row: usize) {
    keys(a, "g");
    for _ in 0..row {
        keys(a, "j");
    }
}

/// The first document's exported mentions as (text, entity).
fn exported(store: &std::path::Path, out: &std::path::Path) -> Vec<(String, String)> {
    (support::exported_first(store, out).iter())
        .map(|e| {
            let s = |k: &str| e[k].as_str().unwrap().to_string();
            (s("text"), s("entity"))
        })
        .collect()
}

/// The name of the entity the filter ranks first for `query` among persons.
fn found(a: &App, query: &str) -> Option<String> {
    let first = rank(&a.ws.index, query, Scope::Person).into_iter().next()?;
    Some(a.ws.index.entity(first.entity).name.clone())
}

#[test]
fn marked_entities_merge_into_the_current_one_everywhere_and_back_on_undo() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("r.db");
    let mut a = app(160, 45);
    a.attach_store(Store::open(&store));
    a.focus = Pane::Entities;
    // The first document's first two persons.
    let rows = pane(&a);
    let persons: Vec<usize> = (0..rows.len())
        .filter(|&i| a.ws.index.entity(rows[i].0).label == Label::Person)
        .take(2)
        .collect();
    let [into_row, from_row] = persons[..] else {
        panic!("two persons in the first document: {rows:?}")
    };
    let (into, into_name, into_here) = rows[into_row].clone();
    let (from, from_name, from_here) = rows[from_row].clone();
    let into_mentions = a.ws.index.entity(into).mentions.clone();
    let from_mentions = a.ws.index.entity(from).mentions.clone();
    let before = entity_lists(&a);

    // Nothing marked: M says how to mark.
    select_in_pane(&mut a, into_row);
    keys(&mut a, "M");
    assert!(
        a.message.as_deref().unwrap_or("").contains("mark"),
        "{:?}",
        a.message
    );
    select_in_pane(&mut a, from_row);
    keys(&mut a, " ");
    assert!(a.is_marked(from));
    select_in_pane(&mut a, into_row);
    keys(&mut a, "M");
    assert!(a.overlay().is_some(), "asks before merging");
    keys(&mut a, "y");

    let merged = &a.ws.index.entity(into).mentions;
    let mut expected: Vec<MentionId> = into_mentions
        .iter()
        .chain(&from_mentions)
        .copied()
        .collect();
    expected.sort();
    assert_eq!(*merged, expected, "every mention of both, in corpus order");
    assert!(a.ws.index.entity(from).mentions.is_empty());
    let rows = pane(&a);
    assert!(
        rows.iter().all(|(e, _, _)| *e != from),
        "the pane no longer lists {from_name}"
    );
    let row = rows.iter().find(|(e, _, _)| *e == into).unwrap();
    assert_eq!((&row.1, row.2), (&into_name, into_here + from_here));
    assert_eq!(
        found(&a, &from_name).as_deref(),
        Some(into_name.as_str()),
        "the filter finds the merged entity by the other's name"
    );
    assert!(a.marked.is_empty(), "marks are used up by the merge");
    // n walks every mention of the merged entity.
    a.current_entity = Some(into);
    a.current_mention = None;
    let mut walked = Vec::new();
    for _ in 0..expected.len() {
        keys(&mut a, "n");
        walked.push(a.current_mention.unwrap());
    }
    walked.sort();
    assert_eq!(walked, expected);

    // Laid again from the database: the same entities.
    let after = entity_lists(&a);
    let mut b = app(160, 45);
    b.attach_store(Store::open(&store));
    assert_eq!(entity_lists(&b), after);
    drop(b);

    // Undone: both entities as they were; redone: merged again.
    keys(&mut a, "u");
    assert_eq!(entity_lists(&a), before);
    assert!(
        a.message.as_deref().unwrap_or("").starts_with("undone"),
        "{:?}",
        a.message
    );
    keys(&mut a, "U");
    assert_eq!(entity_lists(&a), after);
    drop(a);

    let out = exported(&store, &dir.path().join("out.jsonl"));
    assert!(
        out.iter().all(|(_, entity)| *entity != from_name),
        "no mention is exported as {from_name}: {out:?}"
    );
    let as_into = out
        .iter()
        .filter(|(_, entity)| *entity == into_name)
        .count();
    assert_eq!(
        as_into,
        into_here + from_here,
        "{from_name}'s mentions are exported as {into_name}: {out:?}"
    );
}

#[test]
fn a_mention_split_off_and_moved_back_and_an_entity_renamed() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("r.db");
    let mut a = app(160, 45);
    a.attach_store(Store::open(&store));
    keys(&mut a, "]"); // the first document's first mention
    let m = a.current_mention.unwrap();
    let own = a.ws.index.entity_of(m);
    let own_name = a.ws.index.entity(own).name.clone();
    let own_count = a.ws.index.entity(own).mentions.len();
    assert!(own_count > 1, "an entity with more than this mention");

    keys(&mut a, "S");
    let split = a.ws.index.entity_of(m);
    assert_ne!(split, own, "{:?}", a.message);
    assert_eq!(a.ws.index.entity(split).mentions, [m]);
    assert_eq!(a.ws.index.entity(own).mentions.len(), own_count - 1);
    assert_eq!(a.current_entity, Some(split), "the new entity is current");
    assert!(pane(&a).iter().any(|(e, _, n)| *e == split && *n == 1));

    // Renamed: shown, found and exported by the new name; found by the old one too.
    keys(&mut a, "r");
    for _ in 0..40 {
        keys(&mut a, "<Bs>");
    }
    keys(&mut a, "Someone Else<Enter>");
    assert_eq!(a.ws.index.entity(split).name, "Someone Else");
    assert_eq!(found(&a, "someone else").as_deref(), Some("Someone Else"));
    assert!(pane(&a).iter().any(|(_, name, _)| name == "Someone Else"));

    // Reopened: the split and the name hold.
    let mut b = app(160, 45);
    b.attach_store(Store::open(&store));
    assert_eq!(entity_lists(&b), entity_lists(&a));
    let e = b.ws.index.entity_of(m);
    assert_eq!(b.ws.index.entity(e).name, "Someone Else");
    drop(b);

    // The rename undone: the split entity's own name again.
    keys(&mut a, "u");
    let e = a.ws.index.entity_of(m);
    assert_ne!(a.ws.index.entity(e).name, "Someone Else");
    keys(&mut a, "U");

    // Moved back to the entity it came from, marked in the pane.
    a.focus = Pane::Entities;
    let row = pane(&a).iter().position(|(e, _, _)| *e == own).unwrap();
    select_in_pane(&mut a, row);
    keys(&mut a, " ");
    a.current_mention = Some(m);
    keys(&mut a, "J");
    assert_eq!(a.ws.index.entity_of(m), own, "{:?}", a.message);
    assert_eq!(a.ws.index.entity(own).mentions.len(), own_count);
    keys(&mut a, "u");
    assert_eq!(
        a.ws.index.entity(a.ws.index.entity_of(m)).name,
        "Someone Else"
    );
    drop(a);

    let out = exported(&store, &dir.path().join("out.jsonl"));
    assert_eq!(out[0].1, "Someone Else", "{out:?}");
    assert!(
        out.iter().any(|(_, entity)| *entity == own_name),
        "the others stay with {own_name}"
    );
}
