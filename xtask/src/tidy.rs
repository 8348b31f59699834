//! The tidy checks: conventions from STYLE.md that a test enforces, so they hold without review.
//!
//! `CHECKS` lists every check; each is a function from the repository root to a list of
//! problems, one sentence each, naming the file, what is wrong and how to fix it. An empty
//! list means the check passes. `cargo test` runs every check on the real repository
//! (`tidy::tests`), and `cargo run -p xtask -- tidy` runs the same list from `main.rs`.
//!
//! Invariant: checks only read files; they never change the tree. Patterns that would match
//! this file itself (the forbidden macros, SQL at the start of a literal) are assembled with
//! `concat!`, so the tidy source passes its own checks without an exemption.

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

/// One named check.
#[derive(Debug, Clone, Copy)]
pub struct Check {
    pub name: &'static str,
    pub run: fn(&Path) -> Vec<String>,
}

/// Every check, in the order they are reported.
pub const CHECKS: &[Check] = &[
    Check {
        name: "module_docs",
        run: module_docs,
    },
    Check {
        name: "migrations",
        run: migrations,
    },
    Check {
        name: "dependency_rules",
        run: dependency_rules,
    },
    Check {
        name: "sql_only_in_db",
        run: sql_only_in_db,
    },
    Check {
        name: "crate_manifests",
        run: crate_manifests,
    },
    Check {
        name: "vague_module_names",
        run: vague_module_names,
    },
    Check {
        name: "leftover_markers",
        run: leftover_markers,
    },
    Check {
        name: "message_catalogs",
        run: message_catalogs,
    },
];

/// The workspace root: the folder above `xtask/`.
pub fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// The line a crate root uses instead of `//!`: its README is its documentation.
const README_DOC: &str = "#![doc = include_str!(\"../README.md\")]";

/// Names that say nothing about what a module holds (STYLE.md B13).
const VAGUE_NAMES: &[&str] = &["utils", "util", "common", "helpers", "helper", "misc"];

/// Macros and attributes that must not be committed. Split so this file does not match.
const LEFTOVER_MARKERS: &[&str] = &[
    concat!("to", "do!("),
    concat!("unimpl", "emented!("),
    concat!("db", "g!("),
    concat!("#[ig", "nore"),
    concat!("#[should", "_panic"),
];

/// SQL that starts a string literal (compared lower-case). Split so this file does not match.
const SQL_STARTS: &[&str] = &[
    concat!("sel", "ect "),
    concat!("ins", "ert into"),
    concat!("upd", "ate "),
    concat!("del", "ete from"),
    concat!("cre", "ate table"),
];

/// Every `.rs` file starts with a `//!` comment, or is a crate root documented by its README.
pub fn module_docs(root: &Path) -> Vec<String> {
    let mut problems = Vec::new();
    for path in rust_files(root, &mut problems) {
        let Some(text) = read(root, &path, &mut problems) else {
            continue;
        };
        let first = text.lines().map(str::trim).find(|line| !line.is_empty());
        let ok = first.is_some_and(|line| line.starts_with("//!") || line == README_DOC);
        if !ok {
            problems.push(format!(
                "{}: does not begin with a `//!` comment (first line: `{}`). Add `//!` lines at \
                 the top saying what this file is for (STYLE.md B12), or, for a crate root, \
                 `{README_DOC}`.",
                rel(root, &path),
                first.unwrap_or("<empty file>"),
            ));
        }
    }
    problems
}

