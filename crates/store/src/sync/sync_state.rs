//! How far a connection's changes are in, per kind of record: the watermark
//! (every change up to then is in) and where an unfinished pass stopped. Both
//! are written in the transaction of the page they cover, so a sync killed at
//! any moment resumes after the last page it committed.

use crate::db::{params, Connection, OptionalExtension};
use crate::error::Result;
use crate::time::{from_db, to_db};
use crate::Store;
use chrono::{DateTime, Utc};

/// The records a connection syncs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SyncRecords {
    /// Orders (with their buyers).
    Orders,
    /// Customers.
    Customers,
}

impl SyncRecords {
    /// The stored name.
    pub fn as_str(&self) -> &'static str {
        match self {
            SyncRecords::Orders => "orders",
            SyncRecords::Customers => "customers",
        }
    }
}

/// Where a connection's sync of one kind of record stands.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SyncMark {
    /// Every change up to this moment is in; `None` before a first pass ends.
    pub watermark: Option<DateTime<Utc>>,
    /// Where an unfinished pass stopped, in the sync's own words (a page, a
    /// cursor, a bulk operation and its lines written); empty when none is
    /// under way.
    pub resume: String,
}

pub(crate) fn read(
    conn: &Connection,
    connection_id: i64,
    records: SyncRecords,
) -> Result<SyncMark> {
    let row: Option<(Option<String>, String)> = conn
        .prepare_cached(
            "SELECT watermark, resume FROM sync_state WHERE connection_id = ?1 AND records = ?2",
        )?
        .query_row(params![connection_id, records.as_str()], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })
        .optional()?;
    Ok(match row {
        Some((watermark, resume)) => SyncMark {
            watermark: watermark.as_deref().and_then(from_db),
            resume,
        },
        None => SyncMark::default(),
    })
}

pub(crate) fn save(
    conn: &Connection,
    connection_id: i64,
    records: SyncRecords,
    mark: &SyncMark,
    at: DateTime<Utc>,
) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO sync_state (connection_id, records, watermark, resume, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5)
         ON CONFLICT (connection_id, records) DO UPDATE SET
            watermark = excluded.watermark, resume = excluded.resume, updated_at = excluded.updated_at",
    )?
    .execute(params![
        connection_id,
        records.as_str(),
        mark.watermark.map(to_db),
        mark.resume,
        to_db(at)
    ])?;
    Ok(())
}

impl Store {
    /// Where the connection's sync of `records` stands.
    pub fn sync_mark(&self, connection_id: i64, records: SyncRecords) -> Result<SyncMark> {
        self.read(|c| read(c, connection_id, records))
    }

    /// Forgets how far the connection synced, so the next sync reads the
    /// whole shop again (what it brought in stays, and merges).
    pub fn forget_sync_marks(&self, connection_id: i64) -> Result<()> {
        self.write(|tx| {
            tx.execute(
                "DELETE FROM sync_state WHERE connection_id = ?1",
                [connection_id],
            )?;
            Ok(())
        })
    }
}
