//! The demo's stage-2 evaluation of the 2026 cycle: the current MAG members get accounts
//! (without a password; they sign in after a reset) and form the reviewer pool with the demo
//! reviewer account, each with two issue areas of expertise; the assignment runs as the
//! secretariat would run it, and the reviews are written as a MAG would have written them by
//! the evaluation deadline: each proposal has a hidden quality, each reviewer a leniency
//! (some grade harshly, some kindly, which is what the synthesis' normalisation corrects),
//! and every score some noise. Three reviewers did not finish. Everything is derived from
//! the proposal number and the reviewer's id, so two loads give the same reviews. The
//! selection optimiser's proposal is then recorded as the board's (not yet final) decisions.

use plenary_db::calls::reviews::{self as q, NewReviewer, ReviewContent};
use plenary_domain::Timestamp;
use plenary_domain::audit::{Actor, AuditEntry};
use plenary_domain::permissions::Role;
use plenary_domain::time::Seconds;
use serde_json::json;

use crate::calls::review::{self as review, run_assignment_as_operator, seed_pool_as_operator};
use crate::calls::{cycles, proposals::country_regions};
use crate::{ActionError, App, audit};

/// The demo reviewer account (Reviewer role, no seat) joins the pool with these details.
const REVIEWER_EMAIL: &str = "reviewer@igf.example.org";
const REVIEWER_COUNTRY: &str = "GH";

/// How many reviewers (the last ones of the pool) left part of their queue undone.
const LATE_REVIEWERS: usize = 3;

/// A deterministic value in [0, 1) from two numbers (splitmix64).
fn unit(a: u64, b: u64) -> f64 {
    let mut z = a
        .wrapping_mul(0x9E37_79B9_7F4A_7C15)
        .wrapping_add(b.wrapping_mul(0xBF58_476D_1CE4_E5B9))
        .wrapping_add(0x94D0_49BB_1331_11EB);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^= z >> 31;
    // The top 53 bits as a fraction.
    (z >> 11) as f64 / (1_u64 << 53) as f64
}

fn key(n: i64) -> u64 {
    u64::try_from(n).unwrap_or(0)
}

