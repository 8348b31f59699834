//! Every URL of Plenary, with the permission it needs: start here to find a handler.
//!
//! `routes()` is the single table; `build` registers exactly what it lists, and the
//! route × role test (`tests/it/routes.rs`) requests every entry as every role and
//! checks the answer against `permission`. Sample paths use the demo forum `igf`.

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::http::{HeaderName, HeaderValue, Method, Uri, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{MethodRouter, delete, get, post};
use plenary_domain::permissions::Permission;
use tower_http::set_header::SetResponseHeaderLayer;
use tower_http::trace::TraceLayer;

use crate::pages::{
    account, audit, auth, bodies, constitution, forums, hosts, nominations, people, seats, slates,
};
use crate::{AppState, api, pages, visit};

/// Which face of the application a route belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Surface {
    /// An HTML page or form (cookies, CSRF).
    Page,
    /// The JSON API (bearer tokens).
    Api,
    /// Health checks, static files, the OpenAPI document.
    Infra,
}

/// One route as the table states it.
#[derive(Debug, Clone)]
pub struct RouteSpec {
    pub method: Method,
    /// The axum path pattern.
    pub path: &'static str,
    /// A concrete path to request in tests.
    pub sample: &'static str,
    /// What the caller needs (in the forum named in the path, if any).
    pub permission: Permission,
    pub surface: Surface,
}

const fn spec(
    method: Method,
    path: &'static str,
    sample: &'static str,
    permission: Permission,
    surface: Surface,
) -> RouteSpec {
    RouteSpec {
        method,
        path,
        sample,
        permission,
        surface,
    }
}

use Permission::{
    ForumMember, ManageBodies, ManageForum, ManagePeople, Public, SignedIn, ViewAudit,
};
use Surface::{Api, Infra, Page};

