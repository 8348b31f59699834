//! The countries reference table: loaded from the shipped data file, read by everyone.

use plenary_domain::countries::{Country, DevelopmentStatus, UnRegionalGroup};

use crate::{DbError, Tx, count, exec_tx, on_tx};

#[derive(Debug, sqlx::FromRow)]
struct CountryRow {
    iso2: String,
    iso3: String,
    numeric_code: String,
    name: String,
    un_regional_group: String,
    m49_region: String,
    m49_subregion: String,
    development_status: Option<String>,
    ldc: bool,
    lldc: bool,
    sids: bool,
}

impl CountryRow {
    fn into_domain(self) -> Result<Country, DbError> {
        let group = UnRegionalGroup::from_code(&self.un_regional_group).ok_or_else(|| {
            DbError::Corrupt(format!(
                "country {}: group {:?}",
                self.iso2, self.un_regional_group
            ))
        })?;
        let status = match self.development_status.as_deref() {
            None => None,
            Some(code) => Some(DevelopmentStatus::from_code(code).ok_or_else(|| {
                DbError::Corrupt(format!("country {}: status {code:?}", self.iso2))
            })?),
        };
        Ok(Country {
            iso2: self.iso2,
            iso3: self.iso3,
            numeric: self.numeric_code,
            name: self.name,
            un_regional_group: group,
            m49_region: self.m49_region,
            m49_subregion: self.m49_subregion,
            development_status: status,
            ldc: self.ldc,
            lldc: self.lldc,
            sids: self.sids,
        })
    }
}

const UPSERT_COUNTRY: &str = "
    insert into country (iso2, iso3, numeric_code, name, un_regional_group, m49_region,
                         m49_subregion, development_status, ldc, lldc, sids)
    values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
    on conflict (iso2) do update
    set iso3 = excluded.iso3, numeric_code = excluded.numeric_code, name = excluded.name,
        un_regional_group = excluded.un_regional_group, m49_region = excluded.m49_region,
        m49_subregion = excluded.m49_subregion, development_status = excluded.development_status,
        ldc = excluded.ldc, lldc = excluded.lldc, sids = excluded.sids";

/// Inserts the country or brings the stored row up to date with it.
pub async fn upsert_country(tx: &mut Tx, country: &Country) -> Result<(), DbError> {
    exec_tx!(tx, |conn| sqlx::query(UPSERT_COUNTRY)
        .bind(&country.iso2)
        .bind(&country.iso3)
        .bind(&country.numeric)
        .bind(&country.name)
        .bind(country.un_regional_group.code())
        .bind(&country.m49_region)
        .bind(&country.m49_subregion)
        .bind(country.development_status.map(DevelopmentStatus::code))
        .bind(country.ldc)
        .bind(country.lldc)
        .bind(country.sids)
        .execute(conn)
        .await)?;
    Ok(())
}

const ALL_COUNTRIES: &str = "
    select iso2, iso3, numeric_code, name, un_regional_group, m49_region, m49_subregion,
           development_status, ldc, lldc, sids
    from country
    order by name, iso2";

pub async fn all_countries(tx: &mut Tx) -> Result<Vec<Country>, DbError> {
    let rows: Vec<CountryRow> = on_tx!(tx, |conn| sqlx::query_as(ALL_COUNTRIES)
        .fetch_all(conn)
        .await)?;
    rows.into_iter().map(CountryRow::into_domain).collect()
}

const COUNTRY_BY_ISO2: &str = "
    select iso2, iso3, numeric_code, name, un_regional_group, m49_region, m49_subregion,
           development_status, ldc, lldc, sids
    from country
    where iso2 = $1";

pub async fn country_by_iso2(tx: &mut Tx, iso2: &str) -> Result<Option<Country>, DbError> {
    let row: Option<CountryRow> = on_tx!(tx, |conn| sqlx::query_as(COUNTRY_BY_ISO2)
        .bind(iso2.trim().to_uppercase())
        .fetch_optional(conn)
        .await)?;
    row.map(CountryRow::into_domain).transpose()
}

const COUNT_COUNTRIES: &str = "select count(*) from country";

pub async fn count_countries(tx: &mut Tx) -> Result<u64, DbError> {
    let (n,): (i64,) = on_tx!(tx, |conn| sqlx::query_as(COUNT_COUNTRIES)
        .fetch_one(conn)
        .await)?;
    Ok(count(n))
}
