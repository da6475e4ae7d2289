//! Orders as the shop's platform would export them: numbered `#1001` upward in the
//! order they were placed, one to five lines from the catalogue, prices in the
//! customer's currency, shipping by the country's carriers (free above a
//! threshold), discount codes, VAT included, status from the order's age, and now
//! and then a note or a gift message from the customer.

use crate::catalogue::{Catalogue, Product};
use crate::customers::Buyer;
use crate::fulfilment;
use crate::parallel::map_in_order;
use crate::purchases::PlacedOrder;
use crate::shipping;
use crate::texts;
use crate::weighted::by_share;
use chrono::{DateTime, Datelike, Utc};
use courtesy_core::PostalAddress;
use courtesy_core::{Money, OrderStatus};
use courtesy_store::{NewOrder, NewOrderLine};
use rand::Rng;

/// The first order number.
const FIRST_NUMBER: usize = 1001;

/// The week from Black Friday on (roughly: the last week of November).
fn black_week(at: DateTime<Utc>) -> bool {
    at.month() == 11 && at.day() >= 24
}

/// Lines of one order: distinct products, mostly one or two of each; wholesale
/// customers buy by the box.
fn lines(catalogue: &Catalogue, buyer: &Buyer, rng: &mut impl Rng) -> Vec<NewOrderLine> {
    let wanted = *by_share(&[(1, 45), (2, 28), (3, 15), (4, 8), (5, 4)], rng);
    let list = buyer.country.price_list();
    let mut chosen: Vec<&Product> = Vec::with_capacity(wanted);
    for _ in 0..4 * wanted {
        if chosen.len() == wanted {
            break;
        }
        let p = catalogue.bestseller(rng);
        if !chosen.iter().any(|c| c.sku == p.sku) {
            chosen.push(p);
        }
    }
    chosen
        .into_iter()
        .map(|p| NewOrderLine {
            sku: p.sku.to_string(),
            name: p.name.to_string(),
            variant: p.variant.to_string(),
            quantity: if buyer.wholesale {
                rng.random_range(6..=24)
            } else {
                *by_share(&[(1, 78), (2, 16), (3, 4), (4, 1), (6, 1)], rng)
            },
            unit_price_minor: p.price(list),
        })
        .collect()
}

/// The discount code used, if any, and its percentage.
fn discount_code(
    buyer: &Buyer,
    nth: u32,
    at: DateTime<Utc>,
    rng: &mut impl Rng,
) -> Option<(&'static str, i64)> {
    if buyer.wholesale {
        Some(("WHOLESALE25", 25))
    } else if nth == 1 && rng.random_bool(0.1) {
        Some(("WELCOME10", 10))
    } else if buyer.vip && rng.random_bool(0.25) {
        Some(("VIP15", 15))
    } else if black_week(at) && rng.random_bool(0.4) {
        Some(("BLACKWEEK20", 20))
    } else if rng.random_bool(0.03) {
        Some(("NEWSLETTER10", 10))
    } else {
        None
    }
}

/// Share `per_mille` of VAT contained in a gross amount, rounded half up.
fn vat_included(gross: i64, per_mille: i64) -> i64 {
    (gross * per_mille * 2 + (1000 + per_mille)) / (2 * (1000 + per_mille))
}

