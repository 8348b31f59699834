//! Review pages of a cycle (stage 2): the reviewer's queue with its progress and due date,
//! one anonymised proposal with the score form (save draft or submit) and the conflict
//! declaration, the secretariat's evaluation dashboard (reviewer pool, progress, assignment
//! runs with their report) and the synthesis report (printable as a PDF for the MAG meeting).
//!
//! Every handler calls one `plenary_app::calls::review` action for what it shows or changes;
//! the app decides who may see what (Permission::Review and being assigned and not
//! conflicted, ManageCalls, ViewSynthesis), so a refused request gets the 403 page whatever
//! links the pages show. The cycle set-up only names codes (session types, issue areas) and
//! gives the venue's time zone for the due date. A refused form is shown again with the
//! values as typed and each problem beside its field.

use std::collections::BTreeMap;

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use minijinja::{Value, context};
use plenary_app::ActionError;
use plenary_app::calls::cycles::{self, CycleView, display_in_zone};
use plenary_app::calls::review::{
    self, AnonymisedProposal, AssignmentRun, Progress, Queue, ReviewForm, ReviewerInput,
    ReviewerLine, SynthesisReport,
};
use plenary_domain::calls::CycleSetup;
use plenary_domain::calls::review::{ConflictReason, EvaluationSetup};
use plenary_domain::countries::UnRegionalGroup;
use plenary_domain::permissions::{Permission, authorize};
use plenary_domain::{FieldError, Language};

use crate::AppState;
use crate::csrf::FormData;
use crate::error::PageError;
use crate::pages::forums::forum_value;
use crate::pages::{render, require_signed_in, see_other};
use crate::visit::Visit;

fn base(slug: &str, year: i32) -> String {
    format!("/f/{slug}/cycles/{year}")
}

fn action_error(err: ActionError, here: &str) -> PageError {
    PageError::from_action(err, here)
}

/// A score or statistic as the pages show it: two decimals.
pub(crate) fn two_decimals(value: f64) -> String {
    format!("{value:.2}")
}

fn t(language: Language, id: &str) -> String {
    plenary_app::i18n::t(language, id)
}

/// The name of a UN regional group code in the page's language (other text as it is).
fn region_name(language: Language, code: &str) -> String {
    if UnRegionalGroup::ALL.iter().any(|g| g.code() == code) {
        t(language, &format!("group-{code}"))
    } else {
        code.to_owned()
    }
}

fn type_name(setup: &CycleSetup, code: &str) -> String {
    setup
        .session_type(code)
        .map_or_else(|| code.to_owned(), |k| k.name.clone())
}

fn area_name(setup: &CycleSetup, code: &str) -> String {
    setup
        .issue_area(code)
        .map_or_else(|| code.to_owned(), |a| a.name.clone())
}

/// `todo`, `draft` or `submitted` in the page's language.
fn state_label(language: Language, state: &str) -> String {
    t(language, &format!("rv-state-{state}"))
}

/// The due date of the reviews in the venue's time zone and in UTC, with the zone's name.
fn due_context(cycle: &CycleSetup, evaluation: &EvaluationSetup) -> (String, String, String) {
    let due = evaluation.due(&cycle.dates);
    (
        display_in_zone(due, &cycle.venue_time_zone),
        due.to_display_utc(),
        cycle.venue_time_zone.clone(),
    )
}

/// Share of `done` in `total`, in whole percent (0 when there is nothing to do).
fn percent(done: usize, total: usize) -> usize {
    done.saturating_mul(100).checked_div(total).unwrap_or(0)
}

async fn cycle_view(
    state: &AppState,
    visit: &Visit,
    slug: &str,
    year: i32,
) -> Result<CycleView, PageError> {
    cycles::cycle(&state.app, &visit.viewer, slug, year)
        .await
        .map_err(|e| action_error(e, &visit.here))
}

/// The forum's stakeholder groups: code → name.
type GroupNames = BTreeMap<String, String>;

async fn group_names(state: &AppState, visit: &Visit, slug: &str) -> Result<GroupNames, PageError> {
    let home = plenary_app::forums::forum_home(&state.app, &visit.viewer, slug)
        .await
        .map_err(|e| action_error(e, &visit.here))?;
    Ok(home
        .stakeholder_groups
        .into_iter()
        .map(|g| (g.code, g.name))
        .collect())
}

/// The name of a stakeholder group code (the code itself when the forum has no such group).
fn group_name(names: &GroupNames, code: &str) -> String {
    names.get(code).cloned().unwrap_or_else(|| code.to_owned())
}

/// A timestamp as the app gives it (RFC 3339) in the venue's time zone; as given otherwise.
fn venue_time(text: &str, zone: &str) -> String {
    text.parse::<plenary_domain::Timestamp>()
        .map_or_else(|_| text.to_owned(), |t| display_in_zone(t, zone))
}

/// Problems keyed by field name, several problems of one field joined.
fn errors_by_field(errors: &[FieldError]) -> BTreeMap<String, String> {
    let mut map: BTreeMap<String, String> = BTreeMap::new();
    for e in errors {
        map.entry(e.field.to_owned())
            .and_modify(|m| {
                m.push_str("; ");
                m.push_str(&e.problem);
            })
            .or_insert_with(|| e.problem.clone());
    }
    map
}

// ---------------------------------------------------------------------------------------
// The reviewer's queue.

