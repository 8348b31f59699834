//! Tests for `calls::review`: the evaluation set-up (defaults, presets, every bad value of
//! `check`), conflict reasons and `detect_conflicts` (each rule, near misses, empty values),
//! `check_review` (scale, criteria, weights, reasons, merge partners, comment length, every
//! problem at once), `synthesise` (hand-computed numbers, lenient and harsh reviewers,
//! degenerate reviewers, order independence) and `merge_suggestions` (the stemmer, the
//! threshold, the per-proposal limit, ordering, a 1,200-document corpus).

use super::*;
use crate::calls::tests::{person, setup};
use crate::calls::{CycleSetup, PersonRole};

fn codes(errors: &[FieldError]) -> Vec<(&'static str, &'static str)> {
    errors.iter().map(|e| (e.field, e.code)).collect()
}

fn criterion(code: &str, weight: u32) -> Criterion {
    Criterion {
        code: code.to_owned(),
        name: code.to_uppercase(),
        description: String::new(),
        weight,
    }
}

fn evaluation() -> EvaluationSetup {
    setup().evaluation
}

fn weighted() -> EvaluationSetup {
    EvaluationSetup {
        criteria: vec![
            criterion("relevance", 2),
            criterion("content", 1),
            criterion("format", 1),
        ],
        ..evaluation()
    }
}

// ---------------------------------------------------------------- set-up

#[test]
fn the_defaults_evaluate_mag_types_with_one_group_per_issue_area() {
    let cycle = setup();
    let e = &cycle.evaluation;
    assert_eq!(e.session_types, vec!["workshop".to_owned()]);
    assert_eq!(
        e.groups,
        vec![
            EvaluationGroup {
                code: "digital_divides".to_owned(),
                name: "Digital Divides & Inclusion".to_owned(),
                issue_areas: vec!["digital_divides".to_owned()],
            },
            EvaluationGroup {
                code: "data_governance".to_owned(),
                name: "Data Governance & Trust".to_owned(),
                issue_areas: vec!["data_governance".to_owned()],
            },
        ]
    );
    assert_eq!(e.reviews_per_proposal, 3);
    assert_eq!(e.load_target, None);
    assert_eq!(e.load_cap, 70);
    assert_eq!((e.min_stakeholder_groups, e.min_regions), (2, 2));
    assert_eq!((e.scale_min, e.scale_max), (1, 5));
    assert!(e.criteria.is_empty());
    assert_eq!(e.reasons_required_at_or_below, 3);
    assert_eq!(e.low_score_reasons, standard_low_score_reasons());
    assert_eq!(e.reviews_due, None);
    assert_eq!(
        e.visibility,
        Visibility {
            proposer_identity: false,
            developing_country: true,
            first_time: true,
        }
    );
    assert!(e.check(&cycle).is_empty(), "{:?}", e.check(&cycle));
}

#[test]
fn the_standard_reasons_are_the_igf_list() {
    let reasons = standard_low_score_reasons();
    let codes: Vec<&str> = reasons.iter().map(|r| r.code.as_str()).collect();
    assert_eq!(
        codes,
        [
            "not_relevant",
            "policy_question_unclear",
            "format_mismatch",
            "lacks_diversity",
            "incomplete_speakers",
            "duplicates_other",
            "other",
        ]
    );
    assert!(reasons[0].label.contains("Internet governance"));
}

#[test]
fn evaluates_group_for_due_and_score_codes() {
    let cycle = setup();
    let mut e = cycle.evaluation.clone();
    assert!(e.evaluates("workshop"));
    assert!(!e.evaluates("open_forum"));
    assert!(!e.evaluates(""));
    assert_eq!(
        e.group_for("data_governance").map(|g| g.code.as_str()),
        Some("data_governance")
    );
    assert_eq!(e.group_for("space"), None);
    assert_eq!(e.due(&cycle.dates), cycle.dates.evaluation_due);
    let earlier = crate::calls::tests::at("2026-06-14T12:00:00Z");
    e.reviews_due = Some(earlier);
    assert_eq!(e.due(&cycle.dates), earlier);
    assert_eq!(e.score_codes(), vec![OVERALL.to_owned()]);
    assert_eq!(weighted().score_codes(), ["relevance", "content", "format"]);
}

#[test]
fn a_group_may_cover_several_issue_areas() {
    let mut cycle = setup();
    cycle.evaluation.groups = vec![EvaluationGroup {
        code: "all".to_owned(),
        name: "Everything".to_owned(),
        issue_areas: vec!["digital_divides".to_owned(), "data_governance".to_owned()],
    }];
    assert!(cycle.check().is_empty(), "{:?}", cycle.check());
    assert_eq!(
        cycle
            .evaluation
            .group_for("digital_divides")
            .map(|g| g.code.as_str()),
        Some("all")
    );
}

#[test]
fn every_preset_has_its_criteria_and_checks_clean() {
    let cycle = setup();
    for (name, count, first) in [
        ("igf2016", 4, "Relevance"),
        ("igf2018", 6, "Content and description"),
        ("igf2023", 6, "Proposed topic"),
    ] {
        let e = presets::setup(name, &cycle.session_types, &cycle.issue_areas).unwrap();
        assert_eq!(e.criteria.len(), count, "{name}");
        assert_eq!(e.criteria[0].name, first, "{name}");
        assert!(e.criteria.iter().all(|c| c.weight == 1), "{name}");
        let with = CycleSetup {
            evaluation: e,
            ..cycle.clone()
        };
        assert!(with.check().is_empty(), "{name}: {:?}", with.check());
    }
    let names: Vec<String> = presets::criteria("igf2016")
        .unwrap()
        .into_iter()
        .map(|c| c.code)
        .collect();
    assert_eq!(names, ["relevance", "content", "diversity", "format"]);
    assert_eq!(presets::criteria("igf1999"), None);
    assert_eq!(presets::setup("igf1999", &[], &[]), None);
}

