//! The yearly cycle, part 1: cycle set-up, the call for issues, session proposals and
//! stage-1 screening, as use-cases over `plenary_domain::calls` and `plenary_db::calls`.

pub mod csv;
pub mod cycles;
pub mod document;
pub mod generate;
pub mod issues;
pub mod proposals;
pub mod screening;
