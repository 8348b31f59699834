//! Reviewer assignment: which reviewers evaluate which proposals.
//!
//! Main items: `solve_assignment` turns an `AssignProblem` (proposals with their evaluation
//! group and topics, reviewers with their groups, expertise, stakeholder group, region and
//! load cap, conflicts of interest, the wanted stakeholder/region `Mix`, and the current pairs
//! to `keep`) into an `AssignOutcome`: an `Assignment` of exactly `reviews_per_proposal`
//! distinct reviewers to every proposal, or an `AssignInfeasibility` naming which proposals
//! are short and why. `check_assignment` re-checks any pair list against the hard rules.
//! `synthetic_assign_instance` generates benchmark instances; `assignment_network` exposes
//! the flow network for comparison with other solvers.
//!
//! The model (exact; the numbers are the `pub const`s below):
//! - Reviewer r may review proposal p when `p.group` is empty, or `r.groups` is empty, or
//!   `r.groups` contains `p.group`; and (p, r) is not a conflict; and `r.load_cap > 0`.
//! - Each proposal gets exactly k distinct eligible reviewers; each reviewer at most
//!   `load_cap` proposals.
//! - **Cost of a pair** `cost(p, r) = BASE_COST − MATCH_GAIN × min(m, MAX_COUNTED_MATCHES)`
//!   with m the number of `p.topics` found in `r.expertise` (trimmed, case-insensitive): 10
//!   with no match, 6 with one, 2 with two or more. `affinity_matches` counts pairs with m ≥ 1.
//! - **Load balance**: reviewer r has a target t_r (`load_target`, at most the cap; when
//!   `None`, the even share — see `load_targets`). Units up to t_r cost nothing; the j-th unit
//!   above it costs `OVER_TARGET_STEP × j` (convex: 2, 4, 6, …), so a reviewer goes one
//!   proposal above target for a one-topic match (gain 4 > 2), a second only on a tie, and
//!   excess spreads evenly.
//! - `objective` = Σ pair costs + Σ load penalties. The solver minimises, lexicographically:
//!   (1) the total mix shortfall, (2) the number of pairs not in `keep`, (3) `objective`. It
//!   does so with one integer objective `W_mix × shortfall + W_keep × new_pairs + objective`,
//!   where `W_keep = S + 1` (0 when `keep` is empty, the term then being constant) and
//!   `W_mix = W_keep × k × |P| + S + 1`, S being an upper bound of `objective` (k × |P| ×
//!   `BASE_COST` plus every reviewer's largest load penalty). One more kept pair therefore
//!   outweighs any gain in affinity or balance, and one unit less shortfall outweighs both.
//! - **Mix**: each proposal's reviewers should span at least `min_stakeholder_groups`
//!   stakeholder groups and `min_regions` regions, "where the pool allows": the wanted number
//!   is `min(m, k, distinct values among the proposal's eligible reviewers)` (0 or 1 = off; an
//!   empty value counts as a value of its own). A shortfall is allowed but costs `W_mix` per
//!   missing group or region, so a mix that the loads cannot satisfy never makes the problem
//!   infeasible; every remaining shortfall is reported with why.
//!
//! Methods (`Assignment::method`): "min-cost flow" when the model is a flow — no mix, or the
//! mix in one dimension only with every wanted number in {1, 2, k} (see `assign::model` for
//! why per-(proposal, class) capacities `k − m + 1` are then exact; with k ≤ 3 that is every
//! single-dimension mix) — and also when two dimensions are wanted but the flow carrying one
//! of them, with Lagrangian prices on the other, finds an assignment meeting its own lower
//! bound (`assign::integer`). Otherwise "integer programme" over the pairs that reduced-cost
//! fixing leaves; when even that is too large, the best assignment found is returned with
//! `proven_optimal = false` and its `gap` to the lower bound.
//!
//! Invariants: deterministic (no clock, no randomness; networks and programmes are built in
//! input order); bad input is an `Err(AssignError)`; a problem with no assignment of k
//! reviewers each is an `Ok(AssignOutcome::Infeasible(..))`, never a panic.
//!
//! Neighbours: the flow algorithm is `assign::flow`, the network and the objective
//! `assign::model`, the integer programme `assign::integer`, the infeasibility explanation
//! `assign::infeasibility`, the text of a result `assign::explanation`, the generator
//! `assign::synthetic`. Converting a cycle's reviewer pool and proposals into this input, and
//! storing the pairs, is `plenary-app`'s job (`calls::review`).

