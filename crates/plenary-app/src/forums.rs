//! Forums, their stakeholder groups, and who holds which role in them.
//!
//! Main items: `forum_and_principal` (how every forum-scoped action learns who is
//! asking), `grant_role`, `create_forum`; the host-country list is in `forums::hosts`.
//! Invariant: role changes are authorised against the forum they change, never
//! against another forum the viewer happens to run.

pub mod hosts;

use plenary_db::Tx;
use plenary_db::accounts::{self as account_q, RoleHolder};
use plenary_db::forums::{self as q, NewForum};
use plenary_domain::audit::{Actor, AuditEntry};
use plenary_domain::forums::{
    Forum, ForumKind, Slug, StakeholderGroup, default_stakeholder_groups, parse_group_code,
    parse_group_name,
};
use plenary_domain::permissions::{Permission, Principal, Role, authorize};
use plenary_domain::{AccountId, FieldError, ForumId, Language};
use serde_json::json;

use crate::accounts::Viewer;
use crate::{ActionError, App, audit};

/// Loads the forum by slug and the viewer's roles in it.
pub async fn forum_and_principal(
    tx: &mut Tx,
    viewer: &Viewer,
    slug: &str,
) -> Result<(Forum, Principal), ActionError> {
    let forum = q::forum_by_slug(tx, slug)
        .await?
        .ok_or(ActionError::NotFound)?;
    let roles = match viewer.account_id() {
        Some(account) => account_q::roles_in_forum(tx, account, forum.id).await?,
        None => Vec::new(),
    };
    Ok((
        forum,
        Principal {
            account: viewer.account_id(),
            roles,
        },
    ))
}

/// Checks `permission` for the viewer in the forum `slug` (used by routes with no
/// other action to run, such as the members' area).
pub async fn authorize_in_forum(
    app: &App,
    viewer: &Viewer,
    slug: &str,
    permission: Permission,
) -> Result<Forum, ActionError> {
    let mut tx = app.db().read().await?;
    let (forum, principal) = forum_and_principal(&mut tx, viewer, slug).await?;
    tx.commit().await?;
    authorize(&principal, permission)?;
    Ok(forum)
}

/// The id of the forum `slug`, if it exists (for operators' filters).
pub async fn forum_id_by_slug(app: &App, slug: &str) -> Result<Option<ForumId>, ActionError> {
    let mut tx = app.db().read().await?;
    let forum = q::forum_by_slug(&mut tx, slug).await?;
    tx.commit().await?;
    Ok(forum.map(|f| f.id))
}

/// Every forum of the installation, the global one first. Public.
pub async fn list_forums(app: &App) -> Result<Vec<Forum>, ActionError> {
    let mut tx = app.db().read().await?;
    let forums = q::all_forums(&mut tx).await?;
    tx.commit().await?;
    Ok(forums)
}

/// What a forum's home page shows.
#[derive(Debug, Clone)]
pub struct ForumHome {
    pub forum: Forum,
    pub stakeholder_groups: Vec<StakeholderGroup>,
    /// The viewer's roles in this forum (empty for the public).
    pub viewer_roles: Vec<Role>,
}

pub async fn forum_home(app: &App, viewer: &Viewer, slug: &str) -> Result<ForumHome, ActionError> {
    let mut tx = app.db().read().await?;
    let (forum, principal) = forum_and_principal(&mut tx, viewer, slug).await?;
    authorize(&principal, Permission::Public)?;
    let stakeholder_groups = q::stakeholder_groups(&mut tx, forum.id).await?;
    tx.commit().await?;
    Ok(ForumHome {
        forum,
        stakeholder_groups,
        viewer_roles: principal.roles,
    })
}

/// What a new forum is made of, as typed.
#[derive(Debug, Clone)]
pub struct NewForumInput {
    pub slug: String,
    pub name: String,
    pub kind: ForumKind,
    pub country_iso2: Option<String>,
    pub default_language: Language,
    pub time_zone: String,
}

