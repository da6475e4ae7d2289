//! Writing whole customers and orders: the demo shop, and later the import sink.

use crate::audit::{record, Actor};
use crate::db::{params, params_from_iter, Connection, ToSql};
use crate::error::{Result, StoreError};
use crate::time::to_db;
use crate::Store;
use crate::{customers::customer_stats, customers::search_index};
use chrono::{DateTime, NaiveDate, Utc};
use courtesy_core::{Language, Money, OrderStatus, PostalAddress};
use serde_json::json;
use std::collections::HashMap;

/// A phone number as it will be stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewPhone {
    /// As typed.
    pub raw: String,
    /// E.164, when the number is valid.
    pub e164: Option<String>,
    /// National significant digits, when valid.
    pub national_digits: Option<String>,
    /// `mobile`, `home`, `work` or `other`.
    pub kind: String,
}

impl NewPhone {
    /// Normalises `raw` with `region`; an invalid number is kept raw, without E.164.
    pub fn from_raw(raw: &str, region: courtesy_core::Region, kind: &str) -> NewPhone {
        let parsed = courtesy_core::normalise_phone(raw, region).ok();
        NewPhone {
            raw: raw.trim().to_string(),
            e164: parsed.as_ref().map(|p| p.e164.clone()),
            national_digits: parsed.map(|p| p.national_digits),
            kind: kind.to_string(),
        }
    }
}

/// An address of a customer, with what it is for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewAddress {
    /// `shipping` or `billing`.
    pub kind: String,
    /// The address.
    pub postal: PostalAddress,
}

impl NewAddress {
    /// An address of the given kind.
    pub fn new(kind: &str, postal: PostalAddress) -> Self {
        NewAddress {
            kind: kind.to_string(),
            postal,
        }
    }
}

/// The eight columns every stored address has, in table order:
/// name, company, line1, line2, postal_code, city, region, country.
fn postal_params(a: &PostalAddress) -> [&dyn ToSql; 8] {
    [
        &a.name,
        &a.company,
        &a.line1,
        &a.line2,
        &a.postal_code,
        &a.city,
        &a.region,
        &a.country,
    ]
}

/// A consent given or withdrawn on one channel.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewConsent {
    /// `email`, `sms`, `phone` or `post`.
    pub channel: String,
    /// Given (true) or withdrawn (false).
    pub granted: bool,
    /// When.
    pub at: DateTime<Utc>,
    /// Where it was recorded, e.g. `checkout`.
    pub source: String,
}

/// A customer to create.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewCustomer {
    /// The system the record comes from (`shopify`, `woocommerce`, `csv`, `demo`).
    pub source: String,
    /// Its id there; `None` for a guest the source gave no id.
    pub external_id: Option<String>,
    /// Given name.
    pub first_name: String,
    /// Middle name or patronymic.
    pub middle_name: String,
    /// Family name.
    pub last_name: String,
    /// Company.
    pub company: String,
    /// Normalised e-mail.
    pub email: Option<String>,
    /// Phones, first is primary.
    pub phones: Vec<NewPhone>,
    /// Language for customer-facing texts.
    pub language: Option<Language>,
    /// ISO alpha-2.
    pub country: Option<String>,
    /// Birthday.
    pub birthday: Option<NaiveDate>,
    /// Staff notes.
    pub notes: String,
    /// Tags.
    pub tags: Vec<String>,
    /// Consents per channel.
    pub consents: Vec<NewConsent>,
    /// Never call.
    pub do_not_call: bool,
    /// Addresses.
    pub addresses: Vec<NewAddress>,
    /// First seen.
    pub created_at: DateTime<Utc>,
}

/// One line of an order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewOrderLine {
    /// Stock keeping unit.
    pub sku: String,
    /// Product name.
    pub name: String,
    /// Variant, e.g. size or colour.
    pub variant: String,
    /// How many.
    pub quantity: i64,
    /// Price of one, in the order's currency.
    pub unit_price_minor: i64,
}

