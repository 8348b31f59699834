//! Tests for `bodies::constitution`: versions stored and audited, invalid documents refused
//! with nothing stored, refusals for non-secretariat viewers, and the list of changes.

use std::sync::Arc;

use plenary_db::audit::AuditFilter;
use plenary_domain::Timestamp;
use plenary_domain::bodies::presets;
use plenary_testkit::TestDb;

use super::*;
use crate::{Mailer, ManualClock, Settings};

async fn demo_app() -> (App, TestDb) {
    let test_db = TestDb::from_env().await;
    let clock = Arc::new(ManualClock::new(
        "2026-11-22T10:00:00Z".parse::<Timestamp>().unwrap(),
    ));
    let app = App::new(
        test_db.db.clone(),
        clock,
        Mailer::from_url("smtp://127.0.0.1:1", "Plenary <no-reply@plenary.test>").unwrap(),
        Settings {
            public_url: "http://plenary.test".into(),
            mail_from: "Plenary <no-reply@plenary.test>".into(),
        },
    );
    crate::demo::load_demo_sized(&app, &|_| {}, crate::demo::DemoSize::Small)
        .await
        .unwrap();
    (app, test_db)
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

async fn versions_audited(app: &App) -> usize {
    crate::audit::list_all(app, &AuditFilter::default(), 500)
        .await
        .unwrap()
        .iter()
        .filter(|event| event.action == "constitution.version")
        .count()
}

#[tokio::test]
async fn a_new_version_is_stored_and_audited_and_an_invalid_one_is_refused() {
    let (app, _db) = demo_app().await;
    let secretariat = viewer(&app, "secretariat@igf.example.org").await;
    let mut amended = presets::mag(5).into_draft();
    amended.term.months = 24;
    let amended = Constitution::validate(amended).unwrap();

    let cases: [(&str, String, DocumentFormat, Submitted); 3] = [
        (
            "TOML with two-year terms",
            document::to_toml(&amended),
            DocumentFormat::Toml,
            Submitted::Stored {
                version: 2,
                changes: vec!["term.months: 12 → 24".into()],
            },
        ),
        (
            "the same as JSON",
            document::to_json(&amended),
            DocumentFormat::Json,
            Submitted::Stored {
                version: 3,
                changes: vec![],
            },
        ),
        (
            "a rotation share over 100 %",
            document::to_toml(&amended).replace(
                "rotation_share_percent = 33",
                "rotation_share_percent = 150",
            ),
            DocumentFormat::Toml,
            Submitted::Refused {
                problems: vec!["the rotation share is 150 %, more than 100 %".into()],
            },
        ),
    ];
    for (name, text, format, expected) in cases {
        let before = versions_audited(&app).await;
        let got = submit_version(&app, &secretariat, "igf", "mag", &text, format)
            .await
            .unwrap();
        assert_eq!(got, expected, "{name}");
        let stored = matches!(expected, Submitted::Stored { .. });
        assert_eq!(
            versions_audited(&app).await,
            before + usize::from(stored),
            "{name}"
        );
    }
    let history = history(&app, &secretariat, "igf", "mag").await.unwrap();
    let numbers: Vec<i64> = history.versions.iter().map(|v| v.version).collect();
    assert_eq!(numbers, vec![1, 2, 3]);
    assert_eq!(history.versions[1].created_by, "Noor Haddad");
    let latest = version(&app, &secretariat, "igf", "mag", None)
        .await
        .unwrap();
    assert_eq!(latest.info.version, 3);
    assert_eq!(latest.constitution, amended);
    let first = version(&app, &secretariat, "igf", "mag", Some(1))
        .await
        .unwrap();
    assert_eq!(
        changes(&first.constitution, &latest.constitution),
        vec!["term.months: 12 → 24".to_owned()]
    );
}

#[tokio::test]
async fn only_the_secretariat_reads_or_changes_versions() {
    let (app, _db) = demo_app().await;
    let text = document::to_toml(&presets::mag(5));
    for email in ["participant@igf.example.org", "chair@igf.example.org"] {
        let who = viewer(&app, email).await;
        let submitted = submit_version(&app, &who, "igf", "mag", &text, DocumentFormat::Toml).await;
        assert!(matches!(submitted, Err(ActionError::Forbidden)), "{email}");
        let listed = history(&app, &who, "igf", "mag").await;
        assert!(matches!(listed, Err(ActionError::Forbidden)), "{email}");
    }
    let anonymous = Viewer::anonymous();
    let submitted =
        submit_version(&app, &anonymous, "igf", "mag", &text, DocumentFormat::Toml).await;
    assert!(matches!(submitted, Err(ActionError::Unauthenticated)));
    assert_eq!(versions_audited(&app).await, 0);
}

#[test]
fn changes_name_every_field_that_differs() {
    let mag = presets::mag(5);
    let mut draft = mag.clone().into_draft();
    draft.rotation_share_percent = 50;
    draft.size.max = 70;
    draft.vice_chair = true;
    let changed = Constitution::validate(draft).unwrap();
    assert_eq!(changes(&mag, &mag), Vec::<String>::new());
    assert_eq!(
        changes(&mag, &changed),
        vec![
            "rotation_share_percent: 33 % → 50 %".to_owned(),
            "size: 50–62 → 50–70".to_owned(),
            "vice_chair: false → true".to_owned(),
        ]
    );
}
