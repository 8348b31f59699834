//! Setting up a forum's yearly cycle (the secretariat) and reading it (anyone).
//!
//! Main items: `set_up` / `set_up_as_operator` (create or replace the set-up document;
//! audited with the document before and after), `cycle` (one cycle with its parsed set-up),
//! `cycles` (the forum's cycles, newest first), `load` (for other actions, inside their
//! transaction), `submit_setup` (the secretariat's form and API: every problem listed,
//! nothing stored), `display_in_zone` (a key date in the venue's time zone). The set-up is
//! validated by `document::read`, and its venue time zone against the IANA database, before
//! anything is stored.

use plenary_db::Tx;
use plenary_db::calls as q;
use plenary_domain::Timestamp;
use plenary_domain::audit::{Actor, AuditEntry};
use plenary_domain::calls::CycleSetup;
use plenary_domain::forums::Forum;
use plenary_domain::permissions::{Permission, Principal, authorize};
use serde_json::json;

use super::document;
use crate::accounts::Viewer;
use crate::{ActionError, App, audit, forums};

/// A stored cycle with its set-up.
#[derive(Debug, Clone)]
pub struct Cycle {
    pub id: i64,
    pub year: i32,
    pub setup: CycleSetup,
    /// The set-up document as stored (TOML).
    pub document: String,
    pub updated_at: Timestamp,
}

fn from_row(row: q::CycleRow) -> Result<Cycle, ActionError> {
    let setup = document::read(&row.setup)?;
    Ok(Cycle {
        id: row.id,
        year: i32::try_from(row.year).unwrap_or(0),
        setup,
        document: row.setup,
        updated_at: row.updated_at,
    })
}

/// The forum's cycle of `year` inside a transaction; `NotFound` if not set up.
pub async fn load(tx: &mut Tx, forum: &Forum, year: i32) -> Result<Cycle, ActionError> {
    let row = q::cycle_by_year(tx, forum.id.0, i64::from(year))
        .await?
        .ok_or(ActionError::NotFound)?;
    from_row(row)
}

/// A cycle by id inside a transaction.
pub async fn load_by_id(tx: &mut Tx, cycle: i64) -> Result<Cycle, ActionError> {
    let row = q::cycle(tx, cycle).await?.ok_or(ActionError::NotFound)?;
    from_row(row)
}

/// A forum's cycle as anyone may read it, with whether the viewer may change it.
#[derive(Debug, Clone)]
pub struct CycleView {
    pub forum: Forum,
    pub cycle: Cycle,
    pub can_manage: bool,
    pub principal: Principal,
}

/// The forum's cycle of `year`. Public.
pub async fn cycle(
    app: &App,
    viewer: &Viewer,
    forum_slug: &str,
    year: i32,
) -> Result<CycleView, ActionError> {
    let mut tx = app.db().read().await?;
    let (forum, principal) = forums::forum_and_principal(&mut tx, viewer, forum_slug).await?;
    let cycle = load(&mut tx, &forum, year).await?;
    tx.commit().await?;
    let can_manage = authorize(&principal, Permission::ManageCalls).is_ok();
    Ok(CycleView {
        forum,
        cycle,
        can_manage,
        principal,
    })
}

/// A forum's cycles, newest first, and whether the viewer may set up a new one.
#[derive(Debug, Clone)]
pub struct CycleList {
    pub forum: Forum,
    pub cycles: Vec<Cycle>,
    pub can_manage: bool,
}

/// The forum's cycles. Public.
pub async fn cycles(
    app: &App,
    viewer: &Viewer,
    forum_slug: &str,
) -> Result<CycleList, ActionError> {
    let mut tx = app.db().read().await?;
    let (forum, principal) = forums::forum_and_principal(&mut tx, viewer, forum_slug).await?;
    let rows = q::cycles_of_forum(&mut tx, forum.id.0).await?;
    tx.commit().await?;
    let cycles = rows
        .into_iter()
        .map(from_row)
        .collect::<Result<Vec<_>, _>>()?;
    Ok(CycleList {
        forum,
        cycles,
        can_manage: authorize(&principal, Permission::ManageCalls).is_ok(),
    })
}

/// The forum's cycles for the secretariat's set-up page (`ManageCalls`), with the document of
/// `year` if that cycle exists (to edit it).
pub async fn setup_form(
    app: &App,
    viewer: &Viewer,
    forum_slug: &str,
    year: Option<i32>,
) -> Result<(CycleList, Option<Cycle>), ActionError> {
    let mut tx = app.db().read().await?;
    let (forum, principal) = forums::forum_and_principal(&mut tx, viewer, forum_slug).await?;
    authorize(&principal, Permission::ManageCalls)?;
    let rows = q::cycles_of_forum(&mut tx, forum.id.0).await?;
    tx.commit().await?;
    let cycles = rows
        .into_iter()
        .map(from_row)
        .collect::<Result<Vec<_>, _>>()?;
    let editing = year.and_then(|y| cycles.iter().find(|c| c.year == y).cloned());
    Ok((
        CycleList {
            forum,
            cycles,
            can_manage: true,
        },
        editing,
    ))
}

