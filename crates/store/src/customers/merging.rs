//! Merging two customers who are one person, and undoing the last merge.
//!
//! The kept customer takes the removed one's orders, calls, gift plans, cards,
//! phones, addresses, tags, shop ids and e-mail (as one they are also known
//! by, so search, imports and syncs find them by either); a consent on a
//! channel both have is the newer one; notes are joined and "do not call"
//! holds if either asked. Staff choose per field ([`MERGE_FIELDS`]) whose
//! value the kept customer has. The removed customer is kept whole as JSON in
//! `customer_merges`, with the kept one as it was and the rows that moved, so
//! the last merge can be undone exactly while the kept customer is unchanged.

use crate::audit::{record, Actor};
use crate::customers::row_json::{insert, rows, update};
use crate::customers::{customer_stats, ids_of, search_index};
use crate::db::{params, Connection, OptionalExtension};
use crate::error::{Result, StoreError};
use crate::import::bulk::sort_key;
use crate::time::to_db;
use crate::Store;
use serde::{Deserialize, Serialize};
use serde_json::{json, Value as Json};
use ts_rs::TS;

/// The fields staff choose between when merging.
pub const MERGE_FIELDS: [&str; 8] = [
    "first_name",
    "middle_name",
    "last_name",
    "company",
    "email",
    "language",
    "country",
    "birthday",
];

/// The tables of a customer's own rows, in the order they are put back.
const OWN_TABLES: [(&str, &str); 6] = [
    ("customer_phones", "position, id"),
    ("customer_addresses", "id"),
    ("customer_consents", "channel"),
    ("customer_tags", "tag"),
    ("customer_external_ids", "source, external_id"),
    ("customer_other_emails", "email"),
];

/// Two customers to make one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct MergeRequest {
    /// The customer who stays.
    #[ts(type = "number")]
    pub kept: i64,
    /// The customer who goes into the kept one.
    #[ts(type = "number")]
    pub removed: i64,
    /// Of [`MERGE_FIELDS`], those where the removed customer's value wins.
    pub take_from_removed: Vec<String>,
}

/// One merge, as History and the undo button show it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct MergeView {
    /// The merge.
    #[ts(type = "number")]
    pub id: i64,
    /// The customer who stayed.
    #[ts(type = "number")]
    pub kept_id: i64,
    /// The customer merged into them.
    #[ts(type = "number")]
    pub removed_id: i64,
    /// The removed customer's name as it was.
    pub removed_name: String,
    /// When, UTC.
    pub at: String,
    /// Who.
    pub actor: String,
    /// When it was undone.
    pub undone_at: Option<String>,
}

/// A customer and their own rows, as JSON.
fn snapshot(conn: &Connection, id: i64) -> Result<Json> {
    let customer = rows(conn, "SELECT * FROM customers WHERE id = ?1", id, &[])?
        .pop()
        .ok_or(StoreError::NotFound {
            entity: "customer",
            id,
        })?;
    let mut out = serde_json::Map::new();
    out.insert("customers".into(), customer);
    for (table, order) in OWN_TABLES {
        let sql = format!("SELECT * FROM {table} WHERE customer_id = ?1 ORDER BY {order}");
        out.insert(table.into(), Json::Array(rows(conn, &sql, id, &[])?));
    }
    Ok(Json::Object(out))
}

fn text(row: &Json, field: &str) -> String {
    row.get(field)
        .and_then(Json::as_str)
        .unwrap_or_default()
        .to_string()
}

