//! Typed ids for every stored entity, so a `ForumId` can never be passed where an
//! `AccountId` is expected.
//!
//! Ids are the database's 64-bit integer keys; `plenary-db` converts them at its edge.

macro_rules! id_type {
    ($($(#[$doc:meta])* $name:ident),* $(,)?) => {
        $(
            $(#[$doc])*
            #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
            pub struct $name(pub i64);

            impl std::fmt::Display for $name {
                fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                    write!(f, "{}", self.0)
                }
            }
        )*
    };
}

id_type!(
    /// A forum: the global IGF or one national, regional or youth initiative.
    ForumId,
    /// A sign-in identity.
    AccountId,
    /// A person known to a forum (who may or may not have an account).
    PersonId,
    /// An organisation people belong to.
    OrganisationId,
    /// A stakeholder group of one forum.
    StakeholderGroupId,
    /// A background job.
    JobId,
    /// An audit event.
    AuditEventId,
    /// An API token.
    ApiTokenId,
);
