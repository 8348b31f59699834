//! A deterministic generator of realistic slate requests, for the benchmark and the tests.
//!
//! Main item: `synthetic_instance(seed, pool_size)`: a 55-seat multistakeholder body with 37
//! continuing members and 18 seats to fill from `pool_size` nominees, quotas over 5
//! stakeholder groups, 5 UN regions, 3 genders, group × region caps and three standing
//! host-country seats, and soft preferences for first-time members and countries never
//! represented.
//!
//! Invariants: the same `(seed, pool_size)` always gives the same problem (a SplitMix64
//! generator, no global state); continuing members satisfy every maximum and nobody from a
//! host country continues; every host country has nominees, so instances with 300 or more
//! nominees are feasible (a test asserts it for 300, 1200 and 4800).
//!
//! Neighbours: solving is `slate::solve_slate`; nothing in production calls this.

use std::collections::BTreeMap;

use crate::rng::SplitMix64;
use crate::slate::{Nominee, Person, Preference, Quota, SlateProblem};

const GROUPS: [&str; 5] = [
    "government",
    "intergovernmental",
    "private_sector",
    "civil_society",
    "technical_community",
];
const REGIONS: [&str; 5] = [
    "african",
    "asia_pacific",
    "eastern_european",
    "grulac",
    "weog",
];
/// Country codes by UN regional group, in the order of `REGIONS`.
const COUNTRIES: [&[&str]; 5] = [
    &[
        "DZ", "AO", "BJ", "BW", "BF", "BI", "CM", "CV", "TD", "KM", "CD", "CG", "CI", "DJ", "EG",
        "ET", "GA", "GH", "KE", "LS", "LR", "MA", "NG", "SN",
    ],
    &[
        "AF", "BD", "BT", "KH", "CN", "FJ", "IN", "ID", "IR", "IQ", "JP", "JO", "KZ", "KW", "LB",
        "MY", "MN", "NP", "PK", "PH", "SA", "KR", "LK", "TH",
    ],
    &[
        "AL", "AM", "AZ", "BY", "BA", "BG", "HR", "CZ", "EE", "GE", "HU", "LV", "LT", "MD", "ME",
        "MK", "PL", "RO", "RU", "RS", "SK", "SI", "UA",
    ],
    &[
        "AR", "BS", "BB", "BZ", "BO", "BR", "CL", "CO", "CR", "CU", "DM", "DO", "EC", "SV", "GT",
        "GY", "HT", "HN", "JM", "MX", "NI", "PA", "PY", "PE",
    ],
    &[
        "AD", "AU", "AT", "BE", "CA", "DK", "FI", "FR", "DE", "GR", "IS", "IE", "IL", "IT", "LI",
        "LU", "MT", "MC", "NL", "NZ", "NO", "PT", "ES", "SE", "CH", "GB", "US",
    ],
];
/// The last three host countries (2023 Japan, 2024 Saudi Arabia, 2025 Norway) and their
/// region indexes; each holds a standing seat.
const HOSTS: [(&str, usize); 3] = [("JP", 1), ("SA", 1), ("NO", 4)];
const N_CONTINUING: usize = 37;
const SEATS_TO_FILL: u32 = 18;

/// A 55-seat body: 37 continuing members, 18 seats to fill from `pool_size` nominees.
pub fn synthetic_instance(seed: u64, pool_size: usize) -> SlateProblem {
    let mut rng = SplitMix64(seed);
    let continuing: Vec<Person> = (0..N_CONTINUING)
        .map(|j| continuing_member(&mut rng, j))
        .collect();
    let nominees: Vec<Nominee> = (0..pool_size)
        .map(|i| {
            // Two nominees per host country at fixed positions, so the standing seats can
            // always be filled; everyone else is drawn at random.
            let host = (0..6)
                .find(|k| i == k * pool_size / 6)
                .map(|k| HOSTS[k % 3]);
            nominee(&mut rng, i, host)
        })
        .collect();
    SlateProblem {
        seats_to_fill: SEATS_TO_FILL,
        continuing,
        nominees,
        quotas: quotas(),
        preferences: vec![
            Preference {
                label: "First-time member".to_owned(),
                condition: vec![pair("first_time", "true")],
                weight: 5.0,
            },
            Preference {
                label: "Country never represented".to_owned(),
                condition: vec![pair("country_never_served", "true")],
                weight: 8.0,
            },
        ],
        required: Vec::new(),
    }
}

