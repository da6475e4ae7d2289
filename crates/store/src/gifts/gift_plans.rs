//! Stored gift plans: an order's plan with its gifts, card and trace; a
//! customer's planned and past gifts; releasing a plan; and, when the order is
//! packed, the plan's gifts taken off the shelf (in the packing transaction, so
//! only once).

use crate::audit::{record, Actor};
use crate::db::{params, Connection, OptionalExtension, Row};
use crate::error::Result;
use crate::gifts::cards::{plan_card, CardView};
use crate::time::to_db;
use crate::Store;
use courtesy_core::gifts::{PlannedGift, TraceStep};
use serde::Serialize;
use serde_json::json;
use std::collections::HashMap;
use ts_rs::TS;

/// An order's gift plan: what goes into the parcel, the card, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct OrderGiftPlan {
    /// The plan's id.
    #[ts(type = "number")]
    pub plan_id: i64,
    /// The order.
    #[ts(type = "number")]
    pub order_id: i64,
    /// The order's number.
    pub order_number: String,
    /// The customer, unless erased.
    #[ts(type = "number | null")]
    pub customer_id: Option<i64>,
    /// Planned, packed (the gifts left the shelf) or released (cancelled).
    pub status: courtesy_core::gifts::PlanStatus,
    /// The order's date in the shop's time zone.
    pub given_on: String,
    /// The rule of the first gift, or of the card alone.
    #[ts(type = "number | null")]
    pub rule_id: Option<i64>,
    /// The gifts, in the order the rules chose them.
    pub gifts: Vec<PlannedGift>,
    /// The card, if any.
    pub card: Option<CardView>,
    /// Every decision of the planner.
    pub trace: Vec<TraceStep>,
    /// When it was planned (UTC).
    pub created_at: String,
    /// When its order was packed (UTC).
    pub packed_at: Option<String>,
}

const PLAN_SELECT: &str = "
    SELECT p.id, p.order_id, o.number, p.customer_id, p.status, p.given_on, p.rule_id,
        p.trace, p.created_at, p.packed_at
    FROM gift_plans p JOIN orders o ON o.id = p.order_id";

fn plan_row(r: &Row<'_>) -> crate::db::Result<OrderGiftPlan> {
    let trace: String = r.get(7)?;
    Ok(OrderGiftPlan {
        plan_id: r.get(0)?,
        order_id: r.get(1)?,
        order_number: r.get(2)?,
        customer_id: r.get(3)?,
        status: crate::calls::call_history::stored(r, 4, courtesy_core::gifts::PlanStatus::parse)?,
        given_on: r.get(5)?,
        rule_id: r.get(6)?,
        gifts: Vec::new(),
        card: None,
        trace: serde_json::from_str(&trace).unwrap_or_default(),
        created_at: r.get(8)?,
        packed_at: r.get(9)?,
    })
}

/// The plan with its gifts and card filled in.
fn completed(conn: &Connection, mut plan: OrderGiftPlan) -> Result<OrderGiftPlan> {
    let mut stmt = conn.prepare_cached(
        "SELECT i.gift_id, i.rule_id, g.name, g.sku, i.unit_cost_minor, i.currency
         FROM gift_plan_items i JOIN gifts g ON g.id = i.gift_id
         WHERE i.plan_id = ?1 ORDER BY i.id",
    )?;
    plan.gifts = stmt
        .query_map([plan.plan_id], |r| {
            Ok(PlannedGift {
                gift_id: r.get(0)?,
                rule_id: r.get(1)?,
                name: r.get(2)?,
                sku: r.get(3)?,
                unit_cost_minor: r.get(4)?,
                currency: r.get(5)?,
            })
        })?
        .collect::<crate::db::Result<_>>()?;
    plan.card = plan_card(conn, plan.plan_id)?;
    Ok(plan)
}

/// The order's live plan, else its newest released one.
pub(crate) fn order_plan(conn: &Connection, order_id: i64) -> Result<Option<OrderGiftPlan>> {
    let sql = format!(
        "{PLAN_SELECT} WHERE p.order_id = ?1 ORDER BY p.status = 'released', p.id DESC LIMIT 1"
    );
    let plan = conn
        .prepare_cached(&sql)?
        .query_row([order_id], plan_row)
        .optional()?;
    plan.map(|p| completed(conn, p)).transpose()
}

