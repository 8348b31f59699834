//! Constitution versions (page, exports, API), the forum's host-country list, and the
//! seats filled from it on the rosters (Leadership Panel ex officio seats, MAG standing
//! seats), with the roster's stakeholder group × region grid.

use axum::http::{Method, StatusCode};
use plenary_app::bodies::document::{to_json, to_toml};
use plenary_domain::bodies::{Constitution, presets};

use crate::TestApp;

const SECRETARIAT: &str = "secretariat@igf.example.org";
const PAGE: &str = "/f/igf/bodies/mag/constitution";

/// The demo MAG's constitution with two-year terms.
fn two_year_terms() -> Constitution {
    let mut draft = presets::mag(5).into_draft();
    draft.term.months = 24;
    Constitution::validate(draft).unwrap()
}

/// The text between `start` and the next `end` (for looking at one section of a page).
fn section<'a>(body: &'a str, start: &str, end: &str) -> &'a str {
    let from = body
        .find(start)
        .unwrap_or_else(|| panic!("no {start:?} in {body}"));
    let rest = &body[from..];
    &rest[..rest.find(end).unwrap_or(rest.len())]
}

#[tokio::test]
async fn the_secretariat_stores_a_new_toml_version_and_sees_version_2() {
    let test = TestApp::new().await;
    let mut client = test.signed_in(SECRETARIAT).await;
    let before = client.get(PAGE).await;
    assert_eq!(before.status, StatusCode::OK, "{}", before.body);
    assert!(
        before
            .body
            .contains("<strong aria-current=\"page\">1</strong> (in force)"),
        "{}",
        before.body
    );

    let toml = to_toml(&two_year_terms());
    let res = client
        .post_form(PAGE, &[("format", "toml"), ("document", &toml)])
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    assert_eq!(res.location(), format!("{PAGE}?notice=constitution-stored"));
    let after = client.get(res.location()).await;
    assert!(
        after.body.contains("New constitution version stored."),
        "{}",
        after.body
    );
    assert!(
        after
            .body
            .contains("<strong aria-current=\"page\">2</strong> (in force)"),
        "{}",
        after.body
    );
    assert!(
        after.body.contains("<td>Noor Haddad</td>"),
        "{}",
        after.body
    );
    assert!(
        test.audit_actions()
            .await
            .contains(&"constitution.version".to_owned())
    );

    // The older version, what changed, and the exports.
    let old = client.get(&format!("{PAGE}?version=1")).await;
    assert!(
        old.body
            .contains("<strong aria-current=\"page\">1</strong>"),
        "{}",
        old.body
    );
    let diff = client.get(&format!("{PAGE}?from=1&to=2")).await;
    assert!(
        section(&diff.body, "id=\"changes\"", "</div>").contains("term.months: 12 → 24"),
        "{}",
        diff.body
    );
    let exported = client.get(&format!("{PAGE}.toml?version=2")).await;
    assert_eq!(exported.status, StatusCode::OK);
    assert_eq!(exported.body, toml);
    let json = client.get(&format!("{PAGE}.json")).await;
    assert_eq!(json.body, to_json(&two_year_terms()));
    let first = client.get(&format!("{PAGE}.toml?version=1")).await;
    assert!(first.body.contains("months = 12"), "{}", first.body);

    // Rosters use the version in force in their year: version 2 from 2026 (stored now, in
    // November 2026), version 1 before any version was stored.
    for (year, version) in [(2026, 2), (2025, 1)] {
        let roster = client.get(&format!("/f/igf/bodies/mag?year={year}")).await;
        let expected = format!("Constitution (version {version}): Multistakeholder Advisory Group");
        assert!(roster.body.contains(&expected), "{year}: {}", roster.body);
    }

    // A preset fills the form.
    let preset = client.get(&format!("{PAGE}?preset=leadership_panel")).await;
    assert!(
        section(&preset.body, "<textarea", "</textarea>").contains("IGF Leadership Panel"),
        "{}",
        preset.body
    );
}

