//! Tests for `bodies::nominations` on the demo data (SQLite, or PostgreSQL with
//! PLENARY_TEST_BACKEND=postgres): submitting, the review's checks and duplicates, assessing,
//! merging, CSV import errors and round trips, and the slate pool `parse_nominees` reads.

use std::sync::Arc;

use plenary_db::audit::AuditFilter;
use plenary_testkit::TestDb;

use super::*;
use crate::{Mailer, ManualClock, Settings};

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
    Fixture {
        app,
        clock,
        _db: db,
        _mail: mail,
    }
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

fn raw() -> RawNomination {
    RawNomination {
        self_nomination: false,
        candidate_name: "Zainab Aliyu".into(),
        candidate_email: "zainab@example.org".into(),
        stakeholder_group: "technical_community".into(),
        country_iso2: "NG".into(),
        gender: "woman".into(),
        organisation: "Nigerian Internet Registration Association".into(),
        statement: "Ten years of ccTLD operations.".into(),
        nominator_name: "Emeka Obi".into(),
        nominator_email: "emeka@example.org".into(),
        endorsements: vec![("AfNOG".into(), "endorsed at AfNOG 2026".into())],
    }
}

async fn all(app: &App) -> CallReview {
    review(
        app,
        &secretariat(app).await,
        "igf",
        "mag",
        2027,
        &ReviewFilter::default(),
    )
    .await
    .unwrap()
}

#[tokio::test]
async fn anyone_may_nominate_while_the_call_is_open_and_bad_input_stores_nothing() {
    let fx = fixture().await;
    let before = all(&fx.app).await.nominations.len();
    assert_eq!(before, 41, "the demo loads 41 nominations");
    let outcome = submit(&fx.app, &Viewer::anonymous(), "igf", "mag", 2027, &raw())
        .await
        .unwrap();
    let SubmitOutcome::Submitted(id) = outcome else {
        panic!("{outcome:?}")
    };
    let review = all(&fx.app).await;
    let stored = review.nominations.iter().find(|n| n.id == id).unwrap();
    assert_eq!(stored.status, NominationStatus::Submitted);
    assert_eq!(
        stored.nominators,
        vec![("Emeka Obi".to_owned(), "emeka@example.org".to_owned())]
    );
    assert_eq!(stored.endorsements.len(), 1);
    assert!(stored.passes_checks(), "{:?}", stored.checks);
    assert!(
        audit_actions(&fx.app)
            .await
            .contains(&"nomination.submit".to_owned())
    );

    let mut bad = raw();
    bad.country_iso2 = "ZZ".into();
    bad.stakeholder_group.clear();
    let outcome = submit(&fx.app, &Viewer::anonymous(), "igf", "mag", 2027, &bad)
        .await
        .unwrap();
    let SubmitOutcome::Invalid(errors) = outcome else {
        panic!("{outcome:?}")
    };
    let fields: Vec<&str> = errors.iter().map(|e| e.field).collect();
    assert_eq!(fields, ["stakeholder_group", "country"]);
    assert_eq!(all(&fx.app).await.nominations.len(), before + 1);

    fx.clock.advance(plenary_domain::time::Seconds(50 * 86_400));
    let closed = submit(&fx.app, &Viewer::anonymous(), "igf", "mag", 2027, &raw()).await;
    assert!(
        matches!(
            closed,
            Err(ActionError::Rule {
                code: "call_closed",
                ..
            })
        ),
        "{closed:?}"
    );
    let unknown = submit(&fx.app, &Viewer::anonymous(), "igf", "mag", 2031, &raw()).await;
    assert!(matches!(unknown, Err(ActionError::NotFound)), "{unknown:?}");
}

