//! The thank-you call queue on the largest shop Courtesy is built for: 100,000
//! customers and 1,000,000 orders (the search benchmark's cached shop).
//!
//! Works on a copy of that database (the cached one stays untouched). Times the
//! first `Store::refresh_call_queue` (which queues the calls), then rounds of a
//! refresh (nothing new to queue) and `Store::calls_due(now, 50)`, beside the
//! queue's candidates as one bare SQL query. The target: refresh + list ≤ 50 ms.
//!
//! `cargo bench -p courtesy-cli --bench calls`. Environment as for the search
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

use chrono::{DateTime, Utc};
use courtesy_core::CallPolicy;
use courtesy_store::{Actor, AuditSource, Store};
use std::process::ExitCode;
use std::time::{Duration, Instant};

/// What refreshing the queue and listing the calls due must stay under (p95).
const TARGET_MS: f64 = 50.0;
/// Measured rounds after a warm-up round.
const ROUNDS: usize = 20;

/// The benchmark shop's history ends here (see `search/shop.rs`): a Thursday.
fn now() -> DateTime<Utc> {
    DateTime::from_timestamp(1_767_268_800, 0).unwrap_or_default() // 2026-01-01T12:00:00Z
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn p(samples: &[f64], pct: f64) -> f64 {
    let mut s = samples.to_vec();
    s.sort_by(f64::total_cmp);
    let rank = ((pct / 100.0) * s.len() as f64).ceil() as usize;
    s.get(rank.clamp(1, s.len().max(1)) - 1)
        .copied()
        .unwrap_or(0.0)
}

fn run() -> Result<bool, String> {
    let scale = shop::scale()?;
    let (db, _built) = shop::database(scale)?;
    let copy = working_copy(&db, "courtesy-calls-bench")?;
    let server = server_copy::postgres_copy(&copy, "courtesy-calls-bench")?;
    let store = Store::open(&copy).map_err(|e| e.to_string())?;
    let mut pass = measure(&store, "SQLite", scale)?;
    if let Some(server) = &server {
        println!("\nthe same shop {}:", server.how());
        let store = Store::open(&server.url).map_err(|e| e.to_string())?;
        pass &= measure(&store, "PostgreSQL", scale)?;
    }
    Ok(pass)
}

/// Times the queue on `store` and prints the figures; whether the target is met.
fn measure(store: &Store, backend: &str, scale: courtesy_demo::Scale) -> Result<bool, String> {
    let policy = CallPolicy::default();
    let actor = Actor::new("bench", AuditSource::Cli, now());
    let err = |e: courtesy_store::StoreError| e.to_string();

    let started = Instant::now();
    let first = store
        .refresh_call_queue(&policy, now(), &actor)
        .map_err(err)?;
    let first_ms = ms(started.elapsed());

    let (mut refresh, mut list, mut both, mut raw) = (vec![], vec![], vec![], vec![]);
    let (mut listed, mut raw_found) = (0, 0);
    for round in 0..=ROUNDS {
        let t = Instant::now();
        store
            .refresh_call_queue(&policy, now(), &actor)
            .map_err(err)?;
        let r = ms(t.elapsed());
        let t = Instant::now();
        listed = store.calls_due(now(), 50).map_err(err)?.len();
        let l = ms(t.elapsed());
        let t = Instant::now();
        // The bare query is SQLite's own (the comparison with SQLite alone).
        if backend == "SQLite" {
            raw_found = store
                .call_candidates_raw(&policy, now(), 50)
                .map_err(err)?
                .len();
        }
        let q = ms(t.elapsed());
        if round > 0 {
            refresh.push(r);
            list.push(l);
            both.push(r + l);
            raw.push(q);
        }
    }
    println!(
        "Courtesy call queue on {backend}: {} customers, {} orders, at {}",
        scale.customers,
        scale.orders,
        now().to_rfc3339()
    );
    println!(
        "first refresh: {first_ms:.1} ms ({} orders looked at, {} calls queued, {} closed)",
        first.orders_seen, first.created, first.closed
    );
    println!("{ROUNDS} rounds after a warm-up round:");
    println!("{:<40} {:>8} {:>8} {:>8}   (ms)", "", "p50", "p95", "max");
    let mut rows = vec![
        ("refresh_call_queue (nothing new)", &refresh),
        ("calls_due(now, 50)", &list),
        ("refresh + calls_due", &both),
    ];
    if backend == "SQLite" {
        rows.push(("one bare SQL query (candidates)", &raw));
    }
    for (label, s) in rows {
        println!(
            "{label:<40} {:>8.2} {:>8.2} {:>8.2}",
            p(s, 50.0),
            p(s, 95.0),
            p(s, 100.0)
        );
    }
    println!("calls listed: {listed}; bare SQL candidates after the refresh: {raw_found}");
    let pass = p(&both, 95.0) <= TARGET_MS;
    println!(
        "target on {backend}: refresh + calls_due p95 ≤ {TARGET_MS} ms: {}",
        if pass { "met" } else { "MISSED" }
    );
    Ok(pass)
}

fn main() -> ExitCode {
    harness::bench_main("calls", run)
}
