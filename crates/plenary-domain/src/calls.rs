//! The yearly cycle, part 1: a cycle's set-up (theme, issue areas, key dates, session
//! types), the call for issues, session proposals and their people, and stage-1
//! screening as executable rules.
//!
//! Main items: `CycleSetup` (what the secretariat configures for one forum and year),
//! `SessionType` (formats, durations, approver, support), `ProposalDraft` and
//! `check_proposal` (every field error at once; a speaker listed twice; word limits),
//! `ProposalStatus` and its changes, `IssueInput` (one call-for-issues submission) and
//! `screening` (the rule library, the presets and `screen`) and `review` (stage-2
//! evaluation: set-up, conflicts of interest, review check, synthesis, merge suggestions).
//! Invariants: no I/O, no clock (`now` is passed in); text is kept as typed (escaping is
//! the page's job); a proposal can be changed only while it is a draft or submitted and
//! the call is open.
//! Not here: storage (`plenary_db::calls`), TOML/JSON documents and the use-cases
//! (`plenary_app::calls`).

use std::collections::btree_map::Entry;
use std::collections::{BTreeMap, BTreeSet};

use crate::countries::UnRegionalGroup;
use crate::{FieldError, Timestamp};

pub mod review;
pub mod screening;

/// The longest proposal title (characters); a screening rule may set a tighter limit.
pub const MAX_TITLE: usize = 200;
/// The longest long-text field of a proposal (characters).
pub const MAX_LONG_TEXT: usize = 20_000;
/// The longest name, organisation or short field (characters).
pub const MAX_SHORT: usize = 200;
/// The most people one proposal may list.
pub const MAX_PEOPLE: usize = 40;

/// Who approves proposals of a session type.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Approver {
    /// Evaluated and selected by the advisory body (workshops).
    Mag,
    /// Granted by the secretariat against eligibility and space.
    Secretariat,
}

impl Approver {
    pub fn code(self) -> &'static str {
        match self {
            Approver::Mag => "mag",
            Approver::Secretariat => "secretariat",
        }
    }

    pub fn parse(raw: &str) -> Result<Approver, FieldError> {
        match raw.trim() {
            "mag" => Ok(Approver::Mag),
            "secretariat" => Ok(Approver::Secretariat),
            _ => Err(FieldError::new(
                "approver",
                "unknown_approver",
                format!("{raw:?} is not an approver; use mag or secretariat"),
            )),
        }
    }
}

/// The services a session of a type gets at the venue.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Support {
    pub webcast: bool,
    pub transcription: bool,
    pub interpretation: bool,
}

/// One kind of session a cycle calls for (workshop, open forum, Day 0…).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SessionType {
    /// Stable snake_case code (`workshop`, `open_forum`, `day0`…).
    pub code: String,
    pub name: String,
    pub description: String,
    /// Formats a proposer may choose (`Round table`, `Panel`…); at least one.
    pub formats: Vec<String>,
    /// Allowed durations in minutes; at least one.
    pub durations: Vec<u32>,
    pub approver: Approver,
    pub support: Support,
    /// Whether this type is open for proposals in this cycle.
    pub open: bool,
}

/// A theme, sub-theme or track of a cycle.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IssueArea {
    /// Stable snake_case code (`ai`, `data_governance`…).
    pub code: String,
    pub name: String,
    pub description: String,
}

/// The dates a cycle runs by. Every proposal deadline is `call_closes`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct KeyDates {
    pub issues_open: Timestamp,
    pub issues_close: Timestamp,
    pub call_opens: Timestamp,
    pub call_closes: Timestamp,
    pub screening_due: Timestamp,
    pub evaluation_due: Timestamp,
    pub notification: Timestamp,
}

