//! What a shop says of itself when its connection is tested: its name and
//! currency, what the credentials may read, and what the owner should know.

use serde::Serialize;
use ts_rs::TS;

/// Something the owner should know about a connection that works.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ShopNote {
    /// Shopify: without `read_all_orders` only the last 60 days of orders
    /// can be read.
    OrdersLast60Days,
    /// Shopify: without `read_customers` customers come only as buyers.
    NoCustomerAccess,
    /// WooCommerce: the key may not list customers (guests and buyers still
    /// come with their orders).
    NoCustomerList,
    /// WooCommerce: the server strips the Authorization header; the keys
    /// travel in the query string (over HTTPS).
    KeysInQuery,
}

/// What a shop said of itself.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ShopIdentity {
    /// The shop's name.
    pub name: String,
    /// Its currency (ISO code).
    pub currency: String,
    /// What the credentials may read (Shopify's scopes, or `orders`).
    pub can_read: Vec<String>,
    /// How many orders the shop has, when it says.
    #[ts(type = "number | null")]
    pub orders: Option<u64>,
    /// What the owner should know.
    pub notes: Vec<ShopNote>,
    /// WooCommerce keys travel in the query string.
    pub keys_in_query: bool,
}
