//! The secretariat's seat screens and API: renewals, refusals with the domain's reason,
//! resignations and their vacancy, permissions, and the audit trail.

use axum::http::{Method, StatusCode};
use serde_json::Value;

use crate::TestApp;

const SECRETARIAT: &str = "secretariat@igf.example.org";

/// The MAG's seats of `year` as the secretariat's API returns them.
async fn mag_seats(test: &TestApp, token: &str, year: i32) -> Vec<Value> {
    let res = test
        .api(
            Method::GET,
            &format!("/api/v1/forums/igf/bodies/mag/seats?year={year}"),
            Some(token),
            None,
        )
        .await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.body);
    res.json()["seats"].as_array().unwrap().clone()
}

/// The first active regular seat matching `pick`.
fn pick(seats: &[Value], pick: impl Fn(&Value) -> bool) -> Value {
    seats
        .iter()
        .find(|s| {
            s["seat"] == "regular"
                && (s["state"] == "appointed" || s["state"] == "renewed")
                && pick(s)
        })
        .cloned()
        .unwrap()
}

#[tokio::test]
async fn the_secretariat_renews_and_the_next_term_is_on_next_years_roster() {
    let test = TestApp::new().await;
    let token = test.api_token(SECRETARIAT).await;
    let seats = mag_seats(&test, &token, 2026).await;
    let good = pick(&seats, |s| {
        s["term_number"] == 1 && s["engagement"]["satisfactory"] == true
    });
    let name = good["name"].as_str().unwrap().to_owned();
    let mut client = test.signed_in(SECRETARIAT).await;

    // The roster links to the seat screens for the secretariat only.
    let roster = client.get("/f/igf/bodies/mag?year=2026").await;
    assert!(
        roster.body.contains("id=\"manage-seats\""),
        "{}",
        roster.body
    );
    assert!(
        roster.body.contains("id=\"officers\""),
        "the appointed chair is listed"
    );

    let renewals = client.get("/f/igf/bodies/mag/renewals?cycle=2027").await;
    assert_eq!(renewals.status, StatusCode::OK);
    assert!(renewals.body.contains("id=\"rotation-plan\""));
    assert!(renewals.body.contains(&name));
    let before = client.get("/f/igf/bodies/mag?year=2027").await;
    assert!(!before.body.contains(&name));

    let res = client
        .post_form(
            &format!("/f/igf/bodies/mag/seats/{}/renew", good["membership"]),
            &[("back", "renewals"), ("year", "2027")],
        )
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    assert_eq!(
        res.location(),
        "/f/igf/bodies/mag/renewals?cycle=2027&notice=saved"
    );
    let after = client.get("/f/igf/bodies/mag?year=2027").await;
    assert_eq!(after.status, StatusCode::OK);
    assert!(after.body.contains(&name), "{}", after.body);
    let next = mag_seats(&test, &token, 2027).await;
    let renewed = next.iter().find(|s| s["person"] == good["person"]).unwrap();
    assert_eq!(
        (&renewed["term_number"], &renewed["state"]),
        (&Value::from(2), &Value::from("renewed"))
    );
    let renewals = client.get("/f/igf/bodies/mag/renewals?cycle=2027").await;
    assert!(renewals.body.contains("class=\"renewed\""));

    // The engagement form on the renewals screen records the year before the cycle and
    // comes back to the cycle.
    assert!(
        renewals.body.contains(
            "<input type=\"hidden\" name=\"back\" value=\"renewals\"><input type=\"hidden\" name=\"year\" value=\"2027\"><input type=\"hidden\" name=\"cycle\" value=\"2026\">"
        ),
        "{}",
        renewals.body
    );
    let other = pick(&seats, |s| {
        s["term_number"] == 2 && s["engagement"]["satisfactory"] == true
    });
    let res = client
        .post_form(
            &format!("/f/igf/bodies/mag/seats/{}/engagement", other["membership"]),
            &[
                ("back", "renewals"),
                ("year", "2027"),
                ("cycle", "2026"),
                ("meetings_attended", "1"),
                ("meetings_held", "6"),
                ("reviews_done", "8"),
                ("reviews_assigned", "8"),
                ("working_groups", "0"),
                ("note", "absent since June"),
            ],
        )
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    assert_eq!(
        res.location(),
        "/f/igf/bodies/mag/renewals?cycle=2027&notice=saved"
    );
    let renewals = client.get(res.location()).await;
    assert!(renewals.body.contains("absent since June"));
    let res = client
        .post_form(
            &format!("/f/igf/bodies/mag/seats/{}/renew", other["membership"]),
            &[("back", "renewals"), ("year", "2027")],
        )
        .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        res.body
            .contains("engagement is not satisfactory: 1 of 6 meetings"),
        "{}",
        res.body
    );
    assert!(
        test.audit_actions()
            .await
            .contains(&"membership.renew".to_owned())
    );
}

