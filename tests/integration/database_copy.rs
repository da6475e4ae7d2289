//! `copy_into`: a whole shop copied to another database and back (SQLite →
//! PostgreSQL → SQLite on a run with a test server, file to file otherwise)
//! comes back with every table's rows and checksum as they were.

use chrono::{TimeZone, Utc};
use courtesy_core::calls::CallOutcome;
use courtesy_demo::{load, Scale, DEFAULT_SEED};
use courtesy_store::testing::scratch_database;
use courtesy_store::{AttemptInput, CopiedTable, Store};
use courtesy_tests::{first_orders_get_a_gift, tester};

/// The demo shop with what a few days of work add: gift plans and cards, a
/// call attempt, a packed order.
fn worked_shop(store: &Store) {
    let now = Utc.with_ymd_and_hms(2026, 11, 26, 8, 0, 0).unwrap();
    let scale = Scale {
        customers: 300,
        orders: 900,
    };
    load(store, now, DEFAULT_SEED, scale, &tester()).unwrap();
    first_orders_get_a_gift(store, "PLN");
    let policy = store.call_policy().unwrap();
    store.refresh_call_queue(&policy, now, &tester()).unwrap();
    let raw = courtesy_store::testing::raw_connection(store.path()).unwrap();
    let first = |sql: &str| -> i64 { raw.query_row(sql, [], |r| r.get(0)).expect(sql) };
    let call = first("SELECT min(id) FROM calls WHERE status = 'open'");
    let attempt = AttemptInput {
        at: now,
        outcome: CallOutcome::Reached,
        duration_seconds: 95,
        satisfaction: Some(5),
        notes: "Zadowolona, pyta o herbatę jaśminową.".into(),
        delivery_problem: false,
        follow_up_at: None,
    };
    store.record_attempt(call, &attempt, &tester()).unwrap();
    let order = first(
        "SELECT min(id) FROM orders WHERE status IN ('paid', 'fulfilled') AND packed_at IS NULL",
    );
    let planned = store
        .plan_gifts_for_orders(Some(&[order, order + 1, order + 2]), now, &tester())
        .unwrap();
    assert!(planned.orders > 0, "{planned:?}");
    store.mark_packed(order, &tester()).unwrap();
}

fn copy(from: &Store, to: &Store) -> Vec<CopiedTable> {
    let mut heard = 0;
    let tables = from.copy_into(to, &mut |_| heard += 1).unwrap();
    assert_eq!(heard, tables.len(), "each table is reported as it is done");
    tables
}

#[test]
fn a_shop_copied_to_the_other_backend_and_back_is_what_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let original = Store::open(&dir.path().join("original.sqlite")).unwrap();
    worked_shop(&original);
    assert!(original.copy_covers_every_table().unwrap());

    let middle = Store::open(&scratch_database(dir.path(), "middle.sqlite")).unwrap();
    let there = copy(&original, &middle);
    assert!(middle.copy_covers_every_table().unwrap());
    let back = Store::open(&dir.path().join("back.sqlite")).unwrap();
    let returned = copy(&middle, &back);

    assert_eq!(there, returned, "every table's rows and checksum");
    let rows = |name: &str| there.iter().find(|t| t.table == name).unwrap().rows;
    assert!(rows("orders") >= 900 && rows("order_lines") > rows("orders"));
    assert!(rows("calls") > 0 && rows("call_attempts") == 1 && rows("gift_plans") > 0);
    assert!(rows("cards") > 0 && rows("audit_log") > 0);

    // The copies work as the original does: search, and new rows get new ids.
    for store in [&middle, &back] {
        let hit = store.search_customers("jaśmin", 5).unwrap();
        assert!(hit.is_empty(), "call notes are not searched");
        let name = original.list_customers(0, 1).unwrap().items[0]
            .display_name
            .clone();
        let found = store.search_customers(&name, 5).unwrap();
        assert!(
            found.iter().any(|c| c.display_name == name),
            "{name} is found"
        );
    }
    let gift = courtesy_store::GiftInput {
        name: "Candle".into(),
        sku: Some("GIFT-CANDLE".into()),
        unit_cost_minor: 900,
        currency: "PLN".into(),
        stock: 5,
        low_stock_at: 1,
        active: true,
    };
    let added = middle.add_gift(&gift, &tester()).unwrap();
    assert!(
        original.gifts().unwrap().iter().all(|g| g.id < added.id),
        "the copy's ids go on after the copied ones"
    );
}

#[test]
fn a_database_that_holds_data_is_not_copied_into() {
    let dir = tempfile::tempdir().unwrap();
    let (_d, source) = courtesy_tests::small_shop_db();
    let dest = Store::open(&scratch_database(dir.path(), "dest.sqlite")).unwrap();
    first_orders_get_a_gift(&dest, "PLN");
    let err = source.copy_into(&dest, &mut |_| {}).unwrap_err();
    assert!(err.to_string().contains("already holds data"), "{err}");
    assert_eq!(dest.customer_count().unwrap(), 0, "left as it was");
    assert_eq!(dest.gifts().unwrap().len(), 1);
}
