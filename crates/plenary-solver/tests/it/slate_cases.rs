//! Small hand-written slate requests with their expected slates and explanations, input
//! validation, tie-breaking and determinism.

use plenary_solver::{
    BindingQuota, Bound, Nominee, Quota, SlateError, SlateOutcome, SlateProblem, check_slate,
    solve_slate,
};

use crate::fixture::{nominee, person, preference, problem, quota};

fn chosen(problem: &SlateProblem) -> Vec<usize> {
    match solve_slate(problem).expect("the request is valid") {
        SlateOutcome::Proposed(slate) => slate.chosen,
        SlateOutcome::Infeasible(infeasibility) => panic!("infeasible: {infeasibility:?}"),
    }
}

fn four_nominees() -> Vec<Nominee> {
    vec![
        nominee(
            "ana",
            90.0,
            &["gender=woman", "region=african", "first_time=true"],
        ),
        nominee(
            "ben",
            95.0,
            &["gender=man", "region=weog", "first_time=false"],
        ),
        nominee(
            "cai",
            80.0,
            &["gender=man", "region=african", "first_time=true"],
        ),
        nominee(
            "dia",
            70.0,
            &["gender=woman", "region=weog", "first_time=false"],
        ),
    ]
}

#[test]
fn table_of_small_slates() {
    let women_min_2 = quota("Women", &["gender=woman"], Some(2), None);
    let weog_max_0 = quota("WEOG", &["region=weog"], None, Some(0));
    let men_max_1 = quota("Men", &["gender=man"], None, Some(1));
    let cases: Vec<(&str, u32, Vec<Quota>, Vec<usize>)> = vec![
        ("no quotas: best scores", 2, vec![], vec![0, 1]),
        (
            "women min 2 beats merit",
            2,
            vec![women_min_2.clone()],
            vec![0, 3],
        ),
        ("WEOG capped at 0", 2, vec![weog_max_0], vec![0, 2]),
        (
            "men max 1 over three seats",
            3,
            vec![men_max_1],
            vec![0, 1, 3],
        ),
        (
            "women min 2 over three seats",
            3,
            vec![women_min_2],
            vec![0, 1, 3],
        ),
    ];
    for (name, seats, quotas, expected) in cases {
        assert_eq!(
            chosen(&problem(seats, four_nominees(), quotas)),
            expected,
            "{name}"
        );
    }
}

#[test]
fn continuing_members_count_towards_quotas() {
    let mut request = problem(
        2,
        four_nominees(),
        vec![quota("Men", &["gender=man"], None, Some(1))],
    );
    request.continuing = vec![person("old", &["gender=man"])];
    assert_eq!(chosen(&request), vec![0, 3]);
}

#[test]
fn preferences_add_and_subtract_weight() {
    let mut request = problem(1, four_nominees(), vec![]);
    request.preferences = vec![preference("first time", &["first_time=true"], 6.0)];
    assert_eq!(chosen(&request), vec![0]);
    request.preferences = vec![preference("men penalised", &["gender=man"], -30.0)];
    assert_eq!(chosen(&request), vec![0]);
    request.preferences = vec![];
    assert_eq!(chosen(&request), vec![1]);
}

#[test]
fn required_nominees_are_always_chosen() {
    let mut request = problem(2, four_nominees(), vec![]);
    request.required = vec![3];
    assert_eq!(chosen(&request), vec![1, 3]);
}

#[test]
fn equal_scores_go_to_the_lowest_indexes_every_time() {
    let nominees: Vec<Nominee> = (0..40)
        .map(|i| {
            let gender = if i % 3 == 0 {
                "gender=woman"
            } else {
                "gender=man"
            };
            nominee(&format!("n{i:02}"), 50.0, &[gender])
        })
        .collect();
    let request = problem(
        5,
        nominees,
        vec![quota("Women", &["gender=woman"], Some(2), None)],
    );
    let first = solve_slate(&request).unwrap();
    let SlateOutcome::Proposed(slate) = &first else {
        panic!("{first:?}")
    };
    assert_eq!(slate.chosen, vec![0, 1, 2, 3, 4]);
    assert_eq!(solve_slate(&request).unwrap(), first);
}

