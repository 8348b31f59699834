//! Stored slate runs: the secretariat runs the optimiser from a page and the API, reads the
//! explanation, compares two runs and records the appointing authority's decision; bad
//! pools are refused with the line, impossible requests are stored with their reasons.

use axum::http::{Method, StatusCode};
use plenary_app::accounts::Viewer;
use plenary_app::bodies::runs;

use crate::TestApp;

const SECRETARIAT: &str = "secretariat@igf.example.org";
const POOL: &str = include_str!("../../../../docs/examples/slate/nominees.csv");
const SLATES: &str = "/f/igf/bodies/mag/slates";

/// The example pool without the nominee `id` (to make a second run differ).
fn pool_without(id: &str) -> String {
    POOL.lines()
        .filter(|line| !line.starts_with(&format!("{id},")))
        .map(|line| format!("{line}\n"))
        .collect()
}

async fn viewer(test: &TestApp) -> Viewer {
    plenary_app::accounts::sign_in(&test.app, SECRETARIAT, crate::PASSWORD)
        .await
        .map(|signed_in| Viewer {
            account: Some(signed_in.account),
            session_id: None,
        })
        .unwrap()
}

#[tokio::test]
async fn the_secretariat_runs_compares_and_records_a_decision() {
    let test = TestApp::new().await;
    let mut client = test.signed_in(SECRETARIAT).await;
    let page = client.get(SLATES).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("id=\"no-runs\""), "{}", page.body);
    assert!(
        page.body.contains("value=\"2027\""),
        "next cycle by default"
    );

    let res = client
        .post_form(
            SLATES,
            &[
                ("cycle", "2027"),
                ("label", "Full pool"),
                ("source", "csv"),
                ("nominees", POOL),
            ],
        )
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    let first = res.location().to_owned();
    let page = client.get(&first).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("Full pool"));
    assert!(page.body.contains("Slate proposed"), "{}", page.body);
    assert!(page.body.contains("id=\"optimal\""), "proven optimal");
    assert!(
        page.body
            .contains("This is a proposal; the appointing authority decides.")
    );
    assert!(page.body.contains("id=\"chosen\""));
    assert!(page.body.contains("id=\"explanation\""));

    // The first run's top chosen nominee is left out of a second run's pool.
    let detail = runs::run_detail(&test.app, &viewer(&test).await, "igf", "mag", 1)
        .await
        .unwrap();
    let chosen = detail.run.chosen_ids();
    assert!(!chosen.is_empty());
    let dropped = chosen[0].clone();
    let res = client
        .post_form(
            SLATES,
            &[
                ("cycle", "2027"),
                ("label", "Without one"),
                ("source", "csv"),
                ("nominees", &pool_without(&dropped)),
            ],
        )
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    let compare = client.get(&format!("{SLATES}/compare?a=1&b=2")).await;
    assert_eq!(compare.status, StatusCode::OK);
    let only_a = compare
        .body
        .split("id=\"only-a\"")
        .nth(1)
        .and_then(|rest| rest.split("</ul>").next())
        .unwrap();
    assert!(only_a.contains(&format!("({dropped})")), "{only_a}");
    assert!(
        compare
            .body
            .contains("nominee pool: 1 lines only in the first run, 0 only in the second")
    );

    // The decision: as proposed, then a correction with changes.
    let res = client
        .post_form(
            &format!("{first}/decision"),
            &[
                ("authority", "UN Secretary-General"),
                ("decided_on", "2026-12-01"),
                ("outcome", "appointed_as_proposed"),
            ],
        )
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    let page = client.get(res.location()).await;
    assert!(page.body.contains("The decision is recorded."));
    assert!(page.body.contains("Appointed as proposed"));
    let res = client
        .post_form(
            &format!("{first}/decision"),
            &[
                ("authority", "UN Secretary-General"),
                ("decided_on", "2026-12-02"),
                ("outcome", "appointed_with_changes"),
                ("appointed", "nobody-of-this-pool"),
            ],
        )
        .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        res.body.contains("not a nominee of this run"),
        "{}",
        res.body
    );
    let res = client
        .post_form(
            &format!("{first}/decision"),
            &[
                ("authority", "UN Secretary-General"),
                ("decided_on", "2026-12-02"),
                ("outcome", "appointed_with_changes"),
                ("appointed", &chosen[0]),
                ("appointed", &chosen[1]),
            ],
        )
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    let detail = runs::run_detail(&test.app, &viewer(&test).await, "igf", "mag", 1)
        .await
        .unwrap();
    assert_eq!(detail.decisions.len(), 2);
    assert_eq!(detail.decisions[1].appointed.len(), 2);

    // The latest decision's appointees get their seats, once.
    let res = client.post_form(&format!("{first}/seat"), &[]).await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    let page = client.get(res.location()).await;
    assert!(page.body.contains("The appointees have their seats."));
    assert!(!page.body.contains("id=\"seat-appointed\""));
    let res = client.post_form(&format!("{first}/seat"), &[]).await;
    assert_eq!(res.status, StatusCode::CONFLICT);
    let roster = client.get("/f/igf/bodies/mag?year=2027").await;
    let names = &detail.decisions[1].appointed;
    for (_, name) in names {
        assert!(
            roster.body.contains(name.as_str()),
            "{name} on the 2027 roster"
        );
    }

    let actions = test.audit_actions().await;
    assert_eq!(
        actions.iter().filter(|a| *a == "slate_run.create").count(),
        2
    );
    assert_eq!(
        actions
            .iter()
            .filter(|a| *a == "slate_decision.create")
            .count(),
        2
    );
    assert!(actions.iter().any(|a| a == "slate_decision.seat"));

    // A stored run is reproducible: the same inputs give the same report.
    let again = runs::reproduce(&test.app, &detail).await.unwrap();
    assert_eq!(again, detail.run.report);
}

