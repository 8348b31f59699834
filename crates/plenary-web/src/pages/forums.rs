//! Public pages: the list of forums, a forum's home, the members' area, countries.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use minijinja::{Value, context};
use plenary_app::{ActionError, countries, forums};
use plenary_domain::forums::Forum;
use plenary_domain::permissions::{Permission, Role, role_grants};

use crate::AppState;
use crate::csrf::FormData;
use crate::error::PageError;
use crate::pages::{field_error_message, page, render, require_signed_in, see_other};
use crate::visit::Visit;

pub(crate) fn forum_value(forum: &Forum) -> Value {
    context! {
        slug => forum.slug.as_str(),
        name => forum.name.clone(),
        kind => forum.kind.code(),
        country => forum.country_iso2.clone(),
        time_zone => forum.time_zone.clone(),
        language => forum.default_language.code(),
    }
}

/// The message-id suffix of a role (`body_member` → `body-member`).
pub(crate) fn role_id(role: Role) -> String {
    role.code().replace('_', "-")
}

/// GET /
pub(crate) async fn home(
    State(state): State<AppState>,
    visit: Visit,
) -> Result<Response, PageError> {
    let list = forums::list_forums(&state.app)
        .await
        .map_err(|e| PageError::from_action(e, &visit.here))?;
    let items: Vec<Value> = list.iter().map(forum_value).collect();
    Ok(page(
        &state,
        &visit,
        "home.html",
        context! { forums => items },
    ))
}

/// GET /f/{slug}
pub(crate) async fn forum_home(
    State(state): State<AppState>,
    visit: Visit,
    Path(slug): Path<String>,
) -> Result<Response, PageError> {
    forum_page(&state, &visit, &slug, StatusCode::OK, None).await
}

/// POST /f/{slug}/stakeholder-groups: the secretariat adds a group.
pub(crate) async fn add_group(
    State(state): State<AppState>,
    visit: Visit,
    Path(slug): Path<String>,
    form: FormData,
) -> Result<Response, PageError> {
    let action = format!("/f/{slug}/stakeholder-groups");
    require_signed_in(&visit, Some(&form), &action)?;
    let added = forums::add_stakeholder_group(
        &state.app,
        &visit.viewer,
        &slug,
        form.get("code"),
        form.get("name"),
    )
    .await;
    match added {
        Ok(_) => Ok(see_other(&format!("/f/{slug}?notice=group-added"))),
        Err(ActionError::Invalid(field)) => {
            let message = field_error_message(&visit, &field);
            forum_page(
                &state,
                &visit,
                &slug,
                StatusCode::UNPROCESSABLE_ENTITY,
                Some(message),
            )
            .await
        }
        Err(ActionError::Conflict(what)) => {
            forum_page(&state, &visit, &slug, StatusCode::CONFLICT, Some(what)).await
        }
        Err(other) => Err(PageError::from_action(other, &action)),
    }
}

async fn forum_page(
    state: &AppState,
    visit: &Visit,
    slug: &str,
    status: StatusCode,
    error: Option<String>,
) -> Result<Response, PageError> {
    let home = forums::forum_home(&state.app, &visit.viewer, slug)
        .await
        .map_err(|e| PageError::from_action(e, &visit.here))?;
    let groups: Vec<Value> = home
        .stakeholder_groups
        .iter()
        .map(|g| context! { code => g.code.clone(), name => g.name.clone() })
        .collect();
    let (_, host_entries) = plenary_app::forums::hosts::hosts(&state.app, &visit.viewer, slug)
        .await
        .map_err(|e| PageError::from_action(e, &visit.here))?;
    let hosts: Vec<Value> = host_entries
        .iter()
        .rev()
        .map(crate::pages::hosts::host_value)
        .collect();
    let roles: Vec<String> = home.viewer_roles.iter().map(|r| role_id(*r)).collect();
    let can_manage = home
        .viewer_roles
        .iter()
        .any(|r| role_grants(*r, Permission::ManageForum));
    Ok(render(
        state,
        visit,
        status,
        "forum.html",
        context! { forum => forum_value(&home.forum), groups => groups, roles => roles, can_manage => can_manage, error => error, hosts => hosts },
    ))
}

/// GET /f/{slug}/members: the members' area (any role in the forum).
pub(crate) async fn members(
    State(state): State<AppState>,
    visit: Visit,
    Path(slug): Path<String>,
) -> Result<Response, PageError> {
    let forum =
        forums::authorize_in_forum(&state.app, &visit.viewer, &slug, Permission::ForumMember)
            .await
            .map_err(|e| PageError::from_action(e, &visit.here))?;
    let home = forums::forum_home(&state.app, &visit.viewer, &slug)
        .await
        .map_err(|e| PageError::from_action(e, &visit.here))?;
    let roles: Vec<String> = home.viewer_roles.iter().map(|r| role_id(*r)).collect();
    Ok(page(
        &state,
        &visit,
        "members.html",
        context! { forum => forum_value(&forum), roles => roles },
    ))
}

/// GET /countries
pub(crate) async fn countries_page(
    State(state): State<AppState>,
    visit: Visit,
) -> Result<Response, PageError> {
    let list = countries::list_countries(&state.app)
        .await
        .map_err(|e| PageError::from_action(e, &visit.here))?;
    let items: Vec<Value> = list
        .iter()
        .map(|c| {
            context! {
                name => c.name.clone(), iso2 => c.iso2.clone(), group => c.un_regional_group.code(),
                status => c.development_status.map_or("unknown", |s| s.code()),
                ldc => c.ldc, lldc => c.lldc, sids => c.sids,
            }
        })
        .collect();
    Ok(page(
        &state,
        &visit,
        "countries.html",
        context! { countries => items },
    ))
}
