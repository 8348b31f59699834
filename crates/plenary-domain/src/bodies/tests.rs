//! Tests for `bodies`: quota arithmetic, presets, terms and renewal, rotation, resignation
//! and replacement, ex officio seats, officer elections and composition wording.
use super::*;
use crate::countries::UnRegionalGroup;
use crate::{PersonId, Timestamp};

fn at(text: &str) -> Timestamp {
    text.parse().unwrap()
}

fn group(code: &str, floor: Option<Limit>, cap: Option<Limit>) -> Quota<String> {
    Quota {
        key: code.to_owned(),
        floor,
        cap,
    }
}

fn share(percent: u32) -> Option<Limit> {
    Some(Limit::Share { percent })
}

/// A valid 55-seat body: government 30–40 %, civil society at least 20 %.
fn draft() -> ConstitutionDraft {
    ConstitutionDraft {
        name: "Test body".to_owned(),
        size: SeatRange { min: 55, max: 55 },
        seats: vec![SeatAllocation {
            kind: SeatKind::Regular,
            seats: 55,
        }],
        stakeholder_groups: Balance {
            quotas: vec![
                group("government", share(30), share(40)),
                group("civil_society", share(20), None),
            ],
            others: Others::Allowed,
        },
        regions: Balance {
            quotas: vec![],
            others: Others::Allowed,
        },
        gender: GenderBalance {
            quotas: vec![],
            max_share_any_gender: None,
        },
        term: TermRule {
            months: 12,
            max_consecutive_terms: Some(3),
        },
        rotation_share_percent: 33,
        chair: ChairRule::Appointed,
        vice_chair: false,
        engagement_policy: EngagementPolicy::DEFAULT,
    }
}

#[test]
fn quotas_that_cannot_add_up_are_refused_with_the_arithmetic() {
    type Change = fn(&mut ConstitutionDraft);
    let cases: [(&str, Change, &str); 16] = [
        (
            "too large",
            |d| d.size.max = 20_000,
            "a body of up to 20000 seats is larger than the 10000 seats Plenary supports",
        ),
        (
            "floors above size",
            |d| {
                d.stakeholder_groups.quotas = vec![
                    group("government", Some(Limit::Count(25)), None),
                    group("civil_society", Some(Limit::Count(20)), None),
                    group("private_sector", Some(Limit::Count(15)), None),
                ];
            },
            "the stakeholder-group floors add up to 60 seats but the body has at most 55 regular seats",
        ),
        (
            "caps below size in a closed list",
            |d| {
                d.stakeholder_groups = Balance {
                    quotas: vec![
                        group("government", None, Some(Limit::Count(20))),
                        group("civil_society", None, Some(Limit::Count(20))),
                    ],
                    others: Others::NotAllowed,
                };
            },
            "the stakeholder-group caps allow at most 40 seats but the body needs at least 55 regular seats",
        ),
        (
            "floor above cap",
            |d| d.stakeholder_groups.quotas = vec![group("government", share(45), share(40))],
            "the stakeholder-group floor for government is 25 seats but its cap is 22 seats (with 55 regular seats)",
        ),
        (
            "a share over 100 %",
            |d| d.stakeholder_groups.quotas = vec![group("civil_society", share(120), None)],
            "the stakeholder-group floor for civil society is 120 %, more than 100 %",
        ),
        (
            "floor shares over 100 %",
            |d| {
                d.regions.quotas = [UnRegionalGroup::African, UnRegionalGroup::AsiaPacific]
                    .into_iter()
                    .map(|key| Quota {
                        key,
                        floor: share(55),
                        cap: None,
                    })
                    .collect();
            },
            "the regional floors add up to 110 %, more than 100 %",
        ),
        (
            "seats above size",
            |d| {
                d.seats.push(SeatAllocation {
                    kind: SeatKind::ExOfficio(ExOfficioRole::MagChair),
                    seats: 1,
                });
                d.seats.push(SeatAllocation {
                    kind: SeatKind::StandingHostCountry,
                    seats: 5,
                });
            },
            "the regular, ex officio and standing host-country seats add up to 61 but the body has at most 55",
        ),
        (
            "seats below size",
            |d| d.seats[0].seats = 40,
            "the regular, ex officio and standing host-country seats add up to 40 but the body needs at least 55",
        ),
        (
            "empty size range",
            |d| d.size = SeatRange { min: 60, max: 55 },
            "the size range 60..=55 is empty: the minimum is above the maximum",
        ),
        (
            "seat kind listed twice",
            |d| {
                d.seats = vec![
                    SeatAllocation {
                        kind: SeatKind::Regular,
                        seats: 50,
                    },
                    SeatAllocation {
                        kind: SeatKind::Regular,
                        seats: 5,
                    },
                ];
            },
            "the regular seats are listed 2 times; list each kind of seat once",
        ),
        (
            "quota repeated",
            |d| {
                d.stakeholder_groups
                    .quotas
                    .push(group("Government", share(10), None))
            },
            "Government has more than one stakeholder-group quota; merge them into one",
        ),
        (
            "gender cap over 100 %",
            |d| d.gender.max_share_any_gender = Some(101),
            "the most any gender may hold is 101 %, more than 100 %",
        ),
        (
            "zero-month term",
            |d| d.term.months = 0,
            "a term must last at least one month",
        ),
        (
            "zero term limit",
            |d| d.term.max_consecutive_terms = Some(0),
            "the maximum number of consecutive terms must be at least 1",
        ),
        (
            "rotation over 100 %",
            |d| d.rotation_share_percent = 150,
            "the rotation share is 150 %, more than 100 %",
        ),
        (
            "gender floor above the any-gender cap",
            |d| {
                d.gender = GenderBalance {
                    quotas: vec![group("woman", share(70), None)],
                    max_share_any_gender: Some(60),
                };
            },
            "no number of regular seats from 55 to 55 meets every floor and cap at once (after rounding floors up and caps down)",
        ),
    ];
    assert!(Constitution::validate(draft()).is_ok());
    for (name, change, expected) in cases {
        let mut d = draft();
        change(&mut d);
        let err = Constitution::validate(d).unwrap_err();
        assert_eq!(err.to_string(), expected, "{name}");
    }
}

