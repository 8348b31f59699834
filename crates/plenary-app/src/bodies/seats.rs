//! The secretariat's seat management: engagement records, renewals, resignations, ends of
//! term, rotation, vacancies to refill, and the chair and vice-chair of a body per year.
//!
//! Main items: `seats` (every membership of a year with its vacancies), `renewals` (who can
//! be renewed for a cycle, with engagement and the rotation plan), the transitions
//! `renew_membership`, `resign_membership`, `end_membership`, `rotate_out_membership`,
//! `record_engagement`, `record_officer`, and `vacancies` for the slate.
//! Invariants: every rule is the domain's (`plenary_domain::bodies::membership` and
//! `officers`): this module loads, asks the domain, stores the result and audits it with
//! before and after, in one transaction. A seat is personal: there is no transfer action.
//! Not here: the public roster (`bodies::roster`), the slate optimiser (`bodies::slate`).

use plenary_db::Tx;
use plenary_db::bodies::{self as q, BodyRow, EngagementRow, NewMembership, SeatRow};
use plenary_domain::audit::{Actor, AuditEntry};
use plenary_domain::bodies::{
    ChairRule, Constitution, EngagementRecord, Membership, MembershipError, MembershipState,
    NoticeChannel, Office, OfficerCandidate, OfficerTerm, ReplacementAt, RotationError, SeatKind,
    WrittenNotice, check_officer_rotation, end_term, renew, replacement_requirement,
    replacement_timing, resign, rotate_out, rotation_plan,
};
use plenary_domain::forums::Forum;
use plenary_domain::permissions::{Permission, authorize};
use plenary_domain::{FieldError, PersonId, Timestamp};
use serde_json::{Value, json};

use crate::accounts::Viewer;
use crate::bodies::document;
use crate::bodies::roster::{parse_seat_kind, seat_kind_code};
use crate::{ActionError, App, audit, forums};

/// The storage code of a membership state.
pub fn state_code(state: MembershipState) -> &'static str {
    match state {
        MembershipState::Appointed => "appointed",
        MembershipState::Renewed => "renewed",
        MembershipState::Resigned => "resigned",
        MembershipState::Ended => "ended",
        MembershipState::RotatedOut => "rotated_out",
    }
}

/// Reads a stored membership state back.
pub fn parse_state(code: &str) -> Result<MembershipState, FieldError> {
    Ok(match code {
        "appointed" => MembershipState::Appointed,
        "renewed" => MembershipState::Renewed,
        "resigned" => MembershipState::Resigned,
        "ended" => MembershipState::Ended,
        "rotated_out" => MembershipState::RotatedOut,
        other => {
            return Err(FieldError::new(
                "state",
                "unknown_state",
                format!("unknown membership state {other:?}"),
            ));
        }
    })
}

/// The storage code of an office (`chair`, `vice_chair`).
pub fn office_code(office: Office) -> &'static str {
    match office {
        Office::Chair => "chair",
        Office::ViceChair => "vice_chair",
    }
}

/// Reads an office code (`chair`, `vice_chair`).
pub fn parse_office(code: &str) -> Result<Office, FieldError> {
    match code.trim() {
        "chair" => Ok(Office::Chair),
        "vice_chair" | "vice-chair" => Ok(Office::ViceChair),
        other => Err(FieldError::new(
            "office",
            "unknown_office",
            format!("unknown office {other:?}: expected chair or vice_chair"),
        )),
    }
}

/// 1 January of `year`, UTC: when a cycle starts.
pub fn year_start(year: i32) -> Result<Timestamp, ActionError> {
    if !(1900..=9000).contains(&year) {
        return Err(FieldError::new(
            "year",
            "out_of_range",
            format!("{year} is not a plausible year"),
        )
        .into());
    }
    format!("{year:04}-01-01T00:00:00Z")
        .parse()
        .map_err(|_| FieldError::new("year", "out_of_range", "not a year").into())
}

/// The calendar year a timestamp falls in (UTC).
pub fn year_of(at: Timestamp) -> i32 {
    at.to_rfc3339_seconds()
        .get(..4)
        .and_then(|y| y.parse().ok())
        .unwrap_or(0)
}

/// The stable code of a refused membership change.
fn membership_rule(err: &MembershipError) -> ActionError {
    let code = match err {
        MembershipError::NotAllowed { .. } => "membership_not_active",
        MembershipError::SeatNotRenewable { .. } => "seat_not_renewable",
        MembershipError::TermLimitReached { .. } => "term_limit_reached",
        MembershipError::EngagementNotSatisfactory { .. } => "engagement_not_satisfactory",
        MembershipError::TermAlreadyOver { .. } => "term_already_over",
        MembershipError::TermNotOver { .. } => "term_not_over",
        MembershipError::NoticeFromSomeoneElse { .. } => "notice_from_someone_else",
        MembershipError::NoticeInTheFuture { .. } => "notice_in_the_future",
        MembershipError::SeatNotTransferable { .. } => "seat_not_transferable",
    };
    ActionError::Rule {
        code,
        message: err.to_string(),
    }
}

