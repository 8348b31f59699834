//! The secretariat's list of the countries that host the forum's annual meeting, one per
//! year: add or change a year, remove one. The public sees the list on the forum's page.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use minijinja::{Value, context};
use plenary_app::forums::hosts::{self, HostEntry, HostInput};
use plenary_app::{ActionError, countries, forums};
use plenary_domain::FieldError;
use plenary_domain::permissions::Permission;

use crate::AppState;
use crate::csrf::FormData;
use crate::error::PageError;
use crate::pages::forums::forum_value;
use crate::pages::{field_error_message, render, require_signed_in, see_other};
use crate::visit::Visit;

/// The template's view of one host entry (also used by the forum's page).
pub(crate) fn host_value(entry: &HostEntry) -> Value {
    context! {
        year => entry.year, iso2 => entry.country_iso2.clone(), country => entry.country_name.clone(),
        city => entry.city.clone(),
    }
}

async fn hosts_page(
    state: &AppState,
    visit: &Visit,
    slug: &str,
    status: StatusCode,
    error: Option<String>,
) -> Result<Response, PageError> {
    let to_page = |e: ActionError| PageError::from_action(e, &visit.here);
    forums::authorize_in_forum(&state.app, &visit.viewer, slug, Permission::ManageForum)
        .await
        .map_err(to_page)?;
    let (forum, entries) = hosts::hosts(&state.app, &visit.viewer, slug)
        .await
        .map_err(to_page)?;
    let countries: Vec<Value> = countries::list_countries(&state.app)
        .await
        .map_err(to_page)?
        .iter()
        .map(|c| context! { iso2 => c.iso2.clone(), name => c.name.clone() })
        .collect();
    Ok(render(
        state,
        visit,
        status,
        "hosts.html",
        context! {
            forum => forum_value(&forum), hosts => entries.iter().map(host_value).collect::<Vec<_>>(),
            countries => countries, error => error,
        },
    ))
}

/// The hosts page again, with the form's error.
async fn refused(
    state: &AppState,
    visit: &Visit,
    slug: &str,
    field: &FieldError,
) -> Result<Response, PageError> {
    let message = field_error_message(visit, field);
    let status = StatusCode::UNPROCESSABLE_ENTITY;
    hosts_page(state, visit, slug, status, Some(message)).await
}

/// GET /f/{slug}/hosts
pub(crate) async fn show(
    State(state): State<AppState>,
    visit: Visit,
    Path(slug): Path<String>,
) -> Result<Response, PageError> {
    hosts_page(&state, &visit, &slug, StatusCode::OK, None).await
}

/// POST /f/{slug}/hosts: `year`, `country` (ISO code; empty: held online) and `city`.
pub(crate) async fn save(
    State(state): State<AppState>,
    visit: Visit,
    Path(slug): Path<String>,
    form: FormData,
) -> Result<Response, PageError> {
    let action = format!("/f/{slug}/hosts");
    require_signed_in(&visit, Some(&form), &action)?;
    let input = HostInput {
        year: form.get("year").to_owned(),
        country: form.get("country").to_owned(),
        city: form.get("city").to_owned(),
    };
    match hosts::set_host(&state.app, &visit.viewer, &slug, &input).await {
        Ok(_) => Ok(see_other(&format!("{action}?notice=host-saved"))),
        Err(ActionError::Invalid(field)) => refused(&state, &visit, &slug, &field).await,
        Err(other) => Err(PageError::from_action(other, &action)),
    }
}

/// POST /f/{slug}/hosts/remove: `year`.
pub(crate) async fn remove(
    State(state): State<AppState>,
    visit: Visit,
    Path(slug): Path<String>,
    form: FormData,
) -> Result<Response, PageError> {
    let action = format!("/f/{slug}/hosts/remove");
    require_signed_in(&visit, Some(&form), &action)?;
    let back = format!("/f/{slug}/hosts");
    match hosts::remove_host(&state.app, &visit.viewer, &slug, form.get("year")).await {
        Ok(()) => Ok(see_other(&format!("{back}?notice=host-removed"))),
        Err(ActionError::Invalid(field)) => refused(&state, &visit, &slug, &field).await,
        Err(other) => Err(PageError::from_action(other, &back)),
    }
}
