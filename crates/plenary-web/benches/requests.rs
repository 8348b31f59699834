//! Request benchmark: latency and throughput of the main pages, API calls and writes,
//! in-process (no network), on SQLite and — when PLENARY_TEST_POSTGRES_URL is set — on
//! PostgreSQL. Prints a table; it asserts nothing (timings are never test assertions).
//!
//! Run: `cargo bench -p plenary-web --bench requests` (release build), optionally with
//! `PLENARY_TEST_POSTGRES_URL=postgres://…` and `BENCH_ITERATIONS=N`.

use std::sync::Arc;
use std::time::{Duration, Instant};

use axum::Router;
use axum::body::Body;
use axum::http::{Method, Request, StatusCode, header};
use http_body_util::BodyExt;
use plenary_app::{App, Mailer, Settings, SystemClock};
use plenary_testkit::TestDb;
use plenary_web::{AppState, WebConfig};
use tower::ServiceExt;

#[derive(Debug)]
struct Scenario {
    name: &'static str,
    method: Method,
    path: String,
    body: Option<String>,
    cookie: Option<String>,
    token: Option<String>,
    expect: StatusCode,
}

async fn send(router: &Router, s: &Scenario) -> (StatusCode, axum::http::HeaderMap, String) {
    let mut builder = Request::builder().method(s.method.clone()).uri(&s.path);
    if let Some(cookie) = &s.cookie {
        builder = builder.header(header::COOKIE, cookie);
    }
    if let Some(token) = &s.token {
        builder = builder.header(header::AUTHORIZATION, format!("Bearer {token}"));
    }
    let request = match &s.body {
        Some(body) if s.token.is_some() => builder
            .header(header::CONTENT_TYPE, "application/json")
            .body(Body::from(body.clone())),
        Some(body) => builder
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .body(Body::from(body.clone())),
        None => builder.body(Body::empty()),
    }
    .expect("request");
    let response = router.clone().oneshot(request).await.expect("response");
    let status = response.status();
    let headers = response.headers().clone();
    let bytes = response
        .into_body()
        .collect()
        .await
        .expect("body")
        .to_bytes();
    (
        status,
        headers,
        String::from_utf8_lossy(&bytes).into_owned(),
    )
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let idx = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[idx.min(sorted.len() - 1)]
}

fn ms(d: Duration) -> String {
    format!("{:.2}", d.as_secs_f64() * 1000.0)
}

