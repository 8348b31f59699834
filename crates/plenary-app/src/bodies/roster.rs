//! Bodies in storage: creating a body with its constitution, recording memberships, and
//! the public roster of a body in a given year with its balance and composition check.
//!
//! Main items: `create_body`, `add_membership` (and `add_memberships`, one transaction), `roster`.
//! Invariants: a body's constitution is stored as its TOML document and validated before it
//! is stored; only regular seats are balanced (the domain's rule), other seats are listed.
//! Not here: slate proposals (`bodies::slate`), the rules (`plenary_domain::bodies`).

use std::collections::BTreeMap;

use plenary_db::bodies::{self as q, BodyRow, NewMembership, RosterRow};
use plenary_domain::audit::{Actor, AuditEntry};
use plenary_domain::bodies::{
    Constitution, ExOfficioHolder, ExOfficioRole, HostCountries, MemberProfile, SeatKind,
    check_composition, fill_ex_officio, fill_standing_host_seats, former_host_countries,
};
use plenary_domain::countries::UnRegionalGroup;
use plenary_domain::forums::{Forum, Slug};
use plenary_domain::permissions::{Permission, authorize};
use plenary_domain::{FieldError, ForumId, PersonId, Timestamp};
use serde_json::json;

use crate::accounts::Viewer;
use crate::bodies::document;
use crate::{ActionError, App, audit, forums};

/// The storage code of a seat kind (`regular`, `ex_officio:mag_chair`, `standing_host_country`, `observer`).
pub fn seat_kind_code(kind: &SeatKind) -> String {
    match kind {
        SeatKind::Regular => "regular".into(),
        SeatKind::StandingHostCountry => "standing_host_country".into(),
        SeatKind::Observer => "observer".into(),
        SeatKind::ExOfficio(role) => format!(
            "ex_officio:{}",
            match role {
                ExOfficioRole::CurrentHostCountry => "current_host_country",
                ExOfficioRole::PreviousHostCountry => "previous_host_country",
                ExOfficioRole::NextHostCountry => "next_host_country",
                ExOfficioRole::MagChair => "mag_chair",
                ExOfficioRole::TechEnvoy => "tech_envoy",
                ExOfficioRole::Other(what) => what,
            }
        ),
    }
}

/// Reads a seat-kind code back.
pub fn parse_seat_kind(code: &str) -> Result<SeatKind, FieldError> {
    let kind = match code.trim() {
        "regular" => SeatKind::Regular,
        "standing_host_country" => SeatKind::StandingHostCountry,
        "observer" => SeatKind::Observer,
        other => match other.strip_prefix("ex_officio:") {
            Some("current_host_country") => SeatKind::ExOfficio(ExOfficioRole::CurrentHostCountry),
            Some("previous_host_country") => {
                SeatKind::ExOfficio(ExOfficioRole::PreviousHostCountry)
            }
            Some("next_host_country") => SeatKind::ExOfficio(ExOfficioRole::NextHostCountry),
            Some("mag_chair") => SeatKind::ExOfficio(ExOfficioRole::MagChair),
            Some("tech_envoy") => SeatKind::ExOfficio(ExOfficioRole::TechEnvoy),
            Some(what) if !what.is_empty() => {
                SeatKind::ExOfficio(ExOfficioRole::Other(what.to_owned()))
            }
            _ => {
                return Err(FieldError::new(
                    "seat",
                    "unknown_seat_kind",
                    format!(
                        "unknown seat kind {code:?}: expected regular, ex_officio:ROLE, standing_host_country or observer"
                    ),
                ));
            }
        },
    };
    Ok(kind)
}

