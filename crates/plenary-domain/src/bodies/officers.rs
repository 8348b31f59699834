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
//! Not here: standing host-country seats (one per former host country, known from the
//! forum's cycles) and storing officers (`plenary_db::bodies`).

use crate::PersonId;

use super::constitution::{ChairRule, Constitution, ExOfficioRole, SeatKind};

/// The host countries around the current cycle (ISO 3166-1 alpha-2 codes), when known.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HostCountries {
    pub previous: Option<String>,
    pub current: Option<String>,
    pub next: Option<String>,
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
/// still be open for that year, one person holds one office a year, and when the
/// constitution rotates stakeholder groups the candidate may not share the group of the
/// outgoing holder of the same office (the latest earlier year in `history`).
pub fn check_officer_rotation(
    constitution: &Constitution,
    history: &[OfficerTerm],
    candidate: &OfficerCandidate,
) -> Result<(), RotationError> {
    let rules = constitution.rules();
    let ChairRule::ElectedAnnually {
        among_members,
        rotate_stakeholder_group,
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
    code.map(str::trim)
        .filter(|code| !code.is_empty())
        .map_or(ExOfficioHolder::ToBeNamed, |code| {
            ExOfficioHolder::Country(code.to_uppercase())
        })
}
