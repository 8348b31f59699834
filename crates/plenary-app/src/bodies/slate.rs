//! Slate proposals from CSV rosters: which nominees should fill a body's open regular seats.
//!
//! Main item: `propose_slate(constitution, members_csv, nominees_csv, seats)` reads the
//! continuing members and the nominee pool (`parse_members`, `parse_nominees`), merges
//! duplicate nominations, turns the constitution's balance rules into a
//! `plenary_solver::SlateProblem` (`slate_quotas`), solves it and returns a `SlateReport`:
//! the chosen nominees, the body's composition after appointment, the composition check,
//! the solver's explanation, or, when no slate fits the rules, the reasons and the smallest
//! relaxation (`SlateOutcome::Infeasible`, an explained result, not an error).
//!
//! Invariants: only **regular** seats are balanced (the domain's rule): ex officio, standing
//! host-country and observer members are listed and checked, but never counted in a quota.
//! Quotas are the constitution's counts for the whole body of regular seats after
//! appointment (`Constitution::quota_counts`), over the attribute keys `stakeholder_group`,
//! `region` (a `UnRegionalGroup::code`) and `gender` (lower case); preferences are soft
//! bonuses (`FIRST_TIME_BONUS`, `NEW_COUNTRY_BONUS`, `GENDER_PARITY_BONUS`,
//! `NEVER_REPRESENTED_BONUS`). Input errors are
//! `ActionError::Invalid` naming the file role, the line and the column. The result is a
//! proposal: `PROPOSAL_NOTICE` says so. No file I/O and no clock here: callers pass text.
//!
//! Neighbours: the optimiser is `plenary_solver::slate`; the rules and the composition check
//! are `plenary_domain::bodies`; the country → UN regional group table is
//! `crate::countries::reference_countries`; reading files and printing is `plenary-cli`.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

use plenary_domain::FieldError;
use plenary_domain::bodies::{
    Constitution, Dimension, MemberProfile, Others, QuotaKey, SeatKind, check_composition,
};
use plenary_domain::countries::UnRegionalGroup;
use plenary_solver::slate as solver;

use crate::ActionError;
use crate::countries::reference_countries;

/// Printed with every proposal: the solver advises, people decide.
pub const PROPOSAL_NOTICE: &str = "This is a proposal; the appointing authority decides.";

/// The bonus a first-time nominee adds to the slate's total.
pub const FIRST_TIME_BONUS: f64 = 5.0;

/// The bonus a nominee from a country no continuing member comes from adds to the total.
pub const NEW_COUNTRY_BONUS: f64 = 8.0;

/// The bonus of a nominee of the gender (woman or man) with fewer continuing regular members:
/// gender parity as a soft preference, beside the constitution's hard gender caps.
pub const GENDER_PARITY_BONUS: f64 = 3.0;

/// The further bonus, when the members CSV carries the body's history (`former` rows), of a
/// nominee from a country no member, continuing or former, has ever come from.
pub const NEVER_REPRESENTED_BONUS: f64 = 4.0;

/// A continuing member, as read from the members CSV.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RosterMember {
    pub id: String,
    pub name: String,
    /// The forum's group code, lower case (`civil_society`).
    pub stakeholder_group: String,
    /// ISO alpha-2, upper case; empty only for a member without a regular seat.
    pub country: String,
    pub region: UnRegionalGroup,
    /// Lower case as stated (`woman`, `man`, `non-binary`); empty if not stated.
    pub gender: String,
    pub seat: RosterSeat,
    /// The CSV line the member was read from.
    pub line: u64,
}

/// The `seat` column of the members CSV.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RosterSeat {
    Regular,
    ExOfficio,
    StandingHostCountry,
    Observer,
    /// Not a member: a regular seat left by a resignation during the past cycle, which the
    /// slate must refill from the row's stakeholder group (the domain's
    /// `replacement_requirement`). Only the stakeholder group column counts.
    Vacancy,
    /// Not a member: someone who held a regular seat in an earlier cycle. Only the country
    /// counts: with such rows the slate knows the body's history and prefers nominees from
    /// countries never represented on it (`NEVER_REPRESENTED_BONUS`).
    Former,
}

/// A nominee, as read from the nominees CSV (after merging duplicate nominations).
#[derive(Debug, Clone, PartialEq)]
pub struct SlateNominee {
    pub id: String,
    pub name: String,
    pub stakeholder_group: String,
    pub country: String,
    pub region: UnRegionalGroup,
    pub gender: String,
    /// The secretariat's merit score, 0–100.
    pub score: f64,
    pub first_time: bool,
    /// Who nominated them (the `nominated_by` column, `;`-separated), in order, without repeats.
    pub nominated_by: Vec<String>,
    /// The CSV line of the nomination kept.
    pub line: u64,
}

/// Everything `propose_slate` found out.
#[derive(Debug, Clone, PartialEq)]
pub struct SlateReport {
    /// The constitution's name.
    pub body: String,
    pub seats: SeatCounts,
    /// Every continuing member, regular or not, in file order.
    pub members: Vec<RosterMember>,
    /// The nominee pool after merging duplicates, in file order.
    pub nominees: Vec<SlateNominee>,
    /// The hard rules the slate had to meet (whole body of regular seats).
    pub quotas: Vec<SlateQuota>,
    /// The soft bonuses, with how many nominees earn each.
    pub preferences: Vec<SlatePreference>,
    /// Things the reader should know about the input (merged duplicate nominations).
    pub notes: Vec<String>,
    pub outcome: SlateOutcome,
}

