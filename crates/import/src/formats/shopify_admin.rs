//! Shopify orders and customers as the GraphQL Admin API gives them (the live
//! sync reads them page by page, or from a bulk operation's JSONL with each
//! order's line items gathered under `lineItems.nodes`).
//!
//! Ids are the number at the end of the global id (`gid://shopify/Order/123`
//! is `123`), the id Shopify's exports carry, so an order imported from a file
//! and the same order synced meet. Amounts are the shop's money (`shopMoney`).
//! A line is packed as many times as is left of it (`currentQuantity`): a line
//! removed or refunded whole is gone. The order is paid when Shopify says so
//! (`processedAt`), shipped with its first successful fulfilment, delivered
//! when a fulfilment says it was; the parcel (carrier, tracking number, in
//! transit, expected) is the latest fulfilment's.

use crate::formats::shopify_orders::{gift_message, split_variant, status};
use crate::record::{CustomerRecord, LineRecord, OrderRecord, RowError, Shipment, SourceId};
use crate::source::cells::country_code;
use crate::source::json_fields::{Fields, IndexedObject};
use chrono::{DateTime, Utc};
use courtesy_core::{Currency, OrderStatus, PostalAddress};
use serde_json::{Map, Value};

/// The number at the end of a Shopify global id (`gid://shopify/Order/123`);
/// an id that is not a global id is kept as it is.
pub fn shopify_id(gid: &str) -> &str {
    match gid.strip_prefix("gid://shopify/") {
        Some(rest) => rest.rsplit('/').next().unwrap_or(rest),
        None => gid,
    }
}

/// One order object, at place `row` of what the sync read.
pub fn shopify_admin_order(row: u64, object: &Map<String, Value>) -> Result<OrderRecord, RowError> {
    let f = Fields::new(object, row);
    let gid = f.text("id")?;
    if gid.is_empty() {
        return Err(f.error("id", "the order has no id".to_string()));
    }
    let external_id = shopify_id(&gid).to_string();
    let number = match f.text("name")? {
        n if n.is_empty() => format!("#{external_id}"),
        n => n,
    };
    let currency = match f.text("currencyCode")? {
        code if code.is_empty() => {
            return Err(f.error("currencyCode", "the order has no currency".to_string()))
        }
        code => Currency::parse(&code).map_err(|e| f.error("currencyCode", e.to_string()))?,
    };
    let placed_at = f
        .date("createdAt")?
        .ok_or_else(|| f.error("createdAt", "the order has no creation date".to_string()))?;
    let financial = f.text("displayFinancialStatus")?;
    let fulfillment = match f.text("displayFulfillmentStatus")?.as_str() {
        "PARTIALLY_FULFILLED" => "partial".to_string(),
        other => other.to_string(),
    };
    let cancelled = f.date("cancelledAt")?.is_some();
    let paid_at = match financial.as_str() {
        "PAID" | "PARTIALLY_PAID" | "PARTIALLY_REFUNDED" | "REFUNDED" => {
            f.date("processedAt")?.or(Some(placed_at))
        }
        _ => None,
    };
    let parcel = Parcel::read(&f)?;
    let mut status = status(&financial, &fulfillment, cancelled);
    if status == OrderStatus::Fulfilled && parcel.delivered_at.is_some() {
        status = OrderStatus::Delivered;
    }
    let total_minor = money(&f, "totalPriceSet", currency)?;
    let refunded_minor = money(&f, "totalRefundedSet", currency)?;
    let mut lines = Vec::new();
    for (i, item) in line_items(&f)? {
        let item = f.nested(item, &format!("lineItems[{i}]"));
        if let Some(line) = read_line(&item, currency)? {
            lines.push(line);
        }
    }
    let shipping = address(&f, "shippingAddress")?;
    let billing = address(&f, "billingAddress")?;
    let buyer = buyer(&f, billing.clone(), shipping.clone())?;
    let attributes: Vec<String> = f
        .objects("customAttributes")?
        .into_iter()
        .map(|(i, a)| {
            let a = f.nested(a, &format!("customAttributes[{i}]"));
            Ok(format!("{}: {}", a.text("key")?, a.text("value")?))
        })
        .collect::<Result<_, RowError>>()?;
    Ok(OrderRecord {
        source: "shopify".to_string(),
        external_id: SourceId::Given(external_id),
        number,
        buyer,
        status,
        placed_at,
        paid_at,
        fulfilled_at: parcel.fulfilled_at,
        delivered_at: parcel.delivered_at,
        currency,
        subtotal_minor: money(&f, "subtotalPriceSet", currency)?,
        shipping_minor: money(&f, "totalShippingPriceSet", currency)?,
        discount_minor: money(&f, "totalDiscountsSet", currency)?.abs(),
        tax_minor: money(&f, "totalTaxSet", currency)?,
        total_minor,
        refunded_minor: if refunded_minor == 0 && status == OrderStatus::Refunded {
            total_minor
        } else {
            refunded_minor
        },
        shipping_method: match f.child("shippingLine")? {
            Some(line) => line.text("title")?,
            None => String::new(),
        },
        ship_to: shipping.or(billing).unwrap_or_default(),
        customer_note: f.text("note")?,
        gift_message: gift_message(&attributes.join("\n")),
        discount_codes: texts(&f, "discountCodes")?.join(", "),
        lines,
        shipment: parcel.shipment,
    })
}