#[test]
fn every_preset_validates() {
    let presets = presets::all();
    assert_eq!(presets.len(), 7);
    for (name, constitution) in presets {
        let again = Constitution::validate(constitution.clone().into_draft());
        assert_eq!(again, Ok(constitution), "{name}");
    }
    for former_hosts in [0, 1, 17, 30] {
        let mag = presets::mag(former_hosts);
        assert!(
            Constitution::validate(mag.into_draft()).is_ok(),
            "{former_hosts}"
        );
    }
}

#[test]
fn presets_carry_the_numbers_of_their_sources() {
    let mag = presets::mag(17);
    let rules = mag.rules();
    assert_eq!(rules.size, SeatRange { min: 50, max: 74 });
    assert_eq!(mag.seats_of(&SeatKind::Regular), 55);
    assert_eq!(mag.seats_of(&SeatKind::StandingHostCountry), 17);
    assert_eq!(rules.term.months, 12);
    assert_eq!(rules.term.max_consecutive_terms, Some(3));
    assert_eq!(mag.rotation_target(55), 18);

    let panel = presets::leadership_panel();
    let rules = panel.rules();
    assert_eq!(rules.size, SeatRange::exactly(15));
    assert_eq!(panel.seats_of(&SeatKind::Regular), 10);
    assert_eq!(rules.term.months, 24);
    assert_eq!(
        rules.chair,
        ChairRule::ElectedAnnually {
            among_members: true,
            rotate_stakeholder_group: false,
            rotate_holder: true
        }
    );
    assert!(rules.vice_chair);
    let counts = panel.quota_counts(10);
    let per_group: Vec<(String, Option<u32>, Option<u32>)> = counts
        .stakeholder_groups
        .into_iter()
        .map(|q| (q.key, q.floor, q.cap))
        .collect();
    assert_eq!(
        per_group,
        [
            "government",
            "private_sector",
            "technical_community",
            "civil_society",
            "at_large"
        ]
        .map(|code| (code.to_owned(), Some(2), Some(2)))
    );

    let sizes: Vec<(u32, u32)> = [
        presets::approach_a_mhlb(),
        presets::approach_b_mag_plus(),
        presets::approach_b_leadership_team(),
        presets::approach_c_mhlb(),
        presets::approach_c_mag(),
    ]
    .iter()
    .map(|c| (c.rules().size.min, c.rules().size.max))
    .collect();
    assert_eq!(sizes, vec![(25, 27), (40, 51), (5, 6), (20, 21), (30, 31)]);
}

#[test]
fn quota_counts_round_floors_up_and_caps_down() {
    let constitution = Constitution::validate(draft()).unwrap();
    // (regular seats, government floor, government cap, civil society floor)
    let cases = [
        (55, 17, 22, 11),
        (53, 16, 21, 11),
        (50, 15, 20, 10),
        (10, 3, 4, 2),
    ];
    for (seats, gov_floor, gov_cap, cs_floor) in cases {
        let counts = constitution.quota_counts(seats);
        assert_eq!(counts.regular_seats, seats);
        assert_eq!(
            counts.stakeholder_groups,
            vec![
                QuotaCount {
                    key: "government".to_owned(),
                    floor: Some(gov_floor),
                    cap: Some(gov_cap)
                },
                QuotaCount {
                    key: "civil_society".to_owned(),
                    floor: Some(cs_floor),
                    cap: None
                },
            ],
            "{seats}"
        );
    }
    let mut with_gender = draft();
    with_gender.gender.max_share_any_gender = Some(60);
    let constitution = Constitution::validate(with_gender).unwrap();
    assert_eq!(constitution.quota_counts(55).max_seats_any_gender, Some(33));
}

