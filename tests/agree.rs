//! `gazette agree`: two reviewers' databases over the bundled corpus, figures checked against
//! a hand-computed example.

mod support;

use gazette::index::MentionId;
use gazette::model::Label;
use gazette::review::{decision, Store, Verdict};
use gazette::session::analyze;

/// The hand-computed example: four mentions (ids 0–3), decided alike but for the second, which
/// the first reviewer accepts and the second rejects.
fn hand_computed_verdicts(first: bool) -> [Verdict; 4] {
    [
        Verdict::Reject,
        if first {
            Verdict::Accept
        } else {
            Verdict::Reject
        },
        Verdict::Relabel(Label::Org),
        Verdict::Accept,
    ]
}

#[test]
fn two_reviewers_agreement_is_the_hand_computed_one() {
    let corpus = gazette::corpus::Corpus::bundled();
    let index = analyze(&corpus);
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (dir.path().join("a.db"), dir.path().join("b.db"));
    for (path, first) in [(&a, true), (&b, false)] {
        let mut store = Store::open(path).unwrap();
        for (i, v) in hand_computed_verdicts(first).into_iter().enumerate() {
            store
                .append(&decision(&corpus, &index, MentionId(i as u32), v))
                .unwrap();
        }
    }
    // The second also decided a mention the first did not: not among those both decided.
    Store::open(&b)
        .unwrap()
        .append(&decision(&corpus, &index, MentionId(10), Verdict::Accept))
        .unwrap();
    let out = support::gazette(&[
        "agree",
        "--store",
        a.to_str().unwrap(),
        "--store",
        b.to_str().unwrap(),
    ]);
    assert!(out.status.success(), "{out:?}");
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("decided by both: 4"), "{text}");
    // Observed 0.75, by chance 0.3125: kappa 0.4375 / 0.6875 = 0.636.
    assert!(
        text.contains("Cohen's kappa: 0.636 (observed agreement 0.750, by chance 0.312)"),
        "{text}"
    );
    assert!(text.contains("Decided differently (1)"), "{text}");
    assert!(text.contains("first accept, second reject"), "{text}");
    // The first rejected one mention, the second two (and accepted one more): the second's
    // annotation has one mention fewer, all of them the first's.
    let micro = text.lines().find(|l| l.starts_with("micro")).unwrap();
    let counts: Vec<&str> = micro.split_whitespace().collect();
    let (first, second, both): (usize, usize, usize) = (
        counts[1].parse().unwrap(),
        counts[2].parse().unwrap(),
        counts[3].parse().unwrap(),
    );
    assert_eq!(second + 1, first, "{micro}");
    assert_eq!(both, second, "{micro}");
    let one = support::gazette(&["agree", "--store", a.to_str().unwrap()]);
    assert!(!one.status.success());
}

#[test]
fn export_can_apply_one_reviewers_decisions_alone() {
    let corpus = gazette::corpus::Corpus::bundled();
    let index = analyze(&corpus);
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("shared.db");
    let mut store = Store::open(&db).unwrap();
    store.set_reviewer("alice");
    store
        .append(&decision(&corpus, &index, MentionId(0), Verdict::Reject))
        .unwrap();
    store.set_reviewer("bob");
    store
        .append(&decision(&corpus, &index, MentionId(1), Verdict::Reject))
        .unwrap();
    drop(store);
    let statuses = |reviewer: Option<&str>| -> Vec<String> {
        let out = dir
            .path()
            .join(format!("{}.jsonl", reviewer.unwrap_or("all")));
        let mut args = vec!["export", "--store", db.to_str().unwrap(), "--with-status"];
        if let Some(r) = reviewer {
            args.extend(["--reviewer", r]);
        }
        args.extend(["--out", out.to_str().unwrap()]);
        let run = support::gazette(&args);
        assert!(run.status.success(), "{run:?}");
        let first = std::fs::read_to_string(&out).unwrap();
        let line: serde_json::Value = serde_json::from_str(first.lines().next().unwrap()).unwrap();
        (line["entities"].as_array().unwrap().iter().take(2))
            .map(|e| e["status"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(statuses(Some("alice")), ["rejected", "unreviewed"]);
    assert_eq!(statuses(Some("bob")), ["unreviewed", "rejected"]);
    assert_eq!(statuses(None), ["rejected", "rejected"]);
}

/// The browser's agreement pane (K): two reviewers of one database, the same hand-computed
/// figures as `gazette agree`, and Enter shows the mention they decided differently.
#[test]
fn the_agreement_pane_shows_two_reviewers_of_one_database() {
    use gazette::tui::app::Overlay;
    let corpus = gazette::corpus::Corpus::bundled();
    let index = analyze(&corpus);
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("shared.db");
    for (reviewer, first) in [("alice", true), ("bob", false)] {
        let mut store = Store::open(&db).unwrap();
        store.set_reviewer(reviewer);
        for (i, v) in hand_computed_verdicts(first).into_iter().enumerate() {
            store
                .append(&decision(&corpus, &index, MentionId(i as u32), v))
                .unwrap();
        }
    }
    let mut a = support::app(160, 45);
    let mut store = Store::open(&db);
    if let Ok(s) = &mut store {
        s.set_reviewer("alice");
    }
    a.attach_store(store);
    support::keys(&mut a, "K");
    let Some(Overlay::Agreement(pane)) = a.overlay() else {
        panic!("no agreement pane: {:?}", a.message);
    };
    assert_eq!((pane.me.as_str(), pane.other.as_str()), ("alice", "bob"));
    assert_eq!(pane.agreement.both, 4);
    let (kappa, observed, chance) = pane.agreement.kappa.unwrap();
    assert!((kappa - 0.4375 / 0.6875).abs() < 1e-9);
    assert!((observed - 0.75).abs() < 1e-9 && (chance - 0.3125).abs() < 1e-9);
    assert_eq!(pane.agreement.differ.len(), 1);
    let screen = support::screen(&a);
    assert!(screen.contains("Cohen's kappa 0.636"), "{screen}");
    assert!(screen.contains("alice accept, bob reject"), "{screen}");
    support::keys(&mut a, "<Enter>");
    assert!(a.overlay().is_none());
    assert_eq!(
        a.current_mention,
        Some(MentionId(1)),
        "the mention decided differently"
    );

    // Alone in a database, the pane says there is no one to compare with.
    let mut alone = support::app(160, 45);
    alone.attach_store(Store::open(&dir.path().join("alone.db")));
    support::keys(&mut alone, "K");
    assert!(alone.overlay().is_none());
    assert!(
        alone
            .message
            .as_deref()
            .unwrap_or("")
            .contains("gazette agree"),
        "{:?}",
        alone.message
    );
}
