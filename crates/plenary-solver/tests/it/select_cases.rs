//! Hand-written selection cases: budgets, caps, balance, the chair's decisions, ties, bad
//! input, the wording of borderline explanations, and the synthetic benchmark instance.

use std::time::Instant;

use plenary_solver::select::{
    Fixed, SelectError, Selection, check_selection, solve_selection, synthetic_select_instance,
};

use crate::select_fixture::{balance, budget, candidate, cap, problem, proposed};

fn reason_of(outcome: &plenary_solver::select::SelectOutcome, candidate: usize) -> &str {
    &outcome
        .borderline
        .iter()
        .find(|line| line.candidate == candidate)
        .unwrap_or_else(|| panic!("candidate {candidate} is not borderline: {outcome:#?}"))
        .reason
}

#[test]
fn a_full_budget_declines_below_the_cut() {
    let p = problem(
        vec![
            candidate("#1", 5.0, "workshop", "ai", &[]),
            candidate("#2", 4.0, "workshop", "ai", &[]),
            candidate("#3", 3.0, "workshop", "ai", &[]),
        ],
        vec![budget("workshop", 2)],
    );
    let outcome = proposed(solve_selection(&p).unwrap());
    assert_eq!(outcome.accepted, vec![0, 1]);
    assert_eq!(outcome.per_budget, vec![("workshop".to_owned(), 2, 2)]);
    assert_eq!(outcome.objective, 9.0);
    let reason = reason_of(&outcome, 2);
    assert!(
        reason.contains("the workshop budget of 2 slots is full")
            && reason.contains("below the cut 4.00"),
        "{reason}"
    );
    let line = outcome
        .borderline
        .iter()
        .find(|l| l.candidate == 2)
        .unwrap();
    assert_eq!(line.binding, vec!["budget workshop".to_owned()]);
    assert_eq!(line.flip_change, Some(-1.0));
    let accepted_line = outcome
        .borderline
        .iter()
        .find(|l| l.candidate == 1)
        .unwrap();
    assert!(accepted_line.accepted);
    assert!(
        accepted_line.reason.contains("replaced by #3"),
        "{}",
        accepted_line.reason
    );
}

#[test]
fn a_theme_at_its_cap_declines_a_better_score() {
    let mut p = problem(
        vec![
            candidate("#1", 5.0, "workshop", "data_governance", &[]),
            candidate("#2", 4.5, "workshop", "data_governance", &[]),
            candidate("#3", 3.0, "workshop", "ai", &[]),
            candidate("#4", 2.0, "workshop", "ai", &[]),
        ],
        vec![budget("workshop", 3)],
    );
    p.caps = vec![cap("data_governance", 1)];
    let outcome = proposed(solve_selection(&p).unwrap());
    assert_eq!(outcome.accepted, vec![0, 2, 3]);
    let reason = reason_of(&outcome, 1);
    assert!(
        reason.contains("declined although its score 4.50 is above accepted #4's 2.00")
            && reason.contains("theme data_governance is at its cap 1"),
        "{reason}"
    );
    assert!(
        outcome
            .per_theme
            .contains(&("data_governance".to_owned(), 1, Some(1)))
    );
    assert!(outcome.per_theme.contains(&("ai".to_owned(), 2, None)));
    let accepted = reason_of(&outcome, 3);
    assert!(
        accepted.contains("accepted over higher-scored #2") && accepted.contains("cap 1"),
        "{accepted}"
    );
}

#[test]
fn balance_swaps_in_a_lower_score_and_says_so() {
    let mut p = problem(
        vec![
            candidate("#1", 5.0, "workshop", "ai", &["developing_country=no"]),
            candidate("#2", 4.0, "workshop", "ai", &["developing_country=no"]),
            candidate("#3", 3.0, "workshop", "ai", &["developing_country=yes"]),
        ],
        vec![budget("workshop", 2)],
    );
    p.balance = vec![balance(
        "developing-country proposers",
        "developing_country=yes",
        50,
    )];
    let outcome = proposed(solve_selection(&p).unwrap());
    assert_eq!(outcome.accepted, vec![0, 2]);
    assert_eq!(outcome.balance[0].shortfall, 0);
    assert_eq!(outcome.balance[0].achieved_percent, 50.0);
    let reason = reason_of(&outcome, 2);
    assert!(
        reason.contains(
            "accepted over higher-scored #2 (4.00) to keep developing-country proposers at 50 %"
        ),
        "{reason}"
    );
    let declined = outcome
        .borderline
        .iter()
        .find(|l| l.candidate == 1)
        .unwrap();
    assert!(
        declined
            .binding
            .contains(&"developing-country proposers".to_owned()),
        "{declined:?}"
    );
}

