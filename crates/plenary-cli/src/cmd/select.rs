//! `plenary select --forum F --cycle Y [--slots workshop=120] [--cap ai=20] [--json] [--apply]`:
//! the optimiser's proposal of a selection for a cycle, acting as `system:cli`, printed with
//! the slots used, the balance targets and the explanations of borderline decisions; with
//! `--apply`, recorded as non-final decisions (the chair records final ones on the board).
//!
//! Each run calls `plenary_app::calls::selection`; the text layout is here.

use plenary_app::ActionError;
use plenary_app::calls::selection::{self, Proposal, SelectionSettings};
use plenary_domain::audit::Actor;

use crate::cli::{CycleArgs, GlobalArgs, SelectArgs};
use crate::config::{self, Failure};

const ACTOR: Actor = Actor::System("cli");

fn failure(err: ActionError, c: &CycleArgs) -> Failure {
    match err {
        ActionError::NotFound => Failure::Other(anyhow::anyhow!(
            "no cycle {} in forum {:?} (set it up first)",
            c.cycle,
            c.forum
        )),
        other => other.into(),
    }
}

/// `code=N` pairs.
fn pairs(flag: &str, items: &[String]) -> Result<Vec<(String, u32)>, Failure> {
    items
        .iter()
        .filter(|i| !i.trim().is_empty())
        .map(|item| {
            let (code, n) = item.split_once('=').ok_or_else(|| {
                Failure::Other(anyhow::anyhow!("--{flag} {item:?}: expected code=N"))
            })?;
            let n: u32 = n.trim().parse().map_err(|_| {
                Failure::Other(anyhow::anyhow!("--{flag} {item:?}: {n:?} is not a count"))
            })?;
            Ok((code.trim().to_owned(), n))
        })
        .collect()
}

/// The settings from the command line (defaults for what is not given).
pub fn settings(args: &SelectArgs) -> Result<SelectionSettings, Failure> {
    let d = SelectionSettings::default();
    Ok(SelectionSettings {
        slots: pairs("slots", &args.slots)?,
        caps: pairs("cap", &args.cap)?,
        developing_country_percent: args.developing.unwrap_or(d.developing_country_percent),
        first_time_percent: args.first_time.unwrap_or(d.first_time_percent),
        region_percent: args.region.unwrap_or(d.region_percent),
        stakeholder_group_percent: args
            .stakeholder_group
            .unwrap_or(d.stakeholder_group_percent),
        women_percent: args.women.unwrap_or(d.women_percent),
    })
}

pub async fn select(global: &GlobalArgs, args: &SelectArgs) -> Result<(), Failure> {
    let settings = settings(args)?;
    let db = config::connect(global, 2).await?;
    config::require_current_schema(&db).await?;
    let app = config::app(db.clone(), &config::no_mail(), "http://localhost")?;
    let c = &args.cycle;
    let result = selection::propose_as_operator(&app, &ACTOR, &c.forum, c.cycle, settings).await;
    let proposal = match result {
        Ok(p) => p,
        Err(e) => {
            db.close().await;
            return Err(failure(e, c));
        }
    };
    let applied = if args.apply && proposal.infeasible.is_empty() {
        let n =
            selection::apply_proposal_as_operator(&app, &ACTOR, &c.forum, c.cycle, proposal.run)
                .await;
        Some(n)
    } else {
        None
    };
    db.close().await;
    let applied = applied.transpose().map_err(|e| failure(e, c))?;
    if args.json {
        let json = serde_json::to_string_pretty(&proposal)
            .map_err(|e| Failure::Other(anyhow::anyhow!("JSON: {e}")))?;
        println!("{json}");
    } else {
        print!("{}", report(&proposal));
        if let Some(n) = applied {
            println!(
                "applied: {n} non-final decision{} recorded (the chair records final ones)",
                if n == 1 { "" } else { "s" }
            );
        }
    }
    if proposal.infeasible.is_empty() {
        Ok(())
    } else {
        Err(Failure::Other(anyhow::anyhow!(
            "no selection meets the rules; nothing proposed"
        )))
    }
}

fn limit(l: Option<u32>) -> String {
    l.map_or_else(|| "no cap".to_owned(), |n| n.to_string())
}

