//! Tests of `bodies::slate`: CSV errors (each message), duplicate merging, quota construction
//! from the MAG preset, a feasible proposal and an explained infeasible request.

use plenary_domain::bodies::presets;

use super::*;

const MEMBERS_HEADER: &str = "id,name,stakeholder_group,country,gender,seat\n";
const NOMINEES_HEADER: &str =
    "id,name,stakeholder_group,country,gender,score,first_time,nominated_by\n";

fn mag() -> Constitution {
    presets::mag(3)
}

fn nominees_error(body: &str) -> String {
    let text = format!("{NOMINEES_HEADER}{body}");
    match parse_nominees(&mag(), &region_table().unwrap(), &text) {
        Ok(_) => panic!("expected an error for {body:?}"),
        Err(err) => err.to_string(),
    }
}

fn members_error(text: &str) -> String {
    match parse_members(&mag(), &region_table().unwrap(), text) {
        Ok(_) => panic!("expected an error for {text:?}"),
        Err(err) => err.to_string(),
    }
}

#[test]
fn bad_nominee_rows_are_refused_with_file_line_and_column() {
    let cases = [
        (
            "n1,Ana Tovel,,KE,woman,70,true,\n",
            "nominees: line 2, column \"stakeholder_group\": a stakeholder group is missing",
        ),
        (
            "n1,Ana Tovel,civil_society,,woman,70,true,\n",
            "nominees: line 2, column \"country\": a country is missing",
        ),
        (
            "n0,Ben Ardo,government,FR,man,60,false,\nn1,Ana Tovel,civil_society,XQ,woman,70,true,\n",
            "nominees: line 3, column \"country\": \"XQ\" is not an ISO 3166-1 alpha-2 country code Plenary knows",
        ),
        (
            "n1,Ana Tovel,intergovernmental,KE,woman,70,true,\n",
            "nominees: line 2, column \"stakeholder_group\": \"intergovernmental\" is not a stakeholder group of the Multistakeholder Advisory Group (MAG); use one of government, private_sector, civil_society, technical_community",
        ),
        (
            "n1,Ana Tovel,civil_society,KE,woman,high,true,\n",
            "nominees: line 2, column \"score\": \"high\" is not a number",
        ),
        (
            "n1,Ana Tovel,civil_society,KE,woman,101,true,\n",
            "nominees: line 2, column \"score\": the score 101 is outside 0 to 100",
        ),
        (
            "n1,Ana Tovel,civil_society,KE,woman,-1,true,\n",
            "nominees: line 2, column \"score\": the score -1 is outside 0 to 100",
        ),
        (
            "n1,Ana Tovel,civil_society,KE,woman,70,maybe,\n",
            "nominees: line 2, column \"first_time\": \"maybe\" is not true or false",
        ),
    ];
    for (body, expected) in cases {
        assert_eq!(nominees_error(body), expected, "{body:?}");
    }
}

#[test]
fn a_header_without_required_columns_is_refused() {
    let text = "id,name,stakeholder_group,gender\nn1,Ana Tovel,civil_society,woman\n";
    let err = parse_nominees(&mag(), &region_table().unwrap(), text).unwrap_err();
    assert_eq!(
        err.to_string(),
        "nominees: line 1: the header has no \"country\", \"score\" columns; expected id,name,stakeholder_group,country,gender,score"
    );
    assert_eq!(
        members_error("id,name,country,gender\nm1,Ana Tovel,KE,woman\n"),
        "members: line 1: the header has no \"stakeholder_group\" column; expected id,name,stakeholder_group,country,gender"
    );
}