#[tokio::test]
async fn the_review_shows_checks_and_duplicates_and_only_the_secretariat_sees_it() {
    let fx = fixture().await;
    let review = all(&fx.app).await;
    let find = |name: &str| {
        review
            .nominations
            .iter()
            .filter(|n| n.candidate_name == name)
            .collect::<Vec<_>>()
    };
    let failed = |n: &NominationView| -> Vec<&str> {
        n.checks
            .iter()
            .filter(|c| !c.passed)
            .map(|c| c.code)
            .collect()
    };
    let pair = find("Nanjala Wekesa");
    assert_eq!(pair.len(), 2);
    assert_eq!(pair[0].duplicates, vec![pair[1].id]);
    assert_eq!(pair[1].duplicates, vec![pair[0].id]);
    let limited = find(&crate::demo::demo_name(5));
    assert_eq!(failed(limited[0]), ["term_limit"]);
    assert!(!limited[0].first_time);
    assert_eq!(failed(find("Tomasz Zieliński")[0]), ["statement"]);
    assert_eq!(failed(find("Fatou Jallow")[0]), ["group_seated"]);
    assert!(find("Wanjiru Kariuki")[0].first_time);
    let counted: u32 = review.counts.values().sum();
    assert_eq!(counted, 40, "the withdrawn nomination is not counted");
    assert_eq!(
        review.counts[&("civil_society".to_owned(), UnRegionalGroup::African)],
        4
    );

    let only_government = review_of(
        &fx.app,
        Some(NominationStatus::Eligible),
        Some("government"),
    )
    .await;
    assert!(
        only_government
            .nominations
            .iter()
            .all(|n| n.stakeholder_group == "government" && n.status == NominationStatus::Eligible)
    );
    assert_eq!(only_government.nominations.len(), 11);

    for email in ["participant@igf.example.org", "chair@igf.example.org"] {
        let denied = super::review(
            &fx.app,
            &viewer(&fx.app, email).await,
            "igf",
            "mag",
            2027,
            &ReviewFilter::default(),
        )
        .await;
        assert!(
            matches!(denied, Err(ActionError::Forbidden)),
            "{email}: {denied:?}"
        );
    }
}

async fn review_of(app: &App, status: Option<NominationStatus>, group: Option<&str>) -> CallReview {
    review(
        app,
        &secretariat(app).await,
        "igf",
        "mag",
        2027,
        &ReviewFilter {
            status,
            stakeholder_group: group.map(str::to_owned),
        },
    )
    .await
    .unwrap()
}

#[tokio::test]
async fn assessing_and_merging_are_checked_and_audited() {
    let fx = fixture().await;
    let sec = secretariat(&fx.app).await;
    let review = all(&fx.app).await;
    let id_of = |name: &str| {
        review
            .nominations
            .iter()
            .filter(|n| n.candidate_name == name)
            .map(|n| n.id)
            .collect::<Vec<_>>()
    };
    let no_statement = id_of("Tomasz Zieliński")[0];
    let eligible = Assessment {
        status: "eligible".into(),
        score: "70".into(),
        note: String::new(),
    };
    let refused = assess(&fx.app, &sec, "igf", "mag", 2027, no_statement, &eligible).await;
    assert!(
        matches!(&refused, Err(ActionError::Rule { code: "fails_eligibility_checks", message }) if message.contains("statement")),
        "{refused:?}"
    );
    let kadri = id_of("Kadri Tamm")[0];
    assess(&fx.app, &sec, "igf", "mag", 2027, kadri, &eligible)
        .await
        .unwrap();
    let bad_score = Assessment {
        score: "140".into(),
        ..eligible.clone()
    };
    let refused = assess(&fx.app, &sec, "igf", "mag", 2027, kadri, &bad_score).await;
    assert!(
        matches!(refused, Err(ActionError::Invalid(ref e)) if e.field == "score"),
        "{refused:?}"
    );

    let pair = id_of("Nanjala Wekesa");
    let participant = viewer(&fx.app, "participant@igf.example.org").await;
    let denied = merge(&fx.app, &participant, "igf", "mag", 2027, pair[0], pair[1]).await;
    assert!(matches!(denied, Err(ActionError::Forbidden)), "{denied:?}");
    let not_same = merge(&fx.app, &sec, "igf", "mag", 2027, pair[0], kadri).await;
    assert!(
        matches!(
            not_same,
            Err(ActionError::Rule {
                code: "not_the_same_candidate",
                ..
            })
        ),
        "{not_same:?}"
    );
    merge(&fx.app, &sec, "igf", "mag", 2027, pair[0], pair[1])
        .await
        .unwrap();
    let after = all(&fx.app).await;
    let kept = after.nominations.iter().find(|n| n.id == pair[0]).unwrap();
    let names: Vec<&str> = kept.nominators.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(
        names,
        [
            "Youth Coalition on Internet Governance",
            "Kenya IGF Steering Committee"
        ]
    );
    assert_eq!(
        kept.endorsements.len(),
        1,
        "the merged nomination's endorsement moved"
    );
    assert!(kept.duplicates.is_empty());
    let dropped = after.nominations.iter().find(|n| n.id == pair[1]).unwrap();
    assert_eq!(
        (dropped.status, dropped.merged_into),
        (NominationStatus::Merged, Some(pair[0]))
    );
    let again = merge(&fx.app, &sec, "igf", "mag", 2027, pair[0], pair[1]).await;
    assert!(
        matches!(
            again,
            Err(ActionError::Rule {
                code: "nomination_merged",
                ..
            })
        ),
        "{again:?}"
    );
    let actions = audit_actions(&fx.app).await;
    assert!(actions.contains(&"nomination.assess".to_owned()));
    assert!(actions.contains(&"nomination.merge".to_owned()));
}

