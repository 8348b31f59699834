//! The review stage through pages and the API: the reviewer's queue and nobody else's, the
//! anonymised proposal refused (403, nothing leaked) when not assigned or conflicted, the
//! score form (draft, submit, a score outside the scale named), conflicts, the secretariat's
//! pool and assignment runs (with an infeasible one explained), the synthesis with the
//! reviewers' scales for the secretariat only, and anonymous visitors sent to sign in.
//!
//! The small demo has no reviewer pool: each test builds one with the app's own actions
//! (`seed_pool_as_operator`, `add_reviewer`, `run_assignment_as_operator`).

use axum::http::{Method, StatusCode};
use plenary_app::accounts::Viewer;
use plenary_app::calls::review::{self, ReviewForm, ReviewerInput};
use plenary_domain::audit::Actor;
use plenary_domain::time::Seconds;

use crate::TestApp;

pub const SECRETARIAT: &str = "secretariat@igf.example.org";
pub const REVIEWER: &str = "reviewer@igf.example.org";
pub const CHAIR: &str = "chair@igf.example.org";
pub const MAG_MEMBER: &str = "mag.member@igf.example.org";
const YEAR: i32 = 2026;
const CYCLE: &str = "/f/igf/cycles/2026";
const API: &str = "/api/v1/forums/igf/cycles/2026";

/// The app's viewer for a demo account, as if signed in.
pub async fn viewer(test: &TestApp, email: &str) -> Viewer {
    plenary_app::accounts::sign_in(&test.app, email, crate::PASSWORD)
        .await
        .map(|signed_in| Viewer {
            account: Some(signed_in.account),
            session_id: None,
        })
        .unwrap()
}

async fn add(test: &TestApp, email: &str, load_cap: Option<u32>) {
    let secretariat = viewer(test, SECRETARIAT).await;
    let input = ReviewerInput {
        email: email.into(),
        groups: Vec::new(),
        expertise: Vec::new(),
        load_cap,
    };
    review::add_reviewer(&test.app, &secretariat, "igf", YEAR, input)
        .await
        .unwrap();
}

async fn assign(test: &TestApp) -> review::AssignmentRun {
    let run =
        review::run_assignment_as_operator(&test.app, &Actor::System("tests"), "igf", YEAR, true)
            .await
            .unwrap();
    assert!(run.infeasible.is_empty(), "{:?}", run.infeasible);
    run
}

/// Only the three reviewing demo accounts (reviewer, chair, MAG member), each able to take
/// every proposal: each evaluated proposal is assigned to all three. The route × role test
/// uses this.
pub async fn three_reviewers(test: &TestApp) {
    for email in [REVIEWER, CHAIR, MAG_MEMBER] {
        add(test, email, Some(1000)).await;
    }
    assign(test).await;
}

/// The MAG (seeded: in the small demo only the MAG member has an account) plus four other
/// accounts, assigned: each proposal goes to three of the five.
async fn mag_pool(test: &TestApp) -> review::AssignmentRun {
    let seeded = review::seed_pool_as_operator(&test.app, &Actor::System("tests"), "igf", YEAR)
        .await
        .unwrap();
    assert_eq!(seeded, 1, "the demo MAG member");
    for email in [
        REVIEWER,
        CHAIR,
        "organiser@igf.example.org",
        "participant@igf.example.org",
    ] {
        add(test, email, None).await;
    }
    assign(test).await
}

pub async fn queue_numbers(test: &TestApp, email: &str) -> Vec<u32> {
    let v = viewer(test, email).await;
    review::queue(&test.app, &v, "igf", YEAR)
        .await
        .unwrap()
        .items
        .iter()
        .map(|i| i.number)
        .collect()
}

/// Moves the clock to the day before reviews are due, so reviews may be saved (the test
/// clock starts after the demo's 2026 evaluation). Call before signing in.
pub async fn open_evaluation(test: &TestApp) {
    let view = plenary_app::calls::cycles::cycle(&test.app, &Viewer::anonymous(), "igf", YEAR)
        .await
        .unwrap();
    let setup = &view.cycle.setup;
    let due = setup.evaluation.due(&setup.dates);
    let now = test.app.now();
    let back = now.as_unix_seconds() - due.as_unix_seconds() + 86_400;
    test.clock.advance(Seconds(-back));
}

