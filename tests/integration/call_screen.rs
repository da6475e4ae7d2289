//! The call screen on the demo shop: the call card's script is in the customer's
//! language with their name and order, the owner's scripts replace the defaults,
//! and the profile's timeline shows each call with its attempts.

use chrono::{DateTime, TimeZone, Utc};
use courtesy_core::calls::{CallOutcome, CallPolicy, CallScripts};
use courtesy_core::Language;
use courtesy_demo::{load, Scale, DEFAULT_SEED};
use courtesy_store::db::Connection;
use courtesy_store::{AttemptInput, Store, StoreError};
use courtesy_tests::{temp_db, tester};

/// Thursday 26 November 2026, 12:00 UTC.
fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 26, 12, 0, 0).unwrap()
}

fn queued() -> (tempfile::TempDir, Store, Connection) {
    let (dir, path) = temp_db();
    let store = Store::open(&path).unwrap();
    let loaded_at = Utc.with_ymd_and_hms(2026, 11, 26, 8, 0, 0).unwrap();
    load(&store, loaded_at, DEFAULT_SEED, Scale::DEMO, &tester()).unwrap();
    store
        .refresh_call_queue(&CallPolicy::default(), now(), &tester())
        .unwrap();
    let raw = courtesy_store::testing::raw_connection(&path).unwrap();
    (dir, store, raw)
}

/// An open thank-you call of a customer who speaks `language`, with its order number.
fn open_call_in(raw: &Connection, language: &str) -> (i64, String) {
    raw.query_row(
        "SELECT k.id, o.number FROM calls k JOIN customers c ON c.id = k.customer_id
         JOIN orders o ON o.id = k.order_id
         WHERE k.status = 'open' AND c.language = ?1 ORDER BY k.id LIMIT 1",
        [language],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )
    .unwrap_or_else(|e| panic!("an open call of a customer speaking {language}: {e}"))
}

#[test]
fn call_card_script_is_in_the_customer_language_with_their_name_and_order() {
    let (_dir, store, raw) = queued();
    for (code, greeting) in [("ru", "Здравствуйте"), ("pl", "Dzień dobry"), ("fi", "Hei")]
    {
        let (call_id, number) = open_call_in(&raw, code);
        let card = store.call_card(call_id, "Ola").unwrap();
        assert_eq!(card.script_language.code(), code);
        assert!(card.script.starts_with(greeting), "{code}: {}", card.script);
        assert!(card.script.contains(&number), "{code}: {}", card.script);
        assert!(
            card.script.contains("Ola"),
            "the caller's name: {}",
            card.script
        );
        assert!(
            card.script.contains(&card.customer.address_form),
            "the customer's address form: {}",
            card.script
        );
        assert!(
            !card.script.contains('{'),
            "every field filled: {}",
            card.script
        );
        assert_eq!(card.call.id, call_id);
        assert!(card.customer.calls.iter().any(|c| c.id == call_id));
    }
}

#[test]
fn owner_scripts_replace_the_defaults_and_bad_ones_are_refused() {
    let (_dir, store, raw) = queued();
    let mut scripts = CallScripts::default();
    scripts.thank_you.insert(
        "pl".into(),
        "Dziękujemy, {first_name}, za {order_number}!".into(),
    );
    let saved = store.save_call_scripts(&scripts, &tester()).unwrap();
    assert_eq!(
        saved.thank_you["pl"],
        "Dziękujemy, {first_name}, za {order_number}!"
    );
    assert_eq!(
        saved.thank_you.len(),
        4,
        "the other languages keep their defaults"
    );

    let (call_id, number) = open_call_in(&raw, "pl");
    let card = store.call_card(call_id, "Ola").unwrap();
    assert_eq!(
        card.script,
        format!("Dziękujemy, {}, za {number}!", card.customer.first_name)
    );

    let mut bad = CallScripts::default();
    bad.thank_you.insert("de".into(), "Hallo".into());
    assert!(matches!(
        store.save_call_scripts(&bad, &tester()),
        Err(StoreError::Invalid(_))
    ));
    let mut long = CallScripts::default();
    long.follow_up.insert("en".into(), "a".repeat(5000));
    assert!(matches!(
        store.save_call_scripts(&long, &tester()),
        Err(StoreError::Invalid(_))
    ));
    assert_eq!(
        store.call_scripts().unwrap().thank_you["pl"],
        "Dziękujemy, {first_name}, za {order_number}!",
        "a refused save changes nothing"
    );
    assert_eq!(Language::from_tag("pl"), Some(Language::Pl));
}

