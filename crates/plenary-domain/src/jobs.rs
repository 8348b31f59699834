//! Background jobs: their states and the retry policy.
//!
//! A job is queued, claimed by a worker with a lease (running), and ends done or
//! failed. A failed attempt goes back to the queue after `retry_delay(attempt)`
//! until `max_attempts` is reached. The worker is `plenary_app::jobs`.

use crate::time::Seconds;

/// Where a job is in its life cycle (see docs/GLOSSARY.md, "Job").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JobState {
    Queued,
    Running,
    Done,
    Failed,
}

impl JobState {
    pub fn code(self) -> &'static str {
        match self {
            JobState::Queued => "queued",
            JobState::Running => "running",
            JobState::Done => "done",
            JobState::Failed => "failed",
        }
    }

    pub fn from_code(code: &str) -> Option<JobState> {
        [
            JobState::Queued,
            JobState::Running,
            JobState::Done,
            JobState::Failed,
        ]
        .into_iter()
        .find(|s| s.code() == code)
    }
}

/// Attempts a job gets unless it says otherwise.
pub const DEFAULT_MAX_ATTEMPTS: i64 = 8;
/// How long a worker may hold a claimed job before another worker may take it over.
pub const LEASE: Seconds = Seconds(300);

/// Exponential backoff: 10 s after the first failure, doubling, capped at one hour.
pub fn retry_delay(failed_attempts: i64) -> Seconds {
    let exponent = failed_attempts.clamp(1, 20) - 1;
    Seconds((10_i64 << exponent).min(3600))
}

/// What happens after an attempt fails: try again later, or give up.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AfterFailure {
    RetryIn(Seconds),
    GiveUp,
}

pub fn after_failure(attempts_so_far: i64, max_attempts: i64) -> AfterFailure {
    if attempts_so_far >= max_attempts {
        AfterFailure::GiveUp
    } else {
        AfterFailure::RetryIn(retry_delay(attempts_so_far))
    }
}

#[cfg(test)]
mod tests;
