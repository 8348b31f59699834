//! Stage 2 of the yearly cycle: the reviewer pool, conflicts of interest, the assignment of
//! reviewers to proposals, anonymised reviewing and the synthesis of the scores, as
//! use-cases over `plenary_domain::calls::review`, `plenary_solver::assign` and
//! `plenary_db::calls::reviews`.
//!
//! Main items: the secretariat's `pool`, `seed_pool` (current members of the advisory body
//! with accounts), `add_reviewer`, `withdraw_reviewer`, `run_assignment` and `progress`; the
//! reviewer's `queue`, `review_view` (the anonymised proposal with their review),
//! `save_review` (draft or submit) and `declare_conflict`; `synthesis` (rankings per
//! evaluation group with raw and normalised means, merge suggestions).
//!
//! Invariants:
//! - The proposals evaluated are the submitted ones whose screening (with the secretariat's
//!   override) passed, of a session type the cycle's `EvaluationSetup` evaluates.
//! - A reviewer reads or scores a proposal only while in the pool, not withdrawn, actively
//!   assigned to it and without a conflict of interest; any other attempt is refused with
//!   `Forbidden` and recorded as a `review.denied` audit event (committed on its own, since
//!   the refused action's transaction is rolled back).
//! - What a reviewer sees never names the submitter or the people listed, nor their e-mails
//!   or organisations, unless the set-up shows the proposer's identity.
//! - Nothing is deleted: a withdrawn reviewer is marked, a conflict or a new assignment run
//!   deactivates an assignment with its reason, and a later run may give the pair back.
//! - A review counts (synthesis, progress, engagement) when it is submitted and its reviewer
//!   has no conflict with the proposal, whether or not the assignment is still active: a
//!   reviewer who withdraws after submitting keeps the work done.
//! - Every change is audited; reviews feed the engagement record of a reviewer who holds a
//!   seat of the advisory body (`reviews_assigned`, `reviews_done` for the cycle's year).

mod assign;
mod synthesis;

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

use plenary_db::Tx;
use plenary_db::calls::proposals::{self as pq, ProposalRow};
use plenary_db::calls::reviews::{
    self as q, AssignmentRow, ConflictRow, NewConflict, NewReviewer, ReviewContent, ReviewRow,
    ReviewerRow,
};
use plenary_domain::audit::{Actor, AuditEntry};
use plenary_domain::calls::normalise_words;
use plenary_domain::calls::review::{
    ConflictReason, EvaluationSetup, ReviewInput, check_review, format_score,
};
use plenary_domain::countries::{Country, DevelopmentStatus, UnRegionalGroup};
use plenary_domain::forums::Forum;
use plenary_domain::permissions::{Permission, Principal, authorize};
use plenary_domain::{FieldError, ForumId, Timestamp};
use serde::Serialize;
use serde_json::json;

pub(crate) use synthesis::synthesis_in;
pub use synthesis::{
    GroupRanking, MergeLine, ReviewerNorm, SynthesisLine, SynthesisReport, synthesis,
    synthesis_as_operator,
};

use super::cycles::{self, Cycle};
use super::proposals::{ScreeningStatus, country_regions, show_in_zone};
use super::screening::BODY_SLUG;
use crate::accounts::Viewer;
use crate::{ActionError, App, audit, forums};

// ---------------------------------------------------------------------------------------------
// Types
// ---------------------------------------------------------------------------------------------

/// One reviewer of the pool, as the secretariat sees it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ReviewerLine {
    pub id: i64,
    pub email: String,
    pub name: String,
    pub organisation: String,
    pub stakeholder_group: String,
    pub country_iso2: String,
    /// UN regional group code (`none` when unknown).
    pub region: String,
    /// Evaluation group codes (empty: any group).
    pub groups: Vec<String>,
    /// Issue-area codes the reviewer knows best.
    pub expertise: Vec<String>,
    pub load_cap: u32,
    pub withdrawn: bool,
    /// Proposals assigned (active assignments, plus submitted reviews of earlier ones).
    pub assigned: usize,
    pub submitted: usize,
    pub drafts: usize,
    /// Proposals the reviewer has a conflict of interest with.
    pub conflicts: usize,
}

/// A reviewer to add to the pool (or whose profile to change), as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ReviewerInput {
    /// The e-mail of an existing account.
    pub email: String,
    /// Evaluation group codes; empty: any group.
    pub groups: Vec<String>,
    /// Issue-area codes.
    pub expertise: Vec<String>,
    /// `None`: the set-up's load cap.
    pub load_cap: Option<u32>,
}

/// The outcome of an assignment run. `infeasible` non-empty means nothing was stored and
/// says why (which proposals, which side is short).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct AssignmentRun {
    pub cycle_year: i32,
    /// Proposals evaluated.
    pub proposals: usize,
    /// Reviewers in the pool and not withdrawn.
    pub reviewers: usize,
    /// Assignments (proposal, reviewer pairs) after the run.
    pub reviews: usize,
    pub objective: i64,
    pub affinity_matches: usize,
    /// Assignments of before the run that stay.
    pub kept: usize,
    /// Assignments of before the run that the run changed.
    pub changed: usize,
    pub method: String,
    /// False only when the integer programme was too large and a repaired flow solution
    /// is used (the explanation gives the bound on the gap).
    pub proven_optimal: bool,
    pub solve_ms: u64,
    /// Reviewer–proposal pairs with a conflict detected from the proposals.
    pub detected_conflicts: usize,
    /// Proposals whose reviewers span fewer stakeholder groups or regions than wanted.
    pub shortfalls: Vec<String>,
    pub infeasible: Vec<String>,
    /// (reviewer name, proposals), in the pool's order.
    pub loads: Vec<(String, u32)>,
    /// The stored run's number (0 when nothing was stored).
    pub run_number: i64,
    /// Whether the run ignored the current assignments.
    pub fresh: bool,
    /// The solver's summary, one sentence a line.
    pub explanation: Vec<String>,
}

/// One conflict of interest of a reviewer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ConflictLine {
    pub number: u32,
    pub title: String,
    /// A `ConflictReason` code.
    pub reason: String,
    /// `declared` or `detected`.
    pub source: String,
    pub detail: String,
}

/// One proposal of a reviewer's queue.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct QueueItem {
    pub number: u32,
    pub title: String,
    pub issue_area: String,
    pub session_type: String,
    /// `todo`, `draft` or `submitted`.
    pub state: String,
    /// The review's overall score, once scored.
    pub score: Option<f64>,
}

/// A reviewer's queue: the proposals assigned to them, their progress and conflicts.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Queue {
    pub cycle_year: i32,
    /// When reviews are due, in the venue's time zone.
    pub due: String,
    /// Whether reviews may still be changed.
    pub open: bool,
    pub items: Vec<QueueItem>,
    pub submitted: usize,
    pub total: usize,
    pub conflicts: Vec<ConflictLine>,
    #[serde(skip)]
    pub setup: EvaluationSetup,
}

/// A person listed on a proposal, as a reviewer sees them: no name, e-mail or organisation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AnonymisedPerson {
    pub role: String,
    pub stakeholder_group: String,
    /// UN regional group code.
    pub region: String,
    pub gender: String,
    pub onsite: bool,
}

