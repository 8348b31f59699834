#![doc = include_str!("../README.md")]

mod smtp;

use plenary_db::{Db, PoolSize};
use rand::Rng;

pub use smtp::{ReceivedMail, SmtpSink};

/// A fresh database for one test. Dropping it keeps the PostgreSQL database (the
/// throw-away cluster of `scripts/test` is deleted whole) and deletes a SQLite file.
#[derive(Debug)]
pub struct TestDb {
    pub db: Db,
    pub url: String,
    _dir: Option<tempfile::TempDir>,
}

impl TestDb {
    /// A migrated database on the backend `PLENARY_TEST_BACKEND` names (default SQLite).
    pub async fn from_env() -> TestDb {
        match std::env::var("PLENARY_TEST_BACKEND").as_deref() {
            Ok("postgres") => TestDb::postgres_required().await,
            Ok("sqlite") | Err(_) => TestDb::sqlite().await,
            Ok(other) => panic!("PLENARY_TEST_BACKEND={other:?}: expected sqlite or postgres"),
        }
    }

    /// A migrated SQLite database in a temporary file.
    pub async fn sqlite() -> TestDb {
        let test_db = TestDb::sqlite_unmigrated().await;
        test_db
            .db
            .migrate()
            .await
            .expect("migrate SQLite test database");
        test_db
    }

    /// An empty SQLite database in a temporary file.
    pub async fn sqlite_unmigrated() -> TestDb {
        let dir = tempfile::tempdir().expect("temporary directory");
        let url = format!("sqlite://{}/test.db", dir.path().display());
        let db = Db::connect(&url, PoolSize::default())
            .await
            .expect("open SQLite test database");
        TestDb {
            db,
            url,
            _dir: Some(dir),
        }
    }

    /// A migrated PostgreSQL database, or `None` when `PLENARY_TEST_POSTGRES_URL` is unset
    /// (and `PLENARY_REQUIRE_POSTGRES` is not `1`, in which case the test fails instead).
    pub async fn postgres_if_configured() -> Option<TestDb> {
        let test_db = TestDb::postgres_unmigrated_if_configured().await?;
        test_db
            .db
            .migrate()
            .await
            .expect("migrate PostgreSQL test database");
        Some(test_db)
    }

    /// A migrated PostgreSQL database; fails the test when none is configured.
    pub async fn postgres_required() -> TestDb {
        match TestDb::postgres_if_configured().await {
            Some(db) => db,
            None => panic!("PLENARY_TEST_BACKEND=postgres needs PLENARY_TEST_POSTGRES_URL"),
        }
    }

    /// A new, empty PostgreSQL database on the configured server.
    pub async fn postgres_unmigrated_if_configured() -> Option<TestDb> {
        let Ok(base) = std::env::var("PLENARY_TEST_POSTGRES_URL") else {
            if std::env::var("PLENARY_REQUIRE_POSTGRES").as_deref() == Ok("1") {
                panic!("PLENARY_REQUIRE_POSTGRES=1 but PLENARY_TEST_POSTGRES_URL is not set");
            }
            eprintln!("skipping the PostgreSQL half: PLENARY_TEST_POSTGRES_URL is not set");
            return None;
        };
        let name = format!("plenary_t_{:016x}", rand::rng().random::<u64>());
        let admin = Db::connect(
            &base,
            PoolSize {
                max_connections: 1,
                ..PoolSize::default()
            },
        )
        .await
        .expect("connect to PLENARY_TEST_POSTGRES_URL");
        let Db::Postgres(pool) = &admin else {
            panic!("PLENARY_TEST_POSTGRES_URL must be a postgres:// URL");
        };
        sqlx::raw_sql(sqlx::AssertSqlSafe(format!("create database {name}")))
            .execute(pool)
            .await
            .expect("create test database");
        admin.close().await;
        let url = with_database(&base, &name);
        let db = Db::connect(
            &url,
            PoolSize {
                max_connections: 5,
                ..PoolSize::default()
            },
        )
        .await
        .expect("connect to the new test database");
        Some(TestDb {
            db,
            url,
            _dir: None,
        })
    }
}

/// Records a migration this binary does not know, as if a newer release had migrated
/// the database at `url` (for testing that older binaries refuse to serve it).
pub async fn pretend_newer_schema(url: &str) {
    let db = Db::connect(url, PoolSize::default())
        .await
        .expect("connect");
    let sql = "insert into schema_migration (version, name, applied_at) values (999, 'future', '2027-01-01T00:00:00.000000Z')";
    match &db {
        Db::Sqlite(pool) => sqlx::query(sql).execute(pool).await.map(|_| ()),
        Db::Postgres(pool) => sqlx::query(sql).execute(pool).await.map(|_| ()),
    }
    .expect("record a future migration");
    db.close().await;
}

/// Replaces the database name in a PostgreSQL URL, keeping any query string.
fn with_database(url: &str, name: &str) -> String {
    let (head, query) = match url.split_once('?') {
        Some((head, query)) => (head, Some(query)),
        None => (url, None),
    };
    let scheme_end = head.find("://").map_or(0, |i| i + 3);
    let base = match head[scheme_end..].find('/') {
        Some(slash) => &head[..scheme_end + slash],
        None => head,
    };
    match query {
        Some(query) => format!("{base}/{name}?{query}"),
        None => format!("{base}/{name}"),
    }
}

#[cfg(test)]
mod tests {
    use super::with_database;

    #[test]
    fn database_name_is_replaced() {
        assert_eq!(
            with_database("postgres://u@127.0.0.1:5/plenary_test", "x"),
            "postgres://u@127.0.0.1:5/x"
        );
        assert_eq!(
            with_database("postgres://u@h/db?sslmode=disable", "x"),
            "postgres://u@h/x?sslmode=disable"
        );
        assert_eq!(with_database("postgres://u@h", "x"), "postgres://u@h/x");
    }
}