/// The seat arithmetic of the request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SeatCounts {
    /// The most regular seats the constitution provides.
    pub max_regular: u32,
    /// Continuing members holding regular seats.
    pub continuing_regular: u32,
    /// Continuing members holding ex officio, standing host-country or observer seats.
    pub continuing_other: u32,
    /// Regular seats to fill from the nominees.
    pub seats_to_fill: u32,
    /// Regular seats after appointment (`continuing_regular + seats_to_fill`); the quotas are
    /// taken of this number.
    pub regular_after: u32,
}

/// One hard rule given to the solver.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SlateQuota {
    pub label: String,
    pub min: Option<u32>,
    pub max: Option<u32>,
}

/// One soft rule given to the solver.
#[derive(Debug, Clone, PartialEq)]
pub struct SlatePreference {
    pub label: String,
    pub weight: f64,
    /// Nominees who would earn it.
    pub nominees: usize,
}

/// A slate, or why there is none.
#[derive(Debug, Clone, PartialEq)]
pub enum SlateOutcome {
    Proposed(SlateProposal),
    Infeasible(SlateInfeasibility),
}

/// The best slate under the rules, explained.
#[derive(Debug, Clone, PartialEq)]
pub struct SlateProposal {
    /// Chosen nominees, best score first.
    pub chosen: Vec<ChosenNominee>,
    /// Regular seats per stakeholder group, region and gender after appointment.
    pub composition: Vec<CompositionRow>,
    /// What `check_composition` says about the whole body after appointment (empty: none).
    pub deviations: Vec<String>,
    /// The solver's explanation, one sentence a line (nominees by id).
    pub explanation: Vec<String>,
    /// Quotas the slate meets exactly at a bound.
    pub binding: Vec<BindingRule>,
    /// Strong nominees left out, best first, and why.
    pub not_chosen: Vec<PassedOver>,
    /// `merit + bonus`.
    pub objective: f64,
    pub merit: f64,
    pub bonus: f64,
    pub proven_optimal: bool,
    pub gap: Option<f64>,
}

/// A chosen nominee and the bonuses they earned.
#[derive(Debug, Clone, PartialEq)]
pub struct ChosenNominee {
    pub nominee: SlateNominee,
    /// Labels of the preferences they earn.
    pub bonuses: Vec<String>,
}

/// Seats along one dimension for one key, after appointment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CompositionRow {
    pub dimension: Dimension,
    /// `civil_society`, `grulac`, `woman`.
    pub key: String,
    /// `civil society`, `Latin American and Caribbean Group (GRULAC)`, `woman`.
    pub label: String,
    pub continuing: u32,
    pub chosen: u32,
    pub total: u32,
    pub floor: Option<u32>,
    pub cap: Option<u32>,
}

/// A quota the slate meets exactly at one bound.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BindingRule {
    pub label: String,
    pub count: u32,
    pub min: Option<u32>,
    pub max: Option<u32>,
    pub at: QuotaSide,
}

/// Which bound of a quota.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QuotaSide {
    Min,
    Max,
}

/// A nominee scoring above the lowest chosen score who was left out.
#[derive(Debug, Clone, PartialEq)]
pub struct PassedOver {
    pub id: String,
    pub name: String,
    pub score: f64,
    /// Why, with the nominees they would displace named (`Ana Pereira (n012)`).
    pub reason: String,
}

/// Why no slate meets the rules, and the smallest change that would admit one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SlateInfeasibility {
    /// Plain-English reasons: counting arguments first, then the relaxation.
    pub reasons: Vec<String>,
    pub relaxations: Vec<SlateRelaxation>,
}

/// One bound to loosen by `by`; the label `seats to fill` with `Min` means filling fewer seats.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SlateRelaxation {
    pub label: String,
    pub side: QuotaSide,
    pub by: u32,
}

/// Proposes the best slate for `constitution` from two CSV texts: the continuing members
/// (`id,name,stakeholder_group,country,gender[,seat]`) and the nominees
/// (`id,name,stakeholder_group,country,gender,score[,first_time,nominated_by]`).
/// `seats` is the number of regular seats to fill; without it, every regular seat the
/// continuing members leave open.
///
/// Errors: `ActionError::Invalid` for bad CSV (the message names the file, line and column),
/// `ActionError::Rule` when the seat numbers do not fit the constitution. A request no slate
/// can satisfy is `Ok`, with `SlateOutcome::Infeasible`.
pub fn propose_slate(
    constitution: &Constitution,
    members_csv: &str,
    nominees_csv: &str,
    seats: Option<u32>,
) -> Result<SlateReport, ActionError> {
    let regions = region_table()?;
    let members = parse_members(constitution, &regions, members_csv)?;
    propose_slate_with_members(constitution, members, nominees_csv, seats)
}

