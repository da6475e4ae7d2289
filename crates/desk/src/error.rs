//! Why a workflow failed: the store, the import, the printer, the shop, or the
//! request.

use courtesy_core::{ErrorCode, ErrorParams};
use courtesy_dispatch::DispatchError;
use courtesy_import::ImportError;
use courtesy_store::StoreError;
use courtesy_sync::SyncError;

/// A workflow's failure, with a stable code for the boundary.
#[derive(Debug, thiserror::Error)]
pub enum DeskError {
    /// The database refused or failed.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// An import could not run.
    #[error(transparent)]
    Import(#[from] ImportError),
    /// Slips or cards could not be made, printed or saved.
    #[error(transparent)]
    Dispatch(#[from] DispatchError),
    /// A shop could not be synced, tested or connected.
    #[error(transparent)]
    Sync(#[from] SyncError),
    /// There are no cards to write, so no sheet to print.
    #[error("there are no cards to write")]
    NoCards,
}

impl DeskError {
    /// A stable code, e.g. `cards.none`.
    pub fn code(&self) -> ErrorCode {
        match self {
            DeskError::Store(e) => e.code(),
            DeskError::Import(e) => e.code(),
            DeskError::Dispatch(e) => e.code(),
            DeskError::Sync(e) => e.code(),
            DeskError::NoCards => ErrorCode::CardsNone,
        }
    }

    /// The error's parameters, named as its code says.
    pub fn params(&self) -> ErrorParams {
        match self {
            DeskError::Store(e) => e.params(),
            DeskError::Import(e) => e.params(),
            DeskError::Dispatch(e) => e.params(),
            DeskError::Sync(e) => e.params(),
            DeskError::NoCards => Vec::new(),
        }
    }
}
