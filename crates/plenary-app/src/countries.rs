//! The countries reference table, shipped as `data/countries.csv` (sources in
//! `data/PROVENANCE.md`) and loaded into the database by `plenary migrate` and the demo.

use plenary_db::countries as q;
use plenary_domain::audit::{Actor, AuditEntry};
use plenary_domain::countries::{Country, parse_countries_csv};
use serde_json::json;

use crate::{ActionError, App, audit};

/// The shipped reference file.
pub const COUNTRIES_CSV: &str = include_str!("../data/countries.csv");

/// The shipped countries, parsed.
pub fn reference_countries() -> Result<Vec<Country>, ActionError> {
    parse_countries_csv(COUNTRIES_CSV)
        .map_err(|e| ActionError::Internal(anyhow::anyhow!("shipped countries file: {e}")))
}

/// Brings the countries table up to date with the shipped file; returns how many rows
/// it holds. Records one audit event when anything was missing or different.
pub async fn load_reference_countries(app: &App, actor: &Actor) -> Result<usize, ActionError> {
    let countries = reference_countries()?;
    let now = app.now();
    let mut tx = app.db().begin().await?;
    let stored = q::all_countries(&mut tx).await?;
    let changed: Vec<&Country> = countries.iter().filter(|c| !stored.contains(c)).collect();
    for country in &changed {
        q::upsert_country(&mut tx, country).await?;
    }
    if !changed.is_empty() {
        audit::record(
            &mut tx,
            actor,
            AuditEntry {
                forum: None,
                action: "countries.load",
                entity_type: "country",
                entity_id: "*".into(),
                before: Some(json!({"rows": stored.len()}).to_string()),
                after: Some(json!({"rows": countries.len(), "changed": changed.len()}).to_string()),
            },
            now,
        )
        .await?;
    }
    tx.commit().await?;
    Ok(countries.len())
}

/// Every country, by name. Public.
pub async fn list_countries(app: &App) -> Result<Vec<Country>, ActionError> {
    let mut tx = app.db().read().await?;
    let countries = q::all_countries(&mut tx).await?;
    tx.commit().await?;
    Ok(countries)
}
