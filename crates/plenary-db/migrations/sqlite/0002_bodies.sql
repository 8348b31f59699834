-- Why: bodies of a forum (the MAG, the Leadership Panel, working groups), their versioned
-- constitutions (stored as the TOML document of docs/constitution-format.md) and the seats
-- people hold over time, so rosters and balance can be shown for any year.

create table body (
    id integer primary key not null,
    forum_id integer not null references forum (id),
    slug text not null,
    name text not null,
    created_at text not null,
    unique (forum_id, slug)
);

create table constitution_version (
    id integer primary key not null,
    body_id integer not null references body (id),
    version integer not null,
    document text not null,
    created_at text not null,
    created_by text not null,
    unique (body_id, version)
);

create table membership (
    id integer primary key not null,
    body_id integer not null references body (id),
    person_id integer not null references person (id),
    seat_kind text not null,
    stakeholder_group text not null,
    country_iso2 text references country (iso2),
    gender text not null,
    term_number integer not null,
    starts_at text not null,
    ends_at text,
    state text not null,
    created_at text not null
);
create index membership_body_starts on membership (body_id, starts_at);
