//! The demo forum: a fictional but realistic installation to try Plenary with.
//!
//! `load_demo` is idempotent: it creates what is missing and leaves the rest alone,
//! through the same actions as production (so the audit trail shows the demo loading).
//! Names are generated, not real people. Later capabilities add their own demo data here.

pub(crate) mod reviews;

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

/// The demo proposer who can sign in: a few drafts in the open 2027 call are theirs. No
/// role: anyone signed in may propose a session.
pub const PROPOSER_EMAIL: &str = "proposer@igf.example.org";
const PROPOSER_NAME: &str = "Lucía Mendoza";
/// The demo account that holds a MAG seat (slot `MAG_MEMBER_SLOT`, government, Asia-Pacific,
/// from 2025).
const MAG_MEMBER_EMAIL: &str = "mag.member@igf.example.org";
const MAG_MEMBER_SLOT: usize = 6;
/// Inputs to each demo cycle's call for issues (the IGF received 230 to 300 a year, 2019–2022).
const DEMO_ISSUE_INPUTS: usize = 260;

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
    pub bodies_created: usize,
    /// Nominations loaded into the demo MAG call for 2027 (0 when it already exists).
    pub nominations_loaded: usize,
    /// Proposals stored in the closed 2026 call and in the open 2027 call (0 when the
    /// cycles already exist).
    pub proposals_loaded: usize,
    /// Proposals of 2026 screened (0 when already done).
    pub proposals_screened: usize,
    /// (e-mail, what the account is for)
    pub logins: Vec<(String, String)>,
}

/// How large the demo's generated calls are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DemoSize {
    /// The shape of the real IGF 2023 call: about 1,130 proposals and 260 call-for-issues
    /// inputs per cycle (`plenary demo`, `serve --demo`).
    Full,
    /// The same forums, bodies and cycles with 120 generated proposals and 40 inputs, for
    /// tests that need the demo but not its volume.
    Small,
}

/// Loads the full demo data; `progress` is told each step (for the CLI's progress bar).
pub async fn load_demo(app: &App, progress: &dyn Fn(&str)) -> Result<DemoReport, ActionError> {
    load_demo_sized(app, progress, DemoSize::Full).await
}

/// Loads the demo data with calls of `size`.
pub async fn load_demo_sized(
    app: &App,
    progress: &dyn Fn(&str),
    size: DemoSize,
) -> Result<DemoReport, ActionError> {
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
    let mut tx = app.db().read().await?;
    let exists = account_q::account_by_email(&mut tx, PROPOSER_EMAIL)
        .await?
        .is_some();
    tx.commit().await?;
    if !exists {
        let input = NewAccountInput {
            email: PROPOSER_EMAIL.into(),
            display_name: PROPOSER_NAME.into(),
            password: DEMO_PASSWORD.into(),
            language: None,
        };
        create_account(app, &actor, input).await?;
        report.accounts_created += 1;
    }
    report.logins.push((
        PROPOSER_EMAIL.to_owned(),
        "session proposer, no role (drafts in the open 2027 call)".to_owned(),
    ));
    progress("bodies");
    report.bodies_created = load_bodies(app, &actor).await?;
    progress("hosts");
    load_hosts(app, &actor).await?;
    progress("nominations");
    report.nominations_loaded = load_nominations(app, &actor).await?;
    progress("cycles");
    let (loaded, screened) = load_cycles(app, &actor, size).await?;
    report.proposals_loaded = loaded;
    report.proposals_screened = screened;
    Ok(report)
}

