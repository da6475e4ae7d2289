//! Orders as the customer profile shows them: newest first, with their lines.

use crate::db::{Connection, Row};
use crate::error::Result;
use courtesy_core::{Currency, Money, OrderStatus};
use serde::Serialize;
use ts_rs::TS;

/// One line of an order, with the bin location from the product catalogue.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct OrderLineView {
    /// Stock keeping unit.
    pub sku: String,
    /// Product name.
    pub name: String,
    /// Variant.
    pub variant: String,
    /// Quantity.
    #[ts(type = "number")]
    pub quantity: i64,
    /// Price of one.
    pub unit_price: Money,
    /// Price times quantity.
    pub line_total: Money,
    /// Where the product sits, when the catalogue knows it.
    pub bin_location: Option<String>,
}

/// An order in the customer's history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct OrderView {
    /// Database id.
    #[ts(type = "number")]
    pub id: i64,
    /// Shown number, e.g. `#1001`.
    pub number: String,
    /// Where it came from.
    pub source: String,
    /// Status.
    pub status: OrderStatus,
    /// UTC, ISO 8601.
    pub placed_at: String,
    /// UTC, ISO 8601.
    pub delivered_at: Option<String>,
    /// What the customer paid.
    pub total: Money,
    /// What was paid back (all of the total when the status is refunded).
    pub refunded: Money,
    /// Shipping charged.
    pub shipping: Money,
    /// Shipping method.
    pub shipping_method: String,
    /// City and country shipped to.
    pub ship_to: String,
    /// The customer's note.
    pub customer_note: String,
    /// The gift message.
    pub gift_message: String,
    /// Lines in order.
    pub lines: Vec<OrderLineView>,
}

fn money(minor: i64, currency: Currency) -> Money {
    Money::new(minor, currency)
}

fn order_from_row(r: &Row<'_>) -> crate::db::Result<OrderView> {
    let currency_text: String = r.get("currency")?;
    let currency =
        Currency::parse(&currency_text).map_err(|e| crate::db::DbError::conversion(0, e))?;
    let status_text: String = r.get("status")?;
    let status = OrderStatus::parse(&status_text).unwrap_or(OrderStatus::Open);
    let city: String = r.get("ship_city")?;
    let country: String = r.get("ship_country")?;
    Ok(OrderView {
        id: r.get("id")?,
        number: r.get("number")?,
        source: r.get("source")?,
        status,
        placed_at: r.get("placed_at")?,
        delivered_at: r.get("delivered_at")?,
        total: money(r.get("total_minor")?, currency),
        refunded: money(r.get("refunded_minor")?, currency),
        shipping: money(r.get("shipping_minor")?, currency),
        shipping_method: r.get("shipping_method")?,
        ship_to: [city, country]
            .into_iter()
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join(", "),
        customer_note: r.get("customer_note")?,
        gift_message: r.get("gift_message")?,
        lines: Vec::new(),
    })
}

/// The customer's orders, newest first, each with its lines.
pub(crate) fn orders_of_customer(conn: &Connection, customer_id: i64) -> Result<Vec<OrderView>> {
    let mut orders = conn
        .prepare_cached(
            "SELECT id, number, source, status, placed_at, delivered_at, currency, total_minor, refunded_minor, shipping_minor,
                    shipping_method, ship_city, ship_country, customer_note, gift_message
             FROM orders WHERE customer_id = ?1 ORDER BY placed_at DESC, id DESC",
        )?
        .query_map([customer_id], order_from_row)?
        .collect::<crate::db::Result<Vec<_>>>()?;
    for o in &mut orders {
        o.lines = order_lines(conn, o.id, o.total.currency)?;
    }
    Ok(orders)
}

/// An order's lines in the order they were bought, with bin locations.
pub(crate) fn order_lines(
    conn: &Connection,
    order_id: i64,
    currency: Currency,
) -> Result<Vec<OrderLineView>> {
    let mut lines = conn.prepare_cached(
        "SELECT l.sku, l.name, l.variant, l.quantity, l.unit_price_minor, p.bin_location
         FROM order_lines l LEFT JOIN products p ON p.sku = l.sku AND l.sku <> ''
         WHERE l.order_id = ?1 ORDER BY l.position",
    )?;
    let rows = lines
        .query_map([order_id], |r| {
            let quantity: i64 = r.get(3)?;
            let unit: i64 = r.get(4)?;
            Ok(OrderLineView {
                sku: r.get(0)?,
                name: r.get(1)?,
                variant: r.get(2)?,
                quantity,
                unit_price: money(unit, currency),
                line_total: money(unit.saturating_mul(quantity), currency),
                bin_location: r.get::<_, Option<String>>(5)?.filter(|b| !b.is_empty()),
            })
        })?
        .collect::<crate::db::Result<Vec<_>>>()?;
    Ok(rows)
}
