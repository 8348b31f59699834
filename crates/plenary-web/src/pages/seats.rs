//! The secretariat's seat screens of a body: seats of a year (states, engagement,
//! vacancies, officers) and renewals before a cycle (engagement evaluation, rotation plan),
//! with the forms that record engagement, renew, resign, end, rotate out and elect officers.
//!
//! Every rule is the domain's, reached through `plenary_app::bodies::seats`; a refusal is
//! shown on the page it came from with the domain's reason.

use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use minijinja::{Value, context};
use plenary_app::ActionError;
use plenary_app::bodies::roster::seat_kind_code;
use plenary_app::bodies::seats::{
    self, Engagement, EngagementInput, Seat, office_code, parse_office, state_code,
};
use plenary_domain::bodies::{MembershipState, NoticeChannel};
use plenary_domain::{PersonId, Timestamp};

use crate::AppState;
use crate::csrf::FormData;
use crate::error::PageError;
use crate::pages::forums::forum_value;
use crate::pages::{field_error_message, render, require_signed_in, see_other};
use crate::visit::Visit;

#[derive(Debug, serde::Deserialize)]
pub(crate) struct YearQuery {
    #[serde(default)]
    year: Option<i32>,
}

#[derive(Debug, serde::Deserialize)]
pub(crate) struct CycleQuery {
    #[serde(default)]
    cycle: Option<i32>,
}

fn date(at: Timestamp) -> String {
    at.to_rfc3339_seconds()
        .get(..10)
        .unwrap_or_default()
        .to_owned()
}

fn engagement_value(engagement: Option<&Engagement>) -> Value {
    match engagement {
        Some(e) => context! {
            attended => e.record.meetings_attended, held => e.record.meetings_held,
            done => e.record.reviews_done, assigned => e.record.reviews_assigned,
            groups => e.record.working_groups, note => e.record.note.clone(),
            satisfactory => e.satisfactory, recorded_by => e.recorded_by.clone(), recorded_at => e.recorded_at.to_display_utc(),
        },
        None => Value::from(()),
    }
}

fn seat_value(visit: &Visit, seat: &Seat) -> Value {
    let t = |id: &str| plenary_app::i18n::t(visit.language, id);
    let code = seat_kind_code(&seat.seat);
    let class = code.split(':').next().unwrap_or("regular").to_owned();
    context! {
        membership => seat.membership, person => seat.person.0, name => seat.name.clone(),
        seat => t(&format!("seat-{class}")), seat_detail => code.split(':').nth(1).map(|r| r.replace('_', " ")),
        regular => class == "regular",
        group => seat.stakeholder_group.replace('_', " "), country => seat.country_iso2.clone(), gender => seat.gender.clone(),
        term => seat.term_number, starts => date(seat.starts_at), ends => seat.ends_at.map(date),
        state => state_code(seat.state), state_label => t(&format!("state-{}", state_code(seat.state))),
        active => matches!(seat.state, MembershipState::Appointed | MembershipState::Renewed),
        notice => seat.notice_at.map(date),
        engagement => engagement_value(seat.engagement.as_ref()),
    }
}

