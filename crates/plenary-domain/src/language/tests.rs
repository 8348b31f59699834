//! Tests for `language`.
use super::*;

#[test]
fn explicit_choice_wins_over_the_browser() {
    assert_eq!(negotiate(Some(Language::Ar), Some("fr")), Language::Ar);
}

#[test]
fn accept_language_is_read_by_weight_then_order() {
    let cases = [
        (None, Language::En),
        (Some(""), Language::En),
        (Some("de-DE,de;q=0.9"), Language::En),
        (Some("fr-CH, fr;q=0.9, en;q=0.8"), Language::Fr),
        (Some("en;q=0.5, es;q=0.8"), Language::Es),
        (Some("de, ar-EG;q=0.7, fr;q=0.7"), Language::Ar),
        (Some("es;q=0, fr;q=0.1"), Language::Fr),
        (Some("*"), Language::En),
    ];
    for (header, expected) in cases {
        assert_eq!(negotiate(None, header), expected, "{header:?}");
    }
}

#[test]
fn arabic_is_right_to_left() {
    let rtl: Vec<Language> = Language::ALL
        .into_iter()
        .filter(|l| l.direction() == Direction::Rtl)
        .collect();
    assert_eq!(rtl, vec![Language::Ar]);
}

#[test]
fn codes_parse_case_insensitively_with_regions() {
    assert_eq!(Language::parse("FR-ca"), Ok(Language::Fr));
    assert_eq!(Language::parse("es_419"), Ok(Language::Es));
    assert_eq!(
        Language::parse("zh").unwrap_err().code,
        "unsupported_language"
    );
}
