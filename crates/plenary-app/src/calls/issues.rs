//! The call for issues of a cycle: anyone (signed in or not) names an issue while the call is
//! open; everyone sees the full view with counts by stakeholder group and by region; the
//! inputs export as CSV, publicly without names and e-mail addresses, and with them for the
//! secretariat and operators.
//!
//! Main items: `IssueForm` and `submit`, `full_view`, `export_csv` / `export_csv_private` /
//! `export_csv_as_operator`, `load_demo_inputs` (the demo's deterministic inputs).
//! Invariants: input is refused outside `KeyDates::issues_open_at`, with the closing date;
//! text is stored as typed (pages escape it); name and e-mail are never part of a public
//! view or export; every stored input is audited.
//! Not here: the rules (`plenary_domain::calls::check_issue_input`), the SQL
//! (`plenary_db::calls::issues`).

use std::collections::BTreeMap;

use plenary_db::Tx;
use plenary_db::calls::issues::{self as q, IssueInputRow, NewIssueInput};
use plenary_domain::accounts::Email;
use plenary_domain::audit::{Actor, AuditEntry};
use plenary_domain::calls::{IssueInput, MAX_SHORT, check_issue_input};
use plenary_domain::countries::UnRegionalGroup;
use plenary_domain::forums::Forum;
use plenary_domain::permissions::{Permission, authorize};
use plenary_domain::time::Seconds;
use plenary_domain::{FieldError, Timestamp};
use serde_json::json;

use super::cycles::{self, Cycle, display_in_zone};
use crate::accounts::Viewer;
use crate::{ActionError, App, audit, forums};

/// The call-for-issues form as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct IssueForm {
    pub issue: String,
    pub description: String,
    /// A stakeholder-group code of the forum.
    pub stakeholder_group: String,
    /// A UN regional group code (`african`, `asia_pacific`, `eastern_european`, `grulac`,
    /// `weog`, `none`).
    pub region: String,
    /// Optional, never shown publicly.
    pub name: String,
    /// Optional, never shown publicly.
    pub email: String,
}

/// What became of a submitted input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SubmitOutcome {
    /// Stored, with its id.
    Submitted(i64),
    /// Nothing stored: every field problem, for the form to show.
    Invalid(Vec<FieldError>),
}

/// Whether an export carries the senders' names and e-mail addresses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Privacy {
    /// Issue, description, stakeholder group, region and time only.
    Public,
    /// Also the name and e-mail address each sender gave.
    WithContacts,
}

async fn group_names(tx: &mut Tx, forum: &Forum) -> Result<Vec<(String, String)>, ActionError> {
    Ok(plenary_db::forums::stakeholder_groups(tx, forum.id)
        .await?
        .into_iter()
        .map(|g| (g.code, g.name))
        .collect())
}

/// Every problem with the form, as the domain and the forum's groups see it.
fn check_form(
    form: &IssueForm,
    groups: &[(String, String)],
) -> Result<IssueInput, Vec<FieldError>> {
    let region_code = form.region.trim();
    let region = UnRegionalGroup::from_code(region_code);
    let input = IssueInput {
        issue: form.issue.clone(),
        description: form.description.clone(),
        stakeholder_group: form.stakeholder_group.trim().to_owned(),
        region: region.unwrap_or(UnRegionalGroup::None),
        name: form.name.trim().to_owned(),
        email: form.email.trim().to_owned(),
    };
    let mut errors = check_issue_input(&input);
    if !input.stakeholder_group.is_empty()
        && !groups
            .iter()
            .any(|(code, _)| *code == input.stakeholder_group)
    {
        errors.push(FieldError::new(
            "stakeholder_group",
            "unknown_group",
            format!(
                "{:?} is not a stakeholder group of this forum",
                input.stakeholder_group
            ),
        ));
    }
    if region.is_none() {
        let known: Vec<&str> = UnRegionalGroup::ALL.iter().map(|g| g.code()).collect();
        errors.push(FieldError::new(
            "region",
            if region_code.is_empty() {
                "required"
            } else {
                "unknown_region"
            },
            format!("choose a region: one of {}", known.join(", ")),
        ));
    }
    if input.name.chars().count() > MAX_SHORT {
        errors.push(FieldError::new(
            "name",
            "too_long",
            format!("at most {MAX_SHORT} characters"),
        ));
    }
    if !input.email.is_empty()
        && let Err(err) = Email::parse(&input.email)
    {
        errors.push(err);
    }
    if errors.is_empty() {
        Ok(input)
    } else {
        Err(errors)
    }
}

