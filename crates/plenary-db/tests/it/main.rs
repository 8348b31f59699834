//! Storage conformance: every test here runs on SQLite, and on PostgreSQL when
//! PLENARY_TEST_POSTGRES_URL is set (CI always sets it, with PLENARY_REQUIRE_POSTGRES=1).
//! A test that passes on one backend only is a bug in plenary-db, not in the test.

#![expect(
    clippy::unwrap_used,
    reason = "a test fails loudly on the first unexpected error"
)]

mod accounts;
mod audit;
mod bodies;
mod calls;
mod connect;
mod issues;
mod jobs;
mod nominations;
mod reviews;
mod schema;
mod seats;
mod selection;
mod time;

use plenary_db::{Tx, forums};
use plenary_domain::forums::{ForumKind, Slug};
use plenary_domain::{ForumId, Language, Timestamp};
use plenary_testkit::TestDb;

/// The global forum `igf` (English, UTC), created at `at`: where the body tests start.
async fn insert_igf(tx: &mut Tx, at: Timestamp) -> ForumId {
    let slug = Slug::parse("igf").unwrap();
    let forum = forums::NewForum {
        slug: &slug,
        name: "IGF",
        kind: ForumKind::Global,
        country_iso2: None,
        default_language: Language::En,
        time_zone: "UTC",
    };
    forums::insert_forum(tx, &forum, at).await.unwrap()
}

/// Declares `$name::sqlite` and `$name::postgres`, both running `$body` on a fresh database.
macro_rules! both_backends {
    ($name:ident, $body:path) => {
        mod $name {
            #[tokio::test]
            async fn sqlite() {
                $body(plenary_testkit::TestDb::sqlite().await).await
            }
            #[tokio::test]
            async fn postgres() {
                if let Some(db) = plenary_testkit::TestDb::postgres_if_configured().await {
                    $body(db).await
                }
            }
        }
    };
}

both_backends!(forum_round_trip, crate::accounts::forum_round_trip);
both_backends!(
    duplicate_slug_is_a_conflict,
    crate::accounts::duplicate_slug_is_a_conflict
);
both_backends!(accounts_and_roles, crate::accounts::accounts_and_roles);
both_backends!(sessions_and_tokens, crate::accounts::sessions_and_tokens);
both_backends!(
    password_resets_are_single_use,
    crate::accounts::password_resets_are_single_use
);
both_backends!(sign_in_failures, crate::accounts::sign_in_failures);
both_backends!(countries_upsert, crate::accounts::countries_upsert);
both_backends!(audit_filters, crate::audit::audit_filters);
both_backends!(
    bodies_and_rosters_over_time,
    crate::bodies::bodies_and_rosters_over_time
);
both_backends!(
    seats_engagement_and_officers,
    crate::seats::seats_engagement_and_officers
);
both_backends!(
    calls_nominations_and_merges,
    crate::nominations::calls_nominations_and_merges
);
both_backends!(
    issue_inputs_and_counts,
    crate::issues::issue_inputs_and_counts
);
both_backends!(
    proposals_people_screening_and_flags,
    crate::calls::proposals_people_screening_and_flags
);
both_backends!(
    pool_conflicts_assignments_and_reviews,
    crate::reviews::pool_conflicts_assignments_and_reviews
);
both_backends!(
    decisions_history_and_runs,
    crate::selection::decisions_history_and_runs
);
both_backends!(jobs_lifecycle, crate::jobs::jobs_lifecycle);
both_backends!(
    expired_lease_is_reclaimed,
    crate::jobs::expired_lease_is_reclaimed
);
both_backends!(
    timestamps_round_trip_and_order,
    crate::time::timestamps_round_trip_and_order
);
both_backends!(
    parameters_bind_by_number,
    crate::time::parameters_bind_by_number
);
both_backends!(
    schema_is_current_after_migrate,
    crate::schema::schema_is_current_after_migrate
);

/// Shorthand used by the test modules.
pub(crate) type Fixture = TestDb;