fn rotation_rule(err: &RotationError) -> ActionError {
    let code = match err {
        RotationError::ChairIsAppointed => "chair_is_appointed",
        RotationError::NoViceChair => "no_vice_chair",
        RotationError::NotAMember { .. } => "officer_not_a_member",
        RotationError::OfficeFilled { .. } => "office_filled",
        RotationError::HoldsOtherOffice { .. } => "holds_other_office",
        RotationError::SameStakeholderGroup { .. } => "same_stakeholder_group",
        RotationError::SameHolderTwoYearsRunning { .. } => "same_holder_two_years_running",
    };
    ActionError::Rule {
        code,
        message: err.to_string(),
    }
}

/// A stored membership as the domain's `Membership`.
pub fn to_membership(seat: &SeatRow) -> Result<Membership, ActionError> {
    let corrupt = |e: FieldError| {
        ActionError::Internal(anyhow::anyhow!(
            "stored membership {}: {e}",
            seat.row.membership
        ))
    };
    Ok(Membership {
        person: seat.row.person,
        seat: parse_seat_kind(&seat.row.seat_kind).map_err(corrupt)?,
        stakeholder_group: seat.row.stakeholder_group.clone(),
        start: seat.row.starts_at,
        end: seat.row.ends_at,
        term_number: u32::try_from(seat.row.term_number).unwrap_or(0),
        state: parse_state(&seat.row.state).map_err(corrupt)?,
    })
}

fn to_record(row: &EngagementRow) -> EngagementRecord {
    let n = |v: i64| u32::try_from(v).unwrap_or(0);
    EngagementRecord {
        meetings_attended: n(row.meetings_attended),
        meetings_held: n(row.meetings_held),
        reviews_done: n(row.reviews_done),
        reviews_assigned: n(row.reviews_assigned),
        working_groups: n(row.working_groups),
        note: row.note.clone(),
    }
}

fn seat_json(seat: &SeatRow) -> Value {
    json!({
        "person": seat.row.person.0, "seat": seat.row.seat_kind, "stakeholder_group": seat.row.stakeholder_group,
        "term": seat.row.term_number, "state": seat.row.state,
        "starts_at": seat.row.starts_at.to_rfc3339_seconds(),
        "ends_at": seat.row.ends_at.map(Timestamp::to_rfc3339_seconds),
        "notice_at": seat.notice_at.map(Timestamp::to_rfc3339_seconds),
    })
}

fn engagement_json(row: &EngagementRow) -> Value {
    json!({
        "cycle": row.cycle_year, "meetings_attended": row.meetings_attended, "meetings_held": row.meetings_held,
        "reviews_done": row.reviews_done, "reviews_assigned": row.reviews_assigned,
        "working_groups": row.working_groups, "note": row.note,
    })
}

/// A body the secretariat works on: loaded, with its constitution, after `ManageBodies`
/// was checked for the viewer.
struct Managed {
    forum: Forum,
    body: BodyRow,
    constitution: Constitution,
}

async fn load_body(
    tx: &mut Tx,
    forum: Forum,
    body_slug: &str,
) -> Result<(Forum, BodyRow, Constitution), ActionError> {
    let body = q::body_by_slug(tx, forum.id, body_slug)
        .await?
        .ok_or(ActionError::NotFound)?;
    let stored = q::latest_constitution(tx, body.id)
        .await?
        .ok_or(ActionError::NotFound)?;
    let constitution = document::from_toml(&stored.document)?;
    Ok((forum, body, constitution))
}

/// Checks `ManageBodies` for the viewer in the forum, then loads the body.
async fn managed(
    tx: &mut Tx,
    viewer: &Viewer,
    forum_slug: &str,
    body_slug: &str,
) -> Result<Managed, ActionError> {
    let (forum, principal) = forums::forum_and_principal(tx, viewer, forum_slug).await?;
    authorize(&principal, Permission::ManageBodies)?;
    let (forum, body, constitution) = load_body(tx, forum, body_slug).await?;
    Ok(Managed {
        forum,
        body,
        constitution,
    })
}

/// Runs `work` on the body in one transaction for a viewer with `ManageBodies`, given the
/// viewer's actor and now, and commits it.
async fn as_manager<T>(
    app: &App,
    viewer: &Viewer,
    forum_slug: &str,
    body_slug: &str,
    work: impl AsyncFnOnce(&mut Tx, &Actor, &Managed, Timestamp) -> Result<T, ActionError>,
) -> Result<T, ActionError> {
    let mut tx = app.db().begin().await?;
    let ctx = managed(&mut tx, viewer, forum_slug, body_slug).await?;
    let value = work(&mut tx, &viewer.actor(), &ctx, app.now()).await?;
    tx.commit().await?;
    Ok(value)
}

