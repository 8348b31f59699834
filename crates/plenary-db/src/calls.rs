//! Reading and writing a forum's yearly cycles, the call for issues, session proposals with
//! their people and screening results, and the recorded flags of missing session reports.
//!
//! A cycle's set-up is stored as its document (TOML, written by `plenary_app::calls::document`)
//! with the proposal deadline copied into `call_closes` so jobs can find it without parsing.
//! Submodules: `issues` (the call for issues), `proposals` (proposals, people, screening,
//! report flags), `reviews` (reviewer pools, conflicts, assignment runs, assignments,
//! reviews), `selection` (selection decisions and optimiser runs).

use plenary_domain::Timestamp;

use crate::{DbError, DbTime, Tx, on_tx};

pub mod issues;
pub mod proposals;
pub mod reviews;
pub mod selection;

/// A cycle as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CycleRow {
    pub id: i64,
    pub forum_id: i64,
    pub year: i64,
    /// The set-up document (TOML).
    pub setup: String,
    pub call_closes: Timestamp,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
}

#[derive(Debug, sqlx::FromRow)]
struct CycleSqlRow {
    id: i64,
    forum_id: i64,
    year: i64,
    setup: String,
    call_closes: DbTime,
    created_at: DbTime,
    updated_at: DbTime,
}

impl From<CycleSqlRow> for CycleRow {
    fn from(r: CycleSqlRow) -> CycleRow {
        CycleRow {
            id: r.id,
            forum_id: r.forum_id,
            year: r.year,
            setup: r.setup,
            call_closes: r.call_closes.0,
            created_at: r.created_at.0,
            updated_at: r.updated_at.0,
        }
    }
}

macro_rules! cycle_select {
    ($rest:literal) => {
        concat!(
            "select id, forum_id, year, setup, call_closes, created_at, updated_at from cycle ",
            $rest
        )
    };
}

const INSERT_CYCLE: &str = "
    insert into cycle (forum_id, year, setup, call_closes, created_at, updated_at)
    values ($1, $2, $3, $4, $5, $5)
    returning id";

/// Stores a new cycle; a second cycle for the same forum and year is a `Conflict`.
pub async fn insert_cycle(
    tx: &mut Tx,
    forum: i64,
    year: i64,
    setup: &str,
    call_closes: Timestamp,
    now: Timestamp,
) -> Result<i64, DbError> {
    let (id,): (i64,) = on_tx!(tx, |conn| sqlx::query_as(INSERT_CYCLE)
        .bind(forum)
        .bind(year)
        .bind(setup)
        .bind(DbTime(call_closes))
        .bind(DbTime(now))
        .fetch_one(conn)
        .await)?;
    Ok(id)
}

const UPDATE_CYCLE: &str = "
    update cycle set setup = $2, call_closes = $3, updated_at = $4 where id = $1";

/// Replaces a cycle's set-up document; `NotFound` if there is no such cycle.
pub async fn update_cycle(
    tx: &mut Tx,
    cycle: i64,
    setup: &str,
    call_closes: Timestamp,
    now: Timestamp,
) -> Result<(), DbError> {
    let done = crate::exec_tx!(tx, |conn| sqlx::query(UPDATE_CYCLE)
        .bind(cycle)
        .bind(setup)
        .bind(DbTime(call_closes))
        .bind(DbTime(now))
        .execute(conn)
        .await)?;
    if done == 0 {
        return Err(DbError::NotFound);
    }
    Ok(())
}

/// The forum's cycle of `year`, if set up.
pub async fn cycle_by_year(
    tx: &mut Tx,
    forum: i64,
    year: i64,
) -> Result<Option<CycleRow>, DbError> {
    let sql = cycle_select!("where forum_id = $1 and year = $2");
    let row: Option<CycleSqlRow> = on_tx!(tx, |conn| sqlx::query_as(sql)
        .bind(forum)
        .bind(year)
        .fetch_optional(conn)
        .await)?;
    Ok(row.map(CycleRow::from))
}

/// A cycle by id.
pub async fn cycle(tx: &mut Tx, cycle: i64) -> Result<Option<CycleRow>, DbError> {
    let sql = cycle_select!("where id = $1");
    let row: Option<CycleSqlRow> = on_tx!(tx, |conn| sqlx::query_as(sql)
        .bind(cycle)
        .fetch_optional(conn)
        .await)?;
    Ok(row.map(CycleRow::from))
}

/// The forum's cycles, newest year first.
pub async fn cycles_of_forum(tx: &mut Tx, forum: i64) -> Result<Vec<CycleRow>, DbError> {
    let sql = cycle_select!("where forum_id = $1 order by year desc");
    let rows: Vec<CycleSqlRow> = on_tx!(tx, |conn| sqlx::query_as(sql)
        .bind(forum)
        .fetch_all(conn)
        .await)?;
    Ok(rows.into_iter().map(CycleRow::from).collect())
}

/// Every cycle whose proposal deadline lies in `[from, to)` (for reminder jobs).
pub async fn cycles_closing_between(
    tx: &mut Tx,
    from: Timestamp,
    to: Timestamp,
) -> Result<Vec<CycleRow>, DbError> {
    let sql = cycle_select!("where call_closes >= $1 and call_closes < $2 order by call_closes");
    let rows: Vec<CycleSqlRow> = on_tx!(tx, |conn| sqlx::query_as(sql)
        .bind(DbTime(from))
        .bind(DbTime(to))
        .fetch_all(conn)
        .await)?;
    Ok(rows.into_iter().map(CycleRow::from).collect())
}
