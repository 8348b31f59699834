//! Pages that a secretariat works through: people and roles, the audit trail.

use axum::http::StatusCode;

use crate::TestApp;

#[tokio::test]
async fn the_secretariat_grants_and_revokes_roles_on_the_people_page() {
    let test = TestApp::new().await;
    let mut client = test.signed_in("secretariat@igf.example.org").await;
    let page = client.get("/f/igf/people").await;
    assert!(
        page.body.contains("participant@igf.example.org"),
        "{}",
        page.body
    );
    let res = client
        .post_form(
            "/f/igf/people",
            &[
                ("email", "participant@igf.example.org"),
                ("role", "body_member"),
            ],
        )
        .await;
    assert_eq!(res.location(), "/f/igf/people?notice=role-granted");
    let page = client.get(res.location()).await;
    assert!(page.body.contains("Role granted."), "{}", page.body);
    let res = client
        .post_form(
            "/f/igf/people",
            &[("email", "nobody@igf.example.org"), ("role", "chair")],
        )
        .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        res.body.contains("no account with the address"),
        "{}",
        res.body
    );

    // The participant now sees the role on the forum page.
    let mut participant = test.signed_in("participant@igf.example.org").await;
    let forum = participant.get("/f/igf").await;
    assert!(
        forum.body.contains("<li>Body member</li>"),
        "{}",
        forum.body
    );

    let holders = plenary_app::forums::people(
        &test.app,
        &plenary_app::accounts::Viewer {
            account: None,
            session_id: None,
        },
        "igf",
    )
    .await;
    assert!(
        holders.is_err(),
        "the action itself refuses anonymous callers"
    );
    let id = {
        let marker = "participant@igf.example.org</td><td>Body member</td>";
        let page = client.get("/f/igf/people").await;
        let at = page.body.find(marker).expect("row shown");
        let rest = &page.body[at..];
        let v = rest.find("name=\"account\" value=\"").unwrap() + "name=\"account\" value=\"".len();
        rest[v..]
            .chars()
            .take_while(char::is_ascii_digit)
            .collect::<String>()
    };
    let res = client
        .post_form(
            "/f/igf/people/revoke",
            &[("account", &id), ("role", "body_member")],
        )
        .await;
    assert_eq!(res.location(), "/f/igf/people?notice=role-revoked");
    let forum = participant.get("/f/igf").await;
    assert!(!forum.body.contains("<li>Body member</li>"));
    let actions: Vec<String> = test
        .audit_actions()
        .await
        .into_iter()
        .filter(|a| a.starts_with("role."))
        .collect();
    assert_eq!(&actions[..2], ["role.revoke", "role.grant"]);
}

#[tokio::test]
async fn the_audit_trail_filters_and_exports() {
    let test = TestApp::new().await;
    let mut client = test.signed_in("secretariat@igf.example.org").await;
    client
        .post_form(
            "/f/igf/people",
            &[("email", "participant@igf.example.org"), ("role", "chair")],
        )
        .await;
    let page = client.get("/f/igf/audit?action=role.").await;
    assert_eq!(page.status, StatusCode::OK);
    let rows = page.body.matches("<code>role.grant</code>").count();
    assert_eq!(rows, 7, "six demo grants in igf and one just now");
    assert!(!page.body.contains("<code>forum.create</code>"));
    let csv = client.get("/f/igf/audit.csv?action=role.grant").await;
    assert_eq!(csv.headers["content-type"], "text/csv; charset=utf-8");
    let lines: Vec<&str> = csv.body.lines().collect();
    assert_eq!(
        lines[0],
        "id,at,actor,action,entity_type,entity_id,before,after"
    );
    assert_eq!(lines.len(), 8);
    assert!(lines[1].contains(",role.grant,role_grant,"), "{}", lines[1]);
    // Other forums' events never show here.
    assert!(!csv.body.contains("kenya-igf"));
    let bad = client.get("/f/igf/audit?since=yesterday").await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
}

#[tokio::test]
async fn the_countries_page_lists_the_reference_table() {
    let test = TestApp::new().await;
    let page = test.client().get("/countries").await;
    assert_eq!(page.body.matches("<tr><td>").count(), 201);
    assert!(page.body.contains("<tr><td>Kenya</td><td>KE</td><td>African</td><td>Developing</td><td>No</td><td>No</td><td>No</td></tr>"), "{}", page.body);
}