/// Loads a body for an operator (the demo loader, the CLI): no viewer to authorise.
async fn operated(tx: &mut Tx, forum_slug: &str, body_slug: &str) -> Result<Managed, ActionError> {
    let forum = plenary_db::forums::forum_by_slug(tx, forum_slug)
        .await?
        .ok_or(ActionError::NotFound)?;
    let (forum, body, constitution) = load_body(tx, forum, body_slug).await?;
    Ok(Managed {
        forum,
        body,
        constitution,
    })
}

async fn seat_of(tx: &mut Tx, ctx: &Managed, membership: i64) -> Result<SeatRow, ActionError> {
    q::membership_by_id(tx, ctx.body.id, membership)
        .await?
        .ok_or(ActionError::NotFound)
}

/// A seat vacated by a resignation, to refill at the end of the cycle.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Vacancy {
    /// The membership that ended.
    pub membership: i64,
    /// Who resigned.
    pub former_member: String,
    pub seat: SeatKind,
    /// The replacement comes from this stakeholder group (the domain's rule).
    pub stakeholder_group: String,
    pub resigned_at: Timestamp,
    /// When the seat is refilled: the end of the cycle, never mid-year.
    pub refill_at: Timestamp,
}

fn vacancy_of(seat: &SeatRow, cycle_end: Timestamp) -> Result<Option<Vacancy>, ActionError> {
    let membership = to_membership(seat)?;
    if membership.state != MembershipState::Resigned {
        return Ok(None);
    }
    let resigned_at = membership.end.unwrap_or(cycle_end);
    let ReplacementAt::EndOfCycle { at } = replacement_timing(resigned_at, cycle_end);
    Ok(Some(Vacancy {
        membership: seat.row.membership,
        former_member: seat.row.display_name.clone(),
        seat: membership.seat.clone(),
        stakeholder_group: replacement_requirement(&membership).stakeholder_group,
        resigned_at,
        refill_at: at,
    }))
}

/// What a member did in a cycle, with the domain's evaluation against the constitution's
/// engagement policy.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Engagement {
    pub record: EngagementRecord,
    pub cycle_year: i32,
    pub recorded_by: String,
    pub recorded_at: Timestamp,
    /// Whether the record meets the policy (`EngagementRecord::is_satisfactory`).
    pub satisfactory: bool,
}

fn engagement_of(row: &EngagementRow, constitution: &Constitution) -> Engagement {
    let record = to_record(row);
    Engagement {
        satisfactory: record.is_satisfactory(&constitution.rules().engagement_policy),
        record,
        cycle_year: i32::try_from(row.cycle_year).unwrap_or(0),
        recorded_by: row.recorded_by.clone(),
        recorded_at: row.recorded_at,
    }
}

/// One membership on the seats screen.
#[derive(Debug, Clone)]
pub struct Seat {
    pub membership: i64,
    pub person: PersonId,
    pub name: String,
    pub seat: SeatKind,
    pub stakeholder_group: String,
    pub country_iso2: Option<String>,
    pub gender: String,
    pub term_number: i64,
    pub starts_at: Timestamp,
    pub ends_at: Option<Timestamp>,
    pub state: MembershipState,
    pub notice_at: Option<Timestamp>,
    /// The engagement record for the screen's year, if recorded.
    pub engagement: Option<Engagement>,
}

/// One year's officer of a body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Officer {
    pub person: PersonId,
    pub name: String,
    pub office: Office,
    pub year: i32,
    pub stakeholder_group: String,
}

/// The seats screen of a body for a year.
#[derive(Debug, Clone)]
pub struct SeatsView {
    pub forum: Forum,
    pub body: BodyRow,
    pub constitution: Constitution,
    pub year: i32,
    pub seats: Vec<Seat>,
    pub vacancies: Vec<Vacancy>,
    pub officers: Vec<Officer>,
}

fn seat_entry(
    row: &SeatRow,
    engagement: Option<&EngagementRow>,
    constitution: &Constitution,
) -> Result<Seat, ActionError> {
    let membership = to_membership(row)?;
    Ok(Seat {
        membership: row.row.membership,
        person: row.row.person,
        name: row.row.display_name.clone(),
        seat: membership.seat,
        stakeholder_group: row.row.stakeholder_group.clone(),
        country_iso2: row.row.country_iso2.clone(),
        gender: row.row.gender.clone(),
        term_number: row.row.term_number,
        starts_at: row.row.starts_at,
        ends_at: row.row.ends_at,
        state: membership.state,
        notice_at: row.notice_at,
        engagement: engagement.map(|e| engagement_of(e, constitution)),
    })
}

async fn officers_in(tx: &mut Tx, body: i64) -> Result<Vec<Officer>, ActionError> {
    q::officers_of_body(tx, body)
        .await?
        .into_iter()
        .map(|o| {
            Ok(Officer {
                office: parse_office(&o.office).map_err(|e| {
                    ActionError::Internal(anyhow::anyhow!("stored officer {}: {e}", o.id))
                })?,
                person: o.person,
                name: o.display_name,
                year: i32::try_from(o.year).unwrap_or(0),
                stakeholder_group: o.stakeholder_group,
            })
        })
        .collect()
}

