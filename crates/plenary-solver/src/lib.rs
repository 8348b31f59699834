#![doc = include_str!("../README.md")]

pub mod assign;
mod rng;
pub mod select;
pub mod slate;

pub use slate::{
    BindingQuota, Bound, Infeasibility, Nominee, NotChosen, Optimality, Person, Preference, Quota,
    Relaxation, Slate, SlateError, SlateExplanation, SlateOutcome, SlateProblem, check_slate,
    solve_slate, synthetic_instance,
};
