//! `plenary import proposals`, `plenary export proposals`, `plenary screen` and
//! `plenary bench screen` on the demo's 2026 cycle.

use crate::{plenary, stderr, stdout};

const EXAMPLE: &str = include_str!("../../../../docs/examples/proposals/proposals.csv");

fn demo() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let out = plenary(dir.path(), &["demo"]);
    assert!(out.status.success(), "{}", stderr(&out));
    dir
}

/// The example file with its third row's person country replaced by an unknown code.
fn bad_example() -> String {
    let mut lines: Vec<String> = Vec::new();
    let mut reader = csv_rows(EXAMPLE);
    let header = reader.remove(0);
    let at = header.iter().position(|h| h == "person_country").unwrap();
    lines.push(join(&header));
    for (i, mut row) in reader.into_iter().enumerate() {
        if i == 1 {
            row[at] = "XZ".to_owned();
        }
        lines.push(join(&row));
    }
    lines.join("\n") + "\n"
}

/// A minimal CSV reader for the test (quoted cells with commas, quotes and newlines).
fn csv_rows(text: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut cell = String::new();
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                cell.push('"');
                chars.next();
            }
            ('"', _) => quoted = !quoted,
            (',', false) => row.push(std::mem::take(&mut cell)),
            ('\n', false) => {
                row.push(std::mem::take(&mut cell));
                rows.push(std::mem::take(&mut row));
            }
            (c, _) => cell.push(c),
        }
    }
    rows
}

fn join(row: &[String]) -> String {
    row.iter()
        .map(|c| format!("\"{}\"", c.replace('"', "\"\"")))
        .collect::<Vec<_>>()
        .join(",")
}

#[test]
fn a_file_with_a_bad_row_imports_nothing_and_names_row_and_column() {
    let dir = demo();
    std::fs::write(dir.path().join("bad.csv"), bad_example()).unwrap();
    let out = plenary(
        dir.path(),
        &[
            "import",
            "proposals",
            "bad.csv",
            "--forum",
            "igf",
            "--cycle",
            "2026",
        ],
    );
    assert_eq!(out.status.code(), Some(1), "{}", stdout(&out));
    let err = stderr(&out);
    assert!(err.contains("nothing was imported"), "{err}");
    assert!(
        err.contains("row 3, column person_country (ref ws-1): \"XZ\" is not a known country code"),
        "{err}"
    );
}

#[test]
fn importing_into_a_cycle_that_does_not_exist_says_which() {
    let dir = demo();
    std::fs::write(dir.path().join("p.csv"), EXAMPLE).unwrap();
    let out = plenary(
        dir.path(),
        &[
            "import",
            "proposals",
            "p.csv",
            "--forum",
            "igf",
            "--cycle",
            "2031",
        ],
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("no cycle 2031 in forum \"igf\""),
        "{}",
        stderr(&out)
    );
}

#[test]
fn import_export_and_screen_work_on_the_demo_cycle() {
    let dir = demo();
    std::fs::write(dir.path().join("p.csv"), EXAMPLE).unwrap();
    let out = plenary(
        dir.path(),
        &[
            "import",
            "proposals",
            "p.csv",
            "--forum",
            "igf",
            "--cycle",
            "2026",
            "--submit",
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(stdout(&out).trim(), "imported 3 proposals");

    let out = plenary(
        dir.path(),
        &[
            "export",
            "proposals",
            "--forum",
            "igf",
            "--cycle",
            "2026",
            "--out",
            "all.csv",
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let exported = std::fs::read_to_string(dir.path().join("all.csv")).unwrap();
    assert!(exported.contains("Community networks: lessons from the Global South"));
    // The demo's ~1,130 generated proposals and the three imported ones.
    let refs: std::collections::BTreeSet<String> = csv_rows(&exported)
        .into_iter()
        .skip(1)
        .map(|r| r[0].clone())
        .collect();
    assert_eq!(refs.len(), 1133);

    let out = plenary(dir.path(), &["screen", "--forum", "igf", "--cycle", "2026"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    let last = text.lines().last().unwrap();
    assert!(
        last.starts_with("1133 proposals screened in cycle 2026: "),
        "{last}"
    );
    assert!(text.contains("fail"), "some workshops are screened out");
    assert!(!text.contains("did not file the report"), "{text}");

    // A missing report of a 2025 session screens out the organiser's 2026 workshop.
    let out = plenary(
        dir.path(),
        &[
            "report-flag",
            "--forum",
            "igf",
            "--year",
            "2025",
            "--session",
            "WS #41",
            "--organisation",
            "Kenya Community Networks Initiative",
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(
        stdout(&out).trim(),
        "recorded: the report of WS #41 (2025) is missing"
    );
    let out = plenary(dir.path(), &["screen", "--forum", "igf", "--cycle", "2026"]);
    let text = stdout(&out);
    let line = text
        .lines()
        .find(|l| l.contains("Community networks: lessons"))
        .unwrap();
    assert!(line.contains("fail"), "{line}");
    assert!(
        line.contains("did not file the report for a session held in 2025"),
        "{line}"
    );
}

#[test]
fn bench_screen_prints_a_table_ending_in_a_summary() {
    let dir = tempfile::tempdir().unwrap();
    let out = plenary(dir.path(), &["bench", "screen", "--repetitions", "1"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    let lines: Vec<&str> = text.lines().collect();
    assert!(lines[1].contains("rules ms"), "{text}");
    for (row, size) in lines[2..5].iter().zip(["300", "1200", "4800"]) {
        assert_eq!(row.split_whitespace().next(), Some(size), "{row}");
    }
    let summary = lines.last().unwrap();
    assert!(
        summary.starts_with("summary: 1200 proposals screened by the rules in "),
        "{summary}"
    );
}
