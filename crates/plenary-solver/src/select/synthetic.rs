//! A deterministic generator of realistic selection requests, for the benchmark and tests.
//!
//! Main item: `synthetic_select_instance(candidates, seed)`: an IGF-like call with four
//! session types (60 % workshops, 15 % open forums, 15 % lightning talks, 10 % launches),
//! budgets scaled from 80 / 30 / 20 / 15 slots per 400 candidates, eight themes of uneven
//! popularity each capped at a quarter of all slots, scores 1.00–5.00 in hundredths (so ties
//! happen) slightly lower for developing-country and first-time proposers, four balance
//! targets (developing country 40 %, first time 30 %, women 45 %, African region 15 %) and
//! one chair's acceptance and one decline per 40 candidates.
//!
//! Invariants: the same `(candidates, seed)` always gives the same problem (SplitMix64, no
//! global state); the chair's acceptances never overfill a budget or a cap, so every
//! instance is feasible.
//!
//! Neighbours: solving is `select::solve_selection`; nothing in production calls this.

use std::collections::BTreeMap;

use crate::rng::SplitMix64;
use crate::select::{Balance, Budget, Candidate, Cap, Fixed, SelectProblem};

/// Session type, share of candidates in percent, slots per 400 candidates.
const TYPES: [(&str, usize, usize); 4] = [
    ("workshop", 60, 80),
    ("open_forum", 15, 30),
    ("lightning_talk", 15, 20),
    ("launch", 10, 15),
];
/// Theme and relative popularity.
const THEMES: [(&str, usize); 8] = [
    ("data_governance", 5),
    ("ai", 4),
    ("cybersecurity", 3),
    ("inclusion", 2),
    ("human_rights", 2),
    ("sustainability", 1),
    ("infrastructure", 1),
    ("digital_economy", 1),
];
const REGIONS: [&str; 5] = [
    "african",
    "asia_pacific",
    "eastern_european",
    "grulac",
    "weog",
];
const GROUPS: [&str; 5] = [
    "government",
    "intergovernmental",
    "private_sector",
    "civil_society",
    "technical_community",
];

/// `candidates` proposals drawn from `seed`; see the module docs.
pub fn synthetic_select_instance(candidates: usize, seed: u64) -> SelectProblem {
    let mut rng = SplitMix64(seed);
    let theme_total: usize = THEMES.iter().map(|(_, weight)| weight).sum();
    let list: Vec<Candidate> = (0..candidates)
        .map(|i| {
            let mut roll = rng.below(100);
            let session_type = TYPES
                .iter()
                .find(|(_, share, _)| {
                    let hit = roll < *share;
                    roll = roll.saturating_sub(*share);
                    hit
                })
                .map_or(TYPES[0].0, |(name, _, _)| name);
            let mut roll = rng.below(theme_total);
            let theme = THEMES
                .iter()
                .find(|(_, weight)| {
                    let hit = roll < *weight;
                    roll = roll.saturating_sub(*weight);
                    hit
                })
                .map_or(THEMES[0].0, |(name, _)| name);
            let region = REGIONS[rng.below(REGIONS.len())];
            let developing = region != "weog" && rng.below(100) < 55;
            let first_time = rng.below(100) < 30;
            let gender = match rng.below(100) {
                0..45 => "female",
                45..95 => "male",
                _ => "other",
            };
            let group = GROUPS[rng.below(GROUPS.len())];
            let mut hundredths = 100 + rng.below(401);
            if developing {
                hundredths = hundredths.saturating_sub(30).max(100);
            }
            if first_time {
                hundredths = hundredths.saturating_sub(20).max(100);
            }
            let yes_no = |flag: bool| if flag { "yes" } else { "no" };
            let attributes: BTreeMap<String, String> = [
                ("region", region),
                ("stakeholder_group", group),
                ("gender", gender),
                ("first_time", yes_no(first_time)),
                ("developing_country", yes_no(developing)),
            ]
            .into_iter()
            .map(|(key, value)| (key.to_owned(), value.to_owned()))
            .collect();
            Candidate {
                id: format!("#{}", i + 1),
                score: hundredths as f64 / 100.0,
                session_type: session_type.to_owned(),
                theme: theme.to_owned(),
                attributes,
            }
        })
        .collect();
    let budgets: Vec<Budget> = TYPES
        .iter()
        .map(|(name, _, per_400)| Budget {
            session_type: (*name).to_owned(),
            slots: u32::try_from((per_400 * candidates).div_ceil(400).max(1)).unwrap_or(u32::MAX),
        })
        .collect();
    let all_slots: u32 = budgets.iter().map(|b| b.slots).sum();
    let caps = THEMES
        .iter()
        .map(|(name, _)| Cap {
            theme: (*name).to_owned(),
            max: all_slots.div_ceil(4).max(1),
        })
        .collect();
    let balance = [
        (
            "developing-country proposers",
            "developing_country",
            "yes",
            40,
        ),
        ("first-time proposers", "first_time", "yes", 30),
        ("women organisers", "gender", "female", 45),
        ("African region", "region", "african", 15),
    ]
    .into_iter()
    .map(|(label, key, value, percent)| Balance {
        label: label.to_owned(),
        key: key.to_owned(),
        value: value.to_owned(),
        min_share_percent: percent,
    })
    .collect();
    // One acceptance and one decline per 40 candidates: at most 1 per 40 in any budget
    // (the smallest budget has 15 slots per 400) or cap, so they always fit.
    let fixed = (0..candidates)
        .filter_map(|i| match i % 40 {
            7 => Some((i, Fixed::Accept)),
            23 => Some((i, Fixed::Decline)),
            _ => None,
        })
        .collect();
    SelectProblem {
        candidates: list,
        budgets,
        caps,
        balance,
        fixed,
    }
}
