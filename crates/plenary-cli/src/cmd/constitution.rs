//! `plenary constitution …`: list the presets, print one as a document, check a document.
//!
//! `run` dispatches `presets`, `show` and `check`. Output goes to stdout; every refusal (an
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
    ConstitutionCheckArgs, ConstitutionCommand, ConstitutionShowArgs, DocumentFormat,
};
use crate::config::Failure;

pub fn run(command: &ConstitutionCommand) -> Result<(), Failure> {
    match command {
        ConstitutionCommand::Presets => presets(),
        ConstitutionCommand::Show(args) => show(args),
        ConstitutionCommand::Check(args) => check(args),
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
