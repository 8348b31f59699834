//! One assignment run: the cycle's pool and evaluated proposals turned into a
//! `plenary_solver::assign::AssignProblem`, solved, and the new pairs stored with the run.
//!
//! Proposals are named `#number` and reviewers by name in the solver's explanations (the
//! secretariat reads them). Conflicts detected from the proposals are stored with the run;
//! an infeasible problem stores nothing.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::time::Instant;

use plenary_db::Tx;
use plenary_db::calls::proposals::{self as pq, ProposalRow};
use plenary_db::calls::reviews::{self as q, NewConflict, ReviewerRow};
use plenary_domain::Timestamp;
use plenary_domain::audit::{Actor, AuditEntry};
use plenary_domain::calls::review::{EvaluationSetup, ReviewerProfile, detect_conflicts};
use plenary_domain::forums::Forum;
use plenary_solver::assign::{
    AssignOutcome, AssignProblem, AssignProposal, AssignReviewer, Mix, solve_assignment,
};
use serde_json::json;

use super::{AssignmentRun, is_evaluated, split_codes, sync_engagement};
use crate::calls::cycles::Cycle;
use crate::calls::proposals::{country_regions, stored_draft};
use crate::{ActionError, audit};

/// The solver's input with the ids behind its indices.
pub(super) struct Problem {
    pub problem: AssignProblem,
    /// Proposal ids by index.
    pub proposals: Vec<i64>,
    /// Reviewer ids by index.
    pub reviewers: Vec<i64>,
}

/// Names reviewers for the solver: their name, with the id added when two share a name.
fn reviewer_labels(reviewers: &[&ReviewerRow]) -> Vec<String> {
    let mut seen: HashMap<&str, usize> = HashMap::new();
    for r in reviewers {
        *seen.entry(r.name.as_str()).or_default() += 1;
    }
    reviewers
        .iter()
        .map(|r| {
            if seen.get(r.name.as_str()).copied().unwrap_or(0) > 1 {
                format!("{} ({})", r.name, r.id)
            } else {
                r.name.clone()
            }
        })
        .collect()
}

/// Builds the problem: `conflicted` holds (reviewer, proposal) ids, `keep` the current
/// (reviewer, proposal) pairs to disturb as little as possible.
pub(super) fn build(
    setup: &EvaluationSetup,
    proposals: &[&ProposalRow],
    reviewers: &[&ReviewerRow],
    conflicted: &BTreeSet<(i64, i64)>,
    keep: &[(i64, i64)],
) -> Problem {
    let proposal_index: HashMap<i64, usize> = proposals
        .iter()
        .enumerate()
        .map(|(i, p)| (p.id, i))
        .collect();
    let reviewer_index: HashMap<i64, usize> = reviewers
        .iter()
        .enumerate()
        .map(|(i, r)| (r.id, i))
        .collect();
    let labels = reviewer_labels(reviewers);
    let conflicts: BTreeSet<(usize, usize)> = conflicted
        .iter()
        .filter_map(|(r, p)| Some((*proposal_index.get(p)?, *reviewer_index.get(r)?)))
        .collect();
    let keep: Vec<(usize, usize)> = keep
        .iter()
        .filter_map(|(r, p)| Some((*proposal_index.get(p)?, *reviewer_index.get(r)?)))
        .filter(|pair| !conflicts.contains(pair))
        .collect();
    let problem = AssignProblem {
        reviews_per_proposal: setup.reviews_per_proposal,
        proposals: proposals
            .iter()
            .map(|p| AssignProposal {
                id: format!("#{}", p.number),
                group: setup
                    .group_for(&p.content.issue_area)
                    .map(|g| g.code.clone())
                    .unwrap_or_default(),
                topics: vec![p.content.issue_area.clone()],
            })
            .collect(),
        reviewers: reviewers
            .iter()
            .zip(labels)
            .map(|(r, label)| AssignReviewer {
                id: label,
                groups: split_codes(&r.groups),
                expertise: split_codes(&r.expertise),
                stakeholder_group: r.stakeholder_group.clone(),
                region: r.region.clone(),
                load_cap: u32::try_from(r.load_cap).unwrap_or(0),
                load_target: setup.load_target,
            })
            .collect(),
        conflicts,
        mix: Mix {
            min_stakeholder_groups: setup.min_stakeholder_groups,
            min_regions: setup.min_regions,
        },
        keep,
    };
    Problem {
        problem,
        proposals: proposals.iter().map(|p| p.id).collect(),
        reviewers: reviewers.iter().map(|r| r.id).collect(),
    }
}

