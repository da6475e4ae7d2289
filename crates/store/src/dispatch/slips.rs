//! Orders as a packing slip needs them, the choice of orders for a batch of
//! slips, and the slip print log (every slip printed or saved, with its copy
//! number, so reprints say COPY).

use crate::audit::{record, Actor};
use crate::customers::orders::order_lines;
use crate::db::Value;
use crate::db::{params, params_from_iter, Connection, OptionalExtension, Row};
use crate::error::{Result, StoreError};
use crate::settings::shop_country;
use crate::time::to_db;
use crate::{OrderLineView, Store};
use chrono::NaiveDate;
use courtesy_core::{
    pack_verdict, walking_order, Currency, Language, Money, OrderStatus, PackVerdict, PageSize,
    PostalAddress,
};
use serde::{Deserialize, Serialize};
use serde_json::json;
use ts_rs::TS;

/// One order with everything its packing slip and the dispatch desk show.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SlipOrder {
    /// Database id.
    #[ts(type = "number")]
    pub id: i64,
    /// Shown number, e.g. `#1001`.
    pub number: String,
    /// Status.
    pub status: OrderStatus,
    /// UTC, ISO 8601.
    pub placed_at: String,
    /// What the customer paid.
    pub total: Money,
    /// Shipping method.
    pub shipping_method: String,
    /// The ship-to address as printed, in the destination country's order.
    pub ship_to: Vec<String>,
    /// ISO alpha-2 of the destination.
    pub ship_country: String,
    /// The customer's note.
    pub customer_note: String,
    /// The gift message.
    pub gift_message: String,
    /// The customer's language, or the destination country's.
    pub language: Language,
    /// The buyer's name (the ship-to name for guests).
    pub customer_name: String,
    /// Lines in the order they were bought (the slip sorts them by bin).
    pub lines: Vec<OrderLineView>,
    /// Slips printed or saved so far; the next one is copy number `prints`.
    #[ts(type = "number")]
    pub prints: i64,
    /// When it was packed (UTC), if it was.
    pub packed_at: Option<String>,
    /// Who packed it.
    pub packed_by: String,
    /// Whether the bench may pack it.
    pub pack: PackVerdict,
}

/// How a batch of slips is ordered.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum SlipSort {
    /// By the first bin location a packer walks to (orders without bins last), then number.
    #[default]
    Bin,
    /// By order number.
    Number,
}

/// Which orders a batch of slips takes. Empty `statuses` means paid orders.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
pub struct SlipFilter {
    /// Order statuses to take; empty: paid.
    pub statuses: Vec<OrderStatus>,
    /// Only orders with no slip printed yet.
    pub unprinted: bool,
    /// Only orders not packed yet.
    pub unpacked: bool,
    /// Placed on or after this day (UTC).
    pub placed_from: Option<NaiveDate>,
    /// Placed on or before this day (UTC).
    pub placed_to: Option<NaiveDate>,
    /// Only this shipping method (exact, case-insensitive).
    pub shipping_method: Option<String>,
    /// A hand selection: only these orders (the other conditions still apply).
    #[ts(type = "number[] | null")]
    pub order_ids: Option<Vec<i64>>,
    /// The order of the slips in the batch.
    pub sort: SlipSort,
}

/// Where a batch of slips went.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SlipDestination {
    /// A system print queue, with the job id it answered.
    Printer {
        /// Queue name.
        printer: String,
        /// Job id, when the system gave one.
        job: String,
    },
    /// A PDF file the user saved.
    File,
}

/// One row of the slip print log.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SlipPrint {
    /// The order.
    #[ts(type = "number")]
    pub order_id: i64,
    /// UTC, ISO 8601.
    pub printed_at: String,
    /// `printer` or `file`.
    pub destination: String,
    /// The queue, for printed slips.
    pub printer: String,
    /// The page size.
    pub page_size: String,
    /// 0 for the first slip, then 1, 2, ...
    #[ts(type = "number")]
    pub copy_number: i64,
    /// Who printed it.
    pub actor: String,
}

const SLIP_COLUMNS: &str = "o.id, o.number, o.status, o.placed_at, o.currency, o.total_minor,
    o.shipping_method, o.ship_name, o.ship_company, o.ship_line1, o.ship_line2, o.ship_postal_code,
    o.ship_city, o.ship_region, o.ship_country, o.customer_note, o.gift_message,
    c.language, c.first_name, c.last_name, o.packed_at, o.packed_by,
    (SELECT count(*) FROM slip_prints s WHERE s.order_id = o.id) AS prints";

fn conversion_error(e: impl std::error::Error + Send + Sync + 'static) -> crate::db::DbError {
    crate::db::DbError::conversion(0, e)
}

