//! The secretariat's slate pages: the runs of a body with a form to start one, a run's
//! proposal with its explanation and the decision form, and two runs side by side.
//!
//! Every number comes from the stored report (`plenary_app::bodies::runs`); the templates
//! read the same JSON object the API returns.

use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use minijinja::{Value, context};
use plenary_app::ActionError;
use plenary_app::bodies::runs::{
    self, DecisionInput, DecisionOutcome, NomineeSource, RunRequest, SlateRun,
};

use crate::AppState;
use crate::csrf::FormData;
use crate::error::PageError;
use crate::pages::forums::forum_value;
use crate::pages::{field_error_message, render, require_signed_in, see_other};
use crate::visit::Visit;

/// A run as the list and the comparison show it.
fn run_value(run: &SlateRun) -> Value {
    context! {
        id => run.id, cycle => run.cycle, label => run.label.clone(), outcome => run.outcome.clone(),
        created_at => run.created_at.to_display_utc(), created_by => run.created_by.clone(),
        constitution_version => run.constitution_version, source => run.nominee_source.clone(),
        decisions => run.decisions, objective => run.objective().map(|o| format!("{o:.1}")),
        chosen => run.chosen_ids().len(), seats => run.report["seats"]["seats_to_fill"].as_u64(),
        nominees => run.report["nominees_considered"].as_u64(),
    }
}

/// The message to show on a re-rendered form for an action's refusal, or the error page for
/// anything a form cannot fix (not allowed, not found, outage).
fn form_problem(visit: &Visit, err: ActionError, action: &str) -> Result<String, PageError> {
    match err {
        ActionError::Invalid(field) => Ok(field_error_message(visit, &field)),
        ActionError::Rule { message, .. } | ActionError::Conflict(message) => Ok(message),
        other => Err(PageError::from_action(other, action)),
    }
}

/// What the run form was sent with, to show it again after an error.
#[derive(Debug, Default)]
struct RunForm {
    cycle: String,
    seats: String,
    label: String,
    source: String,
    nominees: String,
}

async fn list_page(
    state: &AppState,
    visit: &Visit,
    slug: &str,
    body: &str,
    status: StatusCode,
    form: RunForm,
    error: Option<String>,
) -> Result<Response, PageError> {
    let list = runs::list_runs(&state.app, &visit.viewer, slug, body)
        .await
        .map_err(|e| PageError::from_action(e, &visit.here))?;
    let default_cycle = list
        .runs
        .first()
        .map(|r| r.cycle)
        .unwrap_or_else(|| next_cycle(state));
    let form = context! {
        cycle => if form.cycle.is_empty() { default_cycle.to_string() } else { form.cycle },
        seats => form.seats, label => form.label,
        source => if form.source.is_empty() { "call".to_owned() } else { form.source },
        nominees => form.nominees,
    };
    Ok(render(
        state,
        visit,
        status,
        "slates.html",
        context! {
            forum => forum_value(&list.forum), body => context! { slug => list.body_slug, name => list.body_name },
            runs => list.runs.iter().map(run_value).collect::<Vec<_>>(), form => form, error => error,
        },
    ))
}

/// The cycle after the current year (the usual one to prepare).
fn next_cycle(state: &AppState) -> i32 {
    let now = state.app.now().to_rfc3339_seconds();
    now.get(0..4)
        .and_then(|y| y.parse::<i32>().ok())
        .map_or(2027, |y| y + 1)
}

/// GET /f/{slug}/bodies/{body}/slates
pub(crate) async fn list(
    State(state): State<AppState>,
    visit: Visit,
    Path((slug, body)): Path<(String, String)>,
) -> Result<Response, PageError> {
    list_page(
        &state,
        &visit,
        &slug,
        &body,
        StatusCode::OK,
        RunForm::default(),
        None,
    )
    .await
}

