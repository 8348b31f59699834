//! Signing in and out, throttling, session expiry without losing a form, CSRF, and
//! password reset through a real SMTP sink.

use axum::http::StatusCode;
use plenary_domain::time::Seconds;

use crate::{PASSWORD, TestApp};

#[tokio::test]
async fn signing_in_creates_a_session_that_signing_out_ends() {
    let test = TestApp::new().await;
    let mut client = test.client();
    let res = client
        .sign_in("Secretariat@IGF.example.org", PASSWORD)
        .await;
    assert_eq!((res.status, res.location()), (StatusCode::SEE_OTHER, "/"));
    let session = client.cookies["plenary_session"].clone();
    let page = client.get("/account").await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(
        page.body
            .contains("<dd id=\"account-email\">secretariat@igf.example.org</dd>"),
        "{}",
        page.body
    );

    let res = client.post_form("/sign-out", &[]).await;
    assert_eq!(res.location(), "/?notice=signed-out");
    assert!(!client.cookies.contains_key("plenary_session"));
    // The old cookie no longer works, even if someone kept it.
    client.cookies.insert("plenary_session".into(), session);
    assert_eq!(client.get("/account").await.status, StatusCode::SEE_OTHER);
    let actions = test.audit_actions().await;
    assert_eq!(&actions[..2], ["session.sign_out", "session.sign_in"]);
}

#[tokio::test]
async fn a_wrong_password_gets_the_same_answer_as_an_unknown_address() {
    let test = TestApp::new().await;
    let mut client = test.client();
    let wrong = client
        .sign_in("secretariat@igf.example.org", "not the password")
        .await;
    let unknown = client
        .sign_in("nobody@igf.example.org", "not the password")
        .await;
    for res in [&wrong, &unknown] {
        assert_eq!(res.status, StatusCode::UNAUTHORIZED);
        assert!(
            res.body
                .contains("The e-mail address or password is not correct."),
            "{}",
            res.body
        );
        assert!(!client.cookies.contains_key("plenary_session"));
    }
}

#[tokio::test]
async fn five_failures_lock_the_address_for_a_while() {
    let test = TestApp::new().await;
    let mut client = test.client();
    for _ in 0..5 {
        assert_eq!(
            client
                .sign_in("chair@igf.example.org", "guess-guess-guess")
                .await
                .status,
            StatusCode::UNAUTHORIZED
        );
    }
    // Even the right password is refused while locked, with the time it ends.
    let locked = client.sign_in("chair@igf.example.org", PASSWORD).await;
    assert_eq!(locked.status, StatusCode::TOO_MANY_REQUESTS);
    assert!(
        locked
            .body
            .contains("Try again after 2026-11-22 10:15 UTC."),
        "{}",
        locked.body
    );
    // Another address is not affected.
    assert_eq!(
        client
            .sign_in("reviewer@igf.example.org", PASSWORD)
            .await
            .status,
        StatusCode::SEE_OTHER
    );
    test.clock.advance(Seconds(15 * 60 + 1));
    assert_eq!(
        test.client()
            .sign_in("chair@igf.example.org", PASSWORD)
            .await
            .status,
        StatusCode::SEE_OTHER
    );
}

#[tokio::test]
async fn an_expired_session_keeps_the_form_it_was_sending() {
    let test = TestApp::new().await;
    let mut client = test.signed_in("secretariat@igf.example.org").await;
    test.clock.advance(Seconds(8 * 24 * 3600));
    // A page visit after expiry goes to sign-in and says why.
    let res = client.get("/account").await;
    assert_eq!(
        res.location(),
        "/sign-in?next=%2Faccount&notice=session-expired"
    );
    // A form sent after expiry is kept on the sign-in page...
    let grants_before = test
        .audit_actions()
        .await
        .iter()
        .filter(|a| *a == "role.grant")
        .count();
    let res = client
        .post_form(
            "/f/igf/people",
            &[
                ("email", "participant@igf.example.org"),
                ("role", "reviewer"),
            ],
        )
        .await;
    assert_eq!(res.status, StatusCode::UNAUTHORIZED);
    assert!(
        res.body
            .contains("name=\"resume__email\" value=\"participant@igf.example.org\""),
        "{}",
        res.body
    );
    assert!(
        res.body
            .contains("name=\"resume__role\" value=\"reviewer\""),
        "{}",
        res.body
    );
    assert!(
        res.body
            .contains("name=\"resume_action\" value=\"&#x2f;f&#x2f;igf&#x2f;people\""),
        "{}",
        res.body
    );
    // ...nothing was changed yet...
    assert_eq!(
        test.audit_actions()
            .await
            .iter()
            .filter(|a| *a == "role.grant")
            .count(),
        grants_before
    );
    // ...and after signing in it is offered again, ready to send with a fresh token.
    let res = client
        .post_form(
            "/sign-in",
            &[
                ("email", "secretariat@igf.example.org"),
                ("password", PASSWORD),
                ("next", "/"),
                ("resume_action", "/f/igf/people"),
                ("resume__email", "participant@igf.example.org"),
                ("resume__role", "reviewer"),
            ],
        )
        .await;
    assert_eq!(res.status, StatusCode::OK);
    assert!(
        res.body
            .contains("<form method=\"post\" action=\"&#x2f;f&#x2f;igf&#x2f;people\">"),
        "{}",
        res.body
    );
    let res = client
        .post_form(
            "/f/igf/people",
            &[
                ("email", "participant@igf.example.org"),
                ("role", "reviewer"),
            ],
        )
        .await;
    assert_eq!(res.location(), "/f/igf/people?notice=role-granted");
    assert_eq!(test.audit_actions().await[0], "role.grant");
}

