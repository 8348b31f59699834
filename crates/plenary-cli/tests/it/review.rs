//! `plenary reviewers seed` and `plenary assign` on the demo: in 2026 the seeded pool (the
//! one MAG member with an account) cannot give 395 proposals three reviewers each, which is
//! explained (exit 1, nothing stored, the long list condensed); in 2027 (no proposal
//! submitted yet) the run succeeds with its report; a missing cycle is named.

use crate::{plenary, stderr, stdout};

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
        "1 MAG member added to the reviewer pool of cycle 2026"
    );
    let out = plenary(
        dir.path(),
        &[&["reviewers", "seed"][..], &cycle_2026].concat(),
    );
    assert_eq!(
        stdout(&out).trim(),
        "0 MAG members added to the reviewer pool of cycle 2026",
        "seeding again adds nobody"
    );

    let out = plenary(dir.path(), &[&["assign"][..], &cycle_2026].concat());
    assert_eq!(out.status.code(), Some(1), "{}", stdout(&out));
    let text = stdout(&out);
    let lines: Vec<&str> = text.lines().collect();
    assert!(
        lines[0].starts_with(
            "No assignment of cycle 2026 meets the rules (395 proposals, 1 reviewers)"
        ),
        "{text}"
    );
    assert!(lines[1].starts_with("  - #1 needs 3 reviewers but only 1 are eligible"));
    assert_eq!(
        lines.len(),
        13,
        "ten lines, the count of the others, the last: {text}"
    );
    assert_eq!(lines[11], "  … 385 more like these");
    assert!(
        stderr(&out).contains("nothing was stored"),
        "{}",
        stderr(&out)
    );

    let cycle_2027 = ["--forum", "igf", "--cycle", "2027"];
    plenary(
        dir.path(),
        &[&["reviewers", "seed"][..], &cycle_2027].concat(),
    );
    let out = plenary(dir.path(), &[&["assign"][..], &cycle_2027].concat());
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(
        text.starts_with("method             min-cost flow\n"),
        "{text}"
    );
    assert!(text.contains("objective          0 (optimal)\n"), "{text}");
    assert_eq!(
        text.lines().last(),
        Some("0 reviews assigned in cycle 2027: 0 proposals, 1 reviewers")
    );

    let out = plenary(dir.path(), &["assign", "--forum", "igf", "--cycle", "2031"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("no cycle 2031 in forum \"igf\""),
        "{}",
        stderr(&out)
    );
}
