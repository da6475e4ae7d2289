//! Rules the generated shop keeps: deterministic from its seed, big enough,
//! loadable into a real database; the customers' and orders' own rules are in
//! the submodules.

mod customers;
mod orders;

use crate::{generate, DemoShop, Scale};
use chrono::{DateTime, Utc};
use courtesy_store::{Actor, AuditSource, NewCustomer, Store};
use std::sync::OnceLock;

pub(super) fn now() -> DateTime<Utc> {
    "2026-11-26T08:00:00Z"
        .parse()
        .expect("a valid constant time")
}

/// The demo-scale shop, generated once for all tests.
pub(super) fn demo() -> &'static DemoShop {
    static SHOP: OnceLock<DemoShop> = OnceLock::new();
    SHOP.get_or_init(|| generate(now(), 7, Scale::DEMO))
}

fn small() -> Scale {
    Scale {
        customers: 300,
        orders: 900,
    }
}

pub(super) fn country(c: &NewCustomer) -> &str {
    c.country.as_deref().unwrap_or("")
}

#[test]
fn the_same_seed_gives_the_same_shop() {
    assert!(
        generate(now(), 42, small()) == generate(now(), 42, small()),
        "two runs with seed 42 differ"
    );
}

#[test]
fn a_shop_generated_in_several_pieces_is_still_the_same_shop() {
    // More orders than one piece of work, so threads share them.
    let scale = Scale {
        customers: 200,
        orders: 40_000,
    };
    let a = generate(now(), 3, scale);
    let b = generate(now(), 3, scale);
    assert_eq!(a.orders.len(), 40_000);
    assert!(a == b, "two runs in several pieces differ");
    let numbers_in_order = a
        .orders
        .iter()
        .enumerate()
        .all(|(i, o)| o.number == format!("#{}", 1001 + i));
    assert!(numbers_in_order, "pieces were put together out of order");
}

#[test]
fn a_different_seed_gives_a_different_shop() {
    let a = generate(now(), 1, small());
    let b = generate(now(), 2, small());
    assert_ne!(
        a.customers, b.customers,
        "seeds 1 and 2 gave the same customers"
    );
    assert_ne!(a.orders, b.orders, "seeds 1 and 2 gave the same orders");
}

#[test]
fn the_demo_scale_has_at_least_2000_customers_and_6000_orders() {
    let shop = demo();
    assert!(
        shop.customers.len() >= 2_000,
        "{} customers",
        shop.customers.len()
    );
    assert!(shop.orders.len() >= 6_000, "{} orders", shop.orders.len());
    assert!(
        (100..=140).contains(&shop.products.len()),
        "{} products",
        shop.products.len()
    );
    assert_eq!(shop.customers[0].external_id.as_deref(), Some("C00001"));
    assert_eq!(shop.orders[0].external_id.as_deref(), Some("O0001"));
    assert_eq!(shop.orders[0].number, "#1001");
}

#[test]
fn the_demo_shop_loads_into_a_real_database() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let store = Store::open(&courtesy_store::testing::scratch_database(
        dir.path(),
        "demo.sqlite",
    ))
    .expect("a new database");
    let shop = demo();
    let actor = Actor::new("test", AuditSource::Cli, chrono::Utc::now());
    let counts = store
        .load_shop(&shop.products, &shop.customers, &shop.orders, &actor)
        .expect("the demo shop loads");
    assert_eq!(counts.customers, shop.customers.len());
    assert_eq!(
        store.customer_count().expect("count"),
        shop.customers.len() as i64
    );
    let hits = store.search_customers("#1001", 10).expect("search");
    assert_eq!(hits.len(), 1, "order #1001 finds its customer");
}
