//! The review stage for operators, acting as `system:cli`:
//! `plenary reviewers seed --forum F --cycle Y` adds the current MAG members to the cycle's
//! reviewer pool; `plenary assign --forum F --cycle Y [--fresh]` runs the reviewer
//! assignment and prints its report (method, objective, time, kept and changed pairs, mix
//! shortfalls, or why no assignment exists).
//!
//! Each command calls one `plenary_app::calls::review` action; the text layout is here.

use plenary_app::ActionError;
use plenary_app::calls::review::{self, AssignmentRun};
use plenary_domain::audit::Actor;

use crate::cli::{AssignArgs, CycleArgs, GlobalArgs, ReviewersCommand};
use crate::config::{self, Failure};

const ACTOR: Actor = Actor::System("cli");

/// A missing cycle said plainly; anything else as the action reported it.
fn failure(err: ActionError, c: &CycleArgs) -> Failure {
    match err {
        ActionError::NotFound => Failure::Other(anyhow::anyhow!(
            "no cycle {} in forum {:?} (set it up first)",
            c.cycle,
            c.forum
        )),
        other => other.into(),
    }
}

pub async fn reviewers(global: &GlobalArgs, command: &ReviewersCommand) -> Result<(), Failure> {
    let db = config::connect(global, 2).await?;
    config::require_current_schema(&db).await?;
    let app = config::app(db.clone(), &config::no_mail(), "http://localhost")?;
    match command {
        ReviewersCommand::Seed(c) => {
            let result = review::seed_pool_as_operator(&app, &ACTOR, &c.forum, c.cycle).await;
            db.close().await;
            let added = result.map_err(|e| failure(e, c))?;
            println!(
                "{added} MAG member{} added to the reviewer pool of cycle {}",
                if added == 1 { "" } else { "s" },
                c.cycle
            );
        }
    }
    Ok(())
}

pub async fn assign(global: &GlobalArgs, args: &AssignArgs) -> Result<(), Failure> {
    let db = config::connect(global, 2).await?;
    config::require_current_schema(&db).await?;
    let app = config::app(db.clone(), &config::no_mail(), "http://localhost")?;
    let c = &args.cycle;
    let result =
        review::run_assignment_as_operator(&app, &ACTOR, &c.forum, c.cycle, args.fresh).await;
    db.close().await;
    let run = result.map_err(|e| failure(e, c))?;
    print!("{}", run_report(&run));
    if run.infeasible.is_empty() {
        Ok(())
    } else {
        Err(Failure::Other(anyhow::anyhow!(
            "no assignment meets the rules; nothing was stored"
        )))
    }
}

/// The lines shown of a long explanation: the first ten, how many are left out, and the
/// last (the solver ends with the shortages that span many proposals).
fn condensed(lines: &[String]) -> (&[String], usize, Option<&String>) {
    const HEAD: usize = 10;
    if lines.len() <= HEAD + 2 {
        return (lines, 0, None);
    }
    (&lines[..HEAD], lines.len() - HEAD - 1, lines.last())
}

/// The report of an assignment run, ending in a one-line summary.
pub fn run_report(run: &AssignmentRun) -> String {
    let mut out = String::new();
    if !run.infeasible.is_empty() {
        out.push_str(&format!(
            "No assignment of cycle {} meets the rules ({} proposals, {} reviewers); nothing was stored:\n",
            run.cycle_year, run.proposals, run.reviewers
        ));
        let (head, hidden, tail) = condensed(&run.infeasible);
        for line in head {
            out.push_str(&format!("  - {line}\n"));
        }
        if hidden > 0 {
            out.push_str(&format!("  … {hidden} more like these\n"));
        }
        if let Some(last) = tail {
            out.push_str(&format!("  - {last}\n"));
        }
        return out;
    }
    out.push_str(&format!("method             {}\n", run.method));
    out.push_str(&format!(
        "objective          {} ({})\n",
        run.objective,
        if run.proven_optimal {
            "optimal"
        } else {
            "best found; see the bound below"
        }
    ));
    out.push_str(&format!("solve time         {} ms\n", run.solve_ms));
    out.push_str(&format!(
        "affinity matches   {} of {} reviews\n",
        run.affinity_matches, run.reviews
    ));
    out.push_str(&format!(
        "kept / changed     {} / {}\n",
        run.kept, run.changed
    ));
    out.push_str(&format!("conflicts detected {}\n", run.detected_conflicts));
    if !run.loads.is_empty() {
        let loads: Vec<u32> = run.loads.iter().map(|(_, load)| *load).collect();
        let min = loads.iter().min().copied().unwrap_or(0);
        let max = loads.iter().max().copied().unwrap_or(0);
        out.push_str(&format!("loads              {min} to {max} per reviewer\n"));
    }
    for line in &run.explanation {
        out.push_str(&format!("  {line}\n"));
    }
    if !run.shortfalls.is_empty() {
        out.push_str(&format!(
            "mix shortfalls     {} proposals:\n",
            run.shortfalls.len()
        ));
        for line in &run.shortfalls {
            out.push_str(&format!("  - {line}\n"));
        }
    }
    out.push_str(&format!(
        "{} reviews assigned in cycle {}: {} proposals, {} reviewers\n",
        run.reviews, run.cycle_year, run.proposals, run.reviewers
    ));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run() -> AssignmentRun {
        AssignmentRun {
            cycle_year: 2026,
            proposals: 2,
            reviewers: 3,
            reviews: 6,
            objective: -1200,
            affinity_matches: 4,
            kept: 5,
            changed: 1,
            method: "min-cost flow".into(),
            proven_optimal: true,
            solve_ms: 3,
            detected_conflicts: 1,
            shortfalls: vec![
                "#2: 1 stakeholder group of 2 (all eligible reviewers are government)".into(),
            ],
            infeasible: Vec::new(),
            loads: vec![("A".into(), 1), ("B".into(), 2), ("C".into(), 3)],
            run_number: 4,
            fresh: false,
            explanation: vec!["Optimal: no assignment scores higher.".into()],
        }
    }

    #[test]
    fn the_report_lists_the_facts_and_ends_in_a_summary() {
        let text = run_report(&run());
        assert!(
            text.contains("method             min-cost flow\n"),
            "{text}"
        );
        assert!(text.contains("kept / changed     5 / 1\n"));
        assert!(text.contains("loads              1 to 3 per reviewer\n"));
        assert!(text.contains("  Optimal: no assignment scores higher.\n"));
        assert!(text.contains("  - #2: 1 stakeholder group of 2"));
        assert_eq!(
            text.lines().last(),
            Some("6 reviews assigned in cycle 2026: 2 proposals, 3 reviewers")
        );
    }

    #[test]
    fn an_infeasible_run_says_where_it_is_short_and_nothing_else() {
        let mut run = run();
        run.infeasible = vec!["#1 needs 3 reviewers but only 2 are eligible".into()];
        let text = run_report(&run);
        assert_eq!(
            text,
            "No assignment of cycle 2026 meets the rules (2 proposals, 3 reviewers); nothing was stored:\n  - #1 needs 3 reviewers but only 2 are eligible\n"
        );
        // A long explanation shows ten lines, how many more, and the last.
        run.infeasible = (1..=30).map(|n| format!("line {n}")).collect();
        let text = run_report(&run);
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines.len(), 13, "{text}");
        assert_eq!(lines[10], "  - line 10");
        assert_eq!(lines[11], "  … 19 more like these");
        assert_eq!(lines[12], "  - line 30");
    }
}