#[tokio::test]
async fn the_secretariat_adds_a_stakeholder_group() {
    let test = TestApp::new().await;
    let mut client = test.signed_in("secretariat@igf.example.org").await;
    let res = client
        .post_form(
            "/f/igf/stakeholder-groups",
            &[("code", "youth"), ("name", "Youth")],
        )
        .await;
    assert_eq!(res.location(), "/f/igf?notice=group-added");
    let page = client.get("/f/igf").await;
    assert!(
        page.body
            .contains("<li>Technical community (incl. academia)</li><li>Youth</li></ol>"),
        "{}",
        page.body
    );
    let dup = client
        .post_form(
            "/f/igf/stakeholder-groups",
            &[("code", "youth"), ("name", "Youth again")],
        )
        .await;
    assert_eq!(dup.status, StatusCode::CONFLICT);
    let bad = client
        .post_form(
            "/f/igf/stakeholder-groups",
            &[("code", "Youth!"), ("name", "Y")],
        )
        .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    // Another forum is untouched, and a chair cannot add groups.
    let kenya = test.client().get("/f/kenya-igf").await;
    assert!(!kenya.body.contains("<li>Youth</li>"));
    let mut chair = test.signed_in("chair@igf.example.org").await;
    assert!(
        !chair.get("/f/igf").await.body.contains("name=\"code\""),
        "the form is shown only to the secretariat"
    );
    let refused = chair
        .post_form(
            "/f/igf/stakeholder-groups",
            &[("code", "media"), ("name", "Media")],
        )
        .await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);
    assert_eq!(
        test.audit_actions()
            .await
            .iter()
            .filter(|a| *a == "stakeholder_group.create")
            .count(),
        1
    );
}

#[tokio::test]
async fn a_bodys_roster_shows_its_balance_and_history() {
    let test = TestApp::new().await;
    let mut client = test.client();
    let list = client.get("/f/igf/bodies").await;
    assert!(
        list.body.contains(">Multistakeholder Advisory Group</a>")
            && list.body.contains(">Leadership Panel</a>"),
        "{}",
        list.body
    );
    let page = client.get("/f/igf/bodies/mag").await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(
        page.body
            .contains("<h1 id=\"body-name\">Multistakeholder Advisory Group — 2026</h1>"),
        "{}",
        page.body
    );
    assert!(
        page.body.contains("id=\"composition-ok\""),
        "the demo MAG meets its constitution"
    );
    assert_eq!(page.body.matches("<svg").count(), 3);
    assert!(
        page.body.contains("?year=2024\">2024</a>") && page.body.contains("?year=2025\">2025</a>")
    );
    let roster_rows = |body: &str| {
        body.split("<table id=\"roster\">")
            .nth(1)
            .map_or(0, |t| t.matches("<tr><td>").count())
    };
    assert_eq!(
        roster_rows(&page.body),
        62,
        "55 regular, 2 ex officio, 5 standing seats"
    );
    // Renewal by thirds: in 2024 everyone is in a first term; by 2026 a third is in its third.
    let first = client.get("/f/igf/bodies/mag?year=2024").await;
    assert!(first.body.contains("— 2024</h1>"));
    assert_eq!(roster_rows(&first.body), 62);
    let before = client.get("/f/igf/bodies/mag?year=2019").await;
    assert!(
        before.body.contains("Nobody held a seat in this year."),
        "{}",
        before.body
    );
    assert_eq!(
        client.get("/f/igf/bodies/nope").await.status,
        StatusCode::NOT_FOUND
    );

    // The same people under another constitution: the MAG's own preset passes, the Leadership
    // Panel's (10 regular seats, other groups) explains what would not fit.
    let own = client.get("/f/igf/bodies/mag?year=2026&under=mag").await;
    assert!(own.body.contains("id=\"under-title\""), "{}", own.body);
    let panel = client
        .get("/f/igf/bodies/mag?year=2026&under=leadership_panel")
        .await;
    let deviations = panel
        .body
        .split("id=\"under-deviations\"")
        .nth(1)
        .and_then(|rest| rest.split("</ul>").next())
        .unwrap_or_default();
    assert!(deviations.matches("<li>").count() >= 1, "{}", panel.body);
    assert_eq!(
        client
            .get("/f/igf/bodies/mag?under=no_such_preset")
            .await
            .status,
        StatusCode::UNPROCESSABLE_ENTITY
    );
}
