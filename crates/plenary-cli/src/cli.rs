//! The command line as plain data (clap derive); no I/O here.

use std::net::SocketAddr;

use clap::{Args, Parser, Subcommand};

/// Plenary runs a multistakeholder forum: bodies, calls, review, programme, meetings.
#[derive(Debug, Parser)]
#[command(
    name = "plenary",
    version,
    about,
    after_help = "Exit codes: 0 success, 1 failure, 2 bad usage, 3 database unreachable or bad URL, 4 schema out of date (run `plenary migrate`)."
)]
pub struct Cli {
    #[command(flatten)]
    pub global: GlobalArgs,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Args)]
pub struct GlobalArgs {
    /// Database URL: sqlite://PATH (embedded, created if missing) or postgres://USER@HOST/DB.
    #[arg(
        long,
        global = true,
        env = "PLENARY_DATABASE_URL",
        default_value = "sqlite://data/plenary.db"
    )]
    pub database_url: String,
    /// Seconds to wait for a database connection before giving up.
    #[arg(
        long,
        global = true,
        env = "PLENARY_CONNECT_TIMEOUT",
        default_value_t = 10
    )]
    pub connect_timeout: u64,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Serve the web pages and the JSON API (refuses an out-of-date schema).
    Serve(ServeArgs),
    /// Run background jobs (e-mail…) until interrupted.
    Worker(MailArgs),
    /// Create or upgrade the database schema and load the countries reference table.
    Migrate,
    /// Load the demo forum (creating and migrating the database if needed), print the sign-ins, exit.
    Demo,
    /// Manage accounts.
    #[command(subcommand)]
    User(UserCommand),
    /// Check the configuration.
    #[command(subcommand)]
    Config(ConfigCommand),
    /// Show the audit trail, newest first.
    Audit(AuditArgs),
    /// Run a benchmark and print a table (the last line summarises the result).
    Bench(BenchArgs),
    /// Work with body constitutions (presets, TOML/JSON documents, validation).
    #[command(subcommand)]
    Constitution(ConstitutionCommand),
    /// Propose a balanced slate: fill a body's open seats from a nominee pool, with an explanation.
    Slate(SlateArgs),
    /// Show a body's seats in a year: states, engagement, vacancies to refill and officers.
    Seats(SeatsArgs),
    /// Export or import a body's nominations (CSV), or write its slate nominee pool.
    #[command(subcommand)]
    Nominations(NominationsCommand),
    /// Yearly cycles: presets, printing a set-up document, storing and showing a forum's cycle.
    #[command(subcommand)]
    Cycle(CycleCommand),
    /// The call for issues of a cycle.
    #[command(subcommand)]
    Issues(IssuesCommand),
    /// Import session proposals (CSV) into a forum's cycle.
    #[command(subcommand)]
    Import(ImportCommand),
    /// Export a forum's cycle data (CSV).
    #[command(subcommand)]
    Export(ExportCommand),
    /// Screen a cycle's submitted proposals against its rules and print a table of results.
    Screen(ScreenArgs),
    /// Record that the report of a past session is missing (or, with --filed, was filed): the
    /// `prior_reports` screening rule reads these flags.
    ReportFlag(ReportFlagArgs),
    /// The reviewer pool of a cycle: list it, or add the current MAG members.
    #[command(subcommand)]
    Reviewers(ReviewersCommand),
    /// Assign reviewers to a cycle's evaluated proposals and print the report (method,
    /// objective, time, kept/changed, mix shortfalls, or why no assignment exists).
    Assign(AssignArgs),
    /// Print the synthesis of a cycle's reviews: ranked lists per evaluation group (raw,
    /// z-score and robust means), merge suggestions and the reviewers' scales.
    Synthesis(SynthesisArgs),
    /// Propose a selection of a cycle's reviewed proposals (slots per session type, caps per
    /// issue area, balance targets) and print it with its balance and the explanations of
    /// borderline decisions; with --apply, record it as non-final decisions.
    Select(SelectArgs),
}

