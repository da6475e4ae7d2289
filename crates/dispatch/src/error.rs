//! What can go wrong at the dispatch desk, each with a stable code.

use courtesy_core::{ErrorCode, ErrorParams};
use courtesy_slip::SlipError;
use courtesy_store::StoreError;
use std::path::PathBuf;

/// A failure choosing, rendering, printing or saving slips, or packing.
#[derive(Debug, thiserror::Error)]
pub enum DispatchError {
    /// The database refused or failed.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// The slip could not be drawn.
    #[error(transparent)]
    Slip(#[from] SlipError),
    /// No order matched the choice.
    #[error("no orders match: there are no slips to print")]
    NoOrders,
    /// The system has no printer of that name, or no default printer.
    #[error("{0}")]
    NoPrinter(String),
    /// The printer refused the job.
    #[error("the printer {printer} did not take the slips: {message}")]
    Print {
        /// The queue.
        printer: String,
        /// What the print system said.
        message: String,
    },
    /// Writing the PDF failed.
    #[error("saving {path}: {source}")]
    Io {
        /// Where.
        path: PathBuf,
        /// The OS error.
        source: std::io::Error,
    },
}

impl DispatchError {
    /// A stable, dotted code for the error's kind.
    pub fn code(&self) -> ErrorCode {
        match self {
            DispatchError::Store(e) => e.code(),
            DispatchError::Slip(e) => e.code(),
            DispatchError::NoOrders => ErrorCode::SlipsNoOrders,
            DispatchError::NoPrinter(_) => ErrorCode::PrintNoPrinter,
            DispatchError::Print { .. } => ErrorCode::PrintFailed,
            DispatchError::Io { .. } => ErrorCode::SlipsIo,
        }
    }

    /// The error's parameters, named as its code says.
    pub fn params(&self) -> ErrorParams {
        match self {
            DispatchError::Store(e) => e.params(),
            DispatchError::Slip(e) => e.params(),
            DispatchError::NoOrders => Vec::new(),
            DispatchError::NoPrinter(reason) => vec![("reason", reason.clone())],
            DispatchError::Print { printer, message } => {
                vec![("printer", printer.clone()), ("reason", message.clone())]
            }
            DispatchError::Io { path, source } => vec![
                ("path", path.display().to_string()),
                ("reason", source.to_string()),
            ],
        }
    }
}