/// Loads the pool, the assignment and the reviews of `year`; returns how many reviews were
/// written. Does nothing when the cycle already has a pool.
pub(crate) async fn load_reviews(
    app: &App,
    actor: &Actor,
    year: i32,
) -> Result<usize, ActionError> {
    let now = app.now();
    let mut tx = app.db().begin().await?;
    let igf = plenary_db::forums::forum_by_slug(&mut tx, "igf")
        .await?
        .ok_or(ActionError::NotFound)?;
    let cycle = cycles::load(&mut tx, &igf, year).await?;
    if !q::reviewers_of_cycle(&mut tx, cycle.id).await?.is_empty() {
        return Ok(0);
    }
    // Accounts for the current MAG members who have none, with the member role.
    let body = plenary_db::bodies::body_by_slug(&mut tx, igf.id, "mag")
        .await?
        .ok_or(ActionError::NotFound)?;
    let with_accounts: std::collections::BTreeSet<i64> = q::member_accounts(&mut tx, body.id, now)
        .await?
        .iter()
        .map(|m| m.membership)
        .collect();
    for member in plenary_db::bodies::members_at(&mut tx, body.id, now).await? {
        if with_accounts.contains(&member.membership) {
            continue;
        }
        let email = super::demo_email(&member.display_name).replace("@nominee.", "@mag.");
        let email = plenary_domain::accounts::Email::parse(&email)?;
        let account = plenary_db::accounts::insert_account(
            &mut tx,
            member.person,
            &email,
            crate::accounts::NO_PASSWORD,
            None,
            now,
        )
        .await?;
        plenary_db::accounts::grant_role(&mut tx, account, igf.id, Role::BodyMember, now).await?;
        audit::record(
            &mut tx,
            actor,
            AuditEntry {
                forum: Some(igf.id),
                action: "account.create",
                entity_type: "account",
                entity_id: account.to_string(),
                before: None,
                after: Some(
                    json!({"email": email.as_str(), "display_name": member.display_name,
                           "password": false, "role": Role::BodyMember.code()})
                    .to_string(),
                ),
            },
            now,
        )
        .await?;
    }
    tx.commit().await?;

    seed_pool_as_operator(app, actor, "igf", year).await?;

    // The demo reviewer joins; everyone gets two issue areas of expertise.
    let mut tx = app.db().begin().await?;
    if let Some(record) = plenary_db::accounts::account_by_email(&mut tx, REVIEWER_EMAIL).await? {
        let regions = country_regions(&mut tx).await?;
        let reviewer = NewReviewer {
            cycle: cycle.id,
            account: record.account.id.0,
            membership: None,
            name: record.account.display_name.as_str().to_owned(),
            organisation: "Accra Digital Rights Lab".into(),
            stakeholder_group: "civil_society".into(),
            country_iso2: REVIEWER_COUNTRY.into(),
            region: regions
                .get(REVIEWER_COUNTRY)
                .map_or("none", |r| r.code())
                .to_owned(),
            groups: String::new(),
            expertise: String::new(),
            load_cap: i64::from(cycle.setup.evaluation.load_cap),
        };
        q::insert_reviewers(&mut tx, &[reviewer], &actor.label(), now).await?;
    }
    let areas: Vec<&str> = cycle
        .setup
        .issue_areas
        .iter()
        .map(|a| a.code.as_str())
        .collect();
    let pool = q::reviewers_of_cycle(&mut tx, cycle.id).await?;
    for (i, reviewer) in pool.iter().enumerate() {
        if areas.is_empty() {
            break;
        }
        let first = areas[i % areas.len()];
        let second = areas[(i * 3 + 1) % areas.len()];
        let expertise = if first == second {
            first.to_owned()
        } else {
            format!("{first},{second}")
        };
        q::update_reviewer(
            &mut tx,
            reviewer.id,
            &reviewer.groups,
            &expertise,
            reviewer.load_cap,
        )
        .await?;
    }
    audit::record(
        &mut tx,
        actor,
        AuditEntry {
            forum: Some(igf.id),
            action: "review.pool_update",
            entity_type: "cycle",
            entity_id: cycle.id.to_string(),
            before: None,
            after: Some(
                json!({"year": year, "reviewers": pool.len(), "expertise": "two issue areas each (demo)"})
                    .to_string(),
            ),
        },
        now,
    )
    .await?;
    tx.commit().await?;

    run_assignment_as_operator(app, actor, "igf", year, true).await?;
    write_reviews(app, actor, year, now).await
}

/// The MAG's selection meeting works from the optimiser's proposal (default slots and balance
/// targets), recorded as decisions the chair has not yet made final. Returns how many.
pub(crate) async fn load_selection(
    app: &App,
    actor: &Actor,
    year: i32,
) -> Result<usize, ActionError> {
    use crate::calls::selection::{
        SelectionSettings, apply_proposal_as_operator, propose_as_operator,
    };
    let proposal =
        propose_as_operator(app, actor, "igf", year, SelectionSettings::default()).await?;
    if !proposal.infeasible.is_empty() {
        return Ok(0);
    }
    apply_proposal_as_operator(app, actor, "igf", year, proposal.run).await
}

