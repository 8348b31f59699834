//! The JSON API of nomination calls: the body's calls (public), submitting a nomination
//! (public, like the form) and the secretariat's list with eligibility checks and duplicates.

use axum::Json;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use plenary_app::bodies::nominations::{
    self as nominations, NominationStatus, RawNomination, ReviewFilter, SubmitOutcome,
};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::AppState;
use crate::error::ApiError;
use crate::forms::ApiJson;
use crate::visit::ApiCaller;

#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct CallJson {
    cycle_year: i32,
    title: String,
    description: String,
    /// RFC 3339, UTC.
    opens_at: String,
    /// RFC 3339, UTC; the call accepts nominations until just before this instant.
    closes_at: String,
    is_open: bool,
}

#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct CallListJson {
    items: Vec<CallJson>,
}

/// A body's nomination calls, newest cycle first.
#[utoipa::path(get, path = "/api/v1/forums/{slug}/bodies/{body}/calls",
    params(("slug" = String, Path), ("body" = String, Path)),
    responses((status = 200, body = CallListJson), (status = 404, body = crate::api::ErrorJson)))]
pub(crate) async fn list_calls(
    State(state): State<AppState>,
    ApiCaller(viewer): ApiCaller,
    Path((slug, body)): Path<(String, String)>,
) -> Result<Json<CallListJson>, ApiError> {
    let list = nominations::calls(&state.app, &viewer, &slug, &body).await?;
    Ok(Json(CallListJson {
        items: list
            .calls
            .into_iter()
            .map(|c| CallJson {
                cycle_year: c.cycle_year,
                title: c.title,
                description: c.description,
                opens_at: c.opens_at.to_rfc3339_seconds(),
                closes_at: c.closes_at.to_rfc3339_seconds(),
                is_open: c.is_open,
            })
            .collect(),
    }))
}

#[derive(Debug, Deserialize, Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct EndorsementJson {
    /// The stakeholder-group organisation or process that endorses the candidate.
    organisation: String,
    #[serde(default)]
    note: String,
}

/// A nomination to submit while the call is open.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct NewNominationJson {
    /// True when the candidate nominates themselves (the nominator fields are then ignored).
    #[serde(default)]
    self_nomination: bool,
    candidate_name: String,
    candidate_email: String,
    /// One of the forum's stakeholder group codes.
    stakeholder_group: String,
    /// ISO 3166-1 alpha-2.
    country: String,
    /// As the candidate describes it; optional.
    #[serde(default)]
    gender: String,
    #[serde(default)]
    organisation: String,
    #[serde(default)]
    statement: String,
    #[serde(default)]
    nominator_name: String,
    #[serde(default)]
    nominator_email: String,
    #[serde(default)]
    endorsements: Vec<EndorsementJson>,
}

#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct SubmittedJson {
    id: i64,
}

/// Submit a nomination (anyone, while the call is open). A bad field gives 422
/// `invalid_field` naming the first one (the message lists all); a closed call 422 `call_closed`.
#[utoipa::path(post, path = "/api/v1/forums/{slug}/bodies/{body}/calls/{year}/nominations",
    params(("slug" = String, Path), ("body" = String, Path), ("year" = i32, Path)),
    request_body = NewNominationJson,
    responses((status = 201, body = SubmittedJson), (status = 404, body = crate::api::ErrorJson),
        (status = 422, body = crate::api::ErrorJson)))]
