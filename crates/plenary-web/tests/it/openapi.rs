//! The OpenAPI document is served and matches the committed snapshot, so every API
//! change shows up in review. Regenerate with `UPDATE_SNAPSHOTS=1 cargo test -p plenary-web openapi`.

use axum::http::{Method, StatusCode};

use crate::TestApp;

const SNAPSHOT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/snapshots/openapi.json");

#[tokio::test]
async fn openapi_document_matches_the_snapshot() {
    let served = plenary_web::openapi_json();
    if std::env::var("UPDATE_SNAPSHOTS").as_deref() == Ok("1") {
        std::fs::write(SNAPSHOT, &served).unwrap();
    }
    let committed = std::fs::read_to_string(SNAPSHOT).unwrap_or_default();
    assert!(
        committed == served,
        "the OpenAPI document changed; review it and run UPDATE_SNAPSHOTS=1 cargo test -p plenary-web openapi"
    );
    let test = TestApp::new().await;
    let res = test
        .api(Method::GET, "/api/v1/openapi.json", None, None)
        .await;
    assert_eq!(res.status, StatusCode::OK);
    let doc = res.json();
    assert_eq!(res.body, served);
    // Every API route of the table is documented.
    for route in plenary_web::routes::table() {
        if route.surface == plenary_web::routes::Surface::Api {
            let method = route.method.as_str().to_lowercase();
            assert!(
                doc["paths"][route.path][&method].is_object(),
                "{} {} is not in the OpenAPI document",
                route.method,
                route.path
            );
        }
    }
}
