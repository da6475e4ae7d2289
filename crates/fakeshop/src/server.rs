//! One responder that answers as both platforms do, by path: WordPress's
//! index and WooCommerce REST v3 under `/wp-json/`, Shopify's GraphQL Admin
//! API at `/admin/api/{version}/graphql.json` (by the operation in the
//! body) and the JSONL of its bulk exports under `/bulk/`. Credentials are
//! checked as the platforms check them; a wrong one gets their 401.

use crate::shop_data::Shop;
use crate::{shopify, woo};
use base64::Engine;
use chrono::{DateTime, NaiveDateTime, Utc};
use serde_json::{json, Value};
use std::sync::{Arc, OnceLock};
use std::time::Duration;
use wiremock::{Request, Respond, ResponseTemplate};

/// What the fake shop accepts and how slowly it answers.
pub struct Access {
    /// WooCommerce consumer key.
    pub key: String,
    /// WooCommerce consumer secret.
    pub secret: String,
    /// Shopify Admin API access token.
    pub token: String,
    /// Added to every answer.
    pub delay: Duration,
}

/// The fake shop's responder.
pub struct FakeShop {
    shop: Arc<Shop>,
    access: Access,
    bulk_orders: OnceLock<Vec<u8>>,
    bulk_customers: OnceLock<Vec<u8>>,
}

impl FakeShop {
    /// Serves `shop` to whoever holds `access`.
    pub fn new(shop: Shop, access: Access) -> Self {
        FakeShop {
            shop: Arc::new(shop),
            access,
            bulk_orders: OnceLock::new(),
            bulk_customers: OnceLock::new(),
        }
    }

    fn woo_signed_in(&self, r: &Request) -> bool {
        let basic = format!(
            "Basic {}",
            base64::engine::general_purpose::STANDARD
                .encode(format!("{}:{}", self.access.key, self.access.secret))
        );
        let header = r
            .headers
            .get("authorization")
            .and_then(|h| h.to_str().ok())
            .is_some_and(|h| h == basic);
        let query = param(r, "consumer_key").as_deref() == Some(self.access.key.as_str())
            && param(r, "consumer_secret").as_deref() == Some(self.access.secret.as_str());
        header || query
    }

    fn woo(&self, r: &Request, rest: &str) -> ResponseTemplate {
        if !self.woo_signed_in(r) {
            return ResponseTemplate::new(401).set_body_json(json!({
                "code": "woocommerce_rest_authentication_error",
                "message": "Invalid signature - provided signature does not match.",
                "data": {"status": 401}}));
        }
        let page: usize = param(r, "page")
            .and_then(|p| p.parse().ok())
            .unwrap_or(1)
            .max(1);
        let per_page: usize = param(r, "per_page")
            .and_then(|p| p.parse().ok())
            .unwrap_or(10)
            .clamp(1, 100);
        match rest {
            "data/currencies/current" => ResponseTemplate::new(200)
                .set_body_json(json!({"code": self.shop.currency, "name": self.shop.currency, "symbol": ""})),
            "customers" => {
                let mut list = self.shop.accounts();
                if param(r, "order").as_deref() == Some("desc") {
                    list.reverse();
                }
                let shown: Vec<Value> = list
                    .iter()
                    .skip((page - 1) * per_page)
                    .take(per_page)
                    .map(|c| woo::customer(c))
                    .collect();
                woo_page(shown, list.len(), per_page)
            }
            "orders" => {
                let since = param(r, "modified_after").and_then(|t| moment(&t));
                let list = self.shop.orders_since(since);
                let shown: Vec<Value> = list
                    .iter()
                    .skip((page - 1) * per_page)
                    .take(per_page)
                    .map(|o| woo::order(&self.shop, o))
                    .collect();
                woo_page(shown, list.len(), per_page)
            }
            _ => ResponseTemplate::new(404).set_body_json(json!({
                "code": "rest_no_route", "message": "No route was found matching the URL and request method.",
                "data": {"status": 404}})),
        }
    }

