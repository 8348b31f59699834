//! A body's constitution over time: the stored versions, submitting a new one, and what
//! changed between two.
//!
//! Main items: `history` (every version, the secretariat's view), `version` (one of them,
//! parsed), `submit_version` (a TOML or JSON document from the secretariat; invalid documents
//! come back as `Submitted::Refused` with every problem and nothing stored),
//! `submit_version_as_operator` (the CLI), `changes` (the fields that differ).
//! Invariants: every stored version has passed `Constitution::validate`; versions are
//! numbered 1, 2, … per body and never changed; each new version is audited in its
//! transaction. A JSON submission is stored as the equivalent TOML document (the storage
//! format); a TOML submission is stored as written, comments included.
//! Not here: the document format (`bodies::document`), the roster's choice of the version in
//! force in a year (`bodies::roster`).

use std::collections::BTreeMap;

use plenary_db::Tx;
use plenary_db::bodies::{self as q, BodyRow, ConstitutionVersionRow};
use plenary_domain::audit::{Actor, AuditEntry};
use plenary_domain::bodies::{Balance, ChairRule, Constitution, Limit, Others, Quota, QuotaKey};
use plenary_domain::forums::Forum;
use plenary_domain::permissions::{Permission, authorize};
use plenary_domain::{AccountId, FieldError, Timestamp};
use serde_json::json;

use crate::accounts::Viewer;
use crate::bodies::document::{self, DocumentFormat};
use crate::{ActionError, App, audit, forums};

/// One stored version, as listed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VersionInfo {
    pub version: i64,
    pub created_at: Timestamp,
    /// Who stored it: an account's display name, or `system:cli` / `system:demo`.
    pub created_by: String,
}

/// One stored version with its document, parsed.
#[derive(Debug, Clone)]
pub struct StoredVersion {
    pub info: VersionInfo,
    /// The document as stored (TOML).
    pub document: String,
    pub constitution: Constitution,
}

/// A body's versions, oldest first.
#[derive(Debug, Clone)]
pub struct History {
    pub forum: Forum,
    pub body: BodyRow,
    pub versions: Vec<VersionInfo>,
}

/// What became of a submitted document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Submitted {
    /// Stored as this version number; `changes` from the previous version (`changes`).
    Stored { version: i64, changes: Vec<String> },
    /// Not stored: every problem found, one sentence each with the arithmetic.
    Refused { problems: Vec<String> },
}

/// Every version of the body's constitution; the forum's secretariat only.
pub async fn history(
    app: &App,
    viewer: &Viewer,
    forum_slug: &str,
    body_slug: &str,
) -> Result<History, ActionError> {
    let mut tx = app.db().read().await?;
    let (forum, principal) = forums::forum_and_principal(&mut tx, viewer, forum_slug).await?;
    authorize(&principal, Permission::ManageBodies)?;
    let history = load_history(&mut tx, forum, body_slug).await?;
    tx.commit().await?;
    Ok(history)
}

/// Every version, for operators at the command line.
pub async fn history_as_operator(
    app: &App,
    forum_slug: &str,
    body_slug: &str,
) -> Result<History, ActionError> {
    let mut tx = app.db().read().await?;
    let forum = plenary_db::forums::forum_by_slug(&mut tx, forum_slug)
        .await?
        .ok_or(ActionError::NotFound)?;
    let history = load_history(&mut tx, forum, body_slug).await?;
    tx.commit().await?;
    Ok(history)
}

/// One version (`None`: the latest), parsed; the forum's secretariat only.
pub async fn version(
    app: &App,
    viewer: &Viewer,
    forum_slug: &str,
    body_slug: &str,
    version: Option<i64>,
) -> Result<StoredVersion, ActionError> {
    let mut tx = app.db().read().await?;
    let (forum, principal) = forums::forum_and_principal(&mut tx, viewer, forum_slug).await?;
    authorize(&principal, Permission::ManageBodies)?;
    let body = q::body_by_slug(&mut tx, forum.id, body_slug)
        .await?
        .ok_or(ActionError::NotFound)?;
    let row = match version {
        Some(number) => q::constitution_version(&mut tx, body.id, number).await?,
        None => q::latest_constitution(&mut tx, body.id).await?,
    }
    .ok_or(ActionError::NotFound)?;
    let info = version_info(&mut tx, &row).await?;
    tx.commit().await?;
    Ok(StoredVersion {
        constitution: document::from_toml(&row.document)?,
        info,
        document: row.document,
    })
}

