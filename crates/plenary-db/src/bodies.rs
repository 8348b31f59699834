//! Reading and writing bodies, their constitution versions and memberships.
//!
//! A constitution version is stored as its TOML document (plenary-app parses and validates
//! it); memberships carry the seat kind and the member's stakeholder group, country and
//! gender as they were at appointment.

use plenary_domain::{ForumId, PersonId, Timestamp};

use crate::{DbError, DbTime, Tx, exec_tx, on_tx};

/// A body as stored.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct BodyRow {
    pub id: i64,
    pub forum_id: i64,
    pub slug: String,
    pub name: String,
}

const INSERT_BODY: &str = "
    insert into body (forum_id, slug, name, created_at)
    values ($1, $2, $3, $4)
    returning id";

pub async fn insert_body(
    tx: &mut Tx,
    forum: ForumId,
    slug: &str,
    name: &str,
    now: Timestamp,
) -> Result<i64, DbError> {
    let (id,): (i64,) = on_tx!(tx, |conn| sqlx::query_as(INSERT_BODY)
        .bind(forum.0)
        .bind(slug)
        .bind(name)
        .bind(DbTime(now))
        .fetch_one(conn)
        .await)?;
    Ok(id)
}

const BODIES_OF_FORUM: &str = "
    select id, forum_id, slug, name
    from body
    where forum_id = $1
    order by name, id";

pub async fn bodies_of_forum(tx: &mut Tx, forum: ForumId) -> Result<Vec<BodyRow>, DbError> {
    Ok(on_tx!(tx, |conn| sqlx::query_as(BODIES_OF_FORUM)
        .bind(forum.0)
        .fetch_all(conn)
        .await)?)
}

const BODY_BY_SLUG: &str = "
    select id, forum_id, slug, name
    from body
    where forum_id = $1 and slug = $2";

pub async fn body_by_slug(
    tx: &mut Tx,
    forum: ForumId,
    slug: &str,
) -> Result<Option<BodyRow>, DbError> {
    Ok(on_tx!(tx, |conn| sqlx::query_as(BODY_BY_SLUG)
        .bind(forum.0)
        .bind(slug)
        .fetch_optional(conn)
        .await)?)
}

const INSERT_CONSTITUTION_VERSION: &str = "
    insert into constitution_version (body_id, version, document, created_at, created_by)
    values ($1, coalesce((select max(version) from constitution_version where body_id = $1), 0) + 1, $2, $3, $4)
    returning version";

/// Stores a new version of the body's constitution; returns its number (1, 2, …).
pub async fn insert_constitution_version(
    tx: &mut Tx,
    body: i64,
    document: &str,
    created_by: &str,
    now: Timestamp,
) -> Result<i64, DbError> {
    let (version,): (i64,) = on_tx!(tx, |conn| sqlx::query_as(INSERT_CONSTITUTION_VERSION)
        .bind(body)
        .bind(document)
        .bind(DbTime(now))
        .bind(created_by)
        .fetch_one(conn)
        .await)?;
    Ok(version)
}

/// A stored constitution version.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConstitutionVersionRow {
    pub version: i64,
    pub document: String,
    pub created_at: Timestamp,
    pub created_by: String,
}

type VersionSqlRow = (i64, String, DbTime, String);

fn version_row(
    (version, document, created_at, created_by): VersionSqlRow,
) -> ConstitutionVersionRow {
    ConstitutionVersionRow {
        version,
        document,
        created_at: created_at.0,
        created_by,
    }
}

const LATEST_CONSTITUTION: &str = "
    select version, document, created_at, created_by
    from constitution_version
    where body_id = $1
    order by version desc
    limit 1";

pub async fn latest_constitution(
    tx: &mut Tx,
    body: i64,
) -> Result<Option<ConstitutionVersionRow>, DbError> {
    let row: Option<VersionSqlRow> = on_tx!(tx, |conn| sqlx::query_as(LATEST_CONSTITUTION)
        .bind(body)
        .fetch_optional(conn)
        .await)?;
    Ok(row.map(version_row))
}

const CONSTITUTION_IN_FORCE: &str = "
    select version, document, created_at, created_by
    from constitution_version
    where body_id = $1 and created_at <= $2
    order by version desc
    limit 1";

/// The latest version stored on or before `at` (none if the first came later).
pub async fn constitution_in_force(
    tx: &mut Tx,
    body: i64,
    at: Timestamp,
) -> Result<Option<ConstitutionVersionRow>, DbError> {
    let row: Option<VersionSqlRow> = on_tx!(tx, |conn| sqlx::query_as(CONSTITUTION_IN_FORCE)
        .bind(body)
        .bind(DbTime(at))
        .fetch_optional(conn)
        .await)?;
    Ok(row.map(version_row))
}

