//! Benchmarks reachable as `plenary bench NAME`: each runs a deterministic workload and
//! returns rows for the CLI to print as a table (timings are measured here, never asserted
//! in tests).
//!
//! `slate`: the balanced-slate optimiser (`plenary_solver::solve_slate`) on the synthetic
//! MAG-sized body — 55 seats, 37 continuing, 18 to fill — with 300 nominees and 4× and 16×
//! that pool.

use std::time::{Duration, Instant};

use plenary_solver::{SlateOutcome, check_slate, solve_slate, synthetic_instance};

use crate::ActionError;

/// One measured slate run.
#[derive(Debug, Clone)]
pub struct SlateBenchRow {
    pub nominees: usize,
    pub seats_to_fill: u32,
    pub quotas: usize,
    /// Best of the repetitions (the solver is deterministic; the best is the least disturbed).
    pub solve_time: Duration,
    pub objective: f64,
    pub proven_optimal: bool,
    pub gap: Option<f64>,
    /// Problems the independent checker found in the proposed slate (none expected).
    pub check_problems: usize,
}

/// Solves the synthetic instance for each pool size, `repetitions` times each.
pub fn slate(
    pools: &[usize],
    seed: u64,
    repetitions: u32,
) -> Result<Vec<SlateBenchRow>, ActionError> {
    let mut rows = Vec::new();
    for &pool in pools {
        let problem = synthetic_instance(seed, pool);
        let mut best: Option<Duration> = None;
        let mut outcome = None;
        for _ in 0..repetitions.max(1) {
            let started = Instant::now();
            let solved = solve_slate(&problem)
                .map_err(|e| ActionError::Internal(anyhow::anyhow!("slate solver: {e}")))?;
            let elapsed = started.elapsed();
            best = Some(best.map_or(elapsed, |b| b.min(elapsed)));
            outcome = Some(solved);
        }
        let Some(SlateOutcome::Proposed(slate)) = outcome else {
            return Err(ActionError::Internal(anyhow::anyhow!(
                "the synthetic instance with {pool} nominees is infeasible"
            )));
        };
        rows.push(SlateBenchRow {
            nominees: pool,
            seats_to_fill: problem.seats_to_fill,
            quotas: problem.quotas.len(),
            solve_time: best.unwrap_or_default(),
            objective: slate.objective,
            proven_optimal: slate.optimality.proven_optimal,
            gap: slate.optimality.gap,
            check_problems: check_slate(&problem, &slate.chosen).len(),
        });
    }
    Ok(rows)
}