/// Creates a body in a forum with its first constitution (a TOML document). Operators and
/// the demo loader; the secretariat's screens come with the next increment.
pub async fn create_body(
    app: &App,
    actor: &Actor,
    forum_slug: &str,
    body_slug: &str,
    name: &str,
    constitution_toml: &str,
) -> Result<i64, ActionError> {
    let slug = Slug::parse(body_slug)?;
    let constitution = document::from_toml(constitution_toml)?;
    let name = name.trim();
    if name.is_empty() || name.chars().count() > 200 {
        return Err(FieldError::new("name", "length", "1 to 200 characters").into());
    }
    let now = app.now();
    let mut tx = app.db().begin().await?;
    let forum = plenary_db::forums::forum_by_slug(&mut tx, forum_slug)
        .await?
        .ok_or_else(|| {
            ActionError::Invalid(FieldError::new(
                "forum",
                "unknown_forum",
                format!("no forum {forum_slug:?}"),
            ))
        })?;
    let id = q::insert_body(&mut tx, forum.id, slug.as_str(), name, now).await?;
    let version =
        q::insert_constitution_version(&mut tx, id, constitution_toml, &actor.label(), now).await?;
    audit::record(
        &mut tx,
        actor,
        AuditEntry {
            forum: Some(forum.id),
            action: "body.create",
            entity_type: "body",
            entity_id: id.to_string(),
            before: None,
            after: Some(json!({"slug": slug.as_str(), "name": name, "constitution": constitution.rules().name, "constitution_version": version}).to_string()),
        },
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(id)
}

/// A membership to record.
#[derive(Debug, Clone)]
pub struct NewMember {
    pub forum_slug: String,
    pub body_slug: String,
    pub person: PersonId,
    pub seat: SeatKind,
    pub stakeholder_group: String,
    pub country_iso2: Option<String>,
    pub gender: String,
    pub term_number: i64,
    pub starts_at: Timestamp,
    pub ends_at: Option<Timestamp>,
    /// `appointed` or `renewed` for a new membership.
    pub state: &'static str,
}

/// Records a membership (operators and the demo loader).
pub async fn add_membership(
    app: &App,
    actor: &Actor,
    member: &NewMember,
) -> Result<i64, ActionError> {
    let ids = add_memberships(app, actor, std::slice::from_ref(member)).await?;
    ids.first()
        .copied()
        .ok_or_else(|| ActionError::Internal(anyhow::anyhow!("no membership stored")))
}

/// Records several memberships in one transaction, each audited (the demo loader loads a
/// body's whole history this way). All or nothing.
pub async fn add_memberships(
    app: &App,
    actor: &Actor,
    members: &[NewMember],
) -> Result<Vec<i64>, ActionError> {
    let now = app.now();
    let mut tx = app.db().begin().await?;
    let mut bodies: Vec<((String, String), (ForumId, BodyRow))> = Vec::new();
    let mut ids = Vec::with_capacity(members.len());
    for member in members {
        let key = (member.forum_slug.clone(), member.body_slug.clone());
        let (forum, body) = match bodies.iter().find(|(k, _)| *k == key) {
            Some((_, found)) => found.clone(),
            None => {
                let forum = plenary_db::forums::forum_by_slug(&mut tx, &member.forum_slug)
                    .await?
                    .ok_or(ActionError::NotFound)?;
                let body = q::body_by_slug(&mut tx, forum.id, &member.body_slug)
                    .await?
                    .ok_or(ActionError::NotFound)?;
                bodies.push((key, (forum.id, body.clone())));
                (forum.id, body)
            }
        };
        let seat = seat_kind_code(&member.seat);
        let id = q::insert_membership(
            &mut tx,
            &NewMembership {
                body: body.id,
                person: member.person,
                seat_kind: &seat,
                stakeholder_group: &member.stakeholder_group,
                country_iso2: member.country_iso2.as_deref(),
                gender: &member.gender,
                term_number: member.term_number,
                starts_at: member.starts_at,
                ends_at: member.ends_at,
                state: member.state,
            },
            now,
        )
        .await?;
        audit::record(
            &mut tx,
            actor,
            AuditEntry {
                forum: Some(forum),
                action: "membership.create",
                entity_type: "membership",
                entity_id: id.to_string(),
                before: None,
                after: Some(
                    json!({"body": body.slug, "person": member.person.0, "seat": seat, "stakeholder_group": member.stakeholder_group,
                           "term": member.term_number, "starts_at": member.starts_at.to_rfc3339_seconds()})
                    .to_string(),
                ),
            },
            now,
        )
        .await?;
        ids.push(id);
    }
    tx.commit().await?;
    Ok(ids)
}

/// A body as listed on its forum's page.
#[derive(Debug, Clone)]
pub struct BodySummary {
    pub slug: String,
    pub name: String,
}

/// The forum's bodies. Public.
pub async fn list_bodies(
    app: &App,
    viewer: &Viewer,
    forum_slug: &str,
) -> Result<(Forum, Vec<BodySummary>), ActionError> {
    let mut tx = app.db().read().await?;
    let (forum, principal) = forums::forum_and_principal(&mut tx, viewer, forum_slug).await?;
    authorize(&principal, Permission::Public)?;
    let bodies = q::bodies_of_forum(&mut tx, forum.id).await?;
    tx.commit().await?;
    Ok((
        forum,
        bodies
            .into_iter()
            .map(|b| BodySummary {
                slug: b.slug,
                name: b.name,
            })
            .collect(),
    ))
}

/// One member on a roster.
#[derive(Debug, Clone)]
pub struct RosterEntry {
    /// The stored membership.
    pub membership: i64,
    pub name: String,
    pub seat: SeatKind,
    pub stakeholder_group: String,
    pub country_iso2: Option<String>,
    pub region: UnRegionalGroup,
    pub gender: String,
    pub term_number: i64,
}

/// How many regular members fall in one category.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BalanceCount {
    /// `stakeholder_group`, `region` or `gender`.
    pub dimension: &'static str,
    pub key: String,
    pub count: u32,
}

