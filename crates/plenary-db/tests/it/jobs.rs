//! The job queue: idempotent enqueue, claim with a lease, retry, give up.

use plenary_db::jobs::{self, NewJob};
use plenary_domain::Timestamp;

use crate::Fixture;

fn t(s: i64) -> Timestamp {
    Timestamp::from_unix_seconds(1_790_000_000 + s)
}

pub async fn jobs_lifecycle(fx: Fixture) {
    let mut tx = fx.db.begin().await.unwrap();
    let job = NewJob {
        kind: "send_mail",
        payload: "{}",
        idempotency_key: Some("k1"),
        max_attempts: 2,
        run_after: t(0),
    };
    let first = jobs::enqueue(&mut tx, &job, t(0)).await.unwrap();
    assert!(first.is_some());
    assert_eq!(
        jobs::enqueue(&mut tx, &job, t(1)).await.unwrap(),
        None,
        "same key adds nothing"
    );
    let later = NewJob {
        idempotency_key: None,
        run_after: t(100),
        ..job.clone()
    };
    jobs::enqueue(&mut tx, &later, t(0)).await.unwrap();
    tx.commit().await.unwrap();

    let mut tx = fx.db.begin().await.unwrap();
    let claimed = jobs::claim_next(&mut tx, t(5), t(305))
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        (claimed.id, claimed.attempts, claimed.max_attempts),
        (first.unwrap().0, 1, 2)
    );
    assert_eq!(
        jobs::claim_next(&mut tx, t(6), t(306)).await.unwrap(),
        None,
        "the other is not due yet"
    );
    jobs::retry_later(&mut tx, claimed.id, "smtp down", t(20), t(6))
        .await
        .unwrap();
    assert_eq!(
        jobs::claim_next(&mut tx, t(10), t(310)).await.unwrap(),
        None
    );
    let again = jobs::claim_next(&mut tx, t(20), t(320))
        .await
        .unwrap()
        .unwrap();
    assert_eq!((again.id, again.attempts), (claimed.id, 2));
    jobs::give_up(&mut tx, again.id, "smtp still down", t(21))
        .await
        .unwrap();
    let due = jobs::claim_next(&mut tx, t(100), t(400))
        .await
        .unwrap()
        .unwrap();
    jobs::finish(&mut tx, due.id, t(101)).await.unwrap();
    assert_eq!(
        jobs::claim_next(&mut tx, t(1000), t(1300)).await.unwrap(),
        None
    );
    let listed = jobs::recent_jobs(&mut tx, 10).await.unwrap();
    let states: Vec<(&str, Option<&str>)> = listed
        .iter()
        .map(|j| (j.state.code(), j.last_error.as_deref()))
        .collect();
    assert_eq!(
        states,
        vec![("done", None), ("failed", Some("smtp still down"))]
    );
    tx.commit().await.unwrap();
}

pub async fn expired_lease_is_reclaimed(fx: Fixture) {
    let mut tx = fx.db.begin().await.unwrap();
    let job = NewJob {
        kind: "k",
        payload: "{}",
        idempotency_key: None,
        max_attempts: 5,
        run_after: t(0),
    };
    jobs::enqueue(&mut tx, &job, t(0)).await.unwrap();
    let claimed = jobs::claim_next(&mut tx, t(1), t(301))
        .await
        .unwrap()
        .unwrap();
    // A worker that died holds the lease until it expires; then another worker takes over.
    assert_eq!(
        jobs::claim_next(&mut tx, t(300), t(600)).await.unwrap(),
        None
    );
    let retaken = jobs::claim_next(&mut tx, t(302), t(602))
        .await
        .unwrap()
        .unwrap();
    assert_eq!((retaken.id, retaken.attempts), (claimed.id, 2));
    tx.commit().await.unwrap();
}
