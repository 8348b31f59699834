//! Why the selection is what it is: budget, theme and balance reports, and the borderline
//! decisions of each session type explained by re-solving with the decision flipped.
//!
//! Main item: `explain`, which wraps the optimal accepted set into a `SelectOutcome`.
//!
//! Invariants: per budget, the `BORDERLINE_PER_SIDE` lowest-scored accepted candidates
//! (lowest score first, later index first on equal scores) and the `BORDERLINE_PER_SIDE`
//! highest-scored declined ones (highest first, earlier index first) are explained; the
//! chair's fixed decisions are not borderline and are left out. Each explanation re-solves
//! once with that candidate forced the other way (scores ≤ 0 need none) to measure the
//! objective change and who would be displaced or come in. The reason names what blocks the
//! direct swap with the nearest candidate on the other side of the cut: for a declined
//! candidate scoring above the lowest accepted one of its type (the cut), and for an accepted
//! one scoring below the best declined one, the constraints that swapping the two would break
//! — the other's theme at its cap, a full budget, or a balance rule whose shortfall would
//! grow. Otherwise it is the budget and the cut itself.
//!
//! Neighbours: the solves are `select::model`.

use std::collections::BTreeMap;

use crate::select::model::{BalanceCount, Flip, SelectModel};
use crate::select::{BalanceReport, Borderline, SelectError, SelectOutcome};

/// How many accepted and how many declined candidates are explained per session type.
pub(crate) const BORDERLINE_PER_SIDE: usize = 5;

/// Scores closer than this are equal for the wording ("ties go to earlier candidates").
const SCORE_TOLERANCE: f64 = 1e-9;

/// The optimum and its counts, shared by every borderline explanation.
struct Context<'m, 'p> {
    model: &'m SelectModel<'p>,
    accepted: Vec<usize>,
    is_accepted: Vec<bool>,
    objective: f64,
    budget_used: Vec<u32>,
    cap_used: Vec<u32>,
    counts: Vec<BalanceCount>,
}

/// Builds the `SelectOutcome` for the optimal `accepted` set.
pub(crate) fn explain(
    model: &SelectModel<'_>,
    accepted: Vec<usize>,
) -> Result<SelectOutcome, SelectError> {
    let problem = model.problem;
    let n = problem.candidates.len();
    let mut is_accepted = vec![false; n];
    for &i in &accepted {
        is_accepted[i] = true;
    }
    let budget_used: Vec<u32> = (0..problem.budgets.len())
        .map(|b| count(&accepted, |i| model.budget_of[i] == Some(b)))
        .collect();
    let cap_used: Vec<u32> = (0..problem.caps.len())
        .map(|c| count(&accepted, |i| model.cap_of[i] == Some(c)))
        .collect();
    let counts = model.balance_counts(&accepted);
    let objective = model.objective_of(&accepted);
    let score_total: f64 = accepted.iter().map(|&i| model.score(i)).sum();

    let per_budget: Vec<(String, u32, u32)> = problem
        .budgets
        .iter()
        .zip(&budget_used)
        .map(|(budget, &used)| (budget.session_type.clone(), used, budget.slots))
        .collect();
    let mut themes: BTreeMap<String, (u32, Option<u32>)> = BTreeMap::new();
    for c in &problem.candidates {
        themes.entry(c.theme.clone()).or_insert((0, None));
    }
    for cap in &problem.caps {
        themes.entry(cap.theme.clone()).or_insert((0, None)).1 = Some(cap.max);
    }
    for &i in &accepted {
        if let Some(entry) = themes.get_mut(&problem.candidates[i].theme) {
            entry.0 += 1;
        }
    }
    let per_theme: Vec<(String, u32, Option<u32>)> = themes
        .into_iter()
        .map(|(theme, (used, cap))| (theme, used, cap))
        .collect();
    let size = u32::try_from(accepted.len()).unwrap_or(u32::MAX);
    let balance: Vec<BalanceReport> = problem
        .balance
        .iter()
        .zip(&counts)
        .map(|(rule, count)| BalanceReport {
            label: rule.label.clone(),
            wanted_percent: rule.min_share_percent,
            achieved_percent: percent(count.matching, size),
            matching: count.matching,
            target: count.target,
            shortfall: count.shortfall,
        })
        .collect();

    let context = Context {
        model,
        accepted,
        is_accepted,
        objective,
        budget_used,
        cap_used,
        counts,
    };
    let borderline = borderline(&context)?;

    let mut lines = vec![format!(
        "Accepted {} of {} candidates: score {score_total:.2}, objective {objective:.2}, proven optimal.",
        context.accepted.len(),
        n
    )];
    for (session_type, used, slots) in &per_budget {
        lines.push(format!("{session_type}: {used} of {slots} slots."));
    }
    for (theme, used, cap) in &per_theme {
        if cap.is_some_and(|max| *used >= max) {
            lines.push(format!("Theme {theme} is at its cap ({used})."));
        }
    }
    for report in &balance {
        let verdict = if report.shortfall == 0 {
            "met".to_owned()
        } else {
            format!("short by {}", report.shortfall)
        };
        lines.push(format!(
            "{}: {:.1} % (wanted {} %), {verdict}.",
            report.label, report.achieved_percent, report.wanted_percent
        ));
    }
    for line in &borderline {
        lines.push(format!(
            "{} ({:.2}): {}.",
            problem.candidates[line.candidate].id, line.score, line.reason
        ));
    }
    Ok(SelectOutcome {
        accepted: context.accepted,
        objective,
        score_total,
        penalty_weight: model.penalty,
        per_budget,
        per_theme,
        balance,
        borderline,
        lines,
        proven_optimal: true,
    })
}

