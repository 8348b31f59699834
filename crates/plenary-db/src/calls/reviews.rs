//! Stage 2 of a cycle: the reviewer pool, conflicts of interest, assignment runs, assignments
//! and reviews (see the parent module).
//!
//! Nothing here is ever deleted. A reviewer who leaves is marked withdrawn with the reason; an
//! assignment that ends is deactivated with the time and reason, and a later run that gives
//! the same pair again adds a new row. A review belongs to one reviewer and one proposal
//! (whatever assignment it was written under); whether it counts is the app's decision
//! (an active assignment and no conflict). Lists of codes (a reviewer's groups and
//! expertise) are stored as text written and read by the app: SQL never looks inside them.
//! Writes of many rows (seeding a pool, storing a run's assignments, detected conflicts)
//! go a few hundred rows per statement.

use plenary_domain::Timestamp;

use crate::{DbError, DbTime, Tx, exec_tx, on_tx, placeholders};

/// Rows per multi-row statement (at most 12 values each: well within both databases'
/// limits on parameters).
const CHUNK: usize = 400;

// ---------------------------------------------------------------------------------------
// The reviewer pool.

/// A reviewer of a cycle to store.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewReviewer {
    pub cycle: i64,
    pub account: i64,
    /// The membership of the advisory body this reviewer holds, if any (for the engagement
    /// record).
    pub membership: Option<i64>,
    pub name: String,
    pub organisation: String,
    pub stakeholder_group: String,
    /// Empty when unknown.
    pub country_iso2: String,
    /// UN regional group code (`none` when unknown).
    pub region: String,
    /// Evaluation group codes, as the app writes them (empty: any group).
    pub groups: String,
    /// Expertise (issue area) codes, as the app writes them.
    pub expertise: String,
    pub load_cap: i64,
}

/// A reviewer as stored, with the account's e-mail.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReviewerRow {
    pub id: i64,
    pub cycle: i64,
    pub account: i64,
    pub email: String,
    pub membership: Option<i64>,
    pub name: String,
    pub organisation: String,
    pub stakeholder_group: String,
    pub country_iso2: String,
    pub region: String,
    pub groups: String,
    pub expertise: String,
    pub load_cap: i64,
    pub added_at: Timestamp,
    pub added_by: String,
    pub withdrawn_at: Option<Timestamp>,
    pub withdrawn_reason: String,
}

#[derive(Debug, sqlx::FromRow)]
struct ReviewerSqlRow {
    id: i64,
    cycle_id: i64,
    account_id: i64,
    email: String,
    membership_id: Option<i64>,
    name: String,
    organisation: String,
    stakeholder_group: String,
    country_iso2: String,
    region: String,
    groups: String,
    expertise: String,
    load_cap: i64,
    added_at: DbTime,
    added_by: String,
    withdrawn_at: Option<DbTime>,
    withdrawn_reason: String,
}

impl From<ReviewerSqlRow> for ReviewerRow {
    fn from(r: ReviewerSqlRow) -> ReviewerRow {
        ReviewerRow {
            id: r.id,
            cycle: r.cycle_id,
            account: r.account_id,
            email: r.email,
            membership: r.membership_id,
            name: r.name,
            organisation: r.organisation,
            stakeholder_group: r.stakeholder_group,
            country_iso2: r.country_iso2,
            region: r.region,
            groups: r.groups,
            expertise: r.expertise,
            load_cap: r.load_cap,
            added_at: r.added_at.0,
            added_by: r.added_by,
            withdrawn_at: r.withdrawn_at.map(|t| t.0),
            withdrawn_reason: r.withdrawn_reason,
        }
    }
}

macro_rules! reviewer_select {
    ($rest:literal) => {
        concat!(
            "select r.id, r.cycle_id, r.account_id, a.email, r.membership_id, r.name,
                    r.organisation, r.stakeholder_group, r.country_iso2, r.region, r.groups,
                    r.expertise, r.load_cap, r.added_at, r.added_by, r.withdrawn_at,
                    r.withdrawn_reason
             from reviewer r
             join account a on a.id = r.account_id ",
            $rest
        )
    };
}

const INSERT_REVIEWER: &str = "
    insert into reviewer (cycle_id, account_id, membership_id, name, organisation,
                          stakeholder_group, country_iso2, region, groups, expertise, load_cap,
                          added_at, added_by, withdrawn_at, withdrawn_reason)
    values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, null, '')
    returning id";

