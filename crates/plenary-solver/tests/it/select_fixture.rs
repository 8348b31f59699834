//! Small builders for selection problems.

use std::collections::BTreeMap;

use plenary_solver::select::{
    Balance, Budget, Candidate, Cap, SelectOutcome, SelectProblem, Selection,
};

/// A candidate from `id`, score, session type, theme and `key=value` attributes.
pub fn candidate(
    id: &str,
    score: f64,
    session_type: &str,
    theme: &str,
    attributes: &[&str],
) -> Candidate {
    let attributes: BTreeMap<String, String> = attributes
        .iter()
        .map(|pair| {
            let (key, value) = pair
                .split_once('=')
                .expect("attributes are written key=value");
            (key.to_owned(), value.to_owned())
        })
        .collect();
    Candidate {
        id: id.to_owned(),
        score,
        session_type: session_type.to_owned(),
        theme: theme.to_owned(),
        attributes,
    }
}

pub fn budget(session_type: &str, slots: u32) -> Budget {
    Budget {
        session_type: session_type.to_owned(),
        slots,
    }
}

pub fn cap(theme: &str, max: u32) -> Cap {
    Cap {
        theme: theme.to_owned(),
        max,
    }
}

pub fn balance(label: &str, pair: &str, min_share_percent: u32) -> Balance {
    let (key, value) = pair.split_once('=').expect("balance is written key=value");
    Balance {
        label: label.to_owned(),
        key: key.to_owned(),
        value: value.to_owned(),
        min_share_percent,
    }
}

pub fn problem(candidates: Vec<Candidate>, budgets: Vec<Budget>) -> SelectProblem {
    SelectProblem {
        candidates,
        budgets,
        caps: Vec::new(),
        balance: Vec::new(),
        fixed: Vec::new(),
    }
}

/// The proposed selection; panics on an infeasible request.
pub fn proposed(selection: Selection) -> SelectOutcome {
    match selection {
        Selection::Proposed(outcome) => outcome,
        Selection::Infeasible(why) => panic!("expected a selection, got {why:?}"),
    }
}
