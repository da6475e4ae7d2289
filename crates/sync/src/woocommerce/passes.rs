//! Reading a WooCommerce shop: its registered customers, then its orders,
//! 100 to a page, each page written with the place it reached.
//!
//! The first sync reads every order by id (ids do not move while it reads);
//! later syncs read orders changed since the watermark (less the overlap),
//! also by id: an order changed while the pass reads can only join the list,
//! never leave it, so nothing is skipped and a twice-read order merges.
//! Registered customers come from `/customers` (the whole list the first
//! time, the newly registered since then); guests come with their orders.

use crate::run::page_writer::{PageWriter, Read};
use crate::run::progress::SyncPhase;
use crate::run::resume::Resume;
use crate::sync_error::SyncError;
use crate::woocommerce::rest::Rest;
use chrono::{DateTime, SecondsFormat, Utc};
use courtesy_import::{woocommerce_api_customer, woocommerce_api_order, Flow, Record, RowError};
use courtesy_store::SyncRecords;
use serde_json::{Map, Value};

/// Records per page (WooCommerce's most).
pub const PER_PAGE: u32 = 100;

/// The most pages one pass reads (a million records).
const MAX_PAGES: u32 = 10_000;

/// Syncs customers, then orders; `Cancel` when the caller cancelled.
pub async fn sync(rest: &mut Rest, w: &mut PageWriter<'_>) -> Result<Flow, SyncError> {
    if customers(rest, w).await? == Flow::Cancel {
        return Ok(Flow::Cancel);
    }
    orders(rest, w).await
}

fn gmt(at: DateTime<Utc>) -> String {
    at.to_rfc3339_opts(SecondsFormat::Secs, true)
        .trim_end_matches('Z')
        .to_string()
}

/// The objects of a page that must be a list.
fn objects(page: Value, what: &str) -> Result<Vec<Value>, SyncError> {
    match page {
        Value::Array(list) => Ok(list),
        other => Err(SyncError::BadPage {
            what: what.to_string(),
            reason: format!(
                "a list was expected, not {}",
                match other {
                    Value::Object(_) => "an object",
                    Value::Null => "nothing",
                    _ => "a single value",
                }
            ),
        }),
    }
}

fn each<T>(
    list: &[Value],
    read: impl Fn(u64, &Map<String, Value>) -> Result<T, RowError>,
    wrap: impl Fn(T) -> Record,
) -> Vec<Read> {
    list.iter()
        .enumerate()
        .map(|(i, v)| {
            let row = i as u64 + 1;
            match v.as_object() {
                Some(o) => read(row, o).map(&wrap),
                None => Err(RowError {
                    row,
                    column: None,
                    reason: "it is not an object".to_string(),
                }),
            }
        })
        .collect()
}

/// The page count the answer gives, else whether a full page suggests more.
fn total_pages(answer: &crate::http::Answer, page: u32, len: usize) -> u32 {
    answer
        .header("x-wp-totalpages")
        .and_then(|t| t.trim().parse().ok())
        .unwrap_or(if len as u32 >= PER_PAGE {
            page + 1
        } else {
            page
        })
}

async fn orders(rest: &mut Rest, w: &mut PageWriter<'_>) -> Result<Flow, SyncError> {
    let shop = w.shop();
    let mark = w.store().sync_mark(shop.id, SyncRecords::Orders)?;
    let mut pass = Resume::begin(&mark, w.now());
    w.phase(SyncPhase::Orders, pass.whole_shop(), None);
    let mut page = pass.page.unwrap_or(1).max(1);
    while page <= MAX_PAGES {
        let mut query = vec![
            ("per_page", PER_PAGE.to_string()),
            ("page", page.to_string()),
            ("orderby", "id".to_string()),
            ("order", "asc".to_string()),
            ("status", "any".to_string()),
        ];
        if let Some(since) = pass.since {
            query.push(("modified_after", gmt(since)));
            query.push(("dates_are_gmt", "true".to_string()));
        }
        let what = format!("orders page {page}");
        let answer = rest.get("orders", &query, &what).await?;
        w.progress.total = answer
            .header("x-wp-total")
            .and_then(|t| t.trim().parse().ok());
        let list = objects(answer.json(&what)?, &what)?;
        let last = list.is_empty() || page >= total_pages(&answer, page, list.len());
        let reads = each(&list, woocommerce_api_order, Record::Order);
        pass.page = Some(page + 1);
        let next = if last {
            pass.finished()
        } else {
            pass.mark(mark.watermark)
        };
        let flow = w.write_page(SyncRecords::Orders, reads, &next, &what, &rest.transport)?;
        if last || flow == Flow::Cancel {
            return Ok(flow);
        }
        page += 1;
    }
    Ok(Flow::Continue)
}

async fn customers(rest: &mut Rest, w: &mut PageWriter<'_>) -> Result<Flow, SyncError> {
    let shop = w.shop();
    let mark = w.store().sync_mark(shop.id, SyncRecords::Customers)?;
    let mut pass = Resume::begin(&mark, w.now());
    w.phase(SyncPhase::Customers, pass.whole_shop(), None);
    let mut page = pass.page.unwrap_or(1).max(1);
    while page <= MAX_PAGES {
        // The whole list by id the first time; then the newest registered
        // first, until one registered before the watermark.
        let (orderby, order) = match pass.since {
            None => ("id", "asc"),
            Some(_) => ("registered_date", "desc"),
        };
        let query = vec![
            ("per_page", PER_PAGE.to_string()),
            ("page", page.to_string()),
            ("orderby", orderby.to_string()),
            ("order", order.to_string()),
            ("role", "all".to_string()),
        ];
        let what = format!("customers page {page}");
        let answer = match rest.get("customers", &query, &what).await {
            Ok(a) => a,
            // A key that may read orders but not list customers: buyers come
            // with their orders.
            Err(SyncError::ScopeMissing { .. }) if page == 1 => {
                let flow = w.write_page(
                    SyncRecords::Customers,
                    Vec::new(),
                    &pass.finished(),
                    &what,
                    &rest.transport,
                )?;
                return Ok(flow);
            }
            Err(e) => return Err(e),
        };
        w.progress.total = answer
            .header("x-wp-total")
            .and_then(|t| t.trim().parse().ok());
        let mut list = objects(answer.json(&what)?, &what)?;
        let mut older_reached = false;
        if let Some(since) = pass.since {
            let before = list.len();
            list.retain(|c| registered(c).is_none_or(|at| at >= since));
            older_reached = list.len() < before;
        }
        let last =
            older_reached || list.is_empty() || page >= total_pages(&answer, page, list.len());
        let reads = each(&list, woocommerce_api_customer, Record::Customer);
        pass.page = Some(page + 1);
        let next = if last {
            pass.finished()
        } else {
            pass.mark(mark.watermark)
        };
        let flow = w.write_page(SyncRecords::Customers, reads, &next, &what, &rest.transport)?;
        if last || flow == Flow::Cancel {
            return Ok(flow);
        }
        page += 1;
    }
    Ok(Flow::Continue)
}

/// When a customer registered (`date_created_gmt`).
fn registered(customer: &Value) -> Option<DateTime<Utc>> {
    let text = customer.get("date_created_gmt")?.as_str()?;
    chrono::NaiveDateTime::parse_from_str(text, "%Y-%m-%dT%H:%M:%S")
        .ok()
        .map(|n| n.and_utc())
}
