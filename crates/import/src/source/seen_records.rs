//! Records identical to an earlier record of the same file: two overlapping
//! exports pasted into one file repeat some of them byte for byte. Each
//! record (its rows, or a JSON object) is remembered as a 64-bit hash (a
//! million-line file keeps a few megabytes), and a record seen before is
//! counted, not read again.

use crate::source::rows::Row;
use std::collections::HashSet;
use std::hash::{DefaultHasher, Hash, Hasher};

/// The records of a file read so far, and how many came again.
#[derive(Default)]
pub(crate) struct SeenRecords {
    hashes: HashSet<u64>,
    duplicates: u64,
}

impl SeenRecords {
    /// Whether the record made of `rows` is new to the file (it is remembered
    /// then); a repeat is counted as one duplicate per row.
    pub(crate) fn first_time(&mut self, rows: &[Row]) -> bool {
        if self.hashes.insert(hash_rows(rows)) {
            return true;
        }
        self.duplicates += rows.len() as u64;
        false
    }

    /// Whether a JSON object is new to the file (it is remembered then); a
    /// repeat is counted as one duplicate.
    pub(crate) fn first_time_object(
        &mut self,
        object: &serde_json::Map<String, serde_json::Value>,
    ) -> bool {
        let mut h = DefaultHasher::new();
        serde_json::Value::Object(object.clone())
            .to_string()
            .hash(&mut h);
        if self.hashes.insert(h.finish()) {
            return true;
        }
        self.duplicates += 1;
        false
    }

    /// Counts rows dropped elsewhere as repeats.
    pub(crate) fn add_duplicates(&mut self, rows: u64) {
        self.duplicates += rows;
    }

    /// Rows found to repeat earlier ones.
    pub(crate) fn duplicates(&self) -> u64 {
        self.duplicates
    }
}

/// One hash of the cells of `rows` (not of their line numbers).
fn hash_rows(rows: &[Row]) -> u64 {
    let mut h = DefaultHasher::new();
    for row in rows {
        row.cells.len().hash(&mut h);
        for cell in row.cells.iter() {
            cell.hash(&mut h);
        }
    }
    h.finish()
}

#[cfg(test)]
mod tests {
    use super::*;
    use csv::StringRecord;

    fn row(number: u64, cells: &[&str]) -> Row {
        Row {
            number,
            cells: StringRecord::from(cells.to_vec()),
            fault: None,
        }
    }

    #[test]
    fn a_record_with_the_same_cells_is_a_repeat_wherever_it_stands() {
        let mut seen = SeenRecords::default();
        assert!(seen.first_time(&[row(2, &["#1", "a"]), row(3, &["#1", "b"])]));
        assert!(
            seen.first_time(&[row(4, &["#1", "a"])]),
            "part of a record is another record"
        );
        assert!(
            seen.first_time(&[row(5, &["#1", "a,b"])]),
            "cells are not joined"
        );
        assert!(!seen.first_time(&[row(9, &["#1", "a"]), row(10, &["#1", "b"])]));
        assert_eq!(seen.duplicates(), 2);
    }
}
