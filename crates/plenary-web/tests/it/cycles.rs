//! Yearly cycles and the call for issues through pages and the API: the public overview
//! (dates in the venue's time zone and UTC, session types, rules explained), the
//! secretariat's set-up form (presets, every problem listed, nothing stored when refused,
//! refused for other roles), the call-for-issues form (anyone; typed HTML escaped; names and
//! e-mail addresses never public; refused with the closing date), the CSV exports and the
//! demo inputs.

use axum::http::{Method, StatusCode};
use plenary_app::calls::{cycles, document, issues};
use plenary_domain::audit::Actor;
use plenary_domain::time::Seconds;

use crate::TestApp;

const SECRETARIAT: &str = "secretariat@igf.example.org";

/// Cycles the demo sets up (2026 and 2027).
const DEMO_CYCLES: usize = 2;

/// How many cycles were ever created (audit events `cycle.create`).
async fn cycle_creations(test: &TestApp) -> usize {
    let filter = plenary_app::audit::AuditFilter {
        action: Some("cycle.create".to_owned()),
        ..Default::default()
    };
    plenary_app::audit::list_all(&test.app, &filter, 1000)
        .await
        .unwrap()
        .len()
}

/// The IGF 2023 preset moved to 2028; with `open_now`, its call for issues opens on
/// 2026-11-01, so it is open at the test clock's start (2026-11-22).
fn document_2028(open_now: bool) -> String {
    let text = document::to_toml(&document::preset_setup("igf2023", 2028).unwrap());
    if open_now {
        text.replace(
            "issues_open = \"2028-01-10T00:00:00Z\"",
            "issues_open = \"2026-11-01T00:00:00Z\"",
        )
    } else {
        text
    }
}

async fn set_up_2028(test: &TestApp, open_now: bool) {
    cycles::set_up_as_operator(
        &test.app,
        &Actor::System("test"),
        "igf",
        &document_2028(open_now),
    )
    .await
    .unwrap();
}

#[tokio::test]
async fn the_secretariat_sets_up_a_cycle_that_everyone_can_read() {
    let test = TestApp::new().await;
    let list = test.client().get("/f/igf/cycles").await;
    assert_eq!(list.status, StatusCode::OK);
    assert!(
        list.body
            .contains("<a href=\"/f/igf/cycles/2026\">2026</a>"),
        "{}",
        list.body
    );
    assert!(!list.body.contains("id=\"set-up-cycle\""));

    let mut secretariat = test.signed_in(SECRETARIAT).await;
    let list = secretariat.get("/f/igf/cycles").await;
    assert!(list.body.contains("id=\"set-up-cycle\""), "{}", list.body);
    let form = secretariat
        .get("/f/igf/cycles/setup?preset=igf2023&year=2028")
        .await;
    assert_eq!(form.status, StatusCode::OK);
    assert!(form.body.contains("year = 2028"), "{}", form.body);
    assert!(
        form.body.contains("theme = &quot;The Internet We Want"),
        "{}",
        form.body
    );

    let res = secretariat
        .post_form(
            "/f/igf/cycles/setup",
            &[("document", &document_2028(false))],
        )
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    assert_eq!(res.location(), "/f/igf/cycles/2028?notice=cycle-saved");
    assert_eq!(test.audit_actions().await[0], "cycle.create");

    let page = test.client().get("/f/igf/cycles/2028").await;
    assert_eq!(page.status, StatusCode::OK);
    for expected in [
        "Kyoto, Japan (JP)",
        // Minijinja escapes `/` too.
        "<dd id=\"time-zone\">Asia&#x2f;Tokyo</dd>",
        "2028-10-08 – 2028-10-12",
        "The Internet We Want – Empowering All People",
        "<dt>AI &amp; Emerging Technologies</dt>",
        // The deadline in the venue's time zone and in UTC.
        "<th scope=\"row\">Deadline for session proposals</th><td>2028-05-25 08:59 JST</td><td>2028-05-24 23:59 UTC</td>",
        "<tr id=\"type-workshop\"><th scope=\"row\">Workshop</th>",
        "<td>60, 90</td><td>the MAG</td><td>webcast, transcription</td>",
        "<td>Presentation</td><td>20</td><td>the secretariat</td><td>webcast</td>",
        "data-rule=\"confirmed_speakers\">At least 3 speakers are provisionally confirmed",
        "href=\"/f/igf/cycles/2028/issues\"",
        "href=\"/f/igf/cycles/2028/proposals\"",
    ] {
        assert!(page.body.contains(expected), "missing {expected:?}");
    }
    assert!(!page.body.contains("id=\"edit-cycle\""));
    let list = test.client().get("/f/igf/cycles").await;
    assert!(
        list.body
            .contains("<a href=\"/f/igf/cycles/2028\">2028</a></td><td>The Internet We Want"),
        "{}",
        list.body
    );

    // Editing loads the stored document; saving it again replaces the set-up.
    let form = secretariat.get("/f/igf/cycles/setup?year=2028").await;
    assert!(
        form.body.contains("host_city = &quot;Kyoto&quot;"),
        "{}",
        form.body
    );
    let res = secretariat
        .post_form(
            "/f/igf/cycles/setup",
            &[("document", &document_2028(false).replace("Kyoto", "Osaka"))],
        )
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    assert_eq!(test.audit_actions().await[0], "cycle.update");
    let page = test.client().get("/f/igf/cycles/2028").await;
    assert!(page.body.contains("Osaka, Japan (JP)"));
}

