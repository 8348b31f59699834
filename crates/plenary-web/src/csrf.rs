//! CSRF protection for every form: the double-submit cookie pattern.
//!
//! The visit middleware gives each browser a random `plenary_csrf` cookie
//! (HttpOnly, SameSite=Strict); every form carries the same value in a hidden `csrf`
//! field. `FormData` (the only way page handlers read a POST body) refuses a request
//! whose field does not match its cookie with 403, before any action runs.
//! The JSON API is authenticated by bearer tokens, not cookies, so it needs none.

use axum::body::Bytes;
use axum::extract::{FromRequest, Request};
use axum::http::StatusCode;

use crate::AppState;
use crate::error::{PageError, Resume};
use crate::visit::{CSRF_COOKIE, cookie};

/// A checked, URL-encoded form body.
#[derive(Debug, Clone)]
pub struct FormData {
    fields: Vec<(String, String)>,
}

impl FormData {
    /// The first value of `name`, or "" if absent.
    pub fn get(&self, name: &str) -> &str {
        self.fields
            .iter()
            .find(|(key, _)| key == name)
            .map_or("", |(_, value)| value.as_str())
    }

    /// Every value of `name`, in order (checkbox groups).
    pub fn get_all(&self, name: &str) -> Vec<&str> {
        self.fields
            .iter()
            .filter(|(key, _)| key == name)
            .map(|(_, value)| value.as_str())
            .collect()
    }

    /// The fields to resend after signing in again (the CSRF token is left out).
    pub fn resume(&self, action: &str) -> Resume {
        Resume {
            action: action.to_owned(),
            fields: self
                .fields
                .iter()
                .filter(|(key, _)| key != "csrf")
                .cloned()
                .collect(),
        }
    }
}

/// Compares in time independent of where the strings differ.
fn same(a: &str, b: &str) -> bool {
    a.len() == b.len()
        && a.bytes()
            .zip(b.bytes())
            .fold(0_u8, |acc, (x, y)| acc | (x ^ y))
            == 0
}

impl FromRequest<AppState> for FormData {
    type Rejection = PageError;

    async fn from_request(request: Request, state: &AppState) -> Result<FormData, PageError> {
        let expected = cookie(request.headers(), CSRF_COOKIE);
        let bytes = Bytes::from_request(request, state)
            .await
            .map_err(|rejection| {
                if rejection.status() == StatusCode::PAYLOAD_TOO_LARGE {
                    PageError::TooLarge
                } else {
                    PageError::Invalid {
                        field: "body".into(),
                    }
                }
            })?;
        let fields: Vec<(String, String)> =
            serde_urlencoded::from_bytes(&bytes).map_err(|_| PageError::Invalid {
                field: "body".into(),
            })?;
        let form = FormData { fields };
        match expected {
            Some(expected) if !expected.is_empty() && same(form.get("csrf"), &expected) => Ok(form),
            _ => Err(PageError::Csrf),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::same;

    #[test]
    fn comparison_is_exact() {
        assert!(same("abc", "abc"));
        assert!(!same("abc", "abd"));
        assert!(!same("abc", "abcd"));
        assert!(!same("", "a"));
    }
}
