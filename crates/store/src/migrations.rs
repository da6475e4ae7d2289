//! Schema migrations keyed by `PRAGMA user_version`, each applied in its own
//! IMMEDIATE transaction so a crash leaves the database at the previous version.

use crate::error::{Result, StoreError};
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
];

/// The schema version this build writes.
pub const LATEST_VERSION: i64 = STEPS.len() as i64;

/// Reads the schema version of an open database.
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
            .map_err(|source| StoreError::Migration { version, source })?;
        tx.commit()
            .map_err(|source| StoreError::Migration { version, source })?;
    }
    Ok(())
}