#[derive(Debug, Args)]
pub struct SelectArgs {
    #[command(flatten)]
    pub cycle: CycleArgs,
    /// Slots of a session type, `type=N` (repeatable or comma-separated; default: 40 % of
    /// the evaluated proposals of each type).
    #[arg(long, value_delimiter = ',')]
    pub slots: Vec<String>,
    /// At most N accepted of an issue area, `area=N` (repeatable or comma-separated).
    #[arg(long, value_delimiter = ',')]
    pub cap: Vec<String>,
    /// Share of developing-country proposers to aim for, in % (default 30).
    #[arg(long)]
    pub developing: Option<u32>,
    /// Share of first-time proposers to aim for, in % (default 20).
    #[arg(long)]
    pub first_time: Option<u32>,
    /// Share to aim for from each UN regional group, in % (default 10).
    #[arg(long)]
    pub region: Option<u32>,
    /// Share to aim for from each stakeholder group, in % (default 10).
    #[arg(long)]
    pub stakeholder_group: Option<u32>,
    /// Share of women first organisers to aim for, in % (default 40).
    #[arg(long)]
    pub women: Option<u32>,
    /// Print the proposal as JSON.
    #[arg(long)]
    pub json: bool,
    /// Record the proposal as non-final decisions for proposals without a decision.
    #[arg(long)]
    pub apply: bool,
}

#[derive(Debug, Subcommand)]
pub enum ReviewersCommand {
    /// List the pool with each reviewer's load cap, assigned, submitted and draft reviews
    /// and conflicts.
    List(CycleArgs),
    /// Add every current MAG member with an account who is not in the pool yet.
    Seed(CycleArgs),
}

