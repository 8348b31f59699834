//! Stage-1 screening: a library of parameterised rules the secretariat picks per cycle,
//! presets that reproduce the IGF's 2016, 2018 and 2023 minimum criteria, `screen` (one
//! proposal against the rules, every rule explained) and `speaker_cap` (after selection:
//! people booked in more sessions than allowed, who must choose).
//!
//! Invariants: a rule's outcome depends only on the proposal and the `Context` passed in;
//! every outcome carries the rule's explanation (shown to proposer and secretariat) and,
//! when it fails, what exactly is wrong; rules that do not apply to a session type pass
//! as "not applicable" and are listed as such.

use std::collections::{BTreeMap, BTreeSet};

use super::{
    CycleSetup, PersonRole, ProposalDraft, ProposalField, ProposalPerson, normalise_words,
};
use crate::FieldError;

/// One screening rule with its parameters. `types` limits it to some session types
/// (empty: every type).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rule {
    pub kind: RuleKind,
    pub types: Vec<String>,
}

/// The rule library.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RuleKind {
    /// The submitter is not a current member of the advisory body; with
    /// `allow_institution` their organisation may still submit through someone else.
    NotBodyMember { allow_institution: bool },
    /// Every listed field is filled in.
    RequiredFields { fields: Vec<ProposalField> },
    /// At least `min` speakers are provisionally confirmed or confirmed.
    ConfirmedSpeakers { min: u32 },
    /// The speakers are not all of one gender (at least one of a different gender).
    GenderDiversity,
    /// At least `moderators` moderators and `speakers` speakers attend onsite.
    OnsitePresence { moderators: u32, speakers: u32 },
    /// No organiser had a session in the last `cycles` cycles whose report is missing.
    PriorReports { cycles: u32 },
    /// One person submits or organises at most `max` proposals in the cycle.
    MaxPerPerson { max: u32 },
    /// One organisation submits or organises at most `max` proposals in the cycle.
    MaxPerInstitution { max: u32 },
    /// The title has at most `max_chars` characters.
    TitleLength { max_chars: u32 },
    /// The description has between `min_words` and `max_words` words.
    DescriptionWords { min_words: u32, max_words: u32 },
    /// The proposal is written in one of `languages` (codes such as `en`).
    Language { languages: Vec<String> },
}

impl RuleKind {
    /// Stable snake_case code used in documents and the API.
    pub fn code(&self) -> &'static str {
        match self {
            RuleKind::NotBodyMember { .. } => "not_body_member",
            RuleKind::RequiredFields { .. } => "required_fields",
            RuleKind::ConfirmedSpeakers { .. } => "confirmed_speakers",
            RuleKind::GenderDiversity => "gender_diversity",
            RuleKind::OnsitePresence { .. } => "onsite_presence",
            RuleKind::PriorReports { .. } => "prior_reports",
            RuleKind::MaxPerPerson { .. } => "max_per_person",
            RuleKind::MaxPerInstitution { .. } => "max_per_institution",
            RuleKind::TitleLength { .. } => "title_length",
            RuleKind::DescriptionWords { .. } => "description_words",
            RuleKind::Language { .. } => "language",
        }
    }

    /// Every rule code, in the order the library lists them.
    pub const CODES: [&'static str; 11] = [
        "not_body_member",
        "required_fields",
        "confirmed_speakers",
        "gender_diversity",
        "onsite_presence",
        "prior_reports",
        "max_per_person",
        "max_per_institution",
        "title_length",
        "description_words",
        "language",
    ];
}

impl Rule {
    /// A rule for every session type.
    pub fn all_types(kind: RuleKind) -> Rule {
        Rule {
            kind,
            types: Vec::new(),
        }
    }

    pub fn applies_to(&self, session_type: &str) -> bool {
        self.types.is_empty() || self.types.iter().any(|t| t == session_type)
    }

