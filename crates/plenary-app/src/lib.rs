#![doc = include_str!("../README.md")]

pub mod accounts;
pub mod audit;
pub mod bench;
pub mod bodies;
pub mod calls;
pub mod clock;
pub mod countries;
pub mod demo;
mod error;
pub mod forums;
pub mod i18n;
pub mod jobs;
pub mod mail;

use std::sync::Arc;

pub use clock::{Clock, ManualClock, SystemClock};
pub use error::ActionError;
pub use mail::Mailer;
pub use plenary_db::{Backend, Db, DbError, PoolSize, SchemaStatus};

/// The newest schema version this binary knows.
pub fn db_latest_version() -> i64 {
    plenary_db::LATEST_VERSION
}

/// Settings the actions need that are not stored in the database.
#[derive(Debug, Clone)]
pub struct Settings {
    /// Public base URL, without trailing slash, used in e-mailed links.
    pub public_url: String,
    /// The `From:` address of mail Plenary sends.
    pub mail_from: String,
}

/// Everything an action needs; cheap to clone (one `Arc`).
#[derive(Debug, Clone)]
pub struct App {
    inner: Arc<Inner>,
}

#[derive(Debug)]
struct Inner {
    db: Db,
    clock: Arc<dyn Clock>,
    mailer: Mailer,
    settings: Settings,
}

impl App {
    pub fn new(db: Db, clock: Arc<dyn Clock>, mailer: Mailer, settings: Settings) -> App {
        App {
            inner: Arc::new(Inner {
                db,
                clock,
                mailer,
                settings,
            }),
        }
    }

    pub fn db(&self) -> &Db {
        &self.inner.db
    }

    pub fn now(&self) -> plenary_domain::Timestamp {
        self.inner.clock.now()
    }

    pub fn mailer(&self) -> &Mailer {
        &self.inner.mailer
    }

    pub fn settings(&self) -> &Settings {
        &self.inner.settings
    }

    /// Whether the database answers and its schema matches this binary (for `/readyz`).
    pub async fn readiness(&self) -> Result<SchemaStatus, ActionError> {
        self.db().ping().await?;
        Ok(self.db().schema_status().await?)
    }
}
