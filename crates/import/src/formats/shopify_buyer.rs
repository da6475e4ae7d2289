//! Who placed a Shopify order and where it goes: the buyer and the billing and
//! shipping addresses, read from the first row of the order.
//!
//! The orders export has no customer id, so buyers carry none; the sink merges
//! them with known customers by e-mail, then phone.

use crate::record::CustomerRecord;
use crate::source::cells::{
    country_code, non_empty, parse_yes_no, split_name, strip_text_mark, CellReader,
};
use crate::source::columns::{Column, Header};
use courtesy_core::PostalAddress;

/// The headers of one address block, in [`AddressParts`] field order.
type AddressHeaders = [&'static str; 11];

const BILLING: AddressHeaders = [
    "Billing Name",
    "Billing Company",
    "Billing Street",
    "Billing Address1",
    "Billing Address2",
    "Billing City",
    "Billing Zip",
    "Billing Province",
    "Billing Province Name",
    "Billing Country",
    "Billing Phone",
];

const SHIPPING: AddressHeaders = [
    "Shipping Name",
    "Shipping Company",
    "Shipping Street",
    "Shipping Address1",
    "Shipping Address2",
    "Shipping City",
    "Shipping Zip",
    "Shipping Province",
    "Shipping Province Name",
    "Shipping Country",
    "Shipping Phone",
];

/// The columns of one address block (billing or shipping).
#[derive(Debug, Clone)]
struct AddressParts {
    name: Column,
    company: Column,
    street: Column,
    address1: Column,
    address2: Column,
    city: Column,
    zip: Column,
    province: Column,
    province_name: Column,
    country: Column,
    phone: Column,
}

impl AddressParts {
    fn resolve(header: &Header, names: &AddressHeaders) -> Self {
        let [name, company, street, address1, address2, city, zip, province, province_name, country, phone] =
            names.map(|n| header.column(&[n]));
        AddressParts {
            name,
            company,
            street,
            address1,
            address2,
            city,
            zip,
            province,
            province_name,
            country,
            phone,
        }
    }

    /// The address in this row; `None` when it has no street, city or postal code.
    fn read(&self, cells: &CellReader<'_>) -> Option<PostalAddress> {
        let text = |c: Column| cells.text(c).to_string();
        let (line1, line2) = match cells.text(self.address1) {
            "" => (text(self.street), String::new()),
            address1 => (address1.to_string(), text(self.address2)),
        };
        let region = match cells.text(self.province) {
            "" => text(self.province_name),
            code => code.to_string(),
        };
        let country_text = cells.text(self.country);
        let address = PostalAddress {
            name: text(self.name),
            company: text(self.company),
            line1,
            line2,
            postal_code: strip_text_mark(cells.text(self.zip)).to_string(),
            city: text(self.city),
            region,
            country: country_code(country_text).unwrap_or_else(|| country_text.to_string()),
        };
        let blank =
            address.line1.is_empty() && address.city.is_empty() && address.postal_code.is_empty();
        (!blank).then_some(address)
    }
}

/// The buyer's columns of an orders export.
#[derive(Debug, Clone)]
pub(crate) struct BuyerColumns {
    email: Column,
    accepts_marketing: Column,
    phone: Column,
    billing: AddressParts,
    shipping: AddressParts,
}

impl BuyerColumns {
    /// Finds the buyer's and address columns in `header`.
    pub(crate) fn resolve(header: &Header) -> Self {
        BuyerColumns {
            email: header.column(&["Email"]),
            accepts_marketing: header.column(&["Accepts Marketing"]),
            phone: header.column(&["Phone"]),
            billing: AddressParts::resolve(header, &BILLING),
            shipping: AddressParts::resolve(header, &SHIPPING),
        }
    }
}

/// The buyer of the order whose first row is `cells`, and its ship-to address
/// (the shipping address, else the billing one).
pub(crate) fn buyer(cells: &CellReader<'_>, c: &BuyerColumns) -> (CustomerRecord, PostalAddress) {
    let billing = c.billing.read(cells);
    let shipping = c.shipping.read(cells);
    let first_of = |a: Column, b: Column| match cells.text(a) {
        "" => cells.text(b),
        text => text,
    };
    let (first_name, last_name) = split_name(first_of(c.billing.name, c.shipping.name));
    let mut phones: Vec<String> = Vec::new();
    for column in [c.phone, c.billing.phone, c.shipping.phone] {
        let phone = strip_text_mark(cells.text(column));
        if !phone.is_empty() && !phones.iter().any(|p| p == phone) {
            phones.push(phone.to_string());
        }
    }
    let country = country_code(cells.text(c.billing.country))
        .or_else(|| country_code(cells.text(c.shipping.country)));
    let ship_to = shipping
        .clone()
        .or_else(|| billing.clone())
        .unwrap_or_default();
    let addresses = [("billing", billing), ("shipping", shipping)]
        .into_iter()
        .filter_map(|(kind, address)| address.map(|a| (kind.to_string(), a)))
        .collect();
    let buyer = CustomerRecord {
        source: "shopify".to_string(),
        external_id: None,
        first_name,
        last_name,
        company: first_of(c.billing.company, c.shipping.company).to_string(),
        email: non_empty(cells.text(c.email)),
        phones,
        country,
        language: None,
        addresses,
        tags: Vec::new(),
        note: String::new(),
        email_consent: parse_yes_no(cells.text(c.accepts_marketing)),
        sms_consent: None,
        created_at: None,
    };
    (buyer, ship_to)
}
