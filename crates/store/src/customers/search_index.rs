//! Keeps `customer_search` in step with customers, phones and orders: an FTS5
//! table on SQLite, a table with a weighted `tsvector` on PostgreSQL.
//!
//! Each customer has one row: folded names, folded e-mails (their own and the
//! ones they are also known by) plus phone digits
//! (E.164 without `+`, national digits, digits as typed), and order numbers.
//! SQLite folds with the store's `fold()` and `digits()` SQL functions; for
//! PostgreSQL the same text is made here, with every character that is not a
//! letter or digit turned into a space, so its parser splits words where FTS5
//! does (it would otherwise keep an e-mail address as one word).
//!
//! An import brings the rows of the customers it touched up to date when the
//! run ends, not after every batch. Meanwhile a durable mark (a counter under
//! [`LAGGING`] in `settings`, raised in every batch's transaction) says that
//! rows may lag behind; the run removes it once its customers are settled. A
//! process killed mid-run leaves the mark behind, and the next
//! [`Store::open`](crate::Store::open) checks every customer's row and figures.

use crate::db::{params, Connection, OptionalExtension};
use crate::error::Result;

const DOCUMENT: &str = "
    SELECT c.id,
      fold(c.first_name || ' ' || c.middle_name || ' ' || c.last_name || ' ' || c.company),
      fold(coalesce(c.email, '') || ' ' || coalesce((SELECT group_concat(e.email, ' ')
          FROM customer_other_emails e WHERE e.customer_id = c.id), '')) || ' ' || coalesce((
          SELECT group_concat(coalesce(substr(p.e164, 2), '') || ' ' || coalesce(p.national_digits, '')
                              || ' ' || digits(p.raw), ' ')
          FROM customer_phones p WHERE p.customer_id = c.id), ''),
      coalesce((SELECT group_concat(fold(o.number), ' ') FROM orders o WHERE o.customer_id = c.id), '')
    FROM customers c";

/// The `settings` key of the mark saying that search rows and customer figures
/// may lag behind committed import batches.
const LAGGING: &str = "import.search_lagging";

/// The three searchable columns of a customer's row.
type Document = (String, String, String);

/// What a customer's row is made from, for PostgreSQL: the name parts, the
/// e-mail, each phone's E.164 digits, national digits and text as typed, and
/// the order numbers (both lists separated by U+001F, a phone's parts by U+001E).
const DOCUMENT_PARTS: &str = "
    SELECT c.id,
      c.first_name || ' ' || c.middle_name || ' ' || c.last_name || ' ' || c.company,
      coalesce(c.email, '') || ' ' || coalesce((SELECT string_agg(e.email, ' ' ORDER BY e.email)
          FROM customer_other_emails e WHERE e.customer_id = c.id), ''),
      coalesce((SELECT string_agg(coalesce(substr(p.e164, 2), '') || '\u{1e}' || coalesce(p.national_digits, '')
                                  || '\u{1e}' || p.raw, '\u{1f}' ORDER BY p.position, p.id)
                FROM customer_phones p WHERE p.customer_id = c.id), ''),
      coalesce((SELECT string_agg(o.number, '\u{1f}' ORDER BY o.id) FROM orders o WHERE o.customer_id = c.id), '')
    FROM customers c";

