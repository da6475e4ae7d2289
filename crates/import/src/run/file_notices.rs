//! What the preview warns about before a file is imported: an id column that a
//! spreadsheet rounded (`5,01253E+12`) or whose ids several orders share. Such
//! orders are known by their number when imported (see
//! `courtesy_store`'s order merge); the person learns it before pressing Import.

use crate::formats::mapping::ColumnMapping;
use crate::source::format::Format;
use serde::Serialize;
use std::collections::HashMap;
use ts_rs::TS;

/// Something about a file the person should know before importing it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(
    tag = "kind",
    rename_all = "camelCase",
    rename_all_fields = "camelCase"
)]
pub enum FileNotice {
    /// The id column holds numbers a spreadsheet rounded: the orders will be
    /// known by their number.
    RoundedIds {
        /// The id column's header.
        column: String,
        /// One rounded id, as the file has it.
        example: String,
    },
    /// Orders with different numbers have the same id: those orders will be
    /// known by their number.
    SharedIds {
        /// The id column's header.
        column: String,
        /// One id that several orders have.
        example: String,
    },
}

/// The headers of the order id and the order number of a file, when it has both.
fn id_and_number(format: Format, mapping: Option<&ColumnMapping>) -> Option<(String, String)> {
    match format {
        Format::ShopifyOrders => Some(("Id".into(), "Name".into())),
        Format::WooCommerceOrdersCsv => Some(("Order ID".into(), "Order Number".into())),
        Format::MappedCsv => {
            let fields = &mapping?.fields;
            Some((
                fields.get("external_id")?.clone(),
                fields.get("order_number")?.clone(),
            ))
        }
        _ => None,
    }
}

/// What the sampled `rows` under `columns` show about the file's ids.
pub(crate) fn notices(
    format: Format,
    mapping: Option<&ColumnMapping>,
    columns: &[String],
    rows: &[Vec<String>],
) -> Vec<FileNotice> {
    let Some((id_header, number_header)) = id_and_number(format, mapping) else {
        return Vec::new();
    };
    let position = |header: &str| {
        columns
            .iter()
            .position(|c| c.trim().eq_ignore_ascii_case(header.trim()))
    };
    let (Some(id), Some(number)) = (position(&id_header), position(&number_header)) else {
        return Vec::new();
    };
    let cell = |row: &Vec<String>, i: usize| row.get(i).map_or("", |c| c.trim()).to_string();
    let mut notices = Vec::new();
    let ids = rows.iter().map(|r| cell(r, id)).filter(|c| !c.is_empty());
    if let Some(example) = ids.clone().find(|c| courtesy_core::is_rounded_number(c)) {
        notices.push(FileNotice::RoundedIds {
            column: id_header,
            example,
        });
        return notices;
    }
    let mut first_number: HashMap<String, String> = HashMap::new();
    for row in rows {
        let (row_id, row_number) = (cell(row, id), cell(row, number));
        if row_id.is_empty() || row_number.is_empty() {
            continue;
        }
        let earlier = first_number
            .entry(row_id.clone())
            .or_insert(row_number.clone());
        if *earlier != row_number {
            notices.push(FileNotice::SharedIds {
                column: id_header,
                example: row_id,
            });
            break;
        }
    }
    notices
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(cells: &[[&str; 2]]) -> Vec<Vec<String>> {
        cells
            .iter()
            .map(|r| r.iter().map(|c| c.to_string()).collect())
            .collect()
    }

    #[test]
    fn a_rounded_id_column_is_noticed() {
        let columns = vec!["Name".to_string(), "Id".to_string()];
        let got = notices(
            Format::ShopifyOrders,
            None,
            &columns,
            &rows(&[["#1", "5,01253E+12"], ["#1", ""], ["#2", "5,01253E+12"]]),
        );
        assert_eq!(
            got,
            vec![FileNotice::RoundedIds {
                column: "Id".into(),
                example: "5,01253E+12".into()
            }]
        );
    }

    #[test]
    fn ids_shared_by_different_orders_are_noticed_and_repeated_rows_are_not() {
        let columns = vec!["Name".to_string(), "Id".to_string()];
        let shared = notices(
            Format::ShopifyOrders,
            None,
            &columns,
            &rows(&[["#1", "77"], ["#1", "77"], ["#2", "78"], ["#3", "77"]]),
        );
        assert_eq!(
            shared,
            vec![FileNotice::SharedIds {
                column: "Id".into(),
                example: "77".into()
            }]
        );
        let fine = notices(
            Format::ShopifyOrders,
            None,
            &columns,
            &rows(&[["#1", "77"], ["#1", "77"], ["#2", "78"]]),
        );
        assert!(fine.is_empty());
        assert!(notices(Format::ShopifyCustomers, None, &columns, &[]).is_empty());
    }
}