/// Like `propose_slate`, with the continuing members already known (e.g. read from the
/// stored memberships by `bodies::roster::continuing_members`).
pub fn propose_slate_with_members(
    constitution: &Constitution,
    members: Vec<RosterMember>,
    nominees_csv: &str,
    seats: Option<u32>,
) -> Result<SlateReport, ActionError> {
    let regions = region_table()?;
    let (nominees, mut notes) = parse_nominees(constitution, &regions, nominees_csv)?;
    let (vacancies, members): (Vec<RosterMember>, Vec<RosterMember>) = members
        .into_iter()
        .partition(|member| member.seat == RosterSeat::Vacancy);
    let (former, members): (Vec<RosterMember>, Vec<RosterMember>) = members
        .into_iter()
        .partition(|member| member.seat == RosterSeat::Former);
    check_ids(&members, &nominees)?;
    let seat_counts = seat_counts(constitution, &members, seats)?;

    let regular: Vec<&RosterMember> = members
        .iter()
        .filter(|member| member.seat == RosterSeat::Regular)
        .collect();
    let mut genders: BTreeSet<String> = BTreeSet::new();
    for gender in regular
        .iter()
        .map(|member| &member.gender)
        .chain(nominees.iter().map(|nominee| &nominee.gender))
    {
        if !gender.is_empty() {
            genders.insert(gender.clone());
        }
    }
    let genders: Vec<String> = genders.into_iter().collect();
    let mut quotas = slate_quotas(constitution, seat_counts.regular_after, &genders);
    quotas.extend(refill_quotas(&regular, &vacancies, &mut notes));
    let represented: BTreeSet<&str> = members
        .iter()
        .map(|member| member.country.as_str())
        .filter(|country| !country.is_empty())
        .collect();
    let ever_represented: BTreeSet<&str> = represented
        .iter()
        .copied()
        .chain(former.iter().map(|member| member.country.as_str()))
        .filter(|country| !country.is_empty())
        .collect();
    let history = (!former.is_empty()).then_some(&ever_represented);
    let preferences = preferences(history.is_some(), parity_gender(&regular));
    let problem = solver::SlateProblem {
        seats_to_fill: seat_counts.seats_to_fill,
        continuing: regular.iter().map(|member| member_person(member)).collect(),
        nominees: nominees
            .iter()
            .map(|nominee| solver::Nominee {
                person: nominee_person(nominee, &represented, history),
                score: nominee.score,
            })
            .collect(),
        quotas,
        preferences,
        required: Vec::new(),
    };
    let outcome = solver::solve_slate(&problem).map_err(|err| ActionError::Rule {
        code: "slate_input",
        message: format!("the slate request is not valid: {err}"),
    })?;

    let outcome = match outcome {
        solver::SlateOutcome::Proposed(slate) => SlateOutcome::Proposed(describe_slate(
            constitution,
            &members,
            &nominees,
            &problem,
            &slate,
            &genders,
        )),
        solver::SlateOutcome::Infeasible(infeasibility) => {
            SlateOutcome::Infeasible(SlateInfeasibility {
                reasons: infeasibility.reasons,
                relaxations: infeasibility
                    .relaxations
                    .into_iter()
                    .map(|relaxation| SlateRelaxation {
                        label: relaxation.label,
                        side: side(relaxation.bound),
                        by: relaxation.by,
                    })
                    .collect(),
            })
        }
    };
    let preferences = problem
        .preferences
        .iter()
        .map(|preference| SlatePreference {
            label: preference.label.clone(),
            weight: preference.weight,
            nominees: problem
                .nominees
                .iter()
                .filter(|nominee| matches(&nominee.person, &preference.condition))
                .count(),
        })
        .collect();
    Ok(SlateReport {
        body: constitution.rules().name.clone(),
        seats: seat_counts,
        members,
        nominees,
        quotas: problem
            .quotas
            .iter()
            .map(|quota| SlateQuota {
                label: quota.label.clone(),
                min: quota.min,
                max: quota.max,
            })
            .collect(),
        preferences,
        notes,
        outcome,
    })
}

/// Reads the members CSV. Regular members need a stakeholder group the constitution seats and
/// a known country; other members need a stakeholder group, and a country is optional.
pub fn parse_members(
    constitution: &Constitution,
    regions: &BTreeMap<String, UnRegionalGroup>,
    text: &str,
) -> Result<Vec<RosterMember>, ActionError> {
    let table = CsvTable::read(
        MEMBERS,
        text,
        &["id", "name", "stakeholder_group", "country", "gender"],
    )?;
    let mut members = Vec::new();
    for row in &table.rows {
        let seat = match row.optional("seat") {
            None => RosterSeat::Regular,
            Some(raw) => parse_seat(raw).ok_or_else(|| {
                row.error(
                    "seat",
                    "bad_seat",
                    format!(
                        "{raw:?} is not a seat kind; use regular, ex_officio, standing_host_country, observer, vacancy or former"
                    ),
                )
            })?,
        };
        let id = row.required("id", "an id")?.to_owned();
        let name = row.required("name", "a name")?.to_owned();
        let stakeholder_group =
            normalise(row.required("stakeholder_group", "a stakeholder group")?);
        let (country, region) = if seat == RosterSeat::Regular {
            let country = row.required("country", "a country")?;
            let (country, region) = row.country(regions, country)?;
            row.check_seated(constitution, &stakeholder_group, region)?;
            (country, region)
        } else {
            match row.optional("country") {
                Some(country) => row.country(regions, country)?,
                None => (String::new(), UnRegionalGroup::None),
            }
        };
        members.push(RosterMember {
            id,
            name,
            stakeholder_group,
            country,
            region,
            gender: normalise(row.optional("gender").unwrap_or("")),
            seat,
            line: row.line,
        });
    }
    Ok(members)
}

