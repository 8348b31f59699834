//! End-to-end tests of the `plenary` binary: the operator contract (commands, flags,
//! exit codes, refusals with a clear message) and the scale-out proof (two `serve`
//! processes on one PostgreSQL database share sessions and data).

#![expect(
    clippy::unwrap_used,
    reason = "a test fails loudly on the first unexpected error"
)]

mod commands;
mod constitution;
mod cycle;
mod nominations;
mod proposals;
mod replicas;
mod review;
mod seats;
mod slate;

use std::process::{Command, Output};

/// Runs `plenary ARGS` with `dir` as its working directory and no PLENARY_* variables.
pub fn plenary(dir: &std::path::Path, args: &[&str]) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_plenary"));
    command
        .current_dir(dir)
        .args(args)
        .env("RUST_BACKTRACE", "0");
    for (key, _) in std::env::vars() {
        if key.starts_with("PLENARY_") {
            command.env_remove(key);
        }
    }
    command.output().unwrap()
}

pub fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

pub fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}