#[tokio::test]
async fn only_the_secretariat_may_set_up_a_cycle() {
    let test = TestApp::new().await;
    for email in ["chair@igf.example.org", "participant@igf.example.org"] {
        let mut client = test.signed_in(email).await;
        assert_eq!(
            client.get("/f/igf/cycles/setup").await.status,
            StatusCode::FORBIDDEN
        );
        let res = client
            .post_form(
                "/f/igf/cycles/setup",
                &[("document", &document_2028(false))],
            )
            .await;
        assert_eq!(res.status, StatusCode::FORBIDDEN, "{email}");
    }
    let res = test.client().get("/f/igf/cycles/setup").await;
    assert_eq!(res.status, StatusCode::SEE_OTHER);
    assert!(
        res.location().starts_with("/sign-in?next="),
        "{}",
        res.location()
    );
    assert_eq!(
        test.client().get("/f/igf/cycles/2028").await.status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        cycle_creations(&test).await,
        DEMO_CYCLES,
        "nothing was stored"
    );
}

#[tokio::test]
async fn an_invalid_set_up_lists_every_problem_and_stores_nothing() {
    let test = TestApp::new().await;
    let mut secretariat = test.signed_in(SECRETARIAT).await;
    let text = document_2028(false).replace(
        "call_closes = \"2028-05-24T23:59:00Z\"",
        "call_closes = \"soon\"",
    ) + "\n[[rules]]\nrule = \"be_nice\"\n";
    let res = secretariat
        .post_form("/f/igf/cycles/setup", &[("document", &text)])
        .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    let start = res.body.find("id=\"problems\"").expect("problems listed");
    let problems = &res.body[start..start + res.body[start..].find("</div>").unwrap()];
    assert_eq!(problems.matches("<li>").count(), 2, "{problems}");
    assert!(problems.contains("dates.call_closes"), "{problems}");
    assert!(problems.contains("be_nice"), "{problems}");
    // The text comes back to be fixed.
    assert!(res.body.contains("call_closes = &quot;soon&quot;"));

    // A venue time zone the IANA database does not know.
    let res = secretariat
        .post_form(
            "/f/igf/cycles/setup",
            &[(
                "document",
                &document_2028(false).replace("Asia/Tokyo", "Europe/Geneva"),
            )],
        )
        .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        res.body
            .contains("venue_time_zone: &quot;Europe&#x2f;Geneva&quot; is not an IANA time zone"),
        "{}",
        res.body
    );
    assert_eq!(
        test.client().get("/f/igf/cycles/2028").await.status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        cycle_creations(&test).await,
        DEMO_CYCLES,
        "nothing was stored"
    );
}

