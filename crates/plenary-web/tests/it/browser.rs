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
    click(driver, By::Id("sign-in-link")).await?;
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
    click(driver, By::Id("sign-in-submit")).await?;
    let sign_out = driver.query(By::Id("sign-out")).first().await?;
    assert_eq!(sign_out.text().await?, "Sign out");

    click(driver, By::Css("#language-select option[value='ar']")).await?;
    click(driver, By::Id("language-submit")).await?;
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

    click(driver, By::Id("sign-out")).await?;
    driver.query(By::Id("sign-in-link")).first().await?;
    assert!(driver.find_all(By::Id("sign-out")).await?.is_empty());
    Ok(())
}

#[tokio::test]
async fn the_secretariat_opens_a_call_a_nominee_submits_and_a_slate_is_explained() {
    let Some(browser) = Browser::start().await else {
        return;
    };
    let outcome = nomination_journey(&browser.driver, &browser.base).await;
    browser.finish("nominations", outcome).await;
}

/// Clicks the element `by` finds.
async fn click(driver: &WebDriver, by: By) -> WebDriverResult<()> {
    driver.find(by).await?.click().await
}

/// Sets a form control's value the way a person picking it would (date inputs take typed
/// dates in the browser's locale, so they are set directly).
async fn set_value(driver: &WebDriver, id: &str, value: &str) -> WebDriverResult<()> {
    driver
        .execute(
            "document.getElementById(arguments[0]).value = arguments[1];",
            vec![serde_json::json!(id), serde_json::json!(value)],
        )
        .await?;
    Ok(())
}

async fn sign_in(driver: &WebDriver, base: &str, email: &str) -> WebDriverResult<()> {
    driver.goto(format!("{base}/sign-in")).await?;
    driver.find(By::Id("email")).await?.send_keys(email).await?;
    driver
        .find(By::Id("password"))
        .await?
        .send_keys(PASSWORD)
        .await?;
    click(driver, By::Id("sign-in-submit")).await?;
    driver.query(By::Id("sign-out")).first().await?;
    Ok(())
}

