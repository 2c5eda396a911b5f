//! Exploring in the browser: an entity's profile (P) and who appears with whom (C), each
//! turning what is picked into filters.

mod support;

use gazette::tui::app::Overlay;
use support::{app, keys, screen};

#[test]
fn the_profile_shows_names_roles_and_the_timeline_and_filters_by_a_companion() {
    let mut a = app(140, 40);
    keys(&mut a, "/lian maojun<Enter>P");
    let Some(Overlay::Profile(pane)) = a.overlay() else {
        panic!("no profile: {:?}", a.message);
    };
    let p = &pane.profile;
    assert_eq!(p.names[0].0, "Lian Maojun");
    assert_eq!(p.docs, 2);
    assert_eq!(p.months.len(), 1, "one dated article, May 2020");
    assert!(
        (p.roles.iter()).any(|r| r.role
            == "Secretary of the Binhai New Area District Party Committee"
            && r.first.as_deref() == Some("2020-05-09")),
        "{:?}",
        p.roles
    );
    let first_with = p.with_by_doc[0].clone();
    let s = screen(&a);
    assert!(s.contains("Profile: PER Lian Maojun"), "{s}");
    assert!(
        s.contains("mentions per month") && s.contains("2020-05"),
        "{s}"
    );
    assert!(
        s.contains("roles  ") && s.contains("Secretary of the Binhai New"),
        "{s}"
    );
    // Enter: the documents with both, the profiled entity still current.
    keys(&mut a, "<Enter>");
    assert!(a.overlay().is_none());
    let lian = a.current_entity.unwrap();
    let both: Vec<_> = (a.ws.index.entity(lian).docs.iter())
        .filter(|d| a.ws.index.entity(first_with.entity).docs.contains(d))
        .copied()
        .collect();
    assert_eq!(a.list.docs.iter().copied().collect::<Vec<_>>(), both);
    assert_eq!(a.filters.len(), 2);
}

#[test]
fn co_occurrence_ranks_pairs_in_the_listed_documents_and_filters_by_one() {
    let mut a = app(140, 40);
    keys(&mut a, "C");
    let Some(Overlay::Cooc(pane)) = a.overlay() else {
        panic!("no pairs: {:?}", a.message);
    };
    assert_eq!(pane.docs, 5);
    let top = pane.pairs[0];
    assert!(pane.pairs.windows(2).all(|w| w[0].count >= w[1].count));
    let index = &a.ws.index;
    let both: Vec<_> = (index.entity(top.row).docs.iter())
        .filter(|d| index.entity(top.col).docs.contains(d))
        .copied()
        .collect();
    assert_eq!(top.count, both.len());
    // By sentence: fewer or as many.
    keys(&mut a, "<Tab>");
    let Some(Overlay::Cooc(by_sentence)) = a.overlay() else {
        panic!("no pairs by sentence");
    };
    assert_eq!(by_sentence.together, gazette::explore::Together::Sentence);
    keys(&mut a, "<Tab>x");
    assert!(screen(&a).contains("Binhai…") || screen(&a).contains("Binhai 滨海新区"));
    keys(&mut a, "<Enter>");
    assert_eq!(a.list.docs.iter().copied().collect::<Vec<_>>(), both);
}