/// The conflicts detected between each reviewer and each proposal.
fn detect(
    proposals: &[(&ProposalRow, Vec<plenary_domain::calls::ProposalPerson>)],
    reviewers: &[&ReviewerRow],
) -> Vec<NewConflict> {
    let mut found = Vec::new();
    for r in reviewers {
        let profile = ReviewerProfile {
            name: r.name.clone(),
            email: r.email.clone(),
            organisation: r.organisation.clone(),
            stakeholder_group: r.stakeholder_group.clone(),
            country_iso2: r.country_iso2.clone(),
        };
        for (p, people) in proposals {
            for conflict in detect_conflicts(
                &profile,
                people,
                &p.submitter_email,
                &p.content.submitter_organisation,
            ) {
                found.push(NewConflict {
                    reviewer: r.id,
                    proposal: p.id,
                    reason: conflict.reason.code().to_owned(),
                    source: "detected".to_owned(),
                    detail: conflict.detail,
                });
            }
        }
    }
    found
}

/// Runs the assignment for the cycle and stores it (see the module documentation).
/// `why` says what started the run (for the run's report and the audit trail).
#[expect(
    clippy::too_many_arguments,
    reason = "the run's context: where, who, how and why"
)]
pub(super) async fn run(
    tx: &mut Tx,
    forum: &Forum,
    cycle: &Cycle,
    actor: &Actor,
    by: &str,
    fresh: bool,
    why: &str,
    now: Timestamp,
) -> Result<AssignmentRun, ActionError> {
    let setup = &cycle.setup.evaluation;
    let regions = country_regions(tx).await?;
    let pool = q::reviewers_of_cycle(tx, cycle.id).await?;
    let reviewers: Vec<&ReviewerRow> = pool.iter().filter(|r| r.withdrawn_at.is_none()).collect();
    let rows = pq::submitted_with_people(tx, cycle.id).await?;
    let mut evaluated = Vec::new();
    for row in rows.iter().filter(|r| is_evaluated(setup, r)) {
        evaluated.push((row, stored_draft(row, &regions)?.people));
    }
    let proposals: Vec<&ProposalRow> = evaluated.iter().map(|(p, _)| *p).collect();
    let detected = detect(&evaluated, &reviewers);
    let detected_pairs: BTreeSet<(i64, i64)> =
        detected.iter().map(|c| (c.reviewer, c.proposal)).collect();
    let mut conflicted: BTreeSet<(i64, i64)> = q::conflicts_of_cycle(tx, cycle.id)
        .await?
        .iter()
        .map(|c| (c.reviewer, c.proposal))
        .collect();
    conflicted.extend(detected_pairs.iter().copied());
    let active = q::active_assignments(tx, cycle.id).await?;
    let keep: Vec<(i64, i64)> = if fresh {
        Vec::new()
    } else {
        active.iter().map(|a| (a.reviewer, a.proposal)).collect()
    };
    let built = build(setup, &proposals, &reviewers, &conflicted, &keep);
    let started = Instant::now();
    let outcome = solve_assignment(&built.problem).map_err(|e| ActionError::Rule {
        code: "assignment_input",
        message: format!("the assignment cannot run: {e}"),
    })?;
    let solve_ms = u64::try_from(started.elapsed().as_millis()).unwrap_or(u64::MAX);
    let mut run = AssignmentRun {
        cycle_year: cycle.year,
        proposals: proposals.len(),
        reviewers: reviewers.len(),
        solve_ms,
        detected_conflicts: detected_pairs.len(),
        fresh,
        ..AssignmentRun::default()
    };
    let assignment = match outcome {
        AssignOutcome::Infeasible(why_not) => {
            run.infeasible = why_not.shortages.into_iter().map(|s| s.message).collect();
            if run.infeasible.is_empty() {
                run.infeasible
                    .push("no assignment gives every proposal its reviewers".to_owned());
            }
            return Ok(run);
        }
        AssignOutcome::Assigned(a) => a,
    };
    run.reviews = assignment.pairs.len();
    run.objective = assignment.objective;
    run.affinity_matches = assignment.affinity_matches;
    run.method = assignment.method.to_owned();
    run.proven_optimal = assignment.proven_optimal;
    run.explanation = assignment.explanation.clone();
    run.shortfalls = assignment
        .mix_shortfalls
        .iter()
        .map(|s| {
            let id = &built.problem.proposals[s.proposal].id;
            format!("{id}: {}", s.why)
        })
        .collect();
    run.loads = built
        .problem
        .reviewers
        .iter()
        .zip(&assignment.loads)
        .map(|(r, load)| (r.id.clone(), *load))
        .collect();

    // What changes: (reviewer, proposal) pairs.
    let chosen: BTreeSet<(i64, i64)> = assignment
        .pairs
        .iter()
        .map(|&(p, r)| (built.reviewers[r], built.proposals[p]))
        .collect();
    let evaluated_ids: BTreeSet<i64> = built.proposals.iter().copied().collect();
    let active_reviewers: BTreeSet<i64> = built.reviewers.iter().copied().collect();
    let mut ended: BTreeMap<String, Vec<i64>> = BTreeMap::new();
    let mut current = BTreeSet::new();
    for a in &active {
        let pair = (a.reviewer, a.proposal);
        current.insert(pair);
        if chosen.contains(&pair) {
            continue;
        }
        let reason = if conflicted.contains(&pair) {
            "conflict of interest".to_owned()
        } else if !evaluated_ids.contains(&a.proposal) {
            "proposal no longer evaluated".to_owned()
        } else if !active_reviewers.contains(&a.reviewer) {
            "reviewer withdrawn".to_owned()
        } else {
            "moved by the assignment run".to_owned()
        };
        ended.entry(reason).or_default().push(a.id);
    }
    let added: Vec<(i64, i64)> = chosen.difference(&current).copied().collect();
    let removed: usize = ended.values().map(Vec::len).sum();
    run.kept = chosen.intersection(&current).count();
    run.changed = removed;
    q::insert_conflicts(tx, &detected, now).await?;
    let report = json!({
        "why": why,
        "run": &run,
        "added": added.len(),
        "removed": removed,
    })
    .to_string();
    let (_, number) =
        q::insert_run(tx, cycle.id, by, &run.method, run.objective, &report, now).await?;
    run.run_number = number;
    for (reason, ids) in &ended {
        q::deactivate_assignments(tx, ids, &format!("run {number}: {reason}"), now).await?;
    }
    q::insert_assignments(tx, &added, number, now).await?;
    sync_engagement(tx, cycle, &pool, actor, now).await?;
    audit::record(
        tx,
        actor,
        AuditEntry {
            forum: Some(forum.id),
            action: "review.assign",
            entity_type: "cycle",
            entity_id: cycle.id.to_string(),
            before: None,
            after: Some(
                json!({
                    "year": cycle.year,
                    "run": number,
                    "why": why,
                    "fresh": fresh,
                    "proposals": run.proposals,
                    "reviewers": run.reviewers,
                    "reviews": run.reviews,
                    "objective": run.objective,
                    "method": run.method,
                    "kept": run.kept,
                    "changed": run.changed,
                    "added": added.len(),
                    "removed": removed,
                    "detected_conflicts": run.detected_conflicts,
                })
                .to_string(),
            ),
        },
        now,
    )
    .await?;
    Ok(run)
}