async fn nomination_journey(driver: &WebDriver, base: &str) -> WebDriverResult<()> {
    // The secretariat opens the MAG's call for 2028 from the body's page.
    sign_in(driver, base, "secretariat@igf.example.org").await?;
    driver.goto(format!("{base}/f/igf/bodies/mag")).await?;
    click(driver, By::Id("calls-link")).await?;
    driver
        .find(By::Id("cycle_year"))
        .await?
        .send_keys("2028")
        .await?;
    driver
        .find(By::Id("title"))
        .await?
        .send_keys("MAG 2028: call for nominations")
        .await?;
    set_value(driver, "opens_at", "2026-11-01").await?;
    set_value(driver, "closes_at", "2027-01-31").await?;
    click(
        driver,
        By::Css("form[action$='/calls'] button[type='submit']"),
    )
    .await?;
    // The new page announces the call; only then is the table the new one.
    driver.query(By::Css("p.notice")).first().await?;
    let calls = driver.find(By::Id("calls")).await?.text().await?;
    assert!(calls.contains("MAG 2028: call for nominations"), "{calls}");
    click(driver, By::Id("sign-out")).await?;
    driver.query(By::Id("sign-in-link")).first().await?;

    // A nominee, not signed in, nominates themself to that call.
    driver.goto(format!("{base}/f/igf/bodies/mag")).await?;
    click(driver, By::Id("nominate-link")).await?;
    click(driver, By::Css("#cycle option[value='2028']")).await?;
    click(driver, By::Css("input[name='self_nomination']")).await?;
    for (id, value) in [
        ("candidate_name", "Nomvula Dlamini"),
        ("candidate_email", "nomvula@example.org"),
        ("gender", "woman"),
        ("organisation", "Eswatini Internet Society"),
        (
            "statement",
            "Ten years of community networks in Southern Africa.",
        ),
        ("nominator_name", "Nomvula Dlamini"),
        ("nominator_email", "nomvula@example.org"),
    ] {
        driver.find(By::Id(id)).await?.send_keys(value).await?;
    }
    click(
        driver,
        By::Css("#stakeholder_group option[value='civil_society']"),
    )
    .await?;
    click(driver, By::Css("#country option[value='SZ']")).await?;
    click(driver, By::Css("#nominate-form button[type='submit']")).await?;
    driver.query(By::Css("p.notice")).first().await?;

    // The secretariat finds it on the review list, scores it, and runs a slate from the call.
    sign_in(driver, base, "secretariat@igf.example.org").await?;
    driver
        .goto(format!("{base}/f/igf/bodies/mag/calls/2028"))
        .await?;
    let article = driver.query(By::Css("article.nomination")).first().await?;
    assert!(article.text().await?.contains("Nomvula Dlamini"));
    article
        .find(By::Css("select[name='status'] option[value='eligible']"))
        .await?
        .click()
        .await?;
    article
        .find(By::Css("input[name='score']"))
        .await?
        .send_keys("90")
        .await?;
    article
        .find(By::Css("button[type='submit']"))
        .await?
        .click()
        .await?;
    driver.query(By::Css("p.notice")).first().await?;
    click(driver, By::Id("run-slate-from-call")).await?;
    // One nominee cannot fill a MAG whose members all end their terms in 2027: the run
    // says why and what would have to give.
    let outcome = driver.query(By::Id("run-outcome")).first().await?;
    assert_eq!(outcome.text().await?, "No slate meets the rules");
    let reasons = driver.find(By::Id("reasons")).await?.text().await?;
    assert!(reasons.contains("55"), "{reasons}");
    assert!(!driver.find_all(By::Id("relaxations")).await?.is_empty());

    // The 2027 call, with the demo's nominations, gives a proven-optimal, explained slate.
    driver
        .goto(format!("{base}/f/igf/bodies/mag/calls/2027"))
        .await?;
    click(driver, By::Id("run-slate-from-call")).await?;
    let outcome = driver.query(By::Id("run-outcome")).first().await?;
    assert_eq!(outcome.text().await?, "Slate proposed");
    driver.find(By::Id("optimal")).await?;
    assert!(
        !driver
            .find_all(By::Css("#chosen tbody tr"))
            .await?
            .is_empty()
    );
    let why = driver.find(By::Id("explanation")).await?.text().await?;
    assert!(!why.is_empty());
    assert_eq!(
        driver.find(By::Id("proposal-notice")).await?.text().await?,
        "This is a proposal; the appointing authority decides."
    );
    Ok(())
}

// Session proposals (issue 4): a proposer is screened out with the reason and fixes it.

#[tokio::test]
async fn a_proposer_submits_a_workshop_is_screened_out_fixes_it_and_passes() {
    let Some(browser) = Browser::start().await else {
        return;
    };
    crate::proposals::open_cycle(&browser._test.app, crate::proposals::YEAR).await;
    let outcome = proposal_journey(&browser.driver, &browser.base).await;
    browser.finish("proposals", outcome).await;
}

/// Fills row `i` of the form's people table.
async fn fill_person(
    driver: &WebDriver,
    i: usize,
    (role, name, gender, onsite, confirmation): (&str, &str, &str, bool, &str),
) -> WebDriverResult<()> {
    click(
        driver,
        By::Css(format!("#p{i}_role option[value='{role}']")),
    )
    .await?;
    driver
        .find(By::Id(format!("p{i}_name")))
        .await?
        .send_keys(name)
        .await?;
    driver
        .find(By::Id(format!("p{i}_gender")))
        .await?
        .send_keys(gender)
        .await?;
    click(
        driver,
        By::Css(format!(
            "#p{i}_stakeholder_group option[value='civil_society']"
        )),
    )
    .await?;
    click(driver, By::Css(format!("#p{i}_country option[value='KE']"))).await?;
    if onsite {
        click(driver, By::Id(format!("p{i}_onsite"))).await?;
    }
    click(
        driver,
        By::Css(format!("#p{i}_confirmation option[value='{confirmation}']")),
    )
    .await
}