/// Reads the nominees CSV and merges duplicate nominations (same id, or same name and
/// country): the higher score is kept, with every nominator; each merge is a note.
pub fn parse_nominees(
    constitution: &Constitution,
    regions: &BTreeMap<String, UnRegionalGroup>,
    text: &str,
) -> Result<(Vec<SlateNominee>, Vec<String>), ActionError> {
    let table = CsvTable::read(
        NOMINEES,
        text,
        &[
            "id",
            "name",
            "stakeholder_group",
            "country",
            "gender",
            "score",
        ],
    )?;
    let mut nominees: Vec<SlateNominee> = Vec::new();
    let mut notes = Vec::new();
    for row in &table.rows {
        let id = row.required("id", "an id")?.to_owned();
        let name = row.required("name", "a name")?.to_owned();
        let stakeholder_group =
            normalise(row.required("stakeholder_group", "a stakeholder group")?);
        let country = row.required("country", "a country")?;
        let (country, region) = row.country(regions, country)?;
        row.check_seated(constitution, &stakeholder_group, region)?;
        let raw_score = row.required("score", "a score")?;
        let score: f64 = raw_score.parse().map_err(|_| {
            row.error(
                "score",
                "bad_score",
                format!("{raw_score:?} is not a number"),
            )
        })?;
        if !(0.0..=100.0).contains(&score) {
            return Err(row.error(
                "score",
                "bad_score",
                format!("the score {raw_score} is outside 0 to 100"),
            ));
        }
        let first_time = match row.optional("first_time") {
            None => true,
            Some(raw) => parse_flag(raw).ok_or_else(|| {
                row.error(
                    "first_time",
                    "bad_flag",
                    format!("{raw:?} is not true or false"),
                )
            })?,
        };
        let nominated_by = row
            .optional("nominated_by")
            .unwrap_or("")
            .split(';')
            .map(str::trim)
            .filter(|nominator| !nominator.is_empty())
            .map(str::to_owned)
            .collect();
        let nominee = SlateNominee {
            id,
            name,
            stakeholder_group,
            country,
            region,
            gender: normalise(row.optional("gender").unwrap_or("")),
            score,
            first_time,
            nominated_by,
            line: row.line,
        };
        let earlier = nominees.iter().position(|other| {
            other.id == nominee.id
                || (name_key(&other.name) == name_key(&nominee.name)
                    && other.country == nominee.country)
        });
        match earlier {
            Some(idx) => {
                let (merged, note) = merge(&nominees[idx], nominee);
                nominees[idx] = merged;
                notes.push(note);
            }
            None => nominees.push(nominee),
        }
    }
    Ok((nominees, notes))
}

/// The solver's hard rules for a body of `regular_seats` regular seats: one quota per
/// stakeholder group, UN regional group and gender quota of the constitution, and, when the
/// constitution caps every gender, one cap per gender in `genders` (lower case).
pub fn slate_quotas(
    constitution: &Constitution,
    regular_seats: u32,
    genders: &[String],
) -> Vec<solver::Quota> {
    let counts = constitution.quota_counts(regular_seats);
    let mut quotas = Vec::new();
    for count in &counts.stakeholder_groups {
        quotas.push(solver::Quota {
            label: format!("Stakeholder group: {}", count.key.label()),
            condition: vec![pair(STAKEHOLDER_GROUP, &normalise(&count.key))],
            min: count.floor,
            max: count.cap,
        });
    }
    for count in &counts.regions {
        quotas.push(solver::Quota {
            label: format!("Region: {}", count.key.label()),
            condition: vec![pair(REGION, count.key.code())],
            min: count.floor,
            max: count.cap,
        });
    }
    for count in &counts.gender {
        quotas.push(solver::Quota {
            label: format!("Gender: {}", count.key.label()),
            condition: vec![pair(GENDER, &normalise(&count.key))],
            min: count.floor,
            max: count.cap,
        });
    }
    if let (Some(cap), Some(percent)) = (
        counts.max_seats_any_gender,
        constitution.rules().gender.max_share_any_gender,
    ) {
        for gender in genders {
            quotas.push(solver::Quota {
                label: format!("Gender: {gender} (no gender above {percent} %)"),
                condition: vec![pair(GENDER, gender)],
                min: None,
                max: Some(cap),
            });
        }
    }
    quotas
}

/// One hard floor per stakeholder group that lost members by resignation: the slate refills
/// those seats from the same group, so the body after appointment holds at least the group's
/// continuing members plus its vacancies (each vacancy is also a note).
fn refill_quotas(
    regular: &[&RosterMember],
    vacancies: &[RosterMember],
    notes: &mut Vec<String>,
) -> Vec<solver::Quota> {
    let mut per_group: BTreeMap<&str, u32> = BTreeMap::new();
    for vacancy in vacancies {
        *per_group
            .entry(vacancy.stakeholder_group.as_str())
            .or_default() += 1;
        notes.push(format!(
            "{}: a seat vacated by resignation, refilled at the end of the cycle from {}",
            vacancy.name,
            vacancy.stakeholder_group.replace('_', " ")
        ));
    }
    per_group
        .into_iter()
        .map(|(group, vacant)| {
            let continuing = count(
                regular
                    .iter()
                    .filter(|member| member.stakeholder_group == group),
            );
            solver::Quota {
                label: format!(
                    "Refill of {vacant} resigned seat{}: {}",
                    if vacant == 1 { "" } else { "s" },
                    group.replace('_', " ")
                ),
                condition: vec![pair(STAKEHOLDER_GROUP, group)],
                min: Some(continuing + vacant),
                max: None,
            }
        })
        .collect()
}

/// Country code (upper case) → UN regional group, from the shipped reference file.
pub fn region_table() -> Result<BTreeMap<String, UnRegionalGroup>, ActionError> {
    Ok(reference_countries()?
        .into_iter()
        .map(|country| (country.iso2, country.un_regional_group))
        .collect())
}

