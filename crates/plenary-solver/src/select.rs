//! Selection as a portfolio: which proposals the MAG accepts, as a whole programme.
//!
//! Main items: `solve_selection` turns a `SelectProblem` (candidates with normalised scores,
//! slot `Budget`s per session type, `Cap`s per theme, soft `Balance` targets and the chair's
//! `Fixed` decisions) into a `Selection`: either a `SelectOutcome` (the accepted candidates,
//! budget, theme and balance reports, and an explanation of every `Borderline` decision) or a
//! `SelectInfeasibility` when the chair's own decisions already break a budget or a cap.
//! `check_selection` re-checks any proposed selection against the hard rules.
//!
//! The model, in order of priority (each step is exact, solved by good_lp's microlp):
//! 1. **Fill the programme**: the number accepted, `size`, is the largest number of
//!    candidates with a positive score (plus those the chair accepted) that the budgets, the
//!    caps and the fixed decisions allow. Balance never leaves a slot empty.
//! 2. **Balance** (soft): `Balance { min_share_percent: p }` wants at least
//!    `target = ceil(p × size / 100)` matching candidates among the accepted; every missing one
//!    (`shortfall = max(0, target − matching)`) costs `penalty_weight`, which is
//!    `1 + (highest − lowest score of the candidates that may be accepted)`: one missing
//!    selection outweighs any single swap of two candidates, so balance is bought by swaps,
//!    and a shortfall is left only when no swap can close it.
//! 3. **Score**: among selections of that size, maximise `Σ score − penalty_weight × Σ shortfall`.
//!
//! Invariants: a candidate with a score ≤ 0 is never worth a slot and is only accepted when
//! the chair fixed it so; a session type without a `Budget` has no slots; a theme without a
//! `Cap` is unlimited. The result depends only on the input; ties between equally good
//! selections go to lower candidate indexes. Bad input is an `Err(SelectError)`, never a
//! panic.
//!
//! Neighbours: the integer programmes are `select::model`, the reports and borderline
//! explanations `select::explanation`, the benchmark generator `select::synthetic`.
//! Converting proposals, syntheses and decisions into this input is `plenary-app`'s job.

mod explanation;
mod model;
mod synthetic;

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

pub use synthetic::synthetic_select_instance;

use model::SelectModel;

/// A request for a selection.
#[derive(Debug, Clone, PartialEq)]
pub struct SelectProblem {
    /// The proposals to choose from; a candidate is referred to by its index in this list.
    pub candidates: Vec<Candidate>,
    /// Slots per session type (upper bounds). A session type without a budget has no slots.
    pub budgets: Vec<Budget>,
    /// At most `max` accepted per theme. A theme without a cap is unlimited.
    pub caps: Vec<Cap>,
    /// Soft share targets over the accepted candidates.
    pub balance: Vec<Balance>,
    /// Decisions already recorded by the chair: `(candidate index, decision)`.
    pub fixed: Vec<(usize, Fixed)>,
}

/// One proposal.
#[derive(Debug, Clone, PartialEq)]
pub struct Candidate {
    /// Shown in explanations ("#12", a proposal number, …).
    pub id: String,
    /// Normalised score, higher is better; only a positive score is worth a slot.
    pub score: f64,
    pub session_type: String,
    /// The issue area.
    pub theme: String,
    /// Free-form attributes that `Balance` rules look at: "region", "stakeholder_group",
    /// "gender", "first_time" ("yes"/"no"), "developing_country" ("yes"/"no").
    pub attributes: BTreeMap<String, String>,
}

/// At most `slots` candidates of `session_type` are accepted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Budget {
    pub session_type: String,
    pub slots: u32,
}

/// At most `max` candidates of `theme` are accepted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cap {
    pub theme: String,
    pub max: u32,
}

/// Soft: at least `min_share_percent` % of the accepted candidates have attribute
/// `key = value` (e.g. developing_country = yes, 30 %). See the module docs for the penalty.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Balance {
    pub label: String,
    pub key: String,
    pub value: String,
    pub min_share_percent: u32,
}

/// A decision the chair has recorded; the selection respects it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fixed {
    Accept,
    Decline,
}

/// What `solve_selection` proposes.
#[derive(Debug, Clone, PartialEq)]
pub enum Selection {
    Proposed(SelectOutcome),
    Infeasible(SelectInfeasibility),
}

/// The best selection under the rules, with its reports and explanations.
#[derive(Debug, Clone, PartialEq)]
pub struct SelectOutcome {
    /// Accepted candidate indexes, ascending.
    pub accepted: Vec<usize>,
    /// `score_total − penalty_weight × Σ shortfall`: what the selection maximises.
    pub objective: f64,
    /// Sum of the accepted candidates' scores.
    pub score_total: f64,
    /// The cost of one missing selection in a balance target.
    pub penalty_weight: f64,
    /// `(session type, used, slots)`, in the order of the budgets.
    pub per_budget: Vec<(String, u32, u32)>,
    /// `(theme, accepted, cap)` for every theme of a candidate or a cap, alphabetical.
    pub per_theme: Vec<(String, u32, Option<u32>)>,
    /// One report per balance rule, in input order.
    pub balance: Vec<BalanceReport>,
    /// The decisions near the cut, per budget (in budget order): the lowest-scored accepted
    /// and the highest-scored declined candidates of that session type, with the reason.
    pub borderline: Vec<Borderline>,
    /// A plain-English summary, one sentence a line.
    pub lines: Vec<String>,
    /// The search ran to completion (always true: microlp has no time limit).
    pub proven_optimal: bool,
}

