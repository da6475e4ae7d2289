//! Schema migrations, one versioned list for both backends. On SQLite the
//! version is `PRAGMA user_version` and each step runs in its own IMMEDIATE
//! transaction, so a crash leaves the database at the previous version. On
//! PostgreSQL it is the `schema_version` table; a new database starts with the
//! step that builds the schema at [`POSTGRES_BASE`], and each later version has
//! a step per backend. The steps run in one transaction under the writers'
//! advisory lock, so two desks starting at once migrate once.

use crate::db::Connection as Db;
use crate::error::{Result, StoreError};
use crate::transaction::Writing;
use rusqlite::{Connection, TransactionBehavior};

/// The migration steps in order; step `i` brings the schema to version `i + 1`.
const STEPS: &[&str] = &[
    include_str!("migrations/v001_customers_orders.sql"),
    include_str!("migrations/v002_import_runs.sql"),
    include_str!("migrations/v003_dispatch.sql"),
    include_str!("migrations/v004_calls.sql"),
    include_str!("migrations/v005_call_queue.sql"),
    include_str!("migrations/v006_gifts.sql"),
    include_str!("migrations/v007_orders_by_customer_covering.sql"),
    include_str!("migrations/v008_refunds_and_import_reports.sql"),
    include_str!("migrations/v009_shop_sync.sql"),
    include_str!("migrations/v010_several_desks.sql"),
    include_str!("migrations/v011_customer_privacy.sql"),
];

/// The first schema version PostgreSQL databases have, built in one step.
pub const POSTGRES_BASE: i64 = 9;

/// The PostgreSQL steps: the base, then one per version after it.
const POSTGRES_STEPS: &[&str] = &[
    include_str!("migrations/pg/v009_base.sql"),
    include_str!("migrations/pg/v010_several_desks.sql"),
    include_str!("migrations/pg/v011_customer_privacy.sql"),
];

/// The schema version this build writes.
pub const LATEST_VERSION: i64 = STEPS.len() as i64;

const _: () = assert!(POSTGRES_BASE + POSTGRES_STEPS.len() as i64 - 1 == LATEST_VERSION);

/// Reads the schema version of an open SQLite database.
pub fn schema_version(conn: &Connection) -> rusqlite::Result<i64> {
    conn.pragma_query_value(None, "user_version", |r| r.get(0))
}

/// Applies every step newer than the database's version. Another process may be
/// migrating at the same time: the version is read again under the write lock.
pub fn migrate(conn: &mut Connection) -> Result<()> {
    for (i, sql) in STEPS.iter().enumerate() {
        let version = i as i64 + 1;
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        if schema_version(&tx)? >= version {
            continue;
        }
        tx.execute_batch(sql)
            .and_then(|()| tx.pragma_update(None, "user_version", version))
            .map_err(|source| StoreError::Migration {
                version,
                source: source.into(),
            })?;
        tx.commit().map_err(|source| StoreError::Migration {
            version,
            source: source.into(),
        })?;
    }
    Ok(())
}

/// The schema version of a PostgreSQL database; 0 for an empty one.
pub(crate) fn postgres_version(conn: &Db) -> Result<i64> {
    let exists: bool = conn.query_row(
        "SELECT to_regclass('schema_version') IS NOT NULL",
        [],
        |r| r.get(0),
    )?;
    if !exists {
        return Ok(0);
    }
    Ok(conn
        .query_row("SELECT max(version) FROM schema_version", [], |r| {
            r.get::<_, Option<i64>>(0)
        })?
        .unwrap_or(0))
}

/// Brings a PostgreSQL database to [`LATEST_VERSION`]; a newer one is refused
/// by the caller before this runs.
pub(crate) fn migrate_postgres(conn: &Db) -> Result<()> {
    let tx = Writing::begin(conn)?;
    let found = postgres_version(conn)?;
    for (i, sql) in POSTGRES_STEPS.iter().enumerate() {
        let version = POSTGRES_BASE + i as i64;
        if found >= version {
            continue;
        }
        let step = if found == 0 && i == 0 {
            format!("{sql}\nCREATE TABLE schema_version (version BIGINT NOT NULL);\nINSERT INTO schema_version VALUES ({version});")
        } else {
            format!("{sql}\nUPDATE schema_version SET version = {version};")
        };
        conn.execute_batch(&step)
            .map_err(|source| StoreError::Migration { version, source })?;
    }
    tx.commit()?;
    Ok(())
}
