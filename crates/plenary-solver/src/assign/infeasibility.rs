//! Why no assignment of k reviewers to every proposal exists: counted shortages and Hall sets.
//!
//! Main items: `individual_shortages` (proposals with fewer than k eligible reviewers, with
//! how many the evaluation groups allow and how many conflicts and zero caps remove) and
//! `hall_sets` (sets of proposals whose reviewers cannot give them enough reviews).
//!
//! A Hall set comes from a minimum cut of the maximum-flow network source → proposal
//! (capacity min(k, eligible), so proposals already reported one by one do not hide the
//! rest) → eligible reviewer (1) → sink (load cap). When the maximum flow falls short, the
//! nodes reachable from the source in the residual network form the source side S. For the
//! proposals X in S, the cut holds the caps of the reviewers R' in S plus one unit for every
//! pair from X to a reviewer outside S, so `Σ_{p∈X} demand > Σ_{r∈R'} cap + pairs(X, R∖R')`:
//! X needs more reviews than can exist. X splits into connected components (proposals linked
//! through shared reviewers in R'); each component short on its own is one `Shortage`.
//!
//! Invariant: only called on problems with no assignment; the messages name ids, counts and
//! caps, never indexes.

use crate::assign::flow::FlowGraph;
use crate::assign::model::{Prepared, SINK, SOURCE, reviewer_node};
use crate::assign::{AssignError, AssignInfeasibility, Shortage};

/// The proposals that have fewer than k eligible reviewers, together with the Hall sets of
/// the rest; `None` when every proposal has at least k eligible reviewers.
pub(crate) fn individual_shortages(
    prepared: &Prepared<'_>,
) -> Result<Option<AssignInfeasibility>, AssignError> {
    let k = prepared.k;
    let mut shortages = Vec::new();
    let mut eligible = Vec::new();
    for p in 0..prepared.n_proposals() {
        if prepared.eligible_count[p] >= k {
            continue;
        }
        prepared.eligible(p, &mut eligible);
        shortages.push(one_proposal(prepared, p, &eligible));
    }
    if shortages.is_empty() {
        return Ok(None);
    }
    shortages.extend(hall_sets(prepared)?.shortages);
    Ok(Some(AssignInfeasibility { shortages }))
}

fn one_proposal(prepared: &Prepared<'_>, p: usize, eligible: &[u32]) -> Shortage {
    let problem = prepared.problem;
    let proposal = &problem.proposals[p];
    let k = prepared.k;
    let in_group: Vec<usize> = (0..prepared.n_reviewers())
        .filter(|&r| prepared.group_allows(p, r))
        .collect();
    let conflicted = in_group
        .iter()
        .filter(|&&r| prepared.is_conflict(p, r))
        .count();
    let no_capacity = in_group
        .iter()
        .filter(|&&r| !prepared.is_conflict(p, r) && problem.reviewers[r].load_cap == 0)
        .count();
    let pool = if proposal.group.is_empty() {
        format!("{} reviewers in the pool", in_group.len())
    } else {
        format!(
            "{} reviewers may review group {:?}",
            in_group.len(),
            proposal.group
        )
    };
    let mut removed = Vec::new();
    if conflicted > 0 {
        removed.push(format!(
            "{conflicted} of them have a conflict of interest with it"
        ));
    }
    if no_capacity > 0 {
        removed.push(format!("{no_capacity} have a load cap of 0"));
    }
    let detail = if removed.is_empty() {
        pool
    } else {
        format!("{pool}; {}", removed.join(", "))
    };
    Shortage {
        proposals: vec![p],
        reviewers: eligible.iter().map(|&r| r as usize).collect(),
        demand: u64::from(k),
        capacity: eligible.len() as u64,
        message: format!(
            "{} needs {k} reviewers but only {} are eligible ({detail})",
            proposal.id,
            eligible.len()
        ),
    }
}