/// Adds one reviewer to a cycle's pool; the same account twice in a cycle is a `Conflict`.
/// Returns the reviewer's id.
pub async fn insert_reviewer(
    tx: &mut Tx,
    reviewer: &NewReviewer,
    by: &str,
    now: Timestamp,
) -> Result<i64, DbError> {
    let r = reviewer;
    let (id,): (i64,) = on_tx!(tx, |conn| sqlx::query_as(INSERT_REVIEWER)
        .bind(r.cycle)
        .bind(r.account)
        .bind(r.membership)
        .bind(&r.name)
        .bind(&r.organisation)
        .bind(&r.stakeholder_group)
        .bind(&r.country_iso2)
        .bind(&r.region)
        .bind(&r.groups)
        .bind(&r.expertise)
        .bind(r.load_cap)
        .bind(DbTime(now))
        .bind(by)
        .fetch_one(conn)
        .await)?;
    Ok(id)
}

const REVIEWER_COLUMNS: usize = 11;

/// Adds many reviewers at once (seeding a pool from a body), skipping accounts already in
/// the cycle's pool. Returns how many were added.
pub async fn insert_reviewers(
    tx: &mut Tx,
    reviewers: &[NewReviewer],
    by: &str,
    now: Timestamp,
) -> Result<u64, DbError> {
    let mut added = 0;
    for chunk in reviewers.chunks(CHUNK) {
        let sql = format!(
            "insert into reviewer (cycle_id, account_id, membership_id, name, organisation,
                 stakeholder_group, country_iso2, region, groups, expertise, load_cap,
                 added_at, added_by, withdrawn_at, withdrawn_reason)
             select v.column1, v.column2, v.column3, v.column4, v.column5, v.column6,
                    v.column7, v.column8, v.column9, v.column10, v.column11, $1, $2, null, ''
             from (values {}) as v
             where true
             on conflict (cycle_id, account_id) do nothing",
            placeholders(chunk.len(), REVIEWER_COLUMNS, 3)
        );
        added += exec_tx!(tx, |conn| {
            let mut query = sqlx::query(sqlx::AssertSqlSafe(sql.as_str()))
                .bind(DbTime(now))
                .bind(by);
            for r in chunk {
                query = query
                    .bind(r.cycle)
                    .bind(r.account)
                    .bind(r.membership)
                    .bind(&r.name)
                    .bind(&r.organisation)
                    .bind(&r.stakeholder_group)
                    .bind(&r.country_iso2)
                    .bind(&r.region)
                    .bind(&r.groups)
                    .bind(&r.expertise)
                    .bind(r.load_cap);
            }
            query.execute(conn).await
        })?;
    }
    Ok(added)
}

/// A cycle's reviewer pool (withdrawn reviewers included), by name.
pub async fn reviewers_of_cycle(tx: &mut Tx, cycle: i64) -> Result<Vec<ReviewerRow>, DbError> {
    let sql = reviewer_select!("where r.cycle_id = $1 order by r.name, r.id");
    let rows: Vec<ReviewerSqlRow> = on_tx!(tx, |conn| sqlx::query_as(sql)
        .bind(cycle)
        .fetch_all(conn)
        .await)?;
    Ok(rows.into_iter().map(ReviewerRow::from).collect())
}

/// One reviewer by id.
pub async fn reviewer(tx: &mut Tx, id: i64) -> Result<Option<ReviewerRow>, DbError> {
    let sql = reviewer_select!("where r.id = $1");
    let row: Option<ReviewerSqlRow> = on_tx!(tx, |conn| sqlx::query_as(sql)
        .bind(id)
        .fetch_optional(conn)
        .await)?;
    Ok(row.map(ReviewerRow::from))
}

/// The reviewer an account is in a cycle's pool, if it is.
pub async fn reviewer_of_account(
    tx: &mut Tx,
    cycle: i64,
    account: i64,
) -> Result<Option<ReviewerRow>, DbError> {
    let sql = reviewer_select!("where r.cycle_id = $1 and r.account_id = $2");
    let row: Option<ReviewerSqlRow> = on_tx!(tx, |conn| sqlx::query_as(sql)
        .bind(cycle)
        .bind(account)
        .fetch_optional(conn)
        .await)?;
    Ok(row.map(ReviewerRow::from))
}

