//! `plenary migrate`: apply migrations, then bring the countries table up to date.

use plenary_app::countries;
use plenary_domain::audit::Actor;

use crate::cli::GlobalArgs;
use crate::config::{self, Failure};

/// Migrates `url` and loads reference data; returns the connected database.
pub async fn migrate_and_load(global: &GlobalArgs) -> Result<plenary_app::Db, Failure> {
    let db = config::connect(global, 2).await?;
    let applied = db
        .migrate()
        .await
        .map_err(|e| Failure::Database(format!("migration failed: {e}")))?;
    if applied.is_empty() {
        eprintln!(
            "schema already current (version {})",
            plenary_app::db_latest_version()
        );
    } else {
        eprintln!("applied migrations {applied:?}");
    }
    let app = config::app(db.clone(), &config::no_mail(), "http://localhost")?;
    let n = countries::load_reference_countries(&app, &Actor::System("cli")).await?;
    eprintln!("countries reference table: {n} rows");
    Ok(db)
}

pub async fn run(global: &GlobalArgs) -> Result<(), Failure> {
    let db = migrate_and_load(global).await?;
    db.close().await;
    Ok(())
}
