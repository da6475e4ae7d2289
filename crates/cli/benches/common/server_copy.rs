//! The benchmark shop on PostgreSQL, to time the same work beside SQLite in one
//! run: a throwaway cluster from the OS packages (`scripts/postgres.sh`, on
//! 127.0.0.1, stopped when the benchmark ends) and the cached SQLite shop
//! copied into it with `Store::copy_into` (what `courtesy db copy` does).
//! `COURTESY_BENCH_POSTGRES=0` leaves PostgreSQL out;
//! `COURTESY_BENCH_POSTGRES=postgres://…` uses that database as it is, which
//! must already hold a copy of the same shop (to time again without copying).

use courtesy_store::testing::cluster;
use courtesy_store::Store;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// A running cluster; stopped when dropped.
pub struct Server {
    /// The cluster's folder, when this run started it.
    dir: Option<PathBuf>,
    /// The URL of the database holding the copied shop.
    pub url: PathBuf,
    /// How long the copy took (`None`: a database given to reuse).
    pub copied_in: Option<Duration>,
}

impl Server {
    /// How the shop came to be on the server, for the report.
    pub fn how(&self) -> String {
        match self.copied_in {
            Some(d) => format!("copied into PostgreSQL in {:.1} s", d.as_secs_f64()),
            None => "on PostgreSQL, in a database given to reuse".to_string(),
        }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        if let Some(dir) = &self.dir {
            let _ = cluster("stop", dir);
            let _ = std::fs::remove_dir_all(dir);
        }
    }
}

/// Starts a cluster and copies the shop at `db` into it, unless PostgreSQL is
/// left out.
pub fn postgres_copy(db: &Path, name: &str) -> Result<Option<Server>, String> {
    match std::env::var("COURTESY_BENCH_POSTGRES") {
        Ok(v) if v == "0" => return Ok(None),
        Ok(url) if url.starts_with("postgres") => {
            return Ok(Some(Server {
                dir: None,
                url: PathBuf::from(url),
                copied_in: None,
            }))
        }
        _ => {}
    }
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("{name}-postgres"));
    let _ = cluster("stop", &dir);
    let _ = std::fs::remove_dir_all(&dir);
    let url = PathBuf::from(cluster("start", &dir)?);
    let mut server = Server {
        dir: Some(dir),
        url,
        copied_in: None,
    };
    let source = Store::open(db).map_err(|e| e.to_string())?;
    let dest = Store::open(&server.url).map_err(|e| e.to_string())?;
    let started = Instant::now();
    source
        .copy_into(&dest, &mut |_| {})
        .map_err(|e| format!("copying the shop into PostgreSQL: {e}"))?;
    server.copied_in = Some(started.elapsed());
    Ok(Some(server))
}
