//! Bodies (the MAG, the Leadership Panel, working groups): their constitutions as
//! documents, and slate proposals.
//!
//! `constitution`: a body's constitution versions (history, new versions, changes).
//! `document`: a constitution as a TOML or JSON document (import, export, validation).
//! `nominations`: nomination calls, the public form, the secretariat's review, CSV export/import.
//! `runs`: stored slate runs, their comparison and the appointing authority's decisions.
//! `seats`: the secretariat's seat management (engagement, renewals, resignations, officers).
//! `slate`: turns a constitution, the continuing members and a nominee pool into a
//! `plenary_solver::SlateProblem`, solves it and explains the proposal.
//! Not here: the rules themselves (`plenary_domain::bodies`), the optimiser (`plenary-solver`).

pub mod constitution;
pub mod document;
pub mod nominations;
pub mod roster;
pub mod runs;
pub mod seats;
pub mod slate;
