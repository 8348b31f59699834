//! A deterministic generator of session proposals shaped like the IGF 2023 call, for the
//! demo, benchmarks and tests.
//!
//! Main items: `Spec` (how many of what, and the seed), `generate` (the proposals, each as a
//! `csv::ProposalRecord` with the screening failure planted in it, if any) and
//! `insert_generated` (stores records in a cycle inside the caller's transaction).
//!
//! Shape (sources in `/shared/data/igf/`): 434 workshop proposals of which 398 passed
//! screening (8.3 % screened out) and 768 proposals of the other session types; the
//! 2023 sub-themes are the cycle's issue areas; organisers' stakeholder groups and regions
//! follow the 2016 organiser statistics and the 2022 participation figures. About one
//! workshop in eleven is planted with a realistic stage-1 failure under the `igf2023`
//! preset (too few confirmed speakers, speakers all of one gender, no onsite moderator,
//! a required field left empty, a MAG member submitting). A few heavy proposers submit
//! more than three proposals and a few popular speakers appear in more than three
//! workshops, so per-person caps (`MaxPerPerson`, `speaker_cap`) have something to find.
//!
//! Invariants: the same `Spec` and set-up give the same proposals, byte for byte (one
//! seeded `StdRng`, no clock); every record passes `check_proposal` for the set-up; names
//! are generated (no real people) and e-mail addresses use `example.org` domains.

use plenary_db::Tx;
use plenary_db::calls::proposals as pq;
use std::collections::BTreeMap;

use plenary_domain::calls::screening::{Context, counted_institutions, counted_people};
use plenary_domain::calls::{
    Confirmation, CycleSetup, PersonRole, ProposalDraft, ProposalPerson, ProposalStatus,
    normalise_words,
};
use plenary_domain::countries::{Country, UnRegionalGroup};
use plenary_domain::{AccountId, Timestamp};
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};

use super::csv::{ProposalRecord, Submitter};
use crate::ActionError;

/// The demo account of a current MAG member (see `demo::PEOPLE`); a few generated
/// workshops are submitted by it and fail `NotBodyMember`.
pub const BODY_MEMBER_EMAIL: &str = "mag.member@igf.example.org";
/// That account's display name in the demo.
pub const BODY_MEMBER_NAME: &str = "Aiko Tanabe";

/// What to generate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Spec {
    pub seed: u64,
    pub workshops: usize,
    /// Proposals of every other session type the set-up has, shared out like 2023's.
    pub others: usize,
    /// Distinct proposer accounts the proposals are spread over.
    pub proposers: usize,
    /// Share of workshops planted with a screening failure, in per mille.
    pub failing_per_mille: u32,
}

impl Spec {
    /// The demo's call: about 430 workshops and 700 other proposals by 300 proposers.
    pub fn demo() -> Spec {
        Spec {
            seed: 2026,
            workshops: 430,
            others: 700,
            proposers: 300,
            failing_per_mille: 88,
        }
    }

    /// `total` proposals in the 2023 proportions (434 workshops to 768 others), with one
    /// proposer for every four proposals.
    pub fn scaled(seed: u64, total: usize) -> Spec {
        let workshops = total * 434 / 1202;
        Spec {
            seed,
            workshops,
            others: total - workshops,
            proposers: (total / 4).max(10),
            failing_per_mille: 88,
        }
    }
}

/// The screening failure planted in a generated workshop.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Planted {
    /// Fewer than three speakers are provisionally confirmed.
    FewConfirmed,
    /// Every speaker is of the same gender.
    OneGender,
    /// The moderator joins online.
    NoOnsiteModerator,
    /// A required field (policy questions, interaction plan, expected outcomes, the
    /// rapporteur or the online moderator) is left empty.
    MissingField,
    /// Submitted by a current MAG member (`BODY_MEMBER_EMAIL`).
    BodyMember,
}

impl Planted {
    /// The `igf2023` rule this failure trips.
    pub fn rule(self) -> &'static str {
        match self {
            Planted::FewConfirmed => "confirmed_speakers",
            Planted::OneGender => "gender_diversity",
            Planted::NoOnsiteModerator => "onsite_presence",
            Planted::MissingField => "required_fields",
            Planted::BodyMember => "not_body_member",
        }
    }
}

/// One generated proposal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GeneratedProposal {
    pub record: ProposalRecord,
    /// The failure the generator planted (`None`: meant to pass the `igf2023` rules).
    pub planted: Option<Planted>,
}

