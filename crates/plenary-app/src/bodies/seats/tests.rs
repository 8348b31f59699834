//! Seat management on the demo forum: each transition, its refusals with the domain's
//! reasons, the vacancy a resignation leaves, officers and the audit trail.

use std::sync::Arc;

use plenary_domain::bodies::{MembershipState, NoticeChannel, Office};
use plenary_domain::{PersonId, Timestamp};
use plenary_testkit::TestDb;

use super::*;
use crate::audit::AuditFilter;
use crate::{App, Mailer, ManualClock, Settings};

struct Fixture {
    app: App,
    secretariat: Viewer,
    participant: Viewer,
    _db: TestDb,
    _mail: tempfile::TempDir,
}

async fn fixture() -> Fixture {
    let db = TestDb::from_env().await;
    let mail = tempfile::tempdir().unwrap();
    let clock = Arc::new(ManualClock::new(
        "2026-11-22T10:00:00Z".parse::<Timestamp>().unwrap(),
    ));
    let mailer = Mailer::from_url(
        &format!("file://{}", mail.path().display()),
        "Plenary <no-reply@plenary.test>",
    )
    .unwrap();
    let app = App::new(
        db.db.clone(),
        clock,
        mailer,
        Settings {
            public_url: "http://plenary.test".into(),
            mail_from: "Plenary <no-reply@plenary.test>".into(),
        },
    );
    crate::demo::load_demo_sized(&app, &|_| {}, crate::demo::DemoSize::Small)
        .await
        .unwrap();
    let viewer = async |email: &str| {
        let signed_in = crate::accounts::sign_in(&app, email, crate::demo::DEMO_PASSWORD)
            .await
            .unwrap();
        Viewer {
            account: Some(signed_in.account),
            session_id: None,
        }
    };
    let secretariat = viewer("secretariat@igf.example.org").await;
    let participant = viewer("participant@igf.example.org").await;
    Fixture {
        app,
        secretariat,
        participant,
        _db: db,
        _mail: mail,
    }
}

fn rule_code(result: Result<impl std::fmt::Debug, ActionError>) -> (&'static str, String) {
    match result {
        Err(ActionError::Rule { code, message }) => (code, message),
        other => panic!("expected a refusal by rule, got {other:?}"),
    }
}

/// The first active regular MAG seat of 2026 matching `pick`.
fn mag_seat(view: &SeatsView, pick: impl Fn(&Seat) -> bool) -> Seat {
    view.seats
        .iter()
        .find(|s| {
            s.seat == SeatKind::Regular
                && matches!(
                    s.state,
                    MembershipState::Appointed | MembershipState::Renewed
                )
                && pick(s)
        })
        .cloned()
        .unwrap()
}

async fn audit_actions(fx: &Fixture, action: &str) -> Vec<String> {
    crate::audit::list(
        &fx.app,
        &fx.secretariat,
        "igf",
        AuditFilter {
            action: Some(action.to_owned()),
            ..AuditFilter::default()
        },
        100,
    )
    .await
    .unwrap()
    .into_iter()
    .map(|e| e.entity_id)
    .collect()
}

