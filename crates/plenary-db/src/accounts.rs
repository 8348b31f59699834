//! People, accounts, roles per forum, sessions, API tokens, password resets and
//! sign-in failures.
//!
//! Tokens (session, API, reset) are stored only as SHA-256 hashes: the caller hashes
//! before it asks. Nothing here decides whether a session is still valid; that is
//! `plenary_domain::accounts::is_session_live`.

use plenary_domain::accounts::{Account, DisplayName, Email};
use plenary_domain::permissions::Role;
use plenary_domain::{AccountId, ForumId, Language, OrganisationId, PersonId, Timestamp};

use crate::{DbError, DbTime, Tx, count, exec_tx, on_tx};

/// An account as stored, with the secret it signs in with.
#[derive(Debug, Clone)]
pub struct AccountRecord {
    pub account: Account,
    pub person: PersonId,
    pub password_hash: String,
}

#[derive(Debug, sqlx::FromRow)]
struct AccountRow {
    id: i64,
    person_id: i64,
    email: String,
    display_name: String,
    password_hash: String,
    language: Option<String>,
    disabled: bool,
    created_at: DbTime,
}

impl AccountRow {
    fn into_record(self) -> Result<AccountRecord, DbError> {
        let corrupt =
            |e: plenary_domain::FieldError| DbError::Corrupt(format!("account {}: {e}", self.id));
        Ok(AccountRecord {
            account: Account {
                id: AccountId(self.id),
                email: Email::parse(&self.email).map_err(corrupt)?,
                display_name: DisplayName::parse(&self.display_name).map_err(corrupt)?,
                language: self
                    .language
                    .as_deref()
                    .map(Language::parse)
                    .transpose()
                    .map_err(corrupt)?,
                created_at: self.created_at.0,
                disabled: self.disabled,
            },
            person: PersonId(self.person_id),
            password_hash: self.password_hash,
        })
    }
}

const INSERT_ORGANISATION: &str = "
    insert into organisation (name, country_iso2, created_at)
    values ($1, $2, $3)
    on conflict (name) do update set name = excluded.name
    returning id";

/// Creates the organisation, or returns the existing one of that name.
pub async fn upsert_organisation(
    tx: &mut Tx,
    name: &str,
    country_iso2: Option<&str>,
    now: Timestamp,
) -> Result<OrganisationId, DbError> {
    let (id,): (i64,) = on_tx!(tx, |conn| sqlx::query_as(INSERT_ORGANISATION)
        .bind(name)
        .bind(country_iso2)
        .bind(DbTime(now))
        .fetch_one(conn)
        .await)?;
    Ok(OrganisationId(id))
}

const INSERT_PERSON: &str = "
    insert into person (display_name, country_iso2, organisation_id, created_at)
    values ($1, $2, $3, $4)
    returning id";

pub async fn insert_person(
    tx: &mut Tx,
    display_name: &DisplayName,
    country_iso2: Option<&str>,
    organisation: Option<OrganisationId>,
    now: Timestamp,
) -> Result<PersonId, DbError> {
    let (id,): (i64,) = on_tx!(tx, |conn| sqlx::query_as(INSERT_PERSON)
        .bind(display_name.as_str())
        .bind(country_iso2)
        .bind(organisation.map(|o| o.0))
        .bind(DbTime(now))
        .fetch_one(conn)
        .await)?;
    Ok(PersonId(id))
}

const INSERT_ACCOUNT: &str = "
    insert into account (person_id, email, password_hash, language, disabled, created_at)
    values ($1, $2, $3, $4, $5, $6)
    returning id";

pub async fn insert_account(
    tx: &mut Tx,
    person: PersonId,
    email: &Email,
    password_hash: &str,
    language: Option<Language>,
    now: Timestamp,
) -> Result<AccountId, DbError> {
    let (id,): (i64,) = on_tx!(tx, |conn| sqlx::query_as(INSERT_ACCOUNT)
        .bind(person.0)
        .bind(email.as_str())
        .bind(password_hash)
        .bind(language.map(Language::code))
        .bind(false)
        .bind(DbTime(now))
        .fetch_one(conn)
        .await)?;
    Ok(AccountId(id))
}

const ACCOUNT_BY_EMAIL: &str = "
    select a.id, a.person_id, a.email, p.display_name, a.password_hash, a.language,
           a.disabled, a.created_at
    from account a
    join person p on p.id = a.person_id
    where a.email = lower($1)";

