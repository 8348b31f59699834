//! The countries that hosted (or will host) a forum's annual meeting, one entry per year.
//!
//! Main items: `hosts` (public), `set_host` / `remove_host` (the forum's secretariat),
//! `set_host_as_operator` (the demo loader and operators), `hosting_years` (the list as the
//! domain takes it, for `HostCountries::for_year` and the standing seats).
//! Invariants: one entry per forum and year; a year without a country was held online; a
//! country must be in the reference table; every change is audited in its transaction.
//! Not here: filling seats from the list (`plenary_domain::bodies::officers`, used by
//! `bodies::roster`).

use plenary_db::Tx;
use plenary_db::forums::{self as q, HostRow};
use plenary_domain::audit::{Actor, AuditEntry};
use plenary_domain::bodies::HostingYear;
use plenary_domain::forums::Forum;
use plenary_domain::permissions::{Permission, authorize};
use plenary_domain::{FieldError, ForumId, Timestamp};
use serde_json::json;

use crate::accounts::Viewer;
use crate::{ActionError, App, audit, forums};

/// One year of the list, with the country's name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HostEntry {
    pub year: i32,
    /// ISO 3166-1 alpha-2; `None`: held online.
    pub country_iso2: Option<String>,
    pub country_name: Option<String>,
    pub city: Option<String>,
}

/// A host entry as typed into a form or an API call, before it is checked.
#[derive(Debug, Clone, Default)]
pub struct HostInput {
    pub year: String,
    /// Blank: held online.
    pub country: String,
    pub city: String,
}

/// The forum's hosting years, oldest first. Public.
pub async fn hosts(
    app: &App,
    viewer: &Viewer,
    forum_slug: &str,
) -> Result<(Forum, Vec<HostEntry>), ActionError> {
    let mut tx = app.db().read().await?;
    let (forum, principal) = forums::forum_and_principal(&mut tx, viewer, forum_slug).await?;
    authorize(&principal, Permission::Public)?;
    let entries = entries(&mut tx, forum.id).await?;
    tx.commit().await?;
    Ok((forum, entries))
}

/// The forum's hosting years as the domain reads them.
pub async fn hosting_years(tx: &mut Tx, forum: ForumId) -> Result<Vec<HostingYear>, ActionError> {
    Ok(q::hosts_of_forum(tx, forum)
        .await?
        .into_iter()
        .map(|row| HostingYear {
            year: row.year,
            country: row.country_iso2,
        })
        .collect())
}

/// Records or replaces the host of one year; the forum's secretariat only.
pub async fn set_host(
    app: &App,
    viewer: &Viewer,
    forum_slug: &str,
    input: &HostInput,
) -> Result<HostEntry, ActionError> {
    let now = app.now();
    let mut tx = app.db().begin().await?;
    let (forum, principal) = forums::forum_and_principal(&mut tx, viewer, forum_slug).await?;
    authorize(&principal, Permission::ManageForum)?;
    let entry = write_host(&mut tx, &viewer.actor(), &forum, input, now).await?;
    tx.commit().await?;
    Ok(entry)
}

/// `set_host` for the demo loader and operators.
pub async fn set_host_as_operator(
    app: &App,
    actor: &Actor,
    forum_slug: &str,
    input: &HostInput,
) -> Result<HostEntry, ActionError> {
    let now = app.now();
    let mut tx = app.db().begin().await?;
    let forum = q::forum_by_slug(&mut tx, forum_slug)
        .await?
        .ok_or(ActionError::NotFound)?;
    let entry = write_host(&mut tx, actor, &forum, input, now).await?;
    tx.commit().await?;
    Ok(entry)
}

/// Removes one year from the list; the forum's secretariat only. Not found if there is none.
pub async fn remove_host(
    app: &App,
    viewer: &Viewer,
    forum_slug: &str,
    year: &str,
) -> Result<(), ActionError> {
    let now = app.now();
    let mut tx = app.db().begin().await?;
    let (forum, principal) = forums::forum_and_principal(&mut tx, viewer, forum_slug).await?;
    authorize(&principal, Permission::ManageForum)?;
    let year = parse_year(year)?;
    let before = entries(&mut tx, forum.id)
        .await?
        .into_iter()
        .find(|e| e.year == year)
        .ok_or(ActionError::NotFound)?;
    q::delete_host(&mut tx, forum.id, year).await?;
    audit::record(
        &mut tx,
        &viewer.actor(),
        AuditEntry {
            forum: Some(forum.id),
            action: "forum_host.remove",
            entity_type: "forum_host",
            entity_id: format!("{}:{year}", forum.slug.as_str()),
            before: Some(entry_json(&before)),
            after: None,
        },
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

async fn entries(tx: &mut Tx, forum: ForumId) -> Result<Vec<HostEntry>, ActionError> {
    let rows = q::hosts_of_forum(tx, forum).await?;
    let mut out = Vec::with_capacity(rows.len());
    for row in rows {
        let country_name = match &row.country_iso2 {
            Some(code) => plenary_db::countries::country_by_iso2(tx, code)
                .await?
                .map(|c| c.name),
            None => None,
        };
        out.push(HostEntry {
            year: row.year,
            country_iso2: row.country_iso2,
            country_name,
            city: row.city,
        });
    }
    Ok(out)
}

fn parse_year(text: &str) -> Result<i32, ActionError> {
    text.trim()
        .parse::<i32>()
        .ok()
        .filter(|y| (1990..=2100).contains(y))
        .ok_or_else(|| FieldError::new("year", "out_of_range", "a year from 1990 to 2100").into())
}

async fn write_host(
    tx: &mut Tx,
    actor: &Actor,
    forum: &Forum,
    input: &HostInput,
    now: Timestamp,
) -> Result<HostEntry, ActionError> {
    let year = parse_year(&input.year)?;
    let code = input.country.trim().to_uppercase();
    let country = if code.is_empty() {
        None
    } else {
        Some(
            plenary_db::countries::country_by_iso2(tx, &code)
                .await?
                .ok_or_else(|| {
                    FieldError::new(
                        "country",
                        "unknown_country",
                        format!("{code:?} is not an ISO 3166-1 alpha-2 code of a known country"),
                    )
                })?,
        )
    };
    let city = input.city.trim();
    if city.chars().count() > 100 {
        return Err(FieldError::new("city", "length", "at most 100 characters").into());
    }
    let city = (!city.is_empty()).then(|| city.to_owned());
    let before = entries(tx, forum.id)
        .await?
        .into_iter()
        .find(|e| e.year == year);
    let row = HostRow {
        year,
        country_iso2: country.as_ref().map(|c| c.iso2.clone()),
        city,
    };
    q::upsert_host(tx, forum.id, &row, now).await?;
    let entry = HostEntry {
        year,
        country_iso2: row.country_iso2,
        country_name: country.map(|c| c.name),
        city: row.city,
    };
    audit::record(
        tx,
        actor,
        AuditEntry {
            forum: Some(forum.id),
            action: if before.is_some() {
                "forum_host.update"
            } else {
                "forum_host.create"
            },
            entity_type: "forum_host",
            entity_id: format!("{}:{year}", forum.slug.as_str()),
            before: before.as_ref().map(entry_json),
            after: Some(entry_json(&entry)),
        },
        now,
    )
    .await?;
    Ok(entry)
}

fn entry_json(entry: &HostEntry) -> String {
    json!({"year": entry.year, "country": entry.country_iso2, "city": entry.city}).to_string()
}
