//! A body's constitution as a document, TOML or JSON: reading, writing, checking, summarising.
//!
//! Start with `check_document` (text → validated `Constitution`, or every problem as a
//! sentence) and `to_toml` / `to_json` (the other way). `from_toml` / `from_json` are the
//! same reading as `ActionError`s, for actions; `summary` turns a constitution into lines a
//! person can read, with share quotas resolved into seats; `preset` and `preset_names` give
//! the shipped constitutions by name. The format is described in docs/constitution-format.md.
//!
//! Invariants: the document types (`*Doc`) are private and converted to and from
//! `ConstitutionDraft` by hand, so the domain carries no serde and a rename there never
//! changes the format silently. Every document read goes through `Constitution::validate`.
//! Writing then reading gives back an equal constitution (`from_toml(&to_toml(&c)) == c`,
//! tested for every preset). The document's `version` is the version of this format, not of
//! the constitution; only `FORMAT_VERSION` is read.
//!
//! Not here: the rules and their arithmetic (`plenary_domain::bodies::constitution`), the
//! presets themselves (`plenary_domain::bodies::presets`), reading files and choosing the
//! format from a file name's extension for operators (`plenary-cli`, `cmd::constitution`).

use serde::de::Error as _;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use plenary_domain::FieldError;
use plenary_domain::bodies::{
    Balance, ChairRule, Constitution, ConstitutionDraft, ConstitutionError, EngagementPolicy,
    ExOfficioRole, GenderBalance, Limit, Others, Quota, QuotaCount, QuotaKey, SeatAllocation,
    SeatKind, SeatRange, TermRule, presets,
};
use plenary_domain::countries::UnRegionalGroup;

use crate::ActionError;

/// The version of the document format that this code reads and writes (`version = 1`).
pub const FORMAT_VERSION: u32 = 1;

/// The two ways a constitution can be written down.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DocumentFormat {
    Toml,
    Json,
}

impl DocumentFormat {
    /// The format for a file name extension (`toml` or `json`, any case, without the dot).
    pub fn from_extension(extension: &str) -> Option<DocumentFormat> {
        if extension.eq_ignore_ascii_case("toml") {
            Some(DocumentFormat::Toml)
        } else if extension.eq_ignore_ascii_case("json") {
            Some(DocumentFormat::Json)
        } else {
            None
        }
    }
}

/// The shipped presets by name (`mag`, `leadership_panel`, …), as `plenary_domain::bodies::presets::all()` names them.
/// A hyphen reads as an underscore, so a body's slug finds its preset (`leadership-panel`).
pub fn preset(name: &str) -> Option<Constitution> {
    let name = name.trim().replace('-', "_");
    presets::all()
        .into_iter()
        .find(|(preset_name, _)| *preset_name == name)
        .map(|(_, constitution)| constitution)
}

/// The names `preset` knows, in the order `presets::all()` lists them.
pub fn preset_names() -> Vec<&'static str> {
    presets::all().into_iter().map(|(name, _)| name).collect()
}

/// Parses and validates a TOML constitution document.
///
/// A document that is not well-formed TOML, has an unknown key or value, or has the wrong
/// `version` is `ActionError::Invalid` (field `document`, code `bad_document`); a well-formed
/// document whose rules do not add up is `ActionError::Rule` with code `invalid_constitution`.
pub fn from_toml(text: &str) -> Result<Constitution, ActionError> {
    read(text, DocumentFormat::Toml).map_err(ActionError::from)
}

/// Parses and validates a JSON constitution document; errors as for `from_toml`.
pub fn from_json(text: &str) -> Result<Constitution, ActionError> {
    read(text, DocumentFormat::Json).map_err(ActionError::from)
}

/// Parses and validates a document; on failure, every problem found as one English sentence
/// each (a syntax error with its line and column, or the constitution's arithmetic).
pub fn check_document(text: &str, format: DocumentFormat) -> Result<Constitution, Vec<String>> {
    read(text, format).map_err(|problem| problem.messages())
}

