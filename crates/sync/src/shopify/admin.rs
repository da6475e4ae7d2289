//! A signed-in Shopify Admin API client: the access token (given, or
//! exchanged for the app's client id and secret and renewed before its day is
//! up), GraphQL queries paid for from the cost bucket, and Shopify's answers
//! turned into what a shop owner can act on.

use crate::http::transport::{host_of, Body, Call, Transport};
use crate::secrets::Credentials;
use crate::shopify::bucket::{requested_cost, Bucket, ThrottleStatus};
use crate::shopify::queries::API_VERSION;
use crate::sync_error::SyncError;
use serde_json::{json, Value};
use std::collections::HashMap;
use std::time::{Duration, Instant};
use url::Url;

/// A token exchanged for client credentials is renewed this long before it
/// lapses.
const RENEW_BEFORE: Duration = Duration::from_secs(300);

/// The largest cost Shopify accepts for one query.
pub const MAX_QUERY_COST: f64 = 1000.0;

/// A Shopify shop, signed in.
pub struct Admin {
    /// The HTTP client and its counters.
    pub transport: Transport,
    base: Url,
    host: String,
    credentials: Credentials,
    /// The token, and when it lapses (`None`: it does not).
    token: Option<(String, Option<Instant>)>,
    bucket: Bucket,
    started: Instant,
    /// The requested cost each named query had last time.
    costs: HashMap<&'static str, f64>,
}

impl Admin {
    /// A client for the shop at `base` (as [`courtesy_core::shop_address`] gives it).
    pub fn new(
        base: &str,
        credentials: Credentials,
        transport: Transport,
    ) -> Result<Admin, SyncError> {
        let base = Url::parse(base).map_err(|e| {
            SyncError::Address(courtesy_core::ShopAddressError::NotAnAddress {
                input: base.to_string(),
                reason: e.to_string(),
            })
        })?;
        let token = match &credentials {
            Credentials::Token { token } => Some((token.clone(), None)),
            _ => None,
        };
        Ok(Admin {
            host: host_of(&base),
            base,
            transport,
            credentials,
            token,
            bucket: Bucket::default(),
            started: Instant::now(),
            costs: HashMap::new(),
        })
    }

    /// The shop's host, as messages name it.
    pub fn host(&self) -> &str {
        &self.host
    }

    fn url(&self, path: &str) -> Url {
        let mut url = self.base.clone();
        url.set_path(path);
        url
    }

    /// Seconds since the client started (the bucket's clock).
    fn now(&self) -> f64 {
        self.started.elapsed().as_secs_f64()
    }

    /// The largest cost a query may have: Shopify's limit, or the bucket if smaller.
    pub fn cost_limit(&self) -> f64 {
        self.bucket
            .maximum()
            .map_or(MAX_QUERY_COST, |m| m.min(MAX_QUERY_COST))
    }

    /// The requested cost of `name` the last time it was sent.
    pub fn last_cost(&self, name: &str) -> Option<f64> {
        self.costs.get(name).copied()
    }

    /// A token to send: the given one, or one exchanged for the client
    /// credentials (again when it is about to lapse).
    async fn token(&mut self) -> Result<String, SyncError> {
        if let Some((token, lapses)) = &self.token {
            if lapses.is_none_or(|at| at.saturating_duration_since(Instant::now()) > RENEW_BEFORE) {
                return Ok(token.clone());
            }
        }
        let Credentials::ClientCredentials {
            client_id,
            client_secret,
        } = &self.credentials
        else {
            return Err(SyncError::Unauthorized {
                host: self.host.clone(),
                detail: "no access token".to_string(),
            });
        };
        let form = vec![
            ("grant_type".to_string(), "client_credentials".to_string()),
            ("client_id".to_string(), client_id.clone()),
            ("client_secret".to_string(), client_secret.clone()),
        ];
        let what = "an access token";
        let answer = self
            .transport
            .send(&Call::post(
                self.url("/admin/oauth/access_token"),
                Body::Form(form),
                what,
            ))
            .await?;
        let body = answer.json(what).unwrap_or(Value::Null);
        if !(200..300).contains(&answer.status) {
            let error = body
                .get("error")
                .and_then(Value::as_str)
                .unwrap_or_default();
            return Err(match error {
                "shop_not_permitted" => SyncError::NotPermitted {
                    host: self.host.clone(),
                },
                _ => SyncError::Unauthorized {
                    host: self.host.clone(),
                    detail: match body.get("error_description").and_then(Value::as_str) {
                        Some(d) => d.to_string(),
                        None if !error.is_empty() => error.to_string(),
                        None => format!("HTTP {}", answer.status),
                    },
                },
            });
        }
        let token = body
            .get("access_token")
            .and_then(Value::as_str)
            .filter(|t| !t.is_empty())
            .ok_or_else(|| SyncError::BadPage {
                what: what.to_string(),
                reason: "the answer holds no token".to_string(),
            })?
            .to_string();
        let lapses = body
            .get("expires_in")
            .and_then(Value::as_u64)
            .map(|s| Instant::now() + Duration::from_secs(s));
        self.token = Some((token.clone(), lapses));
        Ok(token)
    }

