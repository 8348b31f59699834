//! Session proposal pages of a cycle: the proposer's dashboard, the proposal form (new and
//! edit, "save draft" or "save and submit"), one proposal with every screening rule's
//! outcome (owner: edit, submit, withdraw; secretariat: override), the public list of
//! received proposals, and the secretariat's screening list with filters and the
//! "run screening" form.
//!
//! Every handler calls `plenary_app::calls::{proposals, screening}` for what it changes or
//! shows; the cycle set-up, the forum's stakeholder groups and the country list fill the
//! form's choices. Text is passed to templates as typed: minijinja escapes it.

use std::collections::BTreeMap;

use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use minijinja::{Value, context};
use plenary_app::ActionError;
use plenary_app::calls::cycles::{self, CycleView};
use plenary_app::calls::proposals::{
    self as proposals, ListFilter, PersonInput, ProposalInput, ProposalLine, ProposalView,
    ScreeningStatus,
};
use plenary_app::calls::screening;
use plenary_app::{countries, forums};
use plenary_domain::FieldError;
use plenary_domain::calls::screening::RuleKind;
use plenary_domain::calls::{Confirmation, CycleSetup, PersonRole, ProposalStatus, word_count};
use plenary_domain::countries::UnRegionalGroup;
use plenary_domain::{Language, Timestamp};
use serde::Deserialize;

use crate::AppState;
use crate::csrf::FormData;
use crate::error::PageError;
use crate::pages::forums::forum_value;
use crate::pages::{render, require_signed_in, see_other};
use crate::visit::Visit;

/// How many rows the people table of the form offers (empty rows are ignored).
pub(crate) const PEOPLE_ROWS: usize = 8;

/// The single-value fields of the form, named as `ProposalInput` names them.
const TEXT_FIELDS: [&str; 17] = [
    "session_type",
    "title",
    "issue_area",
    "format",
    "duration_min",
    "description",
    "policy_questions",
    "interaction_plan",
    "online_plan",
    "expected_outcomes",
    "previous_reports",
    "messages_link",
    "language",
    "proposer_time_zone",
    "submitter_organisation",
    "submitter_stakeholder_group",
    "submitter_country_iso2",
];

fn base(slug: &str, year: i32) -> String {
    format!("/f/{slug}/cycles/{year}")
}

fn action_error(err: ActionError, here: &str) -> PageError {
    PageError::from_action(err, here)
}

fn ts(t: Timestamp) -> String {
    t.to_display_utc()
}

fn status_id(status: ProposalStatus) -> String {
    format!("prop-status-{}", status.code())
}

fn screening_id(status: ScreeningStatus) -> String {
    format!("prop-screen-{}", status.code())
}

// ---------------------------------------------------------------------------------------
// Reading the form.

fn text_field(input: &ProposalInput, name: &str) -> String {
    match name {
        "session_type" => input.session_type.clone(),
        "title" => input.title.clone(),
        "issue_area" => input.issue_area.clone(),
        "format" => input.format.clone(),
        "duration_min" => input.duration_min.clone(),
        "description" => input.description.clone(),
        "policy_questions" => input.policy_questions.clone(),
        "interaction_plan" => input.interaction_plan.clone(),
        "online_plan" => input.online_plan.clone(),
        "expected_outcomes" => input.expected_outcomes.clone(),
        "previous_reports" => input.previous_reports.clone(),
        "messages_link" => input.messages_link.clone(),
        "language" => input.language.clone(),
        "proposer_time_zone" => input.proposer_time_zone.clone(),
        "submitter_organisation" => input.submitter_organisation.clone(),
        "submitter_stakeholder_group" => input.submitter_stakeholder_group.clone(),
        "submitter_country_iso2" => input.submitter_country_iso2.clone(),
        _ => String::new(),
    }
}

/// Row `i` (1-based) of the people table as typed.
fn person_from_form(form: &FormData, i: usize) -> PersonInput {
    let get = |name: &str| form.get(&format!("p{i}_{name}")).to_owned();
    PersonInput {
        role: get("role"),
        name: get("name"),
        email: get("email"),
        organisation: get("organisation"),
        stakeholder_group: get("stakeholder_group"),
        country_iso2: get("country"),
        gender: get("gender"),
        onsite: !get("onsite").is_empty(),
        confirmation: get("confirmation"),
    }
}

/// A row nobody typed in (the role and confirmation selects always send a value).
fn is_empty_row(p: &PersonInput) -> bool {
    [
        &p.name,
        &p.email,
        &p.organisation,
        &p.stakeholder_group,
        &p.country_iso2,
        &p.gender,
    ]
    .iter()
    .all(|v| v.trim().is_empty())
}

/// How many people rows the form sent (`rows`; at least `PEOPLE_ROWS`, at most one past
/// the most people a proposal may list, so an over-long list still reaches the check).
fn row_count(form: &FormData) -> usize {
    form.get("rows")
        .trim()
        .parse::<usize>()
        .unwrap_or(PEOPLE_ROWS)
        .clamp(PEOPLE_ROWS, plenary_domain::calls::MAX_PEOPLE + 1)
}

/// The form as typed, empty people rows left out.
pub(crate) fn input_from_form(form: &FormData) -> ProposalInput {
    ProposalInput {
        session_type: form.get("session_type").to_owned(),
        title: form.get("title").to_owned(),
        issue_area: form.get("issue_area").to_owned(),
        format: form.get("format").to_owned(),
        duration_min: form.get("duration_min").to_owned(),
        description: form.get("description").to_owned(),
        policy_questions: form.get("policy_questions").to_owned(),
        interaction_plan: form.get("interaction_plan").to_owned(),
        online_plan: form.get("online_plan").to_owned(),
        expected_outcomes: form.get("expected_outcomes").to_owned(),
        previous_reports: form.get("previous_reports").to_owned(),
        messages_link: form.get("messages_link").to_owned(),
        language: form.get("language").to_owned(),
        proposer_time_zone: form.get("proposer_time_zone").to_owned(),
        submitter_organisation: form.get("submitter_organisation").to_owned(),
        submitter_stakeholder_group: form.get("submitter_stakeholder_group").to_owned(),
        submitter_country_iso2: form.get("submitter_country_iso2").to_owned(),
        people: (1..=row_count(form))
            .map(|i| person_from_form(form, i))
            .filter(|p| !is_empty_row(p))
            .collect(),
    }
}