/// The constitution as a TOML document, in the key order of docs/constitution-format.md.
/// Quotas, seats, limits and roles are written as inline tables so each fits on one line.
pub fn to_toml(constitution: &Constitution) -> String {
    let doc = DocumentDoc::from_rules(constitution.rules());
    let mut out = String::new();
    push_key(&mut out, "version", &doc.version.to_string());
    push_key(&mut out, "name", &toml_string(&doc.name));
    push_key(
        &mut out,
        "rotation_share_percent",
        &doc.rotation_share_percent.to_string(),
    );
    push_key(&mut out, "vice_chair", &doc.vice_chair.to_string());
    push_array(&mut out, "seats", doc.seats.iter().map(SeatDoc::to_toml));

    push_header(&mut out, "size");
    push_key(&mut out, "min", &doc.size.min.to_string());
    push_key(&mut out, "max", &doc.size.max.to_string());

    push_header(&mut out, "term");
    push_key(&mut out, "months", &doc.term.months.to_string());
    if let Some(terms) = doc.term.max_consecutive_terms {
        push_key(&mut out, "max_consecutive_terms", &terms.to_string());
    }

    push_header(&mut out, "chair");
    match doc.chair {
        ChairDoc::Appointed {} => push_key(&mut out, "rule", &toml_string("appointed")),
        ChairDoc::ElectedAnnually {
            among_members,
            rotate_stakeholder_group,
            rotate_holder,
        } => {
            push_key(&mut out, "rule", &toml_string("elected_annually"));
            push_key(&mut out, "among_members", &among_members.to_string());
            push_key(
                &mut out,
                "rotate_stakeholder_group",
                &rotate_stakeholder_group.to_string(),
            );
            push_key(&mut out, "rotate_holder", &rotate_holder.to_string());
        }
    }

    push_header(&mut out, "stakeholder_groups");
    push_balance(&mut out, &doc.stakeholder_groups, |key| toml_string(key));
    push_header(&mut out, "regions");
    push_balance(&mut out, &doc.regions, |key| toml_string(key.0.code()));

    push_header(&mut out, "gender");
    if let Some(percent) = doc.gender.max_share_any_gender {
        push_key(&mut out, "max_share_any_gender", &percent.to_string());
    }
    push_array(
        &mut out,
        "quotas",
        doc.gender
            .quotas
            .iter()
            .map(|quota| quota.to_toml(|key| toml_string(key))),
    );

    push_header(&mut out, "engagement_policy");
    push_key(
        &mut out,
        "min_attendance_percent",
        &doc.engagement_policy.min_attendance_percent.to_string(),
    );
    push_key(
        &mut out,
        "min_reviews_percent",
        &doc.engagement_policy.min_reviews_percent.to_string(),
    );
    out
}

/// The constitution as a pretty-printed JSON document with the same keys as the TOML one.
pub fn to_json(constitution: &Constitution) -> String {
    let doc = DocumentDoc::from_rules(constitution.rules());
    // The document types are plain structs with string keys and derived `Serialize`, which
    // serde_json cannot fail on; should that ever change, the round-trip tests fail on the
    // error text returned here rather than the program stopping.
    serde_json::to_string_pretty(&doc)
        .unwrap_or_else(|err| format!("constitution could not be written as JSON: {err}"))
}

