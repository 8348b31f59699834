//! Nomination calls and nominations for a body: opening a call, the public nomination form,
//! the secretariat's review (eligibility checks, duplicates, scores, merges), CSV export and
//! import, and the nominee pool a slate proposal starts from.
//!
//! Main items: `open_call`, `calls`, `submit`, `review`, `assess`, `merge`, `export_csv`,
//! `import_csv`, `slate_pool_csv`. The `*_as_operator` variants are for the CLI and the demo
//! loader (no viewer to authorise; the actor is recorded in the audit trail).
//! Invariants: every change is authorised first and audited in its own transaction; the
//! eligibility checks are computed when nominations are read (from the body's stored
//! memberships), so they never go stale; an import stores all of its lines or none.
//! Not here: the rules (`plenary_domain::bodies::nominations`), the SQL (`plenary_db::nominations`).

use std::collections::{BTreeMap, BTreeSet};

use plenary_db::Tx;
use plenary_db::bodies::{self as body_q, BodyRow};
use plenary_db::nominations::{self as q, CallRow, NewCall, NewNomination, SeatHolderRow};
use plenary_domain::audit::{Actor, AuditEntry};
use plenary_domain::bodies::Constitution;
use plenary_domain::bodies::nominations::{
    CallWindow, CandidateKey, CleanNomination, EligibilityCheck, EligibilityInput, NominationError,
    all_passed, change_status, check_eligibility, check_merge, check_open, duplicate_pairs,
    normalise_email, normalise_name, parse_nomination, parse_score,
};
pub use plenary_domain::bodies::nominations::{NominationStatus, RawNomination};
use plenary_domain::countries::UnRegionalGroup;
use plenary_domain::forums::Forum;
use plenary_domain::permissions::{Permission, Principal, authorize};
use plenary_domain::{FieldError, Timestamp};
use serde_json::json;

use crate::accounts::Viewer;
use crate::bodies::{document, slate};
use crate::{ActionError, App, audit, forums};

fn rule(err: &NominationError) -> ActionError {
    ActionError::Rule {
        code: err.code(),
        message: err.to_string(),
    }
}

/// The forum, body and constitution an action works on, with the viewer's roles.
struct BodyContext {
    forum: Forum,
    principal: Principal,
    body: BodyRow,
    constitution: Constitution,
}

async fn body_context(
    tx: &mut Tx,
    viewer: &Viewer,
    forum_slug: &str,
    body_slug: &str,
) -> Result<BodyContext, ActionError> {
    let (forum, principal) = forums::forum_and_principal(tx, viewer, forum_slug).await?;
    let body = body_q::body_by_slug(tx, forum.id, body_slug)
        .await?
        .ok_or(ActionError::NotFound)?;
    let stored = body_q::latest_constitution(tx, body.id)
        .await?
        .ok_or(ActionError::NotFound)?;
    let constitution = document::from_toml(&stored.document)?;
    Ok(BodyContext {
        forum,
        principal,
        body,
        constitution,
    })
}

async fn call_of(tx: &mut Tx, body: &BodyRow, cycle_year: i32) -> Result<CallRow, ActionError> {
    q::call_by_year(tx, body.id, i64::from(cycle_year))
        .await?
        .ok_or(ActionError::NotFound)
}

/// The body and its call for `cycle_year`, as the secretariat works on them: `ManageBodies`
/// for a viewer; no viewer is an operator (CLI, demo loader), with nothing to authorise.
async fn managed_call(
    tx: &mut Tx,
    viewer: Option<&Viewer>,
    forum_slug: &str,
    body_slug: &str,
    cycle_year: i32,
) -> Result<(BodyContext, CallRow), ActionError> {
    let ctx = body_context(
        tx,
        viewer.unwrap_or(&Viewer::anonymous()),
        forum_slug,
        body_slug,
    )
    .await?;
    if viewer.is_some() {
        authorize(&ctx.principal, Permission::ManageBodies)?;
    }
    let call = call_of(tx, &ctx.body, cycle_year).await?;
    Ok((ctx, call))
}

/// A call as the secretariat opens it. Dates are `YYYY-MM-DD` (midnight UTC) or RFC 3339.
#[derive(Debug, Clone, Default)]
pub struct CallInput {
    pub cycle_year: String,
    pub title: String,
    pub description: String,
    pub opens_at: String,
    pub closes_at: String,
}

fn parse_when(field: &'static str, raw: &str) -> Result<Timestamp, FieldError> {
    let raw = raw.trim();
    let text = if raw.len() == 10 {
        format!("{raw}T00:00:00Z")
    } else {
        raw.to_owned()
    };
    text.parse().map_err(|_| {
        FieldError::new(
            field,
            "bad_date",
            format!("{raw:?} is not a date (YYYY-MM-DD)"),
        )
    })
}

struct CheckedCall {
    cycle_year: i64,
    title: String,
    description: String,
    window: CallWindow,
}