#[tokio::test]
async fn transitions_follow_the_domain_and_are_audited() {
    let fx = fixture().await;
    let (app, sec) = (&fx.app, &fx.secretariat);
    let view = seats(app, sec, "igf", "mag", Some(2026)).await.unwrap();
    // The demo's resignation leaves a vacancy to refill at the end of the cycle.
    assert_eq!(view.vacancies.len(), 1, "{:?}", view.vacancies);
    assert_eq!(view.vacancies[0].stakeholder_group, "government");
    assert_eq!(
        view.vacancies[0].refill_at,
        "2027-01-01T00:00:00Z".parse::<Timestamp>().unwrap()
    );
    assert_eq!(view.officers.len(), 1, "the appointed MAG chair of 2026");

    // Renewal: allowed once for a member in good standing, refused a second time.
    let good = mag_seat(&view, |s| {
        s.term_number == 1 && s.engagement.as_ref().is_some_and(|e| e.satisfactory)
    });
    let next = renew_membership(app, sec, "igf", "mag", good.membership, None)
        .await
        .unwrap();
    let again = renew_membership(app, sec, "igf", "mag", good.membership, None).await;
    assert!(matches!(again, Err(ActionError::Conflict(_))), "{again:?}");
    let next_year = seats(app, sec, "igf", "mag", Some(2027)).await.unwrap();
    let renewed = next_year
        .seats
        .iter()
        .find(|s| s.membership == next)
        .unwrap();
    assert_eq!(
        (renewed.person, renewed.term_number, renewed.state),
        (good.person, 2, MembershipState::Renewed)
    );

    // Refusals carry the domain's reason.
    let limited = mag_seat(&view, |s| s.term_number == 3);
    let (code, message) =
        rule_code(renew_membership(app, sec, "igf", "mag", limited.membership, None).await);
    assert_eq!(code, "term_limit_reached");
    assert!(message.contains("3 consecutive terms"), "{message}");
    let (code, _) = rule_code(
        renew_membership(
            app,
            sec,
            "igf",
            "mag",
            limited.membership,
            Some("exceptional"),
        )
        .await,
    );
    assert_eq!(
        code, "term_limit_reached",
        "an override never lifts the term limit"
    );
    let weak = mag_seat(&view, |s| {
        s.term_number < 3 && s.engagement.as_ref().is_some_and(|e| !e.satisfactory)
    });
    let (code, message) =
        rule_code(renew_membership(app, sec, "igf", "mag", weak.membership, None).await);
    assert_eq!(code, "engagement_not_satisfactory");
    assert!(message.contains("60 %"), "{message}");
    renew_membership(
        app,
        sec,
        "igf",
        "mag",
        weak.membership,
        Some("illness, documented"),
    )
    .await
    .unwrap();
    let no_record = seats(app, sec, "igf", "mag", Some(2025)).await.unwrap();
    let old = mag_seat(&no_record, |s| s.term_number < 3 && s.engagement.is_none());
    let (code, _) = rule_code(renew_membership(app, sec, "igf", "mag", old.membership, None).await);
    assert_eq!(code, "engagement_missing");
    let (code, _) = rule_code(
        renew_membership(app, sec, "igf", "mag", old.membership, Some("late record")).await,
    );
    assert_eq!(code, "term_already_over");

    // Resignation: the notice must be dated by now; the vacancy names the group.
    let leaving = mag_seat(&view, |s| {
        s.membership != good.membership && s.membership != weak.membership
    });
    let future: Timestamp = "2026-12-01T00:00:00Z".parse().unwrap();
    let (code, _) = rule_code(
        resign_membership(
            app,
            sec,
            "igf",
            "mag",
            leaving.membership,
            future,
            NoticeChannel::Letter,
        )
        .await,
    );
    assert_eq!(code, "notice_in_the_future");
    let notice: Timestamp = "2026-11-20T00:00:00Z".parse().unwrap();
    let vacancy = resign_membership(
        app,
        sec,
        "igf",
        "mag",
        leaving.membership,
        notice,
        NoticeChannel::Letter,
    )
    .await
    .unwrap();
    assert_eq!(vacancy.stakeholder_group, leaving.stakeholder_group);
    assert_eq!(
        vacancies(app, sec, "igf", "mag", 2026).await.unwrap().len(),
        2
    );
    let (code, _) = rule_code(
        resign_membership(
            app,
            sec,
            "igf",
            "mag",
            leaving.membership,
            notice,
            NoticeChannel::Email,
        )
        .await,
    );
    assert_eq!(code, "membership_not_active");

    // Ending a term: only once it is over. Rotating out: at the end of the term.
    let current = mag_seat(&view, |s| {
        ![good.membership, weak.membership, leaving.membership].contains(&s.membership)
    });
    let (code, _) = rule_code(end_membership(app, sec, "igf", "mag", current.membership).await);
    assert_eq!(code, "term_not_over");
    let past = mag_seat(&no_record, |_| true);
    end_membership(app, sec, "igf", "mag", past.membership)
        .await
        .unwrap();
    rotate_out_membership(app, sec, "igf", "mag", current.membership)
        .await
        .unwrap();
    let after = seats(app, sec, "igf", "mag", Some(2026)).await.unwrap();
    let rotated = after
        .seats
        .iter()
        .find(|s| s.membership == current.membership)
        .unwrap();
    assert_eq!(rotated.state, MembershipState::RotatedOut);
    assert_eq!(rotated.ends_at, current.ends_at);

    // Neither the resigned nor the rotated-out member continues into the slate's cycle.
    let (_, continuing) =
        crate::bodies::roster::continuing_members(app, &Viewer::anonymous(), "igf", "mag", 2027)
            .await
            .unwrap();
    let names: Vec<&str> = continuing.iter().map(|m| m.name.as_str()).collect();
    assert!(!names.contains(&leaving.name.as_str()), "{names:?}");
    assert!(!names.contains(&current.name.as_str()), "{names:?}");
    assert!(names.contains(&good.name.as_str()), "{names:?}");

    // Engagement records: checked, then recorded with the evaluation.
    let bad = EngagementInput {
        meetings_attended: 7,
        meetings_held: 6,
        reviews_done: 0,
        reviews_assigned: 0,
        working_groups: 0,
        note: String::new(),
    };
    let invalid = record_engagement(app, sec, "igf", "mag", current.membership, 2026, &bad).await;
    assert!(
        matches!(invalid, Err(ActionError::Invalid(_))),
        "{invalid:?}"
    );
    let fine = EngagementInput {
        meetings_attended: 5,
        ..bad
    };
    let recorded = record_engagement(app, sec, "igf", "mag", current.membership, 2026, &fine)
        .await
        .unwrap();
    assert!(recorded.satisfactory);
    let wrong_year =
        record_engagement(app, sec, "igf", "mag", current.membership, 2020, &fine).await;
    assert!(
        matches!(wrong_year, Err(ActionError::Invalid(_))),
        "{wrong_year:?}"
    );

    // Every change above is in the trail, with before and after.
    assert!(
        audit_actions(&fx, "membership.renew")
            .await
            .contains(&good.membership.to_string())
    );
    assert!(
        audit_actions(&fx, "membership.resign")
            .await
            .contains(&leaving.membership.to_string())
    );
    assert!(
        audit_actions(&fx, "membership.end")
            .await
            .contains(&past.membership.to_string())
    );
    assert!(
        audit_actions(&fx, "membership.rotate_out")
            .await
            .contains(&current.membership.to_string())
    );
    assert!(
        audit_actions(&fx, "engagement.record")
            .await
            .contains(&current.membership.to_string())
    );
}