const CONSTITUTION_VERSION: &str = "
    select version, document, created_at, created_by
    from constitution_version
    where body_id = $1 and version = $2";

pub async fn constitution_version(
    tx: &mut Tx,
    body: i64,
    version: i64,
) -> Result<Option<ConstitutionVersionRow>, DbError> {
    let row: Option<VersionSqlRow> = on_tx!(tx, |conn| sqlx::query_as(CONSTITUTION_VERSION)
        .bind(body)
        .bind(version)
        .fetch_optional(conn)
        .await)?;
    Ok(row.map(version_row))
}

const CONSTITUTION_VERSIONS: &str = "
    select version, document, created_at, created_by
    from constitution_version
    where body_id = $1
    order by version";

/// Every version of the body's constitution, oldest first.
pub async fn constitution_versions(
    tx: &mut Tx,
    body: i64,
) -> Result<Vec<ConstitutionVersionRow>, DbError> {
    let rows: Vec<VersionSqlRow> = on_tx!(tx, |conn| sqlx::query_as(CONSTITUTION_VERSIONS)
        .bind(body)
        .fetch_all(conn)
        .await)?;
    Ok(rows.into_iter().map(version_row).collect())
}

/// A membership to store.
#[derive(Debug, Clone)]
pub struct NewMembership<'a> {
    pub body: i64,
    pub person: PersonId,
    /// `regular`, `ex_officio:<role>`, `standing_host_country` or `observer`.
    pub seat_kind: &'a str,
    pub stakeholder_group: &'a str,
    pub country_iso2: Option<&'a str>,
    pub gender: &'a str,
    pub term_number: i64,
    pub starts_at: Timestamp,
    pub ends_at: Option<Timestamp>,
    /// `appointed`, `renewed`, `resigned`, `ended` or `rotated_out`.
    pub state: &'a str,
}

const INSERT_MEMBERSHIP: &str = "
    insert into membership (body_id, person_id, seat_kind, stakeholder_group, country_iso2, gender,
                            term_number, starts_at, ends_at, state, created_at)
    values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
    returning id";

pub async fn insert_membership(
    tx: &mut Tx,
    m: &NewMembership<'_>,
    now: Timestamp,
) -> Result<i64, DbError> {
    let (id,): (i64,) = on_tx!(tx, |conn| sqlx::query_as(INSERT_MEMBERSHIP)
        .bind(m.body)
        .bind(m.person.0)
        .bind(m.seat_kind)
        .bind(m.stakeholder_group)
        .bind(m.country_iso2)
        .bind(m.gender)
        .bind(m.term_number)
        .bind(DbTime(m.starts_at))
        .bind(m.ends_at.map(DbTime))
        .bind(m.state)
        .bind(DbTime(now))
        .fetch_one(conn)
        .await)?;
    Ok(id)
}

/// A membership with the member's name, as a roster shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RosterRow {
    pub membership: i64,
    pub person: PersonId,
    pub display_name: String,
    pub seat_kind: String,
    pub stakeholder_group: String,
    pub country_iso2: Option<String>,
    pub gender: String,
    pub term_number: i64,
    pub starts_at: Timestamp,
    pub ends_at: Option<Timestamp>,
    pub state: String,
}

#[derive(Debug, sqlx::FromRow)]
struct RosterSqlRow {
    id: i64,
    person_id: i64,
    display_name: String,
    seat_kind: String,
    stakeholder_group: String,
    country_iso2: Option<String>,
    gender: String,
    term_number: i64,
    starts_at: DbTime,
    ends_at: Option<DbTime>,
    state: String,
}

impl From<RosterSqlRow> for RosterRow {
    fn from(r: RosterSqlRow) -> RosterRow {
        RosterRow {
            membership: r.id,
            person: PersonId(r.person_id),
            display_name: r.display_name,
            seat_kind: r.seat_kind,
            stakeholder_group: r.stakeholder_group,
            country_iso2: r.country_iso2,
            gender: r.gender,
            term_number: r.term_number,
            starts_at: r.starts_at.0,
            ends_at: r.ends_at.map(|t| t.0),
            state: r.state,
        }
    }
}

const MEMBERS_AT: &str = "
    select m.id, m.person_id, p.display_name, m.seat_kind, m.stakeholder_group, m.country_iso2,
           m.gender, m.term_number, m.starts_at, m.ends_at, m.state
    from membership m
    join person p on p.id = m.person_id
    where m.body_id = $1 and m.starts_at <= $2 and (m.ends_at is null or m.ends_at > $2)
    order by m.seat_kind, m.stakeholder_group, p.display_name, m.id";

