//! The commands operators and scripts rely on, run as a real process.

use crate::{plenary, stderr, stdout};

#[test]
fn help_lists_every_command() {
    let dir = tempfile::tempdir().unwrap();
    let out = plenary(dir.path(), &["--help"]);
    assert!(out.status.success());
    let text = stdout(&out);
    for command in [
        "serve",
        "worker",
        "migrate",
        "demo",
        "user",
        "config",
        "audit",
        "nominations",
        "import",
        "export",
        "screen",
    ] {
        assert!(
            text.contains(&format!("  {command}")),
            "{command} missing from:\n{text}"
        );
    }
    assert!(text.contains("--database-url"), "{text}");
    let serve = stdout(&plenary(dir.path(), &["serve", "--help"]));
    assert!(
        serve.contains("--listen") && serve.contains("PLENARY_DATABASE_URL"),
        "{serve}"
    );
}

#[test]
fn an_unknown_database_scheme_is_refused_clearly() {
    let dir = tempfile::tempdir().unwrap();
    let out = plenary(
        dir.path(),
        &["--database-url", "mysql://root@localhost/p", "migrate"],
    );
    assert_eq!(out.status.code(), Some(3));
    assert!(
        stderr(&out).contains("unsupported database URL scheme \"mysql\": use sqlite://PATH (embedded) or postgres://USER@HOST/DB"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn an_unreachable_database_is_reported_with_exit_code_3() {
    let dir = tempfile::tempdir().unwrap();
    let out = plenary(
        dir.path(),
        &[
            "--database-url",
            "postgres://nobody:secret@127.0.0.1:1/none",
            "--connect-timeout",
            "1",
            "config",
            "check",
        ],
    );
    assert_eq!(out.status.code(), Some(3), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(
        err.contains("cannot reach the database at postgres://nobody:***@127.0.0.1:1/none"),
        "{err}"
    );
    assert!(
        !err.contains("secret"),
        "the password must not be printed: {err}"
    );
}

#[test]
fn serve_refuses_a_database_without_the_current_schema() {
    let dir = tempfile::tempdir().unwrap();
    let out = plenary(dir.path(), &["serve", "--listen", "127.0.0.1:0"]);
    assert_eq!(out.status.code(), Some(4), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("run `plenary migrate`"),
        "{}",
        stderr(&out)
    );
}

#[tokio::test]
async fn serve_refuses_a_schema_newer_than_the_binary() {
    let dir = tempfile::tempdir().unwrap();
    assert!(plenary(dir.path(), &["migrate"]).status.success());
    // Pretend a newer release migrated this database.
    let url = format!("sqlite://{}/data/plenary.db", dir.path().display());
    plenary_testkit::pretend_newer_schema(&url).await;
    let out = plenary(dir.path(), &["serve", "--listen", "127.0.0.1:0"]);
    assert_eq!(out.status.code(), Some(4));
    assert!(
        stderr(&out).contains("newer than this binary"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn demo_is_idempotent_and_prints_the_sign_ins() {
    let dir = tempfile::tempdir().unwrap();
    let first = plenary(dir.path(), &["demo"]);
    assert!(first.status.success(), "{}", stderr(&first));
    assert!(
        stdout(&first).contains("secretariat@igf.example.org"),
        "{}",
        stdout(&first)
    );
    assert!(stdout(&first).contains("plenary-demo-2026"));
    assert!(
        stderr(&first).contains(
            "demo loaded: 5 forums, 10 accounts and 2 bodies created, 9 roles granted (201 countries)"
        ),
        "{}",
        stderr(&first)
    );
    let second = plenary(dir.path(), &["demo"]);
    assert!(
        stderr(&second).contains(
            "demo loaded: 0 forums, 0 accounts and 0 bodies created, 0 roles granted (201 countries)"
        ),
        "{}",
        stderr(&second)
    );
    assert!(dir.path().join("data/plenary.db").exists());
}

#[test]
fn user_add_then_audit_shows_who_did_what() {
    let dir = tempfile::tempdir().unwrap();
    assert!(plenary(dir.path(), &["demo"]).status.success());
    let out = plenary(
        dir.path(),
        &[
            "user",
            "add",
            "--email",
            "New.Reviewer@example.org",
            "--name",
            "Lina Haddad",
            "--password",
            "long enough password",
            "--forum",
            "igf",
            "--role",
            "reviewer",
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    // The account's id depends on how many accounts the demo made (proposers included).
    let created = stdout(&out);
    assert!(
        created.starts_with("created account ")
            && created.contains(" for new.reviewer@example.org"),
        "{created}"
    );
    assert!(stdout(&out).contains("granted reviewer in igf"));
    let again = plenary(
        dir.path(),
        &[
            "user",
            "add",
            "--email",
            "new.reviewer@example.org",
            "--name",
            "X",
            "--password",
            "long enough password",
        ],
    );
    assert_eq!(again.status.code(), Some(1));
    assert!(
        stderr(&again).contains("already exists"),
        "{}",
        stderr(&again)
    );
    let weak = plenary(
        dir.path(),
        &[
            "user",
            "add",
            "--email",
            "w@example.org",
            "--name",
            "W",
            "--password",
            "short",
        ],
    );
    assert!(
        stderr(&weak).contains("--password: at least 10 characters"),
        "{}",
        stderr(&weak)
    );

    let audit = plenary(
        dir.path(),
        &[
            "audit",
            "--forum",
            "igf",
            "--action",
            "role.grant",
            "--limit",
            "1",
            "--json",
        ],
    );
    assert!(audit.status.success(), "{}", stderr(&audit));
    let line = stdout(&audit);
    assert!(
        line.contains("\"actor\":\"system:cli\"") && line.contains("new.reviewer@example.org"),
        "{line}"
    );
    let table = stdout(&plenary(dir.path(), &["audit", "--limit", "500"]));
    assert!(table.contains("account.create"), "{table}");
}

#[test]
fn config_check_reports_each_part() {
    let dir = tempfile::tempdir().unwrap();
    assert!(plenary(dir.path(), &["migrate"]).status.success());
    let out = plenary(
        dir.path(),
        &["config", "check", "--mail-url", "smtp://127.0.0.1:2525"],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(
        text.contains("schema: current") && text.contains("configuration OK"),
        "{text}"
    );
    let bad = plenary(
        dir.path(),
        &["config", "check", "--mail-url", "pigeon://coop"],
    );
    assert_eq!(bad.status.code(), Some(1));
    assert!(
        stderr(&bad).contains("unsupported mail URL"),
        "{}",
        stderr(&bad)
    );
}

#[test]
fn bench_assign_prints_a_table_and_exports_the_networks() {
    let dir = tempfile::tempdir().unwrap();
    let export = dir.path().join("networks");
    let out = plenary(
        dir.path(),
        &[
            "bench",
            "assign",
            "--repetitions",
            "1",
            "--scales",
            "1",
            "--export",
            export.to_str().unwrap(),
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 6, "{text}");
    let row: Vec<&str> = lines[2].split_whitespace().collect();
    assert_eq!(&row[..4], ["1x", "1000", "50", "48940"], "{}", lines[2]);
    assert_eq!(row[7], "ok", "{}", lines[2]);
    assert!(lines[2].ends_with(" 0     ok"), "{}", lines[2]);
    assert!(
        lines[3].starts_with("exported ") && lines[3].ends_with("assign-1x.min (objective 16218)"),
        "{}",
        lines[3]
    );
    assert!(
        lines[5].starts_with("summary: 1000 proposals assigned in "),
        "{}",
        lines[5]
    );
    assert!(
        lines[5].ends_with("every flow solution optimal and checked"),
        "{}",
        lines[5]
    );
    let network = std::fs::read_to_string(export.join("assign-1x-groups.min")).unwrap();
    let header: Vec<&str> = network.lines().take(6).collect();
    assert_eq!(
        &header[1..],
        [
            "c model stakeholder-groups-as-a-flow",
            "c objective 16218",
            "p min 6052 60240",
            "n 1 3000",
            "n 2 -3000"
        ]
    );
    assert_eq!(network.lines().count(), 6 + 60240);
}

#[test]
fn bench_slate_prints_a_table_ending_in_a_summary() {
    let dir = tempfile::tempdir().unwrap();
    let out = plenary(dir.path(), &["bench", "slate", "--repetitions", "1"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 6, "{text}");
    for row in &lines[2..5] {
        assert!(row.contains("proven") && row.ends_with("ok"), "{row}");
    }
    assert!(
        lines[5].starts_with("summary: 300 nominees solved in "),
        "{}",
        lines[5]
    );
    assert!(
        lines[5].ends_with("every slate proven optimal and checked"),
        "{}",
        lines[5]
    );
}
