//! WooCommerce REST API v3 orders (`GET /wp-json/wc/v3/orders`) saved to a
//! file: a JSON array of order objects, read one object at a time.
//!
//! Each order is located at its 1-based place in the list; an error names the
//! field's path (`total`, `billing.email`, `line_items[1].quantity`). A bad
//! field skips that order and the list goes on; a syntax error ends the read.
//!
//! Amounts are the API's strings (`"193.11"`); a line's unit price is its
//! `price` (a number: the line total after discounts, per item, without tax),
//! or its `subtotal` per item when there is no price. The order's subtotal is
//! the sum of its lines' `subtotal`s (before discounts), as Shopify's is.
//!
//! The `refunds` (each a negative `total`) add up to what was paid back; only
//! the status `refunded` makes the whole order refunded.

use crate::formats::woocommerce_party::Party;
use crate::formats::woocommerce_status::status;
use crate::record::{
    CustomerRecord, Importer, LineRecord, Located, OrderRecord, Record, RowError, SourceId,
};
use crate::source::cells::parse_yes_no;
use crate::source::json_fields::Fields;
use crate::source::json_objects::JsonObjects;
use courtesy_core::{Currency, OrderStatus};
use serde_json::{Map, Value};

/// Reads orders from a saved WooCommerce orders list.
pub struct WooCommerceOrdersJson {
    objects: JsonObjects,
}

impl WooCommerceOrdersJson {
    /// Reads the orders of `objects`.
    pub(crate) fn new(objects: JsonObjects) -> Self {
        WooCommerceOrdersJson { objects }
    }
}

impl Importer for WooCommerceOrdersJson {
    fn next_record(&mut self) -> Option<Result<Located<Record>, RowError>> {
        Some(self.objects.next_object()?.and_then(|(row, object)| {
            read_order(row, &object).map(|order| Located {
                row,
                value: Record::Order(order),
            })
        }))
    }

    fn bytes_read(&self) -> u64 {
        self.objects.bytes_read()
    }

    fn duplicates(&self) -> u64 {
        self.objects.duplicates()
    }

    fn first_data_row(&self) -> u64 {
        1
    }
}

/// One order object at place `row` of the list.
pub fn read_order(row: u64, object: &Map<String, Value>) -> Result<OrderRecord, RowError> {
    let f = Fields::new(object, row);
    let external_id = f
        .id("id")?
        .ok_or_else(|| f.error("id", "the order has no id".to_string()))?;
    let number = match f.text("number")? {
        n if n.is_empty() => external_id.clone(),
        n => n,
    };
    let currency = match f.text("currency")? {
        code if code.is_empty() => {
            return Err(f.error("currency", "the order has no currency".to_string()))
        }
        code => Currency::parse(&code).map_err(|e| f.error("currency", e.to_string()))?,
    };
    let placed_at = match f.date("date_created_gmt")? {
        Some(at) => at,
        None => f.date("date_created")?.ok_or_else(|| {
            f.error(
                "date_created_gmt",
                "the order has no creation date".to_string(),
            )
        })?,
    };
    let mut lines = Vec::new();
    let mut subtotal_minor = 0i64;
    for (i, item) in f.objects("line_items")? {
        let item = f.nested(item, &format!("line_items[{i}]"));
        subtotal_minor = subtotal_minor.saturating_add(item.amount("subtotal", currency)?);
        lines.push(read_line(&item, currency)?);
    }
    let party = Party::read(&f)?;
    let status = status(&f.text("status")?);
    let total_minor = f.amount("total", currency)?;
    let mut refunded_minor = 0i64;
    for (i, refund) in f.objects("refunds")? {
        let refund = f.nested(refund, &format!("refunds[{i}]"));
        refunded_minor = refunded_minor.saturating_add(refund.amount("total", currency)?.abs());
    }
    if refunded_minor == 0 && status == OrderStatus::Refunded {
        refunded_minor = total_minor;
    }
    Ok(OrderRecord {
        source: "woocommerce".to_string(),
        external_id: SourceId::Given(external_id),
        number: if number.starts_with('#') {
            number
        } else {
            format!("#{number}")
        },
        buyer: CustomerRecord {
            source: "woocommerce".to_string(),
            external_id: f.id("customer_id")?,
            first_name: party.first_name.clone(),
            last_name: party.last_name.clone(),
            company: party.company.clone(),
            email: party.email.clone(),
            phones: party.phones.clone(),
            country: party.country.clone(),
            addresses: party.addresses(),
            ..CustomerRecord::default()
        },
        status,
        placed_at,
        paid_at: f.date("date_paid_gmt")?,
        fulfilled_at: f.date("date_completed_gmt")?,
        delivered_at: None,
        currency,
        subtotal_minor,
        shipping_minor: f.amount("shipping_total", currency)?,
        discount_minor: f.amount("discount_total", currency)?.abs(),
        tax_minor: f.amount("total_tax", currency)?,
        total_minor,
        refunded_minor,
        shipping_method: joined(&f, "shipping_lines", "method_title")?,
        ship_to: party.ship_to(),
        customer_note: f.text("customer_note")?,
        gift_message: gift_message(&f),
        discount_codes: joined(&f, "coupon_lines", "code")?,
        shipment: Default::default(),
        lines,
    })
}

