//! Balanced slates: which nominees fill a body's open seats, given its constitution.
//!
//! Main items: `solve_slate` turns a `SlateProblem` (continuing members, open seats, nominee
//! pool with secretariat scores, hard `Quota`s and soft `Preference`s) into a `SlateOutcome`:
//! either a `Slate` with its proof of optimality and a `SlateExplanation`, or an
//! `Infeasibility` with the smallest relaxation of the rules that would admit a slate.
//! `check_slate` re-checks any proposed slate against the hard rules.
//!
//! Invariants: quotas count the whole body (continuing members plus chosen nominees); the
//! result depends only on the input (no clock, no randomness, variables and constraints built
//! in input order); ties between equally good slates go to lower nominee indexes (see
//! `model`). Bad input is an `Err(SlateError)`; rules that no slate can satisfy are an
//! `Ok(SlateOutcome::Infeasible(..))`, never a panic.
//!
//! Neighbours: the integer programme lives in `slate::model`, the explanation of a chosen
//! slate in `slate::explanation`, the explanation of an impossible request in
//! `slate::infeasibility`, the benchmark generator in `slate::synthetic`. Converting
//! bodies and members from the database into this input is `plenary-app`'s job.

mod explanation;
mod infeasibility;
mod model;
mod synthetic;

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

pub use synthetic::synthetic_instance;

use model::SlateModel;

/// A request for a slate: fill `seats_to_fill` seats from `nominees` under the body's rules.
#[derive(Debug, Clone, PartialEq)]
pub struct SlateProblem {
    /// How many nominees to choose (the required rotation). Must be at least 1.
    pub seats_to_fill: u32,
    /// Members who stay on the body; they count towards every quota.
    pub continuing: Vec<Person>,
    /// The pool to choose from; a nominee is referred to by its index in this list.
    pub nominees: Vec<Nominee>,
    /// Hard rules over the whole body.
    pub quotas: Vec<Quota>,
    /// Soft rules: bonuses (or, with a negative weight, penalties) per chosen nominee.
    pub preferences: Vec<Preference>,
    /// Indexes of nominees who must be chosen (for example standing seats already decided).
    pub required: Vec<usize>,
}

/// A person with free-form attributes; the constitution decides which keys matter
/// (usually "stakeholder_group", "region", "gender", "country", "first_time").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Person {
    pub id: String,
    pub attributes: BTreeMap<String, String>,
}

/// A nominee and the secretariat's merit score (any non-negative finite number, e.g. 0–100).
#[derive(Debug, Clone, PartialEq)]
pub struct Nominee {
    pub person: Person,
    pub score: f64,
}

/// A hard rule: the number of body members matching every `(key, value)` pair of `condition`
/// lies within `min..=max`. An empty condition matches everybody.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quota {
    pub label: String,
    pub condition: Vec<(String, String)>,
    pub min: Option<u32>,
    pub max: Option<u32>,
}

/// A soft rule: every chosen nominee matching `condition` adds `weight` to the objective.
#[derive(Debug, Clone, PartialEq)]
pub struct Preference {
    pub label: String,
    pub condition: Vec<(String, String)>,
    pub weight: f64,
}

/// What `solve_slate` proposes.
#[derive(Debug, Clone, PartialEq)]
pub enum SlateOutcome {
    Proposed(Slate),
    Infeasible(Infeasibility),
}

/// The best slate under the rules.
#[derive(Debug, Clone, PartialEq)]
pub struct Slate {
    /// Chosen nominee indexes, ascending.
    pub chosen: Vec<usize>,
    /// `merit + bonus`: what the slate maximises (the tie-break epsilon is not included).
    pub objective: f64,
    /// Sum of the chosen nominees' scores.
    pub merit: f64,
    /// Sum of the preference weights earned by the chosen nominees.
    pub bonus: f64,
    pub optimality: Optimality,
    pub explanation: SlateExplanation,
}

/// How sure the solver is that no better slate exists.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Optimality {
    /// The branch and bound search ran to completion.
    pub proven_optimal: bool,
    /// Relative gap between the slate and the best bound, when known (0 when proven).
    pub gap: Option<f64>,
}

/// Why the slate is what it is.
#[derive(Debug, Clone, PartialEq)]
pub struct SlateExplanation {
    /// Quotas whose count sits exactly on a bound in the proposed slate.
    pub binding: Vec<BindingQuota>,
    /// Nominees scoring above the lowest chosen score who were left out, best first (at most 20).
    pub not_chosen: Vec<NotChosen>,
    /// A plain-English summary, one sentence a line.
    pub lines: Vec<String>,
}

/// A quota at one of its bounds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BindingQuota {
    pub label: String,
    pub count: u32,
    pub min: Option<u32>,
    pub max: Option<u32>,
    pub at: Bound,
}

/// Which side of a quota.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Bound {
    Min,
    Max,
}

/// A strong nominee who was not chosen, and why.
#[derive(Debug, Clone, PartialEq)]
pub struct NotChosen {
    pub nominee: usize,
    pub score: f64,
    pub reason: String,
}

/// Why no slate satisfies the rules, and the smallest change that would admit one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Infeasibility {
    /// Plain-English reasons: counting arguments first, then the relaxation.
    pub reasons: Vec<String>,
    /// The smallest total relaxation (fewest units of slack) that admits a slate.
    pub relaxations: Vec<Relaxation>,
}

/// One bound to loosen: a min lowered `by`, a max raised `by`. The label "seats to fill"
/// with `Bound::Min` means filling `by` fewer seats.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Relaxation {
    pub label: String,
    pub bound: Bound,
    pub by: u32,
}

