//! The synthesis of a cycle's evaluation for the advisory body's meeting: per evaluation
//! group, the proposals ranked by their normalised mean with the raw mean and its rank
//! beside it; merge suggestions from the text of the proposals; and, for the secretariat
//! only, how each reviewer scores (the numbers normalisation corrects for).
//!
//! Only counted reviews enter (submitted, scored, no conflict; see the parent module).

use std::cmp::Ordering;
use std::collections::{BTreeMap, HashMap};

use plenary_db::Tx;
use plenary_db::calls::proposals::{self as pq, ProposalRow};
use plenary_db::calls::reviews as q;
use plenary_domain::calls::review::{ScoreRecord, merge_suggestions, synthesise};
use plenary_domain::permissions::{Permission, authorize};
use serde::Serialize;

use super::{
    EarlierProposers, Tally, counts, developing_countries, is_evaluated, number_of, scope,
};
use crate::accounts::Viewer;
use crate::calls::cycles::Cycle;
use crate::{ActionError, App};
use plenary_domain::forums::Forum;

/// The similarity at or above which two proposals are suggested for merging.
pub const MERGE_THRESHOLD: f64 = 0.35;
/// The most merge suggestions per proposal.
pub const MERGES_PER_PROPOSAL: usize = 3;

/// One proposal in its group's ranking.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SynthesisLine {
    pub number: u32,
    pub title: String,
    pub session_type: String,
    /// Counted reviews (0: not reviewed yet; its numbers are then 0 and it is not ranked).
    pub count: usize,
    pub mean: f64,
    pub spread: f64,
    pub z_mean: f64,
    pub robust_mean: f64,
    /// Rank by raw mean within the group (1 = best; 0 = not ranked).
    pub rank_raw: usize,
    /// Rank by normalised (z) mean within the group; the order of the lines.
    pub rank_z: usize,
    /// Counted reviews that flag it as a merge candidate.
    pub merge_flags: usize,
    pub developing_country: bool,
    pub first_time: bool,
}

/// One evaluation group's ranking.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GroupRanking {
    /// The group's code (empty: proposals of an issue area in no group).
    pub code: String,
    pub name: String,
    pub lines: Vec<SynthesisLine>,
}

/// Two proposals whose texts are alike.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MergeLine {
    pub a: u32,
    pub b: u32,
    pub title_a: String,
    pub title_b: String,
    /// Cosine similarity, 0 to 1.
    pub similarity: f64,
    pub shared_terms: Vec<String>,
    /// Counted reviews of either proposal that flag it as a merge candidate.
    pub flagged: usize,
}

/// How one reviewer scores.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ReviewerNorm {
    pub name: String,
    pub count: usize,
    pub mean: f64,
    pub sd: f64,
    pub median: f64,
    pub mad: f64,
}

/// The synthesis report.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SynthesisReport {
    pub cycle_year: i32,
    pub groups: Vec<GroupRanking>,
    pub merges: Vec<MergeLine>,
    /// Per reviewer, for the secretariat only (`ManageCalls`); empty for others.
    pub reviewers: Vec<ReviewerNorm>,
    /// Counted reviews.
    pub reviews: usize,
    /// Proposals evaluated.
    pub proposals: usize,
}

/// Orders by score, higher first, then by number.
fn by_score(a: (f64, u32), b: (f64, u32)) -> Ordering {
    b.0.total_cmp(&a.0).then(a.1.cmp(&b.1))
}

/// The synthesis of the cycle's counted reviews (`ViewSynthesis`).
pub async fn synthesis(
    app: &App,
    viewer: &Viewer,
    forum_slug: &str,
    year: i32,
) -> Result<SynthesisReport, ActionError> {
    let mut tx = app.db().read().await?;
    let s = scope(&mut tx, viewer, forum_slug, year, Permission::ViewSynthesis).await?;
    let show_reviewers = authorize(&s.principal, Permission::ManageCalls).is_ok();
    let report = synthesis_in(&mut tx, &s.forum, &s.cycle, show_reviewers).await?;
    tx.commit().await?;
    Ok(report)
}

/// `synthesis` for operators (CLI): with the reviewers' scales.
pub async fn synthesis_as_operator(
    app: &App,
    forum_slug: &str,
    year: i32,
) -> Result<SynthesisReport, ActionError> {
    let mut tx = app.db().read().await?;
    let (forum, _) =
        crate::forums::forum_and_principal(&mut tx, &Viewer::anonymous(), forum_slug).await?;
    let cycle = super::cycles::load(&mut tx, &forum, year).await?;
    let report = synthesis_in(&mut tx, &forum, &cycle, true).await?;
    tx.commit().await?;
    Ok(report)
}

