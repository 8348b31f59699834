use super::*;

#[test]
fn codes_are_snake_case() {
    assert!(is_code("open_forum"));
    assert!(is_code("day0"));
    assert!(!is_code("Open forum"));
    assert!(!is_code("0day"));
    assert!(!is_code(""));
}
