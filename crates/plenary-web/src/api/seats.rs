//! The secretariat's seat management in the JSON API: a body's seats of a year (with
//! vacancies and officers), engagement records, renewals and resignations. The rules are
//! the domain's; a refusal is a 422 with the rule's stable code and its reason.

use axum::Json;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use plenary_app::bodies::roster::seat_kind_code;
use plenary_app::bodies::seats::{self, EngagementInput, office_code, state_code};
use plenary_domain::Timestamp;
use plenary_domain::bodies::NoticeChannel;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::AppState;
use crate::api::ErrorJson;
use crate::error::ApiError;
use crate::forms::ApiJson;
use crate::visit::ApiCaller;

#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct EngagementJson {
    cycle: i32,
    meetings_attended: u32,
    meetings_held: u32,
    reviews_done: u32,
    reviews_assigned: u32,
    working_groups: u32,
    note: String,
    /// Whether the record meets the constitution's engagement policy.
    satisfactory: bool,
    recorded_by: String,
    recorded_at: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct SeatJson {
    membership: i64,
    person: i64,
    name: String,
    /// `regular`, `ex_officio:<role>`, `standing_host_country` or `observer`.
    seat: String,
    stakeholder_group: String,
    country: Option<String>,
    gender: String,
    term_number: i64,
    starts_at: String,
    ends_at: Option<String>,
    /// `appointed`, `renewed`, `resigned`, `ended` or `rotated_out`.
    state: String,
    /// When the written notice of a resignation was received.
    notice_at: Option<String>,
    engagement: Option<EngagementJson>,
}

#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct VacancyJson {
    membership: i64,
    former_member: String,
    /// The replacement comes from this stakeholder group.
    stakeholder_group: String,
    resigned_at: String,
    /// The seat is refilled at the end of the cycle, never mid-year.
    refill_at: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct OfficerJson {
    /// `chair` or `vice_chair`.
    office: String,
    person: i64,
    name: String,
    stakeholder_group: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct SeatsJson {
    body: String,
    year: i32,
    seats: Vec<SeatJson>,
    vacancies: Vec<VacancyJson>,
    officers: Vec<OfficerJson>,
}

#[derive(Debug, Deserialize)]
pub(crate) struct YearParam {
    year: Option<i32>,
}

fn engagement_json(e: &seats::Engagement) -> EngagementJson {
    EngagementJson {
        cycle: e.cycle_year,
        meetings_attended: e.record.meetings_attended,
        meetings_held: e.record.meetings_held,
        reviews_done: e.record.reviews_done,
        reviews_assigned: e.record.reviews_assigned,
        working_groups: e.record.working_groups,
        note: e.record.note.clone(),
        satisfactory: e.satisfactory,
        recorded_by: e.recorded_by.clone(),
        recorded_at: e.recorded_at.to_rfc3339_seconds(),
    }
}

fn vacancy_json(v: &seats::Vacancy) -> VacancyJson {
    VacancyJson {
        membership: v.membership,
        former_member: v.former_member.clone(),
        stakeholder_group: v.stakeholder_group.clone(),
        resigned_at: v.resigned_at.to_rfc3339_seconds(),
        refill_at: v.refill_at.to_rfc3339_seconds(),
    }
}

/// A body's memberships in force during a year (default: this year), with their state and
/// engagement record, the vacancies to refill and the year's officers (secretariat only).
#[utoipa::path(get, path = "/api/v1/forums/{slug}/bodies/{body}/seats",
    params(("slug" = String, Path), ("body" = String, Path), ("year" = Option<i32>, Query)), security(("bearer" = [])),
    responses((status = 200, body = SeatsJson), (status = 401, body = ErrorJson), (status = 403, body = ErrorJson),
        (status = 404, body = ErrorJson), (status = 422, body = ErrorJson)))]
pub(crate) async fn body_seats(
    State(state): State<AppState>,
    ApiCaller(viewer): ApiCaller,
    Path((slug, body)): Path<(String, String)>,
    Query(query): Query<YearParam>,
) -> Result<Json<SeatsJson>, ApiError> {
    let view = seats::seats(&state.app, &viewer, &slug, &body, query.year).await?;
    Ok(Json(SeatsJson {
        body: view.body.slug.clone(),
        year: view.year,
        seats: view
            .seats
            .iter()
            .map(|s| SeatJson {
                membership: s.membership,
                person: s.person.0,
                name: s.name.clone(),
                seat: seat_kind_code(&s.seat),
                stakeholder_group: s.stakeholder_group.clone(),
                country: s.country_iso2.clone(),
                gender: s.gender.clone(),
                term_number: s.term_number,
                starts_at: s.starts_at.to_rfc3339_seconds(),
                ends_at: s.ends_at.map(Timestamp::to_rfc3339_seconds),
                state: state_code(s.state).to_owned(),
                notice_at: s.notice_at.map(Timestamp::to_rfc3339_seconds),
                engagement: s.engagement.as_ref().map(engagement_json),
            })
            .collect(),
        vacancies: view.vacancies.iter().map(vacancy_json).collect(),
        officers: view
            .officers
            .iter()
            .map(|o| OfficerJson {
                office: office_code(o.office).to_owned(),
                person: o.person.0,
                name: o.name.clone(),
                stakeholder_group: o.stakeholder_group.clone(),
            })
            .collect(),
    }))
}

