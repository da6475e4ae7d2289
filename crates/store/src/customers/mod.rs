//! Customers and their orders: profiles and edits, the list's figures, search and its index.

pub(crate) mod customer_stats;
pub(crate) mod orders;
pub(crate) mod profiles;
pub(crate) mod search;
pub(crate) mod search_index;
