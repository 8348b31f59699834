//! Nomination calls, nominations with their nominators and endorsements, merges, and the
//! seat holders a nomination is matched against.

use plenary_db::nominations::{self as q, NewCall, NewNomination};
use plenary_db::{DbError, bodies};
use plenary_domain::Timestamp;
use plenary_domain::countries::{Country, DevelopmentStatus, UnRegionalGroup};

use crate::Fixture;

fn at(text: &str) -> Timestamp {
    text.parse().unwrap()
}

fn nomination<'a>(call: i64, name: &'a str, email: &'a str) -> NewNomination<'a> {
    NewNomination {
        call,
        candidate_name: name,
        candidate_email: email,
        stakeholder_group: "civil_society",
        country_iso2: "KE",
        gender: "woman",
        organisation: "Kenya ICT Action Network",
        statement: "Motivated.",
        self_nomination: false,
        status: "submitted",
        score: None,
        note: "",
    }
}

pub async fn calls_nominations_and_merges(fx: Fixture) {
    let now = at("2026-11-22T10:00:00Z");
    let mut tx = fx.db.begin().await.unwrap();
    plenary_db::countries::upsert_country(
        &mut tx,
        &Country {
            iso2: "KE".into(),
            iso3: "KEN".into(),
            numeric: "404".into(),
            name: "Kenya".into(),
            un_regional_group: UnRegionalGroup::African,
            m49_region: "Africa".into(),
            m49_subregion: "Sub-Saharan Africa".into(),
            development_status: Some(DevelopmentStatus::Developing),
            ldc: false,
            lldc: false,
            sids: false,
        },
    )
    .await
    .unwrap();
    let forum = crate::insert_igf(&mut tx, now).await;
    let mag = bodies::insert_body(&mut tx, forum, "mag", "MAG", now)
        .await
        .unwrap();
    let new_call = NewCall {
        body: mag,
        cycle_year: 2027,
        title: "MAG 2027",
        description: "",
        opens_at: at("2026-10-15T00:00:00Z"),
        closes_at: at("2026-12-31T00:00:00Z"),
    };
    let call = q::insert_call(&mut tx, &new_call, now).await.unwrap();
    tx.commit().await.unwrap();

    let mut tx = fx.db.begin().await.unwrap();
    let twice = q::insert_call(&mut tx, &new_call, now).await;
    assert!(matches!(twice, Err(DbError::Conflict { .. })), "{twice:?}");
    tx.rollback().await.unwrap();

    let mut tx = fx.db.begin().await.unwrap();
    let a = q::insert_nomination(
        &mut tx,
        &nomination(call, "Wanjiru Kariuki", "w@example.org"),
        now,
    )
    .await
    .unwrap();
    let b = q::insert_nomination(
        &mut tx,
        &nomination(call, "wanjiru kariuki", "wk@example.org"),
        now,
    )
    .await
    .unwrap();
    q::insert_nominator(&mut tx, a, "Kofi", "kofi@example.org")
        .await
        .unwrap();
    q::insert_nominator(&mut tx, b, "Ama", "ama@example.org")
        .await
        .unwrap();
    q::insert_endorsement(&mut tx, b, "Kenya IGF", "endorsed")
        .await
        .unwrap();
    q::update_assessment(&mut tx, a, "eligible", Some(80), "strong", now)
        .await
        .unwrap();
    assert!(matches!(
        q::update_assessment(&mut tx, 999_999, "eligible", None, "", now).await,
        Err(DbError::NotFound)
    ));
    assert_eq!(
        q::calls_of_body(&mut tx, mag).await.unwrap()[0].nominations,
        2
    );
    assert_eq!(q::merge_into(&mut tx, a, b, now).await.unwrap(), 1);
    let rows = q::nominations_of_call(&mut tx, call).await.unwrap();
    assert_eq!(
        rows.iter()
            .map(|r| (r.id, r.status.as_str(), r.score, r.merged_into))
            .collect::<Vec<_>>(),
        [
            (a, "eligible", Some(80), None),
            (b, "merged", None, Some(a))
        ]
    );
    assert_eq!(rows[0].submitted_at, now);
    assert_eq!(
        q::nominators_of_call(&mut tx, call).await.unwrap(),
        [
            (a, "Kofi".to_owned(), "kofi@example.org".to_owned()),
            (a, "Ama".to_owned(), "ama@example.org".to_owned())
        ]
    );
    assert_eq!(
        q::endorsements_of_call(&mut tx, call).await.unwrap(),
        [(a, "Kenya IGF".to_owned(), "endorsed".to_owned())]
    );
    let found = q::call_by_year(&mut tx, mag, 2027).await.unwrap().unwrap();
    assert_eq!(
        (found.id, found.nominations, found.opens_at),
        (call, 1, new_call.opens_at)
    );
    assert!(q::call_by_year(&mut tx, mag, 2028).await.unwrap().is_none());
    assert!(q::seat_holders(&mut tx, mag).await.unwrap().is_empty());
    tx.commit().await.unwrap();
}
