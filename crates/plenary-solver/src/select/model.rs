//! The selection as two integer programmes, solved exactly with good_lp's microlp backend.
//!
//! Main items: `SelectModel::best(flip)`, the optimal selection (optionally with one
//! candidate forced in or out, for the explanations), in two solves:
//! 1. `max_size`: maximise Σx (binary x per column) under the budget rows, the cap rows and the
//!    fixed acceptances. Every column is in one budget row and at most one cap row, so the
//!    matrix is the incidence matrix of a bipartite graph (totally unimodular): the LP
//!    relaxation is already integral and microlp needs no branching.
//! 2. `best_of_size`: Σx = size, the same rows, one integer shortfall `s_b ≥ 0` per balance
//!    with `Σ matching x + s_b ≥ ceil(p × size / 100)`; maximise
//!    `Σ (score − shift − tie_unit × i) x − penalty × Σ s`.
//!
//! Invariants:
//! - Columns are the candidates that may be accepted: budgeted session type, not declined by
//!   the chair, and a positive score or accepted by the chair. Nobody else gets a variable.
//! - Determinism: variables and constraints are created in input order; good_lp keeps
//!   coefficients in an FNV map and microlp is single-threaded without randomness.
//! - Ties: `tie_unit × i` (≤ 1e-6, and ≤ 1e-3 over a whole selection) prefers lower indexes;
//!   after the solve, any accepted candidate whose score equals that of a declined
//!   lower-index column is swapped for it when budgets, caps and the balance penalty allow, so
//!   equal scores always resolve to the lowest indexes, however microlp got there.
//! - Scores enter the solver shifted by the mean of the best `size` column scores (Σx is
//!   fixed, so the optimum is unchanged), which keeps the objective near zero, where
//!   microlp's relative pruning tolerance is tightest.
//!
//! Not here: reports and wording (`select::explanation`).

use good_lp::{
    Expression, ProblemVariables, ResolutionError, Solution, SolverModel, Variable, microlp,
    variable,
};

use crate::select::{Fixed, SelectError, SelectProblem, matches};

/// One decision forced the other way, for the explanations.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Flip {
    In(usize),
    Out(usize),
}

/// The problem with every candidate's budget, cap and balance memberships worked out once.
#[derive(Debug)]
pub(crate) struct SelectModel<'a> {
    pub(crate) problem: &'a SelectProblem,
    pub(crate) fixed: Vec<Option<Fixed>>,
    /// Index into `problem.budgets`, per candidate.
    pub(crate) budget_of: Vec<Option<usize>>,
    /// Index into `problem.caps`, per candidate.
    pub(crate) cap_of: Vec<Option<usize>>,
    /// `balance_matches[b][i]`: candidate i matches balance b.
    pub(crate) balance_matches: Vec<Vec<bool>>,
    /// Cost of one missing selection.
    pub(crate) penalty: f64,
    tie_unit: f64,
}

/// Matching count, target and shortfall of one balance rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct BalanceCount {
    pub(crate) matching: u32,
    pub(crate) target: u32,
    pub(crate) shortfall: u32,
}

