//! The text and counts that go with an assignment: loads, matches, kept pairs, and why each
//! remaining mix shortfall could not be avoided.
//!
//! Main item: `explain(prepared, solution) -> Assignment`. Everything here is recomputed from
//! the pairs (never taken from the solver's internals), so the numbers always describe the
//! pairs returned.

use crate::assign::integer::Solution;
use crate::assign::model::{Dimension, Prepared, group_pairs};
use crate::assign::{Assignment, MixShortfall};

pub(crate) fn explain(prepared: &Prepared<'_>, solution: Solution) -> Assignment {
    let problem = prepared.problem;
    let pairs = solution.pairs;
    let score = prepared.score(&pairs);
    let n_reviewers = prepared.n_reviewers();
    let mut loads = vec![0u32; n_reviewers];
    let mut pair_costs = 0;
    let mut affinity_matches = 0;
    let mut kept = 0;
    for &(p, r) in &pairs {
        loads[r] += 1;
        pair_costs += prepared.pair_cost(p, r);
        if prepared.matches(p, r) > 0 {
            affinity_matches += 1;
        }
        if prepared.is_kept(p, r) {
            kept += 1;
        }
    }
    let changed = prepared.n_keep - kept;
    let per_proposal = group_pairs(prepared.n_proposals(), &pairs);
    let mix_shortfalls: Vec<MixShortfall> = per_proposal
        .iter()
        .enumerate()
        .filter_map(|(p, reviewers)| shortfall(prepared, p, reviewers, &loads, solution.gap == 0))
        .collect();

    let mut lines = Vec::new();
    let used = loads.iter().filter(|&&load| load > 0).count();
    lines.push(format!(
        "{} reviews, {} for each of {} proposals, by {used} of {n_reviewers} reviewers ({}{}).",
        pairs.len(),
        prepared.k,
        prepared.n_proposals(),
        solution.method,
        if solution.gap == 0 {
            ", optimal".to_owned()
        } else {
            format!(", within {} of the optimum", solution.gap)
        }
    ));
    if !pairs.is_empty() {
        lines.push(format!(
            "{affinity_matches} of them ({}%) go to a reviewer whose expertise matches a topic of the proposal.",
            affinity_matches * 100 / pairs.len()
        ));
    }
    let penalties = score.objective - pair_costs;
    if let (Some(low), Some(high)) = (loads.iter().min(), loads.iter().max()) {
        let above = (0..n_reviewers)
            .filter(|&r| loads[r] > prepared.targets[r])
            .count();
        let (t_low, t_high) = (
            prepared.targets.iter().min().copied().unwrap_or(0),
            prepared.targets.iter().max().copied().unwrap_or(0),
        );
        let targets = if t_low == t_high {
            format!("target {t_low}")
        } else {
            format!("targets {t_low}–{t_high}")
        };
        lines.push(format!(
            "Loads {low}–{high} ({targets}); {above} reviewers above their target."
        ));
    }
    lines.push(format!(
        "Objective {}: {pair_costs} in pair costs and {penalties} in load penalties.",
        score.objective
    ));
    if prepared.n_keep > 0 {
        lines.push(format!(
            "{kept} of the {} current assignments kept, {changed} changed.",
            prepared.n_keep
        ));
    }
    let mix = problem.mix;
    if mix.min_stakeholder_groups >= 2 || mix.min_regions >= 2 {
        if mix_shortfalls.is_empty() {
            lines.push(
                "Every proposal's reviewers span the wanted stakeholder groups and regions."
                    .to_owned(),
            );
        } else {
            lines.push(format!(
                "{} proposals fall short of the wanted mix; each is listed with the reason.",
                mix_shortfalls.len()
            ));
        }
        let k = prepared.k;
        let lowered_groups = (0..prepared.n_proposals())
            .filter(|&p| {
                mix.min_stakeholder_groups >= 2
                    && prepared.groups_wanted[p] < mix.min_stakeholder_groups.min(k)
            })
            .count();
        let lowered_regions = (0..prepared.n_proposals())
            .filter(|&p| {
                mix.min_regions >= 2 && prepared.regions_wanted[p] < mix.min_regions.min(k)
            })
            .count();
        if lowered_groups > 0 {
            lines.push(format!(
                "{lowered_groups} proposals have eligible reviewers from too few stakeholder groups, so they want fewer."
            ));
        }
        if lowered_regions > 0 {
            lines.push(format!(
                "{lowered_regions} proposals have eligible reviewers from too few regions, so they want fewer."
            ));
        }
    }
    lines.extend(solution.notes);
    Assignment {
        pairs,
        objective: score.objective,
        affinity_matches,
        kept,
        changed,
        loads,
        mix_shortfalls,
        method: solution.method,
        proven_optimal: solution.gap == 0,
        gap: solution.gap,
        explanation: lines,
    }
}

