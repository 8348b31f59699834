//! Ready-made constitutions: the IGF MAG, the IGF Leadership Panel, and the three
//! multistakeholder high-level body approaches (A, B, C) of the MAG Working Group on IGF
//! Strengthening and Strategy.
//!
//! Each function's doc comment cites its source (a seed file under `shared/seeds/` or a
//! section of `shared/domain/igf-rules.md`) and says which values are Plenary's choice where
//! the text is silent. Stakeholder-group keys are the codes of
//! `forums::default_stakeholder_groups` (plus `at_large` for the Leadership Panel).
//!
//! Invariant: presets skip `Constitution::validate` at run time (they are constants, and the
//! domain has no `unwrap`); the test `every_preset_validates` validates every one of them.
//!
//! Not here: the rules themselves (`bodies::constitution`).

use crate::countries::UnRegionalGroup;

use super::constitution::{
    Balance, ChairRule, Constitution, ConstitutionDraft, EngagementPolicy, ExOfficioRole,
    GenderBalance, Limit, Others, Quota, SeatAllocation, SeatKind, SeatRange, TermRule,
};

/// The four stakeholder groups that make up the MAG (the fifth default group,
/// intergovernmental organisations, attends as observers).
const MAG_GROUPS: [&str; 4] = [
    "government",
    "private_sector",
    "civil_society",
    "technical_community",
];

/// The five UN regional groups that have members.
const REGIONS: [UnRegionalGroup; 5] = [
    UnRegionalGroup::African,
    UnRegionalGroup::AsiaPacific,
    UnRegionalGroup::EasternEuropean,
    UnRegionalGroup::LatinAmericanAndCaribbean,
    UnRegionalGroup::WesternEuropeanAndOthers,
];

/// The IGF Multistakeholder Advisory Group, for a cycle with `former_host_countries`
/// distinct former host countries.
///
/// From the sources:
/// - Size: up to 55 regular seats, at least 50 voting members. The MAG ToR (seed
///   `000_30fd68536fe00ab3.txt`, §IV Composition) says "approximately 50 Members (total number
///   … subject to change from year-to-year)"; the 2019 orientation (seed
///   `003_51208d4d35ca157a.txt`) has "52 MAG members this year … Next year, we are going to try
///   and keep it to 50"; igf-rules.md §3.2 gives a target of 50 for 2020 and 55 members in
///   2023, and §3.4 the 2018 Chair's "50-55 members".
/// - Stakeholder groups: government at most 40 % (ToR §IV "approximately 40% governments";
///   igf-rules.md §3.3 "may hold up to 40%"); private sector, civil society and technical
///   community at least 20 % each (igf-rules.md §3.4, 2018 Chair: "the other 60% roughly 20%
///   each"). Only these four groups hold regular seats.
/// - Standing seats: one per former host country (ToR §IV; igf-rules.md §3.3).
/// - Ex officio: the MAG chair, appointed by the UN Secretary-General (igf-rules.md §3.5),
///   and the current host country's honorary co-chair (igf-rules.md §3.5; the 2016 summary
///   report, seed `002_4901b62ba2ca8b5c.txt`, §1).
/// - Terms: one year, "automatically renewable for two consecutive years, contingent on a
///   yearly evaluation of their engagement" (ToR §V), so at most 3 consecutive terms;
///   "rotated by roughly one-third each year" (ToR §V): 33 %.
/// - Regions: 9 to 11 regular seats per UN regional group, from the 2017 civil-society
///   analysis ("each region around 9-11 seats", igf-rules.md §3.3). This is observed
///   practice, not a published rule.
///
/// Plenary's choices where the sources give no number: a government floor of 35 % ("roughly
/// twice as many seats as each other group", igf-rules.md §3.3); no gender above 60 % (the
/// sources ask for gender balance and cite the UN gender-parity strategy without a figure);
/// 10 observer seats for intergovernmental organisations (ToR §IV invites them, without a
/// number); the default engagement policy (60 % of meetings and reviews); no vice-chair.
pub fn mag(former_host_countries: u32) -> Constitution {
    Constitution::from_checked_preset(ConstitutionDraft {
        name: "Multistakeholder Advisory Group (MAG)".to_owned(),
        size: SeatRange {
            min: 50,
            max: 57 + former_host_countries,
        },
        seats: vec![
            seats(SeatKind::Regular, 55),
            seats(SeatKind::ExOfficio(ExOfficioRole::MagChair), 1),
            seats(SeatKind::ExOfficio(ExOfficioRole::CurrentHostCountry), 1),
            seats(SeatKind::StandingHostCountry, former_host_countries),
            seats(SeatKind::Observer, 10),
        ],
        stakeholder_groups: mag_shares(),
        regions: Balance {
            quotas: REGIONS
                .into_iter()
                .map(|region| Quota {
                    key: region,
                    floor: Some(Limit::Count(9)),
                    cap: Some(Limit::Count(11)),
                })
                .collect(),
            others: Others::Allowed,
        },
        gender: no_gender_above(60),
        term: TermRule {
            months: 12,
            max_consecutive_terms: Some(3),
        },
        rotation_share_percent: 33,
        chair: ChairRule::Appointed,
        vice_chair: false,
        engagement_policy: EngagementPolicy::DEFAULT,
    })
}