/// Shares of the non-workshop types (per mille of the other proposals), 2023-like: open
/// forums and lightning talks are the largest groups; BPFs and DCs are few.
const OTHER_SHARES: [(&str, usize); 9] = [
    ("open_forum", 210),
    ("lightning_talk", 180),
    ("day0", 130),
    ("town_hall", 120),
    ("networking", 110),
    ("launch_award", 90),
    ("nri_collaborative", 80),
    ("dc_session", 60),
    ("bpf_session", 20),
];

/// Organisers' stakeholder groups (per mille): civil society 45 % as in 2016, the rest
/// after the 2022 participation shares.
const GROUP_SHARES: [(&str, u32); 5] = [
    ("civil_society", 450),
    ("technical_community", 170),
    ("private_sector", 150),
    ("government", 150),
    ("intergovernmental", 80),
];

/// Organisers' regions (per mille): Europe 31.6 %, North America 19.6 %, South America
/// 17.2 % in 2016; the rest Africa and Asia-Pacific.
const REGION_SHARES: [(UnRegionalGroup, u32); 5] = [
    (UnRegionalGroup::WesternEuropeanAndOthers, 440),
    (UnRegionalGroup::EasternEuropean, 80),
    (UnRegionalGroup::LatinAmericanAndCaribbean, 170),
    (UnRegionalGroup::African, 160),
    (UnRegionalGroup::AsiaPacific, 150),
];

const GIVEN: [&[&str]; 5] = [
    &[
        "Hannah", "Lukas", "Sofia", "James", "Claire", "Matteo", "Ingrid", "Pieter", "Aoife",
        "Daniel", "Elodie", "Marta", "Oliver", "Freya", "Jonas", "Laura",
    ],
    &[
        "Olena", "Tomasz", "Irina", "Milan", "Ana", "Dmitar", "Kristina", "Andrei", "Lejla",
        "Vytautas",
    ],
    &[
        "Camila",
        "Joaquín",
        "Fernanda",
        "Thiago",
        "Valentina",
        "Mateus",
        "Daniela",
        "Rodrigo",
        "Keisha",
        "Alejandro",
        "Paula",
        "Renata",
    ],
    &[
        "Amina",
        "Kwame",
        "Fatoumata",
        "Tendai",
        "Nia",
        "Abdoulaye",
        "Zanele",
        "Chidi",
        "Halima",
        "Kofi",
        "Wambui",
        "Youssef",
    ],
    &[
        "Mei", "Arjun", "Siti", "Hiroshi", "Ji-woo", "Farhan", "Anjali", "Nguyen", "Layla",
        "Rangi", "Tariq", "Yuki",
    ],
];

const FAMILY: [&[&str]; 5] = [
    &[
        "Müller",
        "Larsen",
        "Dubois",
        "Whitaker",
        "Rossi",
        "Janssen",
        "Byrne",
        "Schmid",
        "Lindgren",
        "Moreau",
        "Keller",
        "Foster",
        "Martínez",
        "Nilsen",
    ],
    &[
        "Kowalska",
        "Horvat",
        "Ivanova",
        "Popescu",
        "Novák",
        "Kovačević",
        "Petrauskas",
        "Tamm",
        "Hadžić",
        "Shevchenko",
    ],
    &[
        "Pereira",
        "Gutiérrez",
        "Alves",
        "Morales",
        "Castillo",
        "Souza",
        "Ramírez",
        "Brown",
        "Fuentes",
        "Medina",
        "Rocha",
        "Vargas",
    ],
    &[
        "Diallo", "Okafor", "Mwangi", "Ndlovu", "Traoré", "Boateng", "Kiplagat", "Mensah", "Banda",
        "Haddad", "Touré", "Abebe",
    ],
    &[
        "Tanaka", "Sharma", "Wijaya", "Kim", "Rahman", "Liu", "Perera", "Santos", "Hassan",
        "Nakamura", "Tran", "Walker",
    ],
];

/// Countries proposals come from most often, per region (the rest are drawn uniformly).
const HUBS: [&[&str]; 5] = [
    &["US", "GB", "DE", "FR", "CH", "NL", "CA", "SE", "AU"],
    &["PL", "UA", "RO", "GE", "EE", "RS"],
    &["BR", "MX", "AR", "CO", "CL"],
    &["NG", "KE", "ZA", "GH", "EG", "TN", "RW"],
    &["IN", "JP", "ID", "PK", "BD", "PH", "KR"],
];

