//! The JSON API of session proposals and stage-1 screening: the caller's proposals (or,
//! with `?all=1`, the secretariat's filtered list), creating, reading, replacing,
//! submitting and withdrawing a proposal, overriding its screening result, and running
//! the cycle's screening.
//!
//! Each handler calls one `plenary_app::calls::{proposals, screening}` action; the `*Json`
//! types are converted by hand. Documented in `ProposalsDoc`, merged into the API document.

use axum::Json;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use plenary_app::ActionError;
use plenary_app::accounts::Viewer;
use plenary_app::calls::proposals::{
    self as proposals, ListFilter, PersonInput, ProposalInput, ProposalLine, ProposalView,
    ScreeningStatus,
};
use plenary_app::calls::screening;
use plenary_domain::FieldError;
use serde::{Deserialize, Serialize};
use utoipa::{OpenApi, ToSchema};

use crate::AppState;
use crate::api::ErrorJson;
use crate::error::ApiError;
use crate::forms::ApiJson;
use crate::visit::ApiCaller;

/// Every route here needs an account: a caller without a token is told so (401) before
/// anything is looked up.
fn require_account(viewer: &Viewer) -> Result<(), ApiError> {
    if viewer.account.is_none() {
        return Err(ApiError::Unauthenticated);
    }
    Ok(())
}

/// The proposal and screening part of the API document.
#[derive(OpenApi)]
#[openapi(
    paths(
        list_proposals,
        create_proposal,
        get_proposal,
        update_proposal,
        submit_proposal,
        withdraw_proposal,
        override_screening,
        run_screening
    ),
    components(schemas(
        PersonJson,
        ProposalInputJson,
        OutcomeJson,
        ScreeningJson,
        ProposalJson,
        ProposalLineJson,
        ProposalListJson,
        OverrideJson,
        RunScreeningJson,
        ScreeningRunJson
    ))
)]
pub(crate) struct ProposalsDoc;

/// One person on a proposal.
#[derive(Debug, Deserialize, Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct PersonJson {
    /// `organiser`, `speaker`, `moderator`, `online_moderator` or `rapporteur`.
    role: String,
    name: String,
    #[serde(default)]
    email: String,
    #[serde(default)]
    organisation: String,
    /// One of the forum's stakeholder-group codes.
    #[serde(default)]
    stakeholder_group: String,
    /// ISO 3166-1 alpha-2.
    #[serde(default)]
    country: String,
    /// As the person describes it; optional.
    #[serde(default)]
    gender: String,
    #[serde(default)]
    onsite: bool,
    /// `invited`, `provisional` or `confirmed`.
    #[serde(default = "invited")]
    confirmation: String,
}

fn invited() -> String {
    "invited".to_owned()
}

/// A proposal's content, as the form takes it. Only `session_type` and `title` are needed
/// to save a draft; completeness is a screening rule.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct ProposalInputJson {
    /// A session type code of the cycle (`workshop`, `open_forum`…).
    session_type: String,
    title: String,
    /// An issue area code of the cycle.
    #[serde(default)]
    issue_area: String,
    /// One of the session type's formats.
    #[serde(default)]
    format: String,
    /// One of the session type's durations, in minutes (absent: not chosen yet).
    #[serde(default)]
    duration_min: Option<u32>,
    #[serde(default)]
    description: String,
    #[serde(default)]
    policy_questions: String,
    #[serde(default)]
    interaction_plan: String,
    #[serde(default)]
    online_plan: String,
    #[serde(default)]
    expected_outcomes: String,
    #[serde(default)]
    previous_reports: String,
    /// Connection to previous IGF messages.
    #[serde(default)]
    messages_link: String,
    /// Language code (default `en`).
    #[serde(default)]
    language: String,
    /// IANA time zone the proposer reads deadlines in (default: the venue's).
    #[serde(default)]
    proposer_time_zone: String,
    #[serde(default)]
    submitter_organisation: String,
    #[serde(default)]
    submitter_stakeholder_group: String,
    /// ISO 3166-1 alpha-2.
    #[serde(default)]
    submitter_country: String,
    #[serde(default)]
    people: Vec<PersonJson>,
}

/// `?submit=1`: submit the new proposal right after saving it.
#[derive(Debug, Default, Deserialize)]
pub(crate) struct CreateParams {
    #[serde(default)]
    submit: Option<String>,
}

