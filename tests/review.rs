//! Reviewing: decisions on mentions, stored as they are made, undone and redone, refused when
//! they cannot be stored.

mod support;

use gazette::review::{Status, Store, StoreError, Verdict};
use ratatui::style::Modifier;
use support::{app, keys, render};

fn text_of_current(a: &gazette::tui::app::App) -> String {
    let m = &a.ws.index.mentions[(a.current_mention.unwrap()).index()];
    a.ws.corpus.docs[m.doc.index()].text[m.span.clone()].to_string()
}

#[test]
fn reject_accept_relabel_undo_and_redo_are_stored() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("review.db");
    let mut a = app(160, 45);
    a.attach_store(Store::open(&path));
    keys(&mut a, "]");
    let first = a.current_mention.unwrap();
    let first_text = text_of_current(&a);
    keys(&mut a, "x");
    assert_eq!(a.review_of(first).status, Status::Rejected);
    assert_ne!(
        a.current_mention,
        Some(first),
        "the cursor moves on to the next unreviewed mention"
    );
    let second = a.current_mention.unwrap();
    keys(&mut a, "Rr");
    assert_eq!(
        a.review_of(second).relabel,
        Some(gazette::model::Label::Region)
    );
    let third = a.current_mention.unwrap();
    keys(&mut a, "a");
    assert_eq!(a.review_of(third).status, Status::Accepted);
    assert_eq!(a.reviewed_count().0, 3);
    keys(&mut a, "u");
    assert_eq!(
        a.review_of(third).status,
        Status::Unreviewed,
        "undo takes the last decision back"
    );
    keys(&mut a, "U");
    assert_eq!(
        a.review_of(third).status,
        Status::Accepted,
        "redo restores it"
    );

    // What the database holds is what a new session sees.
    let stored = Store::open(&path).unwrap().decisions().unwrap();
    assert_eq!(stored.len(), 3);
    assert_eq!(
        (stored[0].text.as_str(), &stored[0].verdict),
        (first_text.as_str(), &Verdict::Reject)
    );
    let mut b = app(160, 45);
    b.attach_store(Store::open(&path));
    assert_eq!(b.review_of(first).status, Status::Rejected);
    assert_eq!(b.reviewed_count().0, 3);
}

#[test]
fn a_decision_that_cannot_be_stored_is_refused() {
    let mut a = app(160, 45);
    a.attach_store(Err(StoreError(
        "/read-only/.gazette/review.db: cannot create its folder: Permission denied".into(),
    )));
    keys(&mut a, "]x");
    let m = a.current_mention.unwrap();
    assert_eq!(a.review_of(m).status, Status::Unreviewed);
    assert!(
        a.message
            .as_deref()
            .unwrap()
            .starts_with("not recorded — cannot store decisions"),
        "{:?}",
        a.message
    );
}

#[test]
fn deciding_needs_a_current_mention() {
    let mut a = app(160, 45);
    keys(&mut a, "x");
    assert!(a.message.as_deref().unwrap().contains("no current mention"));
    assert_eq!(a.reviewed_count().0, 0);
}

#[test]
fn next_unreviewed_skips_what_is_decided() {
    let dir = tempfile::tempdir().unwrap();
    let mut a = app(160, 45);
    a.attach_store(Store::open(&dir.path().join("r.db")));
    keys(&mut a, "]]]");
    let third = a.current_mention.unwrap();
    keys(&mut a, "[[");
    keys(&mut a, "a"); // accepts the first; moves to the second
    keys(&mut a, "a"); // accepts the second; moves to the third
    assert_eq!(a.current_mention, Some(third));
    keys(&mut a, "{");
    assert!(
        a.current_mention.unwrap() > third,
        "wraps around past the reviewed ones"
    );
}

#[test]
fn a_rejected_mention_is_crossed_out() {
    let dir = tempfile::tempdir().unwrap();
    let mut a = app(160, 45);
    a.attach_store(Store::open(&dir.path().join("r.db")));
    keys(&mut a, "]x");
    keys(&mut a, "<Esc>");
    let buf = render(&a);
    let reader = gazette::tui::layout::inner(a.layout().reader.unwrap());
    // Right of the review marks the gutter shows once something is decided.
    let cell = &buf[(reader.x + a.review_gutter(), reader.y)];
    assert_eq!(
        cell.symbol(),
        "L",
        "the headline's first mention, Lian Maojun"
    );
    assert!(cell.modifier.contains(Modifier::CROSSED_OUT));
}

fn export(args: &[&str]) -> (bool, String, String) {
    let out = support::gazette(args);
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into(),
        String::from_utf8_lossy(&out.stderr).into(),
    )
}