#[test]
fn rotation_target_is_the_share_rounded_to_the_nearest_member() {
    let cases = [
        (33, 55, 18),
        (33, 40, 13),
        (33, 9, 3),
        (50, 10, 5),
        (50, 5, 3),
        (0, 55, 0),
    ];
    for (percent, members, expected) in cases {
        let mut d = draft();
        d.rotation_share_percent = percent;
        let constitution = Constitution::validate(d).unwrap();
        assert_eq!(
            constitution.rotation_target(members),
            expected,
            "{percent} % of {members}"
        );
    }
}

fn member(person: i64, term_number: u32) -> Membership {
    Membership {
        person: PersonId(person),
        seat: SeatKind::Regular,
        stakeholder_group: "civil_society".to_owned(),
        start: at("2024-01-01T00:00:00Z"),
        end: Some(at("2025-01-01T00:00:00Z")),
        term_number,
        state: if term_number == 1 {
            MembershipState::Appointed
        } else {
            MembershipState::Renewed
        },
    }
}

fn engaged() -> EngagementRecord {
    EngagementRecord {
        meetings_attended: 8,
        meetings_held: 10,
        reviews_done: 30,
        reviews_assigned: 40,
        working_groups: 2,
        note: String::new(),
    }
}

#[test]
fn rotation_plan_sends_off_members_at_the_term_limit_first() {
    let mag = presets::mag(0);
    let mut members: Vec<Membership> = (1..=30).map(|id| member(id, 1)).collect();
    members.extend((31..=35).map(|id| member(id, 3)));
    members.extend((36..=45).map(|id| member(id, 2)));
    let mut gone = member(46, 3);
    gone.state = MembershipState::Resigned;
    members.push(gone);
    let mut chair = member(47, 3);
    chair.seat = SeatKind::ExOfficio(ExOfficioRole::MagChair);
    members.push(chair);

    let plan = rotation_plan(&mag, &members);
    assert_eq!(
        plan,
        RotationPlan {
            must_leave: (31..=35).map(PersonId).collect(),
            target: 15,
            further_to_choose: 10,
        }
    );
}

#[test]
fn renewal_respects_the_term_limit_engagement_and_state() {
    let mag = presets::mag(0);
    let now = at("2024-11-30T00:00:00Z");
    let mut idle = engaged();
    idle.meetings_attended = 5;
    let mut resigned = member(1, 1);
    resigned.state = MembershipState::Resigned;
    let mut ex_officio = member(1, 1);
    ex_officio.seat = SeatKind::ExOfficio(ExOfficioRole::MagChair);

    /// (name, membership, engagement, now, the new term number or the error message)
    type Case = (
        &'static str,
        Membership,
        EngagementRecord,
        Timestamp,
        Result<u32, &'static str>,
    );
    let cases: [Case; 7] = [
        ("first term", member(1, 1), engaged(), now, Ok(2)),
        ("second term", member(1, 2), engaged(), now, Ok(3)),
        (
            "third term is the last",
            member(1, 3),
            engaged(),
            now,
            Err("the member has served 3 consecutive terms, the most this body allows (3)"),
        ),
        (
            "not enough attendance",
            member(1, 1),
            idle,
            now,
            Err(
                "engagement is not satisfactory: 5 of 10 meetings and 30 of 40 reviews; the policy asks for 60 % and 60 %",
            ),
        ),
        (
            "after the term ended",
            member(1, 1),
            engaged(),
            at("2025-02-01T00:00:00Z"),
            Err(
                "the term ended at 2025-01-01T00:00:00.000000Z; a term can only be renewed before it ends",
            ),
        ),
        (
            "resigned",
            resigned,
            engaged(),
            now,
            Err("a resigned membership cannot be renewed"),
        ),
        (
            "ex officio",
            ex_officio,
            engaged(),
            now,
            Err(
                "ex officio (MAG chair) seats are not renewed; they follow the position that gives them",
            ),
        ),
    ];
    for (name, membership, engagement, now, expected) in cases {
        let got = renew(&membership, &engagement, &mag, now)
            .map(|renewed| {
                assert_eq!(renewed.state, MembershipState::Renewed, "{name}");
                assert_eq!(renewed.start, at("2025-01-01T00:00:00Z"), "{name}");
                assert_eq!(renewed.end, Some(at("2026-01-01T00:00:00Z")), "{name}");
                renewed.term_number
            })
            .map_err(|err| err.to_string());
        assert_eq!(got, expected.map_err(str::to_owned), "{name}");
    }
}

#[test]
fn a_two_year_term_runs_for_24_calendar_months() {
    let panel = presets::leadership_panel();
    let mut first = member(1, 1);
    first.start = at("2022-08-16T00:00:00Z");
    first.end = Some(at("2024-08-16T00:00:00Z"));
    let renewed = renew(&first, &engaged(), &panel, at("2024-06-01T00:00:00Z")).unwrap();
    assert_eq!(renewed.end, Some(at("2026-08-16T00:00:00Z")));
    assert_eq!(
        renew(&renewed, &engaged(), &panel, at("2026-06-01T00:00:00Z"))
            .unwrap_err()
            .to_string(),
        "the member has served 2 consecutive terms, the most this body allows (2)"
    );
}

