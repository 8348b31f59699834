//! `plenary import proposals FILE.csv --forum F --cycle Y [--partial] [--submit]`: stores
//! session proposals from a CSV file (`plenary_app::calls::csv`) in a cycle, as
//! `system:cli`. Without `--partial` a file with any bad row imports nothing; every bad
//! cell is listed by row and column either way.

use anyhow::Context as _;
use plenary_app::ActionError;
use plenary_app::calls::csv::import_proposals_as_operator;
use plenary_domain::audit::Actor;

use crate::cli::{GlobalArgs, ImportProposalsArgs};
use crate::config::{self, Failure};

pub async fn proposals(global: &GlobalArgs, args: &ImportProposalsArgs) -> Result<(), Failure> {
    let text = std::fs::read_to_string(&args.file)
        .with_context(|| format!("cannot read {}", args.file.display()))
        .map_err(Failure::Other)?;
    let db = config::connect(global, 1).await?;
    config::require_current_schema(&db).await?;
    let app = config::app(db.clone(), &config::no_mail(), "http://localhost")?;
    let c = &args.cycle;
    let result = import_proposals_as_operator(
        &app,
        &Actor::System("cli"),
        &c.forum,
        c.cycle,
        &text,
        args.partial,
        args.submit,
    )
    .await;
    db.close().await;
    let report = result.map_err(|e| match e {
        ActionError::NotFound => Failure::Other(anyhow::anyhow!(
            "no cycle {} in forum {:?} (set it up first)",
            c.cycle,
            c.forum
        )),
        other => other.into(),
    })?;
    let listed: Vec<String> = report.errors.iter().map(|e| format!("  {e}")).collect();
    if !args.partial && !report.errors.is_empty() {
        return Err(Failure::Other(anyhow::anyhow!(
            "{}: nothing was imported ({} bad proposals; --partial imports the good ones):\n{}",
            args.file.display(),
            report.refused,
            listed.join("\n")
        )));
    }
    println!("imported {} proposals", report.imported);
    if !report.errors.is_empty() {
        eprintln!(
            "refused {} proposals:\n{}",
            report.refused,
            listed.join("\n")
        );
    }
    Ok(())
}
