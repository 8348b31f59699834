//! Stage-2 evaluation as executable rules: the evaluation set-up of a cycle (who reviews
//! what, how many reviews, the score scale and criteria, the standard reasons a low score
//! needs, what reviewers see), conflicts of interest (declared and detected), the check of
//! one review, the synthesis of all scores (raw means beside per-reviewer normalisation) and
//! merge suggestions from the text of the proposals.
//!
//! Main items: `EvaluationSetup` (with `default_for`, `check` and the IGF `presets`),
//! `ConflictReason` and `detect_conflicts`, `ReviewInput` and `check_review`, `synthesise`
//! (`Synthesis`: `ProposalScores` per proposal, `ReviewerScale` per reviewer) and
//! `merge_suggestions` (TF-IDF cosine similarity over an inverted index).
//! Invariants: no I/O, no clock, no randomness; every output is ordered deterministically
//! (by proposal id, then reviewer id, or as documented); `check_review` reports every
//! problem at once. The words are defined in docs/GLOSSARY.md, "Review".
//! Not here: the assignment optimiser (`plenary_solver::assign`), storage
//! (`plenary_db::calls`) and the use-cases (`plenary_app::calls::review`).

use std::collections::{BTreeMap, BTreeSet, HashMap};

use super::{
    Approver, CycleSetup, IssueArea, KeyDates, PersonRole, ProposalPerson, SessionType, is_code,
    normalise_words,
};
use crate::{FieldError, Timestamp};

/// The score code of a set-up without criteria: one overall score.
pub const OVERALL: &str = "overall";
/// The longest reviewer comment (characters).
pub const MAX_COMMENT: usize = 5_000;
/// The most proposals one review may name as merge partners.
pub const MAX_MERGE_WITH: usize = 20;
/// The highest score a scale may reach.
pub const MAX_SCALE: u32 = 100;
/// The most reviews one proposal may ask for.
pub const MAX_REVIEWS_PER_PROPOSAL: u32 = 20;
/// The most criteria a set-up may have.
pub const MAX_CRITERIA: usize = 20;
/// The stakeholder-group code whose members form government delegations.
pub const GOVERNMENT: &str = "government";
/// The consistency constant that makes the median absolute deviation estimate a standard
/// deviation for normally distributed scores.
pub const MAD_TO_SD: f64 = 1.4826;
/// The consistency constant for the mean absolute deviation from the median (sqrt(pi/2)),
/// the robust scale used when the median absolute deviation is 0.
pub const MEAN_AD_TO_SD: f64 = 1.2533;

/// One scored criterion (2016 onwards; 2014-2015 used one overall score).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Criterion {
    /// Stable snake_case code (`relevance`…); never `overall`.
    pub code: String,
    pub name: String,
    /// What the reviewer judges, as shown on the form.
    pub description: String,
    /// Relative weight in the overall score, at least 1.
    pub weight: u32,
}

/// A group of reviewers that evaluates the proposals of some issue areas.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EvaluationGroup {
    pub code: String,
    pub name: String,
    /// Issue-area codes whose proposals this group evaluates; each area in one group at most.
    pub issue_areas: Vec<String>,
}

/// One of the standard reasons a reviewer picks for a low score.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LowScoreReason {
    pub code: String,
    pub label: String,
}

/// What reviewers see of a proposal besides its content.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Visibility {
    /// The names and organisations of the proposer and the people listed (default hidden).
    pub proposer_identity: bool,
    /// Whether the main proposer comes from a developing country (default shown).
    pub developing_country: bool,
    /// Whether the proposer has not organised a session before (default shown).
    pub first_time: bool,
}

impl Default for Visibility {
    fn default() -> Visibility {
        Visibility {
            proposer_identity: false,
            developing_country: true,
            first_time: true,
        }
    }
}

/// The evaluation of one cycle: what the secretariat sets up before the MAG scores.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EvaluationSetup {
    /// Session-type codes that are evaluated (default: those approved by the MAG).
    pub session_types: Vec<String>,
    /// Evaluation groups (default: one per issue area). A proposal whose issue area is in no
    /// group may be reviewed by anyone.
    pub groups: Vec<EvaluationGroup>,
    /// Reviews each proposal gets (default 3).
    pub reviews_per_proposal: u32,
    /// Proposals each reviewer should get; `None` spreads them evenly.
    pub load_target: Option<u32>,
    /// The most proposals one reviewer gets (default 70).
    pub load_cap: u32,
    /// Each proposal's reviewers span at least this many stakeholder groups where the pool
    /// allows (default 2; 0 or 1 switch it off).
    pub min_stakeholder_groups: u32,
    /// … and at least this many regions (default 2; 0 or 1 switch it off).
    pub min_regions: u32,
    /// The score scale, inclusive (default 1 to 5, 5 best).
    pub scale_min: u32,
    pub scale_max: u32,
    /// Scored criteria; empty means one overall score (code `overall`).
    pub criteria: Vec<Criterion>,
    /// A submitted overall score at or below this needs at least one standard reason
    /// (default 3; 0 switches it off, even on a scale that starts at 0).
    pub reasons_required_at_or_below: u32,
    pub low_score_reasons: Vec<LowScoreReason>,
    /// When reviews are due; `None` means the cycle's `dates.evaluation_due`.
    pub reviews_due: Option<Timestamp>,
    pub visibility: Visibility,
}

/// The IGF's standardised reasons for a low score (proposed for 2015 as radio buttons
/// required for scores of 3 or less; igf-rules.md §1.3).
pub fn standard_low_score_reasons() -> Vec<LowScoreReason> {
    [
        (
            "not_relevant",
            "Not relevant to Internet governance or to the theme",
        ),
        ("policy_question_unclear", "Policy question unclear"),
        ("format_mismatch", "The format does not fit the content"),
        (
            "lacks_diversity",
            "Lacks diversity of speakers (stakeholder group, region, gender)",
        ),
        (
            "incomplete_speakers",
            "Speakers incomplete or not confirmed",
        ),
        ("duplicates_other", "Duplicates another proposal"),
        ("other", "Other (explain in the comment)"),
    ]
    .into_iter()
    .map(|(code, label)| LowScoreReason {
        code: code.to_owned(),
        label: label.to_owned(),
    })
    .collect()
}

