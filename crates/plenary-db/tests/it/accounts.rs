//! Forums, people, accounts, roles, sessions, tokens, resets and countries.

use plenary_db::accounts as q;
use plenary_db::forums::{self, NewForum};
use plenary_db::{DbError, Tx};
use plenary_domain::accounts::{DisplayName, Email};
use plenary_domain::countries::{Country, DevelopmentStatus, UnRegionalGroup};
use plenary_domain::forums::{ForumKind, Slug};
use plenary_domain::permissions::Role;
use plenary_domain::{AccountId, ForumId, Language, Timestamp};

use crate::Fixture;

fn at(seconds: i64) -> Timestamp {
    Timestamp::from_unix_seconds(1_790_000_000 + seconds)
}

async fn new_forum(tx: &mut Tx, slug: &str) -> ForumId {
    let slug = Slug::parse(slug).unwrap();
    let forum = NewForum {
        slug: &slug,
        name: "Kenya IGF",
        kind: ForumKind::National,
        country_iso2: Some("KE"),
        default_language: Language::En,
        time_zone: "Africa/Nairobi",
    };
    forums::insert_forum(tx, &forum, at(0)).await.unwrap()
}

async fn new_account(tx: &mut Tx, email: &str) -> AccountId {
    let name = DisplayName::parse("Wanjiru M.").unwrap();
    let person = q::insert_person(tx, &name, None, None, at(0))
        .await
        .unwrap();
    q::insert_account(
        tx,
        person,
        &Email::parse(email).unwrap(),
        "$argon2id$fake",
        None,
        at(0),
    )
    .await
    .unwrap()
}

pub async fn forum_round_trip(fx: Fixture) {
    let mut tx = fx.db.begin().await.unwrap();
    let id = new_forum(&mut tx, "kigf").await;
    forums::insert_stakeholder_group(&mut tx, id, "civil_society", "Civil society", 2)
        .await
        .unwrap();
    forums::insert_stakeholder_group(&mut tx, id, "government", "Government", 1)
        .await
        .unwrap();
    tx.commit().await.unwrap();

    let mut tx = fx.db.read().await.unwrap();
    let forum = forums::forum_by_slug(&mut tx, "kigf")
        .await
        .unwrap()
        .unwrap();
    assert_eq!(forum.id, id);
    assert_eq!(forum.kind, ForumKind::National);
    assert_eq!(forum.country_iso2.as_deref(), Some("KE"));
    assert_eq!(forum.time_zone, "Africa/Nairobi");
    assert_eq!(forums::forum_by_id(&mut tx, id).await.unwrap(), Some(forum));
    assert_eq!(forums::forum_by_slug(&mut tx, "nope").await.unwrap(), None);
    let codes: Vec<String> = forums::stakeholder_groups(&mut tx, id)
        .await
        .unwrap()
        .into_iter()
        .map(|g| g.code)
        .collect();
    assert_eq!(codes, vec!["government", "civil_society"]);
}

pub async fn duplicate_slug_is_a_conflict(fx: Fixture) {
    let mut tx = fx.db.begin().await.unwrap();
    new_forum(&mut tx, "kigf").await;
    tx.commit().await.unwrap();
    let mut tx = fx.db.begin().await.unwrap();
    let slug = Slug::parse("kigf").unwrap();
    let again = NewForum {
        slug: &slug,
        name: "Other",
        kind: ForumKind::National,
        country_iso2: None,
        default_language: Language::Fr,
        time_zone: "UTC",
    };
    let err = forums::insert_forum(&mut tx, &again, at(1))
        .await
        .unwrap_err();
    assert!(matches!(err, DbError::Conflict { .. }), "{err:?}");
}