const WITHDRAW_REVIEWER: &str = "
    update reviewer set withdrawn_at = $2, withdrawn_reason = $3
    where id = $1 and withdrawn_at is null";

/// Marks a reviewer withdrawn with the reason. Returns false if there is no such reviewer
/// or they had already withdrawn.
pub async fn withdraw_reviewer(
    tx: &mut Tx,
    id: i64,
    reason: &str,
    now: Timestamp,
) -> Result<bool, DbError> {
    let done = exec_tx!(tx, |conn| sqlx::query(WITHDRAW_REVIEWER)
        .bind(id)
        .bind(DbTime(now))
        .bind(reason)
        .execute(conn)
        .await)?;
    Ok(done > 0)
}

const UPDATE_REVIEWER: &str = "
    update reviewer set groups = $2, expertise = $3, load_cap = $4
    where id = $1";

/// Changes a reviewer's evaluation groups, expertise and load cap; `NotFound` if there is
/// no such reviewer.
pub async fn update_reviewer(
    tx: &mut Tx,
    id: i64,
    groups: &str,
    expertise: &str,
    load_cap: i64,
) -> Result<(), DbError> {
    let done = exec_tx!(tx, |conn| sqlx::query(UPDATE_REVIEWER)
        .bind(id)
        .bind(groups)
        .bind(expertise)
        .bind(load_cap)
        .execute(conn)
        .await)?;
    if done == 0 {
        return Err(DbError::NotFound);
    }
    Ok(())
}

/// A member of a body with an account, as a pool is seeded from it.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct MemberAccount {
    pub membership: i64,
    pub account: i64,
    pub email: String,
    pub name: String,
    /// The person's organisation, if recorded.
    pub organisation: Option<String>,
    pub stakeholder_group: String,
    /// The seat's country, else the person's, if any.
    pub country_iso2: Option<String>,
}

const MEMBER_ACCOUNTS: &str = "
    select m.id as membership, a.id as account, a.email, pe.display_name as name,
           o.name as organisation, m.stakeholder_group,
           coalesce(m.country_iso2, pe.country_iso2) as country_iso2
    from membership m
    join person pe on pe.id = m.person_id
    join account a on a.person_id = pe.id
    left join organisation o on o.id = pe.organisation_id
    where m.body_id = $1 and m.starts_at <= $2 and (m.ends_at is null or m.ends_at > $2)
      and a.disabled = $3
    order by pe.display_name, m.id";

/// The members of a body in force at `at` who have an enabled account, by name.
pub async fn member_accounts(
    tx: &mut Tx,
    body: i64,
    at: Timestamp,
) -> Result<Vec<MemberAccount>, DbError> {
    let rows: Vec<MemberAccount> = on_tx!(tx, |conn| sqlx::query_as(MEMBER_ACCOUNTS)
        .bind(body)
        .bind(DbTime(at))
        .bind(false)
        .fetch_all(conn)
        .await)?;
    Ok(rows)
}

/// The person behind an account, as a reviewer is described.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct AccountProfile {
    pub account: i64,
    pub email: String,
    pub name: String,
    pub organisation: Option<String>,
    pub country_iso2: Option<String>,
}

const ACCOUNT_PROFILE: &str = "
    select a.id as account, a.email, pe.display_name as name, o.name as organisation,
           pe.country_iso2
    from account a
    join person pe on pe.id = a.person_id
    left join organisation o on o.id = pe.organisation_id
    where a.id = $1";

/// Name, organisation and country of an account's person.
pub async fn account_profile(tx: &mut Tx, account: i64) -> Result<Option<AccountProfile>, DbError> {
    let row: Option<AccountProfile> = on_tx!(tx, |conn| sqlx::query_as(ACCOUNT_PROFILE)
        .bind(account)
        .fetch_optional(conn)
        .await)?;
    Ok(row)
}

// ---------------------------------------------------------------------------------------
// Conflicts of interest.

/// A conflict to record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewConflict {
    pub reviewer: i64,
    pub proposal: i64,
    /// A `ConflictReason` code.
    pub reason: String,
    /// `declared` or `detected`.
    pub source: String,
    pub detail: String,
}

