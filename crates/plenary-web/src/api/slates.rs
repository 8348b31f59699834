//! The slate-run endpoints: list a body's runs, start one, read one with its report and
//! decisions, record the appointing authority's decision. The secretariat only.

use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use plenary_app::bodies::runs::{
    self, DecisionInput, DecisionOutcome, NomineeSource, RunRequest, SlateRun,
};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::AppState;
use crate::api::ErrorJson;
use crate::error::ApiError;
use crate::forms::ApiJson;
use crate::visit::ApiCaller;

#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct SlateRunJson {
    id: i64,
    cycle: i32,
    label: String,
    /// `proposed` or `infeasible`.
    outcome: String,
    constitution_version: i64,
    /// `call` (the body's nomination call) or `csv`.
    nominee_source: String,
    /// Ids of the nominees proposed (empty when infeasible).
    chosen: Vec<String>,
    objective: Option<f64>,
    decisions: i64,
    created_at: String,
    created_by: String,
}

fn run_json(run: &SlateRun) -> SlateRunJson {
    SlateRunJson {
        id: run.id,
        cycle: run.cycle,
        label: run.label.clone(),
        outcome: run.outcome.clone(),
        constitution_version: run.constitution_version,
        nominee_source: run.nominee_source.clone(),
        chosen: run.chosen_ids(),
        objective: run.objective(),
        decisions: run.decisions,
        created_at: run.created_at.to_rfc3339_seconds(),
        created_by: run.created_by.clone(),
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct SlateRunListJson {
    items: Vec<SlateRunJson>,
}

/// The stored slate runs of a body, newest first (secretariat only).
#[utoipa::path(get, path = "/api/v1/forums/{slug}/bodies/{body}/slates",
    params(("slug" = String, Path), ("body" = String, Path)), security(("bearer" = [])),
    responses((status = 200, body = SlateRunListJson), (status = 401, body = ErrorJson), (status = 403, body = ErrorJson), (status = 404, body = ErrorJson)))]
pub(crate) async fn list_slate_runs(
    State(state): State<AppState>,
    ApiCaller(viewer): ApiCaller,
    Path((slug, body)): Path<(String, String)>,
) -> Result<Response, ApiError> {
    let list = runs::list_runs(&state.app, &viewer, &slug, &body).await?;
    Ok(Json(SlateRunListJson {
        items: list.runs.iter().map(run_json).collect(),
    })
    .into_response())
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct NewSlateRunJson {
    /// The cycle (year) the slate is for.
    cycle: i32,
    /// Regular seats to fill; omitted: every regular seat the continuing members leave open.
    seats: Option<u32>,
    label: Option<String>,
    /// A nominees CSV; omitted: the eligible, scored nominations of the body's call for the cycle.
    nominees_csv: Option<String>,
}

#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct SlateRunDetailJson {
    #[serde(flatten)]
    run: SlateRunJson,
    /// The report, as `plenary slate --json` prints it: seats, quotas, preferences, notes,
    /// then `outcome` with the chosen nominees, composition, binding rules, nominees not
    /// chosen and why, or the reasons and smallest relaxation when infeasible.
    #[schema(value_type = Object)]
    report: serde_json::Value,
    decisions: Vec<SlateDecisionJson>,
}

#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct SlateDecisionJson {
    authority: String,
    decided_on: String,
    /// `appointed_as_proposed`, `appointed_with_changes` or `not_appointed`.
    outcome: String,
    /// Ids of the appointed nominees.
    appointed: Vec<String>,
    note: String,
    recorded_at: String,
    recorded_by: String,
    /// When the appointees were given their seats, if they were.
    seated_at: Option<String>,
}

/// Run the optimiser for a body and cycle and store the run (secretariat only). A request no
/// slate can satisfy is stored too, with `outcome: infeasible` and its explanation.
#[utoipa::path(post, path = "/api/v1/forums/{slug}/bodies/{body}/slates",
    params(("slug" = String, Path), ("body" = String, Path)), request_body = NewSlateRunJson, security(("bearer" = [])),
    responses((status = 201, body = SlateRunDetailJson), (status = 401, body = ErrorJson), (status = 403, body = ErrorJson),
        (status = 404, body = ErrorJson), (status = 409, body = ErrorJson), (status = 422, body = ErrorJson)))]
pub(crate) async fn create_slate_run(
    State(state): State<AppState>,
    ApiCaller(viewer): ApiCaller,
    Path((slug, body)): Path<(String, String)>,
    ApiJson(request): ApiJson<NewSlateRunJson>,
) -> Result<Response, ApiError> {
    let nominees = match request.nominees_csv {
        Some(csv) => NomineeSource::Csv(csv),
        None => NomineeSource::Call,
    };
    let id = runs::run_slate(
        &state.app,
        &viewer,
        &slug,
        &body,
        RunRequest {
            cycle: request.cycle,
            seats: request.seats,
            label: request.label.unwrap_or_default(),
            nominees,
        },
    )
    .await?;
    let detail = runs::run_detail(&state.app, &viewer, &slug, &body, id).await?;
    Ok((StatusCode::CREATED, Json(detail_json(&detail))).into_response())
}

