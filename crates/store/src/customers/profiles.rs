//! Customers: the list, the profile, and the edits staff make on it.

use crate::audit::{record, Actor};
use crate::calls::call_history::{calls_of_customer, CallView};
use crate::customers::orders::{orders_of_customer, OrderView};
use crate::db::{params, Connection, OptionalExtension, Row};
use crate::error::{Result, StoreError};
use crate::time::to_db;
use crate::Store;
use courtesy_core::{Language, Money, NameCulture, PersonName, PostalAddress};
use serde::{Deserialize, Serialize};
use serde_json::json;
use ts_rs::TS;

/// The channels a customer can consent to, in display order.
pub const CHANNELS: [&str; 4] = ["email", "sms", "phone", "post"];

/// A row of the customer list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CustomerListItem {
    /// Database id.
    #[ts(type = "number")]
    pub id: i64,
    /// Name in its culture's order (or the company).
    pub display_name: String,
    /// Avatar initials.
    pub initials: String,
    /// E-mail.
    pub email: Option<String>,
    /// Primary phone as typed.
    pub phone: Option<String>,
    /// ISO alpha-2.
    pub country: Option<String>,
    /// City of the first address.
    pub city: Option<String>,
    /// Orders that count as purchases.
    #[ts(type = "number")]
    pub order_count: i64,
    /// UTC, ISO 8601.
    pub last_order_at: Option<String>,
    /// Never call.
    pub do_not_call: bool,
}

/// A window of the whole customer list, sorted by family name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CustomerPage {
    /// How many customers there are in all.
    #[ts(type = "number")]
    pub total: i64,
    /// Index of the first item.
    #[ts(type = "number")]
    pub offset: i64,
    /// The items.
    pub items: Vec<CustomerListItem>,
}

/// A phone of the profile.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PhoneView {
    /// As typed.
    pub raw: String,
    /// E.164 when valid; the `tel:` link uses it.
    pub e164: Option<String>,
    /// mobile, home, work, other.
    pub kind: String,
}

/// A consent per channel; `granted` is `null` when never asked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ConsentView {
    /// email, sms, phone, post.
    pub channel: String,
    /// Given, withdrawn, or never recorded.
    pub granted: Option<bool>,
    /// When, UTC.
    pub at: Option<String>,
    /// Where it was recorded.
    pub source: Option<String>,
}

/// An address of the profile, as printed lines.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AddressView {
    /// shipping or billing.
    pub kind: String,
    /// Lines in the destination country's order.
    pub lines: Vec<String>,
    /// ISO alpha-2.
    pub country: String,
}

/// Everything the profile screen shows about one customer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CustomerProfile {
    /// Database id.
    #[ts(type = "number")]
    pub id: i64,
    /// Given name.
    pub first_name: String,
    /// Middle name or patronymic.
    pub middle_name: String,
    /// Family name.
    pub last_name: String,
    /// Company.
    pub company: String,
    /// Name in its culture's order.
    pub display_name: String,
    /// How to address the customer ("Иван Петрович", "Anna").
    pub address_form: String,
    /// Avatar initials.
    pub initials: String,
    /// E-mail.
    pub email: Option<String>,
    /// Phones, primary first.
    pub phones: Vec<PhoneView>,
    /// Language for customer-facing texts.
    pub language: Option<Language>,
    /// ISO alpha-2.
    pub country: Option<String>,
    /// YYYY-MM-DD.
    pub birthday: Option<String>,
    /// Staff notes.
    pub notes: String,
    /// Tags, sorted.
    pub tags: Vec<String>,
    /// Never call.
    pub do_not_call: bool,
    /// One per channel (email, sms, phone, post).
    pub consents: Vec<ConsentView>,
    /// Addresses.
    pub addresses: Vec<AddressView>,
    /// `source:id` pairs.
    pub external_ids: Vec<String>,
    /// UTC.
    pub created_at: String,
    /// UTC.
    pub updated_at: String,
    /// Lifetime spend per currency (purchases only), before refunds.
    pub spent: Vec<Money>,
    /// What was paid back on those purchases, per currency (partial refunds;
    /// an order refunded in full is no purchase). Net spend is `spent` less this.
    pub refunded: Vec<Money>,
    /// Orders that count as purchases.
    #[ts(type = "number")]
    pub order_count: i64,
    /// Order history, newest first.
    pub orders: Vec<OrderView>,
    /// Calls: open ones first, then the rest, newest first.
    pub calls: Vec<CallView>,
}