/// Why the call does not take input at `now`, with the relevant date in the venue's time
/// zone and in UTC.
fn window_refusal(cycle: &Cycle, now: Timestamp) -> Option<ActionError> {
    let dates = &cycle.setup.dates;
    if dates.issues_open_at(now) {
        return None;
    }
    let shown = |t: Timestamp| {
        format!(
            "{} ({})",
            display_in_zone(t, &cycle.setup.venue_time_zone),
            t.to_display_utc()
        )
    };
    Some(if now < dates.issues_open {
        ActionError::Rule {
            code: "call_not_open",
            message: format!(
                "the call for issues of {} opens on {}",
                cycle.year,
                shown(dates.issues_open)
            ),
        }
    } else {
        ActionError::Rule {
            code: "call_closed",
            message: format!(
                "the call for issues of {} closed on {}",
                cycle.year,
                shown(dates.issues_close)
            ),
        }
    })
}

/// Sends one input to the forum's call for issues of `year`. Public: anyone, signed in or
/// not, while the call is open (`call_not_open` / `call_closed` otherwise, with the date).
pub async fn submit(
    app: &App,
    viewer: &Viewer,
    forum_slug: &str,
    year: i32,
    form: &IssueForm,
) -> Result<SubmitOutcome, ActionError> {
    let now = app.now();
    let mut tx = app.db().begin().await?;
    let (forum, principal) = forums::forum_and_principal(&mut tx, viewer, forum_slug).await?;
    authorize(&principal, Permission::Public)?;
    let cycle = cycles::load(&mut tx, &forum, year).await?;
    if let Some(refusal) = window_refusal(&cycle, now) {
        return Err(refusal);
    }
    let groups = group_names(&mut tx, &forum).await?;
    let input = match check_form(form, &groups) {
        Ok(input) => input,
        Err(errors) => return Ok(SubmitOutcome::Invalid(errors)),
    };
    let id = q::insert_issue_input(
        &mut tx,
        &NewIssueInput {
            cycle: cycle.id,
            issue: &input.issue,
            description: &input.description,
            stakeholder_group: &input.stakeholder_group,
            region: input.region.code(),
            name: &input.name,
            email: &input.email,
        },
        now,
    )
    .await?;
    audit::record(
        &mut tx,
        &viewer.actor(),
        AuditEntry {
            forum: Some(forum.id),
            action: "issue_input.submit",
            entity_type: "issue_input",
            entity_id: id.to_string(),
            before: None,
            // The sender's name and e-mail stay out of the trail as they stay off the pages.
            after: Some(
                json!({"year": year, "issue": input.issue, "stakeholder_group": input.stakeholder_group,
                       "region": input.region.code(), "contact_given": !input.email.is_empty() || !input.name.is_empty()})
                .to_string(),
            ),
        },
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(SubmitOutcome::Submitted(id))
}

/// One input as everyone sees it (no name, no e-mail).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PublicIssue {
    pub id: i64,
    pub issue: String,
    pub description: String,
    pub stakeholder_group: String,
    /// The group's name in the forum (the code if the group no longer exists).
    pub stakeholder_group_name: String,
    pub region: UnRegionalGroup,
    pub submitted_at: Timestamp,
}

/// How many inputs came from one stakeholder group.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GroupCount {
    pub code: String,
    pub name: String,
    pub count: u32,
}

/// The public full view of a call for issues.
#[derive(Debug, Clone)]
pub struct IssuesView {
    pub forum: Forum,
    pub cycle: Cycle,
    /// Whether input is accepted now.
    pub is_open: bool,
    /// Oldest first.
    pub issues: Vec<PublicIssue>,
    /// Every group of the forum in its order (zero counts included), then any other
    /// group found in the inputs.
    pub by_group: Vec<GroupCount>,
    /// Every UN regional group, in `UnRegionalGroup::ALL` order (zero counts included).
    pub by_region: Vec<(UnRegionalGroup, u32)>,
    pub total: u32,
    /// The forum's stakeholder groups (code, name), for the form.
    pub groups: Vec<(String, String)>,
    /// Whether the viewer may download the export with names and e-mail addresses.
    pub can_manage: bool,
}

