//! The tidy checks run on the real repository, and each one on a small fake tree that it
//! must reject, so a check that can never fail is noticed.
//!
//! Fake trees live in a fresh folder under the system temp dir and are removed on drop.
//! Texts that would trip the checks on this very file are assembled with `concat!`.

use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{SystemTime, UNIX_EPOCH};

use super::*;

fn assert_clean(check: &str, problems: &[String]) {
    if !problems.is_empty() {
        panic!(
            "tidy check `{check}` found {} problem(s) in the repository:\n  {}\n",
            problems.len(),
            problems.join("\n  ")
        );
    }
}

#[test]
fn repo_module_docs() {
    assert_clean("module_docs", &module_docs(&repo_root()));
}

#[test]
fn repo_migrations() {
    assert_clean("migrations", &migrations(&repo_root()));
}

#[test]
fn repo_dependency_rules() {
    assert_clean("dependency_rules", &dependency_rules(&repo_root()));
}

#[test]
fn repo_sql_only_in_db() {
    assert_clean("sql_only_in_db", &sql_only_in_db(&repo_root()));
}

#[test]
fn repo_crate_manifests() {
    assert_clean("crate_manifests", &crate_manifests(&repo_root()));
}

#[test]
fn repo_vague_module_names() {
    assert_clean("vague_module_names", &vague_module_names(&repo_root()));
}

#[test]
fn repo_leftover_markers() {
    assert_clean("leftover_markers", &leftover_markers(&repo_root()));
}

#[test]
fn repo_message_catalogs() {
    assert_clean("message_catalogs", &message_catalogs(&repo_root()));
}

/// A throwaway directory tree, deleted when dropped (also when the test panics).
struct FakeTree {
    root: PathBuf,
}

impl FakeTree {
    fn new() -> FakeTree {
        static COUNTER: AtomicUsize = AtomicUsize::new(0);
        let nanos = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .unwrap()
            .as_nanos();
        let n = COUNTER.fetch_add(1, Ordering::Relaxed);
        let root =
            std::env::temp_dir().join(format!("xtask-tidy-{}-{nanos}-{n}", std::process::id()));
        fs::create_dir_all(&root).unwrap();
        FakeTree { root }
    }

    fn file(&self, path: &str, text: &str) -> &FakeTree {
        let path = self.root.join(path);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, text).unwrap();
        self
    }
}

impl Drop for FakeTree {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.root);
    }
}

/// Asserts that exactly the expected problems are found, each recognised by a substring.
fn assert_problems(problems: &[String], expected: &[&str]) {
    let listing = problems.join("\n  ");
    assert_eq!(
        problems.len(),
        expected.len(),
        "problems found:\n  {listing}"
    );
    for needle in expected {
        assert!(
            problems.iter().any(|p| p.contains(needle)),
            "no problem mentions `{needle}`:\n  {listing}"
        );
    }
}

#[test]
fn module_docs_rejects_files_without_a_doc_comment() {
    let tree = FakeTree::new();
    tree.file("crates/a/src/lib.rs", "use std::fs;\n")
        .file("crates/a/tests/it.rs", "\n\nfn main() {}\n")
        .file("xtask/src/main.rs", "fn main() {}\n")
        .file("crates/a/src/ok.rs", "\n//! What this is for.\n")
        .file(
            "crates/b/src/lib.rs",
            "#![doc = include_str!(\"../README.md\")]\n",
        )
        .file("crates/a/target/debug/build.rs", "fn main() {}\n")
        .file("other/outside.rs", "fn main() {}\n");
    assert_problems(
        &module_docs(&tree.root),
        &[
            "crates/a/src/lib.rs: does not begin",
            "crates/a/tests/it.rs:",
            "xtask/src/main.rs:",
        ],
    );
}

