//! The benchmark instances (55 seats, 37 continuing, 18 to fill): feasible, solved with a
//! proof, valid under `check_slate`, and deterministic. Times are printed, not asserted.

use std::time::Instant;

use plenary_solver::{SlateOutcome, check_slate, solve_slate, synthetic_instance};

#[test]
fn synthetic_instances_are_generated_deterministically() {
    assert_eq!(synthetic_instance(7, 300), synthetic_instance(7, 300));
    assert_ne!(synthetic_instance(7, 300), synthetic_instance(8, 300));
    let problem = synthetic_instance(7, 300);
    assert_eq!(
        (
            problem.seats_to_fill,
            problem.continuing.len(),
            problem.nominees.len()
        ),
        (18, 37, 300)
    );
}

#[test]
fn synthetic_instances_of_300_1200_and_4800_nominees_are_solved_optimally() {
    for pool in [300, 1200, 4800] {
        let problem = synthetic_instance(7, pool);
        let started = Instant::now();
        let outcome = solve_slate(&problem).unwrap();
        let elapsed = started.elapsed();
        let SlateOutcome::Proposed(slate) = outcome else {
            panic!("the {pool}-nominee instance must be feasible: {outcome:?}");
        };
        eprintln!(
            "{pool} nominees: solved with explanation in {elapsed:?}, objective {:.2}",
            slate.objective
        );
        assert_eq!(check_slate(&problem, &slate.chosen), Vec::<String>::new());
        assert!(slate.optimality.proven_optimal);
        assert_eq!(slate.optimality.gap, Some(0.0));
        assert_eq!(slate.chosen.len(), 18);
        assert_eq!(slate.explanation.not_chosen.len(), 20);
        assert!((slate.merit + slate.bonus - slate.objective).abs() < 1e-9);
        // Same input, same answer, down to the explanation.
        assert_eq!(
            solve_slate(&problem).unwrap(),
            SlateOutcome::Proposed(slate)
        );
    }
}