fn count(chosen: &[usize], pick: impl Fn(usize) -> bool) -> u32 {
    u32::try_from(chosen.iter().filter(|&&i| pick(i)).count()).unwrap_or(u32::MAX)
}

fn percent(part: u32, whole: u32) -> f64 {
    if whole == 0 {
        0.0
    } else {
        100.0 * f64::from(part) / f64::from(whole)
    }
}

fn borderline(context: &Context<'_, '_>) -> Result<Vec<Borderline>, SelectError> {
    let model = context.model;
    let n = model.problem.candidates.len();
    let mut lines = Vec::new();
    for b in 0..model.problem.budgets.len() {
        let mut accepted: Vec<usize> = context
            .accepted
            .iter()
            .copied()
            .filter(|&i| model.budget_of[i] == Some(b) && model.fixed[i].is_none())
            .collect();
        accepted.sort_by(|&x, &y| model.score(x).total_cmp(&model.score(y)).then(y.cmp(&x)));
        accepted.truncate(BORDERLINE_PER_SIDE);
        let mut declined: Vec<usize> = (0..n)
            .filter(|&i| {
                model.budget_of[i] == Some(b) && !context.is_accepted[i] && model.fixed[i].is_none()
            })
            .collect();
        declined.sort_by(|&x, &y| model.score(y).total_cmp(&model.score(x)).then(x.cmp(&y)));
        declined.truncate(BORDERLINE_PER_SIDE);
        for i in accepted {
            lines.push(explain_accepted(context, b, i)?);
        }
        for i in declined {
            lines.push(explain_declined(context, b, i)?);
        }
    }
    Ok(lines)
}

fn line(context: &Context<'_, '_>, b: usize, i: usize, accepted: bool) -> Borderline {
    Borderline {
        candidate: i,
        session_type: context.model.problem.budgets[b].session_type.clone(),
        score: context.model.score(i),
        accepted,
        flip_change: None,
        binding: Vec::new(),
        reason: String::new(),
    }
}

fn id<'c>(context: &'c Context<'_, '_>, i: usize) -> &'c str {
    &context.model.problem.candidates[i].id
}

fn ids(context: &Context<'_, '_>, set: &[usize]) -> String {
    let names: Vec<&str> = set.iter().map(|&i| id(context, i)).collect();
    names.join(", ")
}