/// A conflict as stored, with the proposal's number and title.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConflictRow {
    pub id: i64,
    pub reviewer: i64,
    pub proposal: i64,
    pub proposal_number: i64,
    pub proposal_title: String,
    pub reason: String,
    pub source: String,
    pub detail: String,
    pub recorded_at: Timestamp,
}

#[derive(Debug, sqlx::FromRow)]
struct ConflictSqlRow {
    id: i64,
    reviewer_id: i64,
    proposal_id: i64,
    number: i64,
    title: String,
    reason: String,
    source: String,
    detail: String,
    recorded_at: DbTime,
}

impl From<ConflictSqlRow> for ConflictRow {
    fn from(r: ConflictSqlRow) -> ConflictRow {
        ConflictRow {
            id: r.id,
            reviewer: r.reviewer_id,
            proposal: r.proposal_id,
            proposal_number: r.number,
            proposal_title: r.title,
            reason: r.reason,
            source: r.source,
            detail: r.detail,
            recorded_at: r.recorded_at.0,
        }
    }
}

macro_rules! conflict_select {
    ($rest:literal) => {
        concat!(
            "select c.id, c.reviewer_id, c.proposal_id, p.number, p.title, c.reason, c.source,
                    c.detail, c.recorded_at
             from review_conflict c
             join proposal p on p.id = c.proposal_id ",
            $rest
        )
    };
}

const CONFLICT_COLUMNS: usize = 5;

/// Records conflicts; one already recorded (same reviewer, proposal and reason) is kept as
/// it was. Returns how many were new.
pub async fn insert_conflicts(
    tx: &mut Tx,
    conflicts: &[NewConflict],
    now: Timestamp,
) -> Result<u64, DbError> {
    let mut added = 0;
    for chunk in conflicts.chunks(CHUNK) {
        let sql = format!(
            "insert into review_conflict (reviewer_id, proposal_id, reason, source, detail,
                                          recorded_at)
             select v.column1, v.column2, v.column3, v.column4, v.column5, $1
             from (values {}) as v
             where true
             on conflict (reviewer_id, proposal_id, reason) do nothing",
            placeholders(chunk.len(), CONFLICT_COLUMNS, 2)
        );
        added += exec_tx!(tx, |conn| {
            let mut query = sqlx::query(sqlx::AssertSqlSafe(sql.as_str())).bind(DbTime(now));
            for c in chunk {
                query = query
                    .bind(c.reviewer)
                    .bind(c.proposal)
                    .bind(&c.reason)
                    .bind(&c.source)
                    .bind(&c.detail);
            }
            query.execute(conn).await
        })?;
    }
    Ok(added)
}

/// Every conflict of a cycle's reviewers, by proposal number, reviewer and time.
pub async fn conflicts_of_cycle(tx: &mut Tx, cycle: i64) -> Result<Vec<ConflictRow>, DbError> {
    let sql = conflict_select!(
        "join reviewer r on r.id = c.reviewer_id
         where r.cycle_id = $1
         order by p.number, c.reviewer_id, c.id"
    );
    let rows: Vec<ConflictSqlRow> = on_tx!(tx, |conn| sqlx::query_as(sql)
        .bind(cycle)
        .fetch_all(conn)
        .await)?;
    Ok(rows.into_iter().map(ConflictRow::from).collect())
}

/// One reviewer's conflicts, by proposal number.
pub async fn conflicts_of_reviewer(
    tx: &mut Tx,
    reviewer: i64,
) -> Result<Vec<ConflictRow>, DbError> {
    let sql = conflict_select!("where c.reviewer_id = $1 order by p.number, c.id");
    let rows: Vec<ConflictSqlRow> = on_tx!(tx, |conn| sqlx::query_as(sql)
        .bind(reviewer)
        .fetch_all(conn)
        .await)?;
    Ok(rows.into_iter().map(ConflictRow::from).collect())
}

/// The conflicts between one reviewer and one proposal (empty: none).
pub async fn conflicts_between(
    tx: &mut Tx,
    reviewer: i64,
    proposal: i64,
) -> Result<Vec<ConflictRow>, DbError> {
    let sql = conflict_select!("where c.reviewer_id = $1 and c.proposal_id = $2 order by c.id");
    let rows: Vec<ConflictSqlRow> = on_tx!(tx, |conn| sqlx::query_as(sql)
        .bind(reviewer)
        .bind(proposal)
        .fetch_all(conn)
        .await)?;
    Ok(rows.into_iter().map(ConflictRow::from).collect())
}

