//! The review stage for operators, acting as `system:cli`:
//! `plenary reviewers list|seed --forum F --cycle Y` shows the cycle's reviewer pool or adds
//! the current MAG members to it; `plenary assign --forum F --cycle Y [--fresh]` runs the
//! reviewer assignment and prints its report (method, objective, time, kept and changed
//! pairs, mix shortfalls, or why no assignment exists); `plenary synthesis --forum F --cycle
//! Y [--json]` prints the ranked lists per evaluation group, the merge suggestions and the
//! reviewers' scales (`--json`: the API's shape).
//!
//! Each command calls one `plenary_app::calls::review` action; the text layout is here.

use plenary_app::ActionError;
use plenary_app::calls::review::{self, AssignmentRun, ReviewerLine, SynthesisReport};
use plenary_domain::audit::Actor;

use crate::cli::{AssignArgs, CycleArgs, GlobalArgs, ReviewersCommand, SynthesisArgs};
use crate::config::{self, Failure};

/// The widest title or name shown; longer ones are cut with `…`.
const TITLE_WIDTH: usize = 44;

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
        ReviewersCommand::List(c) => {
            let result = review::pool_as_operator(&app, &c.forum, c.cycle).await;
            db.close().await;
            let pool = result.map_err(|e| failure(e, c))?;
            print!("{}", pool_table(&pool));
        }
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
pub async fn synthesis(global: &GlobalArgs, args: &SynthesisArgs) -> Result<(), Failure> {
    let db = config::connect(global, 2).await?;
    config::require_current_schema(&db).await?;
    let app = config::app(db.clone(), &config::no_mail(), "http://localhost")?;
    let c = &args.cycle;
    let result = review::synthesis_as_operator(&app, &c.forum, c.cycle).await;
    db.close().await;
    let report = result.map_err(|e| failure(e, c))?;
    if args.json {
        println!("{}", plenary_web::synthesis_json_pretty(report));
    } else {
        print!("{}", synthesis_text(&report));
    }
    Ok(())
}

fn truncate(text: &str, width: usize) -> String {
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if text.chars().count() <= width {
        text
    } else {
        let cut: String = text.chars().take(width.saturating_sub(1)).collect();
        format!("{}…", cut.trim_end())
    }
}

/// `text` cut to `width` and padded to it.
fn column(text: &str, width: usize) -> String {
    let text = truncate(text, width);
    let pad = width.saturating_sub(text.chars().count());
    format!("{text}{}", " ".repeat(pad))
}

/// The pool: one line per reviewer with load and progress, then the totals.
pub fn pool_table(pool: &[ReviewerLine]) -> String {
    let mut out = format!(
        "{:>6}  {} {:<18} {:<16} {:>4} {:>8} {:>9} {:>6} {:>9}\n",
        "id",
        column("name", TITLE_WIDTH),
        "stakeholder group",
        "region",
        "cap",
        "assigned",
        "submitted",
        "drafts",
        "conflicts"
    );
    for r in pool {
        let name = if r.withdrawn {
            format!("{} (withdrawn)", r.name)
        } else {
            r.name.clone()
        };
        out.push_str(&format!(
            "{:>6}  {} {:<18} {:<16} {:>4} {:>8} {:>9} {:>6} {:>9}\n",
            r.id,
            column(&name, TITLE_WIDTH),
            truncate(&r.stakeholder_group, 18),
            truncate(&r.region, 16),
            r.load_cap,
            r.assigned,
            r.submitted,
            r.drafts,
            r.conflicts
        ));
    }
    let active = pool.iter().filter(|r| !r.withdrawn).count();
    let assigned: usize = pool.iter().map(|r| r.assigned).sum();
    let submitted: usize = pool.iter().map(|r| r.submitted).sum();
    out.push_str(&format!(
        "{} reviewers ({active} active): {assigned} reviews assigned, {submitted} submitted\n",
        pool.len()
    ));
    out
}

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

/// The synthesis as text: one ranked table per evaluation group, the merge suggestions,
/// the reviewers' scales.
pub fn synthesis_text(report: &SynthesisReport) -> String {
    let mut out = format!(
        "Synthesis of cycle {}: {} reviews of {} proposals\n",
        report.cycle_year, report.reviews, report.proposals
    );
    for group in &report.groups {
        out.push_str(&format!(
            "\n{} ({} proposals)\n",
            group.name,
            group.lines.len()
        ));
        out.push_str(&format!(
            "{:>4} {:>6}  {} {:>3} {:>5} {:>6} {:>5} {:>6} {:>4}  flags\n",
            "rank",
            "number",
            column("title", TITLE_WIDTH),
            "n",
            "mean",
            "spread",
            "norm",
            "robust",
            "raw"
        ));
        for l in &group.lines {
            let mut flags = Vec::new();
            if l.developing_country {
                flags.push("developing".to_owned());
            }
            if l.first_time {
                flags.push("first-time".to_owned());
            }
            if l.merge_flags > 0 {
                flags.push(format!("merge×{}", l.merge_flags));
            }
            out.push_str(&format!(
                "{:>4} {:>6}  {} {:>3} {:>5.2} {:>6.2} {:>5.2} {:>6.2} {:>4}  {}\n",
                l.rank_z,
                l.number,
                column(&l.title, TITLE_WIDTH),
                l.count,
                l.mean,
                l.spread,
                l.z_mean,
                l.robust_mean,
                l.rank_raw,
                flags.join(" ")
            ));
        }
    }
    out.push_str(&format!("\nMerge suggestions: {}\n", report.merges.len()));
    for m in &report.merges {
        out.push_str(&format!(
            "  #{} + #{}  {:.0} %  {}{}\n",
            m.a,
            m.b,
            m.similarity * 100.0,
            m.shared_terms.join(", "),
            if m.flagged > 0 {
                format!("  (flagged by {})", m.flagged)
            } else {
                String::new()
            }
        ));
    }
    if !report.reviewers.is_empty() {
        out.push_str("\nReviewers' scales\n");
        out.push_str(&format!(
            "{} {:>3} {:>5} {:>5} {:>6} {:>5}\n",
            column("name", TITLE_WIDTH),
            "n",
            "mean",
            "sd",
            "median",
            "mad"
        ));
        for r in &report.reviewers {
            out.push_str(&format!(
                "{} {:>3} {:>5.2} {:>5.2} {:>6.2} {:>5.2}\n",
                column(&r.name, TITLE_WIDTH),
                r.count,
                r.mean,
                r.sd,
                r.median,
                r.mad
            ));
        }
    }
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