fn check_call(input: &CallInput, body_name: &str) -> Result<CheckedCall, FieldError> {
    let cycle_year: i64 = input
        .cycle_year
        .trim()
        .parse()
        .ok()
        .filter(|y| (2000..=2200).contains(y))
        .ok_or_else(|| {
            FieldError::new(
                "cycle_year",
                "bad_year",
                format!("{:?} is not a year from 2000 to 2200", input.cycle_year),
            )
        })?;
    let title = match input.title.trim() {
        "" => format!("{body_name}: nominations for {cycle_year}"),
        t if t.chars().count() > 200 => {
            return Err(FieldError::new(
                "title",
                "too_long",
                "at most 200 characters",
            ));
        }
        t => t.to_owned(),
    };
    let description = input.description.trim().to_owned();
    if description.chars().count() > 5000 {
        return Err(FieldError::new(
            "description",
            "too_long",
            "at most 5000 characters",
        ));
    }
    let window = CallWindow::new(
        parse_when("opens_at", &input.opens_at)?,
        parse_when("closes_at", &input.closes_at)?,
    )?;
    Ok(CheckedCall {
        cycle_year,
        title,
        description,
        window,
    })
}

async fn insert_call(
    tx: &mut Tx,
    actor: &Actor,
    ctx: &BodyContext,
    input: &CallInput,
    now: Timestamp,
) -> Result<i64, ActionError> {
    let call = check_call(input, &ctx.body.name)?;
    if q::call_by_year(tx, ctx.body.id, call.cycle_year)
        .await?
        .is_some()
    {
        return Err(FieldError::new(
            "cycle_year",
            "call_exists",
            format!(
                "the {} already has a call for {}",
                ctx.body.name, call.cycle_year
            ),
        )
        .into());
    }
    let id = q::insert_call(
        tx,
        &NewCall {
            body: ctx.body.id,
            cycle_year: call.cycle_year,
            title: &call.title,
            description: &call.description,
            opens_at: call.window.opens_at,
            closes_at: call.window.closes_at,
        },
        now,
    )
    .await?;
    audit::record(
        tx,
        actor,
        AuditEntry {
            forum: Some(ctx.forum.id),
            action: "nomination_call.open",
            entity_type: "nomination_call",
            entity_id: id.to_string(),
            before: None,
            after: Some(
                json!({"body": ctx.body.slug, "cycle_year": call.cycle_year, "title": call.title,
                       "opens_at": call.window.opens_at.to_rfc3339_seconds(), "closes_at": call.window.closes_at.to_rfc3339_seconds()})
                .to_string(),
            ),
        },
        now,
    )
    .await?;
    Ok(id)
}

/// Opens a nomination call for a body and cycle year (the secretariat).
pub async fn open_call(
    app: &App,
    viewer: &Viewer,
    forum_slug: &str,
    body_slug: &str,
    input: &CallInput,
) -> Result<i64, ActionError> {
    let now = app.now();
    let mut tx = app.db().begin().await?;
    let ctx = body_context(&mut tx, viewer, forum_slug, body_slug).await?;
    authorize(&ctx.principal, Permission::ManageBodies)?;
    let id = insert_call(&mut tx, &viewer.actor(), &ctx, input, now).await?;
    tx.commit().await?;
    Ok(id)
}

/// Opens a call as an operator (CLI, demo loader).
pub async fn open_call_as_operator(
    app: &App,
    actor: &Actor,
    forum_slug: &str,
    body_slug: &str,
    input: &CallInput,
) -> Result<i64, ActionError> {
    let now = app.now();
    let mut tx = app.db().begin().await?;
    let ctx = body_context(&mut tx, &Viewer::anonymous(), forum_slug, body_slug).await?;
    let id = insert_call(&mut tx, actor, &ctx, input, now).await?;
    tx.commit().await?;
    Ok(id)
}

/// A call as listed.
#[derive(Debug, Clone)]
pub struct CallSummary {
    pub cycle_year: i32,
    pub title: String,
    pub description: String,
    pub opens_at: Timestamp,
    pub closes_at: Timestamp,
    pub is_open: bool,
    pub nominations: i64,
}

fn summary(call: &CallRow, now: Timestamp) -> CallSummary {
    CallSummary {
        cycle_year: i32::try_from(call.cycle_year).unwrap_or(0),
        title: call.title.clone(),
        description: call.description.clone(),
        opens_at: call.opens_at,
        closes_at: call.closes_at,
        is_open: call.opens_at <= now && now < call.closes_at,
        nominations: call.nominations,
    }
}

/// A body's calls, and what the nomination form offers.
#[derive(Debug, Clone)]
pub struct CallList {
    pub forum: Forum,
    pub body_slug: String,
    pub body_name: String,
    pub calls: Vec<CallSummary>,
    /// The viewer may open calls and review nominations.
    pub can_manage: bool,
    /// (code, name) of the forum's stakeholder groups.
    pub groups: Vec<(String, String)>,
    /// (ISO alpha-2, name) of every known country, by name.
    pub countries: Vec<(String, String)>,
}

/// The body's nomination calls (open or not). Public.
pub async fn calls(
    app: &App,
    viewer: &Viewer,
    forum_slug: &str,
    body_slug: &str,
) -> Result<CallList, ActionError> {
    let now = app.now();
    let mut tx = app.db().read().await?;
    let ctx = body_context(&mut tx, viewer, forum_slug, body_slug).await?;
    authorize(&ctx.principal, Permission::Public)?;
    let calls = q::calls_of_body(&mut tx, ctx.body.id).await?;
    let groups = plenary_db::forums::stakeholder_groups(&mut tx, ctx.forum.id).await?;
    tx.commit().await?;
    let mut countries: Vec<(String, String)> = crate::countries::reference_countries()?
        .into_iter()
        .map(|c| (c.iso2, c.name))
        .collect();
    countries.sort_by(|a, b| a.1.cmp(&b.1));
    Ok(CallList {
        can_manage: authorize(&ctx.principal, Permission::ManageBodies).is_ok(),
        forum: ctx.forum,
        body_slug: ctx.body.slug,
        body_name: ctx.body.name,
        calls: calls.iter().map(|c| summary(c, now)).collect(),
        groups: groups.into_iter().map(|g| (g.code, g.name)).collect(),
        countries,
    })
}

