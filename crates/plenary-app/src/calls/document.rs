//! A cycle's set-up as a document, TOML or JSON: reading (every problem at once), writing,
//! and the shipped presets (`preset_setup`: a cycle shaped like IGF 2016, 2018 or 2023 with
//! that year's screening criteria and evaluation criteria). The optional `[evaluation]`
//! section defaults key by key to `EvaluationSetup::default_for`.
//!
//! Invariants: the document types (`*Doc`) are private and converted by hand, so the domain
//! carries no serde; every read goes through `CycleSetup::check`; writing then reading gives
//! back an equal set-up (tested for every preset). The format is described in
//! docs/cycle-format.md.

use serde::{Deserialize, Serialize};

use plenary_domain::calls::review::{
    self, Criterion, EvaluationGroup, EvaluationSetup, LowScoreReason, Visibility,
};
use plenary_domain::calls::screening::{Rule, RuleKind, presets};
use plenary_domain::calls::{
    Approver, CycleSetup, IssueArea, KeyDates, ProposalField, SessionType, Support,
};
use plenary_domain::{FieldError, Timestamp};

use crate::ActionError;

/// The version of the document format (`version = 1`).
pub const FORMAT_VERSION: u32 = 1;

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct SetupDoc {
    version: u32,
    year: i32,
    host_country: String,
    host_city: String,
    venue_time_zone: String,
    meeting_start: String,
    meeting_end: String,
    theme: String,
    #[serde(default = "yes")]
    publish_received: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    speaker_cap: Option<u32>,
    dates: DatesDoc,
    #[serde(default)]
    issue_areas: Vec<AreaDoc>,
    #[serde(default)]
    session_types: Vec<TypeDoc>,
    #[serde(default)]
    rules: Vec<RuleDoc>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    evaluation: Option<EvaluationDoc>,
}

fn yes() -> bool {
    true
}

/// `[evaluation]`: every key optional; a missing key takes the default of
/// `EvaluationSetup::default_for` (a missing section is all defaults).
#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct EvaluationDoc {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    session_types: Option<Vec<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    reviews_per_proposal: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    load_target: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    load_cap: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    min_stakeholder_groups: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    min_regions: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    scale_min: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    scale_max: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    reasons_required_at_or_below: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    reviews_due: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    visibility: Option<VisibilityDoc>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    groups: Option<Vec<GroupDoc>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    criteria: Option<Vec<CriterionDoc>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    low_score_reasons: Option<Vec<ReasonDoc>>,
}

#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct VisibilityDoc {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    proposer_identity: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    developing_country: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    first_time: Option<bool>,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct GroupDoc {
    code: String,
    name: String,
    issue_areas: Vec<String>,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct CriterionDoc {
    code: String,
    name: String,
    #[serde(default)]
    description: String,
    #[serde(default = "one")]
    weight: u32,
}

