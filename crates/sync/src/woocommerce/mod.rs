//! WooCommerce through its REST API v3: signing in with a consumer key and
//! secret, what the shop says of itself, and reading orders and customers a
//! page (100) at a time.

pub mod passes;
pub mod rest;

pub use passes::sync;
pub use rest::{identify, Rest};
