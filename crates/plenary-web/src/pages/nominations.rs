//! Nomination pages of a body: the public nomination form, and the secretariat's calls
//! page, review list (checks, duplicates, score/status, merge), CSV export and import.
//!
//! Every handler calls one `plenary_app::bodies::nominations` action; the form is
//! re-rendered with the visitor's input and one message per bad field.

use std::collections::BTreeMap;

use axum::extract::{Path, Query, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use minijinja::{Value, context};
use plenary_app::ActionError;
use plenary_app::bodies::nominations::{
    self as nominations, Assessment, CallInput, CallList, CallSummary, NominationStatus,
    RawNomination, ReviewFilter, SubmitOutcome,
};
use plenary_domain::FieldError;
use plenary_domain::countries::UnRegionalGroup;

use crate::AppState;
use crate::csrf::FormData;
use crate::error::PageError;
use crate::pages::forums::forum_value;
use crate::pages::{field_error_message, render, require_signed_in, see_other, urlencode};
use crate::visit::Visit;

/// The text fields of the nomination form, as the form names them.
const FORM_FIELDS: [&str; 11] = [
    "cycle",
    "candidate_name",
    "candidate_email",
    "stakeholder_group",
    "country",
    "gender",
    "organisation",
    "statement",
    "nominator_name",
    "nominator_email",
    "self_nomination",
];

/// How many endorsement rows the form offers.
const ENDORSEMENT_ROWS: usize = 3;

fn call_value(call: &CallSummary) -> Value {
    context! {
        year => call.cycle_year, title => call.title.clone(), description => call.description.clone(),
        opens_at => call.opens_at.to_display_utc(), closes_at => call.closes_at.to_display_utc(),
        opens_date => call.opens_at.to_rfc3339_seconds().get(..10).unwrap_or("").to_owned(),
        closes_date => call.closes_at.to_rfc3339_seconds().get(..10).unwrap_or("").to_owned(),
        is_open => call.is_open, nominations => call.nominations,
    }
}

fn list_values(list: &CallList) -> (Value, Vec<Value>, Vec<Value>) {
    let body = context! { slug => list.body_slug.clone(), name => list.body_name.clone() };
    let groups = list
        .groups
        .iter()
        .map(|(code, name)| context! { code => code, name => name })
        .collect();
    let countries = list
        .countries
        .iter()
        .map(|(code, name)| context! { code => code, name => name })
        .collect();
    (body, groups, countries)
}

#[expect(
    clippy::too_many_arguments,
    reason = "one page, its inputs and its errors"
)]
async fn nominate_page(
    state: &AppState,
    visit: &Visit,
    slug: &str,
    body: &str,
    status: StatusCode,
    values: BTreeMap<String, String>,
    errors: BTreeMap<String, String>,
    message: Option<String>,
) -> Result<Response, PageError> {
    let list = nominations::calls(&state.app, &visit.viewer, slug, body)
        .await
        .map_err(|e| PageError::from_action(e, &visit.here))?;
    let (body_value, groups, countries) = list_values(&list);
    let open: Vec<Value> = list
        .calls
        .iter()
        .filter(|c| c.is_open)
        .map(call_value)
        .collect();
    let endorsements: Vec<Value> = (1..=ENDORSEMENT_ROWS)
        .map(|i| {
            context! {
                index => i,
                organisation => values.get(&format!("endorsement_{i}")).cloned().unwrap_or_default(),
                note => values.get(&format!("endorsement_note_{i}")).cloned().unwrap_or_default(),
            }
        })
        .collect();
    Ok(render(
        state,
        visit,
        status,
        "nominate.html",
        context! {
            forum => forum_value(&list.forum), body => body_value, calls => open, groups => groups,
            countries => countries, values => values, errors => errors, message => message,
            endorsements => endorsements,
        },
    ))
}

/// GET /f/{slug}/bodies/{body}/nominate: the open calls and the nomination form.
pub(crate) async fn nominate_form(
    State(state): State<AppState>,
    visit: Visit,
    Path((slug, body)): Path<(String, String)>,
) -> Result<Response, PageError> {
    nominate_page(
        &state,
        &visit,
        &slug,
        &body,
        StatusCode::OK,
        BTreeMap::new(),
        BTreeMap::new(),
        None,
    )
    .await
}

