//! Stage 3 of a cycle: selection decisions (never deleted; the latest row per proposal is
//! current; notified once) and selection runs (numbered per cycle).

use plenary_db::calls::proposals::{self as pq, NewProposal, ProposalContent};
use plenary_db::calls::selection::{self as q, NewDecision};
use plenary_db::{accounts, calls};
use plenary_domain::Timestamp;
use plenary_domain::accounts::{DisplayName, Email};

use crate::Fixture;

fn at(text: &str) -> Timestamp {
    text.parse().unwrap()
}

fn decision(cycle: i64, proposal: i64, what: &str, is_final: bool) -> NewDecision {
    NewDecision {
        cycle,
        proposal,
        decision: what.into(),
        condition: if what == "conditional" {
            "must merge with #2".into()
        } else {
            String::new()
        },
        rationale: format!("{what} because"),
        decided_by: "chair@example.org".into(),
        is_final,
        run_number: None,
    }
}

pub async fn decisions_history_and_runs(fx: Fixture) {
    let now = at("2026-07-01T10:00:00Z");
    let later = at("2026-07-02T10:00:00Z");
    let mut tx = fx.db.begin().await.unwrap();
    let forum = crate::insert_igf(&mut tx, at("2020-01-01T00:00:00Z")).await;
    let cycle = calls::insert_cycle(&mut tx, forum.0, 2026, "doc", now, now)
        .await
        .unwrap();
    let other = calls::insert_cycle(&mut tx, forum.0, 2027, "doc", now, now)
        .await
        .unwrap();
    let person = accounts::insert_person(
        &mut tx,
        &DisplayName::parse("Sub Mitter").unwrap(),
        None,
        None,
        now,
    )
    .await
    .unwrap();
    let sub = accounts::insert_account(
        &mut tx,
        person,
        &Email::parse("sub@example.org").unwrap(),
        "x",
        None,
        now,
    )
    .await
    .unwrap();
    let proposal = |cycle: i64, title: &str| NewProposal {
        cycle,
        submitter_account: sub.0,
        status: "submitted".into(),
        content: ProposalContent {
            session_type: "workshop".into(),
            title: title.into(),
            issue_area: "ai".into(),
            ..ProposalContent::default()
        },
        people: Vec::new(),
        submitted_at: None,
    };
    let (p1, _) = pq::insert_proposal(&mut tx, &proposal(cycle, "One"), now)
        .await
        .unwrap();
    let (p2, _) = pq::insert_proposal(&mut tx, &proposal(cycle, "Two"), now)
        .await
        .unwrap();
    let (p3, _) = pq::insert_proposal(&mut tx, &proposal(other, "Three"), now)
        .await
        .unwrap();

    assert!(
        q::current_decisions(&mut tx, cycle)
            .await
            .unwrap()
            .is_empty()
    );
    let first = q::insert_decision(&mut tx, &decision(cycle, p1, "accept", false), now)
        .await
        .unwrap();
    let mut conditional = decision(cycle, p2, "conditional", false);
    conditional.run_number = Some(1);
    q::insert_decision(&mut tx, &conditional, now)
        .await
        .unwrap();
    let second = q::insert_decision(&mut tx, &decision(cycle, p1, "decline", true), later)
        .await
        .unwrap();
    assert!(second > first);
    q::insert_decision(&mut tx, &decision(other, p3, "accept", true), now)
        .await
        .unwrap();

    // The latest row per proposal is current; other cycles do not leak in.
    let current = q::current_decisions(&mut tx, cycle).await.unwrap();
    assert_eq!(current.len(), 2);
    assert_eq!(current[0].proposal, p1);
    assert_eq!(current[0].id, second);
    assert_eq!(current[0].decision, "decline");
    assert!(current[0].is_final);
    assert_eq!(current[0].decided_at, later);
    assert_eq!(current[0].notified_at, None);
    assert_eq!(current[1].proposal, p2);
    assert_eq!(current[1].decision, "conditional");
    assert_eq!(current[1].condition, "must merge with #2");
    assert_eq!(current[1].rationale, "conditional because");
    assert!(!current[1].is_final);
    assert_eq!(current[1].run_number, Some(1));

    // History keeps every row, oldest first.
    let history = q::decision_history(&mut tx, p1).await.unwrap();
    assert_eq!(
        history
            .iter()
            .map(|d| d.decision.as_str())
            .collect::<Vec<_>>(),
        ["accept", "decline"]
    );

    // Notified once.
    assert!(q::mark_notified(&mut tx, second, later).await.unwrap());
    assert!(!q::mark_notified(&mut tx, second, later).await.unwrap());
    let current = q::current_decisions(&mut tx, cycle).await.unwrap();
    assert_eq!(current[0].notified_at, Some(later));

    // Runs are numbered per cycle.
    assert_eq!(q::latest_run(&mut tx, cycle).await.unwrap(), None);
    let (_, n1) = q::insert_run(&mut tx, cycle, "sec@example.org", "{}", "{\"a\":1}", now)
        .await
        .unwrap();
    let (_, n2) = q::insert_run(&mut tx, cycle, "sec@example.org", "{\"b\":2}", "{}", later)
        .await
        .unwrap();
    let (_, o1) = q::insert_run(&mut tx, other, "sec@example.org", "{}", "{}", now)
        .await
        .unwrap();
    assert_eq!((n1, n2, o1), (1, 2, 1));
    let latest = q::latest_run(&mut tx, cycle).await.unwrap().unwrap();
    assert_eq!(latest.number, 2);
    assert_eq!(latest.settings, "{\"b\":2}");
    assert_eq!(latest.run_at, later);
    let one = q::run(&mut tx, cycle, 1).await.unwrap().unwrap();
    assert_eq!(one.report, "{\"a\":1}");
    assert_eq!(one.run_by, "sec@example.org");
    assert_eq!(q::run(&mut tx, cycle, 3).await.unwrap(), None);
    tx.commit().await.unwrap();
}
