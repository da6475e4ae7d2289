//! Erasing a customer (GDPR article 17). Their names, e-mails, phones,
//! addresses, notes, tags, consents, calls, card texts and search row go; their
//! orders stay for the books, anonymised (no ship-to, no note, no customer);
//! audit entries about them keep who did what and when, without the data.
//!
//! What stays of the person is a tombstone: salted SHA-256 hashes of their
//! e-mails, phones (E.164) and shop ids. An import or a sync that brings a
//! customer with one of them and no newer order does not bring the person back
//! ([`erased_before`]); an order placed after the erasure starts a new customer.
//!
//! On SQLite the erasing transaction runs with `secure_delete` on and the
//! search index removes the row's words at once (its `secure-delete` option,
//! on for that one delete); then the file is rewritten from its live rows (`VACUUM`:
//! earlier updates leave old versions of a row in pages' free space) and a
//! truncating WAL checkpoint empties the WAL, so the bytes are gone from the
//! file and its WAL.

use crate::audit::{record, Actor};
use crate::customers::{ids_of, search_index};
use crate::db::{params, Connection, OptionalExtension};
use crate::error::{Result, StoreError};
use crate::import::bulk::NewCustomer;
use crate::time::to_db;
use crate::Store;
use chrono::{DateTime, Utc};
use serde::Serialize;
use serde_json::json;
use sha2::{Digest, Sha256};
use std::sync::PoisonError;
use ts_rs::TS;

/// The `settings` key of the shop's salt for tombstone hashes.
const SALT_KEY: &str = "privacy.erasure_salt";

/// What erasing a customer takes away and what it keeps, for the confirmation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ErasurePreview {
    /// The customer.
    #[ts(type = "number")]
    pub customer_id: i64,
    /// Their name as shown.
    pub display_name: String,
    /// E-mails (their own and those they are also known by).
    #[ts(type = "number")]
    pub emails: i64,
    /// Phones.
    #[ts(type = "number")]
    pub phones: i64,
    /// Addresses.
    #[ts(type = "number")]
    pub addresses: i64,
    /// Calls with their attempts and notes.
    #[ts(type = "number")]
    pub calls: i64,
    /// Cards whose text goes.
    #[ts(type = "number")]
    pub cards: i64,
    /// Orders kept, anonymised.
    #[ts(type = "number")]
    pub orders: i64,
    /// Of those, orders not yet shipped (they lose their ship-to address).
    #[ts(type = "number")]
    pub unshipped_orders: i64,
}

