//! The assignment with a mix the flow cannot carry: Lagrangian prices on the flow relaxation,
//! then reduced-cost fixing and an integer programme (good_lp, microlp) over what is left.
//!
//! Main item: `solve(prepared, relaxation, flow_pairs, in_flow)`, called when the flow
//! carried at most one mix dimension and its answer falls short in another one (with the
//! defaults k = 3, 2 stakeholder groups and 2 regions: groups in the flow, regions relaxed).
//!
//! Steps, each exact in what it claims:
//! 1. **Lower bound.** The flow optimum `LB` bounds the full objective from below: every
//!    assignment is a flow of the relaxation network and costs at least as much there.
//! 2. **Prices** (when every relaxed wanted number is 2 or k, so the relaxed rule is "at most
//!    k − m + 1 reviewers of class c on proposal p"): Lagrangian prices λ ≥ 0 on those caps
//!    are added to the costs of the matching pairs and the flow re-optimised from where it
//!    was (`FlowGraph::change_costs`); `flow cost − Σ λ × cap` is another lower bound, and
//!    each round's answer, after a local `repair` (moves and two-proposal swaps that lower the
//!    weighted objective), an upper bound `UB`. When `UB` meets the best lower bound, the
//!    assignment is optimal. On the synthetic 1,000 × 50 instance with 2 groups and 2 regions
//!    this closes in 1–3 rounds for most seeds.
//! 3. **Reduced-cost fixing.** With optimal potentials of the flow (at the prices, or without
//!    them, whichever bound is higher), any assignment x costs at least
//!    `bound + Σ_a |d_a| × |x_a − x*_a|` (d_a ≥ 0 where the flow x* is 0, ≤ 0 where it is at
//!    capacity). So a pair with `d > UB − bound` is in no assignment better than `UB`, and
//!    one with `−d > UB − bound` is in all of them: the first are dropped, the second fixed.
//! 4. **The programme** over the remaining pairs: binary x_pr; Σ_r x_pr = k; the load of r
//!    is at most t_r plus continuous excess units e_rj ∈ [0, 1] costing `OVER_TARGET_STEP × j`
//!    (convex, so the cheapest are used first, up to the cap); the mix per proposal and wanted
//!    dimension as in the flow (at most `k − m + 1` per class plus a penalised overflow o_pc)
//!    when m is 2 or k, and otherwise with indicators y_pc ∈ [0, 1], y_pc ≤ Σ_{r in c} x_pr,
//!    Σ_c y_pc + s_p ≥ m, s_p ≥ 0 penalised; the objective is the weighted one of
//!    `assign::model`. The indicators need not be declared integer: with x integral the best
//!    y is min(1, count) anyway. The best assignment so far is microlp's first incumbent.
//!
//! microlp's branch and bound runs to completion (no time limit: a limit would make the answer
//! depend on the clock), so its answer is optimal up to floating-point tolerance; the integer
//! objective is recomputed exactly afterwards and the better of it and `UB` kept. A programme
//! with more than `MAX_FREE_PAIRS` free pairs (it takes about a second at 12,000; the whole
//! 1,000 × 50 programme about 40 s) is not run: the best assignment found is returned with
//! its gap `UB − bound` (`Assignment::gap`, `proven_optimal = false`). When the flow bound is
//! weak (the regions rule costs something) this happens even at 1,000 × 50: there the gap was
//! up to 0.3 % of the objective in the seeds tried.

use good_lp::{
    Expression, ProblemVariables, ResolutionError, Solution as _, SolverModel, Variable,
    WithInitialSolution, microlp, variable,
};

use crate::assign::model::{Dimension, FlowSolved, Prepared, group_pairs};
use crate::assign::{AssignError, MATCH_GAIN, MAX_COUNTED_MATCHES};

/// Above this many free pairs the programme is not attempted (microlp cannot be stopped).
pub(crate) const MAX_FREE_PAIRS: usize = 12_000;

/// An assignment and how it was found.
#[derive(Debug, Clone)]
pub(crate) struct Solution {
    pub(crate) pairs: Vec<(usize, usize)>,
    pub(crate) method: &'static str,
    /// Upper minus lower bound of the weighted objective (0 = proven optimal).
    pub(crate) gap: i64,
    pub(crate) notes: Vec<String>,
}

