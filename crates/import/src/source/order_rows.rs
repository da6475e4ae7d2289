//! The rows of an orders CSV grouped into orders: consecutive rows with the
//! same order number are one order (one row per product line, the order's
//! fields repeated or left blank after the first row).
//!
//! An order is read whole or not at all: when one of its rows cannot be read
//! (see [`crate::source::rows`]) none of them is, and each is reported, the unreadable
//! one with its reason. A row that repeats a line of its order (two exports
//! pasted one after the other, overlapping at that order, maybe exported before
//! and after its totals changed) is dropped, and an order repeated whole later
//! in the file is read once; both are counted as duplicates.

use crate::record::RowError;
use crate::source::columns::Column;
use crate::source::rows::{Row, RowReader};
use crate::source::seen_records::SeenRecords;
use std::collections::VecDeque;

/// Rows read in groups of one order each.
pub(crate) struct OrderRows {
    rows: RowReader,
    number: Column,
    /// The cells that say what a row's line is; rows that agree on them are
    /// one line.
    line: Vec<Column>,
    /// The row read past the end of the previous order (or its error).
    lookahead: Option<Result<Row, RowError>>,
    seen: SeenRecords,
    /// Errors of an order left out, still to be given.
    pending: VecDeque<RowError>,
}

impl OrderRows {
    /// Groups `rows` by the order number in `number`; `line` are the columns
    /// that make a row's line (none: the whole row).
    pub(crate) fn new(rows: RowReader, number: Column, line: Vec<Column>) -> Self {
        OrderRows {
            rows,
            number,
            line,
            lookahead: None,
            seen: SeenRecords::default(),
            pending: VecDeque::new(),
        }
    }

    /// Bytes of the file consumed so far.
    pub(crate) fn bytes_read(&self) -> u64 {
        self.rows.bytes_read()
    }

    /// Rows dropped as repeats of earlier ones.
    pub(crate) fn duplicates(&self) -> u64 {
        self.seen.duplicates()
    }

    fn next_row(&mut self) -> Option<Result<Row, RowError>> {
        self.lookahead.take().or_else(|| self.rows.next_row())
    }

    /// The next order's rows, all readable and none repeated, or the error of
    /// a row that is not imported (an order left out gives one per row);
    /// `None` at the end of the file. An order repeated whole is passed over.
    pub(crate) fn next_group(&mut self) -> Option<Result<Vec<Row>, RowError>> {
        loop {
            if let Some(e) = self.pending.pop_front() {
                return Some(Err(e));
            }
            let group = match self.next_rows()? {
                Ok(group) => group,
                Err(e) => return Some(Err(e)),
            };
            if group.iter().any(|row| row.fault.is_some()) {
                self.pending = self.unreadable(&group).into();
                continue;
            }
            if self.seen.first_time(&group) {
                return Some(Ok(group));
            }
        }
    }

    /// The first row and every row right after it with the same number, less
    /// rows that repeat an earlier line of the order. A row without a number is
    /// an error of its own.
    fn next_rows(&mut self) -> Option<Result<Vec<Row>, RowError>> {
        let first = match self.next_row()? {
            Ok(row) => row,
            Err(e) => return Some(Err(e)),
        };
        let number = self.number;
        if number.text(&first.cells).is_empty() {
            return Some(Err(first.fault_error().unwrap_or_else(|| RowError {
                row: first.number,
                column: Some(number.name.to_string()),
                reason: format!("the row has no order number ({})", number.name),
            })));
        }
        let mut group = vec![first];
        while let Some(next) = self.rows.next_row() {
            match next {
                Ok(row) if number.text(&row.cells) == number.text(&group[0].cells) => {
                    if group.iter().any(|earlier| self.same_line(earlier, &row)) {
                        self.seen.add_duplicates(1);
                    } else {
                        group.push(row);
                    }
                }
                other => {
                    self.lookahead = Some(other);
                    break;
                }
            }
        }
        Some(Ok(group))
    }

    /// Whether two rows of an order are the same line.
    fn same_line(&self, a: &Row, b: &Row) -> bool {
        let no_line = self.line.iter().all(|column| !column.is_present());
        if no_line || a.fault.is_some() || b.fault.is_some() {
            return a.cells == b.cells;
        }
        self.line
            .iter()
            .all(|column| column.text(&a.cells) == column.text(&b.cells))
    }

    /// The errors of an order with an unreadable row: that row's reason, and
    /// for each of the others that it was left out with it.
    fn unreadable(&self, group: &[Row]) -> Vec<RowError> {
        let number = self.number.text(&group[0].cells).to_string();
        let bad: Vec<String> = group
            .iter()
            .filter(|row| row.fault.is_some())
            .map(|row| row.number.to_string())
            .collect();
        group
            .iter()
            .map(|row| {
                row.fault_error().unwrap_or_else(|| RowError {
                    row: row.number,
                    column: None,
                    reason: format!(
                        "order {number} was not imported: its line {} could not be read",
                        bad.join(", ")
                    ),
                })
            })
            .collect()
    }
}
