//! Who fills a body's ex officio seats, and the rules for electing its chair and vice-chair.
//!
//! `fill_ex_officio` says, for each ex officio seat of a constitution, which country or person
//! holds it automatically (the Leadership Panel's previous, current and next host countries
//! and the MAG chair). `check_officer_rotation` checks a candidate in the annual election of
//! a chair or vice-chair against the constitution's `ChairRule` and the officers so far.
//!
//! Invariants: no seat is invented: one `ExOfficioSeat` per ex officio seat in the
//! constitution. A seat whose holder the inputs do not name is `ExOfficioHolder::ToBeNamed`.
//!
//! `HostCountries::for_year` derives the previous, current and next host from a forum's
//! list of hosting years; `fill_standing_host_seats` gives the MAG's standing seats to former
//! host countries, most recent first.
//!
//! Not here: storing officers and host lists (`plenary_db`).

use crate::PersonId;

use super::constitution::{ChairRule, Constitution, ExOfficioRole, SeatKind};

/// The host countries around the current cycle (ISO 3166-1 alpha-2 codes), when known.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HostCountries {
    pub previous: Option<String>,
    pub current: Option<String>,
    pub next: Option<String>,
}

/// One year of a forum's annual meeting and the country that hosted it (`None`: held online,
/// with no host country).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HostingYear {
    pub year: i32,
    /// ISO 3166-1 alpha-2 code.
    pub country: Option<String>,
}

impl HostCountries {
    /// The hosts around `year`: that year's host, the host of the latest earlier year that had
    /// one, and the host of the earliest later year that has one. An online-only year is no
    /// one's: 2021's previous host is 2019's when 2020 was held online.
    pub fn for_year(hosts: &[HostingYear], year: i32) -> HostCountries {
        let hosted = || {
            hosts
                .iter()
                .filter_map(|h| Some((h.year, normalise(h.country.as_deref())?)))
        };
        HostCountries {
            previous: hosted()
                .filter(|(y, _)| *y < year)
                .max_by_key(|(y, _)| *y)
                .map(|(_, c)| c),
            current: hosted().find(|(y, _)| *y == year).map(|(_, c)| c),
            next: hosted()
                .filter(|(y, _)| *y > year)
                .min_by_key(|(y, _)| *y)
                .map(|(_, c)| c),
        }
    }
}

/// The countries that hosted before `year`, most recent first, each once (a country that
/// hosted twice is placed by its latest year). The current year's host is not a former one.
pub fn former_host_countries(hosts: &[HostingYear], year: i32) -> Vec<String> {
    let mut earlier: Vec<(i32, String)> = hosts
        .iter()
        .filter(|h| h.year < year)
        .filter_map(|h| Some((h.year, normalise(h.country.as_deref())?)))
        .collect();
    earlier.sort_by_key(|h| std::cmp::Reverse(h.0));
    let mut countries: Vec<String> = Vec::new();
    for (_, country) in earlier {
        if !countries.contains(&country) {
            countries.push(country);
        }
    }
    countries
}

/// One standing host-country seat and the former host that holds it (`None`: no former host
/// left to fill it, to be named).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StandingSeat {
    pub country: Option<String>,
}

/// Fills the constitution's standing host-country seats with `former_hosts` (most recent
/// first, as `former_host_countries` gives them): one seat per country until the seats run
/// out; seats left over are to be named. Exactly as many seats as the constitution has.
pub fn fill_standing_host_seats(
    constitution: &Constitution,
    former_hosts: &[String],
) -> Vec<StandingSeat> {
    let seats = constitution.seats_of(&SeatKind::StandingHostCountry);
    let mut countries = former_hosts
        .iter()
        .filter_map(|c| normalise(Some(c)))
        .fold(Vec::new(), |mut kept: Vec<String>, c| {
            if !kept.contains(&c) {
                kept.push(c);
            }
            kept
        })
        .into_iter();
    (0..seats)
        .map(|_| StandingSeat {
            country: countries.next(),
        })
        .collect()
}

/// One ex officio seat and who holds it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExOfficioSeat {
    pub role: ExOfficioRole,
    pub holder: ExOfficioHolder,
}

/// Who holds an ex officio seat.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ExOfficioHolder {
    /// A country, represented by a senior official it names (ISO alpha-2 code).
    Country(String),
    Person(PersonId),
    /// Not known from the inputs: the secretariat records the holder by name (the Tech
    /// Envoy, an `Other` role) or the position is vacant (no next host country chosen yet).
    ToBeNamed,
}

/// One of a body's offices.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Office {
    Chair,
    ViceChair,
}

/// One year in which a person held an office.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OfficerTerm {
    pub person: PersonId,
    pub office: Office,
    pub stakeholder_group: String,
    pub year: i32,
}

/// A person standing for an office for a year.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OfficerCandidate {
    pub person: PersonId,
    pub office: Office,
    pub stakeholder_group: String,
    /// Whether the person holds a seat of the body for that year.
    pub is_member: bool,
    pub year: i32,
}

