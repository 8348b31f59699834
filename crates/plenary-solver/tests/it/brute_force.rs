//! The optimiser against exhaustive enumeration on 40 small generated instances: the same
//! best objective (with the documented lower-index tie-break), the same chosen set, the same
//! verdict on infeasibility, and a relaxation exactly as small as the smallest possible.

use plenary_solver::{Bound, SlateOutcome, SlateProblem, check_slate, solve_slate};

use crate::fixture::{Rng, nominee, person, preference, quota};

const GROUPS: [&str; 3] = ["government", "civil_society", "technical_community"];
const REGIONS: [&str; 2] = ["african", "weog"];
const GENDERS: [&str; 2] = ["woman", "man"];

fn attributes(rng: &mut Rng) -> Vec<String> {
    vec![
        format!("stakeholder_group={}", rng.pick(&GROUPS)),
        format!("region={}", rng.pick(&REGIONS)),
        format!("gender={}", rng.pick(&GENDERS)),
        format!("first_time={}", rng.pick(&["true", "false"])),
    ]
}

fn generated(seed: u64) -> SlateProblem {
    let mut rng = Rng(seed);
    let n_nominees = rng.range(6, 12) as usize;
    let seats = rng.range(2, 5) as u32;
    let continuing = (0..rng.range(0, 4))
        .map(|j| {
            let attrs = attributes(&mut rng);
            person(
                &format!("member-{j}"),
                &attrs.iter().map(String::as_str).collect::<Vec<_>>(),
            )
        })
        .collect();
    let nominees = (0..n_nominees)
        .map(|i| {
            let attrs = attributes(&mut rng);
            // Half-point scores on a 0–20 scale: ties between nominees and between slates
            // are common, which exercises the tie-break.
            let score = rng.range(0, 40) as f64 / 2.0;
            nominee(
                &format!("n{i}"),
                score,
                &attrs.iter().map(String::as_str).collect::<Vec<_>>(),
            )
        })
        .collect();
    let mut quotas = Vec::new();
    for q in 0..rng.range(1, 4) {
        let group = format!("stakeholder_group={}", rng.pick(&GROUPS));
        let region = format!("region={}", rng.pick(&REGIONS));
        let gender = format!("gender={}", rng.pick(&GENDERS));
        let pairs: Vec<&str> = match rng.range(0, 3) {
            0 => vec![&group],
            1 => vec![&region],
            2 => vec![&gender],
            _ => vec![&group, &region],
        };
        let min = rng.range(0, 3);
        let max = min + rng.range(0, 4);
        let (min, max) = match rng.range(0, 2) {
            0 => (Some(min as u32), None),
            1 => (None, Some(max as u32)),
            _ => (Some(min as u32), Some(max as u32)),
        };
        quotas.push(quota(&format!("quota {q}"), &pairs, min, max));
    }
    let mut preferences = vec![preference("first time", &["first_time=true"], 1.5)];
    if rng.range(0, 1) == 0 {
        preferences.push(preference("fewer men", &["gender=man"], -2.0));
    }
    let required = if rng.range(0, 4) == 0 {
        vec![rng.range(0, n_nominees as u64 - 1) as usize]
    } else {
        vec![]
    };
    SlateProblem {
        seats_to_fill: seats,
        continuing,
        nominees,
        quotas,
        preferences,
        required,
    }
}

/// The objective the solver maximises, tie-break included (see `slate::model`).
fn tie_broken_value(problem: &SlateProblem, chosen: &[usize]) -> f64 {
    let n = problem.nominees.len() as f64;
    let tie_unit = f64::min(1e-6, 1e-3 / (f64::from(problem.seats_to_fill) * n));
    chosen
        .iter()
        .map(|&i| weight(problem, i) - tie_unit * i as f64)
        .sum()
}

fn weight(problem: &SlateProblem, i: usize) -> f64 {
    let person = &problem.nominees[i].person;
    problem
        .preferences
        .iter()
        .filter(|p| {
            p.condition
                .iter()
                .all(|(k, v)| person.attributes.get(k) == Some(v))
        })
        .fold(problem.nominees[i].score, |w, p| w + p.weight)
}

fn subsets(n: usize, k: usize) -> Vec<Vec<usize>> {
    (0u32..(1 << n))
        .filter(|mask| mask.count_ones() as usize == k)
        .map(|mask| (0..n).filter(|i| mask & (1 << i) != 0).collect())
        .collect()
}

