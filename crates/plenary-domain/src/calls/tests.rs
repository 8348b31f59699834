//! Tests for `calls`: key dates and the call window, the cycle set-up check, which changes a
//! proposal allows and when, and the bad input `check_proposal` refuses, table-driven. The
//! fixtures here (`setup`, `person`, `complete_workshop`) are shared with
//! `screening::tests`.

use super::*;

pub(super) fn at(text: &str) -> Timestamp {
    text.parse().unwrap()
}

pub(super) fn dates() -> KeyDates {
    KeyDates {
        issues_open: at("2026-01-10T00:00:00Z"),
        issues_close: at("2026-02-15T23:59:00Z"),
        call_opens: at("2026-03-15T00:00:00Z"),
        call_closes: at("2026-05-24T23:59:00Z"),
        screening_due: at("2026-05-31T23:59:00Z"),
        evaluation_due: at("2026-06-21T23:59:00Z"),
        notification: at("2026-07-05T23:59:00Z"),
    }
}

fn session_type(code: &str, name: &str, formats: &[&str], durations: &[u32]) -> SessionType {
    SessionType {
        code: code.to_owned(),
        name: name.to_owned(),
        description: String::new(),
        formats: formats.iter().map(|f| (*f).to_owned()).collect(),
        durations: durations.to_vec(),
        approver: if code == "workshop" {
            Approver::Mag
        } else {
            Approver::Secretariat
        },
        support: Support::default(),
        open: true,
    }
}

fn area(code: &str, name: &str) -> IssueArea {
    IssueArea {
        code: code.to_owned(),
        name: name.to_owned(),
        description: String::new(),
    }
}

/// A small valid cycle: workshops (MAG) and open forums (secretariat), two issue areas, the
/// 2023-shaped calendar moved to 2026, no rules.
pub(super) fn setup() -> CycleSetup {
    let issue_areas = vec![
        area("digital_divides", "Digital Divides & Inclusion"),
        area("data_governance", "Data Governance & Trust"),
    ];
    let session_types = vec![
        session_type("workshop", "Workshop", &["Round table", "Panel"], &[60, 90]),
        session_type("open_forum", "Open forum", &["Theater"], &[30, 60]),
    ];
    CycleSetup {
        year: 2026,
        host_country_iso2: "JP".to_owned(),
        host_city: "Kyoto".to_owned(),
        venue_time_zone: "Asia/Tokyo".to_owned(),
        meeting_start: "2026-10-08".to_owned(),
        meeting_end: "2026-10-12".to_owned(),
        theme: "The Internet We Want".to_owned(),
        evaluation: review::EvaluationSetup::default_for(&session_types, &issue_areas),
        issue_areas,
        session_types,
        dates: dates(),
        publish_received: true,
        rules: Vec::new(),
        speaker_cap: None,
    }
}

/// Someone onsite, confirmed, without gender, e-mail or organisation.
pub(super) fn person(role: PersonRole, name: &str) -> ProposalPerson {
    ProposalPerson {
        role,
        name: name.to_owned(),
        email: String::new(),
        organisation: String::new(),
        stakeholder_group: "civil_society".to_owned(),
        country_iso2: "KE".to_owned(),
        region: UnRegionalGroup::African,
        gender: String::new(),
        onsite: true,
        confirmation: Confirmation::Confirmed,
    }
}

/// `n` words of text.
pub(super) fn words(n: usize) -> String {
    vec!["word"; n].join(" ")
}