/// Creates or replaces the cycle for the document's year (the secretariat). Returns the year.
pub async fn set_up(
    app: &App,
    viewer: &Viewer,
    forum_slug: &str,
    text: &str,
) -> Result<i32, ActionError> {
    let now = app.now();
    let mut tx = app.db().begin().await?;
    let (forum, principal) = forums::forum_and_principal(&mut tx, viewer, forum_slug).await?;
    authorize(&principal, Permission::ManageCalls)?;
    let (year, _) = store(&mut tx, &viewer.actor(), &forum, text, now).await?;
    tx.commit().await?;
    Ok(year)
}

/// `set_up` for operators (CLI, demo loader): no authorisation, the actor is given.
pub async fn set_up_as_operator(
    app: &App,
    actor: &Actor,
    forum_slug: &str,
    text: &str,
) -> Result<i32, ActionError> {
    let now = app.now();
    let mut tx = app.db().begin().await?;
    let (forum, _) = forums::forum_and_principal(&mut tx, &Viewer::anonymous(), forum_slug).await?;
    let (year, _) = store(&mut tx, actor, &forum, text, now).await?;
    tx.commit().await?;
    Ok(year)
}

/// What became of a set-up document the secretariat sent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SetUpOutcome {
    /// Stored for `year`; `created` when the year had no cycle before.
    Stored { year: i32, created: bool },
    /// Nothing stored: every problem, one sentence each.
    Refused { problems: Vec<String> },
}

/// Creates or replaces a cycle from a TOML or JSON document (the secretariat). With
/// `expected_year` (the API's path), a document for another year is refused. Authorised
/// before the document is read, so other roles learn nothing about it.
pub async fn submit_setup(
    app: &App,
    viewer: &Viewer,
    forum_slug: &str,
    text: &str,
    expected_year: Option<i32>,
) -> Result<SetUpOutcome, ActionError> {
    let now = app.now();
    let mut tx = app.db().begin().await?;
    let (forum, principal) = forums::forum_and_principal(&mut tx, viewer, forum_slug).await?;
    authorize(&principal, Permission::ManageCalls)?;
    let problems = match document::check_document(text) {
        Ok(setup) => {
            let mut problems = extra_problems(&setup);
            match expected_year {
                Some(expected) if expected != setup.year => problems.push(format!(
                    "year: the document is for {}, but it was sent for {expected}",
                    setup.year
                )),
                _ => {}
            }
            problems
        }
        Err(problems) => problems,
    };
    if !problems.is_empty() {
        return Ok(SetUpOutcome::Refused { problems });
    }
    let (year, created) = store(&mut tx, &viewer.actor(), &forum, text, now).await?;
    tx.commit().await?;
    Ok(SetUpOutcome::Stored { year, created })
}

/// Problems `CycleSetup::check` cannot see because they need the time-zone database.
fn extra_problems(setup: &CycleSetup) -> Vec<String> {
    if is_time_zone(&setup.venue_time_zone) {
        Vec::new()
    } else {
        vec![format!(
            "venue_time_zone: {:?} is not an IANA time zone such as Asia/Tokyo or Europe/Zurich",
            setup.venue_time_zone
        )]
    }
}

/// `t` as a date and time in the IANA zone `zone`, with the zone's abbreviation
/// (`2026-05-25 08:59 JST`); in UTC if the zone is unknown.
pub fn display_in_zone(t: Timestamp, zone: &str) -> String {
    zoned(t, zone).map_or_else(
        || t.to_display_utc(),
        |z| z.strftime("%Y-%m-%d %H:%M %Z").to_string(),
    )
}

/// `t` in the IANA zone `zone`; `None` if the zone is unknown.
pub(crate) fn zoned(t: Timestamp, zone: &str) -> Option<jiff::Zoned> {
    let tz = jiff::tz::TimeZone::get(zone.trim()).ok()?;
    let instant = jiff::Timestamp::from_microsecond(t.as_micros()).ok()?;
    Some(instant.to_zoned(tz))
}

/// Whether `zone` names an IANA time zone this build knows.
pub(crate) fn is_time_zone(zone: &str) -> bool {
    jiff::tz::TimeZone::get(zone.trim()).is_ok()
}

async fn store(
    tx: &mut Tx,
    actor: &Actor,
    forum: &Forum,
    text: &str,
    now: Timestamp,
) -> Result<(i32, bool), ActionError> {
    let setup = document::read(text)?;
    if let Some(problem) = extra_problems(&setup).into_iter().next() {
        return Err(ActionError::Invalid(plenary_domain::FieldError::new(
            "setup",
            "bad_setup",
            problem,
        )));
    }
    // Stored in the canonical TOML form, so versions compare field by field.
    let canonical = document::to_toml(&setup);
    let year = i64::from(setup.year);
    let existing = q::cycle_by_year(tx, forum.id.0, year).await?;
    let (id, before, action) = match existing {
        Some(row) => {
            q::update_cycle(tx, row.id, &canonical, setup.dates.call_closes, now).await?;
            (row.id, Some(row.setup), "cycle.update")
        }
        None => {
            let id = q::insert_cycle(
                tx,
                forum.id.0,
                year,
                &canonical,
                setup.dates.call_closes,
                now,
            )
            .await?;
            (id, None, "cycle.create")
        }
    };
    audit::record(
        tx,
        actor,
        AuditEntry {
            forum: Some(forum.id),
            action,
            entity_type: "cycle",
            entity_id: id.to_string(),
            before: before.map(|doc| json!({ "year": year, "setup": doc }).to_string()),
            after: Some(json!({ "year": year, "setup": canonical }).to_string()),
        },
        now,
    )
    .await?;
    Ok((setup.year, action == "cycle.create"))
}
