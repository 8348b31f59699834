//! Tests for `countries`.
use super::*;

const SAMPLE: &str = "iso2,iso3,numeric,name,un_regional_group,m49_region,m49_subregion,wesp_status,ldc,lldc,sids,note
KE,KEN,404,Kenya,African,Africa,Sub-Saharan Africa,developing,false,false,false,
BO,BOL,068,\"Bolivia (Plurinational State of)\",Latin American and Caribbean,Americas,South America,developing,false,true,false,\"a \"\"note\"\", with comma\"
";

#[test]
fn parses_quoted_names_and_flags() {
    let countries = parse_countries_csv(SAMPLE).unwrap();
    assert_eq!(countries.len(), 2);
    assert_eq!(countries[1].name, "Bolivia (Plurinational State of)");
    assert_eq!(
        countries[1].un_regional_group,
        UnRegionalGroup::LatinAmericanAndCaribbean
    );
    assert!(countries[1].lldc);
    assert!(!countries[1].sids);
    assert_eq!(
        countries[0].development_status,
        Some(DevelopmentStatus::Developing)
    );
}

#[test]
fn bad_rows_name_their_line() {
    let text = "iso2,iso3,numeric,name,un_regional_group,m49_region,m49_subregion,wesp_status,ldc,lldc,sids,note
KE,KEN,404,Kenya,Africa-ish,Africa,Sub-Saharan Africa,developing,false,false,false,
";
    let err = parse_countries_csv(text).unwrap_err();
    assert_eq!(err.code, "bad_row");
    assert!(err.problem.starts_with("line 2:"), "{}", err.problem);
    assert_eq!(parse_countries_csv("nope").unwrap_err().code, "bad_header");
}

#[test]
fn group_codes_round_trip() {
    for group in UnRegionalGroup::ALL {
        assert_eq!(UnRegionalGroup::from_code(group.code()), Some(group));
    }
}