#[test]
fn export_writes_the_reviewed_annotation() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("review.db");
    let mut a = app(160, 45);
    a.attach_store(Store::open(&store));
    keys(&mut a, "]x"); // reject the headline's Lian Maojun
    keys(&mut a, "Ro"); // relabel the next mention as ORG
    drop(a);
    let plain = dir.path().join("plain.jsonl");
    let status = dir.path().join("status.jsonl");
    let s = store.to_str().unwrap();
    assert!(export(&["export", "--store", s, "--out", plain.to_str().unwrap()]).0);
    assert!(
        export(&[
            "export",
            "--store",
            s,
            "--with-status",
            "--out",
            status.to_str().unwrap()
        ])
        .0
    );
    let first_doc = |p: &std::path::Path| -> serde_json::Value {
        serde_json::from_str(std::fs::read_to_string(p).unwrap().lines().next().unwrap()).unwrap()
    };
    let plain = first_doc(&plain);
    let status = first_doc(&status);
    let plain_entities = plain["entities"].as_array().unwrap();
    let status_entities = status["entities"].as_array().unwrap();
    assert_eq!(
        status_entities.len(),
        plain_entities.len() + 1,
        "the rejected mention is only in the export with statuses"
    );
    assert_eq!(status_entities[0]["status"], "rejected");
    assert_eq!(status_entities[0]["text"], "Lian Maojun");
    assert_eq!(status_entities[1]["status"], "accepted");
    assert_eq!(status_entities[1]["label"], "ORG", "the relabel is applied");
    assert_eq!(plain_entities[0]["label"], "ORG");
    assert!(plain_entities[0].get("status").is_none());
    assert_eq!(status_entities[2]["status"], "unreviewed");
    let (ok, _, err) = export(&[
        "export",
        "--store",
        s,
        "--with-status",
        "--format",
        "doccano",
        "--out",
        dir.path().join("d.jsonl").to_str().unwrap(),
    ]);
    assert!(
        !ok && err.contains("doccano's labels cannot carry a review status"),
        "{err}"
    );
    let (ok, _, err) = export(&[
        "export",
        "--store",
        dir.path().join("none.db").to_str().unwrap(),
        "--out",
        dir.path().join("x.jsonl").to_str().unwrap(),
    ]);
    assert!(!ok && err.contains("no such review database"), "{err}");
}

#[test]
fn bulk_reject_says_how_many_first_and_undoes_as_one() {
    let dir = tempfile::tempdir().unwrap();
    let mut a = app(160, 45);
    a.attach_store(Store::open(&dir.path().join("r.db")));
    keys(&mut a, "]X");
    assert!(matches!(
        a.overlay(),
        Some(gazette::tui::app::Overlay::BulkScope(_))
    ));
    keys(&mut a, "S");
    let Some(gazette::tui::app::Overlay::BulkConfirm { what, targets, .. }) = a.overlay() else {
        panic!("no confirmation")
    };
    assert_eq!(what, "every \"Lian Maojun\" in 2 documents: 6 mentions");
    assert_eq!(targets.len(), 6);
    assert!(
        support::screen(&a).contains("Reject every \"Lian Maojun\" in 2 documents: 6 mentions?")
    );
    assert_eq!(
        a.reviewed_count().0,
        0,
        "nothing changes before the confirmation"
    );
    keys(&mut a, "y");
    assert_eq!(a.reviewed_count().0, 6);
    keys(&mut a, "u");
    assert_eq!(
        a.reviewed_count().0,
        0,
        "one undo takes the whole bulk decision back"
    );
    keys(&mut a, "Xe<Esc>");
    assert!(
        a.overlay().is_none() && a.reviewed_count().0 == 0,
        "Esc cancels"
    );
}

