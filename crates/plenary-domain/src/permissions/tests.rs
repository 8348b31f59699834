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
