//! Opening the database file: refuse what is not ours, keep a copy before an
//! upgrade, migrate, and set up one writer and a few readers over WAL.

use crate::db::{server, Connection as Db};
use crate::error::{Result, StoreError};
use crate::migrations::{migrate, schema_version, LATEST_VERSION};
use crate::migrations::{migrate_postgres, postgres_version};
use crate::Store;
use rusqlite::{config::DbConfig, functions::FunctionFlags, Connection, OpenFlags};
use std::fs::File;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::Duration;

const SQLITE_MAGIC: &[u8; 16] = b"SQLite format 3\0";
const READERS: usize = 3;
const BUSY_TIMEOUT: Duration = Duration::from_secs(5);
/// Prepared statements kept per connection; an import alone uses a few dozen,
/// and re-preparing them for every record would cost more than running them.
const STATEMENT_CACHE: usize = 256;

/// Refuses an existing, non-empty file whose header is not SQLite's, before SQLite
/// gets a chance to write anything to it.
fn check_header(path: &Path) -> Result<()> {
    let mut file = match File::open(path) {
        Ok(f) => f,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        Err(source) => {
            return Err(StoreError::Io {
                action: "reading",
                path: path.into(),
                source,
            })
        }
    };
    let mut head = Vec::with_capacity(16);
    (&mut file)
        .take(16)
        .read_to_end(&mut head)
        .map_err(|source| StoreError::Io {
            action: "reading",
            path: path.into(),
            source,
        })?;
    if head.is_empty() || head == SQLITE_MAGIC {
        Ok(())
    } else {
        Err(StoreError::NotADatabase { path: path.into() })
    }
}

fn not_a_database(path: &Path, e: rusqlite::Error) -> StoreError {
    match e.sqlite_error_code() {
        Some(rusqlite::ErrorCode::NotADatabase) => StoreError::NotADatabase { path: path.into() },
        _ => e.into(),
    }
}

/// Registers `fold(text)` (the search folding of `courtesy_core`) and `digits(text)`,
/// used to build the search index.
fn register_functions(conn: &Connection) -> rusqlite::Result<()> {
    conn.create_scalar_function(
        "fold",
        1,
        FunctionFlags::SQLITE_UTF8 | FunctionFlags::SQLITE_DETERMINISTIC,
        |ctx| {
            let text: Option<String> = ctx.get(0)?;
            Ok(courtesy_core::fold_for_search(
                text.as_deref().unwrap_or(""),
            ))
        },
    )?;
    conn.create_scalar_function(
        "digits",
        1,
        FunctionFlags::SQLITE_UTF8 | FunctionFlags::SQLITE_DETERMINISTIC,
        |ctx| {
            let text: Option<String> = ctx.get(0)?;
            Ok(text
                .unwrap_or_default()
                .chars()
                .filter(char::is_ascii_digit)
                .collect::<String>())
        },
    )
}

/// Where the copy made before upgrading from `from_version` goes.
pub fn backup_path(path: &Path, from_version: i64) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(format!(
        ".before-v{LATEST_VERSION}-from-v{from_version}.bak"
    ));
    path.with_file_name(name)
}

impl Store {
    /// Opens (creating if missing) the database at `path` and brings it to the
    /// current schema. A file that is not SQLite, or one from a newer app, is
    /// refused with the file left byte-for-byte as it was.
    pub fn open(path: &Path) -> Result<Store> {
        if let Some(url) = path.to_str().filter(|p| server::is_server_url(p)) {
            return Store::open_server(url);
        }
        check_header(path)?;
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(|source| StoreError::Io {
                action: "creating the folder",
                path: dir.into(),
                source,
            })?;
        }
        let mut writer = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_WRITE
                | OpenFlags::SQLITE_OPEN_CREATE
                | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?;
        writer.busy_timeout(BUSY_TIMEOUT)?;
        writer.set_prepared_statement_cache_capacity(STATEMENT_CACHE);
        let found = schema_version(&writer).map_err(|e| not_a_database(path, e))?;
        if found > LATEST_VERSION {
            return Err(StoreError::TooNew {
                path: path.into(),
                found,
                supported: LATEST_VERSION,
            });
        }
        writer
            .pragma_update(None, "journal_mode", "WAL")
            .map_err(|e| not_a_database(path, e))?;
        writer.pragma_update(None, "foreign_keys", "ON")?;
        writer.pragma_update(None, "synchronous", "NORMAL")?;
        // Imports touch many pages: a 32 MB cache and fewer, larger checkpoints.
        writer.pragma_update(None, "cache_size", -32_768)?;
        writer.pragma_update(None, "wal_autocheckpoint", 10_000)?;
        // Plans that do not depend on bound values: otherwise a statement whose
        // plan looked at a value is re-prepared every time it comes back from
        // the statement cache (which clears its bindings).
        writer.set_db_config(DbConfig::SQLITE_DBCONFIG_ENABLE_QPSG, true)?;
        if found > 0 && found < LATEST_VERSION {
            let copy = backup_path(path, found);
            let _ = std::fs::remove_file(&copy);
            writer.execute("VACUUM INTO ?1", [copy.to_string_lossy()])?;
        }
        migrate(&mut writer)?;
        register_functions(&writer)?;

