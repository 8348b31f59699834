//! Accounts and signing in: create accounts, sign in and out, sessions, API tokens,
//! language preference and password reset.
//!
//! Main items: `sign_in`, `viewer_from_session`, `viewer_from_api_token`.
//! Invariants: secrets (passwords, session/API/reset tokens) are never stored or
//! logged in clear — passwords as argon2id hashes, tokens as SHA-256; a wrong e-mail
//! address and a wrong password give the same answer, after the same work.
//! Not here: who may do what (`plenary_domain::permissions`), the throttle rule
//! (`plenary_domain::accounts::throttle`).

use argon2::{Argon2, PasswordHasher, PasswordVerifier};
use base64::Engine;
use plenary_db::accounts as q;
use plenary_db::accounts::ApiTokenRecord;
use plenary_domain::accounts::{
    self as rules, Account, DisplayName, Email, Password, RESET_TOKEN_LIFETIME, SIGN_IN_WINDOW,
    Throttle,
};
use plenary_domain::audit::{Actor, AuditEntry};
use plenary_domain::permissions::Role;
use plenary_domain::time::Seconds;
use plenary_domain::{AccountId, FieldError, Language};
use rand::RngCore;
use serde_json::json;
use sha2::{Digest, Sha256};

use crate::{ActionError, App, audit, i18n, jobs};

/// Who is making a request: an account, or the anonymous public.
#[derive(Debug, Clone, Default)]
pub struct Viewer {
    pub account: Option<Account>,
    /// The session the request came with (for signing out).
    pub session_id: Option<i64>,
}

impl Viewer {
    pub fn anonymous() -> Viewer {
        Viewer::default()
    }

    pub fn account_id(&self) -> Option<AccountId> {
        self.account.as_ref().map(|a| a.id)
    }

    /// The actor recorded in the audit trail for this viewer's changes.
    pub fn actor(&self) -> Actor {
        match &self.account {
            Some(account) => Actor::Account(account.id),
            None => Actor::System("anonymous"),
        }
    }

    pub fn require_account(&self) -> Result<&Account, ActionError> {
        self.account.as_ref().ok_or(ActionError::Unauthenticated)
    }
}

/// What a new account is made of, as typed.
#[derive(Debug, Clone)]
pub struct NewAccountInput {
    pub email: String,
    pub display_name: String,
    pub password: String,
    pub language: Option<Language>,
}

