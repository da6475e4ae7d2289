//! Merging imported customers and orders with what the database has: customers
//! are the same person by e-mail, then phone (E.164), then their id in the
//! source; orders by source, id and number (see [`crate::import::order_merge`]). What
//! is already known is left alone, what is new is added, and every change to an
//! existing record is audit-logged, so importing the same file twice changes
//! nothing the second time. An erased customer is not brought back by a record
//! of theirs without a new order (see [`crate::customers::erasure`]).

use crate::audit::{record, Actor};
use crate::customers::erasure::{anonymise_orders, erased_before};
use crate::db::{params, Connection, OptionalExtension};
use crate::error::Result;
use crate::import::bulk::{
    add_address, add_consent, add_phone, add_tag, insert_customer, insert_order, link_external_id,
    sort_key, NewCustomer, NewOrder,
};
use crate::import::import_runs::{ImportCounts, RowProblem};
use crate::import::known_keys::KnownKeys;
use crate::import::order_merge::{find_order, refresh_order, OrderMatch, OrderUpdate, Refreshed};
use crate::time::to_db;
use serde_json::json;

/// One imported thing, validated and normalised.
#[derive(Debug, Clone, PartialEq, Eq)]
#[allow(
    clippy::large_enum_variant,
    reason = "made and consumed once per record; boxing buys nothing"
)]
pub enum ImportItem {
    /// A customer from a customers export.
    Customer(NewCustomer),
    /// An order with the customer who placed it.
    Order {
        /// The order (its `customer_external_id` is not used).
        order: NewOrder,
        /// The buyer as the order describes them.
        buyer: NewCustomer,
        /// Where the order starts in the file, for what the merge reports.
        row: i64,
    },
}

/// What merging one record did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Outcome {
    New,
    Updated,
    Unchanged,
}

fn find_customer(conn: &Connection, c: &NewCustomer, known: &KnownKeys) -> Result<Option<i64>> {
    if let Some(email) = c.email.as_ref().filter(|e| known.may_have_email(e)) {
        let id = conn
            .prepare_cached("SELECT id FROM customers WHERE email = ?1")?
            .query_row([email], |r| r.get(0))
            .optional()?;
        if id.is_some() {
            return Ok(id);
        }
        let id = conn
            .prepare_cached("SELECT customer_id FROM customer_other_emails WHERE email = ?1")?
            .query_row([email], |r| r.get(0))
            .optional()?;
        if id.is_some() {
            return Ok(id);
        }
    }
    for p in &c.phones {
        if let Some(e164) = p.e164.as_ref().filter(|e| known.may_have_phone(e)) {
            let id = conn
                .prepare_cached("SELECT customer_id FROM customer_phones WHERE e164 = ?1 ORDER BY customer_id LIMIT 1")?
                .query_row([e164], |r| r.get(0))
                .optional()?;
            if id.is_some() {
                return Ok(id);
            }
        }
    }
    if let Some(ext) = &c.external_id {
        return Ok(conn
            .prepare_cached("SELECT customer_id FROM customer_external_ids WHERE source = ?1 AND external_id = ?2")?
            .query_row(params![c.source, ext], |r| r.get(0))
            .optional()?);
    }
    Ok(None)
}

struct Current {
    first_name: String,
    middle_name: String,
    last_name: String,
    company: String,
    email: Option<String>,
    language: Option<String>,
    country: Option<String>,
    notes: String,
}

