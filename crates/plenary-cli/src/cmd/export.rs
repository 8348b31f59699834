//! `plenary export proposals --forum F --cycle Y [--out FILE]`: a cycle's session proposals
//! as CSV, in the format `plenary import proposals` reads (`plenary_app::calls::csv`).

use anyhow::Context as _;
use plenary_app::ActionError;
use plenary_app::calls::csv::export_proposals_as_operator;

use crate::cli::{ExportProposalsArgs, GlobalArgs};
use crate::config::{self, Failure};

pub async fn proposals(global: &GlobalArgs, args: &ExportProposalsArgs) -> Result<(), Failure> {
    let db = config::connect(global, 1).await?;
    config::require_current_schema(&db).await?;
    let app = config::app(db.clone(), &config::no_mail(), "http://localhost")?;
    let c = &args.cycle;
    let result = export_proposals_as_operator(&app, &c.forum, c.cycle).await;
    db.close().await;
    let csv = result.map_err(|e| match e {
        ActionError::NotFound => Failure::Other(anyhow::anyhow!(
            "no cycle {} in forum {:?}",
            c.cycle,
            c.forum
        )),
        other => other.into(),
    })?;
    match &args.out {
        Some(path) => std::fs::write(path, &csv)
            .with_context(|| format!("cannot write {}", path.display()))
            .map_err(Failure::Other)?,
        None => print!("{csv}"),
    }
    Ok(())
}
