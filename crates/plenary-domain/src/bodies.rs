//! Bodies of a forum (the MAG, the Leadership Panel, …): their constitutions, memberships,
//! balance and officers.
//!
//! Start with `Constitution` (a body's rules as validated data, `bodies::constitution`) and
//! `Membership` with its transition functions (`bodies::membership`). `check_composition`
//! compares real members with the rules; `fill_ex_officio` and `check_officer_rotation`
//! cover seats held by position and the annual election of officers; `presets` holds
//! ready-made constitutions with their sources.
//!
//! Invariants: no I/O, no clock (every change takes `now`), no randomness; every
//! `Constitution` has passed `Constitution::validate`, and only the transition functions in
//! `membership` change a `MembershipState`. The words are defined in docs/GLOSSARY.md.
//!
//! `nominations` holds the rules of nomination calls: validation, eligibility, duplicates.
//!
//! Not here: storage (`plenary_db::bodies`), the use-cases
//! (`plenary_app::bodies`), the slate optimiser (`plenary-solver`).

mod composition;
mod constitution;
mod membership;
pub mod nominations;
mod officers;
pub mod presets;

pub use composition::{Deviation, MemberProfile, check_composition};
pub use constitution::{
    Balance, Bound, ChairRule, Constitution, ConstitutionDraft, ConstitutionError,
    ConstitutionErrors, Dimension, EngagementPolicy, ExOfficioRole, GenderBalance, Limit,
    MAX_SEATS, Others, Quota, QuotaCount, QuotaCounts, QuotaKey, SeatAllocation, SeatKind,
    SeatRange, TermRule,
};
pub use membership::{
    EngagementRecord, Membership, MembershipAction, MembershipError, MembershipState,
    NoticeChannel, ReplacementAt, ReplacementRequirement, RotationPlan, WrittenNotice, end_term,
    renew, replacement_requirement, replacement_timing, resign, rotate_out, rotation_plan,
    transfer_seat,
};
pub use officers::{
    ExOfficioHolder, ExOfficioSeat, HostCountries, HostingYear, Office, OfficerCandidate,
    OfficerTerm, RotationError, StandingSeat, check_officer_rotation, fill_ex_officio,
    fill_standing_host_seats, former_host_countries,
};

#[cfg(test)]
mod tests;
