//! A min-cost flow solver: the primal-dual method (successive shortest paths, a whole blocking
//! flow per path length).
//!
//! Main items: `FlowGraph` (arcs added in pairs of tail, head, capacity, cost),
//! `FlowGraph::solve` (send up to `demand` units from `source` to `sink` at least cost),
//! `FlowGraph::change_costs` (re-optimise after some arc costs change, warm-started from the
//! current flow and potentials) and `FlowGraph::reachable` (the source side of a minimum cut
//! once `solve` stops short).
//!
//! The method works on node imbalances (`solve` starts with +demand at the source and −demand
//! at the sink); each phase:
//! 1. Dijkstra from every node with excess on reduced costs `cost + π(tail) − π(head)`, which
//!    are never negative, stopping when a node with a deficit is settled at distance D; every
//!    potential then grows by `min(distance, D)`, which keeps all residual reduced costs
//!    non-negative and makes every arc of a shortest excess–deficit path reduced-cost 0.
//! 2. A blocking flow (Dinic: BFS levels, then an iterative depth-first search with
//!    current-arc pointers, repeated until no deficit is reachable) on the admissible arcs —
//!    residual capacity and reduced cost 0. All of its augmenting paths are shortest, so the
//!    flow stays of minimum cost for what it has moved.
//!
//! Re-optimising after a cost change: the old potentials stay valid everywhere except on the
//! changed arcs; each of those whose reduced cost turned negative is saturated (which moves
//! its imbalance to its end nodes), and the phases above route the imbalances away again.
//!
//! The number of phases is the number of distinct shortest-path lengths met, which is small
//! for the assignment networks (integer costs in a narrow range plus a few big-M levels).
//!
//! Invariants: costs are integers (i64) and every arc is added with a non-negative cost, so
//! zero initial potentials are valid; everything is iterated in insertion order and the heap
//! breaks ties by node number, so the same graph always gives the same flow. At optimum the
//! final potentials are optimal duals: `reduced_cost(arc) ≥ 0` on every arc with residual
//! capacity, which `assign::integer` uses for reduced-cost fixing.
//!
//! Layout: arcs are added as pairs (tail, head, capacity, cost); `solve` then lays both
//! directions of every pair out in CSR order (the arcs leaving a node are contiguous, with
//! their head, residual capacity, cost and the position of their reverse arc side by side),
//! which keeps the scans of Dijkstra, BFS and DFS sequential in memory. 44 bytes per pair
//! once solved (64 while laying out), so the 16,000 × 800 benchmark (12.6 million pairs)
//! peaks near 800 MB.

use std::cmp::Reverse;
use std::collections::BinaryHeap;

/// A directed network with integer capacities and costs, and a flow on it.
#[derive(Debug, Clone, Default)]
pub(crate) struct FlowGraph {
    n_nodes: usize,
    /// The arcs as added (emptied when `solve` lays them out).
    pair_tail: Vec<u32>,
    pair_head: Vec<u32>,
    pair_capacity: Vec<u32>,
    pair_cost: Vec<i64>,
    /// Position of the forward arc of every pair in the CSR arrays (empty before `solve`).
    forward: Vec<u32>,
    /// Arcs leaving node `v` are at positions `first[v]..first[v + 1]`.
    first: Vec<u32>,
    to: Vec<u32>,
    residual: Vec<u32>,
    cost: Vec<i64>,
    reverse: Vec<u32>,
    /// Node potentials (optimal duals after `solve`).
    potential: Vec<i64>,
    /// Supply not yet routed: positive = excess, negative = deficit.
    excess: Vec<i64>,
}

/// What `FlowGraph::solve` achieved.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct FlowResult {
    /// Units sent (less than the demand when the network cannot carry it).
    pub(crate) flow: u64,
    /// Total cost of the flow.
    pub(crate) cost: i64,
    /// Shortest-path phases run.
    pub(crate) phases: u32,
}

const UNREACHED: i64 = i64::MAX / 4;
const NO_LEVEL: u32 = u32::MAX;

impl FlowGraph {
    pub(crate) fn new(n_nodes: usize) -> FlowGraph {
        FlowGraph {
            n_nodes,
            ..FlowGraph::default()
        }
    }

    /// Reserves room for `pairs` more arc pairs.
    pub(crate) fn reserve(&mut self, pairs: usize) {
        self.pair_tail.reserve(pairs);
        self.pair_head.reserve(pairs);
        self.pair_capacity.reserve(pairs);
        self.pair_cost.reserve(pairs);
    }

