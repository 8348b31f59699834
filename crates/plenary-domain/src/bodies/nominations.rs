//! Nominations to a body: the call's window, what a nomination form must hold, the
//! eligibility checks, duplicate matching and the statuses a nomination moves through.
//!
//! Main items: `CallWindow::is_open_at`, `parse_nomination` (every field error at once, so a
//! form can show them all), `check_eligibility` (one plain-language `EligibilityCheck` per
//! rule), `same_candidate` and `duplicate_pairs`, `change_status`, `parse_score`.
//! Invariants: no I/O and no clock (`now` is passed in); only `change_status` and
//! `check_merge` decide which status changes are allowed; `Merged` is reached only by a merge.
//! Not here: storage (`plenary_db::nominations`), the use-cases (`plenary_app::bodies::nominations`).

use std::collections::BTreeSet;

use crate::accounts::Email;
use crate::bodies::{Constitution, Others, QuotaKey};
use crate::countries::UnRegionalGroup;
use crate::{FieldError, Timestamp};

/// The longest candidate or nominator name, organisation or endorsement name (characters).
pub const MAX_NAME: usize = 200;
/// The longest self-described gender (characters).
pub const MAX_GENDER: usize = 60;
/// The longest candidate statement (characters).
pub const MAX_STATEMENT: usize = 5000;
/// The longest endorsement note (characters).
pub const MAX_ENDORSEMENT_NOTE: usize = 500;
/// At most this many endorsements on one nomination.
pub const MAX_ENDORSEMENTS: usize = 10;

/// When a nomination call accepts nominations: from `opens_at` (inclusive) to `closes_at`
/// (exclusive).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CallWindow {
    pub opens_at: Timestamp,
    pub closes_at: Timestamp,
}

impl CallWindow {
    /// A window that closes after it opens.
    pub fn new(opens_at: Timestamp, closes_at: Timestamp) -> Result<CallWindow, FieldError> {
        if closes_at <= opens_at {
            return Err(FieldError::new(
                "closes_at",
                "closes_before_opening",
                "the call must close after it opens",
            ));
        }
        Ok(CallWindow {
            opens_at,
            closes_at,
        })
    }

    pub fn is_open_at(&self, now: Timestamp) -> bool {
        self.opens_at <= now && now < self.closes_at
    }
}

/// Where a nomination stands in the secretariat's review.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum NominationStatus {
    Submitted,
    Eligible,
    Ineligible,
    Withdrawn,
    /// Folded into another nomination of the same candidate (its nominators moved there).
    Merged,
}

impl NominationStatus {
    pub const ALL: [NominationStatus; 5] = [
        NominationStatus::Submitted,
        NominationStatus::Eligible,
        NominationStatus::Ineligible,
        NominationStatus::Withdrawn,
        NominationStatus::Merged,
    ];

    pub fn code(self) -> &'static str {
        match self {
            NominationStatus::Submitted => "submitted",
            NominationStatus::Eligible => "eligible",
            NominationStatus::Ineligible => "ineligible",
            NominationStatus::Withdrawn => "withdrawn",
            NominationStatus::Merged => "merged",
        }
    }

    pub fn parse(raw: &str) -> Result<NominationStatus, FieldError> {
        let code = raw.trim().to_ascii_lowercase();
        NominationStatus::ALL
            .into_iter()
            .find(|s| s.code() == code)
            .ok_or_else(|| {
                FieldError::new(
                    "status",
                    "unknown_status",
                    format!(
                        "{raw:?} is not a status; use submitted, eligible, ineligible, withdrawn or merged"
                    ),
                )
            })
    }
}

/// Why a status change or a merge is refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum NominationError {
    #[error("the nomination was merged into another one and can no longer change")]
    AlreadyMerged,
    #[error("a nomination becomes merged only by merging it into another one")]
    MergeOnlyByMerging,
    #[error("the nomination cannot be marked eligible: {0}")]
    FailsChecks(String),
    #[error("a nomination cannot be merged into itself")]
    MergeIntoItself,
    #[error("only nominations of the same candidate can be merged")]
    NotTheSameCandidate,
    #[error("the call is not open for nominations (it is open from {opens} to {closes})")]
    CallClosed { opens: String, closes: String },
}

impl NominationError {
    /// A stable snake_case code.
    pub fn code(&self) -> &'static str {
        match self {
            NominationError::AlreadyMerged => "nomination_merged",
            NominationError::MergeOnlyByMerging => "merge_only_by_merging",
            NominationError::FailsChecks(_) => "fails_eligibility_checks",
            NominationError::MergeIntoItself => "merge_into_itself",
            NominationError::NotTheSameCandidate => "not_the_same_candidate",
            NominationError::CallClosed { .. } => "call_closed",
        }
    }
}