/// A stored proposal as the form shows it for editing.
pub(crate) fn input_from_view(view: &ProposalView) -> ProposalInput {
    ProposalInput {
        session_type: view.session_type.clone(),
        title: view.title.clone(),
        issue_area: view.issue_area.clone(),
        format: view.format.clone(),
        duration_min: if view.duration_min == 0 {
            String::new()
        } else {
            view.duration_min.to_string()
        },
        description: view.description.clone(),
        policy_questions: view.policy_questions.clone(),
        interaction_plan: view.interaction_plan.clone(),
        online_plan: view.online_plan.clone(),
        expected_outcomes: view.expected_outcomes.clone(),
        previous_reports: view.previous_reports.clone(),
        messages_link: view.messages_link.clone(),
        language: view.language.clone(),
        proposer_time_zone: view.proposer_time_zone.clone(),
        submitter_organisation: view.submitter_organisation.clone(),
        submitter_stakeholder_group: view.submitter_stakeholder_group.clone(),
        submitter_country_iso2: view.submitter_country_iso2.clone(),
        people: view
            .people
            .iter()
            .map(|p| PersonInput {
                role: p.role.code().to_owned(),
                name: p.name.clone(),
                email: p.email.clone(),
                organisation: p.organisation.clone(),
                stakeholder_group: p.stakeholder_group.clone(),
                country_iso2: p.country_iso2.clone(),
                gender: p.gender.clone(),
                onsite: p.onsite,
                confirmation: p.confirmation.code().to_owned(),
            })
            .collect(),
    }
}

// ---------------------------------------------------------------------------------------
// The form.

/// Whether the form creates a proposal or edits one.
#[derive(Debug, Clone, Copy)]
enum FormMode {
    New,
    /// Editing proposal `id`; `submitted`: it was already submitted (saving re-screens it).
    Edit {
        id: i64,
        submitted: bool,
    },
}

/// What the form shows besides the values: the errors and a message at the top.
#[derive(Debug, Default)]
struct FormProblems {
    errors: Vec<FieldError>,
    message: Option<String>,
}

/// The form's problems after the action refused it: for a field error, every problem of the
/// form at once (`proposals::form_problems`), so the proposer fixes them in one go.
async fn problems_from(
    state: &AppState,
    visit: &Visit,
    slug: &str,
    year: i32,
    input: &proposals::ProposalInput,
    err: ActionError,
    here: &str,
) -> Result<FormProblems, PageError> {
    match err {
        ActionError::Invalid(field) => {
            let mut errors = proposals::form_problems(&state.app, &visit.viewer, slug, year, input)
                .await
                .unwrap_or_default();
            if !errors.contains(&field) {
                errors.insert(0, field);
            }
            Ok(FormProblems {
                errors,
                message: None,
            })
        }
        ActionError::Rule { message, .. } => Ok(FormProblems {
            errors: Vec::new(),
            message: Some(message),
        }),
        other => Err(action_error(other, here)),
    }
}

/// The description word limits of the type, if a screening rule sets them.
fn word_limits(setup: &CycleSetup, session_type: &str) -> Option<(u32, u32)> {
    setup.rules.iter().find_map(|rule| match rule.kind {
        RuleKind::DescriptionWords {
            min_words,
            max_words,
        } if rule.applies_to(session_type) => Some((min_words, max_words)),
        _ => None,
    })
}

fn form_context_lists(
    visit: &Visit,
    setup: &CycleSetup,
    chosen_type: &str,
) -> (Vec<Value>, Vec<Value>, Vec<Value>, Vec<Value>) {
    let types: Vec<Value> = setup
        .session_types
        .iter()
        .filter(|t| t.open || t.code == chosen_type)
        .map(|t| context! { code => t.code.clone(), name => t.name.clone(), selected => t.code == chosen_type })
        .collect();
    let areas: Vec<Value> = setup
        .issue_areas
        .iter()
        .map(|a| context! { code => a.code.clone(), name => a.name.clone(), description => a.description.clone() })
        .collect();
    let roles: Vec<Value> = PersonRole::ALL
        .iter()
        .map(|r| context! { code => r.code(), name => plenary_app::i18n::t(visit.language, &format!("prop-role-{}", r.code())) })
        .collect();
    let confirmations: Vec<Value> = Confirmation::ALL
        .iter()
        .map(|c| context! { code => c.code(), name => plenary_app::i18n::t(visit.language, &format!("prop-conf-{}", c.code())) })
        .collect();
    (types, areas, roles, confirmations)
}

/// The choices the form offers besides the cycle set-up: stakeholder groups and countries
/// as (code, name).
#[derive(Debug, Default)]
struct Choices {
    groups: Vec<(String, String)>,
    countries: Vec<(String, String)>,
}