#[test]
fn every_bad_evaluation_value_is_named() {
    type Change = fn(&mut EvaluationSetup);
    let cases: Vec<(&str, Change, &str, &str)> = vec![
        (
            "unknown session type",
            |e| e.session_types.push("keynote".to_owned()),
            "evaluation.session_types",
            "unknown_session_type",
        ),
        (
            "session type twice",
            |e| e.session_types.push("workshop".to_owned()),
            "evaluation.session_types",
            "duplicate",
        ),
        (
            "bad group code",
            |e| e.groups[0].code = "Group 1".to_owned(),
            "evaluation.groups",
            "bad_code",
        ),
        (
            "group twice",
            |e| e.groups[1].code = e.groups[0].code.clone(),
            "evaluation.groups",
            "duplicate",
        ),
        (
            "group without a name",
            |e| e.groups[0].name = "  ".to_owned(),
            "evaluation.groups",
            "required",
        ),
        (
            "group without areas",
            |e| e.groups[0].issue_areas.clear(),
            "evaluation.groups",
            "empty_group",
        ),
        (
            "group with an unknown area",
            |e| e.groups[0].issue_areas.push("space".to_owned()),
            "evaluation.groups",
            "unknown_issue_area",
        ),
        (
            "area in two groups",
            |e| e.groups[1].issue_areas.push("digital_divides".to_owned()),
            "evaluation.groups",
            "area_in_two_groups",
        ),
        (
            "no reviews",
            |e| e.reviews_per_proposal = 0,
            "evaluation.reviews_per_proposal",
            "out_of_range",
        ),
        (
            "too many reviews",
            |e| e.reviews_per_proposal = MAX_REVIEWS_PER_PROPOSAL + 1,
            "evaluation.reviews_per_proposal",
            "out_of_range",
        ),
        (
            "no load",
            |e| e.load_cap = 0,
            "evaluation.load_cap",
            "out_of_range",
        ),
        (
            "target above cap",
            |e| e.load_target = Some(71),
            "evaluation.load_target",
            "out_of_range",
        ),
        (
            "target zero",
            |e| e.load_target = Some(0),
            "evaluation.load_target",
            "out_of_range",
        ),
        (
            "more groups than reviewers",
            |e| e.min_stakeholder_groups = 4,
            "evaluation.min_stakeholder_groups",
            "out_of_range",
        ),
        (
            "more regions than reviewers",
            |e| e.min_regions = 4,
            "evaluation.min_regions",
            "out_of_range",
        ),
        (
            "empty scale",
            |e| e.scale_min = 5,
            "evaluation.scale",
            "bad_scale",
        ),
        (
            "downward scale",
            |e| {
                e.scale_min = 5;
                e.scale_max = 1;
                e.reasons_required_at_or_below = 0;
            },
            "evaluation.scale",
            "bad_scale",
        ),
        (
            "scale too long",
            |e| e.scale_max = MAX_SCALE + 1,
            "evaluation.scale",
            "bad_scale",
        ),
        (
            "criterion code",
            |e| e.criteria.push(criterion("Relevance!", 1)),
            "evaluation.criteria",
            "bad_code",
        ),
        (
            "criterion named overall",
            |e| e.criteria.push(criterion("overall", 1)),
            "evaluation.criteria",
            "bad_code",
        ),
        (
            "criterion twice",
            |e| {
                e.criteria.push(criterion("format", 1));
                e.criteria.push(criterion("format", 2));
            },
            "evaluation.criteria",
            "duplicate",
        ),
        (
            "criterion without a name",
            |e| {
                e.criteria.push(Criterion {
                    name: String::new(),
                    ..criterion("format", 1)
                });
            },
            "evaluation.criteria",
            "required",
        ),
        (
            "criterion without weight",
            |e| e.criteria.push(criterion("format", 0)),
            "evaluation.criteria",
            "bad_weight",
        ),
        (
            "too many criteria",
            |e| {
                e.criteria = (0..=MAX_CRITERIA)
                    .map(|i| criterion(&format!("c{i}"), 1))
                    .collect();
            },
            "evaluation.criteria",
            "too_many",
        ),
        (
            "reason threshold above the scale",
            |e| e.reasons_required_at_or_below = 6,
            "evaluation.reasons_required_at_or_below",
            "out_of_range",
        ),
        (
            "reason code",
            |e| e.low_score_reasons[0].code = "Not relevant".to_owned(),
            "evaluation.low_score_reasons",
            "bad_code",
        ),
        (
            "reason twice",
            |e| e.low_score_reasons[1].code = "not_relevant".to_owned(),
            "evaluation.low_score_reasons",
            "duplicate",
        ),
        (
            "reason without a label",
            |e| e.low_score_reasons[0].label = String::new(),
            "evaluation.low_score_reasons",
            "required",
        ),
        (
            "reasons required but none listed",
            |e| e.low_score_reasons.clear(),
            "evaluation.low_score_reasons",
            "required",
        ),
        (
            "due before screening",
            |e| e.reviews_due = Some(crate::calls::tests::at("2026-05-30T00:00:00Z")),
            "evaluation.reviews_due",
            "date_order",
        ),
        (
            "due after notification",
            |e| e.reviews_due = Some(crate::calls::tests::at("2026-07-06T00:00:00Z")),
            "evaluation.reviews_due",
            "date_order",
        ),
    ];
    for (what, change, field, code) in cases {
        let mut cycle = setup();
        change(&mut cycle.evaluation);
        let errors = cycle.evaluation.check(&cycle);
        assert_eq!(codes(&errors), [(field, code)], "{what}: {errors:?}");
        // `CycleSetup::check` reports it too.
        assert!(
            cycle
                .check()
                .iter()
                .any(|e| e.field == field && e.code == code),
            "{what}"
        );
    }
}

