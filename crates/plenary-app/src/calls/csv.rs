//! Session proposals as CSV: one row per person on a proposal, the proposal's own columns
//! repeated on each of its rows and keyed by `ref` (described in
//! `docs/proposals-csv.md`; example in `docs/examples/proposals/proposals.csv`).
//!
//! Main items: `ProposalRecord` (one proposal with its submitter, as exchanged),
//! `parse_proposals_csv` (all or nothing: every bad cell named by row and column),
//! `parse_proposals_csv_partial` (the good proposals and every bad row),
//! `export_proposals_csv` (the same format, so an export imports again unchanged),
//! `import_proposals_as_operator` (the CLI's `plenary import proposals`).
//! Invariants: a proposal whose rows disagree on a proposal column, or that lists the same
//! person twice in one role, is refused as a whole; text is kept as typed (never
//! interpreted as HTML); countries must be in the reference list, and each person's
//! region comes from it.

use std::collections::{BTreeMap, BTreeSet};

use plenary_domain::audit::Actor;
use plenary_domain::calls::{
    Confirmation, CycleSetup, PersonRole, ProposalDraft, ProposalPerson, ProposalStatus,
    check_proposal, is_code,
};
use plenary_domain::countries::{Country, UnRegionalGroup};

use crate::{ActionError, App};

/// Who submitted a proposal: the account it belongs to (by e-mail) and their details.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Submitter {
    pub email: String,
    pub name: String,
    pub organisation: String,
    pub stakeholder_group: String,
    /// ISO alpha-2, upper case.
    pub country_iso2: String,
}

/// One proposal as exchanged in CSV (and as the generator makes them).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProposalRecord {
    /// The file's key for the proposal (`ws-0001`); on export, the proposal's number.
    pub reference: String,
    pub submitter: Submitter,
    pub status: ProposalStatus,
    pub draft: ProposalDraft,
}

/// A proposal read from an import file.
pub type ImportedProposal = ProposalRecord;

/// One bad cell (or row) of an import file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowError {
    /// Row of the file as a spreadsheet numbers it (the header is row 1).
    pub row: u64,
    /// The column's header (`person_country`), or `row` for the row as a whole.
    pub column: String,
    /// The proposal's `ref` on that row (empty if unknown).
    pub reference: String,
    pub message: String,
}

impl std::fmt::Display for RowError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.reference.is_empty() {
            write!(
                f,
                "row {}, column {}: {}",
                self.row, self.column, self.message
            )
        } else {
            write!(
                f,
                "row {}, column {} (ref {}): {}",
                self.row, self.column, self.reference, self.message
            )
        }
    }
}

/// The proposal's own columns, repeated on every row of the proposal.
pub const PROPOSAL_COLUMNS: [&str; 20] = [
    "ref",
    "status",
    "session_type",
    "title",
    "issue_area",
    "format",
    "duration_min",
    "language",
    "description",
    "policy_questions",
    "interaction_plan",
    "online_plan",
    "expected_outcomes",
    "previous_reports",
    "messages_link",
    "submitter_email",
    "submitter_name",
    "submitter_organisation",
    "submitter_stakeholder_group",
    "submitter_country",
];

/// One person per row; a proposal without people has one row with these empty.
pub const PERSON_COLUMNS: [&str; 9] = [
    "person_role",
    "person_name",
    "person_email",
    "person_organisation",
    "person_stakeholder_group",
    "person_country",
    "person_gender",
    "person_onsite",
    "person_confirmation",
];

/// Every column, in the order the export writes them.
pub fn columns() -> Vec<&'static str> {
    PROPOSAL_COLUMNS
        .iter()
        .chain(PERSON_COLUMNS.iter())
        .copied()
        .collect()
}

/// Columns an import file must have (the others may be left out: empty).
const REQUIRED: [&str; 6] = [
    "ref",
    "session_type",
    "title",
    "submitter_email",
    "submitter_name",
    "person_role",
];