// ---------------------------------------------------------------------------------------
// Assignment runs and assignments.

/// One assignment run as stored: how it was solved and its report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RunRow {
    pub id: i64,
    pub cycle: i64,
    /// 1, 2, … within the cycle.
    pub number: i64,
    pub run_at: Timestamp,
    pub run_by: String,
    pub method: String,
    pub objective: i64,
    /// The run's report (JSON text written by the app).
    pub report: String,
}

#[derive(Debug, sqlx::FromRow)]
struct RunSqlRow {
    id: i64,
    cycle_id: i64,
    number: i64,
    run_at: DbTime,
    run_by: String,
    method: String,
    objective: i64,
    report: String,
}

impl From<RunSqlRow> for RunRow {
    fn from(r: RunSqlRow) -> RunRow {
        RunRow {
            id: r.id,
            cycle: r.cycle_id,
            number: r.number,
            run_at: r.run_at.0,
            run_by: r.run_by,
            method: r.method,
            objective: r.objective,
            report: r.report,
        }
    }
}

const INSERT_RUN: &str = "
    insert into assignment_run (cycle_id, number, run_at, run_by, method, objective, report)
    values ($1, (select coalesce(max(number), 0) + 1 from assignment_run where cycle_id = $1),
            $2, $3, $4, $5, $6)
    returning id, number";

/// Records an assignment run; its number is the cycle's highest plus one. Returns
/// `(id, number)`.
pub async fn insert_run(
    tx: &mut Tx,
    cycle: i64,
    by: &str,
    method: &str,
    objective: i64,
    report: &str,
    now: Timestamp,
) -> Result<(i64, i64), DbError> {
    let (id, number): (i64, i64) = on_tx!(tx, |conn| sqlx::query_as(INSERT_RUN)
        .bind(cycle)
        .bind(DbTime(now))
        .bind(by)
        .bind(method)
        .bind(objective)
        .bind(report)
        .fetch_one(conn)
        .await)?;
    Ok((id, number))
}

const RUNS_OF_CYCLE: &str = "
    select id, cycle_id, number, run_at, run_by, method, objective, report
    from assignment_run
    where cycle_id = $1
    order by number desc";

/// A cycle's assignment runs, newest first.
pub async fn runs_of_cycle(tx: &mut Tx, cycle: i64) -> Result<Vec<RunRow>, DbError> {
    let rows: Vec<RunSqlRow> = on_tx!(tx, |conn| sqlx::query_as(RUNS_OF_CYCLE)
        .bind(cycle)
        .fetch_all(conn)
        .await)?;
    Ok(rows.into_iter().map(RunRow::from).collect())
}

const LATEST_RUN: &str = "
    select id, cycle_id, number, run_at, run_by, method, objective, report
    from assignment_run
    where cycle_id = $1
    order by number desc
    limit 1";

/// A cycle's latest assignment run, if any.
pub async fn latest_run(tx: &mut Tx, cycle: i64) -> Result<Option<RunRow>, DbError> {
    let row: Option<RunSqlRow> = on_tx!(tx, |conn| sqlx::query_as(LATEST_RUN)
        .bind(cycle)
        .fetch_optional(conn)
        .await)?;
    Ok(row.map(RunRow::from))
}

/// One assignment of a reviewer to a proposal, as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AssignmentRow {
    pub id: i64,
    pub reviewer: i64,
    pub proposal: i64,
    pub active: bool,
    /// The assignment run that made it.
    pub run_number: i64,
    pub assigned_at: Timestamp,
    pub removed_at: Option<Timestamp>,
    pub removed_reason: String,
}

#[derive(Debug, sqlx::FromRow)]
struct AssignmentSqlRow {
    id: i64,
    reviewer_id: i64,
    proposal_id: i64,
    active: bool,
    run_number: i64,
    assigned_at: DbTime,
    removed_at: Option<DbTime>,
    removed_reason: String,
}

impl From<AssignmentSqlRow> for AssignmentRow {
    fn from(r: AssignmentSqlRow) -> AssignmentRow {
        AssignmentRow {
            id: r.id,
            reviewer: r.reviewer_id,
            proposal: r.proposal_id,
            active: r.active,
            run_number: r.run_number,
            assigned_at: r.assigned_at.0,
            removed_at: r.removed_at.map(|t| t.0),
            removed_reason: r.removed_reason,
        }
    }
}

