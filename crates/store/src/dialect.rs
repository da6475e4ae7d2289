//! The few SQL phrases SQLite and PostgreSQL spell differently, for statements
//! that are otherwise the same on both.

use crate::db::Connection;

/// A subquery of the integers in the JSON array bound to `param` (e.g. `?1`).
pub(crate) fn json_integers(conn: &Connection, param: &str) -> String {
    if conn.is_postgres() {
        format!(
            "SELECT CAST(value AS BIGINT) FROM jsonb_array_elements_text(CAST(CAST({param} AS TEXT) AS jsonb)) AS j(value)"
        )
    } else {
        format!("SELECT value FROM json_each({param})")
    }
}

/// `sql` for this backend: SQLite reads `CROSS JOIN … ON` as a join whose left
/// side is scanned first (the store uses it to start from a short list);
/// PostgreSQL has no `ON` for a cross join and orders joins by itself.
pub(crate) fn ordered_joins<'s>(conn: &Connection, sql: &'s str) -> std::borrow::Cow<'s, str> {
    if conn.is_postgres() {
        sql.replace("CROSS JOIN", "JOIN").into()
    } else {
        sql.into()
    }
}

/// After a bulk load (a copy, a whole shop at once): on PostgreSQL, fresh
/// planner statistics, so the first searches do not plan as for empty tables
/// (autovacuum would take its time); SQLite plans from its indexes as they are.
/// Tables the connection's role does not own are skipped with a notice.
pub(crate) fn refresh_statistics(conn: &Connection) -> crate::db::Result<()> {
    if conn.is_postgres() {
        conn.execute_batch("ANALYZE")?;
    }
    Ok(())
}