/// Writes `records` in the import format.
pub fn export_proposals_csv(records: &[ProposalRecord]) -> Result<String, ActionError> {
    let failed = |e: ::csv::Error| ActionError::Internal(anyhow::anyhow!("writing CSV: {e}"));
    let mut writer = ::csv::Writer::from_writer(Vec::new());
    writer.write_record(columns()).map_err(failed)?;
    for record in records {
        let d = &record.draft;
        let s = &record.submitter;
        let duration = if d.duration_min == 0 {
            String::new()
        } else {
            d.duration_min.to_string()
        };
        let own: [&str; 20] = [
            &record.reference,
            record.status.code(),
            &d.session_type,
            &d.title,
            &d.issue_area,
            &d.format,
            &duration,
            &d.language,
            &d.description,
            &d.policy_questions,
            &d.interaction_plan,
            &d.online_plan,
            &d.expected_outcomes,
            &d.previous_reports,
            &d.messages_link,
            &s.email,
            &s.name,
            &s.organisation,
            &s.stakeholder_group,
            &s.country_iso2,
        ];
        if d.people.is_empty() {
            let mut row: Vec<&str> = own.to_vec();
            row.extend([""; 9]);
            writer.write_record(&row).map_err(failed)?;
        }
        for p in &d.people {
            let mut row: Vec<&str> = own.to_vec();
            row.extend([
                p.role.code(),
                p.name.as_str(),
                p.email.as_str(),
                p.organisation.as_str(),
                p.stakeholder_group.as_str(),
                p.country_iso2.as_str(),
                p.gender.as_str(),
                if p.onsite { "onsite" } else { "online" },
                p.confirmation.code(),
            ]);
            writer.write_record(&row).map_err(failed)?;
        }
    }
    let bytes = writer
        .into_inner()
        .map_err(|e| ActionError::Internal(anyhow::anyhow!("writing CSV: {e}")))?;
    String::from_utf8(bytes).map_err(|e| ActionError::Internal(anyhow::anyhow!("CSV: {e}")))
}

/// Reads an import file: every proposal, or every problem (nothing is imported when any
/// row is bad).
pub fn parse_proposals_csv(
    text: &str,
    setup: &CycleSetup,
    countries: &[Country],
) -> Result<Vec<ImportedProposal>, Vec<RowError>> {
    let (good, errors) = parse_proposals_csv_partial(text, setup, countries);
    if errors.is_empty() {
        Ok(good)
    } else {
        Err(errors)
    }
}

/// One proposal's rows while they are read.
struct Pending {
    first_line: u64,
    own: Vec<String>,
    own_lines: Vec<u64>,
    people: Vec<(u64, ProposalPerson)>,
    bad: bool,
}

