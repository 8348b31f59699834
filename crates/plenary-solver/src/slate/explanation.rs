//! Why a proposed slate is what it is: the quotas at their bounds and, for each strong
//! nominee left out, what choosing them would cost.
//!
//! Main item: `explain`, which wraps the optimal chosen set into a `Slate`.
//!
//! Invariants: a "strong" nominee scores above the lowest chosen score; at most
//! `MAX_NOT_CHOSEN` of them are explained, best score first (lower index on equal scores).
//! Each is explained by re-solving with that nominee forced in: if that is impossible, the
//! least relaxation with them forced in names the quota bounds that block them; otherwise
//! the reason gives the loss and who they would displace.
//!
//! Neighbours: the solves are `slate::model`; infeasible requests are explained by
//! `slate::infeasibility`.

use crate::slate::infeasibility::describe_bound;
use crate::slate::model::SlateModel;
use crate::slate::{
    BindingQuota, Bound, NotChosen, Optimality, Slate, SlateError, SlateExplanation,
};

/// How many left-out nominees are explained, at most.
const MAX_NOT_CHOSEN: usize = 20;

/// Builds the `Slate` for the optimal `chosen` set, re-solving once per strong nominee.
pub(crate) fn explain(model: &SlateModel<'_>, chosen: Vec<usize>) -> Result<Slate, SlateError> {
    let problem = model.problem;
    let merit: f64 = chosen.iter().map(|&i| problem.nominees[i].score).sum();
    let objective = model.objective_of(&chosen);
    let bonus = objective - merit;
    let binding = binding_quotas(model, &chosen);
    let not_chosen = not_chosen(model, &chosen, objective)?;

    let mut lines = vec![format!(
        "Chose {} of {} nominees: merit {merit:.2}, preference bonus {bonus:.2}, total {objective:.2}, proven optimal.",
        chosen.len(),
        problem.nominees.len()
    )];
    for quota in &binding {
        let (side, value) = match quota.at {
            Bound::Min => ("minimum", quota.min),
            Bound::Max => ("maximum", quota.max),
        };
        lines.push(format!(
            "{} is at its {side} ({} of {}).",
            quota.label,
            quota.count,
            value.unwrap_or(quota.count)
        ));
    }
    for left_out in &not_chosen {
        lines.push(format!(
            "{} (score {:.2}) was not chosen: {}.",
            problem.nominees[left_out.nominee].person.id, left_out.score, left_out.reason
        ));
    }
    Ok(Slate {
        chosen,
        objective,
        merit,
        bonus,
        optimality: Optimality {
            proven_optimal: true,
            gap: Some(0.0),
        },
        explanation: SlateExplanation {
            binding,
            not_chosen,
            lines,
        },
    })
}

/// Quotas whose whole-body count equals their min or max.
fn binding_quotas(model: &SlateModel<'_>, chosen: &[usize]) -> Vec<BindingQuota> {
    let mut binding = Vec::new();
    for (q, quota) in model.problem.quotas.iter().enumerate() {
        let from_chosen = chosen
            .iter()
            .filter(|&&i| model.quota_matches[q][i])
            .count();
        let count = model.quota_continuing[q] + u32::try_from(from_chosen).unwrap_or(u32::MAX);
        let at = if quota.max == Some(count) {
            Bound::Max
        } else if quota.min == Some(count) {
            Bound::Min
        } else {
            continue;
        };
        binding.push(BindingQuota {
            label: quota.label.clone(),
            count,
            min: quota.min,
            max: quota.max,
            at,
        });
    }
    binding
}

fn not_chosen(
    model: &SlateModel<'_>,
    chosen: &[usize],
    objective: f64,
) -> Result<Vec<NotChosen>, SlateError> {
    let nominees = &model.problem.nominees;
    let lowest = chosen
        .iter()
        .map(|&i| nominees[i].score)
        .fold(f64::INFINITY, f64::min);
    let mut strong: Vec<usize> = (0..nominees.len())
        .filter(|&i| nominees[i].score > lowest && chosen.binary_search(&i).is_err())
        .collect();
    strong.sort_by(|&a, &b| {
        nominees[b]
            .score
            .total_cmp(&nominees[a].score)
            .then(a.cmp(&b))
    });
    strong.truncate(MAX_NOT_CHOSEN);

    let required = model.required();
    let mut explained = Vec::with_capacity(strong.len());
    for nominee in strong {
        let mut forced = required.clone();
        forced.push(nominee);
        let reason = match model.best_slate(&forced)? {
            Some(alternative) => displacement(model, chosen, &alternative, objective),
            None => blocking_quotas(model, &forced)?,
        };
        explained.push(NotChosen {
            nominee,
            score: nominees[nominee].score,
            reason,
        });
    }
    Ok(explained)
}

/// "choosing them lowers the slate's total by X (they would displace A, B)".
fn displacement(
    model: &SlateModel<'_>,
    chosen: &[usize],
    alternative: &[usize],
    objective: f64,
) -> String {
    let loss = objective - model.objective_of(alternative);
    let displaced: Vec<&str> = chosen
        .iter()
        .filter(|i| alternative.binary_search(i).is_err())
        .map(|&i| model.problem.nominees[i].person.id.as_str())
        .collect();
    if loss.abs() < 1e-6 {
        format!(
            "choosing them gives an equally good slate (they would displace {}); ties go to earlier nominees",
            displaced.join(", ")
        )
    } else {
        format!(
            "choosing them lowers the slate's total by {loss:.2} (they would displace {})",
            displaced.join(", ")
        )
    }
}

/// "choosing them would break Government (max 12)", from the least relaxation with them in.
fn blocking_quotas(model: &SlateModel<'_>, forced: &[usize]) -> Result<String, SlateError> {
    let Some(relaxed) = model.least_relaxation(forced)? else {
        return Ok("choosing them would exceed the seats, given the required nominees".to_owned());
    };
    let mut broken = Vec::new();
    for (q, quota) in model.problem.quotas.iter().enumerate() {
        if relaxed.max_slack[q] > 0 {
            broken.push(describe_bound(
                &quota.label,
                Bound::Max,
                quota.max.unwrap_or(0),
            ));
        }
        if relaxed.min_slack[q] > 0 {
            broken.push(describe_bound(
                &quota.label,
                Bound::Min,
                quota.min.unwrap_or(0),
            ));
        }
    }
    if broken.is_empty() {
        // Reached only if microlp disagreed with itself; say so rather than invent a quota.
        return Ok("no slate with them satisfies every quota".to_owned());
    }
    Ok(format!(
        "choosing them would break {}",
        broken.join(" and ")
    ))
}
