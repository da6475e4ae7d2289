//! The store's typed errors, each with a stable code the UI and tests can match on.

use crate::db::DbError;
use courtesy_core::{ErrorCode, ErrorParams};
use std::path::PathBuf;

/// Everything that can go wrong opening or using the database.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The file exists but is not an SQLite database; it was not touched.
    #[error("{path} is not a Courtesy database (not an SQLite file); it was left untouched")]
    NotADatabase {
        /// The file that was refused.
        path: PathBuf,
    },
    /// The database was written by a newer Courtesy; it was not touched.
    #[error("{path} was created by a newer version of Courtesy (schema {found}, this app knows up to {supported}); update Courtesy to open it")]
    TooNew {
        /// The file that was refused.
        path: PathBuf,
        /// Its schema version.
        found: i64,
        /// The newest schema this build knows.
        supported: i64,
    },
    /// A migration step failed and was rolled back.
    #[error("upgrading the database to schema {version} failed: {source}")]
    Migration {
        /// The step that failed.
        version: i64,
        /// What the database said.
        source: DbError,
    },
    /// A file-system operation failed.
    #[error("{action} {path}: {source}")]
    Io {
        /// What was being done, e.g. "creating the folder".
        action: &'static str,
        /// Where.
        path: PathBuf,
        /// The OS error.
        source: std::io::Error,
    },
    /// A record that was asked for does not exist.
    #[error("{entity} {id} does not exist")]
    NotFound {
        /// The kind of record, e.g. "customer".
        entity: &'static str,
        /// Its id.
        id: i64,
    },
    /// A whole shop can only be loaded into a database without customers.
    #[error(
        "the database already has {customers} customers; a whole shop only loads into an empty one"
    )]
    NotEmpty {
        /// How many customers it has.
        customers: i64,
    },
    /// Another desk has the call open.
    #[error("{by} is on this call at another desk (until {until} unless they finish sooner)")]
    CallClaimed {
        /// Who.
        by: String,
        /// When the claim lapses unless renewed (UTC).
        until: String,
    },
    /// The call was closed meanwhile.
    #[error("this call is {status} already: {by} closed it at {at}")]
    CallClosed {
        /// `done` or `cancelled`.
        status: String,
        /// Who made the last attempt (empty when none did).
        by: String,
        /// When it closed (UTC).
        at: String,
    },
    /// Someone else changed the customer's fields since the edit began.
    #[error("{by} changed {fields} of this customer at {at}, while this edit was open")]
    CustomerChanged {
        /// The fields, e.g. `notes, tags`.
        fields: String,
        /// Who made the last change (empty when unknown).
        by: String,
        /// When (UTC).
        at: String,
    },
    /// The order was packed already.
    #[error("this order was packed already, at {at} by {by}")]
    AlreadyPacked {
        /// When (UTC).
        at: String,
        /// Who.
        by: String,
    },
    /// A cancelled or refunded order must not be packed.
    #[error("this order is {status}: do not pack it")]
    NotToBePacked {
        /// Its status.
        status: String,
    },
    /// Another shop connection has the name.
    #[error("a shop connection named {name} exists already")]
    ShopNameTaken {
        /// The name.
        name: String,
    },
    /// No shop connection has the name.
    #[error("no shop connection is named {name}")]
    NoSuchShop {
        /// The name asked for.
        name: String,
    },
    /// Input that breaks a rule of the data model.
    #[error("{0}")]
    Invalid(String),
    /// The database server cannot be reached now; the next use tries again.
    #[error("the shop's database at {location} cannot be reached: {reason}")]
    Unreachable {
        /// Where it is (without a password).
        location: String,
        /// What the connection said.
        reason: String,
    },
    /// Any other database error.
    #[error("database error: {0}")]
    Database(#[from] DbError),
}

impl StoreError {
    /// A stable, dotted code for the error's kind, e.g. `db.too_new`.
    pub fn code(&self) -> ErrorCode {
        match self {
            StoreError::NotADatabase { .. } => ErrorCode::DbNotADatabase,
            StoreError::TooNew { .. } => ErrorCode::DbTooNew,
            StoreError::Migration { .. } => ErrorCode::DbMigrationFailed,
            StoreError::Io { .. } => ErrorCode::DbIo,
            StoreError::NotFound { .. } => ErrorCode::NotFound,
            StoreError::NotEmpty { .. } => ErrorCode::DbNotEmpty,
            StoreError::CallClaimed { .. } => ErrorCode::CallClaimed,
            StoreError::CallClosed { .. } => ErrorCode::CallClosed,
            StoreError::CustomerChanged { .. } => ErrorCode::CustomerChanged,
            StoreError::AlreadyPacked { .. } => ErrorCode::DispatchAlreadyPacked,
            StoreError::NotToBePacked { .. } => ErrorCode::DispatchNotToBePacked,
            StoreError::ShopNameTaken { .. } => ErrorCode::ShopNameTaken,
            StoreError::NoSuchShop { .. } => ErrorCode::ShopNotFound,
            StoreError::Invalid(_) => ErrorCode::Invalid,
            StoreError::Unreachable { .. } => ErrorCode::DbUnreachable,
            StoreError::Database(_) => ErrorCode::DbSqlite,
        }
    }

    /// The error's parameters, named as its code says (see [`ErrorCode::params`]).
    pub fn params(&self) -> ErrorParams {
        match self {
            StoreError::NotADatabase { path } => vec![("path", path.display().to_string())],
            StoreError::TooNew {
                path,
                found,
                supported,
            } => vec![
                ("path", path.display().to_string()),
                ("found", found.to_string()),
                ("supported", supported.to_string()),
            ],
            StoreError::Migration { version, source } => {
                vec![
                    ("version", version.to_string()),
                    ("reason", source.to_string()),
                ]
            }
            StoreError::Io { path, source, .. } => vec![
                ("path", path.display().to_string()),
                ("reason", source.to_string()),
            ],
            StoreError::NotFound { entity, id } => {
                vec![("entity", entity.to_string()), ("id", id.to_string())]
            }
            StoreError::NotEmpty { customers } => vec![("customers", customers.to_string())],
            StoreError::AlreadyPacked { at, by } => vec![("at", at.clone()), ("by", by.clone())],
            StoreError::CallClosed { status, by, at } => vec![
                ("status", status.clone()),
                ("by", by.clone()),
                ("at", at.clone()),
            ],
            StoreError::CustomerChanged { fields, by, at } => vec![
                ("fields", fields.clone()),
                ("by", by.clone()),
                ("at", at.clone()),
            ],
            StoreError::CallClaimed { by, until } => {
                vec![("by", by.clone()), ("until", until.clone())]
            }
            StoreError::NotToBePacked { status } => vec![("status", status.clone())],
            StoreError::ShopNameTaken { name } | StoreError::NoSuchShop { name } => {
                vec![("name", name.clone())]
            }
            StoreError::Invalid(reason) => vec![("reason", reason.clone())],
            StoreError::Unreachable { location, reason } => {
                vec![("location", location.clone()), ("reason", reason.clone())]
            }
            StoreError::Database(e) => vec![("reason", e.to_string())],
        }
    }
}

impl From<rusqlite::Error> for StoreError {
    fn from(e: rusqlite::Error) -> Self {
        StoreError::Database(e.into())
    }
}

impl From<tokio_postgres::Error> for StoreError {
    fn from(e: tokio_postgres::Error) -> Self {
        StoreError::Database(e.into())
    }
}

/// Result with a [`StoreError`].
pub type Result<T, E = StoreError> = std::result::Result<T, E>;