/// One customer object, at place `row` of what the sync read.
pub fn shopify_admin_customer(
    row: u64,
    object: &Map<String, Value>,
) -> Result<CustomerRecord, RowError> {
    let f = Fields::new(object, row);
    let gid = f.text("id")?;
    if gid.is_empty() {
        return Err(f.error("id", "the customer has no id".to_string()));
    }
    customer(&f, shopify_id(&gid).to_string())
}

/// A customer object (top level, or an order's `customer`) with its id.
fn customer(f: &Fields<'_>, id: String) -> Result<CustomerRecord, RowError> {
    let (email, email_consent) = match f.child("defaultEmailAddress")? {
        Some(e) => (e.text("emailAddress")?, consent(&e.text("marketingState")?)),
        None => (f.text("email")?, None),
    };
    let (phone, sms_consent) = match f.child("defaultPhoneNumber")? {
        Some(p) => {
            let state = match p.child("smsMarketingConsent")? {
                Some(c) => c.text("state")?,
                None => p.text("marketingState")?,
            };
            (p.text("phoneNumber")?, consent(&state))
        }
        None => (f.text("phone")?, None),
    };
    let default_address = address(f, "defaultAddress")?;
    Ok(CustomerRecord {
        source: "shopify".to_string(),
        external_id: Some(id),
        first_name: f.text("firstName")?,
        last_name: f.text("lastName")?,
        company: default_address
            .as_ref()
            .map(|a| a.company.clone())
            .unwrap_or_default(),
        email: (!email.is_empty()).then_some(email),
        phones: if phone.is_empty() {
            vec![]
        } else {
            vec![phone]
        },
        country: default_address
            .as_ref()
            .and_then(|a| (!a.country.is_empty()).then(|| a.country.clone())),
        language: Some(f.text("locale")?).filter(|l| !l.is_empty()),
        addresses: default_address
            .map(|a| vec![("shipping".to_string(), a)])
            .unwrap_or_default(),
        tags: texts(f, "tags")?,
        note: f.text("note")?,
        email_consent,
        sms_consent,
        created_at: f.date("createdAt")?,
    })
}