async fn seats_screen(
    state: &AppState,
    visit: &Visit,
    slug: &str,
    body: &str,
    year: Option<i32>,
    status: StatusCode,
    error: Option<String>,
) -> Result<Response, PageError> {
    let view = seats::seats(&state.app, &visit.viewer, slug, body, year)
        .await
        .map_err(|e| PageError::from_action(e, &visit.here))?;
    let t = |id: &str| plenary_app::i18n::t(visit.language, id);
    let members: Vec<Value> = view.seats.iter().map(|s| seat_value(visit, s)).collect();
    let vacancies: Vec<Value> = view
        .vacancies
        .iter()
        .map(|v| {
            context! {
                name => v.former_member.clone(), date => date(v.resigned_at),
                group => v.stakeholder_group.replace('_', " "), refill => date(v.refill_at),
            }
        })
        .collect();
    let officers: Vec<Value> = view
        .officers
        .iter()
        .map(|o| context! { office => t(&format!("office-{}", office_code(o.office))), name => o.name.clone(), group => o.stakeholder_group.replace('_', " ") })
        .collect();
    let candidates: Vec<Value> = view
        .seats
        .iter()
        .filter(|s| {
            matches!(
                s.state,
                MembershipState::Appointed | MembershipState::Renewed
            )
        })
        .map(|s| context! { person => s.person.0, name => s.name.clone() })
        .collect();
    let rules = view.constitution.rules();
    Ok(render(
        state,
        visit,
        status,
        "seats.html",
        context! {
            forum => forum_value(&view.forum), body => context! { slug => view.body.slug.clone(), name => view.body.name.clone() },
            year => view.year, next_cycle => view.year + 1, seats => members, vacancies => vacancies, officers => officers,
            candidates => candidates, vice_chair => rules.vice_chair, error => error,
        },
    ))
}

async fn renewals_screen(
    state: &AppState,
    visit: &Visit,
    slug: &str,
    body: &str,
    cycle: Option<i32>,
    status: StatusCode,
    error: Option<String>,
) -> Result<Response, PageError> {
    let view = seats::renewals(&state.app, &visit.viewer, slug, body, cycle)
        .await
        .map_err(|e| PageError::from_action(e, &visit.here))?;
    let candidates: Vec<Value> = view
        .candidates
        .iter()
        .map(|c| {
            context! {
                seat => seat_value(visit, &c.seat), term_limited => c.term_limited, renewed => c.renewed,
            }
        })
        .collect();
    let policy = view.constitution.rules().engagement_policy;
    Ok(render(
        state,
        visit,
        status,
        "renewals.html",
        context! {
            forum => forum_value(&view.forum), body => context! { slug => view.body.slug.clone(), name => view.body.name.clone() },
            cycle => view.cycle, year => view.cycle - 1, candidates => candidates,
            attendance => policy.min_attendance_percent, reviews => policy.min_reviews_percent,
            plan => context! {
                target => view.plan.target, must => view.plan.must_leave.len(), further => view.plan.further_to_choose,
                must_leave => view.plan.must_leave.clone(),
            },
            error => error,
        },
    ))
}

/// GET /f/{slug}/bodies/{body}/seats?year=Y
pub(crate) async fn seats_page(
    State(state): State<AppState>,
    visit: Visit,
    Path((slug, body)): Path<(String, String)>,
    Query(query): Query<YearQuery>,
) -> Result<Response, PageError> {
    seats_screen(
        &state,
        &visit,
        &slug,
        &body,
        query.year,
        StatusCode::OK,
        None,
    )
    .await
}

/// GET /f/{slug}/bodies/{body}/renewals?cycle=Y
pub(crate) async fn renewals_page(
    State(state): State<AppState>,
    visit: Visit,
    Path((slug, body)): Path<(String, String)>,
    Query(query): Query<CycleQuery>,
) -> Result<Response, PageError> {
    renewals_screen(
        &state,
        &visit,
        &slug,
        &body,
        query.cycle,
        StatusCode::OK,
        None,
    )
    .await
}

/// Where a form goes back to: the renewals screen of a cycle or the seats screen of a year.
struct Back {
    renewals: bool,
    year: Option<i32>,
}

impl Back {
    fn of(form: &FormData) -> Back {
        Back {
            renewals: form.get("back") == "renewals",
            year: form.get("year").trim().parse().ok(),
        }
    }

    fn path(&self, slug: &str, body: &str) -> String {
        match (self.renewals, self.year) {
            (true, Some(y)) => format!("/f/{slug}/bodies/{body}/renewals?cycle={y}&notice=saved"),
            (true, None) => format!("/f/{slug}/bodies/{body}/renewals?notice=saved"),
            (false, Some(y)) => format!("/f/{slug}/bodies/{body}/seats?year={y}&notice=saved"),
            (false, None) => format!("/f/{slug}/bodies/{body}/seats?notice=saved"),
        }
    }
}