#[tokio::test]
async fn anyone_sends_issues_which_are_escaped_and_counted_without_contacts() {
    let test = TestApp::new().await;
    set_up_2028(&test, true).await;
    let page = test.client().get("/f/igf/cycles/2028/issues").await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("id=\"issue-form\""));
    assert!(page.body.contains("id=\"no-issues\""));

    let script = "<script>alert('x')</script> & data";
    let mut anonymous = test.client();
    let res = anonymous
        .post_form(
            "/f/igf/cycles/2028/issues",
            &[
                ("issue", script),
                ("description", "<img src=x onerror=alert(1)> matters"),
                ("stakeholder_group", "civil_society"),
                ("region", "african"),
                ("name", "Wanjiru Secret"),
                ("email", "wanjiru.secret@example.org"),
            ],
        )
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    assert!(
        res.location()
            .starts_with("/f/igf/cycles/2028/issues?notice=issue-received#i"),
        "{}",
        res.location()
    );
    assert_eq!(test.audit_actions().await[0], "issue_input.submit");

    // Signed in too, and a second group and region.
    let mut member = test.signed_in("mag.member@igf.example.org").await;
    let res = member
        .post_form(
            "/f/igf/cycles/2028/issues",
            &[
                ("issue", "Meaningful connectivity"),
                ("stakeholder_group", "government"),
                ("region", "grulac"),
            ],
        )
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);

    let page = test.client().get("/f/igf/cycles/2028/issues").await;
    assert!(!page.body.contains("<script>alert"), "not escaped");
    assert!(!page.body.contains("<img src=x"), "not escaped");
    assert!(
        page.body
            .contains("&lt;script&gt;alert(&#x27;x&#x27;)&lt;&#x2f;script&gt; &amp; data"),
        "{}",
        page.body
    );
    assert!(!page.body.contains("Wanjiru Secret"));
    assert!(!page.body.contains("wanjiru.secret@example.org"));
    assert!(!page.body.contains("id=\"contacts-csv\""));
    assert!(
        page.body
            .contains("<tr><th scope=\"row\">Civil society</th><td>1</td></tr>"),
        "{}",
        page.body
    );
    assert!(
        page.body
            .contains("<tr><th scope=\"row\">Private sector</th><td>0</td></tr>")
    );
    assert!(
        page.body
            .contains("<tr><th scope=\"row\">African</th><td>1</td></tr>")
    );
    assert!(
        page.body
            .contains("<tr><th scope=\"row\">Latin American and Caribbean</th><td>1</td></tr>")
    );
    assert_eq!(page.body.matches("<td>2</td></tr></tfoot>").count(), 2);

    // The public CSV has the text as typed, and no contacts.
    let csv = test.client().get("/f/igf/cycles/2028/issues.csv").await;
    assert_eq!(csv.status, StatusCode::OK);
    assert_eq!(csv.headers["content-type"], "text/csv; charset=utf-8");
    let mut lines = csv.body.lines();
    assert_eq!(
        lines.next(),
        Some("id,issue,description,stakeholder_group,region,submitted_at")
    );
    assert!(
        csv.body.contains(",<script>alert('x')</script> & data,"),
        "{}",
        csv.body
    );
    assert!(
        csv.body
            .contains(",civil_society,african,2026-11-22T10:00:00Z")
    );
    assert!(!csv.body.contains("wanjiru"));
    // The secretariat's has them; nobody else may download it.
    let mut secretariat = test.signed_in(SECRETARIAT).await;
    let page = secretariat.get("/f/igf/cycles/2028/issues").await;
    assert!(page.body.contains("id=\"contacts-csv\""));
    let private = secretariat
        .get("/f/igf/cycles/2028/issues/contacts.csv")
        .await;
    assert_eq!(private.status, StatusCode::OK);
    assert!(
        private
            .body
            .contains(",Wanjiru Secret,wanjiru.secret@example.org"),
        "{}",
        private.body
    );
    assert_eq!(
        member
            .get("/f/igf/cycles/2028/issues/contacts.csv")
            .await
            .status,
        StatusCode::FORBIDDEN
    );
}

