//! Page language: Accept-Language, the switcher (cookie or account), Arabic right to left.

use axum::http::StatusCode;

use crate::TestApp;

#[tokio::test]
async fn the_browser_language_is_used_until_one_is_chosen() {
    let test = TestApp::new().await;
    let mut client = test.client();
    client.accept_language = Some("es-419,es;q=0.9,en;q=0.5".into());
    let home = client.get("/").await;
    assert!(
        home.body.contains("<html lang=\"es\" dir=\"ltr\">"),
        "{}",
        &home.body[..200]
    );
    assert!(home.body.contains("Foros"), "{}", home.body);

    let res = client
        .post_form("/language", &[("language", "ar"), ("back", "/f/igf")])
        .await;
    assert_eq!(res.location(), "/f/igf");
    assert_eq!(client.cookies["plenary_lang"], "ar");
    let page = client.get("/f/igf").await;
    assert!(
        page.body.contains("<html lang=\"ar\" dir=\"rtl\">"),
        "{}",
        &page.body[..200]
    );
}

#[tokio::test]
async fn a_signed_in_choice_follows_the_account() {
    let test = TestApp::new().await;
    let mut client = test.signed_in("mag.member@igf.example.org").await;
    client
        .post_form("/language", &[("language", "fr"), ("back", "/account")])
        .await;
    // A new browser without the cookie still gets French once signed in.
    let mut other = test.signed_in("mag.member@igf.example.org").await;
    other.cookies.remove("plenary_lang");
    let page = other.get("/account").await;
    assert!(
        page.body.contains("<html lang=\"fr\" dir=\"ltr\">"),
        "{}",
        &page.body[..200]
    );
    assert!(
        test.audit_actions()
            .await
            .contains(&"account.set_language".to_owned())
    );
    // An unsupported language is refused, not silently ignored.
    let res = client
        .post_form("/language", &[("language", "tlh"), ("back", "/")])
        .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
}

#[tokio::test]
async fn every_page_renders_in_every_language() {
    let test = TestApp::new().await;
    let pages = [
        "/",
        "/countries",
        "/f/igf",
        "/f/igf/members",
        "/f/igf/people",
        "/f/igf/audit",
        "/account",
        "/sign-in",
        "/password-reset",
        "/password-reset/plr_unknown",
        "/nowhere",
    ];
    for lang in ["en", "fr", "es", "ar"] {
        let mut client = test.signed_in("secretariat@igf.example.org").await;
        client
            .post_form("/language", &[("language", lang), ("back", "/")])
            .await;
        for path in pages {
            let res = client.get(path).await;
            assert!(res.status.as_u16() < 500, "{lang} {path}: {}", res.status);
            if res.status.is_redirection() {
                continue;
            }
            assert!(
                res.body.contains(&format!("<html lang=\"{lang}\"")),
                "{lang} {path}"
            );
            // No message id leaked untranslated (ids look like `word-word`).
            for id in [
                "nav-sign-out",
                "home-title",
                "forum-kind-global",
                "col-name",
                "error-not-found",
            ] {
                assert!(
                    !res.body.contains(id),
                    "{lang} {path} shows the raw id {id}"
                );
            }
        }
    }
}
