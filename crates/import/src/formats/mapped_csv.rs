//! A CSV from any other shop system, read through a [`ColumnMapping`]: the
//! same sniffing as a known export (encoding, delimiter, decimal separator),
//! but the columns are the ones the mapping names instead of a known header.
//!
//! Errors name the file's column (the mapping's header text), not Courtesy's
//! field; rows are physical lines (the header is line 1).

use crate::formats::mapping::{ColumnMapping, MappedKind, CUSTOMER_FIELDS, ORDER_FIELDS};
use crate::record::RowError;
use crate::source::columns::{Column, Header};
use crate::source::file_error::FileError;
use crate::source::format::Format;
use crate::source::format::SourceDescription;
use crate::source::rows::RowReader;
use crate::source::sniff::{csv_rows, sample_rows, sniff_decimal, sniff_delimiter, sniff_text};
use courtesy_core::Currency;
use std::collections::BTreeMap;
use std::io::Read;

/// Order fields holding amounts, looked at to tell a decimal comma from a dot.
const AMOUNT_FIELDS: [&str; 6] = [
    "total",
    "subtotal",
    "shipping",
    "tax",
    "discount",
    "line_price",
];

/// Order fields a mapping must name.
const REQUIRED_ORDER_FIELDS: [&str; 3] = ["order_number", "placed_at", "total"];

/// Customer fields of which a mapping must name at least one.
const CUSTOMER_KEYS: [&str; 5] = ["email", "phone", "full_name", "first_name", "last_name"];

/// A CSV sniffed through a mapping: its rows, the columns the mapping names,
/// the decimal separator of its amounts and the mapping's currency.
pub(crate) struct MappedFile {
    /// Its data rows.
    pub(crate) rows: RowReader,
    /// The mapped columns.
    pub(crate) columns: MappedColumns,
    /// The decimal separator.
    pub(crate) decimal: char,
    /// The currency of a file without a currency column.
    pub(crate) currency: Option<Currency>,
    /// What was found.
    pub(crate) description: SourceDescription,
}

/// Sniffs `reader` like any export but reads its columns as `mapping` says
/// instead of detecting a format. Fails whole when the mapping lacks a
/// required field or names a column the file does not have.
pub(crate) fn sniff_mapped(
    mut reader: impl Read + Send + 'static,
    mapping: &ColumnMapping,
) -> Result<MappedFile, FileError> {
    let sniffed = sniff_text(&mut reader)?;
    let delimiter = sniff_delimiter(&sniffed.text);
    let (header, samples) = sample_rows(&sniffed.text, delimiter, sniffed.complete);
    let columns = MappedColumns::resolve(&header, mapping)?;
    let currency = match mapping.currency.as_deref().map(str::trim) {
        None | Some("") => None,
        Some(code) => Some(
            Currency::parse(code).map_err(|e| FileError::MappingIncomplete {
                missing: vec![format!("currency ({e})")],
            })?,
        ),
    };
    if sniffed.complete && samples.is_empty() {
        return Err(FileError::NoRows);
    }
    let amounts: Vec<Column> = AMOUNT_FIELDS.iter().map(|f| columns.get(f)).collect();
    let decimal = sniff_decimal(delimiter, &amounts, &samples);
    let description = SourceDescription {
        format: Format::MappedCsv,
        encoding: sniffed.encoding.name(),
        delimiter: char::from(delimiter),
        decimal,
        columns: header.names().to_vec(),
    };
    let rows = csv_rows(sniffed.block, reader, sniffed.encoding, delimiter);
    Ok(MappedFile {
        rows,
        columns,
        decimal,
        currency,
        description,
    })
}

/// The file's columns for each of Courtesy's fields that the mapping names.
#[derive(Debug, Clone)]
pub(crate) struct MappedColumns {
    columns: BTreeMap<&'static str, Column>,
    /// Field → the file's header text, for error messages.
    headers: BTreeMap<&'static str, String>,
}