fn slip_order_from_row(r: &Row<'_>, shop_country: &str) -> crate::db::Result<SlipOrder> {
    let currency = Currency::parse(&r.get::<_, String>("currency")?).map_err(conversion_error)?;
    let status_text: String = r.get("status")?;
    let address = PostalAddress {
        name: r.get("ship_name")?,
        company: r.get("ship_company")?,
        line1: r.get("ship_line1")?,
        line2: r.get("ship_line2")?,
        postal_code: r.get("ship_postal_code")?,
        city: r.get("ship_city")?,
        region: r.get("ship_region")?,
        country: r.get("ship_country")?,
    };
    let language = r
        .get::<_, Option<String>>("language")?
        .and_then(|l| Language::from_tag(&l))
        .unwrap_or_else(|| Language::for_country(&address.country));
    let buyer = [
        r.get::<_, Option<String>>("first_name")?,
        r.get("last_name")?,
    ]
    .into_iter()
    .flatten()
    .filter(|s| !s.is_empty())
    .collect::<Vec<_>>()
    .join(" ");
    let status = OrderStatus::parse(&status_text).unwrap_or(OrderStatus::Open);
    let (packed_at, packed_by): (Option<String>, String) =
        (r.get("packed_at")?, r.get("packed_by")?);
    Ok(SlipOrder {
        id: r.get("id")?,
        number: r.get("number")?,
        status,
        placed_at: r.get("placed_at")?,
        total: Money::new(r.get("total_minor")?, currency),
        shipping_method: r.get("shipping_method")?,
        ship_to: address.lines(shop_country),
        ship_country: address.country.clone(),
        customer_note: r.get("customer_note")?,
        gift_message: r.get("gift_message")?,
        language,
        customer_name: if buyer.is_empty() {
            address.name.clone()
        } else {
            buyer
        },
        lines: Vec::new(),
        prints: r.get("prints")?,
        packed_at: packed_at.clone(),
        pack: pack_verdict(status, packed_at.as_deref(), &packed_by),
        packed_by,
    })
}

/// Loads the orders matching `where_sql` (over `orders o LEFT JOIN customers c`)
/// with their lines.
pub(crate) fn load_slip_orders(
    conn: &Connection,
    where_sql: &str,
    args: Vec<Value>,
) -> Result<Vec<SlipOrder>> {
    let country = shop_country(conn)?;
    let sql = format!(
        "SELECT {SLIP_COLUMNS} FROM orders o LEFT JOIN customers c ON c.id = o.customer_id
         WHERE {where_sql}"
    );
    let mut orders = conn
        .prepare(&sql)?
        .query_map(params_from_iter(args), |r| slip_order_from_row(r, &country))?
        .collect::<crate::db::Result<Vec<_>>>()?;
    for o in &mut orders {
        o.lines = order_lines(conn, o.id, o.total.currency)?;
        // In the order a packer walks the shelves.
        o.lines.sort_by(|a, b| {
            walking_order(
                (a.bin_location.as_deref().unwrap_or(""), &a.sku),
                (b.bin_location.as_deref().unwrap_or(""), &b.sku),
            )
        });
    }
    Ok(orders)
}

/// The first bin a packer walks to for this order; orders without bins sort last.
fn first_bin(order: &SlipOrder) -> (bool, String) {
    let bin = order
        .lines
        .iter()
        .filter_map(|l| l.bin_location.clone())
        .min()
        .unwrap_or_default();
    (bin.is_empty(), bin)
}

/// `#1001` and `1001` compare as numbers where they are numbers.
fn number_key(number: &str) -> (u64, String) {
    let digits: String = number.chars().filter(char::is_ascii_digit).collect();
    (digits.parse().unwrap_or(u64::MAX), number.to_string())
}

fn sort_batch(orders: &mut [SlipOrder], sort: SlipSort) {
    match sort {
        SlipSort::Bin => orders.sort_by_cached_key(|o| (first_bin(o), number_key(&o.number))),
        SlipSort::Number => orders.sort_by_cached_key(|o| number_key(&o.number)),
    }
}

