//! `plenary constitution …`: presets are listed, a shown preset checks as valid with its
//! summary, and broken documents, unknown presets and unknown extensions exit 1 with a
//! message that says what is wrong.

use crate::{plenary, stderr, stdout};

const PRESET_NAMES: [&str; 7] = [
    "mag",
    "leadership_panel",
    "approach_a_mhlb",
    "approach_b_mag_plus",
    "approach_b_leadership_team",
    "approach_c_mhlb",
    "approach_c_mag",
];

/// Writes `plenary constitution show mag --format FORMAT` into `dir/FILE`.
fn write_mag(dir: &std::path::Path, format: &str, file: &str) -> String {
    let out = plenary(dir, &["constitution", "show", "mag", "--format", format]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    std::fs::write(dir.join(file), &text).unwrap();
    text
}

#[test]
fn presets_lists_every_preset_with_its_size_and_terms() {
    let dir = tempfile::tempdir().unwrap();
    let out = plenary(dir.path(), &["constitution", "presets"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert_eq!(text.lines().count(), PRESET_NAMES.len(), "{text}");
    for (line, name) in text.lines().zip(PRESET_NAMES) {
        assert!(line.starts_with(&format!("{name} ")), "{line}");
    }
    assert!(
        text.contains("Multistakeholder Advisory Group (MAG): 50 to 74 voting members (31 to 55 regular seats), 12-month terms, at most 3 consecutive"),
        "{text}"
    );
}

#[test]
fn a_shown_toml_preset_checks_and_is_summarised() {
    let dir = tempfile::tempdir().unwrap();
    let text = write_mag(dir.path(), "toml", "mag.toml");
    assert!(text.starts_with("version = 1\n"), "{text}");

    let out = plenary(dir.path(), &["constitution", "check", "mag.toml"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let summary = stdout(&out);
    for line in [
        "mag.toml: a valid constitution",
        "name: Multistakeholder Advisory Group (MAG)",
        "size: 50 to 74 voting members, of which 31 to 55 regular seats",
        "terms: 12-month terms, at most 3 consecutive",
        "rotation: 33 % of the regular members each cycle (18 of 55)",
        "stakeholder groups: government 20 to 22 seats (35 % to 40 %); private sector at least 11 seats (20 %); civil society at least 11 seats (20 %); technical community at least 11 seats (20 %); no other stakeholder groups",
        "gender: no gender above 33 seats (60 %)",
    ] {
        assert!(summary.lines().any(|got| got == line), "{line}\n{summary}");
    }
}

#[test]
fn check_resolves_shares_for_the_given_size() {
    let dir = tempfile::tempdir().unwrap();
    write_mag(dir.path(), "toml", "mag.toml");
    let out = plenary(
        dir.path(),
        &["constitution", "check", "mag.toml", "--seats", "60"],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    // 60 voting members leave 41 regular seats: 35 % is 14.35 (floor 15), 40 % is 16.4 (cap 16).
    assert!(
        stdout(&out).contains("government 15 to 16 seats (35 % to 40 %)"),
        "{}",
        stdout(&out)
    );

    let out = plenary(
        dir.path(),
        &["constitution", "check", "mag.toml", "--seats", "80"],
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("--seats 80 is outside the body's size: 50 to 74 voting members"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn a_shown_json_preset_checks() {
    let dir = tempfile::tempdir().unwrap();
    let text = write_mag(dir.path(), "json", "mag.json");
    assert!(text.starts_with("{\n  \"version\": 1,"), "{text}");
    let out = plenary(dir.path(), &["constitution", "check", "mag.json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("mag.json: a valid constitution"));
}

#[test]
fn the_leadership_panel_shows_its_rotating_officers() {
    let dir = tempfile::tempdir().unwrap();
    // The body's slug finds the preset as well as the preset's own name.
    let out = plenary(dir.path(), &["constitution", "show", "leadership-panel"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(
        text.contains(
            "[chair]\nrule = \"elected_annually\"\namong_members = true\nrotate_stakeholder_group = false\nrotate_holder = true\n"
        ),
        "{text}"
    );
    let out = plenary(
        dir.path(),
        &[
            "constitution",
            "show",
            "leadership_panel",
            "--format",
            "json",
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(json["chair"]["rotate_holder"], true);

    std::fs::write(dir.path().join("lp.toml"), &text).unwrap();
    let out = plenary(dir.path(), &["constitution", "check", "lp.toml"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stdout(&out).contains("chair: elected every year by the members, from among the members, no one holding the same office two years running; with a vice-chair"),
        "{}",
        stdout(&out)
    );
}

#[test]
fn a_document_whose_floors_exceed_the_seats_fails_with_the_arithmetic() {
    let dir = tempfile::tempdir().unwrap();
    let text = write_mag(dir.path(), "toml", "mag.toml");
    let broken = text
        .replace(
            "floor = { share_percent = 35 }, cap = { share_percent = 40 }",
            "floor = { count = 15 }",
        )
        .replace("floor = { share_percent = 20 }", "floor = { count = 15 }");
    assert_ne!(broken, text);
    std::fs::write(dir.path().join("broken.toml"), broken).unwrap();

    let out = plenary(dir.path(), &["constitution", "check", "broken.toml"]);
    assert_eq!(out.status.code(), Some(1), "{}", stdout(&out));
    let message = stderr(&out);
    assert!(
        message.contains("broken.toml is not a valid constitution:\n  - the stakeholder-group floors add up to 60 seats but the body has at most 55 regular seats"),
        "{message}"
    );
    assert_eq!(stdout(&out), "");
}

#[test]
fn a_syntax_error_is_reported_with_its_line() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("bad.toml"),
        "version = 1\nname = \"Unfinished\nvice_chair = true\n",
    )
    .unwrap();
    let out = plenary(dir.path(), &["constitution", "check", "bad.toml"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("TOML document, line 2"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn an_unknown_preset_lists_the_valid_names() {
    let dir = tempfile::tempdir().unwrap();
    let out = plenary(dir.path(), &["constitution", "show", "un_security_council"]);
    assert_eq!(out.status.code(), Some(1));
    let message = stderr(&out);
    assert!(
        message.contains("there is no preset named `un_security_council`"),
        "{message}"
    );
    assert!(message.contains(&PRESET_NAMES.join(", ")), "{message}");
}

#[test]
fn an_unsupported_extension_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("mag.yaml"), "version: 1\n").unwrap();
    let out = plenary(dir.path(), &["constitution", "check", "mag.yaml"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out)
            .contains("cannot tell the format of mag.yaml: name the file `.toml` or `.json`"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn a_missing_file_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let out = plenary(dir.path(), &["constitution", "check", "absent.toml"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("cannot read absent.toml"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn set_stores_a_new_version_and_history_lists_every_version() {
    let dir = tempfile::tempdir().unwrap();
    assert!(plenary(dir.path(), &["demo"]).status.success());
    let history = |dir: &std::path::Path| {
        let out = plenary(
            dir,
            &["constitution", "history", "--forum", "igf", "--body", "mag"],
        );
        assert!(out.status.success(), "{}", stderr(&out));
        stdout(&out)
    };
    let before = history(dir.path());
    assert!(before.starts_with("version 1  "), "{before}");
    assert!(before.contains("  system:demo\n"), "{before}");
    assert!(
        before
            .trim_end()
            .ends_with("1 versions; version 1 is in force"),
        "{before}"
    );

    // The shipped preset has 17 standing seats; the demo's MAG was stored with 5.
    write_mag(dir.path(), "toml", "mag.toml");
    let set = |file: &str| {
        plenary(
            dir.path(),
            &[
                "constitution",
                "set",
                "--forum",
                "igf",
                "--body",
                "mag",
                file,
            ],
        )
    };
    let out = set("mag.toml");
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    for line in [
        "stored version 2 of the constitution of igf/mag",
        "  seats.standing host-country: 5 → 17",
        "  size: 50–62 → 50–74",
    ] {
        assert!(text.contains(line), "{line:?} in {text}");
    }

    // An impossible document: every problem, and nothing stored.
    let broken = std::fs::read_to_string(dir.path().join("mag.toml"))
        .unwrap()
        .replace(
            "rotation_share_percent = 33",
            "rotation_share_percent = 150",
        )
        .replace("max = 74", "max = 70");
    std::fs::write(dir.path().join("broken.toml"), broken).unwrap();
    let out = set("broken.toml");
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    for line in [
        "nothing was stored",
        "  - the rotation share is 150 %, more than 100 %",
        "  - the regular, ex officio and standing host-country seats add up to 74 but the body has at most 70",
    ] {
        assert!(err.contains(line), "{line:?} in {err}");
    }
    let after = history(dir.path());
    assert!(after.contains("\nversion 2  "), "{after}");
    assert!(after.contains("  system:cli\n"), "{after}");
    assert!(
        after
            .trim_end()
            .ends_with("2 versions; version 2 is in force"),
        "{after}"
    );

    let missing = plenary(
        dir.path(),
        &[
            "constitution",
            "history",
            "--forum",
            "igf",
            "--body",
            "nope",
        ],
    );
    assert_eq!(missing.status.code(), Some(1));
    assert!(
        stderr(&missing).contains("there is no body `nope` in forum `igf`"),
        "{}",
        stderr(&missing)
    );
}