/// The queue page's own context.
fn queue_context(lang: Language, cycle: &CycleView, queue: &Queue) -> Value {
    let setup = &cycle.cycle.setup;
    let (due_venue, due_utc, time_zone) = due_context(setup, &queue.setup);
    let items: Vec<Value> = queue
        .items
        .iter()
        .map(|i| {
            context! {
                number => i.number, title => i.title.clone(), type_name => type_name(setup, &i.session_type),
                area_name => area_name(setup, &i.issue_area), state => i.state.clone(),
                state_label => state_label(lang, &i.state), score => i.score.map(two_decimals),
            }
        })
        .collect();
    let conflicts: Vec<Value> = queue
        .conflicts
        .iter()
        .map(|c| {
            context! {
                number => c.number, title => c.title.clone(), reason => c.reason.clone(),
                reason_label => t(lang, &format!("rv-reason-{}", c.reason)), source => c.source.clone(),
                source_label => t(lang, &format!("rv-source-{}", c.source)), detail => c.detail.clone(),
            }
        })
        .collect();
    context! {
        forum => forum_value(&cycle.forum), year => queue.cycle_year,
        queue => context! {
            due_venue => due_venue, due_utc => due_utc, time_zone => time_zone, open => queue.open,
            submitted => queue.submitted, total => queue.total,
            percent => percent(queue.submitted, queue.total), items => items, conflicts => conflicts,
        },
    }
}

/// GET /f/{slug}/cycles/{year}/review: the signed-in reviewer's proposals, their state and
/// score, the progress and the due date, and the conflicts on record.
pub(crate) async fn queue(
    State(state): State<AppState>,
    visit: Visit,
    Path((slug, year)): Path<(String, i32)>,
) -> Result<Response, PageError> {
    require_signed_in(&visit, None, &visit.here)?;
    let queue = review::queue(&state.app, &visit.viewer, &slug, year)
        .await
        .map_err(|e| action_error(e, &visit.here))?;
    let cycle = cycle_view(&state, &visit, &slug, year).await?;
    let page = queue_context(visit.language, &cycle, &queue);
    Ok(render(
        &state,
        &visit,
        StatusCode::OK,
        "review_queue.html",
        page,
    ))
}

// ---------------------------------------------------------------------------------------
// One proposal: the anonymised view, the score form and the conflict declaration.

/// The score form as typed (or as stored).
#[derive(Debug, Clone, Default)]
pub(crate) struct ScoreValues {
    /// (score code, value as typed).
    scores: Vec<(String, String)>,
    reasons: Vec<String>,
    comment: String,
    merge_candidate: bool,
    merge_with: String,
}

impl ScoreValues {
    fn from_form(form: &FormData, setup: &EvaluationSetup) -> ScoreValues {
        ScoreValues {
            scores: setup
                .score_codes()
                .into_iter()
                .map(|code| {
                    let value = form.get(&format!("score_{code}")).trim().to_owned();
                    (code, value)
                })
                .collect(),
            reasons: form
                .get_all("reasons")
                .into_iter()
                .map(str::to_owned)
                .collect(),
            comment: form.get("comment").to_owned(),
            merge_candidate: !form.get("merge_candidate").is_empty(),
            merge_with: form.get("merge_with").to_owned(),
        }
    }

    fn from_view(view: &AnonymisedProposal) -> ScoreValues {
        match &view.review {
            Some(r) => ScoreValues {
                scores: r
                    .scores
                    .iter()
                    .map(|(code, score)| (code.clone(), score.to_string()))
                    .collect(),
                reasons: r.reasons.clone(),
                comment: r.comment.clone(),
                merge_candidate: r.merge_candidate,
                merge_with: r
                    .merge_with
                    .iter()
                    .map(u32::to_string)
                    .collect::<Vec<_>>()
                    .join(", "),
            },
            None => ScoreValues::default(),
        }
    }

    fn into_form(self, submit: bool) -> ReviewForm {
        ReviewForm {
            scores: self.scores,
            reasons: self.reasons,
            comment: self.comment,
            merge_candidate: self.merge_candidate,
            merge_with: self.merge_with,
            submit,
        }
    }

    fn score(&self, code: &str) -> String {
        self.scores
            .iter()
            .find(|(c, _)| c == code)
            .map(|(_, v)| v.clone())
            .unwrap_or_default()
    }
}

/// The conflict form as typed.
#[derive(Debug, Clone, Default)]
struct ConflictValues {
    reason: String,
    detail: String,
}

/// What the review page shows besides the proposal: problems of either form.
#[derive(Debug, Default)]
struct ReviewProblems {
    errors: Vec<FieldError>,
    message: Option<String>,
    conflict_error: Option<String>,
}

/// The error of score `code` when the check names that score's field (`scores.CODE`,
/// `score_CODE`); a problem of the scores as a whole (`scores`) is shown above them.
fn score_error(errors: &BTreeMap<String, String>, code: &str) -> Option<String> {
    [format!("scores.{code}"), format!("score_{code}")]
        .iter()
        .find_map(|k| errors.get(k).cloned())
}

/// The anchor a listed problem links to.
fn anchor(field: &str, codes: &[String]) -> String {
    for code in codes {
        if field.ends_with(&format!(".{code}")) || field == format!("score_{code}") {
            return format!("score-{code}");
        }
    }
    match field {
        "scores" => codes
            .first()
            .map_or_else(|| "review-form".to_owned(), |c| format!("score-{c}")),
        "reasons" | "comment" | "merge_with" | "merge_candidate" => field.to_owned(),
        _ => "review-form".into(),
    }
}