/// The SQLite and PostgreSQL migration trees hold the same well-named, explained files, and
/// `plenary-db/src/migrate.rs` embeds each of them.
pub fn migrations(root: &Path) -> Vec<String> {
    let mut problems = Vec::new();
    let db = root.join("crates/plenary-db");
    let migrate_rs = db.join("src/migrate.rs");
    let migrate_text = read(root, &migrate_rs, &mut problems).unwrap_or_default();
    let mut trees = Vec::new();
    for dialect in ["sqlite", "postgres"] {
        let dir = db.join("migrations").join(dialect);
        let names = match file_names(&dir) {
            Ok(names) => names,
            Err(err) => {
                problems.push(format!(
                    "{}: cannot list the {dialect} migrations ({err}). Create the folder; both \
                     dialects keep one migration tree each (STYLE.md B5).",
                    rel(root, &dir)
                ));
                continue;
            }
        };
        let mut versions = BTreeSet::new();
        for name in &names {
            let path = dir.join(name);
            if !is_migration_name(name) {
                problems.push(format!(
                    "{}: the name does not match `NNNN_snake_case.sql`. Rename it, e.g. \
                     `0002_review_scores.sql`, in both trees.",
                    rel(root, &path)
                ));
            } else if !versions.insert(&name[..4]) {
                problems.push(format!(
                    "{}: another {dialect} migration already uses version {}. Give this one the \
                     next free number, in both trees.",
                    rel(root, &path),
                    &name[..4]
                ));
            }
            if let Some(text) = read(root, &path, &mut problems)
                && !text
                    .lines()
                    .next()
                    .is_some_and(|line| line.starts_with("-- Why:"))
            {
                problems.push(format!(
                    "{}: the first line is not a `-- Why:` comment. Start the file with \
                     `-- Why: <why this change is needed>` (STYLE.md B5).",
                    rel(root, &path)
                ));
            }
            let included = format!("migrations/{dialect}/{name}");
            if !migrate_text.is_empty() && !migrate_text.contains(&included) {
                problems.push(format!(
                    "{}: not embedded by {}. Add it to `MIGRATIONS` with \
                     `include_str!(\"../{included}\")` (and its other dialect).",
                    rel(root, &path),
                    rel(root, &migrate_rs)
                ));
            }
        }
        trees.push((dialect, names));
    }
    if let [(a, a_names), (b, b_names)] = trees.as_slice() {
        for (here, there, names, others) in [(a, b, a_names, b_names), (b, a, b_names, a_names)] {
            for name in names.difference(others) {
                problems.push(format!(
                    "crates/plenary-db/migrations/{here}/{name}: exists for {here} but not for \
                     {there}. Write crates/plenary-db/migrations/{there}/{name} too; the two \
                     trees must hold the same file names (STYLE.md B5)."
                ));
            }
        }
    }
    problems
}

/// Which crate may depend on what (STYLE.md B2 and B5).
pub fn dependency_rules(root: &Path) -> Vec<String> {
    let mut problems = Vec::new();
    let domain = root.join("crates/plenary-domain/Cargo.toml");
    if let Some(text) = read(root, &domain, &mut problems) {
        for dep in dependencies(&text).iter().filter(|dep| dep.is_normal()) {
            let forbidden = ["sqlx", "axum", "tokio", "serde", "plenary"];
            if forbidden.iter().any(|family| in_family(&dep.name, family)) {
                problems.push(format!(
                    "{}: [{}] lists `{}`, but the domain crate is plain Rust with no I/O, \
                     serialization or workspace dependencies (STYLE.md B1, B2). Remove it and \
                     move the code that needs it to plenary-db, plenary-app or plenary-web.",
                    rel(root, &domain),
                    dep.table,
                    dep.name
                ));
            }
        }
    }
    let solver = root.join("crates/plenary-solver/Cargo.toml");
    if let Some(text) = read(root, &solver, &mut problems) {
        for dep in dependencies(&text)
            .iter()
            .filter(|dep| in_family(&dep.name, "plenary"))
        {
            problems.push(format!(
                "{}: [{}] lists `{}`, but the solver depends on nothing in the workspace \
                 (STYLE.md B2). Give it its own input and output types; plenary-app converts.",
                rel(root, &solver),
                dep.table,
                dep.name
            ));
        }
    }
    let owners: &[(&str, &[&str])] = &[
        ("axum", &["plenary-web"]),
        ("minijinja", &["plenary-web"]),
        ("utoipa", &["plenary-web"]),
        ("sqlx", &["plenary-db", "plenary-testkit"]),
    ];
    for manifest in member_manifests(root, &mut problems) {
        let Some(text) = read(root, &manifest, &mut problems) else {
            continue;
        };
        let member = member_name(&manifest);
        for dep in dependencies(&text) {
            for (family, allowed) in owners {
                if in_family(&dep.name, family) && !allowed.contains(&member.as_str()) {
                    problems.push(format!(
                        "{}: [{}] lists `{}`, but only {} may depend on {family} (STYLE.md B1). \
                         Remove it and reach that code through {}.",
                        rel(root, &manifest),
                        dep.table,
                        dep.name,
                        allowed.join(" and "),
                        allowed[0]
                    ));
                }
            }
        }
    }
    problems
}