/// The form page's own context (everything but the shared layout values).
#[expect(
    clippy::too_many_arguments,
    reason = "one page, its inputs and its problems"
)]
fn form_context(
    visit: &Visit,
    forum: Value,
    setup: &CycleSetup,
    choices: &Choices,
    call_open: bool,
    mode: FormMode,
    input: &ProposalInput,
    problems: FormProblems,
) -> Value {
    let year = setup.year;
    let slug = forum
        .get_attr("slug")
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default();
    let chosen_type = setup
        .session_type(&input.session_type)
        .or_else(|| setup.session_types.iter().find(|t| t.open))
        .or_else(|| setup.session_types.first());
    let chosen_code = chosen_type.map(|t| t.code.clone()).unwrap_or_default();
    let (types, areas, roles, confirmations) = form_context_lists(visit, setup, &chosen_code);
    let formats: Vec<String> = chosen_type.map(|t| t.formats.clone()).unwrap_or_default();
    let durations: Vec<String> = chosen_type
        .map(|t| t.durations.iter().map(u32::to_string).collect())
        .unwrap_or_default();
    let groups: Vec<Value> = choices
        .groups
        .iter()
        .map(|(code, name)| context! { code => code, name => name })
        .collect();
    let country_values: Vec<Value> = choices
        .countries
        .iter()
        .map(|(code, name)| context! { code => code, name => name })
        .collect();
    let languages: Vec<Value> = Language::ALL
        .iter()
        .map(|l| context! { code => l.code(), name => l.native_name() })
        .collect();
    let mut values: BTreeMap<String, String> = TEXT_FIELDS
        .iter()
        .map(|f| ((*f).to_owned(), text_field(input, f)))
        .collect();
    values.insert("session_type".into(), chosen_code.clone());
    if values
        .get("proposer_time_zone")
        .is_none_or(String::is_empty)
    {
        values.insert("proposer_time_zone".into(), setup.venue_time_zone.clone());
    }
    if values.get("language").is_none_or(String::is_empty) {
        values.insert("language".into(), "en".into());
    }
    let mut rows: Vec<PersonInput> = input.people.clone();
    let wanted = PEOPLE_ROWS.max(rows.len() + 2);
    while rows.len() < wanted {
        rows.push(PersonInput {
            role: "speaker".into(),
            confirmation: "invited".into(),
            ..PersonInput::default()
        });
    }
    let people: Vec<Value> = rows
        .iter()
        .enumerate()
        .map(|(i, p)| {
            context! {
                index => i + 1, role => p.role.clone(), name => p.name.clone(), email => p.email.clone(),
                organisation => p.organisation.clone(), stakeholder_group => p.stakeholder_group.clone(),
                country => p.country_iso2.clone(), gender => p.gender.clone(), onsite => p.onsite,
                confirmation => p.confirmation.clone(),
            }
        })
        .collect();
    let mut errors: BTreeMap<String, String> = BTreeMap::new();
    for e in &problems.errors {
        errors
            .entry(e.field.to_owned())
            .and_modify(|m| {
                m.push_str("; ");
                m.push_str(&e.problem);
            })
            .or_insert_with(|| e.problem.clone());
    }
    let error_list: Vec<Value> = problems
        .errors
        .iter()
        .map(|e| context! { field => e.field, problem => e.problem.clone() })
        .collect();
    let limits =
        word_limits(setup, &chosen_code).map(|(min, max)| context! { min => min, max => max });
    let (action, editing, submitted) = match mode {
        FormMode::New => (format!("{}/proposals/new", base(&slug, year)), None, false),
        FormMode::Edit { id, submitted } => (
            format!("{}/proposals/{id}/edit", base(&slug, year)),
            Some(id),
            submitted,
        ),
    };
    context! {
        forum => forum, year => year, theme => setup.theme.clone(),
        deadline => ts(setup.dates.call_closes), venue_time_zone => setup.venue_time_zone.clone(),
        call_open => call_open,
        action => action, editing => editing, submitted => submitted, types => types, areas => areas,
        formats => formats, durations => durations, groups => groups, countries => country_values,
        languages => languages, roles => roles, confirmations => confirmations,
        values => values, people => people, errors => errors, error_list => error_list,
        message => problems.message, words => word_count(&input.description), limits => limits,
    }
}

#[expect(
    clippy::too_many_arguments,
    reason = "one page, its inputs and its problems"
)]
async fn form_page(
    state: &AppState,
    visit: &Visit,
    slug: &str,
    year: i32,
    mode: FormMode,
    input: &ProposalInput,
    status: StatusCode,
    problems: FormProblems,
) -> Result<Response, PageError> {
    let here = visit.here.clone();
    let cycle: CycleView = cycles::cycle(&state.app, &visit.viewer, slug, year)
        .await
        .map_err(|e| action_error(e, &here))?;
    let home = forums::forum_home(&state.app, &visit.viewer, slug)
        .await
        .map_err(|e| action_error(e, &here))?;
    let country_list = countries::list_countries(&state.app)
        .await
        .map_err(|e| action_error(e, &here))?;
    let choices = Choices {
        groups: home
            .stakeholder_groups
            .into_iter()
            .map(|g| (g.code, g.name))
            .collect(),
        countries: country_list.into_iter().map(|c| (c.iso2, c.name)).collect(),
    };
    let setup = &cycle.cycle.setup;
    let page = form_context(
        visit,
        forum_value(&cycle.forum),
        setup,
        &choices,
        setup.dates.call_open_at(state.app.now()),
        mode,
        input,
        problems,
    );
    Ok(render(state, visit, status, "proposal_form.html", page))
}

/// `?type=` of the new-proposal form.
#[derive(Debug, Default, Deserialize)]
pub(crate) struct NewQuery {
    #[serde(default, rename = "type")]
    session_type: String,
}

/// GET /f/{slug}/cycles/{year}/proposals/new?type=workshop: the empty form.
pub(crate) async fn new_form(
    State(state): State<AppState>,
    visit: Visit,
    Path((slug, year)): Path<(String, i32)>,
    Query(query): Query<NewQuery>,
) -> Result<Response, PageError> {
    require_signed_in(&visit, None, &visit.here)?;
    let input = ProposalInput {
        session_type: query.session_type,
        ..ProposalInput::default()
    };
    form_page(
        &state,
        &visit,
        &slug,
        year,
        FormMode::New,
        &input,
        StatusCode::OK,
        FormProblems::default(),
    )
    .await
}

/// Whether the form was sent with "Save and submit".
fn wants_submit(form: &FormData) -> bool {
    form.get("action") == "submit"
}

