//! Tests for `forums`.
use super::*;

#[test]
fn slugs_are_url_safe() {
    assert_eq!(Slug::parse(" igf ").unwrap().as_str(), "igf");
    assert_eq!(
        Slug::parse("youth-igf-ke").unwrap().as_str(),
        "youth-igf-ke"
    );
    for bad in [
        "i",
        "IGF",
        "igf_2026",
        "-igf",
        "igf-",
        "a--b",
        "ígf",
        &"a".repeat(41),
    ] {
        assert!(Slug::parse(bad).is_err(), "{bad:?}");
    }
}

#[test]
fn the_igf_preset_has_five_groups_with_unique_codes() {
    let groups = default_stakeholder_groups();
    let mut codes: Vec<&str> = groups.iter().map(|(code, _)| *code).collect();
    codes.sort_unstable();
    codes.dedup();
    assert_eq!(codes.len(), 5);
    assert_eq!(groups[3], ("civil_society", "Civil society"));
}

#[test]
fn forum_kinds_round_trip() {
    for kind in ForumKind::ALL {
        assert_eq!(ForumKind::parse(kind.code()), Ok(kind));
    }
    assert!(ForumKind::parse("planetary").is_err());
}

#[test]
fn stakeholder_group_codes_and_names_are_checked() {
    assert_eq!(parse_group_code(" academia ").unwrap(), "academia");
    assert_eq!(parse_group_code("youth_2026").unwrap(), "youth_2026");
    for bad in ["a", "Academia", "2academia", "aca-demia", ""] {
        assert_eq!(
            parse_group_code(bad).unwrap_err().code,
            "bad_code",
            "{bad:?}"
        );
    }
    assert_eq!(parse_group_name("  Youth ").unwrap(), "Youth");
    assert!(parse_group_name(" ").is_err());
}
