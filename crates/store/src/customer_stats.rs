//! Per-customer figures the list shows on every row — purchases and the newest
//! order — stored on the customer and refreshed whenever orders are written, so a
//! list row costs one lookup even for a customer with a thousand orders.

use crate::error::Result;
use rusqlite::Connection;

const REFRESH: &str = "
    UPDATE customers SET
      order_count = (SELECT count(*) FROM orders o
                     WHERE o.customer_id = customers.id AND o.status IN ('paid', 'fulfilled', 'delivered')),
      last_order_at = (SELECT max(placed_at) FROM orders o WHERE o.customer_id = customers.id)";

/// Recomputes the figures of every customer (after a bulk load).
pub(crate) fn refresh_all(conn: &Connection) -> Result<()> {
    conn.execute(REFRESH, [])?;
    Ok(())
}

/// Recomputes the figures of the given customers (after orders of theirs were written).
pub(crate) fn refresh(conn: &Connection, customers: &[i64]) -> Result<()> {
    let mut stmt = conn.prepare_cached(&format!("{REFRESH} WHERE id = ?1"))?;
    for id in customers {
        stmt.execute([id])?;
    }
    Ok(())
}