/// POST /f/{slug}/cycles/{year}/proposals/new: save a draft, and submit it if asked.
pub(crate) async fn create(
    State(state): State<AppState>,
    visit: Visit,
    Path((slug, year)): Path<(String, i32)>,
    form: FormData,
) -> Result<Response, PageError> {
    let action = format!("{}/proposals/new", base(&slug, year));
    require_signed_in(&visit, Some(&form), &action)?;
    let input = input_from_form(&form);
    let id = match proposals::new_draft(&state.app, &visit.viewer, &slug, year, &input).await {
        Ok(id) => id,
        Err(err) => {
            let problems = problems_from(&state, &visit, &slug, year, &input, err, &action).await?;
            return form_page(
                &state,
                &visit,
                &slug,
                year,
                FormMode::New,
                &input,
                StatusCode::UNPROCESSABLE_ENTITY,
                problems,
            )
            .await;
        }
    };
    let view = format!("{}/proposals/{id}", base(&slug, year));
    if wants_submit(&form) {
        return submit_then_show(&state, &visit, &slug, year, id).await;
    }
    Ok(see_other(&format!("{view}?notice=proposal-saved")))
}

/// Submits `id` and goes to its page; a refusal (the deadline) is shown on the page.
async fn submit_then_show(
    state: &AppState,
    visit: &Visit,
    slug: &str,
    year: i32,
    id: i64,
) -> Result<Response, PageError> {
    let view = format!("{}/proposals/{id}", base(slug, year));
    match proposals::submit(&state.app, &visit.viewer, slug, year, id).await {
        Ok(_) => Ok(see_other(&format!("{view}?notice=proposal-submitted"))),
        Err(ActionError::Rule { message, .. }) => {
            view_page(
                state,
                visit,
                slug,
                year,
                id,
                StatusCode::UNPROCESSABLE_ENTITY,
                Some(message),
            )
            .await
        }
        Err(ActionError::Invalid(field)) => {
            view_page(
                state,
                visit,
                slug,
                year,
                id,
                StatusCode::UNPROCESSABLE_ENTITY,
                Some(field.to_string()),
            )
            .await
        }
        Err(other) => Err(action_error(other, &view)),
    }
}

/// GET /f/{slug}/cycles/{year}/proposals/{id}/edit: the form with the stored proposal.
pub(crate) async fn edit_form(
    State(state): State<AppState>,
    visit: Visit,
    Path((slug, year, id)): Path<(String, i32, i64)>,
) -> Result<Response, PageError> {
    require_signed_in(&visit, None, &visit.here)?;
    let view = proposals::proposal(&state.app, &visit.viewer, &slug, year, id)
        .await
        .map_err(|e| action_error(e, &visit.here))?;
    form_page(
        &state,
        &visit,
        &slug,
        year,
        FormMode::Edit {
            id,
            submitted: view.status == ProposalStatus::Submitted,
        },
        &input_from_view(&view),
        StatusCode::OK,
        FormProblems::default(),
    )
    .await
}

/// POST /f/{slug}/cycles/{year}/proposals/{id}/edit: save the changes (a submitted proposal is
/// screened again), and submit a draft if asked.
pub(crate) async fn edit(
    State(state): State<AppState>,
    visit: Visit,
    Path((slug, year, id)): Path<(String, i32, i64)>,
    form: FormData,
) -> Result<Response, PageError> {
    let action = format!("{}/proposals/{id}/edit", base(&slug, year));
    require_signed_in(&visit, Some(&form), &action)?;
    let input = input_from_form(&form);
    match proposals::update(&state.app, &visit.viewer, &slug, year, id, &input).await {
        Ok(view) => {
            if wants_submit(&form) && view.status == ProposalStatus::Draft {
                return submit_then_show(&state, &visit, &slug, year, id).await;
            }
            Ok(see_other(&format!(
                "{}/proposals/{id}?notice=proposal-saved",
                base(&slug, year)
            )))
        }
        Err(err) => {
            let problems = problems_from(&state, &visit, &slug, year, &input, err, &action).await?;
            form_page(
                &state,
                &visit,
                &slug,
                year,
                FormMode::Edit {
                    id,
                    submitted: !form.get("submitted").is_empty(),
                },
                &input,
                StatusCode::UNPROCESSABLE_ENTITY,
                problems,
            )
            .await
        }
    }
}

/// POST /f/{slug}/cycles/{year}/proposals/{id}/submit
pub(crate) async fn submit(
    State(state): State<AppState>,
    visit: Visit,
    Path((slug, year, id)): Path<(String, i32, i64)>,
    form: FormData,
) -> Result<Response, PageError> {
    let action = format!("{}/proposals/{id}/submit", base(&slug, year));
    require_signed_in(&visit, Some(&form), &action)?;
    submit_then_show(&state, &visit, &slug, year, id).await
}

/// POST /f/{slug}/cycles/{year}/proposals/{id}/withdraw
pub(crate) async fn withdraw(
    State(state): State<AppState>,
    visit: Visit,
    Path((slug, year, id)): Path<(String, i32, i64)>,
    form: FormData,
) -> Result<Response, PageError> {
    let view = format!("{}/proposals/{id}", base(&slug, year));
    require_signed_in(&visit, Some(&form), &format!("{view}/withdraw"))?;
    match proposals::withdraw(&state.app, &visit.viewer, &slug, year, id).await {
        Ok(()) => Ok(see_other(&format!("{view}?notice=proposal-withdrawn"))),
        Err(ActionError::Rule { message, .. }) => {
            view_page(
                &state,
                &visit,
                &slug,
                year,
                id,
                StatusCode::UNPROCESSABLE_ENTITY,
                Some(message),
            )
            .await
        }
        Err(other) => Err(action_error(other, &view)),
    }
}

