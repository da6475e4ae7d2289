//! Shopify's "Export orders" CSV: one row per line item. The first row of an
//! order carries the order's fields; the rows after it repeat `Name` (often
//! `Email` too) and leave the rest blank. Consecutive rows with the same `Name`
//! make one order, as Shopify writes them.
//!
//! Row numbers are physical lines of the file (the header is line 1), so a note
//! with line breaks in an earlier row moves them past the spreadsheet's count.
//! An order is located at its first row; an error names the row holding the bad
//! cell. A bad cell anywhere in an order skips that whole order, and so does a
//! row that cannot be read (see [`crate::source::order_rows`]).
//!
//! A partial refund (`partially_refunded`) leaves the order's status to its
//! payment and fulfilment and is kept as the `Refunded Amount`; only a full
//! refund makes the order refunded. An `Id` that a spreadsheet rounded
//! (`5,01253E+12`) is not used: the order is known by its `Name`.

use crate::formats::shopify_buyer::{buyer, BuyerColumns};
use crate::record::{Importer, LineRecord, Located, OrderRecord, Record, RowError, SourceId};
use crate::source::cells::{strip_text_mark, CellReader};
use crate::source::columns::{column_set, Column, Header};
use crate::source::order_rows::OrderRows;
use crate::source::rows::{Row, RowReader};
use courtesy_core::{Currency, OrderStatus};

column_set! {
    /// The order and line columns of an orders export this importer reads.
    OrderColumns {
        name: "Name",
        id: "Id",
        financial_status: "Financial Status",
        paid_at: "Paid at",
        fulfillment_status: "Fulfillment Status",
        fulfilled_at: "Fulfilled at",
        currency: "Currency",
        subtotal: "Subtotal",
        shipping: "Shipping",
        taxes: "Taxes",
        total: "Total",
        discount_code: "Discount Code",
        discount_amount: "Discount Amount",
        shipping_method: "Shipping Method",
        created_at: "Created at",
        quantity: "Lineitem quantity",
        line_name: "Lineitem name",
        line_price: "Lineitem price",
        line_sku: "Lineitem sku",
        notes: "Notes",
        note_attributes: "Note Attributes",
        cancelled_at: "Cancelled at",
        refunded: "Refunded Amount",
    }
}

/// Reads orders from a Shopify orders export.
pub struct ShopifyOrders {
    rows: OrderRows,
    columns: OrderColumns,
    buyer: BuyerColumns,
    decimal: char,
}

impl ShopifyOrders {
    /// Reads the rows of a file whose header is `header`; amounts use `decimal`.
    pub(crate) fn new(rows: RowReader, header: &Header, decimal: char) -> Self {
        let columns = OrderColumns::resolve(header);
        ShopifyOrders {
            rows: OrderRows::new(
                rows,
                columns.name,
                vec![
                    columns.quantity,
                    columns.line_name,
                    columns.line_price,
                    columns.line_sku,
                ],
            ),
            columns,
            buyer: BuyerColumns::resolve(header),
            decimal,
        }
    }
}

impl Importer for ShopifyOrders {
    fn next_record(&mut self) -> Option<Result<Located<Record>, RowError>> {
        let group = match self.rows.next_group()? {
            Ok(group) => group,
            Err(e) => return Some(Err(e)),
        };
        let row = group[0].number;
        let order = read_order(&group, &self.columns, &self.buyer, self.decimal);
        Some(order.map(|order| Located {
            row,
            value: Record::Order(order),
        }))
    }

    fn bytes_read(&self) -> u64 {
        self.rows.bytes_read()
    }

    fn duplicates(&self) -> u64 {
        self.rows.duplicates()
    }
}

/// Builds one order from its rows (`rows` is never empty).
fn read_order(
    rows: &[Row],
    c: &OrderColumns,
    buyer_columns: &BuyerColumns,
    decimal: char,
) -> Result<OrderRecord, RowError> {
    let Some(first_row) = rows.first() else {
        return Err(RowError {
            row: 0,
            column: None,
            reason: "an order without rows".to_string(),
        });
    };
    let first = CellReader::new(first_row, decimal);
    let currency = currency(&first, c.currency)?;
    let placed_at = first.required_date(c.created_at)?;
    let paid_at = first.date(c.paid_at)?;
    let fulfilled_at = first.date(c.fulfilled_at)?;
    let cancelled = first.date(c.cancelled_at)?.is_some();
    let lines = rows
        .iter()
        .map(|row| read_line(&CellReader::new(row, decimal), c, currency))
        .filter_map(Result::transpose)
        .collect::<Result<Vec<_>, _>>()?;
    let number = first.text(c.name).to_string();
    let (buyer, ship_to) = buyer(&first, buyer_columns);
    let financial = first.text(c.financial_status);
    let total_minor = first.amount(c.total, currency)?;
    let refunded_minor = match first.amount(c.refunded, currency)?.abs() {
        0 if financial.trim().eq_ignore_ascii_case("refunded") => total_minor,
        amount => amount,
    };
    Ok(OrderRecord {
        source: "shopify".to_string(),
        external_id: SourceId::from_cell(strip_text_mark(first.text(c.id))),
        number,
        buyer,
        status: status(financial, first.text(c.fulfillment_status), cancelled),
        placed_at,
        paid_at,
        fulfilled_at,
        delivered_at: None,
        currency,
        subtotal_minor: first.amount(c.subtotal, currency)?,
        shipping_minor: first.amount(c.shipping, currency)?,
        discount_minor: first.amount(c.discount_amount, currency)?.abs(),
        tax_minor: first.amount(c.taxes, currency)?,
        total_minor,
        refunded_minor,
        shipping_method: first.text(c.shipping_method).to_string(),
        ship_to,
        customer_note: first.text(c.notes).to_string(),
        gift_message: gift_message(first.text(c.note_attributes)),
        discount_codes: first.text(c.discount_code).to_string(),
        shipment: Default::default(),
        lines,
    })
}

