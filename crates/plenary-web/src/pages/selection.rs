//! The selection board of a cycle (stage 3): every evaluated proposal with its normalised and
//! raw scores, flags and organiser profile, the current decision with its rationale, the
//! balance of the accepted set; the optimiser's proposal with its balance targets and
//! borderline explanations; forms to propose, apply a proposal, decide per proposal, record
//! the decisions as final (the chair) and notify proposers (the secretariat).
//!
//! Every handler calls one `plenary_app::calls::selection` action; the app decides who may do
//! what. A successful action redirects to the board; a refused one shows the board again
//! with the problem (422).

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use minijinja::{Value, context};
use plenary_app::ActionError;
use plenary_app::calls::cycles::{self, CycleView};
use plenary_app::calls::selection::{self, Board, DecisionInput, SelectionSettings, Usage};
use plenary_domain::permissions::{Permission, authorize};

use crate::AppState;
use crate::csrf::FormData;
use crate::error::PageError;
use crate::pages::forums::forum_value;
use crate::pages::review::two_decimals;
use crate::pages::{render, require_signed_in, see_other};
use crate::visit::Visit;

fn board_path(slug: &str, year: i32) -> String {
    format!("/f/{slug}/cycles/{year}/selection")
}

fn usage(u: &[Usage]) -> Vec<Value> {
    u.iter()
        .map(|u| context! { code => u.code.clone(), accepted => u.accepted, limit => u.limit })
        .collect()
}

fn board_context(view: &CycleView, board: &Board, error: Option<String>) -> Value {
    let p = &view.principal;
    let lines: Vec<Value> = board
        .lines
        .iter()
        .map(|l| {
            context! {
                number => l.number, title => l.title.clone(), session_type => l.session_type.clone(),
                issue_area => l.issue_area.clone(), group => l.group.clone(), count => l.count,
                mean => two_decimals(l.mean), z_mean => two_decimals(l.z_mean), spread => two_decimals(l.spread),
                rank_z => l.rank_z, rank_raw => l.rank_raw, merge_flags => l.merge_flags,
                developing_country => l.developing_country, first_time => l.first_time,
                region => l.region.clone(), stakeholder_group => l.stakeholder_group.clone(), gender => l.gender.clone(),
                decision => l.decision.as_ref().map(|d| context! {
                    decision => d.decision.clone(), condition => d.condition.clone(), rationale => d.rationale.clone(),
                    decided_by => d.decided_by.clone(), decided_at => d.decided_at.clone(),
                    is_final => d.is_final, notified => d.notified, run => d.run,
                }),
            }
        })
        .collect();
    let shares = |s: &[selection::Share]| -> Vec<Value> {
        s.iter()
            .map(|s| context! { value => s.value.clone(), count => s.count, percent => format!("{:.0}", s.percent) })
            .collect()
    };
    let b = &board.balance;
    let balance = context! {
        accepted => b.accepted,
        by_region => shares(&b.by_region), by_stakeholder_group => shares(&b.by_stakeholder_group),
        by_gender => shares(&b.by_gender),
        first_time => shares(std::slice::from_ref(&b.first_time)),
        developing_country => shares(std::slice::from_ref(&b.developing_country)),
        per_issue_area => usage(&b.per_issue_area), per_session_type => usage(&b.per_session_type),
    };
    let proposal = board.last_proposal.as_ref().map(|p| {
        context! {
            run => p.run, accepted => p.accepted, infeasible => p.infeasible.clone(),
            lines => p.lines.clone(),
            targets => p.targets.iter().map(|t| context! {
                label => t.label.clone(), achieved => format!("{:.0}", t.achieved_percent),
                matching => t.matching, target => t.target, shortfall => t.shortfall,
            }).collect::<Vec<_>>(),
            borderline => p.borderline.iter().map(|b| context! {
                number => b.number, title => b.title.clone(), accepted => b.accepted,
                score => two_decimals(b.score), reason => b.reason.clone(),
            }).collect::<Vec<_>>(),
            per_session_type => usage(&p.per_session_type),
        }
    });
    let settings = board
        .last_proposal
        .as_ref()
        .map(|p| p.settings.clone())
        .unwrap_or_default();
    let slots: Vec<Value> = b
        .per_session_type
        .iter()
        .map(|u| {
            let given = settings
                .slots
                .iter()
                .find(|(t, _)| t == &u.code)
                .map(|(_, s)| *s)
                .or(u.limit);
            context! { code => u.code.clone(), slots => given }
        })
        .collect();
    context! {
        forum => forum_value(&view.forum), year => board.cycle_year,
        lines => lines, balance => balance, proposal => proposal, slots => slots,
        settings => context! {
            developing => settings.developing_country_percent, first_time => settings.first_time_percent,
            region => settings.region_percent, stakeholder_group => settings.stakeholder_group_percent,
            women => settings.women_percent,
        },
        decided => board.decided, finals => board.finals, notified => board.notified, reviews => board.reviews,
        can_decide => authorize(p, Permission::DecideSelection).is_ok(),
        can_finalise => authorize(p, Permission::FinaliseSelection).is_ok(),
        can_notify => authorize(p, Permission::ManageCalls).is_ok(),
        error => error,
    }
}

