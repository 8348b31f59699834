//! Stored slate runs and the appointing authority's decisions on them.
//!
//! A run keeps its exact inputs (the members and nominees as CSV text, the constitution
//! version, the seats requested) and the report as JSON, written by `plenary-app`; a
//! decision names the run it rules on. Runs and decisions are never updated or deleted.

use plenary_domain::Timestamp;

use crate::{DbError, DbTime, Tx, exec_tx, on_tx};

/// A run to store.
#[derive(Debug, Clone)]
pub struct NewSlateRun<'a> {
    pub body: i64,
    pub cycle: i32,
    pub label: &'a str,
    pub constitution_version: i64,
    pub seats_requested: Option<i64>,
    /// `call` (the body's nomination call) or `csv` (a pasted or uploaded pool).
    pub nominee_source: &'a str,
    pub members_csv: &'a str,
    pub nominees_csv: &'a str,
    /// `proposed` or `infeasible`.
    pub outcome: &'a str,
    pub report: &'a str,
    pub created_by: &'a str,
}

const INSERT_RUN: &str = "
    insert into slate_run (body_id, cycle, label, constitution_version, seats_requested,
                           nominee_source, members_csv, nominees_csv, outcome, report,
                           created_at, created_by)
    values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
    returning id";

pub async fn insert_run(
    tx: &mut Tx,
    run: &NewSlateRun<'_>,
    now: Timestamp,
) -> Result<i64, DbError> {
    let (id,): (i64,) = on_tx!(tx, |conn| sqlx::query_as(INSERT_RUN)
        .bind(run.body)
        .bind(i64::from(run.cycle))
        .bind(run.label)
        .bind(run.constitution_version)
        .bind(run.seats_requested)
        .bind(run.nominee_source)
        .bind(run.members_csv)
        .bind(run.nominees_csv)
        .bind(run.outcome)
        .bind(run.report)
        .bind(DbTime(now))
        .bind(run.created_by)
        .fetch_one(conn)
        .await)?;
    Ok(id)
}

/// A stored run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SlateRunRow {
    pub id: i64,
    pub body: i64,
    pub cycle: i32,
    pub label: String,
    pub constitution_version: i64,
    pub seats_requested: Option<i64>,
    pub nominee_source: String,
    pub members_csv: String,
    pub nominees_csv: String,
    pub outcome: String,
    pub report: String,
    pub created_at: Timestamp,
    pub created_by: String,
    /// How many decisions name this run.
    pub decisions: i64,
}

#[derive(Debug, sqlx::FromRow)]
struct RunSqlRow {
    id: i64,
    body_id: i64,
    cycle: i64,
    label: String,
    constitution_version: i64,
    seats_requested: Option<i64>,
    nominee_source: String,
    members_csv: String,
    nominees_csv: String,
    outcome: String,
    report: String,
    created_at: DbTime,
    created_by: String,
    decisions: i64,
}

impl From<RunSqlRow> for SlateRunRow {
    fn from(r: RunSqlRow) -> Self {
        SlateRunRow {
            id: r.id,
            body: r.body_id,
            cycle: i32::try_from(r.cycle).unwrap_or(i32::MAX),
            label: r.label,
            constitution_version: r.constitution_version,
            seats_requested: r.seats_requested,
            nominee_source: r.nominee_source,
            members_csv: r.members_csv,
            nominees_csv: r.nominees_csv,
            outcome: r.outcome,
            report: r.report,
            created_at: r.created_at.0,
            created_by: r.created_by,
            decisions: r.decisions,
        }
    }
}

const RUNS_OF_BODY: &str = "
    select r.id, r.body_id, r.cycle, r.label, r.constitution_version, r.seats_requested,
           r.nominee_source, r.members_csv, r.nominees_csv, r.outcome, r.report,
           r.created_at, r.created_by,
           (select count(*) from slate_decision d where d.run_id = r.id) as decisions
    from slate_run r
    where r.body_id = $1
    order by r.cycle desc, r.id desc";

/// Every run of a body, newest cycle and newest run first.
pub async fn runs_of_body(tx: &mut Tx, body: i64) -> Result<Vec<SlateRunRow>, DbError> {
    let rows: Vec<RunSqlRow> = on_tx!(tx, |conn| sqlx::query_as(RUNS_OF_BODY)
        .bind(body)
        .fetch_all(conn)
        .await)?;
    Ok(rows.into_iter().map(SlateRunRow::from).collect())
}

const RUN_BY_ID: &str = "
    select r.id, r.body_id, r.cycle, r.label, r.constitution_version, r.seats_requested,
           r.nominee_source, r.members_csv, r.nominees_csv, r.outcome, r.report,
           r.created_at, r.created_by,
           (select count(*) from slate_decision d where d.run_id = r.id) as decisions
    from slate_run r
    where r.body_id = $1 and r.id = $2";