/// `f` searches the text: a Chinese word inside longer names, an English phrase, a regular
/// expression; the documents with a hit become a filter that combines with an entity's; `n`
/// walks the hits across documents and `m` lists them in context.
#[test]
fn a_text_search_filters_marks_and_walks_its_hits() {
    let mut a = app(140, 40);
    keys(&mut a, "f科创园<Enter>");
    assert_eq!(a.list.docs.len(), 1, "{:?}", a.message);
    let doc = a.current_doc().unwrap();
    let text = a.ws.corpus.docs[doc.index()].text.to_string();
    let expected = text.matches("科创园").count();
    assert_eq!(a.reader_hits().len(), expected);
    let first = a.hit.clone().expect("on the first hit");
    assert_eq!(&text[first.clone()], "科创园");
    keys(&mut a, "n");
    let second = a.hit.clone().unwrap();
    assert!(second.start > first.start);
    assert!(a.message.as_deref().unwrap_or("").starts_with("hit 2 of"));
    keys(&mut a, "m");
    let Some(Overlay::Hits(list)) = a.overlay() else {
        panic!("no hit list: {:?}", a.message);
    };
    assert_eq!(list.rows.len(), expected);
    assert_eq!(list.selected, 1, "the list opens on the current hit");
    assert!(list.rows.iter().all(|r| r.text == "科创园"));
    keys(&mut a, "<Esc>");

    // An English phrase over several documents, walked from one into the next.
    keys(&mut a, "c");
    keys(&mut a, "fparty committee<Enter>");
    let with_phrase = a.list.docs.len();
    assert!(with_phrase >= 2, "{:?}", a.message);
    let mut docs_seen = std::collections::BTreeSet::new();
    for _ in 0..40 {
        keys(&mut a, "n");
        docs_seen.insert(a.current_doc().unwrap());
        let h = a.hit.clone().unwrap();
        let text = a.ws.text(a.current_doc().unwrap()).unwrap().unwrap();
        assert_eq!(
            text[h]
                .to_lowercase()
                .split_whitespace()
                .collect::<Vec<_>>(),
            ["party", "committee"]
        );
    }
    assert_eq!(
        docs_seen.len(),
        with_phrase,
        "n goes on into every document with a hit"
    );

    // Combined with an entity filter: both must hold.
    keys(&mut a, "/lian maojun<Enter>");
    assert!(a.list.docs.len() <= with_phrase);
    assert_eq!(a.filters.len(), 2);
    // A regular expression.
    keys(&mut a, "c");
    keys(&mut a, "fre:Binhai (New|High)<Enter>");
    assert!(!a.list.docs.is_empty());
    assert!(a.reader_hits().iter().all(|h| {
        let t = &a.ws.text(a.current_doc().unwrap()).unwrap().unwrap()[h.clone()];
        t == "Binhai New" || t == "Binhai High"
    }));
    keys(&mut a, "fre:(<Enter>");
    assert!(
        a.message.as_deref().unwrap_or("").starts_with("re:("),
        "{:?}",
        a.message
    );
}

/// `w` writes what a list or pane shows: the mention list as CSV with paths, dates, offsets
/// and context; the pairs as CSV; the profile as JSON.
#[test]
fn w_writes_the_mention_list_the_pairs_and_the_profile() {
    let dir = tempfile::tempdir().unwrap();
    let mut a = app(140, 40);
    a.export_dir = dir.path().to_path_buf();
    keys(&mut a, "/lian maojun<Enter>nm");
    keys(&mut a, "w");
    let written = |kind: &str| {
        let file = (std::fs::read_dir(dir.path()).unwrap())
            .map(|e| e.unwrap().path())
            .find(|p| p.to_string_lossy().ends_with(kind))
            .unwrap_or_else(|| panic!("no {kind} written"));
        std::fs::read_to_string(file).unwrap()
    };
    let mentions = written("mentions.csv");
    let rows: Vec<&str> = mentions.lines().collect();
    assert_eq!(rows[0], "path,date,start,end,text,label,entity,left,right");
    let lian = a.current_entity.unwrap();
    assert_eq!(rows.len() - 1, a.ws.index.entity(lian).mentions.len());
    assert!(
        rows[1].starts_with(
            "000_2ebd1f36031c8542.txt,2020-05-09 15:37,0,11,Lian Maojun,PERSON,Lian Maojun,"
        ),
        "{}",
        rows[1]
    );
    keys(&mut a, "<Esc>P");
    keys(&mut a, "w<Esc>C");
    keys(&mut a, "w");
    let profile: serde_json::Value = serde_json::from_str(&written("profile.json")).unwrap();
    assert_eq!(profile["entity"], "Lian Maojun");
    let pairs = written("pairs.csv");
    assert!(
        pairs.starts_with("row,row_label,col,col_label,documents\n"),
        "{pairs}"
    );
}

/// Every new pane and prompt draws at any size, down to a few cells, without panicking.
#[test]
fn the_new_panes_draw_at_tiny_sizes() {
    for (w, h) in [(160, 45), (40, 12), (20, 6), (8, 3), (1, 1)] {
        let mut a = app(160, 45);
        keys(&mut a, "/lian maojun<Enter>");
        a.resize(w, h);
        for script in ["P", "C", "Cx", "f科创园<Enter>m", "fparty", "r", "W"] {
            keys(&mut a, script);
            let _ = support::render(&a);
            keys(&mut a, "<Esc><Esc>");
        }
    }
}