/// A consent change made by staff.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ConsentEdit {
    /// email, sms, phone, post.
    pub channel: String,
    /// Given or withdrawn.
    pub granted: bool,
}

/// What staff changed on a profile; absent fields stay as they are.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CustomerEdit {
    /// New notes.
    #[ts(optional)]
    pub notes: Option<String>,
    /// New tag set.
    #[ts(optional)]
    pub tags: Option<Vec<String>>,
    /// New do-not-call flag.
    #[ts(optional)]
    pub do_not_call: Option<bool>,
    /// Consent changes.
    #[ts(optional)]
    pub consents: Option<Vec<ConsentEdit>>,
    /// The same fields as they were when the editing began (the profile on
    /// screen). A field changed meanwhile by someone else, to another value
    /// than this edit's, is refused as [`StoreError::CustomerChanged`] instead
    /// of overwritten. Absent: no check (the CLI, imports).
    #[ts(optional)]
    pub seen: Option<Box<CustomerEdit>>,
}

const MAX_NOTES: usize = 20_000;

/// Refuses `edit` when a field it sets was changed by someone else since
/// `seen` (now `before`, neither what was seen nor what this edit sets), naming
/// the fields and the last change to the customer: who, when.
fn changed_meanwhile(
    conn: &Connection,
    before: &CustomerProfile,
    edit: &CustomerEdit,
    seen: &CustomerEdit,
    tags: Option<&[String]>,
) -> Result<()> {
    fn clash<T: PartialEq>(now: &T, seen: Option<&T>, new: Option<&T>) -> bool {
        matches!((seen, new), (Some(seen), Some(new)) if now != seen && now != new)
    }
    let mut fields: Vec<String> = Vec::new();
    if clash(&before.notes, seen.notes.as_ref(), edit.notes.as_ref()) {
        fields.push("notes".into());
    }
    let seen_tags = seen.tags.as_deref().map(clean_tags).transpose()?;
    if clash(
        &before.tags,
        seen_tags.as_ref(),
        tags.map(<[String]>::to_vec).as_ref(),
    ) {
        fields.push("tags".into());
    }
    if clash(
        &before.do_not_call,
        seen.do_not_call.as_ref(),
        edit.do_not_call.as_ref(),
    ) {
        fields.push("do_not_call".into());
    }
    if let Some(seen_consents) = &seen.consents {
        for c in edit.consents.iter().flatten() {
            let now = before
                .consents
                .iter()
                .find(|b| b.channel == c.channel)
                .and_then(|b| b.granted);
            let was = seen_consents
                .iter()
                .find(|s| s.channel == c.channel)
                .map(|s| s.granted);
            if now != was && now != Some(c.granted) {
                fields.push(format!("consent.{}", c.channel));
            }
        }
    }
    if fields.is_empty() {
        return Ok(());
    }
    let (by, at): (String, String) = conn
        .prepare_cached(
            "SELECT actor, at FROM audit_log WHERE entity = 'customer' AND entity_id = ?1
             ORDER BY at DESC, id DESC LIMIT 1",
        )?
        .query_row([before.id], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?
        .unwrap_or_else(|| (String::new(), before.updated_at.clone()));
    Err(StoreError::CustomerChanged {
        fields: fields.join(", "),
        by,
        at,
    })
}

fn name_of(
    r: &Row<'_>,
    country: Option<&str>,
    language: Option<Language>,
) -> crate::db::Result<(PersonName, NameCulture)> {
    let name = PersonName::new(
        &r.get::<_, String>("first_name")?,
        &r.get::<_, String>("middle_name")?,
        &r.get::<_, String>("last_name")?,
    );
    Ok((name, NameCulture::of(country.unwrap_or(""), language)))
}

fn display(name: &PersonName, culture: NameCulture, company: &str) -> String {
    let full = name.full(culture);
    if full.is_empty() {
        company.to_string()
    } else {
        full
    }
}

const LIST_COLUMNS: &str = "c.id, c.first_name, c.middle_name, c.last_name, c.company, c.email, c.country, c.language, c.do_not_call,
    (SELECT raw FROM customer_phones WHERE customer_id = c.id ORDER BY position LIMIT 1) AS phone,
    (SELECT city FROM customer_addresses WHERE customer_id = c.id ORDER BY kind = 'billing', id LIMIT 1) AS city,
    c.order_count, c.last_order_at";

pub(crate) fn list_item_from_row(r: &Row<'_>) -> crate::db::Result<CustomerListItem> {
    let country: Option<String> = r.get("country")?;
    let language = r
        .get::<_, Option<String>>("language")?
        .and_then(|l| Language::from_tag(&l));
    let (name, culture) = name_of(r, country.as_deref(), language)?;
    let company: String = r.get("company")?;
    Ok(CustomerListItem {
        id: r.get("id")?,
        display_name: display(&name, culture, &company),
        initials: name.initials(),
        email: r.get("email")?,
        phone: r.get("phone")?,
        country,
        city: r
            .get::<_, Option<String>>("city")?
            .filter(|c| !c.is_empty()),
        order_count: r.get("order_count")?,
        last_order_at: r.get("last_order_at")?,
        do_not_call: r.get("do_not_call")?,
    })
}

/// List items for the given ids, in the given order (used by search).
/// The list items of `ids`, in that order. SQLite reads them one by one (each a
/// look-up by key, no round trip); a server is asked once for the whole page.
pub(crate) fn list_items_by_ids(conn: &Connection, ids: &[i64]) -> Result<Vec<CustomerListItem>> {
    if conn.is_postgres() {
        let sql = format!(
            "SELECT {LIST_COLUMNS} FROM customers c WHERE c.id IN ({})",
            crate::dialect::json_integers(conn, "?1")
        );
        let json = serde_json::to_string(ids).unwrap_or_else(|_| "[]".into());
        let mut found: std::collections::HashMap<i64, CustomerListItem> = conn
            .prepare_cached(&sql)?
            .query_map([json], list_item_from_row)?
            .map(|item| item.map(|i| (i.id, i)))
            .collect::<crate::db::Result<_>>()?;
        return Ok(ids.iter().filter_map(|id| found.remove(id)).collect());
    }
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {LIST_COLUMNS} FROM customers c WHERE c.id = ?1"
    ))?;
    let mut out = Vec::with_capacity(ids.len());
    for id in ids {
        if let Some(item) = stmt.query_row([id], list_item_from_row).optional()? {
            out.push(item);
        }
    }
    Ok(out)
}