/// Topic vocabulary per 2023 sub-theme (issue-area code), used for titles and text.
fn topics(area: &str) -> &'static [&'static str] {
    match area {
        "ai_emerging" => &[
            "generative AI",
            "AI governance",
            "algorithmic accountability",
            "open-source AI models",
            "AI in public services",
            "the Internet of Things",
            "neurotechnology",
            "AI and labour markets",
        ],
        "fragmentation" => &[
            "Internet fragmentation",
            "the interoperable Internet",
            "data localisation",
            "Internet shutdowns",
            "the global DNS",
            "sanctions and connectivity",
        ],
        "cybersecurity" => &[
            "ransomware",
            "child online safety",
            "cyber norms",
            "critical infrastructure protection",
            "online scams",
            "the UN cybercrime convention",
            "cyber capacity building",
        ],
        "data_governance" => &[
            "cross-border data flows",
            "data protection",
            "digital identity",
            "health data",
            "data free flow with trust",
            "privacy-enhancing technologies",
        ],
        "digital_divides" => &[
            "meaningful connectivity",
            "community networks",
            "digital literacy",
            "affordable access",
            "accessibility for persons with disabilities",
            "multilingual content",
            "the gender digital divide",
        ],
        "digital_cooperation" => &[
            "the Global Digital Compact",
            "WSIS+20",
            "multistakeholder governance",
            "the future of the IGF",
            "national and regional IGFs",
            "digital public infrastructure",
        ],
        "human_rights" => &[
            "freedom of expression online",
            "content moderation",
            "surveillance technologies",
            "journalists' safety online",
            "digital rights of children",
            "platform accountability",
        ],
        "sustainability" => &[
            "the environmental footprint of data centres",
            "e-waste",
            "green ICT policy",
            "climate data",
            "sustainable supply chains",
            "smart cities",
        ],
        _ => &[
            "Internet governance",
            "digital policy",
            "online participation",
        ],
    }
}

const ANGLES: [&str; 14] = [
    "lessons from the Global South",
    "a multistakeholder roadmap",
    "what role for parliaments?",
    "bridging policy and practice",
    "youth perspectives",
    "from principles to practice",
    "regional experiences",
    "who decides?",
    "building trust across borders",
    "evidence for policy makers",
    "rights-based approaches",
    "the next five years",
    "voices from the field",
    "what works, what does not",
];

const TITLE_FORMS: [&str; 6] = [
    "{T}: {A}",
    "Rethinking {t}: {A}",
    "{T} and the Internet we want",
    "Governing {t}: {A}",
    "{T} in {R}: {A}",
    "Towards inclusive {t}",
];

const REGION_NAMES: [&str; 5] = [
    "Europe and North America",
    "Eastern Europe",
    "Latin America and the Caribbean",
    "Africa",
    "Asia and the Pacific",
];

const DESCRIPTION_SENTENCES: [&str; 12] = [
    "This session brings together {g} voices to examine how {t} is reshaping the Internet in {R}.",
    "Speakers from government, business, civil society and the technical community will compare national approaches to {t} and identify gaps in current policy.",
    "Recent research shows that decisions about {t} are often taken without the people most affected, and the session asks how that can change.",
    "Participants will discuss concrete cases from {c}, where {t} has moved from a technical question to a matter of public debate.",
    "The discussion builds on the messages of previous IGF meetings and on the work of national and regional IGF initiatives.",
    "We will look at what has worked, what has not, and which commitments stakeholders are ready to make in the coming year.",
    "Particular attention is paid to the needs of small and developing countries, young people and persons with disabilities.",
    "The organisers will share a short background paper before the meeting and invite online participants to send questions in advance.",
    "The format leaves at least half of the time for questions and interventions from the room and from remote hubs.",
    "The session aims to connect local experience with global processes such as the Global Digital Compact and the WSIS review.",
    "Speakers will present short provocations rather than speeches, followed by an open discussion moderated onsite.",
    "The outcome will feed into the IGF messages and into the ongoing work of related Dynamic Coalitions and Best Practice Forums.",
];

const POLICY_QUESTIONS: [&str; 5] = [
    "1. What policies on {t} have improved outcomes for users in {R}?\n2. How can stakeholders share responsibility for {t}?\n3. Which commitments should governments and companies make?",
    "1. Who should set the rules for {t}?\n2. How can the voices of affected communities be heard?\n3. What can national and regional IGFs contribute?",
    "1. What are the risks of fragmented approaches to {t}?\n2. Which international processes should address it?\n3. How can progress be measured?",
    "1. Which gaps in capacity stop countries from acting on {t}?\n2. How can cooperation close them?\n3. What role for the private sector?",
    "1. How do human rights standards apply to {t}?\n2. What safeguards are missing today?\n3. How should accountability work across borders?",
];

const INTERACTION_PLANS: [&str; 4] = [
    "Short opening statements (5 minutes each), then an open round of questions from onsite and online participants, with an online moderator relaying remote questions in turn.",
    "Break-out discussions at tables with a rapporteur each, reporting back in plenary; online participants join a parallel break-out room.",
    "A live poll at the start and end of the session, and a moderated queue that alternates between the room and remote participants.",
    "A fishbowl format: four chairs on stage, one always free for a participant; remote participants take the free chair through the online moderator.",
];