    /// The rule in plain words, with its parameters, as proposers read it.
    pub fn explanation(&self) -> String {
        let base = match &self.kind {
            RuleKind::NotBodyMember {
                allow_institution: true,
            } => "Current MAG members may not submit proposals; their institutions may, through another person.".to_owned(),
            RuleKind::NotBodyMember {
                allow_institution: false,
            } => "Current MAG members may not submit proposals.".to_owned(),
            RuleKind::RequiredFields { fields } => {
                let labels: Vec<&str> = fields.iter().map(|f| f.label()).collect();
                format!("All required fields are complete: {}.", labels.join(", "))
            }
            RuleKind::ConfirmedSpeakers { min } => format!(
                "At least {min} speakers are provisionally confirmed (they have been contacted and expressed interest and intent to take part)."
            ),
            RuleKind::GenderDiversity => {
                "The speakers are not all of one gender: at least one speaker is of a different gender.".to_owned()
            }
            RuleKind::OnsitePresence {
                moderators,
                speakers,
            } => format!(
                "At least {moderators} moderator(s) and {speakers} speaker(s) will be onsite at the venue."
            ),
            RuleKind::PriorReports { cycles } => format!(
                "Organisers who held sessions in the last {cycles} cycle(s) have filed their session reports."
            ),
            RuleKind::MaxPerPerson { max } => {
                format!("One person submits or organises at most {max} proposals in this call.")
            }
            RuleKind::MaxPerInstitution { max } => format!(
                "One institution submits or organises at most {max} proposals in this call."
            ),
            RuleKind::TitleLength { max_chars } => {
                format!("The title has at most {max_chars} characters.")
            }
            RuleKind::DescriptionWords {
                min_words,
                max_words,
            } => {
                if *min_words == 0 {
                    format!("The description has at most {max_words} words.")
                } else {
                    format!("The description has {min_words} to {max_words} words.")
                }
            }
            RuleKind::Language { languages } => {
                format!("The proposal is written in {}.", languages.join(" or "))
            }
        };
        if self.types.is_empty() {
            base
        } else {
            format!("{base} (Applies to: {}.)", self.types.join(", "))
        }
    }

    /// Problems with the rule's parameters in the context of a cycle set-up.
    pub fn check(&self, setup: &CycleSetup) -> Vec<FieldError> {
        let mut errors = Vec::new();
        for t in &self.types {
            if setup.session_type(t).is_none() {
                errors.push(FieldError::new(
                    "rules",
                    "unknown_session_type",
                    format!(
                        "rule {} names session type {t:?}, which this cycle does not have",
                        self.kind.code()
                    ),
                ));
            }
        }
        let bad = |what: &str| {
            FieldError::new(
                "rules",
                "bad_parameter",
                format!("rule {}: {what}", self.kind.code()),
            )
        };
        match &self.kind {
            RuleKind::RequiredFields { fields } if fields.is_empty() => {
                errors.push(bad("list at least one field"));
            }
            RuleKind::MaxPerPerson { max } | RuleKind::MaxPerInstitution { max } if *max == 0 => {
                errors.push(bad("the maximum must be at least 1"));
            }
            RuleKind::TitleLength { max_chars } if *max_chars == 0 => {
                errors.push(bad("the maximum must be at least 1"));
            }
            RuleKind::DescriptionWords {
                min_words,
                max_words,
            } if max_words < min_words || *max_words == 0 => {
                errors.push(bad(&format!(
                    "the word range {min_words} to {max_words} is empty; max_words must be at least 1 and at least min_words"
                )));
            }
            RuleKind::Language { languages }
                if languages.is_empty() || languages.iter().any(|l| l.trim().is_empty()) =>
            {
                errors.push(bad("list at least one language, each a code such as en"));
            }
            RuleKind::PriorReports { cycles } if *cycles == 0 => {
                errors.push(bad("look back at least 1 cycle"));
            }
            RuleKind::ConfirmedSpeakers { min } if *min == 0 => {
                errors.push(bad(
                    "the minimum must be at least 1 (or leave the rule out)",
                ));
            }
            RuleKind::OnsitePresence {
                moderators,
                speakers,
            } if *moderators == 0 && *speakers == 0 => {
                errors.push(bad(
                    "ask for at least 1 onsite moderator or speaker (or leave the rule out)",
                ));
            }
            _ => {}
        }
        errors
    }
}