/// A workshop proposal every preset accepts: a title of 35 characters, a description of 120
/// words, every text field filled; an organiser from Example Foundation; three speakers
/// (two confirmed, one provisionally; female, male, non-binary; two onsite); an onsite
/// moderator, an online moderator and a rapporteur.
pub(super) fn complete_workshop() -> ProposalDraft {
    let speaker = |name: &str, email: &str, gender: &str, onsite, confirmation| ProposalPerson {
        email: email.to_owned(),
        gender: gender.to_owned(),
        onsite,
        confirmation,
        ..person(PersonRole::Speaker, name)
    };
    ProposalDraft {
        session_type: "workshop".to_owned(),
        title: "Community networks for rural access".to_owned(),
        issue_area: "digital_divides".to_owned(),
        format: "Round table".to_owned(),
        duration_min: 90,
        description: words(120),
        policy_questions: "Who pays for the last mile?".to_owned(),
        interaction_plan: "Questions from the floor and online after each round.".to_owned(),
        online_plan: "Online speakers join through the meeting platform.".to_owned(),
        expected_outcomes: "A list of funding models for community networks.".to_owned(),
        previous_reports: String::new(),
        messages_link: "Builds on the 2022 messages on meaningful access.".to_owned(),
        language: "en".to_owned(),
        people: vec![
            ProposalPerson {
                email: "amina@example.org".to_owned(),
                organisation: "Example Foundation".to_owned(),
                ..person(PersonRole::Organiser, "Amina Diallo")
            },
            speaker(
                "Ana Silva",
                "ana@example.org",
                "female",
                true,
                Confirmation::Confirmed,
            ),
            speaker(
                "Bo Chen",
                "bo@example.org",
                "male",
                true,
                Confirmation::Provisional,
            ),
            speaker(
                "Kai Mensah",
                "kai@example.org",
                "non-binary",
                false,
                Confirmation::Confirmed,
            ),
            ProposalPerson {
                email: "dana@example.org".to_owned(),
                ..person(PersonRole::Moderator, "Dana Ortiz")
            },
            ProposalPerson {
                onsite: false,
                ..person(PersonRole::OnlineModerator, "Eli Novak")
            },
            person(PersonRole::Rapporteur, "Fatou Sow"),
        ],
    }
}