#[tokio::test]
async fn an_import_with_errors_names_lines_and_columns_and_stores_nothing() {
    let fx = fixture().await;
    let sec = secretariat(&fx.app).await;
    let header = EXPORT_COLUMNS.join(",");
    let text = format!(
        "{header}\n\
         ,Ana Lima,ana@example.org,civil_society,BR,woman,Coletivo Digital,Statement,false,Rui Lima,rui@example.org,,eligible,140,,\n\
         ,Ben Osei,ben@example.org,civil_society,XX,man,,Statement,false,Kofi,kofi@example.org,,submitted,,,\n\
         ,Carla Ruiz,carla@example.org,civil_society,MX,woman,,Statement,false,Dana; Eli,dana@example.org,,submitted,,,\n\
         ,Dina Haddad,dina@example.org,civil_society,LB,woman,,,false,Omar,omar@example.org,,eligible,60,,\n"
    );
    let before = all(&fx.app).await.nominations.len();
    let err = import_csv(&fx.app, &sec, "igf", "mag", 2027, &text)
        .await
        .unwrap_err();
    let ActionError::Invalid(field) = err else {
        panic!("{err:?}")
    };
    let lines: Vec<&str> = field.problem.lines().collect();
    assert_eq!(
        lines,
        [
            "line 2, column 14 (score): \"140\" is not a whole number from 0 to 100",
            "line 3, column 5 (country): \"XX\" is not an ISO 3166-1 alpha-2 country code Plenary knows",
            "line 4, column 11 (nominator_emails): 2 nominator names but 1 e-mail addresses",
            "line 5, column 13 (status): cannot be eligible: the statement of motivation is missing",
        ]
    );
    assert_eq!(all(&fx.app).await.nominations.len(), before);
    let missing = import_csv(&fx.app, &sec, "igf", "mag", 2027, "name,country\nA,KE\n").await;
    assert!(
        matches!(&missing, Err(ActionError::Invalid(e)) if e.problem.starts_with("line 1: the header has no candidate_name")),
        "{missing:?}"
    );
    let participant = viewer(&fx.app, "participant@igf.example.org").await;
    let denied = import_csv(&fx.app, &participant, "igf", "mag", 2027, &text).await;
    assert!(matches!(denied, Err(ActionError::Forbidden)), "{denied:?}");
}

