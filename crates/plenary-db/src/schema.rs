//! The live schema as a normalised list of columns, to compare the two backends.
//!
//! `columns` reads the catalog of whichever backend `db` is; the equivalence test
//! (`tests/it/schema.rs`, `type_class`) folds the dialects' type names
//! (`bigint`/`integer`, `timestamptz`/`text`) into one vocabulary.

use crate::dialect::{COLUMNS_POSTGRES, COLUMNS_SQLITE};
use crate::{Db, DbError, Tx};

/// One column of one table.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Column {
    pub table: String,
    pub name: String,
    pub type_name: String,
    pub not_null: bool,
}

/// Every column of every table (migration bookkeeping included), sorted by table then name.
pub async fn columns(db: &Db) -> Result<Vec<Column>, DbError> {
    let mut tx = db.read().await?;
    let rows: Vec<(String, String, String, i64)> = match &mut tx {
        Tx::Sqlite(inner) => {
            sqlx::query_as(COLUMNS_SQLITE)
                .fetch_all(&mut **inner)
                .await?
        }
        Tx::Postgres(inner) => {
            sqlx::query_as(COLUMNS_POSTGRES)
                .fetch_all(&mut **inner)
                .await?
        }
    };
    tx.rollback().await?;
    let mut columns: Vec<Column> = rows
        .into_iter()
        .map(|(table, name, type_name, not_null)| Column {
            table,
            name,
            type_name: type_name.to_lowercase(),
            not_null: not_null != 0,
        })
        .collect();
    columns.sort();
    Ok(columns)
}