/// One line item. A variation's `name` is its product's `parent_name`, ` - `
/// and the attributes; those become the variant.
fn read_line(item: &Fields<'_>, currency: Currency) -> Result<LineRecord, RowError> {
    let full_name = item.text("name")?;
    let parent = item.text("parent_name")?;
    let (name, variant) = match full_name.strip_prefix(&format!("{parent} - ")) {
        Some(variant) if !parent.is_empty() => (parent.clone(), variant.trim().to_string()),
        _ => (full_name.clone(), String::new()),
    };
    let quantity = item.quantity("quantity")?;
    let unit_price_minor = if item.text("price")?.is_empty() {
        let subtotal = item.amount("subtotal", currency)?;
        // Half away from zero, like the API's own rounding.
        (subtotal + subtotal.signum() * quantity / 2) / quantity
    } else {
        item.amount("price", currency)?
    };
    Ok(LineRecord {
        sku: item.text("sku")?,
        name,
        variant,
        quantity,
        unit_price_minor,
    })
}

/// The `field` of each object of the list at `key`, non-empty ones joined by `, `.
fn joined(f: &Fields<'_>, key: &str, field: &str) -> Result<String, RowError> {
    let mut parts: Vec<String> = Vec::new();
    for (i, object) in f.objects(key)? {
        let text = f.nested(object, &format!("{key}[{i}]")).text(field)?;
        if !text.is_empty() && !parts.contains(&text) {
            parts.push(text);
        }
    }
    Ok(parts.join(", "))
}

/// The gift message among the order's `meta_data` (`{key, value}` pairs set by
/// gift plugins): a key with "gift" and "message" (or note, text, card) first,
/// else any "gift" key with text that is not a yes/no flag. Entries that are
/// not text are passed over: plugins store anything there.
fn gift_message(f: &Fields<'_>) -> String {
    let Ok(entries) = f.list("meta_data") else {
        return String::new();
    };
    let mut fallback = None;
    for entry in entries {
        let key = entry
            .get("key")
            .and_then(Value::as_str)
            .unwrap_or("")
            .to_lowercase();
        let value = entry.get("value").and_then(Value::as_str).map(str::trim);
        let Some(value) = value.filter(|v| !v.is_empty() && key.contains("gift")) else {
            continue;
        };
        if ["message", "note", "msg", "text", "card"]
            .iter()
            .any(|word| key.contains(word))
        {
            return value.to_string();
        }
        if fallback.is_none() && parse_yes_no(value).is_none() {
            fallback = Some(value.to_string());
        }
    }
    fallback.unwrap_or_default()
}

#[cfg(test)]
#[path = "../tests/woocommerce_json_files.rs"]
mod files;

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn order(value: Value) -> Result<OrderRecord, RowError> {
        match value {
            Value::Object(object) => read_order(7, &object),
            _ => panic!("an object"),
        }
    }

    #[test]
    fn the_smallest_order_reads() {
        let got = order(json!({
            "id": 12, "currency": "EUR", "date_created": "2024-01-02T03:04:05",
            "status": "processing", "total": "5.00",
            "line_items": [{"name": "Mug - Red", "parent_name": "Mug", "quantity": 2,
                            "subtotal": "5.00", "price": null}],
        }));
        let Ok(got) = got else { panic!("{got:?}") };
        assert_eq!(
            (got.number.as_str(), got.external_id.usable()),
            ("#12", Some("12"))
        );
        assert_eq!(got.buyer.external_id, None, "no customer_id: a guest");
        assert_eq!(
            got.lines,
            vec![LineRecord {
                sku: String::new(),
                name: "Mug".into(),
                variant: "Red".into(),
                quantity: 2,
                unit_price_minor: 250,
            }]
        );
        assert_eq!((got.subtotal_minor, got.total_minor), (500, 500));
    }

    #[test]
    fn a_bad_field_is_an_error_on_its_path() {
        let err = order(json!({
            "id": 1, "currency": "PLN", "date_created_gmt": "2024-01-02T03:04:05",
            "line_items": [{"name": "A", "quantity": 1}, {"name": "B", "quantity": "many"}],
        }))
        .err();
        assert_eq!(
            err,
            Some(RowError {
                row: 7,
                column: Some("line_items[1].quantity".into()),
                reason: "\"many\" is not a quantity".into(),
            })
        );
        let no_currency = order(json!({"id": 1, "line_items": []})).err();
        assert_eq!(
            no_currency.and_then(|e| e.column).as_deref(),
            Some("currency")
        );
    }

    #[test]
    fn gift_messages_prefer_message_keys_over_flags() {
        let value = json!({"meta_data": [
            {"key": "_gift_wrap", "value": "yes"},
            {"key": "is_gift", "value": {"a": 1}},
            {"key": "_gift_message", "value": " Sto lat! "},
        ]});
        let Value::Object(object) = value else {
            panic!("an object")
        };
        assert_eq!(gift_message(&Fields::new(&object, 1)), "Sto lat!");
    }
}
