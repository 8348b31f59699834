//! Roles and the one permission predicate every route and action goes through.
//!
//! `authorize(principal, permission)` is the rule; every `plenary_app` action calls
//! it before it loads or changes anything, so the same check protects pages, the API
//! and the CLI, and a page never hides a button as its only protection. The table of which role may do what is the
//! `match` in `role_grants`; the route × role test in `plenary-web` walks it.

use crate::{AccountId, FieldError};

/// A role an account holds in one forum (a row of `role_grant`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Role {
    /// Runs the forum: sets up cycles, calls and rules, manages people, sees the audit trail.
    Secretariat,
    /// Chairs the forum's advisory body (the MAG chair for the IGF).
    Chair,
    /// A member of one of the forum's bodies (the MAG, the Leadership Panel…).
    BodyMember,
    /// Evaluates proposals.
    Reviewer,
    /// Organises sessions: submits proposals and reports.
    Organiser,
    /// A registered participant.
    Participant,
}

impl Role {
    pub const ALL: [Role; 6] = [
        Role::Secretariat,
        Role::Chair,
        Role::BodyMember,
        Role::Reviewer,
        Role::Organiser,
        Role::Participant,
    ];

    /// The stable code used in storage, the API and message ids (`body_member`…).
    pub fn code(self) -> &'static str {
        match self {
            Role::Secretariat => "secretariat",
            Role::Chair => "chair",
            Role::BodyMember => "body_member",
            Role::Reviewer => "reviewer",
            Role::Organiser => "organiser",
            Role::Participant => "participant",
        }
    }

    pub fn parse(raw: &str) -> Result<Role, FieldError> {
        Role::ALL
            .into_iter()
            .find(|role| role.code() == raw.trim())
            .ok_or_else(|| {
                FieldError::new(
                    "role",
                    "unknown_role",
                    format!(
                        "unknown role {raw:?}; expected one of secretariat, chair, body_member, reviewer, organiser, participant"
                    ),
                )
            })
    }
}

/// What a route or action requires.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Permission {
    /// Anyone, signed in or not.
    Public,
    /// Any signed-in account.
    SignedIn,
    /// Any role in the forum: the members' area.
    ForumMember,
    /// Grant and revoke roles, add accounts to the forum.
    ManagePeople,
    /// Browse and export the forum's audit trail.
    ViewAudit,
    /// Change the forum's settings, such as its stakeholder groups.
    ManageForum,
    /// Run the forum's bodies: seats, renewals, engagement records, constitution versions,
    /// nomination calls and their review list, slate runs and appointment decisions.
    ManageBodies,
    /// Run the forum's yearly cycle: set-up, screening, overrides, the full proposal list
    /// with proposers' details, imports and exports.
    ManageCalls,
    /// Evaluate proposals: the reviewer queue, the anonymised proposal view, scores and
    /// declared conflicts. The app also checks that the account is in the cycle's reviewer
    /// pool, is assigned the proposal and has no conflict with it.
    Review,
    /// Read the synthesis of the scores (rankings, normalised means, merge suggestions).
    ViewSynthesis,
    /// Propose a selection with the optimiser and record selection decisions (not final).
    DecideSelection,
    /// Record the selection decisions as final: the chair only.
    FinaliseSelection,
}

/// Who is asking, as far as authorisation needs to know: the account (if signed in)
/// and the roles it holds in the forum the request is about (empty outside a forum).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Principal {
    pub account: Option<AccountId>,
    pub roles: Vec<Role>,
}

impl Principal {
    pub fn anonymous() -> Principal {
        Principal {
            account: None,
            roles: Vec::new(),
        }
    }
}

/// Why a request was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Denied {
    /// Nobody is signed in and the permission needs someone: ask them to sign in.
    Unauthenticated,
    /// Signed in, but the roles held do not grant the permission.
    Forbidden,
}

/// The permission rule: `Ok(())` when `principal` may do what `permission` guards.
pub fn authorize(principal: &Principal, permission: Permission) -> Result<(), Denied> {
    if permission == Permission::Public {
        return Ok(());
    }
    if principal.account.is_none() {
        return Err(Denied::Unauthenticated);
    }
    let allowed = permission == Permission::SignedIn
        || principal
            .roles
            .iter()
            .any(|role| role_grants(*role, permission));
    if allowed {
        Ok(())
    } else {
        Err(Denied::Forbidden)
    }
}

/// Whether `role` on its own grants `permission` in its forum.
pub fn role_grants(role: Role, permission: Permission) -> bool {
    match permission {
        Permission::Public | Permission::SignedIn | Permission::ForumMember => true,
        Permission::ManagePeople
        | Permission::ViewAudit
        | Permission::ManageForum
        | Permission::ManageBodies
        | Permission::ManageCalls => role == Role::Secretariat,
        Permission::Review => matches!(role, Role::Reviewer | Role::BodyMember | Role::Chair),
        Permission::ViewSynthesis => {
            matches!(role, Role::Secretariat | Role::Chair | Role::BodyMember)
        }
        Permission::DecideSelection => matches!(role, Role::Secretariat | Role::Chair),
        Permission::FinaliseSelection => role == Role::Chair,
    }
}

#[cfg(test)]
mod tests;
