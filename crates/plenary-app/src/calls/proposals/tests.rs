//! Tests for `calls::proposals` and `calls::screening` on the demo data (SQLite, or
//! PostgreSQL with PLENARY_TEST_BACKEND=postgres), in a cycle of their own (2029, the IGF 2023
//! rules plus at most two proposals per person; Day 0 closed): a proposer screened out who
//! fixes the proposal and passes; bad input; a secretariat run with members, limits, report
//! flags, overrides and filters; deadline reminders; a call of 1,200 proposals.

use std::sync::Arc;
use std::time::Instant;

use plenary_db::audit::AuditFilter;
use plenary_domain::calls::screening::{Rule, RuleKind};
use plenary_domain::time::Seconds;
use plenary_testkit::TestDb;

use super::*;
use crate::calls::screening::{
    ReportFlagInput, override_result, queue_deadline_reminders, record_report_flag, screen_cycle,
    screen_cycle_as_operator, speaker_cap_report,
};
use crate::calls::{cycles, document};
use crate::{Mailer, ManualClock, Settings};

const YEAR: i32 = 2029;

struct Fixture {
    app: App,
    clock: Arc<ManualClock>,
    _db: TestDb,
    _mail: tempfile::TempDir,
}

async fn fixture() -> Fixture {
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
    let mut setup = document::preset_setup("igf2023", YEAR).unwrap();
    setup.rules.push(Rule {
        kind: RuleKind::MaxPerPerson { max: 2 },
        types: Vec::new(),
    });
    for kind in &mut setup.session_types {
        if kind.code == "day0" {
            kind.open = false;
        }
    }
    cycles::set_up_as_operator(
        &app,
        &Actor::System("test"),
        "igf",
        &document::to_toml(&setup),
    )
    .await
    .unwrap();
    // The call is open.
    let fx = Fixture {
        app,
        clock,
        _db: db,
        _mail: mail,
    };
    set_clock(&fx, setup.dates.call_opens.plus(Seconds(86_400)));
    fx
}

/// Moves the manual clock to `at`.
fn set_clock(fx: &Fixture, at: Timestamp) {
    let now = fx.app.now();
    fx.clock
        .advance(Seconds((at.as_micros() - now.as_micros()) / 1_000_000));
}

