//! Tests for `bodies::nominations`: the call window, form validation, eligibility checks,
//! duplicate matching, status changes and merges, table-driven.
use std::collections::BTreeSet;

use super::*;
use crate::bodies::presets;

fn at(text: &str) -> Timestamp {
    text.parse().unwrap()
}

#[test]
fn a_call_is_open_from_its_opening_until_just_before_it_closes() {
    let window = CallWindow::new(at("2026-10-15T00:00:00Z"), at("2026-12-31T00:00:00Z")).unwrap();
    let cases = [
        ("2026-10-14T23:59:59Z", false),
        ("2026-10-15T00:00:00Z", true),
        ("2026-11-22T10:00:00Z", true),
        ("2026-12-30T23:59:59Z", true),
        ("2026-12-31T00:00:00Z", false),
    ];
    for (now, open) in cases {
        assert_eq!(window.is_open_at(at(now)), open, "{now}");
        assert_eq!(check_open(&window, at(now)).is_ok(), open, "{now}");
    }
    let backwards = CallWindow::new(at("2026-12-31T00:00:00Z"), at("2026-10-15T00:00:00Z"));
    assert_eq!(backwards.unwrap_err().code, "closes_before_opening");
}

fn groups() -> Vec<String> {
    [
        "government",
        "intergovernmental",
        "private_sector",
        "civil_society",
        "technical_community",
    ]
    .map(str::to_owned)
    .to_vec()
}

fn countries() -> BTreeSet<String> {
    ["KE", "BR", "FR", "JP"]
        .map(str::to_owned)
        .into_iter()
        .collect()
}

fn valid() -> RawNomination {
    RawNomination {
        self_nomination: false,
        candidate_name: "  Amina Diallo ".into(),
        candidate_email: "Amina@Example.org".into(),
        stakeholder_group: "civil_society".into(),
        country_iso2: "ke".into(),
        gender: "woman".into(),
        organisation: "Open Net Africa".into(),
        statement: "I have run the Kenya IGF for five years.".into(),
        nominator_name: "Kofi Mensah".into(),
        nominator_email: "kofi@example.org".into(),
        endorsements: vec![
            (
                "Civil Society Coordination Group".into(),
                "unanimous".into(),
            ),
            (" ".into(), "".into()),
        ],
    }
}

#[test]
fn a_valid_nomination_is_trimmed_and_normalised() {
    let clean = parse_nomination(&valid(), &groups(), &countries()).unwrap();
    assert_eq!(clean.candidate_name, "Amina Diallo");
    assert_eq!(clean.candidate_email, "amina@example.org");
    assert_eq!(clean.country_iso2, "KE");
    assert_eq!(
        clean.endorsements.len(),
        1,
        "the empty endorsement row is ignored"
    );
    let mut own = valid();
    own.self_nomination = true;
    own.nominator_name.clear();
    own.nominator_email.clear();
    let clean = parse_nomination(&own, &groups(), &countries()).unwrap();
    assert_eq!(
        (
            clean.nominator_name.as_str(),
            clean.nominator_email.as_str()
        ),
        ("Amina Diallo", "amina@example.org")
    );
}

