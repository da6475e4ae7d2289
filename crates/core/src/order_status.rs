//! The life of an order, from placed to delivered (or cancelled / refunded).

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Where an order stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum OrderStatus {
    /// Placed, not paid yet.
    Open,
    /// Paid, waiting to be packed.
    Paid,
    /// Shipped.
    Fulfilled,
    /// Arrived at the customer.
    Delivered,
    /// Called off before shipping.
    Cancelled,
    /// Money returned.
    Refunded,
}

impl OrderStatus {
    /// The value stored in the database.
    pub fn as_str(&self) -> &'static str {
        match self {
            OrderStatus::Open => "open",
            OrderStatus::Paid => "paid",
            OrderStatus::Fulfilled => "fulfilled",
            OrderStatus::Delivered => "delivered",
            OrderStatus::Cancelled => "cancelled",
            OrderStatus::Refunded => "refunded",
        }
    }

    /// Reads a stored value.
    pub fn parse(s: &str) -> Option<OrderStatus> {
        Some(match s {
            "open" => OrderStatus::Open,
            "paid" => OrderStatus::Paid,
            "fulfilled" => OrderStatus::Fulfilled,
            "delivered" => OrderStatus::Delivered,
            "cancelled" => OrderStatus::Cancelled,
            "refunded" => OrderStatus::Refunded,
            _ => return None,
        })
    }

    /// The statuses of orders that count as purchases.
    pub const PURCHASES: [OrderStatus; 3] = [
        OrderStatus::Paid,
        OrderStatus::Fulfilled,
        OrderStatus::Delivered,
    ];

    /// Whether the order counts towards what the customer has spent.
    pub fn counts_as_purchase(&self) -> bool {
        Self::PURCHASES.contains(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statuses_round_trip_through_their_stored_text() {
        for s in [
            OrderStatus::Open,
            OrderStatus::Paid,
            OrderStatus::Fulfilled,
            OrderStatus::Delivered,
            OrderStatus::Cancelled,
            OrderStatus::Refunded,
        ] {
            assert_eq!(OrderStatus::parse(s.as_str()), Some(s));
        }
        assert_eq!(OrderStatus::parse("shipped"), None);
        assert!(!OrderStatus::Refunded.counts_as_purchase());
        assert!(OrderStatus::Delivered.counts_as_purchase());
    }
}