#[tokio::test]
async fn an_impossible_document_is_refused_with_the_arithmetic_and_nothing_is_stored() {
    let test = TestApp::new().await;
    let mut client = test.signed_in(SECRETARIAT).await;
    let impossible = to_toml(&presets::mag(5))
        .replace("max = 62", "max = 55")
        .replace(
            "rotation_share_percent = 33",
            "rotation_share_percent = 150",
        );
    let cases: [(&str, &str, String, &[&str]); 3] = [
        (
            "every problem, each with its numbers",
            "toml",
            impossible,
            &[
                "the rotation share is 150 %, more than 100 %",
                "the regular, ex officio and standing host-country seats add up to 62 but the body has at most 55",
            ],
        ),
        (
            "not TOML at all",
            "toml",
            "size = [".to_owned(),
            &["TOML document"],
        ),
        (
            "nothing pasted",
            "json",
            String::new(),
            &["paste a constitution document"],
        ),
    ];
    for (name, format, text, expected) in cases {
        let res = client
            .post_form(PAGE, &[("format", format), ("document", &text)])
            .await;
        assert_eq!(
            res.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{name}: {}",
            res.body
        );
        let problems = section(&res.body, "id=\"problems\"", "</div>");
        for sentence in expected {
            assert!(
                problems.contains(sentence),
                "{name}: {sentence:?} in {problems}"
            );
        }
    }
    let page = client.get(PAGE).await;
    assert!(
        !page.body.contains("aria-current=\"page\">2<"),
        "{}",
        page.body
    );
    assert!(
        !test
            .audit_actions()
            .await
            .contains(&"constitution.version".to_owned())
    );
}

#[tokio::test]
async fn only_the_secretariat_may_see_or_change_constitution_versions() {
    let test = TestApp::new().await;
    let toml = to_toml(&two_year_terms());
    for email in [
        "participant@igf.example.org",
        "chair@igf.example.org",
        "secretariat@kenya-igf.example.org",
    ] {
        let mut client = test.signed_in(email).await;
        assert_eq!(
            client.get(PAGE).await.status,
            StatusCode::FORBIDDEN,
            "{email}"
        );
        assert_eq!(
            client.get(&format!("{PAGE}.toml")).await.status,
            StatusCode::FORBIDDEN,
            "{email}"
        );
        let res = client
            .post_form(PAGE, &[("format", "toml"), ("document", &toml)])
            .await;
        assert_eq!(res.status, StatusCode::FORBIDDEN, "{email}");
        let token = test.api_token(email).await;
        let body = serde_json::json!({"format": "toml", "document": toml}).to_string();
        let api = test
            .api(
                Method::POST,
                "/api/v1/forums/igf/bodies/mag/constitution/versions",
                Some(&token),
                Some(&body),
            )
            .await;
        assert_eq!(api.status, StatusCode::FORBIDDEN, "{email}");
    }
    assert!(
        !test
            .audit_actions()
            .await
            .contains(&"constitution.version".to_owned())
    );
}

#[tokio::test]
async fn the_api_lists_reads_and_stores_versions() {
    let test = TestApp::new().await;
    let token = test.api_token(SECRETARIAT).await;
    let base = "/api/v1/forums/igf/bodies/mag/constitution/versions";
    let listed = test.api(Method::GET, base, Some(&token), None).await;
    assert_eq!(
        listed.json()["items"].as_array().unwrap().len(),
        1,
        "{}",
        listed.body
    );

    let json = to_json(&two_year_terms());
    let body = serde_json::json!({"format": "json", "document": json}).to_string();
    let stored = test
        .api(Method::POST, base, Some(&token), Some(&body))
        .await;
    assert_eq!(stored.status, StatusCode::CREATED, "{}", stored.body);
    assert_eq!(stored.json()["version"], 2);
    let read = test
        .api(Method::GET, &format!("{base}/2"), Some(&token), None)
        .await;
    assert_eq!(read.status, StatusCode::OK, "{}", read.body);
    assert!(
        read.json()["toml"]
            .as_str()
            .unwrap()
            .contains("months = 24"),
        "{}",
        read.body
    );
    assert_eq!(read.json()["created_by"], "Noor Haddad");

    let bad = serde_json::json!({"format": "json", "document": json.replace("\"rotation_share_percent\": 33", "\"rotation_share_percent\": 150")}).to_string();
    let refused = test.api(Method::POST, base, Some(&token), Some(&bad)).await;
    assert_eq!(
        refused.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{}",
        refused.body
    );
    assert_eq!(refused.json()["error"]["code"], "invalid_constitution");
    assert!(
        refused
            .body
            .contains("the rotation share is 150 %, more than 100 %"),
        "{}",
        refused.body
    );
    let listed = test.api(Method::GET, base, Some(&token), None).await;
    assert_eq!(listed.json()["items"].as_array().unwrap().len(), 2);
}

