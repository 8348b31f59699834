//! The slate as an integer programme, solved exactly with good_lp's microlp backend.
//!
//! Main items: `SlateModel::best_slate` (binary x_i per nominee, Σx = seats, every quota
//! `min ≤ continuing + Σ matching x ≤ max`, maximise Σ weight_i x_i) and
//! `SlateModel::least_relaxation` (the same with integer slack on every quota bound and, when
//! the pool is too small, on the seat count; minimise total slack, then maximise merit).
//!
//! Invariants:
//! - A nominee's weight is its score plus the weights of the preferences it matches.
//! - Determinism: variables and constraints are created in input order, and good_lp keeps
//!   coefficients in an FNV map (fixed hashing), so the same input gives the same model and
//!   microlp (single-threaded, no randomness) the same answer.
//! - Ties: each x_i also carries `-tie_unit × i`, which prefers lower nominee indexes.
//!   `tie_unit` is at most 1e-6 and small enough (1e-3 / (seats × nominees)) that it never
//!   outweighs a merit difference of 0.001 over the whole slate. microlp prunes nodes that
//!   are within a relative 1e-9 of its incumbent, so on large pools the epsilon alone may not
//!   decide between slates that tie; after the solve, any chosen nominee whose weight equals
//!   that of an unchosen lower-index nominee is swapped for them when the quotas allow, so
//!   equal-score nominees always resolve to the lowest indexes.
//! - Weights enter the solver shifted by the mean of the best `seats` weights (Σx is fixed,
//!   so the optimum is unchanged); this keeps the objective near zero, where microlp's
//!   relative pruning tolerance is tightest.
//! - microlp runs branch and bound to completion (no gap, no time limit): `Ok` means proven.
//!
//! Not here: explanation text (`slate::explanation`, `slate::infeasibility`).

use std::collections::BTreeMap;

use good_lp::{
    Expression, ProblemVariables, ResolutionError, Solution, SolverModel, Variable, microlp,
    variable,
};

use crate::slate::{SlateError, SlateProblem, matches};

/// The problem with every nominee's weight and quota memberships worked out once.
#[derive(Debug)]
pub(crate) struct SlateModel<'a> {
    pub(crate) problem: &'a SlateProblem,
    /// score + matching preference weights, per nominee.
    pub(crate) weights: Vec<f64>,
    /// `quota_matches[q][i]`: nominee i matches quota q.
    pub(crate) quota_matches: Vec<Vec<bool>>,
    /// Continuing members matching each quota.
    pub(crate) quota_continuing: Vec<u32>,
    /// Nominees matching each quota.
    pub(crate) quota_pool: Vec<u32>,
    /// Nominees that can be in an optimal slate (see `undominated`), ascending.
    candidates: Vec<usize>,
    tie_unit: f64,
    shift: f64,
}

/// The answer of the relaxed model: a slate and how far each bound had to move.
#[derive(Debug, Clone)]
pub(crate) struct RelaxedSlate {
    pub(crate) min_slack: Vec<u32>,
    pub(crate) max_slack: Vec<u32>,
    pub(crate) seats_slack: u32,
}