/// The IGF's 2026 cycle (the `igf2023` preset; its call closed in May 2026) with about 430
/// workshop and 700 other proposals generated in the shape of the 2023 call and screened,
/// and the 2027 cycle with its call open around today and a few drafts by the demo
/// proposer. Returns (proposals stored, proposals screened); (0, 0) when the cycles exist.
async fn load_cycles(
    app: &App,
    actor: &Actor,
    size: DemoSize,
) -> Result<(usize, usize), ActionError> {
    use plenary_domain::time::Seconds;

    use crate::calls::document::{preset_setup, to_toml};
    use crate::calls::generate::{Spec, generate, insert_generated};
    use crate::calls::{cycles, screening};

    let mut tx = app.db().read().await?;
    let igf = forum_q::forum_by_slug(&mut tx, "igf")
        .await?
        .ok_or(ActionError::NotFound)?;
    let exists = plenary_db::calls::cycle_by_year(&mut tx, igf.id.0, 2026)
        .await?
        .is_some();
    tx.commit().await?;
    if exists {
        return Ok((0, 0));
    }
    let started = std::time::Instant::now();
    let missing = || ActionError::Internal(anyhow::anyhow!("demo: the igf2023 preset"));
    let countries = countries::reference_countries()?;
    // The demo's host list stops at 2025 (the sources do); the demo MAG seats Switzerland
    // as the 2026 host country, so the meeting is in Geneva.
    let mut setup = preset_setup("igf2023", 2026).ok_or_else(missing)?;
    setup.host_country_iso2 = "CH".into();
    setup.host_city = "Geneva".into();
    setup.venue_time_zone = "Europe/Zurich".into();
    // As the IGF asked from 2017: a speaker takes part in at most three sessions.
    setup.speaker_cap = Some(3);
    let year = cycles::set_up_as_operator(app, actor, "igf", &to_toml(&setup)).await?;
    let (spec, inputs) = match size {
        DemoSize::Full => (Spec::demo(), DEMO_ISSUE_INPUTS),
        DemoSize::Small => (Spec::scaled(2026, 120), 40),
    };
    let generated = generate(&setup, &countries, &spec);
    let records: Vec<_> = generated.into_iter().map(|g| g.record).collect();
    let mut loaded = 0;
    let mut tx = app.db().begin().await?;
    let cycle = cycles::load(&mut tx, &igf, year).await?;
    loaded += insert_generated(&mut tx, actor, cycle.id, &records, app.now()).await?;
    tx.commit().await?;
    let screened = screening::screen_cycle_as_operator(app, actor, "igf", year, false)
        .await?
        .lines
        .len();
    crate::calls::issues::load_demo_inputs(app, "igf", year, inputs).await?;
    // The small demo (for tests) leaves stage 2 to the tests that exercise it.
    if size == DemoSize::Full && reviews::load_reviews(app, actor, year).await? > 0 {
        reviews::load_selection(app, actor, year).await?;
    }

    // 2027: the call opened two weeks ago and closes in two months.
    let now = app.now();
    let day = |n: i64| Seconds(n * 86_400);
    let mut next = preset_setup("igf2023", 2027).ok_or_else(missing)?;
    next.host_country_iso2 = "CH".into();
    next.host_city = "Geneva".into();
    next.venue_time_zone = "Europe/Zurich".into();
    next.dates.issues_open = now.minus(day(60));
    next.dates.issues_close = now.minus(day(20));
    next.dates.call_opens = now.minus(day(14));
    next.dates.call_closes = now.plus(day(60));
    next.dates.screening_due = now.plus(day(67));
    next.dates.evaluation_due = now.plus(day(88));
    next.dates.notification = now.plus(day(102));
    let next_year = cycles::set_up_as_operator(app, actor, "igf", &to_toml(&next)).await?;
    let spec = Spec {
        seed: 2027,
        workshops: 3,
        others: 2,
        proposers: 1,
        failing_per_mille: 0,
    };
    let drafts: Vec<_> = generate(&next, &countries, &spec)
        .into_iter()
        .map(|g| {
            let mut record = g.record;
            record.status = plenary_domain::calls::ProposalStatus::Draft;
            record.submitter.email = PROPOSER_EMAIL.into();
            record.submitter.name = PROPOSER_NAME.into();
            if let Some(first) = record.draft.people.first_mut() {
                first.email = PROPOSER_EMAIL.into();
                first.name = PROPOSER_NAME.into();
            }
            record
        })
        .collect();
    let mut tx = app.db().begin().await?;
    let cycle = cycles::load(&mut tx, &igf, next_year).await?;
    loaded += insert_generated(&mut tx, actor, cycle.id, &drafts, now).await?;
    tx.commit().await?;
    crate::calls::issues::load_demo_inputs(app, "igf", next_year, inputs).await?;
    tracing::info!(
        "demo: cycles 2026 and 2027 loaded in {} ms ({loaded} proposals stored, {screened} screened)",
        started.elapsed().as_millis()
    );
    Ok((loaded, screened))
}

/// Generated, fictional names for demo body members (no real people).
pub(crate) fn demo_name(index: usize) -> String {
    const GIVEN: [&str; 24] = [
        "Amara", "Bilal", "Chen", "Dalia", "Emeka", "Farah", "Goran", "Hana", "Ivo", "Jamila",
        "Kofi", "Lucía", "Mateo", "Nadia", "Oren", "Priya", "Quang", "Rania", "Sione", "Tamar",
        "Uma", "Viktor", "Wen", "Yara",
    ];
    const FAMILY: [&str; 23] = [
        "Abeni",
        "Barros",
        "Chaudry",
        "Dumitru",
        "Eklund",
        "Fofana",
        "Garcia",
        "Haidari",
        "Ishikawa",
        "Jovanovic",
        "Kamau",
        "Lindqvist",
        "Mensah",
        "Novak",
        "Okonkwo",
        "Petrov",
        "Quispe",
        "Rahman",
        "Sato",
        "Tembo",
        "Ulloa",
        "Vasquez",
        "Wanjiru",
    ];
    format!(
        "{} {}",
        GIVEN[index % GIVEN.len()],
        FAMILY[(index * 7 + index / GIVEN.len()) % FAMILY.len()]
    )
}