impl EvaluationSetup {
    /// The defaults for a cycle with these session types and issue areas: the MAG-approved
    /// types are evaluated, one group per issue area, 3 reviews per proposal, a load cap of
    /// 70, at least 2 stakeholder groups and 2 regions per proposal, one overall score from
    /// 1 to 5, a standard reason for scores of 3 or less, due with the cycle's
    /// `evaluation_due`, proposer identity hidden and both flags shown.
    pub fn default_for(
        session_types: &[SessionType],
        issue_areas: &[IssueArea],
    ) -> EvaluationSetup {
        EvaluationSetup {
            session_types: session_types
                .iter()
                .filter(|t| t.approver == Approver::Mag)
                .map(|t| t.code.clone())
                .collect(),
            groups: issue_areas
                .iter()
                .map(|a| EvaluationGroup {
                    code: a.code.clone(),
                    name: a.name.clone(),
                    issue_areas: vec![a.code.clone()],
                })
                .collect(),
            reviews_per_proposal: 3,
            load_target: None,
            load_cap: 70,
            min_stakeholder_groups: 2,
            min_regions: 2,
            scale_min: 1,
            scale_max: 5,
            criteria: Vec::new(),
            reasons_required_at_or_below: 3,
            low_score_reasons: standard_low_score_reasons(),
            reviews_due: None,
            visibility: Visibility::default(),
        }
    }

    /// Whether proposals of `session_type` are evaluated.
    pub fn evaluates(&self, session_type: &str) -> bool {
        self.session_types.iter().any(|t| t == session_type)
    }

    /// The group that evaluates proposals of `issue_area`, if any.
    pub fn group_for(&self, issue_area: &str) -> Option<&EvaluationGroup> {
        self.groups
            .iter()
            .find(|g| g.issue_areas.iter().any(|a| a == issue_area))
    }

    /// When reviews are due.
    pub fn due(&self, dates: &KeyDates) -> Timestamp {
        self.reviews_due.unwrap_or(dates.evaluation_due)
    }

    /// The codes a complete review scores: `["overall"]` or the criteria codes in order.
    pub fn score_codes(&self) -> Vec<String> {
        if self.criteria.is_empty() {
            vec![OVERALL.to_owned()]
        } else {
            self.criteria.iter().map(|c| c.code.clone()).collect()
        }
    }

    /// The weight of a score code in the overall score (`None` for an unknown code).
    fn weight_of(&self, code: &str) -> Option<u32> {
        if self.criteria.is_empty() {
            (code == OVERALL).then_some(1)
        } else {
            self.criteria
                .iter()
                .find(|c| c.code == code)
                .map(|c| c.weight)
        }
    }

