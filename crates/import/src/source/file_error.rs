//! Why a whole file is refused before any row is read.

use crate::source::format::Format;
use courtesy_core::{ErrorCode, ErrorParams};

/// A file that cannot be imported at all. Rows that cannot be read are
/// [`RowError`](crate::RowError)s instead, and the rest of the file still imports.
#[derive(Debug, thiserror::Error)]
pub enum FileError {
    /// NUL bytes or control characters: an image, a spreadsheet, an archive.
    #[error("this file is not a CSV or JSON export: it looks like binary data")]
    NotText,
    /// Nothing in it (or only spaces and a byte-order mark).
    #[error("the file is empty")]
    Empty,
    /// A header and no rows.
    #[error("the file has a header but no rows")]
    NoRows,
    /// The header is not one Courtesy knows.
    #[error(
        "the columns do not match a Shopify or WooCommerce export: {} (pick a column mapping)",
        list_columns(.columns)
    )]
    UnknownFormat {
        /// The file's header cells.
        columns: Vec<String>,
    },
    /// The caller said which format the file is, and it lacks some of its columns.
    #[error("the file is not a {format} export: it has no {} column", .missing.join(", "))]
    MissingColumns {
        /// The format asked for.
        format: Format,
        /// Its required columns that the file lacks.
        missing: Vec<String>,
    },
    /// The file is JSON (or starts like it) but breaks off or is not valid
    /// before its first object could be read.
    #[error("the file is not valid JSON: {reason}")]
    Malformed {
        /// What is wrong, and where.
        reason: String,
    },
    /// Valid JSON, but not a list of WooCommerce orders or customers.
    #[error("the JSON is not a list of WooCommerce orders or customers: {reason}")]
    UnknownJson {
        /// What the file holds instead.
        reason: String,
    },
    /// A mapped CSV was asked for without a column mapping.
    #[error("a CSV of another shop system needs a column mapping: pick which column holds what")]
    NeedsMapping,
    /// The column mapping leaves out fields the import cannot do without.
    #[error("the column mapping does not say which column holds: {}", .missing.join(", "))]
    MappingIncomplete {
        /// The fields without a column, e.g. `order_number`.
        missing: Vec<String>,
    },
    /// The column mapping names columns the file does not have.
    #[error(
        "the file has no {} column, which the column mapping names (is it another export?)",
        .missing.join(", ")
    )]
    MappedColumnsMissing {
        /// The headers the mapping names that the file lacks.
        missing: Vec<String>,
    },
    /// Reading the first block failed.
    #[error("the file could not be read: {0}")]
    Io(#[from] std::io::Error),
}

/// How many header cells an error message shows before `…`.
const COLUMNS_SHOWN: usize = 6;

fn list_columns(columns: &[String]) -> String {
    let mut shown: Vec<&str> = columns
        .iter()
        .take(COLUMNS_SHOWN)
        .map(String::as_str)
        .collect();
    if columns.len() > COLUMNS_SHOWN {
        shown.push("…");
    }
    shown.join(", ")
}

impl FileError {
    /// A stable code for the UI and tests, e.g. `import.not_text`.
    pub fn code(&self) -> ErrorCode {
        match self {
            FileError::NotText => ErrorCode::ImportNotText,
            FileError::Empty => ErrorCode::ImportEmpty,
            FileError::NoRows => ErrorCode::ImportNoRows,
            FileError::UnknownFormat { .. } => ErrorCode::ImportUnknownFormat,
            FileError::MissingColumns { .. } | FileError::MappedColumnsMissing { .. } => {
                ErrorCode::ImportMissingColumns
            }
            FileError::Malformed { .. } => ErrorCode::ImportMalformed,
            FileError::UnknownJson { .. } => ErrorCode::ImportUnknownJson,
            FileError::NeedsMapping => ErrorCode::ImportNeedsMapping,
            FileError::MappingIncomplete { .. } => ErrorCode::ImportMappingIncomplete,
            FileError::Io(_) => ErrorCode::ImportIo,
        }
    }

    /// The error's parameters, named as its code says.
    pub fn params(&self) -> ErrorParams {
        match self {
            FileError::NotText | FileError::Empty | FileError::NoRows | FileError::NeedsMapping => {
                Vec::new()
            }
            FileError::UnknownFormat { columns } => vec![("columns", list_columns(columns))],
            FileError::MissingColumns { missing, .. }
            | FileError::MappedColumnsMissing { missing } => {
                vec![("columns", missing.join(", "))]
            }
            FileError::Malformed { reason } | FileError::UnknownJson { reason } => {
                vec![("reason", reason.clone())]
            }
            FileError::MappingIncomplete { missing } => vec![("fields", missing.join(", "))],
            FileError::Io(e) => vec![("path", String::new()), ("reason", e.to_string())],
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_format_lists_the_first_columns() {
        let columns: Vec<String> = ["a", "b", "c", "d", "e", "f", "g"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        let err = FileError::UnknownFormat { columns };
        assert_eq!(
            err.to_string(),
            "the columns do not match a Shopify or WooCommerce export: a, b, c, d, e, f, … (pick a column mapping)"
        );
        assert_eq!(err.code(), "import.unknown_format");
    }
}