/// The review page's own context.
fn review_context(
    visit: &Visit,
    cycle: &CycleView,
    names: &GroupNames,
    view: &AnonymisedProposal,
    values: &ScoreValues,
    conflict: &ConflictValues,
    problems: ReviewProblems,
) -> Value {
    let lang = visit.language;
    let setup = &cycle.cycle.setup;
    let eval = &view.setup;
    let codes = eval.score_codes();
    let errors = errors_by_field(&problems.errors);
    let weighted = !eval.criteria.is_empty();
    let criteria: Vec<Value> = if weighted {
        eval.criteria
            .iter()
            .map(|c| {
                context! {
                    code => c.code.clone(), name => c.name.clone(), description => c.description.clone(),
                    weight => c.weight, value => values.score(&c.code),
                    error => score_error(&errors, &c.code),
                }
            })
            .collect()
    } else {
        codes
            .iter()
            .map(|code| {
                context! {
                    code => code.clone(), name => t(lang, "rv-overall-score"), description => "",
                    weight => 1, value => values.score(code), error => score_error(&errors, code),
                }
            })
            .collect()
    };
    let scale: Vec<u32> = (eval.scale_min..=eval.scale_max).collect();
    let reasons: Vec<Value> = eval
        .low_score_reasons
        .iter()
        .map(|r| context! { code => r.code.clone(), label => r.label.clone(), checked => values.reasons.contains(&r.code) })
        .collect();
    let error_list: Vec<Value> = problems
        .errors
        .iter()
        .map(|e| {
            let label = match e.field {
                "reasons" => t(lang, "rv-reasons"),
                "comment" => t(lang, "rv-comment"),
                "merge_with" => t(lang, "rv-merge-with"),
                other => eval
                    .criteria
                    .iter()
                    .find(|c| other.ends_with(&format!(".{}", c.code)))
                    .map_or_else(|| t(lang, "rv-overall-score"), |c| c.name.clone()),
            };
            context! { field => e.field, label => label, anchor => anchor(e.field, &codes), problem => e.problem.clone() }
        })
        .collect();
    let people: Vec<Value> = view
        .people
        .iter()
        .map(|p| {
            context! {
                role => t(lang, &format!("prop-role-{}", p.role)), stakeholder_group => group_name(names, &p.stakeholder_group),
                region => region_name(lang, &p.region), gender => p.gender.clone(), onsite => p.onsite,
            }
        })
        .collect();
    let conflict_reasons: Vec<Value> = ConflictReason::ALL
        .iter()
        .filter(|r| r.declarable())
        .map(
            |r| context! { code => r.code(), label => t(lang, &format!("rv-reason-{}", r.code())) },
        )
        .collect();
    let (due_venue, due_utc, time_zone) = due_context(setup, eval);
    let (state, updated_at, overall) = match &view.review {
        Some(r) => (
            r.state.clone(),
            Some(venue_time(&r.updated_at, &setup.venue_time_zone)),
            r.overall.map(two_decimals),
        ),
        None => ("todo".to_owned(), None, None),
    };
    context! {
        forum => forum_value(&cycle.forum), year => setup.year,
        p => context! {
            number => view.number, title => view.title.clone(), type_name => type_name(setup, &view.session_type),
            area_name => area_name(setup, &view.issue_area), format => view.format.clone(),
            duration_min => view.duration_min, language => view.language.clone(),
            description => view.description.clone(), policy_questions => view.policy_questions.clone(),
            interaction_plan => view.interaction_plan.clone(), online_plan => view.online_plan.clone(),
            expected_outcomes => view.expected_outcomes.clone(), people => people,
            developing_country => view.developing_country, first_time => view.first_time,
            proposer => view.proposer.clone(),
        },
        open => view.open, due_venue => due_venue, due_utc => due_utc, time_zone => time_zone,
        state => state.clone(), state_label => state_label(lang, &state), updated_at => updated_at,
        overall => overall, weighted => weighted, criteria => criteria, scale => scale,
        scale_min => eval.scale_min, scale_max => eval.scale_max, low_at => eval.reasons_required_at_or_below,
        reasons => reasons,
        values => context! {
            comment => values.comment.clone(), merge_candidate => values.merge_candidate,
            merge_with => values.merge_with.clone(),
        },
        errors => errors, error_list => error_list, message => problems.message,
        conflict_reasons => conflict_reasons,
        conflict => context! { reason => conflict.reason.clone(), detail => conflict.detail.clone() },
        conflict_error => problems.conflict_error,
    }
}

/// The review page of proposal `number` (403 unless the viewer is assigned to it and not
/// conflicted; the app audits the refusal).
#[expect(
    clippy::too_many_arguments,
    reason = "one page, its two forms and its problems"
)]
async fn review_page(
    state: &AppState,
    visit: &Visit,
    slug: &str,
    year: i32,
    number: u32,
    status: StatusCode,
    typed: Option<(ScoreValues, ConflictValues)>,
    problems: ReviewProblems,
) -> Result<Response, PageError> {
    let here = format!("{}/review/{number}", base(slug, year));
    let view = review::review_view(&state.app, &visit.viewer, slug, year, number)
        .await
        .map_err(|e| action_error(e, &here))?;
    let cycle = cycle_view(state, visit, slug, year).await?;
    let names = group_names(state, visit, slug).await?;
    let (values, conflict) =
        typed.unwrap_or_else(|| (ScoreValues::from_view(&view), ConflictValues::default()));
    let page = review_context(visit, &cycle, &names, &view, &values, &conflict, problems);
    Ok(render(state, visit, status, "review.html", page))
}

/// GET /f/{slug}/cycles/{year}/review/{number}
pub(crate) async fn show(
    State(state): State<AppState>,
    visit: Visit,
    Path((slug, year, number)): Path<(String, i32, u32)>,
) -> Result<Response, PageError> {
    require_signed_in(&visit, None, &visit.here)?;
    review_page(
        &state,
        &visit,
        &slug,
        year,
        number,
        StatusCode::OK,
        None,
        ReviewProblems::default(),
    )
    .await
}

/// POST /f/{slug}/cycles/{year}/review/{number}: save the review as a draft
/// (`action=draft`) or submit it (`action=submit`); a refused form comes back with the
/// values as typed and each problem beside its field.
pub(crate) async fn save(
    State(state): State<AppState>,
    visit: Visit,
    Path((slug, year, number)): Path<(String, i32, u32)>,
    form: FormData,
) -> Result<Response, PageError> {
    let here = format!("{}/review/{number}", base(&slug, year));
    require_signed_in(&visit, Some(&form), &here)?;
    let cycle = cycle_view(&state, &visit, &slug, year).await?;
    let values = ScoreValues::from_form(&form, &cycle.cycle.setup.evaluation);
    let submit = form.get("action") == "submit";
    let typed = values.clone().into_form(submit);
    let result = review::save_review(
        &state.app,
        &visit.viewer,
        &slug,
        year,
        number,
        typed.clone(),
    )
    .await;
    let problems = match result {
        Ok(saved) => {
            let notice = if saved.state == "submitted" {
                "review-submitted"
            } else {
                "review-saved"
            };
            return Ok(see_other(&format!("{here}?notice={notice}")));
        }
        // Every problem of the form at once, so the reviewer fixes them in one go.
        Err(ActionError::Invalid(field)) => {
            let mut errors =
                review::review_form_problems(&cycle.cycle.setup.evaluation, &typed, submit);
            if !errors.contains(&field) {
                errors.insert(0, field);
            }
            ReviewProblems {
                errors,
                ..ReviewProblems::default()
            }
        }
        Err(ActionError::Rule { message, .. }) => ReviewProblems {
            message: Some(message),
            ..ReviewProblems::default()
        },
        Err(other) => return Err(action_error(other, &here)),
    };
    review_page(
        &state,
        &visit,
        &slug,
        year,
        number,
        StatusCode::UNPROCESSABLE_ENTITY,
        Some((values, ConflictValues::default())),
        problems,
    )
    .await
}

