//! Getting a shop's customers and orders into Courtesy.
//!
//! A source file is sniffed (encoding, delimiter, decimal separator, format by its
//! header) and read by an [`Importer`]: a stream of [`Record`]s, each tagged with
//! the row it came from, or a [`RowError`] for a row that could not be read. One
//! sink validates the records and writes them in batches, merging with what the
//! database already has, so re-importing a file changes nothing.
#![deny(missing_docs)]

pub mod cells;
pub mod columns;
pub mod convert;
pub mod file_error;
pub mod file_notices;
pub mod format;
pub mod import_file;
pub mod json_array;
pub mod json_detect;
pub mod json_fields;
pub mod json_objects;
pub mod mapped_csv;
pub mod mapped_customers;
pub mod mapped_orders;
pub mod mapped_words;
pub mod mapping;
pub mod order_rows;
pub mod preview;
pub mod record;
pub mod record_rows;
pub mod rows;
pub mod seen_records;
pub mod shopify_buyer;
pub mod shopify_customers;
pub mod shopify_orders;
pub mod sink;
pub mod sniff;
pub mod text_encoding;
pub mod woocommerce_customers_json;
pub mod woocommerce_orders_csv;
pub mod woocommerce_orders_json;
pub mod woocommerce_party;
pub mod woocommerce_status;

pub use file_error::FileError;
pub use file_notices::FileNotice;
pub use format::Format;
pub use import_file::{format_slug, import_file, preview_remembered, ImportError};
pub use mapped_csv::open_mapped;
pub use mapped_customers::MappedCustomers;
pub use mapped_orders::MappedOrders;
pub use mapping::{header_signature, mapping_fields, ColumnMapping, MappedKind, MappingFields};
pub use preview::{preview, problems_csv, Preview};
pub use record::{
    CustomerRecord, Importer, LineRecord, Located, OrderRecord, Record, RowError, SourceId,
};
pub use shopify_customers::ShopifyCustomers;
pub use shopify_orders::ShopifyOrders;
pub use sink::{feed, Flow, Progress};
pub use sniff::{open, SourceDescription, SNIFF_BYTES};
pub use woocommerce_customers_json::WooCommerceCustomersJson;
pub use woocommerce_orders_csv::WooCommerceOrdersCsv;
pub use woocommerce_orders_json::WooCommerceOrdersJson;
