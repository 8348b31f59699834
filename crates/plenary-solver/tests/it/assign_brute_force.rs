//! The assignment solver against exhaustive enumeration on small generated instances (3–6
//! proposals × 3–6 reviewers, random caps, targets, conflicts, evaluation groups, expertise,
//! kept pairs, and every mix setting, including k = 4 with m = 3, which needs indicator
//! variables): the same best lexicographic objective, a valid assignment, and the same
//! verdict on infeasibility.

use std::collections::BTreeSet;

use plenary_solver::assign::{
    AssignOutcome, AssignProblem, Mix, check_assignment, load_targets, solve_assignment,
};

use crate::assign_fixture::{Lex, eligible, evaluate, problem, proposal, reviewer};
use crate::fixture::Rng;

const TOPICS: [&str; 3] = ["data", "AI", "access"];
const STAKEHOLDERS: [&str; 3] = ["government", "civil_society", "technical_community"];
const REGIONS: [&str; 3] = ["african", "grulac", "weog"];

/// Instance `seed`; `shape` picks k and the mix: 0–3 are k = 2 with no mix, stakeholder
/// groups, regions, both; 4 is k = 4 with 3 groups and 3 regions wanted.
fn generated(seed: u64, shape: u64) -> AssignProblem {
    let mut rng = Rng(seed);
    let big_k = shape == 4;
    let k = if big_k { 4 } else { 2 };
    let n_reviewers = if big_k {
        rng.range(5, 6)
    } else {
        rng.range(3, 5)
    } as usize;
    let n_proposals = match (big_k, n_reviewers) {
        (true, _) => rng.range(2, 3),
        (false, 5) => rng.range(3, 4),
        (false, _) => rng.range(3, 5),
    } as usize;
    let grouped = rng.range(0, 2) == 0;
    let n_stakeholders = rng.range(2, 3) as usize;
    let n_regions = rng.range(2, 3) as usize;
    let proposals = (0..n_proposals)
        .map(|i| {
            let group = if grouped {
                rng.pick(&["", "g1", "g2"])
            } else {
                ""
            };
            let mut topics = vec![rng.pick(&TOPICS)];
            if rng.range(0, 2) == 0 {
                topics.push(rng.pick(&TOPICS));
            }
            proposal(&format!("p{i}"), group, &topics)
        })
        .collect();
    let reviewers = (0..n_reviewers)
        .map(|j| {
            let cap = rng.range(1, if big_k { 3 } else { 4 }) as u32;
            let mut r = reviewer(
                &format!("r{j}"),
                STAKEHOLDERS[rng.range(0, n_stakeholders as u64 - 1) as usize],
                REGIONS[rng.range(0, n_regions as u64 - 1) as usize],
                cap,
            );
            if grouped {
                r.groups = match rng.range(0, 3) {
                    0 => vec!["g1".to_owned()],
                    1 => vec!["g2".to_owned()],
                    _ => Vec::new(),
                };
            }
            for _ in 0..rng.range(0, 2) {
                // Upper case on one side: matching ignores case.
                r.expertise.push(rng.pick(&TOPICS).to_uppercase());
            }
            if rng.range(0, 1) == 0 {
                r.load_target = Some(rng.range(0, u64::from(cap)) as u32);
            }
            r
        })
        .collect();
    let mut generated = problem(k, proposals, reviewers);
    for p in 0..n_proposals {
        for r in 0..n_reviewers {
            if rng.range(0, 99) < if big_k { 5 } else { 15 } {
                generated.conflicts.insert((p, r));
            }
        }
    }
    generated.mix = match shape {
        0 => Mix::default(),
        1 => Mix {
            min_stakeholder_groups: 2,
            min_regions: 0,
        },
        2 => Mix {
            min_stakeholder_groups: 1,
            min_regions: 2,
        },
        3 => Mix {
            min_stakeholder_groups: 2,
            min_regions: 2,
        },
        _ => Mix {
            min_stakeholder_groups: 3,
            min_regions: 3,
        },
    };
    if rng.range(0, 1) == 0 {
        for _ in 0..rng.range(1, 2 * n_proposals as u64) {
            let p = rng.range(0, n_proposals as u64 - 1) as usize;
            let r = rng.range(0, n_reviewers as u64 - 1) as usize;
            generated.keep.push((p, r));
        }
    }
    generated
}