/// Moves the removed customer's phones and addresses the kept one lacks;
/// the rest go with the removed customer.
fn move_contacts(conn: &Connection, kept: i64, removed: i64) -> Result<()> {
    let mut position: i64 = conn.query_row(
        "SELECT coalesce(max(position) + 1, 0) FROM customer_phones WHERE customer_id = ?1",
        [kept],
        |r| r.get(0),
    )?;
    let phones: Vec<(i64, Option<String>, String)> = conn
        .prepare_cached("SELECT id, e164, raw FROM customer_phones WHERE customer_id = ?1 ORDER BY position, id")?
        .query_map([removed], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
        .collect::<crate::db::Result<_>>()?;
    for (id, e164, raw) in phones {
        let known: bool = conn
            .prepare_cached(
                "SELECT EXISTS (SELECT 1 FROM customer_phones WHERE customer_id = ?1
                   AND ((?2 IS NOT NULL AND e164 = ?2) OR (?2 IS NULL AND e164 IS NULL AND raw = ?3)))",
            )?
            .query_row(params![kept, e164, raw], |r| r.get(0))?;
        if !known {
            conn.execute(
                "UPDATE customer_phones SET customer_id = ?2, position = ?3 WHERE id = ?1",
                params![id, kept, position],
            )?;
            position += 1;
        }
    }
    conn.execute(
        "UPDATE customer_addresses SET customer_id = ?2 WHERE customer_id = ?1
           AND NOT EXISTS (SELECT 1 FROM customer_addresses k WHERE k.customer_id = ?2
             AND k.kind = customer_addresses.kind AND k.line1 = customer_addresses.line1
             AND k.postal_code = customer_addresses.postal_code AND k.country = customer_addresses.country)",
        params![removed, kept],
    )?;
    // A consent on a channel only the removed customer has moves; on a channel
    // both have, the newer one wins.
    conn.execute(
        "UPDATE customer_consents SET granted = r.granted, at = r.at, source = r.source
         FROM customer_consents r
         WHERE customer_consents.customer_id = ?2 AND r.customer_id = ?1
           AND r.channel = customer_consents.channel AND r.at > customer_consents.at",
        params![removed, kept],
    )?;
    conn.execute(
        "UPDATE customer_consents SET customer_id = ?2 WHERE customer_id = ?1
           AND channel NOT IN (SELECT channel FROM customer_consents WHERE customer_id = ?2)",
        params![removed, kept],
    )?;
    conn.execute(
        "INSERT INTO customer_tags (customer_id, tag) SELECT ?2, tag FROM customer_tags WHERE customer_id = ?1
         ON CONFLICT (customer_id, tag) DO NOTHING",
        params![removed, kept],
    )?;
    for table in ["customer_external_ids", "customer_other_emails"] {
        conn.execute(
            &format!("UPDATE {table} SET customer_id = ?2 WHERE customer_id = ?1"),
            params![removed, kept],
        )?;
    }
    Ok(())
}