#[tokio::test]
async fn renewals_list_the_cycle_and_the_rotation_plan() {
    let fx = fixture().await;
    let view = renewals(&fx.app, &fx.secretariat, "igf", "mag", Some(2027))
        .await
        .unwrap();
    // 55 regular seats, one resigned: 54 up for renewal, those in a third term must leave.
    assert_eq!(view.candidates.len(), 54);
    let limited = view.candidates.iter().filter(|c| c.term_limited).count();
    assert_eq!(view.plan.must_leave.len(), limited);
    assert!(limited > 0);
    assert_eq!(
        view.plan.further_to_choose,
        view.plan
            .target
            .saturating_sub(u32::try_from(limited).unwrap())
    );
    assert!(view.candidates.iter().all(|c| !c.renewed));
}

async fn ctx_chair_rule(app: &App, viewer: &Viewer) -> ChairRule {
    seats(app, viewer, "igf", "leadership-panel", Some(2026))
        .await
        .unwrap()
        .constitution
        .rules()
        .chair
}

#[tokio::test]
async fn officers_follow_the_chair_rule() {
    let fx = fixture().await;
    let (app, sec) = (&fx.app, &fx.secretariat);
    let lp = seats(app, sec, "igf", "leadership-panel", Some(2026))
        .await
        .unwrap();
    assert_eq!(lp.officers.len(), 2);
    let member = |group: &str| {
        lp.seats
            .iter()
            .find(|s| s.seat == SeatKind::Regular && s.stakeholder_group == group)
            .cloned()
            .unwrap()
    };
    // The 2026 chair (the demo's: civil society) and a private-sector member.
    let chair_2026 = lp
        .officers
        .iter()
        .find(|o| o.office == Office::Chair)
        .unwrap();
    let civil = lp
        .seats
        .iter()
        .find(|s| s.person == chair_2026.person)
        .cloned()
        .unwrap();
    assert_eq!(civil.stakeholder_group, "civil_society");
    let private = member("private_sector");
    // 2026 is filled; 2027 needs members: renew two (two-year terms) with an override.
    let (code, _) = rule_code(
        record_officer(
            app,
            sec,
            "igf",
            "leadership-panel",
            2026,
            Office::Chair,
            private.person,
        )
        .await,
    );
    assert_eq!(code, "office_filled");
    let (code, _) = rule_code(
        record_officer(
            app,
            sec,
            "igf",
            "leadership-panel",
            2027,
            Office::Chair,
            private.person,
        )
        .await,
    );
    assert_eq!(code, "officer_not_a_member");
    for seat in [&civil, &private] {
        renew_membership(
            app,
            sec,
            "igf",
            "leadership-panel",
            seat.membership,
            Some("panel renewed"),
        )
        .await
        .unwrap();
    }
    // The Leadership Panel's constitution elects among members and rotates the holders
    // ("held on an annual rotating basis amongst members"), not the stakeholder groups.
    assert!(matches!(
        ctx_chair_rule(app, sec).await,
        ChairRule::ElectedAnnually {
            among_members: true,
            rotate_stakeholder_group: false,
            rotate_holder: true
        }
    ));
    // The 2026 chair cannot chair again in 2027; the refusal names them and the year.
    let (code, message) = rule_code(
        record_officer(
            app,
            sec,
            "igf",
            "leadership-panel",
            2027,
            Office::Chair,
            civil.person,
        )
        .await,
    );
    assert_eq!(code, "same_holder_two_years_running");
    assert_eq!(
        message,
        format!(
            "the chair of this body rotates every year and no one holds it two years running: {} (person {}) is the chair for 2026, so they cannot also be the chair for 2027",
            civil.name, civil.person
        )
    );
    // Nothing was stored by the refusal: the 2027 chair is still open.
    record_officer(
        app,
        sec,
        "igf",
        "leadership-panel",
        2027,
        Office::Chair,
        private.person,
    )
    .await
    .unwrap();
    let (code, message) = rule_code(
        record_officer(
            app,
            sec,
            "igf",
            "leadership-panel",
            2027,
            Office::ViceChair,
            private.person,
        )
        .await,
    );
    assert_eq!(code, "holds_other_office");
    assert!(
        message.contains("one person cannot hold both offices"),
        "{message}"
    );
    // The other office is allowed: the 2026 chair becomes the 2027 vice-chair.
    record_officer(
        app,
        sec,
        "igf",
        "leadership-panel",
        2027,
        Office::ViceChair,
        civil.person,
    )
    .await
    .unwrap();
    let officers = officers_of_year(app, &Viewer::anonymous(), "igf", "leadership-panel", 2027)
        .await
        .unwrap();
    assert_eq!(
        officers
            .iter()
            .map(|o| (o.person, o.office))
            .collect::<Vec<(PersonId, Office)>>(),
        vec![
            (private.person, Office::Chair),
            (civil.person, Office::ViceChair)
        ]
    );
    // The MAG's chair is appointed: recorded as given, no vice-chair.
    let mag = seats(app, sec, "igf", "mag", Some(2026)).await.unwrap();
    let someone = mag.seats[0].person;
    let (code, _) =
        rule_code(record_officer(app, sec, "igf", "mag", 2026, Office::ViceChair, someone).await);
    assert_eq!(code, "no_vice_chair");
    let (code, _) =
        rule_code(record_officer(app, sec, "igf", "mag", 2026, Office::Chair, someone).await);
    assert_eq!(code, "office_filled");
}

#[tokio::test]
async fn only_the_secretariat_manages_seats() {
    let fx = fixture().await;
    let (app, who) = (&fx.app, &fx.participant);
    assert!(matches!(
        seats(app, who, "igf", "mag", Some(2026)).await,
        Err(ActionError::Forbidden)
    ));
    assert!(matches!(
        renewals(app, who, "igf", "mag", Some(2027)).await,
        Err(ActionError::Forbidden)
    ));
    assert!(matches!(
        renew_membership(app, who, "igf", "mag", 1, Some("x")).await,
        Err(ActionError::Forbidden)
    ));
    assert!(matches!(
        rotate_out_membership(app, &Viewer::anonymous(), "igf", "mag", 1).await,
        Err(ActionError::Unauthenticated)
    ));
}
