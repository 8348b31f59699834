-- Why: a forum's annual meeting is hosted by a country each year; the list fills the
-- Leadership Panel's previous/current/next host-country seats and the MAG's standing seats.
-- A year held online has no country.

create table forum_host (
    id bigint generated always as identity primary key,
    forum_id bigint not null references forum (id),
    year bigint not null,
    country_iso2 text references country (iso2),
    city text,
    created_at timestamptz not null,
    updated_at timestamptz not null,
    unique (forum_id, year)
);
