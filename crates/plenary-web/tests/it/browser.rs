//! The browser test: headless Debian Chromium through chromedriver against a real
//! server on a loopback port. Sign in, switch to Arabic (the page turns right to
//! left), see the forum home, sign out. A screenshot is saved on failure.
//!
//! Needs /usr/bin/chromium and /usr/bin/chromedriver (or $CHROMIUM, $CHROMEDRIVER).
//! With PLENARY_REQUIRE_BROWSER=1 (as `scripts/test` sets) a missing browser fails
//! the test instead of skipping it.

use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use thirtyfour::ChromiumLikeCapabilities;
use thirtyfour::prelude::*;

use crate::{PASSWORD, TestApp};

/// Kills chromedriver when the test ends, however it ends.
struct Driver(Child);

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

fn tool(var: &str, default: &str) -> Option<PathBuf> {
    let path = PathBuf::from(std::env::var(var).unwrap_or_else(|_| default.to_owned()));
    path.exists().then_some(path)
}

/// A real server with the demo, chromedriver and a headless Chromium session.
struct Browser {
    driver: WebDriver,
    base: String,
    _chromedriver: Driver,
    _profile: tempfile::TempDir,
    _test: TestApp,
}

impl Browser {
    /// `None` (the test is skipped) when Chromium is not installed and not required.
    async fn start() -> Option<Browser> {
        let (Some(chromium), Some(chromedriver)) = (
            tool("CHROMIUM", "/usr/bin/chromium"),
            tool("CHROMEDRIVER", "/usr/bin/chromedriver"),
        ) else {
            assert!(
                std::env::var("PLENARY_REQUIRE_BROWSER").as_deref() != Ok("1"),
                "PLENARY_REQUIRE_BROWSER=1 but chromium or chromedriver is missing: apt-get install chromium chromium-driver"
            );
            eprintln!("skipping the browser test: chromium or chromedriver is not installed");
            return None;
        };
        let test = TestApp::new().await;
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let base = format!("http://{}", listener.local_addr().unwrap());
        let state = plenary_web::AppState::new(test.app.clone(), plenary_web::WebConfig::default());
        tokio::spawn(plenary_web::serve(listener, state, std::future::pending()));

        let port = free_port();
        let chromedriver = Driver(
            Command::new(&chromedriver)
                .arg(format!("--port={port}"))
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .spawn()
                .expect("start chromedriver"),
        );
        for _ in 0..100 {
            if std::net::TcpStream::connect(("127.0.0.1", port)).is_ok() {
                break;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        let profile = tempfile::tempdir().unwrap();
        let mut caps = DesiredCapabilities::chrome();
        caps.set_binary(chromium.to_str().unwrap()).unwrap();
        for arg in [
            "--headless=new",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-quic",
            "--no-first-run",
            "--window-size=1280,900",
            &format!("--user-data-dir={}", profile.path().display()),
        ] {
            caps.add_arg(arg).unwrap();
        }
        let driver = WebDriver::new(format!("http://127.0.0.1:{port}"), caps)
            .await
            .expect("start a Chromium session");
        Some(Browser {
            driver,
            base,
            _chromedriver: chromedriver,
            _profile: profile,
            _test: test,
        })
    }

    /// Ends the session; on failure saves a screenshot named after the journey first.
    async fn finish(self, name: &str, outcome: WebDriverResult<()>) {
        if outcome.is_err() {
            let shot =
                PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!("{name}-failure.png"));
            let _ = self.driver.screenshot(&shot).await;
            eprintln!("browser test failed; screenshot at {}", shot.display());
        }
        let _ = self.driver.clone().quit().await;
        outcome.expect(name);
    }
}

#[tokio::test]
async fn sign_in_switch_to_arabic_see_the_forum_and_sign_out() {
    let Some(browser) = Browser::start().await else {
        return;
    };
    let outcome = journey(&browser.driver, &browser.base).await;
    browser.finish("sign-in", outcome).await;
}

async fn journey(driver: &WebDriver, base: &str) -> WebDriverResult<()> {
    driver.goto(format!("{base}/")).await?;
    assert_eq!(
        driver.find(By::Tag("h1")).await?.text().await?,
        "Forums on this platform"
    );
    driver.find(By::Id("sign-in-link")).await?.click().await?;
    driver
        .query(By::Id("email"))
        .first()
        .await?
        .send_keys("secretariat@igf.example.org")
        .await?;
    driver
        .find(By::Id("password"))
        .await?
        .send_keys(PASSWORD)
        .await?;
    driver.find(By::Id("sign-in-submit")).await?.click().await?;
    let sign_out = driver.query(By::Id("sign-out")).first().await?;
    assert_eq!(sign_out.text().await?, "Sign out");

    driver
        .find(By::Css("#language-select option[value='ar']"))
        .await?
        .click()
        .await?;
    driver
        .find(By::Id("language-submit"))
        .await?
        .click()
        .await?;
    driver.query(By::Css("html[dir='rtl']")).first().await?;
    let html = driver.find(By::Tag("html")).await?;
    assert_eq!(html.attr("dir").await?.as_deref(), Some("rtl"));
    assert_eq!(html.attr("lang").await?.as_deref(), Some("ar"));

    driver.goto(format!("{base}/f/igf")).await?;
    let name = driver.query(By::Id("forum-name")).first().await?;
    assert_eq!(name.text().await?, "Internet Governance Forum (demo)");
    let roles = driver.find(By::Id("your-roles")).await?.text().await?;
    assert_eq!(
        roles,
        plenary_app::i18n::t(plenary_domain::Language::Ar, "role-secretariat")
    );

    driver.find(By::Id("sign-out")).await?.click().await?;
    driver.query(By::Id("sign-in-link")).first().await?;
    assert!(driver.find_all(By::Id("sign-out")).await?.is_empty());
    Ok(())
}
