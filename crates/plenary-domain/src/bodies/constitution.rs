//! A body's constitution as data: size, seat kinds, balance quotas, terms, rotation and chairing.
//!
//! `Constitution` is built only by `Constitution::validate(ConstitutionDraft)`, so every
//! `Constitution` has quotas that can add up, with the arithmetic spelled out in each
//! `ConstitutionError` when they cannot (all of them at once, in `ConstitutionErrors`). `Constitution::quota_counts` turns shares into seat
//! counts for a given number of regular seats.
//!
//! Invariants: balance quotas (stakeholder group, UN regional group, gender) apply to the
//! holders of **regular** seats only: ex officio, standing host-country and observer seats are
//! filled by position, not by selection, so nobody can balance them. Share floors round up and
//! share caps round down (`Limit::floor_seats`, `Limit::cap_seats`).
//!
//! Not here: ready-made constitutions (`bodies::presets`), terms of individual members
//! (`bodies::membership`), checking a real membership list (`bodies::composition`).

use std::collections::BTreeSet;
use std::fmt;

use crate::countries::UnRegionalGroup;

/// A body's validated rules. Read them through `rules()`; change them by editing the draft
/// from `into_draft()` and validating again.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Constitution {
    rules: ConstitutionDraft,
}

/// Everything a constitution says, before it has been checked. All fields are plain data.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConstitutionDraft {
    /// The body's name (`Multistakeholder Advisory Group`).
    pub name: String,
    /// How many voting members the body has: regular, ex officio and standing host-country
    /// seats together. Observers are not counted.
    pub size: SeatRange,
    /// How many seats of each kind. `Regular` gives the most regular seats there can be.
    pub seats: Vec<SeatAllocation>,
    /// Floors and caps per stakeholder group (keyed by the forum's group code, `civil_society`).
    pub stakeholder_groups: Balance<String>,
    /// Floors and caps per UN regional group.
    pub regions: Balance<UnRegionalGroup>,
    pub gender: GenderBalance,
    pub term: TermRule,
    /// The share of regular members to replace each cycle (33 for "roughly one third").
    pub rotation_share_percent: u32,
    pub chair: ChairRule,
    /// Whether the body has a vice-chair.
    pub vice_chair: bool,
    /// What counts as enough engagement to be renewed.
    pub engagement_policy: EngagementPolicy,
}

/// An inclusive range of seats; `SeatRange::exactly(10)` for a fixed size.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SeatRange {
    pub min: u32,
    pub max: u32,
}

/// How many seats of one kind a body has.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SeatAllocation {
    pub kind: SeatKind,
    pub seats: u32,
}

/// What kind of place in a body a seat is.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum SeatKind {
    /// Appointed or elected for a term, chosen with the body's balance in mind.
    Regular,
    /// Held because of another position (host country, MAG chair, Tech Envoy).
    ExOfficio(ExOfficioRole),
    /// A former host country's continuing seat (the MAG's "standing seat").
    StandingHostCountry,
    /// Attends and speaks but does not count towards the size (e.g. intergovernmental
    /// organisations on the MAG).
    Observer,
}

/// The position that gives an ex officio seat.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ExOfficioRole {
    CurrentHostCountry,
    PreviousHostCountry,
    NextHostCountry,
    MagChair,
    /// The UN Secretary-General's Envoy on Technology.
    TechEnvoy,
    /// Any other position, described in English.
    Other(String),
}

/// A floor or cap: a number of seats, or a share of the regular seats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Limit {
    Count(u32),
    Share { percent: u32 },
}

/// One floor and/or cap for one stakeholder group, regional group or gender.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quota<K> {
    pub key: K,
    pub floor: Option<Limit>,
    pub cap: Option<Limit>,
}

/// The quotas along one dimension (stakeholder groups or regions), and whether members from
/// keys not listed may hold regular seats.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Balance<K> {
    pub quotas: Vec<Quota<K>>,
    pub others: Others,
}

