//! Builders for assignment problems, and an evaluator of the documented objective written
//! independently of the solver (from the `assign` module documentation), so the tests check
//! the solver against the documentation rather than against itself.

use std::collections::BTreeSet;

use plenary_solver::assign::{
    AssignProblem, AssignProposal, AssignReviewer, BASE_COST, MATCH_GAIN, MAX_COUNTED_MATCHES, Mix,
    OVER_TARGET_STEP,
};

pub fn proposal(id: &str, group: &str, topics: &[&str]) -> AssignProposal {
    AssignProposal {
        id: id.to_owned(),
        group: group.to_owned(),
        topics: topics.iter().map(|t| (*t).to_owned()).collect(),
    }
}

pub fn reviewer(id: &str, stakeholder_group: &str, region: &str, load_cap: u32) -> AssignReviewer {
    AssignReviewer {
        id: id.to_owned(),
        groups: Vec::new(),
        expertise: Vec::new(),
        stakeholder_group: stakeholder_group.to_owned(),
        region: region.to_owned(),
        load_cap,
        load_target: None,
    }
}

pub fn problem(
    k: u32,
    proposals: Vec<AssignProposal>,
    reviewers: Vec<AssignReviewer>,
) -> AssignProblem {
    AssignProblem {
        reviews_per_proposal: k,
        proposals,
        reviewers,
        conflicts: BTreeSet::new(),
        mix: Mix::default(),
        keep: Vec::new(),
    }
}

/// The lexicographic objective: (mix shortfall, pairs not kept, cost + load penalties).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Lex {
    pub shortfall: u64,
    pub new_pairs: u64,
    pub objective: i64,
}

pub fn eligible(problem: &AssignProblem, p: usize, r: usize) -> bool {
    let proposal = &problem.proposals[p];
    let reviewer = &problem.reviewers[r];
    reviewer.load_cap > 0
        && !problem.conflicts.contains(&(p, r))
        && (proposal.group.is_empty()
            || reviewer.groups.is_empty()
            || reviewer.groups.contains(&proposal.group))
}

fn normal(topic: &str) -> String {
    topic.trim().to_lowercase()
}

pub fn pair_cost(problem: &AssignProblem, p: usize, r: usize) -> i64 {
    let expertise: BTreeSet<String> = problem.reviewers[r]
        .expertise
        .iter()
        .map(|t| normal(t))
        .collect();
    let topics: BTreeSet<String> = problem.proposals[p]
        .topics
        .iter()
        .map(|t| normal(t))
        .collect();
    let matches = topics.intersection(&expertise).count();
    BASE_COST - MATCH_GAIN * matches.min(MAX_COUNTED_MATCHES) as i64
}

/// Wanted distinct classes: min(m, k, classes among the eligible reviewers), 0 below 2.
pub fn wanted(
    problem: &AssignProblem,
    p: usize,
    minimum: u32,
    class: impl Fn(&AssignReviewer) -> &str,
) -> u32 {
    let available: BTreeSet<&str> = (0..problem.reviewers.len())
        .filter(|&r| eligible(problem, p, r))
        .map(|r| class(&problem.reviewers[r]))
        .collect();
    let wanted = minimum
        .min(problem.reviews_per_proposal)
        .min(available.len() as u32);
    if wanted >= 2 { wanted } else { 0 }
}

pub fn evaluate(problem: &AssignProblem, targets: &[u32], pairs: &[(usize, usize)]) -> Lex {
    let keep: BTreeSet<(usize, usize)> = problem.keep.iter().copied().collect();
    let mut loads = vec![0u32; problem.reviewers.len()];
    let mut objective = 0;
    let mut new_pairs = 0;
    for &(p, r) in pairs {
        loads[r] += 1;
        objective += pair_cost(problem, p, r);
        if !keep.contains(&(p, r)) {
            new_pairs += 1;
        }
    }
    for (r, &load) in loads.iter().enumerate() {
        let excess = i64::from(load.saturating_sub(targets[r]));
        objective += OVER_TARGET_STEP * excess * (excess + 1) / 2;
    }
    let mut shortfall = 0;
    for p in 0..problem.proposals.len() {
        let mine: Vec<&AssignReviewer> = pairs
            .iter()
            .filter(|&&(q, _)| q == p)
            .map(|&(_, r)| &problem.reviewers[r])
            .collect();
        let groups: BTreeSet<&str> = mine.iter().map(|r| r.stakeholder_group.as_str()).collect();
        let regions: BTreeSet<&str> = mine.iter().map(|r| r.region.as_str()).collect();
        let want_groups = wanted(problem, p, problem.mix.min_stakeholder_groups, |r| {
            &r.stakeholder_group
        });
        let want_regions = wanted(problem, p, problem.mix.min_regions, |r| &r.region);
        shortfall += u64::from(want_groups.saturating_sub(groups.len() as u32));
        shortfall += u64::from(want_regions.saturating_sub(regions.len() as u32));
    }
    Lex {
        shortfall,
        new_pairs,
        objective,
    }
}
