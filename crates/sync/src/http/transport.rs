//! One shop's HTTP: a request is sent, its whole body read, and failures
//! retried within the [`Policy`]'s bounds. Timeouts, cut connections and
//! server errors back off and try again; "wait" answers (429, 503) wait as
//! long as `Retry-After` says. Whatever else the shop answers goes back to the
//! caller, who knows what a 401 means for its platform.
//!
//! Nothing here prints or returns a URL: WooCommerce keys may travel in the
//! query string, so errors name the host and what was asked for.

use crate::http::backoff::Policy;
use crate::sync_error::SyncError;
use chrono::{DateTime, Utc};
use reqwest::header::{HeaderMap, RETRY_AFTER};
use std::hash::{BuildHasher, RandomState};
use std::time::{Duration, Instant};
use url::Url;

/// GET or POST.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    /// GET.
    Get,
    /// POST.
    Post,
}

/// What a request sends besides its address.
#[derive(Debug, Clone)]
pub enum Body {
    /// A JSON document.
    Json(serde_json::Value),
    /// A form (`application/x-www-form-urlencoded`).
    Form(Vec<(String, String)>),
}

/// One request.
#[derive(Debug, Clone)]
pub struct Call<'a> {
    /// GET or POST.
    pub method: Method,
    /// Where (may hold secrets in its query: never shown).
    pub url: Url,
    /// Extra headers.
    pub headers: Vec<(&'static str, String)>,
    /// HTTP Basic credentials.
    pub basic: Option<(String, String)>,
    /// The body, if any.
    pub body: Option<Body>,
    /// What is asked for, for messages (`orders page 3`).
    pub what: &'a str,
}

impl<'a> Call<'a> {
    /// A GET of `url`.
    pub fn get(url: Url, what: &'a str) -> Self {
        Call {
            method: Method::Get,
            url,
            headers: Vec::new(),
            basic: None,
            body: None,
            what,
        }
    }

    /// A POST of `body` to `url`.
    pub fn post(url: Url, body: Body, what: &'a str) -> Self {
        Call {
            method: Method::Post,
            url,
            headers: Vec::new(),
            basic: None,
            body: Some(body),
            what,
        }
    }

    /// With a header.
    pub fn header(mut self, name: &'static str, value: String) -> Self {
        self.headers.push((name, value));
        self
    }
}

/// A response, read whole.
#[derive(Debug, Clone)]
pub struct Answer {
    /// The status.
    pub status: u16,
    /// The headers.
    pub headers: HeaderMap,
    /// The body.
    pub body: Vec<u8>,
    /// The server's clock (`Date`), when it says.
    pub date: Option<DateTime<Utc>>,
}

impl Answer {
    /// A header's text.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|v| v.to_str().ok())
    }

    /// The body as JSON; a body that is not is a bad page named `what`.
    pub fn json(&self, what: &str) -> Result<serde_json::Value, SyncError> {
        serde_json::from_slice(&self.body).map_err(|e| SyncError::BadPage {
            what: what.to_string(),
            reason: if self.looks_like_html() {
                "the shop answered with a web page, not data".to_string()
            } else {
                format!("it is not JSON ({e})")
            },
        })
    }

    /// Whether the body is a web page (a firewall's, a login page).
    pub fn looks_like_html(&self) -> bool {
        let start: String = String::from_utf8_lossy(&self.body[..self.body.len().min(200)])
            .trim_start()
            .to_ascii_lowercase();
        start.starts_with("<!doctype") || start.starts_with("<html")
    }

    /// The start of the body as text, for a message.
    pub fn excerpt(&self) -> String {
        let text = String::from_utf8_lossy(&self.body[..self.body.len().min(300)]).to_string();
        text.split_whitespace().collect::<Vec<_>>().join(" ")
    }
}

/// The host of `url`, as errors name it.
pub fn host_of(url: &Url) -> String {
    match (url.host_str(), url.port()) {
        (Some(h), Some(p)) => format!("{h}:{p}"),
        (Some(h), None) => h.to_string(),
        _ => "the shop".to_string(),
    }
}

/// A random share between 0 and 1, for jitter.
pub fn jitter() -> f64 {
    let bits = RandomState::new().hash_one(Instant::now());
    (bits >> 11) as f64 / (1u64 << 53) as f64
}

/// A shop's HTTP client with its counters.
pub struct Transport {
    client: reqwest::Client,
    /// Timeouts and retry bounds.
    pub policy: Policy,
    /// Requests sent (each retry counts).
    pub requests: u64,
    /// Time spent waiting because the shop asked to (rate limits).
    pub waited: Duration,
    /// Time spent waiting for the shop's answers (and backing off after
    /// failures): not Courtesy's own work.
    pub server_time: Duration,
}

impl Transport {
    /// A client with `policy`'s timeouts.
    pub fn new(policy: Policy) -> Result<Transport, SyncError> {
        let client = reqwest::Client::builder()
            .connect_timeout(policy.connect_timeout)
            .read_timeout(policy.read_timeout)
            .user_agent(concat!("Courtesy/", env!("CARGO_PKG_VERSION")))
            .build()
            .map_err(|e| SyncError::Unreachable {
                host: "the shop".to_string(),
                reason: e.without_url().to_string(),
                attempts: 0,
            })?;
        Ok(Transport {
            client,
            policy,
            requests: 0,
            waited: Duration::ZERO,
            server_time: Duration::ZERO,
        })
    }

