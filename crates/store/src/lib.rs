//! Courtesy's local database on SQLite.
//!
//! [`Store::open`] refuses foreign or newer files, migrates, and keeps one writer
//! connection (serialised) beside a few read-only ones over WAL, so the UI reads
//! while an import writes. One module per table or aggregate; SQL stays here.
#![deny(missing_docs)]

mod audit;
mod bulk;
mod call_history;
mod call_policy;
mod call_queue;
mod call_scripts;
mod calls;
mod card_templates;
mod cards;
mod customer_stats;
mod customers;
mod error;
mod gift_planning;
mod gift_plans;
mod gift_policy;
mod gift_spending;
mod gifts;
mod import_batches;
mod import_runs;
mod known_keys;
mod mappings;
mod merge;
mod migrations;
mod occasions;
mod open;
mod order_merge;
mod orders;
mod packing;
mod paths;
mod search;
mod search_index;
mod settings;
mod shop_logo;
mod slips;
mod time;

pub use audit::{Actor, AuditSource};
pub use bulk::{
    LoadCounts, NewAddress, NewConsent, NewCustomer, NewOrder, NewOrderLine, NewPhone, NewProduct,
};
pub use call_history::{CallAttemptView, CallView};
pub use call_queue::{CallListItem, RefreshCounts};
pub use call_scripts::CallCard;
pub use calls::{AttemptInput, AttemptResult};
pub use card_templates::{shipped_card_text, CardTemplate, CARD_OCCASIONS};
pub use cards::CardView;
pub use customers::{
    AddressView, ConsentEdit, ConsentView, CustomerEdit, CustomerListItem, CustomerPage,
    CustomerProfile, PhoneView,
};
pub use error::{Result, StoreError};
pub use gift_planning::{GiftPlanCounts, GIFT_PLAN_WINDOW_DAYS};
pub use gift_plans::OrderGiftPlan;
pub use gifts::{GiftInput, GiftView};
pub use import_batches::RunState;
pub use import_runs::{BatchReport, ImportCounts, ImportRun, RowProblem};
pub use merge::ImportItem;
pub use migrations::{schema_version, LATEST_VERSION};
pub use occasions::CustomerOccasion;
pub use open::backup_path;
pub use orders::{OrderLineView, OrderView};
pub use packing::{ProductView, ScanResult};
pub use paths::{default_db_path, resolve_db_path};
pub use search::match_expression;
pub use settings::{Settings, DEFAULT_SHOP_NAME};
pub use shop_logo::MAX_LOGO_BYTES;
pub use slips::{SlipDestination, SlipFilter, SlipOrder, SlipPrint, SlipSort};

use rusqlite::{Connection, Transaction, TransactionBehavior};
use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard, PoisonError};

/// An open Courtesy database: one writer, several readers.
pub struct Store {
    path: PathBuf,
    writer: Mutex<Connection>,
    readers: Vec<Mutex<Connection>>,
}

impl Store {
    /// The database file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Runs `f` on a free reader connection (waits for one when all are busy).
    pub(crate) fn read<T>(&self, f: impl FnOnce(&Connection) -> Result<T>) -> Result<T> {
        for r in &self.readers {
            if let Ok(conn) = r.try_lock() {
                return f(&conn);
            }
        }
        let conn = self.readers[0]
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        f(&conn)
    }

    /// Runs `f` inside one IMMEDIATE transaction on the writer; commits on `Ok`.
    pub(crate) fn write<T>(&self, f: impl FnOnce(&Transaction) -> Result<T>) -> Result<T> {
        let mut conn: MutexGuard<'_, Connection> =
            self.writer.lock().unwrap_or_else(PoisonError::into_inner);
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let out = f(&tx)?;
        tx.commit()?;
        Ok(out)
    }
}
