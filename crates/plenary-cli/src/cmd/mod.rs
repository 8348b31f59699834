//! One module per command; each calls `plenary-app` actions.

pub mod audit;
pub mod bench;
pub mod config_check;
pub mod constitution;
pub mod cycle;
pub mod demo;
pub mod export;
pub mod import;
pub mod issues;
pub mod migrate;
pub mod nominations;
pub mod review;
pub mod screen;
pub mod seats;
pub mod select;
pub mod serve;
pub mod slate;
pub mod user;
pub mod worker;
