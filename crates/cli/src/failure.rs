//! What can make a command fail, worded for the person at the terminal.

use courtesy_store::{is_server_url, Store, StoreError};
use std::fmt;
use std::path::Path;

/// A command's failure.
#[derive(Debug)]
pub enum Failure {
    /// The arguments or the situation do not allow the command.
    Usage(String),
    /// The database refused or failed.
    Store(StoreError),
    /// An import could not run.
    Import(courtesy_import::ImportError),
    /// Slips could not be made, printed or saved.
    Dispatch(courtesy_dispatch::DispatchError),
    /// Another workflow of the desk failed.
    Desk(courtesy_desk::DeskError),
}

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Failure::Usage(message) => f.write_str(message),
            Failure::Store(e) => write!(f, "{e}"),
            Failure::Import(e) => write!(f, "{e} [{}]", e.code()),
            Failure::Dispatch(e) => write!(f, "{e} [{}]", e.code()),
            Failure::Desk(e) => write!(f, "{e} [{}]", e.code()),
        }
    }
}

impl From<StoreError> for Failure {
    fn from(e: StoreError) -> Self {
        Failure::Store(e)
    }
}

impl From<courtesy_import::ImportError> for Failure {
    fn from(e: courtesy_import::ImportError) -> Self {
        Failure::Import(e)
    }
}

impl From<courtesy_dispatch::DispatchError> for Failure {
    fn from(e: courtesy_dispatch::DispatchError) -> Self {
        Failure::Dispatch(e)
    }
}

impl From<courtesy_desk::DeskError> for Failure {
    fn from(e: courtesy_desk::DeskError) -> Self {
        match e {
            courtesy_desk::DeskError::Store(e) => Failure::Store(e),
            courtesy_desk::DeskError::Import(e) => Failure::Import(e),
            courtesy_desk::DeskError::Dispatch(e) => Failure::Dispatch(e),
            other => Failure::Desk(other),
        }
    }
}

/// Opens the database at `path` for a command that needs one with data: a
/// missing file is an error rather than a new empty database. A server
/// database (`postgres://…`) is opened as it is.
pub fn open_existing(path: &Path) -> Result<Store, Failure> {
    let server = path.to_str().is_some_and(is_server_url);
    if !server && !path.exists() {
        return Err(Failure::Usage(format!(
            "there is no database at {} (create one with `courtesy demo` or by starting the app)",
            path.display()
        )));
    }
    Ok(Store::open(path)?)
}
