//! Reading and writing nomination calls, nominations, their nominators and endorsements.
//!
//! A call belongs to a body and a cycle year (one call per body and year). A nomination
//! keeps the candidate's details as submitted; its nominators and endorsements are child
//! rows, so merging two nominations moves them to the one kept. Eligibility is not stored:
//! plenary-app computes it from the nomination and the body's memberships when it is read.

use plenary_domain::Timestamp;

use crate::{DbError, DbTime, Tx, exec_tx, on_tx};

/// A nomination call as stored, with how many nominations it holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CallRow {
    pub id: i64,
    pub body_id: i64,
    pub cycle_year: i64,
    pub title: String,
    pub description: String,
    pub opens_at: Timestamp,
    pub closes_at: Timestamp,
    /// Nominations not merged into another.
    pub nominations: i64,
}

#[derive(Debug, sqlx::FromRow)]
struct CallSqlRow {
    id: i64,
    body_id: i64,
    cycle_year: i64,
    title: String,
    description: String,
    opens_at: DbTime,
    closes_at: DbTime,
    nominations: i64,
}

impl From<CallSqlRow> for CallRow {
    fn from(r: CallSqlRow) -> CallRow {
        CallRow {
            id: r.id,
            body_id: r.body_id,
            cycle_year: r.cycle_year,
            title: r.title,
            description: r.description,
            opens_at: r.opens_at.0,
            closes_at: r.closes_at.0,
            nominations: r.nominations,
        }
    }
}

/// A call to store.
#[derive(Debug, Clone)]
pub struct NewCall<'a> {
    pub body: i64,
    pub cycle_year: i64,
    pub title: &'a str,
    pub description: &'a str,
    pub opens_at: Timestamp,
    pub closes_at: Timestamp,
}

const INSERT_CALL: &str = "
    insert into nomination_call (body_id, cycle_year, title, description, opens_at, closes_at, created_at)
    values ($1, $2, $3, $4, $5, $6, $7)
    returning id";

/// Stores a call; a second call for the same body and year is a `Conflict`.
pub async fn insert_call(tx: &mut Tx, call: &NewCall<'_>, now: Timestamp) -> Result<i64, DbError> {
    let (id,): (i64,) = on_tx!(tx, |conn| sqlx::query_as(INSERT_CALL)
        .bind(call.body)
        .bind(call.cycle_year)
        .bind(call.title)
        .bind(call.description)
        .bind(DbTime(call.opens_at))
        .bind(DbTime(call.closes_at))
        .bind(DbTime(now))
        .fetch_one(conn)
        .await)?;
    Ok(id)
}

const CALLS_OF_BODY: &str = "
    select c.id, c.body_id, c.cycle_year, c.title, c.description, c.opens_at, c.closes_at,
           (select count(*) from nomination n where n.call_id = c.id and n.merged_into is null) as nominations
    from nomination_call c
    where c.body_id = $1
    order by c.cycle_year desc, c.id";

/// The body's calls, newest cycle first.
pub async fn calls_of_body(tx: &mut Tx, body: i64) -> Result<Vec<CallRow>, DbError> {
    let rows: Vec<CallSqlRow> = on_tx!(tx, |conn| sqlx::query_as(CALLS_OF_BODY)
        .bind(body)
        .fetch_all(conn)
        .await)?;
    Ok(rows.into_iter().map(CallRow::from).collect())
}

const CALL_BY_YEAR: &str = "
    select c.id, c.body_id, c.cycle_year, c.title, c.description, c.opens_at, c.closes_at,
           (select count(*) from nomination n where n.call_id = c.id and n.merged_into is null) as nominations
    from nomination_call c
    where c.body_id = $1 and c.cycle_year = $2";

pub async fn call_by_year(tx: &mut Tx, body: i64, year: i64) -> Result<Option<CallRow>, DbError> {
    let row: Option<CallSqlRow> = on_tx!(tx, |conn| sqlx::query_as(CALL_BY_YEAR)
        .bind(body)
        .bind(year)
        .fetch_optional(conn)
        .await)?;
    Ok(row.map(CallRow::from))
}

/// A nomination to store.
#[derive(Debug, Clone)]
pub struct NewNomination<'a> {
    pub call: i64,
    pub candidate_name: &'a str,
    pub candidate_email: &'a str,
    pub stakeholder_group: &'a str,
    pub country_iso2: &'a str,
    pub gender: &'a str,
    pub organisation: &'a str,
    pub statement: &'a str,
    pub self_nomination: bool,
    /// `submitted`, `eligible`, `ineligible` or `withdrawn`.
    pub status: &'a str,
    pub score: Option<i64>,
    pub note: &'a str,
}

