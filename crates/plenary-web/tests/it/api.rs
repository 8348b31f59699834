//! The JSON API: bearer tokens, the error envelope and its stable codes, role changes.

use axum::http::{Method, StatusCode};

use crate::TestApp;

#[tokio::test]
async fn me_needs_a_valid_token() {
    let test = TestApp::new().await;
    let res = test.api(Method::GET, "/api/v1/me", None, None).await;
    assert_eq!(res.status, StatusCode::UNAUTHORIZED);
    assert_eq!(res.json()["error"]["code"], "unauthenticated");
    assert_eq!(res.headers["www-authenticate"], "Bearer");
    let res = test
        .api(
            Method::GET,
            "/api/v1/me",
            Some("plt_not-a-real-token"),
            None,
        )
        .await;
    assert_eq!(res.status, StatusCode::UNAUTHORIZED);

    let token = test.api_token("chair@igf.example.org").await;
    let res = test
        .api(Method::GET, "/api/v1/me", Some(&token), None)
        .await;
    assert_eq!(res.status, StatusCode::OK);
    let me = res.json();
    assert_eq!(me["email"], "chair@igf.example.org");
    assert_eq!(me["display_name"], "Tomás Ibarra");
    assert_eq!(
        me["roles"],
        serde_json::json!([{"forum": "igf", "role": "chair"}])
    );
}

#[tokio::test]
async fn a_revoked_token_stops_working() {
    let test = TestApp::new().await;
    let token = test.api_token("chair@igf.example.org").await;
    let mut client = test.signed_in("chair@igf.example.org").await;
    let page = client.get("/account").await;
    let start = page.body.find("/account/tokens/").unwrap() + "/account/tokens/".len();
    let id: String = page.body[start..]
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    let res = client
        .post_form(&format!("/account/tokens/{id}/revoke"), &[])
        .await;
    assert_eq!(res.location(), "/account?notice=saved");
    assert_eq!(
        test.api(Method::GET, "/api/v1/me", Some(&token), None)
            .await
            .status,
        StatusCode::UNAUTHORIZED
    );
}

