//! The JSON API under `/api/v1` (conventions in docs/API-DESIGN.md) and its OpenAPI
//! document. Request and response types end in `Json`; they are the API's contract
//! and are converted from domain types by hand here, so a domain rename never
//! silently changes the API.

pub(crate) mod nominations;

use axum::Json;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use plenary_app::{accounts, audit, countries, forums};
use plenary_domain::AccountId;
use plenary_domain::forums::Forum;
use plenary_domain::permissions::Role;
use serde::{Deserialize, Serialize};
use utoipa::{OpenApi, ToSchema};

pub(crate) mod constitution;

use crate::AppState;
use crate::error::ApiError;
use crate::forms::ApiJson;
use crate::pages::audit::filter::AuditQuery;
use crate::visit::ApiCaller;

pub(crate) mod seats;
pub(crate) mod slates;
// Yearly cycles and the call for issues.
pub(crate) mod cycles;

// Session proposals and screening (issue 4).
pub(crate) mod proposals;
// Review: queue, reviews, conflicts, assignment, progress, synthesis (issue 5).
pub(crate) mod review;

#[derive(OpenApi)]
#[openapi(
    info(title = "Plenary API", version = "1", description = "Forums, people and roles, countries, bodies (rosters, constitution versions, host countries, nomination calls, seats, slate runs), yearly cycles with their calls for issues, and the audit trail. Conventions: docs/API-DESIGN.md."),
    paths(list_forums, get_forum, add_stakeholder_group, body_roster, seats::body_seats, seats::record_engagement, seats::renew, seats::resign,
        nominations::list_calls, nominations::submit_nomination, nominations::list_nominations,
        list_countries, me, list_people, grant_role, revoke_role, list_audit,
        constitution::list_versions, constitution::get_version, constitution::submit_version, constitution::list_hosts, constitution::set_host,
        slates::list_slate_runs, slates::create_slate_run, slates::get_slate_run, slates::record_slate_decision, slates::seat_appointed,
        cycles::list_cycles, cycles::get_cycle, cycles::put_cycle, cycles::list_issues, cycles::submit_issue),
    components(schemas(nominations::CallJson, nominations::CallListJson, nominations::NewNominationJson, nominations::EndorsementJson,
        nominations::SubmittedJson, nominations::NominatorJson, nominations::CheckJson, nominations::NominationJson,
        nominations::NominationListJson, RosterJson, RosterMemberJson, FilledSeatJson, BalanceJson, ErrorJson, ErrorBodyJson, ForumJson, ForumDetailJson, StakeholderGroupJson, NewStakeholderGroupJson, ForumListJson,
        CountryJson, CountryListJson, MeJson, ForumRoleJson, PersonRoleJson, PeopleListJson, GrantRoleJson, GrantedJson,
        AuditEventJson, AuditPageJson, seats::SeatsJson, seats::SeatJson, seats::EngagementJson, seats::VacancyJson, seats::OfficerJson,
        seats::NewEngagementJson, seats::RenewJson, seats::RenewedJson, seats::ResignJson,
        constitution::ConstitutionVersionJson, constitution::ConstitutionVersionListJson, constitution::ConstitutionDocumentJson,
        constitution::NewConstitutionVersionJson, constitution::StoredVersionJson, constitution::HostJson, constitution::HostListJson,
        constitution::NewHostJson,
        slates::SlateRunJson, slates::SlateRunListJson, slates::NewSlateRunJson, slates::SlateRunDetailJson, slates::SlateDecisionJson, slates::NewSlateDecisionJson, slates::SeatedJson,
        cycles::CycleSummaryJson, cycles::CycleListJson, cycles::CycleJson, cycles::SetupDocumentJson, cycles::IssueJson,
        cycles::IssueCountJson, cycles::IssuesJson, cycles::NewIssueJson, cycles::IssueSubmittedJson)),
    modifiers(&BearerAuth),
)]
struct ApiDoc;

struct BearerAuth;

impl utoipa::Modify for BearerAuth {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(HttpBuilder::new().scheme(HttpAuthScheme::Bearer).build()),
        );
    }
}

/// The OpenAPI document, pretty-printed (also the snapshot the tests compare).
pub fn openapi_json() -> String {
    let mut doc = ApiDoc::openapi();
    doc.merge(proposals::ProposalsDoc::openapi());
    doc.merge(review::ReviewDoc::openapi());
    doc.to_pretty_json().unwrap_or_else(|_| "{}".into())
}