#[test]
fn the_list_sorts_by_what_is_left_to_review() {
    let dir = tempfile::tempdir().unwrap();
    let mut a = app(160, 45);
    a.attach_store(Store::open(&dir.path().join("r.db")));
    keys(&mut a, "s");
    let left: Vec<usize> = a
        .list
        .docs
        .iter()
        .map(|&d| {
            let (r, t) = a.doc_reviewed(d);
            t - r
        })
        .collect();
    assert!(left.windows(2).all(|w| w[0] >= w[1]), "{left:?}");
    assert_eq!(
        a.ws.corpus.docs[a.list.docs[0].index()].lang.code(),
        "zh",
        "the Chinese article has the most mentions"
    );
    // n still walks every mention of an entity, now in list order.
    keys(&mut a, "/lian<Enter>");
    let mut walk = Vec::new();
    let mut said = Vec::new();
    for _ in 0..6 {
        keys(&mut a, "n");
        let m = a.current_mention.unwrap();
        let row = a
            .list
            .docs
            .row_of(a.ws.index.mentions[m.index()].doc)
            .unwrap();
        walk.push((row, a.ws.index.mentions[m.index()].span.start));
        said.push(a.message.clone().unwrap_or_default());
    }
    let mut in_list_order = walk.clone();
    in_list_order.sort();
    in_list_order.dedup();
    assert_eq!(in_list_order.len(), 6, "every mention once");
    // The walk is the list order, starting wherever the first n landed.
    let from = in_list_order.iter().position(|&p| p == walk[0]).unwrap();
    for (i, place) in walk.iter().enumerate() {
        let k = (from + i) % 6;
        assert_eq!(*place, in_list_order[k], "{walk:?}");
        assert!(
            said[i].contains(&format!("mention {} of 6", k + 1)),
            "{}",
            said[i]
        );
    }
    // Then newest first, by title, by entities, and back to corpus order.
    keys(&mut a, "s");
    let dates: Vec<_> = (a.list.docs.iter())
        .map(|d| a.ws.corpus.docs[d.index()].meta.date.clone())
        .collect();
    assert!(
        dates.windows(2).all(|w| match (&w[0], &w[1]) {
            (Some(x), Some(y)) => x >= y,
            (x, y) => x.is_some() || y.is_none(),
        }),
        "newest first, undated last: {dates:?}"
    );
    keys(&mut a, "s");
    let titles: Vec<String> = (a.list.docs.iter())
        .map(|d| a.ws.corpus.docs[d.index()].display_title().to_lowercase())
        .collect();
    assert!(titles.windows(2).all(|w| w[0] <= w[1]), "{titles:?}");
    keys(&mut a, "s");
    let counts: Vec<usize> = (a.list.docs.iter())
        .map(|&d| a.ws.index.entity_count(d))
        .collect();
    assert!(counts.windows(2).all(|w| w[0] >= w[1]), "{counts:?}");
    keys(&mut a, "s");
    assert_eq!(&a.list.docs[..], [0, 1], "back to corpus order");
}

fn surface(a: &gazette::tui::app::App, m: u32) -> String {
    let m = &a.ws.index.mentions[m as usize];
    a.ws.corpus.docs[m.doc.index()].text[m.span.clone()].to_string()
}

#[test]
fn boundaries_move_by_word_and_character_and_survive_reopening() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("r.db");
    let mut a = app(160, 45);
    a.attach_store(Store::open(&path));
    keys(&mut a, "]"); // the headline: "Lian Maojun went to THT for investigation"
    assert_eq!(surface(&a, a.current_mention.unwrap().0), "Lian Maojun");
    let editing = |a: &gazette::tui::app::App| match a.overlay() {
        Some(gazette::tui::app::Overlay::SpanEdit(e)) => {
            a.ws.corpus.docs[e.doc.index()].text[e.span.clone()].to_string()
        }
        _ => panic!("no span editor"),
    };
    keys(&mut a, "b>");
    assert_eq!(editing(&a), "Lian Maojun went", "end one word right");
    keys(&mut a, ",");
    assert_eq!(editing(&a), "Lian Maojun wen", "end one character left");
    keys(&mut a, "}");
    assert_eq!(editing(&a), "Maojun wen", "start one word right");
    keys(&mut a, "]");
    assert_eq!(editing(&a), "aojun wen", "start one character right");
    keys(&mut a, "[{");
    assert_eq!(
        editing(&a),
        "Lian Maojun wen",
        "start one character, then one word, left"
    );
    keys(&mut a, "<Enter>");
    let m = a.current_mention.unwrap();
    assert_eq!(surface(&a, m.0), "Lian Maojun wen");
    assert_eq!(a.review_of(m).status, Status::Accepted);
    let mut b = app(160, 45);
    b.attach_store(Store::open(&path));
    assert_eq!(
        surface(&b, 0),
        "Lian Maojun wen",
        "the new boundaries are restored on reopening"
    );
    keys(&mut a, "b<Lt><Enter>");
    assert_eq!(
        surface(&a, a.current_mention.unwrap().0),
        "Lian Maojun",
        "end one word left"
    );
    keys(&mut a, "uu");
    assert_eq!(
        surface(&a, 0),
        "Lian Maojun",
        "undo puts the extraction's boundaries back"
    );
    keys(&mut a, "U");
    assert_eq!(surface(&a, 0), "Lian Maojun wen");
}

