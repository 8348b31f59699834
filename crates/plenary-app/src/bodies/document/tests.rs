//! Tests of constitution documents: round trips for every preset, refusals with the right
//! message, the summary's arithmetic, and the example in docs/constitution-format.md.

use plenary_domain::bodies::{ExOfficioRole, SeatAllocation, SeatKind};

use super::*;

/// The format description; its first ```toml block must read back as the MAG preset.
const FORMAT_DOC: &str = include_str!("../../../../../docs/constitution-format.md");

/// A small valid body written by hand, with every optional part present.
const SMALL_BODY: &str = r#"
version = 1
name = "Youth IGF steering committee"
rotation_share_percent = 50
vice_chair = true
seats = [
    { kind = "regular", seats = 10 },
    { kind = "ex_officio", role = { other = "Youth coalition focal point" }, seats = 1 },
    { kind = "observer", seats = 2 },
]

[size]
min = 9
max = 11

[term]
months = 24

[chair]
rule = "elected_annually"
among_members = true
rotate_stakeholder_group = true

[stakeholder_groups]
others = "allowed"
quotas = [
    { key = "civil_society", floor = { count = 2 }, cap = { share_percent = 50 } },
]

[regions]
others = "allowed"

[gender]
quotas = [{ key = "woman", floor = { share_percent = 40 } }]

[engagement_policy]
min_attendance_percent = 50
min_reviews_percent = 0
"#;

fn with_floors_over_size() -> String {
    SMALL_BODY.replace(
        r#"{ key = "civil_society", floor = { count = 2 }, cap = { share_percent = 50 } },"#,
        r#"{ key = "civil_society", floor = { count = 6 } },
    { key = "government", floor = { count = 6 } },"#,
    )
}

fn document_problem(result: Result<Constitution, ActionError>) -> String {
    match result {
        Err(ActionError::Invalid(err)) => {
            assert_eq!((err.field, err.code), ("document", "bad_document"));
            err.problem
        }
        other => panic!("expected a document error, got {other:?}"),
    }
}

#[test]
fn every_preset_round_trips_through_toml_and_json() {
    for (name, constitution) in presets::all() {
        let toml_text = to_toml(&constitution);
        let from_toml_text = from_toml(&toml_text)
            .unwrap_or_else(|err| panic!("{name} as TOML does not read back: {err}\n{toml_text}"));
        assert_eq!(from_toml_text, constitution, "{name} through TOML");

        let json_text = to_json(&constitution);
        let from_json_text = from_json(&json_text)
            .unwrap_or_else(|err| panic!("{name} as JSON does not read back: {err}\n{json_text}"));
        assert_eq!(from_json_text, constitution, "{name} through JSON");
    }
}

#[test]
fn other_roles_and_awkward_names_round_trip() {
    let mut draft = preset("leadership_panel").unwrap().into_draft();
    draft.name = "Panel \"Ω\"\\ with a\ttab".to_owned();
    draft.seats.push(SeatAllocation {
        kind: SeatKind::ExOfficio(ExOfficioRole::Other(
            "Chair of the \"DC\" network".to_owned(),
        )),
        seats: 0,
    });
    let constitution = Constitution::validate(draft).unwrap();
    assert_eq!(from_toml(&to_toml(&constitution)).unwrap(), constitution);
    assert_eq!(from_json(&to_json(&constitution)).unwrap(), constitution);
}

#[test]
fn a_hand_written_document_reads_and_round_trips() {
    let constitution = from_toml(SMALL_BODY).unwrap();
    let rules = constitution.rules();
    assert_eq!(rules.term.max_consecutive_terms, None);
    assert_eq!(rules.regions.quotas, Vec::new());
    assert_eq!(
        rules.seats[1].kind,
        SeatKind::ExOfficio(ExOfficioRole::Other(
            "Youth coalition focal point".to_owned()
        ))
    );
    assert_eq!(from_toml(&to_toml(&constitution)).unwrap(), constitution);
    assert_eq!(from_json(&to_json(&constitution)).unwrap(), constitution);
}