/// GET /api/v1/openapi.json
pub(crate) async fn openapi() -> Response {
    (
        [(axum::http::header::CONTENT_TYPE, "application/json")],
        openapi_json(),
    )
        .into_response()
}

/// The error envelope.
#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct ErrorJson {
    error: ErrorBodyJson,
}

#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct ErrorBodyJson {
    /// A stable snake_case code (`not_found`, `unknown_field`, …).
    code: String,
    message: String,
    /// The offending field, for `unknown_field` and `invalid_field`.
    field: Option<String>,
}

#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct ForumJson {
    slug: String,
    name: String,
    /// `global`, `regional`, `subregional`, `national` or `youth`.
    kind: String,
    /// ISO 3166-1 alpha-2 of the country an NRI serves.
    country: Option<String>,
    default_language: String,
    time_zone: String,
}

fn forum_json(forum: &Forum) -> ForumJson {
    ForumJson {
        slug: forum.slug.as_str().to_owned(),
        name: forum.name.clone(),
        kind: forum.kind.code().to_owned(),
        country: forum.country_iso2.clone(),
        default_language: forum.default_language.code().to_owned(),
        time_zone: forum.time_zone.clone(),
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct ForumListJson {
    items: Vec<ForumJson>,
}

#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct StakeholderGroupJson {
    code: String,
    name: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct ForumDetailJson {
    #[serde(flatten)]
    forum: ForumJson,
    stakeholder_groups: Vec<StakeholderGroupJson>,
    /// The caller's roles in this forum (empty for anonymous callers).
    your_roles: Vec<String>,
}

/// Every forum on the installation.
#[utoipa::path(get, path = "/api/v1/forums", responses((status = 200, body = ForumListJson)))]
pub(crate) async fn list_forums(
    State(state): State<AppState>,
) -> Result<Json<ForumListJson>, ApiError> {
    let list = forums::list_forums(&state.app).await?;
    Ok(Json(ForumListJson {
        items: list.iter().map(forum_json).collect(),
    }))
}

/// One forum with its stakeholder groups.
#[utoipa::path(get, path = "/api/v1/forums/{slug}", params(("slug" = String, Path)),
    responses((status = 200, body = ForumDetailJson), (status = 404, body = ErrorJson)))]
pub(crate) async fn get_forum(
    State(state): State<AppState>,
    ApiCaller(viewer): ApiCaller,
    Path(slug): Path<String>,
) -> Result<Json<ForumDetailJson>, ApiError> {
    let home = forums::forum_home(&state.app, &viewer, &slug).await?;
    Ok(Json(ForumDetailJson {
        forum: forum_json(&home.forum),
        stakeholder_groups: home
            .stakeholder_groups
            .into_iter()
            .map(|g| StakeholderGroupJson {
                code: g.code,
                name: g.name,
            })
            .collect(),
        your_roles: home
            .viewer_roles
            .iter()
            .map(|r| r.code().to_owned())
            .collect(),
    }))
}

/// A stakeholder group to add to a forum.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct NewStakeholderGroupJson {
    /// 2 to 40 of a-z, 0-9 and _, starting with a letter; unique in the forum.
    code: String,
    name: String,
}

/// Add a stakeholder group to a forum (secretariat only).
#[utoipa::path(post, path = "/api/v1/forums/{slug}/stakeholder_groups", params(("slug" = String, Path)),
    request_body = NewStakeholderGroupJson, security(("bearer" = [])),
    responses((status = 201, body = StakeholderGroupJson), (status = 401, body = ErrorJson), (status = 403, body = ErrorJson),
        (status = 409, body = ErrorJson), (status = 422, body = ErrorJson)))]
pub(crate) async fn add_stakeholder_group(
    State(state): State<AppState>,
    ApiCaller(viewer): ApiCaller,
    Path(slug): Path<String>,
    ApiJson(body): ApiJson<NewStakeholderGroupJson>,
) -> Result<Response, ApiError> {
    let group =
        forums::add_stakeholder_group(&state.app, &viewer, &slug, &body.code, &body.name).await?;
    Ok((
        StatusCode::CREATED,
        Json(StakeholderGroupJson {
            code: group.code,
            name: group.name,
        }),
    )
        .into_response())
}