    /// Adds a node and returns its number.
    pub(crate) fn add_node(&mut self) -> usize {
        self.n_nodes += 1;
        self.n_nodes - 1
    }

    pub(crate) fn n_nodes(&self) -> usize {
        self.n_nodes
    }

    pub(crate) fn n_pairs(&self) -> usize {
        if self.is_laid_out() {
            self.forward.len()
        } else {
            self.pair_cost.len()
        }
    }

    /// Adds the arc `tail → head` with `capacity` and `cost ≥ 0`; returns its pair number.
    /// Only before `solve`.
    pub(crate) fn add_arc(&mut self, tail: usize, head: usize, capacity: u32, cost: i64) -> usize {
        debug_assert!(cost >= 0, "arcs are added with non-negative costs");
        debug_assert!(tail < self.n_nodes && head < self.n_nodes);
        debug_assert!(!self.is_laid_out());
        self.pair_tail.push(tail as u32);
        self.pair_head.push(head as u32);
        self.pair_capacity.push(capacity);
        self.pair_cost.push(cost);
        self.pair_cost.len() - 1
    }

    fn is_laid_out(&self) -> bool {
        !self.forward.is_empty()
    }

    pub(crate) fn tail(&self, pair: usize) -> usize {
        if self.is_laid_out() {
            let position = self.forward[pair] as usize;
            self.to[self.reverse[position] as usize] as usize
        } else {
            self.pair_tail[pair] as usize
        }
    }

    pub(crate) fn head(&self, pair: usize) -> usize {
        if self.is_laid_out() {
            self.to[self.forward[pair] as usize] as usize
        } else {
            self.pair_head[pair] as usize
        }
    }

    pub(crate) fn capacity(&self, pair: usize) -> u32 {
        if self.is_laid_out() {
            let position = self.forward[pair] as usize;
            self.residual[position] + self.residual[self.reverse[position] as usize]
        } else {
            self.pair_capacity[pair]
        }
    }

    pub(crate) fn cost(&self, pair: usize) -> i64 {
        if self.is_laid_out() {
            self.cost[self.forward[pair] as usize]
        } else {
            self.pair_cost[pair]
        }
    }

    /// Units on `pair` (0 before `solve`).
    pub(crate) fn flow(&self, pair: usize) -> u32 {
        if self.is_laid_out() {
            let position = self.forward[pair] as usize;
            self.residual[self.reverse[position] as usize]
        } else {
            0
        }
    }

    /// `cost + π(tail) − π(head)` of the forward arc of `pair`, with the potentials `solve`
    /// left behind: ≥ 0 when the arc has residual capacity, ≤ 0 when it carries flow.
    pub(crate) fn reduced_cost(&self, pair: usize) -> i64 {
        self.reduced(self.forward[pair] as usize)
    }

    /// The node potentials `solve` or `change_costs` left behind (optimal duals).
    pub(crate) fn potentials(&self) -> &[i64] {
        &self.potential
    }

    /// Sends up to `demand` units from `source` to `sink` at least total cost (among all flows
    /// of the value reached). Stops early when no augmenting path is left. Call once.
    pub(crate) fn solve(&mut self, source: usize, sink: usize, demand: u64) -> FlowResult {
        self.lay_out();
        self.potential = vec![0; self.n_nodes];
        self.excess = vec![0; self.n_nodes];
        let demand = i64::try_from(demand).unwrap_or(i64::MAX / 4);
        self.excess[source] = demand;
        self.excess[sink] = -demand;
        let phases = self.balance();
        FlowResult {
            flow: (demand - self.excess[source]) as u64,
            cost: self.total_cost(),
            phases,
        }
    }

    /// Adds `delta` to the cost of each listed pair (costs must stay ≥ 0) and re-optimises from
    /// the current flow. The flow's value is unchanged; returns its new cost and the phases.
    pub(crate) fn change_costs(&mut self, changes: &[(usize, i64)]) -> FlowResult {
        for &(pair, delta) in changes {
            let position = self.forward[pair] as usize;
            let back = self.reverse[position] as usize;
            self.cost[position] += delta;
            self.cost[back] -= delta;
        }
        for &(pair, _) in changes {
            let position = self.forward[pair] as usize;
            let back = self.reverse[position] as usize;
            for arc in [position, back] {
                if self.residual[arc] > 0 && self.reduced(arc) < 0 {
                    let amount = self.residual[arc];
                    let opposite = self.reverse[arc] as usize;
                    self.residual[arc] = 0;
                    self.residual[opposite] += amount;
                    self.excess[self.to[arc] as usize] += i64::from(amount);
                    self.excess[self.to[opposite] as usize] -= i64::from(amount);
                }
            }
        }
        let phases = self.balance();
        debug_assert!(
            self.is_balanced(),
            "re-routing after a cost change always succeeds"
        );
        FlowResult {
            flow: 0,
            cost: self.total_cost(),
            phases,
        }
    }

