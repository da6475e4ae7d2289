//! The database layer's one error type, whichever backend answered.

use std::fmt;

/// An error from SQLite or PostgreSQL, or from reading a value they returned.
#[derive(Debug)]
pub enum DbError {
    /// SQLite's error.
    Sqlite(rusqlite::Error),
    /// PostgreSQL's error (the server's, or the connection's).
    Postgres(tokio_postgres::Error),
    /// PostgreSQL refused to prepare a statement (a statement of this build
    /// it does not accept).
    Prepare {
        /// The statement, as written in the store.
        sql: String,
        /// What PostgreSQL said.
        source: tokio_postgres::Error,
    },
    /// The connection could not be set up as asked (the URL, its TLS options,
    /// the CA file).
    Setup(String),
    /// A query that must return a row returned none.
    NoRows,
    /// A column's value could not be read as the type asked for.
    Conversion {
        /// The column (0-based).
        column: usize,
        /// Why.
        source: Box<dyn std::error::Error + Send + Sync>,
    },
}

/// Result with a [`DbError`].
pub type Result<T, E = DbError> = std::result::Result<T, E>;

impl fmt::Display for DbError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DbError::Sqlite(e) => e.fmt(f),
            DbError::Postgres(e) => match e.as_db_error() {
                Some(db) => write!(f, "{}: {}", db.severity(), db.message()),
                None => e.fmt(f),
            },
            DbError::Prepare { sql, source } => {
                let sql: String = sql.split_whitespace().collect::<Vec<_>>().join(" ");
                match source.as_db_error() {
                    Some(db) => write!(f, "{}: {} in: {sql}", db.severity(), db.message()),
                    None => write!(f, "{source} in: {sql}"),
                }
            }
            DbError::Setup(message) => f.write_str(message),
            DbError::NoRows => f.write_str("the query returned no rows"),
            DbError::Conversion { column, source } => {
                write!(f, "column {column} could not be read: {source}")
            }
        }
    }
}

impl std::error::Error for DbError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            DbError::Sqlite(e) => Some(e),
            DbError::Postgres(e) => Some(e),
            DbError::Prepare { source, .. } => Some(source),
            DbError::Setup(_) | DbError::NoRows => None,
            DbError::Conversion { source, .. } => Some(source.as_ref()),
        }
    }
}

impl From<rusqlite::Error> for DbError {
    fn from(e: rusqlite::Error) -> Self {
        match e {
            rusqlite::Error::QueryReturnedNoRows => DbError::NoRows,
            rusqlite::Error::FromSqlConversionFailure(column, _, source) => {
                DbError::Conversion { column, source }
            }
            e => DbError::Sqlite(e),
        }
    }
}

impl From<tokio_postgres::Error> for DbError {
    fn from(e: tokio_postgres::Error) -> Self {
        DbError::Postgres(e)
    }
}

impl DbError {
    /// A value that could not be read from column `column`.
    pub fn conversion(
        column: usize,
        source: impl std::error::Error + Send + Sync + 'static,
    ) -> Self {
        DbError::Conversion {
            column,
            source: Box::new(source),
        }
    }

    /// Whether a UNIQUE (or primary key) constraint refused the write.
    pub fn is_unique_violation(&self) -> bool {
        match self {
            DbError::Sqlite(rusqlite::Error::SqliteFailure(f, _)) => matches!(
                f.extended_code,
                rusqlite::ffi::SQLITE_CONSTRAINT_UNIQUE
                    | rusqlite::ffi::SQLITE_CONSTRAINT_PRIMARYKEY
            ),
            DbError::Postgres(e) => {
                e.code() == Some(&tokio_postgres::error::SqlState::UNIQUE_VIOLATION)
            }
            _ => false,
        }
    }

    /// Whether any constraint (unique, check, foreign key, not null) refused the write.
    pub fn is_constraint_violation(&self) -> bool {
        match self {
            DbError::Sqlite(rusqlite::Error::SqliteFailure(f, _)) => {
                f.code == rusqlite::ErrorCode::ConstraintViolation
            }
            DbError::Postgres(e) => e.code().is_some_and(|c| c.code().starts_with("23")),
            _ => false,
        }
    }

    /// Whether the database server could not be reached or the connection broke
    /// (or the server is shutting down): the statement did not run, and trying
    /// again later may work.
    pub fn is_connection_lost(&self) -> bool {
        let e = match self {
            DbError::Postgres(e) | DbError::Prepare { source: e, .. } => e,
            _ => return false,
        };
        if e.is_closed() {
            return true;
        }
        match e.code() {
            // Connection exceptions and operator intervention (shutdown).
            Some(code) => code.code().starts_with("08") || code.code().starts_with("57P"),
            // Not the server's answer: the socket, a timeout, a refused connection.
            None => e.as_db_error().is_none(),
        }
    }
}

/// `.optional()` on a query that may return no row, as in rusqlite.
pub trait OptionalExtension<T> {
    /// `Ok(None)` when there was no row.
    fn optional(self) -> Result<Option<T>>;
}

impl<T> OptionalExtension<T> for Result<T> {
    fn optional(self) -> Result<Option<T>> {
        match self {
            Ok(v) => Ok(Some(v)),
            Err(DbError::NoRows) => Ok(None),
            Err(e) => Err(e),
        }
    }
}