/// How a balance target came out.
#[derive(Debug, Clone, PartialEq)]
pub struct BalanceReport {
    pub label: String,
    pub wanted_percent: u32,
    /// Share of the accepted candidates that match, in percent (0 when nothing is accepted).
    pub achieved_percent: f64,
    /// Matching candidates among the accepted.
    pub matching: u32,
    /// `ceil(wanted_percent × accepted / 100)`.
    pub target: u32,
    /// `max(0, target − matching)`: missing selections.
    pub shortfall: u32,
}

/// A decision near the cut and why it went that way.
#[derive(Debug, Clone, PartialEq)]
pub struct Borderline {
    pub candidate: usize,
    pub session_type: String,
    pub score: f64,
    pub accepted: bool,
    /// The best objective with this one decision flipped, minus the optimum (≤ 0); `None`
    /// when it cannot be flipped (a chair's decision, a score ≤ 0, or a hard limit).
    pub flip_change: Option<f64>,
    /// The constraints that decide it: "budget <type>", "cap <theme>", a balance label,
    /// "programme size".
    pub binding: Vec<String>,
    pub reason: String,
}

/// The chair's decisions alone break a hard rule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SelectInfeasibility {
    pub reasons: Vec<String>,
}

/// Input that is wrong rather than merely impossible to satisfy.
#[derive(Debug, Clone, PartialEq)]
pub enum SelectError {
    InvalidScore {
        candidate: usize,
        score: f64,
    },
    DuplicateId {
        id: String,
    },
    DuplicateBudget {
        session_type: String,
    },
    DuplicateCap {
        theme: String,
    },
    ShareAbove100 {
        label: String,
        percent: u32,
    },
    FixedOutOfRange {
        index: usize,
        n_candidates: usize,
    },
    ConflictingFixed {
        index: usize,
    },
    /// The solver backend failed for a reason other than infeasibility.
    Solver(String),
}

impl fmt::Display for SelectError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SelectError::InvalidScore { candidate, score } => write!(
                f,
                "candidate {candidate} has score {score}; scores must be finite"
            ),
            SelectError::DuplicateId { id } => write!(f, "candidate {id:?} appears more than once"),
            SelectError::DuplicateBudget { session_type } => {
                write!(f, "session type {session_type:?} has more than one budget")
            }
            SelectError::DuplicateCap { theme } => {
                write!(f, "theme {theme:?} has more than one cap")
            }
            SelectError::ShareAbove100 { label, percent } => {
                write!(f, "balance {label:?} asks for {percent} %, above 100 %")
            }
            SelectError::FixedOutOfRange {
                index,
                n_candidates,
            } => write!(
                f,
                "fixed decision for candidate {index}, but there are {n_candidates} candidates"
            ),
            SelectError::ConflictingFixed { index } => write!(
                f,
                "candidate {index} is both accepted and declined by fixed decisions"
            ),
            SelectError::Solver(message) => write!(f, "the solver failed: {message}"),
        }
    }
}

impl std::error::Error for SelectError {}

/// Proposes the best selection (see the module docs for the model) with its reports and the
/// explanation of the borderline decisions; or, when the chair's fixed acceptances already
/// overfill a budget or a cap, says which.
///
/// Errors only on invalid input (see `SelectError`) or an unexpected solver failure.
pub fn solve_selection(problem: &SelectProblem) -> Result<Selection, SelectError> {
    let fixed = validate(problem)?;
    let reasons = fixed_overruns(problem, &fixed);
    if !reasons.is_empty() {
        return Ok(Selection::Infeasible(SelectInfeasibility { reasons }));
    }
    let model = SelectModel::new(problem, fixed);
    let Some(base) = model.best(None)? else {
        // Unreachable after `fixed_overruns`, but say so rather than panic.
        return Ok(Selection::Infeasible(SelectInfeasibility {
            reasons: vec!["the solver found no selection that respects the fixed decisions".into()],
        }));
    };
    Ok(Selection::Proposed(explanation::explain(&model, base)?))
}

