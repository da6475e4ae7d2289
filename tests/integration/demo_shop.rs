//! Search on the demo shop (2,400 customers): broad queries stay useful, exact
//! phone numbers and order numbers find their customer.

use chrono::{TimeZone, Utc};
use courtesy_demo::{load, Scale, DEFAULT_SEED};
use courtesy_store::db::Connection;
use courtesy_store::Store;
use courtesy_tests::{temp_db, tester};

fn demo() -> (tempfile::TempDir, Store, Connection) {
    let (dir, path) = temp_db();
    let store = Store::open(&path).unwrap();
    let now = Utc.with_ymd_and_hms(2026, 11, 26, 8, 0, 0).unwrap();
    load(&store, now, DEFAULT_SEED, Scale::DEMO, &tester()).unwrap();
    let raw = courtesy_store::testing::raw_connection(&path).unwrap();
    (dir, store, raw)
}

#[test]
fn a_one_letter_query_lists_family_names_starting_with_it_alphabetically() {
    let (_dir, store, raw) = demo();
    let found = store.search_customers("K", 50).unwrap();
    assert_eq!(found.len(), 50, "a broad query still fills the list");
    let keys: Vec<String> = found
        .iter()
        .map(|c| {
            raw.query_row(
                "SELECT sort_key FROM customers WHERE id = ?1",
                [c.id],
                |r| r.get(0),
            )
            .unwrap()
        })
        .collect();
    assert!(
        keys.iter().all(|k| k.starts_with('k')),
        "every family name starts with K: {keys:?}"
    );
    let mut sorted = keys.clone();
    sorted.sort();
    assert_eq!(keys, sorted, "alphabetical by family name");
}

#[test]
fn every_sampled_customer_is_found_by_the_e164_form_of_a_phone_stored_otherwise() {
    let (_dir, store, raw) = demo();
    let mut stmt = raw
        .prepare("SELECT customer_id, raw, e164 FROM customer_phones WHERE e164 IS NOT NULL AND raw <> e164 ORDER BY id LIMIT 60")
        .unwrap();
    let rows: Vec<(i64, String, String)> = stmt
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(rows.len(), 60);
    for (id, stored, e164) in rows {
        let found = store.search_customers(&e164, 20).unwrap();
        assert!(
            found.iter().any(|c| c.id == id),
            "{e164} (stored as {stored:?}) did not find customer {id}"
        );
    }
}

#[test]
fn an_exact_order_number_puts_its_customer_first() {
    let (_dir, store, raw) = demo();
    for number in ["#1001", "#1234", "#4000", "#8000"] {
        let owner: i64 = raw
            .query_row(
                "SELECT customer_id FROM orders WHERE number = ?1",
                [number],
                |r| r.get(0),
            )
            .unwrap_or_else(|e| panic!("{number} in the demo shop: {e}"));
        let found = store.search_customers(number, 20).unwrap();
        assert_eq!(found.first().map(|c| c.id), Some(owner), "{number} first");
        let bare = number.trim_start_matches('#');
        assert_eq!(
            store
                .search_customers(bare, 20)
                .unwrap()
                .first()
                .map(|c| c.id),
            Some(owner),
            "{bare} first"
        );
    }
}

#[test]
fn loading_the_demo_shop_again_is_refused_and_duplicates_nothing() {
    let (_dir, store, raw) = demo();
    let before: i64 = raw
        .query_row("SELECT count(*) FROM orders", [], |r| r.get(0))
        .unwrap();
    let now = Utc.with_ymd_and_hms(2026, 11, 26, 8, 0, 0).unwrap();
    let err = load(&store, now, DEFAULT_SEED, Scale::DEMO, &tester()).unwrap_err();
    assert_eq!(err.code(), "db.not_empty");
    let after: i64 = raw
        .query_row("SELECT count(*) FROM orders", [], |r| r.get(0))
        .unwrap();
    assert_eq!(before, after);
    // SQLite's file check; PostgreSQL keeps its files consistent itself (and
    // the refused load was one transaction, rolled back, as the count shows).
    if raw.sqlite().is_some() {
        let integrity: String = raw
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))
            .unwrap();
        assert_eq!(integrity, "ok");
    }
}

#[test]
fn a_russian_number_stored_with_plus_7_is_found_typed_with_the_domestic_8() {
    let (_dir, store, raw) = demo();
    let (id, stored, national): (i64, String, String) = raw
        .query_row(
            "SELECT customer_id, raw, national_digits FROM customer_phones WHERE e164 LIKE '+7%' AND raw LIKE '+7%' LIMIT 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .expect("the demo shop has a Russian phone written with +7");
    let typed = format!(
        "8 {} {}-{}-{}",
        &national[..3],
        &national[3..6],
        &national[6..8],
        &national[8..]
    );
    let found = store.search_customers(&typed, 20).unwrap();
    assert!(
        found.iter().any(|c| c.id == id),
        "{typed} did not find the customer stored as {stored}"
    );
}

#[test]
fn list_rows_show_the_same_purchases_and_last_order_as_the_profile() {
    let (_dir, store, _raw) = demo();
    let page = store.list_customers(0, 300).unwrap();
    assert_eq!(page.items.len(), 300);
    for row in page.items.iter().step_by(7) {
        let p = store.customer_profile(row.id).unwrap();
        assert_eq!(
            row.order_count, p.order_count,
            "purchases of {}",
            row.display_name
        );
        assert_eq!(
            row.last_order_at.as_deref(),
            p.orders.first().map(|o| o.placed_at.as_str()),
            "last order of {}",
            row.display_name
        );
    }
}