#[tokio::test]
async fn bad_issue_input_is_shown_again_and_a_closed_call_names_its_date() {
    let test = TestApp::new().await;
    set_up_2028(&test, true).await;
    let mut client = test.client();
    let res = client
        .post_form(
            "/f/igf/cycles/2028/issues",
            &[
                ("issue", "Kept <as typed>"),
                ("stakeholder_group", "astronauts"),
                ("region", "mars"),
                ("email", "not-an-address"),
            ],
        )
        .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        res.body.contains("id=\"stakeholder_group-error\""),
        "{}",
        res.body
    );
    assert!(
        res.body.contains("Choose a region from the list."),
        "{}",
        res.body
    );
    assert!(res.body.contains("id=\"email-error\""));
    assert!(res.body.contains("value=\"Kept &lt;as typed&gt;\""));

    // After the closing date (2028-02-15 23:59 UTC): 456 days after 2026-11-22.
    test.clock.advance(Seconds(456 * 86_400));
    let res = client
        .post_form(
            "/f/igf/cycles/2028/issues",
            &[
                ("issue", "Too late"),
                ("stakeholder_group", "civil_society"),
                ("region", "weog"),
            ],
        )
        .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        res.body.contains(
            "the call for issues of 2028 closed on 2028-02-16 08:59 JST (2028-02-15 23:59 UTC)"
        ),
        "{}",
        res.body
    );
    assert!(res.body.contains("id=\"issues-closed\""));
    let view = issues::full_view(
        &test.app,
        &plenary_app::accounts::Viewer::anonymous(),
        "igf",
        2028,
    )
    .await
    .unwrap();
    assert_eq!(view.total, 0);
}

#[tokio::test]
async fn the_api_reads_and_stores_cycles_and_takes_issues() {
    let test = TestApp::new().await;
    let secretariat = test.api_token(SECRETARIAT).await;
    let participant = test.api_token("participant@igf.example.org").await;
    let body = serde_json::json!({ "document": document_2028(true) }).to_string();
    let res = test
        .api(
            Method::PUT,
            "/api/v1/forums/igf/cycles/2028",
            Some(&participant),
            Some(&body),
        )
        .await;
    assert_eq!(res.status, StatusCode::FORBIDDEN);
    let res = test
        .api(
            Method::PUT,
            "/api/v1/forums/igf/cycles/2029",
            Some(&secretariat),
            Some(&body),
        )
        .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(res.json()["error"]["code"], "invalid_setup");
    assert_eq!(
        res.json()["error"]["message"],
        "year: the document is for 2028, but it was sent for 2029"
    );
    let res = test
        .api(
            Method::PUT,
            "/api/v1/forums/igf/cycles/2028",
            Some(&secretariat),
            Some(&body),
        )
        .await;
    assert_eq!(res.status, StatusCode::CREATED, "{}", res.body);
    assert_eq!(res.json()["setup"]["host_city"], "Kyoto");

    // The JSON form of the set-up is accepted back as the document.
    let got = test
        .api(Method::GET, "/api/v1/forums/igf/cycles/2028", None, None)
        .await;
    assert_eq!(got.status, StatusCode::OK);
    let json = got.json();
    assert_eq!(json["year"], 2028);
    assert_eq!(
        json["setup"]["dates"]["call_closes"],
        "2028-05-24T23:59:00Z"
    );
    assert_eq!(json["rule_explanations"].as_array().unwrap().len(), 6);
    let again = serde_json::json!({ "document": json["setup"].to_string() }).to_string();
    let res = test
        .api(
            Method::PUT,
            "/api/v1/forums/igf/cycles/2028",
            Some(&secretariat),
            Some(&again),
        )
        .await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.body);
    let list = test
        .api(Method::GET, "/api/v1/forums/igf/cycles", None, None)
        .await;
    assert_eq!(list.json()["items"][0]["year"], 2028);
    assert_eq!(list.json()["items"][0]["venue_time_zone"], "Asia/Tokyo");

    let issue = r#"{"issue": "<b>Spam</b>", "stakeholder_group": "technical_community", "region": "asia_pacific", "email": "kept@example.org"}"#;
    let res = test
        .api(
            Method::POST,
            "/api/v1/forums/igf/cycles/2028/issues",
            None,
            Some(issue),
        )
        .await;
    assert_eq!(res.status, StatusCode::CREATED, "{}", res.body);
    let bad = r#"{"issue": "", "stakeholder_group": "technical_community", "region": "moon"}"#;
    let res = test
        .api(
            Method::POST,
            "/api/v1/forums/igf/cycles/2028/issues",
            None,
            Some(bad),
        )
        .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(res.json()["error"]["field"], "issue");
    let list = test
        .api(
            Method::GET,
            "/api/v1/forums/igf/cycles/2028/issues",
            None,
            None,
        )
        .await;
    let json = list.json();
    assert_eq!(json["total"], 1);
    assert_eq!(json["is_open"], true);
    assert_eq!(json["items"][0]["issue"], "<b>Spam</b>");
    assert!(json["items"][0].get("email").is_none());
    assert!(!list.body.contains("kept@example.org"));
    let by_region: Vec<(String, u64)> = json["by_region"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            (
                c["key"].as_str().unwrap().to_owned(),
                c["count"].as_u64().unwrap(),
            )
        })
        .filter(|(_, n)| *n > 0)
        .collect();
    assert_eq!(by_region, [("asia_pacific".to_owned(), 1)]);
}