    /// Every problem with the evaluation set-up in the context of its cycle, each naming
    /// its field (`evaluation.…`).
    pub fn check(&self, cycle: &CycleSetup) -> Vec<FieldError> {
        let mut errors = Vec::new();
        let mut seen = BTreeSet::new();
        for code in &self.session_types {
            if cycle.session_type(code).is_none() {
                errors.push(FieldError::new(
                    "evaluation.session_types",
                    "unknown_session_type",
                    format!("{code:?} is not a session type of this cycle"),
                ));
            }
            if !seen.insert(code.as_str()) {
                errors.push(FieldError::new(
                    "evaluation.session_types",
                    "duplicate",
                    format!("session type {code:?} is listed twice"),
                ));
            }
        }
        let mut group_codes = BTreeSet::new();
        let mut area_group: BTreeMap<&str, &str> = BTreeMap::new();
        for group in &self.groups {
            if !is_code(&group.code) {
                errors.push(FieldError::new(
                    "evaluation.groups",
                    "bad_code",
                    format!(
                        "group code {:?} must be snake_case (a-z, 0-9, _)",
                        group.code
                    ),
                ));
            }
            if !group_codes.insert(group.code.as_str()) {
                errors.push(FieldError::new(
                    "evaluation.groups",
                    "duplicate",
                    format!("group {:?} is listed twice", group.code),
                ));
            }
            if group.name.trim().is_empty() {
                errors.push(FieldError::new(
                    "evaluation.groups",
                    "required",
                    format!("group {:?} needs a name", group.code),
                ));
            }
            if group.issue_areas.is_empty() {
                errors.push(FieldError::new(
                    "evaluation.groups",
                    "empty_group",
                    format!("group {:?} lists no issue area", group.code),
                ));
            }
            for area in &group.issue_areas {
                if cycle.issue_area(area).is_none() {
                    errors.push(FieldError::new(
                        "evaluation.groups",
                        "unknown_issue_area",
                        format!(
                            "group {:?} names issue area {area:?}, which this cycle does not have",
                            group.code
                        ),
                    ));
                }
                if let Some(first) = area_group.insert(area.as_str(), group.code.as_str()) {
                    errors.push(FieldError::new(
                        "evaluation.groups",
                        "area_in_two_groups",
                        format!(
                            "issue area {area:?} is in group {first:?} and again in group {:?}",
                            group.code
                        ),
                    ));
                }
            }
        }
        let reviews_ok = (1..=MAX_REVIEWS_PER_PROPOSAL).contains(&self.reviews_per_proposal);
        if !reviews_ok {
            errors.push(FieldError::new(
                "evaluation.reviews_per_proposal",
                "out_of_range",
                format!("from 1 to {MAX_REVIEWS_PER_PROPOSAL} reviews per proposal"),
            ));
        }
        if self.load_cap == 0 {
            errors.push(FieldError::new(
                "evaluation.load_cap",
                "out_of_range",
                "the load cap must be at least 1 proposal per reviewer",
            ));
        }
        if let Some(target) = self.load_target
            && (target == 0 || target > self.load_cap)
        {
            errors.push(FieldError::new(
                "evaluation.load_target",
                "out_of_range",
                format!(
                    "the load target ({target}) must be from 1 to the load cap ({})",
                    self.load_cap
                ),
            ));
        }
        for (field, wanted, what) in [
            (
                "evaluation.min_stakeholder_groups",
                self.min_stakeholder_groups,
                "stakeholder groups",
            ),
            ("evaluation.min_regions", self.min_regions, "regions"),
        ] {
            if reviews_ok && wanted > self.reviews_per_proposal {
                errors.push(FieldError::new(
                    field,
                    "out_of_range",
                    format!(
                        "{wanted} {what} cannot be spanned by {} reviewers per proposal",
                        self.reviews_per_proposal
                    ),
                ));
            }
        }
        if self.scale_min >= self.scale_max || self.scale_max > MAX_SCALE {
            errors.push(FieldError::new(
                "evaluation.scale",
                "bad_scale",
                format!(
                    "the scale {} to {} must run upwards, at most to {MAX_SCALE}",
                    self.scale_min, self.scale_max
                ),
            ));
        }
        if self.criteria.len() > MAX_CRITERIA {
            errors.push(FieldError::new(
                "evaluation.criteria",
                "too_many",
                format!("{} criteria; at most {MAX_CRITERIA}", self.criteria.len()),
            ));
        }
        let mut codes = BTreeSet::new();
        for criterion in &self.criteria {
            if !is_code(&criterion.code) || criterion.code == OVERALL {
                errors.push(FieldError::new(
                    "evaluation.criteria",
                    "bad_code",
                    format!(
                        "criterion code {:?} must be snake_case (a-z, 0-9, _) and not {OVERALL:?}",
                        criterion.code
                    ),
                ));
            }
            if !codes.insert(criterion.code.as_str()) {
                errors.push(FieldError::new(
                    "evaluation.criteria",
                    "duplicate",
                    format!("criterion {:?} is listed twice", criterion.code),
                ));
            }
            if criterion.name.trim().is_empty() {
                errors.push(FieldError::new(
                    "evaluation.criteria",
                    "required",
                    format!("criterion {:?} needs a name", criterion.code),
                ));
            }
            if criterion.weight == 0 {
                errors.push(FieldError::new(
                    "evaluation.criteria",
                    "bad_weight",
                    format!(
                        "criterion {:?}: the weight must be at least 1",
                        criterion.code
                    ),
                ));
            }
        }
        if self.reasons_required_at_or_below > self.scale_max {
            errors.push(FieldError::new(
                "evaluation.reasons_required_at_or_below",
                "out_of_range",
                format!(
                    "{} is above the top of the scale ({}); every score would need a reason",
                    self.reasons_required_at_or_below, self.scale_max
                ),
            ));
        }
        let mut codes = BTreeSet::new();
        for reason in &self.low_score_reasons {
            if !is_code(&reason.code) {
                errors.push(FieldError::new(
                    "evaluation.low_score_reasons",
                    "bad_code",
                    format!(
                        "reason code {:?} must be snake_case (a-z, 0-9, _)",
                        reason.code
                    ),
                ));
            }
            if !codes.insert(reason.code.as_str()) {
                errors.push(FieldError::new(
                    "evaluation.low_score_reasons",
                    "duplicate",
                    format!("reason {:?} is listed twice", reason.code),
                ));
            }
            if reason.label.trim().is_empty() {
                errors.push(FieldError::new(
                    "evaluation.low_score_reasons",
                    "required",
                    format!("reason {:?} needs a label", reason.code),
                ));
            }
        }
        if self.low_score_reasons.is_empty()
            && self.reasons_required_at_or_below > 0
            && self.reasons_required_at_or_below >= self.scale_min
        {
            errors.push(FieldError::new(
                "evaluation.low_score_reasons",
                "required",
                format!(
                    "scores of {} or less need a standard reason, but none is listed",
                    self.reasons_required_at_or_below
                ),
            ));
        }
        if let Some(due) = self.reviews_due {
            let dates = &cycle.dates;
            if due < dates.screening_due || due > dates.notification {
                errors.push(FieldError::new(
                    "evaluation.reviews_due",
                    "date_order",
                    format!(
                        "reviews due {} must fall between screening_due ({}) and notification ({})",
                        due.to_display_utc(),
                        dates.screening_due.to_display_utc(),
                        dates.notification.to_display_utc()
                    ),
                ));
            }
        }
        errors
    }
}

/// The evaluation set-ups shipped with the cycle presets (igf-rules.md §1.3).
pub mod presets {
    use super::{Criterion, EvaluationSetup};
    use crate::calls::{IssueArea, SessionType};

    fn criterion(code: &str, name: &str, description: &str) -> Criterion {
        Criterion {
            code: code.to_owned(),
            name: name.to_owned(),
            description: description.to_owned(),
            weight: 1,
        }
    }

    /// The criteria of a preset (equal weights), or `None` for an unknown name: `igf2016`
    /// uses the four criteria of 2017 (relevance, content, diversity, format), `igf2018` the
    /// six of 2018, `igf2023` the 2023 list that starts with the proposed topic.
    pub fn criteria(name: &str) -> Option<Vec<Criterion>> {
        match name {
            "igf2016" => Some(vec![
                criterion(
                    "relevance",
                    "Relevance",
                    "Relevant to Internet governance and to the overarching theme.",
                ),
                criterion(
                    "content",
                    "Content",
                    "States a clear policy issue; grammar and fluency in English are not judged.",
                ),
                criterion(
                    "diversity",
                    "Diversity",
                    "Gender, geography, stakeholder group, policy perspective and age; developing-country and first-time proposers are especially welcome.",
                ),
                criterion("format", "Format", "The content mirrors the chosen format."),
            ]),
            "igf2018" => Some(vec![
                criterion(
                    "content",
                    "Content and description",
                    "The session is well described and its content is sound.",
                ),
                criterion(
                    "policy_questions",
                    "Response to policy questions",
                    "The session answers clear policy questions.",
                ),
                criterion(
                    "relevance",
                    "Relevance",
                    "Relevant to Internet governance and to the chosen focus area.",
                ),
                criterion(
                    "format",
                    "Format",
                    "The format suits the content and the session plan.",
                ),
                criterion(
                    "diversity",
                    "Diversity",
                    "Organisers and speakers differ in gender, region, stakeholder group and policy perspective.",
                ),
                criterion(
                    "participation",
                    "Encouraging participation",
                    "The approach to engaging the audience onsite and online.",
                ),
            ]),
            "igf2023" => Some(vec![
                criterion(
                    "topic",
                    "Proposed topic",
                    "Relevant both to Internet governance and to one of the cycle's subthemes.",
                ),
                criterion(
                    "policy_questions",
                    "Policy questions",
                    "Clear policy questions the session will address.",
                ),
                criterion(
                    "content",
                    "Session description",
                    "The content is well described and substantive.",
                ),
                criterion(
                    "diversity",
                    "Speakers and diversity",
                    "Speakers differ in gender, region, stakeholder group, age and policy perspective.",
                ),
                criterion(
                    "interaction",
                    "Format and hybrid interaction",
                    "The format suits the content and engages onsite and online participants alike.",
                ),
                criterion(
                    "outcomes",
                    "Expected outcomes",
                    "Concrete outcomes and how they will be shared.",
                ),
            ]),
            _ => None,
        }
    }