pub async fn accounts_and_roles(fx: Fixture) {
    let mut tx = fx.db.begin().await.unwrap();
    let forum = new_forum(&mut tx, "kigf").await;
    let other = new_forum(&mut tx, "ugigf").await;
    let id = new_account(&mut tx, "Wanjiru@Example.org").await;
    assert!(
        q::grant_role(&mut tx, id, forum, Role::Reviewer, at(5))
            .await
            .unwrap()
    );
    assert!(
        !q::grant_role(&mut tx, id, forum, Role::Reviewer, at(6))
            .await
            .unwrap()
    );
    assert!(
        q::grant_role(&mut tx, id, forum, Role::Chair, at(7))
            .await
            .unwrap()
    );
    assert!(
        q::grant_role(&mut tx, id, other, Role::Participant, at(7))
            .await
            .unwrap()
    );
    q::set_account_language(&mut tx, id, Some(Language::Ar))
        .await
        .unwrap();
    tx.commit().await.unwrap();

    let mut tx = fx.db.begin().await.unwrap();
    let record = q::account_by_email(&mut tx, "WANJIRU@example.org ")
        .await
        .unwrap()
        .unwrap();
    assert_eq!(record.account.id, id);
    assert_eq!(record.account.email.as_str(), "wanjiru@example.org");
    assert_eq!(record.account.display_name.as_str(), "Wanjiru M.");
    assert_eq!(record.account.language, Some(Language::Ar));
    assert_eq!(record.password_hash, "$argon2id$fake");
    assert!(!record.account.disabled);
    assert_eq!(
        q::roles_in_forum(&mut tx, id, forum).await.unwrap(),
        vec![Role::Chair, Role::Reviewer]
    );
    assert_eq!(
        q::roles_in_forum(&mut tx, id, other).await.unwrap(),
        vec![Role::Participant]
    );
    let holders = q::role_holders(&mut tx, forum).await.unwrap();
    assert_eq!(holders.len(), 2);
    assert_eq!(holders[0].granted_at, at(7));
    assert_eq!(
        q::forum_roles_of_account(&mut tx, id).await.unwrap(),
        vec![
            ("kigf".to_owned(), Role::Chair),
            ("kigf".to_owned(), Role::Reviewer),
            ("ugigf".to_owned(), Role::Participant)
        ]
    );
    assert!(
        q::revoke_role(&mut tx, id, forum, Role::Chair)
            .await
            .unwrap()
    );
    assert!(
        !q::revoke_role(&mut tx, id, forum, Role::Chair)
            .await
            .unwrap()
    );
    assert_eq!(
        q::roles_in_forum(&mut tx, id, forum).await.unwrap(),
        vec![Role::Reviewer]
    );
    assert_eq!(q::count_accounts(&mut tx).await.unwrap(), 1);
    // The address is unique whatever its case.
    let person = q::insert_person(
        &mut tx,
        &DisplayName::parse("X").unwrap(),
        None,
        None,
        at(0),
    )
    .await
    .unwrap();
    let dup = q::insert_account(
        &mut tx,
        person,
        &Email::parse("wanjiru@example.org").unwrap(),
        "h",
        None,
        at(0),
    )
    .await;
    assert!(matches!(dup, Err(DbError::Conflict { .. })), "{dup:?}");
}

pub async fn sessions_and_tokens(fx: Fixture) {
    let mut tx = fx.db.begin().await.unwrap();
    let id = new_account(&mut tx, "a@example.org").await;
    let s1 = q::insert_session(&mut tx, "hash-1", id, at(0))
        .await
        .unwrap();
    let s2 = q::insert_session(&mut tx, "hash-2", id, at(1))
        .await
        .unwrap();
    q::touch_session(&mut tx, s1, at(50)).await.unwrap();
    let record = q::session_by_token_hash(&mut tx, "hash-1")
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        (
            record.id,
            record.account,
            record.created_at,
            record.last_seen_at,
            record.ended_at
        ),
        (s1, id, at(0), at(50), None)
    );
    assert!(q::end_session(&mut tx, s1, at(60)).await.unwrap());
    assert!(!q::end_session(&mut tx, s1, at(61)).await.unwrap());
    assert_eq!(q::end_all_sessions(&mut tx, id, at(70)).await.unwrap(), 1);
    let ended = q::session_by_token_hash(&mut tx, "hash-2")
        .await
        .unwrap()
        .unwrap();
    assert_eq!((ended.id, ended.ended_at), (s2, Some(at(70))));
    assert_eq!(
        q::session_by_token_hash(&mut tx, "nope").await.unwrap(),
        None
    );

    let t1 = q::insert_api_token(&mut tx, id, "scripts", "thash", at(3))
        .await
        .unwrap();
    q::touch_api_token(&mut tx, t1, at(4)).await.unwrap();
    let token = q::api_token_by_hash(&mut tx, "thash")
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        (
            token.id,
            token.name.as_str(),
            token.last_used_at,
            token.revoked_at
        ),
        (t1, "scripts", Some(at(4)), None)
    );
    let other = new_account(&mut tx, "b@example.org").await;
    assert!(
        !q::revoke_api_token(&mut tx, other, t1, at(5))
            .await
            .unwrap(),
        "only the owner revokes"
    );
    assert!(q::revoke_api_token(&mut tx, id, t1, at(5)).await.unwrap());
    assert_eq!(
        q::api_tokens_of(&mut tx, id).await.unwrap()[0].revoked_at,
        Some(at(5))
    );
}