mod explanation;
mod flow;
mod infeasibility;
mod integer;
mod model;
mod synthetic;

use std::collections::BTreeSet;
use std::fmt;

pub use model::{FlowArc, FlowNetwork, assignment_network, load_targets};
pub use synthetic::synthetic_assign_instance;

use model::{Dimension, Prepared};

/// Cost of a pair without any topic match.
pub const BASE_COST: i64 = 10;
/// Cost reduction per topic of the proposal found in the reviewer's expertise.
pub const MATCH_GAIN: i64 = 4;
/// Matches beyond this many do not lower the cost further.
pub const MAX_COUNTED_MATCHES: usize = 2;
/// The j-th review above a reviewer's load target costs `OVER_TARGET_STEP × j`.
pub const OVER_TARGET_STEP: i64 = 2;

/// A proposal to be reviewed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AssignProposal {
    pub id: String,
    /// Evaluation group code; "" means any reviewer may review it.
    pub group: String,
    /// Issue areas or topics, compared with reviewers' expertise.
    pub topics: Vec<String>,
}

/// A reviewer in the pool.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AssignReviewer {
    pub id: String,
    /// Evaluation groups this reviewer reviews; empty means any.
    pub groups: Vec<String>,
    pub expertise: Vec<String>,
    pub stakeholder_group: String,
    pub region: String,
    /// Most proposals this reviewer may get (0 = none).
    pub load_cap: u32,
    /// Wanted load; `None` = the even share (see `load_targets`).
    pub load_target: Option<u32>,
}

/// The wanted diversity of each proposal's reviewers; 0 or 1 switches a dimension off.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Mix {
    pub min_stakeholder_groups: u32,
    pub min_regions: u32,
}

/// A request for an assignment. Proposals and reviewers are referred to by index.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AssignProblem {
    /// k: distinct reviewers per proposal (at least 1).
    pub reviews_per_proposal: u32,
    pub proposals: Vec<AssignProposal>,
    pub reviewers: Vec<AssignReviewer>,
    /// (proposal, reviewer) pairs that must never be assigned.
    pub conflicts: BTreeSet<(usize, usize)>,
    pub mix: Mix,
    /// Current (proposal, reviewer) pairs: the solver disturbs as few as possible.
    pub keep: Vec<(usize, usize)>,
}

/// What `solve_assignment` proposes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AssignOutcome {
    Assigned(Assignment),
    Infeasible(AssignInfeasibility),
}

/// The best assignment under the rules.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Assignment {
    /// (proposal, reviewer) pairs, sorted; exactly k per proposal.
    pub pairs: Vec<(usize, usize)>,
    /// Σ pair costs + Σ load penalties (see the module documentation); lower is better.
    pub objective: i64,
    /// Pairs where the reviewer's expertise matches at least one topic of the proposal.
    pub affinity_matches: usize,
    /// Pairs of `keep` that are in `pairs`.
    pub kept: usize,
    /// Pairs of `keep` (without repeats) that are no longer in `pairs`.
    pub changed: usize,
    /// Proposals per reviewer, by reviewer index.
    pub loads: Vec<u32>,
    /// Proposals whose reviewers span fewer stakeholder groups or regions than wanted.
    pub mix_shortfalls: Vec<MixShortfall>,
    /// "min-cost flow" or "integer programme".
    pub method: &'static str,
    /// False only when two mix dimensions are wanted, the Lagrangian bound did not close the
    /// gap and the remaining integer programme was too large to run (see `gap`).
    pub proven_optimal: bool,
    /// How far the weighted objective (`W_mix × shortfall + W_keep × new pairs + objective`)
    /// may be above the optimum: 0 when proven optimal.
    pub gap: i64,
    /// A plain-English summary, one sentence a line.
    pub explanation: Vec<String>,
}

/// A proposal short of the wanted mix, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MixShortfall {
    pub proposal: usize,
    pub groups_have: u32,
    /// The wanted number after "where the pool allows" (0 = off).
    pub groups_wanted: u32,
    pub regions_have: u32,
    pub regions_wanted: u32,
    pub why: String,
}

