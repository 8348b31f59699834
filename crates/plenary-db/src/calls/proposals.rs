//! Session proposals, their people, screening results and report flags (see the parent module).
//!
//! A proposal is stored with its people (`proposal_person`, in form order) and its screening
//! beside it: the computed status, every rule's outcome as JSON text, and the secretariat's
//! override if any. Reads that feed screening load a whole cycle in two queries (proposals,
//! then every person of those proposals), never one query per proposal.

use std::collections::HashMap;

use plenary_domain::Timestamp;

use crate::{DbError, DbTime, Tx, exec_tx, on_tx, placeholders};

/// One person listed on a proposal, as stored.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct PersonRow {
    pub role: String,
    pub name: String,
    pub email: String,
    pub organisation: String,
    pub stakeholder_group: String,
    pub country_iso2: String,
    pub gender: String,
    pub onsite: bool,
    pub confirmation: String,
}

/// What the proposer writes: everything of a proposal but its status, people and screening.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ProposalContent {
    pub session_type: String,
    pub title: String,
    pub issue_area: String,
    pub format: String,
    pub duration_min: i64,
    pub description: String,
    pub policy_questions: String,
    pub interaction_plan: String,
    pub online_plan: String,
    pub expected_outcomes: String,
    pub previous_reports: String,
    pub messages_link: String,
    pub language: String,
    pub proposer_time_zone: String,
    pub submitter_organisation: String,
    pub submitter_stakeholder_group: String,
    pub submitter_country_iso2: String,
    /// UN regional group code of the submitter's country (`none` when not given).
    pub submitter_region: String,
}

/// A proposal to store.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewProposal {
    pub cycle: i64,
    pub submitter_account: i64,
    /// `draft` or `submitted` (an import may store submitted proposals directly).
    pub status: String,
    pub content: ProposalContent,
    pub people: Vec<PersonRow>,
    /// Set when `status` is `submitted`.
    pub submitted_at: Option<Timestamp>,
}

/// A proposal as stored, with its submitter's e-mail and name. `people` is filled by the
/// reads that say so (`proposal`, `proposals_of_submitter`, `submitted_with_people`) and
/// empty in lists.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProposalRow {
    pub id: i64,
    pub cycle: i64,
    pub number: i64,
    pub submitter_account: i64,
    pub submitter_email: String,
    pub submitter_name: String,
    pub status: String,
    pub content: ProposalContent,
    pub people: Vec<PersonRow>,
    /// `pending`, `pass` or `fail`: what the rules decided.
    pub screening_status: String,
    /// Every rule's outcome (JSON text written by the app; empty before any screening).
    pub screening: String,
    pub screened_at: Option<Timestamp>,
    pub override_status: Option<String>,
    pub override_reason: String,
    pub override_by: String,
    pub created_at: Timestamp,
    pub submitted_at: Option<Timestamp>,
    pub updated_at: Timestamp,
}

impl ProposalRow {
    /// The screening status that counts: the override if any, else the computed one.
    pub fn effective_screening(&self) -> &str {
        self.override_status
            .as_deref()
            .unwrap_or(&self.screening_status)
    }
}

#[derive(Debug, sqlx::FromRow)]
struct ProposalSqlRow {
    id: i64,
    cycle_id: i64,
    number: i64,
    submitter_account_id: i64,
    submitter_email: String,
    submitter_name: String,
    session_type: String,
    status: String,
    title: String,
    issue_area: String,
    format: String,
    duration_min: i64,
    description: String,
    policy_questions: String,
    interaction_plan: String,
    online_plan: String,
    expected_outcomes: String,
    previous_reports: String,
    messages_link: String,
    language: String,
    proposer_time_zone: String,
    submitter_organisation: String,
    submitter_stakeholder_group: String,
    submitter_country_iso2: String,
    submitter_region: String,
    screening_status: String,
    screening: String,
    screened_at: Option<DbTime>,
    override_status: Option<String>,
    override_reason: String,
    override_by: String,
    created_at: DbTime,
    submitted_at: Option<DbTime>,
    updated_at: DbTime,
}

