//! Stage-1 screening of a cycle's proposals by the secretariat: running the cycle's rules over
//! every submitted proposal (with the cross-proposal counts and report flags they need),
//! overriding a result with a recorded reason, mailing results, and recording flags of
//! missing reports of past sessions.
//!
//! Main items: `screen_cycle` / `screen_cycle_as_operator` (returns a `ScreeningRun`, one row
//! per proposal with its reasons), `override_result`, `record_report_flag`.
//! Invariants: the rules are the cycle's (`CycleSetup::rules`); a run stores every rule's
//! outcome on each proposal; an override keeps the computed outcome beside it; every run and
//! override is audited.

use std::collections::{BTreeMap, BTreeSet};

use plenary_db::Tx;
use plenary_db::calls::proposals::{self as q, ProposalRow, ScreeningResult};
use plenary_domain::audit::{Actor, AuditEntry};
use plenary_domain::calls::screening::{Context, counted_institutions, counted_people, screen};
use plenary_domain::calls::{ProposalDraft, normalise_words};
use plenary_domain::countries::UnRegionalGroup;
use plenary_domain::forums::Forum;
use plenary_domain::permissions::{Permission, authorize};
use plenary_domain::time::Seconds;
use plenary_domain::{FieldError, Timestamp};
use serde_json::json;

use super::cycles::{self, Cycle};
use super::proposals::{
    OutcomeView, ProposalLine, ScreeningStatus, country_regions, line_of, result_text,
    screening_json, screening_view, show_in_zone, stored_draft,
};
use crate::accounts::Viewer;
use crate::mail::OutgoingMail;
use crate::{ActionError, App, audit, forums, jobs};

/// The outcome of screening a cycle.
#[derive(Debug, Clone)]
pub struct ScreeningRun {
    pub cycle_year: i32,
    /// One line per submitted proposal, by number.
    pub lines: Vec<ProposalLine>,
    pub passed: usize,
    pub failed: usize,
    /// Results mailed to proposers (0 unless asked).
    pub mailed: usize,
}

/// A missing (or filed) report of a past session, as recorded by the secretariat until the
/// reports module exists.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ReportFlagInput {
    pub year: i32,
    pub session_ref: String,
    pub organiser_email: String,
    pub organisation: String,
    pub filed: bool,
}

/// The slug of the body whose current members may not submit (the MAG).
pub const BODY_SLUG: &str = "mag";

/// What screening a cycle needs, loaded once: the context shared by every proposal (body
/// members, counts, missing reports) and the submitted proposals with their drafts.
pub(crate) struct CycleFacts {
    pub context: Context,
    pub proposals: Vec<(ProposalRow, ProposalDraft)>,
}

/// The submitter's identity as screening matches it: the account e-mail.
fn submitter_identity(row: &ProposalRow) -> String {
    format!("email:{}", row.submitter_email.trim().to_lowercase())
}

/// Loads what screening the cycle's submitted proposals needs, in a handful of queries
/// whatever the size of the call.
pub(crate) async fn load_facts(
    tx: &mut Tx,
    forum: &Forum,
    cycle: &Cycle,
    regions: &BTreeMap<String, UnRegionalGroup>,
) -> Result<CycleFacts, ActionError> {
    let mut context = Context {
        year: cycle.year,
        ..Context::default()
    };
    // Current members of the advisory body at the deadline: matched by account e-mail
    // and by name (an organiser may be listed without e-mail), and by organisation.
    if let Some(body) = plenary_db::bodies::body_by_slug(tx, forum.id, BODY_SLUG).await? {
        let members = q::member_contacts(tx, body.id, cycle.setup.dates.call_closes).await?;
        for m in members {
            if let Some(email) = m.email.as_deref().map(|e| e.trim().to_lowercase())
                && !email.is_empty()
            {
                context
                    .body_member_identities
                    .insert(format!("email:{email}"));
            }
            let name = normalise_words(&m.name);
            if !name.is_empty() {
                context
                    .body_member_identities
                    .insert(format!("name:{name}"));
            }
            if let Some(org) = m.organisation.as_deref().map(normalise_words)
                && !org.is_empty()
            {
                context.body_member_organisations.insert(org);
            }
        }
    }
    // Missing reports: the latest flag of each past session counts.
    let mut latest: BTreeMap<(i64, String, String, String), bool> = BTreeMap::new();
    for flag in q::report_flags(tx, forum.id.0).await? {
        latest.insert(
            (
                flag.year,
                flag.session_ref.trim().to_lowercase(),
                flag.organiser_email.trim().to_lowercase(),
                normalise_words(&flag.organisation),
            ),
            flag.filed,
        );
    }
    let mut missing: BTreeMap<String, BTreeSet<i32>> = BTreeMap::new();
    for ((year, _, email, org), filed) in latest {
        if filed {
            continue;
        }
        let year = i32::try_from(year).unwrap_or(0);
        if !email.is_empty() {
            missing
                .entry(format!("email:{email}"))
                .or_default()
                .insert(year);
        }
        if !org.is_empty() {
            missing
                .entry(format!("org:{org}"))
                .or_default()
                .insert(year);
        }
    }
    context.missing_reports = missing
        .into_iter()
        .map(|(k, years)| (k, years.into_iter().collect()))
        .collect();
    // Counts across the cycle's submitted proposals.
    let rows = q::submitted_with_people(tx, cycle.id).await?;
    let mut proposals = Vec::with_capacity(rows.len());
    for row in rows {
        let draft = stored_draft(&row, regions)?;
        for person in counted_people(&draft, &submitter_identity(&row)) {
            *context.proposals_per_person.entry(person).or_default() += 1;
        }
        for org in counted_institutions(&draft, &row.content.submitter_organisation) {
            *context.proposals_per_institution.entry(org).or_default() += 1;
        }
        proposals.push((row, draft));
    }
    Ok(CycleFacts { context, proposals })
}