/// Who holds a seat filled by position.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SeatHolder {
    Country {
        iso2: String,
        name: String,
    },
    Person {
        name: String,
    },
    /// Not known yet (no host chosen, no chair recorded): to be named.
    ToBeNamed,
}

/// One ex officio seat and its holder, from the forum's host list and recorded chair.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FilledSeat {
    pub role: ExOfficioRole,
    pub holder: SeatHolder,
}

/// A body's roster on 30 June of `year`, with its balance.
#[derive(Debug, Clone)]
pub struct Roster {
    pub forum: Forum,
    pub body: BodyRow,
    pub constitution: Constitution,
    /// The version in force in `year`: the latest stored by the end of that year, or the
    /// first version for years before any was stored.
    pub constitution_version: i64,
    pub year: i32,
    /// Years in which memberships started, for the year selector.
    pub years: Vec<i32>,
    pub members: Vec<RosterEntry>,
    /// Regular members per stakeholder group, UN regional group and gender.
    pub balance: Vec<BalanceCount>,
    /// What the composition check says, in plain English (empty: the roster meets every rule).
    pub deviations: Vec<String>,
    /// The constitution's ex officio seats filled automatically for `year`: host countries
    /// from the forum's host list, the MAG chair from whichever body records one.
    pub ex_officio: Vec<FilledSeat>,
    /// The constitution's standing seats filled with former host countries, most recent first.
    pub standing: Vec<SeatHolder>,
}

