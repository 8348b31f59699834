//! Stage 2 of a cycle: the reviewer pool (seeded from a body's members with accounts),
//! conflicts, assignment runs and assignments (never deleted), reviews (one per reviewer and
//! proposal, draft then submitted) and the proposers of earlier cycles.

use plenary_db::calls::proposals::{self as pq, NewProposal, ProposalContent};
use plenary_db::calls::reviews::{self as q, NewConflict, NewReviewer, ReviewContent};
use plenary_db::{DbError, Tx, accounts, bodies, calls};
use plenary_domain::accounts::{DisplayName, Email};
use plenary_domain::{AccountId, PersonId, Timestamp};

use crate::Fixture;

fn at(text: &str) -> Timestamp {
    text.parse().unwrap()
}

async fn account(
    tx: &mut Tx,
    name: &str,
    email: &str,
    org: Option<&str>,
    now: Timestamp,
) -> (PersonId, AccountId) {
    let org = match org {
        Some(o) => Some(
            accounts::upsert_organisation(tx, o, None, now)
                .await
                .unwrap(),
        ),
        None => None,
    };
    let person = accounts::insert_person(tx, &DisplayName::parse(name).unwrap(), None, org, now)
        .await
        .unwrap();
    let account =
        accounts::insert_account(tx, person, &Email::parse(email).unwrap(), "x", None, now)
            .await
            .unwrap();
    (person, account)
}

fn proposal(cycle: i64, account: AccountId, title: &str, org: &str, status: &str) -> NewProposal {
    NewProposal {
        cycle,
        submitter_account: account.0,
        status: status.into(),
        content: ProposalContent {
            session_type: "workshop".into(),
            title: title.into(),
            issue_area: "ai".into(),
            submitter_organisation: org.into(),
            ..ProposalContent::default()
        },
        people: Vec::new(),
        submitted_at: None,
    }
}

fn reviewer(cycle: i64, account: AccountId, name: &str, membership: Option<i64>) -> NewReviewer {
    NewReviewer {
        cycle,
        account: account.0,
        membership,
        name: name.into(),
        organisation: "Org".into(),
        stakeholder_group: "civil_society".into(),
        country_iso2: "KE".into(),
        region: "african".into(),
        groups: "ai,data".into(),
        expertise: "ai".into(),
        load_cap: 70,
    }
}

