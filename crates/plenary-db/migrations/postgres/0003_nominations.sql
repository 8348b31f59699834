-- Why: bodies are renewed through public nomination calls (one per body and cycle year);
-- nominations, their nominators (several once duplicates are merged) and endorsements by
-- stakeholder-group processes are kept so the secretariat can review, score and export them.

create table nomination_call (
    id bigint generated always as identity primary key,
    body_id bigint not null references body (id),
    cycle_year bigint not null,
    title text not null,
    description text not null,
    opens_at timestamptz not null,
    closes_at timestamptz not null,
    created_at timestamptz not null,
    unique (body_id, cycle_year)
);

create table nomination (
    id bigint generated always as identity primary key,
    call_id bigint not null references nomination_call (id),
    candidate_name text not null,
    candidate_email text not null,
    stakeholder_group text not null,
    country_iso2 text not null references country (iso2),
    gender text not null,
    organisation text not null,
    statement text not null,
    self_nomination boolean not null,
    status text not null,
    score bigint,
    note text not null,
    merged_into bigint references nomination (id),
    submitted_at timestamptz not null,
    updated_at timestamptz not null
);
create index nomination_call_id on nomination (call_id, id);

create table nomination_nominator (
    id bigint generated always as identity primary key,
    nomination_id bigint not null references nomination (id),
    name text not null,
    email text not null
);
create index nomination_nominator_nomination on nomination_nominator (nomination_id);

create table nomination_endorsement (
    id bigint generated always as identity primary key,
    nomination_id bigint not null references nomination (id),
    organisation text not null,
    note text not null
);
create index nomination_endorsement_nomination on nomination_endorsement (nomination_id);
