//! Session proposals and screening over HTTP: the proposer's form (draft, submit, screened
//! out with the reason, fixed before the deadline), errors beside the fields with the input
//! kept, HTML shown as text, who may see a proposal, the deadline, the public list of
//! received proposals, the secretariat's list, override and screening run, and the JSON API.
//!
//! Each test sets up its own open cycle (`open_cycle`): the IGF 2023 rules, with the call
//! open at the test clock (2026-11-22).

use axum::http::{Method, StatusCode};
use plenary_app::App;
use plenary_domain::Timestamp;
use plenary_domain::audit::Actor;

use crate::TestApp;

/// The cycle the tests use (the demo's own cycle is 2026).
pub const YEAR: i32 = 2027;
const BASE: &str = "/f/igf/cycles/2027";
const API: &str = "/api/v1/forums/igf/cycles/2027";
const PROPOSER: &str = "participant@igf.example.org";

/// Sets up `year` for the forum `igf` from the IGF 2023 preset, with the call for proposals
/// open from 2026-11-01 to 2026-12-15 23:59 UTC (the test clock reads 2026-11-22).
pub async fn open_cycle(app: &App, year: i32) {
    let mut setup = plenary_app::calls::document::preset_setup("igf2023", year).unwrap();
    let at = |s: &str| s.parse::<Timestamp>().unwrap();
    setup.dates.issues_open = at("2026-10-01T00:00:00Z");
    setup.dates.issues_close = at("2026-10-31T23:59:00Z");
    setup.dates.call_opens = at("2026-11-01T00:00:00Z");
    setup.dates.call_closes = at("2026-12-15T23:59:00Z");
    setup.dates.screening_due = at("2026-12-22T23:59:00Z");
    setup.dates.evaluation_due = at("2027-01-15T23:59:00Z");
    setup.dates.notification = at("2027-02-01T00:00:00Z");
    let text = plenary_app::calls::document::to_toml(&setup);
    plenary_app::calls::cycles::set_up_as_operator(app, &Actor::System("test"), "igf", &text)
        .await
        .unwrap();
}

/// One row of the form's people table.
struct Row<'a> {
    role: &'a str,
    name: &'a str,
    gender: &'a str,
    onsite: bool,
    confirmation: &'a str,
}

const fn row<'a>(
    role: &'a str,
    name: &'a str,
    gender: &'a str,
    onsite: bool,
    confirmation: &'a str,
) -> Row<'a> {
    Row {
        role,
        name,
        gender,
        onsite,
        confirmation,
    }
}

/// A workshop meeting every IGF 2023 criterion except that only two speakers, both women,
/// are provisionally confirmed.
fn short_of_speakers() -> Vec<Row<'static>> {
    vec![
        row("organiser", "Amina Diallo", "woman", true, "confirmed"),
        row("moderator", "Kenji Sato", "man", true, "confirmed"),
        row(
            "online_moderator",
            "Lucia Fernández",
            "woman",
            false,
            "confirmed",
        ),
        row("rapporteur", "Olga Petrova", "woman", false, "confirmed"),
        row("speaker", "Grace Wanjiru", "woman", true, "provisional"),
        row("speaker", "Fatima Zahra", "woman", true, "provisional"),
    ]
}

/// `short_of_speakers` plus a third confirmed speaker of another gender.
fn complete() -> Vec<Row<'static>> {
    let mut rows = short_of_speakers();
    rows.push(row("speaker", "Rahul Mehta", "man", true, "confirmed"));
    rows
}