pub async fn account_by_email(tx: &mut Tx, email: &str) -> Result<Option<AccountRecord>, DbError> {
    let row: Option<AccountRow> = on_tx!(tx, |conn| sqlx::query_as(ACCOUNT_BY_EMAIL)
        .bind(email.trim())
        .fetch_optional(conn)
        .await)?;
    row.map(AccountRow::into_record).transpose()
}

const ACCOUNT_BY_ID: &str = "
    select a.id, a.person_id, a.email, p.display_name, a.password_hash, a.language,
           a.disabled, a.created_at
    from account a
    join person p on p.id = a.person_id
    where a.id = $1";

pub async fn account_by_id(tx: &mut Tx, id: AccountId) -> Result<Option<AccountRecord>, DbError> {
    let row: Option<AccountRow> = on_tx!(tx, |conn| sqlx::query_as(ACCOUNT_BY_ID)
        .bind(id.0)
        .fetch_optional(conn)
        .await)?;
    row.map(AccountRow::into_record).transpose()
}

const SET_LANGUAGE: &str = "update account set language = $2 where id = $1";

pub async fn set_account_language(
    tx: &mut Tx,
    id: AccountId,
    language: Option<Language>,
) -> Result<(), DbError> {
    exec_tx!(tx, |conn| sqlx::query(SET_LANGUAGE)
        .bind(id.0)
        .bind(language.map(Language::code))
        .execute(conn)
        .await)?;
    Ok(())
}

const SET_PASSWORD_HASH: &str = "update account set password_hash = $2 where id = $1";

pub async fn set_password_hash(tx: &mut Tx, id: AccountId, hash: &str) -> Result<(), DbError> {
    exec_tx!(tx, |conn| sqlx::query(SET_PASSWORD_HASH)
        .bind(id.0)
        .bind(hash)
        .execute(conn)
        .await)?;
    Ok(())
}

const COUNT_ACCOUNTS: &str = "select count(*) from account";

pub async fn count_accounts(tx: &mut Tx) -> Result<u64, DbError> {
    let (n,): (i64,) = on_tx!(tx, |conn| sqlx::query_as(COUNT_ACCOUNTS)
        .fetch_one(conn)
        .await)?;
    Ok(count(n))
}

// ---- roles ----

const GRANT_ROLE: &str = "
    insert into role_grant (account_id, forum_id, role, granted_at)
    values ($1, $2, $3, $4)
    on conflict (account_id, forum_id, role) do nothing
    returning id";

/// Grants the role; `false` when the account already held it.
pub async fn grant_role(
    tx: &mut Tx,
    account: AccountId,
    forum: ForumId,
    role: Role,
    now: Timestamp,
) -> Result<bool, DbError> {
    let row: Option<(i64,)> = on_tx!(tx, |conn| sqlx::query_as(GRANT_ROLE)
        .bind(account.0)
        .bind(forum.0)
        .bind(role.code())
        .bind(DbTime(now))
        .fetch_optional(conn)
        .await)?;
    Ok(row.is_some())
}

const REVOKE_ROLE: &str = "
    delete from role_grant
    where account_id = $1 and forum_id = $2 and role = $3";

/// Revokes the role; `false` when the account did not hold it.
pub async fn revoke_role(
    tx: &mut Tx,
    account: AccountId,
    forum: ForumId,
    role: Role,
) -> Result<bool, DbError> {
    let done = exec_tx!(tx, |conn| sqlx::query(REVOKE_ROLE)
        .bind(account.0)
        .bind(forum.0)
        .bind(role.code())
        .execute(conn)
        .await)?;
    Ok(done > 0)
}

const ROLES_IN_FORUM: &str = "
    select role
    from role_grant
    where account_id = $1 and forum_id = $2
    order by role";

pub async fn roles_in_forum(
    tx: &mut Tx,
    account: AccountId,
    forum: ForumId,
) -> Result<Vec<Role>, DbError> {
    let rows: Vec<(String,)> = on_tx!(tx, |conn| sqlx::query_as(ROLES_IN_FORUM)
        .bind(account.0)
        .bind(forum.0)
        .fetch_all(conn)
        .await)?;
    rows.into_iter()
        .map(|(code,)| Role::parse(&code).map_err(|e| DbError::Corrupt(e.to_string())))
        .collect()
}

/// One person holding one role in a forum.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RoleHolder {
    pub account: AccountId,
    pub email: String,
    pub display_name: String,
    pub role: Role,
    pub granted_at: Timestamp,
}

