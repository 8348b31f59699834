//! Checking a body's actual members against its constitution's balance rules.
//!
//! `check_composition(constitution, members)` returns every `Deviation`, each of which says
//! in plain English what is off and what the constitution asks for ("civil society has 9
//! members; the constitution asks for at least 11 (20 % of 55)").
//!
//! Invariants: balance quotas are counted over the holders of regular seats only, and share
//! quotas are taken of the number of regular members actually present (the same rounding as
//! `Constitution::quota_counts`). Size is counted over all voting members. An empty result
//! means the composition meets every rule.
//!
//! Not here: proposing a slate that would fix the deviations (`plenary-solver`).

use std::collections::BTreeMap;
use std::fmt;

use crate::countries::UnRegionalGroup;

use super::constitution::{Balance, Constitution, Dimension, Limit, Others, QuotaKey, SeatKind};

/// What the composition check needs to know about one member.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MemberProfile {
    /// The forum's stakeholder-group code (`civil_society`).
    pub stakeholder_group: String,
    pub un_regional_group: UnRegionalGroup,
    /// As the member states it (`woman`, `man`, `non-binary`); empty if not stated.
    pub gender: String,
    pub seat: SeatKind,
}

/// One way the members fall short of, or go beyond, the constitution. `Display` explains it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Deviation {
    TooFewMembers {
        members: u32,
        min: u32,
    },
    TooManyMembers {
        members: u32,
        max: u32,
    },
    /// More members hold seats of a kind than the constitution provides.
    SeatKindOverfilled {
        seat: SeatKind,
        members: u32,
        seats: u32,
    },
    BelowFloor {
        dimension: Dimension,
        label: String,
        members: u32,
        floor: u32,
        limit: Limit,
        regular_members: u32,
    },
    AboveCap {
        dimension: Dimension,
        label: String,
        members: u32,
        cap: u32,
        limit: Limit,
        regular_members: u32,
    },
    /// Members from a stakeholder group or region the constitution does not seat.
    NotSeated {
        dimension: Dimension,
        label: String,
        members: u32,
    },
    /// A gender above the "no gender above" share.
    GenderAboveShare {
        label: String,
        members: u32,
        regular_members: u32,
        percent: u32,
    },
}

/// Every deviation of `members` from `constitution`, in this order: size, seat kinds,
/// stakeholder groups, regions, gender.
pub fn check_composition(constitution: &Constitution, members: &[MemberProfile]) -> Vec<Deviation> {
    let rules = constitution.rules();
    let mut deviations = Vec::new();

    let voting = count(members.iter().filter(|m| m.seat.is_voting()));
    if voting < rules.size.min {
        deviations.push(Deviation::TooFewMembers {
            members: voting,
            min: rules.size.min,
        });
    }
    if voting > rules.size.max {
        deviations.push(Deviation::TooManyMembers {
            members: voting,
            max: rules.size.max,
        });
    }
    let mut by_seat: BTreeMap<&SeatKind, u32> = BTreeMap::new();
    for member in members {
        *by_seat.entry(&member.seat).or_default() += 1;
    }
    for (seat, held) in by_seat {
        let provided = constitution.seats_of(seat);
        if held > provided {
            deviations.push(Deviation::SeatKindOverfilled {
                seat: seat.clone(),
                members: held,
                seats: provided,
            });
        }
    }

    let regular: Vec<&MemberProfile> = members
        .iter()
        .filter(|m| m.seat == SeatKind::Regular)
        .collect();
    let n_regular = count(regular.iter());
    let groups: Vec<String> = regular
        .iter()
        .map(|m| m.stakeholder_group.clone())
        .collect();
    check_dimension(
        Dimension::StakeholderGroup,
        &rules.stakeholder_groups,
        &groups,
        n_regular,
        &mut deviations,
    );
    let regions: Vec<UnRegionalGroup> = regular.iter().map(|m| m.un_regional_group).collect();
    check_dimension(
        Dimension::Region,
        &rules.regions,
        &regions,
        n_regular,
        &mut deviations,
    );
    let genders: Vec<String> = regular.iter().map(|m| m.gender.clone()).collect();
    let gender_balance = Balance {
        quotas: rules.gender.quotas.clone(),
        others: Others::Allowed,
    };
    check_dimension(
        Dimension::Gender,
        &gender_balance,
        &genders,
        n_regular,
        &mut deviations,
    );
    if let Some(percent) = rules.gender.max_share_any_gender {
        let cap = Limit::Share { percent }.cap_seats(n_regular);
        let mut by_gender: BTreeMap<String, u32> = BTreeMap::new();
        for gender in genders.iter().map(|g| g.trim().to_lowercase()) {
            if !gender.is_empty() {
                *by_gender.entry(gender).or_default() += 1;
            }
        }
        for (gender, held) in by_gender {
            if held > cap {
                deviations.push(Deviation::GenderAboveShare {
                    label: gender_plural(&gender),
                    members: held,
                    regular_members: n_regular,
                    percent,
                });
            }
        }
    }
    deviations
}

