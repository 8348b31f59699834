//! Memberships over time: terms, renewal, resignation, the end of a term and rotation.
//!
//! `Membership` is one person holding one seat; `renew`, `resign`, `end_term` and
//! `rotate_out` are the only ways its `state` changes, each with `now` passed in.
//! `rotation_plan` says who must leave at the end of a cycle and how many more should.
//!
//! Invariants: a seat is personal (`transfer_seat` always refuses); a member who resigns
//! mid-cycle is replaced only at the end of the cycle, from the same stakeholder group
//! (`replacement_timing`, `replacement_requirement`). These rules come from the 2019 MAG
//! orientation call (seed `003_51208d4d35ca157a.txt`).
//!
//! Not here: the constitution itself (`bodies::constitution`), choosing who replaces whom
//! (the slate optimiser in `plenary-solver`), storing memberships (`plenary_db::bodies`).

use std::fmt;

use crate::{PersonId, Timestamp};

use super::constitution::{Constitution, EngagementPolicy, SeatKind};

/// One person holding one seat of a body, in their `term_number`-th consecutive term.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Membership {
    pub person: PersonId,
    pub seat: SeatKind,
    /// The stakeholder group the member was appointed for (a forum group code).
    pub stakeholder_group: String,
    /// Start of the current term.
    pub start: Timestamp,
    /// End of the current term (or the day the membership ended); `None` for seats held
    /// as long as a position is (ex officio, standing).
    pub end: Option<Timestamp>,
    /// 1 for a first term, 2 after one renewal, …
    pub term_number: u32,
    pub state: MembershipState,
}

/// Where a membership is in its life cycle (drawn in docs/GLOSSARY.md, "Membership").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum MembershipState {
    Appointed,
    Renewed,
    Resigned,
    Ended,
    RotatedOut,
}

/// What a member did in a term, on which renewal depends.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EngagementRecord {
    pub meetings_attended: u32,
    pub meetings_held: u32,
    pub reviews_done: u32,
    pub reviews_assigned: u32,
    /// Working groups the member took part in (shown to whoever evaluates; no threshold).
    pub working_groups: u32,
    /// The evaluator's remarks.
    pub note: String,
}

/// A member's written statement that they step down (a letter or an e-mail to the
/// secretariat or the chair, per the 2019 MAG orientation call).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WrittenNotice {
    pub from: PersonId,
    pub received_at: Timestamp,
    pub channel: NoticeChannel,
}

/// How a written notice arrived.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoticeChannel {
    Letter,
    Email,
}

/// When a vacated seat is filled.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReplacementAt {
    /// At the end of the cycle, in the regular renewal: there is no replacement mid-year.
    EndOfCycle { at: Timestamp },
}

/// Who may fill a vacated seat.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReplacementRequirement {
    /// The replacement comes from the same stakeholder group as the member who left.
    pub stakeholder_group: String,
}

/// Who leaves at the end of a cycle (`rotation_plan`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RotationPlan {
    /// Members whose last allowed consecutive term ends now; they cannot be renewed.
    pub must_leave: Vec<PersonId>,
    /// How many regular members the rotation share asks to replace.
    pub target: u32,
    /// How many more, beyond `must_leave`, to rotate out to reach `target`.
    pub further_to_choose: u32,
}

/// What a membership change is called in messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MembershipAction {
    Renew,
    Resign,
    EndTerm,
    RotateOut,
}

/// Why a membership change was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MembershipError {
    #[error("{} {from} membership cannot {action}", article(*from))]
    NotAllowed {
        from: MembershipState,
        action: MembershipAction,
    },
    #[error("{seat} seats are not renewed; they follow the position that gives them")]
    SeatNotRenewable { seat: SeatKind },
    #[error("the member has served {served} consecutive terms, the most this body allows ({max})")]
    TermLimitReached { served: u32, max: u32 },
    #[error(
        "engagement is not satisfactory: {attended} of {held} meetings and {reviews_done} of {reviews_assigned} reviews; the policy asks for {min_attendance_percent} % and {min_reviews_percent} %"
    )]
    EngagementNotSatisfactory {
        attended: u32,
        held: u32,
        reviews_done: u32,
        reviews_assigned: u32,
        min_attendance_percent: u32,
        min_reviews_percent: u32,
    },
    #[error("the term ended at {ended_at}; a term can only be renewed before it ends")]
    TermAlreadyOver { ended_at: Timestamp },
    #[error("the term runs until {ends_at}; end it early by resignation or rotation instead")]
    TermNotOver { ends_at: Timestamp },
    #[error("the written notice comes from person {from}, not from the member (person {member})")]
    NoticeFromSomeoneElse { from: PersonId, member: PersonId },
    #[error("the written notice is dated {received_at}, after now ({now})")]
    NoticeInTheFuture {
        received_at: Timestamp,
        now: Timestamp,
    },
    #[error(
        "a seat is personal: person {from} cannot hand it to person {to}; it is filled at the end of the cycle from the same stakeholder group"
    )]
    SeatNotTransferable { from: PersonId, to: PersonId },
}

