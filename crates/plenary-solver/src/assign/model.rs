//! The assignment as a flow network, and the exact objective every method is judged by.
//!
//! Main items: `Prepared` (the problem with strings interned, conflicts and kept pairs per
//! proposal, eligibility counts, load targets, wanted mix per proposal and the big-M weights
//! worked out once), `solve_flow` (build the network and run `assign::flow` on it) and
//! `Prepared::score` (the lexicographic objective of any pair list).
//!
//! The network: source → proposal p (capacity k, cost 0) → reviewer r (capacity 1, cost
//! `cost(p, r)` + `W_keep` unless (p, r) is kept) → sink (capacity t_r at cost 0, then one
//! arc of capacity 1 and cost `OVER_TARGET_STEP × j` for the j-th unit above t_r, up to the
//! reviewer's cap). k units must leave the source for every proposal.
//!
//! The mix as a flow (one dimension, "stakeholder groups" or "regions"): for a proposal p
//! wanting m ≥ 2 distinct classes, its arcs go p → (p, c) → r through one node per class c
//! among its eligible reviewers, and p → (p, c) has capacity `k − m + 1` at cost 0 plus an
//! overflow arc up to `min(k, eligible in c)` at cost `W_mix` per unit. This is exact when m
//! is 2 or k (m = 1 needs nothing):
//! - any k distinct reviewers spanning ≥ m classes have at most `k − (m − 1)` in each class
//!   (the m − 1 other classes hold at least one each), so no feasible set is cut off;
//! - conversely, at most `k − m + 1` per class forces at least `⌈k / (k − m + 1)⌉` classes,
//!   which is 2 for m = 2 (k ≥ 2) and k for m = k; for 3 ≤ m < k it is fewer than m, which is
//!   why other values go to the integer programme;
//! - the overflow `Σ_c max(0, x_pc − (k − m + 1))` equals the shortfall `m − classes`: for
//!   m = 2 both are 1 exactly when all k reviewers share a class, for m = k both are
//!   `k − classes`. So the flow's cost equals the lexicographic objective.
//!
//! Two dimensions at once are not a flow (a reviewer belongs to one class of each, and the
//! two per-proposal partitions cannot both be routed before the reviewer node), so
//! `assign::integer` takes over; the flow with one dimension is then its relaxation.

use std::collections::BTreeMap;

use crate::assign::flow::{FlowGraph, FlowResult};
use crate::assign::{
    AssignError, AssignProblem, BASE_COST, MATCH_GAIN, MAX_COUNTED_MATCHES, OVER_TARGET_STEP,
};

/// A flow network as plain data, for writing out and solving elsewhere (e.g. OR-Tools).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FlowNetwork {
    pub nodes: usize,
    pub source: usize,
    pub sink: usize,
    /// Units that must go from `source` to `sink` (k × proposals).
    pub demand: u64,
    pub arcs: Vec<FlowArc>,
    /// What the network models: "plain", "stakeholder groups as a flow", …
    pub model: String,
}

/// One arc of a `FlowNetwork`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FlowArc {
    pub tail: u32,
    pub head: u32,
    pub capacity: u32,
    pub cost: i64,
}

/// The min-cost flow network `solve_assignment` solves for `problem` (with the mix in the one
/// dimension a flow can carry; when both are wanted this is the relaxation the integer
/// programme starts from). Its optimal cost equals `Assignment::objective` when nothing is
/// kept and no mix shortfall remains.
pub fn assignment_network(problem: &AssignProblem) -> Result<FlowNetwork, AssignError> {
    super::validate(problem)?;
    let prepared = Prepared::new(problem)?;
    let dimension = prepared.flow_dimension();
    let (graph, _) = build(&prepared, dimension);
    let arcs = (0..graph.n_pairs())
        .map(|pair| FlowArc {
            tail: graph.tail(pair) as u32,
            head: graph.head(pair) as u32,
            capacity: graph.capacity(pair),
            cost: graph.cost(pair),
        })
        .collect();
    Ok(FlowNetwork {
        nodes: graph.n_nodes(),
        source: SOURCE,
        sink: SINK,
        demand: prepared.demand(),
        arcs,
        model: match dimension {
            Dimension::None => "plain",
            Dimension::Groups => "stakeholder groups as a flow",
            Dimension::Regions => "regions as a flow",
        }
        .to_owned(),
    })
}