fn routes() -> Vec<(RouteSpec, MethodRouter<AppState>)> {
    vec![
        (spec(Method::GET, "/", "/", Public, Page), get(forums::home)),
        (
            spec(Method::GET, "/countries", "/countries", Public, Page),
            get(forums::countries_page),
        ),
        (
            spec(Method::GET, "/f/{slug}", "/f/igf", Public, Page),
            get(forums::forum_home),
        ),
        (
            spec(
                Method::POST,
                "/f/{slug}/stakeholder-groups",
                "/f/igf/stakeholder-groups",
                ManageForum,
                Page,
            ),
            post(forums::add_group),
        ),
        (
            spec(
                Method::GET,
                "/f/{slug}/bodies",
                "/f/igf/bodies",
                Public,
                Page,
            ),
            get(bodies::list),
        ),
        (
            spec(
                Method::GET,
                "/f/{slug}/bodies/{body}",
                "/f/igf/bodies/mag",
                Public,
                Page,
            ),
            get(bodies::show),
        ),
        (
            spec(
                Method::GET,
                "/f/{slug}/bodies/{body}/nominate",
                "/f/igf/bodies/mag/nominate",
                Public,
                Page,
            ),
            get(nominations::nominate_form),
        ),
        (
            spec(
                Method::POST,
                "/f/{slug}/bodies/{body}/nominate",
                "/f/igf/bodies/mag/nominate",
                Public,
                Page,
            ),
            post(nominations::nominate),
        ),
        (
            spec(
                Method::GET,
                "/f/{slug}/bodies/{body}/calls",
                "/f/igf/bodies/mag/calls",
                ManageBodies,
                Page,
            ),
            get(nominations::calls),
        ),
        (
            spec(
                Method::POST,
                "/f/{slug}/bodies/{body}/calls",
                "/f/igf/bodies/mag/calls",
                ManageBodies,
                Page,
            ),
            post(nominations::open_call),
        ),
        (
            spec(
                Method::GET,
                "/f/{slug}/bodies/{body}/calls/{year}",
                "/f/igf/bodies/mag/calls/2027",
                ManageBodies,
                Page,
            ),
            get(nominations::review),
        ),
        (
            spec(
                Method::POST,
                "/f/{slug}/bodies/{body}/calls/{year}/assess",
                "/f/igf/bodies/mag/calls/2027/assess",
                ManageBodies,
                Page,
            ),
            post(nominations::assess),
        ),
        (
            spec(
                Method::POST,
                "/f/{slug}/bodies/{body}/calls/{year}/merge",
                "/f/igf/bodies/mag/calls/2027/merge",
                ManageBodies,
                Page,
            ),
            post(nominations::merge),
        ),
        (
            spec(
                Method::GET,
                "/f/{slug}/bodies/{body}/calls/{year}/export.csv",
                "/f/igf/bodies/mag/calls/2027/export.csv",
                ManageBodies,
                Page,
            ),
            get(nominations::export_csv),
        ),
        (
            spec(
                Method::POST,
                "/f/{slug}/bodies/{body}/calls/{year}/import",
                "/f/igf/bodies/mag/calls/2027/import",
                ManageBodies,
                Page,
            ),
            post(nominations::import),
        ),
        (
            spec(
                Method::GET,
                "/f/{slug}/bodies/{body}/constitution",
                "/f/igf/bodies/mag/constitution",
                ManageBodies,
                Page,
            ),
            get(constitution::show),
        ),
        (
            spec(
                Method::POST,
                "/f/{slug}/bodies/{body}/constitution",
                "/f/igf/bodies/mag/constitution",
                ManageBodies,
                Page,
            ),
            post(constitution::submit),
        ),
        (
            spec(
                Method::GET,
                "/f/{slug}/bodies/{body}/constitution.toml",
                "/f/igf/bodies/mag/constitution.toml",
                ManageBodies,
                Page,
            ),
            get(constitution::export_toml),
        ),
        (
            spec(
                Method::GET,
                "/f/{slug}/bodies/{body}/constitution.json",
                "/f/igf/bodies/mag/constitution.json",
                ManageBodies,
                Page,
            ),
            get(constitution::export_json),
        ),
        (
            spec(
                Method::GET,
                "/f/{slug}/hosts",
                "/f/igf/hosts",
                ManageForum,
                Page,
            ),
            get(hosts::show),
        ),
        (
            spec(
                Method::POST,
                "/f/{slug}/hosts",
                "/f/igf/hosts",
                ManageForum,
                Page,
            ),
            post(hosts::save),
        ),
        (
            spec(
                Method::POST,
                "/f/{slug}/hosts/remove",
                "/f/igf/hosts/remove",
                ManageForum,
                Page,
            ),
            post(hosts::remove),
        ),
        (
            spec(
                Method::GET,
                "/f/{slug}/bodies/{body}/seats",
                "/f/igf/bodies/mag/seats?year=2026",
                ManageBodies,
                Page,
            ),
            get(seats::seats_page),
        ),
        (
            spec(
                Method::GET,
                "/f/{slug}/bodies/{body}/renewals",
                "/f/igf/bodies/mag/renewals?cycle=2027",
                ManageBodies,
                Page,
            ),
            get(seats::renewals_page),
        ),
        (
            spec(
                Method::POST,
                "/f/{slug}/bodies/{body}/seats/{membership}/engagement",
                "/f/igf/bodies/mag/seats/999999/engagement",
                ManageBodies,
                Page,
            ),
            post(seats::record_engagement),
        ),
        (
            spec(
                Method::POST,
                "/f/{slug}/bodies/{body}/seats/{membership}/renew",
                "/f/igf/bodies/mag/seats/999999/renew",
                ManageBodies,
                Page,
            ),
            post(seats::renew),
        ),
        (
            spec(
                Method::POST,
                "/f/{slug}/bodies/{body}/seats/{membership}/resign",
                "/f/igf/bodies/mag/seats/999999/resign",
                ManageBodies,
                Page,
            ),
            post(seats::resign),
        ),
        (
            spec(
                Method::POST,
                "/f/{slug}/bodies/{body}/seats/{membership}/end",
                "/f/igf/bodies/mag/seats/999999/end",
                ManageBodies,
                Page,
            ),
            post(seats::end),
        ),
        (
            spec(
                Method::POST,
                "/f/{slug}/bodies/{body}/seats/{membership}/rotate-out",
                "/f/igf/bodies/mag/seats/999999/rotate-out",
                ManageBodies,
                Page,
            ),
            post(seats::rotate_out),
        ),
        (
            spec(
                Method::POST,
                "/f/{slug}/bodies/{body}/officers",
                "/f/igf/bodies/mag/officers",
                ManageBodies,
                Page,
            ),
            post(seats::record_officer),
        ),
        (
            spec(
                Method::GET,
                "/f/{slug}/bodies/{body}/slates",
                "/f/igf/bodies/mag/slates",
                ManageBodies,
                Page,
            ),
            get(slates::list),
        ),
        (
            spec(
                Method::POST,
                "/f/{slug}/bodies/{body}/slates",
                "/f/igf/bodies/mag/slates",
                ManageBodies,
                Page,
            ),
            post(slates::create),
        ),
        (
            spec(
                Method::GET,
                "/f/{slug}/bodies/{body}/slates/compare",
                "/f/igf/bodies/mag/slates/compare?a=1&b=2",
                ManageBodies,
                Page,
            ),
            get(slates::compare),
        ),
        (
            spec(
                Method::GET,
                "/f/{slug}/bodies/{body}/slates/{run}",
                "/f/igf/bodies/mag/slates/1",
                ManageBodies,
                Page,
            ),
            get(slates::show),
        ),
        (
            spec(
                Method::POST,
                "/f/{slug}/bodies/{body}/slates/{run}/decision",
                "/f/igf/bodies/mag/slates/1/decision",
                ManageBodies,
                Page,
            ),
            post(slates::decide),
        ),
        (
            spec(
                Method::POST,
                "/f/{slug}/bodies/{body}/slates/{run}/seat",
                "/f/igf/bodies/mag/slates/1/seat",
                ManageBodies,
                Page,
            ),
            post(slates::seat),
        ),
        (
            spec(
                Method::GET,
                "/f/{slug}/members",
                "/f/igf/members",
                ForumMember,
                Page,
            ),
            get(forums::members),
        ),
        (
            spec(
                Method::GET,
                "/f/{slug}/people",
                "/f/igf/people",
                ManagePeople,
                Page,
            ),
            get(people::people),
        ),
        (
            spec(
                Method::POST,
                "/f/{slug}/people",
                "/f/igf/people",
                ManagePeople,
                Page,
            ),
            post(people::grant),
        ),
        (
            spec(
                Method::POST,
                "/f/{slug}/people/revoke",
                "/f/igf/people/revoke",
                ManagePeople,
                Page,
            ),
            post(people::revoke),
        ),
        (
            spec(
                Method::GET,
                "/f/{slug}/audit",
                "/f/igf/audit",
                ViewAudit,
                Page,
            ),
            get(audit::audit_page),
        ),
        (
            spec(
                Method::GET,
                "/f/{slug}/audit.csv",
                "/f/igf/audit.csv",
                ViewAudit,
                Page,
            ),
            get(audit::audit_csv),
        ),
        (
            spec(Method::GET, "/sign-in", "/sign-in", Public, Page),
            get(auth::sign_in_form),
        ),
        (
            spec(Method::POST, "/sign-in", "/sign-in", Public, Page),
            post(auth::sign_in),
        ),
        (
            spec(Method::POST, "/sign-out", "/sign-out", Public, Page),
            post(auth::sign_out),
        ),
        (
            spec(
                Method::GET,
                "/password-reset",
                "/password-reset",
                Public,
                Page,
            ),
            get(auth::reset_request_form),
        ),
        (
            spec(
                Method::POST,
                "/password-reset",
                "/password-reset",
                Public,
                Page,
            ),
            post(auth::reset_request),
        ),
        (
            spec(
                Method::GET,
                "/password-reset/{token}",
                "/password-reset/plr_unknown",
                Public,
                Page,
            ),
            get(auth::reset_form),
        ),
        (
            spec(
                Method::POST,
                "/password-reset/{token}",
                "/password-reset/plr_unknown",
                Public,
                Page,
            ),
            post(auth::reset),
        ),
        (
            spec(Method::GET, "/account", "/account", SignedIn, Page),
            get(account::show),
        ),
        (
            spec(
                Method::POST,
                "/account/tokens",
                "/account/tokens",
                SignedIn,
                Page,
            ),
            post(account::create_token),
        ),
        (
            spec(
                Method::POST,
                "/account/tokens/{id}/revoke",
                "/account/tokens/999999/revoke",
                SignedIn,
                Page,
            ),
            post(account::revoke_token),
        ),
        (
            spec(Method::POST, "/language", "/language", Public, Page),
            post(pages::switch_language),
        ),
        (
            spec(
                Method::GET,
                "/static/plenary.css",
                "/static/plenary.css",
                Public,
                Infra,
            ),
            get(pages::stylesheet),
        ),
        (
            spec(Method::GET, "/healthz", "/healthz", Public, Infra),
            get(api::healthz),
        ),
        (
            spec(Method::GET, "/readyz", "/readyz", Public, Infra),
            get(api::readyz),
        ),
        (
            spec(
                Method::GET,
                "/api/v1/openapi.json",
                "/api/v1/openapi.json",
                Public,
                Infra,
            ),
            get(api::openapi),
        ),
        (
            spec(Method::GET, "/api/v1/forums", "/api/v1/forums", Public, Api),
            get(api::list_forums),
        ),
        (
            spec(
                Method::GET,
                "/api/v1/forums/{slug}",
                "/api/v1/forums/igf",
                Public,
                Api,
            ),
            get(api::get_forum),
        ),
        (
            spec(
                Method::POST,
                "/api/v1/forums/{slug}/stakeholder_groups",
                "/api/v1/forums/igf/stakeholder_groups",
                ManageForum,
                Api,
            ),
            post(api::add_stakeholder_group),
        ),
        (
            spec(
                Method::GET,
                "/api/v1/forums/{slug}/bodies/{body}/roster",
                "/api/v1/forums/igf/bodies/mag/roster",
                Public,
                Api,
            ),
            get(api::body_roster),
        ),
        (
            spec(
                Method::GET,
                "/api/v1/forums/{slug}/bodies/{body}/calls",
                "/api/v1/forums/igf/bodies/mag/calls",
                Public,
                Api,
            ),
            get(api::nominations::list_calls),
        ),
        (
            spec(
                Method::POST,
                "/api/v1/forums/{slug}/bodies/{body}/calls/{year}/nominations",
                "/api/v1/forums/igf/bodies/mag/calls/2027/nominations",
                Public,
                Api,
            ),
            post(api::nominations::submit_nomination),
        ),
        (
            spec(
                Method::GET,
                "/api/v1/forums/{slug}/bodies/{body}/calls/{year}/nominations",
                "/api/v1/forums/igf/bodies/mag/calls/2027/nominations",
                ManageBodies,
                Api,
            ),
            get(api::nominations::list_nominations),
        ),
        (
            spec(
                Method::GET,
                "/api/v1/forums/{slug}/bodies/{body}/constitution/versions",
                "/api/v1/forums/igf/bodies/mag/constitution/versions",
                ManageBodies,
                Api,
            ),
            get(api::constitution::list_versions),
        ),
        (
            spec(
                Method::POST,
                "/api/v1/forums/{slug}/bodies/{body}/constitution/versions",
                "/api/v1/forums/igf/bodies/mag/constitution/versions",
                ManageBodies,
                Api,
            ),
            post(api::constitution::submit_version),
        ),
        (
            spec(
                Method::GET,
                "/api/v1/forums/{slug}/bodies/{body}/constitution/versions/{version}",
                "/api/v1/forums/igf/bodies/mag/constitution/versions/1",
                ManageBodies,
                Api,
            ),
            get(api::constitution::get_version),
        ),
        (
            spec(
                Method::GET,
                "/api/v1/forums/{slug}/hosts",
                "/api/v1/forums/igf/hosts",
                Public,
                Api,
            ),
            get(api::constitution::list_hosts),
        ),
        (
            spec(
                Method::POST,
                "/api/v1/forums/{slug}/hosts",
                "/api/v1/forums/igf/hosts",
                ManageForum,
                Api,
            ),
            post(api::constitution::set_host),
        ),
        (
            spec(
                Method::GET,
                "/api/v1/forums/{slug}/bodies/{body}/seats",
                "/api/v1/forums/igf/bodies/mag/seats?year=2026",
                ManageBodies,
                Api,
            ),
            get(api::seats::body_seats),
        ),
        (
            spec(
                Method::POST,
                "/api/v1/forums/{slug}/bodies/{body}/memberships/{membership}/engagement",
                "/api/v1/forums/igf/bodies/mag/memberships/999999/engagement",
                ManageBodies,
                Api,
            ),
            post(api::seats::record_engagement),
        ),
        (
            spec(
                Method::POST,
                "/api/v1/forums/{slug}/bodies/{body}/memberships/{membership}/renew",
                "/api/v1/forums/igf/bodies/mag/memberships/999999/renew",
                ManageBodies,
                Api,
            ),
            post(api::seats::renew),
        ),
        (
            spec(
                Method::POST,
                "/api/v1/forums/{slug}/bodies/{body}/memberships/{membership}/resign",
                "/api/v1/forums/igf/bodies/mag/memberships/999999/resign",
                ManageBodies,
                Api,
            ),
            post(api::seats::resign),
        ),
        (
            spec(
                Method::GET,
                "/api/v1/forums/{slug}/bodies/{body}/slates",
                "/api/v1/forums/igf/bodies/mag/slates",
                ManageBodies,
                Api,
            ),
            get(api::slates::list_slate_runs),
        ),
        (
            spec(
                Method::POST,
                "/api/v1/forums/{slug}/bodies/{body}/slates",
                "/api/v1/forums/igf/bodies/mag/slates",
                ManageBodies,
                Api,
            ),
            post(api::slates::create_slate_run),
        ),
        (
            spec(
                Method::GET,
                "/api/v1/forums/{slug}/bodies/{body}/slates/{run}",
                "/api/v1/forums/igf/bodies/mag/slates/1",
                ManageBodies,
                Api,
            ),
            get(api::slates::get_slate_run),
        ),
        (
            spec(
                Method::POST,
                "/api/v1/forums/{slug}/bodies/{body}/slates/{run}/decisions",
                "/api/v1/forums/igf/bodies/mag/slates/1/decisions",
                ManageBodies,
                Api,
            ),
            post(api::slates::record_slate_decision),
        ),
        (
            spec(
                Method::POST,
                "/api/v1/forums/{slug}/bodies/{body}/slates/{run}/seat",
                "/api/v1/forums/igf/bodies/mag/slates/1/seat",
                ManageBodies,
                Api,
            ),
            post(api::slates::seat_appointed),
        ),
        (
            spec(
                Method::GET,
                "/api/v1/countries",
                "/api/v1/countries",
                Public,
                Api,
            ),
            get(api::list_countries),
        ),
        (
            spec(Method::GET, "/api/v1/me", "/api/v1/me", SignedIn, Api),
            get(api::me),
        ),
        (
            spec(
                Method::GET,
                "/api/v1/forums/{slug}/roles",
                "/api/v1/forums/igf/roles",
                ManagePeople,
                Api,
            ),
            get(api::list_people),
        ),
        (
            spec(
                Method::POST,
                "/api/v1/forums/{slug}/roles",
                "/api/v1/forums/igf/roles",
                ManagePeople,
                Api,
            ),
            post(api::grant_role),
        ),
        (
            spec(
                Method::DELETE,
                "/api/v1/forums/{slug}/roles/{account_id}/{role}",
                "/api/v1/forums/igf/roles/999999/participant",
                ManagePeople,
                Api,
            ),
            delete(api::revoke_role),
        ),
        (
            spec(
                Method::GET,
                "/api/v1/forums/{slug}/audit",
                "/api/v1/forums/igf/audit",
                ViewAudit,
                Api,
            ),
            get(api::list_audit),
        ),
    ]
}