/// Whether keys without a quota may hold regular seats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Others {
    Allowed,
    /// Only the listed keys: then the caps must leave room for every regular seat.
    NotAllowed,
}

/// Gender targets. Genders are free text as people state them (`woman`, `man`, `non-binary`);
/// quotas match them case-insensitively. Other genders are always allowed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GenderBalance {
    pub quotas: Vec<Quota<String>>,
    /// No gender may hold more than this share of regular seats.
    pub max_share_any_gender: Option<u32>,
}

/// How long one term lasts and how many may follow one another.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TermRule {
    pub months: u32,
    /// At most this many consecutive terms (3 for "one year, renewable twice"); `None` if the
    /// body sets no limit.
    pub max_consecutive_terms: Option<u32>,
}

/// How the chair is chosen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChairRule {
    /// Appointed from outside the body's own election (the MAG chair by the UN Secretary-General).
    Appointed,
    /// Elected every year by the members.
    ElectedAnnually {
        /// Candidates must be members of the body.
        among_members: bool,
        /// The new holder of an office may not come from the stakeholder group of the
        /// outgoing holder of the same office.
        rotate_stakeholder_group: bool,
        /// The offices rotate among the members ("held on an annual rotating basis", the
        /// Leadership Panel's ToR): no one holds the same office two years running, so the
        /// holder of an office for one year may not hold it the year before or the year
        /// after. Holding it again after a year's gap, or holding the other office the next
        /// year (vice-chair, then chair), is allowed.
        rotate_holder: bool,
    },
}

/// What counts as satisfactory engagement for a renewal. Percentages are whole numbers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EngagementPolicy {
    /// Meetings attended as a share of meetings held.
    pub min_attendance_percent: u32,
    /// Reviews done as a share of reviews assigned.
    pub min_reviews_percent: u32,
}

/// Seat counts of every quota for one number of regular seats (`Constitution::quota_counts`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuotaCounts {
    /// The number of regular seats the shares were taken of.
    pub regular_seats: u32,
    pub stakeholder_groups: Vec<QuotaCount<String>>,
    pub regions: Vec<QuotaCount<UnRegionalGroup>>,
    pub gender: Vec<QuotaCount<String>>,
    /// The most seats any one gender may hold.
    pub max_seats_any_gender: Option<u32>,
}

/// One quota resolved into seats.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuotaCount<K> {
    pub key: K,
    pub floor: Option<u32>,
    pub cap: Option<u32>,
}

/// The three dimensions of balance, for messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dimension {
    StakeholderGroup,
    Region,
    Gender,
}