impl From<ProposalSqlRow> for ProposalRow {
    fn from(r: ProposalSqlRow) -> ProposalRow {
        ProposalRow {
            id: r.id,
            cycle: r.cycle_id,
            number: r.number,
            submitter_account: r.submitter_account_id,
            submitter_email: r.submitter_email,
            submitter_name: r.submitter_name,
            status: r.status,
            content: ProposalContent {
                session_type: r.session_type,
                title: r.title,
                issue_area: r.issue_area,
                format: r.format,
                duration_min: r.duration_min,
                description: r.description,
                policy_questions: r.policy_questions,
                interaction_plan: r.interaction_plan,
                online_plan: r.online_plan,
                expected_outcomes: r.expected_outcomes,
                previous_reports: r.previous_reports,
                messages_link: r.messages_link,
                language: r.language,
                proposer_time_zone: r.proposer_time_zone,
                submitter_organisation: r.submitter_organisation,
                submitter_stakeholder_group: r.submitter_stakeholder_group,
                submitter_country_iso2: r.submitter_country_iso2,
                submitter_region: r.submitter_region,
            },
            people: Vec::new(),
            screening_status: r.screening_status,
            screening: r.screening,
            screened_at: r.screened_at.map(|t| t.0),
            override_status: r.override_status,
            override_reason: r.override_reason,
            override_by: r.override_by,
            created_at: r.created_at.0,
            submitted_at: r.submitted_at.map(|t| t.0),
            updated_at: r.updated_at.0,
        }
    }
}

macro_rules! proposal_select {
    ($rest:literal) => {
        concat!(
            "select p.id, p.cycle_id, p.number, p.submitter_account_id,
                    a.email as submitter_email, pe.display_name as submitter_name,
                    p.session_type, p.status, p.title, p.issue_area, p.format, p.duration_min,
                    p.description, p.policy_questions, p.interaction_plan, p.online_plan,
                    p.expected_outcomes, p.previous_reports, p.messages_link, p.language,
                    p.proposer_time_zone, p.submitter_organisation,
                    p.submitter_stakeholder_group, p.submitter_country_iso2, p.submitter_region,
                    p.screening_status, p.screening, p.screened_at, p.override_status,
                    p.override_reason, p.override_by, p.created_at, p.submitted_at, p.updated_at
             from proposal p
             join account a on a.id = p.submitter_account_id
             join person pe on pe.id = a.person_id ",
            $rest
        )
    };
}

const INSERT_PROPOSAL: &str = "
    insert into proposal (
        cycle_id, number, submitter_account_id, session_type, status, title, issue_area,
        format, duration_min, description, policy_questions, interaction_plan, online_plan,
        expected_outcomes, previous_reports, messages_link, language, proposer_time_zone,
        submitter_organisation, submitter_stakeholder_group, submitter_country_iso2,
        submitter_region, screening_status, screening, screened_at, override_status,
        override_reason, override_by, created_at, submitted_at, updated_at)
    values (
        $1, (select coalesce(max(number), 0) + 1 from proposal where cycle_id = $1), $2, $3,
        $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21,
        'pending', '', null, null, '', '', $22, $23, $22)
    returning id, number";

/// Stores a new proposal with its people; its number is the cycle's highest plus one.
/// Returns `(id, number)`. Two statements whatever the number of people, so an import of
/// a whole call in one transaction stays quick (see `insert_proposals`).
pub async fn insert_proposal(
    tx: &mut Tx,
    proposal: &NewProposal,
    now: Timestamp,
) -> Result<(i64, i64), DbError> {
    let c = &proposal.content;
    let submitted_at = proposal.submitted_at.map(DbTime);
    let (id, number): (i64, i64) = on_tx!(tx, |conn| sqlx::query_as(INSERT_PROPOSAL)
        .bind(proposal.cycle)
        .bind(proposal.submitter_account)
        .bind(&c.session_type)
        .bind(&proposal.status)
        .bind(&c.title)
        .bind(&c.issue_area)
        .bind(&c.format)
        .bind(c.duration_min)
        .bind(&c.description)
        .bind(&c.policy_questions)
        .bind(&c.interaction_plan)
        .bind(&c.online_plan)
        .bind(&c.expected_outcomes)
        .bind(&c.previous_reports)
        .bind(&c.messages_link)
        .bind(&c.language)
        .bind(&c.proposer_time_zone)
        .bind(&c.submitter_organisation)
        .bind(&c.submitter_stakeholder_group)
        .bind(&c.submitter_country_iso2)
        .bind(&c.submitter_region)
        .bind(DbTime(now))
        .bind(submitted_at)
        .fetch_one(conn)
        .await)?;
    insert_people(tx, id, &proposal.people).await?;
    Ok((id, number))
}

