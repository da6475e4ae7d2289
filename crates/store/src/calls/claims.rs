//! A call is claimed by the desk that opens it: other desks list it as being
//! called by that person and refuse an attempt on it, until the attempt is
//! saved (which ends the claim), the desk releases it, or the claim lapses
//! because that desk went away without either. A desk renews its claim by
//! claiming again while the call stays open on its screen.

use crate::db::{params, Connection, OptionalExtension};
use crate::error::{Result, StoreError};
use crate::time::to_db;
use crate::Store;
use chrono::{DateTime, Duration, Utc};

/// How long a claim lasts unless renewed.
pub const CLAIM_TTL: Duration = Duration::minutes(5);

/// The claim another desk holds on `call_id` at `now`: who, and until when.
pub(crate) fn claimed_elsewhere(
    conn: &Connection,
    call_id: i64,
    desk: &str,
    now: DateTime<Utc>,
) -> Result<Option<(String, String)>> {
    Ok(conn
        .prepare_cached(
            "SELECT staff, expires_at FROM call_claims
             WHERE call_id = ?1 AND desk <> ?2 AND expires_at > ?3",
        )?
        .query_row(params![call_id, desk, to_db(now)], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })
        .optional()?)
}

/// Refuses when another desk holds `call_id`.
pub(crate) fn check_not_claimed(
    conn: &Connection,
    call_id: i64,
    desk: &str,
    now: DateTime<Utc>,
) -> Result<()> {
    match claimed_elsewhere(conn, call_id, desk, now)? {
        Some((by, until)) => Err(StoreError::CallClaimed { by, until }),
        None => Ok(()),
    }
}

/// Refuses a call that is no longer open, saying who closed it and when.
pub(crate) fn check_open(conn: &Connection, call_id: i64) -> Result<()> {
    let (status, closed_at, by): (String, Option<String>, Option<String>) = conn
        .prepare_cached(
            "SELECT k.status, k.closed_at,
                (SELECT a.staff FROM call_attempts a WHERE a.call_id = k.id ORDER BY a.id DESC LIMIT 1)
             FROM calls k WHERE k.id = ?1",
        )?
        .query_row([call_id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .optional()?
        .ok_or(StoreError::NotFound {
            entity: "call",
            id: call_id,
        })?;
    if status == "open" {
        return Ok(());
    }
    Err(StoreError::CallClosed {
        status,
        by: by.unwrap_or_default(),
        at: closed_at.unwrap_or_default(),
    })
}

/// Ends any claim on `call_id` (its attempt is saved, or it closed).
pub(crate) fn end_claim(conn: &Connection, call_id: i64) -> Result<()> {
    conn.prepare_cached("DELETE FROM call_claims WHERE call_id = ?1")?
        .execute([call_id])?;
    Ok(())
}

impl Store {
    /// Claims the open call `call_id` for this desk and `staff` until
    /// [`CLAIM_TTL`] after `now` (renewing this desk's claim); refused with
    /// [`StoreError::CallClaimed`] while another desk holds it.
    pub fn claim_call(&self, call_id: i64, staff: &str, now: DateTime<Utc>) -> Result<()> {
        self.write(|tx| {
            check_open(tx, call_id)?;
            check_not_claimed(tx, call_id, &self.desk, now)?;
            tx.prepare_cached(
                "INSERT INTO call_claims (call_id, desk, staff, claimed_at, expires_at)
                 VALUES (?1, ?2, ?3, ?4, ?5)
                 ON CONFLICT (call_id) DO UPDATE SET desk = excluded.desk, staff = excluded.staff,
                     claimed_at = excluded.claimed_at, expires_at = excluded.expires_at",
            )?
            .execute(params![
                call_id,
                self.desk,
                staff,
                to_db(now),
                to_db(now + CLAIM_TTL)
            ])?;
            Ok(())
        })
    }

    /// Lets go of this desk's claim on `call_id` (the call was closed unsaved).
    pub fn release_call(&self, call_id: i64) -> Result<()> {
        self.write(|tx| {
            tx.prepare_cached("DELETE FROM call_claims WHERE call_id = ?1 AND desk = ?2")?
                .execute(params![call_id, self.desk])?;
            Ok(())
        })
    }

    /// This desk, as its claims name it: one open store of one program.
    pub fn desk(&self) -> &str {
        &self.desk
    }
}