/// What a member did in a cycle.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct NewEngagementJson {
    /// A year in which the membership was in force.
    cycle: i32,
    meetings_attended: u32,
    meetings_held: u32,
    reviews_done: u32,
    reviews_assigned: u32,
    #[serde(default)]
    working_groups: u32,
    #[serde(default)]
    note: String,
}

/// Record (or correct) a membership's engagement record for a cycle (secretariat only).
#[utoipa::path(post, path = "/api/v1/forums/{slug}/bodies/{body}/memberships/{membership}/engagement",
    params(("slug" = String, Path), ("body" = String, Path), ("membership" = i64, Path)),
    request_body = NewEngagementJson, security(("bearer" = [])),
    responses((status = 200, body = EngagementJson), (status = 401, body = ErrorJson), (status = 403, body = ErrorJson),
        (status = 404, body = ErrorJson), (status = 422, body = ErrorJson)))]
pub(crate) async fn record_engagement(
    State(state): State<AppState>,
    ApiCaller(viewer): ApiCaller,
    Path((slug, body, membership)): Path<(String, String, i64)>,
    ApiJson(input): ApiJson<NewEngagementJson>,
) -> Result<Json<EngagementJson>, ApiError> {
    let engagement = seats::record_engagement(
        &state.app,
        &viewer,
        &slug,
        &body,
        membership,
        input.cycle,
        &EngagementInput {
            meetings_attended: input.meetings_attended,
            meetings_held: input.meetings_held,
            reviews_done: input.reviews_done,
            reviews_assigned: input.reviews_assigned,
            working_groups: input.working_groups,
            note: input.note,
        },
    )
    .await?;
    Ok(Json(engagement_json(&engagement)))
}

/// A renewal request.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct RenewJson {
    /// Renew despite a missing or unsatisfactory engagement record (never past the term
    /// limit); kept in the audit trail.
    #[serde(default)]
    override_reason: Option<String>,
}

#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct RenewedJson {
    /// The next-term membership.
    membership: i64,
}

/// Renew a member for the next term (secretariat only). Refused (422) with the domain's
/// reason at the term limit (`term_limit_reached`), when the engagement record is missing
/// (`engagement_missing`) or below the policy (`engagement_not_satisfactory`).
#[utoipa::path(post, path = "/api/v1/forums/{slug}/bodies/{body}/memberships/{membership}/renew",
    params(("slug" = String, Path), ("body" = String, Path), ("membership" = i64, Path)),
    request_body = RenewJson, security(("bearer" = [])),
    responses((status = 201, body = RenewedJson), (status = 401, body = ErrorJson), (status = 403, body = ErrorJson),
        (status = 404, body = ErrorJson), (status = 409, body = ErrorJson), (status = 422, body = ErrorJson)))]
pub(crate) async fn renew(
    State(state): State<AppState>,
    ApiCaller(viewer): ApiCaller,
    Path((slug, body, membership)): Path<(String, String, i64)>,
    ApiJson(input): ApiJson<RenewJson>,
) -> Result<Response, ApiError> {
    let id = seats::renew_membership(
        &state.app,
        &viewer,
        &slug,
        &body,
        membership,
        input.override_reason.as_deref(),
    )
    .await?;
    Ok((StatusCode::CREATED, Json(RenewedJson { membership: id })).into_response())
}

/// A resignation by written notice.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct ResignJson {
    /// When the member's written notice was received (RFC 3339).
    notice_received_at: String,
    /// `letter` or `email`.
    channel: String,
}

/// Record a resignation (secretariat only): the seat stays vacant until the end of the cycle
/// and is refilled from the same stakeholder group; the answer is that vacancy.
#[utoipa::path(post, path = "/api/v1/forums/{slug}/bodies/{body}/memberships/{membership}/resign",
    params(("slug" = String, Path), ("body" = String, Path), ("membership" = i64, Path)),
    request_body = ResignJson, security(("bearer" = [])),
    responses((status = 200, body = VacancyJson), (status = 401, body = ErrorJson), (status = 403, body = ErrorJson),
        (status = 404, body = ErrorJson), (status = 422, body = ErrorJson)))]
pub(crate) async fn resign(
    State(state): State<AppState>,
    ApiCaller(viewer): ApiCaller,
    Path((slug, body, membership)): Path<(String, String, i64)>,
    ApiJson(input): ApiJson<ResignJson>,
) -> Result<Json<VacancyJson>, ApiError> {
    let invalid = |field: &str, message: &str| ApiError::InvalidField {
        field: field.to_owned(),
        message: message.to_owned(),
    };
    let notice: Timestamp = input
        .notice_received_at
        .trim()
        .parse()
        .map_err(|_| invalid("notice_received_at", "an RFC 3339 timestamp"))?;
    let channel = match input.channel.as_str() {
        "letter" => NoticeChannel::Letter,
        "email" => NoticeChannel::Email,
        _ => return Err(invalid("channel", "letter or email")),
    };
    let vacancy = seats::resign_membership(
        &state.app, &viewer, &slug, &body, membership, notice, channel,
    )
    .await?;
    Ok(Json(vacancy_json(&vacancy)))
}