#[tokio::test]
async fn forums_and_countries_are_public() {
    let test = TestApp::new().await;
    let forums = test
        .api(Method::GET, "/api/v1/forums", None, None)
        .await
        .json();
    let slugs: Vec<&str> = forums["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["slug"].as_str().unwrap())
        .collect();
    assert_eq!(
        slugs,
        [
            "igf",
            "igf-france",
            "kenya-igf",
            "lacigf",
            "youth-igf-tunisia"
        ]
    );
    let igf = test
        .api(Method::GET, "/api/v1/forums/igf", None, None)
        .await
        .json();
    assert_eq!(igf["kind"], "global");
    assert_eq!(igf["stakeholder_groups"].as_array().unwrap().len(), 5);
    assert_eq!(igf["your_roles"], serde_json::json!([]));
    let countries = test
        .api(Method::GET, "/api/v1/countries", None, None)
        .await
        .json();
    let items = countries["items"].as_array().unwrap();
    assert_eq!(items.len(), 201);
    let kenya = items.iter().find(|c| c["iso2"] == "KE").unwrap();
    assert_eq!(kenya["un_regional_group"], "african");
    assert_eq!(kenya["development_status"], "developing");
}

#[tokio::test]
async fn granting_a_role_through_the_api() {
    let test = TestApp::new().await;
    let token = test.api_token("secretariat@igf.example.org").await;
    let path = "/api/v1/forums/igf/roles";
    let body = r#"{"email": "participant@igf.example.org", "role": "reviewer"}"#;
    let res = test.api(Method::POST, path, Some(&token), Some(body)).await;
    assert_eq!(
        (res.status, res.json()),
        (StatusCode::CREATED, serde_json::json!({"granted": true}))
    );
    let again = test.api(Method::POST, path, Some(&token), Some(body)).await;
    assert_eq!(
        (again.status, again.json()),
        (StatusCode::OK, serde_json::json!({"granted": false}))
    );
    let people = test.api(Method::GET, path, Some(&token), None).await.json();
    let roles: Vec<(String, String)> = people["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|p| p["email"] == "participant@igf.example.org")
        .map(|p| {
            (
                p["role"].as_str().unwrap().to_owned(),
                p["granted_at"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    assert_eq!(
        roles,
        [
            ("participant".to_owned(), "2026-11-22T10:00:00Z".to_owned()),
            ("reviewer".to_owned(), "2026-11-22T10:00:00Z".to_owned())
        ]
    );
    // The audit trail names who did it.
    let audit = test
        .api(
            Method::GET,
            "/api/v1/forums/igf/audit?action=role.grant&limit=1",
            Some(&token),
            None,
        )
        .await
        .json();
    let event = &audit["items"][0];
    assert_eq!(event["action"], "role.grant");
    assert!(
        event["actor"].as_str().unwrap().starts_with("account:"),
        "{event}"
    );
    assert!(
        event["after"]
            .as_str()
            .unwrap()
            .contains("\"role\":\"reviewer\""),
        "{event}"
    );
    assert!(audit["next_before"].is_i64());

    let account_id = people["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["email"] == "participant@igf.example.org")
        .unwrap()["account_id"]
        .as_i64()
        .unwrap();
    let res = test
        .api(
            Method::DELETE,
            &format!("{path}/{account_id}/reviewer"),
            Some(&token),
            None,
        )
        .await;
    assert_eq!(res.status, StatusCode::NO_CONTENT);
    let res = test
        .api(
            Method::DELETE,
            &format!("{path}/{account_id}/reviewer"),
            Some(&token),
            None,
        )
        .await;
    assert_eq!(res.status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn bad_bodies_get_precise_errors_and_change_nothing() {
    let test = TestApp::new().await;
    let token = test.api_token("secretariat@igf.example.org").await;
    let path = "/api/v1/forums/igf/roles";
    let before = test.audit_actions().await;
    let cases: [(&str, StatusCode, &str, Option<&str>); 6] = [
        (
            r#"{"email": "participant@igf.example.org", "role": "reviewer", "admin": true}"#,
            StatusCode::UNPROCESSABLE_ENTITY,
            "unknown_field",
            Some("admin"),
        ),
        (
            r#"{"email": "participant@igf.example.org"}"#,
            StatusCode::UNPROCESSABLE_ENTITY,
            "invalid_field",
            Some("role"),
        ),
        (
            r#"{"email": "participant@igf.example.org", "role": "emperor"}"#,
            StatusCode::UNPROCESSABLE_ENTITY,
            "invalid_field",
            Some("role"),
        ),
        (
            r#"{"email": "nobody@igf.example.org", "role": "reviewer"}"#,
            StatusCode::UNPROCESSABLE_ENTITY,
            "invalid_field",
            Some("email"),
        ),
        (
            r#"{"email": "#,
            StatusCode::BAD_REQUEST,
            "invalid_json",
            None,
        ),
        (
            r#"{"email": 5, "role": "reviewer"}"#,
            StatusCode::UNPROCESSABLE_ENTITY,
            "invalid_field",
            Some("body"),
        ),
    ];
    for (body, status, code, field) in cases {
        let res = test.api(Method::POST, path, Some(&token), Some(body)).await;
        assert_eq!(res.status, status, "{body}: {}", res.body);
        let json = res.json();
        assert_eq!(json["error"]["code"], code, "{body}");
        assert_eq!(json["error"]["field"].as_str(), field, "{body}");
        assert!(
            json["error"]["message"]
                .as_str()
                .is_some_and(|m| !m.is_empty())
        );
    }
    let huge = format!(
        r#"{{"email": "{}", "role": "reviewer"}}"#,
        "a".repeat(100 * 1024)
    );
    let res = test
        .api(Method::POST, path, Some(&token), Some(&huge))
        .await;
    assert_eq!(res.status, StatusCode::PAYLOAD_TOO_LARGE);
    assert_eq!(res.json()["error"]["code"], "payload_too_large");
    assert_eq!(test.audit_actions().await, before);
}

#[tokio::test]
async fn only_the_forums_own_secretariat_manages_its_people() {
    let test = TestApp::new().await;
    let kenya = test.api_token("secretariat@kenya-igf.example.org").await;
    let reviewer = test.api_token("reviewer@igf.example.org").await;
    let body = r#"{"email": "participant@igf.example.org", "role": "chair"}"#;
    for token in [&kenya, &reviewer] {
        let res = test
            .api(
                Method::POST,
                "/api/v1/forums/igf/roles",
                Some(token),
                Some(body),
            )
            .await;
        assert_eq!(res.status, StatusCode::FORBIDDEN);
        assert_eq!(res.json()["error"]["code"], "forbidden");
        let res = test
            .api(Method::GET, "/api/v1/forums/igf/audit", Some(token), None)
            .await;
        assert_eq!(res.status, StatusCode::FORBIDDEN);
    }
    // Kenya's secretariat manages Kenya.
    let res = test
        .api(
            Method::POST,
            "/api/v1/forums/kenya-igf/roles",
            Some(&kenya),
            Some(body),
        )
        .await;
    assert_eq!(res.status, StatusCode::CREATED);
}

#[tokio::test]
async fn health_and_readiness() {
    let test = TestApp::new().await;
    assert_eq!(
        test.api(Method::GET, "/healthz", None, None).await.json(),
        serde_json::json!({"status": "ok"})
    );
    assert_eq!(
        test.api(Method::GET, "/readyz", None, None).await.json(),
        serde_json::json!({"status": "ready"})
    );
}

#[tokio::test]
async fn stakeholder_groups_are_configurable_per_forum() {
    let test = TestApp::new().await;
    let token = test.api_token("secretariat@kenya-igf.example.org").await;
    let path = "/api/v1/forums/kenya-igf/stakeholder_groups";
    let res = test
        .api(
            Method::POST,
            path,
            Some(&token),
            Some(r#"{"code": "media", "name": "Media"}"#),
        )
        .await;
    assert_eq!(
        (res.status, res.json()),
        (
            StatusCode::CREATED,
            serde_json::json!({"code": "media", "name": "Media"})
        )
    );
    let again = test
        .api(
            Method::POST,
            path,
            Some(&token),
            Some(r#"{"code": "media", "name": "Media"}"#),
        )
        .await;
    assert_eq!(again.status, StatusCode::CONFLICT);
    let kenya = test
        .api(Method::GET, "/api/v1/forums/kenya-igf", None, None)
        .await
        .json();
    let codes: Vec<&str> = kenya["stakeholder_groups"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| g["code"].as_str().unwrap())
        .collect();
    assert_eq!(
        codes,
        [
            "government",
            "intergovernmental",
            "private_sector",
            "civil_society",
            "technical_community",
            "media"
        ]
    );
    let igf = test
        .api(Method::GET, "/api/v1/forums/igf", None, None)
        .await
        .json();
    assert_eq!(igf["stakeholder_groups"].as_array().unwrap().len(), 5);
}

#[tokio::test]
async fn rosters_are_public_through_the_api() {
    let test = TestApp::new().await;
    let mag = test
        .api(
            Method::GET,
            "/api/v1/forums/igf/bodies/mag/roster?year=2026",
            None,
            None,
        )
        .await
        .json();
    assert_eq!(mag["year"], 2026);
    assert_eq!(mag["members"].as_array().unwrap().len(), 62);
    assert_eq!(mag["deviations"], serde_json::json!([]));
    let count = |dimension: &str, key: &str| {
        mag["balance"]
            .as_array()
            .unwrap()
            .iter()
            .find(|b| b["dimension"] == dimension && b["key"] == key)
            .map(|b| b["count"].as_i64().unwrap())
    };
    assert_eq!(count("stakeholder_group", "government"), Some(20));
    assert_eq!(count("region", "grulac"), Some(11));
    let terms: Vec<i64> = mag["members"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|m| m["seat"] == "regular")
        .map(|m| m["term_number"].as_i64().unwrap())
        .collect();
    assert_eq!(
        (
            terms.iter().filter(|t| **t == 1).count(),
            terms.iter().filter(|t| **t == 3).count()
        ),
        (18, 18),
        "a third new, a third in its last term"
    );
    let lp = test
        .api(
            Method::GET,
            "/api/v1/forums/igf/bodies/leadership-panel/roster",
            None,
            None,
        )
        .await
        .json();
    assert_eq!(
        (lp["year"].as_i64(), lp["members"].as_array().unwrap().len()),
        (Some(2025), 15)
    );
    assert_eq!(lp["deviations"], serde_json::json!([]));
    let missing = test
        .api(
            Method::GET,
            "/api/v1/forums/igf/bodies/none/roster",
            None,
            None,
        )
        .await;
    assert_eq!(missing.status, StatusCode::NOT_FOUND);
}
