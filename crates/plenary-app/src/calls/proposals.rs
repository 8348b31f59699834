//! Session proposals: drafting, submitting (screened at once, with a receipt by mail),
//! editing until the deadline, withdrawing; the proposer's dashboard; the public list of
//! received proposals; the secretariat's list with filters.
//!
//! Main items: `ProposalInput` (the form as typed), `new_draft`, `update`, `submit`,
//! `withdraw`, `proposal` (one proposal: its owner or the secretariat), `dashboard`,
//! `received` (public when the cycle publishes received proposals), `manage_list`
//! (secretariat). Invariants: every change is refused after the cycle's deadline, with the
//! deadline shown in the proposer's time zone; text is stored as typed; a submitted
//! proposal is screened again whenever it changes; every change is audited.

use std::collections::BTreeMap;

use plenary_db::Tx;
use plenary_db::calls::proposals::{self as q, PersonRow, ProposalContent, ProposalRow};
use plenary_domain::audit::{Actor, AuditEntry};
use plenary_domain::calls::{
    Confirmation, PersonRole, ProposalDraft, ProposalError, ProposalPerson, ProposalStatus,
    check_change, check_proposal,
};
use plenary_domain::countries::UnRegionalGroup;
use plenary_domain::forums::Forum;
use plenary_domain::permissions::{Permission, Principal, authorize};
use plenary_domain::{FieldError, Timestamp};
use serde::{Deserialize, Serialize};
use serde_json::json;

use super::cycles::{self, Cycle};
use super::screening;
use crate::accounts::Viewer;
use crate::mail::OutgoingMail;
use crate::{ActionError, App, audit, forums, jobs};

/// One person on the form, as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PersonInput {
    /// `organiser`, `speaker`, `moderator`, `online_moderator` or `rapporteur`.
    pub role: String,
    pub name: String,
    pub email: String,
    pub organisation: String,
    /// A stakeholder-group code of the forum.
    pub stakeholder_group: String,
    /// ISO alpha-2; must be a known country.
    pub country_iso2: String,
    pub gender: String,
    pub onsite: bool,
    /// `invited`, `provisional` or `confirmed`.
    pub confirmation: String,
}

/// The proposal form as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ProposalInput {
    pub session_type: String,
    pub title: String,
    pub issue_area: String,
    pub format: String,
    /// Minutes as typed (empty: not chosen yet).
    pub duration_min: String,
    pub description: String,
    pub policy_questions: String,
    pub interaction_plan: String,
    pub online_plan: String,
    pub expected_outcomes: String,
    pub previous_reports: String,
    pub messages_link: String,
    /// Language code of the proposal (`en`); empty: `en`.
    pub language: String,
    /// IANA time zone the proposer reads deadlines in; empty: the venue's.
    pub proposer_time_zone: String,
    /// The submitter's own organisation, stakeholder group and country.
    pub submitter_organisation: String,
    pub submitter_stakeholder_group: String,
    pub submitter_country_iso2: String,
    pub people: Vec<PersonInput>,
}

/// Where a proposal stands in stage-1 screening.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ScreeningStatus {
    /// Not screened yet (a draft, or the rules changed since).
    Pending,
    Pass,
    Fail,
}

impl ScreeningStatus {
    pub fn code(self) -> &'static str {
        match self {
            ScreeningStatus::Pending => "pending",
            ScreeningStatus::Pass => "pass",
            ScreeningStatus::Fail => "fail",
        }
    }

    pub fn parse(raw: &str) -> Option<ScreeningStatus> {
        match raw.trim() {
            "pending" => Some(ScreeningStatus::Pending),
            "pass" => Some(ScreeningStatus::Pass),
            "fail" => Some(ScreeningStatus::Fail),
            _ => None,
        }
    }
}

/// One rule's outcome as stored and shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutcomeView {
    pub rule: String,
    /// `pass`, `fail` or `not_applicable`.
    pub verdict: String,
    pub explanation: String,
    pub reason: String,
}

/// A proposal's screening as stored, with the secretariat's override if any.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScreeningView {
    /// What the rules decided.
    pub computed: ScreeningStatus,
    pub outcomes: Vec<OutcomeView>,
    pub screened_at: Option<Timestamp>,
    /// The secretariat's decision, if it overrode the rules.
    pub override_status: Option<ScreeningStatus>,
    pub override_reason: String,
    pub override_by: String,
}

impl ScreeningView {
    /// The status that counts: the override if any, else the computed one.
    pub fn effective(&self) -> ScreeningStatus {
        self.override_status.unwrap_or(self.computed)
    }
}

/// One proposal as its owner or the secretariat sees it.
#[derive(Debug, Clone)]
pub struct ProposalView {
    pub id: i64,
    /// The number shown publicly (`#123`), per cycle.
    pub number: i64,
    pub cycle_year: i32,
    pub status: ProposalStatus,
    pub session_type: String,
    pub session_type_name: String,
    pub title: String,
    pub issue_area: String,
    pub issue_area_name: String,
    pub format: String,
    pub duration_min: u32,
    pub description: String,
    pub policy_questions: String,
    pub interaction_plan: String,
    pub online_plan: String,
    pub expected_outcomes: String,
    pub previous_reports: String,
    pub messages_link: String,
    pub language: String,
    pub proposer_time_zone: String,
    pub submitter_name: String,
    pub submitter_email: String,
    pub submitter_organisation: String,
    pub submitter_stakeholder_group: String,
    pub submitter_country_iso2: String,
    pub people: Vec<ProposalPerson>,
    pub screening: ScreeningView,
    pub created_at: Timestamp,
    pub submitted_at: Option<Timestamp>,
    pub updated_at: Timestamp,
    /// The call is open and the proposal not withdrawn: the owner may still change it.
    pub can_edit: bool,
    /// The deadline in the proposer's time zone (`24 May 2026, 23:59 (Asia/Tokyo)`).
    pub deadline_shown: String,
    /// The viewer is the secretariat (may override screening).
    pub can_manage: bool,
}