async fn board_page(
    state: &AppState,
    visit: &Visit,
    slug: &str,
    year: i32,
    status: StatusCode,
    error: Option<String>,
) -> Result<Response, PageError> {
    let board = selection::board(&state.app, &visit.viewer, slug, year)
        .await
        .map_err(|e| PageError::from_action(e, &visit.here))?;
    let view = cycles::cycle(&state.app, &visit.viewer, slug, year)
        .await
        .map_err(|e| PageError::from_action(e, &visit.here))?;
    Ok(render(
        state,
        visit,
        status,
        "selection.html",
        board_context(&view, &board, error),
    ))
}

/// After an action: the board on success; the board with the problem when the action was
/// refused for its input; the error page when refused for who asks.
async fn after(
    state: &AppState,
    visit: &Visit,
    slug: &str,
    year: i32,
    result: Result<(), ActionError>,
    action: &str,
) -> Result<Response, PageError> {
    match result {
        Ok(()) => Ok(see_other(&board_path(slug, year))),
        Err(ActionError::Invalid(field)) => {
            let message = crate::pages::field_error_message(visit, &field);
            board_page(
                state,
                visit,
                slug,
                year,
                StatusCode::UNPROCESSABLE_ENTITY,
                Some(message),
            )
            .await
        }
        Err(ActionError::Rule { message, .. }) => {
            board_page(
                state,
                visit,
                slug,
                year,
                StatusCode::UNPROCESSABLE_ENTITY,
                Some(message),
            )
            .await
        }
        Err(other) => Err(PageError::from_action(other, action)),
    }
}

/// GET /f/{slug}/cycles/{year}/selection: the selection board.
pub(crate) async fn board(
    State(state): State<AppState>,
    visit: Visit,
    Path((slug, year)): Path<(String, i32)>,
) -> Result<Response, PageError> {
    require_signed_in(&visit, None, &visit.here)?;
    board_page(&state, &visit, &slug, year, StatusCode::OK, None).await
}

fn percent_field(form: &FormData, name: &str, default: u32) -> Result<u32, ActionError> {
    let text = form.get(name).trim();
    if text.is_empty() {
        return Ok(default);
    }
    text.parse().map_err(|_| {
        ActionError::Invalid(plenary_domain::FieldError::new(
            "percent",
            "not_a_number",
            format!("{text:?} is not a whole percentage"),
        ))
    })
}

fn settings_of(form: &FormData, types: &[String]) -> Result<SelectionSettings, ActionError> {
    let d = SelectionSettings::default();
    let mut slots = Vec::new();
    for t in types {
        let text = form.get(&format!("slots_{t}")).trim();
        if text.is_empty() {
            continue;
        }
        let n: u32 = text.parse().map_err(|_| {
            ActionError::Invalid(plenary_domain::FieldError::new(
                "slots",
                "not_a_number",
                format!("{text:?} is not a number of slots"),
            ))
        })?;
        slots.push((t.clone(), n));
    }
    Ok(SelectionSettings {
        slots,
        caps: Vec::new(),
        developing_country_percent: percent_field(
            form,
            "developing",
            d.developing_country_percent,
        )?,
        first_time_percent: percent_field(form, "first_time", d.first_time_percent)?,
        region_percent: percent_field(form, "region", d.region_percent)?,
        stakeholder_group_percent: percent_field(
            form,
            "stakeholder_group",
            d.stakeholder_group_percent,
        )?,
        women_percent: percent_field(form, "women", d.women_percent)?,
    })
}