/// Stores many proposals in the caller's transaction (an import, the demo loader), in
/// order. Returns `(id, number)` of each.
pub async fn insert_proposals(
    tx: &mut Tx,
    proposals: &[NewProposal],
    now: Timestamp,
) -> Result<Vec<(i64, i64)>, DbError> {
    let mut out = Vec::with_capacity(proposals.len());
    for proposal in proposals {
        out.push(insert_proposal(tx, proposal, now).await?);
    }
    Ok(out)
}

const PERSON_COLUMNS: usize = 11;

/// One multi-row insert for a proposal's people.
async fn insert_people(tx: &mut Tx, proposal: i64, people: &[PersonRow]) -> Result<(), DbError> {
    if people.is_empty() {
        return Ok(());
    }
    let mut sql = String::from(
        "insert into proposal_person (proposal_id, position, role, name, email, organisation,
         stakeholder_group, country_iso2, gender, onsite, confirmation) values ",
    );
    for i in 0..people.len() {
        if i > 0 {
            sql.push_str(", ");
        }
        sql.push('(');
        for c in 0..PERSON_COLUMNS {
            if c > 0 {
                sql.push_str(", ");
            }
            sql.push('$');
            sql.push_str(&(i * PERSON_COLUMNS + c + 1).to_string());
        }
        sql.push(')');
    }
    exec_tx!(tx, |conn| {
        let mut query = sqlx::query(sqlx::AssertSqlSafe(sql.as_str()));
        for (position, p) in people.iter().enumerate() {
            query = query
                .bind(proposal)
                .bind(position as i64)
                .bind(&p.role)
                .bind(&p.name)
                .bind(&p.email)
                .bind(&p.organisation)
                .bind(&p.stakeholder_group)
                .bind(&p.country_iso2)
                .bind(&p.gender)
                .bind(p.onsite)
                .bind(&p.confirmation);
        }
        query.execute(conn).await
    })?;
    Ok(())
}

const UPDATE_CONTENT: &str = "
    update proposal set
        session_type = $2, title = $3, issue_area = $4, format = $5, duration_min = $6,
        description = $7, policy_questions = $8, interaction_plan = $9, online_plan = $10,
        expected_outcomes = $11, previous_reports = $12, messages_link = $13, language = $14,
        proposer_time_zone = $15, submitter_organisation = $16,
        submitter_stakeholder_group = $17, submitter_country_iso2 = $18,
        submitter_region = $19, updated_at = $20
    where id = $1";

const DELETE_PEOPLE: &str = "delete from proposal_person where proposal_id = $1";

