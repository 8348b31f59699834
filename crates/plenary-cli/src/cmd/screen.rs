//! `plenary screen --forum F --cycle Y [--notify]`: screens the cycle's submitted proposals
//! against its rules (`plenary_app::calls::screening::screen_cycle_as_operator`, acting as
//! `system:cli`) and prints one line per proposal — number, type, title, result, reasons —
//! then the totals and the time taken. `plenary report-flag` records a past session's missing
//! (or filed) report for the `prior_reports` rule.

use std::time::{Duration, Instant};

use plenary_app::ActionError;
use plenary_app::calls::proposals::ScreeningStatus;
use plenary_app::calls::screening::{self, ScreeningRun};
use plenary_domain::audit::Actor;

use crate::cli::{GlobalArgs, ReportFlagArgs, ScreenArgs};
use crate::config::{self, Failure};

/// The widest title shown; longer ones are cut with `…`.
const TITLE_WIDTH: usize = 48;

pub async fn run(global: &GlobalArgs, args: &ScreenArgs) -> Result<(), Failure> {
    let db = config::connect(global, 2).await?;
    config::require_current_schema(&db).await?;
    let app = config::app(db.clone(), &config::no_mail(), "http://localhost")?;
    let c = &args.cycle;
    let started = Instant::now();
    let result = screening::screen_cycle_as_operator(
        &app,
        &Actor::System("cli"),
        &c.forum,
        c.cycle,
        args.notify,
    )
    .await;
    let elapsed = started.elapsed();
    db.close().await;
    let run = result.map_err(|e| match e {
        ActionError::NotFound => Failure::Other(anyhow::anyhow!(
            "no cycle {} in forum {:?} (set it up first)",
            c.cycle,
            c.forum
        )),
        other => other.into(),
    })?;
    print!("{}", table(&run, elapsed));
    Ok(())
}

pub async fn report_flag(global: &GlobalArgs, args: &ReportFlagArgs) -> Result<(), Failure> {
    let db = config::connect(global, 2).await?;
    config::require_current_schema(&db).await?;
    let app = config::app(db.clone(), &config::no_mail(), "http://localhost")?;
    let flag = screening::ReportFlagInput {
        year: args.year,
        session_ref: args.session.clone(),
        organiser_email: args.email.clone(),
        organisation: args.organisation.clone(),
        filed: args.filed,
    };
    let result =
        screening::record_report_flag_as_operator(&app, &Actor::System("cli"), &args.forum, &flag)
            .await;
    db.close().await;
    result?;
    println!(
        "recorded: the report of {} ({}) is {}",
        args.session.trim(),
        args.year,
        if args.filed { "filed" } else { "missing" }
    );
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

/// The printed table: a header, one line per proposal, the totals.
pub fn table(run: &ScreeningRun, elapsed: Duration) -> String {
    let mut out = format!(
        "{:>6}  {:<18} {:<width$} {:<6} reasons\n",
        "number",
        "type",
        "title",
        "result",
        width = TITLE_WIDTH
    );
    for line in &run.lines {
        let result = match (line.screening, line.overridden) {
            (ScreeningStatus::Pass, false) => "pass",
            (ScreeningStatus::Pass, true) => "pass*",
            (ScreeningStatus::Fail, false) => "fail",
            (ScreeningStatus::Fail, true) => "fail*",
            (ScreeningStatus::Pending, _) => "-",
        };
        let title = truncate(&line.title, TITLE_WIDTH);
        let pad = TITLE_WIDTH.saturating_sub(title.chars().count());
        out.push_str(&format!(
            "{:>6}  {:<18} {title}{} {:<6} {}\n",
            line.number,
            truncate(&line.session_type, 18),
            " ".repeat(pad),
            result,
            line.reasons.join(" ")
        ));
    }
    out.push_str(&format!(
        "{} proposals screened in cycle {}: {} passed, {} failed{}; {} ms\n",
        run.lines.len(),
        run.cycle_year,
        run.passed,
        run.failed,
        if run.mailed > 0 {
            format!(", {} results mailed", run.mailed)
        } else {
            String::new()
        },
        elapsed.as_millis()
    ));
    if run.lines.iter().any(|l| l.overridden) {
        out.push_str("* the secretariat overrode the rules' result\n");
    }
    out
}

#[cfg(test)]
mod tests {
    use plenary_app::calls::proposals::ProposalLine;
    use plenary_domain::calls::ProposalStatus;

    use super::*;

    fn line(
        number: i64,
        title: &str,
        screening: ScreeningStatus,
        reasons: &[&str],
    ) -> ProposalLine {
        ProposalLine {
            id: number,
            number,
            status: ProposalStatus::Submitted,
            session_type: "workshop".into(),
            title: title.into(),
            issue_area: "ai_emerging".into(),
            submitter_organisation: String::new(),
            submitter_stakeholder_group: String::new(),
            submitter_region: String::new(),
            screening,
            overridden: false,
            reasons: reasons.iter().map(|r| (*r).to_owned()).collect(),
            submitted_at: None,
        }
    }

    #[test]
    fn the_table_cuts_long_titles_and_lists_reasons_and_totals() {
        let run = ScreeningRun {
            cycle_year: 2026,
            lines: vec![
                line(1, "Community networks", ScreeningStatus::Pass, &[]),
                line(
                    2,
                    "A very long title about generative AI governance and the Internet we want in every region",
                    ScreeningStatus::Fail,
                    &[
                        "All 3 speakers with a stated gender are man; add a speaker of a different gender.",
                    ],
                ),
            ],
            passed: 1,
            failed: 1,
            mailed: 0,
        };
        let text = table(&run, Duration::from_millis(12));
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines.len(), 4, "{text}");
        assert!(lines[1].contains("Community networks") && lines[1].contains("pass"));
        assert!(lines[2].contains('…'), "{}", lines[2]);
        assert!(lines[2].contains("fail") && lines[2].contains("different gender"));
        assert!(
            lines[3].starts_with("2 proposals screened in cycle 2026: 1 passed, 1 failed; 12 ms")
        );
    }
}
