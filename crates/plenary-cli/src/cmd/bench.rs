//! `plenary bench NAME`: runs a benchmark from `plenary_app::bench` and prints its table;
//! the last line summarises the result.

use plenary_app::bench;

use crate::cli::{BenchArgs, BenchName};
use crate::config::Failure;

pub fn run(args: &BenchArgs) -> Result<(), Failure> {
    match args.name {
        BenchName::Slate => slate(args),
    }
}

fn slate(args: &BenchArgs) -> Result<(), Failure> {
    let pools = [300, 1200, 4800];
    println!(
        "slate: 55-seat body, 37 continuing, seats filled from the nominee pool (seed {}, best of {})",
        args.seed,
        args.repetitions.max(1)
    );
    println!(
        "{:>9} {:>6} {:>7} {:>11} {:>12} {:>8} {:>6} {:>7}",
        "nominees", "seats", "quotas", "solve ms", "objective", "optimal", "gap", "check"
    );
    let rows = bench::slate(&pools, args.seed, args.repetitions)?;
    for row in &rows {
        println!(
            "{:>9} {:>6} {:>7} {:>11.1} {:>12.2} {:>8} {:>6} {:>7}",
            row.nominees,
            row.seats_to_fill,
            row.quotas,
            row.solve_time.as_secs_f64() * 1000.0,
            row.objective,
            if row.proven_optimal { "proven" } else { "no" },
            row.gap
                .map_or_else(|| "-".to_owned(), |g| format!("{g:.4}")),
            if row.check_problems == 0 {
                "ok".to_owned()
            } else {
                format!("{} bad", row.check_problems)
            },
        );
    }
    let base = rows
        .first()
        .map_or(0.0, |r| r.solve_time.as_secs_f64() * 1000.0);
    let largest = rows
        .last()
        .map_or(0.0, |r| r.solve_time.as_secs_f64() * 1000.0);
    let all_optimal = rows
        .iter()
        .all(|r| r.proven_optimal && r.check_problems == 0);
    println!(
        "summary: 300 nominees solved in {base:.1} ms ({}), 16x pool in {largest:.1} ms; {}",
        if base < 1000.0 {
            "target < 1 s met"
        } else {
            "target < 1 s MISSED"
        },
        if all_optimal {
            "every slate proven optimal and checked"
        } else {
            "NOT every slate proven optimal and checked"
        }
    );
    Ok(())
}