#[derive(Debug, Args)]
pub struct SynthesisArgs {
    #[command(flatten)]
    pub cycle: CycleArgs,
    /// Print JSON (the API's shape) instead of tables.
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct AssignArgs {
    #[command(flatten)]
    pub cycle: CycleArgs,
    /// Ignore the current assignments (default: keep as many as possible).
    #[arg(long)]
    pub fresh: bool,
}

#[derive(Debug, Subcommand)]
pub enum CycleCommand {
    /// List the shipped cycle presets.
    Presets,
    /// Print a preset's set-up document for a year, to edit and store with `cycle set`.
    Preset(CyclePresetArgs),
    /// Show a forum's cycle: host, dates (venue time and UTC), issue areas, session types, rules.
    Show(CycleShowArgs),
    /// Store a set-up document (TOML or JSON) as the cycle of its year, replacing any before.
    Set(CycleSetArgs),
}

#[derive(Debug, Args)]
pub struct CyclePresetArgs {
    /// Preset name (see `plenary cycle presets`).
    pub preset: String,
    /// The cycle's year.
    #[arg(long)]
    pub year: i32,
    /// Output format.
    #[arg(long, value_enum, default_value_t = DocumentFormat::Toml)]
    pub format: DocumentFormat,
}

#[derive(Debug, Args)]
pub struct CycleShowArgs {
    /// The forum's slug (`igf`).
    #[arg(long)]
    pub forum: String,
    /// The cycle's year.
    #[arg(long)]
    pub year: i32,
    /// Print the set-up document as JSON instead of a summary.
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct CycleSetArgs {
    /// The forum's slug (`igf`).
    #[arg(long)]
    pub forum: String,
    /// The set-up document (TOML, or JSON when it starts with `{`).
    pub file: std::path::PathBuf,
}

#[derive(Debug, Subcommand)]
pub enum IssuesCommand {
    /// Write a cycle's call-for-issues inputs as CSV (without names and e-mail addresses
    /// unless --private).
    Export(IssuesExportArgs),
}

#[derive(Debug, Args)]
pub struct IssuesExportArgs {
    /// The forum's slug (`igf`).
    #[arg(long)]
    pub forum: String,
    /// The cycle's year.
    #[arg(long)]
    pub year: i32,
    /// Include the names and e-mail addresses senders gave (for the secretariat only).
    #[arg(long)]
    pub private: bool,
    /// Write to this file instead of standard output.
    #[arg(long)]
    pub out: Option<std::path::PathBuf>,
}

/// Which cycle: a forum and a year.
#[derive(Debug, Args)]
pub struct CycleArgs {
    /// The forum's slug (e.g. `igf`).
    #[arg(long)]
    pub forum: String,
    /// The cycle's year (e.g. 2026; `--year` works too).
    #[arg(long, alias = "year")]
    pub cycle: i32,
}

#[derive(Debug, Subcommand)]
pub enum ImportCommand {
    /// Session proposals from a CSV file (one row per person; see docs/proposals-csv.md):
    /// every proposal, or on any error none (the errors name rows and columns).
    Proposals(ImportProposalsArgs),
}

#[derive(Debug, Args)]
pub struct ImportProposalsArgs {
    /// The CSV file.
    pub file: std::path::PathBuf,
    #[command(flatten)]
    pub cycle: CycleArgs,
    /// Import the good proposals and report every bad row, instead of importing nothing.
    #[arg(long)]
    pub partial: bool,
    /// Store every imported proposal as submitted, whatever its `status` column says.
    #[arg(long)]
    pub submit: bool,
}

#[derive(Debug, Subcommand)]
pub enum ExportCommand {
    /// A cycle's session proposals as CSV, in the format `plenary import proposals` reads.
    Proposals(ExportProposalsArgs),
}

#[derive(Debug, Args)]
pub struct ExportProposalsArgs {
    #[command(flatten)]
    pub cycle: CycleArgs,
    /// Write to this file instead of standard output.
    #[arg(long)]
    pub out: Option<std::path::PathBuf>,
}

#[derive(Debug, Args)]
pub struct ScreenArgs {
    #[command(flatten)]
    pub cycle: CycleArgs,
    /// Mail each proposer their result with the reasons (queued for the worker).
    #[arg(long)]
    pub notify: bool,
}

#[derive(Debug, Args)]
pub struct SeatsArgs {
    /// The forum (slug, e.g. `igf`).
    #[arg(long)]
    pub forum: String,
    /// The body (slug, e.g. `mag`).
    #[arg(long)]
    pub body: String,
    /// The year (default: this year).
    #[arg(long)]
    pub year: Option<i32>,
}

#[derive(Debug, Subcommand)]
pub enum NominationsCommand {
    /// Write a call's nominations as CSV (all fields; nominators `;`-joined).
    Export(NominationsOutArgs),
    /// Import nominations from a CSV file in the export's format into a call: every line,
    /// or on any error none (the errors name lines and columns).
    Import(NominationsImportArgs),
    /// Write the call's eligible, scored nominations as the nominees CSV `plenary slate` reads.
    Pool(NominationsOutArgs),
}

/// Which call: a forum, one of its bodies and a cycle year.
#[derive(Debug, Args)]
pub struct CallArgs {
    /// The forum's slug (e.g. `igf`).
    #[arg(long)]
    pub forum: String,
    /// The body's slug (e.g. `mag`).
    #[arg(long)]
    pub body: String,
    /// The cycle year of the call (e.g. 2027).
    #[arg(long)]
    pub cycle: i32,
}

#[derive(Debug, Args)]
pub struct NominationsOutArgs {
    #[command(flatten)]
    pub call: CallArgs,
    /// Write to this file instead of standard output.
    #[arg(long)]
    pub out: Option<std::path::PathBuf>,
}

#[derive(Debug, Args)]
pub struct NominationsImportArgs {
    #[command(flatten)]
    pub call: CallArgs,
    /// The CSV file.
    pub file: std::path::PathBuf,
}

#[derive(Debug, Subcommand)]
pub enum ConstitutionCommand {
    /// List the shipped presets.
    Presets,
    /// Print a preset as a document.
    Show(ConstitutionShowArgs),
    /// Validate a constitution document (TOML or JSON, by file extension) and summarise it.
    Check(ConstitutionCheckArgs),
    /// Store a document (TOML or JSON) as the next version of a body's constitution.
    Set(ConstitutionSetArgs),
    /// List the stored versions of a body's constitution, the one in force last.
    History(ConstitutionHistoryArgs),
}

#[derive(Debug, Args)]
pub struct ConstitutionSetArgs {
    /// The forum's slug (`igf`).
    #[arg(long)]
    pub forum: String,
    /// The body's slug (`mag`).
    #[arg(long)]
    pub body: String,
    /// The document: `.toml` or `.json`.
    pub file: std::path::PathBuf,
}

#[derive(Debug, Args)]
pub struct ConstitutionHistoryArgs {
    /// The forum's slug (`igf`).
    #[arg(long)]
    pub forum: String,
    /// The body's slug (`mag`).
    #[arg(long)]
    pub body: String,
}

#[derive(Debug, Args)]
pub struct ConstitutionShowArgs {
    /// Preset name (see `plenary constitution presets`).
    pub preset: String,
    /// Output format.
    #[arg(long, value_enum, default_value_t = DocumentFormat::Toml)]
    pub format: DocumentFormat,
}

#[derive(Debug, Args)]
pub struct ConstitutionCheckArgs {
    /// The document: `.toml` or `.json`.
    pub file: std::path::PathBuf,
    /// Size of the body to resolve share quotas against (default: the largest allowed).
    #[arg(long)]
    pub seats: Option<u32>,
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum DocumentFormat {
    Toml,
    Json,
}

#[derive(Debug, Args)]
pub struct SlateArgs {
    /// A shipped constitution preset (e.g. `mag`), or use --constitution or --body.
    #[arg(long, conflicts_with_all = ["constitution", "body"], required_unless_present_any = ["constitution", "body"])]
    pub preset: Option<String>,
    /// A constitution document (`.toml` or `.json`).
    #[arg(long, conflicts_with = "body")]
    pub constitution: Option<std::path::PathBuf>,
    /// CSV of continuing members: id,name,stakeholder_group,country,gender[,seat].
    #[arg(long, conflicts_with = "body", required_unless_present = "body")]
    pub members: Option<std::path::PathBuf>,
    /// A stored body (slug, e.g. `mag`): its constitution and the members continuing into
    /// `--cycle` come from the database instead of --preset/--constitution and --members.
    #[arg(long, requires = "cycle")]
    pub body: Option<String>,
    /// The forum of --body (slug, e.g. `igf`); may be left out when only one forum has a
    /// body of that slug.
    #[arg(long, requires = "body")]
    pub forum: Option<String>,
    /// The cycle (year) the new members start in; members at their term limit the year
    /// before rotate out.
    #[arg(long)]
    pub cycle: Option<i32>,
    /// CSV of nominees: id,name,stakeholder_group,country,gender,score[,first_time,nominated_by].
    /// With --body it may be left out: the eligible, scored nominations of the body's call
    /// for --cycle are the pool.
    #[arg(long, required_unless_present = "body")]
    pub nominees: Option<std::path::PathBuf>,
    /// With --body: store the run (shown on the body's slate pages, audited) and print its id.
    #[arg(long, requires = "body")]
    pub save: bool,
    /// With --save: a name for the run.
    #[arg(long, requires = "save")]
    pub label: Option<String>,
    /// Seats to fill (default: up to the constitution's size).
    #[arg(long)]
    pub seats: Option<u32>,
    /// Print JSON instead of text.
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct BenchArgs {
    /// Which benchmark.
    #[arg(value_enum)]
    pub name: BenchName,
    /// Seed of the generated instance.
    #[arg(long, default_value_t = 2026)]
    pub seed: u64,
    /// Repetitions per row (the best time is reported).
    #[arg(long, default_value_t = 3)]
    pub repetitions: u32,
    /// assign: the instance sizes, as multiples of 1,000 proposals × 50 reviewers.
    #[arg(long, value_delimiter = ',', default_values_t = [1, 4, 16])]
    pub scales: Vec<usize>,
    /// assign: run the stakeholder/region mix only on instances up to this scale.
    #[arg(long, default_value_t = 16)]
    pub mix_up_to: usize,
    /// assign: also write each instance's flow network (DIMACS) into this folder, for
    /// `bench/ortools-compare`.
    #[arg(long)]
    pub export: Option<std::path::PathBuf>,
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum BenchName {
    /// The balanced-slate optimiser: 55 seats, 37 continuing, 18 filled from 300, 1200 and 4800 nominees.
    Slate,
    /// Stage-1 screening of 300, 1200 and 4800 generated proposals under the igf2023 rules
    /// (pure rules, and end to end on a temporary SQLite database for 1200).
    Screen,
    /// Reviewer assignment: 1,000 proposals × 50 reviewers, 3 reviews each, load cap 65,
    /// 2 % conflicts, and 4× and 16×; plain and with the stakeholder/region mix.
    Assign,
}

#[derive(Debug, Args)]
pub struct MailArgs {
    /// Where mail goes: smtp://HOST:PORT, smtps://USER:PASS@HOST, or file:///FOLDER (.eml files).
    #[arg(long, env = "PLENARY_MAIL_URL", default_value = "file://data/mail")]
    pub mail_url: String,
    /// The From: address of mail Plenary sends.
    #[arg(
        long,
        env = "PLENARY_MAIL_FROM",
        default_value = "Plenary <no-reply@plenary.localhost>"
    )]
    pub mail_from: String,
    /// Public base URL used in e-mailed links.
    #[arg(long, env = "PLENARY_PUBLIC_URL")]
    pub public_url: Option<String>,
}

#[derive(Debug, Args)]
pub struct ServeArgs {
    /// Address and port to listen on.
    #[arg(long, env = "PLENARY_LISTEN", default_value = "127.0.0.1:8080")]
    pub listen: SocketAddr,
    #[command(flatten)]
    pub mail: MailArgs,
    /// Mark cookies Secure (set this when served over HTTPS).
    #[arg(long, env = "PLENARY_SECURE_COOKIES")]
    pub secure_cookies: bool,
    /// Do not run the background job worker inside this process (run `plenary worker` instead).
    #[arg(long)]
    pub no_worker: bool,
    /// Create and migrate the database and load the demo forum before serving.
    #[arg(long)]
    pub demo: bool,
    /// Database connections in the pool.
    #[arg(long, env = "PLENARY_DATABASE_CONNECTIONS", default_value_t = 10)]
    pub database_connections: u32,
}

#[derive(Debug, Subcommand)]
pub enum UserCommand {
    /// Create an account, optionally granting it a role in a forum.
    Add(UserAddArgs),
}

#[derive(Debug, Args)]
pub struct UserAddArgs {
    #[arg(long)]
    pub email: String,
    #[arg(long)]
    pub name: String,
    /// The password; prompted for on the terminal if omitted (or read from PLENARY_PASSWORD).
    #[arg(long, env = "PLENARY_PASSWORD", hide_env_values = true)]
    pub password: Option<String>,
    /// Preferred language: en, fr, es or ar.
    #[arg(long)]
    pub language: Option<String>,
    /// Forum slug to grant a role in (with --role).
    #[arg(long, requires = "role")]
    pub forum: Option<String>,
    /// secretariat, chair, body_member, reviewer, organiser or participant.
    #[arg(long, requires = "forum")]
    pub role: Option<String>,
}

#[derive(Debug, Subcommand)]
pub enum ConfigCommand {
    /// Check that the database is reachable and current and that the mail URL is valid.
    Check(MailArgs),
}

#[derive(Debug, Args)]
pub struct AuditArgs {
    /// Only events of this forum (slug).
    #[arg(long)]
    pub forum: Option<String>,
    /// Only this action (`role.grant`), or every action of an entity (`role.`).
    #[arg(long)]
    pub action: Option<String>,
    /// How many events to show.
    #[arg(long, default_value_t = 50)]
    pub limit: i64,
    /// Print JSON lines instead of a table.
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct ReportFlagArgs {
    /// The forum's slug (`igf`).
    #[arg(long)]
    pub forum: String,
    /// The year the session was held.
    #[arg(long)]
    pub year: i32,
    /// The session's reference (`WS #12`).
    #[arg(long)]
    pub session: String,
    /// The organiser's e-mail address.
    #[arg(long, default_value = "")]
    pub email: String,
    /// The organising institution.
    #[arg(long, default_value = "")]
    pub organisation: String,
    /// The report was filed (clears an earlier missing flag for the session).
    #[arg(long)]
    pub filed: bool,
}
