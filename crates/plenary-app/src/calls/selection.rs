//! Stage 3 of the yearly cycle: the selection board. The advisory body accepts, declines or
//! conditionally accepts (e.g. "must merge with #12") each evaluated proposal with a recorded
//! rationale; an optional optimiser (`plenary_solver::select`) proposes a whole programme that
//! fills the slots per session type and the caps per issue area while keeping balance across
//! organiser region, stakeholder group, gender, first-time and developing-country proposers,
//! and explains each borderline decision.
//!
//! Main items: `board` (`ViewSynthesis`), `propose` and `apply_proposal`, `decide`
//! (`DecideSelection`: secretariat and chair), `finalise` (`FinaliseSelection`: the chair
//! only), `notify` (`ManageCalls`).
//!
//! Invariants:
//! - Decisions are never deleted: each change adds a row and the latest row of a proposal is
//!   its current decision. A decision is final only when the chair records it (`finalise`);
//!   changing a final decision needs the chair again.
//! - The optimiser only proposes: `propose` stores a numbered run with its settings and report
//!   and records no decision; `apply_proposal` records its choices as non-final decisions, with
//!   the run's reasons as rationale, for proposals that have no decision yet. Final decisions
//!   are fixed in every later run.
//! - Proposers are mailed once per final decision (`notify`), with the outcome and reasons.
//! - Every change is audited (`selection.proposed`, `selection.applied`, `selection.decided`,
//!   `selection.finalised`, `selection.notified`).
//!
//! Default settings (IGF-like, documented in `SelectionSettings`): 40 % of the evaluated
//! proposals of each session type get a slot; no cap per issue area; at least 30 % of the
//! accepted from developing countries, 20 % first-time proposers, 10 % from each UN regional
//! group and 10 % from each stakeholder group among the proposals, and 40 % with a woman as
//! first organiser. Balance targets are soft: the optimiser trades a little score for them
//! and reports any shortfall.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use plenary_db::Tx;
use plenary_db::calls::proposals::{self as pq, ProposalRow};
use plenary_db::calls::selection::{self as q, DecisionRow, NewDecision};
use plenary_domain::FieldError;
use plenary_domain::audit::{Actor, AuditEntry};
use plenary_domain::calls::PersonRole;
use plenary_domain::forums::Forum;
use plenary_domain::permissions::{Permission, Principal, authorize};
use plenary_solver::select::{
    Balance, Budget, Candidate, Cap, Fixed, SelectProblem, Selection, solve_selection,
};
use serde::{Deserialize, Serialize};
use serde_json::json;

use super::cycles::{self, Cycle};
use super::proposals::country_regions;
use super::review::{SynthesisLine, is_evaluated, synthesis_in};
use crate::accounts::Viewer;
use crate::mail::OutgoingMail;
use crate::{ActionError, App, audit, forums, jobs};

#[cfg(test)]
mod tests;

// ---------------------------------------------------------------------------------------------
// Types
// ---------------------------------------------------------------------------------------------

/// What the optimiser is asked for. Every field has an IGF-like default.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SelectionSettings {
    /// Slots per session type; a type not listed gets `DEFAULT_SLOT_PERCENT` % of its
    /// evaluated proposals, rounded.
    pub slots: Vec<(String, u32)>,
    /// At most this many accepted per issue area (none by default).
    pub caps: Vec<(String, u32)>,
    /// At least this share of the accepted from developing countries (default 30).
    pub developing_country_percent: u32,
    /// At least this share of first-time proposers (default 20).
    pub first_time_percent: u32,
    /// At least this share from each UN regional group among the proposals (default 10).
    pub region_percent: u32,
    /// At least this share from each stakeholder group among the proposals (default 10).
    pub stakeholder_group_percent: u32,
    /// At least this share with a woman as first organiser (default 40).
    pub women_percent: u32,
}

/// The share of evaluated proposals of a session type given slots by default.
pub const DEFAULT_SLOT_PERCENT: u32 = 40;

impl Default for SelectionSettings {
    fn default() -> SelectionSettings {
        SelectionSettings {
            slots: Vec::new(),
            caps: Vec::new(),
            developing_country_percent: 30,
            first_time_percent: 20,
            region_percent: 10,
            stakeholder_group_percent: 10,
            women_percent: 40,
        }
    }
}

/// A recorded decision, as the board shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DecisionView {
    /// `accept`, `decline` or `conditional`.
    pub decision: String,
    pub condition: String,
    pub rationale: String,
    pub decided_by: String,
    pub decided_at: String,
    pub is_final: bool,
    pub notified: bool,
    /// The selection run it was applied from, if any.
    pub run: Option<i64>,
}

/// One evaluated proposal on the board.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BoardLine {
    pub number: u32,
    pub title: String,
    pub session_type: String,
    pub issue_area: String,
    /// The evaluation group's name.
    pub group: String,
    pub count: usize,
    pub mean: f64,
    pub spread: f64,
    pub z_mean: f64,
    pub robust_mean: f64,
    pub rank_raw: usize,
    pub rank_z: usize,
    pub merge_flags: usize,
    pub developing_country: bool,
    pub first_time: bool,
    /// The first organiser's UN regional group code (`none` when unknown).
    pub region: String,
    pub stakeholder_group: String,
    /// As the first organiser gives it (`unknown` when not given).
    pub gender: String,
    pub decision: Option<DecisionView>,
}