/// The least `Lex` over every valid assignment, by enumerating k-subsets per proposal.
fn best_by_enumeration(problem: &AssignProblem) -> Option<Lex> {
    let targets = load_targets(problem).expect("the instance is valid");
    let k = problem.reviews_per_proposal as usize;
    let choices: Vec<Vec<Vec<usize>>> = (0..problem.proposals.len())
        .map(|p| {
            let pool: Vec<usize> = (0..problem.reviewers.len())
                .filter(|&r| eligible(problem, p, r))
                .collect();
            subsets(&pool, k)
        })
        .collect();
    let mut loads = vec![0u32; problem.reviewers.len()];
    let mut pairs = Vec::new();
    let mut best = None;
    enumerate(
        problem, &targets, &choices, 0, &mut loads, &mut pairs, &mut best,
    );
    best
}

fn enumerate(
    problem: &AssignProblem,
    targets: &[u32],
    choices: &[Vec<Vec<usize>>],
    p: usize,
    loads: &mut Vec<u32>,
    pairs: &mut Vec<(usize, usize)>,
    best: &mut Option<Lex>,
) {
    if p == choices.len() {
        let value = evaluate(problem, targets, pairs);
        if best.is_none_or(|b| value < b) {
            *best = Some(value);
        }
        return;
    }
    for subset in &choices[p] {
        if subset
            .iter()
            .any(|&r| loads[r] >= problem.reviewers[r].load_cap)
        {
            continue;
        }
        for &r in subset {
            loads[r] += 1;
            pairs.push((p, r));
        }
        enumerate(problem, targets, choices, p + 1, loads, pairs, best);
        for &r in subset {
            loads[r] -= 1;
            pairs.pop();
        }
    }
}

fn subsets(pool: &[usize], k: usize) -> Vec<Vec<usize>> {
    if k == 0 {
        return vec![Vec::new()];
    }
    let mut all = Vec::new();
    for (i, &first) in pool.iter().enumerate() {
        for mut rest in subsets(&pool[i + 1..], k - 1) {
            rest.insert(0, first);
            all.push(rest);
        }
    }
    all
}

#[test]
fn the_solver_finds_the_optimum_that_enumeration_finds() {
    let mut methods = BTreeSet::new();
    let mut feasible = 0;
    let mut infeasible = 0;
    let mut with_shortfall = 0;
    for shape in 0..5 {
        for seed in 0..60 {
            let problem = generated(1000 * shape + seed, shape);
            let expected = best_by_enumeration(&problem);
            let outcome = solve_assignment(&problem).unwrap();
            let context = format!("shape {shape} seed {seed}: {problem:?}");
            match (expected, outcome) {
                (None, AssignOutcome::Infeasible(why)) => {
                    infeasible += 1;
                    assert!(!why.shortages.is_empty(), "{context}");
                    for shortage in &why.shortages {
                        assert!(shortage.demand > shortage.capacity, "{context}");
                    }
                }
                (Some(best), AssignOutcome::Assigned(assignment)) => {
                    feasible += 1;
                    assert_eq!(
                        check_assignment(&problem, &assignment.pairs),
                        Vec::<String>::new(),
                        "{context}"
                    );
                    assert!(assignment.proven_optimal, "{context}");
                    let targets = load_targets(&problem).unwrap();
                    let got = evaluate(&problem, &targets, &assignment.pairs);
                    assert_eq!(got, best, "{context}");
                    assert_eq!(assignment.objective, best.objective, "{context}");
                    let keep: BTreeSet<_> = problem.keep.iter().copied().collect();
                    assert_eq!(
                        assignment.kept + assignment.changed,
                        keep.len(),
                        "{context}"
                    );
                    if best.shortfall > 0 {
                        with_shortfall += 1;
                        assert!(!assignment.mix_shortfalls.is_empty(), "{context}");
                    } else {
                        assert_eq!(assignment.mix_shortfalls, Vec::new(), "{context}");
                    }
                    methods.insert(assignment.method);
                }
                (expected, outcome) => {
                    panic!("{context}\nenumeration {expected:?}, solver {outcome:?}")
                }
            }
        }
    }
    // The generator reaches every path: both verdicts, both methods, unavoidable shortfalls.
    assert!(
        feasible >= 150 && infeasible >= 10,
        "{feasible} {infeasible}"
    );
    assert!(with_shortfall >= 5, "{with_shortfall}");
    assert_eq!(
        methods,
        BTreeSet::from(["integer programme", "min-cost flow"])
    );
}