/// Folded text with only letters, digits and single spaces.
fn words(text: &str) -> String {
    courtesy_core::fold_for_search(text)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// A customer's row from [`DOCUMENT_PARTS`].
fn document_from_parts(r: &crate::db::Row<'_>) -> crate::db::Result<(i64, Document)> {
    let (id, name, email, phones, orders): (i64, String, String, String, String) =
        (r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?);
    let mut contact = vec![words(&email)];
    for phone in phones.split('\u{1f}').filter(|p| !p.is_empty()) {
        let mut parts = phone.split('\u{1e}');
        let (e164, national, typed) = (
            parts.next().unwrap_or_default(),
            parts.next().unwrap_or_default(),
            parts.next().unwrap_or_default(),
        );
        let typed: String = typed.chars().filter(char::is_ascii_digit).collect();
        contact.push(words(&format!("{e164} {national} {typed}")));
    }
    let orders: Vec<String> = orders
        .split('\u{1f}')
        .map(words)
        .filter(|o| !o.is_empty())
        .collect();
    let contact = contact
        .iter()
        .map(|c| c.trim())
        .filter(|c| !c.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    Ok((id, (words(&name), contact, orders.join(" "))))
}

/// Rewrites the search rows of the given customers (after their names, contacts
/// or orders changed); a row that already reads as it should is left alone.
pub(crate) fn reindex(conn: &Connection, customers: &[i64]) -> Result<()> {
    if conn.is_postgres() {
        return reindex_postgres(conn, customers);
    }
    let mut current =
        conn.prepare_cached("SELECT name, contact, orders FROM customer_search WHERE rowid = ?1")?;
    let mut delete = conn.prepare_cached("DELETE FROM customer_search WHERE rowid = ?1")?;
    let mut document = conn.prepare_cached(&format!("{DOCUMENT} WHERE c.id = ?1"))?;
    // A plain INSERT … VALUES, not INSERT … SELECT: the latter opens a statement
    // savepoint, at which FTS5 flushes a tiny segment per customer.
    let mut insert = conn.prepare_cached(
        "INSERT INTO customer_search (rowid, name, contact, orders) VALUES (?1, ?2, ?3, ?4)",
    )?;
    for &id in customers {
        let want: Option<Document> = document
            .query_row([id], |r| Ok((r.get(1)?, r.get(2)?, r.get(3)?)))
            .optional()?;
        let have: Option<Document> = current
            .query_row([id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .optional()?;
        if want == have {
            continue;
        }
        if have.is_some() {
            delete.execute([id])?;
        }
        if let Some((name, contact, orders)) = want {
            insert.execute(params![id, name, contact, orders])?;
        }
    }
    Ok(())
}

fn reindex_postgres(conn: &Connection, customers: &[i64]) -> Result<()> {
    let mut current = conn.prepare_cached(
        "SELECT name, contact, orders FROM customer_search WHERE customer_id = ?1",
    )?;
    let mut document = conn.prepare_cached(&format!("{DOCUMENT_PARTS} WHERE c.id = ?1"))?;
    let mut delete = conn.prepare_cached("DELETE FROM customer_search WHERE customer_id = ?1")?;
    let mut upsert = conn.prepare_cached(
        "INSERT INTO customer_search (customer_id, name, contact, orders) VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT (customer_id) DO UPDATE
         SET name = excluded.name, contact = excluded.contact, orders = excluded.orders",
    )?;
    for &id in customers {
        let want: Option<Document> = document
            .query_row([id], document_from_parts)
            .optional()?
            .map(|(_, d)| d);
        let have: Option<Document> = current
            .query_row([id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .optional()?;
        if want == have {
            continue;
        }
        match want {
            Some((name, contact, orders)) => {
                upsert.execute(params![id, name, contact, orders])?;
            }
            None => {
                delete.execute([id])?;
            }
        }
    }
    Ok(())
}

/// Removes customer `id`'s search row. With `purge`, on SQLite the words go
/// from FTS5's segments at once (its `secure-delete` option, on for this one
/// delete: always on, it would slow every import's re-indexing); without it
/// they stay until the segments are next merged.
pub(crate) fn remove(conn: &Connection, id: i64, purge: bool) -> Result<()> {
    if conn.is_postgres() {
        conn.execute("DELETE FROM customer_search WHERE customer_id = ?1", [id])?;
        return Ok(());
    }
    if purge {
        conn.execute_batch(
            "INSERT INTO customer_search (customer_search, rank) VALUES ('secure-delete', 1)",
        )?;
    }
    conn.execute("DELETE FROM customer_search WHERE rowid = ?1", [id])?;
    if purge {
        conn.execute_batch(
            "INSERT INTO customer_search (customer_search, rank) VALUES ('secure-delete', 0)",
        )?;
    }
    Ok(())
}

/// Rebuilds the whole index in one statement (after a bulk load).
pub(crate) fn rebuild(conn: &Connection) -> Result<()> {
    if conn.is_postgres() {
        conn.execute("DELETE FROM customer_search", [])?;
        let ids: Vec<i64> = conn
            .prepare_cached("SELECT id FROM customers ORDER BY id")?
            .query_map([], |r| r.get(0))?
            .collect::<crate::db::Result<_>>()?;
        return reindex_postgres(conn, &ids);
    }
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

/// Raises the mark inside the caller's transaction (a batch whose customers'
/// rows will be settled later) and returns its new value.
pub(crate) fn mark_lagging(conn: &Connection) -> Result<i64> {
    Ok(conn
        .prepare_cached(
            "INSERT INTO settings (key, value) VALUES (?1, '1')
             ON CONFLICT (key) DO UPDATE SET value = CAST(settings.value AS BIGINT) + 1
             RETURNING CAST(value AS BIGINT)",
        )?
        .query_row([LAGGING], |r| r.get(0))?)
}

/// The mark's value, when rows may lag.
pub(crate) fn lagging(conn: &Connection) -> Result<Option<i64>> {
    Ok(conn
        .prepare_cached("SELECT CAST(value AS BIGINT) FROM settings WHERE key = ?1")?
        .query_row([LAGGING], |r| r.get(0))
        .optional()?)
}

/// Removes the mark if it still has the value `mark`: when another run raised
/// it since, that run's customers may still lag, and the mark stays.
pub(crate) fn clear_mark(conn: &Connection, mark: i64) -> Result<()> {
    conn.prepare_cached("DELETE FROM settings WHERE key = ?1 AND CAST(value AS BIGINT) = ?2")?
        .execute(params![LAGGING, mark])?;
    Ok(())
}

/// Up to `limit` customer ids from `from` on, in order (for checking everyone
/// in chunks).
pub(crate) fn customers_from(conn: &Connection, from: i64, limit: usize) -> Result<Vec<i64>> {
    Ok(conn
        .prepare_cached("SELECT id FROM customers WHERE id >= ?1 ORDER BY id LIMIT ?2")?
        .query_map(params![from, limit as i64], |r| r.get(0))?
        .collect::<crate::db::Result<_>>()?)
}
