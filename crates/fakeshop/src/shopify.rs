//! The shop's records in the shapes of Shopify's GraphQL Admin API: nodes
//! as a paged `orders` / `customers` query returns them, and the JSONL of a
//! bulk export, where an order's line items follow it as rows of their own
//! that name it in `__parentId`.

use crate::shop_data::{split_name, Shop, ShopCustomer, ShopOrder};
use chrono::{DateTime, Utc};
use courtesy_core::{Money, OrderStatus, PostalAddress};
use serde_json::{json, Value};

fn time(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

fn time_or_null(t: Option<DateTime<Utc>>) -> Value {
    t.map(time).map(Value::String).unwrap_or(Value::Null)
}

fn money(m: &Money) -> Value {
    json!({"shopMoney": {"amount": m.to_decimal_string(), "currencyCode": m.currency.code()}})
}

fn address(a: &PostalAddress, phone: &str) -> Value {
    let (first, last) = split_name(&a.name);
    json!({"firstName": first, "lastName": last, "company": a.company, "address1": a.line1,
        "address2": a.line2, "city": a.city, "province": a.region, "provinceCode": null,
        "zip": a.postal_code, "country": a.country, "countryCodeV2": a.country, "phone": phone})
}

/// The customer's gid.
pub fn customer_gid(c: &ShopCustomer) -> String {
    format!("gid://shopify/Customer/{}", c.id)
}

/// The order's gid.
pub fn order_gid(o: &ShopOrder) -> String {
    format!("gid://shopify/Order/{}", o.id)
}

/// A customer node.
pub fn customer(c: &ShopCustomer) -> Value {
    let r = &c.record;
    let email_consent = r
        .consents
        .iter()
        .rev()
        .find(|k| k.channel == "email")
        .map(|k| {
            if k.granted {
                "SUBSCRIBED"
            } else {
                "UNSUBSCRIBED"
            }
        })
        .unwrap_or("NOT_SUBSCRIBED");
    let phone = r
        .phones
        .first()
        .map(|p| p.e164.clone().unwrap_or(p.raw.clone()));
    json!({"id": customer_gid(c), "firstName": r.first_name, "lastName": r.last_name,
        "locale": r.language.map(|l| l.code()), "tags": r.tags, "note": r.notes,
        "createdAt": time(r.created_at), "updatedAt": time(r.created_at),
        "defaultEmailAddress": r.email.as_ref().map(|e| json!({"emailAddress": e, "marketingState": email_consent})),
        "defaultPhoneNumber": phone.map(|p| json!({"phoneNumber": p, "smsMarketingConsent": {"state": "NOT_SUBSCRIBED"}})),
        "defaultAddress": r.addresses.first().map(|a| address(&a.postal, ""))})
}

fn financial(o: &ShopOrder) -> &'static str {
    let r = &o.record;
    match r.status {
        OrderStatus::Open => "PENDING",
        OrderStatus::Refunded => "REFUNDED",
        OrderStatus::Cancelled => "VOIDED",
        _ if r.refunded.minor > 0 => "PARTIALLY_REFUNDED",
        _ => "PAID",
    }
}

fn fulfillments(o: &ShopOrder) -> Value {
    let r = &o.record;
    let Some(shipped) = r.fulfilled_at else {
        return json!([]);
    };
    let s = &r.shipment;
    let tracking = if s.tracking_number.is_empty() {
        json!([])
    } else {
        json!([{"company": s.carrier, "number": s.tracking_number}])
    };
    json!([{"status": "SUCCESS",
        "displayStatus": if r.delivered_at.is_some() { "DELIVERED" } else { "IN_TRANSIT" },
        "createdAt": time(shipped), "updatedAt": time(o.updated),
        "inTransitAt": time_or_null(s.in_transit_at), "deliveredAt": time_or_null(r.delivered_at),
        "estimatedDeliveryAt": time_or_null(s.expected_at), "trackingInfo": tracking}])
}

/// An order node without its line items.
fn order_fields(shop: &Shop, o: &ShopOrder) -> Value {
    let r = &o.record;
    let buyer = shop.buyer(o);
    let phone = buyer.record.phones.first().map(|p| p.raw.clone());
    let attributes: Vec<Value> = if r.gift_message.is_empty() {
        vec![]
    } else {
        vec![json!({"key": "Gift message", "value": r.gift_message})]
    };
    let codes: Vec<&str> = r
        .discount_codes
        .split(',')
        .map(str::trim)
        .filter(|c| !c.is_empty())
        .collect();
    json!({"id": order_gid(o), "name": r.number, "createdAt": time(r.placed_at),
        "updatedAt": time(o.updated), "processedAt": time(r.placed_at),
        "cancelledAt": if r.status == OrderStatus::Cancelled { Value::String(time(o.updated)) } else { Value::Null },
        "displayFinancialStatus": financial(o),
        "displayFulfillmentStatus": if r.fulfilled_at.is_some() { "FULFILLED" } else { "UNFULFILLED" },
        "currencyCode": r.total.currency.code(), "email": buyer.record.email, "phone": phone,
        "note": r.customer_note, "tags": [], "customerLocale": buyer.record.language.map(|l| l.code()),
        "discountCodes": codes, "customAttributes": attributes,
        "subtotalPriceSet": money(&r.subtotal), "totalShippingPriceSet": money(&r.shipping),
        "totalDiscountsSet": money(&r.discount), "totalTaxSet": money(&r.tax),
        "totalPriceSet": money(&r.total), "totalRefundedSet": money(&r.refunded),
        "shippingLine": {"title": r.shipping_method},
        "shippingAddress": address(&r.ship_to, ""), "billingAddress": address(&r.ship_to, ""),
        "customer": if buyer.guest { Value::Null } else { customer(buyer) },
        "fulfillments": fulfillments(o)})
}

fn lines(o: &ShopOrder) -> Vec<Value> {
    let r = &o.record;
    r.lines
        .iter()
        .enumerate()
        .map(|(n, l)| {
            let title = l.name.clone();
            let name = if l.variant.is_empty() {
                title.clone()
            } else {
                format!("{} - {}", l.name, l.variant)
            };
            json!({"id": format!("gid://shopify/LineItem/{}", o.id * 100 + n as u64), "sku": l.sku,
                "name": name, "title": title,
                "variantTitle": if l.variant.is_empty() { Value::Null } else { l.variant.clone().into() },
                "quantity": l.quantity, "currentQuantity": l.quantity,
                "originalUnitPriceSet": money(&Money::new(l.unit_price_minor, r.total.currency)),
                "variant": {"sku": l.sku}})
        })
        .collect()
}

/// An order node as a paged query returns it (line items inside).
pub fn order(shop: &Shop, o: &ShopOrder) -> Value {
    let mut v = order_fields(shop, o);
    v["lineItems"] =
        json!({"pageInfo": {"hasNextPage": false, "endCursor": null}, "nodes": lines(o)});
    v
}

/// Appends the order and its line items as bulk-export JSONL rows.
pub fn order_rows(shop: &Shop, o: &ShopOrder, out: &mut Vec<u8>) {
    let parent = order_gid(o);
    out.extend_from_slice(order_fields(shop, o).to_string().as_bytes());
    out.push(b'\n');
    for mut line in lines(o) {
        line["__parentId"] = parent.clone().into();
        out.extend_from_slice(line.to_string().as_bytes());
        out.push(b'\n');
    }
}
