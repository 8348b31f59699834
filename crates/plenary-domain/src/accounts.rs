//! Accounts: who can sign in, with which e-mail address, password and language.
//!
//! `Email::parse`, `Password::parse` and `DisplayName::parse` are the only ways to
//! build those values, so every stored value passed validation once.
//! `throttle` decides whether a sign-in attempt may proceed.
//! Not here: hashing (`plenary_app::accounts`), storage (`plenary_db::accounts`).

use crate::time::{Seconds, Timestamp};
use crate::{AccountId, FieldError, Language};

/// A sign-in identity.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Account {
    pub id: AccountId,
    pub email: Email,
    pub display_name: DisplayName,
    pub language: Option<Language>,
    pub created_at: Timestamp,
    pub disabled: bool,
}

/// An e-mail address, trimmed and lower-cased; compared case-insensitively.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Email(String);

impl Email {
    pub fn parse(raw: &str) -> Result<Email, FieldError> {
        let trimmed = raw.trim().to_lowercase();
        let n_chars = trimmed.chars().count();
        if n_chars == 0 {
            return Err(FieldError::new(
                "email",
                "required",
                "an e-mail address is required",
            ));
        }
        if n_chars > 254 {
            return Err(FieldError::new(
                "email",
                "too_long",
                "at most 254 characters",
            ));
        }
        let Some((local, domain)) = trimmed.split_once('@') else {
            return Err(FieldError::new(
                "email",
                "not_an_email",
                "expected name@domain",
            ));
        };
        let valid_domain = domain.contains('.')
            && !domain.starts_with('.')
            && !domain.ends_with('.')
            && !domain.contains('@');
        if local.is_empty()
            || !valid_domain
            || trimmed.chars().any(|c| c.is_whitespace() || c.is_control())
        {
            return Err(FieldError::new(
                "email",
                "not_an_email",
                "expected name@domain",
            ));
        }
        Ok(Email(trimmed))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A person's name as shown on pages: trimmed, 1..=120 characters.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DisplayName(String);

impl DisplayName {
    pub fn parse(raw: &str) -> Result<DisplayName, FieldError> {
        let trimmed = raw.trim();
        let n_chars = trimmed.chars().count();
        if n_chars == 0 {
            return Err(FieldError::new(
                "display_name",
                "required",
                "a name is required",
            ));
        }
        if n_chars > 120 {
            return Err(FieldError::new(
                "display_name",
                "too_long",
                "at most 120 characters",
            ));
        }
        if trimmed.chars().any(char::is_control) {
            return Err(FieldError::new(
                "display_name",
                "control_character",
                "control characters are not allowed",
            ));
        }
        Ok(DisplayName(trimmed.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A new password as typed: 10..=200 characters, not only one repeated character.
///
/// Invariant: never stored, logged or shown; `plenary_app` hashes it at once.
#[derive(Clone, PartialEq, Eq)]
pub struct Password(String);

impl std::fmt::Debug for Password {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Password(<redacted>)")
    }
}

impl Password {
    pub const MIN_CHARS: usize = 10;

    pub fn parse(raw: &str) -> Result<Password, FieldError> {
        let n_chars = raw.chars().count();
        if n_chars < Self::MIN_CHARS {
            return Err(FieldError::new(
                "password",
                "too_short",
                format!("at least {} characters", Self::MIN_CHARS),
            ));
        }
        if n_chars > 200 {
            return Err(FieldError::new(
                "password",
                "too_long",
                "at most 200 characters",
            ));
        }
        let mut chars = raw.chars();
        let first = chars.next();
        if chars.all(|c| Some(c) == first) {
            return Err(FieldError::new(
                "password",
                "too_weak",
                "a password of one repeated character is too easy to guess",
            ));
        }
        Ok(Password(raw.to_owned()))
    }

    pub fn expose(&self) -> &str {
        &self.0
    }
}

/// How many failed sign-ins for one address within the window lock that address.
pub const MAX_FAILED_SIGN_INS: u32 = 5;
/// The window over which failures are counted, and how long a lock lasts.
pub const SIGN_IN_WINDOW: Seconds = Seconds(15 * 60);
/// Sessions end after this long without a request.
pub const SESSION_IDLE: Seconds = Seconds(7 * 24 * 3600);
/// Sessions end this long after sign-in, whatever the activity.
pub const SESSION_ABSOLUTE: Seconds = Seconds(30 * 24 * 3600);
/// A password-reset link works this long.
pub const RESET_TOKEN_LIFETIME: Seconds = Seconds(3600);

/// What to do with a sign-in attempt, given the failures already recorded for that address.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Throttle {
    Proceed,
    /// Too many recent failures: refuse without checking the password until `until`.
    Locked {
        until: Timestamp,
    },
}

/// Decides whether a sign-in may be tried. `recent_failures` are the times of failed
/// attempts for the address within `SIGN_IN_WINDOW` before `now`, in any order.
pub fn throttle(recent_failures: &[Timestamp], now: Timestamp) -> Throttle {
    let window_start = now.minus(SIGN_IN_WINDOW);
    let mut in_window: Vec<Timestamp> = recent_failures
        .iter()
        .copied()
        .filter(|at| *at > window_start && *at <= now)
        .collect();
    if in_window.len() < MAX_FAILED_SIGN_INS as usize {
        return Throttle::Proceed;
    }
    in_window.sort();
    // The lock lasts until the oldest failure that keeps the count at the limit leaves the window.
    let idx = in_window.len() - MAX_FAILED_SIGN_INS as usize;
    Throttle::Locked {
        until: in_window[idx].plus(SIGN_IN_WINDOW),
    }
}

/// Whether a session signed in at `created_at` and last used at `last_seen_at` is still valid.
pub fn is_session_live(created_at: Timestamp, last_seen_at: Timestamp, now: Timestamp) -> bool {
    now < created_at.plus(SESSION_ABSOLUTE) && now < last_seen_at.plus(SESSION_IDLE)
}

#[cfg(test)]
mod tests;