/// A review as its reviewer sees it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ReviewView {
    /// (score code, score) as given.
    pub scores: Vec<(String, u32)>,
    pub overall: Option<f64>,
    pub reasons: Vec<String>,
    pub comment: String,
    pub merge_candidate: bool,
    pub merge_with: Vec<u32>,
    /// `draft` or `submitted`.
    pub state: String,
    /// RFC 3339, UTC.
    pub updated_at: String,
}

/// A proposal as its reviewer sees it: the content without who proposed it, the flags the
/// set-up shows, and the reviewer's own review.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AnonymisedProposal {
    pub number: u32,
    pub title: String,
    pub session_type: String,
    pub format: String,
    pub duration_min: u32,
    pub issue_area: String,
    pub description: String,
    pub policy_questions: String,
    pub interaction_plan: String,
    pub online_plan: String,
    pub expected_outcomes: String,
    pub language: String,
    pub people: Vec<AnonymisedPerson>,
    /// Whether the submitter's country is a developing one (`None`: not shown).
    pub developing_country: Option<bool>,
    /// Whether the submitter proposed nothing in earlier cycles (`None`: not shown).
    pub first_time: Option<bool>,
    /// The submitter's name and organisation, only when the set-up shows identities.
    pub proposer: Option<String>,
    pub review: Option<ReviewView>,
    /// Whether the review may still be changed.
    pub open: bool,
    #[serde(skip)]
    pub setup: EvaluationSetup,
}

/// The review form as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ReviewForm {
    /// (score code, score as typed); an empty score is not given yet.
    pub scores: Vec<(String, String)>,
    /// Standard reason codes.
    pub reasons: Vec<String>,
    pub comment: String,
    pub merge_candidate: bool,
    /// Proposal numbers separated by commas or spaces (`12, 40`).
    pub merge_with: String,
    /// Submit (every score and the reasons required); otherwise a draft. A submitted
    /// review stays submitted when saved again.
    pub submit: bool,
}

/// One reviewer's progress, for the secretariat.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ProgressLine {
    pub reviewer: i64,
    pub name: String,
    pub stakeholder_group: String,
    pub region: String,
    pub assigned: usize,
    pub submitted: usize,
    pub drafts: usize,
    pub conflicts: usize,
    pub withdrawn: bool,
}

/// The evaluation's progress, for the secretariat.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Progress {
    pub cycle_year: i32,
    pub lines: Vec<ProgressLine>,
    pub assigned: usize,
    pub submitted: usize,
    /// Proposals evaluated.
    pub proposals: usize,
    /// Proposals with as many counted reviews as the set-up asks.
    pub proposals_complete: usize,
    /// The latest assignment run, in words.
    pub last_run: Option<String>,
}

// ---------------------------------------------------------------------------------------------
// Shared helpers
// ---------------------------------------------------------------------------------------------

/// The forum, the viewer's roles and the cycle, once `permission` is granted.
struct Scope {
    forum: Forum,
    principal: Principal,
    cycle: Cycle,
}

async fn scope(
    tx: &mut Tx,
    viewer: &Viewer,
    forum_slug: &str,
    year: i32,
    permission: Permission,
) -> Result<Scope, ActionError> {
    let (forum, principal) = forums::forum_and_principal(tx, viewer, forum_slug).await?;
    authorize(&principal, permission)?;
    let cycle = cycles::load(tx, &forum, year).await?;
    Ok(Scope {
        forum,
        principal,
        cycle,
    })
}

/// Codes as stored: comma-separated.
fn join_codes(codes: &[String]) -> String {
    codes.join(",")
}

/// Codes from stored or typed text: separated by commas or white space, empty ones dropped.
fn split_codes(text: &str) -> Vec<String> {
    text.split(|c: char| c == ',' || c.is_whitespace())
        .map(str::trim)
        .filter(|c| !c.is_empty())
        .map(str::to_owned)
        .collect()
}

/// Scores as stored: `code=score` separated by commas.
pub(crate) fn scores_text(scores: &[(String, u32)]) -> String {
    scores
        .iter()
        .map(|(code, score)| format!("{code}={score}"))
        .collect::<Vec<_>>()
        .join(",")
}

fn stored_scores(text: &str) -> Vec<(String, u32)> {
    text.split(',')
        .filter_map(|pair| {
            let (code, score) = pair.split_once('=')?;
            Some((code.trim().to_owned(), score.trim().parse().ok()?))
        })
        .collect()
}

fn stored_numbers(text: &str) -> Vec<u32> {
    split_codes(text)
        .iter()
        .filter_map(|n| n.parse().ok())
        .collect()
}

fn number_of(row: &ProposalRow) -> u32 {
    u32::try_from(row.number).unwrap_or(0)
}

fn to_u32(n: i64) -> u32 {
    u32::try_from(n).unwrap_or(0)
}

/// Whether a proposal is evaluated: submitted, passed screening (the override counts) and
/// of an evaluated session type.
pub(crate) fn is_evaluated(setup: &EvaluationSetup, row: &ProposalRow) -> bool {
    row.status == "submitted"
        && row.effective_screening() == ScreeningStatus::Pass.code()
        && setup.evaluates(&row.content.session_type)
}

/// Whether a country counts as developing: the UN WESP status, or an LDC, LLDC or SIDS.
fn is_developing(country: &Country) -> bool {
    country.development_status == Some(DevelopmentStatus::Developing)
        || country.ldc
        || country.lldc
        || country.sids
}

/// Each known country's "developing" flag, by ISO alpha-2.
async fn developing_countries(tx: &mut Tx) -> Result<HashMap<String, bool>, ActionError> {
    Ok(plenary_db::countries::all_countries(tx)
        .await?
        .into_iter()
        .map(|c| {
            let developing = is_developing(&c);
            (c.iso2, developing)
        })
        .collect())
}

/// Who proposed in the forum's earlier cycles: e-mails (lower case) and organisations
/// (`normalise_words`).
struct EarlierProposers {
    emails: HashSet<String>,
    organisations: HashSet<String>,
}

impl EarlierProposers {
    async fn load(tx: &mut Tx, forum: ForumId, year: i32) -> Result<EarlierProposers, ActionError> {
        let mut emails = HashSet::new();
        let mut organisations = HashSet::new();
        for p in q::earlier_proposers(tx, forum.0, i64::from(year)).await? {
            emails.insert(p.email.trim().to_lowercase());
            let org = normalise_words(&p.organisation);
            if !org.is_empty() {
                organisations.insert(org);
            }
        }
        Ok(EarlierProposers {
            emails,
            organisations,
        })
    }

    /// Whether the proposal's submitter (by account e-mail or organisation) is new.
    fn first_time(&self, row: &ProposalRow) -> bool {
        let email = row.submitter_email.trim().to_lowercase();
        let org = normalise_words(&row.content.submitter_organisation);
        !(self.emails.contains(&email) || (!org.is_empty() && self.organisations.contains(&org)))
    }
}

/// What counts per reviewer and per proposal, from a cycle's assignments, reviews and
/// conflicts (see the module's invariants).
#[derive(Debug, Default)]
struct Tally {
    /// (reviewer, proposal) pairs with a conflict.
    conflicted: BTreeSet<(i64, i64)>,
    per_reviewer: HashMap<i64, ReviewerTally>,
    /// Counted (submitted, not conflicted) reviews per proposal.
    counted_per_proposal: HashMap<i64, usize>,
}