const MEMBERS: &str = "members";
const NOMINEES: &str = "nominees";
const STAKEHOLDER_GROUP: &str = "stakeholder_group";
const REGION: &str = "region";
const GENDER: &str = "gender";
const COUNTRY: &str = "country";
const FIRST_TIME: &str = "first_time";
const NEW_COUNTRY: &str = "country_not_represented";
const FIRST_TIME_LABEL: &str = "First-time member";
const NEW_COUNTRY_LABEL: &str = "Country not represented among continuing members";
const NEVER_REPRESENTED: &str = "country_never_represented";
const NEVER_REPRESENTED_LABEL: &str = "Country never represented on the body before";

/// A CSV file read into rows, with its header checked.
struct CsvTable {
    rows: Vec<CsvRow>,
}

/// One data line of a CSV file, by lower-case column name.
struct CsvRow {
    role: &'static str,
    line: u64,
    cells: BTreeMap<String, String>,
}

impl CsvTable {
    fn read(role: &'static str, text: &str, required: &[&str]) -> Result<CsvTable, ActionError> {
        let text = text.trim_start_matches('\u{feff}');
        let mut reader = csv::ReaderBuilder::new()
            .trim(csv::Trim::All)
            .flexible(true)
            .from_reader(text.as_bytes());
        let header: Vec<String> = reader
            .headers()
            .map_err(|err| csv_error(role, &err))?
            .iter()
            .map(normalise)
            .collect();
        let missing: Vec<&str> = required
            .iter()
            .copied()
            .filter(|column| !header.iter().any(|name| name == column))
            .collect();
        if !missing.is_empty() {
            return Err(FieldError::new(
                role,
                "missing_column",
                format!(
                    "line 1: the header has no {} column{}; expected {}",
                    missing
                        .iter()
                        .map(|column| format!("{column:?}"))
                        .collect::<Vec<_>>()
                        .join(", "),
                    if missing.len() == 1 { "" } else { "s" },
                    required.join(",")
                ),
            )
            .into());
        }
        let mut rows = Vec::new();
        for record in reader.records() {
            let record = record.map_err(|err| csv_error(role, &err))?;
            if record.iter().all(str::is_empty) {
                continue;
            }
            let line = record.position().map_or(0, csv::Position::line);
            let cells = header
                .iter()
                .zip(record.iter())
                .map(|(name, value)| (name.clone(), value.to_owned()))
                .collect();
            rows.push(CsvRow { role, line, cells });
        }
        Ok(CsvTable { rows })
    }
}

impl CsvRow {
    /// The cell, or an error saying what is missing (`a stakeholder group`).
    fn required(&self, column: &'static str, what: &str) -> Result<&str, ActionError> {
        self.optional(column)
            .ok_or_else(|| self.error(column, "missing_value", format!("{what} is missing")))
    }

    /// The cell, or `None` when the column is absent or the cell empty.
    fn optional(&self, column: &str) -> Option<&str> {
        self.cells
            .get(column)
            .map(String::as_str)
            .filter(|value| !value.is_empty())
    }

    fn error(&self, column: &str, code: &'static str, problem: impl fmt::Display) -> ActionError {
        FieldError::new(
            self.role,
            code,
            format!("line {}, column {column:?}: {problem}", self.line),
        )
        .into()
    }

    /// The upper-case country code and its UN regional group.
    fn country(
        &self,
        regions: &BTreeMap<String, UnRegionalGroup>,
        raw: &str,
    ) -> Result<(String, UnRegionalGroup), ActionError> {
        let code = raw.to_ascii_uppercase();
        match regions.get(&code) {
            Some(region) => Ok((code, *region)),
            None => Err(self.error(
                COUNTRY,
                "unknown_country",
                format!("{raw:?} is not an ISO 3166-1 alpha-2 country code Plenary knows"),
            )),
        }
    }

    /// Refuses a stakeholder group or region the constitution does not seat.
    fn check_seated(
        &self,
        constitution: &Constitution,
        group: &str,
        region: UnRegionalGroup,
    ) -> Result<(), ActionError> {
        let rules = constitution.rules();
        let groups = &rules.stakeholder_groups;
        let group_key = group.to_owned();
        if groups.others == Others::NotAllowed
            && !groups
                .quotas
                .iter()
                .any(|quota| quota.key.matches(&group_key))
        {
            let known: Vec<String> = groups
                .quotas
                .iter()
                .map(|quota| normalise(&quota.key))
                .collect();
            return Err(self.error(
                STAKEHOLDER_GROUP,
                "unknown_stakeholder_group",
                format!(
                    "{group:?} is not a stakeholder group of the {}; use one of {}",
                    rules.name,
                    known.join(", ")
                ),
            ));
        }
        if rules.regions.others == Others::NotAllowed
            && !rules.regions.quotas.iter().any(|quota| quota.key == region)
        {
            return Err(self.error(
                COUNTRY,
                "region_not_seated",
                format!(
                    "the country is in {}, which the {} does not seat",
                    region.label(),
                    rules.name
                ),
            ));
        }
        Ok(())
    }
}

fn csv_error(role: &'static str, err: &csv::Error) -> ActionError {
    let line = err.position().map_or(0, csv::Position::line);
    FieldError::new(role, "bad_csv", format!("line {line}: {err}")).into()
}

fn parse_seat(raw: &str) -> Option<RosterSeat> {
    match normalise(raw).replace(['-', ' '], "_").as_str() {
        "regular" => Some(RosterSeat::Regular),
        "ex_officio" => Some(RosterSeat::ExOfficio),
        "standing_host_country" | "standing" => Some(RosterSeat::StandingHostCountry),
        "observer" => Some(RosterSeat::Observer),
        "vacancy" => Some(RosterSeat::Vacancy),
        "former" => Some(RosterSeat::Former),
        _ => None,
    }
}