/// POST /f/{slug}/cycles/{year}/proposals/{id}/override: the secretariat's decision
/// (`status` = `pass`, `fail` or `remove`) with a reason.
pub(crate) async fn override_screening(
    State(state): State<AppState>,
    visit: Visit,
    Path((slug, year, id)): Path<(String, i32, i64)>,
    form: FormData,
) -> Result<Response, PageError> {
    let view = format!("{}/proposals/{id}", base(&slug, year));
    require_signed_in(&visit, Some(&form), &format!("{view}/override"))?;
    let status = match form.get("status").trim() {
        "remove" | "" => None,
        raw => Some(ScreeningStatus::parse(raw).ok_or(PageError::Invalid {
            field: "status".into(),
        })?),
    };
    match screening::override_result(
        &state.app,
        &visit.viewer,
        &slug,
        year,
        id,
        status,
        form.get("reason"),
    )
    .await
    {
        Ok(()) => Ok(see_other(&format!(
            "{view}?notice=proposal-screening-overridden"
        ))),
        Err(ActionError::Invalid(field)) => {
            view_page(
                &state,
                &visit,
                &slug,
                year,
                id,
                StatusCode::UNPROCESSABLE_ENTITY,
                Some(field.to_string()),
            )
            .await
        }
        Err(ActionError::Rule { message, .. }) => {
            view_page(
                &state,
                &visit,
                &slug,
                year,
                id,
                StatusCode::UNPROCESSABLE_ENTITY,
                Some(message),
            )
            .await
        }
        Err(other) => Err(action_error(other, &view)),
    }
}

// ---------------------------------------------------------------------------------------
// One proposal.

fn proposal_value(visit: &Visit, p: &ProposalView) -> Value {
    let t = |id: &str| plenary_app::i18n::t(visit.language, id);
    let people: Vec<Value> = p
        .people
        .iter()
        .map(|person| {
            context! {
                role => t(&format!("prop-role-{}", person.role.code())), name => person.name.clone(),
                email => person.email.clone(), organisation => person.organisation.clone(),
                stakeholder_group => person.stakeholder_group.clone(), country => person.country_iso2.clone(),
                region => t(&format!("group-{}", person.region.code())), gender => person.gender.clone(),
                onsite => person.onsite, confirmation => t(&format!("prop-conf-{}", person.confirmation.code())),
            }
        })
        .collect();
    let outcomes: Vec<Value> = p
        .screening
        .outcomes
        .iter()
        .map(|o| {
            context! {
                rule => o.rule.clone(), verdict => o.verdict.clone(),
                verdict_label => t(&format!("prop-verdict-{}", o.verdict)),
                explanation => o.explanation.clone(), reason => o.reason.clone(),
            }
        })
        .collect();
    let reasons: Vec<String> = p
        .screening
        .outcomes
        .iter()
        .filter(|o| o.verdict == "fail")
        .map(|o| o.reason.clone())
        .collect();
    let effective = p.screening.effective();
    let is_owner = visit.viewer.account.as_ref().is_some_and(|a| {
        a.email
            .as_str()
            .eq_ignore_ascii_case(p.submitter_email.trim())
    });
    context! {
        id => p.id, number => p.number, year => p.cycle_year, status => p.status.code(),
        status_label => t(&status_id(p.status)), session_type => p.session_type.clone(),
        session_type_name => p.session_type_name.clone(), title => p.title.clone(),
        issue_area => p.issue_area.clone(), issue_area_name => p.issue_area_name.clone(),
        format => p.format.clone(), duration_min => p.duration_min, description => p.description.clone(),
        description_words => word_count(&p.description),
        policy_questions => p.policy_questions.clone(), interaction_plan => p.interaction_plan.clone(),
        online_plan => p.online_plan.clone(), expected_outcomes => p.expected_outcomes.clone(),
        previous_reports => p.previous_reports.clone(), messages_link => p.messages_link.clone(),
        language => p.language.clone(), proposer_time_zone => p.proposer_time_zone.clone(),
        submitter_name => p.submitter_name.clone(), submitter_email => p.submitter_email.clone(),
        submitter_organisation => p.submitter_organisation.clone(),
        submitter_stakeholder_group => p.submitter_stakeholder_group.clone(),
        submitter_country => p.submitter_country_iso2.clone(), people => people,
        screening => effective.code(), screening_label => t(&screening_id(effective)),
        computed => p.screening.computed.code(), computed_label => t(&screening_id(p.screening.computed)),
        screened_at => p.screening.screened_at.map(ts), outcomes => outcomes, reasons => reasons,
        override_status => p.screening.override_status.map(ScreeningStatus::code),
        override_label => p.screening.override_status.map(|s| t(&screening_id(s))),
        override_reason => p.screening.override_reason.clone(), override_by => p.screening.override_by.clone(),
        created_at => ts(p.created_at), submitted_at => p.submitted_at.map(ts), updated_at => ts(p.updated_at),
        can_edit => p.can_edit, deadline_shown => p.deadline_shown.clone(), can_manage => p.can_manage,
        is_owner => is_owner, is_draft => p.status == ProposalStatus::Draft,
    }
}

async fn view_page(
    state: &AppState,
    visit: &Visit,
    slug: &str,
    year: i32,
    id: i64,
    status: StatusCode,
    message: Option<String>,
) -> Result<Response, PageError> {
    let here = format!("{}/proposals/{id}", base(slug, year));
    let view = proposals::proposal(&state.app, &visit.viewer, slug, year, id)
        .await
        .map_err(|e| action_error(e, &here))?;
    let forum = forums::forum_home(&state.app, &visit.viewer, slug)
        .await
        .map_err(|e| action_error(e, &here))?
        .forum;
    Ok(render(
        state,
        visit,
        status,
        "proposal.html",
        context! {
            forum => forum_value(&forum), year => year, proposal => proposal_value(visit, &view),
            message => message,
        },
    ))
}

/// GET /f/{slug}/cycles/{year}/proposals/{id}: the owner or the secretariat.
pub(crate) async fn show(
    State(state): State<AppState>,
    visit: Visit,
    Path((slug, year, id)): Path<(String, i32, i64)>,
) -> Result<Response, PageError> {
    require_signed_in(&visit, None, &visit.here)?;
    view_page(&state, &visit, &slug, year, id, StatusCode::OK, None).await
}

// ---------------------------------------------------------------------------------------
// The dashboard.

