//! The one error shape the UI sees: `{ code, message }`.

use serde::Serialize;
use ts_rs::TS;

/// An error as the UI receives it: a stable code to match on, a sentence to show.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct AppError {
    /// Stable, dotted, e.g. `db.too_new`, `not_found`.
    pub code: String,
    /// A sentence for the person at the desk.
    pub message: String,
}

impl AppError {
    /// An error with a code and message.
    pub fn new(code: &str, message: impl Into<String>) -> Self {
        AppError {
            code: code.to_string(),
            message: message.into(),
        }
    }
}

impl From<courtesy_store::StoreError> for AppError {
    fn from(e: courtesy_store::StoreError) -> Self {
        AppError::new(e.code(), e.to_string())
    }
}

impl From<courtesy_dispatch::DispatchError> for AppError {
    fn from(e: courtesy_dispatch::DispatchError) -> Self {
        AppError::new(e.code(), e.to_string())
    }
}

impl From<courtesy_desk::DeskError> for AppError {
    fn from(e: courtesy_desk::DeskError) -> Self {
        AppError::new(e.code(), e.to_string())
    }
}
