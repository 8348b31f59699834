//! The secretariat's people page: who holds which role in a forum, granting and revoking.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use minijinja::{Value, context};
use plenary_app::{ActionError, forums};
use plenary_domain::AccountId;
use plenary_domain::permissions::Role;

use crate::AppState;
use crate::csrf::FormData;
use crate::error::PageError;
use crate::pages::forums::{forum_value, role_id};
use crate::pages::{field_error_message, render, require_signed_in, see_other};
use crate::visit::Visit;

async fn people_page(
    state: &AppState,
    visit: &Visit,
    slug: &str,
    status: StatusCode,
    error: Option<String>,
) -> Result<Response, PageError> {
    let (forum, holders) = forums::people(&state.app, &visit.viewer, slug)
        .await
        .map_err(|e| PageError::from_action(e, &visit.here))?;
    let people: Vec<Value> = holders
        .iter()
        .map(|h| {
            context! {
                account => h.account.0, name => h.display_name.clone(), email => h.email.clone(), role => role_id(h.role),
                role_code => h.role.code(), since => h.granted_at.to_display_utc(),
            }
        })
        .collect();
    let roles: Vec<Value> = Role::ALL
        .iter()
        .map(|r| context! { code => r.code(), id => role_id(*r) })
        .collect();
    Ok(render(
        state,
        visit,
        status,
        "people.html",
        context! { forum => forum_value(&forum), people => people, roles => roles, error => error },
    ))
}

/// GET /f/{slug}/people
pub(crate) async fn people(
    State(state): State<AppState>,
    visit: Visit,
    Path(slug): Path<String>,
) -> Result<Response, PageError> {
    people_page(&state, &visit, &slug, StatusCode::OK, None).await
}

/// POST /f/{slug}/people: grant a role by e-mail address.
pub(crate) async fn grant(
    State(state): State<AppState>,
    visit: Visit,
    Path(slug): Path<String>,
    form: FormData,
) -> Result<Response, PageError> {
    let action = format!("/f/{slug}/people");
    require_signed_in(&visit, Some(&form), &action)?;
    let role = match Role::parse(form.get("role")) {
        Ok(role) => role,
        Err(e) => return Err(PageError::from_action(e.into(), &action)),
    };
    match forums::grant_role(&state.app, &visit.viewer, &slug, form.get("email"), role).await {
        Ok(true) => Ok(see_other(&format!("{action}?notice=role-granted"))),
        Ok(false) => Ok(see_other(&format!("{action}?notice=role-already-held"))),
        Err(ActionError::Invalid(field)) => {
            let message = field_error_message(&visit, &field);
            people_page(
                &state,
                &visit,
                &slug,
                StatusCode::UNPROCESSABLE_ENTITY,
                Some(message),
            )
            .await
        }
        Err(other) => Err(PageError::from_action(other, &action)),
    }
}

/// POST /f/{slug}/people/revoke
pub(crate) async fn revoke(
    State(state): State<AppState>,
    visit: Visit,
    Path(slug): Path<String>,
    form: FormData,
) -> Result<Response, PageError> {
    let action = format!("/f/{slug}/people/revoke");
    require_signed_in(&visit, Some(&form), &action)?;
    let back = format!("/f/{slug}/people");
    let account: i64 = form
        .get("account")
        .parse()
        .map_err(|_| PageError::Invalid {
            field: "account".into(),
        })?;
    let role = Role::parse(form.get("role")).map_err(|_| PageError::Invalid {
        field: "role".into(),
    })?;
    forums::revoke_role(&state.app, &visit.viewer, &slug, AccountId(account), role)
        .await
        .map_err(|e| PageError::from_action(e, &back))?;
    Ok(see_other(&format!("{back}?notice=role-revoked")))
}