/// Every membership of the body in force at some time in `year` (default: this year), with
/// its state, engagement record for the year, the vacancies to refill and the year's
/// officers. `ManageBodies`.
pub async fn seats(
    app: &App,
    viewer: &Viewer,
    forum_slug: &str,
    body_slug: &str,
    year: Option<i32>,
) -> Result<SeatsView, ActionError> {
    let mut tx = app.db().read().await?;
    let ctx = managed(&mut tx, viewer, forum_slug, body_slug).await?;
    let view = seats_in(&mut tx, ctx, year.unwrap_or_else(|| year_of(app.now()))).await?;
    tx.commit().await?;
    Ok(view)
}

/// `seats` for an operator at the command line (no viewer to authorise).
pub async fn seats_as_operator(
    app: &App,
    forum_slug: &str,
    body_slug: &str,
    year: Option<i32>,
) -> Result<SeatsView, ActionError> {
    let mut tx = app.db().read().await?;
    let ctx = operated(&mut tx, forum_slug, body_slug).await?;
    let view = seats_in(&mut tx, ctx, year.unwrap_or_else(|| year_of(app.now()))).await?;
    tx.commit().await?;
    Ok(view)
}

async fn seats_in(tx: &mut Tx, ctx: Managed, year: i32) -> Result<SeatsView, ActionError> {
    let (from, to) = (year_start(year)?, year_start(year + 1)?);
    let rows = q::memberships_between(tx, ctx.body.id, from, to).await?;
    let records = q::engagement_of_body(tx, ctx.body.id, i64::from(year)).await?;
    let officers = officers_in(tx, ctx.body.id).await?;
    let mut seats = Vec::new();
    let mut vacancies = Vec::new();
    for row in &rows {
        let record = records.iter().find(|r| r.membership == row.row.membership);
        seats.push(seat_entry(row, record, &ctx.constitution)?);
        if let Some(vacancy) = vacancy_of(row, to)? {
            vacancies.push(vacancy);
        }
    }
    Ok(SeatsView {
        forum: ctx.forum,
        body: ctx.body,
        constitution: ctx.constitution,
        year,
        seats,
        vacancies,
        officers: officers.into_iter().filter(|o| o.year == year).collect(),
    })
}

/// The seats vacated by resignation in `year`, each to refill at the end of the cycle from
/// the same stakeholder group (for the slate). `ManageBodies`.
pub async fn vacancies(
    app: &App,
    viewer: &Viewer,
    forum_slug: &str,
    body_slug: &str,
    year: i32,
) -> Result<Vec<Vacancy>, ActionError> {
    Ok(seats(app, viewer, forum_slug, body_slug, Some(year))
        .await?
        .vacancies)
}

/// The officers of a body in `year`. Public, like the roster that shows them.
pub async fn officers_of_year(
    app: &App,
    viewer: &Viewer,
    forum_slug: &str,
    body_slug: &str,
    year: i32,
) -> Result<Vec<Officer>, ActionError> {
    let mut tx = app.db().read().await?;
    let (forum, principal) = forums::forum_and_principal(&mut tx, viewer, forum_slug).await?;
    authorize(&principal, Permission::Public)?;
    let body = q::body_by_slug(&mut tx, forum.id, body_slug)
        .await?
        .ok_or(ActionError::NotFound)?;
    let officers = officers_in(&mut tx, body.id).await?;
    tx.commit().await?;
    Ok(officers.into_iter().filter(|o| o.year == year).collect())
}

/// Whether the viewer may manage the forum's bodies (to offer the seat screens' links).
pub async fn can_manage_bodies(
    app: &App,
    viewer: &Viewer,
    forum_slug: &str,
) -> Result<bool, ActionError> {
    let mut tx = app.db().read().await?;
    let (_, principal) = forums::forum_and_principal(&mut tx, viewer, forum_slug).await?;
    tx.commit().await?;
    Ok(authorize(&principal, Permission::ManageBodies).is_ok())
}

/// A member whose term ends before the cycle, on the renewals screen.
#[derive(Debug, Clone)]
pub struct RenewalCandidate {
    pub seat: Seat,
    /// At the constitution's limit of consecutive terms: rotates out, cannot be renewed.
    pub term_limited: bool,
    /// Already renewed for the cycle (the next-term membership exists).
    pub renewed: bool,
}

/// The domain's rotation plan with names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RotationSummary {
    pub must_leave: Vec<String>,
    pub target: u32,
    pub further_to_choose: u32,
}

/// The renewals screen of a body for the cycle starting in `cycle`.
#[derive(Debug, Clone)]
pub struct RenewalsView {
    pub forum: Forum,
    pub body: BodyRow,
    pub constitution: Constitution,
    pub cycle: i32,
    pub candidates: Vec<RenewalCandidate>,
    pub plan: RotationSummary,
}