pub(crate) fn profile(conn: &Connection, id: i64) -> Result<CustomerProfile> {
    let base = conn
        .prepare_cached(
            "SELECT id, first_name, middle_name, last_name, company, email, language, country, birthday, notes,
                    do_not_call, created_at, updated_at FROM customers WHERE id = ?1",
        )?
        .query_row([id], |r| {
            let country: Option<String> = r.get("country")?;
            let language = r.get::<_, Option<String>>("language")?.and_then(|l| Language::from_tag(&l));
            let (name, culture) = name_of(r, country.as_deref(), language)?;
            let company: String = r.get("company")?;
            Ok(CustomerProfile {
                id: r.get("id")?,
                display_name: display(&name, culture, &company),
                address_form: name.address_form(culture),
                initials: name.initials(),
                first_name: name.first,
                middle_name: name.middle,
                last_name: name.last,
                company,
                email: r.get("email")?,
                phones: Vec::new(),
                language,
                country,
                birthday: r.get("birthday")?,
                notes: r.get("notes")?,
                tags: Vec::new(),
                do_not_call: r.get("do_not_call")?,
                consents: Vec::new(),
                addresses: Vec::new(),
                external_ids: Vec::new(),
                created_at: r.get("created_at")?,
                updated_at: r.get("updated_at")?,
                spent: Vec::new(),
                refunded: Vec::new(),
                order_count: 0,
                orders: Vec::new(),
                calls: Vec::new(),
            })
        })
        .optional()?;
    let mut p = base.ok_or(StoreError::NotFound {
        entity: "customer",
        id,
    })?;
    p.phones = conn
        .prepare_cached(
            "SELECT raw, e164, kind FROM customer_phones WHERE customer_id = ?1 ORDER BY position",
        )?
        .query_map([id], |r| {
            Ok(PhoneView {
                raw: r.get(0)?,
                e164: r.get(1)?,
                kind: r.get(2)?,
            })
        })?
        .collect::<crate::db::Result<_>>()?;
    p.tags = conn
        .prepare_cached("SELECT tag FROM customer_tags WHERE customer_id = ?1 ORDER BY tag")?
        .query_map([id], |r| r.get(0))?
        .collect::<crate::db::Result<_>>()?;
    let mut consent = conn.prepare_cached(
        "SELECT granted, at, source FROM customer_consents WHERE customer_id = ?1 AND channel = ?2",
    )?;
    for channel in CHANNELS {
        let row = consent
            .query_row(params![id, channel], |r| {
                Ok((
                    r.get::<_, bool>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, String>(2)?,
                ))
            })
            .optional()?;
        p.consents.push(ConsentView {
            channel: channel.to_string(),
            granted: row.as_ref().map(|r| r.0),
            at: row.as_ref().map(|r| r.1.clone()),
            source: row.map(|r| r.2),
        });
    }
    let shop_country = crate::settings::shop_country(conn)?;
    p.addresses = conn
        .prepare_cached(
            "SELECT kind, name, company, line1, line2, postal_code, city, region, country
             FROM customer_addresses WHERE customer_id = ?1 ORDER BY kind DESC, id",
        )?
        .query_map([id], |r| {
            let a = PostalAddress {
                name: r.get(1)?,
                company: r.get(2)?,
                line1: r.get(3)?,
                line2: r.get(4)?,
                postal_code: r.get(5)?,
                city: r.get(6)?,
                region: r.get(7)?,
                country: r.get(8)?,
            };
            Ok(AddressView {
                kind: r.get(0)?,
                lines: a.lines(&shop_country),
                country: a.country,
            })
        })?
        .collect::<crate::db::Result<_>>()?;
    p.external_ids = conn
        .prepare_cached("SELECT source || ':' || external_id FROM customer_external_ids WHERE customer_id = ?1 ORDER BY 1")?
        .query_map([id], |r| r.get(0))?
        .collect::<crate::db::Result<_>>()?;
    p.orders = orders_of_customer(conn, id)?;
    p.calls = calls_of_customer(conn, id)?;
    for o in p.orders.iter().filter(|o| o.status.counts_as_purchase()) {
        p.order_count += 1;
        add_money(&mut p.spent, o.total);
        if o.refunded.minor != 0 {
            add_money(&mut p.refunded, o.refunded);
        }
    }
    Ok(p)
}