/// Validates a document and stores it as the body's next version; the forum's secretariat
/// only (checked before the document is read). Nothing is stored when it is refused.
pub async fn submit_version(
    app: &App,
    viewer: &Viewer,
    forum_slug: &str,
    body_slug: &str,
    text: &str,
    format: DocumentFormat,
) -> Result<Submitted, ActionError> {
    let now = app.now();
    let mut tx = app.db().begin().await?;
    let (forum, principal) = forums::forum_and_principal(&mut tx, viewer, forum_slug).await?;
    authorize(&principal, Permission::ManageBodies)?;
    let submitted = store(
        &mut tx,
        &viewer.actor(),
        &forum,
        body_slug,
        text,
        format,
        now,
    )
    .await?;
    if matches!(submitted, Submitted::Stored { .. }) {
        tx.commit().await?;
    } else {
        tx.rollback().await?;
    }
    Ok(submitted)
}

/// `submit_version` for operators at the command line (`plenary constitution set`).
pub async fn submit_version_as_operator(
    app: &App,
    actor: &Actor,
    forum_slug: &str,
    body_slug: &str,
    text: &str,
    format: DocumentFormat,
) -> Result<Submitted, ActionError> {
    let now = app.now();
    let mut tx = app.db().begin().await?;
    let forum = plenary_db::forums::forum_by_slug(&mut tx, forum_slug)
        .await?
        .ok_or(ActionError::NotFound)?;
    let submitted = store(&mut tx, actor, &forum, body_slug, text, format, now).await?;
    if matches!(submitted, Submitted::Stored { .. }) {
        tx.commit().await?;
    } else {
        tx.rollback().await?;
    }
    Ok(submitted)
}

/// What differs from `before` to `after`, one line per field: `term.months: 12 → 24`.
/// Fields are named as in docs/constitution-format.md; quotas by their key.
pub fn changes(before: &Constitution, after: &Constitution) -> Vec<String> {
    let (old, new) = (fields(before), fields(after));
    let mut keys: Vec<&String> = old.keys().chain(new.keys()).collect();
    keys.sort();
    keys.dedup();
    keys.into_iter()
        .filter_map(|key| {
            let (was, is) = (old.get(key), new.get(key));
            (was != is).then(|| {
                format!(
                    "{key}: {} → {}",
                    was.map_or("none", String::as_str),
                    is.map_or("none", String::as_str)
                )
            })
        })
        .collect()
}

async fn load_history(tx: &mut Tx, forum: Forum, body_slug: &str) -> Result<History, ActionError> {
    let body = q::body_by_slug(tx, forum.id, body_slug)
        .await?
        .ok_or(ActionError::NotFound)?;
    let rows = q::constitution_versions(tx, body.id).await?;
    let mut versions = Vec::with_capacity(rows.len());
    for row in &rows {
        versions.push(version_info(tx, row).await?);
    }
    Ok(History {
        forum,
        body,
        versions,
    })
}

/// The row with `created_by` as a person would read it (`account:12` becomes the name).
async fn version_info(
    tx: &mut Tx,
    row: &ConstitutionVersionRow,
) -> Result<VersionInfo, ActionError> {
    let account = row
        .created_by
        .strip_prefix("account:")
        .and_then(|id| id.parse::<i64>().ok());
    let created_by = match account {
        Some(id) => plenary_db::accounts::account_by_id(tx, AccountId(id))
            .await?
            .map_or_else(
                || row.created_by.clone(),
                |record| record.account.display_name.as_str().to_owned(),
            ),
        None => row.created_by.clone(),
    };
    Ok(VersionInfo {
        version: row.version,
        created_at: row.created_at,
        created_by,
    })
}