#[test]
fn bad_member_rows_are_refused_and_other_seats_are_not_balanced() {
    assert_eq!(
        members_error(&format!(
            "{MEMBERS_HEADER}m1,Ana Tovel,civil_society,KE,woman,chair\n"
        )),
        "members: line 2, column \"seat\": \"chair\" is not a seat kind; use regular, ex_officio, standing_host_country, observer, vacancy or former"
    );
    assert_eq!(
        members_error(&format!(
            "{MEMBERS_HEADER}m1,Ana Tovel,academia,KE,woman,regular\n"
        )),
        "members: line 2, column \"stakeholder_group\": \"academia\" is not a stakeholder group of the Multistakeholder Advisory Group (MAG); use one of government, private_sector, civil_society, technical_community"
    );
    // An observer from a group the MAG does not seat, and an ex officio member without a
    // country, are fine: only regular seats are balanced.
    let text = format!(
        "{MEMBERS_HEADER}m1,Ana Tovel,intergovernmental,CH,woman,observer\nm2,Ben Ardo,government,,man,ex_officio\nm3,Cai Moreno,Government,br,Man,\n"
    );
    let members = parse_members(&mag(), &region_table().unwrap(), &text).unwrap();
    assert_eq!(members.len(), 3);
    assert_eq!(members[0].seat, RosterSeat::Observer);
    assert_eq!(members[1].country, "");
    assert_eq!(members[2].seat, RosterSeat::Regular);
    assert_eq!(members[2].stakeholder_group, "government");
    assert_eq!(members[2].country, "BR");
    assert_eq!(
        members[2].region,
        UnRegionalGroup::LatinAmericanAndCaribbean
    );
    assert_eq!(members[2].gender, "man");
}

#[test]
fn duplicate_nominations_are_merged_with_the_higher_score_and_both_nominators() {
    let text = format!(
        "{NOMINEES_HEADER}n1,Ana Tovel,civil_society,KE,woman,70,true,Net Kenya\nn2,Ben Ardo,government,FR,man,60,false,\nn3,ana  TOVEL,civil_society,ke,woman,82,true,Open Web Forum\nn2,Ben Ardo,government,FR,man,55,false,Ministry\n"
    );
    let (nominees, notes) = parse_nominees(&mag(), &region_table().unwrap(), &text).unwrap();
    assert_eq!(nominees.len(), 2);
    assert_eq!(nominees[0].id, "n3");
    assert_eq!(nominees[0].score, 82.0);
    assert_eq!(nominees[0].nominated_by, ["Net Kenya", "Open Web Forum"]);
    assert_eq!(nominees[1].id, "n2");
    assert_eq!(nominees[1].score, 60.0);
    assert_eq!(nominees[1].nominated_by, ["Ministry"]);
    assert_eq!(
        notes,
        [
            "ana  TOVEL (KE) was nominated twice (lines 2 and 4, ids n1 and n3): merged into one nomination with the higher score 82, nominated by Net Kenya; Open Web Forum",
            "Ben Ardo (FR) was nominated twice (lines 3 and 5, id n2): merged into one nomination with the higher score 60, nominated by Ministry",
        ]
    );
}

#[test]
fn mag_quotas_for_55_regular_seats() {
    let genders = ["man".to_owned(), "woman".to_owned()];
    let quotas = slate_quotas(&mag(), 55, &genders);
    let got: Vec<(&str, Option<u32>, Option<u32>)> = quotas
        .iter()
        .map(|quota| (quota.label.as_str(), quota.min, quota.max))
        .collect();
    assert_eq!(
        got,
        [
            ("Stakeholder group: government", Some(20), Some(22)),
            ("Stakeholder group: private sector", Some(11), None),
            ("Stakeholder group: civil society", Some(11), None),
            ("Stakeholder group: technical community", Some(11), None),
            ("Region: African Group", Some(9), Some(11)),
            ("Region: Asia-Pacific Group", Some(9), Some(11)),
            ("Region: Eastern European Group", Some(9), Some(11)),
            (
                "Region: Latin American and Caribbean Group (GRULAC)",
                Some(9),
                Some(11)
            ),
            (
                "Region: Western European and Others Group (WEOG)",
                Some(9),
                Some(11)
            ),
            ("Gender: man (no gender above 60 %)", None, Some(33)),
            ("Gender: woman (no gender above 60 %)", None, Some(33)),
        ]
    );
    assert_eq!(
        quotas[0].condition,
        [("stakeholder_group".to_owned(), "government".to_owned())]
    );
    assert_eq!(
        quotas[7].condition,
        [("region".to_owned(), "grulac".to_owned())]
    );
    assert_eq!(
        quotas[10].condition,
        [("gender".to_owned(), "woman".to_owned())]
    );
}

