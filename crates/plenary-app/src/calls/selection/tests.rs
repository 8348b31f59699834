//! Tests for `calls::selection` (SQLite, or PostgreSQL with PLENARY_TEST_BACKEND=postgres), on
//! the small demo (about 40 evaluated workshops) with the demo's reviews loaded: the board,
//! a proposal that fills the slots and keeps the chair's final decisions, applying it, the
//! decision rules (rationale, condition, unknown and unreviewed proposals, final decisions
//! changed by the chair only), finalising and notifying once.

use std::sync::Arc;

use plenary_db::audit::AuditFilter;
use plenary_domain::audit::Actor;
use plenary_testkit::TestDb;

use super::*;
use crate::{Mailer, ManualClock, Settings};

const YEAR: i32 = 2026;

struct Fixture {
    app: App,
    _db: TestDb,
    _mail: tempfile::TempDir,
}

async fn demo(with_reviews: bool) -> Fixture {
    let db = TestDb::from_env().await;
    let mail = tempfile::tempdir().unwrap();
    let clock = Arc::new(ManualClock::new("2026-11-22T10:00:00Z".parse().unwrap()));
    let app = App::new(
        db.db.clone(),
        clock,
        Mailer::from_url(
            &format!("file://{}", mail.path().display()),
            "t@example.org",
        )
        .unwrap(),
        Settings {
            public_url: "http://plenary.test".into(),
            mail_from: "t@example.org".into(),
        },
    );
    crate::demo::load_demo_sized(&app, &|_| {}, crate::demo::DemoSize::Small)
        .await
        .unwrap();
    if with_reviews {
        let written = crate::demo::reviews::load_reviews(&app, &Actor::System("demo"), YEAR)
            .await
            .unwrap();
        assert!(written > 0);
    }
    Fixture {
        app,
        _db: db,
        _mail: mail,
    }
}

async fn viewer(app: &App, who: &str) -> Viewer {
    let mut tx = app.db().read().await.unwrap();
    let record = plenary_db::accounts::account_by_email(&mut tx, &format!("{who}@igf.example.org"))
        .await
        .unwrap()
        .unwrap();
    tx.commit().await.unwrap();
    Viewer {
        account: Some(record.account),
        session_id: None,
    }
}

async fn audited(app: &App, action: &str) -> Vec<serde_json::Value> {
    let mut events: Vec<_> = crate::audit::list_all(app, &AuditFilter::default(), 10_000)
        .await
        .unwrap()
        .into_iter()
        .filter(|e| e.action == action)
        .map(|e| serde_json::from_str(e.after.as_deref().unwrap_or("null")).unwrap())
        .collect();
    events.reverse();
    events
}

async fn mails(app: &App) -> Vec<String> {
    crate::jobs::recent_jobs(app, 10_000)
        .await
        .unwrap()
        .into_iter()
        .map(|j| j.payload)
        .filter(|p| p.contains("selection") || p.contains("accepted"))
        .collect()
}

fn input(decision: &str, condition: &str, rationale: &str) -> DecisionInput {
    DecisionInput {
        decision: decision.into(),
        condition: condition.into(),
        rationale: rationale.into(),
    }
}

fn rule_code(err: &ActionError) -> &'static str {
    match err {
        ActionError::Rule { code, .. } => code,
        other => panic!("expected a rule, got {other:?}"),
    }
}

fn field(err: &ActionError) -> &'static str {
    match err {
        ActionError::Invalid(e) => e.field,
        other => panic!("expected an invalid field, got {other:?}"),
    }
}