/// Marks the order's planned gifts packed and takes them off the shelf (never
/// below zero). Called inside the transaction that marks the order packed.
pub(crate) fn pack_plan(tx: &Connection, order_id: i64, at: &str, actor: &Actor) -> Result<()> {
    let plan_id: Option<i64> = tx
        .prepare_cached("SELECT id FROM gift_plans WHERE order_id = ?1 AND status = 'planned'")?
        .query_row([order_id], |r| r.get(0))
        .optional()?;
    let Some(plan_id) = plan_id else {
        return Ok(());
    };
    let moved = tx
        .prepare_cached(
            "UPDATE gifts SET stock = (SELECT CASE WHEN left_over > 0 THEN left_over ELSE 0 END
                    FROM (SELECT stock - (SELECT count(*) FROM gift_plan_items i
                        WHERE i.plan_id = ?1 AND i.gift_id = gifts.id) AS left_over) AS s),
                 updated_at = ?2
             WHERE id IN (SELECT gift_id FROM gift_plan_items WHERE plan_id = ?1)",
        )?
        .execute(params![plan_id, at])?;
    tx.prepare_cached("UPDATE gift_plans SET status = 'packed', packed_at = ?2 WHERE id = ?1")?
        .execute(params![plan_id, at])?;
    if moved > 0 {
        record(
            tx,
            actor,
            "gift_plan",
            Some(plan_id),
            "pack",
            &json!({"order_id": order_id, "gifts": moved}),
        )?;
    }
    Ok(())
}

impl Store {
    /// The order's gift plan (the live one, else the newest released), if any.
    pub fn order_gift_plan(&self, order_id: i64) -> Result<Option<OrderGiftPlan>> {
        self.read(|conn| order_plan(conn, order_id))
    }

    /// The live (planned or packed) plans of these orders, by order id; for a
    /// batch of slips.
    pub fn gift_plans_for_orders(&self, order_ids: &[i64]) -> Result<HashMap<i64, OrderGiftPlan>> {
        self.read(|conn| {
            let mut out = HashMap::new();
            for &id in order_ids {
                if let Some(plan) = order_plan(conn, id)?.filter(|p| p.status != "released") {
                    out.insert(id, plan);
                }
            }
            Ok(out)
        })
    }

    /// A customer's gifts, planned and past, newest first, each with its card.
    pub fn customer_gifts(&self, customer_id: i64) -> Result<Vec<OrderGiftPlan>> {
        self.read(|conn| {
            let sql = format!(
                "{PLAN_SELECT} WHERE p.customer_id = ?1 ORDER BY p.given_on DESC, p.id DESC"
            );
            let plans: Vec<OrderGiftPlan> = conn
                .prepare_cached(&sql)?
                .query_map([customer_id], plan_row)?
                .collect::<crate::db::Result<_>>()?;
            plans.into_iter().map(|p| completed(conn, p)).collect()
        })
    }

    /// Gives the order's planned gifts back to the shelf and drops its unwritten
    /// card (the owner decided against it; cancelling the order does the same by
    /// itself). `None` when the order had no planned gifts left to release.
    pub fn release_gift_plan(&self, order_id: i64, actor: &Actor) -> Result<Option<OrderGiftPlan>> {
        self.write(|tx| {
            let plan_id: Option<i64> = tx
                .prepare_cached(
                    "SELECT id FROM gift_plans WHERE order_id = ?1 AND status = 'planned'",
                )?
                .query_row([order_id], |r| r.get(0))
                .optional()?;
            let Some(plan_id) = plan_id else {
                return Ok(None);
            };
            tx.prepare_cached(
                "UPDATE cards SET status = 'dropped' WHERE plan_id = ?1 AND status = 'to_write'",
            )?
            .execute([plan_id])?;
            tx.prepare_cached(
                "UPDATE gift_plans SET status = 'released', released_at = ?2 WHERE id = ?1",
            )?
            .execute(params![plan_id, to_db(actor.at)])?;
            record(
                tx,
                actor,
                "gift_plan",
                Some(plan_id),
                "release",
                &json!({"order_id": order_id}),
            )?;
            order_plan(tx, order_id)
        })
    }
}