#[test]
fn a_missed_mention_is_added_with_its_label_and_exported() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("r.db");
    let mut a = app(160, 45);
    a.attach_store(Store::open(&path));
    let before = a.ws.index.mentions.len();
    keys(&mut a, "]"); // the headline's "Lian Maojun"; the next word is "went"
    keys(&mut a, "+");
    keys(&mut a, ">>"); // "went to THT"
    keys(&mut a, "o");
    assert_eq!(a.ws.index.mentions.len(), before + 1);
    let m = a.current_mention.unwrap();
    assert_eq!(surface(&a, m.0), "went to THT");
    assert_eq!(
        a.ws.index.mentions[m.index()].label,
        gazette::model::Label::Org
    );
    assert_eq!(a.review_of(m).status, Status::Accepted);
    let out = dir.path().join("out.jsonl");
    assert!(
        export(&[
            "export",
            "--store",
            path.to_str().unwrap(),
            "--out",
            out.to_str().unwrap()
        ])
        .0
    );
    let first: serde_json::Value = serde_json::from_str(
        std::fs::read_to_string(&out)
            .unwrap()
            .lines()
            .next()
            .unwrap(),
    )
    .unwrap();
    assert!(first["entities"]
        .as_array()
        .unwrap()
        .iter()
        .any(|e| e["text"] == "went to THT" && e["label"] == "ORG"));
    keys(&mut a, "u");
    assert_eq!(a.ws.index.mentions.len(), before, "undo removes it");
}

#[test]
fn bulk_relabel_picks_the_label_then_the_mentions() {
    let dir = tempfile::tempdir().unwrap();
    let mut a = app(160, 45);
    a.attach_store(Store::open(&dir.path().join("r.db")));
    keys(&mut a, "]]"); // THT in the headline: the zone, here to be called an organization
    assert_eq!(surface(&a, a.current_mention.unwrap().0), "THT");
    keys(&mut a, "BoS");
    let Some(gazette::tui::app::Overlay::BulkConfirm { targets, .. }) = a.overlay() else {
        panic!("no confirmation")
    };
    let targets = targets.clone();
    assert!(support::screen(&a).contains("Relabel as ORG every \"THT\""));
    keys(&mut a, "y");
    assert!(targets
        .iter()
        .all(|&m| a.review_of(m).relabel == Some(gazette::model::Label::Org)));
    keys(&mut a, "u");
    assert!(targets.iter().all(|&m| a.review_of(m).relabel.is_none()));
}

#[test]
fn decisions_whose_mention_is_gone_are_reported() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("r.db");
    let mut s = Store::open(&path).unwrap();
    s.append(&gazette::review::Decision {
        doc: "000_2ebd1f36031c8542.txt".into(),
        start: gazette::model::CodePoint(0),
        end: gazette::model::CodePoint(4),
        label: "PERSON".into(),
        text: "Lian".into(),
        verdict: Verdict::Reject,
    })
    .unwrap();
    drop(s);
    let mut a = app(160, 45);
    a.attach_store(Store::open(&path));
    assert_eq!(a.reviewed_count().0, 0);
    assert!(
        a.ws.corpus.warnings.iter().any(|w| w
            .message
            .starts_with("1 decision(s) no longer match a mention")),
        "{:?}",
        a.ws.corpus.warnings
    );
}

#[test]
fn n_still_walks_the_right_mentions_after_one_is_added_before_them() {
    let dir = tempfile::tempdir().unwrap();
    let mut a = app(160, 45);
    a.attach_store(Store::open(&dir.path().join("r.db")));
    keys(&mut a, "]nN"); // the headline's "Lian Maojun", on to the next and back
    assert_eq!(surface(&a, a.current_mention.unwrap().0), "Lian Maojun");
    keys(&mut a, "+>>o"); // adds "went to THT" just after it: later mentions move up one
    keys(&mut a, "[");
    assert_eq!(surface(&a, a.current_mention.unwrap().0), "Lian Maojun");
    keys(&mut a, "n");
    assert_eq!(surface(&a, a.current_mention.unwrap().0), "Lian Maojun");
    let said = a.message.clone().unwrap_or_default();
    assert!(said.contains("mention 2 of 6"), "{said}");
}

#[test]
fn decisions_shown_at_once_equal_the_decisions_laid_again_on_reopening() {
    // Accept, reject and relabel update only their mentions' reviews; reopening lays every
    // stored decision afresh. Both must agree, mention by mention.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("r.db");
    let mut a = app(160, 45);
    a.attach_store(Store::open(&path));
    keys(&mut a, "]a]x]Rr]a");
    keys(&mut a, "/lian<Enter>n"); // Lian Maojun, then all his mentions rejected at once
    let lian = a.current_entity.unwrap();
    let targets = a.ws.index.entity(lian).mentions.clone();
    a.decide_all(Verdict::Reject, &targets);
    keys(&mut a, "]a");
    let mut b = app(160, 45);
    b.attach_store(Store::open(&path));
    assert_eq!(a.ws.review.reviews, b.ws.review.reviews);
    assert_eq!(a.reviewed_count(), b.reviewed_count());
    assert!(
        a.reviewed_count().0 >= 4 + targets.len() - 1,
        "{:?}",
        a.reviewed_count()
    );
    keys(&mut a, "u"); // undo lays everything again: still the same as reopening minus the last
    let mut c = app(160, 45);
    c.attach_store(Store::open(&path));
    assert_eq!(a.ws.review.reviews, c.ws.review.reviews);
}

