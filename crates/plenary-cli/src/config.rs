//! The second stage of parsing: turns flags into the objects commands need.

use std::sync::Arc;
use std::time::Duration;

use anyhow::Context;
use plenary_app::{App, Db, DbError, Mailer, PoolSize, SchemaStatus, Settings, SystemClock};

use crate::cli::{GlobalArgs, MailArgs};

/// A failure with a documented exit code.
#[derive(Debug, thiserror::Error)]
pub enum Failure {
    #[error("{0}")]
    Database(String),
    #[error("{0}")]
    Schema(String),
    #[error(transparent)]
    Other(#[from] anyhow::Error),
}

impl Failure {
    pub fn exit_code(&self) -> i32 {
        match self {
            Failure::Database(_) => 3,
            Failure::Schema(_) => 4,
            Failure::Other(_) => 1,
        }
    }
}

impl From<plenary_app::ActionError> for Failure {
    fn from(err: plenary_app::ActionError) -> Failure {
        match err {
            plenary_app::ActionError::Unavailable(why) => {
                Failure::Database(format!("cannot reach the database: {why}"))
            }
            other => Failure::Other(anyhow::Error::new(other)),
        }
    }
}

/// Opens the database named by `--database-url`.
pub async fn connect(global: &GlobalArgs, connections: u32) -> Result<Db, Failure> {
    let url = global.database_url.as_str();
    let size = PoolSize {
        max_connections: connections,
        connect_timeout: Duration::from_secs(global.connect_timeout.max(1)),
    };
    Db::connect(url, size).await.map_err(|err| match err {
        DbError::BadUrl(why) => Failure::Database(why),
        DbError::Unavailable(why) => Failure::Database(format!(
            "cannot reach the database at {}: {why}",
            redact(url)
        )),
        other => Failure::Other(anyhow::Error::new(other)),
    })
}

/// The URL with any password hidden, for messages.
pub fn redact(url: &str) -> String {
    match url::Url::parse(url) {
        Ok(mut parsed) if parsed.password().is_some() => {
            let _ = parsed.set_password(Some("***"));
            parsed.to_string()
        }
        _ => url.to_owned(),
    }
}

/// Refuses to go on unless the schema matches this binary.
pub async fn require_current_schema(db: &Db) -> Result<(), Failure> {
    let status = db
        .schema_status()
        .await
        .map_err(|e| Failure::Database(e.to_string()))?;
    match status {
        SchemaStatus::Current => Ok(()),
        SchemaStatus::Empty => Err(Failure::Schema(
            "the database has no schema yet: run `plenary migrate` (or `plenary demo`) first"
                .into(),
        )),
        SchemaStatus::Behind { applied, latest } => Err(Failure::Schema(format!(
            "the database schema is at version {applied} but this binary needs {latest}: run `plenary migrate`"
        ))),
        SchemaStatus::Ahead { applied, latest } => Err(Failure::Schema(format!(
            "the database schema is at version {applied}, newer than this binary ({latest}): upgrade plenary"
        ))),
    }
}

/// Builds the `App` every command uses.
pub fn app(db: Db, mail: &MailArgs, default_public_url: &str) -> Result<App, Failure> {
    let mailer = Mailer::from_url(&mail.mail_url, &mail.mail_from).context("mail settings")?;
    let public_url = mail
        .public_url
        .clone()
        .unwrap_or_else(|| default_public_url.to_owned())
        .trim_end_matches('/')
        .to_owned();
    url::Url::parse(&public_url).with_context(|| format!("bad public URL {public_url:?}"))?;
    Ok(App::new(
        db,
        Arc::new(SystemClock),
        mailer,
        Settings {
            public_url,
            mail_from: mail.mail_from.clone(),
        },
    ))
}

/// Mail settings for commands that never send mail (migrate, demo, user, audit).
pub fn no_mail() -> MailArgs {
    MailArgs {
        mail_url: "file://data/mail".into(),
        mail_from: "Plenary <no-reply@plenary.localhost>".into(),
        public_url: None,
    }
}