/// Lines describing the constitution for people: size, seats, terms, rotation, chair,
/// renewal, and every quota resolved into seats for a body of `seats` voting members
/// (default: the largest size allowed). A `seats` outside the size range is brought into
/// it, and the first line says so.
pub fn summary(constitution: &Constitution, seats: Option<u32>) -> Vec<String> {
    let rules = constitution.rules();
    let regular_range = constitution.regular_seat_range();
    let other_voting = voting_seats(rules).saturating_sub(regular_range.max);
    let requested = seats.unwrap_or(rules.size.max);
    let body_size = requested.clamp(rules.size.min, rules.size.max);
    let regular_seats = body_size
        .saturating_sub(other_voting)
        .clamp(regular_range.min, regular_range.max);
    let counts = constitution.quota_counts(regular_seats);

    let mut lines = Vec::new();
    if requested != body_size {
        lines.push(format!(
            "note: {requested} seats is outside the size range {}; quotas are shown for {body_size}",
            range_text(rules.size.min, rules.size.max)
        ));
    }
    lines.push(format!("name: {}", rules.name));
    lines.push(format!(
        "size: {} voting members, of which {} regular seats",
        range_text(rules.size.min, rules.size.max),
        range_text(regular_range.min, regular_range.max)
    ));
    let seat_kinds: Vec<String> = rules
        .seats
        .iter()
        .map(|allocation| {
            let not_counted = if allocation.kind.is_voting() {
                ""
            } else {
                " (not counted in the size)"
            };
            format!("{} {}{not_counted}", allocation.seats, allocation.kind)
        })
        .collect();
    lines.push(format!("seats: {}", seat_kinds.join("; ")));
    lines.push(format!("terms: {}", term_text(rules.term)));
    lines.push(format!(
        "rotation: {} % of the regular members each cycle ({} of {regular_seats})",
        rules.rotation_share_percent,
        constitution.rotation_target(regular_seats)
    ));
    lines.push(format!(
        "chair: {}; {}",
        chair_text(rules.chair),
        if rules.vice_chair {
            "with a vice-chair"
        } else {
            "no vice-chair"
        }
    ));
    lines.push(format!(
        "renewal: at least {} % of meetings attended and {} % of assigned reviews done",
        rules.engagement_policy.min_attendance_percent, rules.engagement_policy.min_reviews_percent
    ));
    lines.push(format!(
        "quotas for a body of {body_size} voting members ({regular_seats} regular seats; share floors round up, share caps round down):"
    ));
    lines.push(format!(
        "stakeholder groups: {}",
        balance_text(
            &rules.stakeholder_groups.quotas,
            &counts.stakeholder_groups,
            rules.stakeholder_groups.others,
            "stakeholder groups",
        )
    ));
    lines.push(format!(
        "UN regional groups: {}",
        balance_text(
            &rules.regions.quotas,
            &counts.regions,
            rules.regions.others,
            "regional groups",
        )
    ));
    let mut gender = quotas_text(&rules.gender.quotas, &counts.gender);
    if let (Some(percent), Some(cap)) = (
        rules.gender.max_share_any_gender,
        counts.max_seats_any_gender,
    ) {
        gender.push(format!("no gender above {} ({percent} %)", seats_text(cap)));
    }
    lines.push(format!("gender: {}", joined_or_none(&gender)));
    lines
}

/// One line for a listing: name, size and terms.
pub fn describe(constitution: &Constitution) -> String {
    let rules = constitution.rules();
    let regular = constitution.regular_seat_range();
    format!(
        "{}: {} voting members ({} regular seats), {}",
        rules.name,
        range_text(rules.size.min, rules.size.max),
        range_text(regular.min, regular.max),
        term_text(rules.term)
    )
}

/// Why a document could not be read.
#[derive(Debug)]
enum DocumentProblem {
    /// Not well-formed, an unknown key or value, or an unsupported version.
    Document(String),
    /// Well-formed, but the rules do not add up.
    Constitution(Vec<ConstitutionError>),
}

impl DocumentProblem {
    fn messages(&self) -> Vec<String> {
        match self {
            DocumentProblem::Document(message) => vec![message.clone()],
            DocumentProblem::Constitution(errors) => {
                errors.iter().map(ToString::to_string).collect()
            }
        }
    }
}

impl From<DocumentProblem> for ActionError {
    fn from(problem: DocumentProblem) -> ActionError {
        match problem {
            DocumentProblem::Document(message) => {
                ActionError::Invalid(FieldError::new("document", "bad_document", message))
            }
            DocumentProblem::Constitution(_) => ActionError::Rule {
                code: "invalid_constitution",
                message: problem.messages().join("; "),
            },
        }
    }
}