/// What screening needs to know beyond the proposal itself.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Context {
    /// Identities (`ProposalPerson::identity` form: `email:…` or `name:…`) of the current
    /// members of the advisory body, and their organisations (normalised).
    pub body_member_identities: BTreeSet<String>,
    pub body_member_organisations: BTreeSet<String>,
    /// Identity of the proposal's submitter (account e-mail, `email:…`).
    pub submitter: String,
    /// The submitter's organisation (normalised; may be empty).
    pub submitter_organisation: String,
    /// Proposals (not withdrawn) each person identity submits or organises in the cycle.
    pub proposals_per_person: BTreeMap<String, u32>,
    /// Proposals (not withdrawn) each organisation (normalised) submits or organises.
    pub proposals_per_institution: BTreeMap<String, u32>,
    /// Who has a missing session report, each with the cycle years of the sessions whose
    /// reports are missing. Keys are person identities (`email:…` or `name:…`, as
    /// `ProposalPerson::identity`) and organisations as `org:` + the normalised name
    /// (`org:example foundation`). `PriorReports` looks up the submitter, every organiser
    /// and every organiser's organisation.
    pub missing_reports: BTreeMap<String, Vec<i32>>,
    /// The cycle's year (for `PriorReports`).
    pub year: i32,
}

/// The outcome of one rule for one proposal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RuleOutcome {
    pub rule: &'static str,
    pub verdict: Verdict,
    /// The rule in plain words.
    pub explanation: String,
    /// What exactly fails (empty when it passes or does not apply).
    pub reason: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Verdict {
    Pass,
    Fail,
    NotApplicable,
}

impl Verdict {
    pub fn code(self) -> &'static str {
        match self {
            Verdict::Pass => "pass",
            Verdict::Fail => "fail",
            Verdict::NotApplicable => "not_applicable",
        }
    }
}

/// One proposal's screening: every rule's outcome.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Screening {
    pub outcomes: Vec<RuleOutcome>,
}

impl Screening {
    pub fn passed(&self) -> bool {
        self.outcomes.iter().all(|o| o.verdict != Verdict::Fail)
    }

    /// The reasons of the failing rules, in rule order.
    pub fn reasons(&self) -> Vec<&str> {
        self.outcomes
            .iter()
            .filter(|o| o.verdict == Verdict::Fail)
            .map(|o| o.reason.as_str())
            .collect()
    }
}

/// Screens `proposal` against `rules`.
pub fn screen(rules: &[Rule], proposal: &ProposalDraft, ctx: &Context) -> Screening {
    let outcomes = rules
        .iter()
        .map(|rule| {
            let (verdict, reason) = if rule.applies_to(&proposal.session_type) {
                match evaluate(&rule.kind, proposal, ctx) {
                    Ok(()) => (Verdict::Pass, String::new()),
                    Err(reason) => (Verdict::Fail, reason),
                }
            } else {
                (Verdict::NotApplicable, String::new())
            };
            RuleOutcome {
                rule: rule.kind.code(),
                verdict,
                explanation: rule.explanation(),
                reason,
            }
        })
        .collect();
    Screening { outcomes }
}

fn speakers(proposal: &ProposalDraft) -> impl Iterator<Item = &ProposalPerson> {
    proposal
        .people
        .iter()
        .filter(|p| p.role == PersonRole::Speaker)
}

/// The identities and organisations a proposal counts against per-person and
/// per-institution caps: the submitter and every organiser.
pub fn counted_people(proposal: &ProposalDraft, submitter: &str) -> BTreeSet<String> {
    let mut people: BTreeSet<String> = proposal
        .people
        .iter()
        .filter(|p| p.role == PersonRole::Organiser)
        .map(ProposalPerson::identity)
        .collect();
    if !submitter.is_empty() {
        people.insert(submitter.to_owned());
    }
    people
}

/// Organisations (normalised) of the submitter and the organisers.
pub fn counted_institutions(
    proposal: &ProposalDraft,
    submitter_organisation: &str,
) -> BTreeSet<String> {
    let mut orgs: BTreeSet<String> = proposal
        .people
        .iter()
        .filter(|p| p.role == PersonRole::Organiser)
        .map(|p| normalise_words(&p.organisation))
        .filter(|o| !o.is_empty())
        .collect();
    let own = normalise_words(submitter_organisation);
    if !own.is_empty() {
        orgs.insert(own);
    }
    orgs
}

