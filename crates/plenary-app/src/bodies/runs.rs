//! Stored slate runs: the secretariat asks the optimiser for a slate for a body and cycle,
//! the run is kept with its exact inputs and its explained report, two runs can be compared,
//! and the appointing authority's decision on a run is recorded separately.
//!
//! Main items: `run_slate` (store a run), `list_runs`, `run_detail`, `compare_runs`,
//! `record_decision`; `*_as_operator` variants for the CLI.
//! Invariants: a run is reproducible: it stores the continuing members and the nominee pool
//! as the CSV texts `bodies::slate` reads, the constitution version and the seats asked for,
//! so `reproduce` gives the same report; runs and decisions are never changed afterwards (a
//! later decision supersedes an earlier one, both stay). Every run and decision is audited.
//! The optimiser advises; only a recorded decision says who was appointed.
//! Not here: the optimiser (`plenary-solver`), the slate model (`bodies::slate`), where the
//! pool comes from (`bodies::nominations` or a CSV the caller passes).

use std::collections::{BTreeMap, BTreeSet};

use plenary_db::bodies as body_q;
use plenary_db::slates::{self as q, NewSlateDecision, NewSlateRun, SlateRunRow};
use plenary_domain::audit::{Actor, AuditEntry};
use plenary_domain::bodies::Constitution;
use plenary_domain::bodies::nominations::normalise_name;
use plenary_domain::forums::Forum;
use plenary_domain::permissions::{Permission, authorize};
use plenary_domain::{FieldError, Timestamp};
use serde_json::{Value, json};

use crate::accounts::Viewer;
use crate::bodies::document;
use crate::bodies::roster::continuing_members;
use crate::bodies::seats::year_start;
use crate::bodies::slate::{
    self, RosterMember, RosterSeat, SlateNominee, SlateOutcome, SlateReport,
};
use crate::{ActionError, App, audit, forums};

/// Where a run's nominee pool comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NomineeSource {
    /// The eligible, scored nominations of the body's call for the cycle.
    Call,
    /// A nominees CSV (`id,name,stakeholder_group,country,gender,score[,first_time,nominated_by]`).
    Csv(String),
}

/// What the secretariat asks for.
#[derive(Debug, Clone)]
pub struct RunRequest {
    pub cycle: i32,
    /// Regular seats to fill; `None`: every regular seat the continuing members leave open.
    pub seats: Option<u32>,
    /// A name for the run ("with the new gender rule"); empty: one is made up.
    pub label: String,
    pub nominees: NomineeSource,
}

/// A stored run with its report.
#[derive(Debug, Clone)]
pub struct SlateRun {
    pub id: i64,
    pub cycle: i32,
    pub label: String,
    pub constitution_version: i64,
    pub seats_requested: Option<u32>,
    /// `call` or `csv`.
    pub nominee_source: String,
    /// `proposed` or `infeasible`.
    pub outcome: String,
    /// The report as `bodies::slate::json::report_json` wrote it.
    pub report: Value,
    pub created_at: Timestamp,
    pub created_by: String,
    pub decisions: i64,
    pub members_csv: String,
    pub nominees_csv: String,
}

impl SlateRun {
    /// The chosen nominees' ids, in the report's order (empty when infeasible).
    pub fn chosen_ids(&self) -> Vec<String> {
        self.report["chosen"]
            .as_array()
            .map(|chosen| {
                chosen
                    .iter()
                    .filter_map(|c| c["id"].as_str().map(str::to_owned))
                    .collect()
            })
            .unwrap_or_default()
    }

    /// The objective (merit + bonus), when a slate was proposed.
    pub fn objective(&self) -> Option<f64> {
        self.report["objective"].as_f64()
    }

    fn from_row(row: SlateRunRow) -> Result<SlateRun, ActionError> {
        let report: Value = serde_json::from_str(&row.report).map_err(|err| {
            ActionError::Internal(anyhow::anyhow!(
                "slate run {} has an unreadable report: {err}",
                row.id
            ))
        })?;
        Ok(SlateRun {
            id: row.id,
            cycle: row.cycle,
            label: row.label,
            constitution_version: row.constitution_version,
            seats_requested: row.seats_requested.and_then(|s| u32::try_from(s).ok()),
            nominee_source: row.nominee_source,
            outcome: row.outcome,
            report,
            created_at: row.created_at,
            created_by: row.created_by,
            decisions: row.decisions,
            members_csv: row.members_csv,
            nominees_csv: row.nominees_csv,
        })
    }
}

