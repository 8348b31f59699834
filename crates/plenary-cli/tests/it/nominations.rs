//! `plenary nominations export|import|pool` on the demo database: the CSV contract, an
//! import that fails with line and column and stores nothing, and the pool fed to
//! `plenary slate`.

use crate::{plenary, stderr, stdout};

const CALL: [&str; 6] = ["--forum", "igf", "--body", "mag", "--cycle", "2027"];

fn args<'a>(command: &'a str, extra: &[&'a str]) -> Vec<&'a str> {
    let mut all = vec!["nominations", command];
    all.extend_from_slice(&CALL);
    all.extend_from_slice(extra);
    all
}

#[test]
fn export_import_and_pool_work_on_the_demo_call() {
    let dir = tempfile::tempdir().unwrap();
    assert!(plenary(dir.path(), &["demo"]).status.success());

    let out = plenary(dir.path(), &args("export", &[]));
    assert!(out.status.success(), "{}", stderr(&out));
    let csv = stdout(&out);
    assert!(
        csv.starts_with("id,candidate_name,candidate_email,stakeholder_group,country,"),
        "{csv}"
    );
    assert_eq!(csv.lines().count(), 42);
    assert!(stderr(&out).contains("41 nominations"), "{}", stderr(&out));

    let bad = dir.path().join("bad.csv");
    std::fs::write(
        &bad,
        "candidate_name,candidate_email,stakeholder_group,country,nominated_by,nominator_emails\n\
         Ana Lima,ana@example.org,civil_society,BR,Rui Lima,rui@example.org\n\
         Ben Osei,ben@example,civil_society,GH,Kofi,kofi@example.org\n",
    )
    .unwrap();
    let out = plenary(dir.path(), &args("import", &[bad.to_str().unwrap()]));
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains(
            "nothing was imported:\nline 3, column 2 (candidate_email): expected name@domain"
        ),
        "{}",
        stderr(&out)
    );

    let good = dir.path().join("good.csv");
    std::fs::write(
        &good,
        "candidate_name,candidate_email,stakeholder_group,country,statement,nominated_by,nominator_emails,status,score\n\
         Ana Lima,ana@example.org,civil_society,BR,Twenty years of digital rights work.,Rui Lima; Marta Reis,rui@example.org; marta@example.org,eligible,90\n",
    )
    .unwrap();
    let out = plenary(dir.path(), &args("import", &[good.to_str().unwrap()]));
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(stdout(&out).trim(), "imported 1 nominations");
    let exported = dir.path().join("export.csv");
    let out = plenary(
        dir.path(),
        &args("export", &["--out", exported.to_str().unwrap()]),
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let text = std::fs::read_to_string(&exported).unwrap();
    assert_eq!(text.lines().count(), 43, "only the good file was stored");
    assert!(text.contains("Rui Lima; Marta Reis"), "{text}");

    let pool = dir.path().join("pool.csv");
    let out = plenary(
        dir.path(),
        &args("pool", &["--out", pool.to_str().unwrap()]),
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let text = std::fs::read_to_string(&pool).unwrap();
    assert!(
        text.starts_with(
            "id,name,stakeholder_group,country,gender,score,first_time,nominated_by\n"
        ),
        "{text}"
    );
    assert_eq!(text.lines().count(), 35, "33 demo nominees and Ana Lima");
    let mut slate = vec!["slate"];
    slate.extend_from_slice(&CALL);
    slate.extend_from_slice(&["--nominees", pool.to_str().unwrap()]);
    let out = plenary(dir.path(), &slate);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stdout(&out).contains("36 continuing, 19 to fill")
            && stdout(&out).contains("proposal: 19 seats filled"),
        "{}{}",
        stdout(&out),
        stderr(&out)
    );

    let missing = plenary(
        dir.path(),
        &[
            "nominations",
            "export",
            "--forum",
            "igf",
            "--body",
            "mag",
            "--cycle",
            "2031",
        ],
    );
    assert_eq!(missing.status.code(), Some(1));
    assert!(
        stderr(&missing)
            .contains("no nomination call for cycle 2031 of body \"mag\" in forum \"igf\""),
        "{}",
        stderr(&missing)
    );
}