/// A small body: the Approach B leadership team (5 regular seats, one per MAG group at least).
fn leadership_team() -> Constitution {
    presets::approach_b_leadership_team()
}

#[test]
fn a_feasible_request_is_proposed_and_explained() {
    let members = format!(
        "{MEMBERS_HEADER}m1,Ana Tovel,government,KE,woman,regular\nm2,Ben Ardo,private_sector,FR,man,regular\nm9,Chair Person,civil_society,BR,woman,ex_officio\n"
    );
    let nominees = format!(
        "{NOMINEES_HEADER}n1,Cai Moreno,civil_society,BR,man,90,true,\nn2,Dee Lamar,technical_community,IN,woman,80,false,\nn3,Eli Sorv,government,KE,man,95,false,\nn4,Fay Quon,technical_community,PL,woman,60,true,\nn5,Gus Tarn,civil_society,JP,man,50,true,\n"
    );
    let report = propose_slate(&leadership_team(), &members, &nominees, None).unwrap();
    assert_eq!(report.seats.max_regular, 5);
    assert_eq!(report.seats.continuing_regular, 2);
    assert_eq!(report.seats.continuing_other, 1);
    assert_eq!(report.seats.seats_to_fill, 3);
    let SlateOutcome::Proposed(proposal) = &report.outcome else {
        panic!("expected a proposal: {:?}", report.outcome);
    };
    let chosen: Vec<&str> = proposal
        .chosen
        .iter()
        .map(|c| c.nominee.id.as_str())
        .collect();
    // Civil society and technical community need a seat each; the best of each plus the
    // best remaining. No gender may exceed 60 % of 5 = 3.
    assert_eq!(chosen.len(), 3);
    assert!(
        chosen.contains(&"n1") && chosen.contains(&"n2"),
        "{chosen:?}"
    );
    assert!(proposal.proven_optimal);
    assert!(proposal.deviations.is_empty(), "{:?}", proposal.deviations);
    let civil = proposal
        .composition
        .iter()
        .find(|row| row.key == "civil_society")
        .unwrap();
    assert_eq!((civil.continuing, civil.chosen, civil.total), (0, 1, 1));
    assert_eq!(civil.floor, Some(1));
    assert!(!proposal.explanation.is_empty());
}

#[test]
fn too_few_nominees_is_an_explained_infeasibility() {
    let members = format!(
        "{MEMBERS_HEADER}m1,Ana Tovel,government,KE,woman,regular\nm2,Ben Ardo,private_sector,FR,man,regular\n"
    );
    let nominees = format!("{NOMINEES_HEADER}n1,Cai Moreno,civil_society,BR,man,90,true,\n");
    let report = propose_slate(&leadership_team(), &members, &nominees, None).unwrap();
    let SlateOutcome::Infeasible(infeasible) = &report.outcome else {
        panic!("expected an infeasibility: {:?}", report.outcome);
    };
    assert!(
        infeasible
            .reasons
            .contains(&"need 3 new members but only 1 nominees".to_owned()),
        "{:?}",
        infeasible.reasons
    );
    assert!(
        infeasible.reasons.contains(
            &"Stakeholder group: technical community needs at least 1 but continuing members give 0 and only 0 nominees match"
                .to_owned()
        ),
        "{:?}",
        infeasible.reasons
    );
    assert!(
        infeasible
            .relaxations
            .iter()
            .any(|r| r.label == "seats to fill" && r.side == QuotaSide::Min),
        "{:?}",
        infeasible.relaxations
    );
}