/// Fills what the customer lacks from the record; returns the names of the fields that changed.
fn enrich(
    conn: &Connection,
    id: i64,
    c: &NewCustomer,
    known: &mut KnownKeys,
) -> Result<Vec<&'static str>> {
    let cur = conn.prepare_cached(
        "SELECT first_name, middle_name, last_name, company, email, language, country, notes FROM customers WHERE id = ?1",
    )?
    .query_row([id], |r| {
        Ok(Current {
            first_name: r.get(0)?,
            middle_name: r.get(1)?,
            last_name: r.get(2)?,
            company: r.get(3)?,
            email: r.get(4)?,
            language: r.get(5)?,
            country: r.get(6)?,
            notes: r.get(7)?,
        })
    })?;
    let mut changed = Vec::new();
    let fill = |have: &str, new: &str| have.trim().is_empty() && !new.trim().is_empty();
    let first = if fill(&cur.first_name, &c.first_name) {
        &c.first_name
    } else {
        &cur.first_name
    };
    let last = if fill(&cur.last_name, &c.last_name) {
        &c.last_name
    } else {
        &cur.last_name
    };
    let company = if fill(&cur.company, &c.company) {
        &c.company
    } else {
        &cur.company
    };
    if first != &cur.first_name || last != &cur.last_name || company != &cur.company {
        conn.prepare_cached(
            "UPDATE customers SET first_name = ?2, last_name = ?3, company = ?4, sort_key = ?5 WHERE id = ?1",
        )?
        .execute(params![id, first, last, company, sort_key(first, &cur.middle_name, last, company)])?;
        changed.push("name");
    }
    if cur.email.is_none() {
        if let Some(email) = &c.email {
            let taken: bool = known.may_have_email(email)
                && conn
                    .prepare_cached("SELECT EXISTS (SELECT 1 FROM customers WHERE email = ?1)")?
                    .query_row([email], |r| r.get(0))?;
            if !taken {
                conn.prepare_cached("UPDATE customers SET email = ?2 WHERE id = ?1")?
                    .execute(params![id, email])?;
                known.add_email(email);
                changed.push("email");
            }
        }
    }
    if cur.language.is_none() {
        if let Some(l) = c.language {
            conn.prepare_cached("UPDATE customers SET language = ?2 WHERE id = ?1")?
                .execute(params![id, l.code()])?;
            changed.push("language");
        }
    }
    if cur.country.is_none() && c.country.is_some() {
        conn.prepare_cached("UPDATE customers SET country = ?2 WHERE id = ?1")?
            .execute(params![id, c.country])?;
        changed.push("country");
    }
    if cur.notes.trim().is_empty() && !c.notes.trim().is_empty() {
        conn.prepare_cached("UPDATE customers SET notes = ?2 WHERE id = ?1")?
            .execute(params![id, c.notes])?;
        changed.push("notes");
    }
    if !c.phones.is_empty() {
        add_new_phones(conn, id, c, known, &mut changed)?;
    }
    if !c.addresses.is_empty() {
        add_new_addresses(conn, id, c, &mut changed)?;
    }
    if !c.consents.is_empty() {
        add_new_consents(conn, id, c, &mut changed)?;
    }
    for t in &c.tags {
        if add_tag(conn, id, t)? {
            changed.push("tag");
        }
    }
    if let Some(ext) = &c.external_id {
        if link_external_id(conn, id, &c.source, ext)? {
            changed.push("external_id");
        }
    }
    changed.dedup();
    Ok(changed)
}

