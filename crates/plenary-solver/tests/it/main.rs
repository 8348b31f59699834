//! Integration tests of plenary-solver: one binary, one module per concern of the slate
//! optimiser. `fixture` builds problems; the other modules each test one promise.

mod brute_force;
mod fixture;
mod infeasibility;
mod slate_cases;
mod synthetic;
