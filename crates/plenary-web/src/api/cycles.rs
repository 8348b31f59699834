//! The JSON API of a forum's yearly cycles and their calls for issues: the cycles (public),
//! one cycle's set-up in the document's JSON form (public), storing a set-up (the
//! secretariat), the call for issues' full view (public) and sending an issue (anyone,
//! while the call is open).

use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use plenary_app::calls::cycles::{self, Cycle, SetUpOutcome};
use plenary_app::calls::document;
use plenary_app::calls::issues::{self, IssueForm, SubmitOutcome};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::AppState;
use crate::api::ErrorJson;
use crate::error::ApiError;
use crate::forms::ApiJson;
use crate::visit::ApiCaller;

#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct CycleSummaryJson {
    year: i32,
    theme: String,
    /// ISO 3166-1 alpha-2.
    host_country: String,
    host_city: String,
    /// IANA time zone of the venue.
    venue_time_zone: String,
    /// `YYYY-MM-DD`.
    meeting_start: String,
    meeting_end: String,
    /// RFC 3339, UTC: the deadline for session proposals.
    call_closes: String,
}

fn summary_json(cycle: &Cycle) -> CycleSummaryJson {
    let s = &cycle.setup;
    CycleSummaryJson {
        year: cycle.year,
        theme: s.theme.clone(),
        host_country: s.host_country_iso2.clone(),
        host_city: s.host_city.clone(),
        venue_time_zone: s.venue_time_zone.clone(),
        meeting_start: s.meeting_start.clone(),
        meeting_end: s.meeting_end.clone(),
        call_closes: s.dates.call_closes.to_rfc3339_seconds(),
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct CycleListJson {
    /// Newest year first.
    items: Vec<CycleSummaryJson>,
}

/// A forum's yearly cycles, newest first.
#[utoipa::path(get, path = "/api/v1/forums/{slug}/cycles", params(("slug" = String, Path)),
    responses((status = 200, body = CycleListJson), (status = 404, body = ErrorJson)))]
pub(crate) async fn list_cycles(
    State(state): State<AppState>,
    ApiCaller(viewer): ApiCaller,
    Path(slug): Path<String>,
) -> Result<Json<CycleListJson>, ApiError> {
    let list = cycles::cycles(&state.app, &viewer, &slug).await?;
    Ok(Json(CycleListJson {
        items: list.cycles.iter().map(summary_json).collect(),
    }))
}

#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct CycleJson {
    year: i32,
    /// The set-up in the cycle document's JSON form (docs/cycle-format.md): `version`, `year`,
    /// `host_country`, `host_city`, `venue_time_zone`, `meeting_start`, `meeting_end`, `theme`,
    /// `publish_received`, `speaker_cap`, `dates`, `issue_areas`, `session_types`, `rules`.
    /// PUT accepts this object back as the document text.
    #[schema(value_type = Object)]
    setup: serde_json::Value,
    /// Each screening rule in force, in plain words (as proposers read it).
    rule_explanations: Vec<String>,
    /// RFC 3339, UTC.
    updated_at: String,
}

fn cycle_json(cycle: &Cycle) -> Result<CycleJson, ApiError> {
    let setup = serde_json::from_str(&document::to_json(&cycle.setup)).map_err(|err| {
        tracing::error!(error = %err, "the set-up JSON does not parse");
        ApiError::Internal
    })?;
    Ok(CycleJson {
        year: cycle.year,
        setup,
        rule_explanations: cycle.setup.rules.iter().map(|r| r.explanation()).collect(),
        updated_at: cycle.updated_at.to_rfc3339_seconds(),
    })
}

/// One cycle's set-up.
#[utoipa::path(get, path = "/api/v1/forums/{slug}/cycles/{year}",
    params(("slug" = String, Path), ("year" = i32, Path)),
    responses((status = 200, body = CycleJson), (status = 404, body = ErrorJson)))]
pub(crate) async fn get_cycle(
    State(state): State<AppState>,
    ApiCaller(viewer): ApiCaller,
    Path((slug, year)): Path<(String, i32)>,
) -> Result<Json<CycleJson>, ApiError> {
    let view = cycles::cycle(&state.app, &viewer, &slug, year).await?;
    Ok(Json(cycle_json(&view.cycle)?))
}

/// A set-up document to store.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct SetupDocumentJson {
    /// The whole set-up document as text: TOML, or JSON (a text starting with `{`) with the
    /// keys of `CycleJson.setup`. Its `year` must be the year in the path.
    document: String,
}

/// Create or replace a cycle's set-up (secretariat only). 201 when the year had no cycle,
/// 200 when it was replaced. A refused document gives 422 `invalid_setup` with every problem
/// in `message`, separated by `; `; nothing is stored then.
#[utoipa::path(put, path = "/api/v1/forums/{slug}/cycles/{year}",
    params(("slug" = String, Path), ("year" = i32, Path)),
    request_body = SetupDocumentJson, security(("bearer" = [])),
    responses((status = 201, body = CycleJson), (status = 200, body = CycleJson), (status = 401, body = ErrorJson),
        (status = 403, body = ErrorJson), (status = 404, body = ErrorJson), (status = 422, body = ErrorJson)))]