fn one() -> u32 {
    1
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct ReasonDoc {
    code: String,
    label: String,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct DatesDoc {
    issues_open: String,
    issues_close: String,
    call_opens: String,
    call_closes: String,
    screening_due: String,
    evaluation_due: String,
    notification: String,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct AreaDoc {
    code: String,
    name: String,
    #[serde(default)]
    description: String,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct TypeDoc {
    code: String,
    name: String,
    #[serde(default)]
    description: String,
    formats: Vec<String>,
    durations: Vec<u32>,
    approver: String,
    #[serde(default)]
    webcast: bool,
    #[serde(default)]
    transcription: bool,
    #[serde(default)]
    interpretation: bool,
    #[serde(default = "yes")]
    open: bool,
}

#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct RuleDoc {
    rule: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    types: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    allow_institution: Option<bool>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    fields: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    min: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    max: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    moderators: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    speakers: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    cycles: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    max_chars: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    min_words: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    max_words: Option<u32>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    languages: Vec<String>,
}

/// The document formats a set-up can be written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SetupFormat {
    Toml,
    Json,
}

impl SetupFormat {
    /// TOML unless the text starts with `{`.
    pub fn sniff(text: &str) -> SetupFormat {
        if text.trim_start().starts_with('{') {
            SetupFormat::Json
        } else {
            SetupFormat::Toml
        }
    }
}

/// Reads and checks a set-up document; on failure every problem as one sentence.
pub fn check_document(text: &str) -> Result<CycleSetup, Vec<String>> {
    let doc: SetupDoc = match SetupFormat::sniff(text) {
        SetupFormat::Json => serde_json::from_str(text).map_err(|e| vec![e.to_string()])?,
        SetupFormat::Toml => toml::from_str(text).map_err(|e| vec![e.to_string()])?,
    };
    if doc.version != FORMAT_VERSION {
        return Err(vec![format!(
            "version {} is not known; this Plenary reads version {FORMAT_VERSION}",
            doc.version
        )]);
    }
    let setup = from_doc(doc)?;
    let problems: Vec<String> = setup
        .check()
        .into_iter()
        .map(|e| format!("{}: {}", e.field, e.problem))
        .collect();
    if problems.is_empty() {
        Ok(setup)
    } else {
        Err(problems)
    }
}

/// `check_document` as an action error (field `setup`, code `bad_setup`).
pub fn read(text: &str) -> Result<CycleSetup, ActionError> {
    check_document(text).map_err(|problems| {
        ActionError::Invalid(FieldError::new("setup", "bad_setup", problems.join("; ")))
    })
}

fn timestamp(field: &str, raw: &str, problems: &mut Vec<String>) -> Timestamp {
    match raw.parse::<Timestamp>() {
        Ok(t) => t,
        Err(_) => {
            problems.push(format!(
                "dates.{field}: {raw:?} is not a UTC time such as 2026-05-24T23:59:00Z"
            ));
            Timestamp::from_micros(0)
        }
    }
}

fn from_doc(doc: SetupDoc) -> Result<CycleSetup, Vec<String>> {
    let mut problems = Vec::new();
    let d = &doc.dates;
    let dates = KeyDates {
        issues_open: timestamp("issues_open", &d.issues_open, &mut problems),
        issues_close: timestamp("issues_close", &d.issues_close, &mut problems),
        call_opens: timestamp("call_opens", &d.call_opens, &mut problems),
        call_closes: timestamp("call_closes", &d.call_closes, &mut problems),
        screening_due: timestamp("screening_due", &d.screening_due, &mut problems),
        evaluation_due: timestamp("evaluation_due", &d.evaluation_due, &mut problems),
        notification: timestamp("notification", &d.notification, &mut problems),
    };
    let mut session_types = Vec::new();
    for t in doc.session_types {
        let approver = match Approver::parse(&t.approver) {
            Ok(a) => a,
            Err(e) => {
                problems.push(format!("session type {:?}: {}", t.code, e.problem));
                Approver::Secretariat
            }
        };
        session_types.push(SessionType {
            code: t.code,
            name: t.name,
            description: t.description,
            formats: t.formats,
            durations: t.durations,
            approver,
            support: Support {
                webcast: t.webcast,
                transcription: t.transcription,
                interpretation: t.interpretation,
            },
            open: t.open,
        });
    }
    let mut rules = Vec::new();
    for (index, r) in doc.rules.into_iter().enumerate() {
        match rule_from_doc(r) {
            Ok(rule) => rules.push(rule),
            Err(problem) => problems.push(format!("rules[{}]: {problem}", index + 1)),
        }
    }
    let issue_areas: Vec<IssueArea> = doc
        .issue_areas
        .into_iter()
        .map(|a| IssueArea {
            code: a.code,
            name: a.name,
            description: a.description,
        })
        .collect();
    let evaluation = evaluation_from_doc(
        doc.evaluation.unwrap_or_default(),
        EvaluationSetup::default_for(&session_types, &issue_areas),
        &mut problems,
    );
    if !problems.is_empty() {
        return Err(problems);
    }
    Ok(CycleSetup {
        year: doc.year,
        host_country_iso2: doc.host_country.trim().to_uppercase(),
        host_city: doc.host_city,
        venue_time_zone: doc.venue_time_zone,
        meeting_start: doc.meeting_start,
        meeting_end: doc.meeting_end,
        theme: doc.theme,
        issue_areas,
        session_types,
        dates,
        publish_received: doc.publish_received,
        rules,
        speaker_cap: doc.speaker_cap,
        evaluation,
    })
}

/// The `[evaluation]` section over `defaults`: each key given replaces its default.
fn evaluation_from_doc(
    doc: EvaluationDoc,
    defaults: EvaluationSetup,
    problems: &mut Vec<String>,
) -> EvaluationSetup {
    let reviews_due = doc
        .reviews_due
        .and_then(|raw| match raw.parse::<Timestamp>() {
            Ok(t) => Some(t),
            Err(_) => {
                problems.push(format!(
                    "evaluation.reviews_due: {raw:?} is not a UTC time such as 2026-06-21T23:59:00Z"
                ));
                None
            }
        });
    let visibility = match doc.visibility {
        None => defaults.visibility,
        Some(v) => Visibility {
            proposer_identity: v
                .proposer_identity
                .unwrap_or(defaults.visibility.proposer_identity),
            developing_country: v
                .developing_country
                .unwrap_or(defaults.visibility.developing_country),
            first_time: v.first_time.unwrap_or(defaults.visibility.first_time),
        },
    };
    EvaluationSetup {
        session_types: doc.session_types.unwrap_or(defaults.session_types),
        groups: match doc.groups {
            Some(groups) => groups
                .into_iter()
                .map(|g| EvaluationGroup {
                    code: g.code,
                    name: g.name,
                    issue_areas: g.issue_areas,
                })
                .collect(),
            None => defaults.groups,
        },
        reviews_per_proposal: doc
            .reviews_per_proposal
            .unwrap_or(defaults.reviews_per_proposal),
        load_target: doc.load_target.or(defaults.load_target),
        load_cap: doc.load_cap.unwrap_or(defaults.load_cap),
        min_stakeholder_groups: doc
            .min_stakeholder_groups
            .unwrap_or(defaults.min_stakeholder_groups),
        min_regions: doc.min_regions.unwrap_or(defaults.min_regions),
        scale_min: doc.scale_min.unwrap_or(defaults.scale_min),
        scale_max: doc.scale_max.unwrap_or(defaults.scale_max),
        criteria: match doc.criteria {
            Some(criteria) => criteria
                .into_iter()
                .map(|c| Criterion {
                    code: c.code,
                    name: c.name,
                    description: c.description,
                    weight: c.weight,
                })
                .collect(),
            None => defaults.criteria,
        },
        reasons_required_at_or_below: doc
            .reasons_required_at_or_below
            .unwrap_or(defaults.reasons_required_at_or_below),
        low_score_reasons: match doc.low_score_reasons {
            Some(reasons) => reasons
                .into_iter()
                .map(|r| LowScoreReason {
                    code: r.code,
                    label: r.label,
                })
                .collect(),
            None => defaults.low_score_reasons,
        },
        reviews_due,
        visibility,
    }
}

/// Every key of the evaluation written out, so a document states the whole set-up.
fn evaluation_to_doc(e: &EvaluationSetup) -> EvaluationDoc {
    EvaluationDoc {
        session_types: Some(e.session_types.clone()),
        reviews_per_proposal: Some(e.reviews_per_proposal),
        load_target: e.load_target,
        load_cap: Some(e.load_cap),
        min_stakeholder_groups: Some(e.min_stakeholder_groups),
        min_regions: Some(e.min_regions),
        scale_min: Some(e.scale_min),
        scale_max: Some(e.scale_max),
        reasons_required_at_or_below: Some(e.reasons_required_at_or_below),
        reviews_due: e.reviews_due.map(|t| t.to_rfc3339_seconds()),
        visibility: Some(VisibilityDoc {
            proposer_identity: Some(e.visibility.proposer_identity),
            developing_country: Some(e.visibility.developing_country),
            first_time: Some(e.visibility.first_time),
        }),
        groups: Some(
            e.groups
                .iter()
                .map(|g| GroupDoc {
                    code: g.code.clone(),
                    name: g.name.clone(),
                    issue_areas: g.issue_areas.clone(),
                })
                .collect(),
        ),
        criteria: Some(
            e.criteria
                .iter()
                .map(|c| CriterionDoc {
                    code: c.code.clone(),
                    name: c.name.clone(),
                    description: c.description.clone(),
                    weight: c.weight,
                })
                .collect(),
        ),
        low_score_reasons: Some(
            e.low_score_reasons
                .iter()
                .map(|r| ReasonDoc {
                    code: r.code.clone(),
                    label: r.label.clone(),
                })
                .collect(),
        ),
    }
}

fn need(value: Option<u32>, name: &str, rule: &str) -> Result<u32, String> {
    value.ok_or_else(|| format!("rule {rule} needs {name}"))
}

fn rule_from_doc(r: RuleDoc) -> Result<Rule, String> {
    let code = r.rule.trim();
    let kind = match code {
        "not_body_member" => RuleKind::NotBodyMember {
            allow_institution: r.allow_institution.unwrap_or(false),
        },
        "required_fields" => RuleKind::RequiredFields {
            fields: r
                .fields
                .iter()
                .map(|f| ProposalField::parse(f).map_err(|e| e.problem))
                .collect::<Result<Vec<_>, _>>()?,
        },
        "confirmed_speakers" => RuleKind::ConfirmedSpeakers {
            min: need(r.min, "min", code)?,
        },
        "gender_diversity" => RuleKind::GenderDiversity,
        "onsite_presence" => RuleKind::OnsitePresence {
            moderators: r.moderators.unwrap_or(1),
            speakers: need(r.speakers, "speakers", code)?,
        },
        "prior_reports" => RuleKind::PriorReports {
            cycles: need(r.cycles, "cycles", code)?,
        },
        "max_per_person" => RuleKind::MaxPerPerson {
            max: need(r.max, "max", code)?,
        },
        "max_per_institution" => RuleKind::MaxPerInstitution {
            max: need(r.max, "max", code)?,
        },
        "title_length" => RuleKind::TitleLength {
            max_chars: need(r.max_chars, "max_chars", code)?,
        },
        "description_words" => RuleKind::DescriptionWords {
            min_words: r.min_words.unwrap_or(0),
            max_words: need(r.max_words, "max_words", code)?,
        },
        "language" => RuleKind::Language {
            languages: r.languages,
        },
        other => {
            return Err(format!(
                "{other:?} is not a screening rule; known rules: {}",
                RuleKind::CODES.join(", ")
            ));
        }
    };
    Ok(Rule {
        kind,
        types: r.types,
    })
}

fn rule_to_doc(rule: &Rule) -> RuleDoc {
    let mut doc = RuleDoc {
        rule: rule.kind.code().to_owned(),
        types: rule.types.clone(),
        ..RuleDoc::default()
    };
    match &rule.kind {
        RuleKind::NotBodyMember { allow_institution } => {
            doc.allow_institution = Some(*allow_institution);
        }
        RuleKind::RequiredFields { fields } => {
            doc.fields = fields.iter().map(|f| f.code().to_owned()).collect();
        }
        RuleKind::ConfirmedSpeakers { min } => doc.min = Some(*min),
        RuleKind::GenderDiversity => {}
        RuleKind::OnsitePresence {
            moderators,
            speakers,
        } => {
            doc.moderators = Some(*moderators);
            doc.speakers = Some(*speakers);
        }
        RuleKind::PriorReports { cycles } => doc.cycles = Some(*cycles),
        RuleKind::MaxPerPerson { max } | RuleKind::MaxPerInstitution { max } => {
            doc.max = Some(*max);
        }
        RuleKind::TitleLength { max_chars } => doc.max_chars = Some(*max_chars),
        RuleKind::DescriptionWords {
            min_words,
            max_words,
        } => {
            doc.min_words = Some(*min_words);
            doc.max_words = Some(*max_words);
        }
        RuleKind::Language { languages } => doc.languages = languages.clone(),
    }
    doc
}

fn to_doc(setup: &CycleSetup) -> SetupDoc {
    let d = &setup.dates;
    let ts = |t: Timestamp| t.to_rfc3339_seconds();
    SetupDoc {
        version: FORMAT_VERSION,
        year: setup.year,
        host_country: setup.host_country_iso2.clone(),
        host_city: setup.host_city.clone(),
        venue_time_zone: setup.venue_time_zone.clone(),
        meeting_start: setup.meeting_start.clone(),
        meeting_end: setup.meeting_end.clone(),
        theme: setup.theme.clone(),
        publish_received: setup.publish_received,
        speaker_cap: setup.speaker_cap,
        dates: DatesDoc {
            issues_open: ts(d.issues_open),
            issues_close: ts(d.issues_close),
            call_opens: ts(d.call_opens),
            call_closes: ts(d.call_closes),
            screening_due: ts(d.screening_due),
            evaluation_due: ts(d.evaluation_due),
            notification: ts(d.notification),
        },
        issue_areas: setup
            .issue_areas
            .iter()
            .map(|a| AreaDoc {
                code: a.code.clone(),
                name: a.name.clone(),
                description: a.description.clone(),
            })
            .collect(),
        session_types: setup
            .session_types
            .iter()
            .map(|t| TypeDoc {
                code: t.code.clone(),
                name: t.name.clone(),
                description: t.description.clone(),
                formats: t.formats.clone(),
                durations: t.durations.clone(),
                approver: t.approver.code().to_owned(),
                webcast: t.support.webcast,
                transcription: t.support.transcription,
                interpretation: t.support.interpretation,
                open: t.open,
            })
            .collect(),
        rules: setup.rules.iter().map(rule_to_doc).collect(),
        evaluation: Some(evaluation_to_doc(&setup.evaluation)),
    }
}

/// The set-up as a TOML document.
pub fn to_toml(setup: &CycleSetup) -> String {
    toml::to_string(&to_doc(setup))
        .unwrap_or_else(|err| format!("# the set-up could not be written as TOML: {err}\n"))
}

/// The set-up as pretty-printed JSON with the same keys.
pub fn to_json(setup: &CycleSetup) -> String {
    serde_json::to_string_pretty(&to_doc(setup))
        .unwrap_or_else(|err| format!("the set-up could not be written as JSON: {err}"))
}

/// Names of the shipped cycle presets.
pub fn preset_names() -> [&'static str; 3] {
    presets::NAMES
}

fn at(year: i32, month_day: &str) -> Timestamp {
    format!("{year}-{month_day}Z")
        .parse()
        .unwrap_or(Timestamp::from_micros(0))
}

fn area(code: &str, name: &str) -> IssueArea {
    IssueArea {
        code: code.to_owned(),
        name: name.to_owned(),
        description: String::new(),
    }
}

#[expect(clippy::too_many_arguments, reason = "a table row, read positionally")]
fn kind(
    code: &str,
    name: &str,
    formats: &[&str],
    durations: &[u32],
    approver: Approver,
    webcast: bool,
    transcription: bool,
    interpretation: bool,
) -> SessionType {
    SessionType {
        code: code.to_owned(),
        name: name.to_owned(),
        description: String::new(),
        formats: formats.iter().map(|f| (*f).to_owned()).collect(),
        durations: durations.to_vec(),
        approver,
        support: Support {
            webcast,
            transcription,
            interpretation,
        },
        open: true,
    }
}

/// The session types of a modern IGF call (2023 shape; igf-rules.md §1.5 and §2).
pub fn igf_session_types() -> Vec<SessionType> {
    use Approver::{Mag, Secretariat};
    let workshop_formats = [
        "Round table",
        "Panel",
        "Debate",
        "Break-out group discussions",
        "Birds of a feather",
        "Other",
    ];
    vec![
        kind(
            "workshop",
            "Workshop",
            &workshop_formats,
            &[60, 90],
            Mag,
            true,
            true,
            false,
        ),
        kind(
            "open_forum",
            "Open forum",
            &["Theater", "Round table", "Panel"],
            &[30, 60],
            Secretariat,
            true,
            true,
            false,
        ),
        kind(
            "day0",
            "Day 0 event",
            &["Theater", "Round table", "Panel", "Other"],
            &[60, 90, 120],
            Secretariat,
            true,
            false,
            false,
        ),
        kind(
            "lightning_talk",
            "Lightning talk",
            &["Presentation"],
            &[20],
            Secretariat,
            true,
            false,
            false,
        ),
        kind(
            "launch_award",
            "Launch or award",
            &["Presentation", "Ceremony"],
            &[20, 30, 45, 60],
            Secretariat,
            true,
            false,
            false,
        ),
        kind(
            "town_hall",
            "Town hall",
            &["Theater", "Round table"],
            &[30, 60],
            Secretariat,
            true,
            true,
            false,
        ),
        kind(
            "networking",
            "Networking session",
            &["Open seating"],
            &[30, 60],
            Secretariat,
            false,
            false,
            false,
        ),
        kind(
            "nri_collaborative",
            "NRI collaborative session",
            &["Round table", "Panel"],
            &[60, 90],
            Secretariat,
            true,
            true,
            false,
        ),
        kind(
            "dc_session",
            "Dynamic Coalition session",
            &["Round table", "Panel"],
            &[60, 90],
            Secretariat,
            true,
            true,
            false,
        ),
        kind(
            "bpf_session",
            "Best Practice Forum session",
            &["Round table", "Panel"],
            &[60, 90],
            Secretariat,
            true,
            true,
            false,
        ),
    ]
}

/// A cycle set-up for `year` shaped like the IGF's `preset` year: its issue areas, its
/// calendar (moved to `year`) and its screening criteria. `None` for an unknown preset.
pub fn preset_setup(preset: &str, year: i32) -> Option<CycleSetup> {
    let rules = presets::rules(preset)?;
    let (theme, areas, host, city, tz, start, end, closes): (
        &str,
        Vec<IssueArea>,
        &str,
        &str,
        &str,
        &str,
        &str,
        &str,
    ) = match preset {
        "igf2016" => (
            "Enabling Inclusive and Sustainable Growth",
            vec![
                area("access_diversity", "Access and Diversity"),
                area("cybersecurity", "Cybersecurity"),
                area("human_rights", "Human Rights Online"),
                area("gender_youth", "Gender and Youth Issues"),
                area("critical_resources", "Critical Internet Resources"),
                area(
                    "sustainable_development",
                    "Sustainable Development and the Internet Economy",
                ),
                area(
                    "multistakeholder_cooperation",
                    "Multistakeholder Cooperation",
                ),
            ],
            "MX",
            "Guadalajara",
            "America/Mexico_City",
            "12-06",
            "12-09",
            "06-06T23:59:00",
        ),
        "igf2018" => (
            "The Internet of Trust",
            vec![
                area("cybersecurity_trust", "Cybersecurity, Trust and Privacy"),
                area(
                    "development_innovation",
                    "Development, Innovation and Economic Issues",
                ),
                area("digital_inclusion", "Digital Inclusion and Accessibility"),
                area("emerging_technologies", "Emerging Technologies"),
                area("evolution_ig", "Evolution of Internet Governance"),
                area(
                    "human_rights_gender_youth",
                    "Human Rights, Gender and Youth",
                ),
                area("media_content", "Media and Content"),
                area("technical_operational", "Technical and Operational Topics"),
            ],
            "FR",
            "Paris",
            "Europe/Paris",
            "11-12",
            "11-14",
            "06-06T23:59:00",
        ),
        _ => (
            "The Internet We Want – Empowering All People",
            vec![
                area("ai_emerging", "AI & Emerging Technologies"),
                area("fragmentation", "Avoiding Internet Fragmentation"),
                area("cybersecurity", "Cybersecurity, Cybercrime & Online Safety"),
                area("data_governance", "Data Governance & Trust"),
                area("digital_divides", "Digital Divides & Inclusion"),
                area(
                    "digital_cooperation",
                    "Global Digital Governance & Cooperation",
                ),
                area("human_rights", "Human Rights & Freedoms"),
                area("sustainability", "Sustainability & Environment"),
            ],
            "JP",
            "Kyoto",
            "Asia/Tokyo",
            "10-08",
            "10-12",
            "05-24T23:59:00",
        ),
    };
    let closes = at(year, closes);
    let day = 86_400;
    let dates = KeyDates {
        issues_open: at(year, "01-10T00:00:00"),
        issues_close: at(year, "02-15T23:59:00"),
        call_opens: at(year, "03-15T00:00:00"),
        call_closes: closes,
        screening_due: closes.plus(plenary_domain::time::Seconds(7 * day)),
        evaluation_due: closes.plus(plenary_domain::time::Seconds(28 * day)),
        notification: closes.plus(plenary_domain::time::Seconds(42 * day)),
    };
    let session_types = igf_session_types();
    let evaluation = review::presets::setup(preset, &session_types, &areas)?;
    Some(CycleSetup {
        year,
        host_country_iso2: host.to_owned(),
        host_city: city.to_owned(),
        venue_time_zone: tz.to_owned(),
        meeting_start: format!("{year}-{start}"),
        meeting_end: format!("{year}-{end}"),
        theme: theme.to_owned(),
        issue_areas: areas,
        session_types,
        evaluation,
        dates,
        publish_received: true,
        rules,
        speaker_cap: presets::speaker_cap(preset),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_preset_round_trips_through_toml_and_json() {
        for name in preset_names() {
            let setup = preset_setup(name, 2026).unwrap();
            assert!(setup.check().is_empty(), "{name}: {:?}", setup.check());
            assert_eq!(
                check_document(&to_toml(&setup)).unwrap(),
                setup,
                "{name} toml"
            );
            assert_eq!(
                check_document(&to_json(&setup)).unwrap(),
                setup,
                "{name} json"
            );
        }
    }

    #[test]
    fn every_problem_is_reported_at_once() {
        let mut text = to_toml(&preset_setup("igf2023", 2026).unwrap());
        text = text.replace(
            "call_closes = \"2026-05-24T23:59:00Z\"",
            "call_closes = \"soon\"",
        );
        text.push_str("\n[[rules]]\nrule = \"be_nice\"\n");
        let problems = check_document(&text).unwrap_err();
        assert_eq!(problems.len(), 2, "{problems:?}");
        assert!(problems[0].contains("dates.call_closes"));
        assert!(problems[1].contains("be_nice"));
    }

    /// The igf2023 preset as TOML with its `[evaluation]` section (the document's tail)
    /// replaced by `section`.
    fn with_evaluation(section: &str) -> String {
        let text = to_toml(&preset_setup("igf2023", 2026).unwrap());
        let start = text.find("[evaluation]").unwrap();
        format!("{}{section}", &text[..start])
    }

    #[test]
    fn a_document_without_evaluation_gets_the_defaults() {
        let setup = check_document(&with_evaluation("")).unwrap();
        assert_eq!(
            setup.evaluation,
            EvaluationSetup::default_for(&setup.session_types, &setup.issue_areas)
        );
        assert_eq!(setup.evaluation.session_types, ["workshop"]);
        assert_eq!(setup.evaluation.groups.len(), 8);
        assert_eq!(setup.evaluation.score_codes(), ["overall"]);
    }

    #[test]
    fn a_partial_evaluation_section_defaults_key_by_key() {
        let setup = check_document(&with_evaluation(
            "[evaluation]\nreviews_per_proposal = 4\nload_target = 50\n\
             reviews_due = \"2026-06-14T23:59:00Z\"\n\
             [evaluation.visibility]\nproposer_identity = true\n\
             [[evaluation.criteria]]\ncode = \"relevance\"\nname = \"Relevance\"\nweight = 2\n\
             [[evaluation.criteria]]\ncode = \"format\"\nname = \"Format\"\n",
        ))
        .unwrap();
        let e = &setup.evaluation;
        let defaults = EvaluationSetup::default_for(&setup.session_types, &setup.issue_areas);
        assert_eq!(e.reviews_per_proposal, 4);
        assert_eq!(e.load_target, Some(50));
        assert_eq!(e.load_cap, defaults.load_cap);
        assert_eq!(e.reviews_due, Some("2026-06-14T23:59:00Z".parse().unwrap()));
        assert!(e.visibility.proposer_identity);
        assert!(e.visibility.developing_country && e.visibility.first_time);
        assert_eq!(e.criteria.len(), 2);
        assert_eq!((e.criteria[0].weight, e.criteria[1].weight), (2, 1));
        assert_eq!(e.criteria[1].description, "");
        assert_eq!(e.groups, defaults.groups);
        assert_eq!(e.low_score_reasons, defaults.low_score_reasons);
        // And it round-trips, every key now written out.
        assert_eq!(check_document(&to_toml(&setup)).unwrap(), setup);
        assert_eq!(check_document(&to_json(&setup)).unwrap(), setup);
    }

    #[test]
    fn a_customised_evaluation_round_trips() {
        let mut setup = preset_setup("igf2018", 2026).unwrap();
        let e = &mut setup.evaluation;
        e.groups = vec![EvaluationGroup {
            code: "trust".to_owned(),
            name: "Trust".to_owned(),
            issue_areas: vec!["cybersecurity_trust".to_owned(), "media_content".to_owned()],
        }];
        e.criteria[0].weight = 3;
        e.load_target = Some(40);
        e.scale_min = 0;
        e.scale_max = 10;
        e.reasons_required_at_or_below = 0;
        e.low_score_reasons.clear();
        e.visibility = Visibility {
            proposer_identity: true,
            developing_country: false,
            first_time: false,
        };
        e.reviews_due = Some(setup.dates.evaluation_due);
        e.session_types.push("open_forum".to_owned());
        assert!(setup.check().is_empty(), "{:?}", setup.check());
        assert_eq!(check_document(&to_toml(&setup)).unwrap(), setup);
        assert_eq!(check_document(&to_json(&setup)).unwrap(), setup);
    }

    #[test]
    fn bad_evaluation_values_are_named() {
        let problems = check_document(&with_evaluation(
            "[evaluation]\nreviews_due = \"next week\"\n",
        ))
        .unwrap_err();
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert!(
            problems[0].starts_with("evaluation.reviews_due:"),
            "{problems:?}"
        );

        let problems =
            check_document(&with_evaluation("[evaluation]\nreviewers = 3\n")).unwrap_err();
        assert!(problems[0].contains("reviewers"), "{problems:?}");

        let problems = check_document(&with_evaluation(
            "[evaluation]\nscale_min = 5\nscale_max = 5\n\
             [[evaluation.groups]]\ncode = \"ai\"\nname = \"AI\"\nissue_areas = [\"ai_emerging\"]\n\
             [[evaluation.groups]]\ncode = \"tech\"\nname = \"Tech\"\nissue_areas = [\"ai_emerging\", \"space\"]\n",
        ))
        .unwrap_err();
        assert_eq!(
            problems,
            [
                "evaluation.groups: issue area \"ai_emerging\" is in group \"ai\" and again in group \"tech\"",
                "evaluation.groups: group \"tech\" names issue area \"space\", which this cycle does not have",
                "evaluation.scale: the scale 5 to 5 must run upwards, at most to 100",
            ],
        );
    }

    fn fenced<'a>(text: &'a str, lang: &str) -> &'a str {
        let open = format!("```{lang}\n");
        let start = text.find(&open).unwrap() + open.len();
        let len = text[start..].find("```").unwrap();
        &text[start..start + len]
    }

    #[test]
    fn the_examples_in_docs_cycle_format_read_back() {
        let doc = include_str!("../../../../docs/cycle-format.md");
        let toml = check_document(fenced(doc, "toml")).unwrap();
        assert_eq!(toml, preset_setup("igf2023", 2026).unwrap());
        check_document(fenced(doc, "json")).unwrap();
    }
}