/// POST /f/{slug}/cycles/{year}/review/{number}/conflict: the reviewer declares a conflict
/// of interest (`reason`, `detail`); the proposal leaves their queue and goes to another
/// reviewer.
pub(crate) async fn declare_conflict(
    State(state): State<AppState>,
    visit: Visit,
    Path((slug, year, number)): Path<(String, i32, u32)>,
    form: FormData,
) -> Result<Response, PageError> {
    let view = format!("{}/review/{number}", base(&slug, year));
    require_signed_in(&visit, Some(&form), &format!("{view}/conflict"))?;
    let conflict = ConflictValues {
        reason: form.get("reason").trim().to_owned(),
        detail: form.get("detail").to_owned(),
    };
    let result = review::declare_conflict(
        &state.app,
        &visit.viewer,
        &slug,
        year,
        number,
        &conflict.reason,
        &conflict.detail,
    )
    .await;
    let message = match result {
        Ok(()) => {
            return Ok(see_other(&format!(
                "{}/review?notice=conflict-declared",
                base(&slug, year)
            )));
        }
        Err(ActionError::Invalid(field)) => crate::pages::field_error_message(&visit, &field),
        Err(ActionError::Rule { message, .. }) => message,
        Err(other) => return Err(action_error(other, &view)),
    };
    let cycle = cycle_view(&state, &visit, &slug, year).await?;
    let values = ScoreValues::from_form(&form, &cycle.cycle.setup.evaluation);
    review_page(
        &state,
        &visit,
        &slug,
        year,
        number,
        StatusCode::UNPROCESSABLE_ENTITY,
        Some((values, conflict)),
        ReviewProblems {
            conflict_error: Some(message),
            ..ReviewProblems::default()
        },
    )
    .await
}

// ---------------------------------------------------------------------------------------
// The secretariat's evaluation dashboard.

/// The add-reviewer form as typed.
#[derive(Debug, Clone, Default)]
struct AddValues {
    email: String,
    groups: Vec<String>,
    expertise: Vec<String>,
    load_cap: String,
}

/// What the dashboard shows above the tables after an action.
#[derive(Debug, Default)]
struct DashboardExtras {
    message: Option<String>,
    error: Option<String>,
    run: Option<AssignmentRun>,
    add: AddValues,
    add_errors: Vec<FieldError>,
}

/// How many lines of a long infeasibility explanation the page shows before "… more".
const SHOWN_LINES: usize = 10;

pub(crate) fn run_value(run: &AssignmentRun) -> Value {
    // A long explanation: the first lines, how many more, and the last (the solver ends with
    // the shortages that span many proposals); the whole list folds out below.
    let (head, more, last) = if run.infeasible.len() > SHOWN_LINES + 2 {
        (
            run.infeasible[..SHOWN_LINES].to_vec(),
            run.infeasible.len() - SHOWN_LINES - 1,
            run.infeasible.last().cloned(),
        )
    } else {
        (run.infeasible.clone(), 0, None)
    };
    let loads: Vec<Value> = run
        .loads
        .iter()
        .map(|(name, load)| context! { name => name.clone(), load => load })
        .collect();
    context! {
        cycle => run.cycle_year, proposals => run.proposals, reviewers => run.reviewers,
        reviews => run.reviews, objective => run.objective, affinity_matches => run.affinity_matches,
        kept => run.kept, changed => run.changed, method => run.method.clone(), solve_ms => run.solve_ms,
        proven_optimal => run.proven_optimal,
        detected_conflicts => run.detected_conflicts, shortfalls => run.shortfalls.clone(),
        infeasible => run.infeasible.clone(), infeasible_head => head, infeasible_more => more,
        infeasible_last => last, loads => loads, explanation => run.explanation.clone(),
        run_number => run.run_number, fresh => run.fresh,
    }
}

fn pool_value(lang: Language, setup: &CycleSetup, names: &GroupNames, r: &ReviewerLine) -> Value {
    let groups: Vec<String> = r
        .groups
        .iter()
        .map(|code| {
            setup
                .evaluation
                .groups
                .iter()
                .find(|g| &g.code == code)
                .map_or_else(|| code.clone(), |g| g.name.clone())
        })
        .collect();
    let expertise: Vec<String> = r
        .expertise
        .iter()
        .map(|code| area_name(setup, code))
        .collect();
    context! {
        id => r.id, name => r.name.clone(), email => r.email.clone(), organisation => r.organisation.clone(),
        stakeholder_group => group_name(names, &r.stakeholder_group), country => r.country_iso2.clone(),
        region => region_name(lang, &r.region), groups => groups, expertise => expertise,
        load_cap => r.load_cap, withdrawn => r.withdrawn, assigned => r.assigned, submitted => r.submitted,
        drafts => r.drafts, conflicts => r.conflicts, percent => percent(r.submitted, r.assigned),
    }
}

fn setup_value(eval: &EvaluationSetup) -> Value {
    let groups: Vec<String> = eval.groups.iter().map(|g| g.name.clone()).collect();
    let criteria: Vec<String> = eval
        .criteria
        .iter()
        .map(|c| format!("{} ×{}", c.name, c.weight))
        .collect();
    context! {
        reviews_per_proposal => eval.reviews_per_proposal, load_cap => eval.load_cap,
        load_target => eval.load_target, min_stakeholder_groups => eval.min_stakeholder_groups,
        min_regions => eval.min_regions, scale_min => eval.scale_min, scale_max => eval.scale_max,
        criteria => criteria, groups => groups,
    }
}