#[tokio::test]
async fn an_export_imports_back_into_another_call_unchanged() {
    let fx = fixture().await;
    let sec = secretariat(&fx.app).await;
    let exported = export_csv(&fx.app, &sec, "igf", "mag", 2027).await.unwrap();
    assert!(
        exported.starts_with(&EXPORT_COLUMNS.join(",")),
        "{exported}"
    );
    let wekesa: Vec<&str> = exported
        .lines()
        .filter(|l| l.contains("Nanjala Wekesa"))
        .collect();
    assert_eq!(wekesa.len(), 2);
    open_call(
        &fx.app,
        &sec,
        "igf",
        "mag",
        &CallInput {
            cycle_year: "2028".into(),
            opens_at: "2027-10-01".into(),
            closes_at: "2027-12-31".into(),
            ..CallInput::default()
        },
    )
    .await
    .unwrap();
    let twice = open_call(
        &fx.app,
        &sec,
        "igf",
        "mag",
        &CallInput {
            cycle_year: "2028".into(),
            opens_at: "2027-10-01".into(),
            closes_at: "2027-12-31".into(),
            ..CallInput::default()
        },
    )
    .await;
    assert!(
        matches!(&twice, Err(ActionError::Invalid(e)) if e.code == "call_exists"),
        "{twice:?}"
    );
    let n = import_csv(&fx.app, &sec, "igf", "mag", 2028, &exported)
        .await
        .unwrap();
    assert_eq!(n, 41);
    let again = export_csv(&fx.app, &sec, "igf", "mag", 2028).await.unwrap();
    let strip = |text: &str| -> Vec<String> {
        text.lines()
            .skip(1)
            .map(|l| l.split_once(',').map_or("", |(_, rest)| rest).to_owned())
            .collect()
    };
    assert_eq!(strip(&again), strip(&exported));
    let calls = calls(&fx.app, &Viewer::anonymous(), "igf", "mag")
        .await
        .unwrap();
    let years: Vec<(i32, bool)> = calls
        .calls
        .iter()
        .map(|c| (c.cycle_year, c.is_open))
        .collect();
    assert_eq!(years, [(2028, false), (2027, true)]);
    assert!(!calls.can_manage);
    assert!(
        audit_actions(&fx.app)
            .await
            .contains(&"nomination_call.open".to_owned())
    );
}

#[tokio::test]
async fn the_slate_pool_is_the_eligible_scored_nominations_in_the_nominees_format() {
    let fx = fixture().await;
    let sec = secretariat(&fx.app).await;
    let pool = slate_pool_csv(&fx.app, &sec, "igf", "mag", 2027)
        .await
        .unwrap();
    assert!(
        pool.starts_with(
            "id,name,stakeholder_group,country,gender,score,first_time,nominated_by\n"
        ),
        "{pool}"
    );
    let (constitution, _) = crate::bodies::roster::continuing_members(
        &fx.app,
        &Viewer::anonymous(),
        "igf",
        "mag",
        2027,
    )
    .await
    .unwrap();
    let (nominees, notes) =
        crate::bodies::slate::parse_nominees(&constitution, &slate::region_table().unwrap(), &pool)
            .unwrap();
    let review = all(&fx.app).await;
    let expected = review
        .nominations
        .iter()
        .filter(|n| n.status == NominationStatus::Eligible && n.score.is_some())
        .count();
    assert_eq!(nominees.len(), expected, "{notes:?}");
    assert_eq!(expected, 33);
    let wanjiru = nominees
        .iter()
        .find(|n| n.name == "Wanjiru Kariuki")
        .unwrap();
    assert_eq!((wanjiru.score, wanjiru.first_time), (86.0, true));
    assert_eq!(wanjiru.nominated_by, ["Wanjiru Kariuki"]);
    assert!(!pool.contains(&crate::demo::demo_name(5)));
    let participant = viewer(&fx.app, "participant@igf.example.org").await;
    let denied = slate_pool_csv(&fx.app, &participant, "igf", "mag", 2027).await;
    assert!(matches!(denied, Err(ActionError::Forbidden)), "{denied:?}");
}
