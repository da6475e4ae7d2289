//! Per-customer figures the list shows on every row — purchases and the newest
//! order — stored on the customer and refreshed whenever orders are written, so a
//! list row costs one lookup even for a customer with a thousand orders.

use crate::db::{params, Connection, OptionalExtension};
use crate::error::Result;
use courtesy_core::OrderStatus;

/// The UPDATE that recomputes the figures, counting the statuses of
/// [`OrderStatus::PURCHASES`] as purchases.
fn refresh_sql() -> String {
    format!(
        "UPDATE customers SET
           order_count = (SELECT count(*) FROM orders o
                          WHERE o.customer_id = customers.id AND o.status IN ({})),
           last_order_at = (SELECT max(placed_at) FROM orders o WHERE o.customer_id = customers.id)",
        purchase_list()
    )
}

/// The statuses that count as purchases, as an SQL list: `'paid', 'fulfilled', …`.
fn purchase_list() -> String {
    let purchases: Vec<String> = OrderStatus::PURCHASES
        .iter()
        .map(|s| format!("'{}'", s.as_str()))
        .collect();
    purchases.join(", ")
}

/// Recomputes the figures of every customer (after a bulk load).
pub(crate) fn refresh_all(conn: &Connection) -> Result<()> {
    conn.execute(&refresh_sql(), [])?;
    Ok(())
}

/// The stored and the recomputed figures of one customer.
fn figures_sql() -> String {
    format!(
        "SELECT order_count, last_order_at,
           (SELECT count(*) FROM orders o WHERE o.customer_id = customers.id AND o.status IN ({})),
           (SELECT max(placed_at) FROM orders o WHERE o.customer_id = customers.id)
         FROM customers WHERE id = ?1",
        purchase_list()
    )
}

/// Recomputes the figures of the given customers (after orders of theirs were
/// written); a customer whose figures are right already is not rewritten.
pub(crate) fn refresh(conn: &Connection, customers: &[i64]) -> Result<()> {
    let mut figures = conn.prepare_cached(&figures_sql())?;
    let mut update = conn.prepare_cached(
        "UPDATE customers SET order_count = ?2, last_order_at = ?3 WHERE id = ?1",
    )?;
    for &id in customers {
        let row: Option<(i64, Option<String>, i64, Option<String>)> = figures
            .query_row([id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
            .optional()?;
        if let Some((count, last, want_count, want_last)) = row {
            if (count, &last) != (want_count, &want_last) {
                update.execute(params![id, want_count, want_last])?;
            }
        }
    }
    Ok(())
}
