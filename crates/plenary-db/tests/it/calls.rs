//! Cycles, session proposals with their people, list filters, screening results, overrides
//! and report flags.

use plenary_db::calls::proposals::{
    self as q, NewProposal, NewReportFlag, PersonRow, ProposalContent, ProposalFilter,
    ScreeningResult,
};
use plenary_db::{Tx, accounts, bodies, calls};
use plenary_domain::accounts::{DisplayName, Email};
use plenary_domain::countries::{Country, DevelopmentStatus, UnRegionalGroup};
use plenary_domain::{AccountId, Timestamp};

use crate::Fixture;

fn at(text: &str) -> Timestamp {
    text.parse().unwrap()
}

async fn country(tx: &mut Tx, iso2: &str, iso3: &str, name: &str, region: UnRegionalGroup) {
    plenary_db::countries::upsert_country(
        tx,
        &Country {
            iso2: iso2.into(),
            iso3: iso3.into(),
            numeric: "404".into(),
            name: name.into(),
            un_regional_group: region,
            m49_region: "x".into(),
            m49_subregion: "x".into(),
            development_status: Some(DevelopmentStatus::Developing),
            ldc: false,
            lldc: false,
            sids: false,
        },
    )
    .await
    .unwrap();
}

async fn account(
    tx: &mut Tx,
    name: &str,
    email: &str,
    org: Option<&str>,
    now: Timestamp,
) -> AccountId {
    let org = match org {
        Some(o) => Some(
            accounts::upsert_organisation(tx, o, None, now)
                .await
                .unwrap(),
        ),
        None => None,
    };
    let person = accounts::insert_person(tx, &DisplayName::parse(name).unwrap(), None, org, now)
        .await
        .unwrap();
    accounts::insert_account(tx, person, &Email::parse(email).unwrap(), "x", None, now)
        .await
        .unwrap()
}

fn person(role: &str, name: &str, email: &str, country: &str, onsite: bool) -> PersonRow {
    PersonRow {
        role: role.into(),
        name: name.into(),
        email: email.into(),
        organisation: "Kenya ICT Action Network".into(),
        stakeholder_group: "civil_society".into(),
        country_iso2: country.into(),
        gender: "woman".into(),
        onsite,
        confirmation: "provisional".into(),
    }
}

fn proposal(cycle: i64, account: AccountId, title: &str, kind: &str, region: &str) -> NewProposal {
    NewProposal {
        cycle,
        submitter_account: account.0,
        status: "draft".into(),
        content: ProposalContent {
            session_type: kind.into(),
            title: title.into(),
            issue_area: "ai".into(),
            format: "Panel".into(),
            duration_min: 60,
            description: "<script>alert(1)</script> stays as typed".into(),
            language: "en".into(),
            proposer_time_zone: "Asia/Tokyo".into(),
            submitter_organisation: "KICTANet".into(),
            submitter_stakeholder_group: "civil_society".into(),
            submitter_country_iso2: "KE".into(),
            submitter_region: region.into(),
            ..ProposalContent::default()
        },
        people: vec![
            person("organiser", "Wanjiru Kariuki", "w@example.org", "KE", true),
            person("speaker", "Ana Silva", "", "BR", false),
        ],
        submitted_at: None,
    }
}