/// The whole document, in the order the TOML is written. Field names are the format's keys.
#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct DocumentDoc {
    version: u32,
    name: String,
    rotation_share_percent: u32,
    vice_chair: bool,
    seats: Vec<SeatDoc>,
    size: SizeDoc,
    term: TermDoc,
    chair: ChairDoc,
    stakeholder_groups: BalanceDoc<String>,
    regions: BalanceDoc<RegionCode>,
    gender: GenderDoc,
    engagement_policy: EngagementDoc,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct SizeDoc {
    min: u32,
    max: u32,
}

/// One seat allocation: `{ kind = "ex_officio", role = "mag_chair", seats = 1 }`.
#[derive(Debug, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
enum SeatDoc {
    Regular { seats: u32 },
    ExOfficio { role: RoleDoc, seats: u32 },
    StandingHostCountry { seats: u32 },
    Observer { seats: u32 },
}

/// The position behind an ex officio seat: a name, or `{ other = "…" }`.
#[derive(Debug, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
enum RoleDoc {
    CurrentHostCountry,
    PreviousHostCountry,
    NextHostCountry,
    MagChair,
    TechEnvoy,
    Other(String),
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct TermDoc {
    months: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    max_consecutive_terms: Option<u32>,
}

/// `rule = "appointed"`, or `rule = "elected_annually"` with its flags. `Appointed` is
/// a struct variant so that `deny_unknown_fields` also refuses stray keys next to it.
/// `rotate_holder` came later: a document without it (every one stored before) reads as
/// `false`, the rule as it was.
#[derive(Debug, Serialize, Deserialize)]
#[serde(tag = "rule", rename_all = "snake_case", deny_unknown_fields)]
enum ChairDoc {
    Appointed {},
    ElectedAnnually {
        among_members: bool,
        rotate_stakeholder_group: bool,
        #[serde(default)]
        rotate_holder: bool,
    },
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct BalanceDoc<K> {
    others: OthersDoc,
    #[serde(default = "Vec::new")]
    quotas: Vec<QuotaDoc<K>>,
}

#[derive(Debug, Clone, Copy, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
enum OthersDoc {
    Allowed,
    NotAllowed,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct QuotaDoc<K> {
    key: K,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    floor: Option<LimitDoc>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    cap: Option<LimitDoc>,
}

/// `{ count = 5 }` or `{ share_percent = 40 }`.
#[derive(Debug, Clone, Copy, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
enum LimitDoc {
    Count(u32),
    SharePercent(u32),
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct GenderDoc {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    max_share_any_gender: Option<u32>,
    #[serde(default = "Vec::new")]
    quotas: Vec<QuotaDoc<String>>,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct EngagementDoc {
    min_attendance_percent: u32,
    min_reviews_percent: u32,
}

/// A UN regional group written as its code (`UnRegionalGroup::code`): `african`, `grulac`, …
#[derive(Debug, Clone, Copy)]
struct RegionCode(UnRegionalGroup);

impl Serialize for RegionCode {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.0.code())
    }
}

impl<'de> Deserialize<'de> for RegionCode {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<RegionCode, D::Error> {
        let code = String::deserialize(deserializer)?;
        UnRegionalGroup::from_code(&code)
            .map(RegionCode)
            .ok_or_else(|| {
                let codes: Vec<&str> = UnRegionalGroup::ALL.iter().map(|g| g.code()).collect();
                D::Error::custom(format!(
                    "unknown UN regional group `{code}`, expected one of {}",
                    codes.join(", ")
                ))
            })
    }
}

impl DocumentDoc {
    fn from_rules(rules: &ConstitutionDraft) -> DocumentDoc {
        DocumentDoc {
            version: FORMAT_VERSION,
            name: rules.name.clone(),
            rotation_share_percent: rules.rotation_share_percent,
            vice_chair: rules.vice_chair,
            seats: rules.seats.iter().map(SeatDoc::from_allocation).collect(),
            size: SizeDoc {
                min: rules.size.min,
                max: rules.size.max,
            },
            term: TermDoc {
                months: rules.term.months,
                max_consecutive_terms: rules.term.max_consecutive_terms,
            },
            chair: match rules.chair {
                ChairRule::Appointed => ChairDoc::Appointed {},
                ChairRule::ElectedAnnually {
                    among_members,
                    rotate_stakeholder_group,
                    rotate_holder,
                } => ChairDoc::ElectedAnnually {
                    among_members,
                    rotate_stakeholder_group,
                    rotate_holder,
                },
            },
            stakeholder_groups: BalanceDoc::from_balance(&rules.stakeholder_groups, Clone::clone),
            regions: BalanceDoc::from_balance(&rules.regions, |region| RegionCode(*region)),
            gender: GenderDoc {
                max_share_any_gender: rules.gender.max_share_any_gender,
                quotas: rules
                    .gender
                    .quotas
                    .iter()
                    .map(|quota| QuotaDoc::from_quota(quota, Clone::clone))
                    .collect(),
            },
            engagement_policy: EngagementDoc {
                min_attendance_percent: rules.engagement_policy.min_attendance_percent,
                min_reviews_percent: rules.engagement_policy.min_reviews_percent,
            },
        }
    }