/// Adds `m` to the sum of its currency in `sums`.
fn add_money(sums: &mut Vec<Money>, m: Money) {
    match sums.iter_mut().find(|s| s.currency == m.currency) {
        Some(s) => s.minor += m.minor,
        None => sums.push(m),
    }
}

fn clean_tags(tags: &[String]) -> Result<Vec<String>> {
    let mut out: Vec<String> = Vec::new();
    for t in tags {
        let t = t.trim();
        if t.is_empty() {
            continue;
        }
        if t.chars().count() > 64 {
            return Err(StoreError::Invalid(format!(
                "the tag '{t}' is longer than 64 characters"
            )));
        }
        if !out.iter().any(|o| o.to_lowercase() == t.to_lowercase()) {
            out.push(t.to_string());
        }
    }
    out.sort();
    Ok(out)
}

impl Store {
    /// How many customers there are.
    pub fn customer_count(&self) -> Result<i64> {
        self.read(|c| Ok(c.query_row("SELECT count(*) FROM customers", [], |r| r.get(0))?))
    }

    /// A window of all customers sorted by family name, for the virtualised list.
    pub fn list_customers(&self, offset: i64, limit: i64) -> Result<CustomerPage> {
        let offset = offset.max(0);
        let limit = limit.clamp(1, 500);
        self.read(|c| {
            let total = c.query_row("SELECT count(*) FROM customers", [], |r| r.get(0))?;
            let items = c
                .prepare_cached(&format!(
                    "SELECT {LIST_COLUMNS} FROM (SELECT id FROM customers ORDER BY sort_key, id LIMIT ?1 OFFSET ?2) w
                     JOIN customers c ON c.id = w.id ORDER BY c.sort_key, c.id"
                ))?
                .query_map([limit, offset], list_item_from_row)?
                .collect::<crate::db::Result<_>>()?;
            Ok(CustomerPage { total, offset, items })
        })
    }