fn count(n: i64) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// The forum's call for issues of `year` with every input and the counts. Public.
pub async fn full_view(
    app: &App,
    viewer: &Viewer,
    forum_slug: &str,
    year: i32,
) -> Result<IssuesView, ActionError> {
    let now = app.now();
    let mut tx = app.db().read().await?;
    let (forum, principal) = forums::forum_and_principal(&mut tx, viewer, forum_slug).await?;
    authorize(&principal, Permission::Public)?;
    let cycle = cycles::load(&mut tx, &forum, year).await?;
    let groups = group_names(&mut tx, &forum).await?;
    let rows = q::issue_inputs_of_cycle(&mut tx, cycle.id).await?;
    let group_counts = q::issue_counts_by_group(&mut tx, cycle.id).await?;
    let region_counts = q::issue_counts_by_region(&mut tx, cycle.id).await?;
    tx.commit().await?;
    let names: BTreeMap<&str, &str> = groups
        .iter()
        .map(|(code, name)| (code.as_str(), name.as_str()))
        .collect();
    let issues = rows
        .iter()
        .map(|r| PublicIssue {
            id: r.id,
            issue: r.issue.clone(),
            description: r.description.clone(),
            stakeholder_group: r.stakeholder_group.clone(),
            stakeholder_group_name: names
                .get(r.stakeholder_group.as_str())
                .map_or_else(|| r.stakeholder_group.clone(), |n| (*n).to_owned()),
            region: UnRegionalGroup::from_code(&r.region).unwrap_or(UnRegionalGroup::None),
            submitted_at: r.submitted_at,
        })
        .collect();
    let stored: BTreeMap<&str, i64> = group_counts
        .iter()
        .map(|(code, n)| (code.as_str(), *n))
        .collect();
    let mut by_group: Vec<GroupCount> = groups
        .iter()
        .map(|(code, name)| GroupCount {
            code: code.clone(),
            name: name.clone(),
            count: count(stored.get(code.as_str()).copied().unwrap_or(0)),
        })
        .collect();
    for (code, n) in &group_counts {
        if !names.contains_key(code.as_str()) {
            by_group.push(GroupCount {
                code: code.clone(),
                name: code.clone(),
                count: count(*n),
            });
        }
    }
    let by_region = UnRegionalGroup::ALL
        .iter()
        .map(|g| {
            let n: i64 = region_counts
                .iter()
                .filter(|(code, _)| {
                    UnRegionalGroup::from_code(code).unwrap_or(UnRegionalGroup::None) == *g
                })
                .map(|(_, n)| *n)
                .sum();
            (*g, count(n))
        })
        .collect();
    Ok(IssuesView {
        is_open: cycle.setup.dates.issues_open_at(now),
        total: count(i64::try_from(rows.len()).unwrap_or(i64::MAX)),
        issues,
        by_group,
        by_region,
        groups,
        can_manage: authorize(&principal, Permission::ManageCalls).is_ok(),
        forum,
        cycle,
    })
}

/// The columns of the public export; the private one adds `name,email`.
pub const EXPORT_COLUMNS: [&str; 6] = [
    "id",
    "issue",
    "description",
    "stakeholder_group",
    "region",
    "submitted_at",
];

fn write_csv(rows: &[IssueInputRow], privacy: Privacy) -> Result<String, ActionError> {
    let failed = |e: csv::Error| ActionError::Internal(anyhow::anyhow!("writing CSV: {e}"));
    let mut writer = csv::Writer::from_writer(Vec::new());
    let mut header: Vec<&str> = EXPORT_COLUMNS.to_vec();
    if privacy == Privacy::WithContacts {
        header.extend(["name", "email"]);
    }
    writer.write_record(&header).map_err(failed)?;
    for r in rows {
        let mut record = vec![
            r.id.to_string(),
            r.issue.clone(),
            r.description.clone(),
            r.stakeholder_group.clone(),
            r.region.clone(),
            r.submitted_at.to_rfc3339_seconds(),
        ];
        if privacy == Privacy::WithContacts {
            record.push(r.name.clone());
            record.push(r.email.clone());
        }
        writer.write_record(&record).map_err(failed)?;
    }
    let bytes = writer
        .into_inner()
        .map_err(|e| ActionError::Internal(anyhow::anyhow!("writing CSV: {e}")))?;
    String::from_utf8(bytes).map_err(|e| ActionError::Internal(anyhow::anyhow!("CSV: {e}")))
}

