//! Hand-written assignment cases: re-assignment after a withdrawal or a late conflict moves as
//! few pairs as possible, the wording of infeasibility and shortfall explanations, bad input,
//! the independent checker, load targets, determinism and the synthetic instances.

use plenary_solver::assign::{
    AssignError, AssignOutcome, AssignProblem, Assignment, Mix, assignment_network,
    check_assignment, load_targets, solve_assignment, synthetic_assign_instance,
};

use crate::assign_fixture::{problem, proposal, reviewer};

fn assigned(problem: &AssignProblem) -> Assignment {
    match solve_assignment(problem).expect("the problem is valid") {
        AssignOutcome::Assigned(assignment) => assignment,
        AssignOutcome::Infeasible(why) => panic!("infeasible: {why:?}"),
    }
}

fn infeasible_messages(problem: &AssignProblem) -> Vec<String> {
    match solve_assignment(problem).expect("the problem is valid") {
        AssignOutcome::Infeasible(why) => why.shortages.into_iter().map(|s| s.message).collect(),
        AssignOutcome::Assigned(assignment) => panic!("assigned: {assignment:?}"),
    }
}

/// 30 proposals, 8 reviewers with room to spare (k = 2, caps 10: 60 reviews, room for 80).
fn roomy() -> AssignProblem {
    synthetic_assign_instance(30, 8, 2, 10, 0, 7)
}

#[test]
fn a_withdrawn_reviewer_moves_only_their_own_proposals() {
    let mut problem = roomy();
    let before = assigned(&problem);
    let load = before.loads[3] as usize;
    assert!(load > 0);
    problem.reviewers[3].load_cap = 0;
    problem.keep = before.pairs.clone();
    let after = assigned(&problem);
    assert_eq!(after.changed, load);
    assert_eq!(after.kept, before.pairs.len() - load);
    assert_eq!(after.loads[3], 0);
    assert_eq!(
        check_assignment(&problem, &after.pairs),
        Vec::<String>::new()
    );
    for pair in &before.pairs {
        assert_eq!(after.pairs.contains(pair), pair.1 != 3, "{pair:?}");
    }
}

#[test]
fn with_the_mix_on_a_withdrawal_may_move_more_to_keep_the_spread() {
    // The mix ranks above keeping pairs: here two more pairs move so that no proposal is
    // left with two reviewers from one stakeholder group.
    let mut problem = roomy();
    problem.mix = Mix {
        min_stakeholder_groups: 2,
        min_regions: 0,
    };
    let before = assigned(&problem);
    assert_eq!(before.mix_shortfalls, Vec::new());
    let load = before.loads[3] as usize;
    problem.reviewers[3].load_cap = 0;
    problem.keep = before.pairs.clone();
    let after = assigned(&problem);
    assert_eq!(after.mix_shortfalls, Vec::new());
    assert_eq!((load, after.changed), (8, 10));
}

#[test]
fn a_late_conflict_moves_one_pair() {
    let mut problem = roomy();
    let before = assigned(&problem);
    let moved = before.pairs[17];
    problem.conflicts.insert(moved);
    problem.keep = before.pairs.clone();
    let after = assigned(&problem);
    assert_eq!((after.kept, after.changed), (before.pairs.len() - 1, 1));
    assert!(!after.pairs.contains(&moved));
    assert_eq!(
        check_assignment(&problem, &after.pairs),
        Vec::<String>::new()
    );
}

#[test]
fn a_kept_pair_outweighs_a_better_match() {
    let mut r0 = reviewer("r0", "government", "weog", 5);
    let mut r1 = reviewer("r1", "government", "weog", 5);
    r0.expertise = vec!["access".to_owned()];
    r1.expertise = vec!["data".to_owned()];
    let mut problem = problem(1, vec![proposal("p0", "", &["data"])], vec![r0, r1]);
    assert_eq!(assigned(&problem).pairs, vec![(0, 1)]);
    problem.keep = vec![(0, 0)];
    let kept = assigned(&problem);
    assert_eq!(kept.pairs, vec![(0, 0)]);
    assert_eq!((kept.kept, kept.changed, kept.objective), (1, 0, 10));
}

#[test]
fn a_proposal_with_too_few_eligible_reviewers_is_named_with_counts() {
    let reviewers = (0..4)
        .map(|j| reviewer(&format!("r{j}"), "government", "weog", 5))
        .collect();
    let mut problem = problem(
        3,
        vec![proposal("p-one", "", &[]), proposal("p-two", "", &[])],
        reviewers,
    );
    problem.conflicts.insert((0, 1));
    problem.conflicts.insert((0, 2));
    problem.reviewers[3].load_cap = 0;
    assert_eq!(
        infeasible_messages(&problem),
        vec![
            "p-one needs 3 reviewers but only 1 are eligible (4 reviewers in the pool; 2 of them have a conflict of interest with it, 1 have a load cap of 0)".to_owned(),
        ]
    );
}