const MIGRATE_RS: &str = "include_str!(\"../migrations/sqlite/0001_base.sql\"),
    include_str!(\"../migrations/postgres/0001_base.sql\"),";

#[test]
fn migrations_accepts_matching_trees() {
    let tree = FakeTree::new();
    tree.file("crates/plenary-db/src/migrate.rs", MIGRATE_RS)
        .file(
            "crates/plenary-db/migrations/sqlite/0001_base.sql",
            "-- Why: a start.\n",
        )
        .file(
            "crates/plenary-db/migrations/postgres/0001_base.sql",
            "-- Why: a start.\n",
        );
    assert_problems(&migrations(&tree.root), &[]);
}

#[test]
fn migrations_rejects_drifting_trees() {
    let tree = FakeTree::new();
    tree.file("crates/plenary-db/src/migrate.rs", MIGRATE_RS)
        .file(
            "crates/plenary-db/migrations/sqlite/0001_base.sql",
            "-- Why: a start.\n",
        )
        .file(
            "crates/plenary-db/migrations/postgres/0001_base.sql",
            concat!("cre", "ate table t (id int);\n"),
        )
        .file(
            "crates/plenary-db/migrations/sqlite/0002_more.sql",
            "-- Why: more.\n",
        )
        .file(
            "crates/plenary-db/migrations/postgres/2_Bad.sql",
            "-- Why: bad name.\n",
        );
    assert_problems(
        &migrations(&tree.root),
        &[
            "postgres/0001_base.sql: the first line is not a `-- Why:`",
            "sqlite/0002_more.sql: not embedded",
            "sqlite/0002_more.sql: exists for sqlite but not for postgres",
            "postgres/2_Bad.sql: the name does not match",
            "postgres/2_Bad.sql: not embedded",
            "postgres/2_Bad.sql: exists for postgres but not for sqlite",
        ],
    );
}

#[test]
fn migrations_rejects_missing_trees() {
    let tree = FakeTree::new();
    tree.file("crates/plenary-db/src/migrate.rs", "");
    assert_problems(
        &migrations(&tree.root),
        &["sqlite: cannot list", "postgres: cannot list"],
    );
}

#[test]
fn dependency_rules_rejects_forbidden_edges() {
    let tree = FakeTree::new();
    tree.file(
        "crates/plenary-domain/Cargo.toml",
        "[package]\nname = \"plenary-domain\"\n\n[dependencies]\nthiserror.workspace = true\n\
         serde = { workspace = true }\n\n[dependencies.tokio]\nversion = \"1\"\n\n\
         [dev-dependencies]\nserde_json.workspace = true\n",
    )
    .file(
        "crates/plenary-solver/Cargo.toml",
        "[dev-dependencies]\nplenary-testkit.workspace = true\n",
    )
    .file(
        "crates/plenary-web/Cargo.toml",
        "[dependencies]\naxum.workspace = true\nminijinja = \"3\"\n",
    )
    .file(
        "crates/plenary-db/Cargo.toml",
        "[dependencies]\nsqlx.workspace = true\n",
    )
    .file(
        "crates/plenary-testkit/Cargo.toml",
        "[dependencies]\nsqlx.workspace = true\n",
    )
    .file(
        "crates/plenary-app/Cargo.toml",
        "[dependencies]\ndb = { package = \"sqlx\", version = \"0.9\" }\n",
    )
    .file(
        "xtask/Cargo.toml",
        "[target.'cfg(unix)'.dev-dependencies]\nutoipa.workspace = true\n",
    );
    assert_problems(
        &dependency_rules(&tree.root),
        &[
            "plenary-domain/Cargo.toml: [dependencies] lists `serde`",
            "plenary-domain/Cargo.toml: [dependencies] lists `tokio`",
            "plenary-solver/Cargo.toml: [dev-dependencies] lists `plenary-testkit`",
            "plenary-app/Cargo.toml: [dependencies] lists `sqlx`",
            "xtask/Cargo.toml: [target.'cfg(unix)'.dev-dependencies] lists `utoipa`",
        ],
    );
}

#[test]
fn sql_only_in_db_rejects_sql_outside_plenary_db() {
    let query = concat!("const Q: &str = \"SEL", "ECT id from t\";\n");
    let multi_line = concat!(
        "fn f() {\n    let q = \"\n        dele",
        "te from t\";\n}\n"
    );
    let escaped = concat!("const Q: &str = \"\\n  ins", "ert into t\";\n");
    let commented = concat!("// \"upd", "ate t set x\"\nconst S: &str = \"Selected\";\n");
    let tree = FakeTree::new();
    tree.file("crates/plenary-web/src/a.rs", query)
        .file("crates/plenary-app/src/b.rs", multi_line)
        .file("xtask/src/c.rs", escaped)
        .file("crates/plenary-app/src/d.rs", commented)
        .file("crates/plenary-db/src/q.rs", query)
        .file("crates/plenary-db/tests/it/q.rs", query)
        .file("crates/plenary-testkit/src/lib.rs", multi_line);
    assert_problems(
        &sql_only_in_db(&tree.root),
        &[
            "plenary-web/src/a.rs:1:",
            "plenary-app/src/b.rs:3:",
            "xtask/src/c.rs:1:",
        ],
    );
}

const GOOD_MANIFEST: &str = "[package]\nname = \"good\"\nversion.workspace = true\n\
    edition = { workspace = true }\n\n[lints]\nworkspace = true\n";

#[test]
fn crate_manifests_rejects_undocumented_and_unshared_crates() {
    let tree = FakeTree::new();
    tree.file("crates/good/Cargo.toml", GOOD_MANIFEST)
        .file("crates/good/README.md", "# good\n")
        .file(
            "crates/good/src/lib.rs",
            "#![doc = include_str!(\"../README.md\")]\n",
        )
        .file(
            "crates/bad/Cargo.toml",
            "[package]\nname = \"worse\"\nversion = \"0.1.0\"\nedition.workspace = true\n\n\
             [lints.rust]\nworkspace = true\n",
        )
        .file(
            "crates/bad/src/lib.rs",
            "//! Documented, but not by its README.\n",
        );
    assert_problems(
        &crate_manifests(&tree.root),
        &[
            "crates/bad: has no README.md",
            "crates/bad/Cargo.toml: [package] `name`",
            "crates/bad/Cargo.toml: [package] `version`",
            "crates/bad/Cargo.toml: [lints] `workspace`",
            "crates/bad/src/lib.rs: does not start with",
        ],
    );
}

#[test]
fn vague_module_names_rejects_utils_and_friends() {
    let tree = FakeTree::new();
    tree.file("crates/a/src/utils.rs", "//! Things.\n")
        .file("crates/a/tests/common/mod.rs", "//! Shared.\n")
        .file(
            "crates/a/src/lib.rs",
            "mod pagination;\npub(crate) mod helpers;\n#[cfg(test)] mod misc {}\n",
        )
        .file("crates/a/static/common.css", "");
    assert_problems(
        &vague_module_names(&tree.root),
        &[
            "crates/a/src/utils.rs: the name `utils`",
            "crates/a/tests/common: the name `common`",
            "crates/a/src/lib.rs:2: declares `mod helpers`",
            "crates/a/src/lib.rs:3: declares `mod misc`",
        ],
    );
}

#[test]
fn leftover_markers_rejects_unfinished_code() {
    let source = concat!(
        "fn a() { to",
        "do!() }\n",
        "fn b() { unimpl",
        "emented!() }\n",
        "fn c() { db",
        "g!(1); }\n",
        "#[ig",
        "nore]\n",
        "#[should",
        "_panic]\n",
    );
    let tree = FakeTree::new();
    tree.file("crates/a/src/lib.rs", source)
        .file("crates/a/src/clean.rs", "fn todo() {}\n");
    assert_problems(
        &leftover_markers(&tree.root),
        &[
            "lib.rs:1:",
            "lib.rs:2:",
            "lib.rs:3:",
            "lib.rs:4:",
            "lib.rs:5:",
        ],
    );
}

#[test]
fn message_catalogs_rejects_missing_and_drifting_catalogs() {
    let tree = FakeTree::new();
    tree.file(
        "crates/plenary-app/locales/en/main.ftl",
        "# Comment\nhello = Hello\nbye-now = Bye\n  .attr = x\n",
    )
    .file(
        "crates/plenary-app/locales/fr/main.ftl",
        "hello = Bonjour\n",
    )
    .file(
        "crates/plenary-app/locales/es/main.ftl",
        "hello = Hola\nbye-now = Adiós\nextra_1 = Más\n",
    );
    assert_problems(
        &message_catalogs(&tree.root),
        &[
            "ar/main.ftl: missing",
            "fr/main.ftl: has no message `bye-now`",
            "es/main.ftl: has message `extra_1`",
        ],
    );
}