/// The memberships in force at `at` (started on or before it, not yet ended).
pub async fn members_at(tx: &mut Tx, body: i64, at: Timestamp) -> Result<Vec<RosterRow>, DbError> {
    let rows: Vec<RosterSqlRow> = on_tx!(tx, |conn| sqlx::query_as(MEMBERS_AT)
        .bind(body)
        .bind(DbTime(at))
        .fetch_all(conn)
        .await)?;
    Ok(rows.into_iter().map(RosterRow::from).collect())
}

const MEMBERSHIP_YEARS: &str = "
    select starts_at
    from membership
    where body_id = $1
    order by starts_at";

/// When memberships of the body started (for the roster's year selector).
pub async fn membership_starts(tx: &mut Tx, body: i64) -> Result<Vec<Timestamp>, DbError> {
    let rows: Vec<(DbTime,)> = on_tx!(tx, |conn| sqlx::query_as(MEMBERSHIP_YEARS)
        .bind(body)
        .fetch_all(conn)
        .await)?;
    Ok(rows.into_iter().map(|(t,)| t.0).collect())
}

/// A membership as the secretariat's seat screens need it: the roster row and the date the
/// written notice of a resignation was received, if any.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SeatRow {
    pub row: RosterRow,
    pub body: i64,
    pub notice_at: Option<Timestamp>,
}

/// A membership row as the seat screens read it: the roster columns and the seat's own.
#[derive(Debug, sqlx::FromRow)]
struct SeatSqlRow {
    #[sqlx(flatten)]
    roster: RosterSqlRow,
    body_id: i64,
    notice_at: Option<DbTime>,
}

impl From<SeatSqlRow> for SeatRow {
    fn from(r: SeatSqlRow) -> SeatRow {
        SeatRow {
            row: r.roster.into(),
            body: r.body_id,
            notice_at: r.notice_at.map(|t| t.0),
        }
    }
}

const MEMBERSHIPS_BETWEEN: &str = "
    select m.id, m.body_id, m.person_id, p.display_name, m.seat_kind, m.stakeholder_group,
           m.country_iso2, m.gender, m.term_number, m.starts_at, m.ends_at, m.state, m.notice_at
    from membership m
    join person p on p.id = m.person_id
    where m.body_id = $1 and m.starts_at < $3 and (m.ends_at is null or m.ends_at > $2)
    order by m.seat_kind, m.stakeholder_group, p.display_name, m.id";

/// The memberships of the body in force at some moment in `[from, to)`, whatever their
/// state (a member who resigned during the period is listed, with the state `resigned`).
pub async fn memberships_between(
    tx: &mut Tx,
    body: i64,
    from: Timestamp,
    to: Timestamp,
) -> Result<Vec<SeatRow>, DbError> {
    let rows: Vec<SeatSqlRow> = on_tx!(tx, |conn| sqlx::query_as(MEMBERSHIPS_BETWEEN)
        .bind(body)
        .bind(DbTime(from))
        .bind(DbTime(to))
        .fetch_all(conn)
        .await)?;
    Ok(rows.into_iter().map(SeatRow::from).collect())
}

const MEMBERSHIP_BY_ID: &str = "
    select m.id, m.body_id, m.person_id, p.display_name, m.seat_kind, m.stakeholder_group,
           m.country_iso2, m.gender, m.term_number, m.starts_at, m.ends_at, m.state, m.notice_at
    from membership m
    join person p on p.id = m.person_id
    where m.body_id = $1 and m.id = $2";

/// One membership of the body, by id.
pub async fn membership_by_id(
    tx: &mut Tx,
    body: i64,
    membership: i64,
) -> Result<Option<SeatRow>, DbError> {
    let row: Option<SeatSqlRow> = on_tx!(tx, |conn| sqlx::query_as(MEMBERSHIP_BY_ID)
        .bind(body)
        .bind(membership)
        .fetch_optional(conn)
        .await)?;
    Ok(row.map(SeatRow::from))
}

const MEMBERSHIP_STARTING: &str = "
    select id
    from membership
    where body_id = $1 and person_id = $2 and starts_at = $3
    order by id
    limit 1";

/// The person's membership of the body that starts exactly at `starts_at` (a renewal
/// already recorded), if any.
pub async fn membership_starting(
    tx: &mut Tx,
    body: i64,
    person: PersonId,
    starts_at: Timestamp,
) -> Result<Option<i64>, DbError> {
    let row: Option<(i64,)> = on_tx!(tx, |conn| sqlx::query_as(MEMBERSHIP_STARTING)
        .bind(body)
        .bind(person.0)
        .bind(DbTime(starts_at))
        .fetch_optional(conn)
        .await)?;
    Ok(row.map(|(id,)| id))
}