#[test]
fn an_evaluation_group_with_too_little_capacity_is_a_hall_set() {
    let mut proposals: Vec<_> = (0..10)
        .map(|i| proposal(&format!("data-{i}"), "data", &[]))
        .collect();
    proposals.extend((0..5).map(|i| proposal(&format!("access-{i}"), "access", &[])));
    let mut reviewers = Vec::new();
    for j in 0..3 {
        let mut r = reviewer(&format!("d{j}"), "government", "weog", 6);
        r.groups = vec!["data".to_owned()];
        reviewers.push(r);
    }
    for j in 0..3 {
        let mut r = reviewer(&format!("a{j}"), "civil_society", "african", 50);
        r.groups = vec!["access".to_owned()];
        reviewers.push(r);
    }
    let problem = problem(3, proposals, reviewers);
    let AssignOutcome::Infeasible(why) = solve_assignment(&problem).unwrap() else {
        panic!("expected infeasible");
    };
    assert_eq!(why.shortages.len(), 1);
    let shortage = &why.shortages[0];
    assert_eq!(shortage.proposals, (0..10).collect::<Vec<_>>());
    assert_eq!(shortage.reviewers, vec![0, 1, 2]);
    assert_eq!((shortage.demand, shortage.capacity), (30, 18));
    assert_eq!(
        shortage.message,
        "group \"data\" needs 30 reviews (10 proposals × 3); its 3 reviewers can take 18 at their load caps (cap 6 each)"
    );
}

#[test]
fn a_mix_shortfall_says_why_when_the_other_groups_are_full() {
    let reviewers = vec![
        reviewer("g1", "government", "weog", 10),
        reviewer("g2", "government", "weog", 10),
        reviewer("g3", "government", "weog", 10),
        reviewer("c1", "civil_society", "weog", 1),
    ];
    let mut problem = problem(
        2,
        vec![proposal("p0", "", &[]), proposal("p1", "", &[])],
        reviewers,
    );
    problem.mix = Mix {
        min_stakeholder_groups: 2,
        min_regions: 2,
    };
    let assignment = assigned(&problem);
    assert_eq!(assignment.method, "min-cost flow");
    assert_eq!(assignment.mix_shortfalls.len(), 1);
    let shortfall = &assignment.mix_shortfalls[0];
    // Regions: everyone is from WEOG, so one region is all the pool allows (wanted 0 = off).
    assert_eq!(
        (
            shortfall.groups_have,
            shortfall.groups_wanted,
            shortfall.regions_have,
            shortfall.regions_wanted
        ),
        (1, 2, 1, 0)
    );
    assert_eq!(
        shortfall.why,
        "the only reviewer from another stakeholder group eligible for this proposal (civil_society) is at their load cap"
    );
    assert!(
        assignment.explanation.contains(
            &"2 proposals have eligible reviewers from too few regions, so they want fewer."
                .to_owned()
        ),
        "{:?}",
        assignment.explanation
    );
}

#[test]
fn bad_input_is_an_error() {
    let base = problem(
        2,
        vec![proposal("p0", "", &[]), proposal("p1", "", &[])],
        vec![
            reviewer("r0", "government", "weog", 2),
            reviewer("r1", "government", "weog", 2),
        ],
    );
    let mut no_reviews = base.clone();
    no_reviews.reviews_per_proposal = 0;
    assert_eq!(
        solve_assignment(&no_reviews),
        Err(AssignError::NoReviewsPerProposal)
    );
    let mut conflict = base.clone();
    conflict.conflicts.insert((2, 0));
    assert_eq!(
        solve_assignment(&conflict),
        Err(AssignError::ConflictOutOfRange {
            proposal: 2,
            reviewer: 0
        })
    );
    let mut keep = base.clone();
    keep.keep = vec![(0, 5)];
    assert_eq!(
        solve_assignment(&keep),
        Err(AssignError::KeepOutOfRange {
            proposal: 0,
            reviewer: 5
        })
    );
    let mut twice = base.clone();
    twice.proposals[1].id = "p0".to_owned();
    assert_eq!(
        solve_assignment(&twice),
        Err(AssignError::DuplicateProposal {
            id: "p0".to_owned()
        })
    );
    let mut twice = base;
    twice.reviewers[1].id = "r0".to_owned();
    assert_eq!(
        solve_assignment(&twice),
        Err(AssignError::DuplicateReviewer {
            id: "r0".to_owned()
        })
    );
}