#[test]
fn boundary_values_of_the_set_up_are_accepted() {
    let mut cycle = setup();
    let e = &mut cycle.evaluation;
    e.session_types.clear();
    e.groups.clear();
    e.reviews_per_proposal = MAX_REVIEWS_PER_PROPOSAL;
    e.load_cap = 1;
    e.load_target = Some(1);
    e.min_stakeholder_groups = MAX_REVIEWS_PER_PROPOSAL;
    e.min_regions = 0;
    e.scale_min = 0;
    e.scale_max = MAX_SCALE;
    e.reasons_required_at_or_below = MAX_SCALE;
    e.criteria = (0..MAX_CRITERIA)
        .map(|i| criterion(&format!("c{i}"), 1))
        .collect();
    e.reviews_due = Some(cycle.dates.screening_due);
    assert!(cycle.check().is_empty(), "{:?}", cycle.check());
    cycle.evaluation.reviews_due = Some(cycle.dates.notification);
    cycle.evaluation.low_score_reasons.clear();
    cycle.evaluation.reasons_required_at_or_below = 0;
    cycle.evaluation.scale_min = 1;
    assert!(cycle.check().is_empty(), "{:?}", cycle.check());
}

// ---------------------------------------------------------------- conflicts

#[test]
fn conflict_reason_codes_round_trip() {
    for reason in ConflictReason::ALL {
        assert_eq!(ConflictReason::parse(reason.code()), Ok(reason));
        assert_eq!(
            ConflictReason::parse(&format!(" {} ", reason.code())),
            Ok(reason)
        );
        assert!(!reason.label().is_empty());
        assert_eq!(
            reason.declarable(),
            ConflictReason::DECLARABLE.contains(&reason)
        );
    }
    let declarable: Vec<&str> = ConflictReason::ALL
        .into_iter()
        .filter(|r| r.declarable())
        .map(ConflictReason::code)
        .collect();
    assert_eq!(
        declarable,
        [
            "listed_as_speaker",
            "own_employer",
            "affiliated_network",
            "other"
        ]
    );
    assert_eq!(
        ConflictReason::parse("bribed").unwrap_err().code,
        "unknown_reason"
    );
    assert_eq!(
        ConflictReason::parse("").unwrap_err().code,
        "unknown_reason"
    );
    assert_eq!(
        ConflictReason::parse_declarable("own_employer"),
        Ok(ConflictReason::OwnEmployer)
    );
    assert_eq!(
        ConflictReason::parse_declarable("same_delegation")
            .unwrap_err()
            .code,
        "not_declarable"
    );
    assert_eq!(
        ConflictReason::parse_declarable("nope").unwrap_err().code,
        "unknown_reason"
    );
}

fn reviewer() -> ReviewerProfile {
    ReviewerProfile {
        name: "Rita Reviewer".to_owned(),
        email: "Rita@Example.net".to_owned(),
        organisation: "Example Foundation".to_owned(),
        stakeholder_group: "civil_society".to_owned(),
        country_iso2: "JP".to_owned(),
    }
}

fn listed(role: PersonRole, name: &str, organisation: &str) -> ProposalPerson {
    ProposalPerson {
        organisation: organisation.to_owned(),
        ..person(role, name)
    }
}

fn reasons_of(found: &[DetectedConflict]) -> Vec<ConflictReason> {
    found.iter().map(|c| c.reason).collect()
}

#[test]
fn no_conflict_without_a_shared_organisation_listing_or_delegation() {
    let people = [
        listed(PersonRole::Organiser, "Olu Organiser", "Other Institute"),
        listed(PersonRole::Speaker, "Sam Speaker", "Third Org"),
    ];
    assert!(
        detect_conflicts(&reviewer(), &people, "olu@example.org", "Other Institute").is_empty()
    );
    assert!(detect_conflicts(&reviewer(), &[], "", "").is_empty());
}

#[test]
fn same_organisation_as_an_organiser_speaker_or_submitter() {
    let people = [
        listed(PersonRole::Organiser, "Olu", "  example   FOUNDATION "),
        listed(PersonRole::Speaker, "Sam", "Example Foundation"),
        listed(PersonRole::Speaker, "Sue", "Example Foundation"),
    ];
    let found = detect_conflicts(&reviewer(), &people, "olu@example.org", "");
    assert_eq!(reasons_of(&found), [ConflictReason::SameOrganisation]);
    assert_eq!(found[0].detail, "Example Foundation (organiser, speaker)");
    assert!(!found[0].detail.contains("Olu"), "no names in the detail");

    let found = detect_conflicts(&reviewer(), &[], "x@example.org", "EXAMPLE foundation");
    assert_eq!(reasons_of(&found), [ConflictReason::SameOrganisation]);
    assert_eq!(found[0].detail, "Example Foundation (submitter)");
}

#[test]
fn organisations_of_moderators_and_empty_organisations_do_not_count() {
    let people = [
        listed(PersonRole::Moderator, "Mo", "Example Foundation"),
        listed(PersonRole::Rapporteur, "Ra", "Example Foundation"),
        listed(PersonRole::Speaker, "Sam", ""),
    ];
    assert!(detect_conflicts(&reviewer(), &people, "", "").is_empty());
    let no_org = ReviewerProfile {
        organisation: "   ".to_owned(),
        ..reviewer()
    };
    assert!(detect_conflicts(&no_org, &people, "", "").is_empty());
    // "Example Foundation Kenya" is another organisation.
    let people = [listed(
        PersonRole::Speaker,
        "Sam",
        "Example Foundation Kenya",
    )];
    assert!(detect_conflicts(&reviewer(), &people, "", "").is_empty());
}

