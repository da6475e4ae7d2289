//! Planning gifts on the largest shop Courtesy is built for: 100,000 customers
//! and 1,000,000 orders (the search benchmark's cached shop).
//!
//! Works on a copy of that database (the cached one stays untouched). Five gifts
//! and seven rules (first order, every 5th order, big orders, VIP tag, birthday,
//! name day, win-back) with a monthly budget; the shop's recent paid orders are
//! planned once untimed. Then, in each round, 10,000 new paid orders of existing
//! customers arrive and `Store::plan_gifts` plans them — facts from the database,
//! core's planner, plans, items and cards written in one transaction — beside the
//! same selection of orders and facts as one bare SQL query. The target:
//! planning 10,000 new orders ≤ 1 s.
//!
//! `cargo bench -p courtesy-cli --bench gifts`. Environment as for the search
//! benchmark: `COURTESY_BENCH_CUSTOMERS` / `COURTESY_BENCH_ORDERS`, and
//! `COURTESY_BENCH_STRICT=1` to exit with status 1 when the target is missed.

#[path = "common/harness.rs"]
mod harness;

#[path = "search/shop.rs"]
mod shop;

#[path = "common/working_copy.rs"]
mod working_copy;
use working_copy::working_copy;

#[path = "common/server_copy.rs"]
mod server_copy;

use chrono::{DateTime, Duration as Days, Utc};
use courtesy_core::gifts::{CardOccasion, GiftPolicy, GiftRule, GiftRuleKind};
use courtesy_store::db::Connection;
use courtesy_store::testing::raw_connection;
use courtesy_store::{Actor, AuditSource, GiftInput, Store};
use std::process::ExitCode;
use std::time::{Duration, Instant};

/// What planning 10,000 new orders must stay under.
const TARGET_MS: f64 = 1_000.0;
/// New orders per round.
const NEW_ORDERS: i64 = 10_000;
/// Measured rounds.
const ROUNDS: usize = 3;

