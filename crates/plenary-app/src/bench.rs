//! Benchmarks reachable as `plenary bench NAME`: each runs a deterministic workload and
//! returns rows for the CLI to print as a table (timings are measured here, never asserted
//! in tests).
//!
//! `slate`: the balanced-slate optimiser (`plenary_solver::solve_slate`) on the synthetic
//! MAG-sized body — 55 seats, 37 continuing, 18 to fill — with 300 nominees and 4× and 16×
//! that pool.
//!
//! `screen`: stage-1 screening under the `igf2023` rules of proposals made by
//! `calls::generate` in the 2023 proportions — the pure rules over every proposal
//! (`screen_domain`), and end to end on a database the caller provides
//! (`screen_end_to_end`: store the proposals, then `screen_cycle_as_operator`).
//!
//! `assign`: reviewer assignment (`plenary_solver::assign`) on the synthetic instance of
//! 1,000 proposals × 50 reviewers, 3 reviews each, load cap 65, 2 % conflicts of interest,
//! and 4× and 16× that (both sides scaled); plain, with at least 2 stakeholder groups per
//! proposal, and with 2 groups and 2 regions. `write_assign_network` writes an instance's
//! flow network in DIMACS form for the OR-Tools comparison (`bench/ortools-compare`).

use std::time::{Duration, Instant};

use plenary_solver::assign::{
    AssignOutcome, AssignProblem, Mix, assignment_network, check_assignment, solve_assignment,
    synthetic_assign_instance,
};
use plenary_solver::{SlateOutcome, check_slate, solve_slate, synthetic_instance};

use plenary_domain::calls::screening::screen;

use crate::calls::generate::{Spec, generate, screening_context, set_submitter};
use crate::{ActionError, App};

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

/// One measured run of the pure screening rules.
#[derive(Debug, Clone)]
pub struct ScreenBenchRow {
    pub proposals: usize,
    pub workshops: usize,
    /// Proposals that failed at least one rule.
    pub failed: usize,
    /// Building the shared context (counts per person and institution).
    pub context_time: Duration,
    /// Screening every proposal, best of the repetitions.
    pub screen_time: Duration,
}

/// Screens `sizes` generated proposals with the `igf2023` rules (`repetitions` times each,
/// best time kept); the proposals are generated before the clock starts.
pub fn screen_domain(
    sizes: &[usize],
    seed: u64,
    repetitions: u32,
) -> Result<Vec<ScreenBenchRow>, ActionError> {
    let setup = crate::calls::document::preset_setup("igf2023", 2026)
        .ok_or_else(|| ActionError::Internal(anyhow::anyhow!("the igf2023 preset")))?;
    let countries = crate::countries::reference_countries()?;
    let mut rows = Vec::new();
    for &size in sizes {
        let records: Vec<_> = generate(&setup, &countries, &Spec::scaled(seed, size))
            .into_iter()
            .map(|g| g.record)
            .collect();
        let mut best: Option<(Duration, Duration)> = None;
        let mut failed = 0;
        for _ in 0..repetitions.max(1) {
            let started = Instant::now();
            let mut ctx = screening_context(
                &records,
                setup.year,
                &[crate::calls::generate::BODY_MEMBER_EMAIL],
            );
            let built = started.elapsed();
            failed = 0;
            for record in &records {
                set_submitter(&mut ctx, record);
                if !screen(&setup.rules, &record.draft, &ctx).passed() {
                    failed += 1;
                }
            }
            let screened = started.elapsed() - built;
            best = Some(best.map_or((built, screened), |(b, s)| (b.min(built), s.min(screened))));
        }
        let (context_time, screen_time) = best.unwrap_or_default();
        rows.push(ScreenBenchRow {
            proposals: records.len(),
            workshops: records
                .iter()
                .filter(|r| r.draft.session_type == "workshop")
                .count(),
            failed,
            context_time,
            screen_time,
        });
    }
    Ok(rows)
}

/// One end-to-end screening run.
#[derive(Debug, Clone)]
pub struct ScreenEndToEnd {
    pub proposals: usize,
    /// Storing the proposals (with their submitters' accounts) in one transaction.
    pub insert_time: Duration,
    /// `screen_cycle_as_operator` over the stored cycle.
    pub screen_time: Duration,
    pub passed: usize,
    pub failed: usize,
}