/// One run of the body (`None` if the id belongs to no run of this body).
pub async fn run_by_id(tx: &mut Tx, body: i64, id: i64) -> Result<Option<SlateRunRow>, DbError> {
    let row: Option<RunSqlRow> = on_tx!(tx, |conn| sqlx::query_as(RUN_BY_ID)
        .bind(body)
        .bind(id)
        .fetch_optional(conn)
        .await)?;
    Ok(row.map(SlateRunRow::from))
}

/// A decision to store.
#[derive(Debug, Clone)]
pub struct NewSlateDecision<'a> {
    pub run: i64,
    pub authority: &'a str,
    /// `YYYY-MM-DD`, as the authority dated it.
    pub decided_on: &'a str,
    /// `appointed_as_proposed`, `appointed_with_changes` or `not_appointed`.
    pub outcome: &'a str,
    /// JSON array of the appointed nominees (id and name).
    pub appointed: &'a str,
    pub note: &'a str,
    pub recorded_by: &'a str,
}

const INSERT_DECISION: &str = "
    insert into slate_decision (run_id, authority, decided_on, outcome, appointed, note,
                                recorded_at, recorded_by)
    values ($1, $2, $3, $4, $5, $6, $7, $8)
    returning id";

pub async fn insert_decision(
    tx: &mut Tx,
    decision: &NewSlateDecision<'_>,
    now: Timestamp,
) -> Result<i64, DbError> {
    let (id,): (i64,) = on_tx!(tx, |conn| sqlx::query_as(INSERT_DECISION)
        .bind(decision.run)
        .bind(decision.authority)
        .bind(decision.decided_on)
        .bind(decision.outcome)
        .bind(decision.appointed)
        .bind(decision.note)
        .bind(DbTime(now))
        .bind(decision.recorded_by)
        .fetch_one(conn)
        .await)?;
    Ok(id)
}

/// A stored decision.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SlateDecisionRow {
    pub id: i64,
    pub run: i64,
    pub authority: String,
    pub decided_on: String,
    pub outcome: String,
    pub appointed: String,
    pub note: String,
    pub recorded_at: Timestamp,
    pub recorded_by: String,
    /// When the appointed nominees were given their seats (memberships), if they were.
    pub seated_at: Option<Timestamp>,
}

#[derive(Debug, sqlx::FromRow)]
struct DecisionSqlRow {
    id: i64,
    run_id: i64,
    authority: String,
    decided_on: String,
    outcome: String,
    appointed: String,
    note: String,
    recorded_at: DbTime,
    recorded_by: String,
    seated_at: Option<DbTime>,
}

const DECISIONS_OF_RUN: &str = "
    select id, run_id, authority, decided_on, outcome, appointed, note, recorded_at, recorded_by,
           seated_at
    from slate_decision
    where run_id = $1
    order by id";

/// The decisions recorded on a run, oldest first (a later one supersedes an earlier one).
pub async fn decisions_of_run(tx: &mut Tx, run: i64) -> Result<Vec<SlateDecisionRow>, DbError> {
    let rows: Vec<DecisionSqlRow> = on_tx!(tx, |conn| sqlx::query_as(DECISIONS_OF_RUN)
        .bind(run)
        .fetch_all(conn)
        .await)?;
    Ok(rows
        .into_iter()
        .map(|r| SlateDecisionRow {
            id: r.id,
            run: r.run_id,
            authority: r.authority,
            decided_on: r.decided_on,
            outcome: r.outcome,
            appointed: r.appointed,
            note: r.note,
            recorded_at: r.recorded_at.0,
            recorded_by: r.recorded_by,
            seated_at: r.seated_at.map(|t| t.0),
        })
        .collect())
}

const CONSTITUTION_DOCUMENT: &str = "
    select document
    from constitution_version
    where body_id = $1 and version = $2";

/// The document of one constitution version of a body (the one a run used).
pub async fn constitution_document(
    tx: &mut Tx,
    body: i64,
    version: i64,
) -> Result<Option<String>, DbError> {
    let row: Option<(String,)> = on_tx!(tx, |conn| sqlx::query_as(CONSTITUTION_DOCUMENT)
        .bind(body)
        .bind(version)
        .fetch_optional(conn)
        .await)?;
    Ok(row.map(|(document,)| document))
}

const MARK_SEATED: &str = "
    update slate_decision set seated_at = $2
    where id = $1 and seated_at is null";

/// Marks a decision's appointees as seated; `false` if it already was.
pub async fn mark_decision_seated(
    tx: &mut Tx,
    decision: i64,
    now: Timestamp,
) -> Result<bool, DbError> {
    let rows = exec_tx!(tx, |conn| sqlx::query(MARK_SEATED)
        .bind(decision)
        .bind(DbTime(now))
        .execute(conn)
        .await)?;
    Ok(rows == 1)
}
