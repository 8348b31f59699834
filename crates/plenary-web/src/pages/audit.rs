//! The secretariat's audit trail page: filters, seek pagination and a CSV export.

use axum::extract::{Path, Query, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use filter::AuditQuery;
use minijinja::{Value, context};
use plenary_app::{audit, forums};

use crate::AppState;
use crate::error::PageError;
use crate::pages::forums::forum_value;
use crate::pages::{page, urlencode};
use crate::visit::Visit;

/// The audit filter as it appears in a query string (shared with the JSON API).
pub(crate) mod filter {
    use plenary_app::audit::AuditFilter;
    use plenary_domain::{FieldError, Timestamp};

    #[derive(Debug, Clone, Default, serde::Deserialize)]
    pub(crate) struct AuditQuery {
        #[serde(default)]
        pub action: String,
        #[serde(default)]
        pub entity_type: String,
        /// A date (`2026-11-22`, from midnight UTC) or an RFC 3339 time.
        #[serde(default)]
        pub since: String,
        /// A date (up to the end of that day, UTC) or an RFC 3339 time (exclusive).
        #[serde(default)]
        pub until: String,
        #[serde(default)]
        pub before: Option<i64>,
        #[serde(default)]
        pub limit: Option<i64>,
    }

    fn parse_time(
        field: &'static str,
        raw: &str,
        end_of_day: bool,
    ) -> Result<Option<Timestamp>, FieldError> {
        let raw = raw.trim();
        if raw.is_empty() {
            return Ok(None);
        }
        let text = if raw.len() == 10 {
            format!("{raw}T00:00:00Z")
        } else {
            raw.to_owned()
        };
        let at: Timestamp = text.parse().map_err(|_| {
            FieldError::new(
                field,
                "not_a_date",
                "expected YYYY-MM-DD or an RFC 3339 time",
            )
        })?;
        Ok(Some(if end_of_day && raw.len() == 10 {
            at.plus(plenary_domain::time::Seconds(86_400))
        } else {
            at
        }))
    }

    impl AuditQuery {
        pub(crate) fn to_filter(&self) -> Result<AuditFilter, FieldError> {
            let text = |s: &str| (!s.trim().is_empty()).then(|| s.trim().to_owned());
            Ok(AuditFilter {
                forum: None,
                action: text(&self.action),
                entity_type: text(&self.entity_type),
                actor_account: None,
                since: parse_time("since", &self.since, false)?,
                until: parse_time("until", &self.until, true)?,
                before_id: self.before,
            })
        }
    }
}

/// How many events a page shows.
const PAGE_SIZE: i64 = 50;

/// The forum's events matching the query, at most `limit`; the secretariat only.
async fn load_events(
    state: &AppState,
    visit: &Visit,
    slug: &str,
    query: &AuditQuery,
    limit: i64,
) -> Result<Vec<plenary_domain::audit::AuditEvent>, PageError> {
    let filter = query
        .to_filter()
        .map_err(|e| PageError::from_action(e.into(), &visit.here))?;
    audit::list(&state.app, &visit.viewer, slug, filter, limit)
        .await
        .map_err(|e| PageError::from_action(e, &visit.here))
}

/// GET /f/{slug}/audit
pub(crate) async fn audit_page(
    State(state): State<AppState>,
    visit: Visit,
    Path(slug): Path<String>,
    Query(query): Query<AuditQuery>,
) -> Result<Response, PageError> {
    let limit = query.limit.unwrap_or(PAGE_SIZE).clamp(1, audit::MAX_PAGE);
    let events = load_events(&state, &visit, &slug, &query, limit).await?;
    let forum = forums::forum_home(&state.app, &visit.viewer, &slug)
        .await
        .map_err(|e| PageError::from_action(e, &visit.here))?
        .forum;
    let rows: Vec<Value> = events
        .iter()
        .map(|e| {
            context! {
                at => e.at.to_display_utc(), actor => e.actor_label.clone(), action => e.action.clone(),
                entity => format!("{}:{}", e.entity_type, e.entity_id), before => e.before.clone(), after => e.after.clone(),
            }
        })
        .collect();
    let base = format!(
        "action={}&entity_type={}&since={}&until={}",
        urlencode(&query.action),
        urlencode(&query.entity_type),
        urlencode(&query.since),
        urlencode(&query.until)
    );
    let older = (events.len() as i64 == limit)
        .then(|| events.last().map(|e| format!("{base}&before={}", e.id)))
        .flatten();
    Ok(page(
        &state,
        &visit,
        "audit.html",
        context! {
            forum => forum_value(&forum), events => rows, older => older, query => base,
            filter => context! { action => query.action, entity_type => query.entity_type, since => query.since, until => query.until },
        },
    ))
}

/// GET /f/{slug}/audit.csv: the filtered trail (up to 500 events a request), as CSV.
pub(crate) async fn audit_csv(
    State(state): State<AppState>,
    visit: Visit,
    Path(slug): Path<String>,
    Query(query): Query<AuditQuery>,
) -> Result<Response, PageError> {
    let events = load_events(&state, &visit, &slug, &query, audit::MAX_PAGE).await?;
    let mut csv = String::from("id,at,actor,action,entity_type,entity_id,before,after\r\n");
    for e in &events {
        let cells = [
            e.id.to_string(),
            e.at.to_rfc3339_seconds(),
            e.actor_label.clone(),
            e.action.clone(),
            e.entity_type.clone(),
            e.entity_id.clone(),
            e.before.clone().unwrap_or_default(),
            e.after.clone().unwrap_or_default(),
        ];
        let line: Vec<String> = cells.iter().map(|c| csv_cell(c)).collect();
        csv.push_str(&line.join(","));
        csv.push_str("\r\n");
    }
    Ok((
        StatusCode::OK,
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8".to_owned()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"audit-{slug}.csv\""),
            ),
        ],
        csv,
    )
        .into_response())
}

/// Quotes a CSV cell when needed, and defuses spreadsheet formulas.
fn csv_cell(raw: &str) -> String {
    let defused = if raw.starts_with(['=', '+', '-', '@']) {
        format!("'{raw}")
    } else {
        raw.to_owned()
    };
    if defused.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", defused.replace('"', "\"\""))
    } else {
        defused
    }
}
