//! One sync per connection at a time, across app windows, desks and the CLI:
//! a lease row names the holder and when it lapses. The holder renews it as
//! it goes; a holder that died leaves a lease that lapses, or that the next
//! desk on the same computer takes over at once when the process is gone.

use crate::db::{params, Connection, OptionalExtension};
use crate::error::Result;
use crate::time::{from_db, to_db};
use crate::Store;
use chrono::{DateTime, Duration, Utc};

/// What asking for a lease gave.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Lease {
    /// The caller holds it now.
    Taken,
    /// Someone else syncs this connection.
    HeldBy {
        /// Who (host, process id and a word).
        holder: String,
        /// When the lease lapses unless renewed (UTC).
        until: DateTime<Utc>,
    },
}

/// Extends the holder's lease to `until` in the caller's transaction;
/// `false` when it is no longer the holder's.
pub(crate) fn renew(
    conn: &Connection,
    connection_id: i64,
    holder: &str,
    until: DateTime<Utc>,
) -> Result<bool> {
    let n = conn
        .prepare_cached(
            "UPDATE sync_leases SET expires_at = ?3 WHERE connection_id = ?1 AND holder = ?2",
        )?
        .execute(params![connection_id, holder, to_db(until)])?;
    Ok(n == 1)
}

impl Store {
    /// Takes the lease on the connection for `holder` until `at + ttl`, if it
    /// is free, lapsed, already the holder's, or held by a process that
    /// `holder_gone` says no longer runs.
    pub fn take_sync_lease(
        &self,
        connection_id: i64,
        holder: &str,
        at: DateTime<Utc>,
        ttl: Duration,
        holder_gone: &dyn Fn(&str) -> bool,
    ) -> Result<Lease> {
        self.write(|tx| {
            let current: Option<(String, String)> = tx
                .query_row(
                    "SELECT holder, expires_at FROM sync_leases WHERE connection_id = ?1",
                    [connection_id],
                    |r| Ok((r.get(0)?, r.get(1)?)),
                )
                .optional()?;
            if let Some((other, until)) = current {
                let until = from_db(&until).unwrap_or(at);
                if other != holder && until > at && !holder_gone(&other) {
                    return Ok(Lease::HeldBy {
                        holder: other,
                        until,
                    });
                }
            }
            tx.execute(
                "INSERT INTO sync_leases (connection_id, holder, expires_at) VALUES (?1, ?2, ?3)
                 ON CONFLICT (connection_id) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at",
                params![connection_id, holder, to_db(at + ttl)],
            )?;
            Ok(Lease::Taken)
        })
    }

    /// Extends the holder's lease to `at + ttl`; `false` when it is no longer
    /// the holder's (it lapsed and another desk took it).
    pub fn renew_sync_lease(
        &self,
        connection_id: i64,
        holder: &str,
        at: DateTime<Utc>,
        ttl: Duration,
    ) -> Result<bool> {
        self.write(|tx| renew(tx, connection_id, holder, at + ttl))
    }

    /// Lets go of the holder's lease.
    pub fn release_sync_lease(&self, connection_id: i64, holder: &str) -> Result<()> {
        self.write(|tx| {
            tx.execute(
                "DELETE FROM sync_leases WHERE connection_id = ?1 AND holder = ?2",
                params![connection_id, holder],
            )?;
            Ok(())
        })
    }
}
