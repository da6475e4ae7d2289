//! `courtesy demo`: fills an empty database with the demo shop.

use crate::failure::Failure;
use chrono::{DateTime, Utc};
use clap::builder::TypedValueParser;
use courtesy_demo::{Scale, DEFAULT_SEED};
use courtesy_desk::{Desk, SystemClock};
use courtesy_store::{AuditSource, Store};
use std::path::Path;
use std::time::Instant;

/// Options of `courtesy demo`.
#[derive(Debug, clap::Args)]
pub struct DemoArgs {
    /// Seed of the generator: the same seed gives the same shop.
    #[arg(long, default_value_t = DEFAULT_SEED)]
    seed: u64,
    /// Number of customers.
    #[arg(long, default_value_t = Scale::DEMO.customers, value_parser = clap::value_parser!(u32).range(1..).map(|n| n as usize))]
    customers: usize,
    /// Number of orders, spread over the last two years.
    #[arg(long, default_value_t = Scale::DEMO.orders)]
    orders: usize,
    /// When the database already has customers, say so and succeed without
    /// changing it (instead of failing).
    #[arg(long)]
    if_empty: bool,
    /// Only the customers, orders and today's call queue: no gift catalogue,
    /// policy, planned gifts and cards or past calls.
    #[arg(long)]
    bare: bool,
    /// The moment the shop's history ends (RFC 3339), instead of now; for tests.
    #[arg(long, hide = true, value_parser = parse_now)]
    now: Option<DateTime<Utc>>,
}

fn parse_now(text: &str) -> Result<DateTime<Utc>, String> {
    DateTime::parse_from_rfc3339(text)
        .map(|t| t.with_timezone(&Utc))
        .map_err(|e| format!("'{text}' is not an RFC 3339 time such as 2026-11-26T08:00:00Z: {e}"))
}

/// Generates the demo shop and writes it into the database at `path`, which must
/// have no customers yet.
pub fn run(path: &Path, args: &DemoArgs) -> Result<(), Failure> {
    let store = Store::open(path)?;
    let existing = store.customer_count()?;
    if existing > 0 {
        let message = format!(
            "{} already has data ({existing} customers); the demo shop only goes into an empty database",
            store.location()
        );
        if args.if_empty {
            println!("{message}; left as it was.");
            return Ok(());
        }
        return Err(Failure::Usage(format!(
            "{message} (choose another --db, or pass --if-empty to skip quietly)"
        )));
    }
    let scale = Scale {
        customers: args.customers,
        orders: args.orders,
    };
    let started = Instant::now();
    let desk = Desk::new(&store, &SystemClock, AuditSource::Cli);
    let loaded = desk.load_demo(args.seed, scale, args.now, args.bare)?;
    println!(
        "Demo shop (seed {}) written to {}: {} products, {} customers, {} orders, \
         {} calls queued, {} gifts, {} orders with gifts or cards, {} calls made (in {:.1} s).",
        args.seed,
        store.location(),
        loaded.products,
        loaded.customers,
        loaded.orders,
        loaded.calls,
        loaded.gifts,
        loaded.planned_orders,
        loaded.call_attempts,
        started.elapsed().as_secs_f64()
    );
    Ok(())
}
