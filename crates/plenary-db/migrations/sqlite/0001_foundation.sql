-- Why: the foundation every capability builds on: forums and their stakeholder groups,
-- the countries reference table, people, organisations, accounts with roles per forum,
-- server-side sessions, API tokens, password resets, sign-in throttling, the audit
-- trail and the background job queue.

create table forum (
    id integer primary key not null,
    slug text not null unique,
    name text not null,
    kind text not null,
    country_iso2 text,
    default_language text not null,
    time_zone text not null,
    created_at text not null
);

create table stakeholder_group (
    id integer primary key not null,
    forum_id integer not null references forum (id),
    code text not null,
    name text not null,
    position integer not null,
    unique (forum_id, code)
);

create table country (
    iso2 text primary key not null,
    iso3 text not null unique,
    numeric_code text not null,
    name text not null,
    un_regional_group text not null,
    m49_region text not null,
    m49_subregion text not null,
    development_status text,
    ldc integer not null,
    lldc integer not null,
    sids integer not null
);

create table organisation (
    id integer primary key not null,
    name text not null unique,
    country_iso2 text references country (iso2),
    created_at text not null
);

create table person (
    id integer primary key not null,
    display_name text not null,
    country_iso2 text references country (iso2),
    organisation_id integer references organisation (id),
    created_at text not null
);

create table account (
    id integer primary key not null,
    person_id integer not null unique references person (id),
    email text not null unique,
    password_hash text not null,
    language text,
    disabled integer not null,
    created_at text not null
);

create table role_grant (
    id integer primary key not null,
    account_id integer not null references account (id),
    forum_id integer not null references forum (id),
    role text not null,
    granted_at text not null,
    unique (account_id, forum_id, role)
);

create table session (
    id integer primary key not null,
    token_hash text not null unique,
    account_id integer not null references account (id),
    created_at text not null,
    last_seen_at text not null,
    ended_at text
);
create index session_account on session (account_id);

create table api_token (
    id integer primary key not null,
    account_id integer not null references account (id),
    name text not null,
    token_hash text not null unique,
    created_at text not null,
    last_used_at text,
    revoked_at text
);

create table password_reset (
    id integer primary key not null,
    account_id integer not null references account (id),
    token_hash text not null unique,
    created_at text not null,
    expires_at text not null,
    used_at text
);

create table sign_in_failure (
    id integer primary key not null,
    email text not null,
    occurred_at text not null
);
create index sign_in_failure_email_at on sign_in_failure (email, occurred_at);

create table audit_event (
    id integer primary key not null,
    occurred_at text not null,
    actor_account_id integer references account (id),
    actor_label text not null,
    forum_id integer references forum (id),
    action text not null,
    entity_type text not null,
    entity_id text not null,
    before_json text,
    after_json text
);
create index audit_event_forum_at on audit_event (forum_id, occurred_at);
create index audit_event_at on audit_event (occurred_at);

create table job (
    id integer primary key not null,
    kind text not null,
    payload text not null,
    idempotency_key text unique,
    state text not null,
    attempts integer not null,
    max_attempts integer not null,
    run_after text not null,
    locked_until text,
    last_error text,
    created_at text not null,
    updated_at text not null
);
create index job_state_run_after on job (state, run_after);
