//! The page templates (minijinja, embedded at build time) and the `t()` function
//! that pulls strings from the Fluent catalogs in the page's language.
//!
//! Every template in `templates/` is listed in `TEMPLATES`; a test renders each one
//! in every language.

use minijinja::value::Kwargs;
use minijinja::{Environment, State, Value};
use plenary_domain::Language;

pub(crate) const TEMPLATES: &[(&str, &str)] = &[
    (
        "constitution.html",
        include_str!("../templates/constitution.html"),
    ),
    ("hosts.html", include_str!("../templates/hosts.html")),
    ("nominate.html", include_str!("../templates/nominate.html")),
    ("calls.html", include_str!("../templates/calls.html")),
    (
        "call_review.html",
        include_str!("../templates/call_review.html"),
    ),
    ("bodies.html", include_str!("../templates/bodies.html")),
    ("roster.html", include_str!("../templates/roster.html")),
    ("slates.html", include_str!("../templates/slates.html")),
    (
        "slate_run.html",
        include_str!("../templates/slate_run.html"),
    ),
    (
        "slate_compare.html",
        include_str!("../templates/slate_compare.html"),
    ),
    ("seats.html", include_str!("../templates/seats.html")),
    ("renewals.html", include_str!("../templates/renewals.html")),
    (
        "engagement_form.html",
        include_str!("../templates/engagement_form.html"),
    ),
    ("cycles.html", include_str!("../templates/cycles.html")),
    ("cycle.html", include_str!("../templates/cycle.html")),
    (
        "cycle_setup.html",
        include_str!("../templates/cycle_setup.html"),
    ),
    ("issues.html", include_str!("../templates/issues.html")),
    // Session proposals and screening (issue 4).
    (
        "proposal_form.html",
        include_str!("../templates/proposal_form.html"),
    ),
    ("proposal.html", include_str!("../templates/proposal.html")),
    (
        "proposals.html",
        include_str!("../templates/proposals.html"),
    ),
    (
        "proposals_received.html",
        include_str!("../templates/proposals_received.html"),
    ),
    (
        "screening.html",
        include_str!("../templates/screening.html"),
    ),
    // Review (issue 5).
    (
        "review_queue.html",
        include_str!("../templates/review_queue.html"),
    ),
    ("review.html", include_str!("../templates/review.html")),
    (
        "evaluation.html",
        include_str!("../templates/evaluation.html"),
    ),
    (
        "synthesis.html",
        include_str!("../templates/synthesis.html"),
    ),
    (
        "selection.html",
        include_str!("../templates/selection.html"),
    ),
    ("layout.html", include_str!("../templates/layout.html")),
    ("home.html", include_str!("../templates/home.html")),
    ("forum.html", include_str!("../templates/forum.html")),
    ("members.html", include_str!("../templates/members.html")),
    ("sign_in.html", include_str!("../templates/sign_in.html")),
    ("resume.html", include_str!("../templates/resume.html")),
    ("reset.html", include_str!("../templates/reset.html")),
    ("message.html", include_str!("../templates/message.html")),
    ("account.html", include_str!("../templates/account.html")),
    ("people.html", include_str!("../templates/people.html")),
    ("audit.html", include_str!("../templates/audit.html")),
    (
        "countries.html",
        include_str!("../templates/countries.html"),
    ),
];

#[derive(Debug)]
pub(crate) struct Templates {
    env: Environment<'static>,
}

/// `t("message-id", name=value, …)`: the message in the page's language (`lang` in the context).
#[expect(
    clippy::needless_pass_by_value,
    reason = "minijinja passes keyword arguments by value"
)]
fn translate(state: &State, id: &str, kwargs: Kwargs) -> Result<String, minijinja::Error> {
    let language = state
        .lookup("lang")
        .and_then(|v| v.as_str().and_then(|code| Language::parse(code).ok()))
        .unwrap_or(Language::En);
    let mut args: Vec<(String, String)> = Vec::new();
    for key in kwargs.args() {
        let value: Value = kwargs.get(key)?;
        args.push((key.to_owned(), value.to_string()));
    }
    if let Some(count) = args
        .iter()
        .find(|(k, _)| k == "count")
        .and_then(|(_, v)| v.parse::<i64>().ok())
    {
        return Ok(plenary_app::i18n::t_count(language, id, count));
    }
    let borrowed: Vec<(&str, &str)> = args.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    Ok(plenary_app::i18n::t_args(language, id, &borrowed))
}

impl Templates {
    pub(crate) fn load() -> Templates {
        let mut env = Environment::new();
        for (name, source) in TEMPLATES {
            // The sources are compiled into the binary and tested; a broken one fails the
            // template test, so ignoring the error here cannot hide it.
            if let Err(err) = env.add_template(name, source) {
                tracing::error!(template = name, error = %err, "template does not compile");
            }
        }
        env.add_function("t", translate);
        env.add_filter("urlencode", |text: String| crate::pages::urlencode(&text));
        Templates { env }
    }

    pub(crate) fn render(&self, name: &str, context: Value) -> Result<String, minijinja::Error> {
        self.env.get_template(name)?.render(context)
    }
}
