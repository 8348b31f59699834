//! The audit trail: one row per change, written in the same transaction as the change.

use plenary_domain::audit::{Actor, AuditEntry, AuditEvent};
use plenary_domain::{AccountId, ForumId, Timestamp};

use crate::{DbError, DbTime, Tx, count, on_tx};

const INSERT_AUDIT_EVENT: &str = "
    insert into audit_event (occurred_at, actor_account_id, actor_label, forum_id, action,
                             entity_type, entity_id, before_json, after_json)
    values ($1, $2, $3, $4, $5, $6, $7, $8, $9)
    returning id";

pub async fn insert_audit_event(
    tx: &mut Tx,
    actor: &Actor,
    entry: &AuditEntry,
    now: Timestamp,
) -> Result<i64, DbError> {
    let (id,): (i64,) = on_tx!(tx, |conn| sqlx::query_as(INSERT_AUDIT_EVENT)
        .bind(DbTime(now))
        .bind(actor.account().map(|a| a.0))
        .bind(actor.label())
        .bind(entry.forum.map(|f| f.0))
        .bind(entry.action)
        .bind(entry.entity_type)
        .bind(&entry.entity_id)
        .bind(entry.before.as_deref())
        .bind(entry.after.as_deref())
        .fetch_one(conn)
        .await)?;
    Ok(id)
}

/// Which events to list. Every `None` means "any".
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AuditFilter {
    pub forum: Option<ForumId>,
    /// Matches the action exactly (`role.grant`) or, ending in `.`, every action of an entity (`role.`).
    pub action: Option<String>,
    pub entity_type: Option<String>,
    pub actor_account: Option<AccountId>,
    pub since: Option<Timestamp>,
    pub until: Option<Timestamp>,
    /// Seek pagination: only events with a smaller id (older) than this.
    pub before_id: Option<i64>,
}

#[derive(Debug, sqlx::FromRow)]
struct AuditRow {
    id: i64,
    occurred_at: DbTime,
    actor_account_id: Option<i64>,
    actor_label: String,
    forum_id: Option<i64>,
    action: String,
    entity_type: String,
    entity_id: String,
    before_json: Option<String>,
    after_json: Option<String>,
}

const AUDIT_EVENTS: &str = "
    select id, occurred_at, actor_account_id, actor_label, forum_id, action, entity_type,
           entity_id, before_json, after_json
    from audit_event
    where ($1 is null or forum_id = $1)
      and ($2 is null or action = $2 or (substr($2, length($2), 1) = '.' and substr(action, 1, length($2)) = $2))
      and ($3 is null or entity_type = $3)
      and ($4 is null or actor_account_id = $4)
      and ($5 is null or occurred_at >= $5)
      and ($6 is null or occurred_at < $6)
      and ($7 is null or id < $7)
    order by id desc
    limit $8";

/// Events matching `filter`, newest first, at most `limit`.
pub async fn audit_events(
    tx: &mut Tx,
    filter: &AuditFilter,
    limit: i64,
) -> Result<Vec<AuditEvent>, DbError> {
    let rows: Vec<AuditRow> = on_tx!(tx, |conn| sqlx::query_as(AUDIT_EVENTS)
        .bind(filter.forum.map(|f| f.0))
        .bind(filter.action.as_deref())
        .bind(filter.entity_type.as_deref())
        .bind(filter.actor_account.map(|a| a.0))
        .bind(filter.since.map(DbTime))
        .bind(filter.until.map(DbTime))
        .bind(filter.before_id)
        .bind(limit)
        .fetch_all(conn)
        .await)?;
    Ok(rows
        .into_iter()
        .map(|row| AuditEvent {
            id: row.id,
            at: row.occurred_at.0,
            actor_account: row.actor_account_id.map(AccountId),
            actor_label: row.actor_label,
            forum: row.forum_id.map(ForumId),
            action: row.action,
            entity_type: row.entity_type,
            entity_id: row.entity_id,
            before: row.before_json,
            after: row.after_json,
        })
        .collect())
}

const COUNT_AUDIT_EVENTS: &str = "select count(*) from audit_event";

pub async fn count_audit_events(tx: &mut Tx) -> Result<u64, DbError> {
    let (n,): (i64,) = on_tx!(tx, |conn| sqlx::query_as(COUNT_AUDIT_EVENTS)
        .fetch_one(conn)
        .await)?;
    Ok(count(n))
}
