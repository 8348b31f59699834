//! Reading and writing forums and their stakeholder groups.

use plenary_domain::forums::{Forum, ForumKind, Slug, StakeholderGroup};
use plenary_domain::{ForumId, Language, StakeholderGroupId, Timestamp};

use crate::{DbError, DbTime, Tx, exec_tx, on_tx};

#[derive(Debug, sqlx::FromRow)]
struct ForumRow {
    id: i64,
    slug: String,
    name: String,
    kind: String,
    country_iso2: Option<String>,
    default_language: String,
    time_zone: String,
}

impl ForumRow {
    fn into_domain(self) -> Result<Forum, DbError> {
        let corrupt =
            |e: plenary_domain::FieldError| DbError::Corrupt(format!("forum {}: {e}", self.id));
        Ok(Forum {
            id: ForumId(self.id),
            slug: Slug::parse(&self.slug).map_err(corrupt)?,
            kind: ForumKind::parse(&self.kind).map_err(corrupt)?,
            default_language: Language::parse(&self.default_language).map_err(corrupt)?,
            name: self.name,
            country_iso2: self.country_iso2,
            time_zone: self.time_zone,
        })
    }
}

/// What a new forum is made of.
#[derive(Debug, Clone)]
pub struct NewForum<'a> {
    pub slug: &'a Slug,
    pub name: &'a str,
    pub kind: ForumKind,
    pub country_iso2: Option<&'a str>,
    pub default_language: Language,
    pub time_zone: &'a str,
}

const INSERT_FORUM: &str = "
    insert into forum (slug, name, kind, country_iso2, default_language, time_zone, created_at)
    values ($1, $2, $3, $4, $5, $6, $7)
    returning id";

pub async fn insert_forum(
    tx: &mut Tx,
    forum: &NewForum<'_>,
    now: Timestamp,
) -> Result<ForumId, DbError> {
    let (id,): (i64,) = on_tx!(tx, |conn| sqlx::query_as(INSERT_FORUM)
        .bind(forum.slug.as_str())
        .bind(forum.name)
        .bind(forum.kind.code())
        .bind(forum.country_iso2)
        .bind(forum.default_language.code())
        .bind(forum.time_zone)
        .bind(DbTime(now))
        .fetch_one(conn)
        .await)?;
    Ok(ForumId(id))
}

const FORUM_BY_SLUG: &str = "
    select id, slug, name, kind, country_iso2, default_language, time_zone
    from forum
    where slug = $1";

pub async fn forum_by_slug(tx: &mut Tx, slug: &str) -> Result<Option<Forum>, DbError> {
    let row: Option<ForumRow> = on_tx!(tx, |conn| sqlx::query_as(FORUM_BY_SLUG)
        .bind(slug)
        .fetch_optional(conn)
        .await)?;
    row.map(ForumRow::into_domain).transpose()
}

const FORUM_BY_ID: &str = "
    select id, slug, name, kind, country_iso2, default_language, time_zone
    from forum
    where id = $1";

pub async fn forum_by_id(tx: &mut Tx, id: ForumId) -> Result<Option<Forum>, DbError> {
    let row: Option<ForumRow> = on_tx!(tx, |conn| sqlx::query_as(FORUM_BY_ID)
        .bind(id.0)
        .fetch_optional(conn)
        .await)?;
    row.map(ForumRow::into_domain).transpose()
}

const ALL_FORUMS: &str = "
    select id, slug, name, kind, country_iso2, default_language, time_zone
    from forum
    order by case kind when 'global' then 0 else 1 end, name, id";

/// Every forum, the global one first, then by name.
pub async fn all_forums(tx: &mut Tx) -> Result<Vec<Forum>, DbError> {
    let rows: Vec<ForumRow> = on_tx!(tx, |conn| sqlx::query_as(ALL_FORUMS).fetch_all(conn).await)?;
    rows.into_iter().map(ForumRow::into_domain).collect()
}

#[derive(Debug, sqlx::FromRow)]
struct StakeholderGroupRow {
    id: i64,
    forum_id: i64,
    code: String,
    name: String,
    position: i64,
}