#[test]
fn a_reviewer_listed_in_the_proposal_by_email_or_name() {
    let by_email = ProposalPerson {
        email: " rita@example.NET ".to_owned(),
        ..listed(PersonRole::Moderator, "R. R.", "")
    };
    let found = detect_conflicts(&reviewer(), &[by_email], "", "");
    assert_eq!(reasons_of(&found), [ConflictReason::ListedInProposal]);
    assert_eq!(found[0].detail, "listed as moderator");

    let by_name = listed(PersonRole::OnlineModerator, "rita   REVIEWER", "");
    let speaker = listed(PersonRole::Speaker, "Rita Reviewer", "");
    let found = detect_conflicts(&reviewer(), &[by_name, speaker], "", "");
    assert_eq!(reasons_of(&found), [ConflictReason::ListedInProposal]);
    assert_eq!(found[0].detail, "listed as online moderator, speaker");

    let found = detect_conflicts(&reviewer(), &[], "RITA@example.net", "");
    assert_eq!(reasons_of(&found), [ConflictReason::ListedInProposal]);
    assert_eq!(found[0].detail, "listed as submitter");
}

#[test]
fn empty_reviewer_names_and_emails_match_nobody() {
    let anonymous = ReviewerProfile {
        name: " ".to_owned(),
        email: String::new(),
        organisation: String::new(),
        ..reviewer()
    };
    let people = [listed(PersonRole::Speaker, "Sam", "")];
    assert!(detect_conflicts(&anonymous, &people, "", "").is_empty());
    // Someone else with another e-mail but the same name is still the reviewer's name.
    let namesake = ProposalPerson {
        email: "other@example.org".to_owned(),
        ..listed(PersonRole::Speaker, "Rita Reviewer", "")
    };
    assert_eq!(
        reasons_of(&detect_conflicts(&reviewer(), &[namesake], "", "")),
        [ConflictReason::ListedInProposal]
    );
}

#[test]
fn same_government_delegation() {
    let official = ReviewerProfile {
        stakeholder_group: "government".to_owned(),
        organisation: "Ministry of Communications".to_owned(),
        ..reviewer()
    };
    let gov = |country: &str| ProposalPerson {
        stakeholder_group: "Government".to_owned(),
        country_iso2: country.to_owned(),
        ..listed(PersonRole::Speaker, "Gov Speaker", "Digital Agency")
    };
    let found = detect_conflicts(&official, &[gov("jp")], "", "");
    assert_eq!(reasons_of(&found), [ConflictReason::SameDelegation]);
    assert_eq!(found[0].detail, "government of JP (speaker)");
    // Another country, or a non-government person of the same country: no conflict.
    assert!(detect_conflicts(&official, &[gov("KE")], "", "").is_empty());
    let citizen = ProposalPerson {
        country_iso2: "JP".to_owned(),
        stakeholder_group: "civil_society".to_owned(),
        ..listed(PersonRole::Speaker, "Civ", "")
    };
    assert!(detect_conflicts(&official, &[citizen], "", "").is_empty());
    // A non-government reviewer of the same country: no conflict.
    assert!(detect_conflicts(&reviewer(), &[gov("JP")], "", "").is_empty());
    // A government reviewer without a country: no conflict.
    let stateless = ReviewerProfile {
        country_iso2: String::new(),
        ..official
    };
    let no_country = gov("");
    assert!(detect_conflicts(&stateless, &[no_country], "", "").is_empty());
}

#[test]
fn every_detected_reason_comes_once_in_order() {
    let official = ReviewerProfile {
        stakeholder_group: "government".to_owned(),
        ..reviewer()
    };
    let me = ProposalPerson {
        stakeholder_group: "government".to_owned(),
        country_iso2: "JP".to_owned(),
        ..listed(PersonRole::Organiser, "Rita Reviewer", "Example Foundation")
    };
    let colleague = ProposalPerson {
        stakeholder_group: "government".to_owned(),
        country_iso2: "JP".to_owned(),
        ..listed(PersonRole::Speaker, "Col League", "Example Foundation")
    };
    let found = detect_conflicts(&official, &[me, colleague], "rita@example.net", "");
    assert_eq!(
        reasons_of(&found),
        [
            ConflictReason::SameOrganisation,
            ConflictReason::ListedInProposal,
            ConflictReason::SameDelegation,
        ]
    );
    assert_eq!(found[1].detail, "listed as submitter, organiser");
    assert_eq!(found[2].detail, "government of JP (organiser, speaker)");
}

// ---------------------------------------------------------------- check_review

fn overall(score: u32) -> ReviewInput {
    ReviewInput {
        scores: vec![(OVERALL.to_owned(), score)],
        ..ReviewInput::default()
    }
}

fn with_reason(mut input: ReviewInput, reason: &str) -> ReviewInput {
    input.reasons.push(reason.to_owned());
    input
}

#[test]
fn a_complete_overall_review_gives_its_score() {
    let e = evaluation();
    assert_eq!(check_review(&e, &overall(4), true), Ok(Some(4.0)));
    assert_eq!(check_review(&e, &overall(5), false), Ok(Some(5.0)));
    assert_eq!(check_review(&e, &overall(1), false), Ok(Some(1.0)));
}

#[test]
fn a_draft_may_lack_scores_but_a_submission_may_not() {
    let e = evaluation();
    let empty = ReviewInput::default();
    assert_eq!(check_review(&e, &empty, false), Ok(None));
    let errors = check_review(&e, &empty, true).unwrap_err();
    assert_eq!(codes(&errors), [("scores", "required")]);
    assert!(errors[0].problem.contains("overall"), "{errors:?}");
}

#[test]
fn scores_outside_the_scale_are_refused() {
    let e = evaluation();
    for score in [0, 6, 100, u32::MAX] {
        for submit in [false, true] {
            let errors = check_review(&e, &overall(score), submit).unwrap_err();
            assert!(
                codes(&errors).contains(&("scores", "out_of_range")),
                "{score}: {errors:?}"
            );
        }
    }
    let wide = EvaluationSetup {
        scale_min: 0,
        scale_max: 10,
        reasons_required_at_or_below: 0,
        ..evaluation()
    };
    assert_eq!(check_review(&wide, &overall(0), true), Ok(Some(0.0)));
    assert_eq!(check_review(&wide, &overall(10), true), Ok(Some(10.0)));
    assert!(check_review(&wide, &overall(11), true).is_err());
}

