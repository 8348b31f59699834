//! Nominations over HTTP: the public form (anonymous, CSRF, errors re-rendered with the
//! input kept), the secretariat's review list, merge, export and import, the roster's links,
//! and the JSON API.

use axum::http::{Method, StatusCode};

use crate::TestApp;

const FORM: &str = "/f/igf/bodies/mag/nominate";
const REVIEW: &str = "/f/igf/bodies/mag/calls/2027";
const API_LIST: &str = "/api/v1/forums/igf/bodies/mag/calls/2027/nominations";

fn nomination<'a>(name: &'a str, country: &'a str, group: &'a str) -> Vec<(&'a str, &'a str)> {
    vec![
        ("cycle", "2027"),
        ("candidate_name", name),
        ("candidate_email", "candidate@example.org"),
        ("stakeholder_group", group),
        ("country", country),
        ("gender", "woman"),
        ("organisation", "Digital Empowerment Foundation"),
        ("statement", "Fifteen years of community networks."),
        ("nominator_name", "Osama Manzar"),
        ("nominator_email", "osama@example.org"),
        ("endorsement_1", "Asia Pacific Regional IGF"),
        (
            "endorsement_note_1",
            "endorsed by its multistakeholder steering committee",
        ),
    ]
}

#[tokio::test]
async fn anyone_can_nominate_and_bad_input_comes_back_with_errors_and_the_input_kept() {
    let test = TestApp::new().await;
    let mut client = test.client();
    let form = client.get(FORM).await;
    assert_eq!(form.status, StatusCode::OK);
    assert!(
        form.body.contains("MAG 2027: call for nominations"),
        "{}",
        form.body
    );
    assert!(form.body.contains("name=\"csrf\""), "{}", form.body);

    let res = client
        .post_form(FORM, &nomination("Radhika Menon", "IN", "civil_society"))
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    assert_eq!(res.location(), format!("{FORM}?notice=nomination-received"));
    let thanks = client.get(res.location()).await;
    assert!(
        thanks.body.contains("your nomination was received"),
        "{}",
        thanks.body
    );
    assert!(
        test.audit_actions()
            .await
            .contains(&"nomination.submit".to_owned())
    );

    // Missing stakeholder group, unknown country, over-long name, bad e-mail.
    let long = "x".repeat(201);
    let mut bad = nomination(&long, "QQ", "");
    bad[2] = ("candidate_email", "not-an-email");
    let res = client.post_form(FORM, &bad).await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    for id in [
        "form-errors",
        "candidate_name-error",
        "candidate_email-error",
        "stakeholder_group-error",
        "country-error",
    ] {
        assert!(
            res.body.contains(&format!("id=\"{id}\"")),
            "{id}: {}",
            res.body
        );
    }
    assert!(
        res.body.contains("value=\"not-an-email\""),
        "the input is kept"
    );
    assert!(res.body.contains("Fifteen years of community networks."));
    assert!(res.body.contains("Choose a country from the list."));
    assert!(
        res.body
            .contains("Enter an e-mail address such as name@example.org.")
    );
    assert!(res.body.contains("value=\"Asia Pacific Regional IGF\""));

    // Without the CSRF token: refused before anything runs.
    let res = client
        .post_raw(FORM, &nomination("Radhika Menon", "IN", "civil_society"))
        .await;
    assert_eq!(res.status, StatusCode::FORBIDDEN);

    // After the call closes the form is refused with the reason.
    test.clock
        .advance(plenary_domain::time::Seconds(50 * 86_400));
    let res = client
        .post_form(FORM, &nomination("Radhika Menon", "IN", "civil_society"))
        .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(res.body.contains("id=\"form-message\""), "{}", res.body);
    assert!(client.get(FORM).await.body.contains("id=\"no-open-call\""));
}