/// Countries per UN regional group, for the demo rosters.
const REGION_COUNTRIES: [&[&str]; 5] = [
    &[
        "KE", "NG", "SN", "ZA", "EG", "GH", "RW", "TN", "ET", "CM", "MA",
    ],
    &[
        "IN", "JP", "ID", "PK", "BD", "PH", "LK", "FJ", "NP", "AE", "KR",
    ],
    &[
        "PL", "UA", "RO", "CZ", "GE", "AM", "RS", "EE", "MD", "BG", "HR",
    ],
    &[
        "BR", "MX", "AR", "CO", "CL", "PE", "JM", "TT", "UY", "CR", "BO",
    ],
    &[
        "DE", "FR", "GB", "US", "CA", "NO", "SE", "ES", "NZ", "CH", "TR",
    ],
];

/// The MAG over three cycles (2024–2026), renewed by thirds, and the Leadership Panel.
/// Returns how many bodies were created (0 when they already exist).
/// The IGF's real hosts 2019-2025 (igf-rules.md; data/igf/igf_annual_meetings.csv): 2020 was
/// held online, and 2025's city is Lillestrøm. 2026 and later are not in the sources, so not
/// here. Loaded once: a forum that already has a host list keeps it.
const IGF_HOSTS: [(i32, &str, &str); 7] = [
    (2019, "DE", "Berlin"),
    (2020, "", ""),
    (2021, "PL", "Katowice"),
    (2022, "ET", "Addis Ababa"),
    (2023, "JP", "Kyoto"),
    (2024, "SA", "Riyadh"),
    (2025, "NO", "Lillestrøm"),
];

async fn load_hosts(app: &App, actor: &Actor) -> Result<(), ActionError> {
    use crate::forums::hosts::{HostInput, hosting_years, set_host_as_operator};

    let mut tx = app.db().read().await?;
    let igf = forum_q::forum_by_slug(&mut tx, "igf")
        .await?
        .ok_or(ActionError::NotFound)?;
    let known = hosting_years(&mut tx, igf.id).await?;
    tx.commit().await?;
    if !known.is_empty() {
        return Ok(());
    }
    for (year, country, city) in IGF_HOSTS {
        let input = HostInput {
            year: year.to_string(),
            country: country.to_owned(),
            city: city.to_owned(),
        };
        set_host_as_operator(app, actor, "igf", &input).await?;
    }
    Ok(())
}