#[test]
fn unknown_and_repeated_criteria_are_refused() {
    let e = evaluation();
    let input = ReviewInput {
        scores: vec![("relevance".to_owned(), 4)],
        ..ReviewInput::default()
    };
    let errors = check_review(&e, &input, false).unwrap_err();
    assert_eq!(codes(&errors), [("scores", "unknown_criterion")]);
    let twice = ReviewInput {
        scores: vec![(OVERALL.to_owned(), 4), (OVERALL.to_owned(), 5)],
        ..ReviewInput::default()
    };
    let errors = check_review(&e, &twice, false).unwrap_err();
    assert_eq!(codes(&errors), [("scores", "duplicate")]);
    // With criteria, "overall" is not a score of its own.
    let errors = check_review(&weighted(), &overall(4), false).unwrap_err();
    assert_eq!(codes(&errors), [("scores", "unknown_criterion")]);
}

#[test]
fn the_overall_score_is_the_weighted_mean_of_the_criteria() {
    let e = weighted();
    let input = ReviewInput {
        scores: vec![
            ("format".to_owned(), 1),
            ("relevance".to_owned(), 5),
            ("content".to_owned(), 3),
        ],
        ..ReviewInput::default()
    };
    // (2 × 5 + 3 + 1) / 4
    assert_eq!(check_review(&e, &input, true), Ok(Some(3.5)));
    let partial = ReviewInput {
        scores: vec![("relevance".to_owned(), 5)],
        ..ReviewInput::default()
    };
    assert_eq!(check_review(&e, &partial, false), Ok(None));
    let errors = check_review(&e, &partial, true).unwrap_err();
    assert_eq!(codes(&errors), [("scores", "required")]);
    assert!(errors[0].problem.contains("content, format"), "{errors:?}");
}

#[test]
fn a_low_submitted_score_needs_a_standard_reason() {
    let e = evaluation();
    for score in [1, 2, 3] {
        let errors = check_review(&e, &overall(score), true).unwrap_err();
        assert_eq!(codes(&errors), [("reasons", "reason_required")], "{score}");
        assert_eq!(
            check_review(&e, &with_reason(overall(score), "lacks_diversity"), true),
            Ok(Some(f64::from(score)))
        );
        // A draft may wait for its reasons.
        assert_eq!(
            check_review(&e, &overall(score), false),
            Ok(Some(f64::from(score)))
        );
    }
    assert_eq!(check_review(&e, &overall(4), true), Ok(Some(4.0)));
    // A high score may still carry reasons.
    assert_eq!(
        check_review(&e, &with_reason(overall(5), "other"), true),
        Ok(Some(5.0))
    );
    // The threshold applies to the weighted overall score: 3.5 needs none, 3 does.
    let w = weighted();
    let scores = |r, c, f| ReviewInput {
        scores: vec![
            ("relevance".to_owned(), r),
            ("content".to_owned(), c),
            ("format".to_owned(), f),
        ],
        ..ReviewInput::default()
    };
    assert_eq!(check_review(&w, &scores(5, 3, 1), true), Ok(Some(3.5)));
    let errors = check_review(&w, &scores(4, 3, 1), true).unwrap_err();
    assert_eq!(codes(&errors), [("reasons", "reason_required")]);
    assert!(errors[0].problem.contains("of 3 needs"), "{errors:?}");
    // Switched off.
    let off = EvaluationSetup {
        reasons_required_at_or_below: 0,
        ..evaluation()
    };
    assert_eq!(check_review(&off, &overall(1), true), Ok(Some(1.0)));
}

#[test]
fn unknown_and_repeated_reasons_are_refused() {
    let e = evaluation();
    let errors = check_review(&e, &with_reason(overall(2), "boring"), true).unwrap_err();
    assert_eq!(codes(&errors), [("reasons", "unknown_reason")]);
    let twice = with_reason(with_reason(overall(2), "other"), "other");
    let errors = check_review(&e, &twice, true).unwrap_err();
    assert_eq!(codes(&errors), [("reasons", "duplicate")]);
}

#[test]
fn merge_partners_need_the_merge_flag_and_good_numbers() {
    let e = evaluation();
    let mut input = overall(4);
    input.merge_with = vec![12, 40];
    let errors = check_review(&e, &input, true).unwrap_err();
    assert_eq!(codes(&errors), [("merge_with", "not_merge_candidate")]);
    input.merge_candidate = true;
    assert_eq!(check_review(&e, &input, true), Ok(Some(4.0)));
    // The flag alone is fine.
    input.merge_with.clear();
    assert_eq!(check_review(&e, &input, true), Ok(Some(4.0)));
    input.merge_with = vec![0, 7, 7];
    let errors = check_review(&e, &input, true).unwrap_err();
    assert_eq!(
        codes(&errors),
        [("merge_with", "bad_number"), ("merge_with", "duplicate")]
    );
    input.merge_with = (1..=MAX_MERGE_WITH as u32 + 1).collect();
    let errors = check_review(&e, &input, true).unwrap_err();
    assert_eq!(codes(&errors), [("merge_with", "too_many")]);
}

#[test]
fn the_comment_is_limited_in_characters_not_bytes() {
    let e = evaluation();
    let mut input = overall(4);
    input.comment = "é".repeat(MAX_COMMENT);
    assert_eq!(check_review(&e, &input, true), Ok(Some(4.0)));
    input.comment.push('x');
    let errors = check_review(&e, &input, true).unwrap_err();
    assert_eq!(codes(&errors), [("comment", "too_long")]);
    assert!(errors[0].problem.contains("5001"), "{errors:?}");
}

