//! `ActionError`: every way an action can fail that its caller must handle.
//!
//! `plenary-web` maps each variant to one HTTP status and one stable error code;
//! `plenary-cli` maps them to messages and exit codes.

use plenary_db::DbError;
use plenary_domain::FieldError;
use plenary_domain::Timestamp;
use plenary_domain::permissions::Denied;

#[derive(Debug, thiserror::Error)]
pub enum ActionError {
    /// A value given by the user is not valid; names the field.
    #[error(transparent)]
    Invalid(#[from] FieldError),
    /// A rule of the domain refuses the action (`code` is stable, `message` is for people).
    #[error("{message}")]
    Rule { code: &'static str, message: String },
    /// Someone must sign in first.
    #[error("sign in first")]
    Unauthenticated,
    /// Signed in, but not allowed.
    #[error("not allowed")]
    Forbidden,
    #[error("not found")]
    NotFound,
    #[error("conflict: {0}")]
    Conflict(String),
    /// Wrong e-mail address or password: deliberately says no more.
    #[error("the e-mail address or password is not correct")]
    SignInFailed,
    /// Too many attempts; try again after `until` (in `retry_after_seconds`).
    #[error("too many attempts; try again after {}", until.to_display_utc())]
    RateLimited {
        until: Timestamp,
        retry_after_seconds: i64,
    },
    /// The database cannot be reached.
    #[error("the database is unavailable: {0}")]
    Unavailable(String),
    /// A bug or an outage; logged with its chain, never shown.
    #[error(transparent)]
    Internal(#[from] anyhow::Error),
}

impl From<DbError> for ActionError {
    fn from(err: DbError) -> ActionError {
        match err {
            DbError::NotFound => ActionError::NotFound,
            DbError::Conflict { constraint } => ActionError::Conflict(constraint),
            DbError::Unavailable(why) => ActionError::Unavailable(why),
            other => ActionError::Internal(anyhow::Error::new(other)),
        }
    }
}

impl From<Denied> for ActionError {
    fn from(denied: Denied) -> ActionError {
        match denied {
            Denied::Unauthenticated => ActionError::Unauthenticated,
            Denied::Forbidden => ActionError::Forbidden,
        }
    }
}