/// How many of the accepted have a value, and their share.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Share {
    pub value: String,
    pub count: usize,
    /// Of the accepted, 0–100.
    pub percent: f64,
}

/// Accepted against a limit (slots of a session type, cap of an issue area).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Usage {
    pub code: String,
    pub accepted: u32,
    /// `None`: no limit.
    pub limit: Option<u32>,
}

/// The balance of an accepted set (accepted and conditionally accepted).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BalanceSummary {
    pub accepted: usize,
    pub by_region: Vec<Share>,
    pub by_stakeholder_group: Vec<Share>,
    pub by_gender: Vec<Share>,
    pub first_time: Share,
    pub developing_country: Share,
    pub per_issue_area: Vec<Usage>,
    pub per_session_type: Vec<Usage>,
}

/// The selection board.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Board {
    pub cycle_year: i32,
    pub lines: Vec<BoardLine>,
    /// Balance of the current accepted set, against the default slots (or the last run's).
    pub balance: BalanceSummary,
    pub decided: usize,
    pub finals: usize,
    pub notified: usize,
    pub reviews: usize,
    /// The latest optimiser proposal, if any.
    pub last_proposal: Option<Proposal>,
}

/// One proposal's outcome in an optimiser run.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProposedDecision {
    pub number: u32,
    pub title: String,
    pub session_type: String,
    pub score: f64,
    pub accept: bool,
    /// A final decision the run had to respect.
    pub fixed: bool,
    pub reason: String,
}

/// A balance target and how the proposal meets it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BalanceTarget {
    pub label: String,
    pub wanted_percent: u32,
    pub achieved_percent: f64,
    pub matching: u32,
    pub target: u32,
    pub shortfall: u32,
}

/// Why a proposal near the cut is in or out.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BorderlineLine {
    pub number: u32,
    pub title: String,
    pub session_type: String,
    pub score: f64,
    pub accepted: bool,
    /// Change of the objective if this decision were flipped (`None`: impossible).
    pub flip_change: Option<f64>,
    pub binding: Vec<String>,
    pub reason: String,
}

/// What the optimiser proposes (stored as a selection run; no decision recorded).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Proposal {
    pub run: i64,
    pub cycle_year: i32,
    pub settings: SelectionSettings,
    /// Empty when a selection was proposed; else why none can be.
    pub infeasible: Vec<String>,
    pub accepted: usize,
    pub decisions: Vec<ProposedDecision>,
    pub per_session_type: Vec<Usage>,
    pub per_issue_area: Vec<Usage>,
    pub targets: Vec<BalanceTarget>,
    pub balance: Option<BalanceSummary>,
    pub borderline: Vec<BorderlineLine>,
    /// The optimiser's summary lines.
    pub lines: Vec<String>,
    pub proven_optimal: bool,
    pub score_total: f64,
}

/// A decision to record.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DecisionInput {
    /// `accept`, `decline` or `conditional`.
    pub decision: String,
    /// Required for `conditional` (e.g. "must merge with #12"); empty otherwise.
    pub condition: String,
    /// Required.
    pub rationale: String,
}

/// What `finalise` did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FinaliseReport {
    /// Decisions recorded as final now.
    pub finalised: usize,
    /// Decisions already final.
    pub already_final: usize,
    /// Evaluated proposals still without a decision.
    pub undecided: usize,
}

pub const DECISIONS: [&str; 3] = ["accept", "decline", "conditional"];

fn accepts(decision: &str) -> bool {
    decision == "accept" || decision == "conditional"
}

// ---------------------------------------------------------------------------------------------
// Loading
// ---------------------------------------------------------------------------------------------

/// Everything the board and the optimiser work from, read in one transaction.
struct Facts {
    forum: Forum,
    cycle: Cycle,
    /// Evaluated proposals with their synthesis line and attributes, by number.
    lines: Vec<BoardLine>,
    /// Proposal id by number.
    ids: BTreeMap<u32, i64>,
    rows: HashMap<u32, ProposalRow>,
    current: HashMap<i64, DecisionRow>,
    reviews: usize,
}