const INSERT_NOMINATION: &str = "
    insert into nomination (call_id, candidate_name, candidate_email, stakeholder_group, country_iso2,
                            gender, organisation, statement, self_nomination, status, score, note,
                            merged_into, submitted_at, updated_at)
    values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, null, $13, $13)
    returning id";

pub async fn insert_nomination(
    tx: &mut Tx,
    n: &NewNomination<'_>,
    now: Timestamp,
) -> Result<i64, DbError> {
    let (id,): (i64,) = on_tx!(tx, |conn| sqlx::query_as(INSERT_NOMINATION)
        .bind(n.call)
        .bind(n.candidate_name)
        .bind(n.candidate_email)
        .bind(n.stakeholder_group)
        .bind(n.country_iso2)
        .bind(n.gender)
        .bind(n.organisation)
        .bind(n.statement)
        .bind(n.self_nomination)
        .bind(n.status)
        .bind(n.score)
        .bind(n.note)
        .bind(DbTime(now))
        .fetch_one(conn)
        .await)?;
    Ok(id)
}

const INSERT_NOMINATOR: &str = "
    insert into nomination_nominator (nomination_id, name, email)
    values ($1, $2, $3)";

pub async fn insert_nominator(
    tx: &mut Tx,
    nomination: i64,
    name: &str,
    email: &str,
) -> Result<(), DbError> {
    exec_tx!(tx, |conn| sqlx::query(INSERT_NOMINATOR)
        .bind(nomination)
        .bind(name)
        .bind(email)
        .execute(conn)
        .await)?;
    Ok(())
}

const INSERT_ENDORSEMENT: &str = "
    insert into nomination_endorsement (nomination_id, organisation, note)
    values ($1, $2, $3)";

pub async fn insert_endorsement(
    tx: &mut Tx,
    nomination: i64,
    organisation: &str,
    note: &str,
) -> Result<(), DbError> {
    exec_tx!(tx, |conn| sqlx::query(INSERT_ENDORSEMENT)
        .bind(nomination)
        .bind(organisation)
        .bind(note)
        .execute(conn)
        .await)?;
    Ok(())
}

/// A nomination as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NominationRow {
    pub id: i64,
    pub call_id: i64,
    pub candidate_name: String,
    pub candidate_email: String,
    pub stakeholder_group: String,
    pub country_iso2: String,
    pub gender: String,
    pub organisation: String,
    pub statement: String,
    pub self_nomination: bool,
    pub status: String,
    pub score: Option<i64>,
    pub note: String,
    pub merged_into: Option<i64>,
    pub submitted_at: Timestamp,
    pub updated_at: Timestamp,
}

#[derive(Debug, sqlx::FromRow)]
struct NominationSqlRow {
    id: i64,
    call_id: i64,
    candidate_name: String,
    candidate_email: String,
    stakeholder_group: String,
    country_iso2: String,
    gender: String,
    organisation: String,
    statement: String,
    self_nomination: bool,
    status: String,
    score: Option<i64>,
    note: String,
    merged_into: Option<i64>,
    submitted_at: DbTime,
    updated_at: DbTime,
}

const NOMINATIONS_OF_CALL: &str = "
    select id, call_id, candidate_name, candidate_email, stakeholder_group, country_iso2, gender,
           organisation, statement, self_nomination, status, score, note, merged_into,
           submitted_at, updated_at
    from nomination
    where call_id = $1
    order by id";

/// Every nomination of the call (merged ones included), oldest first.
pub async fn nominations_of_call(tx: &mut Tx, call: i64) -> Result<Vec<NominationRow>, DbError> {
    let rows: Vec<NominationSqlRow> = on_tx!(tx, |conn| sqlx::query_as(NOMINATIONS_OF_CALL)
        .bind(call)
        .fetch_all(conn)
        .await)?;
    Ok(rows
        .into_iter()
        .map(|r| NominationRow {
            id: r.id,
            call_id: r.call_id,
            candidate_name: r.candidate_name,
            candidate_email: r.candidate_email,
            stakeholder_group: r.stakeholder_group,
            country_iso2: r.country_iso2,
            gender: r.gender,
            organisation: r.organisation,
            statement: r.statement,
            self_nomination: r.self_nomination,
            status: r.status,
            score: r.score,
            note: r.note,
            merged_into: r.merged_into,
            submitted_at: r.submitted_at.0,
            updated_at: r.updated_at.0,
        })
        .collect())
}

const NOMINATORS_OF_CALL: &str = "
    select r.nomination_id, r.name, r.email
    from nomination_nominator r
    join nomination n on n.id = r.nomination_id
    where n.call_id = $1
    order by r.nomination_id, r.id";

