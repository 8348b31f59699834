//! Writing and filtering the audit trail.

use plenary_db::audit::{self, AuditFilter};
use plenary_domain::audit::{Actor, AuditEntry};
use plenary_domain::{AccountId, ForumId, Timestamp};

use crate::Fixture;

fn entry(forum: Option<ForumId>, action: &'static str, entity_id: &str) -> AuditEntry {
    AuditEntry {
        forum,
        action,
        entity_type: action.split('.').next().unwrap_or(""),
        entity_id: entity_id.to_owned(),
        before: None,
        after: Some(format!("{{\"id\":{entity_id}}}")),
    }
}

pub async fn audit_filters(fx: Fixture) {
    let t = |s: i64| Timestamp::from_unix_seconds(1_790_000_000 + s);
    let mut tx = fx.db.begin().await.unwrap();
    // Forum and account rows are needed for the foreign keys.
    let forum = {
        let slug = plenary_domain::forums::Slug::parse("igf").unwrap();
        let new = plenary_db::forums::NewForum {
            slug: &slug,
            name: "IGF",
            kind: plenary_domain::forums::ForumKind::Global,
            country_iso2: None,
            default_language: plenary_domain::Language::En,
            time_zone: "UTC",
        };
        plenary_db::forums::insert_forum(&mut tx, &new, t(0))
            .await
            .unwrap()
    };
    let system = Actor::System("cli");
    audit::insert_audit_event(&mut tx, &system, &entry(None, "account.create", "1"), t(1))
        .await
        .unwrap();
    let person = plenary_db::accounts::insert_person(
        &mut tx,
        &plenary_domain::accounts::DisplayName::parse("A").unwrap(),
        None,
        None,
        t(0),
    )
    .await
    .unwrap();
    let account = plenary_db::accounts::insert_account(
        &mut tx,
        person,
        &plenary_domain::accounts::Email::parse("a@example.org").unwrap(),
        "h",
        None,
        t(0),
    )
    .await
    .unwrap();
    assert_eq!(account, AccountId(1));
    let by_account = Actor::Account(account);
    audit::insert_audit_event(
        &mut tx,
        &by_account,
        &entry(Some(forum), "role.grant", "2"),
        t(2),
    )
    .await
    .unwrap();
    audit::insert_audit_event(
        &mut tx,
        &by_account,
        &entry(Some(forum), "role.revoke", "2"),
        t(3),
    )
    .await
    .unwrap();
    audit::insert_audit_event(
        &mut tx,
        &system,
        &entry(Some(forum), "forum.create", "3"),
        t(4),
    )
    .await
    .unwrap();
    tx.commit().await.unwrap();

    let mut tx = fx.db.read().await.unwrap();
    let actions = |events: Vec<plenary_domain::audit::AuditEvent>| -> Vec<String> {
        events.into_iter().map(|e| e.action).collect()
    };
    let all = audit::audit_events(&mut tx, &AuditFilter::default(), 100)
        .await
        .unwrap();
    assert_eq!(all.len(), 4);
    assert_eq!(all[0].action, "forum.create", "newest first");
    assert_eq!(all[3].actor_label, "system:cli");
    assert_eq!(all[3].after.as_deref(), Some("{\"id\":1}"));
    let in_forum = AuditFilter {
        forum: Some(forum),
        ..AuditFilter::default()
    };
    assert_eq!(
        actions(audit::audit_events(&mut tx, &in_forum, 100).await.unwrap()),
        vec!["forum.create", "role.revoke", "role.grant"]
    );
    let roles = AuditFilter {
        action: Some("role.".into()),
        ..AuditFilter::default()
    };
    assert_eq!(
        actions(audit::audit_events(&mut tx, &roles, 100).await.unwrap()),
        vec!["role.revoke", "role.grant"]
    );
    let exact = AuditFilter {
        action: Some("role.grant".into()),
        ..AuditFilter::default()
    };
    assert_eq!(
        actions(audit::audit_events(&mut tx, &exact, 100).await.unwrap()),
        vec!["role.grant"]
    );
    let by = AuditFilter {
        actor_account: Some(account),
        ..AuditFilter::default()
    };
    assert_eq!(
        audit::audit_events(&mut tx, &by, 100).await.unwrap().len(),
        2
    );
    let window = AuditFilter {
        since: Some(t(2)),
        until: Some(t(4)),
        ..AuditFilter::default()
    };
    assert_eq!(
        actions(audit::audit_events(&mut tx, &window, 100).await.unwrap()),
        vec!["role.revoke", "role.grant"]
    );
    let page1 = audit::audit_events(&mut tx, &AuditFilter::default(), 2)
        .await
        .unwrap();
    let next = AuditFilter {
        before_id: Some(page1[1].id),
        ..AuditFilter::default()
    };
    let page2 = audit::audit_events(&mut tx, &next, 2).await.unwrap();
    assert_eq!(actions(page2), vec!["role.grant", "account.create"]);
    assert_eq!(audit::count_audit_events(&mut tx).await.unwrap(), 4);
}