async fn load(tx: &mut Tx, forum: Forum, year: i32) -> Result<Facts, ActionError> {
    let cycle = cycles::load(tx, &forum, year).await?;
    let report = synthesis_in(tx, &forum, &cycle, false).await?;
    let regions = country_regions(tx).await?;
    let rows = pq::proposals_of_cycle(
        tx,
        cycle.id,
        &pq::ProposalFilter {
            status: "submitted".into(),
            ..pq::ProposalFilter::default()
        },
    )
    .await?;
    let current: HashMap<i64, DecisionRow> = q::current_decisions(tx, cycle.id)
        .await?
        .into_iter()
        .map(|d| (d.proposal, d))
        .collect();
    let setup = &cycle.setup.evaluation;
    let rows: HashMap<u32, ProposalRow> = rows
        .into_iter()
        .filter(|r| is_evaluated(setup, r))
        .map(|r| (u32::try_from(r.number).unwrap_or(0), r))
        .collect();
    let mut lines = Vec::new();
    let mut ids = BTreeMap::new();
    for group in &report.groups {
        for l in &group.lines {
            let Some(row) = rows.get(&l.number) else {
                continue;
            };
            ids.insert(l.number, row.id);
            let organiser = row
                .people
                .iter()
                .find(|p| p.role == PersonRole::Organiser.code());
            let country = organiser
                .map(|p| p.country_iso2.as_str())
                .filter(|c| !c.is_empty())
                .unwrap_or(&row.content.submitter_country_iso2);
            let region = regions
                .get(&country.to_uppercase())
                .map_or("none", |r| r.code())
                .to_owned();
            let gender = organiser
                .map(|p| p.gender.trim().to_lowercase())
                .filter(|g| !g.is_empty())
                .unwrap_or_else(|| "unknown".to_owned());
            let stakeholder_group = organiser
                .map(|p| p.stakeholder_group.clone())
                .filter(|g| !g.is_empty())
                .unwrap_or_else(|| "unknown".to_owned());
            lines.push(line_of(
                l,
                row,
                &group.name,
                region,
                stakeholder_group,
                gender,
                current.get(&row.id),
            ));
        }
    }
    lines.sort_by_key(|l| l.number);
    Ok(Facts {
        forum,
        cycle,
        lines,
        ids,
        rows,
        current,
        reviews: report.reviews,
    })
}

fn line_of(
    l: &SynthesisLine,
    row: &ProposalRow,
    group: &str,
    region: String,
    stakeholder_group: String,
    gender: String,
    decision: Option<&DecisionRow>,
) -> BoardLine {
    BoardLine {
        number: l.number,
        title: l.title.clone(),
        session_type: l.session_type.clone(),
        issue_area: row.content.issue_area.clone(),
        group: group.to_owned(),
        count: l.count,
        mean: l.mean,
        spread: l.spread,
        z_mean: l.z_mean,
        robust_mean: l.robust_mean,
        rank_raw: l.rank_raw,
        rank_z: l.rank_z,
        merge_flags: l.merge_flags,
        developing_country: l.developing_country,
        first_time: l.first_time,
        region,
        stakeholder_group,
        gender,
        decision: decision.map(view_of),
    }
}

fn view_of(d: &DecisionRow) -> DecisionView {
    DecisionView {
        decision: d.decision.clone(),
        condition: d.condition.clone(),
        rationale: d.rationale.clone(),
        decided_by: d.decided_by.clone(),
        decided_at: d.decided_at.to_display_utc(),
        is_final: d.is_final,
        notified: d.notified_at.is_some(),
        run: d.run_number,
    }
}

async fn scope(
    tx: &mut Tx,
    viewer: &Viewer,
    forum_slug: &str,
    permission: Permission,
) -> Result<(Forum, Principal), ActionError> {
    let (forum, principal) = forums::forum_and_principal(tx, viewer, forum_slug).await?;
    authorize(&principal, permission)?;
    Ok((forum, principal))
}

// ---------------------------------------------------------------------------------------------
// Balance
// ---------------------------------------------------------------------------------------------

fn percent(count: usize, of: usize) -> f64 {
    if of == 0 {
        0.0
    } else {
        // Counts are far below 2^52: exact as f64.
        #[expect(clippy::cast_precision_loss, reason = "small counts")]
        let p = count as f64 * 100.0 / of as f64;
        p
    }
}

fn shares<'a>(values: impl Iterator<Item = &'a str>, of: usize) -> Vec<Share> {
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for v in values {
        *counts.entry(v).or_default() += 1;
    }
    counts
        .into_iter()
        .map(|(value, count)| Share {
            value: value.to_owned(),
            count,
            percent: percent(count, of),
        })
        .collect()
}

fn yes_share(value: &str, count: usize, of: usize) -> Share {
    Share {
        value: value.to_owned(),
        count,
        percent: percent(count, of),
    }
}

/// The balance of `accepted` (lines), against `slots` per session type and `caps`.
fn balance_of(
    all: &[BoardLine],
    accepted: &[&BoardLine],
    slots: &[(String, u32)],
    caps: &[(String, u32)],
) -> BalanceSummary {
    let n = accepted.len();
    let count_u32 = |f: &dyn Fn(&BoardLine) -> bool| {
        u32::try_from(accepted.iter().filter(|l| f(l)).count()).unwrap_or(u32::MAX)
    };
    let types: BTreeSet<&str> = all.iter().map(|l| l.session_type.as_str()).collect();
    let areas: BTreeSet<&str> = all.iter().map(|l| l.issue_area.as_str()).collect();
    BalanceSummary {
        accepted: n,
        by_region: shares(accepted.iter().map(|l| l.region.as_str()), n),
        by_stakeholder_group: shares(accepted.iter().map(|l| l.stakeholder_group.as_str()), n),
        by_gender: shares(accepted.iter().map(|l| l.gender.as_str()), n),
        first_time: yes_share(
            "first_time",
            accepted.iter().filter(|l| l.first_time).count(),
            n,
        ),
        developing_country: yes_share(
            "developing_country",
            accepted.iter().filter(|l| l.developing_country).count(),
            n,
        ),
        per_issue_area: areas
            .into_iter()
            .map(|a| Usage {
                code: a.to_owned(),
                accepted: count_u32(&|l: &BoardLine| l.issue_area == a),
                limit: caps.iter().find(|(c, _)| c == a).map(|(_, m)| *m),
            })
            .collect(),
        per_session_type: types
            .into_iter()
            .map(|t| Usage {
                code: t.to_owned(),
                accepted: count_u32(&|l: &BoardLine| l.session_type == t),
                limit: slots.iter().find(|(c, _)| c == t).map(|(_, m)| *m),
            })
            .collect(),
    }
}

