//! HTTP tests of pages and the JSON API, in-process (`Router::oneshot`), each on a
//! fresh database with the demo forum loaded (`DemoSize::Small`: the full forums and bodies,
//! smaller generated calls): SQLite by default, PostgreSQL when
//! PLENARY_TEST_BACKEND=postgres. Mail goes to a real SMTP sink.
//! The browser test (`browser.rs`) serves the same router on a real port.

#![expect(
    clippy::unwrap_used,
    reason = "a test fails loudly on the first unexpected error"
)]

mod api;
mod auth;
mod browser;
mod constitution;
mod cycles;
mod i18n;
mod nominations;
mod openapi;
mod pages;
mod proposals;
mod review;
mod routes;
mod seats;
mod selection;
mod slates;

use std::collections::BTreeMap;
use std::sync::Arc;

use axum::Router;
use axum::body::Body;
use axum::http::{Method, Request, StatusCode, header};
use http_body_util::BodyExt;
use plenary_app::{App, Mailer, ManualClock, Settings};
use plenary_domain::Timestamp;
use plenary_testkit::{SmtpSink, TestDb};
use plenary_web::{AppState, WebConfig};
use tower::ServiceExt;

pub const PASSWORD: &str = plenary_app::demo::DEMO_PASSWORD;

/// A fresh application with the demo data, a manual clock and an SMTP sink.
#[expect(missing_debug_implementations, reason = "test harness")]
pub struct TestApp {
    pub app: App,
    pub router: Router,
    pub clock: Arc<ManualClock>,
    pub sink: SmtpSink,
    pub test_db: TestDb,
}

impl TestApp {
    pub async fn new() -> TestApp {
        TestApp::with_config(WebConfig::default()).await
    }

    pub async fn with_config(config: WebConfig) -> TestApp {
        let test_db = TestDb::from_env().await;
        let sink = SmtpSink::start().await;
        let clock = Arc::new(ManualClock::new(
            "2026-11-22T10:00:00Z".parse::<Timestamp>().unwrap(),
        ));
        let mailer = Mailer::from_url(&sink.url(), "Plenary <no-reply@plenary.test>").unwrap();
        let app = App::new(
            test_db.db.clone(),
            clock.clone(),
            mailer,
            Settings {
                public_url: "http://plenary.test".into(),
                mail_from: "Plenary <no-reply@plenary.test>".into(),
            },
        );
        plenary_app::demo::load_demo_sized(&app, &|_| {}, plenary_app::demo::DemoSize::Small)
            .await
            .unwrap();
        let router = plenary_web::router(AppState::new(app.clone(), config));
        TestApp {
            app,
            router,
            clock,
            sink,
            test_db,
        }
    }

    /// A browser-like client with its own cookie jar.
    pub fn client(&self) -> Client<'_> {
        Client {
            test: self,
            cookies: BTreeMap::new(),
            accept_language: None,
        }
    }

    /// A client signed in as `email` (demo password).
    pub async fn signed_in(&self, email: &str) -> Client<'_> {
        let mut client = self.client();
        let res = client.sign_in(email, PASSWORD).await;
        assert_eq!(
            res.status,
            StatusCode::SEE_OTHER,
            "sign-in of {email}: {}",
            res.body
        );
        client
    }

    /// An API token for `email`, created through the account page.
    pub async fn api_token(&self, email: &str) -> String {
        let mut client = self.signed_in(email).await;
        let res = client
            .post_form("/account/tokens", &[("name", "tests")])
            .await;
        assert_eq!(res.status, StatusCode::OK, "{}", res.body);
        let start =
            res.body.find("id=\"new-token\">").expect("token shown") + "id=\"new-token\">".len();
        let end = start + res.body[start..].find('<').unwrap();
        res.body[start..end].to_owned()
    }

    pub async fn send(&self, request: Request<Body>) -> TestResponse {
        let response = self.router.clone().oneshot(request).await.unwrap();
        let status = response.status();
        let headers = response.headers().clone();
        let bytes = response.into_body().collect().await.unwrap().to_bytes();
        TestResponse {
            status,
            headers,
            body: String::from_utf8_lossy(&bytes).into_owned(),
        }
    }

    /// A JSON API request with an optional bearer token.
    pub async fn api(
        &self,
        method: Method,
        path: &str,
        token: Option<&str>,
        body: Option<&str>,
    ) -> TestResponse {
        let mut builder = Request::builder().method(method).uri(path);
        if let Some(token) = token {
            builder = builder.header(header::AUTHORIZATION, format!("Bearer {token}"));
        }
        let request = match body {
            Some(body) => builder
                .header(header::CONTENT_TYPE, "application/json")
                .body(Body::from(body.to_owned()))
                .unwrap(),
            None => builder.body(Body::empty()).unwrap(),
        };
        self.send(request).await
    }

    /// Runs due background jobs (e-mail) now.
    pub async fn run_jobs(&self) -> plenary_app::jobs::WorkerReport {
        plenary_app::jobs::run_due_jobs(&self.app, 100)
            .await
            .unwrap()
    }

    /// The audit actions recorded, newest first.
    pub async fn audit_actions(&self) -> Vec<String> {
        plenary_app::audit::list_all(&self.app, &plenary_app::audit::AuditFilter::default(), 1000)
            .await
            .unwrap()
            .into_iter()
            .map(|e| e.action)
            .collect()
    }
}