/// Who is up for renewal before the cycle `cycle` (default: next year): active regular
/// members of the year before whose term ends by 1 January of `cycle`, each with their
/// engagement record of that year and its evaluation; and the domain's rotation plan.
/// `ManageBodies`.
pub async fn renewals(
    app: &App,
    viewer: &Viewer,
    forum_slug: &str,
    body_slug: &str,
    cycle: Option<i32>,
) -> Result<RenewalsView, ActionError> {
    let cycle = cycle.unwrap_or_else(|| year_of(app.now()) + 1);
    let (from, to) = (year_start(cycle - 1)?, year_start(cycle)?);
    let mut tx = app.db().read().await?;
    let ctx = managed(&mut tx, viewer, forum_slug, body_slug).await?;
    let rows = q::memberships_between(&mut tx, ctx.body.id, from, to).await?;
    let records = q::engagement_of_body(&mut tx, ctx.body.id, i64::from(cycle - 1)).await?;
    let mut active = Vec::new();
    let mut candidates = Vec::new();
    let limit = ctx.constitution.rules().term.max_consecutive_terms;
    for row in &rows {
        let membership = to_membership(row)?;
        if !membership.is_active() || membership.seat != SeatKind::Regular {
            continue;
        }
        active.push((membership.clone(), row.row.display_name.clone()));
        let Some(end) = membership.end.filter(|end| *end <= to) else {
            continue;
        };
        let renewed = q::membership_starting(&mut tx, ctx.body.id, membership.person, end)
            .await?
            .is_some();
        let record = records.iter().find(|r| r.membership == row.row.membership);
        candidates.push(RenewalCandidate {
            seat: seat_entry(row, record, &ctx.constitution)?,
            term_limited: limit.is_some_and(|max| membership.term_number >= max),
            renewed,
        });
    }
    tx.commit().await?;
    let memberships: Vec<Membership> = active.iter().map(|(m, _)| m.clone()).collect();
    let plan = rotation_plan(&ctx.constitution, &memberships);
    let must_leave = plan
        .must_leave
        .iter()
        .filter_map(|p| {
            active
                .iter()
                .find(|(m, _)| m.person == *p)
                .map(|(_, n)| n.clone())
        })
        .collect();
    Ok(RenewalsView {
        forum: ctx.forum,
        body: ctx.body,
        constitution: ctx.constitution,
        cycle,
        candidates,
        plan: RotationSummary {
            must_leave,
            target: plan.target,
            further_to_choose: plan.further_to_choose,
        },
    })
}

/// An engagement record as entered by the secretariat.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EngagementInput {
    pub meetings_attended: u32,
    pub meetings_held: u32,
    pub reviews_done: u32,
    pub reviews_assigned: u32,
    pub working_groups: u32,
    pub note: String,
}

impl EngagementInput {
    fn check(&self) -> Result<(), FieldError> {
        if self.meetings_attended > self.meetings_held {
            return Err(FieldError::new(
                "meetings_attended",
                "more_than_held",
                format!(
                    "{} meetings attended out of {} held",
                    self.meetings_attended, self.meetings_held
                ),
            ));
        }
        if self.reviews_done > self.reviews_assigned {
            return Err(FieldError::new(
                "reviews_done",
                "more_than_assigned",
                format!(
                    "{} reviews done out of {} assigned",
                    self.reviews_done, self.reviews_assigned
                ),
            ));
        }
        if self.note.chars().count() > 2000 {
            return Err(FieldError::new("note", "length", "at most 2000 characters"));
        }
        Ok(())
    }
}

/// Records (or corrects) what a member did in `cycle_year`, a year in which the membership
/// was in force. `ManageBodies`; audited with before and after. Returns the evaluation.
pub async fn record_engagement(
    app: &App,
    viewer: &Viewer,
    forum_slug: &str,
    body_slug: &str,
    membership: i64,
    cycle_year: i32,
    input: &EngagementInput,
) -> Result<Engagement, ActionError> {
    let work = async |tx: &mut Tx, actor: &Actor, ctx: &Managed, now| {
        engagement_in_tx(tx, actor, ctx, membership, cycle_year, input, now).await
    };
    as_manager(app, viewer, forum_slug, body_slug, work).await
}

