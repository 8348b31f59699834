//! The route × role table: every route in `plenary_web::routes::table()` is requested
//! as every role (and anonymously, and as another forum's secretariat), and the answer
//! must match the permission the table states — enforced on the server, whatever the
//! page shows.

use axum::http::{Method, StatusCode};
use plenary_domain::permissions::{Permission, Principal, Role, authorize};
use plenary_web::routes::{Surface, table};

use crate::TestApp;

/// Who makes the request.
#[derive(Debug, Clone, Copy)]
enum Who {
    Anonymous,
    /// A demo account holding this role in the forum `igf`.
    Igf(Role, &'static str),
    /// The secretariat of another forum (no role in `igf`).
    OtherForumSecretariat,
}

const WHO: [Who; 8] = [
    Who::Anonymous,
    Who::Igf(Role::Participant, "participant@igf.example.org"),
    Who::Igf(Role::Organiser, "organiser@igf.example.org"),
    Who::Igf(Role::Reviewer, "reviewer@igf.example.org"),
    Who::Igf(Role::BodyMember, "mag.member@igf.example.org"),
    Who::Igf(Role::Chair, "chair@igf.example.org"),
    Who::Igf(Role::Secretariat, "secretariat@igf.example.org"),
    Who::OtherForumSecretariat,
];

fn email(who: Who) -> Option<&'static str> {
    match who {
        Who::Anonymous => None,
        Who::Igf(_, email) => Some(email),
        Who::OtherForumSecretariat => Some("secretariat@kenya-igf.example.org"),
    }
}

fn principal(who: Who) -> Principal {
    match who {
        Who::Anonymous => Principal::anonymous(),
        Who::Igf(role, _) => Principal {
            account: Some(plenary_domain::AccountId(1)),
            roles: vec![role],
        },
        Who::OtherForumSecretariat => Principal {
            account: Some(plenary_domain::AccountId(1)),
            roles: vec![],
        },
    }
}

/// A body that passes validation where the route takes one, so only authorisation decides.
fn form_fields(path: &str) -> Vec<(&'static str, &'static str)> {
    match path {
        "/f/{slug}/people" => vec![
            ("email", "participant@igf.example.org"),
            ("role", "reviewer"),
        ],
        "/f/{slug}/people/revoke" => vec![("account", "999999"), ("role", "participant")],
        "/sign-in" => vec![
            ("email", "participant@igf.example.org"),
            ("password", crate::PASSWORD),
        ],
        "/password-reset" => vec![("email", "nobody@example.org")],
        "/password-reset/{token}" => vec![("password", "a-long-new-password")],
        "/account/tokens" => vec![("name", "route test")],
        "/f/{slug}/stakeholder-groups" => vec![("code", "academia"), ("name", "Academia")],
        "/language" => vec![("language", "fr"), ("back", "/")],
        "/f/{slug}/bodies/{body}/slates" => vec![("cycle", "2027"), ("source", "csv")],
        "/f/{slug}/bodies/{body}/seats/{membership}/engagement" => vec![
            ("cycle", "2026"),
            ("meetings_attended", "1"),
            ("meetings_held", "2"),
            ("reviews_done", "0"),
            ("reviews_assigned", "0"),
            ("working_groups", "0"),
        ],
        "/f/{slug}/bodies/{body}/seats/{membership}/resign" => {
            vec![("notice_date", "2026-05-01"), ("channel", "email")]
        }
        "/f/{slug}/bodies/{body}/officers" => {
            vec![("year", "2026"), ("office", "chair"), ("person", "999999")]
        }
        "/f/{slug}/bodies/{body}/calls/{year}/assess" => {
            vec![("nomination", "999999"), ("status", "submitted")]
        }
        "/f/{slug}/bodies/{body}/calls/{year}/merge" => {
            vec![("keep", "999998"), ("drop", "999999")]
        }
        "/f/{slug}/cycles/setup" => vec![("document", "version = 1")],
        "/f/{slug}/cycles/{year}/issues" => vec![
            ("issue", "Route test"),
            ("stakeholder_group", "civil_society"),
            ("region", "african"),
        ],
        // Session proposals and screening (issue 4).
        "/f/{slug}/cycles/{year}/proposals/new" | "/f/{slug}/cycles/{year}/proposals/{id}/edit" => {
            vec![
                ("session_type", "workshop"),
                ("title", "Route test"),
                ("action", "draft"),
            ]
        }
        "/f/{slug}/cycles/{year}/proposals/{id}/override" => {
            vec![("status", "pass"), ("reason", "route test")]
        }
        // Review (issue 5).
        "/f/{slug}/cycles/{year}/review/{number}" => {
            vec![("score_topic", "4"), ("action", "draft")]
        }
        "/f/{slug}/cycles/{year}/review/{number}/conflict" => {
            vec![("reason", "other"), ("detail", "route test")]
        }
        "/f/{slug}/cycles/{year}/evaluation/reviewers" => {
            vec![("email", "participant@igf.example.org")]
        }
        "/f/{slug}/cycles/{year}/evaluation/reviewers/{id}/withdraw" => {
            vec![("reason", "route test")]
        }
        // Selection (issue 5).
        "/f/{slug}/cycles/{year}/selection/propose" => {
            vec![("slots_workshop", "10"), ("developing", "30")]
        }
        "/f/{slug}/cycles/{year}/selection/apply" => vec![("run", "1")],
        "/f/{slug}/cycles/{year}/selection/{number}" => vec![
            ("decision", "accept"),
            ("condition", ""),
            ("rationale", "route test"),
        ],
        _ => vec![],
    }
}

