//! The kinds of export Courtesy reads, and how each is recognised by its header.
//!
//! A format is recognised when all of its *required* columns are in the header,
//! compared case-insensitively after trimming. Other columns may be missing (an
//! older export, a column removed in a spreadsheet); their cells read as empty.

use crate::columns::Header;
use serde::Serialize;
use std::fmt;

/// A kind of export file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Format {
    /// Shopify's "Export orders" CSV: one row per line item.
    ShopifyOrders,
    /// Shopify's "Export customers" CSV (both header generations).
    ShopifyCustomers,
}

impl Format {
    /// Every format, in the order detection tries them.
    pub const ALL: [Format; 2] = [Format::ShopifyOrders, Format::ShopifyCustomers];

    /// A name for people: `Shopify orders`.
    pub fn label(&self) -> &'static str {
        match self {
            Format::ShopifyOrders => "Shopify orders",
            Format::ShopifyCustomers => "Shopify customers",
        }
    }

    /// The columns a file must have to be read as this format.
    pub fn required_columns(&self) -> &'static [&'static str] {
        match self {
            Format::ShopifyOrders => &[
                "Name",
                "Email",
                "Financial Status",
                "Currency",
                "Total",
                "Created at",
                "Lineitem quantity",
                "Lineitem name",
                "Lineitem price",
            ],
            // Both generations (2019 and 2023) share these.
            Format::ShopifyCustomers => &[
                "First Name",
                "Last Name",
                "Email",
                "Total Spent",
                "Total Orders",
            ],
        }
    }

    /// Columns holding money amounts, looked at to tell a decimal comma from a dot.
    pub fn amount_columns(&self) -> &'static [&'static str] {
        match self {
            Format::ShopifyOrders => &[
                "Subtotal",
                "Shipping",
                "Taxes",
                "Total",
                "Discount Amount",
                "Lineitem price",
            ],
            Format::ShopifyCustomers => &["Total Spent"],
        }
    }

    /// The required columns missing from `header` (empty when the file fits).
    pub(crate) fn missing_columns(&self, header: &Header) -> Vec<String> {
        self.required_columns()
            .iter()
            .filter(|name| !header.has(name))
            .map(|name| name.to_string())
            .collect()
    }

    /// The first format whose required columns are all in `header`.
    pub(crate) fn detect(header: &Header) -> Option<Format> {
        Format::ALL
            .into_iter()
            .find(|format| format.missing_columns(header).is_empty())
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}