async fn proposal_journey(driver: &WebDriver, base: &str) -> WebDriverResult<()> {
    let cycle = format!("{base}/f/igf/cycles/{}", crate::proposals::YEAR);
    sign_in(driver, base, "participant@igf.example.org").await?;
    driver.goto(format!("{cycle}/proposals")).await?;
    click(driver, By::Id("new-workshop")).await?;
    driver.query(By::Id("proposal-form")).first().await?;
    for (id, value) in [
        ("title", "Community data, community rules"),
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
        ("submitter_organisation", "Proposers' Collective"),
    ] {
        driver.find(By::Id(id)).await?.send_keys(value).await?;
    }
    click(
        driver,
        By::Css("#issue_area option[value='data_governance']"),
    )
    .await?;
    click(driver, By::Css("#format option[value='Round table']")).await?;
    click(driver, By::Css("#duration_min option[value='90']")).await?;
    click(
        driver,
        By::Css("#submitter_stakeholder_group option[value='civil_society']"),
    )
    .await?;
    click(
        driver,
        By::Css("#submitter_country_iso2 option[value='KE']"),
    )
    .await?;
    // Only two provisionally confirmed speakers, both women.
    let people = [
        ("organiser", "Amina Diallo", "woman", true, "confirmed"),
        ("moderator", "Kenji Sato", "man", true, "confirmed"),
        (
            "online_moderator",
            "Lucia Fernández",
            "woman",
            false,
            "confirmed",
        ),
        ("rapporteur", "Olga Petrova", "woman", false, "confirmed"),
        ("speaker", "Grace Wanjiru", "woman", true, "provisional"),
        ("speaker", "Fatima Zahra", "woman", true, "provisional"),
    ];
    for (i, person) in people.into_iter().enumerate() {
        fill_person(driver, i + 1, person).await?;
    }
    click(driver, By::Id("save-submit")).await?;

    // The proposal's page, once it has loaded: screened out, with the reasons.
    driver.query(By::Css("p.notice")).first().await?;
    let status = driver.find(By::Id("screening-status")).await?;
    assert_eq!(
        status.attr("data-screening").await?.as_deref(),
        Some("fail")
    );
    let reasons = driver
        .find(By::Id("screening-reasons"))
        .await?
        .text()
        .await?;
    assert!(reasons.contains("at least 3"), "{reasons}");
    assert!(reasons.contains("different gender"), "{reasons}");

    // Before the deadline, the proposer adds a third, confirmed speaker of another gender.
    click(driver, By::Id("edit-link")).await?;
    driver.query(By::Id("proposal-form")).first().await?;
    fill_person(
        driver,
        7,
        ("speaker", "Rahul Mehta", "man", true, "confirmed"),
    )
    .await?;
    click(driver, By::Id("save-changes")).await?;
    driver.query(By::Css("p.notice")).first().await?;
    let status = driver.find(By::Id("screening-status")).await?;
    assert_eq!(
        status.attr("data-screening").await?.as_deref(),
        Some("pass")
    );
    assert!(
        driver
            .find_all(By::Id("screening-reasons"))
            .await?
            .is_empty()
    );
    Ok(())
}

// Review (issue 5): a reviewer declares a conflict, the proposal leaves their queue, they
// score two others; the secretariat sees the progress and the synthesis.

#[tokio::test]
async fn a_reviewer_declares_a_conflict_scores_two_and_the_secretariat_sees_the_synthesis() {
    let Some(browser) = Browser::start().await else {
        return;
    };
    crate::review::open_evaluation(&browser._test).await;
    crate::review::three_reviewers(&browser._test).await;
    let outcome = review_journey(&browser.driver, &browser.base).await;
    browser.finish("review", outcome).await;
}