    /// The defaults of `EvaluationSetup::default_for` with the preset's criteria, or `None`
    /// for an unknown preset.
    pub fn setup(
        name: &str,
        session_types: &[SessionType],
        issue_areas: &[IssueArea],
    ) -> Option<EvaluationSetup> {
        let criteria = criteria(name)?;
        Some(EvaluationSetup {
            criteria,
            ..EvaluationSetup::default_for(session_types, issue_areas)
        })
    }
}

/// Why a reviewer may not evaluate a proposal: declared by the reviewer (the first four) or
/// detected from the proposal and the reviewer's profile (the last three).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ConflictReason {
    ListedAsSpeaker,
    OwnEmployer,
    AffiliatedNetwork,
    Other,
    SameOrganisation,
    ListedInProposal,
    SameDelegation,
}

impl ConflictReason {
    pub const ALL: [ConflictReason; 7] = [
        ConflictReason::ListedAsSpeaker,
        ConflictReason::OwnEmployer,
        ConflictReason::AffiliatedNetwork,
        ConflictReason::Other,
        ConflictReason::SameOrganisation,
        ConflictReason::ListedInProposal,
        ConflictReason::SameDelegation,
    ];

    /// The reasons a reviewer may declare.
    pub const DECLARABLE: [ConflictReason; 4] = [
        ConflictReason::ListedAsSpeaker,
        ConflictReason::OwnEmployer,
        ConflictReason::AffiliatedNetwork,
        ConflictReason::Other,
    ];

    pub fn code(self) -> &'static str {
        match self {
            ConflictReason::ListedAsSpeaker => "listed_as_speaker",
            ConflictReason::OwnEmployer => "own_employer",
            ConflictReason::AffiliatedNetwork => "affiliated_network",
            ConflictReason::Other => "other",
            ConflictReason::SameOrganisation => "same_organisation",
            ConflictReason::ListedInProposal => "listed_in_proposal",
            ConflictReason::SameDelegation => "same_delegation",
        }
    }

    /// Any reason by its code (declarable or detected).
    pub fn parse(raw: &str) -> Result<ConflictReason, FieldError> {
        ConflictReason::ALL
            .into_iter()
            .find(|r| r.code() == raw.trim())
            .ok_or_else(|| {
                FieldError::new(
                    "reason",
                    "unknown_reason",
                    format!(
                        "{raw:?} is not a conflict of interest; use listed_as_speaker, own_employer, affiliated_network or other"
                    ),
                )
            })
    }

    /// A reason a reviewer may declare, by its code; a detected reason is refused.
    pub fn parse_declarable(raw: &str) -> Result<ConflictReason, FieldError> {
        let reason = ConflictReason::parse(raw)?;
        if reason.declarable() {
            Ok(reason)
        } else {
            Err(FieldError::new(
                "reason",
                "not_declarable",
                format!(
                    "{raw:?} is detected by Plenary, not declared; use listed_as_speaker, own_employer, affiliated_network or other"
                ),
            ))
        }
    }

    /// Whether a reviewer may declare this reason (the others are detected).
    pub fn declarable(self) -> bool {
        ConflictReason::DECLARABLE.contains(&self)
    }

    /// What people read.
    pub fn label(self) -> &'static str {
        match self {
            ConflictReason::ListedAsSpeaker => "Listed as a speaker",
            ConflictReason::OwnEmployer => "Own employer",
            ConflictReason::AffiliatedNetwork => "Affiliated network",
            ConflictReason::Other => "Other",
            ConflictReason::SameOrganisation => "Same organisation as an organiser or speaker",
            ConflictReason::ListedInProposal => "Listed in the proposal",
            ConflictReason::SameDelegation => "Same government delegation",
        }
    }
}

/// What conflict detection knows about a reviewer.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ReviewerProfile {
    pub name: String,
    pub email: String,
    pub organisation: String,
    /// Stakeholder-group code (`government`…).
    pub stakeholder_group: String,
    /// ISO alpha-2.
    pub country_iso2: String,
}

/// A conflict found by `detect_conflicts`. `detail` names roles, organisations and
/// countries, never people.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DetectedConflict {
    pub reason: ConflictReason,
    pub detail: String,
}

fn role_word(role: PersonRole) -> String {
    role.code().replace('_', " ")
}

/// Adds `word` to `list` unless it is there already.
fn push_once(list: &mut Vec<String>, word: String) {
    if !list.contains(&word) {
        list.push(word);
    }
}

