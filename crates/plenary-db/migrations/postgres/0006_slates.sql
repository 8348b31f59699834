-- Why: slate proposals are kept as runs (their exact inputs, so a run can be reproduced, and
-- the report with its explanation), and the appointing authority's decision on a run is
-- recorded separately, so what the optimiser advised and what was decided stay distinct.

create table slate_run (
    id bigint generated always as identity primary key,
    body_id bigint not null references body (id),
    cycle bigint not null,
    label text not null,
    constitution_version bigint not null,
    seats_requested bigint,
    nominee_source text not null,
    members_csv text not null,
    nominees_csv text not null,
    outcome text not null,
    report text not null,
    created_at timestamptz not null,
    created_by text not null
);
create index slate_run_body_cycle on slate_run (body_id, cycle);

create table slate_decision (
    id bigint generated always as identity primary key,
    run_id bigint not null references slate_run (id),
    authority text not null,
    decided_on text not null,
    outcome text not null,
    appointed text not null,
    note text not null,
    recorded_at timestamptz not null,
    recorded_by text not null,
    seated_at timestamptz
);
create index slate_decision_run on slate_decision (run_id);