/// POST /f/{slug}/bodies/{body}/nominate: anyone may nominate while a call is open.
pub(crate) async fn nominate(
    State(state): State<AppState>,
    visit: Visit,
    Path((slug, body)): Path<(String, String)>,
    form: FormData,
) -> Result<Response, PageError> {
    let here = format!("/f/{slug}/bodies/{body}/nominate");
    let mut values: BTreeMap<String, String> = FORM_FIELDS
        .iter()
        .map(|f| ((*f).to_owned(), form.get(f).to_owned()))
        .collect();
    let mut endorsements = Vec::new();
    for i in 1..=ENDORSEMENT_ROWS {
        let org = form.get(&format!("endorsement_{i}")).to_owned();
        let note = form.get(&format!("endorsement_note_{i}")).to_owned();
        values.insert(format!("endorsement_{i}"), org.clone());
        values.insert(format!("endorsement_note_{i}"), note.clone());
        endorsements.push((org, note));
    }
    let Ok(cycle) = form.get("cycle").trim().parse::<i32>() else {
        return Err(PageError::Invalid {
            field: "cycle".into(),
        });
    };
    let raw = RawNomination {
        self_nomination: !form.get("self_nomination").is_empty(),
        candidate_name: form.get("candidate_name").to_owned(),
        candidate_email: form.get("candidate_email").to_owned(),
        stakeholder_group: form.get("stakeholder_group").to_owned(),
        country_iso2: form.get("country").to_owned(),
        gender: form.get("gender").to_owned(),
        organisation: form.get("organisation").to_owned(),
        statement: form.get("statement").to_owned(),
        nominator_name: form.get("nominator_name").to_owned(),
        nominator_email: form.get("nominator_email").to_owned(),
        endorsements,
    };
    let outcome = nominations::submit(&state.app, &visit.viewer, &slug, &body, cycle, &raw).await;
    let (errors, message) = match outcome {
        Ok(SubmitOutcome::Submitted(_)) => {
            return Ok(see_other(&format!("{here}?notice=nomination-received")));
        }
        Ok(SubmitOutcome::Invalid(errors)) => (field_errors(&visit, &errors), None),
        Err(ActionError::Rule { message, .. }) => (BTreeMap::new(), Some(message)),
        Err(other) => return Err(PageError::from_action(other, &here)),
    };
    nominate_page(
        &state,
        &visit,
        &slug,
        &body,
        StatusCode::UNPROCESSABLE_ENTITY,
        values,
        errors,
        message,
    )
    .await
}

/// The form's field name for a domain field, and its problem in the visitor's language
/// (`nomerr-CODE`; the domain's English words for a code without a message).
fn field_errors(visit: &Visit, errors: &[FieldError]) -> BTreeMap<String, String> {
    let mut map = BTreeMap::new();
    for e in errors {
        let field = match e.field {
            "endorsement" | "endorsement_note" => "endorsements",
            other => other,
        };
        let id = format!("nomerr-{}", e.code);
        let translated = plenary_app::i18n::t(visit.language, &id);
        let message = if translated == id {
            e.problem.clone()
        } else {
            translated
        };
        map.entry(field.to_owned()).or_insert(message);
    }
    map
}

async fn calls_page(
    state: &AppState,
    visit: &Visit,
    slug: &str,
    body: &str,
    status: StatusCode,
    error: Option<String>,
) -> Result<Response, PageError> {
    let list = nominations::manage_calls(&state.app, &visit.viewer, slug, body)
        .await
        .map_err(|e| PageError::from_action(e, &visit.here))?;
    let (body_value, _, _) = list_values(&list);
    let calls: Vec<Value> = list.calls.iter().map(call_value).collect();
    Ok(render(
        state,
        visit,
        status,
        "calls.html",
        context! { forum => forum_value(&list.forum), body => body_value, calls => calls, error => error },
    ))
}

/// GET /f/{slug}/bodies/{body}/calls: the body's calls (the secretariat).
pub(crate) async fn calls(
    State(state): State<AppState>,
    visit: Visit,
    Path((slug, body)): Path<(String, String)>,
) -> Result<Response, PageError> {
    calls_page(&state, &visit, &slug, &body, StatusCode::OK, None).await
}

/// POST /f/{slug}/bodies/{body}/calls: open a call.
pub(crate) async fn open_call(
    State(state): State<AppState>,
    visit: Visit,
    Path((slug, body)): Path<(String, String)>,
    form: FormData,
) -> Result<Response, PageError> {
    let action = format!("/f/{slug}/bodies/{body}/calls");
    require_signed_in(&visit, Some(&form), &action)?;
    let input = CallInput {
        cycle_year: form.get("cycle_year").to_owned(),
        title: form.get("title").to_owned(),
        description: form.get("description").to_owned(),
        opens_at: form.get("opens_at").to_owned(),
        closes_at: form.get("closes_at").to_owned(),
    };
    match nominations::open_call(&state.app, &visit.viewer, &slug, &body, &input).await {
        Ok(_) => Ok(see_other(&format!("{action}?notice=call-opened"))),
        Err(ActionError::Invalid(field)) => {
            let message = field_error_message(&visit, &field);
            calls_page(
                &state,
                &visit,
                &slug,
                &body,
                StatusCode::UNPROCESSABLE_ENTITY,
                Some(message),
            )
            .await
        }
        Err(other) => Err(PageError::from_action(other, &action)),
    }
}