/// Why no assignment of k reviewers to every proposal exists.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AssignInfeasibility {
    pub shortages: Vec<Shortage>,
}

/// A set of proposals that needs more reviews than the reviewers who may review it can give.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Shortage {
    pub proposals: Vec<usize>,
    /// The reviewers eligible for these proposals (for a Hall set: those whose load caps bind).
    pub reviewers: Vec<usize>,
    /// Reviews needed (k × proposals).
    pub demand: u64,
    /// Most reviews these reviewers can give them.
    pub capacity: u64,
    pub message: String,
}

/// Input that is wrong rather than merely impossible to satisfy.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AssignError {
    NoReviewsPerProposal,
    ConflictOutOfRange {
        proposal: usize,
        reviewer: usize,
    },
    KeepOutOfRange {
        proposal: usize,
        reviewer: usize,
    },
    DuplicateProposal {
        id: String,
    },
    DuplicateReviewer {
        id: String,
    },
    /// The instance is too large for the solver's 32-bit node and arc numbers, or its
    /// big-M weights would not fit in 64 bits.
    TooLarge,
    /// The integer programme's backend failed for a reason other than infeasibility.
    Solver(String),
}

impl fmt::Display for AssignError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            AssignError::NoReviewsPerProposal => {
                write!(f, "each proposal needs at least one review")
            }
            AssignError::ConflictOutOfRange { proposal, reviewer } => write!(
                f,
                "conflict ({proposal}, {reviewer}) names a proposal or reviewer that does not exist"
            ),
            AssignError::KeepOutOfRange { proposal, reviewer } => write!(
                f,
                "kept pair ({proposal}, {reviewer}) names a proposal or reviewer that does not exist"
            ),
            AssignError::DuplicateProposal { id } => {
                write!(f, "proposal {id:?} appears more than once")
            }
            AssignError::DuplicateReviewer { id } => {
                write!(f, "reviewer {id:?} appears more than once")
            }
            AssignError::TooLarge => write!(f, "the instance is too large"),
            AssignError::Solver(message) => write!(f, "the solver failed: {message}"),
        }
    }
}

impl std::error::Error for AssignError {}

/// Assigns k distinct eligible reviewers to every proposal, minimising (mix shortfall, changed
/// pairs, objective) lexicographically; or explains why no such assignment exists.
///
/// Errors only on invalid input (see `AssignError`) or an unexpected backend failure.
pub fn solve_assignment(problem: &AssignProblem) -> Result<AssignOutcome, AssignError> {
    validate(problem)?;
    let prepared = Prepared::new(problem)?;
    if let Some(infeasibility) = infeasibility::individual_shortages(&prepared)? {
        return Ok(AssignOutcome::Infeasible(infeasibility));
    }
    let in_flow = prepared.flow_dimension();
    let mut solved = model::solve_flow(&prepared, in_flow)?;
    let Some(flow_pairs) = solved.pairs.take() else {
        return Ok(AssignOutcome::Infeasible(infeasibility::hall_sets(
            &prepared,
        )?));
    };
    let needs_programme = prepared.needs_programme(in_flow);
    let relaxation_holds =
        !needs_programme || prepared.shortfall_outside(&flow_pairs, in_flow) == 0;
    let solution = if relaxation_holds {
        integer::Solution {
            pairs: flow_pairs,
            method: "min-cost flow",
            gap: 0,
            notes: if needs_programme {
                vec![relaxation_note(in_flow)]
            } else {
                Vec::new()
            },
        }
    } else {
        integer::solve(&prepared, solved, flow_pairs, in_flow)?
    };
    Ok(AssignOutcome::Assigned(explanation::explain(
        &prepared, solution,
    )))
}

fn relaxation_note(in_flow: Dimension) -> String {
    match in_flow {
        Dimension::None => "The assignment without the mix rule already meets it, so it is optimal with it too.".to_owned(),
        Dimension::Groups => "The flow with the stakeholder-group rule already spans the wanted regions, so it is optimal with both rules.".to_owned(),
        Dimension::Regions => "The flow with the region rule already spans the wanted stakeholder groups, so it is optimal with both rules.".to_owned(),
    }
}

