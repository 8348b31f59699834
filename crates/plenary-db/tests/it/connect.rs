//! Choosing and reaching a backend from a URL.

use plenary_db::{Backend, Db, DbError, PoolSize};

#[test]
fn the_scheme_picks_the_backend() {
    assert_eq!(
        Backend::from_url("sqlite://data/p.db").unwrap(),
        Backend::Sqlite
    );
    assert_eq!(
        Backend::from_url("postgres://u@h/db").unwrap(),
        Backend::Postgres
    );
    assert_eq!(
        Backend::from_url("postgresql://u@h/db").unwrap(),
        Backend::Postgres
    );
    let err = Backend::from_url("mysql://u@h/db").unwrap_err();
    assert_eq!(
        err.to_string(),
        "unsupported database URL scheme \"mysql\": use sqlite://PATH (embedded) or postgres://USER@HOST/DB"
    );
}

#[tokio::test]
async fn an_unreachable_postgres_is_reported_as_unavailable() {
    // Port 1 on loopback: nothing listens there.
    let size = PoolSize {
        connect_timeout: std::time::Duration::from_millis(300),
        ..PoolSize::default()
    };
    let err = Db::connect("postgres://nobody@127.0.0.1:1/none", size)
        .await
        .unwrap_err();
    assert!(matches!(err, DbError::Unavailable(_)), "{err:?}");
}

#[tokio::test]
async fn a_sqlite_file_and_its_folder_are_created() {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}/nested/folder/p.db", dir.path().display());
    let db = Db::connect(&url, PoolSize::default()).await.unwrap();
    db.ping().await.unwrap();
    assert!(dir.path().join("nested/folder/p.db").exists());
}