#[test]
fn every_problem_of_a_review_is_reported_at_once() {
    let e = weighted();
    let input = ReviewInput {
        scores: vec![
            ("relevance".to_owned(), 9),
            ("relevance".to_owned(), 2),
            ("wow".to_owned(), 5),
        ],
        reasons: vec!["meh".to_owned()],
        comment: "x".repeat(MAX_COMMENT + 1),
        merge_candidate: false,
        merge_with: vec![3],
    };
    let errors = check_review(&e, &input, true).unwrap_err();
    assert_eq!(
        codes(&errors),
        [
            ("scores", "out_of_range"),
            ("scores", "duplicate"),
            ("scores", "unknown_criterion"),
            ("scores", "required"),
            ("reasons", "unknown_reason"),
            ("comment", "too_long"),
            ("merge_with", "not_merge_candidate"),
        ]
    );
}

#[test]
fn scores_are_shown_with_at_most_two_decimals() {
    assert_eq!(format_score(3.0), "3");
    assert_eq!(format_score(3.5), "3.5");
    assert_eq!(format_score(8.0 / 3.0), "2.67");
    assert_eq!(format_score(10.0), "10");
}

// ---------------------------------------------------------------- synthesise

fn rec(proposal: i64, reviewer: i64, score: f64) -> ScoreRecord {
    ScoreRecord {
        proposal,
        reviewer,
        score,
    }
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-9
}

fn scores_of(s: &Synthesis, proposal: i64) -> &ProposalScores {
    s.proposals.iter().find(|p| p.proposal == proposal).unwrap()
}

#[test]
fn nothing_to_synthesise() {
    assert_eq!(synthesise(&[]), Synthesis::default());
    let only_nan = [rec(1, 1, f64::NAN), rec(1, 2, f64::INFINITY)];
    assert_eq!(synthesise(&only_nan), Synthesis::default());
}

#[test]
fn raw_and_normalised_means_by_hand() {
    // Reviewer 10 gives 5, 4, 3 and reviewer 20 gives 3, 2, 1 to proposals 1, 2, 3: both
    // rank alike, 10 is two points more lenient. Global: mean 3, sd sqrt(2), median 3,
    // MAD 1.
    let records = [
        rec(1, 10, 5.0),
        rec(2, 10, 4.0),
        rec(3, 10, 3.0),
        rec(1, 20, 3.0),
        rec(2, 20, 2.0),
        rec(3, 20, 1.0),
    ];
    let s = synthesise(&records);
    let ids: Vec<i64> = s.proposals.iter().map(|p| p.proposal).collect();
    assert_eq!(ids, [1, 2, 3]);
    let p1 = scores_of(&s, 1);
    assert_eq!(p1.count, 2);
    assert!(close(p1.mean, 4.0));
    assert!(close(p1.spread, 2.0f64.sqrt()));
    assert_eq!((p1.min, p1.max), (3.0, 5.0));
    // Each review of proposal 1 is one sd above its reviewer's mean: z = 1.
    assert!(close(p1.z_mean, 3.0 + 2.0f64.sqrt()), "{p1:?}");
    // Robust: (x − median) / 1.4826·MAD = 1 / 1.4826, mapped back × 1.4826 + 3.
    assert!(close(p1.robust_mean, 4.0), "{p1:?}");
    let p2 = scores_of(&s, 2);
    assert!(close(p2.mean, 3.0) && close(p2.z_mean, 3.0) && close(p2.robust_mean, 3.0));
    let p3 = scores_of(&s, 3);
    assert!(close(p3.z_mean, 3.0 - 2.0f64.sqrt()) && close(p3.robust_mean, 2.0));

    assert_eq!(
        s.reviewers,
        vec![
            ReviewerScale {
                reviewer: 10,
                count: 3,
                mean: 4.0,
                sd: 1.0,
                median: 4.0,
                mad: 1.0,
            },
            ReviewerScale {
                reviewer: 20,
                count: 3,
                mean: 2.0,
                sd: 1.0,
                median: 2.0,
                mad: 1.0,
            },
        ]
    );
}

#[test]
fn normalisation_corrects_lenient_and_harsh_reviewers() {
    // Lenient reviewer 1 gives 5, 5, 5 and then 4 to proposal 100 (the worst they saw);
    // harsh reviewer 2 gives 1, 1, 1 and then 2 to proposal 200 (the best they saw).
    let mut records = vec![rec(100, 1, 4.0), rec(200, 2, 2.0)];
    for p in 1..=3 {
        records.push(rec(p, 1, 5.0));
        records.push(rec(10 + p, 2, 1.0));
    }
    let s = synthesise(&records);
    let worst_of_lenient = scores_of(&s, 100);
    let best_of_harsh = scores_of(&s, 200);
    assert!(worst_of_lenient.mean > best_of_harsh.mean);
    assert!(
        worst_of_lenient.z_mean < best_of_harsh.z_mean,
        "{worst_of_lenient:?} {best_of_harsh:?}"
    );
    assert!(worst_of_lenient.robust_mean < best_of_harsh.robust_mean);
}

#[test]
fn reviewers_with_one_score_or_no_spread_contribute_zero() {
    // Reviewer 7 scores once; reviewer 8 gives 4 to everything. Reviewer 9 spreads.
    let records = [
        rec(1, 7, 5.0),
        rec(2, 8, 4.0),
        rec(3, 8, 4.0),
        rec(4, 9, 1.0),
        rec(5, 9, 5.0),
    ];
    let s = synthesise(&records);
    let all = [5.0, 4.0, 4.0, 1.0, 5.0];
    let global_mean = all.iter().sum::<f64>() / 5.0;
    for p in [1, 2, 3] {
        let scores = scores_of(&s, p);
        assert!(close(scores.z_mean, global_mean), "{scores:?}");
        // Global median 4.
        assert!(close(scores.robust_mean, 4.0), "{scores:?}");
        assert_eq!(scores.spread, 0.0);
    }
    assert!(scores_of(&s, 5).z_mean > global_mean);
    assert!(scores_of(&s, 4).z_mean < global_mean);
    let seven = &s.reviewers[0];
    assert_eq!((seven.reviewer, seven.count, seven.sd), (7, 1, 0.0));
    let eight = &s.reviewers[1];
    assert_eq!((eight.sd, eight.mad), (0.0, 0.0));
}

