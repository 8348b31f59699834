-- Why: stage 2 of the yearly cycle. Each cycle has a reviewer pool (MAG members by default,
-- with their stakeholder group, region, evaluation groups, expertise and load cap, linked to
-- their membership so reviews feed the engagement record); conflicts of interest, declared
-- by reviewers or detected; assignments of reviewers to proposals made by numbered
-- assignment runs (kept with their report); and the reviews themselves, draft or submitted.
-- Nothing is deleted: a withdrawn reviewer is marked, a removed assignment is deactivated
-- with the reason, so every change can be traced.

create table reviewer (
    id integer primary key not null,
    cycle_id integer not null references cycle (id),
    account_id integer not null references account (id),
    membership_id integer references membership (id),
    name text not null,
    organisation text not null,
    stakeholder_group text not null,
    country_iso2 text not null,
    region text not null,
    groups text not null,
    expertise text not null,
    load_cap integer not null,
    added_at text not null,
    added_by text not null,
    withdrawn_at text,
    withdrawn_reason text not null,
    unique (cycle_id, account_id)
);

create table review_conflict (
    id integer primary key not null,
    reviewer_id integer not null references reviewer (id),
    proposal_id integer not null references proposal (id),
    reason text not null,
    source text not null,
    detail text not null,
    recorded_at text not null,
    unique (reviewer_id, proposal_id, reason)
);
create index review_conflict_proposal on review_conflict (proposal_id);

create table assignment_run (
    id integer primary key not null,
    cycle_id integer not null references cycle (id),
    number integer not null,
    run_at text not null,
    run_by text not null,
    method text not null,
    objective integer not null,
    report text not null,
    unique (cycle_id, number)
);

create table review_assignment (
    id integer primary key not null,
    reviewer_id integer not null references reviewer (id),
    proposal_id integer not null references proposal (id),
    active integer not null,
    run_number integer not null,
    assigned_at text not null,
    removed_at text,
    removed_reason text not null
);
create index review_assignment_reviewer on review_assignment (reviewer_id, proposal_id);
create index review_assignment_proposal on review_assignment (proposal_id);

create table review (
    id integer primary key not null,
    assignment_id integer not null references review_assignment (id),
    reviewer_id integer not null references reviewer (id),
    proposal_id integer not null references proposal (id),
    state text not null,
    scores text not null,
    overall real,
    reasons text not null,
    comment text not null,
    merge_candidate integer not null,
    merge_with text not null,
    created_at text not null,
    updated_at text not null,
    submitted_at text,
    unique (reviewer_id, proposal_id)
);
create index review_proposal on review (proposal_id);