/// The proposer's dashboard for one cycle.
#[derive(Debug, Clone)]
pub struct Dashboard {
    pub forum: Forum,
    pub cycle_year: i32,
    pub call_open: bool,
    pub deadline_shown: String,
    /// The viewer's proposals, newest first.
    pub proposals: Vec<ProposalView>,
}

/// Filters of the secretariat's list (every field optional; empty means any).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ListFilter {
    pub session_type: String,
    pub issue_area: String,
    /// `pending`, `pass` or `fail` (effective status).
    pub screening: String,
    /// `draft`, `submitted` or `withdrawn`; empty: submitted only.
    pub status: String,
    /// UN regional group code of the submitter.
    pub region: String,
    /// Stakeholder-group code of the submitter.
    pub stakeholder_group: String,
    /// Words in the title (case-insensitive).
    pub text: String,
}

/// One line of a list of proposals.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProposalLine {
    pub id: i64,
    pub number: i64,
    pub status: ProposalStatus,
    pub session_type: String,
    pub title: String,
    pub issue_area: String,
    pub submitter_organisation: String,
    pub submitter_stakeholder_group: String,
    pub submitter_region: String,
    /// Effective screening status.
    pub screening: ScreeningStatus,
    pub overridden: bool,
    /// Reasons of the failing rules.
    pub reasons: Vec<String>,
    pub submitted_at: Option<Timestamp>,
}

/// A list of proposals with counts for the filters.
#[derive(Debug, Clone)]
pub struct ProposalList {
    pub forum: Forum,
    pub cycle_year: i32,
    pub lines: Vec<ProposalLine>,
    /// Proposals matching before the page limit.
    pub total: usize,
    pub can_manage: bool,
}

// ---------------------------------------------------------------------------------------------
// Time zones and deadlines
// ---------------------------------------------------------------------------------------------

/// Checks that `raw` names a real IANA time zone (`Asia/Tokyo`).
pub fn check_time_zone(raw: &str) -> Result<(), FieldError> {
    if cycles::is_time_zone(raw) {
        Ok(())
    } else {
        Err(FieldError::new(
            "proposer_time_zone",
            "unknown_time_zone",
            format!("{raw:?} is not a time zone (use a name such as Asia/Tokyo)"),
        ))
    }
}

/// `at` as a proposer reads it: `24 May 2026, 23:59 (Asia/Tokyo)`. An unknown zone falls
/// back to UTC.
pub fn show_in_zone(at: Timestamp, zone: &str) -> String {
    let zone = zone.trim();
    let (shown, name) = match cycles::zoned(at, zone) {
        Some(z) if !zone.is_empty() => (z, zone),
        _ => match cycles::zoned(at, "UTC") {
            Some(z) => (z, "UTC"),
            None => return at.to_display_utc(),
        },
    };
    format!("{} ({name})", shown.strftime("%-d %B %Y, %H:%M"))
}

/// The zone a proposal's deadline is shown in: the proposer's, else the venue's.
fn zone_of<'a>(proposer_zone: &'a str, cycle: &'a Cycle) -> &'a str {
    if proposer_zone.trim().is_empty() {
        &cycle.setup.venue_time_zone
    } else {
        proposer_zone.trim()
    }
}

fn rule_error(err: &ProposalError) -> ActionError {
    let code = match err {
        ProposalError::CallClosed { .. } => "call_closed",
        ProposalError::CallNotOpen { .. } => "call_not_open",
        ProposalError::Withdrawn => "withdrawn",
        ProposalError::TypeNotOpen(_) => "type_not_open",
    };
    ActionError::Rule {
        code,
        message: err.to_string(),
    }
}

/// Refuses a change after the deadline (or before the call opens, or of a withdrawn
/// proposal), naming the deadline in `zone`.
fn check_open(
    cycle: &Cycle,
    status: ProposalStatus,
    now: Timestamp,
    zone: &str,
) -> Result<(), ActionError> {
    check_change(&cycle.setup, status, now, |t| show_in_zone(t, zone)).map_err(|e| rule_error(&e))
}

// ---------------------------------------------------------------------------------------------
// The form, checked
// ---------------------------------------------------------------------------------------------

/// Each known country's UN regional group, by ISO alpha-2 (what `check_form` takes).
pub async fn country_regions(
    tx: &mut Tx,
) -> Result<BTreeMap<String, UnRegionalGroup>, ActionError> {
    Ok(plenary_db::countries::all_countries(tx)
        .await?
        .into_iter()
        .map(|c| (c.iso2, c.un_regional_group))
        .collect())
}

/// A form that passed every check: the domain draft and what is stored.
struct Checked {
    content: ProposalContent,
    people: Vec<PersonRow>,
}

fn person_error(code: &'static str, n: usize, name: &str, problem: &str) -> FieldError {
    let who = if name.trim().is_empty() {
        format!("person {n}")
    } else {
        format!("person {n} ({})", name.trim())
    };
    FieldError::new("people", code, format!("{who}: {problem}"))
}

fn check_person(
    n: usize,
    p: &PersonInput,
    regions: &BTreeMap<String, UnRegionalGroup>,
) -> Result<ProposalPerson, FieldError> {
    let role =
        PersonRole::parse(&p.role).map_err(|e| person_error(e.code, n, &p.name, &e.problem))?;
    let confirmation = if p.confirmation.trim().is_empty() {
        Confirmation::Invited
    } else {
        Confirmation::parse(&p.confirmation)
            .map_err(|e| person_error(e.code, n, &p.name, &e.problem))?
    };
    let country = p.country_iso2.trim().to_uppercase();
    if country.is_empty() {
        return Err(person_error(
            "country_required",
            n,
            &p.name,
            "choose a country",
        ));
    }
    let Some(region) = regions.get(&country).copied() else {
        return Err(person_error(
            "unknown_country",
            n,
            &p.name,
            &format!("{:?} is not a known country code", p.country_iso2.trim()),
        ));
    };
    Ok(ProposalPerson {
        role,
        name: p.name.trim().to_owned(),
        email: p.email.trim().to_owned(),
        organisation: p.organisation.trim().to_owned(),
        stakeholder_group: p.stakeholder_group.trim().to_owned(),
        country_iso2: country,
        region,
        gender: p.gender.trim().to_owned(),
        onsite: p.onsite,
        confirmation,
    })
}