#[tokio::test]
async fn refusals_show_the_domains_reason() {
    let test = TestApp::new().await;
    let token = test.api_token(SECRETARIAT).await;
    let seats = mag_seats(&test, &token, 2026).await;
    let limited = pick(&seats, |s| s["term_number"] == 3);
    let mut client = test.signed_in(SECRETARIAT).await;
    let res = client
        .post_form(
            &format!("/f/igf/bodies/mag/seats/{}/renew", limited["membership"]),
            &[
                ("back", "renewals"),
                ("year", "2027"),
                ("override_reason", "please"),
            ],
        )
        .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        res.body
            .contains("3 consecutive terms, the most this body allows (3)"),
        "{}",
        res.body
    );
    let renewals = client.get("/f/igf/bodies/mag/renewals?cycle=2027").await;
    assert!(renewals.body.contains("class=\"rotates-out\""));

    // Through the API: an unsatisfactory record is refused, an override reason renews.
    let weak = pick(&seats, |s| {
        s["term_number"] != 3 && s["engagement"]["satisfactory"] == false
    });
    let path = format!(
        "/api/v1/forums/igf/bodies/mag/memberships/{}/renew",
        weak["membership"]
    );
    let res = test
        .api(Method::POST, &path, Some(&token), Some("{}"))
        .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", res.body);
    assert_eq!(res.json()["error"]["code"], "engagement_not_satisfactory");
    let res = test
        .api(
            Method::POST,
            &path,
            Some(&token),
            Some(r#"{"override_reason": "on leave for six months, documented"}"#),
        )
        .await;
    assert_eq!(res.status, StatusCode::CREATED, "{}", res.body);
    let res = test
        .api(
            Method::POST,
            &path,
            Some(&token),
            Some(r#"{"override_reason": "twice"}"#),
        )
        .await;
    assert_eq!(res.status, StatusCode::CONFLICT, "{}", res.body);
}

#[tokio::test]
async fn a_resignation_leaves_a_vacancy_to_refill_from_the_same_group() {
    let test = TestApp::new().await;
    let token = test.api_token(SECRETARIAT).await;
    let seats = mag_seats(&test, &token, 2026).await;
    let leaving = pick(&seats, |s| s["stakeholder_group"] == "civil_society");
    let name = leaving["name"].as_str().unwrap().to_owned();
    let mut client = test.signed_in(SECRETARIAT).await;
    let page = client.get("/f/igf/bodies/mag/seats?year=2026").await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("id=\"seats-help\""));
    assert!(page.body.contains("A seat is personal"));
    assert!(
        !page.body.contains("transfer\""),
        "no transfer action exists"
    );
    // The demo's own resignation is already listed.
    assert!(
        page.body.contains("to refill from government"),
        "{}",
        page.body
    );

    let res = client
        .post_form(
            &format!("/f/igf/bodies/mag/seats/{}/resign", leaving["membership"]),
            &[
                ("year", "2026"),
                ("notice_date", "2026-11-02"),
                ("channel", "letter"),
            ],
        )
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    let page = client.get("/f/igf/bodies/mag/seats?year=2026").await;
    let vacancy = format!(
        "Seat left by {name} on 2026-11-22: to refill from civil society at the end of the cycle (2027-01-01)."
    );
    assert!(page.body.contains(&vacancy), "{}", page.body);
    let res = client
        .post_form(
            &format!("/f/igf/bodies/mag/seats/{}/resign", leaving["membership"]),
            &[
                ("year", "2026"),
                ("notice_date", "2026-11-02"),
                ("channel", "letter"),
            ],
        )
        .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        res.body.contains("a resigned membership cannot resign"),
        "{}",
        res.body
    );

    // The API resigns too, and says which group refills the seat.
    let other = pick(&seats, |s| s["stakeholder_group"] == "technical_community");
    let res = test
        .api(
            Method::POST,
            &format!(
                "/api/v1/forums/igf/bodies/mag/memberships/{}/resign",
                other["membership"]
            ),
            Some(&token),
            Some(r#"{"notice_received_at": "2026-11-20T08:00:00Z", "channel": "email"}"#),
        )
        .await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.body);
    assert_eq!(res.json()["stakeholder_group"], "technical_community");
    assert_eq!(res.json()["refill_at"], "2027-01-01T00:00:00Z");
    let actions = test.audit_actions().await;
    assert_eq!(
        actions.iter().filter(|a| *a == "membership.resign").count(),
        3,
        "the demo's, the page's and the API's"
    );
}