/// The route table, without the handlers.
pub fn table() -> Vec<RouteSpec> {
    routes().into_iter().map(|(spec, _)| spec).collect()
}

async fn fallback(uri: Uri) -> Response {
    if uri.path().starts_with("/api/") {
        api::api_not_found().await.into_response()
    } else {
        pages::not_found().await.into_response()
    }
}

/// Adds `name: value` to every response that does not set it itself.
fn security_header(name: HeaderName, value: &'static str) -> SetResponseHeaderLayer<HeaderValue> {
    SetResponseHeaderLayer::if_not_present(name, HeaderValue::from_static(value))
}

pub(crate) fn build(state: AppState) -> Router {
    let mut router: Router<AppState> = Router::new();
    // Several methods can share a path: merge them into one MethodRouter per path.
    let mut by_path: Vec<(&'static str, MethodRouter<AppState>)> = Vec::new();
    for (spec, handler) in routes() {
        match by_path.iter_mut().find(|(path, _)| *path == spec.path) {
            Some((_, existing)) => *existing = std::mem::take(existing).merge(handler),
            None => by_path.push((spec.path, handler)),
        }
    }
    for (path, handler) in by_path {
        router = router.route(path, handler);
    }
    router
        .fallback(fallback)
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            visit::resolve_visit,
        ))
        .layer(DefaultBodyLimit::max(state.config.max_body_bytes))
        .layer(security_header(header::X_CONTENT_TYPE_OPTIONS, "nosniff"))
        .layer(security_header(header::X_FRAME_OPTIONS, "DENY"))
        // Password-reset links carry their token in the path: never send it on as a referrer.
        .layer(security_header(header::REFERRER_POLICY, "no-referrer"))
        .layer(security_header(
            header::CONTENT_SECURITY_POLICY,
            "default-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'",
        ))
        .layer(TraceLayer::new_for_http())
        .with_state(state)
}
