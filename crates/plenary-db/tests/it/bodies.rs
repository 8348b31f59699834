//! Bodies, constitution versions and memberships over time.

use plenary_db::bodies::{self as q, NewMembership};
use plenary_db::{DbError, accounts};
use plenary_domain::Timestamp;
use plenary_domain::accounts::DisplayName;

use crate::Fixture;

fn year(y: i64) -> Timestamp {
    format!("{y}-01-01T00:00:00Z").parse().unwrap()
}

pub async fn bodies_and_rosters_over_time(fx: Fixture) {
    let mut tx = fx.db.begin().await.unwrap();
    let forum = crate::insert_igf(&mut tx, year(2020)).await;
    let mag = q::insert_body(
        &mut tx,
        forum,
        "mag",
        "Multistakeholder Advisory Group",
        year(2020),
    )
    .await
    .unwrap();
    assert_eq!(
        q::insert_constitution_version(&mut tx, mag, "version = 1", "system:demo", year(2020))
            .await
            .unwrap(),
        1
    );
    assert_eq!(
        q::insert_constitution_version(&mut tx, mag, "version = 1 # v2", "account:1", year(2021))
            .await
            .unwrap(),
        2
    );
    let latest = q::latest_constitution(&mut tx, mag).await.unwrap().unwrap();
    assert_eq!(
        (
            latest.version,
            latest.document.as_str(),
            latest.created_by.as_str()
        ),
        (2, "version = 1 # v2", "account:1")
    );

    let ana = accounts::insert_person(
        &mut tx,
        &DisplayName::parse("Ana").unwrap(),
        None,
        None,
        year(2020),
    )
    .await
    .unwrap();
    let ben = accounts::insert_person(
        &mut tx,
        &DisplayName::parse("Ben").unwrap(),
        None,
        None,
        year(2020),
    )
    .await
    .unwrap();
    let seat = |person, starts: i64, ends: Option<i64>, term| NewMembership {
        body: mag,
        person,
        seat_kind: "regular",
        stakeholder_group: "civil_society",
        country_iso2: None,
        gender: "woman",
        term_number: term,
        starts_at: year(starts),
        ends_at: ends.map(year),
        state: "appointed",
    };
    q::insert_membership(&mut tx, &seat(ana, 2024, Some(2025), 1), year(2024))
        .await
        .unwrap();
    q::insert_membership(&mut tx, &seat(ana, 2025, Some(2026), 2), year(2025))
        .await
        .unwrap();
    q::insert_membership(&mut tx, &seat(ben, 2025, None, 1), year(2025))
        .await
        .unwrap();
    tx.commit().await.unwrap();

    let mut tx = fx.db.read().await.unwrap();
    let names_at = |rows: Vec<q::RosterRow>| -> Vec<(String, i64)> {
        rows.into_iter()
            .map(|r| (r.display_name, r.term_number))
            .collect()
    };
    assert_eq!(
        names_at(q::members_at(&mut tx, mag, year(2023)).await.unwrap()),
        vec![]
    );
    assert_eq!(
        names_at(q::members_at(&mut tx, mag, year(2024)).await.unwrap()),
        vec![("Ana".to_owned(), 1)]
    );
    assert_eq!(
        names_at(q::members_at(&mut tx, mag, year(2025)).await.unwrap()),
        vec![("Ana".to_owned(), 2), ("Ben".to_owned(), 1)]
    );
    assert_eq!(
        names_at(q::members_at(&mut tx, mag, year(2026)).await.unwrap()),
        vec![("Ben".to_owned(), 1)]
    );
    assert_eq!(
        q::membership_starts(&mut tx, mag).await.unwrap(),
        vec![year(2024), year(2025), year(2025)]
    );
    let bodies = q::bodies_of_forum(&mut tx, forum).await.unwrap();
    assert_eq!(bodies.len(), 1);
    assert_eq!(
        q::body_by_slug(&mut tx, forum, "mag")
            .await
            .unwrap()
            .unwrap()
            .name,
        "Multistakeholder Advisory Group"
    );
    assert_eq!(q::body_by_slug(&mut tx, forum, "lp").await.unwrap(), None);
    tx.commit().await.unwrap();

    // A second body with the same slug in the same forum is a conflict.
    let mut tx = fx.db.begin().await.unwrap();
    let dup = q::insert_body(&mut tx, forum, "mag", "Again", year(2020)).await;
    assert!(matches!(dup, Err(DbError::Conflict { .. })), "{dup:?}");
}