impl Membership {
    /// Whether the member currently holds the seat (appointed or renewed).
    pub fn is_active(&self) -> bool {
        matches!(
            self.state,
            MembershipState::Appointed | MembershipState::Renewed
        )
    }
}

impl EngagementRecord {
    /// Attendance and reviews both at or above the policy's shares. Nothing held or nothing
    /// assigned counts as met: a member cannot miss a meeting that did not happen.
    pub fn is_satisfactory(&self, policy: &EngagementPolicy) -> bool {
        share_met(
            self.meetings_attended,
            self.meetings_held,
            policy.min_attendance_percent,
        ) && share_met(
            self.reviews_done,
            self.reviews_assigned,
            policy.min_reviews_percent,
        )
    }
}

/// Renews a regular member for one more consecutive term, starting when the current term
/// ends. Refused when the term limit is reached (one-year terms renewable twice: at most 3),
/// when the engagement is not satisfactory under the constitution's policy, or after the
/// term has ended.
pub fn renew(
    membership: &Membership,
    engagement: &EngagementRecord,
    constitution: &Constitution,
    now: Timestamp,
) -> Result<Membership, MembershipError> {
    ensure_active(membership, MembershipAction::Renew)?;
    if membership.seat != SeatKind::Regular {
        return Err(MembershipError::SeatNotRenewable {
            seat: membership.seat.clone(),
        });
    }
    let rules = constitution.rules();
    if let Some(max) = rules.term.max_consecutive_terms
        && membership.term_number >= max
    {
        return Err(MembershipError::TermLimitReached {
            served: membership.term_number,
            max,
        });
    }
    if let Some(ended_at) = membership.end
        && now > ended_at
    {
        return Err(MembershipError::TermAlreadyOver { ended_at });
    }
    let policy = rules.engagement_policy;
    if !engagement.is_satisfactory(&policy) {
        return Err(MembershipError::EngagementNotSatisfactory {
            attended: engagement.meetings_attended,
            held: engagement.meetings_held,
            reviews_done: engagement.reviews_done,
            reviews_assigned: engagement.reviews_assigned,
            min_attendance_percent: policy.min_attendance_percent,
            min_reviews_percent: policy.min_reviews_percent,
        });
    }
    let start = membership.end.unwrap_or(now);
    Ok(Membership {
        start,
        end: Some(add_months(start, rules.term.months)),
        term_number: membership.term_number + 1,
        state: MembershipState::Renewed,
        ..membership.clone()
    })
}

/// Records a resignation, which needs the member's own written notice received by `now`.
/// The seat stays empty until the end of the cycle (`replacement_timing`).
pub fn resign(
    membership: &Membership,
    notice: WrittenNotice,
    now: Timestamp,
) -> Result<Membership, MembershipError> {
    ensure_active(membership, MembershipAction::Resign)?;
    if notice.from != membership.person {
        return Err(MembershipError::NoticeFromSomeoneElse {
            from: notice.from,
            member: membership.person,
        });
    }
    if notice.received_at > now {
        return Err(MembershipError::NoticeInTheFuture {
            received_at: notice.received_at,
            now,
        });
    }
    Ok(Membership {
        end: Some(now),
        state: MembershipState::Resigned,
        ..membership.clone()
    })
}

/// Ends a membership whose term has run out (or one held without an end date, such as an
/// ex officio seat when the position changes hands).
pub fn end_term(membership: &Membership, now: Timestamp) -> Result<Membership, MembershipError> {
    ensure_active(membership, MembershipAction::EndTerm)?;
    if let Some(ends_at) = membership.end
        && now < ends_at
    {
        return Err(MembershipError::TermNotOver { ends_at });
    }
    Ok(Membership {
        end: Some(membership.end.unwrap_or(now)),
        state: MembershipState::Ended,
        ..membership.clone()
    })
}