fn parse_flag(raw: &str) -> Option<bool> {
    match normalise(raw).as_str() {
        "true" | "yes" | "y" | "1" => Some(true),
        "false" | "no" | "n" | "0" => Some(false),
        _ => None,
    }
}

/// Trimmed and lower case: how codes and genders are compared.
fn normalise(raw: &str) -> String {
    raw.trim().to_lowercase()
}

/// A name for duplicate detection: lower case, single spaces.
fn name_key(name: &str) -> String {
    name.split_whitespace()
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
}

/// Merges a later nomination into an earlier one: the higher score wins (the earlier one on a
/// tie), the nominators of both are kept.
fn merge(earlier: &SlateNominee, later: SlateNominee) -> (SlateNominee, String) {
    let lines = (earlier.line, later.line);
    let ids = if earlier.id == later.id {
        format!("id {}", earlier.id)
    } else {
        format!("ids {} and {}", earlier.id, later.id)
    };
    let mut nominated_by = earlier.nominated_by.clone();
    for nominator in &later.nominated_by {
        if !nominated_by.contains(nominator) {
            nominated_by.push(nominator.clone());
        }
    }
    let mut kept = if later.score > earlier.score {
        later
    } else {
        earlier.clone()
    };
    kept.nominated_by = nominated_by;
    let by = if kept.nominated_by.is_empty() {
        String::new()
    } else {
        format!(", nominated by {}", kept.nominated_by.join("; "))
    };
    let note = format!(
        "{} ({}) was nominated twice (lines {} and {}, {ids}): merged into one nomination with the higher score {}{by}",
        kept.name,
        kept.country,
        lines.0,
        lines.1,
        score_text(kept.score)
    );
    (kept, note)
}

/// `82` or `82.5`.
fn score_text(score: f64) -> String {
    if score.fract() == 0.0 {
        format!("{score:.0}")
    } else {
        format!("{score}")
    }
}

/// Every id is unique across members and nominees (after merging).
fn check_ids(members: &[RosterMember], nominees: &[SlateNominee]) -> Result<(), ActionError> {
    let mut seen: BTreeMap<&str, u64> = BTreeMap::new();
    for member in members {
        if let Some(first) = seen.insert(member.id.as_str(), member.line) {
            return Err(FieldError::new(
                MEMBERS,
                "duplicate_id",
                format!(
                    "line {}, column \"id\": {:?} is already used on line {first}",
                    member.line, member.id
                ),
            )
            .into());
        }
    }
    for nominee in nominees {
        if let Some(line) = seen.get(nominee.id.as_str()) {
            return Err(FieldError::new(
                NOMINEES,
                "duplicate_id",
                format!(
                    "line {}, column \"id\": {:?} is a continuing member (members line {line})",
                    nominee.line, nominee.id
                ),
            )
            .into());
        }
    }
    Ok(())
}

fn seat_counts(
    constitution: &Constitution,
    members: &[RosterMember],
    seats: Option<u32>,
) -> Result<SeatCounts, ActionError> {
    let max_regular = constitution.seats_of(&SeatKind::Regular);
    let continuing_regular = count(members.iter().filter(|m| m.seat == RosterSeat::Regular));
    let continuing_other = count(members.iter().filter(|m| m.seat != RosterSeat::Regular));
    let open = max_regular.saturating_sub(continuing_regular);
    if continuing_regular > max_regular {
        return Err(ActionError::Rule {
            code: "too_many_members",
            message: format!(
                "{continuing_regular} continuing members hold regular seats but the {} has at most {max_regular}",
                constitution.rules().name
            ),
        });
    }
    let seats_to_fill = match seats {
        Some(0) => {
            return Err(ActionError::Rule {
                code: "no_seats",
                message: "a slate must fill at least one seat".to_owned(),
            });
        }
        Some(seats) if seats > open => {
            return Err(ActionError::Rule {
                code: "too_many_seats",
                message: format!(
                    "{seats} seats asked for, but {continuing_regular} of the {max_regular} regular seats are held by continuing members, leaving {open}"
                ),
            });
        }
        Some(seats) => seats,
        None if open == 0 => {
            return Err(ActionError::Rule {
                code: "no_open_seats",
                message: format!(
                    "continuing members hold all {max_regular} regular seats; no seat is open"
                ),
            });
        }
        None => open,
    };
    Ok(SeatCounts {
        max_regular,
        continuing_regular,
        continuing_other,
        seats_to_fill,
        regular_after: continuing_regular + seats_to_fill,
    })
}

/// Of women and men, the one with fewer continuing regular members (`None` when equal).
fn parity_gender(regular: &[&RosterMember]) -> Option<&'static str> {
    let women = regular.iter().filter(|m| m.gender == "woman").count();
    let men = regular.iter().filter(|m| m.gender == "man").count();
    match women.cmp(&men) {
        std::cmp::Ordering::Less => Some("woman"),
        std::cmp::Ordering::Greater => Some("man"),
        std::cmp::Ordering::Equal => None,
    }
}

fn preferences(history_known: bool, parity: Option<&str>) -> Vec<solver::Preference> {
    let mut preferences = vec![
        solver::Preference {
            label: FIRST_TIME_LABEL.to_owned(),
            condition: vec![pair(FIRST_TIME, "true")],
            weight: FIRST_TIME_BONUS,
        },
        solver::Preference {
            label: NEW_COUNTRY_LABEL.to_owned(),
            condition: vec![pair(NEW_COUNTRY, "true")],
            weight: NEW_COUNTRY_BONUS,
        },
    ];
    if let Some(gender) = parity {
        preferences.push(solver::Preference {
            label: format!("Gender parity: {gender} (fewer among continuing members)"),
            condition: vec![pair(GENDER, gender)],
            weight: GENDER_PARITY_BONUS,
        });
    }
    if history_known {
        preferences.push(solver::Preference {
            label: NEVER_REPRESENTED_LABEL.to_owned(),
            condition: vec![pair(NEVER_REPRESENTED, "true")],
            weight: NEVER_REPRESENTED_BONUS,
        });
    }
    preferences
}

