//! Pages of a forum's yearly cycles: the list, the public overview of one cycle (host, dates
//! in the venue's time zone and UTC, issue areas, session types, screening rules), the
//! secretariat's set-up form (TOML/JSON, start from a preset; every problem listed when
//! refused), and the call for issues (form, full view with counts, CSV exports).
//!
//! Every handler calls one `plenary_app::calls::cycles` or `calls::issues` action; text
//! typed by anyone is passed to the templates as is and escaped there.

use std::collections::BTreeMap;

use axum::extract::{Path, Query, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use minijinja::{Value, context};
use plenary_app::ActionError;
use plenary_app::calls::cycles::{self, Cycle, SetUpOutcome, display_in_zone};
use plenary_app::calls::document;
use plenary_app::calls::issues::{self, IssueForm, SubmitOutcome};
use plenary_domain::FieldError;
use plenary_domain::Timestamp;
use plenary_domain::calls::Approver;
use plenary_domain::countries::UnRegionalGroup;

use crate::AppState;
use crate::csrf::FormData;
use crate::error::PageError;
use crate::pages::forums::forum_value;
use crate::pages::{render, require_signed_in, see_other, urlencode};
use crate::visit::Visit;

fn summary_value(cycle: &Cycle) -> Value {
    let s = &cycle.setup;
    context! {
        year => cycle.year, theme => s.theme.clone(), host_country => s.host_country_iso2.clone(),
        host_city => s.host_city.clone(), meeting_start => s.meeting_start.clone(),
        meeting_end => s.meeting_end.clone(),
    }
}

/// GET /f/{slug}/cycles: the forum's cycles, newest first.
pub(crate) async fn list(
    State(state): State<AppState>,
    visit: Visit,
    Path(slug): Path<String>,
) -> Result<Response, PageError> {
    let list = cycles::cycles(&state.app, &visit.viewer, &slug)
        .await
        .map_err(|e| PageError::from_action(e, &visit.here))?;
    let items: Vec<Value> = list.cycles.iter().map(summary_value).collect();
    Ok(render(
        &state,
        &visit,
        StatusCode::OK,
        "cycles.html",
        context! { forum => forum_value(&list.forum), cycles => items, can_manage => list.can_manage },
    ))
}

/// A key date in the venue's time zone and in UTC.
fn date_value(label: &str, t: Timestamp, zone: &str) -> Value {
    context! { label => label, venue => display_in_zone(t, zone), utc => t.to_display_utc() }
}

/// GET /f/{slug}/cycles/{year}: the public overview of a cycle.
pub(crate) async fn show(
    State(state): State<AppState>,
    visit: Visit,
    Path((slug, year)): Path<(String, i32)>,
) -> Result<Response, PageError> {
    let view = cycles::cycle(&state.app, &visit.viewer, &slug, year)
        .await
        .map_err(|e| PageError::from_action(e, &visit.here))?;
    let countries = plenary_app::countries::list_countries(&state.app)
        .await
        .map_err(|e| PageError::from_action(e, &visit.here))?;
    let s = &view.cycle.setup;
    let country_name = countries
        .iter()
        .find(|c| c.iso2 == s.host_country_iso2)
        .map_or_else(|| s.host_country_iso2.clone(), |c| c.name.clone());
    let zone = s.venue_time_zone.as_str();
    let d = &s.dates;
    let dates = vec![
        date_value("date-issues-open", d.issues_open, zone),
        date_value("date-issues-close", d.issues_close, zone),
        date_value("date-call-opens", d.call_opens, zone),
        date_value("date-call-closes", d.call_closes, zone),
        date_value("date-screening-due", d.screening_due, zone),
        date_value("date-evaluation-due", d.evaluation_due, zone),
        date_value("date-notification", d.notification, zone),
    ];
    let areas: Vec<Value> = s
        .issue_areas
        .iter()
        .map(|a| context! { code => a.code.clone(), name => a.name.clone(), description => a.description.clone() })
        .collect();
    let types: Vec<Value> = s
        .session_types
        .iter()
        .map(|k| {
            let mut support = Vec::new();
            if k.support.webcast {
                support.push("support-webcast");
            }
            if k.support.transcription {
                support.push("support-transcription");
            }
            if k.support.interpretation {
                support.push("support-interpretation");
            }
            context! {
                code => k.code.clone(), name => k.name.clone(), description => k.description.clone(),
                formats => k.formats.clone(),
                durations => k.durations.iter().map(u32::to_string).collect::<Vec<_>>().join(", "),
                approver => match k.approver { Approver::Mag => "approver-mag", Approver::Secretariat => "approver-secretariat" },
                support => support, open => k.open,
            }
        })
        .collect();
    let rules: Vec<Value> = s
        .rules
        .iter()
        .map(|r| context! { code => r.kind.code(), explanation => r.explanation() })
        .collect();
    Ok(render(
        &state,
        &visit,
        StatusCode::OK,
        "cycle.html",
        context! {
            forum => forum_value(&view.forum), cycle => summary_value(&view.cycle),
            country_name => country_name, time_zone => zone, dates => dates, areas => areas,
            types => types, rules => rules, speaker_cap => s.speaker_cap,
            publish_received => s.publish_received, can_manage => view.can_manage,
            issues_open => d.issues_open_at(state.app.now()),
            review_links => crate::pages::review::cycle_links(&view),
        },
    ))
}

#[derive(Debug, Default, serde::Deserialize)]
pub(crate) struct SetupQuery {
    /// Fill the form with this shipped preset…
    #[serde(default)]
    preset: Option<String>,
    /// …for this year; without a preset, the stored document of this year.
    #[serde(default)]
    year: Option<i32>,
}

async fn setup_page(
    state: &AppState,
    visit: &Visit,
    slug: &str,
    query: &SetupQuery,
    text: Option<String>,
    problems: Vec<String>,
    status: StatusCode,
) -> Result<Response, PageError> {
    let (list, editing) = cycles::setup_form(&state.app, &visit.viewer, slug, query.year)
        .await
        .map_err(|e| PageError::from_action(e, &visit.here))?;
    let this_year = state
        .app
        .now()
        .to_rfc3339_seconds()
        .get(..4)
        .and_then(|y| y.parse::<i32>().ok())
        .unwrap_or(2026);
    let preset_year = query.year.unwrap_or(this_year + 1);
    let text = text.unwrap_or_else(|| match query.preset.as_deref() {
        Some(preset) => document::preset_setup(preset, preset_year)
            .map(|setup| document::to_toml(&setup))
            .unwrap_or_default(),
        None => editing.map(|c| c.document).unwrap_or_default(),
    });
    let years: Vec<i32> = list.cycles.iter().map(|c| c.year).collect();
    Ok(render(
        state,
        visit,
        status,
        "cycle_setup.html",
        context! {
            forum => forum_value(&list.forum), presets => document::preset_names().to_vec(),
            preset => query.preset.clone().unwrap_or_default(), preset_year => preset_year,
            years => years, text => text, problems => problems,
        },
    ))
}

/// GET /f/{slug}/cycles/setup: the set-up form (the secretariat).
pub(crate) async fn setup_form(
    State(state): State<AppState>,
    visit: Visit,
    Path(slug): Path<String>,
    Query(query): Query<SetupQuery>,
) -> Result<Response, PageError> {
    setup_page(
        &state,
        &visit,
        &slug,
        &query,
        None,
        Vec::new(),
        StatusCode::OK,
    )
    .await
}

/// POST /f/{slug}/cycles/setup: `document` (TOML or JSON). Refused documents come back with
/// every problem; nothing is stored then.
pub(crate) async fn setup(
    State(state): State<AppState>,
    visit: Visit,
    Path(slug): Path<String>,
    form: FormData,
) -> Result<Response, PageError> {
    let action = format!("/f/{slug}/cycles/setup");
    require_signed_in(&visit, Some(&form), &action)?;
    let text = form.get("document").replace("\r\n", "\n");
    match cycles::submit_setup(&state.app, &visit.viewer, &slug, &text, None).await {
        Ok(SetUpOutcome::Stored { year, .. }) => Ok(see_other(&format!(
            "/f/{slug}/cycles/{year}?notice=cycle-saved"
        ))),
        Ok(SetUpOutcome::Refused { problems }) => {
            setup_page(
                &state,
                &visit,
                &slug,
                &SetupQuery::default(),
                Some(text),
                problems,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
        Err(ActionError::Invalid(field)) => {
            setup_page(
                &state,
                &visit,
                &slug,
                &SetupQuery::default(),
                Some(text),
                vec![field.problem],
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
        Err(other) => Err(PageError::from_action(other, &action)),
    }
}

/// The form fields of the call for issues.
const ISSUE_FIELDS: [&str; 6] = [
    "issue",
    "description",
    "stakeholder_group",
    "region",
    "name",
    "email",
];

#[expect(
    clippy::too_many_arguments,
    reason = "one page, its inputs and its errors"
)]
async fn issues_page(
    state: &AppState,
    visit: &Visit,
    slug: &str,
    year: i32,
    status: StatusCode,
    values: BTreeMap<String, String>,
    errors: BTreeMap<String, String>,
    message: Option<String>,
) -> Result<Response, PageError> {
    let view = issues::full_view(&state.app, &visit.viewer, slug, year)
        .await
        .map_err(|e| PageError::from_action(e, &visit.here))?;
    let t = |id: &str| plenary_app::i18n::t(visit.language, id);
    let s = &view.cycle.setup;
    let zone = s.venue_time_zone.as_str();
    let items: Vec<Value> = view
        .issues
        .iter()
        .map(|i| {
            context! {
                id => i.id, issue => i.issue.clone(), description => i.description.clone(),
                group => i.stakeholder_group_name.clone(),
                region => t(&format!("group-{}", i.region.code())),
                received => display_in_zone(i.submitted_at, zone),
            }
        })
        .collect();
    let by_group: Vec<Value> = view
        .by_group
        .iter()
        .map(|g| context! { code => g.code.clone(), name => g.name.clone(), count => g.count })
        .collect();
    let by_region: Vec<Value> = view
        .by_region
        .iter()
        .map(|(r, n)| context! { code => r.code(), name => t(&format!("group-{}", r.code())), count => n })
        .collect();
    let groups: Vec<Value> = view
        .groups
        .iter()
        .map(|(code, name)| context! { code => code, name => name })
        .collect();
    let regions: Vec<Value> = UnRegionalGroup::ALL
        .iter()
        .map(|r| context! { code => r.code(), name => t(&format!("group-{}", r.code())) })
        .collect();
    let window = |t: Timestamp| format!("{} ({})", display_in_zone(t, zone), t.to_display_utc());
    Ok(render(
        state,
        visit,
        status,
        "issues.html",
        context! {
            forum => forum_value(&view.forum), cycle => summary_value(&view.cycle),
            is_open => view.is_open, opens => window(s.dates.issues_open),
            closes => window(s.dates.issues_close), issues => items, by_group => by_group,
            by_region => by_region, total => view.total, groups => groups, regions => regions,
            can_manage => view.can_manage, values => values, errors => errors, message => message,
        },
    ))
}

/// GET /f/{slug}/cycles/{year}/issues: the form and the full view.
pub(crate) async fn issues_view(
    State(state): State<AppState>,
    visit: Visit,
    Path((slug, year)): Path<(String, i32)>,
) -> Result<Response, PageError> {
    issues_page(
        &state,
        &visit,
        &slug,
        year,
        StatusCode::OK,
        BTreeMap::new(),
        BTreeMap::new(),
        None,
    )
    .await
}

/// The form's field and its problem in the visitor's language (`issueerr-CODE`; the
/// domain's English words for a code without a message).
fn field_errors(visit: &Visit, errors: &[FieldError]) -> BTreeMap<String, String> {
    let mut map = BTreeMap::new();
    for e in errors {
        let id = format!("issueerr-{}", e.code);
        let translated = plenary_app::i18n::t(visit.language, &id);
        let message = if translated == id {
            e.problem.clone()
        } else {
            translated
        };
        map.entry(e.field.to_owned()).or_insert(message);
    }
    map
}

/// POST /f/{slug}/cycles/{year}/issues: anyone may send an issue while the call is open.
pub(crate) async fn submit_issue(
    State(state): State<AppState>,
    visit: Visit,
    Path((slug, year)): Path<(String, i32)>,
    form: FormData,
) -> Result<Response, PageError> {
    let here = format!("/f/{slug}/cycles/{year}/issues");
    let values: BTreeMap<String, String> = ISSUE_FIELDS
        .iter()
        .map(|f| ((*f).to_owned(), form.get(f).to_owned()))
        .collect();
    let input = IssueForm {
        issue: form.get("issue").to_owned(),
        description: form.get("description").replace("\r\n", "\n"),
        stakeholder_group: form.get("stakeholder_group").to_owned(),
        region: form.get("region").to_owned(),
        name: form.get("name").to_owned(),
        email: form.get("email").to_owned(),
    };
    let (errors, message) =
        match issues::submit(&state.app, &visit.viewer, &slug, year, &input).await {
            Ok(SubmitOutcome::Submitted(id)) => {
                return Ok(see_other(&format!("{here}?notice=issue-received#i{id}")));
            }
            Ok(SubmitOutcome::Invalid(errors)) => (field_errors(&visit, &errors), None),
            Err(ActionError::Rule { message, .. }) => (BTreeMap::new(), Some(message)),
            Err(other) => return Err(PageError::from_action(other, &here)),
        };
    issues_page(
        &state,
        &visit,
        &slug,
        year,
        StatusCode::UNPROCESSABLE_ENTITY,
        values,
        errors,
        message,
    )
    .await
}

fn csv_response(csv: String, filename: &str) -> Response {
    (
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8".to_owned()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{filename}\""),
            ),
        ],
        csv,
    )
        .into_response()
}

/// GET /f/{slug}/cycles/{year}/issues.csv: every input, without names and e-mail addresses.
pub(crate) async fn issues_csv(
    State(state): State<AppState>,
    visit: Visit,
    Path((slug, year)): Path<(String, i32)>,
) -> Result<Response, PageError> {
    let csv = issues::export_csv(&state.app, &visit.viewer, &slug, year)
        .await
        .map_err(|e| PageError::from_action(e, &visit.here))?;
    Ok(csv_response(
        csv,
        &format!("issues-{}-{year}.csv", urlencode(&slug)),
    ))
}

/// GET /f/{slug}/cycles/{year}/issues/contacts.csv: with names and e-mail addresses (the
/// secretariat).
pub(crate) async fn issues_contacts_csv(
    State(state): State<AppState>,
    visit: Visit,
    Path((slug, year)): Path<(String, i32)>,
) -> Result<Response, PageError> {
    let csv = issues::export_csv_private(&state.app, &visit.viewer, &slug, year)
        .await
        .map_err(|e| PageError::from_action(e, &visit.here))?;
    Ok(csv_response(
        csv,
        &format!("issues-contacts-{}-{year}.csv", urlencode(&slug)),
    ))
}
