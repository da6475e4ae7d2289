//! The exports Courtesy reads, one file each: Shopify's orders and customers
//! CSVs, WooCommerce's REST API lists and its order-export plugin's CSV, and
//! any other CSV through a column mapping; and opening a file as the export it
//! is ([`open`](open::open)).

pub(crate) mod mapped_csv;
pub(crate) mod mapped_customers;
pub(crate) mod mapped_orders;
pub(crate) mod mapped_words;
pub(crate) mod mapping;
pub(crate) mod open;
pub(crate) mod shopify_admin;
pub(crate) mod shopify_buyer;
pub(crate) mod shopify_customers;
pub(crate) mod shopify_orders;
pub(crate) mod woocommerce_customers_json;
pub(crate) mod woocommerce_orders_csv;
pub(crate) mod woocommerce_orders_json;
pub(crate) mod woocommerce_party;
pub(crate) mod woocommerce_status;
