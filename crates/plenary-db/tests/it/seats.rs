//! Seat management in storage: membership transitions, engagement records and officers.

use plenary_db::bodies::{self as q, EngagementRow, NewMembership};
use plenary_db::{DbError, accounts};
use plenary_domain::Timestamp;
use plenary_domain::accounts::DisplayName;

use crate::Fixture;

fn year(y: i64) -> Timestamp {
    format!("{y}-01-01T00:00:00Z").parse().unwrap()
}

pub async fn seats_engagement_and_officers(fx: Fixture) {
    let mut tx = fx.db.begin().await.unwrap();
    let forum = crate::insert_igf(&mut tx, year(2020)).await;
    let body = q::insert_body(&mut tx, forum, "lp", "Leadership Panel", year(2020))
        .await
        .unwrap();
    let mut people = Vec::new();
    for name in ["Ana", "Ben"] {
        let person = accounts::insert_person(
            &mut tx,
            &DisplayName::parse(name).unwrap(),
            None,
            None,
            year(2020),
        )
        .await
        .unwrap();
        people.push(person);
    }
    let mut ids = Vec::new();
    for (person, group, start) in [
        (people[0], "government", 2024),
        (people[1], "civil_society", 2025),
    ] {
        let id = q::insert_membership(
            &mut tx,
            &NewMembership {
                body,
                person,
                seat_kind: "regular",
                stakeholder_group: group,
                country_iso2: None,
                gender: "woman",
                term_number: 1,
                starts_at: year(start),
                ends_at: Some(year(start + 1)),
                state: "appointed",
            },
            year(2020),
        )
        .await
        .unwrap();
        ids.push(id);
    }

    // Memberships overlapping a period, whatever their state.
    let in_2025 = q::memberships_between(&mut tx, body, year(2025), year(2026))
        .await
        .unwrap();
    assert_eq!(
        in_2025.iter().map(|s| s.row.membership).collect::<Vec<_>>(),
        vec![ids[1]]
    );
    assert_eq!(
        q::membership_starting(&mut tx, body, people[1], year(2025))
            .await
            .unwrap(),
        Some(ids[1])
    );
    assert_eq!(
        q::membership_starting(&mut tx, body, people[1], year(2026))
            .await
            .unwrap(),
        None
    );

    // A resignation: state, end and notice date change together.
    let notice: Timestamp = "2025-03-02T00:00:00Z".parse().unwrap();
    let ended: Timestamp = "2025-03-10T00:00:00Z".parse().unwrap();
    q::update_membership_state(&mut tx, ids[1], "resigned", Some(ended), Some(notice))
        .await
        .unwrap();
    let seat = q::membership_by_id(&mut tx, body, ids[1])
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        (seat.row.state.as_str(), seat.row.ends_at, seat.notice_at),
        ("resigned", Some(ended), Some(notice))
    );
    assert!(
        q::membership_by_id(&mut tx, body + 1, ids[1])
            .await
            .unwrap()
            .is_none()
    );
    assert!(matches!(
        q::update_membership_state(&mut tx, 999_999, "ended", None, None).await,
        Err(DbError::NotFound)
    ));
    // Still listed for 2025 (it was in force part of the year), no longer in force after.
    let in_2025 = q::memberships_between(&mut tx, body, year(2025), year(2026))
        .await
        .unwrap();
    assert_eq!(in_2025.len(), 1);
    let after = q::memberships_between(&mut tx, body, ended, year(2026))
        .await
        .unwrap();
    assert!(after.is_empty(), "{after:?}");

    // Engagement records: one per membership and cycle, replaced when recorded again.
    let mut record = EngagementRow {
        membership: ids[0],
        cycle_year: 2024,
        meetings_attended: 2,
        meetings_held: 5,
        reviews_done: 1,
        reviews_assigned: 4,
        working_groups: 0,
        note: "first draft".into(),
        recorded_by: "account:1".into(),
        recorded_at: year(2024),
    };
    q::upsert_engagement(&mut tx, &record).await.unwrap();
    record.meetings_attended = 4;
    record.note = "corrected".into();
    record.recorded_by = "account:2".into();
    q::upsert_engagement(&mut tx, &record).await.unwrap();
    assert_eq!(
        q::engagement_of_body(&mut tx, body, 2024).await.unwrap(),
        vec![record.clone()]
    );
    assert_eq!(
        q::engagement_of_membership(&mut tx, ids[0], 2024)
            .await
            .unwrap(),
        Some(record)
    );
    assert!(
        q::engagement_of_body(&mut tx, body, 2025)
            .await
            .unwrap()
            .is_empty()
    );

    // Officers: one holder per office and year.
    q::insert_officer(
        &mut tx,
        body,
        people[0],
        "chair",
        2025,
        "government",
        "account:1",
        year(2025),
    )
    .await
    .unwrap();
    q::insert_officer(
        &mut tx,
        body,
        people[1],
        "vice_chair",
        2025,
        "civil_society",
        "account:1",
        year(2025),
    )
    .await
    .unwrap();
    tx.commit().await.unwrap();
    let mut tx = fx.db.begin().await.unwrap();
    let twice = q::insert_officer(
        &mut tx,
        body,
        people[1],
        "chair",
        2025,
        "civil_society",
        "account:1",
        year(2025),
    )
    .await;
    assert!(matches!(twice, Err(DbError::Conflict { .. })), "{twice:?}");
    tx.rollback().await.unwrap();
    let mut tx = fx.db.begin().await.unwrap();
    let officers = q::officers_of_body(&mut tx, body).await.unwrap();
    assert_eq!(
        officers
            .iter()
            .map(|o| (o.display_name.as_str(), o.office.as_str(), o.year))
            .collect::<Vec<_>>(),
        vec![("Ana", "chair", 2025), ("Ben", "vice_chair", 2025)]
    );
    tx.commit().await.unwrap();
}