pub async fn proposals_people_screening_and_flags(fx: Fixture) {
    let now = at("2026-03-01T10:00:00Z");
    let mut tx = fx.db.begin().await.unwrap();
    country(&mut tx, "KE", "KEN", "Kenya", UnRegionalGroup::African).await;
    country(
        &mut tx,
        "BR",
        "BRA",
        "Brazil",
        UnRegionalGroup::LatinAmericanAndCaribbean,
    )
    .await;
    let forum = crate::insert_igf(&mut tx, now).await;
    let cycle = calls::insert_cycle(
        &mut tx,
        forum.0,
        2026,
        "doc",
        at("2026-05-24T14:59:00Z"),
        now,
    )
    .await
    .unwrap();
    let other_cycle = calls::insert_cycle(
        &mut tx,
        forum.0,
        2027,
        "doc",
        at("2027-05-24T14:59:00Z"),
        now,
    )
    .await
    .unwrap();
    let wanjiru = account(
        &mut tx,
        "Wanjiru Kariuki",
        "w@example.org",
        Some("KICTANet"),
        now,
    )
    .await;
    let ana = account(&mut tx, "Ana Silva", "ana@example.org", None, now).await;
    let (a, n1) = q::insert_proposal(
        &mut tx,
        &proposal(cycle, wanjiru, "AI and Élections", "workshop", "african"),
        now,
    )
    .await
    .unwrap();
    let ids = q::insert_proposals(
        &mut tx,
        &[
            proposal(cycle, ana, "Data flows", "open_forum", "grulac"),
            proposal(cycle, ana, "Another draft", "workshop", "grulac"),
        ],
        now,
    )
    .await
    .unwrap();
    let (other, n_other) = q::insert_proposal(
        &mut tx,
        &proposal(other_cycle, ana, "Next year", "workshop", "grulac"),
        now,
    )
    .await
    .unwrap();
    tx.commit().await.unwrap();
    assert_eq!(n1, 1);
    assert_eq!(ids.iter().map(|(_, n)| *n).collect::<Vec<_>>(), vec![2, 3]);
    assert_eq!(n_other, 1, "numbers count per cycle");
    let (b, _) = ids[0];
    let (c, _) = ids[1];

    // One proposal with its people, in form order, text as typed.
    let mut tx = fx.db.begin().await.unwrap();
    let row = q::proposal(&mut tx, a).await.unwrap().unwrap();
    assert_eq!(row.number, 1);
    assert_eq!(row.submitter_email, "w@example.org");
    assert_eq!(row.submitter_name, "Wanjiru Kariuki");
    assert_eq!(row.status, "draft");
    assert_eq!(
        row.content.description,
        "<script>alert(1)</script> stays as typed"
    );
    assert_eq!(row.content.submitter_country_iso2, "KE");
    assert_eq!(row.people.len(), 2);
    assert_eq!(row.people[0].name, "Wanjiru Kariuki");
    assert!(row.people[0].onsite);
    assert!(!row.people[1].onsite);
    assert_eq!(row.screening_status, "pending");
    assert_eq!(row.submitted_at, None);
    assert!(q::proposal(&mut tx, other + 100).await.unwrap().is_none());

    // Replacing the content replaces the people.
    let later = at("2026-03-02T10:00:00Z");
    let mut content = row.content.clone();
    content.title = "AI and elections in Africa".into();
    q::replace_content(
        &mut tx,
        a,
        &content,
        &[person(
            "organiser",
            "Wanjiru Kariuki",
            "w@example.org",
            "KE",
            true,
        )],
        later,
    )
    .await
    .unwrap();
    let missing = q::replace_content(&mut tx, other + 100, &content, &[], later).await;
    assert!(
        matches!(missing, Err(plenary_db::DbError::NotFound)),
        "{missing:?}"
    );
    q::set_status(&mut tx, a, "submitted", later).await.unwrap();
    q::set_status(&mut tx, b, "submitted", later).await.unwrap();
    let row = q::proposal(&mut tx, a).await.unwrap().unwrap();
    assert_eq!(row.content.title, "AI and elections in Africa");
    assert_eq!(row.people.len(), 1);
    assert_eq!(row.status, "submitted");
    assert_eq!(row.submitted_at, Some(later));
    assert_eq!(row.updated_at, later);
    tx.commit().await.unwrap();

    // Screening many at once; overrides beside the computed result.
    let mut tx = fx.db.begin().await.unwrap();
    let submitted = q::submitted_with_people(&mut tx, cycle).await.unwrap();
    assert_eq!(
        submitted.iter().map(|r| r.id).collect::<Vec<_>>(),
        vec![a, b]
    );
    assert_eq!(submitted[0].people.len(), 1);
    assert_eq!(submitted[1].people.len(), 2);
    let done = q::store_screening(
        &mut tx,
        &[
            ScreeningResult {
                proposal: a,
                status: "pass".into(),
                screening: "[]".into(),
            },
            ScreeningResult {
                proposal: b,
                status: "fail".into(),
                screening: "[{\"rule\":\"x\"}]".into(),
            },
        ],
        later,
    )
    .await
    .unwrap();
    assert_eq!(done, 2);
    q::set_override(
        &mut tx,
        b,
        Some("pass"),
        "Late speaker confirmation accepted",
        "Sec",
        later,
    )
    .await
    .unwrap();
    let row = q::proposal(&mut tx, b).await.unwrap().unwrap();
    assert_eq!(row.screening_status, "fail");
    assert_eq!(row.override_status.as_deref(), Some("pass"));
    assert_eq!(row.effective_screening(), "pass");
    assert_eq!(row.override_reason, "Late speaker confirmation accepted");
    assert_eq!(row.screened_at, Some(later));
    tx.commit().await.unwrap();

    // Filters.
    let mut tx = fx.db.begin().await.unwrap();
    let ids_of = |rows: Vec<q::ProposalRow>| rows.into_iter().map(|r| r.id).collect::<Vec<_>>();
    let all = q::proposals_of_cycle(&mut tx, cycle, &ProposalFilter::default())
        .await
        .unwrap();
    assert_eq!(ids_of(all), vec![a, b, c]);
    let by_type = ProposalFilter {
        session_type: "workshop".into(),
        ..ProposalFilter::default()
    };
    assert_eq!(
        ids_of(
            q::proposals_of_cycle(&mut tx, cycle, &by_type)
                .await
                .unwrap()
        ),
        vec![a, c]
    );
    let passing = ProposalFilter {
        screening: "pass".into(),
        ..ProposalFilter::default()
    };
    assert_eq!(
        ids_of(
            q::proposals_of_cycle(&mut tx, cycle, &passing)
                .await
                .unwrap()
        ),
        vec![a, b],
        "the override counts"
    );
    let drafts = ProposalFilter {
        status: "draft".into(),
        submitter_region: "grulac".into(),
        submitter_stakeholder_group: "civil_society".into(),
        issue_area: "ai".into(),
        ..ProposalFilter::default()
    };
    assert_eq!(
        ids_of(
            q::proposals_of_cycle(&mut tx, cycle, &drafts)
                .await
                .unwrap()
        ),
        vec![c]
    );
    let text = ProposalFilter {
        title_contains: "  IN AFRICA ".into(),
        ..ProposalFilter::default()
    };
    assert_eq!(
        ids_of(q::proposals_of_cycle(&mut tx, cycle, &text).await.unwrap()),
        vec![a]
    );
    let accented = ProposalFilter {
        title_contains: "ÉLECTIONS".into(),
        ..ProposalFilter::default()
    };
    assert!(
        q::proposals_of_cycle(&mut tx, cycle, &accented)
            .await
            .unwrap()
            .is_empty(),
        "the retitled proposal no longer says Élections"
    );
    let flows = ProposalFilter {
        title_contains: "DATA".into(),
        ..ProposalFilter::default()
    };
    assert_eq!(
        ids_of(q::proposals_of_cycle(&mut tx, cycle, &flows).await.unwrap()),
        vec![b]
    );

    // The submitter's own, newest first, with people; draft owners for reminders.
    let mine = q::proposals_of_submitter(&mut tx, cycle, ana.0)
        .await
        .unwrap();
    assert_eq!(mine.iter().map(|r| r.id).collect::<Vec<_>>(), vec![c, b]);
    assert!(mine.iter().all(|r| r.people.len() == 2));
    let owners = q::draft_owners(&mut tx, cycle).await.unwrap();
    assert_eq!(owners.len(), 1);
    assert_eq!(owners[0].proposal, c);
    assert_eq!(owners[0].email, "ana@example.org");

    // Clearing an override empties its reason.
    q::set_override(&mut tx, b, None, "ignored", "Sec", later)
        .await
        .unwrap();
    let row = q::proposal(&mut tx, b).await.unwrap().unwrap();
    assert_eq!(row.override_status, None);
    assert_eq!(row.override_reason, "");
    assert_eq!(row.effective_screening(), "fail");
    q::set_status(&mut tx, b, "withdrawn", later).await.unwrap();
    assert_eq!(
        ids_of(q::submitted_with_people(&mut tx, cycle).await.unwrap()),
        vec![a]
    );

    // Report flags and the body's members with their e-mail and organisation.
    q::insert_report_flag(
        &mut tx,
        &NewReportFlag {
            forum: forum.0,
            year: 2025,
            session_ref: "WS #12".into(),
            organiser_email: "w@example.org".into(),
            organisation: "KICTANet".into(),
            filed: false,
        },
        later,
    )
    .await
    .unwrap();
    let flags = q::report_flags(&mut tx, forum.0).await.unwrap();
    assert_eq!(flags.len(), 1);
    assert!(!flags[0].filed);
    assert_eq!(flags[0].session_ref, "WS #12");
    let mag = bodies::insert_body(&mut tx, forum, "mag", "MAG", now)
        .await
        .unwrap();
    let member = accounts::insert_person(
        &mut tx,
        &DisplayName::parse("Member Without Account").unwrap(),
        None,
        None,
        now,
    )
    .await
    .unwrap();
    let org = accounts::upsert_organisation(&mut tx, "Ministry of ICT", None, now)
        .await
        .unwrap();
    let with_account = accounts::insert_person(
        &mut tx,
        &DisplayName::parse("Member With Account").unwrap(),
        None,
        Some(org),
        now,
    )
    .await
    .unwrap();
    accounts::insert_account(
        &mut tx,
        with_account,
        &Email::parse("Member@Example.org").unwrap(),
        "x",
        None,
        now,
    )
    .await
    .unwrap();
    for person in [member, with_account] {
        bodies::insert_membership(
            &mut tx,
            &bodies::NewMembership {
                body: mag,
                person,
                seat_kind: "regular",
                stakeholder_group: "civil_society",
                country_iso2: None,
                gender: "man",
                term_number: 1,
                starts_at: at("2026-01-01T00:00:00Z"),
                ends_at: None,
                state: "appointed",
            },
            now,
        )
        .await
        .unwrap();
    }
    let members = q::member_contacts(&mut tx, mag, at("2026-05-01T00:00:00Z"))
        .await
        .unwrap();
    assert_eq!(members.len(), 2);
    assert_eq!(members[0].name, "Member With Account");
    assert_eq!(members[0].email.as_deref(), Some("member@example.org"));
    assert_eq!(members[0].organisation.as_deref(), Some("Ministry of ICT"));
    assert_eq!(members[1].name, "Member Without Account");
    assert_eq!(members[1].email, None);
    assert!(
        q::member_contacts(&mut tx, mag, at("2025-05-01T00:00:00Z"))
            .await
            .unwrap()
            .is_empty()
    );
    tx.commit().await.unwrap();
}
