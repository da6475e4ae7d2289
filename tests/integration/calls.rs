//! Thank-you calls on the demo shop: the queue a refresh builds, and what each
//! recorded outcome does (retry, do-not-call, service recovery, the cap).

use chrono::{DateTime, Duration, TimeZone, Timelike, Utc};
use courtesy_core::calls::{CallOutcome, CallPolicy, Tz};
use courtesy_core::FixedClock;
use courtesy_demo::{load, Scale, DEFAULT_SEED};
use courtesy_import::{import_file, Flow};
use courtesy_store::db::Connection;
use courtesy_store::{Actor, AttemptInput, AuditSource, RefreshCounts, Store};
use courtesy_tests::{temp_db, tester};

/// Thursday 26 November 2026, 12:00 UTC (13:00 in Warsaw).
fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 26, 12, 0, 0).unwrap()
}

fn demo() -> (tempfile::TempDir, Store, Connection) {
    let (dir, path) = temp_db();
    let store = Store::open(&path).unwrap();
    let loaded_at = Utc.with_ymd_and_hms(2026, 11, 26, 8, 0, 0).unwrap();
    load(&store, loaded_at, DEFAULT_SEED, Scale::DEMO, &tester()).unwrap();
    let raw = courtesy_store::testing::raw_connection(&path).unwrap();
    (dir, store, raw)
}

fn queued() -> (tempfile::TempDir, Store, Connection) {
    let (dir, store, raw) = demo();
    refresh_at(&store, now());
    (dir, store, raw)
}

/// Refreshes the queue under the default policy at `at`.
fn refresh_at(store: &Store, at: DateTime<Utc>) -> RefreshCounts {
    store
        .refresh_call_queue(&CallPolicy::default(), at, &tester())
        .unwrap()
}

fn count(raw: &Connection, sql: &str) -> i64 {
    raw.query_row(sql, [], |r| r.get(0))
        .unwrap_or_else(|e| panic!("{sql}: {e}"))
}

fn attempt(outcome: CallOutcome, at: DateTime<Utc>) -> AttemptInput {
    AttemptInput {
        at,
        outcome,
        duration_seconds: 60,
        satisfaction: None,
        notes: String::new(),
        delivery_problem: false,
        follow_up_at: None,
    }
}

/// The first due call whose customer lives in `zone` (by the list's zone name).
fn due_call_in(store: &Store, zone: &str) -> i64 {
    store
        .calls_due(now(), 10_000)
        .unwrap()
        .into_iter()
        .find(|c| c.time_zone == zone)
        .unwrap_or_else(|| panic!("a due call of a customer in {zone}"))
        .call_id
}

#[test]
fn demo_queue_has_plausible_counts_and_no_customer_twice() {
    let (_dir, store, raw) = demo();
    let counts = refresh_at(&store, now());
    let customers = count(&raw, "SELECT count(*) FROM customers");
    assert!(
        counts.created >= 10,
        "a demo shop has calls to make: {counts:?}"
    );
    assert!(
        i64::from(counts.created) < customers / 4,
        "only recent orders earn calls: {counts:?} of {customers} customers"
    );
    assert_eq!(
        count(&raw, "SELECT count(*) FROM (SELECT customer_id FROM calls WHERE status = 'open' GROUP BY customer_id HAVING count(*) > 1) AS twice"),
        0,
        "no customer is queued twice"
    );
    assert_eq!(
        count(&raw, "SELECT count(*) FROM calls k JOIN customers c ON c.id = k.customer_id WHERE c.do_not_call = 1"),
        0,
        "do-not-call customers are never queued"
    );
    assert_eq!(
        count(&raw, "SELECT count(*) FROM calls k WHERE NOT EXISTS (SELECT 1 FROM customer_phones p WHERE p.customer_id = k.customer_id AND p.e164 IS NOT NULL)"),
        0,
        "customers without a phone are never queued"
    );
}

#[test]
fn refreshing_again_creates_no_duplicates() {
    let (_dir, store, raw) = queued();
    let before = count(&raw, "SELECT count(*) FROM calls");
    let again = refresh_at(&store, now() + Duration::hours(1));
    assert_eq!(again.created, 0, "{again:?}");
    assert_eq!(count(&raw, "SELECT count(*) FROM calls"), before);
    let third = refresh_at(&store, now() + Duration::hours(2));
    assert_eq!(
        third,
        RefreshCounts::default(),
        "nothing changed since a refresh that did nothing, so no order is looked at"
    );
}

