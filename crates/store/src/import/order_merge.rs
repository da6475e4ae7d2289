//! Which stored order an imported one is, and what a newer export may change
//! in it.
//!
//! Within one source an order is known by its id there and by its number:
//! the stored order with the same id *and* the same number, else the one with
//! the same number. An id is never trusted over a number: a spreadsheet that
//! rounded a column of 13-digit ids gives many orders one "id", and an order
//! found by such an id but with another number is a different order. That is a
//! conflict: the imported order is kept as an order of its own, known by its
//! number, and the row is reported; nothing of either order is overwritten.
//! An order stored by its number gets its id once an export with a usable id
//! arrives, so importing the spreadsheet's copy first and the shop's own export
//! later still makes one order of each.

use crate::audit::{record, Actor};
use crate::db::{params, Connection, OptionalExtension};
use crate::error::Result;
use crate::import::bulk::{number_key, NewOrder};
use crate::import::import_runs::RowProblem;
use crate::import::known_keys::KnownKeys;
use crate::time::to_db;
use serde_json::json;

/// What an imported order is in the database.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum OrderMatch {
    /// A stored order, with its customer.
    Existing {
        /// The stored order.
        id: i64,
        /// Its customer.
        customer: Option<i64>,
    },
    /// No stored order: insert it under `key`.
    New {
        /// Its id in the source, or its number key.
        key: String,
    },
}

/// Finds the stored order an imported one is (see the module docs). `row` is
/// where the order starts in the file: a conflict is reported there.
pub(crate) fn find_order(
    conn: &Connection,
    o: &NewOrder,
    row: i64,
    known: &mut KnownKeys,
    conflicts: &mut Vec<RowProblem>,
) -> Result<OrderMatch> {
    let mut usable_id = o.external_id.as_deref();
    if let Some(id) = usable_id.filter(|id| known.may_have_order(&o.source, id)) {
        let found: Option<(i64, Option<i64>, String)> = conn
            .prepare_cached(
                "SELECT id, customer_id, number FROM orders WHERE source = ?1 AND external_id = ?2",
            )?
            .query_row(params![o.source, id], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?))
            })
            .optional()?;
        match found {
            Some((stored, customer, number)) if number == o.number => {
                return Ok(OrderMatch::Existing {
                    id: stored,
                    customer,
                })
            }
            Some((_, _, number)) => {
                conflicts.push(RowProblem::note(
                    row,
                    None,
                    format!(
                        "order {} has the id {id}, which order {number} has too; it was \
                         imported as an order of its own, known by its number",
                        o.number
                    ),
                ));
                usable_id = None;
            }
            None => {}
        }
    }
    if known.may_have_number(&o.source, &o.number) {
        let found: Option<(i64, Option<i64>, String)> = conn
            .prepare_cached(
                "SELECT id, customer_id, external_id FROM orders WHERE number = ?2 AND source = ?1
                 ORDER BY id LIMIT 1",
            )?
            .query_row(params![o.source, o.number], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?))
            })
            .optional()?;
        if let Some((id, customer, key)) = found {
            if let Some(new_key) = usable_id.filter(|_| key == number_key(&o.number)) {
                // Stored by its number; the order's own id is free (it was not found above).
                conn.prepare_cached("UPDATE orders SET external_id = ?2 WHERE id = ?1")?
                    .execute(params![id, new_key])?;
                known.add_order(&o.source, new_key, &o.number);
            }
            return Ok(OrderMatch::Existing { id, customer });
        }
    }
    let key = match usable_id {
        Some(id) => id.to_string(),
        None => number_key(&o.number),
    };
    known.add_order(&o.source, &key, &o.number);
    Ok(OrderMatch::New { key })
}

/// What a newer export may change in an order.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
struct OrderState {
    status: String,
    paid_at: Option<String>,
    fulfilled_at: Option<String>,
    delivered_at: Option<String>,
    note: String,
    refunded_minor: i64,
    carrier: String,
    tracking_number: String,
    in_transit_at: Option<String>,
    expected_at: Option<String>,
}

