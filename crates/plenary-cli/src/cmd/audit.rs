//! `plenary audit`: the audit trail for operators.

use plenary_app::audit::{self, AuditFilter};
use plenary_app::forums;

use crate::cli::AuditArgs;
use crate::cli::GlobalArgs;
use crate::config::{self, Failure};

pub async fn run(global: &GlobalArgs, args: &AuditArgs) -> Result<(), Failure> {
    let db = config::connect(global, 1).await?;
    config::require_current_schema(&db).await?;
    let app = config::app(db.clone(), &config::no_mail(), "http://localhost")?;
    let forum = match &args.forum {
        Some(slug) => Some(
            forums::forum_id_by_slug(&app, slug)
                .await?
                .ok_or_else(|| anyhow::anyhow!("no forum {slug:?}"))?,
        ),
        None => None,
    };
    let filter = AuditFilter {
        forum,
        action: args.action.clone(),
        ..AuditFilter::default()
    };
    let events = audit::list_all(&app, &filter, args.limit).await?;
    for e in &events {
        if args.json {
            let line = format!(
                "{{\"id\":{},\"at\":\"{}\",\"actor\":{:?},\"action\":{:?},\"entity\":\"{}:{}\",\"before\":{},\"after\":{}}}",
                e.id,
                e.at.to_rfc3339_seconds(),
                e.actor_label,
                e.action,
                e.entity_type,
                e.entity_id,
                e.before.as_deref().unwrap_or("null"),
                e.after.as_deref().unwrap_or("null"),
            );
            println!("{line}");
        } else {
            println!(
                "{:>6}  {}  {:<16} {:<24} {}:{}  {}",
                e.id,
                e.at.to_display_utc(),
                e.actor_label,
                e.action,
                e.entity_type,
                e.entity_id,
                e.after.as_deref().unwrap_or("")
            );
        }
    }
    eprintln!("{} events", events.len());
    db.close().await;
    Ok(())
}