const ONLINE_PLANS: [&str; 3] = [
    "The online moderator follows the Zoom chat and the remote hubs and gives remote speakers the floor in every round.",
    "Slides and the background paper are shared in advance; online participants can vote in the poll and ask questions by text or voice.",
    "Remote hubs in three regions are invited; one remote speaker opens the discussion.",
];

const OUTCOMES: [&str; 4] = [
    "A short report with recommendations on {t}, shared with the IGF secretariat and the national and regional IGFs.",
    "A list of commitments by participating organisations and a follow-up meeting in the intersessional period.",
    "Input to the IGF messages and to the Dynamic Coalition working on {t}.",
    "A map of existing initiatives on {t} and the gaps they leave, published after the meeting.",
];

const MESSAGES_LINKS: [&str; 3] = [
    "Builds on the IGF 2023 Kyoto messages on {t}.",
    "Follows up the Addis Ababa messages calling for inclusive approaches to {t}.",
    "Responds to the 2024 Riyadh messages on digital cooperation and {t}.",
];

const ORG_FORMS: [(&str, &[&str]); 5] = [
    (
        "civil_society",
        &[
            "{C} Digital Rights Initiative",
            "Centre for Internet and Society, {C}",
            "{C} Youth Internet Forum",
            "Open Knowledge {C}",
            "Association for Digital Inclusion, {C}",
            "{C} Media Freedom Network",
        ],
    ),
    (
        "technical_community",
        &[
            "University of {C}, Faculty of Computing",
            "{C} Network Operators Group",
            "Internet Society {C} Chapter",
            "{C} Internet Exchange",
            "Institute of Technology, {C}",
        ],
    ),
    (
        "private_sector",
        &[
            "{C} Telecom",
            "{C} Cloud Services",
            "Digital Chamber of Commerce, {C}",
            "{C} Software Association",
        ],
    ),
    (
        "government",
        &[
            "Ministry of Digital Affairs, {C}",
            "{C} Communications Regulatory Authority",
            "National Cyber Security Agency, {C}",
            "Data Protection Authority, {C}",
        ],
    ),
    (
        "intergovernmental",
        &[
            "UNESCO",
            "International Telecommunication Union",
            "OECD",
            "Council of Europe",
            "African Union Commission",
            "UNDP",
            "UNICEF",
            "World Bank",
        ],
    ),
];

/// One generated person before they are given a role on a proposal.
#[derive(Debug, Clone)]
struct Person {
    name: String,
    email: String,
    organisation: String,
    stakeholder_group: String,
    country_iso2: String,
    country_name: String,
    region: UnRegionalGroup,
    gender: &'static str,
}

impl Person {
    fn on(&self, role: PersonRole, onsite: bool, confirmation: Confirmation) -> ProposalPerson {
        ProposalPerson {
            role,
            name: self.name.clone(),
            email: self.email.clone(),
            organisation: self.organisation.clone(),
            stakeholder_group: self.stakeholder_group.clone(),
            country_iso2: self.country_iso2.clone(),
            region: self.region,
            gender: self.gender.to_owned(),
            onsite,
            confirmation,
        }
    }

    fn submitter(&self) -> Submitter {
        Submitter {
            email: self.email.clone(),
            name: self.name.clone(),
            organisation: self.organisation.clone(),
            stakeholder_group: self.stakeholder_group.clone(),
            country_iso2: self.country_iso2.clone(),
        }
    }
}

fn pick_weighted<'a, T>(rng: &mut StdRng, table: &'a [(T, u32)]) -> &'a T {
    let total: u32 = table.iter().map(|(_, w)| *w).sum();
    let mut roll = rng.random_range(0..total.max(1));
    for (item, weight) in table {
        if roll < *weight {
            return item;
        }
        roll -= weight;
    }
    &table[table.len() - 1].0
}

fn pick<'a, T>(rng: &mut StdRng, items: &'a [T]) -> &'a T {
    &items[rng.random_range(0..items.len())]
}

fn region_index(region: UnRegionalGroup) -> usize {
    match region {
        UnRegionalGroup::WesternEuropeanAndOthers | UnRegionalGroup::None => 0,
        UnRegionalGroup::EasternEuropean => 1,
        UnRegionalGroup::LatinAmericanAndCaribbean => 2,
        UnRegionalGroup::African => 3,
        UnRegionalGroup::AsiaPacific => 4,
    }
}