/// What blocks swapping `inn` in for `out` in the optimum: a budget or a theme cap that
/// `inn` would overfill, or a balance rule whose shortfall would grow. Each entry is the
/// constraint's label, the wording for a declined candidate and for an accepted one.
fn swap_blockers(
    context: &Context<'_, '_>,
    inn: usize,
    out: usize,
) -> Vec<(String, String, String)> {
    let model = context.model;
    let problem = model.problem;
    let mut blockers = Vec::new();
    if model.budget_of[inn] != model.budget_of[out]
        && let Some(b) = model.budget_of[inn]
        && context.budget_used[b] >= problem.budgets[b].slots
    {
        let budget = &problem.budgets[b];
        blockers.push((
            format!("budget {}", budget.session_type),
            format!(
                "the {} budget of {} slots is full",
                budget.session_type, budget.slots
            ),
            format!(
                "because the {} budget of {} slots is full",
                budget.session_type, budget.slots
            ),
        ));
    }
    if model.cap_of[inn] != model.cap_of[out]
        && let Some(c) = model.cap_of[inn]
        && context.cap_used[c] >= problem.caps[c].max
    {
        let cap = &problem.caps[c];
        blockers.push((
            format!("cap {}", cap.theme),
            format!("theme {} is at its cap {}", cap.theme, cap.max),
            format!(
                "because {}'s theme {} is at its cap {}",
                id(context, inn),
                cap.theme,
                cap.max
            ),
        ));
    }
    let size = u32::try_from(context.accepted.len()).unwrap_or(u32::MAX);
    for (r, rule) in problem.balance.iter().enumerate() {
        let base = context.counts[r];
        let matching = base.matching + u32::from(model.balance_matches[r][inn])
            - u32::from(model.balance_matches[r][out]);
        if base.target.saturating_sub(matching) > base.shortfall {
            let achieved = percent(matching, size);
            blockers.push((
                rule.label.clone(),
                format!(
                    "swapping them would bring {} down to {achieved:.1} % (wanted {} %)",
                    rule.label, rule.min_share_percent
                ),
                format!(
                    "to keep {} at {} % (swapping them gives {achieved:.1} %)",
                    rule.label, rule.min_share_percent
                ),
            ));
        }
    }
    blockers
}

/// The lowest-scored accepted candidate of budget `b` that the chair did not fix.
fn cut(context: &Context<'_, '_>, b: usize) -> Option<usize> {
    let model = context.model;
    context
        .accepted
        .iter()
        .copied()
        .filter(|&i| model.budget_of[i] == Some(b) && model.fixed[i].is_none())
        .min_by(|&x, &y| model.score(x).total_cmp(&model.score(y)).then(y.cmp(&x)))
}

fn explain_declined(
    context: &Context<'_, '_>,
    b: usize,
    d: usize,
) -> Result<Borderline, SelectError> {
    let model = context.model;
    let problem = model.problem;
    let budget = &problem.budgets[b];
    let mut out = line(context, b, d, false);
    let score = model.score(d);
    if score <= 0.0 {
        out.reason =
            format!("declined: its score {score:.2} is not positive, so it is not worth a slot");
        return Ok(out);
    }
    let Some(alternative) = model.best(Some(Flip::In(d)))? else {
        out.binding.push("chair".to_owned());
        out.reason =
            "declined: the chair's acceptances leave no room for it in its budget or theme cap"
                .to_owned();
        return Ok(out);
    };
    let change = model.objective_of(&alternative) - context.objective;
    out.flip_change = Some(change);
    let budget_full = context.budget_used[b] >= budget.slots;
    if budget_full {
        out.binding.push(format!("budget {}", budget.session_type));
    }
    let cut = cut(context, b);
    let mut reason = match cut {
        Some(c) if score > model.score(c) + SCORE_TOLERANCE => {
            let blockers = swap_blockers(context, d, c);
            let why = if blockers.is_empty() {
                "the best selection with it scores lower".to_owned()
            } else {
                let texts: Vec<&str> = blockers.iter().map(|(_, text, _)| text.as_str()).collect();
                texts.join("; ")
            };
            out.binding
                .extend(blockers.into_iter().map(|(label, _, _)| label));
            format!(
                "declined although its score {score:.2} is above accepted {}'s {:.2}: {why}",
                id(context, c),
                model.score(c)
            )
        }
        Some(c) if budget_full => {
            let position = if score < model.score(c) - SCORE_TOLERANCE {
                format!(
                    "its score {score:.2} is below the cut {:.2}",
                    model.score(c)
                )
            } else {
                format!(
                    "its score {score:.2} equals the cut {:.2} (ties go to earlier candidates)",
                    model.score(c)
                )
            };
            format!(
                "declined: the {} budget of {} slots is full and {position}",
                budget.session_type, budget.slots
            )
        }
        _ if budget_full => format!(
            "declined: the {} budget of {} slots is taken by the chair's acceptances",
            budget.session_type, budget.slots
        ),
        _ => {
            let mut causes = Vec::new();
            if let Some(c) = model.cap_of[d]
                && context.cap_used[c] >= problem.caps[c].max
            {
                let cap = &problem.caps[c];
                out.binding.push(format!("cap {}", cap.theme));
                causes.push(format!("theme {} is at its cap {}", cap.theme, cap.max));
            }
            if alternative.len() < context.accepted.len() {
                out.binding.push("programme size".to_owned());
                causes.push("accepting it would leave a slot empty elsewhere".to_owned());
            }
            if causes.is_empty() {
                causes.push("the best selection with it scores lower".to_owned());
            }
            format!(
                "declined although the {} budget has room ({} of {} slots): {}",
                budget.session_type,
                context.budget_used[b],
                budget.slots,
                causes.join("; ")
            )
        }
    };
    let displaced: Vec<usize> = context
        .accepted
        .iter()
        .copied()
        .filter(|i| alternative.binary_search(i).is_err())
        .collect();
    reason.push_str(&format!(
        "; accepting it changes the objective by {change:.2}"
    ));
    if !displaced.is_empty() {
        reason.push_str(&format!(" and displaces {}", ids(context, &displaced)));
    }
    out.reason = reason;
    Ok(out)
}

