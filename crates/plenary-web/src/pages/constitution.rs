//! The secretariat's constitution page of a body: every stored version, the current one as
//! TOML, any older one, what changed between two, a form to submit a new version (TOML or
//! JSON, optionally started from a shipped preset), and the `.toml` / `.json` exports.
//!
//! A refused document is shown again with every problem the validation found, each with
//! its arithmetic; nothing is stored then.

use axum::extract::{Path, Query, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use minijinja::{Value, context};
use plenary_app::ActionError;
use plenary_app::bodies::constitution::{self, Submitted};
use plenary_app::bodies::document::{self, DocumentFormat};

use crate::AppState;
use crate::csrf::FormData;
use crate::error::PageError;
use crate::pages::forums::forum_value;
use crate::pages::{field_error_message, render, require_signed_in, see_other};
use crate::visit::Visit;

#[derive(Debug, Default, serde::Deserialize)]
pub(crate) struct ConstitutionQuery {
    /// Show this version instead of the latest.
    #[serde(default)]
    version: Option<i64>,
    /// Compare version `from` with version `to`.
    #[serde(default)]
    from: Option<i64>,
    #[serde(default)]
    to: Option<i64>,
    /// Fill the form with this shipped preset.
    #[serde(default)]
    preset: Option<String>,
}

/// What the form shows: the text, its format and why it was refused.
struct FormState {
    text: Option<String>,
    format: DocumentFormat,
    problems: Vec<String>,
}

/// GET /f/{slug}/bodies/{body}/constitution
pub(crate) async fn show(
    State(state): State<AppState>,
    visit: Visit,
    Path((slug, body)): Path<(String, String)>,
    Query(query): Query<ConstitutionQuery>,
) -> Result<Response, PageError> {
    let form = FormState {
        text: None,
        format: DocumentFormat::Toml,
        problems: Vec::new(),
    };
    constitution_page(&state, &visit, &slug, &body, &query, form, StatusCode::OK).await
}

/// POST /f/{slug}/bodies/{body}/constitution: `document` (the text) and `format`
/// (`toml` or `json`).
pub(crate) async fn submit(
    State(state): State<AppState>,
    visit: Visit,
    Path((slug, body)): Path<(String, String)>,
    form: FormData,
) -> Result<Response, PageError> {
    let action = format!("/f/{slug}/bodies/{body}/constitution");
    require_signed_in(&visit, Some(&form), &action)?;
    let format = DocumentFormat::from_extension(form.get("format")).unwrap_or(DocumentFormat::Toml);
    let text = form.get("document").replace("\r\n", "\n");
    let submitted =
        constitution::submit_version(&state.app, &visit.viewer, &slug, &body, &text, format).await;
    let refused = |problems: Vec<String>| FormState {
        text: Some(text.clone()),
        format,
        problems,
    };
    let query = ConstitutionQuery::default();
    match submitted {
        Ok(Submitted::Stored { .. }) => {
            Ok(see_other(&format!("{action}?notice=constitution-stored")))
        }
        Ok(Submitted::Refused { problems }) => {
            constitution_page(
                &state,
                &visit,
                &slug,
                &body,
                &query,
                refused(problems),
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
        Err(ActionError::Invalid(field)) => {
            let message = field_error_message(&visit, &field);
            constitution_page(
                &state,
                &visit,
                &slug,
                &body,
                &query,
                refused(vec![message]),
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
        Err(other) => Err(PageError::from_action(other, &action)),
    }
}

/// GET /f/{slug}/bodies/{body}/constitution.toml?version=N
pub(crate) async fn export_toml(
    State(state): State<AppState>,
    visit: Visit,
    Path((slug, body)): Path<(String, String)>,
    Query(query): Query<ConstitutionQuery>,
) -> Result<Response, PageError> {
    export(
        &state,
        &visit,
        &slug,
        &body,
        query.version,
        DocumentFormat::Toml,
    )
    .await
}

/// GET /f/{slug}/bodies/{body}/constitution.json?version=N
pub(crate) async fn export_json(
    State(state): State<AppState>,
    visit: Visit,
    Path((slug, body)): Path<(String, String)>,
    Query(query): Query<ConstitutionQuery>,
) -> Result<Response, PageError> {
    export(
        &state,
        &visit,
        &slug,
        &body,
        query.version,
        DocumentFormat::Json,
    )
    .await
}

async fn export(
    state: &AppState,
    visit: &Visit,
    slug: &str,
    body: &str,
    version: Option<i64>,
    format: DocumentFormat,
) -> Result<Response, PageError> {
    let stored = constitution::version(&state.app, &visit.viewer, slug, body, version)
        .await
        .map_err(|e| PageError::from_action(e, &visit.here))?;
    let (text, content_type, extension) = match format {
        DocumentFormat::Toml => (stored.document, "application/toml; charset=utf-8", "toml"),
        DocumentFormat::Json => (
            document::to_json(&stored.constitution),
            "application/json",
            "json",
        ),
    };
    let file_name = format!(
        "attachment; filename=\"{body}-constitution-v{}.{extension}\"",
        stored.info.version
    );
    Ok((
        [
            (header::CONTENT_TYPE, content_type.to_owned()),
            (header::CONTENT_DISPOSITION, file_name),
        ],
        text,
    )
        .into_response())
}

async fn constitution_page(
    state: &AppState,
    visit: &Visit,
    slug: &str,
    body: &str,
    query: &ConstitutionQuery,
    form: FormState,
    status: StatusCode,
) -> Result<Response, PageError> {
    let to_page = |e: ActionError| PageError::from_action(e, &visit.here);
    let history = constitution::history(&state.app, &visit.viewer, slug, body)
        .await
        .map_err(to_page)?;
    let shown = constitution::version(&state.app, &visit.viewer, slug, body, query.version)
        .await
        .map_err(to_page)?;
    let latest = history.versions.last().map_or(0, |v| v.version);
    let changes = match (query.from, query.to) {
        (Some(from), Some(to)) => {
            let before = constitution::version(&state.app, &visit.viewer, slug, body, Some(from))
                .await
                .map_err(to_page)?;
            let after = constitution::version(&state.app, &visit.viewer, slug, body, Some(to))
                .await
                .map_err(to_page)?;
            Some(context! {
                from => from, to => to,
                lines => constitution::changes(&before.constitution, &after.constitution),
            })
        }
        _ => None,
    };
    let preset = query
        .preset
        .as_deref()
        .and_then(document::preset)
        .map(|c| document::to_toml(&c));
    let form_text = form
        .text
        .or(preset)
        .unwrap_or_else(|| shown.document.clone());
    let versions: Vec<Value> = history
        .versions
        .iter()
        .rev()
        .map(|v| {
            context! {
                version => v.version, when => v.created_at.to_display_utc(), by => v.created_by.clone(),
            }
        })
        .collect();
    let summary = document::summary(&shown.constitution, None);
    Ok(render(
        state,
        visit,
        status,
        "constitution.html",
        context! {
            forum => forum_value(&history.forum),
            body => context! { slug => history.body.slug.clone(), name => history.body.name.clone() },
            versions => versions, latest => latest,
            shown => context! {
                version => shown.info.version, document => shown.document.clone(), name => shown.constitution.rules().name.clone(),
                summary => summary,
            },
            changes => changes,
            presets => document::preset_names(),
            form => context! {
                text => form_text, json => form.format == DocumentFormat::Json, problems => form.problems,
            },
        },
    ))
}
