//! The kinds of export Courtesy reads, and how each is recognised.
//!
//! A CSV format is recognised when all of its *required* columns are in the
//! header, compared case-insensitively after trimming. Other columns may be
//! missing (an older export, a column removed in a spreadsheet); their cells
//! read as empty. A JSON format is recognised by the keys of the first object
//! of the array (see [`crate::source::json_detect`]). A mapped CSV is never detected:
//! the person picks a column mapping for it.

use crate::source::columns::Header;
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
    /// WooCommerce REST API v3 `GET /wp-json/wc/v3/orders` saved to a file: a
    /// JSON array of order objects.
    #[serde(rename = "woocommerce_orders_json")]
    WooCommerceOrdersJson,
    /// WooCommerce REST API v3 `GET /wp-json/wc/v3/customers` saved to a file:
    /// a JSON array of customer objects.
    #[serde(rename = "woocommerce_customers_json")]
    WooCommerceCustomersJson,
    /// The CSV of the "Advanced Order Export For WooCommerce" plugin with its
    /// default fields: one row per product line, order fields repeated.
    #[serde(rename = "woocommerce_orders_csv")]
    WooCommerceOrdersCsv,
    /// Any other CSV, read through a [`ColumnMapping`](crate::ColumnMapping).
    MappedCsv,
}

impl Format {
    /// Every format that can be recognised without help, in the order detection
    /// tries them (a mapped CSV needs its mapping, so it is not here).
    pub const ALL: [Format; 5] = [
        Format::ShopifyOrders,
        Format::ShopifyCustomers,
        Format::WooCommerceOrdersCsv,
        Format::WooCommerceOrdersJson,
        Format::WooCommerceCustomersJson,
    ];

    /// A name for people: `Shopify orders`.
    pub fn label(&self) -> &'static str {
        match self {
            Format::ShopifyOrders => "Shopify orders",
            Format::ShopifyCustomers => "Shopify customers",
            Format::WooCommerceOrdersJson => "WooCommerce orders (JSON)",
            Format::WooCommerceCustomersJson => "WooCommerce customers (JSON)",
            Format::WooCommerceOrdersCsv => "WooCommerce orders (CSV)",
            Format::MappedCsv => "CSV with a column mapping",
        }
    }

    /// Whether the format is a JSON file rather than a CSV.
    pub fn is_json(&self) -> bool {
        matches!(
            self,
            Format::WooCommerceOrdersJson | Format::WooCommerceCustomersJson
        )
    }

    /// The columns a file must have to be read as this format; for JSON formats
    /// the keys the first object must have. A mapped CSV's are its mapping's.
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
            // The plugin's default fields that say "an order export, a row per
            // product"; the quantity column has two names, so it is not here.
            Format::WooCommerceOrdersCsv => &[
                "Order Number",
                "Order Status",
                "Order Date",
                "Email (Billing)",
                "Order Total Amount",
                "Item Name",
            ],
            Format::WooCommerceOrdersJson => &["line_items"],
            // Also `username` or `billing`; see `json_detect`.
            Format::WooCommerceCustomersJson => &["email"],
            Format::MappedCsv => &[],
        }
    }

    /// Columns holding money amounts, looked at to tell a decimal comma from a
    /// dot (JSON always has a dot; a mapped CSV's come from its mapping).
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
            Format::WooCommerceOrdersCsv => &[
                "Cart Discount Amount",
                "Order Subtotal Amount",
                "Order Shipping Amount",
                "Order Refund Amount",
                "Order Total Amount",
                "Order Total Tax Amount",
                "Item Cost",
            ],
            Format::WooCommerceOrdersJson
            | Format::WooCommerceCustomersJson
            | Format::MappedCsv => &[],
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

    /// The first CSV format whose required columns are all in `header`.
    pub(crate) fn detect(header: &Header) -> Option<Format> {
        Format::ALL
            .into_iter()
            .filter(|format| !format.is_json())
            .find(|format| format.missing_columns(header).is_empty())
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

/// What sniffing found out about a file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SourceDescription {
    /// The kind of export.
    pub format: Format,
    /// The character encoding's name: `UTF-8`, `windows-1250`, `windows-1251`,
    /// `windows-1252`, `UTF-16LE`.
    pub encoding: &'static str,
    /// `,`, `;` or tab.
    pub delimiter: char,
    /// The decimal separator of amounts: `.` or `,`.
    pub decimal: char,
    /// The header cells, trimmed, as the file has them.
    pub columns: Vec<String>,
}

/// The stored name of a format, e.g. `shopify-orders`.
pub fn format_slug(format: Format) -> &'static str {
    match format {
        Format::ShopifyOrders => "shopify-orders",
        Format::ShopifyCustomers => "shopify-customers",
        Format::WooCommerceOrdersJson => "woocommerce-orders-json",
        Format::WooCommerceCustomersJson => "woocommerce-customers-json",
        Format::WooCommerceOrdersCsv => "woocommerce-orders-csv",
        Format::MappedCsv => "mapped-csv",
    }
}