pub(crate) async fn put_cycle(
    State(state): State<AppState>,
    ApiCaller(viewer): ApiCaller,
    Path((slug, year)): Path<(String, i32)>,
    ApiJson(body): ApiJson<SetupDocumentJson>,
) -> Result<Response, ApiError> {
    match cycles::submit_setup(&state.app, &viewer, &slug, &body.document, Some(year)).await? {
        SetUpOutcome::Stored { year, created } => {
            let view = cycles::cycle(&state.app, &viewer, &slug, year).await?;
            let status = if created {
                StatusCode::CREATED
            } else {
                StatusCode::OK
            };
            Ok((status, Json(cycle_json(&view.cycle)?)).into_response())
        }
        SetUpOutcome::Refused { problems } => Err(ApiError::Rule {
            code: "invalid_setup",
            message: problems.join("; "),
        }),
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct IssueJson {
    id: i64,
    issue: String,
    description: String,
    /// A stakeholder-group code of the forum.
    stakeholder_group: String,
    /// `african`, `asia_pacific`, `eastern_european`, `grulac`, `weog` or `none`.
    region: String,
    /// RFC 3339, UTC.
    submitted_at: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct IssueCountJson {
    /// A stakeholder-group or region code.
    key: String,
    count: u32,
}

#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct IssuesJson {
    year: i32,
    /// Whether the call accepts input now.
    is_open: bool,
    /// RFC 3339, UTC.
    opens_at: String,
    /// RFC 3339, UTC; input is accepted until just before this instant.
    closes_at: String,
    total: u32,
    /// Every stakeholder group of the forum (zero counts included).
    by_stakeholder_group: Vec<IssueCountJson>,
    /// Every UN regional group (zero counts included).
    by_region: Vec<IssueCountJson>,
    /// Every input, oldest first. Names and e-mail addresses are never included.
    items: Vec<IssueJson>,
}

/// The call for issues of a cycle: every input with the counts by stakeholder group and region.
#[utoipa::path(get, path = "/api/v1/forums/{slug}/cycles/{year}/issues",
    params(("slug" = String, Path), ("year" = i32, Path)),
    responses((status = 200, body = IssuesJson), (status = 404, body = ErrorJson)))]
pub(crate) async fn list_issues(
    State(state): State<AppState>,
    ApiCaller(viewer): ApiCaller,
    Path((slug, year)): Path<(String, i32)>,
) -> Result<Json<IssuesJson>, ApiError> {
    let view = issues::full_view(&state.app, &viewer, &slug, year).await?;
    let dates = &view.cycle.setup.dates;
    Ok(Json(IssuesJson {
        year: view.cycle.year,
        is_open: view.is_open,
        opens_at: dates.issues_open.to_rfc3339_seconds(),
        closes_at: dates.issues_close.to_rfc3339_seconds(),
        total: view.total,
        by_stakeholder_group: view
            .by_group
            .iter()
            .map(|g| IssueCountJson {
                key: g.code.clone(),
                count: g.count,
            })
            .collect(),
        by_region: view
            .by_region
            .iter()
            .map(|(r, n)| IssueCountJson {
                key: r.code().to_owned(),
                count: *n,
            })
            .collect(),
        items: view
            .issues
            .into_iter()
            .map(|i| IssueJson {
                id: i.id,
                issue: i.issue,
                description: i.description,
                stakeholder_group: i.stakeholder_group,
                region: i.region.code().to_owned(),
                submitted_at: i.submitted_at.to_rfc3339_seconds(),
            })
            .collect(),
    }))
}

/// An input to the call for issues.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct NewIssueJson {
    /// At most 200 characters.
    issue: String,
    /// At most 3000 characters.
    #[serde(default)]
    description: String,
    /// One of the forum's stakeholder group codes.
    stakeholder_group: String,
    /// `african`, `asia_pacific`, `eastern_european`, `grulac`, `weog` or `none`.
    region: String,
    /// Optional; kept private.
    #[serde(default)]
    name: String,
    /// Optional; kept private.
    #[serde(default)]
    email: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct IssueSubmittedJson {
    id: i64,
}

/// Send an issue (anyone, with or without a token, while the call is open). A bad field gives
/// 422 `invalid_field` naming the first one (the message lists all); outside the window 422
/// `call_closed` or `call_not_open`, with the date.
#[utoipa::path(post, path = "/api/v1/forums/{slug}/cycles/{year}/issues",
    params(("slug" = String, Path), ("year" = i32, Path)), request_body = NewIssueJson,
    responses((status = 201, body = IssueSubmittedJson), (status = 404, body = ErrorJson),
        (status = 422, body = ErrorJson)))]
pub(crate) async fn submit_issue(
    State(state): State<AppState>,
    ApiCaller(viewer): ApiCaller,
    Path((slug, year)): Path<(String, i32)>,
    ApiJson(body): ApiJson<NewIssueJson>,
) -> Result<Response, ApiError> {
    let form = IssueForm {
        issue: body.issue,
        description: body.description,
        stakeholder_group: body.stakeholder_group,
        region: body.region,
        name: body.name,
        email: body.email,
    };
    match issues::submit(&state.app, &viewer, &slug, year, &form).await? {
        SubmitOutcome::Submitted(id) => {
            Ok((StatusCode::CREATED, Json(IssueSubmittedJson { id })).into_response())
        }
        SubmitOutcome::Invalid(errors) => Err(ApiError::InvalidField {
            field: errors
                .first()
                .map_or_else(|| "body".to_owned(), |e| e.field.to_owned()),
            message: errors
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join("; "),
        }),
    }
}
