//! `plenary seats --forum F --body B [--year Y]`: a body's seats in a year for operators:
//! every membership in force with its state and engagement evaluation, the vacancies to
//! refill at the end of the cycle (from the same stakeholder group), and the year's
//! officers. Read-only; the last line summarises. Every rule comes from `plenary-app`.

use std::fmt::Write as _;

use plenary_app::bodies::roster::seat_kind_code;
use plenary_app::bodies::seats::{self, office_code, state_code};

use crate::cli::{GlobalArgs, SeatsArgs};
use crate::config::{self, Failure};

pub async fn run(global: &GlobalArgs, args: &SeatsArgs) -> Result<(), Failure> {
    let db = config::connect(global, 1).await?;
    config::require_current_schema(&db).await?;
    let app = config::app(db.clone(), &config::no_mail(), "http://localhost")?;
    let view = match seats::seats_as_operator(&app, &args.forum, &args.body, args.year).await {
        Ok(view) => view,
        Err(plenary_app::ActionError::NotFound) => {
            return Err(Failure::Other(anyhow::anyhow!(
                "no body {:?} with a constitution in forum {:?}",
                args.body,
                args.forum
            )));
        }
        Err(other) => return Err(other.into()),
    };
    db.close().await;
    let mut out = String::new();
    let _ = writeln!(out, "{} — seats in {}", view.body.name, view.year);
    let _ = writeln!(
        out,
        "{:<8} {:<28} {:<32} {:<22} {:>4} {:<12} engagement",
        "id", "name", "seat", "stakeholder group", "term", "state"
    );
    let mut below = 0;
    for s in &view.seats {
        let engagement = match &s.engagement {
            Some(e) if e.satisfactory => format!(
                "{}/{} meetings, {}/{} reviews: meets the policy",
                e.record.meetings_attended,
                e.record.meetings_held,
                e.record.reviews_done,
                e.record.reviews_assigned
            ),
            Some(e) => {
                below += 1;
                format!(
                    "{}/{} meetings, {}/{} reviews: BELOW the policy",
                    e.record.meetings_attended,
                    e.record.meetings_held,
                    e.record.reviews_done,
                    e.record.reviews_assigned
                )
            }
            None => "not recorded".to_owned(),
        };
        let _ = writeln!(
            out,
            "{:<8} {:<28} {:<32} {:<22} {:>4} {:<12} {engagement}",
            s.membership,
            s.name,
            seat_kind_code(&s.seat),
            s.stakeholder_group,
            s.term_number,
            state_code(s.state),
        );
    }
    for v in &view.vacancies {
        let _ = writeln!(
            out,
            "vacancy: seat left by {} on {}; refill from {} at the end of the cycle ({})",
            v.former_member,
            v.resigned_at.to_display_utc(),
            v.stakeholder_group,
            v.refill_at.to_display_utc()
        );
    }
    for o in &view.officers {
        let _ = writeln!(
            out,
            "officer: {} {} ({})",
            office_code(o.office),
            o.name,
            o.stakeholder_group
        );
    }
    let _ = writeln!(
        out,
        "seats: {} memberships in {}, {} vacancies to refill, {} engagement records below the policy",
        view.seats.len(),
        view.year,
        view.vacancies.len(),
        below
    );
    print!("{out}");
    Ok(())
}
