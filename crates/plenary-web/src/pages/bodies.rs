//! Public pages of a forum's bodies: the list, and a body's roster for a year with its
//! balance charts (server-rendered SVG, each with the same numbers as an accessible table)
//! and the composition check.

use axum::extract::{Path, Query, State};
use axum::response::Response;
use minijinja::{Value, context};
use plenary_app::bodies::roster::{self, seat_kind_code};

use crate::AppState;
use crate::error::PageError;
use crate::pages::forums::forum_value;
use crate::pages::page;
use crate::visit::Visit;

#[derive(Debug, serde::Deserialize)]
pub(crate) struct YearQuery {
    #[serde(default)]
    year: Option<i32>,
}

/// GET /f/{slug}/bodies
pub(crate) async fn list(
    State(state): State<AppState>,
    visit: Visit,
    Path(slug): Path<String>,
) -> Result<Response, PageError> {
    let (forum, bodies) = roster::list_bodies(&state.app, &visit.viewer, &slug)
        .await
        .map_err(|e| PageError::from_action(e, &visit.here))?;
    let items: Vec<Value> = bodies
        .into_iter()
        .map(|b| context! { slug => b.slug, name => b.name })
        .collect();
    Ok(page(
        &state,
        &visit,
        "bodies.html",
        context! { forum => forum_value(&forum), bodies => items },
    ))
}

/// GET /f/{slug}/bodies/{body}?year=YYYY
pub(crate) async fn show(
    State(state): State<AppState>,
    visit: Visit,
    Path((slug, body)): Path<(String, String)>,
    Query(query): Query<YearQuery>,
) -> Result<Response, PageError> {
    let roster = roster::roster(&state.app, &visit.viewer, &slug, &body, query.year)
        .await
        .map_err(|e| PageError::from_action(e, &visit.here))?;
    let calls = plenary_app::bodies::nominations::calls(&state.app, &visit.viewer, &slug, &body)
        .await
        .map_err(|e| PageError::from_action(e, &visit.here))?;
    let open_calls: Vec<Value> = calls
        .calls
        .iter()
        .filter(|c| c.is_open)
        .map(|c| context! { year => c.cycle_year, title => c.title.clone(), closes_at => c.closes_at.to_display_utc() })
        .collect();
    let t = |id: &str| plenary_app::i18n::t(visit.language, id);
    let label = |dimension: &str, key: &str| -> String {
        match dimension {
            "region" => t(&format!("group-{key}")),
            "stakeholder_group" => key.replace('_', " "),
            _ => key.to_owned(),
        }
    };
    let mut charts = Vec::new();
    for dimension in ["stakeholder_group", "region", "gender"] {
        let rows: Vec<(String, u32)> = roster
            .balance
            .iter()
            .filter(|b| b.dimension == dimension)
            .map(|b| (label(dimension, &b.key), b.count))
            .collect();
        let title = t(&format!("dim-{dimension}"));
        charts.push(context! {
            id => dimension,
            title => title.clone(),
            svg => bar_chart(dimension, &title, &rows),
            rows => rows.iter().map(|(l, c)| context! { label => l, count => c }).collect::<Vec<_>>(),
        });
    }
    let members: Vec<Value> = roster
        .members
        .iter()
        .map(|m| {
            let seat = seat_kind_code(&m.seat);
            let seat_class = seat.split(':').next().unwrap_or("regular").to_owned();
            context! {
                name => m.name.clone(), seat => t(&format!("seat-{seat_class}")), seat_detail => seat.split(':').nth(1).map(|r| r.replace('_', " ")),
                group => m.stakeholder_group.replace('_', " "), country => m.country_iso2.clone(),
                region => t(&format!("group-{}", m.region.code())), gender => m.gender.clone(), term => m.term_number,
            }
        })
        .collect();
    Ok(page(
        &state,
        &visit,
        "roster.html",
        context! {
            forum => forum_value(&roster.forum), body => context! { slug => roster.body.slug.clone(), name => roster.body.name.clone() },
            constitution => roster.constitution.rules().name.clone(), version => roster.constitution_version,
            year => roster.year, years => roster.years.clone(), members => members, charts => charts, deviations => roster.deviations.clone(),
            open_calls => open_calls, can_manage => calls.can_manage,
        },
    ))
}

/// Escapes text for SVG/HTML.
fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// A horizontal bar chart as inline SVG; the page shows the same numbers in a table.
fn bar_chart(id: &str, title: &str, rows: &[(String, u32)]) -> String {
    let bar_height = 22;
    let label_width = 230;
    let bar_width = 300;
    let max = rows.iter().map(|(_, c)| *c).max().unwrap_or(1).max(1);
    let height = bar_height * rows.len().max(1) + 8;
    let mut svg = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" width=\"{}\" height=\"{height}\" role=\"img\" aria-labelledby=\"chart-{id}-title\" viewBox=\"0 0 {} {height}\"><title id=\"chart-{id}-title\">{}</title>",
        label_width + bar_width + 40,
        label_width + bar_width + 40,
        escape(title)
    );
    for (idx, (label, count)) in rows.iter().enumerate() {
        let y = idx * bar_height + 4;
        let width = (bar_width as u64 * u64::from(*count) / u64::from(max)).max(1);
        svg.push_str(&format!(
            "<text x=\"{}\" y=\"{}\" text-anchor=\"end\" class=\"label\">{}</text><rect x=\"{}\" y=\"{y}\" width=\"{width}\" height=\"{}\" class=\"bar\"></rect><text x=\"{}\" y=\"{}\" class=\"value\">{count}</text>",
            label_width - 8,
            y + 15,
            escape(label),
            label_width,
            bar_height - 6,
            label_width + width as usize + 6,
            y + 15,
        ));
    }
    svg.push_str("</svg>");
    svg
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bars_scale_to_the_largest_count_and_escape_labels() {
        let svg = bar_chart("g", "By <group>", &[("a & b".into(), 10), ("c".into(), 5)]);
        assert!(
            svg.contains("<title id=\"chart-g-title\">By &lt;group&gt;</title>"),
            "{svg}"
        );
        assert!(svg.contains(">a &amp; b</text>"), "{svg}");
        assert!(svg.contains("width=\"300\" height=\"16\""), "{svg}");
        assert!(svg.contains("width=\"150\" height=\"16\""), "{svg}");
    }
}