/// Screens one proposal against the cycle's rules with `context` (whose submitter fields
/// are set here). Returns the result to store.
fn screen_with(
    cycle: &Cycle,
    context: &mut Context,
    row: &ProposalRow,
    draft: &ProposalDraft,
) -> ScreeningResult {
    context.submitter = submitter_identity(row);
    context.submitter_organisation = normalise_words(&row.content.submitter_organisation);
    let screening = screen(&cycle.setup.rules, draft, context);
    let outcomes: Vec<OutcomeView> = screening
        .outcomes
        .iter()
        .map(|o| OutcomeView {
            rule: o.rule.to_owned(),
            verdict: o.verdict.code().to_owned(),
            explanation: o.explanation.clone(),
            reason: o.reason.clone(),
        })
        .collect();
    let status = if screening.passed() {
        ScreeningStatus::Pass
    } else {
        ScreeningStatus::Fail
    };
    ScreeningResult {
        proposal: row.id,
        status: status.code().to_owned(),
        screening: screening_json(&outcomes),
    }
}

/// Screens one submitted proposal at once (on submission or after an edit) against the
/// whole cycle's counts, and stores the result. Other proposals are screened again by the
/// secretariat's next run.
pub(crate) async fn screen_one(
    tx: &mut Tx,
    forum: &Forum,
    cycle: &Cycle,
    id: i64,
    regions: &BTreeMap<String, UnRegionalGroup>,
    now: Timestamp,
) -> Result<(), ActionError> {
    let mut facts = load_facts(tx, forum, cycle, regions).await?;
    let Some((row, draft)) = facts.proposals.iter().find(|(r, _)| r.id == id) else {
        return Err(ActionError::NotFound);
    };
    let result = screen_with(cycle, &mut facts.context, row, draft);
    q::store_screening(tx, &[result], now).await?;
    Ok(())
}

/// Screens every submitted proposal of the cycle (the secretariat); with `notify`, mails
/// each proposer their result with the reasons.
pub async fn screen_cycle(
    app: &App,
    viewer: &Viewer,
    forum_slug: &str,
    year: i32,
    notify: bool,
) -> Result<ScreeningRun, ActionError> {
    let now = app.now();
    let mut tx = app.db().begin().await?;
    let (forum, principal) = forums::forum_and_principal(&mut tx, viewer, forum_slug).await?;
    authorize(&principal, Permission::ManageCalls)?;
    let run = run(&mut tx, &viewer.actor(), &forum, year, notify, now).await?;
    tx.commit().await?;
    Ok(run)
}

/// `screen_cycle` for operators (CLI, demo loader, bench).
pub async fn screen_cycle_as_operator(
    app: &App,
    actor: &Actor,
    forum_slug: &str,
    year: i32,
    notify: bool,
) -> Result<ScreeningRun, ActionError> {
    let now = app.now();
    let mut tx = app.db().begin().await?;
    let (forum, _) = forums::forum_and_principal(&mut tx, &Viewer::anonymous(), forum_slug).await?;
    let run = run(&mut tx, actor, &forum, year, notify, now).await?;
    tx.commit().await?;
    Ok(run)
}