    /// One customer's profile with its order history.
    pub fn customer_profile(&self, id: i64) -> Result<CustomerProfile> {
        self.read(|c| profile(c, id))
    }

    /// Applies staff edits to a profile; each changed field is written to the audit
    /// log with its old and new value, in the same transaction.
    pub fn edit_customer(
        &self,
        id: i64,
        edit: &CustomerEdit,
        actor: &Actor,
    ) -> Result<CustomerProfile> {
        if let Some(n) = &edit.notes {
            if n.chars().count() > MAX_NOTES {
                return Err(StoreError::Invalid(format!(
                    "notes are limited to {MAX_NOTES} characters"
                )));
            }
        }
        let tags = edit.tags.as_deref().map(clean_tags).transpose()?;
        if let Some(cs) = &edit.consents {
            if let Some(bad) = cs.iter().find(|c| !CHANNELS.contains(&c.channel.as_str())) {
                return Err(StoreError::Invalid(format!(
                    "'{}' is not a consent channel",
                    bad.channel
                )));
            }
        }
        self.write(|tx| {
            let before = profile(tx, id)?;
            if let Some(seen) = &edit.seen {
                changed_meanwhile(tx, &before, edit, seen, tags.as_deref())?;
            }
            let now = to_db(actor.at);
            let mut changed = false;
            if let Some(notes) = edit.notes.as_ref().filter(|n| **n != before.notes) {
                tx.execute("UPDATE customers SET notes = ?1 WHERE id = ?2", params![notes, id])?;
                record(tx, actor, "customer", Some(id), "update", &json!({"field": "notes", "from": before.notes, "to": notes}))?;
                changed = true;
            }
            if let Some(tags) = tags.as_ref().filter(|t| **t != before.tags) {
                tx.execute("DELETE FROM customer_tags WHERE customer_id = ?1", [id])?;
                for t in tags {
                    tx.execute("INSERT INTO customer_tags (customer_id, tag) VALUES (?1, ?2)", params![id, t])?;
                }
                record(tx, actor, "customer", Some(id), "update", &json!({"field": "tags", "from": before.tags, "to": tags}))?;
                changed = true;
            }
            if let Some(dnc) = edit.do_not_call.filter(|d| *d != before.do_not_call) {
                tx.execute("UPDATE customers SET do_not_call = ?1 WHERE id = ?2", params![dnc, id])?;
                record(tx, actor, "customer", Some(id), "update", &json!({"field": "do_not_call", "from": before.do_not_call, "to": dnc}))?;
                changed = true;
            }
            for c in edit.consents.iter().flatten() {
                let old = before.consents.iter().find(|b| b.channel == c.channel).and_then(|b| b.granted);
                if old == Some(c.granted) {
                    continue;
                }
                tx.execute(
                    "INSERT INTO customer_consents (customer_id, channel, granted, at, source) VALUES (?1, ?2, ?3, ?4, ?5)
                     ON CONFLICT (customer_id, channel) DO UPDATE SET granted = excluded.granted, at = excluded.at, source = excluded.source",
                    params![id, c.channel, c.granted, now, format!("staff: {}", actor.name)],
                )?;
                record(tx, actor, "customer", Some(id), "update", &json!({"field": format!("consent.{}", c.channel), "from": old, "to": c.granted}))?;
                changed = true;
            }
            if changed {
                tx.execute("UPDATE customers SET updated_at = ?1 WHERE id = ?2", params![now, id])?;
            }
            profile(tx, id)
        })
    }
}
