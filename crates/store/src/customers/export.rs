//! Everything Courtesy holds about one customer, as one JSON document (GDPR
//! articles 15 and 20): the profile, contacts, addresses, consents and their
//! history, tags, notes, orders with lines, calls with attempts, gift plans
//! with their gifts, cards, and the audit entries about them.
//!
//! The layout is versioned ([`EXPORT_FORMAT`], [`EXPORT_VERSION`]) and
//! described by `docs/schemas/customer-export.schema.json`; each record keeps
//! the database's column names, so the document reads like the shop's data.

use crate::customers::row_json::rows;
use crate::db::{Connection, OptionalExtension};
use crate::error::{Result, StoreError};
use crate::time::to_db;
use crate::Store;
use chrono::{DateTime, Utc};
use serde_json::{json, Value as Json};

/// What the document says it is.
pub const EXPORT_FORMAT: &str = "courtesy.customer-export";

/// The layout's version; a change to the layout raises it.
pub const EXPORT_VERSION: i64 = 1;

/// Which audit entries (`a`) are about customer `?1`: theirs, and those of
/// their orders, calls, cards and gift plans.
pub(crate) const ABOUT_CUSTOMER: &str = "
       (a.entity = 'customer' AND a.entity_id = ?1)
    OR (a.entity = 'order' AND a.entity_id IN (SELECT id FROM orders WHERE customer_id = ?1))
    OR (a.entity = 'call' AND a.entity_id IN (SELECT id FROM calls WHERE customer_id = ?1))
    OR (a.entity = 'card' AND a.entity_id IN (SELECT id FROM cards WHERE customer_id = ?1))
    OR (a.entity = 'gift_plan' AND a.entity_id IN (SELECT id FROM gift_plans WHERE customer_id = ?1))";

/// Each record of `parent` gets the rows `sql` finds for its `id` under `key`.
fn nest(
    conn: &Connection,
    parents: &mut [Json],
    key: &str,
    sql: &str,
    skip: &[&str],
) -> Result<()> {
    for p in parents.iter_mut() {
        let id = p.get("id").and_then(Json::as_i64).unwrap_or_default();
        let children = rows(conn, sql, id, skip)?;
        if let Json::Object(o) = p {
            o.insert(key.to_string(), Json::Array(children));
        }
    }
    Ok(())
}

/// The audit details are JSON text; the document holds them as JSON.
fn parsed_details(mut entries: Vec<Json>) -> Vec<Json> {
    for e in &mut entries {
        if let Some(Json::String(text)) = e.get("detail") {
            let parsed = serde_json::from_str(text).unwrap_or(Json::String(text.clone()));
            e["detail"] = parsed;
        }
    }
    entries
}

fn export(conn: &Connection, id: i64, at: DateTime<Utc>) -> Result<Json> {
    let customer = rows(
        conn,
        "SELECT * FROM customers WHERE id = ?1",
        id,
        &["sort_key"],
    )?
    .pop()
    .ok_or(StoreError::NotFound {
        entity: "customer",
        id,
    })?;
    let of_customer = &["customer_id"];
    let mut orders = rows(
        conn,
        "SELECT * FROM orders WHERE customer_id = ?1 ORDER BY placed_at, id",
        id,
        of_customer,
    )?;
    nest(
        conn,
        &mut orders,
        "lines",
        "SELECT * FROM order_lines WHERE order_id = ?1 ORDER BY position",
        &["order_id"],
    )?;
    let mut calls = rows(
        conn,
        "SELECT * FROM calls WHERE customer_id = ?1 ORDER BY created_at, id",
        id,
        of_customer,
    )?;
    nest(
        conn,
        &mut calls,
        "attempts",
        "SELECT * FROM call_attempts WHERE call_id = ?1 ORDER BY at, id",
        &["call_id"],
    )?;
    let mut gift_plans = rows(
        conn,
        "SELECT * FROM gift_plans WHERE customer_id = ?1 ORDER BY given_on, id",
        id,
        of_customer,
    )?;
    nest(
        conn,
        &mut gift_plans,
        "gifts",
        "SELECT i.id, i.gift_id, g.name AS gift_name, i.rule_id, i.quantity, i.unit_cost_minor, i.currency
         FROM gift_plan_items i JOIN gifts g ON g.id = i.gift_id WHERE i.plan_id = ?1 ORDER BY i.id",
        &[],
    )?;
    let audit_sql = format!(
        "SELECT id, at, actor, source, entity, entity_id, action, detail FROM audit_log a
         WHERE {ABOUT_CUSTOMER} ORDER BY a.at, a.id"
    );
    let audit = parsed_details(rows(conn, &audit_sql, id, &[])?);
    let consent_history: Vec<Json> = audit
        .iter()
        .filter(|e| {
            e.pointer("/detail/field")
                .and_then(Json::as_str)
                .is_some_and(|f| f.starts_with("consent."))
        })
        .cloned()
        .collect();
    let strings = |sql: &str| -> Result<Vec<String>> {
        Ok(conn
            .prepare_cached(sql)?
            .query_map([id], |r| r.get(0))?
            .collect::<crate::db::Result<_>>()?)
    };
    let shop: Option<String> = conn
        .prepare_cached("SELECT value FROM settings WHERE key = 'shop_name'")?
        .query_row([], |r| r.get(0))
        .optional()?;
    Ok(json!({
        "format": EXPORT_FORMAT,
        "version": EXPORT_VERSION,
        "exported_at": to_db(at),
        "shop": shop.unwrap_or_else(|| crate::DEFAULT_SHOP_NAME.to_string()),
        "customer": customer,
        "other_emails": strings("SELECT email FROM customer_other_emails WHERE customer_id = ?1 ORDER BY email")?,
        "phones": rows(conn, "SELECT * FROM customer_phones WHERE customer_id = ?1 ORDER BY position, id", id, of_customer)?,
        "addresses": rows(conn, "SELECT * FROM customer_addresses WHERE customer_id = ?1 ORDER BY id", id, of_customer)?,
        "consents": rows(conn, "SELECT * FROM customer_consents WHERE customer_id = ?1 ORDER BY channel", id, of_customer)?,
        "consent_history": consent_history,
        "tags": strings("SELECT tag FROM customer_tags WHERE customer_id = ?1 ORDER BY tag")?,
        "external_ids": rows(conn, "SELECT * FROM customer_external_ids WHERE customer_id = ?1 ORDER BY source, external_id", id, of_customer)?,
        "orders": orders,
        "calls": calls,
        "gift_plans": gift_plans,
        "cards": rows(conn, "SELECT * FROM cards WHERE customer_id = ?1 ORDER BY created_at, id", id, of_customer)?,
        "audit": audit,
    }))
}

impl Store {
    /// Everything about customer `id` as one JSON document (see the module docs).
    pub fn export_customer(&self, id: i64, at: DateTime<Utc>) -> Result<Json> {
        self.read(|c| export(c, id, at))
    }

    /// The customer with this e-mail (their own, or one they are also known by).
    pub fn customer_by_email(&self, email: &str) -> Result<Option<i64>> {
        let email = email.trim().to_lowercase();
        self.read(|c| {
            Ok(c.prepare_cached(
                "SELECT id FROM customers WHERE email = ?1
                 UNION ALL SELECT customer_id FROM customer_other_emails WHERE email = ?1 LIMIT 1",
            )?
            .query_row([&email], |r| r.get(0))
            .optional()?)
        })
    }
}
