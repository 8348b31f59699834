//! Server-rendered pages: one module per area, plus what every page shares
//! (`render`, the error page, redirects, the language switcher).

pub(crate) mod account;
pub(crate) mod audit;
pub(crate) mod auth;
pub(crate) mod bodies;
pub(crate) mod constitution;
pub(crate) mod cycles;
pub(crate) mod forums;
pub(crate) mod hosts;
pub(crate) mod nominations;
pub(crate) mod people;
pub(crate) mod proposals;
pub(crate) mod review;
pub(crate) mod seats;
pub(crate) mod selection;
pub(crate) mod slates;

use axum::extract::State;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use minijinja::{Value, context};
use plenary_app::accounts;
use plenary_domain::Language;
use plenary_domain::language::Direction;

use crate::AppState;
use crate::csrf::FormData;
use crate::error::{PageError, PageErrorMarker};
use crate::visit::{LANG_COOKIE, Visit, set_cookie};

/// Messages a redirect may ask the next page to show (`?notice=`); anything else is ignored.
const NOTICES: &[&str] = &[
    "group-added",
    "constitution-stored",
    "host-saved",
    "host-removed",
    "call-opened",
    "nomination-received",
    "nomination-saved",
    "nominations-merged",
    "nominations-imported",
    "saved",
    "signed-out",
    "reset-sent",
    "reset-done",
    "role-granted",
    "role-already-held",
    "role-revoked",
    "session-expired",
    "slate-decision-recorded",
    "slate-seated",
    "cycle-saved",
    "issue-received",
    // Session proposals and screening (issue 4).
    "proposal-saved",
    "proposal-submitted",
    "proposal-withdrawn",
    "proposal-screening-overridden",
    // Review (issue 5).
    "review-saved",
    "review-submitted",
    "conflict-declared",
    "reviewer-added",
];

/// The context every template gets, merged with the page's own.
fn base_context(visit: &Visit, notice: Option<&str>) -> Value {
    let languages: Vec<Value> = Language::ALL
        .iter()
        .map(|l| context! { code => l.code(), name => l.native_name() })
        .collect();
    let viewer = visit
        .viewer
        .account
        .as_ref()
        .map(|a| context! { name => a.display_name.as_str(), email => a.email.as_str() });
    let dir = match visit.language.direction() {
        Direction::Rtl => "rtl",
        Direction::Ltr => "ltr",
    };
    context! {
        lang => visit.language.code(),
        dir => dir,
        languages => languages,
        viewer => viewer,
        csrf => visit.csrf.clone(),
        here => visit.here.clone(),
        notice => notice.filter(|n| NOTICES.contains(n)),
    }
}

/// Reads `notice=` from a query string.
pub(crate) fn notice_from(query: &str) -> Option<String> {
    serde_urlencoded::from_str::<Vec<(String, String)>>(query)
        .ok()?
        .into_iter()
        .find(|(k, _)| k == "notice")
        .map(|(_, v)| v)
}

/// Renders `template` with the page's own `context` on top of the shared one.
pub(crate) fn render(
    state: &AppState,
    visit: &Visit,
    status: StatusCode,
    template: &str,
    page: Value,
) -> Response {
    let notice = visit.here.split_once('?').and_then(|(_, q)| notice_from(q));
    let merged = context! { ..page, ..base_context(visit, notice.as_deref()) };
    match state.templates.render(template, merged) {
        Ok(html) => {
            let mut response = (status, html).into_response();
            response.headers_mut().insert(
                header::CONTENT_TYPE,
                HeaderValue::from_static("text/html; charset=utf-8"),
            );
            response
        }
        Err(err) => {
            tracing::error!(template, error = %err, "template failed to render");
            (StatusCode::INTERNAL_SERVER_ERROR, "internal error").into_response()
        }
    }
}

/// `render` with status 200.
pub(crate) fn page(state: &AppState, visit: &Visit, template: &str, context: Value) -> Response {
    render(state, visit, StatusCode::OK, template, context)
}

/// A 303 redirect to a local path (anything else goes home, so `next=` cannot send people away).
pub(crate) fn see_other(path: &str) -> Response {
    Redirect::to(local_path(path)).into_response()
}

/// `path` if it is a path on this site, else `/`.
pub(crate) fn local_path(path: &str) -> &str {
    if path.starts_with('/') && !path.starts_with("//") && !path.contains('\\') {
        path
    } else {
        "/"
    }
}

fn message(
    state: &AppState,
    visit: &Visit,
    status: StatusCode,
    title: &str,
    text: String,
) -> Response {
    render(
        state,
        visit,
        status,
        "message.html",
        context! { title => title, message => text, is_error => true },
    )
}