/// Each reviewer's load target: `load_target` (at most the cap) when given; otherwise the even
/// share, a water level L: the smallest L with Σ min(cap'_r, L) over the reviewers without a
/// target ≥ k × |P| − Σ given targets, where cap'_r = min(load cap, proposals r may review).
/// So reviewers who can take fewer proposals are not counted on for more.
pub fn load_targets(problem: &AssignProblem) -> Result<Vec<u32>, AssignError> {
    super::validate(problem)?;
    Ok(Prepared::new(problem)?.targets)
}

pub(crate) const SOURCE: usize = 0;
pub(crate) const SINK: usize = 1;

/// Which mix dimension, if any, the flow network carries.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Dimension {
    None,
    Groups,
    Regions,
}

/// The lexicographic objective of a pair list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct Score {
    pub(crate) shortfall: u64,
    pub(crate) new_pairs: u64,
    pub(crate) objective: i64,
}

/// The problem with everything the methods need worked out once.
#[derive(Debug)]
pub(crate) struct Prepared<'a> {
    pub(crate) problem: &'a AssignProblem,
    pub(crate) k: u32,
    /// Effective caps: min(load cap, proposals the reviewer may review).
    pub(crate) caps: Vec<u32>,
    pub(crate) targets: Vec<u32>,
    /// Class of each reviewer: stakeholder group and region, interned.
    pub(crate) stakeholder: Vec<u32>,
    pub(crate) region: Vec<u32>,
    pub(crate) stakeholder_names: Vec<String>,
    pub(crate) region_names: Vec<String>,
    /// Wanted distinct classes per proposal after "where the pool allows" (0 = off).
    pub(crate) groups_wanted: Vec<u32>,
    pub(crate) regions_wanted: Vec<u32>,
    /// Eligible reviewers per proposal.
    pub(crate) eligible_count: Vec<u32>,
    /// Kept reviewers per proposal, ascending, without repeats.
    pub(crate) keep: Vec<Vec<u32>>,
    pub(crate) n_keep: usize,
    /// Weight of a pair not in `keep` (0 when nothing is kept).
    pub(crate) w_keep: i64,
    /// Weight of one unit of mix shortfall (0 when the mix is off).
    pub(crate) w_mix: i64,
    /// Conflicted reviewers per proposal, ascending.
    conflicts: Vec<Vec<u32>>,
    proposal_group: Vec<Option<u32>>,
    /// Evaluation groups per reviewer, ascending; empty = any.
    reviewer_groups: Vec<Vec<u32>>,
    proposal_topics: Vec<Vec<u32>>,
    reviewer_expertise: Vec<Vec<u32>>,
}