fn rotate_holder_of(constitution: &Constitution) -> bool {
    match constitution.rules().chair {
        ChairRule::ElectedAnnually { rotate_holder, .. } => rotate_holder,
        ChairRule::Appointed => panic!("expected an elected chair"),
    }
}

#[test]
fn rotate_holder_defaults_to_false_and_round_trips() {
    // Documents stored before the key existed (SMALL_BODY has no `rotate_holder`) still read,
    // with the holder not rotating, in TOML and in JSON.
    let old = from_toml(SMALL_BODY).unwrap();
    assert!(!rotate_holder_of(&old));
    let mut old_json: serde_json::Value = serde_json::from_str(&to_json(&old)).unwrap();
    let chair = old_json["chair"].as_object_mut().unwrap();
    assert_eq!(
        chair.remove("rotate_holder"),
        Some(serde_json::Value::Bool(false))
    );
    assert!(!rotate_holder_of(
        &from_json(&old_json.to_string()).unwrap()
    ));

    // Written out, the key is always there; true reads back as true.
    let rotating_text = SMALL_BODY.replace(
        "rotate_stakeholder_group = true",
        "rotate_stakeholder_group = true\nrotate_holder = true",
    );
    let rotating = from_toml(&rotating_text).unwrap();
    assert!(rotate_holder_of(&rotating));
    assert!(to_toml(&old).contains("\nrotate_holder = false\n"));
    assert!(to_toml(&rotating).contains("\nrotate_holder = true\n"));
    assert_eq!(from_toml(&to_toml(&rotating)).unwrap(), rotating);
    assert_eq!(from_json(&to_json(&rotating)).unwrap(), rotating);
    let json: serde_json::Value = serde_json::from_str(&to_json(&rotating)).unwrap();
    assert_eq!(json["chair"]["rotate_holder"], true);

    // The Leadership Panel's ToR rotates its chair and vice-chair among the members.
    let panel = preset("leadership_panel").unwrap();
    assert!(rotate_holder_of(&panel));
    assert!(to_toml(&panel).contains("\nrotate_holder = true\n"));

    // Not a boolean: refused by name.
    let text = SMALL_BODY.replace(
        "rotate_stakeholder_group = true",
        "rotate_stakeholder_group = true\nrotate_holder = \"yes\"",
    );
    let problem = document_problem(from_toml(&text));
    assert!(problem.contains("invalid type"), "{problem}");
}

#[test]
fn json_and_toml_of_the_same_constitution_agree() {
    let mag = preset("mag").unwrap();
    let json: serde_json::Value = serde_json::from_str(&to_json(&mag)).unwrap();
    assert_eq!(json["version"], 1);
    assert_eq!(json["seats"][1]["kind"], "ex_officio");
    assert_eq!(json["seats"][1]["role"], "mag_chair");
    assert_eq!(
        json["stakeholder_groups"]["quotas"][0]["cap"]["share_percent"],
        40
    );
    assert_eq!(json["regions"]["quotas"][3]["key"], "grulac");
    assert_eq!(json["chair"]["rule"], "appointed");
}

#[test]
fn an_unknown_key_is_refused_by_name() {
    let text = SMALL_BODY.replace("vice_chair = true", "vice_chair = true\nco_chair = true");
    let problem = document_problem(from_toml(&text));
    assert!(problem.contains("unknown field `co_chair`"), "{problem}");

    let json = to_json(&preset("mag").unwrap()).replacen('{', "{\n  \"quorum\": 3,", 1);
    let problem = document_problem(from_json(&json));
    assert!(problem.contains("unknown field `quorum`"), "{problem}");
}

#[test]
fn an_unknown_key_inside_a_quota_is_refused_by_name() {
    let text = SMALL_BODY.replace("floor = { count = 2 }", "floor = { count = 2 }, weight = 3");
    let problem = document_problem(from_toml(&text));
    assert!(problem.contains("unknown field `weight`"), "{problem}");
}

