//! The call for issues: inputs sent by anyone for a cycle, and their counts by stakeholder
//! group and by region.
//!
//! Main items: `insert_issue_input`, `issue_inputs_of_cycle`, `issue_counts_by_group`,
//! `issue_counts_by_region`. Name and e-mail are stored with the input; keeping them off
//! public pages is plenary-app's job. Regions are stored as `UnRegionalGroup` codes.

use plenary_domain::Timestamp;

use crate::{DbError, DbTime, Tx, on_tx};

/// One call-for-issues input to store.
#[derive(Debug, Clone)]
pub struct NewIssueInput<'a> {
    pub cycle: i64,
    pub issue: &'a str,
    pub description: &'a str,
    pub stakeholder_group: &'a str,
    /// A `UnRegionalGroup` code (`african`, `weog`…).
    pub region: &'a str,
    pub name: &'a str,
    pub email: &'a str,
}

const INSERT_ISSUE_INPUT: &str = "
    insert into issue_input (cycle_id, issue, description, stakeholder_group, region, name, email, submitted_at)
    values ($1, $2, $3, $4, $5, $6, $7, $8)
    returning id";

/// Stores one input; returns its id.
pub async fn insert_issue_input(
    tx: &mut Tx,
    input: &NewIssueInput<'_>,
    now: Timestamp,
) -> Result<i64, DbError> {
    let (id,): (i64,) = on_tx!(tx, |conn| sqlx::query_as(INSERT_ISSUE_INPUT)
        .bind(input.cycle)
        .bind(input.issue)
        .bind(input.description)
        .bind(input.stakeholder_group)
        .bind(input.region)
        .bind(input.name)
        .bind(input.email)
        .bind(DbTime(now))
        .fetch_one(conn)
        .await)?;
    Ok(id)
}

/// A call-for-issues input as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IssueInputRow {
    pub id: i64,
    pub cycle_id: i64,
    pub issue: String,
    pub description: String,
    pub stakeholder_group: String,
    pub region: String,
    pub name: String,
    pub email: String,
    pub submitted_at: Timestamp,
}

#[derive(Debug, sqlx::FromRow)]
struct IssueInputSqlRow {
    id: i64,
    cycle_id: i64,
    issue: String,
    description: String,
    stakeholder_group: String,
    region: String,
    name: String,
    email: String,
    submitted_at: DbTime,
}

const ISSUE_INPUTS_OF_CYCLE: &str = "
    select id, cycle_id, issue, description, stakeholder_group, region, name, email, submitted_at
    from issue_input
    where cycle_id = $1
    order by id";

/// The cycle's inputs in the order they arrived.
pub async fn issue_inputs_of_cycle(tx: &mut Tx, cycle: i64) -> Result<Vec<IssueInputRow>, DbError> {
    let rows: Vec<IssueInputSqlRow> = on_tx!(tx, |conn| sqlx::query_as(ISSUE_INPUTS_OF_CYCLE)
        .bind(cycle)
        .fetch_all(conn)
        .await)?;
    Ok(rows
        .into_iter()
        .map(|r| IssueInputRow {
            id: r.id,
            cycle_id: r.cycle_id,
            issue: r.issue,
            description: r.description,
            stakeholder_group: r.stakeholder_group,
            region: r.region,
            name: r.name,
            email: r.email,
            submitted_at: r.submitted_at.0,
        })
        .collect())
}

const COUNTS_BY_GROUP: &str = "
    select stakeholder_group, count(*)
    from issue_input
    where cycle_id = $1
    group by stakeholder_group
    order by stakeholder_group";

/// (stakeholder-group code, inputs) for every group with at least one input, by code.
pub async fn issue_counts_by_group(tx: &mut Tx, cycle: i64) -> Result<Vec<(String, i64)>, DbError> {
    let rows: Vec<(String, i64)> = on_tx!(tx, |conn| sqlx::query_as(COUNTS_BY_GROUP)
        .bind(cycle)
        .fetch_all(conn)
        .await)?;
    Ok(rows)
}

const COUNTS_BY_REGION: &str = "
    select region, count(*)
    from issue_input
    where cycle_id = $1
    group by region
    order by region";

/// (region code, inputs) for every region with at least one input, by code.
pub async fn issue_counts_by_region(
    tx: &mut Tx,
    cycle: i64,
) -> Result<Vec<(String, i64)>, DbError> {
    let rows: Vec<(String, i64)> = on_tx!(tx, |conn| sqlx::query_as(COUNTS_BY_REGION)
        .bind(cycle)
        .fetch_all(conn)
        .await)?;
    Ok(rows)
}