fn detail_json(detail: &runs::RunDetail) -> SlateRunDetailJson {
    SlateRunDetailJson {
        run: run_json(&detail.run),
        report: detail.run.report.clone(),
        decisions: detail
            .decisions
            .iter()
            .map(|d| SlateDecisionJson {
                authority: d.authority.clone(),
                decided_on: d.decided_on.clone(),
                outcome: d.outcome.code().to_owned(),
                appointed: d.appointed.iter().map(|(id, _)| id.clone()).collect(),
                note: d.note.clone(),
                recorded_at: d.recorded_at.to_rfc3339_seconds(),
                recorded_by: d.recorded_by.clone(),
                seated_at: d.seated_at.map(|t| t.to_rfc3339_seconds()),
            })
            .collect(),
    }
}

/// One slate run with its report and decisions (secretariat only).
#[utoipa::path(get, path = "/api/v1/forums/{slug}/bodies/{body}/slates/{run}",
    params(("slug" = String, Path), ("body" = String, Path), ("run" = i64, Path)), security(("bearer" = [])),
    responses((status = 200, body = SlateRunDetailJson), (status = 401, body = ErrorJson), (status = 403, body = ErrorJson), (status = 404, body = ErrorJson)))]
pub(crate) async fn get_slate_run(
    State(state): State<AppState>,
    ApiCaller(viewer): ApiCaller,
    Path((slug, body, run)): Path<(String, String, i64)>,
) -> Result<Response, ApiError> {
    let detail = runs::run_detail(&state.app, &viewer, &slug, &body, run).await?;
    Ok(Json(detail_json(&detail)).into_response())
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct NewSlateDecisionJson {
    /// Who decided, e.g. `UN Secretary-General`.
    authority: String,
    /// `YYYY-MM-DD`.
    decided_on: String,
    /// `appointed_as_proposed`, `appointed_with_changes` or `not_appointed`.
    outcome: String,
    /// With `appointed_with_changes`: the ids of the appointed nominees (from the run's pool).
    #[serde(default)]
    appointed: Vec<String>,
    #[serde(default)]
    note: String,
}

/// Record the appointing authority's decision on a run (secretariat only; audited).
#[utoipa::path(post, path = "/api/v1/forums/{slug}/bodies/{body}/slates/{run}/decisions",
    params(("slug" = String, Path), ("body" = String, Path), ("run" = i64, Path)), request_body = NewSlateDecisionJson,
    security(("bearer" = [])),
    responses((status = 201, body = SlateRunDetailJson), (status = 401, body = ErrorJson), (status = 403, body = ErrorJson),
        (status = 404, body = ErrorJson), (status = 409, body = ErrorJson), (status = 422, body = ErrorJson)))]
pub(crate) async fn record_slate_decision(
    State(state): State<AppState>,
    ApiCaller(viewer): ApiCaller,
    Path((slug, body, run)): Path<(String, String, i64)>,
    ApiJson(request): ApiJson<NewSlateDecisionJson>,
) -> Result<Response, ApiError> {
    let outcome =
        DecisionOutcome::parse(&request.outcome).map_err(plenary_app::ActionError::from)?;
    runs::record_decision(
        &state.app,
        &viewer,
        &slug,
        &body,
        run,
        DecisionInput {
            authority: request.authority,
            decided_on: request.decided_on,
            outcome,
            appointed: request.appointed,
            note: request.note,
        },
    )
    .await?;
    let detail = runs::run_detail(&state.app, &viewer, &slug, &body, run).await?;
    Ok((StatusCode::CREATED, Json(detail_json(&detail))).into_response())
}

#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct SeatedJson {
    /// How many appointees were given a first-term regular seat for the run's cycle.
    seated: usize,
}

/// Give the appointees of the run's latest decision their seats (secretariat only; once per
/// decision; audited).
#[utoipa::path(post, path = "/api/v1/forums/{slug}/bodies/{body}/slates/{run}/seat",
    params(("slug" = String, Path), ("body" = String, Path), ("run" = i64, Path)), security(("bearer" = [])),
    responses((status = 201, body = SeatedJson), (status = 401, body = ErrorJson), (status = 403, body = ErrorJson),
        (status = 404, body = ErrorJson), (status = 409, body = ErrorJson)))]
pub(crate) async fn seat_appointed(
    State(state): State<AppState>,
    ApiCaller(viewer): ApiCaller,
    Path((slug, body, run)): Path<(String, String, i64)>,
) -> Result<Response, ApiError> {
    let seated = runs::seat_appointed(&state.app, &viewer, &slug, &body, run).await?;
    Ok((StatusCode::CREATED, Json(SeatedJson { seated })).into_response())
}