/// The dashboard page's own context.
fn dashboard_context(
    visit: &Visit,
    cycle: &CycleView,
    names: &GroupNames,
    pool: &[ReviewerLine],
    progress: &Progress,
    extras: DashboardExtras,
) -> Value {
    let setup = &cycle.cycle.setup;
    let eval = &setup.evaluation;
    let lang = visit.language;
    let (due_venue, due_utc, time_zone) = due_context(setup, eval);
    let pool_values: Vec<Value> = pool
        .iter()
        .map(|r| pool_value(lang, setup, names, r))
        .collect();
    let groups: Vec<Value> = eval
        .groups
        .iter()
        .map(|g| context! { code => g.code.clone(), name => g.name.clone() })
        .collect();
    let areas: Vec<Value> = setup
        .issue_areas
        .iter()
        .map(|a| context! { code => a.code.clone(), name => a.name.clone() })
        .collect();
    let add_errors = errors_by_field(&extras.add_errors);
    // A problem with a field the form does not show goes to the top.
    let stray: Vec<String> = extras
        .add_errors
        .iter()
        .filter(|e| !matches!(e.field, "email" | "groups" | "expertise" | "load_cap"))
        .map(|e| crate::pages::field_error_message(visit, e))
        .collect();
    let error = match (extras.error, stray.is_empty()) {
        (Some(e), _) => Some(e),
        (None, false) => Some(stray.join(" ")),
        (None, true) => None,
    };
    context! {
        forum => forum_value(&cycle.forum), year => setup.year, setup => setup_value(eval),
        due_venue => due_venue, due_utc => due_utc, time_zone => time_zone,
        progress => context! {
            assigned => progress.assigned, submitted => progress.submitted,
            percent => percent(progress.submitted, progress.assigned), proposals => progress.proposals,
            proposals_complete => progress.proposals_complete, last_run => progress.last_run.clone(),
        },
        pool => pool_values, groups => groups, areas => areas, run => extras.run.as_ref().map(run_value),
        message => extras.message, error => error,
        add => context! {
            email => extras.add.email, groups => extras.add.groups, expertise => extras.add.expertise,
            load_cap => extras.add.load_cap,
        },
        add_errors => add_errors,
    }
}

async fn dashboard_page(
    state: &AppState,
    visit: &Visit,
    slug: &str,
    year: i32,
    status: StatusCode,
    extras: DashboardExtras,
) -> Result<Response, PageError> {
    let here = format!("{}/evaluation", base(slug, year));
    let pool = review::pool(&state.app, &visit.viewer, slug, year)
        .await
        .map_err(|e| action_error(e, &here))?;
    let progress = review::progress(&state.app, &visit.viewer, slug, year)
        .await
        .map_err(|e| action_error(e, &here))?;
    let cycle = cycle_view(state, visit, slug, year).await?;
    let names = group_names(state, visit, slug).await?;
    let page = dashboard_context(visit, &cycle, &names, &pool, &progress, extras);
    Ok(render(state, visit, status, "evaluation.html", page))
}

/// GET /f/{slug}/cycles/{year}/evaluation: pool, progress and the last assignment run.
pub(crate) async fn dashboard(
    State(state): State<AppState>,
    visit: Visit,
    Path((slug, year)): Path<(String, i32)>,
) -> Result<Response, PageError> {
    require_signed_in(&visit, None, &visit.here)?;
    dashboard_page(
        &state,
        &visit,
        &slug,
        year,
        StatusCode::OK,
        DashboardExtras::default(),
    )
    .await
}

/// A refusal an action on the dashboard shows at the top (422), or the error page.
fn dashboard_refusal(
    visit: &Visit,
    err: ActionError,
    here: &str,
) -> Result<DashboardExtras, PageError> {
    match err {
        ActionError::Invalid(field) => Ok(DashboardExtras {
            error: Some(crate::pages::field_error_message(visit, &field)),
            ..DashboardExtras::default()
        }),
        ActionError::Rule { message, .. } => Ok(DashboardExtras {
            error: Some(message),
            ..DashboardExtras::default()
        }),
        other => Err(action_error(other, here)),
    }
}

/// POST /f/{slug}/cycles/{year}/evaluation/pool: add the current MAG members with accounts.
pub(crate) async fn seed_pool(
    State(state): State<AppState>,
    visit: Visit,
    Path((slug, year)): Path<(String, i32)>,
    form: FormData,
) -> Result<Response, PageError> {
    let action = format!("{}/evaluation/pool", base(&slug, year));
    require_signed_in(&visit, Some(&form), &action)?;
    let (status, extras) = match review::seed_pool(&state.app, &visit.viewer, &slug, year).await {
        Ok(added) => (
            StatusCode::OK,
            DashboardExtras {
                message: Some(plenary_app::i18n::t_count(
                    visit.language,
                    "rv-pool-seeded",
                    i64::try_from(added).unwrap_or(i64::MAX),
                )),
                ..DashboardExtras::default()
            },
        ),
        Err(err) => (
            StatusCode::UNPROCESSABLE_ENTITY,
            dashboard_refusal(&visit, err, &action)?,
        ),
    };
    dashboard_page(&state, &visit, &slug, year, status, extras).await
}

