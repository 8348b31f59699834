//! Stage-1 screening of a cycle's proposals by the secretariat: running the cycle's rules over
//! every submitted proposal (with the cross-proposal counts and report flags they need),
//! overriding a result with a recorded reason, mailing results, and recording flags of
//! missing reports of past sessions.
//!
//! Main items: `screen_cycle` / `screen_cycle_as_operator` (returns a `ScreeningRun`, one row
//! per proposal with its reasons), `override_result`, `record_report_flag`.
//! Invariants: the rules are the cycle's (`CycleSetup::rules`); a run stores every rule's
//! outcome on each proposal; an override keeps the computed outcome beside it; every run and
//! override is audited.

use plenary_domain::audit::Actor;

use super::proposals::{ProposalLine, ScreeningStatus};
use crate::accounts::Viewer;
use crate::{ActionError, App};

/// The outcome of screening a cycle.
#[derive(Debug, Clone)]
pub struct ScreeningRun {
    pub cycle_year: i32,
    /// One line per submitted proposal, by number.
    pub lines: Vec<ProposalLine>,
    pub passed: usize,
    pub failed: usize,
    /// Results mailed to proposers (0 unless asked).
    pub mailed: usize,
}

/// A missing (or filed) report of a past session, as recorded by the secretariat until the
/// reports module exists.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ReportFlagInput {
    pub year: i32,
    pub session_ref: String,
    pub organiser_email: String,
    pub organisation: String,
    pub filed: bool,
}

fn todo_error() -> ActionError {
    ActionError::Internal(anyhow::anyhow!("screening: not implemented yet"))
}

/// Screens every submitted proposal of the cycle (the secretariat); with `notify`, mails
/// each proposer their result with the reasons.
pub async fn screen_cycle(
    _app: &App,
    _viewer: &Viewer,
    _forum_slug: &str,
    _year: i32,
    _notify: bool,
) -> Result<ScreeningRun, ActionError> {
    Err(todo_error())
}

/// `screen_cycle` for operators (CLI, demo loader, bench).
pub async fn screen_cycle_as_operator(
    _app: &App,
    _actor: &Actor,
    _forum_slug: &str,
    _year: i32,
    _notify: bool,
) -> Result<ScreeningRun, ActionError> {
    Err(todo_error())
}

/// Overrides the screening result of one proposal with a reason (the secretariat);
/// `None` removes the override.
pub async fn override_result(
    _app: &App,
    _viewer: &Viewer,
    _forum_slug: &str,
    _year: i32,
    _id: i64,
    _status: Option<ScreeningStatus>,
    _reason: &str,
) -> Result<(), ActionError> {
    Err(todo_error())
}

/// Records a report flag (the secretariat).
pub async fn record_report_flag(
    _app: &App,
    _viewer: &Viewer,
    _forum_slug: &str,
    _flag: &ReportFlagInput,
) -> Result<(), ActionError> {
    Err(todo_error())
}