async fn deadline(app: &App) -> Timestamp {
    cycles::cycle(app, &Viewer::anonymous(), "igf", YEAR)
        .await
        .unwrap()
        .cycle
        .setup
        .dates
        .call_closes
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

async fn new_account(app: &App, email: &str, name: &str) -> Viewer {
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
    viewer(app, email).await
}

async fn secretariat(app: &App) -> Viewer {
    viewer(app, "secretariat@igf.example.org").await
}

async fn audit_actions(app: &App) -> Vec<String> {
    crate::audit::list_all(app, &AuditFilter::default(), 10_000)
        .await
        .unwrap()
        .into_iter()
        .map(|e| e.action)
        .collect()
}

async fn mails(app: &App) -> Vec<String> {
    crate::jobs::recent_jobs(app, 10_000)
        .await
        .unwrap()
        .into_iter()
        .map(|j| j.payload)
        .collect()
}

fn person(role: &str, name: &str, country: &str, gender: &str, onsite: bool) -> PersonInput {
    PersonInput {
        role: role.into(),
        name: name.into(),
        email: String::new(),
        organisation: "Open Data Lab".into(),
        stakeholder_group: "civil_society".into(),
        country_iso2: country.into(),
        gender: gender.into(),
        onsite,
        confirmation: "provisional".into(),
    }
}

/// A workshop that meets every IGF 2023 criterion.
fn good(title: &str) -> ProposalInput {
    ProposalInput {
        session_type: "workshop".into(),
        title: title.into(),
        issue_area: "ai_emerging".into(),
        format: "Round table".into(),
        duration_min: "90".into(),
        description: "A <b>frank</b> exchange on how AI systems are governed.".into(),
        policy_questions: "Who decides?".into(),
        interaction_plan: "Questions from the floor and online.".into(),
        online_plan: "A dedicated online moderator.".into(),
        expected_outcomes: "A short report.".into(),
        previous_reports: String::new(),
        messages_link: String::new(),
        language: "en".into(),
        proposer_time_zone: "America/New_York".into(),
        submitter_organisation: "Open Data Lab".into(),
        submitter_stakeholder_group: "civil_society".into(),
        submitter_country_iso2: "KE".into(),
        people: vec![
            person("organiser", "Amina Odhiambo", "KE", "woman", true),
            person("speaker", "Kenji Sato", "JP", "man", true),
            person("speaker", "Lucía Pérez", "MX", "woman", true),
            person("speaker", "Ali Hassan", "EG", "man", false),
            person("moderator", "Marie Dubois", "FR", "woman", true),
            person("online_moderator", "Ana Souza", "BR", "woman", false),
            person("rapporteur", "Tom Baker", "GB", "man", false),
        ],
    }
}

/// The same workshop with only two speakers, both men, one of them still invited.
fn weak(title: &str) -> ProposalInput {
    let mut input = good(title);
    input.people.retain(|p| p.name != "Lucía Pérez");
    input.people[2].confirmation = "invited".into();
    input
}

#[tokio::test]
async fn a_proposer_is_screened_out_fixes_the_workshop_before_the_deadline_and_passes() {
    let fx = fixture().await;
    let app = &fx.app;
    let me = viewer(app, "organiser@igf.example.org").await;
    let id = new_draft(app, &me, "igf", YEAR, &weak("Governing AI together"))
        .await
        .unwrap();
    let draft = proposal(app, &me, "igf", YEAR, id).await.unwrap();
    assert_eq!(draft.status, ProposalStatus::Draft);
    assert_eq!(draft.number, 1);
    assert_eq!(draft.screening.computed, ScreeningStatus::Pending);
    assert!(draft.can_edit);
    assert!(!draft.can_manage);
    assert_eq!(
        draft.description,
        "A <b>frank</b> exchange on how AI systems are governed."
    );
    assert!(
        draft.deadline_shown.ends_with("(America/New_York)"),
        "{}",
        draft.deadline_shown
    );
    assert_eq!(draft.people.len(), 6);
    assert_eq!(draft.submitter_country_iso2, "KE");

    let submitted = submit(app, &me, "igf", YEAR, id).await.unwrap();
    assert_eq!(submitted.status, ProposalStatus::Submitted);
    assert!(submitted.submitted_at.is_some());
    assert_eq!(submitted.screening.computed, ScreeningStatus::Fail);
    let reasons: Vec<&str> = submitted
        .screening
        .outcomes
        .iter()
        .filter(|o| o.verdict == "fail")
        .map(|o| o.reason.as_str())
        .collect();
    assert!(
        reasons.iter().any(|r| r.contains("at least 3 are needed")),
        "{reasons:?}"
    );
    assert_eq!(
        submitted.screening.outcomes.len(),
        7,
        "every rule's outcome is kept"
    );
    let receipt = mails(app)
        .await
        .into_iter()
        .find(|m| m.contains("Proposal #1 received"))
        .expect("a receipt is queued");
    assert!(
        receipt.contains("does not meet the minimum criteria"),
        "{receipt}"
    );
    assert!(receipt.contains("at least 3 are needed"), "{receipt}");

    // Fixed before the deadline: screened again at once.
    let fixed = update(app, &me, "igf", YEAR, id, &good("Governing AI together"))
        .await
        .unwrap();
    assert_eq!(
        fixed.screening.computed,
        ScreeningStatus::Pass,
        "{:?}",
        fixed.screening
    );
    assert_eq!(fixed.status, ProposalStatus::Submitted);
    let again = submit(app, &me, "igf", YEAR, id).await;
    assert!(
        matches!(
            again,
            Err(ActionError::Rule {
                code: "already_submitted",
                ..
            })
        ),
        "{again:?}"
    );

    // Only the owner and the secretariat see it.
    let other = viewer(app, "participant@igf.example.org").await;
    assert!(matches!(
        proposal(app, &other, "igf", YEAR, id).await,
        Err(ActionError::NotFound)
    ));
    assert!(matches!(
        update(app, &other, "igf", YEAR, id, &good("Mine now")).await,
        Err(ActionError::NotFound)
    ));
    let sec = secretariat(app).await;
    let seen = proposal(app, &sec, "igf", YEAR, id).await.unwrap();
    assert!(seen.can_manage);
    assert!(!seen.can_edit);
    assert!(matches!(
        withdraw(app, &sec, "igf", YEAR, id).await,
        Err(ActionError::Rule {
            code: "not_owner",
            ..
        })
    ));
    let board = dashboard(app, &me, "igf", YEAR).await.unwrap();
    assert_eq!(board.proposals.len(), 1);
    assert!(board.call_open);

    // After the deadline nothing changes, and the proposer reads the deadline in their zone.
    set_clock(&fx, deadline(app).await.plus(Seconds(60)));
    let late = update(app, &me, "igf", YEAR, id, &weak("Too late")).await;
    let Err(ActionError::Rule { code, message }) = late else {
        panic!("{late:?}")
    };
    assert_eq!(code, "call_closed");
    assert!(message.contains("(America/New_York)"), "{message}");
    assert!(matches!(
        withdraw(app, &me, "igf", YEAR, id).await,
        Err(ActionError::Rule {
            code: "call_closed",
            ..
        })
    ));
    assert!(!proposal(app, &me, "igf", YEAR, id).await.unwrap().can_edit);

    let actions = audit_actions(app).await;
    for action in ["proposal.create", "proposal.submit", "proposal.update"] {
        assert!(actions.iter().any(|a| a == action), "{action}");
    }
}

#[tokio::test]
async fn bad_input_is_refused_naming_the_field_and_stores_nothing() {
    let fx = fixture().await;
    let app = &fx.app;
    let me = viewer(app, "organiser@igf.example.org").await;
    let field_of = |r: Result<i64, ActionError>| match r {
        Err(ActionError::Invalid(e)) => (e.field, e.code, e.problem),
        other => panic!("{other:?}"),
    };

    let mut input = good("Unknown country");
    input.people[1].country_iso2 = "ZZ".into();
    let (field, code, problem) = field_of(new_draft(app, &me, "igf", YEAR, &input).await);
    assert_eq!((field, code), ("people", "unknown_country"));
    assert!(problem.contains("Kenji Sato"), "{problem}");

    let mut input = good("Twice");
    input
        .people
        .push(person("speaker", "kenji  SATO", "JP", "man", true));
    let (field, code, _) = field_of(new_draft(app, &me, "igf", YEAR, &input).await);
    assert_eq!((field, code), ("people", "listed_twice"));

    let mut input = good("Zone");
    input.proposer_time_zone = "Mars/Olympus_Mons".into();
    let (field, _, _) = field_of(new_draft(app, &me, "igf", YEAR, &input).await);
    assert_eq!(field, "proposer_time_zone");

    let mut input = good("Duration");
    input.duration_min = "ninety".into();
    let (field, _, _) = field_of(new_draft(app, &me, "igf", YEAR, &input).await);
    assert_eq!(field, "duration_min");

    let mut input = good("Role");
    input.people[0].role = "host".into();
    let (field, code, _) = field_of(new_draft(app, &me, "igf", YEAR, &input).await);
    assert_eq!((field, code), ("people", "unknown_role"));

    let mut input = good("Closed type");
    input.session_type = "day0".into();
    input.format = "Theater".into();
    input.duration_min = "60".into();
    let (field, code, _) = field_of(new_draft(app, &me, "igf", YEAR, &input).await);
    assert_eq!((field, code), ("session_type", "type_not_open"));
    assert!(matches!(
        new_draft(app, &Viewer::anonymous(), "igf", YEAR, &good("Anonymous")).await,
        Err(ActionError::Unauthenticated)
    ));
    assert!(matches!(
        new_draft(app, &me, "igf", 2031, &good("No such cycle")).await,
        Err(ActionError::NotFound)
    ));
    let board = dashboard(app, &me, "igf", YEAR).await.unwrap();
    assert!(board.proposals.is_empty());
    assert!(matches!(
        dashboard(app, &Viewer::anonymous(), "igf", YEAR).await,
        Err(ActionError::Unauthenticated)
    ));

    // Before the call opens.
    set_clock(&fx, "2029-01-01T00:00:00Z".parse().unwrap());
    assert!(matches!(
        new_draft(app, &me, "igf", YEAR, &good("Early")).await,
        Err(ActionError::Rule {
            code: "call_not_open",
            ..
        })
    ));
}

#[tokio::test]
async fn every_problem_of_a_form_is_reported_at_once() {
    let fx = fixture().await;
    let app = &fx.app;
    let me = viewer(app, "organiser@igf.example.org").await;
    assert!(
        form_problems(app, &me, "igf", YEAR, &good("Fine"))
            .await
            .unwrap()
            .is_empty()
    );
    let mut input = good("Three problems");
    input.people[1].country_iso2 = "ZZ".into();
    input.duration_min = "an hour".into();
    input.issue_area = "astrology".into();
    let problems = form_problems(app, &me, "igf", YEAR, &input).await.unwrap();
    let codes: Vec<(&str, &str)> = problems.iter().map(|p| (p.field, p.code)).collect();
    assert_eq!(
        codes,
        [
            ("duration_min", "bad_duration"),
            ("people", "unknown_country"),
            ("issue_area", "unknown_issue_area"),
        ]
    );
    assert!(matches!(
        form_problems(app, &Viewer::anonymous(), "igf", YEAR, &input).await,
        Err(ActionError::Unauthenticated)
    ));
}

#[tokio::test]
async fn speakers_over_the_cap_among_passing_proposals_are_listed_for_the_secretariat() {
    let fx = fixture().await;
    let app = &fx.app;
    let sec = secretariat(app).await;
    assert_eq!(
        speaker_cap_report(app, &sec, "igf", YEAR).await.unwrap(),
        None
    );
    let mut setup = cycles::cycle(app, &sec, "igf", YEAR)
        .await
        .unwrap()
        .cycle
        .setup;
    setup.speaker_cap = Some(1);
    cycles::set_up_as_operator(
        app,
        &Actor::System("test"),
        "igf",
        &document::to_toml(&setup),
    )
    .await
    .unwrap();
    for (n, title) in ["Governing AI together", "AI rules for the rest of us"]
        .into_iter()
        .enumerate()
    {
        let who = new_account(app, &format!("cap{n}@example.org"), "Cap Proposer").await;
        let mut input = good(title);
        input.people[0].name = format!("Organiser {n}");
        submitted(app, &who, &input).await;
    }
    let who = new_account(app, "weak@example.org", "Weak Proposer").await;
    let mut input = weak("Screened out, so not counted");
    input.people[0].name = "Organiser 9".into();
    submitted(app, &who, &input).await;

    let report = speaker_cap_report(app, &sec, "igf", YEAR)
        .await
        .unwrap()
        .unwrap();
    assert_eq!((report.cap, report.proposals), (1, 2));
    let names: Vec<&str> = report.people.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(
        names,
        ["Ali Hassan", "Kenji Sato", "Lucía Pérez", "Marie Dubois"]
    );
    let sessions: Vec<&str> = report.people[1]
        .sessions
        .iter()
        .map(|(_, title)| title.as_str())
        .collect();
    assert_eq!(
        sessions,
        ["Governing AI together", "AI rules for the rest of us"]
    );
    let me = viewer(app, "organiser@igf.example.org").await;
    assert!(matches!(
        speaker_cap_report(app, &me, "igf", YEAR).await,
        Err(ActionError::Forbidden)
    ));
}

async fn submitted(app: &App, who: &Viewer, input: &ProposalInput) -> i64 {
    let id = new_draft(app, who, "igf", YEAR, input).await.unwrap();
    submit(app, who, "igf", YEAR, id).await.unwrap();
    id
}

#[tokio::test]
async fn the_secretariat_screens_the_call_with_members_limits_reports_and_overrides() {
    let fx = fixture().await;
    let app = &fx.app;
    let sec = secretariat(app).await;

    // A current MAG member with an account.
    let member = new_account(app, "member@example.org", "Grace Mwangi").await;
    let mut tx = app.db().begin().await.unwrap();
    let record = plenary_db::accounts::account_by_email(&mut tx, "member@example.org")
        .await
        .unwrap()
        .unwrap();
    let forum = plenary_db::forums::forum_by_slug(&mut tx, "igf")
        .await
        .unwrap()
        .unwrap();
    let mag = plenary_db::bodies::body_by_slug(&mut tx, forum.id, "mag")
        .await
        .unwrap()
        .unwrap();
    plenary_db::bodies::insert_membership(
        &mut tx,
        &plenary_db::bodies::NewMembership {
            body: mag.id,
            person: record.person,
            seat_kind: "regular",
            stakeholder_group: "civil_society",
            country_iso2: Some("KE"),
            gender: "woman",
            term_number: 1,
            starts_at: crate::bodies::seats::year_start(YEAR).unwrap(),
            ends_at: None,
            state: "appointed",
        },
        app.now(),
    )
    .await
    .unwrap();
    tx.commit().await.unwrap();

    let busy = viewer(app, "organiser@igf.example.org").await;
    let a = submitted(app, &busy, &good("One")).await;
    let b = submitted(app, &busy, &good("Two")).await;
    let c = submitted(app, &busy, &good("Three")).await;
    let mut by_member = good("By a member");
    by_member.people[0].name = "Grace Mwangi".into();
    let m = submitted(app, &member, &by_member).await;
    let other = viewer(app, "participant@igf.example.org").await;
    let mut late_report = good("Reports matter");
    late_report.people[0].name = "Pedro Alves".into();
    late_report.people[0].organisation = "Acme  foundation".into();
    late_report.submitter_country_iso2 = "BR".into();
    late_report.submitter_stakeholder_group = "private_sector".into();
    let r = submitted(app, &other, &late_report).await;
    let draft_only = new_draft(app, &other, "igf", YEAR, &good("Just a draft"))
        .await
        .unwrap();

    record_report_flag(
        app,
        &sec,
        "igf",
        &ReportFlagInput {
            year: YEAR - 1,
            session_ref: "WS #12".into(),
            organiser_email: String::new(),
            organisation: "ACME Foundation".into(),
            filed: false,
        },
    )
    .await
    .unwrap();
    let no_reason = record_report_flag(app, &sec, "igf", &ReportFlagInput::default()).await;
    assert!(
        matches!(no_reason, Err(ActionError::Invalid(_))),
        "{no_reason:?}"
    );
    assert!(matches!(
        record_report_flag(
            app,
            &other,
            "igf",
            &ReportFlagInput {
                year: 2028,
                session_ref: "WS #1".into(),
                organisation: "X".into(),
                ..ReportFlagInput::default()
            }
        )
        .await,
        Err(ActionError::Forbidden)
    ));

    assert!(matches!(
        screen_cycle(app, &other, "igf", YEAR, false).await,
        Err(ActionError::Forbidden)
    ));
    let run = screen_cycle(app, &sec, "igf", YEAR, true).await.unwrap();
    let numbers: Vec<i64> = run.lines.iter().map(|l| l.id).collect();
    assert_eq!(numbers, vec![a, b, c, m, r], "submitted only, by number");
    assert_eq!(run.mailed, 5);
    assert_eq!((run.passed, run.failed), (0, 5));
    let reasons = |id: i64| {
        run.lines
            .iter()
            .find(|l| l.id == id)
            .unwrap()
            .reasons
            .join(" | ")
    };
    assert!(reasons(a).contains("the limit is 2"), "{}", reasons(a));
    assert!(reasons(m).contains("current MAG member"), "{}", reasons(m));
    assert!(
        reasons(r).contains(&format!("{}", YEAR - 1)),
        "{}",
        reasons(r)
    );
    assert!(!reasons(r).contains("limit"), "{}", reasons(r));
    assert!(
        mails(app)
            .await
            .iter()
            .any(|mail| mail.contains("did not pass stage-1 screening"))
    );

    // Withdrawing one brings the others under the limit at the next run.
    withdraw(app, &busy, "igf", YEAR, c).await.unwrap();
    let run = screen_cycle_as_operator(app, &Actor::System("test"), "igf", YEAR, false)
        .await
        .unwrap();
    assert_eq!(run.mailed, 0);
    assert_eq!(run.lines.len(), 4);
    assert_eq!((run.passed, run.failed), (2, 2));

    // Overrides need a reason and keep the computed result.
    let empty = override_result(app, &sec, "igf", YEAR, r, Some(ScreeningStatus::Pass), "  ").await;
    assert!(
        matches!(&empty, Err(ActionError::Invalid(e)) if e.field == "reason"),
        "{empty:?}"
    );
    assert!(matches!(
        override_result(
            app,
            &sec,
            "igf",
            YEAR,
            draft_only,
            Some(ScreeningStatus::Pass),
            "x"
        )
        .await,
        Err(ActionError::Rule {
            code: "not_submitted",
            ..
        })
    ));
    override_result(
        app,
        &sec,
        "igf",
        YEAR,
        r,
        Some(ScreeningStatus::Pass),
        "The report was sent by post.",
    )
    .await
    .unwrap();
    let view = proposal(app, &sec, "igf", YEAR, r).await.unwrap();
    assert_eq!(view.screening.computed, ScreeningStatus::Fail);
    assert_eq!(view.screening.effective(), ScreeningStatus::Pass);
    assert_eq!(
        view.screening.override_reason,
        "The report was sent by post."
    );
    let passing = manage_list(
        app,
        &sec,
        "igf",
        YEAR,
        &ListFilter {
            screening: "pass".into(),
            ..ListFilter::default()
        },
    )
    .await
    .unwrap();
    assert_eq!(
        passing.lines.iter().map(|l| l.id).collect::<Vec<_>>(),
        vec![a, b, r]
    );
    assert!(passing.lines[2].overridden);

    // Filters of the secretariat's list.
    let filtered = |f: ListFilter| {
        let sec = sec.clone();
        async move {
            manage_list(app, &sec, "igf", YEAR, &f)
                .await
                .unwrap()
                .lines
                .iter()
                .map(|l| l.id)
                .collect::<Vec<_>>()
        }
    };
    assert_eq!(
        filtered(ListFilter {
            region: "grulac".into(),
            ..ListFilter::default()
        })
        .await,
        vec![r]
    );
    assert_eq!(
        filtered(ListFilter {
            stakeholder_group: "private_sector".into(),
            ..ListFilter::default()
        })
        .await,
        vec![r]
    );
    assert_eq!(
        filtered(ListFilter {
            text: "by a MEMBER".into(),
            ..ListFilter::default()
        })
        .await,
        vec![m]
    );
    assert_eq!(
        filtered(ListFilter {
            status: "draft".into(),
            ..ListFilter::default()
        })
        .await,
        vec![draft_only]
    );
    assert_eq!(
        filtered(ListFilter {
            status: "withdrawn".into(),
            session_type: "workshop".into(),
            issue_area: "ai_emerging".into(),
            ..ListFilter::default()
        })
        .await,
        vec![c]
    );
    assert!(matches!(
        manage_list(
            app,
            &sec,
            "igf",
            YEAR,
            &ListFilter {
                screening: "maybe".into(),
                ..ListFilter::default()
            }
        )
        .await,
        Err(ActionError::Invalid(_))
    ));
    assert!(matches!(
        manage_list(app, &other, "igf", YEAR, &ListFilter::default()).await,
        Err(ActionError::Forbidden)
    ));

    // The public list of received proposals shows no people and no screening.
    let public = received(
        app,
        &Viewer::anonymous(),
        "igf",
        YEAR,
        &ListFilter::default(),
    )
    .await
    .unwrap();
    assert_eq!(
        public.lines.iter().map(|l| l.id).collect::<Vec<_>>(),
        vec![a, b, m, r]
    );
    assert!(
        public
            .lines
            .iter()
            .all(|l| l.submitter_organisation.is_empty()
                && l.reasons.is_empty()
                && l.screening == ScreeningStatus::Pending
                && l.submitted_at.is_some())
    );

    let actions = audit_actions(app).await;
    for action in [
        "screening.run",
        "screening.override",
        "report_flag.record",
        "proposal.withdraw",
    ] {
        assert!(actions.iter().any(|a| a == action), "{action}");
    }
}

#[tokio::test]
async fn draft_owners_are_reminded_once_in_the_last_three_days() {
    let fx = fixture().await;
    let app = &fx.app;
    let me = viewer(app, "organiser@igf.example.org").await;
    new_draft(app, &me, "igf", YEAR, &good("Still a draft"))
        .await
        .unwrap();
    let sent = submitted(app, &me, &good("Sent")).await;
    let closes = deadline(app).await;
    assert_eq!(
        queue_deadline_reminders(app, closes.minus(Seconds(5 * 86_400)))
            .await
            .unwrap(),
        0
    );
    assert_eq!(
        queue_deadline_reminders(app, closes.minus(Seconds(2 * 86_400)))
            .await
            .unwrap(),
        1
    );
    assert_eq!(
        queue_deadline_reminders(app, closes.minus(Seconds(86_400)))
            .await
            .unwrap(),
        0,
        "once per draft and deadline"
    );
    let reminder = mails(app)
        .await
        .into_iter()
        .find(|m| m.contains("Reminder"))
        .unwrap();
    assert!(reminder.contains("Still a draft"), "{reminder}");
    assert!(reminder.contains("(America/New_York)"), "{reminder}");
    let _ = sent;
}

#[tokio::test]
async fn a_call_of_1200_proposals_is_screened_in_one_pass() {
    let fx = fixture().await;
    let app = &fx.app;
    let me = viewer(app, "organiser@igf.example.org").await;
    let mut tx = app.db().begin().await.unwrap();
    let forum = plenary_db::forums::forum_by_slug(&mut tx, "igf")
        .await
        .unwrap()
        .unwrap();
    let cycle = cycles::load(&mut tx, &forum, YEAR).await.unwrap();
    let regions = country_regions(&mut tx).await.unwrap();
    let account = me.account.as_ref().unwrap().id.0;
    let now = app.now();
    let batch: Vec<q::NewProposal> = (0..1200)
        .map(|i| {
            let mut input = if i % 3 == 0 {
                weak(&format!("Session {i}"))
            } else {
                good(&format!("Session {i}"))
            };
            input.people[0].email = format!("organiser{}@example.org", i % 700);
            input.submitter_organisation = format!("Org {}", i % 400);
            let checked = check_input(&cycle, &regions, &input).unwrap();
            q::NewProposal {
                cycle: cycle.id,
                submitter_account: account,
                status: "submitted".into(),
                content: checked.content,
                people: checked.people,
                submitted_at: Some(now),
            }
        })
        .collect();
    let started = Instant::now();
    q::insert_proposals(&mut tx, &batch, now).await.unwrap();
    tx.commit().await.unwrap();
    let inserted = started.elapsed();
    let started = Instant::now();
    let run = screen_cycle_as_operator(app, &Actor::System("test"), "igf", YEAR, false)
        .await
        .unwrap();
    let screened = started.elapsed();
    eprintln!(
        "1,200 proposals: inserted in {} ms, screened (load + screen + store) in {} ms",
        inserted.as_millis(),
        screened.as_millis()
    );
    assert_eq!(run.lines.len(), 1200);
    let stored = manage_list(
        app,
        &secretariat(app).await,
        "igf",
        YEAR,
        &ListFilter {
            screening: "fail".into(),
            ..ListFilter::default()
        },
    )
    .await
    .unwrap();
    assert_eq!(stored.total, 1200, "every result is stored");
    // Every third is weak; the others pass, as the submitter is the same account but the
    // per-person limit counts the submitter: all 1,200 are over it.
    assert_eq!(run.failed, 1200);
    assert!(
        run.lines[1]
            .reasons
            .iter()
            .any(|r| r.contains("organiser@igf.example.org") && r.contains("1200")),
        "{:?}",
        run.lines[1].reasons
    );
}

#[test]
fn deadlines_are_shown_in_the_proposers_zone() {
    let at: Timestamp = "2026-05-24T14:59:00Z".parse().unwrap();
    assert_eq!(
        show_in_zone(at, "Asia/Tokyo"),
        "24 May 2026, 23:59 (Asia/Tokyo)"
    );
    assert_eq!(
        show_in_zone(at, "America/Mexico_City"),
        "24 May 2026, 08:59 (America/Mexico_City)"
    );
    assert_eq!(show_in_zone(at, "Nowhere/Else"), "24 May 2026, 14:59 (UTC)");
    assert!(check_time_zone("Europe/Paris").is_ok());
    assert_eq!(
        check_time_zone("Europe/Atlantis").unwrap_err().field,
        "proposer_time_zone"
    );
}
