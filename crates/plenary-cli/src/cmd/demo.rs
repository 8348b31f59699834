//! `plenary demo`: create and migrate the database if needed, load the demo forum, print sign-ins.

use indicatif::{ProgressBar, ProgressStyle};
use plenary_app::demo::{self, DEMO_PASSWORD, DemoReport};

use crate::cli::GlobalArgs;
use crate::cmd::migrate::migrate_and_load;
use crate::config::{self, Failure};

pub async fn run(global: &GlobalArgs) -> Result<DemoReport, Failure> {
    let db = migrate_and_load(global).await?;
    let app = config::app(db.clone(), &config::no_mail(), "http://localhost")?;
    let bar = ProgressBar::new_spinner();
    bar.set_style(
        ProgressStyle::with_template("{spinner} loading demo: {msg}")
            .map_err(anyhow::Error::new)?,
    );
    let report = demo::load_demo(&app, &|step| {
        bar.set_message(step.to_owned());
        bar.tick();
    })
    .await?;
    bar.finish_and_clear();
    eprintln!(
        "demo loaded: {} forums, {} accounts and {} bodies created, {} roles granted ({} countries), {} proposals stored and {} screened",
        report.forums_created,
        report.accounts_created,
        report.bodies_created,
        report.roles_granted,
        report.countries,
        report.proposals_loaded,
        report.proposals_screened
    );
    println!("Demo sign-ins (password for all: {DEMO_PASSWORD}):");
    for (email, purpose) in &report.logins {
        println!("  {email:<45} {purpose}");
    }
    db.close().await;
    Ok(report)
}