/// A valid JSON body for each API route that takes one.
fn api_body(path: &str) -> &'static str {
    match path {
        "/api/v1/forums/{slug}/stakeholder_groups" => r#"{"code": "academia", "name": "Academia"}"#,
        "/api/v1/forums/{slug}/bodies/{body}/slates" => {
            r#"{"cycle": 2027, "nominees_csv": "id,name,stakeholder_group,country,gender,score\n"}"#
        }
        "/api/v1/forums/{slug}/bodies/{body}/slates/{run}/decisions" => {
            r#"{"authority": "UN Secretary-General", "decided_on": "2026-11-20", "outcome": "not_appointed"}"#
        }
        "/api/v1/forums/{slug}/bodies/{body}/memberships/{membership}/engagement" => {
            r#"{"cycle": 2026, "meetings_attended": 1, "meetings_held": 2, "reviews_done": 0, "reviews_assigned": 0}"#
        }
        "/api/v1/forums/{slug}/bodies/{body}/memberships/{membership}/renew" => "{}",
        "/api/v1/forums/{slug}/bodies/{body}/memberships/{membership}/resign" => {
            r#"{"notice_received_at": "2026-05-01T00:00:00Z", "channel": "email"}"#
        }
        "/api/v1/forums/{slug}/bodies/{body}/constitution/versions" => {
            r#"{"format": "toml", "document": ""}"#
        }
        "/api/v1/forums/{slug}/hosts" => r#"{"year": 2019, "country": "DE", "city": "Berlin"}"#,
        "/api/v1/forums/{slug}/cycles/{year}" => r#"{"document": "version = 1"}"#,
        "/api/v1/forums/{slug}/cycles/{year}/issues" => {
            r#"{"issue": "Route test", "stakeholder_group": "civil_society", "region": "african"}"#
        }
        // Session proposals and screening (issue 4).
        "/api/v1/forums/{slug}/cycles/{year}/proposals"
        | "/api/v1/forums/{slug}/cycles/{year}/proposals/{id}" => {
            r#"{"session_type": "workshop", "title": "Route test"}"#
        }
        "/api/v1/forums/{slug}/cycles/{year}/proposals/{id}/override" => {
            r#"{"status": "pass", "reason": "route test"}"#
        }
        "/api/v1/forums/{slug}/cycles/{year}/screening" => r#"{"notify": false}"#,
        // Review (issue 5).
        "/api/v1/forums/{slug}/cycles/{year}/reviews/{number}" => r#"{"scores": {"topic": 4}}"#,
        "/api/v1/forums/{slug}/cycles/{year}/reviews/{number}/conflict" => {
            r#"{"reason": "other", "detail": "route test"}"#
        }
        "/api/v1/forums/{slug}/cycles/{year}/evaluation/reviewers" => {
            r#"{"email": "participant@igf.example.org"}"#
        }
        "/api/v1/forums/{slug}/cycles/{year}/evaluation/reviewers/{id}/withdraw" => {
            r#"{"reason": "route test"}"#
        }
        "/api/v1/forums/{slug}/cycles/{year}/assignment" => r#"{"fresh": false}"#,
        _ => r#"{"email": "participant@igf.example.org", "role": "reviewer"}"#,
    }
}