pub(crate) async fn submit_nomination(
    State(state): State<AppState>,
    ApiCaller(viewer): ApiCaller,
    Path((slug, body, year)): Path<(String, String, i32)>,
    ApiJson(input): ApiJson<NewNominationJson>,
) -> Result<Response, ApiError> {
    let raw = RawNomination {
        self_nomination: input.self_nomination,
        candidate_name: input.candidate_name,
        candidate_email: input.candidate_email,
        stakeholder_group: input.stakeholder_group,
        country_iso2: input.country,
        gender: input.gender,
        organisation: input.organisation,
        statement: input.statement,
        nominator_name: input.nominator_name,
        nominator_email: input.nominator_email,
        endorsements: input
            .endorsements
            .into_iter()
            .map(|e| (e.organisation, e.note))
            .collect(),
    };
    match nominations::submit(&state.app, &viewer, &slug, &body, year, &raw).await? {
        SubmitOutcome::Submitted(id) => {
            Ok((StatusCode::CREATED, Json(SubmittedJson { id })).into_response())
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

#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct NominatorJson {
    name: String,
    email: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct CheckJson {
    /// `stakeholder_group`, `group_seated`, `country`, `region_seated`, `term_limit` or `statement`.
    code: String,
    passed: bool,
    /// Plain language.
    reason: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct NominationJson {
    id: i64,
    candidate_name: String,
    candidate_email: String,
    stakeholder_group: String,
    country: String,
    un_regional_group: String,
    gender: String,
    organisation: String,
    statement: String,
    self_nomination: bool,
    /// `submitted`, `eligible`, `ineligible`, `withdrawn` or `merged`.
    status: String,
    /// The secretariat's merit score, 0–100.
    score: Option<i64>,
    note: String,
    nominated_by: Vec<NominatorJson>,
    endorsements: Vec<EndorsementJson>,
    checks: Vec<CheckJson>,
    /// Ids of other nominations that look like the same candidate.
    duplicates: Vec<i64>,
    merged_into: Option<i64>,
    /// Never held a seat of this body.
    first_time: bool,
    /// RFC 3339, UTC.
    submitted_at: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct NominationListJson {
    items: Vec<NominationJson>,
}

#[derive(Debug, Deserialize)]
pub(crate) struct NominationQuery {
    status: Option<String>,
    stakeholder_group: Option<String>,
}

/// A call's nominations with their eligibility checks and duplicate flags (secretariat only).
#[utoipa::path(get, path = "/api/v1/forums/{slug}/bodies/{body}/calls/{year}/nominations",
    params(("slug" = String, Path), ("body" = String, Path), ("year" = i32, Path),
        ("status" = Option<String>, Query), ("stakeholder_group" = Option<String>, Query)),
    security(("bearer" = [])),
    responses((status = 200, body = NominationListJson), (status = 401, body = crate::api::ErrorJson),
        (status = 403, body = crate::api::ErrorJson), (status = 404, body = crate::api::ErrorJson)))]
pub(crate) async fn list_nominations(
    State(state): State<AppState>,
    ApiCaller(viewer): ApiCaller,
    Path((slug, body, year)): Path<(String, String, i32)>,
    Query(query): Query<NominationQuery>,
) -> Result<Json<NominationListJson>, ApiError> {
    let status = match query.status.as_deref() {
        None | Some("") => None,
        Some(raw) => Some(NominationStatus::parse(raw).map_err(plenary_app::ActionError::from)?),
    };
    let filter = ReviewFilter {
        status,
        stakeholder_group: query.stakeholder_group.filter(|g| !g.is_empty()),
    };
    let review = nominations::review(&state.app, &viewer, &slug, &body, year, &filter).await?;
    Ok(Json(NominationListJson {
        items: review
            .nominations
            .into_iter()
            .map(|n| NominationJson {
                id: n.id,
                un_regional_group: n.region.code().to_owned(),
                status: n.status.code().to_owned(),
                submitted_at: n.submitted_at.to_rfc3339_seconds(),
                candidate_name: n.candidate_name,
                candidate_email: n.candidate_email,
                stakeholder_group: n.stakeholder_group,
                country: n.country_iso2,
                gender: n.gender,
                organisation: n.organisation,
                statement: n.statement,
                self_nomination: n.self_nomination,
                score: n.score,
                note: n.note,
                nominated_by: n
                    .nominators
                    .into_iter()
                    .map(|(name, email)| NominatorJson { name, email })
                    .collect(),
                endorsements: n
                    .endorsements
                    .into_iter()
                    .map(|(organisation, note)| EndorsementJson { organisation, note })
                    .collect(),
                checks: n
                    .checks
                    .into_iter()
                    .map(|c| CheckJson {
                        code: c.code.to_owned(),
                        passed: c.passed,
                        reason: c.reason,
                    })
                    .collect(),
                duplicates: n.duplicates,
                merged_into: n.merged_into,
                first_time: n.first_time,
            })
            .collect(),
    }))
}