#[derive(Debug, sqlx::FromRow)]
struct RoleHolderRow {
    account_id: i64,
    email: String,
    display_name: String,
    role: String,
    granted_at: DbTime,
}

const ROLE_HOLDERS: &str = "
    select g.account_id, a.email, p.display_name, g.role, g.granted_at
    from role_grant g
    join account a on a.id = g.account_id
    join person p on p.id = a.person_id
    where g.forum_id = $1
    order by p.display_name, a.id, g.role";

pub async fn role_holders(tx: &mut Tx, forum: ForumId) -> Result<Vec<RoleHolder>, DbError> {
    let rows: Vec<RoleHolderRow> = on_tx!(tx, |conn| sqlx::query_as(ROLE_HOLDERS)
        .bind(forum.0)
        .fetch_all(conn)
        .await)?;
    rows.into_iter()
        .map(|row| {
            Ok(RoleHolder {
                account: AccountId(row.account_id),
                email: row.email,
                display_name: row.display_name,
                role: Role::parse(&row.role).map_err(|e| DbError::Corrupt(e.to_string()))?,
                granted_at: row.granted_at.0,
            })
        })
        .collect()
}

const FORUM_ROLES_OF_ACCOUNT: &str = "
    select f.slug, g.role
    from role_grant g
    join forum f on f.id = g.forum_id
    where g.account_id = $1
    order by f.slug, g.role";

/// The (forum slug, role) pairs an account holds, for its account page.
pub async fn forum_roles_of_account(
    tx: &mut Tx,
    account: AccountId,
) -> Result<Vec<(String, Role)>, DbError> {
    let rows: Vec<(String, String)> = on_tx!(tx, |conn| sqlx::query_as(FORUM_ROLES_OF_ACCOUNT)
        .bind(account.0)
        .fetch_all(conn)
        .await)?;
    rows.into_iter()
        .map(|(slug, code)| {
            Ok((
                slug,
                Role::parse(&code).map_err(|e| DbError::Corrupt(e.to_string()))?,
            ))
        })
        .collect()
}

// ---- sessions ----

/// A stored session (the token itself is never stored).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SessionRecord {
    pub id: i64,
    pub account: AccountId,
    pub created_at: Timestamp,
    pub last_seen_at: Timestamp,
    pub ended_at: Option<Timestamp>,
}

#[derive(Debug, sqlx::FromRow)]
struct SessionRow {
    id: i64,
    account_id: i64,
    created_at: DbTime,
    last_seen_at: DbTime,
    ended_at: Option<DbTime>,
}

const INSERT_SESSION: &str = "
    insert into session (token_hash, account_id, created_at, last_seen_at)
    values ($1, $2, $3, $3)
    returning id";

pub async fn insert_session(
    tx: &mut Tx,
    token_hash: &str,
    account: AccountId,
    now: Timestamp,
) -> Result<i64, DbError> {
    let (id,): (i64,) = on_tx!(tx, |conn| sqlx::query_as(INSERT_SESSION)
        .bind(token_hash)
        .bind(account.0)
        .bind(DbTime(now))
        .fetch_one(conn)
        .await)?;
    Ok(id)
}

const SESSION_BY_TOKEN_HASH: &str = "
    select id, account_id, created_at, last_seen_at, ended_at
    from session
    where token_hash = $1";

pub async fn session_by_token_hash(
    tx: &mut Tx,
    token_hash: &str,
) -> Result<Option<SessionRecord>, DbError> {
    let row: Option<SessionRow> = on_tx!(tx, |conn| sqlx::query_as(SESSION_BY_TOKEN_HASH)
        .bind(token_hash)
        .fetch_optional(conn)
        .await)?;
    Ok(row.map(|row| SessionRecord {
        id: row.id,
        account: AccountId(row.account_id),
        created_at: row.created_at.0,
        last_seen_at: row.last_seen_at.0,
        ended_at: row.ended_at.map(|t| t.0),
    }))
}

const TOUCH_SESSION: &str = "update session set last_seen_at = $2 where id = $1";

pub async fn touch_session(tx: &mut Tx, id: i64, now: Timestamp) -> Result<(), DbError> {
    exec_tx!(tx, |conn| sqlx::query(TOUCH_SESSION)
        .bind(id)
        .bind(DbTime(now))
        .execute(conn)
        .await)?;
    Ok(())
}

const END_SESSION: &str = "update session set ended_at = $2 where id = $1 and ended_at is null";