/// Replaces a proposal's content and people; `NotFound` if there is no such proposal.
pub async fn replace_content(
    tx: &mut Tx,
    proposal: i64,
    content: &ProposalContent,
    people: &[PersonRow],
    now: Timestamp,
) -> Result<(), DbError> {
    let c = content;
    let done = exec_tx!(tx, |conn| sqlx::query(UPDATE_CONTENT)
        .bind(proposal)
        .bind(&c.session_type)
        .bind(&c.title)
        .bind(&c.issue_area)
        .bind(&c.format)
        .bind(c.duration_min)
        .bind(&c.description)
        .bind(&c.policy_questions)
        .bind(&c.interaction_plan)
        .bind(&c.online_plan)
        .bind(&c.expected_outcomes)
        .bind(&c.previous_reports)
        .bind(&c.messages_link)
        .bind(&c.language)
        .bind(&c.proposer_time_zone)
        .bind(&c.submitter_organisation)
        .bind(&c.submitter_stakeholder_group)
        .bind(&c.submitter_country_iso2)
        .bind(&c.submitter_region)
        .bind(DbTime(now))
        .execute(conn)
        .await)?;
    if done == 0 {
        return Err(DbError::NotFound);
    }
    exec_tx!(tx, |conn| sqlx::query(DELETE_PEOPLE)
        .bind(proposal)
        .execute(conn)
        .await)?;
    insert_people(tx, proposal, people).await
}

const SET_STATUS: &str = "
    update proposal
    set status = $2, updated_at = $3,
        submitted_at = case when $2 = 'submitted' then $3 else submitted_at end
    where id = $1";

/// Sets a proposal's status (`draft`, `submitted`, `withdrawn`); `submitted` also records
/// the submission time. `NotFound` if there is no such proposal.
pub async fn set_status(
    tx: &mut Tx,
    proposal: i64,
    status: &str,
    now: Timestamp,
) -> Result<(), DbError> {
    let done = exec_tx!(tx, |conn| sqlx::query(SET_STATUS)
        .bind(proposal)
        .bind(status)
        .bind(DbTime(now))
        .execute(conn)
        .await)?;
    if done == 0 {
        return Err(DbError::NotFound);
    }
    Ok(())
}

const PEOPLE_OF: &str = "
    select role, name, email, organisation, stakeholder_group, country_iso2, gender, onsite,
           confirmation
    from proposal_person
    where proposal_id = $1
    order by position";

async fn people_of(tx: &mut Tx, proposal: i64) -> Result<Vec<PersonRow>, DbError> {
    let rows: Vec<PersonRow> = on_tx!(tx, |conn| sqlx::query_as(PEOPLE_OF)
        .bind(proposal)
        .fetch_all(conn)
        .await)?;
    Ok(rows)
}

/// One proposal with its people.
pub async fn proposal(tx: &mut Tx, id: i64) -> Result<Option<ProposalRow>, DbError> {
    let sql = proposal_select!("where p.id = $1");
    let row: Option<ProposalSqlRow> = on_tx!(tx, |conn| sqlx::query_as(sql)
        .bind(id)
        .fetch_optional(conn)
        .await)?;
    let Some(row) = row else {
        return Ok(None);
    };
    let mut row = ProposalRow::from(row);
    row.people = people_of(tx, id).await?;
    Ok(Some(row))
}

/// Filters of a list of a cycle's proposals; an empty field matches anything.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ProposalFilter {
    pub session_type: String,
    pub issue_area: String,
    /// Effective screening status: the override if any, else the computed one.
    pub screening: String,
    pub status: String,
    /// UN regional group code of the submitter.
    pub submitter_region: String,
    pub submitter_stakeholder_group: String,
    /// Text the title contains, case-insensitively (Unicode lower case, the same on both
    /// databases: matched here rather than with SQL `lower`, which SQLite limits to ASCII).
    pub title_contains: String,
}

const LIST_OF_CYCLE: &str = proposal_select!(
    "where p.cycle_id = $1
       and ($2 = '' or p.session_type = $2)
       and ($3 = '' or p.issue_area = $3)
       and ($4 = '' or coalesce(p.override_status, p.screening_status) = $4)
       and ($5 = '' or p.status = $5)
       and ($6 = '' or p.submitter_region = $6)
       and ($7 = '' or p.submitter_stakeholder_group = $7)
     order by p.number"
);

