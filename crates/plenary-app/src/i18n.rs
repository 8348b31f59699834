//! Message catalogs (Project Fluent): every string a person reads goes through `t`.
//!
//! Catalogs live in `plenary-app/locales/<lang>/main.ftl`, one per `Language`, with the
//! same message ids in each (a test checks that). Pages (`plenary-web`) and e-mails
//! (`accounts`) both use them.

use std::borrow::Cow;
use std::collections::HashMap;

use fluent_templates::fluent_bundle::FluentValue;
use fluent_templates::{Loader, static_loader};
use plenary_domain::Language;
use unic_langid::LanguageIdentifier;

static_loader! {
    static LOCALES = {
        locales: "./locales",
        fallback_language: "en",
        // Without this every argument is wrapped in Unicode isolation marks, which breaks
        // copy-paste of links in e-mails and exact-match tests.
        customise: |bundle| bundle.set_use_isolating(false),
    };
}

/// The catalog sources, for the completeness test.
pub const CATALOGS: [(Language, &str); 4] = [
    (Language::En, include_str!("../locales/en/main.ftl")),
    (Language::Fr, include_str!("../locales/fr/main.ftl")),
    (Language::Es, include_str!("../locales/es/main.ftl")),
    (Language::Ar, include_str!("../locales/ar/main.ftl")),
];

fn identifier(language: Language) -> LanguageIdentifier {
    language.code().parse().unwrap_or_default()
}

/// The message `id` in `language` (English if the catalog lacks it; the id itself if
/// no catalog has it, which the completeness test prevents).
pub fn t(language: Language, id: &str) -> String {
    LOCALES
        .try_lookup(&identifier(language), id)
        .unwrap_or_else(|| id.to_owned())
}

/// The message `id` with named string arguments.
pub fn t_args(language: Language, id: &str, args: &[(&str, &str)]) -> String {
    let map: HashMap<Cow<'static, str>, FluentValue> = args
        .iter()
        .map(|(name, value)| {
            (
                Cow::Owned((*name).to_owned()),
                FluentValue::from((*value).to_owned()),
            )
        })
        .collect();
    LOCALES
        .try_lookup_with_args(&identifier(language), id, &map)
        .unwrap_or_else(|| id.to_owned())
}

/// The message `id` with one number argument `count` (for plural forms).
pub fn t_count(language: Language, id: &str, count: i64) -> String {
    let mut map: HashMap<Cow<'static, str>, FluentValue> = HashMap::new();
    map.insert(Cow::Borrowed("count"), FluentValue::from(count));
    LOCALES
        .try_lookup_with_args(&identifier(language), id, &map)
        .unwrap_or_else(|| id.to_owned())
}

/// The message ids defined in a catalog source (lines starting `id =`).
pub fn message_ids(source: &str) -> Vec<String> {
    let mut ids: Vec<String> = source
        .lines()
        .filter(|line| line.chars().next().is_some_and(|c| c.is_ascii_alphabetic()))
        .filter_map(|line| line.split_once('=').map(|(id, _)| id.trim().to_owned()))
        .collect();
    ids.sort();
    ids
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_catalog_has_exactly_the_english_ids() {
        let english = message_ids(CATALOGS[0].1);
        assert!(english.len() > 20, "{}", english.len());
        for (language, source) in &CATALOGS[1..] {
            let ids = message_ids(source);
            let missing: Vec<&String> = english.iter().filter(|id| !ids.contains(id)).collect();
            let extra: Vec<&String> = ids.iter().filter(|id| !english.contains(id)).collect();
            assert!(
                missing.is_empty() && extra.is_empty(),
                "{language:?}: missing {missing:?}, extra {extra:?}"
            );
        }
    }

    #[test]
    fn every_message_resolves_in_every_language() {
        for (language, source) in CATALOGS {
            for id in message_ids(source) {
                let text = t_args(
                    language,
                    &id,
                    &[
                        ("name", "N"),
                        ("link", "L"),
                        ("count", "2"),
                        ("until", "U"),
                        ("field", "F"),
                        ("version", "3"),
                        ("fill", "4"),
                        ("continuing", "37"),
                        ("after", "55"),
                        ("max", "55"),
                        ("objective", "1200.5"),
                        ("merit", "1190.5"),
                        ("bonus", "10"),
                        ("by", "1"),
                        ("who", "W"),
                        ("when", "T"),
                        ("run", "7"),
                        ("cycle", "2027"),
                        ("year", "2026"),
                        ("date", "D"),
                        ("group", "G"),
                        ("attendance", "60"),
                        ("reviews", "60"),
                        ("target", "18"),
                        ("must", "5"),
                        ("further", "13"),
                        ("from", "1"),
                        ("to", "2"),
                        // Session proposals and screening (issue 4).
                        ("passed", "5"),
                        ("failed", "6"),
                        ("mailed", "11"),
                    ],
                );
                assert_ne!(text, id, "{language:?} {id}");
                assert!(!text.contains("{ $"), "{language:?} {id}: {text}");
            }
        }
    }

    #[test]
    fn translations_differ_from_english() {
        assert_eq!(t(Language::En, "nav-sign-in"), "Sign in");
        assert_ne!(t(Language::Fr, "nav-sign-in"), "Sign in");
        assert_ne!(t(Language::Ar, "nav-sign-in"), "Sign in");
        assert_ne!(t(Language::Es, "nav-sign-in"), "Sign in");
    }

    #[test]
    fn arabic_plurals_follow_cldr() {
        let forms: Vec<String> = [0, 1, 2, 3, 11, 100]
            .iter()
            .map(|n| t_count(Language::Ar, "forums-count", *n))
            .collect();
        let unique: std::collections::BTreeSet<&String> = forms.iter().collect();
        assert_eq!(unique.len(), 6, "{forms:?}");
    }
}