fn member_person(member: &RosterMember) -> solver::Person {
    solver::Person {
        id: member.id.clone(),
        attributes: BTreeMap::from([
            (
                STAKEHOLDER_GROUP.to_owned(),
                member.stakeholder_group.clone(),
            ),
            (REGION.to_owned(), member.region.code().to_owned()),
            (GENDER.to_owned(), member.gender.clone()),
            (COUNTRY.to_owned(), member.country.clone()),
        ]),
    }
}

fn nominee_person(
    nominee: &SlateNominee,
    represented: &BTreeSet<&str>,
    ever_represented: Option<&BTreeSet<&str>>,
) -> solver::Person {
    let new_country = !represented.contains(nominee.country.as_str());
    let never = ever_represented.is_some_and(|ever| !ever.contains(nominee.country.as_str()));
    solver::Person {
        id: nominee.id.clone(),
        attributes: BTreeMap::from([
            (
                STAKEHOLDER_GROUP.to_owned(),
                nominee.stakeholder_group.clone(),
            ),
            (REGION.to_owned(), nominee.region.code().to_owned()),
            (GENDER.to_owned(), nominee.gender.clone()),
            (COUNTRY.to_owned(), nominee.country.clone()),
            (FIRST_TIME.to_owned(), nominee.first_time.to_string()),
            (NEW_COUNTRY.to_owned(), new_country.to_string()),
            (NEVER_REPRESENTED.to_owned(), never.to_string()),
        ]),
    }
}

fn pair(key: &str, value: &str) -> (String, String) {
    (key.to_owned(), value.to_owned())
}

fn matches(person: &solver::Person, condition: &[(String, String)]) -> bool {
    condition
        .iter()
        .all(|(key, value)| person.attributes.get(key) == Some(value))
}

fn side(bound: solver::Bound) -> QuotaSide {
    match bound {
        solver::Bound::Min => QuotaSide::Min,
        solver::Bound::Max => QuotaSide::Max,
    }
}

fn count<T>(items: impl Iterator<Item = T>) -> u32 {
    u32::try_from(items.count()).unwrap_or(u32::MAX)
}

fn describe_slate(
    constitution: &Constitution,
    members: &[RosterMember],
    nominees: &[SlateNominee],
    problem: &solver::SlateProblem,
    slate: &solver::Slate,
    genders: &[String],
) -> SlateProposal {
    let mut chosen: Vec<ChosenNominee> = slate
        .chosen
        .iter()
        .filter_map(|&idx| {
            let nominee = nominees.get(idx)?;
            let person = &problem.nominees.get(idx)?.person;
            let bonuses = problem
                .preferences
                .iter()
                .filter(|preference| matches(person, &preference.condition))
                .map(|preference| preference.label.clone())
                .collect();
            Some(ChosenNominee {
                nominee: nominee.clone(),
                bonuses,
            })
        })
        .collect();
    chosen.sort_by(|a, b| b.nominee.score.total_cmp(&a.nominee.score));

    let names: BTreeMap<&str, &str> = nominees
        .iter()
        .map(|nominee| (nominee.id.as_str(), nominee.name.as_str()))
        .collect();
    let not_chosen = slate
        .explanation
        .not_chosen
        .iter()
        .filter_map(|left_out| {
            let nominee = nominees.get(left_out.nominee)?;
            Some(PassedOver {
                id: nominee.id.clone(),
                name: nominee.name.clone(),
                score: left_out.score,
                reason: name_displaced(&left_out.reason, &names),
            })
        })
        .collect();

    let mut profiles: Vec<MemberProfile> = Vec::new();
    let mut ex_officio_left: Vec<(SeatKind, u32)> = constitution
        .rules()
        .seats
        .iter()
        .filter(|allocation| matches!(allocation.kind, SeatKind::ExOfficio(_)))
        .map(|allocation| (allocation.kind.clone(), allocation.seats))
        .collect();
    for member in members {
        profiles.push(MemberProfile {
            stakeholder_group: member.stakeholder_group.clone(),
            un_regional_group: member.region,
            gender: member.gender.clone(),
            seat: seat_kind(member.seat, &mut ex_officio_left),
        });
    }
    for chosen_nominee in &chosen {
        let nominee = &chosen_nominee.nominee;
        profiles.push(MemberProfile {
            stakeholder_group: nominee.stakeholder_group.clone(),
            un_regional_group: nominee.region,
            gender: nominee.gender.clone(),
            seat: SeatKind::Regular,
        });
    }
    let deviations = check_composition(constitution, &profiles)
        .iter()
        .map(ToString::to_string)
        .collect();

    SlateProposal {
        composition: composition(constitution, members, &chosen, problem, genders),
        chosen,
        deviations,
        explanation: slate.explanation.lines.clone(),
        binding: slate
            .explanation
            .binding
            .iter()
            .map(|binding| BindingRule {
                label: binding.label.clone(),
                count: binding.count,
                min: binding.min,
                max: binding.max,
                at: side(binding.at),
            })
            .collect(),
        not_chosen,
        objective: slate.objective,
        merit: slate.merit,
        bonus: slate.bonus,
        proven_optimal: slate.optimality.proven_optimal,
        gap: slate.optimality.gap,
    }
}

