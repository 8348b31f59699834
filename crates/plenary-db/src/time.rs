//! How a `Timestamp` is stored: `timestamptz` on PostgreSQL, fixed-width UTC text on SQLite.
//!
//! `DbTime` is the only type bound for times. The text form
//! (`YYYY-MM-DDTHH:MM:SS.ffffffZ`) has a fixed width, so `order by` and `<` on the
//! text agree with time order; `tests/it/time.rs` pins this on both backends.

use chrono::{DateTime, Utc};
use plenary_domain::Timestamp;
use sqlx::encode::IsNull;
use sqlx::error::BoxDynError;
use sqlx::postgres::{PgArgumentBuffer, PgTypeInfo, PgValueRef};
use sqlx::sqlite::{SqliteArgumentsBuffer, SqliteTypeInfo, SqliteValueRef};
use sqlx::{Decode, Encode, Postgres, Sqlite, Type};

/// A `Timestamp` as bound to and read from either database.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct DbTime(pub Timestamp);

impl From<Timestamp> for DbTime {
    fn from(ts: Timestamp) -> DbTime {
        DbTime(ts)
    }
}

impl DbTime {
    fn to_chrono(self) -> DateTime<Utc> {
        DateTime::from_timestamp_micros(self.0.as_micros()).unwrap_or_default()
    }
}

impl Type<Sqlite> for DbTime {
    fn type_info() -> SqliteTypeInfo {
        <String as Type<Sqlite>>::type_info()
    }

    fn compatible(ty: &SqliteTypeInfo) -> bool {
        <String as Type<Sqlite>>::compatible(ty)
    }
}

impl Encode<'_, Sqlite> for DbTime {
    fn encode_by_ref(&self, buf: &mut SqliteArgumentsBuffer) -> Result<IsNull, BoxDynError> {
        <String as Encode<'_, Sqlite>>::encode(self.0.to_string(), buf)
    }
}

impl<'r> Decode<'r, Sqlite> for DbTime {
    fn decode(value: SqliteValueRef<'r>) -> Result<DbTime, BoxDynError> {
        let text = <&str as Decode<'r, Sqlite>>::decode(value)?;
        Ok(DbTime(text.parse::<Timestamp>()?))
    }
}

impl Type<Postgres> for DbTime {
    fn type_info() -> PgTypeInfo {
        <DateTime<Utc> as Type<Postgres>>::type_info()
    }

    fn compatible(ty: &PgTypeInfo) -> bool {
        <DateTime<Utc> as Type<Postgres>>::compatible(ty)
    }
}

impl Encode<'_, Postgres> for DbTime {
    fn encode_by_ref(&self, buf: &mut PgArgumentBuffer) -> Result<IsNull, BoxDynError> {
        <DateTime<Utc> as Encode<'_, Postgres>>::encode(self.to_chrono(), buf)
    }
}

impl<'r> Decode<'r, Postgres> for DbTime {
    fn decode(value: PgValueRef<'r>) -> Result<DbTime, BoxDynError> {
        let at = <DateTime<Utc> as Decode<'r, Postgres>>::decode(value)?;
        Ok(DbTime(Timestamp::from_micros(at.timestamp_micros())))
    }
}