/// POST /f/{slug}/bodies/{body}/slates: run the optimiser and store the run.
pub(crate) async fn create(
    State(state): State<AppState>,
    visit: Visit,
    Path((slug, body)): Path<(String, String)>,
    form: FormData,
) -> Result<Response, PageError> {
    let action = format!("/f/{slug}/bodies/{body}/slates");
    require_signed_in(&visit, Some(&form), &action)?;
    let sent = RunForm {
        cycle: form.get("cycle").trim().to_owned(),
        seats: form.get("seats").trim().to_owned(),
        label: form.get("label").to_owned(),
        source: form.get("source").to_owned(),
        nominees: form.get("nominees").to_owned(),
    };
    let request = run_request(&visit, &sent);
    let result = match request {
        Ok(request) => runs::run_slate(&state.app, &visit.viewer, &slug, &body, request)
            .await
            .map_err(|err| form_problem(&visit, err, &action)),
        Err(message) => Err(Ok(message)),
    };
    match result {
        Ok(id) => Ok(see_other(&format!("{action}/{id}"))),
        Err(problem) => {
            list_page(
                &state,
                &visit,
                &slug,
                &body,
                StatusCode::UNPROCESSABLE_ENTITY,
                sent,
                Some(problem?),
            )
            .await
        }
    }
}

/// The run request the form describes, or what to tell the user about it.
fn run_request(visit: &Visit, sent: &RunForm) -> Result<RunRequest, String> {
    let t = |id: &str| plenary_app::i18n::t(visit.language, id);
    let cycle = sent
        .cycle
        .parse::<i32>()
        .map_err(|_| t("slates-error-cycle"))?;
    let seats = if sent.seats.is_empty() {
        None
    } else {
        Some(
            sent.seats
                .parse::<u32>()
                .map_err(|_| t("slates-error-seats"))?,
        )
    };
    let nominees = if sent.source == "csv" {
        NomineeSource::Csv(sent.nominees.clone())
    } else {
        NomineeSource::Call
    };
    Ok(RunRequest {
        cycle,
        seats,
        label: sent.label.clone(),
        nominees,
    })
}

async fn run_page(
    state: &AppState,
    visit: &Visit,
    slug: &str,
    body: &str,
    run: i64,
    status: StatusCode,
    error: Option<String>,
) -> Result<Response, PageError> {
    let detail = runs::run_detail(&state.app, &visit.viewer, slug, body, run)
        .await
        .map_err(|e| PageError::from_action(e, &visit.here))?;
    let others = runs::list_runs(&state.app, &visit.viewer, slug, body)
        .await
        .map_err(|e| PageError::from_action(e, &visit.here))?
        .runs
        .iter()
        .filter(|r| r.id != run)
        .map(run_value)
        .collect::<Vec<_>>();
    let chosen = detail.run.chosen_ids();
    let pool: Vec<Value> = detail
        .pool
        .iter()
        .map(|n| context! { checked => chosen.contains(&n.id), id => n.id.clone(), name => n.name.clone() })
        .collect();
    let can_seat = detail.decisions.last().is_some_and(|d| {
        d.outcome != DecisionOutcome::NotAppointed
            && !d.appointed.is_empty()
            && d.seated_at.is_none()
    });
    let decisions: Vec<Value> = detail
        .decisions
        .iter()
        .map(|d| {
            context! {
                authority => d.authority.clone(), decided_on => d.decided_on.clone(), outcome => d.outcome.code(),
                appointed => d.appointed.iter().map(|(id, name)| context! { id => id, name => name }).collect::<Vec<_>>(),
                note => d.note.clone(), recorded_at => d.recorded_at.to_display_utc(), recorded_by => d.recorded_by.clone(),
                seated_at => d.seated_at.map(|t| t.to_display_utc()),
            }
        })
        .collect();
    Ok(render(
        state,
        visit,
        status,
        "slate_run.html",
        context! {
            forum => forum_value(&detail.forum), body => context! { slug => detail.body_slug.clone(), name => detail.body_name.clone() },
            run => run_value(&detail.run), report => Value::from(minijinja::value::Serde(&detail.run.report)),
            pool => pool, decisions => decisions, others => others, error => error, can_seat => can_seat,
            outcomes => DecisionOutcome::ALL.iter().map(|o| o.code()).collect::<Vec<_>>(),
        },
    ))
}

/// GET /f/{slug}/bodies/{body}/slates/{run}
pub(crate) async fn show(
    State(state): State<AppState>,
    visit: Visit,
    Path((slug, body, run)): Path<(String, String, i64)>,
) -> Result<Response, PageError> {
    run_page(&state, &visit, &slug, &body, run, StatusCode::OK, None).await
}