    fn graphql(&self, r: &Request) -> ResponseTemplate {
        let token = r
            .headers
            .get("x-shopify-access-token")
            .and_then(|h| h.to_str().ok());
        if token != Some(self.access.token.as_str()) {
            return ResponseTemplate::new(401).set_body_json(json!({
                "errors": "[API] Invalid API key or access token (unrecognized login or wrong password)"}));
        }
        let Ok(body) = serde_json::from_slice::<Value>(&r.body) else {
            return ResponseTemplate::new(400).set_body_json(json!({"errors": "Bad Request"}));
        };
        let query = body["query"].as_str().unwrap_or_default();
        let vars = &body["variables"];
        let base = format!(
            "http://{}",
            r.headers
                .get("host")
                .and_then(|h| h.to_str().ok())
                .unwrap_or("127.0.0.1")
        );
        let data = if query.contains("query Shop") {
            json!({"shop": {"name": self.shop.name, "currencyCode": self.shop.currency,
                    "myshopifyDomain": "herbaciarnia.myshopify.com"},
                "currentAppInstallation": {"accessScopes": [{"handle": "read_orders"},
                    {"handle": "read_all_orders"}, {"handle": "read_customers"}]}})
        } else if query.contains("bulkOperationRunQuery") {
            let id = if vars["query"]
                .as_str()
                .unwrap_or_default()
                .contains("orders(")
            {
                2
            } else {
                1
            };
            json!({"bulkOperationRunQuery": {"bulkOperation": {"id": format!("gid://shopify/BulkOperation/{id}"),
                "status": "CREATED", "createdAt": Utc::now().to_rfc3339()}, "userErrors": []}})
        } else if query.contains("node(id") {
            let id = vars["id"].as_str().unwrap_or_default();
            let (n, roots) = if id.ends_with("/2") {
                (2, self.shop.orders.len())
            } else {
                (1, self.shop.accounts().len())
            };
            json!({"node": {"id": id, "status": "COMPLETED", "errorCode": null,
                "objectCount": roots.to_string(), "rootObjectCount": roots.to_string(),
                "url": format!("{base}/bulk/{n}.jsonl"), "partialDataUrl": null,
                "createdAt": Utc::now().to_rfc3339(), "completedAt": Utc::now().to_rfc3339()}})
        } else if query.contains("query Orders(") {
            let since = changed_since(vars);
            let list = self.shop.orders_since(since);
            let (start, first) = window(vars, list.len());
            let nodes: Vec<Value> = list[start..start + first]
                .iter()
                .map(|o| shopify::order(&self.shop, o))
                .collect();
            json!({"orders": connection(nodes, start + first, list.len())})
        } else if query.contains("query Customers(") {
            let since = changed_since(vars);
            let list: Vec<_> = self
                .shop
                .accounts()
                .into_iter()
                .filter(|c| since.is_none_or(|s| c.record.created_at >= s))
                .collect();
            let (start, first) = window(vars, list.len());
            let nodes: Vec<Value> = list[start..start + first]
                .iter()
                .map(|c| shopify::customer(c))
                .collect();
            json!({"customers": connection(nodes, start + first, list.len())})
        } else if query.contains("query Lines(") {
            json!({"order": {"lineItems": {"pageInfo": {"hasNextPage": false, "endCursor": null}, "nodes": []}}})
        } else {
            return ResponseTemplate::new(200).set_body_json(json!({
                "errors": [{"message": "This fake shop does not know that query."}]}));
        };
        ResponseTemplate::new(200).set_body_json(json!({"data": data, "extensions": {"cost": {
            "requestedQueryCost": 10, "actualQueryCost": 10,
            "throttleStatus": {"maximumAvailable": 2000.0, "currentlyAvailable": 1990.0, "restoreRate": 100.0}}}}))
    }

    fn bulk(&self, n: &str) -> ResponseTemplate {
        let body = match n {
            "1.jsonl" => self.bulk_customers.get_or_init(|| {
                let mut out = Vec::new();
                for c in self.shop.accounts() {
                    out.extend_from_slice(shopify::customer(c).to_string().as_bytes());
                    out.push(b'\n');
                }
                out
            }),
            "2.jsonl" => self.bulk_orders.get_or_init(|| {
                let mut out = Vec::new();
                for o in &self.shop.orders {
                    shopify::order_rows(&self.shop, o, &mut out);
                }
                out
            }),
            _ => return ResponseTemplate::new(404),
        };
        ResponseTemplate::new(200).set_body_raw(body.clone(), "application/jsonl")
    }
}

impl Respond for FakeShop {
    fn respond(&self, r: &Request) -> ResponseTemplate {
        let path = r.url.path();
        let answer = if path == "/wp-json/" || path == "/wp-json" {
            ResponseTemplate::new(200).set_body_json(json!({"name": self.shop.name,
                "description": "Herbata, kosmetyki i prezenty", "url": format!("http://{}", r.url.authority()),
                "namespaces": ["oembed/1.0", "wp/v2", "wc/store/v1", "wc/v3"]}))
        } else if let Some(rest) = path.strip_prefix("/wp-json/wc/v3/") {
            self.woo(r, rest)
        } else if path.starts_with("/admin/api/") && path.ends_with("/graphql.json") {
            self.graphql(r)
        } else if let Some(n) = path.strip_prefix("/bulk/") {
            self.bulk(n)
        } else {
            ResponseTemplate::new(404)
        };
        answer.set_delay(self.access.delay)
    }
}

fn param(r: &Request, name: &str) -> Option<String> {
    r.url
        .query_pairs()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.into_owned())
}

/// A time as WooCommerce (no offset, GMT) or Shopify (RFC 3339) writes it.
fn moment(text: &str) -> Option<DateTime<Utc>> {
    DateTime::parse_from_rfc3339(text)
        .map(|t| t.with_timezone(&Utc))
        .ok()
        .or_else(|| {
            NaiveDateTime::parse_from_str(text, "%Y-%m-%dT%H:%M:%S")
                .ok()
                .map(|t| t.and_utc())
        })
}

/// The moment in a search such as `updated_at:>='2026-12-04T10:00:00Z'`.
fn changed_since(vars: &Value) -> Option<DateTime<Utc>> {
    let q = vars["query"].as_str()?;
    let start = q.find('\'')? + 1;
    let end = start + q[start..].find('\'')?;
    moment(&q[start..end])
}

/// Where a cursor page starts (cursors are offsets) and how long it is.
fn window(vars: &Value, len: usize) -> (usize, usize) {
    let start = vars["after"]
        .as_str()
        .and_then(|c| c.parse::<usize>().ok())
        .unwrap_or(0)
        .min(len);
    let first = vars["first"].as_u64().unwrap_or(50).min(250) as usize;
    (start, first.min(len - start))
}

fn connection(nodes: Vec<Value>, end: usize, len: usize) -> Value {
    json!({"pageInfo": {"hasNextPage": end < len, "endCursor": end.to_string()}, "nodes": nodes})
}

fn woo_page(list: Vec<Value>, total: usize, per_page: usize) -> ResponseTemplate {
    let pages = total.div_ceil(per_page).max(1);
    ResponseTemplate::new(200)
        .insert_header("X-WP-Total", total.to_string().as_str())
        .insert_header("X-WP-TotalPages", pages.to_string().as_str())
        .set_body_json(list)
}