/// The score codes of the demo cycle (its criteria).
pub async fn score_codes(test: &TestApp) -> Vec<String> {
    let view = plenary_app::calls::cycles::cycle(&test.app, &Viewer::anonymous(), "igf", YEAR)
        .await
        .unwrap();
    view.cycle.setup.evaluation.score_codes()
}

/// Form fields giving every criterion the score `value`, then `extra`.
fn score_fields<'a>(
    codes: &'a [(String, String)],
    extra: &[(&'a str, &'a str)],
) -> Vec<(&'a str, &'a str)> {
    let mut fields: Vec<(&str, &str)> = codes
        .iter()
        .map(|(name, value)| (name.as_str(), value.as_str()))
        .collect();
    fields.extend_from_slice(extra);
    fields
}

/// `score_CODE` = `value` for every code.
fn named(codes: &[String], value: &str) -> Vec<(String, String)> {
    codes
        .iter()
        .map(|c| (format!("score_{c}"), value.to_owned()))
        .collect()
}

/// A JSON object giving every code the score `value`.
fn scores_json(codes: &[String], value: u32) -> String {
    let pairs: Vec<String> = codes.iter().map(|c| format!("\"{c}\": {value}")).collect();
    format!("{{{}}}", pairs.join(", "))
}

/// The code of the cycle's first standard reason for a low score.
pub async fn first_reason(test: &TestApp) -> String {
    let view = plenary_app::calls::cycles::cycle(&test.app, &Viewer::anonymous(), "igf", YEAR)
        .await
        .unwrap();
    view.cycle.setup.evaluation.low_score_reasons[0]
        .code
        .clone()
}

/// The anonymised view of `number` as `email` sees it (unwrap: assigned).
async fn title_and_description(test: &TestApp, email: &str, number: u32) -> (String, String) {
    let v = viewer(test, email).await;
    let view = review::review_view(&test.app, &v, "igf", YEAR, number)
        .await
        .unwrap();
    (view.title, view.description)
}

pub fn review_form(scores: &[(&str, &str)], reasons: &[&str], submit: bool) -> ReviewForm {
    ReviewForm {
        scores: scores
            .iter()
            .map(|(c, s)| ((*c).to_owned(), (*s).to_owned()))
            .collect(),
        reasons: reasons.iter().map(|r| (*r).to_owned()).collect(),
        comment: String::new(),
        merge_candidate: false,
        merge_with: String::new(),
        submit,
    }
}

#[tokio::test]
async fn a_reviewer_sees_only_their_own_queue() {
    let test = TestApp::new().await;
    mag_pool(&test).await;
    let mine = queue_numbers(&test, REVIEWER).await;
    let theirs = queue_numbers(&test, MAG_MEMBER).await;
    assert!(!mine.is_empty() && !theirs.is_empty());
    let only_theirs: Vec<u32> = theirs
        .iter()
        .copied()
        .filter(|n| !mine.contains(n))
        .collect();
    assert!(!only_theirs.is_empty(), "{mine:?} {theirs:?}");

    let mut client = test.signed_in(REVIEWER).await;
    let page = client.get(&format!("{CYCLE}/review")).await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    let shown: Vec<u32> = page
        .body
        .match_indices("<tr id=\"item-")
        .map(|(at, m)| {
            let rest = &page.body[at + m.len()..];
            rest[..rest.find('"').unwrap()].parse().unwrap()
        })
        .collect();
    assert_eq!(shown, mine);
    assert!(page.body.contains("id=\"queue-progress\""));
    assert!(page.body.contains("id=\"due-venue\"") && page.body.contains("UTC"));
    for n in &only_theirs {
        assert!(
            !page.body.contains(&format!("/review/{n}\"")),
            "{n} is not the reviewer's"
        );
    }

    let token = test.api_token(REVIEWER).await;
    let res = test
        .api(Method::GET, &format!("{API}/reviews"), Some(&token), None)
        .await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.body);
    let json = res.json();
    let numbers: Vec<u64> = json["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["number"].as_u64().unwrap())
        .collect();
    assert_eq!(
        numbers,
        mine.iter().map(|n| u64::from(*n)).collect::<Vec<_>>()
    );
    assert_eq!(json["total"], mine.len());
    assert_eq!(json["items"][0]["state"], "todo");
    assert!(json["due"].as_str().unwrap().ends_with('Z'));
}