impl fmt::Display for Deviation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Deviation::TooFewMembers { members, min } => write!(
                f,
                "the body has {}; the constitution asks for at least {min}",
                voting_text(*members)
            ),
            Deviation::TooManyMembers { members, max } => write!(
                f,
                "the body has {}; the constitution allows at most {max}",
                voting_text(*members)
            ),
            Deviation::SeatKindOverfilled {
                seat,
                members,
                seats,
            } => write!(
                f,
                "{} {seat} seats; the constitution provides {seats}",
                holders_text(*members)
            ),
            Deviation::BelowFloor {
                dimension: Dimension::Gender,
                label,
                members,
                floor,
                limit,
                regular_members,
            } => match limit {
                Limit::Share { percent } => write!(
                    f,
                    "{} are {} % of members; the target is at least {percent} %",
                    gender_plural(label),
                    percent_text(*members, *regular_members)
                ),
                Limit::Count(_) => write!(
                    f,
                    "{} hold {}; the target is at least {floor}",
                    gender_plural(label),
                    seats_text(*members)
                ),
            },
            Deviation::AboveCap {
                dimension: Dimension::Gender,
                label,
                members,
                cap,
                limit,
                regular_members,
            } => match limit {
                Limit::Share { percent } => write!(
                    f,
                    "{} are {} % of members; the target is at most {percent} %",
                    gender_plural(label),
                    percent_text(*members, *regular_members)
                ),
                Limit::Count(_) => write!(
                    f,
                    "{} hold {}; the target is at most {cap}",
                    gender_plural(label),
                    seats_text(*members)
                ),
            },
            Deviation::BelowFloor {
                dimension: Dimension::Region,
                label,
                members,
                floor,
                limit,
                regular_members,
            } => write!(
                f,
                "{label} has {}, below the floor of {floor}{}",
                members_text(*members),
                share_of(*limit, *regular_members)
            ),
            Deviation::AboveCap {
                dimension: Dimension::Region,
                label,
                members,
                cap,
                limit,
                regular_members,
            } => write!(
                f,
                "{label} has {}, above the cap of {cap}{}",
                members_text(*members),
                share_of(*limit, *regular_members)
            ),
            Deviation::BelowFloor {
                dimension: Dimension::StakeholderGroup,
                label,
                members,
                floor,
                limit,
                regular_members,
            } => write!(
                f,
                "{label} has {}; the constitution asks for at least {floor}{}",
                members_text(*members),
                share_of(*limit, *regular_members)
            ),
            Deviation::AboveCap {
                dimension: Dimension::StakeholderGroup,
                label,
                members,
                cap,
                limit,
                regular_members,
            } => write!(
                f,
                "{label} has {}; the constitution allows at most {cap}{}",
                members_text(*members),
                share_of(*limit, *regular_members)
            ),
            Deviation::NotSeated {
                dimension,
                label,
                members,
            } => write!(
                f,
                "{label} has {} but is not a {} this body seats",
                members_text(*members),
                dimension.noun()
            ),
            Deviation::GenderAboveShare {
                label,
                members,
                regular_members,
                percent,
            } => write!(
                f,
                "{label} are {} % of members; the target is that no gender is above {percent} %",
                percent_text(*members, *regular_members)
            ),
        }
    }
}