pub(crate) fn solve(
    prepared: &Prepared<'_>,
    mut relaxation: FlowSolved,
    flow_pairs: Vec<(usize, usize)>,
    in_flow: Dimension,
) -> Result<Solution, AssignError> {
    let relaxation_bound = relaxation.result.cost;
    let relaxation_potentials = relaxation.graph.potentials().to_vec();
    let mut lower = relaxation_bound;
    let mut priced_bound = i64::MIN;
    let mut rounds = 0;
    let relaxed: Vec<Dimension> = [Dimension::Groups, Dimension::Regions]
        .into_iter()
        .filter(|&d| d != in_flow && prepared.is_active(d))
        .collect();
    let priced = relaxed.iter().all(|&d| prepared.is_representable(d));
    // With prices, each round repairs its own (fewer) violations; the flow's answer as it
    // stands is a valid first upper bound.
    let mut best = if priced {
        flow_pairs.clone()
    } else {
        repair(prepared, &flow_pairs)
    };
    let mut upper = prepared.weighted(prepared.score(&best));
    if priced {
        let mut multipliers = Multipliers::default();
        let mut pairs = flow_pairs;
        let mut stale = 0;
        while upper > lower && rounds < MAX_ROUNDS && stale < MAX_STALE_ROUNDS {
            let changes = multipliers.step(prepared, &relaxation, &relaxed, &pairs);
            if changes.is_empty() {
                break;
            }
            rounds += 1;
            let cost = relaxation.graph.change_costs(&changes).cost;
            pairs = extract(&relaxation);
            priced_bound = cost - multipliers.offset(prepared);
            let candidate = repair(prepared, &pairs);
            let value = prepared.weighted(prepared.score(&candidate));
            if value < upper || priced_bound > lower {
                stale = 0;
            } else {
                stale += 1;
            }
            lower = lower.max(priced_bound);
            if value < upper {
                upper = value;
                best = candidate;
            }
        }
    }
    let bound_note = if rounds > 0 {
        format!(" after {rounds} rounds of Lagrangian prices on the relaxed mix rule")
    } else {
        String::new()
    };
    if upper <= lower {
        return Ok(Solution {
            pairs: best,
            method: "min-cost flow",
            gap: 0,
            notes: vec![format!(
                "The mix rule the flow cannot carry was relaxed; the best assignment found{bound_note} meets the relaxation's lower bound, so it is optimal."
            )],
        });
    }
    // Reduced-cost fixing with the potentials of the better bound: the current prices', or
    // the unpriced flow's (kept from before the first round).
    let use_prices = priced_bound > relaxation_bound;
    let gap = upper
        - if use_prices {
            priced_bound
        } else {
            relaxation_bound
        };
    let graph = &relaxation.graph;
    let mut free = Vec::new();
    let mut fixed = Vec::new();
    for (p, &(start, end)) in relaxation.layout.edges.iter().enumerate() {
        for pair in start as usize..end as usize {
            let r = relaxation.layout.reviewer_of_node(graph.head(pair));
            // The flow is 0 where the reduced cost is positive and 1 where it is negative.
            let reduced = if use_prices {
                graph.reduced_cost(pair)
            } else {
                prepared.arc_cost(p, r) + relaxation_potentials[graph.tail(pair)]
                    - relaxation_potentials[graph.head(pair)]
            };
            if reduced > gap {
                continue;
            }
            if reduced < -gap {
                fixed.push((p, r));
            } else {
                free.push((p, r));
            }
        }
    }
    if free.len() > MAX_FREE_PAIRS {
        return Ok(Solution {
            pairs: best,
            method: "min-cost flow",
            gap: upper - lower,
            notes: vec![format!(
                "The mix needs an integer programme over {} candidate pairs, more than the {} this solver runs; this is the best assignment found{bound_note}, at most {} above the optimum.",
                free.len(),
                MAX_FREE_PAIRS,
                upper - lower
            )],
        });
    }
    let n_free = free.len();
    let n_fixed = fixed.len();
    let programme = programme(prepared, &free, &fixed, &best)?;
    let programme_value = prepared.weighted(prepared.score(&programme));
    let pairs = if programme_value <= upper {
        programme
    } else {
        best
    };
    Ok(Solution {
        pairs,
        method: "integer programme",
        gap: 0,
        notes: vec![format!(
            "Integer programme over {n_free} candidate pairs ({n_fixed} fixed); the others were ruled out by reduced costs{bound_note} (bound gap {gap})."
        )],
    })
}

/// Rounds of price updates before giving up on closing the gap with prices alone.
const MAX_ROUNDS: u32 = 30;
/// Rounds without a better assignment or bound before giving up.
const MAX_STALE_ROUNDS: u32 = 4;