async fn engagement_in_tx(
    tx: &mut Tx,
    actor: &Actor,
    ctx: &Managed,
    membership: i64,
    cycle_year: i32,
    input: &EngagementInput,
    now: Timestamp,
) -> Result<Engagement, ActionError> {
    input.check()?;
    let seat = seat_of(tx, ctx, membership).await?;
    let (from, to) = (year_start(cycle_year)?, year_start(cycle_year + 1)?);
    if seat.row.starts_at >= to || seat.row.ends_at.is_some_and(|end| end <= from) {
        return Err(FieldError::new(
            "cycle",
            "not_in_term",
            format!("the membership was not in force in {cycle_year}"),
        )
        .into());
    }
    let before = q::engagement_of_membership(tx, membership, i64::from(cycle_year)).await?;
    let row = EngagementRow {
        membership,
        cycle_year: i64::from(cycle_year),
        meetings_attended: i64::from(input.meetings_attended),
        meetings_held: i64::from(input.meetings_held),
        reviews_done: i64::from(input.reviews_done),
        reviews_assigned: i64::from(input.reviews_assigned),
        working_groups: i64::from(input.working_groups),
        note: input.note.trim().to_owned(),
        recorded_by: actor.label(),
        recorded_at: now,
    };
    q::upsert_engagement(tx, &row).await?;
    audit::record(
        tx,
        actor,
        AuditEntry {
            forum: Some(ctx.forum.id),
            action: "engagement.record",
            entity_type: "membership",
            entity_id: membership.to_string(),
            before: before.as_ref().map(|b| engagement_json(b).to_string()),
            after: Some(engagement_json(&row).to_string()),
        },
        now,
    )
    .await?;
    Ok(engagement_of(&row, &ctx.constitution))
}

/// Renews a regular member for the next term: the domain's `renew` decides (refused at the
/// term limit, after the term, or when the engagement record of the term's year does not
/// meet the policy). An `override_reason` lets the secretariat renew despite a missing or
/// unsatisfactory engagement record (never past the term limit); it is kept in the audit
/// trail. Creates the next-term membership (term + 1, state renewed) and returns its id.
/// `ManageBodies`.
pub async fn renew_membership(
    app: &App,
    viewer: &Viewer,
    forum_slug: &str,
    body_slug: &str,
    membership: i64,
    override_reason: Option<&str>,
) -> Result<i64, ActionError> {
    let now = app.now();
    let mut tx = app.db().begin().await?;
    let ctx = managed(&mut tx, viewer, forum_slug, body_slug).await?;
    let seat = seat_of(&mut tx, &ctx, membership).await?;
    let current = to_membership(&seat)?;
    let term_year = year_of(current.start);
    let override_reason = override_reason.map(str::trim).filter(|r| !r.is_empty());
    let stored = q::engagement_of_membership(&mut tx, membership, i64::from(term_year)).await?;
    // With an override, the secretariat's reason stands in for the engagement evaluation:
    // an empty record (nothing held, nothing assigned) meets any policy, every other rule stays.
    let waived = EngagementRecord {
        meetings_attended: 0,
        meetings_held: 0,
        reviews_done: 0,
        reviews_assigned: 0,
        working_groups: 0,
        note: String::new(),
    };
    let record = match (&stored, override_reason) {
        (_, Some(_)) => waived,
        (Some(row), None) => to_record(row),
        (None, None) => {
            return Err(ActionError::Rule {
                code: "engagement_missing",
                message: format!(
                    "no engagement record for {term_year}: record the member's engagement first, or give an override reason"
                ),
            });
        }
    };
    let next = renew(&current, &record, &ctx.constitution, now).map_err(|e| membership_rule(&e))?;
    if q::membership_starting(&mut tx, ctx.body.id, next.person, next.start)
        .await?
        .is_some()
    {
        return Err(ActionError::Conflict(format!(
            "{} is already a member from {}",
            seat.row.display_name,
            next.start.to_display_utc()
        )));
    }
    let seat_code = seat_kind_code(&next.seat);
    let id = q::insert_membership(
        &mut tx,
        &NewMembership {
            body: ctx.body.id,
            person: next.person,
            seat_kind: &seat_code,
            stakeholder_group: &next.stakeholder_group,
            country_iso2: seat.row.country_iso2.as_deref(),
            gender: &seat.row.gender,
            term_number: i64::from(next.term_number),
            starts_at: next.start,
            ends_at: next.end,
            state: state_code(next.state),
        },
        now,
    )
    .await?;
    audit::record(
        &mut tx,
        &viewer.actor(),
        AuditEntry {
            forum: Some(ctx.forum.id),
            action: "membership.renew",
            entity_type: "membership",
            entity_id: membership.to_string(),
            before: Some(seat_json(&seat).to_string()),
            after: Some(
                json!({
                    "membership": id, "person": next.person.0, "term": next.term_number, "state": state_code(next.state),
                    "starts_at": next.start.to_rfc3339_seconds(), "ends_at": next.end.map(Timestamp::to_rfc3339_seconds),
                    "engagement": stored.as_ref().map(engagement_json), "override_reason": override_reason,
                })
                .to_string(),
            ),
        },
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(id)
}

/// Stores a transition the domain allowed and audits it.
#[expect(
    clippy::too_many_arguments,
    reason = "the transition's before, after and notice, and who did it when"
)]
async fn store_transition(
    tx: &mut Tx,
    actor: &Actor,
    ctx: &Managed,
    before: &SeatRow,
    after: &Membership,
    notice_at: Option<Timestamp>,
    action: &'static str,
    now: Timestamp,
) -> Result<(), ActionError> {
    q::update_membership_state(
        tx,
        before.row.membership,
        state_code(after.state),
        after.end,
        notice_at,
    )
    .await?;
    let mut updated = before.clone();
    updated.row.state = state_code(after.state).to_owned();
    updated.row.ends_at = after.end;
    updated.notice_at = notice_at;
    audit::record(
        tx,
        actor,
        AuditEntry {
            forum: Some(ctx.forum.id),
            action,
            entity_type: "membership",
            entity_id: before.row.membership.to_string(),
            before: Some(seat_json(before).to_string()),
            after: Some(seat_json(&updated).to_string()),
        },
        now,
    )
    .await
}

