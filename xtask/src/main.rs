//! `cargo run -p xtask -- tidy`: runs the tidy checks and prints every problem found.
//!
//! The checks themselves are in `tidy`; `cargo test` runs the same list as ordinary tests,
//! so this binary is only a convenience for reading all problems at once.

mod tidy;

fn main() -> anyhow::Result<()> {
    let command = std::env::args().nth(1);
    if command.as_deref() != Some("tidy") {
        anyhow::bail!("usage: cargo run -p xtask -- tidy");
    }
    let root = tidy::repo_root();
    let mut n_problems = 0;
    for check in tidy::CHECKS {
        for problem in (check.run)(&root) {
            println!("{}: {problem}", check.name);
            n_problems += 1;
        }
    }
    if n_problems > 0 {
        anyhow::bail!("tidy found {n_problems} problem(s)");
    }
    println!("tidy: all {} checks pass", tidy::CHECKS.len());
    Ok(())
}