/// The body's calls for the secretariat's page (opening calls, links to reviews).
pub async fn manage_calls(
    app: &App,
    viewer: &Viewer,
    forum_slug: &str,
    body_slug: &str,
) -> Result<CallList, ActionError> {
    let list = calls(app, viewer, forum_slug, body_slug).await?;
    if viewer.account.is_none() {
        return Err(ActionError::Unauthenticated);
    }
    if !list.can_manage {
        return Err(ActionError::Forbidden);
    }
    Ok(list)
}

/// What became of a submitted nomination.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SubmitOutcome {
    /// Stored, with its id.
    Submitted(i64),
    /// Nothing stored: every field problem, for the form to show.
    Invalid(Vec<FieldError>),
}

async fn insert_clean(
    tx: &mut Tx,
    call: i64,
    clean: &CleanNomination,
    extra_nominators: &[(String, String)],
    (status, score, note): (NominationStatus, Option<u8>, &str),
    now: Timestamp,
) -> Result<i64, ActionError> {
    let id = q::insert_nomination(
        tx,
        &NewNomination {
            call,
            candidate_name: &clean.candidate_name,
            candidate_email: &clean.candidate_email,
            stakeholder_group: &clean.stakeholder_group,
            country_iso2: &clean.country_iso2,
            gender: &clean.gender,
            organisation: &clean.organisation,
            statement: &clean.statement,
            self_nomination: clean.self_nomination,
            status: status.code(),
            score: score.map(i64::from),
            note,
        },
        now,
    )
    .await?;
    q::insert_nominator(tx, id, &clean.nominator_name, &clean.nominator_email).await?;
    for (name, email) in extra_nominators {
        q::insert_nominator(tx, id, name, email).await?;
    }
    for (org, note) in &clean.endorsements {
        q::insert_endorsement(tx, id, org, note).await?;
    }
    Ok(id)
}

fn known_countries() -> Result<BTreeSet<String>, ActionError> {
    Ok(slate::region_table()?.into_keys().collect())
}

/// Submits a nomination to the body's call for `cycle_year`. Public (anonymous allowed);
/// refused outside the call's window.
pub async fn submit(
    app: &App,
    viewer: &Viewer,
    forum_slug: &str,
    body_slug: &str,
    cycle_year: i32,
    raw: &RawNomination,
) -> Result<SubmitOutcome, ActionError> {
    let now = app.now();
    let mut tx = app.db().begin().await?;
    let ctx = body_context(&mut tx, viewer, forum_slug, body_slug).await?;
    authorize(&ctx.principal, Permission::Public)?;
    let call = call_of(&mut tx, &ctx.body, cycle_year).await?;
    let window = CallWindow {
        opens_at: call.opens_at,
        closes_at: call.closes_at,
    };
    check_open(&window, now).map_err(|e| rule(&e))?;
    let groups: Vec<String> = plenary_db::forums::stakeholder_groups(&mut tx, ctx.forum.id)
        .await?
        .into_iter()
        .map(|g| g.code)
        .collect();
    let clean = match parse_nomination(raw, &groups, &known_countries()?) {
        Ok(clean) => clean,
        Err(errors) => return Ok(SubmitOutcome::Invalid(errors)),
    };
    let id = insert_clean(
        &mut tx,
        call.id,
        &clean,
        &[],
        (NominationStatus::Submitted, None, ""),
        now,
    )
    .await?;
    audit::record(
        &mut tx,
        &viewer.actor(),
        AuditEntry {
            forum: Some(ctx.forum.id),
            action: "nomination.submit",
            entity_type: "nomination",
            entity_id: id.to_string(),
            before: None,
            after: Some(
                json!({"body": ctx.body.slug, "cycle_year": cycle_year, "candidate": clean.candidate_name,
                       "stakeholder_group": clean.stakeholder_group, "country": clean.country_iso2,
                       "self_nomination": clean.self_nomination, "nominated_by": clean.nominator_name,
                       "endorsements": clean.endorsements.len()})
                .to_string(),
            ),
        },
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(SubmitOutcome::Submitted(id))
}

/// One nomination as the secretariat reviews it.
#[derive(Debug, Clone)]
pub struct NominationView {
    pub id: i64,
    pub candidate_name: String,
    pub candidate_email: String,
    pub stakeholder_group: String,
    pub country_iso2: String,
    pub region: UnRegionalGroup,
    pub gender: String,
    pub organisation: String,
    pub statement: String,
    pub self_nomination: bool,
    pub status: NominationStatus,
    pub score: Option<i64>,
    pub note: String,
    /// (name, e-mail), in the order they nominated.
    pub nominators: Vec<(String, String)>,
    /// (organisation or process, note).
    pub endorsements: Vec<(String, String)>,
    pub checks: Vec<EligibilityCheck>,
    /// Other nominations of the call (not merged) that look like the same candidate.
    pub duplicates: Vec<i64>,
    pub merged_into: Option<i64>,
    /// Never held a seat of this body (matched by account e-mail, else by name).
    pub first_time: bool,
    pub submitted_at: Timestamp,
}

impl NominationView {
    pub fn key(&self) -> CandidateKey {
        CandidateKey {
            name: self.candidate_name.clone(),
            email: self.candidate_email.clone(),
            country_iso2: self.country_iso2.clone(),
        }
    }

    /// Whether every eligibility check passes.
    pub fn passes_checks(&self) -> bool {
        all_passed(&self.checks).is_ok()
    }
}

/// The seat holders matching a candidate: by account e-mail if any matches, else by name.
fn matching_holders<'a>(
    holders: &'a [SeatHolderRow],
    name: &str,
    email: &str,
) -> Vec<&'a SeatHolderRow> {
    let email = normalise_email(email);
    let by_email: Vec<&SeatHolderRow> = holders
        .iter()
        .filter(|h| h.email.as_deref().map(normalise_email).as_deref() == Some(email.as_str()))
        .collect();
    if !by_email.is_empty() {
        return by_email;
    }
    let name = normalise_name(name);
    holders
        .iter()
        .filter(|h| normalise_name(&h.display_name) == name)
        .collect()
}

