//! Tests for `calls::screening`: each of the 11 rules table-driven (pass, fail, boundary
//! values, the exact reason with its numbers), rules limited to some session types, rule
//! parameters, the three IGF presets against hand-made proposals (one complete proposal
//! that passes, and for each criterion a variant failing exactly that criterion), the
//! post-selection `speaker_cap`, and what `counted_people` / `counted_institutions` count.

use std::collections::{BTreeMap, BTreeSet};

use super::*;
use crate::calls::tests::{complete_workshop, person, setup, words};
use crate::calls::{Confirmation, PersonRole, ProposalDraft, ProposalField, ProposalPerson};

const SUBMITTER: &str = "email:sam@example.org";
const MAG_MEMBER: &str = "email:mag.member@example.net";

/// The submitter Sam (not listed on the proposal) from Example Foundation; one current MAG
/// member (mag.member@example.net, of the MAG Member Institute); each counted person and
/// institution of `complete_workshop` with this one proposal; the cycle year 2023.
fn ctx() -> Context {
    let proposal = complete_workshop();
    Context {
        body_member_identities: BTreeSet::from([MAG_MEMBER.to_owned()]),
        body_member_organisations: BTreeSet::from(["mag member institute".to_owned()]),
        submitter: SUBMITTER.to_owned(),
        submitter_organisation: "example foundation".to_owned(),
        proposals_per_person: counted_people(&proposal, SUBMITTER)
            .into_iter()
            .map(|p| (p, 1))
            .collect(),
        proposals_per_institution: counted_institutions(&proposal, "example foundation")
            .into_iter()
            .map(|o| (o, 1))
            .collect(),
        missing_reports: BTreeMap::new(),
        year: 2023,
    }
}

fn speaker(name: &str, gender: &str, onsite: bool, confirmation: Confirmation) -> ProposalPerson {
    ProposalPerson {
        gender: gender.to_owned(),
        onsite,
        confirmation,
        ..person(PersonRole::Speaker, name)
    }
}

/// `complete_workshop` with its speakers replaced.
fn with_speakers(speakers: Vec<ProposalPerson>) -> ProposalDraft {
    let mut draft = complete_workshop();
    draft.people.retain(|p| p.role != PersonRole::Speaker);
    draft.people.extend(speakers);
    draft
}

/// One case: a name, the proposal, the context, and `None` for a pass or the exact reason.
type Case = (&'static str, ProposalDraft, Context, Option<&'static str>);

/// Screens each case against `kind` alone and compares verdict and reason.
fn check_rule(kind: &RuleKind, cases: Vec<Case>) {
    let rules = [Rule::all_types(kind.clone())];
    for (name, proposal, ctx, expected) in cases {
        let screening = screen(&rules, &proposal, &ctx);
        assert_eq!(screening.outcomes.len(), 1, "{name}");
        let outcome = &screening.outcomes[0];
        assert_eq!(outcome.rule, kind.code(), "{name}");
        assert_eq!(
            outcome.explanation,
            Rule::all_types(kind.clone()).explanation()
        );
        match expected {
            None => {
                assert_eq!(outcome.verdict, Verdict::Pass, "{name}: {}", outcome.reason);
                assert_eq!(outcome.reason, "", "{name}");
                assert!(screening.passed(), "{name}");
            }
            Some(reason) => {
                assert_eq!(outcome.verdict, Verdict::Fail, "{name}");
                assert_eq!(outcome.reason, reason, "{name}");
                assert!(!screening.passed(), "{name}");
                assert_eq!(screening.reasons(), vec![reason], "{name}");
            }
        }
    }
}

fn edit(f: impl FnOnce(&mut ProposalDraft)) -> ProposalDraft {
    let mut draft = complete_workshop();
    f(&mut draft);
    draft
}

fn edit_ctx(f: impl FnOnce(&mut Context)) -> Context {
    let mut c = ctx();
    f(&mut c);
    c
}

// --- The library ---------------------------------------------------------------------------

/// One instance of every rule, in library order, each set to fail `failing_everything`.
fn library() -> Vec<RuleKind> {
    vec![
        RuleKind::NotBodyMember {
            allow_institution: true,
        },
        RuleKind::RequiredFields {
            fields: vec![ProposalField::Description],
        },
        RuleKind::ConfirmedSpeakers { min: 1 },
        RuleKind::GenderDiversity,
        RuleKind::OnsitePresence {
            moderators: 1,
            speakers: 1,
        },
        RuleKind::PriorReports { cycles: 1 },
        RuleKind::MaxPerPerson { max: 1 },
        RuleKind::MaxPerInstitution { max: 1 },
        RuleKind::TitleLength { max_chars: 1 },
        RuleKind::DescriptionWords {
            min_words: 1,
            max_words: 2,
        },
        RuleKind::Language {
            languages: vec!["fr".to_owned()],
        },
    ]
}

/// A proposal with a title only, from a MAG member with a missing report and 4 proposals
/// (person and institution): it fails every rule of `library`.
fn failing_everything(session_type: &str) -> (ProposalDraft, Context) {
    let proposal = ProposalDraft {
        session_type: session_type.to_owned(),
        title: "A title".to_owned(),
        language: "en".to_owned(),
        ..ProposalDraft::default()
    };
    let ctx = Context {
        submitter: MAG_MEMBER.to_owned(),
        submitter_organisation: "mag member institute".to_owned(),
        body_member_identities: BTreeSet::from([MAG_MEMBER.to_owned()]),
        proposals_per_person: BTreeMap::from([(MAG_MEMBER.to_owned(), 4)]),
        proposals_per_institution: BTreeMap::from([("mag member institute".to_owned(), 4)]),
        missing_reports: BTreeMap::from([(MAG_MEMBER.to_owned(), vec![2022])]),
        year: 2023,
        ..Context::default()
    };
    (proposal, ctx)
}