/// The appointing authority's decision on a run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decision {
    pub id: i64,
    pub authority: String,
    pub decided_on: String,
    pub outcome: DecisionOutcome,
    /// `(id, name)` of every appointed nominee.
    pub appointed: Vec<(String, String)>,
    pub note: String,
    pub recorded_at: Timestamp,
    pub recorded_by: String,
    /// When the appointees were given their seats (`seat_appointed`), if they were.
    pub seated_at: Option<Timestamp>,
}

/// What the authority decided.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DecisionOutcome {
    AppointedAsProposed,
    AppointedWithChanges,
    NotAppointed,
}

impl DecisionOutcome {
    pub const ALL: [DecisionOutcome; 3] = [
        DecisionOutcome::AppointedAsProposed,
        DecisionOutcome::AppointedWithChanges,
        DecisionOutcome::NotAppointed,
    ];

    pub fn code(self) -> &'static str {
        match self {
            DecisionOutcome::AppointedAsProposed => "appointed_as_proposed",
            DecisionOutcome::AppointedWithChanges => "appointed_with_changes",
            DecisionOutcome::NotAppointed => "not_appointed",
        }
    }

    pub fn parse(raw: &str) -> Result<DecisionOutcome, FieldError> {
        DecisionOutcome::ALL
            .into_iter()
            .find(|o| o.code() == raw.trim())
            .ok_or_else(|| {
                FieldError::new(
                    "outcome",
                    "unknown_outcome",
                    "choose appointed_as_proposed, appointed_with_changes or not_appointed",
                )
            })
    }
}

/// A decision as the secretariat records it.
#[derive(Debug, Clone)]
pub struct DecisionInput {
    /// Who decided ("UN Secretary-General", "IGF Leadership Panel").
    pub authority: String,
    /// `YYYY-MM-DD`.
    pub decided_on: String,
    pub outcome: DecisionOutcome,
    /// With `AppointedWithChanges`: the ids of the nominees appointed (from the run's pool).
    pub appointed: Vec<String>,
    pub note: String,
}

/// A run, its body and forum, and its decisions.
#[derive(Debug, Clone)]
pub struct RunDetail {
    pub forum: Forum,
    pub body_slug: String,
    pub body_name: String,
    pub run: SlateRun,
    pub decisions: Vec<Decision>,
    /// The run's nominee pool as `bodies::slate` read it (duplicates merged), in file order.
    pub pool: Vec<SlateNominee>,
}

/// The runs of a body.
#[derive(Debug, Clone)]
pub struct RunList {
    pub forum: Forum,
    pub body_slug: String,
    pub body_name: String,
    pub runs: Vec<SlateRun>,
}

/// Runs `slate` for the body and stores the run; the secretariat (`ManageBodies`) only.
/// Returns the stored run's id. A request no slate can satisfy is stored too: its report
/// explains why and what relaxation would help.
pub async fn run_slate(
    app: &App,
    viewer: &Viewer,
    forum_slug: &str,
    body_slug: &str,
    request: RunRequest,
) -> Result<i64, ActionError> {
    {
        let mut tx = app.db().read().await?;
        let (_, principal) = forums::forum_and_principal(&mut tx, viewer, forum_slug).await?;
        authorize(&principal, Permission::ManageBodies)?;
    }
    store_run(app, viewer, &viewer.actor(), forum_slug, body_slug, request)
        .await
        .map(|(id, _)| id)
}

/// `run_slate` for operators (the CLI): no role check, audited as `actor`. Returns the run's
/// id and its report.
pub async fn run_slate_as_operator(
    app: &App,
    actor: &Actor,
    forum_slug: &str,
    body_slug: &str,
    request: RunRequest,
) -> Result<(i64, SlateReport), ActionError> {
    store_run(
        app,
        &Viewer::anonymous(),
        actor,
        forum_slug,
        body_slug,
        request,
    )
    .await
}

/// What a run is made of before it is stored.
#[derive(Debug)]
struct Prepared {
    forum: Forum,
    body: body_q::BodyRow,
    constitution_version: i64,
    members_csv: String,
    nominees_csv: String,
    source: &'static str,
    report: SlateReport,
}