/// The IGF Leadership Panel.
///
/// From the Leadership Panel ToR (seed `004_9aef030b6b6cd1bc.txt`):
/// - "Panel configuration": ten members: 2 government (ministerial level, or regional IGOs
///   with General Assembly observer status), 2 each from the private sector, technical
///   community and civil society, and 2 at-large members; plus ex officio the current,
///   immediately previous and immediately upcoming host countries, the MAG chair and the
///   Secretary-General's Envoy on Technology (15 in all; igf-rules.md §4 agrees).
/// - "Membership and tenure": a two-year term.
/// - "The roles of Chair and Vice-Chair of the Panel will be held on an annual rotating basis
///   amongst members, elected by members of the Panel" (line 41): elected annually, among
///   members, and the roles rotate among the members, so no one holds the same office two
///   years running (`rotate_holder`). The ToR sets no stakeholder-group rotation, so
///   `rotate_stakeholder_group` is false.
///
/// Plenary's choices where the ToR is silent: at most 2 consecutive terms; a rotation share
/// of 50 % a year (two-year terms); no gender above 60 % (the ToR asks for "due regard for
/// regional and gender balance" without figures); no regional quotas.
pub fn leadership_panel() -> Constitution {
    let quotas = [
        "government",
        "private_sector",
        "technical_community",
        "civil_society",
        "at_large",
    ]
    .into_iter()
    .map(|code| group(code, Some(Limit::Count(2)), Some(Limit::Count(2))))
    .collect();
    Constitution::from_checked_preset(ConstitutionDraft {
        name: "IGF Leadership Panel".to_owned(),
        size: SeatRange::exactly(15),
        seats: vec![
            seats(SeatKind::Regular, 10),
            seats(SeatKind::ExOfficio(ExOfficioRole::CurrentHostCountry), 1),
            seats(SeatKind::ExOfficio(ExOfficioRole::PreviousHostCountry), 1),
            seats(SeatKind::ExOfficio(ExOfficioRole::NextHostCountry), 1),
            seats(SeatKind::ExOfficio(ExOfficioRole::MagChair), 1),
            seats(SeatKind::ExOfficio(ExOfficioRole::TechEnvoy), 1),
        ],
        stakeholder_groups: Balance {
            quotas,
            others: Others::NotAllowed,
        },
        regions: no_regional_quotas(),
        gender: no_gender_above(60),
        term: TermRule {
            months: 24,
            max_consecutive_terms: Some(2),
        },
        rotation_share_percent: 50,
        chair: ChairRule::ElectedAnnually {
            among_members: true,
            rotate_stakeholder_group: false,
            rotate_holder: true,
        },
        vice_chair: true,
        engagement_policy: EngagementPolicy::DEFAULT,
    })
}

