//! The selection board: decisions need a rationale, the chair records them as final, the
//! secretariat notifies; members of the body see the board without its forms.

use axum::http::StatusCode;
use plenary_app::calls::review;

use crate::TestApp;
use crate::review::{
    CHAIR, MAG_MEMBER, REVIEWER, SECRETARIAT, first_reason, open_evaluation, queue_numbers,
    review_form, score_codes, three_reviewers, viewer,
};

const CYCLE: &str = "/f/igf/cycles/2026";

#[tokio::test]
async fn the_board_records_decisions_the_chair_finalises_and_the_secretariat_notifies() {
    let test = TestApp::new().await;
    three_reviewers(&test).await;
    open_evaluation(&test).await;
    let numbers = queue_numbers(&test, REVIEWER).await;
    let reason = first_reason(&test).await;
    let codes = score_codes(&test).await;
    for email in [REVIEWER, CHAIR, MAG_MEMBER] {
        let v = viewer(&test, email).await;
        let scores: Vec<(&str, &str)> = codes.iter().map(|c| (c.as_str(), "4")).collect();
        let form = review_form(&scores, &[reason.as_str()], true);
        review::save_review(&test.app, &v, "igf", 2026, numbers[0], form)
            .await
            .unwrap();
    }
    let n = numbers[0];
    let decide = format!("{CYCLE}/selection/{n}");

    let mut secretariat = test.signed_in(SECRETARIAT).await;
    let page = secretariat.get(&format!("{CYCLE}/selection")).await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    assert!(page.body.contains(&format!("id=\"row-{n}\"")));
    assert!(page.body.contains("id=\"propose-form\""));
    assert!(!page.body.contains("id=\"finalise-form\""));

    // A decision without its rationale is refused and named.
    let res = secretariat
        .post_form(&decide, &[("decision", "accept"), ("rationale", " ")])
        .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(res.body.contains("id=\"selection-error\""), "{}", res.body);
    let res = secretariat
        .post_form(
            &decide,
            &[
                ("decision", "conditional"),
                ("condition", "must merge with #3"),
                ("rationale", "strong proposal"),
            ],
        )
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    let page = secretariat.get(&format!("{CYCLE}/selection")).await;
    assert!(page.body.contains("must merge with #3"));
    assert!(page.body.contains("strong proposal"));

    // Members see the board, not its forms, and may not decide.
    let mut member = test.signed_in(MAG_MEMBER).await;
    let page = member.get(&format!("{CYCLE}/selection")).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(!page.body.contains("id=\"propose-form\""));
    let res = member
        .post_form(&decide, &[("decision", "decline"), ("rationale", "x")])
        .await;
    assert_eq!(res.status, StatusCode::FORBIDDEN);

    // Notifying before the chair records final decisions is refused; then it works once.
    let res = secretariat
        .post_form(&format!("{CYCLE}/selection/notify"), &[])
        .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    let mut chair = test.signed_in(CHAIR).await;
    let res = chair
        .post_form(&format!("{CYCLE}/selection/finalise"), &[])
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    let res = secretariat
        .post_form(&format!("{CYCLE}/selection/notify"), &[])
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    let page = secretariat.get(&format!("{CYCLE}/selection")).await;
    assert!(page.body.contains("id=\"selection-summary\""));
    assert!(page.body.contains(": 1."), "{}", page.body);
}
