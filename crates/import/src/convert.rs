//! From what a source says to what the store keeps: e-mails and phones
//! normalised, countries and languages checked, money typed. A field that does
//! not hold up is dropped with a problem noted; the record itself still imports.

use crate::record::{CustomerRecord, Located, OrderRecord};
use chrono::{DateTime, Utc};
use courtesy_core::{normalise_email, EmailError, Language, Money, Region};
use courtesy_store::{
    ImportItem, NewAddress, NewConsent, NewCustomer, NewOrder, NewPhone, RowProblem,
};

fn country_code(raw: Option<&str>) -> Option<String> {
    let c = raw?.trim().to_ascii_uppercase();
    let c = if c == "UK" { "GB".to_string() } else { c };
    (c.len() == 2 && c.chars().all(|ch| ch.is_ascii_alphabetic())).then_some(c)
}

/// The store's customer for a record, with problems for fields that were dropped.
pub fn customer(
    rec: CustomerRecord,
    row: u64,
    shop_region: Region,
    fallback_time: DateTime<Utc>,
    problems: &mut Vec<RowProblem>,
) -> NewCustomer {
    let email = match rec.email.as_deref().map(normalise_email) {
        Some(Ok(e)) => Some(e.as_str().to_string()),
        Some(Err(EmailError::Empty)) | None => None,
        Some(Err(e)) => {
            problems.push(RowProblem {
                row: row as i64,
                column: Some("Email".into()),
                reason: format!("{e}; imported without it"),
            });
            None
        }
    };
    let country = country_code(rec.country.as_deref()).or_else(|| {
        rec.addresses
            .iter()
            .find_map(|(_, a)| country_code(Some(&a.country)))
    });
    let region = country
        .as_deref()
        .and_then(Region::parse)
        .unwrap_or(shop_region);
    let mut phones: Vec<NewPhone> = Vec::new();
    for raw in rec.phones.iter().filter(|p| !p.trim().is_empty()) {
        let p = NewPhone::from_raw(raw, region, "mobile");
        let duplicate = phones.iter().any(|q| match (&q.e164, &p.e164) {
            (Some(a), Some(b)) => a == b,
            _ => q.raw == p.raw,
        });
        if !duplicate {
            phones.push(p);
        }
    }
    let language = rec
        .language
        .as_deref()
        .and_then(Language::from_tag)
        .or_else(|| country.as_deref().map(Language::for_country));
    let created_at = rec.created_at.unwrap_or(fallback_time);
    let consent = |channel: &str, granted: Option<bool>| {
        granted.map(|granted| NewConsent {
            channel: channel.to_string(),
            granted,
            at: created_at,
            source: format!("import: {}", rec.source),
        })
    };
    let addresses = rec
        .addresses
        .into_iter()
        .filter(|(_, a)| !a.line1.trim().is_empty() || !a.city.trim().is_empty())
        .filter_map(|(kind, mut postal)| {
            postal.country = country_code(Some(&postal.country)).or_else(|| country.clone())?;
            Some(NewAddress::new(
                if kind == "billing" {
                    "billing"
                } else {
                    "shipping"
                },
                postal,
            ))
        })
        .collect();
    let consents = [
        consent("email", rec.email_consent),
        consent("sms", rec.sms_consent),
    ]
    .into_iter()
    .flatten()
    .collect();
    NewCustomer {
        source: rec.source,
        external_id: rec.external_id.filter(|e| !e.trim().is_empty()),
        first_name: rec.first_name.trim().to_string(),
        middle_name: String::new(),
        last_name: rec.last_name.trim().to_string(),
        company: rec.company.trim().to_string(),
        email,
        phones,
        language,
        country,
        birthday: None,
        notes: rec.note.trim().to_string(),
        tags: rec
            .tags
            .iter()
            .map(|t| t.trim().to_string())
            .filter(|t| !t.is_empty() && t.chars().count() <= 64)
            .collect(),
        consents,
        do_not_call: false,
        addresses,
        created_at,
    }
}

/// The store's order and buyer for a record.
pub fn order(
    rec: OrderRecord,
    row: u64,
    shop_region: Region,
    problems: &mut Vec<RowProblem>,
) -> ImportItem {
    let buyer = customer(rec.buyer, row, shop_region, rec.placed_at, problems);
    let currency = rec.currency;
    let money = |minor: i64| Money::new(minor, currency);
    let mut ship_to = rec.ship_to;
    if let Some(code) = country_code(Some(&ship_to.country)) {
        ship_to.country = code;
    }
    let order = NewOrder {
        source: rec.source,
        external_id: rec.external_id,
        customer_external_id: None,
        number: rec.number,
        status: rec.status,
        placed_at: rec.placed_at,
        paid_at: rec.paid_at,
        fulfilled_at: rec.fulfilled_at,
        delivered_at: rec.delivered_at,
        subtotal: money(rec.subtotal_minor),
        shipping: money(rec.shipping_minor),
        discount: money(rec.discount_minor),
        tax: money(rec.tax_minor),
        total: money(rec.total_minor),
        shipping_method: rec.shipping_method,
        ship_to,
        customer_note: rec.customer_note,
        gift_message: rec.gift_message,
        discount_codes: rec.discount_codes,
        lines: rec.lines,
    };
    ImportItem::Order { order, buyer }
}

/// Converts a located record.
pub fn item(
    rec: Located<crate::Record>,
    shop_region: Region,
    now: DateTime<Utc>,
    problems: &mut Vec<RowProblem>,
) -> ImportItem {
    match rec.value {
        crate::Record::Customer(c) => {
            ImportItem::Customer(customer(c, rec.row, shop_region, now, problems))
        }
        crate::Record::Order(o) => order(o, rec.row, shop_region, problems),
    }
}