/// The form's fields for a workshop with these people.
fn workshop_form(title: &str, rows: &[Row<'_>], action: &str) -> Vec<(String, String)> {
    let mut fields: Vec<(String, String)> = [
        ("session_type", "workshop"),
        ("title", title),
        ("issue_area", "data_governance"),
        ("format", "Round table"),
        ("duration_min", "90"),
        (
            "description",
            "How communities can govern the data they produce, with examples from three regions.",
        ),
        (
            "policy_questions",
            "Who decides how community data is used?",
        ),
        (
            "interaction_plan",
            "Questions from the room and online after each round.",
        ),
        ("online_plan", "An online moderator relays the chat."),
        ("expected_outcomes", "A short list of practices."),
        ("language", "en"),
        ("proposer_time_zone", "Africa/Nairobi"),
        ("submitter_organisation", "Proposers' Collective"),
        ("submitter_stakeholder_group", "civil_society"),
        ("submitter_country_iso2", "KE"),
        ("action", action),
    ]
    .iter()
    .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
    .collect();
    for (i, r) in rows.iter().enumerate() {
        let n = i + 1;
        let mut add = |k: &str, v: &str| fields.push((format!("p{n}_{k}"), v.to_owned()));
        add("role", r.role);
        add("name", r.name);
        add("organisation", "Proposers' Collective");
        add("stakeholder_group", "civil_society");
        add("country", "KE");
        add("gender", r.gender);
        if r.onsite {
            add("onsite", "1");
        }
        add("confirmation", r.confirmation);
    }
    fields
}

fn borrowed(fields: &[(String, String)]) -> Vec<(&str, &str)> {
    fields
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect()
}

/// The proposal id in a `…/proposals/{id}?notice=…` location.
fn id_from(location: &str) -> i64 {
    let path = location.split('?').next().unwrap();
    path.rsplit('/').next().unwrap().parse().unwrap()
}

/// Creates and submits the short-of-speakers workshop as `PROPOSER`; returns its id.
async fn submitted_short(client: &mut crate::Client<'_>, title: &str) -> i64 {
    let fields = workshop_form(title, &short_of_speakers(), "submit");
    let res = client
        .post_form(&format!("{BASE}/proposals/new"), &borrowed(&fields))
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    assert!(
        res.location().ends_with("?notice=proposal-submitted"),
        "{}",
        res.location()
    );
    id_from(res.location())
}

#[tokio::test]
async fn a_proposer_is_screened_out_with_the_reason_and_passes_after_fixing_it() {
    let test = TestApp::new().await;
    open_cycle(&test.app, YEAR).await;
    let mut client = test.signed_in(PROPOSER).await;

    let board = client.get(&format!("{BASE}/proposals")).await;
    assert_eq!(board.status, StatusCode::OK, "{}", board.body);
    assert!(board.body.contains("id=\"new-workshop\""), "{}", board.body);
    let form = client
        .get(&format!("{BASE}/proposals/new?type=workshop"))
        .await;
    assert_eq!(form.status, StatusCode::OK, "{}", form.body);
    for id in ["title", "issue_area", "format", "duration_min", "p8_name"] {
        assert!(form.body.contains(&format!("id=\"{id}\"")), "{id}");
    }
    // The time zone defaults to the venue's.
    assert!(
        form.body.contains("value=\"Asia&#x2f;Tokyo\""),
        "{}",
        form.body
    );

    let id = submitted_short(&mut client, "Community data, community rules").await;
    let view = client.get(&format!("{BASE}/proposals/{id}")).await;
    assert_eq!(view.status, StatusCode::OK, "{}", view.body);
    assert!(
        view.body.contains("data-screening=\"fail\""),
        "{}",
        view.body
    );
    assert!(
        view.body.contains("id=\"screening-reasons\""),
        "{}",
        view.body
    );
    assert!(
        view.body
            .contains("Provisionally confirmed or confirmed speakers: 2 of 2 listed; at least 3"),
        "{}",
        view.body
    );
    assert!(
        view.body.contains("add a speaker of a different gender"),
        "{}",
        view.body
    );
    // Every rule is listed with its explanation.
    assert!(
        view.body.contains("data-rule=\"onsite_presence\""),
        "{}",
        view.body
    );

    let board = client.get(&format!("{BASE}/proposals")).await;
    assert!(
        board.body.contains("Community data, community rules"),
        "{}",
        board.body
    );
    assert!(board.body.contains("data-screening=\"fail\""));

    let edit = client.get(&format!("{BASE}/proposals/{id}/edit")).await;
    assert_eq!(edit.status, StatusCode::OK, "{}", edit.body);
    assert!(
        edit.body.contains("value=\"Grace Wanjiru\""),
        "{}",
        edit.body
    );
    let fields = workshop_form("Community data, community rules", &complete(), "draft");
    let res = client
        .post_form(&format!("{BASE}/proposals/{id}/edit"), &borrowed(&fields))
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    let view = client.get(&format!("{BASE}/proposals/{id}")).await;
    assert!(
        view.body.contains("data-screening=\"pass\""),
        "{}",
        view.body
    );
    assert!(
        view.body.contains("data-status=\"submitted\""),
        "{}",
        view.body
    );
    assert!(!view.body.contains("id=\"screening-reasons\""));
}

#[tokio::test]
async fn bad_input_comes_back_beside_the_field_with_the_input_kept() {
    let test = TestApp::new().await;
    open_cycle(&test.app, YEAR).await;
    let mut client = test.signed_in(PROPOSER).await;

    let mut fields = workshop_form("", &short_of_speakers(), "draft");
    fields.push(("description".into(), String::new()));
    let res = client
        .post_form(&format!("{BASE}/proposals/new"), &borrowed(&fields))
        .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", res.body);
    assert!(res.body.contains("id=\"form-errors\""), "{}", res.body);
    assert!(res.body.contains("id=\"title-error\""), "{}", res.body);
    // What was typed is still there, people included.
    assert!(res.body.contains("How communities can govern the data"));
    assert!(res.body.contains("value=\"Fatima Zahra\""), "{}", res.body);

    // A speaker listed twice.
    let mut rows = short_of_speakers();
    rows.push(row(
        "speaker",
        "Grace Wanjiru",
        "woman",
        true,
        "provisional",
    ));
    let fields = workshop_form("Twice the same speaker", &rows, "draft");
    let res = client
        .post_form(&format!("{BASE}/proposals/new"), &borrowed(&fields))
        .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", res.body);
    assert!(res.body.contains("id=\"people-error\""), "{}", res.body);
    assert!(res.body.contains("listed twice"), "{}", res.body);

    // Several problems come back together, each beside its field.
    let mut fields = workshop_form("", &rows, "draft");
    fields.retain(|(name, _)| name != "duration_min");
    fields.push(("duration_min".into(), "an hour".into()));
    let res = client
        .post_form(&format!("{BASE}/proposals/new"), &borrowed(&fields))
        .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", res.body);
    for id in ["title-error", "people-error", "duration_min-error"] {
        assert!(
            res.body.contains(&format!("id=\"{id}\"")),
            "{id}: {}",
            res.body
        );
    }
}

#[tokio::test]
async fn html_in_a_proposal_is_shown_as_text() {
    let test = TestApp::new().await;
    open_cycle(&test.app, YEAR).await;
    let mut client = test.signed_in(PROPOSER).await;
    let id = submitted_short(&mut client, "<script>alert('x')</script> & <b>bold</b>").await;
    for path in [
        format!("{BASE}/proposals/{id}"),
        format!("{BASE}/proposals"),
        format!("{BASE}/proposals/{id}/edit"),
        format!("{BASE}/received"),
    ] {
        let res = client.get(&path).await;
        assert_eq!(res.status, StatusCode::OK, "{path}: {}", res.body);
        assert!(!res.body.contains("<script>alert"), "{path}");
        assert!(!res.body.contains("<b>bold"), "{path}");
        assert!(
            res.body.contains("&lt;script&gt;alert("),
            "{path}: {}",
            res.body
        );
    }
}

#[tokio::test]
async fn only_the_owner_and_the_secretariat_see_a_proposal_and_only_the_secretariat_overrides() {
    let test = TestApp::new().await;
    open_cycle(&test.app, YEAR).await;
    let mut owner = test.signed_in(PROPOSER).await;
    let id = submitted_short(&mut owner, "Seen by few").await;
    let view = format!("{BASE}/proposals/{id}");

    let mut other = test.signed_in("organiser@igf.example.org").await;
    assert_eq!(other.get(&view).await.status, StatusCode::NOT_FOUND);
    let res = other.post_form(&format!("{view}/withdraw"), &[]).await;
    assert_eq!(res.status, StatusCode::NOT_FOUND, "{}", res.body);
    assert!(
        owner
            .get(&view)
            .await
            .body
            .contains("id=\"withdraw-proposal\""),
        "the owner may withdraw"
    );
    let res = owner
        .post_form(
            &format!("{view}/override"),
            &[("status", "pass"), ("reason", "mine")],
        )
        .await;
    assert_eq!(res.status, StatusCode::FORBIDDEN, "{}", res.body);

    let mut secretariat = test.signed_in("secretariat@igf.example.org").await;
    let page = secretariat.get(&view).await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    assert!(page.body.contains("id=\"override-form\""), "{}", page.body);
    assert!(!page.body.contains("id=\"withdraw-proposal\""));
    let res = secretariat
        .post_form(
            &format!("{view}/override"),
            &[
                ("status", "pass"),
                ("reason", "The third speaker was confirmed by e-mail."),
            ],
        )
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    let page = owner.get(&view).await;
    assert!(
        page.body.contains("data-screening=\"pass\""),
        "{}",
        page.body
    );
    assert!(
        page.body
            .contains("The third speaker was confirmed by e-mail."),
        "{}",
        page.body
    );
    // The computed outcome stays beside the override.
    assert!(page.body.contains("at least 3"), "{}", page.body);

    let res = secretariat
        .post_form(
            &format!("{view}/override"),
            &[("status", "remove"), ("reason", "Decided in error.")],
        )
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    let page = owner.get(&view).await;
    assert!(
        page.body.contains("data-screening=\"fail\""),
        "{}",
        page.body
    );
}

#[tokio::test]
async fn after_the_deadline_changes_are_refused_with_the_deadline_shown() {
    let test = TestApp::new().await;
    open_cycle(&test.app, YEAR).await;
    let mut client = test.signed_in(PROPOSER).await;
    let id = submitted_short(&mut client, "Too late to fix").await;
    // 2026-11-22 10:00 + 24 days: past 2026-12-15 23:59 UTC.
    test.clock
        .advance(plenary_domain::time::Seconds(24 * 86_400));
    let mut client = test.signed_in(PROPOSER).await;
    let fields = workshop_form("Too late to fix", &complete(), "draft");
    let res = client
        .post_form(&format!("{BASE}/proposals/{id}/edit"), &borrowed(&fields))
        .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", res.body);
    // The deadline in the proposer's time zone: 2026-12-15 23:59 UTC is 02:59 the next day
    // in Nairobi (UTC+3).
    assert!(res.body.contains("02:59"), "{}", res.body);
    assert!(
        res.body.contains("id=\"form-message\"") || res.body.contains("id=\"form-errors\""),
        "{}",
        res.body
    );
    let view = client.get(&format!("{BASE}/proposals/{id}")).await;
    assert!(
        view.body.contains("data-screening=\"fail\""),
        "{}",
        view.body
    );
    assert!(!view.body.contains("id=\"edit-link\""), "{}", view.body);
}

#[tokio::test]
async fn received_proposals_are_listed_publicly_and_filtered() {
    let test = TestApp::new().await;
    open_cycle(&test.app, YEAR).await;
    let mut client = test.signed_in(PROPOSER).await;
    submitted_short(&mut client, "Received and listed").await;
    let fields = workshop_form("Only a draft", &short_of_speakers(), "draft");
    let res = client
        .post_form(&format!("{BASE}/proposals/new"), &borrowed(&fields))
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);

    let mut anonymous = test.client();
    let list = anonymous.get(&format!("{BASE}/received")).await;
    assert_eq!(list.status, StatusCode::OK, "{}", list.body);
    assert!(list.body.contains("Received and listed"), "{}", list.body);
    assert!(!list.body.contains("Only a draft"), "{}", list.body);
    // No people and no screening on the public list.
    assert!(!list.body.contains("Grace Wanjiru"));
    let list = anonymous
        .get(&format!("{BASE}/received?type=open_forum"))
        .await;
    assert!(!list.body.contains("Received and listed"), "{}", list.body);
}