#[tokio::test]
async fn demo_inputs_have_plausible_shares_and_keep_contacts_private() {
    let test = TestApp::new().await;
    set_up_2028(&test, false).await;
    let stored = issues::load_demo_inputs(&test.app, "igf", 2028, 300)
        .await
        .unwrap();
    assert_eq!(stored, 300);
    let view = issues::full_view(
        &test.app,
        &plenary_app::accounts::Viewer::anonymous(),
        "igf",
        2028,
    )
    .await
    .unwrap();
    assert_eq!(view.total, 300);
    let group = |code: &str| {
        view.by_group
            .iter()
            .find(|g| g.code == code)
            .map_or(0, |g| g.count)
    };
    assert!(group("civil_society") > group("technical_community"));
    assert!(group("technical_community") > group("intergovernmental"));
    assert_eq!(view.by_group.iter().map(|g| g.count).sum::<u32>(), 300);
    for (region, n) in &view.by_region {
        if *region != plenary_domain::countries::UnRegionalGroup::None {
            assert!(*n >= 10, "{region:?}: {n}");
        }
    }
    let dates = &view.cycle.setup.dates;
    assert!(
        view.issues
            .iter()
            .all(|i| dates.issues_open <= i.submitted_at && i.submitted_at < dates.issues_close)
    );
    let private =
        issues::export_csv_as_operator(&test.app, "igf", 2028, issues::Privacy::WithContacts)
            .await
            .unwrap();
    let with_email = private.matches("@example.org").count();
    assert!((60..=140).contains(&with_email), "{with_email}");
    let public = issues::export_csv(
        &test.app,
        &plenary_app::accounts::Viewer::anonymous(),
        "igf",
        2028,
    )
    .await
    .unwrap();
    assert!(!public.contains("@example.org"));
    assert_eq!(test.audit_actions().await[0], "issue_input.load_demo");
}

#[tokio::test]
async fn cycle_pages_render_in_every_language() {
    let test = TestApp::new().await;
    set_up_2028(&test, true).await;
    for lang in ["en", "fr", "es", "ar"] {
        let mut client = test.signed_in(SECRETARIAT).await;
        client
            .post_form("/language", &[("language", lang), ("back", "/")])
            .await;
        for path in [
            "/f/igf/cycles",
            "/f/igf/cycles/2028",
            "/f/igf/cycles/setup?preset=igf2016&year=2028",
            "/f/igf/cycles/2028/issues",
        ] {
            let res = client.get(path).await;
            assert_eq!(res.status, StatusCode::OK, "{lang} {path}");
            assert!(
                res.body.contains(&format!("<html lang=\"{lang}\"")),
                "{lang} {path}"
            );
            for id in [
                "cycles-title",
                "cycle-title",
                "cycle-theme",
                "date-call-closes",
                "approver-mag",
                "support-webcast",
                "cycle-setup-document",
                "issues-window",
                "col-inputs",
                "field-region",
            ] {
                assert!(
                    !res.body.contains(id),
                    "{lang} {path} shows the raw id {id}"
                );
            }
        }
    }
}
