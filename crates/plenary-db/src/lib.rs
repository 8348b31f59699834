#![doc = include_str!("../README.md")]

pub mod accounts;
pub mod audit;
pub mod bodies;
pub mod calls;
pub mod countries;
mod dialect;
pub mod forums;
pub mod jobs;
mod migrate;
pub mod nominations;
pub mod schema;
pub mod slates;
mod time;

use std::str::FromStr;
use std::time::Duration;

use sqlx::postgres::{PgConnectOptions, PgPoolOptions};
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};

pub use migrate::{LATEST_VERSION, SchemaStatus};
pub use time::DbTime;

/// The database handle: a pool on one of the two supported backends.
#[derive(Debug, Clone)]
pub enum Db {
    Sqlite(sqlx::SqlitePool),
    Postgres(sqlx::PgPool),
}

/// A transaction on either backend. Every query function takes one.
#[derive(Debug)]
pub enum Tx {
    Sqlite(sqlx::Transaction<'static, sqlx::Sqlite>),
    Postgres(sqlx::Transaction<'static, sqlx::Postgres>),
}

/// Which backend a URL or handle is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

/// Storage failures, with no opinion about HTTP.
#[derive(Debug, thiserror::Error)]
pub enum DbError {
    #[error("no matching row")]
    NotFound,
    #[error("unique constraint violated: {constraint}")]
    Conflict { constraint: String },
    #[error("{0}")]
    BadUrl(String),
    #[error("cannot reach the database: {0}")]
    Unavailable(String),
    #[error("stored data is not valid: {0}")]
    Corrupt(String),
    #[error(transparent)]
    Other(sqlx::Error),
}

impl From<sqlx::Error> for DbError {
    fn from(err: sqlx::Error) -> DbError {
        match &err {
            sqlx::Error::RowNotFound => DbError::NotFound,
            sqlx::Error::Database(db_err) if db_err.is_unique_violation() => DbError::Conflict {
                constraint: db_err
                    .constraint()
                    .map_or_else(|| db_err.message().to_owned(), str::to_owned),
            },
            sqlx::Error::Io(_) | sqlx::Error::PoolTimedOut | sqlx::Error::Tls(_) => {
                DbError::Unavailable(err.to_string())
            }
            _ => DbError::Other(err),
        }
    }
}

/// Runs `$body` with `$conn` bound to the connection inside the transaction `$tx`,
/// once per backend, so the compiler checks every bind and decode on both.
macro_rules! on_tx {
    ($tx:expr, |$conn:ident| $body:expr) => {
        match $tx {
            $crate::Tx::Sqlite(inner) => {
                let $conn = &mut **inner;
                $body
            }
            $crate::Tx::Postgres(inner) => {
                let $conn = &mut **inner;
                $body
            }
        }
    };
}
pub(crate) use on_tx;

/// Like `on_tx!` for statements that return no rows: evaluates to the number of
/// rows affected (the two backends' result types differ, the count does not).
macro_rules! exec_tx {
    ($tx:expr, |$conn:ident| $body:expr) => {
        match $tx {
            $crate::Tx::Sqlite(inner) => {
                let $conn = &mut **inner;
                $body.map(|done| done.rows_affected())
            }
            $crate::Tx::Postgres(inner) => {
                let $conn = &mut **inner;
                $body.map(|done| done.rows_affected())
            }
        }
    };
}
pub(crate) use exec_tx;

/// How a pool is sized, and how long to wait for a connection.
#[derive(Debug, Clone, Copy)]
pub struct PoolSize {
    pub max_connections: u32,
    pub connect_timeout: Duration,
}

impl Default for PoolSize {
    fn default() -> PoolSize {
        PoolSize {
            max_connections: 10,
            connect_timeout: Duration::from_secs(10),
        }
    }
}

impl Backend {
    /// Picks the backend from the URL scheme; any other scheme is refused.
    pub fn from_url(url: &str) -> Result<Backend, DbError> {
        let scheme = url.split(':').next().unwrap_or("");
        match scheme {
            "sqlite" => Ok(Backend::Sqlite),
            "postgres" | "postgresql" => Ok(Backend::Postgres),
            _ => Err(DbError::BadUrl(format!(
                "unsupported database URL scheme {scheme:?}: use sqlite://PATH (embedded) or postgres://USER@HOST/DB"
            ))),
        }
    }
}

impl Db {
    /// Connects to `url`. A SQLite file (and its folder) is created if missing and runs
    /// in WAL mode with foreign keys on; PostgreSQL must exist and be reachable.
    pub async fn connect(url: &str, size: PoolSize) -> Result<Db, DbError> {
        match Backend::from_url(url)? {
            Backend::Sqlite => {
                let options = SqliteConnectOptions::from_str(url)
                    .map_err(|e| DbError::BadUrl(format!("bad SQLite URL {url:?}: {e}")))?
                    .create_if_missing(true)
                    .journal_mode(SqliteJournalMode::Wal)
                    .synchronous(SqliteSynchronous::Normal)
                    .foreign_keys(true)
                    .busy_timeout(Duration::from_secs(10));
                if let Some(parent) = options
                    .get_filename()
                    .parent()
                    .filter(|p| !p.as_os_str().is_empty())
                {
                    std::fs::create_dir_all(parent).map_err(|e| {
                        DbError::Unavailable(format!(
                            "cannot create the folder {}: {e}",
                            parent.display()
                        ))
                    })?;
                }
                let pool = SqlitePoolOptions::new()
                    .max_connections(size.max_connections)
                    .acquire_timeout(size.connect_timeout)
                    .connect_with(options)
                    .await
                    .map_err(|e| DbError::Unavailable(e.to_string()))?;
                Ok(Db::Sqlite(pool))
            }
            Backend::Postgres => {
                let options = PgConnectOptions::from_str(url)
                    .map_err(|e| DbError::BadUrl(format!("bad PostgreSQL URL: {e}")))?;
                let pool = PgPoolOptions::new()
                    .max_connections(size.max_connections)
                    .acquire_timeout(size.connect_timeout)
                    .connect_with(options)
                    .await
                    .map_err(|e| DbError::Unavailable(e.to_string()))?;
                Ok(Db::Postgres(pool))
            }
        }
    }

    pub fn backend(&self) -> Backend {
        match self {
            Db::Sqlite(_) => Backend::Sqlite,
            Db::Postgres(_) => Backend::Postgres,
        }
    }

    /// Starts a transaction that will write. On SQLite it takes the write lock at once
    /// (`begin immediate`), so two writers queue instead of failing on lock upgrade.
    pub async fn begin(&self) -> Result<Tx, DbError> {
        Ok(match self {
            Db::Sqlite(pool) => Tx::Sqlite(pool.begin_with("begin immediate").await?),
            Db::Postgres(pool) => Tx::Postgres(pool.begin().await?),
        })
    }

    /// Starts a transaction that only reads.
    pub async fn read(&self) -> Result<Tx, DbError> {
        Ok(match self {
            Db::Sqlite(pool) => Tx::Sqlite(pool.begin().await?),
            Db::Postgres(pool) => Tx::Postgres(pool.begin().await?),
        })
    }

    /// Applies every migration this binary knows and the database has not seen yet.
    pub async fn migrate(&self) -> Result<Vec<i64>, DbError> {
        migrate::run(self).await
    }

    /// Compares the database's applied migrations with this binary's.
    pub async fn schema_status(&self) -> Result<SchemaStatus, DbError> {
        migrate::status(self).await
    }

    /// A trivial round trip, for `/readyz`.
    pub async fn ping(&self) -> Result<(), DbError> {
        match self {
            Db::Sqlite(pool) => {
                sqlx::query("select 1").execute(pool).await?;
            }
            Db::Postgres(pool) => {
                sqlx::query("select 1").execute(pool).await?;
            }
        }
        Ok(())
    }

    pub async fn close(&self) {
        match self {
            Db::Sqlite(pool) => pool.close().await,
            Db::Postgres(pool) => pool.close().await,
        }
    }
}

impl Tx {
    pub async fn commit(self) -> Result<(), DbError> {
        match self {
            Tx::Sqlite(tx) => tx.commit().await?,
            Tx::Postgres(tx) => tx.commit().await?,
        }
        Ok(())
    }

    pub async fn rollback(self) -> Result<(), DbError> {
        match self {
            Tx::Sqlite(tx) => tx.rollback().await?,
            Tx::Postgres(tx) => tx.rollback().await?,
        }
        Ok(())
    }
}

/// Reads an id column's value back into a count-safe `u64` (counts are never negative).
pub(crate) fn count(n: i64) -> u64 {
    u64::try_from(n).unwrap_or(0)
}

/// `($first, $first+1, …), (…)`: placeholders of `rows` rows of `columns` values each.
pub(crate) fn placeholders(rows: usize, columns: usize, first: usize) -> String {
    let mut sql = String::new();
    for r in 0..rows {
        if r > 0 {
            sql.push_str(", ");
        }
        sql.push('(');
        for c in 0..columns {
            if c > 0 {
                sql.push_str(", ");
            }
            sql.push('$');
            sql.push_str(&(first + r * columns + c).to_string());
        }
        sql.push(')');
    }
    sql
}
