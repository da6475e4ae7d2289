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