/// A cycle's proposals matching `filter`, by number, without their people.
pub async fn proposals_of_cycle(
    tx: &mut Tx,
    cycle: i64,
    filter: &ProposalFilter,
) -> Result<Vec<ProposalRow>, DbError> {
    let rows: Vec<ProposalSqlRow> = on_tx!(tx, |conn| sqlx::query_as(LIST_OF_CYCLE)
        .bind(cycle)
        .bind(&filter.session_type)
        .bind(&filter.issue_area)
        .bind(&filter.screening)
        .bind(&filter.status)
        .bind(&filter.submitter_region)
        .bind(&filter.submitter_stakeholder_group)
        .fetch_all(conn)
        .await)?;
    let needle = filter.title_contains.trim().to_lowercase();
    Ok(rows
        .into_iter()
        .filter(|r| needle.is_empty() || r.title.to_lowercase().contains(&needle))
        .map(ProposalRow::from)
        .collect())
}

/// Groups people rows (ordered by proposal, then position) onto their proposals.
fn attach_people(rows: &mut [ProposalRow], people: Vec<(i64, PersonRow)>) {
    let index: HashMap<i64, usize> = rows.iter().enumerate().map(|(i, r)| (r.id, i)).collect();
    for (proposal, person) in people {
        if let Some(&i) = index.get(&proposal) {
            rows[i].people.push(person);
        }
    }
}

#[derive(Debug, sqlx::FromRow)]
struct OwnedPersonSqlRow {
    proposal_id: i64,
    #[sqlx(flatten)]
    person: PersonRow,
}

const OF_SUBMITTER: &str = proposal_select!(
    "where p.cycle_id = $1 and p.submitter_account_id = $2 order by p.created_at desc, p.id desc"
);

const PEOPLE_OF_SUBMITTER: &str = "
    select pp.proposal_id, pp.role, pp.name, pp.email, pp.organisation, pp.stakeholder_group,
           pp.country_iso2, pp.gender, pp.onsite, pp.confirmation
    from proposal_person pp
    join proposal p on p.id = pp.proposal_id
    where p.cycle_id = $1 and p.submitter_account_id = $2
    order by pp.proposal_id, pp.position";

/// The proposals one account submitted (or drafted) in a cycle, newest first, with people.
pub async fn proposals_of_submitter(
    tx: &mut Tx,
    cycle: i64,
    account: i64,
) -> Result<Vec<ProposalRow>, DbError> {
    let rows: Vec<ProposalSqlRow> = on_tx!(tx, |conn| sqlx::query_as(OF_SUBMITTER)
        .bind(cycle)
        .bind(account)
        .fetch_all(conn)
        .await)?;
    let people: Vec<OwnedPersonSqlRow> = on_tx!(tx, |conn| sqlx::query_as(PEOPLE_OF_SUBMITTER)
        .bind(cycle)
        .bind(account)
        .fetch_all(conn)
        .await)?;
    let mut rows: Vec<ProposalRow> = rows.into_iter().map(ProposalRow::from).collect();
    attach_people(
        &mut rows,
        people
            .into_iter()
            .map(|p| (p.proposal_id, p.person))
            .collect(),
    );
    Ok(rows)
}

const WITH_STATUS_OF_CYCLE: &str =
    proposal_select!("where p.cycle_id = $1 and ($2 = '' or p.status = $2) order by p.number");

const PEOPLE_WITH_STATUS: &str = "
    select pp.proposal_id, pp.role, pp.name, pp.email, pp.organisation, pp.stakeholder_group,
           pp.country_iso2, pp.gender, pp.onsite, pp.confirmation
    from proposal_person pp
    join proposal p on p.id = pp.proposal_id
    where p.cycle_id = $1 and ($2 = '' or p.status = $2)
    order by pp.proposal_id, pp.position";

/// Every submitted proposal of a cycle with its people, by number: what a screening run
/// reads. Two queries whatever the size of the call.
pub async fn submitted_with_people(tx: &mut Tx, cycle: i64) -> Result<Vec<ProposalRow>, DbError> {
    proposals_with_people(tx, cycle, "submitted").await
}