/// GET /f/{slug}/cycles/{year}/proposals: the signed-in proposer's proposals.
pub(crate) async fn dashboard(
    State(state): State<AppState>,
    visit: Visit,
    Path((slug, year)): Path<(String, i32)>,
) -> Result<Response, PageError> {
    require_signed_in(&visit, None, &visit.here)?;
    let here = visit.here.clone();
    let board = proposals::dashboard(&state.app, &visit.viewer, &slug, year)
        .await
        .map_err(|e| action_error(e, &here))?;
    let cycle = cycles::cycle(&state.app, &visit.viewer, &slug, year)
        .await
        .map_err(|e| action_error(e, &here))?;
    let open_types: Vec<Value> = cycle
        .cycle
        .setup
        .session_types
        .iter()
        .filter(|t| t.open)
        .map(|t| context! { code => t.code.clone(), name => t.name.clone() })
        .collect();
    let items: Vec<Value> = board
        .proposals
        .iter()
        .map(|p| proposal_value(&visit, p))
        .collect();
    Ok(render(
        &state,
        &visit,
        StatusCode::OK,
        "proposals.html",
        context! {
            forum => forum_value(&board.forum), year => board.cycle_year, call_open => board.call_open,
            deadline_shown => board.deadline_shown.clone(), proposals => items, open_types => open_types,
            publish_received => cycle.cycle.setup.publish_received,
        },
    ))
}

// ---------------------------------------------------------------------------------------
// Lists.

/// The filters of the lists, as the query names them (empty: any).
#[derive(Debug, Default, Clone, Deserialize)]
pub(crate) struct ListQuery {
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

impl ListQuery {
    fn filter(&self) -> ListFilter {
        ListFilter {
            session_type: self.session_type.trim().to_owned(),
            issue_area: self.issue_area.trim().to_owned(),
            screening: self.screening.trim().to_owned(),
            status: self.status.trim().to_owned(),
            region: self.region.trim().to_owned(),
            stakeholder_group: self.stakeholder_group.trim().to_owned(),
            text: self.text.trim().to_owned(),
        }
    }

    fn value(&self) -> Value {
        context! {
            type => self.session_type.clone(), issue_area => self.issue_area.clone(),
            screening => self.screening.clone(), status => self.status.clone(),
            region => self.region.clone(), stakeholder_group => self.stakeholder_group.clone(),
            text => self.text.clone(),
        }
    }
}

fn line_value(visit: &Visit, setup: &CycleSetup, line: &ProposalLine) -> Value {
    let t = |id: &str| plenary_app::i18n::t(visit.language, id);
    let type_name = setup
        .session_type(&line.session_type)
        .map_or_else(|| line.session_type.clone(), |k| k.name.clone());
    let area_name = setup
        .issue_area(&line.issue_area)
        .map_or_else(|| line.issue_area.clone(), |a| a.name.clone());
    context! {
        id => line.id, number => line.number, status => line.status.code(),
        status_label => t(&status_id(line.status)), session_type => line.session_type.clone(),
        type_name => type_name, title => line.title.clone(), issue_area => line.issue_area.clone(),
        area_name => area_name, organisation => line.submitter_organisation.clone(),
        stakeholder_group => line.submitter_stakeholder_group.clone(),
        region => if line.submitter_region.is_empty() { String::new() } else { t(&format!("group-{}", line.submitter_region)) },
        screening => line.screening.code(), screening_label => t(&screening_id(line.screening)),
        overridden => line.overridden, reasons => line.reasons.clone(),
        submitted_at => line.submitted_at.map(ts),
    }
}

fn type_and_area_choices(setup: &CycleSetup) -> (Vec<Value>, Vec<Value>) {
    let types = setup
        .session_types
        .iter()
        .map(|t| context! { code => t.code.clone(), name => t.name.clone() })
        .collect();
    let areas = setup
        .issue_areas
        .iter()
        .map(|a| context! { code => a.code.clone(), name => a.name.clone() })
        .collect();
    (types, areas)
}

/// GET /f/{slug}/cycles/{year}/received: the public list of received proposals.
pub(crate) async fn received(
    State(state): State<AppState>,
    visit: Visit,
    Path((slug, year)): Path<(String, i32)>,
    Query(query): Query<ListQuery>,
) -> Result<Response, PageError> {
    let here = visit.here.clone();
    let filter = ListFilter {
        session_type: query.session_type.trim().to_owned(),
        issue_area: query.issue_area.trim().to_owned(),
        ..ListFilter::default()
    };
    let list = proposals::received(&state.app, &visit.viewer, &slug, year, &filter)
        .await
        .map_err(|e| action_error(e, &here))?;
    let cycle = cycles::cycle(&state.app, &visit.viewer, &slug, year)
        .await
        .map_err(|e| action_error(e, &here))?;
    let setup = &cycle.cycle.setup;
    let (types, areas) = type_and_area_choices(setup);
    let lines: Vec<Value> = list
        .lines
        .iter()
        .map(|l| line_value(&visit, setup, l))
        .collect();
    Ok(render(
        &state,
        &visit,
        StatusCode::OK,
        "proposals_received.html",
        context! {
            forum => forum_value(&list.forum), year => year, lines => lines, total => list.total,
            types => types, areas => areas, query => query.value(),
        },
    ))
}

/// What a screening run reported, shown above the list.
#[derive(Debug, Clone, Copy)]
struct RunSummary {
    passed: usize,
    failed: usize,
    mailed: usize,
}

async fn screening_page(
    state: &AppState,
    visit: &Visit,
    slug: &str,
    year: i32,
    query: &ListQuery,
    run: Option<RunSummary>,
) -> Result<Response, PageError> {
    let here = format!("{}/screening", base(slug, year));
    let list = proposals::manage_list(&state.app, &visit.viewer, slug, year, &query.filter())
        .await
        .map_err(|e| action_error(e, &here))?;
    let cycle = cycles::cycle(&state.app, &visit.viewer, slug, year)
        .await
        .map_err(|e| action_error(e, &here))?;
    let home = forums::forum_home(&state.app, &visit.viewer, slug)
        .await
        .map_err(|e| action_error(e, &here))?;
    let setup = &cycle.cycle.setup;
    let t = |id: &str| plenary_app::i18n::t(visit.language, id);
    let (types, areas) = type_and_area_choices(setup);
    let lines: Vec<Value> = list
        .lines
        .iter()
        .map(|l| line_value(visit, setup, l))
        .collect();
    let count = |s: ScreeningStatus| list.lines.iter().filter(|l| l.screening == s).count();
    let counts = context! {
        total => list.total, shown => list.lines.len(), pass => count(ScreeningStatus::Pass),
        fail => count(ScreeningStatus::Fail), pending => count(ScreeningStatus::Pending),
        overridden => list.lines.iter().filter(|l| l.overridden).count(),
    };
    let screenings: Vec<Value> = [
        ScreeningStatus::Pending,
        ScreeningStatus::Pass,
        ScreeningStatus::Fail,
    ]
    .iter()
    .map(|s| context! { code => s.code(), name => t(&screening_id(*s)) })
    .collect();
    let statuses: Vec<Value> = ProposalStatus::ALL
        .iter()
        .map(|s| context! { code => s.code(), name => t(&status_id(*s)) })
        .collect();
    let regions: Vec<Value> = UnRegionalGroup::ALL
        .iter()
        .map(|r| context! { code => r.code(), name => t(&format!("group-{}", r.code())) })
        .collect();
    let groups: Vec<Value> = home
        .stakeholder_groups
        .iter()
        .map(|g| context! { code => g.code.clone(), name => g.name.clone() })
        .collect();
    let run = run.map(|r| context! { passed => r.passed, failed => r.failed, mailed => r.mailed });
    let cap = screening::speaker_cap_report(&state.app, &visit.viewer, slug, year)
        .await
        .map_err(|e| action_error(e, &here))?
        .map(|report| {
            let people: Vec<Value> = report
                .people
                .iter()
                .map(|p| {
                    let sessions: Vec<Value> = p
                        .sessions
                        .iter()
                        .map(|(number, title)| context! { number => number, title => title })
                        .collect();
                    context! { name => p.name.clone(), email => p.email.clone(), sessions => sessions }
                })
                .collect();
            context! { cap => report.cap, proposals => report.proposals, people => people }
        });
    Ok(render(
        state,
        visit,
        StatusCode::OK,
        "screening.html",
        context! {
            forum => forum_value(&list.forum), year => year, lines => lines, counts => counts,
            types => types, areas => areas, screenings => screenings, statuses => statuses,
            regions => regions, groups => groups, query => query.value(), run => run,
            cap => cap,
        },
    ))
}

/// GET /f/{slug}/cycles/{year}/screening: the secretariat's list with filters.
pub(crate) async fn screening_list(
    State(state): State<AppState>,
    visit: Visit,
    Path((slug, year)): Path<(String, i32)>,
    Query(query): Query<ListQuery>,
) -> Result<Response, PageError> {
    require_signed_in(&visit, None, &visit.here)?;
    screening_page(&state, &visit, &slug, year, &query, None).await
}

/// POST /f/{slug}/cycles/{year}/screening: run the cycle's rules over every submitted
/// proposal (optionally mailing each proposer the result), then show the list.
pub(crate) async fn run_screening(
    State(state): State<AppState>,
    visit: Visit,
    Path((slug, year)): Path<(String, i32)>,
    form: FormData,
) -> Result<Response, PageError> {
    let action = format!("{}/screening", base(&slug, year));
    require_signed_in(&visit, Some(&form), &action)?;
    let notify = !form.get("notify").is_empty();
    let run = screening::screen_cycle(&state.app, &visit.viewer, &slug, year, notify)
        .await
        .map_err(|e| action_error(e, &action))?;
    screening_page(
        &state,
        &visit,
        &slug,
        year,
        &ListQuery::default(),
        Some(RunSummary {
            passed: run.passed,
            failed: run.failed,
            mailed: run.mailed,
        }),
    )
    .await
}

#[cfg(test)]
mod tests {