/// An order to create.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewOrder {
    /// The system the order comes from.
    pub source: String,
    /// Its id there; `None` when the source has none or it cannot be trusted
    /// (a spreadsheet rounded it): the order is then known by its number.
    pub external_id: Option<String>,
    /// The customer's external id in the same source, if known.
    pub customer_external_id: Option<String>,
    /// Shown number, e.g. `#1001`.
    pub number: String,
    /// Status.
    pub status: OrderStatus,
    /// Times.
    pub placed_at: DateTime<Utc>,
    /// Paid.
    pub paid_at: Option<DateTime<Utc>>,
    /// Shipped.
    pub fulfilled_at: Option<DateTime<Utc>>,
    /// Delivered.
    pub delivered_at: Option<DateTime<Utc>>,
    /// Sum of lines.
    pub subtotal: Money,
    /// Shipping charged.
    pub shipping: Money,
    /// Discounts (positive number).
    pub discount: Money,
    /// Tax included.
    pub tax: Money,
    /// What the customer paid.
    pub total: Money,
    /// What was paid back (a partial refund leaves the status as it is).
    pub refunded: Money,
    /// e.g. `InPost Paczkomat`.
    pub shipping_method: String,
    /// Ship-to address.
    pub ship_to: PostalAddress,
    /// The customer's note at checkout.
    pub customer_note: String,
    /// A gift message for the parcel.
    pub gift_message: String,
    /// Comma-separated codes.
    pub discount_codes: String,
    /// Lines.
    pub lines: Vec<NewOrderLine>,
    /// The parcel, as the shop's fulfilment says.
    pub shipment: Shipment,
}

/// The parcel of an order, as the shop's fulfilment says (exports carry none
/// of it; the live sync does).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Shipment {
    /// The carrier, e.g. `InPost`.
    pub carrier: String,
    /// The tracking number.
    pub tracking_number: String,
    /// When the parcel went in transit.
    pub in_transit_at: Option<DateTime<Utc>>,
    /// When the carrier expects to deliver it.
    pub expected_at: Option<DateTime<Utc>>,
}

/// A catalogue product.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewProduct {
    /// Stock keeping unit.
    pub sku: String,
    /// Name.
    pub name: String,
    /// Where it sits in the warehouse, e.g. `A-03-2`.
    pub bin_location: String,
    /// Weight.
    pub weight_grams: Option<i64>,
}

/// The list order of a customer: family name, given names, else the company.
pub(crate) fn sort_key(first: &str, middle: &str, last: &str, company: &str) -> String {
    let key = courtesy_core::PersonName::new(first, middle, last).sort_key();
    if key.is_empty() {
        courtesy_core::fold_for_search(company)
    } else {
        key
    }
}

pub(crate) fn add_phone(
    conn: &Connection,
    customer: i64,
    position: i64,
    p: &NewPhone,
) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO customer_phones (customer_id, position, kind, raw, e164, national_digits)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?
    .execute(params![
        customer,
        position,
        p.kind,
        p.raw,
        p.e164,
        p.national_digits
    ])?;
    Ok(())
}

pub(crate) fn add_address(conn: &Connection, customer: i64, a: &NewAddress) -> Result<()> {
    let mut values: Vec<&dyn ToSql> = vec![&customer, &a.kind];
    values.extend(postal_params(&a.postal));
    conn.prepare_cached(
        "INSERT INTO customer_addresses (customer_id, kind, name, company, line1, line2, postal_code, city, region, country)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
    )?
    .execute(params_from_iter(values))?;
    Ok(())
}

pub(crate) fn add_consent(conn: &Connection, customer: i64, k: &NewConsent) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO customer_consents (customer_id, channel, granted, at, source) VALUES (?1, ?2, ?3, ?4, ?5)",
    )?
    .execute(params![customer, k.channel, k.granted, to_db(k.at), k.source])?;
    Ok(())
}