/// The body's latest constitution, the members continuing into the cycle, the seats vacated
/// by resignation in the year before (to refill from the same stakeholder group) and the
/// pool, solved. Reads only.
async fn prepare(
    app: &App,
    viewer: &Viewer,
    forum_slug: &str,
    body_slug: &str,
    request: &RunRequest,
) -> Result<Prepared, ActionError> {
    let (_, mut members) =
        continuing_members(app, viewer, forum_slug, body_slug, request.cycle).await?;
    let former =
        former_members(app, viewer, forum_slug, body_slug, request.cycle, &members).await?;
    members.extend(former);
    let vacancies = crate::bodies::seats::seats_as_operator(
        app,
        forum_slug,
        body_slug,
        Some(request.cycle - 1),
    )
    .await?
    .vacancies;
    for (idx, vacancy) in vacancies
        .iter()
        .filter(|vacancy| vacancy.seat == plenary_domain::bodies::SeatKind::Regular)
        .enumerate()
    {
        members.push(RosterMember {
            id: format!("v{:03}", idx + 1),
            name: format!("Seat of {}", vacancy.former_member),
            stakeholder_group: vacancy.stakeholder_group.clone(),
            country: String::new(),
            region: plenary_domain::countries::UnRegionalGroup::None,
            gender: String::new(),
            seat: RosterSeat::Vacancy,
            line: 0,
        });
    }
    let (nominees_csv, source) = match &request.nominees {
        NomineeSource::Csv(text) => (text.clone(), "csv"),
        NomineeSource::Call => (
            call_pool(app, forum_slug, body_slug, request.cycle).await?,
            "call",
        ),
    };
    let members_csv = members_csv(&members)?;
    let mut tx = app.db().read().await?;
    let forum = plenary_db::forums::forum_by_slug(&mut tx, forum_slug)
        .await?
        .ok_or(ActionError::NotFound)?;
    let body = body_q::body_by_slug(&mut tx, forum.id, body_slug)
        .await?
        .ok_or(ActionError::NotFound)?;
    let stored = body_q::latest_constitution(&mut tx, body.id)
        .await?
        .ok_or(ActionError::NotFound)?;
    drop(tx);
    let constitution = document::from_toml(&stored.document)?;
    let report = solve(
        constitution,
        members_csv.clone(),
        nominees_csv.clone(),
        request.seats,
    )
    .await?;
    Ok(Prepared {
        forum,
        body,
        constitution_version: stored.version,
        members_csv,
        nominees_csv,
        source,
        report,
    })
}

/// The proposal for a cycle without storing it (the CLI's `plenary slate --body`).
pub async fn propose_as_operator(
    app: &App,
    forum_slug: &str,
    body_slug: &str,
    request: &RunRequest,
) -> Result<SlateReport, ActionError> {
    Ok(
        prepare(app, &Viewer::anonymous(), forum_slug, body_slug, request)
            .await?
            .report,
    )
}

async fn store_run(
    app: &App,
    viewer: &Viewer,
    actor: &Actor,
    forum_slug: &str,
    body_slug: &str,
    request: RunRequest,
) -> Result<(i64, SlateReport), ActionError> {
    let label = request.label.trim().to_owned();
    if label.chars().count() > 200 {
        return Err(FieldError::new("label", "length", "at most 200 characters").into());
    }
    let Prepared {
        forum,
        body,
        constitution_version,
        members_csv,
        nominees_csv,
        source,
        report,
    } = prepare(app, viewer, forum_slug, body_slug, &request).await?;
    let outcome = outcome_code(&report);
    let report_text = serde_json::to_string(&slate::json::report_json(&report))
        .map_err(|err| ActionError::Internal(err.into()))?;
    let label = if label.is_empty() {
        format!(
            "Cycle {}: {} seats from {} nominees",
            request.cycle,
            report.seats.seats_to_fill,
            report.nominees.len()
        )
    } else {
        label
    };
    let now = app.now();
    let mut tx = app.db().begin().await?;
    let id = q::insert_run(
        &mut tx,
        &NewSlateRun {
            body: body.id,
            cycle: request.cycle,
            label: &label,
            constitution_version,
            seats_requested: request.seats.map(i64::from),
            nominee_source: source,
            members_csv: &members_csv,
            nominees_csv: &nominees_csv,
            outcome,
            report: &report_text,
            created_by: &actor.label(),
        },
        now,
    )
    .await?;
    let chosen: Vec<&str> = match &report.outcome {
        SlateOutcome::Proposed(p) => p.chosen.iter().map(|c| c.nominee.id.as_str()).collect(),
        SlateOutcome::Infeasible(_) => Vec::new(),
    };
    audit::record(
        &mut tx,
        actor,
        AuditEntry {
            forum: Some(forum.id),
            action: "slate_run.create",
            entity_type: "slate_run",
            entity_id: id.to_string(),
            before: None,
            after: Some(
                json!({"body": body.slug, "cycle": request.cycle, "label": label, "outcome": outcome,
                       "constitution_version": constitution_version, "seats_to_fill": report.seats.seats_to_fill,
                       "nominees": report.nominees.len(), "chosen": chosen, "source": source})
                .to_string(),
            ),
        },
        now,
    )
    .await?;
    tx.commit().await?;
    Ok((id, report))
}

