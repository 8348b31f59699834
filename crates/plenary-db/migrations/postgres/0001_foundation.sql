-- Why: the foundation every capability builds on: forums and their stakeholder groups,
-- the countries reference table, people, organisations, accounts with roles per forum,
-- server-side sessions, API tokens, password resets, sign-in throttling, the audit
-- trail and the background job queue.

create table forum (
    id bigint generated always as identity primary key,
    slug text not null unique,
    name text not null,
    kind text not null,
    country_iso2 text,
    default_language text not null,
    time_zone text not null,
    created_at timestamptz not null
);

create table stakeholder_group (
    id bigint generated always as identity primary key,
    forum_id bigint not null references forum (id),
    code text not null,
    name text not null,
    position bigint not null,
    unique (forum_id, code)
);

create table country (
    iso2 text primary key,
    iso3 text not null unique,
    numeric_code text not null,
    name text not null,
    un_regional_group text not null,
    m49_region text not null,
    m49_subregion text not null,
    development_status text,
    ldc boolean not null,
    lldc boolean not null,
    sids boolean not null
);

create table organisation (
    id bigint generated always as identity primary key,
    name text not null unique,
    country_iso2 text references country (iso2),
    created_at timestamptz not null
);

create table person (
    id bigint generated always as identity primary key,
    display_name text not null,
    country_iso2 text references country (iso2),
    organisation_id bigint references organisation (id),
    created_at timestamptz not null
);

create table account (
    id bigint generated always as identity primary key,
    person_id bigint not null unique references person (id),
    email text not null unique,
    password_hash text not null,
    language text,
    disabled boolean not null,
    created_at timestamptz not null
);

create table role_grant (
    id bigint generated always as identity primary key,
    account_id bigint not null references account (id),
    forum_id bigint not null references forum (id),
    role text not null,
    granted_at timestamptz not null,
    unique (account_id, forum_id, role)
);

create table session (
    id bigint generated always as identity primary key,
    token_hash text not null unique,
    account_id bigint not null references account (id),
    created_at timestamptz not null,
    last_seen_at timestamptz not null,
    ended_at timestamptz
);
create index session_account on session (account_id);

create table api_token (
    id bigint generated always as identity primary key,
    account_id bigint not null references account (id),
    name text not null,
    token_hash text not null unique,
    created_at timestamptz not null,
    last_used_at timestamptz,
    revoked_at timestamptz
);

create table password_reset (
    id bigint generated always as identity primary key,
    account_id bigint not null references account (id),
    token_hash text not null unique,
    created_at timestamptz not null,
    expires_at timestamptz not null,
    used_at timestamptz
);

create table sign_in_failure (
    id bigint generated always as identity primary key,
    email text not null,
    occurred_at timestamptz not null
);
create index sign_in_failure_email_at on sign_in_failure (email, occurred_at);

create table audit_event (
    id bigint generated always as identity primary key,
    occurred_at timestamptz not null,
    actor_account_id bigint references account (id),
    actor_label text not null,
    forum_id bigint references forum (id),
    action text not null,
    entity_type text not null,
    entity_id text not null,
    before_json text,
    after_json text
);
create index audit_event_forum_at on audit_event (forum_id, occurred_at);
create index audit_event_at on audit_event (occurred_at);

create table job (
    id bigint generated always as identity primary key,
    kind text not null,
    payload text not null,
    idempotency_key text unique,
    state text not null,
    attempts bigint not null,
    max_attempts bigint not null,
    run_after timestamptz not null,
    locked_until timestamptz,
    last_error text,
    created_at timestamptz not null,
    updated_at timestamptz not null
);
create index job_state_run_after on job (state, run_after);
