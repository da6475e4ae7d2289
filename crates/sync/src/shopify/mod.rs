//! Shopify through its GraphQL Admin API: signing in, what the shop says of
//! itself, the first sync as a bulk export of the whole shop, and the changes
//! since then a page at a time.

pub mod admin;
pub mod bucket;
pub mod bulk;
pub mod jsonl;
pub mod passes;
pub mod queries;

pub use admin::Admin;
pub use passes::sync;

use crate::run::identity::{ShopIdentity, ShopNote};
use crate::sync_error::SyncError;
use serde_json::{json, Value};

/// Asks the shop its name and currency and what the credentials may read.
/// Reading orders and customers is needed; without `read_all_orders` only
/// the last 60 days of orders can be read, which the owner is told.
pub async fn identify(admin: &mut Admin) -> Result<ShopIdentity, SyncError> {
    let data = admin
        .query("shop", 2.0, queries::SHOP, json!({}), "the shop")
        .await?;
    let scopes: Vec<String> = data
        .pointer("/currentAppInstallation/accessScopes")
        .and_then(Value::as_array)
        .map(|list| {
            list.iter()
                .filter_map(|s| s.get("handle").and_then(Value::as_str).map(str::to_string))
                .collect()
        })
        .unwrap_or_default();
    let has = |scope: &str| {
        scopes
            .iter()
            .any(|s| s == scope || s == &scope.replace("read_", "write_"))
    };
    for needed in ["read_orders", "read_customers"] {
        if !has(needed) {
            return Err(SyncError::ScopeMissing {
                host: admin.host().to_string(),
                scope: needed.to_string(),
            });
        }
    }
    let mut notes = Vec::new();
    if !has("read_all_orders") {
        notes.push(ShopNote::OrdersLast60Days);
    }
    let text = |pointer: &str| {
        data.pointer(pointer)
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_string()
    };
    Ok(ShopIdentity {
        name: text("/shop/name"),
        currency: text("/shop/currencyCode"),
        can_read: scopes,
        orders: None,
        notes,
        keys_in_query: false,
    })
}