/// Why a draft is not a valid constitution. Every message shows the numbers.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ConstitutionError {
    #[error("a body of up to {max} seats is larger than the {limit} seats Plenary supports")]
    TooLarge { max: u32, limit: u32 },
    #[error("the size range {min}..={max} is empty: the minimum is above the maximum")]
    EmptySizeRange { min: u32, max: u32 },
    #[error("the {kind} seats are listed {times} times; list each kind of seat once")]
    SeatKindRepeated { kind: SeatKind, times: usize },
    #[error("the constitution gives no number of regular seats; add a Regular allocation")]
    NoRegularAllocation,
    #[error(
        "the regular, ex officio and standing host-country seats add up to {seats} but the body has at most {max}"
    )]
    SeatsAboveSize { seats: u32, max: u32 },
    #[error(
        "the regular, ex officio and standing host-country seats add up to {seats} but the body needs at least {min}"
    )]
    SeatsBelowSize { seats: u32, min: u32 },
    #[error("{label} has more than one {dimension} quota; merge them into one")]
    QuotaRepeated { dimension: Dimension, label: String },
    #[error("the {dimension} {bound} for {label} is {percent} %, more than 100 %")]
    ShareOver100 {
        dimension: Dimension,
        bound: Bound,
        label: String,
        percent: u32,
    },
    #[error("the {dimension} floors add up to {percent} %, more than 100 %")]
    FloorSharesOver100 { dimension: Dimension, percent: u32 },
    #[error(
        "the {dimension} floors add up to {floors} seats but the body has at most {seats} regular seats"
    )]
    FloorsAboveSeats {
        dimension: Dimension,
        floors: u32,
        seats: u32,
    },
    #[error(
        "the {dimension} caps allow at most {caps} seats but the body needs at least {seats} regular seats"
    )]
    CapsBelowSeats {
        dimension: Dimension,
        caps: u32,
        seats: u32,
    },
    #[error(
        "the {dimension} floor for {label} is {floor} seats but its cap is {cap} seats (with {seats} regular seats)"
    )]
    FloorAboveCap {
        dimension: Dimension,
        label: String,
        floor: u32,
        cap: u32,
        seats: u32,
    },
    #[error(
        "no number of regular seats from {min} to {max} meets every floor and cap at once (after rounding floors up and caps down)"
    )]
    NoFeasibleSize { min: u32, max: u32 },
    #[error("the most any gender may hold is {percent} %, more than 100 %")]
    GenderCapOver100 { percent: u32 },
    #[error("a term must last at least one month")]
    ZeroTermLength,
    #[error("the maximum number of consecutive terms must be at least 1")]
    ZeroTermLimit,
    #[error("the rotation share is {percent} %, more than 100 %")]
    RotationOver100 { percent: u32 },
    #[error("the engagement policy asks for {percent} %, more than 100 %")]
    EngagementOver100 { percent: u32 },
}

/// Every problem `Constitution::validate` found in a draft (never empty); shown as the
/// sentences joined by "; ".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConstitutionErrors(pub Vec<ConstitutionError>);

impl ConstitutionErrors {
    pub fn iter(&self) -> std::slice::Iter<'_, ConstitutionError> {
        self.0.iter()
    }

    pub fn into_vec(self) -> Vec<ConstitutionError> {
        self.0
    }
}

impl fmt::Display for ConstitutionErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (idx, problem) in self.0.iter().enumerate() {
            if idx > 0 {
                f.write_str("; ")?;
            }
            write!(f, "{problem}")?;
        }
        Ok(())
    }
}

impl std::error::Error for ConstitutionErrors {}

/// Which end of a quota a message is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Bound {
    Floor,
    Cap,
}

impl Constitution {
    /// Checks a draft: a non-empty size range, seat counts that fit it, shares of at most
    /// 100 %, floors that fit in the regular seats, caps that leave room for them, no floor
    /// above its cap, and at least one number of regular seats that meets everything at once.
    /// Every problem found is reported (`ConstitutionErrors`), each with its arithmetic.
    pub fn validate(draft: ConstitutionDraft) -> Result<Constitution, ConstitutionErrors> {
        let problems = Constitution::problems(&draft);
        if problems.is_empty() {
            Ok(Constitution { rules: draft })
        } else {
            Err(ConstitutionErrors(problems))
        }
    }

    /// Every reason `draft` is not a valid constitution, in the order of the document (empty:
    /// it is valid). A problem that follows from one already reported is not repeated: a share
    /// over 100 % is not also reported as floors that add up to too much, and "no number of
    /// regular seats meets everything" is only reported when nothing more specific is.
    pub fn problems(draft: &ConstitutionDraft) -> Vec<ConstitutionError> {
        let mut problems = check_plain_numbers(draft);
        let (regular_min, regular_max) = check_seats(draft, &mut problems);
        check_balance(
            Dimension::StakeholderGroup,
            &draft.stakeholder_groups,
            regular_min,
            regular_max,
            &mut problems,
        );
        check_balance(
            Dimension::Region,
            &draft.regions,
            regular_min,
            regular_max,
            &mut problems,
        );
        let gender = Balance {
            quotas: draft.gender.quotas.clone(),
            others: Others::Allowed,
        };
        check_balance(
            Dimension::Gender,
            &gender,
            regular_min,
            regular_max,
            &mut problems,
        );
        if problems.is_empty() {
            let feasible = (regular_min..=regular_max).any(|seats| {
                balance_fits(&draft.stakeholder_groups, seats)
                    && balance_fits(&draft.regions, seats)
                    && balance_fits(&gender, seats)
                    && gender_cap_fits(&draft.gender, seats)
            });
            if !feasible {
                problems.push(ConstitutionError::NoFeasibleSize {
                    min: regular_min,
                    max: regular_max,
                });
            }
        }
        problems
    }