async fn run(
    tx: &mut Tx,
    actor: &Actor,
    forum: &Forum,
    year: i32,
    notify: bool,
    now: Timestamp,
) -> Result<ScreeningRun, ActionError> {
    let cycle = cycles::load(tx, forum, year).await?;
    let regions = country_regions(tx).await?;
    let mut facts = load_facts(tx, forum, &cycle, &regions).await?;
    let mut results = Vec::with_capacity(facts.proposals.len());
    for (row, draft) in &facts.proposals {
        results.push(screen_with(&cycle, &mut facts.context, row, draft));
    }
    q::store_screening(tx, &results, now).await?;
    let mut lines = Vec::with_capacity(results.len());
    let mut mailed = 0;
    for ((row, _), result) in facts.proposals.iter_mut().zip(results) {
        row.screening_status = result.status;
        row.screening = result.screening;
        row.screened_at = Some(now);
        let line = line_of(row);
        if notify {
            let mail = result_mail(row, &cycle, forum, &line);
            let key = format!("screening_result:{}:{}", row.id, now.as_micros());
            if jobs::enqueue_mail(tx, &mail, Some(&key), now)
                .await?
                .is_some()
            {
                mailed += 1;
            }
        }
        lines.push(line);
    }
    let passed = lines
        .iter()
        .filter(|l| l.screening == ScreeningStatus::Pass)
        .count();
    let failed = lines
        .iter()
        .filter(|l| l.screening == ScreeningStatus::Fail)
        .count();
    audit::record(
        tx,
        actor,
        AuditEntry {
            forum: Some(forum.id),
            action: "screening.run",
            entity_type: "cycle",
            entity_id: cycle.id.to_string(),
            before: None,
            after: Some(
                json!({
                    "year": year,
                    "screened": lines.len(),
                    "passed": passed,
                    "failed": failed,
                    "mailed": mailed,
                    "rules": cycle.setup.rules.iter().map(|r| r.kind.code()).collect::<Vec<_>>(),
                })
                .to_string(),
            ),
        },
        now,
    )
    .await?;
    Ok(ScreeningRun {
        cycle_year: cycle.year,
        lines,
        passed,
        failed,
        mailed,
    })
}

fn result_mail(
    row: &ProposalRow,
    cycle: &Cycle,
    forum: &Forum,
    line: &ProposalLine,
) -> OutgoingMail {
    let view = screening_view(row);
    let verdict = match line.screening {
        ScreeningStatus::Pass => "passed",
        ScreeningStatus::Fail => "did not pass",
        ScreeningStatus::Pending => "is pending",
    };
    OutgoingMail {
        to: row.submitter_email.clone(),
        subject: format!(
            "Proposal #{} {verdict} stage-1 screening: {}",
            row.number,
            row.content.title.trim()
        ),
        body: format!(
            "Dear {},\n\nThe secretariat of {} {} screened your proposal #{}, \"{}\".\n\n{}",
            row.submitter_name,
            forum.name,
            cycle.year,
            row.number,
            row.content.title.trim(),
            result_text(&view)
        ),
    }
}

