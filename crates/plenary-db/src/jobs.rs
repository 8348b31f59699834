//! The job queue: enqueue, claim with a lease, finish or reschedule.
//!
//! Claiming differs per backend (`dialect.rs`); everything else is shared SQL.

use plenary_domain::jobs::JobState;
use plenary_domain::{JobId, Timestamp};

use crate::dialect::{CLAIM_JOB_POSTGRES, CLAIM_JOB_SQLITE};
use crate::{DbError, DbTime, Tx, exec_tx, on_tx};

/// A job to add to the queue.
#[derive(Debug, Clone)]
pub struct NewJob<'a> {
    pub kind: &'a str,
    pub payload: &'a str,
    /// Enqueueing twice with the same key adds nothing the second time.
    pub idempotency_key: Option<&'a str>,
    pub max_attempts: i64,
    pub run_after: Timestamp,
}

const ENQUEUE: &str = "
    insert into job (kind, payload, idempotency_key, state, attempts, max_attempts, run_after,
                     created_at, updated_at)
    values ($1, $2, $3, 'queued', 0, $4, $5, $6, $6)
    on conflict (idempotency_key) do nothing
    returning id";

/// Adds the job; `None` when a job with the same idempotency key already exists.
pub async fn enqueue(
    tx: &mut Tx,
    job: &NewJob<'_>,
    now: Timestamp,
) -> Result<Option<JobId>, DbError> {
    let row: Option<(i64,)> = on_tx!(tx, |conn| sqlx::query_as(ENQUEUE)
        .bind(job.kind)
        .bind(job.payload)
        .bind(job.idempotency_key)
        .bind(job.max_attempts)
        .bind(DbTime(job.run_after))
        .bind(DbTime(now))
        .fetch_optional(conn)
        .await)?;
    Ok(row.map(|(id,)| JobId(id)))
}

/// A job a worker has claimed.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct ClaimedJob {
    pub id: i64,
    pub kind: String,
    pub payload: String,
    /// Attempts including this one.
    pub attempts: i64,
    pub max_attempts: i64,
}

/// Claims the next due job (or one whose lease expired) until `lease_until`.
pub async fn claim_next(
    tx: &mut Tx,
    now: Timestamp,
    lease_until: Timestamp,
) -> Result<Option<ClaimedJob>, DbError> {
    let job = match tx {
        Tx::Sqlite(inner) => {
            sqlx::query_as(CLAIM_JOB_SQLITE)
                .bind(DbTime(now))
                .bind(DbTime(lease_until))
                .fetch_optional(&mut **inner)
                .await?
        }
        Tx::Postgres(inner) => {
            sqlx::query_as(CLAIM_JOB_POSTGRES)
                .bind(DbTime(now))
                .bind(DbTime(lease_until))
                .fetch_optional(&mut **inner)
                .await?
        }
    };
    Ok(job)
}

const FINISH: &str = "
    update job set state = 'done', locked_until = null, last_error = null, updated_at = $2
    where id = $1";

pub async fn finish(tx: &mut Tx, id: i64, now: Timestamp) -> Result<(), DbError> {
    exec_tx!(tx, |conn| sqlx::query(FINISH)
        .bind(id)
        .bind(DbTime(now))
        .execute(conn)
        .await)?;
    Ok(())
}

const RETRY_LATER: &str = "
    update job set state = 'queued', locked_until = null, last_error = $2, run_after = $3, updated_at = $4
    where id = $1";

pub async fn retry_later(
    tx: &mut Tx,
    id: i64,
    error: &str,
    run_after: Timestamp,
    now: Timestamp,
) -> Result<(), DbError> {
    exec_tx!(tx, |conn| sqlx::query(RETRY_LATER)
        .bind(id)
        .bind(error)
        .bind(DbTime(run_after))
        .bind(DbTime(now))
        .execute(conn)
        .await)?;
    Ok(())
}

const GIVE_UP: &str = "
    update job set state = 'failed', locked_until = null, last_error = $2, updated_at = $3
    where id = $1";

pub async fn give_up(tx: &mut Tx, id: i64, error: &str, now: Timestamp) -> Result<(), DbError> {
    exec_tx!(tx, |conn| sqlx::query(GIVE_UP)
        .bind(id)
        .bind(error)
        .bind(DbTime(now))
        .execute(conn)
        .await)?;
    Ok(())
}

/// A job as listed to operators.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JobRecord {
    pub id: JobId,
    pub kind: String,
    pub state: JobState,
    pub attempts: i64,
    pub max_attempts: i64,
    pub run_after: Timestamp,
    pub last_error: Option<String>,
    pub payload: String,
}

#[derive(Debug, sqlx::FromRow)]
struct JobRow {
    id: i64,
    kind: String,
    state: String,
    attempts: i64,
    max_attempts: i64,
    run_after: DbTime,
    last_error: Option<String>,
    payload: String,
}

const RECENT_JOBS: &str = "
    select id, kind, state, attempts, max_attempts, run_after, last_error, payload
    from job
    order by id desc
    limit $1";

pub async fn recent_jobs(tx: &mut Tx, limit: i64) -> Result<Vec<JobRecord>, DbError> {
    let rows: Vec<JobRow> = on_tx!(tx, |conn| sqlx::query_as(RECENT_JOBS)
        .bind(limit)
        .fetch_all(conn)
        .await)?;
    rows.into_iter()
        .map(|row| {
            Ok(JobRecord {
                id: JobId(row.id),
                state: JobState::from_code(&row.state).ok_or_else(|| {
                    DbError::Corrupt(format!("job {}: state {:?}", row.id, row.state))
                })?,
                kind: row.kind,
                attempts: row.attempts,
                max_attempts: row.max_attempts,
                run_after: row.run_after.0,
                last_error: row.last_error,
                payload: row.payload,
            })
        })
        .collect()
}
