//! The demo shop a newcomer loads shows every capability: a gift catalogue
//! with stock (one gift running low), a policy with a rule of each kind, gifts
//! and cards planned for recent paid orders (cards to write, written, and
//! printed on the slip), and calls made with their outcomes; `bare` loads the
//! customers and orders alone.

use chrono::{TimeZone, Utc};
use courtesy_core::FixedClock;
use courtesy_demo::{Scale, DEFAULT_SEED};
use courtesy_desk::Desk;
use courtesy_store::testing::raw_connection;
use courtesy_store::{AuditSource, Store};
use courtesy_tests::temp_db;
use std::collections::BTreeSet;

fn count(raw: &courtesy_store::db::Connection, sql: &str) -> i64 {
    raw.query_row(sql, [], |r| r.get(0))
        .unwrap_or_else(|e| panic!("{sql}: {e}"))
}

#[test]
fn the_demo_shop_has_gifts_cards_and_calls_to_show_and_a_bare_one_has_none() {
    let now = Utc.with_ymd_and_hms(2026, 11, 26, 8, 0, 0).unwrap();
    let clock = FixedClock(now);
    let (_dir, path) = temp_db();
    let store = Store::open(&path).unwrap();
    let desk = Desk::new(&store, &clock, AuditSource::Ui);
    let loaded = desk
        .load_demo(DEFAULT_SEED, Scale::DEMO, None, false)
        .unwrap();
    assert_eq!(loaded.gifts, 4);
    assert!(loaded.planned_orders >= 10, "{loaded:?}");
    assert!(loaded.call_attempts >= 10, "{loaded:?}");

    let gifts = store.gifts().unwrap();
    assert!(gifts.iter().all(|g| g.stock > 0));
    assert!(
        gifts.iter().any(|g| g.low_stock),
        "one gift runs low: {gifts:?}"
    );
    let policy = store.gift_policy().unwrap();
    let kinds: BTreeSet<String> = policy
        .rules
        .iter()
        .map(|r| {
            serde_json::to_value(&r.kind).unwrap()["kind"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect();
    assert_eq!(kinds.len(), 9, "a rule of each kind: {kinds:?}");
    let raw0 = raw_connection(&path).unwrap();
    let bare_paid = count(
        &raw0,
        "SELECT count(*) FROM orders o WHERE o.status = 'paid' AND o.packed_at IS NULL AND NOT EXISTS
           (SELECT 1 FROM gift_plans p WHERE p.order_id = o.id AND p.status = 'planned'
              AND (EXISTS (SELECT 1 FROM gift_plan_items i WHERE i.plan_id = p.id)
                   OR EXISTS (SELECT 1 FROM cards c WHERE c.plan_id = p.id)))",
    );
    assert_eq!(bare_paid, 0, "every paid parcel has something to insert");

    let raw = raw_connection(&path).unwrap();
    assert!(count(&raw, "SELECT count(*) FROM gift_plan_items") > 0);
    for (what, sql) in [
        ("to write", "SELECT count(*) FROM cards WHERE status = 'to_write' AND printed = 0"),
        ("written", "SELECT count(*) FROM cards WHERE status = 'written'"),
        ("printed on the slip", "SELECT count(*) FROM cards WHERE printed = 1"),
        ("reached, with satisfaction", "SELECT count(*) FROM call_attempts WHERE outcome = 'reached' AND satisfaction IS NOT NULL AND notes <> ''"),
        ("not reached", "SELECT count(*) FROM call_attempts WHERE outcome <> 'reached'"),
        ("a delivery problem", "SELECT count(*) FROM call_attempts WHERE delivery_problem = 1"),
    ] {
        assert!(count(&raw, sql) > 0, "the demo has cards or calls {what}");
    }
    assert!(
        !store.cards_to_write().unwrap().is_empty(),
        "the Cards queue has cards"
    );
    let called = count(
        &raw,
        "SELECT min(c.customer_id) FROM calls c JOIN call_attempts a ON a.call_id = c.id",
    );
    let profile = store.customer_profile(called).unwrap();
    assert!(
        profile.calls.iter().any(|c| !c.attempts.is_empty()),
        "the profile's timeline has a call"
    );

    let (_dir2, bare_path) = temp_db();
    let bare = Store::open(&bare_path).unwrap();
    let loaded = Desk::new(&bare, &clock, AuditSource::Ui)
        .load_demo(DEFAULT_SEED, Scale::DEMO, None, true)
        .unwrap();
    assert_eq!(
        (loaded.gifts, loaded.planned_orders, loaded.call_attempts),
        (0, 0, 0)
    );
    assert!(bare.gifts().unwrap().is_empty());
}
