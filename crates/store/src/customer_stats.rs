//! Per-customer figures the list shows on every row — purchases and the newest
//! order — stored on the customer and refreshed whenever orders are written, so a
//! list row costs one lookup even for a customer with a thousand orders.

use crate::error::Result;
use courtesy_core::OrderStatus;
use rusqlite::Connection;

/// The UPDATE that recomputes the figures, counting the statuses of
/// [`OrderStatus::PURCHASES`] as purchases.
fn refresh_sql() -> String {
    let purchases: Vec<String> = OrderStatus::PURCHASES
        .iter()
        .map(|s| format!("'{}'", s.as_str()))
        .collect();
    format!(
        "UPDATE customers SET
           order_count = (SELECT count(*) FROM orders o
                          WHERE o.customer_id = customers.id AND o.status IN ({})),
           last_order_at = (SELECT max(placed_at) FROM orders o WHERE o.customer_id = customers.id)",
        purchases.join(", ")
    )
}

/// Recomputes the figures of every customer (after a bulk load).
pub(crate) fn refresh_all(conn: &Connection) -> Result<()> {
    conn.execute(&refresh_sql(), [])?;
    Ok(())
}

/// Recomputes the figures of the given customers (after orders of theirs were written).
pub(crate) fn refresh(conn: &Connection, customers: &[i64]) -> Result<()> {
    let mut stmt = conn.prepare_cached(&format!("{} WHERE id = ?1", refresh_sql()))?;
    for id in customers {
        stmt.execute([id])?;
    }
    Ok(())
}