#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct RosterMemberJson {
    name: String,
    /// `regular`, `ex_officio:<role>`, `standing_host_country` or `observer`.
    seat: String,
    stakeholder_group: String,
    country: Option<String>,
    un_regional_group: String,
    gender: String,
    term_number: i64,
}

#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct BalanceJson {
    /// `stakeholder_group`, `region` or `gender`.
    dimension: String,
    key: String,
    /// Regular members in this category.
    count: u32,
}

#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct RosterJson {
    body: String,
    name: String,
    year: i32,
    constitution: String,
    constitution_version: i64,
    members: Vec<RosterMemberJson>,
    balance: Vec<BalanceJson>,
    /// The composition check, one plain-English sentence per deviation (empty: none).
    deviations: Vec<String>,
    /// The ex officio seats filled by position for the year (host countries from the forum's
    /// host list, the MAG chair on record).
    ex_officio: Vec<FilledSeatJson>,
    /// The standing seats of former host countries, most recent host first.
    standing_seats: Vec<FilledSeatJson>,
}

/// A seat filled by position. Both `country` and `holder` are null when it is to be named.
#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct FilledSeatJson {
    /// `ex_officio:<role>` or `standing_host_country`.
    seat: String,
    /// ISO 3166-1 alpha-2, for a seat held by a country.
    country: Option<String>,
    /// The country's or the person's name.
    holder: Option<String>,
}

fn filled_seat_json(
    seat: String,
    holder: &plenary_app::bodies::roster::SeatHolder,
) -> FilledSeatJson {
    use plenary_app::bodies::roster::SeatHolder;
    let (country, holder) = match holder {
        SeatHolder::Country { iso2, name } => (Some(iso2.clone()), Some(name.clone())),
        SeatHolder::Person { name } => (None, Some(name.clone())),
        SeatHolder::ToBeNamed => (None, None),
    };
    FilledSeatJson {
        seat,
        country,
        holder,
    }
}

#[derive(Debug, Deserialize)]
pub(crate) struct YearParam {
    year: Option<i32>,
}

/// A body's roster in a year (default: the latest), with its balance and composition check.
#[utoipa::path(get, path = "/api/v1/forums/{slug}/bodies/{body}/roster",
    params(("slug" = String, Path), ("body" = String, Path), ("year" = Option<i32>, Query)),
    responses((status = 200, body = RosterJson), (status = 404, body = ErrorJson), (status = 422, body = ErrorJson)))]
pub(crate) async fn body_roster(
    State(state): State<AppState>,
    ApiCaller(viewer): ApiCaller,
    Path((slug, body)): Path<(String, String)>,
    Query(query): Query<YearParam>,
) -> Result<Json<RosterJson>, ApiError> {
    let roster =
        plenary_app::bodies::roster::roster(&state.app, &viewer, &slug, &body, query.year).await?;
    Ok(Json(RosterJson {
        body: roster.body.slug.clone(),
        name: roster.body.name.clone(),
        year: roster.year,
        constitution: roster.constitution.rules().name.clone(),
        constitution_version: roster.constitution_version,
        members: roster
            .members
            .iter()
            .map(|m| RosterMemberJson {
                name: m.name.clone(),
                seat: plenary_app::bodies::roster::seat_kind_code(&m.seat),
                stakeholder_group: m.stakeholder_group.clone(),
                country: m.country_iso2.clone(),
                un_regional_group: m.region.code().to_owned(),
                gender: m.gender.clone(),
                term_number: m.term_number,
            })
            .collect(),
        balance: roster
            .balance
            .iter()
            .map(|b| BalanceJson {
                dimension: b.dimension.to_owned(),
                key: b.key.clone(),
                count: b.count,
            })
            .collect(),
        ex_officio: roster
            .ex_officio
            .iter()
            .map(|seat| {
                filled_seat_json(
                    plenary_app::bodies::roster::seat_kind_code(
                        &plenary_domain::bodies::SeatKind::ExOfficio(seat.role.clone()),
                    ),
                    &seat.holder,
                )
            })
            .collect(),
        standing_seats: roster
            .standing
            .iter()
            .map(|holder| filled_seat_json("standing_host_country".to_owned(), holder))
            .collect(),
        deviations: roster.deviations,
    }))
}

#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct CountryJson {
    iso2: String,
    iso3: String,
    numeric: String,
    name: String,
    /// `african`, `asia_pacific`, `eastern_european`, `grulac`, `weog` or `none`.
    un_regional_group: String,
    m49_region: String,
    /// `developed`, `economy_in_transition`, `developing`, or null when unclassified.
    development_status: Option<String>,
    ldc: bool,
    lldc: bool,
    sids: bool,
}