const UPDATE_MEMBERSHIP_STATE: &str = "
    update membership
    set state = $2, ends_at = $3, notice_at = $4
    where id = $1";

/// Sets a membership's state, end and written-notice date (the domain's transition decides
/// them). `DbError::NotFound` when no membership has this id.
pub async fn update_membership_state(
    tx: &mut Tx,
    membership: i64,
    state: &str,
    ends_at: Option<Timestamp>,
    notice_at: Option<Timestamp>,
) -> Result<(), DbError> {
    let changed = exec_tx!(tx, |conn| sqlx::query(UPDATE_MEMBERSHIP_STATE)
        .bind(membership)
        .bind(state)
        .bind(ends_at.map(DbTime))
        .bind(notice_at.map(DbTime))
        .execute(conn)
        .await)?;
    if changed == 0 {
        return Err(DbError::NotFound);
    }
    Ok(())
}

/// What a member did in one cycle, as recorded by the secretariat.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EngagementRow {
    pub membership: i64,
    pub cycle_year: i64,
    pub meetings_attended: i64,
    pub meetings_held: i64,
    pub reviews_done: i64,
    pub reviews_assigned: i64,
    pub working_groups: i64,
    pub note: String,
    pub recorded_by: String,
    pub recorded_at: Timestamp,
}

#[derive(Debug, sqlx::FromRow)]
struct EngagementSqlRow {
    membership_id: i64,
    cycle_year: i64,
    meetings_attended: i64,
    meetings_held: i64,
    reviews_done: i64,
    reviews_assigned: i64,
    working_groups: i64,
    note: String,
    recorded_by: String,
    recorded_at: DbTime,
}

impl From<EngagementSqlRow> for EngagementRow {
    fn from(r: EngagementSqlRow) -> EngagementRow {
        EngagementRow {
            membership: r.membership_id,
            cycle_year: r.cycle_year,
            meetings_attended: r.meetings_attended,
            meetings_held: r.meetings_held,
            reviews_done: r.reviews_done,
            reviews_assigned: r.reviews_assigned,
            working_groups: r.working_groups,
            note: r.note,
            recorded_by: r.recorded_by,
            recorded_at: r.recorded_at.0,
        }
    }
}

const UPSERT_ENGAGEMENT: &str = "
    insert into engagement_record (membership_id, cycle_year, meetings_attended, meetings_held,
                                   reviews_done, reviews_assigned, working_groups, note,
                                   recorded_by, recorded_at)
    values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
    on conflict (membership_id, cycle_year) do update
    set meetings_attended = excluded.meetings_attended, meetings_held = excluded.meetings_held,
        reviews_done = excluded.reviews_done, reviews_assigned = excluded.reviews_assigned,
        working_groups = excluded.working_groups, note = excluded.note,
        recorded_by = excluded.recorded_by, recorded_at = excluded.recorded_at";

/// Records (or replaces) the engagement record of a membership for a cycle; `recorded_by`
/// and `recorded_at` in `record` say who and when.
pub async fn upsert_engagement(tx: &mut Tx, record: &EngagementRow) -> Result<(), DbError> {
    exec_tx!(tx, |conn| sqlx::query(UPSERT_ENGAGEMENT)
        .bind(record.membership)
        .bind(record.cycle_year)
        .bind(record.meetings_attended)
        .bind(record.meetings_held)
        .bind(record.reviews_done)
        .bind(record.reviews_assigned)
        .bind(record.working_groups)
        .bind(&record.note)
        .bind(&record.recorded_by)
        .bind(DbTime(record.recorded_at))
        .execute(conn)
        .await)?;
    Ok(())
}

const ENGAGEMENT_OF_BODY: &str = "
    select e.membership_id, e.cycle_year, e.meetings_attended, e.meetings_held, e.reviews_done,
           e.reviews_assigned, e.working_groups, e.note, e.recorded_by, e.recorded_at
    from engagement_record e
    join membership m on m.id = e.membership_id
    where m.body_id = $1 and e.cycle_year = $2
    order by e.membership_id";

/// Every engagement record of the body's memberships for one cycle.
pub async fn engagement_of_body(
    tx: &mut Tx,
    body: i64,
    cycle_year: i64,
) -> Result<Vec<EngagementRow>, DbError> {
    let rows: Vec<EngagementSqlRow> = on_tx!(tx, |conn| sqlx::query_as(ENGAGEMENT_OF_BODY)
        .bind(body)
        .bind(cycle_year)
        .fetch_all(conn)
        .await)?;
    Ok(rows.into_iter().map(EngagementRow::from).collect())
}