/// The pairs the flow currently carries.
fn extract(relaxation: &FlowSolved) -> Vec<(usize, usize)> {
    let graph = &relaxation.graph;
    let mut pairs = Vec::new();
    for (p, &(start, end)) in relaxation.layout.edges.iter().enumerate() {
        for pair in start as usize..end as usize {
            if graph.flow(pair) > 0 {
                pairs.push((p, relaxation.layout.reviewer_of_node(graph.head(pair))));
            }
        }
    }
    pairs.sort_unstable();
    pairs
}

/// Lagrangian prices λ ≥ 0 on the relaxed caps "at most k − m + 1 reviewers of class c on
/// proposal p". With prices, the flow's edge (p, r) costs λ_{p, class(r)} more, and
/// `flow cost − Σ λ × cap` is a lower bound of the full objective for any λ between 0 and
/// `W_mix` (a unit above the cap costs `W_mix` in the full objective and λ in the bound).
/// A violated cap raises its price by 1 + λ/2; a priced cap with room lowers it by
/// max(1, λ/2), since a price also pushes the proposal below its cap, which costs. (Prices
/// that only rise gave worse assignments; this rule can cycle between two ties, which the
/// stale-round limit stops.) Any prices give a valid bound, so the rule only affects speed
/// and the quality of the assignments found.
#[derive(Debug, Default)]
struct Multipliers {
    /// (proposal, dimension is regions, class) → λ.
    prices: std::collections::BTreeMap<(usize, bool, u32), i64>,
}

impl Multipliers {
    /// New prices for the current pairs; returns the edge cost changes (empty = unchanged).
    fn step(
        &mut self,
        prepared: &Prepared<'_>,
        relaxation: &FlowSolved,
        relaxed: &[Dimension],
        pairs: &[(usize, usize)],
    ) -> Vec<(usize, i64)> {
        let per_proposal = group_pairs(prepared.n_proposals(), pairs);
        let mut updates: Vec<((usize, bool, u32), i64)> = Vec::new();
        for &dimension in relaxed {
            let regions = dimension == Dimension::Regions;
            for (p, reviewers) in per_proposal.iter().enumerate() {
                let wanted = prepared.wanted(dimension, p);
                if wanted < 2 {
                    continue;
                }
                let cap = i64::from(prepared.k - wanted + 1);
                let mut classes: Vec<u32> = reviewers
                    .iter()
                    .map(|&r| prepared.class_of(dimension, r as usize))
                    .collect();
                classes.sort_unstable();
                let mut at = 0;
                while at < classes.len() {
                    let class = classes[at];
                    let count = classes[at..].iter().take_while(|&&c| c == class).count();
                    at += count;
                    if count as i64 > cap {
                        let old = self.prices.get(&(p, regions, class)).copied().unwrap_or(0);
                        updates.push(((p, regions, class), old + 1 + old / 2));
                    }
                }
            }
        }
        for (&(p, regions, class), &old) in &self.prices {
            let dimension = if regions {
                Dimension::Regions
            } else {
                Dimension::Groups
            };
            let cap = i64::from(prepared.k - prepared.wanted(dimension, p) + 1);
            let count = per_proposal[p]
                .iter()
                .filter(|&&r| prepared.class_of(dimension, r as usize) == class)
                .count() as i64;
            if count < cap && old > 0 {
                updates.push(((p, regions, class), old - (old / 2).max(1)));
            }
        }
        let mut changes = Vec::new();
        for ((p, regions, class), new) in updates {
            let new = new.clamp(0, prepared.w_mix);
            let old = self.prices.insert((p, regions, class), new).unwrap_or(0);
            if new == old {
                continue;
            }
            let dimension = if regions {
                Dimension::Regions
            } else {
                Dimension::Groups
            };
            let (start, end) = relaxation.layout.edges[p];
            for pair in start as usize..end as usize {
                let r = relaxation
                    .layout
                    .reviewer_of_node(relaxation.graph.head(pair));
                if prepared.class_of(dimension, r) == class {
                    changes.push((pair, new - old));
                }
            }
        }
        self.prices.retain(|_, price| *price > 0);
        changes
    }

    /// Σ λ × cap: what the priced flow cost overstates the bound by.
    fn offset(&self, prepared: &Prepared<'_>) -> i64 {
        self.prices
            .iter()
            .map(|(&(p, regions, _), &price)| {
                let dimension = if regions {
                    Dimension::Regions
                } else {
                    Dimension::Groups
                };
                price * i64::from(prepared.k - prepared.wanted(dimension, p) + 1)
            })
            .sum()
    }
}