#[tokio::test]
async fn the_review_list_is_for_the_secretariat_only() {
    let test = TestApp::new().await;
    for email in [
        "participant@igf.example.org",
        "mag.member@igf.example.org",
        "chair@igf.example.org",
    ] {
        let mut client = test.signed_in(email).await;
        assert_eq!(
            client.get(REVIEW).await.status,
            StatusCode::FORBIDDEN,
            "{email}"
        );
        assert_eq!(
            client.get(&format!("{REVIEW}/export.csv")).await.status,
            StatusCode::FORBIDDEN,
            "{email}"
        );
    }
    assert_eq!(
        test.client().get(REVIEW).await.status,
        StatusCode::SEE_OTHER
    );
    let mut sec = test.signed_in("secretariat@igf.example.org").await;
    let page = sec.get(REVIEW).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("Nanjala Wekesa"));
    assert!(
        page.body.contains("must rotate out"),
        "the term-limited nominee's check"
    );
    assert!(page.body.contains("the statement of motivation is missing"));
    let filtered = sec.get(&format!("{REVIEW}?status=ineligible&group=")).await;
    assert!(!filtered.body.contains("Nanjala Wekesa"));
    assert!(filtered.body.contains("must rotate out"));

    // The roster links to the form for everyone and to the calls for the secretariat.
    let public = test.client().get("/f/igf/bodies/mag").await;
    assert!(
        public.body.contains("id=\"nominate-link\""),
        "{}",
        public.body
    );
    assert!(!public.body.contains("id=\"calls-link\""));
    let roster = sec.get("/f/igf/bodies/mag").await;
    assert!(roster.body.contains("id=\"calls-link\""));
}