#[test]
fn the_library_has_eleven_rules_with_stable_codes() {
    let codes: Vec<&str> = library().iter().map(RuleKind::code).collect();
    assert_eq!(codes, RuleKind::CODES);
    let unique: BTreeSet<&str> = codes.iter().copied().collect();
    assert_eq!(unique.len(), 11);
}

#[test]
fn a_rule_limited_to_some_types_is_not_applicable_to_the_others() {
    let (mut proposal, ctx) = failing_everything("workshop");
    let limited: Vec<Rule> = library()
        .into_iter()
        .map(|kind| Rule {
            kind,
            types: vec!["workshop".to_owned()],
        })
        .collect();
    let on_workshop = screen(&limited, &proposal, &ctx);
    for outcome in &on_workshop.outcomes {
        assert_eq!(outcome.verdict, Verdict::Fail, "{}", outcome.rule);
        assert!(!outcome.reason.is_empty(), "{}", outcome.rule);
    }
    assert_eq!(on_workshop.reasons().len(), 11);

    proposal.session_type = "open_forum".to_owned();
    let on_forum = screen(&limited, &proposal, &ctx);
    assert!(on_forum.passed());
    assert_eq!(on_forum.reasons(), Vec::<&str>::new());
    for (outcome, rule) in on_forum.outcomes.iter().zip(&limited) {
        assert_eq!(outcome.rule, rule.kind.code());
        assert_eq!(outcome.verdict, Verdict::NotApplicable, "{}", outcome.rule);
        assert_eq!(outcome.reason, "", "{}", outcome.rule);
        // Still listed with its explanation, which says where it applies.
        assert!(
            outcome.explanation.ends_with(" (Applies to: workshop.)"),
            "{}",
            outcome.explanation
        );
    }

    // Without a type list the same rules apply to open forums too.
    let everywhere: Vec<Rule> = library().into_iter().map(Rule::all_types).collect();
    assert_eq!(screen(&everywhere, &proposal, &ctx).reasons().len(), 11);
}

#[test]
fn a_rule_may_name_several_types() {
    let rule = Rule {
        kind: RuleKind::TitleLength { max_chars: 5 },
        types: vec!["workshop".to_owned(), "open_forum".to_owned()],
    };
    assert!(rule.applies_to("workshop"));
    assert!(rule.applies_to("open_forum"));
    assert!(!rule.applies_to("day0"));
    assert!(!rule.applies_to("Workshop"));
    assert!(Rule::all_types(RuleKind::GenderDiversity).applies_to("anything"));
    assert_eq!(
        rule.explanation(),
        "The title has at most 5 characters. (Applies to: workshop, open_forum.)"
    );
}

#[test]
fn verdict_codes() {
    assert_eq!(
        [Verdict::Pass, Verdict::Fail, Verdict::NotApplicable].map(Verdict::code),
        ["pass", "fail", "not_applicable"]
    );
}

#[test]
fn every_rule_explains_itself_with_its_parameters() {
    let cases = [
        (
            RuleKind::NotBodyMember {
                allow_institution: true,
            },
            "Current MAG members may not submit proposals; their institutions may, through another person.",
        ),
        (
            RuleKind::NotBodyMember {
                allow_institution: false,
            },
            "Current MAG members may not submit proposals.",
        ),
        (
            RuleKind::RequiredFields {
                fields: vec![
                    ProposalField::Title,
                    ProposalField::OnlinePlan,
                    ProposalField::Rapporteur,
                ],
            },
            "All required fields are complete: title, online participation plan, a rapporteur.",
        ),
        (
            RuleKind::ConfirmedSpeakers { min: 3 },
            "At least 3 speakers are provisionally confirmed (they have been contacted and expressed interest and intent to take part).",
        ),
        (
            RuleKind::GenderDiversity,
            "The speakers are not all of one gender: at least one speaker is of a different gender.",
        ),
        (
            RuleKind::OnsitePresence {
                moderators: 1,
                speakers: 2,
            },
            "At least 1 moderator(s) and 2 speaker(s) will be onsite at the venue.",
        ),
        (
            RuleKind::PriorReports { cycles: 3 },
            "Organisers who held sessions in the last 3 cycle(s) have filed their session reports.",
        ),
        (
            RuleKind::MaxPerPerson { max: 3 },
            "One person submits or organises at most 3 proposals in this call.",
        ),
        (
            RuleKind::MaxPerInstitution { max: 4 },
            "One institution submits or organises at most 4 proposals in this call.",
        ),
        (
            RuleKind::TitleLength { max_chars: 60 },
            "The title has at most 60 characters.",
        ),
        (
            RuleKind::DescriptionWords {
                min_words: 0,
                max_words: 250,
            },
            "The description has at most 250 words.",
        ),
        (
            RuleKind::DescriptionWords {
                min_words: 100,
                max_words: 500,
            },
            "The description has 100 to 500 words.",
        ),
        (
            RuleKind::Language {
                languages: vec!["en".to_owned(), "fr".to_owned()],
            },
            "The proposal is written in en or fr.",
        ),
    ];
    for (kind, expected) in cases {
        assert_eq!(Rule::all_types(kind).explanation(), expected);
    }
}

// --- Each rule -----------------------------------------------------------------------------

