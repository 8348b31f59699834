-- Why: a forum's annual meeting is hosted by a country each year; the list fills the
-- Leadership Panel's previous/current/next host-country seats and the MAG's standing seats.
-- A year held online has no country.

create table forum_host (
    id integer primary key not null,
    forum_id integer not null references forum (id),
    year integer not null,
    country_iso2 text references country (iso2),
    city text,
    created_at text not null,
    updated_at text not null,
    unique (forum_id, year)
);