#[tokio::test]
async fn the_secretariat_filters_the_list_and_runs_the_screening() {
    let test = TestApp::new().await;
    open_cycle(&test.app, YEAR).await;
    let mut client = test.signed_in(PROPOSER).await;
    let id = submitted_short(&mut client, "Screened out on the list").await;

    assert_eq!(
        client.get(&format!("{BASE}/screening")).await.status,
        StatusCode::FORBIDDEN
    );
    let mut secretariat = test.signed_in("secretariat@igf.example.org").await;
    let list = secretariat
        .get(&format!("{BASE}/screening?screening=fail&type=workshop"))
        .await;
    assert_eq!(list.status, StatusCode::OK, "{}", list.body);
    assert!(
        list.body.contains(&format!("id=\"line-{id}\"")),
        "{}",
        list.body
    );
    assert!(list.body.contains("at least 3"), "{}", list.body);
    let list = secretariat
        .get(&format!("{BASE}/screening?screening=pass"))
        .await;
    assert!(
        !list.body.contains(&format!("id=\"line-{id}\"")),
        "{}",
        list.body
    );
    let list = secretariat
        .get(&format!("{BASE}/screening?text=nothing+like+this"))
        .await;
    assert!(list.body.contains("id=\"none-match\""), "{}", list.body);

    let run = secretariat
        .post_form(&format!("{BASE}/screening"), &[("notify", "1")])
        .await;
    assert_eq!(run.status, StatusCode::OK, "{}", run.body);
    assert!(run.body.contains("id=\"run-summary\""), "{}", run.body);
    test.run_jobs().await;
    let to_proposer = test
        .sink
        .messages()
        .iter()
        .filter(|m| m.to.contains(&PROPOSER.to_owned()))
        .count();
    // The receipt on submission, then the result of the run.
    assert!(to_proposer >= 2, "{to_proposer} mails to the proposer");
}