/// No SQL outside plenary-db (and plenary-testkit, which provisions test databases).
pub fn sql_only_in_db(root: &Path) -> Vec<String> {
    let mut problems = Vec::new();
    let exempt = [
        root.join("crates/plenary-db"),
        root.join("crates/plenary-testkit"),
    ];
    for path in rust_files(root, &mut problems) {
        if exempt.iter().any(|dir| path.starts_with(dir)) {
            continue;
        }
        let Some(text) = read(root, &path, &mut problems) else {
            continue;
        };
        for (line_no, sql) in sql_literals(&text) {
            problems.push(format!(
                "{}:{line_no}: a string literal starts with SQL (`{}`). SQL lives only in \
                 plenary-db (STYLE.md B5): add a query function there and call it.",
                rel(root, &path),
                sql.trim()
            ));
        }
    }
    problems
}

/// Each crate has a README that doubles as its docs, inherits version, edition and lints.
pub fn crate_manifests(root: &Path) -> Vec<String> {
    let mut problems = Vec::new();
    for dir in crate_dirs(root, &mut problems) {
        let crate_name = member_name(&dir.join("Cargo.toml"));
        if !dir.join("README.md").is_file() {
            problems.push(format!(
                "{}: has no README.md. Write one saying what the crate is for and what it must \
                 never do (STYLE.md B12).",
                rel(root, &dir)
            ));
        }
        let manifest = dir.join("Cargo.toml");
        if let Some(text) = read(root, &manifest, &mut problems) {
            let keys = table_keys(&text);
            let required = [
                (
                    "package",
                    "name",
                    format!("\"{crate_name}\""),
                    "the folder name (STYLE.md B2)",
                ),
                (
                    "package",
                    "version",
                    "{workspace=true}".to_owned(),
                    "`version.workspace = true`",
                ),
                (
                    "package",
                    "edition",
                    "{workspace=true}".to_owned(),
                    "`edition.workspace = true`",
                ),
                (
                    "lints",
                    "workspace",
                    "true".to_owned(),
                    "`[lints]` with `workspace = true`",
                ),
            ];
            for (table, key, value, fix) in required {
                if !keys.contains(&(table.to_owned(), key.to_owned(), value)) {
                    problems.push(format!(
                        "{}: [{table}] `{key}` is missing or wrong. Set it to {fix} (STYLE.md B3).",
                        rel(root, &manifest)
                    ));
                }
            }
        }
        let lib_rs = dir.join("src/lib.rs");
        if lib_rs.is_file()
            && let Some(text) = read(root, &lib_rs, &mut problems)
            && text.lines().map(str::trim).find(|line| !line.is_empty()) != Some(README_DOC)
        {
            problems.push(format!(
                "{}: does not start with `{README_DOC}`. Make that the first line, so the \
                 README is the crate's documentation (STYLE.md B12).",
                rel(root, &lib_rs)
            ));
        }
    }
    problems
}

/// No module or file is called `utils`, `common`, `helpers`, `misc` or the like.
pub fn vague_module_names(root: &Path) -> Vec<String> {
    let mut problems = Vec::new();
    let fix = "Name the concept it holds (`pagination`, `slug`) or keep the code private next \
               to its only caller (STYLE.md B13).";
    for path in all_paths(root, &mut problems) {
        let is_rust = path.extension().is_some_and(|ext| ext == "rs");
        let stem = path
            .file_stem()
            .and_then(|stem| stem.to_str())
            .unwrap_or_default();
        if (is_rust || path.is_dir()) && VAGUE_NAMES.contains(&stem) {
            problems.push(format!(
                "{}: the name `{stem}` says nothing. {fix}",
                rel(root, &path)
            ));
        }
        if !is_rust {
            continue;
        }
        let Some(text) = read(root, &path, &mut problems) else {
            continue;
        };
        for (idx, line) in text.lines().enumerate() {
            if let Some(name) = declared_module(line)
                && VAGUE_NAMES.contains(&name)
            {
                problems.push(format!(
                    "{}:{}: declares `mod {name}`. {fix}",
                    rel(root, &path),
                    idx + 1
                ));
            }
        }
    }
    problems
}

