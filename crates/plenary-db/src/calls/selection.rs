//! Stage 3 of a cycle: selection decisions and the optimiser's selection runs (see the
//! parent module).
//!
//! Nothing here is ever deleted. Every decision change adds a row; the latest row (highest
//! id) of a proposal is its current decision. Recording decisions as final (the chair) adds a
//! final copy of each current decision. Only `notified_at` is ever updated, once, when the
//! proposer is told of a final decision.

use plenary_domain::Timestamp;

use crate::{DbError, DbTime, Tx, exec_tx, on_tx};

/// A decision to store.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewDecision {
    pub cycle: i64,
    pub proposal: i64,
    /// `accept`, `decline` or `conditional` (checked by the app).
    pub decision: String,
    /// What a conditional acceptance requires (empty otherwise).
    pub condition: String,
    pub rationale: String,
    pub decided_by: String,
    pub is_final: bool,
    /// The selection run the decision was applied from, if any.
    pub run_number: Option<i64>,
}

/// A decision as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecisionRow {
    pub id: i64,
    pub cycle: i64,
    pub proposal: i64,
    pub decision: String,
    pub condition: String,
    pub rationale: String,
    pub decided_by: String,
    pub decided_at: Timestamp,
    pub is_final: bool,
    pub run_number: Option<i64>,
    pub notified_at: Option<Timestamp>,
}

#[derive(Debug, sqlx::FromRow)]
struct DecisionSqlRow {
    id: i64,
    cycle_id: i64,
    proposal_id: i64,
    decision: String,
    condition: String,
    rationale: String,
    decided_by: String,
    decided_at: DbTime,
    is_final: bool,
    run_number: Option<i64>,
    notified_at: Option<DbTime>,
}

impl From<DecisionSqlRow> for DecisionRow {
    fn from(r: DecisionSqlRow) -> DecisionRow {
        DecisionRow {
            id: r.id,
            cycle: r.cycle_id,
            proposal: r.proposal_id,
            decision: r.decision,
            condition: r.condition,
            rationale: r.rationale,
            decided_by: r.decided_by,
            decided_at: r.decided_at.0,
            is_final: r.is_final,
            run_number: r.run_number,
            notified_at: r.notified_at.map(|t| t.0),
        }
    }
}

macro_rules! decision_select {
    ($rest:literal) => {
        concat!(
            "select d.id, d.cycle_id, d.proposal_id, d.decision, d.condition, d.rationale,
                    d.decided_by, d.decided_at, d.is_final, d.run_number, d.notified_at
             from selection_decision d ",
            $rest
        )
    };
}

const INSERT_DECISION: &str = "
    insert into selection_decision (cycle_id, proposal_id, decision, condition, rationale,
        decided_by, decided_at, is_final, run_number, notified_at)
    values ($1, $2, $3, $4, $5, $6, $7, $8, $9, null)
    returning id";

/// Records a decision; it becomes the proposal's current one. Returns its id.
pub async fn insert_decision(
    tx: &mut Tx,
    decision: &NewDecision,
    now: Timestamp,
) -> Result<i64, DbError> {
    let (id,): (i64,) = on_tx!(tx, |conn| sqlx::query_as(INSERT_DECISION)
        .bind(decision.cycle)
        .bind(decision.proposal)
        .bind(&decision.decision)
        .bind(&decision.condition)
        .bind(&decision.rationale)
        .bind(&decision.decided_by)
        .bind(DbTime(now))
        .bind(decision.is_final)
        .bind(decision.run_number)
        .fetch_one(conn)
        .await)?;
    Ok(id)
}

/// The current decision of every proposal of a cycle that has one, by proposal.
pub async fn current_decisions(tx: &mut Tx, cycle: i64) -> Result<Vec<DecisionRow>, DbError> {
    let sql = decision_select!(
        "where d.cycle_id = $1
           and d.id = (select max(e.id) from selection_decision e
                       where e.proposal_id = d.proposal_id)
         order by d.proposal_id"
    );
    let rows: Vec<DecisionSqlRow> = on_tx!(tx, |conn| sqlx::query_as(sql)
        .bind(cycle)
        .fetch_all(conn)
        .await)?;
    Ok(rows.into_iter().map(DecisionRow::from).collect())
}

