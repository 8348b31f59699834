//! `plenary nominations export|import|pool`: a body's nominations as CSV, for operators.
//!
//! Each subcommand runs one `plenary_app::bodies::nominations` action as the operator
//! (`system:cli` in the audit trail) and only reads or writes files. `pool` writes the
//! nominees CSV `plenary slate --nominees` reads.

use std::path::Path;

use anyhow::Context as _;
use plenary_app::ActionError;
use plenary_app::bodies::nominations;
use plenary_domain::audit::Actor;

use crate::cli::{CallArgs, GlobalArgs, NominationsImportArgs, NominationsOutArgs};
use crate::config::{self, Failure};

/// Turns "no such call" into a message that says which.
fn explain(err: ActionError, call: &CallArgs) -> Failure {
    match err {
        ActionError::NotFound => Failure::Other(anyhow::anyhow!(
            "no nomination call for cycle {} of body {:?} in forum {:?}",
            call.cycle,
            call.body,
            call.forum
        )),
        other => other.into(),
    }
}

fn write_out(out: Option<&Path>, text: &str) -> Result<(), Failure> {
    match out {
        Some(path) => std::fs::write(path, text)
            .with_context(|| format!("cannot write {}", path.display()))
            .map_err(Failure::Other),
        None => {
            print!("{text}");
            Ok(())
        }
    }
}

pub async fn export(global: &GlobalArgs, args: &NominationsOutArgs) -> Result<(), Failure> {
    let db = config::connect(global, 1).await?;
    config::require_current_schema(&db).await?;
    let app = config::app(db.clone(), &config::no_mail(), "http://localhost")?;
    let c = &args.call;
    let csv = nominations::export_csv_as_operator(&app, &c.forum, &c.body, c.cycle)
        .await
        .map_err(|e| explain(e, c))?;
    db.close().await;
    eprintln!("{} nominations", csv.lines().count().saturating_sub(1));
    write_out(args.out.as_deref(), &csv)
}

pub async fn pool(global: &GlobalArgs, args: &NominationsOutArgs) -> Result<(), Failure> {
    let db = config::connect(global, 1).await?;
    config::require_current_schema(&db).await?;
    let app = config::app(db.clone(), &config::no_mail(), "http://localhost")?;
    let c = &args.call;
    let csv = nominations::slate_pool_csv_as_operator(&app, &c.forum, &c.body, c.cycle)
        .await
        .map_err(|e| explain(e, c))?;
    db.close().await;
    eprintln!(
        "{} eligible, scored nominees",
        csv.lines().count().saturating_sub(1)
    );
    write_out(args.out.as_deref(), &csv)
}

pub async fn import(global: &GlobalArgs, args: &NominationsImportArgs) -> Result<(), Failure> {
    let text = std::fs::read_to_string(&args.file)
        .with_context(|| format!("cannot read {}", args.file.display()))
        .map_err(Failure::Other)?;
    let db = config::connect(global, 1).await?;
    config::require_current_schema(&db).await?;
    let app = config::app(db.clone(), &config::no_mail(), "http://localhost")?;
    let c = &args.call;
    let result = nominations::import_csv_as_operator(
        &app,
        &Actor::System("cli"),
        &c.forum,
        &c.body,
        c.cycle,
        &text,
    )
    .await;
    db.close().await;
    match result {
        Ok(n) => {
            println!("imported {n} nominations");
            Ok(())
        }
        Err(ActionError::Invalid(field)) => Err(Failure::Other(anyhow::anyhow!(
            "{}: nothing was imported:\n{}",
            args.file.display(),
            field.problem
        ))),
        Err(other) => Err(explain(other, c)),
    }
}