/// The benchmark shop's history ends here (see `search/shop.rs`).
fn history_end() -> DateTime<Utc> {
    DateTime::from_timestamp(1_767_268_800, 0).unwrap_or_default() // 2026-01-01T12:00:00Z
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn gift(name: &str, cost: i64) -> GiftInput {
    GiftInput {
        name: name.into(),
        sku: Some(format!("GIFT-{}", name.to_uppercase().replace(' ', "-"))),
        unit_cost_minor: cost,
        currency: "PLN".into(),
        stock: 1_000_000,
        low_stock_at: 100,
        active: true,
    }
}

fn rule(id: i64, kind: GiftRuleKind, gifts: &[i64], card: CardOccasion) -> GiftRule {
    GiftRule {
        id,
        name: format!("rule {id}"),
        enabled: true,
        kind,
        gifts: gifts.to_vec(),
        card: Some(card),
        also_later_rules: false,
    }
}

/// Five gifts and seven rules with a monthly budget.
fn set_up_gifts(store: &Store, actor: &Actor) -> Result<(), String> {
    let err = |e: courtesy_store::StoreError| e.to_string();
    let mut ids = Vec::new();
    for (name, cost) in [
        ("Tea sampler", 1_500),
        ("Honey jar", 2_500),
        ("Wool socks", 3_000),
        ("Enamel pin", 300),
        ("Candle", 2_000),
    ] {
        ids.push(store.add_gift(&gift(name, cost), actor).map_err(err)?.id);
    }
    let [tea, honey, socks, pin, candle] = ids[..] else {
        return Err("five gifts".into());
    };
    let policy = GiftPolicy {
        rules: vec![
            rule(
                1,
                GiftRuleKind::FirstOrder,
                &[tea, pin],
                CardOccasion::Welcome,
            ),
            rule(
                2,
                GiftRuleKind::NthOrder { n: 5, repeat: true },
                &[socks, honey],
                CardOccasion::Milestone,
            ),
            rule(
                3,
                GiftRuleKind::OrderTotalAtLeast {
                    thresholds_minor: [("PLN".to_string(), 40_000), ("EUR".to_string(), 10_000)]
                        .into(),
                },
                &[candle, tea],
                CardOccasion::BigOrder,
            ),
            rule(
                4,
                GiftRuleKind::Tier {
                    tiers: vec!["VIP".into()],
                },
                &[honey, candle],
                CardOccasion::Loyalty,
            ),
            rule(
                5,
                GiftRuleKind::Birthday { within_days: 7 },
                &[honey],
                CardOccasion::Birthday,
            ),
            rule(
                6,
                GiftRuleKind::NameDay {
                    within_days: 3,
                    calendars: vec![],
                },
                &[pin],
                CardOccasion::NameDay,
            ),
            rule(
                7,
                GiftRuleKind::WinBack { min_gap_days: 180 },
                &[tea],
                CardOccasion::WelcomeBack,
            ),
        ],
        monthly_budget_minor: [("PLN".to_string(), 50_000_000)].into(),
        no_repeat_months: 6,
    };
    store.save_gift_policy(&policy, actor).map_err(err)?;
    Ok(())
}

/// `NEW_ORDERS` new paid orders in round `round`, copies of existing orders
/// (customer, currency, total) placed in the last hours before `now`, in id
/// order (so both backends get the same orders in the same order), and their
/// customers' purchase counts brought up to date as an import would (untimed).
fn add_new_orders(raw: &Connection, round: usize, now: DateTime<Utc>) -> Result<(), String> {
    let step = 1_000_000 / NEW_ORDERS;
    // Placed in the 12 hours before `now`, a minute apart.
    let placed = if raw.is_postgres() {
        "to_char((CAST(CAST(?2 AS TEXT) AS timestamptz) - (id % 720) * interval '1 minute') AT TIME ZONE 'UTC',
            'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')"
    } else {
        "strftime('%Y-%m-%dT%H:%M:%SZ', ?2, '-' || (id % 720) || ' minutes')"
    };
    raw.execute(
        &format!(
            "INSERT INTO orders (customer_id, source, external_id, number, status, placed_at, paid_at,
            currency, subtotal_minor, total_minor, ship_name, ship_country)
         SELECT customer_id, 'demo', 'bench-' || CAST(?1 AS TEXT) || '-' || CAST(id AS TEXT),
            'B' || CAST(?1 AS TEXT) || '-' || CAST(id AS TEXT), 'paid', {placed}, CAST(?2 AS TEXT),
            currency, subtotal_minor, total_minor, ship_name, ship_country
         FROM orders WHERE customer_id IS NOT NULL AND id % ?3 = ?4 AND source = 'demo'
            AND external_id NOT LIKE 'bench-%'
         ORDER BY id LIMIT ?5"
        ),
        courtesy_store::db::params![
            round as i64,
            now.to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
            step,
            round as i64 % step,
            NEW_ORDERS
        ],
    )
    .map_err(|e| format!("adding orders: {e}"))?;
    // As an import does: the customers' purchase counts follow their orders.
    raw.execute(
        "UPDATE customers SET order_count = (SELECT count(*) FROM orders o
            WHERE o.customer_id = customers.id AND o.status IN ('paid','fulfilled','delivered'))
         WHERE id IN (SELECT customer_id FROM orders
            WHERE external_id LIKE 'bench-' || CAST(?1 AS TEXT) || '-%')",
        [round as i64],
    )
    .map_err(|e| format!("counting purchases: {e}"))?;
    Ok(())
}

/// The planner's selection and facts as one bare SQL query (no planning, no writes).
const BARE_SELECTION: &str = "
    SELECT count(*), sum(before), count(previous), count(birthday), count(tags) FROM (
    SELECT o.id,
        c.order_count - (CASE WHEN o.status IN ('paid','fulfilled','delivered') THEN 1 ELSE 0 END)
            - (SELECT count(*) FROM orders p WHERE p.customer_id = o.customer_id
                AND p.status IN ('paid','fulfilled','delivered') AND p.placed_at >= o.placed_at
                AND (p.placed_at > o.placed_at OR (p.placed_at = o.placed_at AND p.id > o.id)))
            AS before,
        (SELECT max(p.placed_at) FROM orders p WHERE p.customer_id = o.customer_id
            AND p.status IN ('paid','fulfilled','delivered') AND p.placed_at < o.placed_at) AS previous,
        c.first_name, c.language, c.country, c.birthday,
        (SELECT string_agg(tag, '\u{1f}') FROM customer_tags t WHERE t.customer_id = c.id) AS tags
    FROM orders o JOIN customers c ON c.id = o.customer_id
    WHERE o.status = 'paid' AND o.placed_at >= ?1 AND o.packed_at IS NULL
      AND NOT EXISTS (SELECT 1 FROM gift_plans g WHERE g.order_id = o.id)) AS selection";