async fn load_bodies(app: &App, actor: &Actor) -> Result<usize, ActionError> {
    use plenary_domain::Timestamp;
    use plenary_domain::bodies::{ExOfficioRole, SeatKind, presets};

    use crate::bodies::document::to_toml;
    use crate::bodies::roster::{NewMember, add_memberships, create_body};
    use crate::bodies::seats::{DemoSeatWork, EngagementInput, record_as_operator};
    use plenary_domain::bodies::Office;

    let mut tx = app.db().read().await?;
    let igf = forum_q::forum_by_slug(&mut tx, "igf")
        .await?
        .ok_or(ActionError::NotFound)?;
    let exists = plenary_db::bodies::body_by_slug(&mut tx, igf.id, "mag")
        .await?
        .is_some();
    tx.commit().await?;
    if exists {
        return Ok(0);
    }
    let year = |y: i32| -> Result<Timestamp, ActionError> {
        format!("{y}-01-01T00:00:00Z")
            .parse()
            .map_err(|_| ActionError::Internal(anyhow::anyhow!("demo year {y}")))
    };
    let standing = ["PL", "ET", "JP", "SA", "NO"];
    create_body(
        app,
        actor,
        "igf",
        "mag",
        "Multistakeholder Advisory Group",
        &to_toml(&presets::mag(u32::try_from(standing.len()).unwrap_or(5))),
    )
    .await?;
    create_body(
        app,
        actor,
        "igf",
        "leadership-panel",
        "Leadership Panel",
        &to_toml(&presets::leadership_panel()),
    )
    .await?;

    let mut members: Vec<NewMember> = Vec::new();
    let mut mag_2026: Vec<(usize, usize)> = Vec::new();
    let mut mag_chairs = Vec::new();
    let mut lp_members = Vec::new();
    let mut person_index = 0_usize;
    let mut new_person = async |country: &str| -> Result<plenary_domain::PersonId, ActionError> {
        person_index += 1;
        crate::accounts::create_person(app, actor, &demo_name(person_index), Some(country)).await
    };
    let member = |body: &str,
                  person,
                  seat: SeatKind,
                  group: &str,
                  country: &str,
                  gender: &str,
                  term: i64,
                  start: Timestamp,
                  end: Timestamp| NewMember {
        forum_slug: "igf".into(),
        body_slug: body.into(),
        person,
        seat,
        stakeholder_group: group.into(),
        country_iso2: Some(country.into()),
        gender: gender.into(),
        term_number: term,
        starts_at: start,
        ends_at: Some(end),
        state: if term == 1 { "appointed" } else { "renewed" },
    };

    let mag_member_person = {
        let mut tx = app.db().read().await?;
        let record = plenary_db::accounts::account_by_email(&mut tx, MAG_MEMBER_EMAIL).await?;
        tx.commit().await?;
        record.map(|r| r.person)
    };
    // 55 regular seats: 20 government, 12 private sector, 12 civil society, 11 technical
    // community; 11 per UN regional group; women and men alternate, every 11th seat non-binary.
    // Each seat is renewed by thirds: the holder of seat s serves 1, 2 or 3 one-year terms
    // (s % 3) and is replaced from the same stakeholder group, region and gender.
    for slot in 0..55_usize {
        let group = match slot {
            0..20 => "government",
            20..32 => "private_sector",
            32..44 => "civil_society",
            _ => "technical_community",
        };
        let countries = REGION_COUNTRIES[slot % 5];
        let gender = if slot % 11 == 10 {
            "non-binary"
        } else if slot % 2 == 0 {
            "woman"
        } else {
            "man"
        };
        let first_terms = 1 + slot % 3;
        let mut holder = None;
        let mut term = 0_i64;
        for (offset, y) in (2024..=2026).enumerate() {
            let country = countries[(slot + offset / first_terms.max(1)) % countries.len()];
            if offset == 0 || offset == first_terms {
                holder = Some(new_person(country).await?);
                if slot == MAG_MEMBER_SLOT && offset == first_terms {
                    // The demo's MAG member account holds this seat from 2025, so screening
                    // and the pages can show what a current member sees.
                    holder = mag_member_person.or(holder);
                }
                term = 0;
            }
            term += 1;
            let Some(person) = holder else { continue };
            if y == 2026 {
                mag_2026.push((members.len(), slot));
            }
            members.push(member(
                "mag",
                person,
                SeatKind::Regular,
                group,
                country,
                gender,
                term,
                year(y)?,
                year(y + 1)?,
            ));
        }
    }
    // The chair, the host country's co-chair and the standing seats of former hosts.
    for y in 2024..=2026 {
        let chair = new_person("ZA").await?;
        mag_chairs.push((y, chair));
        members.push(member(
            "mag",
            chair,
            SeatKind::ExOfficio(ExOfficioRole::MagChair),
            "civil_society",
            "ZA",
            "woman",
            1,
            year(y)?,
            year(y + 1)?,
        ));
        let host = ["SA", "NO", "CH"][usize::try_from(y - 2024).unwrap_or(0)];
        let cochair = new_person(host).await?;
        members.push(member(
            "mag",
            cochair,
            SeatKind::ExOfficio(ExOfficioRole::CurrentHostCountry),
            "government",
            host,
            "man",
            1,
            year(y)?,
            year(y + 1)?,
        ));
    }
    for (idx, country) in standing.iter().enumerate() {
        let person = new_person(country).await?;
        let gender = if idx % 2 == 0 { "woman" } else { "man" };
        members.push(member(
            "mag",
            person,
            SeatKind::StandingHostCountry,
            "government",
            country,
            gender,
            1,
            year(2024)?,
            year(2027)?,
        ));
    }
    // The Leadership Panel: two-year terms from 2025, two members from each group.
    let lp_groups = [
        "government",
        "private_sector",
        "technical_community",
        "civil_society",
        "at_large",
    ];
    for (idx, group) in lp_groups.iter().flat_map(|g| [g, g]).enumerate() {
        let country = REGION_COUNTRIES[idx % 5][idx / 5];
        let person = new_person(country).await?;
        lp_members.push((*group, person));
        let gender = if idx % 2 == 0 { "woman" } else { "man" };
        members.push(member(
            "leadership-panel",
            person,
            SeatKind::Regular,
            group,
            country,
            gender,
            1,
            year(2025)?,
            year(2027)?,
        ));
    }
    // Its five ex officio seats: the previous, current and next host countries, the MAG
    // chair and the Tech Envoy.
    let ex_officio = [
        (ExOfficioRole::PreviousHostCountry, "government", "SA"),
        (ExOfficioRole::CurrentHostCountry, "government", "NO"),
        (ExOfficioRole::NextHostCountry, "government", "CH"),
        (ExOfficioRole::MagChair, "civil_society", "ZA"),
        (ExOfficioRole::TechEnvoy, "intergovernmental", "US"),
    ];
    for (idx, (role, group, country)) in ex_officio.into_iter().enumerate() {
        let person = new_person(country).await?;
        let gender = if idx % 2 == 0 { "man" } else { "woman" };
        members.push(member(
            "leadership-panel",
            person,
            SeatKind::ExOfficio(role),
            group,
            country,
            gender,
            1,
            year(2025)?,
            year(2027)?,
        ));
    }
    let ids = add_memberships(app, actor, &members).await?;

    // MAG 2026: engagement records (a few below the policy's 60 %), one resignation by
    // e-mail in May, and the appointed chair of each year.
    let mut mag = DemoSeatWork::default();
    for (index, slot) in &mag_2026 {
        let Some(&id) = ids.get(*index) else { continue };
        let attended = if slot % 10 == 3 {
            2
        } else {
            6 - u32::try_from(slot % 3).unwrap_or(0)
        };
        let reviews_done = if slot % 17 == 5 {
            3
        } else {
            8 - u32::try_from(slot % 4).unwrap_or(0)
        };
        let note = match (attended < 4, reviews_done < 5) {
            (true, _) => "Missed most open consultations; asked for remote participation.",
            (_, true) => "Few workshop proposals evaluated before the deadline.",
            _ if slot % 5 == 0 => "Co-facilitated a main-session working group.",
            _ => "",
        };
        mag.engagement.push((
            id,
            2026,
            EngagementInput {
                meetings_attended: attended,
                meetings_held: 6,
                reviews_done,
                reviews_assigned: 8,
                working_groups: u32::try_from(slot % 4).unwrap_or(0),
                note: note.to_owned(),
            },
        ));
    }
    if let Some(&(index, _)) = mag_2026.iter().find(|(_, slot)| *slot == RESIGNING_SLOT)
        && let Some(&id) = ids.get(index)
    {
        let notice: Timestamp = "2026-05-04T09:30:00Z"
            .parse()
            .map_err(|_| ActionError::Internal(anyhow::anyhow!("demo notice date")))?;
        // The notice must be dated by now (a machine whose clock is earlier skips it).
        if notice <= app.now() {
            mag.resignations.push((id, notice));
        }
    }
    for (y, chair) in &mag_chairs {
        mag.officers.push((*y, Office::Chair, *chair));
    }
    record_as_operator(app, actor, "igf", "mag", &mag).await?;

    // The Leadership Panel elects its chair and vice-chair each year, rotating groups.
    let lp_pick = |group: &str, nth: usize| {
        lp_members
            .iter()
            .filter(|(g, _)| *g == group)
            .nth(nth)
            .map(|(_, p)| *p)
            .ok_or_else(|| ActionError::Internal(anyhow::anyhow!("demo LP {group}")))
    };
    let lp = DemoSeatWork {
        officers: vec![
            (2025, Office::Chair, lp_pick("government", 0)?),
            (2025, Office::ViceChair, lp_pick("private_sector", 0)?),
            (2026, Office::Chair, lp_pick("civil_society", 0)?),
            (2026, Office::ViceChair, lp_pick("technical_community", 1)?),
        ],
        ..DemoSeatWork::default()
    };
    record_as_operator(app, actor, "igf", "leadership-panel", &lp).await?;
    Ok(2)
}

