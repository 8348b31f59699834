//! The one place errors become responses.
//!
//! `ApiError` becomes the JSON envelope of docs/API-DESIGN.md
//! (`{"error": {"code", "message", "field"?}}`) with a stable code per variant.
//! `PageError` becomes a marker that the visit middleware renders as a page in the
//! visitor's language (or a redirect to sign in).
//! Internal errors are logged with their chain and never shown.

use axum::Json;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use plenary_app::ActionError;
use serde_json::json;

/// An error from a JSON API route.
#[derive(Debug)]
pub enum ApiError {
    Unauthenticated,
    Forbidden,
    NotFound,
    Conflict(String),
    PayloadTooLarge,
    InvalidJson(String),
    UnknownField(String),
    InvalidField {
        field: String,
        message: String,
    },
    Rule {
        code: &'static str,
        message: String,
    },
    RateLimited {
        message: String,
        retry_after_seconds: i64,
    },
    Unavailable,
    Internal,
}

/// `WebError` is the API error type; pages use `PageError`.
pub type WebError = ApiError;

impl ApiError {
    pub fn code(&self) -> &'static str {
        match self {
            ApiError::Unauthenticated => "unauthenticated",
            ApiError::Forbidden => "forbidden",
            ApiError::NotFound => "not_found",
            ApiError::Conflict(_) => "conflict",
            ApiError::PayloadTooLarge => "payload_too_large",
            ApiError::InvalidJson(_) => "invalid_json",
            ApiError::UnknownField(_) => "unknown_field",
            ApiError::InvalidField { .. } => "invalid_field",
            ApiError::Rule { code, .. } => code,
            ApiError::RateLimited { .. } => "rate_limited",
            ApiError::Unavailable => "unavailable",
            ApiError::Internal => "internal",
        }
    }

    fn status(&self) -> StatusCode {
        match self {
            ApiError::Unauthenticated => StatusCode::UNAUTHORIZED,
            ApiError::Forbidden => StatusCode::FORBIDDEN,
            ApiError::NotFound => StatusCode::NOT_FOUND,
            ApiError::Conflict(_) => StatusCode::CONFLICT,
            ApiError::PayloadTooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            ApiError::InvalidJson(_) => StatusCode::BAD_REQUEST,
            ApiError::UnknownField(_) | ApiError::InvalidField { .. } | ApiError::Rule { .. } => {
                StatusCode::UNPROCESSABLE_ENTITY
            }
            ApiError::RateLimited { .. } => StatusCode::TOO_MANY_REQUESTS,
            ApiError::Unavailable => StatusCode::SERVICE_UNAVAILABLE,
            ApiError::Internal => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    fn message(&self) -> String {
        match self {
            ApiError::Unauthenticated => {
                "send a valid API token as `Authorization: Bearer TOKEN`".into()
            }
            ApiError::Forbidden => "your roles do not allow this".into(),
            ApiError::NotFound => "no such resource".into(),
            ApiError::Conflict(what) => format!("conflict: {what}"),
            ApiError::PayloadTooLarge => "the request body is too large".into(),
            ApiError::InvalidJson(why) => format!("the body is not valid JSON: {why}"),
            ApiError::UnknownField(field) => format!("unknown field `{field}`"),
            ApiError::InvalidField { message, .. } | ApiError::Rule { message, .. } => {
                message.clone()
            }
            ApiError::RateLimited { message, .. } => message.clone(),
            ApiError::Unavailable => "the database is unavailable; try again shortly".into(),
            ApiError::Internal => "internal error; it has been logged".into(),
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let mut body = json!({"error": {"code": self.code(), "message": self.message()}});
        let field = match &self {
            ApiError::UnknownField(field) | ApiError::InvalidField { field, .. } => {
                Some(field.clone())
            }
            _ => None,
        };
        if let Some(field) = field {
            body["error"]["field"] = json!(field);
        }
        let mut response = (self.status(), Json(body)).into_response();
        let headers = response.headers_mut();
        match &self {
            ApiError::Unauthenticated => {
                headers.insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"));
            }
            ApiError::RateLimited {
                retry_after_seconds,
                ..
            } => {
                if let Ok(value) = HeaderValue::from_str(&retry_after_seconds.to_string()) {
                    headers.insert(header::RETRY_AFTER, value);
                }
            }
            _ => {}
        }
        response
    }
}

impl From<ActionError> for ApiError {
    fn from(err: ActionError) -> ApiError {
        match err {
            ActionError::Invalid(field) => ApiError::InvalidField {
                field: field.field.to_owned(),
                message: field.to_string(),
            },
            ActionError::Rule { code, message } => ApiError::Rule { code, message },
            ActionError::Unauthenticated | ActionError::SignInFailed => ApiError::Unauthenticated,
            ActionError::Forbidden => ApiError::Forbidden,
            ActionError::NotFound => ApiError::NotFound,
            ActionError::Conflict(what) => ApiError::Conflict(what),
            ActionError::RateLimited {
                retry_after_seconds,
                ..
            } => ApiError::RateLimited {
                message: err.to_string(),
                retry_after_seconds,
            },
            ActionError::Unavailable(why) => {
                tracing::error!(error = %why, "database unavailable");
                ApiError::Unavailable
            }
            ActionError::Internal(err) => {
                tracing::error!(error = ?err, "internal error");
                ApiError::Internal
            }
        }
    }
}

/// Form fields kept across a sign-in, to be sent again afterwards.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Resume {
    /// Where the form was posted.
    pub action: String,
    /// The form's fields, without the CSRF token.
    pub fields: Vec<(String, String)>,
}

/// An error from a page route; rendered by the visit middleware.
#[derive(Debug, Clone)]
pub enum PageError {
    NotFound,
    Forbidden,
    /// Nobody signed in (or the session expired): go to the sign-in page, then `next`.
    SignIn {
        next: String,
        resume: Option<Resume>,
    },
    /// The CSRF token was missing or wrong.
    Csrf,
    TooLarge,
    Invalid {
        field: String,
    },
    Conflict,
    RateLimited {
        until: String,
    },
    Unavailable,
    Internal,
}

/// Carries a `PageError` from the handler to the middleware inside the response.
#[derive(Debug, Clone)]
pub(crate) struct PageErrorMarker(pub PageError);

impl IntoResponse for PageError {
    fn into_response(self) -> Response {
        let mut response = StatusCode::INTERNAL_SERVER_ERROR.into_response();
        response.extensions_mut().insert(PageErrorMarker(self));
        response
    }
}

impl PageError {
    /// Maps an action's error for a page at `here` (the path to come back to).
    pub fn from_action(err: ActionError, here: &str) -> PageError {
        match err {
            ActionError::Invalid(field) => PageError::Invalid {
                field: field.field.to_owned(),
            },
            ActionError::Rule { .. } | ActionError::Conflict(_) => PageError::Conflict,
            ActionError::Unauthenticated | ActionError::SignInFailed => PageError::SignIn {
                next: here.to_owned(),
                resume: None,
            },
            ActionError::Forbidden => PageError::Forbidden,
            ActionError::NotFound => PageError::NotFound,
            ActionError::RateLimited { until, .. } => PageError::RateLimited {
                until: until.to_display_utc(),
            },
            ActionError::Unavailable(why) => {
                tracing::error!(error = %why, "database unavailable");
                PageError::Unavailable
            }
            ActionError::Internal(err) => {
                tracing::error!(error = ?err, "internal error");
                PageError::Internal
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refusals_carry_the_headers_clients_need() {
        let res = ApiError::Unauthenticated.into_response();
        assert_eq!(res.status(), StatusCode::UNAUTHORIZED);
        assert_eq!(res.headers()[header::WWW_AUTHENTICATE], "Bearer");
        let res = ApiError::RateLimited {
            message: "too many attempts".into(),
            retry_after_seconds: 840,
        }
        .into_response();
        assert_eq!(res.status(), StatusCode::TOO_MANY_REQUESTS);
        assert_eq!(res.headers()[header::RETRY_AFTER], "840");
    }
}
