//! Shopify's "Export customers" CSV, one customer per row, in both header
//! generations: the current one (`Customer ID`, `Accepts Email Marketing`,
//! `Default Address …`) and the older one (`Company`, `Address1`, `Accepts
//! Marketing`, no customer id). The default address is taken as a shipping address.

use crate::record::{CustomerRecord, Importer, Located, Record, RowError};
use crate::source::cells::{country_code, non_empty, parse_yes_no, strip_text_mark, CellReader};
use crate::source::columns::{column_set, Header};
use crate::source::record_rows::RecordRows;
use crate::source::rows::{Row, RowReader};
use courtesy_core::PostalAddress;

column_set! {
    /// The columns of a customers export, current name first, then older ones.
    CustomerColumns {
        id: "Customer ID",
        first_name: "First Name",
        last_name: "Last Name",
        email: "Email",
        email_consent: "Accepts Email Marketing" | "Accepts Marketing",
        sms_consent: "Accepts SMS Marketing",
        company: "Default Address Company" | "Company",
        address1: "Default Address Address1" | "Address1",
        address2: "Default Address Address2" | "Address2",
        city: "Default Address City" | "City",
        province: "Default Address Province Code" | "Province Code" | "Province",
        country: "Default Address Country Code" | "Country Code" | "Country",
        zip: "Default Address Zip" | "Zip",
        address_phone: "Default Address Phone",
        phone: "Phone",
        note: "Note",
        tags: "Tags",
    }
}

/// Reads customers from a Shopify customers export.
pub struct ShopifyCustomers {
    rows: RecordRows,
    columns: CustomerColumns,
}

impl ShopifyCustomers {
    /// Reads the rows of a file whose header is `header`.
    pub(crate) fn new(rows: RowReader, header: &Header) -> Self {
        ShopifyCustomers {
            rows: RecordRows::new(rows),
            columns: CustomerColumns::resolve(header),
        }
    }
}

impl Importer for ShopifyCustomers {
    fn next_record(&mut self) -> Option<Result<Located<Record>, RowError>> {
        let row = match self.rows.next_row()? {
            Ok(row) => row,
            Err(e) => return Some(Err(e)),
        };
        Some(read_customer(&row, &self.columns).map(|customer| Located {
            row: row.number,
            value: Record::Customer(customer),
        }))
    }

    fn bytes_read(&self) -> u64 {
        self.rows.bytes_read()
    }

    fn duplicates(&self) -> u64 {
        self.rows.duplicates()
    }
}

fn read_customer(row: &Row, c: &CustomerColumns) -> Result<CustomerRecord, RowError> {
    // Customers have no amounts; the decimal separator does not matter.
    let cells = CellReader::new(row, '.');
    let text = |column| cells.text(column).to_string();
    let mut phones: Vec<String> = Vec::new();
    for column in [c.phone, c.address_phone] {
        let phone = strip_text_mark(cells.text(column));
        if !phone.is_empty() && !phones.iter().any(|p| p == phone) {
            phones.push(phone.to_string());
        }
    }
    let email = non_empty(cells.text(c.email));
    let (first_name, last_name) = (text(c.first_name), text(c.last_name));
    if email.is_none() && phones.is_empty() && first_name.is_empty() && last_name.is_empty() {
        return Err(RowError {
            row: row.number,
            column: None,
            reason: "the row has no name, e-mail or phone".to_string(),
        });
    }
    let country_text = cells.text(c.country);
    let address = PostalAddress {
        name: [first_name.as_str(), last_name.as_str()]
            .iter()
            .filter(|s| !s.is_empty())
            .copied()
            .collect::<Vec<_>>()
            .join(" "),
        company: text(c.company),
        line1: text(c.address1),
        line2: text(c.address2),
        postal_code: strip_text_mark(cells.text(c.zip)).to_string(),
        city: text(c.city),
        region: text(c.province),
        country: country_code(country_text).unwrap_or_else(|| country_text.to_string()),
    };
    let has_address =
        !(address.line1.is_empty() && address.city.is_empty() && address.postal_code.is_empty());
    Ok(CustomerRecord {
        source: "shopify".to_string(),
        external_id: non_empty(strip_text_mark(cells.text(c.id))),
        first_name,
        last_name,
        company: address.company.clone(),
        email,
        phones,
        country: country_code(country_text),
        language: None,
        addresses: if has_address {
            vec![("shipping".to_string(), address)]
        } else {
            Vec::new()
        },
        tags: cells
            .text(c.tags)
            .split(',')
            .filter_map(non_empty)
            .collect(),
        note: text(c.note),
        email_consent: parse_yes_no(cells.text(c.email_consent)),
        sms_consent: parse_yes_no(cells.text(c.sms_consent)),
        created_at: None,
    })
}

#[cfg(test)]
#[path = "../tests/shopify_customers_files.rs"]
mod files;

#[cfg(test)]
mod tests {
    use super::*;
    use csv::StringRecord;

    #[test]
    fn a_row_without_name_email_or_phone_is_an_error() {
        let header = Header::new(
            ["First Name", "Last Name", "Email", "Phone", "Tags"]
                .iter()
                .map(|s| s.to_string())
                .collect(),
        );
        let columns = CustomerColumns::resolve(&header);
        let row = Row {
            number: 7,
            cells: StringRecord::from(vec!["", "", "", "", "vip"]),
            fault: None,
        };
        let err = read_customer(&row, &columns).err();
        assert_eq!(err.map(|e| e.row), Some(7));
    }
}