/// A named change to a value and the (field, code, problem) of every error it should cause.
type EditCase<T> = (
    &'static str,
    fn(&mut T),
    Vec<(&'static str, &'static str, &'static str)>,
);

/// (field, code) of each error, for comparing lists.
fn codes(errors: &[FieldError]) -> Vec<(&'static str, &'static str)> {
    errors.iter().map(|e| (e.field, e.code)).collect()
}

#[test]
fn codes_are_snake_case() {
    let cases = [
        ("open_forum", true),
        ("day0", true),
        ("a", true),
        (&"a".repeat(40), true),
        (&"a".repeat(41), false),
        ("Open forum", false),
        ("open-forum", false),
        ("Workshop", false),
        ("0day", false),
        ("_workshop", false),
        ("atelier_é", false),
        ("", false),
    ];
    for (raw, expected) in cases {
        assert_eq!(is_code(raw), expected, "{raw:?}");
    }
}

#[test]
fn the_fixture_set_up_and_proposal_are_valid() {
    assert_eq!(setup().check(), vec![]);
    assert_eq!(check_proposal(&setup(), &complete_workshop()), vec![]);
}

// --- Key dates -----------------------------------------------------------------------------

#[test]
fn key_dates_in_order_pass_and_each_date_out_of_order_is_named_with_both_dates() {
    type Edit = fn(&mut KeyDates);
    let cases: [(&str, Edit, Vec<&str>); 7] = [
        ("in order", |_| {}, vec![]),
        (
            "issues close before they open",
            |d| d.issues_close = at("2026-01-09T00:00:00Z"),
            vec![
                "issues_close (2026-01-09 00:00 UTC) must come after issues_open (2026-01-10 00:00 UTC)",
            ],
        ),
        (
            "the call closes the instant it opens",
            |d| d.call_closes = d.call_opens,
            vec![
                "call_closes (2026-03-15 00:00 UTC) must come after call_opens (2026-03-15 00:00 UTC)",
            ],
        ),
        (
            "screening due before the call closes",
            |d| d.screening_due = at("2026-05-20T00:00:00Z"),
            vec![
                "screening_due (2026-05-20 00:00 UTC) must come no earlier than call_closes (2026-05-24 23:59 UTC)",
            ],
        ),
        (
            "screening due the instant the call closes is allowed",
            |d| d.screening_due = d.call_closes,
            vec![],
        ),
        (
            "evaluation before screening",
            |d| d.evaluation_due = at("2026-05-30T00:00:00Z"),
            vec![
                "evaluation_due (2026-05-30 00:00 UTC) must come no earlier than screening_due (2026-05-31 23:59 UTC)",
            ],
        ),
        (
            "notification before evaluation",
            |d| d.notification = at("2026-06-01T00:00:00Z"),
            vec![
                "notification (2026-06-01 00:00 UTC) must come no earlier than evaluation_due (2026-06-21 23:59 UTC)",
            ],
        ),
    ];
    for (name, edit, expected) in cases {
        let mut d = dates();
        edit(&mut d);
        let problems: Vec<String> = d.check().into_iter().map(|e| e.problem).collect();
        assert_eq!(problems, expected, "{name}");
    }
}

#[test]
fn every_date_problem_is_reported_at_once() {
    let mut d = dates();
    d.issues_close = d.issues_open;
    d.call_closes = at("2026-03-01T00:00:00Z");
    d.notification = at("2026-01-01T00:00:00Z");
    let errors = d.check();
    assert_eq!(
        codes(&errors),
        vec![
            ("issues_close", "date_order"),
            ("call_closes", "date_order"),
            ("notification", "date_order"),
        ]
    );
}

#[test]
fn the_call_is_open_from_its_opening_until_just_before_it_closes() {
    let d = dates();
    let cases = [
        ("2026-03-14T23:59:59Z", false),
        ("2026-03-15T00:00:00Z", true),
        ("2026-04-20T12:00:00Z", true),
        ("2026-05-24T23:58:59.999999Z", true),
        ("2026-05-24T23:59:00Z", false),
        ("2026-06-01T00:00:00Z", false),
    ];
    for (now, open) in cases {
        assert_eq!(d.call_open_at(at(now)), open, "{now}");
    }
}

#[test]
fn the_call_for_issues_is_open_from_its_opening_until_just_before_it_closes() {
    let d = dates();
    let cases = [
        ("2026-01-09T23:59:59Z", false),
        ("2026-01-10T00:00:00Z", true),
        ("2026-02-15T23:58:59Z", true),
        ("2026-02-15T23:59:00Z", false),
        // The call for proposals being open does not open the call for issues.
        ("2026-04-01T00:00:00Z", false),
    ];
    for (now, open) in cases {
        assert_eq!(d.issues_open_at(at(now)), open, "{now}");
    }
}

// --- Cycle set-up --------------------------------------------------------------------------

#[test]
fn a_set_up_problem_names_its_field_code_and_the_offending_value() {
    let cases: Vec<EditCase<CycleSetup>> = vec![
        ("year 1990 is the first allowed", |s| s.year = 1990, vec![]),
        ("year 2200 is the last allowed", |s| s.year = 2200, vec![]),
        (
            "year 1989",
            |s| s.year = 1989,
            vec![("year", "out_of_range", "a year from 1990 to 2200")],
        ),
        (
            "year 2201",
            |s| s.year = 2201,
            vec![("year", "out_of_range", "a year from 1990 to 2200")],
        ),
        (
            "blank theme",
            |s| s.theme = "  ".to_owned(),
            vec![("theme", "required", "the overarching theme is required")],
        ),
        (
            "lower-case host country",
            |s| s.host_country_iso2 = "jp".to_owned(),
            vec![(
                "host_country",
                "bad_country",
                "\"jp\" is not an ISO 3166 alpha-2 country code such as JP",
            )],
        ),
        (
            "alpha-3 host country",
            |s| s.host_country_iso2 = "JPN".to_owned(),
            vec![(
                "host_country",
                "bad_country",
                "\"JPN\" is not an ISO 3166 alpha-2 country code such as JP",
            )],
        ),
        (
            "meeting start not a date",
            |s| s.meeting_start = "8 October".to_owned(),
            vec![(
                "meeting_start",
                "bad_date",
                "\"8 October\" is not a date such as 2026-10-08",
            )],
        ),
        (
            "a one-day meeting",
            |s| s.meeting_end = s.meeting_start.clone(),
            vec![],
        ),
        (
            "meeting ends before it starts",
            |s| s.meeting_end = "2026-10-07".to_owned(),
            vec![(
                "meeting_end",
                "date_order",
                "the meeting ends (2026-10-07) before it starts (2026-10-08)",
            )],
        ),
        (
            "speaker cap of 0",
            |s| s.speaker_cap = Some(0),
            vec![(
                "speaker_cap",
                "out_of_range",
                "the speaker cap must be at least 1 session (leave it out for no cap)",
            )],
        ),
        ("speaker cap of 1", |s| s.speaker_cap = Some(1), vec![]),
        (
            "no issue areas",
            |s| s.issue_areas.clear(),
            vec![("issue_areas", "required", "at least one issue area")],
        ),
        (
            "no session types",
            |s| s.session_types.clear(),
            vec![("session_types", "required", "at least one session type")],
        ),
        (
            "issue area code not snake_case",
            |s| s.issue_areas[0].code = "Digital Divides".to_owned(),
            vec![(
                "issue_areas",
                "bad_code",
                "issue area code \"Digital Divides\" must be snake_case (a-z, 0-9, _)",
            )],
        ),
        (
            "issue area listed twice",
            |s| s.issue_areas[1].code = "digital_divides".to_owned(),
            vec![(
                "issue_areas",
                "duplicate",
                "issue area \"digital_divides\" is listed twice",
            )],
        ),
        (
            "session type code not snake_case",
            |s| s.session_types[1].code = "open-forum".to_owned(),
            vec![(
                "session_types",
                "bad_code",
                "session type code \"open-forum\" must be snake_case (a-z, 0-9, _)",
            )],
        ),
        (
            "session type listed twice",
            |s| s.session_types[1].code = "workshop".to_owned(),
            vec![(
                "session_types",
                "duplicate",
                "session type \"workshop\" is listed twice",
            )],
        ),
        (
            "session type without formats",
            |s| s.session_types[0].formats.clear(),
            vec![(
                "session_types",
                "incomplete",
                "session type \"workshop\" needs at least one format and one duration",
            )],
        ),
        (
            "session type without durations",
            |s| s.session_types[0].durations.clear(),
            vec![(
                "session_types",
                "incomplete",
                "session type \"workshop\" needs at least one format and one duration",
            )],
        ),
        (
            "durations of 1 and 480 minutes are the bounds",
            |s| s.session_types[0].durations = vec![1, 480],
            vec![],
        ),
        (
            "a duration of 0 minutes",
            |s| s.session_types[0].durations = vec![0, 60],
            vec![(
                "session_types",
                "bad_duration",
                "session type \"workshop\": durations are 1 to 480 minutes",
            )],
        ),
        (
            "a duration of 481 minutes",
            |s| s.session_types[1].durations = vec![481],
            vec![(
                "session_types",
                "bad_duration",
                "session type \"open_forum\": durations are 1 to 480 minutes",
            )],
        ),
        (
            "a rule naming a session type the cycle lacks",
            |s| {
                s.rules.push(screening::Rule {
                    kind: screening::RuleKind::GenderDiversity,
                    types: vec!["workshop".to_owned(), "plenary".to_owned()],
                })
            },
            vec![(
                "rules",
                "unknown_session_type",
                "rule gender_diversity names session type \"plenary\", which this cycle does not have",
            )],
        ),
        (
            "a rule with a bad parameter",
            |s| {
                s.rules.push(screening::Rule::all_types(
                    screening::RuleKind::MaxPerPerson { max: 0 },
                ))
            },
            vec![(
                "rules",
                "bad_parameter",
                "rule max_per_person: the maximum must be at least 1",
            )],
        ),
        (
            "a dates problem",
            |s| s.dates.call_closes = s.dates.call_opens,
            vec![(
                "call_closes",
                "date_order",
                "call_closes (2026-03-15 00:00 UTC) must come after call_opens (2026-03-15 00:00 UTC)",
            )],
        ),
    ];
    for (name, edit, expected) in cases {
        let mut s = setup();
        // The evaluation (checked in `review::tests`) names no session type or issue area
        // here, so a change to those lists reports only its own problem.
        s.evaluation.session_types.clear();
        s.evaluation.groups.clear();
        edit(&mut s);
        let got: Vec<(&str, &str, String)> = s
            .check()
            .into_iter()
            .map(|e| (e.field, e.code, e.problem))
            .collect();
        let expected: Vec<(&str, &str, String)> = expected
            .into_iter()
            .map(|(f, c, p)| (f, c, p.to_owned()))
            .collect();
        assert_eq!(got, expected, "{name}");
    }
}

#[test]
fn every_set_up_problem_is_reported_at_once() {
    let mut s = setup();
    s.theme = String::new();
    s.issue_areas.push(area("Bad Code", "Bad"));
    s.session_types[0].formats.clear();
    s.rules.push(screening::Rule {
        kind: screening::RuleKind::Language {
            languages: Vec::new(),
        },
        types: vec!["day0".to_owned()],
    });
    assert_eq!(
        codes(&s.check()),
        vec![
            ("theme", "required"),
            ("issue_areas", "bad_code"),
            ("session_types", "incomplete"),
            ("rules", "unknown_session_type"),
            ("rules", "bad_parameter"),
        ]
    );
}

#[test]
fn set_up_lookups_find_by_code() {
    let s = setup();
    assert_eq!(
        s.session_type("open_forum").map(|t| t.approver),
        Some(Approver::Secretariat)
    );
    assert_eq!(s.session_type("Open forum"), None);
    assert_eq!(
        s.issue_area("data_governance").map(|a| a.name.as_str()),
        Some("Data Governance & Trust")
    );
    assert_eq!(s.issue_area("ai"), None);
}

// --- Changing a proposal -------------------------------------------------------------------

#[test]
fn a_proposal_changes_only_while_the_call_is_open_and_it_is_not_withdrawn() {
    let shown = |t: Timestamp| format!("{} (your time)", t.to_rfc3339_seconds());
    let closed = || ProposalError::CallClosed {
        deadline: "2026-05-24T23:59:00Z (your time)".to_owned(),
    };
    let not_open = || ProposalError::CallNotOpen {
        opens: "2026-03-15T00:00:00Z (your time)".to_owned(),
    };
    let cases = [
        (
            ProposalStatus::Draft,
            "2026-03-14T23:59:59Z",
            Err(not_open()),
        ),
        (ProposalStatus::Draft, "2026-03-15T00:00:00Z", Ok(())),
        (ProposalStatus::Submitted, "2026-05-24T23:58:59Z", Ok(())),
        (ProposalStatus::Draft, "2026-05-24T23:59:00Z", Err(closed())),
        (
            ProposalStatus::Submitted,
            "2026-05-24T23:59:00Z",
            Err(closed()),
        ),
        (
            ProposalStatus::Submitted,
            "2026-09-01T00:00:00Z",
            Err(closed()),
        ),
        (
            ProposalStatus::Withdrawn,
            "2026-04-01T00:00:00Z",
            Err(ProposalError::Withdrawn),
        ),
        (
            ProposalStatus::Withdrawn,
            "2026-09-01T00:00:00Z",
            Err(ProposalError::Withdrawn),
        ),
    ];
    for (status, now, expected) in cases {
        assert_eq!(
            check_change(&setup(), status, at(now), shown),
            expected,
            "{status:?} at {now}"
        );
    }
}

#[test]
fn a_late_change_is_refused_with_the_deadline_as_the_caller_shows_it() {
    // The closure decides the time zone; the domain only passes it the deadline.
    let in_tokyo = |t: Timestamp| {
        assert_eq!(t, dates().call_closes);
        "25 May 2026, 08:59 (Asia/Tokyo)".to_owned()
    };
    let err = check_change(
        &setup(),
        ProposalStatus::Submitted,
        at("2026-05-25T00:00:00Z"),
        in_tokyo,
    )
    .unwrap_err();
    assert_eq!(
        err.to_string(),
        "the call closed on 25 May 2026, 08:59 (Asia/Tokyo); proposals can no longer be submitted or changed"
    );
    let early = check_change(
        &setup(),
        ProposalStatus::Draft,
        at("2026-03-01T00:00:00Z"),
        |t| t.to_display_utc(),
    )
    .unwrap_err();
    assert_eq!(early.to_string(), "the call opens on 2026-03-15 00:00 UTC");
}

// --- check_proposal ------------------------------------------------------------------------

fn problems(draft: &ProposalDraft) -> Vec<(&'static str, &'static str, String)> {
    check_proposal(&setup(), draft)
        .into_iter()
        .map(|e| (e.field, e.code, e.problem))
        .collect()
}

#[test]
fn a_draft_needs_only_a_known_type_and_a_title() {
    let draft = ProposalDraft {
        session_type: "workshop".to_owned(),
        title: "To be completed".to_owned(),
        ..ProposalDraft::default()
    };
    assert_eq!(problems(&draft), vec![]);
}

#[test]
fn check_proposal_names_each_bad_value() {
    let cases: Vec<EditCase<ProposalDraft>> = vec![
        (
            "unknown session type",
            |d| d.session_type = "keynote".to_owned(),
            vec![(
                "session_type",
                "unknown_session_type",
                "\"keynote\" is not a session type of this cycle",
            )],
        ),
        (
            "session type given by name, not code",
            |d| d.session_type = "Workshop".to_owned(),
            vec![(
                "session_type",
                "unknown_session_type",
                "\"Workshop\" is not a session type of this cycle",
            )],
        ),
        (
            "unknown issue area",
            |d| d.issue_area = "space".to_owned(),
            vec![(
                "issue_area",
                "unknown_issue_area",
                "\"space\" is not an issue area of this cycle",
            )],
        ),
        ("no issue area yet", |d| d.issue_area.clear(), vec![]),
        (
            "a format of another session type",
            |d| d.format = "Theater".to_owned(),
            vec![(
                "format",
                "unknown_format",
                "\"Theater\" is not a format of Workshop sessions; use one of: Round table, Panel",
            )],
        ),
        (
            "a format in the wrong case",
            |d| d.format = "round table".to_owned(),
            vec![(
                "format",
                "unknown_format",
                "\"round table\" is not a format of Workshop sessions; use one of: Round table, Panel",
            )],
        ),
        ("no format yet", |d| d.format.clear(), vec![]),
        (
            "a duration the type does not offer",
            |d| d.duration_min = 45,
            vec![(
                "duration_min",
                "bad_duration",
                "45 min is not offered: Workshop sessions last 60 min or 90 min",
            )],
        ),
        ("no duration yet", |d| d.duration_min = 0, vec![]),
        (
            "a blank title",
            |d| d.title = " \t".to_owned(),
            vec![
                ("title", "required", "a title is required, even for a draft"),
                (
                    "title",
                    "control_character",
                    "the title must be one line without control characters",
                ),
            ],
        ),
        (
            "an empty title",
            |d| d.title.clear(),
            vec![("title", "required", "a title is required, even for a draft")],
        ),
        (
            "a title of 200 characters",
            |d| d.title = "t".repeat(200),
            vec![],
        ),
        (
            "a title of 201 characters",
            |d| d.title = "t".repeat(201),
            vec![(
                "title",
                "too_long",
                "the title has 201 characters; at most 200",
            )],
        ),
        (
            "200 characters of two bytes each are 200 characters",
            |d| d.title = "é".repeat(200),
            vec![],
        ),
        (
            "a title on two lines",
            |d| d.title = "Community networks\nfor rural access".to_owned(),
            vec![(
                "title",
                "control_character",
                "the title must be one line without control characters",
            )],
        ),
        (
            "a description of 20,000 characters",
            |d| d.description = "d".repeat(20_000),
            vec![],
        ),
        (
            "a description of 20,001 characters",
            |d| d.description = "d".repeat(20_001),
            vec![("description", "too_long", "20001 characters; at most 20000")],
        ),
        (
            "over-long previous reports",
            |d| d.previous_reports = "r".repeat(20_001),
            vec![(
                "previous_reports",
                "too_long",
                "20001 characters; at most 20000",
            )],
        ),
        (
            "an over-long language",
            |d| d.language = "l".repeat(201),
            vec![("language", "too_long", "201 characters; at most 200")],
        ),
        (
            "a person without a name",
            |d| d.people[2].name = "   ".to_owned(),
            vec![("people", "name_required", "person 3 has no name")],
        ),
        (
            "an over-long organisation",
            |d| d.people[0].organisation = "o".repeat(201),
            vec![(
                "people",
                "too_long",
                "person 1: the organisation has 201 characters; at most 200",
            )],
        ),
        (
            "an over-long gender",
            |d| d.people[1].gender = "g".repeat(201),
            vec![(
                "people",
                "too_long",
                "person 2: the gender has 201 characters; at most 200",
            )],
        ),
        (
            "a name on two lines",
            |d| d.people[1].name = "Ana\nSilva".to_owned(),
            vec![(
                "people",
                "control_character",
                "person 2: the name must be one line without control characters",
            )],
        ),
        (
            "41 people",
            |d| {
                d.people = (1..=41)
                    .map(|i| person(PersonRole::Speaker, &format!("Speaker {i}")))
                    .collect()
            },
            vec![(
                "people",
                "too_many",
                "41 people are listed; at most 40 on one proposal",
            )],
        ),
        (
            "40 people",
            |d| {
                d.people = (1..=40)
                    .map(|i| person(PersonRole::Speaker, &format!("Speaker {i}")))
                    .collect()
            },
            vec![],
        ),
    ];
    for (name, edit, expected) in cases {
        let mut draft = complete_workshop();
        edit(&mut draft);
        let expected: Vec<(&str, &str, String)> = expected
            .into_iter()
            .map(|(f, c, p)| (f, c, p.to_owned()))
            .collect();
        assert_eq!(problems(&draft), expected, "{name}");
    }
}

#[test]
fn an_unknown_session_type_does_not_hide_the_other_problems() {
    let draft = ProposalDraft {
        session_type: "keynote".to_owned(),
        title: String::new(),
        issue_area: "space".to_owned(),
        // Format and duration cannot be checked without a type.
        format: "Anything".to_owned(),
        duration_min: 7,
        people: vec![person(PersonRole::Speaker, "")],
        ..ProposalDraft::default()
    };
    assert_eq!(
        codes(&check_proposal(&setup(), &draft)),
        vec![
            ("session_type", "unknown_session_type"),
            ("title", "required"),
            ("issue_area", "unknown_issue_area"),
            ("people", "name_required"),
        ]
    );
}

#[test]
fn a_session_type_closed_in_this_cycle_takes_no_proposals() {
    let mut s = setup();
    s.session_types[1].open = false;
    let draft = ProposalDraft {
        session_type: "open_forum".to_owned(),
        title: "Our year in review".to_owned(),
        ..ProposalDraft::default()
    };
    let errors = check_proposal(&s, &draft);
    assert_eq!(codes(&errors), vec![("session_type", "type_not_open")]);
    assert_eq!(
        errors[0].problem,
        "Open forum sessions are not open for proposals in this cycle"
    );
}

#[test]
fn a_person_listed_twice_in_the_same_role_is_named_with_both_positions() {
    let speaker = |name: &str, email: &str| ProposalPerson {
        email: email.to_owned(),
        ..person(PersonRole::Speaker, name)
    };
    let cases: Vec<(&str, Vec<ProposalPerson>, Vec<&str>)> = vec![
        (
            "the same e-mail in another case, under another name",
            vec![
                speaker("Ana Silva", "ana@example.org"),
                speaker("Bo Chen", "bo@example.org"),
                speaker("A. Silva", " ANA@Example.org "),
            ],
            vec!["person 3 (A. Silva) is listed twice as speaker: the same e-mail as person 1"],
        ),
        (
            "the same name in another case and spacing, no e-mail",
            vec![speaker("Ana Silva", ""), speaker("  ana   SILVA ", "")],
            vec!["person 2 (ana   SILVA) is listed twice as speaker: the same name as person 1"],
        ),
        (
            "three times",
            vec![
                speaker("Ana Silva", ""),
                speaker("Ana Silva", ""),
                speaker("Ana Silva", ""),
            ],
            vec![
                "person 2 (Ana Silva) is listed twice as speaker: the same name as person 1",
                "person 3 (Ana Silva) is listed twice as speaker: the same name as person 1",
            ],
        ),
        (
            "twice as online moderator",
            vec![
                person(PersonRole::OnlineModerator, "Eli Novak"),
                person(PersonRole::OnlineModerator, "Eli Novak"),
            ],
            vec![
                "person 2 (Eli Novak) is listed twice as online moderator: the same name as person 1",
            ],
        ),
        (
            "the same person as organiser and speaker is allowed",
            vec![
                ProposalPerson {
                    email: "ana@example.org".to_owned(),
                    ..person(PersonRole::Organiser, "Ana Silva")
                },
                speaker("Ana Silva", "ana@example.org"),
            ],
            vec![],
        ),
        (
            "two people with one name and different e-mails are two people",
            vec![
                speaker("Li Wei", "li.wei@example.org"),
                speaker("Li Wei", "wei.li@example.net"),
            ],
            vec![],
        ),
        (
            "one name with and without an e-mail is not matched (the e-mail is the key)",
            vec![
                speaker("Li Wei", "li.wei@example.org"),
                speaker("Li Wei", ""),
            ],
            vec![],
        ),
    ];
    for (name, people, expected) in cases {
        let draft = ProposalDraft {
            people,
            ..complete_workshop()
        };
        let errors = check_proposal(&setup(), &draft);
        assert!(
            errors.iter().all(|e| e.code == "listed_twice"),
            "{name}: {errors:?}"
        );
        let got: Vec<String> = errors.into_iter().map(|e| e.problem).collect();
        assert_eq!(got, expected, "{name}");
    }
}

#[test]
fn html_and_script_in_text_are_accepted_and_kept_verbatim() {
    let script = "<script>alert(\"x\")</script> & <b>bold</b>";
    let mut draft = complete_workshop();
    draft.title = script.to_owned();
    draft.description = format!("{script}\n{script}");
    draft.people[1].name = "<img src=x onerror=alert(1)>".to_owned();
    draft.people[2].name = "<img src=x onerror=alert(1)>".to_owned();
    draft.people[2].email = draft.people[1].email.clone();
    let before = draft.clone();
    let errors = check_proposal(&setup(), &draft);
    // Only the duplicate is refused, and its message quotes the name exactly as typed.
    assert_eq!(
        errors,
        vec![FieldError::new(
            "people",
            "listed_twice",
            "person 3 (<img src=x onerror=alert(1)>) is listed twice as speaker: the same e-mail as person 2",
        )]
    );
    assert_eq!(draft, before);
    assert_eq!(draft.title, script);
}

// --- Small parts ---------------------------------------------------------------------------

#[test]
fn identity_is_the_e_mail_if_given_else_the_name() {
    let cases = [
        ("Ana Silva", " Ana@Example.ORG ", "email:ana@example.org"),
        ("  Ana   SILVA ", "", "name:ana silva"),
        ("Ana Silva", "   ", "name:ana silva"),
    ];
    for (name, email, expected) in cases {
        let p = ProposalPerson {
            email: email.to_owned(),
            ..person(PersonRole::Speaker, name)
        };
        assert_eq!(p.identity(), expected, "{name:?} {email:?}");
    }
}

#[test]
fn words_are_counted_and_normalised_by_whitespace() {
    assert_eq!(word_count(""), 0);
    assert_eq!(word_count("  \n\t "), 0);
    assert_eq!(word_count("one"), 1);
    assert_eq!(word_count(" one  two\nthree\tfour "), 4);
    assert_eq!(word_count("multi-stakeholder, bottom-up"), 2);
    assert_eq!(
        normalise_words("  Example   FOUNDATION\n"),
        "example foundation"
    );
    assert_eq!(normalise_words(""), "");
}

#[test]
fn codes_parse_back_to_their_values_and_unknown_codes_are_named() {
    for role in PersonRole::ALL {
        assert_eq!(PersonRole::parse(role.code()), Ok(role));
    }
    for c in Confirmation::ALL {
        assert_eq!(Confirmation::parse(c.code()), Ok(c));
    }
    for s in ProposalStatus::ALL {
        assert_eq!(ProposalStatus::parse(s.code()), Ok(s));
    }
    for f in ProposalField::ALL {
        assert_eq!(ProposalField::parse(f.code()), Ok(f));
    }
    for a in [Approver::Mag, Approver::Secretariat] {
        assert_eq!(Approver::parse(a.code()), Ok(a));
    }
    assert_eq!(
        PersonRole::parse("chair").unwrap_err().problem,
        "\"chair\" is not a role; use organiser, speaker, moderator, online_moderator or rapporteur"
    );
    assert_eq!(
        Confirmation::parse("maybe").unwrap_err().code,
        "unknown_confirmation"
    );
    assert_eq!(
        ProposalStatus::parse("accepted").unwrap_err().code,
        "unknown_status"
    );
    assert_eq!(
        ProposalField::parse("abstract").unwrap_err().code,
        "unknown_field"
    );
    assert_eq!(Approver::parse("MAG").unwrap_err().code, "unknown_approver");
}

#[test]
fn provisional_is_the_least_a_speaker_needs_to_count_as_confirmed() {
    assert!(!Confirmation::Invited.at_least_provisional());
    assert!(Confirmation::Provisional.at_least_provisional());
    assert!(Confirmation::Confirmed.at_least_provisional());
}

#[test]
fn each_field_is_filled_by_its_own_text_or_role() {
    let full = complete_workshop();
    for field in ProposalField::ALL {
        assert!(field.is_filled(&full), "{field:?}");
    }
    let blank = ProposalDraft {
        title: " ".to_owned(),
        people: vec![person(PersonRole::Moderator, "Dana Ortiz")],
        ..ProposalDraft::default()
    };
    let filled: Vec<ProposalField> = ProposalField::ALL
        .into_iter()
        .filter(|f| f.is_filled(&blank))
        .collect();
    // A moderator is not an online moderator, and blank text is not filled.
    assert_eq!(filled, vec![ProposalField::Moderator]);
}

#[test]
fn call_for_issues_input_names_each_problem() {
    let good = IssueInput {
        issue: "Meaningful access".to_owned(),
        description: "d".repeat(3000),
        stakeholder_group: "civil_society".to_owned(),
        region: UnRegionalGroup::African,
        name: String::new(),
        email: String::new(),
    };
    assert_eq!(check_issue_input(&good), vec![]);
    let bad = IssueInput {
        issue: "i".repeat(201),
        description: "d".repeat(3001),
        stakeholder_group: " ".to_owned(),
        ..good.clone()
    };
    assert_eq!(
        codes(&check_issue_input(&bad)),
        vec![
            ("issue", "too_long"),
            ("description", "too_long"),
            ("stakeholder_group", "required"),
        ]
    );
    let empty = IssueInput {
        issue: "  ".to_owned(),
        ..good
    };
    assert_eq!(
        codes(&check_issue_input(&empty)),
        vec![("issue", "required")]
    );
}
