//! Opening a file as the export it is: sniffed (see [`crate::source::sniff`]),
//! then read by that format's importer, or through a column mapping for a CSV
//! of any other shop system. A file that is no export it can read is refused
//! whole with a [`FileError`].

use crate::formats::mapped_csv::sniff_mapped;
use crate::formats::mapped_customers::MappedCustomers;
use crate::formats::mapped_orders::MappedOrders;
use crate::formats::mapping::{ColumnMapping, MappedKind};
use crate::formats::shopify_customers::ShopifyCustomers;
use crate::formats::shopify_orders::ShopifyOrders;
use crate::formats::woocommerce_customers_json::WooCommerceCustomersJson;
use crate::formats::woocommerce_orders_csv::WooCommerceOrdersCsv;
use crate::formats::woocommerce_orders_json::WooCommerceOrdersJson;
use crate::record::Importer;
use crate::source::file_error::FileError;
use crate::source::format::Format;
use crate::source::format::SourceDescription;
use crate::source::sniff::{sniff_file, SniffedFile};
use std::io::Read;

/// An importer and what was found out about its file.
pub type Opened = (Box<dyn Importer + Send>, SourceDescription);

/// Sniffs `reader` and returns the importer that streams its records, with
/// what was found. `hint` skips format detection (the person picked the
/// format); the file must still have that format's required columns. A mapped
/// CSV needs its mapping: open it with [`open_mapped`].
pub fn open(reader: impl Read + Send + 'static, hint: Option<Format>) -> Result<Opened, FileError> {
    match sniff_file(reader, hint)? {
        SniffedFile::Json {
            objects,
            description,
        } => {
            let importer: Box<dyn Importer + Send> = match description.format {
                Format::WooCommerceCustomersJson => {
                    Box::new(WooCommerceCustomersJson::new(objects))
                }
                _ => Box::new(WooCommerceOrdersJson::new(objects)),
            };
            Ok((importer, description))
        }
        SniffedFile::Csv {
            rows,
            header,
            description,
        } => {
            let decimal = description.decimal;
            let importer: Box<dyn Importer + Send> = match description.format {
                Format::ShopifyOrders => Box::new(ShopifyOrders::new(rows, &header, decimal)),
                Format::ShopifyCustomers => Box::new(ShopifyCustomers::new(rows, &header)),
                Format::WooCommerceOrdersCsv => {
                    Box::new(WooCommerceOrdersCsv::new(rows, &header, decimal))
                }
                // Only reachable through a hint, which goes to the JSON path.
                Format::WooCommerceOrdersJson
                | Format::WooCommerceCustomersJson
                | Format::MappedCsv => {
                    return Err(FileError::UnknownFormat {
                        columns: header.names().to_vec(),
                    })
                }
            };
            Ok((importer, description))
        }
    }
}

/// Sniffs `reader` like [`open`] but reads its columns as `mapping` says
/// instead of detecting a format. Fails whole when the mapping lacks a
/// required field or names a column the file does not have.
pub fn open_mapped(
    reader: impl Read + Send + 'static,
    mapping: &ColumnMapping,
) -> Result<Opened, FileError> {
    let file = sniff_mapped(reader, mapping)?;
    let importer: Box<dyn Importer + Send> = match mapping.kind {
        MappedKind::Orders => Box::new(MappedOrders::new(
            file.rows,
            file.columns,
            file.decimal,
            file.currency,
        )),
        MappedKind::Customers => Box::new(MappedCustomers::new(file.rows, file.columns)),
    };
    Ok((importer, file.description))
}

#[cfg(test)]
#[path = "../tests/fixture.rs"]
pub(crate) mod fixture;

#[cfg(test)]
#[path = "../tests/malformed_files.rs"]
mod malformed_files;

#[cfg(test)]
#[path = "../tests/never_panics.rs"]
mod never_panics;
