//! Countries and the UN classifications that balance and travel-support rules use.
//!
//! `parse_countries_csv` reads the reference file shipped in
//! `plenary-app/data/countries.csv` (sources in `PROVENANCE.md` beside it).
//! Invariant: every country has exactly one UN regional group (possibly `None`, for
//! observers and territories) and at most one development status.

use crate::FieldError;

/// A UN member or observer state (or a territory listed for completeness).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Country {
    /// ISO 3166-1 alpha-2, upper case (`KE`).
    pub iso2: String,
    /// ISO 3166-1 alpha-3 (`KEN`).
    pub iso3: String,
    /// ISO 3166-1 numeric, three digits (`404`).
    pub numeric: String,
    pub name: String,
    pub un_regional_group: UnRegionalGroup,
    /// UN M49 region (`Africa`, `Americas`…).
    pub m49_region: String,
    pub m49_subregion: String,
    /// `None` where the UN WESP classification lists no status (Holy See, Kosovo…).
    pub development_status: Option<DevelopmentStatus>,
    /// Least developed country.
    pub ldc: bool,
    /// Landlocked developing country.
    pub lldc: bool,
    /// Small island developing state.
    pub sids: bool,
}

/// The five UN regional groups used for geographic balance.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum UnRegionalGroup {
    African,
    AsiaPacific,
    EasternEuropean,
    LatinAmericanAndCaribbean,
    WesternEuropeanAndOthers,
    /// Not a member of any group (observer states, some territories).
    None,
}

impl UnRegionalGroup {
    pub const ALL: [UnRegionalGroup; 6] = [
        UnRegionalGroup::African,
        UnRegionalGroup::AsiaPacific,
        UnRegionalGroup::EasternEuropean,
        UnRegionalGroup::LatinAmericanAndCaribbean,
        UnRegionalGroup::WesternEuropeanAndOthers,
        UnRegionalGroup::None,
    ];

    /// The stable code used in storage and the API.
    pub fn code(self) -> &'static str {
        match self {
            UnRegionalGroup::African => "african",
            UnRegionalGroup::AsiaPacific => "asia_pacific",
            UnRegionalGroup::EasternEuropean => "eastern_european",
            UnRegionalGroup::LatinAmericanAndCaribbean => "grulac",
            UnRegionalGroup::WesternEuropeanAndOthers => "weog",
            UnRegionalGroup::None => "none",
        }
    }

    pub fn from_code(code: &str) -> Option<UnRegionalGroup> {
        UnRegionalGroup::ALL.into_iter().find(|g| g.code() == code)
    }

    /// Reads the group's English name as written in the reference file.
    fn from_name(name: &str) -> Option<UnRegionalGroup> {
        match name.trim() {
            "African" => Some(UnRegionalGroup::African),
            "Asia-Pacific" => Some(UnRegionalGroup::AsiaPacific),
            "Eastern European" => Some(UnRegionalGroup::EasternEuropean),
            "Latin American and Caribbean" => Some(UnRegionalGroup::LatinAmericanAndCaribbean),
            "Western European and Others" => Some(UnRegionalGroup::WesternEuropeanAndOthers),
            "" | "none" | "None" => Some(UnRegionalGroup::None),
            _ => None,
        }
    }
}

/// Development status per the UN World Economic Situation and Prospects classification.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DevelopmentStatus {
    Developed,
    EconomyInTransition,
    Developing,
}

impl DevelopmentStatus {
    pub fn code(self) -> &'static str {
        match self {
            DevelopmentStatus::Developed => "developed",
            DevelopmentStatus::EconomyInTransition => "economy_in_transition",
            DevelopmentStatus::Developing => "developing",
        }
    }

    pub fn from_code(code: &str) -> Option<DevelopmentStatus> {
        [
            DevelopmentStatus::Developed,
            DevelopmentStatus::EconomyInTransition,
            DevelopmentStatus::Developing,
        ]
        .into_iter()
        .find(|s| s.code() == code.trim())
    }
}

/// Parses the countries reference file: a header line, then one country a line with
/// `iso2,iso3,numeric,name,un_regional_group,m49_region,m49_subregion,wesp_status,ldc,lldc,sids,note`.
/// Names may be double-quoted (with `""` for a quote). Errors name the line.
pub fn parse_countries_csv(text: &str) -> Result<Vec<Country>, FieldError> {
    let mut lines = text.lines();
    let header = lines.next().unwrap_or("");
    if !header.starts_with("iso2,iso3,numeric,name,un_regional_group") {
        return Err(FieldError::new(
            "countries",
            "bad_header",
            "unexpected header line",
        ));
    }
    let mut countries = Vec::new();
    for (idx, line) in lines.enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let line_no = idx + 2;
        let bad =
            |what: &str| FieldError::new("countries", "bad_row", format!("line {line_no}: {what}"));
        let cells = split_csv_line(line);
        if cells.len() < 11 {
            return Err(bad("expected at least 11 columns"));
        }
        let flag = |raw: &str| match raw.trim() {
            "true" => Ok(true),
            "false" => Ok(false),
            other => Err(bad(&format!("expected true or false, got {other:?}"))),
        };
        let iso2 = cells[0].trim().to_owned();
        if iso2.len() != 2 || !iso2.chars().all(|c| c.is_ascii_uppercase()) {
            return Err(bad("iso2 must be two upper-case letters"));
        }
        countries.push(Country {
            iso2,
            iso3: cells[1].trim().to_owned(),
            numeric: cells[2].trim().to_owned(),
            name: cells[3].trim().to_owned(),
            un_regional_group: UnRegionalGroup::from_name(&cells[4])
                .ok_or_else(|| bad(&format!("unknown UN regional group {:?}", cells[4])))?,
            m49_region: cells[5].trim().to_owned(),
            m49_subregion: cells[6].trim().to_owned(),
            development_status: match cells[7].trim() {
                "" => None,
                code => Some(
                    DevelopmentStatus::from_code(code)
                        .ok_or_else(|| bad(&format!("unknown development status {code:?}")))?,
                ),
            },
            ldc: flag(&cells[8])?,
            lldc: flag(&cells[9])?,
            sids: flag(&cells[10])?,
        });
    }
    Ok(countries)
}

/// Splits one CSV line, honouring double quotes.
fn split_csv_line(line: &str) -> Vec<String> {
    let mut cells = Vec::new();
    let mut cell = String::new();
    let mut in_quotes = false;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, in_quotes) {
            ('"', true) if chars.peek() == Some(&'"') => {
                cell.push('"');
                chars.next();
            }
            ('"', _) => in_quotes = !in_quotes,
            (',', false) => cells.push(std::mem::take(&mut cell)),
            _ => cell.push(c),
        }
    }
    cells.push(cell);
    cells
}

#[cfg(test)]
mod tests;
