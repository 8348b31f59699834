//! The call for issues: inputs of a cycle in arrival order, kept apart from another
//! cycle's, with name and e-mail stored, and the counts by stakeholder group and region.

use plenary_db::calls::issues::{self as q, NewIssueInput};
use plenary_domain::Timestamp;

use crate::Fixture;

fn at(text: &str) -> Timestamp {
    text.parse().unwrap()
}

fn input<'a>(cycle: i64, issue: &'a str, group: &'a str, region: &'a str) -> NewIssueInput<'a> {
    NewIssueInput {
        cycle,
        issue,
        description: "Why it matters.",
        stakeholder_group: group,
        region,
        name: "",
        email: "",
    }
}

pub async fn issue_inputs_and_counts(fx: Fixture) {
    let now = at("2026-01-20T10:00:00Z");
    let mut tx = fx.db.begin().await.unwrap();
    let forum = crate::insert_igf(&mut tx, now).await;
    let closes = at("2026-05-24T23:59:00Z");
    let y2026 = plenary_db::calls::insert_cycle(&mut tx, forum.0, 2026, "doc", closes, now)
        .await
        .unwrap();
    let y2027 = plenary_db::calls::insert_cycle(&mut tx, forum.0, 2027, "doc", closes, now)
        .await
        .unwrap();
    let first = q::insert_issue_input(
        &mut tx,
        &NewIssueInput {
            name: "Amina Diallo",
            email: "amina@example.org",
            ..input(y2026, "<b>AI</b> & jobs", "civil_society", "african")
        },
        now,
    )
    .await
    .unwrap();
    let later = at("2026-01-21T08:00:00Z");
    for (issue, group, region) in [
        ("Data flows", "government", "weog"),
        ("Connectivity", "civil_society", "african"),
        ("Spam", "technical_community", "asia_pacific"),
    ] {
        q::insert_issue_input(&mut tx, &input(y2026, issue, group, region), later)
            .await
            .unwrap();
    }
    q::insert_issue_input(
        &mut tx,
        &input(y2027, "Other year", "government", "grulac"),
        later,
    )
    .await
    .unwrap();
    tx.commit().await.unwrap();

    let mut tx = fx.db.read().await.unwrap();
    let rows = q::issue_inputs_of_cycle(&mut tx, y2026).await.unwrap();
    assert_eq!(
        rows.iter().map(|r| r.issue.as_str()).collect::<Vec<_>>(),
        ["<b>AI</b> & jobs", "Data flows", "Connectivity", "Spam"]
    );
    assert_eq!(
        (
            rows[0].id,
            rows[0].cycle_id,
            rows[0].name.as_str(),
            rows[0].email.as_str(),
            rows[0].submitted_at,
            rows[1].submitted_at
        ),
        (
            first,
            y2026,
            "Amina Diallo",
            "amina@example.org",
            now,
            later
        )
    );
    assert_eq!(
        q::issue_counts_by_group(&mut tx, y2026).await.unwrap(),
        [
            ("civil_society".to_owned(), 2),
            ("government".to_owned(), 1),
            ("technical_community".to_owned(), 1)
        ]
    );
    assert_eq!(
        q::issue_counts_by_region(&mut tx, y2026).await.unwrap(),
        [
            ("african".to_owned(), 2),
            ("asia_pacific".to_owned(), 1),
            ("weog".to_owned(), 1)
        ]
    );
    assert_eq!(
        q::issue_counts_by_region(&mut tx, y2027).await.unwrap(),
        [("grulac".to_owned(), 1)]
    );
    assert!(
        q::issue_inputs_of_cycle(&mut tx, 999_999)
            .await
            .unwrap()
            .is_empty()
    );
    tx.commit().await.unwrap();
}