fn filter_sql(f: &SlipFilter) -> (String, Vec<Value>) {
    let mut conditions: Vec<String> = Vec::new();
    let mut args: Vec<Value> = Vec::new();
    let statuses: Vec<OrderStatus> = if f.statuses.is_empty() {
        vec![OrderStatus::Paid]
    } else {
        f.statuses.clone()
    };
    let marks = vec!["?"; statuses.len()].join(",");
    conditions.push(format!("o.status IN ({marks})"));
    args.extend(statuses.iter().map(|s| Value::Text(s.as_str().to_string())));
    if f.unprinted {
        conditions.push("NOT EXISTS (SELECT 1 FROM slip_prints s WHERE s.order_id = o.id)".into());
    }
    if f.unpacked {
        conditions.push("o.packed_at IS NULL".into());
    }
    if let Some(from) = f.placed_from {
        conditions.push("o.placed_at >= ?".into());
        args.push(Value::Text(format!("{from}")));
    }
    if let Some(to) = f.placed_to.and_then(|d| d.succ_opt()) {
        conditions.push("o.placed_at < ?".into());
        args.push(Value::Text(format!("{to}")));
    }
    if let Some(method) = f
        .shipping_method
        .as_deref()
        .filter(|m| !m.trim().is_empty())
    {
        conditions.push("o.shipping_method = ? COLLATE NOCASE".into());
        args.push(Value::Text(method.trim().to_string()));
    }
    if let Some(ids) = &f.order_ids {
        let marks = vec!["?"; ids.len()].join(",");
        conditions.push(format!("o.id IN ({marks})"));
        args.extend(ids.iter().map(|&id| Value::Integer(id)));
    }
    (conditions.join(" AND "), args)
}

impl Store {
    /// The orders a batch of slips takes, in batch order.
    pub fn slip_orders(&self, filter: &SlipFilter) -> Result<Vec<SlipOrder>> {
        if filter.order_ids.as_ref().is_some_and(Vec::is_empty) {
            return Ok(Vec::new());
        }
        let (where_sql, args) = filter_sql(filter);
        let mut orders = self.read(|c| load_slip_orders(c, &where_sql, args))?;
        sort_batch(&mut orders, filter.sort);
        Ok(orders)
    }

    /// The shipping methods of the orders, most used first, for the batch filter.
    pub fn shipping_methods(&self) -> Result<Vec<String>> {
        self.read(|c| {
            Ok(c.prepare_cached(
                "SELECT shipping_method FROM orders WHERE shipping_method <> ''
                 GROUP BY shipping_method ORDER BY count(*) DESC, shipping_method",
            )?
            .query_map([], |r| r.get(0))?
            .collect::<crate::db::Result<Vec<String>>>()?)
        })
    }

    /// Logs one slip per order, each with the next copy number, in one
    /// transaction; returns the copy numbers in the order given.
    pub fn record_slip_prints(
        &self,
        order_ids: &[i64],
        destination: &SlipDestination,
        page_size: PageSize,
        actor: &Actor,
    ) -> Result<Vec<i64>> {
        let page_size = page_size.code();
        let (kind, printer, job) = match destination {
            SlipDestination::Printer { printer, job } => {
                ("printer", printer.as_str(), job.as_str())
            }
            SlipDestination::File => ("file", "", ""),
        };
        let at = to_db(actor.at);
        self.write(|tx| {
            let mut next = tx.prepare_cached(
                "SELECT coalesce(max(copy_number) + 1, 0) FROM slip_prints WHERE order_id = ?1",
            )?;
            let mut insert = tx.prepare_cached(
                "INSERT INTO slip_prints (order_id, printed_at, destination, printer, job, page_size, copy_number, actor, source)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
            )?;
            let mut copies = Vec::with_capacity(order_ids.len());
            for &id in order_ids {
                let exists: Option<i64> = tx
                    .prepare_cached("SELECT id FROM orders WHERE id = ?1")?
                    .query_row([id], |r| r.get(0))
                    .optional()?;
                if exists.is_none() {
                    return Err(StoreError::NotFound { entity: "order", id });
                }
                let copy: i64 = next.query_row([id], |r| r.get(0))?;
                insert.execute(params![
                    id,
                    at,
                    kind,
                    printer,
                    job,
                    page_size,
                    copy,
                    actor.name,
                    actor.source.as_str()
                ])?;
                copies.push(copy);
            }
            record(
                tx,
                actor,
                "slip",
                None,
                "print",
                &json!({"orders": order_ids.len(), "destination": kind, "printer": printer, "pageSize": page_size}),
            )?;
            Ok(copies)
        })
    }

    /// The slips printed for an order, oldest first.
    pub fn slip_prints(&self, order_id: i64) -> Result<Vec<SlipPrint>> {
        self.read(|c| {
            Ok(c.prepare_cached(
                "SELECT order_id, printed_at, destination, printer, page_size, copy_number, actor
                 FROM slip_prints WHERE order_id = ?1 ORDER BY copy_number",
            )?
            .query_map([order_id], |r| {
                Ok(SlipPrint {
                    order_id: r.get(0)?,
                    printed_at: r.get(1)?,
                    destination: r.get(2)?,
                    printer: r.get(3)?,
                    page_size: r.get(4)?,
                    copy_number: r.get(5)?,
                    actor: r.get(6)?,
                })
            })?
            .collect::<crate::db::Result<Vec<_>>>()?)
        })
    }
}
