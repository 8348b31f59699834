//! `plenary config check`: is the configuration usable? Prints each check.

use crate::cli::GlobalArgs;
use crate::cli::MailArgs;
use crate::config::{self, Failure};

pub async fn run(global: &GlobalArgs, mail: &MailArgs) -> Result<(), Failure> {
    println!("database URL: {}", config::redact(&global.database_url));
    let db = config::connect(global, 1).await?;
    println!("  reachable: yes ({:?})", db.backend());
    config::require_current_schema(&db).await?;
    println!(
        "  schema: current (version {})",
        plenary_app::db_latest_version()
    );
    let app = config::app(db.clone(), mail, "http://localhost:8080")?;
    println!("mail: {:?}, from {}", app.mailer(), mail.mail_from);
    println!("public URL: {}", app.settings().public_url);
    println!("configuration OK");
    db.close().await;
    Ok(())
}