/// The settings with every session type's slots filled in (defaults for those not given).
fn resolved_slots(lines: &[BoardLine], settings: &SelectionSettings) -> Vec<(String, u32)> {
    let mut per_type: BTreeMap<&str, u32> = BTreeMap::new();
    for l in lines {
        *per_type.entry(l.session_type.as_str()).or_default() += 1;
    }
    let mut slots: Vec<(String, u32)> = per_type
        .into_iter()
        .map(|(t, n)| {
            let given = settings.slots.iter().find(|(c, _)| c == t).map(|(_, s)| *s);
            (
                t.to_owned(),
                given.unwrap_or((n * DEFAULT_SLOT_PERCENT + 50) / 100),
            )
        })
        .collect();
    for (t, s) in &settings.slots {
        if !slots.iter().any(|(c, _)| c == t) {
            slots.push((t.clone(), *s));
        }
    }
    slots
}

// ---------------------------------------------------------------------------------------------
// Board
// ---------------------------------------------------------------------------------------------

/// The selection board of a cycle (`ViewSynthesis`).
pub async fn board(
    app: &App,
    viewer: &Viewer,
    forum_slug: &str,
    year: i32,
) -> Result<Board, ActionError> {
    let mut tx = app.db().read().await?;
    let (forum, _) = scope(&mut tx, viewer, forum_slug, Permission::ViewSynthesis).await?;
    let facts = load(&mut tx, forum, year).await?;
    let last = q::latest_run(&mut tx, facts.cycle.id).await?;
    tx.commit().await?;
    let last_proposal = last.as_ref().and_then(stored);
    let settings = last_proposal
        .as_ref()
        .map(|p| p.settings.clone())
        .unwrap_or_default();
    let slots = resolved_slots(&facts.lines, &settings);
    let accepted: Vec<&BoardLine> = facts
        .lines
        .iter()
        .filter(|l| l.decision.as_ref().is_some_and(|d| accepts(&d.decision)))
        .collect();
    let balance = balance_of(&facts.lines, &accepted, &slots, &settings.caps);
    let decided = facts.current.len();
    let finals = facts.current.values().filter(|d| d.is_final).count();
    let notified = facts
        .current
        .values()
        .filter(|d| d.notified_at.is_some())
        .count();
    Ok(Board {
        cycle_year: facts.cycle.year,
        lines: facts.lines,
        balance,
        decided,
        finals,
        notified,
        reviews: facts.reviews,
        last_proposal,
    })
}

// ---------------------------------------------------------------------------------------------
// Proposing
// ---------------------------------------------------------------------------------------------

fn check_settings(settings: &SelectionSettings) -> Result<(), ActionError> {
    for (field, value) in [
        (
            "developing_country_percent",
            settings.developing_country_percent,
        ),
        ("first_time_percent", settings.first_time_percent),
        ("region_percent", settings.region_percent),
        (
            "stakeholder_group_percent",
            settings.stakeholder_group_percent,
        ),
        ("women_percent", settings.women_percent),
    ] {
        if value > 100 {
            return Err(FieldError::new(
                field,
                "out_of_range",
                format!("{value} % is more than 100 %"),
            )
            .into());
        }
    }
    Ok(())
}

/// Proposes a selection (`DecideSelection`): stores a numbered selection run and returns it;
/// records no decision.
pub async fn propose(
    app: &App,
    viewer: &Viewer,
    forum_slug: &str,
    year: i32,
    settings: SelectionSettings,
) -> Result<Proposal, ActionError> {
    let mut tx = app.db().begin().await?;
    let (forum, _) = scope(&mut tx, viewer, forum_slug, Permission::DecideSelection).await?;
    let proposal = propose_in(app, &mut tx, &viewer.actor(), forum, year, settings).await?;
    tx.commit().await?;
    Ok(proposal)
}

/// `propose` for operators (CLI).
pub async fn propose_as_operator(
    app: &App,
    actor: &Actor,
    forum_slug: &str,
    year: i32,
    settings: SelectionSettings,
) -> Result<Proposal, ActionError> {
    let mut tx = app.db().begin().await?;
    let (forum, _) = forums::forum_and_principal(&mut tx, &Viewer::anonymous(), forum_slug).await?;
    let proposal = propose_in(app, &mut tx, actor, forum, year, settings).await?;
    tx.commit().await?;
    Ok(proposal)
}

