//! Getting a shop's customers and orders into Courtesy.
//!
//! A source file is sniffed (encoding, delimiter, decimal separator, format by its
//! header) and read by an [`Importer`]: a stream of [`Record`]s, each tagged with
//! the row it came from, or a [`RowError`] for a row that could not be read. One
//! sink validates the records and writes them in batches, merging with what the
//! database already has, so re-importing a file changes nothing.
#![deny(missing_docs)]

mod formats;
mod record;
mod run;
mod source;

pub use formats::mapped_customers::MappedCustomers;
pub use formats::mapped_orders::MappedOrders;
pub use formats::mapping::{
    header_signature, mapping_fields, ColumnMapping, MappedKind, MappingFields, CUSTOMER_FIELDS,
    ORDER_FIELDS,
};
pub use formats::open::{open, open_mapped, Opened};
pub use formats::shopify_admin::{shopify_admin_customer, shopify_admin_order, shopify_id};
pub use formats::shopify_customers::ShopifyCustomers;
pub use formats::shopify_orders::ShopifyOrders;
pub use formats::woocommerce_customers_json::read_customer as woocommerce_api_customer;
pub use formats::woocommerce_customers_json::WooCommerceCustomersJson;
pub use formats::woocommerce_orders_csv::WooCommerceOrdersCsv;
pub use formats::woocommerce_orders_json::read_order as woocommerce_api_order;
pub use formats::woocommerce_orders_json::WooCommerceOrdersJson;
pub use record::{
    CustomerRecord, Importer, LineRecord, Located, OrderRecord, Record, RowError, SourceId,
};
pub use run::convert::item as import_item;
pub use run::file_notices::FileNotice;
pub use run::import_error::ImportError;
pub use run::import_file::{file_sha256, import_file};
pub use run::preview::{preview, preview_remembered, problems_csv, Preview};
pub use run::sink::{feed, Flow, Progress, BATCH};
pub use source::file_error::FileError;
pub use source::format::{format_slug, Format, SourceDescription};
pub use source::sniff::SNIFF_BYTES;