    /// Whether every imbalance has been routed.
    pub(crate) fn is_balanced(&self) -> bool {
        self.excess.iter().all(|&e| e == 0)
    }

    fn total_cost(&self) -> i64 {
        (0..self.n_pairs())
            .map(|pair| self.cost(pair) * i64::from(self.flow(pair)))
            .sum()
    }

    /// Routes excesses to deficits along shortest paths until none is left or none can move.
    fn balance(&mut self) -> u32 {
        let mut phases = 0;
        let mut dist = vec![UNREACHED; self.n_nodes];
        let mut settled = vec![false; self.n_nodes];
        let mut level = vec![NO_LEVEL; self.n_nodes];
        let mut current = vec![0u32; self.n_nodes];
        let mut queue = Vec::with_capacity(self.n_nodes);
        let mut path = Vec::new();
        while self.excess.iter().any(|&e| e > 0) {
            phases += 1;
            if !self.shortest_paths(&mut dist, &mut settled) {
                break;
            }
            while self.levels(&mut level, &mut queue) {
                if self.blocking_flow(&mut level, &mut current, &mut path) == 0 {
                    break;
                }
            }
        }
        phases
    }

    /// Nodes reachable from `source` through arcs with residual capacity (after `solve`).
    pub(crate) fn reachable(&self, source: usize) -> Vec<bool> {
        let mut seen = vec![false; self.n_nodes];
        let mut stack = vec![source];
        seen[source] = true;
        while let Some(node) = stack.pop() {
            for position in self.arcs_from(node) {
                let next = self.to[position] as usize;
                if self.residual[position] > 0 && !seen[next] {
                    seen[next] = true;
                    stack.push(next);
                }
            }
        }
        seen
    }

    /// Moves the pairs into the CSR arrays, both directions, in pair order within each node.
    fn lay_out(&mut self) {
        let n_pairs = self.pair_cost.len();
        let mut first = vec![0u32; self.n_nodes + 1];
        for pair in 0..n_pairs {
            first[self.pair_tail[pair] as usize + 1] += 1;
            first[self.pair_head[pair] as usize + 1] += 1;
        }
        for node in 0..self.n_nodes {
            first[node + 1] += first[node];
        }
        let n_arcs = 2 * n_pairs;
        let mut fill = first.clone();
        let mut to = vec![0u32; n_arcs];
        let mut residual = vec![0u32; n_arcs];
        let mut cost = vec![0i64; n_arcs];
        let mut reverse = vec![0u32; n_arcs];
        let mut forward = vec![0u32; n_pairs];
        for (pair, forward_position) in forward.iter_mut().enumerate() {
            let (tail, head) = (self.pair_tail[pair] as usize, self.pair_head[pair] as usize);
            let out = fill[tail];
            fill[tail] += 1;
            let back = fill[head];
            fill[head] += 1;
            to[out as usize] = head as u32;
            residual[out as usize] = self.pair_capacity[pair];
            cost[out as usize] = self.pair_cost[pair];
            reverse[out as usize] = back;
            to[back as usize] = tail as u32;
            cost[back as usize] = -self.pair_cost[pair];
            reverse[back as usize] = out;
            *forward_position = out;
        }
        self.pair_tail = Vec::new();
        self.pair_head = Vec::new();
        self.pair_capacity = Vec::new();
        self.pair_cost = Vec::new();
        self.first = first;
        self.to = to;
        self.residual = residual;
        self.cost = cost;
        self.reverse = reverse;
        self.forward = forward;
    }

    fn arcs_from(&self, node: usize) -> std::ops::Range<usize> {
        self.first[node] as usize..self.first[node + 1] as usize
    }

    /// Reduced cost of the arc at `position`.
    fn reduced(&self, position: usize) -> i64 {
        let tail = self.to[self.reverse[position] as usize] as usize;
        self.cost[position] + self.potential[tail] - self.potential[self.to[position] as usize]
    }

