//! The benchmark shop: generated once with the demo generator and cached in
//! Cargo's target tmp folder, keyed by scale, seed, schema and generator version.
//! A shop cached under an older schema is upgraded on a copy instead of rebuilt.

use chrono::{DateTime, Utc};
use courtesy_demo::{generate, Scale, GENERATOR_VERSION};
use courtesy_store::{Actor, AuditSource, Store, LATEST_VERSION};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// The generator's seed.
pub const SEED: u64 = 7;

/// The history ends at a fixed moment, so a cached database stays the same shop.
fn history_end() -> DateTime<Utc> {
    DateTime::from_timestamp(1_767_268_800, 0).unwrap_or_default() // 2026-01-01T12:00:00Z
}

fn env_count(name: &str, default: usize) -> Result<usize, String> {
    match std::env::var(name) {
        Ok(v) => v
            .trim()
            .replace('_', "")
            .parse()
            .map_err(|_| format!("{name}={v} is not a number")),
        Err(_) => Ok(default),
    }
}

pub fn scale() -> Result<Scale, String> {
    Ok(Scale {
        customers: env_count("COURTESY_BENCH_CUSTOMERS", Scale::BENCHMARK.customers)?,
        orders: env_count("COURTESY_BENCH_ORDERS", Scale::BENCHMARK.orders)?,
    })
}

fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_os_string();
    name.push(suffix);
    PathBuf::from(name)
}

/// The benchmark database for `scale`, built (or upgraded from an older schema)
/// when it is not cached yet. Returns its path and how long that took (`None`
/// when reused).
pub fn database(scale: Scale) -> Result<(PathBuf, Option<Duration>), String> {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("courtesy-search-bench");
    std::fs::create_dir_all(&dir).map_err(|e| format!("creating {}: {e}", dir.display()))?;
    let name = format!(
        "shop-c{}-o{}-seed{SEED}-schema{LATEST_VERSION}-gen{GENERATOR_VERSION}.sqlite",
        scale.customers, scale.orders
    );
    let path = dir.join(name);
    if path.exists() {
        return Ok((path, None));
    }
    // Build under another name and rename when complete, so an interrupted build
    // is never mistaken for a finished one.
    let partial = with_suffix(&path, ".partial");
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(with_suffix(&partial, suffix));
    }
    let started = Instant::now();
    if let Some(older) = older_schema(&dir, scale) {
        eprintln!("upgrading the cached benchmark shop {}…", older.display());
        for suffix in ["", "-wal"] {
            let from = with_suffix(&older, suffix);
            if from.exists() {
                std::fs::copy(&from, with_suffix(&partial, suffix))
                    .map_err(|e| format!("copying {}: {e}", from.display()))?;
            }
        }
        drop(Store::open(&partial).map_err(|e| e.to_string())?);
        return finish(&partial, &path, started);
    }
    eprintln!(
        "building the benchmark shop ({} customers, {} orders)…",
        scale.customers, scale.orders
    );
    let shop = generate(history_end(), SEED, scale);
    eprintln!(
        "  generated in {:.1} s; writing {}",
        started.elapsed().as_secs_f64(),
        partial.display()
    );
    {
        let store = Store::open(&partial).map_err(|e| e.to_string())?;
        store
            .load_shop(
                &shop.products,
                &shop.customers,
                &shop.orders,
                &Actor::new("bench", AuditSource::Cli, history_end()),
            )
            .map_err(|e| e.to_string())?;
    }
    drop(shop);
    finish(&partial, &path, started)
}

/// The same shop cached under the newest older schema, if any: upgrading a copy
/// is much quicker than building the shop again.
fn older_schema(dir: &Path, scale: Scale) -> Option<PathBuf> {
    (1..LATEST_VERSION).rev().find_map(|v| {
        let older = dir.join(format!(
            "shop-c{}-o{}-seed{SEED}-schema{v}-gen{GENERATOR_VERSION}.sqlite",
            scale.customers, scale.orders
        ));
        older.exists().then_some(older)
    })
}

/// Moves the finished `partial` database to `path` (and drops the copy the
/// store keeps before an upgrade).
fn finish(
    partial: &Path,
    path: &Path,
    started: Instant,
) -> Result<(PathBuf, Option<Duration>), String> {
    for v in 1..LATEST_VERSION {
        let _ = std::fs::remove_file(courtesy_store::backup_path(partial, v));
    }
    for suffix in ["", "-wal", "-shm"] {
        let from = with_suffix(partial, suffix);
        if from.exists() {
            std::fs::rename(&from, with_suffix(path, suffix))
                .map_err(|e| format!("renaming {}: {e}", from.display()))?;
        }
    }
    let took = started.elapsed();
    eprintln!("  ready in {:.1} s", took.as_secs_f64());
    Ok((path.to_path_buf(), Some(took)))
}