/// Records a member's resignation by written notice received at `notice_received_at`
/// (the domain's `resign`: the notice must be dated by now). The seat stays empty until the
/// end of the cycle and is refilled from the same stakeholder group: returns that vacancy.
/// `ManageBodies`; audited.
pub async fn resign_membership(
    app: &App,
    viewer: &Viewer,
    forum_slug: &str,
    body_slug: &str,
    membership: i64,
    notice_received_at: Timestamp,
    channel: NoticeChannel,
) -> Result<Vacancy, ActionError> {
    let work = async |tx: &mut Tx, actor: &Actor, ctx: &Managed, now| {
        resign_in_tx(tx, actor, ctx, membership, notice_received_at, channel, now).await
    };
    as_manager(app, viewer, forum_slug, body_slug, work).await
}

async fn resign_in_tx(
    tx: &mut Tx,
    actor: &Actor,
    ctx: &Managed,
    membership: i64,
    notice_received_at: Timestamp,
    channel: NoticeChannel,
    now: Timestamp,
) -> Result<Vacancy, ActionError> {
    let seat = seat_of(tx, ctx, membership).await?;
    let current = to_membership(&seat)?;
    let notice = WrittenNotice {
        from: current.person,
        received_at: notice_received_at,
        channel,
    };
    let after = resign(&current, notice, now).map_err(|e| membership_rule(&e))?;
    store_transition(
        tx,
        actor,
        ctx,
        &seat,
        &after,
        Some(notice_received_at),
        "membership.resign",
        now,
    )
    .await?;
    let mut resigned = seat.clone();
    resigned.row.state = state_code(after.state).to_owned();
    resigned.row.ends_at = after.end;
    let cycle_end = year_start(year_of(now) + 1)?;
    vacancy_of(&resigned, cycle_end)?
        .ok_or_else(|| ActionError::Internal(anyhow::anyhow!("resigned without a vacancy")))
}

/// Ends a membership whose term is over (the domain's `end_term`). `ManageBodies`; audited.
pub async fn end_membership(
    app: &App,
    viewer: &Viewer,
    forum_slug: &str,
    body_slug: &str,
    membership: i64,
) -> Result<(), ActionError> {
    close_membership(
        app,
        viewer,
        forum_slug,
        body_slug,
        membership,
        "membership.end",
        end_term,
    )
    .await
}

/// Takes a member off the body in the yearly rotation ("do not renew"): effective at the
/// end of the current term if it is still ahead, otherwise now (the domain's `rotate_out`).
/// `ManageBodies`; audited.
pub async fn rotate_out_membership(
    app: &App,
    viewer: &Viewer,
    forum_slug: &str,
    body_slug: &str,
    membership: i64,
) -> Result<(), ActionError> {
    let rotate = |current: &Membership, now: Timestamp| {
        let effective = current.end.filter(|end| *end > now).unwrap_or(now);
        rotate_out(current, effective)
    };
    let action = "membership.rotate_out";
    close_membership(
        app, viewer, forum_slug, body_slug, membership, action, rotate,
    )
    .await
}

/// Applies the domain's `transition` (given the membership and now) to the membership and
/// stores it with the notice date it had, audited as `action`, in one transaction.
async fn close_membership(
    app: &App,
    viewer: &Viewer,
    forum_slug: &str,
    body_slug: &str,
    membership: i64,
    action: &'static str,
    transition: impl FnOnce(&Membership, Timestamp) -> Result<Membership, MembershipError>,
) -> Result<(), ActionError> {
    let work = async |tx: &mut Tx, actor: &Actor, ctx: &Managed, now| {
        let seat = seat_of(tx, ctx, membership).await?;
        let after = transition(&to_membership(&seat)?, now).map_err(|e| membership_rule(&e))?;
        let notice_at = seat.notice_at;
        store_transition(tx, actor, ctx, &seat, &after, notice_at, action, now).await
    };
    as_manager(app, viewer, forum_slug, body_slug, work).await
}

/// Records `person` as the body's `office` holder for `year`. When the constitution elects
/// its officers, the domain's `check_officer_rotation` decides (members only, one office per
/// person and year, no one in the same office two years running when holders rotate,
/// rotation across stakeholder groups); when the chair is appointed, the
/// appointment is recorded as given, one holder per office and year. `ManageBodies`; audited.
pub async fn record_officer(
    app: &App,
    viewer: &Viewer,
    forum_slug: &str,
    body_slug: &str,
    year: i32,
    office: Office,
    person: PersonId,
) -> Result<i64, ActionError> {
    let work = async |tx: &mut Tx, actor: &Actor, ctx: &Managed, now| {
        officer_in_tx(tx, actor, ctx, year, office, person, now).await
    };
    as_manager(app, viewer, forum_slug, body_slug, work).await
}

