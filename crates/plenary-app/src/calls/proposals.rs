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

use plenary_domain::Timestamp;
use plenary_domain::calls::{ProposalPerson, ProposalStatus};
use plenary_domain::forums::Forum;

use crate::accounts::Viewer;
use crate::{ActionError, App};

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

fn todo_error() -> ActionError {
    ActionError::Internal(anyhow::anyhow!("proposals: not implemented yet"))
}

/// Saves a new draft for the signed-in viewer. Returns the proposal's id.
pub async fn new_draft(
    _app: &App,
    _viewer: &Viewer,
    _forum_slug: &str,
    _year: i32,
    _input: &ProposalInput,
) -> Result<i64, ActionError> {
    Err(todo_error())
}

/// Replaces a draft's or submitted proposal's content (the owner, before the deadline).
/// A submitted proposal is screened again.
pub async fn update(
    _app: &App,
    _viewer: &Viewer,
    _forum_slug: &str,
    _year: i32,
    _id: i64,
    _input: &ProposalInput,
) -> Result<ProposalView, ActionError> {
    Err(todo_error())
}

/// Submits a draft (the owner, before the deadline): screens it and mails a receipt with
/// the screening result.
pub async fn submit(
    _app: &App,
    _viewer: &Viewer,
    _forum_slug: &str,
    _year: i32,
    _id: i64,
) -> Result<ProposalView, ActionError> {
    Err(todo_error())
}

/// Withdraws a proposal (the owner, before the deadline).
pub async fn withdraw(
    _app: &App,
    _viewer: &Viewer,
    _forum_slug: &str,
    _year: i32,
    _id: i64,
) -> Result<(), ActionError> {
    Err(todo_error())
}

/// One proposal: its owner or the secretariat; anyone else gets `NotFound`.
pub async fn proposal(
    _app: &App,
    _viewer: &Viewer,
    _forum_slug: &str,
    _year: i32,
    _id: i64,
) -> Result<ProposalView, ActionError> {
    Err(todo_error())
}

/// The signed-in viewer's proposals in the cycle.
pub async fn dashboard(
    _app: &App,
    _viewer: &Viewer,
    _forum_slug: &str,
    _year: i32,
) -> Result<Dashboard, ActionError> {
    Err(todo_error())
}

/// Received (submitted) proposals, public when the cycle publishes them: number, type,
/// title, issue area and submission time only — no people, no screening.
pub async fn received(
    _app: &App,
    _viewer: &Viewer,
    _forum_slug: &str,
    _year: i32,
    _filter: &ListFilter,
) -> Result<ProposalList, ActionError> {
    Err(todo_error())
}

/// The secretariat's list with filters and screening reasons.
pub async fn manage_list(
    _app: &App,
    _viewer: &Viewer,
    _forum_slug: &str,
    _year: i32,
    _filter: &ListFilter,
) -> Result<ProposalList, ActionError> {
    Err(todo_error())
}
