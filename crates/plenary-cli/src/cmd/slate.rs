//! `plenary slate`: a balanced slate proposal from CSV rosters, printed as text or JSON.
//!
//! `run` reads the constitution (`--preset` or a `.toml`/`.json` document), the members and
//! nominees CSV files, calls `plenary_app::bodies::slate::propose_slate` and prints the
//! `SlateReport`: the chosen nominees, the composition after appointment, binding rules, why
//! strong nominees were left out, notes, and a last `proposal: …` summary line. `--json`
//! prints the same as one JSON object (`plenary_app::bodies::slate::json`).
//!
//! Invariants: this module only reads files and prints; every rule and every number comes
//! from `plenary-app`. A request no slate can satisfy prints its reasons and the smallest
//! relaxation and exits with code 1 (an explained outcome, not a crash). The JSON is
//! `plenary_app::bodies::slate::json::report_json`, the same object stored with slate runs.
//!
//! Neighbours: the arguments are `cli::SlateArgs`; exit codes are `config::Failure`.

use std::fmt::Write as _;
use std::path::Path;

use anyhow::Context as _;
use plenary_app::bodies::document;
use plenary_app::bodies::runs::{self, NomineeSource, RunRequest};
use plenary_app::bodies::slate::{
    self, CompositionRow, PROPOSAL_NOTICE, QuotaSide, SlateOutcome, SlateReport,
};
use plenary_domain::audit::Actor;
use plenary_domain::bodies::{Constitution, Dimension};
use plenary_domain::countries::UnRegionalGroup;

use crate::cli::{GlobalArgs, SlateArgs};
use crate::config::Failure;

pub fn run(args: &SlateArgs) -> Result<(), Failure> {
    let constitution = constitution(args)?;
    let (Some(members_path), Some(nominees_path)) = (&args.members, &args.nominees) else {
        return Err(Failure::Other(anyhow::anyhow!(
            "give --members CSV and --nominees CSV, or --forum, --body and --cycle"
        )));
    };
    let members = read(members_path, "members")?;
    let nominees = read(nominees_path, "nominees")?;
    let report = slate::propose_slate(&constitution, &members, &nominees, args.seats)?;
    print_report(args, &report)
}

/// `plenary slate --forum F --body B --cycle Y`: the body's stored constitution and the
/// members continuing into cycle Y, with the nominees from the CSV file or, without
/// `--nominees`, from the body's nomination call. `--save` stores the run.
pub async fn run_stored(global: &GlobalArgs, args: &SlateArgs) -> Result<(), Failure> {
    let (Some(body), Some(cycle)) = (&args.body, args.cycle) else {
        return Err(Failure::Other(anyhow::anyhow!("--body needs --cycle")));
    };
    let nominees = match &args.nominees {
        Some(path) => NomineeSource::Csv(read(path, "nominees")?),
        None => NomineeSource::Call,
    };
    let db = crate::config::connect(global, 2).await?;
    crate::config::require_current_schema(&db).await?;
    let app = crate::config::app(db.clone(), &crate::config::no_mail(), "http://localhost")?;
    let forum = match &args.forum {
        Some(forum) => forum.clone(),
        None => forum_of_body(&app, body).await?,
    };
    let forum = forum.as_str();
    let request = RunRequest {
        cycle,
        seats: args.seats,
        label: args.label.clone().unwrap_or_default(),
        nominees,
    };
    let result = if args.save {
        runs::run_slate_as_operator(&app, &Actor::System("cli"), forum, body, request)
            .await
            .map(|(id, report)| (Some(id), report))
    } else {
        runs::propose_as_operator(&app, forum, body, &request)
            .await
            .map(|report| (None, report))
    };
    db.close().await;
    let (saved, report) = match result {
        Ok(found) => found,
        Err(plenary_app::ActionError::NotFound) => {
            return Err(Failure::Other(anyhow::anyhow!(
                "no body {body:?} with a constitution in forum {forum:?} (see /f/{forum}/bodies)"
            )));
        }
        Err(other) => return Err(other.into()),
    };
    let printed = print_report(args, &report);
    if let Some(id) = saved {
        eprintln!("stored as run {id}: /f/{forum}/bodies/{body}/slates/{id}");
    }
    printed
}

/// The one forum that has a body `body` (for `--body` without `--forum`).
async fn forum_of_body(app: &plenary_app::App, body: &str) -> Result<String, Failure> {
    let viewer = plenary_app::accounts::Viewer::anonymous();
    let mut found = Vec::new();
    for forum in plenary_app::forums::list_forums(app).await? {
        let slug = forum.slug.as_str().to_owned();
        let (_, bodies) = plenary_app::bodies::roster::list_bodies(app, &viewer, &slug).await?;
        if bodies.iter().any(|b| b.slug == body) {
            found.push(slug);
        }
    }
    match found.as_slice() {
        [one] => Ok(one.clone()),
        [] => Err(Failure::Other(anyhow::anyhow!(
            "no forum has a body {body:?}"
        ))),
        several => Err(Failure::Other(anyhow::anyhow!(
            "several forums have a body {body:?} ({}); give --forum",
            several.join(", ")
        ))),
    }
}