#[test]
fn engagement_is_satisfactory_at_the_policy_shares() {
    let policy = EngagementPolicy::DEFAULT;
    // (attended, held, reviews done, reviews assigned, satisfactory)
    let cases = [
        (6, 10, 6, 10, true),
        (5, 10, 10, 10, false),
        (10, 10, 5, 10, false),
        (0, 0, 0, 0, true),
        (3, 5, 0, 0, true),
        (2, 3, 59, 100, false),
    ];
    for (attended, held, done, assigned, expected) in cases {
        let record = EngagementRecord {
            meetings_attended: attended,
            meetings_held: held,
            reviews_done: done,
            reviews_assigned: assigned,
            working_groups: 0,
            note: "test".to_owned(),
        };
        assert_eq!(
            record.is_satisfactory(&policy),
            expected,
            "{attended}/{held}, {done}/{assigned}"
        );
    }
    let lenient = EngagementPolicy {
        min_attendance_percent: 50,
        min_reviews_percent: 0,
    };
    let record = EngagementRecord {
        meetings_attended: 5,
        meetings_held: 10,
        reviews_done: 0,
        reviews_assigned: 10,
        working_groups: 0,
        note: String::new(),
    };
    assert!(record.is_satisfactory(&lenient));
}

#[test]
fn resignation_needs_the_members_own_written_notice() {
    let now = at("2024-06-15T00:00:00Z");
    let notice = |from: i64, received_at: &str| WrittenNotice {
        from: PersonId(from),
        received_at: at(received_at),
        channel: NoticeChannel::Email,
    };
    let mut ended = member(1, 1);
    ended.state = MembershipState::Ended;
    let cases: [(&str, Membership, WrittenNotice, Result<(), &str>); 4] = [
        (
            "own notice",
            member(1, 1),
            notice(1, "2024-06-14T09:00:00Z"),
            Ok(()),
        ),
        (
            "someone else's notice",
            member(1, 1),
            notice(2, "2024-06-14T09:00:00Z"),
            Err("the written notice comes from person 2, not from the member (person 1)"),
        ),
        (
            "notice dated later",
            member(1, 1),
            notice(1, "2024-06-16T00:00:00Z"),
            Err(
                "the written notice is dated 2024-06-16T00:00:00.000000Z, after now (2024-06-15T00:00:00.000000Z)",
            ),
        ),
        (
            "already ended",
            ended,
            notice(1, "2024-06-14T09:00:00Z"),
            Err("an ended membership cannot resign"),
        ),
    ];
    for (name, membership, notice, expected) in cases {
        let got = resign(&membership, notice, now)
            .map(|resigned| {
                assert_eq!(resigned.state, MembershipState::Resigned, "{name}");
                assert_eq!(resigned.end, Some(now), "{name}");
            })
            .map_err(|err| err.to_string());
        assert_eq!(got, expected.map_err(str::to_owned), "{name}");
    }
}

#[test]
fn terms_end_when_they_run_out_and_rotation_ends_them_at_once() {
    let before = at("2024-12-01T00:00:00Z");
    let after = at("2025-01-01T00:00:00Z");
    assert_eq!(
        end_term(&member(1, 1), before).unwrap_err().to_string(),
        "the term runs until 2025-01-01T00:00:00.000000Z; end it early by resignation or rotation instead"
    );
    let ended = end_term(&member(1, 1), after).unwrap();
    assert_eq!(
        (ended.state, ended.end),
        (MembershipState::Ended, Some(after))
    );
    let rotated = rotate_out(&member(1, 3), before).unwrap();
    assert_eq!(
        (rotated.state, rotated.end),
        (MembershipState::RotatedOut, Some(before))
    );
    assert_eq!(
        rotate_out(&rotated, after).unwrap_err().to_string(),
        "a rotated-out membership cannot be rotated out"
    );
    assert_eq!(
        end_term(&ended, after).unwrap_err().to_string(),
        "an ended membership cannot end its term"
    );
}

#[test]
fn a_vacated_seat_is_filled_at_the_end_of_the_cycle_from_the_same_group() {
    let cycle_end = at("2024-12-31T00:00:00Z");
    let cases = [
        ("2024-03-10T00:00:00Z", "2024-12-31T00:00:00Z"),
        ("2024-12-30T23:00:00Z", "2024-12-31T00:00:00Z"),
        ("2024-12-31T00:00:00Z", "2024-12-31T00:00:00Z"),
        ("2025-01-05T00:00:00Z", "2025-01-05T00:00:00Z"),
    ];
    for (resigned_at, replaced_at) in cases {
        assert_eq!(
            replacement_timing(at(resigned_at), cycle_end),
            ReplacementAt::EndOfCycle {
                at: at(replaced_at)
            },
            "{resigned_at}"
        );
    }
    assert_eq!(
        replacement_requirement(&member(1, 2)),
        ReplacementRequirement {
            stakeholder_group: "civil_society".to_owned()
        }
    );
    assert_eq!(
        transfer_seat(&member(1, 2), PersonId(9))
            .unwrap_err()
            .to_string(),
        "a seat is personal: person 1 cannot hand it to person 9; it is filled at the end of the cycle from the same stakeholder group"
    );
}