/// POST /f/{slug}/cycles/{year}/evaluation/reviewers: add one reviewer by e-mail address,
/// with the evaluation groups they may review (none: any), expertise and load cap.
pub(crate) async fn add_reviewer(
    State(state): State<AppState>,
    visit: Visit,
    Path((slug, year)): Path<(String, i32)>,
    form: FormData,
) -> Result<Response, PageError> {
    let action = format!("{}/evaluation/reviewers", base(&slug, year));
    require_signed_in(&visit, Some(&form), &action)?;
    let add = AddValues {
        email: form.get("email").trim().to_owned(),
        groups: form
            .get_all("groups")
            .into_iter()
            .map(str::trim)
            .filter(|g| !g.is_empty())
            .map(str::to_owned)
            .collect(),
        expertise: form
            .get_all("expertise")
            .into_iter()
            .map(str::trim)
            .filter(|e| !e.is_empty())
            .map(str::to_owned)
            .collect(),
        load_cap: form.get("load_cap").trim().to_owned(),
    };
    let refused = |errors: Vec<FieldError>, add: AddValues| DashboardExtras {
        add,
        add_errors: errors,
        ..DashboardExtras::default()
    };
    let load_cap = if add.load_cap.is_empty() {
        None
    } else if let Ok(cap) = add.load_cap.parse::<u32>() {
        Some(cap)
    } else {
        let problem = FieldError::new(
            "load_cap",
            "not_a_number",
            "the load cap is a whole number of proposals, such as 65",
        );
        let extras = refused(vec![problem], add);
        return dashboard_page(
            &state,
            &visit,
            &slug,
            year,
            StatusCode::UNPROCESSABLE_ENTITY,
            extras,
        )
        .await;
    };
    let input = ReviewerInput {
        email: add.email.clone(),
        groups: add.groups.clone(),
        expertise: add.expertise.clone(),
        load_cap,
    };
    match review::add_reviewer(&state.app, &visit.viewer, &slug, year, input).await {
        Ok(_) => Ok(see_other(&format!(
            "{}/evaluation?notice=reviewer-added",
            base(&slug, year)
        ))),
        Err(ActionError::Invalid(field)) => {
            let extras = refused(vec![field], add);
            dashboard_page(
                &state,
                &visit,
                &slug,
                year,
                StatusCode::UNPROCESSABLE_ENTITY,
                extras,
            )
            .await
        }
        Err(err) => {
            let mut extras = dashboard_refusal(&visit, err, &action)?;
            extras.add = add;
            dashboard_page(
                &state,
                &visit,
                &slug,
                year,
                StatusCode::UNPROCESSABLE_ENTITY,
                extras,
            )
            .await
        }
    }
}

/// POST /f/{slug}/cycles/{year}/evaluation/reviewers/{id}/withdraw: a reviewer leaves the
/// pool mid-phase (with a reason); their open proposals go to others at once, and the page
/// shows that re-assignment's report.
pub(crate) async fn withdraw_reviewer(
    State(state): State<AppState>,
    visit: Visit,
    Path((slug, year, id)): Path<(String, i32, i64)>,
    form: FormData,
) -> Result<Response, PageError> {
    let action = format!("{}/evaluation/reviewers/{id}/withdraw", base(&slug, year));
    require_signed_in(&visit, Some(&form), &action)?;
    let reason = form.get("reason");
    let (status, extras) =
        match review::withdraw_reviewer(&state.app, &visit.viewer, &slug, year, id, reason).await {
            Ok(run) => (
                StatusCode::OK,
                DashboardExtras {
                    message: Some(t(visit.language, "rv-reviewer-withdrawn")),
                    run: Some(run),
                    ..DashboardExtras::default()
                },
            ),
            Err(err) => (
                StatusCode::UNPROCESSABLE_ENTITY,
                dashboard_refusal(&visit, err, &action)?,
            ),
        };
    dashboard_page(&state, &visit, &slug, year, status, extras).await
}

/// POST /f/{slug}/cycles/{year}/evaluation/assign: run the assignment (keeping current pairs
/// where possible, or afresh with `fresh`) and show its report.
pub(crate) async fn run_assignment(
    State(state): State<AppState>,
    visit: Visit,
    Path((slug, year)): Path<(String, i32)>,
    form: FormData,
) -> Result<Response, PageError> {
    let action = format!("{}/evaluation/assign", base(&slug, year));
    require_signed_in(&visit, Some(&form), &action)?;
    let fresh = !form.get("fresh").is_empty();
    let (status, extras) =
        match review::run_assignment(&state.app, &visit.viewer, &slug, year, fresh).await {
            Ok(run) => (
                if run.infeasible.is_empty() {
                    StatusCode::OK
                } else {
                    StatusCode::UNPROCESSABLE_ENTITY
                },
                DashboardExtras {
                    run: Some(run),
                    ..DashboardExtras::default()
                },
            ),
            Err(err) => (
                StatusCode::UNPROCESSABLE_ENTITY,
                dashboard_refusal(&visit, err, &action)?,
            ),
        };
    dashboard_page(&state, &visit, &slug, year, status, extras).await
}

// ---------------------------------------------------------------------------------------
// The synthesis report.

pub(crate) fn synthesis_context(
    cycle: &CycleView,
    report: &SynthesisReport,
    generated: String,
) -> Value {
    let setup = &cycle.cycle.setup;
    let groups: Vec<Value> = report
        .groups
        .iter()
        .map(|g| {
            let lines: Vec<Value> = g
                .lines
                .iter()
                .map(|l| {
                    let moved = i64::try_from(l.rank_raw).unwrap_or(0)
                        - i64::try_from(l.rank_z).unwrap_or(0);
                    context! {
                        number => l.number, title => l.title.clone(), type_name => type_name(setup, &l.session_type),
                        count => l.count, mean => two_decimals(l.mean), spread => two_decimals(l.spread),
                        z_mean => two_decimals(l.z_mean), robust_mean => two_decimals(l.robust_mean),
                        rank_raw => l.rank_raw, rank_z => l.rank_z, moved => moved, merge_flags => l.merge_flags,
                        developing_country => l.developing_country, first_time => l.first_time,
                    }
                })
                .collect();
            context! { code => g.code.clone(), name => g.name.clone(), lines => lines }
        })
        .collect();
    let merges: Vec<Value> = report
        .merges
        .iter()
        .map(|m| {
            context! {
                a => m.a, b => m.b, title_a => m.title_a.clone(), title_b => m.title_b.clone(),
                similarity => format!("{:.0} %", m.similarity * 100.0), shared_terms => m.shared_terms.clone(),
                flagged => m.flagged,
            }
        })
        .collect();
    let reviewers: Vec<Value> = report
        .reviewers
        .iter()
        .map(|r| {
            context! {
                name => r.name.clone(), count => r.count, mean => two_decimals(r.mean), sd => two_decimals(r.sd),
                median => two_decimals(r.median), mad => two_decimals(r.mad),
            }
        })
        .collect();
    context! {
        forum => forum_value(&cycle.forum), year => report.cycle_year, can_manage => cycle.can_manage,
        generated => generated,
        report => context! {
            reviews => report.reviews, proposals => report.proposals, groups => groups, merges => merges,
            reviewers => reviewers,
        },
    }
}