    fn into_draft(self) -> Result<ConstitutionDraft, DocumentProblem> {
        if self.version != FORMAT_VERSION {
            return Err(DocumentProblem::Document(format!(
                "the document is in format version {}, but this Plenary reads version {FORMAT_VERSION}",
                self.version
            )));
        }
        Ok(ConstitutionDraft {
            name: self.name,
            size: SeatRange {
                min: self.size.min,
                max: self.size.max,
            },
            seats: self
                .seats
                .into_iter()
                .map(SeatDoc::into_allocation)
                .collect(),
            stakeholder_groups: self.stakeholder_groups.into_balance(|key| key),
            regions: self.regions.into_balance(|code| code.0),
            gender: GenderBalance {
                quotas: self
                    .gender
                    .quotas
                    .into_iter()
                    .map(|quota| quota.into_quota(|key| key))
                    .collect(),
                max_share_any_gender: self.gender.max_share_any_gender,
            },
            term: TermRule {
                months: self.term.months,
                max_consecutive_terms: self.term.max_consecutive_terms,
            },
            rotation_share_percent: self.rotation_share_percent,
            chair: match self.chair {
                ChairDoc::Appointed {} => ChairRule::Appointed,
                ChairDoc::ElectedAnnually {
                    among_members,
                    rotate_stakeholder_group,
                    rotate_holder,
                } => ChairRule::ElectedAnnually {
                    among_members,
                    rotate_stakeholder_group,
                    rotate_holder,
                },
            },
            vice_chair: self.vice_chair,
            engagement_policy: EngagementPolicy {
                min_attendance_percent: self.engagement_policy.min_attendance_percent,
                min_reviews_percent: self.engagement_policy.min_reviews_percent,
            },
        })
    }
}

impl SeatDoc {
    fn from_allocation(allocation: &SeatAllocation) -> SeatDoc {
        let seats = allocation.seats;
        match &allocation.kind {
            SeatKind::Regular => SeatDoc::Regular { seats },
            SeatKind::ExOfficio(role) => SeatDoc::ExOfficio {
                role: RoleDoc::from_role(role),
                seats,
            },
            SeatKind::StandingHostCountry => SeatDoc::StandingHostCountry { seats },
            SeatKind::Observer => SeatDoc::Observer { seats },
        }
    }