/// Writes every assigned review as of the evaluation deadline.
async fn write_reviews(
    app: &App,
    actor: &Actor,
    year: i32,
    now: Timestamp,
) -> Result<usize, ActionError> {
    let mut tx = app.db().begin().await?;
    let igf = plenary_db::forums::forum_by_slug(&mut tx, "igf")
        .await?
        .ok_or(ActionError::NotFound)?;
    let cycle = cycles::load(&mut tx, &igf, year).await?;
    let setup = &cycle.setup.evaluation;
    let due = setup.due(&cycle.setup.dates);
    let codes = setup.score_codes();
    let reasons: Vec<&str> = setup
        .low_score_reasons
        .iter()
        .map(|r| r.code.as_str())
        .collect();
    let pool = q::reviewers_of_cycle(&mut tx, cycle.id).await?;
    let late: Vec<i64> = pool
        .iter()
        .rev()
        .take(LATE_REVIEWERS)
        .map(|r| r.id)
        .collect();
    let (lo, hi) = (f64::from(setup.scale_min), f64::from(setup.scale_max));
    let span = hi - lo;
    let mut written = 0;
    let mut submitted = 0;
    for a in q::active_assignments(&mut tx, cycle.id).await? {
        let (p, r) = (key(a.proposal), key(a.reviewer));
        // Late reviewers: a fifth untouched, a fifth in draft.
        let progress = unit(p, r ^ 0x5eed);
        let is_late = late.contains(&a.reviewer);
        if is_late && progress < 0.2 {
            continue;
        }
        let submit = !(is_late && progress < 0.4);
        let quality = 0.15 + 0.8 * unit(p, 1);
        let leniency = -0.2 + 0.4 * unit(r, 2);
        let scores: Vec<(String, u32)> = codes
            .iter()
            .enumerate()
            .map(|(c, code)| {
                let noise = -0.2 + 0.4 * unit(p * 31 + c as u64, r);
                let raw = lo + span * (quality + leniency + noise).clamp(0.0, 1.0);
                // In range by the clamp above.
                #[expect(
                    clippy::cast_possible_truncation,
                    clippy::cast_sign_loss,
                    reason = "clamped to the scale, which is at most 100"
                )]
                let score = raw.round() as u32;
                (code.clone(), score)
            })
            .collect();
        let input = plenary_domain::calls::review::ReviewInput {
            scores: scores.clone(),
            reasons: Vec::new(),
            comment: String::new(),
            merge_candidate: false,
            merge_with: Vec::new(),
        };
        let overall = plenary_domain::calls::review::check_review(setup, &input, false)
            .ok()
            .flatten();
        let low = overall.is_some_and(|o| o <= f64::from(setup.reasons_required_at_or_below));
        let picked: Vec<String> = if low && !reasons.is_empty() {
            let i = (unit(p, r ^ 7) * reasons.len() as f64) as usize % reasons.len();
            vec![reasons[i].to_owned()]
        } else {
            Vec::new()
        };
        let comment = match (low, unit(p, r ^ 11) < 0.5) {
            (true, true) => {
                "The policy question needs to be sharper; the speakers are not yet confirmed."
            }
            (true, false) => "Relevant topic, but the format does not fit the content.",
            (false, true) => "Clear policy question and a diverse set of speakers.",
            (false, false) => {
                "Good proposal; the online participation plan could be more concrete."
            }
        };
        let merge = unit(p, r ^ 13) < 0.03;
        let at = due.minus(Seconds((unit(p, r ^ 17) * 14.0 * 86_400.0) as i64));
        let content = ReviewContent {
            state: if submit { "submitted" } else { "draft" }.to_owned(),
            scores: review::scores_text(&scores),
            overall,
            reasons: picked.join(","),
            comment: comment.to_owned(),
            merge_candidate: merge,
            merge_with: String::new(),
            submitted_at: submit.then_some(at),
        };
        q::save_review(&mut tx, a.id, a.reviewer, a.proposal, &content, at).await?;
        written += 1;
        submitted += usize::from(submit);
    }
    audit::record(
        &mut tx,
        actor,
        AuditEntry {
            forum: Some(igf.id),
            action: "review.demo_load",
            entity_type: "cycle",
            entity_id: cycle.id.to_string(),
            before: None,
            after: Some(
                json!({"year": year, "reviews": written, "submitted": submitted}).to_string(),
            ),
        },
        now,
    )
    .await?;
    review::sync_engagement(&mut tx, &cycle, &pool, actor, now).await?;
    tx.commit().await?;
    Ok(written)
}