/// The country-name part of an e-mail domain or slug: ASCII letters only, lower case.
fn ascii_slug(text: &str) -> String {
    let folded: String = text
        .chars()
        .map(|c| match c {
            'á' | 'à' | 'â' | 'ä' | 'ã' | 'å' => 'a',
            'é' | 'è' | 'ê' | 'ë' | 'ě' => 'e',
            'í' | 'ì' | 'î' | 'ï' => 'i',
            'ó' | 'ò' | 'ô' | 'ö' | 'õ' => 'o',
            'ú' | 'ù' | 'û' | 'ü' => 'u',
            'ç' | 'č' | 'ć' => 'c',
            'ñ' => 'n',
            'š' => 's',
            'ž' => 'z',
            'ř' => 'r',
            'đ' => 'd',
            c => c.to_ascii_lowercase(),
        })
        .collect();
    folded
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join("-")
}

/// Draws people with the 2016/2022 shapes; `serial` keeps e-mail addresses unique.
struct People<'a> {
    by_region: [Vec<&'a Country>; 5],
    serial: usize,
}

impl<'a> People<'a> {
    fn new(countries: &'a [Country]) -> People<'a> {
        let mut by_region: [Vec<&Country>; 5] = Default::default();
        for country in countries {
            if country.un_regional_group != UnRegionalGroup::None {
                by_region[region_index(country.un_regional_group)].push(country);
            }
        }
        People {
            by_region,
            serial: 0,
        }
    }

    fn country(&self, rng: &mut StdRng, region: usize) -> Option<&'a Country> {
        let list = &self.by_region[region];
        if rng.random_bool(0.6) {
            let hub = pick(rng, HUBS[region]);
            if let Some(found) = list.iter().find(|c| c.iso2 == *hub) {
                return Some(found);
            }
        }
        if list.is_empty() {
            None
        } else {
            Some(list[rng.random_range(0..list.len())])
        }
    }

    fn person(&mut self, rng: &mut StdRng, gender: Option<&'static str>) -> Person {
        self.serial += 1;
        let region = region_index(*pick_weighted(rng, &REGION_SHARES));
        let group = *pick_weighted(rng, &GROUP_SHARES);
        let (iso2, country_name, un_group) = match self.country(rng, region) {
            Some(c) => (c.iso2.clone(), c.name.clone(), c.un_regional_group),
            None => (
                "CH".to_owned(),
                "Switzerland".to_owned(),
                UnRegionalGroup::WesternEuropeanAndOthers,
            ),
        };
        let given = *pick(rng, GIVEN[region]);
        let family = *pick(rng, FAMILY[region]);
        let gender = gender.unwrap_or_else(|| {
            let roll = rng.random_range(0..100);
            if roll < 44 {
                "woman"
            } else if roll < 98 {
                "man"
            } else {
                "non-binary"
            }
        });
        let forms = ORG_FORMS
            .iter()
            .find(|(g, _)| *g == group)
            .map_or(ORG_FORMS[0].1, |(_, f)| *f);
        let organisation = pick(rng, forms).replace("{C}", &country_name);
        let domain = ascii_slug(&organisation);
        let email = format!(
            "{}.{}.{}@{}.example.org",
            ascii_slug(given),
            ascii_slug(family),
            self.serial,
            domain.chars().take(40).collect::<String>()
        );
        Person {
            name: format!("{given} {family}"),
            email,
            organisation,
            stakeholder_group: group.to_owned(),
            country_iso2: iso2,
            country_name,
            region: un_group,
            gender,
        }
    }
}

fn fill(template: &str, topic: &str, person: &Person) -> String {
    let mut title_case = topic.to_owned();
    if let Some(first) = title_case.get(0..1) {
        let upper = first.to_uppercase();
        title_case.replace_range(0..1, &upper);
    }
    template
        .replace("{T}", &title_case)
        .replace("{t}", topic)
        .replace("{R}", REGION_NAMES[region_index(person.region)])
        .replace("{c}", &person.country_name)
        .replace("{g}", &person.stakeholder_group.replace('_', " "))
}

fn angle_title(rng: &mut StdRng, topic: &str, lead: &Person) -> String {
    let form = *pick(rng, &TITLE_FORMS);
    let angle = *pick(rng, &ANGLES);
    let mut angle_cap = angle.to_owned();
    if let Some(first) = angle_cap.get(0..1) {
        let upper = first.to_uppercase();
        angle_cap.replace_range(0..1, &upper);
    }
    fill(&form.replace("{A}", &angle_cap), topic, lead)
}

