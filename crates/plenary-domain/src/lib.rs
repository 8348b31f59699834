#![doc = include_str!("../README.md")]

pub mod accounts;
pub mod audit;
pub mod bodies;
pub mod calls;
pub mod countries;
pub mod forums;
pub mod ids;
pub mod jobs;
pub mod language;
pub mod permissions;
pub mod time;

pub use ids::{AccountId, ForumId, JobId, OrganisationId, PersonId, StakeholderGroupId};
pub use language::Language;
pub use time::Timestamp;

/// A value given by a person that failed validation, with the field it came from.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{field}: {problem}")]
pub struct FieldError {
    /// The field's name as the user or API client sent it (`email`, `slug`…).
    pub field: &'static str,
    /// What is wrong, in lower-case English (shown in API errors; pages translate `code`).
    pub problem: String,
    /// A stable snake_case code for the problem (`too_long`, `not_an_email`…).
    pub code: &'static str,
}

impl FieldError {
    pub fn new(field: &'static str, code: &'static str, problem: impl Into<String>) -> FieldError {
        FieldError {
            field,
            code,
            problem: problem.into(),
        }
    }
}
