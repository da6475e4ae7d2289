//! Orders: totals that add up, times in order with the status they imply, and
//! a realistic spread of repeat purchases.

use super::{demo, now};
use courtesy_core::OrderStatus;
use std::collections::HashMap;

#[test]
fn order_totals_add_up() {
    for o in &demo().orders {
        let lines: i64 = o
            .lines
            .iter()
            .map(|l| l.quantity * l.unit_price_minor)
            .sum();
        assert!(
            (1..=5).contains(&o.lines.len()),
            "{} has {} lines",
            o.number,
            o.lines.len()
        );
        assert_eq!(
            o.subtotal.minor, lines,
            "{}: subtotal is not the sum of lines",
            o.number
        );
        assert_eq!(
            o.total.minor,
            o.subtotal.minor + o.shipping.minor - o.discount.minor,
            "{}: total",
            o.number
        );
        assert!(
            o.discount.minor >= 0 && o.discount.minor <= o.subtotal.minor,
            "{}: discount",
            o.number
        );
        assert!(
            o.tax.minor >= 0 && o.tax.minor < o.total.minor,
            "{}: tax",
            o.number
        );
        let cur = o.total.currency;
        assert!(
            [o.subtotal, o.shipping, o.discount, o.tax]
                .iter()
                .all(|m| m.currency == cur),
            "{}: currencies",
            o.number
        );
        let expected = match o.ship_to.country.as_str() {
            "PL" => "PLN",
            "GB" => "GBP",
            "US" => "USD",
            _ => "EUR",
        };
        assert_eq!(
            cur.code(),
            expected,
            "{} to {}",
            o.number,
            o.ship_to.country
        );
    }
}

#[test]
fn order_times_are_ordered_and_statuses_match_them() {
    let now = now();
    let two_years_ago = now - chrono::TimeDelta::days(731);
    let mut previous = two_years_ago;
    let mut statuses: HashMap<OrderStatus, usize> = HashMap::new();
    for (i, o) in demo().orders.iter().enumerate() {
        assert_eq!(
            o.number,
            format!("#{}", 1001 + i),
            "numbers follow placing order"
        );
        assert!(
            o.placed_at >= previous && o.placed_at < now,
            "{} placed at {}",
            o.number,
            o.placed_at
        );
        previous = o.placed_at;
        let times = [Some(o.placed_at), o.paid_at, o.fulfilled_at, o.delivered_at];
        let known: Vec<_> = times.iter().flatten().collect();
        assert!(
            known.windows(2).all(|w| w[0] <= w[1]) && known.iter().all(|t| **t <= now),
            "{}: {times:?}",
            o.number
        );
        match o.status {
            OrderStatus::Delivered | OrderStatus::Refunded => {
                assert!(o.delivered_at.is_some(), "{}", o.number)
            }
            OrderStatus::Fulfilled => assert!(
                o.fulfilled_at.is_some() && o.delivered_at.is_none(),
                "{}",
                o.number
            ),
            OrderStatus::Paid => assert!(
                o.paid_at.is_some() && o.fulfilled_at.is_none(),
                "{}",
                o.number
            ),
            OrderStatus::Open => assert!(o.fulfilled_at.is_none(), "{}", o.number),
            OrderStatus::Cancelled => assert!(o.fulfilled_at.is_none(), "{}", o.number),
        }
        *statuses.entry(o.status).or_default() += 1;
    }
    let share = |s| *statuses.get(&s).unwrap_or(&0) as f64 / demo().orders.len() as f64;
    assert!(share(OrderStatus::Delivered) > 0.8, "{statuses:?}");
    assert!(
        (0.015..0.05).contains(&share(OrderStatus::Cancelled)),
        "{statuses:?}"
    );
    assert!(
        (0.003..0.02).contains(&share(OrderStatus::Refunded)),
        "{statuses:?}"
    );
}

#[test]
fn most_customers_buy_once_and_a_few_buy_very_often() {
    let shop = demo();
    let mut per_customer: HashMap<&str, usize> = HashMap::new();
    for o in &shop.orders {
        *per_customer
            .entry(o.customer_external_id.as_deref().unwrap_or(""))
            .or_default() += 1;
    }
    assert_eq!(
        per_customer.len(),
        shop.customers.len(),
        "every customer has an order"
    );
    let n = shop.customers.len() as f64;
    let once = per_customer.values().filter(|&&c| c == 1).count() as f64 / n;
    let often = per_customer.values().filter(|&&c| c >= 10).count() as f64 / n;
    let max = per_customer.values().max().copied().unwrap_or(0);
    assert!((0.45..=0.75).contains(&once), "{once:.3} bought once");
    assert!(often >= 0.01, "{often:.3} bought 10 times or more");
    assert!(max >= 20, "the best customer bought only {max} times");
}
