//! Shops in, live: a Shopify or WooCommerce shop synced into Courtesy.
//!
//! A connection names the shop; its secrets stay in the OS keychain
//! ([`secrets`]). A sync ([`sync_shop`]) reads the whole shop the first time
//! (Shopify's bulk export, WooCommerce's pages) and what changed since then
//! after that; every page is converted and merged exactly as an imported
//! file's records are, and committed with how far the connection got, so a
//! sync cut short at any moment loses nothing and duplicates nothing. HTTP
//! keeps to the shop's rate limits and retries what fails within bounds
//! ([`http`]).
#![deny(missing_docs)]

pub mod http;
pub mod run;
pub mod secrets;
pub mod shopify;
pub mod sync_error;
pub mod woocommerce;

pub use http::Policy;
pub use run::identity::{ShopIdentity, ShopNote};
pub use run::progress::{SyncPhase, SyncProgress};
pub use run::{format_of, sync_shop, test_connection, SyncSetting};
pub use secrets::{Credentials, Keychain, Saved};
pub use sync_error::SyncError;