    use plenary_app::accounts::Viewer;
    use plenary_app::calls::proposals::{OutcomeView, ScreeningView};
    use plenary_domain::accounts::{Account, DisplayName, Email};
    use plenary_domain::calls::ProposalPerson;

    use super::super::render_check::render_page;
    use super::*;
    use crate::templates::Templates;

    const HTML: &str = "<script>alert('x')</script> & <b>bold</b>";

    fn visit(language: Language) -> Visit {
        let account = Account {
            id: plenary_domain::AccountId(7),
            email: Email::parse("proposer@example.org").unwrap(),
            display_name: DisplayName::parse("Amina Diallo").unwrap(),
            language: None,
            created_at: Timestamp::from_unix_seconds(0),
            disabled: false,
        };
        Visit {
            viewer: Viewer {
                account: Some(account),
                session_id: None,
            },
            language,
            csrf: "token".into(),
            session_expired: false,
            here: "/f/igf/cycles/2027/proposals".into(),
        }
    }

    fn view() -> ProposalView {
        let at = Timestamp::from_unix_seconds(1_790_000_000);
        ProposalView {
            id: 12,
            number: 3,
            cycle_year: 2027,
            status: ProposalStatus::Submitted,
            session_type: "workshop".into(),
            session_type_name: "Workshop".into(),
            title: HTML.into(),
            issue_area: "data_governance".into(),
            issue_area_name: "Data Governance & Trust".into(),
            format: "Round table".into(),
            duration_min: 90,
            description: HTML.into(),
            policy_questions: HTML.into(),
            interaction_plan: String::new(),
            online_plan: String::new(),
            expected_outcomes: String::new(),
            previous_reports: String::new(),
            messages_link: String::new(),
            language: "en".into(),
            proposer_time_zone: "Africa/Nairobi".into(),
            submitter_name: HTML.into(),
            submitter_email: "proposer@example.org".into(),
            submitter_organisation: HTML.into(),
            submitter_stakeholder_group: "civil_society".into(),
            submitter_country_iso2: "KE".into(),
            people: vec![ProposalPerson {
                role: PersonRole::Speaker,
                name: HTML.into(),
                email: String::new(),
                organisation: HTML.into(),
                stakeholder_group: "civil_society".into(),
                country_iso2: "KE".into(),
                region: UnRegionalGroup::African,
                gender: HTML.into(),
                onsite: true,
                confirmation: Confirmation::Provisional,
            }],
            screening: ScreeningView {
                computed: ScreeningStatus::Fail,
                outcomes: vec![OutcomeView {
                    rule: "confirmed_speakers".into(),
                    verdict: "fail".into(),
                    explanation: "At least 3 speakers are provisionally confirmed.".into(),
                    reason: HTML.into(),
                }],
                screened_at: Some(at),
                override_status: None,
                override_reason: String::new(),
                override_by: String::new(),
            },
            created_at: at,
            submitted_at: Some(at),
            updated_at: at,
            can_edit: true,
            deadline_shown: "15 Dec 2026, 23:59 (Africa/Nairobi)".into(),
            can_manage: true,
        }
    }

