//! Writing the batches of an import run. Several batches share one transaction,
//! committed when the caller says (the import commits after about two seconds
//! of work) or after [`COMMIT_RECORDS`] records: a small transaction per batch
//! would write the same scattered index pages to the log again and again (and a
//! savepoint per batch would copy them to a statement journal). A batch that
//! fails rolls back the transaction it is in; batches committed before stay.
//!
//! The batches are written with the schema's triggers off: on every row they
//! ran a small program of their own and made SQLite keep a statement journal,
//! which cost more than the row itself. What the triggers would have done is
//! done per batch instead: the customers the batch touched are noted for the
//! call queue at once, and changes to existing orders (which may release a gift
//! plan or close a call) are written at the end of the batch with the triggers
//! on. The triggers are back on whenever the run lets go of the writer.
//!
//! The search rows and list figures of the customers the batches touched are
//! brought up to date once, when the run settles ([`RunState::settle`]): a
//! customer with twenty orders in the file is indexed once, not twenty times.
//! Until then a durable mark, raised in every transaction that touched
//! customers, says that they may lag behind; a process killed mid-run leaves it
//! behind, and the next [`Store::open`] checks every customer.

use crate::audit::Actor;
use crate::db::Connection;
use crate::error::{Result, StoreError};
use crate::import::import_runs::{add_batch, add_requests, BatchReport, ImportCounts, RowProblem};
use crate::import::known_keys::KnownKeys;
use crate::import::merge::{merge_item, ImportItem};
use crate::import::order_merge::write_order_updates;
use crate::sync::leases::renew;
use crate::sync::sync_state::{self, SyncMark, SyncRecords};
use crate::transaction::set_triggers;
use crate::{calls::call_queue, customers::customer_stats, customers::search_index, Store};
use chrono::{DateTime, Utc};
use std::sync::{MutexGuard, PoisonError};

/// What a page of a sync commits with its records.
#[derive(Debug, Clone, Copy)]
pub struct PageMark<'a> {
    /// The sync's run.
    pub run_id: i64,
    /// The connection synced.
    pub connection_id: i64,
    /// The kind of record the page holds.
    pub records: SyncRecords,
    /// Where the connection stands once the page is in.
    pub mark: &'a SyncMark,
    /// Requests the page took.
    pub requests: i64,
    /// Milliseconds waited for the shop's rate limit before it.
    pub waited_ms: i64,
    /// Who holds the connection's sync lease, renewed with the page.
    pub holder: &'a str,
    /// Until when the lease is renewed.
    pub lease_until: DateTime<Utc>,
    /// Commit now; else the page stays in the open transaction with the
    /// pages after it, until one commits (the mark always goes with the
    /// pages it counts, so a kill loses only what was not committed, and
    /// the next sync reads that again).
    pub commit: bool,
}

/// Records after which a transaction commits, however little time passed.
const COMMIT_RECORDS: usize = 50_000;

/// Customers settled per transaction, so other writers are not kept waiting long.
const SETTLE_CHUNK: usize = 10_000;

/// An import run being written: the transaction its batches share, and the
/// customers they touched whose search rows and figures wait for
/// [`RunState::settle`].
///
/// While a transaction is open the run holds the store's writer: other writes
/// wait until it commits (at most about two seconds), so code running
/// between batches on the same thread must not write to the store.
pub struct RunState<'s> {
    store: &'s Store,
    open: Option<OpenTransaction<'s>>,
    /// Customers written since the run last settled, in the order they came.
    touched: Vec<i64>,
    /// The mark the run last raised.
    mark: Option<i64>,
    /// E-mails, phones and orders the database is known to hold.
    known: KnownKeys,
}

/// The writer, inside a transaction some batches of the run have written to.
struct OpenTransaction<'s> {
    conn: MutexGuard<'s, Connection>,
    records: usize,
    /// Whether the mark was raised in this transaction.
    marked: bool,
    /// Whether a batch is being written (it did not finish).
    in_batch: bool,
}

