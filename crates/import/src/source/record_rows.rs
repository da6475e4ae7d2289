//! The rows of a CSV of one record per row (a customers export): a row that
//! cannot be read is an error on its line, and a row identical to an earlier
//! one is counted as a duplicate instead of being read again.

use crate::record::RowError;
use crate::source::rows::{Row, RowReader};
use crate::source::seen_records::SeenRecords;

/// Rows read one record each.
pub(crate) struct RecordRows {
    rows: RowReader,
    seen: SeenRecords,
}

impl RecordRows {
    /// Reads records from `rows`.
    pub(crate) fn new(rows: RowReader) -> Self {
        RecordRows {
            rows,
            seen: SeenRecords::default(),
        }
    }

    /// The next readable row not seen before, or the error of one that is
    /// not imported; `None` at the end of the file.
    pub(crate) fn next_row(&mut self) -> Option<Result<Row, RowError>> {
        loop {
            let row = match self.rows.next_row()? {
                Ok(row) => row,
                Err(e) => return Some(Err(e)),
            };
            if let Some(e) = row.fault_error() {
                return Some(Err(e));
            }
            if self.seen.first_time(std::slice::from_ref(&row)) {
                return Some(Ok(row));
            }
        }
    }

    /// Bytes of the file consumed so far.
    pub(crate) fn bytes_read(&self) -> u64 {
        self.rows.bytes_read()
    }

    /// Rows that repeated earlier ones.
    pub(crate) fn duplicates(&self) -> u64 {
        self.seen.duplicates()
    }
}