#[test]
fn a_zero_mad_falls_back_to_the_mean_absolute_deviation() {
    // Reviewer 1: 4, 4, 4, 5, 3 — median 4, MAD 0, but not all alike.
    let records = [
        rec(1, 1, 4.0),
        rec(2, 1, 4.0),
        rec(3, 1, 4.0),
        rec(4, 1, 5.0),
        rec(5, 1, 3.0),
    ];
    let s = synthesise(&records);
    assert_eq!(s.reviewers[0].mad, 0.0);
    assert_eq!(s.reviewers[0].median, 4.0);
    // One reviewer: the robust z of 5 is 1 / (1.2533 × 0.4), mapped back with the same
    // scale and median, so the robust mean is the raw score again.
    assert!(close(scores_of(&s, 4).robust_mean, 5.0), "{s:?}");
    assert!(close(scores_of(&s, 5).robust_mean, 3.0), "{s:?}");
    assert!(close(scores_of(&s, 1).robust_mean, 4.0), "{s:?}");
}

#[test]
fn reviewer_medians_and_mads_with_even_counts() {
    let records = [
        rec(1, 3, 1.0),
        rec(2, 3, 2.0),
        rec(3, 3, 4.0),
        rec(4, 3, 5.0),
    ];
    let s = synthesise(&records);
    let r = &s.reviewers[0];
    assert_eq!(r.median, 3.0);
    // Deviations 2, 1, 1, 2: median 1.5.
    assert_eq!(r.mad, 1.5);
    assert!(close(r.sd, (10.0f64 / 3.0).sqrt()));
    assert_eq!(r.mean, 3.0);
}

#[test]
fn the_synthesis_does_not_depend_on_the_order_of_the_records() {
    let mut records = Vec::new();
    let mut x: u64 = 42;
    for p in 1..=40i64 {
        for k in 0..3i64 {
            x = x.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
            let reviewer = (p * 7 + k * 13) % 11;
            records.push(rec(p, reviewer, 1.0 + ((x >> 33) % 5) as f64));
        }
    }
    let forward = synthesise(&records);
    records.reverse();
    let backward = synthesise(&records);
    assert_eq!(forward, backward);
    assert_eq!(forward.proposals.len(), 40);
    assert_eq!(forward.reviewers.len(), 11);
    assert!(
        forward
            .proposals
            .windows(2)
            .all(|w| w[0].proposal < w[1].proposal)
    );
    assert!(
        forward
            .reviewers
            .windows(2)
            .all(|w| w[0].reviewer < w[1].reviewer)
    );
    let total: usize = forward.proposals.iter().map(|p| p.count).sum();
    assert_eq!(total, 120);
}

#[test]
fn non_finite_scores_are_left_out() {
    let records = [rec(1, 1, 4.0), rec(1, 2, f64::NAN), rec(2, 1, 2.0)];
    let s = synthesise(&records);
    assert_eq!(scores_of(&s, 1).count, 1);
    assert_eq!(s.reviewers.len(), 1);
}

// ---------------------------------------------------------------- merge suggestions

#[test]
fn the_stop_word_list_is_sorted_for_binary_search() {
    assert!(STOP_WORDS.windows(2).all(|w| w[0] < w[1]));
    assert!(is_stop_word("the") && is_stop_word("yours") && !is_stop_word("internet"));
}

#[test]
fn the_stemmer_joins_inflected_forms() {
    for (words, stem_wanted) in [
        (
            &[
                "regulation",
                "regulations",
                "regulating",
                "regulatory",
                "regulated",
            ][..],
            "regul",
        ),
        (&["network", "networks", "networking"][..], "network"),
        (&["community", "communities"][..], "commun"),
        (&["governance", "govern", "governing"][..], "govern"),
        (&["inclusion", "inclusive"][..], "inclus"),
        (&["provide", "provided", "providing"][..], "provid"),
        (&["access", "accesses"][..], "access"),
    ] {
        for word in words {
            assert_eq!(stem(word), stem_wanted, "{word}");
        }
    }
    // Short words and words ending in -us, -is, -ss keep their s.
    assert_eq!(stem("bus"), "bus");
    assert_eq!(stem("analysis"), "analysis");
    assert_eq!(stem("ai"), "ai");
    assert_eq!(stem("5g"), "5g");
    // Non-ASCII words are cut only at ASCII suffixes.
    assert_eq!(stem("données"), "donné");
    assert_eq!(stem("éé"), "éé");
}

fn docs(texts: &[(i64, &str)]) -> Vec<(i64, String)> {
    texts.iter().map(|(id, t)| (*id, (*t).to_owned())).collect()
}

fn corpus() -> Vec<(i64, String)> {
    docs(&[
        (
            1,
            "Community networks for rural access. How can community networks close the rural digital divide?",
        ),
        (
            2,
            "Rural community networking: closing the access divide with community networks.",
        ),
        (
            3,
            "Artificial intelligence and human rights: accountability for AI systems.",
        ),
        (
            4,
            "Human rights impact of artificial intelligence systems and AI accountability.",
        ),
        (
            5,
            "Submarine cables, satellites and the resilience of global infrastructure.",
        ),
    ])
}

