//! Background jobs: enqueueing (inside an action's transaction) and the worker.
//!
//! Jobs are idempotent and retried with exponential backoff
//! (`plenary_domain::jobs::after_failure`). The worker is thin: claim, dispatch by
//! kind, record the outcome. `plenary serve` runs one worker in-process;
//! `plenary worker` runs one on its own (several on PostgreSQL are safe: claims use
//! `for update skip locked`).

use std::time::Duration;

use plenary_db::Tx;
use plenary_db::jobs::{self as q, ClaimedJob, JobRecord, NewJob};
use plenary_domain::jobs::{AfterFailure, DEFAULT_MAX_ATTEMPTS, LEASE, after_failure};
use plenary_domain::{JobId, Timestamp};

use crate::mail::OutgoingMail;
use crate::{ActionError, App};

/// The kind of job that sends one e-mail.
pub const SEND_MAIL: &str = "send_mail";

/// Queues an e-mail in the caller's transaction, so it is sent only if the action commits.
pub async fn enqueue_mail(
    tx: &mut Tx,
    mail: &OutgoingMail,
    idempotency_key: Option<&str>,
    now: Timestamp,
) -> Result<Option<JobId>, ActionError> {
    let payload = serde_json::to_string(mail).map_err(|e| anyhow::anyhow!("mail payload: {e}"))?;
    let job = NewJob {
        kind: SEND_MAIL,
        payload: &payload,
        idempotency_key,
        max_attempts: DEFAULT_MAX_ATTEMPTS,
        run_after: now,
    };
    Ok(q::enqueue(tx, &job, now).await?)
}

/// What one pass of the worker did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct WorkerReport {
    pub done: u32,
    pub retried: u32,
    pub failed: u32,
}

/// Runs due jobs until none is left or `max` have run.
pub async fn run_due_jobs(app: &App, max: u32) -> Result<WorkerReport, ActionError> {
    let mut report = WorkerReport::default();
    for _ in 0..max {
        let now = app.now();
        let mut tx = app.db().begin().await?;
        let claimed = q::claim_next(&mut tx, now, now.plus(LEASE)).await?;
        tx.commit().await?;
        let Some(job) = claimed else {
            break;
        };
        let outcome = run_one(app, &job).await;
        let now = app.now();
        let mut tx = app.db().begin().await?;
        match outcome {
            Ok(()) => {
                q::finish(&mut tx, job.id, now).await?;
                report.done += 1;
            }
            Err(err) => {
                let message = format!("{err:#}");
                match after_failure(job.attempts, job.max_attempts) {
                    AfterFailure::RetryIn(delay) => {
                        tracing::warn!(job = job.id, kind = %job.kind, attempt = job.attempts, error = %message, "job failed, will retry");
                        q::retry_later(&mut tx, job.id, &message, now.plus(delay), now).await?;
                        report.retried += 1;
                    }
                    AfterFailure::GiveUp => {
                        tracing::error!(job = job.id, kind = %job.kind, error = %message, "job failed for the last time");
                        q::give_up(&mut tx, job.id, &message, now).await?;
                        report.failed += 1;
                    }
                }
            }
        }
        tx.commit().await?;
    }
    Ok(report)
}

async fn run_one(app: &App, job: &ClaimedJob) -> anyhow::Result<()> {
    match job.kind.as_str() {
        SEND_MAIL => {
            let mail: OutgoingMail = serde_json::from_str(&job.payload)?;
            app.mailer().send(&mail).await
        }
        other => anyhow::bail!("unknown job kind {other:?}"),
    }
}

/// How often the worker looks for periodic work (deadline reminders).
pub const PERIODIC_EVERY: Duration = Duration::from_secs(15 * 60);

/// The worker's periodic work: queues deadline reminders (idempotent, so running it twice
/// or on several workers mails nobody twice). Returns the number of mails queued.
pub async fn run_periodic(app: &App) -> Result<usize, ActionError> {
    crate::calls::screening::queue_deadline_reminders(app, app.now()).await
}

/// Runs the worker until `stop` turns true, polling every `idle` when the queue is empty,
/// and running the periodic work every `PERIODIC_EVERY`.
pub async fn run_worker(app: App, mut stop: tokio::sync::watch::Receiver<bool>, idle: Duration) {
    let mut last_periodic: Option<tokio::time::Instant> = None;
    loop {
        if *stop.borrow() {
            return;
        }
        if last_periodic.is_none_or(|t| t.elapsed() >= PERIODIC_EVERY) {
            last_periodic = Some(tokio::time::Instant::now());
            match run_periodic(&app).await {
                Ok(0) => {}
                Ok(queued) => tracing::info!(queued, "deadline reminders queued"),
                Err(err) => tracing::error!(error = %err, "periodic pass failed"),
            }
        }
        match run_due_jobs(&app, 50).await {
            Ok(report) if report != WorkerReport::default() => {
                tracing::info!(?report, "jobs run");
                continue;
            }
            Ok(_) => {}
            Err(err) => tracing::error!(error = %err, "job worker pass failed"),
        }
        tokio::select! {
            _ = tokio::time::sleep(idle) => {}
            _ = stop.changed() => {}
        }
    }
}

/// The newest jobs, for operators.
pub async fn recent_jobs(app: &App, limit: i64) -> Result<Vec<JobRecord>, ActionError> {
    let mut tx = app.db().read().await?;
    let jobs = q::recent_jobs(&mut tx, limit).await?;
    tx.commit().await?;
    Ok(jobs)
}
