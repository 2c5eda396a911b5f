//! Compare mode: the reviewed mentions against a gold annotation, marked in the reader, scored
//! as `gazette eval` scores them, and updated as the reviewer decides.

mod support;

use gazette::formats::import::{read_file, resolve};
use gazette::formats::Unit;
use gazette::review::Store;
use gazette::tui::compare::Compare;
use ratatui::style::Modifier;
use support::{app, gazette, keys, render, text_of};

fn compare_app() -> (gazette::tui::app::App, tempfile::TempDir) {
    let mut a = app(160, 45);
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/gold/seeds.jsonl");
    let (raw, problems) = read_file(&path);
    assert!(problems.is_empty());
    let gold = resolve(&a.ws.corpus, &raw, "seeds.jsonl", Unit::Codepoints);
    assert!(gold.errors.is_empty(), "{:?}", gold.errors);
    a.ws.compare = Some(Compare::new(a.ws.corpus.docs.len(), &gold.mentions));
    let dir = tempfile::tempdir().unwrap();
    a.attach_store(Store::open(&dir.path().join("r.db")));
    (a, dir)
}

#[test]
fn the_figures_are_those_of_gazette_eval() {
    let (a, dir) = compare_app();
    let pred = dir.path().join("pred.jsonl");
    std::fs::write(&pred, gazette(&["extract"]).stdout).unwrap();
    let gold = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/gold/seeds.jsonl");
    let eval = String::from_utf8(
        gazette(&["eval", "--gold", gold, "--pred", pred.to_str().unwrap()]).stdout,
    )
    .unwrap();
    let c = &a.ws.compare.as_ref().unwrap().total;
    let m = c.micro;
    let micro_row = format!(
        "{:<12} {:>6} {:>6} {:>8} {:>10.3} {:>7.3} {:>7.3}",
        "micro",
        m.gold,
        m.pred,
        m.correct,
        m.prf().precision,
        m.prf().recall,
        m.prf().f1
    );
    assert!(eval.contains(&micro_row), "{micro_row:?} not in {eval}");
    let s = c.semeval;
    assert!(eval.contains(&format!(
        "correct {} · incorrect {} · partial {} · missed {} · spurious {}",
        s.correct, s.incorrect, s.partial, s.missed, s.spurious
    )));
}

#[test]
fn disagreements_are_marked_and_the_pane_shows_the_figures() {
    let (mut a, _dir) = compare_app();
    keys(&mut a, "jj"); // the Chinese article
    let buf = render(&a);
    let screen = text_of(&buf);
    assert!(
        screen.contains("Metrics vs gold") && screen.contains("micro"),
        "{screen}"
    );
    let has = |m: Modifier| {
        buf.content().iter().any(|c| {
            c.modifier.contains(m)
                && c.modifier == (c.modifier & (m | Modifier::BOLD | Modifier::DIM))
        })
    };
    assert!(
        buf.content()
            .iter()
            .any(|c| c.modifier.contains(Modifier::REVERSED)),
        "missed gold spans are reversed"
    );
    assert!(has(Modifier::UNDERLINED), "agreed mentions are underlined");
}

#[test]
fn the_figures_follow_the_review() {
    let (mut a, _dir) = compare_app();
    let before = a.ws.compare.as_ref().unwrap().total.semeval;
    keys(&mut a, "]"); // the headline's Lian Maojun, which the gold has too
    keys(&mut a, "x");
    let after = a.ws.compare.as_ref().unwrap().total.semeval;
    assert_eq!(after.correct + 1, before.correct);
    assert_eq!(
        after.missed,
        before.missed + 1,
        "rejecting a right mention makes it missed"
    );
    keys(&mut a, "u");
    assert_eq!(a.ws.compare.as_ref().unwrap().total.semeval, before);
}

#[test]
fn the_disagreements_can_be_stepped_through() {
    let (mut a, _dir) = compare_app();
    keys(&mut a, ")");
    let first = a.message.clone().unwrap();
    assert!(first.starts_with("disagreement 1 of "), "{first}");
    keys(&mut a, ")");
    assert!(a
        .message
        .as_deref()
        .unwrap()
        .starts_with("disagreement 2 of "));
    keys(&mut a, "(");
    assert_eq!(a.message.as_deref(), Some(first.as_str()));
}

#[test]
fn the_errors_list_filters_by_kind_and_label_and_jumps() {
    let (mut a, _dir) = compare_app();
    keys(&mut a, "e");
    let all = a.error_rows(&Default::default()).len();
    let s = a.ws.compare.as_ref().unwrap().total.semeval;
    assert_eq!(
        all,
        s.incorrect + s.partial + s.missed + s.spurious,
        "every disagreement is listed"
    );
    assert!(
        support::screen(&a).contains(&format!("{all} disagreements · every kind · every label"))
    );
    keys(&mut a, "t"); // missed only
    let Some(gazette::tui::app::Overlay::Errors(list)) = a.overlay().cloned() else {
        panic!("no list")
    };
    let missed = a.error_rows(&list);
    assert_eq!(missed.len(), s.missed);
    assert!(missed
        .iter()
        .all(|r| r.pair.outcome == gazette::eval::Outcome::Missed));
    keys(&mut a, "l"); // and one label
    let Some(gazette::tui::app::Overlay::Errors(list)) = a.overlay().cloned() else {
        panic!("no list")
    };
    let label = list.label.clone().expect("a label filter");
    let rows = a.error_rows(&list);
    assert!(!rows.is_empty() && rows.len() < missed.len());
    assert!(rows
        .iter()
        .all(|r| r.pair.gold.as_ref().is_some_and(|g| g.label == label)));
    keys(&mut a, "j<Enter>");
    assert!(a.overlay().is_none());
    let shown = &rows[1];
    assert_eq!(
        a.list.selected, shown.rank,
        "the reader shows the disagreement's document"
    );
    let (_, w) = a.reader.wrapped.as_ref().unwrap();
    let line = w.line_of(shown.pair.gold.as_ref().unwrap().range.start);
    assert!(
        line >= a.reader.top && line < a.reader.top + usize::from(a.reader_size().1),
        "and scrolls to it"
    );
}

