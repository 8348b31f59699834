//! Requests no slate can satisfy: the counting reasons, word for word, and the smallest
//! relaxation that would admit a slate.

use plenary_solver::{Bound, Infeasibility, Relaxation, SlateOutcome, solve_slate};

use crate::fixture::{nominee, person, problem, quota};

fn infeasibility(outcome: SlateOutcome) -> Infeasibility {
    match outcome {
        SlateOutcome::Infeasible(infeasibility) => infeasibility,
        SlateOutcome::Proposed(slate) => panic!("expected infeasible, got {slate:?}"),
    }
}

#[test]
fn too_few_nominees_is_explained_not_a_crash() {
    let nominees = (0..12)
        .map(|i| nominee(&format!("n{i}"), 50.0, &[]))
        .collect();
    let result = infeasibility(solve_slate(&problem(18, nominees, vec![])).unwrap());
    assert_eq!(
        result.reasons,
        vec![
            "need 18 new members but only 12 nominees",
            "smallest relaxation: fill 12 seats instead of 18"
        ]
    );
    assert_eq!(
        result.relaxations,
        vec![Relaxation {
            label: "seats to fill".to_owned(),
            bound: Bound::Min,
            by: 6
        }]
    );
}

#[test]
fn a_minimum_with_no_matching_nominee_is_named_with_its_numbers() {
    let nominees = vec![
        nominee(
            "a",
            80.0,
            &["stakeholder_group=civil_society", "region=weog"],
        ),
        nominee(
            "b",
            70.0,
            &["stakeholder_group=government", "region=eastern_european"],
        ),
        nominee(
            "c",
            60.0,
            &["stakeholder_group=civil_society", "region=african"],
        ),
    ];
    let label = "Civil society from Eastern Europe";
    let request = problem(
        2,
        nominees,
        vec![quota(
            label,
            &["stakeholder_group=civil_society", "region=eastern_european"],
            Some(1),
            None,
        )],
    );
    let result = infeasibility(solve_slate(&request).unwrap());
    assert_eq!(
        result.reasons,
        vec![
            "Civil society from Eastern Europe needs at least 1 but continuing members give 0 and only 0 nominees match",
            "smallest relaxation: relax Civil society from Eastern Europe min from 1 to 0",
        ]
    );
    assert_eq!(
        result.relaxations,
        vec![Relaxation {
            label: label.to_owned(),
            bound: Bound::Min,
            by: 1
        }]
    );
}

#[test]
fn a_maximum_already_exceeded_by_continuing_members_is_named() {
    let mut request = problem(
        1,
        vec![nominee("new", 50.0, &["gender=woman"])],
        vec![quota("Men", &["gender=man"], None, Some(1))],
    );
    request.continuing = vec![person("m1", &["gender=man"]), person("m2", &["gender=man"])];
    let result = infeasibility(solve_slate(&request).unwrap());
    assert_eq!(
        result.reasons,
        vec![
            "Men allows at most 1 but continuing members already give 2",
            "smallest relaxation: relax Men max from 1 to 2",
        ]
    );
}

#[test]
fn the_smallest_relaxation_is_chosen_among_conflicting_quotas() {
    // Three seats; women need 3 but there are only two women, and the African cap of 1
    // collides with both women being African. Lowering the women minimum by 1 and raising
    // the African cap by 1 (2 units) beats every other combination.
    let nominees = vec![
        nominee("w1", 90.0, &["gender=woman", "region=african"]),
        nominee("w2", 80.0, &["gender=woman", "region=african"]),
        nominee("m1", 70.0, &["gender=man", "region=weog"]),
        nominee("m2", 60.0, &["gender=man", "region=weog"]),
    ];
    let request = problem(
        3,
        nominees,
        vec![
            quota("Women", &["gender=woman"], Some(3), None),
            quota("African", &["region=african"], None, Some(1)),
        ],
    );
    let result = infeasibility(solve_slate(&request).unwrap());
    assert_eq!(
        result.relaxations,
        vec![
            Relaxation {
                label: "Women".to_owned(),
                bound: Bound::Min,
                by: 1
            },
            Relaxation {
                label: "African".to_owned(),
                bound: Bound::Max,
                by: 1
            },
        ]
    );
    assert_eq!(
        result.reasons,
        vec![
            "Women needs at least 3 but continuing members give 0 and only 2 nominees match",
            "smallest relaxation: relax Women min from 3 to 2",
            "smallest relaxation: relax African max from 1 to 2",
        ]
    );
}