/// Everyone who held a regular seat of the body before the cycle and does not continue into
/// it, once per name and country, as `former` rows: their countries tell the slate which
/// countries the body has never had.
async fn former_members(
    app: &App,
    viewer: &Viewer,
    forum_slug: &str,
    body_slug: &str,
    cycle: i32,
    continuing: &[RosterMember],
) -> Result<Vec<RosterMember>, ActionError> {
    let latest = crate::bodies::roster::roster(app, viewer, forum_slug, body_slug, None).await?;
    let mut seen: BTreeSet<(String, String)> = continuing
        .iter()
        .map(|m| (m.name.clone(), m.country.clone()))
        .collect();
    let mut former = Vec::new();
    for year in latest.years.iter().copied().filter(|year| *year < cycle) {
        let roster =
            crate::bodies::roster::roster(app, viewer, forum_slug, body_slug, Some(year)).await?;
        for m in roster
            .members
            .iter()
            .filter(|m| m.seat == plenary_domain::bodies::SeatKind::Regular)
        {
            let country = m.country_iso2.clone().unwrap_or_default();
            if seen.insert((m.name.clone(), country.clone())) {
                former.push(RosterMember {
                    id: format!("f{:03}", former.len() + 1),
                    name: m.name.clone(),
                    stakeholder_group: m.stakeholder_group.clone(),
                    country,
                    region: m.region,
                    gender: m.gender.clone(),
                    seat: RosterSeat::Former,
                    line: 0,
                });
            }
        }
    }
    Ok(former)
}

/// The nominees CSV of the body's nomination call for the cycle: its eligible, scored
/// nominations (`bodies::nominations::slate_pool_csv`). Callers have checked the permission.
async fn call_pool(
    app: &App,
    forum_slug: &str,
    body_slug: &str,
    cycle: i32,
) -> Result<String, ActionError> {
    match crate::bodies::nominations::slate_pool_csv_as_operator(app, forum_slug, body_slug, cycle)
        .await
    {
        Err(ActionError::NotFound) => Err(ActionError::Rule {
            code: "no_call",
            message: format!(
                "there is no nomination call for cycle {cycle}; open one or paste a nominees CSV"
            ),
        }),
        other => other,
    }
}

/// Solves off the async workers (the optimiser is CPU-bound).
async fn solve(
    constitution: Constitution,
    members_csv: String,
    nominees_csv: String,
    seats: Option<u32>,
) -> Result<SlateReport, ActionError> {
    tokio::task::spawn_blocking(move || {
        slate::propose_slate(&constitution, &members_csv, &nominees_csv, seats)
    })
    .await
    .map_err(|err| ActionError::Internal(err.into()))?
}

fn outcome_code(report: &SlateReport) -> &'static str {
    match report.outcome {
        SlateOutcome::Proposed(_) => "proposed",
        SlateOutcome::Infeasible(_) => "infeasible",
    }
}

/// The continuing members as the members CSV `bodies::slate::parse_members` reads.
pub fn members_csv(members: &[RosterMember]) -> Result<String, ActionError> {
    let mut writer = csv::Writer::from_writer(Vec::new());
    let internal = |err: csv::Error| ActionError::Internal(err.into());
    writer
        .write_record([
            "id",
            "name",
            "stakeholder_group",
            "country",
            "gender",
            "seat",
        ])
        .map_err(internal)?;
    for m in members {
        let seat = match m.seat {
            RosterSeat::Regular => "regular",
            RosterSeat::ExOfficio => "ex_officio",
            RosterSeat::StandingHostCountry => "standing_host_country",
            RosterSeat::Observer => "observer",
            RosterSeat::Vacancy => "vacancy",
            RosterSeat::Former => "former",
        };
        writer
            .write_record([
                m.id.as_str(),
                m.name.as_str(),
                m.stakeholder_group.as_str(),
                m.country.as_str(),
                m.gender.as_str(),
                seat,
            ])
            .map_err(internal)?;
    }
    let bytes = writer
        .into_inner()
        .map_err(|err| ActionError::Internal(anyhow::anyhow!("cannot write CSV: {err}")))?;
    String::from_utf8(bytes).map_err(|err| ActionError::Internal(err.into()))
}