macro_rules! assignment_select {
    ($rest:literal) => {
        concat!(
            "select ra.id, ra.reviewer_id, ra.proposal_id, ra.active, ra.run_number,
                    ra.assigned_at, ra.removed_at, ra.removed_reason
             from review_assignment ra ",
            $rest
        )
    };
}

/// Stores new active assignments `(reviewer, proposal)` made by run `run_number`. Returns
/// how many were stored.
pub async fn insert_assignments(
    tx: &mut Tx,
    pairs: &[(i64, i64)],
    run_number: i64,
    now: Timestamp,
) -> Result<u64, DbError> {
    let mut added = 0;
    for chunk in pairs.chunks(CHUNK) {
        let sql = format!(
            "insert into review_assignment (reviewer_id, proposal_id, active, run_number,
                                            assigned_at, removed_at, removed_reason)
             select v.column1, v.column2, $1, $2, $3, null, ''
             from (values {}) as v",
            placeholders(chunk.len(), 2, 4)
        );
        added += exec_tx!(tx, |conn| {
            let mut query = sqlx::query(sqlx::AssertSqlSafe(sql.as_str()))
                .bind(true)
                .bind(run_number)
                .bind(DbTime(now));
            for (reviewer, proposal) in chunk {
                query = query.bind(reviewer).bind(proposal);
            }
            query.execute(conn).await
        })?;
    }
    Ok(added)
}

/// Ends assignments (by id) with a reason; ended ones stay ended. Returns how many ended.
pub async fn deactivate_assignments(
    tx: &mut Tx,
    ids: &[i64],
    reason: &str,
    now: Timestamp,
) -> Result<u64, DbError> {
    let mut done = 0;
    for chunk in ids.chunks(CHUNK) {
        let list: Vec<String> = (0..chunk.len()).map(|i| format!("${}", i + 5)).collect();
        let sql = format!(
            "update review_assignment set active = $1, removed_at = $2, removed_reason = $3
             where active = $4 and id in ({})",
            list.join(", ")
        );
        done += exec_tx!(tx, |conn| {
            let mut query = sqlx::query(sqlx::AssertSqlSafe(sql.as_str()))
                .bind(false)
                .bind(DbTime(now))
                .bind(reason)
                .bind(true);
            for id in chunk {
                query = query.bind(id);
            }
            query.execute(conn).await
        })?;
    }
    Ok(done)
}

/// Every assignment of a cycle (active and ended), by proposal, reviewer and id.
pub async fn assignments_of_cycle(tx: &mut Tx, cycle: i64) -> Result<Vec<AssignmentRow>, DbError> {
    let sql = assignment_select!(
        "join reviewer r on r.id = ra.reviewer_id
         where r.cycle_id = $1
         order by ra.proposal_id, ra.reviewer_id, ra.id"
    );
    let rows: Vec<AssignmentSqlRow> = on_tx!(tx, |conn| sqlx::query_as(sql)
        .bind(cycle)
        .fetch_all(conn)
        .await)?;
    Ok(rows.into_iter().map(AssignmentRow::from).collect())
}

/// The active assignments of a cycle, by proposal and reviewer.
pub async fn active_assignments(tx: &mut Tx, cycle: i64) -> Result<Vec<AssignmentRow>, DbError> {
    let sql = assignment_select!(
        "join reviewer r on r.id = ra.reviewer_id
         where r.cycle_id = $1 and ra.active = $2
         order by ra.proposal_id, ra.reviewer_id, ra.id"
    );
    let rows: Vec<AssignmentSqlRow> = on_tx!(tx, |conn| sqlx::query_as(sql)
        .bind(cycle)
        .bind(true)
        .fetch_all(conn)
        .await)?;
    Ok(rows.into_iter().map(AssignmentRow::from).collect())
}

/// One reviewer's active assignments, by proposal.
pub async fn active_assignments_of_reviewer(
    tx: &mut Tx,
    reviewer: i64,
) -> Result<Vec<AssignmentRow>, DbError> {
    let sql = assignment_select!(
        "where ra.reviewer_id = $1 and ra.active = $2 order by ra.proposal_id, ra.id"
    );
    let rows: Vec<AssignmentSqlRow> = on_tx!(tx, |conn| sqlx::query_as(sql)
        .bind(reviewer)
        .bind(true)
        .fetch_all(conn)
        .await)?;
    Ok(rows.into_iter().map(AssignmentRow::from).collect())
}