#[tokio::test]
async fn a_forged_csrf_token_is_refused_and_changes_nothing() {
    let test = TestApp::new().await;
    let mut client = test.signed_in("secretariat@igf.example.org").await;
    let before = test.audit_actions().await;
    let res = client
        .post_raw(
            "/f/igf/people",
            &[
                ("csrf", "forged-token-forged-token"),
                ("email", "participant@igf.example.org"),
                ("role", "chair"),
            ],
        )
        .await;
    assert_eq!(res.status, StatusCode::FORBIDDEN);
    assert!(
        res.body.contains("did not come from this site"),
        "{}",
        res.body
    );
    let missing = client
        .post_raw(
            "/f/igf/people",
            &[("email", "participant@igf.example.org"), ("role", "chair")],
        )
        .await;
    assert_eq!(missing.status, StatusCode::FORBIDDEN);
    assert_eq!(test.audit_actions().await, before);
}

#[tokio::test]
async fn oversized_forms_are_refused_with_413() {
    let test = TestApp::new().await;
    let mut client = test.signed_in("secretariat@igf.example.org").await;
    let huge = "x".repeat(100 * 1024);
    let res = client
        .post_form("/account/tokens", &[("name", &huge)])
        .await;
    assert_eq!(res.status, StatusCode::PAYLOAD_TOO_LARGE);
}

#[tokio::test]
async fn a_password_is_reset_through_an_emailed_link() {
    let test = TestApp::new().await;
    let mut old_session = test.signed_in("organiser@igf.example.org").await;
    let mut client = test.client();
    let res = client
        .post_form("/password-reset", &[("email", "Organiser@igf.example.org")])
        .await;
    assert_eq!(res.location(), "/password-reset?notice=reset-sent");
    // Unknown addresses get the same answer and no mail.
    let res = client
        .post_form("/password-reset", &[("email", "ghost@igf.example.org")])
        .await;
    assert_eq!(res.location(), "/password-reset?notice=reset-sent");
    let report = test.run_jobs().await;
    assert_eq!((report.done, report.failed), (1, 0));
    let mails = test.sink.messages();
    assert_eq!(mails.len(), 1);
    assert_eq!(mails[0].to, vec!["organiser@igf.example.org".to_owned()]);
    assert!(
        mails[0]
            .data
            .contains("Subject: Reset your Plenary password"),
        "{}",
        mails[0].data
    );
    let body = mails[0].body_text();
    assert!(body.starts_with("Hello Ingrid Solberg,"), "{body}");
    let start = body
        .find("http://plenary.test/password-reset/")
        .expect("link in mail");
    let link: String = body[start..]
        .chars()
        .take_while(|c| !c.is_whitespace())
        .collect();
    let path = link.trim_start_matches("http://plenary.test");

    assert_eq!(client.get(path).await.status, StatusCode::OK);
    let weak = client.post_form(path, &[("password", "short")]).await;
    assert_eq!(weak.status, StatusCode::UNPROCESSABLE_ENTITY);
    let res = client
        .post_form(path, &[("password", "a brand new passphrase")])
        .await;
    assert_eq!(res.location(), "/sign-in?notice=reset-done");
    // The link is single-use, the old password is gone, and old sessions are ended.
    assert_eq!(client.get(path).await.status, StatusCode::GONE);
    assert_eq!(
        client
            .sign_in("organiser@igf.example.org", PASSWORD)
            .await
            .status,
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(
        client
            .sign_in("organiser@igf.example.org", "a brand new passphrase")
            .await
            .status,
        StatusCode::SEE_OTHER
    );
    assert_eq!(
        old_session.get("/account").await.status,
        StatusCode::SEE_OTHER
    );
    let actions = test.audit_actions().await;
    assert!(
        actions.contains(&"password_reset.request".to_owned())
            && actions.contains(&"password_reset.complete".to_owned())
    );
}

#[tokio::test]
async fn a_reset_link_expires_after_an_hour() {
    let test = TestApp::new().await;
    let mut client = test.client();
    client
        .post_form("/password-reset", &[("email", "chair@igf.example.org")])
        .await;
    test.run_jobs().await;
    let data = test.sink.messages()[0].body_text();
    let start = data.find("/password-reset/").unwrap();
    let path: String = data[start..]
        .chars()
        .take_while(|c| !c.is_whitespace())
        .collect();
    test.clock.advance(Seconds(3601));
    assert_eq!(client.get(&path).await.status, StatusCode::GONE);
    assert_eq!(
        client
            .post_form(&path, &[("password", "another long password")])
            .await
            .status,
        StatusCode::GONE
    );
}

#[tokio::test]
async fn mail_that_cannot_be_delivered_is_retried_with_backoff() {
    let test = TestApp::new().await;
    // A mailer pointing at a closed port: every attempt fails.
    let broken = plenary_app::App::new(
        test.test_db.db.clone(),
        test.clock.clone(),
        plenary_app::Mailer::from_url("smtp://127.0.0.1:1", "p@plenary.test").unwrap(),
        test.app.settings().clone(),
    );
    test.client()
        .post_form("/password-reset", &[("email", "chair@igf.example.org")])
        .await;
    let first = plenary_app::jobs::run_due_jobs(&broken, 10).await.unwrap();
    assert_eq!((first.done, first.retried), (0, 1));
    // Not due again until the backoff (10 s) has passed.
    assert_eq!(
        plenary_app::jobs::run_due_jobs(&broken, 10)
            .await
            .unwrap()
            .retried,
        0
    );
    test.clock.advance(Seconds(11));
    // With the mail server back, the same job is delivered once.
    assert_eq!(test.run_jobs().await.done, 1);
    assert_eq!(test.sink.messages().len(), 1);
}
