//! The benchmark shop on PostgreSQL, to time the same work beside SQLite in one
//! run: a throwaway cluster from the OS packages (`scripts/postgres.sh`, on
//! 127.0.0.1, stopped when the benchmark ends) and the cached SQLite shop
//! copied into it with `Store::copy_into` (what `courtesy db copy` does).
//! `COURTESY_BENCH_POSTGRES=0` leaves PostgreSQL out.

use courtesy_store::testing::cluster;
use courtesy_store::Store;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// A running cluster; stopped when dropped.
pub struct Server {
    dir: PathBuf,
    /// The URL of the database holding the copied shop.
    pub url: PathBuf,
    /// How long the copy took.
    pub copied_in: Duration,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = cluster("stop", &self.dir);
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// Starts a cluster and copies the shop at `db` into it, unless PostgreSQL is
/// left out.
pub fn postgres_copy(db: &Path, name: &str) -> Result<Option<Server>, String> {
    if std::env::var("COURTESY_BENCH_POSTGRES").is_ok_and(|v| v == "0") {
        return Ok(None);
    }
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("{name}-postgres"));
    let _ = cluster("stop", &dir);
    let _ = std::fs::remove_dir_all(&dir);
    let url = PathBuf::from(cluster("start", &dir)?);
    let mut server = Server {
        dir,
        url,
        copied_in: Duration::ZERO,
    };
    let source = Store::open(db).map_err(|e| e.to_string())?;
    let dest = Store::open(&server.url).map_err(|e| e.to_string())?;
    let started = Instant::now();
    source
        .copy_into(&dest, &mut |_| {})
        .map_err(|e| format!("copying the shop into PostgreSQL: {e}"))?;
    server.copied_in = started.elapsed();
    Ok(Some(server))
}