#[test]
fn not_body_member() {
    let member_org = |c: &mut Context| {
        c.submitter_organisation = "mag member institute".to_owned();
    };
    let organiser_is_member = |d: &mut ProposalDraft| {
        d.people.push(ProposalPerson {
            email: "MAG.Member@Example.net".to_owned(),
            ..person(PersonRole::Organiser, " Maria Member ")
        });
    };
    let speaker_is_member = |d: &mut ProposalDraft| {
        d.people.push(ProposalPerson {
            email: "mag.member@example.net".to_owned(),
            ..person(PersonRole::Speaker, "Maria Member")
        });
    };
    let shared = || -> Vec<Case> {
        vec![
            ("nobody from the MAG", complete_workshop(), ctx(), None),
            (
                "the submitter is a member",
                complete_workshop(),
                edit_ctx(|c| c.submitter = MAG_MEMBER.to_owned()),
                Some("The submitter is a current MAG member."),
            ),
            (
                "an organiser is a member (e-mail in another case)",
                edit(organiser_is_member),
                ctx(),
                Some("Maria Member is a current MAG member and is listed as an organiser."),
            ),
            ("a member may speak", edit(speaker_is_member), ctx(), None),
        ]
    };
    let mut allowed = shared();
    allowed.push((
        "the institution of a member may submit",
        complete_workshop(),
        edit_ctx(member_org),
        None,
    ));
    check_rule(
        &RuleKind::NotBodyMember {
            allow_institution: true,
        },
        allowed,
    );
    let mut refused = shared();
    refused.extend([
        (
            "the institution of a member may not submit (spelling and spacing aside)",
            complete_workshop(),
            edit_ctx(|c| c.submitter_organisation = "  MAG  Member Institute ".to_owned()),
            Some(
                "The submitting institution (MAG  Member Institute) is that of a current MAG member; in this call institutions of MAG members may not submit either.",
            ),
        ),
        (
            "a submitter without an institution",
            complete_workshop(),
            edit_ctx(|c| c.submitter_organisation.clear()),
            None,
        ),
    ]);
    check_rule(
        &RuleKind::NotBodyMember {
            allow_institution: false,
        },
        refused,
    );
}

#[test]
fn required_fields() {
    let kind = RuleKind::RequiredFields {
        fields: vec![
            ProposalField::Title,
            ProposalField::Description,
            ProposalField::PolicyQuestions,
            ProposalField::OnlineModerator,
            ProposalField::Rapporteur,
        ],
    };
    check_rule(
        &kind,
        vec![
            ("all complete", complete_workshop(), ctx(), None),
            (
                "a field not required may be empty",
                edit(|d| d.expected_outcomes.clear()),
                ctx(),
                None,
            ),
            (
                "blank text is missing",
                edit(|d| d.description = " \n ".to_owned()),
                ctx(),
                Some("Missing: description."),
            ),
            (
                "every missing field, in the rule's order",
                edit(|d| {
                    d.policy_questions.clear();
                    d.title.clear();
                    d.people.retain(|p| p.role != PersonRole::Rapporteur);
                }),
                ctx(),
                Some("Missing: title, policy questions, a rapporteur."),
            ),
            (
                "a moderator is not an online moderator",
                edit(|d| d.people.retain(|p| p.role != PersonRole::OnlineModerator)),
                ctx(),
                Some("Missing: an online moderator."),
            ),
        ],
    );
}

#[test]
fn confirmed_speakers() {
    use Confirmation::{Confirmed, Invited, Provisional};
    let kind = RuleKind::ConfirmedSpeakers { min: 3 };
    let confirmations = |list: &[Confirmation]| {
        with_speakers(
            list.iter()
                .enumerate()
                .map(|(i, c)| speaker(&format!("Speaker {i}"), "", true, *c))
                .collect(),
        )
    };
    check_rule(
        &kind,
        vec![
            (
                "exactly 3, provisional counts",
                confirmations(&[Confirmed, Provisional, Provisional]),
                ctx(),
                None,
            ),
            (
                "3 of 4, one only invited",
                confirmations(&[Confirmed, Invited, Confirmed, Confirmed]),
                ctx(),
                None,
            ),
            (
                "2 of 3",
                confirmations(&[Confirmed, Invited, Provisional]),
                ctx(),
                Some(
                    "Provisionally confirmed or confirmed speakers: 2 of 3 listed; at least 3 are needed.",
                ),
            ),
            (
                "a confirmed moderator is not a speaker",
                confirmations(&[Confirmed, Confirmed]),
                ctx(),
                Some(
                    "Provisionally confirmed or confirmed speakers: 2 of 2 listed; at least 3 are needed.",
                ),
            ),
            (
                "no speakers",
                confirmations(&[]),
                ctx(),
                Some(
                    "Provisionally confirmed or confirmed speakers: 0 of 0 listed; at least 3 are needed.",
                ),
            ),
        ],
    );
}

#[test]
fn gender_diversity() {
    let genders = |list: &[&str]| {
        with_speakers(
            list.iter()
                .enumerate()
                .map(|(i, g)| speaker(&format!("Speaker {i}"), g, true, Confirmation::Confirmed))
                .collect(),
        )
    };
    check_rule(
        &RuleKind::GenderDiversity,
        vec![
            ("female and male", genders(&["female", "male"]), ctx(), None),
            (
                "a self-described gender counts as different",
                genders(&["woman", "non-binary"]),
                ctx(),
                None,
            ),
            (
                "an unstated gender beside two stated ones",
                genders(&["female", "", "male"]),
                ctx(),
                None,
            ),
            (
                "one gender in different case and spacing",
                genders(&["Female", " female", "FEMALE "]),
                ctx(),
                Some(
                    "All 3 speakers with a stated gender are female; add a speaker of a different gender.",
                ),
            ),
            (
                "speakers without a stated gender are not counted as all of one gender",
                genders(&["male", "", ""]),
                ctx(),
                Some(
                    "The only speaker with a stated gender is male; add a speaker of a different gender.",
                ),
            ),
            (
                "no stated gender",
                genders(&["", " "]),
                ctx(),
                Some("No speaker's gender is given, so diversity cannot be shown."),
            ),
            (
                "no speakers",
                genders(&[]),
                ctx(),
                Some("No speakers are listed."),
            ),
            (
                "a moderator of another gender is not a speaker",
                {
                    let mut d = genders(&["male", "male"]);
                    d.people.push(ProposalPerson {
                        gender: "female".to_owned(),
                        ..person(PersonRole::Moderator, "Mo")
                    });
                    d
                },
                ctx(),
                Some(
                    "All 2 speakers with a stated gender are male; add a speaker of a different gender.",
                ),
            ),
        ],
    );
}