#[tokio::test]
async fn the_api_creates_submits_fixes_lists_and_overrides_proposals() {
    let test = TestApp::new().await;
    open_cycle(&test.app, YEAR).await;
    let token = test.api_token(PROPOSER).await;
    let person = |role: &str, name: &str, gender: &str, onsite: bool, conf: &str| {
        serde_json::json!({"role": role, "name": name, "gender": gender, "onsite": onsite,
            "confirmation": conf, "country": "KE", "stakeholder_group": "civil_society",
            "organisation": "Proposers' Collective"})
    };
    let mut people = vec![
        person("organiser", "Amina Diallo", "woman", true, "confirmed"),
        person("moderator", "Kenji Sato", "man", true, "confirmed"),
        person(
            "online_moderator",
            "Lucia Fernández",
            "woman",
            false,
            "confirmed",
        ),
        person("rapporteur", "Olga Petrova", "woman", false, "confirmed"),
        person("speaker", "Grace Wanjiru", "woman", true, "provisional"),
        person("speaker", "Fatima Zahra", "woman", true, "provisional"),
    ];
    let body = |people: &[serde_json::Value]| {
        serde_json::json!({
            "session_type": "workshop", "title": "Over the API", "issue_area": "data_governance",
            "format": "Panel", "duration_min": 60, "description": "A description.",
            "policy_questions": "Which?", "interaction_plan": "Questions.",
            "expected_outcomes": "Practices.", "submitter_organisation": "Proposers' Collective",
            "submitter_stakeholder_group": "civil_society", "submitter_country": "KE",
            "people": people,
        })
        .to_string()
    };
    let res = test
        .api(
            Method::POST,
            &format!("{API}/proposals?submit=1"),
            Some(&token),
            Some(&body(&people)),
        )
        .await;
    assert_eq!(res.status, StatusCode::CREATED, "{}", res.body);
    let created = res.json();
    let id = created["id"].as_i64().unwrap();
    assert_eq!(created["status"], "submitted");
    assert_eq!(created["screening"]["status"], "fail", "{created}");
    assert!(
        created["screening"]["outcomes"]
            .as_array()
            .unwrap()
            .iter()
            .any(|o| o["rule"] == "gender_diversity" && o["verdict"] == "fail"),
        "{created}"
    );

    people.push(person("speaker", "Rahul Mehta", "man", true, "confirmed"));
    let res = test
        .api(
            Method::PUT,
            &format!("{API}/proposals/{id}"),
            Some(&token),
            Some(&body(&people)),
        )
        .await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.body);
    assert_eq!(res.json()["screening"]["status"], "pass", "{}", res.body);

    let mine = test
        .api(Method::GET, &format!("{API}/proposals"), Some(&token), None)
        .await;
    assert_eq!(mine.status, StatusCode::OK, "{}", mine.body);
    assert_eq!(mine.json()["items"].as_array().unwrap().len(), 1);
    let res = test
        .api(
            Method::GET,
            &format!("{API}/proposals?all=1"),
            Some(&token),
            None,
        )
        .await;
    assert_eq!(res.status, StatusCode::FORBIDDEN, "{}", res.body);
    let res = test
        .api(Method::GET, &format!("{API}/proposals"), None, None)
        .await;
    assert_eq!(res.status, StatusCode::UNAUTHORIZED);

    let secretariat = test.api_token("secretariat@igf.example.org").await;
    let all = test
        .api(
            Method::GET,
            &format!("{API}/proposals?all=1&screening=pass"),
            Some(&secretariat),
            None,
        )
        .await;
    assert_eq!(all.status, StatusCode::OK, "{}", all.body);
    assert!(
        all.json()["lines"]
            .as_array()
            .unwrap()
            .iter()
            .any(|l| l["id"] == id),
        "{}",
        all.body
    );
    let res = test
        .api(
            Method::POST,
            &format!("{API}/proposals/{id}/override"),
            Some(&secretariat),
            Some(r#"{"status": "fail", "reason": "The moderator is a MAG member's colleague."}"#),
        )
        .await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.body);
    assert_eq!(res.json()["screening"]["status"], "fail");
    assert_eq!(res.json()["screening"]["computed"], "pass");
    let res = test
        .api(
            Method::POST,
            &format!("{API}/proposals/{id}/override"),
            Some(&secretariat),
            Some(r#"{"status": "maybe", "reason": ""}"#),
        )
        .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", res.body);

    let run = test
        .api(
            Method::POST,
            &format!("{API}/screening"),
            Some(&secretariat),
            Some(r#"{"notify": false}"#),
        )
        .await;
    assert_eq!(run.status, StatusCode::OK, "{}", run.body);
    assert_eq!(run.json()["mailed"], 0);
    let res = test
        .api(
            Method::POST,
            &format!("{API}/screening"),
            Some(&token),
            Some("{}"),
        )
        .await;
    assert_eq!(res.status, StatusCode::FORBIDDEN, "{}", res.body);

    let res = test
        .api(
            Method::POST,
            &format!("{API}/proposals/{id}/withdraw"),
            Some(&token),
            None,
        )
        .await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.body);
    assert_eq!(res.json()["status"], "withdrawn");
}

#[tokio::test]
async fn the_screening_page_lists_speakers_over_the_cycles_cap() {
    let test = TestApp::new().await;
    let mut secretariat = test.signed_in("secretariat@igf.example.org").await;
    let page = secretariat.get("/f/igf/cycles/2026/screening").await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("id=\"speaker-cap\""), "{}", page.body);
    assert!(
        page.body.contains("Speakers over the cap of 3 sessions"),
        "{}",
        page.body
    );
    assert!(
        page.body.contains("id=\"speaker-cap-list\"")
            || page.body.contains("id=\"speaker-cap-none\""),
        "{}",
        page.body
    );
}