/// Mid-year before the cycle: the terms in force then decide who must rotate out.
fn year_before(cycle_year: i64) -> Result<Timestamp, ActionError> {
    format!("{:04}-06-30T00:00:00Z", cycle_year - 1)
        .parse()
        .map_err(|_| ActionError::Internal(anyhow::anyhow!("cycle year {cycle_year}")))
}

/// The term number of the regular seat the candidate holds at `at`, if any.
fn current_term_at(
    holders: &[SeatHolderRow],
    name: &str,
    email: &str,
    at: Timestamp,
) -> Option<i64> {
    matching_holders(holders, name, email)
        .iter()
        .filter(|h| {
            h.seat_kind == "regular" && h.starts_at <= at && h.ends_at.is_none_or(|e| e > at)
        })
        .map(|h| h.term_number)
        .max()
}

/// Loads every nomination of `call` with its checks, duplicates and first-time flag.
async fn load_views(
    tx: &mut Tx,
    ctx: &BodyContext,
    call: &CallRow,
) -> Result<Vec<NominationView>, ActionError> {
    let regions = slate::region_table()?;
    let rows = q::nominations_of_call(tx, call.id).await?;
    let nominators = q::nominators_of_call(tx, call.id).await?;
    let endorsements = q::endorsements_of_call(tx, call.id).await?;
    let holders = q::seat_holders(tx, ctx.body.id).await?;
    let groups: Vec<String> = plenary_db::forums::stakeholder_groups(tx, ctx.forum.id)
        .await?
        .into_iter()
        .map(|g| g.code)
        .collect();
    let at = year_before(call.cycle_year)?;
    let mut views = Vec::with_capacity(rows.len());
    for row in rows {
        let status = NominationStatus::parse(&row.status).map_err(|e| {
            ActionError::Internal(anyhow::anyhow!("stored nomination {}: {e}", row.id))
        })?;
        let region = regions.get(&row.country_iso2).copied();
        let matched = matching_holders(&holders, &row.candidate_name, &row.candidate_email);
        let current_term = current_term_at(&holders, &row.candidate_name, &row.candidate_email, at);
        let checks = check_eligibility(
            &ctx.constitution,
            &EligibilityInput {
                stakeholder_group: &row.stakeholder_group,
                forum_groups: &groups,
                region,
                statement: &row.statement,
                current_term,
            },
        );
        views.push(NominationView {
            id: row.id,
            nominators: nominators
                .iter()
                .filter(|(n, _, _)| *n == row.id)
                .map(|(_, name, email)| (name.clone(), email.clone()))
                .collect(),
            endorsements: endorsements
                .iter()
                .filter(|(n, _, _)| *n == row.id)
                .map(|(_, org, note)| (org.clone(), note.clone()))
                .collect(),
            candidate_name: row.candidate_name,
            candidate_email: row.candidate_email,
            stakeholder_group: row.stakeholder_group,
            country_iso2: row.country_iso2,
            region: region.unwrap_or(UnRegionalGroup::None),
            gender: row.gender,
            organisation: row.organisation,
            statement: row.statement,
            self_nomination: row.self_nomination,
            status,
            score: row.score,
            note: row.note,
            checks,
            duplicates: Vec::new(),
            merged_into: row.merged_into,
            first_time: matched.is_empty(),
            submitted_at: row.submitted_at,
        });
    }
    let live: Vec<usize> = (0..views.len())
        .filter(|&i| views[i].status != NominationStatus::Merged)
        .collect();
    let keys: Vec<CandidateKey> = live.iter().map(|&i| views[i].key()).collect();
    for (a, b) in duplicate_pairs(&keys) {
        let (ia, ib) = (live[a], live[b]);
        let (ida, idb) = (views[ia].id, views[ib].id);
        views[ia].duplicates.push(idb);
        views[ib].duplicates.push(ida);
    }
    Ok(views)
}

/// Which nominations the review list shows.
#[derive(Debug, Clone, Default)]
pub struct ReviewFilter {
    pub status: Option<NominationStatus>,
    pub stakeholder_group: Option<String>,
}

