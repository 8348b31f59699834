//! The JSON API of the review stage: the caller's review queue, one anonymised proposal
//! with the caller's review, saving a review (draft or submit), declaring a conflict of
//! interest, and for the secretariat the reviewer pool, the assignment run, the evaluation
//! progress; the synthesis for the MAG.
//!
//! Each handler calls one `plenary_app::calls::review` action, which decides who may do
//! what (a proposal the caller is not assigned to, or is conflicted with, is 403 and the
//! refusal is audited). The `*Json` types are converted by hand. Documented in `ReviewDoc`,
//! merged into the API document.

use std::collections::BTreeMap;

use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use plenary_app::accounts::Viewer;
use plenary_app::calls::cycles;
use plenary_app::calls::review::{
    self, AnonymisedProposal, AssignmentRun, Progress, Queue, ReviewForm, ReviewView,
    ReviewerInput, ReviewerLine, SynthesisReport,
};
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

/// The review part of the API document.
#[derive(OpenApi)]
#[openapi(
    paths(
        get_queue,
        get_review,
        put_review,
        declare_conflict,
        list_reviewers,
        add_reviewer,
        withdraw_reviewer,
        run_assignment,
        get_progress,
        get_synthesis
    ),
    components(schemas(
        QueueJson,
        QueueItemJson,
        ConflictJson,
        ReviewProposalJson,
        AnonymisedPersonJson,
        ScoringJson,
        CriterionJson,
        ReasonJson,
        ReviewJson,
        ReviewInputJson,
        NewConflictJson,
        ReviewerJson,
        ReviewerListJson,
        NewReviewerJson,
        AddedReviewerJson,
        WithdrawJson,
        RunAssignmentJson,
        AssignmentRunJson,
        ReviewerLoadJson,
        ProgressJson,
        ProgressLineJson,
        SynthesisJson,
        GroupRankingJson,
        SynthesisLineJson,
        MergeJson,
        ReviewerScaleJson
    ))
)]
pub(crate) struct ReviewDoc;

// ---------------------------------------------------------------------------------------
// The queue.

/// One proposal in the caller's queue.
#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct QueueItemJson {
    number: u32,
    title: String,
    issue_area: String,
    session_type: String,
    /// `todo`, `draft` or `submitted`.
    state: String,
    /// The weighted overall score of the caller's review, once it has every score.
    score: Option<f64>,
}

/// A conflict of interest on record for the caller.
#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct ConflictJson {
    number: u32,
    title: String,
    /// `listed_as_speaker`, `own_employer`, `affiliated_network`, `other` (declared) or
    /// `same_organisation`, `listed_in_proposal`, `same_delegation` (detected).
    reason: String,
    /// `declared` or `detected`.
    source: String,
    detail: String,
}

/// The caller's review queue.
#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct QueueJson {
    cycle: i32,
    /// When reviews are due, RFC 3339 UTC.
    due: String,
    /// The due date in the venue's time zone.
    due_venue: String,
    /// Reviews may be saved now.
    open: bool,
    submitted: usize,
    total: usize,
    items: Vec<QueueItemJson>,
    conflicts: Vec<ConflictJson>,
}

/// When reviews of `year` are due: (RFC 3339 UTC, in the venue's time zone); the queue's own
/// text when the cycle cannot be read.
async fn due_of(state: &AppState, viewer: &Viewer, slug: &str, year: i32) -> (String, String) {
    match cycles::cycle(&state.app, viewer, slug, year).await {
        Ok(view) => {
            let setup = &view.cycle.setup;
            let due = setup.evaluation.due(&setup.dates);
            (
                due.to_rfc3339_seconds(),
                cycles::display_in_zone(due, &setup.venue_time_zone),
            )
        }
        Err(_) => (String::new(), String::new()),
    }
}

fn queue_json(queue: Queue, due: (String, String)) -> QueueJson {
    let (due, due_venue) = if due.0.is_empty() {
        (queue.due.clone(), queue.due.clone())
    } else {
        due
    };
    QueueJson {
        cycle: queue.cycle_year,
        due,
        due_venue,
        open: queue.open,
        submitted: queue.submitted,
        total: queue.total,
        items: queue
            .items
            .into_iter()
            .map(|i| QueueItemJson {
                number: i.number,
                title: i.title,
                issue_area: i.issue_area,
                session_type: i.session_type,
                state: i.state,
                score: i.score,
            })
            .collect(),
        conflicts: queue
            .conflicts
            .into_iter()
            .map(|c| ConflictJson {
                number: c.number,
                title: c.title,
                reason: c.reason,
                source: c.source,
                detail: c.detail,
            })
            .collect(),
    }
}