fn parse_duration(raw: &str) -> Result<u32, FieldError> {
    let raw = raw.trim().trim_end_matches("min").trim();
    if raw.is_empty() {
        return Ok(0);
    }
    raw.parse().map_err(|_| {
        FieldError::new(
            "duration_min",
            "bad_duration",
            format!("{raw:?} is not a number of minutes"),
        )
    })
}

/// Every problem with a form at once (the actions stop at the first): the time zone, the
/// duration, each person, `check_proposal` on the rest, the submitter's country and
/// lengths. Empty when the form would be accepted as far as its content goes.
pub fn all_problems(
    cycle: &Cycle,
    regions: &BTreeMap<String, UnRegionalGroup>,
    input: &ProposalInput,
) -> Vec<FieldError> {
    let mut problems = Vec::new();
    let zone = input.proposer_time_zone.trim();
    if !zone.is_empty()
        && let Err(e) = check_time_zone(zone)
    {
        problems.push(e);
    }
    let duration_min = parse_duration(&input.duration_min).unwrap_or_else(|e| {
        problems.push(e);
        0
    });
    let mut people = Vec::new();
    for (i, p) in input.people.iter().enumerate() {
        match check_person(i + 1, p, regions) {
            Ok(person) => people.push(person),
            Err(e) => problems.push(e),
        }
    }
    let draft = draft_of(input, duration_min, people);
    problems.extend(check_proposal(&cycle.setup, &draft));
    if problems.is_empty()
        && let Err(ActionError::Invalid(e)) = check_input(cycle, regions, input)
    {
        problems.push(e);
    }
    problems
}

/// `all_problems` for a form sent to the forum's cycle of `year` (anyone signed in).
pub async fn form_problems(
    app: &App,
    viewer: &Viewer,
    forum_slug: &str,
    year: i32,
    input: &ProposalInput,
) -> Result<Vec<FieldError>, ActionError> {
    viewer.require_account()?;
    let mut tx = app.db().read().await?;
    let ctx = call_context(&mut tx, viewer, forum_slug, year).await?;
    let regions = country_regions(&mut tx).await?;
    tx.commit().await?;
    Ok(all_problems(&ctx.cycle, &regions, input))
}

/// Checks a form against the cycle and returns what is stored (`plenary_db::calls::proposals`
/// `ProposalContent` and people): for an import, which reports the row of the first error and
/// then stores every row with `insert_proposals` in one transaction.
pub fn check_form(
    cycle: &Cycle,
    regions: &BTreeMap<String, UnRegionalGroup>,
    input: &ProposalInput,
) -> Result<(ProposalContent, Vec<PersonRow>), ActionError> {
    let checked = check_input(cycle, regions, input)?;
    Ok((checked.content, checked.people))
}

/// Checks a form against the cycle: people and countries, the duration, the time zone,
/// `check_proposal`, and that the session type is open. Text is kept as typed.
fn check_input(
    cycle: &Cycle,
    regions: &BTreeMap<String, UnRegionalGroup>,
    input: &ProposalInput,
) -> Result<Checked, ActionError> {
    let setup = &cycle.setup;
    let zone = input.proposer_time_zone.trim();
    if !zone.is_empty() {
        check_time_zone(zone)?;
    }
    let duration_min = parse_duration(&input.duration_min)?;
    let people = input
        .people
        .iter()
        .enumerate()
        .map(|(i, p)| check_person(i + 1, p, regions))
        .collect::<Result<Vec<_>, _>>()?;
    let draft = draft_of(input, duration_min, people);
    if let Some(first) = check_proposal(setup, &draft).into_iter().next() {
        return Err(first.into());
    }
    if let Some(kind) = setup.session_type(&draft.session_type)
        && !kind.open
    {
        return Err(rule_error(&ProposalError::TypeNotOpen(kind.code.clone())));
    }
    let submitter_country = input.submitter_country_iso2.trim().to_uppercase();
    let submitter_region = if submitter_country.is_empty() {
        UnRegionalGroup::None
    } else {
        regions.get(&submitter_country).copied().ok_or_else(|| {
            FieldError::new(
                "submitter_country_iso2",
                "unknown_country",
                format!(
                    "{:?} is not a known country code",
                    input.submitter_country_iso2.trim()
                ),
            )
        })?
    };
    for (field, value) in [
        ("submitter_organisation", &input.submitter_organisation),
        (
            "submitter_stakeholder_group",
            &input.submitter_stakeholder_group,
        ),
    ] {
        if value.chars().count() > plenary_domain::calls::MAX_SHORT {
            return Err(FieldError::new(
                field,
                "too_long",
                format!("at most {} characters", plenary_domain::calls::MAX_SHORT),
            )
            .into());
        }
    }
    let content = content_of(
        &draft,
        zone,
        Submitter {
            organisation: input.submitter_organisation.trim(),
            stakeholder_group: input.submitter_stakeholder_group.trim(),
            country_iso2: &submitter_country,
            region: submitter_region,
        },
    );
    let people = draft.people.iter().map(person_row).collect();
    Ok(Checked { content, people })
}