fn shortfall(
    prepared: &Prepared<'_>,
    p: usize,
    reviewers: &[u32],
    loads: &[u32],
    proven: bool,
) -> Option<MixShortfall> {
    let groups_have = prepared.distinct(Dimension::Groups, reviewers);
    let regions_have = prepared.distinct(Dimension::Regions, reviewers);
    let groups_wanted = prepared.groups_wanted[p];
    let regions_wanted = prepared.regions_wanted[p];
    if groups_have >= groups_wanted && regions_have >= regions_wanted {
        return None;
    }
    let mut reasons = Vec::new();
    for (dimension, have, wanted) in [
        (Dimension::Groups, groups_have, groups_wanted),
        (Dimension::Regions, regions_have, regions_wanted),
    ] {
        if have >= wanted {
            continue;
        }
        reasons.push(why(prepared, p, reviewers, loads, proven, dimension));
    }
    Some(MixShortfall {
        proposal: p,
        groups_have,
        groups_wanted,
        regions_have,
        regions_wanted,
        why: reasons.join("; "),
    })
}

fn why(
    prepared: &Prepared<'_>,
    p: usize,
    reviewers: &[u32],
    loads: &[u32],
    proven: bool,
    dimension: Dimension,
) -> String {
    let (names, noun, one) = match dimension {
        Dimension::Regions => (&prepared.region_names, "regions", "region"),
        _ => (
            &prepared.stakeholder_names,
            "stakeholder groups",
            "stakeholder group",
        ),
    };
    let used: Vec<u32> = reviewers
        .iter()
        .map(|&r| prepared.class_of(dimension, r as usize))
        .collect();
    let mut eligible = Vec::new();
    prepared.eligible(p, &mut eligible);
    let others: Vec<usize> = eligible
        .iter()
        .map(|&r| r as usize)
        .filter(|&r| !used.contains(&prepared.class_of(dimension, r)))
        .collect();
    let full = others
        .iter()
        .filter(|&&r| loads[r] >= prepared.caps[r])
        .count();
    let mut other_classes: Vec<&str> = others
        .iter()
        .map(|&r| names[prepared.class_of(dimension, r) as usize].as_str())
        .collect();
    other_classes.sort_unstable();
    other_classes.dedup();
    let listed = other_classes.join(", ");
    if full == others.len() {
        if others.len() == 1 {
            format!(
                "the only reviewer from another {one} eligible for this proposal ({listed}) is at their load cap"
            )
        } else {
            format!(
                "the {} reviewers from other {noun} eligible for this proposal ({listed}) are all at their load cap",
                others.len()
            )
        }
    } else if proven {
        format!(
            "{} of the {} reviewers from other {noun} eligible for this proposal ({listed}) have room, but no exchange with them lowers the total shortfall: it would leave this or another proposal short",
            others.len() - full,
            others.len()
        )
    } else {
        format!(
            "{} of the {} reviewers from other {noun} eligible for this proposal ({listed}) have room; the integer programme that could use them was too large to run",
            others.len() - full,
            others.len()
        )
    }
}