    /// Waits `d` because the shop asked to.
    pub async fn wait_for_shop(&mut self, d: Duration) {
        self.waited += d;
        self.server_time += d;
        tokio::time::sleep(d).await;
    }

    /// Backs off after a failure.
    async fn back_off(&mut self, attempt: u32) {
        let d = self.policy.backoff(attempt, jitter());
        self.server_time += d;
        tokio::time::sleep(d).await;
    }

    /// Sends `call` until it gets an answer that is neither a failure nor a
    /// "wait", within the policy's bounds. 4xx answers (but 429) are returned
    /// for the caller to read.
    pub async fn send(&mut self, call: &Call<'_>) -> Result<Answer, SyncError> {
        let host = host_of(&call.url);
        let (mut failures, mut waits) = (0u32, 0u32);
        loop {
            self.requests += 1;
            let started = Instant::now();
            let result = self.attempt(call).await;
            self.server_time += started.elapsed();
            match result {
                Err(reason) => {
                    failures += 1;
                    if failures >= self.policy.attempts {
                        return Err(SyncError::Unreachable {
                            host,
                            reason,
                            attempts: failures,
                        });
                    }
                    self.back_off(failures).await;
                }
                Ok(answer) if answer.status == 429 || answer.status == 503 => {
                    waits += 1;
                    if waits > self.policy.throttled_attempts {
                        return Err(SyncError::Throttled { host });
                    }
                    let asked = answer
                        .header(RETRY_AFTER.as_str())
                        .or_else(|| answer.header("ratelimit-retry-after"));
                    let d = self.policy.retry_after(asked, Utc::now(), waits, jitter());
                    self.wait_for_shop(d).await;
                }
                Ok(answer) if answer.status >= 500 => {
                    failures += 1;
                    if failures >= self.policy.attempts {
                        return Err(SyncError::ServerError {
                            host,
                            status: answer.status,
                            attempts: failures,
                        });
                    }
                    self.back_off(failures).await;
                }
                Ok(answer) => return Ok(answer),
            }
        }
    }

    /// Opens a response to read as a stream (a bulk export's file), from byte
    /// `from` on, retrying its start like [`Transport::send`]. Reading it is
    /// the caller's; the time spent doing so is added by the caller.
    pub async fn open(
        &mut self,
        url: &Url,
        from: u64,
        what: &str,
    ) -> Result<reqwest::Response, SyncError> {
        let host = host_of(url);
        let mut failures = 0u32;
        loop {
            self.requests += 1;
            let started = Instant::now();
            let mut request = self.client.get(url.clone());
            if from > 0 {
                request = request.header(reqwest::header::RANGE, format!("bytes={from}-"));
            }
            let result = request.send().await;
            self.server_time += started.elapsed();
            let failure = match result {
                Ok(r) if r.status().is_success() => return Ok(r),
                Ok(r) if r.status().is_server_error() => format!("HTTP {}", r.status().as_u16()),
                Ok(r) => {
                    return Err(SyncError::Refused {
                        host,
                        what: what.to_string(),
                        status: r.status().as_u16(),
                        detail: "the export's file could not be downloaded".to_string(),
                    })
                }
                Err(e) => describe(&e),
            };
            failures += 1;
            if failures >= self.policy.attempts {
                return Err(SyncError::Unreachable {
                    host,
                    reason: failure,
                    attempts: failures,
                });
            }
            self.back_off(failures).await;
        }
    }

    /// Sends once and reads the whole body; a failure is said in words.
    async fn attempt(&self, call: &Call<'_>) -> Result<Answer, String> {
        let mut request = match call.method {
            Method::Get => self.client.get(call.url.clone()),
            Method::Post => self.client.post(call.url.clone()),
        };
        for (name, value) in &call.headers {
            request = request.header(*name, value);
        }
        if let Some((user, password)) = &call.basic {
            request = request.basic_auth(user, Some(password));
        }
        request = match &call.body {
            Some(Body::Json(v)) => request.json(v),
            Some(Body::Form(fields)) => request.form(fields),
            None => request,
        };
        let response = request.send().await.map_err(|e| describe(&e))?;
        let status = response.status().as_u16();
        let headers = response.headers().clone();
        let body = response.bytes().await.map_err(|e| describe(&e))?.to_vec();
        let date = headers
            .get(reqwest::header::DATE)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| DateTime::parse_from_rfc2822(v).ok())
            .map(|d| d.with_timezone(&Utc));
        Ok(Answer {
            status,
            headers,
            body,
            date,
        })
    }
}

/// A failed exchange in words, without its URL (the causes below reqwest's
/// own message never hold one).
pub fn describe(e: &reqwest::Error) -> String {
    if e.is_timeout() {
        return "no answer in time".to_string();
    }
    if e.is_connect() {
        return "the connection was refused or could not be made".to_string();
    }
    if e.is_body() || e.is_decode() {
        return "the connection was cut while the answer came in".to_string();
    }
    let mut causes = Vec::new();
    let mut source = std::error::Error::source(e);
    while let Some(cause) = source {
        causes.push(cause.to_string());
        source = cause.source();
    }
    if causes.is_empty() {
        "the request failed".to_string()
    } else {
        causes.join(": ")
    }
}