#[test]
fn a_bad_limit_is_refused() {
    let text = SMALL_BODY.replace("{ share_percent = 50 }", "{ percent = 50 }");
    let problem = document_problem(from_toml(&text));
    assert!(problem.contains("unknown variant `percent`"), "{problem}");
    assert!(problem.contains("share_percent"), "{problem}");

    let text = SMALL_BODY.replace("{ count = 2 }", "{ count = -2 }");
    let problem = document_problem(from_toml(&text));
    assert!(problem.contains("-2"), "{problem}");
}

#[test]
fn unknown_values_are_named() {
    let text = SMALL_BODY.replace(r#"kind = "observer""#, r#"kind = "guest""#);
    let problem = document_problem(from_toml(&text));
    assert!(problem.contains("unknown variant `guest`"), "{problem}");

    let text = SMALL_BODY.replace(
        "[regions]\nothers = \"allowed\"",
        "[regions]\nothers = \"allowed\"\nquotas = [{ key = \"europe\", floor = { count = 1 } }]",
    );
    let problem = document_problem(from_toml(&text));
    assert!(
        problem.contains("unknown UN regional group `europe`, expected one of african, asia_pacific, eastern_european, grulac, weog, none"),
        "{problem}"
    );

    let text = SMALL_BODY.replace(r#"others = "allowed""#, r#"others = "maybe""#);
    let problem = document_problem(from_toml(&text));
    assert!(problem.contains("unknown variant `maybe`"), "{problem}");
}

#[test]
fn an_ex_officio_seat_needs_a_role() {
    let text = SMALL_BODY.replace(r#"role = { other = "Youth coalition focal point" }, "#, "");
    let problem = document_problem(from_toml(&text));
    assert!(problem.contains("missing field `role`"), "{problem}");
}

#[test]
fn floors_above_the_size_are_refused_with_the_arithmetic() {
    let text = with_floors_over_size();
    match from_toml(&text) {
        Err(ActionError::Rule { code, message }) => {
            assert_eq!(code, "invalid_constitution");
            assert_eq!(
                message,
                "the stakeholder-group floors add up to 12 seats but the body has at most 10 regular seats"
            );
        }
        other => panic!("expected invalid_constitution, got {other:?}"),
    }
    assert_eq!(
        check_document(&text, DocumentFormat::Toml).unwrap_err(),
        vec![
            "the stakeholder-group floors add up to 12 seats but the body has at most 10 regular seats"
                .to_owned()
        ]
    );
}

#[test]
fn a_toml_syntax_error_names_the_line() {
    let text = SMALL_BODY.replace("months = 24", "months = = 24");
    let problem = document_problem(from_toml(&text));
    let line = SMALL_BODY
        .lines()
        .position(|line| line == "months = 24")
        .unwrap()
        + 1;
    assert!(
        problem.starts_with(&format!("TOML document, line {line}, column ")),
        "{problem}"
    );
}

#[test]
fn a_json_syntax_error_names_the_line() {
    let problem = document_problem(from_json("{\n  \"version\": 1,\n  \"name\": }"));
    assert!(problem.contains("line 3"), "{problem}");
}

#[test]
fn another_format_version_is_refused() {
    let text = SMALL_BODY.replace("version = 1", "version = 2");
    assert_eq!(
        document_problem(from_toml(&text)),
        "the document is in format version 2, but this Plenary reads version 1"
    );
}

#[test]
fn preset_names_cover_every_preset() {
    assert_eq!(
        preset_names(),
        vec![
            "mag",
            "leadership_panel",
            "approach_a_mhlb",
            "approach_b_mag_plus",
            "approach_b_leadership_team",
            "approach_c_mhlb",
            "approach_c_mag",
        ]
    );
    for name in preset_names() {
        assert!(preset(name).is_some(), "{name}");
    }
    assert_eq!(preset("MAG"), None);
    // A body's slug finds its preset.
    assert_eq!(preset("leadership-panel"), preset("leadership_panel"));
}

#[test]
fn formats_come_from_extensions() {
    assert_eq!(
        DocumentFormat::from_extension("toml"),
        Some(DocumentFormat::Toml)
    );
    assert_eq!(
        DocumentFormat::from_extension("JSON"),
        Some(DocumentFormat::Json)
    );
    assert_eq!(DocumentFormat::from_extension("yaml"), None);
}

#[test]
fn the_mag_summary_resolves_shares_into_seats() {
    let lines = summary(&preset("mag").unwrap(), None);
    assert_eq!(
        lines,
        vec![
            "name: Multistakeholder Advisory Group (MAG)",
            "size: 50 to 74 voting members, of which 31 to 55 regular seats",
            "seats: 55 regular; 1 ex officio (MAG chair); 1 ex officio (current host country); 17 standing host-country; 10 observer (not counted in the size)",
            "terms: 12-month terms, at most 3 consecutive",
            "rotation: 33 % of the regular members each cycle (18 of 55)",
            "chair: appointed from outside the body's own election; no vice-chair",
            "renewal: at least 60 % of meetings attended and 60 % of assigned reviews done",
            "quotas for a body of 74 voting members (55 regular seats; share floors round up, share caps round down):",
            "stakeholder groups: government 20 to 22 seats (35 % to 40 %); private sector at least 11 seats (20 %); civil society at least 11 seats (20 %); technical community at least 11 seats (20 %); no other stakeholder groups",
            "UN regional groups: African Group 9 to 11 seats; Asia-Pacific Group 9 to 11 seats; Eastern European Group 9 to 11 seats; Latin American and Caribbean Group (GRULAC) 9 to 11 seats; Western European and Others Group (WEOG) 9 to 11 seats; other regional groups allowed",
            "gender: no gender above 33 seats (60 %)",
        ]
    );
}

#[test]
fn the_summary_uses_the_given_size_and_keeps_it_in_range() {
    let mag = preset("mag").unwrap();
    let lines = summary(&mag, Some(60));
    assert!(lines.contains(&"quotas for a body of 60 voting members (41 regular seats; share floors round up, share caps round down):".to_owned()), "{lines:#?}");
    // 35 % of 41 is 14.35 (floor 15), 40 % is 16.4 (cap 16); 20 % is 8.2 (floor 9).
    assert!(lines.iter().any(|line| line.starts_with(
        "stakeholder groups: government 15 to 16 seats (35 % to 40 %); private sector at least 9 seats (20 %);"
    )), "{lines:#?}");

    let lines = summary(&mag, Some(100));
    assert_eq!(
        lines[0],
        "note: 100 seats is outside the size range 50 to 74; quotas are shown for 74"
    );
}

#[test]
fn the_summary_of_a_small_body_shows_counts_and_elected_chairs() {
    let lines = summary(&from_toml(SMALL_BODY).unwrap(), None);
    assert!(lines.contains(&"terms: 24-month terms, no limit on consecutive terms".to_owned()));
    assert!(lines.contains(&"chair: elected every year by the members, from among the members, not from the outgoing holder's stakeholder group; with a vice-chair".to_owned()));
    let panel = summary(&preset("leadership_panel").unwrap(), None);
    assert!(panel.contains(&"chair: elected every year by the members, from among the members, no one holding the same office two years running; with a vice-chair".to_owned()), "{panel:#?}");
    assert!(lines.contains(&"stakeholder groups: civil society 2 to 5 seats (cap 50 %); other stakeholder groups allowed".to_owned()), "{lines:#?}");
    assert!(lines.contains(&"UN regional groups: no quotas".to_owned()));
    assert!(lines.contains(&"gender: woman at least 4 seats (40 %)".to_owned()));
}

#[test]
fn describe_gives_size_and_terms() {
    assert_eq!(
        describe(&preset("leadership_panel").unwrap()),
        "IGF Leadership Panel: 15 voting members (10 regular seats), 24-month terms, at most 2 consecutive"
    );
}

#[test]
fn the_format_documents_example_is_the_mag_preset() {
    let start = FORMAT_DOC
        .find("```toml\n")
        .map(|idx| idx + "```toml\n".len())
        .unwrap();
    let length = FORMAT_DOC[start..].find("```").unwrap();
    let example = &FORMAT_DOC[start..start + length];
    assert_eq!(from_toml(example).unwrap(), preset("mag").unwrap());
}