#[tokio::test]
async fn a_proposal_not_assigned_is_refused_and_leaks_nothing() {
    let test = TestApp::new().await;
    mag_pool(&test).await;
    let mine = queue_numbers(&test, REVIEWER).await;
    let other = queue_numbers(&test, MAG_MEMBER)
        .await
        .into_iter()
        .find(|n| !mine.contains(n))
        .unwrap();
    let (title, description) = title_and_description(&test, MAG_MEMBER, other).await;
    let snippet: String = description.chars().take(40).collect();
    let audit_before = test.audit_actions().await.len();

    let mut client = test.signed_in(REVIEWER).await;
    let page = client.get(&format!("{CYCLE}/review/{other}")).await;
    assert_eq!(page.status, StatusCode::FORBIDDEN);
    assert!(!page.body.contains(&title), "the title leaked");
    assert!(!page.body.contains(&snippet), "the description leaked");
    let res = client
        .post_form(
            &format!("{CYCLE}/review/{other}"),
            &[("score_topic", "5"), ("action", "submit")],
        )
        .await;
    assert_eq!(res.status, StatusCode::FORBIDDEN);

    let token = test.api_token(REVIEWER).await;
    for (method, body) in [
        (Method::GET, None),
        (Method::PUT, Some(r#"{"scores": {"topic": 5}}"#)),
    ] {
        let res = test
            .api(
                method.clone(),
                &format!("{API}/reviews/{other}"),
                Some(&token),
                body,
            )
            .await;
        assert_eq!(res.status, StatusCode::FORBIDDEN, "{method}");
        assert_eq!(res.json()["error"]["code"], "forbidden");
        assert!(!res.body.contains(&title) && !res.body.contains(&snippet));
    }
    // Nothing was stored for the reviewer, and the refusals are in the audit trail.
    let mine_after = queue_numbers(&test, REVIEWER).await;
    assert_eq!(mine_after, mine);
    assert!(test.audit_actions().await.len() > audit_before);
}

#[tokio::test]
async fn a_declared_conflict_takes_the_proposal_out_of_the_queue() {
    let test = TestApp::new().await;
    mag_pool(&test).await;
    let mine = queue_numbers(&test, REVIEWER).await;
    let number = mine[0];
    let (title, _) = title_and_description(&test, REVIEWER, number).await;

    let mut client = test.signed_in(REVIEWER).await;
    let page = client.get(&format!("{CYCLE}/review/{number}")).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("id=\"conflict-form\""));
    // A reason outside the list is refused beside the form, the detail kept.
    let res = client
        .post_form(
            &format!("{CYCLE}/review/{number}/conflict"),
            &[("reason", "same_organisation"), ("detail", "kept detail")],
        )
        .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", res.body);
    assert!(res.body.contains("id=\"conflict-error\""));
    assert!(res.body.contains("kept detail"));

    let res = client
        .post_form(
            &format!("{CYCLE}/review/{number}/conflict"),
            &[
                ("reason", "own_employer"),
                ("detail", "My employer runs it"),
            ],
        )
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    assert_eq!(
        res.location(),
        format!("{CYCLE}/review?notice=conflict-declared")
    );
    let after = queue_numbers(&test, REVIEWER).await;
    assert!(!after.contains(&number), "{after:?}");
    let page = client.get(res.location()).await;
    assert!(page.body.contains("id=\"conflicts\""));
    assert!(page.body.contains("My employer runs it"));
    assert!(!page.body.contains(&format!("id=\"item-{number}\"")));

    let page = client.get(&format!("{CYCLE}/review/{number}")).await;
    assert_eq!(page.status, StatusCode::FORBIDDEN);
    let token = test.api_token(REVIEWER).await;
    let res = test
        .api(
            Method::GET,
            &format!("{API}/reviews/{number}"),
            Some(&token),
            None,
        )
        .await;
    assert_eq!(res.status, StatusCode::FORBIDDEN);
    assert!(!res.body.contains(&title));

    // Through the API too: the answer is the queue without the proposal.
    let second = after[0];
    let res = test
        .api(
            Method::POST,
            &format!("{API}/reviews/{second}/conflict"),
            Some(&token),
            Some(r#"{"reason": "listed_as_speaker", "detail": ""}"#),
        )
        .await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.body);
    let json = res.json();
    assert!(
        json["items"]
            .as_array()
            .unwrap()
            .iter()
            .all(|i| i["number"] != second)
    );
    assert_eq!(json["conflicts"].as_array().unwrap().len(), 2);
}

#[tokio::test]
async fn a_review_is_saved_as_a_draft_then_submitted_with_problems_named() {
    let test = TestApp::new().await;
    mag_pool(&test).await;
    open_evaluation(&test).await;
    let codes = score_codes(&test).await;
    let first = codes[0].clone();
    let queue = queue_numbers(&test, REVIEWER).await;
    let number = queue[0];
    let merge_with = format!("{}, {}", queue[1], queue[2]);
    let url = format!("{CYCLE}/review/{number}");
    let mut client = test.signed_in(REVIEWER).await;
    let page = client.get(&url).await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    for id in [
        format!("score-{first}-1"),
        format!("score-{first}-5"),
        "reasons-hint".into(),
        "save-draft".into(),
        "submit-review".into(),
        "flags".into(),
        "merge_with".into(),
    ] {
        assert!(page.body.contains(&format!("id=\"{id}\"")), "{id}");
    }

    // A score outside the scale: 422, the field named, what was typed kept.
    let mut typed = named(&codes, "4");
    typed[0].1 = "9".into();
    let res = client
        .post_form(
            &url,
            &score_fields(
                &typed,
                &[("comment", "Typed comment stays"), ("action", "draft")],
            ),
        )
        .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", res.body);
    assert!(res.body.contains("id=\"scores-error\""), "{}", res.body);
    assert!(res.body.contains("Typed comment stays"));
    assert!(
        res.body
            .contains(&format!("id=\"score-{}-4\" data-high checked", codes[1]))
    );

    let fours = named(&codes, "4");
    let res = client
        .post_form(
            &url,
            &score_fields(&fours, &[("comment", "Good"), ("action", "draft")]),
        )
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    assert_eq!(res.location(), format!("{url}?notice=review-saved"));
    let page = client.get(res.location()).await;
    assert!(page.body.contains("data-state=\"draft\""));
    assert!(
        page.body
            .contains(&format!("id=\"score-{first}-4\" data-high checked"))
    );

    // A low score needs a standard reason to be submitted.
    let twos = named(&codes, "2");
    let res = client
        .post_form(&url, &score_fields(&twos, &[("action", "submit")]))
        .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(res.body.contains("id=\"reasons-error\""), "{}", res.body);
    assert!(
        res.body
            .contains(&format!("id=\"score-{first}-2\" data-low checked"))
    );
    let reason = first_reason(&test).await;
    let res = client
        .post_form(
            &url,
            &score_fields(
                &twos,
                &[
                    ("reasons", reason.as_str()),
                    ("merge_candidate", "1"),
                    ("merge_with", merge_with.as_str()),
                    ("action", "submit"),
                ],
            ),
        )
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    assert_eq!(res.location(), format!("{url}?notice=review-submitted"));
    let queue = client.get(&format!("{CYCLE}/review")).await;
    assert!(
        queue
            .body
            .contains(&format!("id=\"item-{number}\" data-state=\"submitted\"")),
        "{}",
        queue.body
    );

    // The API: out of scale names the field; a submitted review round-trips.
    let token = test.api_token(REVIEWER).await;
    let second = queue_numbers(&test, REVIEWER).await[1];
    let res = test
        .api(
            Method::PUT,
            &format!("{API}/reviews/{second}"),
            Some(&token),
            Some(&format!(r#"{{"scores": {}}}"#, scores_json(&codes, 0))),
        )
        .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(res.json()["error"]["field"], "scores");
    let res = test
        .api(
            Method::PUT,
            &format!("{API}/reviews/{second}"),
            Some(&token),
            Some(&format!(
                r#"{{"scores": {}, "comment": "Strong", "submit": true}}"#,
                scores_json(&codes, 5)
            )),
        )
        .await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.body);
    let json = res.json();
    assert_eq!(json["state"], "submitted");
    assert_eq!(json["scores"][&first], 5);
    assert_eq!(json["overall"], 5.0);
    let res = test
        .api(
            Method::GET,
            &format!("{API}/reviews/{second}"),
            Some(&token),
            None,
        )
        .await;
    let json = res.json();
    assert_eq!(json["review"]["comment"], "Strong");
    assert_eq!(json["scoring"]["score_codes"][0], first.as_str());
    assert!(json.get("proposer").is_some());
}

#[tokio::test]
async fn only_the_secretariat_sees_the_reviewers_scales_in_the_synthesis() {
    let test = TestApp::new().await;
    three_reviewers(&test).await;
    open_evaluation(&test).await;
    let numbers = queue_numbers(&test, REVIEWER).await;
    let reason = first_reason(&test).await;
    let codes = score_codes(&test).await;
    for (i, email) in [REVIEWER, CHAIR, MAG_MEMBER].iter().enumerate() {
        let v = viewer(&test, email).await;
        for (j, number) in numbers.iter().take(6).enumerate() {
            let score = (1 + (i + j) % 5).to_string();
            let scores: Vec<(&str, &str)> =
                codes.iter().map(|c| (c.as_str(), score.as_str())).collect();
            let form = review_form(&scores, &[reason.as_str()], true);
            review::save_review(&test.app, &v, "igf", YEAR, *number, form)
                .await
                .unwrap();
        }
    }
    let mut secretariat = test.signed_in(SECRETARIAT).await;
    let page = secretariat.get(&format!("{CYCLE}/synthesis")).await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    assert!(page.body.contains("id=\"reviewer-norm\""));
    assert!(page.body.contains(&format!("id=\"line-{}\"", numbers[0])));
    for email in [CHAIR, MAG_MEMBER] {
        let mut client = test.signed_in(email).await;
        let page = client.get(&format!("{CYCLE}/synthesis")).await;
        assert_eq!(page.status, StatusCode::OK, "{email}");
        assert!(page.body.contains(&format!("id=\"line-{}\"", numbers[0])));
        assert!(!page.body.contains("id=\"reviewer-norm\""), "{email}");
        let token = test.api_token(email).await;
        let res = test
            .api(Method::GET, &format!("{API}/synthesis"), Some(&token), None)
            .await;
        assert_eq!(res.status, StatusCode::OK);
        assert_eq!(res.json()["reviewers"], serde_json::json!([]));
        assert_eq!(res.json()["reviews"], 18);
    }
    let token = test.api_token(SECRETARIAT).await;
    let res = test
        .api(Method::GET, &format!("{API}/synthesis"), Some(&token), None)
        .await;
    assert_eq!(res.json()["reviewers"].as_array().unwrap().len(), 3);
    // A reviewer without a MAG role does not see the synthesis.
    let mut reviewer = test.signed_in(REVIEWER).await;
    let page = reviewer.get(&format!("{CYCLE}/synthesis")).await;
    assert_eq!(page.status, StatusCode::FORBIDDEN);
    // The progress counts the submitted reviews.
    let res = test
        .api(
            Method::GET,
            &format!("{API}/evaluation/progress"),
            Some(&token),
            None,
        )
        .await;
    assert_eq!(res.status, StatusCode::OK);
    assert_eq!(res.json()["submitted"], 18);
}

#[tokio::test]
async fn the_secretariat_builds_the_pool_and_runs_the_assignment() {
    let test = TestApp::new().await;
    let mut client = test.signed_in(SECRETARIAT).await;
    let url = format!("{CYCLE}/evaluation");
    let page = client.get(&url).await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    assert!(page.body.contains("id=\"pool-empty\""));
    assert!(page.body.contains("id=\"no-run\""));

    let res = client.post_form(&format!("{url}/pool"), &[]).await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.body);
    assert!(res.body.contains("id=\"action-message\""));
    assert!(res.body.contains("id=\"pool\""));

    // An unknown address is refused beside the field, what was typed kept.
    let res = client
        .post_form(
            &format!("{url}/reviewers"),
            &[
                ("email", "nobody@example.org"),
                ("expertise", "cybersecurity"),
                ("load_cap", "40"),
            ],
        )
        .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", res.body);
    assert!(res.body.contains("id=\"email-error\""), "{}", res.body);
    assert!(
        res.body
            .contains("<option value=\"cybersecurity\" selected>")
    );
    let res = client
        .post_form(
            &format!("{url}/reviewers"),
            &[("email", REVIEWER), ("load_cap", "forty")],
        )
        .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(res.body.contains("id=\"load_cap-error\""));
    let res = client
        .post_form(
            &format!("{url}/reviewers"),
            &[
                ("email", REVIEWER),
                ("expertise", "ai_emerging"),
                ("expertise", "data_governance"),
                ("load_cap", "30"),
            ],
        )
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    assert_eq!(res.location(), format!("{url}?notice=reviewer-added"));
    // Three reviewers per proposal need at least three in the pool.
    add(&test, CHAIR, None).await;
    add(&test, "organiser@igf.example.org", None).await;

    let res = client.post_form(&format!("{url}/assign"), &[]).await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.body);
    for id in [
        "run-report",
        "run-method",
        "run-objective",
        "run-time",
        "run-kept",
    ] {
        assert!(res.body.contains(&format!("id=\"{id}\"")), "{id}");
    }
    let page = client.get(&url).await;
    assert!(page.body.contains("id=\"last-run\""));

    // Withdrawing needs a reason; with one, the reviewer's proposals go to others.
    let secretariat = viewer(&test, SECRETARIAT).await;
    let pool = review::pool(&test.app, &secretariat, "igf", YEAR)
        .await
        .unwrap();
    let line = pool.iter().find(|r| r.email == REVIEWER).unwrap();
    assert!(line.assigned > 0);
    let withdraw = format!("{url}/reviewers/{}/withdraw", line.id);
    let res = client.post_form(&withdraw, &[("reason", "")]).await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(res.body.contains("id=\"action-error\""));
    let res = client
        .post_form(&withdraw, &[("reason", "Left the MAG")])
        .await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.body);
    assert!(res.body.contains("id=\"run-report\""));
    assert!(
        res.body
            .contains(&format!("id=\"reviewer-{}\" class=\"withdrawn\"", line.id))
    );
    assert!(queue_numbers_or_forbidden(&test, REVIEWER).await.is_empty());

    // The API: the pool and a run.
    let token = test.api_token(SECRETARIAT).await;
    let res = test
        .api(
            Method::GET,
            &format!("{API}/evaluation/reviewers"),
            Some(&token),
            None,
        )
        .await;
    assert_eq!(res.status, StatusCode::OK);
    assert_eq!(res.json()["items"].as_array().unwrap().len(), pool.len());
    let res = test
        .api(
            Method::POST,
            &format!("{API}/assignment"),
            Some(&token),
            Some(r#"{"fresh": false}"#),
        )
        .await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.body);
    assert_eq!(res.json()["stored"], true);
}

