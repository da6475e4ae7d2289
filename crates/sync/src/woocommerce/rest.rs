//! A WooCommerce site's REST API v3, signed in. Keys go as HTTP Basic over
//! HTTPS; some servers strip the Authorization header, and WooCommerce then
//! answers as if no key was given (401 `woocommerce_rest_cannot_view`): the
//! request is sent once more with the keys in the query string, and if that
//! works the connection keeps doing so (and says so).

use crate::http::transport::{host_of, Answer, Call, Transport};
use crate::run::identity::{ShopIdentity, ShopNote};
use crate::secrets::Credentials;
use crate::sync_error::SyncError;
use serde_json::Value;
use url::Url;

/// A WooCommerce site, signed in.
pub struct Rest {
    /// The HTTP client and its counters.
    pub transport: Transport,
    base: Url,
    host: String,
    key: String,
    secret: String,
    /// The keys travel in the query string.
    pub keys_in_query: bool,
}

impl Rest {
    /// A client for the site at `base`.
    pub fn new(
        base: &str,
        credentials: &Credentials,
        keys_in_query: bool,
        transport: Transport,
    ) -> Result<Rest, SyncError> {
        let Credentials::KeySecret { key, secret } = credentials else {
            return Err(SyncError::Unauthorized {
                host: base.to_string(),
                detail: "WooCommerce signs in with a consumer key and secret".to_string(),
            });
        };
        let base = Url::parse(base).map_err(|e| {
            SyncError::Address(courtesy_core::ShopAddressError::NotAnAddress {
                input: base.to_string(),
                reason: e.to_string(),
            })
        })?;
        Ok(Rest {
            host: host_of(&base),
            base,
            transport,
            key: key.clone(),
            secret: secret.clone(),
            keys_in_query,
        })
    }

    /// The site's host, as messages name it.
    pub fn host(&self) -> &str {
        &self.host
    }

    /// `path` under the site (`/wp-json/…`), with `query`.
    fn url(&self, path: &str, query: &[(&str, String)], keys: bool) -> Url {
        let mut url = self.base.clone();
        let joined = format!("{}{path}", self.base.path().trim_end_matches('/'));
        url.set_path(&joined);
        {
            let mut q = url.query_pairs_mut();
            q.clear();
            for (k, v) in query {
                q.append_pair(k, v);
            }
            if keys {
                q.append_pair("consumer_key", &self.key);
                q.append_pair("consumer_secret", &self.secret);
            }
        }
        if url.query() == Some("") {
            url.set_query(None);
        }
        url
    }

    /// GETs `path` without signing in (the site's index).
    pub async fn get_public(&mut self, path: &str, what: &str) -> Result<Answer, SyncError> {
        let url = self.url(path, &[], false);
        self.transport.send(&Call::get(url, what)).await
    }

    /// GETs `/wp-json/wc/v3/{path}` signed in; a refusal is an error a shop
    /// owner can act on.
    pub async fn get(
        &mut self,
        path: &str,
        query: &[(&str, String)],
        what: &str,
    ) -> Result<Answer, SyncError> {
        let full = format!("/wp-json/wc/v3/{path}");
        let answer = self.send(&full, query, what, self.keys_in_query).await?;
        let answer = if answer.status == 401
            && !self.keys_in_query
            && code(&answer) == "woocommerce_rest_cannot_view"
        {
            // The key may not have reached WooCommerce: try it in the query.
            let again = self.send(&full, query, what, true).await?;
            if (200..300).contains(&again.status) {
                self.keys_in_query = true;
            }
            again
        } else {
            answer
        };
        if (200..300).contains(&answer.status) {
            return Ok(answer);
        }
        Err(self.refusal(&answer, what))
    }

    async fn send(
        &mut self,
        path: &str,
        query: &[(&str, String)],
        what: &str,
        keys_in_query: bool,
    ) -> Result<Answer, SyncError> {
        let mut call = Call::get(self.url(path, query, keys_in_query), what);
        if !keys_in_query {
            call.basic = Some((self.key.clone(), self.secret.clone()));
        }
        self.transport.send(&call).await
    }

    /// What a refusal means.
    fn refusal(&self, answer: &Answer, what: &str) -> SyncError {
        let body = answer.json(what).unwrap_or(Value::Null);
        let message = body
            .get("message")
            .and_then(Value::as_str)
            .map(str::to_string)
            .unwrap_or_else(|| answer.excerpt());
        match (answer.status, code(answer).as_str()) {
            (401, _) => SyncError::Unauthorized {
                host: self.host.clone(),
                detail: message,
            },
            (403, _) => SyncError::ScopeMissing {
                host: self.host.clone(),
                scope: what.to_string(),
            },
            (404, "rest_no_route") | (404, _)
                if answer.looks_like_html() || code(answer) == "rest_no_route" =>
            {
                SyncError::NotAShop {
                    host: self.host.clone(),
                    platform: "WooCommerce".to_string(),
                    reason: "its REST API has no WooCommerce orders".to_string(),
                }
            }
            (status, _) => SyncError::Refused {
                host: self.host.clone(),
                what: what.to_string(),
                status,
                detail: message,
            },
        }
    }
}