#[derive(Debug, Default, Clone, Copy)]
struct ReviewerTally {
    assigned: usize,
    submitted: usize,
    drafts: usize,
    conflicts: usize,
}

impl Tally {
    async fn load(tx: &mut Tx, cycle: i64) -> Result<Tally, ActionError> {
        let assignments = q::active_assignments(tx, cycle).await?;
        let reviews = q::reviews_of_cycle(tx, cycle).await?;
        let conflicts = q::conflicts_of_cycle(tx, cycle).await?;
        Ok(Tally::of(&assignments, &reviews, &conflicts))
    }

    fn of(
        assignments: &[AssignmentRow],
        reviews: &[ReviewRow],
        conflicts: &[ConflictRow],
    ) -> Tally {
        let mut tally = Tally::default();
        for c in conflicts {
            tally.conflicted.insert((c.reviewer, c.proposal));
        }
        for (reviewer, _) in &tally.conflicted {
            tally.per_reviewer.entry(*reviewer).or_default().conflicts += 1;
        }
        let active: BTreeSet<(i64, i64)> = assignments
            .iter()
            .filter(|a| a.active)
            .map(|a| (a.reviewer, a.proposal))
            .collect();
        let mut work: BTreeSet<(i64, i64)> = active.clone();
        for r in reviews {
            let pair = (r.reviewer, r.proposal);
            if counts(r, &tally.conflicted) {
                work.insert(pair);
                tally.per_reviewer.entry(r.reviewer).or_default().submitted += 1;
                *tally.counted_per_proposal.entry(r.proposal).or_default() += 1;
            } else if r.content.state == "draft" && active.contains(&pair) {
                tally.per_reviewer.entry(r.reviewer).or_default().drafts += 1;
            }
        }
        for (reviewer, _) in work {
            tally.per_reviewer.entry(reviewer).or_default().assigned += 1;
        }
        tally
    }

    fn of_reviewer(&self, reviewer: i64) -> ReviewerTally {
        self.per_reviewer
            .get(&reviewer)
            .copied()
            .unwrap_or_default()
    }
}

/// Whether a review counts: submitted, scored, and its reviewer has no conflict with the
/// proposal.
fn counts(review: &ReviewRow, conflicted: &BTreeSet<(i64, i64)>) -> bool {
    review.content.state == "submitted"
        && review.content.overall.is_some()
        && !conflicted.contains(&(review.reviewer, review.proposal))
}

/// Brings the engagement records of the pool's members of the advisory body up to date
/// (`reviews_assigned`, `reviews_done` for the cycle's year; other fields kept).
pub(crate) async fn sync_engagement(
    tx: &mut Tx,
    cycle: &Cycle,
    pool: &[ReviewerRow],
    actor: &Actor,
    now: Timestamp,
) -> Result<(), ActionError> {
    if pool.iter().all(|r| r.membership.is_none()) {
        return Ok(());
    }
    let tally = Tally::load(tx, cycle.id).await?;
    for reviewer in pool {
        let Some(membership) = reviewer.membership else {
            continue;
        };
        let counts = tally.of_reviewer(reviewer.id);
        let year = i64::from(cycle.year);
        let existing = plenary_db::bodies::engagement_of_membership(tx, membership, year).await?;
        let assigned = i64::try_from(counts.assigned).unwrap_or(i64::MAX);
        let done = i64::try_from(counts.submitted).unwrap_or(i64::MAX);
        let mut record = existing
            .clone()
            .unwrap_or(plenary_db::bodies::EngagementRow {
                membership,
                cycle_year: year,
                meetings_attended: 0,
                meetings_held: 0,
                reviews_done: 0,
                reviews_assigned: 0,
                working_groups: 0,
                note: String::new(),
                recorded_by: String::new(),
                recorded_at: now,
            });
        if existing.is_some() && record.reviews_assigned == assigned && record.reviews_done == done
        {
            continue;
        }
        if existing.is_none() && assigned == 0 && done == 0 {
            continue;
        }
        record.reviews_assigned = assigned;
        record.reviews_done = done;
        record.recorded_by = actor.label();
        record.recorded_at = now;
        plenary_db::bodies::upsert_engagement(tx, &record).await?;
    }
    Ok(())
}

/// The name people read for an actor: the viewer's display name, or the operator label.
fn actor_name(viewer: Option<&Viewer>, actor: &Actor) -> String {
    viewer
        .and_then(|v| v.account.as_ref())
        .map_or_else(|| actor.label(), |a| a.display_name.as_str().to_owned())
}

fn region_code(regions: &BTreeMap<String, UnRegionalGroup>, iso2: &str) -> String {
    regions
        .get(iso2)
        .copied()
        .unwrap_or(UnRegionalGroup::None)
        .code()
        .to_owned()
}

fn reviewer_line(row: &ReviewerRow, tally: &Tally) -> ReviewerLine {
    let counts = tally.of_reviewer(row.id);
    ReviewerLine {
        id: row.id,
        email: row.email.clone(),
        name: row.name.clone(),
        organisation: row.organisation.clone(),
        stakeholder_group: row.stakeholder_group.clone(),
        country_iso2: row.country_iso2.clone(),
        region: row.region.clone(),
        groups: split_codes(&row.groups),
        expertise: split_codes(&row.expertise),
        load_cap: to_u32(row.load_cap),
        withdrawn: row.withdrawn_at.is_some(),
        assigned: counts.assigned,
        submitted: counts.submitted,
        drafts: counts.drafts,
        conflicts: counts.conflicts,
    }
}

// ---------------------------------------------------------------------------------------------
// The pool (secretariat)
// ---------------------------------------------------------------------------------------------

/// The cycle's reviewer pool with each reviewer's progress (`ManageCalls`).
pub async fn pool(
    app: &App,
    viewer: &Viewer,
    forum_slug: &str,
    year: i32,
) -> Result<Vec<ReviewerLine>, ActionError> {
    let mut tx = app.db().read().await?;
    let s = scope(&mut tx, viewer, forum_slug, year, Permission::ManageCalls).await?;
    let rows = q::reviewers_of_cycle(&mut tx, s.cycle.id).await?;
    let tally = Tally::load(&mut tx, s.cycle.id).await?;
    tx.commit().await?;
    Ok(rows.iter().map(|r| reviewer_line(r, &tally)).collect())
}

/// `pool` for operators (CLI).
pub async fn pool_as_operator(
    app: &App,
    forum_slug: &str,
    year: i32,
) -> Result<Vec<ReviewerLine>, ActionError> {
    let mut tx = app.db().read().await?;
    let (forum, _) = forums::forum_and_principal(&mut tx, &Viewer::anonymous(), forum_slug).await?;
    let cycle = cycles::load(&mut tx, &forum, year).await?;
    let rows = q::reviewers_of_cycle(&mut tx, cycle.id).await?;
    let tally = Tally::load(&mut tx, cycle.id).await?;
    tx.commit().await?;
    Ok(rows.iter().map(|r| reviewer_line(r, &tally)).collect())
}