/// The reviewer's queue, or nothing when they may no longer open it.
async fn queue_numbers_or_forbidden(test: &TestApp, email: &str) -> Vec<u32> {
    let v = viewer(test, email).await;
    match review::queue(&test.app, &v, "igf", YEAR).await {
        Ok(queue) => queue.items.iter().map(|i| i.number).collect(),
        Err(_) => Vec::new(),
    }
}

#[tokio::test]
async fn an_assignment_that_cannot_be_made_is_explained_and_stores_nothing() {
    let test = TestApp::new().await;
    add(&test, REVIEWER, Some(1)).await;
    let mut client = test.signed_in(SECRETARIAT).await;
    let res = client
        .post_form(&format!("{CYCLE}/evaluation/assign"), &[])
        .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", res.body);
    assert!(res.body.contains("id=\"infeasible\""), "{}", res.body);
    let token = test.api_token(SECRETARIAT).await;
    let res = test
        .api(
            Method::POST,
            &format!("{API}/assignment"),
            Some(&token),
            Some("{}"),
        )
        .await;
    assert_eq!(res.status, StatusCode::OK);
    let json = res.json();
    assert_eq!(json["stored"], false);
    assert!(!json["infeasible"].as_array().unwrap().is_empty());
    assert!(queue_numbers_or_forbidden(&test, REVIEWER).await.is_empty());
}