#[test]
fn alike_proposals_are_suggested_with_their_shared_words() {
    let found = merge_suggestions(&corpus(), 0.3, 3);
    let pairs: Vec<(i64, i64)> = found.iter().map(|m| (m.a, m.b)).collect();
    assert!(pairs.contains(&(1, 2)), "{found:?}");
    assert!(pairs.contains(&(3, 4)), "{found:?}");
    assert!(!pairs.iter().any(|(a, b)| *a == 5 || *b == 5), "{found:?}");
    let networks = found.iter().find(|m| (m.a, m.b) == (1, 2)).unwrap();
    assert!(networks.similarity > 0.3 && networks.similarity <= 1.0);
    assert!(
        networks.shared_terms.contains(&"networks".to_owned()),
        "{networks:?}"
    );
    assert!(networks.shared_terms.contains(&"community".to_owned()));
    assert!(networks.shared_terms.len() <= SHARED_TERMS);
    // Stop words never count as shared.
    assert!(
        found
            .iter()
            .all(|m| !m.shared_terms.iter().any(|t| is_stop_word(t)))
    );
}

#[test]
fn suggestions_are_ordered_by_similarity_then_ids() {
    let found = merge_suggestions(&corpus(), 0.0, 10);
    assert!(found.len() >= 2);
    for w in found.windows(2) {
        assert!(
            w[0].similarity > w[1].similarity
                || (w[0].similarity == w[1].similarity && (w[0].a, w[0].b) < (w[1].a, w[1].b)),
            "{w:?}"
        );
    }
    assert!(found.iter().all(|m| m.a < m.b));
    // Identical texts tie at 1: ordered by ids.
    let same = docs(&[(9, "cyber norms"), (3, "cyber norms"), (5, "cyber norms")]);
    let found = merge_suggestions(&same, 0.99, 5);
    let pairs: Vec<(i64, i64)> = found.iter().map(|m| (m.a, m.b)).collect();
    assert_eq!(pairs, [(3, 5), (3, 9), (5, 9)]);
}

#[test]
fn the_threshold_is_inclusive() {
    let all = merge_suggestions(&corpus(), 0.0, 10);
    let top = all[0].similarity;
    let at = merge_suggestions(&corpus(), top, 10);
    assert_eq!(at.len(), 1);
    assert_eq!((at[0].a, at[0].b), (all[0].a, all[0].b));
    assert!(merge_suggestions(&corpus(), top + 1e-9, 10).is_empty());
    assert!(merge_suggestions(&corpus(), f64::NAN, 10).is_empty());
}

#[test]
fn each_proposal_gets_at_most_max_per_proposal_suggestions() {
    let same: Vec<(i64, String)> = (1..=5)
        .map(|id| (id, format!("data protection and privacy rules, draft {id}")))
        .collect();
    for max in [1, 2, 3] {
        let found = merge_suggestions(&same, 0.1, max);
        let mut per: BTreeMap<i64, usize> = BTreeMap::new();
        for m in &found {
            *per.entry(m.a).or_default() += 1;
            *per.entry(m.b).or_default() += 1;
        }
        assert!(per.values().all(|n| *n <= max), "{max}: {per:?}");
        assert!(!found.is_empty());
    }
    assert_eq!(merge_suggestions(&same, 0.1, 1).len(), 2);
    assert!(merge_suggestions(&same, 0.1, 0).is_empty());
    assert_eq!(merge_suggestions(&same, 0.1, 10).len(), 10);
}

#[test]
fn degenerate_inputs_give_no_suggestions() {
    assert!(merge_suggestions(&[], 0.0, 3).is_empty());
    assert!(merge_suggestions(&docs(&[(1, "cyber norms")]), 0.0, 3).is_empty());
    // Only stop words, punctuation or nothing.
    let empty = docs(&[
        (1, "the and of"),
        (2, "the and of"),
        (3, "!!! ..."),
        (4, ""),
    ]);
    assert!(merge_suggestions(&empty, 0.0, 3).is_empty());
    // The same id twice is never paired with itself.
    let twice = docs(&[(1, "cyber norms"), (1, "cyber norms")]);
    assert!(merge_suggestions(&twice, 0.0, 3).is_empty());
    // Unrelated texts share nothing.
    let apart = docs(&[(1, "spectrum auctions"), (2, "children online safety")]);
    assert!(merge_suggestions(&apart, 0.0, 3).is_empty());
}

/// A deterministic corpus of `n` proposals of 60 words from a 2,000-word vocabulary, with
/// proposal `k * 100` a near copy of proposal `k * 100 + 1` (one word in ten changed).
fn big_corpus(n: i64) -> Vec<(i64, String)> {
    let mut x: u64 = 7;
    let mut next = move || {
        x = x
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        x >> 33
    };
    let mut out: Vec<(i64, String)> = Vec::new();
    for id in 1..=n {
        let text = if id % 100 == 1 && id > 1 {
            let (_, original) = &out[(id - 2) as usize];
            original
                .split(' ')
                .enumerate()
                .map(|(i, w)| {
                    if i % 10 == 0 {
                        format!("other{i}")
                    } else {
                        w.to_owned()
                    }
                })
                .collect::<Vec<_>>()
                .join(" ")
        } else {
            (0..60)
                .map(|_| format!("term{}", next() % 2_000))
                .collect::<Vec<_>>()
                .join(" ")
        };
        out.push((id, text));
    }
    out
}

#[test]
fn a_corpus_of_1200_proposals_finds_its_near_copies() {
    let corpus = big_corpus(1_200);
    let found = merge_suggestions(&corpus, 0.5, 3);
    let pairs: BTreeSet<(i64, i64)> = found.iter().map(|m| (m.a, m.b)).collect();
    let planted: BTreeSet<(i64, i64)> = (1..=11).map(|k| (k * 100, k * 100 + 1)).collect();
    assert_eq!(pairs, planted, "{found:?}");
    assert!(found.iter().all(|m| m.similarity > 0.7));
    assert!(found.iter().all(|m| m.shared_terms.len() == SHARED_TERMS));
}