impl MappedColumns {
    /// Finds the mapped columns in `header`. Fields the mapping names that
    /// Courtesy does not know are ignored.
    pub(crate) fn resolve(header: &Header, mapping: &ColumnMapping) -> Result<Self, FileError> {
        let fields = match mapping.kind {
            MappedKind::Orders => ORDER_FIELDS,
            MappedKind::Customers => CUSTOMER_FIELDS,
        };
        let mut columns = BTreeMap::new();
        let mut headers = BTreeMap::new();
        let mut missing: Vec<String> = Vec::new();
        for &field in fields {
            let Some(name) = mapping.fields.get(field).map(|h| h.trim()) else {
                continue;
            };
            if name.is_empty() {
                continue;
            }
            let column = header.column_named(name, field);
            if !column.is_present() && !missing.iter().any(|m| m == name) {
                missing.push(name.to_string());
            }
            columns.insert(field, column);
            headers.insert(field, name.to_string());
        }
        let unnamed: Vec<String> = match mapping.kind {
            MappedKind::Orders => REQUIRED_ORDER_FIELDS
                .iter()
                .filter(|f| !columns.contains_key(*f))
                .map(|f| f.to_string())
                .collect(),
            MappedKind::Customers if !CUSTOMER_KEYS.iter().any(|f| columns.contains_key(f)) => {
                vec![format!("one of {}", CUSTOMER_KEYS.join(", "))]
            }
            MappedKind::Customers => Vec::new(),
        };
        if !unnamed.is_empty() {
            return Err(FileError::MappingIncomplete { missing: unnamed });
        }
        if !missing.is_empty() {
            return Err(FileError::MappedColumnsMissing { missing });
        }
        Ok(MappedColumns { columns, headers })
    }

    /// The column of `field`; an unmapped field reads as empty.
    pub(crate) fn get(&self, field: &'static str) -> Column {
        self.columns
            .get(field)
            .copied()
            .unwrap_or_else(|| Column::absent(field))
    }

    /// Whether the mapping names a column for `field`.
    pub(crate) fn has(&self, field: &str) -> bool {
        self.columns.contains_key(field)
    }

    /// The error with its column given as the file's header instead of the field.
    pub(crate) fn relabel(&self, mut error: RowError) -> RowError {
        if let Some(header) = error
            .column
            .as_deref()
            .and_then(|field| self.headers.get(field))
        {
            error.column = Some(header.clone());
        }
        error
    }
}

#[cfg(test)]
#[path = "../tests/mapped_csv_files.rs"]
mod files;

#[cfg(test)]
mod tests {
    use super::*;

    fn mapping(kind: MappedKind, pairs: &[(&str, &str)]) -> ColumnMapping {
        ColumnMapping {
            kind,
            fields: pairs
                .iter()
                .map(|(f, h)| (f.to_string(), h.to_string()))
                .collect(),
            currency: None,
        }
    }

    fn header() -> Header {
        Header::new(vec![
            "Nr".into(),
            "Datum".into(),
            "Summe".into(),
            "Mail".into(),
        ])
    }

    #[test]
    fn a_mapping_without_required_fields_is_refused() {
        let m = mapping(
            MappedKind::Orders,
            &[("order_number", "Nr"), ("email", "Mail")],
        );
        let err = MappedColumns::resolve(&header(), &m).err();
        assert_eq!(
            err.map(|e| (e.code().as_str(), e.to_string())),
            Some((
                "import.mapping_incomplete",
                "the column mapping does not say which column holds: placed_at, total".into()
            ))
        );
        let none = mapping(MappedKind::Customers, &[("note", "Nr")]);
        let err = MappedColumns::resolve(&header(), &none).err();
        assert_eq!(
            err.map(|e| e.code().as_str()),
            Some("import.mapping_incomplete")
        );
    }

    #[test]
    fn a_mapping_naming_absent_columns_is_refused() {
        let m = mapping(
            MappedKind::Orders,
            &[
                ("order_number", "Nr"),
                ("placed_at", "Datum"),
                ("total", "Betrag"),
            ],
        );
        let err = MappedColumns::resolve(&header(), &m).err();
        assert_eq!(
            err.map(|e| (e.code().as_str(), e.to_string())),
            Some((
                "import.missing_columns",
                "the file has no Betrag column, which the column mapping names (is it another export?)"
                    .into()
            ))
        );
    }

    #[test]
    fn errors_name_the_files_column() {
        let m = mapping(
            MappedKind::Orders,
            &[
                ("order_number", " nr "),
                ("placed_at", "Datum"),
                ("total", "Summe"),
            ],
        );
        let Ok(columns) = MappedColumns::resolve(&header(), &m) else {
            panic!("the mapping fits")
        };
        let error = RowError {
            row: 3,
            column: Some("order_number".into()),
            reason: "x".into(),
        };
        assert_eq!(columns.relabel(error).column.as_deref(), Some("nr"));
        assert!(columns.has("total") && !columns.has("email"));
    }
}
