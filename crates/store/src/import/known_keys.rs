//! The e-mails, phones (E.164) and orders (source and id, source and number) an import run knows
//! the database to hold, as 64-bit hashes in memory. Most records of a first
//! import are new, and "certainly not there" is then answered without searching
//! an index of the database; a hash that is present only means "maybe", and the
//! database is asked as before.
//!
//! The sets are exact only while every write to the database goes through the
//! run: they start from an empty database (a run into one that has customers or
//! orders does not use them), grow with every row the run writes, and are
//! dropped for the rest of the run as soon as anyone else has written (another
//! connection moves `PRAGMA data_version`; another user of the writer moves its
//! change count).

use crate::db::Connection;
use crate::error::Result;
use std::collections::HashSet;
use std::hash::{BuildHasherDefault, DefaultHasher, Hash, Hasher};

/// The keys are already hashes: the set uses them as they are.
#[derive(Default)]
struct Prehashed(u64);

impl Hasher for Prehashed {
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 << 8 | u64::from(b)).wrapping_mul(0x9e37_79b9_7f4a_7c15);
        }
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

type HashSet64 = HashSet<u64, BuildHasherDefault<Prehashed>>;

/// What the database holds, as far as the run knows; see the module docs.
#[derive(Default)]
pub(crate) struct KnownKeys {
    /// `None` while the sets cannot be trusted (not started, or someone else wrote).
    sets: Option<Sets>,
    /// The writer's change count and the data version after the run's last commit.
    after_commit: Option<(i64, i64)>,
}

#[derive(Default)]
struct Sets {
    emails: HashSet64,
    phones: HashSet64,
    orders: HashSet64,
}

fn hash(parts: &[&str]) -> u64 {
    let mut h = DefaultHasher::new();
    parts.hash(&mut h);
    h.finish()
}

/// What changes when anyone writes to the database. On SQLite: this
/// connection's count of changed rows, and the file's data version (which moves
/// when another connection commits). On PostgreSQL: the next transaction id to
/// be handed out, which moves when any transaction writes.
fn write_mark(conn: &Connection) -> Result<(i64, i64)> {
    Ok(match conn.sqlite() {
        Some(c) => (
            c.total_changes() as i64,
            c.pragma_query_value(None, "data_version", |r| r.get(0))?,
        ),
        None => conn.query_row(
            "SELECT 0, CAST(CAST(pg_snapshot_xmax(pg_current_snapshot()) AS TEXT) AS BIGINT)",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?,
    })
}

impl KnownKeys {
    /// Called in each new transaction of the run, before its first batch: the
    /// first time, starts empty sets if the database has no customers and no
    /// orders; later, drops the sets if anyone else wrote since the last commit.
    pub(crate) fn begin(&mut self, conn: &Connection) -> Result<()> {
        match self.after_commit {
            None => {
                let empty: bool = conn.query_row(
                    "SELECT NOT EXISTS (SELECT 1 FROM customers) AND NOT EXISTS (SELECT 1 FROM orders)
                        AND NOT EXISTS (SELECT 1 FROM erased_identities)",
                    [],
                    |r| r.get(0),
                )?;
                self.sets = empty.then(Sets::default);
            }
            Some(mark) => {
                if write_mark(conn)? != mark {
                    self.sets = None;
                }
            }
        }
        Ok(())
    }

    /// Called after each commit of the run.
    pub(crate) fn committed(&mut self, conn: &Connection) -> Result<()> {
        self.after_commit = Some(write_mark(conn)?);
        Ok(())
    }

    /// Called when the run's transaction was rolled back: what it added may be
    /// gone, so the sets are dropped.
    pub(crate) fn rolled_back(&mut self) {
        self.sets = None;
    }

    /// Whether an erased customer's tombstone may be there (never while the
    /// sets are trusted: the run began with none and no one else wrote).
    pub(crate) fn may_have_erased(&self) -> bool {
        self.sets.is_none()
    }

    /// Whether a customer may have this e-mail.
    pub(crate) fn may_have_email(&self, email: &str) -> bool {
        self.sets
            .as_ref()
            .is_none_or(|s| s.emails.contains(&hash(&[email])))
    }

    /// Whether a customer may have this phone.
    pub(crate) fn may_have_phone(&self, e164: &str) -> bool {
        self.sets
            .as_ref()
            .is_none_or(|s| s.phones.contains(&hash(&[e164])))
    }

    /// Whether an order with this source and id may exist.
    pub(crate) fn may_have_order(&self, source: &str, external_id: &str) -> bool {
        self.sets
            .as_ref()
            .is_none_or(|s| s.orders.contains(&hash(&[source, external_id])))
    }

    /// Notes an e-mail the run wrote.
    pub(crate) fn add_email(&mut self, email: &str) {
        if let Some(s) = &mut self.sets {
            s.emails.insert(hash(&[email]));
        }
    }

    /// Notes a phone the run wrote.
    pub(crate) fn add_phone(&mut self, e164: &str) {
        if let Some(s) = &mut self.sets {
            s.phones.insert(hash(&[e164]));
        }
    }

    /// Whether an order with this source and number may exist.
    pub(crate) fn may_have_number(&self, source: &str, number: &str) -> bool {
        self.sets
            .as_ref()
            .is_none_or(|s| s.orders.contains(&hash(&[source, "number", number])))
    }

    /// Notes an order the run wrote, under its key and its number.
    pub(crate) fn add_order(&mut self, source: &str, key: &str, number: &str) {
        if let Some(s) = &mut self.sets {
            s.orders.insert(hash(&[source, key]));
            s.orders.insert(hash(&[source, "number", number]));
        }
    }
}