/// Approach A: a multistakeholder high-level body (MHLB) separate from and complementary to
/// the MAG.
///
/// From the working group paper, Annex 1, Approach "A", "Composition of the MHLB" (seed
/// `001_3d18b24ab95ebbc6.txt`): "about 25 people from all stakeholder groups; bottom-up
/// nominations by stakeholder groups and UNSG designation; rotation by thirds; terms would be
/// limited"; "the chair of MAG should be an ex-officio member of the MHLB, and possibly a
/// vice-chair of it"; "the UN Tech Envoy should be a member or at least attend MHLB meetings";
/// "the formal/honorary chair of the MHLB could be the UNSG, with a rotational day-to-day
/// co-chair drawn from any member". Footnote 5 records a minority view of 16 members, four
/// from each of four groups.
///
/// Modelled as: 25 regular seats plus the MAG chair and the Tech Envoy ex officio (25 to 27
/// voting members); a rotation share of 33 %; a vice-chair. Plenary's choices: one-year
/// terms, at most 3 (the MAG's, since the text only says "limited"); the rotating co-chair
/// is elected annually among members and rotates between stakeholder groups and between
/// holders, no one being co-chair two years running (our reading of "rotational … drawn
/// from any member", the same wording as the Leadership Panel's ToR); the UNSG as honorary chair holds no seat; at least 4 seats for each of
/// the four groups (footnote 5's minimum); at least 3 per UN regional group ("geographical
/// balance" without figures); no gender above 60 %.
pub fn approach_a_mhlb() -> Constitution {
    Constitution::from_checked_preset(ConstitutionDraft {
        name: "Multistakeholder High-level Body (Approach A)".to_owned(),
        size: SeatRange { min: 25, max: 27 },
        seats: vec![
            seats(SeatKind::Regular, 25),
            seats(SeatKind::ExOfficio(ExOfficioRole::MagChair), 1),
            seats(SeatKind::ExOfficio(ExOfficioRole::TechEnvoy), 1),
        ],
        stakeholder_groups: four_groups_at_least(4),
        regions: each_region_at_least(Limit::Count(3)),
        gender: no_gender_above(60),
        term: mag_term(),
        rotation_share_percent: 33,
        chair: ChairRule::ElectedAnnually {
            among_members: true,
            rotate_stakeholder_group: true,
            rotate_holder: true,
        },
        vice_chair: true,
        engagement_policy: EngagementPolicy::DEFAULT,
    })
}

/// Approach B: "MAG Plus", an in-depth reform of the MAG that carries the high-level
/// functions itself.
///
/// From the working group paper, Annex 1, Approach "B", "Composition of the MAG+" (seed
/// `001_3d18b24ab95ebbc6.txt`): the rest of the MAG+ "should continue to be based on MAG
/// practice and experience: about 40-50 people from all stakeholder groups; bottom-up
/// nominations by stakeholder groups and UNSG designation; rotation by thirds; terms would
/// be limited"; the leadership team "will be led by the chair of the MAG+"
/// (`approach_b_leadership_team`).
///
/// Modelled as: 40 to 51 voting members, of which up to 50 regular and the chair ex officio;
/// the MAG's stakeholder quotas (government 35–40 %, the other three groups at least 20 %
/// each); rotation 33 %; an appointed chair as in the MAG. Plenary's choices: one-year terms,
/// at most 3; at least 15 % per UN regional group (the MAG's 9-of-55 floor scaled to a
/// share); no gender above 60 %; no vice-chair; no standing host-country seats (the text
/// does not mention them).
pub fn approach_b_mag_plus() -> Constitution {
    Constitution::from_checked_preset(ConstitutionDraft {
        name: "MAG Plus (Approach B)".to_owned(),
        size: SeatRange { min: 40, max: 51 },
        seats: vec![
            seats(SeatKind::Regular, 50),
            seats(SeatKind::ExOfficio(ExOfficioRole::MagChair), 1),
        ],
        stakeholder_groups: mag_shares(),
        regions: each_region_at_least(Limit::Share { percent: 15 }),
        gender: no_gender_above(60),
        term: mag_term(),
        rotation_share_percent: 33,
        chair: ChairRule::Appointed,
        vice_chair: false,
        engagement_policy: EngagementPolicy::DEFAULT,
    })
}

