//! Public pages of a forum's bodies: the list, and a body's roster for a year with its
//! balance charts (server-rendered SVG, each with the same numbers as an accessible table),
//! the stakeholder group × UN regional group grid with its gender split (`cross_tab`), the
//! seats filled by position (ex officio and standing host-country seats, from the forum's
//! host list), the composition check and the year's officers; the secretariat gets links to
//! the seat screens (`pages::seats`).

use axum::extract::{Path, Query, State};
use axum::response::Response;
use minijinja::{Value, context};
use plenary_app::bodies::roster::{self, SeatHolder, seat_kind_code};
use plenary_app::bodies::seats;
use plenary_domain::bodies::SeatKind;

use crate::AppState;
use crate::error::PageError;
use crate::pages::forums::forum_value;
use crate::pages::page;
use crate::visit::Visit;

#[derive(Debug, serde::Deserialize)]
pub(crate) struct YearQuery {
    #[serde(default)]
    year: Option<i32>,
    /// A preset to check the roster's members against (`approach_c_mhlb`).
    #[serde(default)]
    under: Option<String>,
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
    let under = match query.under.as_deref().filter(|name| !name.is_empty()) {
        None => None,
        Some(name) => {
            let constitution =
                plenary_app::bodies::document::preset(name).ok_or_else(|| PageError::Invalid {
                    field: "under".to_owned(),
                })?;
            let deviations = roster::check_roster_under(&roster, &constitution);
            Some(
                context! { name => name, title => constitution.rules().name.clone(), deviations => deviations },
            )
        }
    };
    let presets = plenary_app::bodies::document::preset_names();
    let officers: Vec<Value> =
        seats::officers_of_year(&state.app, &visit.viewer, &slug, &body, roster.year)
            .await
            .map_err(|e| PageError::from_action(e, &visit.here))?
            .into_iter()
            .map(|o| {
                context! {
                    office => plenary_app::i18n::t(visit.language, &format!("office-{}", seats::office_code(o.office))),
                    name => o.name, group => o.stakeholder_group.replace('_', " "),
                }
            })
            .collect();
    let can_manage = seats::can_manage_bodies(&state.app, &visit.viewer, &slug)
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
    let holder = |h: &SeatHolder| -> String {
        match h {
            SeatHolder::Country { name, .. } => name.clone(),
            SeatHolder::Person { name } => name.clone(),
            SeatHolder::ToBeNamed => t("roster-to-be-named"),
        }
    };
    let ex_officio: Vec<Value> = roster
        .ex_officio
        .iter()
        .map(|seat| {
            let code = seat_kind_code(&SeatKind::ExOfficio(seat.role.clone()));
            let role = code.trim_start_matches("ex_officio:");
            let known = ["current_host_country", "previous_host_country", "next_host_country", "mag_chair", "tech_envoy"];
            let role = if known.contains(&role) {
                t(&format!("exofficio-{role}"))
            } else {
                role.replace('_', " ")
            };
            context! { role => role, holder => holder(&seat.holder), named => seat.holder != SeatHolder::ToBeNamed }
        })
        .collect();
    let standing: Vec<Value> = roster
        .standing
        .iter()
        .map(|h| context! { holder => holder(h), named => *h != SeatHolder::ToBeNamed })
        .collect();
    let regular: Vec<CrossMember> = roster
        .members
        .iter()
        .filter(|m| m.seat == SeatKind::Regular)
        .map(|m| CrossMember {
            group: label("stakeholder_group", &m.stakeholder_group),
            region: label("region", m.region.code()),
            gender: GenderClass::of(&m.gender),
        })
        .collect();
    let cross = cross_tab(
        &CrossWords {
            caption: t("roster-crosstab-caption"),
            corner: t("roster-crosstab-corner"),
            total: t("col-total"),
        },
        &regular,
    );
    Ok(page(
        &state,
        &visit,
        "roster.html",
        context! {
            forum => forum_value(&roster.forum), body => context! { slug => roster.body.slug.clone(), name => roster.body.name.clone() },
            constitution => roster.constitution.rules().name.clone(), version => roster.constitution_version,
            year => roster.year, years => roster.years.clone(), members => members, charts => charts, deviations => roster.deviations.clone(),
            under => under, presets => presets,
            officers => officers, can_manage => can_manage,
            ex_officio => ex_officio, standing => standing, cross_tab => cross,
            open_calls => open_calls,
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

/// A man, a woman, or anyone else, for the cross-tab's gender split.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum GenderClass {
    Woman,
    Man,
    Other,
}

impl GenderClass {
    fn of(gender: &str) -> GenderClass {
        match gender.trim().to_lowercase().as_str() {
            "woman" | "female" | "f" => GenderClass::Woman,
            "man" | "male" | "m" => GenderClass::Man,
            _ => GenderClass::Other,
        }
    }
}

/// One regular member as the cross-tab counts them (labels already in the page's language).
#[derive(Debug, Clone)]
pub(crate) struct CrossMember {
    pub group: String,
    pub region: String,
    pub gender: GenderClass,
}

/// The words of the cross-tab, in the page's language.
#[derive(Debug, Clone)]
pub(crate) struct CrossWords {
    /// Says what rows, columns and the "women / men / other" line in each cell are.
    pub caption: String,
    /// The header of the row-label column.
    pub corner: String,
    pub total: String,
}

/// Counts per (row, column) with the gender split: [women, men, other].
type Split = [u32; 3];

fn add(split: &mut Split, gender: GenderClass) {
    let idx = match gender {
        GenderClass::Woman => 0,
        GenderClass::Man => 1,
        GenderClass::Other => 2,
    };
    split[idx] += 1;
}

/// The stakeholder group × UN regional group grid as an accessible HTML table: a caption,
/// header cells with scopes, one row per group and one column per region (both sorted by
/// label), a total column and a total row. Each cell shows the count and "women / men /
/// other" beneath it, and carries a class `heat-0` (empty) to `heat-4` (the largest cell),
/// which the stylesheet shades, so the table reads as a heat map. Empty input: empty string.
pub(crate) fn cross_tab(words: &CrossWords, members: &[CrossMember]) -> String {
    use std::collections::BTreeMap;

    if members.is_empty() {
        return String::new();
    }
    let mut cells: BTreeMap<(&str, &str), Split> = BTreeMap::new();
    let mut rows: BTreeMap<&str, Split> = BTreeMap::new();
    let mut columns: BTreeMap<&str, Split> = BTreeMap::new();
    let mut total: Split = [0; 3];
    for m in members {
        add(cells.entry((&m.group, &m.region)).or_default(), m.gender);
        add(rows.entry(&m.group).or_default(), m.gender);
        add(columns.entry(&m.region).or_default(), m.gender);
        add(&mut total, m.gender);
    }
    let max = cells
        .values()
        .map(|s| s.iter().sum::<u32>())
        .max()
        .unwrap_or(1)
        .max(1);
    let cell = |split: &Split, heat: bool| -> String {
        let count: u32 = split.iter().sum();
        let class = if heat {
            format!(" class=\"heat-{}\"", (count * 4).div_ceil(max))
        } else {
            String::new()
        };
        format!(
            "<td{class}><span class=\"n\">{count}</span><span class=\"split\">{} / {} / {}</span></td>",
            split[0], split[1], split[2]
        )
    };
    let mut html = format!(
        "<table class=\"crosstab\" id=\"crosstab\"><caption>{}</caption><thead><tr><th scope=\"col\">{}</th>",
        escape(&words.caption),
        escape(&words.corner)
    );
    for region in columns.keys() {
        html.push_str(&format!("<th scope=\"col\">{}</th>", escape(region)));
    }
    html.push_str(&format!(
        "<th scope=\"col\">{}</th></tr></thead><tbody>",
        escape(&words.total)
    ));
    for (group, row_total) in &rows {
        html.push_str(&format!("<tr><th scope=\"row\">{}</th>", escape(group)));
        for region in columns.keys() {
            let split = cells.get(&(*group, *region)).copied().unwrap_or_default();
            html.push_str(&cell(&split, true));
        }
        html.push_str(&cell(row_total, false));
        html.push_str("</tr>");
    }
    html.push_str(&format!(
        "</tbody><tfoot><tr><th scope=\"row\">{}</th>",
        escape(&words.total)
    ));
    for column_total in columns.values() {
        html.push_str(&cell(column_total, false));
    }
    html.push_str(&cell(&total, false));
    html.push_str("</tr></tfoot></table>");
    html
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_cross_tab_counts_each_cell_with_its_gender_split_and_totals() {
        let words = CrossWords {
            caption: "Groups × <regions>".into(),
            corner: "Group".into(),
            total: "Total".into(),
        };
        let m = |group: &str, region: &str, gender: GenderClass| CrossMember {
            group: group.into(),
            region: region.into(),
            gender,
        };
        let members = [
            m("government", "African", GenderClass::Woman),
            m("government", "African", GenderClass::Man),
            m("government", "African", GenderClass::Woman),
            m("government", "WEOG", GenderClass::Other),
            m("civil society", "African", GenderClass::Man),
        ];
        let html = cross_tab(&words, &members);
        let cases: [(&str, &str); 7] = [
            (
                "escaped caption",
                "<caption>Groups × &lt;regions&gt;</caption>",
            ),
            (
                "columns sorted by label, then the total",
                "<th scope=\"col\">Group</th><th scope=\"col\">African</th><th scope=\"col\">WEOG</th><th scope=\"col\">Total</th>",
            ),
            // Rows sorted by label: civil society first; its empty WEOG cell is heat-0.
            (
                "a row with an empty cell",
                "<tr><th scope=\"row\">civil society</th><td class=\"heat-2\"><span class=\"n\">1</span><span class=\"split\">0 / 1 / 0</span></td><td class=\"heat-0\"><span class=\"n\">0</span><span class=\"split\">0 / 0 / 0</span></td><td><span class=\"n\">1</span><span class=\"split\">0 / 1 / 0</span></td></tr>",
            ),
            (
                "the largest cell is heat-4",
                "<td class=\"heat-4\"><span class=\"n\">3</span><span class=\"split\">2 / 1 / 0</span></td>",
            ),
            (
                "row total",
                "<td><span class=\"n\">4</span><span class=\"split\">2 / 1 / 1</span></td></tr>",
            ),
            (
                "column totals",
                "<tfoot><tr><th scope=\"row\">Total</th><td><span class=\"n\">4</span><span class=\"split\">2 / 2 / 0</span></td><td><span class=\"n\">1</span><span class=\"split\">0 / 0 / 1</span></td>",
            ),
            (
                "grand total",
                "<td><span class=\"n\">5</span><span class=\"split\">2 / 2 / 1</span></td></tr></tfoot></table>",
            ),
        ];
        for (name, expected) in cases {
            assert!(html.contains(expected), "{name}: {html}");
        }
        assert_eq!(cross_tab(&words, &[]), "");
    }

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
