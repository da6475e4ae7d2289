//! Where a shop is: what a person types (a Shopify store's name or domain, a
//! WordPress site's address) made into the base address requests go to.
//!
//! Shops are reached over HTTPS only; plain http is allowed to loopback
//! addresses (127.0.0.0/8, ::1, localhost), where a test server or a local
//! staging copy of the shop runs. Credentials never go in the address.

use crate::shops::ShopKind;
use std::net::IpAddr;
use url::{Host, Url};

/// Why an address cannot be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ShopAddressError {
    /// Nothing was typed.
    #[error("the shop's address is empty")]
    Empty,
    /// It is not a web address.
    #[error("'{input}' is not a web address: {reason}")]
    NotAnAddress {
        /// What was typed (without any credentials).
        input: String,
        /// Why.
        reason: String,
    },
    /// Plain http to a host on the network.
    #[error("{host} must be reached over https (plain http only to this computer)")]
    Insecure {
        /// The host.
        host: String,
    },
    /// A name or key inside the address.
    #[error("the address for {host} holds a user name or key: enter those in their own fields")]
    HasCredentials {
        /// The host.
        host: String,
    },
}

/// The base address of a shop: `https://host[:port][/path]`, no trailing slash.
///
/// Shopify: `example`, `example.myshopify.com` and
/// `https://example.myshopify.com/admin` all give
/// `https://example.myshopify.com`. WooCommerce: the site's address, with the
/// folder WordPress lives in kept (`https://example.com/shop`); a pasted API
/// address (`…/wp-json/wc/v3/orders`) is cut back to the site.
pub fn shop_address(kind: ShopKind, input: &str) -> Result<String, ShopAddressError> {
    let typed = input.trim().trim_end_matches('/');
    if typed.is_empty() {
        return Err(ShopAddressError::Empty);
    }
    let with_scheme = if typed.contains("://") {
        typed.to_string()
    } else if kind == ShopKind::Shopify && is_store_name(typed) {
        format!("https://{typed}.myshopify.com")
    } else {
        format!("https://{typed}")
    };
    let url = Url::parse(&with_scheme).map_err(|e| ShopAddressError::NotAnAddress {
        input: without_credentials(typed),
        reason: e.to_string(),
    })?;
    let host = url.host().ok_or_else(|| ShopAddressError::NotAnAddress {
        input: without_credentials(typed),
        reason: "it names no host".to_string(),
    })?;
    let host_text = host.to_string();
    if !url.username().is_empty() || url.password().is_some() {
        return Err(ShopAddressError::HasCredentials { host: host_text });
    }
    match url.scheme() {
        "https" => {}
        "http" if is_loopback(&host) => {}
        "http" => return Err(ShopAddressError::Insecure { host: host_text }),
        other => {
            return Err(ShopAddressError::NotAnAddress {
                input: without_credentials(typed),
                reason: format!("{other}: is not a web address"),
            })
        }
    }
    let mut base = format!("{}://{}", url.scheme(), host_text);
    if let Some(port) = url.port() {
        base.push_str(&format!(":{port}"));
    }
    if kind == ShopKind::Woocommerce {
        let path = url.path();
        let site = match path.find("/wp-json") {
            Some(at) => &path[..at],
            None => path,
        };
        base.push_str(site.trim_end_matches('/'));
    }
    Ok(base)
}

/// A bare Shopify store name: letters, digits and hyphens, no dots.
fn is_store_name(typed: &str) -> bool {
    typed.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
}

/// Whether requests to `host` stay on this computer.
fn is_loopback(host: &Host<&str>) -> bool {
    match host {
        Host::Domain(name) => name.eq_ignore_ascii_case("localhost"),
        Host::Ipv4(ip) => IpAddr::V4(*ip).is_loopback(),
        Host::Ipv6(ip) => IpAddr::V6(*ip).is_loopback(),
    }
}

/// What was typed, with anything before an `@` in the host part left out.
fn without_credentials(typed: &str) -> String {
    match (typed.find("://"), typed.find('@')) {
        (Some(s), Some(at)) if at > s => format!("{}{}", &typed[..s + 3], &typed[at + 1..]),
        (None, Some(at)) => typed[at + 1..].to_string(),
        _ => typed.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ShopKind::{Shopify, Woocommerce};

    #[test]
    fn a_shopify_store_name_or_domain_becomes_its_admin_host() {
        for typed in [
            "polish-candles",
            "polish-candles.myshopify.com",
            "https://polish-candles.myshopify.com/admin",
            " https://polish-candles.myshopify.com/ ",
        ] {
            assert_eq!(
                shop_address(Shopify, typed),
                Ok("https://polish-candles.myshopify.com".to_string()),
                "{typed}"
            );
        }
    }

    #[test]
    fn a_woocommerce_site_keeps_its_folder_and_loses_a_pasted_api_path() {
        assert_eq!(
            shop_address(Woocommerce, "sklep.example.pl/"),
            Ok("https://sklep.example.pl".to_string())
        );
        assert_eq!(
            shop_address(
                Woocommerce,
                "https://example.fi/kauppa/wp-json/wc/v3/orders?page=2"
            ),
            Ok("https://example.fi/kauppa".to_string())
        );
    }

    #[test]
    fn plain_http_is_refused_except_to_this_computer() {
        assert_eq!(
            shop_address(Woocommerce, "http://sklep.example.pl"),
            Err(ShopAddressError::Insecure {
                host: "sklep.example.pl".to_string()
            })
        );
        for local in [
            "http://127.0.0.1:8080",
            "http://localhost:3000/wp",
            "http://[::1]:9000",
            "http://127.8.0.3",
        ] {
            let base = shop_address(Woocommerce, local);
            assert!(
                base.as_deref().is_ok_and(|b| b.starts_with("http://")),
                "{local}: {base:?}"
            );
        }
        assert_eq!(
            shop_address(Shopify, "http://127.0.0.1:4567"),
            Ok("http://127.0.0.1:4567".to_string())
        );
    }

    #[test]
    fn credentials_in_the_address_are_refused_and_not_repeated() {
        let err = shop_address(Woocommerce, "https://ck_123:cs_secret@example.com");
        assert_eq!(
            err,
            Err(ShopAddressError::HasCredentials {
                host: "example.com".to_string()
            })
        );
        let bad = shop_address(Woocommerce, "ftp://ck_123:cs_secret@example.com")
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(!bad.contains("cs_secret"), "{bad}");
    }

    #[test]
    fn empty_and_broken_addresses_say_why() {
        assert_eq!(shop_address(Shopify, "  "), Err(ShopAddressError::Empty));
        assert!(matches!(
            shop_address(Woocommerce, "https://exa mple.com"),
            Err(ShopAddressError::NotAnAddress { .. })
        ));
    }
}