/// The caller's review queue in the cycle: their assigned proposals with the state of each
/// review, progress, the due date and their conflicts (reviewers in the cycle's pool).
#[utoipa::path(get, path = "/api/v1/forums/{slug}/cycles/{year}/reviews",
    params(("slug" = String, Path), ("year" = i32, Path)),
    security(("bearer" = [])),
    responses((status = 200, body = QueueJson), (status = 401, body = ErrorJson),
        (status = 403, body = ErrorJson), (status = 404, body = ErrorJson)))]
pub(crate) async fn get_queue(
    State(state): State<AppState>,
    ApiCaller(viewer): ApiCaller,
    Path((slug, year)): Path<(String, i32)>,
) -> Result<Json<QueueJson>, ApiError> {
    require_account(&viewer)?;
    let queue = review::queue(&state.app, &viewer, &slug, year).await?;
    let due = due_of(&state, &viewer, &slug, year).await;
    Ok(Json(queue_json(queue, due)))
}

// ---------------------------------------------------------------------------------------
// One proposal and the caller's review of it.

/// A person on the proposal, without name, e-mail or organisation.
#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct AnonymisedPersonJson {
    role: String,
    stakeholder_group: String,
    /// UN regional group code.
    region: String,
    gender: String,
    onsite: bool,
}

/// One weighted criterion.
#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct CriterionJson {
    code: String,
    name: String,
    description: String,
    weight: u32,
}

/// A standard reason for a low score.
#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct ReasonJson {
    code: String,
    label: String,
}

/// How a review is scored in this cycle.
#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct ScoringJson {
    scale_min: u32,
    scale_max: u32,
    /// The score codes a review gives: `["overall"]`, or the criteria's codes.
    score_codes: Vec<String>,
    /// Empty: one overall score.
    criteria: Vec<CriterionJson>,
    /// A score at or below this needs at least one standard reason.
    reasons_required_at_or_below: u32,
    reasons: Vec<ReasonJson>,
}

/// A review as stored.
#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct ReviewJson {
    /// Score code → score.
    scores: BTreeMap<String, u32>,
    /// The weighted overall score (null while a draft lacks scores).
    overall: Option<f64>,
    reasons: Vec<String>,
    comment: String,
    merge_candidate: bool,
    /// Numbers of proposals this one could merge with.
    merge_with: Vec<u32>,
    /// `draft` or `submitted`.
    state: String,
    updated_at: String,
}

fn review_json(r: ReviewView) -> ReviewJson {
    ReviewJson {
        scores: r.scores.into_iter().collect(),
        overall: r.overall,
        reasons: r.reasons,
        comment: r.comment,
        merge_candidate: r.merge_candidate,
        merge_with: r.merge_with,
        state: r.state,
        updated_at: r.updated_at,
    }
}

/// A proposal as its reviewer sees it: proposer identity hidden (unless the cycle shows it),
/// the developing-country and first-time flags when shown, and the caller's review.
#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct ReviewProposalJson {
    number: u32,
    title: String,
    session_type: String,
    format: String,
    duration_min: u32,
    issue_area: String,
    description: String,
    policy_questions: String,
    interaction_plan: String,
    online_plan: String,
    expected_outcomes: String,
    language: String,
    people: Vec<AnonymisedPersonJson>,
    /// Null when the cycle hides the flag from reviewers.
    developing_country: Option<bool>,
    first_time: Option<bool>,
    /// Only when the cycle shows proposer identity.
    proposer: Option<String>,
    /// Reviews may be saved now.
    open: bool,
    scoring: ScoringJson,
    /// The caller's review, if saved.
    review: Option<ReviewJson>,
}