        let mut readers = Vec::with_capacity(READERS);
        for _ in 0..READERS {
            let r = Connection::open_with_flags(
                path,
                OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
            )?;
            r.busy_timeout(BUSY_TIMEOUT)?;
            r.set_prepared_statement_cache_capacity(STATEMENT_CACHE);
            r.pragma_update(None, "query_only", "ON")?;
            // Searches touch scattered customer rows: keep more pages in memory
            // (32 MB of cache) and read the file through a memory map.
            r.pragma_update(None, "cache_size", -32_000)?;
            r.pragma_update(None, "mmap_size", 256 * 1024 * 1024)?;
            readers.push(Mutex::new(Db::Sqlite(r)));
        }
        let store = Store {
            path: path.to_path_buf(),
            desk: Store::new_desk(),
            writer: Mutex::new(Db::Sqlite(writer)),
            readers,
        };
        // A process that died mid-import may have left search rows and
        // customer figures behind its committed batches.
        store.settle_after_crash()?;
        Ok(store)
    }
}

/// A connection to the server at `url`: the writer's, or a reader's, whose
/// transactions are read-only.
pub(crate) fn server_connection(url: &str, reader: bool) -> crate::db::Result<Db> {
    let conn = Db::Postgres(Box::new(server::connect(url)?));
    if reader {
        conn.execute_batch("SET default_transaction_read_only = on")?;
    }
    Ok(conn)
}

impl Store {
    /// Opens the PostgreSQL database at `url` (`postgres://user:password@host/db`)
    /// and brings it to the current schema, creating it in an empty database.
    /// A database from a newer app is refused untouched.
    pub fn open_server(url: &str) -> Result<Store> {
        let shown = PathBuf::from(server::redacted(url));
        let location = PathBuf::from(url);
        let writer = server_connection(url, false).map_err(|e| unreachable_at(url, e))?;
        let found = postgres_version(&writer)?;
        if found > LATEST_VERSION {
            return Err(StoreError::TooNew {
                path: shown,
                found,
                supported: LATEST_VERSION,
            });
        }
        if found < LATEST_VERSION {
            migrate_postgres(&writer)?;
        }
        let mut readers = Vec::with_capacity(READERS);
        for _ in 0..READERS {
            readers.push(Mutex::new(server_connection(url, true)?));
        }
        let store = Store {
            path: location,
            desk: Store::new_desk(),
            writer: Mutex::new(writer),
            readers,
        };
        store.settle_after_crash()?;
        Ok(store)
    }
}

/// What a server database holds, looked at without changing it: whether it is
/// empty, a Courtesy database (and of which schema), and how big a shop.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct ServerContents {
    /// Where (without the password).
    pub location: String,
    /// Its Courtesy schema version; 0 when it has none yet.
    #[ts(type = "number")]
    pub schema_version: i64,
    /// The newest schema this build knows.
    #[ts(type = "number")]
    pub supported_version: i64,
    /// Customers in it (0 without a schema).
    #[ts(type = "number")]
    pub customers: i64,
    /// Other tables in it, not Courtesy's: a database for something else.
    #[ts(type = "number")]
    pub foreign_tables: i64,
    /// The server's own version, e.g. `PostgreSQL 15.18`.
    pub server_version: String,
}

/// A server that could not be connected to, as people are shown it.
fn unreachable_at(url: &str, e: crate::db::DbError) -> StoreError {
    StoreError::Unreachable {
        location: server::redacted(url),
        reason: e.to_string(),
    }
}

impl Store {
    /// Connects to the PostgreSQL database at `url` and says what it holds,
    /// writing nothing (a desk deciding whether to join it or move its shop
    /// there).
    pub fn inspect_server(url: &str) -> Result<ServerContents> {
        let location = server::redacted(url);
        let conn = server_connection(url, true).map_err(|e| unreachable_at(url, e))?;
        let schema_version = postgres_version(&conn)?;
        let customers = if schema_version > 0 {
            conn.query_row("SELECT count(*) FROM customers", [], |r| r.get(0))?
        } else {
            0
        };
        let foreign_tables = if schema_version > 0 {
            0
        } else {
            conn.query_row(
                "SELECT count(*) FROM information_schema.tables
                 WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'",
                [],
                |r| r.get(0),
            )?
        };
        let server_version: String =
            conn.query_row("SELECT current_setting('server_version')", [], |r| r.get(0))?;
        Ok(ServerContents {
            location,
            schema_version,
            supported_version: LATEST_VERSION,
            customers,
            foreign_tables,
            server_version: format!("PostgreSQL {server_version}"),
        })
    }
}

impl Store {
    /// The open database's schema version.
    pub fn schema(&self) -> Result<i64> {
        self.read(|c| match c.sqlite() {
            Some(file) => Ok(schema_version(file)?),
            None => postgres_version(c),
        })
    }
}
