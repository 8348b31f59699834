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

#[cfg(test)]
mod tests {
    use plenary_domain::countries::{DevelopmentStatus as D, UnRegionalGroup as G};

    use super::*;

    #[test]
    fn the_shipped_file_classifies_known_countries_correctly() {
        let countries = reference_countries().unwrap();
        assert_eq!(countries.len(), 201);
        let by_code = |iso2: &str| countries.iter().find(|c| c.iso2 == iso2).unwrap();
        // (iso2, group, status, ldc, lldc, sids)
        let cases = [
            ("KE", G::African, Some(D::Developing), false, false, false),
            (
                "FR",
                G::WesternEuropeanAndOthers,
                Some(D::Developed),
                false,
                false,
                false,
            ),
            (
                "BR",
                G::LatinAmericanAndCaribbean,
                Some(D::Developing),
                false,
                false,
                false,
            ),
            (
                "BO",
                G::LatinAmericanAndCaribbean,
                Some(D::Developing),
                false,
                true,
                false,
            ),
            (
                "RU",
                G::EasternEuropean,
                Some(D::EconomyInTransition),
                false,
                false,
                false,
            ),
            (
                "UA",
                G::EasternEuropean,
                Some(D::EconomyInTransition),
                false,
                false,
                false,
            ),
            (
                "JP",
                G::AsiaPacific,
                Some(D::Developed),
                false,
                false,
                false,
            ),
            ("NP", G::AsiaPacific, Some(D::Developing), true, true, false),
            (
                "FJ",
                G::AsiaPacific,
                Some(D::Developing),
                false,
                false,
                true,
            ),
            (
                "MV",
                G::AsiaPacific,
                Some(D::Developing),
                false,
                false,
                true,
            ),
            (
                "US",
                G::WesternEuropeanAndOthers,
                Some(D::Developed),
                false,
                false,
                false,
            ),
            (
                "CH",
                G::WesternEuropeanAndOthers,
                Some(D::Developed),
                false,
                false,
                false,
            ),
            ("VA", G::None, None, false, false, false),
        ];
        for (iso2, group, status, ldc, lldc, sids) in cases {
            let c = by_code(iso2);
            assert_eq!(
                (
                    c.un_regional_group,
                    c.development_status,
                    c.ldc,
                    c.lldc,
                    c.sids
                ),
                (group, status, ldc, lldc, sids),
                "{iso2}"
            );
        }
        assert_eq!(by_code("BO").iso3, "BOL");
        assert_eq!(by_code("BO").numeric, "068");
        // Every code is unique, and the five groups have their UN membership counts
        // (member states plus observers/territories placed in a group).
        let mut codes: Vec<&str> = countries.iter().map(|c| c.iso2.as_str()).collect();
        codes.sort_unstable();
        codes.dedup();
        assert_eq!(codes.len(), countries.len());
        let in_group = |g: G| {
            countries
                .iter()
                .filter(|c| c.un_regional_group == g)
                .count()
        };
        assert_eq!(in_group(G::African), 54);
        assert_eq!(in_group(G::EasternEuropean), 23);
        assert_eq!(in_group(G::LatinAmericanAndCaribbean), 33);
        assert_eq!(in_group(G::WesternEuropeanAndOthers), 29);
        assert_eq!(countries.iter().filter(|c| c.ldc).count(), 44);
        assert_eq!(countries.iter().filter(|c| c.lldc).count(), 32);
    }
}