#[tokio::test]
async fn bad_pools_are_refused_and_impossible_requests_explained() {
    let test = TestApp::new().await;
    let mut client = test.signed_in(SECRETARIAT).await;
    let bad = "id,name,stakeholder_group,country,gender,score\nn1,Ana,civil_society,XX,woman,80\n";
    let res = client
        .post_form(
            SLATES,
            &[("cycle", "2027"), ("source", "csv"), ("nominees", bad)],
        )
        .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(res.body.contains("id=\"slate-error\""), "{}", res.body);
    assert!(
        res.body.contains("XX"),
        "names the bad country: {}",
        res.body
    );
    let res = client
        .post_form(SLATES, &[("cycle", "next year"), ("source", "csv")])
        .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(res.body.contains("as a year"));

    let tiny = "id,name,stakeholder_group,country,gender,score\nn1,Ana Pereira,civil_society,BR,woman,80\n";
    let res = client
        .post_form(
            SLATES,
            &[("cycle", "2027"), ("source", "csv"), ("nominees", tiny)],
        )
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    let page = client.get(res.location()).await;
    assert!(
        page.body.contains("No slate meets the rules"),
        "{}",
        page.body
    );
    assert!(page.body.contains("id=\"reasons\""));
    let res = client
        .post_form(
            &format!("{}/decision", res.location()),
            &[
                ("authority", "UN Secretary-General"),
                ("decided_on", "2026-12-01"),
                ("outcome", "appointed_as_proposed"),
            ],
        )
        .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(res.body.contains("proposed no slate"), "{}", res.body);
}