/// No unfinished code, debug prints, ignored tests or `should_panic` tests are committed.
pub fn leftover_markers(root: &Path) -> Vec<String> {
    let mut problems = Vec::new();
    for path in rust_files(root, &mut problems) {
        let Some(text) = read(root, &path, &mut problems) else {
            continue;
        };
        for (idx, line) in text.lines().enumerate() {
            for marker in LEFTOVER_MARKERS {
                if line.contains(marker) {
                    problems.push(format!(
                        "{}:{}: contains `{marker}`. Finish or remove it; a test that must fail \
                         asserts on the `Err` value instead of panicking, and a slow or flaky \
                         test is fixed, not ignored.",
                        rel(root, &path),
                        idx + 1
                    ));
                }
            }
        }
    }
    problems
}

/// The message catalogs of every language hold the same message ids.
pub fn message_catalogs(root: &Path) -> Vec<String> {
    let mut problems = Vec::new();
    let locales = root.join("crates/plenary-app/locales");
    let mut languages: BTreeSet<String> = ["en", "fr", "es", "ar"].map(String::from).into();
    if let Ok(found) = file_names(&locales) {
        languages.extend(found.into_iter().filter(|name| locales.join(name).is_dir()));
    }
    let mut catalogs = Vec::new();
    for language in &languages {
        let path = locales.join(language).join("main.ftl");
        if !path.is_file() {
            problems.push(format!(
                "{}: missing. Every language needs a catalog with the same ids as `en`; copy \
                 en/main.ftl and translate it.",
                rel(root, &path)
            ));
            continue;
        }
        if let Some(text) = read(root, &path, &mut problems) {
            catalogs.push((language.as_str(), path, message_ids(&text)));
        }
    }
    let Some((_, _, english)) = catalogs.iter().find(|(language, _, _)| *language == "en") else {
        return problems;
    };
    for (_, path, ids) in catalogs.iter().filter(|(language, _, _)| *language != "en") {
        for id in english.difference(ids) {
            problems.push(format!(
                "{}: has no message `{id}`, which en/main.ftl has. Add its translation.",
                rel(root, path)
            ));
        }
        for id in ids.difference(english) {
            problems.push(format!(
                "{}: has message `{id}`, which en/main.ftl lacks. Add it to en/main.ftl or \
                 remove it here.",
                rel(root, path)
            ));
        }
    }
    problems
}

/// One dependency line of a Cargo.toml: the table it sits in and the crate it names.
#[derive(Debug)]
struct Dependency {
    table: String,
    name: String,
}

impl Dependency {
    /// A dependency of the built crate itself, not only of its tests.
    fn is_normal(&self) -> bool {
        self.table == "dependencies" || self.table.ends_with(".dependencies")
    }
}

/// Path relative to the root with `/` separators, for messages.
fn rel(root: &Path, path: &Path) -> String {
    let relative = path.strip_prefix(root).unwrap_or(path);
    let parts: Vec<_> = relative
        .components()
        .map(|part| part.as_os_str().to_string_lossy())
        .collect();
    parts.join("/")
}

fn read(root: &Path, path: &Path, problems: &mut Vec<String>) -> Option<String> {
    match fs::read_to_string(path) {
        Ok(text) => Some(text),
        Err(err) => {
            problems.push(format!("{}: cannot read ({err}).", rel(root, path)));
            None
        }
    }
}