fn proposal_json(p: AnonymisedProposal) -> ReviewProposalJson {
    let setup = &p.setup;
    let scoring = ScoringJson {
        scale_min: setup.scale_min,
        scale_max: setup.scale_max,
        score_codes: setup.score_codes(),
        criteria: setup
            .criteria
            .iter()
            .map(|c| CriterionJson {
                code: c.code.clone(),
                name: c.name.clone(),
                description: c.description.clone(),
                weight: c.weight,
            })
            .collect(),
        reasons_required_at_or_below: setup.reasons_required_at_or_below,
        reasons: setup
            .low_score_reasons
            .iter()
            .map(|r| ReasonJson {
                code: r.code.clone(),
                label: r.label.clone(),
            })
            .collect(),
    };
    ReviewProposalJson {
        number: p.number,
        title: p.title,
        session_type: p.session_type,
        format: p.format,
        duration_min: p.duration_min,
        issue_area: p.issue_area,
        description: p.description,
        policy_questions: p.policy_questions,
        interaction_plan: p.interaction_plan,
        online_plan: p.online_plan,
        expected_outcomes: p.expected_outcomes,
        language: p.language,
        people: p
            .people
            .into_iter()
            .map(|person| AnonymisedPersonJson {
                role: person.role,
                stakeholder_group: person.stakeholder_group,
                region: person.region,
                gender: person.gender,
                onsite: person.onsite,
            })
            .collect(),
        developing_country: p.developing_country,
        first_time: p.first_time,
        proposer: p.proposer,
        open: p.open,
        scoring,
        review: p.review.map(review_json),
    }
}

/// One proposal of the caller's queue, anonymised, with their review. A proposal they are
/// not assigned to, or have a conflict with, is 403 (and the attempt is audited).
#[utoipa::path(get, path = "/api/v1/forums/{slug}/cycles/{year}/reviews/{number}",
    params(("slug" = String, Path), ("year" = i32, Path), ("number" = u32, Path)),
    security(("bearer" = [])),
    responses((status = 200, body = ReviewProposalJson), (status = 401, body = ErrorJson),
        (status = 403, body = ErrorJson), (status = 404, body = ErrorJson)))]
pub(crate) async fn get_review(
    State(state): State<AppState>,
    ApiCaller(viewer): ApiCaller,
    Path((slug, year, number)): Path<(String, i32, u32)>,
) -> Result<Json<ReviewProposalJson>, ApiError> {
    require_account(&viewer)?;
    let view = review::review_view(&state.app, &viewer, &slug, year, number).await?;
    Ok(Json(proposal_json(view)))
}

/// A review as the caller saves it.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct ReviewInputJson {
    /// Score code → score on the cycle's scale (`{"overall": 4}`, or one per criterion).
    #[serde(default)]
    scores: BTreeMap<String, f64>,
    /// Codes of standard reasons (needed for a low score when submitting).
    #[serde(default)]
    reasons: Vec<String>,
    #[serde(default)]
    comment: String,
    /// The proposal could merge with another.
    #[serde(default)]
    merge_candidate: bool,
    /// Numbers of the proposals it could merge with.
    #[serde(default)]
    merge_with: Vec<u32>,
    /// Submit (every score and, for low scores, a reason needed); false keeps a draft.
    #[serde(default)]
    submit: bool,
}

impl ReviewInputJson {
    fn into_form(self) -> ReviewForm {
        ReviewForm {
            scores: self
                .scores
                .into_iter()
                .map(|(code, score)| (code, score.to_string()))
                .collect(),
            reasons: self.reasons,
            comment: self.comment,
            merge_candidate: self.merge_candidate,
            merge_with: self
                .merge_with
                .iter()
                .map(u32::to_string)
                .collect::<Vec<_>>()
                .join(", "),
            submit: self.submit,
        }
    }
}

/// Saves the caller's review of a proposal in their queue, as a draft or submitted; it stays
/// editable until the due date. A score outside the scale or a low score without a reason
/// is 422 `invalid_field` naming the field.
#[utoipa::path(put, path = "/api/v1/forums/{slug}/cycles/{year}/reviews/{number}",
    params(("slug" = String, Path), ("year" = i32, Path), ("number" = u32, Path)),
    request_body = ReviewInputJson, security(("bearer" = [])),
    responses((status = 200, body = ReviewJson), (status = 401, body = ErrorJson),
        (status = 403, body = ErrorJson), (status = 404, body = ErrorJson),
        (status = 422, body = ErrorJson)))]