#[test]
fn onsite_presence() {
    let kind = RuleKind::OnsitePresence {
        moderators: 1,
        speakers: 2,
    };
    let online = |d: &mut ProposalDraft, role: PersonRole, n: usize| {
        for p in d.people.iter_mut().filter(|p| p.role == role).take(n) {
            p.onsite = false;
        }
    };
    check_rule(
        &kind,
        vec![
            (
                "1 moderator and 2 of 3 speakers onsite",
                complete_workshop(),
                ctx(),
                None,
            ),
            (
                "the moderator online",
                edit(|d| online(d, PersonRole::Moderator, 1)),
                ctx(),
                Some("Not enough people onsite: 0 onsite moderator(s), 1 needed."),
            ),
            (
                "an onsite online moderator is not a moderator",
                edit(|d| {
                    online(d, PersonRole::Moderator, 1);
                    for p in &mut d.people {
                        p.onsite |= p.role == PersonRole::OnlineModerator;
                    }
                }),
                ctx(),
                Some("Not enough people onsite: 0 onsite moderator(s), 1 needed."),
            ),
            (
                "one onsite speaker",
                edit(|d| online(d, PersonRole::Speaker, 1)),
                ctx(),
                Some("Not enough people onsite: 1 onsite speaker(s), 2 needed."),
            ),
            (
                "both short",
                edit(|d| {
                    online(d, PersonRole::Moderator, 1);
                    online(d, PersonRole::Speaker, 3);
                }),
                ctx(),
                Some(
                    "Not enough people onsite: 0 onsite moderator(s), 1 needed; 0 onsite speaker(s), 2 needed.",
                ),
            ),
        ],
    );
    check_rule(
        &RuleKind::OnsitePresence {
            moderators: 0,
            speakers: 1,
        },
        vec![(
            "no moderator needed",
            edit(|d| {
                d.people.retain(|p| p.role != PersonRole::Moderator);
                online(d, PersonRole::Speaker, 1);
            }),
            ctx(),
            None,
        )],
    );
}

#[test]
fn prior_reports() {
    let kind = RuleKind::PriorReports { cycles: 2 };
    let missing = |key: &str, years: &[i32]| {
        let key = key.to_owned();
        let years = years.to_vec();
        edit_ctx(move |c| {
            c.year = 2016;
            c.missing_reports.insert(key, years);
        })
    };
    check_rule(
        &kind,
        vec![
            (
                "nothing missing",
                complete_workshop(),
                missing("email:other@example.org", &[2015]),
                None,
            ),
            (
                "the organiser, last year",
                complete_workshop(),
                missing("email:amina@example.org", &[2015]),
                Some("Amina Diallo did not file the report for a session held in 2015."),
            ),
            (
                "the organiser, two cycles back",
                complete_workshop(),
                missing("email:amina@example.org", &[2014]),
                Some("Amina Diallo did not file the report for a session held in 2014."),
            ),
            (
                "three cycles back is outside the window",
                complete_workshop(),
                missing("email:amina@example.org", &[2013]),
                None,
            ),
            (
                "this cycle's own sessions have not happened yet",
                complete_workshop(),
                missing("email:amina@example.org", &[2016]),
                None,
            ),
            (
                "the organiser's organisation, by its normalised name, years sorted",
                complete_workshop(),
                missing("org:example foundation", &[2015, 2012, 2014]),
                Some(
                    "Example Foundation did not file the reports for sessions held in 2014, 2015.",
                ),
            ),
            (
                "the submitter",
                complete_workshop(),
                missing(SUBMITTER, &[2015]),
                Some("The submitter did not file the report for a session held in 2015."),
            ),
            (
                "a speaker's missing report does not count",
                complete_workshop(),
                missing("email:ana@example.org", &[2015]),
                None,
            ),
            (
                "an organiser without e-mail is matched by name",
                edit(|d| d.people[0].email.clear()),
                missing("name:amina diallo", &[2015]),
                Some("Amina Diallo did not file the report for a session held in 2015."),
            ),
        ],
    );
    check_rule(
        &RuleKind::PriorReports { cycles: 1 },
        vec![(
            "one cycle back only",
            complete_workshop(),
            missing("email:amina@example.org", &[2014]),
            None,
        )],
    );
    // A look-back longer than the calendar does not overflow.
    check_rule(
        &RuleKind::PriorReports { cycles: u32::MAX },
        vec![(
            "any past year",
            complete_workshop(),
            missing("email:amina@example.org", &[1990]),
            Some("Amina Diallo did not file the report for a session held in 1990."),
        )],
    );
}

#[test]
fn max_per_person() {
    let kind = RuleKind::MaxPerPerson { max: 3 };
    let count = |key: &str, n: u32| {
        let key = key.to_owned();
        edit_ctx(move |c| {
            c.proposals_per_person.insert(key, n);
        })
    };
    check_rule(
        &kind,
        vec![
            (
                "the submitter at the limit",
                complete_workshop(),
                count(SUBMITTER, 3),
                None,
            ),
            (
                "the submitter over the limit",
                complete_workshop(),
                count(SUBMITTER, 4),
                Some(
                    "The submitter (sam@example.org) submits or organises 4 proposals in this call; the limit is 3.",
                ),
            ),
            (
                "an organiser over the limit is named as typed",
                complete_workshop(),
                count("email:amina@example.org", 5),
                Some("Amina Diallo submits or organises 5 proposals in this call; the limit is 3."),
            ),
            (
                "an organiser without e-mail, by name",
                edit(|d| d.people[0].email.clear()),
                count("name:amina diallo", 4),
                Some("Amina Diallo submits or organises 4 proposals in this call; the limit is 3."),
            ),
            (
                "speakers are not counted",
                complete_workshop(),
                count("email:ana@example.org", 9),
                None,
            ),
            (
                "nobody counted yet",
                complete_workshop(),
                edit_ctx(|c| c.proposals_per_person.clear()),
                None,
            ),
        ],
    );
}

