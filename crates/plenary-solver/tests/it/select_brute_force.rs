//! The selection optimiser against exhaustive enumeration on 60 small generated instances
//! (≤ 12 candidates): the same programme size and the same best objective under the
//! documented model (fill first, then score minus the balance penalty), the same verdict on
//! infeasibility, and a selection that passes `check_selection`.

use plenary_solver::select::{Fixed, SelectProblem, Selection, check_selection, solve_selection};

use crate::fixture::Rng;
use crate::select_fixture::{balance, budget, candidate, cap};

const TYPES: [&str; 3] = ["workshop", "open_forum", "launch"];
const THEMES: [&str; 3] = ["ai", "data", "rights"];

fn generated(seed: u64) -> SelectProblem {
    let mut rng = Rng(seed);
    let n = rng.range(4, 12) as usize;
    let candidates = (0..n)
        .map(|i| {
            // Half-point scores from -1 to 5: ties and non-positive scores are common.
            let score = rng.range(0, 12) as f64 / 2.0 - 1.0;
            let session_type = rng.pick(&TYPES);
            let theme = rng.pick(&THEMES);
            let developing = format!("developing_country={}", rng.pick(&["yes", "no", "no"]));
            let gender = format!("gender={}", rng.pick(&["female", "male"]));
            candidate(
                &format!("c{i}"),
                score,
                session_type,
                theme,
                &[&developing, &gender],
            )
        })
        .collect();
    // The last type sometimes has no budget (no slots).
    let n_budgets = rng.range(2, 3) as usize;
    let budgets = TYPES[..n_budgets]
        .iter()
        .map(|t| budget(t, rng.range(0, 4) as u32))
        .collect();
    let mut caps = Vec::new();
    for theme in THEMES {
        if rng.range(0, 1) == 1 {
            caps.push(cap(theme, rng.range(0, 3) as u32));
        }
    }
    let mut rules = Vec::new();
    if rng.range(0, 2) > 0 {
        rules.push(balance(
            "developing",
            "developing_country=yes",
            rng.range(10, 80) as u32,
        ));
    }
    if rng.range(0, 1) > 0 {
        rules.push(balance("women", "gender=female", rng.range(30, 60) as u32));
    }
    let fixed = (0..rng.range(0, 2))
        .map(|_| {
            let decision = if rng.range(0, 1) == 0 {
                Fixed::Accept
            } else {
                Fixed::Decline
            };
            (rng.range(0, n as u64 - 1) as usize, decision)
        })
        .collect::<Vec<_>>();
    // Conflicting fixed decisions are bad input, tested elsewhere: keep the first per index.
    let mut seen = Vec::new();
    let fixed = fixed
        .into_iter()
        .filter(|(i, _)| {
            let fresh = !seen.contains(i);
            seen.push(*i);
            fresh
        })
        .collect();
    SelectProblem {
        candidates,
        budgets,
        caps,
        balance: rules,
        fixed,
    }
}

/// The documented objective, by enumeration: `None` when no subset respects the hard rules.
fn brute_force(problem: &SelectProblem) -> Option<(usize, f64)> {
    let n = problem.candidates.len();
    let accept_fixed = |i: usize| problem.fixed.contains(&(i, Fixed::Accept));
    let budgeted = |i: usize| {
        problem
            .budgets
            .iter()
            .any(|b| b.session_type == problem.candidates[i].session_type)
    };
    let eligible: Vec<usize> = (0..n)
        .filter(|&i| {
            budgeted(i)
                && !problem.fixed.contains(&(i, Fixed::Decline))
                && (accept_fixed(i) || problem.candidates[i].score > 0.0)
        })
        .collect();
    let scores: Vec<f64> = eligible
        .iter()
        .map(|&i| problem.candidates[i].score)
        .collect();
    let high = scores.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    let low = scores.iter().copied().fold(f64::INFINITY, f64::min);
    let penalty = if high >= low { 1.0 + high - low } else { 1.0 };
    let mut best: Option<(usize, f64)> = None;
    for mask in 0u32..(1 << eligible.len()) {
        let set: Vec<usize> = (0..eligible.len())
            .filter(|k| mask & (1 << k) != 0)
            .map(|k| eligible[k])
            .collect();
        if !check_selection(problem, &set).is_empty() {
            continue;
        }
        let size = set.len();
        let mut objective: f64 = set.iter().map(|&i| problem.candidates[i].score).sum();
        for rule in &problem.balance {
            let matching = set
                .iter()
                .filter(|&&i| problem.candidates[i].attributes.get(&rule.key) == Some(&rule.value))
                .count();
            let target = (rule.min_share_percent as usize * size).div_ceil(100);
            objective -= penalty * target.saturating_sub(matching) as f64;
        }
        best = match best {
            Some((best_size, best_objective))
                if best_size > size || (best_size == size && best_objective >= objective) =>
            {
                Some((best_size, best_objective))
            }
            _ => Some((size, objective)),
        };
    }
    best
}

#[test]
fn matches_exhaustive_enumeration() {
    let mut infeasible = 0;
    let mut with_shortfall = 0;
    for seed in 0..60 {
        let problem = generated(seed);
        let expected = brute_force(&problem);
        let selection = solve_selection(&problem).expect("valid input");
        match (selection, expected) {
            (Selection::Proposed(outcome), Some((size, objective))) => {
                assert_eq!(outcome.accepted.len(), size, "seed {seed}: programme size");
                assert!(
                    (outcome.objective - objective).abs() < 1e-6,
                    "seed {seed}: objective {} but enumeration finds {objective}",
                    outcome.objective
                );
                assert_eq!(
                    check_selection(&problem, &outcome.accepted),
                    Vec::<String>::new()
                );
                if outcome.balance.iter().any(|report| report.shortfall > 0) {
                    with_shortfall += 1;
                }
            }
            (Selection::Infeasible(why), None) => {
                assert!(!why.reasons.is_empty(), "seed {seed}");
                infeasible += 1;
            }
            (other, expected) => panic!("seed {seed}: solver {other:?}, enumeration {expected:?}"),
        }
    }
    // The generator covers the interesting cases.
    assert!(infeasible > 0, "no infeasible instance generated");
    assert!(with_shortfall > 0, "no instance with a balance shortfall");
}