#[test]
fn a_shortfall_is_reported_and_never_empties_a_slot() {
    let mut p = problem(
        vec![
            candidate("#1", 5.0, "workshop", "ai", &["developing_country=no"]),
            candidate("#2", 4.0, "workshop", "ai", &["developing_country=no"]),
            candidate("#3", 3.0, "workshop", "ai", &["developing_country=yes"]),
        ],
        vec![budget("workshop", 3)],
    );
    p.balance = vec![balance("developing", "developing_country=yes", 60)];
    let outcome = proposed(solve_selection(&p).unwrap());
    assert_eq!(outcome.accepted, vec![0, 1, 2]);
    let report = &outcome.balance[0];
    assert_eq!(
        (report.matching, report.target, report.shortfall),
        (1, 2, 1)
    );
    assert!((report.achieved_percent - 100.0 / 3.0).abs() < 1e-9);
    assert_eq!(outcome.objective, 12.0 - outcome.penalty_weight);
    assert_eq!(outcome.penalty_weight, 3.0);
    assert!(
        outcome.lines.iter().any(|line| line.contains("short by 1")),
        "{:?}",
        outcome.lines
    );
}

#[test]
fn the_chairs_decisions_are_respected_and_explained() {
    let mut p = problem(
        vec![
            candidate("#1", 5.0, "workshop", "ai", &[]),
            candidate("#2", 4.0, "workshop", "ai", &[]),
            candidate("#3", 3.0, "workshop", "ai", &[]),
            candidate("#4", -1.0, "workshop", "ai", &[]),
        ],
        vec![budget("workshop", 2)],
    );
    p.fixed = vec![(0, Fixed::Decline), (3, Fixed::Accept)];
    let outcome = proposed(solve_selection(&p).unwrap());
    assert_eq!(outcome.accepted, vec![1, 3]);
    // The chair's decisions are not borderline.
    assert!(
        outcome
            .borderline
            .iter()
            .all(|line| line.candidate != 0 && line.candidate != 3)
    );
    let line = outcome
        .borderline
        .iter()
        .find(|l| l.candidate == 2)
        .unwrap();
    assert!(
        line.reason.contains("below the cut 4.00"),
        "{}",
        line.reason
    );
    assert!(check_selection(&p, &outcome.accepted).is_empty());
    let broken = check_selection(&p, &[0, 1, 2]);
    assert!(
        broken
            .iter()
            .any(|m| m.contains("#1 was declined by the chair")),
        "{broken:?}"
    );
    assert!(
        broken
            .iter()
            .any(|m| m.contains("#4 was accepted by the chair")),
        "{broken:?}"
    );
    assert!(
        broken
            .iter()
            .any(|m| m.contains("budget of 2 slots holds 3")),
        "{broken:?}"
    );
}

#[test]
fn non_positive_scores_and_unbudgeted_types_stay_out() {
    let p = problem(
        vec![
            candidate("#1", 0.0, "workshop", "ai", &[]),
            candidate("#2", -2.0, "workshop", "ai", &[]),
            candidate("#3", 4.0, "town_hall", "ai", &[]),
            candidate("#4", 1.0, "workshop", "ai", &[]),
        ],
        vec![budget("workshop", 5)],
    );
    let outcome = proposed(solve_selection(&p).unwrap());
    assert_eq!(outcome.accepted, vec![3]);
    assert!(reason_of(&outcome, 0).contains("not positive"));
    assert!(reason_of(&outcome, 3).contains("has room (1 of 5 slots)"));
    assert!(
        check_selection(&p, &[2])
            .iter()
            .any(|m| m.contains("has no budget"))
    );
}

#[test]
fn the_chair_overfilling_a_budget_or_cap_is_infeasible() {
    let mut p = problem(
        vec![
            candidate("#1", 5.0, "workshop", "ai", &[]),
            candidate("#2", 4.0, "workshop", "ai", &[]),
            candidate("#3", 3.0, "launch", "ai", &[]),
        ],
        vec![budget("workshop", 1), budget("launch", 1)],
    );
    p.caps = vec![cap("ai", 2)];
    p.fixed = vec![(0, Fixed::Accept), (1, Fixed::Accept), (2, Fixed::Accept)];
    let Selection::Infeasible(why) = solve_selection(&p).unwrap() else {
        panic!("expected infeasible");
    };
    assert!(
        why.reasons
            .iter()
            .any(|r| r.contains("accepted 2 of type workshop but its budget has 1")),
        "{why:?}"
    );
    assert!(
        why.reasons
            .iter()
            .any(|r| r.contains("accepted 3 in theme ai but it is capped at 2")),
        "{why:?}"
    );
}