/// Every way `pairs` breaks the hard rules of `problem` (k distinct reviewers per proposal,
/// load caps, conflicts of interest, evaluation groups), in plain English; empty when valid.
/// The mix is a soft rule and is not checked. Cheap: no solver involved.
pub fn check_assignment(problem: &AssignProblem, pairs: &[(usize, usize)]) -> Vec<String> {
    let mut problems = Vec::new();
    let n_proposals = problem.proposals.len();
    let n_reviewers = problem.reviewers.len();
    let mut per_proposal = vec![0u64; n_proposals];
    let mut loads = vec![0u64; n_reviewers];
    let mut seen = BTreeSet::new();
    for &(proposal, reviewer) in pairs {
        if proposal >= n_proposals || reviewer >= n_reviewers {
            problems.push(format!(
                "pair ({proposal}, {reviewer}) names a proposal or reviewer that does not exist"
            ));
            continue;
        }
        let p = &problem.proposals[proposal];
        let r = &problem.reviewers[reviewer];
        if !seen.insert((proposal, reviewer)) {
            problems.push(format!("{} is assigned {} more than once", r.id, p.id));
            continue;
        }
        per_proposal[proposal] += 1;
        loads[reviewer] += 1;
        if problem.conflicts.contains(&(proposal, reviewer)) {
            problems.push(format!(
                "{} is assigned {} despite a conflict of interest",
                r.id, p.id
            ));
        }
        if !p.group.is_empty() && !r.groups.is_empty() && !r.groups.contains(&p.group) {
            problems.push(format!(
                "{} is assigned {} of group {:?} but reviews only {}",
                r.id,
                p.id,
                p.group,
                r.groups.join(", ")
            ));
        }
    }
    let k = u64::from(problem.reviews_per_proposal);
    for (proposal, &count) in per_proposal.iter().enumerate() {
        if count != k {
            problems.push(format!(
                "{} has {count} reviewers instead of {k}",
                problem.proposals[proposal].id
            ));
        }
    }
    for (reviewer, &load) in loads.iter().enumerate() {
        let cap = problem.reviewers[reviewer].load_cap;
        if load > u64::from(cap) {
            problems.push(format!(
                "{} has {load} proposals, above the load cap {cap}",
                problem.reviewers[reviewer].id
            ));
        }
    }
    problems
}

fn validate(problem: &AssignProblem) -> Result<(), AssignError> {
    if problem.reviews_per_proposal == 0 {
        return Err(AssignError::NoReviewsPerProposal);
    }
    let n_proposals = problem.proposals.len();
    let n_reviewers = problem.reviewers.len();
    if let Some(&(proposal, reviewer)) = problem
        .conflicts
        .iter()
        .find(|&&(p, r)| p >= n_proposals || r >= n_reviewers)
    {
        return Err(AssignError::ConflictOutOfRange { proposal, reviewer });
    }
    if let Some(&(proposal, reviewer)) = problem
        .keep
        .iter()
        .find(|&&(p, r)| p >= n_proposals || r >= n_reviewers)
    {
        return Err(AssignError::KeepOutOfRange { proposal, reviewer });
    }
    let mut seen = BTreeSet::new();
    for proposal in &problem.proposals {
        if !seen.insert(proposal.id.as_str()) {
            return Err(AssignError::DuplicateProposal {
                id: proposal.id.clone(),
            });
        }
    }
    let mut seen = BTreeSet::new();
    for reviewer in &problem.reviewers {
        if !seen.insert(reviewer.id.as_str()) {
            return Err(AssignError::DuplicateReviewer {
                id: reviewer.id.clone(),
            });
        }
    }
    // Nodes, arc positions and capacities are u32 inside the flow: every pair (p, r) may be
    // an arc (two positions), and k × |P| units must fit.
    let demand = u64::from(problem.reviews_per_proposal) * n_proposals as u64;
    let pairs = (n_proposals as u64 + 1) * (n_reviewers as u64 + 1);
    if demand > u64::from(u32::MAX) / 4 || pairs > u64::from(u32::MAX) / 8 {
        return Err(AssignError::TooLarge);
    }
    Ok(())
}
