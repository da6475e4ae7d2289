//! The lines an import and a sync both end with: what came in, and what
//! followed it (calls queued or closed, gifts planned).

use courtesy_store::{GiftPlanCounts, ImportCounts, RefreshCounts};

/// New, updated and unchanged customers and orders.
pub fn print_counts(c: &ImportCounts) {
    println!(
        "  customers: {} new, {} updated, {} unchanged",
        c.customers_new, c.customers_updated, c.customers_unchanged
    );
    println!(
        "  orders:    {} new, {} updated, {} unchanged",
        c.orders_new, c.orders_updated, c.orders_unchanged
    );
}

/// The calls and gifts that followed, when there were any.
pub fn print_follow_up(calls: &RefreshCounts, gifts: &GiftPlanCounts) {
    if calls.created + calls.closed > 0 {
        println!(
            "  calls:     {} queued, {} closed",
            calls.created, calls.closed
        );
    }
    if gifts.orders > 0 {
        println!(
            "  gifts:     {} planned for {} orders, {} cards to write",
            gifts.gifts, gifts.orders, gifts.cards
        );
    }
}
