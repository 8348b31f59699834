//! `plenary constitution …`: list the presets, print one as a document, check a document;
//! store a document as a body's next version (`set`) and list the stored versions (`history`).
//!
//! `run` dispatches `presets`, `show` and `check` (no database); `set` and `history` open the
//! database. `set` acts as the operator (`system:cli` in the audit trail) and prints what
//! changed from the previous version. Output goes to stdout; every refusal (an
//! unknown preset, a file that is not `.toml` or `.json`, an invalid document) is a
//! `Failure::Other`, so exit code 1, and names what would have been accepted. `check` prints
//! every problem `plenary_app::bodies::document::check_document` reports, with the arithmetic.
//!
//! Not here: the document format and the summary wording (`plenary_app::bodies::document`),
//! the rules (`plenary_domain::bodies`).

use std::path::Path;

use anyhow::{Context, anyhow};
use plenary_app::bodies::document::{self, DocumentFormat as Format};
use plenary_domain::bodies::presets;

use crate::cli::{
    ConstitutionCheckArgs, ConstitutionCommand, ConstitutionHistoryArgs, ConstitutionSetArgs,
    ConstitutionShowArgs, DocumentFormat, GlobalArgs,
};
use crate::config::Failure;

pub fn run(command: &ConstitutionCommand) -> Result<(), Failure> {
    match command {
        ConstitutionCommand::Presets => presets(),
        ConstitutionCommand::Show(args) => show(args),
        ConstitutionCommand::Check(args) => check(args),
        ConstitutionCommand::Set(_) | ConstitutionCommand::History(_) => Err(anyhow!(
            "`constitution set` and `constitution history` need the database: run them through `set` and `history`"
        )
        .into()),
    }
}

/// `plenary constitution set --forum F --body B FILE`: validates the document and stores it
/// as the body's next version; an invalid document lists every problem and stores nothing.
pub async fn set(global: &GlobalArgs, args: &ConstitutionSetArgs) -> Result<(), Failure> {
    use plenary_app::bodies::constitution::{self, Submitted};

    let path = args.file.as_path();
    let format = format_of(path)?;
    let text =
        std::fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))?;
    let app = open_app(global).await?;
    let actor = plenary_domain::audit::Actor::System("cli");
    let submitted = constitution::submit_version_as_operator(
        &app,
        &actor,
        &args.forum,
        &args.body,
        &text,
        format,
    )
    .await
    .map_err(|e| not_found(e, &args.forum, &args.body))?;
    match submitted {
        Submitted::Stored { version, changes } => {
            println!(
                "stored version {version} of the constitution of {}/{}",
                args.forum, args.body
            );
            if changes.is_empty() && version > 1 {
                println!("no rule changed from version {}", version - 1);
            }
            for line in changes {
                println!("  {line}");
            }
            Ok(())
        }
        Submitted::Refused { problems } => {
            let listed: Vec<String> = problems.iter().map(|p| format!("  - {p}")).collect();
            Err(anyhow!(
                "{} is not a valid constitution; nothing was stored:\n{}",
                path.display(),
                listed.join("\n")
            )
            .into())
        }
    }
}

/// `plenary constitution history --forum F --body B`: one line per stored version.
pub async fn history(global: &GlobalArgs, args: &ConstitutionHistoryArgs) -> Result<(), Failure> {
    let app = open_app(global).await?;
    let history =
        plenary_app::bodies::constitution::history_as_operator(&app, &args.forum, &args.body)
            .await
            .map_err(|e| not_found(e, &args.forum, &args.body))?;
    for version in &history.versions {
        println!(
            "version {}  {}  {}",
            version.version,
            version.created_at.to_display_utc(),
            version.created_by
        );
    }
    if let Some(latest) = history.versions.last() {
        println!(
            "{} versions; version {} is in force",
            history.versions.len(),
            latest.version
        );
    }
    Ok(())
}

async fn open_app(global: &GlobalArgs) -> Result<plenary_app::App, Failure> {
    let db = crate::config::connect(global, 2).await?;
    crate::config::require_current_schema(&db).await?;
    crate::config::app(db, &crate::config::no_mail(), "http://localhost")
}

/// A forum or body that does not exist, named.
fn not_found(err: plenary_app::ActionError, forum: &str, body: &str) -> Failure {
    match err {
        plenary_app::ActionError::NotFound => {
            anyhow!("there is no body `{body}` in forum `{forum}`").into()
        }
        other => other.into(),
    }
}

/// One line per preset: its name, then what it is.
fn presets() -> Result<(), Failure> {
    let presets = presets::all();
    let width = presets
        .iter()
        .map(|(name, _)| name.len())
        .max()
        .unwrap_or(0);
    for (name, constitution) in &presets {
        println!("{name:<width$}  {}", document::describe(constitution));
    }
    Ok(())
}

fn show(args: &ConstitutionShowArgs) -> Result<(), Failure> {
    let constitution = document::preset(&args.preset).ok_or_else(|| {
        anyhow!(
            "there is no preset named `{}`; the presets are: {}",
            args.preset,
            document::preset_names().join(", ")
        )
    })?;
    let text = match args.format {
        DocumentFormat::Toml => document::to_toml(&constitution),
        DocumentFormat::Json => document::to_json(&constitution),
    };
    println!("{}", text.trim_end());
    Ok(())
}

fn check(args: &ConstitutionCheckArgs) -> Result<(), Failure> {
    let path = args.file.as_path();
    let format = format_of(path)?;
    let text =
        std::fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))?;
    let constitution = document::check_document(&text, format).map_err(|problems| {
        let listed: Vec<String> = problems
            .iter()
            .map(|problem| format!("  - {problem}"))
            .collect();
        anyhow!(
            "{} is not a valid constitution:\n{}",
            path.display(),
            listed.join("\n")
        )
    })?;
    if let Some(seats) = args.seats {
        let size = constitution.rules().size;
        if !(size.min..=size.max).contains(&seats) {
            return Err(anyhow!(
                "--seats {seats} is outside the body's size: {} to {} voting members",
                size.min,
                size.max
            )
            .into());
        }
    }
    println!("{}: a valid constitution", path.display());
    for line in document::summary(&constitution, args.seats) {
        println!("{line}");
    }
    Ok(())
}

/// The document format from the file name: `.toml` or `.json`, nothing else.
fn format_of(path: &Path) -> Result<Format, Failure> {
    path.extension()
        .and_then(|extension| extension.to_str())
        .and_then(Format::from_extension)
        .ok_or_else(|| {
            anyhow!(
                "cannot tell the format of {}: name the file `.toml` or `.json`",
                path.display()
            )
            .into()
        })
}
