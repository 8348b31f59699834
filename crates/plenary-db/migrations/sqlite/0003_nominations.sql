-- Why: bodies are renewed through public nomination calls (one per body and cycle year);
-- nominations, their nominators (several once duplicates are merged) and endorsements by
-- stakeholder-group processes are kept so the secretariat can review, score and export them.

create table nomination_call (
    id integer primary key not null,
    body_id integer not null references body (id),
    cycle_year integer not null,
    title text not null,
    description text not null,
    opens_at text not null,
    closes_at text not null,
    created_at text not null,
    unique (body_id, cycle_year)
);

create table nomination (
    id integer primary key not null,
    call_id integer not null references nomination_call (id),
    candidate_name text not null,
    candidate_email text not null,
    stakeholder_group text not null,
    country_iso2 text not null references country (iso2),
    gender text not null,
    organisation text not null,
    statement text not null,
    self_nomination integer not null,
    status text not null,
    score integer,
    note text not null,
    merged_into integer references nomination (id),
    submitted_at text not null,
    updated_at text not null
);
create index nomination_call_id on nomination (call_id, id);

create table nomination_nominator (
    id integer primary key not null,
    nomination_id integer not null references nomination (id),
    name text not null,
    email text not null
);
create index nomination_nominator_nomination on nomination_nominator (nomination_id);

create table nomination_endorsement (
    id integer primary key not null,
    nomination_id integer not null references nomination (id),
    organisation text not null,
    note text not null
);
create index nomination_endorsement_nomination on nomination_endorsement (nomination_id);
