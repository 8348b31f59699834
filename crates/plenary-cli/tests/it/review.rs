//! `plenary reviewers seed` and `plenary assign` on the demo: the 2026 pool is already
//! seeded and assigned by the demo loader, so seeding adds nobody and assigning again keeps
//! every pair; in 2027 (no proposal submitted yet) the MAG is seeded and the run has nothing
//! to assign; a missing cycle is named.

use crate::{plenary, stderr, stdout};

/// The two numbers of the report line `kept / changed     K / C`.
fn kept_and_changed(text: &str) -> (usize, usize) {
    let line = text
        .lines()
        .find(|l| l.starts_with("kept / changed"))
        .unwrap_or_else(|| panic!("{text}"));
    let numbers: Vec<usize> = line
        .split(|c: char| !c.is_ascii_digit())
        .filter(|s| !s.is_empty())
        .map(|s| s.parse().unwrap())
        .collect();
    (numbers[0], numbers[1])
}

#[test]
fn seeding_and_assigning_on_the_demo_cycles() {
    let dir = tempfile::tempdir().unwrap();
    let out = plenary(dir.path(), &["demo"]);
    assert!(out.status.success(), "{}", stderr(&out));

    let cycle_2026 = ["--forum", "igf", "--cycle", "2026"];
    let out = plenary(
        dir.path(),
        &[&["reviewers", "seed"][..], &cycle_2026].concat(),
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(
        stdout(&out).trim(),
        "0 MAG members added to the reviewer pool of cycle 2026"
    );
    let out = plenary(dir.path(), &[&["assign"][..], &cycle_2026].concat());
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.starts_with("method             "), "{text}");
    assert!(text.contains(" (optimal)\n"), "{text}");
    let last = text.lines().last().unwrap();
    assert!(last.contains(" reviews assigned in cycle 2026: "), "{last}");
    let reviews: usize = last.split(' ').next().unwrap().parse().unwrap();
    assert!(reviews > 0);
    assert_eq!(
        kept_and_changed(&text),
        (reviews, 0),
        "running again keeps every pair: {text}"
    );

    let cycle_2027 = ["--forum", "igf", "--cycle", "2027"];
    let out = plenary(
        dir.path(),
        &[&["reviewers", "seed"][..], &cycle_2027].concat(),
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(
        text.trim()
            .ends_with("MAG members added to the reviewer pool of cycle 2027"),
        "{text}"
    );
    assert_ne!(text.split(' ').next(), Some("0"), "{text}");
    let out = plenary(dir.path(), &[&["assign"][..], &cycle_2027].concat());
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(
        text.lines()
            .last()
            .unwrap()
            .starts_with("0 reviews assigned in cycle 2027: 0 proposals, "),
        "{text}"
    );

    let out = plenary(dir.path(), &["assign", "--forum", "igf", "--cycle", "2031"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("no cycle 2031 in forum \"igf\""),
        "{}",
        stderr(&out)
    );
}
