//! A relabelled or re-bounded mention belongs to the entity its new label and text name, and
//! every view agrees: the entity pane, the filter, the entity's mention list, a reopened browser
//! and the export.

mod support;

use gazette::model::Label;
use gazette::review::Store;
use gazette::tui::app::App;
use gazette::tui::filter::{rank, Scope};
use support::{app, entity_lists as entities, keys};

/// The entity (label, name) of mention `m`, as the index links it.
fn entity_of(a: &App, m: gazette::index::MentionId) -> (Label, String) {
    let e = a.ws.index.entity(a.ws.index.entity_of(m));
    (e.label.clone(), e.name.clone())
}

/// The entity pane's rows for the current document: (label, name, mentions).
fn pane(a: &App) -> Vec<(Label, String, usize)> {
    let doc = a.current_doc().unwrap();
    (a.ws.index.doc_entities(doc).iter())
        .map(|&(e, n)| {
            let e = a.ws.index.entity(e);
            (e.label.clone(), e.name.clone(), n)
        })
        .collect()
}

/// The exported entities of the first document: (text, label, entity).
fn exported(store: &std::path::Path, out: &std::path::Path) -> Vec<(String, String, String)> {
    (support::exported_first(store, out).iter())
        .map(|e| {
            let s = |k: &str| e[k].as_str().unwrap().to_string();
            (s("text"), s("label"), s("entity"))
        })
        .collect()
}

#[test]
fn a_relabelled_mention_leaves_its_entity_everywhere() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("r.db");
    let mut a = app(160, 45);
    a.attach_store(Store::open(&store));
    keys(&mut a, "]"); // the headline's Lian Maojun
    let m = a.current_mention.unwrap();
    let person = a.ws.index.entity_of(m);
    let before = a.ws.index.entity(person).mentions.len();
    let in_pane = |a: &App, label: Label| {
        pane(a)
            .into_iter()
            .find(|(l, name, _)| *l == label && name.starts_with("Lian Maojun"))
            .map(|(_, _, n)| n)
    };
    let person_rows = in_pane(&a, Label::Person).unwrap();
    keys(&mut a, "Ro");

    assert_eq!(entity_of(&a, m), (Label::Org, "Lian Maojun".into()));
    assert_eq!(
        a.ws.index.entity(person).mentions.len(),
        before - 1,
        "the person's mention list lost it"
    );
    assert!(!a.ws.index.entity(person).mentions.contains(&m));
    assert_eq!(in_pane(&a, Label::Person), Some(person_rows - 1));
    assert_eq!(
        in_pane(&a, Label::Org),
        Some(1),
        "the pane lists the new entity"
    );
    let orgs = rank(&a.ws.index, "lian maojun", Scope::Organization);
    assert_eq!(
        orgs.first()
            .map(|c| a.ws.index.entity(c.entity).name.as_str()),
        Some("Lian Maojun"),
        "the filter finds it among organizations"
    );

    // Undone, the person's again; redone, the organization's.
    keys(&mut a, "u");
    assert_eq!(entity_of(&a, m), (Label::Person, "Lian Maojun".into()));
    assert_eq!(in_pane(&a, Label::Org), None, "the pane no longer lists it");
    assert_eq!(a.ws.index.entity(person).mentions.len(), before);
    keys(&mut a, "U");
    assert_eq!(entity_of(&a, m), (Label::Org, "Lian Maojun".into()));

    // Laid again from the database, the same.
    let mut b = app(160, 45);
    b.attach_store(Store::open(&store));
    assert_eq!(entity_of(&b, m), (Label::Org, "Lian Maojun".into()));
    keys(&mut b, "]");
    assert_eq!(in_pane(&b, Label::Org), Some(1));
    drop((a, b));

    let out = exported(&store, &dir.path().join("out.jsonl"));
    assert_eq!(
        out[0],
        ("Lian Maojun".into(), "ORG".into(), "Lian Maojun".into())
    );
}

#[test]
fn moved_boundaries_link_the_mention_to_what_it_now_names() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("r.db");
    let mut a = app(160, 45);
    a.attach_store(Store::open(&store));
    keys(&mut a, "]"); // "Lian Maojun went to THT for investigation"
    let person = a.ws.index.entity_of(a.current_mention.unwrap());
    let before = a.ws.index.entity(person).mentions.len();
    // Moving boundaries rebuilds the index: the person is found again by its key.
    let key = a.ws.index.entity(person).key.clone();
    keys(&mut a, "b><Enter>");
    let m = a.current_mention.unwrap();
    assert_eq!(
        entity_of(&a, m),
        (Label::Person, "Lian Maojun went".into()),
        "no longer the person Lian Maojun"
    );
    let person = a.ws.index.find_entity(&Label::Person, &key);
    let person = person.expect("the person is still there");
    assert_eq!(a.ws.index.entity(person).mentions.len(), before - 1);
    assert!(pane(&a)
        .iter()
        .any(|(_, name, n)| name == "Lian Maojun went" && *n == 1));
    let found = rank(&a.ws.index, "maojun went", Scope::Person);
    assert_eq!(
        found
            .first()
            .map(|c| a.ws.index.entity(c.entity).name.as_str()),
        Some("Lian Maojun went")
    );

    // Moved back to the person's own name: the person again.
    keys(&mut a, "b<Lt><Enter>");
    let m = a.current_mention.unwrap();
    assert_eq!(entity_of(&a, m).1, "Lian Maojun");
    keys(&mut a, "b><Enter>");
    drop(a);

    let out = exported(&store, &dir.path().join("out.jsonl"));
    assert_eq!(
        out[0],
        (
            "Lian Maojun went".into(),
            "PERSON".into(),
            "Lian Maojun went".into()
        )
    );
}

#[test]
fn the_index_edited_in_place_is_the_index_laid_again_on_reopening() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("r.db");
    let mut a = app(160, 45);
    a.attach_store(Store::open(&store));
    // A boundary moved, a mention added, one relabelled and one rejected, in two documents.
    keys(&mut a, "]b><Enter>");
    keys(&mut a, "]]Rr");
    keys(&mut a, "x");
    keys(&mut a, "j<Tab>");
    keys(&mut a, "+>>p");
    let mut b = app(160, 45);
    b.attach_store(Store::open(&store));
    assert_eq!(a.reviewed_count(), b.reviewed_count());
    assert!(a.reviewed_count().0 >= 4, "{:?}", a.message);
    assert_eq!(entities(&a), entities(&b));
    let places = |a: &App| -> Vec<_> {
        (a.ws.index.mentions.iter())
            .map(|m| (m.doc, m.span.clone(), m.label.clone(), m.key.clone()))
            .collect()
    };
    assert_eq!(places(&a), places(&b));
}