/// Opens the body for the secretariat: the forum, the body row.
async fn body_for_secretariat(
    tx: &mut plenary_db::Tx,
    viewer: &Viewer,
    forum_slug: &str,
    body_slug: &str,
) -> Result<(Forum, body_q::BodyRow), ActionError> {
    let (forum, principal) = forums::forum_and_principal(tx, viewer, forum_slug).await?;
    authorize(&principal, Permission::ManageBodies)?;
    let body = body_q::body_by_slug(tx, forum.id, body_slug)
        .await?
        .ok_or(ActionError::NotFound)?;
    Ok((forum, body))
}

/// Every stored run of the body, newest first; the secretariat only.
pub async fn list_runs(
    app: &App,
    viewer: &Viewer,
    forum_slug: &str,
    body_slug: &str,
) -> Result<RunList, ActionError> {
    let mut tx = app.db().read().await?;
    let (forum, body) = body_for_secretariat(&mut tx, viewer, forum_slug, body_slug).await?;
    let runs = q::runs_of_body(&mut tx, body.id)
        .await?
        .into_iter()
        .map(SlateRun::from_row)
        .collect::<Result<Vec<_>, _>>()?;
    Ok(RunList {
        forum,
        body_slug: body.slug,
        body_name: body.name,
        runs,
    })
}

/// One run with its decisions; the secretariat only.
pub async fn run_detail(
    app: &App,
    viewer: &Viewer,
    forum_slug: &str,
    body_slug: &str,
    run: i64,
) -> Result<RunDetail, ActionError> {
    let mut tx = app.db().read().await?;
    let (forum, body) = body_for_secretariat(&mut tx, viewer, forum_slug, body_slug).await?;
    detail_in(&mut tx, forum, body, run).await
}

async fn detail_in(
    tx: &mut plenary_db::Tx,
    forum: Forum,
    body: body_q::BodyRow,
    run: i64,
) -> Result<RunDetail, ActionError> {
    let row = q::run_by_id(tx, body.id, run)
        .await?
        .ok_or(ActionError::NotFound)?;
    let run = SlateRun::from_row(row)?;
    let decisions = q::decisions_of_run(tx, run.id)
        .await?
        .into_iter()
        .map(|d| {
            let appointed: Vec<(String, String)> = serde_json::from_str::<Vec<Value>>(&d.appointed)
                .unwrap_or_default()
                .iter()
                .map(|a| {
                    (
                        a["id"].as_str().unwrap_or_default().to_owned(),
                        a["name"].as_str().unwrap_or_default().to_owned(),
                    )
                })
                .collect();
            Ok(Decision {
                id: d.id,
                authority: d.authority,
                decided_on: d.decided_on,
                outcome: DecisionOutcome::parse(&d.outcome)?,
                appointed,
                note: d.note,
                recorded_at: d.recorded_at,
                recorded_by: d.recorded_by,
                seated_at: d.seated_at,
            })
        })
        .collect::<Result<Vec<_>, ActionError>>()?;
    let document = q::constitution_document(tx, body.id, run.constitution_version)
        .await?
        .ok_or(ActionError::NotFound)?;
    let (pool, _) = slate::parse_nominees(
        &document::from_toml(&document)?,
        &slate::region_table()?,
        &run.nominees_csv,
    )?;
    Ok(RunDetail {
        forum,
        body_slug: body.slug,
        body_name: body.name,
        run,
        decisions,
        pool,
    })
}

/// Runs the stored inputs of a run again (with the constitution version it used): the
/// optimiser is deterministic, so the report equals the stored one.
pub async fn reproduce(app: &App, detail: &RunDetail) -> Result<Value, ActionError> {
    let mut tx = app.db().read().await?;
    let body = body_q::body_by_slug(&mut tx, detail.forum.id, &detail.body_slug)
        .await?
        .ok_or(ActionError::NotFound)?;
    let document = q::constitution_document(&mut tx, body.id, detail.run.constitution_version)
        .await?
        .ok_or(ActionError::NotFound)?;
    drop(tx);
    let constitution = document::from_toml(&document)?;
    let report = solve(
        constitution,
        detail.run.members_csv.clone(),
        detail.run.nominees_csv.clone(),
        detail.run.seats_requested,
    )
    .await?;
    serde_json::to_value(slate::json::report_json(&report))
        .map_err(|err| ActionError::Internal(err.into()))
}

