//! Tests for `calls::csv`: the example file, every bad cell named by row and column,
//! partial reads and the export/import round trip.

use super::*;
use crate::calls::document::preset_setup;
use crate::calls::generate::{Spec, generate};
use crate::countries::reference_countries;

const EXAMPLE: &str = include_str!("../../../../../docs/examples/proposals/proposals.csv");

fn setup() -> CycleSetup {
    preset_setup("igf2023", 2026).unwrap()
}

/// The example file with one cell of one line (1-based, header = 1) replaced.
fn with_cell(line: usize, column: &str, value: &str) -> String {
    let mut reader = ::csv::Reader::from_reader(EXAMPLE.as_bytes());
    let headers = reader.headers().unwrap().clone();
    let at = headers.iter().position(|h| h == column).unwrap();
    let mut writer = ::csv::Writer::from_writer(Vec::new());
    writer.write_record(&headers).unwrap();
    for (i, row) in reader.records().enumerate() {
        let mut row: Vec<String> = row.unwrap().iter().map(str::to_owned).collect();
        if i + 2 == line {
            row[at] = value.to_owned();
        }
        writer.write_record(&row).unwrap();
    }
    String::from_utf8(writer.into_inner().unwrap()).unwrap()
}

fn errors_of(text: &str) -> Vec<RowError> {
    parse_proposals_csv(text, &setup(), &reference_countries().unwrap()).unwrap_err()
}

#[test]
fn the_example_file_reads_as_three_proposals_with_their_people() {
    let read = parse_proposals_csv(EXAMPLE, &setup(), &reference_countries().unwrap()).unwrap();
    assert_eq!(read.len(), 3);
    let ws = &read[0];
    assert_eq!(ws.reference, "ws-1");
    assert_eq!(ws.draft.session_type, "workshop");
    assert_eq!(ws.status, ProposalStatus::Submitted);
    assert_eq!(ws.submitter.country_iso2, "KE");
    assert_eq!(ws.draft.people.len(), 7);
    assert_eq!(ws.draft.people[0].region, UnRegionalGroup::African);
    // Text is kept as typed, markup included.
    assert!(
        read.iter()
            .any(|p| p.draft.description.contains("<script>"))
    );
}

#[test]
fn every_bad_cell_is_named_by_row_and_column() {
    let cases = [
        (3, "person_country", "XZ", "not a known country"),
        (2, "session_type", "keynote", "not a session type"),
        (2, "duration_min", "forty", "not a number"),
        (2, "duration_min", "45", "last"),
        (4, "person_role", "panellist", "not a role"),
        (4, "person_confirmation", "maybe", "not a confirmation"),
        (4, "person_onsite", "sometimes", "not onsite or online"),
        (2, "submitter_email", "not-an-address", "not an e-mail"),
        (2, "issue_area", "space", "not an issue area"),
    ];
    for (line, column, value, message) in cases {
        let errors = errors_of(&with_cell(line, column, value));
        let hit = errors
            .iter()
            .find(|e| e.column == column)
            .unwrap_or_else(|| panic!("{column}: {errors:?}"));
        assert_eq!(hit.row, line as u64, "{column}: {hit}");
        assert_eq!(hit.reference, "ws-1", "{column}");
        assert!(hit.message.contains(message), "{column}: {}", hit.message);
    }
}

#[test]
fn a_repeated_proposal_column_that_differs_is_refused_naming_both_rows() {
    let errors = errors_of(&with_cell(4, "title", "Another title"));
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert_eq!(errors[0].row, 4);
    assert_eq!(errors[0].column, "title");
    assert!(errors[0].message.contains("row 2"), "{}", errors[0]);
}

#[test]
fn a_person_listed_twice_in_one_role_is_refused() {
    // Line 4 is the second speaker of ws-1; give them the first speaker's e-mail.
    let mut reader = ::csv::Reader::from_reader(EXAMPLE.as_bytes());
    let headers = reader.headers().unwrap().clone();
    let email = headers.iter().position(|h| h == "person_email").unwrap();
    let third = reader.records().nth(1).unwrap().unwrap();
    let errors = errors_of(&with_cell(4, "person_email", &third[email]));
    let hit = errors.iter().find(|e| e.row == 4).unwrap();
    assert_eq!(hit.column, "person_email");
    assert!(hit.message.contains("listed twice"), "{hit}");
}

#[test]
fn partial_keeps_the_good_proposals_and_reports_the_bad_rows() {
    let text = with_cell(3, "person_country", "XZ");
    let (good, errors) =
        parse_proposals_csv_partial(&text, &setup(), &reference_countries().unwrap());
    assert_eq!(
        good.iter()
            .map(|p| p.reference.as_str())
            .collect::<Vec<_>>(),
        ["of-1", "lt-1"]
    );
    assert_eq!(errors.len(), 1);
    assert_eq!(
        (errors[0].row, errors[0].column.as_str()),
        (3, "person_country")
    );
}

#[test]
fn a_missing_or_unknown_column_is_reported_on_the_header() {
    let errors = errors_of("ref,title,colour\nws-1,A title,blue\n");
    assert!(errors.iter().all(|e| e.row == 1));
    let columns: Vec<&str> = errors.iter().map(|e| e.column.as_str()).collect();
    assert!(columns.contains(&"colour"));
    assert!(columns.contains(&"session_type"));
}

#[test]
fn an_export_reads_back_unchanged() {
    let setup = setup();
    let countries = reference_countries().unwrap();
    let records: Vec<ProposalRecord> = generate(&setup, &countries, &Spec::scaled(3, 120))
        .into_iter()
        .map(|g| g.record)
        .collect();
    let text = export_proposals_csv(&records).unwrap();
    let read = parse_proposals_csv(&text, &setup, &countries).unwrap();
    assert_eq!(read, records);
    // And the example file too.
    let example = parse_proposals_csv(EXAMPLE, &setup, &countries).unwrap();
    let again = export_proposals_csv(&example).unwrap();
    assert_eq!(
        parse_proposals_csv(&again, &setup, &countries).unwrap(),
        example
    );
}
