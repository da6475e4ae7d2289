//! Packing an order at the desk: marked packed, and its slip printed on the
//! desk's printer if none was printed yet (a failed print does not undo the
//! packing; the desk is told).

use crate::batch::print_slips;
use crate::error::DispatchError;
use courtesy_slip::PageSize;
use courtesy_store::{Actor, SlipFilter, SlipOrder, Store};

/// What happened to the slip when the order was packed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SlipOnPacking {
    /// A slip had been printed before.
    AlreadyPrinted,
    /// Printed now on this printer.
    Printed {
        /// The queue.
        printer: String,
    },
    /// Printing failed; the order is packed all the same.
    NotPrinted {
        /// Why, in words.
        reason: String,
    },
}

/// An order packed.
#[derive(Debug, Clone)]
pub struct PackOutcome {
    /// The order as it is now.
    pub order: SlipOrder,
    /// The slip.
    pub slip: SlipOnPacking,
}

/// Marks `order_id` packed and prints its slip on `printer` (the system
/// default when `None`) in `size` when it has none.
pub fn pack_order(
    store: &Store,
    order_id: i64,
    size: PageSize,
    printer: Option<&str>,
    actor: &Actor,
) -> Result<PackOutcome, DispatchError> {
    let order = store.mark_packed(order_id, actor)?;
    if order.prints > 0 {
        return Ok(PackOutcome {
            order,
            slip: SlipOnPacking::AlreadyPrinted,
        });
    }
    let filter = SlipFilter {
        statuses: vec![order.status],
        order_ids: Some(vec![order_id]),
        ..SlipFilter::default()
    };
    let slip = match print_slips(store, &filter, size, printer, actor) {
        Ok(done) => SlipOnPacking::Printed {
            printer: done.printer.unwrap_or_default(),
        },
        Err(e) => SlipOnPacking::NotPrinted {
            reason: e.to_string(),
        },
    };
    let order = store.slip_order(order_id)?;
    Ok(PackOutcome { order, slip })
}