/// GET /f/{slug}/cycles/{year}/synthesis: per evaluation group, the proposals ranked by
/// normalised score beside their raw mean, spread and count; merge suggestions; the
/// reviewers' scales (secretariat only). Prints as a report.
pub(crate) async fn synthesis(
    State(state): State<AppState>,
    visit: Visit,
    Path((slug, year)): Path<(String, i32)>,
) -> Result<Response, PageError> {
    require_signed_in(&visit, None, &visit.here)?;
    let report = review::synthesis(&state.app, &visit.viewer, &slug, year)
        .await
        .map_err(|e| action_error(e, &visit.here))?;
    let cycle = cycle_view(&state, &visit, &slug, year).await?;
    let generated = display_in_zone(state.app.now(), &cycle.cycle.setup.venue_time_zone);
    let page = synthesis_context(&cycle, &report, generated);
    Ok(render(
        &state,
        &visit,
        StatusCode::OK,
        "synthesis.html",
        page,
    ))
}

/// Which review pages the viewer of the cycle page may open (links only: each page checks
/// again on the server).
pub(crate) fn cycle_links(view: &CycleView) -> Value {
    context! {
        review => authorize(&view.principal, Permission::Review).is_ok(),
        evaluation => authorize(&view.principal, Permission::ManageCalls).is_ok(),
        synthesis => authorize(&view.principal, Permission::ViewSynthesis).is_ok(),
    }
}

#[cfg(test)]
mod tests {
    use plenary_app::accounts::Viewer;
    use plenary_app::calls::cycles::Cycle;
    use plenary_app::calls::review::{
        AnonymisedPerson, ConflictLine, GroupRanking, MergeLine, QueueItem, ReviewView,
        ReviewerNorm, SynthesisLine,
    };
    use plenary_domain::forums::{Forum, ForumKind, Slug};
    use plenary_domain::permissions::Principal;
    use plenary_domain::{ForumId, Timestamp};

    use super::*;
    use crate::templates::Templates;

    const HTML: &str = "<script>alert('x')</script> & <b>bold</b>";

    fn visit(language: Language) -> Visit {
        Visit {
            viewer: Viewer::anonymous(),
            language,
            csrf: "token".into(),
            session_expired: false,
            here: "/f/igf/cycles/2027/review".into(),
        }
    }

    fn cycle() -> CycleView {
        let setup = plenary_app::calls::document::preset_setup("igf2023", 2027).unwrap();
        CycleView {
            forum: Forum {
                id: ForumId(1),
                slug: Slug::parse("igf").unwrap(),
                name: "IGF".into(),
                kind: ForumKind::Global,
                country_iso2: None,
                default_language: Language::En,
                time_zone: "UTC".into(),
            },
            cycle: Cycle {
                id: 1,
                year: 2027,
                setup,
                document: String::new(),
                updated_at: Timestamp::from_unix_seconds(0),
            },
            can_manage: true,
            principal: Principal::anonymous(),
        }
    }

    fn proposal(setup: &EvaluationSetup) -> AnonymisedProposal {
        AnonymisedProposal {
            number: 12,
            title: HTML.into(),
            session_type: "workshop".into(),
            format: HTML.into(),
            duration_min: 60,
            issue_area: "ai_emerging".into(),
            description: HTML.into(),
            policy_questions: HTML.into(),
            interaction_plan: String::new(),
            online_plan: String::new(),
            expected_outcomes: String::new(),
            language: "en".into(),
            people: vec![AnonymisedPerson {
                role: "speaker".into(),
                stakeholder_group: HTML.into(),
                region: "african".into(),
                gender: HTML.into(),
                onsite: true,
            }],
            developing_country: Some(true),
            first_time: Some(false),
            proposer: Some(HTML.into()),
            review: Some(ReviewView {
                scores: vec![(setup.score_codes()[0].clone(), 2)],
                overall: None,
                reasons: vec![setup.low_score_reasons[0].code.clone()],
                comment: HTML.into(),
                merge_candidate: true,
                merge_with: vec![3, 40],
                state: "draft".into(),
                updated_at: "2027-06-01T10:00:00Z".into(),
            }),
            open: true,
            setup: setup.clone(),
        }
    }

    fn render_page(templates: &Templates, visit: &Visit, name: &str, page: Value) -> String {
        let merged = context! { ..page, ..context! {
            lang => visit.language.code(), dir => "ltr", csrf => visit.csrf.clone(),
            here => visit.here.clone(), languages => Vec::<Value>::new(),
        }};
        templates
            .render(name, merged)
            .unwrap_or_else(|e| panic!("{name}: {e:#}"))
    }

    /// Typed text is shown as text, and no message id is shown instead of its text.
    fn check(name: &str, language: Language, html: &str) {
        assert!(!html.contains("<script>alert"), "{name} {language:?}");
        assert!(!html.contains("<b>bold"), "{name} {language:?}");
        assert!(
            html.contains("&lt;script&gt;alert("),
            "{name} {language:?}: {html}"
        );
        for raw in [">rv-", "\"rv-", " rv-", "(rv-"] {
            assert!(
                !html.contains(raw),
                "{name} {language:?} shows {raw}: {html}"
            );
        }
    }