/// Redirects after a change, or shows the screen again with the refusal's reason.
async fn outcome<T>(
    state: &AppState,
    visit: &Visit,
    slug: &str,
    body: &str,
    back: &Back,
    result: Result<T, ActionError>,
) -> Result<Response, PageError> {
    let message = match result {
        Ok(_) => return Ok(see_other(&back.path(slug, body))),
        Err(ActionError::Invalid(field)) => field_error_message(visit, &field),
        Err(ActionError::Rule { message, .. }) => message,
        Err(ActionError::Conflict(what)) => what,
        Err(other) => return Err(PageError::from_action(other, &visit.here)),
    };
    let status = StatusCode::UNPROCESSABLE_ENTITY;
    if back.renewals {
        renewals_screen(state, visit, slug, body, back.year, status, Some(message)).await
    } else {
        seats_screen(state, visit, slug, body, back.year, status, Some(message)).await
    }
}

fn number(form: &FormData, field: &'static str) -> Result<u32, ActionError> {
    form.get(field).trim().parse().map_err(|_| {
        plenary_domain::FieldError::new(field, "not_a_number", "a whole number, 0 or more").into()
    })
}

fn engagement_input(form: &FormData) -> Result<(i32, EngagementInput), ActionError> {
    let cycle: i32 = form.get("cycle").trim().parse().map_err(|_| {
        plenary_domain::FieldError::new("cycle", "not_a_year", "the year of the record")
    })?;
    Ok((
        cycle,
        EngagementInput {
            meetings_attended: number(form, "meetings_attended")?,
            meetings_held: number(form, "meetings_held")?,
            reviews_done: number(form, "reviews_done")?,
            reviews_assigned: number(form, "reviews_assigned")?,
            working_groups: number(form, "working_groups")?,
            note: form.get("note").to_owned(),
        },
    ))
}

/// POST /f/{slug}/bodies/{body}/seats/{membership}/engagement
pub(crate) async fn record_engagement(
    State(state): State<AppState>,
    visit: Visit,
    Path((slug, body, membership)): Path<(String, String, i64)>,
    form: FormData,
) -> Result<Response, PageError> {
    let action = format!("/f/{slug}/bodies/{body}/seats/{membership}/engagement");
    require_signed_in(&visit, Some(&form), &action)?;
    let result = match engagement_input(&form) {
        Ok((cycle, input)) => {
            seats::record_engagement(
                &state.app,
                &visit.viewer,
                &slug,
                &body,
                membership,
                cycle,
                &input,
            )
            .await
        }
        // Refuse a malformed form only to someone allowed to send it.
        Err(invalid) => seats::seats(&state.app, &visit.viewer, &slug, &body, None)
            .await
            .and(Err(invalid)),
    };
    outcome(&state, &visit, &slug, &body, &Back::of(&form), result).await
}

/// POST /f/{slug}/bodies/{body}/seats/{membership}/renew
pub(crate) async fn renew(
    State(state): State<AppState>,
    visit: Visit,
    Path((slug, body, membership)): Path<(String, String, i64)>,
    form: FormData,
) -> Result<Response, PageError> {
    let action = format!("/f/{slug}/bodies/{body}/seats/{membership}/renew");
    require_signed_in(&visit, Some(&form), &action)?;
    let reason = Some(form.get("override_reason")).filter(|r| !r.trim().is_empty());
    let result =
        seats::renew_membership(&state.app, &visit.viewer, &slug, &body, membership, reason).await;
    outcome(&state, &visit, &slug, &body, &Back::of(&form), result).await
}

