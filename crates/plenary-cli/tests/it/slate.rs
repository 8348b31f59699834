//! `plenary slate`: the example rosters in docs/examples/slate give a proven-optimal proposal
//! (text and JSON), the same from the MAG preset written out as a `.toml` constitution, and a
//! nominee file too small for the open seats exits 1 with the reasons.

use crate::{plenary, stderr, stdout};

const MEMBERS: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../docs/examples/slate/members.csv"
);
const NOMINEES: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../docs/examples/slate/nominees.csv"
);

/// Runs `plenary slate --preset mag` on the example rosters, with `extra` arguments.
fn example(dir: &std::path::Path, extra: &[&str]) -> std::process::Output {
    let mut args = vec![
        "slate",
        "--preset",
        "mag",
        "--members",
        MEMBERS,
        "--nominees",
        NOMINEES,
    ];
    args.extend_from_slice(extra);
    plenary(dir, &args)
}

#[test]
fn the_example_rosters_give_an_explained_proposal() {
    let dir = tempfile::tempdir().unwrap();
    let output = example(dir.path(), &[]);
    let text = stdout(&output);
    assert!(output.status.success(), "{text}\n{}", stderr(&output));
    assert!(
        text.starts_with("Multistakeholder Advisory Group (MAG): slate proposal\n"),
        "{text}"
    );
    assert!(
        text.contains("regular seats: 55 at most; 37 continuing, 18 to fill"),
        "{text}"
    );
    assert!(text.contains("2 duplicate nominations merged"), "{text}");
    assert!(text.contains("Binding constraints"), "{text}");
    assert!(
        text.contains("This is a proposal; the appointing authority decides."),
        "{text}"
    );
    let last = text.lines().last().unwrap();
    assert!(
        last.starts_with("proposal: 18 seats filled, objective ")
            && last.ends_with(", proven optimal"),
        "{last}"
    );
}

#[test]
fn a_constitution_file_gives_the_same_proposal_as_its_preset() {
    let dir = tempfile::tempdir().unwrap();
    let shown = plenary(
        dir.path(),
        &["constitution", "show", "mag", "--format", "toml"],
    );
    assert!(shown.status.success(), "{}", stderr(&shown));
    let constitution = dir.path().join("mag.toml");
    std::fs::write(&constitution, stdout(&shown)).unwrap();
    let from_file = plenary(
        dir.path(),
        &[
            "slate",
            "--constitution",
            constitution.to_str().unwrap(),
            "--members",
            MEMBERS,
            "--nominees",
            NOMINEES,
        ],
    );
    let file_text = stdout(&from_file);
    assert!(
        from_file.status.success(),
        "{file_text}\n{}",
        stderr(&from_file)
    );
    let from_preset = example(dir.path(), &[]);
    let preset_text = stdout(&from_preset);
    assert!(
        from_preset.status.success(),
        "{preset_text}\n{}",
        stderr(&from_preset)
    );
    let last = file_text.lines().last().unwrap();
    assert!(last.starts_with("proposal: "), "{file_text}");
    assert_eq!(last, preset_text.lines().last().unwrap());
}

#[test]
fn json_output_chooses_one_nominee_per_open_seat() {
    let dir = tempfile::tempdir().unwrap();
    let output = example(dir.path(), &["--seats", "18", "--json"]);
    let text = stdout(&output);
    assert!(output.status.success(), "{text}\n{}", stderr(&output));
    let report: serde_json::Value = serde_json::from_str(text.trim()).unwrap();
    assert_eq!(report.get("outcome"), Some(&serde_json::json!("proposed")));
    let seats = report
        .get("seats")
        .and_then(|seats| seats.get("seats_to_fill"))
        .unwrap();
    let Some(serde_json::Value::Array(chosen)) = report.get("chosen") else {
        panic!("no chosen array in {text}");
    };
    assert_eq!(seats.as_f64(), Some(18.0));
    assert_eq!(chosen.len(), 18);
    assert_eq!(
        report.get("proven_optimal"),
        Some(&serde_json::Value::Bool(true))
    );
    let Some(serde_json::Value::Array(notes)) = report.get("notes") else {
        panic!("no notes in {text}");
    };
    assert_eq!(notes.len(), 2);
}

#[test]
fn too_few_nominees_exits_1_with_the_reasons() {
    let dir = tempfile::tempdir().unwrap();
    let nominees = dir.path().join("few.csv");
    std::fs::write(
        &nominees,
        "id,name,stakeholder_group,country,gender,score\n\
         x1,Vela Ostmira,government,KE,woman,80\n\
         x2,Oren Talvick,civil_society,PE,man,75\n",
    )
    .unwrap();
    let output = plenary(
        dir.path(),
        &[
            "slate",
            "--preset",
            "mag",
            "--members",
            MEMBERS,
            "--nominees",
            nominees.to_str().unwrap(),
        ],
    );
    let text = stdout(&output);
    assert_eq!(output.status.code(), Some(1), "{text}\n{}", stderr(&output));
    assert!(text.contains("No slate meets the rules"), "{text}");
    assert!(
        text.contains("need 18 new members but only 2 nominees"),
        "{text}"
    );
    assert!(
        text.lines()
            .last()
            .unwrap()
            .starts_with("infeasible: no slate of 18 seats; smallest relaxation: "),
        "{text}"
    );
    assert!(stderr(&output).contains("no slate meets the rules"));
}

