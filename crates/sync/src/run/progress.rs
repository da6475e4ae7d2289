//! Where a sync stands, after each page: what the UI's progress bar and the
//! CLI's line show.

use courtesy_store::ImportCounts;
use serde::Serialize;
use ts_rs::TS;

/// What the sync is doing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum SyncPhase {
    /// Signing in, asking the shop what it is.
    Connecting,
    /// Waiting for the shop to prepare an export of the whole shop.
    Exporting,
    /// Reading customers.
    Customers,
    /// Reading orders.
    Orders,
    /// Bringing search and figures up to date.
    Settling,
}

/// Where a sync stands.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SyncProgress {
    /// The connection's name.
    pub shop: String,
    /// What it is doing.
    pub phase: SyncPhase,
    /// Whether this reads the whole shop (a first sync), not only changes.
    pub whole_shop: bool,
    /// Records read in this phase so far.
    #[ts(type = "number")]
    pub read: u64,
    /// Records the phase will read, when the shop says.
    #[ts(type = "number | null")]
    pub total: Option<u64>,
    /// New / updated / unchanged so far, in the whole run.
    pub counts: ImportCounts,
    /// Records reported (not read, or read with a note).
    #[ts(type = "number")]
    pub problems: u64,
    /// Requests sent so far.
    #[ts(type = "number")]
    pub requests: u64,
    /// Milliseconds waited for the shop's rate limit so far.
    #[ts(type = "number")]
    pub waited_ms: u64,
}

impl SyncProgress {
    /// A sync of `shop` starting.
    pub fn starting(shop: &str) -> Self {
        SyncProgress {
            shop: shop.to_string(),
            phase: SyncPhase::Connecting,
            whole_shop: false,
            read: 0,
            total: None,
            counts: ImportCounts::default(),
            problems: 0,
            requests: 0,
            waited_ms: 0,
        }
    }
}