#[test]
fn max_per_institution() {
    let kind = RuleKind::MaxPerInstitution { max: 3 };
    let count = |key: &str, n: u32| {
        let key = key.to_owned();
        edit_ctx(move |c| {
            c.proposals_per_institution.insert(key, n);
        })
    };
    check_rule(
        &kind,
        vec![
            (
                "at the limit",
                complete_workshop(),
                count("example foundation", 3),
                None,
            ),
            (
                "over the limit, named as typed",
                complete_workshop(),
                count("example foundation", 4),
                Some(
                    "The institution \"Example Foundation\" submits or organises 4 proposals in this call; the limit is 3.",
                ),
            ),
            (
                "the submitter's own institution",
                complete_workshop(),
                edit_ctx(|c| {
                    c.submitter_organisation = "Open Net Lab".to_owned();
                    c.proposals_per_institution
                        .insert("open net lab".to_owned(), 4);
                }),
                Some(
                    "The institution \"Open Net Lab\" submits or organises 4 proposals in this call; the limit is 3.",
                ),
            ),
            (
                "a speaker's institution is not counted",
                edit(|d| d.people[1].organisation = "Big Corp".to_owned()),
                count("big corp", 10),
                None,
            ),
        ],
    );
}

#[test]
fn title_length() {
    let kind = RuleKind::TitleLength { max_chars: 60 };
    let titled = |t: String| edit(move |d| d.title = t);
    check_rule(
        &kind,
        vec![
            ("60 characters", titled("t".repeat(60)), ctx(), None),
            (
                "61 characters",
                titled("t".repeat(61)),
                ctx(),
                Some("The title has 61 characters; at most 60 are allowed."),
            ),
            ("characters, not bytes", titled("é".repeat(60)), ctx(), None),
            (
                "surrounding spaces do not count",
                titled(format!("  {}  ", "t".repeat(60))),
                ctx(),
                None,
            ),
        ],
    );
}

#[test]
fn description_words() {
    let kind = RuleKind::DescriptionWords {
        min_words: 10,
        max_words: 250,
    };
    let described = |t: String| edit(move |d| d.description = t);
    check_rule(
        &kind,
        vec![
            ("250 words", described(words(250)), ctx(), None),
            (
                "251 words",
                described(words(251)),
                ctx(),
                Some("The description has 251 words; at most 250 are allowed."),
            ),
            ("10 words", described(words(10)), ctx(), None),
            (
                "9 words",
                described(words(9)),
                ctx(),
                Some("The description has 9 words; at least 10 are needed."),
            ),
            (
                "any whitespace separates words",
                described(format!("{}\n\n\t{}", words(5), words(5))),
                ctx(),
                None,
            ),
            (
                "no description",
                described(String::new()),
                ctx(),
                Some("The description has 0 words; at least 10 are needed."),
            ),
        ],
    );
}

#[test]
fn language() {
    let kind = RuleKind::Language {
        languages: vec!["en".to_owned(), "FR".to_owned()],
    };
    let written = |l: &str| {
        let l = l.to_owned();
        edit(move |d| d.language = l)
    };
    check_rule(
        &kind,
        vec![
            ("en", written("en"), ctx(), None),
            ("case and spaces aside", written(" EN "), ctx(), None),
            ("fr against FR", written("fr"), ctx(), None),
            (
                "another language",
                written("es"),
                ctx(),
                Some("The proposal's language is es; proposals must be in en or FR."),
            ),
            (
                "not stated",
                written(""),
                ctx(),
                Some("The proposal's language is not stated; proposals must be in en or FR."),
            ),
        ],
    );
}

// --- Rule parameters -----------------------------------------------------------------------

