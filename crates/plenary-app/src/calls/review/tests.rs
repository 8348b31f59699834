//! Tests for `calls::review` (SQLite, or PostgreSQL with PLENARY_TEST_BACKEND=postgres), on
//! the demo data in two settings:
//! - the demo's 2026 call (about 40 evaluated workshops) with twelve MAG members given
//!   accounts and seats: seeding the pool, an assignment run that is stored and valid, a
//!   second run that changes nothing, a declared conflict that finds a replacement with few
//!   changes, a withdrawal mid-phase, engagement records;
//! - a hand-made 2029 cycle of three workshops by the demo organiser with reviewers added
//!   one by one: detected conflicts, refused and audited access, bad scores, the deadline,
//!   an evaluation group with too few reviewers, the synthesis numbers, anonymity.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

use plenary_db::audit::AuditFilter;
use plenary_domain::audit::Actor;
use plenary_domain::bodies::SeatKind;
use plenary_domain::calls::review::{EvaluationGroup, EvaluationSetup};
use plenary_domain::permissions::Role;
use plenary_domain::time::Seconds;
use plenary_testkit::TestDb;

use super::*;
use crate::bodies::roster::{NewMember, add_memberships};
use crate::calls::proposals::{PersonInput, ProposalInput, new_draft, submit};
use crate::calls::{cycles, document, screening};
use crate::{Mailer, ManualClock, Settings};

struct Fixture {
    app: App,
    clock: Arc<ManualClock>,
    _db: TestDb,
    _mail: tempfile::TempDir,
}