#[test]
fn bad_input_names_every_field_at_once() {
    type Edit = fn(&mut RawNomination);
    type Case = (&'static str, Edit, &'static [(&'static str, &'static str)]);
    let cases: [Case; 8] = [
        (
            "no group",
            |r| r.stakeholder_group.clear(),
            &[("stakeholder_group", "required")],
        ),
        (
            "unknown group",
            |r| r.stakeholder_group = "pirates".into(),
            &[("stakeholder_group", "unknown_stakeholder_group")],
        ),
        (
            "no country",
            |r| r.country_iso2 = " ".into(),
            &[("country", "required")],
        ),
        (
            "unknown country",
            |r| r.country_iso2 = "XX".into(),
            &[("country", "unknown_country")],
        ),
        (
            "long name",
            |r| r.candidate_name = "a".repeat(MAX_NAME + 1),
            &[("candidate_name", "too_long")],
        ),
        (
            "long statement",
            |r| r.statement = "s".repeat(MAX_STATEMENT + 1),
            &[("statement", "too_long")],
        ),
        (
            "bad emails",
            |r| {
                r.candidate_email = "amina".into();
                r.nominator_email = "kofi@".into();
            },
            &[
                ("candidate_email", "not_an_email"),
                ("nominator_email", "not_an_email"),
            ],
        ),
        (
            "everything missing",
            |r| *r = RawNomination::default(),
            &[
                ("candidate_name", "required"),
                ("candidate_email", "required"),
                ("stakeholder_group", "required"),
                ("country", "required"),
                ("nominator_name", "required"),
                ("nominator_email", "required"),
            ],
        ),
    ];
    for (what, edit, expected) in cases {
        let mut raw = valid();
        edit(&mut raw);
        let errors = parse_nomination(&raw, &groups(), &countries()).unwrap_err();
        let got: Vec<(&str, &str)> = errors.iter().map(|e| (e.field, e.code)).collect();
        assert_eq!(got, expected, "{what}");
    }
}

#[test]
fn eligibility_checks_give_a_reason_for_each_rule() {
    let mag = presets::mag(5);
    let forum_groups = groups();
    // (case, group, region, statement, current term, failed checks)
    // (case, group, region, statement, current term, failed checks)
    type Case = (
        &'static str,
        &'static str,
        Option<UnRegionalGroup>,
        &'static str,
        Option<i64>,
        &'static [&'static str],
    );
    let cases: [Case; 7] = [
        (
            "newcomer",
            "civil_society",
            Some(UnRegionalGroup::African),
            "motivated",
            None,
            &[],
        ),
        (
            "renewable member",
            "government",
            Some(UnRegionalGroup::WesternEuropeanAndOthers),
            "again",
            Some(2),
            &[],
        ),
        (
            "term-limited member",
            "government",
            Some(UnRegionalGroup::WesternEuropeanAndOthers),
            "again",
            Some(3),
            &["term_limit"],
        ),
        (
            "no statement",
            "private_sector",
            Some(UnRegionalGroup::AsiaPacific),
            "  ",
            None,
            &["statement"],
        ),
        (
            "group the MAG does not seat",
            "intergovernmental",
            Some(UnRegionalGroup::African),
            "x",
            None,
            &["group_seated"],
        ),
        (
            "group unknown to the forum",
            "pirates",
            Some(UnRegionalGroup::African),
            "x",
            None,
            &["stakeholder_group", "group_seated"],
        ),
        (
            "unknown country",
            "civil_society",
            None,
            "x",
            None,
            &["country"],
        ),
    ];
    for (case, group, region, statement, current_term, failed) in cases {
        let checks = check_eligibility(
            &mag,
            &EligibilityInput {
                stakeholder_group: group,
                forum_groups: &forum_groups,
                region,
                statement,
                current_term,
            },
        );
        let got: Vec<&str> = checks
            .iter()
            .filter(|c| !c.passed)
            .map(|c| c.code)
            .collect();
        assert_eq!(got, failed, "{case}");
        assert!(checks.iter().all(|c| !c.reason.is_empty()), "{case}");
        assert_eq!(all_passed(&checks).is_ok(), failed.is_empty(), "{case}");
    }
    let limited = check_eligibility(
        &mag,
        &EligibilityInput {
            stakeholder_group: "government",
            forum_groups: &forum_groups,
            region: Some(UnRegionalGroup::WesternEuropeanAndOthers),
            statement: "x",
            current_term: Some(3),
        },
    );
    assert_eq!(
        all_passed(&limited).unwrap_err(),
        "currently a member serving term 3 of at most 3 consecutive terms: must rotate out"
    );
}

fn key(name: &str, email: &str, country: &str) -> CandidateKey {
    CandidateKey {
        name: name.into(),
        email: email.into(),
        country_iso2: country.into(),
    }
}