/// An unpaid, recent order of a customer who may be called and has no open call.
fn order_of_a_callable_customer_without_calls(raw: &Connection) -> i64 {
    count(
        raw,
        "SELECT o.id FROM orders o JOIN customers c ON c.id = o.customer_id
         WHERE o.status IN ('open','paid') AND c.do_not_call = 0
           AND EXISTS (SELECT 1 FROM customer_phones p WHERE p.customer_id = c.id AND p.e164 IS NOT NULL)
           AND NOT EXISTS (SELECT 1 FROM calls k WHERE k.customer_id = c.id)
         ORDER BY o.placed_at DESC, o.id LIMIT 1",
    )
}

#[test]
fn an_order_delivered_after_a_refresh_is_queued_by_the_next_refresh() {
    let (_dir, store, raw) = queued();
    let order = order_of_a_callable_customer_without_calls(&raw);
    // As an import updating the order would: delivered yesterday, a big total.
    raw.execute(
        "UPDATE orders SET status = 'delivered', placed_at = ?2, fulfilled_at = ?2, delivered_at = ?3,
             currency = 'PLN', total_minor = 10000000
         WHERE id = ?1",
        courtesy_store::db::params![order, "2026-11-20T10:00:00Z", "2026-11-25T10:00:00Z"],
    )
    .unwrap();
    let again = refresh_at(&store, now() + Duration::hours(1));
    assert!(again.created >= 1, "{again:?}");
    assert_eq!(
        count(&raw, &format!("SELECT count(*) FROM calls WHERE order_id = {order} AND status = 'open' AND reason = 'big_order'")),
        1,
        "the newly delivered big order has its call"
    );
}

/// A Shopify export with one order of a new customer, fulfilled a week ago;
/// `cancelled_at` fills its "Cancelled at".
fn new_customer_export(cancelled_at: &str) -> String {
    format!(
        "Name,Email,Financial Status,Paid at,Fulfillment Status,Fulfilled at,Currency,Total,Created at,\
         Lineitem quantity,Lineitem name,Lineitem price,Billing Name,Billing Phone,Shipping Name,Shipping City,\
         Shipping Country,Cancelled at\n\
         #9001,zofia.wrona@example.pl,paid,2026-11-18 10:00:00 +0100,fulfilled,2026-11-19 09:00:00 +0100,PLN,\
         120.00,2026-11-18 10:00:00 +0100,1,Fig candle,120.00,Zofia Wrona,+48 601 234 567,Zofia Wrona,\
         Kraków,PL,{cancelled_at}\n"
    )
}

fn import_export(store: &Store, dir: &std::path::Path, csv: &str) {
    let path = dir.join("orders_export.csv");
    std::fs::write(&path, csv).unwrap();
    let actor = Actor::new("tester", AuditSource::Import, now());
    import_file(store, &path, None, None, &actor, &FixedClock(now()), |_| {
        Flow::Continue
    })
    .unwrap();
}

#[test]
fn an_import_after_a_refresh_queues_its_new_customer_and_a_cancelling_reimport_closes_the_call() {
    let (dir, store, raw) = queued();
    let later = now() + Duration::hours(1);
    import_export(&store, dir.path(), &new_customer_export(""));
    // The same policy at a later time: only customers noted as changed are looked at.
    let after_import = refresh_at(&store, later);
    assert_eq!(after_import.created, 1, "{after_import:?}");
    let open_call = "SELECT count(*) FROM calls k JOIN customers c ON c.id = k.customer_id
                     WHERE c.email = 'zofia.wrona@example.pl' AND k.reason = 'first_order' AND k.status = 'open'";
    assert_eq!(
        count(&raw, open_call),
        1,
        "the imported first order has its call"
    );

    import_export(
        &store,
        dir.path(),
        &new_customer_export("2026-11-26 09:00:00 +0100"),
    );
    let after_cancel = refresh_at(&store, later + Duration::hours(1));
    assert_eq!(after_cancel.closed, 1, "{after_cancel:?}");
    assert_eq!(
        count(&raw, open_call),
        0,
        "the cancelled order's call is closed"
    );
}

#[test]
fn staff_edits_after_an_import_are_still_noted_for_the_queue() {
    let (dir, store, raw) = queued();
    import_export(&store, dir.path(), &new_customer_export(""));
    let later = now() + Duration::hours(1);
    refresh_at(&store, later);
    // The import wrote with the schema's triggers off; the store's next writer
    // must have them back, or this edit would go unnoticed by the queue.
    let id = count(
        &raw,
        "SELECT id FROM customers WHERE email = 'zofia.wrona@example.pl'",
    );
    let edit = courtesy_store::CustomerEdit {
        do_not_call: Some(true),
        ..Default::default()
    };
    store.edit_customer(id, &edit, &tester()).unwrap();
    let after_edit = refresh_at(&store, later + Duration::hours(1));
    assert_eq!(after_edit.closed, 1, "{after_edit:?}");
}

