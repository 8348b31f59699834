#![doc = include_str!("../README.md")]

mod cli;
mod cmd;
mod config;

use clap::Parser;

use crate::cli::{
    Cli, Command, ConfigCommand, ConstitutionCommand, ExportCommand, ImportCommand, IssuesCommand,
    NominationsCommand, UserCommand,
};

fn main() {
    let cli = Cli::parse();
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_env("PLENARY_LOG").unwrap_or_else(|_| {
                tracing_subscriber::EnvFilter::new("info,sqlx=warn,tower_http=warn")
            }),
        )
        .with_writer(std::io::stderr)
        .init();
    let runtime = match tokio::runtime::Runtime::new() {
        Ok(runtime) => runtime,
        Err(err) => {
            eprintln!("error: cannot start the async runtime: {err}");
            std::process::exit(1);
        }
    };
    let result = runtime.block_on(run(cli));
    if let Err(failure) = result {
        eprintln!("error: {failure:#}");
        if let config::Failure::Other(err) = &failure {
            for cause in err.chain().skip(1) {
                eprintln!("  caused by: {cause}");
            }
        }
        std::process::exit(failure.exit_code());
    }
}

async fn run(cli: Cli) -> Result<(), config::Failure> {
    let global = cli.global;
    match cli.command {
        Command::Serve(args) => cmd::serve::run(&global, args).await,
        Command::Worker(args) => cmd::worker::run(&global, &args).await,
        Command::Migrate => cmd::migrate::run(&global).await,
        Command::Demo => cmd::demo::run(&global).await.map(|_| ()),
        Command::User(UserCommand::Add(args)) => cmd::user::add(&global, args).await,
        Command::Config(ConfigCommand::Check(args)) => cmd::config_check::run(&global, &args).await,
        Command::Audit(args) => cmd::audit::run(&global, &args).await,
        Command::Bench(args) => cmd::bench::run(&args).await,
        Command::Constitution(ConstitutionCommand::Set(args)) => {
            cmd::constitution::set(&global, &args).await
        }
        Command::Constitution(ConstitutionCommand::History(args)) => {
            cmd::constitution::history(&global, &args).await
        }
        Command::Constitution(command) => cmd::constitution::run(&command),
        Command::Slate(args) if args.body.is_some() => cmd::slate::run_stored(&global, &args).await,
        Command::Slate(args) => cmd::slate::run(&args),
        Command::Seats(args) => cmd::seats::run(&global, &args).await,
        Command::Nominations(NominationsCommand::Export(args)) => {
            cmd::nominations::export(&global, &args).await
        }
        Command::Nominations(NominationsCommand::Pool(args)) => {
            cmd::nominations::pool(&global, &args).await
        }
        Command::Nominations(NominationsCommand::Import(args)) => {
            cmd::nominations::import(&global, &args).await
        }
        Command::Cycle(command) => cmd::cycle::run(&global, &command).await,
        Command::Issues(IssuesCommand::Export(args)) => cmd::issues::export(&global, &args).await,
        Command::Import(ImportCommand::Proposals(args)) => {
            cmd::import::proposals(&global, &args).await
        }
        Command::Export(ExportCommand::Proposals(args)) => {
            cmd::export::proposals(&global, &args).await
        }
        Command::Screen(args) => cmd::screen::run(&global, &args).await,
        Command::ReportFlag(args) => cmd::screen::report_flag(&global, &args).await,
        Command::Reviewers(command) => cmd::review::reviewers(&global, &command).await,
        Command::Assign(args) => cmd::review::assign(&global, &args).await,
        Command::Synthesis(args) => cmd::review::synthesis(&global, &args).await,
        Command::Select(args) => cmd::select::select(&global, &args).await,
    }
}