impl ProposalInputJson {
    fn into_input(self) -> ProposalInput {
        ProposalInput {
            session_type: self.session_type,
            title: self.title,
            issue_area: self.issue_area,
            format: self.format,
            duration_min: self.duration_min.map(|d| d.to_string()).unwrap_or_default(),
            description: self.description,
            policy_questions: self.policy_questions,
            interaction_plan: self.interaction_plan,
            online_plan: self.online_plan,
            expected_outcomes: self.expected_outcomes,
            previous_reports: self.previous_reports,
            messages_link: self.messages_link,
            language: self.language,
            proposer_time_zone: self.proposer_time_zone,
            submitter_organisation: self.submitter_organisation,
            submitter_stakeholder_group: self.submitter_stakeholder_group,
            submitter_country_iso2: self.submitter_country,
            people: self
                .people
                .into_iter()
                .map(|p| PersonInput {
                    role: p.role,
                    name: p.name,
                    email: p.email,
                    organisation: p.organisation,
                    stakeholder_group: p.stakeholder_group,
                    country_iso2: p.country,
                    gender: p.gender,
                    onsite: p.onsite,
                    confirmation: p.confirmation,
                })
                .collect(),
        }
    }
}

/// One screening rule's outcome.
#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct OutcomeJson {
    /// The rule code (`confirmed_speakers`, `gender_diversity`…).
    rule: String,
    /// `pass`, `fail` or `not_applicable`.
    verdict: String,
    /// The rule in plain words.
    explanation: String,
    /// What exactly fails (empty when it passes).
    reason: String,
}

/// A proposal's screening: what the rules decided, and the secretariat's override if any.
#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct ScreeningJson {
    /// The status that counts: `pending`, `pass` or `fail`.
    status: String,
    /// What the rules decided.
    computed: String,
    outcomes: Vec<OutcomeJson>,
    /// RFC 3339, UTC; null when not screened yet.
    screened_at: Option<String>,
    /// `pass` or `fail` when the secretariat overrode the rules.
    override_status: Option<String>,
    override_reason: String,
    override_by: String,
}

/// A proposal as its owner or the secretariat sees it.
#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct ProposalJson {
    id: i64,
    /// The number shown publicly, per cycle.
    number: i64,
    cycle: i32,
    /// `draft`, `submitted` or `withdrawn`.
    status: String,
    session_type: String,
    title: String,
    issue_area: String,
    format: String,
    /// Minutes; 0 when not chosen yet.
    duration_min: u32,
    description: String,
    policy_questions: String,
    interaction_plan: String,
    online_plan: String,
    expected_outcomes: String,
    previous_reports: String,
    messages_link: String,
    language: String,
    proposer_time_zone: String,
    submitter_name: String,
    submitter_email: String,
    submitter_organisation: String,
    submitter_stakeholder_group: String,
    submitter_country: String,
    people: Vec<PersonJson>,
    screening: ScreeningJson,
    /// RFC 3339, UTC.
    created_at: String,
    submitted_at: Option<String>,
    updated_at: String,
    /// The call is open and the proposal not withdrawn.
    can_edit: bool,
    /// The deadline in the proposer's time zone.
    deadline: String,
}

fn proposal_json(p: ProposalView) -> ProposalJson {
    let effective = p.screening.effective();
    ProposalJson {
        id: p.id,
        number: p.number,
        cycle: p.cycle_year,
        status: p.status.code().to_owned(),
        session_type: p.session_type,
        title: p.title,
        issue_area: p.issue_area,
        format: p.format,
        duration_min: p.duration_min,
        description: p.description,
        policy_questions: p.policy_questions,
        interaction_plan: p.interaction_plan,
        online_plan: p.online_plan,
        expected_outcomes: p.expected_outcomes,
        previous_reports: p.previous_reports,
        messages_link: p.messages_link,
        language: p.language,
        proposer_time_zone: p.proposer_time_zone,
        submitter_name: p.submitter_name,
        submitter_email: p.submitter_email,
        submitter_organisation: p.submitter_organisation,
        submitter_stakeholder_group: p.submitter_stakeholder_group,
        submitter_country: p.submitter_country_iso2,
        people: p
            .people
            .into_iter()
            .map(|person| PersonJson {
                role: person.role.code().to_owned(),
                name: person.name,
                email: person.email,
                organisation: person.organisation,
                stakeholder_group: person.stakeholder_group,
                country: person.country_iso2,
                gender: person.gender,
                onsite: person.onsite,
                confirmation: person.confirmation.code().to_owned(),
            })
            .collect(),
        screening: ScreeningJson {
            status: effective.code().to_owned(),
            computed: p.screening.computed.code().to_owned(),
            outcomes: p
                .screening
                .outcomes
                .into_iter()
                .map(|o| OutcomeJson {
                    rule: o.rule,
                    verdict: o.verdict,
                    explanation: o.explanation,
                    reason: o.reason,
                })
                .collect(),
            screened_at: p.screening.screened_at.map(|t| t.to_rfc3339_seconds()),
            override_status: p.screening.override_status.map(|s| s.code().to_owned()),
            override_reason: p.screening.override_reason,
            override_by: p.screening.override_by,
        },
        created_at: p.created_at.to_rfc3339_seconds(),
        submitted_at: p.submitted_at.map(|t| t.to_rfc3339_seconds()),
        updated_at: p.updated_at.to_rfc3339_seconds(),
        can_edit: p.can_edit,
        deadline: p.deadline_shown,
    }
}