async fn propose_in(
    app: &App,
    tx: &mut Tx,
    actor: &Actor,
    forum: Forum,
    year: i32,
    settings: SelectionSettings,
) -> Result<Proposal, ActionError> {
    check_settings(&settings)?;
    let now = app.now();
    let facts = load(tx, forum, year).await?;
    if facts.reviews == 0 {
        return Err(ActionError::Rule {
            code: "no_reviews",
            message: format!(
                "no proposal of {} has a counted review yet: propose a selection after the evaluation",
                facts.cycle.year
            ),
        });
    }
    let slots = resolved_slots(&facts.lines, &settings);
    let settings = SelectionSettings {
        slots: slots.clone(),
        ..settings
    };
    // Candidates: the reviewed proposals, by number.
    let reviewed: Vec<&BoardLine> = facts.lines.iter().filter(|l| l.count > 0).collect();
    let candidates: Vec<Candidate> = reviewed
        .iter()
        .map(|l| Candidate {
            id: format!("#{}", l.number),
            score: l.z_mean,
            session_type: l.session_type.clone(),
            theme: l.issue_area.clone(),
            attributes: BTreeMap::from([
                ("region".to_owned(), l.region.clone()),
                ("stakeholder_group".to_owned(), l.stakeholder_group.clone()),
                ("gender".to_owned(), l.gender.clone()),
                ("first_time".to_owned(), yes_no(l.first_time)),
                (
                    "developing_country".to_owned(),
                    yes_no(l.developing_country),
                ),
            ]),
        })
        .collect();
    let mut fixed = Vec::new();
    for (i, l) in reviewed.iter().enumerate() {
        if let Some(d) = l.decision.as_ref().filter(|d| d.is_final) {
            fixed.push((
                i,
                if accepts(&d.decision) {
                    Fixed::Accept
                } else {
                    Fixed::Decline
                },
            ));
        }
    }
    let problem = SelectProblem {
        candidates,
        budgets: slots
            .iter()
            .map(|(t, s)| Budget {
                session_type: t.clone(),
                slots: *s,
            })
            .collect(),
        caps: settings
            .caps
            .iter()
            .map(|(t, m)| Cap {
                theme: t.clone(),
                max: *m,
            })
            .collect(),
        balance: balance_rules(&reviewed, &settings),
        fixed: fixed.clone(),
    };
    let solved = solve_selection(&problem).map_err(|e| ActionError::Rule {
        code: "bad_selection_problem",
        message: e.to_string(),
    })?;
    let mut proposal = Proposal {
        run: 0,
        cycle_year: facts.cycle.year,
        settings: settings.clone(),
        infeasible: Vec::new(),
        accepted: 0,
        decisions: Vec::new(),
        per_session_type: Vec::new(),
        per_issue_area: Vec::new(),
        targets: Vec::new(),
        balance: None,
        borderline: Vec::new(),
        lines: Vec::new(),
        proven_optimal: false,
        score_total: 0.0,
    };
    match solved {
        Selection::Infeasible(why) => proposal.infeasible = why.reasons,
        Selection::Proposed(outcome) => {
            let chosen: BTreeSet<usize> = outcome.accepted.iter().copied().collect();
            let fixed_at: BTreeSet<usize> = fixed.iter().map(|(i, _)| *i).collect();
            let borderline: HashMap<usize, &str> = outcome
                .borderline
                .iter()
                .map(|b| (b.candidate, b.reason.as_str()))
                .collect();
            for (i, l) in reviewed.iter().enumerate() {
                let accept = chosen.contains(&i);
                let reason = if fixed_at.contains(&i) {
                    "The chair's final decision, kept.".to_owned()
                } else if let Some(r) = borderline.get(&i) {
                    (*r).to_owned()
                } else if accept {
                    format!(
                        "Within the {} slots of {} by normalised score ({:.2}).",
                        slots
                            .iter()
                            .find(|(t, _)| t == &l.session_type)
                            .map_or(0, |(_, s)| *s),
                        l.session_type,
                        l.z_mean
                    )
                } else {
                    format!(
                        "Below the cut of {} by normalised score ({:.2}).",
                        l.session_type, l.z_mean
                    )
                };
                proposal.decisions.push(ProposedDecision {
                    number: l.number,
                    title: l.title.clone(),
                    session_type: l.session_type.clone(),
                    score: l.z_mean,
                    accept,
                    fixed: fixed_at.contains(&i),
                    reason,
                });
            }
            let accepted: Vec<&BoardLine> = chosen.iter().map(|i| reviewed[*i]).collect();
            proposal.accepted = accepted.len();
            proposal.balance = Some(balance_of(&facts.lines, &accepted, &slots, &settings.caps));
            proposal.per_session_type = outcome
                .per_budget
                .iter()
                .map(|(t, used, limit)| Usage {
                    code: t.clone(),
                    accepted: *used,
                    limit: Some(*limit),
                })
                .collect();
            proposal.per_issue_area = outcome
                .per_theme
                .iter()
                .map(|(t, used, limit)| Usage {
                    code: t.clone(),
                    accepted: *used,
                    limit: *limit,
                })
                .collect();
            proposal.targets = outcome
                .balance
                .iter()
                .map(|b| BalanceTarget {
                    label: b.label.clone(),
                    wanted_percent: b.wanted_percent,
                    achieved_percent: b.achieved_percent,
                    matching: b.matching,
                    target: b.target,
                    shortfall: b.shortfall,
                })
                .collect();
            proposal.borderline = outcome
                .borderline
                .iter()
                .map(|b| {
                    let l = reviewed[b.candidate];
                    BorderlineLine {
                        number: l.number,
                        title: l.title.clone(),
                        session_type: b.session_type.clone(),
                        score: b.score,
                        accepted: b.accepted,
                        flip_change: b.flip_change,
                        binding: b.binding.clone(),
                        reason: b.reason.clone(),
                    }
                })
                .collect();
            proposal.lines = outcome.lines;
            proposal.proven_optimal = outcome.proven_optimal;
            proposal.score_total = outcome.score_total;
        }
    }
    let settings_json =
        serde_json::to_string(&settings).map_err(|e| anyhow::anyhow!("selection settings: {e}"))?;
    // The run's number is given by the store: the report is read back with it (`stored`).
    let report =
        serde_json::to_string(&proposal).map_err(|e| anyhow::anyhow!("selection report: {e}"))?;
    let (_, number) = q::insert_run(
        tx,
        facts.cycle.id,
        &actor.label(),
        &settings_json,
        &report,
        now,
    )
    .await?;
    proposal.run = number;
    audit::record(
        tx,
        actor,
        AuditEntry {
            forum: Some(facts.forum.id),
            action: "selection.proposed",
            entity_type: "cycle",
            entity_id: facts.cycle.id.to_string(),
            before: None,
            after: Some(
                json!({
                    "year": facts.cycle.year,
                    "run": number,
                    "accepted": proposal.accepted,
                    "infeasible": proposal.infeasible,
                    "settings": settings,
                })
                .to_string(),
            ),
        },
        now,
    )
    .await?;
    Ok(proposal)
}