/// Steps with `)` until the disagreement shown is of `kind`; false if there is none.
fn step_to(a: &mut gazette::tui::app::App, kind: &str) -> bool {
    let total = a.ws.compare.as_ref().unwrap().total.semeval;
    let all = total.incorrect + total.partial + total.missed + total.spurious;
    for _ in 0..all {
        keys(a, ")");
        if a.message
            .as_deref()
            .unwrap_or("")
            .contains(&format!(": {kind} "))
        {
            return true;
        }
    }
    false
}

#[test]
fn t_takes_the_golds_version_of_each_kind_of_disagreement() {
    for (kind, moved) in [
        ("missed", "missed"),
        ("spurious", "spurious"),
        ("wrong boundary", "partial"),
    ] {
        let (mut a, _dir) = compare_app();
        assert!(
            step_to(&mut a, kind),
            "no {kind} disagreement in the bundled gold"
        );
        let before = a.ws.compare.as_ref().unwrap().total.semeval;
        keys(&mut a, "t");
        let after = a.ws.compare.as_ref().unwrap().total.semeval;
        let count = |s: &gazette::eval::SemEvalCounts| match moved {
            "missed" => s.missed,
            "spurious" => s.spurious,
            _ => s.partial,
        };
        assert_eq!(
            count(&after) + 1,
            count(&before),
            "{kind}: one fewer ({:?})",
            a.message
        );
        assert!(
            after.correct >= before.correct,
            "{kind}: nothing agreed is lost"
        );
        if kind != "spurious" {
            assert_eq!(
                after.correct,
                before.correct + 1,
                "{kind}: the gold's mention is now agreed"
            );
        }
        keys(&mut a, "u");
        assert_eq!(
            a.ws.compare.as_ref().unwrap().total.semeval,
            before,
            "{kind}: undone"
        );
    }
}

#[test]
fn capital_t_takes_every_disagreement_of_its_kind_in_the_document_as_one() {
    let (mut a, _dir) = compare_app();
    assert!(step_to(&mut a, "missed"));
    let doc = a.current_doc().unwrap();
    let missed_here = |a: &gazette::tui::app::App| {
        a.ws.compare.as_ref().unwrap().pairs[doc.index()]
            .iter()
            .filter(|p| p.outcome == gazette::eval::Outcome::Missed)
            .count()
    };
    let before = a.ws.compare.as_ref().unwrap().total.semeval;
    let n = missed_here(&a);
    keys(&mut a, "T");
    assert_eq!(missed_here(&a), 0, "{:?}", a.message);
    let after = a.ws.compare.as_ref().unwrap().total.semeval;
    assert_eq!(after.missed + n, before.missed);
    keys(&mut a, "u");
    assert_eq!(missed_here(&a), n, "one undo takes them all back");
}

#[test]
fn a_rejected_mention_the_gold_has_is_drawn_missed_and_agreed_ones_keep_their_label() {
    let (mut a, _dir) = compare_app();
    keys(&mut a, "]"); // the headline's Lian Maojun, agreed with the gold
    let m = a.current_mention.unwrap();
    assert_eq!(a.outcome_of(m), Some(gazette::eval::Outcome::Correct));
    let cell = |a: &gazette::tui::app::App| {
        // The headline's first cell: the reader's first line, right of the list.
        let buf = render(a);
        let row = 1;
        let col = (40..buf.area.width)
            .find(|&x| buf[(x, row)].symbol() == "L")
            .expect("the headline in the reader");
        buf[(col, row)].clone()
    };
    keys(&mut a, "<Esc>"); // no current mention: its own style shows
    assert!(
        cell(&a).modifier.contains(Modifier::BOLD),
        "an agreed person is drawn as a person (bold)"
    );
    a.current_mention = Some(m);
    keys(&mut a, "x");
    assert_eq!(a.outcome_of(m), Some(gazette::eval::Outcome::Missed));
    keys(&mut a, "<Esc>");
    let c = cell(&a);
    assert!(
        c.modifier.contains(Modifier::REVERSED),
        "missed is reversed: {c:?}"
    );
    assert!(
        !c.modifier.contains(Modifier::CROSSED_OUT),
        "not crossed out as spurious: {c:?}"
    );
}

#[test]
fn g_and_capital_g_go_to_the_first_and_last_disagreement() {
    let (mut a, _dir) = compare_app();
    keys(&mut a, "eG");
    let Some(gazette::tui::app::Overlay::Errors(list)) = a.overlay().cloned() else {
        panic!("no list")
    };
    assert_eq!(list.selected, a.error_rows(&list).len() - 1);
    keys(&mut a, "g");
    let Some(gazette::tui::app::Overlay::Errors(list)) = a.overlay().cloned() else {
        panic!("no list")
    };
    assert_eq!(list.selected, 0);
}
