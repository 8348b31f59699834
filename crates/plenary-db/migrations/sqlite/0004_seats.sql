-- Why: the secretariat manages seats: engagement records per membership and cycle (on which
-- renewal depends), the written notice of a resignation, and the chair and vice-chair of a
-- body per year (appointed or elected with rotation).

alter table membership add column notice_at text;

create table engagement_record (
    id integer primary key not null,
    membership_id integer not null references membership (id),
    cycle_year integer not null,
    meetings_attended integer not null,
    meetings_held integer not null,
    reviews_done integer not null,
    reviews_assigned integer not null,
    working_groups integer not null,
    note text not null,
    recorded_by text not null,
    recorded_at text not null,
    unique (membership_id, cycle_year)
);

create table officer_term (
    id integer primary key not null,
    body_id integer not null references body (id),
    person_id integer not null references person (id),
    office text not null,
    year integer not null,
    stakeholder_group text not null,
    recorded_by text not null,
    recorded_at text not null,
    unique (body_id, office, year)
);
