//! The writing transaction: one at a time, on SQLite by `BEGIN IMMEDIATE`, on
//! PostgreSQL by a transaction-scoped advisory lock that every desk's writer
//! takes first, so writers queue instead of failing on each other's rows.

use crate::db::{Connection, Result};

/// The key of the advisory lock the writers of one PostgreSQL database share.
const WRITER_LOCK: i64 = 0x436f_7572_7465_7379; // "Courtesy"

/// Begins a writing transaction on `conn` (the caller commits or rolls back),
/// waiting for other writers; on an error nothing is left open.
pub(crate) fn begin_writing(conn: &Connection) -> Result<()> {
    if conn.is_postgres() {
        conn.execute_batch("BEGIN")?;
        if let Err(e) = conn.query_row(
            "SELECT pg_advisory_xact_lock(?1)",
            [WRITER_LOCK],
            |_| Ok(()),
        ) {
            let _ = conn.execute_batch("ROLLBACK");
            return Err(e);
        }
        Ok(())
    } else {
        conn.execute_batch("BEGIN IMMEDIATE")
    }
}

/// An open writing transaction; rolled back when dropped before [`Writing::commit`].
pub(crate) struct Writing<'c> {
    conn: &'c Connection,
    open: bool,
}

impl<'c> Writing<'c> {
    /// Begins the transaction on `conn`, waiting for other writers.
    pub(crate) fn begin(conn: &'c Connection) -> Result<Self> {
        if conn.is_postgres() {
            conn.execute_batch("BEGIN")?;
            let tx = Writing { conn, open: true };
            conn.query_row(
                "SELECT pg_advisory_xact_lock(?1)",
                [WRITER_LOCK],
                |_| Ok(()),
            )?;
            Ok(tx)
        } else {
            conn.execute_batch("BEGIN IMMEDIATE")?;
            Ok(Writing { conn, open: true })
        }
    }

    /// Commits.
    pub(crate) fn commit(mut self) -> Result<()> {
        self.open = false;
        if let Err(e) = self.conn.execute_batch("COMMIT") {
            let _ = self.conn.execute_batch("ROLLBACK");
            return Err(e);
        }
        Ok(())
    }
}

impl Drop for Writing<'_> {
    fn drop(&mut self) {
        if self.open {
            let _ = self.conn.execute_batch("ROLLBACK");
        }
    }
}

/// Turns the schema's triggers on or off for `conn` (on PostgreSQL each trigger
/// function returns at once while the connection's `courtesy.triggers_off`
/// setting is `on`).
pub(crate) fn set_triggers(conn: &Connection, on: bool) -> Result<()> {
    match conn.sqlite() {
        Some(c) => {
            c.set_db_config(
                rusqlite::config::DbConfig::SQLITE_DBCONFIG_ENABLE_TRIGGER,
                on,
            )?;
        }
        None => conn.query_row(
            "SELECT set_config('courtesy.triggers_off', ?1, false)",
            [if on { "off" } else { "on" }],
            |_| Ok(()),
        )?,
    }
    Ok(())
}