    fn into_allocation(self) -> SeatAllocation {
        let (kind, seats) = match self {
            SeatDoc::Regular { seats } => (SeatKind::Regular, seats),
            SeatDoc::ExOfficio { role, seats } => (SeatKind::ExOfficio(role.into_role()), seats),
            SeatDoc::StandingHostCountry { seats } => (SeatKind::StandingHostCountry, seats),
            SeatDoc::Observer { seats } => (SeatKind::Observer, seats),
        };
        SeatAllocation { kind, seats }
    }

    fn to_toml(&self) -> String {
        let (kind, role, seats) = match self {
            SeatDoc::Regular { seats } => ("regular", None, seats),
            SeatDoc::ExOfficio { role, seats } => ("ex_officio", Some(role.to_toml()), seats),
            SeatDoc::StandingHostCountry { seats } => ("standing_host_country", None, seats),
            SeatDoc::Observer { seats } => ("observer", None, seats),
        };
        let role = role.map_or_else(String::new, |role| format!(", role = {role}"));
        format!("{{ kind = {}{role}, seats = {seats} }}", toml_string(kind))
    }
}

impl RoleDoc {
    fn from_role(role: &ExOfficioRole) -> RoleDoc {
        match role {
            ExOfficioRole::CurrentHostCountry => RoleDoc::CurrentHostCountry,
            ExOfficioRole::PreviousHostCountry => RoleDoc::PreviousHostCountry,
            ExOfficioRole::NextHostCountry => RoleDoc::NextHostCountry,
            ExOfficioRole::MagChair => RoleDoc::MagChair,
            ExOfficioRole::TechEnvoy => RoleDoc::TechEnvoy,
            ExOfficioRole::Other(what) => RoleDoc::Other(what.clone()),
        }
    }

    fn into_role(self) -> ExOfficioRole {
        match self {
            RoleDoc::CurrentHostCountry => ExOfficioRole::CurrentHostCountry,
            RoleDoc::PreviousHostCountry => ExOfficioRole::PreviousHostCountry,
            RoleDoc::NextHostCountry => ExOfficioRole::NextHostCountry,
            RoleDoc::MagChair => ExOfficioRole::MagChair,
            RoleDoc::TechEnvoy => ExOfficioRole::TechEnvoy,
            RoleDoc::Other(what) => ExOfficioRole::Other(what),
        }
    }

    fn to_toml(&self) -> String {
        let name = match self {
            RoleDoc::CurrentHostCountry => "current_host_country",
            RoleDoc::PreviousHostCountry => "previous_host_country",
            RoleDoc::NextHostCountry => "next_host_country",
            RoleDoc::MagChair => "mag_chair",
            RoleDoc::TechEnvoy => "tech_envoy",
            RoleDoc::Other(what) => return format!("{{ other = {} }}", toml_string(what)),
        };
        toml_string(name)
    }
}

impl<K> BalanceDoc<K> {
    fn from_balance<D>(balance: &Balance<D>, key: impl Fn(&D) -> K) -> BalanceDoc<K> {
        BalanceDoc {
            others: match balance.others {
                Others::Allowed => OthersDoc::Allowed,
                Others::NotAllowed => OthersDoc::NotAllowed,
            },
            quotas: balance
                .quotas
                .iter()
                .map(|quota| QuotaDoc::from_quota(quota, &key))
                .collect(),
        }
    }

    fn into_balance<D>(self, key: impl Fn(K) -> D) -> Balance<D> {
        Balance {
            quotas: self
                .quotas
                .into_iter()
                .map(|quota| quota.into_quota(&key))
                .collect(),
            others: match self.others {
                OthersDoc::Allowed => Others::Allowed,
                OthersDoc::NotAllowed => Others::NotAllowed,
            },
        }
    }
}

impl<K> QuotaDoc<K> {
    fn from_quota<D>(quota: &Quota<D>, key: impl Fn(&D) -> K) -> QuotaDoc<K> {
        QuotaDoc {
            key: key(&quota.key),
            floor: quota.floor.map(LimitDoc::from_limit),
            cap: quota.cap.map(LimitDoc::from_limit),
        }
    }

