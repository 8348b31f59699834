//! `plenary cycle presets|preset|set|show` and `plenary issues export` on the demo database:
//! a preset printed for a year is stored as that year's cycle, shown with its dates in the
//! venue's time zone and UTC and its rules explained; an invalid document lists every
//! problem and stores nothing; the call-for-issues export is header-only for a new cycle.

use crate::{plenary, stderr, stdout};

#[test]
fn presets_are_printed_stored_shown_and_exported() {
    let dir = tempfile::tempdir().unwrap();
    assert!(plenary(dir.path(), &["demo"]).status.success());

    let out = plenary(dir.path(), &["cycle", "presets"]);
    assert_eq!(stdout(&out), "igf2016\nigf2018\nigf2023\n");

    let out = plenary(
        dir.path(),
        &["cycle", "preset", "igf2023", "--year", "2028"],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let document = stdout(&out);
    assert!(document.contains("year = 2028"), "{document}");
    assert!(
        document.contains("call_closes = \"2028-05-24T23:59:00Z\""),
        "{document}"
    );
    let out = plenary(
        dir.path(),
        &["cycle", "preset", "igf1999", "--year", "2028"],
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("the presets are igf2016, igf2018, igf2023"),
        "{}",
        stderr(&out)
    );

    let bad = dir.path().join("bad.toml");
    std::fs::write(
        &bad,
        document.replace(
            "call_closes = \"2028-05-24T23:59:00Z\"",
            "call_closes = \"soon\"",
        ) + "\n[[rules]]\nrule = \"be_nice\"\n",
    )
    .unwrap();
    let out = plenary(
        dir.path(),
        &["cycle", "set", "--forum", "igf", bad.to_str().unwrap()],
    );
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.contains("nothing was stored"), "{err}");
    assert!(err.contains("  - dates.call_closes"), "{err}");
    assert!(err.contains("be_nice"), "{err}");
    let out = plenary(
        dir.path(),
        &["cycle", "show", "--forum", "igf", "--year", "2028"],
    );
    assert_eq!(out.status.code(), Some(1), "nothing was stored");

    let good = dir.path().join("igf2028.toml");
    std::fs::write(&good, &document).unwrap();
    let out = plenary(
        dir.path(),
        &["cycle", "set", "--forum", "igf", good.to_str().unwrap()],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(stdout(&out), "stored the 2028 cycle of igf\n");

    let out = plenary(
        dir.path(),
        &["cycle", "show", "--forum", "igf", "--year", "2028"],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let shown = stdout(&out);
    assert!(
        shown.contains("proposal deadline          2028-05-25 08:59 JST (2028-05-24 23:59 UTC)"),
        "{shown}"
    );
    assert!(
        shown.contains("host: Kyoto, JP · venue time zone Asia/Tokyo"),
        "{shown}"
    );
    assert!(
        shown.contains("workshop           approved by the MAG"),
        "{shown}"
    );
    assert!(
        shown.contains("At least 3 speakers are provisionally confirmed"),
        "{shown}"
    );

    let out = plenary(
        dir.path(),
        &[
            "cycle", "show", "--forum", "igf", "--year", "2028", "--json",
        ],
    );
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(json["year"], 2028);
    assert_eq!(json["venue_time_zone"], "Asia/Tokyo");

    let out = plenary(
        dir.path(),
        &["issues", "export", "--forum", "igf", "--year", "2028"],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(
        stdout(&out),
        "id,issue,description,stakeholder_group,region,submitted_at\n"
    );
    let out = plenary(
        dir.path(),
        &[
            "issues",
            "export",
            "--forum",
            "igf",
            "--year",
            "2028",
            "--private",
        ],
    );
    assert_eq!(
        stdout(&out),
        "id,issue,description,stakeholder_group,region,submitted_at,name,email\n"
    );
    let out = plenary(
        dir.path(),
        &["issues", "export", "--forum", "igf", "--year", "2031"],
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("has no cycle 2031"),
        "{}",
        stderr(&out)
    );
}