/// The proposal as text: header, slots per session type, caps, balance targets, borderline
/// decisions with their explanations, the accepted list.
pub fn report(p: &Proposal) -> String {
    let mut out = String::new();
    out.push_str(&format!(
        "selection run {} for cycle {}\n",
        p.run, p.cycle_year
    ));
    if !p.infeasible.is_empty() {
        out.push_str("no selection is possible:\n");
        for r in &p.infeasible {
            out.push_str(&format!("  - {r}\n"));
        }
        return out;
    }
    out.push_str(&format!(
        "accepted {} of {} reviewed proposals (score total {:.2}{})\n",
        p.accepted,
        p.decisions.len(),
        p.score_total,
        if p.proven_optimal {
            ", proven optimal"
        } else {
            ""
        }
    ));
    out.push_str("slots per session type:\n");
    for u in &p.per_session_type {
        out.push_str(&format!(
            "  {:<24} {:>4} / {}\n",
            u.code,
            u.accepted,
            limit(u.limit)
        ));
    }
    if p.per_issue_area.iter().any(|u| u.limit.is_some()) {
        out.push_str("caps per issue area:\n");
        for u in p.per_issue_area.iter().filter(|u| u.limit.is_some()) {
            out.push_str(&format!(
                "  {:<24} {:>4} / {}\n",
                u.code,
                u.accepted,
                limit(u.limit)
            ));
        }
    }
    if !p.targets.is_empty() {
        out.push_str("balance:\n");
        for t in &p.targets {
            out.push_str(&format!(
                "  {:<40} {:>5.1} % ({} of {} wanted){}\n",
                t.label,
                t.achieved_percent,
                t.matching,
                t.target,
                if t.shortfall > 0 {
                    format!(", short by {}", t.shortfall)
                } else {
                    String::new()
                }
            ));
        }
    }
    if !p.borderline.is_empty() {
        out.push_str("borderline decisions:\n");
        for b in &p.borderline {
            out.push_str(&format!(
                "  #{} {} ({}, score {:.2}): {}\n",
                b.number,
                if b.accepted {
                    "accepted"
                } else {
                    "not accepted"
                },
                b.session_type,
                b.score,
                b.reason
            ));
        }
    }
    out.push_str("accepted:\n");
    for d in p.decisions.iter().filter(|d| d.accept) {
        out.push_str(&format!(
            "  #{:<5} {:.2}  {:<16} {}{}\n",
            d.number,
            d.score,
            d.session_type,
            d.title,
            if d.fixed { " (final)" } else { "" }
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use plenary_app::calls::selection::{BalanceTarget, BorderlineLine, ProposedDecision, Usage};

    use super::*;

    fn proposal() -> Proposal {
        Proposal {
            run: 3,
            cycle_year: 2026,
            settings: SelectionSettings::default(),
            infeasible: Vec::new(),
            accepted: 1,
            decisions: vec![
                ProposedDecision {
                    number: 12,
                    title: "AI and the commons".into(),
                    session_type: "workshop".into(),
                    score: 4.2,
                    accept: true,
                    fixed: false,
                    reason: "in".into(),
                },
                ProposedDecision {
                    number: 40,
                    title: "Data flows".into(),
                    session_type: "workshop".into(),
                    score: 3.9,
                    accept: false,
                    fixed: false,
                    reason: "out".into(),
                },
            ],
            per_session_type: vec![Usage {
                code: "workshop".into(),
                accepted: 1,
                limit: Some(1),
            }],
            per_issue_area: Vec::new(),
            targets: vec![BalanceTarget {
                label: "developing country ≥ 30 %".into(),
                wanted_percent: 30,
                achieved_percent: 0.0,
                matching: 0,
                target: 1,
                shortfall: 1,
            }],
            balance: None,
            borderline: vec![BorderlineLine {
                number: 40,
                title: "Data flows".into(),
                session_type: "workshop".into(),
                score: 3.9,
                accepted: false,
                flip_change: Some(-0.3),
                binding: vec!["slots of workshop".into()],
                reason: "swapping in #40 for #12 loses 0.30".into(),
            }],
            lines: Vec::new(),
            proven_optimal: true,
            score_total: 4.2,
        }
    }

    #[test]
    fn the_report_shows_slots_balance_borderline_and_the_accepted() {
        let text = report(&proposal());
        assert!(text.starts_with("selection run 3 for cycle 2026\n"));
        assert!(
            text.contains("accepted 1 of 2 reviewed proposals (score total 4.20, proven optimal)")
        );
        assert!(text.contains("workshop                    1 / 1"));
        assert!(text.contains("short by 1"));
        assert!(text.contains("#40 not accepted (workshop, score 3.90): swapping in #40 for #12"));
        assert!(text.contains("#12    4.20  workshop         AI and the commons"));
        assert!(!text.contains("Data flows\n"));
    }

    #[test]
    fn an_infeasible_proposal_says_why_and_nothing_else() {
        let mut p = proposal();
        p.infeasible = vec!["the chair accepted more workshops than there are slots".into()];
        let text = report(&p);
        assert!(text.contains("no selection is possible"));
        assert!(!text.contains("accepted:"));
    }

    #[test]
    fn slots_parse_as_code_equals_count() {
        assert_eq!(
            pairs("slots", &["workshop=120".into(), " lightning = 4".into()]).unwrap(),
            vec![("workshop".into(), 120), ("lightning".into(), 4)]
        );
        assert!(pairs("slots", &["workshop".into()]).is_err());
        assert!(pairs("slots", &["workshop=many".into()]).is_err());
    }
}