#[test]
fn ex_officio_seats_are_filled_by_position() {
    let panel = presets::leadership_panel();
    let hosts = HostCountries {
        previous: Some("jp".to_owned()),
        current: Some("SA".to_owned()),
        next: None,
    };
    let seat = |role: ExOfficioRole, holder: ExOfficioHolder| ExOfficioSeat { role, holder };
    assert_eq!(
        fill_ex_officio(&panel, &hosts, Some(PersonId(7))),
        vec![
            seat(
                ExOfficioRole::CurrentHostCountry,
                ExOfficioHolder::Country("SA".to_owned())
            ),
            seat(
                ExOfficioRole::PreviousHostCountry,
                ExOfficioHolder::Country("JP".to_owned())
            ),
            seat(ExOfficioRole::NextHostCountry, ExOfficioHolder::ToBeNamed),
            seat(
                ExOfficioRole::MagChair,
                ExOfficioHolder::Person(PersonId(7))
            ),
            seat(ExOfficioRole::TechEnvoy, ExOfficioHolder::ToBeNamed),
        ]
    );
    let mag = presets::mag(17);
    assert_eq!(
        fill_ex_officio(&mag, &hosts, None),
        vec![
            seat(ExOfficioRole::MagChair, ExOfficioHolder::ToBeNamed),
            seat(
                ExOfficioRole::CurrentHostCountry,
                ExOfficioHolder::Country("SA".to_owned())
            ),
        ]
    );
}

#[test]
fn officer_elections_follow_the_chair_rule() {
    let panel = presets::leadership_panel();
    let rotating = presets::approach_a_mhlb();
    let mag = presets::mag(0);
    let history = vec![
        OfficerTerm {
            person: PersonId(1),
            office: Office::Chair,
            stakeholder_group: "technical_community".to_owned(),
            year: 2023,
        },
        OfficerTerm {
            person: PersonId(2),
            office: Office::ViceChair,
            stakeholder_group: "at_large".to_owned(),
            year: 2023,
        },
        OfficerTerm {
            person: PersonId(3),
            office: Office::Chair,
            stakeholder_group: "civil_society".to_owned(),
            year: 2024,
        },
    ];
    let candidate =
        |person: i64, office: Office, group: &str, is_member: bool, year: i32| OfficerCandidate {
            person: PersonId(person),
            office,
            stakeholder_group: group.to_owned(),
            is_member,
            year,
        };
    let cases: [(&str, &Constitution, OfficerCandidate, Result<(), &str>); 9] = [
        (
            "panel: same group as outgoing chair is allowed (the ToR sets no group rotation)",
            &panel,
            candidate(4, Office::Chair, "civil_society", true, 2025),
            Ok(()),
        ),
        (
            "panel: vice-chair for 2024",
            &panel,
            candidate(5, Office::ViceChair, "government", true, 2024),
            Ok(()),
        ),
        (
            "panel: not a member",
            &panel,
            candidate(4, Office::Chair, "government", false, 2025),
            Err("officers are elected among the members, and person 4 is not a member"),
        ),
        (
            "panel: chair for 2024 already elected",
            &panel,
            candidate(4, Office::Chair, "government", true, 2024),
            Err("the chair for 2024 has already been elected"),
        ),
        (
            "panel: one person, two offices",
            &panel,
            candidate(3, Office::ViceChair, "civil_society", true, 2024),
            Err("person 3 is already chair for 2024; one person cannot hold both offices"),
        ),
        (
            "rotating: same group as outgoing chair",
            &rotating,
            candidate(4, Office::Chair, "civil_society", true, 2025),
            Err(
                "the chair for 2025 may not come from civil society again: the outgoing chair (2024) was from civil society",
            ),
        ),
        (
            "rotating: another group",
            &rotating,
            candidate(4, Office::Chair, "government", true, 2025),
            Ok(()),
        ),
        (
            "mag: chair is appointed",
            &mag,
            candidate(4, Office::Chair, "government", true, 2025),
            Err("the chair of this body is appointed, not elected"),
        ),
        (
            "mag plus: appointed chair, no vice-chair",
            &presets::approach_b_mag_plus(),
            candidate(4, Office::ViceChair, "government", true, 2025),
            Err("the chair of this body is appointed, not elected"),
        ),
    ];
    for (name, constitution, candidate, expected) in cases {
        let got = check_officer_rotation(constitution, &history, &candidate)
            .map_err(|err| err.to_string());
        assert_eq!(got, expected.map_err(str::to_owned), "{name}");
    }
    let mut elected_without_vice = rotating.into_draft();
    elected_without_vice.vice_chair = false;
    let elected_without_vice = Constitution::validate(elected_without_vice).unwrap();
    assert_eq!(
        check_officer_rotation(
            &elected_without_vice,
            &history,
            &candidate(4, Office::ViceChair, "government", true, 2025)
        ),
        Err(RotationError::NoViceChair)
    );
}