fn run() -> Result<bool, String> {
    let scale = shop::scale()?;
    let (db, _built) = shop::database(scale)?;
    let copy = working_copy(&db, "courtesy-gifts-bench")?;
    let server = server_copy::postgres_copy(&copy, "courtesy-gifts-bench")?;
    let mut pass = measure(&copy, "SQLite", scale)?;
    if let Some(server) = &server {
        println!("\nthe same shop {}:", server.how());
        pass &= measure(&server.url, "PostgreSQL", scale)?;
    }
    Ok(pass)
}

/// Plans gifts for rounds of new orders in the database at `location` and
/// prints the figures; whether the target is met.
fn measure(
    location: &std::path::Path,
    backend: &str,
    scale: courtesy_demo::Scale,
) -> Result<bool, String> {
    let store = Store::open(location).map_err(|e| e.to_string())?;
    let raw = raw_connection(location).map_err(|e| e.to_string())?;
    let actor = Actor::new("bench", AuditSource::Cli, history_end());
    let err = |e: courtesy_store::StoreError| e.to_string();
    let now = history_end();

    set_up_gifts(&store, &actor)?;
    let started = Instant::now();
    let earlier = store.plan_gifts(now, &actor).map_err(err)?;
    println!(
        "Courtesy gift planning on {backend}: {} customers, {} orders, at {}",
        scale.customers,
        scale.orders,
        now.to_rfc3339()
    );
    println!(
        "untimed set-up: the shop's recent paid orders planned first: {} orders, {} gifts, {} cards in {:.0} ms",
        earlier.orders,
        earlier.gifts,
        earlier.cards,
        ms(started.elapsed())
    );

    let since = (now - Days::days(courtesy_store::GIFT_PLAN_WINDOW_DAYS))
        .to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
    let (mut planned, mut bare) = (Vec::new(), Vec::new());
    println!(
        "{:<8} {:>10} {:>8} {:>8} {:>14} {:>22}",
        "round", "orders", "gifts", "cards", "plan_gifts ms", "bare SQL selection ms"
    );
    for round in 1..=ROUNDS {
        add_new_orders(&raw, round, now)?;
        // The bare selection: the database alone, on the same backend.
        let t = Instant::now();
        let (n, _, _, _, _): (i64, Option<i64>, i64, i64, i64) = raw
            .query_row(BARE_SELECTION, [&since], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
            })
            .map_err(|e| format!("bare selection: {e}"))?;
        let selected = Some(n);
        let q = ms(t.elapsed());
        let t = Instant::now();
        let counts = store.plan_gifts(now, &actor).map_err(err)?;
        let p = ms(t.elapsed());
        if let Some(selected) = selected.filter(|&n| n != i64::from(counts.orders)) {
            return Err(format!(
                "planned {} orders, the bare selection found {selected}",
                counts.orders
            ));
        }
        println!(
            "{round:<8} {:>10} {:>8} {:>8} {p:>14.1} {q:>22.1}",
            counts.orders, counts.gifts, counts.cards
        );
        planned.push(p);
        bare.push(q);
    }
    let worst = planned.iter().copied().fold(0.0, f64::max);
    let pass = worst <= TARGET_MS;
    println!(
        "target on {backend}: planning {NEW_ORDERS} new orders ≤ {TARGET_MS} ms (worst round {worst:.1} ms, bare SQL selection worst {:.1} ms): {}",
        bare.iter().copied().fold(0.0, f64::max),
        if pass { "met" } else { "MISSED" }
    );
    Ok(pass)
}

fn main() -> ExitCode {
    harness::bench_main("gifts", run)
}