#[test]
fn seat_numbers_that_do_not_fit_are_refused() {
    let members = format!("{MEMBERS_HEADER}m1,Ana Tovel,government,KE,woman,regular\n");
    let nominees = format!("{NOMINEES_HEADER}n1,Cai Moreno,civil_society,BR,man,90,true,\n");
    let err = propose_slate(&leadership_team(), &members, &nominees, Some(5)).unwrap_err();
    assert_eq!(
        err.to_string(),
        "5 seats asked for, but 1 of the 5 regular seats are held by continuing members, leaving 4"
    );
    let err = propose_slate(&leadership_team(), &members, &nominees, Some(0)).unwrap_err();
    assert_eq!(err.to_string(), "a slate must fill at least one seat");
    let clash = format!("{NOMINEES_HEADER}m1,Cai Moreno,civil_society,BR,man,90,true,\n");
    let err = propose_slate(&leadership_team(), &members, &clash, None).unwrap_err();
    assert_eq!(
        err.to_string(),
        "nominees: line 2, column \"id\": \"m1\" is a continuing member (members line 2)"
    );
}

#[test]
fn displaced_nominees_are_named() {
    let names = BTreeMap::from([("n1", "Ana Tovel"), ("n2", "Ben Ardo")]);
    assert_eq!(
        name_displaced(
            "choosing them lowers the slate's total by 4.20 (they would displace n1, n2)",
            &names
        ),
        "choosing them lowers the slate's total by 4.20 (they would displace Ana Tovel (n1), Ben Ardo (n2))"
    );
    assert_eq!(
        name_displaced("choosing them would break Government (max 12)", &names),
        "choosing them would break Government (max 12)"
    );
}

const EXAMPLE_MEMBERS: &str = include_str!("../../../../../docs/examples/slate/members.csv");
const EXAMPLE_NOMINEES: &str = include_str!("../../../../../docs/examples/slate/nominees.csv");

fn chosen_in_group(report: &SlateReport, group: &str) -> usize {
    match &report.outcome {
        SlateOutcome::Proposed(p) => p
            .chosen
            .iter()
            .filter(|c| c.nominee.stakeholder_group == group)
            .count(),
        SlateOutcome::Infeasible(_) => panic!("expected a slate: {:?}", report.outcome),
    }
}

#[test]
fn seats_vacated_by_resignation_are_refilled_from_the_same_group() {
    let constitution = crate::bodies::document::preset("mag").unwrap();
    let base = propose_slate(&constitution, EXAMPLE_MEMBERS, EXAMPLE_NOMINEES, None).unwrap();
    let before = chosen_in_group(&base, "private_sector");
    // One more private-sector seat must be refilled than the optimum would choose anyway.
    let vacancies = before + 1;
    let mut members = EXAMPLE_MEMBERS.trim_end().to_owned();
    for i in 0..vacancies {
        members.push_str(&format!(
            "\nv{i},Seat of resigned member {i},private_sector,,,vacancy"
        ));
    }
    let report = propose_slate(&constitution, &members, EXAMPLE_NOMINEES, None).unwrap();
    assert_eq!(
        report.members.len(),
        base.members.len(),
        "a vacancy is not a member"
    );
    assert_eq!(report.seats, base.seats, "vacancies take no seat");
    assert!(chosen_in_group(&report, "private_sector") >= vacancies);
    let refill = report
        .quotas
        .iter()
        .find(|q| q.label.starts_with("Refill of"))
        .unwrap();
    assert_eq!(
        refill.label,
        format!("Refill of {vacancies} resigned seats: private sector")
    );
    assert_eq!(
        report
            .notes
            .iter()
            .filter(|n| n.contains("vacated by resignation"))
            .count(),
        vacancies
    );
    // More vacancies than open seats cannot be refilled: explained, with the refill rule named.
    let mut members = EXAMPLE_MEMBERS.trim_end().to_owned();
    for i in 0..40 {
        members.push_str(&format!("\nv{i},Seat {i},technical_community,,,vacancy"));
    }
    let report = propose_slate(&constitution, &members, EXAMPLE_NOMINEES, None).unwrap();
    let SlateOutcome::Infeasible(why) = &report.outcome else {
        panic!("expected no slate");
    };
    assert!(
        why.relaxations
            .iter()
            .any(|r| r.label.starts_with("Refill of 40 resigned seats")),
        "{why:?}"
    );
}