fn description(rng: &mut StdRng, topic: &str, lead: &Person, sentences: usize) -> String {
    let mut order: Vec<usize> = (0..DESCRIPTION_SENTENCES.len()).collect();
    // A deterministic shuffle: pick without replacement.
    let mut chosen = vec![0];
    order.remove(0);
    while chosen.len() < sentences && !order.is_empty() {
        let i = rng.random_range(0..order.len());
        chosen.push(order.remove(i));
    }
    chosen
        .iter()
        .map(|i| fill(DESCRIPTION_SENTENCES[*i], topic, lead))
        .collect::<Vec<_>>()
        .join(" ")
}

/// Generates `spec.workshops` workshops and `spec.others` proposals of the set-up's other
/// open session types, over the issue areas of `setup`, from people in `countries`.
/// Every record is `submitted`.
pub fn generate(setup: &CycleSetup, countries: &[Country], spec: &Spec) -> Vec<GeneratedProposal> {
    let mut rng = StdRng::seed_from_u64(spec.seed);
    let mut people = People::new(countries);
    let proposers: Vec<Person> = (0..spec.proposers.max(1))
        .map(|_| people.person(&mut rng, None))
        .collect();
    // A pool of speakers, some of them popular (they land in many sessions).
    let speakers: Vec<Person> = (0..(spec.workshops + spec.others).max(8) * 2)
        .map(|_| people.person(&mut rng, None))
        .collect();
    let popular = &speakers[..speakers.len().min(12)];
    let heavy = proposers.len().min(6);
    let body_member = Person {
        name: BODY_MEMBER_NAME.to_owned(),
        email: BODY_MEMBER_EMAIL.to_owned(),
        organisation: "Kyoto Institute of Informatics".to_owned(),
        stakeholder_group: "technical_community".to_owned(),
        country_iso2: "JP".to_owned(),
        country_name: "Japan".to_owned(),
        region: UnRegionalGroup::AsiaPacific,
        gender: "woman",
    };

    let mut kinds: Vec<&str> = Vec::with_capacity(spec.workshops + spec.others);
    let has = |code: &str| setup.session_type(code).is_some_and(|t| t.open);
    if has("workshop") {
        kinds.extend(std::iter::repeat_n("workshop", spec.workshops));
    }
    let others: Vec<(&str, usize)> = OTHER_SHARES
        .iter()
        .copied()
        .filter(|(code, _)| has(code))
        .collect();
    let share_total: usize = others.iter().map(|(_, s)| *s).sum::<usize>().max(1);
    let mut placed = 0;
    for (i, (code, share)) in others.iter().enumerate() {
        let n = if i + 1 == others.len() {
            spec.others - placed
        } else {
            spec.others * share / share_total
        };
        placed += n;
        kinds.extend(std::iter::repeat_n(*code, n));
    }

    let mut out = Vec::with_capacity(kinds.len());
    let mut serial_by_type: BTreeMap<&str, usize> = Default::default();
    for kind_code in kinds {
        let Some(kind) = setup.session_type(kind_code) else {
            continue;
        };
        let n = serial_by_type.entry(kind_code).or_insert(0);
        *n += 1;
        let reference = format!("{}-{:04}", short_code(kind_code), n);
        let workshop = kind_code == "workshop";
        let planted = if workshop
            && rng.random_range(0..1000) < spec.failing_per_mille
            && !setup.rules.is_empty()
        {
            Some(match rng.random_range(0..100) {
                0..30 => Planted::FewConfirmed,
                30..55 => Planted::OneGender,
                55..75 => Planted::NoOnsiteModerator,
                75..92 => Planted::MissingField,
                _ => Planted::BodyMember,
            })
        } else {
            None
        };
        // A handful of heavy proposers submit several proposals each.
        let submitter = if planted == Some(Planted::BodyMember) {
            &body_member
        } else if rng.random_range(0..100) < 4 {
            &proposers[rng.random_range(0..heavy)]
        } else {
            pick(&mut rng, &proposers)
        };
        let area = pick(&mut rng, &setup.issue_areas).code.clone();
        let topic = *pick(&mut rng, topics(&area));
        let title = angle_title(&mut rng, topic, submitter);
        let sentences = if workshop {
            rng.random_range(5..=9)
        } else {
            rng.random_range(3..=6)
        };
        let format = pick(&mut rng, &kind.formats).clone();
        let duration_min = *pick(&mut rng, &kind.durations);

        // People: the submitter organises, with 0-2 co-organisers; speakers from the pool.
        let mut listed: Vec<ProposalPerson> =
            vec![submitter.on(PersonRole::Organiser, true, Confirmation::Confirmed)];
        for _ in 0..rng.random_range(0..=2) {
            let co = people.person(&mut rng, None);
            listed.push(co.on(
                PersonRole::Organiser,
                rng.random_bool(0.7),
                Confirmation::Confirmed,
            ));
        }
        let n_speakers = if workshop {
            rng.random_range(3..=6)
        } else {
            rng.random_range(1..=4)
        };
        let mut chosen: Vec<Person> = Vec::new();
        while chosen.len() < n_speakers {
            let candidate = if rng.random_range(0..100) < 8 {
                pick(&mut rng, popular).clone()
            } else {
                pick(&mut rng, &speakers).clone()
            };
            if !chosen.iter().any(|p| p.email == candidate.email) {
                chosen.push(candidate);
            }
        }
        match planted {
            Some(Planted::OneGender) => {
                let gender = chosen[0].gender;
                for p in &mut chosen {
                    p.gender = gender;
                }
            }
            _ if workshop => {
                // Passing workshops have at least one woman and one man.
                if !chosen.iter().any(|p| p.gender == "woman") {
                    chosen[0].gender = "woman";
                }
                if !chosen.iter().any(|p| p.gender == "man") {
                    chosen[1].gender = "man";
                }
            }
            _ => {}
        }
        for (i, p) in chosen.iter().enumerate() {
            let confirmation = match planted {
                Some(Planted::FewConfirmed) if i >= 1 => Confirmation::Invited,
                _ if i < 3 => {
                    if rng.random_bool(0.6) {
                        Confirmation::Confirmed
                    } else {
                        Confirmation::Provisional
                    }
                }
                _ => *pick(&mut rng, &Confirmation::ALL),
            };
            // The first two speakers attend onsite; the rest as they choose.
            let onsite = i < 2 || rng.random_bool(0.5);
            listed.push(p.on(PersonRole::Speaker, onsite, confirmation));
        }
        let moderator = if rng.random_bool(0.5) {
            submitter.clone()
        } else {
            people.person(&mut rng, None)
        };
        let moderator_onsite = planted != Some(Planted::NoOnsiteModerator);
        listed.push(moderator.on(
            PersonRole::Moderator,
            moderator_onsite,
            Confirmation::Confirmed,
        ));
        let mut drop_online_moderator = false;
        let mut drop_rapporteur = false;
        let mut empty_field = None;
        if planted == Some(Planted::MissingField) {
            match rng.random_range(0..5) {
                0 => drop_online_moderator = true,
                1 => drop_rapporteur = true,
                n => empty_field = Some(n),
            }
        }
        if workshop || rng.random_bool(0.5) {
            if !drop_online_moderator {
                let online = people.person(&mut rng, None);
                listed.push(online.on(PersonRole::OnlineModerator, false, Confirmation::Confirmed));
            }
            if !drop_rapporteur {
                let rapporteur = people.person(&mut rng, None);
                listed.push(rapporteur.on(
                    PersonRole::Rapporteur,
                    rng.random_bool(0.6),
                    Confirmation::Confirmed,
                ));
            }
        }
        let text = |template: &str| fill(template, topic, submitter);
        let policy_template = *pick(&mut rng, &POLICY_QUESTIONS);
        let interaction_template = *pick(&mut rng, &INTERACTION_PLANS);
        let online_template = *pick(&mut rng, &ONLINE_PLANS);
        let outcomes_template = *pick(&mut rng, &OUTCOMES);
        let messages_template = *pick(&mut rng, &MESSAGES_LINKS);
        let mut draft = ProposalDraft {
            session_type: kind_code.to_owned(),
            title,
            issue_area: area,
            format,
            duration_min,
            description: description(&mut rng, topic, submitter, sentences),
            policy_questions: text(policy_template),
            interaction_plan: text(interaction_template),
            online_plan: text(online_template),
            expected_outcomes: text(outcomes_template),
            previous_reports: if rng.random_bool(0.3) {
                format!(
                    "https://www.intgovforum.org/en/content/igf-{}-report-{}",
                    setup.year - 1,
                    reference
                )
            } else {
                String::new()
            },
            messages_link: text(messages_template),
            language: if !workshop && rng.random_range(0..100) < 3 {
                (*pick(&mut rng, &["es", "fr"])).to_owned()
            } else {
                "en".to_owned()
            },
            people: listed,
        };
        match empty_field {
            Some(2) => draft.policy_questions.clear(),
            Some(3) => draft.interaction_plan.clear(),
            Some(_) => draft.expected_outcomes.clear(),
            None => {}
        }
        out.push(GeneratedProposal {
            record: ProposalRecord {
                reference,
                submitter: submitter.submitter(),
                status: ProposalStatus::Submitted,
                draft,
            },
            planted,
        });
    }
    out
}