    fn line() -> ProposalLine {
        ProposalLine {
            id: 12,
            number: 3,
            status: ProposalStatus::Submitted,
            session_type: "workshop".into(),
            title: HTML.into(),
            issue_area: "data_governance".into(),
            submitter_organisation: HTML.into(),
            submitter_stakeholder_group: "civil_society".into(),
            submitter_region: "african".into(),
            screening: ScreeningStatus::Fail,
            overridden: true,
            reasons: vec![HTML.into()],
            submitted_at: None,
        }
    }

    fn check(name: &str, language: Language, html: &str) {
        // A message id shown instead of its text means the id is missing.
        super::super::render_check::check(
            name,
            language,
            html,
            &[">prop-", "(prop-", " prop-", ">proposal-"],
        );
    }

    #[test]
    fn every_proposal_page_renders_in_every_language_with_html_shown_as_text() {
        let templates = Templates::load();
        let setup = plenary_app::calls::document::preset_setup("igf2023", 2027).unwrap();
        let forum = context! { slug => "igf", name => "IGF" };
        let choices = Choices {
            groups: vec![("civil_society".into(), "Civil society".into())],
            countries: vec![("KE".into(), "Kenya".into())],
        };
        for language in Language::ALL {
            let visit = visit(language);
            let input = ProposalInput {
                session_type: "workshop".into(),
                title: HTML.into(),
                description: format!("{HTML} four more words"),
                people: vec![PersonInput {
                    role: "speaker".into(),
                    name: HTML.into(),
                    confirmation: "provisional".into(),
                    onsite: true,
                    ..PersonInput::default()
                }],
                ..ProposalInput::default()
            };
            let problems = FormProblems {
                errors: vec![FieldError::new("people", "listed_twice", HTML)],
                message: Some(HTML.into()),
            };
            let page = form_context(
                &visit,
                forum.clone(),
                &setup,
                &choices,
                true,
                FormMode::Edit {
                    id: 12,
                    submitted: true,
                },
                &input,
                problems,
            );
            let html = render_page(&templates, &visit, "proposal_form.html", page);
            check("proposal_form.html", language, &html);
            for id in ["people-error", "form-errors", "save-changes", "p8_name"] {
                assert!(html.contains(&format!("id=\"{id}\"")), "{id}");
            }
            assert!(
                html.contains("value=\"Asia&#x2f;Tokyo\""),
                "the venue's time zone"
            );
            assert!(
                !html.contains("id=\"p9_name\""),
                "eight rows for one person"
            );

            let page = context! { forum => forum.clone(), year => 2027, proposal => proposal_value(&visit, &view()), message => HTML };
            let html = render_page(&templates, &visit, "proposal.html", page);
            check("proposal.html", language, &html);
            for id in [
                "screening-reasons",
                "override-form",
                "edit-link",
                "withdraw-proposal",
            ] {
                assert!(html.contains(&format!("id=\"{id}\"")), "{id}: {html}");
            }

            let page = context! {
                forum => forum.clone(), year => 2027, call_open => true, deadline_shown => "D",
                proposals => vec![proposal_value(&visit, &view())],
                open_types => vec![context! { code => "workshop", name => "Workshop" }],
                publish_received => true,
            };
            let html = render_page(&templates, &visit, "proposals.html", page);
            check("proposals.html", language, &html);
            assert!(html.contains("id=\"new-workshop\""));

            let (types, areas) = type_and_area_choices(&setup);
            let lines = vec![line_value(&visit, &setup, &line())];
            let query = ListQuery::default();
            let page = context! {
                forum => forum.clone(), year => 2027, lines => lines.clone(), total => 1,
                types => types.clone(), areas => areas.clone(), query => query.value(),
            };
            let html = render_page(&templates, &visit, "proposals_received.html", page);
            check("proposals_received.html", language, &html);

            let page = context! {
                forum => forum.clone(), year => 2027, lines => lines,
                counts => context! { total => 1, shown => 1, pass => 0, fail => 1, pending => 0, overridden => 1 },
                types => types, areas => areas, screenings => Vec::<Value>::new(), statuses => Vec::<Value>::new(),
                regions => Vec::<Value>::new(), groups => Vec::<Value>::new(), query => query.value(),
                run => context! { passed => 5, failed => 6, mailed => 11 },
            };
            let html = render_page(&templates, &visit, "screening.html", page);
            check("screening.html", language, &html);
            assert!(html.contains("id=\"run-summary\""));
        }
    }

    #[test]
    fn empty_rows_are_ignored_and_a_stored_proposal_fills_the_form() {
        let view = view();
        let input = input_from_view(&view);
        assert_eq!(input.duration_min, "90");
        assert_eq!(input.people.len(), 1);
        assert_eq!(input.people[0].confirmation, "provisional");
        let blank = PersonInput {
            role: "speaker".into(),
            confirmation: "invited".into(),
            ..PersonInput::default()
        };
        assert!(is_empty_row(&blank));
        assert!(!is_empty_row(&input.people[0]));
    }
}
