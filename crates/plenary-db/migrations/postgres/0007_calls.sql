-- Why: each forum runs a yearly cycle: its set-up (theme, issue areas, key dates, session
-- types, screening rules) is a document the secretariat edits; anyone may send input to the
-- call for issues; session proposals with their people are drafted, submitted, screened
-- against the cycle's rules (every rule's outcome kept, with the secretariat's overrides)
-- and withdrawn. Missing reports of past sessions are recorded flags until the reports
-- module exists.

create table cycle (
    id bigint generated always as identity primary key,
    forum_id bigint not null references forum (id),
    year bigint not null,
    setup text not null,
    call_closes timestamptz not null,
    created_at timestamptz not null,
    updated_at timestamptz not null,
    unique (forum_id, year)
);

create table issue_input (
    id bigint generated always as identity primary key,
    cycle_id bigint not null references cycle (id),
    issue text not null,
    description text not null,
    stakeholder_group text not null,
    region text not null,
    name text not null,
    email text not null,
    submitted_at timestamptz not null
);
create index issue_input_cycle on issue_input (cycle_id, id);

create table proposal (
    id bigint generated always as identity primary key,
    cycle_id bigint not null references cycle (id),
    number bigint not null,
    submitter_account_id bigint not null references account (id),
    session_type text not null,
    status text not null,
    title text not null,
    issue_area text not null,
    format text not null,
    duration_min bigint not null,
    description text not null,
    policy_questions text not null,
    interaction_plan text not null,
    online_plan text not null,
    expected_outcomes text not null,
    previous_reports text not null,
    messages_link text not null,
    language text not null,
    proposer_time_zone text not null,
    submitter_organisation text not null,
    submitter_stakeholder_group text not null,
    submitter_country_iso2 text not null,
    submitter_region text not null,
    screening_status text not null,
    screening text not null,
    screened_at timestamptz,
    override_status text,
    override_reason text not null,
    override_by text not null,
    created_at timestamptz not null,
    submitted_at timestamptz,
    updated_at timestamptz not null,
    unique (cycle_id, number)
);
create index proposal_cycle on proposal (cycle_id, session_type, id);
create index proposal_submitter on proposal (submitter_account_id, id);

create table proposal_person (
    id bigint generated always as identity primary key,
    proposal_id bigint not null references proposal (id),
    position bigint not null,
    role text not null,
    name text not null,
    email text not null,
    organisation text not null,
    stakeholder_group text not null,
    country_iso2 text not null references country (iso2),
    gender text not null,
    onsite boolean not null,
    confirmation text not null
);
create index proposal_person_proposal on proposal_person (proposal_id, position);

create table session_report_flag (
    id bigint generated always as identity primary key,
    forum_id bigint not null references forum (id),
    year bigint not null,
    session_ref text not null,
    organiser_email text not null,
    organisation text not null,
    filed boolean not null,
    recorded_at timestamptz not null
);
create index session_report_flag_forum on session_report_flag (forum_id, year);
