//! Tests for `permissions`.
use super::*;

fn signed_in(roles: &[Role]) -> Principal {
    Principal {
        account: Some(AccountId(1)),
        roles: roles.to_vec(),
    }
}

#[test]
fn anonymous_sees_only_public() {
    let anon = Principal::anonymous();
    assert_eq!(authorize(&anon, Permission::Public), Ok(()));
    for permission in [
        Permission::SignedIn,
        Permission::ForumMember,
        Permission::ManagePeople,
        Permission::ViewAudit,
        Permission::ManageForum,
        Permission::ManageBodies,
        Permission::ManageCalls,
        Permission::Review,
        Permission::ViewSynthesis,
        Permission::DecideSelection,
        Permission::FinaliseSelection,
    ] {
        assert_eq!(authorize(&anon, permission), Err(Denied::Unauthenticated));
    }
}

#[test]
fn an_account_without_roles_in_the_forum_is_not_a_member() {
    let outsider = signed_in(&[]);
    assert_eq!(authorize(&outsider, Permission::SignedIn), Ok(()));
    assert_eq!(
        authorize(&outsider, Permission::ForumMember),
        Err(Denied::Forbidden)
    );
}

#[test]
fn only_the_secretariat_manages_people_and_reads_the_audit_trail() {
    for role in Role::ALL {
        let who = signed_in(&[role]);
        assert_eq!(authorize(&who, Permission::ForumMember), Ok(()), "{role:?}");
        let expected = if role == Role::Secretariat {
            Ok(())
        } else {
            Err(Denied::Forbidden)
        };
        assert_eq!(
            authorize(&who, Permission::ManagePeople),
            expected,
            "{role:?}"
        );
        assert_eq!(authorize(&who, Permission::ViewAudit), expected, "{role:?}");
        assert_eq!(
            authorize(&who, Permission::ManageForum),
            expected,
            "{role:?}"
        );
        assert_eq!(
            authorize(&who, Permission::ManageBodies),
            expected,
            "{role:?}"
        );
    }
}

#[test]
fn role_codes_round_trip() {
    for role in Role::ALL {
        assert_eq!(Role::parse(role.code()), Ok(role));
    }
    assert_eq!(Role::parse("admin").unwrap_err().code, "unknown_role");
}

#[test]
fn reviewers_body_members_and_the_chair_review() {
    for role in Role::ALL {
        let expected = if matches!(role, Role::Reviewer | Role::BodyMember | Role::Chair) {
            Ok(())
        } else {
            Err(Denied::Forbidden)
        };
        assert_eq!(
            authorize(&signed_in(&[role]), Permission::Review),
            expected,
            "{role:?}"
        );
    }
    // The secretariat runs the evaluation but does not score.
    assert_eq!(
        authorize(&signed_in(&[Role::Secretariat]), Permission::Review),
        Err(Denied::Forbidden)
    );
    assert_eq!(
        authorize(&signed_in(&[]), Permission::Review),
        Err(Denied::Forbidden)
    );
}

#[test]
fn the_secretariat_the_chair_and_body_members_read_the_synthesis() {
    for role in Role::ALL {
        let expected = if matches!(role, Role::Secretariat | Role::Chair | Role::BodyMember) {
            Ok(())
        } else {
            Err(Denied::Forbidden)
        };
        assert_eq!(
            authorize(&signed_in(&[role]), Permission::ViewSynthesis),
            expected,
            "{role:?}"
        );
    }
    // A reviewer outside the body does not see the others' scores; with a second role
    // that grants it, they do.
    assert_eq!(
        authorize(&signed_in(&[Role::Reviewer]), Permission::ViewSynthesis),
        Err(Denied::Forbidden)
    );
    assert_eq!(
        authorize(
            &signed_in(&[Role::Reviewer, Role::BodyMember]),
            Permission::ViewSynthesis
        ),
        Ok(())
    );
}

#[test]
fn selection_is_decided_by_secretariat_and_chair_and_finalised_by_the_chair() {
    for role in [Role::Secretariat, Role::Chair] {
        assert_eq!(
            authorize(&signed_in(&[role]), Permission::DecideSelection),
            Ok(())
        );
    }
    for role in [Role::BodyMember, Role::Reviewer] {
        assert_eq!(
            authorize(&signed_in(&[role]), Permission::DecideSelection),
            Err(Denied::Forbidden)
        );
    }
    assert_eq!(
        authorize(&signed_in(&[Role::Chair]), Permission::FinaliseSelection),
        Ok(())
    );
    for role in [Role::Secretariat, Role::BodyMember, Role::Reviewer] {
        assert_eq!(
            authorize(&signed_in(&[role]), Permission::FinaliseSelection),
            Err(Denied::Forbidden)
        );
    }
}
