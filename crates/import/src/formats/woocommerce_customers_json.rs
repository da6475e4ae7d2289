//! WooCommerce REST API v3 customers (`GET /wp-json/wc/v3/customers`) saved to
//! a file: a JSON array of customer objects, read one object at a time.
//!
//! The customer's own `email`, `first_name` and `last_name` come first; the
//! billing block fills what they leave empty. Both addresses are kept. Each
//! customer is located at its 1-based place in the list.

use crate::formats::woocommerce_party::Party;
use crate::record::{CustomerRecord, Importer, Located, Record, RowError};
use crate::source::cells::non_empty;
use crate::source::json_fields::Fields;
use crate::source::json_objects::JsonObjects;
use serde_json::{Map, Value};

/// Reads customers from a saved WooCommerce customers list.
pub struct WooCommerceCustomersJson {
    objects: JsonObjects,
}

impl WooCommerceCustomersJson {
    /// Reads the customers of `objects`.
    pub(crate) fn new(objects: JsonObjects) -> Self {
        WooCommerceCustomersJson { objects }
    }
}

impl Importer for WooCommerceCustomersJson {
    fn next_record(&mut self) -> Option<Result<Located<Record>, RowError>> {
        Some(self.objects.next_object()?.and_then(|(row, object)| {
            read_customer(row, &object).map(|customer| Located {
                row,
                value: Record::Customer(customer),
            })
        }))
    }

    fn bytes_read(&self) -> u64 {
        self.objects.bytes_read()
    }

    fn duplicates(&self) -> u64 {
        self.objects.duplicates()
    }

    fn first_data_row(&self) -> u64 {
        1
    }
}

/// One customer object at place `row` of the list.
pub fn read_customer(row: u64, object: &Map<String, Value>) -> Result<CustomerRecord, RowError> {
    let f = Fields::new(object, row);
    let mut party = Party::read(&f)?;
    let (first, last) = (f.text("first_name")?, f.text("last_name")?);
    if !first.is_empty() || !last.is_empty() {
        (party.first_name, party.last_name) = (first, last);
    }
    if let Some(email) = non_empty(&f.text("email")?) {
        party.email = Some(email);
    }
    if party.is_anonymous() {
        return Err(RowError {
            row,
            column: None,
            reason: "the customer has no name, e-mail or phone".to_string(),
        });
    }
    let created_at = match f.date("date_created_gmt")? {
        Some(at) => Some(at),
        None => f.date("date_created")?,
    };
    Ok(CustomerRecord {
        source: "woocommerce".to_string(),
        external_id: f.id("id")?,
        addresses: party.addresses(),
        first_name: party.first_name,
        last_name: party.last_name,
        company: party.company,
        email: party.email,
        phones: party.phones,
        country: party.country,
        created_at,
        ..CustomerRecord::default()
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn the_billing_block_fills_what_the_customer_leaves_empty() {
        let value = json!({
            "id": 5, "email": "", "first_name": "", "last_name": "",
            "billing": {"first_name": "Jan", "last_name": "Kos", "email": "jan@example.pl"},
        });
        let Value::Object(object) = value else {
            panic!("an object")
        };
        let got = read_customer(2, &object);
        let got = got.map(|c| (c.first_name, c.last_name, c.email, c.external_id));
        assert_eq!(
            got,
            Ok((
                "Jan".into(),
                "Kos".into(),
                Some("jan@example.pl".into()),
                Some("5".into())
            ))
        );
    }

    #[test]
    fn a_customer_nobody_could_be_told_by_is_an_error() {
        let Value::Object(object) = json!({"id": 9, "email": "", "username": "x"}) else {
            panic!("an object")
        };
        assert_eq!(read_customer(4, &object).err().map(|e| e.row), Some(4));
    }
}