/// Reads an import file, keeping the proposals whose rows are all good; returns them in
/// file order with every problem found (of the refused proposals and of the file).
pub fn parse_proposals_csv_partial(
    text: &str,
    setup: &CycleSetup,
    countries: &[Country],
) -> (Vec<ImportedProposal>, Vec<RowError>) {
    let mut errors = Vec::new();
    let err = |line: u64, column: &str, reference: &str, message: String| RowError {
        row: line,
        column: column.to_owned(),
        reference: reference.to_owned(),
        message,
    };
    let mut reader = ::csv::ReaderBuilder::new()
        .trim(::csv::Trim::All)
        .flexible(false)
        .from_reader(text.as_bytes());
    let headers: Vec<String> = match reader.headers() {
        Ok(h) => h.iter().map(str::to_owned).collect(),
        Err(e) => {
            errors.push(err(1, "row", "", format!("cannot read the header: {e}")));
            return (Vec::new(), errors);
        }
    };
    let known = columns();
    for h in &headers {
        if !known.contains(&h.as_str()) {
            errors.push(err(1, h, "", format!("unknown column {h:?}")));
        }
    }
    for required in REQUIRED {
        if !headers.iter().any(|h| h == required) {
            errors.push(err(1, required, "", "this column is required".to_owned()));
        }
    }
    if !errors.is_empty() {
        return (Vec::new(), errors);
    }
    let index: BTreeMap<&str, usize> = headers
        .iter()
        .enumerate()
        .map(|(i, h)| (h.as_str(), i))
        .collect();
    let by_iso: BTreeMap<&str, &Country> = countries.iter().map(|c| (c.iso2.as_str(), c)).collect();

    let mut order: Vec<String> = Vec::new();
    let mut pending: BTreeMap<String, Pending> = BTreeMap::new();
    for (n, row) in reader.records().enumerate() {
        // Rows are counted as a spreadsheet shows them: the header is row 1 (a quoted cell
        // may span several lines of the file).
        let line = n as u64 + 2;
        let row = match row {
            Ok(r) => r,
            Err(e) => {
                errors.push(err(line, "row", "", format!("unreadable row: {e}")));
                continue;
            }
        };
        let cell = |name: &str| -> String {
            index
                .get(name)
                .and_then(|i| row.get(*i))
                .unwrap_or("")
                .to_owned()
        };
        let reference = cell("ref");
        if reference.is_empty() {
            errors.push(err(
                line,
                "ref",
                "",
                "every row needs the proposal's ref".to_owned(),
            ));
            continue;
        }
        let own: Vec<String> = PROPOSAL_COLUMNS.iter().map(|c| cell(c)).collect();
        let entry = pending.entry(reference.clone()).or_insert_with(|| {
            order.push(reference.clone());
            Pending {
                first_line: line,
                own: own.clone(),
                own_lines: vec![line; PROPOSAL_COLUMNS.len()],
                people: Vec::new(),
                bad: false,
            }
        });
        if entry.first_line != line {
            for (i, column) in PROPOSAL_COLUMNS.iter().enumerate() {
                // A later row may leave a proposal column empty; if it fills it, it must agree.
                if own[i].is_empty() {
                    continue;
                }
                if entry.own[i].is_empty() {
                    entry.own[i] = own[i].clone();
                    entry.own_lines[i] = line;
                } else if entry.own[i] != own[i] {
                    errors.push(err(
                        line,
                        column,
                        &reference,
                        format!(
                            "differs from row {} for the same proposal; repeat the proposal's columns unchanged (or leave them empty)",
                            entry.own_lines[i]
                        ),
                    ));
                    entry.bad = true;
                }
            }
        }
        let role = cell("person_role");
        if role.is_empty() {
            let others_given = PERSON_COLUMNS[1..].iter().any(|c| !cell(c).is_empty());
            if others_given {
                errors.push(err(
                    line,
                    "person_role",
                    &reference,
                    "a person needs a role: organiser, speaker, moderator, online_moderator or rapporteur".to_owned(),
                ));
                entry.bad = true;
            }
            continue;
        }
        let mut bad_person = false;
        let mut bad = |column: &str, message: String| {
            errors.push(err(line, column, &reference, message));
            bad_person = true;
        };
        let parsed_role = PersonRole::parse(&role)
            .map_err(|e| bad("person_role", e.problem))
            .ok();
        let confirmation_raw = cell("person_confirmation");
        let confirmation = if confirmation_raw.is_empty() {
            Some(Confirmation::Invited)
        } else {
            Confirmation::parse(&confirmation_raw)
                .map_err(|e| bad("person_confirmation", e.problem))
                .ok()
        };
        let onsite = match cell("person_onsite").to_lowercase().as_str() {
            "onsite" | "yes" | "true" | "1" => Some(true),
            "online" | "no" | "false" | "0" | "" => Some(false),
            other => {
                bad(
                    "person_onsite",
                    format!("{other:?} is not onsite or online"),
                );
                None
            }
        };
        let name = cell("person_name");
        if name.is_empty() {
            bad("person_name", "a person needs a name".to_owned());
        }
        let country_raw = cell("person_country").to_uppercase();
        let region = if country_raw.is_empty() {
            bad(
                "person_country",
                "a person needs a country (ISO alpha-2)".to_owned(),
            );
            None
        } else if let Some(c) = by_iso.get(country_raw.as_str()) {
            Some(c.un_regional_group)
        } else {
            bad(
                "person_country",
                format!("{country_raw:?} is not a known country code (ISO alpha-2, e.g. KE)"),
            );
            None
        };
        let group = cell("person_stakeholder_group");
        if !group.is_empty() && !is_code(&group) {
            bad(
                "person_stakeholder_group",
                format!("{group:?} is not a stakeholder-group code (e.g. civil_society)"),
            );
        }
        if let (Some(role), Some(confirmation), Some(onsite), Some(region), false) =
            (parsed_role, confirmation, onsite, region, bad_person)
        {
            let person = ProposalPerson {
                role,
                name,
                email: cell("person_email"),
                organisation: cell("person_organisation"),
                stakeholder_group: group,
                country_iso2: country_raw,
                region,
                gender: cell("person_gender"),
                onsite,
                confirmation,
            };
            if let Some((first, _)) = entry
                .people
                .iter()
                .find(|(_, p)| p.role == person.role && p.identity() == person.identity())
            {
                errors.push(err(
                    line,
                    if person.email.trim().is_empty() {
                        "person_name"
                    } else {
                        "person_email"
                    },
                    &reference,
                    format!(
                        "{} is listed twice as {} (also on row {first})",
                        person.name,
                        person.role.code().replace('_', " ")
                    ),
                ));
                entry.bad = true;
            } else {
                entry.people.push((line, person));
            }
        } else {
            entry.bad = true;
        }
    }

    let mut good = Vec::new();
    for reference in order {
        let Some(p) = pending.remove(&reference) else {
            continue;
        };
        let mut bad = p.bad;
        let own = |column: &str| -> (&str, u64) {
            let i = PROPOSAL_COLUMNS
                .iter()
                .position(|c| *c == column)
                .unwrap_or(0);
            (p.own[i].as_str(), p.own_lines[i])
        };
        let mut proposal_error = |column: &str, message: String| {
            let (_, line) = own(column);
            errors.push(err(line, column, &reference, message));
            bad = true;
        };
        let (status_raw, _) = own("status");
        let status = if status_raw.is_empty() {
            ProposalStatus::Draft
        } else {
            match ProposalStatus::parse(status_raw) {
                Ok(s) => s,
                Err(e) => {
                    proposal_error("status", e.problem);
                    ProposalStatus::Draft
                }
            }
        };
        let (kind, _) = own("session_type");
        if setup.session_type(kind).is_none() {
            let codes: Vec<&str> = setup
                .session_types
                .iter()
                .map(|t| t.code.as_str())
                .collect();
            proposal_error(
                "session_type",
                format!(
                    "{kind:?} is not a session type of this cycle; use one of {}",
                    codes.join(", ")
                ),
            );
        }
        let (duration_raw, _) = own("duration_min");
        let duration_min = if duration_raw.is_empty() {
            0
        } else {
            match duration_raw.parse::<u32>() {
                Ok(d) => d,
                Err(_) => {
                    proposal_error(
                        "duration_min",
                        format!("{duration_raw:?} is not a number of minutes"),
                    );
                    0
                }
            }
        };
        let (email, _) = own("submitter_email");
        if plenary_domain::accounts::Email::parse(email).is_err() {
            proposal_error(
                "submitter_email",
                format!("{email:?} is not an e-mail address"),
            );
        }
        let (submitter_name, _) = own("submitter_name");
        if submitter_name.is_empty() {
            proposal_error(
                "submitter_name",
                "the submitter's name is required".to_owned(),
            );
        }
        let (submitter_country, _) = own("submitter_country");
        let submitter_country = submitter_country.to_uppercase();
        if !submitter_country.is_empty() && !by_iso.contains_key(submitter_country.as_str()) {
            proposal_error(
                "submitter_country",
                format!("{submitter_country:?} is not a known country code (ISO alpha-2, e.g. KE)"),
            );
        }
        let (submitter_group, _) = own("submitter_stakeholder_group");
        if !submitter_group.is_empty() && !is_code(submitter_group) {
            proposal_error(
                "submitter_stakeholder_group",
                format!("{submitter_group:?} is not a stakeholder-group code (e.g. civil_society)"),
            );
        }
        let text = |column: &str| own(column).0.to_owned();
        let draft = ProposalDraft {
            session_type: text("session_type"),
            title: text("title"),
            issue_area: text("issue_area"),
            format: text("format"),
            duration_min,
            description: text("description"),
            policy_questions: text("policy_questions"),
            interaction_plan: text("interaction_plan"),
            online_plan: text("online_plan"),
            expected_outcomes: text("expected_outcomes"),
            previous_reports: text("previous_reports"),
            messages_link: text("messages_link"),
            language: text("language"),
            people: p.people.iter().map(|(_, person)| person.clone()).collect(),
        };
        let submitter = Submitter {
            email: text("submitter_email"),
            name: text("submitter_name"),
            organisation: text("submitter_organisation"),
            stakeholder_group: text("submitter_stakeholder_group"),
            country_iso2: submitter_country,
        };
        if setup.session_type(&draft.session_type).is_some() {
            // The domain's own checks (format, duration, issue area, lengths); a person
            // listed twice was reported above with its line.
            for e in check_proposal(setup, &draft) {
                if e.code == "listed_twice" {
                    continue;
                }
                let column = match e.field {
                    "people" => "person_name",
                    field => PROPOSAL_COLUMNS
                        .iter()
                        .find(|c| **c == field)
                        .copied()
                        .unwrap_or("row"),
                };
                let line = if column == "person_name" || column == "row" {
                    p.first_line
                } else {
                    own(column).1
                };
                errors.push(err(line, column, &reference, e.problem));
                bad = true;
            }
        }
        if !bad {
            good.push(ProposalRecord {
                reference,
                submitter,
                status,
                draft,
            });
        }
    }
    errors.sort_by(|a, b| (a.row, &a.column).cmp(&(b.row, &b.column)));
    (good, errors)
}