#[test]
fn the_checker_lists_every_broken_rule() {
    let mut r1 = reviewer("r1", "government", "weog", 1);
    r1.groups = vec!["access".to_owned()];
    let mut problem = problem(
        2,
        vec![proposal("p0", "data", &[]), proposal("p1", "", &[])],
        vec![reviewer("r0", "government", "weog", 5), r1],
    );
    problem.conflicts.insert((1, 0));
    let problems = check_assignment(&problem, &[(0, 0), (0, 0), (0, 1), (1, 0), (1, 1), (2, 0)]);
    assert_eq!(
        problems,
        vec![
            "r0 is assigned p0 more than once",
            "r1 is assigned p0 of group \"data\" but reviews only access",
            "r0 is assigned p1 despite a conflict of interest",
            "pair (2, 0) names a proposal or reviewer that does not exist",
            "r1 has 2 proposals, above the load cap 1",
        ]
    );
    assert_eq!(
        check_assignment(&problem, &[(0, 0)]),
        vec![
            "p0 has 1 reviewers instead of 2",
            "p1 has 0 reviewers instead of 2"
        ]
    );
}

#[test]
fn targets_are_the_even_share_within_caps_unless_given() {
    let mut reviewers: Vec<_> = [10, 2, 10, 10]
        .iter()
        .enumerate()
        .map(|(j, &cap)| reviewer(&format!("r{j}"), "government", "weog", cap))
        .collect();
    let proposals: Vec<_> = (0..6)
        .map(|i| proposal(&format!("p{i}"), "", &[]))
        .collect();
    let even = problem(3, proposals.clone(), reviewers.clone());
    // 18 reviews: a water level of 6 gives 6 + 2 + 6 + 6 = 20 ≥ 18, and 5 only 17.
    assert_eq!(load_targets(&even).unwrap(), vec![6, 2, 6, 6]);
    reviewers[0].load_target = Some(1);
    let given = problem(3, proposals, reviewers);
    // 17 left for three reviewers: level 8 (8 + 2 + 8 ≥ 17), capped by the 6 proposals.
    assert_eq!(load_targets(&given).unwrap(), vec![1, 2, 6, 6]);
}

#[test]
fn the_same_input_gives_the_same_assignment() {
    let mut problem = synthetic_assign_instance(200, 12, 3, 65, 2, 11);
    problem.mix = Mix {
        min_stakeholder_groups: 2,
        min_regions: 2,
    };
    let mut again = synthetic_assign_instance(200, 12, 3, 65, 2, 11);
    again.mix = problem.mix;
    assert_eq!(problem, again);
    let first = assigned(&problem);
    let second = assigned(&problem);
    assert_eq!(first, second);
    assert_eq!(
        check_assignment(&problem, &first.pairs),
        Vec::<String>::new()
    );
}

#[test]
fn the_benchmark_instance_is_assigned_by_the_flow() {
    let problem = synthetic_assign_instance(1000, 50, 3, 65, 2, 2026);
    let conflicts = problem.conflicts.len();
    assert!((750..=1250).contains(&conflicts), "{conflicts}");
    let assignment = assigned(&problem);
    assert_eq!(assignment.method, "min-cost flow");
    assert!(assignment.proven_optimal);
    assert_eq!(assignment.pairs.len(), 3000);
    assert_eq!(
        check_assignment(&problem, &assignment.pairs),
        Vec::<String>::new()
    );
    assert!(assignment.loads.iter().all(|&load| load <= 65));
    assert!(
        assignment.affinity_matches > 2500,
        "{}",
        assignment.affinity_matches
    );
    let network = assignment_network(&problem).unwrap();
    assert_eq!((network.source, network.sink, network.demand), (0, 1, 3000));
    assert_eq!(network.nodes, 2 + 1000 + 50);
    assert_eq!(network.model, "plain");
}

#[test]
fn the_stakeholder_mix_alone_is_carried_by_the_flow() {
    let mut problem = synthetic_assign_instance(300, 20, 3, 65, 2, 5);
    problem.mix = Mix {
        min_stakeholder_groups: 3,
        min_regions: 0,
    };
    let assignment = assigned(&problem);
    assert_eq!(assignment.method, "min-cost flow");
    assert_eq!(assignment.mix_shortfalls, Vec::new());
    assert_eq!(
        assignment_network(&problem).unwrap().model,
        "stakeholder groups as a flow"
    );
}

#[test]
fn an_empty_call_needs_nobody_and_an_empty_pool_serves_nobody() {
    let nobody = problem(3, Vec::new(), vec![reviewer("r0", "government", "weog", 5)]);
    let assignment = assigned(&nobody);
    assert_eq!((assignment.pairs.len(), assignment.objective), (0, 0));
    assert_eq!(assignment.loads, vec![0]);
    let no_pool = problem(2, vec![proposal("p0", "data", &[])], Vec::new());
    assert_eq!(
        infeasible_messages(&no_pool),
        vec![
            "p0 needs 2 reviewers but only 0 are eligible (0 reviewers may review group \"data\")"
                .to_owned()
        ]
    );
}