impl<'a> Prepared<'a> {
    /// Errors (`TooLarge`) only when the big-M weights would not fit in 64 bits.
    pub(crate) fn new(problem: &'a AssignProblem) -> Result<Prepared<'a>, AssignError> {
        let n_proposals = problem.proposals.len();
        let mut group_ids = Interner::default();
        let proposal_group = problem
            .proposals
            .iter()
            .map(|p| (!p.group.is_empty()).then(|| group_ids.id(&p.group)))
            .collect();
        let reviewer_groups = problem
            .reviewers
            .iter()
            .map(|r| sorted(r.groups.iter().map(|g| group_ids.id(g))))
            .collect();
        let mut topic_ids = Interner::default();
        let proposal_topics = problem
            .proposals
            .iter()
            .map(|p| {
                sorted(
                    p.topics
                        .iter()
                        .map(|t| topic_ids.id(&t.trim().to_lowercase())),
                )
            })
            .collect();
        let reviewer_expertise = problem
            .reviewers
            .iter()
            .map(|r| {
                sorted(
                    r.expertise
                        .iter()
                        .map(|t| topic_ids.id(&t.trim().to_lowercase())),
                )
            })
            .collect();
        let mut stakeholder_ids = Interner::default();
        let stakeholder = problem
            .reviewers
            .iter()
            .map(|r| stakeholder_ids.id(&r.stakeholder_group))
            .collect();
        let mut region_ids = Interner::default();
        let region = problem
            .reviewers
            .iter()
            .map(|r| region_ids.id(&r.region))
            .collect();
        let mut conflicts: Vec<Vec<u32>> = vec![Vec::new(); n_proposals];
        for &(p, r) in &problem.conflicts {
            conflicts[p].push(r as u32);
        }
        let mut keep: Vec<Vec<u32>> = vec![Vec::new(); n_proposals];
        for &(p, r) in &problem.keep {
            keep[p].push(r as u32);
        }
        let mut n_keep = 0;
        for kept in &mut keep {
            kept.sort_unstable();
            kept.dedup();
            n_keep += kept.len();
        }
        let mut prepared = Prepared {
            problem,
            k: problem.reviews_per_proposal,
            caps: problem.reviewers.iter().map(|r| r.load_cap).collect(),
            targets: Vec::new(),
            stakeholder,
            region,
            stakeholder_names: stakeholder_ids.names,
            region_names: region_ids.names,
            groups_wanted: vec![0; n_proposals],
            regions_wanted: vec![0; n_proposals],
            eligible_count: vec![0; n_proposals],
            keep,
            n_keep,
            w_keep: 0,
            w_mix: 0,
            conflicts,
            proposal_group,
            reviewer_groups,
            proposal_topics,
            reviewer_expertise,
        };
        prepared.count_eligibility();
        prepared.targets = prepared.even_targets();
        prepared.set_weights()?;
        Ok(prepared)
    }

    pub(crate) fn n_proposals(&self) -> usize {
        self.problem.proposals.len()
    }

    pub(crate) fn n_reviewers(&self) -> usize {
        self.problem.reviewers.len()
    }

    pub(crate) fn demand(&self) -> u64 {
        u64::from(self.k) * self.n_proposals() as u64
    }

    /// Whether `r` may review `p` as far as evaluation groups go (conflicts and caps aside).
    pub(crate) fn group_allows(&self, p: usize, r: usize) -> bool {
        match self.proposal_group[p] {
            None => true,
            Some(group) => {
                let groups = &self.reviewer_groups[r];
                groups.is_empty() || groups.binary_search(&group).is_ok()
            }
        }
    }

    pub(crate) fn is_conflict(&self, p: usize, r: usize) -> bool {
        self.conflicts[p].binary_search(&(r as u32)).is_ok()
    }

    pub(crate) fn is_kept(&self, p: usize, r: usize) -> bool {
        self.keep[p].binary_search(&(r as u32)).is_ok()
    }

    /// The reviewers eligible for `p` (groups, no conflict, load cap above 0), ascending.
    pub(crate) fn eligible(&self, p: usize, out: &mut Vec<u32>) {
        out.clear();
        let conflicts = &self.conflicts[p];
        let mut next_conflict = 0;
        for r in 0..self.n_reviewers() {
            while next_conflict < conflicts.len() && (conflicts[next_conflict] as usize) < r {
                next_conflict += 1;
            }
            if next_conflict < conflicts.len() && conflicts[next_conflict] as usize == r {
                continue;
            }
            if self.problem.reviewers[r].load_cap > 0 && self.group_allows(p, r) {
                out.push(r as u32);
            }
        }
    }

    /// Topics of `p` found in the expertise of `r`.
    pub(crate) fn matches(&self, p: usize, r: usize) -> usize {
        let (a, b) = (&self.proposal_topics[p], &self.reviewer_expertise[r]);
        let (mut i, mut j, mut n) = (0, 0, 0);
        while i < a.len() && j < b.len() {
            match a[i].cmp(&b[j]) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    n += 1;
                    i += 1;
                    j += 1;
                }
            }
        }
        n
    }

    /// `BASE_COST − MATCH_GAIN × min(matches, MAX_COUNTED_MATCHES)`.
    pub(crate) fn pair_cost(&self, p: usize, r: usize) -> i64 {
        BASE_COST - MATCH_GAIN * self.matches(p, r).min(MAX_COUNTED_MATCHES) as i64
    }

    /// The cost of arc p → r in the network: the pair cost plus `w_keep` unless kept.
    pub(crate) fn arc_cost(&self, p: usize, r: usize) -> i64 {
        let keep = if self.is_kept(p, r) { 0 } else { self.w_keep };
        self.pair_cost(p, r) + keep
    }

    /// `OVER_TARGET_STEP × (1 + 2 + … + excess)` for a reviewer with `load`.
    pub(crate) fn load_penalty(&self, r: usize, load: u32) -> i64 {
        let excess = i64::from(load.saturating_sub(self.targets[r]));
        OVER_TARGET_STEP * excess * (excess + 1) / 2
    }

    pub(crate) fn wanted(&self, dimension: Dimension, p: usize) -> u32 {
        match dimension {
            Dimension::None => 0,
            Dimension::Groups => self.groups_wanted[p],
            Dimension::Regions => self.regions_wanted[p],
        }
    }

    pub(crate) fn class_of(&self, dimension: Dimension, r: usize) -> u32 {
        match dimension {
            Dimension::None => 0,
            Dimension::Groups => self.stakeholder[r],
            Dimension::Regions => self.region[r],
        }
    }

    pub(crate) fn n_classes(&self, dimension: Dimension) -> usize {
        match dimension {
            Dimension::None => 1,
            Dimension::Groups => self.stakeholder_names.len(),
            Dimension::Regions => self.region_names.len(),
        }
    }

    pub(crate) fn is_active(&self, dimension: Dimension) -> bool {
        (0..self.n_proposals()).any(|p| self.wanted(dimension, p) >= 2)
    }

    /// Every wanted number is 0, 1, 2 or k: the flow carries this dimension exactly.
    pub(crate) fn is_representable(&self, dimension: Dimension) -> bool {
        (0..self.n_proposals()).all(|p| {
            let wanted = self.wanted(dimension, p);
            wanted <= 2 || wanted == self.k
        })
    }

    /// The dimension the flow network carries: stakeholder groups if wanted and exact as a
    /// flow, else regions on the same terms, else none.
    pub(crate) fn flow_dimension(&self) -> Dimension {
        if self.is_active(Dimension::Groups) && self.is_representable(Dimension::Groups) {
            Dimension::Groups
        } else if self.is_active(Dimension::Regions) && self.is_representable(Dimension::Regions) {
            Dimension::Regions
        } else {
            Dimension::None
        }
    }

    /// Whether a wanted dimension is left out of the flow, so the flow is only a relaxation.
    pub(crate) fn needs_programme(&self, in_flow: Dimension) -> bool {
        [Dimension::Groups, Dimension::Regions]
            .into_iter()
            .any(|d| d != in_flow && self.is_active(d))
    }

    /// Distinct classes of `dimension` among `reviewers`.
    pub(crate) fn distinct(&self, dimension: Dimension, reviewers: &[u32]) -> u32 {
        let mut classes: Vec<u32> = reviewers
            .iter()
            .map(|&r| self.class_of(dimension, r as usize))
            .collect();
        classes.sort_unstable();
        classes.dedup();
        classes.len() as u32
    }

    /// Shortfall of proposal `p` with `reviewers` in `dimension`.
    pub(crate) fn shortfall_of(&self, dimension: Dimension, p: usize, reviewers: &[u32]) -> u32 {
        self.wanted(dimension, p)
            .saturating_sub(self.distinct(dimension, reviewers))
    }

    /// Total shortfall of `pairs` in the wanted dimensions the flow does not carry.
    pub(crate) fn shortfall_outside(&self, pairs: &[(usize, usize)], in_flow: Dimension) -> u64 {
        let per_proposal = group_pairs(self.n_proposals(), pairs);
        let mut total = 0;
        for dimension in [Dimension::Groups, Dimension::Regions] {
            if dimension == in_flow {
                continue;
            }
            for (p, reviewers) in per_proposal.iter().enumerate() {
                total += u64::from(self.shortfall_of(dimension, p, reviewers));
            }
        }
        total
    }

    /// The lexicographic objective of `pairs` (assumed valid).
    pub(crate) fn score(&self, pairs: &[(usize, usize)]) -> Score {
        let per_proposal = group_pairs(self.n_proposals(), pairs);
        let mut loads = vec![0u32; self.n_reviewers()];
        let mut objective = 0;
        let mut new_pairs = 0;
        for &(p, r) in pairs {
            loads[r] += 1;
            objective += self.pair_cost(p, r);
            if !self.is_kept(p, r) {
                new_pairs += 1;
            }
        }
        for (r, &load) in loads.iter().enumerate() {
            objective += self.load_penalty(r, load);
        }
        let mut shortfall = 0;
        for (p, reviewers) in per_proposal.iter().enumerate() {
            shortfall += u64::from(self.shortfall_of(Dimension::Groups, p, reviewers));
            shortfall += u64::from(self.shortfall_of(Dimension::Regions, p, reviewers));
        }
        Score {
            shortfall,
            new_pairs,
            objective,
        }
    }

    /// `W_mix × shortfall + W_keep × new pairs + objective`: what every method minimises.
    pub(crate) fn weighted(&self, score: Score) -> i64 {
        self.w_mix * score.shortfall as i64 + self.w_keep * score.new_pairs as i64 + score.objective
    }

    /// Eligible counts per proposal, effective caps, and the wanted mix per proposal.
    fn count_eligibility(&mut self) {
        let n_reviewers = self.n_reviewers();
        let mut proposals_of_reviewer = vec![0u32; n_reviewers];
        let mut eligible = Vec::with_capacity(n_reviewers);
        let mix = self.problem.mix;
        for p in 0..self.n_proposals() {
            self.eligible(p, &mut eligible);
            for &r in &eligible {
                proposals_of_reviewer[r as usize] += 1;
            }
            self.eligible_count[p] = eligible.len() as u32;
            let limit = |wanted: u32, available: u32| {
                let wanted = wanted.min(self.k).min(available);
                if wanted >= 2 { wanted } else { 0 }
            };
            self.groups_wanted[p] = limit(
                mix.min_stakeholder_groups,
                self.distinct(Dimension::Groups, &eligible),
            );
            self.regions_wanted[p] = limit(
                mix.min_regions,
                self.distinct(Dimension::Regions, &eligible),
            );
        }
        for (cap, proposals) in self.caps.iter_mut().zip(proposals_of_reviewer) {
            *cap = (*cap).min(proposals);
        }
    }

    fn even_targets(&self) -> Vec<u32> {
        let demand = self.demand();
        let given: u64 = self
            .problem
            .reviewers
            .iter()
            .zip(&self.caps)
            .filter_map(|(r, &cap)| r.load_target.map(|t| u64::from(t.min(cap))))
            .sum();
        let open: Vec<u32> = self
            .problem
            .reviewers
            .iter()
            .zip(&self.caps)
            .filter(|(r, _)| r.load_target.is_none())
            .map(|(_, &cap)| cap)
            .collect();
        let rest = demand.saturating_sub(given);
        let filled =
            |level: u32| -> u64 { open.iter().map(|&cap| u64::from(cap.min(level))).sum() };
        let (mut low, mut high) = (0u32, open.iter().copied().max().unwrap_or(0));
        while low < high {
            let middle = low + (high - low) / 2;
            if filled(middle) >= rest {
                high = middle;
            } else {
                low = middle + 1;
            }
        }
        self.problem
            .reviewers
            .iter()
            .zip(&self.caps)
            .map(|(r, &cap)| r.load_target.unwrap_or(low).min(cap))
            .collect()
    }

    /// `W_keep = S + 1` and `W_mix = W_keep × k|P| + S + 1` (see the module documentation of
    /// `assign`), computed wide; the largest possible weighted objective (every unit of
    /// shortfall, every pair new) must stay far inside i64, so sums and potentials cannot
    /// overflow.
    fn set_weights(&mut self) -> Result<(), AssignError> {
        let demand = i128::from(self.k) * self.n_proposals() as i128;
        let mut bound = demand * i128::from(BASE_COST);
        for r in 0..self.n_reviewers() {
            let excess = i128::from(self.caps[r].saturating_sub(self.targets[r]));
            bound += i128::from(OVER_TARGET_STEP) * excess * (excess + 1) / 2;
        }
        let w_keep = if self.n_keep > 0 { bound + 1 } else { 0 };
        let mix_on = self.is_active(Dimension::Groups) || self.is_active(Dimension::Regions);
        let w_mix = if mix_on {
            w_keep * demand + bound + 1
        } else {
            0
        };
        let largest = w_mix * (2 * demand + 1) + w_keep * demand + bound;
        if largest > i128::from(i64::MAX / 64) {
            return Err(AssignError::TooLarge);
        }
        self.w_keep = w_keep as i64;
        self.w_mix = w_mix as i64;
        Ok(())
    }
}