    #[test]
    fn every_review_page_renders_in_every_language_with_html_shown_as_text() {
        let templates = Templates::load();
        let cycle = cycle();
        let setup = cycle.cycle.setup.evaluation.clone();
        let codes = setup.score_codes();
        for language in Language::ALL {
            let visit = visit(language);

            let queue = Queue {
                cycle_year: 2027,
                due: String::new(),
                open: false,
                items: vec![QueueItem {
                    number: 12,
                    title: HTML.into(),
                    issue_area: "ai_emerging".into(),
                    session_type: "workshop".into(),
                    state: "submitted".into(),
                    score: Some(3.5),
                }],
                submitted: 1,
                total: 2,
                conflicts: vec![ConflictLine {
                    number: 13,
                    title: HTML.into(),
                    reason: "same_organisation".into(),
                    source: "detected".into(),
                    detail: HTML.into(),
                }],
                setup: setup.clone(),
            };
            let html = render_page(
                &templates,
                &visit,
                "review_queue.html",
                queue_context(language, &cycle, &queue),
            );
            check("review_queue.html", language, &html);
            for id in [
                "queue-progress",
                "item-12",
                "conflicts",
                "evaluation-closed",
            ] {
                assert!(html.contains(&format!("id=\"{id}\"")), "{id}");
            }

            // A refused form: problems listed and beside their fields, values kept.
            let view = proposal(&setup);
            let values = ScoreValues::from_view(&view);
            let problems = ReviewProblems {
                errors: vec![
                    FieldError::new("scores", "out_of_range", HTML),
                    FieldError::new("reasons", "reason_required", HTML),
                ],
                message: Some(HTML.into()),
                conflict_error: Some(HTML.into()),
            };
            let conflict = ConflictValues {
                reason: "own_employer".into(),
                detail: HTML.into(),
            };
            let names = GroupNames::new();
            let page = review_context(&visit, &cycle, &names, &view, &values, &conflict, problems);
            let html = render_page(&templates, &visit, "review.html", page);
            check("review.html", language, &html);
            for id in [
                "flag-developing",
                "flag-first-time",
                "proposer",
                "form-errors",
                "scores-error",
                "reasons-error",
                "conflict-error",
                "save-draft",
                "submit-review",
            ] {
                assert!(html.contains(&format!("id=\"{id}\"")), "{id}");
            }
            assert!(html.contains(&format!("id=\"score-{}-2\" data-low checked", codes[0])));
            assert!(html.contains(&format!("id=\"score-{}-4\" data-high>", codes[0])));
            assert!(html.contains("class=\"required-mark shown\""));
            assert!(html.contains("value=\"3, 40\""), "merge partners kept");
            assert!(html.contains("<option value=\"own_employer\" selected>"));

            let pool = vec![ReviewerLine {
                id: 7,
                email: "r@example.org".into(),
                name: HTML.into(),
                organisation: HTML.into(),
                stakeholder_group: "civil_society".into(),
                country_iso2: "KE".into(),
                region: "african".into(),
                groups: vec!["ai_emerging".into()],
                expertise: vec![HTML.into()],
                load_cap: 70,
                withdrawn: false,
                assigned: 4,
                submitted: 1,
                drafts: 2,
                conflicts: 1,
            }];
            let progress = Progress {
                cycle_year: 2027,
                lines: Vec::new(),
                assigned: 4,
                submitted: 1,
                proposals: 2,
                proposals_complete: 0,
                last_run: Some(HTML.into()),
            };
            let extras = DashboardExtras {
                run: Some(AssignmentRun {
                    cycle_year: 2027,
                    infeasible: (1..=20).map(|n| format!("{HTML} {n}")).collect(),
                    ..AssignmentRun::default()
                }),
                add: AddValues {
                    email: HTML.into(),
                    ..AddValues::default()
                },
                add_errors: vec![FieldError::new("email", "unknown_account", HTML)],
                ..DashboardExtras::default()
            };
            let page = dashboard_context(&visit, &cycle, &names, &pool, &progress, extras);
            let html = render_page(&templates, &visit, "evaluation.html", page);
            check("evaluation.html", language, &html);
            for id in [
                "pool",
                "reviewer-7",
                "withdraw-7",
                "infeasible",
                "infeasible-more",
                "email-error",
                "seed-pool",
                "assign-form",
                "last-run",
            ] {
                assert!(html.contains(&format!("id=\"{id}\"")), "{id}");
            }

            let report = SynthesisReport {
                cycle_year: 2027,
                groups: vec![GroupRanking {
                    code: "ai_emerging".into(),
                    name: HTML.into(),
                    lines: vec![SynthesisLine {
                        number: 12,
                        title: HTML.into(),
                        session_type: "workshop".into(),
                        count: 3,
                        mean: 3.666,
                        spread: 0.577,
                        z_mean: 4.1,
                        robust_mean: 4.0,
                        rank_raw: 3,
                        rank_z: 1,
                        merge_flags: 2,
                        developing_country: true,
                        first_time: true,
                    }],
                }],
                merges: vec![MergeLine {
                    a: 12,
                    b: 13,
                    title_a: HTML.into(),
                    title_b: HTML.into(),
                    similarity: 0.42,
                    shared_terms: vec![HTML.into()],
                    flagged: 1,
                }],
                reviewers: vec![ReviewerNorm {
                    name: HTML.into(),
                    count: 3,
                    mean: 3.0,
                    sd: 1.0,
                    median: 3.0,
                    mad: 1.0,
                }],
                reviews: 3,
                proposals: 1,
            };
            let page = synthesis_context(&cycle, &report, "D".into());
            let html = render_page(&templates, &visit, "synthesis.html", page);
            check("synthesis.html", language, &html);
            for id in [
                "group-ai_emerging",
                "line-12",
                "merge-12-13",
                "reviewer-norm",
            ] {
                assert!(html.contains(&format!("id=\"{id}\"")), "{id}");
            }
            assert!(html.contains("<td class=\"num\">3.67</td>"), "two decimals");
            assert!(html.contains("42 %"));
            assert!(html.contains("▲2"), "moved up two places by normalisation");
        }
    }
}