/// The salted hash of one identifier (`email:…`, `phone:…`, `shop:source:id`).
fn hashed(salt: &str, identifier: &str) -> String {
    let digest = Sha256::new()
        .chain_update(salt.as_bytes())
        .chain_update([0u8])
        .chain_update(identifier.as_bytes())
        .finalize();
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

/// The shop's salt; made on the first erasure.
fn salt(conn: &Connection, make: Option<DateTime<Utc>>) -> Result<Option<String>> {
    let found: Option<String> = conn
        .prepare_cached("SELECT value FROM settings WHERE key = ?1")?
        .query_row([SALT_KEY], |r| r.get(0))
        .optional()?;
    match (found, make) {
        (Some(s), _) => Ok(Some(s)),
        (None, None) => Ok(None),
        (None, Some(at)) => {
            use std::hash::{BuildHasher, RandomState};
            let seed = format!(
                "{}:{}:{}:{}",
                RandomState::new().hash_one(std::process::id()),
                RandomState::new().hash_one(at),
                at.timestamp_nanos_opt().unwrap_or_default(),
                std::time::SystemTime::now()
                    .duration_since(std::time::UNIX_EPOCH)
                    .map(|d| d.as_nanos())
                    .unwrap_or_default()
            );
            let s = hashed(&seed, "salt");
            conn.execute(
                "INSERT INTO settings (key, value) VALUES (?1, ?2)",
                params![SALT_KEY, s],
            )?;
            Ok(Some(s))
        }
    }
}

/// The identifiers a customer record carries, as tombstone keys.
fn identifiers_of_record(c: &NewCustomer) -> Vec<String> {
    let mut ids: Vec<String> = Vec::new();
    ids.extend(c.email.iter().map(|e| format!("email:{e}")));
    ids.extend(
        c.phones
            .iter()
            .filter_map(|p| p.e164.as_ref())
            .map(|p| format!("phone:{p}")),
    );
    ids.extend(
        c.external_id
            .iter()
            .map(|x| format!("shop:{}:{x}", c.source)),
    );
    ids
}

/// The identifiers a stored customer has, as tombstone keys.
fn identifiers_of_customer(conn: &Connection, id: i64) -> Result<Vec<String>> {
    let sql = "SELECT 'email:' || email FROM customers WHERE id = ?1 AND email IS NOT NULL
               UNION SELECT 'email:' || email FROM customer_other_emails WHERE customer_id = ?1
               UNION SELECT 'phone:' || e164 FROM customer_phones WHERE customer_id = ?1 AND e164 IS NOT NULL
               UNION SELECT 'shop:' || source || ':' || external_id FROM customer_external_ids WHERE customer_id = ?1";
    Ok(conn
        .prepare_cached(sql)?
        .query_map([id], |r| r.get(0))?
        .collect::<crate::db::Result<_>>()?)
}

/// When the person a record describes was erased, if they were: the newest
/// erasure any of the record's identifiers matches.
pub(crate) fn erased_before(conn: &Connection, c: &NewCustomer) -> Result<Option<String>> {
    let ids = identifiers_of_record(c);
    if ids.is_empty() {
        return Ok(None);
    }
    let Some(salt) = salt(conn, None)? else {
        return Ok(None);
    };
    let mut stmt =
        conn.prepare_cached("SELECT erased_at FROM erased_identities WHERE hash = ?1")?;
    let mut newest: Option<String> = None;
    for id in ids {
        if let Some(at) = stmt
            .query_row([hashed(&salt, &id)], |r| r.get::<_, String>(0))
            .optional()?
        {
            newest = newest.max(Some(at));
        }
    }
    Ok(newest)
}

/// Blanks the ship-to, notes and gift message of the given orders and
/// unlinks them from their customer, marking them anonymised at `at`.
pub(crate) fn anonymise_orders(conn: &Connection, orders: &[i64], at: &str) -> Result<()> {
    let mut stmt = conn.prepare_cached(
        "UPDATE orders SET customer_id = NULL, ship_name = '', ship_company = '', ship_line1 = '',
            ship_line2 = '', ship_postal_code = '', ship_city = '', ship_region = '',
            customer_note = '', gift_message = '', anonymised_at = ?2
         WHERE id = ?1",
    )?;
    for id in orders {
        stmt.execute(params![id, at])?;
    }
    Ok(())
}

fn count(conn: &Connection, sql: &str, id: i64) -> Result<i64> {
    Ok(conn.prepare_cached(sql)?.query_row([id], |r| r.get(0))?)
}

fn preview(conn: &Connection, id: i64) -> Result<ErasurePreview> {
    let profile = crate::customers::profiles::profile(conn, id)?;
    Ok(ErasurePreview {
        customer_id: id,
        display_name: profile.display_name,
        emails: count(
            conn,
            "SELECT (SELECT count(*) FROM customers WHERE id = ?1 AND email IS NOT NULL)
                  + (SELECT count(*) FROM customer_other_emails WHERE customer_id = ?1)",
            id,
        )?,
        phones: profile.phones.len() as i64,
        addresses: profile.addresses.len() as i64,
        calls: profile.calls.len() as i64,
        cards: count(
            conn,
            "SELECT count(*) FROM cards WHERE customer_id = ?1",
            id,
        )?,
        orders: profile.orders.len() as i64,
        unshipped_orders: count(
            conn,
            "SELECT count(*) FROM orders WHERE customer_id = ?1 AND status IN ('open', 'paid')",
            id,
        )?,
    })
}

/// Erases customer `id` inside the caller's transaction (see the module docs).
fn erase(conn: &Connection, id: i64, actor: &Actor) -> Result<ErasurePreview> {
    let gone = preview(conn, id)?;
    let at = to_db(actor.at);
    let identifiers = identifiers_of_customer(conn, id)?;
    // The words to look for in free text that is not the customer's own.
    let mut words: Vec<String> = identifiers
        .iter()
        .filter(|i| !i.starts_with("shop:"))
        .filter_map(|i| i.split_once(':').map(|(_, v)| v.to_string()))
        .collect();
    words.extend(
        conn.prepare_cached("SELECT raw FROM customer_phones WHERE customer_id = ?1")?
            .query_map([id], |r| r.get::<_, String>(0))?
            .collect::<crate::db::Result<Vec<_>>>()?,
    );
    words.retain(|w| w.chars().count() >= 5);

    let salt = salt(conn, Some(actor.at))?.unwrap_or_default();
    let mut tomb = conn.prepare_cached(
        "INSERT INTO erased_identities (hash, erased_at) VALUES (?1, ?2)
         ON CONFLICT (hash) DO UPDATE SET erased_at = excluded.erased_at",
    )?;
    for identifier in &identifiers {
        tomb.execute(params![hashed(&salt, identifier), at])?;
    }

    let ids = |sql: &str| ids_of(conn, sql, id);
    let orders = ids("SELECT id FROM orders WHERE customer_id = ?1")?;
    let calls = ids("SELECT id FROM calls WHERE customer_id = ?1")?;
    let cards = ids("SELECT id FROM cards WHERE customer_id = ?1")?;
    let plans = ids("SELECT id FROM gift_plans WHERE customer_id = ?1")?;

    // What the audit log says about them keeps its who, what and when.
    let mut redact = conn.prepare_cached(
        "UPDATE audit_log SET detail = '{\"erased\":true}' WHERE entity = ?1 AND entity_id = ?2",
    )?;
    redact.execute(params!["customer", id])?;
    for (entity, list) in [
        ("order", &orders),
        ("call", &calls),
        ("card", &cards),
        ("gift_plan", &plans),
    ] {
        for e in list {
            redact.execute(params![entity, e])?;
        }
    }
    let mut scrub =
        conn.prepare_cached("DELETE FROM import_row_errors WHERE reason LIKE '%' || ?1 || '%'")?;
    for w in &words {
        scrub.execute([w])?;
    }

    anonymise_orders(conn, &orders, &at)?;
    conn.execute(
        "UPDATE cards SET status = CASE WHEN status = 'to_write' THEN 'dropped' ELSE status END,
                text = '', written_by = '', customer_id = NULL
         WHERE customer_id = ?1",
        [id],
    )?;
    conn.execute(
        "UPDATE gift_plans SET customer_id = NULL WHERE customer_id = ?1",
        [id],
    )?;
    conn.execute("DELETE FROM calls WHERE customer_id = ?1", [id])?;
    conn.execute(
        "DELETE FROM duplicate_dismissals WHERE low_id = ?1 OR high_id = ?1",
        [id],
    )?;
    conn.execute(
        "DELETE FROM customer_merges WHERE kept_id = ?1 OR removed_id = ?1",
        [id],
    )?;
    search_index::remove(conn, id, true)?;
    conn.execute("DELETE FROM customers WHERE id = ?1", [id])?;
    record(
        conn,
        actor,
        "customer",
        Some(id),
        "erase",
        &json!({
            "orders": gone.orders,
            "calls": gone.calls,
            "cards": gone.cards,
        }),
    )?;
    Ok(gone)
}

impl Store {
    /// What erasing customer `id` would take away and keep.
    pub fn erasure_preview(&self, id: i64) -> Result<ErasurePreview> {
        self.read(|c| preview(c, id))
    }

    /// Erases customer `id` (see the module docs); returns what went. On
    /// SQLite the freed bytes are overwritten and the WAL is emptied.
    pub fn erase_customer(&self, id: i64, actor: &Actor) -> Result<ErasurePreview> {
        let sqlite = !self.is_server();
        if sqlite {
            self.set_secure_delete(true)?;
        }
        let erased = self.write(|tx| erase(tx, id, actor));
        if sqlite {
            self.set_secure_delete(false)?;
        }
        let erased = erased?;
        if sqlite {
            self.rewrite_file()?;
            self.truncate_wal()?;
        }
        Ok(erased)
    }

    /// Turns SQLite's `secure_delete` on or off on the writer.
    fn set_secure_delete(&self, on: bool) -> Result<()> {
        let conn = self.writer.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some(c) = conn.sqlite() {
            c.pragma_update(None, "secure_delete", on)?;
        }
        Ok(())
    }

    /// Rewrites the file from its live rows (`VACUUM`): older versions of a
    /// row, left in a page's free space by earlier updates, go with it.
    fn rewrite_file(&self) -> Result<()> {
        let conn = self.writer.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some(c) = conn.sqlite() {
            c.execute_batch("VACUUM")?;
        }
        Ok(())
    }

    /// Copies the WAL into the file and empties it; waits a little for readers
    /// that still hold an older snapshot.
    fn truncate_wal(&self) -> Result<()> {
        let conn = self.writer.lock().unwrap_or_else(PoisonError::into_inner);
        let Some(c) = conn.sqlite() else {
            return Ok(());
        };
        for _ in 0..50 {
            let busy: i64 = c.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |r| r.get(0))?;
            if busy == 0 {
                return Ok(());
            }
            std::thread::sleep(std::time::Duration::from_millis(100));
        }
        Err(StoreError::Invalid(
            "the customer was erased, but another program on this database kept its \
             write-ahead log from being emptied; the old data stays there until every \
             Courtesy window on this database is closed"
                .into(),
        ))
    }
}
