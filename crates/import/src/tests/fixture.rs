//! Test support: opening the files in `tests/fixtures/import/` and draining
//! an importer into its records and row errors.

use crate::LineRecord;
use crate::{open, FileError, Importer, Located, OrderRecord, Record, RowError, SourceDescription};
use chrono::{DateTime, Utc};
use courtesy_core::{Currency, PostalAddress};
use std::path::PathBuf;

/// The path of a fixture file.
pub(crate) fn path(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/fixtures/import")
        .join(name)
}

/// The bytes of a fixture file.
pub(crate) fn bytes(name: &str) -> Vec<u8> {
    std::fs::read(path(name)).unwrap_or_else(|e| panic!("fixture {name} is missing: {e}"))
}

/// Opens a fixture as the app does, without a format hint.
pub(crate) fn open_fixture(
    name: &str,
) -> Result<(Box<dyn Importer + Send>, SourceDescription), FileError> {
    let file = std::fs::File::open(path(name))
        .unwrap_or_else(|e| panic!("fixture {name} is missing: {e}"));
    open(file, None)
}

/// Everything an importer yields, split into records and row errors.
pub(crate) struct Drained {
    /// Records with their rows.
    pub(crate) records: Vec<Located<Record>>,
    /// Rows that could not be read.
    pub(crate) errors: Vec<RowError>,
    /// `bytes_read()` at the end.
    pub(crate) bytes_read: u64,
}

/// Reads an importer to its end (at most a million items, so a bug that never
/// ends fails instead of hanging).
pub(crate) fn drain(mut importer: Box<dyn Importer + Send>) -> Drained {
    let mut drained = Drained {
        records: Vec::new(),
        errors: Vec::new(),
        bytes_read: 0,
    };
    for _ in 0..1_000_000 {
        match importer.next_record() {
            Some(Ok(record)) => drained.records.push(record),
            Some(Err(error)) => drained.errors.push(error),
            None => {
                drained.bytes_read = importer.bytes_read();
                return drained;
            }
        }
    }
    panic!("the importer never ended");
}

/// Opens and drains a fixture that must open.
pub(crate) fn read_fixture(name: &str) -> (SourceDescription, Drained) {
    match open_fixture(name) {
        Ok((importer, description)) => (description, drain(importer)),
        Err(e) => panic!("{name} should open, but: {e}"),
    }
}

/// The orders among records, with their rows.
pub(crate) fn orders(records: &[Located<Record>]) -> Vec<(u64, OrderRecord)> {
    records
        .iter()
        .filter_map(|r| match &r.value {
            Record::Order(order) => Some((r.row, order.clone())),
            Record::Customer(_) => None,
        })
        .collect()
}

/// A UTC instant from RFC 3339 text.
pub(crate) fn utc(text: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(text)
        .map(|d| d.with_timezone(&Utc))
        .unwrap_or_else(|e| panic!("bad test date {text}: {e}"))
}

/// A currency code that is known to be valid.
pub(crate) fn currency(code: &str) -> Currency {
    Currency::parse(code).unwrap_or_else(|e| panic!("{e}"))
}

/// An address with the parts the fixtures fill.
pub(crate) fn address(
    name: &str,
    line1: &str,
    postal_code: &str,
    city: &str,
    country: &str,
) -> PostalAddress {
    PostalAddress {
        name: name.into(),
        line1: line1.into(),
        postal_code: postal_code.into(),
        city: city.into(),
        country: country.into(),
        ..Default::default()
    }
}

/// An order line.
pub(crate) fn line(
    sku: &str,
    name: &str,
    variant: &str,
    quantity: i64,
    unit_price_minor: i64,
) -> LineRecord {
    LineRecord {
        sku: sku.into(),
        name: name.into(),
        variant: variant.into(),
        quantity,
        unit_price_minor,
    }
}