#[test]
fn the_same_candidate_is_the_same_email_or_the_same_name_in_the_same_country() {
    let cases = [
        (
            "same email, other case",
            key("A. Diallo", "Amina@Example.org ", "KE"),
            key("Amina Diallo", "amina@example.org", "SN"),
            true,
        ),
        (
            "same name and country",
            key("Amina  Diallo", "a@one.org", "KE"),
            key("amina diallo", "b@two.org", "ke"),
            true,
        ),
        (
            "punctuation ignored",
            key("Jean-Luc Moreau", "j@one.org", "FR"),
            key("jean luc moreau", "m@two.org", "FR"),
            true,
        ),
        (
            "same name, other country",
            key("Amina Diallo", "a@one.org", "KE"),
            key("Amina Diallo", "b@two.org", "SN"),
            false,
        ),
        (
            "different people",
            key("Amina Diallo", "a@one.org", "KE"),
            key("Kofi Mensah", "k@two.org", "KE"),
            false,
        ),
        (
            "empty emails do not match",
            key("Amina Diallo", "", "KE"),
            key("Kofi Mensah", "", "KE"),
            false,
        ),
    ];
    for (case, a, b, same) in cases {
        assert_eq!(same_candidate(&a, &b), same, "{case}");
        assert_eq!(same_candidate(&b, &a), same, "{case} (reversed)");
    }
    let list = [
        key("Amina Diallo", "a@one.org", "KE"),
        key("Kofi Mensah", "k@two.org", "GH"),
        key("amina diallo", "other@x.org", "KE"),
        key("K. Mensah", "K@two.org", "GH"),
    ];
    assert_eq!(duplicate_pairs(&list), vec![(0, 2), (1, 3)]);
}

#[test]
fn status_changes_and_merges_follow_the_rules() {
    use NominationStatus::*;
    let pass = || Ok(());
    let fail = || Err("the statement of motivation is missing".to_owned());
    type Case = (
        NominationStatus,
        NominationStatus,
        Result<(), String>,
        Result<NominationStatus, &'static str>,
    );
    let cases: [Case; 7] = [
        (Submitted, Eligible, pass(), Ok(Eligible)),
        (Submitted, Eligible, fail(), Err("fails_eligibility_checks")),
        (Submitted, Ineligible, fail(), Ok(Ineligible)),
        (Eligible, Withdrawn, pass(), Ok(Withdrawn)),
        (Withdrawn, Submitted, pass(), Ok(Submitted)),
        (Submitted, Merged, pass(), Err("merge_only_by_merging")),
        (Merged, Submitted, pass(), Err("nomination_merged")),
    ];
    for (from, to, checks, expected) in cases {
        let got = change_status(from, to, checks).map_err(|e| e.code());
        assert_eq!(got, expected, "{from:?} -> {to:?}");
    }
    let a = key("Amina Diallo", "a@one.org", "KE");
    let b = key("amina diallo", "b@two.org", "KE");
    let c = key("Kofi Mensah", "k@two.org", "GH");
    assert_eq!(check_merge((1, Submitted, &a), (2, Eligible, &b)), Ok(()));
    assert_eq!(
        check_merge((1, Submitted, &a), (1, Submitted, &a)),
        Err(NominationError::MergeIntoItself)
    );
    assert_eq!(
        check_merge((1, Submitted, &a), (3, Submitted, &c)),
        Err(NominationError::NotTheSameCandidate)
    );
    assert_eq!(
        check_merge((1, Merged, &a), (2, Submitted, &b)),
        Err(NominationError::AlreadyMerged)
    );
}

#[test]
fn scores_are_whole_numbers_from_0_to_100_or_empty() {
    let cases = [
        ("", Ok(None)),
        (" 0 ", Ok(Some(0))),
        ("100", Ok(Some(100))),
        ("101", Err("bad_score")),
        ("-1", Err("bad_score")),
        ("7.5", Err("bad_score")),
        ("high", Err("bad_score")),
    ];
    for (raw, expected) in cases {
        assert_eq!(parse_score(raw).map_err(|e| e.code), expected, "{raw:?}");
    }
    for status in NominationStatus::ALL {
        assert_eq!(NominationStatus::parse(status.code()), Ok(status));
    }
    assert_eq!(
        NominationStatus::parse("lost").unwrap_err().code,
        "unknown_status"
    );
}
