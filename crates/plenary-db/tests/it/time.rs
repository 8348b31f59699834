//! How times and parameters are bound on both backends.

use plenary_db::{Db, DbTime};
use plenary_domain::Timestamp;

use crate::Fixture;

async fn scalar_text(db: &Db, sql: &'static str, a: i64, b: &str) -> String {
    match db {
        Db::Sqlite(pool) => sqlx::query_scalar(sql)
            .bind(a)
            .bind(b)
            .fetch_one(pool)
            .await
            .unwrap(),
        Db::Postgres(pool) => sqlx::query_scalar(sql)
            .bind(a)
            .bind(b)
            .fetch_one(pool)
            .await
            .unwrap(),
    }
}

/// `$N` placeholders are matched by number, not by position in the text.
pub async fn parameters_bind_by_number(fx: Fixture) {
    let text = scalar_text(&fx.db, "select $2 || '-' || cast($1 as text)", 7, "seven").await;
    assert_eq!(text, "seven-7");
}

pub async fn timestamps_round_trip_and_order(fx: Fixture) {
    let times = [
        Timestamp::from_micros(1_795_000_000_123_456),
        Timestamp::from_micros(0),
        Timestamp::from_micros(-86_400_000_000),
        Timestamp::from_micros(1_795_000_000_123_457),
        Timestamp::from_micros(253_402_127_999_999_999),
    ];
    let mut tx = fx.db.begin().await.unwrap();
    for (idx, ts) in times.iter().enumerate() {
        let forum = plenary_db::forums::NewForum {
            slug: &plenary_domain::forums::Slug::parse(&format!("f{idx}")).unwrap(),
            name: "t",
            kind: plenary_domain::forums::ForumKind::National,
            country_iso2: None,
            default_language: plenary_domain::Language::En,
            time_zone: "UTC",
        };
        plenary_db::forums::insert_forum(&mut tx, &forum, *ts)
            .await
            .unwrap();
    }
    tx.commit().await.unwrap();
    let sql = "select created_at from forum order by created_at";
    let read: Vec<DbTime> = match &fx.db {
        Db::Sqlite(pool) => sqlx::query_scalar(sql).fetch_all(pool).await.unwrap(),
        Db::Postgres(pool) => sqlx::query_scalar(sql).fetch_all(pool).await.unwrap(),
    };
    let mut expected: Vec<DbTime> = times.iter().copied().map(DbTime).collect();
    expected.sort();
    assert_eq!(read, expected);
}