fn print_report(args: &SlateArgs, report: &SlateReport) -> Result<(), Failure> {
    if args.json {
        let json = serde_json::to_string_pretty(&slate::json::report_json(report))
            .context("cannot write the slate report as JSON")
            .map_err(Failure::Other)?;
        println!("{json}");
    } else {
        print!("{}", report_text(report));
    }
    match report.outcome {
        SlateOutcome::Proposed(_) => Ok(()),
        SlateOutcome::Infeasible(_) => Err(Failure::Other(anyhow::anyhow!(
            "no slate meets the rules; the reasons and the smallest relaxation are printed above"
        ))),
    }
}

fn constitution(args: &SlateArgs) -> Result<Constitution, Failure> {
    if let Some(name) = &args.preset {
        return document::preset(name).ok_or_else(|| {
            let names: Vec<&str> = plenary_domain::bodies::presets::all()
                .into_iter()
                .map(|(name, _)| name)
                .collect();
            Failure::Other(anyhow::anyhow!(
                "no preset {name:?}; the presets are {}",
                names.join(", ")
            ))
        });
    }
    let Some(path) = &args.constitution else {
        return Err(Failure::Other(anyhow::anyhow!(
            "give --preset NAME or --constitution FILE"
        )));
    };
    let text = read(path, "constitution")?;
    let extension = path
        .extension()
        .and_then(|extension| extension.to_str())
        .map(str::to_ascii_lowercase);
    let constitution = match extension.as_deref() {
        Some("toml") => document::from_toml(&text),
        Some("json") => document::from_json(&text),
        _ => {
            return Err(Failure::Other(anyhow::anyhow!(
                "{}: a constitution document must end in .toml or .json",
                path.display()
            )));
        }
    };
    Ok(constitution.with_context(|| format!("in {}", path.display()))?)
}

fn read(path: &Path, role: &str) -> Result<String, Failure> {
    std::fs::read_to_string(path)
        .with_context(|| format!("cannot read the {role} file {}", path.display()))
        .map_err(Failure::Other)
}

/// The whole report as text; the last line is the summary.
fn report_text(report: &SlateReport) -> String {
    let mut out = String::new();
    let seats = &report.seats;
    let _ = writeln!(out, "{}: slate proposal", report.body);
    let _ = writeln!(
        out,
        "regular seats: {} at most; {} continuing, {} to fill ({} after appointment)",
        seats.max_regular, seats.continuing_regular, seats.seats_to_fill, seats.regular_after
    );
    if seats.continuing_other > 0 {
        let _ = writeln!(
            out,
            "other seats: {} members (ex officio, standing host-country, observers) are listed but not balanced",
            seats.continuing_other
        );
    }
    let _ = writeln!(
        out,
        "nominees: {} considered{}",
        report.nominees.len(),
        match report.notes.len() {
            0 => String::new(),
            1 => " (1 duplicate nomination merged)".to_owned(),
            n => format!(" ({n} duplicate nominations merged)"),
        }
    );
    let preferences: Vec<String> = report
        .preferences
        .iter()
        .map(|p| format!("{} +{} ({} nominees)", p.label, p.weight, p.nominees))
        .collect();
    let _ = writeln!(out, "preferences: {}", preferences.join("; "));

    match &report.outcome {
        SlateOutcome::Proposed(proposal) => {
            let _ = writeln!(out, "\nChosen nominees ({})", proposal.chosen.len());
            let _ = writeln!(
                out,
                "  {:<26} {:<20} {:<17} {:<11} {:>6}  bonus",
                "name", "stakeholder group", "region", "gender", "score"
            );
            for chosen in &proposal.chosen {
                let nominee = &chosen.nominee;
                let _ = writeln!(
                    out,
                    "  {:<26} {:<20} {:<17} {:<11} {:>6}  {}",
                    nominee.name,
                    nominee.stakeholder_group.replace('_', " "),
                    format!("{} ({})", region_short(nominee.region), nominee.country),
                    nominee.gender,
                    score_text(nominee.score),
                    bonus_text(&chosen.bonuses)
                );
            }
            let _ = writeln!(out, "\nComposition after appointment (regular seats)");
            let _ = writeln!(
                out,
                "  {:<46} {:>10} {:>6} {:>6}  rule",
                "", "continuing", "chosen", "total"
            );
            for dimension in [
                Dimension::StakeholderGroup,
                Dimension::Region,
                Dimension::Gender,
            ] {
                let _ = writeln!(out, "  {}", dimension_title(dimension));
                for row in proposal
                    .composition
                    .iter()
                    .filter(|row| row.dimension == dimension)
                {
                    let _ = writeln!(
                        out,
                        "    {:<44} {:>10} {:>6} {:>6}  {}",
                        row.label,
                        row.continuing,
                        row.chosen,
                        row.total,
                        rule_text(row)
                    );
                }
            }
            if proposal.deviations.is_empty() {
                let _ = writeln!(
                    out,
                    "\nComposition check: the body after appointment meets every rule of the constitution"
                );
            } else {
                let _ = writeln!(out, "\nComposition check: deviations");
                for deviation in &proposal.deviations {
                    let _ = writeln!(out, "  - {deviation}");
                }
            }
            let _ = writeln!(out, "\nBinding constraints");
            if proposal.binding.is_empty() {
                let _ = writeln!(out, "  (none: no rule is at a bound)");
            }
            for binding in &proposal.binding {
                let (side, value) = match binding.at {
                    QuotaSide::Min => ("minimum", binding.min),
                    QuotaSide::Max => ("maximum", binding.max),
                };
                let _ = writeln!(
                    out,
                    "  {} is at its {side} ({} of {})",
                    binding.label,
                    binding.count,
                    value.unwrap_or(binding.count)
                );
            }
            if !proposal.not_chosen.is_empty() {
                let _ = writeln!(out, "\nWhy strong nominees were not chosen");
                for passed in &proposal.not_chosen {
                    let _ = writeln!(
                        out,
                        "  - {} ({}, score {}): {}",
                        passed.name,
                        passed.id,
                        score_text(passed.score),
                        passed.reason
                    );
                }
            }
            write_notes(&mut out, report);
            let _ = writeln!(out, "\n{PROPOSAL_NOTICE}");
            let _ = writeln!(
                out,
                "proposal: {} seats filled, objective {:.1}, {}",
                proposal.chosen.len(),
                proposal.objective,
                optimality_text(proposal.proven_optimal, proposal.gap)
            );
        }
        SlateOutcome::Infeasible(infeasible) => {
            let _ = writeln!(out, "\nNo slate meets the rules");
            for reason in &infeasible.reasons {
                let _ = writeln!(out, "  - {reason}");
            }
            write_notes(&mut out, report);
            let _ = writeln!(out, "\n{PROPOSAL_NOTICE}");
            let relaxation: Vec<String> = infeasible
                .relaxations
                .iter()
                .map(|r| match r.side {
                    // The solver names the seat count "seats to fill"; its min is the seats.
                    QuotaSide::Min if r.label == "seats to fill" => {
                        format!("fill {} fewer seats", r.by)
                    }
                    QuotaSide::Min => format!("lower {} min by {}", r.label, r.by),
                    QuotaSide::Max => format!("raise {} max by {}", r.label, r.by),
                })
                .collect();
            let _ = writeln!(
                out,
                "infeasible: no slate of {} seats; smallest relaxation: {}",
                report.seats.seats_to_fill,
                if relaxation.is_empty() {
                    "none found".to_owned()
                } else {
                    relaxation.join(", ")
                }
            );
        }
    }
    out
}