fn evaluate(kind: &RuleKind, proposal: &ProposalDraft, ctx: &Context) -> Result<(), String> {
    match kind {
        RuleKind::NotBodyMember { allow_institution } => {
            if ctx.body_member_identities.contains(&ctx.submitter) {
                return Err("The submitter is a current MAG member.".to_owned());
            }
            let organisers: Vec<&ProposalPerson> = proposal
                .people
                .iter()
                .filter(|p| p.role == PersonRole::Organiser)
                .filter(|p| ctx.body_member_identities.contains(&p.identity()))
                .collect();
            if let Some(member) = organisers.first() {
                return Err(format!(
                    "{} is a current MAG member and is listed as an organiser.",
                    member.name.trim()
                ));
            }
            if !allow_institution {
                let org = normalise_words(&ctx.submitter_organisation);
                if !org.is_empty() && ctx.body_member_organisations.contains(&org) {
                    return Err(format!(
                        "The submitting institution ({}) is that of a current MAG member; in this call institutions of MAG members may not submit either.",
                        ctx.submitter_organisation.trim()
                    ));
                }
            }
            Ok(())
        }
        RuleKind::RequiredFields { fields } => {
            let missing: Vec<&str> = fields
                .iter()
                .filter(|f| !f.is_filled(proposal))
                .map(|f| f.label())
                .collect();
            if missing.is_empty() {
                Ok(())
            } else {
                Err(format!("Missing: {}.", missing.join(", ")))
            }
        }
        RuleKind::ConfirmedSpeakers { min } => {
            let confirmed = speakers(proposal)
                .filter(|p| p.confirmation.at_least_provisional())
                .count();
            if confirmed as u32 >= *min {
                Ok(())
            } else {
                Err(format!(
                    "Provisionally confirmed or confirmed speakers: {confirmed} of {} listed; at least {min} are needed.",
                    speakers(proposal).count()
                ))
            }
        }
        RuleKind::GenderDiversity => {
            let stated: Vec<String> = speakers(proposal)
                .map(|p| normalise_words(&p.gender))
                .filter(|g| !g.is_empty())
                .collect();
            let genders: BTreeSet<&str> = stated.iter().map(String::as_str).collect();
            if genders.len() >= 2 {
                Ok(())
            } else if speakers(proposal).count() == 0 {
                Err("No speakers are listed.".to_owned())
            } else if genders.is_empty() {
                Err("No speaker's gender is given, so diversity cannot be shown.".to_owned())
            } else {
                let only = genders.iter().next().copied().unwrap_or_default();
                let n = stated.len();
                let who = if n == 1 {
                    "The only speaker with a stated gender is".to_owned()
                } else {
                    format!("All {n} speakers with a stated gender are")
                };
                Err(format!(
                    "{who} {only}; add a speaker of a different gender."
                ))
            }
        }
        RuleKind::OnsitePresence {
            moderators,
            speakers: min_speakers,
        } => {
            let mods = proposal
                .people
                .iter()
                .filter(|p| p.role == PersonRole::Moderator && p.onsite)
                .count() as u32;
            let onsite_speakers = speakers(proposal).filter(|p| p.onsite).count() as u32;
            let mut problems = Vec::new();
            if mods < *moderators {
                problems.push(format!("{mods} onsite moderator(s), {moderators} needed"));
            }
            if onsite_speakers < *min_speakers {
                problems.push(format!(
                    "{onsite_speakers} onsite speaker(s), {min_speakers} needed"
                ));
            }
            if problems.is_empty() {
                Ok(())
            } else {
                Err(format!(
                    "Not enough people onsite: {}.",
                    problems.join("; ")
                ))
            }
        }
        RuleKind::PriorReports { cycles } => {
            let year = i64::from(ctx.year);
            let earliest = year - i64::from(*cycles);
            let mut keys: Vec<(String, String)> = proposal
                .people
                .iter()
                .filter(|p| p.role == PersonRole::Organiser)
                .flat_map(|p| {
                    let mut keys = vec![(p.identity(), p.name.trim().to_owned())];
                    let org = normalise_words(&p.organisation);
                    if !org.is_empty() {
                        keys.push((format!("org:{org}"), p.organisation.trim().to_owned()));
                    }
                    keys
                })
                .collect();
            keys.push((ctx.submitter.clone(), "The submitter".to_owned()));
            for (key, who) in keys {
                if let Some(years) = ctx.missing_reports.get(&key) {
                    let recent: BTreeSet<i32> = years
                        .iter()
                        .copied()
                        .filter(|y| (earliest..year).contains(&i64::from(*y)))
                        .collect();
                    if !recent.is_empty() {
                        let shown: Vec<String> = recent.iter().map(i32::to_string).collect();
                        let what = if recent.len() == 1 {
                            "the report for a session held in"
                        } else {
                            "the reports for sessions held in"
                        };
                        return Err(format!("{who} did not file {what} {}.", shown.join(", ")));
                    }
                }
            }
            Ok(())
        }
        RuleKind::MaxPerPerson { max } => {
            // Counted as `counted_people` counts; shown by the name as typed.
            let mut counted: Vec<(String, String)> = proposal
                .people
                .iter()
                .filter(|p| p.role == PersonRole::Organiser)
                .map(|p| (p.identity(), p.name.trim().to_owned()))
                .collect();
            if !ctx.submitter.is_empty() {
                let shown = ctx
                    .submitter
                    .strip_prefix("email:")
                    .or_else(|| ctx.submitter.strip_prefix("name:"))
                    .unwrap_or(&ctx.submitter);
                counted.push((ctx.submitter.clone(), format!("The submitter ({shown})")));
            }
            for (identity, shown) in counted {
                let n = ctx
                    .proposals_per_person
                    .get(&identity)
                    .copied()
                    .unwrap_or(0);
                if n > *max {
                    return Err(format!(
                        "{shown} submits or organises {n} proposals in this call; the limit is {max}."
                    ));
                }
            }
            Ok(())
        }
        RuleKind::MaxPerInstitution { max } => {
            // Counted as `counted_institutions` counts; shown as typed.
            let mut counted: Vec<(String, &str)> = proposal
                .people
                .iter()
                .filter(|p| p.role == PersonRole::Organiser)
                .map(|p| (normalise_words(&p.organisation), p.organisation.trim()))
                .collect();
            counted.push((
                normalise_words(&ctx.submitter_organisation),
                ctx.submitter_organisation.trim(),
            ));
            for (org, shown) in counted {
                if org.is_empty() {
                    continue;
                }
                let n = ctx
                    .proposals_per_institution
                    .get(&org)
                    .copied()
                    .unwrap_or(0);
                if n > *max {
                    return Err(format!(
                        "The institution \"{shown}\" submits or organises {n} proposals in this call; the limit is {max}."
                    ));
                }
            }
            Ok(())
        }
        RuleKind::TitleLength { max_chars } => {
            let n = proposal.title.trim().chars().count() as u32;
            if n <= *max_chars {
                Ok(())
            } else {
                Err(format!(
                    "The title has {n} characters; at most {max_chars} are allowed."
                ))
            }
        }
        RuleKind::DescriptionWords {
            min_words,
            max_words,
        } => {
            let n = super::word_count(&proposal.description) as u32;
            if n > *max_words {
                Err(format!(
                    "The description has {n} words; at most {max_words} are allowed."
                ))
            } else if n < *min_words {
                Err(format!(
                    "The description has {n} words; at least {min_words} are needed."
                ))
            } else {
                Ok(())
            }
        }
        RuleKind::Language { languages } => {
            let lang = proposal.language.trim().to_lowercase();
            if languages.iter().any(|l| l.trim().to_lowercase() == lang) {
                Ok(())
            } else {
                let shown = if lang.is_empty() {
                    "not stated".to_owned()
                } else {
                    lang
                };
                Err(format!(
                    "The proposal's language is {shown}; proposals must be in {}.",
                    languages.join(" or ")
                ))
            }
        }
    }
}