/// The MAG seat (see `load_bodies`) whose 2026 holder resigns in May 2026: a government
/// seat in its first term.
pub const RESIGNING_SLOT: usize = 7;
/// One demo nomination: (candidate, stakeholder group, country, gender, organisation,
/// nominator (`None`: self-nomination), endorsement, status, score).
type DemoNomination = (
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    Option<&'static str>,
    Option<&'static str>,
    &'static str,
    Option<u8>,
);

/// Fictional candidates for the MAG 2027 call, across groups, regions and genders.
const NOMINATIONS: [DemoNomination; 37] = [
    (
        "Wanjiru Kariuki",
        "civil_society",
        "KE",
        "woman",
        "Kenya ICT Action Network",
        None,
        Some("African Civil Society on the Information Society"),
        "eligible",
        Some(86),
    ),
    (
        "Chukwudi Eze",
        "private_sector",
        "NG",
        "man",
        "Lagos Digital Exchange",
        Some("Ngozi Obi"),
        None,
        "eligible",
        Some(74),
    ),
    (
        "Aminata Sow",
        "government",
        "SN",
        "woman",
        "Ministry of Communication, Senegal",
        Some("Ministry of Communication, Senegal"),
        None,
        "eligible",
        Some(81),
    ),
    (
        "Kwabena Owusu",
        "technical_community",
        "GH",
        "man",
        "University of Ghana",
        None,
        Some("AfNOG"),
        "eligible",
        Some(69),
    ),
    (
        "Thandiwe Nkosi",
        "government",
        "ZA",
        "woman",
        "Department of Communications and Digital Technologies",
        Some("DCDT South Africa"),
        None,
        "eligible",
        Some(77),
    ),
    (
        "Omar El-Sayed",
        "private_sector",
        "EG",
        "man",
        "Nile Data Centres",
        Some("Egyptian Chamber of IT"),
        None,
        "eligible",
        Some(63),
    ),
    (
        "Salma Ben Ammar",
        "civil_society",
        "TN",
        "woman",
        "Tunisian Association for Digital Rights",
        None,
        None,
        "eligible",
        Some(72),
    ),
    (
        "Jean-Paul Habimana",
        "government",
        "RW",
        "man",
        "Rwanda Utilities Regulatory Authority",
        Some("Ministry of ICT and Innovation, Rwanda"),
        None,
        "eligible",
        Some(70),
    ),
    (
        "Ananya Iyer",
        "technical_community",
        "IN",
        "woman",
        "Indian Institute of Technology Madras",
        None,
        Some("APNIC community"),
        "eligible",
        Some(88),
    ),
    (
        "Haruto Kobayashi",
        "private_sector",
        "JP",
        "man",
        "Keiretsu Cloud Services",
        Some("Japan Internet Providers Association"),
        None,
        "eligible",
        Some(66),
    ),
    (
        "Siti Rahmawati",
        "government",
        "ID",
        "woman",
        "Ministry of Communication and Informatics, Indonesia",
        Some("Kominfo"),
        None,
        "eligible",
        Some(79),
    ),
    (
        "Bilqis Anwar",
        "civil_society",
        "PK",
        "woman",
        "Digital Rights Foundation",
        None,
        Some("Asia Pacific Regional IGF"),
        "eligible",
        Some(84),
    ),
    (
        "Rafiqul Islam",
        "government",
        "BD",
        "man",
        "ICT Division, Bangladesh",
        Some("ICT Division, Bangladesh"),
        None,
        "eligible",
        Some(68),
    ),
    (
        "Maria Santos",
        "technical_community",
        "PH",
        "non-binary",
        "PhilNOG",
        None,
        None,
        "eligible",
        Some(71),
    ),
    (
        "Seo-yeon Park",
        "private_sector",
        "KR",
        "woman",
        "Hanbit Telecom",
        Some("Korea Internet Governance Alliance"),
        None,
        "eligible",
        Some(65),
    ),
    (
        "Katarzyna Nowak",
        "government",
        "PL",
        "woman",
        "Ministry of Digital Affairs, Poland",
        Some("Ministry of Digital Affairs, Poland"),
        None,
        "eligible",
        Some(83),
    ),
    (
        "Oleksandr Bondarenko",
        "civil_society",
        "UA",
        "man",
        "Digital Security Lab Ukraine",
        None,
        Some("EuroDIG"),
        "eligible",
        Some(76),
    ),
    (
        "Tereza Dvořáková",
        "technical_community",
        "CZ",
        "woman",
        "CZ.NIC",
        Some("RIPE community"),
        None,
        "eligible",
        Some(80),
    ),
    (
        "Nino Beridze",
        "government",
        "GE",
        "woman",
        "Georgian National Communications Commission",
        Some("GNCC"),
        None,
        "eligible",
        Some(73),
    ),
    (
        "Marko Petrović",
        "private_sector",
        "RS",
        "man",
        "Belgrade Software Guild",
        None,
        None,
        "eligible",
        Some(58),
    ),
    (
        "Kadri Tamm",
        "technical_community",
        "EE",
        "woman",
        "Tallinn University of Technology",
        Some("Estonian Internet Foundation"),
        None,
        "submitted",
        None,
    ),
    (
        "Luiza Cardoso",
        "civil_society",
        "BR",
        "woman",
        "Instituto de Direito e Internet",
        None,
        Some("Brazilian Internet Steering Committee (CGI.br) civil society seat"),
        "eligible",
        Some(87),
    ),
    (
        "Diego Hernández",
        "government",
        "MX",
        "man",
        "Instituto Federal de Telecomunicaciones",
        Some("IFT Mexico"),
        None,
        "eligible",
        Some(75),
    ),
    (
        "Valeria Gómez",
        "technical_community",
        "AR",
        "woman",
        "LACNIC",
        None,
        Some("LACNIC community"),
        "eligible",
        Some(82),
    ),
    (
        "Andrés Restrepo",
        "private_sector",
        "CO",
        "man",
        "Andina Conecta",
        Some("Colombian Chamber of Informatics and Telecommunications"),
        None,
        "eligible",
        Some(61),
    ),
    (
        "Camila Rojas",
        "government",
        "CL",
        "woman",
        "Subsecretaría de Telecomunicaciones, Chile",
        Some("SUBTEL"),
        None,
        "eligible",
        Some(78),
    ),
    (
        "Shanice Campbell",
        "civil_society",
        "JM",
        "woman",
        "Caribbean Youth Internet Forum",
        None,
        None,
        "eligible",
        Some(67),
    ),
    (
        "Rohan Maharaj",
        "technical_community",
        "TT",
        "man",
        "Caribbean Network Operators Group",
        Some("CaribNOG"),
        None,
        "submitted",
        None,
    ),
    (
        "Friederike Vogel",
        "private_sector",
        "DE",
        "woman",
        "Rhein Networks",
        Some("eco Association"),
        None,
        "eligible",
        Some(70),
    ),
    (
        "Étienne Lefèvre",
        "government",
        "FR",
        "man",
        "Ministère de l'Europe et des Affaires étrangères",
        Some("Ministère de l'Europe et des Affaires étrangères"),
        None,
        "eligible",
        Some(72),
    ),
    (
        "Eleanor Whitfield",
        "civil_society",
        "GB",
        "woman",
        "Open Rights Trust",
        None,
        Some("UK IGF"),
        "eligible",
        Some(64),
    ),
    (
        "Marcus Delaney",
        "technical_community",
        "US",
        "man",
        "Internet Society Chapter, New York",
        Some("Internet Society"),
        None,
        "eligible",
        Some(69),
    ),
    (
        "Ingvild Haugen",
        "government",
        "NO",
        "woman",
        "Norwegian Communications Authority",
        Some("Nkom"),
        None,
        "eligible",
        Some(80),
    ),
    (
        "Tāne Parata",
        "civil_society",
        "NZ",
        "man",
        "InternetNZ",
        None,
        Some("NZ IGF"),
        "eligible",
        Some(74),
    ),
    (
        "Lucía Ferrer",
        "private_sector",
        "ES",
        "woman",
        "Iberia Digital",
        None,
        None,
        "submitted",
        None,
    ),
    (
        "Fatou Jallow",
        "intergovernmental",
        "SN",
        "woman",
        "African Union Commission",
        Some("African Union Commission"),
        None,
        "submitted",
        None,
    ),
    (
        "Hyun-woo Lim",
        "government",
        "KR",
        "man",
        "Ministry of Science and ICT, Korea",
        Some("MSIT"),
        None,
        "withdrawn",
        None,
    ),
];