pub(crate) async fn put_review(
    State(state): State<AppState>,
    ApiCaller(viewer): ApiCaller,
    Path((slug, year, number)): Path<(String, i32, u32)>,
    ApiJson(body): ApiJson<ReviewInputJson>,
) -> Result<Json<ReviewJson>, ApiError> {
    require_account(&viewer)?;
    let saved =
        review::save_review(&state.app, &viewer, &slug, year, number, body.into_form()).await?;
    Ok(Json(review_json(saved)))
}

/// A conflict of interest the caller declares.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct NewConflictJson {
    /// `listed_as_speaker`, `own_employer`, `affiliated_network` or `other`.
    reason: String,
    #[serde(default)]
    detail: String,
}

/// Declares a conflict of interest with a proposal in the caller's queue: it leaves the
/// queue and is re-assigned to another reviewer. Answers with the caller's queue.
#[utoipa::path(post, path = "/api/v1/forums/{slug}/cycles/{year}/reviews/{number}/conflict",
    params(("slug" = String, Path), ("year" = i32, Path), ("number" = u32, Path)),
    request_body = NewConflictJson, security(("bearer" = [])),
    responses((status = 200, body = QueueJson), (status = 401, body = ErrorJson),
        (status = 403, body = ErrorJson), (status = 404, body = ErrorJson),
        (status = 422, body = ErrorJson)))]
pub(crate) async fn declare_conflict(
    State(state): State<AppState>,
    ApiCaller(viewer): ApiCaller,
    Path((slug, year, number)): Path<(String, i32, u32)>,
    ApiJson(body): ApiJson<NewConflictJson>,
) -> Result<Json<QueueJson>, ApiError> {
    require_account(&viewer)?;
    review::declare_conflict(
        &state.app,
        &viewer,
        &slug,
        year,
        number,
        &body.reason,
        &body.detail,
    )
    .await?;
    let queue = review::queue(&state.app, &viewer, &slug, year).await?;
    let due = due_of(&state, &viewer, &slug, year).await;
    Ok(Json(queue_json(queue, due)))
}

// ---------------------------------------------------------------------------------------
// The secretariat: pool, assignment, progress.

/// A reviewer of the cycle's pool.
#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct ReviewerJson {
    id: i64,
    email: String,
    name: String,
    organisation: String,
    stakeholder_group: String,
    country: String,
    /// UN regional group code.
    region: String,
    /// Evaluation groups they review (empty: any).
    groups: Vec<String>,
    expertise: Vec<String>,
    load_cap: u32,
    withdrawn: bool,
    assigned: usize,
    submitted: usize,
    drafts: usize,
    conflicts: usize,
}

fn reviewer_json(r: ReviewerLine) -> ReviewerJson {
    ReviewerJson {
        id: r.id,
        email: r.email,
        name: r.name,
        organisation: r.organisation,
        stakeholder_group: r.stakeholder_group,
        country: r.country_iso2,
        region: r.region,
        groups: r.groups,
        expertise: r.expertise,
        load_cap: r.load_cap,
        withdrawn: r.withdrawn,
        assigned: r.assigned,
        submitted: r.submitted,
        drafts: r.drafts,
        conflicts: r.conflicts,
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct ReviewerListJson {
    items: Vec<ReviewerJson>,
}

/// The cycle's reviewer pool with each reviewer's load and progress (secretariat).
#[utoipa::path(get, path = "/api/v1/forums/{slug}/cycles/{year}/evaluation/reviewers",
    params(("slug" = String, Path), ("year" = i32, Path)),
    security(("bearer" = [])),
    responses((status = 200, body = ReviewerListJson), (status = 401, body = ErrorJson),
        (status = 403, body = ErrorJson), (status = 404, body = ErrorJson)))]
pub(crate) async fn list_reviewers(
    State(state): State<AppState>,
    ApiCaller(viewer): ApiCaller,
    Path((slug, year)): Path<(String, i32)>,
) -> Result<Json<ReviewerListJson>, ApiError> {
    require_account(&viewer)?;
    let pool = review::pool(&state.app, &viewer, &slug, year).await?;
    Ok(Json(ReviewerListJson {
        items: pool.into_iter().map(reviewer_json).collect(),
    }))
}

/// A reviewer to add to the pool.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct NewReviewerJson {
    /// The e-mail address of an existing account.
    email: String,
    /// Evaluation group codes (empty: any group).
    #[serde(default)]
    groups: Vec<String>,
    #[serde(default)]
    expertise: Vec<String>,
    /// Null: the cycle's load cap.
    #[serde(default)]
    load_cap: Option<u32>,
}