#[test]
fn rule_parameters_are_checked_against_the_set_up() {
    let s = setup();
    let cases: Vec<(Rule, Vec<(&str, &str)>)> = vec![
        (Rule::all_types(RuleKind::GenderDiversity), vec![]),
        (
            Rule {
                kind: RuleKind::TitleLength { max_chars: 60 },
                types: vec!["workshop".to_owned(), "day0".to_owned()],
            },
            vec![(
                "unknown_session_type",
                "rule title_length names session type \"day0\", which this cycle does not have",
            )],
        ),
        (
            Rule::all_types(RuleKind::RequiredFields { fields: vec![] }),
            vec![(
                "bad_parameter",
                "rule required_fields: list at least one field",
            )],
        ),
        (
            Rule::all_types(RuleKind::ConfirmedSpeakers { min: 0 }),
            vec![(
                "bad_parameter",
                "rule confirmed_speakers: the minimum must be at least 1 (or leave the rule out)",
            )],
        ),
        (
            Rule::all_types(RuleKind::ConfirmedSpeakers { min: 1 }),
            vec![],
        ),
        (
            Rule::all_types(RuleKind::OnsitePresence {
                moderators: 0,
                speakers: 0,
            }),
            vec![(
                "bad_parameter",
                "rule onsite_presence: ask for at least 1 onsite moderator or speaker (or leave the rule out)",
            )],
        ),
        (
            Rule::all_types(RuleKind::OnsitePresence {
                moderators: 0,
                speakers: 1,
            }),
            vec![],
        ),
        (
            Rule::all_types(RuleKind::PriorReports { cycles: 0 }),
            vec![(
                "bad_parameter",
                "rule prior_reports: look back at least 1 cycle",
            )],
        ),
        (
            Rule::all_types(RuleKind::MaxPerPerson { max: 0 }),
            vec![(
                "bad_parameter",
                "rule max_per_person: the maximum must be at least 1",
            )],
        ),
        (
            Rule::all_types(RuleKind::MaxPerInstitution { max: 0 }),
            vec![(
                "bad_parameter",
                "rule max_per_institution: the maximum must be at least 1",
            )],
        ),
        (
            Rule::all_types(RuleKind::MaxPerInstitution { max: 1 }),
            vec![],
        ),
        (
            Rule::all_types(RuleKind::TitleLength { max_chars: 0 }),
            vec![(
                "bad_parameter",
                "rule title_length: the maximum must be at least 1",
            )],
        ),
        (
            Rule::all_types(RuleKind::DescriptionWords {
                min_words: 300,
                max_words: 250,
            }),
            vec![(
                "bad_parameter",
                "rule description_words: the word range 300 to 250 is empty; max_words must be at least 1 and at least min_words",
            )],
        ),
        (
            Rule::all_types(RuleKind::DescriptionWords {
                min_words: 0,
                max_words: 0,
            }),
            vec![(
                "bad_parameter",
                "rule description_words: the word range 0 to 0 is empty; max_words must be at least 1 and at least min_words",
            )],
        ),
        (
            Rule::all_types(RuleKind::DescriptionWords {
                min_words: 250,
                max_words: 250,
            }),
            vec![],
        ),
        (
            Rule::all_types(RuleKind::Language { languages: vec![] }),
            vec![(
                "bad_parameter",
                "rule language: list at least one language, each a code such as en",
            )],
        ),
        (
            Rule::all_types(RuleKind::Language {
                languages: vec!["en".to_owned(), " ".to_owned()],
            }),
            vec![(
                "bad_parameter",
                "rule language: list at least one language, each a code such as en",
            )],
        ),
    ];
    for (rule, expected) in cases {
        let got: Vec<(&str, String)> = rule
            .check(&s)
            .into_iter()
            .inspect(|e| assert_eq!(e.field, "rules"))
            .map(|e| (e.code, e.problem))
            .collect();
        let expected: Vec<(&str, String)> = expected
            .into_iter()
            .map(|(c, p)| (c, p.to_owned()))
            .collect();
        assert_eq!(got, expected, "{rule:?}");
    }
}

// --- Presets -------------------------------------------------------------------------------

