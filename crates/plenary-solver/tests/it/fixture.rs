//! Small builders for slate problems, and a tiny seeded PRNG for generated instances.

use std::collections::BTreeMap;

use plenary_solver::{Nominee, Person, Preference, Quota, SlateProblem};

/// A person from `id` and `key=value` pairs, e.g. `person("a", &["gender=woman"])`.
pub fn person(id: &str, attributes: &[&str]) -> Person {
    let attributes: BTreeMap<String, String> = attributes
        .iter()
        .map(|pair| {
            let (key, value) = pair
                .split_once('=')
                .expect("attributes are written key=value");
            (key.to_owned(), value.to_owned())
        })
        .collect();
    Person {
        id: id.to_owned(),
        attributes,
    }
}

pub fn nominee(id: &str, score: f64, attributes: &[&str]) -> Nominee {
    Nominee {
        person: person(id, attributes),
        score,
    }
}

pub fn condition(pairs: &[&str]) -> Vec<(String, String)> {
    person("condition", pairs).attributes.into_iter().collect()
}

pub fn quota(label: &str, pairs: &[&str], min: Option<u32>, max: Option<u32>) -> Quota {
    Quota {
        label: label.to_owned(),
        condition: condition(pairs),
        min,
        max,
    }
}

pub fn preference(label: &str, pairs: &[&str], weight: f64) -> Preference {
    Preference {
        label: label.to_owned(),
        condition: condition(pairs),
        weight,
    }
}

pub fn problem(seats_to_fill: u32, nominees: Vec<Nominee>, quotas: Vec<Quota>) -> SlateProblem {
    SlateProblem {
        seats_to_fill,
        continuing: Vec::new(),
        nominees,
        quotas,
        preferences: Vec::new(),
        required: Vec::new(),
    }
}

/// SplitMix64: a seeded generator so every generated instance is reproducible.
#[derive(Debug)]
pub struct Rng(pub u64);

impl Rng {
    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `low..=high`.
    pub fn range(&mut self, low: u64, high: u64) -> u64 {
        low + self.next() % (high - low + 1)
    }

    pub fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.range(0, items.len() as u64 - 1) as usize]
    }
}
