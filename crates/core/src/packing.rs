//! Whether an order may be packed at the bench: not when it is cancelled or
//! refunded (take it out of the parcel), not twice. The store refuses packing by
//! this rule and the dispatch desk shows it when the order is scanned.

use crate::OrderStatus;
use serde::Serialize;
use ts_rs::TS;

/// What the bench may do with an order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(
    tag = "kind",
    rename_all = "camelCase",
    rename_all_fields = "camelCase"
)]
pub enum PackVerdict {
    /// Pack it.
    MayPack,
    /// It is cancelled or refunded: do not pack it.
    DoNotPack {
        /// Its status.
        status: OrderStatus,
    },
    /// It was packed already.
    AlreadyPacked {
        /// When (UTC, ISO 8601).
        at: String,
        /// By whom.
        by: String,
    },
}

/// The verdict on an order of `status`, packed at `packed_at` by `packed_by`
/// (if it was). A cancelled or refunded order is refused first: whether or not
/// it was packed, it must not leave.
pub fn pack_verdict(status: OrderStatus, packed_at: Option<&str>, packed_by: &str) -> PackVerdict {
    match (status, packed_at) {
        (OrderStatus::Cancelled | OrderStatus::Refunded, _) => PackVerdict::DoNotPack { status },
        (_, Some(at)) => PackVerdict::AlreadyPacked {
            at: at.to_string(),
            by: packed_by.to_string(),
        },
        (_, None) => PackVerdict::MayPack,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cancelled_and_refunded_orders_are_refused_then_packed_ones() {
        for status in [OrderStatus::Cancelled, OrderStatus::Refunded] {
            assert_eq!(
                pack_verdict(status, None, ""),
                PackVerdict::DoNotPack { status }
            );
            assert_eq!(
                pack_verdict(status, Some("2026-11-21T09:30:00Z"), "Ola"),
                PackVerdict::DoNotPack { status },
                "a cancelled order must come out of the parcel even if it was packed"
            );
        }
        assert_eq!(
            pack_verdict(OrderStatus::Paid, Some("2026-11-21T09:30:00Z"), "Ola"),
            PackVerdict::AlreadyPacked {
                at: "2026-11-21T09:30:00Z".into(),
                by: "Ola".into()
            }
        );
        for status in [
            OrderStatus::Open,
            OrderStatus::Paid,
            OrderStatus::Fulfilled,
            OrderStatus::Delivered,
        ] {
            assert_eq!(pack_verdict(status, None, ""), PackVerdict::MayPack);
        }
    }
}