#[tokio::test]
async fn the_cycle_page_links_each_role_to_its_review_pages() {
    let test = TestApp::new().await;
    let cases = [
        (SECRETARIAT, false, true, true),
        (CHAIR, true, false, true),
        (MAG_MEMBER, true, false, true),
        (REVIEWER, true, false, false),
        ("participant@igf.example.org", false, false, false),
    ];
    for (email, queue, evaluation, synthesis) in cases {
        let mut client = test.signed_in(email).await;
        let page = client.get(CYCLE).await;
        assert_eq!(page.status, StatusCode::OK);
        assert_eq!(
            (
                page.body.contains("id=\"review-queue-link\""),
                page.body.contains("id=\"evaluation-link\""),
                page.body.contains("id=\"synthesis-link\""),
            ),
            (queue, evaluation, synthesis),
            "{email}"
        );
    }
}

#[tokio::test]
async fn anonymous_visitors_are_asked_to_sign_in() {
    let test = TestApp::new().await;
    let mut client = test.client();
    for path in ["review", "review/1", "evaluation", "synthesis"] {
        let res = client.get(&format!("{CYCLE}/{path}")).await;
        assert_eq!(res.status, StatusCode::SEE_OTHER, "{path}");
        assert!(res.location().starts_with("/sign-in?next="), "{path}");
    }
    for path in ["reviews", "reviews/1", "synthesis", "evaluation/progress"] {
        let res = test
            .api(Method::GET, &format!("{API}/{path}"), None, None)
            .await;
        assert_eq!(res.status, StatusCode::UNAUTHORIZED, "{path}");
        assert_eq!(res.json()["error"]["code"], "unauthenticated");
    }
}