/// Who submits a proposal, as stored beside its content.
#[derive(Clone, Copy)]
pub(crate) struct Submitter<'a> {
    pub organisation: &'a str,
    pub stakeholder_group: &'a str,
    pub country_iso2: &'a str,
    pub region: UnRegionalGroup,
}

/// A checked draft as stored (`plenary_db::calls::proposals::ProposalContent`).
pub(crate) fn content_of(
    draft: &ProposalDraft,
    zone: &str,
    submitter: Submitter<'_>,
) -> ProposalContent {
    ProposalContent {
        session_type: draft.session_type.clone(),
        title: draft.title.clone(),
        issue_area: draft.issue_area.clone(),
        format: draft.format.clone(),
        duration_min: i64::from(draft.duration_min),
        description: draft.description.clone(),
        policy_questions: draft.policy_questions.clone(),
        interaction_plan: draft.interaction_plan.clone(),
        online_plan: draft.online_plan.clone(),
        expected_outcomes: draft.expected_outcomes.clone(),
        previous_reports: draft.previous_reports.clone(),
        messages_link: draft.messages_link.clone(),
        language: draft.language.clone(),
        proposer_time_zone: zone.to_owned(),
        submitter_organisation: submitter.organisation.to_owned(),
        submitter_stakeholder_group: submitter.stakeholder_group.to_owned(),
        submitter_country_iso2: submitter.country_iso2.to_owned(),
        submitter_region: submitter.region.code().to_owned(),
    }
}

/// The draft a form describes, with its parsed duration and checked people.
fn draft_of(
    input: &ProposalInput,
    duration_min: u32,
    people: Vec<ProposalPerson>,
) -> ProposalDraft {
    ProposalDraft {
        session_type: input.session_type.trim().to_owned(),
        title: input.title.clone(),
        issue_area: input.issue_area.trim().to_owned(),
        format: input.format.trim().to_owned(),
        duration_min,
        description: input.description.clone(),
        policy_questions: input.policy_questions.clone(),
        interaction_plan: input.interaction_plan.clone(),
        online_plan: input.online_plan.clone(),
        expected_outcomes: input.expected_outcomes.clone(),
        previous_reports: input.previous_reports.clone(),
        messages_link: input.messages_link.clone(),
        language: match input.language.trim() {
            "" => "en".to_owned(),
            l => l.to_lowercase(),
        },
        people,
    }
}

/// A person as stored.
pub fn person_row(p: &ProposalPerson) -> PersonRow {
    PersonRow {
        role: p.role.code().to_owned(),
        name: p.name.clone(),
        email: p.email.clone(),
        organisation: p.organisation.clone(),
        stakeholder_group: p.stakeholder_group.clone(),
        country_iso2: p.country_iso2.clone(),
        gender: p.gender.clone(),
        onsite: p.onsite,
        confirmation: p.confirmation.code().to_owned(),
    }
}

fn corrupt(what: &str, id: i64, err: &FieldError) -> ActionError {
    ActionError::Internal(anyhow::anyhow!("stored proposal {id}: bad {what}: {err}"))
}

/// A stored person in the domain's form (the region from the country list).
fn stored_person(
    id: i64,
    p: &PersonRow,
    regions: &BTreeMap<String, UnRegionalGroup>,
) -> Result<ProposalPerson, ActionError> {
    Ok(ProposalPerson {
        role: PersonRole::parse(&p.role).map_err(|e| corrupt("role", id, &e))?,
        name: p.name.clone(),
        email: p.email.clone(),
        organisation: p.organisation.clone(),
        stakeholder_group: p.stakeholder_group.clone(),
        country_iso2: p.country_iso2.clone(),
        region: regions
            .get(&p.country_iso2)
            .copied()
            .unwrap_or(UnRegionalGroup::None),
        gender: p.gender.clone(),
        onsite: p.onsite,
        confirmation: Confirmation::parse(&p.confirmation)
            .map_err(|e| corrupt("confirmation", id, &e))?,
    })
}

/// A stored proposal as the domain screens it.
pub(crate) fn stored_draft(
    row: &ProposalRow,
    regions: &BTreeMap<String, UnRegionalGroup>,
) -> Result<ProposalDraft, ActionError> {
    let c = &row.content;
    Ok(ProposalDraft {
        session_type: c.session_type.clone(),
        title: c.title.clone(),
        issue_area: c.issue_area.clone(),
        format: c.format.clone(),
        duration_min: u32::try_from(c.duration_min).unwrap_or(0),
        description: c.description.clone(),
        policy_questions: c.policy_questions.clone(),
        interaction_plan: c.interaction_plan.clone(),
        online_plan: c.online_plan.clone(),
        expected_outcomes: c.expected_outcomes.clone(),
        previous_reports: c.previous_reports.clone(),
        messages_link: c.messages_link.clone(),
        language: c.language.clone(),
        people: row
            .people
            .iter()
            .map(|p| stored_person(row.id, p, regions))
            .collect::<Result<_, _>>()?,
    })
}

fn stored_status(row: &ProposalRow) -> Result<ProposalStatus, ActionError> {
    ProposalStatus::parse(&row.status).map_err(|e| corrupt("status", row.id, &e))
}

// ---------------------------------------------------------------------------------------------
// Screening as stored
// ---------------------------------------------------------------------------------------------

/// One rule's outcome in the stored JSON.
#[derive(Debug, Serialize, Deserialize)]
pub(crate) struct StoredOutcome {
    pub rule: String,
    pub verdict: String,
    pub explanation: String,
    pub reason: String,
}

/// The stored JSON of a screening (every rule's outcome).
pub(crate) fn screening_json(outcomes: &[OutcomeView]) -> String {
    let stored: Vec<StoredOutcome> = outcomes
        .iter()
        .map(|o| StoredOutcome {
            rule: o.rule.clone(),
            verdict: o.verdict.clone(),
            explanation: o.explanation.clone(),
            reason: o.reason.clone(),
        })
        .collect();
    serde_json::to_string(&stored).unwrap_or_else(|_| "[]".to_owned())
}