/// For each criterion of a preset: its rule code and a proposal and context that fail
/// exactly that criterion.
type Variant = (&'static str, ProposalDraft, Context);

fn year_ctx(year: i32) -> Context {
    Context { year, ..ctx() }
}

fn missing_last_year(year: i32) -> Context {
    let mut c = year_ctx(year);
    c.missing_reports
        .insert("email:amina@example.org".to_owned(), vec![year - 1]);
    c
}

fn submitted_by_member(year: i32) -> Context {
    Context {
        submitter: MAG_MEMBER.to_owned(),
        ..year_ctx(year)
    }
}

fn one_invited_speaker() -> ProposalDraft {
    edit(|d| {
        if let Some(p) = d.people.iter_mut().find(|p| p.role == PersonRole::Speaker) {
            p.confirmation = Confirmation::Invited;
        }
    })
}

fn variants(preset: &str) -> Vec<Variant> {
    match preset {
        "igf2016" => vec![
            (
                "not_body_member",
                complete_workshop(),
                submitted_by_member(2016),
            ),
            (
                "required_fields",
                edit(|d| d.format.clear()),
                year_ctx(2016),
            ),
            (
                "max_per_person",
                complete_workshop(),
                edit_ctx(|c| {
                    c.year = 2016;
                    c.proposals_per_person.insert(SUBMITTER.to_owned(), 4);
                }),
            ),
            (
                "max_per_institution",
                complete_workshop(),
                edit_ctx(|c| {
                    c.year = 2016;
                    c.proposals_per_institution
                        .insert("example foundation".to_owned(), 4);
                }),
            ),
            (
                "prior_reports",
                complete_workshop(),
                missing_last_year(2016),
            ),
            (
                "title_length",
                edit(|d| d.title = "t".repeat(61)),
                year_ctx(2016),
            ),
            (
                "description_words",
                edit(|d| d.description = words(251)),
                year_ctx(2016),
            ),
        ],
        "igf2018" => vec![
            (
                "not_body_member",
                complete_workshop(),
                submitted_by_member(2018),
            ),
            (
                "required_fields",
                edit(|d| d.policy_questions = " ".to_owned()),
                year_ctx(2018),
            ),
            ("confirmed_speakers", one_invited_speaker(), year_ctx(2018)),
            (
                "prior_reports",
                complete_workshop(),
                missing_last_year(2018),
            ),
        ],
        "igf2023" => vec![
            (
                "not_body_member",
                complete_workshop(),
                submitted_by_member(2023),
            ),
            (
                "not_body_member",
                complete_workshop(),
                edit_ctx(|c| c.submitter_organisation = "MAG Member Institute".to_owned()),
            ),
            (
                "required_fields",
                edit(|d| d.people.retain(|p| p.role != PersonRole::Rapporteur)),
                year_ctx(2023),
            ),
            (
                "required_fields",
                edit(|d| d.interaction_plan.clear()),
                year_ctx(2023),
            ),
            ("confirmed_speakers", one_invited_speaker(), year_ctx(2023)),
            (
                "gender_diversity",
                edit(|d| {
                    for p in &mut d.people {
                        p.gender = "female".to_owned();
                    }
                }),
                year_ctx(2023),
            ),
            (
                "onsite_presence",
                edit(|d| d.people[1].onsite = false),
                year_ctx(2023),
            ),
            (
                "prior_reports",
                complete_workshop(),
                missing_last_year(2023),
            ),
        ],
        _ => Vec::new(),
    }
}

fn preset_year(preset: &str) -> i32 {
    match preset {
        "igf2016" => 2016,
        "igf2018" => 2018,
        _ => 2023,
    }
}

#[test]
fn each_preset_accepts_a_complete_workshop_proposal() {
    for preset in presets::NAMES {
        let rules = presets::rules(preset).unwrap();
        let screening = screen(&rules, &complete_workshop(), &year_ctx(preset_year(preset)));
        for outcome in &screening.outcomes {
            assert_eq!(
                outcome.verdict,
                Verdict::Pass,
                "{preset} {}: {}",
                outcome.rule,
                outcome.reason
            );
        }
        assert!(screening.passed(), "{preset}");
    }
}

#[test]
fn each_preset_criterion_fails_alone() {
    for preset in presets::NAMES {
        let rules = presets::rules(preset).unwrap();
        let tested: BTreeSet<&str> = variants(preset).iter().map(|v| v.0).collect();
        let in_preset: BTreeSet<&str> = rules.iter().map(|r| r.kind.code()).collect();
        assert_eq!(
            tested, in_preset,
            "{preset}: every criterion has a failing variant"
        );
        for (code, proposal, ctx) in variants(preset) {
            let screening = screen(&rules, &proposal, &ctx);
            let failing: Vec<&str> = screening
                .outcomes
                .iter()
                .filter(|o| o.verdict == Verdict::Fail)
                .map(|o| o.rule)
                .collect();
            assert_eq!(failing, vec![code], "{preset}: {:?}", screening.reasons());
            assert!(!screening.passed());
        }
    }
}

#[test]
fn the_preset_criteria_are_those_of_their_year() {
    let codes = |preset| -> Vec<&'static str> {
        presets::rules(preset)
            .unwrap()
            .iter()
            .map(|r| r.kind.code())
            .collect()
    };
    assert_eq!(
        codes("igf2016"),
        [
            "not_body_member",
            "required_fields",
            "max_per_person",
            "max_per_institution",
            "prior_reports",
            "title_length",
            "description_words",
        ]
    );
    assert_eq!(
        codes("igf2018"),
        [
            "not_body_member",
            "required_fields",
            "confirmed_speakers",
            "prior_reports",
        ]
    );
    assert_eq!(
        codes("igf2023"),
        [
            "not_body_member",
            "required_fields",
            "confirmed_speakers",
            "gender_diversity",
            "onsite_presence",
            "prior_reports",
        ]
    );
    // Every preset rule is for workshops only and valid in a cycle that has workshops.
    for preset in presets::NAMES {
        for rule in presets::rules(preset).unwrap() {
            assert_eq!(rule.types, vec!["workshop".to_owned()], "{preset}");
            assert_eq!(rule.check(&setup()), vec![], "{preset}");
        }
    }
    assert_eq!(presets::speaker_cap("igf2018"), Some(3));
    assert_eq!(presets::speaker_cap("igf2016"), None);
    assert_eq!(presets::speaker_cap("igf2023"), None);
    assert_eq!(presets::rules("igf2019"), None);
    assert_eq!(presets::rules(""), None);
}

#[test]
fn a_members_institution_may_submit_in_2016_and_2018_but_not_2023() {
    let from_member_institute = |year| {
        edit_ctx(|c| {
            c.year = year;
            c.submitter_organisation = "mag member institute".to_owned();
        })
    };
    for (preset, passes) in [("igf2016", true), ("igf2018", true), ("igf2023", false)] {
        let rules = presets::rules(preset).unwrap();
        let screening = screen(
            &rules,
            &complete_workshop(),
            &from_member_institute(preset_year(preset)),
        );
        assert_eq!(screening.passed(), passes, "{preset}");
    }
}

#[test]
fn the_presets_do_not_screen_other_session_types() {
    for preset in presets::NAMES {
        let rules = presets::rules(preset).unwrap();
        // Fails every workshop criterion the preset has.
        let (mut proposal, ctx) = failing_everything("workshop");
        proposal.title = "t".repeat(61);
        proposal.description = words(251);
        assert_eq!(
            screen(&rules, &proposal, &ctx).reasons().len(),
            rules.len(),
            "{preset}"
        );
        for session_type in ["open_forum", "day0", "lightning_talk"] {
            proposal.session_type = session_type.to_owned();
            let screening = screen(&rules, &proposal, &ctx);
            assert!(screening.passed(), "{preset} {session_type}");
            assert!(
                screening
                    .outcomes
                    .iter()
                    .all(|o| o.verdict == Verdict::NotApplicable),
                "{preset} {session_type}"
            );
        }
    }
}

// --- Screening results ---------------------------------------------------------------------

#[test]
fn a_screening_lists_every_rule_in_order_and_the_failing_reasons_in_that_order() {
    let rules = vec![
        Rule::all_types(RuleKind::TitleLength { max_chars: 10 }),
        Rule::all_types(RuleKind::GenderDiversity),
        Rule {
            kind: RuleKind::Language {
                languages: vec!["fr".to_owned()],
            },
            types: vec!["open_forum".to_owned()],
        },
        Rule::all_types(RuleKind::DescriptionWords {
            min_words: 0,
            max_words: 5,
        }),
    ];
    let screening = screen(&rules, &complete_workshop(), &ctx());
    let verdicts: Vec<(&str, Verdict)> = screening
        .outcomes
        .iter()
        .map(|o| (o.rule, o.verdict))
        .collect();
    assert_eq!(
        verdicts,
        vec![
            ("title_length", Verdict::Fail),
            ("gender_diversity", Verdict::Pass),
            ("language", Verdict::NotApplicable),
            ("description_words", Verdict::Fail),
        ]
    );
    assert_eq!(
        screening.reasons(),
        vec![
            "The title has 35 characters; at most 10 are allowed.",
            "The description has 120 words; at most 5 are allowed.",
        ]
    );
    assert!(!screening.passed());
    assert!(screen(&[], &complete_workshop(), &ctx()).passed());
}