/// The conflicts of interest between `reviewer` and a proposal with these `people`,
/// submitted by `submitter_email` for `submitter_organisation`; at most one per reason, in
/// the order `SameOrganisation`, `ListedInProposal`, `SameDelegation`:
///
/// - same organisation: the reviewer's organisation equals an organiser's, a speaker's or
///   the submitter's (compared with `normalise_words`; empty organisations never match);
/// - listed in the proposal: the reviewer's e-mail (case-insensitive) or name
///   (`normalise_words`) is a listed person's, or the reviewer submitted the proposal;
/// - same delegation: the reviewer is in the government stakeholder group and a listed
///   person is too, from the same country.
pub fn detect_conflicts(
    reviewer: &ReviewerProfile,
    people: &[ProposalPerson],
    submitter_email: &str,
    submitter_organisation: &str,
) -> Vec<DetectedConflict> {
    let mut found = Vec::new();
    let organisation = normalise_words(&reviewer.organisation);
    if !organisation.is_empty() {
        let mut who = Vec::new();
        for person in people {
            if matches!(person.role, PersonRole::Organiser | PersonRole::Speaker)
                && normalise_words(&person.organisation) == organisation
            {
                push_once(&mut who, role_word(person.role));
            }
        }
        if normalise_words(submitter_organisation) == organisation {
            push_once(&mut who, "submitter".to_owned());
        }
        if !who.is_empty() {
            found.push(DetectedConflict {
                reason: ConflictReason::SameOrganisation,
                detail: format!("{} ({})", reviewer.organisation.trim(), who.join(", ")),
            });
        }
    }
    let email = reviewer.email.trim().to_lowercase();
    let name = normalise_words(&reviewer.name);
    let mut roles = Vec::new();
    if !email.is_empty() && submitter_email.trim().to_lowercase() == email {
        push_once(&mut roles, "submitter".to_owned());
    }
    for person in people {
        let same_email = !email.is_empty() && person.email.trim().to_lowercase() == email;
        let same_name = !name.is_empty() && normalise_words(&person.name) == name;
        if same_email || same_name {
            push_once(&mut roles, role_word(person.role));
        }
    }
    if !roles.is_empty() {
        found.push(DetectedConflict {
            reason: ConflictReason::ListedInProposal,
            detail: format!("listed as {}", roles.join(", ")),
        });
    }
    let country = reviewer.country_iso2.trim().to_uppercase();
    if is_government(&reviewer.stakeholder_group) && !country.is_empty() {
        let mut roles = Vec::new();
        for person in people {
            if is_government(&person.stakeholder_group)
                && person.country_iso2.trim().to_uppercase() == country
            {
                push_once(&mut roles, role_word(person.role));
            }
        }
        if !roles.is_empty() {
            found.push(DetectedConflict {
                reason: ConflictReason::SameDelegation,
                detail: format!("government of {country} ({})", roles.join(", ")),
            });
        }
    }
    found
}

fn is_government(stakeholder_group: &str) -> bool {
    stakeholder_group.trim().eq_ignore_ascii_case(GOVERNMENT)
}

/// One review as the reviewer typed it (scores already parsed as numbers).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ReviewInput {
    /// (score code, score): `overall` or criteria codes.
    pub scores: Vec<(String, u32)>,
    /// Standard reason codes.
    pub reasons: Vec<String>,
    pub comment: String,
    /// The reviewer thinks the proposal could be merged with another.
    pub merge_candidate: bool,
    /// Proposal numbers it could be merged with (only with `merge_candidate`).
    pub merge_with: Vec<u32>,
}

/// Checks one review against the set-up: every score within the scale, no unknown or
/// repeated criterion, on submit every score present and a standard reason for an overall
/// score at or below `reasons_required_at_or_below`, only known reasons, merge partners only
/// with the merge flag, a comment of at most `MAX_COMMENT` characters. `Err` lists every
/// problem; `Ok` gives the overall score (the weighted mean of the criteria, or the single
/// overall score), `None` while a draft lacks a score.
pub fn check_review(
    setup: &EvaluationSetup,
    input: &ReviewInput,
    submit: bool,
) -> Result<Option<f64>, Vec<FieldError>> {
    let mut errors = Vec::new();
    let mut given: BTreeMap<&str, u32> = BTreeMap::new();
    for (code, score) in &input.scores {
        if setup.weight_of(code).is_none() {
            errors.push(FieldError::new(
                "scores",
                "unknown_criterion",
                format!(
                    "{code:?} is not scored in this evaluation; score {}",
                    setup.score_codes().join(", ")
                ),
            ));
            continue;
        }
        if given.insert(code.as_str(), *score).is_some() {
            errors.push(FieldError::new(
                "scores",
                "duplicate",
                format!("{code:?} is scored twice"),
            ));
        }
        if !(setup.scale_min..=setup.scale_max).contains(score) {
            errors.push(FieldError::new(
                "scores",
                "out_of_range",
                format!(
                    "{code}: {score} is outside the scale {} to {}",
                    setup.scale_min, setup.scale_max
                ),
            ));
        }
    }
    let missing: Vec<String> = setup
        .score_codes()
        .into_iter()
        .filter(|c| !given.contains_key(c.as_str()))
        .collect();
    if submit && !missing.is_empty() {
        errors.push(FieldError::new(
            "scores",
            "required",
            format!("score {} before submitting", missing.join(", ")),
        ));
    }
    let overall = if missing.is_empty() {
        let mut total = 0.0;
        let mut weights = 0.0;
        for (code, score) in &given {
            let weight = f64::from(setup.weight_of(code).unwrap_or(0));
            total += weight * f64::from(*score);
            weights += weight;
        }
        (weights > 0.0).then(|| total / weights)
    } else {
        None
    };
    let mut reasons = BTreeSet::new();
    for reason in &input.reasons {
        if !setup.low_score_reasons.iter().any(|r| &r.code == reason) {
            errors.push(FieldError::new(
                "reasons",
                "unknown_reason",
                format!("{reason:?} is not one of the standard reasons"),
            ));
        } else if !reasons.insert(reason.as_str()) {
            errors.push(FieldError::new(
                "reasons",
                "duplicate",
                format!("reason {reason:?} is given twice"),
            ));
        }
    }
    if submit
        && input.reasons.is_empty()
        && setup.reasons_required_at_or_below > 0
        && let Some(overall) = overall
        && overall <= f64::from(setup.reasons_required_at_or_below)
    {
        errors.push(FieldError::new(
            "reasons",
            "reason_required",
            format!(
                "an overall score of {} needs at least one standard reason (scores of {} or less)",
                format_score(overall),
                setup.reasons_required_at_or_below
            ),
        ));
    }
    let comment_chars = input.comment.chars().count();
    if comment_chars > MAX_COMMENT {
        errors.push(FieldError::new(
            "comment",
            "too_long",
            format!("the comment has {comment_chars} characters; at most {MAX_COMMENT}"),
        ));
    }
    if !input.merge_with.is_empty() && !input.merge_candidate {
        errors.push(FieldError::new(
            "merge_with",
            "not_merge_candidate",
            "tick \"merge candidate\" to name proposals to merge with",
        ));
    }
    if input.merge_with.len() > MAX_MERGE_WITH {
        errors.push(FieldError::new(
            "merge_with",
            "too_many",
            format!(
                "{} proposals named; at most {MAX_MERGE_WITH}",
                input.merge_with.len()
            ),
        ));
    }
    if input.merge_with.contains(&0) {
        errors.push(FieldError::new(
            "merge_with",
            "bad_number",
            "proposal numbers start at 1",
        ));
    }
    let mut numbers = BTreeSet::new();
    for number in &input.merge_with {
        if !numbers.insert(*number) {
            errors.push(FieldError::new(
                "merge_with",
                "duplicate",
                format!("proposal {number} is named twice"),
            ));
        }
    }
    if errors.is_empty() {
        Ok(overall)
    } else {
        Err(errors)
    }
}