/// A response, read whole.
#[derive(Debug)]
pub struct TestResponse {
    pub status: StatusCode,
    pub headers: axum::http::HeaderMap,
    pub body: String,
}

impl TestResponse {
    pub fn location(&self) -> &str {
        self.headers
            .get(header::LOCATION)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
    }

    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.body).unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.body))
    }
}

/// Sends cookies like a browser and keeps the ones it is given.
#[expect(missing_debug_implementations, reason = "test harness")]
pub struct Client<'a> {
    pub test: &'a TestApp,
    pub cookies: BTreeMap<String, String>,
    pub accept_language: Option<String>,
}

impl Client<'_> {
    fn absorb(&mut self, res: &TestResponse) {
        for value in res.headers.get_all(header::SET_COOKIE) {
            let text = value.to_str().unwrap();
            let pair = text.split(';').next().unwrap();
            let (name, value) = pair.split_once('=').unwrap();
            if value.is_empty() || text.contains("Max-Age=0") {
                self.cookies.remove(name);
            } else {
                self.cookies.insert(name.to_owned(), value.to_owned());
            }
        }
    }

    fn builder(&self, method: Method, path: &str) -> axum::http::request::Builder {
        let mut builder = Request::builder().method(method).uri(path);
        if !self.cookies.is_empty() {
            let header_value: Vec<String> = self
                .cookies
                .iter()
                .map(|(k, v)| format!("{k}={v}"))
                .collect();
            builder = builder.header(header::COOKIE, header_value.join("; "));
        }
        if let Some(lang) = &self.accept_language {
            builder = builder.header(header::ACCEPT_LANGUAGE, lang);
        }
        builder
    }

    pub async fn get(&mut self, path: &str) -> TestResponse {
        let request = self.builder(Method::GET, path).body(Body::empty()).unwrap();
        let res = self.test.send(request).await;
        self.absorb(&res);
        res
    }

    /// Makes sure the client holds a CSRF cookie (as a browser would after any page).
    pub async fn ensure_csrf(&mut self) -> String {
        if !self.cookies.contains_key("plenary_csrf") {
            self.get("/healthz").await;
            self.get("/sign-in").await;
        }
        self.cookies["plenary_csrf"].clone()
    }

    /// POSTs a form with the right CSRF token added.
    pub async fn post_form(&mut self, path: &str, fields: &[(&str, &str)]) -> TestResponse {
        let csrf = self.ensure_csrf().await;
        let mut all: Vec<(&str, &str)> = vec![("csrf", csrf.as_str())];
        all.extend_from_slice(fields);
        self.post_raw(path, &all).await
    }

    /// POSTs exactly these fields (no CSRF token added).
    pub async fn post_raw(&mut self, path: &str, fields: &[(&str, &str)]) -> TestResponse {
        let body = serde_urlencoded::to_string(fields).unwrap();
        let request = self
            .builder(Method::POST, path)
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .body(Body::from(body))
            .unwrap();
        let res = self.test.send(request).await;
        self.absorb(&res);
        res
    }

    pub async fn sign_in(&mut self, email: &str, password: &str) -> TestResponse {
        self.post_form(
            "/sign-in",
            &[("email", email), ("password", password), ("next", "/")],
        )
        .await
    }
}