async fn demo() -> Fixture {
    let db = TestDb::from_env().await;
    let mail = tempfile::tempdir().unwrap();
    let clock = Arc::new(ManualClock::new("2026-11-22T10:00:00Z".parse().unwrap()));
    let app = App::new(
        db.db.clone(),
        clock.clone(),
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
    Fixture {
        app,
        clock,
        _db: db,
        _mail: mail,
    }
}

fn set_clock(fx: &Fixture, at: Timestamp) {
    let now = fx.app.now();
    fx.clock
        .advance(Seconds((at.as_micros() - now.as_micros()) / 1_000_000));
}

fn at(text: &str) -> Timestamp {
    text.parse().unwrap()
}

async fn viewer(app: &App, email: &str) -> Viewer {
    let mut tx = app.db().read().await.unwrap();
    let record = plenary_db::accounts::account_by_email(&mut tx, email)
        .await
        .unwrap()
        .unwrap();
    tx.commit().await.unwrap();
    Viewer {
        account: Some(record.account),
        session_id: None,
    }
}

/// A new account holding `role` in the IGF.
async fn account(app: &App, email: &str, name: &str, role: Role) -> Viewer {
    crate::accounts::create_account(
        app,
        &Actor::System("test"),
        crate::accounts::NewAccountInput {
            email: email.into(),
            display_name: name.into(),
            password: "correct horse battery staple".into(),
            language: None,
        },
    )
    .await
    .unwrap();
    crate::forums::grant_role_as_operator(app, &Actor::System("test"), "igf", email, role)
        .await
        .unwrap();
    viewer(app, email).await
}

async fn secretariat(app: &App) -> Viewer {
    viewer(app, "secretariat@igf.example.org").await
}

/// Every audit event with `action`, oldest first, as (entity id, after JSON).
async fn audited(app: &App, action: &str) -> Vec<(String, serde_json::Value)> {
    let mut events: Vec<_> = crate::audit::list_all(app, &AuditFilter::default(), 10_000)
        .await
        .unwrap()
        .into_iter()
        .filter(|e| e.action == action)
        .map(|e| {
            (
                e.entity_id,
                serde_json::from_str(e.after.as_deref().unwrap_or("null")).unwrap(),
            )
        })
        .collect();
    events.reverse();
    events
}

/// Changes the evaluation set-up of the cycle of `year`.
async fn set_evaluation(app: &App, year: i32, change: impl FnOnce(&mut EvaluationSetup)) {
    let mut setup = cycles::cycle(app, &Viewer::anonymous(), "igf", year)
        .await
        .unwrap()
        .cycle
        .setup;
    change(&mut setup.evaluation);
    cycles::set_up_as_operator(
        app,
        &Actor::System("test"),
        "igf",
        &document::to_toml(&setup),
    )
    .await
    .unwrap();
}

/// The active (reviewer, proposal number) pairs of a cycle.
async fn active_pairs(app: &App, year: i32) -> BTreeSet<(i64, i64)> {
    let mut tx = app.db().read().await.unwrap();
    let forum = plenary_db::forums::forum_by_slug(&mut tx, "igf")
        .await
        .unwrap()
        .unwrap();
    let cycle = plenary_db::calls::cycle_by_year(&mut tx, forum.id.0, i64::from(year))
        .await
        .unwrap()
        .unwrap();
    let numbers: BTreeMap<i64, i64> =
        pq::proposals_of_cycle(&mut tx, cycle.id, &pq::ProposalFilter::default())
            .await
            .unwrap()
            .into_iter()
            .map(|p| (p.id, p.number))
            .collect();
    let pairs = q::active_assignments(&mut tx, cycle.id)
        .await
        .unwrap()
        .into_iter()
        .map(|a| (a.reviewer, numbers[&a.proposal]))
        .collect();
    tx.commit().await.unwrap();
    pairs
}

// ---------------------------------------------------------------------------------------------
// The demo's 2026 call
// ---------------------------------------------------------------------------------------------

const DEMO_YEAR: i32 = 2026;

/// Twelve more MAG members with accounts: (e-mail, name, stakeholder group, country).
const MEMBERS: [(&str, &str, &str, &str); 12] = [
    (
        "m01@mag.example.org",
        "Amani Njoroge",
        "civil_society",
        "KE",
    ),
    (
        "m02@mag.example.org",
        "Bo Lindqvist",
        "technical_community",
        "SE",
    ),
    ("m03@mag.example.org", "Chen Wei", "private_sector", "CN"),
    ("m04@mag.example.org", "Dana Kowalska", "government", "PL"),
    (
        "m05@mag.example.org",
        "Esteban Rojas",
        "civil_society",
        "CL",
    ),
    ("m06@mag.example.org", "Fatou Diop", "government", "SN"),
    (
        "m07@mag.example.org",
        "Gita Rao",
        "technical_community",
        "IN",
    ),
    (
        "m08@mag.example.org",
        "Hugo Marchand",
        "private_sector",
        "FR",
    ),
    (
        "m09@mag.example.org",
        "Ines Duarte",
        "technical_community",
        "BR",
    ),
    ("m10@mag.example.org", "Jonas Petrov", "civil_society", "BG"),
    (
        "m11@mag.example.org",
        "Kofi Boateng",
        "private_sector",
        "GH",
    ),
    ("m12@mag.example.org", "Lena Vogel", "government", "DE"),
];

/// The demo with twelve more seated MAG members (Reviewer role), the clock in the
/// evaluation phase, and the pool seeded by the secretariat.
async fn demo_with_pool() -> Fixture {
    let fx = demo().await;
    let app = &fx.app;
    let mut seats = Vec::new();
    for (email, name, group, country) in MEMBERS {
        account(app, email, name, Role::Reviewer).await;
        let mut tx = app.db().read().await.unwrap();
        let person = plenary_db::accounts::account_by_email(&mut tx, email)
            .await
            .unwrap()
            .unwrap()
            .person;
        tx.commit().await.unwrap();
        seats.push(NewMember {
            forum_slug: "igf".into(),
            body_slug: BODY_SLUG.into(),
            person,
            seat: SeatKind::Regular,
            stakeholder_group: group.into(),
            country_iso2: Some(country.into()),
            gender: "woman".into(),
            term_number: 1,
            starts_at: at("2026-01-01T00:00:00Z"),
            ends_at: Some(at("2027-01-01T00:00:00Z")),
            state: "appointed",
        });
    }
    add_memberships(app, &Actor::System("test"), &seats)
        .await
        .unwrap();
    // Evaluation time: a day after screening was due.
    let dates = cycles::cycle(app, &Viewer::anonymous(), "igf", DEMO_YEAR)
        .await
        .unwrap()
        .cycle
        .setup
        .dates;
    set_clock(&fx, dates.screening_due.plus(Seconds(86_400)));
    let added = seed_pool(app, &secretariat(app).await, "igf", DEMO_YEAR)
        .await
        .unwrap();
    // The twelve, and the demo's own MAG member account.
    assert_eq!(added, 13);
    fx
}

#[tokio::test]
async fn the_demo_call_is_assigned_validly_stored_audited_and_a_rerun_changes_nothing() {
    let fx = demo_with_pool().await;
    let app = &fx.app;
    let sec = secretariat(app).await;

    // Seeding again adds nobody; the pool has the members' groups and regions.
    assert_eq!(seed_pool(app, &sec, "igf", DEMO_YEAR).await.unwrap(), 0);
    let lines = pool(app, &sec, "igf", DEMO_YEAR).await.unwrap();
    assert_eq!(lines.len(), 13);
    let amani = lines.iter().find(|l| l.name == "Amani Njoroge").unwrap();
    assert_eq!(
        (
            amani.stakeholder_group.as_str(),
            amani.country_iso2.as_str(),
            amani.region.as_str(),
            amani.load_cap,
            amani.assigned
        ),
        ("civil_society", "KE", "african", 70, 0)
    );
    let member = viewer(app, "m01@mag.example.org").await;
    assert!(matches!(
        pool(app, &member, "igf", DEMO_YEAR).await,
        Err(ActionError::Forbidden)
    ));
    assert!(matches!(
        run_assignment(app, &member, "igf", DEMO_YEAR, false).await,
        Err(ActionError::Forbidden)
    ));

    let run = run_assignment(app, &sec, "igf", DEMO_YEAR, false)
        .await
        .unwrap();
    assert_eq!(run.infeasible, Vec::<String>::new());
    assert!(run.proposals > 20, "{}", run.proposals);
    assert_eq!(run.reviewers, 13);
    assert_eq!(run.reviews, 3 * run.proposals);
    assert_eq!(run.run_number, 1);
    assert_eq!(
        run.loads.iter().map(|(_, n)| *n as usize).sum::<usize>(),
        run.reviews
    );
    assert!(run.loads.iter().all(|(_, n)| *n <= 70));
    assert!(!run.method.is_empty());
    assert!(run.proven_optimal);

    // Stored: three distinct reviewers per evaluated proposal, none conflicted.
    let pairs = active_pairs(app, DEMO_YEAR).await;
    assert_eq!(pairs.len(), run.reviews);
    let mut per_proposal: BTreeMap<i64, usize> = BTreeMap::new();
    for (_, number) in &pairs {
        *per_proposal.entry(*number).or_default() += 1;
    }
    assert_eq!(per_proposal.len(), run.proposals);
    assert!(per_proposal.values().all(|n| *n == 3), "{per_proposal:?}");
    let mut tx = app.db().read().await.unwrap();
    let forum = plenary_db::forums::forum_by_slug(&mut tx, "igf")
        .await
        .unwrap()
        .unwrap();
    let cycle = cycles::load(&mut tx, &forum, DEMO_YEAR).await.unwrap();
    let conflicts = q::conflicts_of_cycle(&mut tx, cycle.id).await.unwrap();
    let rows = pq::submitted_with_people(&mut tx, cycle.id).await.unwrap();
    tx.commit().await.unwrap();
    for c in &conflicts {
        assert!(!pairs.contains(&(c.reviewer, c.proposal_number)), "{c:?}");
    }
    // Every evaluated proposal is a submitted workshop-like type that passed screening.
    let setup = &cycle.setup.evaluation;
    let evaluated: BTreeSet<i64> = rows
        .iter()
        .filter(|r| is_evaluated(setup, r))
        .map(|r| r.number)
        .collect();
    assert_eq!(
        per_proposal.keys().copied().collect::<BTreeSet<_>>(),
        evaluated
    );
    assert!(
        rows.iter().any(|r| !is_evaluated(setup, r)),
        "some are not evaluated"
    );

    // The queue of a reviewer lists what they were given, all to do.
    let lines = pool(app, &sec, "igf", DEMO_YEAR).await.unwrap();
    let amani = lines.iter().find(|l| l.name == "Amani Njoroge").unwrap();
    let q = queue(app, &member, "igf", DEMO_YEAR).await.unwrap();
    assert_eq!(q.total, amani.assigned);
    assert_eq!(
        q.items
            .iter()
            .map(|i| i64::from(i.number))
            .collect::<BTreeSet<_>>(),
        pairs
            .iter()
            .filter(|(r, _)| *r == amani.id)
            .map(|(_, n)| *n)
            .collect()
    );
    assert!(
        q.items
            .iter()
            .all(|i| i.state == "todo" && i.score.is_none())
    );
    assert!(q.open);
    assert!(q.due.contains("2026"), "{}", q.due);

    // Audited, with the run's numbers; the members' engagement records count assignments.
    let events = audited(app, "review.assign").await;
    assert_eq!(events.len(), 1);
    assert_eq!(events[0].1["reviews"], serde_json::json!(run.reviews));
    assert_eq!(events[0].1["run"], serde_json::json!(1));
    assert_eq!(audited(app, "review.pool_seed").await.len(), 2);
    let mut tx = app.db().read().await.unwrap();
    let membership = q::reviewer(&mut tx, amani.id)
        .await
        .unwrap()
        .unwrap()
        .membership
        .unwrap();
    let record = plenary_db::bodies::engagement_of_membership(&mut tx, membership, 2026)
        .await
        .unwrap()
        .unwrap();
    tx.commit().await.unwrap();
    assert_eq!(
        record.reviews_assigned,
        i64::try_from(amani.assigned).unwrap()
    );
    assert_eq!(record.reviews_done, 0);

    // A second run keeps everything.
    let again = run_assignment(app, &sec, "igf", DEMO_YEAR, false)
        .await
        .unwrap();
    assert_eq!(
        (again.kept, again.changed, again.run_number),
        (run.reviews, 0, 2)
    );
    assert_eq!(active_pairs(app, DEMO_YEAR).await, pairs);
    let progress = progress(app, &sec, "igf", DEMO_YEAR).await.unwrap();
    assert_eq!(progress.assigned, run.reviews);
    assert_eq!(progress.submitted, 0);
    assert_eq!(progress.proposals, run.proposals);
    assert_eq!(progress.proposals_complete, 0);
    assert!(
        progress
            .last_run
            .as_deref()
            .unwrap_or("")
            .starts_with("run 2 on "),
        "{:?}",
        progress.last_run
    );
}

#[tokio::test]
async fn a_declared_conflict_moves_the_proposal_to_a_replacement_with_few_changes() {
    let fx = demo_with_pool().await;
    let app = &fx.app;
    let sec = secretariat(app).await;
    run_assignment(app, &sec, "igf", DEMO_YEAR, false)
        .await
        .unwrap();
    let before = active_pairs(app, DEMO_YEAR).await;
    let member = viewer(app, "m02@mag.example.org").await;
    let q = queue(app, &member, "igf", DEMO_YEAR).await.unwrap();
    let number = q.items[0].number;
    // A draft first: kept, but no longer shown.
    save_review(
        app,
        &member,
        "igf",
        DEMO_YEAR,
        number,
        ReviewForm {
            comment: "started".into(),
            ..ReviewForm::default()
        },
    )
    .await
    .unwrap();

    // "other" needs a detail; a detected reason cannot be declared.
    let err = declare_conflict(app, &member, "igf", DEMO_YEAR, number, "other", " ")
        .await
        .unwrap_err();
    assert!(
        matches!(&err, ActionError::Invalid(e) if e.code == "required"),
        "{err:?}"
    );
    let err = declare_conflict(
        app,
        &member,
        "igf",
        DEMO_YEAR,
        number,
        "same_organisation",
        "",
    )
    .await
    .unwrap_err();
    assert!(
        matches!(&err, ActionError::Invalid(e) if e.code == "not_declarable"),
        "{err:?}"
    );

    declare_conflict(
        app,
        &member,
        "igf",
        DEMO_YEAR,
        number,
        "own_employer",
        "my employer co-organises it",
    )
    .await
    .unwrap();

    // Out of the queue, into the conflicts; reading it is refused and audited.
    let q2 = queue(app, &member, "igf", DEMO_YEAR).await.unwrap();
    assert!(q2.items.iter().all(|i| i.number != number));
    assert_eq!(q2.total, q.total - 1);
    assert_eq!(
        q2.conflicts
            .iter()
            .map(|c| (c.number, c.reason.as_str(), c.source.as_str()))
            .collect::<Vec<_>>(),
        vec![(number, "own_employer", "declared")]
    );
    assert!(matches!(
        review_view(app, &member, "igf", DEMO_YEAR, number).await,
        Err(ActionError::Forbidden)
    ));
    let denied = audited(app, "review.denied").await;
    assert_eq!(denied.len(), 1);
    assert_eq!(denied[0].1["why"], "conflict");
    assert_eq!(denied[0].1["number"], serde_json::json!(number));

    // The proposal has three reviewers again, the declarer not among them, and only that
    // pair was replaced.
    let after = active_pairs(app, DEMO_YEAR).await;
    let m02 = pool(app, &sec, "igf", DEMO_YEAR)
        .await
        .unwrap()
        .into_iter()
        .find(|l| l.email == "m02@mag.example.org")
        .unwrap();
    let reviewers_of = |pairs: &BTreeSet<(i64, i64)>| -> BTreeSet<i64> {
        pairs
            .iter()
            .filter(|(_, n)| *n == i64::from(number))
            .map(|(r, _)| *r)
            .collect()
    };
    assert!(reviewers_of(&before).contains(&m02.id));
    assert_eq!(reviewers_of(&after).len(), 3);
    assert!(!reviewers_of(&after).contains(&m02.id));
    let removed: Vec<_> = before.difference(&after).collect();
    let added: Vec<_> = after.difference(&before).collect();
    assert_eq!(removed, vec![&(m02.id, i64::from(number))]);
    assert_eq!(added.len(), 1, "{added:?}");
    assert_eq!(added[0].1, i64::from(number));
    let events = audited(app, "review.conflict_declare").await;
    assert_eq!(events.len(), 1);
    assert_eq!(events[0].1["reassigned"], serde_json::json!(true));
    let runs = audited(app, "review.assign").await;
    assert_eq!(runs.last().unwrap().1["why"], "conflict declared");
    // The draft stays stored but counts nowhere.
    let progress = progress(app, &sec, "igf", DEMO_YEAR).await.unwrap();
    let line = progress
        .lines
        .iter()
        .find(|l| l.reviewer == m02.id)
        .unwrap();
    assert_eq!((line.drafts, line.conflicts), (0, 1));
}

#[tokio::test]
async fn a_reviewer_withdrawing_mid_phase_keeps_their_submitted_work_and_is_replaced() {
    let fx = demo_with_pool().await;
    let app = &fx.app;
    let sec = secretariat(app).await;
    run_assignment(app, &sec, "igf", DEMO_YEAR, false)
        .await
        .unwrap();
    let member = viewer(app, "m03@mag.example.org").await;
    let q = queue(app, &member, "igf", DEMO_YEAR).await.unwrap();
    assert!(q.total >= 2);
    // One review submitted, on the six criteria of the 2023 preset.
    let scores: Vec<(String, String)> = q
        .setup
        .score_codes()
        .into_iter()
        .map(|c| (c, "4".to_owned()))
        .collect();
    let done = q.items[0].number;
    let view = save_review(
        app,
        &member,
        "igf",
        DEMO_YEAR,
        done,
        ReviewForm {
            scores,
            submit: true,
            ..ReviewForm::default()
        },
    )
    .await
    .unwrap();
    assert_eq!(view.state, "submitted");
    assert_eq!(view.overall, Some(4.0));
    let me = pool(app, &sec, "igf", DEMO_YEAR)
        .await
        .unwrap()
        .into_iter()
        .find(|l| l.email == "m03@mag.example.org")
        .unwrap();
    let mut tx = app.db().read().await.unwrap();
    let membership = q::reviewer(&mut tx, me.id)
        .await
        .unwrap()
        .unwrap()
        .membership
        .unwrap();
    let record = plenary_db::bodies::engagement_of_membership(&mut tx, membership, 2026)
        .await
        .unwrap()
        .unwrap();
    tx.commit().await.unwrap();
    assert_eq!(
        (record.reviews_done, record.reviews_assigned),
        (1, i64::try_from(q.total).unwrap())
    );

    let err = withdraw_reviewer(app, &sec, "igf", DEMO_YEAR, me.id, "  ")
        .await
        .unwrap_err();
    assert!(matches!(err, ActionError::Invalid(_)), "{err:?}");
    let run = withdraw_reviewer(app, &sec, "igf", DEMO_YEAR, me.id, "left the MAG")
        .await
        .unwrap();
    assert_eq!(run.infeasible, Vec::<String>::new());
    assert_eq!(run.reviewers, 12);
    // Every proposal has three active reviewers again, none of them the withdrawn one.
    let pairs = active_pairs(app, DEMO_YEAR).await;
    assert!(pairs.iter().all(|(r, _)| *r != me.id));
    let mut per_proposal: BTreeMap<i64, usize> = BTreeMap::new();
    for (_, number) in &pairs {
        *per_proposal.entry(*number).or_default() += 1;
    }
    assert!(per_proposal.values().all(|n| *n == 3));
    assert_eq!(
        run.changed, q.total,
        "only the withdrawn reviewer's pairs changed"
    );

    // The withdrawn reviewer is marked and can no longer read anything; the submitted
    // review still counts.
    let line = pool(app, &sec, "igf", DEMO_YEAR)
        .await
        .unwrap()
        .into_iter()
        .find(|l| l.id == me.id)
        .unwrap();
    assert!(line.withdrawn);
    assert_eq!((line.assigned, line.submitted), (1, 1));
    assert!(matches!(
        queue(app, &member, "igf", DEMO_YEAR).await,
        Err(ActionError::Forbidden)
    ));
    assert!(matches!(
        review_view(app, &member, "igf", DEMO_YEAR, done).await,
        Err(ActionError::Forbidden)
    ));
    assert_eq!(audited(app, "review.denied").await[0].1["why"], "withdrawn");
    let err = withdraw_reviewer(app, &sec, "igf", DEMO_YEAR, me.id, "again")
        .await
        .unwrap_err();
    assert!(
        matches!(&err, ActionError::Rule { code, .. } if *code == "reviewer_withdrawn"),
        "{err:?}"
    );
    let report = synthesis(app, &sec, "igf", DEMO_YEAR).await.unwrap();
    assert_eq!(report.reviews, 1);
    let line = report
        .groups
        .iter()
        .flat_map(|g| &g.lines)
        .find(|l| l.number == done)
        .unwrap();
    assert_eq!((line.count, line.mean, line.rank_z), (1, 4.0, 1));
    assert_eq!(audited(app, "review.reviewer_withdraw").await.len(), 1);
}

// ---------------------------------------------------------------------------------------------
// A hand-made 2029 cycle
// ---------------------------------------------------------------------------------------------

const YEAR: i32 = 2029;

fn person(role: &str, name: &str, email: &str, country: &str, gender: &str) -> PersonInput {
    PersonInput {
        role: role.into(),
        name: name.into(),
        email: email.into(),
        organisation: "Lakeside Digital Rights Trust".into(),
        stakeholder_group: "civil_society".into(),
        country_iso2: country.into(),
        gender: gender.into(),
        onsite: true,
        confirmation: "provisional".into(),
    }
}

/// A workshop that meets every IGF 2023 criterion; its text names nobody.
fn workshop(title: &str, description: &str, speaker_email: &str) -> ProposalInput {
    ProposalInput {
        session_type: "workshop".into(),
        title: title.into(),
        issue_area: "ai_emerging".into(),
        format: "Round table".into(),
        duration_min: "90".into(),
        description: description.into(),
        policy_questions: "Which safeguards should public algorithmic registers require?".into(),
        interaction_plan: "Questions from the floor and online.".into(),
        online_plan: "A dedicated online moderator.".into(),
        expected_outcomes: "A short report.".into(),
        previous_reports: String::new(),
        messages_link: String::new(),
        language: "en".into(),
        proposer_time_zone: "Africa/Nairobi".into(),
        submitter_organisation: "Lakeside Digital Rights Trust".into(),
        submitter_stakeholder_group: "civil_society".into(),
        submitter_country_iso2: "KE".into(),
        people: vec![
            person(
                "organiser",
                "Wambui Gathoni",
                "wambui@lakeside.example",
                "KE",
                "woman",
            ),
            person("speaker", "Haruto Mori", speaker_email, "JP", "man"),
            person("speaker", "Valentina Cruz", "", "MX", "woman"),
            person("speaker", "Omar Farouk", "", "EG", "man"),
            person("moderator", "Claire Martin", "", "FR", "woman"),
            person("online_moderator", "Paulo Lima", "", "BR", "man"),
            person("rapporteur", "Sophie Green", "", "GB", "woman"),
        ],
    }
}

/// The demo, a 2029 cycle (one overall score from 1 to 5, reasons for 3 or less) with three
/// workshops by the demo organiser, screened; the clock just after the call closed.
/// Proposal 3 lists the reviewer `rev2@example.org` as a speaker.
async fn hand_made() -> Fixture {
    let fx = demo().await;
    let app = &fx.app;
    let mut setup = document::preset_setup("igf2023", YEAR).unwrap();
    setup.evaluation.criteria.clear();
    cycles::set_up_as_operator(
        app,
        &Actor::System("test"),
        "igf",
        &document::to_toml(&setup),
    )
    .await
    .unwrap();
    set_clock(&fx, setup.dates.call_opens.plus(Seconds(86_400)));
    let organiser = viewer(app, "organiser@igf.example.org").await;
    let texts = [
        (
            "Public registers of algorithms",
            "How public registers of algorithms make automated decisions by governments accountable to the people they affect.",
            "haruto@example.jp",
        ),
        (
            "Algorithm registers in cities",
            "Cities publish registers of algorithms so that automated decisions by local governments are accountable to residents.",
            "haruto@example.jp",
        ),
        (
            "Undersea cables and resilience",
            "Repairing undersea cables quickly keeps small island states connected after storms and earthquakes.",
            "rev2@example.org",
        ),
    ];
    for (title, description, speaker) in texts {
        let id = new_draft(
            app,
            &organiser,
            "igf",
            YEAR,
            &workshop(title, description, speaker),
        )
        .await
        .unwrap();
        submit(app, &organiser, "igf", YEAR, id).await.unwrap();
    }
    let run = screening::screen_cycle_as_operator(app, &Actor::System("test"), "igf", YEAR, false)
        .await
        .unwrap();
    assert_eq!(run.passed, 3, "{:?}", run.lines);
    set_clock(&fx, setup.dates.call_closes.plus(Seconds(86_400)));
    fx
}

/// Adds reviewers `rev1@example.org`… (Reviewer role) to the 2029 pool.
async fn add_reviewers(app: &App, n: usize) -> Vec<(Viewer, i64)> {
    let sec = secretariat(app).await;
    let mut out = Vec::new();
    for i in 1..=n {
        let email = format!("rev{i}@example.org");
        let v = account(app, &email, &format!("Reviewer Number{i}"), Role::Reviewer).await;
        let id = add_reviewer(
            app,
            &sec,
            "igf",
            YEAR,
            ReviewerInput {
                email: email.clone(),
                ..ReviewerInput::default()
            },
        )
        .await
        .unwrap();
        out.push((v, id));
    }
    out
}

fn scored(score: &str, reasons: &[&str], submit: bool) -> ReviewForm {
    ReviewForm {
        scores: vec![("overall".into(), score.into())],
        reasons: reasons.iter().map(|r| (*r).to_owned()).collect(),
        submit,
        ..ReviewForm::default()
    }
}

#[tokio::test]
async fn conflicts_are_detected_and_access_without_assignment_is_refused_and_audited() {
    let fx = hand_made().await;
    let app = &fx.app;
    let sec = secretariat(app).await;
    let reviewers = add_reviewers(app, 4).await;
    let run = run_assignment(app, &sec, "igf", YEAR, false).await.unwrap();
    assert_eq!(run.infeasible, Vec::<String>::new());
    assert_eq!((run.proposals, run.reviews), (3, 9));
    assert_eq!(run.detected_conflicts, 1);

    // rev2 is listed in proposal 3: detected, stored, never assigned.
    let (rev2, rev2_id) = &reviewers[1];
    let q2 = queue(app, rev2, "igf", YEAR).await.unwrap();
    assert_eq!(
        q2.conflicts
            .iter()
            .map(|c| (
                c.number,
                c.reason.as_str(),
                c.source.as_str(),
                c.detail.as_str()
            ))
            .collect::<Vec<_>>(),
        vec![(3, "listed_in_proposal", "detected", "listed as speaker")]
    );
    assert_eq!(
        q2.items.iter().map(|i| i.number).collect::<Vec<_>>(),
        vec![1, 2]
    );
    let pairs = active_pairs(app, YEAR).await;
    assert!(!pairs.contains(&(*rev2_id, 3)));
    // Proposal 3's reviewers are the other three.
    assert_eq!(
        pairs
            .iter()
            .filter(|(_, n)| *n == 3)
            .map(|(r, _)| *r)
            .collect::<BTreeSet<_>>(),
        [reviewers[0].1, reviewers[2].1, reviewers[3].1]
            .into_iter()
            .collect()
    );

    // Refused, each audited with why: conflicted, not assigned (some reviewer lacks one of
    // proposals 1 and 2), a proposal that does not exist, someone outside the pool, an
    // organiser without the Review permission. Nothing is stored for a refused save.
    let unassigned = reviewers
        .iter()
        .find_map(|(v, id)| {
            [1_i64, 2]
                .into_iter()
                .find(|n| !pairs.contains(&(*id, *n)))
                .map(|n| (v, n))
        })
        .unwrap();
    assert!(matches!(
        review_view(app, rev2, "igf", YEAR, 3).await,
        Err(ActionError::Forbidden)
    ));
    assert!(matches!(
        save_review(app, rev2, "igf", YEAR, 3, scored("5", &[], true)).await,
        Err(ActionError::Forbidden)
    ));
    let number = u32::try_from(unassigned.1).unwrap();
    assert!(matches!(
        review_view(app, unassigned.0, "igf", YEAR, number).await,
        Err(ActionError::Forbidden)
    ));
    assert!(matches!(
        save_review(
            app,
            unassigned.0,
            "igf",
            YEAR,
            number,
            scored("5", &[], true)
        )
        .await,
        Err(ActionError::Forbidden)
    ));
    assert!(matches!(
        review_view(app, rev2, "igf", YEAR, 99).await,
        Err(ActionError::Forbidden)
    ));
    let outsider = account(app, "outsider@example.org", "Out Sider", Role::Reviewer).await;
    assert!(matches!(
        review_view(app, &outsider, "igf", YEAR, 1).await,
        Err(ActionError::Forbidden)
    ));
    assert!(matches!(
        queue(app, &outsider, "igf", YEAR).await,
        Err(ActionError::Forbidden)
    ));
    let organiser = viewer(app, "organiser@igf.example.org").await;
    assert!(matches!(
        review_view(app, &organiser, "igf", YEAR, 1).await,
        Err(ActionError::Forbidden)
    ));
    assert!(matches!(
        review_view(app, &Viewer::anonymous(), "igf", YEAR, 1).await,
        Err(ActionError::Unauthenticated)
    ));
    let denied: Vec<(String, String)> = audited(app, "review.denied")
        .await
        .into_iter()
        .map(|(_, after)| {
            (
                after["attempt"].as_str().unwrap().to_owned(),
                after["why"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    let expected: Vec<(String, String)> = [
        ("view", "conflict"),
        ("save", "conflict"),
        ("view", "not_assigned"),
        ("save", "not_assigned"),
        ("view", "no_such_proposal"),
        ("view", "not_in_pool"),
        ("view", "no_review_permission"),
    ]
    .into_iter()
    .map(|(a, w)| (a.to_owned(), w.to_owned()))
    .collect();
    assert_eq!(denied, expected);
    let progress = progress(app, &sec, "igf", YEAR).await.unwrap();
    assert_eq!(
        (
            progress.submitted,
            progress.lines.iter().map(|l| l.drafts).sum::<usize>()
        ),
        (0, 0)
    );
}

#[tokio::test]
async fn scores_outside_the_scale_low_scores_without_reason_and_late_reviews_are_refused() {
    let fx = hand_made().await;
    let app = &fx.app;
    let sec = secretariat(app).await;
    let reviewers = add_reviewers(app, 3).await;
    let run = run_assignment(app, &sec, "igf", YEAR, false).await.unwrap();
    // rev2 cannot review proposal 3 and only three reviewers exist: nothing is stored.
    assert_eq!(run.reviews, 0);
    assert!(!run.infeasible.is_empty());
    let reviewers = {
        let mut more = reviewers;
        more.extend(add_reviewers_from(app, 4, 4).await);
        more
    };
    let run = run_assignment(app, &sec, "igf", YEAR, false).await.unwrap();
    assert_eq!(run.infeasible, Vec::<String>::new());
    let (rev1, _) = &reviewers[0];
    let number = queue(app, rev1, "igf", YEAR).await.unwrap().items[0].number;
    let save = |form: ReviewForm| save_review(app, rev1, "igf", YEAR, number, form);

    let err = save(scored("6", &[], true)).await.unwrap_err();
    assert!(
        matches!(&err, ActionError::Invalid(e) if e.code == "out_of_range"),
        "{err:?}"
    );
    let err = save(scored("0", &[], false)).await.unwrap_err();
    assert!(
        matches!(&err, ActionError::Invalid(e) if e.code == "out_of_range"),
        "{err:?}"
    );
    let err = save(scored("four", &[], false)).await.unwrap_err();
    assert!(
        matches!(&err, ActionError::Invalid(e) if e.code == "not_a_number"),
        "{err:?}"
    );
    let err = save(scored("-1", &[], false)).await.unwrap_err();
    assert!(
        matches!(&err, ActionError::Invalid(e) if e.code == "not_a_number"),
        "{err:?}"
    );
    // A low score needs a standard reason to be submitted, not to be saved as a draft.
    let err = save(scored("2", &[], true)).await.unwrap_err();
    assert!(
        matches!(&err, ActionError::Invalid(e) if e.code == "reason_required"),
        "{err:?}"
    );
    let err = save(scored("2", &["made_up"], true)).await.unwrap_err();
    assert!(
        matches!(&err, ActionError::Invalid(e) if e.code == "unknown_reason"),
        "{err:?}"
    );
    let draft = save(scored("2", &[], false)).await.unwrap();
    assert_eq!((draft.state.as_str(), draft.overall), ("draft", Some(2.0)));
    let mut form = scored("2", &["policy_question_unclear"], true);
    form.merge_with = format!("{number}");
    form.merge_candidate = true;
    let err = save(form).await.unwrap_err();
    assert!(
        matches!(&err, ActionError::Invalid(e) if e.code == "self"),
        "{err:?}"
    );
    let submitted = save(scored("2", &["policy_question_unclear"], true))
        .await
        .unwrap();
    assert_eq!(submitted.state, "submitted");
    assert_eq!(
        submitted.reasons,
        vec!["policy_question_unclear".to_owned()]
    );
    // A submitted review stays submitted when saved again, and is checked as such.
    let err = save(scored("1", &[], false)).await.unwrap_err();
    assert!(
        matches!(&err, ActionError::Invalid(e) if e.code == "reason_required"),
        "{err:?}"
    );
    let kept = save(scored("4", &[], false)).await.unwrap();
    assert_eq!(
        (kept.state.as_str(), kept.overall),
        ("submitted", Some(4.0))
    );
    let view = review_view(app, rev1, "igf", YEAR, number).await.unwrap();
    assert_eq!(view.review.unwrap().scores, vec![("overall".to_owned(), 4)]);
    assert_eq!(
        audited(app, "review.submit").await.len(),
        2,
        "every stored save of a submitted review is audited"
    );
    assert_eq!(audited(app, "review.save").await.len(), 1);

    // After the due date: refused, and the review stays as it was.
    let due = cycles::cycle(app, &Viewer::anonymous(), "igf", YEAR)
        .await
        .unwrap()
        .cycle
        .setup
        .dates
        .evaluation_due;
    set_clock(&fx, due);
    let err = save(scored("5", &[], true)).await.unwrap_err();
    assert!(
        matches!(&err, ActionError::Rule { code, .. } if *code == "reviews_closed"),
        "{err:?}"
    );
    let view = review_view(app, rev1, "igf", YEAR, number).await.unwrap();
    assert!(!view.open);
    assert_eq!(view.review.unwrap().overall, Some(4.0));
    assert!(!queue(app, rev1, "igf", YEAR).await.unwrap().open);
}

/// Adds reviewers `rev{from}`…`rev{to}`.
async fn add_reviewers_from(app: &App, from: usize, to: usize) -> Vec<(Viewer, i64)> {
    let sec = secretariat(app).await;
    let mut out = Vec::new();
    for i in from..=to {
        let email = format!("rev{i}@example.org");
        let v = account(app, &email, &format!("Reviewer Number{i}"), Role::Reviewer).await;
        let id = add_reviewer(
            app,
            &sec,
            "igf",
            YEAR,
            ReviewerInput {
                email,
                ..ReviewerInput::default()
            },
        )
        .await
        .unwrap();
        out.push((v, id));
    }
    out
}

#[tokio::test]
async fn an_evaluation_group_with_too_few_reviewers_is_explained_and_nothing_is_stored() {
    let fx = hand_made().await;
    let app = &fx.app;
    let sec = secretariat(app).await;
    // Two groups: AI (the three workshops) and the rest. Two reviewers for AI, four others.
    set_evaluation(app, YEAR, |e| {
        e.groups = vec![
            EvaluationGroup {
                code: "ai".into(),
                name: "AI".into(),
                issue_areas: vec!["ai_emerging".into()],
            },
            EvaluationGroup {
                code: "rest".into(),
                name: "Everything else".into(),
                issue_areas: vec!["cybersecurity".into(), "human_rights".into()],
            },
        ];
    })
    .await;
    let reviewers = add_reviewers(app, 6).await;
    for (i, (v, _)) in reviewers.iter().enumerate() {
        let email = v.account.as_ref().unwrap().email.as_str().to_owned();
        add_reviewer(
            app,
            &sec,
            "igf",
            YEAR,
            ReviewerInput {
                email,
                groups: vec![if i < 2 { "ai" } else { "rest" }.to_owned()],
                expertise: vec!["ai_emerging".into()],
                load_cap: None,
            },
        )
        .await
        .unwrap();
    }
    let err = add_reviewer(
        app,
        &sec,
        "igf",
        YEAR,
        ReviewerInput {
            email: "rev1@example.org".into(),
            groups: vec!["nope".into()],
            ..ReviewerInput::default()
        },
    )
    .await
    .unwrap_err();
    assert!(
        matches!(&err, ActionError::Invalid(e) if e.code == "unknown_group"),
        "{err:?}"
    );
    assert_eq!(
        pool(app, &sec, "igf", YEAR).await.unwrap()[0].groups,
        vec!["ai".to_owned()]
    );

    let run = run_assignment(app, &sec, "igf", YEAR, false).await.unwrap();
    assert_eq!(run.reviews, 0);
    assert_eq!(run.run_number, 0);
    assert!(!run.infeasible.is_empty());
    let text = run.infeasible.join("\n");
    assert!(text.contains("#1 needs 3 reviewers"), "{text}");
    assert!(text.contains("group \"ai\""), "{text}");
    assert!(active_pairs(app, YEAR).await.is_empty());
    assert_eq!(
        progress(app, &sec, "igf", YEAR).await.unwrap().last_run,
        None
    );
    assert!(audited(app, "review.assign").await.is_empty());

    // A third reviewer for AI makes it feasible.
    add_reviewer(
        app,
        &sec,
        "igf",
        YEAR,
        ReviewerInput {
            email: "rev3@example.org".into(),
            groups: vec!["ai".into()],
            expertise: Vec::new(),
            load_cap: Some(3),
        },
    )
    .await
    .unwrap();
    // rev2 is listed in proposal 3: a fourth is needed for it.
    add_reviewer(
        app,
        &sec,
        "igf",
        YEAR,
        ReviewerInput {
            email: "rev4@example.org".into(),
            groups: Vec::new(),
            expertise: Vec::new(),
            load_cap: None,
        },
    )
    .await
    .unwrap();
    let run = run_assignment(app, &sec, "igf", YEAR, false).await.unwrap();
    assert_eq!(run.infeasible, Vec::<String>::new());
    assert_eq!(run.reviews, 9);
}

#[tokio::test]
async fn the_synthesis_ranks_by_normalised_means_of_submitted_reviews_only() {
    let fx = hand_made().await;
    let app = &fx.app;
    let sec = secretariat(app).await;
    // No conflicts in this case: proposal 3's listed reviewer is not in the pool.
    let reviewers = add_reviewers_from(app, 3, 5).await;
    let run = run_assignment(app, &sec, "igf", YEAR, false).await.unwrap();
    assert_eq!(run.infeasible, Vec::<String>::new());
    assert_eq!(run.reviews, 9, "three reviewers review everything");
    // Scores: a lenient, a harsh and a middle reviewer; the third's review of proposal 3 is
    // only a draft and does not count.
    let plan = [
        (0, [(1, "5", true), (2, "4", true), (3, "3", true)]),
        (1, [(1, "3", true), (2, "2", true), (3, "1", true)]),
        (2, [(1, "4", true), (2, "5", true), (3, "1", false)]),
    ];
    for (who, items) in plan {
        for (number, score, submit) in items {
            let mut form = scored(score, &["format_mismatch"], submit);
            if who == 0 && number == 1 {
                form.merge_candidate = true;
                form.merge_with = "2".into();
            }
            save_review(app, &reviewers[who].0, "igf", YEAR, number, form)
                .await
                .unwrap();
        }
    }
    let report = synthesis(app, &sec, "igf", YEAR).await.unwrap();
    assert_eq!((report.reviews, report.proposals), (8, 3));
    assert_eq!(report.groups.len(), 1);
    assert_eq!(report.groups[0].code, "ai_emerging");
    let lines = &report.groups[0].lines;
    let line = |n: u32| lines.iter().find(|l| l.number == n).unwrap();
    assert_eq!((line(1).count, line(2).count, line(3).count), (3, 3, 2));
    assert_eq!(line(1).mean, 4.0);
    assert!((line(2).mean - 11.0 / 3.0).abs() < 1e-9);
    assert_eq!(line(3).mean, 2.0);
    assert_eq!(line(1).spread, 1.0);
    // Normalised: each score as a z-score against its reviewer, mapped back with the global
    // mean and sd of the eight counted scores.
    let all = [5.0, 4.0, 3.0, 3.0, 2.0, 1.0, 4.0, 5.0];
    let mean = all.iter().sum::<f64>() / 8.0;
    let sd = (all.iter().map(|x| (x - mean).powi(2)).sum::<f64>() / 7.0).sqrt();
    // Reviewer 1 and 2: mean 4 and 2, sd 1; reviewer 3: scores 4 and 5, mean 4.5, sd √0.5.
    let z3 = 0.5 / 0.5_f64.sqrt();
    let z1 = (1.0 + 1.0 - z3) / 3.0;
    let z2 = (0.0 + 0.0 + z3) / 3.0;
    assert!(
        (line(1).z_mean - (mean + z1 * sd)).abs() < 1e-9,
        "{:?}",
        line(1)
    );
    assert!(
        (line(2).z_mean - (mean + z2 * sd)).abs() < 1e-9,
        "{:?}",
        line(2)
    );
    assert!((line(3).z_mean - (mean - sd)).abs() < 1e-9, "{:?}", line(3));
    // Lines in normalised order, the raw rank beside it.
    assert!(z1 > z2);
    assert_eq!(
        lines
            .iter()
            .map(|l| (l.number, l.rank_raw, l.rank_z))
            .collect::<Vec<_>>(),
        vec![(1, 1, 1), (2, 2, 2), (3, 3, 3)]
    );
    assert_eq!((line(1).merge_flags, line(2).merge_flags), (1, 0));
    assert!(line(1).developing_country);
    assert!(line(1).first_time);
    // The two texts about registers of algorithms are suggested for merging, with the flag.
    assert_eq!(report.merges.len(), 1, "{:?}", report.merges);
    let merge = &report.merges[0];
    assert_eq!((merge.a, merge.b, merge.flagged), (1, 2, 1));
    assert!(merge.similarity >= 0.35 && merge.similarity <= 1.0);
    assert!(
        merge.shared_terms.contains(&"algorithms".to_owned()),
        "{merge:?}"
    );
    // The secretariat sees each reviewer's scale with names; the chair does not.
    assert_eq!(
        report
            .reviewers
            .iter()
            .map(|r| (r.name.as_str(), r.count))
            .collect::<Vec<_>>(),
        vec![
            ("Reviewer Number3", 3),
            ("Reviewer Number4", 3),
            ("Reviewer Number5", 2)
        ]
    );
    let chair = viewer(app, "chair@igf.example.org").await;
    let for_chair = synthesis(app, &chair, "igf", YEAR).await.unwrap();
    assert!(for_chair.reviewers.is_empty());
    assert_eq!(for_chair.groups, report.groups);
    assert!(matches!(
        synthesis(app, &reviewers[0].0, "igf", YEAR).await,
        Err(ActionError::Forbidden)
    ));
    let progress = progress(app, &sec, "igf", YEAR).await.unwrap();
    assert_eq!((progress.submitted, progress.proposals_complete), (8, 2));
}

#[tokio::test]
async fn the_anonymised_view_names_nobody_unless_the_setup_shows_identities() {
    let fx = hand_made().await;
    let app = &fx.app;
    let sec = secretariat(app).await;
    let reviewers = add_reviewers_from(app, 3, 5).await;
    run_assignment(app, &sec, "igf", YEAR, false).await.unwrap();
    let (rev, _) = &reviewers[0];
    let view = review_view(app, rev, "igf", YEAR, 1).await.unwrap();
    assert_eq!(view.title, "Public registers of algorithms");
    assert_eq!(view.people.len(), 7);
    assert_eq!(view.people[0].role, "organiser");
    assert_eq!(view.people[0].region, "african");
    assert_eq!(view.people[1].region, "asia_pacific");
    assert_eq!(view.developing_country, Some(true));
    assert_eq!(view.first_time, Some(true));
    assert_eq!(view.proposer, None);
    assert!(view.review.is_none());
    assert!(view.open);
    let shown = format!("{view:?}");
    let json = serde_json::to_string(&view).unwrap();
    for secret in [
        "Wambui",
        "Gathoni",
        "Haruto",
        "Valentina Cruz",
        "Omar Farouk",
        "Claire Martin",
        "Paulo Lima",
        "Sophie Green",
        "wambui@lakeside.example",
        "haruto@example.jp",
        "Lakeside",
        "Ingrid Solberg",
        "organiser@igf.example.org",
    ] {
        assert!(!shown.contains(secret), "{secret} leaks: {shown}");
        assert!(!json.contains(secret), "{secret} leaks: {json}");
    }

    set_evaluation(app, YEAR, |e| {
        e.visibility.proposer_identity = true;
        e.visibility.first_time = false;
    })
    .await;
    let view = review_view(app, rev, "igf", YEAR, 1).await.unwrap();
    assert_eq!(
        view.proposer.as_deref(),
        Some("Ingrid Solberg (Lakeside Digital Rights Trust)")
    );
    assert_eq!(view.first_time, None);
}

#[tokio::test]
async fn the_demo_evaluation_loads_a_pool_an_assignment_and_reviews_that_synthesise() {
    let fx = demo().await;
    let app = &fx.app;
    let written = crate::demo::reviews::load_reviews(app, &Actor::System("demo"), DEMO_YEAR)
        .await
        .unwrap();
    let secretariat = secretariat(app).await;
    let pool = pool(app, &secretariat, "igf", DEMO_YEAR).await.unwrap();
    // Every current MAG member now has an account, plus the demo reviewer.
    assert!(pool.len() > 50, "{}", pool.len());
    assert!(pool.iter().all(|r| !r.expertise.is_empty()));
    let progress = progress(app, &secretariat, "igf", DEMO_YEAR).await.unwrap();
    assert_eq!(progress.assigned, progress.proposals * 3);
    assert!(written > 0 && written <= progress.assigned);
    // Three late reviewers: some work undone or in draft, the rest submitted.
    assert!(
        progress.submitted < written,
        "{} {written}",
        progress.submitted
    );
    assert!(progress.submitted * 10 > written * 9);
    let report = synthesis(app, &secretariat, "igf", DEMO_YEAR)
        .await
        .unwrap();
    assert!(!report.reviewers.is_empty());
    let lines: Vec<_> = report.groups.iter().flat_map(|g| &g.lines).collect();
    assert_eq!(lines.len(), progress.proposals);
    // Leniency differs between reviewers, so normalisation moves some proposals.
    assert!(lines.iter().any(|l| l.rank_raw != l.rank_z));
    // The optimiser's proposal goes on the board as decisions the chair has not made final.
    let applied = crate::demo::reviews::load_selection(app, &Actor::System("demo"), DEMO_YEAR)
        .await
        .unwrap();
    assert!(applied > 0);
    let board = crate::calls::selection::board(app, &secretariat, "igf", DEMO_YEAR)
        .await
        .unwrap();
    assert_eq!(board.decided, board.lines.len());
    assert_eq!(board.finals, 0);
    assert!(board.last_proposal.is_some());
    assert!(board.lines.iter().all(|l| l.decision.is_some()));
    // A second load changes nothing.
    let again = crate::demo::reviews::load_reviews(app, &Actor::System("demo"), DEMO_YEAR)
        .await
        .unwrap();
    assert_eq!(again, 0);
}
