//! Tests for `time`.
use super::*;

#[test]
fn text_form_is_fixed_width_and_round_trips() {
    let cases = [
        0_i64,
        1,
        999_999,
        1_795_000_000_123_456,
        -1,
        Timestamp::MIN_MICROS,
        Timestamp::MAX_MICROS,
    ];
    for micros in cases {
        let ts = Timestamp::from_micros(micros);
        let text = ts.to_string();
        assert_eq!(text.len(), 27, "{text}");
        assert_eq!(text.parse::<Timestamp>(), Ok(ts));
    }
}

#[test]
fn text_order_is_time_order() {
    let mut times: Vec<Timestamp> = [5_i64, -3_000_000, 1_795_000_000_000_000, 0, 86_400_000_000]
        .into_iter()
        .map(Timestamp::from_micros)
        .collect();
    let mut texts: Vec<String> = times.iter().map(ToString::to_string).collect();
    times.sort();
    texts.sort();
    let sorted_texts: Vec<String> = times.iter().map(ToString::to_string).collect();
    assert_eq!(texts, sorted_texts);
}

#[test]
fn parses_rfc3339_utc_forms() {
    let ts: Timestamp = "2026-11-22T09:30:00Z".parse().unwrap();
    assert_eq!(ts.to_string(), "2026-11-22T09:30:00.000000Z");
    assert_eq!(ts.to_rfc3339_seconds(), "2026-11-22T09:30:00Z");
    assert_eq!(ts.to_display_utc(), "2026-11-22 09:30 UTC");
    let offset: Timestamp = "2026-11-22T10:30:00+01:00".parse().unwrap();
    assert_eq!(offset, ts);
    assert!("yesterday".parse::<Timestamp>().is_err());
}

#[test]
fn arithmetic_in_seconds() {
    let ts = Timestamp::from_unix_seconds(1_000);
    assert_eq!(ts.plus(Seconds(60)).as_unix_seconds(), 1_060);
    assert_eq!(ts.minus(Seconds(1_000)).as_unix_seconds(), 0);
}