#[tokio::test]
async fn the_api_runs_reads_and_decides_for_the_secretariat_only() {
    let test = TestApp::new().await;
    let token = test.api_token(SECRETARIAT).await;
    let member = test.api_token("mag.member@igf.example.org").await;
    let body =
        serde_json::json!({"cycle": 2027, "label": "API run", "nominees_csv": POOL}).to_string();
    let path = "/api/v1/forums/igf/bodies/mag/slates";
    let res = test
        .api(Method::POST, path, Some(&member), Some(&body))
        .await;
    assert_eq!(res.status, StatusCode::FORBIDDEN);
    let res = test
        .api(Method::POST, path, Some(&token), Some(&body))
        .await;
    assert_eq!(res.status, StatusCode::CREATED, "{}", res.body);
    let run = res.json();
    assert_eq!(run["outcome"], "proposed");
    assert_eq!(run["report"]["outcome"], "proposed");
    assert_eq!(run["report"]["proven_optimal"], true);
    assert!(run["report"]["not_chosen"].is_array());
    let id = run["id"].as_i64().unwrap();
    let list = test.api(Method::GET, path, Some(&token), None).await;
    assert_eq!(list.json()["items"][0]["id"], id);
    assert_eq!(
        test.api(Method::GET, path, Some(&member), None)
            .await
            .status,
        StatusCode::FORBIDDEN
    );
    let decision = r#"{"authority": "UN Secretary-General", "decided_on": "2026-12-01", "outcome": "appointed_as_proposed", "note": "As advised by the MAG Chair"}"#;
    let res = test
        .api(
            Method::POST,
            &format!("{path}/{id}/decisions"),
            Some(&token),
            Some(decision),
        )
        .await;
    assert_eq!(res.status, StatusCode::CREATED, "{}", res.body);
    assert_eq!(
        res.json()["decisions"][0]["appointed"],
        run["chosen"],
        "appointed as proposed = the chosen nominees"
    );
    let res = test
        .api(
            Method::POST,
            &format!("{path}/{id}/decisions"),
            Some(&token),
            Some(r#"{"authority": "", "decided_on": "2026-13-45", "outcome": "not_appointed"}"#),
        )
        .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);

    // Without a CSV the pool is the demo's open MAG 2027 call: eligible, scored nominations.
    let res = test
        .api(Method::POST, path, Some(&token), Some(r#"{"cycle": 2027}"#))
        .await;
    assert_eq!(res.status, StatusCode::CREATED, "{}", res.body);
    let run = res.json();
    assert_eq!(run["nominee_source"], "call");
    assert_eq!(run["outcome"], "proposed", "{}", run["report"]);
    assert!(run["report"]["nominees_considered"].as_u64().unwrap() >= 30);
    // A stored body has a history: countries it never had earn the further bonus.
    let labels: Vec<&str> = run["report"]["preferences"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|p| p["label"].as_str())
        .collect();
    assert!(
        labels.contains(&"Country never represented on the body before"),
        "{labels:?}"
    );
    let res = test
        .api(Method::POST, path, Some(&token), Some(r#"{"cycle": 2031}"#))
        .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", res.body);
    assert!(
        res.body.contains("no nomination call for cycle 2031"),
        "{}",
        res.body
    );
}

#[tokio::test]
async fn a_returning_member_keeps_their_person_record() {
    let test = TestApp::new().await;
    let viewer = viewer(&test).await;
    let seats_2024 =
        plenary_app::bodies::seats::seats(&test.app, &viewer, "igf", "mag", Some(2024))
            .await
            .unwrap();
    let seats_2026 =
        plenary_app::bodies::seats::seats(&test.app, &viewer, "igf", "mag", Some(2026))
            .await
            .unwrap();
    // Someone who served in 2024 and is no longer on the body in 2026.
    let former = seats_2024
        .seats
        .iter()
        .find(|s| {
            s.seat == plenary_domain::bodies::SeatKind::Regular
                && !seats_2026.seats.iter().any(|t| t.person == s.person)
        })
        .unwrap();
    let pool = format!(
        "id,name,stakeholder_group,country,gender,score\nback,{},{},{},{},99\nnew1,Ama Mensah,civil_society,GH,woman,60\n",
        former.name,
        former.stakeholder_group,
        former.country_iso2.clone().unwrap(),
        former.gender
    );
    let run = runs::run_slate(
        &test.app,
        &viewer,
        "igf",
        "mag",
        runs::RunRequest {
            cycle: 2027,
            seats: None,
            label: "Returning member".into(),
            nominees: runs::NomineeSource::Csv(pool),
        },
    )
    .await
    .unwrap();
    runs::record_decision(
        &test.app,
        &viewer,
        "igf",
        "mag",
        run,
        runs::DecisionInput {
            authority: "UN Secretary-General".into(),
            decided_on: "2026-12-01".into(),
            outcome: runs::DecisionOutcome::AppointedWithChanges,
            appointed: vec!["back".into(), "new1".into()],
            note: String::new(),
        },
    )
    .await
    .unwrap();
    assert_eq!(
        runs::seat_appointed(&test.app, &viewer, "igf", "mag", run)
            .await
            .unwrap(),
        2
    );
    let seats_2027 =
        plenary_app::bodies::seats::seats(&test.app, &viewer, "igf", "mag", Some(2027))
            .await
            .unwrap();
    let back = seats_2027
        .seats
        .iter()
        .find(|s| s.name == former.name)
        .unwrap();
    assert_eq!(
        back.person, former.person,
        "the same person, not a new record"
    );
    assert_eq!(back.term_number, 1, "a first term again after a break");
    let new = seats_2027
        .seats
        .iter()
        .find(|s| s.name == "Ama Mensah")
        .unwrap();
    assert_ne!(new.person, former.person);
}
