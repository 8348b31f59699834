//! The yearly cycle: cycle set-up, the call for issues, session proposals, stage-1
//! screening and stage-2 evaluation (`review`: reviewer pool, conflicts, assignment,
//! anonymised reviews, synthesis), as use-cases over `plenary_domain::calls` and
//! `plenary_db::calls`.

pub mod csv;
pub mod cycles;
pub mod document;
pub mod generate;
pub mod issues;
pub mod proposals;
pub mod review;
pub mod screening;
pub mod selection;
