//! A deterministic generator of reviewer-assignment instances, for the benchmark and tests.
//!
//! Main item: `synthetic_assign_instance(proposals, reviewers, k, cap, conflict_percent,
//! seed)`: proposals on the eight IGF 2023 sub-themes (some more popular than others, a third
//! of them with a second theme), reviewers from 5 stakeholder groups and 5 UN regional groups
//! with one to three themes of expertise (1.75 on average, so popular themes lack experts), every reviewer with the same load cap and the even
//! share as target, and each (proposal, reviewer) pair a conflict of interest with probability
//! `conflict_percent`%. No evaluation groups (any reviewer may review any proposal), no mix
//! (set `mix` to ask for one), nothing to keep.
//!
//! Invariants: the same arguments always give the same problem (SplitMix64, no global
//! state); ids are `proposal-00001` and `reviewer-0001` style, so they are unique.
//!
//! Neighbours: solving is `assign::solve_assignment`; nothing in production calls this.

use std::collections::BTreeSet;

use crate::assign::{AssignProblem, AssignProposal, AssignReviewer, Mix};
use crate::rng::SplitMix64;

/// The IGF 2023 sub-themes, with how often proposals choose each (out of 100).
const THEMES: [(&str, usize); 8] = [
    ("ai-emerging-technologies", 18),
    ("avoiding-internet-fragmentation", 8),
    ("cybersecurity-online-safety", 14),
    ("data-governance-trust", 12),
    ("digital-divides-inclusion", 16),
    ("global-digital-governance", 10),
    ("human-rights-freedoms", 12),
    ("sustainability-environment", 10),
];
const GROUPS: [&str; 5] = [
    "government",
    "intergovernmental",
    "private_sector",
    "civil_society",
    "technical_community",
];
const REGIONS: [&str; 5] = [
    "african",
    "asia_pacific",
    "eastern_european",
    "grulac",
    "weog",
];

/// `proposals` × `reviewers` with k reviews each, load cap `cap` and `conflict_percent`%
/// conflicts of interest.
pub fn synthetic_assign_instance(
    proposals: usize,
    reviewers: usize,
    k: u32,
    cap: u32,
    conflict_percent: u32,
    seed: u64,
) -> AssignProblem {
    let mut rng = SplitMix64(seed ^ 0x5EED_A551_6E00_0000);
    let proposal_list = (0..proposals)
        .map(|i| {
            let first = popular_theme(&mut rng);
            let mut topics = vec![THEMES[first].0.to_owned()];
            if rng.below(100) < 35 {
                let second = (first + 1 + rng.below(THEMES.len() - 1)) % THEMES.len();
                topics.push(THEMES[second].0.to_owned());
            }
            AssignProposal {
                id: format!("proposal-{:05}", i + 1),
                group: String::new(),
                topics,
            }
        })
        .collect();
    let reviewer_list = (0..reviewers)
        .map(|j| {
            let n_themes = match rng.below(100) {
                0..40 => 1,
                40..85 => 2,
                _ => 3,
            };
            let mut themes: Vec<usize> = Vec::new();
            while themes.len() < n_themes {
                let theme = rng.below(THEMES.len());
                if !themes.contains(&theme) {
                    themes.push(theme);
                }
            }
            themes.sort_unstable();
            AssignReviewer {
                id: format!("reviewer-{:04}", j + 1),
                groups: Vec::new(),
                expertise: themes.iter().map(|&t| THEMES[t].0.to_owned()).collect(),
                stakeholder_group: GROUPS[rng.below(GROUPS.len())].to_owned(),
                region: REGIONS[rng.below(REGIONS.len())].to_owned(),
                load_cap: cap,
                load_target: None,
            }
        })
        .collect();
    let mut conflicts = BTreeSet::new();
    if conflict_percent > 0 {
        for p in 0..proposals {
            for r in 0..reviewers {
                if rng.below(100) < conflict_percent as usize {
                    conflicts.insert((p, r));
                }
            }
        }
    }
    AssignProblem {
        reviews_per_proposal: k,
        proposals: proposal_list,
        reviewers: reviewer_list,
        conflicts,
        mix: Mix::default(),
        keep: Vec::new(),
    }
}

fn popular_theme(rng: &mut SplitMix64) -> usize {
    let mut draw = rng.below(100);
    for (index, &(_, weight)) in THEMES.iter().enumerate() {
        if draw < weight {
            return index;
        }
        draw -= weight;
    }
    THEMES.len() - 1
}