/// Order number `seq` (0-based) of the whole shop, the `nth` of its customer.
fn order(
    seq: usize,
    placed: &PlacedOrder,
    buyer: &Buyer,
    nth: u32,
    catalogue: &Catalogue,
    now: DateTime<Utc>,
    rng: &mut impl Rng,
) -> NewOrder {
    let country = buyer.country;
    let currency = country.currency();
    let money = |minor| Money::new(minor, currency);
    let lines = lines(catalogue, buyer, rng);
    let subtotal: i64 = lines.iter().map(|l| l.quantity * l.unit_price_minor).sum();
    let code = discount_code(buyer, nth, placed.at, rng);
    let discount = code.map_or(0, |(_, pct)| (subtotal * pct + 50) / 100);
    let carrier = shipping::pick(country, rng);
    let free = shipping::free_from(country).is_some_and(|from| subtotal - discount >= from);
    let shipping = if free { 0 } else { carrier.price };
    let total = subtotal + shipping - discount;
    let tax = vat_included(total, country.vat_per_mille(placed.at));
    let timeline = fulfilment::timeline(placed.at, carrier, now, rng);
    let customer = &buyer.customer;
    let ship_to = customer
        .addresses
        .iter()
        .find(|a| a.kind == "shipping")
        .map(|a| a.postal.clone())
        .unwrap_or_else(|| PostalAddress {
            country: country.code().to_string(),
            ..PostalAddress::default()
        });
    let customer_note = if rng.random_bool(0.05) {
        texts::customer_note(country, rng).to_string()
    } else {
        String::new()
    };
    let gift_message = if !buyer.wholesale && rng.random_bool(0.04) {
        texts::gift_message(country, &customer.first_name, placed.at, rng)
    } else {
        String::new()
    };
    let refunded = match timeline.status {
        OrderStatus::Refunded => total,
        // Now and then a delivered order had one line returned and paid back.
        OrderStatus::Delivered if seq % PARTIAL_REFUND_EVERY == 7 && lines.len() > 1 => lines
            .last()
            .map_or(0, |l| l.unit_price_minor.saturating_mul(l.quantity)),
        _ => 0,
    };
    NewOrder {
        source: "demo".to_string(),
        external_id: Some(format!("O{:04}", seq + 1)),
        customer_external_id: customer.external_id.clone(),
        number: format!("#{}", FIRST_NUMBER + seq),
        status: timeline.status,
        placed_at: placed.at,
        paid_at: timeline.paid_at,
        fulfilled_at: timeline.fulfilled_at,
        delivered_at: timeline.delivered_at,
        subtotal: money(subtotal),
        shipping: money(shipping),
        discount: money(discount),
        tax: money(tax),
        total: money(total),
        refunded: money(refunded),
        shipping_method: carrier.name.to_string(),
        ship_to,
        customer_note,
        gift_message,
        discount_codes: code.map(|(c, _)| c.to_string()).unwrap_or_default(),
        shipment: Default::default(),
        lines,
    }
}

/// One delivered order in this many (with more than one line) had a line paid back.
const PARTIAL_REFUND_EVERY: usize = 41;

/// Orders per piece of work; each piece has its own random stream, so the shop
/// is the same however many threads share the pieces.
const PIECE: usize = 32_768;

/// All orders, in the order they were placed (`placed` is sorted by time); piece
/// `k` of the work draws from `stream(k)`.
pub(crate) fn generate<R: Rng>(
    stream: impl Fn(u64) -> R + Sync,
    now: DateTime<Utc>,
    catalogue: &Catalogue,
    buyers: &[Buyer],
    placed: &[PlacedOrder],
) -> Vec<NewOrder> {
    // Which of its customer's orders each one is (first, second...).
    let mut so_far = vec![0u32; buyers.len()];
    let nth: Vec<u32> = placed
        .iter()
        .map(|p| {
            let n = &mut so_far[p.customer as usize];
            *n += 1;
            *n
        })
        .collect();
    let pieces: Vec<usize> = (0..placed.len().div_ceil(PIECE)).collect();
    let done = map_in_order(pieces, |k| {
        let mut rng = stream(k as u64);
        let from = k * PIECE;
        let to = (from + PIECE).min(placed.len());
        (from..to)
            .map(|seq| {
                let p = &placed[seq];
                order(
                    seq,
                    p,
                    &buyers[p.customer as usize],
                    nth[seq],
                    catalogue,
                    now,
                    &mut rng,
                )
            })
            .collect::<Vec<_>>()
    });
    let mut orders = Vec::with_capacity(placed.len());
    for piece in done {
        orders.extend(piece);
    }
    orders
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vat_is_the_included_share_rounded_half_up() {
        assert_eq!(vat_included(12_300, 230), 2_300);
        assert_eq!(vat_included(100, 230), 19);
        assert_eq!(vat_included(12_550, 255), 2_550);
        assert_eq!(vat_included(5_000, 0), 0);
    }
}