/// A score as people read it: at most two decimals, no trailing zeros (`3`, `2.67`).
pub fn format_score(score: f64) -> String {
    let text = format!("{score:.2}");
    text.trim_end_matches('0').trim_end_matches('.').to_owned()
}

/// One submitted overall score.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ScoreRecord {
    pub proposal: i64,
    pub reviewer: i64,
    pub score: f64,
}

/// The scores of one proposal, raw and normalised.
#[derive(Debug, Clone, PartialEq)]
pub struct ProposalScores {
    pub proposal: i64,
    pub count: usize,
    pub mean: f64,
    /// Sample standard deviation; 0 with fewer than 2 scores.
    pub spread: f64,
    pub min: f64,
    pub max: f64,
    /// Mean z-score of its reviews mapped back onto the scale
    /// (`global mean + mean(z) × global sd`).
    pub z_mean: f64,
    /// The robust alternative: z-scores from each reviewer's median and 1.4826·MAD, mapped
    /// back with the global median and robust scale.
    pub robust_mean: f64,
}

/// How one reviewer scores: the numbers normalisation corrects for.
#[derive(Debug, Clone, PartialEq)]
pub struct ReviewerScale {
    pub reviewer: i64,
    pub count: usize,
    pub mean: f64,
    /// Sample standard deviation; 0 with fewer than 2 scores.
    pub sd: f64,
    pub median: f64,
    /// Median absolute deviation from the median (not scaled).
    pub mad: f64,
}

/// Everything `synthesise` computes; both lists ordered by id.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Synthesis {
    pub proposals: Vec<ProposalScores>,
    pub reviewers: Vec<ReviewerScale>,
}

/// One proposal's scores and their z-scores, in record order.
#[derive(Debug, Default)]
struct ProposalColumns {
    scores: Vec<f64>,
    z: Vec<f64>,
    robust_z: Vec<f64>,
}

/// Location and scale of a list of scores.
#[derive(Debug, Clone, Copy)]
struct Stats {
    count: usize,
    mean: f64,
    sd: f64,
    median: f64,
    mad: f64,
    /// 1.4826·MAD, or 1.2533 × the mean absolute deviation from the median when the MAD is
    /// 0 (common on a 1-5 scale); 0 when every score is the same.
    robust_scale: f64,
}