/// The Hall sets of the problem with each proposal's demand lowered to its eligible count.
pub(crate) fn hall_sets(prepared: &Prepared<'_>) -> Result<AssignInfeasibility, AssignError> {
    let n_proposals = prepared.n_proposals();
    let n_reviewers = prepared.n_reviewers();
    let k = prepared.k;
    let mut graph = FlowGraph::new(2 + n_proposals + n_reviewers);
    let demand_of: Vec<u32> = prepared.eligible_count.iter().map(|&n| k.min(n)).collect();
    let total: u64 = demand_of.iter().map(|&d| u64::from(d)).sum();
    let mut eligible = Vec::new();
    let mut eligible_of: Vec<Vec<u32>> = Vec::with_capacity(n_proposals);
    for (p, &demand) in demand_of.iter().enumerate() {
        graph.add_arc(SOURCE, 2 + p, demand, 0);
        prepared.eligible(p, &mut eligible);
        for &r in &eligible {
            graph.add_arc(2 + p, reviewer_node(n_proposals, r as usize), 1, 0);
        }
        eligible_of.push(eligible.clone());
    }
    for r in 0..n_reviewers {
        graph.add_arc(reviewer_node(n_proposals, r), SINK, prepared.caps[r], 0);
    }
    if graph.solve(SOURCE, SINK, total).flow >= total {
        return Ok(AssignInfeasibility {
            shortages: Vec::new(),
        });
    }
    let source_side = graph.reachable(SOURCE);
    let in_x: Vec<bool> = (0..n_proposals).map(|p| source_side[2 + p]).collect();
    let in_r: Vec<bool> = (0..n_reviewers)
        .map(|r| source_side[reviewer_node(n_proposals, r)])
        .collect();
    // Components of X ∪ R' linked by eligible pairs inside R'.
    let mut components = UnionFind::new(n_proposals + n_reviewers);
    for p in (0..n_proposals).filter(|&p| in_x[p]) {
        for &r in &eligible_of[p] {
            if in_r[r as usize] {
                components.union(p, n_proposals + r as usize);
            }
        }
    }
    let mut groups: std::collections::BTreeMap<usize, (Vec<usize>, Vec<usize>)> =
        std::collections::BTreeMap::new();
    for p in (0..n_proposals).filter(|&p| in_x[p]) {
        groups.entry(components.find(p)).or_default().0.push(p);
    }
    for r in (0..n_reviewers).filter(|&r| in_r[r]) {
        if let Some(entry) = groups.get_mut(&components.find(n_proposals + r)) {
            entry.1.push(r);
        }
    }
    // The cut's capacity for a set: the caps of its reviewers in S, plus one unit for every
    // pair from its proposals to a reviewer outside S.
    let measure = |proposals: &[usize], reviewers: &[usize]| -> (u64, u64, u64) {
        let demand = proposals.iter().map(|&p| u64::from(demand_of[p])).sum();
        let within = reviewers.iter().map(|&r| u64::from(prepared.caps[r])).sum();
        let shared = proposals
            .iter()
            .map(|&p| {
                eligible_of[p]
                    .iter()
                    .filter(|&&r| !in_r[r as usize])
                    .count() as u64
            })
            .sum();
        (demand, within, shared)
    };
    let mut shortages = Vec::new();
    for (proposals, reviewers) in groups.into_values() {
        let (demand, within, shared) = measure(&proposals, &reviewers);
        if demand > within + shared {
            shortages.push(hall_shortage(
                prepared, proposals, reviewers, demand, within, shared,
            ));
        }
    }
    if shortages.is_empty() {
        // Every component exactly at its limit: report the whole source side as one set.
        let proposals: Vec<usize> = (0..n_proposals).filter(|&p| in_x[p]).collect();
        let reviewers: Vec<usize> = (0..n_reviewers).filter(|&r| in_r[r]).collect();
        if !proposals.is_empty() {
            let (demand, within, shared) = measure(&proposals, &reviewers);
            shortages.push(hall_shortage(
                prepared, proposals, reviewers, demand, within, shared,
            ));
        }
    }
    Ok(AssignInfeasibility { shortages })
}

fn hall_shortage(
    prepared: &Prepared<'_>,
    proposals: Vec<usize>,
    reviewers: Vec<usize>,
    demand: u64,
    within: u64,
    shared: u64,
) -> Shortage {
    let problem = prepared.problem;
    let k = prepared.k;
    let first_group = &problem.proposals[proposals[0]].group;
    let same_group = !first_group.is_empty()
        && proposals
            .iter()
            .all(|&p| &problem.proposals[p].group == first_group);
    let whole_group = same_group
        && problem
            .proposals
            .iter()
            .filter(|p| &p.group == first_group)
            .count()
            == proposals.len();
    let who = if whole_group {
        format!(
            "group {first_group:?} needs {demand} reviews ({} proposals × {k})",
            proposals.len()
        )
    } else if proposals.len() == 1 {
        format!(
            "{} needs {demand} reviews",
            problem.proposals[proposals[0]].id
        )
    } else {
        let names: Vec<&str> = proposals
            .iter()
            .take(5)
            .map(|&p| problem.proposals[p].id.as_str())
            .collect();
        let more = if proposals.len() > 5 { ", …" } else { "" };
        let group = if same_group {
            format!(" of group {first_group:?}")
        } else {
            String::new()
        };
        format!(
            "{} proposals{group} ({}{more}) need {demand} reviews",
            proposals.len(),
            names.join(", ")
        )
    };
    let caps: Vec<u32> = reviewers.iter().map(|&r| prepared.caps[r]).collect();
    let cap_text = match (caps.iter().min(), caps.iter().max()) {
        (Some(low), Some(high)) if low == high => format!("cap {low} each"),
        (Some(low), Some(high)) => format!("caps {low}–{high}"),
        _ => String::new(),
    };
    let reviewers_text = match reviewers.len() {
        0 => String::new(),
        1 => format!("its only reviewer with room can take {within} ({cap_text})"),
        n => {
            let whose = if whole_group { "its" } else { "their" };
            format!("{whose} {n} reviewers can take {within} at their load caps ({cap_text})")
        }
    };
    let message = match (reviewers.is_empty(), shared) {
        (false, 0) => format!("{who}; {reviewers_text}"),
        (true, _) => format!(
            "{who}; the reviewers eligible for them can give only {shared}, one review each"
        ),
        (false, _) => {
            format!("{who}; {reviewers_text}, and the other eligible reviewers only {shared} more")
        }
    };
    Shortage {
        proposals,
        reviewers,
        demand,
        capacity: within + shared,
        message,
    }
}

#[derive(Debug)]
struct UnionFind {
    parent: Vec<usize>,
}

impl UnionFind {
    fn new(n: usize) -> UnionFind {
        UnionFind {
            parent: (0..n).collect(),
        }
    }

    fn find(&mut self, mut x: usize) -> usize {
        while self.parent[x] != x {
            self.parent[x] = self.parent[self.parent[x]];
            x = self.parent[x];
        }
        x
    }

    fn union(&mut self, a: usize, b: usize) {
        let (a, b) = (self.find(a), self.find(b));
        if a != b {
            // The smaller root wins, so component roots do not depend on the union order.
            let (low, high) = if a < b { (a, b) } else { (b, a) };
            self.parent[high] = low;
        }
    }
}
