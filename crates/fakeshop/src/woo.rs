//! The shop's records in WooCommerce REST v3's shapes: orders as
//! `/wp-json/wc/v3/orders` returns them, registered customers as
//! `/wp-json/wc/v3/customers` does.

use crate::shop_data::{split_name, Shop, ShopCustomer, ShopOrder};
use chrono::{DateTime, Utc};
use courtesy_core::{Money, OrderStatus, PostalAddress};
use serde_json::{json, Value};

/// WooCommerce's GMT times: no offset, no fraction.
fn gmt(t: DateTime<Utc>) -> String {
    t.format("%Y-%m-%dT%H:%M:%S").to_string()
}

fn gmt_or_null(t: Option<DateTime<Utc>>) -> Value {
    t.map(gmt).map(Value::String).unwrap_or(Value::Null)
}

fn amount(m: &Money) -> String {
    m.to_decimal_string()
}

fn status(s: OrderStatus) -> &'static str {
    match s {
        OrderStatus::Open => "pending",
        OrderStatus::Paid => "processing",
        OrderStatus::Fulfilled | OrderStatus::Delivered => "completed",
        OrderStatus::Cancelled => "cancelled",
        OrderStatus::Refunded => "refunded",
    }
}

fn party(a: &PostalAddress, email: Option<&str>, phone: &str) -> Value {
    let (first, last) = split_name(&a.name);
    let mut v = json!({"first_name": first, "last_name": last, "company": a.company,
        "address_1": a.line1, "address_2": a.line2, "city": a.city, "state": a.region,
        "postcode": a.postal_code, "country": a.country, "phone": phone});
    if let Some(email) = email {
        v["email"] = email.into();
    }
    v
}

fn home(c: &ShopCustomer) -> PostalAddress {
    c.record
        .addresses
        .first()
        .map(|a| a.postal.clone())
        .unwrap_or_else(|| PostalAddress {
            name: format!("{} {}", c.record.first_name, c.record.last_name),
            country: c.record.country.clone().unwrap_or_default(),
            ..PostalAddress::default()
        })
}

fn phone(c: &ShopCustomer) -> &str {
    c.record
        .phones
        .first()
        .map(|p| p.raw.as_str())
        .unwrap_or("")
}

/// A registered customer.
pub fn customer(c: &ShopCustomer) -> Value {
    let r = &c.record;
    let email = r.email.clone().unwrap_or_default();
    let mut billing = party(&home(c), Some(&email), phone(c));
    billing["first_name"] = r.first_name.clone().into();
    billing["last_name"] = r.last_name.clone().into();
    json!({"id": c.id, "date_created": gmt(r.created_at), "date_created_gmt": gmt(r.created_at),
        "date_modified_gmt": gmt(r.created_at), "email": email,
        "first_name": r.first_name, "last_name": r.last_name, "role": "customer",
        "username": email.split('@').next().unwrap_or_default(),
        "billing": billing, "shipping": party(&home(c), None, ""),
        "is_paying_customer": true, "meta_data": []})
}

/// An order, with its buyer's billing details.
pub fn order(shop: &Shop, o: &ShopOrder) -> Value {
    let r = &o.record;
    let buyer = shop.buyer(o);
    let mut billing = party(&home(buyer), buyer.record.email.as_deref(), phone(buyer));
    billing["first_name"] = buyer.record.first_name.clone().into();
    billing["last_name"] = buyer.record.last_name.clone().into();
    let lines: Vec<Value> = r
        .lines
        .iter()
        .enumerate()
        .map(|(n, l)| {
            let price = Money::new(l.unit_price_minor, r.total.currency);
            let total = Money::new(l.unit_price_minor * l.quantity, r.total.currency);
            let name = if l.variant.is_empty() {
                l.name.clone()
            } else {
                format!("{} - {}", l.name, l.variant)
            };
            json!({"id": o.id * 100 + n as u64, "name": name, "product_id": 70 + n,
                "variation_id": 0, "quantity": l.quantity, "tax_class": "",
                "subtotal": amount(&total), "subtotal_tax": "0.00", "total": amount(&total),
                "total_tax": "0.00", "taxes": [], "meta_data": [], "sku": l.sku,
                "price": price.to_decimal_string().parse::<f64>().unwrap_or(0.0),
                "parent_name": if l.variant.is_empty() { Value::Null } else { l.name.clone().into() }})
        })
        .collect();
    let mut meta = vec![
        json!({"id": o.id * 10, "key": "_wc_order_attribution_source_type", "value": "typein"}),
    ];
    if !r.gift_message.is_empty() {
        meta.push(json!({"id": o.id * 10 + 1, "key": "_gift_message", "value": r.gift_message}));
    }
    let coupons: Vec<Value> = r
        .discount_codes
        .split(',')
        .map(str::trim)
        .filter(|c| !c.is_empty())
        .enumerate()
        .map(|(n, code)| json!({"id": o.id * 10 + n as u64, "code": code, "discount": amount(&r.discount)}))
        .collect();
    let refunds: Vec<Value> = if r.refunded.minor > 0 {
        vec![
            json!({"id": o.id * 10 + 7, "reason": "", "total": format!("-{}", amount(&r.refunded))}),
        ]
    } else {
        vec![]
    };
    let completed = r.delivered_at.or(r.fulfilled_at);
    json!({"id": o.id, "parent_id": 0, "status": status(r.status), "currency": r.total.currency.code(),
        "version": "9.4.2", "prices_include_tax": true,
        "date_created": gmt(r.placed_at), "date_created_gmt": gmt(r.placed_at),
        "date_modified": gmt(o.updated), "date_modified_gmt": gmt(o.updated),
        "discount_total": amount(&r.discount), "discount_tax": "0.00",
        "shipping_total": amount(&r.shipping), "shipping_tax": "0.00", "cart_tax": "0.00",
        "total": amount(&r.total), "total_tax": amount(&r.tax),
        "customer_id": if buyer.guest { 0 } else { buyer.id },
        "order_key": format!("wc_order_{:09x}", o.id),
        "billing": billing, "shipping": party(&r.ship_to, None, ""),
        "payment_method": "przelewy24", "payment_method_title": "Przelewy24",
        "created_via": "checkout", "customer_note": r.customer_note,
        "date_completed_gmt": gmt_or_null(completed), "date_paid_gmt": gmt_or_null(r.paid_at),
        "number": r.number.trim_start_matches('#'), "meta_data": meta,
        "line_items": lines, "tax_lines": [],
        "shipping_lines": [{"id": o.id * 10 + 5, "method_title": r.shipping_method, "method_id": "flat_rate",
            "total": amount(&r.shipping), "total_tax": "0.00", "taxes": [], "meta_data": []}],
        "fee_lines": [], "coupon_lines": coupons, "refunds": refunds})
}