fn median(sorted: &[f64]) -> f64 {
    let n = sorted.len();
    if n == 0 {
        0.0
    } else if n % 2 == 1 {
        sorted[n / 2]
    } else {
        (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0
    }
}

fn mean(values: &[f64]) -> f64 {
    if values.is_empty() {
        0.0
    } else {
        values.iter().sum::<f64>() / values.len() as f64
    }
}

/// Sample standard deviation; 0 with fewer than 2 values.
fn sample_sd(values: &[f64], mean: f64) -> f64 {
    if values.len() < 2 {
        return 0.0;
    }
    let squares: f64 = values.iter().map(|v| (v - mean).powi(2)).sum();
    (squares / (values.len() - 1) as f64).sqrt()
}

impl Stats {
    fn of(values: &[f64]) -> Stats {
        let mut sorted = values.to_vec();
        sorted.sort_by(f64::total_cmp);
        let mean = mean(values);
        let median = median(&sorted);
        let mut deviations: Vec<f64> = sorted.iter().map(|v| (v - median).abs()).collect();
        deviations.sort_by(f64::total_cmp);
        let mad = self::median(&deviations);
        let robust_scale = if mad > 0.0 {
            MAD_TO_SD * mad
        } else {
            MEAN_AD_TO_SD * self::mean(&deviations)
        };
        Stats {
            count: values.len(),
            mean,
            sd: sample_sd(values, mean),
            median,
            mad,
            robust_scale,
        }
    }

    /// The z-score of `x` for this reviewer; 0 with fewer than 2 scores or no spread.
    fn z(&self, x: f64) -> f64 {
        if self.count >= 2 && self.sd > 0.0 {
            (x - self.mean) / self.sd
        } else {
            0.0
        }
    }

    /// The robust z-score of `x`; 0 with fewer than 2 scores or no spread.
    fn robust_z(&self, x: f64) -> f64 {
        if self.count >= 2 && self.robust_scale > 0.0 {
            (x - self.median) / self.robust_scale
        } else {
            0.0
        }
    }
}

/// The synthesis of submitted scores. Per proposal: count, mean, spread (sample sd), min,
/// max, and two normalised means that correct lenient and harsh reviewers. `z_mean` turns
/// each score into a z-score against its reviewer's mean and sd and maps the proposal's mean
/// z back onto the scale as `global mean + mean(z) × global sd`; `robust_mean` does the same
/// with medians and 1.4826·MAD (1.2533 × the mean absolute deviation when the MAD is 0),
/// mapped back with the global median and robust scale. A reviewer with fewer than 2 scores
/// or none of spread contributes z = 0 (the global centre). Per reviewer: count, mean, sd,
/// median, MAD. Scores that are not finite numbers are left out; every result is ordered by
/// id and does not depend on the order of `records`. Normalised means are not clamped to
/// the scale.
pub fn synthesise(records: &[ScoreRecord]) -> Synthesis {
    let mut records: Vec<&ScoreRecord> = records.iter().filter(|r| r.score.is_finite()).collect();
    records.sort_by(|a, b| {
        (a.proposal, a.reviewer)
            .cmp(&(b.proposal, b.reviewer))
            .then(a.score.total_cmp(&b.score))
    });
    let mut by_reviewer: BTreeMap<i64, Vec<f64>> = BTreeMap::new();
    for r in &records {
        by_reviewer.entry(r.reviewer).or_default().push(r.score);
    }
    let scales: BTreeMap<i64, Stats> = by_reviewer
        .iter()
        .map(|(id, scores)| (*id, Stats::of(scores)))
        .collect();
    let all: Vec<f64> = records.iter().map(|r| r.score).collect();
    let global = Stats::of(&all);
    let mut by_proposal: BTreeMap<i64, ProposalColumns> = BTreeMap::new();
    for r in &records {
        let entry = by_proposal.entry(r.proposal).or_default();
        entry.scores.push(r.score);
        if let Some(scale) = scales.get(&r.reviewer) {
            entry.z.push(scale.z(r.score));
            entry.robust_z.push(scale.robust_z(r.score));
        }
    }
    let proposals = by_proposal
        .into_iter()
        .map(
            |(
                proposal,
                ProposalColumns {
                    scores,
                    z,
                    robust_z,
                },
            )| {
                let m = mean(&scores);
                ProposalScores {
                    proposal,
                    count: scores.len(),
                    mean: m,
                    spread: sample_sd(&scores, m),
                    min: scores.iter().copied().fold(f64::INFINITY, f64::min),
                    max: scores.iter().copied().fold(f64::NEG_INFINITY, f64::max),
                    z_mean: global.mean + mean(&z) * global.sd,
                    robust_mean: global.median + mean(&robust_z) * global.robust_scale,
                }
            },
        )
        .collect();
    let reviewers = scales
        .into_iter()
        .map(|(reviewer, s)| ReviewerScale {
            reviewer,
            count: s.count,
            mean: s.mean,
            sd: s.sd,
            median: s.median,
            mad: s.mad,
        })
        .collect();
    Synthesis {
        proposals,
        reviewers,
    }
}

/// Two proposals that look alike enough to suggest merging them.
#[derive(Debug, Clone, PartialEq)]
pub struct MergeSuggestion {
    /// The smaller id of the pair.
    pub a: i64,
    pub b: i64,
    /// Cosine similarity of their TF-IDF vectors, 0 to 1.
    pub similarity: f64,
    /// The shared words that weigh most in the similarity, heaviest first (as written in
    /// the proposals, most frequent form).
    pub shared_terms: Vec<String>,
}

/// How many shared terms a suggestion shows.
pub const SHARED_TERMS: usize = 5;

/// English words too common to say anything about a proposal's subject.
#[rustfmt::skip]
const STOP_WORDS: &[&str] = &[
    "a", "about", "above", "across", "after", "again", "against", "all", "also", "am", "among",
    "an", "and", "any", "are", "as", "at", "be", "because", "been", "before", "being", "below",
    "between", "both", "but", "by", "can", "could", "did", "do", "does", "doing", "down",
    "during", "each", "either", "etc", "even", "ever", "every", "few", "for", "from", "further",
    "had", "has", "have", "having", "he", "her", "here", "hers", "him", "his", "how", "however",
    "i", "if", "in", "into", "is", "it", "its", "itself", "just", "last", "least", "less",
    "let", "like", "made", "make", "many", "may", "me", "might", "more", "most", "much", "must",
    "my", "neither", "no", "nor", "not", "now", "of", "off", "on", "once", "one", "only", "or",
    "other", "others", "our", "ours", "out", "over", "own", "per", "rather", "same", "shall",
    "she", "should", "since", "so", "some", "such", "than", "that", "the", "their", "theirs",
    "them", "then", "there", "these", "they", "this", "those", "through", "thus", "to", "too",
    "under", "until", "up", "upon", "us", "use", "used", "using", "very", "via", "was", "we",
    "well", "were", "what", "when", "where", "whether", "which", "while", "who", "whom",
    "whose", "why", "will", "with", "within", "without", "would", "yet", "you", "your", "yours",
];

/// Suffixes the stemmer strips (one at most, the longest that leaves 3 characters),
/// after plurals are made singular.
#[rustfmt::skip]
const SUFFIXES: &[&str] = &[
    "ation", "ating", "atory", "ated", "ance", "ence", "ment", "ness", "ate", "ing", "ion", "ity", "ive", "ed", "ly", "e",
];

fn is_stop_word(word: &str) -> bool {
    STOP_WORDS.binary_search(&word).is_ok()
}

/// A light suffix-stripping stemmer: plural to singular (`ies` → `y`, `sses` → `ss`, a final
/// `s` after anything but `s`, `u` or `i`), then the longest suffix of `SUFFIXES` whose
/// removal leaves at least 3 characters. `regulations`, `regulating` and `regulatory` all
/// become `regul`.
pub fn stem(word: &str) -> String {
    let chars = word.chars().count();
    let mut w = word.to_owned();
    if chars > 4 && w.ends_with("ies") {
        w.truncate(w.len() - 3);
        w.push('y');
    } else if w.ends_with("sses") {
        w.truncate(w.len() - 2);
    } else if chars > 3
        && w.ends_with('s')
        && !w.ends_with("ss")
        && !w.ends_with("us")
        && !w.ends_with("is")
    {
        w.truncate(w.len() - 1);
    }
    for suffix in SUFFIXES {
        if w.ends_with(suffix) && w.chars().count() >= suffix.len() + 3 {
            w.truncate(w.len() - suffix.len());
            break;
        }
    }
    w
}

/// The words of `text`: lower-cased runs of letters and digits, 2 to 40 characters, not
/// stop words.
fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| {
            let n = w.chars().count();
            (2..=40).contains(&n)
        })
        .map(str::to_lowercase)
        .filter(|w| !is_stop_word(w))
}

