//! The few places where SQLite and PostgreSQL need different SQL, and only those.
//!
//! 1. Claiming a job: PostgreSQL uses `for update skip locked` so several workers on
//!    several replicas never claim the same row; SQLite has one writer at a time
//!    (`begin immediate`), so a plain sub-select is already exclusive.
//! 2. Schema introspection for the equivalence test (`schema.rs`):
//!    `pragma_table_info` versus `information_schema.columns`.
//! 3. Migration bookkeeping DDL (`migrate.rs`): `integer`/`text` versus `bigint`/`timestamptz`.

pub(crate) const CLAIM_JOB_SQLITE: &str = "
    update job
    set state = 'running', attempts = attempts + 1, locked_until = $2, updated_at = $1
    where id = (
        select id
        from job
        where (state = 'queued' and run_after <= $1)
           or (state = 'running' and locked_until < $1)
        order by run_after, id
        limit 1
    )
    returning id, kind, payload, attempts, max_attempts";

pub(crate) const CLAIM_JOB_POSTGRES: &str = "
    update job
    set state = 'running', attempts = attempts + 1, locked_until = $2, updated_at = $1
    where id = (
        select id
        from job
        where (state = 'queued' and run_after <= $1)
           or (state = 'running' and locked_until < $1)
        order by run_after, id
        limit 1
        for update skip locked
    )
    returning id, kind, payload, attempts, max_attempts";

pub(crate) const COLUMNS_SQLITE: &str = "
    select m.name, p.name, p.type, p.\"notnull\"
    from sqlite_master m
    join pragma_table_info(m.name) p
    where m.type = 'table' and m.name not like 'sqlite_%'
    order by m.name, p.cid";

pub(crate) const COLUMNS_POSTGRES: &str = "
    select table_name::text, column_name::text, data_type::text,
           case when is_nullable = 'NO' then 1::bigint else 0::bigint end
    from information_schema.columns
    where table_schema = current_schema()
    order by table_name, ordinal_position";