/// One nominee's place in a comparison.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ComparedNominee {
    pub id: String,
    pub name: String,
    pub stakeholder_group: String,
    pub country: String,
    pub gender: String,
}

/// One composition row in both runs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ComparedRow {
    pub dimension: String,
    pub label: String,
    pub a: Option<u64>,
    pub b: Option<u64>,
}

/// Two runs side by side.
#[derive(Debug, Clone)]
pub struct Comparison {
    pub forum: Forum,
    pub body_slug: String,
    pub body_name: String,
    pub a: SlateRun,
    pub b: SlateRun,
    pub only_a: Vec<ComparedNominee>,
    pub only_b: Vec<ComparedNominee>,
    pub both: Vec<ComparedNominee>,
    pub composition: Vec<ComparedRow>,
    /// Plain-English differences in the inputs (seats, pool, constitution version).
    pub input_changes: Vec<String>,
}

/// Compares two runs of the same body: who is chosen in one and not the other, how the
/// composition differs, and what changed in the inputs. The secretariat only.
pub async fn compare_runs(
    app: &App,
    viewer: &Viewer,
    forum_slug: &str,
    body_slug: &str,
    a: i64,
    b: i64,
) -> Result<Comparison, ActionError> {
    let mut tx = app.db().read().await?;
    let (forum, body) = body_for_secretariat(&mut tx, viewer, forum_slug, body_slug).await?;
    let run_a = SlateRun::from_row(
        q::run_by_id(&mut tx, body.id, a)
            .await?
            .ok_or(ActionError::NotFound)?,
    )?;
    let run_b = SlateRun::from_row(
        q::run_by_id(&mut tx, body.id, b)
            .await?
            .ok_or(ActionError::NotFound)?,
    )?;
    let chosen = |run: &SlateRun| -> BTreeMap<String, ComparedNominee> {
        run.report["chosen"]
            .as_array()
            .map(|list| {
                list.iter()
                    .map(|c| {
                        let text = |key: &str| c[key].as_str().unwrap_or_default().to_owned();
                        (
                            text("id"),
                            ComparedNominee {
                                id: text("id"),
                                name: text("name"),
                                stakeholder_group: text("stakeholder_group"),
                                country: text("country"),
                                gender: text("gender"),
                            },
                        )
                    })
                    .collect()
            })
            .unwrap_or_default()
    };
    let chosen_a = chosen(&run_a);
    let chosen_b = chosen(&run_b);
    let only_a = chosen_a
        .iter()
        .filter(|(id, _)| !chosen_b.contains_key(*id))
        .map(|(_, n)| n.clone())
        .collect();
    let only_b = chosen_b
        .iter()
        .filter(|(id, _)| !chosen_a.contains_key(*id))
        .map(|(_, n)| n.clone())
        .collect();
    let both = chosen_a
        .iter()
        .filter(|(id, _)| chosen_b.contains_key(*id))
        .map(|(_, n)| n.clone())
        .collect();
    let rows = |run: &SlateRun| -> Vec<(String, String, u64)> {
        run.report["composition"]
            .as_array()
            .map(|list| {
                list.iter()
                    .map(|row| {
                        (
                            row["dimension"].as_str().unwrap_or_default().to_owned(),
                            row["label"].as_str().unwrap_or_default().to_owned(),
                            row["total"].as_u64().unwrap_or(0),
                        )
                    })
                    .collect()
            })
            .unwrap_or_default()
    };
    let mut composition: Vec<ComparedRow> = Vec::new();
    for (dimension, label, total) in rows(&run_a) {
        composition.push(ComparedRow {
            dimension,
            label,
            a: Some(total),
            b: None,
        });
    }
    for (dimension, label, total) in rows(&run_b) {
        match composition
            .iter_mut()
            .find(|row| row.dimension == dimension && row.label == label)
        {
            Some(row) => row.b = Some(total),
            None => composition.push(ComparedRow {
                dimension,
                label,
                a: None,
                b: Some(total),
            }),
        }
    }
    let input_changes = input_changes(&run_a, &run_b);
    Ok(Comparison {
        forum,
        body_slug: body.slug,
        body_name: body.name,
        a: run_a,
        b: run_b,
        only_a,
        only_b,
        both,
        composition,
        input_changes,
    })
}