/// Takes a member off the body in the yearly rotation, effective `now` (normally the end of
/// the cycle).
pub fn rotate_out(membership: &Membership, now: Timestamp) -> Result<Membership, MembershipError> {
    ensure_active(membership, MembershipAction::RotateOut)?;
    Ok(Membership {
        end: Some(now),
        state: MembershipState::RotatedOut,
        ..membership.clone()
    })
}

/// A seat cannot be handed on: "You cannot nominate somebody to be in your stead so the MAG
/// seat is not transferable" (2019 MAG orientation). Always refuses, with the reason to show.
pub fn transfer_seat(membership: &Membership, to: PersonId) -> Result<Membership, MembershipError> {
    Err(MembershipError::SeatNotTransferable {
        from: membership.person,
        to,
    })
}

/// When a seat vacated at `resignation_at` is filled: at the end of the cycle, since "if you
/// step down in the middle of the year, there will be no replacement" (2019 MAG orientation).
/// A resignation at or after `cycle_end` is replaced at once.
pub fn replacement_timing(resignation_at: Timestamp, cycle_end: Timestamp) -> ReplacementAt {
    ReplacementAt::EndOfCycle {
        at: cycle_end.max(resignation_at),
    }
}

/// The replacement comes from the departing member's stakeholder group: "we will select
/// another candidate from the stakeholder group" (2019 MAG orientation).
pub fn replacement_requirement(membership: &Membership) -> ReplacementRequirement {
    ReplacementRequirement {
        stakeholder_group: membership.stakeholder_group.clone(),
    }
}

/// Who must leave when the cycle ends and how many more should, for the active regular
/// members in `memberships`: those at the term limit must leave; the rest of the rotation
/// target (`Constitution::rotation_target`) is chosen among the others.
pub fn rotation_plan(constitution: &Constitution, memberships: &[Membership]) -> RotationPlan {
    let regular: Vec<&Membership> = memberships
        .iter()
        .filter(|m| m.is_active() && m.seat == SeatKind::Regular)
        .collect();
    let limit = constitution.rules().term.max_consecutive_terms;
    let must_leave: Vec<PersonId> = regular
        .iter()
        .filter(|m| limit.is_some_and(|max| m.term_number >= max))
        .map(|m| m.person)
        .collect();
    let target = constitution.rotation_target(u32::try_from(regular.len()).unwrap_or(u32::MAX));
    let leaving = u32::try_from(must_leave.len()).unwrap_or(u32::MAX);
    RotationPlan {
        further_to_choose: target.saturating_sub(leaving),
        must_leave,
        target,
    }
}

impl fmt::Display for MembershipState {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            MembershipState::Appointed => "appointed",
            MembershipState::Renewed => "renewed",
            MembershipState::Resigned => "resigned",
            MembershipState::Ended => "ended",
            MembershipState::RotatedOut => "rotated-out",
        })
    }
}

impl fmt::Display for MembershipAction {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            MembershipAction::Renew => "be renewed",
            MembershipAction::Resign => "resign",
            MembershipAction::EndTerm => "end its term",
            MembershipAction::RotateOut => "be rotated out",
        })
    }
}

fn ensure_active(membership: &Membership, action: MembershipAction) -> Result<(), MembershipError> {
    if membership.is_active() {
        Ok(())
    } else {
        Err(MembershipError::NotAllowed {
            from: membership.state,
            action,
        })
    }
}

/// `an` before a state that starts with a vowel sound.
fn article(state: MembershipState) -> &'static str {
    match state {
        MembershipState::Appointed | MembershipState::Ended => "an",
        MembershipState::Renewed | MembershipState::Resigned | MembershipState::RotatedOut => "a",
    }
}

fn share_met(done: u32, expected: u32, min_percent: u32) -> bool {
    expected == 0 || u64::from(done) * 100 >= u64::from(min_percent) * u64::from(expected)
}

/// `start` plus whole calendar months, in UTC (a term from 1 January lasts to 1 January).
fn add_months(start: Timestamp, months: u32) -> Timestamp {
    let span = jiff::Span::new().months(i64::from(months));
    jiff::Timestamp::from_microsecond(start.as_micros())
        .ok()
        .and_then(|ts| ts.to_zoned(jiff::tz::TimeZone::UTC).checked_add(span).ok())
        .map_or(start, |zoned| {
            Timestamp::from_micros(zoned.timestamp().as_microsecond())
        })
}