/// Refuses a nomination outside the call's window.
pub fn check_open(window: &CallWindow, now: Timestamp) -> Result<(), NominationError> {
    if window.is_open_at(now) {
        Ok(())
    } else {
        Err(NominationError::CallClosed {
            opens: window.opens_at.to_display_utc(),
            closes: window.closes_at.to_display_utc(),
        })
    }
}

/// The secretariat sets `to` on a nomination in `from`; `checks_pass` says whether every
/// eligibility check passes (needed to mark it eligible).
pub fn change_status(
    from: NominationStatus,
    to: NominationStatus,
    checks_pass: Result<(), String>,
) -> Result<NominationStatus, NominationError> {
    if from == NominationStatus::Merged {
        return Err(NominationError::AlreadyMerged);
    }
    match to {
        NominationStatus::Merged => Err(NominationError::MergeOnlyByMerging),
        NominationStatus::Eligible => checks_pass
            .map(|()| to)
            .map_err(NominationError::FailsChecks),
        _ => Ok(to),
    }
}

/// Who a nomination is about, for duplicate matching.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CandidateKey {
    pub name: String,
    pub email: String,
    pub country_iso2: String,
}

/// A name for matching: lower case, without accents' combining marks or punctuation, with
/// single spaces.
pub fn normalise_name(name: &str) -> String {
    name.chars()
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .collect::<String>()
        .split_whitespace()
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
}

/// An e-mail address for matching: trimmed, lower case.
pub fn normalise_email(email: &str) -> String {
    email.trim().to_lowercase()
}

/// The same candidate: the same e-mail address, or the same name in the same country.
pub fn same_candidate(a: &CandidateKey, b: &CandidateKey) -> bool {
    let (ea, eb) = (normalise_email(&a.email), normalise_email(&b.email));
    if !ea.is_empty() && ea == eb {
        return true;
    }
    let (na, nb) = (normalise_name(&a.name), normalise_name(&b.name));
    !na.is_empty() && na == nb && a.country_iso2.eq_ignore_ascii_case(&b.country_iso2)
}

/// Every pair `(i, j)` with `i < j` of candidates that are the same person.
pub fn duplicate_pairs(candidates: &[CandidateKey]) -> Vec<(usize, usize)> {
    let mut pairs = Vec::new();
    for (i, a) in candidates.iter().enumerate() {
        for (j, b) in candidates.iter().enumerate().skip(i + 1) {
            if same_candidate(a, b) {
                pairs.push((i, j));
            }
        }
    }
    pairs
}

/// Whether `drop` may be merged into `keep`.
pub fn check_merge(
    keep: (i64, NominationStatus, &CandidateKey),
    drop: (i64, NominationStatus, &CandidateKey),
) -> Result<(), NominationError> {
    if keep.0 == drop.0 {
        return Err(NominationError::MergeIntoItself);
    }
    if keep.1 == NominationStatus::Merged || drop.1 == NominationStatus::Merged {
        return Err(NominationError::AlreadyMerged);
    }
    if !same_candidate(keep.2, drop.2) {
        return Err(NominationError::NotTheSameCandidate);
    }
    Ok(())
}

/// A merit score 0–100, or none (empty).
pub fn parse_score(raw: &str) -> Result<Option<u8>, FieldError> {
    let raw = raw.trim();
    if raw.is_empty() {
        return Ok(None);
    }
    match raw.parse::<u8>() {
        Ok(score) if score <= 100 => Ok(Some(score)),
        _ => Err(FieldError::new(
            "score",
            "bad_score",
            format!("{raw:?} is not a whole number from 0 to 100"),
        )),
    }
}

/// A nomination as typed into the form (or read from a CSV line).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RawNomination {
    pub self_nomination: bool,
    pub candidate_name: String,
    pub candidate_email: String,
    pub stakeholder_group: String,
    pub country_iso2: String,
    pub gender: String,
    pub organisation: String,
    pub statement: String,
    pub nominator_name: String,
    pub nominator_email: String,
    /// (organisation or process, short note); rows with both empty are ignored.
    pub endorsements: Vec<(String, String)>,
}