#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct AddedReviewerJson {
    id: i64,
}

/// Adds a reviewer to the cycle's pool (secretariat).
#[utoipa::path(post, path = "/api/v1/forums/{slug}/cycles/{year}/evaluation/reviewers",
    params(("slug" = String, Path), ("year" = i32, Path)),
    request_body = NewReviewerJson, security(("bearer" = [])),
    responses((status = 201, body = AddedReviewerJson), (status = 401, body = ErrorJson),
        (status = 403, body = ErrorJson), (status = 404, body = ErrorJson),
        (status = 422, body = ErrorJson)))]
pub(crate) async fn add_reviewer(
    State(state): State<AppState>,
    ApiCaller(viewer): ApiCaller,
    Path((slug, year)): Path<(String, i32)>,
    ApiJson(body): ApiJson<NewReviewerJson>,
) -> Result<Response, ApiError> {
    require_account(&viewer)?;
    let input = ReviewerInput {
        email: body.email,
        groups: body.groups,
        expertise: body.expertise,
        load_cap: body.load_cap,
    };
    let id = review::add_reviewer(&state.app, &viewer, &slug, year, input).await?;
    Ok((StatusCode::CREATED, Json(AddedReviewerJson { id })).into_response())
}

/// Why a reviewer leaves the pool.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct WithdrawJson {
    reason: String,
}

/// Withdraws a reviewer mid-phase (secretariat): their open proposals are re-assigned at
/// once, disturbing as few other assignments as possible; answers with that run's report.
#[utoipa::path(post, path = "/api/v1/forums/{slug}/cycles/{year}/evaluation/reviewers/{id}/withdraw",
    params(("slug" = String, Path), ("year" = i32, Path), ("id" = i64, Path)),
    request_body = WithdrawJson, security(("bearer" = [])),
    responses((status = 200, body = AssignmentRunJson), (status = 401, body = ErrorJson),
        (status = 403, body = ErrorJson), (status = 404, body = ErrorJson),
        (status = 422, body = ErrorJson)))]
pub(crate) async fn withdraw_reviewer(
    State(state): State<AppState>,
    ApiCaller(viewer): ApiCaller,
    Path((slug, year, id)): Path<(String, i32, i64)>,
    ApiJson(body): ApiJson<WithdrawJson>,
) -> Result<Json<AssignmentRunJson>, ApiError> {
    require_account(&viewer)?;
    let run = review::withdraw_reviewer(&state.app, &viewer, &slug, year, id, &body.reason).await?;
    Ok(Json(run_json(run)))
}

/// How to run the assignment.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct RunAssignmentJson {
    /// Ignore the current assignments (default: keep as many as possible).
    #[serde(default)]
    fresh: bool,
}

/// A reviewer's load after a run.
#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct ReviewerLoadJson {
    name: String,
    load: u32,
}

/// The report of an assignment run.
#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct AssignmentRunJson {
    cycle: i32,
    /// False when no assignment exists that meets the hard rules: nothing was stored and
    /// `infeasible` explains which proposals and which side is short.
    stored: bool,
    proposals: usize,
    reviewers: usize,
    reviews: usize,
    /// `min-cost flow` or `integer programme`.
    method: String,
    /// False only when the integer programme was too large and a repaired flow solution is
    /// used (`explanation` gives the bound on the gap).
    proven_optimal: bool,
    objective: i64,
    affinity_matches: usize,
    /// Assignments kept from before, and changed.
    kept: usize,
    changed: usize,
    solve_ms: u64,
    detected_conflicts: usize,
    /// Proposals whose reviewers span fewer stakeholder groups or regions than wanted, why.
    shortfalls: Vec<String>,
    infeasible: Vec<String>,
    loads: Vec<ReviewerLoadJson>,
    /// The stored run's number (0 when nothing was stored).
    run_number: i64,
    /// The run ignored the current assignments.
    fresh: bool,
    /// The solver's summary, one sentence a line.
    explanation: Vec<String>,
}