#[test]
fn officers_rotate_among_holders_when_the_constitution_says_so() {
    // The Leadership Panel's ToR: "held on an annual rotating basis amongst members".
    let rotating = presets::leadership_panel();
    assert!(matches!(
        rotating.rules().chair,
        ChairRule::ElectedAnnually {
            rotate_holder: true,
            ..
        }
    ));
    let mut draft = rotating.clone().into_draft();
    draft.chair = ChairRule::ElectedAnnually {
        among_members: true,
        rotate_stakeholder_group: false,
        rotate_holder: false,
    };
    let not_rotating = Constitution::validate(draft).unwrap();
    let term = |person: i64, office: Office, year: i32| OfficerTerm {
        person: PersonId(person),
        office,
        stakeholder_group: "civil_society".to_owned(),
        year,
    };
    // Person 1 chaired in 2024 and 2026 was left open; person 2 was vice-chair in 2024;
    // person 5 is already recorded as chair for 2029 (history entered out of order).
    let history = vec![
        term(1, Office::Chair, 2024),
        term(2, Office::ViceChair, 2024),
        term(3, Office::Chair, 2025),
        term(4, Office::ViceChair, 2025),
        term(5, Office::Chair, 2029),
    ];
    let candidate = |person: i64, office: Office, year: i32| OfficerCandidate {
        person: PersonId(person),
        office,
        stakeholder_group: "civil_society".to_owned(),
        is_member: true,
        year,
    };
    let refused = |person: i64, office: Office, year: i32, held_year: i32| {
        Err(RotationError::SameHolderTwoYearsRunning {
            person: PersonId(person),
            office,
            year,
            held_year,
        })
    };
    let cases: [(
        &str,
        &Constitution,
        OfficerCandidate,
        Result<(), RotationError>,
    ); 9] = [
        (
            "the 2025 chair again as chair for 2026",
            &rotating,
            candidate(3, Office::Chair, 2026),
            refused(3, Office::Chair, 2026, 2025),
        ),
        (
            "the 2025 vice-chair again as vice-chair for 2026",
            &rotating,
            candidate(4, Office::ViceChair, 2026),
            refused(4, Office::ViceChair, 2026, 2025),
        ),
        (
            "the 2025 chair as vice-chair for 2026: the other office",
            &rotating,
            candidate(3, Office::ViceChair, 2026),
            Ok(()),
        ),
        (
            "the 2025 vice-chair as chair for 2026: the other office",
            &rotating,
            candidate(4, Office::Chair, 2026),
            Ok(()),
        ),
        (
            "the 2024 chair as chair for 2026, after a year's gap",
            &rotating,
            candidate(1, Office::Chair, 2026),
            Ok(()),
        ),
        (
            "the 2029 chair as chair for 2028: the year before counts too",
            &rotating,
            candidate(5, Office::Chair, 2028),
            refused(5, Office::Chair, 2028, 2029),
        ),
        (
            "the 2029 chair as chair for 2027, two years before",
            &rotating,
            candidate(5, Office::Chair, 2027),
            Ok(()),
        ),
        (
            "rule off: the 2025 chair again as chair for 2026",
            &not_rotating,
            candidate(3, Office::Chair, 2026),
            Ok(()),
        ),
        (
            "rule off: the 2029 chair as chair for 2028",
            &not_rotating,
            candidate(5, Office::Chair, 2028),
            Ok(()),
        ),
    ];
    for (name, constitution, candidate, expected) in cases {
        assert_eq!(
            check_officer_rotation(constitution, &history, &candidate),
            expected,
            "{name}"
        );
    }
    // The refusal says who, which office and which year they held it.
    let message = check_officer_rotation(&rotating, &history, &candidate(3, Office::Chair, 2026))
        .unwrap_err()
        .to_string();
    assert_eq!(
        message,
        "the chair of this body rotates every year and no one holds it two years running: person 3 is the chair for 2025, so they cannot also be the chair for 2026"
    );
}

fn profile(group: &str, region: UnRegionalGroup, gender: &str) -> MemberProfile {
    MemberProfile {
        stakeholder_group: group.to_owned(),
        un_regional_group: region,
        gender: gender.to_owned(),
        seat: SeatKind::Regular,
    }
}

