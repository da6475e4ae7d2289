//! Keeps `customer_search` (FTS5) in step with customers, phones and orders.
//!
//! Each customer has one row: folded names, folded e-mail plus phone digits
//! (E.164 without `+`, national digits, digits as typed), and order numbers.

use crate::error::Result;
use rusqlite::{Connection, OptionalExtension};

const DOCUMENT: &str = "
    SELECT c.id,
      fold(c.first_name || ' ' || c.middle_name || ' ' || c.last_name || ' ' || c.company),
      fold(coalesce(c.email, '')) || ' ' || coalesce((
          SELECT group_concat(coalesce(substr(p.e164, 2), '') || ' ' || coalesce(p.national_digits, '')
                              || ' ' || digits(p.raw), ' ')
          FROM customer_phones p WHERE p.customer_id = c.id), ''),
      coalesce((SELECT group_concat(fold(o.number), ' ') FROM orders o WHERE o.customer_id = c.id), '')
    FROM customers c";

/// Rewrites the search rows of the given customers (after their names, contacts
/// or orders changed).
pub(crate) fn reindex(conn: &Connection, customers: &[i64]) -> Result<()> {
    let mut delete = conn.prepare_cached("DELETE FROM customer_search WHERE rowid = ?1")?;
    let mut document = conn.prepare_cached(&format!("{DOCUMENT} WHERE c.id = ?1"))?;
    // A plain INSERT … VALUES, not INSERT … SELECT: the latter opens a statement
    // savepoint, at which FTS5 flushes a tiny segment per customer.
    let mut insert = conn.prepare_cached(
        "INSERT INTO customer_search (rowid, name, contact, orders) VALUES (?1, ?2, ?3, ?4)",
    )?;
    for id in customers {
        delete.execute([id])?;
        let doc: Option<(i64, String, String, String)> = document
            .query_row([id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
            .optional()?;
        if let Some((rowid, name, contact, orders)) = doc {
            insert.execute(rusqlite::params![rowid, name, contact, orders])?;
        }
    }
    Ok(())
}

/// Rebuilds the whole index in one statement (after a bulk load).
pub(crate) fn rebuild(conn: &Connection) -> Result<()> {
    conn.execute("DELETE FROM customer_search", [])?;
    conn.execute(
        &format!("INSERT INTO customer_search (rowid, name, contact, orders) {DOCUMENT}"),
        [],
    )?;
    conn.execute(
        "INSERT INTO customer_search (customer_search) VALUES ('optimize')",
        [],
    )?;
    Ok(())
}