/// `?status=&group=` of the review list.
#[derive(Debug, Default, serde::Deserialize)]
pub(crate) struct ReviewQuery {
    #[serde(default)]
    status: Option<String>,
    #[serde(default)]
    group: Option<String>,
}

async fn review_page(
    state: &AppState,
    visit: &Visit,
    (slug, body, year): (&str, &str, i32),
    query: &ReviewQuery,
    status: StatusCode,
    error: Option<String>,
) -> Result<Response, PageError> {
    let filter = ReviewFilter {
        status: query
            .status
            .as_deref()
            .filter(|s| !s.is_empty())
            .and_then(|s| NominationStatus::parse(s).ok()),
        stakeholder_group: query.group.clone().filter(|g| !g.is_empty()),
    };
    let review = nominations::review(&state.app, &visit.viewer, slug, body, year, &filter)
        .await
        .map_err(|e| PageError::from_action(e, &visit.here))?;
    let t = |id: &str| plenary_app::i18n::t(visit.language, id);
    let names: BTreeMap<i64, String> = review
        .nominations
        .iter()
        .map(|n| (n.id, n.candidate_name.clone()))
        .collect();
    let items: Vec<Value> = review
        .nominations
        .iter()
        .map(|n| {
            context! {
                id => n.id, name => n.candidate_name.clone(), email => n.candidate_email.clone(),
                group => n.stakeholder_group.replace('_', " "), country => n.country_iso2.clone(),
                region => t(&format!("group-{}", n.region.code())), gender => n.gender.clone(),
                organisation => n.organisation.clone(), statement => n.statement.clone(),
                self_nomination => n.self_nomination, status => n.status.code(), score => n.score,
                note => n.note.clone(), first_time => n.first_time, merged_into => n.merged_into,
                nominators => n.nominators.iter().map(|(name, email)| context! { name => name, email => email }).collect::<Vec<_>>(),
                endorsements => n.endorsements.iter().map(|(org, note)| context! { organisation => org, note => note }).collect::<Vec<_>>(),
                checks => n.checks.iter().map(|c| context! { code => c.code, passed => c.passed, reason => c.reason.clone() }).collect::<Vec<_>>(),
                duplicates => n.duplicates.iter().map(|d| context! { id => d, name => names.get(d).cloned().unwrap_or_default() }).collect::<Vec<_>>(),
            }
        })
        .collect();
    let regions: Vec<UnRegionalGroup> = UnRegionalGroup::ALL.to_vec();
    let count_rows: Vec<Value> = review
        .groups
        .iter()
        .map(|(code, name)| {
            let cells: Vec<u32> = regions
                .iter()
                .map(|r| review.counts.get(&(code.clone(), *r)).copied().unwrap_or(0))
                .collect();
            context! { name => name, total => cells.iter().sum::<u32>(), cells => cells }
        })
        .collect();
    let statuses: Vec<Value> = NominationStatus::ALL
        .iter()
        .map(|s| {
            context! { code => s.code(), count => review.by_status.get(s).copied().unwrap_or(0),
            selected => query.status.as_deref() == Some(s.code()) }
        })
        .collect();
    let groups: Vec<Value> = review
        .groups
        .iter()
        .map(|(code, name)| context! { code => code, name => name, selected => query.group.as_deref() == Some(code.as_str()) })
        .collect();
    Ok(render(
        state,
        visit,
        status,
        "call_review.html",
        context! {
            forum => forum_value(&review.forum),
            body => context! { slug => review.body_slug.clone(), name => review.body_name.clone() },
            call => call_value(&review.call), nominations => items, statuses => statuses, groups => groups,
            regions => regions.iter().map(|r| t(&format!("group-{}", r.code()))).collect::<Vec<_>>(),
            counts => count_rows, error_lines => error.as_deref().map(|e| e.lines().map(str::to_owned).collect::<Vec<_>>()),
        },
    ))
}

/// GET /f/{slug}/bodies/{body}/calls/{year}: the review list (the secretariat).
pub(crate) async fn review(
    State(state): State<AppState>,
    visit: Visit,
    Path((slug, body, year)): Path<(String, String, i32)>,
    Query(query): Query<ReviewQuery>,
) -> Result<Response, PageError> {
    review_page(
        &state,
        &visit,
        (&slug, &body, year),
        &query,
        StatusCode::OK,
        None,
    )
    .await
}