/// The roster of `body_slug` in `year` (default: the latest year with a membership). Public.
pub async fn roster(
    app: &App,
    viewer: &Viewer,
    forum_slug: &str,
    body_slug: &str,
    year: Option<i32>,
) -> Result<Roster, ActionError> {
    let regions = crate::bodies::slate::region_table()?;
    let mut tx = app.db().read().await?;
    let (forum, principal) = forums::forum_and_principal(&mut tx, viewer, forum_slug).await?;
    authorize(&principal, Permission::Public)?;
    let body = q::body_by_slug(&mut tx, forum.id, body_slug)
        .await?
        .ok_or(ActionError::NotFound)?;
    let mut years: Vec<i32> = q::membership_starts(&mut tx, body.id)
        .await?
        .into_iter()
        .filter_map(|t| t.to_rfc3339_seconds().get(..4).and_then(|y| y.parse().ok()))
        .collect();
    years.dedup();
    let year = match year {
        Some(y) if (1900..=9000).contains(&y) => y,
        Some(y) => {
            return Err(FieldError::new(
                "year",
                "out_of_range",
                format!("{y} is not a plausible year"),
            )
            .into());
        }
        None => years.last().copied().unwrap_or(2026),
    };
    let at: Timestamp = format!("{year:04}-06-30T00:00:00Z")
        .parse()
        .map_err(|_| ActionError::Invalid(FieldError::new("year", "out_of_range", "not a year")))?;
    let end_of_year: Timestamp = format!("{year:04}-12-31T23:59:59Z")
        .parse()
        .map_err(|_| ActionError::Invalid(FieldError::new("year", "out_of_range", "not a year")))?;
    let stored = match q::constitution_in_force(&mut tx, body.id, end_of_year).await? {
        Some(row) => row,
        None => q::constitution_version(&mut tx, body.id, 1)
            .await?
            .ok_or(ActionError::NotFound)?,
    };
    let constitution = document::from_toml(&stored.document)?;
    let rows = q::members_at(&mut tx, body.id, at).await?;
    let hosting = crate::forums::hosts::hosting_years(&mut tx, forum.id).await?;
    let chair = q::seat_holders_at(
        &mut tx,
        forum.id,
        &seat_kind_code(&SeatKind::ExOfficio(ExOfficioRole::MagChair)),
        at,
    )
    .await?
    .into_iter()
    .next();
    let mut country_names = BTreeMap::new();
    for code in hosting.iter().filter_map(|h| h.country.clone()) {
        if let Some(country) = plenary_db::countries::country_by_iso2(&mut tx, &code).await? {
            country_names.insert(code, country.name);
        }
    }
    tx.commit().await?;
    let country_holder = |code: String| SeatHolder::Country {
        name: country_names
            .get(&code)
            .cloned()
            .unwrap_or_else(|| code.clone()),
        iso2: code,
    };
    let ex_officio = fill_ex_officio(
        &constitution,
        &HostCountries::for_year(&hosting, year),
        chair.as_ref().map(|(person, _)| *person),
    )
    .into_iter()
    .map(|seat| FilledSeat {
        role: seat.role,
        holder: match seat.holder {
            ExOfficioHolder::Country(code) => country_holder(code),
            ExOfficioHolder::Person(_) => SeatHolder::Person {
                name: chair
                    .as_ref()
                    .map(|(_, name)| name.clone())
                    .unwrap_or_default(),
            },
            ExOfficioHolder::ToBeNamed => SeatHolder::ToBeNamed,
        },
    })
    .collect();
    let standing = fill_standing_host_seats(&constitution, &former_host_countries(&hosting, year))
        .into_iter()
        .map(|seat| seat.country.map_or(SeatHolder::ToBeNamed, country_holder))
        .collect();

    let members: Vec<RosterEntry> = rows
        .into_iter()
        .map(|row: RosterRow| {
            let region = row
                .country_iso2
                .as_deref()
                .and_then(|c| regions.get(c).copied())
                .unwrap_or(UnRegionalGroup::None);
            Ok(RosterEntry {
                membership: row.membership,
                seat: parse_seat_kind(&row.seat_kind).map_err(|e| {
                    ActionError::Internal(anyhow::anyhow!(
                        "stored membership {}: {e}",
                        row.membership
                    ))
                })?,
                name: row.display_name,
                stakeholder_group: row.stakeholder_group,
                country_iso2: row.country_iso2,
                region,
                gender: row.gender,
                term_number: row.term_number,
            })
        })
        .collect::<Result<_, ActionError>>()?;
    let profiles: Vec<MemberProfile> = members
        .iter()
        .map(|m| MemberProfile {
            stakeholder_group: m.stakeholder_group.clone(),
            un_regional_group: m.region,
            gender: m.gender.clone(),
            seat: m.seat.clone(),
        })
        .collect();
    let deviations = if members.is_empty() {
        Vec::new()
    } else {
        check_composition(&constitution, &profiles)
            .iter()
            .map(ToString::to_string)
            .collect()
    };
    let mut balance: BTreeMap<(&'static str, String), u32> = BTreeMap::new();
    for m in members.iter().filter(|m| m.seat == SeatKind::Regular) {
        *balance
            .entry(("stakeholder_group", m.stakeholder_group.clone()))
            .or_default() += 1;
        *balance
            .entry(("region", m.region.code().to_owned()))
            .or_default() += 1;
        *balance.entry(("gender", m.gender.clone())).or_default() += 1;
    }
    Ok(Roster {
        forum,
        body,
        constitution,
        constitution_version: stored.version,
        year,
        years,
        members,
        balance: balance
            .into_iter()
            .map(|((dimension, key), count)| BalanceCount {
                dimension,
                key,
                count,
            })
            .collect(),
        deviations,
        ex_officio,
        standing,
    })
}

/// Who continues into the cycle starting in `cycle_year`: everyone in force in the year
/// before, except regular members who reach the constitution's limit of consecutive terms
/// (they rotate out) and members who resigned, were rotated out or ended (their seats are
/// vacancies, `bodies::seats::vacancies`). Public, like the roster it is read from. Returns the body's
/// constitution and the continuing members in the form `bodies::slate` takes.
pub async fn continuing_members(
    app: &App,
    viewer: &Viewer,
    forum_slug: &str,
    body_slug: &str,
    cycle_year: i32,
) -> Result<(Constitution, Vec<crate::bodies::slate::RosterMember>), ActionError> {
    use crate::bodies::slate::{RosterMember, RosterSeat};

    let roster = roster(app, viewer, forum_slug, body_slug, Some(cycle_year - 1)).await?;
    let limit = roster.constitution.rules().term.max_consecutive_terms;
    // Members who resigned, were not renewed (rotated out) or whose membership ended do not
    // continue: their seats are refilled at the end of the cycle.
    let cycle_start = crate::bodies::seats::year_start(cycle_year)?;
    let mut tx = app.db().read().await?;
    let left: Vec<i64> = q::memberships_between(
        &mut tx,
        roster.body.id,
        crate::bodies::seats::year_start(cycle_year - 1)?,
        cycle_start,
    )
    .await?
    .into_iter()
    .filter(|m| !matches!(m.row.state.as_str(), "appointed" | "renewed"))
    .map(|m| m.row.membership)
    .collect();
    tx.commit().await?;
    let members = roster
        .members
        .iter()
        .filter(|m| !left.contains(&m.membership))
        .enumerate()
        .filter(|(_, m)| {
            m.seat != SeatKind::Regular || limit.is_none_or(|max| m.term_number < i64::from(max))
        })
        .map(|(idx, m)| RosterMember {
            id: format!("m{:03}", idx + 1),
            name: m.name.clone(),
            stakeholder_group: m.stakeholder_group.clone(),
            country: m.country_iso2.clone().unwrap_or_default(),
            region: m.region,
            gender: m.gender.clone(),
            seat: match m.seat {
                SeatKind::Regular => RosterSeat::Regular,
                SeatKind::ExOfficio(_) => RosterSeat::ExOfficio,
                SeatKind::StandingHostCountry => RosterSeat::StandingHostCountry,
                SeatKind::Observer => RosterSeat::Observer,
            },
            line: 0,
        })
        .collect();
    Ok((roster.constitution, members))
}

/// The composition check of a roster's members under another constitution: "what would our
/// current people look like under approach C?". Plain sentences, empty when they would meet
/// every rule. Seats keep their kind; a kind the other constitution lacks is reported.
pub fn check_roster_under(roster: &Roster, constitution: &Constitution) -> Vec<String> {
    let profiles: Vec<MemberProfile> = roster
        .members
        .iter()
        .map(|m| MemberProfile {
            stakeholder_group: m.stakeholder_group.clone(),
            un_regional_group: m.region,
            gender: m.gender.clone(),
            seat: m.seat.clone(),
        })
        .collect();
    check_composition(constitution, &profiles)
        .iter()
        .map(ToString::to_string)
        .collect()
}