    /// Wraps a draft without checking it. Only `bodies::presets` uses this; the test
    /// `every_preset_validates` holds each preset to `validate`.
    pub(super) fn from_checked_preset(rules: ConstitutionDraft) -> Constitution {
        Constitution { rules }
    }

    pub fn rules(&self) -> &ConstitutionDraft {
        &self.rules
    }

    /// Back to a draft, to amend and validate again.
    pub fn into_draft(self) -> ConstitutionDraft {
        self.rules
    }

    /// How many seats of `kind` the constitution provides (0 if none).
    pub fn seats_of(&self, kind: &SeatKind) -> u32 {
        seats_of(&self.rules, kind)
    }

    /// The fewest and most regular seats the body can have, given its size and its other
    /// voting seats.
    pub fn regular_seat_range(&self) -> SeatRange {
        let (min, max) = regular_range(&self.rules);
        SeatRange { min, max }
    }

    /// Every quota as seats for `regular_seats` regular seats. Share floors round **up**
    /// (20 % of 53 is 10.6, so a floor of 11) and share caps round **down** (40 % of 53 is
    /// 21.2, so a cap of 21), so a body that meets the counts meets the shares.
    pub fn quota_counts(&self, regular_seats: u32) -> QuotaCounts {
        QuotaCounts {
            regular_seats,
            stakeholder_groups: resolve(&self.rules.stakeholder_groups.quotas, regular_seats),
            regions: resolve(&self.rules.regions.quotas, regular_seats),
            gender: resolve(&self.rules.gender.quotas, regular_seats),
            max_seats_any_gender: self
                .rules
                .gender
                .max_share_any_gender
                .map(|percent| Limit::Share { percent }.cap_seats(regular_seats)),
        }
    }

    /// How many of `regular_members` to replace this cycle: the rotation share, rounded to the
    /// nearest whole member (halves round up), so 33 % of 55 is 18.
    pub fn rotation_target(&self, regular_members: u32) -> u32 {
        let exact = u64::from(self.rules.rotation_share_percent) * u64::from(regular_members);
        to_u32((exact + 50) / 100)
    }
}

impl SeatRange {
    pub fn exactly(seats: u32) -> SeatRange {
        SeatRange {
            min: seats,
            max: seats,
        }
    }
}

impl SeatKind {
    /// Whether the seat counts towards the body's size (every kind but `Observer`).
    pub fn is_voting(&self) -> bool {
        !matches!(self, SeatKind::Observer)
    }
}

impl Limit {
    /// The seats a floor asks for with `seats` regular seats: counts as given, shares rounded up.
    pub fn floor_seats(self, seats: u32) -> u32 {
        match self {
            Limit::Count(count) => count,
            Limit::Share { percent } => {
                to_u32((u64::from(percent) * u64::from(seats)).div_ceil(100))
            }
        }
    }

    /// The seats a cap allows with `seats` regular seats: counts as given, shares rounded down.
    pub fn cap_seats(self, seats: u32) -> u32 {
        match self {
            Limit::Count(count) => count,
            Limit::Share { percent } => to_u32(u64::from(percent) * u64::from(seats) / 100),
        }
    }
}