/// Reviewers per proposal from a sorted or unsorted pair list.
pub(crate) fn group_pairs(n_proposals: usize, pairs: &[(usize, usize)]) -> Vec<Vec<u32>> {
    let mut per_proposal = vec![Vec::new(); n_proposals];
    for &(p, r) in pairs {
        per_proposal[p].push(r as u32);
    }
    per_proposal
}

/// The network with the flow's answer.
#[derive(Debug)]
pub(crate) struct FlowSolved {
    pub(crate) graph: FlowGraph,
    pub(crate) layout: Layout,
    pub(crate) result: FlowResult,
    /// The pairs, when the network carried the whole demand.
    pub(crate) pairs: Option<Vec<(usize, usize)>>,
}

/// Where things are in the network.
#[derive(Debug)]
pub(crate) struct Layout {
    pub(crate) n_proposals: usize,
    /// Arc pairs p → r (directly or through a class node) of each proposal: a range.
    pub(crate) edges: Vec<(u32, u32)>,
}

impl Layout {
    pub(crate) fn reviewer_of_node(&self, node: usize) -> usize {
        node - 2 - self.n_proposals
    }
}

fn proposal_node(p: usize) -> usize {
    2 + p
}

pub(crate) fn reviewer_node(n_proposals: usize, r: usize) -> usize {
    2 + n_proposals + r
}