/// After a failed review action: the list again with the reason, or the error page.
async fn review_error(
    state: &AppState,
    visit: &Visit,
    (slug, body, year): (&str, &str, i32),
    err: ActionError,
    back: &str,
) -> Result<Response, PageError> {
    let message = match err {
        ActionError::Invalid(field) => field_error_message(visit, &field),
        ActionError::Rule { message, .. } => message,
        other => return Err(PageError::from_action(other, back)),
    };
    review_page(
        state,
        visit,
        (slug, body, year),
        &ReviewQuery::default(),
        StatusCode::UNPROCESSABLE_ENTITY,
        Some(message),
    )
    .await
}

fn nomination_id(form: &FormData, field: &'static str) -> Result<i64, PageError> {
    form.get(field)
        .trim()
        .parse()
        .map_err(|_| PageError::Invalid {
            field: field.into(),
        })
}

/// POST /f/{slug}/bodies/{body}/calls/{year}/assess: status, score and note of one nomination.
pub(crate) async fn assess(
    State(state): State<AppState>,
    visit: Visit,
    Path((slug, body, year)): Path<(String, String, i32)>,
    form: FormData,
) -> Result<Response, PageError> {
    let back = format!("/f/{slug}/bodies/{body}/calls/{year}");
    require_signed_in(&visit, Some(&form), &format!("{back}/assess"))?;
    let id = nomination_id(&form, "nomination")?;
    let input = Assessment {
        status: form.get("status").to_owned(),
        score: form.get("score").to_owned(),
        note: form.get("note").to_owned(),
    };
    match nominations::assess(&state.app, &visit.viewer, &slug, &body, year, id, &input).await {
        Ok(()) => Ok(see_other(&format!("{back}?notice=nomination-saved#n{id}"))),
        Err(err) => review_error(&state, &visit, (&slug, &body, year), err, &back).await,
    }
}

/// POST /f/{slug}/bodies/{body}/calls/{year}/merge: fold `drop` into `keep`.
pub(crate) async fn merge(
    State(state): State<AppState>,
    visit: Visit,
    Path((slug, body, year)): Path<(String, String, i32)>,
    form: FormData,
) -> Result<Response, PageError> {
    let back = format!("/f/{slug}/bodies/{body}/calls/{year}");
    require_signed_in(&visit, Some(&form), &format!("{back}/merge"))?;
    let keep = nomination_id(&form, "keep")?;
    let drop = nomination_id(&form, "drop")?;
    match nominations::merge(&state.app, &visit.viewer, &slug, &body, year, keep, drop).await {
        Ok(()) => Ok(see_other(&format!(
            "{back}?notice=nominations-merged#n{keep}"
        ))),
        Err(err) => review_error(&state, &visit, (&slug, &body, year), err, &back).await,
    }
}

/// GET /f/{slug}/bodies/{body}/calls/{year}/export.csv
pub(crate) async fn export_csv(
    State(state): State<AppState>,
    visit: Visit,
    Path((slug, body, year)): Path<(String, String, i32)>,
) -> Result<Response, PageError> {
    let csv = nominations::export_csv(&state.app, &visit.viewer, &slug, &body, year)
        .await
        .map_err(|e| PageError::from_action(e, &visit.here))?;
    Ok((
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8".to_owned()),
            (
                header::CONTENT_DISPOSITION,
                format!(
                    "attachment; filename=\"nominations-{}-{}-{year}.csv\"",
                    urlencode(&slug),
                    urlencode(&body)
                ),
            ),
        ],
        csv,
    )
        .into_response())
}

/// POST /f/{slug}/bodies/{body}/calls/{year}/import: CSV pasted into the form.
pub(crate) async fn import(
    State(state): State<AppState>,
    visit: Visit,
    Path((slug, body, year)): Path<(String, String, i32)>,
    form: FormData,
) -> Result<Response, PageError> {
    let back = format!("/f/{slug}/bodies/{body}/calls/{year}");
    require_signed_in(&visit, Some(&form), &format!("{back}/import"))?;
    match nominations::import_csv(
        &state.app,
        &visit.viewer,
        &slug,
        &body,
        year,
        form.get("csv"),
    )
    .await
    {
        Ok(_) => Ok(see_other(&format!("{back}?notice=nominations-imported"))),
        Err(ActionError::Invalid(field)) if field.field == "csv" => {
            review_page(
                &state,
                &visit,
                (&slug, &body, year),
                &ReviewQuery::default(),
                StatusCode::UNPROCESSABLE_ENTITY,
                Some(field.problem),
            )
            .await
        }
        Err(err) => review_error(&state, &visit, (&slug, &body, year), err, &back).await,
    }
}