impl KeyDates {
    /// Every problem with the order of the dates: each call closes strictly after it opens
    /// (a call that closes when it opens is never open), and screening, evaluation and
    /// notification follow the close of the call in that order (the same instant is allowed).
    pub fn check(&self) -> Vec<FieldError> {
        let mut errors = Vec::new();
        // (field, its value, the field it must follow, that value, whether equal is refused)
        let order = [
            (
                "issues_close",
                self.issues_close,
                "issues_open",
                self.issues_open,
                true,
            ),
            (
                "call_closes",
                self.call_closes,
                "call_opens",
                self.call_opens,
                true,
            ),
            (
                "screening_due",
                self.screening_due,
                "call_closes",
                self.call_closes,
                false,
            ),
            (
                "evaluation_due",
                self.evaluation_due,
                "screening_due",
                self.screening_due,
                false,
            ),
            (
                "notification",
                self.notification,
                "evaluation_due",
                self.evaluation_due,
                false,
            ),
        ];
        for (field, after, before_field, before, strict) in order {
            if after < before || (strict && after == before) {
                let relation = if strict { "after" } else { "no earlier than" };
                errors.push(FieldError::new(
                    field,
                    "date_order",
                    format!(
                        "{field} ({}) must come {relation} {before_field} ({})",
                        after.to_display_utc(),
                        before.to_display_utc()
                    ),
                ));
            }
        }
        errors
    }

    /// Whether the call for session proposals accepts changes at `now`.
    pub fn call_open_at(&self, now: Timestamp) -> bool {
        self.call_opens <= now && now < self.call_closes
    }

    /// Whether the call for issues accepts input at `now`.
    pub fn issues_open_at(&self, now: Timestamp) -> bool {
        self.issues_open <= now && now < self.issues_close
    }
}

/// What the secretariat sets up for one forum and year.
#[derive(Debug, Clone, PartialEq)]
pub struct CycleSetup {
    pub year: i32,
    pub host_country_iso2: String,
    pub host_city: String,
    /// IANA time zone of the venue (`Asia/Tokyo`).
    pub venue_time_zone: String,
    /// First and last day of the annual meeting (`2023-10-08`).
    pub meeting_start: String,
    pub meeting_end: String,
    pub theme: String,
    pub issue_areas: Vec<IssueArea>,
    pub session_types: Vec<SessionType>,
    pub dates: KeyDates,
    /// Whether every received proposal is listed publicly so proposers can check receipt.
    pub publish_received: bool,
    /// The screening rules in force (see `screening::Rule`).
    pub rules: Vec<screening::Rule>,
    /// After final selection, the most accepted sessions one speaker or moderator may be
    /// in (`screening::speaker_cap`); `None`: no cap.
    pub speaker_cap: Option<u32>,
    /// Stage-2 evaluation: groups, reviews per proposal, scale, criteria, reasons, what
    /// reviewers see (see `review::EvaluationSetup`).
    pub evaluation: review::EvaluationSetup,
}

impl CycleSetup {
    pub fn session_type(&self, code: &str) -> Option<&SessionType> {
        self.session_types.iter().find(|t| t.code == code)
    }

    pub fn issue_area(&self, code: &str) -> Option<&IssueArea> {
        self.issue_areas.iter().find(|a| a.code == code)
    }

