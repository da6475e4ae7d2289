//! As-you-type customer search on the largest shop Courtesy is built for:
//! 100,000 customers and 1,000,000 orders.
//!
//! Builds that shop once with the demo generator (cached in Cargo's target tmp
//! folder, keyed by scale, seed, schema and generator version), derives about 300
//! queries from real customers the way staff type them — surname prefixes with
//! and without diacritics, Cyrillic and transliterated, e-mail fragments, phone
//! numbers in formats other than the stored one, order numbers — and times
//! `Store::search_customers(q, 50)` beside the bare FTS5 query it is built on.
//! The target is p95 ≤ 5 ms.
//!
//! `cargo bench -p courtesy-cli --bench search`. Environment:
//! `COURTESY_BENCH_CUSTOMERS` / `COURTESY_BENCH_ORDERS` for another scale,
//! `COURTESY_BENCH_STRICT=1` to exit with status 1 when the target is missed.
//! The report is also written to `bench/out/`.

#[path = "../common/harness.rs"]
mod harness;

#[path = "../common/server_copy.rs"]
mod server_copy;

mod queries;
mod report;
mod shop;
mod timing;

use courtesy_store::Store;
use std::path::Path;
use std::process::ExitCode;

fn run() -> Result<bool, String> {
    let scale = shop::scale()?;
    let (db, built) = shop::database(scale)?;
    let store = Store::open(&db).map_err(|e| e.to_string())?;
    let queries = queries::queries(&store)?;
    let timings = timing::measure(&store, &queries)?;
    let (mut text, mut pass) = report::report(
        "SQLite",
        scale,
        &store.location(),
        built,
        &queries,
        &timings,
    );
    println!("{text}");
    drop(store);
    if let Some(server) = server_copy::postgres_copy(&db, "courtesy-search-bench")? {
        println!("\nthe same shop {}", server.how());
        let store = Store::open(&server.url).map_err(|e| e.to_string())?;
        let timings = timing::measure(&store, &queries)?;
        let (pg_text, pg_pass) = report::report(
            "PostgreSQL",
            scale,
            &store.location(),
            server.copied_in,
            &queries,
            &timings,
        );
        println!("\n{pg_text}");
        text = format!("{text}\n{pg_text}");
        pass &= pg_pass;
    }
    let workspace = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let out_dir = workspace
        .canonicalize()
        .unwrap_or(workspace)
        .join("bench/out");
    let file = out_dir.join(format!("search-c{}-o{}.txt", scale.customers, scale.orders));
    match std::fs::create_dir_all(&out_dir).and_then(|()| std::fs::write(&file, &text)) {
        Ok(()) => println!("report written to {}", file.display()),
        Err(e) => eprintln!("warning: could not write {}: {e}", file.display()),
    }
    Ok(pass)
}

fn main() -> ExitCode {
    harness::bench_main("search", run)
}