impl EngagementPolicy {
    /// 60 % of meetings and 60 % of assigned reviews. The MAG terms of reference make renewal
    /// "contingent on a yearly evaluation of their engagement and contribution" but publish no
    /// numbers; 60 % is Plenary's default, to be set by each forum.
    pub const DEFAULT: EngagementPolicy = EngagementPolicy {
        min_attendance_percent: 60,
        min_reviews_percent: 60,
    };
}

impl Default for EngagementPolicy {
    fn default() -> EngagementPolicy {
        EngagementPolicy::DEFAULT
    }
}

impl fmt::Display for SeatKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SeatKind::Regular => write!(f, "regular"),
            SeatKind::ExOfficio(role) => write!(f, "ex officio ({role})"),
            SeatKind::StandingHostCountry => write!(f, "standing host-country"),
            SeatKind::Observer => write!(f, "observer"),
        }
    }
}

impl fmt::Display for ExOfficioRole {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ExOfficioRole::CurrentHostCountry => write!(f, "current host country"),
            ExOfficioRole::PreviousHostCountry => write!(f, "previous host country"),
            ExOfficioRole::NextHostCountry => write!(f, "next host country"),
            ExOfficioRole::MagChair => write!(f, "MAG chair"),
            ExOfficioRole::TechEnvoy => write!(f, "Envoy on Technology"),
            ExOfficioRole::Other(what) => write!(f, "{what}"),
        }
    }
}

impl Dimension {
    /// What one key of the dimension is called: `stakeholder group`, `UN regional group`.
    pub fn noun(self) -> &'static str {
        match self {
            Dimension::StakeholderGroup => "stakeholder group",
            Dimension::Region => "UN regional group",
            Dimension::Gender => "gender",
        }
    }
}

impl fmt::Display for Dimension {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Dimension::StakeholderGroup => "stakeholder-group",
            Dimension::Region => "regional",
            Dimension::Gender => "gender",
        })
    }
}

impl fmt::Display for Bound {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Bound::Floor => "floor",
            Bound::Cap => "cap",
        })
    }
}

/// A key a quota can be about, with the English words messages use for it.
pub trait QuotaKey: Clone + PartialEq {
    /// `civil society` for the code `civil_society`; `Eastern European Group`.
    fn label(&self) -> String;
    /// Whether a member's value falls under this key.
    fn matches(&self, other: &Self) -> bool {
        self == other
    }
}

impl QuotaKey for String {
    fn label(&self) -> String {
        self.trim().replace('_', " ")
    }

    fn matches(&self, other: &String) -> bool {
        self.trim().eq_ignore_ascii_case(other.trim())
    }
}

impl QuotaKey for UnRegionalGroup {
    fn label(&self) -> String {
        match self {
            UnRegionalGroup::African => "African Group",
            UnRegionalGroup::AsiaPacific => "Asia-Pacific Group",
            UnRegionalGroup::EasternEuropean => "Eastern European Group",
            UnRegionalGroup::LatinAmericanAndCaribbean => {
                "Latin American and Caribbean Group (GRULAC)"
            }
            UnRegionalGroup::WesternEuropeanAndOthers => "Western European and Others Group (WEOG)",
            UnRegionalGroup::None => "no UN regional group",
        }
        .to_owned()
    }
}

/// The largest body `validate` accepts; it keeps the search over sizes short.
pub const MAX_SEATS: u32 = 10_000;

pub(super) fn seats_of(rules: &ConstitutionDraft, kind: &SeatKind) -> u32 {
    rules
        .seats
        .iter()
        .filter(|allocation| &allocation.kind == kind)
        .map(|allocation| allocation.seats)
        .sum()
}

/// (fewest, most) regular seats: the most is the Regular allocation; the fewest is what the
/// minimum size leaves after the other voting seats.
fn regular_range(rules: &ConstitutionDraft) -> (u32, u32) {
    let regular_max = seats_of(rules, &SeatKind::Regular);
    let others: u32 = rules
        .seats
        .iter()
        .filter(|allocation| allocation.kind.is_voting() && allocation.kind != SeatKind::Regular)
        .map(|allocation| allocation.seats)
        .sum();
    let regular_min = rules.size.min.saturating_sub(others).min(regular_max);
    (regular_min, regular_max)
}