    /// Every problem with the set-up, each naming its field.
    pub fn check(&self) -> Vec<FieldError> {
        let mut errors = self.dates.check();
        if !(1990..=2200).contains(&self.year) {
            errors.push(FieldError::new(
                "year",
                "out_of_range",
                "a year from 1990 to 2200",
            ));
        }
        if self.theme.trim().is_empty() {
            errors.push(FieldError::new(
                "theme",
                "required",
                "the overarching theme is required",
            ));
        }
        if !(self.host_country_iso2.len() == 2
            && self
                .host_country_iso2
                .chars()
                .all(|c| c.is_ascii_uppercase()))
        {
            errors.push(FieldError::new(
                "host_country",
                "bad_country",
                format!(
                    "{:?} is not an ISO 3166 alpha-2 country code such as JP",
                    self.host_country_iso2
                ),
            ));
        }
        let start = meeting_day("meeting_start", &self.meeting_start, &mut errors);
        let end = meeting_day("meeting_end", &self.meeting_end, &mut errors);
        if let (Some(start), Some(end)) = (start, end)
            && end < start
        {
            errors.push(FieldError::new(
                "meeting_end",
                "date_order",
                format!(
                    "the meeting ends ({end}) before it starts ({start})",
                    start = self.meeting_start.trim(),
                    end = self.meeting_end.trim()
                ),
            ));
        }
        if self.speaker_cap == Some(0) {
            errors.push(FieldError::new(
                "speaker_cap",
                "out_of_range",
                "the speaker cap must be at least 1 session (leave it out for no cap)",
            ));
        }
        if self.issue_areas.is_empty() {
            errors.push(FieldError::new(
                "issue_areas",
                "required",
                "at least one issue area",
            ));
        }
        if self.session_types.is_empty() {
            errors.push(FieldError::new(
                "session_types",
                "required",
                "at least one session type",
            ));
        }
        let mut codes = BTreeSet::new();
        for area in &self.issue_areas {
            if !is_code(&area.code) {
                errors.push(FieldError::new(
                    "issue_areas",
                    "bad_code",
                    format!(
                        "issue area code {:?} must be snake_case (a-z, 0-9, _)",
                        area.code
                    ),
                ));
            }
            if !codes.insert(area.code.as_str()) {
                errors.push(FieldError::new(
                    "issue_areas",
                    "duplicate",
                    format!("issue area {:?} is listed twice", area.code),
                ));
            }
        }
        let mut codes = BTreeSet::new();
        for kind in &self.session_types {
            if !is_code(&kind.code) {
                errors.push(FieldError::new(
                    "session_types",
                    "bad_code",
                    format!(
                        "session type code {:?} must be snake_case (a-z, 0-9, _)",
                        kind.code
                    ),
                ));
            }
            if !codes.insert(kind.code.as_str()) {
                errors.push(FieldError::new(
                    "session_types",
                    "duplicate",
                    format!("session type {:?} is listed twice", kind.code),
                ));
            }
            if kind.formats.is_empty() || kind.durations.is_empty() {
                errors.push(FieldError::new(
                    "session_types",
                    "incomplete",
                    format!(
                        "session type {:?} needs at least one format and one duration",
                        kind.code
                    ),
                ));
            }
            if kind.durations.iter().any(|d| *d == 0 || *d > 480) {
                errors.push(FieldError::new(
                    "session_types",
                    "bad_duration",
                    format!(
                        "session type {:?}: durations are 1 to 480 minutes",
                        kind.code
                    ),
                ));
            }
        }
        for rule in &self.rules {
            errors.extend(rule.check(self));
        }
        errors.extend(self.evaluation.check(self));
        errors
    }
}

/// A meeting day (`2026-10-08`), or an error naming `field`.
fn meeting_day(
    field: &'static str,
    raw: &str,
    errors: &mut Vec<FieldError>,
) -> Option<jiff::civil::Date> {
    match raw.trim().parse::<jiff::civil::Date>() {
        Ok(day) => Some(day),
        Err(_) => {
            errors.push(FieldError::new(
                field,
                "bad_date",
                format!("{raw:?} is not a date such as 2026-10-08"),
            ));
            None
        }
    }
}

/// Whether `raw` is a snake_case code: 1..=40 of `a-z`, `0-9`, `_`, starting with a letter.
pub fn is_code(raw: &str) -> bool {
    !raw.is_empty()
        && raw.len() <= 40
        && raw.starts_with(|c: char| c.is_ascii_lowercase())
        && raw
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
}

/// A person's part in a session.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum PersonRole {
    Organiser,
    Speaker,
    Moderator,
    OnlineModerator,
    Rapporteur,
}

impl PersonRole {
    pub const ALL: [PersonRole; 5] = [
        PersonRole::Organiser,
        PersonRole::Speaker,
        PersonRole::Moderator,
        PersonRole::OnlineModerator,
        PersonRole::Rapporteur,
    ];

    pub fn code(self) -> &'static str {
        match self {
            PersonRole::Organiser => "organiser",
            PersonRole::Speaker => "speaker",
            PersonRole::Moderator => "moderator",
            PersonRole::OnlineModerator => "online_moderator",
            PersonRole::Rapporteur => "rapporteur",
        }
    }

    pub fn parse(raw: &str) -> Result<PersonRole, FieldError> {
        PersonRole::ALL
            .into_iter()
            .find(|r| r.code() == raw.trim())
            .ok_or_else(|| {
                FieldError::new(
                    "role",
                    "unknown_role",
                    format!(
                        "{raw:?} is not a role; use organiser, speaker, moderator, online_moderator or rapporteur"
                    ),
                )
            })
    }
}