/// A nomination whose fields passed validation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CleanNomination {
    pub self_nomination: bool,
    pub candidate_name: String,
    pub candidate_email: String,
    pub stakeholder_group: String,
    pub country_iso2: String,
    pub gender: String,
    pub organisation: String,
    /// May be empty: a missing statement makes the nomination ineligible, not invalid.
    pub statement: String,
    pub nominator_name: String,
    pub nominator_email: String,
    pub endorsements: Vec<(String, String)>,
}

fn text(
    errors: &mut Vec<FieldError>,
    field: &'static str,
    raw: &str,
    max: usize,
    required: bool,
) -> String {
    let value = raw.trim().to_owned();
    if required && value.is_empty() {
        errors.push(FieldError::new(field, "required", "this field is required"));
    } else if value.chars().count() > max {
        errors.push(FieldError::new(
            field,
            "too_long",
            format!("at most {max} characters"),
        ));
    } else if value
        .chars()
        .any(|c| c.is_control() && c != '\n' && c != '\r' && c != '\t')
    {
        errors.push(FieldError::new(
            field,
            "control_character",
            "contains control characters",
        ));
    }
    value
}

fn email(errors: &mut Vec<FieldError>, field: &'static str, raw: &str) -> String {
    match Email::parse(raw) {
        Ok(email) => email.as_str().to_owned(),
        Err(err) => {
            errors.push(FieldError::new(field, err.code, err.problem));
            raw.trim().to_owned()
        }
    }
}

/// Checks every field of a nomination; returns all problems at once. `groups` are the
/// forum's stakeholder group codes, `countries` the known ISO alpha-2 codes (upper case).
pub fn parse_nomination(
    raw: &RawNomination,
    groups: &[String],
    countries: &BTreeSet<String>,
) -> Result<CleanNomination, Vec<FieldError>> {
    let mut errors = Vec::new();
    let candidate_name = text(
        &mut errors,
        "candidate_name",
        &raw.candidate_name,
        MAX_NAME,
        true,
    );
    let candidate_email = email(&mut errors, "candidate_email", &raw.candidate_email);
    let stakeholder_group = raw.stakeholder_group.trim().to_lowercase();
    if stakeholder_group.is_empty() {
        errors.push(FieldError::new(
            "stakeholder_group",
            "required",
            "choose a stakeholder group",
        ));
    } else if !groups
        .iter()
        .any(|g| g.eq_ignore_ascii_case(&stakeholder_group))
    {
        errors.push(FieldError::new(
            "stakeholder_group",
            "unknown_stakeholder_group",
            format!(
                "{:?} is not a stakeholder group of this forum; use one of {}",
                raw.stakeholder_group.trim(),
                groups.join(", ")
            ),
        ));
    }
    let country_iso2 = raw.country_iso2.trim().to_ascii_uppercase();
    if country_iso2.is_empty() {
        errors.push(FieldError::new("country", "required", "choose a country"));
    } else if !countries.contains(&country_iso2) {
        errors.push(FieldError::new(
            "country",
            "unknown_country",
            format!(
                "{:?} is not an ISO 3166-1 alpha-2 country code Plenary knows",
                raw.country_iso2.trim()
            ),
        ));
    }
    let gender = text(&mut errors, "gender", &raw.gender, MAX_GENDER, false);
    let organisation = text(
        &mut errors,
        "organisation",
        &raw.organisation,
        MAX_NAME,
        false,
    );
    let statement = text(
        &mut errors,
        "statement",
        &raw.statement,
        MAX_STATEMENT,
        false,
    );
    let (nominator_name, nominator_email) = if raw.self_nomination {
        (candidate_name.clone(), candidate_email.clone())
    } else {
        (
            text(
                &mut errors,
                "nominator_name",
                &raw.nominator_name,
                MAX_NAME,
                true,
            ),
            email(&mut errors, "nominator_email", &raw.nominator_email),
        )
    };
    let mut endorsements = Vec::new();
    for (org, note) in &raw.endorsements {
        if org.trim().is_empty() && note.trim().is_empty() {
            continue;
        }
        let org = text(&mut errors, "endorsement", org, MAX_NAME, true);
        let note = text(
            &mut errors,
            "endorsement_note",
            note,
            MAX_ENDORSEMENT_NOTE,
            false,
        );
        endorsements.push((org, note));
    }
    if endorsements.len() > MAX_ENDORSEMENTS {
        errors.push(FieldError::new(
            "endorsement",
            "too_many",
            format!("at most {MAX_ENDORSEMENTS} endorsements"),
        ));
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(CleanNomination {
        self_nomination: raw.self_nomination,
        candidate_name,
        candidate_email,
        stakeholder_group,
        country_iso2,
        gender,
        organisation,
        statement,
        nominator_name,
        nominator_email,
        endorsements,
    })
}

/// What the eligibility checks look at for one nomination.
#[derive(Debug, Clone)]
pub struct EligibilityInput<'a> {
    pub stakeholder_group: &'a str,
    /// The forum's stakeholder group codes.
    pub forum_groups: &'a [String],
    /// The candidate's country's UN regional group, `None` if the country is unknown.
    pub region: Option<UnRegionalGroup>,
    pub statement: &'a str,
    /// The term number of the regular seat the candidate holds on the body in the year
    /// before the cycle, if any.
    pub current_term: Option<i64>,
}