pub async fn pool_conflicts_assignments_and_reviews(fx: Fixture) {
    let now = at("2026-06-01T10:00:00Z");
    let mut tx = fx.db.begin().await.unwrap();
    let forum = crate::insert_igf(&mut tx, at("2020-01-01T00:00:00Z")).await;
    let earlier = calls::insert_cycle(&mut tx, forum.0, 2025, "doc", now, now)
        .await
        .unwrap();
    let cycle = calls::insert_cycle(&mut tx, forum.0, 2026, "doc", now, now)
        .await
        .unwrap();
    let later = calls::insert_cycle(&mut tx, forum.0, 2027, "doc", now, now)
        .await
        .unwrap();
    let (ana_p, ana) = account(
        &mut tx,
        "Ana Silva",
        "ana@example.org",
        Some("KICTANet"),
        now,
    )
    .await;
    let (ben_p, ben) = account(&mut tx, "Ben Okafor", "ben@example.org", None, now).await;
    let (_, cleo) = account(&mut tx, "Cleo Ruiz", "cleo@example.org", None, now).await;
    let eve_p = accounts::insert_person(
        &mut tx,
        &DisplayName::parse("Eve No-Account").unwrap(),
        None,
        None,
        now,
    )
    .await
    .unwrap();
    let (_, sub) = account(&mut tx, "Sub Mitter", "sub@example.org", None, now).await;

    // Members of the body: Ana and Ben (current; Ben's earlier seat has ended) and Eve
    // (current, without an account).
    let mag = bodies::insert_body(&mut tx, forum, "mag", "MAG", now)
        .await
        .unwrap();
    let seat = |person, starts: &str, ends: Option<&str>| bodies::NewMembership {
        body: mag,
        person,
        seat_kind: "regular",
        stakeholder_group: "civil_society",
        country_iso2: None,
        gender: "woman",
        term_number: 1,
        starts_at: at(starts),
        ends_at: ends.map(at),
        state: "appointed",
    };
    let m_ana = bodies::insert_membership(&mut tx, &seat(ana_p, "2025-01-01T00:00:00Z", None), now)
        .await
        .unwrap();
    bodies::insert_membership(
        &mut tx,
        &seat(ben_p, "2023-01-01T00:00:00Z", Some("2025-01-01T00:00:00Z")),
        now,
    )
    .await
    .unwrap();
    let m_ben = bodies::insert_membership(&mut tx, &seat(ben_p, "2025-01-01T00:00:00Z", None), now)
        .await
        .unwrap();
    bodies::insert_membership(&mut tx, &seat(eve_p, "2025-01-01T00:00:00Z", None), now)
        .await
        .unwrap();
    tx.commit().await.unwrap();

    let mut tx = fx.db.begin().await.unwrap();
    let members = q::member_accounts(&mut tx, mag, now).await.unwrap();
    assert_eq!(
        members
            .iter()
            .map(|m| (m.name.as_str(), m.membership, m.organisation.as_deref()))
            .collect::<Vec<_>>(),
        vec![
            ("Ana Silva", m_ana, Some("KICTANet")),
            ("Ben Okafor", m_ben, None),
        ]
    );
    assert_eq!(members[0].email, "ana@example.org");
    assert_eq!(members[0].account, ana.0);
    let profile = q::account_profile(&mut tx, ana.0).await.unwrap().unwrap();
    assert_eq!(
        (profile.name.as_str(), profile.organisation.as_deref()),
        ("Ana Silva", Some("KICTANet"))
    );
    assert!(q::account_profile(&mut tx, 9999).await.unwrap().is_none());

    // Seeding twice adds each account once.
    let added = q::insert_reviewers(
        &mut tx,
        &[
            reviewer(cycle, ana, "Ana Silva", Some(m_ana)),
            reviewer(cycle, ben, "Ben Okafor", Some(m_ben)),
        ],
        "Secretariat",
        now,
    )
    .await
    .unwrap();
    assert_eq!(added, 2);
    let again = q::insert_reviewers(
        &mut tx,
        &[
            reviewer(cycle, ana, "Ana Silva", Some(m_ana)),
            reviewer(later, ana, "Ana Silva", Some(m_ana)),
        ],
        "Secretariat",
        now,
    )
    .await
    .unwrap();
    assert_eq!(again, 1, "only the other cycle's row is new");
    let r_cleo = q::insert_reviewer(&mut tx, &reviewer(cycle, cleo, "Cleo Ruiz", None), "S", now)
        .await
        .unwrap();
    tx.commit().await.unwrap();
    // (A failed statement ends a PostgreSQL transaction: the duplicate gets its own.)
    let mut tx = fx.db.begin().await.unwrap();
    let dup =
        q::insert_reviewer(&mut tx, &reviewer(cycle, cleo, "Cleo Ruiz", None), "S", now).await;
    assert!(matches!(dup, Err(DbError::Conflict { .. })), "{dup:?}");
    tx.rollback().await.unwrap();

    let mut tx = fx.db.begin().await.unwrap();
    let pool = q::reviewers_of_cycle(&mut tx, cycle).await.unwrap();
    assert_eq!(
        pool.iter().map(|r| r.name.as_str()).collect::<Vec<_>>(),
        vec!["Ana Silva", "Ben Okafor", "Cleo Ruiz"]
    );
    let r_ana = pool[0].id;
    let r_ben = pool[1].id;
    assert_eq!(pool[0].email, "ana@example.org");
    assert_eq!(pool[0].membership, Some(m_ana));
    assert_eq!(pool[0].groups, "ai,data");
    assert_eq!(pool[0].load_cap, 70);
    assert_eq!(pool[0].added_by, "Secretariat");
    assert_eq!(pool[0].withdrawn_at, None);
    assert_eq!(pool[2].membership, None);
    assert_eq!(
        q::reviewer(&mut tx, r_cleo).await.unwrap().unwrap().name,
        "Cleo Ruiz"
    );
    assert_eq!(
        q::reviewer_of_account(&mut tx, cycle, ben.0)
            .await
            .unwrap()
            .unwrap()
            .id,
        r_ben
    );
    assert!(
        q::reviewer_of_account(&mut tx, cycle, sub.0)
            .await
            .unwrap()
            .is_none()
    );
    assert_eq!(
        q::reviewers_of_cycle(&mut tx, later).await.unwrap().len(),
        1
    );

    // Profile changes.
    q::update_reviewer(&mut tx, r_ben, "data", "ai,rights", 12)
        .await
        .unwrap();
    let ben_row = q::reviewer(&mut tx, r_ben).await.unwrap().unwrap();
    assert_eq!(
        (
            ben_row.groups.as_str(),
            ben_row.expertise.as_str(),
            ben_row.load_cap
        ),
        ("data", "ai,rights", 12)
    );
    assert!(matches!(
        q::update_reviewer(&mut tx, 9999, "", "", 1).await,
        Err(DbError::NotFound)
    ));

    // Withdrawal: once, with the reason kept.
    let later_now = at("2026-06-10T10:00:00Z");
    assert!(
        q::withdraw_reviewer(&mut tx, r_cleo, "illness", later_now)
            .await
            .unwrap()
    );
    assert!(
        !q::withdraw_reviewer(&mut tx, r_cleo, "again", later_now)
            .await
            .unwrap()
    );
    let cleo_row = q::reviewer(&mut tx, r_cleo).await.unwrap().unwrap();
    assert_eq!(cleo_row.withdrawn_at, Some(later_now));
    assert_eq!(cleo_row.withdrawn_reason, "illness");

    // Proposals.
    let (p1, _) = pq::insert_proposal(
        &mut tx,
        &proposal(cycle, sub, "One", "Org A", "submitted"),
        now,
    )
    .await
    .unwrap();
    let (p2, _) = pq::insert_proposal(
        &mut tx,
        &proposal(cycle, sub, "Two", "Org A", "submitted"),
        now,
    )
    .await
    .unwrap();
    let (p3, _) = pq::insert_proposal(
        &mut tx,
        &proposal(cycle, ana, "Three", "KICTANet", "submitted"),
        now,
    )
    .await
    .unwrap();

    assert_eq!(
        q::proposal_by_number(&mut tx, cycle, 2).await.unwrap(),
        Some(p2)
    );
    assert_eq!(
        q::proposal_by_number(&mut tx, cycle, 9).await.unwrap(),
        None
    );
    assert_eq!(
        q::proposal_by_number(&mut tx, later, 2).await.unwrap(),
        None
    );

    // Conflicts: recorded once per reviewer, proposal and reason.
    let conflict = |reviewer, proposal, reason: &str, source: &str| NewConflict {
        reviewer,
        proposal,
        reason: reason.into(),
        source: source.into(),
        detail: format!("{reason} detail"),
    };
    let n = q::insert_conflicts(
        &mut tx,
        &[
            conflict(r_ana, p3, "same_organisation", "detected"),
            conflict(r_ana, p3, "listed_in_proposal", "detected"),
            conflict(r_ben, p1, "own_employer", "declared"),
        ],
        now,
    )
    .await
    .unwrap();
    assert_eq!(n, 3);
    let n = q::insert_conflicts(
        &mut tx,
        &[conflict(r_ana, p3, "same_organisation", "detected")],
        later_now,
    )
    .await
    .unwrap();
    assert_eq!(n, 0);
    let all = q::conflicts_of_cycle(&mut tx, cycle).await.unwrap();
    assert_eq!(
        all.iter()
            .map(|c| (
                c.proposal_number,
                c.reviewer,
                c.reason.as_str(),
                c.source.as_str()
            ))
            .collect::<Vec<_>>(),
        vec![
            (1, r_ben, "own_employer", "declared"),
            (3, r_ana, "same_organisation", "detected"),
            (3, r_ana, "listed_in_proposal", "detected"),
        ]
    );
    assert_eq!(all[1].recorded_at, now, "the first record is kept");
    assert_eq!(all[0].proposal_title, "One");
    assert_eq!(all[0].detail, "own_employer detail");
    assert_eq!(
        q::conflicts_of_reviewer(&mut tx, r_ana)
            .await
            .unwrap()
            .len(),
        2
    );
    assert_eq!(
        q::conflicts_between(&mut tx, r_ben, p1)
            .await
            .unwrap()
            .len(),
        1
    );
    assert!(
        q::conflicts_between(&mut tx, r_ben, p2)
            .await
            .unwrap()
            .is_empty()
    );

    // Runs are numbered per cycle.
    assert!(q::latest_run(&mut tx, cycle).await.unwrap().is_none());
    let (_, run1) = q::insert_run(
        &mut tx,
        cycle,
        "Secretariat",
        "min-cost flow",
        120,
        "{}",
        now,
    )
    .await
    .unwrap();
    let (_, run2) = q::insert_run(
        &mut tx,
        cycle,
        "Secretariat",
        "integer programme",
        118,
        "{\"kept\": 3}",
        later_now,
    )
    .await
    .unwrap();
    let (_, other_run) = q::insert_run(&mut tx, later, "S", "min-cost flow", 1, "", now)
        .await
        .unwrap();
    assert_eq!((run1, run2, other_run), (1, 2, 1));
    let latest = q::latest_run(&mut tx, cycle).await.unwrap().unwrap();
    assert_eq!(
        (
            latest.number,
            latest.method.as_str(),
            latest.objective,
            latest.report.as_str()
        ),
        (2, "integer programme", 118, "{\"kept\": 3}")
    );
    assert_eq!(latest.run_at, later_now);
    assert_eq!(
        q::runs_of_cycle(&mut tx, cycle)
            .await
            .unwrap()
            .iter()
            .map(|r| r.number)
            .collect::<Vec<_>>(),
        vec![2, 1]
    );

    // Assignments: stored active, ended with a reason, never deleted.
    let n = q::insert_assignments(
        &mut tx,
        &[(r_ana, p1), (r_ana, p2), (r_ben, p2), (r_ben, p3)],
        1,
        now,
    )
    .await
    .unwrap();
    assert_eq!(n, 4);
    let active = q::active_assignments(&mut tx, cycle).await.unwrap();
    assert_eq!(
        active
            .iter()
            .map(|a| (a.reviewer, a.proposal))
            .collect::<Vec<_>>(),
        vec![(r_ana, p1), (r_ana, p2), (r_ben, p2), (r_ben, p3)]
    );
    assert!(
        active
            .iter()
            .all(|a| a.active && a.run_number == 1 && a.removed_at.is_none())
    );
    let ben_p2 = active[2].id;
    let ended = q::deactivate_assignments(&mut tx, &[ben_p2], "conflict declared", later_now)
        .await
        .unwrap();
    assert_eq!(ended, 1);
    let ended = q::deactivate_assignments(&mut tx, &[ben_p2], "again", later_now)
        .await
        .unwrap();
    assert_eq!(ended, 0, "an ended assignment stays as it ended");
    assert!(
        q::active_assignment(&mut tx, r_ben, p2)
            .await
            .unwrap()
            .is_none()
    );
    assert_eq!(
        q::active_assignment(&mut tx, r_ben, p3)
            .await
            .unwrap()
            .unwrap()
            .run_number,
        1
    );
    q::insert_assignments(&mut tx, &[(r_ben, p2)], 2, later_now)
        .await
        .unwrap();
    let again = q::active_assignment(&mut tx, r_ben, p2)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(again.run_number, 2);
    assert_ne!(again.id, ben_p2);
    let history = q::assignments_of_cycle(&mut tx, cycle).await.unwrap();
    assert_eq!(history.len(), 5);
    let old = history.iter().find(|a| a.id == ben_p2).unwrap();
    assert!(!old.active);
    assert_eq!(old.removed_at, Some(later_now));
    assert_eq!(old.removed_reason, "conflict declared");
    assert_eq!(
        q::active_assignments_of_reviewer(&mut tx, r_ben)
            .await
            .unwrap()
            .iter()
            .map(|a| a.proposal)
            .collect::<Vec<_>>(),
        vec![p2, p3]
    );

    // Many assignments in one call (more than one statement's worth).
    let many: Vec<(i64, i64)> = (0..450).map(|_| (r_cleo, p1)).collect();
    assert_eq!(
        q::insert_assignments(&mut tx, &many, 3, now).await.unwrap(),
        450
    );
    let ids: Vec<i64> = q::active_assignments_of_reviewer(&mut tx, r_cleo)
        .await
        .unwrap()
        .iter()
        .map(|a| a.id)
        .collect();
    assert_eq!(ids.len(), 450);
    assert_eq!(
        q::deactivate_assignments(&mut tx, &ids, "withdrawn", now)
            .await
            .unwrap(),
        450
    );

    // Reviews: a draft, then submitted; one row per reviewer and proposal.
    let assignment = q::active_assignment(&mut tx, r_ana, p1)
        .await
        .unwrap()
        .unwrap();
    assert!(q::review_of(&mut tx, r_ana, p1).await.unwrap().is_none());
    let draft = ReviewContent {
        state: "draft".into(),
        scores: "overall=2".into(),
        overall: None,
        reasons: String::new(),
        comment: "first thoughts".into(),
        merge_candidate: false,
        merge_with: String::new(),
        submitted_at: None,
    };
    let id = q::save_review(&mut tx, assignment.id, r_ana, p1, &draft, now)
        .await
        .unwrap();
    let submitted = ReviewContent {
        state: "submitted".into(),
        scores: "overall=2".into(),
        overall: Some(2.5),
        reasons: "weak_interaction".into(),
        comment: "thin".into(),
        merge_candidate: true,
        merge_with: "2".into(),
        submitted_at: Some(later_now),
    };
    let id2 = q::save_review(&mut tx, assignment.id, r_ana, p1, &submitted, later_now)
        .await
        .unwrap();
    assert_eq!(id, id2);
    let row = q::review_of(&mut tx, r_ana, p1).await.unwrap().unwrap();
    assert_eq!(row.content, submitted);
    assert_eq!(row.created_at, now);
    assert_eq!(row.updated_at, later_now);
    assert_eq!(row.assignment, assignment.id);
    let b = q::active_assignment(&mut tx, r_ben, p3)
        .await
        .unwrap()
        .unwrap();
    q::save_review(&mut tx, b.id, r_ben, p3, &draft, now)
        .await
        .unwrap();
    assert_eq!(
        q::reviews_of_cycle(&mut tx, cycle)
            .await
            .unwrap()
            .iter()
            .map(|r| (r.proposal, r.reviewer, r.content.state.as_str()))
            .collect::<Vec<_>>(),
        vec![(p1, r_ana, "submitted"), (p3, r_ben, "draft")]
    );
    assert_eq!(
        q::reviews_of_reviewer(&mut tx, r_ben).await.unwrap().len(),
        1
    );
    assert!(
        q::reviews_of_cycle(&mut tx, later)
            .await
            .unwrap()
            .is_empty()
    );

    // Proposers of earlier cycles (drafts do not count).
    pq::insert_proposal(
        &mut tx,
        &proposal(earlier, sub, "Old", "Org A", "submitted"),
        now,
    )
    .await
    .unwrap();
    pq::insert_proposal(
        &mut tx,
        &proposal(earlier, sub, "Old 2", "Org A", "withdrawn"),
        now,
    )
    .await
    .unwrap();
    pq::insert_proposal(
        &mut tx,
        &proposal(earlier, ben, "Drafted", "Org B", "draft"),
        now,
    )
    .await
    .unwrap();
    let proposers = q::earlier_proposers(&mut tx, forum.0, 2026).await.unwrap();
    assert_eq!(
        proposers
            .iter()
            .map(|p| (p.email.as_str(), p.organisation.as_str()))
            .collect::<Vec<_>>(),
        vec![("sub@example.org", "Org A")]
    );
    assert!(
        q::earlier_proposers(&mut tx, forum.0, 2025)
            .await
            .unwrap()
            .is_empty()
    );
    tx.commit().await.unwrap();
}
