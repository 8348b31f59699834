//! Who is asking, in which language, with which CSRF token: resolved once per request.
//!
//! `resolve_visit` is a middleware: it makes sure the browser has a CSRF cookie,
//! resolves the session cookie to a `Viewer`, picks the page language, stores the
//! result as a `Visit` in the request, and on the way back turns a `PageError`
//! marker into a rendered error page in the visitor's language.
//! API routes skip the session cookie: they authenticate with bearer tokens (`ApiCaller`).

use axum::extract::{FromRequestParts, Request, State};
use axum::http::request::Parts;
use axum::http::{HeaderMap, HeaderValue, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use base64::Engine as _;
use plenary_app::accounts::{self, SessionProblem, Viewer};
use plenary_domain::Language;
use plenary_domain::language::negotiate;

use crate::AppState;
use crate::error::{ApiError, PageErrorMarker};

pub(crate) const SESSION_COOKIE: &str = "plenary_session";
pub(crate) const CSRF_COOKIE: &str = "plenary_csrf";
pub(crate) const LANG_COOKIE: &str = "plenary_lang";

/// One request's visitor.
#[derive(Debug, Clone)]
pub struct Visit {
    pub viewer: Viewer,
    pub language: Language,
    /// The token every form on the page must carry (`csrf` field).
    pub csrf: String,
    /// The session cookie was present but expired or ended.
    pub session_expired: bool,
    /// Path and query of this request, for `next=` links.
    pub here: String,
}

impl<S: Send + Sync> FromRequestParts<S> for Visit {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Visit, Response> {
        parts
            .extensions
            .get::<Visit>()
            .cloned()
            .ok_or_else(|| axum::http::StatusCode::INTERNAL_SERVER_ERROR.into_response())
    }
}

/// Reads one cookie from the request headers.
pub(crate) fn cookie(headers: &HeaderMap, name: &str) -> Option<String> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| cookie::Cookie::parse(pair.trim().to_owned()).ok())
        .find(|c| c.name() == name)
        .map(|c| c.value().to_owned())
}

/// A `Set-Cookie` value with the attributes every Plenary cookie has.
pub(crate) fn set_cookie(
    name: &str,
    value: &str,
    max_age_seconds: Option<i64>,
    same_site_strict: bool,
    secure: bool,
) -> HeaderValue {
    let mut text = format!(
        "{name}={value}; Path=/; HttpOnly; SameSite={}",
        if same_site_strict { "Strict" } else { "Lax" }
    );
    if let Some(age) = max_age_seconds {
        text.push_str(&format!("; Max-Age={age}"));
    }
    if secure {
        text.push_str("; Secure");
    }
    HeaderValue::from_str(&text).unwrap_or_else(|_| HeaderValue::from_static("invalid=1"))
}

/// The `Set-Cookie` value that deletes the session cookie.
pub(crate) fn clear_session_cookie(secure: bool) -> HeaderValue {
    set_cookie(SESSION_COOKIE, "", Some(0), false, secure)
}

pub(crate) fn new_csrf_token() -> String {
    let bytes: [u8; 24] = rand_bytes();
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
}

fn rand_bytes<const N: usize>() -> [u8; N] {
    use rand::RngCore as _;
    let mut bytes = [0_u8; N];
    rand::rng().fill_bytes(&mut bytes);
    bytes
}

fn is_api(path: &str) -> bool {
    path.starts_with("/api/")
        || path == "/healthz"
        || path == "/readyz"
        || path.starts_with("/static/")
}

/// The middleware described in the module comment.
pub(crate) async fn resolve_visit(
    State(state): State<AppState>,
    mut request: Request,
    next: Next,
) -> Response {
    let path = request.uri().path().to_owned();
    if is_api(&path) {
        return next.run(request).await;
    }
    let headers = request.headers().clone();
    let existing_csrf = cookie(&headers, CSRF_COOKIE).filter(|t| t.len() >= 16 && t.len() <= 64);
    let csrf = existing_csrf.clone().unwrap_or_else(new_csrf_token);

    let mut viewer = Viewer::anonymous();
    let mut session_expired = false;
    if let Some(token) = cookie(&headers, SESSION_COOKIE) {
        match accounts::viewer_from_session(&state.app, &token).await {
            Ok(Ok(found)) => viewer = found,
            Ok(Err(SessionProblem::Expired)) => session_expired = true,
            Ok(Err(SessionProblem::Unknown)) => {}
            Err(err) => return ApiError::from(err).into_response(),
        }
    }
    let chosen = viewer
        .account
        .as_ref()
        .and_then(|a| a.language)
        .or_else(|| cookie(&headers, LANG_COOKIE).and_then(|c| Language::parse(&c).ok()));
    let accept = headers
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok());
    let language = negotiate(chosen, accept);
    let here = request
        .uri()
        .path_and_query()
        .map_or_else(|| path.clone(), |pq| pq.as_str().to_owned());
    let visit = Visit {
        viewer,
        language,
        csrf: csrf.clone(),
        session_expired,
        here,
    };
    request.extensions_mut().insert(visit.clone());
    let mut response = next.run(request).await;

    if let Some(marker) = response.extensions_mut().remove::<PageErrorMarker>() {
        response = crate::pages::render_error(&state, &visit, marker);
    }
    if existing_csrf.is_none() {
        response.headers_mut().append(
            header::SET_COOKIE,
            set_cookie(CSRF_COOKIE, &csrf, None, true, state.config.secure_cookies),
        );
    }
    if visit.session_expired {
        // Drop the dead cookie so the browser stops sending it.
        response.headers_mut().append(
            header::SET_COOKIE,
            clear_session_cookie(state.config.secure_cookies),
        );
    }
    response
}

/// The caller of a JSON API route: the account of its bearer token, or the public.
#[derive(Debug, Clone)]
pub struct ApiCaller(pub Viewer);

impl FromRequestParts<AppState> for ApiCaller {
    type Rejection = ApiError;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<ApiCaller, ApiError> {
        let Some(value) = parts.headers.get(header::AUTHORIZATION) else {
            return Ok(ApiCaller(Viewer::anonymous()));
        };
        let token = value
            .to_str()
            .ok()
            .and_then(|v| v.strip_prefix("Bearer "))
            .ok_or(ApiError::Unauthenticated)?;
        let viewer = accounts::viewer_from_api_token(&state.app, token).await?;
        Ok(ApiCaller(viewer))
    }
}