/// A document whose file is deleted while the browser is open shows a notice with no mention
/// drawn over it, and refuses decisions, saying why.
#[test]
fn a_document_whose_file_is_gone_shows_no_mentions_and_refuses_decisions() {
    use gazette::corpus::{Corpus, Document, FileStamp, Origin, SourceEncoding, Text};
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("b.txt");
    let text = "A title for it\n\nMayor Li Ming visited Hefei and Tianjin.";
    std::fs::write(&path, text).unwrap();
    let origin = Origin {
        file: path.clone(),
        hash: gazette::corpus::content_hash(text.as_bytes()),
        len: text.len(),
        stamp: FileStamp::of(&std::fs::metadata(&path).unwrap()).unwrap(),
    };
    let mut corpus = Corpus::default();
    let read = Text::read_from(text.to_string(), origin);
    corpus.docs.push(Document::new(
        gazette::corpus::DocId(0),
        "b.txt".into(),
        read,
        SourceEncoding::Utf8,
    ));
    let mut app = support::app_with(corpus, gazette::tui::theme::Theme::new(true), 120, 30);
    assert!(
        !app.ws.index.mentions.is_empty(),
        "the document has mentions"
    );
    app.ws.corpus.docs[0].text.release();
    std::fs::remove_file(&path).unwrap();
    // The next event reads again what the screen shows (drawing itself reads no file).
    app.sync();
    let doc = app.ws.corpus.docs[0].clone();
    let line = gazette::tui::view::reader::styled_line(&app, &doc, 0..doc.text.len());
    let entity_styles = Modifier::BOLD | Modifier::UNDERLINED | Modifier::ITALIC;
    assert!(
        line.spans
            .iter()
            .all(|s| !s.style.add_modifier.intersects(entity_styles)),
        "no mention is drawn over the notice: {line:?}"
    );
    let row = gazette::tui::nav::kwic_row(&app, gazette::index::MentionId(0));
    assert!(
        row.keyword.starts_with("[cannot show: no such file"),
        "{row:?}"
    );
    keys(&mut app, "]a");
    let message = app.message.clone().unwrap_or_default();
    assert!(
        message.starts_with("not recorded — b.txt: no such file"),
        "{message}"
    );
}

/// A key only asks for a decision to be stored; the loop stores it right after (the state
/// changes in between are testable without a database touched).
#[test]
fn a_decision_is_an_effect_the_loop_runs_after_the_key() {
    use crossterm::event::{Event, KeyCode, KeyEvent};
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("r.db");
    let mut a = app(160, 45);
    a.attach_store(Store::open(&path));
    keys(&mut a, "]");
    let m = a.current_mention.unwrap();
    a.handle(Event::Key(KeyEvent::from(KeyCode::Char('a'))));
    assert_eq!(a.effects.len(), 1, "asked for");
    assert!(
        Store::open(&path).unwrap().decisions().unwrap().is_empty(),
        "not yet stored"
    );
    assert_eq!(a.review_of(m).status, Status::Unreviewed);
    a.run_effects();
    assert!(a.effects.is_empty());
    assert_eq!(Store::open(&path).unwrap().decisions().unwrap().len(), 1);
    assert_eq!(a.review_of(m).status, Status::Accepted);
}

#[test]
fn undo_says_what_it_took_back_and_returns_to_that_mention() {
    let dir = tempfile::tempdir().unwrap();
    let mut a = app(160, 45);
    a.attach_store(Store::open(&dir.path().join("r.db")));
    keys(&mut a, "]");
    let m = a.current_mention.unwrap();
    keys(&mut a, "x");
    assert_ne!(a.current_mention, Some(m), "on to the next unreviewed");
    keys(&mut a, "u");
    assert_eq!(
        a.message.as_deref(),
        Some("undone: rejected \"Lian Maojun\"")
    );
    assert_eq!(
        a.current_mention,
        Some(m),
        "back on the mention the decision was about"
    );
    keys(&mut a, "U");
    assert_eq!(
        a.message.as_deref(),
        Some("redone: rejected \"Lian Maojun\"")
    );
    assert_eq!(a.review_of(m).status, Status::Rejected);
}

#[test]
fn boundaries_left_as_they_were_decide_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("r.db");
    let mut a = app(160, 45);
    a.attach_store(Store::open(&path));
    keys(&mut a, "]b<Enter>");
    let m = a.current_mention.unwrap();
    assert_eq!(a.message.as_deref(), Some("boundaries unchanged"));
    assert_eq!(a.review_of(m).status, Status::Unreviewed);
    assert!(Store::open(&path).unwrap().decisions().unwrap().is_empty());
}