/// A call's nominations as the secretariat reviews them.
#[derive(Debug, Clone)]
pub struct CallReview {
    pub forum: Forum,
    pub body_slug: String,
    pub body_name: String,
    pub call: CallSummary,
    /// The nominations the filter lets through, oldest first.
    pub nominations: Vec<NominationView>,
    /// Nominations per (stakeholder group, UN regional group), merged and withdrawn ones left out.
    pub counts: BTreeMap<(String, UnRegionalGroup), u32>,
    /// How many nominations of the call have each status (unfiltered).
    pub by_status: BTreeMap<NominationStatus, u32>,
    /// (code, name) of the forum's stakeholder groups.
    pub groups: Vec<(String, String)>,
}

/// The review list of the body's call for `cycle_year` (the secretariat).
pub async fn review(
    app: &App,
    viewer: &Viewer,
    forum_slug: &str,
    body_slug: &str,
    cycle_year: i32,
    filter: &ReviewFilter,
) -> Result<CallReview, ActionError> {
    let now = app.now();
    let mut tx = app.db().read().await?;
    let (ctx, call) =
        managed_call(&mut tx, Some(viewer), forum_slug, body_slug, cycle_year).await?;
    let views = load_views(&mut tx, &ctx, &call).await?;
    let groups = plenary_db::forums::stakeholder_groups(&mut tx, ctx.forum.id).await?;
    tx.commit().await?;
    let mut counts = BTreeMap::new();
    let mut by_status = BTreeMap::new();
    for v in &views {
        *by_status.entry(v.status).or_insert(0) += 1;
        if !matches!(
            v.status,
            NominationStatus::Merged | NominationStatus::Withdrawn
        ) {
            *counts
                .entry((v.stakeholder_group.clone(), v.region))
                .or_insert(0) += 1;
        }
    }
    let nominations = views
        .into_iter()
        .filter(|v| filter.status.is_none_or(|s| s == v.status))
        .filter(|v| {
            filter
                .stakeholder_group
                .as_deref()
                .is_none_or(|g| g == v.stakeholder_group)
        })
        .collect();
    Ok(CallReview {
        forum: ctx.forum,
        body_slug: ctx.body.slug,
        body_name: ctx.body.name,
        call: summary(&call, now),
        nominations,
        counts,
        by_status,
        groups: groups.into_iter().map(|g| (g.code, g.name)).collect(),
    })
}

/// The secretariat's assessment of one nomination.
#[derive(Debug, Clone, Default)]
pub struct Assessment {
    /// A status code (`submitted`, `eligible`, `ineligible`, `withdrawn`).
    pub status: String,
    /// 0–100, or empty for none.
    pub score: String,
    pub note: String,
}

