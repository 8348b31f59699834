//! Signing in and out, and resetting a forgotten password.
//!
//! A form posted after the session expired is not lost: the sign-in page carries its
//! fields (`resume__*`), and after signing in the visitor is offered to send them again
//! (`resume.html`) with a fresh CSRF token.

use axum::extract::{Path, Query, State};
use axum::http::{StatusCode, header};
use axum::response::Response;
use minijinja::context;
use plenary_app::ActionError;
use plenary_app::accounts;

use crate::AppState;
use crate::csrf::FormData;
use crate::error::{PageError, Resume};
use crate::pages::{local_path, page, render, see_other};
use crate::visit::{CSRF_COOKIE, SESSION_COOKIE, Visit, clear_session_cookie, set_cookie};

#[derive(Debug, serde::Deserialize)]
pub(crate) struct NextQuery {
    #[serde(default)]
    next: Option<String>,
}

/// Renders the sign-in form (also used by the error path for expired sessions).
pub(crate) fn sign_in_page(
    state: &AppState,
    visit: &Visit,
    status: StatusCode,
    next: &str,
    email: &str,
    error: Option<String>,
    resume: Option<&Resume>,
) -> Response {
    let resume = resume.map(|r| {
        let fields: Vec<Vec<String>> = r
            .fields
            .iter()
            .map(|(k, v)| vec![k.clone(), v.clone()])
            .collect();
        context! { action => r.action.clone(), fields => fields }
    });
    render(
        state,
        visit,
        status,
        "sign_in.html",
        context! { next => local_path(next), email => email, error => error, resume => resume },
    )
}

/// GET /sign-in
pub(crate) async fn sign_in_form(
    State(state): State<AppState>,
    visit: Visit,
    Query(query): Query<NextQuery>,
) -> Response {
    let next = query.next.unwrap_or_else(|| "/".into());
    if visit.viewer.account.is_some() {
        return see_other(&next);
    }
    sign_in_page(&state, &visit, StatusCode::OK, &next, "", None, None)
}

/// POST /sign-in
pub(crate) async fn sign_in(
    State(state): State<AppState>,
    visit: Visit,
    form: FormData,
) -> Result<Response, PageError> {
    let next = local_path(form.get("next")).to_owned();
    let resume_action = form.get("resume_action");
    let resume = (!resume_action.is_empty()).then(|| Resume {
        action: local_path(resume_action).to_owned(),
        fields: form
            .resume("")
            .fields
            .into_iter()
            .filter_map(|(k, v)| k.strip_prefix("resume__").map(|name| (name.to_owned(), v)))
            .collect(),
    });
    let email = form.get("email");
    let t = |id: &str| plenary_app::i18n::t(visit.language, id);
    match accounts::sign_in(&state.app, email, form.get("password")).await {
        Ok(signed_in) => {
            // A new CSRF token at sign-in, so a token seen before cannot ride the new session.
            let csrf = crate::visit::new_csrf_token();
            let secure = state.config.secure_cookies;
            let mut response = match resume {
                Some(resume) => {
                    let signed_visit = Visit {
                        viewer: accounts::Viewer {
                            account: Some(signed_in.account.clone()),
                            session_id: None,
                        },
                        language: signed_in.account.language.unwrap_or(visit.language),
                        csrf: csrf.clone(),
                        session_expired: false,
                        here: "/sign-in".into(),
                    };
                    let fields: Vec<Vec<String>> = resume
                        .fields
                        .iter()
                        .map(|(k, v)| vec![k.clone(), v.clone()])
                        .collect();
                    page(
                        &state,
                        &signed_visit,
                        "resume.html",
                        context! { resume => context! { action => resume.action, fields => fields } },
                    )
                }
                None => see_other(&next),
            };
            let headers = response.headers_mut();
            headers.append(
                header::SET_COOKIE,
                set_cookie(
                    SESSION_COOKIE,
                    &signed_in.session_token,
                    None,
                    false,
                    secure,
                ),
            );
            headers.append(
                header::SET_COOKIE,
                set_cookie(CSRF_COOKIE, &csrf, None, true, secure),
            );
            Ok(response)
        }
        Err(ActionError::SignInFailed) => Ok(sign_in_page(
            &state,
            &visit,
            StatusCode::UNAUTHORIZED,
            &next,
            email,
            Some(t("sign-in-failed")),
            resume.as_ref(),
        )),
        Err(ActionError::RateLimited { until, .. }) => Ok(sign_in_page(
            &state,
            &visit,
            StatusCode::TOO_MANY_REQUESTS,
            &next,
            email,
            Some(plenary_app::i18n::t_args(
                visit.language,
                "rate-limited",
                &[("until", &until.to_display_utc())],
            )),
            resume.as_ref(),
        )),
        Err(other) => Err(PageError::from_action(other, &visit.here)),
    }
}

