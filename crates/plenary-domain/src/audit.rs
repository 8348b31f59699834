//! The audit trail's vocabulary: who did what to which entity.
//!
//! Every mutation in `plenary-app` writes one `AuditEntry` in the same transaction
//! as the change (`plenary_app::audit`). The before/after snapshots are JSON text
//! produced by the app layer; the domain only carries them.

use crate::{AccountId, ForumId, Timestamp};

/// Who performed an action.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Actor {
    /// A signed-in account (through a page or an API token).
    Account(AccountId),
    /// The platform itself: the CLI, the demo loader, the job worker. The label names which.
    System(&'static str),
}

impl Actor {
    pub fn account(&self) -> Option<AccountId> {
        match self {
            Actor::Account(id) => Some(*id),
            Actor::System(_) => None,
        }
    }

    /// `account:12` or `system:cli`: how the actor is written in the trail.
    pub fn label(&self) -> String {
        match self {
            Actor::Account(id) => format!("account:{id}"),
            Actor::System(what) => format!("system:{what}"),
        }
    }
}

/// One change to record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuditEntry {
    pub forum: Option<ForumId>,
    /// What happened, as `entity.verb` (`role.grant`, `session.sign_in`).
    pub action: &'static str,
    /// The kind of entity changed (`account`, `role_grant`…).
    pub entity_type: &'static str,
    pub entity_id: String,
    /// JSON snapshot before the change (`None` for a creation).
    pub before: Option<String>,
    /// JSON snapshot after the change (`None` for a deletion).
    pub after: Option<String>,
}

/// A recorded change, as read back from the trail.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuditEvent {
    pub id: i64,
    pub at: Timestamp,
    pub actor_account: Option<AccountId>,
    pub actor_label: String,
    pub forum: Option<ForumId>,
    pub action: String,
    pub entity_type: String,
    pub entity_id: String,
    pub before: Option<String>,
    pub after: Option<String>,
}