/// Approach B's "leadership team" (or "executive committee") inside the MAG+.
///
/// From the working group paper, Annex 1, Approach "B" (seed `001_3d18b24ab95ebbc6.txt`): the
/// leadership team "should have a very similar nomination and selection procedure like the one
/// used for the MAG. It would comprise of 5 or 6 people", and "will be led by the chair of the
/// MAG+".
///
/// Modelled as: 5 or 6 voting members, the MAG+ chair ex officio (and leading it, so the chair
/// is `Appointed`) plus up to 5 regular seats. Plenary's choices: at least one seat for each
/// of the four groups; one-year terms, at most 3, rotation 33 % (as the MAG+); no gender above
/// 60 %; no regional quotas (too small); no vice-chair.
pub fn approach_b_leadership_team() -> Constitution {
    Constitution::from_checked_preset(ConstitutionDraft {
        name: "MAG Plus leadership team (Approach B)".to_owned(),
        size: SeatRange { min: 5, max: 6 },
        seats: vec![
            seats(SeatKind::Regular, 5),
            seats(SeatKind::ExOfficio(ExOfficioRole::MagChair), 1),
        ],
        stakeholder_groups: four_groups_at_least(1),
        regions: no_regional_quotas(),
        gender: no_gender_above(60),
        term: mag_term(),
        rotation_share_percent: 33,
        chair: ChairRule::Appointed,
        vice_chair: false,
        engagement_policy: EngagementPolicy::DEFAULT,
    })
}

/// Approach C, upper tier: the MHLB within a two-tier "IGF Leadership Group".
///
/// From the working group paper, Annex 1, Approach "C" §2.1–2.2 (seed
/// `001_3d18b24ab95ebbc6.txt`): "The IGF leadership group should consist of about 50 people
/// (+-20 MHLB members and +- 30 MAG members) from all stakeholder groups … appointed by the
/// UNSG with rotation by thirds and with limited terms", with "geographical, gender and
/// stakeholder balance"; "The MHLB chairing role could be played by the proposed Tech Envoy";
/// "A further option would be for both the MHLB and the MAG to each have vice chairs".
///
/// Modelled as: 20 regular seats plus the Tech Envoy ex officio as chair (`Appointed`); a
/// vice-chair; rotation 33 %. Plenary's choices: one-year terms, at most 3; at least 4 seats
/// for each of the four groups and at least 2 per UN regional group; no gender above 60 %.
pub fn approach_c_mhlb() -> Constitution {
    Constitution::from_checked_preset(ConstitutionDraft {
        name: "IGF Leadership Group: MHLB tier (Approach C)".to_owned(),
        size: SeatRange { min: 20, max: 21 },
        seats: vec![
            seats(SeatKind::Regular, 20),
            seats(SeatKind::ExOfficio(ExOfficioRole::TechEnvoy), 1),
        ],
        stakeholder_groups: four_groups_at_least(4),
        regions: each_region_at_least(Limit::Count(2)),
        gender: no_gender_above(60),
        term: mag_term(),
        rotation_share_percent: 33,
        chair: ChairRule::Appointed,
        vice_chair: true,
        engagement_policy: EngagementPolicy::DEFAULT,
    })
}

