//! Scale-out proof: two `plenary serve` processes on one PostgreSQL database. A session
//! created through one is valid on the other, and data written through one is read
//! through the other. Needs PLENARY_TEST_POSTGRES_URL (CI always sets it).

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::sync::Arc;

use reqwest::StatusCode;
use reqwest::cookie::{CookieStore, Jar};

/// A running `plenary serve`, killed when dropped.
struct Replica {
    child: Child,
    base: String,
}

impl Drop for Replica {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn start_replica(database_url: &str, dir: &std::path::Path) -> Replica {
    let mut child = Command::new(env!("CARGO_BIN_EXE_plenary"))
        .current_dir(dir)
        .args([
            "serve",
            "--listen",
            "127.0.0.1:0",
            "--no-worker",
            "--database-url",
            database_url,
        ])
        .env("RUST_BACKTRACE", "0")
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let stdout = child.stdout.take().unwrap();
    let mut line = String::new();
    BufReader::new(stdout).read_line(&mut line).unwrap();
    let prefix = "Plenary is serving ";
    assert!(line.starts_with(prefix), "unexpected first line: {line:?}");
    let base = line[prefix.len()..]
        .split('/')
        .take(3)
        .collect::<Vec<_>>()
        .join("/");
    Replica { child, base }
}

fn form(fields: &[(&str, &str)]) -> String {
    serde_urlencoded::to_string(fields).unwrap()
}

fn csrf(jar: &Jar, base: &str) -> String {
    let header = jar.cookies(&base.parse().unwrap()).unwrap();
    header
        .to_str()
        .unwrap()
        .split("; ")
        .find_map(|pair| pair.strip_prefix("plenary_csrf="))
        .unwrap()
        .to_owned()
}

#[tokio::test]
async fn two_replicas_share_sessions_and_data() {
    let Some(test_db) = plenary_testkit::TestDb::postgres_if_configured().await else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let demo = crate::plenary(dir.path(), &["--database-url", &test_db.url, "demo"]);
    assert!(demo.status.success(), "{}", crate::stderr(&demo));
    let a = start_replica(&test_db.url, dir.path());
    let b = start_replica(&test_db.url, dir.path());
    assert_ne!(a.base, b.base);

    // Cookies are not port-specific, so one jar serves both replicas like one browser.
    let jar = Arc::new(Jar::default());
    let client = reqwest::Client::builder()
        .cookie_provider(jar.clone())
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let post = |url: String, body: String| {
        client
            .post(url)
            .header(
                reqwest::header::CONTENT_TYPE,
                "application/x-www-form-urlencoded",
            )
            .body(body)
            .send()
    };

    assert_eq!(
        client
            .get(format!("{}/sign-in", a.base))
            .send()
            .await
            .unwrap()
            .status(),
        StatusCode::OK
    );
    let token = csrf(&jar, &a.base);
    let signed_in = post(
        format!("{}/sign-in", a.base),
        form(&[
            ("csrf", &token),
            ("email", "secretariat@igf.example.org"),
            ("password", "plenary-demo-2026"),
            ("next", "/account"),
        ]),
    )
    .await
    .unwrap();
    assert_eq!(signed_in.status(), StatusCode::SEE_OTHER);

    // The session made on A is valid on B.
    let account = client
        .get(format!("{}/account", b.base))
        .send()
        .await
        .unwrap();
    assert_eq!(account.status(), StatusCode::OK);
    assert!(
        account
            .text()
            .await
            .unwrap()
            .contains("secretariat@igf.example.org")
    );

    // Data written through A is read through B.
    let token = csrf(&jar, &a.base);
    let granted = post(
        format!("{}/f/igf/people", a.base),
        form(&[
            ("csrf", &token),
            ("email", "participant@igf.example.org"),
            ("role", "body_member"),
        ]),
    )
    .await
    .unwrap();
    assert_eq!(
        granted.headers()["location"],
        "/f/igf/people?notice=role-granted"
    );
    let people = client
        .get(format!("{}/f/igf/people", b.base))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        people.contains("participant@igf.example.org</td><td>Body member</td>"),
        "{people}"
    );

    // Signing out through B ends the session on A too.
    let token = csrf(&jar, &b.base);
    let out = post(format!("{}/sign-out", b.base), form(&[("csrf", &token)]))
        .await
        .unwrap();
    assert_eq!(out.status(), StatusCode::SEE_OTHER);
    let after = client
        .get(format!("{}/account", a.base))
        .send()
        .await
        .unwrap();
    assert_eq!(after.status(), StatusCode::SEE_OTHER);
}