/// The outcomes of a stored screening (empty before any).
pub(crate) fn stored_outcomes(text: &str) -> Vec<OutcomeView> {
    if text.trim().is_empty() {
        return Vec::new();
    }
    serde_json::from_str::<Vec<StoredOutcome>>(text)
        .unwrap_or_default()
        .into_iter()
        .map(|o| OutcomeView {
            rule: o.rule,
            verdict: o.verdict,
            explanation: o.explanation,
            reason: o.reason,
        })
        .collect()
}

fn stored_screening_status(raw: &str) -> ScreeningStatus {
    ScreeningStatus::parse(raw).unwrap_or(ScreeningStatus::Pending)
}

pub(crate) fn screening_view(row: &ProposalRow) -> ScreeningView {
    ScreeningView {
        computed: stored_screening_status(&row.screening_status),
        outcomes: stored_outcomes(&row.screening),
        screened_at: row.screened_at,
        override_status: row
            .override_status
            .as_deref()
            .and_then(ScreeningStatus::parse),
        override_reason: row.override_reason.clone(),
        override_by: row.override_by.clone(),
    }
}

/// One line of a list (with the screening reasons of the failing rules).
pub(crate) fn line_of(row: &ProposalRow) -> ProposalLine {
    let screening = screening_view(row);
    ProposalLine {
        id: row.id,
        number: row.number,
        status: ProposalStatus::parse(&row.status).unwrap_or(ProposalStatus::Draft),
        session_type: row.content.session_type.clone(),
        title: row.content.title.clone(),
        issue_area: row.content.issue_area.clone(),
        submitter_organisation: row.content.submitter_organisation.clone(),
        submitter_stakeholder_group: row.content.submitter_stakeholder_group.clone(),
        submitter_region: row.content.submitter_region.clone(),
        screening: screening.effective(),
        overridden: screening.override_status.is_some(),
        reasons: screening
            .outcomes
            .iter()
            .filter(|o| o.verdict == "fail")
            .map(|o| o.reason.clone())
            .collect(),
        submitted_at: row.submitted_at,
    }
}

// ---------------------------------------------------------------------------------------------
// Views
// ---------------------------------------------------------------------------------------------

struct CallContext {
    forum: Forum,
    principal: Principal,
    cycle: Cycle,
}

async fn call_context(
    tx: &mut Tx,
    viewer: &Viewer,
    forum_slug: &str,
    year: i32,
) -> Result<CallContext, ActionError> {
    call_context_requiring(tx, viewer, forum_slug, year, Permission::SignedIn).await
}

/// `call_context`, refusing before the cycle is looked up when the viewer lacks
/// `permission` (so a missing cycle never tells an outsider more than "forbidden").
async fn call_context_requiring(
    tx: &mut Tx,
    viewer: &Viewer,
    forum_slug: &str,
    year: i32,
    permission: Permission,
) -> Result<CallContext, ActionError> {
    let (forum, principal) = forums::forum_and_principal(tx, viewer, forum_slug).await?;
    if permission != Permission::SignedIn {
        authorize(&principal, permission)?;
    }
    let cycle = cycles::load(tx, &forum, year).await?;
    Ok(CallContext {
        forum,
        principal,
        cycle,
    })
}

fn can_manage(principal: &Principal) -> bool {
    authorize(principal, Permission::ManageCalls).is_ok()
}

fn view_of(
    row: &ProposalRow,
    cycle: &Cycle,
    regions: &BTreeMap<String, UnRegionalGroup>,
    is_owner: bool,
    can_manage: bool,
    now: Timestamp,
) -> Result<ProposalView, ActionError> {
    let status = stored_status(row)?;
    let setup = &cycle.setup;
    let c = &row.content;
    let draft = stored_draft(row, regions)?;
    Ok(ProposalView {
        id: row.id,
        number: row.number,
        cycle_year: cycle.year,
        status,
        session_type: c.session_type.clone(),
        session_type_name: setup
            .session_type(&c.session_type)
            .map_or_else(|| c.session_type.clone(), |t| t.name.clone()),
        title: c.title.clone(),
        issue_area: c.issue_area.clone(),
        issue_area_name: setup
            .issue_area(&c.issue_area)
            .map_or_else(|| c.issue_area.clone(), |a| a.name.clone()),
        format: c.format.clone(),
        duration_min: draft.duration_min,
        description: c.description.clone(),
        policy_questions: c.policy_questions.clone(),
        interaction_plan: c.interaction_plan.clone(),
        online_plan: c.online_plan.clone(),
        expected_outcomes: c.expected_outcomes.clone(),
        previous_reports: c.previous_reports.clone(),
        messages_link: c.messages_link.clone(),
        language: c.language.clone(),
        proposer_time_zone: c.proposer_time_zone.clone(),
        submitter_name: row.submitter_name.clone(),
        submitter_email: row.submitter_email.clone(),
        submitter_organisation: c.submitter_organisation.clone(),
        submitter_stakeholder_group: c.submitter_stakeholder_group.clone(),
        submitter_country_iso2: c.submitter_country_iso2.clone(),
        people: draft.people,
        screening: screening_view(row),
        created_at: row.created_at,
        submitted_at: row.submitted_at,
        updated_at: row.updated_at,
        can_edit: is_owner && status != ProposalStatus::Withdrawn && setup.dates.call_open_at(now),
        deadline_shown: show_in_zone(
            setup.dates.call_closes,
            zone_of(&c.proposer_time_zone, cycle),
        ),
        can_manage,
    })
}