impl<'a> SelectModel<'a> {
    pub(crate) fn new(problem: &'a SelectProblem, fixed: Vec<Option<Fixed>>) -> SelectModel<'a> {
        let budget_of = problem
            .candidates
            .iter()
            .map(|c| {
                problem
                    .budgets
                    .iter()
                    .position(|b| b.session_type == c.session_type)
            })
            .collect();
        let cap_of = problem
            .candidates
            .iter()
            .map(|c| problem.caps.iter().position(|cap| cap.theme == c.theme))
            .collect();
        let balance_matches = problem
            .balance
            .iter()
            .map(|b| {
                problem
                    .candidates
                    .iter()
                    .map(|c| matches(c, &b.key, &b.value))
                    .collect()
            })
            .collect();
        let n = problem.candidates.len().max(1) as f64;
        let mut model = SelectModel {
            problem,
            fixed,
            budget_of,
            cap_of,
            balance_matches,
            penalty: 1.0,
            tie_unit: f64::min(1e-6, 1e-3 / (n * n)),
        };
        let scores: Vec<f64> = (0..problem.candidates.len())
            .filter(|&i| model.eligible(i))
            .map(|i| problem.candidates[i].score)
            .collect();
        let high = scores.iter().copied().fold(f64::NEG_INFINITY, f64::max);
        let low = scores.iter().copied().fold(f64::INFINITY, f64::min);
        if high >= low {
            model.penalty = 1.0 + (high - low);
        }
        model
    }

    /// Whether candidate `i` may be accepted at all (see the module invariants).
    pub(crate) fn eligible(&self, i: usize) -> bool {
        self.budget_of[i].is_some()
            && match self.fixed[i] {
                Some(Fixed::Accept) => true,
                Some(Fixed::Decline) => false,
                None => self.problem.candidates[i].score > 0.0,
            }
    }

    pub(crate) fn score(&self, i: usize) -> f64 {
        self.problem.candidates[i].score
    }

    /// Matching, target and shortfall per balance rule for a selection.
    pub(crate) fn balance_counts(&self, chosen: &[usize]) -> Vec<BalanceCount> {
        let size = u32::try_from(chosen.len()).unwrap_or(u32::MAX);
        self.problem
            .balance
            .iter()
            .enumerate()
            .map(|(b, balance)| {
                let matching = chosen
                    .iter()
                    .filter(|&&i| self.balance_matches[b][i])
                    .count();
                let matching = u32::try_from(matching).unwrap_or(u32::MAX);
                let target = target(balance.min_share_percent, size);
                BalanceCount {
                    matching,
                    target,
                    shortfall: target.saturating_sub(matching),
                }
            })
            .collect()
    }

    /// `Σ score − penalty × Σ shortfall` of a selection.
    pub(crate) fn objective_of(&self, chosen: &[usize]) -> f64 {
        let score: f64 = chosen.iter().map(|&i| self.score(i)).sum();
        let shortfall: u32 = self
            .balance_counts(chosen)
            .iter()
            .map(|count| count.shortfall)
            .sum();
        score - self.penalty * f64::from(shortfall)
    }

    /// The optimal selection, with `flip` forced; `None` when no selection allows the flip.
    pub(crate) fn best(&self, flip: Option<Flip>) -> Result<Option<Vec<usize>>, SelectError> {
        let mut columns: Vec<usize> = (0..self.problem.candidates.len())
            .filter(|&i| self.eligible(i) && flip != Some(Flip::Out(i)))
            .collect();
        let mut forced: Vec<usize> = (0..self.problem.candidates.len())
            .filter(|&i| self.fixed[i] == Some(Fixed::Accept))
            .collect();
        match flip {
            Some(Flip::In(i)) => {
                if self.budget_of[i].is_none() || self.fixed[i] == Some(Fixed::Decline) {
                    return Ok(None);
                }
                columns.push(i);
                columns.sort_unstable();
                columns.dedup();
                forced.push(i);
                forced.sort_unstable();
                forced.dedup();
            }
            Some(Flip::Out(i)) if self.fixed[i] == Some(Fixed::Accept) => return Ok(None),
            _ => {}
        }
        let Some(size) = self.max_size(&columns, &forced)? else {
            return Ok(None);
        };
        self.best_of_size(&columns, &forced, size)
    }

    /// The most candidates among `columns` that budgets and caps allow with `forced` in.
    fn max_size(&self, columns: &[usize], forced: &[usize]) -> Result<Option<usize>, SelectError> {
        if columns.is_empty() {
            return Ok(Some(0));
        }
        let mut vars = ProblemVariables::new();
        let xs: Vec<Variable> = columns
            .iter()
            .map(|_| vars.add(variable().binary()))
            .collect();
        let objective = sum(&xs, |_| true);
        let mut model = vars.maximise(objective).using(microlp);
        self.add_limits(&mut model, columns, forced, &xs);
        let solution = match model.solve() {
            Ok(solution) => solution,
            Err(ResolutionError::Infeasible) => return Ok(None),
            Err(error) => return Err(SelectError::Solver(error.to_string())),
        };
        Ok(Some(
            xs.iter().filter(|&&x| solution.value(x) > 0.5).count(),
        ))
    }

    /// The best selection of exactly `size` among `columns` with `forced` in.
    fn best_of_size(
        &self,
        columns: &[usize],
        forced: &[usize],
        size: usize,
    ) -> Result<Option<Vec<usize>>, SelectError> {
        if size == 0 {
            return Ok(Some(Vec::new()));
        }
        let mut best_scores: Vec<f64> = columns.iter().map(|&i| self.score(i)).collect();
        best_scores.sort_by(|a, b| b.total_cmp(a));
        best_scores.truncate(size);
        let shift = best_scores.iter().sum::<f64>() / best_scores.len().max(1) as f64;

        let mut vars = ProblemVariables::new();
        let xs: Vec<Variable> = columns
            .iter()
            .map(|_| vars.add(variable().binary()))
            .collect();
        let size_u32 = u32::try_from(size).unwrap_or(u32::MAX);
        let mut shortfalls = Vec::new();
        for (b, balance) in self.problem.balance.iter().enumerate() {
            let target = target(balance.min_share_percent, size_u32);
            let pool = columns
                .iter()
                .filter(|&&i| self.balance_matches[b][i])
                .count();
            // A target the columns cannot reach in any case still gets its slack variable;
            // one that every selection meets needs none.
            if target == 0 || pool == columns.len() {
                continue;
            }
            let slack = vars.add(variable().integer().min(0).max(f64::from(target)));
            shortfalls.push((b, target, slack));
        }
        let mut objective = Expression::with_capacity(xs.len() + shortfalls.len());
        for (&i, &x) in columns.iter().zip(&xs) {
            objective.add_mul(self.score(i) - shift - self.tie_unit * i as f64, x);
        }
        for &(_, _, slack) in &shortfalls {
            objective.add_mul(-self.penalty, slack);
        }
        let mut model = vars.maximise(objective).using(microlp);
        model.add_constraint(sum(&xs, |_| true).eq(size as f64));
        self.add_limits(&mut model, columns, forced, &xs);
        for &(b, target, slack) in &shortfalls {
            let row = &self.balance_matches[b];
            let lhs = sum(&xs, |k| row[columns[k]]) + slack;
            model.add_constraint(lhs.geq(f64::from(target)));
        }
        let solution = match model.solve() {
            Ok(solution) => solution,
            Err(ResolutionError::Infeasible) => return Ok(None),
            Err(error) => return Err(SelectError::Solver(error.to_string())),
        };
        let mut chosen: Vec<usize> = (0..columns.len())
            .filter(|&k| solution.value(xs[k]) > 0.5)
            .map(|k| columns[k])
            .collect();
        self.prefer_lower_indexes(&mut chosen, columns, forced);
        Ok(Some(chosen))
    }

    /// Budget rows, cap rows (only where they can bind) and the forced columns.
    fn add_limits(
        &self,
        model: &mut impl SolverModel,
        columns: &[usize],
        forced: &[usize],
        xs: &[Variable],
    ) {
        for (b, budget) in self.problem.budgets.iter().enumerate() {
            let in_row = |k: usize| self.budget_of[columns[k]] == Some(b);
            let pool = (0..columns.len()).filter(|&k| in_row(k)).count();
            if pool > budget.slots as usize {
                model.add_constraint(sum(xs, in_row).leq(f64::from(budget.slots)));
            }
        }
        for (c, cap) in self.problem.caps.iter().enumerate() {
            let in_row = |k: usize| self.cap_of[columns[k]] == Some(c);
            let pool = (0..columns.len()).filter(|&k| in_row(k)).count();
            if pool > cap.max as usize {
                model.add_constraint(sum(xs, in_row).leq(f64::from(cap.max)));
            }
        }
        for &i in forced {
            if let Ok(k) = columns.binary_search(&i) {
                model.add_constraint(Expression::from(xs[k]).eq(1.0));
            }
        }
    }

    /// Swaps accepted candidates for declined lower-index columns of exactly the same score
    /// while budgets, caps and the balance penalty allow, so ties resolve the same way
    /// however microlp got there.
    fn prefer_lower_indexes(&self, chosen: &mut Vec<usize>, columns: &[usize], forced: &[usize]) {
        let n = self.problem.candidates.len();
        let mut is_chosen = vec![false; n];
        for &i in chosen.iter() {
            is_chosen[i] = true;
        }
        let mut is_column = vec![false; n];
        for &i in columns {
            is_column[i] = true;
        }
        let mut penalty_units = self.shortfall_units(&is_chosen);
        let mut swapped = true;
        while swapped {
            swapped = false;
            for out in (0..n).rev() {
                if !is_chosen[out] || forced.binary_search(&out).is_ok() {
                    continue;
                }
                let score = self.score(out);
                let tolerance = 1e-9 * score.abs().max(1.0);
                let replacement = (0..out).find(|&inn| {
                    if is_chosen[inn]
                        || !is_column[inn]
                        || (self.score(inn) - score).abs() > tolerance
                        || !self.swap_keeps_limits(&is_chosen, out, inn)
                    {
                        return false;
                    }
                    is_chosen[out] = false;
                    is_chosen[inn] = true;
                    let units = self.shortfall_units(&is_chosen);
                    is_chosen[out] = true;
                    is_chosen[inn] = false;
                    units <= penalty_units
                });
                if let Some(inn) = replacement {
                    is_chosen[out] = false;
                    is_chosen[inn] = true;
                    penalty_units = self.shortfall_units(&is_chosen);
                    swapped = true;
                }
            }
        }
        *chosen = (0..n).filter(|&i| is_chosen[i]).collect();
    }

    fn shortfall_units(&self, is_chosen: &[bool]) -> u32 {
        let chosen: Vec<usize> = (0..is_chosen.len()).filter(|&i| is_chosen[i]).collect();
        self.balance_counts(&chosen)
            .iter()
            .map(|count| count.shortfall)
            .sum()
    }

    fn swap_keeps_limits(&self, is_chosen: &[bool], out: usize, inn: usize) -> bool {
        let count = |pick: &dyn Fn(usize) -> bool| {
            (0..is_chosen.len())
                .filter(|&i| is_chosen[i] && pick(i))
                .count()
        };
        if self.budget_of[inn] != self.budget_of[out]
            && let Some(b) = self.budget_of[inn]
        {
            let used = count(&|i| self.budget_of[i] == Some(b));
            if used + 1 > self.problem.budgets[b].slots as usize {
                return false;
            }
        }
        if self.cap_of[inn] != self.cap_of[out]
            && let Some(c) = self.cap_of[inn]
        {
            let used = count(&|i| self.cap_of[i] == Some(c));
            if used + 1 > self.problem.caps[c].max as usize {
                return false;
            }
        }
        true
    }
}

/// `ceil(percent × size / 100)`.
pub(crate) fn target(percent: u32, size: u32) -> u32 {
    let wanted = u64::from(percent) * u64::from(size);
    u32::try_from(wanted.div_ceil(100)).unwrap_or(u32::MAX)
}

/// Σ x_k over the columns `include` selects.
fn sum(xs: &[Variable], include: impl Fn(usize) -> bool) -> Expression {
    let mut total = Expression::with_capacity(xs.len());
    for (k, &x) in xs.iter().enumerate() {
        if include(k) {
            total.add_mul(1.0, x);
        }
    }
    total
}