async fn officer_in_tx(
    tx: &mut Tx,
    actor: &Actor,
    ctx: &Managed,
    year: i32,
    office: Office,
    person: PersonId,
    now: Timestamp,
) -> Result<i64, ActionError> {
    let (from, to) = (year_start(year)?, year_start(year + 1)?);
    let members = q::memberships_between(tx, ctx.body.id, from, to).await?;
    let membership = members.iter().find(|m| {
        m.row.person == person && matches!(m.row.state.as_str(), "appointed" | "renewed")
    });
    let stakeholder_group = membership
        .map(|m| m.row.stakeholder_group.clone())
        .unwrap_or_default();
    let history: Vec<OfficerTerm> = officers_in(tx, ctx.body.id)
        .await?
        .into_iter()
        .map(|o| OfficerTerm {
            person: o.person,
            office: o.office,
            stakeholder_group: o.stakeholder_group,
            year: o.year,
        })
        .collect();
    let rules = ctx.constitution.rules();
    match rules.chair {
        ChairRule::ElectedAnnually { .. } => {
            let candidate = OfficerCandidate {
                person,
                office,
                stakeholder_group: stakeholder_group.clone(),
                is_member: membership.is_some(),
                year,
            };
            check_officer_rotation(&ctx.constitution, &history, &candidate).map_err(|e| {
                // The domain knows people by id; the secretariat knows them by name.
                let mut refused = rotation_rule(&e);
                if let (ActionError::Rule { message, .. }, Some(m)) = (&mut refused, membership) {
                    *message = message.replacen(
                        &format!("person {person}"),
                        &format!("{} (person {person})", m.row.display_name),
                        1,
                    );
                }
                refused
            })?;
        }
        ChairRule::Appointed => {
            // The appointed chair holds a seat (the MAG chair's ex officio seat): the
            // person must be on the body that year, which also proves the person exists.
            if membership.is_none() {
                return Err(FieldError::new(
                    "person",
                    "not_a_member",
                    format!("person {person} holds no seat of this body in {year}"),
                )
                .into());
            }
            if office == Office::ViceChair && !rules.vice_chair {
                return Err(rotation_rule(&RotationError::NoViceChair));
            }
            if history.iter().any(|t| t.office == office && t.year == year) {
                return Err(rotation_rule(&RotationError::OfficeFilled { office, year }));
            }
        }
    }
    let name = membership.map(|m| m.row.display_name.clone());
    let id = q::insert_officer(
        tx,
        ctx.body.id,
        person,
        office_code(office),
        i64::from(year),
        &stakeholder_group,
        &actor.label(),
        now,
    )
    .await?;
    audit::record(
        tx,
        actor,
        AuditEntry {
            forum: Some(ctx.forum.id),
            action: "officer.record",
            entity_type: "body",
            entity_id: ctx.body.id.to_string(),
            before: None,
            after: Some(
                json!({"office": office_code(office), "year": year, "person": person.0, "name": name,
                       "stakeholder_group": stakeholder_group, "chair_rule": if matches!(rules.chair, ChairRule::Appointed) { "appointed" } else { "elected" }})
                .to_string(),
            ),
        },
        now,
    )
    .await?;
    Ok(id)
}

/// What the demo loader records for a body in one transaction, as an operator.
#[derive(Debug, Clone, Default)]
pub struct DemoSeatWork {
    /// (membership, cycle year, record)
    pub engagement: Vec<(i64, i32, EngagementInput)>,
    /// (membership, written notice received at)
    pub resignations: Vec<(i64, Timestamp)>,
    /// (year, office, person)
    pub officers: Vec<(i32, Office, PersonId)>,
}

/// Records engagement, resignations and officers for a body as an operator (the demo
/// loader), through the same rules as the secretariat's actions, in one transaction.
pub async fn record_as_operator(
    app: &App,
    actor: &Actor,
    forum_slug: &str,
    body_slug: &str,
    work: &DemoSeatWork,
) -> Result<(), ActionError> {
    let now = app.now();
    let mut tx = app.db().begin().await?;
    let ctx = operated(&mut tx, forum_slug, body_slug).await?;
    for (membership, year, input) in &work.engagement {
        engagement_in_tx(&mut tx, actor, &ctx, *membership, *year, input, now).await?;
    }
    for (membership, notice) in &work.resignations {
        resign_in_tx(
            &mut tx,
            actor,
            &ctx,
            *membership,
            *notice,
            NoticeChannel::Email,
            now,
        )
        .await?;
    }
    for (year, office, person) in &work.officers {
        officer_in_tx(&mut tx, actor, &ctx, *year, *office, *person, now).await?;
    }
    tx.commit().await?;
    Ok(())
}

#[cfg(test)]
mod tests;