#[test]
fn explanation_names_binding_quotas_and_the_quota_that_blocks_a_strong_nominee() {
    let nominees = vec![
        nominee(
            "gov-a",
            99.0,
            &["stakeholder_group=government", "region=african"],
        ),
        nominee(
            "gov-b",
            98.0,
            &["stakeholder_group=government", "region=weog"],
        ),
        nominee(
            "civ-a",
            60.0,
            &["stakeholder_group=civil_society", "region=weog"],
        ),
        nominee(
            "civ-b",
            50.0,
            &["stakeholder_group=civil_society", "region=african"],
        ),
    ];
    let label = "Government from WEOG";
    let capped = quota(
        label,
        &["stakeholder_group=government", "region=weog"],
        None,
        Some(1),
    );
    let mut request = problem(2, nominees, vec![capped]);
    request.continuing = vec![person(
        "minister",
        &["stakeholder_group=government", "region=weog"],
    )];
    let SlateOutcome::Proposed(slate) = solve_slate(&request).unwrap() else {
        panic!()
    };
    assert_eq!(slate.chosen, vec![0, 2]);
    assert_eq!(
        slate.explanation.binding,
        vec![BindingQuota {
            label: label.to_owned(),
            count: 1,
            min: None,
            max: Some(1),
            at: Bound::Max
        }]
    );
    assert_eq!(slate.explanation.not_chosen.len(), 1);
    let left_out = &slate.explanation.not_chosen[0];
    assert_eq!((left_out.nominee, left_out.score), (1, 98.0));
    assert_eq!(
        left_out.reason,
        "choosing them would break Government from WEOG (max 1)"
    );
    assert_eq!(
        slate.explanation.lines,
        vec![
            "Chose 2 of 4 nominees: merit 159.00, preference bonus 0.00, total 159.00, proven optimal.",
            "Government from WEOG is at its maximum (1 of 1).",
            "gov-b (score 98.00) was not chosen: choosing them would break Government from WEOG (max 1).",
        ]
    );
}

#[test]
fn explanation_gives_the_cost_of_a_nominee_left_out_for_balance() {
    let nominees = vec![
        nominee("ben", 95.0, &["gender=man"]),
        nominee("cai", 90.0, &["gender=man"]),
        nominee("dia", 70.0, &["gender=woman"]),
        nominee("eve", 60.0, &["gender=woman"]),
    ];
    let request = problem(
        2,
        nominees,
        vec![quota("Women", &["gender=woman"], Some(1), None)],
    );
    let SlateOutcome::Proposed(slate) = solve_slate(&request).unwrap() else {
        panic!()
    };
    assert_eq!(slate.chosen, vec![0, 2]);
    assert_eq!(slate.explanation.not_chosen.len(), 1);
    assert_eq!(
        slate.explanation.not_chosen[0].reason,
        "choosing them lowers the slate's total by 5.00 (they would displace ben)"
    );
}

#[test]
fn checker_reports_every_broken_rule() {
    let request = problem(
        2,
        four_nominees(),
        vec![quota("Women", &["gender=woman"], Some(2), None)],
    );
    assert_eq!(check_slate(&request, &[0, 3]), Vec::<String>::new());
    assert_eq!(
        check_slate(&request, &[0, 1]),
        vec!["Women: 1 is below the minimum 2"]
    );
    assert_eq!(
        check_slate(&request, &[1]),
        vec![
            "chose 1 nominees but 2 seats are open",
            "Women: 0 is below the minimum 2"
        ]
    );
}

#[test]
fn invalid_input_is_an_error_not_a_panic() {
    let base = problem(2, four_nominees(), vec![]);
    let mut no_seats = base.clone();
    no_seats.seats_to_fill = 0;
    assert_eq!(solve_slate(&no_seats), Err(SlateError::NoSeatsToFill));

    let mut nan_score = base.clone();
    nan_score.nominees[2].score = f64::NAN;
    assert!(matches!(
        solve_slate(&nan_score),
        Err(SlateError::InvalidScore { nominee: 2, .. })
    ));

    let mut negative = base.clone();
    negative.nominees[1].score = -1.0;
    assert_eq!(
        solve_slate(&negative),
        Err(SlateError::InvalidScore {
            nominee: 1,
            score: -1.0
        })
    );

    let mut min_above_max = base.clone();
    min_above_max.quotas = vec![quota("Odd", &[], Some(3), Some(2))];
    assert_eq!(
        solve_slate(&min_above_max),
        Err(SlateError::MinAboveMax {
            label: "Odd".to_owned(),
            min: 3,
            max: 2
        })
    );

    let mut duplicate = base.clone();
    duplicate.continuing = vec![person("ana", &[])];
    assert_eq!(
        solve_slate(&duplicate),
        Err(SlateError::DuplicatePerson {
            id: "ana".to_owned()
        })
    );

    let mut out_of_range = base;
    out_of_range.required = vec![4];
    assert_eq!(
        solve_slate(&out_of_range),
        Err(SlateError::RequiredOutOfRange {
            index: 4,
            n_nominees: 4
        })
    );
    assert_eq!(
        SlateError::RequiredOutOfRange {
            index: 4,
            n_nominees: 4
        }
        .to_string(),
        "required nominee 4 does not exist (there are 4 nominees)"
    );
}