pub async fn password_resets_are_single_use(fx: Fixture) {
    let mut tx = fx.db.begin().await.unwrap();
    let id = new_account(&mut tx, "a@example.org").await;
    let reset = q::insert_password_reset(&mut tx, id, "rhash", at(0), at(3600))
        .await
        .unwrap();
    let record = q::password_reset_by_hash(&mut tx, "rhash")
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        (record.id, record.account, record.expires_at, record.used_at),
        (reset, id, at(3600), None)
    );
    assert!(q::use_password_reset(&mut tx, reset, at(10)).await.unwrap());
    assert!(!q::use_password_reset(&mut tx, reset, at(11)).await.unwrap());
    q::set_password_hash(&mut tx, id, "new-hash").await.unwrap();
    assert_eq!(
        q::account_by_id(&mut tx, id)
            .await
            .unwrap()
            .unwrap()
            .password_hash,
        "new-hash"
    );
}

pub async fn sign_in_failures(fx: Fixture) {
    let mut tx = fx.db.begin().await.unwrap();
    for s in [10, 20, 30] {
        q::record_sign_in_failure(&mut tx, "A@example.org", at(s))
            .await
            .unwrap();
    }
    q::record_sign_in_failure(&mut tx, "b@example.org", at(25))
        .await
        .unwrap();
    assert_eq!(
        q::sign_in_failures_since(&mut tx, "a@EXAMPLE.org", at(15))
            .await
            .unwrap(),
        vec![at(20), at(30)]
    );
    q::clear_sign_in_failures(&mut tx, "a@example.org")
        .await
        .unwrap();
    assert_eq!(
        q::sign_in_failures_since(&mut tx, "a@example.org", at(0))
            .await
            .unwrap(),
        vec![]
    );
    assert_eq!(
        q::sign_in_failures_since(&mut tx, "b@example.org", at(0))
            .await
            .unwrap(),
        vec![at(25)]
    );
}

pub async fn countries_upsert(fx: Fixture) {
    use plenary_db::countries as c;
    let mut kenya = Country {
        iso2: "KE".into(),
        iso3: "KEN".into(),
        numeric: "404".into(),
        name: "Kenya".into(),
        un_regional_group: UnRegionalGroup::African,
        m49_region: "Africa".into(),
        m49_subregion: "Sub-Saharan Africa".into(),
        development_status: Some(DevelopmentStatus::Developing),
        ldc: false,
        lldc: false,
        sids: false,
    };
    let mut tx = fx.db.begin().await.unwrap();
    c::upsert_country(&mut tx, &kenya).await.unwrap();
    kenya.ldc = true;
    c::upsert_country(&mut tx, &kenya).await.unwrap();
    assert_eq!(c::count_countries(&mut tx).await.unwrap(), 1);
    assert_eq!(
        c::country_by_iso2(&mut tx, "ke").await.unwrap(),
        Some(kenya.clone())
    );
    assert_eq!(c::all_countries(&mut tx).await.unwrap(), vec![kenya]);
}