/// Adds the current members of the advisory body (`mag`) who have an account to the pool
/// (`ManageCalls`); members already in it are left as they are. Returns how many were added.
pub async fn seed_pool(
    app: &App,
    viewer: &Viewer,
    forum_slug: &str,
    year: i32,
) -> Result<usize, ActionError> {
    let now = app.now();
    let mut tx = app.db().begin().await?;
    let s = scope(&mut tx, viewer, forum_slug, year, Permission::ManageCalls).await?;
    let actor = viewer.actor();
    let by = actor_name(Some(viewer), &actor);
    let added = seed(&mut tx, &actor, &by, &s.forum, &s.cycle, now).await?;
    tx.commit().await?;
    Ok(added)
}

/// `seed_pool` for operators (CLI, demo loader).
pub async fn seed_pool_as_operator(
    app: &App,
    actor: &Actor,
    forum_slug: &str,
    year: i32,
) -> Result<usize, ActionError> {
    let now = app.now();
    let mut tx = app.db().begin().await?;
    let (forum, _) = forums::forum_and_principal(&mut tx, &Viewer::anonymous(), forum_slug).await?;
    let cycle = cycles::load(&mut tx, &forum, year).await?;
    let added = seed(&mut tx, actor, &actor.label(), &forum, &cycle, now).await?;
    tx.commit().await?;
    Ok(added)
}

async fn seed(
    tx: &mut Tx,
    actor: &Actor,
    by: &str,
    forum: &Forum,
    cycle: &Cycle,
    now: Timestamp,
) -> Result<usize, ActionError> {
    let body = plenary_db::bodies::body_by_slug(tx, forum.id, BODY_SLUG)
        .await?
        .ok_or_else(|| ActionError::Rule {
            code: "no_body",
            message: format!(
                "the forum has no body {BODY_SLUG:?} to take reviewers from; add reviewers one by one"
            ),
        })?;
    let members = q::member_accounts(tx, body.id, now).await?;
    let regions = country_regions(tx).await?;
    let setup = &cycle.setup.evaluation;
    let new: Vec<NewReviewer> = members
        .iter()
        .map(|m| {
            let country = m.country_iso2.clone().unwrap_or_default();
            NewReviewer {
                cycle: cycle.id,
                account: m.account,
                membership: Some(m.membership),
                name: m.name.clone(),
                organisation: m.organisation.clone().unwrap_or_default(),
                stakeholder_group: m.stakeholder_group.clone(),
                region: region_code(&regions, &country),
                country_iso2: country,
                groups: String::new(),
                expertise: String::new(),
                load_cap: i64::from(setup.load_cap),
            }
        })
        .collect();
    let added = q::insert_reviewers(tx, &new, by, now).await?;
    audit::record(
        tx,
        actor,
        AuditEntry {
            forum: Some(forum.id),
            action: "review.pool_seed",
            entity_type: "cycle",
            entity_id: cycle.id.to_string(),
            before: None,
            after: Some(
                json!({
                    "year": cycle.year,
                    "body": BODY_SLUG,
                    "members_with_accounts": members.len(),
                    "added": added,
                })
                .to_string(),
            ),
        },
        now,
    )
    .await?;
    Ok(usize::try_from(added).unwrap_or(0))
}

/// The most proposals a load cap may allow.
pub const MAX_LOAD_CAP: u32 = 1_000;