/// Who placed the order: its customer, else a guest known by the order's
/// e-mail, phone and addresses.
fn buyer(
    f: &Fields<'_>,
    billing: Option<PostalAddress>,
    shipping: Option<PostalAddress>,
) -> Result<CustomerRecord, RowError> {
    let mut buyer = match f.child("customer")? {
        Some(c) => {
            let id = c.text("id")?;
            if id.is_empty() {
                CustomerRecord::default()
            } else {
                customer(&c, shopify_id(&id).to_string())?
            }
        }
        None => CustomerRecord::default(),
    };
    buyer.source = "shopify".to_string();
    let named = billing.as_ref().or(shipping.as_ref());
    if buyer.first_name.is_empty() && buyer.last_name.is_empty() {
        if let Some(a) = named {
            let (first, last) = crate::source::cells::split_name(&a.name);
            (buyer.first_name, buyer.last_name) = (first, last);
        }
    }
    if buyer.email.is_none() {
        buyer.email = Some(f.text("email")?).filter(|e| !e.is_empty());
    }
    let phone = f.text("phone")?;
    if !phone.is_empty() && !buyer.phones.contains(&phone) {
        buyer.phones.push(phone);
    }
    if buyer.language.is_none() {
        buyer.language = Some(f.text("customerLocale")?).filter(|l| !l.is_empty());
    }
    if buyer.country.is_none() {
        buyer.country = named.and_then(|a| (!a.country.is_empty()).then(|| a.country.clone()));
    }
    for (kind, a) in [("billing", billing), ("shipping", shipping)] {
        if let Some(a) = a {
            if !buyer.addresses.iter().any(|(_, known)| *known == a) {
                buyer.addresses.push((kind.to_string(), a));
            }
        }
    }
    Ok(buyer)
}

/// A marketing state as consent: subscribed is yes, (never or no longer)
/// subscribed is no; pending, invalid or redacted say nothing.
fn consent(state: &str) -> Option<bool> {
    match state {
        "SUBSCRIBED" => Some(true),
        "NOT_SUBSCRIBED" | "UNSUBSCRIBED" => Some(false),
        _ => None,
    }
}

/// The line items: `lineItems.nodes`, or `lineItems.edges[].node`.
fn line_items<'v>(f: &Fields<'v>) -> Result<Vec<IndexedObject<'v>>, RowError> {
    let Some(items) = f.child("lineItems")? else {
        return Ok(Vec::new());
    };
    if !items.list("edges")?.is_empty() {
        return items
            .objects("edges")?
            .into_iter()
            .map(|(i, edge)| {
                let edge = items.nested(edge, &format!("edges[{i}]"));
                edge.object("node")?
                    .map(|node| (i, node))
                    .ok_or_else(|| edge.error("node", "the edge has no node".to_string()))
            })
            .collect();
    }
    items.objects("nodes")
}

/// One line item; `None` when nothing is left of it to pack.
fn read_line(item: &Fields<'_>, currency: Currency) -> Result<Option<LineRecord>, RowError> {
    let left = match item.text("currentQuantity")? {
        q if q.is_empty() => item.quantity("quantity")?,
        q if q == "0" => return Ok(None),
        _ => item.quantity("currentQuantity")?,
    };
    let title = item.text("title")?;
    let (name, variant) = match item.text("variantTitle")? {
        v if !v.is_empty() && !title.is_empty() => (title, v),
        _ => {
            let full = item.text("name")?;
            let (name, variant) = split_variant(&full);
            (name.to_string(), variant.to_string())
        }
    };
    let sku = match item.text("sku")? {
        s if s.is_empty() => match item.child("variant")? {
            Some(v) => v.text("sku")?,
            None => s,
        },
        s => s,
    };
    Ok(Some(LineRecord {
        sku,
        name,
        variant,
        quantity: left,
        unit_price_minor: money(item, "originalUnitPriceSet", currency)?,
    }))
}

/// `key.shopMoney.amount` in minor units of `currency`; absent is 0.
fn money(f: &Fields<'_>, key: &str, currency: Currency) -> Result<i64, RowError> {
    let Some(bag) = f.child(key)? else {
        return Ok(0);
    };
    let Some(shop) = bag.child("shopMoney")? else {
        return Ok(0);
    };
    let code = shop.text("currencyCode")?;
    if !code.is_empty() && !code.eq_ignore_ascii_case(currency.code()) {
        return Err(shop.error(
            "currencyCode",
            format!("{key} is in {code}, the order in {}", currency.code()),
        ));
    }
    shop.amount("amount", currency)
}

