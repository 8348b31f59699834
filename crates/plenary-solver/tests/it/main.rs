//! Integration tests of plenary-solver: one binary, one module per concern. `fixture` and
//! `assign_fixture` build problems; the other modules each test one promise of the slate or
//! the assignment optimiser.

mod assign_brute_force;
mod assign_cases;
mod assign_fixture;
mod brute_force;
mod fixture;
mod infeasibility;
mod select_brute_force;
mod select_cases;
mod select_fixture;
mod slate_cases;
mod synthetic;