/// How far a listed speaker has agreed to take part.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Confirmation {
    Invited,
    /// Contacted, and has expressed interest and intent to take part.
    Provisional,
    Confirmed,
}

impl Confirmation {
    pub const ALL: [Confirmation; 3] = [
        Confirmation::Invited,
        Confirmation::Provisional,
        Confirmation::Confirmed,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Confirmation::Invited => "invited",
            Confirmation::Provisional => "provisional",
            Confirmation::Confirmed => "confirmed",
        }
    }

    pub fn parse(raw: &str) -> Result<Confirmation, FieldError> {
        Confirmation::ALL
            .into_iter()
            .find(|c| c.code() == raw.trim())
            .ok_or_else(|| {
                FieldError::new(
                    "confirmation",
                    "unknown_confirmation",
                    format!("{raw:?} is not a confirmation status; use invited, provisional or confirmed"),
                )
            })
    }

    /// Provisionally confirmed or better.
    pub fn at_least_provisional(self) -> bool {
        self >= Confirmation::Provisional
    }
}

/// One person listed on a proposal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProposalPerson {
    pub role: PersonRole,
    pub name: String,
    /// Optional; used to match the same person across proposals and against body members.
    pub email: String,
    pub organisation: String,
    /// Stakeholder-group code of the forum (`civil_society`…).
    pub stakeholder_group: String,
    /// ISO alpha-2, upper case; the region is derived from it.
    pub country_iso2: String,
    /// The region of `country_iso2` (filled by the app from the country list).
    pub region: UnRegionalGroup,
    /// As the person describes it; empty when not given.
    pub gender: String,
    pub onsite: bool,
    pub confirmation: Confirmation,
}

impl ProposalPerson {
    /// The key two listings of the same person share: the e-mail if given, else the name
    /// (both case-folded and trimmed).
    pub fn identity(&self) -> String {
        let email = self.email.trim().to_lowercase();
        if email.is_empty() {
            format!("name:{}", normalise_words(&self.name))
        } else {
            format!("email:{email}")
        }
    }
}

/// Lower case, single spaces.
pub fn normalise_words(raw: &str) -> String {
    raw.split_whitespace()
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
}

/// Words in a text, as a proposer's word limit counts them.
pub fn word_count(text: &str) -> usize {
    text.split_whitespace().count()
}

/// Where a proposal stands. Screening and selection results are kept beside it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ProposalStatus {
    Draft,
    Submitted,
    Withdrawn,
}

impl ProposalStatus {
    pub const ALL: [ProposalStatus; 3] = [
        ProposalStatus::Draft,
        ProposalStatus::Submitted,
        ProposalStatus::Withdrawn,
    ];

    pub fn code(self) -> &'static str {
        match self {
            ProposalStatus::Draft => "draft",
            ProposalStatus::Submitted => "submitted",
            ProposalStatus::Withdrawn => "withdrawn",
        }
    }

    pub fn parse(raw: &str) -> Result<ProposalStatus, FieldError> {
        ProposalStatus::ALL
            .into_iter()
            .find(|s| s.code() == raw.trim())
            .ok_or_else(|| {
                FieldError::new(
                    "status",
                    "unknown_status",
                    format!("{raw:?} is not a proposal status; use draft, submitted or withdrawn"),
                )
            })
    }
}

/// Why a proposal cannot change.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ProposalError {
    #[error("the call closed on {deadline}; proposals can no longer be submitted or changed")]
    CallClosed { deadline: String },
    #[error("the call opens on {opens}")]
    CallNotOpen { opens: String },
    #[error("the proposal was withdrawn and can no longer change")]
    Withdrawn,
    #[error("session type {0:?} is not open for proposals in this cycle")]
    TypeNotOpen(String),
}