impl<'s> RunState<'s> {
    /// A run writing into `store`.
    pub fn new(store: &'s Store) -> Self {
        RunState {
            store,
            open: None,
            touched: Vec::new(),
            mark: None,
            known: KnownKeys::default(),
        }
    }

    /// Merges one batch of the run `run_id`: its records, the run's counts and
    /// what reading it found (`report`) are written together or not at all, in the run's open
    /// transaction, which is committed when it has gathered enough work. A
    /// crash loses at most the uncommitted batches, and a re-run duplicates
    /// nothing. If the batch fails, the open transaction is rolled back (the
    /// run's counts go with it) and the error is returned.
    pub fn import_batch(
        &mut self,
        run_id: i64,
        items: &[ImportItem],
        report: &BatchReport,
        actor: &Actor,
    ) -> Result<ImportCounts> {
        let open = match self.open.take() {
            Some(open) => open,
            None => {
                let mut conn = self
                    .store
                    .writer
                    .lock()
                    .unwrap_or_else(PoisonError::into_inner);
                self.store.heal(&mut conn, false)?;
                set_triggers(&conn, false)?;
                // From here on, dropping it turns the triggers back on.
                let open = OpenTransaction {
                    conn,
                    records: 0,
                    marked: false,
                    in_batch: false,
                };
                crate::transaction::begin_writing(&open.conn)?;
                if let Err(e) = self.known.begin(&open.conn) {
                    let _ = open.conn.execute_batch("ROLLBACK");
                    return Err(e);
                }
                open
            }
        };
        let open = self.open.insert(open);
        open.in_batch = true;
        let mut touched = Vec::with_capacity(items.len());
        let mut conflicts = Vec::new();
        let written = write_records(
            &open.conn,
            items,
            actor,
            &mut touched,
            &mut self.known,
            &mut conflicts,
        )
        .and_then(|counts| {
            add_batch(&open.conn, run_id, &counts, report, &conflicts)?;
            Ok(counts)
        })
        .and_then(|counts| {
            if !open.marked && !touched.is_empty() {
                self.mark = Some(search_index::mark_lagging(&open.conn)?);
                open.marked = true;
            }
            Ok(counts)
        });
        let counts = match written {
            Ok(counts) => counts,
            Err(e) => {
                self.roll_back();
                return Err(e);
            }
        };
        open.in_batch = false;
        open.records += items.len();
        self.touched.append(&mut touched);
        if open.records >= COMMIT_RECORDS {
            self.commit()?;
        }
        Ok(counts)
    }

    /// Whether everything written is committed (no transaction is open).
    pub fn is_committed(&self) -> bool {
        self.open.is_none()
    }

    /// Commits the open transaction, if any, and lets go of the writer; a
    /// transaction holding an unfinished batch is rolled back instead.
    pub fn commit(&mut self) -> Result<()> {
        let Some(open) = self.open.take() else {
            return Ok(());
        };
        if open.in_batch {
            self.known.rolled_back();
            open.conn.execute_batch("ROLLBACK")?;
            return Ok(());
        }
        if let Err(e) = open.conn.execute_batch("COMMIT") {
            self.known.rolled_back();
            let _ = open.conn.execute_batch("ROLLBACK");
            return Err(e.into());
        }
        self.known.committed(&open.conn)
    }

    /// Commits the open transaction (or a new one, when the page brought no
    /// records) with what a page of a sync adds: how far the connection's
    /// changes are in and the requests it took, so a sync killed at any
    /// moment resumes after the last page it committed; and renews the
    /// holder's lease in the same transaction. `false`: the lease is no
    /// longer the holder's (it lapsed and another desk took it).
    pub fn commit_page(&mut self, page: &PageMark<'_>, at: DateTime<Utc>) -> Result<bool> {
        let write = |conn: &Connection| -> Result<bool> {
            sync_state::save(conn, page.connection_id, page.records, page.mark, at)?;
            add_requests(conn, page.run_id, page.requests, page.waited_ms)?;
            renew(conn, page.connection_id, page.holder, page.lease_until)
        };
        match self.open.as_ref() {
            Some(open) if !open.in_batch => match write(&open.conn) {
                Ok(held) if page.commit => self.commit().map(|()| held),
                Ok(held) => Ok(held),
                Err(e) => {
                    self.roll_back();
                    Err(e)
                }
            },
            Some(_) => {
                self.roll_back();
                Err(StoreError::Invalid(
                    "a page was committed in the middle of a batch".to_string(),
                ))
            }
            None => self.store.write(|tx| write(tx)),
        }
    }