fn run_json(run: AssignmentRun) -> AssignmentRunJson {
    AssignmentRunJson {
        cycle: run.cycle_year,
        stored: run.infeasible.is_empty(),
        proposals: run.proposals,
        reviewers: run.reviewers,
        reviews: run.reviews,
        method: run.method,
        proven_optimal: run.proven_optimal,
        objective: run.objective,
        affinity_matches: run.affinity_matches,
        kept: run.kept,
        changed: run.changed,
        solve_ms: run.solve_ms,
        detected_conflicts: run.detected_conflicts,
        shortfalls: run.shortfalls,
        infeasible: run.infeasible,
        loads: run
            .loads
            .into_iter()
            .map(|(name, load)| ReviewerLoadJson { name, load })
            .collect(),
        run_number: run.run_number,
        fresh: run.fresh,
        explanation: run.explanation,
    }
}

/// Assigns reviewers to every evaluated proposal of the cycle (secretariat): k reviewers
/// each, loads within caps, no conflicts, affinity and stakeholder mix. An infeasible
/// problem stores nothing and answers 200 with `stored: false` and the explanation.
#[utoipa::path(post, path = "/api/v1/forums/{slug}/cycles/{year}/assignment",
    params(("slug" = String, Path), ("year" = i32, Path)),
    request_body = RunAssignmentJson, security(("bearer" = [])),
    responses((status = 200, body = AssignmentRunJson), (status = 401, body = ErrorJson),
        (status = 403, body = ErrorJson), (status = 404, body = ErrorJson),
        (status = 422, body = ErrorJson)))]
pub(crate) async fn run_assignment(
    State(state): State<AppState>,
    ApiCaller(viewer): ApiCaller,
    Path((slug, year)): Path<(String, i32)>,
    ApiJson(body): ApiJson<RunAssignmentJson>,
) -> Result<Json<AssignmentRunJson>, ApiError> {
    require_account(&viewer)?;
    let run = review::run_assignment(&state.app, &viewer, &slug, year, body.fresh).await?;
    Ok(Json(run_json(run)))
}

/// One reviewer's progress.
#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct ProgressLineJson {
    reviewer: i64,
    name: String,
    stakeholder_group: String,
    region: String,
    assigned: usize,
    submitted: usize,
    drafts: usize,
    conflicts: usize,
    withdrawn: bool,
}

/// The evaluation's progress.
#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct ProgressJson {
    cycle: i32,
    assigned: usize,
    submitted: usize,
    proposals: usize,
    /// Proposals with every assigned review submitted.
    proposals_complete: usize,
    /// When the assignment last ran, if it has.
    last_run: Option<String>,
    lines: Vec<ProgressLineJson>,
}

fn progress_json(p: Progress) -> ProgressJson {
    ProgressJson {
        cycle: p.cycle_year,
        assigned: p.assigned,
        submitted: p.submitted,
        proposals: p.proposals,
        proposals_complete: p.proposals_complete,
        last_run: p.last_run,
        lines: p
            .lines
            .into_iter()
            .map(|l| ProgressLineJson {
                reviewer: l.reviewer,
                name: l.name,
                stakeholder_group: l.stakeholder_group,
                region: l.region,
                assigned: l.assigned,
                submitted: l.submitted,
                drafts: l.drafts,
                conflicts: l.conflicts,
                withdrawn: l.withdrawn,
            })
            .collect(),
    }
}

/// Reviews assigned and submitted, per reviewer and in total (secretariat).
#[utoipa::path(get, path = "/api/v1/forums/{slug}/cycles/{year}/evaluation/progress",
    params(("slug" = String, Path), ("year" = i32, Path)),
    security(("bearer" = [])),
    responses((status = 200, body = ProgressJson), (status = 401, body = ErrorJson),
        (status = 403, body = ErrorJson), (status = 404, body = ErrorJson)))]
pub(crate) async fn get_progress(
    State(state): State<AppState>,
    ApiCaller(viewer): ApiCaller,
    Path((slug, year)): Path<(String, i32)>,
) -> Result<Json<ProgressJson>, ApiError> {
    require_account(&viewer)?;
    let progress = review::progress(&state.app, &viewer, &slug, year).await?;
    Ok(Json(progress_json(progress)))
}

// ---------------------------------------------------------------------------------------
// The synthesis.