/// The inputs of a cycle, after `permission` is checked for a viewer (none: an operator).
async fn rows_for(
    app: &App,
    viewer: Option<&Viewer>,
    permission: Permission,
    forum_slug: &str,
    year: i32,
) -> Result<Vec<IssueInputRow>, ActionError> {
    let mut tx = app.db().read().await?;
    let (forum, principal) =
        forums::forum_and_principal(&mut tx, viewer.unwrap_or(&Viewer::anonymous()), forum_slug)
            .await?;
    if viewer.is_some() {
        authorize(&principal, permission)?;
    }
    let cycle = cycles::load(&mut tx, &forum, year).await?;
    let rows = q::issue_inputs_of_cycle(&mut tx, cycle.id).await?;
    tx.commit().await?;
    Ok(rows)
}

/// The inputs as CSV (`EXPORT_COLUMNS`), without names and e-mail addresses. Public.
pub async fn export_csv(
    app: &App,
    viewer: &Viewer,
    forum_slug: &str,
    year: i32,
) -> Result<String, ActionError> {
    let rows = rows_for(app, Some(viewer), Permission::Public, forum_slug, year).await?;
    write_csv(&rows, Privacy::Public)
}

/// The inputs as CSV with the senders' names and e-mail addresses. The secretariat.
pub async fn export_csv_private(
    app: &App,
    viewer: &Viewer,
    forum_slug: &str,
    year: i32,
) -> Result<String, ActionError> {
    let rows = rows_for(app, Some(viewer), Permission::ManageCalls, forum_slug, year).await?;
    write_csv(&rows, Privacy::WithContacts)
}

/// `export_csv` / `export_csv_private` for operators (CLI): nothing to authorise.
pub async fn export_csv_as_operator(
    app: &App,
    forum_slug: &str,
    year: i32,
    privacy: Privacy,
) -> Result<String, ActionError> {
    let rows = rows_for(app, None, Permission::Public, forum_slug, year).await?;
    write_csv(&rows, privacy)
}