fn write_notes(out: &mut String, report: &SlateReport) {
    if report.notes.is_empty() {
        return;
    }
    let _ = writeln!(out, "\nNotes");
    for note in &report.notes {
        let _ = writeln!(out, "  - {note}");
    }
}

fn dimension_title(dimension: Dimension) -> &'static str {
    match dimension {
        Dimension::StakeholderGroup => "Stakeholder groups",
        Dimension::Region => "UN regional groups",
        Dimension::Gender => "Gender",
    }
}

fn region_short(region: UnRegionalGroup) -> &'static str {
    match region {
        UnRegionalGroup::African => "African",
        UnRegionalGroup::AsiaPacific => "Asia-Pacific",
        UnRegionalGroup::EasternEuropean => "E. European",
        UnRegionalGroup::LatinAmericanAndCaribbean => "GRULAC",
        UnRegionalGroup::WesternEuropeanAndOthers => "WEOG",
        UnRegionalGroup::None => "none",
    }
}

/// `20–22`, `at least 11`, `at most 33`, or `-`.
fn rule_text(row: &CompositionRow) -> String {
    match (row.floor, row.cap) {
        (Some(floor), Some(cap)) => format!("{floor}–{cap}"),
        (Some(floor), None) => format!("at least {floor}"),
        (None, Some(cap)) => format!("at most {cap}"),
        (None, None) => "-".to_owned(),
    }
}

fn bonus_text(bonuses: &[String]) -> String {
    let short: Vec<&str> = bonuses
        .iter()
        .map(|label| {
            if label.starts_with("First-time") {
                "first time"
            } else if label.starts_with("Country not represented") {
                "new country"
            } else if label.starts_with("Country never represented") {
                "never represented"
            } else if label.starts_with("Gender parity") {
                "parity"
            } else {
                label.as_str()
            }
        })
        .collect();
    short.join(", ")
}

fn score_text(score: f64) -> String {
    if score.fract() == 0.0 {
        format!("{score:.0}")
    } else {
        format!("{score:.1}")
    }
}

fn optimality_text(proven: bool, gap: Option<f64>) -> String {
    match (proven, gap) {
        (true, _) => "proven optimal".to_owned(),
        (false, Some(gap)) => format!("not proven optimal (gap {gap:.4})"),
        (false, None) => "not proven optimal".to_owned(),
    }
}