#[test]
fn a_customer_marked_do_not_call_after_a_refresh_has_their_calls_closed_by_the_next() {
    let (_dir, store, raw) = queued();
    let customer = count(
        &raw,
        "SELECT customer_id FROM calls WHERE status = 'open' ORDER BY id LIMIT 1",
    );
    raw.execute(
        "UPDATE customers SET do_not_call = 1 WHERE id = ?1",
        [customer],
    )
    .unwrap();
    let again = refresh_at(&store, now() + Duration::hours(1));
    assert!(again.closed >= 1, "{again:?}");
    assert_eq!(
        count(
            &raw,
            &format!(
                "SELECT count(*) FROM calls WHERE customer_id = {customer} AND status = 'open'"
            )
        ),
        0,
        "no open call is left for a customer who asked not to be called"
    );
}

#[test]
fn a_refresh_under_a_new_policy_looks_at_every_customer_again() {
    let (_dir, store, raw) = queued();
    let before = count(&raw, "SELECT count(*) FROM calls");
    let generous = CallPolicy {
        big_order_thresholds: CallPolicy::default()
            .big_order_thresholds
            .into_keys()
            .map(|currency| (currency, 1))
            .collect(),
        ..CallPolicy::default()
    };
    let again = store
        .refresh_call_queue(&generous, now() + Duration::hours(1), &tester())
        .unwrap();
    assert!(
        again.created > 0,
        "every recent order is big now, so more customers earn a call: {again:?}"
    );
    assert_eq!(
        count(&raw, "SELECT count(*) FROM calls"),
        before + i64::from(again.created)
    );
}

#[test]
fn required_phone_consent_queues_only_consenting_customers() {
    let (_dir, store, raw) = demo();
    let policy = CallPolicy {
        require_phone_consent: true,
        ..CallPolicy::default()
    };
    store.refresh_call_queue(&policy, now(), &tester()).unwrap();
    assert_eq!(
        count(&raw, "SELECT count(*) FROM calls k WHERE NOT EXISTS (SELECT 1 FROM customer_consents s WHERE s.customer_id = k.customer_id AND s.channel = 'phone' AND s.granted = 1)"),
        0,
        "every queued customer gave phone consent"
    );
}

#[test]
fn calls_due_lists_only_customers_inside_their_calling_hours() {
    let (_dir, store, _raw) = queued();
    let due = store.calls_due(now(), 10_000).unwrap();
    assert!(!due.is_empty(), "calls are due on a Thursday afternoon");
    for c in &due {
        let zone: Tz = c.time_zone.parse().expect("an IANA zone name");
        let hour = now().with_timezone(&zone).hour();
        assert!(
            (10..18).contains(&hour),
            "{} at {} ({})",
            c.customer_name,
            c.local_time,
            c.time_zone
        );
        assert!(c.due_at.as_str() <= "2026-11-26T12:00:00Z", "{c:?} is due");
        assert!(!c.phone.is_empty(), "{c:?} has a phone");
    }
    let mut customers: Vec<i64> = due.iter().map(|c| c.customer_id).collect();
    customers.sort();
    customers.dedup();
    assert_eq!(customers.len(), due.len(), "no customer twice in the list");
    let order: Vec<_> = due
        .iter()
        .map(|c| {
            (
                c.due_at[..10].to_string(),
                !c.vip,
                c.due_at.clone(),
                c.call_id,
            )
        })
        .collect();
    let mut sorted = order.clone();
    sorted.sort();
    assert_eq!(
        order, sorted,
        "by due day, VIPs first within a day, then due time"
    );
    let first = store.calls_due(now(), 5).unwrap();
    assert_eq!(
        first,
        due[..first.len().min(due.len())],
        "a shorter list is the start of the longer one"
    );
    assert_eq!(first.len(), due.len().min(5));
    let saturday = Utc.with_ymd_and_hms(2026, 11, 28, 12, 0, 0).unwrap();
    assert!(
        store.calls_due(saturday, 100).unwrap().is_empty(),
        "nobody is called on a Saturday"
    );
}

