//! Tests for `accounts`.
use super::*;

#[test]
fn emails_are_normalised_and_checked() {
    assert_eq!(
        Email::parse("  Ana@Example.ORG ").unwrap().as_str(),
        "ana@example.org"
    );
    let cases = [
        ("", "required"),
        ("no-at-sign", "not_an_email"),
        ("@example.org", "not_an_email"),
        ("ana@localhost", "not_an_email"),
        ("ana@.org", "not_an_email"),
        ("an a@example.org", "not_an_email"),
        ("a@b@example.org", "not_an_email"),
    ];
    for (raw, code) in cases {
        assert_eq!(Email::parse(raw).unwrap_err().code, code, "{raw:?}");
    }
    let long = format!("{}@example.org", "a".repeat(250));
    assert_eq!(Email::parse(&long).unwrap_err().code, "too_long");
}

#[test]
fn passwords_have_a_floor_and_are_redacted_in_debug() {
    assert_eq!(Password::parse("short").unwrap_err().code, "too_short");
    assert_eq!(
        Password::parse(&"a".repeat(12)).unwrap_err().code,
        "too_weak"
    );
    assert_eq!(
        Password::parse(&"x".repeat(201)).unwrap_err().code,
        "too_long"
    );
    let ok = Password::parse("correct horse battery").unwrap();
    assert_eq!(format!("{ok:?}"), "Password(<redacted>)");
    assert_eq!(ok.expose(), "correct horse battery");
}

#[test]
fn display_names_are_trimmed() {
    assert_eq!(
        DisplayName::parse("  Amina K. ").unwrap().as_str(),
        "Amina K."
    );
    assert_eq!(DisplayName::parse("   ").unwrap_err().code, "required");
    assert_eq!(
        DisplayName::parse("a\u{7}b").unwrap_err().code,
        "control_character"
    );
}

#[test]
fn five_recent_failures_lock_the_address_until_the_oldest_leaves_the_window() {
    let now = Timestamp::from_unix_seconds(10_000);
    let at = |s: i64| Timestamp::from_unix_seconds(s);
    assert_eq!(throttle(&[], now), Throttle::Proceed);
    let four = [at(9_000), at(9_100), at(9_200), at(9_300)];
    assert_eq!(throttle(&four, now), Throttle::Proceed);
    let five = [at(9_500), at(9_200), at(9_300), at(9_400), at(9_600)];
    assert_eq!(
        throttle(&five, now),
        Throttle::Locked {
            until: at(9_200 + 900)
        }
    );
    // Failures older than the window do not count.
    let old = [at(1_000), at(1_100), at(1_200), at(1_300), at(9_999)];
    assert_eq!(throttle(&old, now), Throttle::Proceed);
}

#[test]
fn sessions_expire_when_idle_or_too_old() {
    let start = Timestamp::from_unix_seconds(0);
    let day = 24 * 3600;
    assert!(is_session_live(
        start,
        start,
        Timestamp::from_unix_seconds(day)
    ));
    assert!(!is_session_live(
        start,
        start,
        Timestamp::from_unix_seconds(8 * day)
    ));
    let recent = Timestamp::from_unix_seconds(29 * day);
    assert!(is_session_live(
        start,
        recent,
        Timestamp::from_unix_seconds(29 * day + 5)
    ));
    assert!(!is_session_live(
        start,
        recent,
        Timestamp::from_unix_seconds(31 * day)
    ));
}