/// The seat kind for the composition check. Ex officio members take the constitution's ex
/// officio seats in the order it lists them; any beyond those hold an unnamed position, which
/// the check then reports as overfilled.
fn seat_kind(seat: RosterSeat, ex_officio_left: &mut [(SeatKind, u32)]) -> SeatKind {
    match seat {
        // Vacancies and former members are split off before any seat is checked; a regular
        // seat is what they were.
        RosterSeat::Regular | RosterSeat::Vacancy | RosterSeat::Former => SeatKind::Regular,
        RosterSeat::StandingHostCountry => SeatKind::StandingHostCountry,
        RosterSeat::Observer => SeatKind::Observer,
        RosterSeat::ExOfficio => match ex_officio_left.iter_mut().find(|(_, left)| *left > 0) {
            Some((kind, left)) => {
                *left -= 1;
                kind.clone()
            }
            None => SeatKind::ExOfficio(plenary_domain::bodies::ExOfficioRole::Other(
                "unnamed position".to_owned(),
            )),
        },
    }
}

/// Rewrites "(they would displace n1, n2)" as "(they would displace Ana (n1), Ben (n2))".
fn name_displaced(reason: &str, names: &BTreeMap<&str, &str>) -> String {
    const MARKER: &str = "would displace ";
    let Some(start) = reason.find(MARKER).map(|at| at + MARKER.len()) else {
        return reason.to_owned();
    };
    let end = reason[start..]
        .find(')')
        .map_or(reason.len(), |at| start + at);
    let named: Vec<String> = reason[start..end]
        .split(", ")
        .map(|id| match names.get(id) {
            Some(name) => format!("{name} ({id})"),
            None => id.to_owned(),
        })
        .collect();
    format!("{}{}{}", &reason[..start], named.join(", "), &reason[end..])
}

/// Regular seats per key after appointment, with the floor and cap that apply.
fn composition(
    constitution: &Constitution,
    members: &[RosterMember],
    chosen: &[ChosenNominee],
    problem: &solver::SlateProblem,
    genders: &[String],
) -> Vec<CompositionRow> {
    let counts = constitution.quota_counts(
        problem.seats_to_fill + count(members.iter().filter(|m| m.seat == RosterSeat::Regular)),
    );
    let regular: Vec<&RosterMember> = members
        .iter()
        .filter(|member| member.seat == RosterSeat::Regular)
        .collect();
    let mut rows = Vec::new();

    let mut group_keys: Vec<(String, String, Option<u32>, Option<u32>)> = counts
        .stakeholder_groups
        .iter()
        .map(|c| (normalise(&c.key), c.key.label(), c.floor, c.cap))
        .collect();
    let observed: BTreeSet<&str> = regular
        .iter()
        .map(|m| m.stakeholder_group.as_str())
        .chain(chosen.iter().map(|c| c.nominee.stakeholder_group.as_str()))
        .collect();
    for group in observed {
        if !group_keys.iter().any(|(key, ..)| key == group) {
            group_keys.push((group.to_owned(), group.to_owned().label(), None, None));
        }
    }
    for (key, label, floor, cap) in group_keys {
        let continuing = count(regular.iter().filter(|m| m.stakeholder_group == key));
        let from_slate = count(chosen.iter().filter(|c| c.nominee.stakeholder_group == key));
        rows.push(CompositionRow {
            dimension: Dimension::StakeholderGroup,
            key,
            label,
            continuing,
            chosen: from_slate,
            total: continuing + from_slate,
            floor,
            cap,
        });
    }

    let mut region_keys: Vec<(UnRegionalGroup, Option<u32>, Option<u32>)> = counts
        .regions
        .iter()
        .map(|c| (c.key, c.floor, c.cap))
        .collect();
    for region in UnRegionalGroup::ALL {
        let present = regular.iter().any(|m| m.region == region)
            || chosen.iter().any(|c| c.nominee.region == region);
        if present && !region_keys.iter().any(|(key, ..)| *key == region) {
            region_keys.push((region, None, None));
        }
    }
    for (region, floor, cap) in region_keys {
        let continuing = count(regular.iter().filter(|m| m.region == region));
        let from_slate = count(chosen.iter().filter(|c| c.nominee.region == region));
        rows.push(CompositionRow {
            dimension: Dimension::Region,
            key: region.code().to_owned(),
            label: region.label(),
            continuing,
            chosen: from_slate,
            total: continuing + from_slate,
            floor,
            cap,
        });
    }

    let mut gender_keys: Vec<String> = counts.gender.iter().map(|c| normalise(&c.key)).collect();
    for gender in genders {
        let present = regular.iter().any(|m| &m.gender == gender)
            || chosen.iter().any(|c| &c.nominee.gender == gender);
        if present && !gender_keys.contains(gender) {
            gender_keys.push(gender.clone());
        }
    }
    for key in gender_keys {
        let quota = counts.gender.iter().find(|c| normalise(&c.key) == key);
        let cap = match (quota.and_then(|q| q.cap), counts.max_seats_any_gender) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        };
        let continuing = count(regular.iter().filter(|m| m.gender == key));
        let from_slate = count(chosen.iter().filter(|c| c.nominee.gender == key));
        rows.push(CompositionRow {
            dimension: Dimension::Gender,
            label: key.clone(),
            key,
            continuing,
            chosen: from_slate,
            total: continuing + from_slate,
            floor: quota.and_then(|q| q.floor),
            cap,
        });
    }
    rows
}

pub mod json;

#[cfg(test)]
mod tests;
