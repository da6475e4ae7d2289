//! Customers from a mapped CSV, one per row. A full name is split at its last
//! space when there are no first and last names; tags are comma-separated;
//! marketing consent is yes or no in several languages. The address is taken
//! as a shipping address, as a Shopify customer's default address is.

use crate::formats::mapped_csv::MappedColumns;
use crate::formats::mapped_words::consent;
use crate::record::{CustomerRecord, Importer, Located, Record, RowError};
use crate::source::cells::{country_code, non_empty, split_name, CellReader};
use crate::source::record_rows::RecordRows;
use crate::source::rows::{Row, RowReader};
use courtesy_core::PostalAddress;

/// Reads customers from a mapped CSV.
pub struct MappedCustomers {
    rows: RecordRows,
    columns: MappedColumns,
}

impl MappedCustomers {
    /// Reads `rows` through `columns`.
    pub(crate) fn new(rows: RowReader, columns: MappedColumns) -> Self {
        MappedCustomers {
            rows: RecordRows::new(rows),
            columns,
        }
    }
}

impl Importer for MappedCustomers {
    fn next_record(&mut self) -> Option<Result<Located<Record>, RowError>> {
        let row = match self.rows.next_row()? {
            Ok(row) => row,
            Err(e) => return Some(Err(e)),
        };
        Some(
            read_customer(&row, &self.columns)
                .map(|customer| Located {
                    row: row.number,
                    value: Record::Customer(customer),
                })
                .map_err(|e| self.columns.relabel(e)),
        )
    }

    fn bytes_read(&self) -> u64 {
        self.rows.bytes_read()
    }

    fn duplicates(&self) -> u64 {
        self.rows.duplicates()
    }
}

fn read_customer(row: &Row, c: &MappedColumns) -> Result<CustomerRecord, RowError> {
    // Customers have no amounts; the decimal separator does not matter.
    let cells = CellReader::new(row, '.');
    let text = |field: &'static str| cells.text(c.get(field)).to_string();
    let (mut first_name, mut last_name) = (text("first_name"), text("last_name"));
    if first_name.is_empty() && last_name.is_empty() {
        (first_name, last_name) = split_name(&text("full_name"));
    }
    let email = non_empty(&text("email"));
    let phones: Vec<String> = non_empty(&text("phone")).into_iter().collect();
    if email.is_none() && phones.is_empty() && first_name.is_empty() && last_name.is_empty() {
        return Err(RowError {
            row: row.number,
            column: None,
            reason: "the row has no name, e-mail or phone".to_string(),
        });
    }
    let country = text("country");
    let address = PostalAddress {
        name: format!("{first_name} {last_name}").trim().to_string(),
        company: text("company"),
        line1: text("address1"),
        line2: text("address2"),
        postal_code: text("postal_code"),
        city: text("city"),
        region: text("region"),
        country: country_code(&country).unwrap_or_else(|| country.clone()),
    };
    let has_address =
        !(address.line1.is_empty() && address.city.is_empty() && address.postal_code.is_empty());
    Ok(CustomerRecord {
        source: "csv".to_string(),
        external_id: non_empty(&text("external_id")),
        first_name,
        last_name,
        company: text("company"),
        email,
        phones,
        country: country_code(&country),
        language: None,
        addresses: if has_address {
            vec![("shipping".to_string(), address)]
        } else {
            Vec::new()
        },
        tags: text("tags").split(',').filter_map(non_empty).collect(),
        note: text("note"),
        email_consent: consent(&text("email_consent")),
        sms_consent: None,
        created_at: cells.date(c.get("created_at"))?,
    })
}