/// One proposal's line in its group's ranking.
#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct SynthesisLineJson {
    number: u32,
    title: String,
    session_type: String,
    /// Submitted reviews.
    count: usize,
    /// Mean of the raw overall scores.
    mean: f64,
    /// Sample standard deviation of the raw scores (0 with fewer than two).
    spread: f64,
    /// Mean of the reviewers' z-scores, mapped back onto the scale.
    z_mean: f64,
    /// Mean of the reviewers' median/MAD-normalised scores, on the scale.
    robust_mean: f64,
    /// Rank by raw mean, and by normalised mean, within the group (1 = best).
    rank_raw: usize,
    rank_z: usize,
    /// Reviewers who flagged it as a merge candidate.
    merge_flags: usize,
    developing_country: bool,
    first_time: bool,
}

#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct GroupRankingJson {
    code: String,
    name: String,
    lines: Vec<SynthesisLineJson>,
}

/// Two proposals that look alike.
#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct MergeJson {
    a: u32,
    b: u32,
    title_a: String,
    title_b: String,
    /// Text similarity of title, description and policy questions, 0 to 1.
    similarity: f64,
    shared_terms: Vec<String>,
    /// Reviewers who flagged one of them to merge with the other.
    flagged: usize,
}

/// How one reviewer scores, for normalisation.
#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct ReviewerScaleJson {
    name: String,
    count: usize,
    mean: f64,
    sd: f64,
    median: f64,
    mad: f64,
}

/// The synthesis report.
#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct SynthesisJson {
    cycle: i32,
    reviews: usize,
    proposals: usize,
    groups: Vec<GroupRankingJson>,
    merges: Vec<MergeJson>,
    /// The reviewers' scales: for the secretariat only (empty for others).
    reviewers: Vec<ReviewerScaleJson>,
}

fn synthesis_json(s: SynthesisReport) -> SynthesisJson {
    SynthesisJson {
        cycle: s.cycle_year,
        reviews: s.reviews,
        proposals: s.proposals,
        groups: s
            .groups
            .into_iter()
            .map(|g| GroupRankingJson {
                code: g.code,
                name: g.name,
                lines: g
                    .lines
                    .into_iter()
                    .map(|l| SynthesisLineJson {
                        number: l.number,
                        title: l.title,
                        session_type: l.session_type,
                        count: l.count,
                        mean: l.mean,
                        spread: l.spread,
                        z_mean: l.z_mean,
                        robust_mean: l.robust_mean,
                        rank_raw: l.rank_raw,
                        rank_z: l.rank_z,
                        merge_flags: l.merge_flags,
                        developing_country: l.developing_country,
                        first_time: l.first_time,
                    })
                    .collect(),
            })
            .collect(),
        merges: s
            .merges
            .into_iter()
            .map(|m| MergeJson {
                a: m.a,
                b: m.b,
                title_a: m.title_a,
                title_b: m.title_b,
                similarity: m.similarity,
                shared_terms: m.shared_terms,
                flagged: m.flagged,
            })
            .collect(),
        reviewers: s
            .reviewers
            .into_iter()
            .map(|r| ReviewerScaleJson {
                name: r.name,
                count: r.count,
                mean: r.mean,
                sd: r.sd,
                median: r.median,
                mad: r.mad,
            })
            .collect(),
    }
}

/// Per evaluation group, the proposals ranked by normalised score beside their raw mean,
/// spread and count; merge suggestions; the reviewers' scales for the secretariat (the
/// secretariat, the chair and MAG members).
#[utoipa::path(get, path = "/api/v1/forums/{slug}/cycles/{year}/synthesis",
    params(("slug" = String, Path), ("year" = i32, Path)),
    security(("bearer" = [])),
    responses((status = 200, body = SynthesisJson), (status = 401, body = ErrorJson),
        (status = 403, body = ErrorJson), (status = 404, body = ErrorJson)))]
pub(crate) async fn get_synthesis(
    State(state): State<AppState>,
    ApiCaller(viewer): ApiCaller,
    Path((slug, year)): Path<(String, i32)>,
) -> Result<Json<SynthesisJson>, ApiError> {
    require_account(&viewer)?;
    let report = review::synthesis(&state.app, &viewer, &slug, year).await?;
    Ok(Json(synthesis_json(report)))
}

/// The synthesis report as the API returns it, pretty-printed: `plenary synthesis --json`
/// prints this, so the command line and the API give one shape.
pub fn synthesis_json_pretty(report: SynthesisReport) -> String {
    serde_json::to_string_pretty(&synthesis_json(report)).unwrap_or_else(|_| "{}".into())
}