#[tokio::test]
async fn review_pages_render_in_every_language() {
    let test = TestApp::new().await;
    three_reviewers(&test).await;
    let number = queue_numbers(&test, REVIEWER).await[0];
    for (email, paths) in [
        (
            REVIEWER,
            vec![
                format!("{CYCLE}/review"),
                format!("{CYCLE}/review/{number}"),
            ],
        ),
        (
            SECRETARIAT,
            vec![format!("{CYCLE}/evaluation"), format!("{CYCLE}/synthesis")],
        ),
    ] {
        for lang in ["en", "fr", "es", "ar"] {
            let mut client = test.signed_in(email).await;
            client
                .post_form("/language", &[("language", lang), ("back", "/")])
                .await;
            for path in &paths {
                let res = client.get(path).await;
                assert_eq!(res.status, StatusCode::OK, "{lang} {path}");
                assert!(res.body.contains(&format!("<html lang=\"{lang}\"")));
                for raw in [">rv-", "\"rv-"] {
                    let at = res.body.find(raw);
                    assert!(
                        at.is_none(),
                        "{lang} {path}: a raw message id: {}",
                        &res.body[at.unwrap_or(0)..(at.unwrap_or(0) + 80).min(res.body.len())]
                    );
                }
            }
        }
    }
}