/// Whether a proposal in `status` may be edited, submitted or withdrawn at `now`.
pub fn check_change(
    setup: &CycleSetup,
    status: ProposalStatus,
    now: Timestamp,
    deadline_shown: impl Fn(Timestamp) -> String,
) -> Result<(), ProposalError> {
    if status == ProposalStatus::Withdrawn {
        return Err(ProposalError::Withdrawn);
    }
    if now < setup.dates.call_opens {
        return Err(ProposalError::CallNotOpen {
            opens: deadline_shown(setup.dates.call_opens),
        });
    }
    if now >= setup.dates.call_closes {
        return Err(ProposalError::CallClosed {
            deadline: deadline_shown(setup.dates.call_closes),
        });
    }
    Ok(())
}

/// A session proposal's content, as the proposer typed it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ProposalDraft {
    pub session_type: String,
    pub title: String,
    pub issue_area: String,
    pub format: String,
    pub duration_min: u32,
    pub description: String,
    pub policy_questions: String,
    pub interaction_plan: String,
    pub online_plan: String,
    pub expected_outcomes: String,
    /// Links to reports of the proposer's previous sessions (free text, one per line).
    pub previous_reports: String,
    /// Connection to previous IGF messages.
    pub messages_link: String,
    /// Language of the proposal (`en`).
    pub language: String,
    pub people: Vec<ProposalPerson>,
}

/// A field of a proposal that a session type may require (for "all required fields
/// complete").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ProposalField {
    Title,
    IssueArea,
    Format,
    Description,
    PolicyQuestions,
    InteractionPlan,
    OnlinePlan,
    ExpectedOutcomes,
    MessagesLink,
    Organiser,
    Speaker,
    Moderator,
    OnlineModerator,
    Rapporteur,
}

impl ProposalField {
    pub const ALL: [ProposalField; 14] = [
        ProposalField::Title,
        ProposalField::IssueArea,
        ProposalField::Format,
        ProposalField::Description,
        ProposalField::PolicyQuestions,
        ProposalField::InteractionPlan,
        ProposalField::OnlinePlan,
        ProposalField::ExpectedOutcomes,
        ProposalField::MessagesLink,
        ProposalField::Organiser,
        ProposalField::Speaker,
        ProposalField::Moderator,
        ProposalField::OnlineModerator,
        ProposalField::Rapporteur,
    ];

    pub fn code(self) -> &'static str {
        match self {
            ProposalField::Title => "title",
            ProposalField::IssueArea => "issue_area",
            ProposalField::Format => "format",
            ProposalField::Description => "description",
            ProposalField::PolicyQuestions => "policy_questions",
            ProposalField::InteractionPlan => "interaction_plan",
            ProposalField::OnlinePlan => "online_plan",
            ProposalField::ExpectedOutcomes => "expected_outcomes",
            ProposalField::MessagesLink => "messages_link",
            ProposalField::Organiser => "organiser",
            ProposalField::Speaker => "speaker",
            ProposalField::Moderator => "moderator",
            ProposalField::OnlineModerator => "online_moderator",
            ProposalField::Rapporteur => "rapporteur",
        }
    }

    /// What a proposer sees when the field is missing.
    pub fn label(self) -> &'static str {
        match self {
            ProposalField::Title => "title",
            ProposalField::IssueArea => "issue area",
            ProposalField::Format => "format",
            ProposalField::Description => "description",
            ProposalField::PolicyQuestions => "policy questions",
            ProposalField::InteractionPlan => "interaction plan",
            ProposalField::OnlinePlan => "online participation plan",
            ProposalField::ExpectedOutcomes => "expected outcomes",
            ProposalField::MessagesLink => "connection to previous IGF messages",
            ProposalField::Organiser => "an organiser",
            ProposalField::Speaker => "a speaker",
            ProposalField::Moderator => "a moderator",
            ProposalField::OnlineModerator => "an online moderator",
            ProposalField::Rapporteur => "a rapporteur",
        }
    }

    pub fn parse(raw: &str) -> Result<ProposalField, FieldError> {
        ProposalField::ALL
            .into_iter()
            .find(|f| f.code() == raw.trim())
            .ok_or_else(|| {
                FieldError::new(
                    "fields",
                    "unknown_field",
                    format!("{raw:?} is not a proposal field"),
                )
            })
    }

    /// Whether `draft` has this field filled in.
    pub fn is_filled(self, draft: &ProposalDraft) -> bool {
        let text = |s: &str| !s.trim().is_empty();
        let person = |role: PersonRole| draft.people.iter().any(|p| p.role == role);
        match self {
            ProposalField::Title => text(&draft.title),
            ProposalField::IssueArea => text(&draft.issue_area),
            ProposalField::Format => text(&draft.format),
            ProposalField::Description => text(&draft.description),
            ProposalField::PolicyQuestions => text(&draft.policy_questions),
            ProposalField::InteractionPlan => text(&draft.interaction_plan),
            ProposalField::OnlinePlan => text(&draft.online_plan),
            ProposalField::ExpectedOutcomes => text(&draft.expected_outcomes),
            ProposalField::MessagesLink => text(&draft.messages_link),
            ProposalField::Organiser => person(PersonRole::Organiser),
            ProposalField::Speaker => person(PersonRole::Speaker),
            ProposalField::Moderator => person(PersonRole::Moderator),
            ProposalField::OnlineModerator => person(PersonRole::OnlineModerator),
            ProposalField::Rapporteur => person(PersonRole::Rapporteur),
        }
    }
}