#[tokio::test]
async fn the_secretariat_merges_duplicates_keeping_both_nominators() {
    let test = TestApp::new().await;
    let token = test.api_token("secretariat@igf.example.org").await;
    let list = test.api(Method::GET, API_LIST, Some(&token), None).await;
    assert_eq!(list.status, StatusCode::OK, "{}", list.body);
    let json = list.json();
    let pair: Vec<i64> = json["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|n| n["candidate_name"] == "Nanjala Wekesa")
        .map(|n| n["id"].as_i64().unwrap())
        .collect();
    assert_eq!(pair.len(), 2);
    let first = json["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|n| n["id"] == pair[0])
        .unwrap();
    assert_eq!(first["duplicates"], serde_json::json!([pair[1]]));

    let mut sec = test.signed_in("secretariat@igf.example.org").await;
    let res = sec
        .post_form(
            &format!("{REVIEW}/merge"),
            &[
                ("keep", &pair[0].to_string()),
                ("drop", &pair[1].to_string()),
            ],
        )
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    let page = sec.get(REVIEW).await;
    assert!(
        page.body
            .contains("Youth Coalition on Internet Governance &lt;"),
        "{}",
        page.body
    );
    let after = test
        .api(Method::GET, API_LIST, Some(&token), None)
        .await
        .json();
    let kept = after["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|n| n["id"] == pair[0])
        .unwrap();
    let names: Vec<&str> = kept["nominated_by"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["name"].as_str().unwrap())
        .collect();
    assert_eq!(
        names,
        [
            "Youth Coalition on Internet Governance",
            "Kenya IGF Steering Committee"
        ]
    );
    assert!(
        test.audit_actions()
            .await
            .contains(&"nomination.merge".to_owned())
    );

    // Score and status; eligible is refused while a check fails.
    let res = sec
        .post_form(
            &format!("{REVIEW}/assess"),
            &[
                ("nomination", &pair[0].to_string()),
                ("status", "eligible"),
                ("score", "91"),
                ("note", "strong youth profile"),
            ],
        )
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    let zielinski = after["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|n| n["candidate_name"] == "Tomasz Zieliński")
        .unwrap()["id"]
        .to_string();
    let res = sec
        .post_form(
            &format!("{REVIEW}/assess"),
            &[
                ("nomination", &zielinski),
                ("status", "eligible"),
                ("score", "50"),
            ],
        )
        .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        res.body.contains("the statement of motivation is missing"),
        "{}",
        res.body
    );
    assert!(
        test.audit_actions()
            .await
            .contains(&"nomination.assess".to_owned())
    );

    // Someone else cannot merge, even with a valid form.
    let mut participant = test.signed_in("participant@igf.example.org").await;
    let res = participant
        .post_form(
            &format!("{REVIEW}/merge"),
            &[
                ("keep", &pair[0].to_string()),
                ("drop", &pair[1].to_string()),
            ],
        )
        .await;
    assert_eq!(res.status, StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn export_and_import_csv() {
    let test = TestApp::new().await;
    let mut sec = test.signed_in("secretariat@igf.example.org").await;
    let csv = sec.get(&format!("{REVIEW}/export.csv")).await;
    assert_eq!(csv.status, StatusCode::OK);
    assert_eq!(csv.headers["content-type"], "text/csv; charset=utf-8");
    let mut lines = csv.body.lines();
    assert_eq!(
        lines.next().unwrap(),
        "id,candidate_name,candidate_email,stakeholder_group,country,gender,organisation,statement,self_nomination,nominated_by,nominator_emails,endorsements,status,score,note,submitted_at"
    );
    assert_eq!(lines.count(), 41);
    let wanjiru = csv
        .body
        .lines()
        .find(|l| l.contains("Wanjiru Kariuki"))
        .unwrap();
    assert!(
        wanjiru.contains(",civil_society,KE,woman,Kenya ICT Action Network,"),
        "{wanjiru}"
    );
    assert!(wanjiru.contains(",eligible,86,"), "{wanjiru}");

    let bad = "candidate_name,candidate_email,stakeholder_group,country,nominated_by,nominator_emails\n\
               Ana Lima,ana@example.org,civil_society,BR,Rui Lima,rui@example.org\n\
               Ben Osei,ben@example.org,,GH,Kofi,kofi@example.org\n";
    let res = sec
        .post_form(&format!("{REVIEW}/import"), &[("csv", bad)])
        .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        res.body.contains("line 3, column 3 (stakeholder_group)"),
        "{}",
        res.body
    );
    let good = "candidate_name,candidate_email,stakeholder_group,country,nominated_by,nominator_emails\n\
                Ana Lima,ana@example.org,civil_society,BR,Rui Lima; Marta Reis,rui@example.org; marta@example.org\n";
    let res = sec
        .post_form(&format!("{REVIEW}/import"), &[("csv", good)])
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    let csv = sec.get(&format!("{REVIEW}/export.csv")).await;
    assert_eq!(
        csv.body.lines().count(),
        43,
        "only the good file was stored"
    );
    assert!(
        csv.body
            .contains("Rui Lima; Marta Reis,rui@example.org; marta@example.org")
    );
    assert!(
        test.audit_actions()
            .await
            .contains(&"nomination.import".to_owned())
    );
}

#[tokio::test]
async fn the_secretariat_opens_a_call_and_the_api_lists_it() {
    let test = TestApp::new().await;
    let mut sec = test.signed_in("secretariat@igf.example.org").await;
    let res = sec
        .post_form(
            "/f/igf/bodies/leadership-panel/calls",
            &[
                ("cycle_year", "2027"),
                ("title", ""),
                ("opens_at", "2026-11-01"),
                ("closes_at", "2026-10-01"),
            ],
        )
        .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        res.body.contains("the call must close after it opens"),
        "{}",
        res.body
    );
    let res = sec
        .post_form(
            "/f/igf/bodies/leadership-panel/calls",
            &[
                ("cycle_year", "2027"),
                ("title", ""),
                ("opens_at", "2026-11-01"),
                ("closes_at", "2027-01-31"),
            ],
        )
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    assert!(
        test.audit_actions()
            .await
            .contains(&"nomination_call.open".to_owned())
    );
    let calls = test
        .api(
            Method::GET,
            "/api/v1/forums/igf/bodies/leadership-panel/calls",
            None,
            None,
        )
        .await
        .json();
    assert_eq!(
        calls["items"][0]["title"],
        "Leadership Panel: nominations for 2027"
    );
    assert_eq!(calls["items"][0]["is_open"], true);

    let body = r#"{"self_nomination": true, "candidate_name": "Lina Haddad", "candidate_email": "lina@example.org",
        "stakeholder_group": "civil_society", "country": "JO", "statement": "Ten years at SMEX.",
        "endorsements": [{"organisation": "Arab IGF", "note": "endorsed"}]}"#;
    let res = test
        .api(
            Method::POST,
            "/api/v1/forums/igf/bodies/leadership-panel/calls/2027/nominations",
            None,
            Some(body),
        )
        .await;
    assert_eq!(res.status, StatusCode::CREATED, "{}", res.body);
    let res = test
        .api(
            Method::POST,
            "/api/v1/forums/igf/bodies/leadership-panel/calls/2027/nominations",
            None,
            Some(r#"{"candidate_name": "X", "candidate_email": "x@example.org", "stakeholder_group": "", "country": "ZZ"}"#),
        )
        .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(res.json()["error"]["field"], "stakeholder_group");
    let anonymous = test.api(Method::GET, API_LIST, None, None).await;
    assert_eq!(anonymous.status, StatusCode::UNAUTHORIZED);
}