/// The `code` of a WordPress REST error answer.
fn code(answer: &Answer) -> String {
    serde_json::from_slice::<Value>(&answer.body)
        .ok()
        .and_then(|v| v.get("code").and_then(Value::as_str).map(str::to_string))
        .unwrap_or_default()
}

/// Asks the site what it is: its name (the WordPress index), that it runs
/// WooCommerce's API, its currency, and that the key may read orders.
pub async fn identify(rest: &mut Rest) -> Result<ShopIdentity, SyncError> {
    let what = "the site's index";
    let index = rest.get_public("/wp-json/", what).await?;
    let not_a_shop = |reason: &str| SyncError::NotAShop {
        host: rest.host().to_string(),
        platform: "WooCommerce".to_string(),
        reason: reason.to_string(),
    };
    if !(200..300).contains(&index.status) {
        return Err(not_a_shop(&format!(
            "its REST API answered HTTP {}",
            index.status
        )));
    }
    let index = index
        .json(what)
        .map_err(|_| not_a_shop("it has no WordPress REST API"))?;
    let has_wc = index
        .get("namespaces")
        .and_then(Value::as_array)
        .is_some_and(|n| n.iter().any(|v| v.as_str() == Some("wc/v3")));
    if !has_wc {
        return Err(not_a_shop("WooCommerce's REST API (wc/v3) is not there"));
    }
    let name = decode_entities(
        index
            .get("name")
            .and_then(Value::as_str)
            .unwrap_or_default(),
    );
    let orders = rest
        .get(
            "orders",
            &[("per_page", "1".to_string()), ("status", "any".to_string())],
            "orders",
        )
        .await?;
    let total_orders = orders.header("x-wp-total").and_then(|t| t.parse().ok());
    let first_currency = orders
        .json("orders")?
        .as_array()
        .and_then(|list| list.first())
        .and_then(|o| o.get("currency"))
        .and_then(Value::as_str)
        .map(str::to_string);
    let mut notes = Vec::new();
    let currency = match rest
        .get("data/currencies/current", &[], "the shop's currency")
        .await
    {
        Ok(answer) => answer
            .json("the shop's currency")?
            .get("code")
            .and_then(Value::as_str)
            .map(str::to_string),
        // A key of a shop manager reads it; a lesser key reads orders only.
        Err(SyncError::ScopeMissing { .. }) | Err(SyncError::Unauthorized { .. }) => first_currency,
        Err(e) => return Err(e),
    };
    let customers = rest
        .get(
            "customers",
            &[("per_page", "1".to_string()), ("role", "all".to_string())],
            "customers",
        )
        .await;
    match customers {
        Ok(_) => {}
        Err(SyncError::ScopeMissing { .. }) | Err(SyncError::Unauthorized { .. }) => {
            notes.push(ShopNote::NoCustomerList)
        }
        Err(e) => return Err(e),
    }
    if rest.keys_in_query {
        notes.push(ShopNote::KeysInQuery);
    }
    Ok(ShopIdentity {
        name,
        currency: currency.unwrap_or_default(),
        can_read: vec!["orders".to_string()],
        orders: total_orders,
        notes,
        keys_in_query: rest.keys_in_query,
    })
}

/// Text with the HTML entities WordPress writes (`&amp;`, `&#8217;`) decoded.
pub fn decode_entities(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        let tail = &rest[at..];
        let Some(end) = tail[..tail.len().min(12)].find(';') else {
            out.push('&');
            rest = &tail[1..];
            continue;
        };
        let entity = &tail[1..end];
        let decoded = match entity {
            "amp" => Some('&'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            "nbsp" => Some('\u{a0}'),
            "ndash" => Some('–'),
            "mdash" => Some('—'),
            "hellip" => Some('…'),
            "euro" => Some('€'),
            _ => entity
                .strip_prefix("#x")
                .or_else(|| entity.strip_prefix("#X"))
                .and_then(|h| u32::from_str_radix(h, 16).ok())
                .or_else(|| entity.strip_prefix('#').and_then(|d| d.parse().ok()))
                .and_then(char::from_u32),
        };
        match decoded {
            Some(c) => {
                out.push(c);
                rest = &tail[end + 1..];
            }
            None => {
                out.push('&');
                rest = &tail[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entities_wordpress_writes_are_decoded() {
        assert_eq!(decode_entities("Tom &amp; Jerry&#8217;s"), "Tom & Jerry’s");
        assert_eq!(
            decode_entities("Ship &ndash; Black &#x62f;"),
            "Ship – Black د"
        );
        assert_eq!(decode_entities("a & b; &unknown; &"), "a & b; &unknown; &");
    }
}