fn check_dimension<K: QuotaKey>(
    dimension: Dimension,
    balance: &Balance<K>,
    values: &[K],
    regular_members: u32,
    deviations: &mut Vec<Deviation>,
) {
    for quota in &balance.quotas {
        let members = count(values.iter().filter(|value| quota.key.matches(value)));
        if let Some(limit) = quota.floor {
            let floor = limit.floor_seats(regular_members);
            if members < floor {
                deviations.push(Deviation::BelowFloor {
                    dimension,
                    label: quota.key.label(),
                    members,
                    floor,
                    limit,
                    regular_members,
                });
            }
        }
        if let Some(limit) = quota.cap {
            let cap = limit.cap_seats(regular_members);
            if members > cap {
                deviations.push(Deviation::AboveCap {
                    dimension,
                    label: quota.key.label(),
                    members,
                    cap,
                    limit,
                    regular_members,
                });
            }
        }
    }
    if balance.others == Others::NotAllowed {
        let mut unseated: Vec<(K, u32)> = Vec::new();
        for value in values {
            if balance.quotas.iter().any(|quota| quota.key.matches(value)) {
                continue;
            }
            match unseated.iter_mut().find(|(key, _)| key.matches(value)) {
                Some((_, n)) => *n += 1,
                None => unseated.push((value.clone(), 1)),
            }
        }
        for (key, members) in unseated {
            deviations.push(Deviation::NotSeated {
                dimension,
                label: key.label(),
                members,
            });
        }
    }
}

fn count<T>(items: impl Iterator<Item = T>) -> u32 {
    u32::try_from(items.count()).unwrap_or(u32::MAX)
}

fn members_text(n: u32) -> String {
    if n == 1 {
        "1 member".to_owned()
    } else {
        format!("{n} members")
    }
}

fn voting_text(n: u32) -> String {
    if n == 1 {
        "1 voting member".to_owned()
    } else {
        format!("{n} voting members")
    }
}

fn holders_text(n: u32) -> String {
    if n == 1 {
        "1 member holds".to_owned()
    } else {
        format!("{n} members hold")
    }
}

fn seats_text(n: u32) -> String {
    if n == 1 {
        "1 seat".to_owned()
    } else {
        format!("{n} seats")
    }
}

/// ` (20 % of 55)` after a share-based floor or cap; nothing after a count.
fn share_of(limit: Limit, regular_members: u32) -> String {
    match limit {
        Limit::Share { percent } => format!(" ({percent} % of {regular_members})"),
        Limit::Count(_) => String::new(),
    }
}

/// `38` when the share is whole, otherwise one decimal (`38.2`).
fn percent_text(members: u32, total: u32) -> String {
    if total == 0 {
        return "0".to_owned();
    }
    let tenths = (u64::from(members) * 1000 + u64::from(total) / 2) / u64::from(total);
    if tenths % 10 == 0 {
        format!("{}", tenths / 10)
    } else {
        format!("{}.{}", tenths / 10, tenths % 10)
    }
}

/// `women` for `woman`, `men` for `man`, otherwise `non-binary members`.
fn gender_plural(gender: &str) -> String {
    let gender = gender.trim().to_lowercase();
    match gender.as_str() {
        "woman" | "women" | "female" | "f" => "women".to_owned(),
        "man" | "men" | "male" | "m" => "men".to_owned(),
        other => format!("{other} members"),
    }
}
