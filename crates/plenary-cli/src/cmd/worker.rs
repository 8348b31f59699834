//! `plenary worker`: runs background jobs until interrupted or terminated (several may run
//! on PostgreSQL).

use std::time::Duration;

use crate::cli::GlobalArgs;
use crate::cli::MailArgs;
use crate::config::{self, Failure};

pub async fn run(global: &GlobalArgs, args: &MailArgs) -> Result<(), Failure> {
    let db = config::connect(global, 2).await?;
    config::require_current_schema(&db).await?;
    let app = config::app(db.clone(), args, "http://localhost:8080")?;
    let (stop_tx, stop_rx) = tokio::sync::watch::channel(false);
    let worker = tokio::spawn(plenary_app::jobs::run_worker(
        app,
        stop_rx,
        Duration::from_secs(2),
    ));
    eprintln!("worker running; Ctrl-C or SIGTERM to stop");
    crate::cmd::serve::shutdown_signal().await;
    let _ = stop_tx.send(true);
    let _ = worker.await;
    db.close().await;
    Ok(())
}
