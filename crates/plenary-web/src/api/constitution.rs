//! The JSON API for constitution versions and the forum's host-country list.
//!
//! Versions: list, read one (TOML text and summary), submit a new one (TOML or JSON text;
//! refused with 422 `invalid_constitution` and every problem). Hosts: the public list and
//! the secretariat's upsert of one year.

use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use plenary_app::bodies::constitution::{self, Submitted, VersionInfo};
use plenary_app::bodies::document::{self, DocumentFormat};
use plenary_app::forums::hosts::{self, HostEntry, HostInput};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::AppState;
use crate::error::ApiError;
use crate::forms::ApiJson;
use crate::visit::ApiCaller;

#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct ConstitutionVersionJson {
    version: i64,
    /// RFC 3339, UTC.
    created_at: String,
    /// The account's display name, or `system:cli` / `system:demo`.
    created_by: String,
}

fn version_json(info: &VersionInfo) -> ConstitutionVersionJson {
    ConstitutionVersionJson {
        version: info.version,
        created_at: info.created_at.to_rfc3339_seconds(),
        created_by: info.created_by.clone(),
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct ConstitutionVersionListJson {
    /// Oldest first; the last one is in force.
    items: Vec<ConstitutionVersionJson>,
}

#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct ConstitutionDocumentJson {
    #[serde(flatten)]
    version: ConstitutionVersionJson,
    name: String,
    /// The document as stored (docs/constitution-format.md).
    toml: String,
    /// The same document in its JSON form, as text.
    json: String,
    /// The rules in plain English, quotas resolved into seats for the largest size.
    summary: Vec<String>,
}

/// A new constitution version.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct NewConstitutionVersionJson {
    /// `toml` or `json`.
    format: String,
    /// The whole document, as text.
    document: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct StoredVersionJson {
    version: i64,
}

/// Every version of a body's constitution (secretariat only).
#[utoipa::path(get, path = "/api/v1/forums/{slug}/bodies/{body}/constitution/versions",
    params(("slug" = String, Path), ("body" = String, Path)), security(("bearer" = [])),
    responses((status = 200, body = ConstitutionVersionListJson), (status = 401, body = crate::api::ErrorJson),
        (status = 403, body = crate::api::ErrorJson), (status = 404, body = crate::api::ErrorJson)))]
pub(crate) async fn list_versions(
    State(state): State<AppState>,
    ApiCaller(viewer): ApiCaller,
    Path((slug, body)): Path<(String, String)>,
) -> Result<Json<ConstitutionVersionListJson>, ApiError> {
    let history = constitution::history(&state.app, &viewer, &slug, &body).await?;
    Ok(Json(ConstitutionVersionListJson {
        items: history.versions.iter().map(version_json).collect(),
    }))
}

/// One version of a body's constitution (secretariat only).
#[utoipa::path(get, path = "/api/v1/forums/{slug}/bodies/{body}/constitution/versions/{version}",
    params(("slug" = String, Path), ("body" = String, Path), ("version" = i64, Path)), security(("bearer" = [])),
    responses((status = 200, body = ConstitutionDocumentJson), (status = 401, body = crate::api::ErrorJson),
        (status = 403, body = crate::api::ErrorJson), (status = 404, body = crate::api::ErrorJson)))]
pub(crate) async fn get_version(
    State(state): State<AppState>,
    ApiCaller(viewer): ApiCaller,
    Path((slug, body, version)): Path<(String, String, i64)>,
) -> Result<Json<ConstitutionDocumentJson>, ApiError> {
    let stored = constitution::version(&state.app, &viewer, &slug, &body, Some(version)).await?;
    Ok(Json(ConstitutionDocumentJson {
        version: version_json(&stored.info),
        name: stored.constitution.rules().name.clone(),
        json: document::to_json(&stored.constitution),
        summary: document::summary(&stored.constitution, None),
        toml: stored.document,
    }))
}

