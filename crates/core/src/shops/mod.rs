//! The shops Courtesy syncs with: which platform, how it signs in, and the
//! address it is reached at (checked before anything is sent to it).

mod shop_address;

pub use shop_address::{shop_address, ShopAddressError};

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// The platform a shop runs on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ShopKind {
    /// Shopify, through its GraphQL Admin API.
    Shopify,
    /// WooCommerce, through its REST API v3.
    Woocommerce,
}

/// How Courtesy signs in to a shop.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ShopAuth {
    /// Shopify: the Admin API access token of a custom app.
    Token,
    /// Shopify: the client id and secret of a Dev Dashboard app, exchanged
    /// for a token that lasts a day.
    ClientCredentials,
    /// WooCommerce: a REST API consumer key and secret.
    KeySecret,
}

stored_names! {
    ShopKind { Shopify = "shopify", Woocommerce = "woocommerce" }
    ShopAuth { Token = "token", ClientCredentials = "client_credentials", KeySecret = "key_secret" }
}

impl ShopKind {
    /// The ways this platform signs in.
    pub fn allows(&self, auth: ShopAuth) -> bool {
        match self {
            ShopKind::Shopify => matches!(auth, ShopAuth::Token | ShopAuth::ClientCredentials),
            ShopKind::Woocommerce => auth == ShopAuth::KeySecret,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stored_names_round_trip_and_match_serde() {
        for k in [ShopKind::Shopify, ShopKind::Woocommerce] {
            assert_eq!(ShopKind::parse(k.as_str()), Some(k));
            assert_eq!(
                serde_json::to_string(&k).unwrap_or_default(),
                format!("\"{}\"", k.as_str())
            );
        }
        for a in [
            ShopAuth::Token,
            ShopAuth::ClientCredentials,
            ShopAuth::KeySecret,
        ] {
            assert_eq!(ShopAuth::parse(a.as_str()), Some(a));
            assert_eq!(
                serde_json::to_string(&a).unwrap_or_default(),
                format!("\"{}\"", a.as_str())
            );
        }
    }

    #[test]
    fn each_platform_signs_in_its_own_ways() {
        assert!(ShopKind::Shopify.allows(ShopAuth::Token));
        assert!(ShopKind::Shopify.allows(ShopAuth::ClientCredentials));
        assert!(!ShopKind::Shopify.allows(ShopAuth::KeySecret));
        assert!(ShopKind::Woocommerce.allows(ShopAuth::KeySecret));
        assert!(!ShopKind::Woocommerce.allows(ShopAuth::Token));
    }
}