/// POST /f/{slug}/bodies/{body}/seats/{membership}/resign
pub(crate) async fn resign(
    State(state): State<AppState>,
    visit: Visit,
    Path((slug, body, membership)): Path<(String, String, i64)>,
    form: FormData,
) -> Result<Response, PageError> {
    let action = format!("/f/{slug}/bodies/{body}/seats/{membership}/resign");
    require_signed_in(&visit, Some(&form), &action)?;
    let channel = if form.get("channel") == "letter" {
        NoticeChannel::Letter
    } else {
        NoticeChannel::Email
    };
    let notice = format!("{}T00:00:00Z", form.get("notice_date").trim())
        .parse::<Timestamp>()
        .map_err(|_| {
            ActionError::from(plenary_domain::FieldError::new(
                "notice_date",
                "not_a_date",
                "a date (YYYY-MM-DD)",
            ))
        });
    let result = match notice {
        Ok(notice) => {
            seats::resign_membership(
                &state.app,
                &visit.viewer,
                &slug,
                &body,
                membership,
                notice,
                channel,
            )
            .await
        }
        Err(invalid) => seats::seats(&state.app, &visit.viewer, &slug, &body, None)
            .await
            .and(Err(invalid)),
    };
    outcome(&state, &visit, &slug, &body, &Back::of(&form), result).await
}

/// POST /f/{slug}/bodies/{body}/seats/{membership}/end
pub(crate) async fn end(
    State(state): State<AppState>,
    visit: Visit,
    Path((slug, body, membership)): Path<(String, String, i64)>,
    form: FormData,
) -> Result<Response, PageError> {
    let action = format!("/f/{slug}/bodies/{body}/seats/{membership}/end");
    require_signed_in(&visit, Some(&form), &action)?;
    let result = seats::end_membership(&state.app, &visit.viewer, &slug, &body, membership).await;
    outcome(&state, &visit, &slug, &body, &Back::of(&form), result).await
}

/// POST /f/{slug}/bodies/{body}/seats/{membership}/rotate-out
pub(crate) async fn rotate_out(
    State(state): State<AppState>,
    visit: Visit,
    Path((slug, body, membership)): Path<(String, String, i64)>,
    form: FormData,
) -> Result<Response, PageError> {
    let action = format!("/f/{slug}/bodies/{body}/seats/{membership}/rotate-out");
    require_signed_in(&visit, Some(&form), &action)?;
    let result =
        seats::rotate_out_membership(&state.app, &visit.viewer, &slug, &body, membership).await;
    outcome(&state, &visit, &slug, &body, &Back::of(&form), result).await
}

/// POST /f/{slug}/bodies/{body}/officers
pub(crate) async fn record_officer(
    State(state): State<AppState>,
    visit: Visit,
    Path((slug, body)): Path<(String, String)>,
    form: FormData,
) -> Result<Response, PageError> {
    let action = format!("/f/{slug}/bodies/{body}/officers");
    require_signed_in(&visit, Some(&form), &action)?;
    let back = Back::of(&form);
    let parsed = (|| -> Result<(i32, _, PersonId), ActionError> {
        let year = back.year.ok_or_else(|| {
            plenary_domain::FieldError::new("year", "not_a_year", "the year of the office")
        })?;
        let office = parse_office(form.get("office"))?;
        let person = form.get("person").trim().parse().map_err(|_| {
            plenary_domain::FieldError::new("person", "unknown_person", "choose a member")
        })?;
        Ok((year, office, PersonId(person)))
    })();
    let result = match parsed {
        Ok((year, office, person)) => {
            seats::record_officer(
                &state.app,
                &visit.viewer,
                &slug,
                &body,
                year,
                office,
                person,
            )
            .await
        }
        Err(invalid) => seats::seats(&state.app, &visit.viewer, &slug, &body, None)
            .await
            .and(Err(invalid)),
    };
    outcome(&state, &visit, &slug, &body, &back, result).await
}