/// The programme of step 3 over `free` pairs, with `fixed` pairs forced in.
fn programme(
    prepared: &Prepared<'_>,
    free: &[(usize, usize)],
    fixed: &[(usize, usize)],
    start: &[(usize, usize)],
) -> Result<Vec<(usize, usize)>, AssignError> {
    let n_proposals = prepared.n_proposals();
    let n_reviewers = prepared.n_reviewers();
    let k = f64::from(prepared.k);
    let mut vars = ProblemVariables::new();
    let xs: Vec<Variable> = free.iter().map(|_| vars.add(variable().binary())).collect();
    let mut objective = Expression::with_capacity(free.len() * 2);
    for (&(p, r), &x) in free.iter().zip(&xs) {
        objective.add_mul(prepared.arc_cost(p, r) as f64, x);
    }
    // Per proposal: its free variables and fixed reviewers.
    let mut free_of: Vec<Vec<(usize, Variable)>> = vec![Vec::new(); n_proposals];
    for (&(p, r), &x) in free.iter().zip(&xs) {
        free_of[p].push((r, x));
    }
    let fixed_of = group_pairs(n_proposals, fixed);
    let mut fixed_load = vec![0u32; n_reviewers];
    let mut free_load: Vec<Expression> = vec![Expression::default(); n_reviewers];
    let mut has_free = vec![false; n_reviewers];
    for &(_, r) in fixed {
        fixed_load[r] += 1;
    }
    for (&(_, r), &x) in free.iter().zip(&xs) {
        free_load[r].add_mul(1.0, x);
        has_free[r] = true;
    }
    let mut constraints = Vec::new();
    // Load above target.
    let mut excess_vars = Vec::new();
    for r in 0..n_reviewers {
        if !has_free[r] {
            continue;
        }
        let (cap, target) = (prepared.caps[r], prepared.targets[r]);
        let mut load = free_load[r].clone() + f64::from(fixed_load[r]);
        let mut room = Expression::from(f64::from(target));
        for j in 1..=cap.saturating_sub(target) {
            let e = vars.add(variable().min(0.0).max(1.0));
            objective.add_mul((crate::assign::OVER_TARGET_STEP * i64::from(j)) as f64, e);
            room.add_mul(1.0, e);
            excess_vars.push(e);
        }
        load -= room;
        constraints.push(load.leq(0.0));
    }
    // Mix.
    let w_mix = prepared.w_mix as f64;
    for p in 0..n_proposals {
        let fixed_here = &fixed_of[p];
        if fixed_here.len() as u32 > prepared.k {
            return Err(AssignError::Solver(
                "more pairs fixed than reviews".to_owned(),
            ));
        }
        let mut total = Expression::from(fixed_here.len() as f64);
        for &(_, x) in &free_of[p] {
            total.add_mul(1.0, x);
        }
        constraints.push(total.eq(k));
        for dimension in [Dimension::Groups, Dimension::Regions] {
            let wanted = prepared.wanted(dimension, p);
            if wanted < 2 {
                continue;
            }
            let n_classes = prepared.n_classes(dimension);
            let mut per_class: Vec<Option<Expression>> = vec![None; n_classes];
            let mut candidates = vec![0u32; n_classes];
            for &r in fixed_here {
                let class = prepared.class_of(dimension, r as usize) as usize;
                *per_class[class].get_or_insert_with(Expression::default) += 1.0;
                candidates[class] += 1;
            }
            for &(r, x) in &free_of[p] {
                let class = prepared.class_of(dimension, r) as usize;
                per_class[class]
                    .get_or_insert_with(Expression::default)
                    .add_mul(1.0, x);
                candidates[class] += 1;
            }
            if wanted == 2 || wanted == prepared.k {
                let cap = f64::from(prepared.k - wanted + 1);
                for (class, count) in per_class.into_iter().enumerate() {
                    let Some(count) = count else { continue };
                    if f64::from(candidates[class].min(prepared.k)) <= cap {
                        continue;
                    }
                    let overflow = vars.add(variable().min(0.0));
                    objective.add_mul(w_mix, overflow);
                    constraints.push((count - overflow).leq(cap));
                }
            } else {
                let shortfall = vars.add(variable().min(0.0));
                objective.add_mul(w_mix, shortfall);
                let mut spanned = Expression::from(shortfall);
                for count in per_class.into_iter().flatten() {
                    let y = vars.add(variable().min(0.0).max(1.0));
                    constraints.push((Expression::from(y) - count).leq(0.0));
                    spanned.add_mul(1.0, y);
                }
                constraints.push(spanned.geq(f64::from(wanted)));
            }
        }
    }
    // Warm start: the repaired assignment for the pair variables.
    let mut in_start = std::collections::BTreeSet::new();
    for &pair in start {
        in_start.insert(pair);
    }
    let initial: Vec<(Variable, f64)> = free
        .iter()
        .zip(&xs)
        .map(|(pair, &x)| (x, if in_start.contains(pair) { 1.0 } else { 0.0 }))
        .collect();
    let start_is_candidate = start
        .iter()
        .all(|pair| free.binary_search(pair).is_ok() || fixed.binary_search(pair).is_ok());
    let mut model = vars.minimise(objective).using(microlp);
    if start_is_candidate {
        model = model.with_initial_solution(initial);
    }
    for constraint in constraints {
        model.add_constraint(constraint);
    }
    let solution = match model.solve() {
        Ok(solution) => solution,
        Err(ResolutionError::Infeasible) => {
            return Err(AssignError::Solver(
                "the integer programme is infeasible although the flow was not".to_owned(),
            ));
        }
        Err(error) => return Err(AssignError::Solver(error.to_string())),
    };
    let mut pairs: Vec<(usize, usize)> = fixed.to_vec();
    for (&pair, &x) in free.iter().zip(&xs) {
        if solution.value(x) > 0.5 {
            pairs.push(pair);
        }
    }
    pairs.sort_unstable();
    Ok(pairs)
}

