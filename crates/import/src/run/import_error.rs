//! Why a whole import could not run or stopped, with a stable code.

use crate::source::file_error::FileError;
use courtesy_core::{ErrorCode, ErrorParams};
use courtesy_store::StoreError;

/// Why a whole import could not run or stopped.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    /// The file is not a supported export; nothing was written.
    #[error("{0}")]
    File(#[from] FileError),
    /// The file could not be opened or read.
    #[error("{path}: {source}")]
    Io {
        /// The file.
        path: String,
        /// The OS error.
        source: std::io::Error,
    },
    /// The database refused; batches committed before stay.
    #[error("{0}")]
    Store(#[from] StoreError),
}

impl ImportError {
    /// A stable code, e.g. `import.unknown_format`.
    pub fn code(&self) -> ErrorCode {
        match self {
            ImportError::File(e) => e.code(),
            ImportError::Io { .. } => ErrorCode::ImportIo,
            ImportError::Store(e) => e.code(),
        }
    }

    /// The error's parameters, named as its code says.
    pub fn params(&self) -> ErrorParams {
        match self {
            ImportError::File(e) => e.params(),
            ImportError::Io { path, source } => {
                vec![("path", path.clone()), ("reason", source.to_string())]
            }
            ImportError::Store(e) => e.params(),
        }
    }
}