    /// Dijkstra from every excess node on reduced costs, then the potential update. False when
    /// no deficit is reachable.
    fn shortest_paths(&mut self, dist: &mut [i64], settled: &mut [bool]) -> bool {
        dist.fill(UNREACHED);
        settled.fill(false);
        let mut heap = BinaryHeap::new();
        for (node, &excess) in self.excess.iter().enumerate() {
            if excess > 0 {
                dist[node] = 0;
                heap.push(Reverse((0i64, node as u32)));
            }
        }
        let mut deficit_distance = None;
        while let Some(Reverse((distance, node))) = heap.pop() {
            let node = node as usize;
            if settled[node] || distance > dist[node] {
                continue;
            }
            settled[node] = true;
            if self.excess[node] < 0 {
                deficit_distance = Some(distance);
                break;
            }
            let base = distance + self.potential[node];
            for position in self.arcs_from(node) {
                if self.residual[position] == 0 {
                    continue;
                }
                let next = self.to[position] as usize;
                let candidate = base + self.cost[position] - self.potential[next];
                if candidate < dist[next] {
                    dist[next] = candidate;
                    heap.push(Reverse((candidate, next as u32)));
                }
            }
        }
        let Some(bound) = deficit_distance else {
            return false;
        };
        for node in 0..self.n_nodes {
            self.potential[node] += if settled[node] { dist[node] } else { bound };
        }
        true
    }

    /// Whether the arc at `position`, leaving `node`, has room and reduced cost 0.
    fn admissible(&self, node: usize, position: usize) -> bool {
        self.residual[position] > 0
            && self.cost[position] + self.potential[node]
                == self.potential[self.to[position] as usize]
    }

    /// BFS levels over admissible arcs from every excess node; false when no deficit is
    /// reached. Deficit nodes are not expanded.
    fn levels(&self, level: &mut [u32], queue: &mut Vec<u32>) -> bool {
        level.fill(NO_LEVEL);
        queue.clear();
        for (node, &excess) in self.excess.iter().enumerate() {
            if excess > 0 {
                level[node] = 0;
                queue.push(node as u32);
            }
        }
        let mut read = 0;
        let mut reached = false;
        while read < queue.len() {
            let node = queue[read] as usize;
            read += 1;
            if self.excess[node] < 0 {
                reached = true;
                continue;
            }
            for position in self.arcs_from(node) {
                let next = self.to[position] as usize;
                if level[next] == NO_LEVEL && self.admissible(node, position) {
                    level[next] = level[node] + 1;
                    queue.push(next as u32);
                }
            }
        }
        reached
    }

    /// One Dinic blocking flow on the level graph, from each excess node in turn to deficit
    /// nodes; returns the units moved.
    fn blocking_flow(
        &mut self,
        level: &mut [u32],
        current: &mut [u32],
        path: &mut Vec<u32>,
    ) -> u64 {
        current.copy_from_slice(&self.first[..self.n_nodes]);
        let mut moved = 0u64;
        for start in 0..self.n_nodes {
            if self.excess[start] <= 0 || level[start] != 0 {
                continue;
            }
            path.clear();
            let mut node = start;
            while self.excess[start] > 0 {
                if self.excess[node] < 0 {
                    let mut amount = self.excess[start].min(-self.excess[node]);
                    for &position in path.iter() {
                        amount = amount.min(i64::from(self.residual[position as usize]));
                    }
                    let amount32 = amount as u32;
                    for &position in path.iter() {
                        self.residual[position as usize] -= amount32;
                        self.residual[self.reverse[position as usize] as usize] += amount32;
                    }
                    self.excess[start] -= amount;
                    self.excess[node] += amount;
                    moved += amount as u64;
                    // Retreat to the tail of the first saturated arc (or restart).
                    let cut = path
                        .iter()
                        .position(|&position| self.residual[position as usize] == 0)
                        .unwrap_or(path.len());
                    path.truncate(cut);
                    node = match path.last() {
                        Some(&position) => self.to[position as usize] as usize,
                        None => start,
                    };
                    continue;
                }
                let end = self.first[node + 1];
                let next_level = level[node] + 1;
                let mut advanced = false;
                while current[node] < end {
                    let position = current[node] as usize;
                    let next = self.to[position] as usize;
                    if level[next] == next_level && self.admissible(node, position) {
                        path.push(position as u32);
                        node = next;
                        advanced = true;
                        break;
                    }
                    current[node] += 1;
                }
                if !advanced {
                    level[node] = NO_LEVEL;
                    let Some(position) = path.pop() else {
                        break;
                    };
                    node = self.to[self.reverse[position as usize] as usize] as usize;
                    current[node] += 1;
                }
            }
        }
        moved
    }
}
