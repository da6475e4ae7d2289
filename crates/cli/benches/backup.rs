//! A backup of the largest shop Courtesy is built for (100,000 customers,
//! 1,000,000 orders; the search benchmark's cached shop): `Store::back_up_to`
//! — the online backup API in one step from a connection of its own, then
//! `PRAGMA integrity_check` and the counts of what it holds — beside `sqlite3
//! SRC ".backup DST"` (the same API, nothing checked) of the same file, in one
//! run: seconds and MB of each, and how long the check alone takes.
//!
//! `cargo bench -p courtesy-cli --bench backup`. Environment as for the search
//! benchmark: `COURTESY_BENCH_CUSTOMERS` / `COURTESY_BENCH_ORDERS`.

#[path = "common/harness.rs"]
mod harness;

#[path = "search/shop.rs"]
mod shop;

#[path = "common/working_copy.rs"]
mod working_copy;
use working_copy::working_copy;

use courtesy_core::backup_rotation::BackupReason;
use courtesy_store::Store;
use std::path::Path;
use std::process::{Command, ExitCode};
use std::time::Instant;

fn megabytes(file: &Path) -> f64 {
    std::fs::metadata(file).map_or(0.0, |m| m.len() as f64 / 1_000_000.0)
}

fn run() -> Result<bool, String> {
    let scale = shop::scale()?;
    let (db, _built) = shop::database(scale)?;
    let copy = working_copy(&db, "courtesy-backup-bench")?;
    let dir = copy.parent().ok_or("no folder")?.to_path_buf();
    let store = Store::open(&copy).map_err(|e| e.to_string())?;
    let ours = dir.join("courtesy-backup.sqlite");
    let theirs = dir.join("sqlite3-backup.sqlite");
    for f in [&ours, &theirs] {
        let _ = std::fs::remove_file(f);
    }
    println!(
        "Backing up the shop: {} customers, {} orders ({:.0} MB file plus its WAL)",
        scale.customers,
        scale.orders,
        megabytes(&copy)
    );

    let started = Instant::now();
    let info = store
        .back_up_to(&ours, BackupReason::Manual, chrono::Utc::now())
        .map_err(|e| e.to_string())?;
    let ours_s = started.elapsed().as_secs_f64();
    let started = Instant::now();
    courtesy_store::inspect_backup(&ours).map_err(|e| e.to_string())?;
    let check_s = started.elapsed().as_secs_f64();

    let started = Instant::now();
    let status = Command::new("sqlite3")
        .arg(&copy)
        .arg(format!(".backup '{}'", theirs.display()))
        .status()
        .map_err(|e| format!("running sqlite3 (install the sqlite3 package): {e}"))?;
    let theirs_s = started.elapsed().as_secs_f64();
    if !status.success() {
        return Err(format!("sqlite3 .backup failed: {status}"));
    }

    println!("{:<52} {:>9} {:>9}", "", "seconds", "MB");
    println!(
        "{:<52} {:>9.2} {:>9.1}",
        "Courtesy backup (copy + integrity check + counts)",
        ours_s,
        megabytes(&ours)
    );
    println!(
        "{:<52} {:>9.2} {:>9.1}",
        "sqlite3 .backup (online backup API, unchecked)",
        theirs_s,
        megabytes(&theirs)
    );
    println!(
        "{:<52} {:>9.2}",
        "  of which the check (integrity_check + counts)", check_s
    );
    println!(
        "the backup holds {} customers, {} orders, {} calls, {} gift plans, {} cards (schema {})",
        info.counts.customers,
        info.counts.orders,
        info.counts.calls,
        info.counts.gift_plans,
        info.counts.cards,
        info.schema_version
    );
    for f in [&ours, &theirs] {
        let _ = std::fs::remove_file(f);
        let _ = std::fs::remove_file(format!("{}.json", f.display()));
    }
    Ok(true)
}

fn main() -> ExitCode {
    harness::bench_main("backup", run)
}
