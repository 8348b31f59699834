-- Why: stage 3 of the yearly cycle, the selection. The advisory body works from a selection
-- board: per proposal a decision (accept, decline, conditional with its condition, e.g. "must
-- merge with #12") with a recorded rationale; a decision is final only when the chair records
-- it, and proposers are notified once of final decisions. Decisions are never deleted: each
-- change adds a row, the latest row per proposal is the current one. Selection runs keep the
-- optimiser's proposals (settings and report) so a decision applied from a run can be traced.

create table selection_decision (
    id bigint generated always as identity primary key,
    cycle_id bigint not null references cycle (id),
    proposal_id bigint not null references proposal (id),
    decision text not null,
    condition text not null,
    rationale text not null,
    decided_by text not null,
    decided_at timestamptz not null,
    is_final boolean not null,
    run_number bigint,
    notified_at timestamptz
);
create index selection_decision_proposal on selection_decision (proposal_id, id);
create index selection_decision_cycle on selection_decision (cycle_id);

create table selection_run (
    id bigint generated always as identity primary key,
    cycle_id bigint not null references cycle (id),
    number bigint not null,
    run_at timestamptz not null,
    run_by text not null,
    settings text not null,
    report text not null,
    unique (cycle_id, number)
);