/// Continuing member `j`: groups and regions in a balanced diagonal pattern (1–2 per
/// group × region cell), 14 women, 20 men, 3 non-binary members, no host countries.
fn continuing_member(rng: &mut SplitMix64, j: usize) -> Person {
    let group = j % 5;
    let region = (j + j / 5) % 5;
    let gender = match (j * 7) % N_CONTINUING {
        0..14 => "woman",
        14..34 => "man",
        _ => "nonbinary",
    };
    let country = loop {
        let candidate = pick(rng, COUNTRIES[region]);
        if !HOSTS.iter().any(|(host, _)| *host == candidate) && !never_served(candidate) {
            break candidate;
        }
    };
    person(
        format!("member-{j:03}"),
        group,
        region,
        gender,
        country,
        false,
    )
}

fn nominee(rng: &mut SplitMix64, i: usize, host: Option<(&str, usize)>) -> Nominee {
    let group = rng.below(5);
    let (country, region) = match host {
        Some((country, region)) => (country, region),
        None => {
            let region = rng.below(5);
            (pick(rng, COUNTRIES[region]), region)
        }
    };
    let gender = match rng.below(100) {
        0..45 => "woman",
        45..93 => "man",
        _ => "nonbinary",
    };
    let first_time = rng.below(100) < 55;
    // Scores in hundredths, 40.00–99.99, like an averaged secretariat rating.
    let score = 40.0 + rng.below(6000) as f64 / 100.0;
    Nominee {
        person: person(
            format!("nominee-{i:04}"),
            group,
            region,
            gender,
            country,
            first_time,
        ),
        score,
    }
}

fn person(
    id: String,
    group: usize,
    region: usize,
    gender: &str,
    country: &str,
    first_time: bool,
) -> Person {
    let attributes: BTreeMap<String, String> = [
        ("stakeholder_group", GROUPS[group]),
        ("region", REGIONS[region]),
        ("gender", gender),
        ("country", country),
        ("first_time", if first_time { "true" } else { "false" }),
        (
            "country_never_served",
            if never_served(country) {
                "true"
            } else {
                "false"
            },
        ),
    ]
    .into_iter()
    .map(|(key, value)| (key.to_owned(), value.to_owned()))
    .collect();
    Person { id, attributes }
}

/// Roughly one country in five has never had a member on the body.
fn never_served(country: &str) -> bool {
    country.bytes().map(u32::from).sum::<u32>() % 5 == 0
}

fn quotas() -> Vec<Quota> {
    let mut quotas = Vec::new();
    for group in GROUPS {
        let max = if group == "government" { 12 } else { 14 };
        quotas.push(quota(
            format!("Stakeholder group {group}"),
            vec![pair("stakeholder_group", group)],
            Some(8),
            Some(max),
        ));
    }
    for region in REGIONS {
        quotas.push(quota(
            format!("Region {region}"),
            vec![pair("region", region)],
            Some(8),
            Some(15),
        ));
    }
    quotas.push(quota(
        "Women".to_owned(),
        vec![pair("gender", "woman")],
        Some(22),
        None,
    ));
    quotas.push(quota(
        "Men".to_owned(),
        vec![pair("gender", "man")],
        None,
        Some(33),
    ));
    for group in GROUPS {
        for region in REGIONS {
            quotas.push(quota(
                format!("Stakeholder group {group} from region {region}"),
                vec![pair("stakeholder_group", group), pair("region", region)],
                None,
                Some(4),
            ));
        }
    }
    for (country, _) in HOSTS {
        quotas.push(quota(
            format!("Standing host-country seat {country}"),
            vec![pair("country", country)],
            Some(1),
            None,
        ));
    }
    quotas
}

fn quota(
    label: String,
    condition: Vec<(String, String)>,
    min: Option<u32>,
    max: Option<u32>,
) -> Quota {
    Quota {
        label,
        condition,
        min,
        max,
    }
}

fn pair(key: &str, value: &str) -> (String, String) {
    (key.to_owned(), value.to_owned())
}

fn pick<'a>(rng: &mut SplitMix64, items: &[&'a str]) -> &'a str {
    items[rng.below(items.len())]
}