/// Input that is wrong rather than merely impossible to satisfy.
#[derive(Debug, Clone, PartialEq)]
pub enum SlateError {
    NoSeatsToFill,
    InvalidScore {
        nominee: usize,
        score: f64,
    },
    InvalidWeight {
        label: String,
        weight: f64,
    },
    MinAboveMax {
        label: String,
        min: u32,
        max: u32,
    },
    DuplicatePerson {
        id: String,
    },
    RequiredOutOfRange {
        index: usize,
        n_nominees: usize,
    },
    /// The solver backend failed for a reason other than infeasibility.
    Solver(String),
}

impl fmt::Display for SlateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SlateError::NoSeatsToFill => write!(f, "a slate request must fill at least one seat"),
            SlateError::InvalidScore { nominee, score } => write!(
                f,
                "nominee {nominee} has score {score}; scores must be finite and not negative"
            ),
            SlateError::InvalidWeight { label, weight } => {
                write!(
                    f,
                    "preference {label:?} has weight {weight}; weights must be finite"
                )
            }
            SlateError::MinAboveMax { label, min, max } => {
                write!(f, "quota {label:?} has min {min} above max {max}")
            }
            SlateError::DuplicatePerson { id } => {
                write!(f, "person {id:?} appears more than once")
            }
            SlateError::RequiredOutOfRange { index, n_nominees } => write!(
                f,
                "required nominee {index} does not exist (there are {n_nominees} nominees)"
            ),
            SlateError::Solver(message) => write!(f, "the solver failed: {message}"),
        }
    }
}

impl std::error::Error for SlateError {}

/// Proposes the slate with the highest `merit + bonus` that satisfies every quota, with its
/// explanation; or, when no slate can, the reasons and the smallest relaxation.
///
/// Errors only on invalid input (see `SlateError`) or an unexpected solver failure.
pub fn solve_slate(problem: &SlateProblem) -> Result<SlateOutcome, SlateError> {
    validate(problem)?;
    let model = SlateModel::new(problem);
    let required = model.required();
    match model.best_slate(&required)? {
        Some(chosen) => Ok(SlateOutcome::Proposed(explanation::explain(
            &model, chosen,
        )?)),
        None => Ok(SlateOutcome::Infeasible(infeasibility::explain(&model)?)),
    }
}

/// Every way `chosen` breaks the hard rules of `problem` (seat count, required nominees,
/// quotas), in plain English; empty when the slate is valid. Cheap: no solver involved.
pub fn check_slate(problem: &SlateProblem, chosen: &[usize]) -> Vec<String> {
    let mut problems = Vec::new();
    let distinct: BTreeSet<usize> = chosen.iter().copied().collect();
    if distinct.len() != chosen.len() {
        problems.push("a nominee is chosen more than once".to_owned());
    }
    if let Some(&index) = distinct
        .iter()
        .find(|&&index| index >= problem.nominees.len())
    {
        problems.push(format!("nominee {index} does not exist"));
    }
    if distinct.len() != problem.seats_to_fill as usize {
        problems.push(format!(
            "chose {} nominees but {} seats are open",
            distinct.len(),
            problem.seats_to_fill
        ));
    }
    for &index in &problem.required {
        if !distinct.contains(&index) {
            problems.push(format!("required nominee {index} is not chosen"));
        }
    }
    for quota in &problem.quotas {
        let from_continuing = problem
            .continuing
            .iter()
            .filter(|person| matches(person, &quota.condition))
            .count();
        let from_chosen = distinct
            .iter()
            .filter_map(|&index| problem.nominees.get(index))
            .filter(|nominee| matches(&nominee.person, &quota.condition))
            .count();
        let count = from_continuing + from_chosen;
        if let Some(min) = quota.min
            && count < min as usize
        {
            problems.push(format!(
                "{}: {count} is below the minimum {min}",
                quota.label
            ));
        }
        if let Some(max) = quota.max
            && count > max as usize
        {
            problems.push(format!(
                "{}: {count} is above the maximum {max}",
                quota.label
            ));
        }
    }
    problems
}

/// Whether `person` has every `(key, value)` attribute of `condition`.
fn matches(person: &Person, condition: &[(String, String)]) -> bool {
    condition.iter().all(|(key, value)| {
        person
            .attributes
            .get(key)
            .is_some_and(|actual| actual == value)
    })
}

fn validate(problem: &SlateProblem) -> Result<(), SlateError> {
    if problem.seats_to_fill == 0 {
        return Err(SlateError::NoSeatsToFill);
    }
    for (nominee, candidate) in problem.nominees.iter().enumerate() {
        if !candidate.score.is_finite() || candidate.score < 0.0 {
            return Err(SlateError::InvalidScore {
                nominee,
                score: candidate.score,
            });
        }
    }
    for preference in &problem.preferences {
        if !preference.weight.is_finite() {
            return Err(SlateError::InvalidWeight {
                label: preference.label.clone(),
                weight: preference.weight,
            });
        }
    }
    for quota in &problem.quotas {
        if let (Some(min), Some(max)) = (quota.min, quota.max)
            && min > max
        {
            return Err(SlateError::MinAboveMax {
                label: quota.label.clone(),
                min,
                max,
            });
        }
    }
    let mut seen = BTreeSet::new();
    let people = problem
        .continuing
        .iter()
        .chain(problem.nominees.iter().map(|n| &n.person));
    for person in people {
        if !seen.insert(person.id.as_str()) {
            return Err(SlateError::DuplicatePerson {
                id: person.id.clone(),
            });
        }
    }
    let n_nominees = problem.nominees.len();
    if let Some(&index) = problem.required.iter().find(|&&index| index >= n_nominees) {
        return Err(SlateError::RequiredOutOfRange { index, n_nominees });
    }
    Ok(())
}