/// Every way `accepted` breaks the hard rules of `problem` (fixed decisions, budgets, caps),
/// in plain English; empty when the selection is valid. Balance is soft and not checked.
pub fn check_selection(problem: &SelectProblem, accepted: &[usize]) -> Vec<String> {
    let mut problems = Vec::new();
    let distinct: BTreeSet<usize> = accepted.iter().copied().collect();
    if distinct.len() != accepted.len() {
        problems.push("a candidate is accepted more than once".to_owned());
    }
    let n = problem.candidates.len();
    for &index in distinct.iter().filter(|&&index| index >= n) {
        problems.push(format!("candidate {index} does not exist"));
    }
    let valid: Vec<&Candidate> = distinct
        .iter()
        .filter_map(|&index| problem.candidates.get(index))
        .collect();
    for &(index, decision) in &problem.fixed {
        let Some(candidate) = problem.candidates.get(index) else {
            continue;
        };
        match (decision, distinct.contains(&index)) {
            (Fixed::Accept, false) => problems.push(format!(
                "{} was accepted by the chair but is not in the selection",
                candidate.id
            )),
            (Fixed::Decline, true) => problems.push(format!(
                "{} was declined by the chair but is in the selection",
                candidate.id
            )),
            _ => {}
        }
    }
    let budgeted: BTreeSet<&str> = problem
        .budgets
        .iter()
        .map(|budget| budget.session_type.as_str())
        .collect();
    for candidate in valid
        .iter()
        .filter(|c| !budgeted.contains(c.session_type.as_str()))
    {
        problems.push(format!(
            "{} is a {} and that session type has no budget",
            candidate.id, candidate.session_type
        ));
    }
    for budget in &problem.budgets {
        let used = valid
            .iter()
            .filter(|c| c.session_type == budget.session_type)
            .count();
        if used > budget.slots as usize {
            problems.push(format!(
                "the {} budget of {} slots holds {used}",
                budget.session_type, budget.slots
            ));
        }
    }
    for cap in &problem.caps {
        let used = valid.iter().filter(|c| c.theme == cap.theme).count();
        if used > cap.max as usize {
            problems.push(format!(
                "theme {} is capped at {} but has {used}",
                cap.theme, cap.max
            ));
        }
    }
    problems
}

/// Whether `candidate` has attribute `key = value`.
fn matches(candidate: &Candidate, key: &str, value: &str) -> bool {
    candidate
        .attributes
        .get(key)
        .is_some_and(|actual| actual == value)
}

/// Checks the input; gives the fixed decision per candidate.
fn validate(problem: &SelectProblem) -> Result<Vec<Option<Fixed>>, SelectError> {
    for (candidate, c) in problem.candidates.iter().enumerate() {
        if !c.score.is_finite() {
            return Err(SelectError::InvalidScore {
                candidate,
                score: c.score,
            });
        }
    }
    let mut ids = BTreeSet::new();
    for c in &problem.candidates {
        if !ids.insert(c.id.as_str()) {
            return Err(SelectError::DuplicateId { id: c.id.clone() });
        }
    }
    let mut types = BTreeSet::new();
    for budget in &problem.budgets {
        if !types.insert(budget.session_type.as_str()) {
            return Err(SelectError::DuplicateBudget {
                session_type: budget.session_type.clone(),
            });
        }
    }
    let mut themes = BTreeSet::new();
    for cap in &problem.caps {
        if !themes.insert(cap.theme.as_str()) {
            return Err(SelectError::DuplicateCap {
                theme: cap.theme.clone(),
            });
        }
    }
    for balance in &problem.balance {
        if balance.min_share_percent > 100 {
            return Err(SelectError::ShareAbove100 {
                label: balance.label.clone(),
                percent: balance.min_share_percent,
            });
        }
    }
    let n_candidates = problem.candidates.len();
    let mut fixed = vec![None; n_candidates];
    for &(index, decision) in &problem.fixed {
        let Some(slot) = fixed.get_mut(index) else {
            return Err(SelectError::FixedOutOfRange {
                index,
                n_candidates,
            });
        };
        if slot.is_some_and(|earlier| earlier != decision) {
            return Err(SelectError::ConflictingFixed { index });
        }
        *slot = Some(decision);
    }
    Ok(fixed)
}

/// Budgets and caps that the chair's acceptances alone overfill.
fn fixed_overruns(problem: &SelectProblem, fixed: &[Option<Fixed>]) -> Vec<String> {
    let accepted: Vec<&Candidate> = problem
        .candidates
        .iter()
        .zip(fixed)
        .filter(|(_, decision)| **decision == Some(Fixed::Accept))
        .map(|(c, _)| c)
        .collect();
    let mut reasons = Vec::new();
    let budgeted: BTreeSet<&str> = problem
        .budgets
        .iter()
        .map(|b| b.session_type.as_str())
        .collect();
    for c in accepted
        .iter()
        .filter(|c| !budgeted.contains(c.session_type.as_str()))
    {
        reasons.push(format!(
            "the chair accepted {}, a {}, but that session type has no budget",
            c.id, c.session_type
        ));
    }
    for budget in &problem.budgets {
        let n = accepted
            .iter()
            .filter(|c| c.session_type == budget.session_type)
            .count();
        if n > budget.slots as usize {
            reasons.push(format!(
                "the chair accepted {n} of type {} but its budget has {} slots",
                budget.session_type, budget.slots
            ));
        }
    }
    for cap in &problem.caps {
        let n = accepted.iter().filter(|c| c.theme == cap.theme).count();
        if n > cap.max as usize {
            reasons.push(format!(
                "the chair accepted {n} in theme {} but it is capped at {}",
                cap.theme, cap.max
            ));
        }
    }
    reasons
}