fn identity(email: &str) -> String {
    format!("email:{}", email.trim().to_lowercase())
}

/// The screening context shared by `records`, as a cycle's run builds it: the per-person
/// and per-institution counts over every record that is not withdrawn, and the advisory
/// body's members given by e-mail (no missing reports). Set each record's submitter with
/// `set_submitter` before screening it.
pub fn screening_context(
    records: &[ProposalRecord],
    year: i32,
    body_member_emails: &[&str],
) -> Context {
    let mut per_person: BTreeMap<String, u32> = BTreeMap::new();
    let mut per_institution: BTreeMap<String, u32> = BTreeMap::new();
    for record in records {
        if record.status == ProposalStatus::Withdrawn {
            continue;
        }
        for person in counted_people(&record.draft, &identity(&record.submitter.email)) {
            *per_person.entry(person).or_insert(0) += 1;
        }
        for org in counted_institutions(&record.draft, &record.submitter.organisation) {
            *per_institution.entry(org).or_insert(0) += 1;
        }
    }
    Context {
        body_member_identities: body_member_emails.iter().map(|e| identity(e)).collect(),
        body_member_organisations: Default::default(),
        submitter: String::new(),
        submitter_organisation: String::new(),
        proposals_per_person: per_person,
        proposals_per_institution: per_institution,
        missing_reports: BTreeMap::new(),
        year,
    }
}

