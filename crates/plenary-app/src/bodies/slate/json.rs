//! The slate report as one JSON object: what `plenary slate --json` prints, what a stored
//! slate run keeps (`bodies::runs`) and what the API returns.
//!
//! Main item: `report_json(report)`, a serialisable view whose field names and order are the
//! operator contract (`body`, `seats`, …, then `outcome` and that outcome's fields).
//! Invariants: nothing here computes; every value comes from the `SlateReport`.

use plenary_domain::bodies::Dimension;
use serde::Serialize;

use super::{PROPOSAL_NOTICE, QuotaSide, SlateNominee, SlateOutcome, SlateReport};

/// The report as one JSON object; the field names and their order are the operator contract.
pub fn report_json(report: &SlateReport) -> ReportJson<'_> {
    let seats = &report.seats;
    let outcome = match &report.outcome {
        SlateOutcome::Proposed(proposal) => OutcomeJson::Proposed {
            chosen: proposal
                .chosen
                .iter()
                .map(|chosen| nominee_json(&chosen.nominee, &chosen.bonuses))
                .collect(),
            composition: proposal
                .composition
                .iter()
                .map(|row| CompositionJson {
                    dimension: dimension_code(row.dimension),
                    key: &row.key,
                    label: &row.label,
                    continuing: row.continuing,
                    chosen: row.chosen,
                    total: row.total,
                    floor: row.floor,
                    cap: row.cap,
                })
                .collect(),
            deviations: &proposal.deviations,
            binding: proposal
                .binding
                .iter()
                .map(|binding| BindingJson {
                    label: &binding.label,
                    count: binding.count,
                    min: binding.min,
                    max: binding.max,
                    at: side_code(binding.at),
                })
                .collect(),
            not_chosen: proposal
                .not_chosen
                .iter()
                .map(|passed| NotChosenJson {
                    id: &passed.id,
                    name: &passed.name,
                    score: passed.score,
                    reason: &passed.reason,
                })
                .collect(),
            explanation: &proposal.explanation,
            objective: proposal.objective,
            merit: proposal.merit,
            bonus: proposal.bonus,
            proven_optimal: proposal.proven_optimal,
            gap: proposal.gap,
        },
        SlateOutcome::Infeasible(infeasible) => OutcomeJson::Infeasible {
            reasons: &infeasible.reasons,
            relaxations: infeasible
                .relaxations
                .iter()
                .map(|relaxation| RelaxationJson {
                    label: &relaxation.label,
                    bound: side_code(relaxation.side),
                    by: relaxation.by,
                })
                .collect(),
        },
    };
    ReportJson {
        body: &report.body,
        seats: SeatsJson {
            max_regular: seats.max_regular,
            continuing_regular: seats.continuing_regular,
            continuing_other: seats.continuing_other,
            seats_to_fill: seats.seats_to_fill,
            regular_after: seats.regular_after,
        },
        nominees_considered: report.nominees.len(),
        quotas: report
            .quotas
            .iter()
            .map(|quota| QuotaJson {
                label: &quota.label,
                min: quota.min,
                max: quota.max,
            })
            .collect(),
        preferences: report
            .preferences
            .iter()
            .map(|preference| PreferenceJson {
                label: &preference.label,
                weight: preference.weight,
                nominees: preference.nominees,
            })
            .collect(),
        notes: &report.notes,
        notice: PROPOSAL_NOTICE,
        outcome,
    }
}

fn nominee_json<'a>(nominee: &'a SlateNominee, bonuses: &'a [String]) -> ChosenJson<'a> {
    ChosenJson {
        id: &nominee.id,
        name: &nominee.name,
        stakeholder_group: &nominee.stakeholder_group,
        country: &nominee.country,
        region: nominee.region.code(),
        gender: &nominee.gender,
        score: nominee.score,
        first_time: nominee.first_time,
        nominated_by: &nominee.nominated_by,
        bonuses,
    }
}

pub fn dimension_code(dimension: Dimension) -> &'static str {
    match dimension {
        Dimension::StakeholderGroup => "stakeholder_group",
        Dimension::Region => "region",
        Dimension::Gender => "gender",
    }
}

pub fn side_code(side: QuotaSide) -> &'static str {
    match side {
        QuotaSide::Min => "min",
        QuotaSide::Max => "max",
    }
}

/// `--json`: the fields shared by both outcomes, then `outcome` and that outcome's fields.
#[derive(Debug, Serialize)]
pub struct ReportJson<'a> {
    body: &'a str,
    seats: SeatsJson,
    nominees_considered: usize,
    quotas: Vec<QuotaJson<'a>>,
    preferences: Vec<PreferenceJson<'a>>,
    notes: &'a [String],
    notice: &'static str,
    #[serde(flatten)]
    outcome: OutcomeJson<'a>,
}

#[derive(Debug, Serialize)]
struct SeatsJson {
    max_regular: u32,
    continuing_regular: u32,
    continuing_other: u32,
    seats_to_fill: u32,
    regular_after: u32,
}

#[derive(Debug, Serialize)]
struct QuotaJson<'a> {
    label: &'a str,
    min: Option<u32>,
    max: Option<u32>,
}

#[derive(Debug, Serialize)]
struct PreferenceJson<'a> {
    label: &'a str,
    weight: f64,
    nominees: usize,
}

/// `"outcome": "proposed"` or `"infeasible"`, followed by that outcome's fields.
#[derive(Debug, Serialize)]
#[serde(tag = "outcome", rename_all = "snake_case")]
enum OutcomeJson<'a> {
    Proposed {
        chosen: Vec<ChosenJson<'a>>,
        composition: Vec<CompositionJson<'a>>,
        deviations: &'a [String],
        binding: Vec<BindingJson<'a>>,
        not_chosen: Vec<NotChosenJson<'a>>,
        explanation: &'a [String],
        objective: f64,
        merit: f64,
        bonus: f64,
        proven_optimal: bool,
        gap: Option<f64>,
    },
    Infeasible {
        reasons: &'a [String],
        relaxations: Vec<RelaxationJson<'a>>,
    },
}

#[derive(Debug, Serialize)]
struct ChosenJson<'a> {
    id: &'a str,
    name: &'a str,
    stakeholder_group: &'a str,
    country: &'a str,
    region: &'static str,
    gender: &'a str,
    score: f64,
    first_time: bool,
    nominated_by: &'a [String],
    bonuses: &'a [String],
}

#[derive(Debug, Serialize)]
struct CompositionJson<'a> {
    dimension: &'static str,
    key: &'a str,
    label: &'a str,
    continuing: u32,
    chosen: u32,
    total: u32,
    floor: Option<u32>,
    cap: Option<u32>,
}

#[derive(Debug, Serialize)]
struct BindingJson<'a> {
    label: &'a str,
    count: u32,
    min: Option<u32>,
    max: Option<u32>,
    at: &'static str,
}

#[derive(Debug, Serialize)]
struct NotChosenJson<'a> {
    id: &'a str,
    name: &'a str,
    score: f64,
    reason: &'a str,
}

#[derive(Debug, Serialize)]
struct RelaxationJson<'a> {
    label: &'a str,
    bound: &'static str,
    by: u32,
}