/// A change to an existing order found while merging, written later by
/// [`write_order_updates`] (the import writes them with the schema's triggers
/// on, see `import_batches`).
#[derive(Debug)]
pub(crate) struct OrderUpdate {
    id: i64,
    old: OrderState,
    new: OrderState,
}

/// Whether a newer export changed the order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Refreshed {
    /// Its status, dates, note or refund changed.
    Updated,
    /// It is as stored.
    Unchanged,
}

/// Compares an existing order with the newer export; a difference in status,
/// dates, note or refunded amount is added to `updates`. The order as an
/// earlier record of the same batch left it counts as its current state. An
/// anonymised order (its customer was erased) does not get a note back.
pub(crate) fn refresh_order(
    conn: &Connection,
    id: i64,
    o: &NewOrder,
    updates: &mut Vec<OrderUpdate>,
) -> Result<Refreshed> {
    let (old, anonymised): (OrderState, bool) = conn
        .prepare_cached(
            "SELECT status, paid_at, fulfilled_at, delivered_at, customer_note, refunded_minor,
                carrier, tracking_number, in_transit_at, expected_at, anonymised_at IS NOT NULL
             FROM orders WHERE id = ?1",
        )?
        .query_row([id], |r| {
            Ok((
                OrderState {
                    status: r.get(0)?,
                    paid_at: r.get(1)?,
                    fulfilled_at: r.get(2)?,
                    delivered_at: r.get(3)?,
                    note: r.get(4)?,
                    refunded_minor: r.get(5)?,
                    carrier: r.get(6)?,
                    tracking_number: r.get(7)?,
                    in_transit_at: r.get(8)?,
                    expected_at: r.get(9)?,
                },
                r.get(10)?,
            ))
        })?;
    let old = match updates.iter().rev().find(|u| u.id == id) {
        Some(earlier) => earlier.new.clone(),
        None => old,
    };
    let new = OrderState {
        status: o.status.as_str().to_string(),
        paid_at: o.paid_at.map(to_db).or(old.paid_at.clone()),
        fulfilled_at: o.fulfilled_at.map(to_db).or(old.fulfilled_at.clone()),
        delivered_at: o.delivered_at.map(to_db).or(old.delivered_at.clone()),
        // An erased customer's order keeps no words of theirs.
        note: if anonymised {
            old.note.clone()
        } else {
            o.customer_note.clone()
        },
        refunded_minor: o.refunded.minor,
        // Exports say nothing of the parcel: what the sync brought stays.
        carrier: kept_unless_given(&o.shipment.carrier, &old.carrier),
        tracking_number: kept_unless_given(&o.shipment.tracking_number, &old.tracking_number),
        in_transit_at: o
            .shipment
            .in_transit_at
            .map(to_db)
            .or(old.in_transit_at.clone()),
        expected_at: o
            .shipment
            .expected_at
            .map(to_db)
            .or(old.expected_at.clone()),
    };
    if new == old {
        return Ok(Refreshed::Unchanged);
    }
    updates.push(OrderUpdate { id, old, new });
    Ok(Refreshed::Updated)
}

fn kept_unless_given(given: &str, old: &str) -> String {
    if given.is_empty() { old } else { given }.to_string()
}

/// Writes the changes found in existing orders, each with its audit entry, in
/// the order they were found.
pub(crate) fn write_order_updates(
    conn: &Connection,
    updates: &[OrderUpdate],
    actor: &Actor,
) -> Result<()> {
    for OrderUpdate { id, old, new } in updates {
        conn.prepare_cached(
            "UPDATE orders SET status = ?2, paid_at = ?3, fulfilled_at = ?4, delivered_at = ?5,
             customer_note = ?6, refunded_minor = ?7, carrier = ?8, tracking_number = ?9,
             in_transit_at = ?10, expected_at = ?11 WHERE id = ?1",
        )?
        .execute(params![
            id,
            new.status,
            new.paid_at,
            new.fulfilled_at,
            new.delivered_at,
            new.note,
            new.refunded_minor,
            new.carrier,
            new.tracking_number,
            new.in_transit_at,
            new.expected_at
        ])?;
        record(
            conn,
            actor,
            "order",
            Some(*id),
            "update",
            &json!({"from": old, "to": new}),
        )?;
    }
    Ok(())
}