/// One line of a list of proposals.
#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct ProposalLineJson {
    id: i64,
    number: i64,
    /// `draft`, `submitted` or `withdrawn`.
    status: String,
    session_type: String,
    title: String,
    issue_area: String,
    submitter_organisation: String,
    submitter_stakeholder_group: String,
    /// UN regional group code of the submitter.
    submitter_region: String,
    /// The status that counts: `pending`, `pass` or `fail`.
    screening: String,
    overridden: bool,
    /// The reasons of the failing rules.
    reasons: Vec<String>,
    submitted_at: Option<String>,
}

fn line_json(l: ProposalLine) -> ProposalLineJson {
    ProposalLineJson {
        id: l.id,
        number: l.number,
        status: l.status.code().to_owned(),
        session_type: l.session_type,
        title: l.title,
        issue_area: l.issue_area,
        submitter_organisation: l.submitter_organisation,
        submitter_stakeholder_group: l.submitter_stakeholder_group,
        submitter_region: l.submitter_region,
        screening: l.screening.code().to_owned(),
        overridden: l.overridden,
        reasons: l.reasons,
        submitted_at: l.submitted_at.map(|t| t.to_rfc3339_seconds()),
    }
}

/// The caller's proposals (full), or the secretariat's list (`lines`).
#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct ProposalListJson {
    /// The caller's own proposals, newest first (without `all`).
    items: Vec<ProposalJson>,
    /// The secretariat's filtered list (with `all=1`).
    lines: Vec<ProposalLineJson>,
    /// Proposals matching the filters before the page limit.
    total: usize,
}

/// `?all=1` and the secretariat's filters.
#[derive(Debug, Default, Deserialize)]
pub(crate) struct ListParams {
    #[serde(default)]
    all: Option<String>,
    #[serde(default, rename = "type")]
    session_type: String,
    #[serde(default)]
    issue_area: String,
    #[serde(default)]
    screening: String,
    #[serde(default)]
    status: String,
    #[serde(default)]
    region: String,
    #[serde(default)]
    stakeholder_group: String,
    #[serde(default)]
    text: String,
}

/// The caller's proposals in the cycle; with `all=1` every proposal matching the filters
/// (secretariat only), with the screening reasons.
#[utoipa::path(get, path = "/api/v1/forums/{slug}/cycles/{year}/proposals",
    params(("slug" = String, Path), ("year" = i32, Path), ("all" = Option<String>, Query),
        ("type" = Option<String>, Query), ("issue_area" = Option<String>, Query),
        ("screening" = Option<String>, Query), ("status" = Option<String>, Query),
        ("region" = Option<String>, Query), ("stakeholder_group" = Option<String>, Query),
        ("text" = Option<String>, Query)),
    security(("bearer" = [])),
    responses((status = 200, body = ProposalListJson), (status = 401, body = ErrorJson),
        (status = 403, body = ErrorJson), (status = 404, body = ErrorJson)))]
pub(crate) async fn list_proposals(
    State(state): State<AppState>,
    ApiCaller(viewer): ApiCaller,
    Path((slug, year)): Path<(String, i32)>,
    Query(params): Query<ListParams>,
) -> Result<Json<ProposalListJson>, ApiError> {
    require_account(&viewer)?;
    let all = matches!(params.all.as_deref(), Some("1" | "true" | "yes"));
    if all {
        let filter = ListFilter {
            session_type: params.session_type,
            issue_area: params.issue_area,
            screening: params.screening,
            status: params.status,
            region: params.region,
            stakeholder_group: params.stakeholder_group,
            text: params.text,
        };
        let list = proposals::manage_list(&state.app, &viewer, &slug, year, &filter).await?;
        return Ok(Json(ProposalListJson {
            items: Vec::new(),
            total: list.total,
            lines: list.lines.into_iter().map(line_json).collect(),
        }));
    }
    let board = proposals::dashboard(&state.app, &viewer, &slug, year).await?;
    let items: Vec<ProposalJson> = board.proposals.into_iter().map(proposal_json).collect();
    Ok(Json(ProposalListJson {
        total: items.len(),
        items,
        lines: Vec::new(),
    }))
}

