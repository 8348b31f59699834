//! Tests for `calls::generate`: determinism, the 2023 shape, the planted screening failures
//! under the `igf2023` rules and the per-person caps.

use std::collections::{BTreeMap, BTreeSet};

use plenary_domain::calls::screening::{Rule, RuleKind, screen, speaker_cap};
use plenary_domain::calls::{check_proposal, word_count};

use super::*;
use crate::calls::document::preset_setup;
use crate::countries::reference_countries;

fn demo_call() -> (CycleSetup, Vec<GeneratedProposal>) {
    let setup = preset_setup("igf2023", 2026).unwrap();
    let generated = generate(&setup, &reference_countries().unwrap(), &Spec::demo());
    (setup, generated)
}

#[test]
fn the_same_spec_gives_the_same_proposals_and_another_seed_others() {
    let setup = preset_setup("igf2023", 2026).unwrap();
    let countries = reference_countries().unwrap();
    let spec = Spec::scaled(7, 200);
    let a = generate(&setup, &countries, &spec);
    let b = generate(&setup, &countries, &spec);
    assert_eq!(a, b);
    let c = generate(&setup, &countries, &Spec { seed: 8, ..spec });
    assert_eq!(c.len(), a.len());
    assert_ne!(
        a.iter().map(|g| &g.record.draft.title).collect::<Vec<_>>(),
        c.iter().map(|g| &g.record.draft.title).collect::<Vec<_>>()
    );
}

#[test]
fn the_demo_call_has_the_2023_shape_and_every_proposal_is_valid() {
    let (setup, generated) = demo_call();
    let mut by_type: BTreeMap<&str, usize> = BTreeMap::new();
    for g in &generated {
        *by_type
            .entry(g.record.draft.session_type.as_str())
            .or_insert(0) += 1;
    }
    assert_eq!(by_type.get("workshop"), Some(&430));
    assert_eq!(generated.len(), 1130);
    // Every other type of the 2023 call is represented.
    for kind in &setup.session_types {
        assert!(
            by_type.get(kind.code.as_str()).copied().unwrap_or(0) > 0,
            "{}",
            kind.code
        );
    }
    let areas: BTreeSet<&str> = generated
        .iter()
        .map(|g| g.record.draft.issue_area.as_str())
        .collect();
    assert_eq!(areas.len(), setup.issue_areas.len());
    let refs: BTreeSet<&str> = generated
        .iter()
        .map(|g| g.record.reference.as_str())
        .collect();
    assert_eq!(refs.len(), generated.len(), "references are unique");
    let titles: BTreeSet<&str> = generated
        .iter()
        .map(|g| g.record.draft.title.as_str())
        .collect();
    assert!(titles.len() > 700, "titles vary: {}", titles.len());
    for g in &generated {
        let d = &g.record.draft;
        assert_eq!(check_proposal(&setup, d), vec![], "{}", g.record.reference);
        assert!(word_count(&d.description) <= 250, "{}", g.record.reference);
        assert!(d.title.chars().count() <= 100, "{}", d.title);
    }
    // Proposers are spread like the organisers of 2016: civil society the largest group,
    // Western Europe and others the largest region, every region present.
    let mut groups: BTreeMap<&str, usize> = BTreeMap::new();
    let mut regions: BTreeMap<UnRegionalGroup, usize> = BTreeMap::new();
    for g in &generated {
        *groups
            .entry(g.record.submitter.stakeholder_group.as_str())
            .or_insert(0) += 1;
        let organiser = &g.record.draft.people[0];
        *regions.entry(organiser.region).or_insert(0) += 1;
    }
    let top_group = groups.iter().max_by_key(|(_, n)| **n).unwrap().0;
    assert_eq!(*top_group, "civil_society");
    let top_region = regions.iter().max_by_key(|(_, n)| **n).unwrap().0;
    assert_eq!(*top_region, UnRegionalGroup::WesternEuropeanAndOthers);
    assert!(regions.len() >= 5, "{regions:?}");
}

#[test]
fn under_the_igf2023_rules_about_one_workshop_in_eleven_fails_for_its_planted_reason() {
    let (setup, generated) = demo_call();
    let records: Vec<ProposalRecord> = generated.iter().map(|g| g.record.clone()).collect();
    let mut ctx = screening_context(&records, setup.year, &[BODY_MEMBER_EMAIL]);
    let mut failed = 0;
    let mut reasons: BTreeSet<&str> = BTreeSet::new();
    for g in &generated {
        set_submitter(&mut ctx, &g.record);
        let result = screen(&setup.rules, &g.record.draft, &ctx);
        let failing: Vec<&str> = result
            .outcomes
            .iter()
            .filter(|o| o.verdict == plenary_domain::calls::screening::Verdict::Fail)
            .map(|o| o.rule)
            .collect();
        match g.planted {
            Some(planted) => {
                assert_eq!(failing, vec![planted.rule()], "{}", g.record.reference);
                reasons.insert(planted.rule());
                failed += 1;
            }
            None => assert!(
                result.passed(),
                "{} fails {:?}",
                g.record.reference,
                result.reasons()
            ),
        }
        if g.record.draft.session_type != "workshop" {
            assert!(result.passed(), "only workshops are screened out");
        }
    }
    // 2023: 36 of 434 workshops (8.3 %) did not pass screening.
    let share = f64::from(failed) / 430.0;
    assert!((0.06..=0.12).contains(&share), "{failed} of 430 failed");
    assert_eq!(
        reasons.len(),
        5,
        "every kind of failure occurs: {reasons:?}"
    );
}