#[tokio::test]
async fn the_leadership_panel_roster_fills_its_ex_officio_seats_from_the_host_list() {
    let test = TestApp::new().await;
    let mut client = test.client();
    let roster = client.get("/f/igf/bodies/leadership-panel?year=2025").await;
    assert_eq!(roster.status, StatusCode::OK, "{}", roster.body);
    let seats = section(&roster.body, "id=\"ex-officio\"", "</table>");
    for expected in [
        "<td>Current host country</td><td>Norway</td>",
        "<td>Previous host country</td><td>Saudi Arabia</td>",
        // 2026's host is not in the list: to be named.
        "<td>Next host country</td><td><em>to be named</em></td>",
        "<td>UN Secretary-General&#x27;s Envoy on Technology</td><td><em>to be named</em></td>",
    ] {
        assert!(seats.contains(expected), "{expected} in {seats}");
    }
    // The MAG chair is the one the MAG's roster records for 2025.
    let chair_row = section(seats, "<td>MAG chair</td>", "</tr>");
    assert!(!chair_row.contains("to be named"), "{chair_row}");

    // The API's roster says the same.
    let api = test
        .api(
            Method::GET,
            "/api/v1/forums/igf/bodies/leadership-panel/roster?year=2025",
            None,
            None,
        )
        .await;
    let seats = api.json()["ex_officio"].as_array().unwrap().clone();
    assert_eq!(
        seats[0]["seat"], "ex_officio:current_host_country",
        "{}",
        api.body
    );
    assert_eq!(seats[0]["country"], "NO");
    assert_eq!(seats[0]["holder"], "Norway");
    assert!(seats[2]["holder"].is_null(), "{}", api.body);

    // The secretariat names 2026's host: the seat follows, and the change is audited.
    let mut secretariat = test.signed_in(SECRETARIAT).await;
    let res = secretariat
        .post_form(
            "/f/igf/hosts",
            &[("year", "2026"), ("country", "CH"), ("city", "Geneva")],
        )
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    let roster = client.get("/f/igf/bodies/leadership-panel?year=2025").await;
    assert!(
        section(&roster.body, "id=\"ex-officio\"", "</table>")
            .contains("<td>Next host country</td><td>Switzerland</td>"),
        "{}",
        roster.body
    );
    let forum = client.get("/f/igf").await;
    let list = section(&forum.body, "id=\"host-countries\"", "</ul>");
    assert!(list.contains("2026: Switzerland (Geneva)"), "{list}");
    assert!(list.contains("2025: Norway (Lillestrøm)"), "{list}");
    assert!(list.contains("2020: Online (no host country)"), "{list}");
    let removed = secretariat
        .post_form("/f/igf/hosts/remove", &[("year", "2026")])
        .await;
    assert_eq!(removed.status, StatusCode::SEE_OTHER, "{}", removed.body);
    let actions = test.audit_actions().await;
    assert!(
        actions.contains(&"forum_host.create".to_owned()),
        "{actions:?}"
    );
    assert!(
        actions.contains(&"forum_host.remove".to_owned()),
        "{actions:?}"
    );

    // Only the secretariat edits the list; everyone reads it through the API.
    let mut participant = test.signed_in("participant@igf.example.org").await;
    let refused = participant
        .post_form("/f/igf/hosts", &[("year", "2026"), ("country", "CH")])
        .await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);
    let hosts = test
        .api(Method::GET, "/api/v1/forums/igf/hosts", None, None)
        .await;
    let items = hosts.json()["items"].as_array().unwrap().clone();
    assert_eq!(items.len(), 7, "{}", hosts.body);
    assert_eq!(items[1]["year"], 2020);
    assert!(items[1]["country"].is_null());
    assert_eq!(items[6]["country_name"], "Norway");
}

#[tokio::test]
async fn the_mag_roster_shows_standing_seats_and_the_cross_tab() {
    let test = TestApp::new().await;
    let mut client = test.client();
    let roster = client.get("/f/igf/bodies/mag?year=2026").await;
    assert_eq!(roster.status, StatusCode::OK, "{}", roster.body);
    let standing = section(&roster.body, "id=\"standing\"", "</ol>");
    assert_eq!(
        standing.matches("<li>").count(),
        5,
        "one seat per former host, as many as the constitution has: {standing}"
    );
    assert!(
        standing.find("Norway").unwrap() < standing.find("Saudi Arabia").unwrap(),
        "most recent first: {standing}"
    );
    let grid = section(&roster.body, "id=\"crosstab\"", "</table>");
    assert!(
        grid.contains("<caption>Regular members by stakeholder group"),
        "{grid}"
    );
    // 55 regular members: the grand total, with its gender split.
    assert!(grid.contains("<span class=\"n\">55</span>"), "{grid}");
}