/// Saves a new proposal as a draft (any signed-in account, while the call is open); with
/// `submit=1`, submits it too (screened at once; a receipt is mailed). A bad field gives 422 `invalid_field`; a closed call 422 with the
/// deadline in the proposer's time zone.
#[utoipa::path(post, path = "/api/v1/forums/{slug}/cycles/{year}/proposals",
    params(("slug" = String, Path), ("year" = i32, Path), ("submit" = Option<String>, Query)),
    request_body = ProposalInputJson, security(("bearer" = [])),
    responses((status = 201, body = ProposalJson), (status = 401, body = ErrorJson),
        (status = 404, body = ErrorJson), (status = 422, body = ErrorJson)))]
pub(crate) async fn create_proposal(
    State(state): State<AppState>,
    ApiCaller(viewer): ApiCaller,
    Path((slug, year)): Path<(String, i32)>,
    Query(params): Query<CreateParams>,
    ApiJson(body): ApiJson<ProposalInputJson>,
) -> Result<Response, ApiError> {
    require_account(&viewer)?;
    let input = body.into_input();
    let id = proposals::new_draft(&state.app, &viewer, &slug, year, &input).await?;
    let view = if matches!(params.submit.as_deref(), Some("1" | "true" | "yes")) {
        proposals::submit(&state.app, &viewer, &slug, year, id).await?
    } else {
        proposals::proposal(&state.app, &viewer, &slug, year, id).await?
    };
    Ok((StatusCode::CREATED, Json(proposal_json(view))).into_response())
}

/// One proposal (its owner or the secretariat; anyone else gets 404).
#[utoipa::path(get, path = "/api/v1/forums/{slug}/cycles/{year}/proposals/{id}",
    params(("slug" = String, Path), ("year" = i32, Path), ("id" = i64, Path)),
    security(("bearer" = [])),
    responses((status = 200, body = ProposalJson), (status = 401, body = ErrorJson),
        (status = 404, body = ErrorJson)))]
pub(crate) async fn get_proposal(
    State(state): State<AppState>,
    ApiCaller(viewer): ApiCaller,
    Path((slug, year, id)): Path<(String, i32, i64)>,
) -> Result<Json<ProposalJson>, ApiError> {
    require_account(&viewer)?;
    let view = proposals::proposal(&state.app, &viewer, &slug, year, id).await?;
    Ok(Json(proposal_json(view)))
}

/// Replaces a proposal's content (the owner, before the deadline); a submitted proposal is
/// screened again.
#[utoipa::path(put, path = "/api/v1/forums/{slug}/cycles/{year}/proposals/{id}",
    params(("slug" = String, Path), ("year" = i32, Path), ("id" = i64, Path)),
    request_body = ProposalInputJson, security(("bearer" = [])),
    responses((status = 200, body = ProposalJson), (status = 401, body = ErrorJson),
        (status = 404, body = ErrorJson), (status = 422, body = ErrorJson)))]
pub(crate) async fn update_proposal(
    State(state): State<AppState>,
    ApiCaller(viewer): ApiCaller,
    Path((slug, year, id)): Path<(String, i32, i64)>,
    ApiJson(body): ApiJson<ProposalInputJson>,
) -> Result<Json<ProposalJson>, ApiError> {
    require_account(&viewer)?;
    let input = body.into_input();
    let view = proposals::update(&state.app, &viewer, &slug, year, id, &input).await?;
    Ok(Json(proposal_json(view)))
}

/// Submits a draft (the owner, before the deadline): it is screened at once and a receipt
/// with the result is mailed.
#[utoipa::path(post, path = "/api/v1/forums/{slug}/cycles/{year}/proposals/{id}/submit",
    params(("slug" = String, Path), ("year" = i32, Path), ("id" = i64, Path)),
    security(("bearer" = [])),
    responses((status = 200, body = ProposalJson), (status = 401, body = ErrorJson),
        (status = 404, body = ErrorJson), (status = 422, body = ErrorJson)))]
pub(crate) async fn submit_proposal(
    State(state): State<AppState>,
    ApiCaller(viewer): ApiCaller,
    Path((slug, year, id)): Path<(String, i32, i64)>,
) -> Result<Json<ProposalJson>, ApiError> {
    require_account(&viewer)?;
    let view = proposals::submit(&state.app, &viewer, &slug, year, id).await?;
    Ok(Json(proposal_json(view)))
}