/// Adds the record's phones the customer lacks: the same number (E.164), or
/// for a number that is not valid the same text. The customer's phones are read
/// once; the ones added count for the record's next phones.
fn add_new_phones(
    conn: &Connection,
    id: i64,
    c: &NewCustomer,
    known: &mut KnownKeys,
    changed: &mut Vec<&'static str>,
) -> Result<()> {
    let mut have: Vec<(Option<String>, String)> = conn
        .prepare_cached("SELECT e164, raw FROM customer_phones WHERE customer_id = ?1")?
        .query_map([id], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<crate::db::Result<_>>()?;
    for p in &c.phones {
        let same = |(e164, raw): &(Option<String>, String)| match (&p.e164, e164) {
            (Some(new), Some(old)) => new == old,
            (None, None) => &p.raw == raw,
            _ => false,
        };
        if !have.iter().any(same) {
            add_phone(conn, id, have.len() as i64, p)?;
            if let Some(e164) = &p.e164 {
                known.add_phone(e164);
            }
            have.push((p.e164.clone(), p.raw.clone()));
            changed.push("phone");
        }
    }
    Ok(())
}

/// Adds the record's addresses the customer lacks (same kind, first line,
/// postal code and country).
fn add_new_addresses(
    conn: &Connection,
    id: i64,
    c: &NewCustomer,
    changed: &mut Vec<&'static str>,
) -> Result<()> {
    let mut have: Vec<[String; 4]> = conn
        .prepare_cached(
            "SELECT kind, line1, postal_code, country FROM customer_addresses WHERE customer_id = ?1",
        )?
        .query_map([id], |r| Ok([r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?]))?
        .collect::<crate::db::Result<_>>()?;
    for a in &c.addresses {
        let key = [
            &a.kind,
            &a.postal.line1,
            &a.postal.postal_code,
            &a.postal.country,
        ];
        if !have.iter().any(|h| h.iter().eq(key)) {
            add_address(conn, id, a)?;
            have.push(key.map(String::clone));
            changed.push("address");
        }
    }
    Ok(())
}

/// Adds the record's consents on channels the customer has none for.
fn add_new_consents(
    conn: &Connection,
    id: i64,
    c: &NewCustomer,
    changed: &mut Vec<&'static str>,
) -> Result<()> {
    let mut have: Vec<String> = conn
        .prepare_cached("SELECT channel FROM customer_consents WHERE customer_id = ?1")?
        .query_map([id], |r| r.get(0))?
        .collect::<crate::db::Result<_>>()?;
    for k in &c.consents {
        if !have.contains(&k.channel) {
            add_consent(conn, id, k)?;
            have.push(k.channel.clone());
            changed.push("consent");
        }
    }
    Ok(())
}

fn merge_customer(
    conn: &Connection,
    c: &NewCustomer,
    actor: &Actor,
    known: &mut KnownKeys,
) -> Result<(i64, Outcome)> {
    let Some(id) = find_customer(conn, c, known)? else {
        let id = insert_customer(conn, c)?;
        if let Some(email) = &c.email {
            known.add_email(email);
        }
        for e164 in c.phones.iter().filter_map(|p| p.e164.as_deref()) {
            known.add_phone(e164);
        }
        return Ok((id, Outcome::New));
    };
    let changed = enrich(conn, id, c, known)?;
    if changed.is_empty() {
        return Ok((id, Outcome::Unchanged));
    }
    conn.prepare_cached("UPDATE customers SET updated_at = ?2 WHERE id = ?1")?
        .execute(params![id, to_db(actor.at)])?;
    record(
        conn,
        actor,
        "customer",
        Some(id),
        "merge",
        &json!({"added": changed}),
    )?;
    Ok((id, Outcome::Updated))
}

fn count(counts: &mut ImportCounts, customer: Option<Outcome>, order: Option<Outcome>) {
    match customer {
        Some(Outcome::New) => counts.customers_new += 1,
        Some(Outcome::Updated) => counts.customers_updated += 1,
        Some(Outcome::Unchanged) => counts.customers_unchanged += 1,
        None => {}
    }
    match order {
        Some(Outcome::New) => counts.orders_new += 1,
        Some(Outcome::Updated) => counts.orders_updated += 1,
        Some(Outcome::Unchanged) => counts.orders_unchanged += 1,
        None => {}
    }
}

/// Merges one record inside the caller's transaction: adds to `counts`, to
/// `touched` the customers whose search row and figures may have changed, to
/// `updates` the changes to existing orders (the caller writes them with
/// [`crate::import::order_merge::write_order_updates`]) and to `conflicts` the orders
/// found under another order's id.
#[allow(
    clippy::too_many_arguments,
    reason = "the batch's running state, passed apart so each is borrowed alone"
)]
pub(crate) fn merge_item(
    conn: &Connection,
    item: &ImportItem,
    actor: &Actor,
    counts: &mut ImportCounts,
    touched: &mut Vec<i64>,
    known: &mut KnownKeys,
    updates: &mut Vec<OrderUpdate>,
    conflicts: &mut Vec<RowProblem>,
) -> Result<()> {
    match item {
        ImportItem::Customer(c) => {
            if known.may_have_erased()
                && find_customer(conn, c, known)?.is_none()
                && erased_before(conn, c)?.is_some()
            {
                // An erased person's old record: nothing of them comes back.
                count(counts, Some(Outcome::Unchanged), None);
                return Ok(());
            }
            let (id, outcome) = merge_customer(conn, c, actor, known)?;
            if outcome != Outcome::Unchanged {
                touched.push(id);
            }
            count(counts, Some(outcome), None);
        }
        ImportItem::Order { order, buyer, row } => {
            match find_order(conn, order, *row, known, conflicts)? {
                OrderMatch::Existing { id, customer } => {
                    let outcome = match refresh_order(conn, id, order, updates)? {
                        Refreshed::Updated => {
                            touched.extend(customer);
                            Outcome::Updated
                        }
                        Refreshed::Unchanged => Outcome::Unchanged,
                    };
                    count(counts, None, Some(outcome));
                }
                OrderMatch::New { key } => {
                    if known.may_have_erased() && find_customer(conn, buyer, known)?.is_none() {
                        if let Some(erased_at) = erased_before(conn, buyer)? {
                            if to_db(order.placed_at) <= erased_at {
                                // An old order of an erased person: kept for the books, anonymised.
                                let id = insert_order(conn, order, &key, None)?;
                                anonymise_orders(conn, &[id], &erased_at)?;
                                count(counts, None, Some(Outcome::New));
                                return Ok(());
                            }
                        }
                    }
                    let (customer, outcome) = merge_customer(conn, buyer, actor, known)?;
                    insert_order(conn, order, &key, Some(customer))?;
                    touched.push(customer);
                    count(counts, Some(outcome), Some(Outcome::New));
                }
            }
        }
    }
    Ok(())
}
