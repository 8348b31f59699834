//! Why no slate satisfies a request, and the smallest relaxation of its rules that would.
//!
//! Main item: `explain`. Cheap counting arguments come first (too few nominees, a quota
//! minimum no pool could reach, a maximum the continuing members already exceed), then the
//! least relaxation from `SlateModel::least_relaxation`: the fewest units of slack over all
//! quota bounds (and over the seat count when the pool is too small), merit breaking ties.
//!
//! Invariants: every sentence names the quota by its label and gives the numbers; each
//! non-zero slack becomes exactly one `Relaxation` and one "relax … from … to …" reason.
//!
//! Neighbours: `slate::explanation` explains feasible slates and reuses `describe_bound`.

use crate::slate::model::SlateModel;
use crate::slate::{Bound, Infeasibility, Relaxation, SlateError};

/// Label used in a `Relaxation` that fills fewer seats.
const SEATS_LABEL: &str = "seats to fill";

/// Explains a request for which `SlateModel::best_slate` found no slate.
pub(crate) fn explain(model: &SlateModel<'_>) -> Result<Infeasibility, SlateError> {
    let problem = model.problem;
    let seats = problem.seats_to_fill;
    let n_nominees = problem.nominees.len();
    let required = model.required();
    let mut reasons = Vec::new();

    if n_nominees < seats as usize {
        reasons.push(format!(
            "need {seats} new members but only {n_nominees} nominees"
        ));
    }
    if required.len() > seats as usize {
        reasons.push(format!(
            "{} nominees are required but only {seats} seats are open",
            required.len()
        ));
    }
    for (q, quota) in problem.quotas.iter().enumerate() {
        let continuing = model.quota_continuing[q];
        let pool = model.quota_pool[q];
        if let Some(min) = quota.min {
            if continuing + pool < min {
                reasons.push(format!(
                    "{} needs at least {min} but continuing members give {continuing} and only {pool} nominees match",
                    quota.label
                ));
            } else if continuing + seats.min(pool) < min {
                reasons.push(format!(
                    "{} needs at least {min} but continuing members give {continuing} and only {seats} seats are open",
                    quota.label
                ));
            }
        }
        if let Some(max) = quota.max
            && continuing > max
        {
            reasons.push(format!(
                "{} allows at most {max} but continuing members already give {continuing}",
                quota.label
            ));
        }
    }
    if reasons.is_empty() {
        reasons.push("no slate satisfies every quota at once".to_owned());
    }

    let mut relaxations = Vec::new();
    if let Some(relaxed) = model.least_relaxation(&required)? {
        if relaxed.seats_slack > 0 {
            relaxations.push(Relaxation {
                label: SEATS_LABEL.to_owned(),
                bound: Bound::Min,
                by: relaxed.seats_slack,
            });
            reasons.push(format!(
                "smallest relaxation: fill {} seats instead of {seats}",
                seats - relaxed.seats_slack
            ));
        }
        for (q, quota) in problem.quotas.iter().enumerate() {
            if let (Some(min), by @ 1..) = (quota.min, relaxed.min_slack[q]) {
                relaxations.push(Relaxation {
                    label: quota.label.clone(),
                    bound: Bound::Min,
                    by,
                });
                reasons.push(format!(
                    "smallest relaxation: relax {} min from {min} to {}",
                    quota.label,
                    min - by
                ));
            }
            if let (Some(max), by @ 1..) = (quota.max, relaxed.max_slack[q]) {
                relaxations.push(Relaxation {
                    label: quota.label.clone(),
                    bound: Bound::Max,
                    by,
                });
                reasons.push(format!(
                    "smallest relaxation: relax {} max from {max} to {}",
                    quota.label,
                    max + by
                ));
            }
        }
    }
    Ok(Infeasibility {
        reasons,
        relaxations,
    })
}

/// "Government (max 12)" or "Women (min 22)".
pub(crate) fn describe_bound(label: &str, bound: Bound, value: u32) -> String {
    match bound {
        Bound::Min => format!("{label} (min {value})"),
        Bound::Max => format!("{label} (max {value})"),
    }
}
