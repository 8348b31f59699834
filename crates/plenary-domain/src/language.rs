//! The languages Plenary's pages are offered in, and how one is chosen for a request.
//!
//! `negotiate` picks the account's language, else the best match in the browser's
//! `Accept-Language`, else English. Catalogs live in `plenary-app/locales`.

use crate::FieldError;

/// A language with a complete message catalog.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Language {
    En,
    Fr,
    Es,
    Ar,
}

/// Text direction of a language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    Ltr,
    Rtl,
}

impl Language {
    pub const ALL: [Language; 4] = [Language::En, Language::Fr, Language::Es, Language::Ar];

    /// The BCP 47 code (`en`, `fr`, `es`, `ar`).
    pub fn code(self) -> &'static str {
        match self {
            Language::En => "en",
            Language::Fr => "fr",
            Language::Es => "es",
            Language::Ar => "ar",
        }
    }

    /// The language's name in itself, for the language switcher.
    pub fn native_name(self) -> &'static str {
        match self {
            Language::En => "English",
            Language::Fr => "Français",
            Language::Es => "Español",
            Language::Ar => "العربية",
        }
    }

    pub fn direction(self) -> Direction {
        match self {
            Language::Ar => Direction::Rtl,
            Language::En | Language::Fr | Language::Es => Direction::Ltr,
        }
    }

    /// Parses a code such as `fr` or `fr-CA` (region ignored, case-insensitive).
    pub fn parse(raw: &str) -> Result<Language, FieldError> {
        let primary = raw
            .trim()
            .split(['-', '_'])
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        Language::ALL
            .into_iter()
            .find(|lang| lang.code() == primary)
            .ok_or_else(|| {
                FieldError::new(
                    "language",
                    "unsupported_language",
                    format!("unsupported language {raw:?}; expected one of en, fr, es, ar"),
                )
            })
    }
}

/// Chooses the page language: an explicit choice (account or cookie) wins, then the
/// highest-weighted supported language in `Accept-Language`, then English.
pub fn negotiate(chosen: Option<Language>, accept_language: Option<&str>) -> Language {
    if let Some(lang) = chosen {
        return lang;
    }
    let Some(header) = accept_language else {
        return Language::En;
    };
    let mut best: Option<(u32, usize, Language)> = None;
    for (position, part) in header.split(',').enumerate() {
        let mut pieces = part.split(';');
        let tag = pieces.next().unwrap_or("").trim();
        let weight = pieces
            .find_map(|p| p.trim().strip_prefix("q="))
            .map_or(1000, parse_weight);
        let Ok(lang) = Language::parse(tag) else {
            continue;
        };
        if weight == 0 {
            continue;
        }
        // Higher weight wins; on equal weight the earlier entry wins.
        let better = match best {
            None => true,
            Some((w, p, _)) => weight > w || (weight == w && position < p),
        };
        if better {
            best = Some((weight, position, lang));
        }
    }
    best.map_or(Language::En, |(_, _, lang)| lang)
}

/// `q` values in thousandths; anything unparsable counts as 0 (ignored).
fn parse_weight(raw: &str) -> u32 {
    raw.trim()
        .parse::<f64>()
        .ok()
        .filter(|q| (0.0..=1.0).contains(q))
        .map_or(0, |q| (q * 1000.0).round() as u32)
}

#[cfg(test)]
mod tests;