/// A stored run's proposal, with its number.
fn stored(row: &q::SelectionRunRow) -> Option<Proposal> {
    let mut proposal: Proposal = serde_json::from_str(&row.report).ok()?;
    proposal.run = row.number;
    Some(proposal)
}

fn yes_no(b: bool) -> String {
    if b { "yes" } else { "no" }.to_owned()
}

fn balance_rules(reviewed: &[&BoardLine], settings: &SelectionSettings) -> Vec<Balance> {
    let mut rules = Vec::new();
    let mut rule = |label: String, key: &str, value: &str, percent: u32| {
        if percent > 0 {
            rules.push(Balance {
                label,
                key: key.to_owned(),
                value: value.to_owned(),
                min_share_percent: percent,
            });
        }
    };
    rule(
        format!(
            "developing country ≥ {} %",
            settings.developing_country_percent
        ),
        "developing_country",
        "yes",
        settings.developing_country_percent,
    );
    rule(
        format!("first-time proposer ≥ {} %", settings.first_time_percent),
        "first_time",
        "yes",
        settings.first_time_percent,
    );
    let regions: BTreeSet<&str> = reviewed
        .iter()
        .map(|l| l.region.as_str())
        .filter(|r| *r != "none")
        .collect();
    for r in regions {
        rule(
            format!("region {r} ≥ {} %", settings.region_percent),
            "region",
            r,
            settings.region_percent,
        );
    }
    let groups: BTreeSet<&str> = reviewed
        .iter()
        .map(|l| l.stakeholder_group.as_str())
        .filter(|g| *g != "unknown")
        .collect();
    for g in groups {
        rule(
            format!(
                "stakeholder group {g} ≥ {} %",
                settings.stakeholder_group_percent
            ),
            "stakeholder_group",
            g,
            settings.stakeholder_group_percent,
        );
    }
    if reviewed.iter().any(|l| l.gender == "woman") {
        rule(
            format!("woman first organiser ≥ {} %", settings.women_percent),
            "gender",
            "woman",
            settings.women_percent,
        );
    }
    rules
}

// ---------------------------------------------------------------------------------------------
// Deciding
// ---------------------------------------------------------------------------------------------

fn check_decision(input: &DecisionInput) -> Result<(String, String, String), ActionError> {
    let decision = input.decision.trim().to_lowercase();
    let condition = input.condition.trim().to_owned();
    let rationale = input.rationale.trim().to_owned();
    let mut problems = Vec::new();
    if !DECISIONS.contains(&decision.as_str()) {
        problems.push(FieldError::new(
            "decision",
            "unknown",
            format!("\"{decision}\" is not a decision: accept, decline or conditional"),
        ));
    }
    if decision == "conditional" && condition.is_empty() {
        problems.push(FieldError::new(
            "condition",
            "required",
            "a conditional acceptance needs its condition (e.g. \"must merge with #12\")",
        ));
    }
    if decision != "conditional" && !condition.is_empty() {
        problems.push(FieldError::new(
            "condition",
            "not_conditional",
            "a condition goes only with a conditional acceptance",
        ));
    }
    if rationale.is_empty() {
        problems.push(FieldError::new(
            "rationale",
            "required",
            "every decision needs its rationale",
        ));
    }
    match problems.into_iter().next() {
        Some(p) => Err(p.into()),
        None => Ok((decision, condition, rationale)),
    }
}