/// A person booked in more accepted sessions than the cap allows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OverBooked<K> {
    /// `ProposalPerson::identity`.
    pub identity: String,
    pub name: String,
    /// The accepted sessions they are listed in, in the order given.
    pub sessions: Vec<K>,
    pub cap: u32,
}

/// After final selection: every speaker (or moderator) listed in more than `cap` of the
/// accepted `sessions`; each must choose which `cap` to keep.
pub fn speaker_cap<K: Clone>(sessions: &[(K, &ProposalDraft)], cap: u32) -> Vec<OverBooked<K>> {
    let mut by_person: BTreeMap<String, (String, Vec<K>)> = BTreeMap::new();
    for (key, proposal) in sessions {
        let mut seen = BTreeSet::new();
        for person in proposal
            .people
            .iter()
            .filter(|p| matches!(p.role, PersonRole::Speaker | PersonRole::Moderator))
        {
            let id = person.identity();
            if seen.insert(id.clone()) {
                let entry = by_person
                    .entry(id)
                    .or_insert_with(|| (person.name.trim().to_owned(), Vec::new()));
                entry.1.push(key.clone());
            }
        }
    }
    by_person
        .into_iter()
        .filter(|(_, (_, s))| s.len() as u32 > cap)
        .map(|(identity, (name, sessions))| OverBooked {
            identity,
            name,
            sessions,
            cap,
        })
        .collect()
}