    fn into_quota<D>(self, key: impl Fn(K) -> D) -> Quota<D> {
        Quota {
            key: key(self.key),
            floor: self.floor.map(LimitDoc::into_limit),
            cap: self.cap.map(LimitDoc::into_limit),
        }
    }

    fn to_toml(&self, key: impl Fn(&K) -> String) -> String {
        let mut parts = vec![format!("key = {}", key(&self.key))];
        if let Some(floor) = self.floor {
            parts.push(format!("floor = {}", floor.to_toml()));
        }
        if let Some(cap) = self.cap {
            parts.push(format!("cap = {}", cap.to_toml()));
        }
        format!("{{ {} }}", parts.join(", "))
    }
}

impl LimitDoc {
    fn from_limit(limit: Limit) -> LimitDoc {
        match limit {
            Limit::Count(count) => LimitDoc::Count(count),
            Limit::Share { percent } => LimitDoc::SharePercent(percent),
        }
    }

    fn into_limit(self) -> Limit {
        match self {
            LimitDoc::Count(count) => Limit::Count(count),
            LimitDoc::SharePercent(percent) => Limit::Share { percent },
        }
    }

    fn to_toml(self) -> String {
        match self {
            LimitDoc::Count(count) => format!("{{ count = {count} }}"),
            LimitDoc::SharePercent(percent) => format!("{{ share_percent = {percent} }}"),
        }
    }
}

fn read(text: &str, format: DocumentFormat) -> Result<Constitution, DocumentProblem> {
    let doc: DocumentDoc = match format {
        DocumentFormat::Toml => toml::from_str(text).map_err(|err| toml_problem(text, &err))?,
        DocumentFormat::Json => serde_json::from_str(text)
            .map_err(|err| DocumentProblem::Document(format!("JSON document: {err}")))?,
    };
    let draft = doc.into_draft()?;
    Constitution::validate(draft).map_err(|errs| DocumentProblem::Constitution(errs.into_vec()))
}

/// One line for a TOML error: where (line and column, counted from 1) and what.
fn toml_problem(text: &str, err: &toml::de::Error) -> DocumentProblem {
    let message = err.message().trim_end();
    let Some(span) = err.span() else {
        return DocumentProblem::Document(format!("TOML document: {message}"));
    };
    let before = text.get(..span.start).unwrap_or(text);
    let line = before.matches('\n').count() + 1;
    let column = before
        .rsplit('\n')
        .next()
        .map_or(0, |start| start.chars().count())
        + 1;
    DocumentProblem::Document(format!(
        "TOML document, line {line}, column {column}: {message}"
    ))
}

/// A TOML basic string with every needed escape, written by the toml crate itself.
fn toml_string(text: &str) -> String {
    toml::Value::String(text.to_owned()).to_string()
}

fn push_key(out: &mut String, key: &str, value: &str) {
    out.push_str(key);
    out.push_str(" = ");
    out.push_str(value);
    out.push('\n');
}

fn push_header(out: &mut String, table: &str) {
    out.push_str("\n[");
    out.push_str(table);
    out.push_str("]\n");
}

/// An array with one inline table per line, or `[]`.
fn push_array(out: &mut String, key: &str, items: impl Iterator<Item = String>) {
    let items: Vec<String> = items.collect();
    if items.is_empty() {
        push_key(out, key, "[]");
        return;
    }
    out.push_str(key);
    out.push_str(" = [\n");
    for item in items {
        out.push_str("    ");
        out.push_str(&item);
        out.push_str(",\n");
    }
    out.push_str("]\n");
}

fn push_balance<K>(out: &mut String, balance: &BalanceDoc<K>, key: impl Fn(&K) -> String) {
    let others = match balance.others {
        OthersDoc::Allowed => "allowed",
        OthersDoc::NotAllowed => "not_allowed",
    };
    push_key(out, "others", &toml_string(others));
    push_array(
        out,
        "quotas",
        balance.quotas.iter().map(|quota| quota.to_toml(&key)),
    );
}

/// Voting seats the allocations provide (every kind but observers).
fn voting_seats(rules: &ConstitutionDraft) -> u32 {
    rules
        .seats
        .iter()
        .filter(|allocation| allocation.kind.is_voting())
        .map(|allocation| allocation.seats)
        .sum()
}

fn range_text(min: u32, max: u32) -> String {
    if min == max {
        min.to_string()
    } else {
        format!("{min} to {max}")
    }
}

fn seats_text(seats: u32) -> String {
    if seats == 1 {
        "1 seat".to_owned()
    } else {
        format!("{seats} seats")
    }
}

fn term_text(term: TermRule) -> String {
    let limit = match term.max_consecutive_terms {
        Some(1) => "not renewable".to_owned(),
        Some(terms) => format!("at most {terms} consecutive"),
        None => "no limit on consecutive terms".to_owned(),
    };
    format!("{}-month terms, {limit}", term.months)
}

fn chair_text(chair: ChairRule) -> String {
    match chair {
        ChairRule::Appointed => "appointed from outside the body's own election".to_owned(),
        ChairRule::ElectedAnnually {
            among_members,
            rotate_stakeholder_group,
            rotate_holder,
        } => {
            let mut text = "elected every year by the members".to_owned();
            if among_members {
                text.push_str(", from among the members");
            }
            if rotate_stakeholder_group {
                text.push_str(", not from the outgoing holder's stakeholder group");
            }
            if rotate_holder {
                text.push_str(", no one holding the same office two years running");
            }
            text
        }
    }
}

/// Each quota as `label: seats (shares)`, e.g. `government 20 to 22 seats (35 % to 40 %)`.
fn quotas_text<K: QuotaKey>(quotas: &[Quota<K>], counts: &[QuotaCount<K>]) -> Vec<String> {
    quotas
        .iter()
        .zip(counts)
        .map(|(quota, count)| {
            let seats = match (count.floor, count.cap) {
                (Some(floor), Some(cap)) if floor == cap => format!("exactly {}", seats_text(cap)),
                (Some(floor), Some(cap)) => format!("{floor} to {}", seats_text(cap)),
                (Some(floor), None) => format!("at least {}", seats_text(floor)),
                (None, Some(cap)) => format!("at most {}", seats_text(cap)),
                (None, None) => "no limit".to_owned(),
            };
            let shares = match (quota.floor, quota.cap) {
                (Some(Limit::Share { percent: floor }), Some(Limit::Share { percent: cap })) => {
                    format!(" ({floor} % to {cap} %)")
                }
                (Some(Limit::Share { percent }), None) | (None, Some(Limit::Share { percent })) => {
                    format!(" ({percent} %)")
                }
                (Some(Limit::Share { percent }), Some(Limit::Count(_))) => {
                    format!(" (floor {percent} %)")
                }
                (Some(Limit::Count(_)), Some(Limit::Share { percent })) => {
                    format!(" (cap {percent} %)")
                }
                _ => String::new(),
            };
            format!("{} {seats}{shares}", quota.key.label())
        })
        .collect()
}

fn balance_text<K: QuotaKey>(
    quotas: &[Quota<K>],
    counts: &[QuotaCount<K>],
    others: Others,
    noun: &str,
) -> String {
    let listed = quotas_text(quotas, counts);
    if listed.is_empty() {
        return "no quotas".to_owned();
    }
    let others = match others {
        Others::Allowed => format!("other {noun} allowed"),
        Others::NotAllowed => format!("no other {noun}"),
    };
    format!("{}; {others}", listed.join("; "))
}

fn joined_or_none(parts: &[String]) -> String {
    if parts.is_empty() {
        "no quotas".to_owned()
    } else {
        parts.join("; ")
    }
}

#[cfg(test)]
mod tests;