/// POST /f/{slug}/bodies/{body}/slates/{run}/decision
pub(crate) async fn decide(
    State(state): State<AppState>,
    visit: Visit,
    Path((slug, body, run)): Path<(String, String, i64)>,
    form: FormData,
) -> Result<Response, PageError> {
    let page = format!("/f/{slug}/bodies/{body}/slates/{run}");
    let action = format!("{page}/decision");
    require_signed_in(&visit, Some(&form), &action)?;
    let input = DecisionOutcome::parse(form.get("outcome")).map(|outcome| DecisionInput {
        authority: form.get("authority").to_owned(),
        decided_on: form.get("decided_on").to_owned(),
        outcome,
        appointed: form
            .get_all("appointed")
            .into_iter()
            .map(str::to_owned)
            .collect(),
        note: form.get("note").to_owned(),
    });
    let result = match input {
        Ok(input) => {
            runs::record_decision(&state.app, &visit.viewer, &slug, &body, run, input).await
        }
        Err(field) => Err(field.into()),
    };
    match result {
        Ok(_) => Ok(see_other(&format!("{page}?notice=slate-decision-recorded"))),
        Err(err) => {
            let message = form_problem(&visit, err, &action)?;
            run_page(
                &state,
                &visit,
                &slug,
                &body,
                run,
                StatusCode::UNPROCESSABLE_ENTITY,
                Some(message),
            )
            .await
        }
    }
}

#[derive(Debug, serde::Deserialize)]
pub(crate) struct CompareQuery {
    #[serde(default)]
    a: Option<i64>,
    #[serde(default)]
    b: Option<i64>,
}

/// GET /f/{slug}/bodies/{body}/slates/compare?a=RUN&b=RUN
pub(crate) async fn compare(
    State(state): State<AppState>,
    visit: Visit,
    Path((slug, body)): Path<(String, String)>,
    Query(query): Query<CompareQuery>,
) -> Result<Response, PageError> {
    let (Some(a), Some(b)) = (query.a, query.b) else {
        return Err(PageError::Invalid {
            field: "a".to_owned(),
        });
    };
    let c = runs::compare_runs(&state.app, &visit.viewer, &slug, &body, a, b)
        .await
        .map_err(|e| PageError::from_action(e, &visit.here))?;
    let nominee = |n: &runs::ComparedNominee| {
        context! { id => n.id.clone(), name => n.name.clone(), group => n.stakeholder_group.replace('_', " "), country => n.country.clone(), gender => n.gender.clone() }
    };
    Ok(render(
        &state,
        &visit,
        StatusCode::OK,
        "slate_compare.html",
        context! {
            forum => forum_value(&c.forum), body => context! { slug => c.body_slug.clone(), name => c.body_name.clone() },
            a => run_value(&c.a), b => run_value(&c.b),
            only_a => c.only_a.iter().map(nominee).collect::<Vec<_>>(),
            only_b => c.only_b.iter().map(nominee).collect::<Vec<_>>(),
            both => c.both.iter().map(nominee).collect::<Vec<_>>(),
            composition => c.composition.iter().map(|r| context! {
                dimension => r.dimension.clone(), label => r.label.clone(), a => r.a, b => r.b, changed => r.a != r.b,
            }).collect::<Vec<_>>(),
            input_changes => c.input_changes.clone(),
        },
    ))
}

/// POST /f/{slug}/bodies/{body}/slates/{run}/seat: memberships for the latest decision's appointees.
pub(crate) async fn seat(
    State(state): State<AppState>,
    visit: Visit,
    Path((slug, body, run)): Path<(String, String, i64)>,
    form: FormData,
) -> Result<Response, PageError> {
    let page = format!("/f/{slug}/bodies/{body}/slates/{run}");
    let action = format!("{page}/seat");
    require_signed_in(&visit, Some(&form), &action)?;
    match runs::seat_appointed(&state.app, &visit.viewer, &slug, &body, run).await {
        Ok(_) => Ok(see_other(&format!("{page}?notice=slate-seated"))),
        Err(err) => {
            let message = form_problem(&visit, err, &action)?;
            run_page(
                &state,
                &visit,
                &slug,
                &body,
                run,
                StatusCode::CONFLICT,
                Some(message),
            )
            .await
        }
    }
}