#[test]
fn profile_timeline_shows_the_call_its_attempt_and_the_service_recovery_follow_up() {
    let (_dir, store, raw) = queued();
    let (call_id, _) = open_call_in(&raw, "pl");
    let customer_id: i64 = raw
        .query_row(
            "SELECT customer_id FROM calls WHERE id = ?1",
            [call_id],
            |r| r.get(0),
        )
        .unwrap();
    let result = store
        .record_attempt(
            call_id,
            &AttemptInput {
                at: now(),
                outcome: CallOutcome::Reached,
                duration_seconds: 185,
                satisfaction: Some(2),
                notes: "The tin arrived dented".into(),
                delivery_problem: false,
                follow_up_at: None,
            },
            &tester(),
        )
        .unwrap();
    let follow_up = result.follow_up_call_id.expect("a follow-up call");

    let calls = store.customer_profile(customer_id).unwrap().calls;
    assert_eq!(calls[0].id, follow_up, "the open follow-up comes first");
    assert_eq!(calls[0].reason, "service_recovery");
    assert_eq!(
        (
            result.follow_up_reason.as_deref(),
            result.follow_up_due_at.as_deref()
        ),
        (Some("service_recovery"), Some(calls[0].due_at.as_str())),
        "the result says what was queued and when"
    );
    assert_eq!(calls[0].status, "open");
    assert!(calls[0].attempts.is_empty());
    let made = calls
        .iter()
        .find(|c| c.id == call_id)
        .expect("the call made");
    assert_eq!(made.status, "done");
    assert_eq!(made.attempts.len(), 1);
    let a = &made.attempts[0];
    assert_eq!(
        (
            a.outcome.as_str(),
            a.satisfaction,
            a.duration_seconds,
            a.notes.as_str(),
            a.staff.as_str()
        ),
        ("reached", Some(2), 185, "The tin arrived dented", "tester")
    );
    assert_eq!(store.customer_calls(customer_id).unwrap(), calls);

    let card = store.call_card(follow_up, "Ola").unwrap();
    assert!(
        card.script.contains("oddzwaniam"),
        "a follow-up uses the follow-up script: {}",
        card.script
    );
}

#[test]
fn a_call_planned_by_hand_is_queued_and_refused_for_do_not_call_customers() {
    let (_dir, store, raw) = queued();
    let (customer, dnc): (i64, i64) = raw
        .query_row(
            "SELECT (SELECT min(c.id) FROM customers c JOIN customer_phones p ON p.customer_id = c.id
                     WHERE c.do_not_call = 0 AND p.e164 IS NOT NULL),
                    (SELECT min(id) FROM customers WHERE id > 1)",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    let yesterday = now() - chrono::Duration::days(1);
    let id = store
        .plan_manual_call(customer, yesterday, now(), &tester())
        .unwrap();
    let calls = store.customer_calls(customer).unwrap();
    let planned = calls.iter().find(|c| c.id == id).expect("the planned call");
    assert_eq!(
        (planned.reason.as_str(), planned.status.as_str()),
        ("manual", "open")
    );
    assert_eq!(
        planned.due_at, "2026-11-26T12:00:00Z",
        "a past date is due now"
    );

    raw.execute("UPDATE customers SET do_not_call = 1 WHERE id = ?1", [dnc])
        .unwrap();
    assert!(matches!(
        store.plan_manual_call(dnc, now(), now(), &tester()),
        Err(StoreError::Invalid(_))
    ));
    assert!(matches!(
        store.plan_manual_call(9_999_999, now(), now(), &tester()),
        Err(StoreError::NotFound { .. })
    ));
}