/// Creates a forum with the IGF's default stakeholder groups. Operators only (CLI, demo).
pub async fn create_forum(
    app: &App,
    actor: &Actor,
    input: NewForumInput,
) -> Result<ForumId, ActionError> {
    let slug = Slug::parse(&input.slug)?;
    let name = input.name.trim();
    if name.is_empty() || name.chars().count() > 200 {
        return Err(FieldError::new("name", "length", "1 to 200 characters").into());
    }
    let now = app.now();
    let mut tx = app.db().begin().await?;
    if let Some(iso2) = &input.country_iso2
        && plenary_db::countries::country_by_iso2(&mut tx, iso2)
            .await?
            .is_none()
    {
        return Err(FieldError::new(
            "country",
            "unknown_country",
            format!("no country with code {iso2:?}"),
        )
        .into());
    }
    let new = NewForum {
        slug: &slug,
        name,
        kind: input.kind,
        country_iso2: input.country_iso2.as_deref(),
        default_language: input.default_language,
        time_zone: input.time_zone.trim(),
    };
    let id = q::insert_forum(&mut tx, &new, now).await?;
    for (position, (code, group_name)) in default_stakeholder_groups().into_iter().enumerate() {
        q::insert_stakeholder_group(
            &mut tx,
            id,
            code,
            group_name,
            i64::try_from(position).unwrap_or(0),
        )
        .await?;
    }
    audit::record(
        &mut tx,
        actor,
        AuditEntry {
            forum: Some(id),
            action: "forum.create",
            entity_type: "forum",
            entity_id: id.to_string(),
            before: None,
            after: Some(
                json!({"slug": slug.as_str(), "name": name, "kind": input.kind.code(),
                       "country": input.country_iso2, "stakeholder_groups": default_stakeholder_groups().len()})
                .to_string(),
            ),
        },
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(id)
}

/// Everyone holding a role in the forum; the secretariat only.
pub async fn people(
    app: &App,
    viewer: &Viewer,
    slug: &str,
) -> Result<(Forum, Vec<RoleHolder>), ActionError> {
    let mut tx = app.db().read().await?;
    let (forum, principal) = forum_and_principal(&mut tx, viewer, slug).await?;
    authorize(&principal, Permission::ManagePeople)?;
    let holders = account_q::role_holders(&mut tx, forum.id).await?;
    tx.commit().await?;
    Ok((forum, holders))
}

/// Grants `role` in the forum to the account with `email`; the forum's secretariat only.
/// Granting a role already held changes nothing and records nothing.
pub async fn grant_role(
    app: &App,
    viewer: &Viewer,
    slug: &str,
    email: &str,
    role: Role,
) -> Result<bool, ActionError> {
    let mut tx = app.db().begin().await?;
    let (forum, principal) = forum_and_principal(&mut tx, viewer, slug).await?;
    authorize(&principal, Permission::ManagePeople)?;
    let granted = grant_in_tx(&mut tx, &viewer.actor(), &forum, email, role, app.now()).await?;
    tx.commit().await?;
    Ok(granted)
}

/// Grants a role as an operator (CLI `user add --forum … --role …`, the demo loader).
pub async fn grant_role_as_operator(
    app: &App,
    actor: &Actor,
    slug: &str,
    email: &str,
    role: Role,
) -> Result<bool, ActionError> {
    let mut tx = app.db().begin().await?;
    let forum = q::forum_by_slug(&mut tx, slug).await?.ok_or_else(|| {
        ActionError::Invalid(FieldError::new(
            "forum",
            "unknown_forum",
            format!("no forum {slug:?}"),
        ))
    })?;
    let granted = grant_in_tx(&mut tx, actor, &forum, email, role, app.now()).await?;
    tx.commit().await?;
    Ok(granted)
}

async fn grant_in_tx(
    tx: &mut Tx,
    actor: &Actor,
    forum: &Forum,
    email: &str,
    role: Role,
    now: plenary_domain::Timestamp,
) -> Result<bool, ActionError> {
    let record = account_q::account_by_email(tx, email)
        .await?
        .ok_or_else(|| {
            ActionError::Invalid(FieldError::new(
                "email",
                "no_such_account",
                format!("no account with the address {:?}", email.trim()),
            ))
        })?;
    let granted = account_q::grant_role(tx, record.account.id, forum.id, role, now).await?;
    if granted {
        audit::record(
            tx,
            actor,
            AuditEntry {
                forum: Some(forum.id),
                action: "role.grant",
                entity_type: "role_grant",
                entity_id: format!("{}:{}", record.account.id, role.code()),
                before: None,
                after: Some(json!({"account": record.account.id.0, "email": record.account.email.as_str(), "role": role.code()}).to_string()),
            },
            now,
        )
        .await?;
    }
    Ok(granted)
}

/// Revokes a role in the forum; the forum's secretariat only.
pub async fn revoke_role(
    app: &App,
    viewer: &Viewer,
    slug: &str,
    account: AccountId,
    role: Role,
) -> Result<(), ActionError> {
    let now = app.now();
    let mut tx = app.db().begin().await?;
    let (forum, principal) = forum_and_principal(&mut tx, viewer, slug).await?;
    authorize(&principal, Permission::ManagePeople)?;
    if viewer.account_id() == Some(account) && role == Role::Secretariat {
        return Err(ActionError::Rule {
            code: "cannot_revoke_own_secretariat",
            message: "you cannot remove your own secretariat role; ask another secretariat member"
                .into(),
        });
    }
    if !account_q::revoke_role(&mut tx, account, forum.id, role).await? {
        return Err(ActionError::NotFound);
    }
    audit::record(
        &mut tx,
        &viewer.actor(),
        AuditEntry {
            forum: Some(forum.id),
            action: "role.revoke",
            entity_type: "role_grant",
            entity_id: format!("{account}:{}", role.code()),
            before: Some(json!({"account": account.0, "role": role.code()}).to_string()),
            after: None,
        },
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Adds a stakeholder group to the forum (after the existing ones); the forum's
/// secretariat only. A code already used in the forum is a conflict.
pub async fn add_stakeholder_group(
    app: &App,
    viewer: &Viewer,
    slug: &str,
    code: &str,
    name: &str,
) -> Result<StakeholderGroup, ActionError> {
    let code = parse_group_code(code)?;
    let name = parse_group_name(name)?;
    let now = app.now();
    let mut tx = app.db().begin().await?;
    let (forum, principal) = forum_and_principal(&mut tx, viewer, slug).await?;
    authorize(&principal, Permission::ManageForum)?;
    let existing = q::stakeholder_groups(&mut tx, forum.id).await?;
    if existing.iter().any(|g| g.code == code) {
        return Err(ActionError::Conflict(format!(
            "the forum already has a stakeholder group {code:?}"
        )));
    }
    let position = existing.iter().map(|g| g.position + 1).max().unwrap_or(0);
    let id = q::insert_stakeholder_group(&mut tx, forum.id, &code, &name, position).await?;
    audit::record(
        &mut tx,
        &viewer.actor(),
        AuditEntry {
            forum: Some(forum.id),
            action: "stakeholder_group.create",
            entity_type: "stakeholder_group",
            entity_id: id.to_string(),
            before: None,
            after: Some(json!({"code": code, "name": name, "position": position}).to_string()),
        },
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(StakeholderGroup {
        id,
        forum: forum.id,
        code,
        name,
        position,
    })
}