impl<'a> SlateModel<'a> {
    pub(crate) fn new(problem: &'a SlateProblem) -> SlateModel<'a> {
        let weights: Vec<f64> = problem
            .nominees
            .iter()
            .map(|nominee| {
                problem
                    .preferences
                    .iter()
                    .filter(|preference| matches(&nominee.person, &preference.condition))
                    .fold(nominee.score, |weight, preference| {
                        weight + preference.weight
                    })
            })
            .collect();
        let quota_matches: Vec<Vec<bool>> = problem
            .quotas
            .iter()
            .map(|quota| {
                problem
                    .nominees
                    .iter()
                    .map(|n| matches(&n.person, &quota.condition))
                    .collect()
            })
            .collect();
        let quota_continuing = problem
            .quotas
            .iter()
            .map(|quota| {
                let n = problem
                    .continuing
                    .iter()
                    .filter(|p| matches(p, &quota.condition))
                    .count();
                u32::try_from(n).unwrap_or(u32::MAX)
            })
            .collect();
        let quota_pool = quota_matches
            .iter()
            .map(|row| u32::try_from(row.iter().filter(|&&m| m).count()).unwrap_or(u32::MAX))
            .collect();
        let n_nominees = problem.nominees.len().max(1) as f64;
        let seats = f64::from(problem.seats_to_fill.max(1));
        let tie_unit = f64::min(1e-6, 1e-3 / (seats * n_nominees));
        let mut sorted = weights.clone();
        sorted.sort_by(|a, b| b.total_cmp(a));
        let best: Vec<f64> = sorted
            .into_iter()
            .take(problem.seats_to_fill as usize)
            .collect();
        let shift = if best.is_empty() {
            0.0
        } else {
            best.iter().sum::<f64>() / best.len() as f64
        };
        let candidates = undominated(
            &weights,
            tie_unit,
            &quota_matches,
            problem.seats_to_fill as usize,
        );
        SlateModel {
            problem,
            candidates,
            weights,
            quota_matches,
            quota_continuing,
            quota_pool,
            tie_unit,
            shift,
        }
    }

    /// The required nominees, ascending and without repeats.
    pub(crate) fn required(&self) -> Vec<usize> {
        let mut required = self.problem.required.clone();
        required.sort_unstable();
        required.dedup();
        required
    }

    /// `merit + bonus` of a set of nominees.
    pub(crate) fn objective_of(&self, chosen: &[usize]) -> f64 {
        chosen.iter().map(|&i| self.weights[i]).sum()
    }

    /// The best slate containing every nominee in `forced`, or `None` if there is none.
    pub(crate) fn best_slate(&self, forced: &[usize]) -> Result<Option<Vec<usize>>, SlateError> {
        let seats = self.problem.seats_to_fill as usize;
        let n_nominees = self.problem.nominees.len();
        if n_nominees < seats || forced.len() > seats {
            return Ok(None);
        }
        let columns = self.columns(forced);
        let mut vars = ProblemVariables::new();
        let xs: Vec<Variable> = columns
            .iter()
            .map(|_| vars.add(variable().binary()))
            .collect();
        let objective = self.solver_objective(&columns, &xs);
        let mut model = vars.maximise(objective).using(microlp);
        model.add_constraint(sum(&xs, |_| true).eq(seats as f64));
        for &index in forced {
            model.add_constraint(Expression::from(xs[column_of(&columns, index)]).eq(1.0));
        }
        for (q, quota) in self.problem.quotas.iter().enumerate() {
            let continuing = f64::from(self.quota_continuing[q]);
            let row = &self.quota_matches[q];
            let pool = columns.iter().filter(|&&i| row[i]).count() as f64;
            if let Some(min) = quota.min.map(f64::from)
                && min > continuing
            {
                if continuing + pool < min {
                    return Ok(None);
                }
                model.add_constraint(sum(&xs, |k| row[columns[k]]).geq(min - continuing));
            }
            if let Some(max) = quota.max.map(f64::from)
                && max < continuing + pool
            {
                if continuing > max {
                    return Ok(None);
                }
                model.add_constraint(sum(&xs, |k| row[columns[k]]).leq(max - continuing));
            }
        }
        let solution = match model.solve() {
            Ok(solution) => solution,
            Err(ResolutionError::Infeasible) => return Ok(None),
            Err(error) => return Err(SlateError::Solver(error.to_string())),
        };
        let mut chosen: Vec<usize> = (0..columns.len())
            .filter(|&k| solution.value(xs[k]) > 0.5)
            .map(|k| columns[k])
            .collect();
        self.prefer_lower_indexes(&mut chosen, forced);
        Ok(Some(chosen))
    }

    /// The slate needing the least total slack on quota bounds (and on the seat count, when
    /// the pool is too small) among slates containing `forced`; merit breaks ties.
    /// `None` only when `forced` alone exceeds the seats.
    pub(crate) fn least_relaxation(
        &self,
        forced: &[usize],
    ) -> Result<Option<RelaxedSlate>, SlateError> {
        let seats = self.problem.seats_to_fill as usize;
        let n_nominees = self.problem.nominees.len();
        if forced.len() > seats {
            return Ok(None);
        }
        let columns = self.columns(forced);
        let mut vars = ProblemVariables::new();
        let xs: Vec<Variable> = columns
            .iter()
            .map(|_| vars.add(variable().binary()))
            .collect();
        let seats_room = seats.saturating_sub(n_nominees);
        let seats_slack = vars.add(variable().integer().min(0).max(seats_room as f64));
        let n_quotas = self.problem.quotas.len();
        let mut min_slacks: Vec<Option<Variable>> = vec![None; n_quotas];
        let mut max_slacks: Vec<Option<Variable>> = vec![None; n_quotas];
        for (q, quota) in self.problem.quotas.iter().enumerate() {
            let continuing = f64::from(self.quota_continuing[q]);
            if let Some(min) = quota.min.map(f64::from)
                && min > continuing
            {
                min_slacks[q] = Some(vars.add(variable().integer().min(0).max(min - continuing)));
            }
            if let Some(max) = quota.max.map(f64::from) {
                let room = continuing + f64::from(self.quota_pool[q]) - max;
                if room > 0.0 {
                    max_slacks[q] = Some(vars.add(variable().integer().min(0).max(room)));
                }
            }
        }
        // Slack dominates: one unit of it outweighs any difference in merit between slates.
        let merit_span: f64 = columns
            .iter()
            .map(|&i| (self.weights[i] - self.shift).abs())
            .sum();
        let slack_cost = 1.0 + 2.0 * merit_span;
        let mut objective = self.solver_objective(&columns, &xs) * -1.0;
        let slacks = min_slacks.iter().chain(max_slacks.iter()).flatten();
        for &slack in slacks.chain(std::iter::once(&seats_slack)) {
            objective += slack_cost * slack;
        }
        let mut model = vars.minimise(objective).using(microlp);
        model.add_constraint((sum(&xs, |_| true) + seats_slack).eq(seats as f64));
        for &index in forced {
            model.add_constraint(Expression::from(xs[column_of(&columns, index)]).eq(1.0));
        }
        for (q, quota) in self.problem.quotas.iter().enumerate() {
            let continuing = f64::from(self.quota_continuing[q]);
            let row = &self.quota_matches[q];
            if let (Some(min), Some(slack)) = (quota.min, min_slacks[q]) {
                let lhs = sum(&xs, |k| row[columns[k]]) + slack;
                model.add_constraint(lhs.geq(f64::from(min) - continuing));
            }
            if let (Some(max), Some(slack)) = (quota.max, max_slacks[q]) {
                let lhs = sum(&xs, |k| row[columns[k]]) - slack;
                model.add_constraint(lhs.leq(f64::from(max) - continuing));
            }
        }
        let solution = match model.solve() {
            Ok(solution) => solution,
            Err(ResolutionError::Infeasible) => return Ok(None),
            Err(error) => return Err(SlateError::Solver(error.to_string())),
        };
        let value_of = |slack: &Option<Variable>| match slack {
            Some(var) => solution.value(*var).round().max(0.0) as u32,
            None => 0,
        };
        Ok(Some(RelaxedSlate {
            min_slack: min_slacks.iter().map(value_of).collect(),
            max_slack: max_slacks.iter().map(value_of).collect(),
            seats_slack: solution.value(seats_slack).round().max(0.0) as u32,
        }))
    }

    /// The nominees that get a variable: the undominated ones plus `forced`, ascending.
    fn columns(&self, forced: &[usize]) -> Vec<usize> {
        let mut columns = self.candidates.clone();
        columns.extend_from_slice(forced);
        columns.sort_unstable();
        columns.dedup();
        columns
    }

    /// Σ (weight_i − shift − tie_unit × i) x_i, the objective microlp maximises.
    fn solver_objective(&self, columns: &[usize], xs: &[Variable]) -> Expression {
        let mut objective = Expression::with_capacity(xs.len());
        for (&i, &x) in columns.iter().zip(xs) {
            objective.add_mul(self.weights[i] - self.shift - self.tie_unit * i as f64, x);
        }
        objective
    }

    /// Swaps chosen nominees for unchosen lower-index nominees of exactly the same weight
    /// while every quota still holds, so ties resolve the same way however microlp got there.
    fn prefer_lower_indexes(&self, chosen: &mut Vec<usize>, forced: &[usize]) {
        let n_nominees = self.problem.nominees.len();
        let mut is_chosen = vec![false; n_nominees];
        for &i in chosen.iter() {
            is_chosen[i] = true;
        }
        let mut counts: Vec<i64> = (0..self.problem.quotas.len())
            .map(|q| {
                let from_chosen = chosen.iter().filter(|&&i| self.quota_matches[q][i]).count();
                i64::from(self.quota_continuing[q]) + from_chosen as i64
            })
            .collect();
        let mut swapped = true;
        while swapped {
            swapped = false;
            for out in (0..n_nominees).rev() {
                if !is_chosen[out] || forced.contains(&out) {
                    continue;
                }
                let weight = self.weights[out];
                let tolerance = 1e-9 * weight.abs().max(1.0);
                let replacement = (0..out).find(|&inn| {
                    !is_chosen[inn]
                        && (self.weights[inn] - weight).abs() <= tolerance
                        && self.swap_keeps_quotas(&counts, out, inn)
                });
                if let Some(inn) = replacement {
                    for (q, count) in counts.iter_mut().enumerate() {
                        *count += i64::from(self.quota_matches[q][inn])
                            - i64::from(self.quota_matches[q][out]);
                    }
                    is_chosen[out] = false;
                    is_chosen[inn] = true;
                    swapped = true;
                }
            }
        }
        *chosen = (0..n_nominees).filter(|&i| is_chosen[i]).collect();
    }

    fn swap_keeps_quotas(&self, counts: &[i64], out: usize, inn: usize) -> bool {
        self.problem.quotas.iter().enumerate().all(|(q, quota)| {
            let delta =
                i64::from(self.quota_matches[q][inn]) - i64::from(self.quota_matches[q][out]);
            let count = counts[q] + delta;
            quota.min.is_none_or(|min| count >= i64::from(min))
                && quota.max.is_none_or(|max| count <= i64::from(max))
        })
    }
}

/// Nominees that may appear in an optimal slate. Nominees with the same quota memberships
/// are interchangeable for every constraint, so if at least `seats` of them beat nominee i
/// (higher weight − tie_unit × index, the solver's own objective), some optimal slate omits i: any slate
/// with i leaves one of those better nominees out, and swapping them improves it. Only the
/// best `seats` of each membership class are kept; on the synthetic 4,800-nominee pool this
/// leaves about a quarter of the columns. Forced nominees are added back by `columns`.
fn undominated(
    weights: &[f64],
    tie_unit: f64,
    quota_matches: &[Vec<bool>],
    seats: usize,
) -> Vec<usize> {
    let value = |i: usize| weights[i] - tie_unit * i as f64;
    let mut classes: BTreeMap<Vec<bool>, Vec<usize>> = BTreeMap::new();
    for i in 0..weights.len() {
        let membership: Vec<bool> = quota_matches.iter().map(|row| row[i]).collect();
        classes.entry(membership).or_default().push(i);
    }
    let mut kept = Vec::new();
    for members in classes.into_values() {
        let mut members = members;
        members.sort_by(|&a, &b| value(b).total_cmp(&value(a)).then(a.cmp(&b)));
        kept.extend(members.into_iter().take(seats));
    }
    kept.sort_unstable();
    kept
}

/// Position of nominee `index` among the model's `columns` (it is always there).
fn column_of(columns: &[usize], index: usize) -> usize {
    columns
        .binary_search(&index)
        .unwrap_or_else(|position| position)
}

/// Σ x_i over the nominees `include` selects.
fn sum(xs: &[Variable], include: impl Fn(usize) -> bool) -> Expression {
    let mut total = Expression::with_capacity(xs.len());
    for (i, &x) in xs.iter().enumerate() {
        if include(i) {
            total.add_mul(1.0, x);
        }
    }
    total
}