/// Adds a tag; `false` when the customer already had it.
pub(crate) fn add_tag(conn: &Connection, customer: i64, tag: &str) -> Result<bool> {
    Ok(conn
        .prepare_cached(
            "INSERT INTO customer_tags (customer_id, tag) VALUES (?1, ?2) ON CONFLICT DO NOTHING",
        )?
        .execute(params![customer, tag])?
        > 0)
}

/// Links the customer to its id in a source; `false` when the link existed.
pub(crate) fn link_external_id(
    conn: &Connection,
    customer: i64,
    source: &str,
    ext: &str,
) -> Result<bool> {
    Ok(conn
        .prepare_cached(
            "INSERT INTO customer_external_ids (source, external_id, customer_id) VALUES (?1, ?2, ?3)\n             ON CONFLICT DO NOTHING",
        )?
        .execute(params![source, ext, customer])?
        > 0)
}

pub(crate) fn insert_customer(conn: &Connection, c: &NewCustomer) -> Result<i64> {
    let id = conn.prepare_cached(
        "INSERT INTO customers (first_name, middle_name, last_name, company, email, language, country,
            birthday, notes, do_not_call, sort_key, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?12) RETURNING id",
    )?
    .insert(params![
        c.first_name,
        c.middle_name,
        c.last_name,
        c.company,
        c.email,
        c.language.map(|l| l.code()),
        c.country,
        c.birthday.map(|d| d.format("%Y-%m-%d").to_string()),
        c.notes,
        c.do_not_call,
        sort_key(&c.first_name, &c.middle_name, &c.last_name, &c.company),
        to_db(c.created_at),
    ])?;
    for (i, p) in c.phones.iter().enumerate() {
        add_phone(conn, id, i as i64, p)?;
    }
    for a in &c.addresses {
        add_address(conn, id, a)?;
    }
    for k in &c.consents {
        add_consent(conn, id, k)?;
    }
    for t in &c.tags {
        add_tag(conn, id, t)?;
    }
    if let Some(ext) = &c.external_id {
        link_external_id(conn, id, &c.source, ext)?;
    }
    Ok(id)
}

/// The key an order is stored under when it has no id to trust: its number,
/// marked so that it never equals a platform's id.
pub(crate) fn number_key(number: &str) -> String {
    format!("number:{number}")
}

/// Inserts the order under `key` (its id in the source, or [`number_key`]).
pub(crate) fn insert_order(
    conn: &Connection,
    o: &NewOrder,
    key: &str,
    customer_id: Option<i64>,
) -> Result<i64> {
    let currency = o.total.currency;
    for m in [o.subtotal, o.shipping, o.discount, o.tax, o.refunded] {
        if m.currency != currency {
            return Err(StoreError::Invalid(format!(
                "order {} mixes currencies {} and {}",
                o.number, currency, m.currency
            )));
        }
    }
    let (status, placed, code) = (o.status.as_str(), to_db(o.placed_at), currency.code());
    let (paid, fulfilled, delivered) = (
        o.paid_at.map(to_db),
        o.fulfilled_at.map(to_db),
        o.delivered_at.map(to_db),
    );
    let mut values: Vec<&dyn ToSql> = vec![
        &customer_id,
        &o.source,
        &key,
        &o.number,
        &status,
        &placed,
        &paid,
        &fulfilled,
        &delivered,
        &code,
        &o.subtotal.minor,
        &o.shipping.minor,
        &o.discount.minor,
        &o.tax.minor,
        &o.total.minor,
        &o.shipping_method,
    ];
    values.extend(postal_params(&o.ship_to));
    let (in_transit, expected) = (
        o.shipment.in_transit_at.map(to_db),
        o.shipment.expected_at.map(to_db),
    );
    values.extend([
        &o.customer_note as &dyn ToSql,
        &o.gift_message,
        &o.discount_codes,
        &o.refunded.minor,
        &o.shipment.carrier,
        &o.shipment.tracking_number,
        &in_transit,
        &expected,
    ]);
    let id = conn.prepare_cached(
        "INSERT INTO orders (customer_id, source, external_id, number, status, placed_at, paid_at, fulfilled_at,
            delivered_at, currency, subtotal_minor, shipping_minor, discount_minor, tax_minor, total_minor,
            shipping_method, ship_name, ship_company, ship_line1, ship_line2, ship_postal_code, ship_city,
            ship_region, ship_country, customer_note, gift_message, discount_codes, refunded_minor,
            carrier, tracking_number, in_transit_at, expected_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20,
            ?21, ?22, ?23, ?24, ?25, ?26, ?27, ?28, ?29, ?30, ?31, ?32) RETURNING id",
    )?
    .insert(params_from_iter(values))?;
    let mut line = conn.prepare_cached(
        "INSERT INTO order_lines (order_id, position, sku, name, variant, quantity, unit_price_minor)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?;
    for (i, l) in o.lines.iter().enumerate() {
        line.execute(params![
            id,
            i as i64,
            l.sku,
            l.name,
            l.variant,
            l.quantity,
            l.unit_price_minor
        ])?;
    }
    Ok(id)
}