/// POST /f/{slug}/cycles/{year}/selection/propose: run the optimiser (no decision recorded).
pub(crate) async fn propose(
    State(state): State<AppState>,
    visit: Visit,
    Path((slug, year)): Path<(String, i32)>,
    form: FormData,
) -> Result<Response, PageError> {
    let action = format!("{}/propose", board_path(&slug, year));
    require_signed_in(&visit, Some(&form), &action)?;
    let types: Vec<String> = match cycles::cycle(&state.app, &visit.viewer, &slug, year).await {
        Ok(view) => view
            .cycle
            .setup
            .session_types
            .iter()
            .map(|k| k.code.clone())
            .collect(),
        Err(e) => return Err(PageError::from_action(e, &action)),
    };
    let result = match settings_of(&form, &types) {
        Ok(settings) => selection::propose(&state.app, &visit.viewer, &slug, year, settings)
            .await
            .map(|_| ()),
        Err(e) => Err(e),
    };
    after(&state, &visit, &slug, year, result, &action).await
}

/// POST /f/{slug}/cycles/{year}/selection/apply: record run `run` as non-final decisions.
pub(crate) async fn apply(
    State(state): State<AppState>,
    visit: Visit,
    Path((slug, year)): Path<(String, i32)>,
    form: FormData,
) -> Result<Response, PageError> {
    let action = format!("{}/apply", board_path(&slug, year));
    require_signed_in(&visit, Some(&form), &action)?;
    let run = form.get("run").trim().parse::<i64>().unwrap_or(0);
    let result = selection::apply_proposal(&state.app, &visit.viewer, &slug, year, run)
        .await
        .map(|_| ());
    after(&state, &visit, &slug, year, result, &action).await
}

/// POST /f/{slug}/cycles/{year}/selection/{number}: record a decision with its rationale.
pub(crate) async fn decide(
    State(state): State<AppState>,
    visit: Visit,
    Path((slug, year, number)): Path<(String, i32, u32)>,
    form: FormData,
) -> Result<Response, PageError> {
    let action = format!("{}/{number}", board_path(&slug, year));
    require_signed_in(&visit, Some(&form), &action)?;
    let input = DecisionInput {
        decision: form.get("decision").to_owned(),
        condition: form.get("condition").to_owned(),
        rationale: form.get("rationale").to_owned(),
    };
    let result = selection::decide(&state.app, &visit.viewer, &slug, year, number, input)
        .await
        .map(|_| ());
    after(&state, &visit, &slug, year, result, &action).await
}

/// POST /f/{slug}/cycles/{year}/selection/finalise: the chair records the decisions as final.
pub(crate) async fn finalise(
    State(state): State<AppState>,
    visit: Visit,
    Path((slug, year)): Path<(String, i32)>,
    form: FormData,
) -> Result<Response, PageError> {
    let action = format!("{}/finalise", board_path(&slug, year));
    require_signed_in(&visit, Some(&form), &action)?;
    let result = selection::finalise(&state.app, &visit.viewer, &slug, year)
        .await
        .map(|_| ());
    after(&state, &visit, &slug, year, result, &action).await
}

/// POST /f/{slug}/cycles/{year}/selection/notify: mail the proposers of final decisions.
pub(crate) async fn notify(
    State(state): State<AppState>,
    visit: Visit,
    Path((slug, year)): Path<(String, i32)>,
    form: FormData,
) -> Result<Response, PageError> {
    let action = format!("{}/notify", board_path(&slug, year));
    require_signed_in(&visit, Some(&form), &action)?;
    let result = selection::notify(&state.app, &visit.viewer, &slug, year)
        .await
        .map(|_| ());
    after(&state, &visit, &slug, year, result, &action).await
}

#[cfg(test)]
mod tests {
    use plenary_app::calls::cycles::Cycle;
    use plenary_app::calls::selection::{
        BalanceSummary, BalanceTarget, BoardLine, BorderlineLine, DecisionView, Proposal, Share,
    };
    use plenary_domain::forums::{Forum, ForumKind, Slug};
    use plenary_domain::permissions::{Principal, Role};
    use plenary_domain::{AccountId, ForumId, Language, Timestamp};

    use super::*;
    use crate::templates::Templates;

    const HTML: &str = "<script>alert('x')</script> & <b>bold</b>";