const ENGAGEMENT_OF_MEMBERSHIP: &str = "
    select membership_id, cycle_year, meetings_attended, meetings_held, reviews_done,
           reviews_assigned, working_groups, note, recorded_by, recorded_at
    from engagement_record
    where membership_id = $1 and cycle_year = $2";

/// The engagement record of one membership for one cycle, if recorded.
pub async fn engagement_of_membership(
    tx: &mut Tx,
    membership: i64,
    cycle_year: i64,
) -> Result<Option<EngagementRow>, DbError> {
    let row: Option<EngagementSqlRow> =
        on_tx!(tx, |conn| sqlx::query_as(ENGAGEMENT_OF_MEMBERSHIP)
            .bind(membership)
            .bind(cycle_year)
            .fetch_optional(conn)
            .await)?;
    Ok(row.map(EngagementRow::from))
}

/// One year in which a person held one of a body's offices.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OfficerRow {
    pub id: i64,
    pub person: PersonId,
    pub display_name: String,
    /// `chair` or `vice_chair`.
    pub office: String,
    pub year: i64,
    pub stakeholder_group: String,
}

#[derive(Debug, sqlx::FromRow)]
struct OfficerSqlRow {
    id: i64,
    person_id: i64,
    display_name: String,
    office: String,
    year: i64,
    stakeholder_group: String,
}

const INSERT_OFFICER: &str = "
    insert into officer_term (body_id, person_id, office, year, stakeholder_group, recorded_by,
                              recorded_at)
    values ($1, $2, $3, $4, $5, $6, $7)
    returning id";

/// Records that `person` holds `office` (`chair` or `vice_chair`) of the body in `year`.
/// `DbError::Conflict` when the office is already filled for that year.
#[expect(
    clippy::too_many_arguments,
    reason = "one column each; a struct would only rename them"
)]
pub async fn insert_officer(
    tx: &mut Tx,
    body: i64,
    person: PersonId,
    office: &str,
    year: i64,
    stakeholder_group: &str,
    recorded_by: &str,
    now: Timestamp,
) -> Result<i64, DbError> {
    let (id,): (i64,) = on_tx!(tx, |conn| sqlx::query_as(INSERT_OFFICER)
        .bind(body)
        .bind(person.0)
        .bind(office)
        .bind(year)
        .bind(stakeholder_group)
        .bind(recorded_by)
        .bind(DbTime(now))
        .fetch_one(conn)
        .await)?;
    Ok(id)
}

const OFFICERS_OF_BODY: &str = "
    select o.id, o.person_id, p.display_name, o.office, o.year, o.stakeholder_group
    from officer_term o
    join person p on p.id = o.person_id
    where o.body_id = $1
    order by o.year, o.office";

/// Every officer the body has had, oldest year first.
pub async fn officers_of_body(tx: &mut Tx, body: i64) -> Result<Vec<OfficerRow>, DbError> {
    let rows: Vec<OfficerSqlRow> = on_tx!(tx, |conn| sqlx::query_as(OFFICERS_OF_BODY)
        .bind(body)
        .fetch_all(conn)
        .await)?;
    Ok(rows
        .into_iter()
        .map(|r| OfficerRow {
            id: r.id,
            person: PersonId(r.person_id),
            display_name: r.display_name,
            office: r.office,
            year: r.year,
            stakeholder_group: r.stakeholder_group,
        })
        .collect())
}

const SEAT_HOLDERS_AT: &str = "
    select p.id, p.display_name
    from membership m
    join body b on b.id = m.body_id
    join person p on p.id = m.person_id
    where b.forum_id = $1 and m.seat_kind = $2
      and m.starts_at <= $3 and (m.ends_at is null or m.ends_at > $3)
    order by m.starts_at desc, m.id desc";

/// Who holds a seat of `seat_kind` in any body of the forum at `at`, latest appointment first
/// (the MAG chair, wherever the forum records one).
pub async fn seat_holders_at(
    tx: &mut Tx,
    forum: ForumId,
    seat_kind: &str,
    at: Timestamp,
) -> Result<Vec<(PersonId, String)>, DbError> {
    let rows: Vec<(i64, String)> = on_tx!(tx, |conn| sqlx::query_as(SEAT_HOLDERS_AT)
        .bind(forum.0)
        .bind(seat_kind)
        .bind(DbTime(at))
        .fetch_all(conn)
        .await)?;
    Ok(rows
        .into_iter()
        .map(|(id, name)| (PersonId(id), name))
        .collect())
}
