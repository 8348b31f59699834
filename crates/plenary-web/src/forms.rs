//! Reading JSON request bodies with errors that name the offending field.
//!
//! `ApiJson<T>` refuses malformed JSON with 400 `invalid_json`, an unknown field with
//! 422 `unknown_field`, a missing or mistyped field with 422 `invalid_field`, and a
//! body over the limit with 413 `payload_too_large`. Request types use
//! `#[serde(deny_unknown_fields)]`.

use axum::body::Bytes;
use axum::extract::{FromRequest, Request};
use axum::http::StatusCode;
use serde::de::DeserializeOwned;

use crate::AppState;
use crate::error::ApiError;

/// A JSON body of type `T`.
#[derive(Debug)]
pub struct ApiJson<T>(pub T);

impl<T: DeserializeOwned> FromRequest<AppState> for ApiJson<T> {
    type Rejection = ApiError;

    async fn from_request(request: Request, state: &AppState) -> Result<ApiJson<T>, ApiError> {
        let bytes = Bytes::from_request(request, state)
            .await
            .map_err(|rejection| {
                if rejection.status() == StatusCode::PAYLOAD_TOO_LARGE {
                    ApiError::PayloadTooLarge
                } else {
                    ApiError::InvalidJson(rejection.body_text())
                }
            })?;
        parse(&bytes).map(ApiJson)
    }
}

fn parse<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, ApiError> {
    serde_json::from_slice(bytes).map_err(|err| {
        let text = err.to_string();
        match err.classify() {
            serde_json::error::Category::Data => {
                if let Some(field) = between_backticks(&text, "unknown field `") {
                    ApiError::UnknownField(field)
                } else if let Some(field) = between_backticks(&text, "missing field `") {
                    ApiError::InvalidField {
                        message: format!("missing field `{field}`"),
                        field,
                    }
                } else {
                    ApiError::InvalidField {
                        field: "body".into(),
                        message: text,
                    }
                }
            }
            _ => ApiError::InvalidJson(text),
        }
    })
}

fn between_backticks(text: &str, prefix: &str) -> Option<String> {
    let start = text.find(prefix)? + prefix.len();
    let rest = &text[start..];
    let end = rest.find('`')?;
    Some(rest[..end].to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    #[expect(dead_code, reason = "only deserialised")]
    struct Grant {
        email: String,
        role: String,
    }

    #[test]
    fn errors_name_the_field() {
        let unknown =
            parse::<Grant>(br#"{"email":"a@b.org","role":"chair","admin":true}"#).unwrap_err();
        assert_eq!(
            (unknown.code(), format!("{unknown:?}")),
            ("unknown_field", "UnknownField(\"admin\")".into())
        );
        let missing = parse::<Grant>(br#"{"email":"a@b.org"}"#).unwrap_err();
        assert!(
            matches!(&missing, ApiError::InvalidField { field, .. } if field == "role"),
            "{missing:?}"
        );
        let malformed = parse::<Grant>(br#"{"email":"#).unwrap_err();
        assert_eq!(malformed.code(), "invalid_json");
    }
}