/// Records a decision on proposal `number` (`DecideSelection`; changing a final decision
/// needs `FinaliseSelection`, the chair). The new decision is not final.
pub async fn decide(
    app: &App,
    viewer: &Viewer,
    forum_slug: &str,
    year: i32,
    number: u32,
    input: DecisionInput,
) -> Result<BoardLine, ActionError> {
    let now = app.now();
    let mut tx = app.db().begin().await?;
    let (forum, principal) =
        scope(&mut tx, viewer, forum_slug, Permission::DecideSelection).await?;
    let (decision, condition, rationale) = check_decision(&input)?;
    let facts = load(&mut tx, forum, year).await?;
    let line = evaluated_line(&facts, number)?;
    let id = facts.ids[&number];
    let before = facts.current.get(&id);
    if before.is_some_and(|d| d.is_final) {
        authorize(&principal, Permission::FinaliseSelection).map_err(|_| ActionError::Rule {
            code: "final",
            message: format!("the decision on #{number} is final: only the chair can change it"),
        })?;
    }
    let actor = viewer.actor();
    let new = NewDecision {
        cycle: facts.cycle.id,
        proposal: id,
        decision,
        condition,
        rationale,
        decided_by: actor.label(),
        is_final: false,
        run_number: None,
    };
    q::insert_decision(&mut tx, &new, now).await?;
    audit::record(
        &mut tx,
        &actor,
        AuditEntry {
            forum: Some(facts.forum.id),
            action: "selection.decided",
            entity_type: "proposal",
            entity_id: id.to_string(),
            before: before.map(|d| {
                decision_json(d.decision.as_str(), &d.condition, &d.rationale, d.is_final)
            }),
            after: Some(decision_json(
                &new.decision,
                &new.condition,
                &new.rationale,
                false,
            )),
        },
        now,
    )
    .await?;
    let current = q::current_decisions(&mut tx, facts.cycle.id).await?;
    tx.commit().await?;
    let mut line = line.clone();
    line.decision = current.iter().find(|d| d.proposal == id).map(view_of);
    Ok(line)
}

fn decision_json(decision: &str, condition: &str, rationale: &str, is_final: bool) -> String {
    json!({
        "decision": decision,
        "condition": condition,
        "rationale": rationale,
        "final": is_final,
    })
    .to_string()
}

fn evaluated_line(facts: &Facts, number: u32) -> Result<&BoardLine, ActionError> {
    let Some(line) = facts.lines.iter().find(|l| l.number == number) else {
        return Err(ActionError::Rule {
            code: "not_evaluated",
            message: format!(
                "proposal #{number} is not among the evaluated proposals of {}",
                facts.cycle.year
            ),
        });
    };
    if line.count == 0 {
        return Err(ActionError::Rule {
            code: "not_reviewed",
            message: format!(
                "proposal #{number} has no counted review yet: decide after its evaluation"
            ),
        });
    }
    Ok(line)
}

/// Records the choices of selection run `run` as non-final decisions, with the run's reasons
/// as rationale, for the reviewed proposals without a decision (`DecideSelection`). Returns
/// how many decisions were recorded.
pub async fn apply_proposal(
    app: &App,
    viewer: &Viewer,
    forum_slug: &str,
    year: i32,
    run: i64,
) -> Result<usize, ActionError> {
    let mut tx = app.db().begin().await?;
    let (forum, _) = scope(&mut tx, viewer, forum_slug, Permission::DecideSelection).await?;
    let n = apply_in(app, &mut tx, &viewer.actor(), forum, year, run).await?;
    tx.commit().await?;
    Ok(n)
}

/// `apply_proposal` for operators (CLI).
pub async fn apply_proposal_as_operator(
    app: &App,
    actor: &Actor,
    forum_slug: &str,
    year: i32,
    run: i64,
) -> Result<usize, ActionError> {
    let mut tx = app.db().begin().await?;
    let (forum, _) = forums::forum_and_principal(&mut tx, &Viewer::anonymous(), forum_slug).await?;
    let n = apply_in(app, &mut tx, actor, forum, year, run).await?;
    tx.commit().await?;
    Ok(n)
}

async fn apply_in(
    app: &App,
    tx: &mut Tx,
    actor: &Actor,
    forum: Forum,
    year: i32,
    run: i64,
) -> Result<usize, ActionError> {
    let now = app.now();
    let facts = load(tx, forum, year).await?;
    let Some(stored) = q::run(tx, facts.cycle.id, run).await? else {
        return Err(ActionError::Rule {
            code: "unknown_run",
            message: format!("there is no selection run {run} in {}", facts.cycle.year),
        });
    };
    let proposal = self::stored(&stored)
        .ok_or_else(|| anyhow::anyhow!("selection run {run}: unreadable report"))?;
    if !proposal.infeasible.is_empty() {
        return Err(ActionError::Rule {
            code: "infeasible_run",
            message: format!("selection run {run} proposed no selection"),
        });
    }
    let mut applied = 0;
    for d in &proposal.decisions {
        let Some(id) = facts.ids.get(&d.number) else {
            continue;
        };
        if facts.current.contains_key(id) {
            continue;
        }
        let new = NewDecision {
            cycle: facts.cycle.id,
            proposal: *id,
            decision: if d.accept { "accept" } else { "decline" }.to_owned(),
            condition: String::new(),
            rationale: format!("Selection run {run}: {}", d.reason),
            decided_by: actor.label(),
            is_final: false,
            run_number: Some(run),
        };
        q::insert_decision(tx, &new, now).await?;
        applied += 1;
    }
    audit::record(
        tx,
        actor,
        AuditEntry {
            forum: Some(facts.forum.id),
            action: "selection.applied",
            entity_type: "cycle",
            entity_id: facts.cycle.id.to_string(),
            before: None,
            after: Some(
                json!({ "year": facts.cycle.year, "run": run, "recorded": applied }).to_string(),
            ),
        },
        now,
    )
    .await?;
    Ok(applied)
}