#[test]
fn with_the_bodys_history_countries_never_represented_earn_a_further_bonus() {
    let constitution = crate::bodies::document::preset("mag").unwrap();
    let base = propose_slate(&constitution, EXAMPLE_MEMBERS, EXAMPLE_NOMINEES, None).unwrap();
    assert!(
        base.preferences
            .iter()
            .all(|p| p.label != "Country never represented on the body before"),
        "no history, no never-represented bonus"
    );
    // Former members from Japan and Uganda: nominees from there were represented before.
    let members = format!(
        "{}\nf1,Former One,government,JP,woman,former\nf2,Former Two,civil_society,UG,man,former\n",
        EXAMPLE_MEMBERS.trim_end()
    );
    let report = propose_slate(&constitution, &members, EXAMPLE_NOMINEES, None).unwrap();
    assert_eq!(
        report.members.len(),
        base.members.len(),
        "former members are not members"
    );
    let continuing: BTreeSet<&str> = base.members.iter().map(|m| m.country.as_str()).collect();
    let expected = report
        .nominees
        .iter()
        .filter(|n| {
            !continuing.contains(n.country.as_str()) && !["JP", "UG"].contains(&n.country.as_str())
        })
        .count();
    let never = report
        .preferences
        .iter()
        .find(|p| p.label == "Country never represented on the body before")
        .unwrap();
    assert_eq!(never.nominees, expected);
    assert!((never.weight - NEVER_REPRESENTED_BONUS).abs() < f64::EPSILON);
    let SlateOutcome::Proposed(proposal) = &report.outcome else {
        panic!("expected a slate");
    };
    for chosen in &proposal.chosen {
        let never_here = !continuing.contains(chosen.nominee.country.as_str())
            && !["JP", "UG"].contains(&chosen.nominee.country.as_str());
        assert_eq!(
            chosen.bonuses.iter().any(|b| b == &never.label),
            never_here,
            "{chosen:?}"
        );
    }
}

#[test]
fn gender_parity_is_a_weighted_preference_for_the_gender_with_fewer_continuing_members() {
    let constitution = crate::bodies::document::preset("mag").unwrap();
    let regions = region_table().unwrap();
    let members = parse_members(&constitution, &regions, EXAMPLE_MEMBERS).unwrap();
    let count = |gender: &str| {
        members
            .iter()
            .filter(|m| m.seat == RosterSeat::Regular && m.gender == gender)
            .count()
    };
    let fewer = if count("woman") < count("man") {
        "woman"
    } else {
        "man"
    };
    let report = propose_slate(&constitution, EXAMPLE_MEMBERS, EXAMPLE_NOMINEES, None).unwrap();
    let parity = report
        .preferences
        .iter()
        .find(|p| p.label.starts_with("Gender parity"))
        .unwrap();
    assert_eq!(
        parity.label,
        format!("Gender parity: {fewer} (fewer among continuing members)")
    );
    assert!((parity.weight - GENDER_PARITY_BONUS).abs() < f64::EPSILON);
    assert_eq!(
        parity.nominees,
        report.nominees.iter().filter(|n| n.gender == fewer).count()
    );
    // Equal numbers: no parity preference.
    let table: Vec<&RosterMember> = Vec::new();
    assert_eq!(parity_gender(&table), None);
}
