//! Shopify's bulk export: asked for once, prepared by Shopify while Courtesy
//! looks in now and then, and downloaded as one JSONL file.

use crate::shopify::admin::Admin;
use crate::shopify::queries::{BULK_POLL, BULK_RUN};
use crate::sync_error::SyncError;
use serde_json::{json, Value};

/// Where an export stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Export {
    /// `CREATED`, `RUNNING`, `COMPLETED`, `FAILED`, `CANCELED`, `CANCELING`, `EXPIRED`.
    pub status: String,
    /// Why it failed, when it did.
    pub error_code: Option<String>,
    /// Objects written so far (orders and their line items).
    pub objects: u64,
    /// Top-level objects written so far.
    pub roots: u64,
    /// The file, once complete (none when nothing matched).
    pub url: Option<String>,
}

impl Export {
    /// Whether Shopify is still at it.
    pub fn under_way(&self) -> bool {
        matches!(self.status.as_str(), "CREATED" | "RUNNING" | "CANCELING")
    }
}

/// Asks Shopify to export what `query` selects; returns the export's id. An
/// export of this app already under way is waited for (a bounded number of
/// times).
pub async fn start(admin: &mut Admin, query: &str, what: &str) -> Result<String, SyncError> {
    let mut busy = 0;
    loop {
        let data = admin
            .query("bulk_run", 10.0, BULK_RUN, json!({"query": query}), what)
            .await?;
        let payload = data
            .get("bulkOperationRunQuery")
            .cloned()
            .unwrap_or(Value::Null);
        let errors = payload
            .get("userErrors")
            .and_then(Value::as_array)
            .cloned()
            .unwrap_or_default();
        if let Some(e) = errors.first() {
            let code = e.get("code").and_then(Value::as_str).unwrap_or_default();
            if matches!(code, "OPERATION_IN_PROGRESS" | "LIMIT_REACHED")
                && busy < admin.transport.policy.throttled_attempts
            {
                busy += 1;
                let d = admin.transport.policy.poll_every;
                admin.transport.wait_for_shop(d).await;
                continue;
            }
            return Err(SyncError::BulkFailed {
                what: what.to_string(),
                code: e
                    .get("message")
                    .and_then(Value::as_str)
                    .unwrap_or(code)
                    .to_string(),
            });
        }
        return payload
            .pointer("/bulkOperation/id")
            .and_then(Value::as_str)
            .map(str::to_string)
            .ok_or_else(|| SyncError::BadPage {
                what: what.to_string(),
                reason: "Shopify did not say which export it started".to_string(),
            });
    }
}

/// Where the export `id` stands.
pub async fn poll(admin: &mut Admin, id: &str, what: &str) -> Result<Export, SyncError> {
    let data = admin
        .query("bulk_poll", 2.0, BULK_POLL, json!({"id": id}), what)
        .await?;
    let node = data.get("node").cloned().unwrap_or(Value::Null);
    if node.is_null() {
        return Ok(Export {
            status: "EXPIRED".to_string(),
            error_code: None,
            objects: 0,
            roots: 0,
            url: None,
        });
    }
    let count = |key: &str| -> u64 {
        match node.get(key) {
            Some(Value::String(s)) => s.parse().unwrap_or(0),
            Some(Value::Number(n)) => n.as_u64().unwrap_or(0),
            _ => 0,
        }
    };
    Ok(Export {
        status: node
            .get("status")
            .and_then(Value::as_str)
            .unwrap_or("FAILED")
            .to_string(),
        error_code: node
            .get("errorCode")
            .and_then(Value::as_str)
            .map(str::to_string),
        objects: count("objectCount"),
        roots: count("rootObjectCount"),
        url: node.get("url").and_then(Value::as_str).map(str::to_string),
    })
}