/// A cycle's proposals in `status` (empty: every status) with their people, by number
/// (an export reads them all). Two queries whatever the size of the call.
pub async fn proposals_with_people(
    tx: &mut Tx,
    cycle: i64,
    status: &str,
) -> Result<Vec<ProposalRow>, DbError> {
    let rows: Vec<ProposalSqlRow> = on_tx!(tx, |conn| sqlx::query_as(WITH_STATUS_OF_CYCLE)
        .bind(cycle)
        .bind(status)
        .fetch_all(conn)
        .await)?;
    let people: Vec<OwnedPersonSqlRow> = on_tx!(tx, |conn| sqlx::query_as(PEOPLE_WITH_STATUS)
        .bind(cycle)
        .bind(status)
        .fetch_all(conn)
        .await)?;
    let mut rows: Vec<ProposalRow> = rows.into_iter().map(ProposalRow::from).collect();
    attach_people(
        &mut rows,
        people
            .into_iter()
            .map(|p| (p.proposal_id, p.person))
            .collect(),
    );
    Ok(rows)
}

/// One proposal's computed screening, to store.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScreeningResult {
    pub proposal: i64,
    /// `pending`, `pass` or `fail`.
    pub status: String,
    /// Every rule's outcome (JSON text).
    pub screening: String,
}

/// Rows per statement when storing screening results (3 parameters each).
const SCREENING_CHUNK: usize = 400;

/// Stores the screening of many proposals in the caller's transaction (overrides are kept),
/// a few hundred per statement: `update … from (values …)`, which both databases run (the
/// `values` columns are `column1`… on both). Returns how many proposals were updated.
pub async fn store_screening(
    tx: &mut Tx,
    results: &[ScreeningResult],
    now: Timestamp,
) -> Result<u64, DbError> {
    let mut done = 0;
    for chunk in results.chunks(SCREENING_CHUNK) {
        let sql = format!(
            "update proposal set screening_status = v.column2, screening = v.column3, \
             screened_at = $1 from (values {}) as v where proposal.id = v.column1",
            placeholders(chunk.len(), 3, 2)
        );
        done += exec_tx!(tx, |conn| {
            let mut query = sqlx::query(sqlx::AssertSqlSafe(sql.as_str())).bind(DbTime(now));
            for r in chunk {
                query = query.bind(r.proposal).bind(&r.status).bind(&r.screening);
            }
            query.execute(conn).await
        })?;
    }
    Ok(done)
}

const SET_OVERRIDE: &str = "
    update proposal set override_status = $2, override_reason = $3, override_by = $4,
                        updated_at = $5
    where id = $1";

/// Sets the secretariat's override of a proposal's screening (`None` clears it, with the
/// reason and author emptied). `NotFound` if there is no such proposal.
pub async fn set_override(
    tx: &mut Tx,
    proposal: i64,
    status: Option<&str>,
    reason: &str,
    by: &str,
    now: Timestamp,
) -> Result<(), DbError> {
    let (reason, by) = if status.is_some() {
        (reason, by)
    } else {
        ("", "")
    };
    let done = exec_tx!(tx, |conn| sqlx::query(SET_OVERRIDE)
        .bind(proposal)
        .bind(status)
        .bind(reason)
        .bind(by)
        .bind(DbTime(now))
        .execute(conn)
        .await)?;
    if done == 0 {
        return Err(DbError::NotFound);
    }
    Ok(())
}

/// A draft whose owner a deadline reminder goes to.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct DraftOwner {
    pub proposal: i64,
    pub number: i64,
    pub title: String,
    pub email: String,
    pub name: String,
    pub proposer_time_zone: String,
}

const DRAFT_OWNERS: &str = "
    select p.id as proposal, p.number, p.title, a.email, pe.display_name as name,
           p.proposer_time_zone
    from proposal p
    join account a on a.id = p.submitter_account_id
    join person pe on pe.id = a.person_id
    where p.cycle_id = $1 and p.status = 'draft' and a.disabled = $2
    order by p.number";

/// The draft proposals of a cycle with their owners' e-mail (enabled accounts only).
pub async fn draft_owners(tx: &mut Tx, cycle: i64) -> Result<Vec<DraftOwner>, DbError> {
    let rows: Vec<DraftOwner> = on_tx!(tx, |conn| sqlx::query_as(DRAFT_OWNERS)
        .bind(cycle)
        .bind(false)
        .fetch_all(conn)
        .await)?;
    Ok(rows)
}