/// Renders the page for a `PageError` in the visitor's language.
pub(crate) fn render_error(state: &AppState, visit: &Visit, marker: PageErrorMarker) -> Response {
    let t = |id: &str| plenary_app::i18n::t(visit.language, id);
    match marker.0 {
        PageError::SignIn { next, resume } => {
            if resume.is_none() && visit.here.split('?').next() != Some("/sign-in") {
                let expired = if visit.session_expired {
                    "&notice=session-expired"
                } else {
                    ""
                };
                let target = format!("/sign-in?next={}{expired}", urlencode(&next));
                return Redirect::to(&target).into_response();
            }
            let error = resume.as_ref().map(|_| t("session-expired-kept"));
            auth::sign_in_page(
                state,
                visit,
                StatusCode::UNAUTHORIZED,
                &next,
                "",
                error,
                resume.as_ref(),
            )
        }
        PageError::NotFound => message(
            state,
            visit,
            StatusCode::NOT_FOUND,
            "error-title",
            t("error-not-found"),
        ),
        PageError::Forbidden => message(
            state,
            visit,
            StatusCode::FORBIDDEN,
            "error-title",
            t("error-forbidden"),
        ),
        PageError::Csrf => message(
            state,
            visit,
            StatusCode::FORBIDDEN,
            "error-title",
            t("error-csrf"),
        ),
        PageError::TooLarge => message(
            state,
            visit,
            StatusCode::PAYLOAD_TOO_LARGE,
            "error-title",
            t("error-too-large"),
        ),
        PageError::Invalid { field } => message(
            state,
            visit,
            StatusCode::UNPROCESSABLE_ENTITY,
            "error-title",
            plenary_app::i18n::t_args(visit.language, "error-invalid", &[("field", &field)]),
        ),
        PageError::Conflict => message(
            state,
            visit,
            StatusCode::CONFLICT,
            "error-title",
            t("error-conflict"),
        ),
        PageError::RateLimited { until } => message(
            state,
            visit,
            StatusCode::TOO_MANY_REQUESTS,
            "error-title",
            plenary_app::i18n::t_args(visit.language, "rate-limited", &[("until", &until)]),
        ),
        PageError::Unavailable => message(
            state,
            visit,
            StatusCode::SERVICE_UNAVAILABLE,
            "error-title",
            t("error-unavailable"),
        ),
        PageError::Internal => message(
            state,
            visit,
            StatusCode::INTERNAL_SERVER_ERROR,
            "error-title",
            t("error-internal"),
        ),
    }
}

pub(crate) fn urlencode(text: &str) -> String {
    serde_urlencoded::to_string([("", text)])
        .map(|s| s.trim_start_matches('=').to_owned())
        .unwrap_or_default()
}

/// POST /language: the switcher. Stores the choice on the account when signed in,
/// in a cookie otherwise, then goes back to the page it came from.
pub(crate) async fn switch_language(
    State(state): State<AppState>,
    visit: Visit,
    form: FormData,
) -> Result<Response, PageError> {
    let raw = form.get("language");
    let language = if raw.is_empty() {
        None
    } else {
        Some(Language::parse(raw).map_err(|_| PageError::Invalid {
            field: "language".into(),
        })?)
    };
    let back = local_path(form.get("back")).to_owned();
    if visit.viewer.account.is_some() {
        accounts::set_language(&state.app, &visit.viewer, language)
            .await
            .map_err(|e| PageError::from_action(e, &back))?;
    }
    let mut response = see_other(&back);
    let cookie = match language {
        Some(l) => set_cookie(
            LANG_COOKIE,
            l.code(),
            Some(365 * 24 * 3600),
            false,
            state.config.secure_cookies,
        ),
        None => set_cookie(LANG_COOKIE, "", Some(0), false, state.config.secure_cookies),
    };
    response.headers_mut().append(header::SET_COOKIE, cookie);
    Ok(response)
}

/// GET /static/plenary.css
pub(crate) async fn stylesheet() -> Response {
    (
        [
            (header::CONTENT_TYPE, "text/css; charset=utf-8"),
            (header::CACHE_CONTROL, "public, max-age=3600"),
        ],
        include_str!("../../static/plenary.css"),
    )
        .into_response()
}

/// Page actions that need an account: a signed-out visitor goes to sign in, and a form
/// they were sending is kept to be sent again afterwards.
pub(crate) fn require_signed_in(
    visit: &Visit,
    form: Option<&FormData>,
    action: &str,
) -> Result<(), PageError> {
    if visit.viewer.account.is_some() {
        return Ok(());
    }
    Err(PageError::SignIn {
        next: action.to_owned(),
        resume: form.map(|f| f.resume(action)),
    })
}

/// "Please check FIELD (problem)" in the visitor's language, for a form re-rendered with an error.
pub(crate) fn field_error_message(visit: &Visit, field: &plenary_domain::FieldError) -> String {
    format!(
        "{} ({})",
        plenary_app::i18n::t_args(visit.language, "error-invalid", &[("field", field.field)]),
        field.problem
    )
}

/// Any URL no route matches.
pub(crate) async fn not_found() -> PageError {
    PageError::NotFound
}

/// What the pages' render tests share: rendering a template with the layout's context, and
/// checking that typed HTML is shown as text and no message id is shown instead of its text.
#[cfg(test)]
pub(crate) mod render_check {
    use minijinja::{Value, context};
    use plenary_domain::Language;

    use crate::templates::Templates;
    use crate::visit::Visit;

    pub(crate) fn render_page(
        templates: &Templates,
        visit: &Visit,
        name: &str,
        page: Value,
    ) -> String {
        let merged = context! { ..page, ..context! {
            lang => visit.language.code(), dir => "ltr", csrf => visit.csrf.clone(),
            here => visit.here.clone(), languages => Vec::<Value>::new(),
        }};
        templates
            .render(name, merged)
            .unwrap_or_else(|e| panic!("{name}: {e:#}"))
    }

    /// `<script>alert(` typed by someone appears escaped, never as markup; none of `ids`
    /// (the page's message-id prefixes, e.g. `">rv-"`) appears, as a missing message would.
    pub(crate) fn check(name: &str, language: Language, html: &str, ids: &[&str]) {
        assert!(!html.contains("<script>alert"), "{name} {language:?}");
        assert!(!html.contains("<b>bold"), "{name} {language:?}");
        assert!(
            html.contains("&lt;script&gt;alert("),
            "{name} {language:?}: {html}"
        );
        for raw in ids {
            assert!(
                !html.contains(raw),
                "{name} {language:?} shows {raw}: {html}"
            );
        }
    }
}