/// Creates a person and their account. Called by the CLI (`plenary user add`) and the
/// demo loader; self-registration arrives with the participation issue.
pub async fn create_account(
    app: &App,
    actor: &Actor,
    input: NewAccountInput,
) -> Result<AccountId, ActionError> {
    let email = Email::parse(&input.email)?;
    let name = DisplayName::parse(&input.display_name)?;
    let password = Password::parse(&input.password)?;
    let hash = hash_password(password).await?;
    let now = app.now();
    let mut tx = app.db().begin().await?;
    if q::account_by_email(&mut tx, email.as_str())
        .await?
        .is_some()
    {
        return Err(ActionError::Conflict(format!(
            "an account for {} already exists",
            email.as_str()
        )));
    }
    let person = q::insert_person(&mut tx, &name, None, None, now).await?;
    let id = q::insert_account(&mut tx, person, &email, &hash, input.language, now).await?;
    audit::record(
        &mut tx,
        actor,
        AuditEntry {
            forum: None,
            action: "account.create",
            entity_type: "account",
            entity_id: id.to_string(),
            before: None,
            after: Some(
                json!({"email": email.as_str(), "display_name": name.as_str(), "language": input.language.map(Language::code)})
                    .to_string(),
            ),
        },
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(id)
}

/// What an account created without a password stores instead of a hash: no password
/// verifies against it, so the account signs in only after a password reset.
pub const NO_PASSWORD: &str = "!no-password";

/// The account of `email` inside `tx`, created without a password (no hashing, so bulk
/// imports of proposers stay fast) when there is none. Audited as `account.create`.
pub async fn account_without_password(
    tx: &mut plenary_db::Tx,
    actor: &Actor,
    email: &str,
    display_name: &str,
    now: plenary_domain::Timestamp,
) -> Result<AccountId, ActionError> {
    let email = Email::parse(email)?;
    if let Some(record) = q::account_by_email(tx, email.as_str()).await? {
        return Ok(record.account.id);
    }
    let name = DisplayName::parse(display_name)?;
    let person = q::insert_person(tx, &name, None, None, now).await?;
    let id = q::insert_account(tx, person, &email, NO_PASSWORD, None, now).await?;
    audit::record(
        tx,
        actor,
        AuditEntry {
            forum: None,
            action: "account.create",
            entity_type: "account",
            entity_id: id.to_string(),
            before: None,
            after: Some(
                json!({"email": email.as_str(), "display_name": name.as_str(), "password": false})
                    .to_string(),
            ),
        },
        now,
    )
    .await?;
    Ok(id)
}

/// Records a person who has no account (yet), e.g. a body member added by an operator.
pub async fn create_person(
    app: &App,
    actor: &Actor,
    display_name: &str,
    country_iso2: Option<&str>,
) -> Result<plenary_domain::PersonId, ActionError> {
    let name = DisplayName::parse(display_name)?;
    let now = app.now();
    let mut tx = app.db().begin().await?;
    let id = q::insert_person(&mut tx, &name, country_iso2, None, now).await?;
    audit::record(
        &mut tx,
        actor,
        AuditEntry {
            forum: None,
            action: "person.create",
            entity_type: "person",
            entity_id: id.to_string(),
            before: None,
            after: Some(
                json!({"display_name": name.as_str(), "country": country_iso2}).to_string(),
            ),
        },
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(id)
}

/// A successful sign-in: the session token to hand to the browser, and who it is.
#[derive(Debug, Clone)]
pub struct SignedIn {
    pub session_token: String,
    pub account: Account,
}

/// Signs in with an e-mail address and password, creating a server-side session.
///
/// Errors: `RateLimited` after too many recent failures for the address (checked
/// before the password); `SignInFailed` for an unknown address, a wrong password or a
/// disabled account, indistinguishably.
pub async fn sign_in(app: &App, email: &str, password: &str) -> Result<SignedIn, ActionError> {
    let now = app.now();
    let email_key = email.trim().to_lowercase();
    let mut tx = app.db().begin().await?;
    let failures =
        q::sign_in_failures_since(&mut tx, &email_key, now.minus(SIGN_IN_WINDOW)).await?;
    if let Throttle::Locked { until } = rules::throttle(&failures, now) {
        return Err(ActionError::RateLimited {
            until,
            retry_after_seconds: (until.as_unix_seconds() - now.as_unix_seconds()).max(1),
        });
    }
    let record = q::account_by_email(&mut tx, &email_key).await?;
    // Without an account, verify against a fixed hash anyway so both paths take as long.
    let stored_hash = record
        .as_ref()
        .map_or_else(dummy_hash, |r| r.password_hash.clone());
    let password_ok = verify_password(password.to_owned(), stored_hash).await?;
    let account = match record {
        Some(record) if password_ok && !record.account.disabled => record.account,
        _ => {
            q::record_sign_in_failure(&mut tx, &email_key, now).await?;
            tx.commit().await?;
            return Err(ActionError::SignInFailed);
        }
    };
    q::clear_sign_in_failures(&mut tx, &email_key).await?;
    let token = new_token("pls_");
    let session_id = q::insert_session(&mut tx, &hash_token(&token), account.id, now).await?;
    audit::record(
        &mut tx,
        &Actor::Account(account.id),
        AuditEntry {
            forum: None,
            action: "session.sign_in",
            entity_type: "session",
            entity_id: session_id.to_string(),
            before: None,
            after: Some(json!({"account": account.id.0}).to_string()),
        },
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(SignedIn {
        session_token: token,
        account,
    })
}

/// Why a session token did not identify anyone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SessionProblem {
    /// No such session (never existed, or the cookie was tampered with).
    Unknown,
    /// It existed but expired or was ended: the page should ask to sign in again.
    Expired,
}

/// Resolves a session cookie to a viewer. Touches the session at most once a minute.
pub async fn viewer_from_session(
    app: &App,
    token: &str,
) -> Result<Result<Viewer, SessionProblem>, ActionError> {
    let now = app.now();
    let mut tx = app.db().read().await?;
    let Some(session) = q::session_by_token_hash(&mut tx, &hash_token(token)).await? else {
        return Ok(Err(SessionProblem::Unknown));
    };
    if session.ended_at.is_some()
        || !rules::is_session_live(session.created_at, session.last_seen_at, now)
    {
        return Ok(Err(SessionProblem::Expired));
    }
    let Some(record) = q::account_by_id(&mut tx, session.account).await? else {
        return Ok(Err(SessionProblem::Unknown));
    };
    tx.commit().await?;
    if record.account.disabled {
        return Ok(Err(SessionProblem::Expired));
    }
    if now > session.last_seen_at.plus(Seconds(60)) {
        // Activity bookkeeping, not a change of data: not audited.
        let mut tx = app.db().begin().await?;
        q::touch_session(&mut tx, session.id, now).await?;
        tx.commit().await?;
    }
    Ok(Ok(Viewer {
        account: Some(record.account),
        session_id: Some(session.id),
    }))
}

/// Ends the viewer's session.
pub async fn sign_out(app: &App, viewer: &Viewer) -> Result<(), ActionError> {
    let account = viewer.require_account()?;
    let Some(session_id) = viewer.session_id else {
        return Ok(());
    };
    let now = app.now();
    let mut tx = app.db().begin().await?;
    if q::end_session(&mut tx, session_id, now).await? {
        audit::record(
            &mut tx,
            &Actor::Account(account.id),
            AuditEntry {
                forum: None,
                action: "session.sign_out",
                entity_type: "session",
                entity_id: session_id.to_string(),
                before: None,
                after: None,
            },
            now,
        )
        .await?;
    }
    tx.commit().await?;
    Ok(())
}

/// Resolves an API token (`Authorization: Bearer …`) to a viewer.
pub async fn viewer_from_api_token(app: &App, token: &str) -> Result<Viewer, ActionError> {
    let now = app.now();
    let mut tx = app.db().read().await?;
    let record = q::api_token_by_hash(&mut tx, &hash_token(token.trim())).await?;
    let Some(record) = record.filter(|r| r.revoked_at.is_none()) else {
        return Err(ActionError::Unauthenticated);
    };
    let account = q::account_by_id(&mut tx, record.account)
        .await?
        .filter(|r| !r.account.disabled);
    let Some(account) = account else {
        return Err(ActionError::Unauthenticated);
    };
    tx.commit().await?;
    if record
        .last_used_at
        .is_none_or(|at| now > at.plus(Seconds(60)))
    {
        let mut tx = app.db().begin().await?;
        q::touch_api_token(&mut tx, record.id, now).await?;
        tx.commit().await?;
    }
    Ok(Viewer {
        account: Some(account.account),
        session_id: None,
    })
}

/// A new API token: the secret is returned once and never again.
#[derive(Debug, Clone)]
pub struct NewApiToken {
    pub id: i64,
    pub secret: String,
}

pub async fn create_api_token(
    app: &App,
    viewer: &Viewer,
    name: &str,
) -> Result<NewApiToken, ActionError> {
    let account = viewer.require_account()?;
    let name = name.trim();
    if name.is_empty() || name.chars().count() > 80 {
        return Err(FieldError::new("name", "length", "1 to 80 characters").into());
    }
    let now = app.now();
    let secret = new_token("plt_");
    let mut tx = app.db().begin().await?;
    let id = q::insert_api_token(&mut tx, account.id, name, &hash_token(&secret), now).await?;
    audit::record(
        &mut tx,
        &viewer.actor(),
        AuditEntry {
            forum: None,
            action: "api_token.create",
            entity_type: "api_token",
            entity_id: id.to_string(),
            before: None,
            after: Some(json!({"name": name, "account": account.id.0}).to_string()),
        },
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(NewApiToken { id, secret })
}

pub async fn revoke_api_token(app: &App, viewer: &Viewer, id: i64) -> Result<(), ActionError> {
    let account = viewer.require_account()?;
    let now = app.now();
    let mut tx = app.db().begin().await?;
    if !q::revoke_api_token(&mut tx, account.id, id, now).await? {
        return Err(ActionError::NotFound);
    }
    audit::record(
        &mut tx,
        &viewer.actor(),
        AuditEntry {
            forum: None,
            action: "api_token.revoke",
            entity_type: "api_token",
            entity_id: id.to_string(),
            before: None,
            after: None,
        },
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// What the account page shows.
#[derive(Debug, Clone)]
pub struct AccountOverview {
    pub account: Account,
    /// (forum slug, role) pairs.
    pub roles: Vec<(String, Role)>,
    pub tokens: Vec<ApiTokenRecord>,
}

pub async fn account_overview(app: &App, viewer: &Viewer) -> Result<AccountOverview, ActionError> {
    let account = viewer.require_account()?.clone();
    let mut tx = app.db().read().await?;
    let roles = q::forum_roles_of_account(&mut tx, account.id).await?;
    let tokens = q::api_tokens_of(&mut tx, account.id).await?;
    tx.commit().await?;
    Ok(AccountOverview {
        account,
        roles,
        tokens,
    })
}

/// Stores the viewer's language choice (`None`: follow the browser).
pub async fn set_language(
    app: &App,
    viewer: &Viewer,
    language: Option<Language>,
) -> Result<(), ActionError> {
    let account = viewer.require_account()?;
    let now = app.now();
    let mut tx = app.db().begin().await?;
    q::set_account_language(&mut tx, account.id, language).await?;
    audit::record(
        &mut tx,
        &viewer.actor(),
        AuditEntry {
            forum: None,
            action: "account.set_language",
            entity_type: "account",
            entity_id: account.id.to_string(),
            before: Some(json!({"language": account.language.map(Language::code)}).to_string()),
            after: Some(json!({"language": language.map(Language::code)}).to_string()),
        },
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Sends a password-reset link if the address has an account. Says nothing either way,
/// so the form cannot be used to find out who has an account. Limited like sign-in.
pub async fn request_password_reset(
    app: &App,
    email: &str,
    page_language: Language,
) -> Result<(), ActionError> {
    let email = Email::parse(email)?;
    let now = app.now();
    let mut tx = app.db().begin().await?;
    let key = format!("reset:{}", email.as_str());
    let recent = q::sign_in_failures_since(&mut tx, &key, now.minus(SIGN_IN_WINDOW)).await?;
    if let Throttle::Locked { until } = rules::throttle(&recent, now) {
        return Err(ActionError::RateLimited {
            until,
            retry_after_seconds: (until.as_unix_seconds() - now.as_unix_seconds()).max(1),
        });
    }
    // Every request counts towards the limit, so the form cannot flood an inbox.
    q::record_sign_in_failure(&mut tx, &key, now).await?;
    let Some(record) = q::account_by_email(&mut tx, email.as_str()).await? else {
        tx.commit().await?;
        return Ok(());
    };
    let token = new_token("plr_");
    let reset_id = q::insert_password_reset(
        &mut tx,
        record.account.id,
        &hash_token(&token),
        now,
        now.plus(RESET_TOKEN_LIFETIME),
    )
    .await?;
    let language = record.account.language.unwrap_or(page_language);
    let link = format!("{}/password-reset/{token}", app.settings().public_url);
    let mail = crate::mail::OutgoingMail {
        to: email.as_str().to_owned(),
        subject: i18n::t(language, "mail-reset-subject"),
        body: i18n::t_args(
            language,
            "mail-reset-body",
            &[
                ("name", record.account.display_name.as_str()),
                ("link", &link),
            ],
        ),
    };
    jobs::enqueue_mail(
        &mut tx,
        &mail,
        Some(&format!("password_reset:{reset_id}")),
        now,
    )
    .await?;
    audit::record(
        &mut tx,
        &Actor::System("password_reset"),
        AuditEntry {
            forum: None,
            action: "password_reset.request",
            entity_type: "account",
            entity_id: record.account.id.to_string(),
            before: None,
            after: Some(json!({"reset": reset_id}).to_string()),
        },
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Whether a reset link is still usable (for showing the form or an "expired" page).
pub async fn check_reset_token(app: &App, token: &str) -> Result<(), ActionError> {
    let now = app.now();
    let mut tx = app.db().read().await?;
    let reset = q::password_reset_by_hash(&mut tx, &hash_token(token)).await?;
    tx.commit().await?;
    match reset {
        Some(r) if r.used_at.is_none() && now < r.expires_at => Ok(()),
        _ => Err(ActionError::Rule {
            code: "reset_link_invalid",
            message: "this password-reset link has expired or was already used".into(),
        }),
    }
}

/// Sets a new password from a reset link, uses the link up and ends every session.
pub async fn reset_password(app: &App, token: &str, new_password: &str) -> Result<(), ActionError> {
    let password = Password::parse(new_password)?;
    let hash = hash_password(password).await?;
    let now = app.now();
    let mut tx = app.db().begin().await?;
    let reset = q::password_reset_by_hash(&mut tx, &hash_token(token)).await?;
    let reset = match reset {
        Some(r) if r.used_at.is_none() && now < r.expires_at => r,
        _ => {
            return Err(ActionError::Rule {
                code: "reset_link_invalid",
                message: "this password-reset link has expired or was already used".into(),
            });
        }
    };
    if !q::use_password_reset(&mut tx, reset.id, now).await? {
        return Err(ActionError::Conflict(
            "the link was used at the same moment".into(),
        ));
    }
    q::set_password_hash(&mut tx, reset.account, &hash).await?;
    let ended = q::end_all_sessions(&mut tx, reset.account, now).await?;
    audit::record(
        &mut tx,
        &Actor::Account(reset.account),
        AuditEntry {
            forum: None,
            action: "password_reset.complete",
            entity_type: "account",
            entity_id: reset.account.to_string(),
            before: None,
            after: Some(json!({"sessions_ended": ended}).to_string()),
        },
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// The hash of a random password nobody knows, made once per process, so a sign-in
/// for an unknown address costs one real verification like any other.
fn dummy_hash() -> String {
    static DUMMY: std::sync::LazyLock<String> = std::sync::LazyLock::new(|| {
        Argon2::default()
            .hash_password(new_token("dummy_").as_bytes())
            .map(|hash| hash.to_string())
            .unwrap_or_default()
    });
    DUMMY.clone()
}

async fn hash_password(password: Password) -> Result<String, ActionError> {
    tokio::task::spawn_blocking(move || {
        Argon2::default()
            .hash_password(password.expose().as_bytes())
            .map(|hash| hash.to_string())
            .map_err(|e| anyhow::anyhow!("hashing a password: {e}"))
    })
    .await
    .map_err(|e| anyhow::anyhow!("password hashing task: {e}"))?
    .map_err(ActionError::Internal)
}

async fn verify_password(password: String, hash: String) -> Result<bool, ActionError> {
    let ok = tokio::task::spawn_blocking(move || {
        Argon2::default()
            .verify_password(password.as_bytes(), hash.as_str())
            .is_ok()
    })
    .await
    .map_err(|e| anyhow::anyhow!("password verification task: {e}"))?;
    Ok(ok)
}

/// A fresh secret: `prefix` + 256 random bits, URL-safe.
fn new_token(prefix: &str) -> String {
    let mut bytes = [0_u8; 32];
    rand::rng().fill_bytes(&mut bytes);
    format!(
        "{prefix}{}",
        base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
    )
}

/// How tokens are stored: lower-case hex SHA-256.
pub(crate) fn hash_token(token: &str) -> String {
    Sha256::digest(token.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}
