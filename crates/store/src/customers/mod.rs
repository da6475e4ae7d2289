//! Customers and their orders: profiles and edits, the list's figures, search and its index.

pub(crate) mod customer_stats;
pub(crate) mod duplicates;
pub(crate) mod erasure;
pub(crate) mod export;
pub(crate) mod merging;
pub(crate) mod orders;
pub(crate) mod profiles;
pub(crate) mod row_json;
pub(crate) mod search;
pub(crate) mod search_index;

use crate::db::Connection;
use crate::error::Result;

/// The ids `sql` selects for customer `id` (its `?1`).
pub(crate) fn ids_of(conn: &Connection, sql: &str, id: i64) -> Result<Vec<i64>> {
    Ok(conn
        .prepare_cached(sql)?
        .query_map([id], |r| r.get(0))?
        .collect::<crate::db::Result<_>>()?)
}
