//! Databases for tests, on the backend the test run chose: an SQLite file in
//! the test's folder, or, when `COURTESY_TEST_DATABASE` holds a `postgres://`
//! URL (of a throwaway cluster, see `scripts/postgres.sh`), a new database of
//! its own on that server. A new server database is copied from a template that
//! is migrated once per run, so each test starts from an empty shop at the
//! current schema in a few milliseconds.

use crate::db::server::{connect, is_server_url};
use crate::db::Connection;
use crate::error::Result;
use crate::Store;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU32, Ordering};

/// The environment variable naming the test server.
pub const TEST_DATABASE_VAR: &str = "COURTESY_TEST_DATABASE";

/// The template every test database is copied from.
const TEMPLATE: &str = "courtesy_template";

/// The test server's URL, when the run uses PostgreSQL.
pub fn test_server() -> Option<String> {
    std::env::var(TEST_DATABASE_VAR)
        .ok()
        .filter(|url| is_server_url(url))
}

/// Whether this test run uses PostgreSQL.
pub fn on_postgres() -> bool {
    test_server().is_some()
}

/// Where a test's database named `name` lives: `dir/name` on SQLite, else
/// the URL of a new, empty database on the test server.
pub fn scratch_database(dir: &Path, name: &str) -> PathBuf {
    match test_server() {
        None => dir.join(name),
        Some(server) => PathBuf::from(new_server_database(&server).unwrap_or_else(|e| {
            panic!(
                "a test database on {}: {e}",
                crate::db::server::redacted(&server)
            )
        })),
    }
}

/// The URL of `url` with its database changed to `database`.
fn with_database(url: &str, database: &str) -> String {
    let mut u = url::Url::parse(url).expect("the test server's URL parses");
    u.set_path(&format!("/{database}"));
    u.to_string()
}

/// Creates a new database from the template (making the template first, once
/// per server, under an advisory lock so parallel tests wait for each other).
fn new_server_database(server: &str) -> Result<String> {
    static NEXT: AtomicU32 = AtomicU32::new(0);
    let admin = Connection::Postgres(Box::new(connect(server)?));
    admin.execute_batch("SELECT pg_advisory_lock(727274)")?;
    let exists: bool = admin.query_row(
        "SELECT EXISTS (SELECT 1 FROM pg_database WHERE datname = ?1)",
        [TEMPLATE],
        |r| r.get(0),
    )?;
    if !exists {
        admin.execute_batch(&format!("CREATE DATABASE {TEMPLATE}_new"))?;
        drop(Store::open_server(&with_database(
            server,
            &format!("{TEMPLATE}_new"),
        ))?);
        admin.execute_batch(&format!(
            "ALTER DATABASE {TEMPLATE}_new RENAME TO {TEMPLATE}"
        ))?;
    }
    let name = format!(
        "courtesy_test_{}_{}_{}",
        std::process::id(),
        NEXT.fetch_add(1, Ordering::Relaxed),
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.subsec_nanos())
            .unwrap_or(0)
    );
    let created = admin.execute_batch(&format!("CREATE DATABASE {name} TEMPLATE {TEMPLATE}"));
    admin.execute_batch("SELECT pg_advisory_unlock(727274)")?;
    created?;
    Ok(with_database(server, &name))
}

/// A bare connection to the database at `location` (a file or a server URL),
/// for tests that look at the rows themselves.
pub fn raw_connection(location: &Path) -> Result<Connection> {
    Ok(match location.to_str().filter(|l| is_server_url(l)) {
        Some(url) => Connection::Postgres(Box::new(connect(url)?)),
        None => Connection::Sqlite(rusqlite::Connection::open(location)?),
    })
}

/// Whether `needle` occurs anywhere in the database at `location`: in the bytes
/// of an SQLite file and its WAL, or in any row of any table on a server.
pub fn database_holds(location: &Path, needle: &str) -> Result<bool> {
    let Some(url) = location.to_str().filter(|l| is_server_url(l)) else {
        let mut wal = location.as_os_str().to_owned();
        wal.push("-wal");
        return Ok([location.to_path_buf(), PathBuf::from(wal)]
            .iter()
            .filter_map(|f| std::fs::read(f).ok())
            .any(|bytes| bytes.windows(needle.len()).any(|w| w == needle.as_bytes())));
    };
    let conn = Connection::Postgres(Box::new(connect(url)?));
    let tables: Vec<String> = conn
        .prepare(
            "SELECT CAST(table_name AS TEXT) FROM information_schema.tables
             WHERE table_schema = 'public' AND table_type = 'BASE TABLE'",
        )?
        .query_map([], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    for table in tables {
        let hits: i64 = conn.query_row(
            &format!("SELECT count(*) FROM \"{table}\" t WHERE strpos(CAST(t.* AS TEXT), ?1) > 0"),
            [needle],
            |r| r.get(0),
        )?;
        if hits > 0 {
            return Ok(true);
        }
    }
    Ok(false)
}

/// Runs `scripts/postgres.sh ACTION DIR` (`start`, `stop`, `resume` a
/// throwaway cluster in DIR); the last line it printed (`start`: the URL).
pub fn cluster(action: &str, dir: &Path) -> std::result::Result<String, String> {
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../scripts/postgres.sh");
    let out = std::process::Command::new("bash")
        .arg(script)
        .arg(action)
        .arg(dir)
        .output()
        .map_err(|e| format!("postgres.sh {action}: {e}"))?;
    if !out.status.success() {
        return Err(format!(
            "postgres.sh {action}: {}",
            String::from_utf8_lossy(&out.stderr)
        ));
    }
    Ok(String::from_utf8_lossy(&out.stdout)
        .lines()
        .last()
        .unwrap_or_default()
        .to_string())
}