#[test]
fn the_hint_line_shows_the_review_keys_on_a_mention() {
    let mut a = app(160, 45);
    let last = |a: &gazette::tui::app::App| support::screen(a).lines().last().unwrap().to_string();
    assert!(last(&a).contains("/ filter"), "{}", last(&a));
    keys(&mut a, "]");
    assert!(
        last(&a).contains("a accept  x reject  R relabel  b bounds  u undo"),
        "{}",
        last(&a)
    );
}

#[test]
fn reopening_restores_the_exact_place_the_mention_and_the_focused_pane() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("r.db");
    let mut a = app(160, 45);
    a.attach_store(Store::open(&path));
    keys(&mut a, "jj<Tab>]]jjj");
    assert_eq!(a.focus, gazette::tui::layout::Pane::Reader);
    let (row, top, mention) = (a.list.selected, a.reader.top, a.current_mention);
    assert!(top > 0 && mention.is_some());
    a.save_place(); // as on quitting
    let mut b = app(160, 45);
    b.attach_store(Store::open(&path));
    assert_eq!(b.list.selected, row);
    assert_eq!(b.reader.top, top, "the exact scroll");
    assert_eq!(b.current_mention, mention);
    assert_eq!(b.focus, gazette::tui::layout::Pane::Reader);
}

#[test]
fn while_marking_a_new_mention_only_the_new_span_is_reversed() {
    let mut a = app(160, 45);
    keys(&mut a, "]+>>");
    let Some(gazette::tui::app::Overlay::SpanEdit(edit)) = a.overlay().cloned() else {
        panic!("no span editor")
    };
    let anchor = a.current_mention.unwrap();
    let anchor_span = a.ws.index.mentions[anchor.index()].span.clone();
    assert_ne!(edit.span, anchor_span);
    let doc = a.ws.corpus.docs[edit.doc.index()].clone();
    let line = gazette::tui::view::reader::styled_line(&a, &doc, 0..doc.text.len());
    let mut at = 0;
    let mut reversed = Vec::new();
    for span in &line.spans {
        let len = span.content.len();
        if span.style.add_modifier.contains(Modifier::REVERSED) {
            reversed.push(at..at + len);
        }
        at += len;
    }
    assert!(
        reversed
            .iter()
            .all(|r| edit.span.start <= r.start && r.end <= edit.span.end),
        "only the new span {:?} is reversed: {reversed:?}",
        edit.span
    );
}

/// The browser on the bundled corpus with imported mentions of `labels` over the word
/// "Municipal" of the first article, beside the extractor's, and a review database in `dir`.
fn app_with_imported_labels(labels: &[&str], dir: &std::path::Path) -> gazette::tui::app::App {
    use gazette::model::{Label, Mention, Source};
    let corpus = gazette::corpus::Corpus::bundled();
    let mut mentions = gazette::session::analyze(&corpus).mentions;
    let text: &str = &corpus.docs[0].text;
    let at = text.find("Municipal").unwrap();
    for name in labels {
        mentions.push(Mention {
            doc: gazette::corpus::DocId(0),
            span: at..at + "Municipal".len(),
            label: Label::Other((*name).into()),
            key: format!("imported:{}", name.to_lowercase()).into(),
            canonical: "Municipal".into(),
            source: Source::Imported("spacy.jsonl".into()),
        });
    }
    let index = gazette::index::Index::build(&corpus, mentions);
    let mut a = gazette::tui::app::App::new(
        corpus,
        index,
        gazette::tui::theme::Theme::new(true),
        ratatui::layout::Rect::new(0, 0, 160, 45),
    );
    a.attach_store(Store::open(&dir.join("r.db")));
    a
}

/// Labels imported files use (spaCy's NORP, FAC…) can be given in review: the relabel popup
/// offers them on 1–9, and a new mention can take one too.
#[test]
fn a_label_from_an_imported_file_can_be_assigned() {
    use gazette::model::Label;
    let dir = tempfile::tempdir().unwrap();
    let mut a = app_with_imported_labels(&["NORP"], dir.path());
    assert_eq!(
        a.other_labels(),
        [("1".to_string(), Label::Other("NORP".into()))]
    );
    keys(&mut a, "]");
    let m = a.current_mention.unwrap();
    keys(&mut a, "R");
    assert!(
        support::screen(&a).contains("1 NORP"),
        "{}",
        support::screen(&a)
    );
    keys(&mut a, "1");
    assert_eq!(a.effective_label(m), Label::Other("NORP".into()));
    let e = a.ws.index.entity(a.ws.index.entity_of(m));
    assert_eq!(
        e.label,
        Label::Other("NORP".into()),
        "the mention's entity is a NORP one"
    );
}

