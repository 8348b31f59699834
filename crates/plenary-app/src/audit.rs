//! The audit trail: recording changes inside their transaction, and reading them back.
//!
//! `record` is called by every action that changes data, with the same `Tx`, so a
//! change and its audit event commit or roll back together. `list` is the
//! secretariat's view of one forum's trail; `list_all` is the operator's (CLI) view.

use plenary_db::Tx;
use plenary_db::audit as q;
pub use plenary_db::audit::AuditFilter;
use plenary_domain::Timestamp;
use plenary_domain::audit::{Actor, AuditEntry, AuditEvent};
use plenary_domain::permissions::{Permission, authorize};

use crate::accounts::Viewer;
use crate::{ActionError, App, forums};

/// Writes one audit event in the caller's transaction.
pub async fn record(
    tx: &mut Tx,
    actor: &Actor,
    entry: AuditEntry,
    now: Timestamp,
) -> Result<(), ActionError> {
    q::insert_audit_event(tx, actor, &entry, now).await?;
    Ok(())
}

/// The largest page of events one request returns.
pub const MAX_PAGE: i64 = 500;

/// One forum's audit events, newest first; the secretariat of that forum only.
pub async fn list(
    app: &App,
    viewer: &Viewer,
    forum_slug: &str,
    mut filter: AuditFilter,
    limit: i64,
) -> Result<Vec<AuditEvent>, ActionError> {
    let mut tx = app.db().read().await?;
    let (forum, principal) = forums::forum_and_principal(&mut tx, viewer, forum_slug).await?;
    authorize(&principal, Permission::ViewAudit)?;
    filter.forum = Some(forum.id);
    let events = q::audit_events(&mut tx, &filter, limit.clamp(1, MAX_PAGE)).await?;
    tx.commit().await?;
    Ok(events)
}

/// Every audit event matching `filter`: for operators at the command line.
pub async fn list_all(
    app: &App,
    filter: &AuditFilter,
    limit: i64,
) -> Result<Vec<AuditEvent>, ActionError> {
    let mut tx = app.db().read().await?;
    let events = q::audit_events(&mut tx, filter, limit.max(1)).await?;
    tx.commit().await?;
    Ok(events)
}