async fn store(
    tx: &mut Tx,
    actor: &Actor,
    forum: &Forum,
    body_slug: &str,
    text: &str,
    format: DocumentFormat,
    now: Timestamp,
) -> Result<Submitted, ActionError> {
    let body = q::body_by_slug(tx, forum.id, body_slug)
        .await?
        .ok_or(ActionError::NotFound)?;
    if text.trim().is_empty() {
        return Err(
            FieldError::new("document", "required", "paste a constitution document").into(),
        );
    }
    let constitution = match document::check_document(text, format) {
        Ok(constitution) => constitution,
        Err(problems) => return Ok(Submitted::Refused { problems }),
    };
    let stored_text = match format {
        DocumentFormat::Toml => text.to_owned(),
        DocumentFormat::Json => document::to_toml(&constitution),
    };
    let previous = q::latest_constitution(tx, body.id).await?;
    let version =
        q::insert_constitution_version(tx, body.id, &stored_text, &actor.label(), now).await?;
    let changed = match &previous {
        Some(row) => document::from_toml(&row.document)
            .map(|before| changes(&before, &constitution))
            .unwrap_or_default(),
        None => Vec::new(),
    };
    audit::record(
        tx,
        actor,
        AuditEntry {
            forum: Some(forum.id),
            action: "constitution.version",
            entity_type: "body",
            entity_id: body.id.to_string(),
            before: previous.map(|row| json!({"version": row.version}).to_string()),
            after: Some(
                json!({"body": body.slug, "version": version, "name": constitution.rules().name, "changes": &changed})
                    .to_string(),
            ),
        },
        now,
    )
    .await?;
    Ok(Submitted::Stored {
        version,
        changes: changed,
    })
}

/// Every field of a constitution as `key → value`, for `changes`.
fn fields(constitution: &Constitution) -> BTreeMap<String, String> {
    let rules = constitution.rules();
    let mut out = BTreeMap::new();
    let mut put = |key: String, value: String| {
        out.insert(key, value);
    };
    put("name".into(), rules.name.clone());
    put(
        "size".into(),
        if rules.size.min == rules.size.max {
            rules.size.max.to_string()
        } else {
            format!("{}–{}", rules.size.min, rules.size.max)
        },
    );
    for allocation in &rules.seats {
        put(
            format!("seats.{}", allocation.kind),
            allocation.seats.to_string(),
        );
    }
    balance_fields(&mut put, "stakeholder_groups", &rules.stakeholder_groups);
    balance_fields(&mut put, "regions", &rules.regions);
    quota_fields(&mut put, "gender", &rules.gender.quotas);
    if let Some(percent) = rules.gender.max_share_any_gender {
        put("gender.max_share_any_gender".into(), format!("{percent} %"));
    }
    put("term.months".into(), rules.term.months.to_string());
    put(
        "term.max_consecutive_terms".into(),
        rules
            .term
            .max_consecutive_terms
            .map_or_else(|| "no limit".to_owned(), |n| n.to_string()),
    );
    put(
        "rotation_share_percent".into(),
        format!("{} %", rules.rotation_share_percent),
    );
    put(
        "chair".into(),
        match rules.chair {
            ChairRule::Appointed => "appointed".to_owned(),
            ChairRule::ElectedAnnually {
                among_members,
                rotate_stakeholder_group,
                rotate_holder,
            } => format!(
                "elected annually (among members: {among_members}, rotating stakeholder group: {rotate_stakeholder_group}, rotating holder: {rotate_holder})"
            ),
        },
    );
    put("vice_chair".into(), rules.vice_chair.to_string());
    put(
        "engagement.min_attendance_percent".into(),
        format!("{} %", rules.engagement_policy.min_attendance_percent),
    );
    put(
        "engagement.min_reviews_percent".into(),
        format!("{} %", rules.engagement_policy.min_reviews_percent),
    );
    out
}

fn balance_fields<K: QuotaKey>(
    put: &mut impl FnMut(String, String),
    prefix: &str,
    balance: &Balance<K>,
) {
    quota_fields(put, prefix, &balance.quotas);
    put(
        format!("{prefix}.others"),
        match balance.others {
            Others::Allowed => "allowed",
            Others::NotAllowed => "not allowed",
        }
        .to_owned(),
    );
}

fn quota_fields<K: QuotaKey>(
    put: &mut impl FnMut(String, String),
    prefix: &str,
    quotas: &[Quota<K>],
) {
    let limit = |limit: Limit| match limit {
        Limit::Count(count) => format!("{count} seats"),
        Limit::Share { percent } => format!("{percent} %"),
    };
    for quota in quotas {
        let label = quota.key.label();
        if let Some(floor) = quota.floor {
            put(format!("{prefix}.{label}.floor"), limit(floor));
        }
        if let Some(cap) = quota.cap {
            put(format!("{prefix}.{label}.cap"), limit(cap));
        }
    }
}

#[cfg(test)]
mod tests;