#[test]
fn v_and_capital_v_narrow_the_list_and_the_steps_to_one_status_and_one_label() {
    let dir = tempfile::tempdir().unwrap();
    let mut a = app(160, 45);
    a.attach_store(Store::open(&dir.path().join("r.db")));
    keys(&mut a, "]");
    let rejected = a.current_mention.unwrap();
    keys(&mut a, "x");
    keys(&mut a, "v"); // unreviewed: every document still has some
    assert_eq!(a.list.docs.len(), 5);
    keys(&mut a, "v"); // rejected: only the first document
    assert_eq!(a.list.docs.len(), 1, "{:?}", a.message);
    assert!(a.message.as_deref().unwrap().starts_with("only rejected"));
    keys(&mut a, "<Esc>]");
    assert_eq!(
        a.current_mention,
        Some(rejected),
        "] steps onto the rejected one only"
    );
    keys(&mut a, "]");
    assert_eq!(a.current_mention, Some(rejected), "it is the only one");
    keys(&mut a, "vv"); // accepted (none), then all again
    assert_eq!(a.list.docs.len(), 5);
    assert_eq!(a.message.as_deref(), Some("every mention again"));
    // One label: ] never lands on another.
    keys(&mut a, "V");
    let label = a.only.label.clone().unwrap();
    keys(&mut a, "<Esc>");
    for _ in 0..8 {
        keys(&mut a, "]");
        if let Some(m) = a.current_mention {
            assert_eq!(a.effective_label(m), label);
        }
    }
}

/// A team's own schema: a label the config file adds is offered on its own key (with its
/// colour and attribute) even before any mention has it.
#[test]
fn a_label_from_the_config_file_is_offered_on_its_key() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("config.toml");
    std::fs::write(
        &path,
        "[labels.FACILITY]\nkey = \"f\"\ncolor = \"yellow\"\nattribute = \"underlined\"\n\n[labels.EVENT]\n",
    )
    .unwrap();
    let (config, problems) = gazette::tui::config::load(&path, true);
    assert!(problems.is_empty(), "{problems:?}");
    let mut a = app(160, 45);
    a.theme.labels = std::sync::Arc::new(config.labels);
    a.attach_store(Store::open(&dir.path().join("r.db")));
    let facility = gazette::model::Label::Other("FACILITY".into());
    assert_eq!(
        a.other_labels(),
        [
            ("f".to_string(), facility.clone()),
            (
                "1".to_string(),
                gazette::model::Label::Other("EVENT".into())
            )
        ]
    );
    keys(&mut a, "]");
    let m = a.current_mention.unwrap();
    keys(&mut a, "R");
    assert!(support::screen(&a).contains("f FACILITY"));
    keys(&mut a, "f");
    assert_eq!(a.effective_label(m), facility);
    assert!(a
        .theme
        .label(&facility)
        .add_modifier
        .contains(Modifier::UNDERLINED));
    let bad = dir.path().join("bad.toml");
    std::fs::write(
        &bad,
        "[labels.PERSON]\nkey = \"q\"\n[labels.X]\nshape = \"round\"\n",
    )
    .unwrap();
    let (_, problems) = gazette::tui::config::load(&bad, true);
    assert_eq!(problems.len(), 2, "{problems:?}");
    assert!(problems[0]
        .to_string()
        .contains("bad.toml:1: \"PERSON\" is built in"));
    assert!(problems[1]
        .to_string()
        .contains("bad.toml:4: unknown field \"shape\""));
}

#[test]
fn capital_d_marks_the_document_done_and_one_undo_takes_it_back() {
    let dir = tempfile::tempdir().unwrap();
    let mut a = app(160, 45);
    a.attach_store(Store::open(&dir.path().join("r.db")));
    keys(&mut a, "]x"); // one rejected first: it stays rejected
    let doc = a.current_doc().unwrap();
    let (_, total) = a.doc_reviewed(doc);
    keys(&mut a, "D");
    assert_eq!(a.doc_reviewed(doc), (total, total), "{:?}", a.message);
    let statuses: Vec<Status> = (a.ws.index.doc_mention_ids(doc))
        .map(|i| a.review_of(gazette::index::MentionId(i as u32)).status)
        .collect();
    assert_eq!(
        statuses.iter().filter(|s| **s == Status::Rejected).count(),
        1
    );
    assert!(support::screen(&a).contains("✓"), "the list shows it done");
    keys(&mut a, "u");
    assert_eq!(a.doc_reviewed(doc), (1, total));
}

