//! Partial refunds, from Shopify's and WooCommerce's exports: the amount paid
//! back is kept on the order, whose status still follows payment and
//! fulfilment; it stays a purchase, earns its thank-you call and keeps its gift
//! plan, and the customer's figures show what they spent and what they kept.

use crate::import_fixtures::{fixture, import, importer};
use chrono::{DateTime, TimeZone, Utc};
use courtesy_core::{FixedClock, Money, OrderStatus};
use courtesy_import::{import_file, Flow};
use courtesy_store::db::Connection;
use courtesy_store::Store;
use courtesy_tests::{first_orders_get_a_gift, temp_db, tester};

fn store_with(name: &str) -> (tempfile::TempDir, Store, Connection) {
    let (dir, path) = temp_db();
    let store = Store::open(&path).unwrap();
    let run = import(&store, name).unwrap_or_else(|e| panic!("{name}: {e}"));
    assert_eq!(run.errors, 0, "{run:?}");
    let raw = courtesy_store::testing::raw_connection(&path).unwrap();
    (dir, store, raw)
}

/// Status, total and refunded amount of the order `number`.
fn order(raw: &Connection, number: &str) -> (String, i64, i64) {
    raw.query_row(
        "SELECT status, total_minor, refunded_minor FROM orders WHERE number = ?1",
        [number],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
    )
    .unwrap_or_else(|e| panic!("order {number}: {e}"))
}

fn order_id(raw: &Connection, number: &str) -> i64 {
    raw.query_row("SELECT id FROM orders WHERE number = ?1", [number], |r| {
        r.get(0)
    })
    .unwrap_or_else(|e| panic!("order {number}: {e}"))
}

fn customer_of(raw: &Connection, number: &str) -> i64 {
    raw.query_row(
        "SELECT customer_id FROM orders WHERE number = ?1",
        [number],
        |r| r.get(0),
    )
    .unwrap_or_else(|e| panic!("order {number}: {e}"))
}

/// Open thank-you calls about the order `number`.
fn calls_about(raw: &Connection, number: &str) -> i64 {
    raw.query_row(
        "SELECT count(*) FROM calls WHERE order_id = ?1 AND status = 'open'",
        [order_id(raw, number)],
        |r| r.get(0),
    )
    .unwrap()
}

fn plan_status(store: &Store, raw: &Connection, number: &str) -> Option<String> {
    store
        .order_gift_plan(order_id(raw, number))
        .unwrap()
        .map(|plan| plan.status.as_str().to_string())
}

fn at(y: i32, m: u32, d: u32, h: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(y, m, d, h, 0, 0).unwrap()
}

#[test]
fn a_partly_refunded_shopify_order_keeps_its_status_and_the_refund_as_an_amount() {
    let (_dir, store, raw) = store_with("shopify-orders-2024.csv");
    assert_eq!(
        order(&raw, "#3003"),
        ("fulfilled".into(), 148_200, 12_000),
        "partially_refunded and fulfilled: 120.00 of 1482.00 paid back"
    );
    assert_eq!(
        order(&raw, "#3008").0,
        "paid",
        "partially_refunded, not shipped yet"
    );
    assert_eq!(
        order(&raw, "#3005"),
        ("refunded".into(), 62_240, 62_240),
        "a full refund is the status refunded"
    );
    // Małgorzata: #3003 and #3027 partly refunded, #3015 and #3039 cancelled.
    let profile = store.customer_profile(customer_of(&raw, "#3003")).unwrap();
    let (o3003, o3027) = (order(&raw, "#3003"), order(&raw, "#3027"));
    assert_eq!(o3027.0, "fulfilled");
    assert_eq!(
        profile.order_count, 2,
        "both partly refunded orders are purchases"
    );
    let pln = courtesy_core::Currency::parse("PLN").unwrap();
    assert_eq!(
        profile.spent,
        vec![Money::new(o3003.1 + o3027.1, pln)],
        "spent, gross"
    );
    assert_eq!(
        profile.refunded,
        vec![Money::new(12_000 + o3027.2, pln)],
        "paid back"
    );
    assert!(o3027.2 > 0);
    let view = profile
        .orders
        .iter()
        .find(|o| o.number == "#3003")
        .expect("#3003 in the history");
    assert_eq!(
        (view.status, view.refunded),
        (OrderStatus::Fulfilled, Money::new(12_000, pln))
    );
}

#[test]
fn a_partly_refunded_shopify_order_earns_its_thank_you_call() {
    let (_dir, store, raw) = store_with("shopify-orders-2024.csv");
    // #3003 was fulfilled on 12 March 2024, Małgorzata's first order.
    store.refresh_calls(at(2024, 3, 18, 10), &tester()).unwrap();
    assert_eq!(calls_about(&raw, "#3003"), 1, "a first-order call");
}

