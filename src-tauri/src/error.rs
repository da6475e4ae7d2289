//! The one error shape the UI sees: `{ code, message, params }`. The UI shows
//! the code's message in its own language, filled with the parameters; the
//! English `message` is for logs and for a code the UI has no words for.

use courtesy_core::{ErrorCode, ErrorParams};
use serde::Serialize;
use std::collections::BTreeMap;
use ts_rs::TS;

/// An error as the UI receives it: a stable code to match on and translate, its
/// parameters, and a sentence in English.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct AppError {
    /// Stable, dotted, e.g. `db.too_new`, `not_found`.
    pub code: ErrorCode,
    /// A sentence in English.
    pub message: String,
    /// The values the code's message names, e.g. `at` and `by`.
    pub params: BTreeMap<String, String>,
}

impl AppError {
    /// An error with a code, a message and the code's parameters.
    pub fn new(code: ErrorCode, message: impl Into<String>, params: ErrorParams) -> Self {
        AppError {
            code,
            message: message.into(),
            params: params
                .into_iter()
                .map(|(k, v)| (k.to_string(), v))
                .collect(),
        }
    }

    /// An error whose one parameter is its `reason`, the message itself.
    pub fn because(code: ErrorCode, reason: impl Into<String>) -> Self {
        let reason = reason.into();
        AppError::new(code, reason.clone(), vec![("reason", reason)])
    }

    /// A file that could not be read or written at `path`.
    pub fn file(code: ErrorCode, path: &std::path::Path, e: &std::io::Error) -> Self {
        let path = path.display().to_string();
        AppError::new(
            code,
            format!("{path}: {e}"),
            vec![("path", path), ("reason", e.to_string())],
        )
    }

    /// The app's background task failed (a defect, not the person's doing).
    pub fn task(e: impl std::fmt::Display) -> Self {
        AppError::because(ErrorCode::AppTaskFailed, e.to_string())
    }
}

impl From<courtesy_store::StoreError> for AppError {
    fn from(e: courtesy_store::StoreError) -> Self {
        AppError::new(e.code(), e.to_string(), e.params())
    }
}

impl From<courtesy_dispatch::DispatchError> for AppError {
    fn from(e: courtesy_dispatch::DispatchError) -> Self {
        AppError::new(e.code(), e.to_string(), e.params())
    }
}

impl From<courtesy_desk::DeskError> for AppError {
    fn from(e: courtesy_desk::DeskError) -> Self {
        AppError::new(e.code(), e.to_string(), e.params())
    }
}
