//! Courtesy's local database on SQLite.
//!
//! [`Store::open`] refuses foreign or newer files, migrates, and keeps one writer
//! connection (serialised) beside a few read-only ones over WAL, so the UI reads
//! while an import writes. One folder per subsystem (customers, calls, gifts and
//! cards, import, dispatch), one module per table or aggregate; SQL stays here.
#![deny(missing_docs)]

mod audit;
pub mod backups;
mod calls;
mod changes;
mod copy;
mod customers;
pub mod db;
mod dialect;
mod dispatch;
mod error;
mod gifts;
mod history;
mod import;
mod migrations;
mod open;
mod paths;
mod settings;
mod sync;
pub mod testing;
mod time;
mod transaction;

pub use audit::{Actor, AuditSource};
pub use backups::{
    backup_name, inspect_backup, list_backups, rotate_backups, BackupCounts, BackupInfo, Restored,
};
pub use calls::attempts::{AttemptInput, AttemptResult};
pub use calls::call_history::{CallAttemptView, CallView};
pub use calls::call_queue::{CallListItem, RefreshCounts};
pub use calls::call_scripts::CallCard;
pub use calls::claims::CLAIM_TTL;
pub use calls::occasions::CustomerOccasion;
pub use changes::{ChangeFeed, ANY_TABLE};
pub use copy::CopiedTable;
pub use customers::duplicates::{DuplicateList, DuplicatePair};
pub use customers::erasure::ErasurePreview;
pub use customers::export::{EXPORT_FORMAT, EXPORT_VERSION};
pub use customers::merging::{MergeRequest, MergeView, MERGE_FIELDS};
pub use customers::orders::{OrderLineView, OrderView};
pub use customers::profiles::{
    AddressView, ConsentEdit, ConsentView, CustomerEdit, CustomerListItem, CustomerPage,
    CustomerProfile, PhoneView,
};
pub use customers::search::match_expression;
pub use db::server::{is_server_url, redacted as redacted_url};
pub use dispatch::packing::{ProductView, ScanResult};
pub use dispatch::shop_logo::MAX_LOGO_BYTES;
pub use dispatch::slips::{SlipDestination, SlipFilter, SlipOrder, SlipPrint, SlipSort};
pub use error::{Result, StoreError};
pub use gifts::card_templates::{shipped_card_text, CardTemplate, CARD_OCCASIONS};
pub use gifts::cards::CardView;
pub use gifts::catalogue::{GiftInput, GiftView};
pub use gifts::gift_planning::{GiftPlanCounts, GIFT_PLAN_WINDOW_DAYS};
pub use gifts::gift_plans::OrderGiftPlan;
pub use history::{HistoryEntry, HistoryFilter, HistoryPage};
pub use import::bulk::{
    LoadCounts, NewAddress, NewConsent, NewCustomer, NewOrder, NewOrderLine, NewPhone, NewProduct,
    Shipment,
};
pub use import::import_batches::{PageMark, RunState};
pub use import::import_runs::{
    BatchReport, ImportCounts, ImportRun, RowProblem, RunFailure, RunStatus,
};
pub use import::merge::ImportItem;
pub use migrations::{schema_version, LATEST_VERSION};
pub use open::{backup_path, ServerContents};
pub use paths::{default_db_path, resolve_db_path};
pub use settings::{Settings, DEFAULT_SHOP_NAME, DEFAULT_SYNC_MINUTES, LONGEST_SYNC_MINUTES};
pub use sync::connections::{NewConnection, ShopConnection, MAX_SHOP_NAME};
pub use sync::leases::Lease;
pub use sync::sync_state::{SyncMark, SyncRecords};

use db::Connection;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard, PoisonError};

/// An open Courtesy database: one writer, several readers.
pub struct Store {
    path: PathBuf,
    /// This open store as a desk (see [`Store::desk`]).
    desk: String,
    writer: Mutex<Connection>,
    readers: Vec<Mutex<Connection>>,
}

impl Store {
    /// Where the database is, as it was opened: the file, or the server's URL
    /// (which may hold a password: show [`Store::location`] instead).
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Where the database is, to show: the file, or the server's URL without
    /// its password.
    pub fn location(&self) -> String {
        db::server::shown(&self.path.to_string_lossy())
    }

    /// Whether the database is on a PostgreSQL server.
    pub fn is_server(&self) -> bool {
        db::server::is_server_url(&self.path.to_string_lossy())
    }

    /// A name for a new open store as a desk: this process and a random word.
    fn new_desk() -> String {
        use std::hash::{BuildHasher, RandomState};
        let word = RandomState::new().hash_one(std::process::id()) & 0xffff_ffff;
        format!("{}:{word:08x}", std::process::id())
    }

    /// Runs `f` on a free reader connection (waits for one when all are busy).
    pub(crate) fn read<T>(&self, f: impl FnOnce(&Connection) -> Result<T>) -> Result<T> {
        for r in &self.readers {
            if let Ok(mut conn) = r.try_lock() {
                self.heal(&mut conn, true)?;
                return f(&conn).map_err(|e| self.unreachable(e));
            }
        }
        let mut conn = self.readers[0]
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        self.heal(&mut conn, true)?;
        f(&conn).map_err(|e| self.unreachable(e))
    }

    /// Connects again when the server connection `conn` was lost (a server
    /// that went away and came back); [`StoreError::Unreachable`] while it is away.
    pub(crate) fn heal(&self, conn: &mut Connection, reader: bool) -> Result<()> {
        if !conn.is_closed() {
            return Ok(());
        }
        let url = self.path.to_string_lossy();
        *conn = open::server_connection(&url, reader).map_err(|e| self.unreachable(e.into()))?;
        Ok(())
    }

    /// A lost connection's error, as the one people are shown.
    pub(crate) fn unreachable(&self, e: StoreError) -> StoreError {
        match e {
            StoreError::Database(db) if db.is_connection_lost() => StoreError::Unreachable {
                location: self.location(),
                reason: db.to_string(),
            },
            e => e,
        }
    }

    /// Runs `f` inside one writing transaction on the writer (the only one
    /// at a time); commits on `Ok`, rolls back on an error or a panic.
    pub(crate) fn write<T>(&self, f: impl FnOnce(&Connection) -> Result<T>) -> Result<T> {
        let mut conn: MutexGuard<'_, Connection> =
            self.writer.lock().unwrap_or_else(PoisonError::into_inner);
        self.heal(&mut conn, false)?;
        let run = || -> Result<T> {
            let tx = transaction::Writing::begin(&conn)?;
            let out = f(&conn)?;
            tx.commit()?;
            Ok(out)
        };
        run().map_err(|e| self.unreachable(e))
    }
}