/// On `app`'s database (fresh and migrated, countries loaded): creates the forum `bench`
/// with an `igf2023` cycle, stores `size` generated proposals and screens them.
pub async fn screen_end_to_end(
    app: &App,
    size: usize,
    seed: u64,
) -> Result<ScreenEndToEnd, ActionError> {
    use plenary_domain::Language;
    use plenary_domain::audit::Actor;
    use plenary_domain::forums::ForumKind;

    use crate::calls::{cycles, document, screening};

    let actor = Actor::System("bench");
    crate::forums::create_forum(
        app,
        &actor,
        crate::forums::NewForumInput {
            slug: "bench".into(),
            name: "Screening benchmark".into(),
            kind: ForumKind::Global,
            country_iso2: None,
            default_language: Language::En,
            time_zone: "Europe/Zurich".into(),
        },
    )
    .await?;
    let setup = document::preset_setup("igf2023", 2026)
        .ok_or_else(|| ActionError::Internal(anyhow::anyhow!("the igf2023 preset")))?;
    let year = cycles::set_up_as_operator(app, &actor, "bench", &document::to_toml(&setup)).await?;
    let countries = crate::countries::reference_countries()?;
    let records: Vec<_> = generate(&setup, &countries, &Spec::scaled(seed, size))
        .into_iter()
        .map(|g| g.record)
        .collect();
    let started = Instant::now();
    let mut tx = app.db().begin().await?;
    let (forum, _) =
        crate::forums::forum_and_principal(&mut tx, &crate::accounts::Viewer::anonymous(), "bench")
            .await?;
    let cycle = cycles::load(&mut tx, &forum, year).await?;
    let proposals =
        crate::calls::generate::insert_generated(&mut tx, &actor, cycle.id, &records, app.now())
            .await?;
    tx.commit().await?;
    let insert_time = started.elapsed();
    let started = Instant::now();
    let run = screening::screen_cycle_as_operator(app, &actor, "bench", year, false).await?;
    let screen_time = started.elapsed();
    Ok(ScreenEndToEnd {
        proposals,
        insert_time,
        screen_time,
        passed: run.passed,
        failed: run.failed,
    })
}

/// The assignment benchmark's instance at `scale`: 1,000 × scale proposals, 50 × scale
/// reviewers, 3 reviews each, load cap 65, 2 % conflicts of interest.
pub fn assign_instance(scale: usize, seed: u64) -> AssignProblem {
    synthetic_assign_instance(1000 * scale, 50 * scale, 3, 65, 2, seed)
}

/// One measured assignment solve.
#[derive(Debug, Clone)]
pub struct AssignRun {
    /// Best of the repetitions.
    pub solve_time: Duration,
    pub objective: i64,
    pub affinity_matches: usize,
    pub method: &'static str,
    /// 0 when proven optimal, else how far above the optimum it may be.
    pub gap: i64,
    pub mix_shortfalls: usize,
    /// Problems the independent checker found (none expected).
    pub check_problems: usize,
}

/// One instance of the assignment benchmark.
#[derive(Debug, Clone)]
pub struct AssignBenchRow {
    pub scale: usize,
    pub proposals: usize,
    pub reviewers: usize,
    pub conflicts: usize,
    pub plain: AssignRun,
    /// At least 2 stakeholder groups per proposal (a flow); `None` when not run.
    pub groups: Option<AssignRun>,
    /// At least 2 stakeholder groups and 2 regions (prices and an integer programme).
    pub groups_and_regions: Option<AssignRun>,
}

/// Solves the instance at each scale: plain `repetitions` times (best time kept), and with
/// each mix once, for scales up to `mix_up_to`.
pub fn assign(
    scales: &[usize],
    seed: u64,
    repetitions: u32,
    mix_up_to: usize,
) -> Result<Vec<AssignBenchRow>, ActionError> {
    let mut rows = Vec::new();
    for &scale in scales {
        let mut problem = assign_instance(scale, seed);
        let plain = assign_run(&problem, repetitions)?;
        let mut groups = None;
        let mut groups_and_regions = None;
        if scale <= mix_up_to {
            problem.mix = Mix {
                min_stakeholder_groups: 2,
                min_regions: 0,
            };
            groups = Some(assign_run(&problem, 1)?);
            problem.mix = Mix {
                min_stakeholder_groups: 2,
                min_regions: 2,
            };
            groups_and_regions = Some(assign_run(&problem, 1)?);
        }
        rows.push(AssignBenchRow {
            scale,
            proposals: problem.proposals.len(),
            reviewers: problem.reviewers.len(),
            conflicts: problem.conflicts.len(),
            plain,
            groups,
            groups_and_regions,
        });
    }
    Ok(rows)
}