fn demo_email(name: &str) -> String {
    let local: String = name
        .to_lowercase()
        .chars()
        .map(|c| match c {
            'á' | 'à' | 'ā' => 'a',
            'é' | 'è' | 'ě' => 'e',
            'í' => 'i',
            'ó' | 'ö' => 'o',
            'ú' => 'u',
            'ř' => 'r',
            'ć' => 'c',
            'ž' => 'z',
            c if c.is_ascii_alphanumeric() => c,
            _ => '.',
        })
        .collect();
    format!("{}@nominee.example.org", local.trim_matches('.'))
}

/// The demo MAG nomination call for cycle 2027 (open from 15 October to 31 December 2026)
/// with its nominations, loaded through the CSV import in one transaction. Returns how
/// many nominations were loaded (0 when the call exists).
async fn load_nominations(app: &App, actor: &Actor) -> Result<usize, ActionError> {
    use crate::bodies::nominations::{CallInput, import_csv_as_operator, open_call_as_operator};

    let mut tx = app.db().read().await?;
    let igf = forum_q::forum_by_slug(&mut tx, "igf")
        .await?
        .ok_or(ActionError::NotFound)?;
    let mag = plenary_db::bodies::body_by_slug(&mut tx, igf.id, "mag")
        .await?
        .ok_or(ActionError::NotFound)?;
    let exists = plenary_db::nominations::call_by_year(&mut tx, mag.id, 2027)
        .await?
        .is_some();
    tx.commit().await?;
    if exists {
        return Ok(0);
    }
    open_call_as_operator(
        app,
        actor,
        "igf",
        "mag",
        &CallInput {
            cycle_year: "2027".into(),
            title: "MAG 2027: call for nominations".into(),
            description: "Nominate candidates for the Multistakeholder Advisory Group seats that open in 2027 (a third of the regular seats rotate). Self-nominations are welcome; endorsements by stakeholder-group processes help the secretariat.".into(),
            opens_at: "2026-10-15".into(),
            closes_at: "2026-12-31".into(),
        },
    )
    .await?;
    let mut rows: Vec<Vec<String>> = Vec::new();
    let mut row = |name: &str,
                   group: &str,
                   country: &str,
                   gender: &str,
                   organisation: &str,
                   nominator: Option<&str>,
                   endorsement: Option<&str>,
                   statement: &str,
                   status: &str,
                   score: Option<u8>| {
        let (by, by_email) = match nominator {
            Some(n) => (
                n.to_owned(),
                demo_email(n).replace("@nominee.", "@nominator."),
            ),
            None => (name.to_owned(), demo_email(name)),
        };
        rows.push(vec![
            name.to_owned(),
            demo_email(name),
            group.to_owned(),
            country.to_owned(),
            gender.to_owned(),
            organisation.to_owned(),
            statement.to_owned(),
            nominator.is_none().to_string(),
            by,
            by_email,
            endorsement
                .map(|e| format!("{e}: endorsed by the group's own selection process"))
                .unwrap_or_default(),
            status.to_owned(),
            score.map(|s| s.to_string()).unwrap_or_default(),
        ]);
    };
    for (name, group, country, gender, organisation, nominator, endorsement, status, score) in
        NOMINATIONS
    {
        let statement = format!(
            "{name} has worked on Internet governance at {organisation} and in national and regional IGF processes, and would bring the {} perspective to the MAG's programme work.",
            group.replace('_', " ")
        );
        row(
            name,
            group,
            country,
            gender,
            organisation,
            nominator,
            endorsement,
            &statement,
            status,
            score,
        );
    }
    // The same candidate nominated twice by different nominators: the review flags the pair.
    let twice = "Nanjala Wekesa";
    let statement = "Coordinates the East African youth IGF and has organised workshops at four annual IGF meetings.";
    row(
        twice,
        "civil_society",
        "KE",
        "woman",
        "East Africa Youth IGF",
        Some("Youth Coalition on Internet Governance"),
        None,
        statement,
        "eligible",
        Some(79),
    );
    row(
        twice,
        "civil_society",
        "KE",
        "woman",
        "East Africa Youth IGF",
        Some("Kenya IGF Steering Committee"),
        Some("Kenya IGF"),
        statement,
        "submitted",
        None,
    );
    // A nomination without a statement of motivation: it cannot be marked eligible.
    row(
        "Tomasz Zieliński",
        "private_sector",
        "PL",
        "man",
        "Vistula Systems",
        Some("Polish Chamber of Digital Economy"),
        None,
        "",
        "submitted",
        None,
    );
    // A member serving the last allowed consecutive term (the holder of regular seat 3,
    // 2024-2026): nominated again, but term-limited.
    row(
        &demo_name(5),
        "government",
        "RO",
        "woman",
        "Ministry of Research, Innovation and Digitalisation, Romania",
        Some("Permanent Mission of Romania"),
        None,
        "Seeks a fourth year to finish the MAG's work on the programme's intersessional tracks.",
        "ineligible",
        None,
    );
    let mut writer = csv::Writer::from_writer(Vec::new());
    let failed = |e: csv::Error| ActionError::Internal(anyhow::anyhow!("demo CSV: {e}"));
    writer
        .write_record([
            "candidate_name",
            "candidate_email",
            "stakeholder_group",
            "country",
            "gender",
            "organisation",
            "statement",
            "self_nomination",
            "nominated_by",
            "nominator_emails",
            "endorsements",
            "status",
            "score",
        ])
        .map_err(failed)?;
    for r in &rows {
        writer.write_record(r).map_err(failed)?;
    }
    let bytes = writer
        .into_inner()
        .map_err(|e| ActionError::Internal(anyhow::anyhow!("demo CSV: {e}")))?;
    let text = String::from_utf8(bytes)
        .map_err(|e| ActionError::Internal(anyhow::anyhow!("demo CSV: {e}")))?;
    import_csv_as_operator(app, actor, "igf", "mag", 2027, &text).await
}
