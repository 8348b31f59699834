//! Points in time, always UTC, with microsecond precision.
//!
//! `Timestamp` is the only time type in the domain. The clock lives in
//! `plenary-app` (`Clock`); here time is only ever passed in.
//! The text form (`YYYY-MM-DDTHH:MM:SS.ffffffZ`) has a fixed width, so ordering
//! the text orders the times; `plenary-db` relies on this for SQLite.

use std::fmt;
use std::str::FromStr;

/// A UTC instant, counted in microseconds since 1970-01-01T00:00:00Z.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Timestamp(i64);

/// A span of time in whole seconds (may be negative).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Seconds(pub i64);

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("not a UTC timestamp in the form YYYY-MM-DDTHH:MM:SS[.ffffff]Z: {0}")]
pub struct TimestampError(String);

impl Timestamp {
    /// Years 0001 to 9999 only, so the text form always has four year digits.
    const MIN_MICROS: i64 = -62_135_596_800_000_000;
    // 9999-12-29T23:59:59.999999Z: jiff's own maximum lies a day later.
    const MAX_MICROS: i64 = 253_402_127_999_999_999;

    /// Builds a timestamp from microseconds since the Unix epoch, clamped to years 1–9999.
    pub fn from_micros(micros: i64) -> Timestamp {
        Timestamp(micros.clamp(Self::MIN_MICROS, Self::MAX_MICROS))
    }

    pub fn as_micros(self) -> i64 {
        self.0
    }

    pub fn from_unix_seconds(seconds: i64) -> Timestamp {
        Timestamp::from_micros(seconds.saturating_mul(1_000_000))
    }

    pub fn as_unix_seconds(self) -> i64 {
        self.0.div_euclid(1_000_000)
    }

    pub fn plus(self, span: Seconds) -> Timestamp {
        Timestamp::from_micros(self.0.saturating_add(span.0.saturating_mul(1_000_000)))
    }

    pub fn minus(self, span: Seconds) -> Timestamp {
        Timestamp::from_micros(self.0.saturating_sub(span.0.saturating_mul(1_000_000)))
    }

    fn to_jiff(self) -> jiff::Timestamp {
        // The clamp in `from_micros` keeps every value inside jiff's range.
        jiff::Timestamp::from_microsecond(self.0).unwrap_or(jiff::Timestamp::UNIX_EPOCH)
    }

    /// `2026-11-22T09:30:00Z`: for people and for RFC 3339 in the API.
    pub fn to_rfc3339_seconds(self) -> String {
        self.to_jiff().strftime("%Y-%m-%dT%H:%M:%SZ").to_string()
    }

    /// `2026-11-22 09:30 UTC`: compact form for tables.
    pub fn to_display_utc(self) -> String {
        self.to_jiff().strftime("%Y-%m-%d %H:%M UTC").to_string()
    }
}

impl fmt::Display for Timestamp {
    /// The fixed-width storage form, e.g. `2026-11-22T09:30:00.000000Z`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.to_jiff().strftime("%Y-%m-%dT%H:%M:%S.%6fZ"))
    }
}

impl FromStr for Timestamp {
    type Err = TimestampError;

    /// Accepts RFC 3339 in UTC (`Z` or `+00:00`), with or without fractional seconds.
    fn from_str(raw: &str) -> Result<Timestamp, TimestampError> {
        let parsed: jiff::Timestamp = raw.parse().map_err(|_| TimestampError(raw.to_owned()))?;
        let micros = parsed.as_microsecond();
        Ok(Timestamp::from_micros(micros))
    }
}

#[cfg(test)]
mod tests;