fn currency(cells: &CellReader<'_>, column: Column) -> Result<Currency, RowError> {
    let text = cells.text(column);
    if text.is_empty() {
        return Err(cells.error(column, "the order has no currency".to_string()));
    }
    Currency::parse(text).map_err(|e| cells.error(column, e.to_string()))
}

/// One line item; `None` for a row with neither a product name nor a quantity.
fn read_line(
    cells: &CellReader<'_>,
    c: &OrderColumns,
    currency: Currency,
) -> Result<Option<LineRecord>, RowError> {
    let full_name = cells.text(c.line_name);
    if full_name.is_empty() && cells.text(c.quantity).is_empty() {
        return Ok(None);
    }
    let (name, variant) = split_variant(full_name);
    Ok(Some(LineRecord {
        sku: cells.text(c.line_sku).to_string(),
        name: name.to_string(),
        variant: variant.to_string(),
        quantity: cells.quantity(c.quantity)?,
        unit_price_minor: cells.amount(c.line_price, currency)?,
    }))
}

/// Shopify names a line `Product - Variant`: the variant is what follows the
/// last ` - `.
pub(crate) fn split_variant(full: &str) -> (&str, &str) {
    match full.rsplit_once(" - ") {
        Some((name, variant)) if !name.trim().is_empty() => (name.trim(), variant.trim()),
        _ => (full.trim(), ""),
    }
}

/// Maps Shopify's financial and fulfilment states to one status. Money
/// returned in full wins (`refunded`), then a cancellation, then shipping; a
/// partial refund is paid money (its amount is kept apart); an unknown
/// financial state reads as open.
pub(crate) fn status(financial: &str, fulfillment: &str, cancelled: bool) -> OrderStatus {
    let financial = match financial.trim().to_ascii_lowercase().as_str() {
        "paid" | "partially_paid" | "partially_refunded" => OrderStatus::Paid,
        "refunded" => OrderStatus::Refunded,
        "voided" | "expired" => OrderStatus::Cancelled,
        _ => OrderStatus::Open,
    };
    let fulfilled = fulfillment.trim().eq_ignore_ascii_case("fulfilled");
    match financial {
        OrderStatus::Refunded => OrderStatus::Refunded,
        _ if cancelled => OrderStatus::Cancelled,
        OrderStatus::Cancelled => OrderStatus::Cancelled,
        _ if fulfilled => OrderStatus::Fulfilled,
        other => other,
    }
}

/// The gift message among the order's note attributes, one `key: value` per
/// line (`gift_message: …`, `Gift message: …`, `Gift note: …`).
pub(crate) fn gift_message(attributes: &str) -> String {
    attributes
        .lines()
        .filter_map(|line| line.split_once(':'))
        .find(|(key, _)| {
            let key = key.trim().to_lowercase().replace(['_', '-'], " ");
            key == "gift message" || key == "gift note"
        })
        .map(|(_, value)| value.trim().to_string())
        .unwrap_or_default()
}

#[cfg(test)]
#[path = "../tests/shopify_orders_files.rs"]
mod files;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statuses_combine_payment_fulfilment_and_cancellation() {
        use OrderStatus::*;
        assert_eq!(status("pending", "", false), Open);
        assert_eq!(status("authorized", "unfulfilled", false), Open);
        assert_eq!(status("paid", "", false), Paid);
        assert_eq!(status("partially_paid", "partial", false), Paid);
        assert_eq!(status("paid", "fulfilled", false), Fulfilled);
        assert_eq!(status("refunded", "fulfilled", false), Refunded);
        assert_eq!(status("partially_refunded", "fulfilled", false), Fulfilled);
        assert_eq!(status("partially_refunded", "", false), Paid);
        assert_eq!(status("partially_refunded", "", true), Cancelled);
        assert_eq!(status("voided", "", false), Cancelled);
        assert_eq!(status("paid", "fulfilled", true), Cancelled);
        assert_eq!(status("something new", "", false), Open);
    }

    #[test]
    fn variants_follow_the_last_dash() {
        assert_eq!(split_variant("T-shirt - M / Blue"), ("T-shirt", "M / Blue"));
        assert_eq!(split_variant("Mug - Large - Red"), ("Mug - Large", "Red"));
        assert_eq!(split_variant("Candle"), ("Candle", ""));
        assert_eq!(split_variant(" - odd"), ("- odd", ""));
    }

    #[test]
    fn gift_messages_are_found_among_note_attributes() {
        assert_eq!(
            gift_message("wrap: yes\ngift_message: Happy birthday!"),
            "Happy birthday!"
        );
        assert_eq!(
            gift_message("Gift message: Wszystkiego: najlepszego"),
            "Wszystkiego: najlepszego"
        );
        assert_eq!(gift_message("delivery_date: 2024-03-08"), "");
    }
}
