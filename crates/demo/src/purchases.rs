//! Who buys how often, and when. Most customers buy once; some come back two to
//! five times; a few loyal customers and small resellers buy twenty times or more
//! (a heavy-tailed mix, as in real shops). The counts are then nudged so that they
//! add up to exactly the number of orders asked for.

use crate::calendar::ShopCalendar;
use crate::country::Country;
use crate::weighted::{by_share, WeightedTable};
use chrono::{DateTime, Utc};
use rand::Rng;

/// An order before it is filled in: when it was placed and by which customer
/// (index into the customer list).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct PlacedOrder {
    /// When.
    pub at: DateTime<Utc>,
    /// Who.
    pub customer: u32,
}

/// How many orders one customer places, before scaling to the total.
fn natural_count(rng: &mut impl Rng) -> u32 {
    let r: u32 = rng.random_range(0..1000);
    match r {
        0..=599 => 1,
        600..=899 => *by_share(&[(2, 45), (3, 28), (4, 17), (5, 10)], rng),
        900..=979 => {
            // 6–19, the low end more likely.
            let u: f64 = rng.random();
            6 + (14.0 * u * u) as u32
        }
        _ => {
            // Pareto tail with α = 2 from 20 up; `sqrt` is exact in IEEE 754, so
            // this is the same on every platform.
            let u: f64 = 1.0 - rng.random::<f64>();
            ((20.0 / u.sqrt()) as u32).min(250)
        }
    }
}

/// Orders per customer, adding up to `orders`. When there are fewer orders than
/// customers, some customers have none; otherwise everyone has at least one.
pub(crate) fn order_counts(rng: &mut impl Rng, customers: usize, orders: usize) -> Vec<u32> {
    if customers == 0 {
        return Vec::new();
    }
    if orders < customers {
        let mut counts = vec![0u32; customers];
        for c in counts.iter_mut().take(orders) {
            *c = 1;
        }
        return counts;
    }
    let mut counts: Vec<u32> = (0..customers).map(|_| natural_count(rng)).collect();
    let total: usize = counts.iter().map(|&c| c as usize).sum();
    if total < orders {
        // Share the missing orders among returning customers, in proportion to
        // how much they buy already: the loyal get more loyal.
        let returning: Vec<usize> = (0..customers).filter(|&i| counts[i] > 1).collect();
        let pool: Vec<usize> = if returning.is_empty() {
            (0..customers).collect()
        } else {
            returning
        };
        let table = WeightedTable::new(pool.iter().map(|&i| u64::from(counts[i])));
        for _ in total..orders {
            counts[pool[table.pick(rng)]] += 1;
        }
    } else {
        // Take the extra orders back from returning customers, never below one.
        let mut extra = total - orders;
        while extra > 0 {
            let i = rng.random_range(0..customers);
            if counts[i] > 1 {
                counts[i] -= 1;
                extra -= 1;
            }
        }
    }
    counts
}

/// Every order's time and customer, in the order they were placed.
pub(crate) fn placed_orders(
    rng: &mut impl Rng,
    calendar: &ShopCalendar,
    countries: &[Country],
    counts: &[u32],
) -> Vec<PlacedOrder> {
    let total: usize = counts.iter().map(|&c| c as usize).sum();
    let mut placed = Vec::with_capacity(total);
    for (i, (&country, &count)) in countries.iter().zip(counts).enumerate() {
        for _ in 0..count {
            placed.push(PlacedOrder {
                at: calendar.order_time(country, rng),
                customer: i as u32,
            });
        }
    }
    placed.sort_unstable();
    placed
}

/// Each customer's first order time, `None` for customers without orders.
pub(crate) fn first_order_times(
    placed: &[PlacedOrder],
    customers: usize,
) -> Vec<Option<DateTime<Utc>>> {
    let mut first = vec![None; customers];
    // `placed` is sorted by time, so the first one seen is the earliest.
    for p in placed {
        let slot = &mut first[p.customer as usize];
        if slot.is_none() {
            *slot = Some(p.at);
        }
    }
    first
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::SeedableRng;
    use rand_chacha::ChaCha8Rng;

    #[test]
    fn counts_add_up_to_the_orders_asked_for() {
        let mut rng = ChaCha8Rng::seed_from_u64(2);
        for (customers, orders) in [(2400, 7000), (1000, 1000), (100, 50), (10, 5000), (0, 0)] {
            let counts = order_counts(&mut rng, customers, orders);
            assert_eq!(counts.len(), customers);
            assert_eq!(
                counts.iter().map(|&c| c as usize).sum::<usize>(),
                orders,
                "{customers}/{orders}"
            );
            if orders >= customers {
                assert!(
                    counts.iter().all(|&c| c >= 1),
                    "{customers}/{orders}: someone has no order"
                );
            }
        }
    }
}
