//! Tests for `jobs`.
use super::*;

#[test]
fn backoff_doubles_and_caps_at_an_hour() {
    let delays: Vec<i64> = (1..=11).map(|n| retry_delay(n).0).collect();
    assert_eq!(
        delays,
        vec![10, 20, 40, 80, 160, 320, 640, 1280, 2560, 3600, 3600]
    );
    assert_eq!(retry_delay(0), Seconds(10));
}

#[test]
fn gives_up_at_the_last_attempt() {
    assert_eq!(after_failure(1, 3), AfterFailure::RetryIn(Seconds(10)));
    assert_eq!(after_failure(2, 3), AfterFailure::RetryIn(Seconds(20)));
    assert_eq!(after_failure(3, 3), AfterFailure::GiveUp);
}

#[test]
fn state_codes_round_trip() {
    for state in [
        JobState::Queued,
        JobState::Running,
        JobState::Done,
        JobState::Failed,
    ] {
        assert_eq!(JobState::from_code(state.code()), Some(state));
    }
}