/// Issues people raise under each IGF 2023 sub-theme (igf_themes_by_year.csv), with a
/// description to vary.
const DEMO_TOPICS: [(&str, &[(&str, &str)]); 8] = [
    (
        "AI & Emerging Technologies",
        &[
            (
                "Generative AI and the information ecosystem",
                "Synthetic text, images and voices are flooding platforms; we need shared provenance standards and media literacy.",
            ),
            (
                "Accountability for automated decisions",
                "People refused credit, benefits or jobs by algorithms rarely learn why or how to appeal.",
            ),
            (
                "AI governance that includes the Global South",
                "Most AI principles are written in a few capitals; developing countries are users, not rule-makers.",
            ),
            (
                "Open-source AI models and safety",
                "How to balance openness, innovation and misuse when model weights are released publicly.",
            ),
            (
                "Neurotechnology and mental privacy",
                "Consumer brain-computer interfaces collect data no current law protects.",
            ),
        ],
    ),
    (
        "Avoiding Internet Fragmentation",
        &[
            (
                "Internet shutdowns during elections",
                "Shutdowns cut people off from information and emergency services exactly when it matters most.",
            ),
            (
                "Data localisation and the global Internet",
                "Rules forcing data to stay in-country raise costs for small firms and split services.",
            ),
            (
                "Keeping the technical layer unified",
                "Political disputes should not reach the DNS, routing or IP address allocation.",
            ),
            (
                "Sanctions and access to Internet services",
                "Sanctions regimes cut ordinary users off from developer tools, app stores and cloud services.",
            ),
        ],
    ),
    (
        "Cybersecurity, Cybercrime & Online Safety",
        &[
            (
                "Protecting children online without mass surveillance",
                "Age checks and scanning proposals risk breaking encryption for everyone.",
            ),
            (
                "Ransomware attacks on hospitals and public services",
                "Small public bodies cannot afford incident response; how can regional cooperation help?",
            ),
            (
                "The UN cybercrime convention and human rights",
                "Broad offences and cross-border data access need strong safeguards.",
            ),
            (
                "Online gender-based violence",
                "Women journalists and politicians face coordinated harassment that platforms answer slowly.",
            ),
            (
                "Cyber hygiene for small businesses",
                "Most SMEs have no security staff; simple, local-language guidance is missing.",
            ),
        ],
    ),
    (
        "Data Governance & Trust",
        &[
            (
                "Cross-border data flows with trust",
                "Trade needs data to move; people need to know their rights travel with it.",
            ),
            (
                "Data protection laws in Africa: from text to enforcement",
                "Many countries adopted laws but their authorities lack staff and budget.",
            ),
            (
                "Health data sharing after the pandemic",
                "Research needs access; patients need consent and security they can rely on.",
            ),
            (
                "Community data and indigenous data sovereignty",
                "Communities want a say in how data about them is collected and used.",
            ),
        ],
    ),
    (
        "Digital Divides & Inclusion",
        &[
            (
                "Meaningful connectivity in rural areas",
                "Coverage maps say people are connected; affordability and skills say otherwise.",
            ),
            (
                "Accessibility of public digital services",
                "Persons with disabilities are locked out of e-government portals that ignore WCAG.",
            ),
            (
                "Local content and languages online",
                "Most of the web is in a handful of languages; local creators lack tools and revenue.",
            ),
            (
                "Community networks and spectrum policy",
                "Licensing rules make it hard for communities to build their own networks.",
            ),
            (
                "Digital skills for older people",
                "As banking and health move online, older people are left behind.",
            ),
        ],
    ),
    (
        "Global Digital Governance & Cooperation",
        &[
            (
                "The Global Digital Compact and the IGF",
                "How the Compact's follow-up can build on the IGF instead of duplicating it.",
            ),
            (
                "WSIS+20 review and the multistakeholder model",
                "The review should strengthen, not narrow, participation by all stakeholders.",
            ),
            (
                "Strengthening national and regional IGFs",
                "NRIs need funding and a clearer path for their messages to reach the global IGF.",
            ),
            (
                "Youth participation in Internet governance",
                "Young people are the largest group online but rarely in the room when decisions are made.",
            ),
        ],
    ),
    (
        "Human Rights & Freedoms",
        &[
            (
                "Freedom of expression and content moderation",
                "Platforms remove lawful speech in some languages and miss harmful speech in others.",
            ),
            (
                "Spyware and the protection of civil society",
                "Commercial spyware is used against journalists and activists with no accountability.",
            ),
            (
                "Encryption as a human-rights enabler",
                "Proposals to weaken encryption put at risk everyone who relies on private communication.",
            ),
            (
                "Digital identity systems and exclusion",
                "Mandatory digital IDs can shut out people without documents from basic services.",
            ),
        ],
    ),
    (
        "Sustainability & Environment",
        &[
            (
                "The carbon footprint of data centres and AI",
                "Training large models uses vast energy and water; disclosure is voluntary.",
            ),
            (
                "E-waste and the right to repair",
                "Devices are designed to be replaced; most e-waste ends up in the Global South.",
            ),
            (
                "Digital tools for climate adaptation",
                "Early-warning systems and open climate data can save lives if they reach communities.",
            ),
        ],
    ),
];

/// Where the demo's senders come from: (region code, weight in percent).
const DEMO_REGIONS: [(&str, u32); 6] = [
    ("weog", 29),
    ("african", 26),
    ("asia_pacific", 21),
    ("grulac", 14),
    ("eastern_european", 8),
    ("none", 2),
];

/// The demo's stakeholder-group shares (percent); a group of the forum not listed here
/// gets 5.
const DEMO_GROUPS: [(&str, u32); 5] = [
    ("civil_society", 44),
    ("technical_community", 21),
    ("private_sector", 15),
    ("government", 12),
    ("intergovernmental", 8),
];