/// A member of a body, as screening matches submitters and organisers against it.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct MemberContact {
    pub name: String,
    /// The member's account e-mail, if they have an account.
    pub email: Option<String>,
    /// The member's organisation, if recorded.
    pub organisation: Option<String>,
}

const MEMBER_CONTACTS: &str = "
    select pe.display_name as name, a.email, o.name as organisation
    from membership m
    join person pe on pe.id = m.person_id
    left join account a on a.person_id = pe.id
    left join organisation o on o.id = pe.organisation_id
    where m.body_id = $1 and m.starts_at <= $2 and (m.ends_at is null or m.ends_at > $2)
    order by pe.display_name, m.id";

/// The members of a body in force at `at`, with their e-mail and organisation.
pub async fn member_contacts(
    tx: &mut Tx,
    body: i64,
    at: Timestamp,
) -> Result<Vec<MemberContact>, DbError> {
    let rows: Vec<MemberContact> = on_tx!(tx, |conn| sqlx::query_as(MEMBER_CONTACTS)
        .bind(body)
        .bind(DbTime(at))
        .fetch_all(conn)
        .await)?;
    Ok(rows)
}

/// A recorded flag of a past session's report (missing or filed).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReportFlagRow {
    pub id: i64,
    pub forum: i64,
    pub year: i64,
    pub session_ref: String,
    pub organiser_email: String,
    pub organisation: String,
    pub filed: bool,
    pub recorded_at: Timestamp,
}

#[derive(Debug, sqlx::FromRow)]
struct ReportFlagSqlRow {
    id: i64,
    forum_id: i64,
    year: i64,
    session_ref: String,
    organiser_email: String,
    organisation: String,
    filed: bool,
    recorded_at: DbTime,
}

/// A report flag to record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewReportFlag {
    pub forum: i64,
    pub year: i64,
    pub session_ref: String,
    pub organiser_email: String,
    pub organisation: String,
    pub filed: bool,
}

const INSERT_FLAG: &str = "
    insert into session_report_flag (forum_id, year, session_ref, organiser_email,
                                     organisation, filed, recorded_at)
    values ($1, $2, $3, $4, $5, $6, $7)
    returning id";

/// Records a report flag. Returns its id.
pub async fn insert_report_flag(
    tx: &mut Tx,
    flag: &NewReportFlag,
    now: Timestamp,
) -> Result<i64, DbError> {
    let (id,): (i64,) = on_tx!(tx, |conn| sqlx::query_as(INSERT_FLAG)
        .bind(flag.forum)
        .bind(flag.year)
        .bind(&flag.session_ref)
        .bind(&flag.organiser_email)
        .bind(&flag.organisation)
        .bind(flag.filed)
        .bind(DbTime(now))
        .fetch_one(conn)
        .await)?;
    Ok(id)
}

const FLAGS_OF_FORUM: &str = "
    select id, forum_id, year, session_ref, organiser_email, organisation, filed, recorded_at
    from session_report_flag
    where forum_id = $1
    order by year, id";

/// Every report flag of a forum, oldest year first, in recording order within a year
/// (a later flag for the same session supersedes an earlier one).
pub async fn report_flags(tx: &mut Tx, forum: i64) -> Result<Vec<ReportFlagRow>, DbError> {
    let rows: Vec<ReportFlagSqlRow> = on_tx!(tx, |conn| sqlx::query_as(FLAGS_OF_FORUM)
        .bind(forum)
        .fetch_all(conn)
        .await)?;
    Ok(rows
        .into_iter()
        .map(|r| ReportFlagRow {
            id: r.id,
            forum: r.forum_id,
            year: r.year,
            session_ref: r.session_ref,
            organiser_email: r.organiser_email,
            organisation: r.organisation,
            filed: r.filed,
            recorded_at: r.recorded_at.0,
        })
        .collect())
}
