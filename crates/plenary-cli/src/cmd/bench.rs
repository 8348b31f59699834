//! `plenary bench NAME`: runs a benchmark from `plenary_app::bench` and prints its table;
//! the last line summarises the result (`bench assign --export DIR` also writes the flow
//! networks for `bench/ortools-compare`, after the table and before the summary).

use std::time::Duration;

use anyhow::Context;
use plenary_app::bench;

use crate::cli::{BenchArgs, BenchName};
use crate::config::{self, Failure};

pub async fn run(args: &BenchArgs) -> Result<(), Failure> {
    match args.name {
        BenchName::Slate => slate(args),
        BenchName::Screen => screen(args).await,
        BenchName::Assign => assign(args),
    }
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

async fn screen(args: &BenchArgs) -> Result<(), Failure> {
    let sizes = [300, 1200, 4800];
    println!(
        "screen: generated proposals (2023 proportions, seed {}) under the igf2023 rules, best of {}",
        args.seed,
        args.repetitions.max(1)
    );
    println!(
        "{:>9} {:>9} {:>7} {:>11} {:>11} {:>14} {:>14}",
        "proposals",
        "workshops",
        "failed",
        "context ms",
        "rules ms",
        "e2e insert ms",
        "e2e screen ms"
    );
    let rows = bench::screen_domain(&sizes, args.seed, args.repetitions)?;
    let end_to_end = end_to_end(1200, args.seed).await;
    let mut at_1200 = None;
    for (size, row) in sizes.iter().zip(&rows) {
        let (insert, screened) = match (&end_to_end, *size) {
            (Ok(e), 1200) => (
                format!("{:.1}", ms(e.insert_time)),
                format!("{:.1}", ms(e.screen_time)),
            ),
            _ => ("n/a".to_owned(), "n/a".to_owned()),
        };
        if *size == 1200 {
            at_1200 = Some(row.screen_time + row.context_time);
        }
        println!(
            "{:>9} {:>9} {:>7} {:>11.2} {:>11.2} {:>14} {:>14}",
            row.proposals,
            row.workshops,
            row.failed,
            ms(row.context_time),
            ms(row.screen_time),
            insert,
            screened
        );
    }
    if let Err(why) = &end_to_end {
        println!("end to end (1200 on a temporary SQLite database): n/a ({why})");
    }
    let rules = at_1200.map_or(0.0, ms);
    println!(
        "summary: 1200 proposals screened by the rules in {rules:.1} ms ({}); end to end {}",
        if rules < 1000.0 {
            "target < 1 s met"
        } else {
            "target < 1 s MISSED"
        },
        match &end_to_end {
            Ok(e) => format!(
                "{:.1} ms ({} passed, {} failed)",
                ms(e.screen_time),
                e.passed,
                e.failed
            ),
            Err(_) => "n/a".to_owned(),
        }
    );
    Ok(())
}

/// Stores and screens `size` proposals on a temporary SQLite database, removed afterwards.
async fn end_to_end(size: usize, seed: u64) -> Result<bench::ScreenEndToEnd, String> {
    let stamp = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos());
    let path = std::env::temp_dir().join(format!(
        "plenary-bench-screen-{}-{stamp}.db",
        std::process::id()
    ));
    let url = format!("sqlite://{}", path.display());
    let result = async {
        let size_pool = plenary_app::PoolSize {
            max_connections: 2,
            connect_timeout: Duration::from_secs(10),
        };
        let db = plenary_app::Db::connect(&url, size_pool)
            .await
            .map_err(|e| e.to_string())?;
        let outcome = async {
            db.migrate().await.map_err(|e| e.to_string())?;
            let app = config::app(db.clone(), &config::no_mail(), "http://localhost")
                .map_err(|e| e.to_string())?;
            plenary_app::countries::load_reference_countries(
                &app,
                &plenary_domain::audit::Actor::System("bench"),
            )
            .await
            .map_err(|e| e.to_string())?;
            bench::screen_end_to_end(&app, size, seed)
                .await
                .map_err(|e| e.to_string())
        }
        .await;
        db.close().await;
        outcome
    }
    .await;
    for suffix in ["", "-wal", "-shm", "-journal"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
    }
    result
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

fn assign(args: &BenchArgs) -> Result<(), Failure> {
    println!(
        "assign: 1000 proposals x 50 reviewers per scale, 3 reviews each, load cap 65, 2% conflicts (seed {}); plain best of {}, mix one run",
        args.seed,
        args.repetitions.max(1)
    );
    println!(
        "{:>5} {:>9} {:>9} {:>10} {:>9} {:>10} {:>8} {:>6} | {:>9} {:>10} | {:>9} {:>10} {:>6} {:>6}",
        "scale",
        "proposals",
        "reviewers",
        "pairs",
        "plain ms",
        "objective",
        "matches",
        "check",
        "groups ms",
        "objective",
        "+regions",
        "objective",
        "gap",
        "check"
    );
    let rows = bench::assign(&args.scales, args.seed, args.repetitions, args.mix_up_to)?;
    for row in &rows {
        let pairs = row.proposals * row.reviewers - row.conflicts;
        let (groups_ms, groups_objective) = match &row.groups {
            Some(run) => (
                format!("{:.1}", ms(run.solve_time)),
                run.objective.to_string(),
            ),
            None => ("skipped".to_owned(), "-".to_owned()),
        };
        let (both_ms, both_objective, gap, both_check) = match &row.groups_and_regions {
            Some(run) => (
                format!("{:.1}", ms(run.solve_time)),
                run.objective.to_string(),
                if run.gap == 0 {
                    "0".to_owned()
                } else {
                    format!("<={}", run.gap)
                },
                check_text(
                    run.check_problems + row.groups.as_ref().map_or(0, |g| g.check_problems),
                    run.mix_shortfalls,
                ),
            ),
            None => (
                "skipped".to_owned(),
                "-".to_owned(),
                "-".to_owned(),
                "-".to_owned(),
            ),
        };
        println!(
            "{:>4}x {:>9} {:>9} {:>10} {:>9.1} {:>10} {:>8} {:>6} | {:>9} {:>10} | {:>9} {:>10} {:>6} {:>6}",
            row.scale,
            row.proposals,
            row.reviewers,
            pairs,
            ms(row.plain.solve_time),
            row.plain.objective,
            row.plain.affinity_matches,
            check_text(row.plain.check_problems, 0),
            groups_ms,
            groups_objective,
            both_ms,
            both_objective,
            gap,
            both_check,
        );
    }
    if let Some(dir) = &args.export {
        std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
        let networks = args
            .scales
            .iter()
            .flat_map(|&scale| [(scale, false), (scale, true)]);
        for (scale, groups_mix) in networks {
            let suffix = if groups_mix { "-groups" } else { "" };
            let path = dir.join(format!("assign-{scale}x{suffix}.min"));
            let file = std::fs::File::create(&path)
                .with_context(|| format!("creating {}", path.display()))?;
            let mut out = std::io::BufWriter::new(file);
            let objective = bench::write_assign_network(scale, args.seed, groups_mix, &mut out)?;
            std::io::Write::flush(&mut out)
                .with_context(|| format!("writing {}", path.display()))?;
            println!("exported {} (objective {objective})", path.display());
        }
    }
    let base = rows.first().map_or(0.0, |r| ms(r.plain.solve_time));
    let all_ok = rows.iter().all(|r| {
        r.plain.gap == 0
            && r.plain.check_problems == 0
            && r.groups
                .as_ref()
                .is_none_or(|g| g.gap == 0 && g.check_problems == 0)
            && r.groups_and_regions
                .as_ref()
                .is_none_or(|g| g.check_problems == 0)
    });
    let unproven: Vec<String> = rows
        .iter()
        .filter(|r| r.groups_and_regions.as_ref().is_some_and(|g| g.gap > 0))
        .map(|r| format!("{}x", r.scale))
        .collect();
    println!(
        "summary: {} proposals assigned in {base:.1} ms ({}); {}{}",
        rows.first().map_or(0, |r| r.proposals),
        if base < 200.0 {
            "target < 200 ms met"
        } else {
            "target < 200 ms MISSED"
        },
        if all_ok {
            "every flow solution optimal and checked"
        } else {
            "NOT every flow solution optimal and checked"
        },
        if unproven.is_empty() {
            String::new()
        } else {
            format!(
                "; groups+regions not proven optimal at {} (gap shown)",
                unproven.join(", ")
            )
        }
    );
    Ok(())
}

fn check_text(problems: usize, shortfalls: usize) -> String {
    match (problems, shortfalls) {
        (0, 0) => "ok".to_owned(),
        (0, s) => format!("{s} sf"),
        (p, _) => format!("{p} bad"),
    }
}