#[test]
fn no_answer_schedules_a_retry_next_day_at_opening_time() {
    let (_dir, store, raw) = queued();
    let call = due_call_in(&store, "Europe/Warsaw");
    let r = store
        .record_attempt(call, &attempt(CallOutcome::NoAnswer, now()), &tester())
        .unwrap();
    assert_eq!(
        r.retry_at.as_deref(),
        Some("2026-11-27T09:00:00Z"),
        "Friday 10:00 in Warsaw"
    );
    assert!(!r.closed);
    let due: String = raw
        .query_row("SELECT due_at FROM calls WHERE id = ?1", [call], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(
        due, "2026-11-27T09:00:00Z",
        "the call moves to the retry time"
    );
    assert!(
        store
            .calls_due(now(), 10_000)
            .unwrap()
            .iter()
            .all(|c| c.call_id != call),
        "a call waiting for its retry is not offered today"
    );
}

#[test]
fn attempts_are_capped_at_three() {
    let (_dir, store, raw) = queued();
    let call = due_call_in(&store, "Europe/Warsaw");
    let mut at = now();
    for n in 1..=3 {
        let r = store
            .record_attempt(call, &attempt(CallOutcome::Busy, at), &tester())
            .unwrap();
        assert_eq!(r.attempts, n);
        assert_eq!(r.closed, n == 3, "attempt {n}");
        if let Some(next) = r.retry_at {
            at = DateTime::parse_from_rfc3339(&next)
                .unwrap()
                .with_timezone(&Utc);
        }
    }
    let (status, why): (String, String) = raw
        .query_row(
            "SELECT status, closed_reason FROM calls WHERE id = ?1",
            [call],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!(
        (status.as_str(), why.as_str()),
        ("done", "attempts_exhausted")
    );
    let err = store
        .record_attempt(call, &attempt(CallOutcome::Busy, at), &tester())
        .unwrap_err();
    assert_eq!(
        err.code(),
        "call.closed",
        "a closed call takes no more attempts: {err}"
    );
}

#[test]
fn do_not_call_outcome_sets_the_customer_flag_and_closes_their_calls() {
    let (_dir, store, raw) = queued();
    let call = due_call_in(&store, "Europe/Warsaw");
    let r = store
        .record_attempt(call, &attempt(CallOutcome::DoNotCall, now()), &tester())
        .unwrap();
    assert!(
        r.do_not_call_set && r.closed && r.follow_up_call_id.is_none(),
        "{r:?}"
    );
    let flag: i64 = raw
        .query_row("SELECT c.do_not_call FROM calls k JOIN customers c ON c.id = k.customer_id WHERE k.id = ?1", [call], |r| r.get(0))
        .unwrap();
    assert_eq!(flag, 1, "the customer is flagged do-not-call");
    assert_eq!(
        count(&raw, &format!("SELECT count(*) FROM calls WHERE status = 'open' AND customer_id = (SELECT customer_id FROM calls WHERE id = {call})")),
        0
    );
}

#[test]
fn satisfaction_two_or_less_creates_a_service_recovery_follow_up() {
    let (_dir, store, raw) = queued();
    let call = due_call_in(&store, "Europe/Warsaw");
    let report = AttemptInput {
        satisfaction: Some(2),
        ..attempt(CallOutcome::Reached, now())
    };
    let r = store.record_attempt(call, &report, &tester()).unwrap();
    assert!(r.closed, "{r:?}");
    let follow = r.follow_up_call_id.expect("a service-recovery call");
    let (reason, due): (String, String) = raw
        .query_row(
            "SELECT reason, due_at FROM calls WHERE id = ?1",
            [follow],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!(reason, "service_recovery");
    assert_eq!(
        due, "2026-11-27T12:00:00Z",
        "a day later, inside Warsaw hours"
    );
}

#[test]
fn delivery_problem_creates_a_service_recovery_follow_up() {
    let (_dir, store, _raw) = queued();
    let call = due_call_in(&store, "Europe/Warsaw");
    let report = AttemptInput {
        satisfaction: Some(5),
        delivery_problem: true,
        ..attempt(CallOutcome::Reached, now())
    };
    let r = store.record_attempt(call, &report, &tester()).unwrap();
    assert!(r.follow_up_call_id.is_some(), "{r:?}");
}

#[test]
fn a_good_call_closes_without_follow_up_and_refresh_does_not_requeue_the_order() {
    let (_dir, store, raw) = queued();
    let call = due_call_in(&store, "Europe/Warsaw");
    let report = AttemptInput {
        satisfaction: Some(5),
        ..attempt(CallOutcome::Reached, now())
    };
    let r = store.record_attempt(call, &report, &tester()).unwrap();
    assert!(r.closed && r.follow_up_call_id.is_none(), "{r:?}");
    let again = refresh_at(&store, now() + Duration::hours(2));
    assert_eq!(
        count(&raw, &format!("SELECT count(*) FROM calls WHERE order_id = (SELECT order_id FROM calls WHERE id = {call})")),
        1,
        "the order that was called is not queued again ({again:?})"
    );
}

#[test]
fn saved_call_policy_reads_back_and_defaults_when_absent() {
    let (_dir, path) = temp_db();
    let store = Store::open(&path).unwrap();
    assert_eq!(store.call_policy().unwrap(), CallPolicy::default());
    let policy = CallPolicy {
        require_phone_consent: true,
        ..CallPolicy::default()
    };
    assert_eq!(store.save_call_policy(&policy, &tester()).unwrap(), policy);
    assert_eq!(store.call_policy().unwrap(), policy);
}