/// (nomination id, name, e-mail) of every nominator in the call, in the order they came.
pub async fn nominators_of_call(
    tx: &mut Tx,
    call: i64,
) -> Result<Vec<(i64, String, String)>, DbError> {
    Ok(on_tx!(tx, |conn| sqlx::query_as(NOMINATORS_OF_CALL)
        .bind(call)
        .fetch_all(conn)
        .await)?)
}

const ENDORSEMENTS_OF_CALL: &str = "
    select e.nomination_id, e.organisation, e.note
    from nomination_endorsement e
    join nomination n on n.id = e.nomination_id
    where n.call_id = $1
    order by e.nomination_id, e.id";

/// (nomination id, organisation or process, note) of every endorsement in the call.
pub async fn endorsements_of_call(
    tx: &mut Tx,
    call: i64,
) -> Result<Vec<(i64, String, String)>, DbError> {
    Ok(on_tx!(tx, |conn| sqlx::query_as(ENDORSEMENTS_OF_CALL)
        .bind(call)
        .fetch_all(conn)
        .await)?)
}

const UPDATE_ASSESSMENT: &str = "
    update nomination
    set status = $2, score = $3, note = $4, updated_at = $5
    where id = $1";

/// Sets the secretariat's status, score and note.
pub async fn update_assessment(
    tx: &mut Tx,
    nomination: i64,
    status: &str,
    score: Option<i64>,
    note: &str,
    now: Timestamp,
) -> Result<(), DbError> {
    let n = exec_tx!(tx, |conn| sqlx::query(UPDATE_ASSESSMENT)
        .bind(nomination)
        .bind(status)
        .bind(score)
        .bind(note)
        .bind(DbTime(now))
        .execute(conn)
        .await)?;
    if n == 0 {
        return Err(DbError::NotFound);
    }
    Ok(())
}

const MARK_MERGED: &str = "
    update nomination
    set status = 'merged', merged_into = $2, updated_at = $3
    where id = $1";
const MOVE_NOMINATORS: &str = "
    update nomination_nominator
    set nomination_id = $2
    where nomination_id = $1";
const MOVE_ENDORSEMENTS: &str = "
    update nomination_endorsement
    set nomination_id = $2
    where nomination_id = $1";

/// Folds `drop` into `keep`: its nominators and endorsements move to `keep`, and it is
/// marked merged. Returns how many nominators moved.
pub async fn merge_into(tx: &mut Tx, keep: i64, drop: i64, now: Timestamp) -> Result<u64, DbError> {
    let moved = exec_tx!(tx, |conn| sqlx::query(MOVE_NOMINATORS)
        .bind(drop)
        .bind(keep)
        .execute(conn)
        .await)?;
    exec_tx!(tx, |conn| sqlx::query(MOVE_ENDORSEMENTS)
        .bind(drop)
        .bind(keep)
        .execute(conn)
        .await)?;
    exec_tx!(tx, |conn| sqlx::query(MARK_MERGED)
        .bind(drop)
        .bind(keep)
        .bind(DbTime(now))
        .execute(conn)
        .await)?;
    Ok(moved)
}

/// Someone who held (or holds) a seat of a body, with the e-mail of their account if any.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SeatHolderRow {
    pub person_id: i64,
    pub display_name: String,
    pub email: Option<String>,
    pub seat_kind: String,
    pub term_number: i64,
    pub starts_at: Timestamp,
    pub ends_at: Option<Timestamp>,
}

#[derive(Debug, sqlx::FromRow)]
struct SeatHolderSqlRow {
    person_id: i64,
    display_name: String,
    email: Option<String>,
    seat_kind: String,
    term_number: i64,
    starts_at: DbTime,
    ends_at: Option<DbTime>,
}

const SEAT_HOLDERS: &str = "
    select m.person_id, p.display_name, a.email, m.seat_kind, m.term_number, m.starts_at, m.ends_at
    from membership m
    join person p on p.id = m.person_id
    left join account a on a.person_id = m.person_id
    where m.body_id = $1
    order by m.person_id, m.starts_at, m.id";

/// Every membership the body ever had, with the holder's name and account e-mail (to link
/// nominations to people and to tell first-time members).
pub async fn seat_holders(tx: &mut Tx, body: i64) -> Result<Vec<SeatHolderRow>, DbError> {
    let rows: Vec<SeatHolderSqlRow> = on_tx!(tx, |conn| sqlx::query_as(SEAT_HOLDERS)
        .bind(body)
        .fetch_all(conn)
        .await)?;
    Ok(rows
        .into_iter()
        .map(|r| SeatHolderRow {
            person_id: r.person_id,
            display_name: r.display_name,
            email: r.email,
            seat_kind: r.seat_kind,
            term_number: r.term_number,
            starts_at: r.starts_at.0,
            ends_at: r.ends_at.map(|t| t.0),
        })
        .collect())
}
