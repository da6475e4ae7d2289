//! Live sync with the shop: the connections (never their secrets), how far
//! each connection's changes are in, and which desk is syncing it now.

pub mod connections;
pub mod leases;
pub mod sync_state;