/// POST /sign-out
pub(crate) async fn sign_out(
    State(state): State<AppState>,
    visit: Visit,
    _form: FormData,
) -> Result<Response, PageError> {
    if visit.viewer.account.is_some() {
        accounts::sign_out(&state.app, &visit.viewer)
            .await
            .map_err(|e| PageError::from_action(e, &visit.here))?;
    }
    let mut response = see_other("/?notice=signed-out");
    response.headers_mut().append(
        header::SET_COOKIE,
        clear_session_cookie(state.config.secure_cookies),
    );
    Ok(response)
}

/// GET /password-reset
pub(crate) async fn reset_request_form(State(state): State<AppState>, visit: Visit) -> Response {
    page(
        &state,
        &visit,
        "reset.html",
        context! { title => "reset-title" },
    )
}

/// POST /password-reset
pub(crate) async fn reset_request(
    State(state): State<AppState>,
    visit: Visit,
    form: FormData,
) -> Result<Response, PageError> {
    match accounts::request_password_reset(&state.app, form.get("email"), visit.language).await {
        Ok(()) => Ok(see_other("/password-reset?notice=reset-sent")),
        Err(ActionError::Invalid(_)) => Ok(render(
            &state,
            &visit,
            StatusCode::UNPROCESSABLE_ENTITY,
            "reset.html",
            context! { title => "reset-title", error => plenary_app::i18n::t_args(visit.language, "error-invalid", &[("field", &plenary_app::i18n::t(visit.language, "field-email"))]) },
        )),
        Err(other) => Err(PageError::from_action(other, &visit.here)),
    }
}

/// The page for a reset link that expired or was used (410 Gone).
fn reset_link_invalid(state: &AppState, visit: &Visit) -> Response {
    let message = plenary_app::i18n::t(visit.language, "reset-invalid");
    render(
        state,
        visit,
        StatusCode::GONE,
        "message.html",
        context! { title => "reset-title", message => message, is_error => true },
    )
}

/// GET /password-reset/{token}
pub(crate) async fn reset_form(
    State(state): State<AppState>,
    visit: Visit,
    Path(token): Path<String>,
) -> Result<Response, PageError> {
    match accounts::check_reset_token(&state.app, &token).await {
        Ok(()) => Ok(page(
            &state,
            &visit,
            "reset.html",
            context! { title => "reset-choose-title", token => token },
        )),
        Err(ActionError::Rule { .. }) => Ok(reset_link_invalid(&state, &visit)),
        Err(other) => Err(PageError::from_action(other, &visit.here)),
    }
}

/// POST /password-reset/{token}
pub(crate) async fn reset(
    State(state): State<AppState>,
    visit: Visit,
    Path(token): Path<String>,
    form: FormData,
) -> Result<Response, PageError> {
    match accounts::reset_password(&state.app, &token, form.get("password")).await {
        Ok(()) => Ok(see_other("/sign-in?notice=reset-done")),
        Err(ActionError::Invalid(field)) => Ok(render(
            &state,
            &visit,
            StatusCode::UNPROCESSABLE_ENTITY,
            "reset.html",
            context! { title => "reset-choose-title", token => token, error => field.problem },
        )),
        Err(ActionError::Rule { .. }) => Ok(reset_link_invalid(&state, &visit)),
        Err(other) => Err(PageError::from_action(other, &visit.here)),
    }
}