#[tokio::test]
async fn every_route_answers_every_role_as_the_table_says() {
    let test = TestApp::new().await;
    // The review routes need a pool in which every reviewing role holds the sample
    // proposals (5 and 6, 7 for the conflict declarations).
    crate::review::three_reviewers(&test).await;
    for email in [
        crate::review::REVIEWER,
        crate::review::CHAIR,
        crate::review::MAG_MEMBER,
    ] {
        let queue = crate::review::queue_numbers(&test, email).await;
        for number in [5, 6, 7] {
            assert!(queue.contains(&number), "{email} lacks {number}: {queue:?}");
        }
    }
    let mut tokens = std::collections::HashMap::new();
    for who in WHO {
        if let Some(email) = email(who) {
            tokens.insert(email, test.api_token(email).await);
        }
    }
    let routes = table();
    assert!(routes.len() >= 30, "{}", routes.len());
    let mut failures = Vec::new();
    for route in &routes {
        for who in WHO {
            let allowed = authorize(&principal(who), route.permission).is_ok();
            let status = match route.surface {
                Surface::Api | Surface::Infra => {
                    let token = email(who).map(|e| tokens[e].as_str());
                    let body = matches!(route.method, Method::POST | Method::PUT)
                        .then(|| api_body(route.path));
                    test.api(route.method.clone(), route.sample, token, body)
                        .await
                        .status
                }
                Surface::Page => {
                    let mut client = match email(who) {
                        Some(email) => test.signed_in(email).await,
                        None => test.client(),
                    };
                    if route.method == Method::GET {
                        client.get(route.sample).await.status
                    } else {
                        client
                            .post_form(route.sample, &form_fields(route.path))
                            .await
                            .status
                    }
                }
            };
            let refused = match who {
                Who::Anonymous if route.surface == Surface::Page => {
                    status == StatusCode::SEE_OTHER || status == StatusCode::UNAUTHORIZED
                }
                Who::Anonymous => status == StatusCode::UNAUTHORIZED,
                _ => status == StatusCode::FORBIDDEN,
            };
            // Public routes may redirect anonymous visitors (sign-in, language), so only
            // a refusal status counts as refused for routes that need someone.
            let ok = if allowed {
                status != StatusCode::FORBIDDEN
                    && status != StatusCode::UNAUTHORIZED
                    && status.as_u16() < 500
                    && !(route.permission != Permission::Public
                        && status == StatusCode::SEE_OTHER
                        && matches!(who, Who::Anonymous))
            } else {
                refused
            };
            if !ok {
                failures.push(format!(
                    "{} {} as {who:?}: got {status}, allowed={allowed}",
                    route.method, route.sample
                ));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} mismatches:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[tokio::test]
async fn anonymous_visitors_are_sent_to_sign_in_and_come_back() {
    let test = TestApp::new().await;
    let mut client = test.client();
    let res = client.get("/f/igf/audit").await;
    assert_eq!(res.status, StatusCode::SEE_OTHER);
    assert_eq!(res.location(), "/sign-in?next=%2Ff%2Figf%2Faudit");
    let res = client
        .post_form(
            "/sign-in",
            &[
                ("email", "secretariat@igf.example.org"),
                ("password", crate::PASSWORD),
                ("next", "/f/igf/audit"),
            ],
        )
        .await;
    assert_eq!(res.location(), "/f/igf/audit");
    assert_eq!(client.get("/f/igf/audit").await.status, StatusCode::OK);
}

#[tokio::test]
async fn unknown_urls_get_a_404_page_or_a_json_error() {
    let test = TestApp::new().await;
    let res = test.client().get("/no/such/page").await;
    assert_eq!(res.status, StatusCode::NOT_FOUND);
    assert!(
        res.body.contains("This page does not exist."),
        "{}",
        res.body
    );
    let res = test.api(Method::GET, "/api/v1/nothing", None, None).await;
    assert_eq!(res.status, StatusCode::NOT_FOUND);
    assert_eq!(res.json()["error"]["code"], "not_found");
    let res = test.client().get("/f/no-such-forum").await;
    assert_eq!(res.status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn every_response_carries_the_security_headers() {
    let test = TestApp::new().await;
    for res in [
        test.client().get("/").await,
        test.api(Method::GET, "/api/v1/forums", None, None).await,
    ] {
        assert_eq!(res.headers["x-content-type-options"], "nosniff");
        assert_eq!(res.headers["x-frame-options"], "DENY");
        assert_eq!(res.headers["referrer-policy"], "no-referrer");
        assert!(
            res.headers["content-security-policy"]
                .to_str()
                .unwrap()
                .starts_with("default-src 'self'")
        );
    }
}
