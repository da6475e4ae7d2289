//! The gift catalogue: what the shop keeps to put into parcels, its unit cost,
//! stock and the level at which it counts as running low. Pieces planned for
//! orders not packed yet are counted beside the stock (the shelf still holds them).

use crate::audit::{record, Actor};
use crate::db::{params, Connection, OptionalExtension, Row};
use crate::error::{Result, StoreError};
use crate::time::to_db;
use crate::Store;
use courtesy_core::gifts::Gift;
use serde::{Deserialize, Serialize};
use serde_json::json;
use ts_rs::TS;

/// A gift of the catalogue as the gifts screen shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct GiftView {
    /// Its id, as rules name it.
    #[ts(type = "number")]
    pub id: i64,
    /// Its name.
    pub name: String,
    /// Its SKU, if any.
    pub sku: Option<String>,
    /// What one costs the shop, in minor units of `currency`.
    #[ts(type = "number")]
    pub unit_cost_minor: i64,
    /// ISO currency code.
    pub currency: String,
    /// Pieces on the shelf.
    pub stock: u32,
    /// Pieces planned for orders not packed yet.
    pub planned: u32,
    /// Free pieces at or below which the gift counts as low.
    pub low_stock_at: u32,
    /// Whether rules may still plan it.
    pub active: bool,
    /// Free pieces (stock less planned) are at or below `low_stock_at`.
    pub low_stock: bool,
}

/// A new gift, or the new state of one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct GiftInput {
    /// Its name.
    pub name: String,
    /// Its SKU, if any (unique among gifts).
    #[serde(default)]
    pub sku: Option<String>,
    /// Unit cost in minor units.
    #[ts(type = "number")]
    pub unit_cost_minor: i64,
    /// ISO currency code.
    pub currency: String,
    /// Pieces on the shelf.
    pub stock: u32,
    /// The low-stock level.
    #[serde(default)]
    pub low_stock_at: u32,
    /// Whether rules may plan it.
    #[serde(default = "yes")]
    pub active: bool,
}

fn yes() -> bool {
    true
}

const GIFT_COLUMNS: &str = "g.id, g.name, g.sku, g.unit_cost_minor, g.currency, g.stock,
    g.low_stock_at, g.active,
    (SELECT count(*) FROM gift_plan_items i JOIN gift_plans p ON p.id = i.plan_id
        WHERE i.gift_id = g.id AND p.status = 'planned') AS planned";

fn gift_view(r: &Row<'_>) -> crate::db::Result<GiftView> {
    let stock: u32 = r.get(5)?;
    let low_stock_at: u32 = r.get(6)?;
    let planned: u32 = r.get(8)?;
    Ok(GiftView {
        id: r.get(0)?,
        name: r.get(1)?,
        sku: r.get(2)?,
        unit_cost_minor: r.get(3)?,
        currency: r.get(4)?,
        stock,
        planned,
        low_stock_at,
        active: r.get(7)?,
        low_stock: stock.saturating_sub(planned) <= low_stock_at,
    })
}

/// Every gift of the catalogue, by name.
pub(crate) fn gift_views(conn: &Connection) -> Result<Vec<GiftView>> {
    let sql = format!("SELECT {GIFT_COLUMNS} FROM gifts g ORDER BY g.name COLLATE NOCASE, g.id");
    let rows = conn
        .prepare_cached(&sql)?
        .query_map([], gift_view)?
        .collect::<crate::db::Result<_>>()?;
    Ok(rows)
}

fn gift_by_id(conn: &Connection, id: i64) -> Result<GiftView> {
    let sql = format!("SELECT {GIFT_COLUMNS} FROM gifts g WHERE g.id = ?1");
    conn.prepare_cached(&sql)?
        .query_row([id], gift_view)
        .optional()?
        .ok_or(StoreError::NotFound { entity: "gift", id })
}

/// The active gifts as the planner sees them, with their planned pieces. Plans of
/// `except_order` are left out (a preview of an order already planned).
pub(crate) fn plannable_gifts(conn: &Connection, except_order: Option<i64>) -> Result<Vec<Gift>> {
    let mut stmt = conn.prepare_cached(
        "SELECT g.id, g.name, g.sku, g.unit_cost_minor, g.currency, g.stock,
            (SELECT count(*) FROM gift_plan_items i JOIN gift_plans p ON p.id = i.plan_id
                WHERE i.gift_id = g.id AND p.status = 'planned' AND p.order_id IS DISTINCT FROM ?1)
         FROM gifts g WHERE g.active = 1",
    )?;
    let rows = stmt.query_map([except_order], |r| {
        Ok(Gift {
            id: r.get(0)?,
            name: r.get(1)?,
            sku: r.get(2)?,
            unit_cost_minor: r.get(3)?,
            currency: r.get(4)?,
            stock: r.get(5)?,
            planned: r.get(6)?,
        })
    })?;
    Ok(rows.collect::<crate::db::Result<_>>()?)
}