/// Checks a reviewer's groups, expertise and load cap against the set-up.
fn check_reviewer_input(
    setup: &EvaluationSetup,
    cycle: &Cycle,
    input: &ReviewerInput,
) -> Result<(Vec<String>, Vec<String>, u32), ActionError> {
    let groups: Vec<String> = input.groups.iter().flat_map(|g| split_codes(g)).collect();
    for g in &groups {
        if !setup.groups.iter().any(|known| &known.code == g) {
            return Err(FieldError::new(
                "groups",
                "unknown_group",
                format!(
                    "{g:?} is not an evaluation group of this cycle; use {}",
                    setup
                        .groups
                        .iter()
                        .map(|g| g.code.as_str())
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            )
            .into());
        }
    }
    let expertise: Vec<String> = input
        .expertise
        .iter()
        .flat_map(|e| split_codes(e))
        .collect();
    for e in &expertise {
        if cycle.setup.issue_area(e).is_none() {
            return Err(FieldError::new(
                "expertise",
                "unknown_issue_area",
                format!("{e:?} is not an issue area of this cycle"),
            )
            .into());
        }
    }
    let load_cap = input.load_cap.unwrap_or(setup.load_cap);
    if load_cap > MAX_LOAD_CAP {
        return Err(FieldError::new(
            "load_cap",
            "out_of_range",
            format!("a load cap from 0 to {MAX_LOAD_CAP}"),
        )
        .into());
    }
    Ok((dedup(groups), dedup(expertise), load_cap))
}

fn dedup(codes: Vec<String>) -> Vec<String> {
    let mut seen = BTreeSet::new();
    codes
        .into_iter()
        .filter(|c| seen.insert(c.clone()))
        .collect()
}

/// Adds the account with `input.email` to the pool (`ManageCalls`), or changes the groups,
/// expertise and load cap of a reviewer already in it. A current member of the advisory
/// body is linked to their seat (stakeholder group and country from it); anyone else takes
/// the country of their profile and no stakeholder group. Returns the reviewer's id.
pub async fn add_reviewer(
    app: &App,
    viewer: &Viewer,
    forum_slug: &str,
    year: i32,
    input: ReviewerInput,
) -> Result<i64, ActionError> {
    let now = app.now();
    let mut tx = app.db().begin().await?;
    let s = scope(&mut tx, viewer, forum_slug, year, Permission::ManageCalls).await?;
    let setup = &s.cycle.setup.evaluation;
    let (groups, expertise, load_cap) = check_reviewer_input(setup, &s.cycle, &input)?;
    let email = input.email.trim();
    let account = plenary_db::accounts::account_by_email(&mut tx, email)
        .await?
        .ok_or_else(|| {
            FieldError::new(
                "email",
                "unknown_account",
                format!("no account has the e-mail address {email:?}"),
            )
        })?;
    let account_id = account.account.id.0;
    let actor = viewer.actor();
    if let Some(existing) = q::reviewer_of_account(&mut tx, s.cycle.id, account_id).await? {
        if existing.withdrawn_at.is_some() {
            return Err(ActionError::Rule {
                code: "reviewer_withdrawn",
                message: format!("{} has withdrawn from this evaluation", existing.name),
            });
        }
        q::update_reviewer(
            &mut tx,
            existing.id,
            &join_codes(&groups),
            &join_codes(&expertise),
            i64::from(load_cap),
        )
        .await?;
        audit::record(
            &mut tx,
            &actor,
            AuditEntry {
                forum: Some(s.forum.id),
                action: "review.reviewer_update",
                entity_type: "reviewer",
                entity_id: existing.id.to_string(),
                before: Some(
                    json!({
                        "groups": existing.groups,
                        "expertise": existing.expertise,
                        "load_cap": existing.load_cap,
                    })
                    .to_string(),
                ),
                after: Some(
                    json!({
                        "groups": join_codes(&groups),
                        "expertise": join_codes(&expertise),
                        "load_cap": load_cap,
                    })
                    .to_string(),
                ),
            },
            now,
        )
        .await?;
        tx.commit().await?;
        return Ok(existing.id);
    }
    let regions = country_regions(&mut tx).await?;
    let member = match plenary_db::bodies::body_by_slug(&mut tx, s.forum.id, BODY_SLUG).await? {
        Some(body) => q::member_accounts(&mut tx, body.id, now)
            .await?
            .into_iter()
            .find(|m| m.account == account_id),
        None => None,
    };
    let profile = q::account_profile(&mut tx, account_id)
        .await?
        .ok_or(ActionError::NotFound)?;
    let (membership, stakeholder_group, country) = match &member {
        Some(m) => (
            Some(m.membership),
            m.stakeholder_group.clone(),
            m.country_iso2.clone().unwrap_or_default(),
        ),
        None => (
            None,
            String::new(),
            profile.country_iso2.clone().unwrap_or_default(),
        ),
    };
    let new = NewReviewer {
        cycle: s.cycle.id,
        account: account_id,
        membership,
        name: profile.name.clone(),
        organisation: profile.organisation.clone().unwrap_or_default(),
        stakeholder_group,
        region: region_code(&regions, &country),
        country_iso2: country,
        groups: join_codes(&groups),
        expertise: join_codes(&expertise),
        load_cap: i64::from(load_cap),
    };
    let by = actor_name(Some(viewer), &actor);
    let id = q::insert_reviewer(&mut tx, &new, &by, now).await?;
    audit::record(
        &mut tx,
        &actor,
        AuditEntry {
            forum: Some(s.forum.id),
            action: "review.reviewer_add",
            entity_type: "reviewer",
            entity_id: id.to_string(),
            before: None,
            after: Some(
                json!({
                    "year": s.cycle.year,
                    "account": account_id,
                    "membership": membership,
                    "groups": new.groups,
                    "expertise": new.expertise,
                    "load_cap": load_cap,
                })
                .to_string(),
            ),
        },
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(id)
}

/// Withdraws a reviewer from the pool with a reason (`ManageCalls`): their active
/// assignments end (their submitted reviews still count) and the assignment runs again,
/// keeping every other pair, so each of their proposals gets a replacement. The withdrawal
/// stands even when no replacement exists; the run then says why (`infeasible`).
pub async fn withdraw_reviewer(
    app: &App,
    viewer: &Viewer,
    forum_slug: &str,
    year: i32,
    reviewer: i64,
    reason: &str,
) -> Result<AssignmentRun, ActionError> {
    let now = app.now();
    let reason = reason.trim();
    if reason.is_empty() || reason.chars().count() > 500 {
        return Err(FieldError::new(
            "reason",
            "required",
            "say why the reviewer withdraws (1 to 500 characters)",
        )
        .into());
    }
    let mut tx = app.db().begin().await?;
    let s = scope(&mut tx, viewer, forum_slug, year, Permission::ManageCalls).await?;
    let row = q::reviewer(&mut tx, reviewer)
        .await?
        .filter(|r| r.cycle == s.cycle.id)
        .ok_or(ActionError::NotFound)?;
    if row.withdrawn_at.is_some() {
        return Err(ActionError::Rule {
            code: "reviewer_withdrawn",
            message: format!("{} has already withdrawn", row.name),
        });
    }
    q::withdraw_reviewer(&mut tx, reviewer, reason, now).await?;
    let ended: Vec<i64> = q::active_assignments_of_reviewer(&mut tx, reviewer)
        .await?
        .iter()
        .map(|a| a.id)
        .collect();
    let actor = viewer.actor();
    let by = actor_name(Some(viewer), &actor);
    // The run ends the withdrawn reviewer's assignments and replaces them; when it cannot,
    // they end all the same.
    let run = assign::run(
        &mut tx,
        &s.forum,
        &s.cycle,
        &actor,
        &by,
        false,
        "reviewer withdrawn",
        now,
    )
    .await?;
    if !run.infeasible.is_empty() {
        q::deactivate_assignments(
            &mut tx,
            &ended,
            &format!("reviewer withdrawn: {reason}"),
            now,
        )
        .await?;
        let pool = q::reviewers_of_cycle(&mut tx, s.cycle.id).await?;
        sync_engagement(&mut tx, &s.cycle, &pool, &actor, now).await?;
    }
    audit::record(
        &mut tx,
        &actor,
        AuditEntry {
            forum: Some(s.forum.id),
            action: "review.reviewer_withdraw",
            entity_type: "reviewer",
            entity_id: reviewer.to_string(),
            before: None,
            after: Some(
                json!({
                    "year": s.cycle.year,
                    "reason": reason,
                    "assignments_ended": ended.len(),
                    "reassigned": run.infeasible.is_empty(),
                    "infeasible": run.infeasible,
                })
                .to_string(),
            ),
        },
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(run)
}

// ---------------------------------------------------------------------------------------------
// Assignment runs
// ---------------------------------------------------------------------------------------------

/// Assigns reviewers to every evaluated proposal (`ManageCalls`): detects conflicts of
/// interest from the proposals and stores them, then solves the assignment, keeping the
/// current pairs where it can (unless `fresh`), and stores the new pairs with the run. When
/// no assignment exists, stores nothing and returns why (`AssignmentRun::infeasible`).
pub async fn run_assignment(
    app: &App,
    viewer: &Viewer,
    forum_slug: &str,
    year: i32,
    fresh: bool,
) -> Result<AssignmentRun, ActionError> {
    let now = app.now();
    let mut tx = app.db().begin().await?;
    let s = scope(&mut tx, viewer, forum_slug, year, Permission::ManageCalls).await?;
    let actor = viewer.actor();
    let by = actor_name(Some(viewer), &actor);
    let why = if fresh { "fresh run" } else { "run" };
    let run = assign::run(&mut tx, &s.forum, &s.cycle, &actor, &by, fresh, why, now).await?;
    tx.commit().await?;
    Ok(run)
}

/// `run_assignment` for operators (`plenary assign`, the demo loader).
pub async fn run_assignment_as_operator(
    app: &App,
    actor: &Actor,
    forum_slug: &str,
    year: i32,
    fresh: bool,
) -> Result<AssignmentRun, ActionError> {
    let now = app.now();
    let mut tx = app.db().begin().await?;
    let (forum, _) = forums::forum_and_principal(&mut tx, &Viewer::anonymous(), forum_slug).await?;
    let cycle = cycles::load(&mut tx, &forum, year).await?;
    let why = if fresh { "fresh run" } else { "run" };
    let run = assign::run(
        &mut tx,
        &forum,
        &cycle,
        actor,
        &actor.label(),
        fresh,
        why,
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(run)
}

// ---------------------------------------------------------------------------------------------
// The reviewer's side
// ---------------------------------------------------------------------------------------------

/// The viewer's reviewer row in the cycle, if they are in the pool and not withdrawn.
async fn active_reviewer(
    tx: &mut Tx,
    viewer: &Viewer,
    cycle: &Cycle,
) -> Result<Option<ReviewerRow>, ActionError> {
    let account = viewer.require_account()?;
    Ok(q::reviewer_of_account(tx, cycle.id, account.id.0)
        .await?
        .filter(|r| r.withdrawn_at.is_none()))
}

fn conflict_line(c: &ConflictRow) -> ConflictLine {
    ConflictLine {
        number: to_u32(c.proposal_number),
        title: c.proposal_title.clone(),
        reason: c.reason.clone(),
        source: c.source.clone(),
        detail: c.detail.clone(),
    }
}

/// The viewer's queue (`Review`, and in the pool): the proposals assigned to them with the
/// state of each review, and their conflicts.
pub async fn queue(
    app: &App,
    viewer: &Viewer,
    forum_slug: &str,
    year: i32,
) -> Result<Queue, ActionError> {
    viewer.require_account()?;
    let mut tx = app.db().read().await?;
    let s = scope(&mut tx, viewer, forum_slug, year, Permission::Review).await?;
    let reviewer = active_reviewer(&mut tx, viewer, &s.cycle)
        .await?
        .ok_or(ActionError::Forbidden)?;
    let assignments = q::active_assignments_of_reviewer(&mut tx, reviewer.id).await?;
    let reviews: HashMap<i64, ReviewRow> = q::reviews_of_reviewer(&mut tx, reviewer.id)
        .await?
        .into_iter()
        .map(|r| (r.proposal, r))
        .collect();
    let conflicts = q::conflicts_of_reviewer(&mut tx, reviewer.id).await?;
    let conflicted: BTreeSet<i64> = conflicts.iter().map(|c| c.proposal).collect();
    let rows: HashMap<i64, ProposalRow> =
        pq::proposals_of_cycle(&mut tx, s.cycle.id, &pq::ProposalFilter::default())
            .await?
            .into_iter()
            .map(|p| (p.id, p))
            .collect();
    let mut items = Vec::with_capacity(assignments.len());
    for a in assignments
        .iter()
        .filter(|a| !conflicted.contains(&a.proposal))
    {
        let Some(row) = rows.get(&a.proposal) else {
            continue;
        };
        let review = reviews.get(&a.proposal);
        items.push(QueueItem {
            number: number_of(row),
            title: row.content.title.clone(),
            issue_area: row.content.issue_area.clone(),
            session_type: row.content.session_type.clone(),
            state: review.map_or_else(|| "todo".to_owned(), |r| r.content.state.clone()),
            score: review.and_then(|r| r.content.overall),
        });
    }
    tx.commit().await?;
    items.sort_by_key(|i| i.number);
    let setup = s.cycle.setup.evaluation.clone();
    let due = setup.due(&s.cycle.setup.dates);
    let submitted = items.iter().filter(|i| i.state == "submitted").count();
    Ok(Queue {
        cycle_year: s.cycle.year,
        due: show_in_zone(due, &s.cycle.setup.venue_time_zone),
        open: app.now() < due,
        total: items.len(),
        submitted,
        items,
        conflicts: conflicts.iter().map(conflict_line).collect(),
        setup,
    })
}

/// What a reviewer may act on: their pool row, the proposal and the active assignment.
struct Access {
    forum: Forum,
    cycle: Cycle,
    reviewer: ReviewerRow,
    proposal: ProposalRow,
    assignment: AssignmentRow,
}

/// Why an access check failed: an error to return as it is, or a refusal to audit.
enum Denial {
    Error(ActionError),
    Refused {
        forum: ForumId,
        proposal: Option<i64>,
        why: &'static str,
    },
}

impl From<ActionError> for Denial {
    fn from(err: ActionError) -> Denial {
        Denial::Error(err)
    }
}

impl From<plenary_db::DbError> for Denial {
    fn from(err: plenary_db::DbError) -> Denial {
        Denial::Error(err.into())
    }
}

/// Checks that the viewer may read or score proposal `number`: `Review`, in the pool, not
/// withdrawn, an active assignment, no conflict.
async fn check_access(
    tx: &mut Tx,
    viewer: &Viewer,
    forum_slug: &str,
    year: i32,
    number: u32,
) -> Result<Access, Denial> {
    let account = viewer.require_account()?.id.0;
    let (forum, principal) = forums::forum_and_principal(tx, viewer, forum_slug).await?;
    let refused = |why, proposal| Denial::Refused {
        forum: forum.id,
        proposal,
        why,
    };
    if authorize(&principal, Permission::Review).is_err() {
        return Err(refused("no_review_permission", None));
    }
    let cycle = cycles::load(tx, &forum, year).await?;
    let Some(reviewer) = q::reviewer_of_account(tx, cycle.id, account).await? else {
        return Err(refused("not_in_pool", None));
    };
    if reviewer.withdrawn_at.is_some() {
        return Err(refused("withdrawn", None));
    }
    let Some(id) = q::proposal_by_number(tx, cycle.id, i64::from(number)).await? else {
        return Err(refused("no_such_proposal", None));
    };
    let Some(proposal) = pq::proposal(tx, id).await? else {
        return Err(refused("no_such_proposal", None));
    };
    if !q::conflicts_between(tx, reviewer.id, proposal.id)
        .await?
        .is_empty()
    {
        return Err(refused("conflict", Some(proposal.id)));
    }
    let Some(assignment) = q::active_assignment(tx, reviewer.id, proposal.id).await? else {
        return Err(refused("not_assigned", Some(proposal.id)));
    };
    Ok(Access {
        forum,
        cycle,
        reviewer,
        proposal,
        assignment,
    })
}

/// Records a refused attempt to read or score a proposal, in a transaction of its own.
#[expect(
    clippy::too_many_arguments,
    reason = "every argument is a fact of the event"
)]
async fn record_denial(
    app: &App,
    viewer: &Viewer,
    forum: ForumId,
    year: i32,
    number: u32,
    proposal: Option<i64>,
    attempt: &str,
    why: &str,
) -> Result<(), ActionError> {
    let mut tx = app.db().begin().await?;
    audit::record(
        &mut tx,
        &viewer.actor(),
        AuditEntry {
            forum: Some(forum),
            action: "review.denied",
            entity_type: "proposal",
            entity_id: proposal.map_or_else(|| format!("{year}#{number}"), |id| id.to_string()),
            before: None,
            after: Some(
                json!({
                    "year": year,
                    "number": number,
                    "attempt": attempt,
                    "why": why,
                })
                .to_string(),
            ),
        },
        app.now(),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Runs `check_access` in `tx`; a refusal rolls `tx` back, is audited and becomes
/// `Forbidden`.
async fn access_or_refuse(
    app: &App,
    mut tx: Tx,
    viewer: &Viewer,
    forum_slug: &str,
    year: i32,
    number: u32,
    attempt: &str,
) -> Result<(Tx, Access), ActionError> {
    match check_access(&mut tx, viewer, forum_slug, year, number).await {
        Ok(access) => Ok((tx, access)),
        Err(Denial::Error(err)) => Err(err),
        Err(Denial::Refused {
            forum,
            proposal,
            why,
        }) => {
            tx.rollback().await?;
            record_denial(app, viewer, forum, year, number, proposal, attempt, why).await?;
            Err(ActionError::Forbidden)
        }
    }
}

fn view_of_review(row: &ReviewRow) -> ReviewView {
    ReviewView {
        scores: stored_scores(&row.content.scores),
        overall: row.content.overall,
        reasons: split_codes(&row.content.reasons),
        comment: row.content.comment.clone(),
        merge_candidate: row.content.merge_candidate,
        merge_with: stored_numbers(&row.content.merge_with),
        state: row.content.state.clone(),
        updated_at: row.updated_at.to_rfc3339_seconds(),
    }
}

/// The anonymised proposal `number` with the viewer's review (`Review`; the viewer must be
/// assigned to it and have no conflict with it, else `Forbidden`, audited).
pub async fn review_view(
    app: &App,
    viewer: &Viewer,
    forum_slug: &str,
    year: i32,
    number: u32,
) -> Result<AnonymisedProposal, ActionError> {
    viewer.require_account()?;
    let tx = app.db().read().await?;
    let (mut tx, access) =
        access_or_refuse(app, tx, viewer, forum_slug, year, number, "view").await?;
    let review = q::review_of(&mut tx, access.reviewer.id, access.proposal.id).await?;
    let regions = country_regions(&mut tx).await?;
    let setup = &access.cycle.setup.evaluation;
    let developing = if setup.visibility.developing_country {
        let country = plenary_db::countries::country_by_iso2(
            &mut tx,
            &access.proposal.content.submitter_country_iso2,
        )
        .await?;
        Some(country.is_some_and(|c| is_developing(&c)))
    } else {
        None
    };
    let first_time = if setup.visibility.first_time {
        Some(
            EarlierProposers::load(&mut tx, access.forum.id, access.cycle.year)
                .await?
                .first_time(&access.proposal),
        )
    } else {
        None
    };
    tx.commit().await?;
    let due = setup.due(&access.cycle.setup.dates);
    Ok(anonymised(
        &access.proposal,
        setup,
        &regions,
        developing,
        first_time,
        review.as_ref().map(view_of_review),
        app.now() < due,
    ))
}

fn anonymised(
    row: &ProposalRow,
    setup: &EvaluationSetup,
    regions: &BTreeMap<String, UnRegionalGroup>,
    developing_country: Option<bool>,
    first_time: Option<bool>,
    review: Option<ReviewView>,
    open: bool,
) -> AnonymisedProposal {
    let c = &row.content;
    let proposer = setup.visibility.proposer_identity.then(|| {
        if c.submitter_organisation.trim().is_empty() {
            row.submitter_name.clone()
        } else {
            format!(
                "{} ({})",
                row.submitter_name,
                c.submitter_organisation.trim()
            )
        }
    });
    AnonymisedProposal {
        number: number_of(row),
        title: c.title.clone(),
        session_type: c.session_type.clone(),
        format: c.format.clone(),
        duration_min: u32::try_from(c.duration_min).unwrap_or(0),
        issue_area: c.issue_area.clone(),
        description: c.description.clone(),
        policy_questions: c.policy_questions.clone(),
        interaction_plan: c.interaction_plan.clone(),
        online_plan: c.online_plan.clone(),
        expected_outcomes: c.expected_outcomes.clone(),
        language: c.language.clone(),
        people: row
            .people
            .iter()
            .map(|p| AnonymisedPerson {
                role: p.role.clone(),
                stakeholder_group: p.stakeholder_group.clone(),
                region: region_code(regions, &p.country_iso2),
                gender: p.gender.clone(),
                onsite: p.onsite,
            })
            .collect(),
        developing_country,
        first_time,
        proposer,
        review,
        open,
        setup: setup.clone(),
    }
}

/// The review form as the domain checks it; a score or number that is not a whole number
/// is a problem of its field.
fn parse_form(form: &ReviewForm) -> Result<ReviewInput, Vec<FieldError>> {
    let mut problems = Vec::new();
    let mut scores = Vec::new();
    for (code, raw) in &form.scores {
        let raw = raw.trim();
        if raw.is_empty() {
            continue;
        }
        match raw.parse::<u32>() {
            Ok(score) => scores.push((code.trim().to_owned(), score)),
            Err(_) => problems.push(FieldError::new(
                "scores",
                "not_a_number",
                format!(
                    "{}: {raw:?} is not a whole number on the scale",
                    code.trim()
                ),
            )),
        }
    }
    let mut merge_with = Vec::new();
    for raw in split_codes(&form.merge_with) {
        let raw = raw.trim_start_matches('#');
        match raw.parse::<u32>() {
            Ok(n) => merge_with.push(n),
            Err(_) => problems.push(FieldError::new(
                "merge_with",
                "bad_number",
                format!("{raw:?} is not a proposal number"),
            )),
        }
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    Ok(ReviewInput {
        scores,
        reasons: form
            .reasons
            .iter()
            .map(|r| r.trim().to_owned())
            .filter(|r| !r.is_empty())
            .collect(),
        comment: form.comment.trim().to_owned(),
        merge_candidate: form.merge_candidate,
        merge_with,
    })
}

/// Every problem with a review form against the set-up at once (the form page lists them;
/// `save_review` stops at the first). `submit` as the form would be saved.
pub fn review_form_problems(
    setup: &EvaluationSetup,
    form: &ReviewForm,
    submit: bool,
) -> Vec<FieldError> {
    match parse_form(form) {
        Err(problems) => problems,
        Ok(input) => check_review(setup, &input, submit)
            .err()
            .unwrap_or_default(),
    }
}

fn first_problem(mut problems: Vec<FieldError>) -> ActionError {
    if problems.is_empty() {
        ActionError::Internal(anyhow::anyhow!("a review check failed without a problem"))
    } else {
        ActionError::Invalid(problems.swap_remove(0))
    }
}

/// Saves the viewer's review of proposal `number` as a draft, or submits it (`Review`; the
/// viewer must be assigned to it and have no conflict, else `Forbidden`, audited). Scores
/// must be on the scale; a submitted score at or below the set-up's threshold needs a
/// standard reason. Editable until reviews are due; a submitted review stays submitted.
pub async fn save_review(
    app: &App,
    viewer: &Viewer,
    forum_slug: &str,
    year: i32,
    number: u32,
    form: ReviewForm,
) -> Result<ReviewView, ActionError> {
    viewer.require_account()?;
    let now = app.now();
    let tx = app.db().begin().await?;
    let (mut tx, access) =
        access_or_refuse(app, tx, viewer, forum_slug, year, number, "save").await?;
    let setup = &access.cycle.setup.evaluation;
    let due = setup.due(&access.cycle.setup.dates);
    if now >= due {
        return Err(ActionError::Rule {
            code: "reviews_closed",
            message: format!(
                "reviews were due {}; they can no longer be changed",
                show_in_zone(due, &access.cycle.setup.venue_time_zone)
            ),
        });
    }
    let before = q::review_of(&mut tx, access.reviewer.id, access.proposal.id).await?;
    let submit = form.submit
        || before
            .as_ref()
            .is_some_and(|r| r.content.state == "submitted");
    let input = parse_form(&form).map_err(first_problem)?;
    let overall = check_review(setup, &input, submit).map_err(first_problem)?;
    if input.merge_with.contains(&number) {
        return Err(FieldError::new(
            "merge_with",
            "self",
            format!("proposal {number} cannot merge with itself"),
        )
        .into());
    }
    let content = ReviewContent {
        state: if submit { "submitted" } else { "draft" }.to_owned(),
        scores: scores_text(&input.scores),
        overall,
        reasons: join_codes(&input.reasons),
        comment: input.comment.clone(),
        merge_candidate: input.merge_candidate,
        merge_with: input
            .merge_with
            .iter()
            .map(u32::to_string)
            .collect::<Vec<_>>()
            .join(","),
        submitted_at: submit.then_some(now),
    };
    let id = q::save_review(
        &mut tx,
        access.assignment.id,
        access.reviewer.id,
        access.proposal.id,
        &content,
        now,
    )
    .await?;
    let state = |c: &ReviewContent| {
        json!({
            "state": c.state,
            "scores": c.scores,
            "overall": c.overall.map(format_score),
            "reasons": c.reasons,
            "merge_candidate": c.merge_candidate,
            "merge_with": c.merge_with,
            "comment_chars": c.comment.chars().count(),
        })
        .to_string()
    };
    let actor = viewer.actor();
    audit::record(
        &mut tx,
        &actor,
        AuditEntry {
            forum: Some(access.forum.id),
            action: if submit {
                "review.submit"
            } else {
                "review.save"
            },
            entity_type: "review",
            entity_id: id.to_string(),
            before: before.as_ref().map(|r| state(&r.content)),
            after: Some(state(&content)),
        },
        now,
    )
    .await?;
    sync_engagement(
        &mut tx,
        &access.cycle,
        std::slice::from_ref(&access.reviewer),
        &actor,
        now,
    )
    .await?;
    let saved = q::review_of(&mut tx, access.reviewer.id, access.proposal.id)
        .await?
        .ok_or(ActionError::NotFound)?;
    tx.commit().await?;
    Ok(view_of_review(&saved))
}

/// Declares the viewer's conflict of interest with proposal `number` (`Review`, in the
/// pool): a declarable reason (`listed_as_speaker`, `own_employer`, `affiliated_network`,
/// `other` with a detail). Their assignment to it ends (a draft is kept but no longer
/// shown) and the assignment runs again keeping every other pair, so the proposal gets a
/// replacement; when none exists the conflict stands and the audit trail says why.
pub async fn declare_conflict(
    app: &App,
    viewer: &Viewer,
    forum_slug: &str,
    year: i32,
    number: u32,
    reason: &str,
    detail: &str,
) -> Result<(), ActionError> {
    viewer.require_account()?;
    let now = app.now();
    let reason = ConflictReason::parse_declarable(reason)?;
    let detail = detail.trim();
    if detail.chars().count() > 1000 {
        return Err(FieldError::new("detail", "too_long", "at most 1000 characters").into());
    }
    if reason == ConflictReason::Other && detail.is_empty() {
        return Err(
            FieldError::new("detail", "required", "say what the conflict of interest is").into(),
        );
    }
    let mut tx = app.db().begin().await?;
    let s = scope(&mut tx, viewer, forum_slug, year, Permission::Review).await?;
    let reviewer = active_reviewer(&mut tx, viewer, &s.cycle)
        .await?
        .ok_or(ActionError::Forbidden)?;
    let id = q::proposal_by_number(&mut tx, s.cycle.id, i64::from(number))
        .await?
        .ok_or(ActionError::NotFound)?;
    let proposal = pq::proposal(&mut tx, id)
        .await?
        .filter(|p| p.status == "submitted")
        .ok_or(ActionError::NotFound)?;
    q::insert_conflicts(
        &mut tx,
        &[NewConflict {
            reviewer: reviewer.id,
            proposal: proposal.id,
            reason: reason.code().to_owned(),
            source: "declared".to_owned(),
            detail: detail.to_owned(),
        }],
        now,
    )
    .await?;
    let ended: Vec<i64> = q::active_assignment(&mut tx, reviewer.id, proposal.id)
        .await?
        .map(|a| a.id)
        .into_iter()
        .collect();
    let actor = viewer.actor();
    let by = actor_name(Some(viewer), &actor);
    // The run ends the conflicted assignment and finds a replacement; when it cannot, the
    // assignment ends all the same.
    let run = if ended.is_empty() {
        None
    } else {
        Some(
            assign::run(
                &mut tx,
                &s.forum,
                &s.cycle,
                &actor,
                &by,
                false,
                "conflict declared",
                now,
            )
            .await?,
        )
    };
    if run.as_ref().is_some_and(|r| !r.infeasible.is_empty()) {
        q::deactivate_assignments(
            &mut tx,
            &ended,
            &format!("conflict declared: {}", reason.code()),
            now,
        )
        .await?;
        let pool = q::reviewers_of_cycle(&mut tx, s.cycle.id).await?;
        sync_engagement(&mut tx, &s.cycle, &pool, &actor, now).await?;
    }
    audit::record(
        &mut tx,
        &actor,
        AuditEntry {
            forum: Some(s.forum.id),
            action: "review.conflict_declare",
            entity_type: "proposal",
            entity_id: proposal.id.to_string(),
            before: None,
            after: Some(
                json!({
                    "year": s.cycle.year,
                    "number": number,
                    "reviewer": reviewer.id,
                    "reason": reason.code(),
                    "detail": detail,
                    "assignment_ended": !ended.is_empty(),
                    "reassigned": run.as_ref().map(|r| r.infeasible.is_empty()),
                    "infeasible": run.as_ref().map(|r| r.infeasible.clone()).unwrap_or_default(),
                })
                .to_string(),
            ),
        },
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// Progress (secretariat)
// ---------------------------------------------------------------------------------------------

/// The evaluation's progress per reviewer and overall, with the latest assignment run
/// (`ManageCalls`).
pub async fn progress(
    app: &App,
    viewer: &Viewer,
    forum_slug: &str,
    year: i32,
) -> Result<Progress, ActionError> {
    let mut tx = app.db().read().await?;
    let s = scope(&mut tx, viewer, forum_slug, year, Permission::ManageCalls).await?;
    let pool = q::reviewers_of_cycle(&mut tx, s.cycle.id).await?;
    let tally = Tally::load(&mut tx, s.cycle.id).await?;
    let rows = pq::proposals_of_cycle(
        &mut tx,
        s.cycle.id,
        &pq::ProposalFilter {
            status: "submitted".into(),
            ..pq::ProposalFilter::default()
        },
    )
    .await?;
    let last = q::latest_run(&mut tx, s.cycle.id).await?;
    tx.commit().await?;
    let setup = &s.cycle.setup.evaluation;
    let evaluated: Vec<&ProposalRow> = rows.iter().filter(|r| is_evaluated(setup, r)).collect();
    let k = usize::try_from(setup.reviews_per_proposal).unwrap_or(usize::MAX);
    let proposals_complete = evaluated
        .iter()
        .filter(|p| tally.counted_per_proposal.get(&p.id).copied().unwrap_or(0) >= k)
        .count();
    let lines: Vec<ProgressLine> = pool
        .iter()
        .map(|r| {
            let counts = tally.of_reviewer(r.id);
            ProgressLine {
                reviewer: r.id,
                name: r.name.clone(),
                stakeholder_group: r.stakeholder_group.clone(),
                region: r.region.clone(),
                assigned: counts.assigned,
                submitted: counts.submitted,
                drafts: counts.drafts,
                conflicts: counts.conflicts,
                withdrawn: r.withdrawn_at.is_some(),
            }
        })
        .collect();
    let last_run = last.map(|run| {
        format!(
            "run {} on {} by {}: {}, objective {}",
            run.number,
            show_in_zone(run.run_at, &s.cycle.setup.venue_time_zone),
            run.run_by,
            run.method,
            run.objective
        )
    });
    Ok(Progress {
        cycle_year: s.cycle.year,
        assigned: lines.iter().map(|l| l.assigned).sum(),
        submitted: lines.iter().map(|l| l.submitted).sum(),
        lines,
        proposals: evaluated.len(),
        proposals_complete,
        last_run,
    })
}

#[cfg(test)]
mod tests;