/// What an import did.
#[derive(Debug, Clone, Default)]
pub struct ImportReport {
    /// Proposals stored.
    pub imported: usize,
    /// Proposals refused (only with `partial`).
    pub refused: usize,
    /// Every bad row (with `partial`, those of the refused proposals).
    pub errors: Vec<RowError>,
}

/// Distinct references of the proposals in `errors`.
fn refused(errors: &[RowError]) -> usize {
    errors
        .iter()
        .map(|e| e.reference.as_str())
        .filter(|r| !r.is_empty())
        .collect::<BTreeSet<_>>()
        .len()
}

/// `plenary import proposals`: reads `text` against the forum's cycle of `year` and stores
/// the proposals in one transaction — all of them, or with `partial` the good ones
/// (the others are reported). With `submit`, every imported proposal is `submitted`
/// whatever its `status` column says. Submitters' accounts are found or created by e-mail
/// (without a password).
pub async fn import_proposals_as_operator(
    app: &App,
    actor: &Actor,
    forum_slug: &str,
    year: i32,
    text: &str,
    partial: bool,
    submit: bool,
) -> Result<ImportReport, ActionError> {
    let countries = crate::countries::reference_countries()?;
    let now = app.now();
    let mut tx = app.db().begin().await?;
    let (forum, _) = crate::forums::forum_and_principal(
        &mut tx,
        &crate::accounts::Viewer::anonymous(),
        forum_slug,
    )
    .await?;
    let cycle = super::cycles::load(&mut tx, &forum, year).await?;
    let (mut good, errors) = parse_proposals_csv_partial(text, &cycle.setup, &countries);
    if !errors.is_empty() && !partial {
        return Ok(ImportReport {
            imported: 0,
            refused: refused(&errors),
            errors,
        });
    }
    if submit {
        for record in &mut good {
            record.status = ProposalStatus::Submitted;
        }
    }
    let imported = super::generate::insert_generated(&mut tx, actor, cycle.id, &good, now).await?;
    tx.commit().await?;
    Ok(ImportReport {
        imported,
        refused: refused(&errors),
        errors,
    })
}