/// Named rule sets that reproduce past IGF minimum criteria (sources in
/// `docs/screening-rules.md` and `domain/igf-rules.md` §1.1).
pub mod presets {
    use super::{Rule, RuleKind};
    use crate::calls::ProposalField;

    pub const NAMES: [&str; 3] = ["igf2016", "igf2018", "igf2023"];

    fn workshop(kind: RuleKind) -> Rule {
        Rule {
            kind,
            types: vec!["workshop".to_owned()],
        }
    }

    fn core_fields() -> Vec<ProposalField> {
        vec![
            ProposalField::Title,
            ProposalField::IssueArea,
            ProposalField::Format,
            ProposalField::Description,
            ProposalField::Organiser,
            ProposalField::Speaker,
        ]
    }

    /// The rules of a preset, or `None` for an unknown name.
    pub fn rules(name: &str) -> Option<Vec<Rule>> {
        match name {
            // 2016: MAG members may not submit (institutions may); all fields complete;
            // at most 3 proposals per individual or institution; reports for 2014/2015
            // workshops; 2015-form limits of 60 characters and 250 words.
            "igf2016" => Some(vec![
                workshop(RuleKind::NotBodyMember {
                    allow_institution: true,
                }),
                workshop(RuleKind::RequiredFields {
                    fields: core_fields(),
                }),
                workshop(RuleKind::MaxPerPerson { max: 3 }),
                workshop(RuleKind::MaxPerInstitution { max: 3 }),
                workshop(RuleKind::PriorReports { cycles: 2 }),
                workshop(RuleKind::TitleLength { max_chars: 60 }),
                workshop(RuleKind::DescriptionWords {
                    min_words: 0,
                    max_words: 250,
                }),
            ]),
            // 2018: as 2017 plus at least 3 provisionally confirmed speakers; the per-speaker
            // cap of 3 sessions is checked after final selection (`speaker_cap`).
            "igf2018" => Some(vec![
                workshop(RuleKind::NotBodyMember {
                    allow_institution: true,
                }),
                workshop(RuleKind::RequiredFields {
                    fields: {
                        let mut f = core_fields();
                        f.push(ProposalField::PolicyQuestions);
                        f
                    },
                }),
                workshop(RuleKind::ConfirmedSpeakers { min: 3 }),
                workshop(RuleKind::PriorReports { cycles: 2 }),
            ]),
            // 2023: MAG members may not submit; all fields complete; at least 3 provisionally
            // confirmed speakers; at least one speaker of a different gender; one onsite
            // moderator and two onsite speakers; reports for recent years.
            "igf2023" => Some(vec![
                workshop(RuleKind::NotBodyMember {
                    allow_institution: false,
                }),
                workshop(RuleKind::RequiredFields {
                    fields: {
                        let mut f = core_fields();
                        f.extend([
                            ProposalField::PolicyQuestions,
                            ProposalField::Moderator,
                            ProposalField::OnlineModerator,
                            ProposalField::Rapporteur,
                            ProposalField::InteractionPlan,
                            ProposalField::ExpectedOutcomes,
                        ]);
                        f
                    },
                }),
                workshop(RuleKind::ConfirmedSpeakers { min: 3 }),
                workshop(RuleKind::GenderDiversity),
                workshop(RuleKind::OnsitePresence {
                    moderators: 1,
                    speakers: 2,
                }),
                workshop(RuleKind::PriorReports { cycles: 3 }),
            ]),
            _ => None,
        }
    }

    /// The per-speaker session cap checked after final selection, if the preset has one.
    pub fn speaker_cap(name: &str) -> Option<u32> {
        match name {
            "igf2018" => Some(3),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests;