/// The active assignment of a reviewer to a proposal, if there is one.
pub async fn active_assignment(
    tx: &mut Tx,
    reviewer: i64,
    proposal: i64,
) -> Result<Option<AssignmentRow>, DbError> {
    let sql = assignment_select!(
        "where ra.reviewer_id = $1 and ra.proposal_id = $2 and ra.active = $3
         order by ra.id desc
         limit 1"
    );
    let row: Option<AssignmentSqlRow> = on_tx!(tx, |conn| sqlx::query_as(sql)
        .bind(reviewer)
        .bind(proposal)
        .bind(true)
        .fetch_optional(conn)
        .await)?;
    Ok(row.map(AssignmentRow::from))
}

// ---------------------------------------------------------------------------------------
// Reviews.

/// What a reviewer writes, to store.
#[derive(Debug, Clone, PartialEq)]
pub struct ReviewContent {
    /// `draft` or `submitted`.
    pub state: String,
    /// Per-criterion scores (text written by the app).
    pub scores: String,
    /// The weighted overall score, once every score is given.
    pub overall: Option<f64>,
    /// Standard reason codes (text written by the app).
    pub reasons: String,
    pub comment: String,
    pub merge_candidate: bool,
    /// Proposal numbers this one could merge with (text written by the app).
    pub merge_with: String,
    /// When it was (last) submitted; `None` for a draft.
    pub submitted_at: Option<Timestamp>,
}

/// A review as stored.
#[derive(Debug, Clone, PartialEq)]
pub struct ReviewRow {
    pub id: i64,
    /// The assignment it was last saved under.
    pub assignment: i64,
    pub reviewer: i64,
    pub proposal: i64,
    pub content: ReviewContent,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
}

#[derive(Debug, sqlx::FromRow)]
struct ReviewSqlRow {
    id: i64,
    assignment_id: i64,
    reviewer_id: i64,
    proposal_id: i64,
    state: String,
    scores: String,
    overall: Option<f64>,
    reasons: String,
    comment: String,
    merge_candidate: bool,
    merge_with: String,
    created_at: DbTime,
    updated_at: DbTime,
    submitted_at: Option<DbTime>,
}

impl From<ReviewSqlRow> for ReviewRow {
    fn from(r: ReviewSqlRow) -> ReviewRow {
        ReviewRow {
            id: r.id,
            assignment: r.assignment_id,
            reviewer: r.reviewer_id,
            proposal: r.proposal_id,
            content: ReviewContent {
                state: r.state,
                scores: r.scores,
                overall: r.overall,
                reasons: r.reasons,
                comment: r.comment,
                merge_candidate: r.merge_candidate,
                merge_with: r.merge_with,
                submitted_at: r.submitted_at.map(|t| t.0),
            },
            created_at: r.created_at.0,
            updated_at: r.updated_at.0,
        }
    }
}

macro_rules! review_select {
    ($rest:literal) => {
        concat!(
            "select rv.id, rv.assignment_id, rv.reviewer_id, rv.proposal_id, rv.state,
                    rv.scores, rv.overall, rv.reasons, rv.comment, rv.merge_candidate,
                    rv.merge_with, rv.created_at, rv.updated_at, rv.submitted_at
             from review rv ",
            $rest
        )
    };
}

const SAVE_REVIEW: &str = "
    insert into review (assignment_id, reviewer_id, proposal_id, state, scores, overall,
                        reasons, comment, merge_candidate, merge_with, created_at, updated_at,
                        submitted_at)
    values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11, $12)
    on conflict (reviewer_id, proposal_id) do update
    set assignment_id = excluded.assignment_id, state = excluded.state,
        scores = excluded.scores, overall = excluded.overall, reasons = excluded.reasons,
        comment = excluded.comment, merge_candidate = excluded.merge_candidate,
        merge_with = excluded.merge_with, updated_at = excluded.updated_at,
        submitted_at = excluded.submitted_at
    returning id";