/// The audit snapshot of a proposal.
pub(crate) fn snapshot(row: &ProposalRow) -> String {
    let c = &row.content;
    json!({
        "number": row.number,
        "status": row.status,
        "session_type": c.session_type,
        "title": c.title,
        "issue_area": c.issue_area,
        "format": c.format,
        "duration_min": c.duration_min,
        "description": c.description,
        "policy_questions": c.policy_questions,
        "interaction_plan": c.interaction_plan,
        "online_plan": c.online_plan,
        "expected_outcomes": c.expected_outcomes,
        "previous_reports": c.previous_reports,
        "messages_link": c.messages_link,
        "language": c.language,
        "proposer_time_zone": c.proposer_time_zone,
        "submitter_organisation": c.submitter_organisation,
        "submitter_stakeholder_group": c.submitter_stakeholder_group,
        "submitter_country_iso2": c.submitter_country_iso2,
        "people": row.people.iter().map(|p| json!({
            "role": p.role,
            "name": p.name,
            "email": p.email,
            "organisation": p.organisation,
            "country_iso2": p.country_iso2,
            "onsite": p.onsite,
            "confirmation": p.confirmation,
        })).collect::<Vec<_>>(),
        "screening_status": row.screening_status,
        "override_status": row.override_status,
    })
    .to_string()
}

/// Audits a change of a proposal with snapshots before and after.
async fn record(
    tx: &mut Tx,
    actor: &Actor,
    forum: &Forum,
    action: &'static str,
    before: Option<&ProposalRow>,
    after: &ProposalRow,
    now: Timestamp,
) -> Result<(), ActionError> {
    audit::record(
        tx,
        actor,
        AuditEntry {
            forum: Some(forum.id),
            action,
            entity_type: "proposal",
            entity_id: after.id.to_string(),
            before: before.map(snapshot),
            after: Some(snapshot(after)),
        },
        now,
    )
    .await
}

/// The proposal `id` of the cycle, owned by the viewer (`NotFound` otherwise; `Forbidden`
/// for the secretariat, who may read but not change it).
async fn owned(
    tx: &mut Tx,
    ctx: &CallContext,
    viewer: &Viewer,
    id: i64,
) -> Result<ProposalRow, ActionError> {
    let account = viewer.require_account()?;
    let row = q::proposal(tx, id)
        .await?
        .filter(|r| r.cycle == ctx.cycle.id)
        .ok_or(ActionError::NotFound)?;
    if row.submitter_account != account.id.0 {
        return Err(if can_manage(&ctx.principal) {
            ActionError::Rule {
                code: "not_owner",
                message: "only the proposer changes a proposal; the secretariat may override its screening".to_owned(),
            }
        } else {
            ActionError::NotFound
        });
    }
    Ok(row)
}

async fn reload(tx: &mut Tx, id: i64) -> Result<ProposalRow, ActionError> {
    q::proposal(tx, id).await?.ok_or(ActionError::NotFound)
}

// ---------------------------------------------------------------------------------------------
// Actions
// ---------------------------------------------------------------------------------------------