/// Records every current decision as final (`FinaliseSelection`: the chair).
pub async fn finalise(
    app: &App,
    viewer: &Viewer,
    forum_slug: &str,
    year: i32,
) -> Result<FinaliseReport, ActionError> {
    let now = app.now();
    let mut tx = app.db().begin().await?;
    let (forum, _) = scope(&mut tx, viewer, forum_slug, Permission::FinaliseSelection).await?;
    let facts = load(&mut tx, forum, year).await?;
    if facts.current.is_empty() {
        return Err(ActionError::Rule {
            code: "nothing_decided",
            message: format!("no decision is recorded for {} yet", facts.cycle.year),
        });
    }
    let actor = viewer.actor();
    let mut report = FinaliseReport {
        finalised: 0,
        already_final: 0,
        undecided: facts
            .ids
            .values()
            .filter(|id| !facts.current.contains_key(id))
            .count(),
    };
    let mut current: Vec<&DecisionRow> = facts.current.values().collect();
    current.sort_by_key(|d| d.proposal);
    for d in current {
        if d.is_final {
            report.already_final += 1;
            continue;
        }
        let new = NewDecision {
            cycle: d.cycle,
            proposal: d.proposal,
            decision: d.decision.clone(),
            condition: d.condition.clone(),
            rationale: d.rationale.clone(),
            decided_by: actor.label(),
            is_final: true,
            run_number: d.run_number,
        };
        q::insert_decision(&mut tx, &new, now).await?;
        report.finalised += 1;
    }
    audit::record(
        &mut tx,
        &actor,
        AuditEntry {
            forum: Some(facts.forum.id),
            action: "selection.finalised",
            entity_type: "cycle",
            entity_id: facts.cycle.id.to_string(),
            before: None,
            after: Some(
                json!({
                    "year": facts.cycle.year,
                    "finalised": report.finalised,
                    "already_final": report.already_final,
                    "undecided": report.undecided,
                })
                .to_string(),
            ),
        },
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(report)
}

/// Mails every proposer whose proposal has a final decision not yet notified, with the
/// outcome and the reasons (`ManageCalls`). Returns how many mails were queued.
pub async fn notify(
    app: &App,
    viewer: &Viewer,
    forum_slug: &str,
    year: i32,
) -> Result<usize, ActionError> {
    let now = app.now();
    let mut tx = app.db().begin().await?;
    let (forum, _) = scope(&mut tx, viewer, forum_slug, Permission::ManageCalls).await?;
    let facts = load(&mut tx, forum, year).await?;
    let mut finals: Vec<&DecisionRow> = facts.current.values().filter(|d| d.is_final).collect();
    if finals.is_empty() {
        return Err(ActionError::Rule {
            code: "nothing_final",
            message: format!(
                "no decision of {} is final yet: the chair records the decisions as final first",
                facts.cycle.year
            ),
        });
    }
    finals.sort_by_key(|d| d.proposal);
    let mut mailed = 0;
    for d in finals.into_iter().filter(|d| d.notified_at.is_none()) {
        let Some(row) = facts.rows.values().find(|r| r.id == d.proposal) else {
            continue;
        };
        let mail = decision_mail(row, d, &facts);
        let key = format!("selection_result:{}", d.id);
        jobs::enqueue_mail(&mut tx, &mail, Some(&key), now).await?;
        if q::mark_notified(&mut tx, d.id, now).await? {
            mailed += 1;
        }
    }
    audit::record(
        &mut tx,
        &viewer.actor(),
        AuditEntry {
            forum: Some(facts.forum.id),
            action: "selection.notified",
            entity_type: "cycle",
            entity_id: facts.cycle.id.to_string(),
            before: None,
            after: Some(json!({ "year": facts.cycle.year, "mailed": mailed }).to_string()),
        },
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(mailed)
}

fn decision_mail(row: &ProposalRow, d: &DecisionRow, facts: &Facts) -> OutgoingMail {
    let title = row.content.title.trim();
    let (subject, outcome) = match d.decision.as_str() {
        "accept" => ("accepted", "has been accepted".to_owned()),
        "conditional" => (
            "accepted with a condition",
            format!("has been accepted on this condition: {}", d.condition),
        ),
        _ => ("not accepted", "has not been accepted".to_owned()),
    };
    OutgoingMail {
        to: row.submitter_email.clone(),
        subject: format!("Proposal #{} {subject}: {title}", row.number),
        body: format!(
            "Dear {},\n\nYour proposal #{}, \"{title}\", to {} {} {outcome}.\n\nReasons: {}\n",
            row.submitter_name, row.number, facts.forum.name, facts.cycle.year, d.rationale
        ),
    }
}