/// Local improvement of a valid assignment: for each proposal with a mix shortfall, repeatedly
/// applies the best move that lowers its shortfall and the weighted objective — replace one
/// of its reviewers by an eligible one with room, or swap a reviewer with another proposal.
pub(crate) fn repair(prepared: &Prepared<'_>, pairs: &[(usize, usize)]) -> Vec<(usize, usize)> {
    let mut state = State::new(prepared, pairs);
    let n_proposals = prepared.n_proposals();
    // Every improving move lowers the weighted objective by at least 1, and it is bounded
    // below, so this terminates; the round limit only caps the work on huge instances.
    for _round in 0..64 {
        let mut improved = false;
        for p in 0..n_proposals {
            if state.shortfall(p) == 0 {
                continue;
            }
            while state.shortfall(p) > 0 {
                match state.best_move(p) {
                    Some(chosen) => {
                        state.apply(chosen);
                        improved = true;
                    }
                    None => break,
                }
            }
        }
        if !improved {
            break;
        }
    }
    let mut pairs: Vec<(usize, usize)> = state
        .reviewers_of
        .iter()
        .enumerate()
        .flat_map(|(p, reviewers)| reviewers.iter().map(move |&r| (p, r as usize)))
        .collect();
    pairs.sort_unstable();
    pairs
}

#[derive(Debug, Clone, Copy)]
enum Move {
    /// Proposal p gives up `out` and takes `inn`.
    Replace { p: usize, out: u32, inn: u32 },
    /// Proposal p gives `out` to q and takes `inn` from q.
    Swap {
        p: usize,
        q: usize,
        out: u32,
        inn: u32,
    },
}

struct State<'p, 'a> {
    prepared: &'p Prepared<'a>,
    reviewers_of: Vec<Vec<u32>>,
    proposals_of: Vec<Vec<u32>>,
    loads: Vec<u32>,
}

impl<'p, 'a> State<'p, 'a> {
    fn new(prepared: &'p Prepared<'a>, pairs: &[(usize, usize)]) -> State<'p, 'a> {
        let reviewers_of = group_pairs(prepared.n_proposals(), pairs);
        let mut proposals_of = vec![Vec::new(); prepared.n_reviewers()];
        let mut loads = vec![0u32; prepared.n_reviewers()];
        for &(p, r) in pairs {
            proposals_of[r].push(p as u32);
            loads[r] += 1;
        }
        State {
            prepared,
            reviewers_of,
            proposals_of,
            loads,
        }
    }

    fn shortfall_with(&self, p: usize, reviewers: &[u32]) -> u32 {
        self.prepared.shortfall_of(Dimension::Groups, p, reviewers)
            + self.prepared.shortfall_of(Dimension::Regions, p, reviewers)
    }

    fn shortfall(&self, p: usize) -> u32 {
        self.shortfall_with(p, &self.reviewers_of[p])
    }