const DEMO_FIRST: [&str; 16] = [
    "Amara", "Luis", "Mei", "Tomás", "Zainab", "Olga", "Kwame", "Priya", "Jonas", "Fatima",
    "Diego", "Hana", "Nikolai", "Aisha", "Mateo", "Leila",
];
const DEMO_LAST: [&str; 16] = [
    "Okafor",
    "Ferreira",
    "Tanaka",
    "Novak",
    "Haddad",
    "Mensah",
    "Sharma",
    "Lindqvist",
    "Rojas",
    "Kowalski",
    "Nguyen",
    "Abebe",
    "Castillo",
    "Ivanova",
    "Bakr",
    "Moreau",
];

/// A small deterministic generator (a linear congruential generator; no randomness).
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u32 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        u32::try_from(self.0 >> 33).unwrap_or(0)
    }

    fn below(&mut self, n: usize) -> usize {
        usize::try_from(self.next()).unwrap_or(0) % n.max(1)
    }

    fn weighted<'a>(&mut self, table: &[(&'a str, u32)]) -> &'a str {
        let total: u32 = table.iter().map(|(_, w)| w).sum();
        let mut pick = self.next() % total.max(1);
        for (code, weight) in table {
            if pick < *weight {
                return code;
            }
            pick -= weight;
        }
        table.first().map_or("", |(code, _)| code)
    }
}

/// Stores `count` realistic, deterministic call-for-issues inputs in the forum's cycle of
/// `year` (issues around the 2023 sub-themes, plausible stakeholder-group and regional
/// shares, a third with a name and e-mail), spread over the call's window. For the demo
/// loader: one transaction, no window check, one audit event by `system:demo`. Returns
/// how many were stored.
pub async fn load_demo_inputs(
    app: &App,
    forum_slug: &str,
    year: i32,
    count: usize,
) -> Result<usize, ActionError> {
    let now = app.now();
    let mut tx = app.db().begin().await?;
    let (forum, _) = forums::forum_and_principal(&mut tx, &Viewer::anonymous(), forum_slug).await?;
    let cycle = cycles::load(&mut tx, &forum, year).await?;
    let groups = group_names(&mut tx, &forum).await?;
    let group_table: Vec<(&str, u32)> = groups
        .iter()
        .map(|(code, _)| {
            let weight = DEMO_GROUPS
                .iter()
                .find(|(c, _)| c == code)
                .map_or(5, |(_, w)| *w);
            (code.as_str(), weight)
        })
        .collect();
    let dates = &cycle.setup.dates;
    let window =
        (dates.issues_close.as_unix_seconds() - dates.issues_open.as_unix_seconds()).max(1);
    let mut rng = Lcg(u64::from(year.unsigned_abs()) * 7919 + 17);
    for index in 0..count {
        let (_, topics) = DEMO_TOPICS[rng.below(DEMO_TOPICS.len())];
        let (issue, description) = topics[rng.below(topics.len())];
        let group = rng.weighted(&group_table);
        let region = rng.weighted(&DEMO_REGIONS);
        let (name, email) = if rng.below(3) == 0 {
            let first = DEMO_FIRST[rng.below(DEMO_FIRST.len())];
            let last = DEMO_LAST[rng.below(DEMO_LAST.len())];
            (
                format!("{first} {last}"),
                format!(
                    "{}.{}.{index}@example.org",
                    first.to_lowercase(),
                    last.to_lowercase()
                )
                .replace('á', "a"),
            )
        } else {
            (String::new(), String::new())
        };
        // Inputs arrive over the whole window, more of them towards the deadline.
        let step = i64::try_from(index).unwrap_or(0);
        let n = i64::try_from(count).unwrap_or(1).max(1);
        let share = (step * step * 1000) / (n * n);
        let offset = window * share / 1000 + i64::from(rng.next() % 3600);
        let at = dates.issues_open.plus(Seconds(offset.min(window - 1)));
        q::insert_issue_input(
            &mut tx,
            &NewIssueInput {
                cycle: cycle.id,
                issue,
                description,
                stakeholder_group: group,
                region,
                name: &name,
                email: &email,
            },
            at,
        )
        .await?;
    }
    audit::record(
        &mut tx,
        &Actor::System("demo"),
        AuditEntry {
            forum: Some(forum.id),
            action: "issue_input.load_demo",
            entity_type: "cycle",
            entity_id: cycle.id.to_string(),
            before: None,
            after: Some(json!({"year": year, "inputs": count}).to_string()),
        },
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(count)
}