/// Store a new version of a body's constitution (secretariat only). A document whose rules
/// do not add up is refused with 422 `invalid_constitution`, every problem in the message.
#[utoipa::path(post, path = "/api/v1/forums/{slug}/bodies/{body}/constitution/versions",
    params(("slug" = String, Path), ("body" = String, Path)), request_body = NewConstitutionVersionJson,
    security(("bearer" = [])),
    responses((status = 201, body = StoredVersionJson), (status = 401, body = crate::api::ErrorJson),
        (status = 403, body = crate::api::ErrorJson), (status = 404, body = crate::api::ErrorJson),
        (status = 422, body = crate::api::ErrorJson)))]
pub(crate) async fn submit_version(
    State(state): State<AppState>,
    ApiCaller(viewer): ApiCaller,
    Path((slug, body)): Path<(String, String)>,
    ApiJson(request): ApiJson<NewConstitutionVersionJson>,
) -> Result<Response, ApiError> {
    let format =
        DocumentFormat::from_extension(&request.format).ok_or_else(|| ApiError::InvalidField {
            field: "format".into(),
            message: "`toml` or `json`".into(),
        })?;
    let submitted =
        constitution::submit_version(&state.app, &viewer, &slug, &body, &request.document, format)
            .await?;
    match submitted {
        Submitted::Stored { version, .. } => {
            Ok((StatusCode::CREATED, Json(StoredVersionJson { version })).into_response())
        }
        Submitted::Refused { problems } => Err(ApiError::Rule {
            code: "invalid_constitution",
            message: problems.join("; "),
        }),
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct HostJson {
    year: i32,
    /// ISO 3166-1 alpha-2; null when the meeting was held online.
    country: Option<String>,
    country_name: Option<String>,
    city: Option<String>,
}

fn host_json(entry: &HostEntry) -> HostJson {
    HostJson {
        year: entry.year,
        country: entry.country_iso2.clone(),
        country_name: entry.country_name.clone(),
        city: entry.city.clone(),
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct HostListJson {
    /// Oldest year first.
    items: Vec<HostJson>,
}

/// One year's host, to record or replace.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct NewHostJson {
    year: i32,
    /// ISO 3166-1 alpha-2; null or absent when held online.
    #[serde(default)]
    country: Option<String>,
    #[serde(default)]
    city: Option<String>,
}

/// The countries that hosted the forum's annual meeting, by year.
#[utoipa::path(get, path = "/api/v1/forums/{slug}/hosts", params(("slug" = String, Path)),
    responses((status = 200, body = HostListJson), (status = 404, body = crate::api::ErrorJson)))]
pub(crate) async fn list_hosts(
    State(state): State<AppState>,
    ApiCaller(viewer): ApiCaller,
    Path(slug): Path<String>,
) -> Result<Json<HostListJson>, ApiError> {
    let (_, entries) = hosts::hosts(&state.app, &viewer, &slug).await?;
    Ok(Json(HostListJson {
        items: entries.iter().map(host_json).collect(),
    }))
}

/// Record or replace the host of one year (secretariat only).
#[utoipa::path(post, path = "/api/v1/forums/{slug}/hosts", params(("slug" = String, Path)),
    request_body = NewHostJson, security(("bearer" = [])),
    responses((status = 200, body = HostJson), (status = 401, body = crate::api::ErrorJson),
        (status = 403, body = crate::api::ErrorJson), (status = 422, body = crate::api::ErrorJson)))]
pub(crate) async fn set_host(
    State(state): State<AppState>,
    ApiCaller(viewer): ApiCaller,
    Path(slug): Path<String>,
    ApiJson(request): ApiJson<NewHostJson>,
) -> Result<Json<HostJson>, ApiError> {
    let input = HostInput {
        year: request.year.to_string(),
        country: request.country.unwrap_or_default(),
        city: request.city.unwrap_or_default(),
    };
    let entry = hosts::set_host(&state.app, &viewer, &slug, &input).await?;
    Ok(Json(host_json(&entry)))
}