const INSERT_STAKEHOLDER_GROUP: &str = "
    insert into stakeholder_group (forum_id, code, name, position)
    values ($1, $2, $3, $4)
    returning id";

pub async fn insert_stakeholder_group(
    tx: &mut Tx,
    forum: ForumId,
    code: &str,
    name: &str,
    position: i64,
) -> Result<StakeholderGroupId, DbError> {
    let (id,): (i64,) = on_tx!(tx, |conn| sqlx::query_as(INSERT_STAKEHOLDER_GROUP)
        .bind(forum.0)
        .bind(code)
        .bind(name)
        .bind(position)
        .fetch_one(conn)
        .await)?;
    Ok(StakeholderGroupId(id))
}

const STAKEHOLDER_GROUPS: &str = "
    select id, forum_id, code, name, position
    from stakeholder_group
    where forum_id = $1
    order by position, id";

pub async fn stakeholder_groups(
    tx: &mut Tx,
    forum: ForumId,
) -> Result<Vec<StakeholderGroup>, DbError> {
    let rows: Vec<StakeholderGroupRow> = on_tx!(tx, |conn| sqlx::query_as(STAKEHOLDER_GROUPS)
        .bind(forum.0)
        .fetch_all(conn)
        .await)?;
    Ok(rows
        .into_iter()
        .map(|row| StakeholderGroup {
            id: StakeholderGroupId(row.id),
            forum: ForumId(row.forum_id),
            code: row.code,
            name: row.name,
            position: row.position,
        })
        .collect())
}

/// One year of a forum's annual meeting and where it was held (`country_iso2` none: online).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HostRow {
    pub year: i32,
    pub country_iso2: Option<String>,
    pub city: Option<String>,
}

const HOSTS_OF_FORUM: &str = "
    select year, country_iso2, city
    from forum_host
    where forum_id = $1
    order by year";

/// The forum's hosting years, oldest first.
pub async fn hosts_of_forum(tx: &mut Tx, forum: ForumId) -> Result<Vec<HostRow>, DbError> {
    let rows: Vec<(i64, Option<String>, Option<String>)> =
        on_tx!(tx, |conn| sqlx::query_as(HOSTS_OF_FORUM)
            .bind(forum.0)
            .fetch_all(conn)
            .await)?;
    rows.into_iter()
        .map(|(year, country_iso2, city)| {
            Ok(HostRow {
                year: i32::try_from(year)
                    .map_err(|_| DbError::Corrupt(format!("forum_host year {year}")))?,
                country_iso2,
                city,
            })
        })
        .collect()
}

const UPSERT_HOST: &str = "
    insert into forum_host (forum_id, year, country_iso2, city, created_at, updated_at)
    values ($1, $2, $3, $4, $5, $5)
    on conflict (forum_id, year)
    do update set country_iso2 = excluded.country_iso2, city = excluded.city,
                  updated_at = excluded.updated_at";

/// Records (or replaces) the host of one year.
pub async fn upsert_host(
    tx: &mut Tx,
    forum: ForumId,
    host: &HostRow,
    now: Timestamp,
) -> Result<(), DbError> {
    exec_tx!(tx, |conn| sqlx::query(UPSERT_HOST)
        .bind(forum.0)
        .bind(i64::from(host.year))
        .bind(host.country_iso2.as_deref())
        .bind(host.city.as_deref())
        .bind(DbTime(now))
        .execute(conn)
        .await)?;
    Ok(())
}

const DELETE_HOST: &str = "
    delete from forum_host
    where forum_id = $1 and year = $2";

/// Removes one year from the list; whether there was one.
pub async fn delete_host(tx: &mut Tx, forum: ForumId, year: i32) -> Result<bool, DbError> {
    let done = exec_tx!(tx, |conn| sqlx::query(DELETE_HOST)
        .bind(forum.0)
        .bind(i64::from(year))
        .execute(conn)
        .await)?;
    Ok(done > 0)
}
