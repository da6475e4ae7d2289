//! The dispatch desk's reads and writes: what a scanned code is (an order
//! number or a product's SKU), and marking an order packed (its planned gifts
//! leave the shelf in the same transaction).

use crate::audit::{record, Actor};
use crate::db::OptionalExtension;
use crate::db::Value;
use crate::dispatch::slips::{load_slip_orders, SlipOrder};
use crate::error::{Result, StoreError};
use crate::gifts::gift_plans::pack_plan;
use crate::time::to_db;
use crate::Store;
use courtesy_core::{pack_verdict, OrderStatus, PackVerdict};
use serde::Serialize;
use serde_json::json;
use ts_rs::TS;

/// A product from the catalogue, as a scanned SKU finds it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ProductView {
    /// Stock keeping unit.
    pub sku: String,
    /// Name.
    pub name: String,
    /// Where it sits.
    pub bin_location: String,
}

/// What a scanned or typed code is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(tag = "kind", rename_all = "camelCase")]
pub enum ScanResult {
    /// An order number.
    Order {
        /// The order with its lines.
        order: Box<SlipOrder>,
    },
    /// A product's SKU.
    Product {
        /// The product.
        product: ProductView,
    },
    /// Neither.
    Unknown {
        /// The code as read, trimmed.
        code: String,
    },
}

/// The order numbers a scanned code may stand for: as read, and with or
/// without the `#` shops print before their numbers.
fn number_candidates(code: &str) -> [String; 2] {
    match code.strip_prefix('#') {
        Some(bare) => [code.to_string(), bare.to_string()],
        None => [code.to_string(), format!("#{code}")],
    }
}

impl Store {
    /// Looks a scanned code up: first as an order number (the newest order of
    /// that number), then as a SKU.
    pub fn scan(&self, code: &str) -> Result<ScanResult> {
        let code = code.trim();
        if code.is_empty() {
            return Ok(ScanResult::Unknown {
                code: String::new(),
            });
        }
        let [a, b] = number_candidates(code);
        let orders = self.read(|c| {
            load_slip_orders(
                c,
                "o.number IN (?1, ?2) ORDER BY o.placed_at DESC, o.id DESC LIMIT 1",
                vec![Value::Text(a), Value::Text(b)],
            )
        })?;
        if let Some(order) = orders.into_iter().next() {
            return Ok(ScanResult::Order {
                order: Box::new(order),
            });
        }
        let product = self.read(|c| {
            Ok(c.prepare_cached(
                "SELECT sku, name, bin_location FROM products WHERE sku = ?1 COLLATE NOCASE",
            )?
            .query_row([code], |r| {
                Ok(ProductView {
                    sku: r.get(0)?,
                    name: r.get(1)?,
                    bin_location: r.get(2)?,
                })
            })
            .optional()?)
        })?;
        Ok(match product {
            Some(product) => ScanResult::Product { product },
            None => ScanResult::Unknown {
                code: code.to_string(),
            },
        })
    }

    /// One order with its lines, as the dispatch desk shows it.
    pub fn slip_order(&self, order_id: i64) -> Result<SlipOrder> {
        self.read(|c| load_slip_orders(c, "o.id = ?1", vec![Value::Integer(order_id)]))?
            .into_iter()
            .next()
            .ok_or(StoreError::NotFound {
                entity: "order",
                id: order_id,
            })
    }

    /// Marks an order packed by `actor`. A cancelled or refunded order, or one
    /// packed already, is refused and left as it was.
    pub fn mark_packed(&self, order_id: i64, actor: &Actor) -> Result<SlipOrder> {
        let at = to_db(actor.at);
        self.write(|tx| {
            let row: Option<(String, Option<String>, String)> = tx
                .prepare_cached("SELECT status, packed_at, packed_by FROM orders WHERE id = ?1")?
                .query_row([order_id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
                .optional()?;
            let (status, packed_at, packed_by) = row.ok_or(StoreError::NotFound {
                entity: "order",
                id: order_id,
            })?;
            let status = OrderStatus::parse(&status).unwrap_or(OrderStatus::Open);
            match pack_verdict(status, packed_at.as_deref(), &packed_by) {
                PackVerdict::MayPack => {}
                PackVerdict::DoNotPack { status } => {
                    return Err(StoreError::NotToBePacked {
                        status: status.as_str().to_string(),
                    })
                }
                PackVerdict::AlreadyPacked { at, by } => {
                    return Err(StoreError::AlreadyPacked { at, by })
                }
            }
            tx.prepare_cached("UPDATE orders SET packed_at = ?2, packed_by = ?3 WHERE id = ?1")?
                .execute(crate::db::params![order_id, at, actor.name])?;
            pack_plan(tx, order_id, &at, actor)?;
            record(
                tx,
                actor,
                "order",
                Some(order_id),
                "pack",
                &json!({"at": at}),
            )?;
            Ok(())
        })?;
        self.slip_order(order_id)
    }
}