fn explain_accepted(
    context: &Context<'_, '_>,
    b: usize,
    a: usize,
) -> Result<Borderline, SelectError> {
    let model = context.model;
    let problem = model.problem;
    let budget = &problem.budgets[b];
    let mut out = line(context, b, a, true);
    let score = model.score(a);
    let Some(alternative) = model.best(Some(Flip::Out(a)))? else {
        out.reason = "accepted: no selection without it respects the chair's decisions".to_owned();
        return Ok(out);
    };
    let change = model.objective_of(&alternative) - context.objective;
    out.flip_change = Some(change);
    let budget_full = context.budget_used[b] >= budget.slots;
    if budget_full {
        out.binding.push(format!("budget {}", budget.session_type));
    }
    let higher = (0..problem.candidates.len())
        .filter(|&h| {
            model.budget_of[h] == Some(b)
                && !context.is_accepted[h]
                && model.fixed[h].is_none()
                && model.score(h) > score + SCORE_TOLERANCE
        })
        .max_by(|&x, &y| model.score(x).total_cmp(&model.score(y)).then(y.cmp(&x)));
    let mut reason = match higher {
        Some(h) => {
            let blockers = swap_blockers(context, h, a);
            let why = if blockers.is_empty() {
                ": the best selection without it scores lower".to_owned()
            } else {
                let texts: Vec<&str> = blockers.iter().map(|(_, _, text)| text.as_str()).collect();
                format!(" {}", texts.join(" and "))
            };
            out.binding
                .extend(blockers.into_iter().map(|(label, _, _)| label));
            format!(
                "accepted over higher-scored {} ({:.2}){why}",
                id(context, h),
                model.score(h)
            )
        }
        None if budget_full => format!(
            "accepted: its score {score:.2} makes the cut of the {} budget ({} of {} slots)",
            budget.session_type, context.budget_used[b], budget.slots
        ),
        None => format!(
            "accepted: the {} budget has room ({} of {} slots) and its score {score:.2} is positive",
            budget.session_type, context.budget_used[b], budget.slots
        ),
    };
    reason.push_str(&format!(
        "; declining it changes the objective by {change:.2}"
    ));
    let replacements: Vec<usize> = alternative
        .iter()
        .copied()
        .filter(|&i| !context.is_accepted[i])
        .collect();
    if !replacements.is_empty() {
        reason.push_str(&format!(" (replaced by {})", ids(context, &replacements)));
    }
    if alternative.len() < context.accepted.len() {
        out.binding.push("programme size".to_owned());
        reason.push_str(" and leaves a slot empty");
    }
    out.reason = reason;
    Ok(out)
}
