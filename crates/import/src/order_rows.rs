//! The rows of an orders CSV grouped into orders: consecutive rows with the
//! same order number are one order (one row per product line, the order's
//! fields repeated or left blank after the first row).

use crate::columns::Column;
use crate::record::RowError;
use crate::rows::{Row, RowReader};

/// Rows read in groups of one order each.
pub(crate) struct OrderRows {
    rows: RowReader,
    number: Column,
    /// The row read past the end of the previous order (or its error).
    lookahead: Option<Result<Row, RowError>>,
}

impl OrderRows {
    /// Groups `rows` by the order number in `number`.
    pub(crate) fn new(rows: RowReader, number: Column) -> Self {
        OrderRows {
            rows,
            number,
            lookahead: None,
        }
    }

    /// Bytes of the file consumed so far.
    pub(crate) fn bytes_read(&self) -> u64 {
        self.rows.bytes_read()
    }

    fn next_row(&mut self) -> Option<Result<Row, RowError>> {
        self.lookahead.take().or_else(|| self.rows.next_row())
    }

    /// The rows of the next order: the first row and every row right after it
    /// with the same number. A row without a number is an error of its own.
    pub(crate) fn next_group(&mut self) -> Option<Result<Vec<Row>, RowError>> {
        let first = match self.next_row()? {
            Ok(row) => row,
            Err(e) => return Some(Err(e)),
        };
        let number = self.number;
        if number.text(&first.cells).is_empty() {
            return Some(Err(RowError {
                row: first.number,
                column: Some(number.name.to_string()),
                reason: "the row has no order number".to_string(),
            }));
        }
        let mut group = vec![first];
        while let Some(next) = self.rows.next_row() {
            match next {
                Ok(row) if number.text(&row.cells) == number.text(&group[0].cells) => {
                    group.push(row)
                }
                other => {
                    self.lookahead = Some(other);
                    break;
                }
            }
        }
        Some(Ok(group))
    }
}