/// Merges inside the caller's transaction; returns the merge's id.
fn merge(conn: &Connection, req: &MergeRequest, actor: &Actor) -> Result<i64> {
    let (kept, removed) = (req.kept, req.removed);
    if kept == removed {
        return Err(StoreError::Invalid(
            "a customer cannot be merged with themselves".into(),
        ));
    }
    if let Some(bad) = req
        .take_from_removed
        .iter()
        .find(|f| !MERGE_FIELDS.contains(&f.as_str()))
    {
        return Err(StoreError::Invalid(format!(
            "'{bad}' is not a field to merge"
        )));
    }
    let at = to_db(actor.at);
    let kept_before = snapshot(conn, kept)?;
    let removed_all = snapshot(conn, removed)?;
    let (k, r) = (&kept_before["customers"], &removed_all["customers"]);

    let calls = rows(
        conn,
        "SELECT * FROM calls WHERE customer_id = ?1",
        removed,
        &[],
    )?;
    let moved = json!({
        "orders": ids_of(conn, "SELECT id FROM orders WHERE customer_id = ?1", removed)?,
        "gift_plans": ids_of(conn, "SELECT id FROM gift_plans WHERE customer_id = ?1", removed)?,
        "cards": ids_of(conn, "SELECT id FROM cards WHERE customer_id = ?1", removed)?,
        "calls": calls,
    });
    // One open thank-you call per customer: the kept one's stays.
    conn.execute(
        "UPDATE calls SET status = 'cancelled', closed_at = ?3, closed_reason = 'merged'
         WHERE customer_id = ?1 AND status = 'open' AND reason IN ('first_order','big_order','vip_order')
           AND EXISTS (SELECT 1 FROM calls k WHERE k.customer_id = ?2 AND k.status = 'open'
                       AND k.reason IN ('first_order','big_order','vip_order'))",
        params![removed, kept, at],
    )?;
    for table in ["orders", "calls", "gift_plans", "cards"] {
        conn.execute(
            &format!("UPDATE {table} SET customer_id = ?2 WHERE customer_id = ?1"),
            params![removed, kept],
        )?;
    }
    move_contacts(conn, kept, removed)?;

    // The chosen fields; the e-mail not chosen becomes one they are also known by.
    // A field is the removed customer's when chosen so, or when the kept one has none.
    let pick = |field: &str| -> Json {
        let chosen = req.take_from_removed.iter().any(|f| f == field) && !r[field].is_null();
        let blank = k[field].is_null() || k[field] == json!("");
        if chosen || blank {
            r[field].clone()
        } else {
            k[field].clone()
        }
    };
    let fields: Vec<(&str, Json)> = MERGE_FIELDS.iter().map(|f| (*f, pick(f))).collect();
    let chosen_email = pick("email");
    let notes = [text(k, "notes"), text(r, "notes")]
        .into_iter()
        .filter(|n| !n.trim().is_empty())
        .collect::<Vec<_>>()
        .join("\n\n");
    let do_not_call =
        k["do_not_call"].as_i64().unwrap_or(0) | r["do_not_call"].as_i64().unwrap_or(0);

    conn.execute(
        "DELETE FROM duplicate_dismissals WHERE low_id = ?1 OR high_id = ?1",
        [removed],
    )?;
    search_index::remove(conn, removed, false)?;
    conn.execute("DELETE FROM customers WHERE id = ?1", [removed])?;

    let mut set: serde_json::Map<String, Json> = fields
        .iter()
        .map(|(f, v)| (f.to_string(), v.clone()))
        .collect();
    let name = |f: &str| set[f].as_str().unwrap_or_default().to_string();
    let key = sort_key(
        &name("first_name"),
        &name("middle_name"),
        &name("last_name"),
        &name("company"),
    );
    set.insert("sort_key".into(), json!(key));
    set.insert("notes".into(), json!(notes));
    set.insert("do_not_call".into(), json!(do_not_call));
    set.insert("updated_at".into(), json!(at));
    update(conn, "customers", kept, &set)?;
    for email in [&k["email"], &r["email"]] {
        if let Some(e) = email.as_str().filter(|e| Some(*e) != chosen_email.as_str()) {
            conn.execute(
                "INSERT INTO customer_other_emails (email, customer_id) VALUES (?1, ?2)
                 ON CONFLICT (email) DO UPDATE SET customer_id = excluded.customer_id",
                params![e, kept],
            )?;
        }
    }
    if let Some(e) = chosen_email.as_str() {
        conn.execute("DELETE FROM customer_other_emails WHERE email = ?1", [e])?;
    }
    customer_stats::refresh(conn, &[kept])?;
    search_index::reindex(conn, &[kept])?;
    let merge_id = conn.insert(
        "INSERT INTO customer_merges (kept_id, removed_id, at, actor, removed, kept_before, moved)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) RETURNING id",
        params![
            kept,
            removed,
            at,
            actor.name,
            removed_all.to_string(),
            kept_before.to_string(),
            moved.to_string()
        ],
    )?;
    record(
        conn,
        actor,
        "customer",
        Some(kept),
        "merge",
        &json!({"removed": removed, "merge": merge_id, "fromRemoved": req.take_from_removed}),
    )?;
    record(
        conn,
        actor,
        "customer",
        Some(removed),
        "merged_into",
        &json!({"kept": kept, "merge": merge_id}),
    )?;
    Ok(merge_id)
}

/// Puts the rows of a snapshot's own tables back.
fn put_back_own_rows(conn: &Connection, snap: &Json) -> Result<()> {
    for (table, _) in OWN_TABLES {
        if let Some(Json::Array(list)) = snap.get(table) {
            insert(conn, table, list)?;
        }
    }
    Ok(())
}