fn input_changes(a: &SlateRun, b: &SlateRun) -> Vec<String> {
    let mut changes = Vec::new();
    if a.cycle != b.cycle {
        changes.push(format!("cycle {} → {}", a.cycle, b.cycle));
    }
    if a.constitution_version != b.constitution_version {
        changes.push(format!(
            "constitution version {} → {}",
            a.constitution_version, b.constitution_version
        ));
    }
    let seats = |run: &SlateRun| run.report["seats"]["seats_to_fill"].as_u64().unwrap_or(0);
    if seats(a) != seats(b) {
        changes.push(format!("seats to fill {} → {}", seats(a), seats(b)));
    }
    let pool = |run: &SlateRun| -> BTreeSet<String> {
        run.nominees_csv
            .lines()
            .skip(1)
            .map(str::to_owned)
            .collect()
    };
    let (pool_a, pool_b) = (pool(a), pool(b));
    if pool_a != pool_b {
        changes.push(format!(
            "nominee pool: {} lines only in the first run, {} only in the second",
            pool_a.difference(&pool_b).count(),
            pool_b.difference(&pool_a).count()
        ));
    }
    if a.members_csv != b.members_csv {
        changes.push("continuing members differ".to_owned());
    }
    if changes.is_empty() {
        changes.push("same inputs".to_owned());
    }
    changes
}