    fn view(roles: &[Role]) -> CycleView {
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
            principal: Principal {
                account: Some(AccountId(1)),
                roles: roles.to_vec(),
            },
        }
    }

    fn share(value: &str) -> Share {
        Share {
            value: value.into(),
            count: 1,
            percent: 50.0,
        }
    }

    fn board() -> Board {
        let line = |number: u32, decision: Option<DecisionView>| BoardLine {
            number,
            title: HTML.into(),
            session_type: "workshop".into(),
            issue_area: "ai".into(),
            group: HTML.into(),
            count: 3,
            mean: 3.5,
            spread: 0.5,
            z_mean: 3.7,
            robust_mean: 3.6,
            rank_raw: 2,
            rank_z: 1,
            merge_flags: 1,
            developing_country: true,
            first_time: true,
            region: "african".into(),
            stakeholder_group: HTML.into(),
            gender: "woman".into(),
            decision,
        };
        let usage = Usage {
            code: "workshop".into(),
            accepted: 1,
            limit: Some(2),
        };
        Board {
            cycle_year: 2027,
            lines: vec![
                line(
                    12,
                    Some(DecisionView {
                        decision: "conditional".into(),
                        condition: HTML.into(),
                        rationale: HTML.into(),
                        decided_by: "account:1".into(),
                        decided_at: "2027-07-01 10:00 UTC".into(),
                        is_final: true,
                        notified: false,
                        run: Some(1),
                    }),
                ),
                line(13, None),
            ],
            balance: BalanceSummary {
                accepted: 1,
                by_region: vec![share("african")],
                by_stakeholder_group: vec![share(HTML)],
                by_gender: vec![share("woman")],
                first_time: share("first_time"),
                developing_country: share("developing_country"),
                per_issue_area: vec![Usage {
                    code: "ai".into(),
                    accepted: 1,
                    limit: None,
                }],
                per_session_type: vec![usage.clone()],
            },
            decided: 1,
            finals: 1,
            notified: 0,
            reviews: 6,
            last_proposal: Some(Proposal {
                run: 1,
                cycle_year: 2027,
                settings: SelectionSettings::default(),
                infeasible: Vec::new(),
                accepted: 1,
                decisions: Vec::new(),
                per_session_type: vec![usage],
                per_issue_area: Vec::new(),
                targets: vec![BalanceTarget {
                    label: "developing country ≥ 30 %".into(),
                    wanted_percent: 30,
                    achieved_percent: 100.0,
                    matching: 1,
                    target: 1,
                    shortfall: 0,
                }],
                balance: None,
                borderline: vec![BorderlineLine {
                    number: 13,
                    title: HTML.into(),
                    session_type: "workshop".into(),
                    score: 3.1,
                    accepted: false,
                    flip_change: Some(-0.2),
                    binding: Vec::new(),
                    reason: HTML.into(),
                }],
                lines: Vec::new(),
                proven_optimal: true,
                score_total: 3.7,
            }),
        }
    }

    #[test]
    fn the_board_renders_in_every_language_with_forms_by_role() {
        let templates = Templates::load();
        for language in Language::ALL {
            for (roles, decide, finalise, notify) in [
                (vec![Role::Chair], true, true, false),
                (vec![Role::Secretariat], true, false, true),
                (vec![Role::BodyMember], false, false, false),
            ] {
                let page = board_context(&view(&roles), &board(), Some(HTML.into()));
                let merged = context! { ..page, ..context! {
                    lang => language.code(), dir => "ltr", csrf => "token",
                    here => "/f/igf/cycles/2027/selection", languages => Vec::<Value>::new(),
                }};
                let html = templates
                    .render("selection.html", merged)
                    .unwrap_or_else(|e| panic!("{language:?}: {e:#}"));
                assert!(!html.contains("<script>alert"), "{language:?}");
                assert!(html.contains("&lt;script&gt;alert("), "{language:?}");
                for raw in [">sel-", "\"sel-", " sel-", "(sel-"] {
                    assert!(!html.contains(raw), "{language:?} shows {raw}: {html}");
                }
                assert_eq!(html.contains("id=\"propose-form\""), decide, "{roles:?}");
                assert_eq!(html.contains("class=\"decide\""), decide, "{roles:?}");
                assert_eq!(html.contains("id=\"finalise-form\""), finalise, "{roles:?}");
                assert_eq!(html.contains("id=\"notify-form\""), notify, "{roles:?}");
                assert!(html.contains("id=\"borderline-13\""));
            }
        }
    }
}