/// Signs in through the page and returns the Cookie header for later requests.
async fn sign_in(router: &Router, email: &str) -> String {
    let csrf = "benchmark-csrf-token-0123456789";
    let form = Scenario {
        name: "",
        method: Method::POST,
        path: "/sign-in".into(),
        body: Some(format!(
            "csrf={csrf}&email={email}&password=plenary-demo-2026&next=%2F"
        )),
        cookie: Some(format!("plenary_csrf={csrf}")),
        token: None,
        expect: StatusCode::SEE_OTHER,
    };
    let (status, headers, body) = send(router, &form).await;
    assert_eq!(status, StatusCode::SEE_OTHER, "{body}");
    let session = headers
        .get_all(header::SET_COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find_map(|v| v.strip_prefix("plenary_session="))
        .and_then(|v| v.split(';').next())
        .expect("session cookie")
        .to_owned();
    format!("plenary_csrf={csrf}; plenary_session={session}")
}

async fn api_token(router: &Router, cookie: &str) -> String {
    let csrf = "benchmark-csrf-token-0123456789";
    let form = Scenario {
        name: "",
        method: Method::POST,
        path: "/account/tokens".into(),
        body: Some(format!("csrf={csrf}&name=bench")),
        cookie: Some(cookie.to_owned()),
        token: None,
        expect: StatusCode::OK,
    };
    let (_, _, body) = send(router, &form).await;
    let start = body.find("id=\"new-token\">").expect("token") + "id=\"new-token\">".len();
    body[start..start + body[start..].find('<').expect("end")].to_owned()
}

async fn run_backend(label: &str, test_db: TestDb, iterations: usize) {
    let app = App::new(
        test_db.db.clone(),
        Arc::new(SystemClock),
        Mailer::from_url(
            &format!(
                "file://{}",
                std::env::temp_dir().join("plenary-bench-mail").display()
            ),
            "b@plenary.test",
        )
        .expect("mailer"),
        Settings {
            public_url: "http://bench".into(),
            mail_from: "b@plenary.test".into(),
        },
    );
    plenary_app::demo::load_demo(&app, &|_| {})
        .await
        .expect("demo");
    let router = plenary_web::router(AppState::new(app, WebConfig::default()));
    let cookie = sign_in(&router, "secretariat@igf.example.org").await;
    let token = api_token(&router, &cookie).await;

    let scenarios = [
        Scenario {
            name: "GET / (anonymous)",
            method: Method::GET,
            path: "/".into(),
            body: None,
            cookie: None,
            token: None,
            expect: StatusCode::OK,
        },
        Scenario {
            name: "GET /f/igf (signed in)",
            method: Method::GET,
            path: "/f/igf".into(),
            body: None,
            cookie: Some(cookie.clone()),
            token: None,
            expect: StatusCode::OK,
        },
        Scenario {
            name: "GET /countries (201 rows)",
            method: Method::GET,
            path: "/countries".into(),
            body: None,
            cookie: None,
            token: None,
            expect: StatusCode::OK,
        },
        Scenario {
            name: "GET /api/v1/forums",
            method: Method::GET,
            path: "/api/v1/forums".into(),
            body: None,
            cookie: None,
            token: None,
            expect: StatusCode::OK,
        },
        Scenario {
            name: "GET /api/v1/me (token)",
            method: Method::GET,
            path: "/api/v1/me".into(),
            body: None,
            cookie: None,
            token: Some(token.clone()),
            expect: StatusCode::OK,
        },
        Scenario {
            name: "GET /api/v1/forums/igf/audit",
            method: Method::GET,
            path: "/api/v1/forums/igf/audit?limit=50".into(),
            body: None,
            cookie: None,
            token: Some(token.clone()),
            expect: StatusCode::OK,
        },
    ];

    println!("\n{label}: {iterations} sequential requests per row, in-process");
    println!(
        "{:<38} {:>9} {:>9} {:>9} {:>10}",
        "scenario", "p50 ms", "p95 ms", "max ms", "req/s"
    );
    for scenario in scenarios {
        let mut times = Vec::with_capacity(iterations);
        let started = Instant::now();
        for _ in 0..iterations {
            let t0 = Instant::now();
            let (status, _, body) = send(&router, &scenario).await;
            times.push(t0.elapsed());
            assert_eq!(status, scenario.expect, "{}: {body}", scenario.name);
        }
        let total = started.elapsed();
        times.sort();
        println!(
            "{:<38} {:>9} {:>9} {:>9} {:>10.0}",
            scenario.name,
            ms(percentile(&times, 0.5)),
            ms(percentile(&times, 0.95)),
            ms(*times.last().expect("times")),
            iterations as f64 / total.as_secs_f64()
        );
    }

    // Concurrency: 8 clients reading the forum page at once.
    let clients = 8;
    let per_client = iterations;
    let started = Instant::now();
    let mut handles = Vec::new();
    for _ in 0..clients {
        let router = router.clone();
        let cookie = cookie.clone();
        handles.push(tokio::spawn(async move {
            let s = Scenario {
                name: "",
                method: Method::GET,
                path: "/f/igf".into(),
                body: None,
                cookie: Some(cookie),
                token: None,
                expect: StatusCode::OK,
            };
            for _ in 0..per_client {
                let (status, _, _) = send(&router, &s).await;
                assert_eq!(status, StatusCode::OK);
            }
        }));
    }
    for handle in handles {
        handle.await.expect("client");
    }
    let total = started.elapsed();
    println!(
        "{:<38} {:>9} {:>9} {:>9} {:>10.0}",
        format!("GET /f/igf, {clients} concurrent clients"),
        "",
        "",
        "",
        (clients * per_client) as f64 / total.as_secs_f64()
    );

    // Writes last, so the reads above see the demo data unchanged: each request adds a
    // stakeholder group and its audit event in one transaction.
    let mut times = Vec::with_capacity(iterations);
    let started = Instant::now();
    for i in 0..iterations {
        let write = Scenario {
            name: "POST stakeholder group (write+audit)",
            method: Method::POST,
            path: "/api/v1/forums/igf/stakeholder_groups".into(),
            body: Some(format!(r#"{{"code": "bench_{i}", "name": "Bench {i}"}}"#)),
            cookie: None,
            token: Some(token.clone()),
            expect: StatusCode::CREATED,
        };
        let t0 = Instant::now();
        let (status, _, body) = send(&router, &write).await;
        times.push(t0.elapsed());
        assert_eq!(status, write.expect, "{}: {body}", write.name);
    }
    let total = started.elapsed();
    times.sort();
    println!(
        "{:<38} {:>9} {:>9} {:>9} {:>10.0}",
        "POST stakeholder group (write+audit)",
        ms(percentile(&times, 0.5)),
        ms(percentile(&times, 0.95)),
        ms(*times.last().expect("times")),
        iterations as f64 / total.as_secs_f64()
    );

    // Sign-in is deliberately slow (argon2id): measure a few.
    let mut times = Vec::new();
    for _ in 0..10 {
        let t0 = Instant::now();
        sign_in(&router, "chair@igf.example.org").await;
        times.push(t0.elapsed());
    }
    times.sort();
    println!(
        "{:<38} {:>9} {:>9} {:>9} {:>10}",
        "POST /sign-in (argon2id)",
        ms(percentile(&times, 0.5)),
        ms(percentile(&times, 0.95)),
        ms(times[9]),
        ""
    );
}

fn main() {
    let iterations: usize = std::env::var("BENCH_ITERATIONS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(500);
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("runtime");
    runtime.block_on(async {
        run_backend(
            "SQLite (WAL, temp file)",
            TestDb::sqlite().await,
            iterations,
        )
        .await;
        if let Some(pg) = TestDb::postgres_if_configured().await {
            run_backend("PostgreSQL", pg, iterations).await;
        }
    });
}
