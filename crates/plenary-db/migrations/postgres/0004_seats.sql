-- Why: the secretariat manages seats: engagement records per membership and cycle (on which
-- renewal depends), the written notice of a resignation, and the chair and vice-chair of a
-- body per year (appointed or elected with rotation).

alter table membership add column notice_at timestamptz;

create table engagement_record (
    id bigint generated always as identity primary key,
    membership_id bigint not null references membership (id),
    cycle_year bigint not null,
    meetings_attended bigint not null,
    meetings_held bigint not null,
    reviews_done bigint not null,
    reviews_assigned bigint not null,
    working_groups bigint not null,
    note text not null,
    recorded_by text not null,
    recorded_at timestamptz not null,
    unique (membership_id, cycle_year)
);

create table officer_term (
    id bigint generated always as identity primary key,
    body_id bigint not null references body (id),
    person_id bigint not null references person (id),
    office text not null,
    year bigint not null,
    stakeholder_group text not null,
    recorded_by text not null,
    recorded_at timestamptz not null,
    unique (body_id, office, year)
);