fn check_plain_numbers(draft: &ConstitutionDraft) -> Vec<ConstitutionError> {
    let mut problems = Vec::new();
    if draft.size.max > MAX_SEATS {
        problems.push(ConstitutionError::TooLarge {
            max: draft.size.max,
            limit: MAX_SEATS,
        });
    }
    if draft.size.min > draft.size.max {
        problems.push(ConstitutionError::EmptySizeRange {
            min: draft.size.min,
            max: draft.size.max,
        });
    }
    if draft.term.months == 0 {
        problems.push(ConstitutionError::ZeroTermLength);
    }
    if draft.term.max_consecutive_terms == Some(0) {
        problems.push(ConstitutionError::ZeroTermLimit);
    }
    if draft.rotation_share_percent > 100 {
        problems.push(ConstitutionError::RotationOver100 {
            percent: draft.rotation_share_percent,
        });
    }
    let policy = draft.engagement_policy;
    for percent in [policy.min_attendance_percent, policy.min_reviews_percent] {
        if percent > 100 {
            problems.push(ConstitutionError::EngagementOver100 { percent });
        }
    }
    if let Some(percent) = draft.gender.max_share_any_gender
        && percent > 100
    {
        problems.push(ConstitutionError::GenderCapOver100 { percent });
    }
    problems
}

/// Checks the seat allocations against the size; returns the (fewest, most) regular seats.
fn check_seats(draft: &ConstitutionDraft, problems: &mut Vec<ConstitutionError>) -> (u32, u32) {
    let kinds: BTreeSet<&SeatKind> = draft.seats.iter().map(|a| &a.kind).collect();
    for kind in kinds {
        let times = draft.seats.iter().filter(|a| &a.kind == kind).count();
        if times > 1 {
            problems.push(ConstitutionError::SeatKindRepeated {
                kind: kind.clone(),
                times,
            });
        }
    }
    if !draft.seats.iter().any(|a| a.kind == SeatKind::Regular) {
        problems.push(ConstitutionError::NoRegularAllocation);
    }
    let voting: u32 = draft
        .seats
        .iter()
        .filter(|a| a.kind.is_voting())
        .map(|a| a.seats)
        .fold(0, u32::saturating_add);
    // With an empty size range, comparing the seats with it says nothing more.
    if draft.size.min <= draft.size.max {
        if voting > draft.size.max {
            problems.push(ConstitutionError::SeatsAboveSize {
                seats: voting,
                max: draft.size.max,
            });
        }
        if voting < draft.size.min {
            problems.push(ConstitutionError::SeatsBelowSize {
                seats: voting,
                min: draft.size.min,
            });
        }
    }
    regular_range(draft)
}

