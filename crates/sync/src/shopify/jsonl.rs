//! A bulk export's result, read as it downloads: one JSON object per line,
//! each order followed by its line items (each naming its order in
//! `__parentId`). A download cut off midway goes on from the byte it reached
//! (asking for the rest with `Range`, or skipping what came before when the
//! server sends it all again), within the policy's bounds.

use crate::http::transport::{describe, host_of, Transport};
use crate::sync_error::SyncError;
use serde_json::{Map, Value};
use std::time::Instant;
use url::Url;

/// Reads a JSONL file line by line from its address.
pub struct JsonlReader {
    url: Url,
    what: String,
    response: Option<reqwest::Response>,
    buf: Vec<u8>,
    pos: usize,
    /// Bytes of the file received so far.
    received: u64,
    /// Bytes to drop from a response that starts over from the beginning.
    skip: u64,
    failures: u32,
    ended: bool,
}

impl JsonlReader {
    /// A reader of the file at `url` (a bulk export's result).
    pub fn new(url: Url, what: &str) -> Self {
        JsonlReader {
            url,
            what: what.to_string(),
            response: None,
            buf: Vec::new(),
            pos: 0,
            received: 0,
            skip: 0,
            failures: 0,
            ended: false,
        }
    }

    /// The next line (without its newline); `None` at the end of the file.
    pub async fn next_line(&mut self, t: &mut Transport) -> Result<Option<Vec<u8>>, SyncError> {
        loop {
            if let Some(nl) = self.buf[self.pos..].iter().position(|&b| b == b'\n') {
                let line = self.buf[self.pos..self.pos + nl].to_vec();
                self.pos += nl + 1;
                if self.pos > 1 << 20 {
                    self.buf.drain(..self.pos);
                    self.pos = 0;
                }
                return Ok(Some(line));
            }
            if self.ended {
                if self.pos < self.buf.len() {
                    let line = self.buf[self.pos..].to_vec();
                    self.pos = self.buf.len();
                    return Ok(Some(line));
                }
                return Ok(None);
            }
            self.fill(t).await?;
        }
    }

    /// Receives the next part of the file, reconnecting after a cut.
    async fn fill(&mut self, t: &mut Transport) -> Result<(), SyncError> {
        if self.response.is_none() {
            let response = t.open(&self.url, self.received, &self.what).await?;
            // A server that ignores `Range` sends the file from its start.
            self.skip = if self.received > 0 && response.status().as_u16() != 206 {
                self.received
            } else {
                0
            };
            if self.received > 0 && self.skip > 0 {
                self.received = 0;
            }
            self.response = Some(response);
        }
        let Some(response) = self.response.as_mut() else {
            return Ok(());
        };
        let started = Instant::now();
        let chunk = response.chunk().await;
        t.server_time += started.elapsed();
        match chunk {
            Ok(Some(bytes)) => {
                let mut part: &[u8] = &bytes;
                if self.skip > 0 {
                    let dropped = (self.skip as usize).min(part.len());
                    part = &part[dropped..];
                    self.skip -= dropped as u64;
                    self.received += dropped as u64;
                }
                self.buf.extend_from_slice(part);
                self.received += part.len() as u64;
            }
            Ok(None) => self.ended = true,
            Err(e) => {
                self.response = None;
                self.failures += 1;
                if self.failures >= t.policy.attempts {
                    return Err(SyncError::Unreachable {
                        host: host_of(&self.url),
                        reason: describe(&e),
                        attempts: self.failures,
                    });
                }
                let d = t
                    .policy
                    .backoff(self.failures, crate::http::transport::jitter());
                t.server_time += d;
                tokio::time::sleep(d).await;
            }
        }
        Ok(())
    }
}

/// What a line of the export gave.
#[derive(Debug, Clone, PartialEq)]
pub enum Assembled {
    /// A top-level object (an order with its line items, or a customer),
    /// complete.
    Root(Map<String, Value>),
    /// A line item whose order is not the one above it.
    Stray {
        /// The line item's id.
        id: String,
        /// The order it names.
        parent: String,
    },
}

/// Gathers each order's line items (the lines below it naming it) under
/// `lineItems.nodes`.
#[derive(Debug, Default)]
pub struct Assembler {
    current: Option<Map<String, Value>>,
}

impl Assembler {
    /// Takes one line's object; gives what it completes.
    pub fn push(&mut self, object: Map<String, Value>) -> Option<Assembled> {
        let parent = object
            .get("__parentId")
            .and_then(Value::as_str)
            .map(str::to_string);
        let Some(parent) = parent else {
            return self.current.replace(object).map(Assembled::Root);
        };
        let current_id = self
            .current
            .as_ref()
            .and_then(|c| c.get("id"))
            .and_then(Value::as_str);
        match (current_id == Some(parent.as_str()), self.current.as_mut()) {
            (true, Some(current)) => {
                let items = current
                    .entry("lineItems")
                    .or_insert_with(|| Value::Object(Map::new()));
                if let Value::Object(items) = items {
                    let nodes = items
                        .entry("nodes")
                        .or_insert_with(|| Value::Array(Vec::new()));
                    if let Value::Array(nodes) = nodes {
                        let mut line = object;
                        line.remove("__parentId");
                        nodes.push(Value::Object(line));
                    }
                }
                None
            }
            _ => Some(Assembled::Stray {
                id: object
                    .get("id")
                    .and_then(Value::as_str)
                    .unwrap_or_default()
                    .to_string(),
                parent,
            }),
        }
    }

    /// The last object, at the end of the file.
    pub fn finish(&mut self) -> Option<Map<String, Value>> {
        self.current.take()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn obj(v: Value) -> Map<String, Value> {
        v.as_object().cloned().unwrap_or_default()
    }

    #[test]
    fn line_items_are_gathered_under_the_order_above_them() {
        let mut a = Assembler::default();
        assert_eq!(
            a.push(obj(json!({"id": "gid://shopify/Order/1", "name": "#1001"}))),
            None
        );
        assert_eq!(
            a.push(obj(
                json!({"id": "gid://shopify/LineItem/11", "__parentId": "gid://shopify/Order/1"})
            )),
            None
        );
        assert_eq!(
            a.push(obj(
                json!({"id": "gid://shopify/LineItem/12", "__parentId": "gid://shopify/Order/1"})
            )),
            None
        );
        let Some(Assembled::Root(first)) = a.push(obj(json!({"id": "gid://shopify/Order/2"})))
        else {
            panic!("the first order is complete when the second begins");
        };
        assert_eq!(
            first["lineItems"]["nodes"].as_array().map(Vec::len),
            Some(2)
        );
        assert!(first["lineItems"]["nodes"][0].get("__parentId").is_none());
        assert_eq!(
            a.push(obj(
                json!({"id": "gid://shopify/LineItem/13", "__parentId": "gid://shopify/Order/1"})
            )),
            Some(Assembled::Stray {
                id: "gid://shopify/LineItem/13".into(),
                parent: "gid://shopify/Order/1".into()
            })
        );
        let last = a.finish().unwrap_or_default();
        assert_eq!(last["id"], "gid://shopify/Order/2");
        assert!(a.finish().is_none());
    }
}