#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct CountryListJson {
    items: Vec<CountryJson>,
}

/// The countries reference table.
#[utoipa::path(get, path = "/api/v1/countries", responses((status = 200, body = CountryListJson)))]
pub(crate) async fn list_countries(
    State(state): State<AppState>,
) -> Result<Json<CountryListJson>, ApiError> {
    let list = countries::list_countries(&state.app).await?;
    Ok(Json(CountryListJson {
        items: list
            .into_iter()
            .map(|c| CountryJson {
                un_regional_group: c.un_regional_group.code().to_owned(),
                development_status: c.development_status.map(|s| s.code().to_owned()),
                iso2: c.iso2,
                iso3: c.iso3,
                numeric: c.numeric,
                name: c.name,
                m49_region: c.m49_region,
                ldc: c.ldc,
                lldc: c.lldc,
                sids: c.sids,
            })
            .collect(),
    }))
}

#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct ForumRoleJson {
    forum: String,
    role: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct MeJson {
    id: i64,
    email: String,
    display_name: String,
    language: Option<String>,
    roles: Vec<ForumRoleJson>,
}

/// The account the token belongs to, with its roles.
#[utoipa::path(get, path = "/api/v1/me", security(("bearer" = [])),
    responses((status = 200, body = MeJson), (status = 401, body = ErrorJson)))]
pub(crate) async fn me(
    State(state): State<AppState>,
    ApiCaller(viewer): ApiCaller,
) -> Result<Json<MeJson>, ApiError> {
    let overview = accounts::account_overview(&state.app, &viewer).await?;
    Ok(Json(MeJson {
        id: overview.account.id.0,
        email: overview.account.email.as_str().to_owned(),
        display_name: overview.account.display_name.as_str().to_owned(),
        language: overview.account.language.map(|l| l.code().to_owned()),
        roles: overview
            .roles
            .into_iter()
            .map(|(forum, role)| ForumRoleJson {
                forum,
                role: role.code().to_owned(),
            })
            .collect(),
    }))
}

#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct PersonRoleJson {
    account_id: i64,
    email: String,
    display_name: String,
    role: String,
    /// RFC 3339, UTC.
    granted_at: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct PeopleListJson {
    items: Vec<PersonRoleJson>,
}

/// Everyone holding a role in the forum (secretariat only).
#[utoipa::path(get, path = "/api/v1/forums/{slug}/roles", params(("slug" = String, Path)), security(("bearer" = [])),
    responses((status = 200, body = PeopleListJson), (status = 401, body = ErrorJson), (status = 403, body = ErrorJson)))]
pub(crate) async fn list_people(
    State(state): State<AppState>,
    ApiCaller(viewer): ApiCaller,
    Path(slug): Path<String>,
) -> Result<Json<PeopleListJson>, ApiError> {
    let (_, holders) = forums::people(&state.app, &viewer, &slug).await?;
    Ok(Json(PeopleListJson {
        items: holders
            .into_iter()
            .map(|h| PersonRoleJson {
                account_id: h.account.0,
                email: h.email,
                display_name: h.display_name,
                role: h.role.code().to_owned(),
                granted_at: h.granted_at.to_rfc3339_seconds(),
            })
            .collect(),
    }))
}

/// Grant a role in a forum to an existing account.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct GrantRoleJson {
    email: String,
    /// `secretariat`, `chair`, `body_member`, `reviewer`, `organiser` or `participant`.
    role: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct GrantedJson {
    /// False when the account already held the role (nothing changed).
    granted: bool,
}

/// Grant a role (secretariat only). 201 when granted, 200 when already held.
#[utoipa::path(post, path = "/api/v1/forums/{slug}/roles", params(("slug" = String, Path)), request_body = GrantRoleJson,
    security(("bearer" = [])),
    responses((status = 201, body = GrantedJson), (status = 200, body = GrantedJson), (status = 401, body = ErrorJson),
        (status = 403, body = ErrorJson), (status = 422, body = ErrorJson)))]