    /// Rolls the open transaction back and lets go of the writer.
    fn roll_back(&mut self) {
        if let Some(open) = self.open.take() {
            self.known.rolled_back();
            let _ = open.conn.execute_batch("ROLLBACK");
        }
    }

    /// Commits, then brings the search rows and list figures of every customer
    /// the run's batches touched up to date, a few thousand customers per
    /// transaction, and removes the run's mark (unless another run raised it
    /// since).
    pub fn settle(&mut self) -> Result<()> {
        self.commit()?;
        let mut touched = std::mem::take(&mut self.touched);
        touched.sort_unstable();
        touched.dedup();
        let mark = self.mark.take();
        let chunks: Vec<&[i64]> = touched.chunks(SETTLE_CHUNK).collect();
        let last = chunks.len().saturating_sub(1);
        for (i, chunk) in chunks.into_iter().enumerate() {
            self.store.write(|tx| {
                customer_stats::refresh(tx, chunk)?;
                search_index::reindex(tx, chunk)?;
                match mark {
                    Some(m) if i == last => search_index::clear_mark(tx, m),
                    _ => Ok(()),
                }
            })?;
        }
        Ok(())
    }
}

impl Drop for OpenTransaction<'_> {
    /// Turns the triggers back on before the writer is let go.
    fn drop(&mut self) {
        let _ = set_triggers(&self.conn, true);
    }
}

impl Drop for RunState<'_> {
    /// Commits the batches that finished (rolls back if one was cut short); the
    /// mark stays for what is unsettled.
    fn drop(&mut self) {
        let _ = self.commit();
    }
}

/// Merges one batch's records on `conn` (its triggers off), counting what each
/// did; then does what the triggers would have done (see the module docs).
fn write_records(
    conn: &Connection,
    items: &[ImportItem],
    actor: &Actor,
    touched: &mut Vec<i64>,
    known: &mut KnownKeys,
    conflicts: &mut Vec<RowProblem>,
) -> Result<ImportCounts> {
    let mut counts = ImportCounts::default();
    let mut updates = Vec::new();
    for item in items {
        merge_item(
            conn,
            item,
            actor,
            &mut counts,
            touched,
            known,
            &mut updates,
            conflicts,
        )?;
    }
    call_queue::note_changed(conn, touched)?;
    if !updates.is_empty() {
        set_triggers(conn, true)?;
        let written = write_order_updates(conn, &updates, actor);
        set_triggers(conn, false)?;
        written?;
    }
    Ok(counts)
}

impl Store {
    /// After a process died mid-import (its mark is still there): checks the
    /// figures and search row of every customer, a chunk per transaction,
    /// rewrites those that lag, and removes the mark.
    pub(crate) fn settle_after_crash(&self) -> Result<()> {
        let Some(mark) = self.write(search_index::lagging)? else {
            return Ok(());
        };
        let mut from = 0;
        loop {
            let next = self.write(|tx| {
                let ids = search_index::customers_from(tx, from, SETTLE_CHUNK)?;
                customer_stats::refresh(tx, &ids)?;
                search_index::reindex(tx, &ids)?;
                match ids.last() {
                    Some(last) if ids.len() == SETTLE_CHUNK => Ok(Some(last + 1)),
                    _ => {
                        search_index::clear_mark(tx, mark)?;
                        Ok(None)
                    }
                }
            })?;
            match next {
                Some(n) => from = n,
                None => return Ok(()),
            }
        }
    }
}