/// Saves a new draft for the signed-in viewer. Returns the proposal's id.
pub async fn new_draft(
    app: &App,
    viewer: &Viewer,
    forum_slug: &str,
    year: i32,
    input: &ProposalInput,
) -> Result<i64, ActionError> {
    let now = app.now();
    let mut tx = app.db().begin().await?;
    let ctx = call_context(&mut tx, viewer, forum_slug, year).await?;
    authorize(&ctx.principal, Permission::SignedIn)?;
    let account = viewer.require_account()?;
    let regions = country_regions(&mut tx).await?;
    let zone = input.proposer_time_zone.trim();
    if !zone.is_empty() {
        check_time_zone(zone)?;
    }
    check_open(
        &ctx.cycle,
        ProposalStatus::Draft,
        now,
        zone_of(zone, &ctx.cycle),
    )?;
    let checked = check_input(&ctx.cycle, &regions, input)?;
    let (id, _) = q::insert_proposal(
        &mut tx,
        &q::NewProposal {
            cycle: ctx.cycle.id,
            submitter_account: account.id.0,
            status: ProposalStatus::Draft.code().to_owned(),
            content: checked.content,
            people: checked.people,
            submitted_at: None,
        },
        now,
    )
    .await?;
    let row = reload(&mut tx, id).await?;
    record(
        &mut tx,
        &viewer.actor(),
        &ctx.forum,
        "proposal.create",
        None,
        &row,
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(id)
}

/// Replaces a draft's or submitted proposal's content (the owner, before the deadline).
/// A submitted proposal is screened again.
pub async fn update(
    app: &App,
    viewer: &Viewer,
    forum_slug: &str,
    year: i32,
    id: i64,
    input: &ProposalInput,
) -> Result<ProposalView, ActionError> {
    let now = app.now();
    let mut tx = app.db().begin().await?;
    let ctx = call_context(&mut tx, viewer, forum_slug, year).await?;
    authorize(&ctx.principal, Permission::SignedIn)?;
    let before = owned(&mut tx, &ctx, viewer, id).await?;
    let status = stored_status(&before)?;
    let zone = match input.proposer_time_zone.trim() {
        z if !z.is_empty() && check_time_zone(z).is_ok() => z.to_owned(),
        _ => before.content.proposer_time_zone.clone(),
    };
    check_open(&ctx.cycle, status, now, zone_of(&zone, &ctx.cycle))?;
    let regions = country_regions(&mut tx).await?;
    let checked = check_input(&ctx.cycle, &regions, input)?;
    q::replace_content(&mut tx, id, &checked.content, &checked.people, now).await?;
    if status == ProposalStatus::Submitted {
        screening::screen_one(&mut tx, &ctx.forum, &ctx.cycle, id, &regions, now).await?;
    }
    let after = reload(&mut tx, id).await?;
    record(
        &mut tx,
        &viewer.actor(),
        &ctx.forum,
        "proposal.update",
        Some(&before),
        &after,
        now,
    )
    .await?;
    tx.commit().await?;
    view_of(
        &after,
        &ctx.cycle,
        &regions,
        true,
        can_manage(&ctx.principal),
        now,
    )
}

/// The receipt mailed on submission, with the screening result and its reasons.
fn receipt_mail(row: &ProposalRow, cycle: &Cycle, forum: &Forum) -> OutgoingMail {
    let zone = zone_of(&row.content.proposer_time_zone, cycle);
    let screening = screening_view(row);
    let mut body = format!(
        "Dear {name},\n\nWe received your proposal #{number}, \"{title}\" ({kind}), for {forum} {year} on {when}.\n\n",
        name = row.submitter_name,
        number = row.number,
        title = row.content.title.trim(),
        kind = cycle
            .setup
            .session_type(&row.content.session_type)
            .map_or(row.content.session_type.as_str(), |t| t.name.as_str()),
        forum = forum.name,
        year = cycle.year,
        when = row
            .submitted_at
            .map_or_else(String::new, |t| show_in_zone(t, zone)),
    );
    body.push_str(&result_text(&screening));
    body.push_str(&format!(
        "\nYou can change or withdraw the proposal until {}.\n",
        show_in_zone(cycle.setup.dates.call_closes, zone)
    ));
    OutgoingMail {
        to: row.submitter_email.clone(),
        subject: format!(
            "Proposal #{} received: {}",
            row.number,
            row.content.title.trim()
        ),
        body,
    }
}

/// The screening result in words, with the reasons of the failing rules.
pub(crate) fn result_text(screening: &ScreeningView) -> String {
    let reasons: Vec<&str> = screening
        .outcomes
        .iter()
        .filter(|o| o.verdict == "fail")
        .map(|o| o.reason.as_str())
        .collect();
    let mut text = match screening.effective() {
        ScreeningStatus::Pass => {
            "Stage-1 screening: your proposal meets the minimum criteria.\n".to_owned()
        }
        ScreeningStatus::Fail => {
            "Stage-1 screening: your proposal does not meet the minimum criteria yet.\n".to_owned()
        }
        ScreeningStatus::Pending => "Stage-1 screening: not screened yet.\n".to_owned(),
    };
    if screening.override_status.is_some() && !screening.override_reason.is_empty() {
        text.push_str(&format!(
            "The secretariat decided this: {}\n",
            screening.override_reason.trim()
        ));
    }
    if !reasons.is_empty() {
        text.push_str("Reasons:\n");
        for reason in reasons {
            text.push_str(&format!("- {reason}\n"));
        }
    }
    text
}

/// Submits a draft (the owner, before the deadline): screens it and mails a receipt with
/// the screening result.
pub async fn submit(
    app: &App,
    viewer: &Viewer,
    forum_slug: &str,
    year: i32,
    id: i64,
) -> Result<ProposalView, ActionError> {
    let now = app.now();
    let mut tx = app.db().begin().await?;
    let ctx = call_context(&mut tx, viewer, forum_slug, year).await?;
    authorize(&ctx.principal, Permission::SignedIn)?;
    let before = owned(&mut tx, &ctx, viewer, id).await?;
    let status = stored_status(&before)?;
    check_open(
        &ctx.cycle,
        status,
        now,
        zone_of(&before.content.proposer_time_zone, &ctx.cycle),
    )?;
    if status == ProposalStatus::Submitted {
        return Err(ActionError::Rule {
            code: "already_submitted",
            message: format!("proposal #{} is already submitted", before.number),
        });
    }
    if let Some(kind) = ctx.cycle.setup.session_type(&before.content.session_type)
        && !kind.open
    {
        return Err(rule_error(&ProposalError::TypeNotOpen(kind.code.clone())));
    }
    let regions = country_regions(&mut tx).await?;
    q::set_status(&mut tx, id, ProposalStatus::Submitted.code(), now).await?;
    screening::screen_one(&mut tx, &ctx.forum, &ctx.cycle, id, &regions, now).await?;
    let after = reload(&mut tx, id).await?;
    let mail = receipt_mail(&after, &ctx.cycle, &ctx.forum);
    jobs::enqueue_mail(&mut tx, &mail, Some(&format!("proposal_receipt:{id}")), now).await?;
    record(
        &mut tx,
        &viewer.actor(),
        &ctx.forum,
        "proposal.submit",
        Some(&before),
        &after,
        now,
    )
    .await?;
    tx.commit().await?;
    view_of(
        &after,
        &ctx.cycle,
        &regions,
        true,
        can_manage(&ctx.principal),
        now,
    )
}

/// Withdraws a proposal (the owner, before the deadline).
pub async fn withdraw(
    app: &App,
    viewer: &Viewer,
    forum_slug: &str,
    year: i32,
    id: i64,
) -> Result<(), ActionError> {
    let now = app.now();
    let mut tx = app.db().begin().await?;
    let ctx = call_context(&mut tx, viewer, forum_slug, year).await?;
    authorize(&ctx.principal, Permission::SignedIn)?;
    let before = owned(&mut tx, &ctx, viewer, id).await?;
    let status = stored_status(&before)?;
    check_open(
        &ctx.cycle,
        status,
        now,
        zone_of(&before.content.proposer_time_zone, &ctx.cycle),
    )?;
    q::set_status(&mut tx, id, ProposalStatus::Withdrawn.code(), now).await?;
    let after = reload(&mut tx, id).await?;
    record(
        &mut tx,
        &viewer.actor(),
        &ctx.forum,
        "proposal.withdraw",
        Some(&before),
        &after,
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// One proposal: its owner or the secretariat; anyone else gets `NotFound`.
pub async fn proposal(
    app: &App,
    viewer: &Viewer,
    forum_slug: &str,
    year: i32,
    id: i64,
) -> Result<ProposalView, ActionError> {
    let now = app.now();
    let mut tx = app.db().read().await?;
    let ctx = call_context(&mut tx, viewer, forum_slug, year).await?;
    let row = q::proposal(&mut tx, id)
        .await?
        .filter(|r| r.cycle == ctx.cycle.id)
        .ok_or(ActionError::NotFound)?;
    let regions = country_regions(&mut tx).await?;
    tx.commit().await?;
    let is_owner = viewer
        .account_id()
        .is_some_and(|a| a.0 == row.submitter_account);
    let manager = can_manage(&ctx.principal);
    if !is_owner && !manager {
        return Err(ActionError::NotFound);
    }
    view_of(&row, &ctx.cycle, &regions, is_owner, manager, now)
}

/// The signed-in viewer's proposals in the cycle.
pub async fn dashboard(
    app: &App,
    viewer: &Viewer,
    forum_slug: &str,
    year: i32,
) -> Result<Dashboard, ActionError> {
    let now = app.now();
    let mut tx = app.db().read().await?;
    let ctx = call_context(&mut tx, viewer, forum_slug, year).await?;
    authorize(&ctx.principal, Permission::SignedIn)?;
    let account = viewer.require_account()?;
    let rows = q::proposals_of_submitter(&mut tx, ctx.cycle.id, account.id.0).await?;
    let regions = country_regions(&mut tx).await?;
    tx.commit().await?;
    let manager = can_manage(&ctx.principal);
    let zone = rows
        .first()
        .map_or("", |r| r.content.proposer_time_zone.as_str());
    let deadline_shown = show_in_zone(ctx.cycle.setup.dates.call_closes, zone_of(zone, &ctx.cycle));
    let proposals = rows
        .iter()
        .map(|r| view_of(r, &ctx.cycle, &regions, true, manager, now))
        .collect::<Result<Vec<_>, _>>()?;
    Ok(Dashboard {
        forum: ctx.forum,
        cycle_year: ctx.cycle.year,
        call_open: ctx.cycle.setup.dates.call_open_at(now),
        deadline_shown,
        proposals,
    })
}

fn check_filter(filter: &ListFilter) -> Result<(), FieldError> {
    if !filter.screening.trim().is_empty() && ScreeningStatus::parse(&filter.screening).is_none() {
        return Err(FieldError::new(
            "screening",
            "unknown_screening",
            format!(
                "{:?} is not a screening status; use pending, pass or fail",
                filter.screening
            ),
        ));
    }
    if !filter.status.trim().is_empty() {
        ProposalStatus::parse(&filter.status)?;
    }
    Ok(())
}

/// Received (submitted) proposals, public when the cycle publishes them: number, type,
/// title, issue area and submission time only — no people, no screening.
pub async fn received(
    app: &App,
    viewer: &Viewer,
    forum_slug: &str,
    year: i32,
    filter: &ListFilter,
) -> Result<ProposalList, ActionError> {
    let mut tx = app.db().read().await?;
    let ctx = call_context(&mut tx, viewer, forum_slug, year).await?;
    let manager = can_manage(&ctx.principal);
    if !ctx.cycle.setup.publish_received {
        authorize(&ctx.principal, Permission::ManageCalls)?;
    }
    // Only the public columns can be filtered on: filtering by screening, region or group
    // would reveal what the list hides.
    let db_filter = q::ProposalFilter {
        session_type: filter.session_type.trim().to_owned(),
        issue_area: filter.issue_area.trim().to_owned(),
        status: ProposalStatus::Submitted.code().to_owned(),
        title_contains: filter.text.clone(),
        ..q::ProposalFilter::default()
    };
    let rows = q::proposals_of_cycle(&mut tx, ctx.cycle.id, &db_filter).await?;
    tx.commit().await?;
    let lines: Vec<ProposalLine> = rows
        .iter()
        .map(|r| ProposalLine {
            id: r.id,
            number: r.number,
            status: ProposalStatus::Submitted,
            session_type: r.content.session_type.clone(),
            title: r.content.title.clone(),
            issue_area: r.content.issue_area.clone(),
            submitter_organisation: String::new(),
            submitter_stakeholder_group: String::new(),
            submitter_region: String::new(),
            screening: ScreeningStatus::Pending,
            overridden: false,
            reasons: Vec::new(),
            submitted_at: r.submitted_at,
        })
        .collect();
    Ok(ProposalList {
        forum: ctx.forum,
        cycle_year: ctx.cycle.year,
        total: lines.len(),
        lines,
        can_manage: manager,
    })
}

/// The secretariat's list with filters and screening reasons.
pub async fn manage_list(
    app: &App,
    viewer: &Viewer,
    forum_slug: &str,
    year: i32,
    filter: &ListFilter,
) -> Result<ProposalList, ActionError> {
    check_filter(filter)?;
    let mut tx = app.db().read().await?;
    let ctx =
        call_context_requiring(&mut tx, viewer, forum_slug, year, Permission::ManageCalls).await?;
    let status = match filter.status.trim() {
        "" => ProposalStatus::Submitted.code().to_owned(),
        s => s.to_owned(),
    };
    let db_filter = q::ProposalFilter {
        session_type: filter.session_type.trim().to_owned(),
        issue_area: filter.issue_area.trim().to_owned(),
        screening: filter.screening.trim().to_owned(),
        status,
        submitter_region: filter.region.trim().to_owned(),
        submitter_stakeholder_group: filter.stakeholder_group.trim().to_owned(),
        title_contains: filter.text.clone(),
    };
    let rows = q::proposals_of_cycle(&mut tx, ctx.cycle.id, &db_filter).await?;
    tx.commit().await?;
    let lines: Vec<ProposalLine> = rows.iter().map(line_of).collect();
    Ok(ProposalList {
        forum: ctx.forum,
        cycle_year: ctx.cycle.year,
        total: lines.len(),
        lines,
        can_manage: true,
    })
}

#[cfg(test)]
mod tests;
