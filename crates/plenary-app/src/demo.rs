//! The demo forum: a fictional but realistic installation to try Plenary with.
//!
//! `load_demo` is idempotent: it creates what is missing and leaves the rest alone,
//! through the same actions as production (so the audit trail shows the demo loading).
//! Names are generated, not real people. Later capabilities add their own demo data here.

use plenary_db::{accounts as account_q, forums as forum_q};
use plenary_domain::Language;
use plenary_domain::audit::Actor;
use plenary_domain::forums::ForumKind;
use plenary_domain::permissions::Role;

use crate::accounts::{NewAccountInput, create_account};
use crate::forums::{NewForumInput, create_forum, grant_role_as_operator};
use crate::{ActionError, App, countries};

/// The password every demo account gets (printed by `plenary demo`).
pub const DEMO_PASSWORD: &str = "plenary-demo-2026";

/// One demo forum.
struct DemoForum {
    slug: &'static str,
    name: &'static str,
    kind: ForumKind,
    country: Option<&'static str>,
    language: Language,
    time_zone: &'static str,
}

const FORUMS: [DemoForum; 5] = [
    DemoForum {
        slug: "igf",
        name: "Internet Governance Forum (demo)",
        kind: ForumKind::Global,
        country: None,
        language: Language::En,
        time_zone: "Europe/Zurich",
    },
    DemoForum {
        slug: "kenya-igf",
        name: "Kenya IGF (demo)",
        kind: ForumKind::National,
        country: Some("KE"),
        language: Language::En,
        time_zone: "Africa/Nairobi",
    },
    DemoForum {
        slug: "lacigf",
        name: "Latin America and Caribbean IGF (demo)",
        kind: ForumKind::Regional,
        country: None,
        language: Language::Es,
        time_zone: "America/Montevideo",
    },
    DemoForum {
        slug: "igf-france",
        name: "IGF France (demo)",
        kind: ForumKind::National,
        country: Some("FR"),
        language: Language::Fr,
        time_zone: "Europe/Paris",
    },
    DemoForum {
        slug: "youth-igf-tunisia",
        name: "Youth IGF Tunisia (demo)",
        kind: ForumKind::Youth,
        country: Some("TN"),
        language: Language::Ar,
        time_zone: "Africa/Tunis",
    },
];

/// One demo account: (e-mail, generated name, forum, role, what it is for).
const PEOPLE: [(&str, &str, &str, Role, &str); 9] = [
    (
        "secretariat@igf.example.org",
        "Noor Haddad",
        "igf",
        Role::Secretariat,
        "IGF Secretariat (admin of the global forum)",
    ),
    (
        "chair@igf.example.org",
        "Tomás Ibarra",
        "igf",
        Role::Chair,
        "MAG chair",
    ),
    (
        "mag.member@igf.example.org",
        "Aiko Tanabe",
        "igf",
        Role::BodyMember,
        "MAG member",
    ),
    (
        "reviewer@igf.example.org",
        "Kwame Mensah",
        "igf",
        Role::Reviewer,
        "proposal reviewer",
    ),
    (
        "organiser@igf.example.org",
        "Ingrid Solberg",
        "igf",
        Role::Organiser,
        "session organiser",
    ),
    (
        "participant@igf.example.org",
        "Rahul Verma",
        "igf",
        Role::Participant,
        "registered participant",
    ),
    (
        "secretariat@kenya-igf.example.org",
        "Wanjiku Kamau",
        "kenya-igf",
        Role::Secretariat,
        "Kenya IGF secretariat",
    ),
    (
        "secretariat@lacigf.example.org",
        "Valentina Rojas",
        "lacigf",
        Role::Secretariat,
        "LACIGF secretariat",
    ),
    (
        "secretariat@youth-igf-tunisia.example.org",
        "Youssef Ben Salah",
        "youth-igf-tunisia",
        Role::Secretariat,
        "Youth IGF Tunisia secretariat",
    ),
];

/// What `load_demo` did, and the sign-ins to print.
#[derive(Debug, Clone, Default)]
pub struct DemoReport {
    pub countries: usize,
    pub forums_created: usize,
    pub accounts_created: usize,
    pub roles_granted: usize,
    /// (e-mail, what the account is for)
    pub logins: Vec<(String, String)>,
}

/// Loads the demo data; `progress` is told each step (for the CLI's progress bar).
pub async fn load_demo(app: &App, progress: &dyn Fn(&str)) -> Result<DemoReport, ActionError> {
    let actor = Actor::System("demo");
    let mut report = DemoReport::default();
    progress("countries");
    report.countries = countries::load_reference_countries(app, &actor).await?;

    for forum in &FORUMS {
        progress(forum.slug);
        let mut tx = app.db().read().await?;
        let exists = forum_q::forum_by_slug(&mut tx, forum.slug).await?.is_some();
        tx.commit().await?;
        if !exists {
            let input = NewForumInput {
                slug: forum.slug.into(),
                name: forum.name.into(),
                kind: forum.kind,
                country_iso2: forum.country.map(str::to_owned),
                default_language: forum.language,
                time_zone: forum.time_zone.into(),
            };
            create_forum(app, &actor, input).await?;
            report.forums_created += 1;
        }
    }

    for (email, name, forum, role, purpose) in PEOPLE {
        progress(email);
        let mut tx = app.db().read().await?;
        let exists = account_q::account_by_email(&mut tx, email).await?.is_some();
        tx.commit().await?;
        if !exists {
            let input = NewAccountInput {
                email: email.into(),
                display_name: name.into(),
                password: DEMO_PASSWORD.into(),
                language: None,
            };
            create_account(app, &actor, input).await?;
            report.accounts_created += 1;
        }
        if grant_role_as_operator(app, &actor, forum, email, role).await? {
            report.roles_granted += 1;
        }
        report.logins.push((email.to_owned(), purpose.to_owned()));
    }
    Ok(report)
}