/// The input checked and tidied: a name, a three-letter currency, no negative cost.
fn checked(input: &GiftInput) -> Result<GiftInput> {
    let name = input.name.trim();
    if name.is_empty() {
        return Err(StoreError::Invalid("a gift needs a name".into()));
    }
    let currency = input.currency.trim().to_ascii_uppercase();
    if currency.len() != 3 || !currency.chars().all(|c| c.is_ascii_alphabetic()) {
        return Err(StoreError::Invalid(format!(
            "'{}' is not a currency code",
            input.currency
        )));
    }
    if input.unit_cost_minor < 0 {
        return Err(StoreError::Invalid(
            "a gift cannot cost less than nothing".into(),
        ));
    }
    Ok(GiftInput {
        name: name.to_string(),
        sku: input
            .sku
            .as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_string),
        currency,
        ..input.clone()
    })
}

fn sku_taken(e: crate::db::DbError, sku: &Option<String>) -> StoreError {
    if e.is_unique_violation() {
        StoreError::Invalid(format!(
            "another gift has the SKU '{}'",
            sku.as_deref().unwrap_or_default()
        ))
    } else {
        StoreError::Database(e)
    }
}

impl Store {
    /// The gift catalogue, by name, each with its planned pieces and low-stock flag.
    pub fn gifts(&self) -> Result<Vec<GiftView>> {
        self.read(gift_views)
    }

    /// Adds a gift to the catalogue.
    pub fn add_gift(&self, input: &GiftInput, actor: &Actor) -> Result<GiftView> {
        let g = checked(input)?;
        let at = to_db(actor.at);
        self.write(|tx| {
            let id = tx
                .prepare_cached(
                    "INSERT INTO gifts (name, sku, unit_cost_minor, currency, stock, low_stock_at,
                    active, created_at, updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8) RETURNING id",
                )?
                .insert(params![
                    g.name,
                    g.sku,
                    g.unit_cost_minor,
                    g.currency,
                    g.stock,
                    g.low_stock_at,
                    g.active,
                    at
                ])
                .map_err(|e| sku_taken(e, &g.sku))?;
            record(tx, actor, "gift", Some(id), "create", &json!(g))?;
            gift_by_id(tx, id)
        })
    }

    /// Changes a gift (its past plans keep the cost they were planned at).
    pub fn update_gift(&self, id: i64, input: &GiftInput, actor: &Actor) -> Result<GiftView> {
        let g = checked(input)?;
        self.write(|tx| {
            let before = gift_by_id(tx, id)?;
            tx.prepare_cached(
                "UPDATE gifts SET name = ?2, sku = ?3, unit_cost_minor = ?4, currency = ?5,
                    stock = ?6, low_stock_at = ?7, active = ?8, updated_at = ?9 WHERE id = ?1",
            )?
            .execute(params![
                id,
                g.name,
                g.sku,
                g.unit_cost_minor,
                g.currency,
                g.stock,
                g.low_stock_at,
                g.active,
                to_db(actor.at)
            ])
            .map_err(|e| sku_taken(e, &g.sku))?;
            record(
                tx,
                actor,
                "gift",
                Some(id),
                "update",
                &json!({"from": before, "to": g}),
            )?;
            gift_by_id(tx, id)
        })
    }

    /// Sets the pieces on the shelf after a count or a delivery.
    pub fn set_gift_stock(&self, id: i64, stock: u32, actor: &Actor) -> Result<GiftView> {
        self.write(|tx| {
            let before = gift_by_id(tx, id)?;
            tx.prepare_cached("UPDATE gifts SET stock = ?2, updated_at = ?3 WHERE id = ?1")?
                .execute(params![id, stock, to_db(actor.at)])?;
            record(
                tx,
                actor,
                "gift",
                Some(id),
                "stock",
                &json!({"from": before.stock, "to": stock}),
            )?;
            gift_by_id(tx, id)
        })
    }
}
