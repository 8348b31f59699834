//! `plenary user add`: create an account (and optionally grant a role).

use anyhow::Context;
use plenary_app::accounts::{NewAccountInput, create_account};
use plenary_app::forums::grant_role_as_operator;
use plenary_domain::Language;
use plenary_domain::audit::Actor;
use plenary_domain::permissions::Role;

use crate::cli::GlobalArgs;
use crate::cli::UserAddArgs;
use crate::config::{self, Failure};

pub async fn add(global: &GlobalArgs, args: UserAddArgs) -> Result<(), Failure> {
    let db = config::connect(global, 2).await?;
    config::require_current_schema(&db).await?;
    let app = config::app(db.clone(), &config::no_mail(), "http://localhost")?;
    let language = args
        .language
        .as_deref()
        .map(Language::parse)
        .transpose()
        .map_err(|e| anyhow::anyhow!("--language: {}", e.problem))?;
    let role = args
        .role
        .as_deref()
        .map(Role::parse)
        .transpose()
        .map_err(|e| anyhow::anyhow!("--role: {}", e.problem))?;
    let password = match args.password {
        Some(password) => password,
        None => read_password().context("reading the password")?,
    };
    let actor = Actor::System("cli");
    let input = NewAccountInput {
        email: args.email.clone(),
        display_name: args.name,
        password,
        language,
    };
    let id = create_account(&app, &actor, input)
        .await
        .map_err(describe)?;
    println!(
        "created account {id} for {}",
        args.email.trim().to_lowercase()
    );
    if let (Some(forum), Some(role)) = (args.forum, role) {
        grant_role_as_operator(&app, &actor, &forum, &args.email, role)
            .await
            .map_err(describe)?;
        println!("granted {} in {forum}", role.code());
    }
    db.close().await;
    Ok(())
}

fn describe(err: plenary_app::ActionError) -> Failure {
    match err {
        plenary_app::ActionError::Invalid(field) => Failure::Other(anyhow::anyhow!(
            "--{}: {}",
            field.field.replace('_', "-"),
            field.problem
        )),
        other => other.into(),
    }
}

/// Reads a password line from standard input (the terminal echoes it; prefer PLENARY_PASSWORD in scripts).
fn read_password() -> anyhow::Result<String> {
    eprint!("password (at least 10 characters): ");
    let mut line = String::new();
    std::io::stdin().read_line(&mut line)?;
    Ok(line.trim_end_matches(['\r', '\n']).to_owned())
}
