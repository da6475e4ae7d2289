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