#[test]
fn heavy_proposers_and_popular_speakers_hit_per_person_caps() {
    let (setup, generated) = demo_call();
    let records: Vec<ProposalRecord> = generated.iter().map(|g| g.record.clone()).collect();
    // The 2016 cap of three proposals per person screens some workshops out.
    let cap = vec![Rule {
        kind: RuleKind::MaxPerPerson { max: 3 },
        types: vec!["workshop".to_owned()],
    }];
    let mut ctx = screening_context(&records, setup.year, &[]);
    let capped = records
        .iter()
        .filter(|r| {
            set_submitter(&mut ctx, r);
            !screen(&cap, &r.draft, &ctx).passed()
        })
        .count();
    assert!(capped > 0);
    // After selection, some speakers are in more than three workshops.
    let workshops: Vec<(usize, &ProposalDraft)> = records
        .iter()
        .enumerate()
        .filter(|(_, r)| r.draft.session_type == "workshop")
        .map(|(i, r)| (i, &r.draft))
        .collect();
    assert!(!speaker_cap(&workshops, 3).is_empty());
}

mod on_the_demo {
    //! The demo's cycles and the password-less accounts bulk imports create (SQLite, or
    //! PostgreSQL with PLENARY_TEST_BACKEND=postgres).

    use std::sync::Arc;

    use plenary_testkit::TestDb;

    use crate::accounts::{NO_PASSWORD, account_without_password, sign_in};
    use crate::calls::cycles;
    use crate::demo::{DEMO_PASSWORD, PROPOSER_EMAIL, load_demo};
    use crate::{ActionError, App, Mailer, ManualClock, Settings};

    async fn demo_app(db: &TestDb, mail: &tempfile::TempDir) -> App {
        let clock = Arc::new(ManualClock::new("2026-11-22T10:00:00Z".parse().unwrap()));
        let app = App::new(
            db.db.clone(),
            clock,
            Mailer::from_url(
                &format!("file://{}", mail.path().display()),
                "t@example.org",
            )
            .unwrap(),
            Settings {
                public_url: "http://plenary.test".into(),
                mail_from: "t@example.org".into(),
            },
        );
        load_demo(&app, &|_| {}).await.unwrap();
        app
    }

    #[tokio::test]
    async fn the_demo_has_a_closed_2026_call_and_an_open_2027_call_with_a_proposer() {
        let db = TestDb::from_env().await;
        let mail = tempfile::tempdir().unwrap();
        let app = demo_app(&db, &mail).await;
        let viewer = crate::accounts::Viewer::anonymous();
        let now = app.now();
        let past = cycles::cycle(&app, &viewer, "igf", 2026).await.unwrap();
        assert!(!past.cycle.setup.dates.call_open_at(now));
        assert!(past.cycle.setup.dates.call_closes < now);
        assert_eq!(past.cycle.setup.host_city, "Geneva");
        assert_eq!(past.cycle.setup.rules.len(), 6, "the igf2023 rules");
        let next = cycles::cycle(&app, &viewer, "igf", 2027).await.unwrap();
        assert!(next.cycle.setup.dates.call_open_at(now));
        assert!(next.cycle.setup.check().is_empty());
        sign_in(&app, PROPOSER_EMAIL, DEMO_PASSWORD).await.unwrap();
        // Loading again changes nothing.
        let again = load_demo(&app, &|_| {}).await.unwrap();
        assert_eq!((again.proposals_loaded, again.proposals_screened), (0, 0));
    }

    #[tokio::test]
    async fn an_account_without_a_password_is_created_once_and_cannot_sign_in() {
        let db = TestDb::from_env().await;
        let mail = tempfile::tempdir().unwrap();
        let app = demo_app(&db, &mail).await;
        let actor = plenary_domain::audit::Actor::System("test");
        let now = app.now();
        let mut tx = app.db().begin().await.unwrap();
        let first =
            account_without_password(&mut tx, &actor, "New.Proposer@Example.org", "Ana Lima", now)
                .await
                .unwrap();
        let again =
            account_without_password(&mut tx, &actor, "new.proposer@example.org", "Other", now)
                .await
                .unwrap();
        assert_eq!(first, again);
        // An existing account is linked, not replaced.
        let demo = account_without_password(&mut tx, &actor, PROPOSER_EMAIL, "X", now)
            .await
            .unwrap();
        let record = plenary_db::accounts::account_by_email(&mut tx, "new.proposer@example.org")
            .await
            .unwrap()
            .unwrap();
        assert_eq!(record.password_hash, NO_PASSWORD);
        tx.commit().await.unwrap();
        assert_ne!(demo, first);
        assert!(matches!(
            sign_in(&app, "new.proposer@example.org", NO_PASSWORD).await,
            Err(ActionError::SignInFailed)
        ));
        sign_in(&app, PROPOSER_EMAIL, DEMO_PASSWORD).await.unwrap();
    }
}