#[test]
fn composition_deviations_explain_themselves() {
    let mut d = draft();
    d.stakeholder_groups = Balance {
        quotas: vec![
            group("government", share(30), share(40)),
            group("civil_society", share(20), None),
            group("private_sector", Some(Limit::Count(2)), None),
            group("technical_community", None, None),
        ],
        others: Others::NotAllowed,
    };
    d.regions.quotas = vec![
        Quota {
            key: UnRegionalGroup::EasternEuropean,
            floor: Some(Limit::Count(5)),
            cap: None,
        },
        Quota {
            key: UnRegionalGroup::AsiaPacific,
            floor: None,
            cap: Some(Limit::Count(11)),
        },
    ];
    d.gender = GenderBalance {
        quotas: vec![group("woman", share(40), None)],
        max_share_any_gender: Some(60),
    };
    d.seats.push(SeatAllocation {
        kind: SeatKind::ExOfficio(ExOfficioRole::MagChair),
        seats: 1,
    });
    d.size.max = 56;
    let constitution = Constitution::validate(d).unwrap();

    // 55 regular members: 25 government, 9 civil society, 1 private sector,
    // 18 technical community, 2 media; 3 from Eastern Europe, 12 from Asia-Pacific;
    // 20 women and 35 men. Plus two people on the MAG chair's single seat.
    let mut members = Vec::new();
    let groups = [
        ("government", 25),
        ("civil_society", 9),
        ("private_sector", 1),
        ("technical_community", 18),
        ("media", 2),
    ];
    for (code, n) in groups {
        for _ in 0..n {
            members.push(profile(code, UnRegionalGroup::African, "man"));
        }
    }
    for (idx, member) in members.iter_mut().enumerate() {
        member.un_regional_group = match idx {
            0..=2 => UnRegionalGroup::EasternEuropean,
            3..=14 => UnRegionalGroup::AsiaPacific,
            _ => UnRegionalGroup::WesternEuropeanAndOthers,
        };
        if idx % 5 < 2 && idx < 50 {
            member.gender = "Woman".to_owned();
        }
    }
    for _ in 0..2 {
        let mut chair = profile("civil_society", UnRegionalGroup::African, "woman");
        chair.seat = SeatKind::ExOfficio(ExOfficioRole::MagChair);
        members.push(chair);
    }

    let messages: Vec<String> = check_composition(&constitution, &members)
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_eq!(
        messages,
        vec![
            "the body has 57 voting members; the constitution allows at most 56",
            "2 members hold ex officio (MAG chair) seats; the constitution provides 1",
            "government has 25 members; the constitution allows at most 22 (40 % of 55)",
            "civil society has 9 members; the constitution asks for at least 11 (20 % of 55)",
            "private sector has 1 member; the constitution asks for at least 2",
            "media has 2 members but is not a stakeholder group this body seats",
            "Eastern European Group has 3 members, below the floor of 5",
            "Asia-Pacific Group has 12 members, above the cap of 11",
            "women are 36.4 % of members; the target is at least 40 %",
            "men are 63.6 % of members; the target is that no gender is above 60 %",
        ]
    );
}

#[test]
fn a_balanced_body_has_no_deviations_and_gender_shares_read_naturally() {
    let mut d = draft();
    d.size = SeatRange { min: 50, max: 55 };
    d.gender = GenderBalance {
        quotas: vec![group("woman", share(40), None)],
        max_share_any_gender: Some(60),
    };
    let constitution = Constitution::validate(d).unwrap();
    let mut members = Vec::new();
    for idx in 0..50 {
        let code = match idx {
            0..=17 => "government",
            18..=29 => "civil_society",
            _ => "technical_community",
        };
        let gender = if idx % 2 == 0 { "woman" } else { "man" };
        members.push(profile(code, UnRegionalGroup::African, gender));
    }
    assert_eq!(check_composition(&constitution, &members), vec![]);

    // 19 women of 50: 38 %.
    for member in members.iter_mut().filter(|m| m.gender == "woman").take(6) {
        member.gender = "man".to_owned();
    }
    let messages: Vec<String> = check_composition(&constitution, &members)
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_eq!(
        messages,
        vec![
            "women are 38 % of members; the target is at least 40 %",
            "men are 62 % of members; the target is that no gender is above 60 %",
        ]
    );
}