pub async fn end_session(tx: &mut Tx, id: i64, now: Timestamp) -> Result<bool, DbError> {
    let done = exec_tx!(tx, |conn| sqlx::query(END_SESSION)
        .bind(id)
        .bind(DbTime(now))
        .execute(conn)
        .await)?;
    Ok(done > 0)
}

const END_ALL_SESSIONS: &str = "
    update session set ended_at = $2
    where account_id = $1 and ended_at is null";

/// Ends every open session of the account; returns how many were open.
pub async fn end_all_sessions(
    tx: &mut Tx,
    account: AccountId,
    now: Timestamp,
) -> Result<u64, DbError> {
    let done = exec_tx!(tx, |conn| sqlx::query(END_ALL_SESSIONS)
        .bind(account.0)
        .bind(DbTime(now))
        .execute(conn)
        .await)?;
    Ok(done)
}

// ---- API tokens ----

/// An API token as listed to its owner (never with the secret).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiTokenRecord {
    pub id: i64,
    pub account: AccountId,
    pub name: String,
    pub created_at: Timestamp,
    pub last_used_at: Option<Timestamp>,
    pub revoked_at: Option<Timestamp>,
}

#[derive(Debug, sqlx::FromRow)]
struct ApiTokenRow {
    id: i64,
    account_id: i64,
    name: String,
    created_at: DbTime,
    last_used_at: Option<DbTime>,
    revoked_at: Option<DbTime>,
}

impl From<ApiTokenRow> for ApiTokenRecord {
    fn from(row: ApiTokenRow) -> ApiTokenRecord {
        ApiTokenRecord {
            id: row.id,
            account: AccountId(row.account_id),
            name: row.name,
            created_at: row.created_at.0,
            last_used_at: row.last_used_at.map(|t| t.0),
            revoked_at: row.revoked_at.map(|t| t.0),
        }
    }
}

const INSERT_API_TOKEN: &str = "
    insert into api_token (account_id, name, token_hash, created_at)
    values ($1, $2, $3, $4)
    returning id";

pub async fn insert_api_token(
    tx: &mut Tx,
    account: AccountId,
    name: &str,
    token_hash: &str,
    now: Timestamp,
) -> Result<i64, DbError> {
    let (id,): (i64,) = on_tx!(tx, |conn| sqlx::query_as(INSERT_API_TOKEN)
        .bind(account.0)
        .bind(name)
        .bind(token_hash)
        .bind(DbTime(now))
        .fetch_one(conn)
        .await)?;
    Ok(id)
}

const API_TOKEN_BY_HASH: &str = "
    select id, account_id, name, created_at, last_used_at, revoked_at
    from api_token
    where token_hash = $1";

pub async fn api_token_by_hash(
    tx: &mut Tx,
    token_hash: &str,
) -> Result<Option<ApiTokenRecord>, DbError> {
    let row: Option<ApiTokenRow> = on_tx!(tx, |conn| sqlx::query_as(API_TOKEN_BY_HASH)
        .bind(token_hash)
        .fetch_optional(conn)
        .await)?;
    Ok(row.map(ApiTokenRecord::from))
}

const TOUCH_API_TOKEN: &str = "update api_token set last_used_at = $2 where id = $1";

pub async fn touch_api_token(tx: &mut Tx, id: i64, now: Timestamp) -> Result<(), DbError> {
    exec_tx!(tx, |conn| sqlx::query(TOUCH_API_TOKEN)
        .bind(id)
        .bind(DbTime(now))
        .execute(conn)
        .await)?;
    Ok(())
}

const API_TOKENS_OF: &str = "
    select id, account_id, name, created_at, last_used_at, revoked_at
    from api_token
    where account_id = $1
    order by created_at desc, id desc";

pub async fn api_tokens_of(
    tx: &mut Tx,
    account: AccountId,
) -> Result<Vec<ApiTokenRecord>, DbError> {
    let rows: Vec<ApiTokenRow> = on_tx!(tx, |conn| sqlx::query_as(API_TOKENS_OF)
        .bind(account.0)
        .fetch_all(conn)
        .await)?;
    Ok(rows.into_iter().map(ApiTokenRecord::from).collect())
}

const REVOKE_API_TOKEN: &str = "
    update api_token set revoked_at = $3
    where id = $1 and account_id = $2 and revoked_at is null";