/// The sorted names of the entries of one folder.
fn file_names(dir: &Path) -> std::io::Result<BTreeSet<String>> {
    let mut names = BTreeSet::new();
    for entry in fs::read_dir(dir)? {
        names.insert(entry?.file_name().to_string_lossy().into_owned());
    }
    Ok(names)
}

/// Every file and folder under `crates/` and `xtask/`, skipping `target/` and hidden folders.
fn all_paths(root: &Path, problems: &mut Vec<String>) -> Vec<PathBuf> {
    let mut paths = Vec::new();
    let mut pending: Vec<PathBuf> = ["crates", "xtask"]
        .iter()
        .map(|dir| root.join(dir))
        .filter(|dir| dir.is_dir())
        .collect();
    while let Some(dir) = pending.pop() {
        let names = match file_names(&dir) {
            Ok(names) => names,
            Err(err) => {
                problems.push(format!("{}: cannot list ({err}).", rel(root, &dir)));
                continue;
            }
        };
        for name in names {
            let path = dir.join(&name);
            if path.is_dir() {
                if name == "target" || name.starts_with('.') {
                    continue;
                }
                pending.push(path.clone());
            }
            paths.push(path);
        }
    }
    paths.sort();
    paths
}

fn rust_files(root: &Path, problems: &mut Vec<String>) -> Vec<PathBuf> {
    let paths = all_paths(root, problems);
    paths
        .into_iter()
        .filter(|path| path.is_file() && path.extension().is_some_and(|ext| ext == "rs"))
        .collect()
}

/// The folders under `crates/`, each one crate.
fn crate_dirs(root: &Path, problems: &mut Vec<String>) -> Vec<PathBuf> {
    let crates = root.join("crates");
    match file_names(&crates) {
        Ok(names) => names
            .iter()
            .map(|name| crates.join(name))
            .filter(|dir| dir.is_dir())
            .collect(),
        Err(err) => {
            problems.push(format!("{}: cannot list ({err}).", rel(root, &crates)));
            Vec::new()
        }
    }
}

/// The Cargo.toml of every workspace member: each crate and xtask.
fn member_manifests(root: &Path, problems: &mut Vec<String>) -> Vec<PathBuf> {
    let mut manifests: Vec<PathBuf> = crate_dirs(root, problems)
        .iter()
        .map(|dir| dir.join("Cargo.toml"))
        .collect();
    manifests.push(root.join("xtask/Cargo.toml"));
    manifests.retain(|manifest| manifest.is_file());
    manifests
}

/// The member a manifest belongs to: the folder name, which equals the crate name.
fn member_name(manifest: &Path) -> String {
    let dir = manifest
        .parent()
        .and_then(Path::file_name)
        .unwrap_or_default();
    dir.to_string_lossy().into_owned()
}

/// `sqlx` covers `sqlx` and `sqlx-core`; `plenary` covers every `plenary-*` crate.
fn in_family(name: &str, family: &str) -> bool {
    name == family
        || name
            .strip_prefix(family)
            .is_some_and(|rest| rest.starts_with('-') || rest.starts_with('_'))
}

/// Every `(table, key, value)` of a Cargo.toml, with spaces removed and dotted keys folded,
/// so `version.workspace = true` reads as `("package", "version", "{workspace=true}")`.
fn table_keys(manifest: &str) -> BTreeSet<(String, String, String)> {
    let mut keys = BTreeSet::new();
    let mut table = String::new();
    for line in manifest.lines() {
        let line: String = line.chars().filter(|ch| !ch.is_whitespace()).collect();
        if line.starts_with('#') || line.is_empty() {
            continue;
        }
        if line.starts_with('[') {
            table = line.trim_matches(['[', ']']).to_owned();
            continue;
        }
        let Some((key, value)) = line.split_once('=') else {
            continue;
        };
        match key.split_once('.') {
            Some((key, inner)) => keys.insert((
                table.clone(),
                key.to_owned(),
                format!("{{{inner}={value}}}"),
            )),
            None => keys.insert((table.clone(), key.to_owned(), value.to_owned())),
        };
    }
    keys
}