/// Why a candidate cannot take an office.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RotationError {
    #[error("the chair of this body is appointed, not elected")]
    ChairIsAppointed,
    #[error("this body has no vice-chair")]
    NoViceChair,
    #[error("officers are elected among the members, and person {person} is not a member")]
    NotAMember { person: PersonId },
    #[error("the {office} for {year} has already been elected")]
    OfficeFilled { office: Office, year: i32 },
    #[error("person {person} is already {other} for {year}; one person cannot hold both offices")]
    HoldsOtherOffice {
        person: PersonId,
        other: Office,
        year: i32,
    },
    #[error(
        "the {office} for {year} may not come from {stakeholder_group} again: the outgoing {office} ({outgoing_year}) was from {stakeholder_group}"
    )]
    SameStakeholderGroup {
        office: Office,
        year: i32,
        stakeholder_group: String,
        outgoing_year: i32,
    },
    #[error(
        "the {office} of this body rotates every year and no one holds it two years running: person {person} is the {office} for {held_year}, so they cannot also be the {office} for {year}"
    )]
    SameHolderTwoYearsRunning {
        person: PersonId,
        office: Office,
        /// The year the candidate stands for.
        year: i32,
        /// The year next to it (before or after) in which the candidate holds the office.
        held_year: i32,
    },
}

/// Fills the constitution's ex officio seats: host-country seats from `host_countries`, the
/// MAG chair's seat from `mag_chair`; every other seat, and any whose holder is not given,
/// is `ToBeNamed`.
pub fn fill_ex_officio(
    constitution: &Constitution,
    host_countries: &HostCountries,
    mag_chair: Option<PersonId>,
) -> Vec<ExOfficioSeat> {
    let mut seats = Vec::new();
    for allocation in &constitution.rules().seats {
        let SeatKind::ExOfficio(role) = &allocation.kind else {
            continue;
        };
        let holder = match role {
            ExOfficioRole::PreviousHostCountry => country(host_countries.previous.as_deref()),
            ExOfficioRole::CurrentHostCountry => country(host_countries.current.as_deref()),
            ExOfficioRole::NextHostCountry => country(host_countries.next.as_deref()),
            ExOfficioRole::MagChair => {
                mag_chair.map_or(ExOfficioHolder::ToBeNamed, ExOfficioHolder::Person)
            }
            ExOfficioRole::TechEnvoy | ExOfficioRole::Other(_) => ExOfficioHolder::ToBeNamed,
        };
        for _ in 0..allocation.seats {
            seats.push(ExOfficioSeat {
                role: role.clone(),
                holder: holder.clone(),
            });
        }
    }
    seats
}

/// Checks a candidate for an office in the annual election: the constitution must elect the
/// office, the candidate must be a member when it says "among members", the office must
/// still be open for that year, one person holds one office a year, when the constitution
/// rotates holders the candidate may not hold the same office the year before or the year
/// after (`history` may be recorded out of order), and when it rotates stakeholder groups
/// the candidate may not share the group of the outgoing holder of the same office (the
/// latest earlier year in `history`).
pub fn check_officer_rotation(
    constitution: &Constitution,
    history: &[OfficerTerm],
    candidate: &OfficerCandidate,
) -> Result<(), RotationError> {
    let rules = constitution.rules();
    let ChairRule::ElectedAnnually {
        among_members,
        rotate_stakeholder_group,
        rotate_holder,
    } = rules.chair
    else {
        return Err(RotationError::ChairIsAppointed);
    };
    if candidate.office == Office::ViceChair && !rules.vice_chair {
        return Err(RotationError::NoViceChair);
    }
    if among_members && !candidate.is_member {
        return Err(RotationError::NotAMember {
            person: candidate.person,
        });
    }
    let same_year = history.iter().filter(|term| term.year == candidate.year);
    for term in same_year {
        if term.office == candidate.office {
            return Err(RotationError::OfficeFilled {
                office: candidate.office,
                year: candidate.year,
            });
        }
        if term.person == candidate.person {
            return Err(RotationError::HoldsOtherOffice {
                person: candidate.person,
                other: term.office,
                year: candidate.year,
            });
        }
    }
    if rotate_holder {
        let adjacent = history
            .iter()
            .filter(|term| term.person == candidate.person && term.office == candidate.office)
            .filter(|term| term.year == candidate.year - 1 || term.year == candidate.year + 1)
            .min_by_key(|term| term.year);
        if let Some(held) = adjacent {
            return Err(RotationError::SameHolderTwoYearsRunning {
                person: candidate.person,
                office: candidate.office,
                year: candidate.year,
                held_year: held.year,
            });
        }
    }
    if rotate_stakeholder_group {
        let outgoing = history
            .iter()
            .filter(|term| term.office == candidate.office && term.year < candidate.year)
            .max_by_key(|term| term.year);
        if let Some(outgoing) = outgoing
            && outgoing
                .stakeholder_group
                .trim()
                .eq_ignore_ascii_case(candidate.stakeholder_group.trim())
        {
            return Err(RotationError::SameStakeholderGroup {
                office: candidate.office,
                year: candidate.year,
                stakeholder_group: outgoing.stakeholder_group.trim().replace('_', " "),
                outgoing_year: outgoing.year,
            });
        }
    }
    Ok(())
}

impl std::fmt::Display for Office {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Office::Chair => "chair",
            Office::ViceChair => "vice-chair",
        })
    }
}

fn country(code: Option<&str>) -> ExOfficioHolder {
    normalise(code).map_or(ExOfficioHolder::ToBeNamed, ExOfficioHolder::Country)
}

/// A country code trimmed and upper-cased; blank is none.
fn normalise(code: Option<&str>) -> Option<String> {
    code.map(str::trim)
        .filter(|code| !code.is_empty())
        .map(str::to_uppercase)
}