#[test]
fn a_partial_refund_in_a_newer_export_keeps_the_orders_gift_plan() {
    let (dir, path) = temp_db();
    let store = Store::open(&path).unwrap();
    first_orders_get_a_gift(&store, "USD");
    // The export of the day #3008 (John's first order) was paid, before the refund.
    let newer = std::fs::read_to_string(fixture("shopify-orders-2024.csv")).unwrap();
    let header: Vec<&str> = newer.lines().next().unwrap().split(',').collect();
    let column = |name: &str| header.iter().position(|h| *h == name).unwrap();
    let (status, refunded) = (column("Financial Status"), column("Refunded Amount"));
    let older: String = newer
        .lines()
        .map(|line| {
            let mut cells: Vec<&str> = line.split(',').collect();
            if line.starts_with("#3008,") && cells[status] == "partially_refunded" {
                cells[status] = "paid";
                cells[refunded] = "0.00";
            }
            cells.join(",") + "\n"
        })
        .collect();
    let older_path = dir.path().join("orders-before-the-refund.csv");
    std::fs::write(&older_path, older).unwrap();
    let now = at(2024, 8, 10, 10);
    import_file(
        &store,
        &older_path,
        None,
        None,
        &importer().at(now),
        &FixedClock(now),
        |_| Flow::Continue,
    )
    .unwrap();
    let raw = courtesy_store::testing::raw_connection(&path).unwrap();
    assert_eq!(order(&raw, "#3008").0, "paid");
    store.plan_gifts(now, &tester()).unwrap();
    assert_eq!(
        plan_status(&store, &raw, "#3008").as_deref(),
        Some("planned")
    );

    let run = import_file(
        &store,
        &fixture("shopify-orders-2024.csv"),
        None,
        None,
        &importer().at(now),
        &FixedClock(now),
        |_| Flow::Continue,
    )
    .unwrap();
    assert_eq!(run.counts.orders_updated, 1, "{run:?}");
    let (status, _, refunded) = order(&raw, "#3008");
    assert_eq!((status.as_str(), refunded), ("paid", 300), "3.00 paid back");
    assert_eq!(
        plan_status(&store, &raw, "#3008").as_deref(),
        Some("planned"),
        "the gift still goes into the parcel"
    );
}

#[test]
fn woocommerce_api_refunds_add_up_and_leave_the_status_to_the_order() {
    let (_dir, store, raw) = store_with("woocommerce-orders-refunds.json");
    assert_eq!(
        order(&raw, "#1210"),
        ("fulfilled".into(), 15_300, 2_450),
        "completed, one candle paid back"
    );
    assert_eq!(
        order(&raw, "#1211"),
        ("paid".into(), 5_590, 690),
        "processing, two refunds of the shipping"
    );
    let profile = store.customer_profile(customer_of(&raw, "#1210")).unwrap();
    let pln = courtesy_core::Currency::parse("PLN").unwrap();
    assert_eq!(profile.order_count, 1);
    assert_eq!(
        (profile.spent.clone(), profile.refunded.clone()),
        (vec![Money::new(15_300, pln)], vec![Money::new(2_450, pln)]),
        "gross 153.00, net 128.50"
    );
    // Ewa's order was completed on 4 June 2024, Sanna's placed on 5 June.
    store.refresh_calls(at(2024, 6, 10, 10), &tester()).unwrap();
    assert_eq!(calls_about(&raw, "#1210"), 1, "the thank-you call is made");
    first_orders_get_a_gift(&store, "EUR");
    store.plan_gifts(at(2024, 6, 10, 10), &tester()).unwrap();
    assert_eq!(
        plan_status(&store, &raw, "#1211").as_deref(),
        Some("planned"),
        "a paid order with a refund still gets its gift"
    );
}

#[test]
fn woocommerce_export_refunds_are_an_amount_and_a_line_refunded_whole_is_gone() {
    let (_dir, _store, raw) = store_with("woocommerce-orders-export-refunds.csv");
    assert_eq!(
        order(&raw, "#1320"),
        ("fulfilled".into(), 15_470, 3_990),
        "Completed, the napkins paid back"
    );
    let lines: Vec<(String, i64)> = raw
        .prepare(
            "SELECT l.sku, l.quantity FROM order_lines l JOIN orders o ON o.id = l.order_id
             WHERE o.number = '#1320' ORDER BY l.position",
        )
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(
        lines,
        vec![("CAND-B".to_string(), 2)],
        "what is left to pack: the napkins line, refunded whole, is not"
    );
}