/// Approach C, lower tier: the MAG within the two-tier "IGF Leadership Group".
///
/// From the working group paper, Annex 1, Approach "C" §2.1, §2.2 and §4 (seed
/// `001_3d18b24ab95ebbc6.txt`): "+- 30 MAG members", "rotation by thirds and with limited
/// terms"; "The MHLB and the MAG will each have its own chairperson", the MAG chair being
/// vice-chair of the whole group; "The MAG would continue to be the programme-developing
/// committee".
///
/// Modelled as: 30 regular seats plus the MAG chair ex officio (appointed, as today); the
/// MAG's stakeholder shares; rotation 33 %. Plenary's choices: one-year terms, at most 3; at
/// least 15 % per UN regional group; no gender above 60 %; a vice-chair (the paper's
/// "further option"); no standing host-country seats (not mentioned).
pub fn approach_c_mag() -> Constitution {
    Constitution::from_checked_preset(ConstitutionDraft {
        name: "IGF Leadership Group: MAG tier (Approach C)".to_owned(),
        size: SeatRange { min: 30, max: 31 },
        seats: vec![
            seats(SeatKind::Regular, 30),
            seats(SeatKind::ExOfficio(ExOfficioRole::MagChair), 1),
        ],
        stakeholder_groups: mag_shares(),
        regions: each_region_at_least(Limit::Share { percent: 15 }),
        gender: no_gender_above(60),
        term: mag_term(),
        rotation_share_percent: 33,
        chair: ChairRule::Appointed,
        vice_chair: true,
        engagement_policy: EngagementPolicy::DEFAULT,
    })
}

/// Every preset with a short name, for listings and for the test that validates them.
/// The MAG is given 17 former host countries as an example; callers pass their own count.
pub fn all() -> Vec<(&'static str, Constitution)> {
    vec![
        ("mag", mag(17)),
        ("leadership_panel", leadership_panel()),
        ("approach_a_mhlb", approach_a_mhlb()),
        ("approach_b_mag_plus", approach_b_mag_plus()),
        ("approach_b_leadership_team", approach_b_leadership_team()),
        ("approach_c_mhlb", approach_c_mhlb()),
        ("approach_c_mag", approach_c_mag()),
    ]
}

fn seats(kind: SeatKind, seats: u32) -> SeatAllocation {
    SeatAllocation { kind, seats }
}

fn group(code: &str, floor: Option<Limit>, cap: Option<Limit>) -> Quota<String> {
    Quota {
        key: code.to_owned(),
        floor,
        cap,
    }
}

fn mag_term() -> TermRule {
    TermRule {
        months: 12,
        max_consecutive_terms: Some(3),
    }
}

/// The MAG's stakeholder shares: government 35–40 %, each other group at least 20 %.
fn mag_shares() -> Balance<String> {
    let mut quotas = vec![group(
        "government",
        Some(Limit::Share { percent: 35 }),
        Some(Limit::Share { percent: 40 }),
    )];
    for code in &MAG_GROUPS[1..] {
        quotas.push(group(code, Some(Limit::Share { percent: 20 }), None));
    }
    Balance {
        quotas,
        others: Others::NotAllowed,
    }
}

/// At least `count` seats for each of the four MAG groups; others (at-large) allowed.
fn four_groups_at_least(count: u32) -> Balance<String> {
    Balance {
        quotas: MAG_GROUPS
            .into_iter()
            .map(|code| group(code, Some(Limit::Count(count)), None))
            .collect(),
        others: Others::Allowed,
    }
}

fn each_region_at_least(floor: Limit) -> Balance<UnRegionalGroup> {
    Balance {
        quotas: REGIONS
            .into_iter()
            .map(|region| Quota {
                key: region,
                floor: Some(floor),
                cap: None,
            })
            .collect(),
        others: Others::Allowed,
    }
}

fn no_regional_quotas() -> Balance<UnRegionalGroup> {
    Balance {
        quotas: Vec::new(),
        others: Others::Allowed,
    }
}

fn no_gender_above(percent: u32) -> GenderBalance {
    GenderBalance {
        quotas: Vec::new(),
        max_share_any_gender: Some(percent),
    }
}
