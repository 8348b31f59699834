//! Forums (the tenants of an installation) and their stakeholder groups.
//!
//! One installation hosts several forums: the global IGF and national, regional,
//! sub-regional and youth initiatives (NRIs), each with its own `Slug` and settings.
//! `default_stakeholder_groups` is the IGF's five-group preset a new forum starts with.

use crate::{FieldError, ForumId, Language, StakeholderGroupId};

/// A forum hosted by this installation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Forum {
    pub id: ForumId,
    pub slug: Slug,
    pub name: String,
    pub kind: ForumKind,
    /// ISO alpha-2 of the country an NRI serves; `None` for global and regional forums.
    pub country_iso2: Option<String>,
    pub default_language: Language,
    /// IANA time zone name used to show local times (e.g. `Europe/Zurich`).
    pub time_zone: String,
}

/// What kind of forum this is, as the IGF Secretariat classifies NRIs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ForumKind {
    Global,
    Regional,
    SubRegional,
    National,
    Youth,
}

impl ForumKind {
    pub const ALL: [ForumKind; 5] = [
        ForumKind::Global,
        ForumKind::Regional,
        ForumKind::SubRegional,
        ForumKind::National,
        ForumKind::Youth,
    ];

    pub fn code(self) -> &'static str {
        match self {
            ForumKind::Global => "global",
            ForumKind::Regional => "regional",
            ForumKind::SubRegional => "subregional",
            ForumKind::National => "national",
            ForumKind::Youth => "youth",
        }
    }

    pub fn parse(raw: &str) -> Result<ForumKind, FieldError> {
        ForumKind::ALL
            .into_iter()
            .find(|k| k.code() == raw.trim())
            .ok_or_else(|| {
                FieldError::new(
                    "kind",
                    "unknown_forum_kind",
                    "expected global, regional, subregional, national or youth",
                )
            })
    }
}

/// A forum's short name in URLs: 2..=40 of `a-z`, `0-9` and inner `-`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Slug(String);

impl Slug {
    pub fn parse(raw: &str) -> Result<Slug, FieldError> {
        let slug = raw.trim();
        let n = slug.len();
        if !(2..=40).contains(&n) {
            return Err(FieldError::new("slug", "length", "2 to 40 characters"));
        }
        let allowed = slug
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
        if !allowed || slug.starts_with('-') || slug.ends_with('-') || slug.contains("--") {
            return Err(FieldError::new(
                "slug",
                "bad_slug",
                "lower-case letters, digits and single inner hyphens only",
            ));
        }
        Ok(Slug(slug.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A stakeholder group of one forum (the IGF has five by default).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StakeholderGroup {
    pub id: StakeholderGroupId,
    pub forum: ForumId,
    /// Stable code within the forum (`civil_society`).
    pub code: String,
    pub name: String,
    pub position: i64,
}

/// A stakeholder group's code: 2..=40 of `a-z`, `0-9` and `_`, starting with a letter.
pub fn parse_group_code(raw: &str) -> Result<String, FieldError> {
    let code = raw.trim();
    let valid = (2..=40).contains(&code.len())
        && code.starts_with(|c: char| c.is_ascii_lowercase())
        && code
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
    if valid {
        Ok(code.to_owned())
    } else {
        Err(FieldError::new(
            "code",
            "bad_code",
            "2 to 40 lower-case letters, digits or _, starting with a letter",
        ))
    }
}

/// A stakeholder group's name: trimmed, 1..=120 characters.
pub fn parse_group_name(raw: &str) -> Result<String, FieldError> {
    let name = raw.trim();
    if name.is_empty() || name.chars().count() > 120 || name.chars().any(char::is_control) {
        return Err(FieldError::new("name", "length", "1 to 120 characters"));
    }
    Ok(name.to_owned())
}

/// The IGF's stakeholder groups, as (code, English name), in the order the IGF lists them.
pub fn default_stakeholder_groups() -> [(&'static str, &'static str); 5] {
    [
        ("government", "Government"),
        ("intergovernmental", "Intergovernmental organisation"),
        ("private_sector", "Private sector"),
        ("civil_society", "Civil society"),
        (
            "technical_community",
            "Technical community (incl. academia)",
        ),
    ]
}

#[cfg(test)]
mod tests;