/// One eligibility rule's verdict.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EligibilityCheck {
    /// `stakeholder_group`, `group_seated`, `country`, `region_seated`, `term_limit` or `statement`.
    pub code: &'static str,
    pub passed: bool,
    /// Plain language, for the secretariat.
    pub reason: String,
}

/// Runs every eligibility rule of `constitution` on one nomination.
pub fn check_eligibility(
    constitution: &Constitution,
    input: &EligibilityInput<'_>,
) -> Vec<EligibilityCheck> {
    let rules = constitution.rules();
    let group = input.stakeholder_group.to_owned();
    let mut checks = Vec::new();
    let known_group = input
        .forum_groups
        .iter()
        .any(|g| g.eq_ignore_ascii_case(&group));
    checks.push(EligibilityCheck {
        code: "stakeholder_group",
        passed: known_group,
        reason: if known_group {
            format!("{} is one of the forum's stakeholder groups", group.label())
        } else {
            format!(
                "{:?} is not one of the forum's stakeholder groups",
                input.stakeholder_group
            )
        },
    });
    let seated = rules.stakeholder_groups.others == Others::Allowed
        || rules
            .stakeholder_groups
            .quotas
            .iter()
            .any(|q| q.key.matches(&group));
    checks.push(EligibilityCheck {
        code: "group_seated",
        passed: seated,
        reason: if seated {
            format!("the {} seats the {} group", rules.name, group.label())
        } else {
            format!(
                "the {} has no seats for the {} group",
                rules.name,
                group.label()
            )
        },
    });
    checks.push(EligibilityCheck {
        code: "country",
        passed: input.region.is_some(),
        reason: match input.region {
            Some(region) => format!("the country is known ({})", region.label()),
            None => "the country is not in the countries reference table".to_owned(),
        },
    });
    if let Some(region) = input.region {
        let region_seated = rules.regions.others == Others::Allowed
            || rules.regions.quotas.iter().any(|q| q.key == region);
        checks.push(EligibilityCheck {
            code: "region_seated",
            passed: region_seated,
            reason: if region_seated {
                format!(
                    "the {} seats members from the {}",
                    rules.name,
                    region.label()
                )
            } else {
                format!("the {} has no seats for the {}", rules.name, region.label())
            },
        });
    }
    let limit = rules.term.max_consecutive_terms.map(i64::from);
    let (term_ok, term_reason) = match (input.current_term, limit) {
        (Some(term), Some(max)) if term >= max => (
            false,
            format!(
                "currently a member serving term {term} of at most {max} consecutive terms: must rotate out"
            ),
        ),
        (Some(term), Some(max)) => (
            true,
            format!("currently a member in term {term} of at most {max}: may be renewed"),
        ),
        (Some(term), None) => (
            true,
            format!("currently a member in term {term}; the body sets no term limit"),
        ),
        (None, _) => (true, "not currently a member of the body".to_owned()),
    };
    checks.push(EligibilityCheck {
        code: "term_limit",
        passed: term_ok,
        reason: term_reason,
    });
    let has_statement = !input.statement.trim().is_empty();
    checks.push(EligibilityCheck {
        code: "statement",
        passed: has_statement,
        reason: if has_statement {
            "a statement of motivation is present".to_owned()
        } else {
            "the statement of motivation is missing".to_owned()
        },
    });
    checks
}

/// `Ok` when every check passed, else the failed checks' reasons joined.
pub fn all_passed(checks: &[EligibilityCheck]) -> Result<(), String> {
    let failed: Vec<&str> = checks
        .iter()
        .filter(|c| !c.passed)
        .map(|c| c.reason.as_str())
        .collect();
    if failed.is_empty() {
        Ok(())
    } else {
        Err(failed.join("; "))
    }
}

#[cfg(test)]
mod tests;
