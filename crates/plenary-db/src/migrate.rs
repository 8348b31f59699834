//! The migration runner: applies the embedded SQL files in version order and records them.
//!
//! `MIGRATIONS` lists every version with its SQLite and PostgreSQL text; `xtask tidy`
//! checks that both trees hold the same files and that each is listed here.
//! Each migration runs in its own transaction together with its bookkeeping row.

use plenary_domain::Timestamp;

use crate::{Db, DbError, DbTime, Tx, exec_tx, on_tx};

struct Migration {
    version: i64,
    name: &'static str,
    sqlite: &'static str,
    postgres: &'static str,
}

const MIGRATIONS: &[Migration] = &[
    Migration {
        version: 1,
        name: "foundation",
        sqlite: include_str!("../migrations/sqlite/0001_foundation.sql"),
        postgres: include_str!("../migrations/postgres/0001_foundation.sql"),
    },
    Migration {
        version: 2,
        name: "bodies",
        sqlite: include_str!("../migrations/sqlite/0002_bodies.sql"),
        postgres: include_str!("../migrations/postgres/0002_bodies.sql"),
    },
    Migration {
        version: 3,
        name: "nominations",
        sqlite: include_str!("../migrations/sqlite/0003_nominations.sql"),
        postgres: include_str!("../migrations/postgres/0003_nominations.sql"),
    },
    Migration {
        version: 4,
        name: "seats",
        sqlite: include_str!("../migrations/sqlite/0004_seats.sql"),
        postgres: include_str!("../migrations/postgres/0004_seats.sql"),
    },
    Migration {
        version: 5,
        name: "hosts",
        sqlite: include_str!("../migrations/sqlite/0005_hosts.sql"),
        postgres: include_str!("../migrations/postgres/0005_hosts.sql"),
    },
    Migration {
        version: 6,
        name: "slates",
        sqlite: include_str!("../migrations/sqlite/0006_slates.sql"),
        postgres: include_str!("../migrations/postgres/0006_slates.sql"),
    },
    Migration {
        version: 7,
        name: "calls",
        sqlite: include_str!("../migrations/sqlite/0007_calls.sql"),
        postgres: include_str!("../migrations/postgres/0007_calls.sql"),
    },
    Migration {
        version: 8,
        name: "review",
        sqlite: include_str!("../migrations/sqlite/0008_review.sql"),
        postgres: include_str!("../migrations/postgres/0008_review.sql"),
    },
    Migration {
        version: 9,
        name: "selection",
        sqlite: include_str!("../migrations/sqlite/0009_selection.sql"),
        postgres: include_str!("../migrations/postgres/0009_selection.sql"),
    },
];

/// The newest schema version this binary knows.
pub const LATEST_VERSION: i64 = 9;

/// Where the database's schema stands relative to this binary.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SchemaStatus {
    /// Every known migration is applied, none unknown.
    Current,
    /// Nothing applied yet (a new, empty database).
    Empty,
    /// Some known migrations are missing: run `plenary migrate`.
    Behind { applied: i64, latest: i64 },
    /// The database has migrations this binary does not know: it is older than the schema.
    Ahead { applied: i64, latest: i64 },
}

const CREATE_SQLITE: &str = "
    create table if not exists schema_migration (
        version integer primary key not null,
        name text not null,
        applied_at text not null
    )";
const CREATE_POSTGRES: &str = "
    create table if not exists schema_migration (
        version bigint primary key,
        name text not null,
        applied_at timestamptz not null
    )";
const APPLIED: &str = "
    select version
    from schema_migration
    order by version";
const RECORD: &str = "
    insert into schema_migration (version, name, applied_at)
    values ($1, $2, $3)";

async fn ensure_table(tx: &mut Tx) -> Result<(), DbError> {
    match tx {
        Tx::Sqlite(inner) => {
            sqlx::query(CREATE_SQLITE).execute(&mut **inner).await?;
        }
        Tx::Postgres(inner) => {
            sqlx::query(CREATE_POSTGRES).execute(&mut **inner).await?;
        }
    }
    Ok(())
}

async fn applied_versions(tx: &mut Tx) -> Result<Vec<i64>, DbError> {
    let rows: Vec<(i64,)> = on_tx!(tx, |conn| sqlx::query_as(APPLIED).fetch_all(conn).await)?;
    Ok(rows.into_iter().map(|(v,)| v).collect())
}

pub(crate) async fn run(db: &Db) -> Result<Vec<i64>, DbError> {
    let mut applied_now = Vec::new();
    for migration in MIGRATIONS {
        let mut tx = db.begin().await?;
        if matches!(tx, Tx::Postgres(_)) {
            // Two replicas migrating at once must not both apply a version: serialise them.
            exec_tx!(&mut tx, |conn| sqlx::query(
                "select pg_advisory_xact_lock(7316001)"
            )
            .execute(conn)
            .await)?;
        }
        ensure_table(&mut tx).await?;
        if applied_versions(&mut tx)
            .await?
            .contains(&migration.version)
        {
            tx.rollback().await?;
            continue;
        }
        match &mut tx {
            Tx::Sqlite(inner) => {
                sqlx::raw_sql(migration.sqlite)
                    .execute(&mut **inner)
                    .await?;
            }
            Tx::Postgres(inner) => {
                sqlx::raw_sql(migration.postgres)
                    .execute(&mut **inner)
                    .await?;
            }
        }
        // The migration's own time is the only clock read in this crate: bookkeeping, not data.
        let now = DbTime(Timestamp::from_micros(
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0, |d| i64::try_from(d.as_micros()).unwrap_or(i64::MAX)),
        ));
        exec_tx!(&mut tx, |conn| sqlx::query(RECORD)
            .bind(migration.version)
            .bind(migration.name)
            .bind(now)
            .execute(conn)
            .await)?;
        tx.commit().await?;
        applied_now.push(migration.version);
    }
    Ok(applied_now)
}

const TABLE_EXISTS_SQLITE: &str =
    "select count(*) from sqlite_master where type = 'table' and name = 'schema_migration'";
const TABLE_EXISTS_POSTGRES: &str = "
    select count(*)
    from information_schema.tables
    where table_schema = current_schema() and table_name = 'schema_migration'";

pub(crate) async fn status(db: &Db) -> Result<SchemaStatus, DbError> {
    let mut tx = db.read().await?;
    let (n_tables,): (i64,) = match &mut tx {
        Tx::Sqlite(inner) => {
            sqlx::query_as(TABLE_EXISTS_SQLITE)
                .fetch_one(&mut **inner)
                .await?
        }
        Tx::Postgres(inner) => {
            sqlx::query_as(TABLE_EXISTS_POSTGRES)
                .fetch_one(&mut **inner)
                .await?
        }
    };
    if n_tables == 0 {
        tx.rollback().await?;
        return Ok(SchemaStatus::Empty);
    }
    let applied = applied_versions(&mut tx).await?;
    tx.rollback().await?;
    let known: Vec<i64> = MIGRATIONS.iter().map(|m| m.version).collect();
    let newest_applied = applied.iter().copied().max().unwrap_or(0);
    if applied.iter().any(|v| !known.contains(v)) {
        return Ok(SchemaStatus::Ahead {
            applied: newest_applied,
            latest: LATEST_VERSION,
        });
    }
    if applied.is_empty() {
        return Ok(SchemaStatus::Empty);
    }
    if known.iter().any(|v| !applied.contains(v)) {
        return Ok(SchemaStatus::Behind {
            applied: newest_applied,
            latest: LATEST_VERSION,
        });
    }
    Ok(SchemaStatus::Current)
}
