//! Migrations and the schema-equivalence check between the two dialects.

use plenary_db::SchemaStatus;
use plenary_db::schema::Column;
use plenary_testkit::TestDb;

use crate::Fixture;

pub async fn schema_is_current_after_migrate(fx: Fixture) {
    assert_eq!(fx.db.schema_status().await.unwrap(), SchemaStatus::Current);
    // Running again applies nothing and changes nothing.
    assert_eq!(fx.db.migrate().await.unwrap(), Vec::<i64>::new());
    assert_eq!(fx.db.schema_status().await.unwrap(), SchemaStatus::Current);
}

#[tokio::test]
async fn a_new_database_reports_empty_then_current() {
    let fx = TestDb::sqlite_unmigrated().await;
    assert_eq!(fx.db.schema_status().await.unwrap(), SchemaStatus::Empty);
    assert_eq!(
        fx.db.migrate().await.unwrap(),
        (1..=plenary_db::LATEST_VERSION).collect::<Vec<i64>>()
    );
    assert_eq!(fx.db.schema_status().await.unwrap(), SchemaStatus::Current);
}

/// Folds each dialect's type names into one vocabulary.
fn type_class(type_name: &str) -> &'static str {
    match type_name {
        "integer" | "bigint" => "integer",
        "boolean" => "boolean",
        "real" | "double precision" => "real",
        "timestamp with time zone" | "timestamptz" => "timestamp",
        "text" => "text",
        other => panic!("unexpected column type {other:?}: add it to type_class"),
    }
}

/// SQLite stores booleans and timestamps in integer and text columns; the column's
/// name and the PostgreSQL side tell which it is meant to be.
fn normalise(
    columns: Vec<Column>,
    sqlite: bool,
    pg: &[Column],
) -> Vec<(String, String, &'static str, bool)> {
    columns
        .into_iter()
        .map(|c| {
            let mut class = type_class(&c.type_name);
            if sqlite {
                let twin = pg.iter().find(|p| p.table == c.table && p.name == c.name);
                if let Some(twin) = twin {
                    let twin_class = type_class(&twin.type_name);
                    let compatible = matches!(
                        (class, twin_class),
                        ("integer", "boolean") | ("text", "timestamp")
                    );
                    if compatible {
                        class = twin_class;
                    }
                }
            }
            (c.table, c.name, class, c.not_null)
        })
        .collect()
}

#[tokio::test]
async fn both_dialects_produce_the_same_schema() {
    let Some(pg) = TestDb::postgres_if_configured().await else {
        return;
    };
    let sqlite = TestDb::sqlite().await;
    let pg_columns = plenary_db::schema::columns(&pg.db).await.unwrap();
    let sqlite_columns = plenary_db::schema::columns(&sqlite.db).await.unwrap();
    assert!(sqlite_columns.len() > 50, "{}", sqlite_columns.len());
    let pg_norm = normalise(pg_columns.clone(), false, &[]);
    let sqlite_norm = normalise(sqlite_columns, true, &pg_columns);
    let only_sqlite: Vec<_> = sqlite_norm
        .iter()
        .filter(|c| !pg_norm.contains(c))
        .collect();
    let only_pg: Vec<_> = pg_norm
        .iter()
        .filter(|c| !sqlite_norm.contains(c))
        .collect();
    assert!(
        only_sqlite.is_empty() && only_pg.is_empty(),
        "schemas differ\nonly in SQLite: {only_sqlite:#?}\nonly in PostgreSQL: {only_pg:#?}"
    );
}