/// The crates a Cargo.toml depends on, in any dependency table (also `[dependencies.name]`).
fn dependencies(manifest: &str) -> Vec<Dependency> {
    let mut deps = Vec::new();
    let mut table: Option<String> = None;
    for line in manifest.lines() {
        let line = line.trim();
        if line.starts_with('#') || line.is_empty() {
            continue;
        }
        if line.starts_with('[') {
            let header = line.trim_matches(['[', ']']).trim();
            table = None;
            if header.ends_with("dependencies") {
                table = Some(header.to_owned());
            } else if let Some((outer, name)) = header.rsplit_once('.')
                && outer.ends_with("dependencies")
            {
                deps.push(Dependency {
                    table: outer.to_owned(),
                    name: name.trim_matches('"').to_owned(),
                });
            }
            continue;
        }
        let Some(table) = &table else { continue };
        let key: String = line
            .chars()
            .take_while(|ch| !matches!(ch, '=' | '.') && !ch.is_whitespace())
            .collect();
        let renamed = line
            .split_once("package")
            .and_then(|(_, rest)| rest.split('"').nth(1));
        let name = renamed.unwrap_or(key.trim_matches('"'));
        deps.push(Dependency {
            table: table.clone(),
            name: name.to_owned(),
        });
    }
    deps
}

/// `NNNN_snake_case.sql`.
fn is_migration_name(name: &str) -> bool {
    let Some(stem) = name.strip_suffix(".sql") else {
        return false;
    };
    let Some((version, words)) = stem.split_once('_') else {
        return false;
    };
    version.len() == 4
        && version.chars().all(|ch| ch.is_ascii_digit())
        && words.starts_with(|ch: char| ch.is_ascii_lowercase())
        && words
            .chars()
            .all(|ch| ch.is_ascii_lowercase() || ch.is_ascii_digit() || ch == '_')
}

/// The name in `mod name;` or `pub(crate) mod name {`, if the line declares a module.
fn declared_module(line: &str) -> Option<&str> {
    let mut words = line
        .split_whitespace()
        .skip_while(|word| word.starts_with("pub") || word.starts_with("#["));
    if words.next()? != "mod" {
        return None;
    }
    Some(words.next()?.trim_end_matches([';', '{']))
}

/// String literals whose text begins with SQL, as `(line number, the SQL start)`. Comment
/// lines are skipped; leading whitespace and `\n` escapes inside the literal are not SQL.
fn sql_literals(source: &str) -> Vec<(usize, String)> {
    let code: String = source
        .lines()
        .map(|line| {
            if line.trim_start().starts_with("//") {
                ""
            } else {
                line
            }
        })
        .collect::<Vec<_>>()
        .join("\n");
    let mut found = Vec::new();
    for (quote_idx, _) in code.match_indices('"') {
        let mut rest = &code[quote_idx + 1..];
        loop {
            let trimmed = rest.trim_start();
            let unescaped = ["\\n", "\\t", "\\r", "\\"]
                .iter()
                .find_map(|esc| trimmed.strip_prefix(esc));
            match unescaped {
                Some(after) => rest = after,
                None => {
                    rest = trimmed;
                    break;
                }
            }
        }
        let start: String = rest.chars().take(12).collect::<String>().to_lowercase();
        if let Some(sql) = SQL_STARTS.iter().find(|sql| start.starts_with(**sql)) {
            let line_no = code[..code.len() - rest.len()].matches('\n').count() + 1;
            found.push((line_no, (*sql).to_owned()));
        }
    }
    found
}

/// The message ids a Fluent file defines: lines like `sign-in-title = ...`.
fn message_ids(ftl: &str) -> BTreeSet<String> {
    let mut ids = BTreeSet::new();
    for line in ftl.lines() {
        if !line.starts_with(|ch: char| ch.is_ascii_alphabetic()) {
            continue;
        }
        let id: String = line
            .chars()
            .take_while(|ch| ch.is_ascii_alphanumeric() || matches!(ch, '_' | '-'))
            .collect();
        if line[id.len()..].trim_start().starts_with('=') {
            ids.insert(id);
        }
    }
    ids
}

#[cfg(test)]
mod tests;