    /// Shortfall of `p` with `out` replaced by `inn` (`buffer` is scratch space).
    fn shortfall_replacing(&self, p: usize, out: u32, inn: u32, buffer: &mut Vec<u32>) -> u32 {
        buffer.clear();
        buffer.extend(
            self.reviewers_of[p]
                .iter()
                .map(|&r| if r == out { inn } else { r }),
        );
        self.shortfall_with(p, buffer)
    }

    fn eligible(&self, p: usize, r: usize) -> bool {
        self.prepared.problem.reviewers[r].load_cap > 0
            && self.prepared.group_allows(p, r)
            && !self.prepared.is_conflict(p, r)
    }

    /// The best move that lowers the shortfall of `p` and the weighted objective.
    fn best_move(&self, p: usize) -> Option<Move> {
        let prepared = self.prepared;
        let w_mix = prepared.w_mix;
        let mut buffer = Vec::with_capacity(prepared.k as usize);
        let mut best: Option<(i64, Move)> = None;
        let before = i64::from(self.shortfall(p));
        let current = &self.reviewers_of[p];
        let spread = (MATCH_GAIN * MAX_COUNTED_MATCHES as i64) + prepared.w_keep;
        for &out in current {
            for inn in 0..prepared.n_reviewers() {
                let inn32 = inn as u32;
                if current.contains(&inn32) || !self.eligible(p, inn) {
                    continue;
                }
                let after = i64::from(self.shortfall_replacing(p, out, inn32, &mut buffer));
                if after >= before {
                    continue;
                }
                let own = w_mix * (after - before) + prepared.arc_cost(p, inn)
                    - prepared.arc_cost(p, out as usize);
                if self.loads[inn] < prepared.caps[inn] {
                    let load_delta = prepared.load_penalty(inn, self.loads[inn] + 1)
                        - prepared.load_penalty(inn, self.loads[inn])
                        + prepared.load_penalty(out as usize, self.loads[out as usize] - 1)
                        - prepared.load_penalty(out as usize, self.loads[out as usize]);
                    consider(
                        &mut best,
                        own + load_delta,
                        Move::Replace { p, out, inn: inn32 },
                    );
                }
                for &q in &self.proposals_of[inn] {
                    let q = q as usize;
                    let q_before = i64::from(self.shortfall(q));
                    // The other side can gain at most its shortfall and a pair-cost spread.
                    let hopeless = best.is_some_and(|(d, _)| own - w_mix * q_before - spread >= d);
                    if hopeless
                        || q == p
                        || self.reviewers_of[q].contains(&out)
                        || !self.eligible(q, out as usize)
                    {
                        continue;
                    }
                    let q_after = i64::from(self.shortfall_replacing(q, inn32, out, &mut buffer));
                    let other = w_mix * (q_after - q_before) + prepared.arc_cost(q, out as usize)
                        - prepared.arc_cost(q, inn);
                    consider(
                        &mut best,
                        own + other,
                        Move::Swap {
                            p,
                            q,
                            out,
                            inn: inn32,
                        },
                    );
                }
            }
        }
        best.map(|(_, chosen)| chosen)
    }

    fn apply(&mut self, chosen: Move) {
        match chosen {
            Move::Replace { p, out, inn } => {
                replace(&mut self.reviewers_of[p], out, inn);
                remove(&mut self.proposals_of[out as usize], p as u32);
                self.proposals_of[inn as usize].push(p as u32);
                self.loads[out as usize] -= 1;
                self.loads[inn as usize] += 1;
            }
            Move::Swap { p, q, out, inn } => {
                replace(&mut self.reviewers_of[p], out, inn);
                replace(&mut self.reviewers_of[q], inn, out);
                replace(&mut self.proposals_of[out as usize], p as u32, q as u32);
                replace(&mut self.proposals_of[inn as usize], q as u32, p as u32);
            }
        }
    }
}

/// Keeps the move with the most negative delta (the first of equals).
fn consider(best: &mut Option<(i64, Move)>, delta: i64, candidate: Move) {
    if delta < 0 && best.is_none_or(|(d, _)| delta < d) {
        *best = Some((delta, candidate));
    }
}

fn replace(list: &mut [u32], from: u32, to: u32) {
    if let Some(slot) = list.iter_mut().find(|v| **v == from) {
        *slot = to;
    }
}

fn remove(list: &mut Vec<u32>, value: u32) {
    if let Some(at) = list.iter().position(|&v| v == value) {
        list.swap_remove(at);
    }
}