/// The proposal numbers in the reviewer's queue, in page order.
async fn queue_items(driver: &WebDriver) -> WebDriverResult<Vec<String>> {
    let mut numbers = Vec::new();
    for item in driver.find_all(By::Css("[id^='item-']")).await? {
        if let Some(id) = item.id().await? {
            numbers.push(id.trim_start_matches("item-").to_owned());
        }
    }
    Ok(numbers)
}

async fn review_journey(driver: &WebDriver, base: &str) -> WebDriverResult<()> {
    let cycle = format!("{base}/f/igf/cycles/2026");
    sign_in(driver, base, crate::review::REVIEWER).await?;
    driver.goto(format!("{cycle}/review")).await?;
    let before = queue_items(driver).await?;
    assert!(before.len() >= 3, "{before:?}");

    // The first proposal is from the reviewer's employer: declared, it leaves the queue.
    let conflicted = &before[0];
    driver.goto(format!("{cycle}/review/{conflicted}")).await?;
    driver.find(By::Id("anonymised")).await?;
    click(
        driver,
        By::Css("#conflict-reason option[value='own_employer']"),
    )
    .await?;
    driver
        .find(By::Id("conflict-detail"))
        .await?
        .send_keys("My employer co-organises this session.")
        .await?;
    click(driver, By::Id("declare-conflict")).await?;
    driver.query(By::Id("queue")).first().await?;
    let after = queue_items(driver).await?;
    assert!(!after.contains(conflicted), "{after:?}");
    assert_eq!(after.len(), before.len() - 1);
    let conflicts = driver.find(By::Id("conflicts")).await?.text().await?;
    assert!(conflicts.contains(conflicted.as_str()), "{conflicts}");

    // Two others are scored and submitted: a 4 everywhere and a 2 everywhere with a reason.
    for (number, score) in [(&after[0], "4"), (&after[1], "2")] {
        driver.goto(format!("{cycle}/review/{number}")).await?;
        driver.find(By::Id("review-form")).await?;
        for radio in driver
            .find_all(By::Css(format!(
                "#review-form input[type='radio'][value='{score}']"
            )))
            .await?
        {
            radio.click().await?;
        }
        if score == "2" {
            let reason = driver
                .query(By::Css("#reasons input[type='checkbox']"))
                .first()
                .await?;
            reason.click().await?;
        }
        driver
            .find(By::Id("comment"))
            .await?
            .send_keys("Scored in the browser test.")
            .await?;
        click(driver, By::Id("submit-review")).await?;
        let state = driver.query(By::Id("review-state")).first().await?;
        assert!(
            state.text().await?.to_lowercase().contains("submitted"),
            "{}",
            state.text().await?
        );
    }
    driver.goto(format!("{cycle}/review")).await?;
    let progress = driver
        .find(By::Id("queue-progress-text"))
        .await?
        .text()
        .await?;
    assert!(progress.contains('2'), "{progress}");

    // The secretariat sees the reviewer's progress and the two scored proposals ranked.
    click(driver, By::Id("sign-out")).await?;
    driver.query(By::Id("email")).first().await.ok();
    sign_in(driver, base, crate::review::SECRETARIAT).await?;
    driver.goto(format!("{cycle}/evaluation")).await?;
    let pool = driver.find(By::Id("pool")).await?.text().await?;
    assert!(pool.contains("Kwame Mensah"), "{pool}");
    driver.find(By::Id("overall-progress")).await?;
    driver.goto(format!("{cycle}/synthesis")).await?;
    driver.find(By::Id("synthesis")).await?;
    for number in [&after[0], &after[1]] {
        driver.find(By::Id(format!("line-{number}"))).await?;
    }
    driver.find(By::Id("normalisation")).await?;
    Ok(())
}