/// Stores a reviewer's review of a proposal, replacing the one they saved before (one
/// review per reviewer and proposal). Returns its id.
pub async fn save_review(
    tx: &mut Tx,
    assignment: i64,
    reviewer: i64,
    proposal: i64,
    content: &ReviewContent,
    now: Timestamp,
) -> Result<i64, DbError> {
    let c = content;
    let (id,): (i64,) = on_tx!(tx, |conn| sqlx::query_as(SAVE_REVIEW)
        .bind(assignment)
        .bind(reviewer)
        .bind(proposal)
        .bind(&c.state)
        .bind(&c.scores)
        .bind(c.overall)
        .bind(&c.reasons)
        .bind(&c.comment)
        .bind(c.merge_candidate)
        .bind(&c.merge_with)
        .bind(DbTime(now))
        .bind(c.submitted_at.map(DbTime))
        .fetch_one(conn)
        .await)?;
    Ok(id)
}

/// A reviewer's review of a proposal, if they saved one.
pub async fn review_of(
    tx: &mut Tx,
    reviewer: i64,
    proposal: i64,
) -> Result<Option<ReviewRow>, DbError> {
    let sql = review_select!("where rv.reviewer_id = $1 and rv.proposal_id = $2");
    let row: Option<ReviewSqlRow> = on_tx!(tx, |conn| sqlx::query_as(sql)
        .bind(reviewer)
        .bind(proposal)
        .fetch_optional(conn)
        .await)?;
    Ok(row.map(ReviewRow::from))
}

/// Every review of a cycle (drafts included), by proposal and reviewer.
pub async fn reviews_of_cycle(tx: &mut Tx, cycle: i64) -> Result<Vec<ReviewRow>, DbError> {
    let sql = review_select!(
        "join reviewer r on r.id = rv.reviewer_id
         where r.cycle_id = $1
         order by rv.proposal_id, rv.reviewer_id"
    );
    let rows: Vec<ReviewSqlRow> = on_tx!(tx, |conn| sqlx::query_as(sql)
        .bind(cycle)
        .fetch_all(conn)
        .await)?;
    Ok(rows.into_iter().map(ReviewRow::from).collect())
}

/// One reviewer's reviews, by proposal.
pub async fn reviews_of_reviewer(tx: &mut Tx, reviewer: i64) -> Result<Vec<ReviewRow>, DbError> {
    let sql = review_select!("where rv.reviewer_id = $1 order by rv.proposal_id");
    let rows: Vec<ReviewSqlRow> = on_tx!(tx, |conn| sqlx::query_as(sql)
        .bind(reviewer)
        .fetch_all(conn)
        .await)?;
    Ok(rows.into_iter().map(ReviewRow::from).collect())
}

// ---------------------------------------------------------------------------------------
// Facts about proposals and proposers.

const PROPOSAL_BY_NUMBER: &str = "
    select id
    from proposal
    where cycle_id = $1 and number = $2";

/// The id of a cycle's proposal by its number, if there is one.
pub async fn proposal_by_number(
    tx: &mut Tx,
    cycle: i64,
    number: i64,
) -> Result<Option<i64>, DbError> {
    let row: Option<(i64,)> = on_tx!(tx, |conn| sqlx::query_as(PROPOSAL_BY_NUMBER)
        .bind(cycle)
        .bind(number)
        .fetch_optional(conn)
        .await)?;
    Ok(row.map(|(id,)| id))
}

/// A proposer of an earlier cycle: the submitter's account e-mail and organisation.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct EarlierProposer {
    pub email: String,
    pub organisation: String,
}

const EARLIER_PROPOSERS: &str = "
    select distinct a.email, p.submitter_organisation as organisation
    from proposal p
    join cycle c on c.id = p.cycle_id
    join account a on a.id = p.submitter_account_id
    where c.forum_id = $1 and c.year < $2 and p.status <> 'draft'
    order by email, organisation";

/// Who submitted proposals (anything but a draft) in the forum's cycles before `year`:
/// a proposer not among them is a first-time proposer.
pub async fn earlier_proposers(
    tx: &mut Tx,
    forum: i64,
    year: i64,
) -> Result<Vec<EarlierProposer>, DbError> {
    let rows: Vec<EarlierProposer> = on_tx!(tx, |conn| sqlx::query_as(EARLIER_PROPOSERS)
        .bind(forum)
        .bind(year)
        .fetch_all(conn)
        .await)?;
    Ok(rows)
}