/// The region of a country code in `countries` (`None` group when unknown).
pub fn region_of(countries: &[Country], iso2: &str) -> UnRegionalGroup {
    countries
        .iter()
        .find(|c| c.iso2.eq_ignore_ascii_case(iso2))
        .map_or(UnRegionalGroup::None, |c| c.un_regional_group)
}

/// `plenary export proposals`: every proposal of the cycle in the import format.
pub async fn export_proposals_as_operator(
    app: &App,
    forum_slug: &str,
    year: i32,
) -> Result<String, ActionError> {
    let mut tx = app.db().read().await?;
    let (forum, _) = crate::forums::forum_and_principal(
        &mut tx,
        &crate::accounts::Viewer::anonymous(),
        forum_slug,
    )
    .await?;
    let cycle = super::cycles::load(&mut tx, &forum, year).await?;
    let text = export_cycle(&mut tx, cycle.id).await?;
    tx.commit().await?;
    Ok(text)
}

/// Every proposal of the cycle `cycle_id` (every status, by number) in the import format.
pub(crate) async fn export_cycle(
    tx: &mut plenary_db::Tx,
    cycle_id: i64,
) -> Result<String, ActionError> {
    use plenary_db::calls::proposals as pq;
    let regions = super::proposals::country_regions(tx).await?;
    let rows = pq::proposals_with_people(tx, cycle_id, "").await?;
    let mut records = Vec::with_capacity(rows.len());
    for row in rows {
        let status = ProposalStatus::parse(&row.status)?;
        let draft = super::proposals::stored_draft(&row, &regions)?;
        let c = &row.content;
        records.push(ProposalRecord {
            reference: row.number.to_string(),
            submitter: Submitter {
                email: row.submitter_email.clone(),
                name: row.submitter_name.clone(),
                organisation: c.submitter_organisation.clone(),
                stakeholder_group: c.submitter_stakeholder_group.clone(),
                country_iso2: c.submitter_country_iso2.clone(),
            },
            status,
            draft,
        });
    }
    export_proposals_csv(&records)
}

#[cfg(test)]
mod tests;