pub(crate) async fn grant_role(
    State(state): State<AppState>,
    ApiCaller(viewer): ApiCaller,
    Path(slug): Path<String>,
    ApiJson(body): ApiJson<GrantRoleJson>,
) -> Result<Response, ApiError> {
    let role = Role::parse(&body.role).map_err(plenary_app::ActionError::from)?;
    let granted = forums::grant_role(&state.app, &viewer, &slug, &body.email, role).await?;
    let status = if granted {
        StatusCode::CREATED
    } else {
        StatusCode::OK
    };
    Ok((status, Json(GrantedJson { granted })).into_response())
}

/// Revoke a role (secretariat only).
#[utoipa::path(delete, path = "/api/v1/forums/{slug}/roles/{account_id}/{role}",
    params(("slug" = String, Path), ("account_id" = i64, Path), ("role" = String, Path)), security(("bearer" = [])),
    responses((status = 204), (status = 401, body = ErrorJson), (status = 403, body = ErrorJson), (status = 404, body = ErrorJson)))]
pub(crate) async fn revoke_role(
    State(state): State<AppState>,
    ApiCaller(viewer): ApiCaller,
    Path((slug, account_id, role)): Path<(String, i64, String)>,
) -> Result<StatusCode, ApiError> {
    let role = Role::parse(&role).map_err(plenary_app::ActionError::from)?;
    forums::revoke_role(&state.app, &viewer, &slug, AccountId(account_id), role).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct AuditEventJson {
    id: i64,
    /// RFC 3339, UTC.
    at: String,
    /// `account:ID` or `system:WHAT`.
    actor: String,
    action: String,
    entity_type: String,
    entity_id: String,
    /// JSON snapshot before the change, as text.
    before: Option<String>,
    /// JSON snapshot after the change, as text.
    after: Option<String>,
}

#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct AuditPageJson {
    items: Vec<AuditEventJson>,
    /// Pass as `before` to get the next (older) page; null on the last page.
    next_before: Option<i64>,
}

/// The forum's audit trail, newest first (secretariat only). Seek pagination with `before`.
#[utoipa::path(get, path = "/api/v1/forums/{slug}/audit",
    params(("slug" = String, Path), ("action" = Option<String>, Query), ("entity_type" = Option<String>, Query),
        ("since" = Option<String>, Query), ("until" = Option<String>, Query), ("before" = Option<i64>, Query), ("limit" = Option<i64>, Query)),
    security(("bearer" = [])),
    responses((status = 200, body = AuditPageJson), (status = 401, body = ErrorJson), (status = 403, body = ErrorJson)))]
pub(crate) async fn list_audit(
    State(state): State<AppState>,
    ApiCaller(viewer): ApiCaller,
    Path(slug): Path<String>,
    Query(query): Query<AuditQuery>,
) -> Result<Json<AuditPageJson>, ApiError> {
    let filter = query.to_filter().map_err(plenary_app::ActionError::from)?;
    let limit = query.limit.unwrap_or(50).clamp(1, 200);
    let events = audit::list(&state.app, &viewer, &slug, filter, limit).await?;
    let next_before = (events.len() as i64 == limit)
        .then(|| events.last().map(|e| e.id))
        .flatten();
    Ok(Json(AuditPageJson {
        items: events
            .into_iter()
            .map(|e| AuditEventJson {
                id: e.id,
                at: e.at.to_rfc3339_seconds(),
                actor: e.actor_label,
                action: e.action,
                entity_type: e.entity_type,
                entity_id: e.entity_id,
                before: e.before,
                after: e.after,
            })
            .collect(),
        next_before,
    }))
}

/// GET /healthz: the process is up.
pub(crate) async fn healthz() -> Json<serde_json::Value> {
    Json(serde_json::json!({"status": "ok"}))
}

/// GET /readyz: the database answers and its schema matches this binary.
pub(crate) async fn readyz(State(state): State<AppState>) -> Response {
    match state.app.readiness().await {
        Ok(plenary_app::SchemaStatus::Current) => Json(serde_json::json!({"status": "ready"})).into_response(),
        Ok(other) => (
            StatusCode::SERVICE_UNAVAILABLE,
            Json(serde_json::json!({"status": "schema_mismatch", "detail": format!("{other:?}"), "hint": "run `plenary migrate`"})),
        )
            .into_response(),
        Err(err) => (
            StatusCode::SERVICE_UNAVAILABLE,
            Json(serde_json::json!({"status": "database_unavailable", "detail": err.to_string()})),
        )
            .into_response(),
    }
}

/// Any unknown URL under /api.
pub(crate) async fn api_not_found() -> ApiError {
    ApiError::NotFound
}