    /// Sends the query `name` (its cost estimated as `estimate` until Shopify
    /// has said what it costs), waiting first until the bucket can pay for
    /// it; waits and sends again when throttled. Returns `data`.
    pub async fn query(
        &mut self,
        name: &'static str,
        estimate: f64,
        query: &str,
        variables: Value,
        what: &str,
    ) -> Result<Value, SyncError> {
        let mut refreshed = false;
        let mut throttled = 0u32;
        loop {
            let cost = self.costs.get(name).copied().unwrap_or(estimate);
            let wait = self.bucket.wait_for(cost, self.now());
            if !wait.is_zero() {
                self.transport.wait_for_shop(wait).await;
            }
            let token = self.token().await?;
            let call = Call::post(
                self.url(&format!("/admin/api/{API_VERSION}/graphql.json")),
                Body::Json(json!({"query": query, "variables": variables})),
                what,
            )
            .header("X-Shopify-Access-Token", token);
            let answer = self.transport.send(&call).await?;
            match answer.status {
                401 if !refreshed
                    && matches!(self.credentials, Credentials::ClientCredentials { .. }) =>
                {
                    // The day's token lapsed early: exchange again, once.
                    self.token = None;
                    refreshed = true;
                    continue;
                }
                401 => {
                    return Err(SyncError::Unauthorized {
                        host: self.host.clone(),
                        detail: error_text(&answer.json(what).unwrap_or(Value::Null))
                            .unwrap_or_else(|| "HTTP 401".to_string()),
                    })
                }
                403 => {
                    return Err(SyncError::ScopeMissing {
                        host: self.host.clone(),
                        scope: error_text(&answer.json(what).unwrap_or(Value::Null))
                            .unwrap_or_else(|| "this data".to_string()),
                    })
                }
                s if !(200..300).contains(&s) => {
                    return Err(SyncError::Refused {
                        host: self.host.clone(),
                        what: what.to_string(),
                        status: s,
                        detail: match s {
                            402 => "the shop is frozen (its plan is unpaid)".to_string(),
                            423 => "the shop is locked".to_string(),
                            _ => answer.excerpt(),
                        },
                    })
                }
                _ => {}
            }
            let body = answer.json(what)?;
            if let Some(status) = ThrottleStatus::from_answer(&body) {
                self.bucket.observe(status, self.now());
            }
            if let Some(c) = requested_cost(&body) {
                self.costs.insert(name, c);
            }
            let errors = body
                .get("errors")
                .and_then(Value::as_array)
                .cloned()
                .unwrap_or_default();
            let code = |e: &Value| {
                e.pointer("/extensions/code")
                    .and_then(Value::as_str)
                    .map(str::to_string)
            };
            if errors
                .iter()
                .any(|e| code(e).as_deref() == Some("THROTTLED"))
            {
                throttled += 1;
                if throttled > self.transport.policy.throttled_attempts {
                    return Err(SyncError::Throttled {
                        host: self.host.clone(),
                    });
                }
                // The wait itself comes from the bucket at the top of the loop;
                // a bucket that did not say waits a backoff.
                if ThrottleStatus::from_answer(&body).is_none() {
                    let d = self
                        .transport
                        .policy
                        .backoff(throttled, 1.0)
                        .max(Duration::from_secs(1));
                    self.transport.wait_for_shop(d).await;
                }
                continue;
            }
            if let Some(denied) = errors
                .iter()
                .find(|e| code(e).as_deref() == Some("ACCESS_DENIED"))
            {
                let scope = denied
                    .pointer("/extensions/requiredAccess")
                    .and_then(Value::as_str)
                    .map(|s| {
                        s.trim_matches(|c| c == '`' || c == '.')
                            .replace("` access scope", "")
                            .replace("`", "")
                    })
                    .unwrap_or_else(|| {
                        denied
                            .get("message")
                            .and_then(Value::as_str)
                            .unwrap_or("this data")
                            .to_string()
                    });
                return Err(SyncError::ScopeMissing {
                    host: self.host.clone(),
                    scope,
                });
            }
            let data = body.get("data").cloned().unwrap_or(Value::Null);
            if !errors.is_empty() && data.is_null() {
                return Err(SyncError::Refused {
                    host: self.host.clone(),
                    what: what.to_string(),
                    status: answer.status,
                    detail: error_text(&body).unwrap_or_default(),
                });
            }
            if !errors.is_empty() {
                return Err(SyncError::BadPage {
                    what: what.to_string(),
                    reason: error_text(&body).unwrap_or_default(),
                });
            }
            return Ok(data);
        }
    }
}

/// The messages of a GraphQL answer's `errors` (a list, or the plain text
/// Shopify gives for a bad token).
fn error_text(body: &Value) -> Option<String> {
    match body.get("errors")? {
        Value::String(s) => Some(s.clone()),
        Value::Array(list) => Some(
            list.iter()
                .filter_map(|e| e.get("message").and_then(Value::as_str))
                .collect::<Vec<_>>()
                .join("; "),
        ),
        other => Some(other.to_string()),
    }
}