/// Total units by which `chosen` misses the quotas (the relaxation it would need).
fn slack_needed(problem: &SlateProblem, chosen: &[usize]) -> u32 {
    problem
        .quotas
        .iter()
        .map(|quota| {
            let matches = |p: &plenary_solver::Person| {
                quota
                    .condition
                    .iter()
                    .all(|(k, v)| p.attributes.get(k) == Some(v))
            };
            let count = problem.continuing.iter().filter(|p| matches(p)).count()
                + chosen
                    .iter()
                    .filter(|&&i| matches(&problem.nominees[i].person))
                    .count();
            let count = count as u32;
            quota.min.map_or(0, |min| min.saturating_sub(count))
                + quota.max.map_or(0, |max| count.saturating_sub(max))
        })
        .sum()
}

#[test]
fn optimiser_matches_exhaustive_enumeration_on_40_small_instances() {
    let (mut n_feasible, mut n_infeasible, mut n_tied) = (0, 0, 0);
    for seed in 0..40 {
        let problem = generated(1000 + seed);
        let n = problem.nominees.len();
        let seats = problem.seats_to_fill as usize;
        let valid: Vec<Vec<usize>> = subsets(n, seats)
            .into_iter()
            .filter(|s| problem.required.iter().all(|r| s.contains(r)))
            .filter(|s| check_slate(&problem, s).is_empty())
            .collect();
        let outcome = solve_slate(&problem).unwrap();
        match outcome {
            SlateOutcome::Proposed(slate) => {
                n_feasible += 1;
                let best = valid
                    .iter()
                    .map(|s| tie_broken_value(&problem, s))
                    .fold(f64::NEG_INFINITY, f64::max);
                let optimal: Vec<&Vec<usize>> = valid
                    .iter()
                    .filter(|s| (tie_broken_value(&problem, s) - best).abs() < 1e-9)
                    .collect();
                assert!(
                    !optimal.is_empty(),
                    "seed {seed}: solver found a slate, brute force none"
                );
                let best_objective: f64 = optimal[0].iter().map(|&i| weight(&problem, i)).sum();
                assert!(
                    (slate.objective - best_objective).abs() < 1e-6,
                    "seed {seed}"
                );
                assert!(slate.optimality.proven_optimal);
                if optimal.len() == 1 {
                    assert_eq!(&slate.chosen, optimal[0], "seed {seed}");
                } else {
                    // Slates whose index sums tie exactly are not ordered by the tie-break.
                    n_tied += 1;
                    assert!(
                        optimal.contains(&&slate.chosen),
                        "seed {seed}: {:?}",
                        slate.chosen
                    );
                }
            }
            SlateOutcome::Infeasible(infeasibility) => {
                n_infeasible += 1;
                assert_eq!(
                    valid,
                    Vec::<Vec<usize>>::new(),
                    "seed {seed}: solver said infeasible"
                );
                let smallest = subsets(n, seats.min(n))
                    .iter()
                    .filter(|s| problem.required.iter().all(|r| s.contains(r)))
                    .map(|s| slack_needed(&problem, s))
                    .min()
                    .unwrap();
                let seats_by = seats.saturating_sub(n) as u32;
                let total: u32 = infeasibility.relaxations.iter().map(|r| r.by).sum();
                assert_eq!(total, smallest + seats_by, "seed {seed}: {infeasibility:?}");
                // Applying the relaxation makes the request feasible.
                let mut relaxed = problem.clone();
                for relaxation in &infeasibility.relaxations {
                    let quota = relaxed
                        .quotas
                        .iter_mut()
                        .find(|q| q.label == relaxation.label);
                    match (quota, relaxation.bound) {
                        (Some(q), Bound::Min) => q.min = q.min.map(|m| m - relaxation.by),
                        (Some(q), Bound::Max) => q.max = q.max.map(|m| m + relaxation.by),
                        (None, _) => relaxed.seats_to_fill -= relaxation.by,
                    }
                }
                assert!(
                    matches!(solve_slate(&relaxed).unwrap(), SlateOutcome::Proposed(_)),
                    "seed {seed}: relaxed request still infeasible"
                );
            }
        }
    }
    // The generator must exercise both verdicts and the tie-break, or this test proves little.
    assert!(
        n_feasible >= 20 && n_infeasible >= 3,
        "{n_feasible} feasible, {n_infeasible} infeasible"
    );
    eprintln!(
        "{n_feasible} feasible ({n_tied} with exactly tied optima), {n_infeasible} infeasible"
    );
}
