//! `plenary seats`: a stored body's seats in a year, with vacancies and officers.

use crate::{plenary, stderr, stdout};

#[test]
fn the_demo_mag_shows_its_seats_vacancy_and_chair() {
    let dir = tempfile::tempdir().unwrap();
    assert!(plenary(dir.path(), &["demo"]).status.success());
    let out = plenary(
        dir.path(),
        &["seats", "--forum", "igf", "--body", "mag", "--year", "2026"],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.contains("BELOW the policy"), "{text}");
    assert!(text.contains("meets the policy"), "{text}");
    assert!(text.contains("officer: chair "), "{text}");
    // 55 regular seats, the chair, the host country's co-chair and 5 standing seats.
    let last = text.trim_end().lines().last().unwrap();
    assert!(
        last.starts_with("seats: 62 memberships in 2026, "),
        "{last}"
    );
    assert!(
        text.contains("refill from government at the end of the cycle"),
        "{text}"
    );
    let missing = plenary(dir.path(), &["seats", "--forum", "igf", "--body", "nope"]);
    assert_eq!(missing.status.code(), Some(1));
    assert!(
        stderr(&missing).contains("no body \"nope\""),
        "{}",
        stderr(&missing)
    );
}