/// Every problem that stops `draft` from being saved at all, all at once (a draft may be
/// incomplete; completeness is a screening rule): a session type the cycle does not have or
/// has closed; a missing or over-long title; an issue area, format or duration the cycle or
/// type does not offer; over-long text; too many people; a person without a name; a person
/// listed twice in the same role (the same e-mail, or the same name when neither gives an
/// e-mail). Text is never changed here: HTML is kept as typed and escaped where it is shown.
pub fn check_proposal(setup: &CycleSetup, draft: &ProposalDraft) -> Vec<FieldError> {
    let mut errors = Vec::new();
    let kind = setup.session_type(&draft.session_type);
    match kind {
        None => errors.push(FieldError::new(
            "session_type",
            "unknown_session_type",
            format!(
                "{:?} is not a session type of this cycle",
                draft.session_type
            ),
        )),
        Some(kind) if !kind.open => errors.push(FieldError::new(
            "session_type",
            "type_not_open",
            format!(
                "{} sessions are not open for proposals in this cycle",
                kind.name
            ),
        )),
        Some(_) => {}
    }
    if draft.title.trim().is_empty() {
        errors.push(FieldError::new(
            "title",
            "required",
            "a title is required, even for a draft",
        ));
    }
    let title_chars = draft.title.chars().count();
    if title_chars > MAX_TITLE {
        errors.push(FieldError::new(
            "title",
            "too_long",
            format!("the title has {title_chars} characters; at most {MAX_TITLE}"),
        ));
    }
    if draft.title.chars().any(char::is_control) {
        errors.push(FieldError::new(
            "title",
            "control_character",
            "the title must be one line without control characters",
        ));
    }
    if !draft.issue_area.is_empty() && setup.issue_area(&draft.issue_area).is_none() {
        errors.push(FieldError::new(
            "issue_area",
            "unknown_issue_area",
            format!("{:?} is not an issue area of this cycle", draft.issue_area),
        ));
    }
    if let Some(kind) = kind {
        if !draft.format.is_empty() && !kind.formats.iter().any(|f| f == &draft.format) {
            errors.push(FieldError::new(
                "format",
                "unknown_format",
                format!(
                    "{:?} is not a format of {} sessions; use one of: {}",
                    draft.format,
                    kind.name,
                    kind.formats.join(", ")
                ),
            ));
        }
        if draft.duration_min != 0 && !kind.durations.contains(&draft.duration_min) {
            let allowed: Vec<String> = kind.durations.iter().map(|d| format!("{d} min")).collect();
            errors.push(FieldError::new(
                "duration_min",
                "bad_duration",
                format!(
                    "{} min is not offered: {} sessions last {}",
                    draft.duration_min,
                    kind.name,
                    allowed.join(" or ")
                ),
            ));
        }
    }
    let long_fields = [
        ("description", &draft.description),
        ("policy_questions", &draft.policy_questions),
        ("interaction_plan", &draft.interaction_plan),
        ("online_plan", &draft.online_plan),
        ("expected_outcomes", &draft.expected_outcomes),
        ("previous_reports", &draft.previous_reports),
        ("messages_link", &draft.messages_link),
    ];
    for (field, value) in long_fields {
        let n = value.chars().count();
        if n > MAX_LONG_TEXT {
            errors.push(FieldError::new(
                field,
                "too_long",
                format!("{n} characters; at most {MAX_LONG_TEXT}"),
            ));
        }
    }
    let language_chars = draft.language.chars().count();
    if language_chars > MAX_SHORT {
        errors.push(FieldError::new(
            "language",
            "too_long",
            format!("{language_chars} characters; at most {MAX_SHORT}"),
        ));
    }
    if draft.people.len() > MAX_PEOPLE {
        errors.push(FieldError::new(
            "people",
            "too_many",
            format!(
                "{} people are listed; at most {MAX_PEOPLE} on one proposal",
                draft.people.len()
            ),
        ));
    }
    // The first position (1-based) at which each person is listed in each role.
    let mut first_listed: BTreeMap<(String, PersonRole), usize> = BTreeMap::new();
    for (index, person) in draft.people.iter().enumerate() {
        let n = index + 1;
        if person.name.trim().is_empty() {
            errors.push(FieldError::new(
                "people",
                "name_required",
                format!("person {n} has no name"),
            ));
            continue;
        }
        if person.name.chars().any(char::is_control) {
            errors.push(FieldError::new(
                "people",
                "control_character",
                format!("person {n}: the name must be one line without control characters"),
            ));
        }
        for (value, what) in [
            (&person.name, "name"),
            (&person.organisation, "organisation"),
            (&person.email, "e-mail"),
            (&person.stakeholder_group, "stakeholder group"),
            (&person.country_iso2, "country"),
            (&person.gender, "gender"),
        ] {
            let chars = value.chars().count();
            if chars > MAX_SHORT {
                errors.push(FieldError::new(
                    "people",
                    "too_long",
                    format!("person {n}: the {what} has {chars} characters; at most {MAX_SHORT}"),
                ));
            }
        }
        let identity = person.identity();
        let by_email = identity.starts_with("email:");
        match first_listed.entry((identity, person.role)) {
            Entry::Vacant(slot) => {
                slot.insert(n);
            }
            Entry::Occupied(first) => errors.push(FieldError::new(
                "people",
                "listed_twice",
                format!(
                    "person {n} ({}) is listed twice as {}: the same {} as person {}",
                    person.name.trim(),
                    person.role.code().replace('_', " "),
                    if by_email { "e-mail" } else { "name" },
                    first.get()
                ),
            )),
        }
    }
    errors
}