#[tokio::test]
async fn a_proposal_fills_the_slots_records_nothing_and_applies_once() {
    let fx = demo(true).await;
    let app = &fx.app;
    let secretariat = viewer(app, "secretariat").await;
    let member = viewer(app, "mag.member").await;

    // The body's members see the board; they do not propose.
    let board = board(app, &member, "igf", YEAR).await.unwrap();
    assert!(board.lines.len() > 10, "{}", board.lines.len());
    assert!(board.reviews > 0);
    assert!(board.lines.iter().all(|l| l.decision.is_none()));
    assert!(board.lines.iter().all(|l| !l.region.is_empty()));
    assert_eq!(board.balance.accepted, 0);
    assert!(board.last_proposal.is_none());
    assert!(matches!(
        propose(app, &member, "igf", YEAR, SelectionSettings::default()).await,
        Err(ActionError::Forbidden)
    ));
    assert!(matches!(
        board_err(app, &viewer(app, "participant").await).await,
        ActionError::Forbidden
    ));

    // Default slots: 40 % of the evaluated proposals of each type.
    let proposal = propose(app, &secretariat, "igf", YEAR, SelectionSettings::default())
        .await
        .unwrap();
    assert_eq!(proposal.run, 1);
    assert!(proposal.infeasible.is_empty());
    let reviewed = board.lines.iter().filter(|l| l.count > 0).count();
    assert_eq!(proposal.decisions.len(), reviewed);
    for (session_type, slots) in &proposal.settings.slots {
        let evaluated = board
            .lines
            .iter()
            .filter(|l| &l.session_type == session_type)
            .count();
        assert_eq!(*slots, u32::try_from((evaluated * 40 + 50) / 100).unwrap());
        let accepted = proposal
            .decisions
            .iter()
            .filter(|d| d.accept && &d.session_type == session_type)
            .count();
        assert!(accepted <= *slots as usize);
    }
    assert_eq!(
        proposal.accepted,
        proposal.decisions.iter().filter(|d| d.accept).count()
    );
    assert!(proposal.accepted > 0);
    assert!(proposal.decisions.iter().all(|d| !d.reason.is_empty()));
    assert!(!proposal.targets.is_empty());
    assert!(
        proposal
            .targets
            .iter()
            .any(|t| t.label.starts_with("developing country ≥ 30"))
    );
    let balance = proposal.balance.clone().unwrap();
    assert_eq!(balance.accepted, proposal.accepted);
    // Proposing records no decision, but the run is kept and audited.
    let board = self::board(app, &secretariat, "igf", YEAR).await.unwrap();
    assert_eq!(board.decided, 0);
    assert_eq!(board.last_proposal.as_ref().unwrap().run, 1);
    assert_eq!(audited(app, "selection.proposed").await.len(), 1);

    // A percentage over 100 is refused.
    let bad = SelectionSettings {
        first_time_percent: 120,
        ..SelectionSettings::default()
    };
    let err = propose(app, &secretariat, "igf", YEAR, bad)
        .await
        .unwrap_err();
    assert_eq!(field(&err), "first_time_percent");

    // Applying records the run's choices with its reasons, once.
    let err = apply_proposal(app, &secretariat, "igf", YEAR, 9)
        .await
        .unwrap_err();
    assert_eq!(rule_code(&err), "unknown_run");
    let recorded = apply_proposal(app, &secretariat, "igf", YEAR, 1)
        .await
        .unwrap();
    assert_eq!(recorded, reviewed);
    let board = self::board(app, &secretariat, "igf", YEAR).await.unwrap();
    assert_eq!(board.decided, reviewed);
    assert_eq!(board.finals, 0);
    assert_eq!(board.balance.accepted, proposal.accepted);
    let first = proposal.decisions.first().unwrap();
    let line = board
        .lines
        .iter()
        .find(|l| l.number == first.number)
        .unwrap();
    let decision = line.decision.as_ref().unwrap();
    assert_eq!(decision.run, Some(1));
    assert!(decision.rationale.contains(&first.reason));
    assert_eq!(
        decision.decision,
        if first.accept { "accept" } else { "decline" }
    );
    assert_eq!(
        apply_proposal(app, &secretariat, "igf", YEAR, 1)
            .await
            .unwrap(),
        0
    );
}

async fn board_err(app: &App, viewer: &Viewer) -> ActionError {
    board(app, viewer, "igf", YEAR).await.unwrap_err()
}