fn assign_run(problem: &AssignProblem, repetitions: u32) -> Result<AssignRun, ActionError> {
    let mut best: Option<Duration> = None;
    let mut outcome = None;
    for _ in 0..repetitions.max(1) {
        let started = Instant::now();
        let solved = solve_assignment(problem)
            .map_err(|e| ActionError::Internal(anyhow::anyhow!("assignment solver: {e}")))?;
        let elapsed = started.elapsed();
        best = Some(best.map_or(elapsed, |b| b.min(elapsed)));
        outcome = Some(solved);
    }
    let Some(AssignOutcome::Assigned(assignment)) = outcome else {
        return Err(ActionError::Internal(anyhow::anyhow!(
            "the synthetic assignment instance with {} proposals is infeasible",
            problem.proposals.len()
        )));
    };
    Ok(AssignRun {
        solve_time: best.unwrap_or_default(),
        objective: assignment.objective,
        affinity_matches: assignment.affinity_matches,
        method: assignment.method,
        gap: assignment.gap,
        mix_shortfalls: assignment.mix_shortfalls.len(),
        check_problems: check_assignment(problem, &assignment.pairs).len(),
    })
}

/// Writes the flow network of the instance at `scale` — plain, or with at least 2 stakeholder
/// groups per proposal (`groups_mix`, also a flow) — in DIMACS min-cost-flow form (nodes
/// numbered from 1; `n` lines give supplies, `a` lines `tail head 0 capacity cost`), with the
/// solver's optimal objective in a comment line `c objective N`. Returns it.
pub fn write_assign_network(
    scale: usize,
    seed: u64,
    groups_mix: bool,
    out: &mut dyn std::io::Write,
) -> Result<i64, ActionError> {
    let mut problem = assign_instance(scale, seed);
    if groups_mix {
        problem.mix = Mix {
            min_stakeholder_groups: 2,
            min_regions: 0,
        };
    }
    let objective = match solve_assignment(&problem)
        .map_err(|e| ActionError::Internal(anyhow::anyhow!("assignment solver: {e}")))?
    {
        // With no shortfall the network's optimum is the objective (no W_mix units used).
        AssignOutcome::Assigned(assignment) if assignment.mix_shortfalls.is_empty() => {
            assignment.objective
        }
        AssignOutcome::Assigned(_) => {
            return Err(ActionError::Internal(anyhow::anyhow!(
                "the synthetic instance has mix shortfalls; its network optimum is not the objective"
            )));
        }
        AssignOutcome::Infeasible(_) => {
            return Err(ActionError::Internal(anyhow::anyhow!(
                "the synthetic assignment instance is infeasible"
            )));
        }
    };
    let network = assignment_network(&problem)
        .map_err(|e| ActionError::Internal(anyhow::anyhow!("assignment network: {e}")))?;
    let io = |e: std::io::Error| ActionError::Internal(anyhow::anyhow!("writing the network: {e}"));
    writeln!(
        out,
        "c plenary bench assign: {} proposals x {} reviewers, 3 reviews each, load cap 65, 2% conflicts, seed {seed}",
        problem.proposals.len(),
        problem.reviewers.len()
    )
    .map_err(io)?;
    writeln!(out, "c model {}", network.model.replace(' ', "-")).map_err(io)?;
    writeln!(out, "c objective {objective}").map_err(io)?;
    writeln!(out, "p min {} {}", network.nodes, network.arcs.len()).map_err(io)?;
    writeln!(out, "n {} {}", network.source + 1, network.demand).map_err(io)?;
    writeln!(out, "n {} -{}", network.sink + 1, network.demand).map_err(io)?;
    for arc in &network.arcs {
        writeln!(
            out,
            "a {} {} 0 {} {}",
            arc.tail + 1,
            arc.head + 1,
            arc.capacity,
            arc.cost
        )
        .map_err(io)?;
    }
    Ok(objective)
}