/// Undoes merge `id` inside the caller's transaction.
fn undo(conn: &Connection, id: i64, actor: &Actor) -> Result<()> {
    let (kept, removed, at, removed_all, kept_before, moved): (i64, i64, String, String, String, String) = conn
        .prepare_cached("SELECT kept_id, removed_id, at, removed, kept_before, moved FROM customer_merges WHERE id = ?1")?
        .query_row([id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?)))?;
    let parse = |t: &str| {
        serde_json::from_str::<Json>(t)
            .map_err(|e| StoreError::Invalid(format!("the merge's record is damaged: {e}")))
    };
    let (removed_all, kept_before, moved) =
        (parse(&removed_all)?, parse(&kept_before)?, parse(&moved)?);
    let updated: Option<String> = conn
        .prepare_cached("SELECT updated_at FROM customers WHERE id = ?1")?
        .query_row([kept], |r| r.get(0))
        .optional()?;
    match updated {
        None => return Err(StoreError::NotFound { entity: "customer", id: kept }),
        Some(u) if u != at => {
            return Err(StoreError::Invalid(
                "the merged customer has changed since the merge (an edit, an import or a sync), so it cannot be undone exactly".into(),
            ))
        }
        Some(_) => {}
    }
    for (table, _) in OWN_TABLES {
        conn.execute(
            &format!("DELETE FROM {table} WHERE customer_id = ?1"),
            [kept],
        )?;
    }
    let Json::Object(before) = &kept_before["customers"] else {
        return Err(StoreError::Invalid("the merge's record is damaged".into()));
    };
    update(conn, "customers", kept, before)?;
    insert(
        conn,
        "customers",
        std::slice::from_ref(&removed_all["customers"]),
    )?;
    put_back_own_rows(conn, &removed_all)?;
    put_back_own_rows(conn, &kept_before)?;
    let list = |key: &str| -> Vec<i64> {
        moved[key]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(Json::as_i64)
            .collect()
    };
    for table in ["orders", "gift_plans", "cards"] {
        let mut stmt = conn.prepare_cached(&format!(
            "UPDATE {table} SET customer_id = ?2 WHERE id = ?1"
        ))?;
        for row in list(table) {
            stmt.execute(params![row, removed])?;
        }
    }
    let mut call = conn.prepare_cached(
        "UPDATE calls SET customer_id = ?2, status = ?3, closed_at = ?4, closed_reason = ?5 WHERE id = ?1",
    )?;
    for c in moved["calls"].as_array().into_iter().flatten() {
        call.execute(params![
            c["id"].as_i64(),
            removed,
            c["status"].as_str(),
            c["closed_at"].as_str(),
            c["closed_reason"].as_str()
        ])?;
    }
    customer_stats::refresh(conn, &[kept, removed])?;
    search_index::reindex(conn, &[kept, removed])?;
    conn.execute(
        "UPDATE customer_merges SET undone_at = ?2 WHERE id = ?1",
        params![id, to_db(actor.at)],
    )?;
    record(
        conn,
        actor,
        "customer",
        Some(kept),
        "unmerge",
        &json!({"removed": removed, "merge": id}),
    )?;
    record(
        conn,
        actor,
        "customer",
        Some(removed),
        "unmerge",
        &json!({"kept": kept, "merge": id}),
    )?;
    Ok(())
}

fn merge_view(conn: &Connection, id: i64) -> Result<MergeView> {
    let (view, removed): (MergeView, String) = conn
        .prepare_cached("SELECT id, kept_id, removed_id, at, actor, undone_at, removed FROM customer_merges WHERE id = ?1")?
        .query_row([id], |r| {
            Ok((
                MergeView {
                    id: r.get(0)?,
                    kept_id: r.get(1)?,
                    removed_id: r.get(2)?,
                    removed_name: String::new(),
                    at: r.get(3)?,
                    actor: r.get(4)?,
                    undone_at: r.get(5)?,
                },
                r.get(6)?,
            ))
        })?;
    let removed: Json = serde_json::from_str(&removed).unwrap_or_default();
    let c = &removed["customers"];
    let name = courtesy_core::PersonName::new(
        &text(c, "first_name"),
        &text(c, "middle_name"),
        &text(c, "last_name"),
    );
    let culture = courtesy_core::NameCulture::of(
        &text(c, "country"),
        c["language"]
            .as_str()
            .and_then(courtesy_core::Language::from_tag),
    );
    let full = name.full(culture);
    Ok(MergeView {
        removed_name: if full.is_empty() {
            text(c, "company")
        } else {
            full
        },
        ..view
    })
}

fn last_merge_id(conn: &Connection) -> Result<Option<i64>> {
    Ok(conn
        .prepare_cached(
            "SELECT id FROM customer_merges WHERE undone_at IS NULL ORDER BY id DESC LIMIT 1",
        )?
        .query_row([], |r| r.get(0))
        .optional()?)
}

impl Store {
    /// Merges `req.removed` into `req.kept` (see the module docs).
    pub fn merge_customers(&self, req: &MergeRequest, actor: &Actor) -> Result<MergeView> {
        self.write(|tx| {
            let id = merge(tx, req, actor)?;
            merge_view(tx, id)
        })
    }

    /// The newest merge not undone, if any.
    pub fn last_merge(&self) -> Result<Option<MergeView>> {
        self.read(|c| last_merge_id(c)?.map(|id| merge_view(c, id)).transpose())
    }

    /// Undoes the newest merge not undone: both customers are as they were
    /// before it. Refused when the kept customer changed since.
    pub fn undo_last_merge(&self, actor: &Actor) -> Result<MergeView> {
        self.write(|tx| {
            let id = last_merge_id(tx)?
                .ok_or_else(|| StoreError::Invalid("there is no merge to undo".into()))?;
            undo(tx, id, actor)?;
            merge_view(tx, id)
        })
    }
}