/// Sets a nomination's status, merit score and note (the secretariat). Marking it eligible
/// needs every eligibility check to pass.
pub async fn assess(
    app: &App,
    viewer: &Viewer,
    forum_slug: &str,
    body_slug: &str,
    cycle_year: i32,
    nomination: i64,
    input: &Assessment,
) -> Result<(), ActionError> {
    let to = NominationStatus::parse(&input.status)?;
    let score = parse_score(&input.score)?;
    let note = input.note.trim();
    if note.chars().count() > 2000 {
        return Err(FieldError::new("note", "too_long", "at most 2000 characters").into());
    }
    let now = app.now();
    let mut tx = app.db().begin().await?;
    let (ctx, call) =
        managed_call(&mut tx, Some(viewer), forum_slug, body_slug, cycle_year).await?;
    let views = load_views(&mut tx, &ctx, &call).await?;
    let view = views
        .iter()
        .find(|v| v.id == nomination)
        .ok_or(ActionError::NotFound)?;
    let status = change_status(view.status, to, all_passed(&view.checks)).map_err(|e| rule(&e))?;
    q::update_assessment(
        &mut tx,
        nomination,
        status.code(),
        score.map(i64::from),
        note,
        now,
    )
    .await?;
    audit::record(
        &mut tx,
        &viewer.actor(),
        AuditEntry {
            forum: Some(ctx.forum.id),
            action: "nomination.assess",
            entity_type: "nomination",
            entity_id: nomination.to_string(),
            before: Some(
                json!({"status": view.status.code(), "score": view.score, "note": view.note})
                    .to_string(),
            ),
            after: Some(json!({"status": status.code(), "score": score, "note": note}).to_string()),
        },
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Merges nomination `drop` into `keep` (the secretariat): `keep` gets every nominator and
/// endorsement of both, `drop` becomes merged.
pub async fn merge(
    app: &App,
    viewer: &Viewer,
    forum_slug: &str,
    body_slug: &str,
    cycle_year: i32,
    keep: i64,
    drop: i64,
) -> Result<(), ActionError> {
    let now = app.now();
    let mut tx = app.db().begin().await?;
    let (ctx, call) =
        managed_call(&mut tx, Some(viewer), forum_slug, body_slug, cycle_year).await?;
    let views = load_views(&mut tx, &ctx, &call).await?;
    let find = |id: i64| {
        views
            .iter()
            .find(|v| v.id == id)
            .ok_or(ActionError::NotFound)
    };
    let (kept, dropped) = (find(keep)?, find(drop)?);
    check_merge(
        (kept.id, kept.status, &kept.key()),
        (dropped.id, dropped.status, &dropped.key()),
    )
    .map_err(|e| rule(&e))?;
    q::merge_into(&mut tx, keep, drop, now).await?;
    let names = |v: &NominationView| -> Vec<String> {
        v.nominators.iter().map(|(n, _)| n.clone()).collect()
    };
    let mut all = names(kept);
    all.extend(names(dropped));
    audit::record(
        &mut tx,
        &viewer.actor(),
        AuditEntry {
            forum: Some(ctx.forum.id),
            action: "nomination.merge",
            entity_type: "nomination",
            entity_id: keep.to_string(),
            before: Some(
                json!({"kept": {"id": keep, "nominated_by": names(kept)},
                       "merged": {"id": drop, "status": dropped.status.code(), "nominated_by": names(dropped)}})
                .to_string(),
            ),
            after: Some(
                json!({"kept": {"id": keep, "nominated_by": all, "endorsements": kept.endorsements.len() + dropped.endorsements.len()},
                       "merged": {"id": drop, "status": "merged", "merged_into": keep}})
                .to_string(),
            ),
        },
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// The columns of a call's CSV export, in order (the import reads the same).
pub const EXPORT_COLUMNS: [&str; 16] = [
    "id",
    "candidate_name",
    "candidate_email",
    "stakeholder_group",
    "country",
    "gender",
    "organisation",
    "statement",
    "self_nomination",
    "nominated_by",
    "nominator_emails",
    "endorsements",
    "status",
    "score",
    "note",
    "submitted_at",
];

/// `;` separates list items in a cell, so it may not appear inside one.
fn list_item(text: &str) -> String {
    text.replace(';', ",")
}

fn write_csv(header: &[&str], rows: &[Vec<String>]) -> Result<String, ActionError> {
    let mut writer = csv::Writer::from_writer(Vec::new());
    let failed = |e: csv::Error| ActionError::Internal(anyhow::anyhow!("writing CSV: {e}"));
    writer.write_record(header).map_err(failed)?;
    for row in rows {
        writer.write_record(row).map_err(failed)?;
    }
    let bytes = writer
        .into_inner()
        .map_err(|e| ActionError::Internal(anyhow::anyhow!("writing CSV: {e}")))?;
    String::from_utf8(bytes).map_err(|e| ActionError::Internal(anyhow::anyhow!("CSV: {e}")))
}

fn export_rows(views: &[NominationView]) -> Vec<Vec<String>> {
    views
        .iter()
        .filter(|v| v.status != NominationStatus::Merged)
        .map(|v| {
            vec![
                v.id.to_string(),
                v.candidate_name.clone(),
                v.candidate_email.clone(),
                v.stakeholder_group.clone(),
                v.country_iso2.clone(),
                v.gender.clone(),
                v.organisation.clone(),
                v.statement.clone(),
                v.self_nomination.to_string(),
                v.nominators
                    .iter()
                    .map(|(n, _)| list_item(n))
                    .collect::<Vec<_>>()
                    .join("; "),
                v.nominators
                    .iter()
                    .map(|(_, e)| list_item(e))
                    .collect::<Vec<_>>()
                    .join("; "),
                v.endorsements
                    .iter()
                    .map(|(org, note)| {
                        let org = list_item(org).replace(':', " ");
                        if note.is_empty() {
                            org
                        } else {
                            format!("{org}: {}", list_item(note))
                        }
                    })
                    .collect::<Vec<_>>()
                    .join("; "),
                v.status.code().to_owned(),
                v.score.map(|s| s.to_string()).unwrap_or_default(),
                v.note.clone(),
                v.submitted_at.to_rfc3339_seconds(),
            ]
        })
        .collect()
}

async fn export_in(
    app: &App,
    viewer: Option<&Viewer>,
    forum_slug: &str,
    body_slug: &str,
    cycle_year: i32,
) -> Result<Vec<NominationView>, ActionError> {
    let mut tx = app.db().read().await?;
    let (ctx, call) = managed_call(&mut tx, viewer, forum_slug, body_slug, cycle_year).await?;
    let views = load_views(&mut tx, &ctx, &call).await?;
    tx.commit().await?;
    Ok(views)
}

/// The call's nominations as CSV (`EXPORT_COLUMNS`; merged ones left out, their nominators
/// are on the nomination kept). The secretariat.
pub async fn export_csv(
    app: &App,
    viewer: &Viewer,
    forum_slug: &str,
    body_slug: &str,
    cycle_year: i32,
) -> Result<String, ActionError> {
    let views = export_in(app, Some(viewer), forum_slug, body_slug, cycle_year).await?;
    write_csv(&EXPORT_COLUMNS, &export_rows(&views))
}

/// `export_csv` for operators (CLI).
pub async fn export_csv_as_operator(
    app: &App,
    forum_slug: &str,
    body_slug: &str,
    cycle_year: i32,
) -> Result<String, ActionError> {
    let views = export_in(app, None, forum_slug, body_slug, cycle_year).await?;
    write_csv(&EXPORT_COLUMNS, &export_rows(&views))
}

/// The nominees CSV `bodies::slate::parse_nominees` reads, from the call's eligible and
/// scored nominations whose checks still pass (`id` is `n` + the nomination id;
/// `first_time`: never held a seat of this body, matched by account e-mail, else by name;
/// `nominated_by`: every nominator, `;`-joined). The secretariat.
pub async fn slate_pool_csv(
    app: &App,
    viewer: &Viewer,
    forum_slug: &str,
    body_slug: &str,
    cycle_year: i32,
) -> Result<String, ActionError> {
    let views = export_in(app, Some(viewer), forum_slug, body_slug, cycle_year).await?;
    slate_pool_rows(&views)
}

/// `slate_pool_csv` for operators (CLI).
pub async fn slate_pool_csv_as_operator(
    app: &App,
    forum_slug: &str,
    body_slug: &str,
    cycle_year: i32,
) -> Result<String, ActionError> {
    let views = export_in(app, None, forum_slug, body_slug, cycle_year).await?;
    slate_pool_rows(&views)
}

fn slate_pool_rows(views: &[NominationView]) -> Result<String, ActionError> {
    let rows: Vec<Vec<String>> = views
        .iter()
        // A nomination marked eligible passed every check then; checking again keeps out one
        // whose facts changed since (a new term, another constitution), so the pool always
        // parses as nominees.
        .filter(|v| v.status == NominationStatus::Eligible && v.passes_checks())
        .filter_map(|v| v.score.map(|score| (v, score)))
        .map(|(v, score)| {
            vec![
                format!("n{}", v.id),
                v.candidate_name.clone(),
                v.stakeholder_group.clone(),
                v.country_iso2.clone(),
                v.gender.clone(),
                score.to_string(),
                v.first_time.to_string(),
                v.nominators
                    .iter()
                    .map(|(n, _)| list_item(n))
                    .collect::<Vec<_>>()
                    .join("; "),
            ]
        })
        .collect();
    write_csv(
        &[
            "id",
            "name",
            "stakeholder_group",
            "country",
            "gender",
            "score",
            "first_time",
            "nominated_by",
        ],
        &rows,
    )
}

/// One import line, checked.
struct ImportLine {
    clean: CleanNomination,
    extra_nominators: Vec<(String, String)>,
    status: NominationStatus,
    score: Option<u8>,
    note: String,
}

fn split_list(cell: &str) -> Vec<String> {
    cell.split(';')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect()
}

/// The CSV column a domain field is read from.
fn column_of(field: &str) -> &str {
    match field {
        "country" => "country",
        "nominator_name" => "nominated_by",
        "nominator_email" => "nominator_emails",
        "endorsement" | "endorsement_note" => "endorsements",
        other => other,
    }
}

fn read_import(
    text: &str,
    groups: &[String],
    countries: &BTreeSet<String>,
    constitution: &Constitution,
    regions: &BTreeMap<String, UnRegionalGroup>,
    current_term: &dyn Fn(&str, &str) -> Option<i64>,
) -> Result<Vec<ImportLine>, Vec<String>> {
    let text = text.trim_start_matches('\u{feff}');
    let mut reader = csv::ReaderBuilder::new()
        .trim(csv::Trim::All)
        .flexible(true)
        .from_reader(text.as_bytes());
    let header: Vec<String> = match reader.headers() {
        Ok(h) => h.iter().map(|c| c.trim().to_lowercase()).collect(),
        Err(e) => return Err(vec![format!("line 1: {e}")]),
    };
    let required = [
        "candidate_name",
        "candidate_email",
        "stakeholder_group",
        "country",
        "nominated_by",
        "nominator_emails",
    ];
    let missing: Vec<&str> = required
        .into_iter()
        .filter(|c| !header.iter().any(|h| h == c))
        .collect();
    if !missing.is_empty() {
        return Err(vec![format!(
            "line 1: the header has no {} column; expected {}",
            missing.join(", "),
            EXPORT_COLUMNS.join(",")
        )]);
    }
    let col = |name: &str| header.iter().position(|h| h == name);
    let mut lines = Vec::new();
    let mut errors = Vec::new();
    for record in reader.records() {
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                let line = e.position().map_or(0, csv::Position::line);
                errors.push(format!("line {line}: {e}"));
                continue;
            }
        };
        if record.iter().all(str::is_empty) {
            continue;
        }
        let line = record.position().map_or(0, csv::Position::line);
        let cell = |name: &str| -> String {
            col(name)
                .and_then(|i| record.get(i))
                .unwrap_or("")
                .to_owned()
        };
        let mut err = |column: &str, problem: &str| {
            let number = col(column).map_or(0, |i| i + 1);
            errors.push(format!(
                "line {line}, column {number} ({column}): {problem}"
            ));
        };
        let names = split_list(&cell("nominated_by"));
        let emails = split_list(&cell("nominator_emails"));
        if names.len() != emails.len() {
            err(
                "nominator_emails",
                &format!(
                    "{} nominator names but {} e-mail addresses",
                    names.len(),
                    emails.len()
                ),
            );
            continue;
        }
        let self_nomination = matches!(
            cell("self_nomination").to_lowercase().as_str(),
            "true" | "yes" | "1"
        );
        let endorsements: Vec<(String, String)> = split_list(&cell("endorsements"))
            .into_iter()
            .map(|item| match item.split_once(':') {
                Some((org, note)) => (org.trim().to_owned(), note.trim().to_owned()),
                None => (item, String::new()),
            })
            .collect();
        let raw = RawNomination {
            self_nomination: self_nomination && names.len() <= 1,
            candidate_name: cell("candidate_name"),
            candidate_email: cell("candidate_email"),
            stakeholder_group: cell("stakeholder_group"),
            country_iso2: cell("country"),
            gender: cell("gender"),
            organisation: cell("organisation"),
            statement: cell("statement"),
            nominator_name: names.first().cloned().unwrap_or_default(),
            nominator_email: emails.first().cloned().unwrap_or_default(),
            endorsements,
        };
        let clean = match parse_nomination(&raw, groups, countries) {
            Ok(clean) => clean,
            Err(problems) => {
                for p in problems {
                    err(column_of(p.field), &p.problem);
                }
                continue;
            }
        };
        let mut extra_nominators = Vec::new();
        for (name, email) in names.iter().zip(&emails).skip(1) {
            match plenary_domain::accounts::Email::parse(email) {
                Ok(e) => extra_nominators.push((name.clone(), e.as_str().to_owned())),
                Err(p) => err("nominator_emails", &format!("{email:?}: {}", p.problem)),
            }
        }
        let status = match cell("status").as_str() {
            "" => NominationStatus::Submitted,
            raw => match NominationStatus::parse(raw) {
                Ok(NominationStatus::Merged) => {
                    err("status", "an imported nomination cannot be merged");
                    continue;
                }
                Ok(s) => s,
                Err(p) => {
                    err("status", &p.problem);
                    continue;
                }
            },
        };
        let score = match parse_score(&cell("score")) {
            Ok(s) => s,
            Err(p) => {
                err("score", &p.problem);
                continue;
            }
        };
        if status == NominationStatus::Eligible {
            let checks = check_eligibility(
                constitution,
                &EligibilityInput {
                    stakeholder_group: &clean.stakeholder_group,
                    forum_groups: groups,
                    region: regions.get(&clean.country_iso2).copied(),
                    statement: &clean.statement,
                    current_term: current_term(&clean.candidate_name, &clean.candidate_email),
                },
            );
            if let Err(why) = all_passed(&checks) {
                err("status", &format!("cannot be eligible: {why}"));
                continue;
            }
        }
        lines.push(ImportLine {
            clean,
            extra_nominators,
            status,
            score,
            note: cell("note"),
        });
    }
    if errors.is_empty() {
        Ok(lines)
    } else {
        Err(errors)
    }
}

async fn import_in(
    app: &App,
    viewer: Option<&Viewer>,
    actor: &Actor,
    forum_slug: &str,
    body_slug: &str,
    cycle_year: i32,
    text: &str,
) -> Result<usize, ActionError> {
    let now = app.now();
    let mut tx = app.db().begin().await?;
    let (ctx, call) = managed_call(&mut tx, viewer, forum_slug, body_slug, cycle_year).await?;
    let groups: Vec<String> = plenary_db::forums::stakeholder_groups(&mut tx, ctx.forum.id)
        .await?
        .into_iter()
        .map(|g| g.code)
        .collect();
    let regions = slate::region_table()?;
    let countries: BTreeSet<String> = regions.keys().cloned().collect();
    let holders = q::seat_holders(&mut tx, ctx.body.id).await?;
    let at = year_before(call.cycle_year)?;
    let term_of = |name: &str, email: &str| current_term_at(&holders, name, email, at);
    let lines = read_import(
        text,
        &groups,
        &countries,
        &ctx.constitution,
        &regions,
        &term_of,
    )
    .map_err(|errors| {
        let shown: Vec<String> = errors.iter().take(50).cloned().collect();
        let more = errors.len().saturating_sub(shown.len());
        let mut problem = shown.join("\n");
        if more > 0 {
            problem.push_str(&format!("\n… and {more} more"));
        }
        ActionError::Invalid(FieldError::new("csv", "bad_csv", problem))
    })?;
    if lines.is_empty() {
        return Err(FieldError::new("csv", "empty", "the file has no nominations").into());
    }
    for line in &lines {
        let id = insert_clean(
            &mut tx,
            call.id,
            &line.clean,
            &line.extra_nominators,
            (line.status, line.score, &line.note),
            now,
        )
        .await?;
        audit::record(
            &mut tx,
            actor,
            AuditEntry {
                forum: Some(ctx.forum.id),
                action: "nomination.import",
                entity_type: "nomination",
                entity_id: id.to_string(),
                before: None,
                after: Some(
                    json!({"body": ctx.body.slug, "cycle_year": cycle_year, "candidate": line.clean.candidate_name,
                           "status": line.status.code(), "score": line.score,
                           "nominators": 1 + line.extra_nominators.len()})
                    .to_string(),
                ),
            },
            now,
        )
        .await?;
    }
    tx.commit().await?;
    Ok(lines.len())
}

/// Imports nominations from CSV (`EXPORT_COLUMNS`; `id` and `submitted_at` are ignored) into
/// the body's call for `cycle_year`: all lines or, on any error, none. The error names every
/// bad line and column. The secretariat.
pub async fn import_csv(
    app: &App,
    viewer: &Viewer,
    forum_slug: &str,
    body_slug: &str,
    cycle_year: i32,
    text: &str,
) -> Result<usize, ActionError> {
    import_in(
        app,
        Some(viewer),
        &viewer.actor(),
        forum_slug,
        body_slug,
        cycle_year,
        text,
    )
    .await
}

/// `import_csv` for operators (CLI, demo loader).
pub async fn import_csv_as_operator(
    app: &App,
    actor: &Actor,
    forum_slug: &str,
    body_slug: &str,
    cycle_year: i32,
    text: &str,
) -> Result<usize, ActionError> {
    import_in(app, None, actor, forum_slug, body_slug, cycle_year, text).await
}

#[cfg(test)]
mod tests;