/// The texts of the list at `key`.
fn texts(f: &Fields<'_>, key: &str) -> Result<Vec<String>, RowError> {
    f.list(key)?
        .iter()
        .enumerate()
        .map(|(i, v)| match v {
            Value::String(s) => Ok(s.trim().to_string()),
            _ => Err(f.error(&format!("{key}[{i}]"), format!("{key}[{i}] is not text"))),
        })
        .filter(|t| !matches!(t, Ok(s) if s.is_empty()))
        .collect()
}

/// A mailing address at `key`; `None` when absent or without street, city
/// and postal code.
fn address(f: &Fields<'_>, key: &str) -> Result<Option<PostalAddress>, RowError> {
    let Some(a) = f.child(key)? else {
        return Ok(None);
    };
    let name = match a.text("name")? {
        n if n.is_empty() => [a.text("firstName")?, a.text("lastName")?]
            .into_iter()
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join(" "),
        n => n,
    };
    let country = match a.text("countryCodeV2")? {
        c if c.is_empty() => {
            let named = a.text("country")?;
            country_code(&named).unwrap_or(named)
        }
        c => c,
    };
    let address = PostalAddress {
        name,
        company: a.text("company")?,
        line1: a.text("address1")?,
        line2: a.text("address2")?,
        postal_code: a.text("zip")?,
        city: a.text("city")?,
        region: match a.text("provinceCode")? {
            r if r.is_empty() => a.text("province")?,
            r => r,
        },
        country,
    };
    let blank =
        address.line1.is_empty() && address.city.is_empty() && address.postal_code.is_empty();
    Ok((!blank).then_some(address))
}

/// What the fulfilments say of the parcel.
#[derive(Default)]
struct Parcel {
    fulfilled_at: Option<DateTime<Utc>>,
    delivered_at: Option<DateTime<Utc>>,
    shipment: Shipment,
}

impl Parcel {
    fn read(f: &Fields<'_>) -> Result<Parcel, RowError> {
        let mut parcel = Parcel::default();
        let mut latest: Option<Option<DateTime<Utc>>> = None;
        for (i, ful) in f.objects("fulfillments")? {
            let ful = f.nested(ful, &format!("fulfillments[{i}]"));
            if matches!(
                ful.text("status")?.as_str(),
                "CANCELLED" | "ERROR" | "FAILURE"
            ) {
                continue;
            }
            let created = ful.date("createdAt")?;
            if let Some(at) = created {
                parcel.fulfilled_at = Some(parcel.fulfilled_at.map_or(at, |f| f.min(at)));
            }
            let delivered = match ful.date("deliveredAt")? {
                None if ful.text("displayStatus")? == "DELIVERED" => ful.date("updatedAt")?,
                d => d,
            };
            if let Some(at) = delivered {
                parcel.delivered_at = Some(parcel.delivered_at.map_or(at, |d| d.max(at)));
            }
            // The parcel is the latest fulfilment's.
            if latest.is_some_and(|l| created < l) {
                continue;
            }
            latest = Some(created);
            let first = ful
                .objects("trackingInfo")?
                .first()
                .map(|(i, t)| ful.nested(t, &format!("trackingInfo[{i}]")));
            let (carrier, tracking_number) = match &first {
                Some(t) => (t.text("company")?, t.text("number")?),
                None => (String::new(), String::new()),
            };
            parcel.shipment = Shipment {
                carrier,
                tracking_number,
                in_transit_at: ful.date("inTransitAt")?,
                expected_at: ful.date("estimatedDeliveryAt")?,
            };
        }
        Ok(parcel)
    }
}
