//! `plenary serve`: the web pages and the JSON API, with an in-process job worker.

use std::time::Duration;

use anyhow::Context;
use plenary_app::jobs;
use plenary_web::{AppState, WebConfig};

use crate::cli::GlobalArgs;
use crate::cli::ServeArgs;
use crate::config::{self, Failure};

pub async fn run(global: &GlobalArgs, args: ServeArgs) -> Result<(), Failure> {
    if args.demo {
        crate::cmd::demo::run(global).await?;
    }
    let db = config::connect(global, args.database_connections).await?;
    config::require_current_schema(&db).await?;
    let default_public = format!("http://{}", args.listen);
    let app = config::app(db.clone(), &args.mail, &default_public)?;
    let listener = tokio::net::TcpListener::bind(args.listen)
        .await
        .with_context(|| format!("cannot listen on {}", args.listen))?;
    let bound = listener.local_addr().context("listening address")?;

    let (stop_tx, stop_rx) = tokio::sync::watch::channel(false);
    let worker = (!args.no_worker).then(|| {
        tokio::spawn(jobs::run_worker(
            app.clone(),
            stop_rx,
            Duration::from_secs(2),
        ))
    });
    println!(
        "Plenary is serving http://{bound}/ (database: {})",
        config::redact(&global.database_url)
    );
    if args.demo {
        println!("Sign in at http://{bound}/sign-in with one of the demo accounts above.");
    }
    let state = AppState::new(
        app,
        WebConfig {
            secure_cookies: args.secure_cookies,
            ..WebConfig::default()
        },
    );
    plenary_web::serve(listener, state, shutdown_signal())
        .await
        .context("the web server stopped with an error")?;
    let _ = stop_tx.send(true);
    if let Some(worker) = worker {
        let _ = worker.await;
    }
    db.close().await;
    Ok(())
}

/// Completes on Ctrl-C or SIGTERM.
pub(crate) async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
    eprintln!("shutting down");
}