/// The synthesis within a transaction, for the selection board (no authorisation here).
pub(crate) async fn synthesis_in(
    tx: &mut Tx,
    forum: &Forum,
    cycle: &Cycle,
    show_reviewers: bool,
) -> Result<SynthesisReport, ActionError> {
    let rows = pq::proposals_of_cycle(
        tx,
        cycle.id,
        &pq::ProposalFilter {
            status: "submitted".into(),
            ..pq::ProposalFilter::default()
        },
    )
    .await?;
    let reviews = q::reviews_of_cycle(tx, cycle.id).await?;
    let conflicts = q::conflicts_of_cycle(tx, cycle.id).await?;
    let pool = q::reviewers_of_cycle(tx, cycle.id).await?;
    let developing = developing_countries(tx).await?;
    let earlier = EarlierProposers::load(tx, forum.id, cycle.year).await?;

    let setup = &cycle.setup.evaluation;
    let evaluated: Vec<&ProposalRow> = rows.iter().filter(|r| is_evaluated(setup, r)).collect();
    let by_id: HashMap<i64, &ProposalRow> = evaluated.iter().map(|p| (p.id, *p)).collect();
    let tally = Tally::of(&[], &reviews, &conflicts);
    let counted: Vec<_> = reviews
        .iter()
        .filter(|r| counts(r, &tally.conflicted) && by_id.contains_key(&r.proposal))
        .collect();
    let records: Vec<ScoreRecord> = counted
        .iter()
        .filter_map(|r| {
            Some(ScoreRecord {
                proposal: r.proposal,
                reviewer: r.reviewer,
                score: r.content.overall?,
            })
        })
        .collect();
    let mut merge_flags: HashMap<i64, usize> = HashMap::new();
    for r in counted.iter().filter(|r| r.content.merge_candidate) {
        *merge_flags.entry(r.proposal).or_default() += 1;
    }
    let result = synthesise(&records);
    let scores: HashMap<i64, _> = result.proposals.iter().map(|p| (p.proposal, p)).collect();

    let (lo, hi) = (f64::from(setup.scale_min), f64::from(setup.scale_max));
    // Lines per group, in the set-up's group order; proposals in no group come last.
    let mut grouped: BTreeMap<usize, Vec<SynthesisLine>> = BTreeMap::new();
    for p in &evaluated {
        let position = setup
            .groups
            .iter()
            .position(|g| g.issue_areas.iter().any(|a| a == &p.content.issue_area))
            .unwrap_or(setup.groups.len());
        let score = scores.get(&p.id);
        grouped.entry(position).or_default().push(SynthesisLine {
            number: number_of(p),
            title: p.content.title.clone(),
            session_type: p.content.session_type.clone(),
            count: score.map_or(0, |s| s.count),
            mean: score.map_or(0.0, |s| s.mean),
            spread: score.map_or(0.0, |s| s.spread),
            // Normalised means are mapped back onto the scale; an extreme one is shown at
            // its end rather than beyond it.
            z_mean: score.map_or(0.0, |s| s.z_mean.clamp(lo, hi)),
            robust_mean: score.map_or(0.0, |s| s.robust_mean.clamp(lo, hi)),
            rank_raw: 0,
            rank_z: 0,
            merge_flags: merge_flags.get(&p.id).copied().unwrap_or(0),
            developing_country: developing
                .get(&p.content.submitter_country_iso2)
                .copied()
                .unwrap_or(false),
            first_time: earlier.first_time(p),
        });
    }
    let mut groups = Vec::new();
    for (position, mut lines) in grouped {
        let mut raw: Vec<(f64, u32)> = lines
            .iter()
            .filter(|l| l.count > 0)
            .map(|l| (l.mean, l.number))
            .collect();
        raw.sort_by(|a, b| by_score(*a, *b));
        let raw_rank: HashMap<u32, usize> = raw
            .iter()
            .enumerate()
            .map(|(i, (_, n))| (*n, i + 1))
            .collect();
        let mut z: Vec<(f64, u32)> = lines
            .iter()
            .filter(|l| l.count > 0)
            .map(|l| (l.z_mean, l.number))
            .collect();
        z.sort_by(|a, b| by_score(*a, *b));
        let z_rank: HashMap<u32, usize> = z
            .iter()
            .enumerate()
            .map(|(i, (_, n))| (*n, i + 1))
            .collect();
        for line in &mut lines {
            line.rank_raw = raw_rank.get(&line.number).copied().unwrap_or(0);
            line.rank_z = z_rank.get(&line.number).copied().unwrap_or(0);
        }
        // Ranked lines by rank, then the unranked by number.
        lines.sort_by_key(|l| (l.rank_z == 0, l.rank_z, l.number));
        let (code, name) = match setup.groups.get(position) {
            Some(g) => (g.code.clone(), g.name.clone()),
            None => (String::new(), "Other issue areas".to_owned()),
        };
        groups.push(GroupRanking { code, name, lines });
    }

    let docs: Vec<(i64, String)> = evaluated
        .iter()
        .map(|p| {
            (
                p.id,
                format!(
                    "{}\n{}\n{}",
                    p.content.title, p.content.description, p.content.policy_questions
                ),
            )
        })
        .collect();
    let merges = merge_suggestions(&docs, MERGE_THRESHOLD, MERGES_PER_PROPOSAL)
        .into_iter()
        .filter_map(|m| {
            let a = by_id.get(&m.a)?;
            let b = by_id.get(&m.b)?;
            Some(MergeLine {
                a: number_of(a),
                b: number_of(b),
                title_a: a.content.title.clone(),
                title_b: b.content.title.clone(),
                similarity: m.similarity,
                shared_terms: m.shared_terms,
                flagged: merge_flags.get(&m.a).copied().unwrap_or(0)
                    + merge_flags.get(&m.b).copied().unwrap_or(0),
            })
        })
        .collect();

    let names: HashMap<i64, &str> = pool.iter().map(|r| (r.id, r.name.as_str())).collect();
    let reviewers = if show_reviewers {
        let mut norms: Vec<ReviewerNorm> = result
            .reviewers
            .iter()
            .map(|r| ReviewerNorm {
                name: names.get(&r.reviewer).copied().unwrap_or("").to_owned(),
                count: r.count,
                mean: r.mean,
                sd: r.sd,
                median: r.median,
                mad: r.mad,
            })
            .collect();
        norms.sort_by(|a, b| a.name.cmp(&b.name));
        norms
    } else {
        Vec::new()
    };
    Ok(SynthesisReport {
        cycle_year: cycle.year,
        groups,
        merges,
        reviewers,
        reviews: records.len(),
        proposals: evaluated.len(),
    })
}
