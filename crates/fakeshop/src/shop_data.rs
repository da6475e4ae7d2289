//! The shop the fake server serves: the demo shop's customers and orders,
//! each given the numeric id a shop platform would, with every fourth
//! customer a guest (no account, known only from their orders), and the
//! moment each record last changed.

use chrono::{DateTime, Utc};
use courtesy_demo::{generate, Scale};
use courtesy_store::{NewCustomer, NewOrder};

/// A customer as the shop holds them.
pub struct ShopCustomer {
    /// The platform's numeric id.
    pub id: u64,
    /// A guest has no account: no id in orders, not in the customer list.
    pub guest: bool,
    /// What the demo generated.
    pub record: NewCustomer,
}

/// An order as the shop holds it.
pub struct ShopOrder {
    /// The platform's numeric id.
    pub id: u64,
    /// Index into [`Shop::customers`].
    pub customer: usize,
    /// When it last changed.
    pub updated: DateTime<Utc>,
    /// What the demo generated.
    pub record: NewOrder,
}

/// The whole shop.
pub struct Shop {
    /// Its name, as the platform reports it.
    pub name: String,
    /// Its currency.
    pub currency: String,
    /// Every customer, guests too.
    pub customers: Vec<ShopCustomer>,
    /// Every order, oldest change first.
    pub orders: Vec<ShopOrder>,
}

impl Shop {
    /// `orders` orders over a third as many customers, the same for the
    /// same `seed` and `now`.
    pub fn generate(orders: usize, seed: u64, now: DateTime<Utc>) -> Shop {
        let demo = generate(
            now,
            seed,
            Scale {
                customers: (orders / 3).max(1),
                orders,
            },
        );
        let index: std::collections::HashMap<String, usize> = demo
            .customers
            .iter()
            .enumerate()
            .filter_map(|(i, c)| c.external_id.clone().map(|id| (id, i)))
            .collect();
        let customers = demo
            .customers
            .into_iter()
            .enumerate()
            .map(|(i, record)| ShopCustomer {
                id: i as u64 + 1,
                guest: i % 4 == 3,
                record,
            })
            .collect();
        let mut orders: Vec<ShopOrder> = demo
            .orders
            .into_iter()
            .enumerate()
            .map(|(i, record)| {
                let updated = [record.paid_at, record.fulfilled_at, record.delivered_at]
                    .into_iter()
                    .flatten()
                    .fold(record.placed_at, DateTime::max)
                    .min(now);
                ShopOrder {
                    id: i as u64 + 1,
                    customer: record
                        .customer_external_id
                        .as_ref()
                        .and_then(|c| index.get(c).copied())
                        .unwrap_or(0),
                    updated,
                    record,
                }
            })
            .collect();
        orders.sort_by_key(|o| (o.updated, o.id));
        let currency = orders
            .first()
            .map(|o| o.record.total.currency.code().to_string())
            .unwrap_or_else(|| "PLN".to_string());
        Shop {
            name: "Herbaciarnia Pod Lipą".to_string(),
            currency,
            customers,
            orders,
        }
    }

    /// The orders changed at or after `since` (all of them without one).
    pub fn orders_since(&self, since: Option<DateTime<Utc>>) -> Vec<&ShopOrder> {
        self.orders
            .iter()
            .filter(|o| since.is_none_or(|s| o.updated >= s))
            .collect()
    }

    /// The customers with an account.
    pub fn accounts(&self) -> Vec<&ShopCustomer> {
        self.customers.iter().filter(|c| !c.guest).collect()
    }

    /// The customer of `order`.
    pub fn buyer(&self, order: &ShopOrder) -> &ShopCustomer {
        &self.customers[order.customer]
    }
}

/// Splits "Anna Maria Nowak" into ("Anna Maria", "Nowak").
pub fn split_name(name: &str) -> (&str, &str) {
    match name.trim().rsplit_once(' ') {
        Some((first, last)) => (first, last),
        None => (name.trim(), ""),
    }
}