/// Every decision recorded for a proposal, oldest first.
pub async fn decision_history(tx: &mut Tx, proposal: i64) -> Result<Vec<DecisionRow>, DbError> {
    let sql = decision_select!("where d.proposal_id = $1 order by d.id");
    let rows: Vec<DecisionSqlRow> = on_tx!(tx, |conn| sqlx::query_as(sql)
        .bind(proposal)
        .fetch_all(conn)
        .await)?;
    Ok(rows.into_iter().map(DecisionRow::from).collect())
}

const MARK_NOTIFIED: &str = "
    update selection_decision set notified_at = $2 where id = $1 and notified_at is null";

/// Records that the proposer was told of decision `id`; `false` when it already was (or
/// there is no such decision).
pub async fn mark_notified(tx: &mut Tx, id: i64, now: Timestamp) -> Result<bool, DbError> {
    let done = exec_tx!(tx, |conn| sqlx::query(MARK_NOTIFIED)
        .bind(id)
        .bind(DbTime(now))
        .execute(conn)
        .await)?;
    Ok(done == 1)
}

/// A selection run (the optimiser's proposal) as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SelectionRunRow {
    pub id: i64,
    pub cycle: i64,
    pub number: i64,
    pub run_at: Timestamp,
    pub run_by: String,
    /// The settings used (JSON written by the app).
    pub settings: String,
    /// The proposal (JSON written by the app).
    pub report: String,
}

#[derive(Debug, sqlx::FromRow)]
struct SelectionRunSqlRow {
    id: i64,
    cycle_id: i64,
    number: i64,
    run_at: DbTime,
    run_by: String,
    settings: String,
    report: String,
}

impl From<SelectionRunSqlRow> for SelectionRunRow {
    fn from(r: SelectionRunSqlRow) -> SelectionRunRow {
        SelectionRunRow {
            id: r.id,
            cycle: r.cycle_id,
            number: r.number,
            run_at: r.run_at.0,
            run_by: r.run_by,
            settings: r.settings,
            report: r.report,
        }
    }
}

const INSERT_RUN: &str = "
    insert into selection_run (cycle_id, number, run_at, run_by, settings, report)
    values ($1, (select coalesce(max(number), 0) + 1 from selection_run where cycle_id = $1),
            $2, $3, $4, $5)
    returning id, number";

/// Records a selection run; its number is the cycle's highest plus one. Returns
/// `(id, number)`.
pub async fn insert_run(
    tx: &mut Tx,
    cycle: i64,
    by: &str,
    settings: &str,
    report: &str,
    now: Timestamp,
) -> Result<(i64, i64), DbError> {
    let (id, number): (i64, i64) = on_tx!(tx, |conn| sqlx::query_as(INSERT_RUN)
        .bind(cycle)
        .bind(DbTime(now))
        .bind(by)
        .bind(settings)
        .bind(report)
        .fetch_one(conn)
        .await)?;
    Ok((id, number))
}

const RUN_BY_NUMBER: &str = "
    select id, cycle_id, number, run_at, run_by, settings, report
    from selection_run
    where cycle_id = $1 and number = $2";

/// A cycle's selection run by number, if any.
pub async fn run(tx: &mut Tx, cycle: i64, number: i64) -> Result<Option<SelectionRunRow>, DbError> {
    let row: Option<SelectionRunSqlRow> = on_tx!(tx, |conn| sqlx::query_as(RUN_BY_NUMBER)
        .bind(cycle)
        .bind(number)
        .fetch_optional(conn)
        .await)?;
    Ok(row.map(SelectionRunRow::from))
}

const LATEST_RUN: &str = "
    select id, cycle_id, number, run_at, run_by, settings, report
    from selection_run
    where cycle_id = $1
    order by number desc
    limit 1";

/// A cycle's latest selection run, if any.
pub async fn latest_run(tx: &mut Tx, cycle: i64) -> Result<Option<SelectionRunRow>, DbError> {
    let row: Option<SelectionRunSqlRow> = on_tx!(tx, |conn| sqlx::query_as(LATEST_RUN)
        .bind(cycle)
        .fetch_optional(conn)
        .await)?;
    Ok(row.map(SelectionRunRow::from))
}