/// Points `ctx` at `record`'s submitter.
pub fn set_submitter(ctx: &mut Context, record: &ProposalRecord) {
    ctx.submitter = identity(&record.submitter.email);
    ctx.submitter_organisation = normalise_words(&record.submitter.organisation);
}

fn short_code(kind: &str) -> &'static str {
    match kind {
        "workshop" => "ws",
        "open_forum" => "of",
        "day0" => "d0",
        "lightning_talk" => "lt",
        "launch_award" => "la",
        "town_hall" => "th",
        "networking" => "nw",
        "nri_collaborative" => "nri",
        "dc_session" => "dc",
        "bpf_session" => "bpf",
        _ => "p",
    }
}

/// Stores `records` as proposals of the cycle `cycle_id` inside `tx`: creates or links
/// the submitters' accounts by e-mail (without a password: they sign in after a password
/// reset), then inserts each proposal with its people as `submitted` (or its record's
/// status) and `pending` screening. Records the audit events. Returns how many proposals
/// were stored.
pub async fn insert_generated(
    tx: &mut Tx,
    actor: &plenary_domain::audit::Actor,
    cycle_id: i64,
    records: &[ProposalRecord],
    now: Timestamp,
) -> Result<usize, ActionError> {
    let mut accounts: BTreeMap<String, AccountId> = Default::default();
    for record in records {
        let key = record.submitter.email.trim().to_lowercase();
        if accounts.contains_key(&key) {
            continue;
        }
        let id = crate::accounts::account_without_password(
            tx,
            actor,
            &record.submitter.email,
            &record.submitter.name,
            now,
        )
        .await?;
        accounts.insert(key, id);
    }
    let regions = super::proposals::country_regions(tx).await?;
    let mut batch = Vec::with_capacity(records.len());
    for record in records {
        let key = record.submitter.email.trim().to_lowercase();
        let submitter_account = accounts
            .get(&key)
            .ok_or_else(|| anyhow::anyhow!("no account for {key}"))?
            .0;
        let d = &record.draft;
        let region = regions
            .get(&record.submitter.country_iso2.to_uppercase())
            .copied()
            .unwrap_or(plenary_domain::countries::UnRegionalGroup::None);
        let submitted = record.status == plenary_domain::calls::ProposalStatus::Submitted;
        batch.push(pq::NewProposal {
            cycle: cycle_id,
            submitter_account,
            status: record.status.code().to_owned(),
            content: super::proposals::content_of(
                d,
                "",
                super::proposals::Submitter {
                    organisation: &record.submitter.organisation,
                    stakeholder_group: &record.submitter.stakeholder_group,
                    country_iso2: &record.submitter.country_iso2.to_uppercase(),
                    region,
                },
            ),
            people: d.people.iter().map(super::proposals::person_row).collect(),
            submitted_at: submitted.then_some(now),
        });
    }
    let stored = pq::insert_proposals(tx, &batch, now).await?;
    let forum = plenary_db::calls::cycle(tx, cycle_id)
        .await?
        .map(|c| plenary_domain::ForumId(c.forum_id));
    let references: Vec<&str> = records.iter().map(|r| r.reference.as_str()).collect();
    crate::audit::record(
        tx,
        actor,
        plenary_domain::audit::AuditEntry {
            forum,
            action: "proposal.import",
            entity_type: "cycle",
            entity_id: cycle_id.to_string(),
            before: None,
            after: Some(
                serde_json::json!({ "count": stored.len(), "references": references }).to_string(),
            ),
        },
        now,
    )
    .await?;
    Ok(stored.len())
}

#[cfg(test)]
mod tests;
