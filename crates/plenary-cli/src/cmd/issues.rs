//! `plenary issues export`: a cycle's call-for-issues inputs as CSV, for operators.
//!
//! Without `--private` the CSV is the public one (no names, no e-mail addresses); with it,
//! the secretariat's (`name,email` added). Runs `plenary_app::calls::issues` as the operator.

use anyhow::{Context as _, anyhow};
use plenary_app::ActionError;
use plenary_app::calls::issues::{self, Privacy};

use crate::cli::{GlobalArgs, IssuesExportArgs};
use crate::config::{self, Failure};

pub async fn export(global: &GlobalArgs, args: &IssuesExportArgs) -> Result<(), Failure> {
    let db = config::connect(global, 1).await?;
    config::require_current_schema(&db).await?;
    let app = config::app(db.clone(), &config::no_mail(), "http://localhost")?;
    let privacy = if args.private {
        Privacy::WithContacts
    } else {
        Privacy::Public
    };
    let csv = issues::export_csv_as_operator(&app, &args.forum, args.year, privacy)
        .await
        .map_err(|e| match e {
            ActionError::NotFound => Failure::Other(anyhow!(
                "forum {:?} has no cycle {} (or no such forum)",
                args.forum,
                args.year
            )),
            other => other.into(),
        })?;
    db.close().await;
    eprintln!("{} inputs", csv.lines().count().saturating_sub(1));
    match &args.out {
        Some(path) => std::fs::write(path, &csv)
            .with_context(|| format!("cannot write {}", path.display()))
            .map_err(Failure::Other),
        None => {
            print!("{csv}");
            Ok(())
        }
    }
}