/// Revokes one of the account's own tokens; `false` if there was no such live token.
pub async fn revoke_api_token(
    tx: &mut Tx,
    account: AccountId,
    id: i64,
    now: Timestamp,
) -> Result<bool, DbError> {
    let done = exec_tx!(tx, |conn| sqlx::query(REVOKE_API_TOKEN)
        .bind(id)
        .bind(account.0)
        .bind(DbTime(now))
        .execute(conn)
        .await)?;
    Ok(done > 0)
}

// ---- password resets ----

/// A stored password-reset request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PasswordResetRecord {
    pub id: i64,
    pub account: AccountId,
    pub expires_at: Timestamp,
    pub used_at: Option<Timestamp>,
}

#[derive(Debug, sqlx::FromRow)]
struct PasswordResetRow {
    id: i64,
    account_id: i64,
    expires_at: DbTime,
    used_at: Option<DbTime>,
}

const INSERT_PASSWORD_RESET: &str = "
    insert into password_reset (account_id, token_hash, created_at, expires_at)
    values ($1, $2, $3, $4)
    returning id";

pub async fn insert_password_reset(
    tx: &mut Tx,
    account: AccountId,
    token_hash: &str,
    now: Timestamp,
    expires_at: Timestamp,
) -> Result<i64, DbError> {
    let (id,): (i64,) = on_tx!(tx, |conn| sqlx::query_as(INSERT_PASSWORD_RESET)
        .bind(account.0)
        .bind(token_hash)
        .bind(DbTime(now))
        .bind(DbTime(expires_at))
        .fetch_one(conn)
        .await)?;
    Ok(id)
}

const PASSWORD_RESET_BY_HASH: &str = "
    select id, account_id, expires_at, used_at
    from password_reset
    where token_hash = $1";

pub async fn password_reset_by_hash(
    tx: &mut Tx,
    token_hash: &str,
) -> Result<Option<PasswordResetRecord>, DbError> {
    let row: Option<PasswordResetRow> = on_tx!(tx, |conn| sqlx::query_as(PASSWORD_RESET_BY_HASH)
        .bind(token_hash)
        .fetch_optional(conn)
        .await)?;
    Ok(row.map(|row| PasswordResetRecord {
        id: row.id,
        account: AccountId(row.account_id),
        expires_at: row.expires_at.0,
        used_at: row.used_at.map(|t| t.0),
    }))
}

const USE_PASSWORD_RESET: &str =
    "update password_reset set used_at = $2 where id = $1 and used_at is null";

/// Marks the reset used; `false` if it had already been used (a replay).
pub async fn use_password_reset(tx: &mut Tx, id: i64, now: Timestamp) -> Result<bool, DbError> {
    let done = exec_tx!(tx, |conn| sqlx::query(USE_PASSWORD_RESET)
        .bind(id)
        .bind(DbTime(now))
        .execute(conn)
        .await)?;
    Ok(done > 0)
}

// ---- sign-in throttling ----

const RECORD_SIGN_IN_FAILURE: &str =
    "insert into sign_in_failure (email, occurred_at) values (lower($1), $2)";

pub async fn record_sign_in_failure(
    tx: &mut Tx,
    email: &str,
    now: Timestamp,
) -> Result<(), DbError> {
    exec_tx!(tx, |conn| sqlx::query(RECORD_SIGN_IN_FAILURE)
        .bind(email.trim())
        .bind(DbTime(now))
        .execute(conn)
        .await)?;
    Ok(())
}

const SIGN_IN_FAILURES_SINCE: &str = "
    select occurred_at
    from sign_in_failure
    where email = lower($1) and occurred_at > $2
    order by occurred_at";

pub async fn sign_in_failures_since(
    tx: &mut Tx,
    email: &str,
    since: Timestamp,
) -> Result<Vec<Timestamp>, DbError> {
    let rows: Vec<(DbTime,)> = on_tx!(tx, |conn| sqlx::query_as(SIGN_IN_FAILURES_SINCE)
        .bind(email.trim())
        .bind(DbTime(since))
        .fetch_all(conn)
        .await)?;
    Ok(rows.into_iter().map(|(t,)| t.0).collect())
}

const CLEAR_SIGN_IN_FAILURES: &str = "delete from sign_in_failure where email = lower($1)";

pub async fn clear_sign_in_failures(tx: &mut Tx, email: &str) -> Result<(), DbError> {
    exec_tx!(tx, |conn| sqlx::query(CLEAR_SIGN_IN_FAILURES)
        .bind(email.trim())
        .execute(conn)
        .await)?;
    Ok(())
}