/// Builds the network (mix in `dimension`) and solves it.
pub(crate) fn solve_flow(
    prepared: &Prepared<'_>,
    dimension: Dimension,
) -> Result<FlowSolved, AssignError> {
    let (mut graph, layout) = build(prepared, dimension);
    let demand = prepared.demand();
    let result = graph.solve(SOURCE, SINK, demand);
    let pairs = (result.flow == demand).then(|| {
        let mut pairs = Vec::with_capacity(demand as usize);
        for (p, &(start, end)) in layout.edges.iter().enumerate() {
            for pair in start as usize..end as usize {
                if graph.flow(pair) > 0 {
                    pairs.push((p, layout.reviewer_of_node(graph.head(pair))));
                }
            }
        }
        pairs.sort_unstable();
        pairs
    });
    Ok(FlowSolved {
        graph,
        layout,
        result,
        pairs,
    })
}

fn build(prepared: &Prepared<'_>, dimension: Dimension) -> (FlowGraph, Layout) {
    let n_proposals = prepared.n_proposals();
    let n_reviewers = prepared.n_reviewers();
    let k = prepared.k;
    let mut graph = FlowGraph::new(2 + n_proposals + n_reviewers);
    let n_edges: usize = prepared.eligible_count.iter().map(|&c| c as usize).sum();
    graph.reserve(n_edges + 2 * n_proposals + 8 * n_reviewers);
    for p in 0..n_proposals {
        graph.add_arc(SOURCE, proposal_node(p), k, 0);
    }
    let n_classes = prepared.n_classes(dimension);
    let mut class_count = vec![0u32; n_classes];
    let mut class_node = vec![0usize; n_classes];
    let mut eligible = Vec::with_capacity(n_reviewers);
    let mut edges = Vec::with_capacity(n_proposals);
    for p in 0..n_proposals {
        prepared.eligible(p, &mut eligible);
        let wanted = prepared.wanted(dimension, p);
        let through_classes = wanted >= 2;
        if through_classes {
            class_count.fill(0);
            for &r in &eligible {
                class_count[prepared.class_of(dimension, r as usize) as usize] += 1;
            }
            let per_class = k - wanted + 1;
            for class in 0..n_classes {
                let count = class_count[class];
                if count == 0 {
                    continue;
                }
                let node = graph.add_node();
                class_node[class] = node;
                graph.add_arc(proposal_node(p), node, per_class.min(count), 0);
                let limit = k.min(count);
                if limit > per_class {
                    graph.add_arc(proposal_node(p), node, limit - per_class, prepared.w_mix);
                }
            }
        }
        let start = graph.n_pairs() as u32;
        for &r in &eligible {
            let r = r as usize;
            let tail = if through_classes {
                class_node[prepared.class_of(dimension, r) as usize]
            } else {
                proposal_node(p)
            };
            graph.add_arc(
                tail,
                reviewer_node(n_proposals, r),
                1,
                prepared.arc_cost(p, r),
            );
        }
        edges.push((start, graph.n_pairs() as u32));
    }
    for r in 0..n_reviewers {
        let (cap, target) = (prepared.caps[r], prepared.targets[r]);
        let node = reviewer_node(n_proposals, r);
        if target > 0 {
            graph.add_arc(node, SINK, target, 0);
        }
        for j in 1..=cap.saturating_sub(target) {
            graph.add_arc(node, SINK, 1, OVER_TARGET_STEP * i64::from(j));
        }
    }
    (graph, Layout { n_proposals, edges })
}

/// Interns strings to dense ids in order of first appearance.
#[derive(Debug, Default)]
struct Interner {
    ids: BTreeMap<String, u32>,
    names: Vec<String>,
}

impl Interner {
    fn id(&mut self, name: &str) -> u32 {
        if let Some(&id) = self.ids.get(name) {
            return id;
        }
        let id = self.names.len() as u32;
        self.ids.insert(name.to_owned(), id);
        self.names.push(name.to_owned());
        id
    }
}

fn sorted(ids: impl Iterator<Item = u32>) -> Vec<u32> {
    let mut ids: Vec<u32> = ids.collect();
    ids.sort_unstable();
    ids.dedup();
    ids
}