/// Overrides the screening result of one proposal with a reason (the secretariat);
/// `None` removes the override. The computed result is kept beside it.
pub async fn override_result(
    app: &App,
    viewer: &Viewer,
    forum_slug: &str,
    year: i32,
    id: i64,
    status: Option<ScreeningStatus>,
    reason: &str,
) -> Result<(), ActionError> {
    let now = app.now();
    let reason = reason.trim();
    if reason.is_empty() {
        return Err(FieldError::new(
            "reason",
            "required",
            "say why the secretariat overrides the screening result",
        )
        .into());
    }
    if reason.chars().count() > 2000 {
        return Err(FieldError::new("reason", "too_long", "at most 2000 characters").into());
    }
    let mut tx = app.db().begin().await?;
    let (forum, principal) = forums::forum_and_principal(&mut tx, viewer, forum_slug).await?;
    authorize(&principal, Permission::ManageCalls)?;
    let account = viewer.require_account()?;
    let cycle = cycles::load(&mut tx, &forum, year).await?;
    let before = q::proposal(&mut tx, id)
        .await?
        .filter(|r| r.cycle == cycle.id)
        .ok_or(ActionError::NotFound)?;
    if before.status != "submitted" {
        return Err(ActionError::Rule {
            code: "not_submitted",
            message: format!(
                "proposal #{} is not submitted; only submitted proposals are screened",
                before.number
            ),
        });
    }
    q::set_override(
        &mut tx,
        id,
        status.map(ScreeningStatus::code),
        reason,
        account.display_name.as_str(),
        now,
    )
    .await?;
    let after = q::proposal(&mut tx, id)
        .await?
        .ok_or(ActionError::NotFound)?;
    let state = |row: &ProposalRow| {
        json!({
            "number": row.number,
            "computed": row.screening_status,
            "override_status": row.override_status,
            "override_reason": row.override_reason,
            "override_by": row.override_by,
        })
    };
    let mut after_json = state(&after);
    after_json["reason"] = json!(reason);
    audit::record(
        &mut tx,
        &viewer.actor(),
        AuditEntry {
            forum: Some(forum.id),
            action: "screening.override",
            entity_type: "proposal",
            entity_id: id.to_string(),
            before: Some(state(&before).to_string()),
            after: Some(after_json.to_string()),
        },
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Records a report flag (the secretariat).
pub async fn record_report_flag(
    app: &App,
    viewer: &Viewer,
    forum_slug: &str,
    flag: &ReportFlagInput,
) -> Result<(), ActionError> {
    store_report_flag(app, &viewer.actor(), Some(viewer), forum_slug, flag).await
}

/// `record_report_flag` for operators (`plenary report-flag`, the demo loader).
pub async fn record_report_flag_as_operator(
    app: &App,
    actor: &Actor,
    forum_slug: &str,
    flag: &ReportFlagInput,
) -> Result<(), ActionError> {
    store_report_flag(app, actor, None, forum_slug, flag).await
}

/// Checks and stores a flag; with a `viewer`, only for the forum's secretariat.
async fn store_report_flag(
    app: &App,
    actor: &Actor,
    viewer: Option<&Viewer>,
    forum_slug: &str,
    flag: &ReportFlagInput,
) -> Result<(), ActionError> {
    let now = app.now();
    if !(1990..=2200).contains(&flag.year) {
        return Err(FieldError::new("year", "out_of_range", "a year from 1990 to 2200").into());
    }
    let session_ref = flag.session_ref.trim();
    if session_ref.is_empty() || session_ref.chars().count() > 200 {
        return Err(FieldError::new(
            "session_ref",
            "required",
            "name the session (1 to 200 characters), e.g. WS #12",
        )
        .into());
    }
    let email = flag.organiser_email.trim().to_lowercase();
    let organisation = flag.organisation.trim();
    if email.is_empty() && organisation.is_empty() {
        return Err(FieldError::new(
            "organiser_email",
            "required",
            "give the organiser's e-mail, the organisation, or both",
        )
        .into());
    }
    if email.chars().count() > 200 || organisation.chars().count() > 200 {
        return Err(FieldError::new("organisation", "too_long", "at most 200 characters").into());
    }
    let mut tx = app.db().begin().await?;
    let anonymous = Viewer::anonymous();
    let (forum, principal) =
        forums::forum_and_principal(&mut tx, viewer.unwrap_or(&anonymous), forum_slug).await?;
    if viewer.is_some() {
        authorize(&principal, Permission::ManageCalls)?;
    }
    let new = q::NewReportFlag {
        forum: forum.id.0,
        year: i64::from(flag.year),
        session_ref: session_ref.to_owned(),
        organiser_email: email.clone(),
        organisation: organisation.to_owned(),
        filed: flag.filed,
    };
    let id = q::insert_report_flag(&mut tx, &new, now).await?;
    audit::record(
        &mut tx,
        actor,
        AuditEntry {
            forum: Some(forum.id),
            action: "report_flag.record",
            entity_type: "session_report_flag",
            entity_id: id.to_string(),
            before: None,
            after: Some(
                json!({
                    "year": flag.year,
                    "session_ref": session_ref,
                    "organiser_email": email,
                    "organisation": organisation,
                    "filed": flag.filed,
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

/// How far ahead of a deadline owners of drafts are reminded.
pub const REMINDER_AHEAD: Seconds = Seconds(72 * 3600);

/// Mails every owner of a draft proposal in a cycle whose call closes within the next 72
/// hours, once per proposal and deadline (a moved deadline reminds again). Returns the
/// number of reminders queued. Run by the job worker's periodic pass.
pub async fn queue_deadline_reminders(app: &App, now: Timestamp) -> Result<usize, ActionError> {
    let mut tx = app.db().begin().await?;
    let cycles =
        plenary_db::calls::cycles_closing_between(&mut tx, now, now.plus(REMINDER_AHEAD)).await?;
    let mut queued = 0;
    for row in cycles {
        let cycle = cycles::load_by_id(&mut tx, row.id).await?;
        let forum_name =
            plenary_db::forums::forum_by_id(&mut tx, plenary_domain::ForumId(row.forum_id))
                .await?
                .map_or_else(String::new, |f| f.name);
        for draft in q::draft_owners(&mut tx, cycle.id).await? {
            let zone = if draft.proposer_time_zone.trim().is_empty() {
                cycle.setup.venue_time_zone.as_str()
            } else {
                draft.proposer_time_zone.as_str()
            };
            let deadline = show_in_zone(cycle.setup.dates.call_closes, zone);
            let mail = OutgoingMail {
                to: draft.email.clone(),
                subject: format!(
                    "Reminder: proposal #{} is still a draft; the call closes {deadline}",
                    draft.number
                ),
                body: format!(
                    "Dear {},\n\nYour proposal #{}, \"{}\", for {forum_name} {} is still a draft. Drafts are not screened or evaluated: submit it before the call closes on {deadline}.\n",
                    draft.name,
                    draft.number,
                    draft.title.trim(),
                    cycle.year,
                ),
            };
            let key = format!(
                "deadline_reminder:{}:{}",
                draft.proposal,
                cycle.setup.dates.call_closes.as_micros()
            );
            if jobs::enqueue_mail(&mut tx, &mail, Some(&key), now)
                .await?
                .is_some()
            {
                queued += 1;
            }
        }
    }
    tx.commit().await?;
    Ok(queued)
}

/// One person over the cycle's speaker cap, with the sessions they are in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OverBookedPerson {
    pub name: String,
    /// Their e-mail when a proposal lists one (empty otherwise).
    pub email: String,
    /// (number, title) of each session, by number.
    pub sessions: Vec<(i64, String)>,
}

/// The speaker cap check over the proposals that passed screening.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SpeakerCapReport {
    pub cap: u32,
    /// Proposals checked: those whose effective screening result is a pass.
    pub proposals: usize,
    /// Speakers and moderators in more than `cap` of them, by name.
    pub people: Vec<OverBookedPerson>,
}

/// The cycle's per-speaker cap (`CycleSetup::speaker_cap`) over the submitted proposals that
/// passed screening (the secretariat): who would have to choose if they were all accepted.
/// `None` when the cycle sets no cap. Once selection exists (the review issue), the same
/// domain check (`screening::speaker_cap`) runs over the accepted sessions.
pub async fn speaker_cap_report(
    app: &App,
    viewer: &Viewer,
    forum_slug: &str,
    year: i32,
) -> Result<Option<SpeakerCapReport>, ActionError> {
    let mut tx = app.db().read().await?;
    let (forum, principal) = forums::forum_and_principal(&mut tx, viewer, forum_slug).await?;
    authorize(&principal, Permission::ManageCalls)?;
    let cycle = cycles::load(&mut tx, &forum, year).await?;
    let Some(cap) = cycle.setup.speaker_cap else {
        tx.commit().await?;
        return Ok(None);
    };
    let regions = super::proposals::country_regions(&mut tx).await?;
    let rows = q::submitted_with_people(&mut tx, cycle.id).await?;
    tx.commit().await?;
    let mut passing = Vec::new();
    for row in rows.iter().filter(|r| r.effective_screening() == "pass") {
        passing.push((
            (row.number, row.content.title.clone()),
            super::proposals::stored_draft(row, &regions)?,
        ));
    }
    let refs: Vec<((i64, String), &ProposalDraft)> =
        passing.iter().map(|(k, d)| (k.clone(), d)).collect();
    let mut people: Vec<OverBookedPerson> =
        plenary_domain::calls::screening::speaker_cap(&refs, cap)
            .into_iter()
            .map(|o| OverBookedPerson {
                email: o.identity.strip_prefix("email:").unwrap_or("").to_owned(),
                name: o.name,
                sessions: o.sessions,
            })
            .collect();
    people.sort_by_key(|p| normalise_words(&p.name));
    Ok(Some(SpeakerCapReport {
        cap,
        proposals: passing.len(),
        people,
    }))
}