/// Once something is decided, a gutter left of the reader's text marks each line's decided
/// mentions — ✓ accepted, ≠ relabelled, + added, ✗ rejected — readable without colour.
#[test]
fn the_reader_marks_decided_mentions_in_a_gutter() {
    let dir = tempfile::tempdir().unwrap();
    let mut a = gazette::tui::app::App::new(
        gazette::corpus::Corpus::bundled(),
        gazette::session::analyze(&gazette::corpus::Corpus::bundled()),
        gazette::tui::theme::Theme::new(false),
        ratatui::layout::Rect::new(0, 0, 160, 45),
    );
    a.attach_store(Store::open(&dir.path().join("r.db")));
    let reader = |a: &gazette::tui::app::App| {
        let r = gazette::tui::layout::inner(a.layout().reader.unwrap());
        let buf = render(a);
        let cell = |x: u16, y: u16| buf[(x, y)].symbol().to_string();
        (r, cell(r.x, r.y), cell(r.x + 3, r.y))
    };
    let (_, first, _) = reader(&a);
    assert_eq!(first, "L", "no gutter before any decision");
    keys(&mut a, "]a"); // the headline's Lian Maojun
    let (r, mark, text) = reader(&a);
    assert_eq!((mark.as_str(), text.as_str()), ("✓", "L"), "{r:?}");
    keys(&mut a, "u"); // back on the headline's mention
    keys(&mut a, "x");
    assert_eq!(reader(&a).1, "✗");
    keys(&mut a, "uRo"); // undo returns to the mention: relabel it
    assert_eq!(reader(&a).1, "≠");
}

/// `I` ignores the current document, as Prodigy's "ignore" answer does: the list marks it, `}`
/// passes over it, the export leaves it out; reopening keeps it ignored, `I` again takes it back.
#[test]
fn an_ignored_document_is_skipped_and_left_out_of_the_export() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("r.db");
    let mut a = app(160, 45);
    a.attach_store(Store::open(&store));
    let first = a.current_doc().unwrap();
    keys(&mut a, "I");
    assert!(a.ws.is_ignored(first), "{:?}", a.message);
    let screen = support::screen(&a);
    assert!(
        screen.lines().nth(2).is_some_and(|l| l.contains(" ign ")),
        "the list marks it:\n{screen}"
    );
    keys(&mut a, "}");
    let m = a.current_mention.unwrap();
    assert_ne!(
        a.ws.index.mentions[m.index()].doc,
        first,
        "}} passes over the ignored document"
    );
    let mut b = app(160, 45);
    b.attach_store(Store::open(&store));
    assert!(b.ws.is_ignored(first), "still ignored on reopening");
    drop(b);

    let out_file = dir.path().join("out.jsonl");
    let (ok, _, err) = export(&[
        "export",
        "--store",
        store.to_str().unwrap(),
        "--out",
        out_file.to_str().unwrap(),
    ]);
    assert!(ok, "{err}");
    let out = std::fs::read_to_string(&out_file).unwrap();
    assert!(
        err.contains("1 document(s) ignored in review left out"),
        "{err}"
    );
    let first_path = &a.ws.corpus.docs[first.index()].path;
    assert_eq!(out.lines().count(), a.ws.corpus.docs.len() - 1);
    assert!(!out.contains(first_path.as_str()), "{out}");

    // Taken back with I (on the first document again), then that undone: ignored once more.
    keys(&mut a, "gI");
    assert!(!a.ws.is_ignored(first), "{:?}", a.message);
    keys(&mut a, "u");
    assert!(a.ws.is_ignored(first));
}

/// More labels than digits: past 1–9 they are offered on the letters the prompts leave free,
/// each once, and every one can be given.
#[test]
fn a_dozen_imported_labels_each_get_a_key_of_their_own() {
    let names: Vec<String> = (0..12).map(|i| format!("KIND{i}")).collect();
    let names: Vec<&str> = names.iter().map(String::as_str).collect();
    let dir = tempfile::tempdir().unwrap();
    let mut a = app_with_imported_labels(&names, dir.path());
    let offered = a.other_labels();
    assert_eq!(offered.len(), 12, "{offered:?}");
    let mut keys_used: Vec<&str> = offered.iter().map(|(k, _)| k.as_str()).collect();
    keys_used.sort();
    keys_used.dedup();
    assert_eq!(keys_used.len(), 12, "one key each: {offered:?}");
    assert!(
        offered
            .iter()
            .all(|(k, _)| !["p", "r", "o", "q"].contains(&k.as_str())),
        "no key the relabel prompt uses: {offered:?}"
    );
    let (last_key, last_label) = offered.last().unwrap().clone();
    keys(&mut a, "]");
    let m = a.current_mention.unwrap();
    keys(&mut a, &format!("R{last_key}"));
    assert_eq!(a.effective_label(m), last_label, "{:?}", a.message);
}
