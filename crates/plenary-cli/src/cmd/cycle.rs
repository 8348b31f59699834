//! `plenary cycle …`: list the cycle presets, print one as a set-up document for a year,
//! show a forum's stored cycle (a summary, or the document as JSON), and store a document
//! (`set`, as the operator: `system:cli` in the audit trail).
//!
//! `presets` and `preset` need no database. Every refusal (an unknown preset, an invalid
//! document, a cycle that does not exist) is a `Failure::Other`, so exit code 1, and says
//! what would have been accepted; an invalid document lists every problem and stores nothing.
//! Not here: the document format (`plenary_app::calls::document`), the rules
//! (`plenary_domain::calls`).

use anyhow::{Context, anyhow};
use plenary_app::ActionError;
use plenary_app::accounts::Viewer;
use plenary_app::calls::cycles::{self, display_in_zone};
use plenary_app::calls::document;
use plenary_domain::Timestamp;
use plenary_domain::audit::Actor;
use plenary_domain::calls::Approver;

use crate::cli::{
    CycleCommand, CyclePresetArgs, CycleSetArgs, CycleShowArgs, DocumentFormat, GlobalArgs,
};
use crate::config::Failure;

pub async fn run(global: &GlobalArgs, command: &CycleCommand) -> Result<(), Failure> {
    match command {
        CycleCommand::Presets => {
            for name in document::preset_names() {
                println!("{name}");
            }
            Ok(())
        }
        CycleCommand::Preset(args) => preset(args),
        CycleCommand::Show(args) => show(global, args).await,
        CycleCommand::Set(args) => set(global, args).await,
    }
}

fn preset(args: &CyclePresetArgs) -> Result<(), Failure> {
    let setup = document::preset_setup(&args.preset, args.year).ok_or_else(|| {
        anyhow!(
            "there is no cycle preset {:?}; the presets are {}",
            args.preset,
            document::preset_names().join(", ")
        )
    })?;
    match args.format {
        DocumentFormat::Toml => print!("{}", document::to_toml(&setup)),
        DocumentFormat::Json => println!("{}", document::to_json(&setup)),
    }
    Ok(())
}

async fn open_app(global: &GlobalArgs) -> Result<plenary_app::App, Failure> {
    let db = crate::config::connect(global, 2).await?;
    crate::config::require_current_schema(&db).await?;
    crate::config::app(db, &crate::config::no_mail(), "http://localhost")
}

fn both(t: Timestamp, zone: &str) -> String {
    format!("{} ({})", display_in_zone(t, zone), t.to_display_utc())
}

async fn show(global: &GlobalArgs, args: &CycleShowArgs) -> Result<(), Failure> {
    let app = open_app(global).await?;
    let view = cycles::cycle(&app, &Viewer::anonymous(), &args.forum, args.year)
        .await
        .map_err(|e| match e {
            ActionError::NotFound => Failure::Other(anyhow!(
                "forum {:?} has no cycle {} (or no such forum)",
                args.forum,
                args.year
            )),
            other => other.into(),
        })?;
    let s = &view.cycle.setup;
    if args.json {
        println!("{}", document::to_json(s));
        return Ok(());
    }
    let zone = s.venue_time_zone.as_str();
    let d = &s.dates;
    println!("cycle {} of {}: {}", s.year, view.forum.name, s.theme);
    println!(
        "host: {}, {} · venue time zone {zone} · meeting {} to {}",
        s.host_city, s.host_country_iso2, s.meeting_start, s.meeting_end
    );
    println!("key dates (venue time, UTC):");
    for (label, t) in [
        ("call for issues opens", d.issues_open),
        ("call for issues closes", d.issues_close),
        ("call for proposals opens", d.call_opens),
        ("proposal deadline", d.call_closes),
        ("screening due", d.screening_due),
        ("evaluation due", d.evaluation_due),
        ("notification", d.notification),
    ] {
        println!("  {label:<26} {}", both(t, zone));
    }
    println!("issue areas:");
    for a in &s.issue_areas {
        println!("  {:<28} {}", a.code, a.name);
    }
    println!("session types:");
    for k in &s.session_types {
        let mut support = Vec::new();
        if k.support.webcast {
            support.push("webcast");
        }
        if k.support.transcription {
            support.push("transcription");
        }
        if k.support.interpretation {
            support.push("interpretation");
        }
        let durations: Vec<String> = k.durations.iter().map(|m| format!("{m} min")).collect();
        println!(
            "  {:<18} approved by {:<11} {}; {}; support: {}{}",
            k.code,
            match k.approver {
                Approver::Mag => "the MAG",
                Approver::Secretariat => "secretariat",
            },
            durations.join("/"),
            k.formats.join(", "),
            if support.is_empty() {
                "none".to_owned()
            } else {
                support.join(", ")
            },
            if k.open { "" } else { " (not open)" }
        );
    }
    println!("screening rules:");
    if s.rules.is_empty() {
        println!("  none");
    }
    for r in &s.rules {
        println!("  {:<20} {}", r.kind.code(), r.explanation());
    }
    if let Some(cap) = s.speaker_cap {
        println!("speaker cap after selection: {cap} sessions");
    }
    Ok(())
}

async fn set(global: &GlobalArgs, args: &CycleSetArgs) -> Result<(), Failure> {
    let path = args.file.as_path();
    let text =
        std::fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))?;
    if let Err(problems) = document::check_document(&text) {
        let listed: Vec<String> = problems.iter().map(|p| format!("  - {p}")).collect();
        return Err(anyhow!(
            "{} is not a valid cycle set-up; nothing was stored:\n{}",
            path.display(),
            listed.join("\n")
        )
        .into());
    }
    let app = open_app(global).await?;
    let year = cycles::set_up_as_operator(&app, &Actor::System("cli"), &args.forum, &text)
        .await
        .map_err(|e| match e {
            ActionError::NotFound => Failure::Other(anyhow!("there is no forum {:?}", args.forum)),
            ActionError::Invalid(field) => Failure::Other(anyhow!(
                "{} is not a valid cycle set-up; nothing was stored:\n  - {}",
                path.display(),
                field.problem
            )),
            other => other.into(),
        })?;
    println!("stored the {year} cycle of {}", args.forum);
    Ok(())
}