/// One submission to the call for issues.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IssueInput {
    pub issue: String,
    pub description: String,
    pub stakeholder_group: String,
    pub region: UnRegionalGroup,
    /// Optional; kept private.
    pub name: String,
    pub email: String,
}

/// The longest call-for-issues issue title and description (characters).
pub const MAX_ISSUE: usize = 200;
pub const MAX_ISSUE_DESCRIPTION: usize = 3000;

/// Every problem with one call-for-issues submission.
pub fn check_issue_input(input: &IssueInput) -> Vec<FieldError> {
    let mut errors = Vec::new();
    if input.issue.trim().is_empty() {
        errors.push(FieldError::new("issue", "required", "name the issue"));
    }
    if input.issue.chars().count() > MAX_ISSUE {
        errors.push(FieldError::new(
            "issue",
            "too_long",
            format!("at most {MAX_ISSUE} characters"),
        ));
    }
    if input.description.chars().count() > MAX_ISSUE_DESCRIPTION {
        errors.push(FieldError::new(
            "description",
            "too_long",
            format!("at most {MAX_ISSUE_DESCRIPTION} characters"),
        ));
    }
    if input.stakeholder_group.trim().is_empty() {
        errors.push(FieldError::new(
            "stakeholder_group",
            "required",
            "choose a stakeholder group",
        ));
    }
    errors
}

#[cfg(test)]
mod tests;
