//! From what a source says to what the store keeps: e-mails and phones
//! normalised, countries and languages checked, money typed. A field that does
//! not hold up is dropped with a problem noted; the record itself still imports.
//!
//! What a spreadsheet did to a phone or a postal code is undone where it is
//! certain (see [`courtesy_core::spreadsheet`]) and noted where it is not: a
//! phone it rounded is dropped, a postal code too short for its country kept.

use crate::record::{CustomerRecord, Located, OrderRecord, SourceId};
use chrono::{DateTime, Utc};
use courtesy_core::{
    normalise_email, restore_phone, restore_postal_code, CellRepair, EmailError, Language, Money,
    PostalAddress, Region,
};
use courtesy_store::{
    BatchReport, ImportItem, NewAddress, NewConsent, NewCustomer, NewOrder, NewPhone, RowProblem,
};

fn country_code(raw: Option<&str>) -> Option<String> {
    let c = raw?.trim().to_ascii_uppercase();
    let c = if c == "UK" { "GB".to_string() } else { c };
    (c.len() == 2 && c.chars().all(|ch| ch.is_ascii_alphabetic())).then_some(c)
}

/// Notes something about a row that imported, once per row.
fn note(problems: &mut Vec<RowProblem>, row: u64, column: &str, reason: String) {
    let problem = RowProblem::note(row as i64, Some(column.to_string()), reason);
    let recent = problems.iter().rev().take_while(|p| p.row == problem.row);
    if !recent.into_iter().any(|p| p == &problem) {
        problems.push(problem);
    }
}

/// The phone as the customer gave it, undoing a spreadsheet's changes;
/// `None` when the spreadsheet left too little of it.
fn phone_text(
    raw: &str,
    region: Region,
    row: u64,
    problems: &mut Vec<RowProblem>,
) -> Option<String> {
    match restore_phone(raw, region) {
        CellRepair::Intact => Some(raw.trim().to_string()),
        CellRepair::Restored(text) => Some(text),
        CellRepair::Rounded => {
            let reason = format!(
                "the phone {} was rounded by a spreadsheet (its digits are lost); imported without it",
                raw.trim()
            );
            note(problems, row, "Phone", reason);
            None
        }
        CellRepair::Doubtful => {
            let reason = format!(
                "the phone {} is not a valid number: a spreadsheet may have dropped its leading \
                 0 or +; kept as it is",
                raw.trim()
            );
            note(problems, row, "Phone", reason);
            Some(raw.trim().to_string())
        }
    }
}

/// Puts back the leading zeros a spreadsheet took from the address's postal
/// code, or notes a code too short for its country.
fn repair_postal_code(address: &mut PostalAddress, row: u64, problems: &mut Vec<RowProblem>) {
    match restore_postal_code(&address.country, &address.postal_code) {
        CellRepair::Restored(code) => address.postal_code = code,
        CellRepair::Doubtful => {
            let reason = format!(
                "the postal code {} is too short for {}: a spreadsheet may have dropped its \
                 leading zeros; kept as it is",
                address.postal_code, address.country
            );
            note(problems, row, "Postal code", reason);
        }
        CellRepair::Intact | CellRepair::Rounded => {}
    }
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
            note(problems, row, "Email", format!("{e}; imported without it"));
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
        let Some(text) = phone_text(raw, region, row, problems) else {
            continue;
        };
        let p = NewPhone::from_raw(&text, region, "mobile");
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
            repair_postal_code(&mut postal, row, problems);
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

/// The store's order and buyer for a record; an id a spreadsheet rounded is
/// counted in `report`.
pub fn order(
    rec: OrderRecord,
    row: u64,
    shop_region: Region,
    report: &mut BatchReport,
) -> ImportItem {
    let buyer = customer(
        rec.buyer,
        row,
        shop_region,
        rec.placed_at,
        &mut report.problems,
    );
    let currency = rec.currency;
    let money = |minor: i64| Money::new(minor, currency);
    let mut ship_to = rec.ship_to;
    if let Some(code) = country_code(Some(&ship_to.country)) {
        ship_to.country = code;
        repair_postal_code(&mut ship_to, row, &mut report.problems);
    }
    if let SourceId::Rounded(_) = rec.external_id {
        report.rounded_ids += 1;
    }
    let order = NewOrder {
        source: rec.source,
        external_id: rec.external_id.usable().map(str::to_string),
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
        refunded: money(rec.refunded_minor),
        shipping_method: rec.shipping_method,
        ship_to,
        customer_note: rec.customer_note,
        gift_message: rec.gift_message,
        discount_codes: rec.discount_codes,
        shipment: rec.shipment,
        lines: rec.lines,
    };
    ImportItem::Order {
        order,
        buyer,
        row: row as i64,
    }
}

/// Converts a located record, adding what it finds to `report`.
pub fn item(
    rec: Located<crate::Record>,
    shop_region: Region,
    now: DateTime<Utc>,
    report: &mut BatchReport,
) -> ImportItem {
    match rec.value {
        crate::Record::Customer(c) => {
            ImportItem::Customer(customer(c, rec.row, shop_region, now, &mut report.problems))
        }
        crate::Record::Order(o) => order(o, rec.row, shop_region, report),
    }
}