// --- Counting for the per-person and per-institution caps ----------------------------------

#[test]
fn counted_people_are_the_submitter_and_the_organisers() {
    let mut draft = complete_workshop();
    draft
        .people
        .push(person(PersonRole::Organiser, "  Lee  Park "));
    // The submitter also listed as organiser, with the e-mail in another case.
    draft.people.push(ProposalPerson {
        email: "SAM@example.org".to_owned(),
        ..person(PersonRole::Organiser, "Sam")
    });
    assert_eq!(
        counted_people(&draft, SUBMITTER),
        BTreeSet::from([
            "email:amina@example.org".to_owned(),
            "email:sam@example.org".to_owned(),
            "name:lee park".to_owned(),
        ])
    );
    // Without a submitter (an import), only the organisers.
    assert_eq!(
        counted_people(&complete_workshop(), ""),
        BTreeSet::from(["email:amina@example.org".to_owned()])
    );
}

#[test]
fn counted_institutions_are_those_of_the_submitter_and_the_organisers() {
    let mut draft = complete_workshop();
    draft.people[1].organisation = "Big Corp".to_owned();
    draft.people.push(ProposalPerson {
        organisation: " EXAMPLE   foundation".to_owned(),
        ..person(PersonRole::Organiser, "Lee Park")
    });
    draft.people.push(ProposalPerson {
        organisation: "  ".to_owned(),
        ..person(PersonRole::Organiser, "No Org")
    });
    assert_eq!(
        counted_institutions(&draft, "Open  Net Lab"),
        BTreeSet::from(["example foundation".to_owned(), "open net lab".to_owned()])
    );
    assert_eq!(
        counted_institutions(&draft, ""),
        BTreeSet::from(["example foundation".to_owned()])
    );
}

// --- Speaker cap after selection -----------------------------------------------------------

fn session(people: Vec<ProposalPerson>) -> ProposalDraft {
    ProposalDraft {
        session_type: "workshop".to_owned(),
        title: "Accepted".to_owned(),
        people,
        ..ProposalDraft::default()
    }
}

fn listed(role: PersonRole, name: &str, email: &str) -> ProposalPerson {
    ProposalPerson {
        email: email.to_owned(),
        ..person(role, name)
    }
}

#[test]
fn a_speaker_in_more_accepted_sessions_than_the_cap_is_reported_once_with_all_of_them() {
    use PersonRole::{Moderator, OnlineModerator, Organiser, Rapporteur, Speaker};
    let ana = |role| listed(role, "Ana Silva", "ana@example.org");
    let sessions = [
        (101, session(vec![ana(Speaker)])),
        // Named differently and with the e-mail in another case: the same person.
        (
            102,
            session(vec![listed(Speaker, "A. Silva", "ANA@example.org")]),
        ),
        (103, session(vec![ana(Moderator)])),
        (104, session(vec![ana(Speaker), ana(Moderator)])),
        (
            105,
            session(vec![ana(Organiser), ana(Rapporteur), ana(OnlineModerator)]),
        ),
    ];
    let refs: Vec<(u32, &ProposalDraft)> = sessions.iter().map(|(k, p)| (*k, p)).collect();
    assert_eq!(
        speaker_cap(&refs, 3),
        vec![OverBooked {
            identity: "email:ana@example.org".to_owned(),
            name: "Ana Silva".to_owned(),
            sessions: vec![101, 102, 103, 104],
            cap: 3,
        }]
    );
    // At the cap nobody is reported.
    assert_eq!(speaker_cap(&refs, 4), vec![]);
}

#[test]
fn the_same_person_twice_in_one_session_counts_once() {
    use PersonRole::{Moderator, Speaker};
    let bo = |role| listed(role, "Bo Chen", "");
    let sessions = [
        ("a", session(vec![bo(Speaker), bo(Moderator)])),
        ("b", session(vec![bo(Speaker)])),
        ("c", session(vec![bo(Moderator)])),
    ];
    let refs: Vec<(&str, &ProposalDraft)> = sessions.iter().map(|(k, p)| (*k, p)).collect();
    assert_eq!(speaker_cap(&refs, 3), vec![]);
    let over = speaker_cap(&refs, 2);
    assert_eq!(over.len(), 1);
    assert_eq!(over[0].identity, "name:bo chen");
    assert_eq!(over[0].sessions, vec!["a", "b", "c"]);
}

#[test]
fn everyone_over_the_cap_is_reported_in_identity_order() {
    use PersonRole::{Moderator, Speaker};
    let zoe = || listed(Speaker, "Zoe", "zoe@example.org");
    let max = || listed(Moderator, "Max", "max@example.org");
    let kim = || listed(Speaker, "Kim", "kim@example.org");
    let sessions = [
        (1, session(vec![zoe(), max()])),
        (2, session(vec![zoe(), max(), kim()])),
        (3, session(vec![zoe(), kim()])),
    ];
    let refs: Vec<(i32, &ProposalDraft)> = sessions.iter().map(|(k, p)| (*k, p)).collect();
    let over: Vec<(String, Vec<i32>)> = speaker_cap(&refs, 1)
        .into_iter()
        .map(|o| (o.name, o.sessions))
        .collect();
    assert_eq!(
        over,
        vec![
            ("Kim".to_owned(), vec![2, 3]),
            ("Max".to_owned(), vec![1, 2]),
            ("Zoe".to_owned(), vec![1, 2, 3]),
        ]
    );
}