#[tokio::test]
async fn engagement_records_and_officers_are_audited() {
    let test = TestApp::new().await;
    let token = test.api_token(SECRETARIAT).await;
    let seats = mag_seats(&test, &token, 2026).await;
    let member = pick(&seats, |s| s["engagement"]["satisfactory"] == true);
    let res = test
        .api(
            Method::POST,
            &format!(
                "/api/v1/forums/igf/bodies/mag/memberships/{}/engagement",
                member["membership"]
            ),
            Some(&token),
            Some(r#"{"cycle": 2026, "meetings_attended": 1, "meetings_held": 6, "reviews_done": 8, "reviews_assigned": 8, "note": "missed the autumn meetings"}"#),
        )
        .await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.body);
    assert_eq!(res.json()["satisfactory"], false);
    let mut client = test.signed_in(SECRETARIAT).await;
    let res = client
        .post_form(
            &format!(
                "/f/igf/bodies/mag/seats/{}/engagement",
                member["membership"]
            ),
            &[
                ("year", "2026"),
                ("cycle", "2026"),
                ("meetings_attended", "9"),
                ("meetings_held", "6"),
                ("reviews_done", "0"),
                ("reviews_assigned", "0"),
                ("working_groups", "0"),
            ],
        )
        .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);

    // The Leadership Panel's 2026 offices are filled: the domain's reason is shown.
    let lp = client.get("/f/igf/bodies/leadership-panel?year=2026").await;
    assert!(lp.body.contains("Chair:"), "{}", lp.body);
    assert!(lp.body.contains("Vice-chair:"), "{}", lp.body);
    let res = client
        .post_form(
            "/f/igf/bodies/leadership-panel/officers",
            &[
                ("year", "2026"),
                ("office", "chair"),
                ("person", &member["person"].to_string()),
            ],
        )
        .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        res.body.contains("officers are elected among the members"),
        "{}",
        res.body
    );
    let actions = test.audit_actions().await;
    assert!(actions.contains(&"engagement.record".to_owned()));
    assert!(actions.contains(&"officer.record".to_owned()));
}

#[tokio::test]
async fn the_leadership_panel_chair_is_not_re_elected_the_next_year() {
    let test = TestApp::new().await;
    let token = test.api_token(SECRETARIAT).await;
    let res = test
        .api(
            Method::GET,
            "/api/v1/forums/igf/bodies/leadership-panel/seats?year=2026",
            Some(&token),
            None,
        )
        .await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.body);
    let lp = res.json();
    let chair = lp["officers"]
        .as_array()
        .unwrap()
        .iter()
        .find(|o| o["office"] == "chair")
        .cloned()
        .unwrap();
    let (person, name) = (chair["person"].clone(), chair["name"].as_str().unwrap());
    let seat = lp["seats"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["person"] == person)
        .cloned()
        .unwrap();
    // The chair's two-year term ends with 2026: renew it so they are a member in 2027.
    let res = test
        .api(
            Method::POST,
            &format!(
                "/api/v1/forums/igf/bodies/leadership-panel/memberships/{}/renew",
                seat["membership"]
            ),
            Some(&token),
            Some(r#"{"override_reason": "the panel asked the chair to stay on"}"#),
        )
        .await;
    assert_eq!(res.status, StatusCode::CREATED, "{}", res.body);

    let mut client = test.signed_in(SECRETARIAT).await;
    let person = person.to_string();
    let elect = |office: &'static str| {
        [
            ("year", "2027"),
            ("office", office),
            ("person", person.as_str()),
        ]
    };
    // Chair again for 2027: refused, and the page says who, which office and which year.
    let res = client
        .post_form("/f/igf/bodies/leadership-panel/officers", &elect("chair"))
        .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", res.body);
    assert!(
        res.body.contains(&format!(
            "no one holds it two years running: {name} (person {person}) is the chair for 2026, so they cannot also be the chair for 2027"
        )),
        "{}",
        res.body
    );
    // Vice-chair for 2027: the other office, allowed.
    let res = client
        .post_form(
            "/f/igf/bodies/leadership-panel/officers",
            &elect("vice_chair"),
        )
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    let res = test
        .api(
            Method::GET,
            "/api/v1/forums/igf/bodies/leadership-panel/seats?year=2027",
            Some(&token),
            None,
        )
        .await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.body);
    let offices: Vec<(String, String)> = res.json()["officers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| {
            (
                o["office"].as_str().unwrap().to_owned(),
                o["person"].to_string(),
            )
        })
        .collect();
    assert_eq!(offices, vec![("vice_chair".to_owned(), person.clone())]);
}

#[tokio::test]
async fn only_the_secretariat_manages_seats() {
    let test = TestApp::new().await;
    for email in [
        "participant@igf.example.org",
        "mag.member@igf.example.org",
        "chair@igf.example.org",
    ] {
        let mut client = test.signed_in(email).await;
        let roster = client.get("/f/igf/bodies/mag?year=2026").await;
        assert_eq!(roster.status, StatusCode::OK);
        assert!(!roster.body.contains("id=\"manage-seats\""), "{email}");
        for path in [
            "/f/igf/bodies/mag/seats?year=2026",
            "/f/igf/bodies/mag/renewals?cycle=2027",
        ] {
            assert_eq!(
                client.get(path).await.status,
                StatusCode::FORBIDDEN,
                "{email} {path}"
            );
        }
        let res = client
            .post_form(
                "/f/igf/bodies/mag/seats/1/renew",
                &[("override_reason", "x")],
            )
            .await;
        assert_eq!(res.status, StatusCode::FORBIDDEN, "{email}");
        let token = test.api_token(email).await;
        let res = test
            .api(
                Method::GET,
                "/api/v1/forums/igf/bodies/mag/seats",
                Some(&token),
                None,
            )
            .await;
        assert_eq!(res.status, StatusCode::FORBIDDEN, "{email}");
    }
    assert!(
        !test
            .audit_actions()
            .await
            .iter()
            .any(|a| a == "membership.renew")
    );
}