#[test]
fn validate_reports_every_problem_with_its_arithmetic() {
    type Change = fn(&mut ConstitutionDraft);
    let cases: [(&str, Change, &[&str]); 4] = [
        (
            "floors above size and an impossible rotation",
            |d| {
                d.stakeholder_groups.quotas = vec![
                    group("government", Some(Limit::Count(30)), None),
                    group("civil_society", Some(Limit::Count(28)), None),
                ];
                d.rotation_share_percent = 150;
            },
            &[
                "the rotation share is 150 %, more than 100 %",
                "the stakeholder-group floors add up to 58 seats but the body has at most 55 regular seats",
            ],
        ),
        (
            "seats above size, a zero term and two impossible dimensions",
            |d| {
                d.seats.push(SeatAllocation {
                    kind: SeatKind::StandingHostCountry,
                    seats: 3,
                });
                d.term.months = 0;
                d.regions.quotas = vec![Quota {
                    key: UnRegionalGroup::African,
                    floor: Some(Limit::Count(60)),
                    cap: None,
                }];
                d.gender.quotas = vec![group("woman", share(60), share(50))];
            },
            &[
                "a term must last at least one month",
                "the regular, ex officio and standing host-country seats add up to 58 but the body has at most 55",
                "the regional floors add up to 60 seats but the body has at most 55 regular seats",
                "the gender floor for woman is 33 seats but its cap is 27 seats (with 55 regular seats)",
            ],
        ),
        (
            "a share over 100 % is not also reported as totals",
            |d| d.stakeholder_groups.quotas = vec![group("civil_society", share(120), None)],
            &["the stakeholder-group floor for civil society is 120 %, more than 100 %"],
        ),
        (
            "an empty size range is not also compared with the seats",
            |d| {
                d.size = SeatRange { min: 60, max: 55 };
                d.engagement_policy.min_reviews_percent = 101;
            },
            &[
                "the size range 60..=55 is empty: the minimum is above the maximum",
                "the engagement policy asks for 101 %, more than 100 %",
            ],
        ),
    ];
    for (name, change, expected) in cases {
        let mut d = draft();
        change(&mut d);
        let problems: Vec<String> = Constitution::validate(d)
            .unwrap_err()
            .iter()
            .map(ToString::to_string)
            .collect();
        assert_eq!(problems, expected, "{name}");
    }
}

fn hosting(year: i32, country: Option<&str>) -> HostingYear {
    HostingYear {
        year,
        country: country.map(str::to_owned),
    }
}

/// The IGF's hosts 2019-2025 (2020 was held online).
fn igf_hosts() -> Vec<HostingYear> {
    vec![
        hosting(2019, Some("DE")),
        hosting(2020, None),
        hosting(2021, Some("PL")),
        hosting(2022, Some("ET")),
        hosting(2023, Some("JP")),
        hosting(2024, Some("SA")),
        hosting(2025, Some("no")),
    ]
}

#[test]
fn host_countries_for_a_year_come_from_the_hosting_list() {
    type Hosts<'a> = (Option<&'a str>, Option<&'a str>, Option<&'a str>);
    let cases: [(i32, Hosts); 6] = [
        (2025, (Some("SA"), Some("NO"), None)),
        (2024, (Some("JP"), Some("SA"), Some("NO"))),
        // 2020 was online: no current host, and 2021 looks back past it to 2019.
        (2020, (Some("DE"), None, Some("PL"))),
        (2021, (Some("DE"), Some("PL"), Some("ET"))),
        (2019, (None, Some("DE"), Some("PL"))),
        (2026, (Some("NO"), None, None)),
    ];
    for (year, (previous, current, next)) in cases {
        assert_eq!(
            HostCountries::for_year(&igf_hosts(), year),
            HostCountries {
                previous: previous.map(str::to_owned),
                current: current.map(str::to_owned),
                next: next.map(str::to_owned),
            },
            "{year}"
        );
    }
}

#[test]
fn standing_seats_go_to_former_hosts_most_recent_first() {
    let mut twice = igf_hosts();
    twice.push(hosting(2018, Some("JP")));
    twice.push(hosting(2017, Some("CH")));
    /// (case, hosting list, year, standing seats, expected holders)
    type Case<'a> = (&'a str, Vec<HostingYear>, i32, u32, Vec<Option<&'a str>>);
    let cases: [Case; 5] = [
        (
            "more former hosts than seats",
            igf_hosts(),
            2026,
            3,
            vec![Some("NO"), Some("SA"), Some("JP")],
        ),
        (
            "fewer former hosts than seats: the rest to be named",
            igf_hosts(),
            2022,
            4,
            vec![Some("PL"), Some("DE"), None, None],
        ),
        (
            "a country that hosted twice holds one seat, placed by its latest year",
            twice,
            2024,
            6,
            vec![
                Some("JP"),
                Some("ET"),
                Some("PL"),
                Some("DE"),
                Some("CH"),
                None,
            ],
        ),
        (
            "the current host is not a former host",
            igf_hosts(),
            2025,
            1,
            vec![Some("SA")],
        ),
        ("no standing seats", igf_hosts(), 2026, 0, vec![]),
    ];
    for (name, hosts, year, seats, expected) in cases {
        let mut d = presets::mag(seats).into_draft();
        d.name = name.to_owned();
        let mag = Constitution::validate(d).unwrap();
        let former = former_host_countries(&hosts, year);
        let filled: Vec<Option<String>> = fill_standing_host_seats(&mag, &former)
            .into_iter()
            .map(|seat| seat.country)
            .collect();
        let expected: Vec<Option<String>> =
            expected.into_iter().map(|c| c.map(str::to_owned)).collect();
        assert_eq!(filled, expected, "{name}");
    }
}