/// Records the appointing authority's decision on a run; the secretariat only, audited.
/// `AppointedAsProposed` needs a proposed slate and appoints its chosen nominees;
/// `AppointedWithChanges` appoints the listed nominees, each from the run's pool;
/// `NotAppointed` appoints nobody.
pub async fn record_decision(
    app: &App,
    viewer: &Viewer,
    forum_slug: &str,
    body_slug: &str,
    run: i64,
    input: DecisionInput,
) -> Result<i64, ActionError> {
    let authority = input.authority.trim().to_owned();
    if authority.is_empty() || authority.chars().count() > 200 {
        return Err(FieldError::new(
            "authority",
            "length",
            "name who decided (1 to 200 characters), e.g. UN Secretary-General",
        )
        .into());
    }
    let decided_on = input.decided_on.trim().to_owned();
    if decided_on.len() != 10
        || format!("{decided_on}T00:00:00Z")
            .parse::<Timestamp>()
            .is_err()
    {
        return Err(FieldError::new("decided_on", "date", "a date as YYYY-MM-DD").into());
    }
    let note = input.note.trim().to_owned();
    if note.chars().count() > 4000 {
        return Err(FieldError::new("note", "length", "at most 4000 characters").into());
    }
    let now = app.now();
    let mut tx = app.db().begin().await?;
    let (forum, body) = body_for_secretariat(&mut tx, viewer, forum_slug, body_slug).await?;
    let detail = detail_in(&mut tx, forum.clone(), body.clone(), run).await?;
    let pool: BTreeMap<&str, &str> = detail
        .pool
        .iter()
        .map(|n| (n.id.as_str(), n.name.as_str()))
        .collect();
    let appointed: Vec<(String, String)> = match input.outcome {
        DecisionOutcome::AppointedAsProposed => {
            if detail.run.outcome != "proposed" {
                return Err(ActionError::Rule {
                    code: "no_slate",
                    message: "this run proposed no slate; record the appointments with changes or as not appointed".into(),
                });
            }
            detail.run.report["chosen"]
                .as_array()
                .map(|chosen| {
                    chosen
                        .iter()
                        .map(|c| {
                            (
                                c["id"].as_str().unwrap_or_default().to_owned(),
                                c["name"].as_str().unwrap_or_default().to_owned(),
                            )
                        })
                        .collect()
                })
                .unwrap_or_default()
        }
        DecisionOutcome::AppointedWithChanges => {
            let mut seen = BTreeSet::new();
            let mut list = Vec::new();
            for id in input
                .appointed
                .iter()
                .map(|id| id.trim())
                .filter(|id| !id.is_empty())
            {
                let Some(name) = pool.get(id) else {
                    return Err(FieldError::new(
                        "appointed",
                        "not_in_pool",
                        format!("{id:?} is not a nominee of this run"),
                    )
                    .into());
                };
                if seen.insert(id.to_owned()) {
                    list.push((id.to_owned(), (*name).to_owned()));
                }
            }
            if list.is_empty() {
                return Err(FieldError::new(
                    "appointed",
                    "empty",
                    "list the ids of the nominees appointed",
                )
                .into());
            }
            list
        }
        DecisionOutcome::NotAppointed => Vec::new(),
    };
    let appointed_json = Value::Array(
        appointed
            .iter()
            .map(|(id, name)| json!({"id": id, "name": name}))
            .collect(),
    )
    .to_string();
    let actor = viewer.actor();
    let id = q::insert_decision(
        &mut tx,
        &NewSlateDecision {
            run,
            authority: &authority,
            decided_on: &decided_on,
            outcome: input.outcome.code(),
            appointed: &appointed_json,
            note: &note,
            recorded_by: &actor.label(),
        },
        now,
    )
    .await?;
    audit::record(
        &mut tx,
        &actor,
        AuditEntry {
            forum: Some(forum.id),
            action: "slate_decision.create",
            entity_type: "slate_decision",
            entity_id: id.to_string(),
            before: None,
            after: Some(
                json!({"body": body.slug, "run": run, "cycle": detail.run.cycle, "authority": authority,
                       "decided_on": decided_on, "outcome": input.outcome.code(),
                       "appointed": appointed.iter().map(|(id, _)| id).collect::<Vec<_>>(), "note": note})
                .to_string(),
            ),
        },
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(id)
}

/// Gives the appointees of the run's latest decision their seats: for each, a person and a
/// first-term regular membership for the run's cycle (1 January to 1 January), with the
/// stakeholder group, country and gender of the nomination. The secretariat only, once per
/// decision, audited. Returns how many were seated.
pub async fn seat_appointed(
    app: &App,
    viewer: &Viewer,
    forum_slug: &str,
    body_slug: &str,
    run: i64,
) -> Result<usize, ActionError> {
    let now = app.now();
    let mut tx = app.db().begin().await?;
    let (forum, body) = body_for_secretariat(&mut tx, viewer, forum_slug, body_slug).await?;
    let detail = detail_in(&mut tx, forum.clone(), body.clone(), run).await?;
    let Some(decision) = detail.decisions.last() else {
        return Err(ActionError::Rule {
            code: "no_decision",
            message: "record the appointing authority's decision first".into(),
        });
    };
    if decision.outcome == DecisionOutcome::NotAppointed || decision.appointed.is_empty() {
        return Err(ActionError::Rule {
            code: "nobody_appointed",
            message: "the latest decision appoints nobody".into(),
        });
    }
    if decision.seated_at.is_some() {
        return Err(ActionError::Conflict(
            "the appointees of this decision already have their seats".into(),
        ));
    }
    let start = year_start(detail.run.cycle)?;
    let end = year_start(detail.run.cycle + 1)?;
    let holders = plenary_db::nominations::seat_holders(&mut tx, body.id).await?;
    let mut seated = Vec::new();
    for (id, _) in &decision.appointed {
        let Some(nominee) = detail.pool.iter().find(|n| &n.id == id) else {
            return Err(ActionError::Rule {
                code: "not_in_pool",
                message: format!("{id:?} is not in the run's nominee pool"),
            });
        };
        let country = nominee.country.to_ascii_uppercase();
        // A former member coming back is the same person: reuse their record when exactly one
        // person who held a seat of this body has the nominee's (normalised) name.
        let wanted = normalise_name(&nominee.name);
        let returning: BTreeSet<i64> = holders
            .iter()
            .filter(|h| normalise_name(&h.display_name) == wanted)
            .map(|h| h.person_id)
            .collect();
        let person = match returning.iter().next() {
            Some(id) if returning.len() == 1 => plenary_domain::PersonId(*id),
            _ => {
                let name = plenary_domain::accounts::DisplayName::parse(&nominee.name)?;
                plenary_db::accounts::insert_person(&mut tx, &name, Some(&country), None, now)
                    .await?
            }
        };
        let membership = body_q::insert_membership(
            &mut tx,
            &body_q::NewMembership {
                body: body.id,
                person,
                seat_kind: "regular",
                stakeholder_group: &nominee.stakeholder_group,
                country_iso2: Some(&country),
                gender: &nominee.gender,
                term_number: 1,
                starts_at: start,
                ends_at: Some(end),
                state: "appointed",
            },
            now,
        )
        .await?;
        seated.push(json!({"nominee": id, "person": person.0, "membership": membership}));
    }
    if !q::mark_decision_seated(&mut tx, decision.id, now).await? {
        return Err(ActionError::Conflict(
            "the appointees of this decision already have their seats".into(),
        ));
    }
    audit::record(
        &mut tx,
        &viewer.actor(),
        AuditEntry {
            forum: Some(forum.id),
            action: "slate_decision.seat",
            entity_type: "slate_decision",
            entity_id: decision.id.to_string(),
            before: None,
            after: Some(
                json!({"body": body.slug, "run": run, "cycle": detail.run.cycle, "seated": seated})
                    .to_string(),
            ),
        },
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(seated.len())
}

#[cfg(test)]
mod tests;