#[tokio::test]
async fn decisions_need_reasons_only_the_chair_makes_them_final_and_proposers_hear_once() {
    let fx = demo(true).await;
    let app = &fx.app;
    let secretariat = viewer(app, "secretariat").await;
    let chair = viewer(app, "chair").await;
    let member = viewer(app, "mag.member").await;
    let board = board(app, &secretariat, "igf", YEAR).await.unwrap();
    let mut reviewed = board.lines.iter().filter(|l| l.count > 0);
    let a = reviewed.next().unwrap().clone();
    let b = reviewed.next().unwrap().clone();

    // Bad input.
    let err = decide(
        app,
        &secretariat,
        "igf",
        YEAR,
        a.number,
        input("accept", "", " "),
    )
    .await
    .unwrap_err();
    assert_eq!(field(&err), "rationale");
    let err = decide(
        app,
        &secretariat,
        "igf",
        YEAR,
        a.number,
        input("conditional", "", "good but overlaps"),
    )
    .await
    .unwrap_err();
    assert_eq!(field(&err), "condition");
    let err = decide(
        app,
        &secretariat,
        "igf",
        YEAR,
        a.number,
        input("maybe", "", "x"),
    )
    .await
    .unwrap_err();
    assert_eq!(field(&err), "decision");
    let err = decide(
        app,
        &secretariat,
        "igf",
        YEAR,
        99_999,
        input("accept", "", "x"),
    )
    .await
    .unwrap_err();
    assert_eq!(rule_code(&err), "not_evaluated");
    assert!(matches!(
        decide(
            app,
            &member,
            "igf",
            YEAR,
            a.number,
            input("accept", "", "x")
        )
        .await,
        Err(ActionError::Forbidden)
    ));
    // Nothing to finalise or notify yet.
    let err = finalise(app, &chair, "igf", YEAR).await.unwrap_err();
    assert_eq!(rule_code(&err), "nothing_decided");

    // Recorded decisions; history is kept.
    let line = decide(
        app,
        &secretariat,
        "igf",
        YEAR,
        a.number,
        input("conditional", "must merge with #12", "strong, overlaps #12"),
    )
    .await
    .unwrap();
    let d = line.decision.unwrap();
    assert_eq!(
        (d.decision.as_str(), d.condition.as_str(), d.is_final),
        ("conditional", "must merge with #12", false)
    );
    decide(
        app,
        &chair,
        "igf",
        YEAR,
        b.number,
        input("decline", "", "weak policy questions"),
    )
    .await
    .unwrap();
    let err = notify(app, &secretariat, "igf", YEAR).await.unwrap_err();
    assert_eq!(rule_code(&err), "nothing_final");

    // Only the chair records them as final.
    assert!(matches!(
        finalise(app, &secretariat, "igf", YEAR).await,
        Err(ActionError::Forbidden)
    ));
    let report = finalise(app, &chair, "igf", YEAR).await.unwrap();
    assert_eq!(report.finalised, 2);
    assert_eq!(report.already_final, 0);
    assert_eq!(report.undecided, board.lines.len() - 2);
    let again = finalise(app, &chair, "igf", YEAR).await.unwrap();
    assert_eq!((again.finalised, again.already_final), (0, 2));

    // A final decision is changed by the chair only.
    let err = decide(
        app,
        &secretariat,
        "igf",
        YEAR,
        b.number,
        input("accept", "", "x"),
    )
    .await
    .unwrap_err();
    assert_eq!(rule_code(&err), "final");

    // The optimiser keeps the final decisions.
    let proposal = propose(app, &secretariat, "igf", YEAR, SelectionSettings::default())
        .await
        .unwrap();
    let kept_a = proposal
        .decisions
        .iter()
        .find(|d| d.number == a.number)
        .unwrap();
    let kept_b = proposal
        .decisions
        .iter()
        .find(|d| d.number == b.number)
        .unwrap();
    assert!(kept_a.fixed && kept_a.accept);
    assert!(kept_b.fixed && !kept_b.accept);

    // Proposers are told once, with the outcome and reasons.
    let before = mails(app).await.len();
    assert_eq!(notify(app, &secretariat, "igf", YEAR).await.unwrap(), 2);
    let sent = mails(app).await;
    assert_eq!(sent.len(), before + 2);
    assert!(sent.iter().any(|m| m.contains("must merge with #12")));
    assert!(
        sent.iter()
            .any(|m| m.contains("not accepted") && m.contains("weak policy questions"))
    );
    assert_eq!(notify(app, &secretariat, "igf", YEAR).await.unwrap(), 0);
    assert_eq!(mails(app).await.len(), before + 2);
    assert!(matches!(
        notify(app, &chair, "igf", YEAR).await,
        Err(ActionError::Forbidden)
    ));

    // The chair changes a final decision: not final until recorded again; history kept.
    decide(
        app,
        &chair,
        "igf",
        YEAR,
        b.number,
        input("accept", "", "reconsidered at the meeting"),
    )
    .await
    .unwrap();
    let board = self::board(app, &secretariat, "igf", YEAR).await.unwrap();
    let now_b = board.lines.iter().find(|l| l.number == b.number).unwrap();
    let d = now_b.decision.as_ref().unwrap();
    assert_eq!(
        (d.decision.as_str(), d.is_final, d.notified),
        ("accept", false, false)
    );
    assert_eq!(board.finals, 1);
    assert_eq!(board.balance.accepted, 2);
    assert_eq!(audited(app, "selection.decided").await.len(), 3);
    assert_eq!(audited(app, "selection.finalised").await.len(), 2);
    assert_eq!(audited(app, "selection.notified").await.len(), 2);
}

#[tokio::test]
async fn nothing_is_decided_or_proposed_before_any_review() {
    let fx = demo(false).await;
    let app = &fx.app;
    let secretariat = viewer(app, "secretariat").await;
    let board = board(app, &secretariat, "igf", YEAR).await.unwrap();
    assert_eq!(board.reviews, 0);
    let first = board.lines.first().unwrap();
    let err = decide(
        app,
        &secretariat,
        "igf",
        YEAR,
        first.number,
        input("accept", "", "x"),
    )
    .await
    .unwrap_err();
    assert_eq!(rule_code(&err), "not_reviewed");
    let err = propose(app, &secretariat, "igf", YEAR, SelectionSettings::default())
        .await
        .unwrap_err();
    assert_eq!(rule_code(&err), "no_reviews");
    assert!(audited(app, "selection.proposed").await.is_empty());
}