#[test]
fn bad_nominee_rows_and_unknown_presets_are_refused_clearly() {
    let dir = tempfile::tempdir().unwrap();
    let nominees = dir.path().join("bad.csv");
    std::fs::write(
        &nominees,
        "id,name,stakeholder_group,country,gender,score\nx1,Vela Ostmira,government,KE,woman,eighty\n",
    )
    .unwrap();
    let output = plenary(
        dir.path(),
        &[
            "slate",
            "--preset",
            "mag",
            "--members",
            MEMBERS,
            "--nominees",
            nominees.to_str().unwrap(),
        ],
    );
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).contains("nominees: line 2, column \"score\": \"eighty\" is not a number"),
        "{}",
        stderr(&output)
    );
    let output = plenary(
        dir.path(),
        &[
            "slate",
            "--preset",
            "nope",
            "--members",
            MEMBERS,
            "--nominees",
            NOMINEES,
        ],
    );
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).contains("no preset \"nope\"; the presets are mag, "),
        "{}",
        stderr(&output)
    );
}

#[test]
fn a_stored_body_gives_its_continuing_members_and_constitution() {
    let dir = tempfile::tempdir().unwrap();
    assert!(plenary(dir.path(), &["demo"]).status.success());
    let nominees = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../docs/examples/slate/nominees.csv"
    );
    let out = plenary(
        dir.path(),
        &[
            "slate",
            "--forum",
            "igf",
            "--body",
            "mag",
            "--cycle",
            "2027",
            "--nominees",
            nominees,
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    // The demo MAG in 2026 has 55 regular members; the 18 in their third term rotate out and
    // one member resigned in May (loaded when the clock is past the notice).
    assert!(
        text.contains(
            "regular seats: 55 at most; 36 continuing, 19 to fill (55 after appointment)"
        ),
        "{text}"
    );
    assert!(text.trim_end().ends_with("proven optimal"), "{text}");
    let missing = plenary(
        dir.path(),
        &[
            "slate",
            "--forum",
            "igf",
            "--body",
            "nope",
            "--cycle",
            "2027",
            "--nominees",
            nominees,
        ],
    );
    assert_eq!(missing.status.code(), Some(1));
    assert!(
        stderr(&missing).contains("no body \"nope\" with a constitution in forum \"igf\""),
        "{}",
        stderr(&missing)
    );
    let clash = plenary(
        dir.path(),
        &[
            "slate",
            "--preset",
            "mag",
            "--body",
            "mag",
            "--forum",
            "igf",
            "--cycle",
            "2027",
            "--nominees",
            nominees,
        ],
    );
    assert_eq!(
        clash.status.code(),
        Some(2),
        "--preset and --body exclude each other"
    );
}

#[test]
fn a_saved_run_is_stored_and_audited() {
    let dir = tempfile::tempdir().unwrap();
    assert!(plenary(dir.path(), &["demo"]).status.success());
    let out = plenary(
        dir.path(),
        &[
            "slate",
            "--forum",
            "igf",
            "--body",
            "mag",
            "--cycle",
            "2027",
            "--nominees",
            NOMINEES,
            "--save",
            "--label",
            "From the CLI",
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("stored as run 1: /f/igf/bodies/mag/slates/1"),
        "{}",
        stderr(&out)
    );
    let audit = plenary(dir.path(), &["audit", "--action", "slate_run.create"]);
    assert!(audit.status.success(), "{}", stderr(&audit));
    assert!(
        stdout(&audit).contains("From the CLI"),
        "{}",
        stdout(&audit)
    );
    let unsaved = plenary(
        dir.path(),
        &[
            "slate",
            "--preset",
            "mag",
            "--members",
            MEMBERS,
            "--nominees",
            NOMINEES,
            "--save",
        ],
    );
    assert_eq!(unsaved.status.code(), Some(2), "--save needs --body");
    // Without --forum: the one forum with a body `mag`, and the pool of its 2027 call.
    let out = plenary(dir.path(), &["slate", "--body", "mag", "--cycle", "2027"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stdout(&out).trim_end().ends_with("proven optimal"),
        "{}",
        stdout(&out)
    );
    let none = plenary(dir.path(), &["slate", "--body", "nope", "--cycle", "2027"]);
    assert_eq!(none.status.code(), Some(1));
    assert!(
        stderr(&none).contains("no forum has a body \"nope\""),
        "{}",
        stderr(&none)
    );
}