/// Withdraws a proposal (the owner, before the deadline).
#[utoipa::path(post, path = "/api/v1/forums/{slug}/cycles/{year}/proposals/{id}/withdraw",
    params(("slug" = String, Path), ("year" = i32, Path), ("id" = i64, Path)),
    security(("bearer" = [])),
    responses((status = 200, body = ProposalJson), (status = 401, body = ErrorJson),
        (status = 404, body = ErrorJson), (status = 422, body = ErrorJson)))]
pub(crate) async fn withdraw_proposal(
    State(state): State<AppState>,
    ApiCaller(viewer): ApiCaller,
    Path((slug, year, id)): Path<(String, i32, i64)>,
) -> Result<Json<ProposalJson>, ApiError> {
    require_account(&viewer)?;
    proposals::withdraw(&state.app, &viewer, &slug, year, id).await?;
    let view = proposals::proposal(&state.app, &viewer, &slug, year, id).await?;
    Ok(Json(proposal_json(view)))
}

/// The secretariat's decision on a screening result.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct OverrideJson {
    /// `pass` or `fail`; null removes the override.
    status: Option<String>,
    /// Why (recorded in the audit trail and shown beside the result).
    #[serde(default)]
    reason: String,
}

/// Overrides a proposal's screening result with a reason, or removes the override
/// (secretariat only).
#[utoipa::path(post, path = "/api/v1/forums/{slug}/cycles/{year}/proposals/{id}/override",
    params(("slug" = String, Path), ("year" = i32, Path), ("id" = i64, Path)),
    request_body = OverrideJson, security(("bearer" = [])),
    responses((status = 200, body = ProposalJson), (status = 401, body = ErrorJson),
        (status = 403, body = ErrorJson), (status = 404, body = ErrorJson),
        (status = 422, body = ErrorJson)))]
pub(crate) async fn override_screening(
    State(state): State<AppState>,
    ApiCaller(viewer): ApiCaller,
    Path((slug, year, id)): Path<(String, i32, i64)>,
    ApiJson(body): ApiJson<OverrideJson>,
) -> Result<Json<ProposalJson>, ApiError> {
    require_account(&viewer)?;
    let status = match body.status.as_deref().map(str::trim) {
        None | Some("") => None,
        Some(raw) => Some(ScreeningStatus::parse(raw).ok_or_else(|| {
            ActionError::from(FieldError::new(
                "status",
                "unknown_status",
                format!("{raw:?} is not a screening result; use pass or fail (null removes the override)"),
            ))
        })?),
    };
    screening::override_result(&state.app, &viewer, &slug, year, id, status, &body.reason).await?;
    let view = proposals::proposal(&state.app, &viewer, &slug, year, id).await?;
    Ok(Json(proposal_json(view)))
}

/// How to run the screening.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct RunScreeningJson {
    /// Mail each proposer their result with the reasons.
    #[serde(default)]
    notify: bool,
}

/// The outcome of a screening run.
#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct ScreeningRunJson {
    cycle: i32,
    passed: usize,
    failed: usize,
    /// Results mailed to proposers (0 unless `notify`).
    mailed: usize,
    /// One line per submitted proposal, by number.
    lines: Vec<ProposalLineJson>,
}

/// Screens every submitted proposal of the cycle against its rules (secretariat only).
#[utoipa::path(post, path = "/api/v1/forums/{slug}/cycles/{year}/screening",
    params(("slug" = String, Path), ("year" = i32, Path)),
    request_body = RunScreeningJson, security(("bearer" = [])),
    responses((status = 200, body = ScreeningRunJson), (status = 401, body = ErrorJson),
        (status = 403, body = ErrorJson), (status = 404, body = ErrorJson)))]
pub(crate) async fn run_screening(
    State(state): State<AppState>,
    ApiCaller(viewer): ApiCaller,
    Path((slug, year)): Path<(String, i32)>,
    ApiJson(body): ApiJson<RunScreeningJson>,
) -> Result<Json<ScreeningRunJson>, ApiError> {
    require_account(&viewer)?;
    let run = screening::screen_cycle(&state.app, &viewer, &slug, year, body.notify).await?;
    Ok(Json(ScreeningRunJson {
        cycle: run.cycle_year,
        passed: run.passed,
        failed: run.failed,
        mailed: run.mailed,
        lines: run.lines.into_iter().map(line_json).collect(),
    }))
}
