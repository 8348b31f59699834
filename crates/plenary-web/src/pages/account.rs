//! The account page: name, language, roles and API tokens.

use axum::extract::{Path, State};
use axum::response::Response;
use minijinja::{Value, context};
use plenary_app::accounts;

use crate::AppState;
use crate::csrf::FormData;
use crate::error::PageError;
use crate::pages::forums::role_id;
use crate::pages::{page, require_signed_in, see_other};
use crate::visit::Visit;

async fn account_page(
    state: &AppState,
    visit: &Visit,
    new_token: Option<String>,
) -> Result<Response, PageError> {
    let overview = accounts::account_overview(&state.app, &visit.viewer)
        .await
        .map_err(|e| PageError::from_action(e, &visit.here))?;
    let roles: Vec<Value> = overview
        .roles
        .iter()
        .map(|(forum, role)| context! { forum => forum, role => role_id(*role) })
        .collect();
    let tokens: Vec<Value> = overview
        .tokens
        .iter()
        .map(|tok| {
            context! {
                id => tok.id, name => tok.name.clone(), created_at => tok.created_at.to_display_utc(),
                last_used_at => tok.last_used_at.map(|t| t.to_display_utc()), revoked => tok.revoked_at.is_some(),
            }
        })
        .collect();
    let account = context! {
        name => overview.account.display_name.as_str(),
        email => overview.account.email.as_str(),
        language => overview.account.language.map(|l| l.code()),
    };
    Ok(page(
        state,
        visit,
        "account.html",
        context! { account => account, roles => roles, tokens => tokens, new_token => new_token },
    ))
}

/// GET /account
pub(crate) async fn show(
    State(state): State<AppState>,
    visit: Visit,
) -> Result<Response, PageError> {
    require_signed_in(&visit, None, "/account")?;
    account_page(&state, &visit, None).await
}

/// POST /account/tokens: creates a token and shows it once.
pub(crate) async fn create_token(
    State(state): State<AppState>,
    visit: Visit,
    form: FormData,
) -> Result<Response, PageError> {
    require_signed_in(&visit, Some(&form), "/account/tokens")?;
    let token = accounts::create_api_token(&state.app, &visit.viewer, form.get("name"))
        .await
        .map_err(|e| PageError::from_action(e, "/account"))?;
    account_page(&state, &visit, Some(token.secret)).await
}

/// POST /account/tokens/{id}/revoke
pub(crate) async fn revoke_token(
    State(state): State<AppState>,
    visit: Visit,
    Path(id): Path<i64>,
    form: FormData,
) -> Result<Response, PageError> {
    require_signed_in(&visit, Some(&form), &format!("/account/tokens/{id}/revoke"))?;
    accounts::revoke_api_token(&state.app, &visit.viewer, id)
        .await
        .map_err(|e| PageError::from_action(e, "/account"))?;
    Ok(see_other("/account?notice=saved"))
}