/// Pairs of proposals whose texts (the caller joins title, description and policy
/// questions) are alike: cosine similarity of TF-IDF vectors (term frequency `1 + ln tf`,
/// inverse document frequency `ln((N + 1) / df)`, over stemmed words without stop words),
/// computed through an inverted index so only pairs that share a word are compared. Keeps
/// pairs at or above `threshold`; takes them from the most similar down (ties by ids) and
/// skips a pair once either proposal already has `max_per_proposal` suggestions. Each pair
/// comes once, `a < b`; two documents with the same id are never paired.
pub fn merge_suggestions(
    docs: &[(i64, String)],
    threshold: f64,
    max_per_proposal: usize,
) -> Vec<MergeSuggestion> {
    if max_per_proposal == 0 || docs.len() < 2 {
        return Vec::new();
    }
    // Vocabulary: stem -> term id; per term, how often each written form occurs.
    let mut vocabulary: HashMap<String, usize> = HashMap::new();
    let mut forms: Vec<BTreeMap<String, u32>> = Vec::new();
    let mut counts: Vec<BTreeMap<usize, u32>> = Vec::with_capacity(docs.len());
    for (_, text) in docs {
        let mut tf: BTreeMap<usize, u32> = BTreeMap::new();
        for word in words(text) {
            let stemmed = stem(&word);
            let next = vocabulary.len();
            let term = *vocabulary.entry(stemmed).or_insert(next);
            if term == forms.len() {
                forms.push(BTreeMap::new());
            }
            *forms[term].entry(word).or_default() += 1;
            *tf.entry(term).or_default() += 1;
        }
        counts.push(tf);
    }
    let mut df = vec![0usize; forms.len()];
    for tf in &counts {
        for term in tf.keys() {
            df[*term] += 1;
        }
    }
    let n = docs.len() as f64;
    // Normalised vectors, sorted by term id.
    let vectors: Vec<Vec<(usize, f64)>> = counts
        .iter()
        .map(|tf| {
            let mut v: Vec<(usize, f64)> = tf
                .iter()
                .map(|(term, count)| {
                    let idf = ((n + 1.0) / df[*term] as f64).ln();
                    (*term, (1.0 + f64::from(*count).ln()) * idf)
                })
                .collect();
            let norm = v.iter().map(|(_, w)| w * w).sum::<f64>().sqrt();
            if norm > 0.0 {
                for (_, w) in &mut v {
                    *w /= norm;
                }
            }
            v
        })
        .collect();
    let mut postings: Vec<Vec<(usize, f64)>> = vec![Vec::new(); forms.len()];
    for (doc, vector) in vectors.iter().enumerate() {
        for (term, w) in vector {
            postings[*term].push((doc, *w));
        }
    }
    let mut candidates: Vec<(f64, i64, i64, usize, usize)> = Vec::new();
    let mut acc = vec![0.0f64; docs.len()];
    let mut seen = vec![false; docs.len()];
    let mut touched: Vec<usize> = Vec::new();
    for (i, vector) in vectors.iter().enumerate() {
        for (term, w) in vector {
            let list = &postings[*term];
            // Postings are in document order: start after `i`.
            let start = list.partition_point(|(doc, _)| *doc <= i);
            for (j, wj) in &list[start..] {
                if !seen[*j] {
                    seen[*j] = true;
                    touched.push(*j);
                }
                acc[*j] += w * wj;
            }
        }
        for j in touched.drain(..) {
            let similarity = acc[j].min(1.0);
            acc[j] = 0.0;
            seen[j] = false;
            let (id_i, id_j) = (docs[i].0, docs[j].0);
            if id_i != id_j && similarity >= threshold {
                let (a, b, da, db) = if id_i < id_j {
                    (id_i, id_j, i, j)
                } else {
                    (id_j, id_i, j, i)
                };
                candidates.push((similarity, a, b, da, db));
            }
        }
    }
    candidates.sort_by(|x, y| y.0.total_cmp(&x.0).then(x.1.cmp(&y.1)).then(x.2.cmp(&y.2)));
    let mut taken: HashMap<i64, usize> = HashMap::new();
    let mut out = Vec::new();
    for (similarity, a, b, da, db) in candidates {
        let count_a = taken.get(&a).copied().unwrap_or(0);
        let count_b = taken.get(&b).copied().unwrap_or(0);
        if count_a >= max_per_proposal || count_b >= max_per_proposal {
            continue;
        }
        taken.insert(a, count_a + 1);
        taken.insert(b, count_b + 1);
        out.push(MergeSuggestion {
            a,
            b,
            similarity,
            shared_terms: shared_terms(&vectors[da], &vectors[db], &forms),
        });
    }
    out
}

/// The shared terms of two sorted vectors, heaviest product first (ties by written form),
/// at most `SHARED_TERMS`, each in its most frequent written form.
fn shared_terms(
    a: &[(usize, f64)],
    b: &[(usize, f64)],
    forms: &[BTreeMap<String, u32>],
) -> Vec<String> {
    let mut shared: Vec<(f64, String)> = Vec::new();
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                let form = forms[a[i].0]
                    .iter()
                    .max_by(|x, y| x.1.cmp(y.1).then(y.0.cmp(x.0)))
                    .map(|(word, _)| word.clone())
                    .unwrap_or_default();
                shared.push((a[i].1 * b[j].1, form));
                i += 1;
                j += 1;
            }
        }
    }
    shared.sort_by(|x, y| y.0.total_cmp(&x.0).then(x.1.cmp(&y.1)));
    shared
        .into_iter()
        .take(SHARED_TERMS)
        .map(|(_, form)| form)
        .collect()
}

#[cfg(test)]
mod tests;