fn check_balance<K: QuotaKey>(
    dimension: Dimension,
    balance: &Balance<K>,
    regular_min: u32,
    regular_max: u32,
    problems: &mut Vec<ConstitutionError>,
) {
    let mut share_over_100 = false;
    for (idx, quota) in balance.quotas.iter().enumerate() {
        let repeated = balance.quotas[..idx]
            .iter()
            .any(|earlier| earlier.key.matches(&quota.key));
        if repeated {
            problems.push(ConstitutionError::QuotaRepeated {
                dimension,
                label: quota.key.label(),
            });
        }
        for (bound, limit) in [(Bound::Floor, quota.floor), (Bound::Cap, quota.cap)] {
            if let Some(Limit::Share { percent }) = limit
                && percent > 100
            {
                share_over_100 = true;
                problems.push(ConstitutionError::ShareOver100 {
                    dimension,
                    bound,
                    label: quota.key.label(),
                    percent,
                });
            }
        }
    }
    if share_over_100 {
        // Every total below would only repeat the impossible share.
        return;
    }
    let floor_shares: u32 = balance
        .quotas
        .iter()
        .filter_map(|quota| match quota.floor {
            Some(Limit::Share { percent }) => Some(percent),
            _ => None,
        })
        .sum();
    if floor_shares > 100 {
        problems.push(ConstitutionError::FloorSharesOver100 {
            dimension,
            percent: floor_shares,
        });
    } else {
        let floors = floors_total(balance, regular_max);
        if floors > regular_max {
            problems.push(ConstitutionError::FloorsAboveSeats {
                dimension,
                floors,
                seats: regular_max,
            });
        }
    }
    if balance.others == Others::NotAllowed {
        let any_room = (regular_min..=regular_max).any(|seats| caps_total(balance, seats) >= seats);
        if !any_room {
            problems.push(ConstitutionError::CapsBelowSeats {
                dimension,
                caps: caps_total(balance, regular_min),
                seats: regular_min,
            });
        }
    }
    for quota in &balance.quotas {
        let (Some(floor), Some(cap)) = (quota.floor, quota.cap) else {
            continue;
        };
        // One message per quota: the largest body first, then the smallest.
        let clash = [regular_max, regular_min].into_iter().find_map(|seats| {
            let (floor, cap) = (floor.floor_seats(seats), cap.cap_seats(seats));
            (floor > cap).then_some((floor, cap, seats))
        });
        if let Some((floor, cap, seats)) = clash {
            problems.push(ConstitutionError::FloorAboveCap {
                dimension,
                label: quota.key.label(),
                floor,
                cap,
                seats,
            });
        }
    }
}

fn floors_total<K>(balance: &Balance<K>, seats: u32) -> u32 {
    balance
        .quotas
        .iter()
        .filter_map(|quota| quota.floor.map(|floor| floor.floor_seats(seats)))
        .sum()
}

/// The most seats the listed keys can hold together; a key without a cap can hold them all.
fn caps_total<K>(balance: &Balance<K>, seats: u32) -> u32 {
    balance
        .quotas
        .iter()
        .map(|quota| quota.cap.map_or(seats, |cap| cap.cap_seats(seats)))
        .fold(0_u32, u32::saturating_add)
}

fn balance_fits<K>(balance: &Balance<K>, seats: u32) -> bool {
    let floors_fit = floors_total(balance, seats) <= seats;
    let caps_fit = balance.others == Others::Allowed || caps_total(balance, seats) >= seats;
    let each_fits = balance
        .quotas
        .iter()
        .all(|quota| match (quota.floor, quota.cap) {
            (Some(floor), Some(cap)) => floor.floor_seats(seats) <= cap.cap_seats(seats),
            _ => true,
        });
    floors_fit && caps_fit && each_fits
}

/// With a cap on every gender, the gender floors must still fit under it.
fn gender_cap_fits(gender: &GenderBalance, seats: u32) -> bool {
    let Some(percent) = gender.max_share_any_gender else {
        return true;
    };
    let cap = Limit::Share { percent }.cap_seats(seats);
    gender
        .quotas
        .iter()
        .filter_map(|quota| quota.floor)
        .all(|floor| floor.floor_seats(seats) <= cap)
}

fn resolve<K: Clone>(quotas: &[Quota<K>], seats: u32) -> Vec<QuotaCount<K>> {
    quotas
        .iter()
        .map(|quota| QuotaCount {
            key: quota.key.clone(),
            floor: quota.floor.map(|floor| floor.floor_seats(seats)),
            cap: quota.cap.map(|cap| cap.cap_seats(seats)),
        })
        .collect()
}

/// Seat arithmetic stays far below `u32::MAX`; saturate rather than wrap if it ever does not.
fn to_u32(value: u64) -> u32 {
    u32::try_from(value).unwrap_or(u32::MAX)
}