/// Counts of what a load wrote.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct LoadCounts {
    /// Products written.
    pub products: usize,
    /// Customers written.
    pub customers: usize,
    /// Orders written.
    pub orders: usize,
}

impl Store {
    /// Writes a whole shop (catalogue, customers, their orders) into a database
    /// that has no customers yet, in one transaction, and rebuilds the search
    /// index; all or nothing. Orders name their customer by external id in the
    /// same source. A database with customers is refused ([`StoreError::NotEmpty`]).
    pub fn load_shop(
        &self,
        products: &[NewProduct],
        customers: &[NewCustomer],
        orders: &[NewOrder],
        actor: &Actor,
    ) -> Result<LoadCounts> {
        self.write(|tx| {
            let existing: i64 = tx.query_row("SELECT count(*) FROM customers", [], |r| r.get(0))?;
            if existing > 0 {
                return Err(StoreError::NotEmpty { customers: existing });
            }
            let mut product = tx.prepare_cached(
                "INSERT INTO products (sku, name, bin_location, weight_grams) VALUES (?1, ?2, ?3, ?4)
                 ON CONFLICT (sku) DO UPDATE SET name = excluded.name, bin_location = excluded.bin_location,
                 weight_grams = excluded.weight_grams",
            )?;
            for p in products {
                product.execute(params![p.sku, p.name, p.bin_location, p.weight_grams])?;
            }
            let mut ids: HashMap<(&str, &str), i64> = HashMap::with_capacity(customers.len());
            for c in customers {
                let id = insert_customer(tx, c)?;
                if let Some(ext) = &c.external_id {
                    ids.insert((c.source.as_str(), ext.as_str()), id);
                }
            }
            for o in orders {
                let customer = o
                    .customer_external_id
                    .as_deref()
                    .map(|ext| {
                        ids.get(&(o.source.as_str(), ext)).copied().ok_or_else(|| {
                            StoreError::Invalid(format!("order {} names unknown customer {ext}", o.number))
                        })
                    })
                    .transpose()?;
                let key = o.external_id.clone().unwrap_or_else(|| number_key(&o.number));
                insert_order(tx, o, &key, customer)?;
            }
            customer_stats::refresh_all(tx)?;
            search_index::rebuild(tx)?;
            crate::dialect::refresh_statistics(tx)?;
            let counts = LoadCounts { products: products.len(), customers: customers.len(), orders: orders.len() };
            record(
                tx,
                actor,
                "shop",
                None,
                "load",
                &json!({"products": counts.products, "customers": counts.customers, "orders": counts.orders}),
            )?;
            Ok(counts)
        })
    }
}
