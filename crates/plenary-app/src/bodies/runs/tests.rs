//! Tests for `bodies::runs`: the stored members CSV reads back as the same members,
//! decisions parse, and input changes are described.

use super::*;
use crate::bodies::slate::{parse_members, region_table};

const MEMBERS: &str = include_str!("../../../../../docs/examples/slate/members.csv");

#[test]
fn members_written_as_csv_read_back_the_same() {
    let constitution = document::preset("mag").unwrap();
    let regions = region_table().unwrap();
    let members = parse_members(&constitution, &regions, MEMBERS).unwrap();
    let text = members_csv(&members).unwrap();
    let again = parse_members(&constitution, &regions, &text).unwrap();
    assert_eq!(again.len(), members.len());
    for (a, b) in members.iter().zip(&again) {
        assert_eq!(
            (
                &a.id,
                &a.name,
                &a.stakeholder_group,
                &a.country,
                &a.gender,
                a.seat
            ),
            (
                &b.id,
                &b.name,
                &b.stakeholder_group,
                &b.country,
                &b.gender,
                b.seat
            )
        );
    }
}

#[test]
fn decision_outcomes_round_trip_and_unknown_ones_are_refused() {
    for outcome in DecisionOutcome::ALL {
        assert_eq!(DecisionOutcome::parse(outcome.code()), Ok(outcome));
    }
    assert_eq!(
        DecisionOutcome::parse("approved").unwrap_err().code,
        "unknown_outcome"
    );
}

fn run(cycle: i32, version: i64, seats: u64, nominees: &str, members: &str) -> SlateRun {
    SlateRun {
        id: 1,
        cycle,
        label: String::new(),
        constitution_version: version,
        seats_requested: None,
        nominee_source: "csv".into(),
        outcome: "proposed".into(),
        report: json!({"seats": {"seats_to_fill": seats}}),
        created_at: Timestamp::from_unix_seconds(0),
        created_by: String::new(),
        decisions: 0,
        members_csv: members.into(),
        nominees_csv: nominees.into(),
    }
}

#[test]
fn input_changes_name_what_differs() {
    let head = "id,name\n";
    let a = run(2027, 1, 18, &format!("{head}n1,A\nn2,B\n"), "m");
    assert_eq!(input_changes(&a, &a), vec!["same inputs".to_owned()]);
    let b = run(2028, 2, 17, &format!("{head}n2,B\nn3,C\nn4,D\n"), "m2");
    assert_eq!(
        input_changes(&a, &b),
        vec![
            "cycle 2027 → 2028".to_owned(),
            "constitution version 1 → 2".to_owned(),
            "seats to fill 18 → 17".to_owned(),
            "nominee pool: 1 lines only in the first run, 2 only in the second".to_owned(),
            "continuing members differ".to_owned(),
        ]
    );
}
