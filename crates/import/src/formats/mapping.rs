//! A column mapping: how the columns of a CSV that is not a known export map to
//! Courtesy's fields. People make one in the Import screen; it is remembered by
//! the file's header signature, so the next file of that shape imports in one click.

use courtesy_store::Store;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use ts_rs::TS;

/// What each row of a mapped file describes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum MappedKind {
    /// One customer per row.
    Customers,
    /// Orders: one row per order, or one row per line with the order fields
    /// repeated (rows with the same order number are one order).
    Orders,
}

/// The fields a customers mapping may fill; `email`, `phone` or a name is needed.
pub const CUSTOMER_FIELDS: &[&str] = &[
    "external_id",
    "first_name",
    "last_name",
    "full_name",
    "company",
    "email",
    "phone",
    "country",
    "address1",
    "address2",
    "postal_code",
    "city",
    "region",
    "tags",
    "note",
    "email_consent",
    "created_at",
];

/// The fields an orders mapping may fill; `order_number`, `placed_at` and `total` are required.
pub const ORDER_FIELDS: &[&str] = &[
    "order_number",
    "external_id",
    "placed_at",
    "status",
    "currency",
    "total",
    "subtotal",
    "shipping",
    "tax",
    "discount",
    "refunded",
    "email",
    "phone",
    "first_name",
    "last_name",
    "full_name",
    "company",
    "ship_address1",
    "ship_address2",
    "ship_postal_code",
    "ship_city",
    "ship_region",
    "ship_country",
    "shipping_method",
    "customer_note",
    "line_sku",
    "line_name",
    "line_quantity",
    "line_price",
];

/// Field → column header of the file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ColumnMapping {
    /// What a row is.
    pub kind: MappedKind,
    /// Courtesy field (from [`CUSTOMER_FIELDS`] / [`ORDER_FIELDS`]) → the file's column header.
    pub fields: BTreeMap<String, String>,
    /// Currency of amounts when the file has no currency column (ISO code).
    pub currency: Option<String>,
}

/// The fields a mapping may fill, for the mapping editor.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct MappingFields {
    /// Fields of a customers mapping.
    pub customers: Vec<String>,
    /// Fields of an orders mapping.
    pub orders: Vec<String>,
    /// Fields an orders mapping must fill.
    pub required_orders: Vec<String>,
}

/// The fields of both kinds of mapping.
pub fn mapping_fields() -> MappingFields {
    let owned = |f: &[&str]| f.iter().map(|s| s.to_string()).collect();
    MappingFields {
        customers: owned(CUSTOMER_FIELDS),
        orders: owned(ORDER_FIELDS),
        required_orders: owned(&["order_number", "placed_at", "total"]),
    }
}

/// The signature of a header: its cells trimmed, lower-cased and joined, so the
/// same export shape is recognised whatever the file's encoding or delimiter.
pub fn header_signature(columns: &[String]) -> String {
    columns
        .iter()
        .map(|c| c.trim().to_lowercase())
        .collect::<Vec<_>>()
        .join("\u{1f}")
}

/// The mapping a person made for files whose header is `columns`, if any.
pub(crate) fn remembered_mapping(
    store: &Store,
    columns: &[String],
) -> courtesy_store::Result<Option<ColumnMapping>> {
    Ok(store
        .saved_mapping(&header_signature(columns))?
        .and_then(|json| serde_json::from_str::<ColumnMapping>(&json).ok()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_signature_ignores_case_and_padding_but_not_order() {
        let a = header_signature(&["Order No".into(), " Email ".into()]);
        assert_eq!(a, header_signature(&["order no".into(), "EMAIL".into()]));
        assert_ne!(a, header_signature(&["Email".into(), "Order No".into()]));
    }
}