#[test]
fn equal_scores_go_to_earlier_candidates() {
    for slots in 1..=3 {
        let p = problem(
            (0..5)
                .map(|i| candidate(&format!("#{i}"), 2.5, "workshop", "ai", &[]))
                .collect(),
            vec![budget("workshop", slots)],
        );
        let outcome = proposed(solve_selection(&p).unwrap());
        assert_eq!(outcome.accepted, (0..slots as usize).collect::<Vec<_>>());
        let reason = reason_of(&outcome, slots as usize);
        assert!(
            reason.contains("equals the cut 2.50 (ties go to earlier candidates)"),
            "{reason}"
        );
    }
}

#[test]
fn bad_input_is_an_error() {
    let base = problem(
        vec![
            candidate("#1", 5.0, "workshop", "ai", &[]),
            candidate("#2", 4.0, "workshop", "ai", &[]),
        ],
        vec![budget("workshop", 1)],
    );
    let mut nan = base.clone();
    nan.candidates[1].score = f64::NAN;
    assert!(matches!(
        solve_selection(&nan),
        Err(SelectError::InvalidScore { candidate: 1, .. })
    ));
    let mut duplicate = base.clone();
    duplicate.candidates[1].id = "#1".to_owned();
    assert!(matches!(
        solve_selection(&duplicate),
        Err(SelectError::DuplicateId { .. })
    ));
    let mut budgets = base.clone();
    budgets.budgets.push(budget("workshop", 3));
    assert!(matches!(
        solve_selection(&budgets),
        Err(SelectError::DuplicateBudget { .. })
    ));
    let mut caps = base.clone();
    caps.caps = vec![cap("ai", 1), cap("ai", 2)];
    assert!(matches!(
        solve_selection(&caps),
        Err(SelectError::DuplicateCap { .. })
    ));
    let mut share = base.clone();
    share.balance = vec![balance("x", "a=b", 101)];
    assert!(matches!(
        solve_selection(&share),
        Err(SelectError::ShareAbove100 { .. })
    ));
    let mut range = base.clone();
    range.fixed = vec![(2, Fixed::Accept)];
    assert!(matches!(
        solve_selection(&range),
        Err(SelectError::FixedOutOfRange {
            index: 2,
            n_candidates: 2
        })
    ));
    let mut conflicting = base;
    conflicting.fixed = vec![(0, Fixed::Accept), (0, Fixed::Decline)];
    assert!(matches!(
        solve_selection(&conflicting),
        Err(SelectError::ConflictingFixed { index: 0 })
    ));
}

#[test]
fn the_synthetic_instance_is_valid_explained_and_deterministic() {
    let p = synthetic_select_instance(400, 7);
    assert_eq!(p, synthetic_select_instance(400, 7));
    let started = Instant::now();
    let first = proposed(solve_selection(&p).unwrap());
    let elapsed = started.elapsed();
    println!(
        "select: 400 candidates, {} accepted, objective {:.2}, {} borderline explained, {:?} (debug build, microlp optimised)",
        first.accepted.len(),
        first.objective,
        first.borderline.len(),
        elapsed
    );
    for line in &first.lines {
        println!("  {line}");
    }
    assert_eq!(check_selection(&p, &first.accepted), Vec::<String>::new());
    for (_, used, slots) in &first.per_budget {
        assert_eq!(used, slots, "every budget fills on this instance");
    }
    for (theme, used, cap) in &first.per_theme {
        assert!(cap.is_none_or(|max| *used <= max), "{theme}");
    }
    for &(index, decision) in &p.fixed {
        assert_eq!(first.accepted.contains(&index), decision == Fixed::Accept);
    }
    assert_eq!(first.borderline.len(), 4 * 2 * 5);
    for line in &first.borderline {
        assert!(!line.reason.is_empty());
        if let Some(change) = line.flip_change {
            assert!(
                change <= 1e-9,
                "a flip never improves the optimum: {line:?}"
            );
        }
    }
    let second = proposed(solve_selection(&p).unwrap());
    assert_eq!(first, second);
}
